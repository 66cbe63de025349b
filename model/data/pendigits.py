"""Pen trajectories of the UCI "Pen-Based Recognition of Handwritten Digits" set, as DigitPad ink.

Each line holds 8 (x, y) points resampled at equal arc length on a 0..100 grid, y up, then the
label. Rendered on a 280x280 canvas as one smooth stroke (a Catmull-Rom curve through the points)
at a random size and position, these are the closest stand-in we have for digits people draw
with a mouse: the default model trains on them and the benchmarks measure on them.
"""
from __future__ import annotations

import os
from pathlib import Path

import numpy as np

from ..errors import DigitPadError
from ..ink import Ink


class PendigitsError(DigitPadError, ValueError):
    title = "Cannot read the pen trajectories"


def read(path: str | os.PathLike) -> tuple[np.ndarray, np.ndarray]:
    """(n, 8, 2) points with y down and (n,) labels."""
    path = Path(path)
    try:
        raw = np.loadtxt(path, delimiter=",", dtype=np.float64, ndmin=2)
    except (OSError, ValueError) as exc:
        raise PendigitsError(f"{path}: not a pendigits file ({exc}).") from exc
    if raw.shape[1] != 17 or not np.isin(raw[:, 16], np.arange(10)).all():
        raise PendigitsError(f"{path}: expected 17 comma-separated integers per line, label 0..9 last.")
    pts = raw[:, :16].reshape(-1, 8, 2)
    pts[..., 1] = 100.0 - pts[..., 1]
    return pts, raw[:, 16].astype(np.uint8)


def from_ink(ink: Ink, n: int = 8) -> np.ndarray:
    """A drawing as the UCI files store a digit: its strokes joined into one path (each pen-up a
    straight line to the next stroke's start), ``n`` points at equal arc length along it, each
    axis scaled on its own to 0..100 and rounded; (n, 2) with y down, as :func:`read` gives them.
    What a digit of the pen-digit test writers looks like, made from any writer's drawing."""
    path = np.concatenate(ink.strokes)
    seg = np.hypot(*np.diff(path, axis=0).T)
    s = np.concatenate([[0.0], np.cumsum(seg)])
    t = np.linspace(0.0, s[-1], n) if s[-1] > 0 else np.zeros(n)
    pts = np.stack([np.interp(t, s, path[:, 0]), np.interp(t, s, path[:, 1])], axis=1)
    lo, span = pts.min(axis=0), np.ptp(pts, axis=0)
    return np.rint((pts - lo) / np.where(span > 0, span, 1.0) * 100.0)


def catmull_rom(points: np.ndarray, per_segment: int = 12) -> np.ndarray:
    """A smooth curve through the points (centripetal-free, uniform Catmull-Rom)."""
    p = np.concatenate([points[:1], points, points[-1:]])
    t = np.linspace(0.0, 1.0, per_segment, endpoint=False)[None, :, None]
    p0, p1, p2, p3 = p[:-3, None], p[1:-2, None], p[2:-1, None], p[3:, None]  # (segments, 1, 2)
    curve = 0.5 * (2 * p1 + (-p0 + p2) * t + (2 * p0 - 5 * p1 + 4 * p2 - p3) * t**2
                   + (-p0 + 3 * p1 - 3 * p2 + p3) * t**3)
    return np.concatenate([curve.reshape(-1, points.shape[1]), points[-1:]])


def to_ink(
    points: np.ndarray,
    rng: np.random.Generator | None = None,
    canvas: int = 280,
    pen_width: float = 18.0,
    aspect_jitter: float = 0.0,
) -> Ink:
    """One trajectory as ink at a random size (40-90% of the canvas) and position."""
    rng = rng or np.random.default_rng(0)
    size = canvas * rng.uniform(0.4, 0.9)
    sx = sy = size / 100.0
    if aspect_jitter:
        sx *= float(np.exp(rng.uniform(-aspect_jitter, aspect_jitter)))
    curve = catmull_rom(points) * np.array([sx, sy])
    extent = curve.max(axis=0) - curve.min(axis=0)
    room = np.maximum(canvas - extent - pen_width, 0)
    curve = curve - curve.min(axis=0) + pen_width / 2 + rng.uniform(0, 1, 2) * room
    return Ink([curve], canvas, canvas, pen_width)


def holdout_start(n: int, holdout: float) -> int:
    """Index of the first trajectory of the held-out tail (the last ``holdout`` fraction)."""
    return n - int(round(n * holdout))


def render_dataset(
    path: str | os.PathLike, reps: int = 1, seed: int = 0, *, holdout: float = 0.0,
    stroke_jitter: float = 0.2, aspect_jitter: float = 0.3,
) -> tuple[np.ndarray, np.ndarray]:
    """Every trajectory (but the held-out tail) rendered ``reps`` times as ink and preprocessed like a drawing:
    uint8 (n * reps, 28, 28) MNIST-like digits and their labels. Each copy gets its own size,
    position, aspect and (MNIST-like) pen, so the network learns what drawn digits look like."""
    from ..preprocess import STROKE, ink_to_input

    pts, labels = read(path)
    cut = holdout_start(len(labels), holdout)
    pts, labels = pts[:cut], labels[:cut]  # the tail is kept out for measuring
    rng = np.random.default_rng(seed)
    images = np.empty((reps * len(labels), 28, 28), dtype=np.uint8)
    k = 0
    for _ in range(reps):
        for p in pts:
            stroke = STROKE * float(np.exp(rng.uniform(-stroke_jitter, stroke_jitter)))
            x = ink_to_input(to_ink(p, rng, aspect_jitter=aspect_jitter), stroke=stroke)
            images[k] = np.clip(x * 255.0 + 0.5, 0, 255)
            k += 1
    return images, np.tile(labels, reps)
