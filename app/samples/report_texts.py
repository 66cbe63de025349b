"""The per-digit advice of a model.samples.report.SamplesReport in the user's language.

model/ writes the advice in English (the CLI shows it); this module says the same from the
report's fields (status, counts, the digit it is read as), sentence for sentence, with tr().
Order and grouping follow model.samples.report._advice: most in need first."""
from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication

from model.samples.report import GOOD

from ..train.texts import pct, plural

translate = QCoreApplication.translate


def _listed(digits: list[int]) -> str:
    return ", ".join(translate("SamplesAdvice", "{digit}s").format(digit=d) for d in digits)


def _samples(n: int) -> str:
    from ..train.texts import TEXTS

    return plural(TEXTS.samples(n), n)


def digit_advice(r, target: int) -> str | None:
    """One digit's advice (a DigitReport), None when it needs nothing."""
    d, more = r.digit, target - r.samples
    status = r.status
    if status == "none":
        return translate("SamplesAdvice", "No {digit}s yet: draw about {target}.").format(digit=d, target=target)
    if status == "poor":
        if more > 0:
            text = translate("SamplesAdvice", "Your {digit}s: {right} of {n} right (mostly read as {other}) — draw "
                             "{more} more, then Personalise.")
        else:
            text = translate("SamplesAdvice", "Your {digit}s: {right} of {n} right (mostly read as {other}) — draw "
                             "a few more, then Personalise.")
        return text.format(digit=d, right=r.right, n=r.unseen, other=r.confused_with, more=more)
    if status == "unmeasured":
        draw = (translate("SamplesAdvice", "draw {more} more").format(more=more) if more > 0
                else translate("SamplesAdvice", "draw a few new ones"))
        if r.when_personalised is not None:
            right, n = r.when_personalised
            return translate("SamplesAdvice", "{digit}s: the model learnt from all {samples} of yours (when it was "
                             "personalised it read {right} of {n} held-out ones right), so how it reads new ones is "
                             "not known — {draw} to check.").format(digit=d, samples=_samples(r.samples),
                                                                      right=right, n=n, draw=draw)
        return translate("SamplesAdvice", "{digit}s: the model learnt from all {samples} of yours, so how it reads "
                         "new ones is not known — {draw} to check.").format(digit=d, samples=_samples(r.samples),
                                                                            draw=draw)
    if more > 0:
        return translate("SamplesAdvice", "{digit}s: {samples} — draw {more} more for Personalise to learn "
                         "them.").format(digit=d, samples=_samples(r.samples), more=more)
    return None


def _need(r) -> tuple:
    order = {"poor": 0, "none": 1, "unmeasured": 2, "good": 3}[r.status]
    return order, r.accuracy or 0.0, r.samples, r.digit


def advice_lines(report) -> list[str]:
    """The report's advice, one line each, most in need first."""
    target = report.target
    digits = report.digits
    if not any(r.samples for r in digits):
        return [translate("SamplesAdvice", "No samples yet: draw about {target} of each digit and label them (on "
                          "the Draw tab with ✓ Correct or It's a…, or with `digitpad samples add`).").format(
                              target=target)]
    needy = sorted((r for r in digits if digit_advice(r, target) is not None), key=_need)
    if not needy:
        return [translate("SamplesAdvice", "Every digit has {target} or more samples and at least {share} of the "
                          "ones the model never learnt from are read right: nothing to add.").format(
                              target=target, share=pct(GOOD, 0))]
    missing = [r.digit for r in needy if r.status == "none"]
    learnt = [r.digit for r in needy if r.status == "unmeasured" and r.samples >= target]
    lines: list[str] = []
    for r in needy:
        if r.digit in missing:
            if r.digit == missing[0]:
                lines.append(digit_advice(r, target) if len(missing) == 1 else
                             translate("SamplesAdvice", "No {digits} yet: draw about {target} of each.").format(
                                 digits=_listed(missing), target=target))
        elif r.digit in learnt:
            if r.digit == learnt[0]:
                lines.append(digit_advice(r, target) if len(learnt) == 1 else
                             translate("SamplesAdvice", "The model learnt from all your {digits}, so how it reads "
                                       "new ones is not known — draw a few new ones of each to check.").format(
                                           digits=_listed(learnt)))
        else:
            lines.append(digit_advice(r, target))
    return lines


# ------------------------------------------------------------------------------------ the basis
# model.samples.report.learnt_mask says in one sentence which samples count as never learnt from,
# built from a few fixed phrases; each is matched and said again in the user's language. A sentence
# that matches none (a newer model/) is shown as model/ wrote it.
_COUNT = r"(\d[\d,]*) samples?"


def _n(text: str) -> int:
    return int(text.replace(",", ""))


def _reason(text: str) -> str | None:
    if m := re.fullmatch(rf"was personalised on {_COUNT} of yours", text):
        return translate("SamplesBasis", "was personalised on {samples} of yours").format(samples=_samples(_n(m[1])))
    if m := re.fullmatch(r"was personalised on your samples of (.+) but those it held out", text):
        return translate("SamplesBasis", "was personalised on your samples of {day} but those it held out").format(
            day=m[1])
    if text == ("the model it was personalised from cannot be read, so every sample older than this model counts "
                "as learnt"):
        return translate("SamplesBasis", "the model it was personalised from cannot be read, so every sample older "
                         "than this model counts as learnt")
    if m := re.fullmatch(r"was trained with the samples you had on (.+)", text):
        return translate("SamplesBasis", "was trained with the samples you had on {day}").format(day=m[1])
    if (m := re.fullmatch(r"the model it came from (.+)", text)) and (inner := _reason(m[1])) is not None:
        return translate("SamplesBasis", "the model it came from {reason}").format(reason=inner)
    return None


def basis_text(basis: str) -> str:
    """SamplesReport.basis in the user's language (as it is when a phrase is not known)."""
    if basis == "This model never learnt from your samples.":
        return translate("SamplesBasis", "This model never learnt from your samples.")
    if m := re.fullmatch(rf"This model never learnt from your samples, so all {_COUNT} count\.", basis):
        return translate("SamplesBasis", "This model never learnt from your samples, so all {samples} count.").format(
            samples=_samples(_n(m[1])))
    if m := re.fullmatch(rf"This model (.+); only the {_COUNT} it never learnt from counts?\.", basis):
        reasons = [_reason(r) for r in m[1].split("; ")]
        if None not in reasons:
            n = _n(m[2])
            text = (translate("SamplesBasis", "This model {reasons}; only the {samples} it never learnt from counts.")
                    if n == 1 else
                    translate("SamplesBasis", "This model {reasons}; only the {samples} it never learnt from count."))
            return text.format(reasons="; ".join(reasons), samples=_samples(n))
    return basis
