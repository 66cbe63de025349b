"""Kill-safe saves: atomic JSON files, model directories written beside their target and renamed
into place, and the locks that tell a save still running from one a killed process left behind.

A save holds an exclusive lock on its ``.lock-T`` file while its ``T`` folders exist; the
operating system drops the lock when the process dies, however it dies. So whatever a killed
save left behind is found and put right on the next save or start (:meth:`ModelStore.recover`,
:func:`recover_model_dir`), while a save still running in another process is left alone.
"""
from __future__ import annotations

import dataclasses
import json
import os
import shutil
import tempfile
import uuid
from collections.abc import Callable
from pathlib import Path

from ..recognizer import ModelError, Recognizer
from .card import ModelCard
from .model_dir import ModelInfo, StoreError, inspect_dir, json_default, local_now, reread


def save_step(step: str) -> None:
    """Called with the name of each step of a save; does nothing (tests replace it to kill the
    process at that step)."""


def write_json_atomic(path: Path, data: dict) -> None:
    """Write JSON so that readers see the old file or the new one, never a torn one."""
    path = Path(path)
    text = json.dumps(data, indent=2, ensure_ascii=False, default=json_default) + "\n"
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    fsync_dir(path.parent)


def fsync_file(path: Path) -> None:
    with open(path, "r+b") as fh:  # Windows can only flush a handle opened for writing
        os.fsync(fh.fileno())


def fsync_dir(path: Path) -> None:
    """Make a rename durable; directories cannot be opened (or fsynced) on Windows."""
    if os.name == "nt":
        return
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def write_model_dir(target: str | os.PathLike, card: ModelCard, write: Callable[[Path], None]) -> ModelInfo:
    """Write a model directory at an explicit path (``digitpad train --out DIR``).

    Staged beside the target as ``.DIR.staging-T`` and renamed into place; an existing model
    there is first renamed to ``.DIR.old-T`` and removed once the new one is in place. A crash
    or kill at any step leaves these folders behind, and :func:`recover_model_dir` (run here
    first, and whenever ``--model DIR`` is used) puts back the new model if it was complete,
    else the old one, and removes the rest.
    """
    target = Path(target).resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    recover_model_dir(target)
    card = dataclasses.replace(card, name=card.name or target.name, id=target.name,
                               created=card.created or local_now().isoformat(timespec="seconds"))
    lock, token = new_lock(target.parent, f".{target.name}.lock-")
    staging = target.with_name(f".{target.name}.staging-{token}")
    old = target.with_name(f".{target.name}.old-{token}")
    try:
        staging.mkdir()
        save_step("staged")
        write(staging)
        save_step("written")
        try:
            Recognizer.load(staging / "weights.npz")
        except ModelError as exc:
            raise StoreError(f"The model was not saved: its weights.npz does not load ({exc}).") from None
        write_json_atomic(staging / "card.json", card.to_dict())
        for f in staging.rglob("*"):
            if f.is_file():
                fsync_file(f)
        fsync_dir(staging)
        save_step("complete")
        if target.exists():
            os.rename(target, old)
            save_step("old-moved")
        os.rename(staging, target)
        fsync_dir(target.parent)
        save_step("new-moved")
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        if old.exists() and not target.exists():
            os.rename(old, target)  # put the previous model back
        lock.release()
        raise
    shutil.rmtree(old, ignore_errors=True)
    save_step("old-removed")
    lock.release()
    return ModelInfo(target.name, target, reread(card), False)


def recover_model_dir(target: str | os.PathLike) -> None:
    """Put right what killed :func:`write_model_dir` calls for ``target`` left behind.

    For each save whose process is gone: when ``target`` is missing (killed between its two
    renames, or before the first save's only one), the new model is put in place if it was
    complete (its card written and its weights loading), else the old one; then every leftover
    ``.DIR.staging-*`` and ``.DIR.old-*`` folder is removed. Saves still running are left
    alone. Never raises: it runs before commands that then report what they find.
    """
    target = Path(target)
    parent, name = target.parent, target.name
    try:
        tokens = lock_tokens(parent, f".{name}.staging-", f".{name}.old-", f".{name}.lock-")
    except OSError:
        return
    for token in tokens:
        staging = parent / f".{name}.staging-{token}"
        old = parent / f".{name}.old-{token}"
        try:
            with dead_owner(parent / f".{name}.lock-{token}") as dead:
                if not dead:
                    continue
                if not target.exists() and not target.is_symlink():
                    if staging.is_dir() and _complete(staging):
                        os.rename(staging, target)
                    elif old.exists():
                        os.rename(old, target)
                    fsync_dir(parent)
                for leftover in (staging, old):
                    if leftover.is_dir() and not leftover.is_symlink():
                        shutil.rmtree(leftover, ignore_errors=True)
                    elif leftover.exists() or leftover.is_symlink():
                        leftover.unlink(missing_ok=True)
        except OSError:
            continue  # e.g. a read-only folder: leave it as it is


def _complete(path: Path) -> bool:
    try:
        inspect_dir(path.name, path, read_only=True)
        return True
    except StoreError:
        return False


# -- which saves are still running -------------------------------------------------------------------
class _Lock:
    """An exclusive lock on an open file; the OS releases it when the process ends, however."""

    def __init__(self, path: Path, fd: int):
        self.path, self.fd = path, fd

    @classmethod
    def try_acquire(cls, path: Path, *, create_new: bool = False) -> _Lock | None:
        """The lock, or None when another process holds it (FileExistsError for create_new)."""
        flags = os.O_RDWR | os.O_CREAT | (os.O_EXCL if create_new else 0)
        fd = os.open(path, flags, 0o600)
        try:
            if os.name == "nt":
                import msvcrt

                msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            else:
                import fcntl

                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            return None
        return cls(path, fd)

    def release(self) -> None:
        """Remove the lock file and let go (in that order where the OS allows an open file to be
        removed, so no one can lock the same file in between)."""
        if self.fd < 0:
            return
        if os.name != "nt":
            self._unlink()
        os.close(self.fd)
        self.fd = -1
        if os.name == "nt":
            self._unlink()

    def _unlink(self) -> None:
        try:
            self.path.unlink()
        except OSError:
            pass


def new_lock(folder: Path, prefix: str) -> tuple[_Lock, str]:
    """A held lock on a new ``<prefix><token>`` file in folder, and its token."""
    while True:
        token = uuid.uuid4().hex[:12]
        path = folder / f"{prefix}{token}"
        try:
            lock = _Lock.try_acquire(path, create_new=True)
        except FileExistsError:
            continue
        # A recovery that locked the file between its creation and our lock has removed it: the
        # lock must be on the file that is at the path now, or it protects nothing.
        if lock is not None and _same_file(path, lock.fd):
            return lock, token
        if lock is not None:
            os.close(lock.fd)


def _same_file(path: Path, fd: int) -> bool:
    try:
        a, b = os.stat(path), os.fstat(fd)
    except OSError:
        return False
    return (a.st_dev, a.st_ino) == (b.st_dev, b.st_ino)


class dead_owner:
    """``with dead_owner(lock_path) as dead:`` dead is True when no live process holds the lock
    (the lock is then held until the block ends, and its file removed)."""

    def __init__(self, path: Path):
        self.path = path
        self.lock: _Lock | None = None

    def __enter__(self) -> bool:
        try:
            self.lock = _Lock.try_acquire(self.path)
        except OSError:  # cannot even create the file (read-only folder): nothing to do there
            return False
        return self.lock is not None

    def __exit__(self, *exc) -> None:
        if self.lock is not None:
            self.lock.release()


def lock_tokens(folder: Path, *prefixes: str) -> list[str]:
    """The tokens T of the ``<prefix>T`` entries in folder, for any of the prefixes."""
    found = set()
    for entry in os.listdir(folder):
        for prefix in prefixes:
            if entry.startswith(prefix) and len(entry) > len(prefix):
                found.add(entry[len(prefix):])
    return sorted(found)
