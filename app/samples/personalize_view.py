"""What Personalise shows: live accuracy curves while it runs, and per digit before/after when done.

:class:`PersonalizeCurves` draws, after every fine-tuning epoch, the accuracy on the base digits
held back from the fine-tuning (what the model must not forget) and on the user's held-out samples
(what it should learn), in the Train tab's chart style. :class:`DigitChangesView` shows, for each
digit, how many of the held-out samples were read right before and after, coloured by whether the
digit improved. Neither computes anything: the figures come from the worker and
:func:`model.samples.report.digit_changes`.
"""
from __future__ import annotations

import math
import re

import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSize, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from model.samples.report import TARGET

from ..theme import CHART_GUIDE, MUTED, SERIES
from ..train.curves_view import style_chart
from ..train.texts import TEXTS, plural

translate = QCoreApplication.translate
BASE_COLOR, SAMPLES_COLOR = SERIES[0], SERIES[1]
NEEDED = TARGET  # samples per digit Personalise learns a style from (what its benchmark gives each person)
NOTE_TIP = QT_TRANSLATE_NOOP("PersonalizeNotice", "Measured by tests/benchmarks/bench_personalize.py on 12 people "
                                                  "whose styles the model misread "
            "(docs/benchmarks.md), judged on their drawings it did not learn from. With 10 samples of each "
            "digit their misread drawings fell by 85% on average (44% for the worst helped); with 5, by 84% "
            "(worst 35%); with 3, by 78% (worst 24%). MNIST accuracy changed by -0.04 to -0.09 points on "
            "average (-0.7 for the worst person). A run took 12-16 s on 2 cores. Personalising the shipped "
            "default, a wider network, took about 40 s and cost 0.5 points of MNIST on average.")


def note_tip() -> str:
    """NOTE_TIP in the user's language."""
    return translate("PersonalizeNotice", NOTE_TIP)
CHANGE_COLOURS = {"better": ("#dcfce7", "#166534"), "worse": ("#fee2e2", "#991b1b"),
                  "same": ("transparent", "#374151"), "none": ("transparent", MUTED)}


class PersonalizeCurves(QWidget):
    """``reset(epochs)`` before a run, ``add_epoch(epoch, epochs, base, samples, refit)``
    (accuracies 0..1 or None) after each epoch, ``finish(kept)`` once the run says which epoch it
    kept. Epochs of the refit on all the samples (no held-out samples left to read) are marked
    off from the first pass. The plot is built when first shown; points that arrive before are kept."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("personalizeCurves")
        self.setToolTip(self.tr("Accuracy after each fine-tuning epoch: on the base digits held back from the "
                        "fine-tuning (what the model must not forget) and on your held-out samples (what "
                        "it should learn; they are never trained on). The epoch kept is the best on both; "
                        "then the fine-tuning is done again on all your samples for that many epochs (the "
                        "refit), which leaves no held-out sample to read."))
        self.setMinimumSize(260, 170)
        self.plot: pg.PlotWidget | None = None
        self.points: list[tuple[int, float, float]] = []  # epoch, base %, samples % (NaN when unknown)
        self._epochs = 1
        self._kept = 0
        self._refit_from = 0  # the first refit epoch, 0 before any
        self._lines: list = []
        self._entries: list = []  # the lines' legend entries
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        return QSize(420, 220)

    def showEvent(self, event) -> None:  # noqa: N802 (Qt API)
        self._build()
        super().showEvent(event)

    def _build(self) -> None:
        if self.plot is not None:
            return
        bg = self.palette().color(QPalette.ColorRole.Base)
        fg = self.palette().color(QPalette.ColorRole.Text)
        self.plot = pg.PlotWidget(background=bg)
        self.plot.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        item = self.plot.getPlotItem()
        style_chart(item, fg, self.tr("Accuracy while personalising"), self.tr("epoch"), self.tr("accuracy (%)"))
        self.legend = item.addLegend(offset=(-8, -8), labelTextColor=fg,
                                     brush=pg.mkBrush(bg.red(), bg.green(), bg.blue(), 200))
        self.legend.setLabelTextSize("8pt")
        item.getAxis("bottom").setTickSpacing(major=1, minor=1)  # whole epochs
        self.base_curve = self._series(BASE_COLOR, self.tr("base digits held back"), dashed=False)
        self.samples_curve = self._series(SAMPLES_COLOR, self.tr("your held-out samples"), dashed=True)
        self._layout.addWidget(self.plot)
        self._redraw()

    def _series(self, color: QColor, name: str, dashed: bool):
        pen = pg.mkPen(color, width=2, style=Qt.PenStyle.DashLine if dashed else Qt.PenStyle.SolidLine)
        return self.plot.plot([], [], pen=pen, symbol="o", symbolSize=6, symbolBrush=color,
                              symbolPen=pg.mkPen(color), name=name, antialias=True)

    def reset(self, epochs: int) -> None:
        self.points = []
        self._epochs = max(1, int(epochs))
        self._kept = self._refit_from = 0
        self._redraw()

    def add_epoch(self, epoch: int, epochs: int, base: float | None, samples: float | None,
                  refit: bool = False) -> None:
        self._epochs = max(self._epochs, int(epochs), int(epoch))
        if refit and not self._refit_from:
            self._refit_from = int(epoch)
        self.points.append((int(epoch), _pct(base), _pct(samples)))
        self._redraw()

    @property
    def kept(self) -> int:
        """The epoch marked as kept (0: none yet)."""
        return self._kept

    @property
    def refit_from(self) -> int:
        """The first epoch of the refit on all the samples (0: none)."""
        return self._refit_from

    def finish(self, kept: int) -> None:
        """The run is over: the x axis ends at its last epoch, a dotted line marks the epoch kept
        (0: none)."""
        self._kept = max(0, int(kept))
        if self.points:
            self._epochs = self.points[-1][0]
        self._redraw()

    def _redraw(self) -> None:
        if self.plot is None:
            return
        for curve, column in ((self.base_curve, 1), (self.samples_curve, 2)):
            shown = [(p[0], p[column]) for p in self.points if not math.isnan(p[column])]
            curve.setData([e for e, _ in shown], [v for _, v in shown])
        self.plot.setXRange(0.5, self._epochs + 0.5, padding=0.02)
        values = [v for p in self.points for v in p[1:] if not math.isnan(v)]
        low = math.floor(min(values) / 5.0) * 5.0 - 5.0 if values else 0.0
        self.plot.setYRange(max(0.0, low), 100, padding=0.02)
        for line in self._lines:
            self.plot.removeItem(line)
        for entry in self._entries:
            self.legend.removeItem(entry)
        self._lines, self._entries = [], []
        # The lines are named in the legend: a label on a line would sit on the curves.
        for pos, text, style in ((self._kept, self.tr("kept (epoch {epoch})").format(epoch=self._kept),
                                  Qt.PenStyle.DotLine),
                                 (self._refit_from - 0.5, self.tr("refit on all your samples"), Qt.PenStyle.DashLine)):
            if pos > 0:
                pen = pg.mkPen(CHART_GUIDE, width=1, style=style)
                line = pg.InfiniteLine(pos=pos, angle=90, movable=False, pen=pen)
                self.plot.addItem(line)
                self._lines.append(line)
                entry = pg.PlotDataItem([], [], pen=pen)
                self.legend.addItem(entry, text)
                self._entries.append(entry)

    def legend_names(self) -> list[str]:
        """What the legend lists, in order."""
        return [label.text for _sample, label in self.legend.items] if self.plot is not None else []


class DigitChangesView(QWidget):
    """Per digit, the held-out samples read right before and after personalising."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("personalizeDigits")
        tip = self.tr("Your held-out samples of each digit (never fine-tuned on): how many the model read right "
                      "before and after. Green: better, red: worse, — : none of that digit was held out.")
        self.setToolTip(tip)
        grid = QGridLayout()
        grid.setHorizontalSpacing(3)
        grid.setVerticalSpacing(1)
        for row, text in enumerate((self.tr("Digit"), self.tr("Before"), self.tr("After"))):
            grid.addWidget(QLabel(f"<span style='color:{MUTED}'>{text}</span>"), row, 0)
        self.before_cells: list[QLabel] = []
        self.after_cells: list[QLabel] = []
        for d in range(10):
            head = QLabel(f"<b>{d}</b>")
            head.setAlignment(Qt.AlignmentFlag.AlignCenter)
            grid.addWidget(head, 0, d + 1)
            for row, cells in ((1, self.before_cells), (2, self.after_cells)):
                cell = QLabel("—")
                cell.setObjectName(f"personalize{'Before' if row == 1 else 'After'}Digit{d}")
                cell.setAlignment(Qt.AlignmentFlag.AlignCenter)
                cell.setMinimumWidth(34)
                grid.addWidget(cell, row, d + 1)
                cells.append(cell)
        self.summary = QLabel()
        self.summary.setObjectName("personalizeDigitSummary")
        self.summary.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(grid)
        layout.addWidget(self.summary)
        self.changes: tuple = ()

    def set_changes(self, changes, summary: str) -> None:
        """``changes``: model.samples.report.digit_changes(result.per_digit); () hides the view."""
        self.changes = tuple(changes)
        self.setVisible(bool(self.changes))
        for c in self.changes:
            bg, fg = CHANGE_COLOURS[c.change]
            self.before_cells[c.digit].setText(f"{c.before}/{c.n}" if c.n else "—")
            after = self.after_cells[c.digit]
            after.setText(f"{c.after}/{c.n}" if c.n else "—")
            after.setStyleSheet(f"background: {bg}; color: {fg}; border-radius: 4px;")
            after.setProperty("change", c.change)
            tip = (plural(TEXTS.held_out(c.n), c.n).format(digit=c.digit, before=c.before, after=c.after) if c.n
                   else self.tr("No sample of {digit} was held out.").format(digit=c.digit))
            self.before_cells[c.digit].setToolTip(tip)
            after.setToolTip(tip)
        self.summary.setText(summary)


class PersonalizeResultBox(QFrame):
    """Before/after on the held-out samples and the base test split, per digit, and Use / Discard
    (the Samples tab fills it in and wires the buttons)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("personalizeResult")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        grid = QGridLayout(self)
        self.title = QLabel()
        self.title.setWordWrap(True)
        grid.addWidget(self.title, 0, 0, 1, 3)
        for col, text in ((1, "<b>" + self.tr("Before") + "</b>"), (2, "<b>" + self.tr("After") + "</b>")):
            grid.addWidget(QLabel(text), 1, col)
        self.cells: dict[tuple[str, str], QLabel] = {}
        rows = (("samples", self.tr("Your samples (held out)"),
                 self.tr("Accuracy on the part of your samples kept out of the fine-tuning")),
                ("base", self.tr("Base test split"),
                 self.tr("Accuracy on the test digits of the data the model was trained on: what it must not "
                         "forget")))
        for r, (key, text, tip) in enumerate(rows, start=2):
            name = QLabel(text)
            name.setToolTip(tip)
            grid.addWidget(name, r, 0)
            for c, when in ((1, "before"), (2, "after")):
                cell = QLabel("—")
                cell.setObjectName(f"personalize_{when}_{key}")
                cell.setToolTip(tip)
                grid.addWidget(cell, r, c)
                self.cells[(when, key)] = cell
        self.notes = QLabel()
        self.notes.setWordWrap(True)
        grid.addWidget(self.notes, 4, 0, 1, 3)
        self.digit_changes = DigitChangesView()
        grid.addWidget(self.digit_changes, 5, 0, 1, 3)
        self.use_button = QPushButton(self.tr("Use this model"))
        self.use_button.setObjectName("personalizeUse")
        self.use_button.setToolTip(self.tr("Make the personalised model the one that reads your drawings"))
        self.discard_button = QPushButton(self.tr("Discard"))
        self.discard_button.setObjectName("personalizeDiscard")
        self.discard_button.setToolTip(self.tr("Delete the personalised model; the active model stays as it is"))
        actions = QHBoxLayout()
        actions.addStretch(1)
        actions.addWidget(self.discard_button)
        actions.addWidget(self.use_button)
        grid.addLayout(actions, 6, 0, 1, 3)


def personalize_notice(counts: list[int]) -> tuple[str, bool]:
    """What Personalise needs and what it costs, said before it starts: (text, warn). ``counts``:
    the user's samples per digit. The figures are the personalisation benchmark's (NOTE_TIP)."""
    have = {d: n for d, n in enumerate(counts) if n}
    if not have:
        return (translate("PersonalizeNotice", "Personalise learns your handwriting from your samples: keep some on "
                                               "the Draw tab "
                   "(✓ Correct, or the digit's key) first."), False)
    few = [d for d, n in sorted(have.items()) if n < NEEDED]
    cost = translate("PersonalizeNotice", "It costs up to half a point of accuracy on standard digits (MNIST) "
                                          "and takes 15-40 s (the wider shipped model the longest).")
    if not few:
        return (translate("PersonalizeNotice", "Personalise: you have {needed} or more samples of each digit you "
                                               "drew, what it needs to learn "
                   "your style (tested on 12 writers: 85% fewer misread drawings). {cost}").format(
                    needed=NEEDED, cost=cost), False)
    listing = ", ".join(f"{d} ({have[d]})" for d in few)
    if min(have[d] for d in few) >= 5:
        return (translate("PersonalizeNotice", "Personalise learns a digit's style from about {needed} samples of "
                                               "it; you have fewer of "
                   "{listing}. With 5 per digit it helped the 12 test writers nearly as much (84% fewer misread "
                   "drawings, the least helped 35%, against 44% with {needed}). {cost}").format(
                    needed=NEEDED, listing=listing, cost=cost), False)
    return (translate("PersonalizeNotice", "Personalise learns a digit's style from about {needed} samples of it; "
                                           "you have fewer of {listing}. "
               "With fewer it helps less surely: with 3 per digit the writer it helped least lost 24% of their "
               "misread drawings, against 44% with {needed}. {cost}").format(
                needed=NEEDED, listing=listing, cost=cost), True)


def changes_text(changes) -> str:
    """One sentence: which digits got better and which worse on the held-out samples
    (model.samples.report.changes_summary in the user's language)."""
    def listed(kind: str) -> str:
        return ", ".join(translate("DigitChangesView", "{digit} ({before}→{after} of {n})").format(
            digit=c.digit, before=c.before, after=c.after, n=c.n) for c in changes if c.change == kind)

    better, worse = listed("better"), listed("worse")
    if not any(c.n for c in changes):
        return translate("DigitChangesView", "No samples were held out, so no digit could be "
                                          "compared.")
    return " ".join([
        translate("DigitChangesView", "Better: {digits}.").format(digits=better) if better
        else translate("DigitChangesView", "No digit got better."),
        translate("DigitChangesView", "Worse: {digits}.").format(digits=worse) if worse
        else translate("DigitChangesView", "None got worse.")])

def _pct(v) -> float:
    return math.nan if v is None else 100.0 * float(v)


def note_text(note: str) -> str:
    """A note of model.training.personalize in the user's language, when it is one of its fixed
    phrases (the notes about the base data name model/'s reasons: those stay as model/ wrote them)."""
    if m := re.fullmatch(r"No samples of ([\d, ]+): those digits are not personalised\.", note):
        return translate("PersonalizeNotice", "No samples of {digits}: those digits are not personalised.").format(
            digits=m[1])
    if note == ("Too few samples to hold any out, so the gain on your handwriting is not measured; add at least "
                "two samples of a digit."):
        return translate("PersonalizeNotice", "Too few samples to hold any out, so the gain on your handwriting is "
                         "not measured; add at least two samples of a digit.")
    return note
