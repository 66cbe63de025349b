"""Models in and out of the store: an export is a .zip of a model directory's files; an import
takes such a zip (or a model directory) and keeps it only after checking all of it.

What an import checks, in this order, before anything is stored (a zip may come from anyone):
its entries (names, count, declared sizes), ``card.json`` (read only when its declared size is
small, then parsed with bounded size, nesting and numbers), ``weights.npz`` (its headers, then the
arrays: shapes that chain 784 → 10, finite values, softmax last) and ``model.keras`` (its own
config first, then loaded by Keras with ``safe_mode=True``: TensorFlow is imported for this). A
model that fails any check is refused with one message saying which part and why.
"""
from __future__ import annotations

import os
import shutil
import uuid
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from ..archives import open_input, zip_errors, zip_names
from .card import CardError, ModelCard
from .model_dir import MAX_CARD_BYTES, MODEL_FILES, ModelInfo, StoreError, parse_json
from .saving import check_file_target, fsync_file, os_problem
from .validate import ModelCheckError, check_keras, check_weights

if TYPE_CHECKING:
    from .models import ModelStore

MAX_IMPORT_BYTES = 800 * 2**20  # uncompressed; the default network's files are ~4 MB, the largest allowed ~700 MB


def is_model_archive(path: Path) -> bool:
    """A zip DigitPad exported a model to (what an export may replace)."""
    names = zip_names(path)
    return names is not None and "card.json" in names and set(names) <= set(MODEL_FILES)


def export_model(info: ModelInfo, zip_path) -> Path:
    """Write the model's files to a new .zip (replacing only an earlier model export)."""
    zip_path = check_file_target(zip_path, is_model_archive, "a DigitPad model archive")
    tmp = zip_path.with_name(f".{zip_path.name}.{uuid.uuid4().hex[:8]}.tmp")
    try:
        with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zf:
            for name in MODEL_FILES:
                if (info.path / name).is_file():
                    zf.write(info.path / name, name)
        fsync_file(tmp)
        os.replace(tmp, zip_path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise StoreError(f"Could not export {info.name!r} to {zip_path}: {os_problem(exc)}.") from None
    return zip_path


def import_model(store: ModelStore, source) -> ModelInfo:
    """Save a model from an export zip or a model directory into ``store``, checked whole."""
    source = Path(source)
    try:
        folder = source.is_dir() and not source.is_symlink()
    except OSError as exc:  # a name the file system cannot look up
        raise StoreError(f"Could not import {source}: {os_problem(exc)}.") from None

    def bad(why: str) -> StoreError:
        if folder:
            return StoreError(f"{source} cannot be imported as a model: {why}")
        return StoreError(f"{source} is not a DigitPad model archive: {why}")

    if folder:
        return _import_dir(store, source, bad)
    with zip_errors(source, StoreError, bad, "Could not import"), open_input(source) as fh, \
            zipfile.ZipFile(fh) as zf:
        entries = zf.infolist()
        names = [e.filename for e in entries]
        for n in names:
            if n not in MODEL_FILES or names.count(n) > 1:
                raise bad(f"unexpected entry {n[:80]!r} (only {', '.join(MODEL_FILES)}, once each).")
        for required in MODEL_FILES[:2]:
            if required not in names:
                raise bad(f"{required} is missing.")
        if sum(e.file_size for e in entries) > MAX_IMPORT_BYTES:
            raise bad(f"its contents exceed {MAX_IMPORT_BYTES // 2**20} MB.")
        if zf.getinfo("card.json").file_size > MAX_CARD_BYTES:
            raise bad(f"its card.json declares {zf.getinfo('card.json').file_size:,} bytes, far more than a model"
                      f" card (at most {MAX_CARD_BYTES // 2**20} MB).")
        card = _card(zf.read("card.json"), bad)

        def copy(staging: Path) -> None:
            for n in names:
                if n != "card.json":
                    with zf.open(n) as src, open(staging / n, "wb") as dst:
                        shutil.copyfileobj(src, dst)  # zipfile stops at the declared size

        return _save_checked(store, card, copy, "model.keras" in names, bad)


def _import_dir(store: ModelStore, folder: Path, bad) -> ModelInfo:
    try:
        names = os.listdir(folder)
        extra = [n for n in names if n not in MODEL_FILES]
        if extra:
            raise bad(f"it holds {extra[0][:80]!r}, which is not a model's file ({', '.join(MODEL_FILES)}).")
        for required in MODEL_FILES[:2]:
            if required not in names:
                raise bad(f"{required} is missing.")
        with open_input(folder / "card.json") as fh:
            card = _card(fh.read(MAX_CARD_BYTES + 1), bad)
    except OSError as exc:
        raise StoreError(f"Could not import {folder}: {os_problem(exc)}.") from None

    def copy(staging: Path) -> None:
        for n in names:
            if n != "card.json":
                with open_input(folder / n) as src, open(staging / n, "wb") as dst:
                    shutil.copyfileobj(src, dst)

    return _save_checked(store, card, copy, "model.keras" in names, bad)


def _card(raw: bytes, bad) -> ModelCard:
    try:
        return ModelCard.from_dict(parse_json(raw))
    except ValueError as exc:
        raise bad(f"its card.json is not a card DigitPad can read ({exc}).") from None
    except CardError as exc:
        raise bad(f"its card.json {exc}") from None


def _save_checked(store: ModelStore, card: ModelCard, copy: Callable[[Path], None], has_keras: bool,
                  bad) -> ModelInfo:
    def write(staging: Path) -> None:
        copy(staging)
        try:
            sizes = check_weights(staging / "weights.npz")
            if has_keras:
                check_keras(staging / "model.keras", sizes)
        except ModelCheckError as exc:
            raise bad(f"{str(exc).removeprefix('its ')}.") from None

    return store.save(card, write)
