"""The picture sheet of the catalogue of writing styles: docs/styles.png.

    python tools/make_style_sheet.py [--out docs/styles.png] [--per-style 12] [--seed 0]

One row per style of model.data.styles.STYLES: real digits of the shipped corpus's check-lab
writers (model.data.drawn.CHECK_LABS, never trained on) redrawn in the style, each shown as its
strokes (the pen's start marked with a dot) over the 28x28 digit the network reads of it. The same
seed draws the same sheet.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

CELL = 56
LABEL = 250


def strokes_picture(ink, size: int = CELL):
    """The ink's strokes, fitted into a size x size picture, the first point of each stroke dotted."""
    import numpy as np
    from PIL import Image, ImageDraw

    im = Image.new("L", (size, size), 255)
    draw = ImageDraw.Draw(im)
    pts = ink.points()
    lo, hi = pts.min(axis=0), pts.max(axis=0)
    scale = (size - 10) / max(float(np.max(hi - lo)), 1.0)
    offset = (size - (hi - lo) * scale) / 2
    for stroke in ink.strokes:
        xy = (stroke - lo) * scale + offset
        if len(xy) > 1:
            draw.line(xy.ravel().tolist(), fill=0, width=2)
        x, y = xy[0]
        draw.ellipse((x - 2.5, y - 2.5, x + 2.5, y + 2.5), fill=150)
    return im


def sheet(per_style: int, seed: int):
    import numpy as np
    from PIL import Image, ImageDraw

    from model.data import drawn, styles
    from model.preprocess import ink_to_input

    _, check = drawn.check_split(drawn.shipped_corpus())
    rows = len(styles.STYLES)
    im = Image.new("L", (LABEL + per_style * CELL, 24 + rows * 2 * CELL), 255)
    draw = ImageDraw.Draw(im)
    draw.text((6, 6), "Each style drawn from real digits of unseen writers (UNIPEN check labs): strokes,"
              " and the 28x28 digit the network reads", fill=0)
    for r, style in enumerate(styles.STYLES):
        y0 = 24 + r * 2 * CELL
        draw.line((0, y0, im.width, y0), fill=200)
        draw.text((6, y0 + CELL - 12), style.title, fill=0)
        draw.text((6, y0 + CELL + 2), f"({style.name})", fill=110)
        index = np.flatnonzero(check.labels == style.digit)
        pick = np.random.default_rng([seed, r]).choice(index, per_style, replace=False)
        rng = np.random.default_rng([seed, r, 1])
        for k, i in enumerate(pick.tolist()):
            ink = style.make(check.inks[i], rng)
            x = LABEL + k * CELL
            im.paste(strokes_picture(ink), (x, y0 + 2))
            digit = (255 - np.clip(ink_to_input(ink) * 255, 0, 255)).astype(np.uint8)
            im.paste(Image.fromarray(digit).resize((CELL - 4, CELL - 4), Image.Resampling.NEAREST),
                     (x + 2, y0 + CELL + 2))
    return im


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=ROOT / "docs" / "styles.png")
    ap.add_argument("--per-style", type=int, default=12)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    im = sheet(args.per_style, args.seed)
    im.save(args.out, optimize=True)
    print(f"wrote {args.out} ({im.width}x{im.height}, {args.out.stat().st_size / 1e3:.0f} kB)")


if __name__ == "__main__":
    main()
