"""ModelStore: the shipped default model plus the user's models, saved and changed atomically.

Layout under the data home (``DIGITPAD_HOME`` moves it)::

    models/<id>/{card.json, weights.npz, model.keras}   one directory per user model
    models/.staging-T  models/.lock-T  models/.trash-*  in-flight saves/deletes, never listed
    active-model.json                                    {"id": "<id>" | "default"}
    .models.lock                                         held while a model is activated, renamed or deleted

A model becomes visible only by renaming a complete, fsynced directory into ``models/``, and
disappears by renaming it out again before it is removed, so a crash at any moment leaves either
the whole model or none of it. Activating, renaming and deleting take turns (``.models.lock``), so
the active model is never one another DigitPad is deleting. Nothing here imports TensorFlow but
:meth:`ModelStore.import_` (:mod:`model.store.exchange`), which checks a ``model.keras`` before
keeping it. A model is read by :mod:`model.store.model_dir` and written by :mod:`model.store.saving`.

Whoever wants to hear about changes (the window's session) :meth:`ModelStore.subscribe`\\ s: the
callback is called, in the thread that made the change, after every save, import, rename, delete
and activation made through this store.
"""
from __future__ import annotations

import dataclasses
import json
import logging
import os
import re
import shutil
import threading
import unicodedata
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from .. import paths
from ..recognizer import Recognizer
from . import saving
from .card import CARD_FORMAT, CARD_VERSION, ModelCard
from .model_dir import ModelInfo, StoreError, check_name, inspect_dir, json_default, local_now, read_json, reread
from .saving import (
    dead_owner,
    fsync_dir,
    lock_tokens,
    new_lock,
    os_problem,
    recover_model_dir,
    stage_model,
    waiting_lock,
    write_json_atomic,
)

__all__ = ["CARD_FORMAT", "CARD_VERSION", "DEFAULT_ID", "Chosen", "ModelInfo", "ModelStore", "StoreError"]

DEFAULT_ID = "default"
log = logging.getLogger("digitpad.store")


@dataclass(frozen=True)
class Chosen:
    """The model a command or the window uses, and why it is not the one asked for (when the
    active model could not be used and the shipped default stands in)."""

    info: ModelInfo
    fallback_reason: str | None = None


class ModelStore:
    def __init__(self, home: Path | None = None, default_dir: Path | None = None):
        self.home = Path(home) if home is not None else paths.data_home(create=False)
        self.models_dir = self.home / "models"
        self.active_file = self.home / "active-model.json"
        self.default_dir = Path(default_dir) if default_dir is not None else paths.default_model_dir()
        self._problems: list[str] = []
        self._listeners: list[Callable[[str, str], None]] = []
        self._listeners_lock = threading.Lock()
        self.recover()

    def recover(self) -> None:
        """Remove what killed saves and deletes left in ``models/`` (a save still running in
        another process keeps its folder). Runs on every start and save; never raises."""
        try:
            if not self.models_dir.is_dir():
                return
            for path in self.models_dir.glob(".trash-*"):
                shutil.rmtree(path, ignore_errors=True)
            for token in lock_tokens(self.models_dir, ".staging-", ".lock-"):
                with dead_owner(self.models_dir / f".lock-{token}") as dead:
                    if dead:
                        shutil.rmtree(self.models_dir / f".staging-{token}", ignore_errors=True)
        except OSError:
            pass  # a read-only or vanished home: nothing to put right here

    # -- hearing about changes -------------------------------------------------------------------
    def subscribe(self, callback: Callable[[str, str], None]) -> None:
        """``callback(what, model_id)`` after each change: what is "saved", "renamed", "deleted"
        or "activated". Called in the thread that made the change; it must not raise."""
        with self._listeners_lock:
            self._listeners.append(callback)

    def unsubscribe(self, callback: Callable[[str, str], None]) -> None:
        with self._listeners_lock:
            if callback in self._listeners:
                self._listeners.remove(callback)

    def _changed(self, what: str, model_id: str) -> None:
        with self._listeners_lock:
            listeners = list(self._listeners)
        for callback in listeners:
            try:
                callback(what, model_id)
            except Exception:  # noqa: BLE001 - a listener's bug must not undo the change
                log.exception("A listener of model changes failed")

    # -- reading ---------------------------------------------------------------------------------
    def list(self) -> list[ModelInfo]:
        """The default first, then user models newest first; broken ones go to :meth:`problems`."""
        problems, models = [], []
        try:
            default = [self.default()]
        except StoreError as exc:
            default = []
            problems.append(str(exc))
        if self.home.exists() and not self.home.is_dir():
            problems.append(f"DigitPad's data folder {self.home} is a file, not a folder: your own models cannot"
                            " be listed. Set DIGITPAD_HOME to a folder, or move that file away.")
        for path in self._model_dirs():
            try:
                models.append(inspect_dir(path.name, path, read_only=False))
            except StoreError as exc:
                problems.append(str(exc))
        models.sort(key=lambda m: (_timestamp(m), m.id), reverse=True)
        self._problems = problems
        return default + models

    def _model_dirs(self) -> list[Path]:
        try:
            entries = sorted(self.models_dir.iterdir())
        except OSError:
            return []
        return [p for p in entries if not p.name.startswith(".") and p.is_dir()]

    def problems(self) -> list[str]:
        return list(self._problems)

    def default(self) -> ModelInfo:
        try:
            return inspect_dir(DEFAULT_ID, self.default_dir, read_only=True)
        except StoreError as exc:
            raise StoreError(f"The shipped default model is unusable: {exc} Reinstall DigitPad.") from None

    def get(self, model_id: str) -> ModelInfo:
        model_id = self.model_id(model_id)
        if model_id == DEFAULT_ID:
            return self.default()
        path = self.models_dir / model_id
        if not _is_dir(path):
            raise StoreError(f"There is no model {model_id!r} in {self.models_dir}; pick one from the list "
                             "(digitpad models list).")
        return inspect_dir(model_id, path, read_only=False)

    def model_path(self, model_id: str) -> Path:
        """Where the model ``model_id`` is (or would be): the default's folder, or its folder in the store."""
        model_id = self.model_id(model_id)
        return self.default_dir if model_id == DEFAULT_ID else self.models_dir / model_id

    def model_id(self, name: str | os.PathLike) -> str:
        """The id of a model named by its id or by the path of its folder in this store; StoreError
        for anything else (a folder outside the store is not one of its models)."""
        text = os.fspath(name) if isinstance(name, os.PathLike) else name
        if not isinstance(text, str) or not text:
            raise StoreError(f"{text!r} is not a model id; pick one from the list (digitpad models list).")
        if "/" not in text and "\\" not in text and not text.startswith(".") and text not in ("..", "."):
            return text
        path = Path(os.path.abspath(Path(text).expanduser()))
        if path == Path(os.path.abspath(self.default_dir)):
            return DEFAULT_ID
        if path.parent == Path(os.path.abspath(self.models_dir)) and not path.name.startswith("."):
            return path.name
        raise StoreError(f"{text} is not one of the models in {self.models_dir}: DigitPad manages only its own "
                         "models there. Name a model by its id (digitpad models list).")

    def resolve(self, model: str | os.PathLike | None) -> ModelInfo:
        """What ``--model`` names: None is the active model; an existing directory is that model
        directory (read-only unless it is one of the store's); anything else is a model id."""
        return self.choose(model).info

    def choose(self, model: str | os.PathLike | None = None) -> Chosen:
        """:meth:`resolve`, and when ``model`` is None and the active model cannot be used, why
        the shipped default stands in (also written to the log)."""
        if model is None:
            return self._active()
        path = Path(model).expanduser()
        if path.name and not path.name.startswith("."):
            recover_model_dir(path)  # a --out DIR whose save was killed: put it right first
        if not _is_dir(path):
            text = os.fspath(model)
            if "/" in text or "\\" in text:
                raise StoreError(f"There is no model directory {text}; give a model's folder, or a model's id"
                                 " (digitpad models list).")
            return Chosen(self.get(text))
        path = path.resolve()
        if path == self.default_dir.resolve():
            return Chosen(self.default())
        if path.parent == self.models_dir.resolve() and not path.name.startswith("."):
            return Chosen(self.get(path.name))
        return Chosen(inspect_dir(path.name, path, read_only=True))

    def active(self) -> ModelInfo:
        """The active model, else the default (:meth:`choose` says why it fell back)."""
        return self._active().info

    def _active(self) -> Chosen:
        if not self.active_file.exists():
            return Chosen(self.default())
        model_id = None
        try:
            model_id = read_json(self.active_file)["id"]
            return Chosen(self.get(model_id))
        except StoreError as exc:
            reason = (f"The active model {model_id!r} cannot be used ({exc}); "
                      "using the shipped default model instead.")
        except (OSError, ValueError, KeyError, TypeError) as exc:
            reason = f"{self.active_file} is unreadable ({exc}); using the shipped default model instead."
        log.warning("%s", reason)  # the user's log (app/logs.py)
        return Chosen(self.default(), reason)

    def load_recognizer(self, model_id: str | None = None) -> Recognizer:
        info = self.active() if model_id is None else self.get(model_id)
        try:
            return Recognizer.load(info.path / "weights.npz")
        except StoreError:
            raise
        except Exception as exc:  # ModelError: a DigitPadError with the file's name
            raise StoreError(f"Model {info.id!r} ({info.path}) cannot be used: {exc}") from None

    # -- changing --------------------------------------------------------------------------------
    def save(self, card: ModelCard, write: Callable[[Path], None], *, name: str | None = None) -> ModelInfo:
        """Save a new model: ``write(staging_dir)`` writes ``model.keras`` and ``weights.npz``.

        Only a complete model whose weights load is renamed into place; on any failure the
        staging directory is removed and existing models are untouched. When the data folder
        cannot be written (a full or read-only disk), the model is saved in a new folder elsewhere
        and the StoreError says where, so that a long training is never lost."""
        name = str(name or card.name or "").strip() or "Model"
        now = local_now()
        card = dataclasses.replace(card, name=name[:200], created=card.created or now.isoformat(timespec="seconds"))
        try:
            json.dumps(card.to_dict(), default=json_default)
        except (TypeError, ValueError) as exc:
            raise StoreError(f"The model was not saved: its card cannot be written as JSON ({exc}).") from None
        try:
            paths.check_home(self.home)
            self.models_dir.mkdir(parents=True, exist_ok=True)
            self.recover()
            info = self._save(card, write, f"{_slug(name)}-{now:%Y%m%d-%H%M%S}")
        except (OSError, paths.DataHomeError) as exc:
            problem = os_problem(exc) if isinstance(exc, OSError) else str(exc).rstrip(".")
            raise saving.rescue(card, write, f"The model could not be saved in {self.models_dir}: {problem}") from exc
        self._changed("saved", info.id)
        return info

    def _save(self, card: ModelCard, write: Callable[[Path], None], base: str) -> ModelInfo:
        lock, token = new_lock(self.models_dir, ".lock-")
        staging = self.models_dir / f".staging-{token}"
        try:
            stage_model(staging, card, write)
            for n in range(1, 1000):
                model_id = base if n == 1 else f"{base}-{n}"
                card.id = model_id
                target = self.models_dir / model_id
                if target.exists():
                    continue
                write_json_atomic(staging / "card.json", card.to_dict())
                saving.fsync_file(staging / "card.json")
                try:
                    os.rename(staging, target)  # fails if another process took the name meanwhile
                except OSError:
                    if target.exists():
                        continue
                    raise
                fsync_dir(self.models_dir)
                saving.save_step("renamed")
                return ModelInfo(model_id, target, reread(card), False)
            raise StoreError(f"The model was not saved: too many models named {base!r}.")
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
        finally:
            lock.release()

    def activate(self, model_id: str) -> ModelInfo:
        """Make a model the active one (taking turns with deletes, so it is never one being deleted)."""
        with self._changing("make that model active"):
            info = self.get(model_id)
            write_json_atomic(self.active_file, {"id": info.id})
        self._changed("activated", info.id)
        return info

    def delete(self, model_id: str) -> None:
        """Remove a user model (even a broken one); the default becomes active if it was.

        The active choice is changed first, so whatever fails, the active model never names a
        model that is gone; if the model then cannot be moved away, the choice is put back."""
        model_id = self.model_id(model_id)
        if model_id == DEFAULT_ID:
            raise StoreError("The shipped default model cannot be deleted.")
        with self._changing(f"delete the model {model_id!r}"):
            path = self.models_dir / model_id
            if not _is_dir(path):
                raise StoreError(f"There is no model {model_id!r} in {self.models_dir}; pick one from the list"
                                 " (digitpad models list).")
            was_active = self._active_id() == model_id
            if was_active:
                write_json_atomic(self.active_file, {"id": DEFAULT_ID})
            trash = self.models_dir / f".trash-{uuid.uuid4().hex}"
            try:
                os.rename(path, trash)  # gone from the list in one step, removed at leisure
            except OSError as exc:
                if was_active:
                    write_json_atomic(self.active_file, {"id": model_id})
                raise StoreError(f"Could not delete {path}: {os_problem(exc)}. Nothing was deleted.") from None
            shutil.rmtree(trash, ignore_errors=True)
        self._changed("deleted", model_id)

    def rename(self, model_id: str, name: str) -> ModelInfo:
        model_id = self.model_id(model_id)
        if model_id == DEFAULT_ID:
            raise StoreError("The shipped default model is read-only and cannot be renamed.")
        name = check_name(name)
        with self._changing(f"rename the model {model_id!r}"):
            info = self.get(model_id)
            card = dataclasses.replace(info.card, name=name)
            write_json_atomic(info.path / "card.json", card.to_dict())
        self._changed("renamed", model_id)
        return ModelInfo(info.id, info.path, card, False)

    # -- exchange --------------------------------------------------------------------------------
    def export(self, model_id: str, zip_path) -> Path:
        """A .zip with card.json, weights.npz and model.keras (if present) at its top level."""
        from .exchange import export_model

        return export_model(self.get(model_id), zip_path)

    def import_(self, source) -> ModelInfo:
        """Save a model from an :meth:`export` zip (or a model directory), after checking the whole
        model: names, sizes, the card, the weights, and ``model.keras`` (which loads TensorFlow)."""
        from .exchange import import_model

        return import_model(self, source)

    # -- helpers ---------------------------------------------------------------------------------
    def _changing(self, what: str):
        """Hold the store's lock; an OSError inside becomes a StoreError saying what failed and why."""
        return _Changing(self, what)

    def _active_id(self) -> str | None:
        try:
            return read_json(self.active_file).get("id")
        except (OSError, ValueError, AttributeError):
            return None


class _Changing:
    def __init__(self, store: ModelStore, what: str):
        self.store, self.what, self.lock = store, what, None

    def __enter__(self):
        try:
            paths.check_home(self.store.home)
            self.lock = waiting_lock(self.store.home / ".models.lock")
            self.lock.__enter__()
        except OSError as exc:
            raise StoreError(f"Could not {self.what}: {os_problem(exc)}.") from None
        except paths.DataHomeError as exc:
            raise StoreError(f"Could not {self.what}. {exc}") from None

    def __exit__(self, kind, exc, tb):
        self.lock.__exit__(kind, exc, tb)
        if isinstance(exc, OSError):
            raise StoreError(f"Could not {self.what}: {os_problem(exc)}.") from None
        return False


def _is_dir(path: Path) -> bool:
    """Path.is_dir, False for a name the file system cannot even look up (too long, say)."""
    try:
        return path.is_dir()
    except OSError:
        return False


def _timestamp(info: ModelInfo) -> float:
    try:
        return datetime.fromisoformat(info.created).timestamp()
    except (ValueError, OverflowError, OSError):
        try:
            return info.path.stat().st_mtime
        except OSError:
            return 0.0


def _slug(name: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")[:40].strip("-") or "model"
