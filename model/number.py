"""Read a whole number: split a drawing (or an image) of digits written left to right into one
drawing per digit, and read each with the single-digit network.

How the digits are found. The strokes (for an image: the connected blobs of ink) are put in
left-to-right order and cut into consecutive groups, one group per digit. Strokes that overlap
horizontally usually belong together (a 4, a 5 or a crossed 7 has several strokes), but not always:
a digit's bar may reach over its neighbour, digits touch or overlap, a lone stroke may be a 1 or
half of the next digit. So no rule decides: every plausible grouping is scored and the best one
kept. A grouping's score is, over its digits, the log-probability the network gives its reading
plus a prior on what a digit looks like (its width and height against the line's digit height,
no wide empty gap inside it, little horizontal overlap with the digit beside it), found by a
small dynamic programme over the ordered strokes. Each candidate digit goes through the usual
preprocessing (:func:`model.preprocess.ink_to_input`) on its own, candidates are read in one
batch, and the reading of each group of strokes is cached, so while a person writes, a mouse move
recomputes only the groups that hold the stroke being drawn.

A stroke is never split between two digits: two digits written without lifting the pen read
as one (cutting strokes at their turns was tried and did not find the joins reliably).

Images (a photo or scan of a written number) are split into connected ink blobs; a blob far wider
than a digit (touching digits) is cut at columns of little ink, and the same search groups blobs
and pieces. Each digit then goes through :func:`model.preprocess.image_to_input`. Digits that do
not touch are read as in a drawing; touching ones often are not (a piece of an 8 reads as a
confident 3), since an image has no strokes to tell them apart.

The result (:class:`NumberReading`) gives, per digit, its reading, probabilities, box and the
strokes it took, so a view can draw each digit's box and let a person correct one digit
(:meth:`NumberReader.correct`, :func:`digit_ink` for storing it as a sample).
"""
from __future__ import annotations

import contextlib
import math
from collections import OrderedDict
from dataclasses import dataclass, field, replace

import numpy as np
from PIL import Image

from .ink import Ink
from .preprocess import BLANK_LEVEL, image_to_input, ink_intensity, ink_to_input

__all__ = ["SegmentParams", "DigitReading", "NumberReading", "NumberReader", "read_number",
           "read_image_number", "digit_ink", "sample_problem", "group_by_overlap"]


@dataclass(frozen=True)
class SegmentParams:
    """The prior of the grouping search; lengths are in units of the line's digit height.

    Chosen by coordinate search on numbers composed from UNIPEN writers of the tuning labs (never
    the check labs `tos` and `imp`): ``tests/benchmarks/bench_number.py --labs tune --tune``.
    """

    max_units: int = 4           # strokes (or an image's blobs and pieces) one digit may hold
    max_gap: float = 0.35        # a horizontal hole wider than this inside a digit: not one digit
    max_width: float = 1.6       # a group wider than this is not one digit
    digit_bonus: float = 0.5     # per digit: > 0 favours more, narrower digits
    wide_from: float = 1.0       # widths above this cost ...
    wide_cost: float = 2.0       # ... this much per unit of height
    low_from: float = 0.6        # heights below this cost (a lone bar or a dot is rarely a digit) ...
    low_cost: float = 8.0        # ... this much per unit of height
    gap_cost: float = 4.0        # per unit of height of holes inside a digit
    overlap_cost: float = 1.0    # per fraction of the narrower digit overlapped by its neighbour
    # How far the centre of the narrower of two neighbours lies inside the wider one (in heights;
    # < 0: outside): a 4's upright or a 7's crossbar sits deep inside its digit, a neighbour
    # that touches sits at its edge.
    split_depth_cost: float = 4.0  # per height of depth, to split two neighbours into two digits
    cut_width: float = 1.4       # an image's blob wider than this is cut into pieces (the search regroups them)


PARAMS = SegmentParams()


@dataclass(frozen=True)
class DigitReading:
    """One digit of a number."""

    digit: int
    confidence: float
    box: tuple[float, float, float, float]  # x0, y0, x1, y1 in canvas (or image) pixels
    strokes: tuple[int, ...]                 # indices into the ink's strokes; () for an image
    probabilities: np.ndarray = field(repr=False)  # (10,)
    corrected: bool = False      # a person said what this digit is
    group: tuple = field(default=(), repr=False, compare=False)  # what the reader's cache knows it by

    def to_dict(self) -> dict:
        return {"digit": self.digit, "confidence": round(float(self.confidence), 6),
                "box": [round(float(v), 1) for v in self.box], "strokes": list(self.strokes)}


@dataclass(frozen=True)
class NumberReading:
    """A whole number: ``number`` is the digits' readings left to right ("" when nothing is drawn)."""

    number: str
    digits: tuple[DigitReading, ...] = ()

    @classmethod
    def of(cls, digits) -> NumberReading:
        digits = tuple(digits)
        return cls("".join(str(d.digit) for d in digits), digits)

    def index_at(self, x: float, y: float | None = None) -> int | None:
        """The digit at canvas point (x, y): the one whose box holds it, else the nearest along x."""
        if not self.digits:
            return None
        inside = [i for i, d in enumerate(self.digits)
                  if d.box[0] <= x <= d.box[2] and (y is None or d.box[1] <= y <= d.box[3])]
        if inside:
            return min(inside, key=lambda i: abs((self.digits[i].box[0] + self.digits[i].box[2]) / 2 - x))
        return min(range(len(self.digits)),
                   key=lambda i: max(self.digits[i].box[0] - x, x - self.digits[i].box[2], 0.0))

    def with_digit(self, index: int, digit: int) -> NumberReading:
        """The same reading with digit ``index`` read as ``digit`` (a person's correction)."""
        if not 0 <= int(digit) <= 9:
            raise ValueError(f"a digit is 0-9, not {digit!r}")
        d = self.digits[index]
        fixed = replace(d, digit=int(digit), confidence=1.0, probabilities=np.eye(10, dtype=np.float32)[int(digit)],
                        corrected=True)
        return NumberReading.of(self.digits[:index] + (fixed,) + self.digits[index + 1:])

    def to_dict(self) -> dict:
        return {"number": self.number, "digits": [d.to_dict() for d in self.digits]}


NOTHING = NumberReading("", ())


def digit_ink(ink: Ink, digit: DigitReading) -> Ink:
    """The drawing of one digit of ``ink`` (e.g. to store a corrected digit as a sample)."""
    return Ink([ink.strokes[i] for i in digit.strokes], ink.width, ink.height, ink.pen_width)


SHORT_DIGIT = 0.5  # a "digit" less than half as high as the number's others is a mark, not a digit


def sample_problem(reading: NumberReading, index: int, width: float, height: float) -> str | None:
    """Why digit ``index`` of a number written on a ``width`` x ``height`` sheet would make a bad
    sample of the digit a person says it is (None: it looks like a whole digit).

    A digit written past the sheet's edge is cut there (the canvas keeps the pen on the sheet), so
    what was read is a sliver of it; a mark far shorter than the number's other digits (a dot, a
    dash, a stray touch) is not a digit either. Either would teach the model a wrong shape."""
    d = reading.digits[index]
    x0, y0, x1, y1 = d.box
    if x0 <= 0.5 or y0 <= 0.5 or x1 >= width - 0.5 or y1 >= height - 0.5:
        return "it runs off the sheet, so only part of it was written"
    others = [o.box[3] - o.box[1] for i, o in enumerate(reading.digits) if i != index]
    if len(others) >= 2 and (y1 - y0) < SHORT_DIGIT * float(np.median(others)):
        return "it is far smaller than the number's other digits"
    return None


# ------------------------------------------------------------------------------------- units
@dataclass
class _Unit:
    """A stroke, a piece of a stroke, or a blob of an image: what the search groups."""

    key: object                 # identifies its content, for the cache
    x0: float
    y0: float
    x1: float
    y1: float
    stroke: int = -1            # ink: its index among the ink's strokes
    points: object = None       # ink: the stroke's points; image: (rows, cols) of its pixels


@dataclass
class _Candidate:
    first: int                  # units first..last (inclusive, in left-to-right order)
    last: int
    x0: float
    y0: float
    x1: float
    y1: float
    score: float = 0.0          # of this group as one digit, before the overlap with neighbours
    probabilities: np.ndarray | None = None


def _line_height(units: list[_Unit]) -> float:
    """The height of one digit on this line: the median height of the overlap-grouped blocks."""
    blocks = []
    for u in sorted(units, key=lambda u: u.x0):
        if blocks and u.x0 <= blocks[-1][1]:
            b = blocks[-1]
            b[1], b[2], b[3] = max(b[1], u.x1), min(b[2], u.y0), max(b[3], u.y1)
        else:
            blocks.append([u.x0, u.x1, u.y0, u.y1])
    heights = [b[3] - b[2] for b in blocks]
    return max(float(np.median(heights)), 0.5 * max(heights), 1.0)


def _depth(a0: float, a1: float, b0: float, b1: float) -> float:
    """How far the centre of the narrower of spans a and b lies inside the wider (< 0: outside)."""
    if a1 - a0 < b1 - b0:
        a0, a1, b0, b1 = b0, b1, a0, a1
    c = (b0 + b1) / 2
    return min(c - a0, a1 - c)


def _candidates(units: list[_Unit], height: float, params: SegmentParams) -> list[_Candidate]:
    out = []
    n = len(units)
    for first in range(n):
        u = units[first]
        x0, y0, x1, y1 = u.x0, u.y0, u.x1, u.y1
        cost = 0.0
        for last in range(first, min(n, first + params.max_units)):
            if last > first:
                v = units[last]
                hole = v.x0 - x1
                if hole > params.max_gap * height:
                    break
                cost += params.gap_cost * max(0.0, hole) / height
                x0, y0, x1, y1 = min(x0, v.x0), min(y0, v.y0), max(x1, v.x1), max(y1, v.y1)
                if x1 - x0 > params.max_width * height:
                    break
            out.append(_Candidate(first, last, x0, y0, x1, y1, score=-cost))
    return out


def _shape_score(c: _Candidate, height: float, params: SegmentParams) -> float:
    w, h = (c.x1 - c.x0) / height, (c.y1 - c.y0) / height
    return (params.digit_bonus - params.wide_cost * max(0.0, w - params.wide_from)
            - params.low_cost * max(0.0, params.low_from - h))


def _best_path(cands: list[_Candidate], n: int, height: float, params: SegmentParams,
               logp: list[float]) -> list[_Candidate]:
    """The best split of units 0..n-1 into consecutive candidates (dynamic programme).

    State: the candidate that ends the split so far, so that the overlap between two neighbouring
    digits can be charged."""
    ending: list[list[int]] = [[] for _ in range(n)]
    for k, c in enumerate(cands):
        ending[c.last].append(k)
    best = [-math.inf] * len(cands)
    back = [-1] * len(cands)
    own = [c.score + _shape_score(c, height, params) + lp for c, lp in zip(cands, logp)]
    for k in sorted(range(len(cands)), key=lambda k: cands[k].last):
        c = cands[k]
        if c.first == 0:
            best[k] = own[k]
            continue
        for j in ending[c.first - 1]:
            if best[j] == -math.inf:
                continue
            p = cands[j]
            over = min(p.x1, c.x1) - max(p.x0, c.x0)
            narrow = max(min(p.x1 - p.x0, c.x1 - c.x0), 1e-6)
            s = (best[j] + own[k] - params.overlap_cost * max(0.0, over) / narrow
                 - params.split_depth_cost * max(0.0, _depth(p.x0, p.x1, c.x0, c.x1)) / height)
            if s > best[k]:
                best[k], back[k] = s, j
    finals = [k for k in ending[n - 1] if best[k] > -math.inf]
    k = max(finals, key=lambda k: best[k])
    path = []
    while k >= 0:
        path.append(cands[k])
        k = back[k]
    return path[::-1]


# ------------------------------------------------------------------------------------- reader
_blas = None


def _one_blas_thread():
    """A context that runs BLAS on this thread alone. A batch of a few digits is a matrix
    product that OpenBLAS splits over every core; on a busy machine its second thread may wait a
    whole scheduler slice to run, and a 0.2 ms read takes 10-60 ms (measured: p95 of a 10-digit
    batch 15.7 ms with 2 threads, 4.5 ms with 1, at load average 3.6)."""
    global _blas
    if _blas is None:
        try:
            from threadpoolctl import ThreadpoolController

            _blas = ThreadpoolController()
        except ImportError:  # optional: without it, batches run as NumPy decides
            _blas = False
    if _blas is False:
        return contextlib.nullcontext()
    return _blas.limit(limits=1, user_api="blas")


class NumberReader:
    """Reads numbers with one recognizer; keeps the readings of stroke groups between calls, so
    reading the same drawing again after a mouse move only reads the groups that changed."""

    def __init__(self, recognizer, params: SegmentParams = PARAMS, cache_size: int = 4096):
        self.recognizer = recognizer
        self.params = params
        self.cache_size = cache_size
        self._cache: OrderedDict[tuple, np.ndarray] = OrderedDict()
        self._pinned: dict[tuple, int] = {}
        self.reads = 0  # digits sent to the network, for tests and benchmarks

    # ---- ink
    def read(self, ink: Ink) -> NumberReading:
        """The number in a drawing of digits written left to right."""
        units = _ink_units(ink, self.params)
        if not units:
            return NOTHING
        return self._read_units(units, lambda group: _ink_input(group), is_ink=True, pad=ink.pen_width / 2,
                                limits=(ink.width, ink.height))

    # ---- image
    def read_image(self, image: Image.Image) -> NumberReading:
        """The number in an image (dark ink on light or light on dark); boxes in image pixels."""
        mask, ink, scale = _image_mask(image)
        if mask is None:
            return NOTHING
        units = _image_units(mask, self.params, token=object())  # blobs are this image's alone
        if not units:
            return NOTHING
        reading = self._read_units(units, lambda group: _image_input(ink, group), is_ink=False, pad=0.0,
                                   limits=(image.width, image.height), scale=scale)
        return reading

    # ---- corrections
    def correct(self, reading: NumberReading, index: int, digit: int) -> NumberReading:
        """Say digit ``index`` of ``reading`` is ``digit``; later reads of the same strokes keep it."""
        fixed = reading.with_digit(index, digit)
        if reading.digits[index].group:
            self._pinned[reading.digits[index].group] = int(digit)
        return fixed

    def forget_corrections(self) -> None:
        self._pinned.clear()

    def set_recognizer(self, recognizer) -> None:
        """Read with another network from now on: the cached readings go, a person's corrections stay."""
        self.recognizer = recognizer
        self._cache.clear()

    # ---- the search
    def _read_units(self, units, render, *, is_ink, pad, limits, scale=1.0) -> NumberReading:
        params = self.params
        height = _line_height(units)
        cands = _candidates(units, height, params)
        keys = [tuple(units[i].key for i in range(c.first, c.last + 1)) for c in cands]
        todo = [k for k, key in enumerate(keys) if key not in self._cache]
        if todo:
            batch = np.stack([render(units[cands[k].first:cands[k].last + 1]) for k in todo])
            with _one_blas_thread():
                probs = self.recognizer.probabilities(batch)
            self.reads += len(todo)
            for k, p in zip(todo, probs):
                self._cache[keys[k]] = p
        logp = []
        for c, key in zip(cands, keys):
            p = self._cache[key]
            self._cache.move_to_end(key)
            pinned = self._pinned.get(key)
            if pinned is not None:
                p = np.eye(10, dtype=np.float32)[pinned]
            c.probabilities = p
            logp.append(math.log(max(float(p.max()), 1e-12)))
        while len(self._cache) > self.cache_size:
            self._cache.popitem(last=False)
        path = _best_path(cands, len(units), height, params, logp)
        digits = []
        for c in path:
            group = units[c.first:c.last + 1]
            key = tuple(u.key for u in group)
            p = c.probabilities
            d = int(np.argmax(p))
            strokes = tuple(sorted(u.stroke for u in group)) if is_ink else ()
            w, h = limits
            box = (max(0.0, c.x0 * scale - pad), max(0.0, c.y0 * scale - pad),
                   min(float(w), (c.x1 + 1 if not is_ink else c.x1) * scale + pad),
                   min(float(h), (c.y1 + 1 if not is_ink else c.y1) * scale + pad))
            digits.append(DigitReading(d, float(p[d]), box, strokes, p, corrected=key in self._pinned, group=key))
        return NumberReading.of(digits)


def read_number(ink: Ink, recognizer, params: SegmentParams = PARAMS) -> NumberReading:
    """The number in a drawing (one-off; a :class:`NumberReader` caches between calls)."""
    return NumberReader(recognizer, params).read(ink)


def read_image_number(image: Image.Image, recognizer, params: SegmentParams = PARAMS) -> NumberReading:
    """The number in an image (a photo or scan of a written number)."""
    return NumberReader(recognizer, params).read_image(image)


def group_by_overlap(ink: Ink) -> list[list[int]]:
    """The simple grouping: strokes whose horizontal extents overlap (directly or through another
    stroke) form one digit, left to right. The baseline the search is measured against."""
    spans = sorted((float(s[:, 0].min()), float(s[:, 0].max()), i) for i, s in enumerate(ink.strokes))
    groups: list[list[int]] = []
    right = -math.inf
    for x0, x1, i in spans:
        if groups and x0 <= right:
            groups[-1].append(i)
            right = max(right, x1)
        else:
            groups.append([i])
            right = x1
    return [sorted(g) for g in groups]


# ------------------------------------------------------------------------------------- ink units
def _ink_units(ink: Ink, params: SegmentParams) -> list[_Unit]:
    strokes = ink.strokes
    if not strokes:
        return []
    units = []
    for i, s in enumerate(strokes):
        key = s.tobytes()
        lo, hi = s.min(axis=0), s.max(axis=0)
        units.append(_Unit(key, float(lo[0]), float(lo[1]), float(hi[0]), float(hi[1]), i, s))
    # Left to right by the left edge plus a little of the width: a bar that reaches right over
    # the next digit still sorts with its own digit.
    units.sort(key=lambda u: (u.x0 + 0.25 * (u.x1 - u.x0), u.stroke))
    return units


def _ink_input(group: list[_Unit]) -> np.ndarray:
    return ink_to_input(Ink([u.points for u in group]))


# ------------------------------------------------------------------------------------- image units
WORK_HEIGHT = 96  # the ink is segmented at about this many pixels of digit height


def _image_mask(image: Image.Image):
    """(mask, ink, scale): ink 0..1 and its thresholded mask, shrunk so digits are about
    WORK_HEIGHT px tall; ``scale`` maps back to image pixels. (None, None, 1) for a blank image."""
    ink = ink_intensity(image)
    lo, hi = float(np.percentile(ink, 1)), float(ink.max())
    if hi - lo < BLANK_LEVEL:
        return None, None, 1.0
    ink = np.clip((ink - lo) / (hi - lo), 0.0, 1.0).astype(np.float32)
    rows = np.flatnonzero((ink > 0.25).any(axis=1))
    scale = 1.0
    if len(rows) and rows[-1] - rows[0] + 1 > 2 * WORK_HEIGHT:
        scale = (rows[-1] - rows[0] + 1) / (2 * WORK_HEIGHT)
        h, w = ink.shape
        size = (max(1, round(w / scale)), max(1, round(h / scale)))
        ink = np.asarray(Image.fromarray(ink, mode="F").resize(size, Image.Resampling.BOX), dtype=np.float32)
        scale = w / size[0]
    return ink > 0.35, ink, scale


def _components(mask: np.ndarray) -> list[tuple[np.ndarray, np.ndarray]]:
    """8-connected components of a boolean image as (rows, cols) pixel arrays, by row runs and
    union-find (no SciPy at run time)."""
    h, w = mask.shape
    padded = np.zeros((h, w + 2), dtype=np.int8)
    padded[:, 1:-1] = mask
    d = np.diff(padded, axis=1)
    starts_r, starts_c = np.nonzero(d == 1)
    _, ends_c = np.nonzero(d == -1)  # run covers cols [start, end)
    n = len(starts_r)
    parent = list(range(n))

    def find(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    row_first = np.searchsorted(starts_r, np.arange(h + 1))
    for r in range(1, h):
        a0, a1 = row_first[r - 1], row_first[r]
        b0, b1 = row_first[r], row_first[r + 1]
        i, j = a0, b0
        while i < a1 and j < b1:
            # runs touch (8-connected) if [s, e) ranges overlap when widened by one
            if starts_c[i] <= ends_c[j] and starts_c[j] <= ends_c[i]:
                ri, rj = find(i), find(j)
                if ri != rj:
                    parent[ri] = rj
            if ends_c[i] < ends_c[j]:
                i += 1
            else:
                j += 1
    roots = np.array([find(i) for i in range(n)])
    out = []
    for root in np.unique(roots):
        idx = np.flatnonzero(roots == root)
        rr = np.concatenate([np.full(ends_c[k] - starts_c[k], starts_r[k]) for k in idx])
        cc = np.concatenate([np.arange(starts_c[k], ends_c[k]) for k in idx])
        out.append((rr, cc))
    return out


def _image_units(mask: np.ndarray, params: SegmentParams, token: object) -> list[_Unit]:
    comps = _components(mask)
    if not comps:
        return []
    sizes = np.array([len(r) for r, _ in comps])
    units = []
    for k, (rr, cc) in enumerate(comps):
        if sizes[k] < max(4, 0.02 * sizes.max()):
            continue  # specks of noise
        units.append(_Unit((token, k), float(cc.min()), float(rr.min()), float(cc.max()), float(rr.max()),
                           points=(rr, cc)))
    if not units:
        return []
    height = _line_height(units)
    out = []
    for u in units:
        if u.x1 - u.x0 > params.cut_width * height:
            out.extend(_cut_blob(u, height))
        else:
            out.append(u)
    out.sort(key=lambda u: (u.x0 + 0.25 * (u.x1 - u.x0)))
    return out


def _cut_blob(u: _Unit, height: float) -> list[_Unit]:
    """Pieces of a blob wider than a digit (touching digits), cut at the columns of least ink:
    the local minima of the column counts, at least a fifth of a digit height apart. The search
    then decides which pieces make which digit."""
    rr, cc = u.points
    x0, x1 = int(u.x0), int(u.x1)
    counts = np.bincount(cc - x0, minlength=x1 - x0 + 1).astype(np.float64)
    smooth = np.convolve(counts, np.ones(3) / 3, mode="same")
    spacing = max(2, int(0.2 * height))
    half = max(1, spacing // 2)
    padded = np.pad(smooth, half, mode="edge")
    window_min = np.min(np.lib.stride_tricks.sliding_window_view(padded, 2 * half + 1), axis=1)
    lows = np.flatnonzero((smooth <= window_min) & (smooth < 0.9 * np.median(smooth)))
    cuts: list[int] = []
    for c in lows[np.argsort(smooth[lows], kind="stable")]:
        if spacing <= c <= len(counts) - 1 - spacing and all(abs(c - k) >= spacing for k in cuts):
            cuts.append(int(c))
    if not cuts:
        return [u]
    bounds = [x0] + sorted(x0 + c for c in cuts) + [x1 + 1]
    out = []
    for a, b in zip(bounds[:-1], bounds[1:]):
        sel = (cc >= a) & (cc < b)
        if not sel.any():
            continue
        r, c = rr[sel], cc[sel]
        out.append(_Unit((u.key, a, b), float(c.min()), float(r.min()), float(c.max()), float(r.max()), points=(r, c)))
    return out


def _image_input(ink: np.ndarray, group: list[_Unit]) -> np.ndarray:
    """One digit of an image as the network's input: its blobs' ink alone on a dark sheet, through
    :func:`image_to_input` (crop, fit 20x20, centre of mass)."""
    rr = np.concatenate([u.points[0] for u in group])
    cc = np.concatenate([u.points[1] for u in group])
    r0, c0 = rr.min(), cc.min()
    sheet = np.zeros((rr.max() - r0 + 5, cc.max() - c0 + 5), dtype=np.float32)
    sheet[rr - r0 + 2, cc - c0 + 2] = ink[rr, cc]
    x = image_to_input(Image.fromarray((sheet * 255.0 + 0.5).astype(np.uint8), mode="L"))
    return x if x is not None else np.zeros((28, 28), dtype=np.float32)
