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

from .errors import DigitPadError, read_error

FORMAT = "digitpad-ink"
VERSION = 1
MAX_POINTS = 100_000  # far beyond any drawing; stops a hostile file from eating memory
# The same bound for the whole ink, and on its strokes: a drawing has tens of strokes and a few
# thousand points. Without them a 200 MB ink took 204 s and 3.1 GB to be read.
MAX_TOTAL_POINTS = 100_000
MAX_STROKES = 10_000
# Coordinates are canvas pixels: a point ten million pixels away is not a drawing, and larger
# values overflow the arithmetic that fits a digit into 28x28 (a line near 1.7e308 read as nothing).
MAX_COORDINATE = 1e7
MAX_CANVAS = 100_000  # pixels per side
MAX_PEN_WIDTH = 1_000.0
# An ink of MAX_TOTAL_POINTS points written with generous indentation is a few MB.
MAX_FILE_BYTES = 32 * 2**20
_IMAGE_MAGIC = {b"\x89PNG": "a PNG image", b"\xff\xd8\xff": "a JPEG image", b"BM": "a BMP image",
                b"GIF8": "a GIF image", b"II*\x00": "a TIFF image", b"MM\x00*": "a TIFF image",
                b"RIFF": "a WebP image"}


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
        _check_counts(self.strokes)
        self.strokes = [_as_points(s, i) for i, s in enumerate(self.strokes)]
        self.strokes = [s for s in self.strokes if len(s)]
        if not (_is_number(self.width) and _is_number(self.height)
                and 0 < self.width <= MAX_CANVAS and 0 < self.height <= MAX_CANVAS):
            raise InkError(f"Canvas size must be positive, got {self.width!r}x{self.height!r}"
                           f" (at most {MAX_CANVAS}x{MAX_CANVAS} pixels).")
        if not (_is_number(self.pen_width) and 0 < self.pen_width <= MAX_PEN_WIDTH):
            raise InkError(f"Pen width must be a positive number, got {self.pen_width!r}"
                           f" (at most {MAX_PEN_WIDTH:g} pixels).")

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
    def from_dict(cls, data: object, source: str = "ink") -> Ink:
        if not isinstance(data, dict):
            raise InkError(f"{source}: not a DigitPad ink file (expected a JSON object).")
        if data.get("format") != FORMAT:
            raise InkError(
                f"{source}: not a DigitPad ink file (format is {data.get('format')!r}, "
                f"expected {FORMAT!r}). Open an ink JSON saved by DigitPad or an image instead."
            )
        version = data.get("version")
        if not isinstance(version, (int, float)) or isinstance(version, bool):
            kind = "text" if isinstance(version, str) else "missing" if version is None else type(version).__name__
            raise InkError(
                f"{source}: the ink's version must be the number {VERSION}, not {version!r} ({kind})."
                f" Write \"version\": {VERSION} or re-save the drawing with DigitPad."
            )
        if version != VERSION:
            raise InkError(
                f"{source}: ink format version {data.get('version')!r} is not supported by this "
                f"DigitPad (it reads version {VERSION}). Update DigitPad or re-save the drawing."
            )
        strokes = data.get("strokes")
        if not isinstance(strokes, list):
            raise InkError(f"{source}: 'strokes' must be a list of strokes.")
        _check_counts(strokes, source)  # before any stroke is converted
        try:
            return cls(
                strokes=[_as_points(s, i, source) for i, s in enumerate(strokes)],
                width=_canvas_side(data.get("width", 280), "width", source),
                height=_canvas_side(data.get("height", 280), "height", source),
                pen_width=float(data.get("pen_width", 18.0)),
            )
        except (TypeError, ValueError, OverflowError) as exc:
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
    """Read an ink JSON file; :class:`InkError` naming the file for anything that is not one."""
    from .archives import read_input

    path = Path(path)
    try:
        raw = read_input(path, MAX_FILE_BYTES)  # a named pipe or a device is refused, never waited on
    except OSError as exc:
        raise InkError(read_error(path, exc, "an ink file", inside="the .json file")) from None
    if len(raw) > MAX_FILE_BYTES:
        raise InkError(f"{path}: the file is larger than {MAX_FILE_BYTES // 2**20} MB, far too"
                       " large to be a drawing. Open an ink JSON saved by DigitPad.")
    return parse(raw, str(path))


def parse(raw: bytes | str, source: str = "ink") -> Ink:
    """An ink from the text of an ink JSON file; :class:`InkError` naming ``source`` otherwise.

    Bounded before JSON is parsed: every point is a JSON list, so a text with more ``[`` than an
    ink may hold points and strokes is refused without building millions of Python lists.
    """
    if isinstance(raw, str):
        raw = raw.encode("utf-8", "surrogatepass")
    for magic, kind in _IMAGE_MAGIC.items():
        if raw.startswith(magic):
            raise InkError(f"{source}: this is {kind}, not an ink JSON file. Give it the image's"
                           " extension (such as .png) and open it as an image.")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InkError(f"{source}: not an ink JSON file: it is not UTF-8 text (byte"
                       f" 0x{raw[exc.start]:02x} at position {exc.start}). Open an ink JSON saved"
                       " by DigitPad, or an image.") from None
    if text.count("[") > MAX_TOTAL_POINTS + MAX_STROKES + 1:
        raise InkError(f"{source}: the ink holds more than {MAX_TOTAL_POINTS:,} points, far more"
                       " than a drawing. Open an ink JSON saved by DigitPad.")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InkError(f"{source}: not valid JSON ({exc.msg} at line {exc.lineno}).") from None
    except RecursionError:
        raise InkError(f"{source}: not an ink: its JSON is nested far too deeply (an ink's points"
                       " are lists inside lists inside one list of strokes).") from None
    return Ink.from_dict(data, source)


def _is_number(value) -> bool:
    return (isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(value, bool)
            and math.isfinite(value))


def _canvas_side(value, name: str, source: str) -> int:
    number = value
    if isinstance(value, str):  # "280" was always accepted
        try:
            number = float(value)
        except ValueError:
            pass
    if isinstance(number, (int, float)) and not isinstance(number, bool) and math.isfinite(number) \
            and 0 < number <= MAX_CANVAS:
        return int(number) or 1
    raise InkError(f"{source}: the canvas {name} must be a number of pixels from 1 to"
                   f" {MAX_CANVAS:,}, not {value!r}.")


def _check_counts(strokes: list, source: str = "ink") -> None:
    """InkError when there are more strokes or (counting what each stroke holds) points than an
    ink may have; cheap, so it runs before the strokes are converted to arrays."""
    if len(strokes) > MAX_STROKES:
        raise InkError(f"{source}: the ink has {len(strokes):,} strokes (at most {MAX_STROKES:,}).")
    total = sum(len(s) if isinstance(s, (list, tuple)) else len(s) if isinstance(s, np.ndarray) and s.ndim
                else 0 for s in strokes)
    if total > MAX_TOTAL_POINTS:
        raise InkError(f"{source}: the ink has {total:,} points in all (at most {MAX_TOTAL_POINTS:,}).")


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
    if np.abs(pts).max() > MAX_COORDINATE:
        raise InkError(f"{source}: stroke {index} has a point at {_far(pts)}, far outside any canvas"
                       f" (coordinates are pixels, at most {MAX_COORDINATE:,.0f} from the origin).")
    return pts


def _far(pts: np.ndarray) -> str:
    x, y = pts[int(np.abs(pts).max(axis=1).argmax())]
    return f"({x:.4g}, {y:.4g})"
