"""Number mode's pictures: the number read so far, large, one button per digit, and each digit's box
and reading drawn over the ink.

A view only: it is handed a :class:`model.number.NumberReading` and which digit has the focus (the
one under the mouse, clicked, or written last); clicking a digit asks for the focus
(``digitClicked``), and the Copy button puts the number on the clipboard.
"""
from __future__ import annotations

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPainter, QPen
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from model.number import NOTHING, NumberReading
from model.recognizer import UNSURE_MARGIN

from ..theme import ACCENT, MUTED, UNSURE

NUMBER_PAPER = (960, 320)  # canvas pixels in Number mode (3:1): room for eight digits or more


def unsure(probabilities) -> bool:
    top = sorted((float(v) for v in probabilities), reverse=True)
    return top[0] - top[1] < UNSURE_MARGIN


class NumberView(QFrame):
    digitClicked = Signal(int)  # index of the digit clicked
    copied = Signal(str)  # the number put on the clipboard

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("verdictCard")
        self.reading: NumberReading = NOTHING
        self.focus: int | None = None
        title = QLabel("The number")
        title.setObjectName("sectionTitle")
        self.copy_button = QToolButton()
        self.copy_button.setObjectName("copyNumber")
        self.copy_button.setText("Copy")
        self.copy_button.setToolTip("Copy the number to the clipboard (Ctrl+Shift+C)")
        self.copy_button.clicked.connect(self.copy)
        head = QHBoxLayout()
        head.addWidget(title)
        head.addStretch(1)
        head.addWidget(self.copy_button)
        self.hint = QLabel("Write a number, digits left to right. Point at a digit to see how sure the network "
                           "is; click it and press the right key to correct it.")
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet(f"color: {MUTED};")
        self.digits_row = QHBoxLayout()
        self.digits_row.setSpacing(2)
        self.digits_row.addStretch(1)
        self.buttons: list[QToolButton] = []
        self._font = QFont(self.font())
        self._font.setPointSizeF(self._font.pointSizeF() * 2.6)
        self._font.setWeight(QFont.Weight.DemiBold)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.addLayout(head)
        layout.addLayout(self.digits_row)
        layout.addWidget(self.hint)
        self.set_reading(NOTHING)

    def set_reading(self, reading: NumberReading, focus: int | None = None) -> None:
        self.reading, self.focus = reading, focus
        while len(self.buttons) < len(reading.digits):
            b = QToolButton()
            b.setObjectName(f"numberDigit{len(self.buttons)}")
            b.setFont(self._font)
            b.setAutoRaise(True)
            b.setCheckable(True)
            b.clicked.connect(lambda _checked=False, i=len(self.buttons): self.digitClicked.emit(i))
            self.digits_row.insertWidget(len(self.buttons), b)
            self.buttons.append(b)
        for i, b in enumerate(self.buttons):
            b.setVisible(i < len(reading.digits))
            if i >= len(reading.digits):
                continue
            d = reading.digits[i]
            b.setText(str(d.digit))
            b.setChecked(i == focus)
            colour = ACCENT if d.corrected else UNSURE if unsure(d.probabilities) else QColor("#111827")
            b.setStyleSheet(f"color: {colour.name()};" + (" text-decoration: underline;" if d.corrected else ""))
            state = "corrected by you" if d.corrected else f"{d.confidence:.0%} sure"
            b.setToolTip(f"Digit {i + 1}: {d.digit} ({state}). Click it, then press the right digit key "
                         "to correct it; the correction is kept as one of your samples.")
        self.copy_button.setEnabled(bool(reading.number))
        self.hint.setVisible(not reading.digits)

    def copy(self) -> str:
        """Put the number on the clipboard; returns it ('' when there is none)."""
        number = self.reading.number
        if number:
            QGuiApplication.clipboard().setText(number)
            self.copied.emit(number)
        return number


def paint_reading(p: QPainter, scale: float, reading: NumberReading, focus: int | None) -> None:
    """Each digit's box and reading over the ink; ``p`` is in canvas coordinates (``scale``
    screen pixels per canvas pixel)."""
    font = QFont(p.font())
    font.setPixelSize(max(6, round(15 / scale)))
    font.setWeight(QFont.Weight.DemiBold)
    p.setFont(font)
    tag_h = 20 / scale
    for i, d in enumerate(reading.digits):
        x0, y0, x1, y1 = d.box
        colour = QColor(UNSURE if unsure(d.probabilities) and not d.corrected else ACCENT)
        fill = QColor(colour)
        fill.setAlpha(28 if i == focus else 0)
        p.setBrush(fill)
        p.setPen(QPen(colour, (2.5 if i == focus else 1.2) / scale, Qt.PenStyle.SolidLine if i == focus
                      else Qt.PenStyle.DashLine))
        p.drawRoundedRect(QRectF(x0, y0, x1 - x0, y1 - y0), 6 / scale, 6 / scale)
        tag = QRectF(x0, max(0.0, y0 - tag_h - 2 / scale), max(tag_h, (x1 - x0) * 0.5), tag_h)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(colour)
        p.drawRoundedRect(tag, 4 / scale, 4 / scale)
        p.setPen(QColor("white"))
        p.drawText(tag, Qt.AlignmentFlag.AlignCenter, str(d.digit))
