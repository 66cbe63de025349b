"""SciSpinBox: a spin box for rates that span decades (learning rate, L1, L2)."""
from __future__ import annotations

import re

from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QDoubleSpinBox


class SciSpinBox(QDoubleSpinBox):
    """A spin box for rates spanning decades (1e-6 .. 10): shows 0.001 or 1e-05 (0,001 in German:
    the locale's decimal sign; typing either sign works), steps 1-2-5."""

    def __init__(self, minimum: float, maximum: float, parent=None):
        super().__init__(parent)
        self.setDecimals(10)
        self.setRange(minimum, maximum)
        self.setKeyboardTracking(False)

    def textFromValue(self, value: float) -> str:  # noqa: N802 (Qt API)
        return f"{value:.6g}".replace(".", self.locale().decimalPoint())

    def valueFromText(self, text: str) -> float:  # noqa: N802
        try:
            return float(text.strip().replace(",", "."))
        except ValueError:
            return self.value()

    def validate(self, text: str, pos: int):
        t = text.strip().replace(",", ".")
        if re.fullmatch(r"[0-9]*\.?[0-9]*([eE][-+]?[0-9]*)?", t) is None:
            return QValidator.State.Invalid, text, pos
        try:
            v = float(t)
        except ValueError:
            return QValidator.State.Intermediate, text, pos
        ok = self.minimum() <= v <= self.maximum()
        return (QValidator.State.Acceptable if ok else QValidator.State.Intermediate), text, pos

    def stepBy(self, steps: int) -> None:  # noqa: N802
        ladder = [m * 10.0 ** e for e in range(-7, 2) for m in (1, 2, 5)]
        ladder = [v for v in ladder if self.minimum() <= v <= self.maximum()]
        if self.minimum() == 0.0:
            ladder = [0.0] + ladder
        v = self.value()
        for _ in range(abs(steps)):
            if steps > 0:
                v = next((x for x in ladder if x > v * (1 + 1e-9) + 1e-15), ladder[-1])
            else:
                v = next((x for x in reversed(ladder) if x < v * (1 - 1e-9)), ladder[0])
        self.setValue(v)
