"""MNIST digits re-drawn as canvas ink: the issue's augmentation idea, tried and NOT adopted.

Each digit is thinned to its skeleton (Zhang-Suen, at twice the resolution) and the skeleton drawn
again with a round anti-aliased pen of the preprocessing's width, so scanned, uneven strokes
become even ones as a drawing's are. bench_drawn_recipes.py's "redraw" key uses it. Measured
(docs/drawn-experiments.md): it does not help drawn digits (Train-tab recipe, MNIST only: tuning
writers 92.28% -> 92.60% with half the digits re-drawn, 91.70% with all; check labs 96.00% ->
96.25% / 95.25%), and with drawn digits in the training data it changes nothing (95.15% ->
95.02%), so the training pipeline does not use it.
"""
from __future__ import annotations

import math

import numpy as np

_UP = 2  # the skeleton is found and re-drawn at twice MNIST's resolution


def redraw_images(x: np.ndarray, fraction: float = 1.0, seed: int = 0, stroke_jitter: float = 0.0
                  ) -> np.ndarray:
    """MNIST digits (uint8 (n, 28, 28)) re-drawn the way the canvas's preprocessing draws ink:
    each digit is thinned to its skeleton (Zhang-Suen, at twice the resolution) and the skeleton
    drawn again with a round, anti-aliased pen of the preprocessing's width (varied by
    ``stroke_jitter``, log scale). Scanned, uneven strokes become even ones, as a drawing's are.

    ``fraction`` of the digits (chosen with ``seed``) are re-drawn, the rest returned as they were.
    """
    from model.preprocess import STROKE

    x = np.asarray(x, dtype=np.uint8)
    out = x.copy()
    rng = np.random.default_rng(seed)
    pick = np.flatnonzero(rng.random(len(x)) < fraction)
    strokes = STROKE * np.exp(rng.uniform(-stroke_jitter, stroke_jitter, len(pick))) if stroke_jitter else None
    for start in range(0, len(pick), 2048):
        idx = pick[start:start + 2048]
        up = np.repeat(np.repeat(x[idx].astype(np.float32) / 255.0, _UP, axis=1), _UP, axis=2)
        up = _smooth(up)
        skeleton = _thin(up > 0.5)
        s = None if strokes is None else strokes[start:start + 2048]
        out[idx] = _draw_skeleton(skeleton, STROKE if s is None else s)
    return out


def _smooth(img: np.ndarray) -> np.ndarray:
    """A 3x3 binomial blur, so that thresholding the upsampled digit gives round outlines."""
    p = np.pad(img, ((0, 0), (1, 1), (1, 1)), mode="edge")
    p = (p[:, :-2] + 2 * p[:, 1:-1] + p[:, 2:]) / 4
    return (p[:, :, :-2] + 2 * p[:, :, 1:-1] + p[:, :, 2:]) / 4


def _zhang_suen_tables() -> tuple[np.ndarray, np.ndarray]:
    """For each 8-neighbourhood code (bit k = neighbour P(k+2), clockwise from north), whether
    Zhang-Suen's first / second sub-iteration deletes the centre pixel."""
    bits = (np.arange(256)[:, None] >> np.arange(8)) & 1  # columns P2..P9
    p2, p3, p4, p5, p6, p7, p8, p9 = bits.T
    ring = np.concatenate([bits, bits[:, :1]], axis=1)
    n = bits.sum(axis=1)
    a = ((ring[:, :-1] == 0) & (ring[:, 1:] == 1)).sum(axis=1)
    base = (n >= 2) & (n <= 6) & (a == 1)
    first = base & (p2 * p4 * p6 == 0) & (p4 * p6 * p8 == 0)
    second = base & (p2 * p4 * p8 == 0) & (p2 * p6 * p8 == 0)
    return first.astype(np.uint8), second.astype(np.uint8)


_ZS = _zhang_suen_tables()


def _thin(b: np.ndarray) -> np.ndarray:
    """Zhang-Suen thinning of a batch of binary images (n, h, w) to one-pixel-wide skeletons."""
    img = np.pad(b, ((0, 0), (1, 1), (1, 1))).astype(np.uint8)
    c = img[:, 1:-1, 1:-1]
    # neighbour views P2..P9: N, NE, E, SE, S, SW, W, NW
    views = [img[:, :-2, 1:-1], img[:, :-2, 2:], img[:, 1:-1, 2:], img[:, 2:, 2:],
             img[:, 2:, 1:-1], img[:, 2:, :-2], img[:, 1:-1, :-2], img[:, :-2, :-2]]
    code = np.empty(c.shape, np.uint8)
    tmp = np.empty(c.shape, np.uint8)
    while True:
        changed = False
        for table in _ZS:
            np.copyto(code, views[0])
            for k in range(1, 8):
                np.left_shift(views[k], k, out=tmp)
                code |= tmp
            kill = table[code]
            kill &= c
            if kill.any():
                changed = True
                c -= kill
        if not changed:
            return c.astype(bool)


def _draw_skeleton(skeleton: np.ndarray, stroke) -> np.ndarray:
    """Skeletons (n, 56, 56) drawn with a round pen ``stroke`` 28x28-pixels wide (one width or one
    per digit), anti-aliased by coverage, and averaged 2x2 down to uint8 (n, 28, 28)."""
    n, h, w = skeleton.shape
    radius = np.broadcast_to(np.asarray(stroke, np.float32) * _UP / 2.0, (n,))[:, None, None]
    reach = int(math.ceil(float(radius.max()) + 0.5))
    padded = np.pad(skeleton, ((0, 0), (reach, reach), (reach, reach)))
    ink = np.zeros((n, h, w), np.float32)
    for dy in range(-reach, reach + 1):
        for dx in range(-reach, reach + 1):
            dist = math.hypot(dx, dy)
            cover = np.clip(radius + 0.5 - dist, 0.0, 1.0)  # (n, 1, 1)
            if not cover.any():
                continue
            shifted = padded[:, reach + dy:reach + dy + h, reach + dx:reach + dx + w]
            np.maximum(ink, shifted * cover, out=ink)
    small = ink.reshape(n, h // _UP, _UP, w // _UP, _UP).mean(axis=(2, 4))
    return np.clip(small * 255.0 + 0.5, 0, 255).astype(np.uint8)
