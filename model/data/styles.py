"""The catalogue of the ways people write each digit, synthesised from real people's strokes.

UNIPEN's writers (mostly American, on tablets) write most digits one way: a bare 1, a plain 7, an
open two-stroke 4. Other people write them otherwise: a German 1 has a long up-stroke (a flag)
from about half its height, a continental 7 is crossed, a phone user writes a 4 or a 5 without
lifting the finger. A network that never saw a style reads it as its look-alike (a long-flag 1
as 7, a crossed 7 as 2, a one-stroke 4 as 9).

Each :class:`Style` turns one real drawing of its digit (an ink of the drawn corpus) into that
digit written in the style, keeping what the writer drew where it carries the style's shape (the
stem of their 1, the head of their 9, the lower bowl of their 3) and drawing the rest as a pen
would: strokes with a writer's bow and wobble, random within the ranges people show, from a
seeded random generator, so a style is reproducible. The result is a new ink on the same canvas
(moved or shrunk to stay inside it), which goes through the canvas's preprocessing like any
drawing.

The cues that tell look-alikes apart are kept: a 1's flag starts well below the top and rises to
it at 20 degrees or more (a 7's bar is near-horizontal, at the top); a crossed 7's bar crosses
the stem below its top bar; an open 4's stem rises above its arm.

``docs/styles.png`` (``tools/make_style_sheet.py``) shows every style drawn from real digits.
"""
from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from ..ink import Ink

__all__ = ["FLAG_ANGLE", "FLAG_LENGTH", "STYLES", "Style", "apply", "by_digit", "get", "inside_canvas",
           "resample", "with_bar", "with_flag", "with_foot", "with_slash", "without_lifting", "wobble"]

Rng = np.random.Generator
MARGIN = 0.06  # of the canvas: room kept between a styled digit and the canvas's edge


@dataclass(frozen=True)
class Style:
    """One way of writing ``digit``: ``make(ink, rng)`` draws a real drawing of it in the style."""

    name: str
    digit: int
    title: str
    make: Callable[[Ink, Rng], Ink]
    plain: bool = False  # the digit as most UNIPEN writers draw it (in the corpus already)


# --- geometry -------------------------------------------------------------------------------------

def _box(points: np.ndarray) -> tuple[np.ndarray, np.ndarray, float, float]:
    lo, hi = points.min(axis=0), points.max(axis=0)
    return lo, hi, max(float(hi[0] - lo[0]), 1.0), max(float(hi[1] - lo[1]), 1.0)


def _length(path: np.ndarray) -> float:
    return float(np.hypot(*np.diff(path, axis=0).T).sum()) if len(path) > 1 else 0.0


def resample(path: np.ndarray, n: int) -> np.ndarray:
    """``n`` points at equal arc length along a polyline."""
    if len(path) < 2:
        return np.repeat(path[:1], n, axis=0)
    seg = np.hypot(*np.diff(path, axis=0).T)
    s = np.concatenate([[0.0], np.cumsum(seg)])
    if s[-1] <= 0:
        return np.repeat(path[:1], n, axis=0)
    t = np.linspace(0.0, s[-1], n)
    return np.stack([np.interp(t, s, path[:, 0]), np.interp(t, s, path[:, 1])], axis=1)


def wobble(path: np.ndarray, rng: Rng, amount: float) -> np.ndarray:
    """The path with a hand's slow wobble: a smooth sideways displacement of at most ``amount``
    (canvas pixels) that is zero at the ends, so joins stay joined."""
    if len(path) < 3 or amount <= 0:
        return path
    d = np.gradient(path, axis=0)
    norm = np.hypot(d[:, 0], d[:, 1])[:, None]
    normal = np.stack([-d[:, 1], d[:, 0]], axis=1) / np.maximum(norm, 1e-9)
    t = np.linspace(0.0, 1.0, len(path))
    k = rng.integers(1, 3)
    shape = np.sin(math.pi * k * t + rng.uniform(-0.3, 0.3)) * np.sin(math.pi * t)
    return path + normal * (rng.uniform(-amount, amount) * shape)[:, None]


def _curve(points: Sequence, n: int = 24) -> np.ndarray:
    """A smooth stroke through control points (a quadratic/cubic Bezier for 3/4 points; a
    polyline otherwise), ``n`` points."""
    p = np.asarray(points, dtype=np.float64)
    t = np.linspace(0.0, 1.0, n)[:, None]
    if len(p) == 3:
        return (1 - t) ** 2 * p[0] + 2 * (1 - t) * t * p[1] + t ** 2 * p[2]
    if len(p) == 4:
        return (1 - t) ** 3 * p[0] + 3 * (1 - t) ** 2 * t * p[1] + 3 * (1 - t) * t ** 2 * p[2] + t ** 3 * p[3]
    return resample(p, n)


def _pen(points: Sequence, rng: Rng, h: float, shake: float = 0.025, n: int = 24) -> np.ndarray:
    """A stroke through control points as a hand draws it: smooth, wobbling by ``shake`` of the
    digit's height ``h``."""
    return wobble(_curve(points, n), rng, shake * h)


def _ellipse(centre, rx: float, ry: float, start: float, turn: float, rng: Rng, n: int = 40) -> np.ndarray:
    """An ellipse drawn from angle ``start`` through ``turn`` radians (negative: counter-clockwise
    on the screen), its radius breathing a little as a hand's does."""
    a = start + np.linspace(0.0, turn, n)
    r = 1.0 + 0.06 * np.sin(a * rng.integers(1, 3) + rng.uniform(0, 2 * math.pi))
    return np.stack([centre[0] + rx * r * np.cos(a), centre[1] + ry * r * np.sin(a)], axis=1)


def _slant(ink: Ink) -> float:
    """The writer's slant: how far the digit's x moves per unit of height going up (least squares
    of x on y over all points; positive leans right)."""
    pts = ink.points()
    y = pts[:, 1] - pts[:, 1].mean()
    var = float(y @ y)
    return float(np.clip(-(pts[:, 0] - pts[:, 0].mean()) @ y / var, -0.6, 0.6)) if var > 0 else 0.0


def _sheared(strokes: list[np.ndarray], slant: float, y0: float) -> list[np.ndarray]:
    """The strokes leaning by ``slant`` (x moves right by slant per unit of height above y0)."""
    return [np.stack([s[:, 0] - slant * (s[:, 1] - y0), s[:, 1]], axis=1) for s in strokes]


def _longest(ink: Ink) -> np.ndarray:
    return max(ink.strokes, key=_length)


def _like(ink: Ink, strokes: list[np.ndarray]) -> Ink:
    return inside_canvas(Ink([np.asarray(s, np.float64) for s in strokes if len(s)], ink.width, ink.height,
                             ink.pen_width))


def inside_canvas(ink: Ink, margin: float = MARGIN) -> Ink:
    """The ink moved (and, if it has grown too large, shrunk about its centre) so that every
    point lies inside its canvas with ``margin`` of the canvas to spare."""
    pts = ink.points()
    lo, hi = pts.min(axis=0), pts.max(axis=0)
    size = np.array([ink.width, ink.height], dtype=np.float64)
    room = size * (1.0 - 2 * margin)
    scale = min(1.0, float(np.min(room / np.maximum(hi - lo, 1e-9))))
    centre = (lo + hi) / 2.0
    new_lo, new_hi = centre + (lo - centre) * scale, centre + (hi - centre) * scale
    shift = np.maximum(size * margin - new_lo, 0.0) - np.maximum(new_hi - size * (1.0 - margin), 0.0)
    return Ink([(s - centre) * scale + centre + shift for s in ink.strokes], ink.width, ink.height, ink.pen_width)


def without_lifting(ink: Ink) -> Ink:
    """The drawing as one stroke: each pen-up joined by a straight line to the next stroke's start,
    as a finger or a mouse held down draws it (and as the UCI pen-digit files store digits)."""
    return Ink([np.concatenate(ink.strokes)], ink.width, ink.height, ink.pen_width) if len(ink.strokes) > 1 else ink


# --- strokes a style adds to a real drawing ----------------------------------------------------------

FLAG_LENGTH = (0.15, 0.4)  # of the digit's height
FLAG_ANGLE = (20.0, 50.0)  # degrees below the horizontal


def with_flag(ink: Ink, length: float, angle: float, joined: bool = False) -> Ink:
    """A 1 with a flag: a stroke from ``length`` digit-heights down-left of the top (``angle``
    below the horizontal) up to the top, written before the stem, or (``joined``) as its start."""
    pts = ink.points()
    lo, hi = pts.min(axis=0), pts.max(axis=0)
    h = max(float(hi[1] - lo[1]), 1.0)
    top = pts[int(np.argmin(pts[:, 1]))]
    start = top + np.array([-length * h * math.cos(angle), length * h * math.sin(angle)])
    flag = np.linspace(start, top, 8)
    first = ink.strokes[0]
    if joined and np.hypot(*(first[0] - top)) < 0.15 * h:
        return Ink([np.concatenate([flag[:-1], first]), *ink.strokes[1:]], ink.width, ink.height, ink.pen_width)
    return Ink([flag, *ink.strokes], ink.width, ink.height, ink.pen_width)


def with_slash(ink: Ink, overshoot: float, tilt: float) -> Ink:
    """A slashed zero: a stroke from below-left to above-right across the digit, reaching
    ``overshoot`` of its size beyond it, its ends moved by ``tilt`` of its height."""
    pts = ink.points()
    lo, hi = pts.min(axis=0), pts.max(axis=0)
    w, h = max(float(hi[0] - lo[0]), 1.0), max(float(hi[1] - lo[1]), 1.0)
    a = np.array([lo[0] - overshoot * w, hi[1] + overshoot * h - tilt * h])
    b = np.array([hi[0] + overshoot * w, lo[1] - overshoot * h + tilt * h])
    return Ink([*ink.strokes, np.linspace(a, b, 10)], ink.width, ink.height, ink.pen_width)


def with_foot(ink: Ink, width: float) -> Ink:
    """A 1 with a foot: a horizontal stroke ``width`` digit-heights long, centred under the stem's
    lowest point, written last."""
    pts = ink.points()
    lo, hi = pts.min(axis=0), pts.max(axis=0)
    h = max(float(hi[1] - lo[1]), 1.0)
    bottom = pts[int(np.argmax(pts[:, 1]))]
    a, b = bottom + np.array([-width * h / 2, 0.0]), bottom + np.array([width * h / 2, 0.0])
    return Ink([*ink.strokes, np.linspace(a, b, 8)], ink.width, ink.height, ink.pen_width)


def with_bar(ink: Ink, width: float, height: float = 0.55) -> Ink:
    """A crossed 7 (the continental 7): a short horizontal stroke, ``width`` digit-heights long,
    across the stem ``height`` of the way down, written last."""
    pts = ink.points()
    lo, hi = pts.min(axis=0), pts.max(axis=0)
    h = max(float(hi[1] - lo[1]), 1.0)
    y = lo[1] + height * h
    near = pts[np.abs(pts[:, 1] - y) <= 0.12 * h]
    x = float(near[:, 0].mean()) if len(near) else float((lo[0] + hi[0]) / 2)
    a, b = np.array([x - width * h / 2, y]), np.array([x + width * h / 2, y])
    return Ink([*ink.strokes, np.linspace(a, b, 8)], ink.width, ink.height, ink.pen_width)


# --- 1 --------------------------------------------------------------------------------------------

def _stem(ink: Ink) -> np.ndarray:
    """The stem of a real 1, top to bottom: its longest stroke between its highest and lowest
    points (what a flag, a hook or a foot adds is cut away). A stroke that is not a tall stem (a
    mislabelled digit) gives a straight stem of the ink's height."""
    path = _longest(ink)
    lo, hi, w, h = _box(ink.points())
    i, j = int(np.argmin(path[:, 1])), int(np.argmax(path[:, 1]))
    stem = path[i:j + 1] if i <= j else path[j:i + 1][::-1]
    if len(stem) < 2 or np.ptp(stem[:, 1]) < 0.6 * h or np.ptp(stem[:, 0]) > 0.8 * np.ptp(stem[:, 1]):
        x = (lo[0] + hi[0]) / 2
        return np.array([[x, lo[1]], [x, hi[1]]], dtype=np.float64)
    return stem


def _flag(top: np.ndarray, drop: float, angle: float) -> np.ndarray:
    """A flag ending at ``top``: it starts ``drop`` below it and rises to it at ``angle`` (radians
    above the horizontal) from the left."""
    return top + np.array([-drop / math.tan(angle), drop])


def _one(ink: Ink, rng: Rng, flag: tuple[float, float] | None, angle: tuple[float, float] = FLAG_ANGLE,
         foot: tuple[float, float] | None = None, max_reach: float = 1.0, bow: tuple[float, float] = (-0.05, 0.1)
         ) -> Ink:
    """A 1 from a real stem: with a flag starting ``flag`` (fraction of the height) below the top
    at ``angle`` degrees, reaching at most ``max_reach`` heights to the left, bowed up-left by
    ``bow`` of its length (an arc, as a quick hand draws it), and a foot ``foot`` heights wide."""
    stem = _stem(ink)
    h = max(float(np.ptp(stem[:, 1])), 1.0)
    top, bottom = stem[0], stem[-1]
    strokes = [stem]
    if flag is not None:
        a = math.radians(rng.uniform(*angle))
        drop = rng.uniform(*flag) * h
        drop = min(drop, max_reach * h * math.tan(a))  # a long flag at a low angle reaches too far
        start = _flag(top, drop, a)
        d = top - start
        mid = (start + top) / 2 + np.array([d[1], -d[0]]) * rng.uniform(*bow)  # (d[1], -d[0]) points up-left
        up = _pen([start, mid, top], rng, h, 0.015, 12)
        strokes = [np.concatenate([up[:-1], stem])] if rng.random() < 0.75 else [up, stem]
    if foot is not None:
        width = rng.uniform(*foot) * h
        left = bottom + np.array([-width * rng.uniform(0.4, 0.6), rng.uniform(-0.02, 0.02) * h])
        right = left + np.array([width, rng.uniform(-0.04, 0.04) * h])
        strokes.append(_pen([left, (left + right) / 2, right], rng, h, 0.01, 10))
    return _like(ink, strokes)


def one_bare(ink: Ink, rng: Rng) -> Ink:
    return _one(ink, rng, None)


def one_short_flag(ink: Ink, rng: Rng) -> Ink:
    return _one(ink, rng, (0.08, 0.25))


def one_long_flag(ink: Ink, rng: Rng) -> Ink:
    """From about half the height, at 20-60 degrees (German writers: 30-50)."""
    return _one(ink, rng, (0.35, 0.6), (20.0, 60.0))


def one_flagged(ink: Ink, rng: Rng, drop: tuple[float, float], angle: tuple[float, float],
                foot: tuple[float, float] | None = None) -> Ink:
    """A 1 from a real stem with a flag starting ``drop`` (fraction of its height) below the top
    at ``angle`` degrees (and a foot ``foot`` heights wide): the styles above with other ranges."""
    return _one(ink, rng, drop, angle, foot)


def one_flag_foot(ink: Ink, rng: Rng) -> Ink:
    return _one(ink, rng, (0.15, 0.45), foot=(0.35, 0.9), bow=(-0.05, 0.25))


def one_serifs(ink: Ink, rng: Rng) -> Ink:
    """A printed 1: a short serif sloping down from the top and a base (foot)."""
    return _one(ink, rng, (0.06, 0.16), (25.0, 50.0), foot=(0.3, 0.55))


# --- 7 --------------------------------------------------------------------------------------------

def _seven_body(ink: Ink) -> tuple[np.ndarray, list[np.ndarray]]:
    """A real 7's bar-and-stem stroke, and its other strokes (a crossing bar, if any)."""
    body = _longest(ink)
    return body, [s for s in ink.strokes if s is not body]


def seven_plain(ink: Ink, rng: Rng) -> Ink:
    """The 7 without a crossing bar: its bar-and-stem stroke alone when that makes the whole 7."""
    body, others = _seven_body(ink)
    _, _, _, h = _box(ink.points())
    return _like(ink, [body] if np.ptp(body[:, 1]) >= 0.8 * h else [body, *others])


def seven_crossed(ink: Ink, rng: Rng) -> Ink:
    """A bar across the stem below the top, on the writer's stem or (a third of them) a bowed one."""
    plain = seven_curved(ink, rng) if rng.random() < 0.33 else seven_plain(ink, rng)
    _, _, _, h = _box(plain.points())
    crossed = with_bar(plain, rng.uniform(0.3, 0.7), rng.uniform(0.4, 0.6))  # about mid-height, below the bar
    bar = crossed.strokes[-1]
    bar[:, 1] += np.linspace(-1, 1, len(bar)) * rng.uniform(-0.05, 0.05) * h  # not quite level
    return _like(ink, [*crossed.strokes[:-1], wobble(bar, rng, 0.01 * h)])


def seven_hooked(ink: Ink, rng: Rng) -> Ink:
    """A hook (serif) down from the bar's left end, drawn as the stroke's start."""
    body, others = _seven_body(ink)
    lo, _, w, h = _box(ink.points())
    start = body[0]
    if start[1] > lo[1] + 0.3 * h or start[0] > lo[0] + 0.5 * w:  # not drawn from the bar's left end
        return seven_plain(ink, rng)
    tip = start + np.array([rng.uniform(-0.05, 0.08) * w, rng.uniform(0.12, 0.28) * h])
    hook = _pen([tip, (tip + start) / 2 + [-0.03 * w, 0], start], rng, h, 0.01, 8)
    return _like(ink, [np.concatenate([hook[:-1], body]), *[s for s in others if np.ptp(s[:, 1]) > 0.5 * h]])


def seven_curved(ink: Ink, rng: Rng) -> Ink:
    """The stem bowed (a concave curve) below the top bar."""
    body, _ = _seven_body(ink)
    lo, _, w, h = _box(ink.points())
    below = body[:, 1] > lo[1] + 0.2 * h
    if below.sum() < 3:
        return seven_plain(ink, rng)
    idx = np.flatnonzero(below)
    t = np.linspace(0.0, 1.0, len(idx))
    out = body.copy()
    out[idx, 0] += rng.choice([-1.0, 1.0], p=[0.35, 0.65]) * rng.uniform(0.08, 0.2) * w * np.sin(math.pi * t)
    return _like(ink, [out])


def seven_one_stroke(ink: Ink, rng: Rng) -> Ink:
    """A crossed 7 written without lifting the pen: back up from the stem's foot to the cross."""
    return without_lifting(seven_crossed(ink, rng))


# --- 4 --------------------------------------------------------------------------------------------

def _four_frame(ink: Ink, rng: Rng) -> tuple[float, float, float, float, float, float]:
    """(left, top, width, height, stem x, bar y) of a real 4's box, the writer's proportions."""
    lo, _, w, h = _box(ink.points())
    w = float(np.clip(w, 0.45 * h, 0.95 * h))
    return lo[0], lo[1], w, h, lo[0] + rng.uniform(0.58, 0.78) * w, lo[1] + rng.uniform(0.5, 0.68) * h


def _four(ink: Ink, strokes: list[np.ndarray]) -> Ink:
    return _like(ink, _sheared(strokes, _slant(ink) * 0.5, ink.points()[:, 1].max()))


def four_closed(ink: Ink, rng: Rng) -> Ink:
    x0, y0, w, h, sx, by = _four_frame(ink, rng)
    top = np.array([sx + rng.uniform(-0.05, 0.03) * w, y0])
    corner = np.array([x0 + rng.uniform(0.0, 0.1) * w, by])
    end = np.array([x0 + w * rng.uniform(0.9, 1.05), by + rng.uniform(-0.05, 0.03) * h])
    arm = np.concatenate([_pen([top, corner], rng, h, 0.02, 16)[:-1], _pen([corner, end], rng, h, 0.015, 14)])
    stem = _pen([[sx, y0 + rng.uniform(-0.05, 0.05) * h], [sx + rng.uniform(-0.04, 0.04) * w, y0 + h]], rng, h)
    return _four(ink, [arm, stem])


def four_open(ink: Ink, rng: Rng) -> Ink:
    x0, y0, w, h, sx, by = _four_frame(ink, rng)
    start = np.array([x0 + rng.uniform(0.05, 0.3) * w, y0 + rng.uniform(0.0, 0.2) * h])
    corner = np.array([x0 + rng.uniform(0.0, 0.12) * w, by])
    end = np.array([x0 + w * rng.uniform(0.9, 1.05), by + rng.uniform(-0.05, 0.03) * h])
    arm = np.concatenate([_pen([start, corner], rng, h, 0.02, 14)[:-1], _pen([corner, end], rng, h, 0.015, 14)])
    stem = _pen([[sx, y0 + rng.uniform(-0.05, 0.05) * h], [sx + rng.uniform(-0.04, 0.04) * w, y0 + h]], rng, h)
    return _four(ink, [arm, stem])


def four_one_stroke(ink: Ink, rng: Rng) -> Ink:
    """An open 4 without lifting the pen: down the arm, round into the bar, up to the stem's top
    and back down it (the down-stroke a little beside the up-stroke)."""
    x0, y0, w, h, sx, by = _four_frame(ink, rng)
    start = np.array([x0 + rng.uniform(0.0, 0.4) * w, y0 + rng.uniform(0.0, 0.2) * h])
    corner = np.array([x0 + rng.uniform(0.0, 0.12) * w, by])
    turn = np.array([sx + rng.uniform(-0.08, 0.05) * w, by + rng.uniform(-0.04, 0.04) * h])
    top = np.array([sx + rng.uniform(-0.05, 0.05) * w, y0])
    gap = rng.uniform(0.0, 0.08) * w
    down = np.array([top[0] + gap + rng.uniform(-0.03, 0.03) * w, y0 + h])
    round_corner = corner + np.array([rng.uniform(0.0, 0.1) * w, rng.uniform(0.0, 0.15) * h])
    path = np.concatenate([
        _pen([start, (start + corner) / 2, corner], rng, h, 0.02, 12)[:-1],
        _pen([corner, round_corner, turn], rng, h, 0.015, 12)[:-1],
        _pen([turn, top], rng, h, 0.015, 12)[:-1],
        _pen([top + [gap, 0], down], rng, h, 0.02, 16),
    ])
    return _four(ink, [path])


# --- 0 --------------------------------------------------------------------------------------------

def zero_slashed(ink: Ink, rng: Rng) -> Ink:
    """A slash across the 0: mostly diagonal, sometimes steep or level (a bar through the middle,
    as some of UNIPEN's IBM writers cross their 0s)."""
    tilt = rng.uniform(-0.15, 0.15) if rng.random() < 0.7 else rng.uniform(0.3, 0.55)
    return _like(ink, with_slash(ink, rng.uniform(0.0, 0.15), tilt).strokes)


def zero_dotted(ink: Ink, rng: Rng) -> Ink:
    lo, hi, w, h = _box(ink.points())
    c = (lo + hi) / 2 + rng.uniform(-0.08, 0.08, 2) * [w, h]
    size = rng.uniform(0.0, 0.06) * h
    dot = c + np.array([[0.0, 0.0], [size, size * rng.uniform(-0.5, 0.5)]])
    return _like(ink, [*ink.strokes, dot if size > 0.5 else dot[:1]])


# --- 9 --------------------------------------------------------------------------------------------

def _nine_head(ink: Ink) -> tuple[np.ndarray, int]:
    """A real 9's main stroke and the index where its stem leaves the head: after the last point
    in the upper half."""
    body = _longest(ink)
    lo, _, _, h = _box(ink.points())
    upper = np.flatnonzero(body[:, 1] <= lo[1] + 0.5 * h)
    return body, int(upper[-1]) if len(upper) else len(body) // 2


def nine_straight(ink: Ink, rng: Rng) -> Ink:
    body, k = _nine_head(ink)
    lo, _, w, h = _box(ink.points())
    a = body[k]
    end = np.array([a[0] + rng.uniform(-0.08, 0.08) * w, lo[1] + h])
    return _like(ink, [np.concatenate([body[:k], _pen([a, end], rng, h, 0.015, 14)])])


def nine_curved(ink: Ink, rng: Rng) -> Ink:
    body, k = _nine_head(ink)
    lo, _, w, h = _box(ink.points())
    a = body[k]
    bottom = lo[1] + h
    end = np.array([a[0] - rng.uniform(0.3, 0.7) * w, bottom - rng.uniform(0.0, 0.15) * h])
    tail = _pen([a, [a[0] + rng.uniform(0.0, 0.1) * w, bottom + 0.05 * h], end], rng, h, 0.015, 18)
    return _like(ink, [np.concatenate([body[:k], tail])])


# --- 5 and 7 without lifting the pen, 2 with a loop, flat-topped 3, 8 from two circles --------------

def five_one_stroke(ink: Ink, rng: Rng) -> Ink:
    """A 5 in one stroke: the bar first (right to left) into the stem and the belly, or the body
    first and then back up to the bar without lifting the pen."""
    body = _longest(ink)
    lo, hi, w, h = _box(ink.points())
    top = body[int(np.argmin(body[:, 1] + 0.3 * (body[:, 0] - lo[0])))]  # the stem's top (upper left)
    right = np.array([top[0] + rng.uniform(0.5, 0.9) * w, top[1] + rng.uniform(-0.08, 0.04) * h])
    bar = _pen([right, (right + top) / 2, top], rng, h, 0.01, 10)
    if rng.random() < 0.5:  # bar first
        k = int(np.flatnonzero((body == top).all(axis=1))[0])
        return _like(ink, [np.concatenate([bar[:-1], body[k:]])])
    return _like(ink, [np.concatenate([body, bar[::-1]])])  # (the pen-up joined: body's end to the stem's top)


def two_loop(ink: Ink, rng: Rng) -> Ink:
    """A 2 with a loop where its diagonal turns into the base."""
    body = _longest(ink)
    lo, hi, w, h = _box(ink.points())
    score = (body[:, 1] - lo[1]) / h - 0.8 * (body[:, 0] - lo[0]) / w
    k = int(np.argmax(score))
    r = rng.uniform(0.07, 0.14) * h
    c = body[k] + np.array([rng.uniform(-0.3, 0.3) * r, -r])
    start = math.atan2(body[k][1] - c[1], body[k][0] - c[0])
    loop = _ellipse(c, r * rng.uniform(0.8, 1.3), r, start, -2 * math.pi, rng, 24)
    loop[0], loop[-1] = body[k], body[k]
    return _like(ink, [np.concatenate([body[:k], loop, body[k + 1:]]), *[s for s in ink.strokes if s is not body]])


def three_flat(ink: Ink, rng: Rng) -> Ink:
    """A flat-topped 3: a bar along the top, a diagonal down to the middle, then the writer's own
    lower bowl."""
    body = _longest(ink)
    lo, hi, w, h = _box(ink.points())
    mid = np.flatnonzero((body[:, 1] > lo[1] + 0.3 * h) & (body[:, 1] < lo[1] + 0.65 * h))
    if len(mid) == 0:
        return _like(ink, ink.strokes)
    k = int(mid[np.argmin(body[mid, 0])])
    cusp = body[k]
    left = np.array([lo[0] + rng.uniform(0.0, 0.2) * w, lo[1] + rng.uniform(-0.02, 0.05) * h])
    right = np.array([hi[0] - rng.uniform(-0.05, 0.1) * w, lo[1] + rng.uniform(-0.03, 0.03) * h])
    top = np.concatenate([_pen([left, right], rng, h, 0.01, 12)[:-1], _pen([right, cusp], rng, h, 0.015, 14)[:-1]])
    return _like(ink, [np.concatenate([top, body[k:]])])


def eight_circles(ink: Ink, rng: Rng) -> Ink:
    """An 8 drawn as two circles, the upper one smaller, each as its own stroke."""
    lo, hi, w, h = _box(ink.points())
    w = float(np.clip(w, 0.4 * h, 0.9 * h))
    cx = (lo[0] + hi[0]) / 2
    split = lo[1] + rng.uniform(0.4, 0.5) * h
    upper_rx = w / 2 * rng.uniform(0.7, 0.95)
    upper = _ellipse((cx + rng.uniform(-0.05, 0.05) * w, (lo[1] + split) / 2), upper_rx, (split - lo[1]) / 2,
                     rng.uniform(-2.0, -1.2), -2 * math.pi * rng.uniform(1.0, 1.08), rng)
    lower = _ellipse((cx, (split + lo[1] + h) / 2), w / 2, (lo[1] + h - split) / 2,
                     rng.uniform(-2.0, -1.2), -2 * math.pi * rng.uniform(1.0, 1.08), rng)
    return _like(ink, _sheared([upper, lower], _slant(ink) * 0.5, lo[1] + h))


def _as_drawn(ink: Ink, rng: Rng) -> Ink:
    return ink


STYLES: tuple[Style, ...] = (
    Style("one_bare", 1, "1, bare", one_bare, plain=True),
    Style("one_short_flag", 1, "1 with a short flag", one_short_flag),
    Style("one_long_flag", 1, "1 with a long flag from mid-height", one_long_flag),
    Style("one_flag_foot", 1, "1 with a flag and a foot", one_flag_foot),
    Style("one_serifs", 1, "1 with serifs", one_serifs),
    Style("seven_plain", 7, "7, plain", seven_plain, plain=True),
    Style("seven_crossed", 7, "7 crossed at mid-height", seven_crossed),
    Style("seven_hooked", 7, "7 with a hooked top", seven_hooked),
    Style("seven_curved", 7, "7 with a curved stem", seven_curved),
    Style("seven_one_stroke", 7, "crossed 7 without lifting the pen", seven_one_stroke),
    Style("four_closed", 4, "4, closed", four_closed),
    Style("four_open", 4, "4, open", four_open),
    Style("four_one_stroke", 4, "4 in one stroke", four_one_stroke),
    Style("zero_plain", 0, "0, plain", _as_drawn, plain=True),
    Style("zero_slashed", 0, "0, slashed", zero_slashed),
    Style("zero_dotted", 0, "0 with a dot", zero_dotted),
    Style("nine_straight", 9, "9 with a straight stem", nine_straight),
    Style("nine_curved", 9, "9 with a curved stem", nine_curved),
    Style("five_one_stroke", 5, "5 without lifting the pen", five_one_stroke),
    Style("two_loop", 2, "2 with a loop", two_loop),
    Style("three_flat", 3, "3 with a flat top", three_flat),
    Style("eight_circles", 8, "8 from two circles", eight_circles),
)
_BY_NAME = {s.name: s for s in STYLES}


def get(name: str) -> Style:
    try:
        return _BY_NAME[name]
    except KeyError:
        raise KeyError(f"no writing style {name!r}; the catalogue has {', '.join(_BY_NAME)}") from None


def by_digit(digit: int, names: Sequence[str] | None = None, plain: bool = True) -> list[Style]:
    """The styles of ``digit`` (among ``names`` if given; without the plain ones if not ``plain``)."""
    return [s for s in STYLES if s.digit == digit and (names is None or s.name in names) and (plain or not s.plain)]


def apply(style: Style | str, ink: Ink, rng: Rng) -> Ink:
    """``ink`` (a real drawing of the style's digit) drawn in ``style``."""
    style = get(style) if isinstance(style, str) else style
    return style.make(ink, rng)
