"""ModelStore: the shipped default model plus the user's models, saved and changed atomically.

Layout under the data home (``DIGITPAD_HOME`` moves it)::

    models/<id>/{card.json, weights.npz, model.keras}   one directory per user model
    models/.staging-T  models/.lock-T  models/.trash-*  in-flight saves/deletes, never listed
    active-model.json                                    {"id": "<id>" | "default"}

A model becomes visible only by renaming a complete, fsynced directory into ``models/``, and
disappears by renaming it out again before it is removed, so a crash at any moment leaves either
the whole model or none of it. Nothing here imports TensorFlow: a model is checked by loading its
``weights.npz`` with the NumPy :class:`Recognizer`.

A model is written by :mod:`model.store.saving` (staged, fsynced, renamed into place, with locks that
tell a running save from a killed one); :mod:`model.store.model_dir` reads and checks one.
"""
from __future__ import annotations

import dataclasses
import json
import logging
import os
import re
import shutil
import unicodedata
import uuid
import zipfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from .. import paths
from ..archives import NotNpz, npz_arrays, zip_errors
from ..recognizer import ModelError, Recognizer
from . import saving
from .card import CARD_FORMAT, CARD_VERSION, CardError, ModelCard
from .model_dir import (
    ModelInfo,
    StoreError,
    inspect_dir,
    json_default,
    load_weights,
    local_now,
    parse_json,
    read_json,
    reread,
)
from .saving import dead_owner, fsync_dir, fsync_file, lock_tokens, new_lock, recover_model_dir, write_json_atomic

__all__ = ["CARD_FORMAT", "CARD_VERSION", "DEFAULT_ID", "ModelInfo", "ModelStore", "StoreError"]

DEFAULT_ID = "default"
ARCHIVE_NAMES = ("card.json", "weights.npz", "model.keras")
MAX_IMPORT_BYTES = 200 * 2**20  # uncompressed; the default network's files are ~3 MB


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
            for token in lock_tokens(self.models_dir, ".staging-", ".lock-"):
                with dead_owner(self.models_dir / f".lock-{token}") as dead:
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
                    models.append(inspect_dir(path.name, path, read_only=False))
                except StoreError as exc:
                    problems.append(str(exc))
        models.sort(key=lambda m: (_timestamp(m), m.id), reverse=True)
        self._problems = problems
        return default + models

    def problems(self) -> list[str]:
        return list(self._problems)

    def default(self) -> ModelInfo:
        try:
            return inspect_dir(DEFAULT_ID, self.default_dir, read_only=True)
        except StoreError as exc:
            raise StoreError(f"The shipped default model is unusable: {exc} Reinstall DigitPad.") from None

    def get(self, model_id: str) -> ModelInfo:
        if model_id == DEFAULT_ID:
            return self.default()
        path = self._user_dir(model_id)
        if not path.is_dir():
            raise StoreError(f"There is no model {model_id!r} in {self.models_dir}; pick one from the list.")
        return inspect_dir(model_id, path, read_only=False)

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
        return inspect_dir(path.name, path, read_only=True)

    def active(self) -> ModelInfo:
        """The active model, else the default; ``fallback_reason`` says why when it fell back."""
        self.fallback_reason = None
        if not self.active_file.exists():
            return self.default()
        model_id = None
        try:
            model_id = read_json(self.active_file)["id"]
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
        return load_weights(info.path)

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
        now = local_now()
        card = dataclasses.replace(card, name=name, created=card.created or now.isoformat(timespec="seconds"))
        try:
            json.dumps(card.to_dict(), default=json_default)
        except (TypeError, ValueError) as exc:
            raise StoreError(f"The model was not saved: its card cannot be written as JSON ({exc}).") from None
        self.models_dir.mkdir(parents=True, exist_ok=True)
        self.recover()
        lock, token = new_lock(self.models_dir, ".lock-")
        staging = self.models_dir / f".staging-{token}"
        try:
            staging.mkdir()
            saving.save_step("staged")
            write(staging)
            saving.save_step("written")
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
                        fsync_file(f)
                fsync_dir(staging)
                saving.save_step("complete")
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
            fsync_file(tmp)
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
                card = ModelCard.from_dict(parse_json(zf.read("card.json")))
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
            return read_json(self.active_file).get("id")
        except (OSError, ValueError, AttributeError):
            return None


def _timestamp(info: ModelInfo) -> float:
    try:
        return datetime.fromisoformat(info.created).timestamp()
    except (ValueError, OverflowError, OSError):
        return info.path.stat().st_mtime


def _slug(name: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")[:40].strip("-") or "model"
