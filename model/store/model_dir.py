"""One model directory on disk: what it holds, how it is read and checked, and its error.

A model directory holds ``card.json``, ``weights.npz`` (what the NumPy :class:`Recognizer` loads)
and, for a model that can be trained further, ``model.keras``; nothing else. :func:`inspect_dir`
reads one as a :class:`ModelInfo` after checking its card and what its weights declare (the
``.npy`` headers, not the arrays); what it found is remembered per file identity, so listing the
models again does not read them again. Loading the weights whole is left to the code that uses a
model (:meth:`Recognizer.load`). Shared by :mod:`model.store.models` (the user's models) and
:mod:`model.store.saving` (writing one so that a crash never leaves half of it).

Everything read from a card is bounded before and while it is parsed (its size, its nesting,
the numbers in it): a card may come from anyone's zip.
"""
from __future__ import annotations

import copy
import json
import math
import os
import threading
import unicodedata
from collections import OrderedDict
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from ..archives import read_input
from ..errors import DigitPadError
from .card import MAX_NAME, CardError, ModelCard
from .validate import ModelCheckError, weights_layout

MODEL_FILES = ("card.json", "weights.npz", "model.keras")
MAX_CARD_BYTES = 4 * 2**20  # the shipped card is 14 KB; thousands of sample ids and epochs fit
MAX_DEPTH = 32  # a card nests 4 levels deep
MAX_DIGITS = 20  # a whole number in a card: 64 bits at most


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

    def keras_path(self, to: str = "trained further") -> Path:
        """``model.keras``, what training and personalising continue from; StoreError if the model
        has none (it was imported or written without it)."""
        path = self.path / "model.keras"
        if not path.is_file():
            raise StoreError(f"Model {self.name!r} ({self.path}) has no model.keras: it can be used for "
                             f"drawing but not {to}. Train a new model to continue from.")
        return path


# -- reading a model directory -----------------------------------------------------------------------
_seen: OrderedDict[Path, tuple[tuple, ModelCard | str]] = OrderedDict()  # path -> (identity, card | why not)
_seen_lock = threading.Lock()
_SEEN_MAX = 512


def inspect_dir(model_id: str, path: Path, read_only: bool) -> ModelInfo:
    """A model directory as ModelInfo, or StoreError naming the model, its directory and what is
    wrong. Reads its card and its weights' headers only when the files changed since last time."""
    remedy = "" if read_only else " Delete this model or import it again."
    path = Path(path)
    try:
        is_dir = path.is_dir()
    except OSError:
        is_dir = False
    if not is_dir:
        raise StoreError(f"There is no model directory {path}.")
    key = (_identity(path / "card.json"), _identity(path / "weights.npz"))
    with _seen_lock:
        seen = _seen.get(path)
    if seen is not None and seen[0] == key:
        found = seen[1]
    else:
        found = _examine(path)
        with _seen_lock:
            _seen[path] = (key, found)
            _seen.move_to_end(path)
            while len(_seen) > _SEEN_MAX:
                _seen.popitem(last=False)
    if isinstance(found, str):
        raise StoreError(f"Model {model_id!r} ({path}) cannot be used: {found}.{remedy}")
    return ModelInfo(model_id, path, copy.deepcopy(found), read_only)


def _examine(path: Path) -> ModelCard | str:
    """The card of a model directory whose weights declare a usable network, else why not."""
    try:
        card = ModelCard.from_dict(read_json(path / "card.json"))
    except FileNotFoundError:
        return "its card.json is missing"
    except (OSError, ValueError) as exc:
        return f"its card.json is damaged ({exc})"
    except CardError as exc:
        return f"its card.json {str(exc).rstrip('.')}"
    try:
        weights_layout(path / "weights.npz")
    except ModelCheckError as exc:
        return str(exc).rstrip(".")
    return card


def _identity(path: Path) -> tuple | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns


def check_name(name) -> str:
    """A model's new name, stripped; StoreError saying why it cannot be one."""
    if not isinstance(name, str) or not name.strip():
        raise StoreError("A model's name cannot be empty.")
    name = name.strip()
    if len(name) > MAX_NAME:
        raise StoreError(f"A model's name can be at most {MAX_NAME} characters, not {len(name):,}.")
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        raise StoreError("The name holds bytes that are not UTF-8 text (is the terminal set to another "
                         "encoding?); type it again as UTF-8.") from None
    if any(unicodedata.category(c) in ("Cc", "Cs") or c in BIDI_CONTROLS for c in name):
        raise StoreError("A model's name cannot hold control characters (newlines, tabs, terminal escapes).")
    return name


BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def reread(card: ModelCard) -> ModelCard:
    """The card as a reader of card.json will see it (NumPy numbers become plain ones)."""
    return ModelCard.from_dict(json.loads(json.dumps(card.to_dict(), default=json_default)))


# -- bounded JSON ------------------------------------------------------------------------------------
def parse_json(raw: bytes, max_bytes: int = MAX_CARD_BYTES):
    """JSON from bytes (UTF-8, a byte-order mark allowed), bounded: ValueError if it is larger
    than ``max_bytes``, nests deeper than MAX_DEPTH, or holds a number no float or 64-bit whole
    number can be (RecursionError and OverflowError never escape)."""
    if len(raw) > max_bytes:
        raise ValueError(f"it is larger than {max_bytes // 2**20} MB, far more than a model card holds")
    try:
        value = json.loads(raw.decode("utf-8-sig"), parse_int=_whole, parse_float=_real)
    except RecursionError:
        raise ValueError("it is nested far too deeply to be a model card") from None
    _check_depth(value)
    return value


def read_json(path: Path, max_bytes: int = MAX_CARD_BYTES):
    """A JSON file, read no further than ``max_bytes`` (a named pipe or a device is refused)."""
    return parse_json(read_input(path, max_bytes), max_bytes)


def _whole(text: str) -> int:
    if len(text.lstrip("-")) > MAX_DIGITS:
        raise ValueError(f"it holds a whole number of {len(text.lstrip('-')):,} digits, too large for a model card")
    return int(text)


def _real(text: str) -> float:
    value = float(text)
    if math.isinf(value):
        raise ValueError(f"it holds the number {text[:20]}{'…' if len(text) > 20 else ''}, too large for a float")
    return value


def _check_depth(value) -> None:
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise ValueError(f"it nests more than {MAX_DEPTH} levels deep, unlike any model card")
        if isinstance(item, dict):
            stack.extend((v, depth + 1) for v in item.values())
        elif isinstance(item, list):
            stack.extend((v, depth + 1) for v in item)


def local_now() -> datetime:
    """Local time with its UTC offset (a function so tests can pin the clock)."""
    return datetime.now().astimezone()


def json_default(obj):
    """JSON fallback for NumPy scalars and arrays (training metrics often are)."""
    if hasattr(obj, "tolist"):
        return obj.tolist()
    raise TypeError(f"{type(obj).__name__} is not JSON serializable")
