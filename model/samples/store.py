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
* **A damaged file** (not SQLite, not DigitPad's, or failing ``PRAGMA quick_check``) at the store's
  own place is moved aside to ``samples.sqlite3.corrupt-<timestamp>`` (with its ``-wal``), the
  samples that can still be read from it are copied over, and a fresh store starts;
  :attr:`SampleStore.recovery_message` says so (:mod:`model.samples.salvage`).
* **A file a person names** (``SampleStore(path, named=True)``, ``personalize --samples FILE``) is
  read-only until it is recognised as DigitPad's (:mod:`model.samples.identify`): a missing, foreign
  or damaged file is an error, never renamed, migrated or replaced.
* **Private**: the file is created readable by its owner only (0600), like the model cards.

The schema version is ``PRAGMA user_version``; :data:`MIGRATIONS` takes a store from one version
to the next. No Qt here; NumPy and Pillow only.
"""
from __future__ import annotations

import errno
import hashlib
import json
import os
import shutil
import sqlite3
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path

import numpy as np

from .. import paths
from ..ink import Ink
from .archive import archive_rows, write_archive
from .identify import APPLICATION_ID, check_named_store, foreign
from .salvage import Damaged, is_corruption, move_aside, not_sqlite, salvage_rows
from .sample import COLUMNS, MAX_ID, Sample, SampleError, as_digit, as_id, as_uint8, now_iso, sample_from_row

FILENAME = "samples.sqlite3"
BUSY_TIMEOUT_MS = 10_000
# SQLite's automatic checkpoint (copying the WAL back into the database) runs inside the commit
# that crosses 1000 WAL pages and fsyncs: ~100 ms every ~250 adds on a laptop disk. It is turned
# off on the store's connection and done by a short-lived thread on its own connection instead,
# which does not block writers; closing the last connection checkpoints and removes the WAL.
CHECKPOINT_EVERY = 200  # commits

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
FIRST_TABLE = MIGRATIONS[0].split(";")[0]  # how a store written before APPLICATION_ID is recognised


class SampleStore:
    """The user's labelled samples in one SQLite file; safe to use from several threads.

    ``recovered_from`` is the path a damaged database was moved to on open (else None), and
    ``recovery_message`` the sentence to show the user about it.
    """

    def __init__(self, path: str | os.PathLike | None = None, *, named: bool = False):
        """``named``: a file a person named, used only if it already is DigitPad's sample store."""
        self.path = Path(path) if path is not None else paths.data_home() / FILENAME
        self._named = named
        if named:
            check_named_store(self.path, FIRST_TABLE)
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
            _create_private(self.path)
        except OSError as exc:
            raise SampleError(f"Cannot create the sample store {self.path}: {_os_problem(exc, self.path)}.") from None
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
        reason = not_sqlite(self.path)
        if reason is None:  # else SQLite is not even asked: it could discard the file's WAL
            conn = self._connect()
            try:
                why = foreign(conn, FIRST_TABLE)  # another program's database at the store's place
                if why:
                    raise Damaged(why)
                self._prepare(conn)
                return conn
            except sqlite3.DatabaseError as exc:
                conn.close()
                if not is_corruption(exc):
                    raise _as_sample_error(exc, f"Cannot open the sample store {self.path}", self.path) from None
                reason = str(exc)
            except Damaged as exc:
                conn.close()
                reason = str(exc)
            except BaseException:
                conn.close()
                raise
        if self._named:  # not the store's own place: nothing is moved aside
            raise SampleError(f"{self.path} is a damaged DigitPad sample store ({reason}). Copy it into DigitPad's"
                              " data folder as samples.sqlite3 and DigitPad will salvage what can be read from it,"
                              " keeping the damaged file.")
        self._recover(reason)
        conn = self._connect()
        try:
            self._prepare(conn)
        except sqlite3.Error as exc:
            conn.close()
            raise _as_sample_error(exc, f"Cannot start a new sample store at {self.path}", self.path) from None
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
            raise Damaged("; ".join(" ".join(str(r).split()) for r in result[:3]))  # one line
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version < 0:
            raise Damaged(f"its schema version {version} is not one any DigitPad wrote")
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
                conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise
        elif conn.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")  # a store written before it was set

    def _recover(self, reason: str) -> None:
        """Move the damaged file (and its WAL) aside; never delete it."""
        self.recovered_from = move_aside(self.path, reason)

    def _salvage(self, conn: sqlite3.Connection) -> tuple[int, int]:
        """Copy the rows that can still be read from the moved-aside file, row by row around the
        damage; (how many were copied, how many could not be read)."""
        good, lost = salvage_rows(self.recovered_from, self.path.parent)
        if good:
            try:
                with self._write(conn):
                    conn.executemany(f"INSERT OR IGNORE INTO samples ({COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?)", good)
            except sqlite3.Error as exc:
                conn.close()
                raise _as_sample_error(exc, f"The samples of the damaged store (kept as {self.recovered_from})"
                                       " could not be copied over", self.path) from None
        return len(good), lost

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
        label = as_digit(label, "label")
        predicted = None if predicted is None else as_digit(predicted, "predicted digit")
        ink_json = None
        if ink is not None:
            if not isinstance(ink, Ink):
                raise SampleError(f"ink must be an Ink, not {type(ink).__name__}.")
            if ink.is_empty:
                raise SampleError("Nothing is drawn: draw a digit before storing it as a sample.")
            ink_json = json.dumps(ink.to_dict(), separators=(",", ":"))
            if image is None:
                from ..preprocess import ink_to_input

                image = ink_to_input(ink)
        if image is None:
            raise SampleError("A sample needs an image or a drawing.")
        pixels = as_uint8(image)
        if not pixels.any():
            raise SampleError("The image is blank: there is no digit to store.")
        created = now_iso()
        try:
            with self._write() as conn:
                cur = conn.execute(
                    "INSERT INTO samples (label, image, ink, predicted, model_id, created) VALUES (?, ?, ?, ?, ?, ?)",
                    (label, pixels.tobytes(), ink_json, predicted, model_id, created),
                )
                sample_id = int(cur.lastrowid)
        except sqlite3.Error as exc:
            raise _as_sample_error(exc, "The sample was not stored", self.path) from None
        self._added.append(sample_id)
        return sample_id

    def relabel(self, sample_id: int, label: int) -> None:
        label = as_digit(label, "label")
        try:
            with self._write() as conn:
                n = conn.execute("UPDATE samples SET label = ? WHERE id = ?", (label, as_id(sample_id))).rowcount
        except sqlite3.Error as exc:
            raise _as_sample_error(exc, f"Sample {sample_id} was not relabelled", self.path) from None
        if not n:
            raise SampleError(f"There is no sample {sample_id}; it may have been deleted.")

    def remove(self, ids: int | Iterable[int]) -> int:
        """Delete samples; how many there were (ids that do not exist are skipped)."""
        ids = [int(ids)] if isinstance(ids, (int, np.integer)) else [int(i) for i in ids]
        ids = [i for i in ids if 1 <= i <= MAX_ID]  # others cannot exist
        if not ids:
            return 0
        try:
            with self._write() as conn:
                n = sum(conn.execute("DELETE FROM samples WHERE id = ?", (i,)).rowcount for i in set(ids))
        except sqlite3.Error as exc:
            raise _as_sample_error(exc, "The samples were not deleted", self.path) from None
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
                raise _as_sample_error(exc, "The samples could not be read", self.path) from None

    def get(self, sample_id: int) -> Sample:
        rows = self._query(f"SELECT {COLUMNS} FROM samples WHERE id = ?", (as_id(sample_id),))
        if not rows:
            raise SampleError(f"There is no sample {sample_id}; it may have been deleted.")
        return sample_from_row(rows[0])

    def list(self, label: int | None = None) -> list[Sample]:
        """All samples (or one digit's), oldest first."""
        if label is None:
            rows = self._query(f"SELECT {COLUMNS} FROM samples ORDER BY id")
        else:
            rows = self._query(f"SELECT {COLUMNS} FROM samples WHERE label = ? ORDER BY id",
                               (as_digit(label, "label"),))
        return [sample_from_row(r) for r in rows]

    def ids(self, label: int | None = None) -> np.ndarray:
        """Sample ids in the order of :meth:`list` and :meth:`arrays`."""
        where, params = _where(label)
        rows = self._query(f"SELECT id FROM samples{where} ORDER BY id", params)
        return np.array([r[0] for r in rows], dtype=np.int64)

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

    def training_extra(self):
        """The samples as extra training digits: ((images, labels), the card's ExtraData);
        SampleError when there are none."""
        from ..store.card import ExtraData

        x, y = self.arrays()
        if not len(y):
            raise SampleError("You have no samples to train on yet. Draw digits and label them under the "
                              "canvas (or `digitpad samples add --label L FILE...`), or train without them.")
        return (x, y), ExtraData(kind="samples", name=f"your samples ({len(y)})", n=len(y))

    def table(self, label: int | None = None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(ids int64 (n,), images, labels) read together, so they match even while another
        DigitPad adds samples."""
        where, params = _where(label)
        rows = self._query(f"SELECT id, image, label FROM samples{where} ORDER BY id", params)
        for r in rows:
            if not (isinstance(r[1], bytes) and len(r[1]) == 784 and isinstance(r[2], int) and 0 <= r[2] <= 9):
                sample_from_row((r[0], r[2], r[1], None, None, None, ""))  # says which sample is damaged
        ids = np.array([r[0] for r in rows], dtype=np.int64)
        x = np.frombuffer(b"".join(r[1] for r in rows), dtype=np.uint8).reshape(len(rows), 28, 28).copy()
        y = np.array([r[2] for r in rows], dtype=np.uint8)
        return ids, x, y

    def data_version(self) -> int:
        """Changes whenever another connection (e.g. a second DigitPad) commits: poll to refresh."""
        return int(self._query("PRAGMA data_version")[0][0])

    def iter_samples(self, chunk: int = 1000) -> Iterator[Sample]:
        """Every sample, oldest first, read a chunk at a time (memory for one chunk, however many)."""
        last = 0
        while True:
            rows = self._query(f"SELECT {COLUMNS} FROM samples WHERE id > ? ORDER BY id LIMIT ?", (last, chunk))
            yield from (sample_from_row(r) for r in rows)
            if len(rows) < chunk:
                return
            last = rows[-1][0]

    # -- exchange --------------------------------------------------------------------------------
    def export_zip(self, path: str | os.PathLike) -> int:
        """Write every sample to a zip: ``NNNNN_label.json`` ink files (``.png`` 28x28 images for
        samples added from images) and ``labels.csv``; how many samples it holds. Only a new file
        or an earlier samples export is replaced."""
        count = len(self)
        written = [0]

        def counted():
            for sample in self.iter_samples():
                written[0] += 1
                yield sample

        write_archive(counted(), Path(path), count)
        return written[0]

    def import_zip(self, path: str | os.PathLike) -> int:
        """Add the samples of an :meth:`export_zip` archive; how many were added.

        Names, sizes, inks and images are all checked as they are read, and everything is stored
        in one transaction, so a bad archive (or an interruption) adds nothing. Inks are
        preprocessed again with the current preprocessing. Samples already in the store (same
        label, image and ink) are not added twice. Labels come from ``labels.csv`` when it lists
        the file, else the name. Memory: one sample at a time, and 20 bytes per sample stored.
        """
        path = Path(path)
        seen = added = 0
        try:
            with self._write() as conn:
                existing = {_key(r) for r in conn.execute("SELECT label, image, ink FROM samples")}
                for row in archive_rows(path):
                    seen += 1
                    key = _key(row)  # the same label, image and drawing: already here
                    if key in existing:
                        continue
                    existing.add(key)
                    conn.execute("INSERT INTO samples (label, image, ink, predicted, model_id, created) "
                                 "VALUES (?, ?, ?, ?, ?, ?)", row)
                    added += 1
        except sqlite3.Error as exc:
            raise _as_sample_error(exc, f"Nothing was imported from {path}", self.path) from None
        self.last_import_duplicates = seen - added
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
def _as_sample_error(exc: sqlite3.Error, what: str, path: Path | None = None) -> SampleError:
    code = getattr(exc, "sqlite_errorcode", 0) & 0xFF
    if code in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
        why = "another DigitPad is busy writing to it; try again in a moment"
    elif code == sqlite3.SQLITE_FULL or (code == sqlite3.SQLITE_IOERR and path is not None and _disk_full(path)):
        why = "the disk is full; free some space and try again"
    elif code in (sqlite3.SQLITE_READONLY, sqlite3.SQLITE_PERM, sqlite3.SQLITE_CANTOPEN):
        why = "the file or its folder cannot be written; check its permissions (or is the disk read-only?)"
    else:
        why = str(exc)
    return SampleError(f"{what}: {why}.")


def _disk_full(path: Path) -> bool:
    """SQLite reports a full disk while it grows its log as "disk I/O error": look at the disk."""
    try:
        return shutil.disk_usage(path.parent).free < 1 * 2**20
    except OSError:
        return False


def _os_problem(exc: OSError, path: Path) -> str:
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        return "the disk is full; free some space and try again"
    if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return f"its folder {path.parent} cannot be written (read-only, or no permission)"
    return exc.strerror or str(exc)


def _create_private(path: Path) -> None:
    """Create the store's file, empty (SQLite makes it a database), readable by its owner only;
    SQLite gives its -wal and -shm files the same permissions."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return
    os.close(fd)


def _key(row) -> bytes:
    """A sample's label, image and drawing, in 20 bytes (how duplicates are told on import)."""
    label, image, ink = row[:3]
    return hashlib.sha1(b"%d\0%s\0%s" % (int(label), bytes(image), (ink or "").encode("utf-8", "replace"))).digest()


def _statements(script: str) -> list[str]:
    return [s.strip() for s in script.split(";") if s.strip()]


def _where(label) -> tuple[str, tuple]:
    return ("", ()) if label is None else (" WHERE label = ?", (as_digit(label, "label"),))
