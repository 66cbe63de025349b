"""Turn a drawing or an image into the network's input: a 28x28 float32 MNIST-like digit.

MNIST digits were made by fitting each digit's bounding box into 20x20 pixels keeping its aspect
ratio, anti-aliasing, and translating the centre of mass to the centre of the 28x28 field. A
mouse drawing only looks like that if it is rebuilt the same way: the strokes are cropped, scaled
so the longest side spans 20 px (a "1" stays thin), drawn again at that scale with an MNIST-like
pen (so the canvas pen width does not matter), anti-aliased by drawing at 3x and averaging, and
shifted so their centre of mass sits where MNIST puts it.

Output: white digit on black, values 0..1, shape (28, 28); ``None`` means "nothing drawn".
"""
from __future__ import annotations

import os
import threading
import warnings
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, UnidentifiedImageError

from .errors import DigitPadError, read_error
from .ink import Ink

SIZE = 28
BOX = 20.0
SUPER = 3  # supersampling for anti-aliasing (4 was 10-15% slower, same accuracy)
HI = SIZE * SUPER
# MNIST strokes are about 2.3 px wide once the digit fits 20x20 px (measured as ink area over
# skeleton length on the shipped MNIST digits); this is the centre-line pen width in 28x28 pixels.
STROKE = 2.3
# Centre of mass of MNIST digits in pixel-index coordinates (row, col), measured on real digits;
# MNIST put it at the field's centre, which in index coordinates is about 14 rather than 13.5.
CENTRE = (14.0, 14.0)
MAX_IMAGE_PIXELS = 40_000_000  # larger images are refused (decompression bombs)
BLANK_LEVEL = 0.08  # contrast below this (0..1) counts as a blank image


class ImageInputError(DigitPadError, ValueError):
    """An image that cannot be read as a digit; the message says why and what to do."""
    title = "Cannot read the image"


def ink_to_input(ink: Ink, stroke: float = STROKE) -> np.ndarray | None:
    """The 28x28 digit the network sees for a drawing, or None when nothing is drawn."""
    strokes = ink.strokes
    if not strokes:
        return None
    pts = strokes[0] if len(strokes) == 1 else np.concatenate(strokes)
    (x0, y0), (x1, y1) = pts.min(axis=0).tolist(), pts.max(axis=0).tolist()
    extent = max(x1 - x0, y1 - y0)
    # The centre line is scaled so that centre line plus pen fills the 20 px box.
    scale = (BOX - stroke) / extent if extent > 1e-6 else 0.0
    # canvas -> supersampled 28x28 coordinates in one multiply-add per point
    gain = scale * SUPER
    shift = ((SIZE / 2.0 - (x0 + x1) / 2.0 * scale) * SUPER, (SIZE / 2.0 - (y0 + y1) / 2.0 * scale) * SUPER)
    canvas, draw = _blank_canvas()
    width = max(1, round(stroke * SUPER))
    radius = stroke * SUPER / 2.0
    for s in strokes:
        xy = s * gain
        xy += shift
        if len(xy) > 1:
            draw.line(xy.ravel().tolist(), fill=255, width=width)
        # Round caps, and round joins where the path turns sharply enough for a wide line to
        # show a notch (Pillow's joint="curve" rounds every vertex and costs 7x more).
        for x, y in xy[_corners(xy)].tolist():
            draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=255)
    return _centre_and_reduce(canvas)


def image_to_input(image: Image.Image) -> np.ndarray | None:
    """The 28x28 digit for an image of any size, dark-on-light or light-on-dark; None if blank."""
    ink = ink_intensity(image)
    lo, hi = np.percentile(ink, 1), ink.max()
    if hi - lo < BLANK_LEVEL:
        return None
    ink = np.clip((ink - lo) / (hi - lo), 0.0, 1.0)
    rows = np.flatnonzero((ink > 0.25).any(axis=1))
    cols = np.flatnonzero((ink > 0.25).any(axis=0))
    ink = ink[rows[0] : rows[-1] + 1, cols[0] : cols[-1] + 1]
    h, w = ink.shape
    f = BOX * SUPER / max(h, w)
    size = (max(1, round(w * f)), max(1, round(h * f)))
    resample = Image.Resampling.BOX if f < 1 else Image.Resampling.BILINEAR
    scaled = np.asarray(Image.fromarray(ink, mode="F").resize(size, resample))
    canvas = np.zeros((HI, HI), dtype=np.uint8)
    top, left = (HI - size[1]) // 2, (HI - size[0]) // 2
    canvas[top : top + size[1], left : left + size[0]] = np.clip(scaled * 255.0 + 0.5, 0, 255)
    return _centre_and_reduce(Image.fromarray(canvas, mode="L"))


def load_image(path: str | os.PathLike) -> Image.Image:
    """Open an image file safely: a clear error for unreadable files, decompression bombs and
    paths that are not files (a named pipe would block for ever). Images of more than 8 bits per
    pixel (16-bit, 32-bit or floating-point greys) come back as 8-bit greys scaled from the range
    their bit depth holds (12 bits of a 16-bit file, 0..1 floats), so a faint one is no blank."""
    from .archives import NotAFile, open_input

    path = Path(path)
    try:
        with warnings.catch_warnings(), open_input(path) as fh:
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(fh)
            if image.width * image.height > MAX_IMAGE_PIXELS:
                raise ImageInputError(
                    f"{path}: the image is {image.width}x{image.height} pixels, too large to be a "
                    f"digit (at most {MAX_IMAGE_PIXELS:,} pixels). Crop or shrink it first."
                )
            image.load()
            return _as_8_bit(image)
    except ImageInputError:
        raise
    except (FileNotFoundError, PermissionError, IsADirectoryError, NotAFile) as exc:  # the path, not the image
        raise ImageInputError(read_error(path, exc, "an image", inside="an image file")) from None
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ImageInputError(
            f"{path}: the image is too large to be a digit (a possible decompression bomb). "
            "Crop or shrink it first."
        ) from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError) as exc:
        raise ImageInputError(
            f"{path}: not an image DigitPad can read ({exc}). Use PNG, JPEG or BMP, or an ink JSON."
        ) from exc


_DEPTHS = (1.0, 255.0, 1023.0, 4095.0, 16383.0, 65535.0, 2.0**24 - 1, 2.0**31 - 1)


def _as_8_bit(image: Image.Image) -> Image.Image:
    """A 16-bit, 32-bit or floating-point grey image as 8-bit "L", scaled by the full range of
    the smallest bit depth that holds its values (what a 12-bit scanner writes into a 16-bit
    file is 0..4095); NaN and infinities are background. Other images as they are."""
    if not (image.mode in ("I", "F") or image.mode.startswith("I;16")):
        return image
    grey = np.asarray(image, dtype=np.float64)
    finite = np.isfinite(grey)
    grey = np.where(finite, grey, 0.0)
    lo = float(grey.min()) if grey.size else 0.0
    top = float(grey.max()) - min(lo, 0.0) if grey.size else 0.0
    full = next((d for d in _DEPTHS if top <= d and (d > 1.0 or image.mode == "F")), top or 1.0)
    scaled = np.clip((grey - min(lo, 0.0)) / full * 255.0 + 0.5, 0, 255).astype(np.uint8)
    return Image.fromarray(scaled, mode="L")


def ink_intensity(image: Image.Image) -> np.ndarray:
    """Ink as 0..1 floats (1 = ink), whichever way round the image is."""
    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        alpha = np.asarray(image.convert("RGBA"), dtype=np.float32)[..., 3] / 255.0
        if alpha.min() < 0.9:
            return alpha  # ink drawn on a transparent sheet: opacity is the ink
    if image.mode in ("I", "F") or image.mode.startswith("I;16"):
        # 16-bit and integer greys: Pillow's convert("L") clips them at 255 instead of scaling.
        grey = np.asarray(image, dtype=np.float32)
        top = float(grey.max()) if grey.size else 0.0
        full = next((f for f in (1.0, 255.0, 65535.0) if top <= f and (f > 1.0 or image.mode == "F")), top)
        grey = np.clip(grey / full, 0.0, 1.0)
    else:
        grey = np.asarray(image.convert("L"), dtype=np.float32) / 255.0
    border = np.concatenate([grey[0], grey[-1], grey[:, 0], grey[:, -1]])
    return 1.0 - grey if np.median(border) > 0.5 else grey


# Each thread draws on a canvas of its own that is cleared, not re-created, for every drawing.
_local = threading.local()
# (HI, 2): a column of ones and one of each supersampled pixel's position in 28x28 pixel-index
# coordinates, so M.T @ canvas @ M holds the total ink and the centre of mass.
_MOMENTS = np.stack([np.ones(HI, np.float32), (np.arange(HI, dtype=np.float32) + 0.5) / SUPER - 0.5], axis=1)
_MOMENTS_T = np.ascontiguousarray(_MOMENTS.T)
# Box-averaging rows (or columns) of the canvas 3 by 3 into 28 is a (28, HI) matrix product;
# shifting the content by d supersampled pixels first is the same matrix read d columns further
# along this band, so shift and reduction are two small products with no copies.
_BAND = np.zeros((SIZE, 3 * HI), np.float32)
for _i in range(SIZE):
    _BAND[_i, HI + SUPER * _i : HI + SUPER * _i + SUPER] = 1.0 / SUPER


def _blank_canvas() -> tuple[Image.Image, ImageDraw.ImageDraw]:
    canvas = getattr(_local, "canvas", None)
    if canvas is None:
        canvas = Image.new("L", (HI, HI), 0)
        _local.canvas, _local.draw = canvas, ImageDraw.Draw(canvas)
    else:
        canvas.paste(0, (0, 0, HI, HI))
    return canvas, _local.draw


def _corners(xy: np.ndarray) -> np.ndarray:
    """Indices of the ends of a path and of the vertices where it turns by more than ~25 deg."""
    n = len(xy)
    if n < 3:
        return np.array([0, n - 1])
    # As complex numbers, d[i+1] * conj(d[i]) has the dot product of consecutive segments as its
    # real part and the product of their lengths as its modulus: cos(turn) < 0.9 is a corner.
    z = np.ascontiguousarray(xy, dtype=np.float64).view(np.complex128)[:, 0]
    d = z[1:] - z[:-1]
    r = d[1:] * d[:-1].conj()
    sharp = np.flatnonzero(r.real < 0.9 * np.abs(r))
    sharp += 1
    return np.concatenate(([0], sharp, [n - 1]))


def _centre_and_reduce(canvas: Image.Image) -> np.ndarray | None:
    """Shift a supersampled digit so its centre of mass lands on CENTRE, then box-average down.

    The centre of mass is measured on the supersampled canvas, and the shift is by its pixels
    (1/3 px) rather than whole pixels: that keeps the input steady while a digit is drawn or
    moved, where whole-pixel rounding makes a digit and the same digit drawn a little further
    right differ by a one-pixel jump.
    """
    hi = np.frombuffer(canvas.tobytes(), dtype=np.uint8).reshape(HI, HI).astype(np.float32)
    m = _MOMENTS_T @ hi @ _MOMENTS  # [[total, sum(col * v)], [sum(row * v), -]]
    total = float(m[0, 0])
    if total <= 0.0:
        return None
    dy = min(HI, max(-HI, round((CENTRE[0] - float(m[1, 0]) / total) * SUPER)))
    dx = min(HI, max(-HI, round((CENTRE[1] - float(m[0, 1]) / total) * SUPER)))
    out = _BAND[:, HI + dy : 2 * HI + dy] @ hi @ _BAND[:, HI + dx : 2 * HI + dx].T
    out *= 1.0 / 255.0
    return out
