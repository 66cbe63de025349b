"""The robustness curves as a PNG chart (Pillow, no Qt): `digitpad robustness --out` and the
Robustness tab's Save PNG draw the same picture.

Presentation, so it lives in app/; the curves themselves are computed by :mod:`model.robustness`.
"""
from __future__ import annotations

import math
import os

from model.robustness import INFO, PerturbationInfo, format_level

COLORS = ((31, 119, 180), (230, 110, 20))  # the model, the comparison (as in the window's charts)


def _font(size: int):
    from PIL import ImageFont

    try:
        return ImageFont.load_default(size=size)
    except (TypeError, OSError):  # Pillow without FreeType: the small bitmap font
        return ImageFont.load_default()


def chart_image(result: dict, compare: dict | None = None, names: tuple[str, str] = ("model", "compare"),
                title: str = "Accuracy as the digits get harder", subtitle: str = "",
                size: tuple[int, int] = (1200, 880), words: dict | None = None):
    """The curves as a PIL image: one line chart per perturbation in a 2x2 grid, accuracy (%)
    against level, the comparison model's line beside the model's when given, and a legend.

    ``words`` puts the chart's own words in another language (the window passes them translated;
    this module has no Qt, the CLI draws in English): ``{"chance": ..., "titles": {key: ...},
    "axes": {key: ...}, "decimal": ","}``."""
    words = words or {}
    from PIL import Image, ImageDraw

    k = 2  # drawn at twice the size and scaled down: anti-aliased lines and text
    width, height = size
    img = Image.new("RGB", (width * k, height * k), "white")
    d = ImageDraw.Draw(img)
    f_title, f_sub, f_panel, f_tick = _font(22 * k), _font(14 * k), _font(16 * k), _font(12 * k)
    ink, grid_c, faint = (40, 40, 40), (225, 225, 225), (150, 150, 150)

    d.text((24 * k, 16 * k), title, fill=ink, font=f_title)
    if subtitle:
        d.text((24 * k, 48 * k), subtitle, fill=(90, 90, 90), font=f_sub)
    # The legend, top right.
    entries = [(names[0], COLORS[0], False)] + ([(names[1], COLORS[1], True)] if compare else [])
    x_leg = width * k - 24 * k
    for label, color, dashed in reversed(entries):
        tw = d.textlength(label, font=f_sub)
        x_leg -= tw
        d.text((x_leg, 24 * k), label, fill=ink, font=f_sub)
        x_leg -= 48 * k
        y = 24 * k + 9 * k
        _line(d, [(x_leg, y), (x_leg + 38 * k, y)], color, 3 * k, dashed)
        d.ellipse((x_leg + 19 * k - 4 * k, y - 4 * k, x_leg + 19 * k + 4 * k, y + 4 * k), fill=color)
        x_leg -= 28 * k

    keys = list(result)
    top = 84 * k
    cols, rows = 2, max(1, math.ceil(len(keys) / 2))
    pw, ph = (width * k - 24 * k) // cols, (height * k - top - 8 * k) // rows
    for i, key in enumerate(keys):
        x0, y0 = 12 * k + (i % cols) * pw, top + (i // cols) * ph
        info = INFO.get(key) or PerturbationInfo(key, key, "level", "{:g}")
        curve = result[key]
        other = compare.get(key) if compare else None
        # Plot area inside the panel.
        left, right = x0 + 70 * k, x0 + pw - 24 * k
        upper, lower = y0 + 40 * k, y0 + ph - 64 * k
        d.text((x0 + 70 * k, y0 + 8 * k), words.get("titles", {}).get(key, info.title), fill=ink, font=f_panel)
        levels = curve["levels"]
        lo, hi = min(levels), max(levels)
        span = (hi - lo) or 1.0

        def px(v):
            return left + (v - lo) / span * (right - left)

        def py(a):
            return lower - a * (lower - upper)

        for pct in range(0, 101, 20):
            yy = py(pct / 100)
            d.line([(left, yy), (right, yy)], fill=grid_c, width=k)
            label = f"{pct}%"
            d.text((left - 8 * k - d.textlength(label, font=f_tick), yy - 7 * k), label, fill=ink, font=f_tick)
        for v in levels:
            xx = px(v)
            d.line([(xx, upper), (xx, lower)], fill=grid_c, width=k)
            label = format_level(key, v).replace(".", words.get("decimal", "."))
            d.text((xx - d.textlength(label, font=f_tick) / 2, lower + 8 * k), label, fill=ink, font=f_tick)
        if lo < 0 < hi:  # thickness: mark the unchanged level
            d.line([(px(0), upper), (px(0), lower)], fill=faint, width=k)
        _line(d, [(left, py(0.1)), (right, py(0.1))], faint, k, True)  # chance: 1 in 10
        d.text((left + 6 * k, py(0.1) - 16 * k), words.get("chance", "chance"), fill=faint, font=f_tick)
        d.line([(left, upper), (left, lower), (right, lower)], fill=ink, width=2 * k)
        axis = words.get("axes", {}).get(key, info.axis)
        d.text(((left + right) / 2 - d.textlength(axis, font=f_sub) / 2, lower + 30 * k), axis, fill=ink,
               font=f_sub)
        series = [(curve, COLORS[0], False)] + ([(other, COLORS[1], True)] if other else [])
        for c, color, dashed in series:
            pts = [(px(v), py(a)) for v, a in zip(c["levels"], c["accuracy"])]
            _line(d, pts, color, 3 * k, dashed)
            r = 4 * k
            for x, y in pts:
                d.ellipse((x - r, y - r, x + r, y + r), fill=color)
    return img.resize(size, Image.Resampling.LANCZOS)


def _line(d, pts, color, width, dashed=False) -> None:
    if not dashed:
        d.line(pts, fill=color, width=width, joint="curve")
        return
    dash = 5 * width
    for (x1, y1), (x2, y2) in zip(pts[:-1], pts[1:]):
        length = math.hypot(x2 - x1, y2 - y1)
        t = 0.0
        while t < length:
            t2 = min(length, t + dash)
            d.line([(x1 + (x2 - x1) * t / length, y1 + (y2 - y1) * t / length),
                    (x1 + (x2 - x1) * t2 / length, y1 + (y2 - y1) * t2 / length)], fill=color, width=width)
            t += 2 * dash


def write_chart(path: str | os.PathLike, result: dict, compare: dict | None = None,
                names: tuple[str, str] = ("model", "compare"), **kwargs) -> None:
    """Save :func:`chart_image` as a PNG."""
    chart_image(result, compare, names, **kwargs).save(path, format="PNG")
