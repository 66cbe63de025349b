"""Ink: what the canvas records, the strokes of one drawing, and its JSON file format.

A stroke is the path of one press-move-release, in canvas pixels, origin top-left, y down;
a one-point stroke is a dot. See GUIDE.md, "Ink (drawing) JSON".
"""
from __future__ import annotations

import json
import math
import os
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from .errors import DigitPadError

FORMAT = "digitpad-ink"
VERSION = 1
MAX_POINTS = 100_000  # far beyond any drawing; stops a hostile file from eating memory


class InkError(DigitPadError, ValueError):
    """An ink file or ink data that cannot be used; the message says why and what to do."""
    title = "Cannot read the drawing"


@dataclass
class Ink:
    strokes: list[np.ndarray] = field(default_factory=list)  # each (n, 2) float64, n >= 1
    width: int = 280
    height: int = 280
    pen_width: float = 18.0

    def __post_init__(self) -> None:
        self.strokes = [_as_points(s, i) for i, s in enumerate(self.strokes)]
        self.strokes = [s for s in self.strokes if len(s)]
        if not (self.width > 0 and self.height > 0):
            raise InkError(f"Canvas size must be positive, got {self.width}x{self.height}.")
        if not (math.isfinite(self.pen_width) and self.pen_width > 0):
            raise InkError(f"Pen width must be a positive number, got {self.pen_width!r}.")

    @property
    def is_empty(self) -> bool:
        return not self.strokes

    def points(self) -> np.ndarray:
        """All points of all strokes, (n, 2)."""
        return np.concatenate(self.strokes) if self.strokes else np.zeros((0, 2))

    def to_dict(self) -> dict:
        return {
            "format": FORMAT,
            "version": VERSION,
            "width": int(self.width),
            "height": int(self.height),
            "pen_width": float(self.pen_width),
            "strokes": [[[round(float(x), 2), round(float(y), 2)] for x, y in s] for s in self.strokes],
        }

    @classmethod
    def from_dict(cls, data: object, source: str = "ink") -> "Ink":
        if not isinstance(data, dict):
            raise InkError(f"{source}: not a DigitPad ink file (expected a JSON object).")
        if data.get("format") != FORMAT:
            raise InkError(
                f"{source}: not a DigitPad ink file (format is {data.get('format')!r}, "
                f"expected {FORMAT!r}). Open an ink JSON saved by DigitPad or an image instead."
            )
        if data.get("version") != VERSION:
            raise InkError(
                f"{source}: ink format version {data.get('version')!r} is not supported by this "
                f"DigitPad (it reads version {VERSION}). Update DigitPad or re-save the drawing."
            )
        strokes = data.get("strokes")
        if not isinstance(strokes, list):
            raise InkError(f"{source}: 'strokes' must be a list of strokes.")
        try:
            return cls(
                strokes=[_as_points(s, i, source) for i, s in enumerate(strokes)],
                width=int(data.get("width", 280)),
                height=int(data.get("height", 280)),
                pen_width=float(data.get("pen_width", 18.0)),
            )
        except (TypeError, ValueError) as exc:
            if isinstance(exc, InkError):
                if str(exc).startswith(f"{source}:"):
                    raise
                raise InkError(f"{source}: {exc}") from None  # e.g. canvas size, pen width
            raise InkError(f"{source}: malformed ink ({exc}).") from exc

    def save(self, path: str | os.PathLike) -> None:
        """Write the ink JSON atomically (a crash never leaves half a file)."""
        path = Path(path)
        tmp = path.with_name(f".{path.name}.tmp")
        tmp.write_text(json.dumps(self.to_dict(), separators=(",", ":")), encoding="utf-8")
        os.replace(tmp, path)


def load(path: str | os.PathLike) -> Ink:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InkError(f"{path}: no such file.") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InkError(f"{path}: cannot read the file ({exc}).") from exc
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InkError(f"{path}: not valid JSON ({exc.msg} at line {exc.lineno}).") from exc
    return Ink.from_dict(data, str(path))


def _as_points(stroke: object, index: int, source: str = "ink") -> np.ndarray:
    try:
        pts = np.asarray(stroke, dtype=np.float64)
    except (TypeError, ValueError):
        raise InkError(f"{source}: stroke {index} is not a list of [x, y] points.") from None
    if pts.size == 0:
        return np.zeros((0, 2))
    if pts.ndim != 2 or pts.shape[1] != 2:
        raise InkError(f"{source}: stroke {index} is not a list of [x, y] points.")
    if len(pts) > MAX_POINTS:
        raise InkError(f"{source}: stroke {index} has {len(pts)} points (at most {MAX_POINTS}).")
    if not np.isfinite(pts).all():
        raise InkError(f"{source}: stroke {index} has coordinates that are not numbers (NaN or infinite).")
    return pts
