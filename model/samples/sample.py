"""One sample: the :class:`Sample` record, its error, and the checks every way a sample comes in
(added, imported from a zip, salvaged from a damaged store) applies to it.

No SQLite and no Qt here: :mod:`model.samples.store` stores samples, :mod:`model.samples.archive` reads
and writes their zips, :mod:`model.samples.salvage` reads them back from a damaged store.
"""
from __future__ import annotations

import datetime as _dt
import json
from dataclasses import dataclass

import numpy as np

from ..errors import DigitPadError
from ..ink import Ink

COLUMNS = "id, label, image, ink, predicted, model_id, created"  # a samples row, in this order
MAX_ID = 2**63 - 1  # SQLite's largest id


class SampleError(DigitPadError, RuntimeError):
    """A sample or sample file that cannot be stored, found or read; the message says what to do."""
    title = "Cannot use your samples"


@dataclass(frozen=True)
class Sample:
    id: int
    label: int
    image: np.ndarray  # (28, 28) uint8, white digit on black
    ink_json: str | None  # the drawing as DigitPad ink JSON; None for samples added from images
    predicted: int | None
    model_id: str | None
    created: str  # ISO 8601 local time with offset

    @property
    def ink(self) -> Ink | None:
        """The drawing (parsed on demand, so listing thousands of samples stays fast)."""
        if self.ink_json is None:
            return None
        return Ink.from_dict(json.loads(self.ink_json), f"sample {self.id}")

    @property
    def kind(self) -> str:
        return "image" if self.ink_json is None else "ink"

    @property
    def correct(self) -> bool | None:
        """Whether the model that saw it read it right (None when no prediction was recorded)."""
        return None if self.predicted is None else self.predicted == self.label


def as_digit(value, what: str) -> int:
    d = _whole(value, f"The {what} must be a digit 0-9, not {value!r}.")
    if not 0 <= d <= 9:
        raise SampleError(f"The {what} must be a digit 0-9, not {value!r}.")
    return d


def as_id(value) -> int:
    """A sample id (1 to 2**63-1, what SQLite can hold); SampleError saying there is no such sample."""
    n = _whole(value, f"{value!r} is not a sample id (a whole number, as `digitpad samples list` shows).")
    if not 1 <= n <= MAX_ID:
        raise SampleError(f"There is no sample {n}: sample ids are whole numbers from 1 (`digitpad samples list`).")
    return n


def _whole(value, message: str) -> int:
    """``value`` (an int, a NumPy integer or its text) as an int; SampleError(message) if it is none."""
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, (int, np.integer, str)):
        raise SampleError(message)
    try:
        return int(value)
    except ValueError:
        raise SampleError(message) from None


def as_uint8(image) -> np.ndarray:
    x = np.asarray(image)
    if x.shape == (784,):
        x = x.reshape(28, 28)
    if x.shape != (28, 28):
        raise SampleError(f"A sample image must be 28x28 pixels, not {'x'.join(map(str, x.shape))}.")
    if x.dtype == np.uint8:
        return np.ascontiguousarray(x)
    if not np.issubdtype(x.dtype, np.number) or not np.isfinite(x).all():
        raise SampleError("A sample image must hold finite numbers.")
    if x.min() < 0 or x.max() > 1.0 + 1e-6:
        raise SampleError("A sample image given as floats must hold values from 0 to 1.")
    return np.clip(x.astype(np.float64) * 255.0 + 0.5, 0, 255).astype(np.uint8)


def now_iso() -> str:
    return _dt.datetime.now().astimezone().isoformat(timespec="seconds")


def sample_from_row(row) -> Sample:
    """A row of the store as a Sample; SampleError naming a row that is not a sample DigitPad wrote."""
    if not valid_row(row):
        raise SampleError(f"Sample {row[0]!r} in the sample store is damaged (its values are not a sample's);"
                          f" remove it with `digitpad samples remove {row[0]}`.")
    sid, label, image, ink, predicted, model_id, created = row
    img = np.frombuffer(image, dtype=np.uint8).reshape(28, 28)
    return Sample(int(sid), int(label), img, ink, None if predicted is None else int(predicted),
                  model_id if isinstance(model_id, str) else None, str(created))


def valid_row(row) -> bool:
    try:
        sid, label, image, ink, predicted, model_id, created = row
        return (isinstance(sid, int) and isinstance(label, int) and 0 <= label <= 9
                and isinstance(image, bytes) and len(image) == 784
                and (ink is None or isinstance(ink, str))
                and (predicted is None or (isinstance(predicted, int) and 0 <= predicted <= 9))
                and (model_id is None or isinstance(model_id, str)) and isinstance(created, str))
    except (TypeError, ValueError):
        return False
