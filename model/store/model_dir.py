"""One model directory on disk: what it holds, how it is read and checked, and its error.

A model directory holds ``card.json``, ``weights.npz`` (what the NumPy :class:`Recognizer` loads)
and, for a model that can be trained further, ``model.keras``. :func:`inspect_dir` reads one as a
:class:`ModelInfo` after checking that its weights load. Shared by :mod:`model.store.models` (the user's
models) and :mod:`model.store.saving` (writing one so that a crash never leaves half of it).
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from ..errors import DigitPadError
from ..recognizer import ModelError, Recognizer
from .card import CardError, ModelCard


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
            from .learnt_from import short_name

            data = short_name(self.card.data)
            text += f" — {self.accuracy:.1%}" + (f" on {data} test" if data else " test accuracy")
        if self.created:
            text += f" ({self.created[:10]})"
        return text


def inspect_dir(model_id: str, path: Path, read_only: bool) -> ModelInfo:
    """A model directory as ModelInfo, or StoreError naming the directory and what is wrong."""
    remedy = "" if read_only else " Delete this model or import it again."
    if not path.is_dir():
        raise StoreError(f"There is no model directory {path}.")
    try:
        card = ModelCard.from_dict(read_json(path / "card.json"))
    except FileNotFoundError:
        raise StoreError(f"{path}: card.json is missing.{remedy}") from None
    except (OSError, ValueError) as exc:
        raise StoreError(f"{path}: card.json is damaged ({exc}).{remedy}") from None
    except CardError as exc:
        raise StoreError(f"{path}: card.json {exc}{remedy}") from None
    load_weights(path, remedy)
    return ModelInfo(model_id, path, card, read_only)


def load_weights(path: Path, remedy: str = "") -> Recognizer:
    try:
        return Recognizer.load(path / "weights.npz")
    except ModelError as exc:
        raise StoreError(f"{exc}{remedy}") from None


def reread(card: ModelCard) -> ModelCard:
    """The card as a reader of card.json will see it (NumPy numbers become plain ones)."""
    return ModelCard.from_dict(json.loads(json.dumps(card.to_dict(), default=json_default)))


def parse_json(raw: bytes):
    """JSON from bytes; ValueError (never RecursionError or UnicodeDecodeError's cousins) if not."""
    try:
        return json.loads(raw.decode("utf-8"))
    except RecursionError:
        raise ValueError("it is nested far too deeply to be a model card") from None


def read_json(path: Path):
    return parse_json(Path(path).read_bytes())


def local_now() -> datetime:
    """Local time with its UTC offset (a function so tests can pin the clock)."""
    return datetime.now().astimezone()


def json_default(obj):
    """JSON fallback for NumPy scalars and arrays (training metrics often are)."""
    if hasattr(obj, "tolist"):
        return obj.tolist()
    raise TypeError(f"{type(obj).__name__} is not JSON serializable")
