"""The Inside view's colour scales and images: values to RGBA, RGBA to Qt images.

The scales themselves (blue-white-red for signed values, white-orange-red for 0..1) are
:data:`app.theme.DIVERGING` and :data:`app.theme.SEQUENTIAL`; the values come from :mod:`model.inside`.
"""
from __future__ import annotations

import numpy as np
from PySide6.QtGui import QImage, QPixmap

from ..theme import DIVERGING, SEQUENTIAL


def diverging_rgba(scaled: np.ndarray) -> np.ndarray:
    """Values in [-1, 1] -> RGBA uint8 on the blue-white-red scale."""
    idx = np.clip(np.rint((np.asarray(scaled) + 1.0) * 127.5), 0, 255).astype(np.uint8)
    return DIVERGING[idx]


def sequential_rgba(fraction: np.ndarray) -> np.ndarray:
    """Values in [0, 1] -> RGBA uint8 on the white-orange-red scale."""
    idx = np.clip(np.rint(np.asarray(fraction) * 255.0), 0, 255).astype(np.uint8)
    return SEQUENTIAL[idx]


def range_rgba(values: np.ndarray, lo: float, hi: float) -> np.ndarray:
    """Colours for values over (lo, hi): diverging when the range straddles zero, else sequential."""
    if lo < 0:
        return diverging_rgba(np.asarray(values) / max(abs(lo), abs(hi)))
    return sequential_rgba((np.asarray(values) - lo) / max(hi - lo, 1e-12))


def to_qimage(rgba: np.ndarray) -> QImage:
    """(h, w, 4) uint8 -> a QImage owning its pixels."""
    rgba = np.ascontiguousarray(rgba, dtype=np.uint8)
    h, w = rgba.shape[:2]
    return QImage(rgba.data, w, h, 4 * w, QImage.Format.Format_RGBA8888).copy()


def enlarged(rgba: np.ndarray, factor: int) -> QPixmap:
    """An image enlarged by an integer factor without smoothing, done once in NumPy and stored in
    the screen's pixel format, so painting it is a plain copy (a scaled or format-converting
    drawImage costs ~1 ms each: too much for a live view)."""
    return QPixmap.fromImage(to_qimage(np.repeat(np.repeat(rgba, factor, axis=0), factor, axis=1)))

