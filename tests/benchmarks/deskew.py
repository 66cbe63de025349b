"""Slant normalisation (deskewing) of 28x28 digits: tried for issue 20 and not adopted.

bench_families.py's recipe key "deskew" trains and reads every digit through :func:`deskew`; in
the leave-one-source-out protocol it cost about a point on tablets and on MNIST
(docs/drawn-experiments.md), so the app's preprocessing does not deskew. Kept to reproduce that.
"""
from __future__ import annotations

import numpy as np

SIZE = 28

_ROWS = np.arange(SIZE, dtype=np.float32)
_COLS = np.arange(SIZE, dtype=np.float32)
MAX_SLANT = 1.0  # a shear larger than this (45 degrees) is not a slant but a digit lying down


def deskew(x: np.ndarray) -> np.ndarray:
    """Digits made upright: each row shifted sideways so the digit's slant (the least-squares
    line of its ink, column against row, through its centre of mass) becomes vertical.

    ``x``: one digit (28, 28) or (784,), or a batch (n, 28, 28) or (n, 784), floats 0..1 or uint8;
    returns float32 of the same shape. The centre of mass stays where it was; a blank digit is
    returned as it is."""
    shape = np.shape(x)
    img = np.asarray(x, dtype=np.float32).reshape(-1, SIZE, SIZE)
    mass = img.sum(axis=(1, 2))
    safe = np.where(mass > 0, mass, 1.0)
    rows = img.sum(axis=2)  # (n, 28)
    cy = rows @ _ROWS / safe
    cx = img.sum(axis=1) @ _COLS / safe
    dy = _ROWS[None, :] - cy[:, None]  # (n, 28)
    mu02 = (rows * dy * dy).sum(axis=1) / safe
    mu11 = np.einsum("nrc,nr,c->n", img, dy, _COLS) / safe  # sum(v * dy * col) / m
    mu11 -= cx * (rows * dy).sum(axis=1) / safe
    alpha = np.clip(np.where(mu02 > 1e-6, mu11 / np.maximum(mu02, 1e-6), 0.0), -MAX_SLANT, MAX_SLANT)
    shift = alpha[:, None] * dy  # (n, 28): row r samples columns c + shift[r]
    src = _COLS[None, None, :] + shift[:, :, None]  # (n, 28, 28)
    c0 = np.floor(src)
    frac = src - c0
    c0 = c0.astype(np.int64)
    padded = np.pad(img, ((0, 0), (0, 0), (1, 2)))  # zeros beyond both sides
    left = np.take_along_axis(padded, np.clip(c0 + 1, 0, SIZE + 2), axis=2)
    right = np.take_along_axis(padded, np.clip(c0 + 2, 0, SIZE + 2), axis=2)
    out = left + frac * (right - left)
    out[mass <= 0] = img[mass <= 0]
    return out.reshape(shape).astype(np.float32, copy=False)
