"""How a model reads the user's samples it never learnt from, per digit, and which digits need more.

:func:`samples_report` measures a Recognizer on the samples in a :class:`SampleStore` that the
model never learnt from, digit by digit, and words advice ("Your 0s: 3 of 10 right (mostly read as
8) — draw a few more, then Personalise."), worst first. :func:`digit_changes` compares a
personalisation's per-digit figures before and after. NumPy only; no Qt, no TensorFlow.

Which samples a model learnt from (what its card says; when it cannot be known for sure, a sample
counts as learnt, so the figures are never flattered by samples the model has seen):

* a **personalised** model (``card.personalization``): the ids it was fine-tuned on
  (``"finetune_ids"``). Cards written before that key existed record only ``"heldout_ids"``: every
  other sample that existed when the model was made (created no later than the card) counts as
  learnt. The model it was personalised from (``"base_model"``) is looked at the same way, since
  what that one learnt is in the new one too; when its card cannot be read, every sample older
  than the new model counts as learnt.
* a model **trained with the samples** in its data (``card.data.extras`` of kind "samples"):
  training took every sample there was, so the samples created no later than the card count as
  learnt and only newer ones are measured. (Samples imported from a zip keep the creation time of
  the archive, so older imported ones count as learnt.)
* any other model (the shipped default, one trained on datasets only, no card): none.

A sample deleted and put back (Undo delete) is stored again as a new sample, so it counts as new.
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ..errors import DigitPadError
from ..store.card import ModelCard
from ..store.model_dir import read_json

__all__ = ["GOOD", "TARGET", "DigitChange", "DigitReport", "SamplesReport", "changes_summary", "digit_changes",
           "learnt_mask", "samples_report"]

TARGET = 10  # samples per digit Personalise wants (it holds back about 3 of 10 to measure itself)
GOOD = 0.9  # a digit read right this often on samples the model never learnt from needs nothing
MAX_LINEAGE = 20  # personalised from a personalised model from ...: how far back to look


@dataclass(frozen=True)
class DigitReport:
    """One digit: how many samples, how many of them the model never learnt from ("unseen"), how
    many of those it reads right, the digit it most often reads the wrong ones as, the advice."""

    digit: int
    samples: int
    unseen: int
    right: int
    confused_with: int | None
    advice: str | None
    # For a personalised model: (right, n) of this digit's held-out samples when it was
    # personalised (before its refit learnt them too): the last honest measure of an "unmeasured" digit.
    when_personalised: tuple[int, int] | None = None

    @property
    def accuracy(self) -> float | None:
        return self.right / self.unseen if self.unseen else None

    @property
    def status(self) -> str:
        """"none" (no samples), "unmeasured" (all learnt from), "good" (≥ GOOD read right), "poor"."""
        if not self.samples:
            return "none"
        if not self.unseen:
            return "unmeasured"
        return "good" if self.right >= GOOD * self.unseen else "poor"

    def to_dict(self) -> dict:
        return {"digit": self.digit, "samples": self.samples, "unseen": self.unseen, "right": self.right,
                "accuracy": self.accuracy, "confused_with": self.confused_with, "status": self.status,
                "advice": self.advice,
                "when_personalised": list(self.when_personalised) if self.when_personalised else None}


@dataclass(frozen=True)
class SamplesReport:
    """``digits`` 0..9 in order; ``advice`` worst first (one line when nothing is needed);
    ``basis`` says for people which samples counted as never learnt from, and why."""

    digits: tuple[DigitReport, ...]
    advice: tuple[str, ...]
    basis: str
    model_name: str | None = None
    target: int = TARGET

    @property
    def samples(self) -> int:
        return sum(d.samples for d in self.digits)

    @property
    def unseen(self) -> int:
        return sum(d.unseen for d in self.digits)

    @property
    def right(self) -> int:
        return sum(d.right for d in self.digits)

    @property
    def needs_nothing(self) -> bool:
        return all(d.advice is None for d in self.digits)

    def to_dict(self) -> dict:
        return {"model": self.model_name, "samples": self.samples, "unseen": self.unseen, "right": self.right,
                "target": self.target, "basis": self.basis, "digits": [d.to_dict() for d in self.digits],
                "advice": list(self.advice)}


def samples_report(recognizer, samples, card: ModelCard | None, target: int = TARGET) -> SamplesReport:
    """How ``recognizer`` (the model whose card is ``card``) reads the samples of ``samples`` (a
    SampleStore) it never learnt from; see the module docstring for which those are."""
    target = max(1, int(target))
    rows = samples.list()
    ids = np.array([s.id for s in rows], dtype=np.int64)
    labels = np.array([s.label for s in rows], dtype=np.int64)
    created = [_when(s.created) for s in rows]
    learnt, basis = learnt_mask(card, ids, created)
    unseen = ~learnt
    predicted = np.full(len(rows), -1, dtype=np.int64)
    if unseen.any():
        x = np.stack([rows[i].image for i in np.flatnonzero(unseen)]).reshape(-1, 784).astype(np.float32) / 255.0
        predicted[unseen] = recognizer.probabilities(x).argmax(axis=1)
    measured = _when_personalised(card)
    digits = []
    for d in range(10):
        mine = labels == d
        shown = mine & unseen
        wrong = predicted[shown][predicted[shown] != d]
        confused = int(np.bincount(wrong, minlength=10).argmax()) if len(wrong) else None
        n, u = int(mine.sum()), int(shown.sum())
        digits.append(DigitReport(d, n, u, u - len(wrong), confused, None, measured[d]))
    digits = [_with_advice(r, target) for r in digits]
    return SamplesReport(tuple(digits), _advice(digits, target), basis,
                         card.name if card is not None else None, target)


def _when_personalised(card: ModelCard | None) -> list[tuple[int, int] | None]:
    """Per digit, (right, n) of the held-out samples after personalising, from the card (None
    where it has none)."""
    p = card.personalization if card is not None else None
    after = ((p or {}).get("per_digit") or {}).get("after")
    try:
        return [(int(r), int(n)) if int(n) > 0 else None for r, n in after] if after and len(after) == 10 \
            else [None] * 10
    except (TypeError, ValueError):
        return [None] * 10


# ------------------------------------------------------------------------------------ advice
def _plural(n: int, what: str = "sample") -> str:
    return f"{n} {what}{'' if n == 1 else 's'}"


def _with_advice(r: DigitReport, target: int) -> DigitReport:
    d, more = r.digit, target - r.samples
    status = r.status
    if status == "none":
        text = f"No {d}s yet: draw about {target}."
    elif status == "poor":
        draw = f"draw {more} more" if more > 0 else "draw a few more"
        text = (f"Your {d}s: {r.right} of {r.unseen} right (mostly read as {r.confused_with}) — "
                f"{draw}, then Personalise.")
    elif status == "unmeasured":
        draw = f"draw {more} more" if more > 0 else "draw a few new ones"
        then = ""
        if r.when_personalised is not None:
            right, n = r.when_personalised
            then = f" (when it was personalised it read {right} of {n} held-out ones right)"
        text = (f"{d}s: the model learnt from all {_plural(r.samples)} of yours{then}, so how it reads new "
                f"ones is not known — {draw} to check.")
    elif more > 0:
        text = f"{d}s: {_plural(r.samples)} — draw {more} more for Personalise to learn them."
    else:
        text = None
    return DigitReport(r.digit, r.samples, r.unseen, r.right, r.confused_with, text, r.when_personalised)


def _need(r: DigitReport) -> tuple:
    """Sort key, most in need first: read poorly (worst accuracy first), none at all, not measured,
    too few."""
    order = {"poor": 0, "none": 1, "unmeasured": 2, "good": 3}[r.status]
    return order, r.accuracy or 0.0, r.samples, r.digit


def _advice(digits: list[DigitReport], target: int) -> tuple[str, ...]:
    if not any(r.samples for r in digits):
        return (f"No samples yet: draw about {target} of each digit and label them (on the Draw tab with "
                "✓ Correct or It's a…, or with `digitpad samples add`).",)
    needy = sorted((r for r in digits if r.advice is not None), key=_need)
    if not needy:
        return (f"Every digit has {target} or more samples and at least {GOOD:.0%} of the ones the model "
                "never learnt from are read right: nothing to add.",)
    # Digits with none at all, and digits with enough that the model learnt from all of them (after
    # Personalise, every one), each in one line where the first of them ranks.
    missing = [r.digit for r in needy if r.status == "none"]
    learnt = [r.digit for r in needy if r.status == "unmeasured" and r.samples >= target]
    lines: list[str] = []
    for r in needy:
        if r.digit in missing:
            if r.digit == missing[0]:
                lines.append(r.advice if len(missing) == 1 else
                             f"No {_listed(missing)} yet: draw about {target} of each.")
        elif r.digit in learnt:
            if r.digit == learnt[0]:
                lines.append(r.advice if len(learnt) == 1 else
                             f"The model learnt from all your {_listed(learnt)}, so how it reads new ones is not "
                             "known — draw a few new ones of each to check.")
        else:
            lines.append(r.advice)
    return tuple(lines)


def _listed(digits: list[int]) -> str:
    return ", ".join(f"{d}s" for d in digits)


# ------------------------------------------------------------------------------------ what it learnt
def learnt_mask(card: ModelCard | None, ids: np.ndarray, created: list) -> tuple[np.ndarray, str]:
    """(which of the samples ``ids`` — created at ``created``, datetimes or None — the model of
    ``card`` learnt from, a sentence saying so)."""
    learnt, reasons = _learnt(card, np.asarray(ids, dtype=np.int64), created, set(), 0)
    n = int((~learnt).sum())
    if not reasons:
        return learnt, ("This model never learnt from your samples" + (f", so all {_plural(n)} count." if n else "."))
    return learnt, (f"This model {'; '.join(reasons)}; only the {_plural(n)} it never learnt from "
                    f"count{'s' if n == 1 else ''}.")


def _learnt(card, ids, created, visited: set, depth: int) -> tuple[np.ndarray, list[str]]:
    learnt = np.zeros(len(ids), dtype=bool)
    reasons: list[str] = []
    if card is None:
        return learnt, reasons
    made = _when(card.created)
    p = card.personalization
    if isinstance(p, dict):
        tuned = _ids(p.get("finetune_ids"))
        if tuned is not None:
            learnt |= np.isin(ids, tuned)
            reasons.append(f"was personalised on {_plural(len(tuned))} of yours")
        else:  # an older card: everything that existed then except what it held out
            learnt |= ~np.isin(ids, _ids(p.get("heldout_ids")) or []) & _before(created, made)
            reasons.append(f"was personalised on your samples of {_day(card.created)} but those it held out")
        parent = _parent_card(p, visited) if depth < MAX_LINEAGE else False
        if parent is False:
            learnt |= _before(created, made)
            reasons.append("the model it was personalised from cannot be read, so every sample older than "
                           "this model counts as learnt")
        elif parent is not None:
            more, why = _learnt(parent, ids, created, visited, depth + 1)
            if (more & ~learnt).any():
                learnt |= more
                reasons += [f"the model it came from {why[0]}", *why[1:]] if why else []
    elif card.data is not None and card.data.extra("samples") is not None:
        learnt |= _before(created, made)
        reasons.append(f"was trained with the samples you had on {_day(card.created)}")
    return learnt, reasons


def _parent_card(p: dict, visited: set):
    """The card of the model a personalised one came from: a ModelCard, None when it is the shipped
    default (which never learnt from anyone's samples), False when it cannot be read. Where a model
    id lives is the store's to say (:meth:`ModelStore.model_path`)."""
    from ..store.models import ModelStore, StoreError

    base = p.get("base_model") if isinstance(p.get("base_model"), dict) else {}
    model_id = base.get("id") if isinstance(base.get("id"), str) else None
    candidates = [Path(base["path"])] if isinstance(base.get("path"), str) and base["path"] else []
    if model_id:
        try:
            candidates.append(ModelStore().model_path(model_id))
        except StoreError:
            pass  # not an id (a path, '..'): only the recorded path is looked at
    for folder in candidates:
        try:
            key = folder.resolve()
            if key in visited:
                return False  # a loop: cards that name each other
            card = ModelCard.from_dict(read_json(folder / "card.json"))
        except (OSError, ValueError, DigitPadError):
            continue
        visited.add(key)
        return card
    return None if model_id == "default" else False


def _ids(value) -> list[int] | None:
    if not isinstance(value, list):
        return None
    return [int(v) for v in value if isinstance(v, (int, np.integer)) and not isinstance(v, bool)]


def _when(text) -> _dt.datetime | None:
    """An ISO 8601 time with its offset (naive ones are taken as local time); None if unreadable."""
    try:
        when = _dt.datetime.fromisoformat(str(text))
    except (TypeError, ValueError):
        return None
    return when if when.tzinfo is not None else when.astimezone()


def _before(created: list, made: _dt.datetime | None) -> np.ndarray:
    """Samples created no later than ``made``; any time that cannot be read counts as before."""
    if made is None:
        return np.ones(len(created), dtype=bool)
    return np.array([c is None or c <= made for c in created], dtype=bool)


def _day(text: str) -> str:
    when = _when(text)
    return when.strftime("%Y-%m-%d %H:%M") if when is not None else "the day it was made"


# ------------------------------------------------------------------------------------ before/after
@dataclass(frozen=True)
class DigitChange:
    """One digit of a personalisation's held-out samples: ``n`` of them, right before and after."""

    digit: int
    n: int
    before: int
    after: int

    @property
    def change(self) -> str:
        """"better", "worse", "same" or "none" (no held-out sample of this digit)."""
        if not self.n:
            return "none"
        return "better" if self.after > self.before else "worse" if self.after < self.before else "same"


def digit_changes(per_digit: dict | None) -> tuple[DigitChange, ...]:
    """``PersonalizeResult.per_digit`` ({"before": [[right, n]] * 10, "after": ...}) as ten
    DigitChanges; () when it holds no such figures."""
    if not isinstance(per_digit, dict):
        return ()
    before, after = per_digit.get("before"), per_digit.get("after")
    if not (isinstance(before, list) and isinstance(after, list) and len(before) == len(after) == 10):
        return ()
    try:
        return tuple(DigitChange(d, int(b[1]), int(b[0]), int(a[0])) for d, (b, a) in enumerate(zip(before, after)))
    except (TypeError, ValueError, IndexError):
        return ()


def changes_summary(changes: tuple[DigitChange, ...]) -> str:
    """One sentence: which digits got better and which worse on the held-out samples."""
    def listed(kind: str) -> str:
        return ", ".join(f"{c.digit} ({c.before}→{c.after} of {c.n})" for c in changes if c.change == kind)

    better, worse = listed("better"), listed("worse")
    if not any(c.n for c in changes):
        return "No samples were held out, so no digit could be compared."
    parts = [f"Better: {better}." if better else "No digit got better.",
             f"Worse: {worse}." if worse else "None got worse."]
    return " ".join(parts)
