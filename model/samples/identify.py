"""Telling DigitPad's sample store from every other file, without changing either.

A file a person names (``personalize --samples FILE``) is only read until it is recognised:
SQLite's own header first (a zip, a text file or a picture is refused there, and a store written
by this DigitPad is known by :data:`APPLICATION_ID` in it); any other database is looked at in a
scratch copy (with its write-ahead log), so that not even a ``-shm`` file appears beside it. Older
stores are recognised by their first schema. Nothing is renamed, migrated or switched to another
journal mode until a file is known to be DigitPad's.
"""
from __future__ import annotations

import shutil
import sqlite3
import tempfile
from pathlib import Path

from ..archives import open_input
from .sample import SampleError

APPLICATION_ID = 0x44504144  # "DPAD", in the SQLite header of every store this DigitPad writes
SQLITE_MAGIC = b"SQLite format 3\x00"


def header(path: Path) -> bytes:
    """The first 100 bytes of a file (SQLite's header); OSError as it comes."""
    with open_input(path) as fh:
        return fh.read(100)


def what_it_is(head: bytes) -> str:
    """For a file that is not a SQLite database: what it looks like, and what to do with it."""
    if head.startswith(b"PK"):
        return ("it is a zip archive, not a sample store (to add the samples of an export, use `digitpad samples"
                " import FILE`)")
    if not head:
        return "it is an empty file, not a sample store"
    return "it is not a SQLite database, so not a DigitPad sample store"


def foreign(conn: sqlite3.Connection, first_table: str) -> str | None:
    """None when the database is DigitPad's sample store, or empty (a new one); else why it is
    not. ``first_table`` is the CREATE TABLE of schema version 1 (how older stores are known)."""
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    tables = dict(conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table'").fetchall())
    if app_id == APPLICATION_ID:
        return None
    if app_id != 0:
        return f"it is another program's database (application id {app_id:#x})"
    if not tables and version == 0:
        return None
    if version == 1 and _words(tables.get("samples")) == _words(first_table):
        return None
    shown = ", ".join(sorted(tables)[:4]) + (", …" if len(tables) > 4 else "")
    return f"it is a SQLite database but not DigitPad's sample store (it holds {shown or 'no tables'})"


def empty(conn: sqlite3.Connection) -> bool:
    return not conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]


def check_named_store(path: Path, first_table: str) -> None:
    """A sample store a person named must exist and be DigitPad's (SampleError otherwise); it is
    only read here."""
    try:
        head = header(path)
    except FileNotFoundError:
        raise SampleError(f"{path} does not exist. Give the sample store DigitPad keeps (samples.sqlite3 in its"
                          " data folder), or leave --samples out to use yours.") from None
    except OSError as exc:
        raise SampleError(f"Cannot read {path} ({exc.strerror or exc}).") from None
    if not head.startswith(SQLITE_MAGIC):
        raise SampleError(f"{path} cannot be used as a sample store: {what_it_is(head)}.")
    if int.from_bytes(head[68:72], "big") == APPLICATION_ID:
        return  # written by this DigitPad
    try:
        with tempfile.TemporaryDirectory(prefix="digitpad-check-") as scratch:
            copy = Path(scratch) / "copy.sqlite3"
            shutil.copyfile(path, copy)
            wal = Path(f"{path}-wal")
            if wal.is_file():
                shutil.copyfile(wal, Path(f"{copy}-wal"))
            conn = sqlite3.connect(copy)
            try:
                why = foreign(conn, first_table) or ("it is an empty database, not a sample store" if empty(conn)
                                                     else None)
            finally:
                conn.close()
    except (sqlite3.Error, OSError) as exc:
        raise SampleError(f"{path} cannot be used as a sample store: it cannot be read as one ({exc}).") from None
    if why:
        raise SampleError(f"{path} cannot be used as a sample store: {why}. DigitPad leaves it as it is.")


def _words(sql) -> list[str]:
    return " ".join(str(sql or "").replace("(", " ( ").replace(")", " ) ").replace(",", " , ").split()).split()
