"""The Samples tab's per-digit panel: how the active model reads the samples it never learnt from.

Ten columns, one per digit: how many samples, and "x of y" read right among those the model never
learnt from, coloured good / poor / not measured; then the advice, the digit most in need first.
It shows a :class:`model.samples.report.SamplesReport` the tab computes; it computes nothing.
"""
from __future__ import annotations

from html import escape, unescape

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from model.samples.report import GOOD, TARGET

from ..theme import MUTED
from ..train.texts import TEXTS, pct, plural
from .report_texts import advice_lines, basis_text, digit_advice

NEVER_LEARNT = QT_TRANSLATE_NOOP("SamplesReportView", "“Never learnt from”: samples the model was not trained or "
                                                      "fine-tuned on, so how it reads "
                "them is how it will read new drawings of yours. For a personalised model these are the "
                "samples it held out to measure itself and any added since; for one trained with your "
                "samples, those added since; for any other model, all of them.")
# status -> (background, text colour) of the "read right" cell
COLOURS = {"good": ("#dcfce7", "#166534"), "poor": ("#fee2e2", "#991b1b"),
           "unmeasured": ("#f3f4f6", MUTED), "none": ("#f3f4f6", MUTED)}
STATUS_WORDS = {"good": QT_TRANSLATE_NOOP("SamplesReportView", "Read well."),
                "poor": QT_TRANSLATE_NOOP("SamplesReportView", "Often misread."),
                "unmeasured": QT_TRANSLATE_NOOP("SamplesReportView", "Not measured: the model learnt from all of "
                                                                     "them."),
                "none": QT_TRANSLATE_NOOP("SamplesReportView", "No samples yet.")}


class _Cell(QLabel):
    """A label that says when it is clicked (a digit's column filters the grid to that digit)."""

    clicked = Signal()

    def mousePressEvent(self, event) -> None:  # noqa: N802 (Qt API)
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
        super().mousePressEvent(event)


class SamplesReportView(QFrame):
    """``set_report(report)`` shows a SamplesReport; ``set_message(text)`` says why there is none.
    ``digitClicked(d)`` when a digit's column is clicked."""

    digitClicked = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("samplesReport")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.report = None
        grid = QGridLayout()
        grid.setHorizontalSpacing(4)
        grid.setVerticalSpacing(2)
        heads = ((self.tr("Digit"), self.tr("Click a digit to show only its samples")),
                 (self.tr("Samples"), self.tr("How many samples of the digit you have")),
                 (self.tr("Read right"), self.tr("Of the samples the model never learnt from, how many it reads as "
                                                 "the digit you labelled them with.") + "\n\n" + self.tr(NEVER_LEARNT)))
        for row, (text, tip) in enumerate(heads):
            head = QLabel(f"<span style='color:{MUTED}'>{text}</span>")
            head.setToolTip(tip)
            grid.addWidget(head, row, 0)
        self.digit_cells: list[_Cell] = []
        self.count_cells: list[_Cell] = []
        self.right_cells: list[_Cell] = []
        for d in range(10):
            for row, cells in enumerate((self.digit_cells, self.count_cells, self.right_cells)):
                cell = _Cell()
                cell.setAlignment(Qt.AlignmentFlag.AlignCenter)
                cell.setMinimumWidth(44)
                cell.setObjectName(f"samplesReport{('Digit', 'Count', 'Right')[row]}{d}")
                cell.clicked.connect(self._clicked)
                cell.setProperty("digit", d)
                grid.addWidget(cell, row, d + 1)
                cells.append(cell)
            self.digit_cells[d].setText(f"<b>{d}</b>")
        self.basis = QLabel()
        self.basis.setObjectName("samplesReportBasis")
        self.basis.setWordWrap(True)
        self.basis.setToolTip(self.tr(NEVER_LEARNT))
        self.advice = QLabel()
        self.advice.setObjectName("samplesAdvice")
        self.advice.setWordWrap(True)
        self.advice.setTextFormat(Qt.TextFormat.RichText)
        self.advice.setToolTip(self.tr("What to draw next, the digit most in need first. A digit needs nothing when "
                                       "at least {share} of its never-learnt-from samples are read right and you "
                                       "have {target} or more of it.").format(
                                           share=pct(GOOD, 0, spaced=True), target=TARGET)
                               + "\n\n" + self.tr(NEVER_LEARNT))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(4)
        layout.addLayout(grid)
        layout.addWidget(self.basis)
        layout.addWidget(self.advice)

    def _clicked(self) -> None:
        self.digitClicked.emit(int(self.sender().property("digit")))

    def set_report(self, report) -> None:
        """Show a model.samples.report.SamplesReport."""
        self.report = report
        for r in report.digits:
            status = r.status
            bg, fg = COLOURS[status]
            self.count_cells[r.digit].setText(str(r.samples))
            right = self.right_cells[r.digit]
            then = r.when_personalised
            # Learnt from them all: the figure measured on the held-out ones when it was personalised.
            right.setText(self.tr("{right} of {n}").format(right=r.right, n=r.unseen) if r.unseen else
                          "(" + self.tr("{right} of {n}").format(right=then[0], n=then[1]) + ")" if then else "—")
            right.setStyleSheet(f"background: {bg}; color: {fg}; border-radius: 4px; padding: 1px 3px;")
            right.setProperty("status", status)
            tip = [plural(TEXTS.your_digits(r.samples), r.samples).format(digit=r.digit, unseen=r.unseen)]
            if not r.unseen and then:
                tip.append(self.tr("In brackets: when it was personalised, it read {right} of the {n} held out "
                                   "right; then it learnt from them too.").format(right=then[0], n=then[1]))
            if r.unseen and r.confused_with is not None:
                tip.append(self.tr("It reads {right} of those {n} right, the others mostly as {other}.").format(
                    right=r.right, n=r.unseen, other=r.confused_with))
            elif r.unseen:
                tip.append(self.tr("It reads {right} of those {n} right.").format(right=r.right, n=r.unseen))
            tip.append(self.tr(STATUS_WORDS[status]))
            if r.advice:
                tip.append(digit_advice(r, report.target))
            for cell in (self.digit_cells[r.digit], self.count_cells[r.digit], right):
                cell.setToolTip("\n".join(tip) + "\n\n" + self.tr(NEVER_LEARNT))
        self.basis.setText(f"<span style='color:{MUTED}'>{escape(basis_text(report.basis))}</span>")
        self.advice.setText("<br>".join(f"• {escape(line)}" for line in advice_lines(report)))

    def set_message(self, text: str) -> None:
        """No report (no model, or the samples cannot be read): say why and blank the cells."""
        self.report = None
        for d in range(10):
            self.count_cells[d].setText("")
            self.right_cells[d].setText("")
            self.right_cells[d].setStyleSheet("")
            self.right_cells[d].setProperty("status", None)
        self.basis.setText("")
        self.advice.setText(escape(text))

    def advice_lines(self) -> list[str]:
        """The advice as shown, one line each (tests, accessibility)."""
        return [unescape(line).removeprefix("• ") for line in self.advice.text().split("<br>") if line]

    def status(self, digit: int) -> str | None:
        return self.right_cells[digit].property("status")
