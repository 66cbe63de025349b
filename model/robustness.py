"""Where a model fails: accuracy as MNIST-like digits are made harder in four ways (NumPy + Pillow).

Each perturbation has ``levels`` strengths (8 by default), from "unchanged" to "hard":

==========  ====================================================================================
noise       Gaussian noise added to the 0..1 pixels, sigma 0 .. 0.6, then clipped to 0..1.
rotation    rotation about the image centre by 0 .. 45 degrees, clockwise or anticlockwise (a
            random sign per digit), bilinear interpolation.
thickness   stroke width changed by -3 .. +4 px (1 px steps): grey erosion (thinner) or dilation
            (thicker). One step of erosion/dilation moves every edge by 1 px, so changes the width
            by 2 px; odd widths blend halfway to the next step. Steps alternate a 3x3 cross and a
            3x3 square, the usual octagonal approximation of a disc. The unchanged level is in the
            middle (value 0; index 3 of 8), thinner to its left, thicker to its right.
shift       translation by 0 .. 7 px in a random direction per digit, rounded to whole pixels (so
            no interpolation blur mixes in) and *not* re-centred, as a digit drawn off-centre
            would be if the app did not centre it.
==========  ====================================================================================

The randomness (noise pattern, rotation sign, shift direction) is drawn once per digit from
``seed``: every level perturbs the same digit the same way, only harder, and two models measured
with the same seed see exactly the same images. The unchanged level of every perturbation is
the plain evaluation of the digits (:func:`model.evaluation.evaluate`), bit for bit.

:func:`curves` gives a JSON-friendly ``{perturbation: {"levels": [...], "accuracy": [...]}}``;
:func:`format_table` prints it; ``app/robustness_chart.py`` draws it as a PNG for both front ends.
"""
from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from .errors import Cancelled
from .evaluation import evaluate
from .recognizer import Recognizer
from .store.card import ModelCard

PERTURBATIONS = ("noise", "rotation", "thickness", "shift")
LEVELS = 8
BATCH = 4096


@dataclass(frozen=True)
class PerturbationInfo:
    key: str
    title: str  # a chart's title
    axis: str  # the x axis: what a level's value measures
    fmt: str  # how a level's value is printed


INFO = {
    "noise": PerturbationInfo("noise", "Gaussian noise", "noise sigma (pixels 0..1)", "{:.2f}"),
    "rotation": PerturbationInfo("rotation", "Rotation (±)", "rotation (degrees, either way)", "{:.0f}°"),
    "thickness": PerturbationInfo("thickness", "Stroke thickness", "stroke width change (px)", "{:+.0f}"),
    "shift": PerturbationInfo("shift", "Shift off-centre", "shift (px, random direction)", "{:.0f}"),
}
NOISE_MAX = 0.6
ROTATION_MAX = 45.0
SHIFT_MAX = 7.0
THINNER, THICKER = -3.0, 4.0  # stroke width change in px at the two ends


def format_level(name: str, value: float) -> str:
    """A level's value as charts and tables print it, e.g. ``0.26``, ``19°``, ``+2``, ``5``."""
    info = INFO.get(name)
    if info is None:
        return f"{value:g}"
    if name == "thickness" and value == 0:
        return "0"
    return info.fmt.format(value)


def level_values(name: str, levels: int = LEVELS) -> np.ndarray:
    """The strengths of a perturbation's levels (float64); exactly one of them is 0.0."""
    if name not in INFO:
        raise ValueError(f"unknown perturbation {name!r}; choose from {', '.join(PERTURBATIONS)}")
    if levels < 2:
        raise ValueError(f"levels must be at least 2, not {levels}")
    if name == "noise":
        return np.linspace(0.0, NOISE_MAX, levels)
    if name == "rotation":
        return np.linspace(0.0, ROTATION_MAX, levels)
    if name == "shift":
        return np.linspace(0.0, SHIFT_MAX, levels)
    # thickness: the share of levels below 0 follows the share of the range (3 of 7 px).
    n_thin = round(-THINNER / (THICKER - THINNER) * (levels - 1))
    return np.concatenate([np.linspace(THINNER, 0.0, n_thin + 1)[:-1],
                           np.linspace(0.0, THICKER, levels - n_thin)])


def zero_index(name: str, levels: int = LEVELS) -> int:
    """Index of the unchanged level (0 except for thickness, whose 0 is in the middle)."""
    return int(np.flatnonzero(level_values(name, levels) == 0.0)[0])


# --- perturbations --------------------------------------------------------------------------------

def as_float_images(x: np.ndarray) -> np.ndarray:
    """uint8 0..255 or float 0..1 digits, (n, 28, 28) or (n, 784) -> float32 (n, 28, 28) in 0..1.

    uint8 is scaled exactly as :func:`model.evaluation.evaluate` scales it.
    """
    x = np.asarray(x)
    if x.ndim not in (2, 3) or int(np.prod(x.shape[1:])) != 784:
        raise ValueError(f"digits must be (n, 28, 28) or (n, 784), not {x.shape}")
    x = x.reshape(len(x), 28, 28)
    if x.dtype == np.uint8:
        return x.astype(np.float32) * (1.0 / 255.0)
    return x.astype(np.float32, copy=True)


class Perturber:
    """Perturbs a fixed set of digits at any strength of one perturbation.

    The per-digit randomness is drawn once, here, from ``seed`` and the perturbation's name, so
    ``at(v)`` is deterministic and consistent across strengths.
    """

    def __init__(self, x: np.ndarray, name: str, seed: int = 0):
        if name not in INFO:
            raise ValueError(f"unknown perturbation {name!r}; choose from {', '.join(PERTURBATIONS)}")
        self.name = name
        self.x = as_float_images(x)
        n = len(self.x)
        rng = np.random.default_rng([int(seed), PERTURBATIONS.index(name)])
        if name == "noise":
            self._noise = rng.standard_normal((n, 28, 28), dtype=np.float32)
        elif name == "rotation":
            self._sign = rng.choice(np.array([-1.0, 1.0]), size=n)
        elif name == "shift":
            self._angle = rng.uniform(0.0, 2.0 * math.pi, size=n)

    def at(self, value: float) -> np.ndarray:
        """The digits at this strength: float32 (n, 28, 28) in 0..1 (a copy at strength 0)."""
        value = float(value)
        if value == 0.0:
            return self.x.copy()
        if self.name == "noise":
            return np.clip(self.x + np.float32(value) * self._noise, 0.0, 1.0)
        if self.name == "rotation":
            return rotate(self.x, self._sign * value)
        if self.name == "thickness":
            return thicken(self.x, value / 2.0)
        dy = np.rint(value * np.sin(self._angle)).astype(np.intp)
        dx = np.rint(value * np.cos(self._angle)).astype(np.intp)
        return shift(self.x, dy, dx)


def perturb(x: np.ndarray, name: str, value: float, seed: int = 0) -> np.ndarray:
    """``x`` perturbed by ``name`` at strength ``value`` (see the module docstring for units)."""
    return Perturber(x, name, seed).at(value)


_CENTRE = 13.5  # the middle of a 28-pixel image in index coordinates


def rotate(x: np.ndarray, degrees: np.ndarray | float) -> np.ndarray:
    """Rotate float images (n, 28, 28) about their centre, each by its own angle; bilinear,
    zeros outside. Positive angles turn the digit anticlockwise on screen (y pointing down).

    Digits sharing an angle share one set of sampling taps, so the ± angles of a level cost
    four gathers each.
    """
    x = np.asarray(x, dtype=np.float32)
    n = len(x)
    degrees = np.broadcast_to(np.asarray(degrees, dtype=np.float64), (n,))
    padded = np.zeros((n, 30, 30), dtype=np.float32)  # a ring of zeros: clipped taps land there
    padded[:, 1:29, 1:29] = x
    flat = padded.reshape(n, 900)
    out = np.empty((n, 784), dtype=np.float32)
    for angle in np.unique(degrees):
        rows = np.flatnonzero(degrees == angle)
        src = flat if len(rows) == n else flat[rows]
        idx, w = _rotation_taps(float(angle))
        acc = src[:, idx[0]] * w[0]
        for k in range(1, 4):
            acc += src[:, idx[k]] * w[k]
        out[rows] = acc
    return out.reshape(n, 28, 28)


def _rotation_taps(degrees: float) -> tuple[np.ndarray, np.ndarray]:
    """For a rotation by ``degrees``: the 4 bilinear taps (flat indices into a zero-padded 30x30
    image) and their weights, each (4, 784)."""
    a = math.radians(degrees)
    r, c = np.mgrid[0:28, 0:28].reshape(2, 784).astype(np.float64) - _CENTRE
    # Inverse mapping: where in the source each output pixel comes from.
    src_c = math.cos(a) * c - math.sin(a) * r + _CENTRE
    src_r = math.sin(a) * c + math.cos(a) * r + _CENTRE
    r0, c0 = np.floor(src_r), np.floor(src_c)
    fr, fc = src_r - r0, src_c - c0
    r0, c0 = r0.astype(np.intp) + 1, c0.astype(np.intp) + 1  # +1: the padding ring
    idx, w = [], []
    for dr, dc, weight in ((0, 0, (1 - fr) * (1 - fc)), (0, 1, (1 - fr) * fc),
                           (1, 0, fr * (1 - fc)), (1, 1, fr * fc)):
        rr, cc = np.clip(r0 + dr, 0, 29), np.clip(c0 + dc, 0, 29)
        idx.append(rr * 30 + cc)
        w.append(weight)
    return np.array(idx), np.array(w, dtype=np.float32)


_CROSS = ((0, 0), (-1, 0), (1, 0), (0, -1), (0, 1))
_SQUARE = tuple((dr, dc) for dr in (-1, 0, 1) for dc in (-1, 0, 1))


def _morph(x: np.ndarray, offsets, grow: bool) -> np.ndarray:
    """Grey dilation (grow) or erosion of images (n, 28, 28) by a 3x3 element; zeros outside."""
    padded = np.zeros((len(x), 30, 30), dtype=np.float32)
    padded[:, 1:29, 1:29] = x
    out = None
    for dr, dc in offsets:
        view = padded[:, 1 + dr: 29 + dr, 1 + dc: 29 + dc]
        out = view.copy() if out is None else (np.maximum if grow else np.minimum)(out, view, out=out)
    return out


def thicken(x: np.ndarray, steps: float) -> np.ndarray:
    """Dilate (steps > 0) or erode (steps < 0) float images by |steps| steps; a fractional step
    blends linearly towards the next one. A step moves each stroke edge by about 1 px."""
    x = np.asarray(x, dtype=np.float32)
    grow, steps = steps > 0, abs(float(steps))
    whole, frac = int(math.floor(steps)), steps - math.floor(steps)
    out = x
    for i in range(whole):
        out = _morph(out, _CROSS if i % 2 == 0 else _SQUARE, grow)
    if frac > 1e-9:
        nxt = _morph(out, _CROSS if whole % 2 == 0 else _SQUARE, grow)
        out = (1.0 - np.float32(frac)) * out + np.float32(frac) * nxt
    return out.copy() if out is x else out


def shift(x: np.ndarray, dy: np.ndarray | int, dx: np.ndarray | int) -> np.ndarray:
    """Move each image (n, 28, 28) by whole pixels (dy down, dx right), zeros filling in."""
    x = np.asarray(x)
    n = len(x)
    dy = np.broadcast_to(np.asarray(dy, dtype=np.intp), (n,))
    dx = np.broadcast_to(np.asarray(dx, dtype=np.intp), (n,))
    pad = int(max(1, np.abs(dy).max(initial=0), np.abs(dx).max(initial=0)))
    padded = np.zeros((n, 28 + 2 * pad, 28 + 2 * pad), dtype=x.dtype)
    padded[:, pad: pad + 28, pad: pad + 28] = x
    idx = np.arange(28)
    rows = (idx[None, :] - dy[:, None] + pad).clip(0, 27 + 2 * pad)
    cols = (idx[None, :] - dx[:, None] + pad).clip(0, 27 + 2 * pad)
    return padded[np.arange(n)[:, None, None], rows[:, :, None], cols[:, None, :]]


# --- curves ---------------------------------------------------------------------------------------

def accuracy(recognizer: Recognizer, x: np.ndarray, y: np.ndarray, batch: int = BATCH) -> float:
    """Share of digits read correctly; x float 0..1 (n, 28, 28) or (n, 784)."""
    y = np.asarray(y).astype(np.int64)
    x = np.asarray(x).reshape(len(x), 784)
    correct = 0
    for i in range(0, len(y), batch):
        p = recognizer.probabilities(x[i: i + batch])
        correct += int((p.argmax(axis=1) == y[i: i + batch]).sum())
    return correct / len(y)


def curves(recognizer: Recognizer, x: np.ndarray, y: np.ndarray, levels: int = LEVELS, seed: int = 0,
           on_progress: Callable[[int, int], None] | None = None,
           cancel: Callable[[], bool] | None = None,
           perturbations: tuple[str, ...] = PERTURBATIONS) -> dict:
    """Accuracy of ``recognizer`` on the digits ``x`` (labels ``y``) at every level of every
    perturbation: ``{name: {"levels": [floats], "accuracy": [floats]}}``, JSON-ready.

    The unchanged level's accuracy is ``evaluate(recognizer, x, y).accuracy`` itself, computed
    once. ``on_progress(done, total)`` is called after each step (one step per perturbed level,
    plus the unperturbed evaluation); ``cancel()`` is polled before each step and raises
    :class:`Cancelled` when it returns True.
    """
    y = np.asarray(y)
    if len(x) != len(y):
        raise ValueError(f"{len(x)} digits but {len(y)} labels")
    if len(y) == 0:
        raise ValueError("Nothing to measure: the data holds no digits.")
    for name in perturbations:
        level_values(name, levels)  # validates the name and the number of levels
    total = 1 + len(perturbations) * (levels - 1)
    done = 0

    def step() -> None:
        nonlocal done
        done += 1
        if on_progress is not None:
            on_progress(done, total)

    def check() -> None:
        if cancel is not None and cancel():
            raise Cancelled()

    check()
    plain = evaluate(recognizer, np.asarray(x), y).accuracy
    step()
    out = {}
    for name in perturbations:
        values = level_values(name, levels)
        check()
        perturber = Perturber(x, name, seed)
        acc = []
        for v in values:
            if v == 0.0:
                acc.append(plain)
                continue
            check()
            acc.append(accuracy(recognizer, perturber.at(v), y))
            step()
        out[name] = {"levels": [round(float(v), 6) for v in values], "accuracy": acc}
    return out


def subset(x: np.ndarray, y: np.ndarray, n: int | None, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """At most ``n`` digits picked at random (the same for the same seed), in their original order."""
    if n is None or n >= len(y):
        return x, y
    keep = np.sort(np.random.default_rng(seed).choice(len(y), size=int(n), replace=False))
    return x[keep], y[keep]


def format_table(result: dict, compare: dict | None = None, names: tuple[str, str] = ("model", "compare")) -> str:
    """The curves as text: one block per perturbation, a row of levels and one of accuracies per
    model (the comparison's below when given)."""
    lines = []
    width = max(len(names[0]), len(names[1]) if compare else 0, 8)
    for key, curve in result.items():
        info = INFO.get(key)
        lines.append(f"{info.title if info else key} - {info.axis if info else 'level'}")
        cells = [format_level(key, v) for v in curve["levels"]]
        w = max(6, *(len(c) for c in cells))
        lines.append(f"  {'level':<{width}} " + " ".join(f"{c:>{w}}" for c in cells))
        rows = [(names[0], curve["accuracy"])]
        if compare and key in compare:
            rows.append((names[1], compare[key]["accuracy"]))
        for label, acc in rows:
            lines.append(f"  {label:<{width}} " + " ".join(f"{a:>{w - 1}.1%}" for a in acc))
    return "\n".join(lines)


# --- the tutorial's recipe ------------------------------------------------------------------------

TUTORIAL_NETWORK = {"hidden": [256, 128], "activation": "relu", "dropout": 0.2, "l1": 0.0, "l2": 0.0,
                    "optimizer": "adam", "learning_rate": 0.001}


def is_tutorial_recipe(card: ModelCard | None) -> bool:
    """True when a model card says the model is the tutorial's recipe: ``recipe == "tutorial"``,
    or the tutorial's network (784-256-Dropout 0.2-128-10, ReLU, Adam at 0.001, no L1/L2) trained
    on the digits as they are (``training.augment`` false), as the tutorial did."""
    if card is None:
        return False
    if (card.recipe or "").strip().lower() == "tutorial":
        return True
    net, training = card.network, card.training
    if not net or not training:
        return False
    for key, want in TUTORIAL_NETWORK.items():
        got = net.get(key)
        if isinstance(want, list):
            if not isinstance(got, list) or [int(v) for v in got] != want:
                return False
        elif isinstance(want, float):
            if not isinstance(got, (int, float)) or not math.isclose(float(got), want, rel_tol=1e-6, abs_tol=1e-12):
                return False
        elif got != want:
            return False
    return training.get("augment") is False


def tutorial_model(store, exclude: str | None = None):
    """The newest model in ``store`` (a ModelStore) whose card is the tutorial's recipe, else None."""
    for info in store.list():
        if info.id != exclude and is_tutorial_recipe(info.card):
            return info
    return None
