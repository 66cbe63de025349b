"""Texts the pages build from figures: numbers, percentages and durations in the user's language
(QLocale), and model/ results (which hold no Qt) said in the window's words from their fields.

Every function translates in the context "PageTexts"; without a translator they give English."""
from __future__ import annotations

import math
import re

from PySide6.QtCore import QCoreApplication, QLocale, QObject


class PageTexts(QObject):
    """The plural texts (Qt numerus forms) said outside a widget; lupdate finds numerus forms only in
    ``self.tr(text, "", n)``, so they are methods of this QObject (context "PageTexts")."""

    def digits(self, n: int) -> str:
        return plural(self.tr("%n digit(s)", "", n), n)

    def samples(self, n: int) -> str:
        return plural(self.tr("%n sample(s)", "", n), n)

    def epochs(self, n: int) -> str:
        return plural(self.tr("%n epoch(s)", "", n), n)

    def read_correctly(self, n: int) -> str:
        return plural(self.tr("%n test digit(s) labelled {digit} that the network read correctly.", "", n), n)

    def read_as(self, n: int) -> str:
        return plural(self.tr("%n test digit(s) labelled {digit} that the network read as {read}.", "", n), n)

    def held_out(self, n: int) -> str:
        return plural(self.tr("%n held-out sample(s) of {digit}: {before} read right before, {after} after.", "", n), n)

    def deleted(self, n: int) -> str:
        return plural(self.tr("Deleted %n sample(s).", "", n), n)

    def your_digits(self, n: int) -> str:
        return plural(self.tr("Your {digit}s: %n sample(s); the model never learnt from {unseen} of them.", "", n), n)


def plural(text: str, n: int) -> str:
    """A numerus text (``tr("%n sample(s)", "", n)``) finished: its number in the locale's format
    (12.345 Proben), and in English, where no translator gives the forms, "(s)" made the plural."""
    if "(s)" in text:
        text = text.replace("(s)", "" if n == 1 else "s")
    return text.replace(str(n), num(n), 1) if abs(n) >= 1000 else text


TEXTS = PageTexts()


def num(value, decimals: int | None = None) -> str:
    """An int with the locale's group separators (12,345 / 12.345), or a float with ``decimals``."""
    if QLocale().language() == QLocale.Language.C:  # no locale chosen: English, as the texts always were
        return f"{int(value):,}" if decimals is None else f"{float(value):,.{decimals}f}"
    if decimals is None:
        return QLocale().toString(int(value))
    # Rounded by Python first (as the English texts always were), then written the locale's way.
    return QLocale().toString(float(f"{float(value):.{decimals}f}"), "f", decimals)


def pct(share: float | None, decimals: int = 1, spaced: bool = False) -> str:
    """A share 0..1 as a percentage in the locale's format: 98.6% (``spaced``: 98.6 %) in English,
    98,6 % in German; None: —."""
    if share is None:
        return "—"
    value = num(float(f"{share:.{decimals}%}"[:-1]), decimals)
    if spaced:
        return QCoreApplication.translate("PageTexts", "{value} %").format(value=value)
    return QCoreApplication.translate("PageTexts", "{value}%").format(value=value)


def duration(seconds: float | None) -> str:
    """A short human duration: 42 s, 3 min 05 s, 1 h 02 min."""
    if seconds is None or not math.isfinite(seconds):
        return "?"
    s = max(0, round(seconds))
    if s < 60:
        return QCoreApplication.translate("PageTexts", "{s} s").format(s=s)
    if s < 3600:
        return QCoreApplication.translate("PageTexts", "{m} min {s} s").format(m=s // 60, s=f"{s % 60:02d}")
    return QCoreApplication.translate("PageTexts", "{h} h {m} min").format(h=s // 3600, m=f"{s % 3600 // 60:02d}")


def digits_count(n: int) -> str:
    """“1 digit” / “12,345 digits” (numerus forms)."""
    return plural(TEXTS.digits(n), n)


def samples_count(n: int) -> str:
    """“1 sample” / “5 samples” (numerus forms): “1 Probe” / “5 Proben”."""
    return plural(TEXTS.samples(n), n)


def describe_data(summary) -> str:
    """A model.training.report.DataSummary in words: how many digits fit, validate and test."""
    n_train = int(summary.n_train)
    parts = [QCoreApplication.translate("PageTexts", "{n} training digits").format(n=num(n_train))]
    if summary.validation_split:
        n_val = round(n_train * summary.validation_split)
        parts = [QCoreApplication.translate("PageTexts", "{n} to fit").format(n=num(n_train - n_val)),
                 QCoreApplication.translate("PageTexts", "{n} to validate").format(n=num(n_val))]
    if summary.n_test:
        test = QCoreApplication.translate("PageTexts", "{n} to test").format(n=num(summary.n_test))
        if summary.test_from_train:
            test = QCoreApplication.translate("PageTexts", "{n} to test (set aside from the training files)"
                                              ).format(n=num(summary.n_test))
        parts.append(test)
    else:
        parts.append(QCoreApplication.translate("PageTexts", "no test split"))
    plus = QCoreApplication.translate("PageTexts", "plus {what}")
    return " · ".join(parts + [plus.format(what=data_words(e)) for e in summary.extras])


def describe_drawn(drawn) -> str:
    """A model.data.drawn.Drawn in words, as its describe(): “6,294 digits, 128 writers” (and “7,494
    pen-digit trajectories” when it holds them)."""
    pen = drawn.labs == "pendigits"
    if pen.any():
        trajectories = QCoreApplication.translate("PageTexts", "{n} pen-digit trajectories").format(
            n=num(int(pen.sum())))
        if not (~pen).any():
            return trajectories
        return QCoreApplication.translate("PageTexts", "{digits} and {trajectories}").format(
            digits=describe_drawn(drawn.take(~pen)), trajectories=trajectories)
    known = {w for w in drawn.writers.tolist() if w}
    unknown = int((drawn.writers == "").sum())
    n = len(drawn)
    if unknown:
        return QCoreApplication.translate("PageTexts", "{n} digits, {writers} writers and {unknown} of unknown "
                                          "writers").format(n=num(n), writers=num(len(known)), unknown=num(unknown))
    return QCoreApplication.translate("PageTexts", "{n} digits, {writers} writers").format(
        n=num(n), writers=num(len(known)))


# model/'s words for the drawn digits and the samples a training adds (model.data.drawn.training_mix,
# model.samples.store): fixed phrases, matched and said again; anything else is shown as model/ wrote it.
_DESC = r"(\d[\d,]*) digits, (\d[\d,]*) writers(?: and (\d[\d,]*) of unknown writers)?"


def _described(m: re.Match, first: int = 1) -> str:
    n, writers, unknown = (int(v.replace(",", "")) if v else 0 for v in m.group(first, first + 1, first + 2))
    if unknown:
        return QCoreApplication.translate("PageTexts", "{n} digits, {writers} writers and {unknown} of unknown "
                                          "writers").format(n=num(n), writers=num(writers), unknown=num(unknown))
    return QCoreApplication.translate("PageTexts", "{n} digits, {writers} writers").format(n=num(n),
                                                                                           writers=num(writers))


def _times(text: str) -> str:
    if text == "once":
        return QCoreApplication.translate("PageTexts", "once")
    return QCoreApplication.translate("PageTexts", "{n} times").format(n=text.split()[0])


def _mix_part(part: str, first: bool) -> str | None:
    """One part of model.data.drawn's description of the training mix, or None when not known."""
    share = r"(\d+)% of the"
    if first and (m := re.fullmatch(rf"{_DESC}(?:, each drawn (once|\d+ times))?", part)):
        return _described(m) + (QCoreApplication.translate("PageTexts", ", each drawn {times}").format(
            times=_times(m[4])) if m[4] else "")
    if m := re.fullmatch(r"(\d[\d,]*) UCI pen-digit trajectories, each drawn (once|\d+ times)", part):
        return QCoreApplication.translate("PageTexts", "{n} UCI pen-digit trajectories, each drawn {times}").format(
            n=num(int(m[1].replace(",", ""))), times=_times(m[2]))
    if m := re.fullmatch(r"not its (\d[\d,]*) UCI pen-digit trajectories", part):
        return QCoreApplication.translate("PageTexts", "not its {n} UCI pen-digit trajectories").format(
            n=num(int(m[1].replace(",", ""))))
    if part == "as drawn":
        return QCoreApplication.translate("PageTexts", "as drawn")
    if m := re.fullmatch(rf"{share} copies in the catalogue's writing styles", part):
        return QCoreApplication.translate("PageTexts", "{share} of the copies in the catalogue's writing styles"
                                          ).format(share=pct(int(m[1]) / 100, 0))
    if m := re.fullmatch(rf"{share} tablet copies in the pen-digit format", part):
        return QCoreApplication.translate("PageTexts", "{share} of the tablet copies in the pen-digit format"
                                          ).format(share=pct(int(m[1]) / 100, 0))
    if m := re.fullmatch(rf"{share} 1s given a flag and {share} 0s slashed", part):
        return QCoreApplication.translate("PageTexts", "{flag} of the 1s given a flag and {slash} of the 0s "
                                          "slashed").format(flag=pct(int(m[1]) / 100, 0),
                                                            slash=pct(int(m[2]) / 100, 0))
    return None


def data_words(text: str) -> str:
    """What else a training learnt from, or which drawn digits measured it, in the user's language."""
    if m := re.fullmatch(rf"{_DESC} \(UNIPEN labs (.+), never trained on\)", text):
        return QCoreApplication.translate("PageTexts", "{digits} (UNIPEN labs {labs}, never trained on)").format(
            digits=_described(m), labs=m[4])
    if m := re.fullmatch(r"drawn digits shipped with DigitPad: (.+)", text):
        parts = [_mix_part(p, i == 0) for i, p in enumerate(m[1].split("; "))]
        if None not in parts:
            return QCoreApplication.translate("PageTexts", "drawn digits shipped with DigitPad: {digits}").format(
                digits="; ".join(parts))
        return text
    if m := re.fullmatch(r"your samples \((\d[\d,]*)\)", text):
        return QCoreApplication.translate("PageTexts", "your samples ({n})").format(n=num(int(m[1].replace(",", ""))))
    return text
