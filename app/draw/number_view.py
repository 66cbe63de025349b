"""Number mode's pictures: the number read so far, large, one button per digit, and each digit's box
and reading drawn over the ink.

A view only: it is handed a :class:`model.number.NumberReading` and which digit has the focus (the
one under the mouse, clicked, or written last); clicking a digit asks for the focus
(``digitClicked``), and the Copy button puts the number on the clipboard.
"""
from __future__ import annotations

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QGuiApplication, QPainter, QPen
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QStackedLayout,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from model.number import NOTHING, NumberReading
from model.recognizer import UNSURE_MARGIN

from .. import i18n
from ..theme import ACCENT, MUTED, UNSURE

NUMBER_PAPER = (1260, 280)  # canvas pixels in Number mode (4.5:1), with faint lines marking a writing band
WRITING_BAND = (90, 190)  # ... of 100 canvas pixels (as tall as the number benchmark's writers write):
# written that size with their spacing, a 12-digit phone number fits with room to spare (test_number_mode.py)
BIG = 2.6  # the number's digits, times the window's font size, when they fit
SMALLEST = 1.2  # ... and when they must shrink to fit (16 digits or more)


def unsure(probabilities) -> bool:
    top = sorted((float(v) for v in probabilities), reverse=True)
    return top[0] - top[1] < UNSURE_MARGIN


class DigitsRow(QWidget):
    """The number's digits as buttons in one row that never asks for more width: when they do not
    fit, their font shrinks (down to SMALLEST) and, below that, the row scrolls to the newest
    digit. So writing a longer number never widens the column beside the sheet."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.buttons: list[QToolButton] = []
        self.shown = 0
        self.scale = BIG
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(self._button_height(BIG))

    def _font(self, scale: float) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * scale)
        font.setWeight(QFont.Weight.DemiBold)
        return font

    def _button_height(self, scale: float) -> int:
        return QFontMetrics(self._font(scale)).height() + 10

    def _widths(self, scale: float) -> list[int]:
        fm = QFontMetrics(self._font(scale))
        return [fm.horizontalAdvance(self.buttons[i].text() or "0") + 12 for i in range(self.shown)]

    def button(self, index: int) -> QToolButton:
        while len(self.buttons) <= index:
            b = QToolButton(self)
            b.setObjectName(f"numberDigit{len(self.buttons)}")
            b.setAutoRaise(True)
            b.setCheckable(True)
            b.hide()
            self.buttons.append(b)
        return self.buttons[index]

    def show_count(self, n: int) -> None:
        self.shown = n
        for i, b in enumerate(self.buttons):
            b.setVisible(i < n)
        self.relayout()

    def relayout(self) -> None:
        """Place the shown buttons, centred, at the largest font that fits the row's width."""
        room = max(1, self.width())
        scale = BIG
        while scale > SMALLEST and sum(self._widths(scale)) > room:
            scale = max(SMALLEST, scale - 0.1)
        self.scale = scale
        widths = self._widths(scale)
        height = self._button_height(scale)
        x = max(0, (room - sum(widths)) // 2) - max(0, sum(widths) - room)  # overflow: the newest stay in view
        font = self._font(scale)
        for b, w in zip(self.buttons[:self.shown], widths):
            b.setFont(font)
            b.setGeometry(x, (self.height() - height) // 2, w, height)
            x += w

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        self.relayout()


class NumberView(QFrame):
    digitClicked = Signal(int)  # index of the digit clicked
    copied = Signal(str)  # the number put on the clipboard

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("verdictCard")
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.reading: NumberReading = NOTHING
        self.focus: int | None = None
        title = QLabel(self.tr("The number"))
        title.setObjectName("sectionTitle")
        self.copy_button = QToolButton()
        self.copy_button.setObjectName("copyNumber")
        self.copy_button.setText(self.tr("Copy"))
        self.copy_button.setToolTip(self.tr("Copy the number to the clipboard (Ctrl+Shift+C)"))
        self.copy_button.clicked.connect(self.copy)
        head = QHBoxLayout()
        head.addWidget(title)
        head.addStretch(1)
        head.addWidget(self.copy_button)
        self.hint = QLabel(self.tr("Write a number, digits left to right. Point at a digit to see how sure the "
                                   "network is; click it and press the right key to correct it."))
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet(f"color: {MUTED};")
        self.hint.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.row = DigitsRow()
        self.row.setObjectName("numberDigits")
        # The hint and the digits share one place: the card keeps its height as the first digit appears.
        self.stack = QStackedLayout()
        self.stack.addWidget(self.hint)
        self.stack.addWidget(self.row)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.addLayout(head)
        layout.addLayout(self.stack)
        self.set_reading(NOTHING)

    @property
    def buttons(self) -> list[QToolButton]:
        return self.row.buttons

    def set_reading(self, reading: NumberReading, focus: int | None = None) -> None:
        self.reading, self.focus = reading, focus
        for i, d in enumerate(reading.digits):
            b = self.row.button(i)
            if b.property("wired") is None:
                b.clicked.connect(lambda _checked=False, i=i: self.digitClicked.emit(i))
                b.setProperty("wired", True)
            b.setText(str(d.digit))
            b.setChecked(i == focus)
            colour = ACCENT if d.corrected else UNSURE if unsure(d.probabilities) else QColor("#111827")
            b.setStyleSheet(f"color: {colour.name()};" + (" text-decoration: underline;" if d.corrected else ""))
            state = (self.tr("corrected by you") if d.corrected else
                     self.tr("{confidence} sure").format(confidence=i18n.percent(d.confidence, 0)))
            b.setToolTip(self.tr("Digit {position}: {digit} ({state}). Click it, then press the right digit key "
                                 "to correct it; the correction is kept as one of your samples.").format(
                                     position=i + 1, digit=d.digit, state=state))
        self.row.show_count(len(reading.digits))
        self.copy_button.setEnabled(bool(reading.number))
        self.stack.setCurrentWidget(self.row if reading.digits else self.hint)

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
