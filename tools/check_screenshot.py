"""Check that a screenshot of DigitPad's window shows the drawn digit and the live chart.

    python tools/check_screenshot.py SHOT.png [SCREEN.xwd ...]

Made by ``digitpad --self-test --screenshot SHOT.png``: SHOT.png is the window as Qt rendered it,
SHOT.xwd the whole X screen as ``xwd -root`` read it back from the X server (an independent X
client, so what a user would have seen). An ``.xwd`` file is converted to a PNG beside it first.

Each image must show, by its pixels alone (Pillow and NumPy, no Qt):
- something: not one flat colour (at least 64 colours, 2% of the pixels off the commonest one);
- the canvas: somewhere a 200x200 px square that is mostly white paper (>= 70% near-white)
  with the drawn ink on it (>= 3% near-black);
- the chart: a bar in DigitPad's accent blue (#2f6fde) at least 12 px wide and 60 px tall (the
  drawn 3's probability bar; the big accent "3" above the chart is shorter than that).
Prints what it measured per file; exit status 1 if any check fails.
"""
from __future__ import annotations

import struct
import sys
from pathlib import Path

import numpy as np
from PIL import Image

ACCENT = (0x2F, 0x6F, 0xDE)
SQUARE = 200
WHITE_MIN, INK_MIN = 0.70, 0.03
BAR_WIDTH, BAR_HEIGHT = 12, 60


def read_xwd(path: Path) -> Image.Image:
    """An X Window Dump (``xwd`` output, format version 7, TrueColor ZPixmap) as an RGB image."""
    data = Path(path).read_bytes()
    fields = struct.unpack(">25I", data[:100])
    (header_size, version, pixmap_format, depth, width, height, _xoff, byte_order, _unit, _bit_order,
     _pad, bits_per_pixel, bytes_per_line, _visual, red_mask, green_mask, blue_mask, _bits_rgb,
     _cmap_entries, ncolors) = fields[:20]
    if version != 7 or pixmap_format != 2 or bits_per_pixel not in (24, 32):
        raise ValueError(f"{path}: not a 24/32-bit ZPixmap XWD file (version {version}, format "
                         f"{pixmap_format}, {bits_per_pixel} bits per pixel, depth {depth})")
    start = header_size + ncolors * 12
    raw = np.frombuffer(data, dtype=np.uint8, count=height * bytes_per_line, offset=start)
    rows = raw.reshape(height, bytes_per_line)[:, : width * (bits_per_pixel // 8)]
    step = bits_per_pixel // 8
    pixels = np.zeros((height, width), dtype=np.uint32)
    for i in range(step):  # assemble each pixel's integer from its bytes, in the file's byte order
        shift = 8 * (i if byte_order == 0 else step - 1 - i)
        pixels |= rows[:, i::step].astype(np.uint32) << shift

    def channel(mask: int) -> np.ndarray:
        shift = (mask & -mask).bit_length() - 1
        top = mask >> shift
        return ((pixels & mask) >> shift) * 255 // max(top, 1)

    rgb = np.stack([channel(red_mask), channel(green_mask), channel(blue_mask)], axis=-1).astype(np.uint8)
    return Image.fromarray(rgb, "RGB")


def load(path: Path) -> Image.Image:
    path = Path(path)
    if path.suffix.lower() == ".xwd":
        image = read_xwd(path)
        image.save(path.with_suffix(".png"))
        return image
    return Image.open(path).convert("RGB")


def _window_sums(mask: np.ndarray, size: int) -> np.ndarray:
    """Number of True pixels in every size x size window (an integral image)."""
    s = np.pad(mask.astype(np.int32).cumsum(0).cumsum(1), ((1, 0), (1, 0)))
    return s[size:, size:] - s[:-size, size:] - s[size:, :-size] + s[:-size, :-size]


def _longest_runs(mask: np.ndarray) -> np.ndarray:
    """For each column, the longest vertical run of True."""
    best = np.zeros(mask.shape[1], dtype=np.int32)
    run = np.zeros(mask.shape[1], dtype=np.int32)
    for row in mask:
        run = np.where(row, run + 1, 0)
        np.maximum(best, run, out=best)
    return best


def measure(image: Image.Image) -> dict:
    a = np.asarray(image.convert("RGB"), dtype=np.int16)
    h, w, _ = a.shape
    flat = a.reshape(-1, 3)
    colours, counts = np.unique(flat, axis=0, return_counts=True)
    figures = {"size": f"{w}x{h}", "colours": int(len(colours)),
               "off_commonest": round(1 - counts.max() / flat.shape[0], 4)}
    white = (a >= 245).all(axis=-1)
    ink = (a <= 60).all(axis=-1)
    if h >= SQUARE and w >= SQUARE:
        n = SQUARE * SQUARE
        whites, inks = _window_sums(white, SQUARE) / n, _window_sums(ink, SQUARE) / n
        ok = (whites >= WHITE_MIN) & (inks >= INK_MIN)
        figures["canvas_squares"] = int(ok.sum())
        figures["best_white"] = round(float(whites[inks >= INK_MIN].max()) if (inks >= INK_MIN).any() else 0.0, 3)
    else:
        figures["canvas_squares"], figures["best_white"] = 0, 0.0
    accent = (np.abs(a - np.array(ACCENT)).max(axis=-1) <= 40)
    runs = _longest_runs(accent)
    tall = runs >= BAR_HEIGHT
    widest = 0
    current = 0
    for t in tall:  # the widest group of adjacent columns holding a tall accent run
        current = current + 1 if t else 0
        widest = max(widest, current)
    figures["accent_pixels"] = int(accent.sum())
    figures["bar_width"], figures["bar_height"] = widest, int(runs.max()) if runs.size else 0
    return figures


def problems(figures: dict) -> list[str]:
    found = []
    if figures["colours"] < 64 or figures["off_commonest"] < 0.02:
        found.append(f"blank: {figures['colours']} colours, {figures['off_commonest']:.1%} off the commonest")
    if figures["canvas_squares"] == 0:
        found.append(f"no white canvas with ink: the best {SQUARE}px square with ink is "
                     f"{figures['best_white']:.0%} white (needs {WHITE_MIN:.0%})")
    if figures["bar_width"] < BAR_WIDTH:
        found.append(f"no accent-blue bar: the widest {BAR_HEIGHT}px-tall accent block is "
                     f"{figures['bar_width']} px wide (needs {BAR_WIDTH}), tallest run {figures['bar_height']} px")
    return found


def main(argv=None) -> int:
    paths = [Path(p) for p in (sys.argv[1:] if argv is None else argv)]
    if not paths:
        print(__doc__)
        return 2
    failed = False
    for path in paths:
        try:
            figures = measure(load(path))
        except (OSError, ValueError) as exc:
            print(f"check_screenshot: {path}: FAILED: cannot read it: {exc}")
            failed = True
            continue
        found = problems(figures)
        status = "ok" if not found else "FAILED: " + "; ".join(found)
        print(f"check_screenshot: {path}: {status} ({', '.join(f'{k} {v}' for k, v in figures.items())})")
        failed |= bool(found)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
