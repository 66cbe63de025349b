"""SampleStore: the user's own labelled digits, kept in SQLite for personalisation.

One row per sample: its ink JSON (the drawing, ``NULL`` for a sample added from an image), the
28x28 image the network saw (784 uint8 bytes, white on black like MNIST), the label the user gave,
what the model predicted and which model that was, and when.

Why SQLite (the standard library's ``sqlite3``) and not a folder of files:

* **Crash safety.** Every write is one transaction in WAL mode: an app killed mid-write (or a
  power cut) leaves either the whole sample or none of it, and the next open finishes the job.
  ``synchronous=NORMAL`` keeps an add under a millisecond; in WAL mode it can only lose the last
  few commits on a power cut, never corrupt the file or lose them on a crash of the app.
* **Two app instances at once.** WAL lets readers and a writer work side by side, writers queue
  on ``busy_timeout``, and migrations run inside ``BEGIN IMMEDIATE`` so only one instance
  migrates.
* **A damaged file** (not SQLite, or failing ``PRAGMA quick_check``) is moved aside to
  ``samples.sqlite3.corrupt-<timestamp>`` (with its ``-wal``), the samples that can still be read
  from it are copied over, and a fresh store starts; :attr:`SampleStore.recovery_message` says so.

The schema version is ``PRAGMA user_version``; :data:`MIGRATIONS` takes a store from one version
to the next. No Qt here; NumPy and Pillow only.
"""
from __future__ import annotations

import csv
import datetime as _dt
import io
import json
import os
import re
import shutil
import sqlite3
import tempfile
import threading
import uuid
import warnings
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from . import paths
from .archives import zip_errors
from .errors import DigitPadError
from .ink import Ink, InkError
from .ink import parse as parse_ink

FILENAME = "samples.sqlite3"
BUSY_TIMEOUT_MS = 10_000
# SQLite's automatic checkpoint (copying the WAL back into the database) runs inside the commit
# that crosses 1000 WAL pages and fsyncs: ~100 ms every ~250 adds on a laptop disk. It is turned
# off on the store's connection and done by a short-lived thread on its own connection instead,
# which does not block writers; closing the last connection checkpoints and removes the WAL.
CHECKPOINT_EVERY = 200  # commits
MAX_IMPORT_BYTES = 200 * 2**20  # uncompressed; a sample's ink is ~1-5 kB
MAX_IMPORT_FILES = 100_000
MAX_ENTRY_BYTES = 8 * 2**20  # one ink JSON or PNG
MAX_SALVAGE_LOOKUPS = 1_000_000  # ids looked up one by one around damage (~1 s per 100,000)
_ENTRY = re.compile(r"^(\d{1,12})_([0-9])\.(json|png)$")
CSV_FIELDS = ("id", "label", "file", "predicted", "model_id", "created")

MIGRATIONS: list[str] = [
    # 0 -> 1: the first schema.
    """
    CREATE TABLE samples (
        id        INTEGER PRIMARY KEY AUTOINCREMENT,
        label     INTEGER NOT NULL CHECK (label BETWEEN 0 AND 9),
        image     BLOB    NOT NULL CHECK (length(image) = 784),
        ink       TEXT,
        predicted INTEGER CHECK (predicted IS NULL OR predicted BETWEEN 0 AND 9),
        model_id  TEXT,
        created   TEXT    NOT NULL
    );
    CREATE INDEX samples_by_label ON samples (label, id);
    """,
]
SCHEMA_VERSION = len(MIGRATIONS)
_COLUMNS = "id, label, image, ink, predicted, model_id, created"


class SampleError(DigitPadError, RuntimeError):
    """A sample or sample file that cannot be stored, found or read; the message says what to do."""
    title = "Cannot use your samples"


@dataclass(frozen=True)
class Sample:
    id: int
    label: int
    image: np.ndarray  # (28, 28) uint8, white digit on black
    ink_json: str | None  # the drawing as DigitPad ink JSON; None for samples added from images
    predicted: int | None
    model_id: str | None
    created: str  # ISO 8601 local time with offset

    @property
    def ink(self) -> Ink | None:
        """The drawing (parsed on demand, so listing thousands of samples stays fast)."""
        if self.ink_json is None:
            return None
        return Ink.from_dict(json.loads(self.ink_json), f"sample {self.id}")

    @property
    def kind(self) -> str:
        return "image" if self.ink_json is None else "ink"

    @property
    def correct(self) -> bool | None:
        """Whether the model that saw it read it right (None when no prediction was recorded)."""
        return None if self.predicted is None else self.predicted == self.label


class SampleStore:
    """The user's labelled samples in one SQLite file; safe to use from several threads.

    ``recovered_from`` is the path a damaged database was moved to on open (else None), and
    ``recovery_message`` the sentence to show the user about it.
    """

    def __init__(self, path: str | os.PathLike | None = None):
        self.path = Path(path) if path is not None else paths.data_home() / FILENAME
        self.recovered_from: Path | None = None
        self.recovery_message: str | None = None
        self.salvaged = self.lost = 0  # samples copied from / lost with a damaged file
        self._lock = threading.RLock()
        self._added: list[int] = []  # ids added through this object, for undo_last_add
        self._conn: sqlite3.Connection | None = None
        self._commits = 0
        self._checkpointer: threading.Thread | None = None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise SampleError(f"Cannot create the folder for the sample store {self.path.parent} ({exc}).") from None
        self._conn = self._open()

    # -- opening ---------------------------------------------------------------------------------
    def _connect(self) -> sqlite3.Connection:
        try:
            conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None,
                                   check_same_thread=False)
        except sqlite3.Error as exc:
            raise SampleError(f"Cannot open the sample store {self.path} ({exc}).") from None
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA wal_autocheckpoint = 0")
        return conn

    def _open(self) -> sqlite3.Connection:
        reason = _not_sqlite(self.path)
        if reason is None:  # else SQLite is not even asked: it could discard the file's WAL
            conn = self._connect()
            try:
                self._prepare(conn)
                return conn
            except sqlite3.DatabaseError as exc:
                conn.close()
                if not _is_corruption(exc):
                    raise _as_sample_error(exc, f"Cannot open the sample store {self.path}") from None
                reason = str(exc)
            except _Damaged as exc:
                conn.close()
                reason = str(exc)
            except BaseException:
                conn.close()
                raise
        self._recover(reason)
        conn = self._connect()
        try:
            self._prepare(conn)
        except sqlite3.Error as exc:
            conn.close()
            raise _as_sample_error(exc, f"Cannot start a new sample store at {self.path}") from None
        salvaged, lost = self._salvage(conn)
        self.salvaged, self.lost = salvaged, lost
        if salvaged:
            outcome = (f"{salvaged} sample(s) could be read from the damaged file and were copied"
                       f" over; {lost} could not be read" + (" and are lost." if lost else "."))
        else:
            outcome = "no samples could be read from the damaged file."
        self.recovery_message = (
            f"The sample store {self.path} was damaged ({reason}). It was kept as "
            f"{self.recovered_from} and a new store was started; {outcome}"
        )
        return conn

    def _prepare(self, conn: sqlite3.Connection) -> None:
        """Check the file, switch to WAL and bring the schema up to date."""
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if str(mode).lower() != "wal":
            raise SampleError(f"The sample store {self.path} cannot use write-ahead logging "
                              f"(journal mode {mode!r}); is it on a network drive?")
        conn.execute("PRAGMA synchronous = NORMAL")
        result = [r[0] for r in conn.execute("PRAGMA quick_check").fetchall()]
        if result != ["ok"]:
            raise _Damaged("; ".join(map(str, result[:3])))
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise SampleError(
                f"The sample store {self.path} was written by a newer DigitPad (schema version "
                f"{version}, this one reads up to {SCHEMA_VERSION}). Update DigitPad to use it."
            )
        if version < SCHEMA_VERSION:
            conn.execute("BEGIN IMMEDIATE")
            try:
                # Read again inside the write lock: another instance may have migrated meanwhile.
                version = conn.execute("PRAGMA user_version").fetchone()[0]
                for v in range(version, SCHEMA_VERSION):
                    for statement in _statements(MIGRATIONS[v]):
                        conn.execute(statement)
                    conn.execute(f"PRAGMA user_version = {v + 1}")
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise

    def _recover(self, reason: str) -> None:
        """Move the damaged file (and its WAL) aside; never delete it."""
        stamp = _dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        aside = self.path.with_name(f"{self.path.name}.corrupt-{stamp}")
        n = 2
        while aside.exists():
            aside = self.path.with_name(f"{self.path.name}.corrupt-{stamp}-{n}")
            n += 1
        try:
            os.replace(self.path, aside)
            for suffix in ("-wal", "-shm"):
                side = self.path.with_name(self.path.name + suffix)
                if side.exists():
                    os.replace(side, aside.with_name(aside.name + suffix))
        except OSError as exc:
            raise SampleError(
                f"The sample store {self.path} is damaged ({reason}) and could not be moved aside "
                f"({exc}). Move or rename it yourself, then start DigitPad again."
            ) from None
        self.recovered_from = aside

    def _salvage(self, conn: sqlite3.Connection) -> tuple[int, int]:
        """Copy the rows that can still be read from the moved-aside file (read from a scratch
        copy of it and its WAL, so the kept file stays exactly as it was), row by row around the
        damage; (how many were copied, how many could not be read)."""
        rows, lost = [], 0
        try:
            with tempfile.TemporaryDirectory(dir=self.path.parent, prefix=".salvage-") as scratch:
                copy = Path(scratch) / FILENAME
                shutil.copyfile(self.recovered_from, copy)
                wal = self.recovered_from.with_name(self.recovered_from.name + "-wal")
                if wal.exists():
                    shutil.copyfile(wal, copy.with_name(copy.name + "-wal"))
                old = sqlite3.connect(copy)
                try:
                    rows, lost = _readable_rows(old)
                finally:
                    old.close()
        except (sqlite3.Error, OSError):
            pass  # not SQLite at all, or unreadable: keep what was read
        good = [r for r in rows if _valid_row(r)]
        if good:
            with self._write(conn):
                conn.executemany(f"INSERT OR IGNORE INTO samples ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?)", good)
        return len(good), lost + len(rows) - len(good)

    # -- writing ---------------------------------------------------------------------------------
    class _Tx:
        def __init__(self, store: SampleStore, conn: sqlite3.Connection):
            self.store, self.conn = store, conn

        def __enter__(self):
            self.store._lock.acquire()
            try:
                self.conn.execute("BEGIN IMMEDIATE")
            except BaseException:
                self.store._lock.release()
                raise
            return self.conn

        def __exit__(self, exc_type, exc, tb):
            try:
                self.conn.execute("ROLLBACK" if exc_type else "COMMIT")
            finally:
                self.store._lock.release()
            if exc_type is None:
                self.store._committed()
            return False

    def _committed(self) -> None:
        self._commits += 1
        if self._commits % CHECKPOINT_EVERY == 0 and not (self._checkpointer and self._checkpointer.is_alive()):
            self._checkpointer = threading.Thread(target=self._checkpoint, name="samples-checkpoint", daemon=True)
            self._checkpointer.start()

    def _checkpoint(self) -> None:
        try:
            conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_MS / 1000)
            try:
                conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
            finally:
                conn.close()
        except sqlite3.Error:
            pass  # the next checkpoint (or closing the store) does it

    def _write(self, conn: sqlite3.Connection | None = None) -> SampleStore._Tx:
        return SampleStore._Tx(self, conn or self._db())

    def _db(self) -> sqlite3.Connection:
        if self._conn is None:
            raise SampleError("The sample store is closed.")
        return self._conn

    def add(self, image: np.ndarray | None, label: int, *, ink: Ink | None = None,
            predicted: int | None = None, model_id: str | None = None) -> int:
        """Store one sample; its new id. ``image`` (28, 28) floats 0..1 or uint8 (white on black);
        None computes it from ``ink`` with the current preprocessing."""
        label = _digit(label, "label")
        predicted = None if predicted is None else _digit(predicted, "predicted digit")
        ink_json = None
        if ink is not None:
            if not isinstance(ink, Ink):
                raise SampleError(f"ink must be an Ink, not {type(ink).__name__}.")
            if ink.is_empty:
                raise SampleError("Nothing is drawn: draw a digit before storing it as a sample.")
            ink_json = json.dumps(ink.to_dict(), separators=(",", ":"))
            if image is None:
                from .preprocess import ink_to_input

                image = ink_to_input(ink)
        if image is None:
            raise SampleError("A sample needs an image or a drawing.")
        pixels = _as_uint8(image)
        if not pixels.any():
            raise SampleError("The image is blank: there is no digit to store.")
        created = _now()
        try:
            with self._write() as conn:
                cur = conn.execute(
                    "INSERT INTO samples (label, image, ink, predicted, model_id, created) VALUES (?, ?, ?, ?, ?, ?)",
                    (label, pixels.tobytes(), ink_json, predicted, model_id, created),
                )
                sample_id = int(cur.lastrowid)
        except sqlite3.Error as exc:
            raise _as_sample_error(exc, "The sample was not stored") from None
        self._added.append(sample_id)
        return sample_id

    def relabel(self, sample_id: int, label: int) -> None:
        label = _digit(label, "label")
        try:
            with self._write() as conn:
                n = conn.execute("UPDATE samples SET label = ? WHERE id = ?", (label, int(sample_id))).rowcount
        except sqlite3.Error as exc:
            raise _as_sample_error(exc, f"Sample {sample_id} was not relabelled") from None
        if not n:
            raise SampleError(f"There is no sample {sample_id}; it may have been deleted.")

    def remove(self, ids: int | Iterable[int]) -> int:
        """Delete samples; how many there were (ids that do not exist are skipped)."""
        ids = [int(ids)] if isinstance(ids, (int, np.integer)) else [int(i) for i in ids]
        if not ids:
            return 0
        try:
            with self._write() as conn:
                n = sum(conn.execute("DELETE FROM samples WHERE id = ?", (i,)).rowcount for i in set(ids))
        except sqlite3.Error as exc:
            raise _as_sample_error(exc, "The samples were not deleted") from None
        return n

    def undo_last_add(self) -> int | None:
        """Remove the newest sample added through this object that still exists; its id, or None."""
        with self._lock:
            while self._added:
                sample_id = self._added.pop()
                if self.remove([sample_id]):
                    return sample_id
        return None

    # -- reading ---------------------------------------------------------------------------------
    def _query(self, sql: str, params: tuple = ()) -> list[tuple]:
        with self._lock:
            try:
                return self._db().execute(sql, params).fetchall()
            except sqlite3.Error as exc:
                raise _as_sample_error(exc, "The samples could not be read") from None

    def get(self, sample_id: int) -> Sample:
        rows = self._query(f"SELECT {_COLUMNS} FROM samples WHERE id = ?", (int(sample_id),))
        if not rows:
            raise SampleError(f"There is no sample {sample_id}; it may have been deleted.")
        return _sample(rows[0])

    def list(self, label: int | None = None) -> list[Sample]:
        """All samples (or one digit's), oldest first."""
        if label is None:
            rows = self._query(f"SELECT {_COLUMNS} FROM samples ORDER BY id")
        else:
            rows = self._query(f"SELECT {_COLUMNS} FROM samples WHERE label = ? ORDER BY id", (_digit(label, "label"),))
        return [_sample(r) for r in rows]

    def ids(self, label: int | None = None) -> np.ndarray:
        """Sample ids in the order of :meth:`list` and :meth:`arrays`."""
        where, params = _where(label)
        return np.array([r[0] for r in self._query(f"SELECT id FROM samples{where} ORDER BY id", params)], dtype=np.int64)

    def __len__(self) -> int:
        return int(self._query("SELECT COUNT(*) FROM samples")[0][0])

    def count_by_label(self) -> np.ndarray:
        counts = np.zeros(10, dtype=np.int64)
        for label, n in self._query("SELECT label, COUNT(*) FROM samples GROUP BY label"):
            counts[int(label)] = int(n)
        return counts

    def arrays(self, label: int | None = None) -> tuple[np.ndarray, np.ndarray]:
        """Images uint8 (n, 28, 28) and labels uint8 (n,), oldest first (the order of :meth:`ids`),
        without parsing any ink: what training, evaluation and thumbnails need."""
        return self.table(label)[1:]

    def table(self, label: int | None = None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(ids int64 (n,), images, labels) read together, so they match even while another
        DigitPad adds samples."""
        where, params = _where(label)
        rows = self._query(f"SELECT id, image, label FROM samples{where} ORDER BY id", params)
        ids = np.array([r[0] for r in rows], dtype=np.int64)
        x = np.frombuffer(b"".join(r[1] for r in rows), dtype=np.uint8).reshape(len(rows), 28, 28).copy()
        y = np.array([r[2] for r in rows], dtype=np.uint8)
        return ids, x, y

    def evaluate(self, recognizer, label: int | None = None):
        """How a Recognizer does on the samples (a model.evaluation.Evaluation), None if empty."""
        from .evaluation import evaluate

        x, y = self.arrays(label)
        return evaluate(recognizer, x, y) if len(y) else None

    def data_version(self) -> int:
        """Changes whenever another connection (e.g. a second DigitPad) commits: poll to refresh."""
        return int(self._query("PRAGMA data_version")[0][0])

    # -- exchange --------------------------------------------------------------------------------
    def export_zip(self, path: str | os.PathLike) -> int:
        """Write every sample to a zip: ``NNNNN_label.json`` ink files (``.png`` 28x28 images for
        samples added from images) and ``labels.csv``; how many samples it holds."""
        from PIL import Image

        path = Path(path)
        samples = self.list()
        tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.tmp")
        try:
            with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zf:
                table = io.StringIO()
                writer = csv.writer(table, lineterminator="\n")
                writer.writerow(CSV_FIELDS)
                for s in samples:
                    name = f"{s.id:05d}_{s.label}." + ("png" if s.ink_json is None else "json")
                    if s.ink_json is None:
                        buf = io.BytesIO()
                        Image.fromarray(s.image, mode="L").save(buf, format="PNG")
                        zf.writestr(name, buf.getvalue())
                    else:
                        zf.writestr(name, s.ink_json)
                    writer.writerow([s.id, s.label, name, "" if s.predicted is None else s.predicted,
                                     s.model_id or "", s.created])
                zf.writestr("labels.csv", table.getvalue())
            with open(tmp, "rb+") as fh:
                os.fsync(fh.fileno())
            os.replace(tmp, path)
        except OSError as exc:
            tmp.unlink(missing_ok=True)
            raise SampleError(f"Could not export the samples to {path} ({exc}).") from None
        return len(samples)

    def import_zip(self, path: str | os.PathLike) -> int:
        """Add the samples of an :meth:`export_zip` archive; how many were added.

        Names, sizes, inks and images are all checked before anything is stored, and everything
        is stored in one transaction, so a bad archive adds nothing. Inks are preprocessed again
        with the current preprocessing. Samples already in the store (same label, image and ink) are
        not added twice. Labels come from ``labels.csv`` when it lists the file, else the name.
        """
        path = Path(path)
        parsed = _read_archive(path)
        try:
            with self._write() as conn:
                existing = {(int(r[0]), bytes(r[1]), r[2]) for r in conn.execute("SELECT label, image, ink FROM samples")}
                added = 0
                for row in parsed:
                    key = row[:3]  # the same label, image and drawing: already here
                    if key in existing:
                        continue
                    existing.add(key)
                    conn.execute(
                        "INSERT INTO samples (label, image, ink, predicted, model_id, created) VALUES (?, ?, ?, ?, ?, ?)",
                        row,
                    )
                    added += 1
        except sqlite3.Error as exc:
            raise _as_sample_error(exc, f"Nothing was imported from {path}") from None
        self.last_import_duplicates = len(parsed) - added
        return added

    last_import_duplicates = 0  # samples of the last import_zip that were already in the store

    # -- lifetime --------------------------------------------------------------------------------
    def close(self) -> None:
        if self._checkpointer is not None:
            self._checkpointer.join(timeout=10)
        with self._lock:
            if self._conn is not None:
                try:
                    self._conn.close()
                finally:
                    self._conn = None

    def __enter__(self) -> SampleStore:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


# ---------------------------------------------------------------------------------------- helpers
class _Damaged(Exception):
    """PRAGMA quick_check found damage."""


def _not_sqlite(path: Path) -> str | None:
    """Why the file is not a SQLite database (its header is wrong), or None (it may be one)."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(16)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise SampleError(f"Cannot read the sample store {path} ({exc}).") from None
    if not head or head == b"SQLite format 3\x00":
        return None  # an empty file is a new database
    return "the file is not a SQLite database"


def _is_corruption(exc: sqlite3.DatabaseError) -> bool:
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB)
    text = str(exc).lower()
    return "not a database" in text or "malformed" in text


def _as_sample_error(exc: sqlite3.Error, what: str) -> SampleError:
    code = getattr(exc, "sqlite_errorcode", 0) & 0xFF
    if code in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
        why = "another DigitPad is busy writing to it; try again in a moment"
    elif code == sqlite3.SQLITE_FULL:
        why = "the disk is full; free some space and try again"
    elif code in (sqlite3.SQLITE_READONLY, sqlite3.SQLITE_PERM, sqlite3.SQLITE_CANTOPEN):
        why = "the file or its folder cannot be written; check its permissions"
    else:
        why = str(exc)
    return SampleError(f"{what}: {why}.")


def _statements(script: str) -> list[str]:
    return [s.strip() for s in script.split(";") if s.strip()]


def _digit(value, what: str) -> int:
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, (int, np.integer, str)):
        raise SampleError(f"The {what} must be a digit 0-9, not {value!r}.")
    try:
        d = int(value)
    except ValueError:
        raise SampleError(f"The {what} must be a digit 0-9, not {value!r}.") from None
    if not 0 <= d <= 9:
        raise SampleError(f"The {what} must be a digit 0-9, not {value!r}.")
    return d


def _as_uint8(image) -> np.ndarray:
    x = np.asarray(image)
    if x.shape == (784,):
        x = x.reshape(28, 28)
    if x.shape != (28, 28):
        raise SampleError(f"A sample image must be 28x28 pixels, not {'x'.join(map(str, x.shape))}.")
    if x.dtype == np.uint8:
        return np.ascontiguousarray(x)
    if not np.issubdtype(x.dtype, np.number) or not np.isfinite(x).all():
        raise SampleError("A sample image must hold finite numbers.")
    if x.min() < 0 or x.max() > 1.0 + 1e-6:
        raise SampleError("A sample image given as floats must hold values from 0 to 1.")
    return np.clip(x.astype(np.float64) * 255.0 + 0.5, 0, 255).astype(np.uint8)


def _now() -> str:
    return _dt.datetime.now().astimezone().isoformat(timespec="seconds")


def _where(label) -> tuple[str, tuple]:
    return ("", ()) if label is None else (" WHERE label = ?", (_digit(label, "label"),))


def _sample(row) -> Sample:
    sid, label, image, ink, predicted, model_id, created = row
    img = np.frombuffer(image, dtype=np.uint8).reshape(28, 28)
    return Sample(int(sid), int(label), img, ink, None if predicted is None else int(predicted),
                  model_id, str(created))


def _readable_rows(conn: sqlite3.Connection) -> tuple[list[tuple], int]:
    """Every row of ``samples`` that can be read from a damaged database, and how many ids could
    not be read.

    One ``SELECT ... ORDER BY id`` stops at the first damaged page (in the reproduction it kept 87
    of 211 samples when 208 could be read). So: scan in id order; where the scan fails, look the
    following ids up one by one (a lookup that fails is a lost row) until one reads, and scan on
    from there. Ids go up to the table's AUTOINCREMENT counter (or its largest id)."""
    rows, lost, last, probes = [], 0, 0, 0  # AUTOINCREMENT ids start at 1
    top = None
    for sql in ("SELECT seq FROM sqlite_sequence WHERE name = 'samples'", "SELECT max(id) FROM samples"):
        try:
            found = conn.execute(sql).fetchone()
        except sqlite3.DatabaseError:
            continue
        if found and isinstance(found[0], int):
            top = max(top or 0, found[0])
    select = f"SELECT {_COLUMNS} FROM samples"
    while True:
        try:
            for row in conn.execute(f"{select} WHERE id > ? ORDER BY id", (last,)):
                rows.append(row)
                if isinstance(row[0], int):
                    last = row[0]
            return rows, lost
        except sqlite3.DatabaseError:
            pass
        if top is None or last >= top or probes > MAX_SALVAGE_LOOKUPS:
            return rows, lost
        while last < top and probes <= MAX_SALVAGE_LOOKUPS:  # damage after `last`: id by id until one reads
            last += 1
            probes += 1
            try:
                row = conn.execute(f"{select} WHERE id = ?", (last,)).fetchone()
            except sqlite3.DatabaseError:
                lost += 1
                continue
            if row is not None:
                rows.append(row)
                break


def _valid_row(row) -> bool:
    try:
        sid, label, image, ink, predicted, model_id, created = row
        return (isinstance(sid, int) and isinstance(label, int) and 0 <= label <= 9
                and isinstance(image, bytes) and len(image) == 784
                and (ink is None or isinstance(ink, str)) and (predicted is None or 0 <= predicted <= 9)
                and isinstance(created, str))
    except (TypeError, ValueError):
        return False


def _read_archive(path: Path) -> list[tuple]:
    """Validated rows (label, image bytes, ink json, predicted, model_id, created) of an archive."""
    from .preprocess import ImageInputError, ink_to_input

    def bad(why: str) -> SampleError:
        return SampleError(f"{path} is not a DigitPad samples archive: {why}")

    with zip_errors(path, SampleError, bad), zipfile.ZipFile(path) as zf:
        entries = [e for e in zf.infolist() if not e.is_dir() and not _junk(e.filename)]
        if len(entries) > MAX_IMPORT_FILES + 1:
            raise bad(f"it holds {len(entries)} files (at most {MAX_IMPORT_FILES} samples).")
        if sum(e.file_size for e in entries) > MAX_IMPORT_BYTES:
            raise bad(f"its contents exceed {MAX_IMPORT_BYTES // 2**20} MB.")
        names = [e.filename for e in entries]
        files = {}
        for e in entries:
            if e.filename == "labels.csv":
                continue
            m = _ENTRY.match(e.filename)
            if not m:
                raise bad(f"unexpected entry {e.filename!r} (expected NNNNN_label.json or "
                          "NNNNN_label.png files and labels.csv).")
            if e.file_size > MAX_ENTRY_BYTES:
                raise bad(f"{e.filename} is {e.file_size} bytes, too large for one sample.")
            files[e.filename] = e
        if len(set(names)) != len(names):
            raise bad("it holds the same file name twice.")
        if not files:
            raise bad("it holds no samples (NNNNN_label.json or NNNNN_label.png files).")
        meta = _read_labels_csv(zf, set(files), bad) if "labels.csv" in names else {}
        rows = []
        for name in sorted(files, key=lambda n: (int(_ENTRY.match(n).group(1)), n)):
            m = _ENTRY.match(name)
            info = meta.get(name, {})
            label = info.get("label", int(m.group(2)))
            data = zf.read(files[name])
            where = f"{path.name}:{name}"
            if m.group(3) == "json":
                try:
                    ink = parse_ink(data, where)  # bounded, and deep nesting is a message
                except InkError as exc:
                    raise bad(str(exc)) from None
                image = ink_to_input(ink)
                ink_json = json.dumps(ink.to_dict(), separators=(",", ":"))
            else:
                try:
                    image = _png_to_input(data, where)
                except ImageInputError as exc:
                    raise bad(str(exc)) from None
                ink_json = None
            if image is None:
                raise bad(f"{name} holds no digit (nothing drawn).")
            rows.append((label, _as_uint8(image).tobytes(), ink_json, info.get("predicted"),
                         info.get("model_id"), info.get("created") or _now()))
        return rows


def _junk(name: str) -> bool:
    """Files archive tools add on their own (macOS resource forks, Finder metadata)."""
    return name.startswith("__MACOSX/") or Path(name).name.startswith(".")


def _read_labels_csv(zf: zipfile.ZipFile, files: set[str], bad) -> dict[str, dict]:
    try:
        text = zf.read("labels.csv").decode("utf-8-sig")
    except UnicodeDecodeError:
        raise bad("labels.csv is not UTF-8 text.") from None
    reader = csv.DictReader(io.StringIO(text))
    if not reader.fieldnames or not {"label", "file"} <= set(reader.fieldnames):
        raise bad(f"labels.csv must have the columns {', '.join(CSV_FIELDS)}.")
    meta = {}
    for line, row in enumerate(reader, start=2):
        name = (row.get("file") or "").strip()
        if name not in files:
            raise bad(f"labels.csv line {line} names {name!r}, which is not in the archive.")
        try:
            label = _digit((row.get("label") or "").strip(), "label")
            pred = (row.get("predicted") or "").strip()
            predicted = _digit(pred, "predicted digit") if pred else None
        except SampleError as exc:
            raise bad(f"labels.csv line {line}: {exc}") from None
        created = (row.get("created") or "").strip()
        if created:
            try:
                _dt.datetime.fromisoformat(created)
            except ValueError:
                raise bad(f"labels.csv line {line}: created {created!r} is not an ISO date.") from None
        meta[name] = {"label": label, "predicted": predicted,
                      "model_id": (row.get("model_id") or "").strip() or None, "created": created or None}
    return meta


def _png_to_input(data: bytes, where: str) -> np.ndarray | None:
    """An image from an archive as the network's input: a 28x28 greyscale image is already one
    (that is what export writes) and is kept as it is; any other image is preprocessed."""
    from PIL import Image, UnidentifiedImageError

    from .preprocess import MAX_IMAGE_PIXELS, ImageInputError, image_to_input

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
            if image.width * image.height > MAX_IMAGE_PIXELS:
                raise ImageInputError(f"{where}: the image is too large to be a digit.")
            image.load()
    except ImageInputError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ImageInputError(f"{where}: the image is too large to be a digit.") from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        raise ImageInputError(f"{where}: not an image DigitPad can read ({exc}).") from None
    if image.size == (28, 28) and image.mode == "L":
        x = np.asarray(image, dtype=np.uint8)
        border = np.concatenate([x[0], x[-1], x[:, 0], x[:, -1]])
        return 255 - x if np.median(border) > 127 else x.copy()
    return image_to_input(image)
