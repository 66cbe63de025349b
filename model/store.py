"""ModelStore: the shipped default model plus the user's models, saved and changed atomically.

Layout under the data home (``DIGITPAD_HOME`` moves it)::

    models/<id>/{card.json, weights.npz, model.keras}   one directory per user model
    models/.staging-T  models/.lock-T  models/.trash-*  in-flight saves/deletes, never listed
    active-model.json                                    {"id": "<id>" | "default"}

A model becomes visible only by renaming a complete, fsynced directory into ``models/``, and
disappears by renaming it out again before it is removed, so a crash at any moment leaves either
the whole model or none of it. Nothing here imports TensorFlow: a model is checked by loading its
``weights.npz`` with the NumPy :class:`Recognizer`.

A save holds an exclusive lock on its ``.lock-T`` file while its ``T`` folders exist; the
operating system drops the lock when the process dies, however it dies. So whatever a killed
save left behind is found and put right on the next save or start (:meth:`ModelStore.recover`,
:func:`recover_model_dir`), while a save still running in another process is left alone.
"""
from __future__ import annotations

import dataclasses
import json
import logging
import os
import re
import shutil
import tempfile
import unicodedata
import uuid
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from . import paths
from .archives import NotNpz, npz_arrays, zip_errors
from .card import CARD_FORMAT, CARD_VERSION, CardError, ModelCard
from .errors import DigitPadError
from .recognizer import ModelError, Recognizer

__all__ = ["CARD_FORMAT", "CARD_VERSION", "DEFAULT_ID", "ModelInfo", "ModelStore", "StoreError",
           "write_json_atomic", "write_model_dir"]

DEFAULT_ID = "default"
ARCHIVE_NAMES = ("card.json", "weights.npz", "model.keras")
MAX_IMPORT_BYTES = 200 * 2**20  # uncompressed; the default network's files are ~3 MB

# Called with the name of each step of a save (tests kill the process there); does nothing.
_save_step: Callable[[str], None] = lambda step: None


class StoreError(DigitPadError, RuntimeError):
    """A model that cannot be found, read, saved or changed; the message says what to do."""

    title = "Cannot use the model"


@dataclass(frozen=True)
class ModelInfo:
    id: str  # "default" for the shipped model, else the user model's directory name
    path: Path
    card: ModelCard = field(hash=False)
    read_only: bool

    @property
    def name(self) -> str:
        return self.card.name or self.id

    @property
    def accuracy(self) -> float | None:
        return self.card.accuracy

    @property
    def created(self) -> str:
        return self.card.created

    def summary(self) -> str:
        """One line, e.g. ``My net — 97.9% on MNIST test (2026-11-22)``."""
        text = self.name
        if self.accuracy is not None:
            data = self.card.data.name if self.card.data is not None else None
            text += f" — {self.accuracy:.1%}" + (f" on {data} test" if data else " test accuracy")
        if self.created:
            text += f" ({self.created[:10]})"
        return text


class ModelStore:
    def __init__(self, home: Path | None = None, default_dir: Path | None = None):
        self.home = Path(home) if home is not None else paths.data_home()
        self.models_dir = self.home / "models"
        self.active_file = self.home / "active-model.json"
        self.default_dir = Path(default_dir) if default_dir is not None else paths.default_model_dir()
        self.fallback_reason: str | None = None
        self._problems: list[str] = []
        self.recover()

    def recover(self) -> None:
        """Remove what killed saves and deletes left in ``models/`` (a save still running in
        another process keeps its folder). Runs on every start and save; never raises."""
        try:
            if not self.models_dir.is_dir():
                return
            for path in self.models_dir.glob(".trash-*"):
                shutil.rmtree(path, ignore_errors=True)
            for token in _tokens(self.models_dir, ".staging-", ".lock-"):
                with _dead_owner(self.models_dir / f".lock-{token}") as dead:
                    if dead:
                        shutil.rmtree(self.models_dir / f".staging-{token}", ignore_errors=True)
        except OSError:
            pass  # a read-only or vanished home: nothing to put right here

    # -- reading ---------------------------------------------------------------------------------
    def list(self) -> list[ModelInfo]:
        """The default first, then user models newest first; broken ones go to :meth:`problems`."""
        problems, models = [], []
        try:
            default = [self.default()]
        except StoreError as exc:
            default = []
            problems.append(str(exc))
        if self.models_dir.is_dir():
            for path in sorted(self.models_dir.iterdir()):
                if path.name.startswith(".") or not path.is_dir():
                    continue
                try:
                    models.append(_inspect(path.name, path, read_only=False))
                except StoreError as exc:
                    problems.append(str(exc))
        models.sort(key=lambda m: (_timestamp(m), m.id), reverse=True)
        self._problems = problems
        return default + models

    def problems(self) -> list[str]:
        return list(self._problems)

    def default(self) -> ModelInfo:
        try:
            return _inspect(DEFAULT_ID, self.default_dir, read_only=True)
        except StoreError as exc:
            raise StoreError(f"The shipped default model is unusable: {exc} Reinstall DigitPad.") from None

    def get(self, model_id: str) -> ModelInfo:
        if model_id == DEFAULT_ID:
            return self.default()
        path = self._user_dir(model_id)
        if not path.is_dir():
            raise StoreError(f"There is no model {model_id!r} in {self.models_dir}; pick one from the list.")
        return _inspect(model_id, path, read_only=False)

    def resolve(self, model: str | os.PathLike | None) -> ModelInfo:
        """What ``--model`` names: None is the active model; an existing directory is that model
        directory (read-only unless it is one of the store's); anything else is a model id."""
        if model is None:
            return self.active()
        path = Path(model)
        if path.name and not path.name.startswith("."):
            recover_model_dir(path)  # a --out DIR whose save was killed: put it right first
        if not path.is_dir():
            return self.get(os.fspath(model))
        path = path.resolve()
        if path == self.default_dir.resolve():
            return self.default()
        if path.parent == self.models_dir.resolve() and not path.name.startswith("."):
            return self.get(path.name)
        return _inspect(path.name, path, read_only=True)

    def active(self) -> ModelInfo:
        """The active model, else the default; ``fallback_reason`` says why when it fell back."""
        self.fallback_reason = None
        if not self.active_file.exists():
            return self.default()
        model_id = None
        try:
            model_id = _read_json(self.active_file)["id"]
            return self.get(model_id)
        except StoreError as exc:
            self.fallback_reason = (f"The active model {model_id!r} cannot be used ({exc}); "
                                    "using the shipped default model instead.")
        except (OSError, ValueError, KeyError, TypeError) as exc:
            self.fallback_reason = (f"{self.active_file} is unreadable ({exc}); "
                                    "using the shipped default model instead.")
        logging.getLogger("digitpad.store").warning("%s", self.fallback_reason)  # the user's log (app/logs.py)
        return self.default()

    def load_recognizer(self, model_id: str | None = None) -> Recognizer:
        info = self.active() if model_id is None else self.get(model_id)
        return _load_weights(info.path)

    def keras_path(self, model_id) -> Path:
        info = self.get(model_id)
        path = info.path / "model.keras"
        if not path.is_file():
            raise StoreError(f"Model {info.name!r} ({info.path}) has no model.keras: it can be used for "
                             "drawing but not trained further. Train a new model to continue from.")
        return path

    # -- changing --------------------------------------------------------------------------------
    def save(self, card: ModelCard, write: Callable[[Path], None], *, name: str | None = None) -> ModelInfo:
        """Save a new model: ``write(staging_dir)`` writes ``model.keras`` and ``weights.npz``.

        Only a complete model whose weights load is renamed into place; on any failure the
        staging directory is removed and existing models are untouched.
        """
        name = str(name or card.name or "").strip() or "Model"
        now = _now()
        card = dataclasses.replace(card, name=name, created=card.created or now.isoformat(timespec="seconds"))
        try:
            json.dumps(card.to_dict(), default=_plain)
        except (TypeError, ValueError) as exc:
            raise StoreError(f"The model was not saved: its card cannot be written as JSON ({exc}).") from None
        self.models_dir.mkdir(parents=True, exist_ok=True)
        self.recover()
        lock, token = _new_lock(self.models_dir, ".lock-")
        staging = self.models_dir / f".staging-{token}"
        try:
            staging.mkdir()
            _save_step("staged")
            write(staging)
            _save_step("written")
            try:
                Recognizer.load(staging / "weights.npz")
            except ModelError as exc:
                raise StoreError(f"The model was not saved: its weights.npz does not load ({exc}).") from None
            base = f"{_slug(name)}-{now:%Y%m%d-%H%M%S}"
            for n in range(1, 1000):
                model_id = base if n == 1 else f"{base}-{n}"
                card.id = model_id
                target = self.models_dir / model_id
                if target.exists():
                    continue
                write_json_atomic(staging / "card.json", card.to_dict())
                for f in staging.rglob("*"):
                    if f.is_file():
                        _fsync_file(f)
                _fsync_dir(staging)
                _save_step("complete")
                try:
                    os.rename(staging, target)  # fails if another process took the name meanwhile
                except OSError:
                    if target.exists():
                        continue
                    raise
                _fsync_dir(self.models_dir)
                _save_step("renamed")
                return ModelInfo(model_id, target, _reread(card), False)
            raise StoreError(f"The model was not saved: too many models named {base!r}.")
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
        finally:
            lock.release()

    def activate(self, model_id: str) -> ModelInfo:
        info = self.get(model_id)
        write_json_atomic(self.active_file, {"id": info.id})
        return info

    def delete(self, model_id: str) -> None:
        """Remove a user model (even a broken one); the default becomes active if it was."""
        if model_id == DEFAULT_ID:
            raise StoreError("The shipped default model cannot be deleted.")
        path = self._user_dir(model_id)
        if not path.is_dir():
            raise StoreError(f"There is no model {model_id!r} in {self.models_dir}; pick one from the list.")
        trash = self.models_dir / f".trash-{uuid.uuid4().hex}"
        try:
            os.rename(path, trash)  # gone from the list in one step, removed at leisure
        except OSError as exc:
            raise StoreError(f"Could not delete {path} ({exc}); is it open in another program?") from None
        if self._active_id() == model_id:
            write_json_atomic(self.active_file, {"id": DEFAULT_ID})
        shutil.rmtree(trash, ignore_errors=True)

    def rename(self, model_id: str, name: str) -> ModelInfo:
        if model_id == DEFAULT_ID:
            raise StoreError("The shipped default model is read-only and cannot be renamed.")
        name = (name or "").strip()
        if not name:
            raise StoreError("A model's name cannot be empty.")
        info = self.get(model_id)
        card = dataclasses.replace(info.card, name=name)
        write_json_atomic(info.path / "card.json", card.to_dict())
        return ModelInfo(info.id, info.path, card, False)

    # -- exchange --------------------------------------------------------------------------------
    def export(self, model_id: str, zip_path) -> Path:
        """A .zip with card.json, weights.npz and model.keras (if present) at its top level."""
        info = self.get(model_id)
        zip_path = Path(zip_path)
        tmp = zip_path.with_name(f".{zip_path.name}.{uuid.uuid4().hex[:8]}.tmp")
        try:
            with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zf:
                for name in ARCHIVE_NAMES:
                    if (info.path / name).is_file():
                        zf.write(info.path / name, name)
            _fsync_file(tmp)
            os.replace(tmp, zip_path)
        except OSError as exc:
            tmp.unlink(missing_ok=True)
            raise StoreError(f"Could not export {info.name!r} to {zip_path} ({exc}).") from None
        return zip_path

    def import_(self, zip_path) -> ModelInfo:
        """Save a model from an :meth:`export` zip, after checking names, sizes and the card."""
        zip_path = Path(zip_path)

        def bad(why: str) -> StoreError:
            return StoreError(f"{zip_path} is not a DigitPad model archive: {why}")

        with zip_errors(zip_path, StoreError, bad, "Could not import"), zipfile.ZipFile(zip_path) as zf:
            entries = zf.infolist()
            names = [e.filename for e in entries]
            for n in names:
                if n not in ARCHIVE_NAMES or names.count(n) > 1:
                    raise bad(f"unexpected entry {n!r} (only {', '.join(ARCHIVE_NAMES)}, once each).")
            for required in ARCHIVE_NAMES[:2]:
                if required not in names:
                    raise bad(f"{required} is missing.")
            if sum(e.file_size for e in entries) > MAX_IMPORT_BYTES:
                raise bad(f"its contents exceed {MAX_IMPORT_BYTES // 2**20} MB.")
            try:
                card = ModelCard.from_dict(_parse_json(zf.read("card.json")))
            except ValueError as exc:
                raise bad(f"card.json is not valid JSON ({exc}).") from None
            except CardError as exc:
                raise bad(f"card.json {exc}") from None

            def write(staging: Path) -> None:
                for n in names:
                    if n != "card.json":
                        with zf.open(n) as src, open(staging / n, "wb") as dst:
                            shutil.copyfileobj(src, dst)  # zipfile stops at the declared size
                # weights.npz is itself a zip: a few KB of it can declare a 1 GB array of zeros.
                try:
                    npz_arrays(staging / "weights.npz", MAX_IMPORT_BYTES)
                except NotNpz as exc:
                    raise bad(f"weights.npz is not usable: {exc}.") from None
                except (OSError, ValueError, zipfile.BadZipFile, EOFError, RuntimeError,
                        NotImplementedError) as exc:
                    raise bad(f"weights.npz is not a readable .npz ({exc}).") from None

            try:
                return self.save(card, write)
            except StoreError as exc:
                raise bad(str(exc)) from None

    # -- helpers ---------------------------------------------------------------------------------
    def _user_dir(self, model_id: str) -> Path:
        if (not isinstance(model_id, str) or not model_id or model_id.startswith(".")
                or "/" in model_id or "\\" in model_id):
            raise StoreError(f"{model_id!r} is neither a model id nor an existing model directory.")
        return self.models_dir / model_id

    def _active_id(self) -> str | None:
        try:
            return _read_json(self.active_file).get("id")
        except (OSError, ValueError, AttributeError):
            return None


def write_json_atomic(path: Path, data: dict) -> None:
    """Write JSON so that readers see the old file or the new one, never a torn one."""
    path = Path(path)
    text = json.dumps(data, indent=2, ensure_ascii=False, default=_plain) + "\n"
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
    _fsync_dir(path.parent)


def _inspect(model_id: str, path: Path, read_only: bool) -> ModelInfo:
    """A model directory as ModelInfo, or StoreError naming the directory and what is wrong."""
    remedy = "" if read_only else " Delete this model or import it again."
    if not path.is_dir():
        raise StoreError(f"There is no model directory {path}.")
    try:
        card = ModelCard.from_dict(_read_json(path / "card.json"))
    except FileNotFoundError:
        raise StoreError(f"{path}: card.json is missing.{remedy}") from None
    except (OSError, ValueError) as exc:
        raise StoreError(f"{path}: card.json is damaged ({exc}).{remedy}") from None
    except CardError as exc:
        raise StoreError(f"{path}: card.json {exc}{remedy}") from None
    _load_weights(path, remedy)
    return ModelInfo(model_id, path, card, read_only)


def _load_weights(path: Path, remedy: str = "") -> Recognizer:
    try:
        return Recognizer.load(path / "weights.npz")
    except ModelError as exc:
        raise StoreError(f"{exc}{remedy}") from None


def _reread(card: ModelCard) -> ModelCard:
    """The card as a reader of card.json will see it (NumPy numbers become plain ones)."""
    return ModelCard.from_dict(json.loads(json.dumps(card.to_dict(), default=_plain)))


def _parse_json(raw: bytes):
    """JSON from bytes; ValueError (never RecursionError or UnicodeDecodeError's cousins) if not."""
    try:
        return json.loads(raw.decode("utf-8"))
    except RecursionError:
        raise ValueError("it is nested far too deeply to be a model card") from None


def _read_json(path: Path):
    return _parse_json(Path(path).read_bytes())


def _timestamp(info: ModelInfo) -> float:
    try:
        return datetime.fromisoformat(info.created).timestamp()
    except (ValueError, OverflowError, OSError):
        return info.path.stat().st_mtime


def _now() -> datetime:
    """Local time with its UTC offset (a function so tests can pin the clock)."""
    return datetime.now().astimezone()


def _slug(name: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")[:40].strip("-") or "model"


def _plain(obj):
    """JSON fallback for NumPy scalars and arrays (training metrics often are)."""
    if hasattr(obj, "tolist"):
        return obj.tolist()
    raise TypeError(f"{type(obj).__name__} is not JSON serializable")


def _fsync_file(path: Path) -> None:
    with open(path, "r+b") as fh:  # Windows can only flush a handle opened for writing
        os.fsync(fh.fileno())


def _fsync_dir(path: Path) -> None:
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
                               created=card.created or _now().isoformat(timespec="seconds"))
    lock, token = _new_lock(target.parent, f".{target.name}.lock-")
    staging = target.with_name(f".{target.name}.staging-{token}")
    old = target.with_name(f".{target.name}.old-{token}")
    try:
        staging.mkdir()
        _save_step("staged")
        write(staging)
        _save_step("written")
        try:
            Recognizer.load(staging / "weights.npz")
        except ModelError as exc:
            raise StoreError(f"The model was not saved: its weights.npz does not load ({exc}).") from None
        write_json_atomic(staging / "card.json", card.to_dict())
        for f in staging.rglob("*"):
            if f.is_file():
                _fsync_file(f)
        _fsync_dir(staging)
        _save_step("complete")
        if target.exists():
            os.rename(target, old)
            _save_step("old-moved")
        os.rename(staging, target)
        _fsync_dir(target.parent)
        _save_step("new-moved")
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        if old.exists() and not target.exists():
            os.rename(old, target)  # put the previous model back
        lock.release()
        raise
    shutil.rmtree(old, ignore_errors=True)
    _save_step("old-removed")
    lock.release()
    return ModelInfo(target.name, target, _reread(card), False)


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
        tokens = _tokens(parent, f".{name}.staging-", f".{name}.old-", f".{name}.lock-")
    except OSError:
        return
    for token in tokens:
        staging = parent / f".{name}.staging-{token}"
        old = parent / f".{name}.old-{token}"
        try:
            with _dead_owner(parent / f".{name}.lock-{token}") as dead:
                if not dead:
                    continue
                if not target.exists() and not target.is_symlink():
                    if staging.is_dir() and _complete(staging):
                        os.rename(staging, target)
                    elif old.exists():
                        os.rename(old, target)
                    _fsync_dir(parent)
                for leftover in (staging, old):
                    if leftover.is_dir() and not leftover.is_symlink():
                        shutil.rmtree(leftover, ignore_errors=True)
                    elif leftover.exists() or leftover.is_symlink():
                        leftover.unlink(missing_ok=True)
        except OSError:
            continue  # e.g. a read-only folder: leave it as it is


def _complete(path: Path) -> bool:
    try:
        _inspect(path.name, path, read_only=True)
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


def _new_lock(folder: Path, prefix: str) -> tuple[_Lock, str]:
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


class _dead_owner:
    """``with _dead_owner(lock_path) as dead:`` dead is True when no live process holds the lock
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


def _tokens(folder: Path, *prefixes: str) -> list[str]:
    """The tokens T of the ``<prefix>T`` entries in folder, for any of the prefixes."""
    found = set()
    for entry in os.listdir(folder):
        for prefix in prefixes:
            if entry.startswith(prefix) and len(entry) > len(prefix):
                found.add(entry[len(prefix):])
    return sorted(found)
