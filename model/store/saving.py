"""Kill-safe saves: atomic JSON files, model directories written beside their target and renamed
into place, the locks that tell a save still running from one a killed process left behind, and
the rules for what a save may replace.

A save holds an exclusive lock on its ``.lock-T`` file while its ``T`` folders exist; the
operating system drops the lock when the process dies, however it dies. So whatever a killed
save left behind is found and put right on the next save or start (:meth:`ModelStore.recover`,
:func:`recover_model_dir`), while a save still running in another process is left alone.

**What a save may replace.** DigitPad never deletes, renames or changes a file or folder it did
not create. ``train --out DIR`` (and ``personalize --out``) replaces DIR only when DIR is one of
DigitPad's model directories (:func:`is_model_dir`: a DigitPad model card and nothing but the
model's files) or an empty folder; anything else is refused (:func:`check_out_dir`) before the
training starts and again, under the target's lock, before the rename. An export replaces only
an earlier export of the same kind, and never writes inside a model directory
(:func:`check_file_target`).
"""
from __future__ import annotations

import dataclasses
import errno
import json
import os
import re
import shutil
import stat
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from .card import CARD_FORMAT, ModelCard
from .model_dir import MODEL_FILES, ModelInfo, StoreError, inspect_dir, json_default, local_now, read_json, reread
from .validate import ModelCheckError, check_weights

LOCK_WAIT = 30.0  # seconds a save or a change waits for another one to finish


def save_step(step: str) -> None:
    """Called with the name of each step of a save; does nothing (tests replace it to kill the
    process at that step)."""


def write_json_atomic(path: Path, data: dict) -> None:
    """Write JSON so that readers see the old file or the new one, never a torn one. The file is
    private to the user (0600), like every file DigitPad writes about them."""
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


def os_problem(exc: OSError) -> str:
    """What an OSError means for a person: "the disk is full", "... cannot be written"."""
    where = f" ({exc.filename})" if getattr(exc, "filename", None) else ""
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        return f"the disk is full{where}; free some space"
    if exc.errno == errno.EROFS:
        return f"the disk is read-only{where}"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return f"permission denied{where}: the folder cannot be written"
    return f"{exc.strerror or exc}{where}"


# -- a model directory: staged, checked, renamed into place ------------------------------------------
def stage_model(staging: Path, card: ModelCard, write: Callable[[Path], None]) -> None:
    """Write a whole model into the new folder ``staging`` and make it durable: ``write(staging)``
    writes ``weights.npz`` (and ``model.keras``), which must load; then ``card.json``; then
    everything is fsynced. StoreError if the weights are not usable (OSError as it comes)."""
    staging.mkdir()
    save_step("staged")
    write(staging)
    save_step("written")
    try:
        check_weights(staging / "weights.npz")
    except ModelCheckError as exc:
        raise StoreError(f"The model was not saved: {exc}.") from None
    write_json_atomic(staging / "card.json", card.to_dict())
    for f in staging.rglob("*"):
        if f.is_file():
            fsync_file(f)
    fsync_dir(staging)
    save_step("complete")


def write_model_dir(target: str | os.PathLike, card: ModelCard, write: Callable[[Path], None]) -> ModelInfo:
    """Write a model directory at an explicit path (``digitpad train --out DIR``).

    Only a target :func:`check_out_dir` allows is written (checked again under the target's lock,
    so two saves to one folder take turns). Staged beside the target as ``.DIR.staging-T`` and
    renamed into place; an existing model there is first renamed to ``.DIR.old-T`` and removed
    once the new one is in place. A crash or kill at any step leaves these folders behind, and
    :func:`recover_model_dir` (run here first, and whenever ``--model DIR`` is used) puts back the
    new model if it was complete, else the old one, and removes the rest.
    """
    try:
        target = check_out_dir(target)
        return _write_model_dir(target, card, write)
    except OSError as exc:
        raise rescue(card, write, f"The model could not be saved as {target}: {os_problem(exc)}") from exc
    except TargetRefused as exc:  # e.g. something else was put there while it trained
        raise rescue(card, write, f"The model could not be saved as {target}: {str(exc).rstrip('.')}") from None


def _write_model_dir(target: Path, card: ModelCard, write: Callable[[Path], None]) -> ModelInfo:
    target.parent.mkdir(parents=True, exist_ok=True)
    with waiting_lock(target.parent / f".{target.name}.lock"):
        return _replace_model_dir(target, card, write)


def rescue(card: ModelCard, write: Callable[[Path], None], failure: str) -> StoreError:
    """A save failed (``failure`` says where and why: a full or read-only disk): save the model
    in a new folder elsewhere, so that a training is not lost, and the StoreError to raise, which
    says where it went (or that it could not be saved anywhere)."""
    stamp = local_now().strftime("%Y%m%d-%H%M%S")
    tried = []
    for base in (Path(tempfile.gettempdir()), Path.home()):
        target = base / f"digitpad-unsaved-model-{stamp}-{uuid.uuid4().hex[:6]}"
        try:
            saved = _write_model_dir(target, card, write)
        except (OSError, StoreError) as exc:
            tried.append(f"{base} ({os_problem(exc) if isinstance(exc, OSError) else exc})")
            continue
        return StoreError(f"{failure}. So that it is not lost, it was saved in {saved.path} instead: once the"
                          f" problem is fixed, add it to your models with `digitpad models import {saved.path}`"
                          f" (or use it as it is with --model {saved.path}).")
    return StoreError(f"{failure}. It could not be saved anywhere else either ({'; '.join(tried)}), so it is"
                      " lost: fix the problem, then train again.")


def _replace_model_dir(target: Path, card: ModelCard, write: Callable[[Path], None]) -> ModelInfo:
    recover_model_dir(target)
    target = check_out_dir(target)  # again, now that no other save to it is running
    card = dataclasses.replace(card, name=card.name or target.name, id=target.name,
                               created=card.created or local_now().isoformat(timespec="seconds"))
    lock, token = new_lock(target.parent, f".{target.name}.lock-")
    staging = target.with_name(f".{target.name}.staging-{token}")
    old = target.with_name(f".{target.name}.old-{token}")
    try:
        stage_model(staging, card, write)
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
    ``.DIR.staging-*`` and ``.DIR.old-*`` folder is removed, if it holds nothing but a model's
    files (a folder of that name DigitPad did not write is left alone). Saves still running are
    left alone. Never raises: it runs before commands that then report what they find.
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
                    if _ours(staging) and _complete(staging):
                        os.rename(staging, target)
                    elif _ours(old):
                        os.rename(old, target)
                    fsync_dir(parent)
                for leftover in (staging, old):
                    if _ours(leftover):
                        shutil.rmtree(leftover, ignore_errors=True)
        except OSError:
            continue  # e.g. a read-only folder: leave it as it is
    try:
        mutex = parent / f".{name}.lock"
        if mutex.is_file():  # a killed save's turn-taking lock (an empty file): removed unless held
            with dead_owner(mutex):
                pass
    except OSError:
        pass


_TEMP_CARD = re.compile(r"^\.card\.json\..+\.tmp$")


def _ours(folder: Path) -> bool:
    """A real folder (not a link) holding only what a model save writes."""
    try:
        if folder.is_symlink() or not folder.is_dir():
            return False
        return all(e.name in MODEL_FILES or _TEMP_CARD.match(e.name) for e in os.scandir(folder))
    except OSError:
        return False


def _complete(path: Path) -> bool:
    try:
        inspect_dir(path.name, path, read_only=True)
        check_weights(path / "weights.npz")
        return True
    except (StoreError, ModelCheckError):
        return False


# -- what a save may replace ---------------------------------------------------------------------------
def is_model_dir(path: str | os.PathLike) -> bool:
    """A folder DigitPad wrote as a model: a real folder whose ``card.json`` is a DigitPad model
    card and which holds nothing but a model's files."""
    path = Path(path)
    if not _ours(path):
        return False
    try:
        card = read_json(path / "card.json")
    except (OSError, ValueError):
        return False
    return isinstance(card, dict) and card.get("format") == CARD_FORMAT


class TargetRefused(StoreError):
    """A path DigitPad may not write a model to (see :func:`check_out_dir`)."""


def check_out_dir(target: str | os.PathLike) -> Path:
    """Whether a model directory may be written at ``target`` (``train --out``, ``personalize --out``):
    its absolute path, else StoreError saying why not and what to do.

    Allowed: a path where nothing is yet (its folders are made), an empty folder, or one of
    DigitPad's model directories (replaced). Refused: anything else (a file, a folder holding
    anything else, a link, a device), the shipped default model, a folder inside a model directory."""
    try:
        return _check_out_dir(target)
    except OSError as exc:  # a name too long for the file system, a folder that cannot be looked in
        raise TargetRefused(f"{target} cannot be used ({os_problem(exc)}).") from None


def _check_out_dir(target: str | os.PathLike) -> Path:
    given = Path(target).expanduser()
    path = Path(os.path.abspath(given))
    new = path / "my-model" if path.is_dir() else path.with_name(f"{path.stem or 'model'}-model")
    advice = (" DigitPad only replaces its own model directories (a card.json with the model's files); "
              f"give the name of a new folder, e.g. {new}.")
    if path.is_symlink():
        raise TargetRefused(f"{given} is a symbolic link; give the folder itself.")
    if (model := _model_dir_above(path)) is not None:
        raise TargetRefused(f"{given} is inside the model directory {model}; give a folder outside it.")
    from ..paths import default_model_dir

    if path == Path(os.path.abspath(default_model_dir())):
        raise TargetRefused(f"{given} is the shipped default model, which is read-only; give another folder.")
    mode = _mode(path)
    if mode is None:
        return path
    if not stat.S_ISDIR(mode):
        kind = "a file" if stat.S_ISREG(mode) else "not a folder (a device, a pipe or a socket)"
        raise TargetRefused(f"{given} is {kind}, so the model cannot be written there.{advice}")
    if is_model_dir(path) or not _entries(path):
        return path
    shown = ", ".join(sorted(_entries(path))[:3]) + (", …" if len(_entries(path)) > 3 else "")
    raise TargetRefused(f"{given} is a folder that is not a DigitPad model directory (it holds {shown}).{advice}")


def _model_dir_above(path: Path) -> Path | None:
    return next((p for p in path.parents if (p / "card.json").is_file() and is_model_dir(p)), None)


def _mode(path: Path) -> int | None:
    """The file's mode, None when nothing is there (other OSErrors pass: the caller says why)."""
    try:
        return path.stat().st_mode
    except FileNotFoundError:
        return None


def _entries(path: Path) -> list[str]:
    try:
        return os.listdir(path)
    except OSError:
        return ["(unreadable)"]


def check_file_target(path: str | os.PathLike, ours: Callable[[Path], bool], what: str,
                      error: type[Exception] = StoreError) -> Path:
    """Whether DigitPad may write the file ``path`` (an export, a picture): its absolute path,
    else ``error`` saying why not. A new file is fine; an existing one only when ``ours(path)``
    says DigitPad wrote it (an earlier export of the same kind, ``what``). Never a folder, a link,
    a device, or a file inside a model directory or DigitPad's sample store."""
    try:
        return _check_file_target(path, ours, what, error)
    except OSError as exc:  # a name too long for the file system, a folder that cannot be looked in
        raise error(f"{path} cannot be used ({os_problem(exc)}).") from None


def _check_file_target(path: str | os.PathLike, ours: Callable[[Path], bool], what: str,
                       error: type[Exception]) -> Path:
    given = Path(path).expanduser()
    path = Path(os.path.abspath(given))
    if (model := _model_dir_above(path)) is not None:
        raise error(f"{given} is inside the model directory {model}; choose a file outside it.")
    if path.is_symlink():
        raise error(f"{given} is a symbolic link; give the file itself.")
    mode = _mode(path)
    if mode is None:
        return path
    if stat.S_ISDIR(mode):
        raise error(f"{given} is a folder; give the name of the file to write, e.g. {path / 'export.zip'}.")
    if not stat.S_ISREG(mode) or not ours(path):
        raise error(f"{given} already exists and is not {what}; DigitPad does not overwrite it. Choose another"
                    " name, or move that file away first.")
    return path


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


@contextmanager
def waiting_lock(path: Path, timeout: float = LOCK_WAIT) -> Iterator[None]:
    """Hold the lock file ``path`` for the block, waiting up to ``timeout`` seconds while another
    DigitPad holds it (then StoreError). OSError if the lock file cannot be made."""
    deadline = time.monotonic() + timeout
    while True:
        lock = _Lock.try_acquire(path)
        if lock is not None and _same_file(path, lock.fd):
            break
        if lock is not None:  # locked a file its holder had just removed: take the new one
            os.close(lock.fd)
            continue
        if time.monotonic() > deadline:
            raise StoreError(f"Another DigitPad has been changing {path.parent} for {timeout:.0f} s; try again"
                             " when it is done.")
        time.sleep(0.05)
    try:
        yield
    finally:
        lock.release()


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
