"""Leave-one-source-out: the folds a recipe is judged by, and the families of digits each fold reads.

DigitPad is judged on writers who appear nowhere in its data, by family (device, country,
collection), and the worst family counts. A recipe is therefore trained once per :data:`FOLDS`
entry, each time without one whole source, and judged on that source alone:

- each group of UNIPEN labs in :data:`UNIPEN_GROUPS` (a writer belongs to one lab, so no writer
  is ever on both sides; the check labs tos+imp are one group);
- the UCI pen-digit writers (``pendigits.tra``): the file does not give its writers back, so the
  whole source is held out, in the check labs' fold;
- MNIST: the held-out split of the benchmarks, never trained on by any fold;
- each catalogue style (:mod:`model.data.styles`) is never drawn into one fold's training, and is
  judged there on that fold's held-out writers' digits.

:func:`families` makes the digits each fold is judged on from its held-out writers: their digits
as drawn (a tablet with a stylus), the same digits in the pen-digit files' format, two proxies for
families we cannot see (German writers on a tablet that shows no ink; Italian writers with a
finger on a phone), and every catalogue style. The proxies are built from UNIPEN's American
and European tablet writers with the other family's styles and unsteadiness: stand-ins, not the
real thing.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from ..ink import Ink
from . import styles
from .drawn import CHECK_LABS, Drawn

__all__ = ["FOLDS", "UNIPEN_GROUPS", "Fold", "families", "pen_format", "split", "unsighted"]

# UNIPEN's 11 labs in 5 groups of 800-2,000 digits each (a lab's writers stay together).
UNIPEN_GROUPS: dict[str, tuple[str, ...]] = {
    "apb": ("apb",),
    "ced+cea+ceb+lou": ("ced", "cea", "ceb", "lou"),
    "ibm+pri": ("ibm", "pri"),
    "app+art": ("app", "art"),
    "+".join(CHECK_LABS): CHECK_LABS,
}


@dataclass(frozen=True)
class Fold:
    """One leave-one-source-out round: ``labs`` (a UNIPEN group) are held out, the pen-digit
    source too when ``pendigits``, and the catalogue ``styles`` are never drawn into training."""

    name: str
    labs: tuple[str, ...]
    pendigits: bool = False
    styles: tuple[str, ...] = ()


FOLDS: tuple[Fold, ...] = (
    Fold("apb", UNIPEN_GROUPS["apb"], styles=(
        "one_long_flag", "seven_crossed", "seven_one_stroke", "four_one_stroke", "zero_slashed", "nine_curved")),
    Fold("ced+cea+ceb+lou", UNIPEN_GROUPS["ced+cea+ceb+lou"], styles=(
        "one_short_flag", "seven_hooked", "four_open", "zero_dotted")),
    Fold("ibm+pri", UNIPEN_GROUPS["ibm+pri"], styles=(
        "one_flag_foot", "seven_curved", "four_closed", "nine_straight")),
    Fold("app+art", UNIPEN_GROUPS["app+art"], styles=("one_serifs", "five_one_stroke", "two_loop")),
    Fold("+".join(CHECK_LABS), CHECK_LABS, pendigits=True, styles=("three_flat", "eight_circles")),
)


def split(corpus: Drawn, fold: Fold) -> tuple[Drawn, Drawn]:
    """(training, held out) for ``fold``: held out are the digits of the fold's labs (whole
    writers) and, when the fold holds it out, the whole pen-digit source."""
    labs = corpus.labs
    held = np.isin(labs, fold.labs) | ((labs == "pendigits") & fold.pendigits)
    return (corpus.take(~held, f"{corpus.name}, without {fold.name}"),
            corpus.take(held, f"{corpus.name}, {fold.name}"))


def pen_format(drawn: Drawn, seed: int = 0) -> Drawn:
    """The digits as the UCI pen-digit files store a digit (strokes joined, 8 points at equal arc
    length, each axis scaled on its own) drawn as :mod:`model.data.pendigits` draws them."""
    from . import pendigits

    rng = np.random.default_rng(seed)
    inks = tuple(pendigits.to_ink(pendigits.from_ink(ink), rng) for ink in drawn.inks)
    return Drawn(inks, drawn.labels, drawn.writers, f"{drawn.name} in the pen-digit format")


def unsighted(ink: Ink, rng: np.random.Generator, amount: float = 1.0) -> Ink:
    """The drawing as a writer who cannot see their ink (a tablet without a screen, a mouse)
    draws it: each stroke a little off where it belongs (shifted by up to 6% of the digit's
    height, turned by up to 6 degrees) and wobbling."""
    pts = ink.points()
    h = max(float(np.ptp(pts[:, 1])), float(np.ptp(pts[:, 0])), 1.0)
    out = []
    for s in ink.strokes:
        c = s.mean(axis=0)
        t = rng.uniform(-0.1, 0.1) * amount
        m = np.array([[math.cos(t), -math.sin(t)], [math.sin(t), math.cos(t)]])
        s = (s - c) @ m.T + c + rng.uniform(-0.06, 0.06, 2) * amount * h if len(ink.strokes) > 1 else s
        out.append(styles.wobble(styles.resample(s, max(len(s), 24)), rng, 0.03 * amount * h))
    return styles.inside_canvas(Ink(out, ink.width, ink.height, ink.pen_width))


def _restyle(drawn: Drawn, by_digit: dict, seed: int, sighted: bool, name: str) -> Drawn:
    rng = np.random.default_rng(seed)
    inks = []
    for ink, label in zip(drawn.inks, drawn.labels.tolist()):
        choices = by_digit.get(label)
        if choices:
            choice = choices[int(rng.integers(len(choices)))]
            ink = choice(ink, rng) if callable(choice) else styles.apply(choice, ink, rng)
        inks.append(ink if sighted else unsighted(ink, rng))
    return Drawn(tuple(inks), drawn.labels, drawn.writers, f"{drawn.name}, {name}")


def _german_one(ink: Ink, rng: np.random.Generator) -> Ink:
    """A German 1: a long flag from about half the height at 30-50 degrees."""
    return styles.one_flagged(ink, rng, (0.4, 0.55), (30.0, 50.0))


# Two families we cannot see, as issue 20 describes them: German writers (a long-flag 1, a crossed
# 7) on a tablet that shows no ink; Italian writers with a finger on a phone (a crossed 7, a 1 with
# a flag and a foot, an open 4 in one stroke).
GERMAN = {1: (_german_one,), 7: ("seven_crossed",)}
ITALIAN_PHONE = {1: ("one_flag_foot",), 7: ("seven_crossed", "seven_one_stroke"), 4: ("four_one_stroke",)}


def families(held: Drawn, fold: Fold, seed: int = 0) -> dict[str, Drawn]:
    """The digits ``fold``'s model is judged on, by family name, all from ``held`` (its held-out
    digits): "tablet" (UNIPEN as drawn), "pendigits" (the held-out pen-digit source, as its file
    has it), "pen format" (UNIPEN in the pen-digit format), "German-like", "phone-like", and
    "style <name>" for every catalogue style (the held-out digits of its digit drawn in it)."""
    pen_source = held.labs == "pendigits"
    tablet = held.take(~pen_source, f"tablet {fold.name}")
    seed = int(seed) * 1000 + FOLDS.index(fold) if fold in FOLDS else int(seed) * 1000 + 999
    out = {"tablet": tablet}
    if pen_source.any():
        out["pendigits"] = held.take(pen_source, "pendigits.tra")
    out["pen format"] = pen_format(tablet, seed)
    out["German-like"] = _restyle(tablet, GERMAN, seed + 1, sighted=False, name="German-like")
    out["phone-like"] = _restyle(tablet, ITALIAN_PHONE, seed + 2, sighted=True, name="phone-like")
    for k, style in enumerate(styles.STYLES):
        base = tablet.take(tablet.labels == style.digit)
        rng = np.random.default_rng([seed, 3, k])
        out[f"style {style.name}"] = Drawn(tuple(style.make(ink, rng) for ink in base.inks), base.labels,
                                           base.writers, style.title)
    return out
