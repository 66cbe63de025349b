"""Digits people drew with a pen, as DigitPad ink: read, split by writer, render, ship.

Two sources (both CC BY 4.0, see assets/data/README.md):

- UNIPEN (train_r01_v07, category 1a): isolated digits drawn with a stylus on tablets, one JSON
  object per line (``label``, ``writer`` = "lab/name", ``quality``, and the strokes of an ink on a
  280x280 canvas). Real stroke order, pen-ups and point density.
- pendigits (UCI): 8 points per digit resampled along the pen path, pen-ups lost. The file's order
  does not give the writers back (tools/make_drawn_corpus.py shows why), so these digits are
  training-only: their writer is unknown ("").

A writer's digits are either all in training or all in validation: :func:`split_by_writer`.
The labs in :data:`CHECK_LABS` are the permanent check set: nothing trains or tunes on them.

Everything reaches the network through exactly the canvas's preprocessing
(:func:`model.preprocess.ink_to_input`); :func:`render` may first distort the ink the way people's
writing varies (slant, aspect, rotation) and vary the preprocessing's pen width.

The shipped corpus (``assets/data/drawn-digits.npz``, built by tools/make_drawn_corpus.py) holds
the UNIPEN digits, each ink's strokes as uint8 points: the ink scaled so its bounding box's longer
side spans 0..255, which the preprocessing (crop, scale to 20 px) makes exact to 0.04 pixel.
"""
from __future__ import annotations

import gzip
import json
import math
import os
import zipfile
import zlib
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from ..errors import ConfigError
from ..ink import Ink, InkError
from ..store.card import ExtraData
from .common import DataError
from .styles import FLAG_ANGLE, FLAG_LENGTH, with_bar, with_flag, with_foot, with_slash

__all__ = [
    "CHECK_LABS",
    "CORPUS_FILE",
    "Drawn",
    "DrawnDataError",
    "DrawnMix",
    "FLAG_ANGLE",
    "FLAG_LENGTH",
    "Jitter",
    "check_split",
    "corpus_path",
    "load_corpus",
    "read_pendigits",
    "read_unipen",
    "render",
    "render_mix",
    "save_corpus",
    "shipped_corpus",
    "split_by_writer",
    "training_mix",
    "tuning_split",
    "with_bar",
    "with_flag",
    "with_foot",
    "with_slash",
]

# The permanent check set: UNIPEN's labs tos and imp (800 digits, 91 writers, quality "OK").
# Never train on them, never tune on them; they are the shipped corpus's held-out part.
CHECK_LABS = ("tos", "imp")
CORPUS_FILE = "drawn-digits.npz"
CORPUS_FORMAT = "digitpad-drawn"
CORPUS_VERSION = 1
# The writer-level split of the other UNIPEN writers that recipes are chosen on: in every lab,
# this fraction of its writers (rounded, so a lab of one writer stays in training) is validation.
TUNE_FRACTION = 0.25
TUNE_SEED = 11
CANVAS = 280
PEN = 18.0
_Q = 255.0  # quantisation: the longer side of an ink's bounding box spans 0.._Q


class DrawnDataError(DataError):
    """Drawn digits that cannot be read; the message names the file (and line) and what to do."""
    title = "Cannot read the drawn digits"


@dataclass(frozen=True, eq=False)
class Drawn:
    """Labelled inks and who drew them. ``writers`` are "lab/name" ("" = unknown writer)."""

    inks: tuple[Ink, ...]
    labels: np.ndarray  # uint8 (n,)
    writers: np.ndarray  # str (n,)
    name: str = "drawn digits"

    def __len__(self) -> int:
        return len(self.labels)

    def __repr__(self) -> str:
        return f"Drawn({self.name!r}: {self.describe()})"

    @property
    def labs(self) -> np.ndarray:
        """The lab of each digit ("pendigits" for unknown writers)."""
        return np.array([w.split("/", 1)[0] if w else "pendigits" for w in self.writers.tolist()])

    def take(self, index, name: str | None = None) -> Drawn:
        """The digits at ``index`` (indices or a boolean mask), in that order."""
        index = np.asarray(index)
        if index.dtype == bool:
            index = np.flatnonzero(index)
        return Drawn(tuple(self.inks[i] for i in index.tolist()), self.labels[index], self.writers[index],
                     name or self.name)

    def __add__(self, other: Drawn) -> Drawn:
        return Drawn(self.inks + other.inks, np.concatenate([self.labels, other.labels]),
                     np.concatenate([self.writers, other.writers]), f"{self.name} + {other.name}")

    def describe(self) -> str:
        """"6,294 digits, 128 writers" (and "and 7,494 pen-digit trajectories" when it holds them)."""
        pen = self.labs == "pendigits"
        if pen.any():
            tablet = self.take(~pen).describe() if (~pen).any() else ""
            return (f"{tablet} and " if tablet else "") + f"{int(pen.sum()):,} pen-digit trajectories"
        known = {w for w in self.writers.tolist() if w}
        unknown = int(np.sum(self.writers == ""))
        who = f"{len(known)} writers" + (f" and {unknown:,} of unknown writers" if unknown else "")
        return f"{len(self):,} digits, {who}"


# --- reading the sources --------------------------------------------------------------------------

def read_unipen(path: str | os.PathLike) -> Drawn:
    """The UNIPEN JSON-lines file (gzip-compressed or plain): one ink per line.

    A line that is not a labelled ink raises :class:`DrawnDataError` naming the file and line.
    """
    path = Path(path)
    inks, labels, writers = [], [], []
    try:
        with path.open("rb") as f:
            gz = f.read(2) == b"\x1f\x8b"
        opener = gzip.open if gz else open
        with opener(path, "rt", encoding="utf-8") as f:
            lineno = 0
            for lineno, line in enumerate(f, 1):
                if not line.strip():
                    continue
                ink, label, writer = _unipen_line(line, f"{path}, line {lineno}")
                inks.append(ink)
                labels.append(label)
                writers.append(writer)
    except FileNotFoundError:
        raise DrawnDataError(f"{path}: no such file. Pass the UNIPEN digits file"
                             " (unipen-dev.jsonl.gz).") from None
    except (OSError, EOFError, zlib.error, UnicodeDecodeError) as e:
        where = f", after line {lineno}" if "lineno" in locals() and lineno else ""
        raise DrawnDataError(f"{path}{where}: cannot read it ({e}). The file is damaged or"
                             " truncated: copy it again.") from e
    if not labels:
        raise DrawnDataError(f"{path}: holds no digits. Pass the UNIPEN digits file (one JSON"
                             " object per line).")
    return Drawn(tuple(inks), np.array(labels, np.uint8), np.array(writers), f"UNIPEN ({path.name})")


def _unipen_line(line: str, where: str) -> tuple[Ink, int, str]:
    fix = "Fix or delete that line, or copy the file again."
    try:
        row = json.loads(line)
    except (json.JSONDecodeError, RecursionError) as e:
        msg = getattr(e, "msg", "nested too deeply")
        raise DrawnDataError(f"{where}: not valid JSON ({msg}). {fix}") from None
    if not isinstance(row, dict):
        raise DrawnDataError(f"{where}: expected a JSON object with label, writer and strokes. {fix}")
    label = row.get("label")
    if isinstance(label, bool) or not isinstance(label, int) or not 0 <= label <= 9:
        raise DrawnDataError(f"{where}: label {label!r} is not a digit 0-9. {fix}")
    writer = row.get("writer")
    if not isinstance(writer, str) or "/" not in writer:
        raise DrawnDataError(f"{where}: writer {writer!r} is not \"lab/name\". {fix}")
    try:
        ink = Ink.from_dict({"format": "digitpad-ink", "version": 1, **row}, where)
    except InkError as e:
        raise DrawnDataError(f"{e} {fix}") from None
    if ink.is_empty:
        raise DrawnDataError(f"{where}: the ink has no strokes. {fix}")
    return ink, label, writer


def read_pendigits(path: str | os.PathLike) -> Drawn:
    """The UCI pen trajectories as one smooth stroke each (writers unknown: training only)."""
    from .pendigits import PendigitsError, read

    try:
        pts, labels = read(path)
    except PendigitsError as e:
        raise DrawnDataError(str(e)) from None
    inks = tuple(_pen_ink(p) for p in pts)
    return Drawn(inks, labels, np.full(len(labels), "", dtype="<U1"), f"pendigits ({Path(path).name})")


def _pen_ink(points: np.ndarray) -> Ink:
    from .pendigits import catmull_rom

    return _placed([catmull_rom(points)])


def _placed(strokes: list[np.ndarray]) -> Ink:
    """Strokes (any scale) laid on the 280x280 canvas, the longer side spanning 200 px, centred."""
    pts = np.concatenate(strokes)
    lo, hi = pts.min(axis=0), pts.max(axis=0)
    extent = float(max(hi - lo)) or 1.0
    scale = 200.0 / extent
    offset = CANVAS / 2.0 - (lo + hi) / 2.0 * scale
    return Ink([s * scale + offset for s in strokes], CANVAS, CANVAS, PEN)


# --- splitting by writer --------------------------------------------------------------------------

def split_by_writer(drawn: Drawn, fraction: float, seed: int) -> tuple[Drawn, Drawn]:
    """(training, validation): in each lab, ``round(fraction * its writers)`` whole writers go to
    validation. Digits of unknown writers always stay in training."""
    if not 0.0 < fraction < 1.0:
        raise ValueError(f"fraction must be between 0 and 1, not {fraction}")
    rng = np.random.default_rng(seed)
    held = set()
    labs = drawn.labs
    for lab in sorted(set(labs.tolist())):
        names = sorted({w for w in drawn.writers[labs == lab].tolist() if w})
        take = round(fraction * len(names))
        held.update(np.array(names)[rng.permutation(len(names))[:take]].tolist() if take else [])
    mask = np.isin(drawn.writers, sorted(held)) if held else np.zeros(len(drawn), bool)
    return drawn.take(~mask, f"{drawn.name}, training writers"), drawn.take(mask, f"{drawn.name}, held-out writers")


def check_split(drawn: Drawn) -> tuple[Drawn, Drawn]:
    """(everything else, the check labs' digits)."""
    check = np.isin(drawn.labs, CHECK_LABS)
    return drawn.take(~check, drawn.name), drawn.take(check, f"{drawn.name}, check labs {'+'.join(CHECK_LABS)}")


def tuning_split(drawn: Drawn) -> tuple[Drawn, Drawn]:
    """(training, tuning validation) among the writers outside the check labs."""
    rest, _ = check_split(drawn)
    return split_by_writer(rest, TUNE_FRACTION, TUNE_SEED)


# --- rendering ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Jitter:
    """Random per-copy distortions of an ink before the preprocessing, each uniform in +-range:
    ``stroke`` (log of the preprocessing's pen width), ``slant`` (shear: the top of the digit
    moves sideways by slant times its height), ``aspect`` (log of the width's scale), ``rotate``
    (radians). All zero: the ink as drawn. The ranges people's writing spans; the preprocessing
    then crops and scales as for any drawing.

    Ways of writing that UNIPEN's (mostly American) writers rarely use are drawn into some
    copies: ``styles``, the share of the copies of a digit drawn in one of its catalogue styles
    (:mod:`model.data.styles`, chosen at random; ``skip`` names styles never drawn), and the two
    single styles of issue 11: ``flag``, the share of 1s given a flag, and ``slash``, the share
    of 0s struck through. ``pen`` is the share of copies drawn as the UCI pen-digit files store a
    digit (strokes joined, 8 points, each axis scaled on its own: :func:`model.data.pendigits.from_ink`);
    digits of the pen-digit source are always drawn so."""

    stroke: float = 0.0
    slant: float = 0.0
    aspect: float = 0.0
    rotate: float = 0.0
    flag: float = 0.0
    slash: float = 0.0
    styles: float = 0.0
    pen: float = 0.0
    skip: tuple[str, ...] = ()

    @property
    def none(self) -> bool:
        return not (self.stroke or self.slant or self.aspect or self.rotate or self.flag or self.slash
                    or self.styles or self.pen)

    def scaled(self, factor: float) -> Jitter:
        """Every range times ``factor``; 0: no distortion and no added styles (the digits as drawn)."""
        if not (0.0 <= factor <= 5.0):
            raise ConfigError(f"drawn_jitter: {factor!r} must be a number from 0 (the digits as drawn) to 5.",
                              field="drawn_jitter")
        if not factor:
            return Jitter()
        return replace(self, stroke=self.stroke * factor, slant=self.slant * factor, aspect=self.aspect * factor,
                       rotate=self.rotate * factor)


def render(drawn: Drawn, reps: int = 1, seed: int = 0, jitter: Jitter = Jitter(),
           should_stop=None) -> tuple[np.ndarray, np.ndarray]:
    """Every ink ``reps`` times through the canvas's preprocessing: uint8 (n * reps, 28, 28)
    white-on-black digits and their labels. Copy r of every ink comes before copy r + 1.

    ``should_stop``, if given, is called every few hundred inks; when it returns True rendering
    stops with :class:`model.errors.Cancelled`."""
    from ..errors import Cancelled
    from ..preprocess import STROKE, ink_to_input

    rng = np.random.default_rng(seed)
    old = np.random.default_rng([seed, 1])  # their own streams: adding a style leaves the others' draws alone
    new = np.random.default_rng([seed, 2])
    catalogue = _catalogue(jitter)
    pen_source = drawn.labs == "pendigits"
    out = np.zeros((reps * len(drawn), 28, 28), dtype=np.uint8)
    k = 0
    for _ in range(reps):
        for i, (ink, label) in enumerate(zip(drawn.inks, drawn.labels.tolist())):
            if should_stop is not None and k % 256 == 0 and should_stop():
                raise Cancelled()
            stroke = STROKE
            if not jitter.none:
                stroke *= math.exp(rng.uniform(-jitter.stroke, jitter.stroke))
                ink = _styled(ink, label, jitter, old, new, catalogue)
                ink = _distort(ink, rng, jitter)
                if pen_source[i] or (jitter.pen and new.random() < jitter.pen):
                    ink = _pen_format(ink)
            x = ink_to_input(ink, stroke=stroke)
            if x is not None:
                np.clip(x * 255.0 + 0.5, 0, 255, out=x)
                out[k] = x
            k += 1
    return out, np.tile(drawn.labels, reps)


def _catalogue(jitter: Jitter) -> dict[int, list]:
    """digit -> the catalogue's styles render draws its copies in (none when ``jitter.styles`` is 0)."""
    from . import styles

    if not jitter.styles:
        return {}
    found = {d: [s for s in styles.by_digit(d, plain=False) if s.name not in jitter.skip] for d in range(10)}
    return {d: found[d] for d in range(10) if found[d]}


def _styled(ink: Ink, label: int, jitter: Jitter, old, new, catalogue) -> Ink:
    from .styles import FLAG_ANGLE, FLAG_LENGTH, with_flag, with_slash

    if label == 1 and jitter.flag and old.random() < jitter.flag:
        ink = with_flag(ink, old.uniform(*FLAG_LENGTH), math.radians(old.uniform(*FLAG_ANGLE)),
                        joined=old.random() < 0.5)
    elif label == 0 and jitter.slash and old.random() < jitter.slash:
        ink = with_slash(ink, old.uniform(0.0, 0.15), old.uniform(-0.15, 0.15))
    choices = catalogue.get(label)
    if choices and new.random() < jitter.styles:
        ink = choices[int(new.integers(len(choices)))].make(ink, new)
    return ink


def _pen_format(ink: Ink) -> Ink:
    """The ink as a digit of the UCI pen-digit files is drawn (pendigits.from_ink, Catmull-Rom)."""
    from .pendigits import catmull_rom, from_ink

    return _placed([catmull_rom(from_ink(ink))])


def _distort(ink: Ink, rng: np.random.Generator, j: Jitter) -> Ink:
    """The ink under a random linear map: rotation @ slant @ aspect (y down: a positive slant
    moves the top of the digit to the right, like right-leaning handwriting)."""
    a = math.exp(rng.uniform(-j.aspect, j.aspect))
    s = rng.uniform(-j.slant, j.slant)
    t = rng.uniform(-j.rotate, j.rotate)
    c, n = math.cos(t), math.sin(t)
    # x' = a*x - s*y (top, i.e. small y, moves right for s > 0), y' = y; then rotate.
    m = np.array([[c, -n], [n, c]]) @ np.array([[a, -s], [0.0, 1.0]])
    return Ink([pts @ m.T for pts in ink.strokes], ink.width, ink.height, ink.pen_width)


# --- the shipped corpus ---------------------------------------------------------------------------

def save_corpus(path: str | os.PathLike, drawn: Drawn) -> None:
    """Write ``drawn`` as a compact .npz (see the module docstring), atomically."""
    points, sizes, counts = [], [], []
    for ink in drawn.inks:
        allpts = ink.points()
        lo = allpts.min(axis=0)
        extent = float(max(allpts.max(axis=0) - lo)) or 1.0
        for s in ink.strokes:
            q = np.rint((s - lo) * (_Q / extent))
            # A repeated point adds nothing to the drawing (the canvas never records one).
            keep = np.ones(len(q), bool)
            keep[1:] = (q[1:] != q[:-1]).any(axis=1)
            q = q[keep]
            points.append(q.astype(np.uint8))
            sizes.append(len(q))
        counts.append(len(ink.strokes))
    names, writer_index = np.unique(drawn.writers, return_inverse=True)
    arrays = {
        "format": np.array(CORPUS_FORMAT), "version": np.array(CORPUS_VERSION),
        "points": np.concatenate(points), "stroke_sizes": np.array(sizes, np.uint16),
        "ink_strokes": np.array(counts, np.uint8), "labels": np.asarray(drawn.labels, np.uint8),
        "writer": writer_index.astype(np.uint16), "writer_names": names.astype(str),
        "name": np.array(drawn.name),
    }
    path = Path(path)
    tmp = path.with_name(f".{path.name}.tmp")
    with open(tmp, "wb") as f:
        np.savez_compressed(f, **arrays)
    os.replace(tmp, path)


def load_corpus(path: str | os.PathLike) -> Drawn:
    """Read a corpus written by :func:`save_corpus`."""
    path = Path(path)
    redo = "Reinstall DigitPad, or rebuild it with tools/make_drawn_corpus.py."
    try:
        with np.load(path, allow_pickle=False) as npz:
            a = {k: npz[k] for k in npz.files}
    except FileNotFoundError:
        raise DrawnDataError(f"{path}: the drawn-digit corpus is missing. {redo}") from None
    except (OSError, ValueError, EOFError, zlib.error, zipfile.BadZipFile) as e:
        raise DrawnDataError(f"{path}: cannot read the drawn-digit corpus ({e}). {redo}") from e
    need = ("format", "version", "points", "stroke_sizes", "ink_strokes", "labels", "writer", "writer_names")
    missing = [k for k in need if k not in a]
    if missing or str(a["format"]) != CORPUS_FORMAT or int(a["version"]) != CORPUS_VERSION:
        raise DrawnDataError(f"{path}: not a DigitPad drawn-digit corpus of version {CORPUS_VERSION}"
                             f"{' (missing ' + ', '.join(missing) + ')' if missing else ''}. {redo}")
    sizes, counts, n = a["stroke_sizes"].astype(np.int64), a["ink_strokes"].astype(np.int64), len(a["labels"])
    if (len(counts) != n or len(a["writer"]) != n or counts.sum() != len(sizes)
            or sizes.sum() != len(a["points"]) or (sizes < 1).any() or (counts < 1).any()
            or (n and a["writer"].max() >= len(a["writer_names"])) or (a["labels"] > 9).any()):
        raise DrawnDataError(f"{path}: the drawn-digit corpus is inconsistent (its arrays do not fit"
                             f" together). {redo}")
    strokes = np.split(a["points"].astype(np.float64), np.cumsum(sizes)[:-1]) if len(sizes) else []
    inks, first = [], 0
    for end in np.cumsum(counts).tolist():
        inks.append(_placed(strokes[first:end]))
        first = end
    writers = a["writer_names"][a["writer"]] if n else np.zeros(0, str)
    return Drawn(tuple(inks), a["labels"].astype(np.uint8), writers.astype(str), str(a.get("name", path.name)))


def corpus_path() -> Path:
    from ..paths import assets_dir

    return assets_dir() / "data" / CORPUS_FILE


_SHIPPED: dict = {}


def shipped_corpus() -> Drawn:
    """The corpus shipped with DigitPad (loaded once per process)."""
    path = corpus_path()
    key = (str(path), path.stat().st_mtime_ns if path.exists() else None)
    if key not in _SHIPPED:
        _SHIPPED.clear()
        _SHIPPED[key] = load_corpus(path)
    return _SHIPPED[key]


# --- what training uses -------------------------------------------------------------------------

# How the shipped corpus's training part is rendered for training: its tablet digits MIX_REPS
# times, its pen-digit trajectories MIX_PEN_REPS times, distorted as people's writing varies, a
# share of the copies in the catalogue's styles and in the pen-digit format (how each was chosen:
# docs/drawn-experiments.md, by bench_families.py).
MIX_REPS = 2
MIX_PEN_REPS = 1
MIX_JITTER = Jitter(stroke=0.2, slant=0.3, aspect=0.2, rotate=0.1, styles=0.5, pen=0.2)


@dataclass(frozen=True, eq=False)
class DrawnMix:
    """Drawn digits ready for a Trainer: ``extra=(x_train, y_train)`` and
    ``drawn_test=(x_heldout, y_heldout)`` (writers the training never sees)."""

    x_train: np.ndarray
    y_train: np.ndarray
    x_heldout: np.ndarray
    y_heldout: np.ndarray
    description: str  # what a model card records as the drawn part of its data
    heldout_description: str
    card_extra: ExtraData  # the same, as the card's DataSpec records it

    @property
    def extra(self) -> tuple[np.ndarray, np.ndarray]:
        return self.x_train, self.y_train

    @property
    def heldout(self) -> tuple[np.ndarray, np.ndarray]:
        return self.x_heldout, self.y_heldout


def training_mix(corpus: Drawn | None = None, *, seed: int = 0, reps: int = MIX_REPS,
                 jitter: Jitter = MIX_JITTER, pen_reps: int = MIX_PEN_REPS, should_stop=None) -> DrawnMix:
    """The shipped corpus (or ``corpus``) as training digits (everything but the check labs: the
    tablet digits rendered ``reps`` times, the pen-digit trajectories ``pen_reps`` times) and
    held-out digits (the check labs, rendered as drawn)."""
    for name, n, lo in (("drawn_reps", reps, 1), ("drawn_pen_reps", pen_reps, 0)):
        if isinstance(n, bool) or not isinstance(n, int) or not lo <= n <= 50:
            raise ConfigError(f"{name}: {n!r} must be a whole number from {lo} to 50.", field=name)
    source = str(corpus_path()) if corpus is None else None
    corpus = shipped_corpus() if corpus is None else corpus
    train, held = check_split(corpus)
    x, y = render_mix(train, reps, pen_reps, seed, jitter, should_stop)
    xh, yh = render(held, should_stop=should_stop)
    pen = train.labs == "pendigits"
    what = _mix_description(train.take(~pen), train.take(pen), reps, pen_reps, jitter)
    description = f"drawn digits shipped with DigitPad: {what}"
    return DrawnMix(
        x, y, xh, yh, description,
        f"{held.describe()} (UNIPEN labs {', '.join(CHECK_LABS)}, never trained on)",
        ExtraData(kind="drawn", name=description, source=source, reps=reps, n=len(y)),
    )


def render_mix(train: Drawn, reps: int, pen_reps: int, seed: int, jitter: Jitter,
               should_stop=None) -> tuple[np.ndarray, np.ndarray]:
    """Training digits of ``train``: its tablet digits ``reps`` times, then its pen-digit
    trajectories ``pen_reps`` times (with their own random draws), all under ``jitter``."""
    pen = train.labs == "pendigits"
    parts = []
    if reps and (~pen).any():
        parts.append(render(train.take(~pen), reps, seed, jitter, should_stop))
    if pen_reps and pen.any():
        parts.append(render(train.take(pen), pen_reps, seed + 7, jitter, should_stop))
    if not parts:
        return np.zeros((0, 28, 28), np.uint8), np.zeros(0, np.uint8)
    return np.concatenate([p[0] for p in parts]), np.concatenate([p[1] for p in parts])


def _mix_description(tablet: Drawn, trajectories: Drawn, reps: int, pen_reps: int, jitter: Jitter) -> str:
    def times(n: int) -> str:
        return "once" if n == 1 else f"{n} times"

    text = f"{tablet.describe()}" + (f", each drawn {times(reps)}" if reps > 1 else "")
    if len(trajectories):
        text += (f"; {len(trajectories):,} UCI pen-digit trajectories, each drawn {times(pen_reps)}" if pen_reps
                 else f"; not its {len(trajectories):,} UCI pen-digit trajectories")
    if jitter.none:
        return text + "; as drawn"
    if jitter != MIX_JITTER:
        text += (f" (distorted: pen {jitter.stroke:g}, slant {jitter.slant:g}, aspect {jitter.aspect:g},"
                 f" rotation {jitter.rotate:g})")
    if jitter.styles:
        text += f"; {jitter.styles:.0%} of the copies in the catalogue's writing styles"
    if jitter.pen:
        text += f"; {jitter.pen:.0%} of the tablet copies in the pen-digit format"
    if jitter.flag or jitter.slash:
        text += f"; {jitter.flag:.0%} of the 1s given a flag and {jitter.slash:.0%} of the 0s slashed"
    return text
