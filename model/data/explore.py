"""Looking at the data before training on it: class counts, a grid of digits, mean images, and one
digit's pixel values as numbers (the tutorial's first pictures). NumPy and Pillow only.

Images are MNIST-like: uint8 (n, 28, 28) white digit on black, or float 0..1.
"""
from __future__ import annotations

import math
import os

import numpy as np

from .sources import Dataset

GRID_LIMIT = 200  # digits in a grid picture unless told otherwise


def splits(ds: Dataset) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """The dataset's splits by name: ``train`` and, when there is one, ``test`` (only ``test`` for a
    source of test files only)."""
    out = {} if ds.test_only else {"train": (ds.x_train, ds.y_train)}
    if ds.x_test is not None and ds.y_test is not None:
        out["test"] = (ds.x_test, ds.y_test)
    return out


def class_counts(ds: Dataset) -> dict[str, list[int]]:
    """How many digits of each class 0..9 each split holds: ``{"train": [10 ints], "test": ...}``."""
    return {name: counts(y) for name, (_, y) in splits(ds).items()}


def counts(y: np.ndarray) -> list[int]:
    """How many of each digit 0..9 the labels hold."""
    return [int(c) for c in np.bincount(np.asarray(y, dtype=np.intp), minlength=10)[:10]]


def as_uint8(x: np.ndarray) -> np.ndarray:
    """Digits as uint8 0..255: uint8 as it is, floats 0..1 scaled and rounded."""
    x = np.asarray(x)
    if x.dtype == np.uint8:
        return x
    return np.clip(np.rint(x.astype(np.float32) * 255.0), 0, 255).astype(np.uint8)


def select(y: np.ndarray, digit: int | None = None) -> np.ndarray:
    """Indices of the digits with label ``digit`` (all when None), in order."""
    y = np.asarray(y)
    return np.arange(len(y)) if digit is None else np.flatnonzero(y == int(digit))


def mean_images(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """The mean image of each class: float32 (10, 28, 28) in 0..1; zeros for an absent class.

    Summed one class at a time in integers, so 60,000 MNIST digits never become a float copy.
    """
    x = np.asarray(x).reshape(len(x), 28, 28)
    y = np.asarray(y)
    scale = 1.0 / 255.0 if x.dtype == np.uint8 else 1.0
    out = np.zeros((10, 28, 28), dtype=np.float32)
    for d in range(10):
        members = x[y == d]
        if len(members):
            total = members.sum(axis=0, dtype=np.int64 if x.dtype == np.uint8 else np.float64)
            out[d] = total * (scale / len(members))
    return out


def pixel_values(image: np.ndarray) -> np.ndarray:
    """One digit's 28x28 pixel values as uint8 0..255 (the numbers the tutorial prints on it)."""
    image = np.asarray(image)
    if image.size != 784:
        raise ValueError(f"a digit has 28x28 pixels, not {image.shape}")
    return as_uint8(image.reshape(28, 28))


def pixel_text(image: np.ndarray) -> str:
    """The 28x28 values as 28 lines of right-aligned numbers (zeros as dots, so the digit shows)."""
    values = pixel_values(image)
    return "\n".join(" ".join(f"{v:>3}" if v else "  ." for v in row) for row in values)


# --- pictures (Pillow) ----------------------------------------------------------------------------

def _font(size: int):
    from PIL import ImageFont

    try:
        return ImageFont.load_default(size=size)
    except (TypeError, OSError):
        return ImageFont.load_default()


def grid_image(x: np.ndarray, y: np.ndarray, *, digit: int | None = None, limit: int = GRID_LIMIT,
               columns: int = 20, scale: int = 2):
    """A PIL image of the first ``limit`` digits (only ``digit``s when given), each enlarged
    ``scale`` times with its label underneath, ``columns`` to a row. Digits are shown as the
    network sees them: white on black."""
    from PIL import Image, ImageDraw

    idx = select(y, digit)[: max(0, int(limit))]
    cell, label_h, gap = 28 * scale, 18, 6
    columns = max(1, min(columns, len(idx) or 1))
    rows = max(1, math.ceil(len(idx) / columns))
    w, h = columns * (cell + gap) + gap, rows * (cell + label_h + gap) + gap
    img = Image.new("RGB", (w, h), (245, 245, 245))
    draw = ImageDraw.Draw(img)
    font = _font(13)
    digits = as_uint8(np.asarray(x)[idx].reshape(len(idx), 28, 28)) if len(idx) else []
    for k, (i, pixels) in enumerate(zip(idx, digits)):
        r, c = divmod(k, columns)
        x0, y0 = gap + c * (cell + gap), gap + r * (cell + label_h + gap)
        tile = Image.fromarray(pixels, mode="L").resize((cell, cell), Image.Resampling.NEAREST)
        img.paste(tile.convert("RGB"), (x0, y0))
        label = str(int(y[i]))
        draw.text((x0 + cell / 2 - draw.textlength(label, font=font) / 2, y0 + cell + 1), label,
                  fill=(30, 30, 30), font=font)
    if not len(idx):
        draw.text((gap, gap), "no digits", fill=(120, 120, 120), font=font)
    return img


def means_image(x: np.ndarray, y: np.ndarray, *, scale: int = 3):
    """A PIL image of the mean digit of each class 0..9 side by side, each with its label and how
    many digits it averages."""
    from PIL import Image, ImageDraw

    means = mean_images(x, y)
    n = counts(y)
    cell, gap, label_h = 28 * scale, 10, 36
    img = Image.new("RGB", (10 * (cell + gap) + gap, cell + label_h + 2 * gap), (245, 245, 245))
    draw = ImageDraw.Draw(img)
    f_big, f_small = _font(15), _font(11)
    for d in range(10):
        x0 = gap + d * (cell + gap)
        tile = Image.fromarray(as_uint8(means[d]), mode="L").resize((cell, cell), Image.Resampling.BILINEAR)
        img.paste(tile.convert("RGB"), (x0, gap))
        for text, font, dy in ((str(d), f_big, 2), (f"{n[d]:,}", f_small, 20)):
            draw.text((x0 + cell / 2 - draw.textlength(text, font=font) / 2, gap + cell + dy), text,
                      fill=(30, 30, 30) if font is f_big else (110, 110, 110), font=font)
    return img


def pixels_image(image: np.ndarray, *, cell: int = 24, label: str | None = None):
    """One digit enlarged with each pixel's value printed on it (the tutorial's picture)."""
    from PIL import Image, ImageDraw

    values = pixel_values(image)
    top = 28 if label else 0
    img = Image.new("RGB", (28 * cell, 28 * cell + top), "white")
    tile = Image.fromarray(values, mode="L").resize((28 * cell, 28 * cell), Image.Resampling.NEAREST)
    img.paste(tile.convert("RGB"), (0, top))
    draw = ImageDraw.Draw(img)
    font = _font(max(6, round(cell * 0.36)))
    half_height = getattr(font, "size", 10) * 0.6
    for r in range(28):
        for c in range(28):
            v = int(values[r, c])
            text = str(v)
            color = (0, 0, 0) if v > 127 else ((200, 200, 200) if v else (70, 70, 70))
            cx, cy = c * cell + cell / 2, top + r * cell + cell / 2
            draw.text((cx - draw.textlength(text, font=font) / 2, cy - half_height), text, fill=color, font=font)
    if label:
        draw.text((6, 5), label, fill=(20, 20, 20), font=_font(16))
    return img


def write_png(image, path: str | os.PathLike) -> None:
    image.save(path, format="PNG")
