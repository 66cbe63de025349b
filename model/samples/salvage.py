"""A damaged sample store: telling damage from other errors, moving the file aside (never deleting
it), and reading back every row that can still be read, row by row around the damage."""
from __future__ import annotations

import datetime as _dt
import os
import shutil
import sqlite3
import tempfile
from pathlib import Path

from .sample import COLUMNS, SampleError, valid_row

# Rows read and ids looked up one by one around damage, in all (~1 s per 100,000): what a damaged
# file may cost, however it is damaged.
MAX_SALVAGE_STEPS = 1_000_000


class Damaged(Exception):
    """PRAGMA quick_check found damage."""


def not_sqlite(path: Path) -> str | None:
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


def is_corruption(exc: sqlite3.DatabaseError) -> bool:
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB)
    text = str(exc).lower()
    return "not a database" in text or "malformed" in text


def move_aside(path: Path, reason: str) -> Path:
    """Move the damaged file (and its WAL) aside; never delete it. Where it went."""
    stamp = _dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    aside = path.with_name(f"{path.name}.corrupt-{stamp}")
    n = 2
    while aside.exists():
        aside = path.with_name(f"{path.name}.corrupt-{stamp}-{n}")
        n += 1
    try:
        os.replace(path, aside)
        for suffix in ("-wal", "-shm"):
            side = path.with_name(path.name + suffix)
            if side.exists():
                os.replace(side, aside.with_name(aside.name + suffix))
    except OSError as exc:
        raise SampleError(
            f"The sample store {path} is damaged ({reason}) and could not be moved aside "
            f"({exc}). Move or rename it yourself, then start DigitPad again."
        ) from None
    return aside


def salvage_rows(aside: Path, scratch_dir: Path) -> tuple[list[tuple], int]:
    """The valid rows that can still be read from the moved-aside file (read from a scratch copy
    of it and its WAL in ``scratch_dir``, so the kept file stays exactly as it was), row by row
    around the damage; and how many could not be read."""
    rows, lost = [], 0
    try:
        with tempfile.TemporaryDirectory(dir=scratch_dir, prefix=".salvage-") as scratch:
            copy = Path(scratch) / aside.name
            shutil.copyfile(aside, copy)
            wal = aside.with_name(aside.name + "-wal")
            if wal.exists():
                shutil.copyfile(wal, copy.with_name(copy.name + "-wal"))
            old = sqlite3.connect(copy)
            try:
                rows, lost = readable_rows(old)
            finally:
                old.close()
    except (sqlite3.Error, OSError):
        pass  # not SQLite at all, or unreadable: keep what was read
    return rows, lost


def readable_rows(conn: sqlite3.Connection, budget: int = MAX_SALVAGE_STEPS) -> tuple[list[tuple], int]:
    """Every valid row of ``samples`` that can be read from a damaged database, in id order, and
    how many could not be read (damaged rows, and ids whose lookup failed).

    One ``SELECT ... ORDER BY id`` stops at the first damaged page (in the reproduction it kept 87
    of 211 samples when 208 could be read). So: scan in id order; where the scan fails, look the
    following ids up one by one until one reads, and scan on from there. Ids go up to the
    table's AUTOINCREMENT counter (or its largest id).

    A damaged page can also hand back rows out of order (an id already passed, or one that is no
    id at all): they are skipped, never taken as the place to go on from, or the same rows would
    be read again and again. Every row read and every lookup spends one step of ``budget``, so a
    damaged file costs bounded time, and only valid rows, one per id, are kept."""
    found: dict[int, tuple] = {}
    lost, last, steps = 0, 0, 0  # AUTOINCREMENT ids start at 1
    top = _top_id(conn)
    select = f"SELECT {COLUMNS} FROM samples"
    while steps < budget:
        try:
            for row in conn.execute(f"{select} WHERE id > ? ORDER BY id", (last,)):
                steps += 1
                if steps >= budget:
                    break
                if isinstance(row[0], int) and row[0] > last:
                    last = row[0]
                    lost += _keep(found, row)
            else:
                break  # the scan reached the end
            continue
        except sqlite3.DatabaseError:
            pass
        if top is None or last >= top:
            break
        while last < top and steps < budget:  # damage after `last`: id by id until one reads
            last += 1
            steps += 1
            try:
                row = conn.execute(f"{select} WHERE id = ?", (last,)).fetchone()
            except sqlite3.DatabaseError:
                lost += 1
                continue
            if row is not None:
                lost += _keep(found, row)
                break
    counted = _scalar(conn, "SELECT count(*) FROM samples")  # often read from the intact index
    if counted is not None:
        lost = max(lost, counted - len(found))
    return [found[i] for i in sorted(found)], lost


def _keep(found: dict[int, tuple], row: tuple) -> int:
    """Keep a valid row (1 if it is not valid: a lost sample)."""
    if valid_row(row):
        found[row[0]] = row
        return 0
    return 1


def _top_id(conn: sqlite3.Connection) -> int | None:
    found = [_scalar(conn, sql) for sql in ("SELECT seq FROM sqlite_sequence WHERE name = 'samples'",
                                            "SELECT max(id) FROM samples")]
    found = [v for v in found if v is not None]
    return max(found) if found else None


def _scalar(conn: sqlite3.Connection, sql: str) -> int | None:
    try:
        row = conn.execute(sql).fetchone()
    except sqlite3.DatabaseError:
        return None
    return row[0] if row and isinstance(row[0], int) else None
