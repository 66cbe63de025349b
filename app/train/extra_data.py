"""The Train tab's "plus" options: the drawn digits shipped with DigitPad, and the user's own samples.

Drawn digits are on by default: a network trained on MNIST alone reads drawings of people it never
saw much worse (docs/drawn-experiments.md), and the corpus's held-out writers measure exactly that.
"""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QCheckBox, QLabel, QVBoxLayout, QWidget

from model.errors import DigitPadError

from ..theme import MUTED
from .texts import describe_drawn, num


def corpus_summary() -> tuple[str, str]:
    """(what the drawn corpus trains on, what it holds out), or a reason it cannot be used."""
    from model.data import drawn

    try:
        train, held = drawn.check_split(drawn.shipped_corpus())
    except (DigitPadError, OSError) as exc:
        return "", QCoreApplication.translate("ExtraDataBox", "The drawn digits cannot be read: {error}").format(
            error=exc)
    return describe_drawn(train), describe_drawn(held)


class ExtraDataBox(QWidget):
    changed = Signal()

    def __init__(self, samples_count: Callable[[], int] | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self._samples_count = samples_count
        trained, held = corpus_summary()
        self._trained, self._held, self._drawn_source = trained, held, False
        self.drawn_check = QCheckBox(self.tr("Plus the drawn digits shipped with DigitPad"))
        self.drawn_check.setObjectName("drawnCheck")
        self.drawn_check.setChecked(True)
        self.drawn_check.setEnabled(bool(trained))
        tip = self.tr("Digits drawn with a pen by real people (UNIPEN and UCI, CC BY 4.0): {trained} to learn from, "
                      "the tablet digits drawn twice and the pen trajectories once, slightly slanted, stretched and "
                      "rotated, half of the copies in ways other people write (1s with a flag, crossed 7s, open "
                      "4s, slashed 0s and more); and {held} of other writers kept out of training to measure how "
                      "well the network reads people it never saw. A network trained on MNIST alone reads "
                      "drawings much worse."
                      ).format(trained=trained, held=held) if trained else held
        self.drawn_check.setToolTip(tip)
        self.drawn_info = QLabel(self.tr("Measured on {held} it never trains on.").format(held=held)
                                 if trained else held)
        self.drawn_info.setWordWrap(True)
        self.drawn_info.setIndent(22)
        self.drawn_info.setStyleSheet(f"color: {MUTED};")
        self.drawn_info.setToolTip(tip)
        self.samples_check = QCheckBox()
        self.samples_check.setObjectName("samplesCheck")
        self.samples_check.setToolTip(self.tr("Also learn from the digits you labelled under the canvas (the "
                                              "Samples tab); to fine-tune the model in use on them instead, use "
                                              "Personalise there."))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.setSpacing(2)
        for w in (self.drawn_check, self.drawn_info, self.samples_check):
            layout.addWidget(w)
        self.drawn_check.toggled.connect(self.changed)
        self.samples_check.toggled.connect(self.changed)
        self.refresh_count()

    def refresh_count(self) -> None:
        n = self._samples_count() if self._samples_count is not None else 0
        self.samples_check.setText(self.tr("Plus my samples ({n})").format(n=num(n)))
        self.samples_check.setEnabled(n > 0)
        if n == 0:
            self.samples_check.setChecked(False)

    def set_drawn_is_the_data(self, drawn_source: bool) -> None:
        """With the drawn digits as the data itself, "plus the drawn digits" has nothing to add."""
        self._drawn_source = drawn_source
        self.drawn_check.setEnabled(bool(self._trained) and not drawn_source)
        self.drawn_info.setVisible(not drawn_source)

    def drawn_as_data(self) -> str:
        """What training on the drawn digits alone learns from and is tested on."""
        if not self._trained:
            return self._held
        return self.tr("{trained} to learn from, drawn with variations and in many writing styles · {held} of "
                       "other writers to test (never trained on)").format(trained=self._trained, held=self._held)

    def options(self) -> tuple[bool, bool]:
        """(train on the drawn digits, train on my samples)."""
        return (self.drawn_check.isChecked() and self.drawn_check.isEnabled(),
                self.samples_check.isChecked() and self.samples_check.isEnabled())

    def set_options(self, drawn: bool, samples: bool) -> None:
        self.drawn_check.setChecked(bool(drawn))
        self.samples_check.setChecked(bool(samples) and self.samples_check.isEnabled())

    def showEvent(self, event) -> None:  # noqa: N802 (Qt API)
        self.refresh_count()
        super().showEvent(event)
