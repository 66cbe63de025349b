"""ModelStore: the shipped default model plus the user's models, saved and changed atomically.

Layout under the data home (``DIGITPAD_HOME`` moves it)::

    models/<id>/{card.json, weights.npz, model.keras}   one directory per user model
    models/.staging-*  models/.trash-*                   in-flight saves/deletes, never listed
    active-model.json                                    {"id": "<id>" | "default"}

A model becomes visible only by renaming a complete, fsynced directory into ``models/``, and
disappears by renaming it out again before it is removed, so a crash at any moment leaves either
the whole model or none of it. Nothing here imports TensorFlow: a model is checked by loading its
``weights.npz`` with the NumPy :class:`Recognizer`.
"""
from __future__ import annotations

import json
import logging
import os
import re
import shutil
import tempfile
import time
import unicodedata
import uuid
import zipfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Callable

from .errors import DigitPadError
from . import paths
from .archives import zip_errors
from .recognizer import ModelError, Recognizer

CARD_FORMAT = "digitpad-model"
CARD_VERSION = 1
DEFAULT_ID = "default"
ARCHIVE_NAMES = ("card.json", "weights.npz", "model.keras")
MAX_IMPORT_BYTES = 200 * 2**20  # uncompressed; the default network's files are ~3 MB
STALE_STAGING_SECONDS = 3600  # younger staging dirs may belong to another DigitPad mid-save


class StoreError(DigitPadError, RuntimeError):
    """A model that cannot be found, read, saved or changed; the message says what to do."""
    title = "Cannot use the model"


@dataclass(frozen=True)
class ModelInfo:
    id: str  # "default" for the shipped model, else the user model's directory name
    path: Path
    card: dict = field(hash=False)
    read_only: bool

    @property
    def name(self) -> str:
        return str(self.card.get("name") or self.id)

    @property
    def accuracy(self) -> float | None:
        metrics = self.card.get("metrics")
        acc = metrics.get("test_accuracy") if isinstance(metrics, dict) else None
        return float(acc) if isinstance(acc, (int, float)) and acc else None

    @property
    def created(self) -> str:
        return str(self.card.get("created") or "")

    def summary(self) -> str:
        """One line, e.g. ``My net — 97.9% on MNIST test (2026-11-22)``.

        The data set's label is ``card["data"]`` when a string, else its ``name`` or ``source``.
        """
        text = self.name
        if self.accuracy is not None:
            data = self.card.get("data")
            if isinstance(data, dict):
                data = data.get("name") or data.get("source")
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
        try:
            model_id = json.loads(self.active_file.read_text(encoding="utf-8"))["id"]
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
    def save(self, card: dict, write: Callable[[Path], None], *, name: str | None = None) -> ModelInfo:
        """Save a new model: ``write(staging_dir)`` writes ``model.keras`` and ``weights.npz``.

        Only a complete model whose weights load is renamed into place; on any failure the
        staging directory is removed and existing models are untouched.
        """
        card = dict(card)
        name = str(name or card.get("name") or "").strip() or "Model"
        now = _now()
        card.update(format=CARD_FORMAT, version=CARD_VERSION, name=name)
        card.setdefault("created", now.isoformat(timespec="seconds"))
        try:
            json.dumps(card, default=_plain)
        except (TypeError, ValueError) as exc:
            raise StoreError(f"The model was not saved: its card cannot be written as JSON ({exc}).") from None
        self.models_dir.mkdir(parents=True, exist_ok=True)
        self._sweep()
        staging = Path(tempfile.mkdtemp(prefix=".staging-", dir=self.models_dir))
        try:
            write(staging)
            try:
                Recognizer.load(staging / "weights.npz")
            except ModelError as exc:
                raise StoreError(f"The model was not saved: its weights.npz does not load ({exc}).") from None
            base = f"{_slug(name)}-{now:%Y%m%d-%H%M%S}"
            for n in range(1, 1000):
                card["id"] = model_id = base if n == 1 else f"{base}-{n}"
                target = self.models_dir / model_id
                if target.exists():
                    continue
                write_json_atomic(staging / "card.json", card)
                for f in staging.rglob("*"):
                    if f.is_file():
                        _fsync_file(f)
                _fsync_dir(staging)
                try:
                    os.rename(staging, target)  # fails if another process took the name meanwhile
                except OSError:
                    if target.exists():
                        continue
                    raise
                _fsync_dir(self.models_dir)
                return ModelInfo(model_id, target, json.loads(json.dumps(card, default=_plain)), False)
            raise StoreError(f"The model was not saved: too many models named {base!r}.")
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise

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
        card = {**info.card, "name": name}
        write_json_atomic(info.path / "card.json", card)
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
                card = json.loads(zf.read("card.json").decode("utf-8"))
            except ValueError as exc:
                raise bad(f"card.json is not valid JSON ({exc}).") from None
            try:
                _check_card(card)
            except StoreError as exc:
                raise bad(f"card.json {exc}") from None

            def write(staging: Path) -> None:
                for n in names:
                    if n != "card.json":
                        with zf.open(n) as src, open(staging / n, "wb") as dst:
                            shutil.copyfileobj(src, dst)  # zipfile stops at the declared size

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
            return json.loads(self.active_file.read_text(encoding="utf-8")).get("id")
        except (OSError, ValueError, AttributeError):
            return None

    def _sweep(self) -> None:
        """Remove what crashed saves and deletes left behind."""
        for path in self.models_dir.glob(".trash-*"):
            shutil.rmtree(path, ignore_errors=True)
        for path in self.models_dir.glob(".staging-*"):
            try:
                if time.time() - path.stat().st_mtime > STALE_STAGING_SECONDS:
                    shutil.rmtree(path, ignore_errors=True)
            except OSError:
                pass


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
        card = json.loads((path / "card.json").read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise StoreError(f"{path}: card.json is missing.{remedy}") from None
    except (OSError, ValueError) as exc:
        raise StoreError(f"{path}: card.json is damaged ({exc}).{remedy}") from None
    try:
        _check_card(card)
    except StoreError as exc:
        raise StoreError(f"{path}: card.json {exc}{remedy}") from None
    _load_weights(path, remedy)
    return ModelInfo(model_id, path, card, read_only)


def _load_weights(path: Path, remedy: str = "") -> Recognizer:
    try:
        return Recognizer.load(path / "weights.npz")
    except ModelError as exc:
        raise StoreError(f"{exc}{remedy}") from None


def _check_card(card) -> None:
    """StoreError whose message completes "card.json ..." when the card is not one we read."""
    if not isinstance(card, dict) or card.get("format") != CARD_FORMAT:
        raise StoreError(f"is not a DigitPad model card (format must be {CARD_FORMAT!r}).")
    version = card.get("version")
    if not isinstance(version, int) or version > CARD_VERSION:
        raise StoreError(f"has version {version!r}, newer than this DigitPad reads; update DigitPad.")
    if version != CARD_VERSION:
        raise StoreError(f"has unsupported version {version!r}.")


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


def write_model_dir(target: str | os.PathLike, card: dict, write: Callable[[Path], None]) -> ModelInfo:
    """Write a model directory at an explicit path (``digitpad train --out DIR``).

    Staged beside the target and renamed into place; an existing model there is replaced only
    once the new one is complete and its weights load, so a crash never leaves half a model.
    """
    target = Path(target).resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    card = dict(card)
    card.update(format=CARD_FORMAT, version=CARD_VERSION)
    card.setdefault("name", target.name)
    card.setdefault("created", _now().isoformat(timespec="seconds"))
    card["id"] = target.name
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.staging-", dir=target.parent))
    old = target.with_name(f".{target.name}.old-{uuid.uuid4().hex[:8]}")
    try:
        write(staging)
        try:
            Recognizer.load(staging / "weights.npz")
        except ModelError as exc:
            raise StoreError(f"The model was not saved: its weights.npz does not load ({exc}).") from None
        write_json_atomic(staging / "card.json", card)
        _fsync_dir(staging)
        if target.exists():
            os.rename(target, old)
        os.rename(staging, target)
        _fsync_dir(target.parent)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        if old.exists() and not target.exists():
            os.rename(old, target)  # put the previous model back
        raise
    shutil.rmtree(old, ignore_errors=True)
    return ModelInfo(target.name, target, json.loads(json.dumps(card, default=_plain)), False)
