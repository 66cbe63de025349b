"""The Inside view's output table: each digit's logit beside its softmax probability."""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import QRect, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPixmap
from PySide6.QtWidgets import QWidget

from .. import i18n
from ..theme import ACCENT, DIVERGING, MUTED, TITLE, WHITE
from .pictures import STRIP_WIDTH, scaled_font

CENTER = Qt.AlignmentFlag.AlignCenter
LEFT_MIDDLE = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
RIGHT_MIDDLE = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class OutputTable(QWidget):
    """The ten outputs: each digit's logit (a bar either side of zero) beside its probability.

    Clicking a row asks "why this digit?" for that digit. The header, the digits' column and the
    empty bar tracks are drawn once into a pixmap; a live update paints the bars and numbers.
    """

    digitClicked = Signal(int)
    ROW = 17
    HEAD = 17
    DIGIT_W = 22

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.logits: np.ndarray | None = None
        self.probabilities: np.ndarray | None = None
        self.digit: int | None = None
        self.explained: int | None = None
        self.logit_limit = 1.0
        self._background: QPixmap | None = None
        self._small = scaled_font(self, 0.85)
        self._bold = scaled_font(self, 1.0, bold=True)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setFixedSize(STRIP_WIDTH + 2, self.HEAD + 10 * self.ROW + 2)
        half = (self.width() - self.DIGIT_W - 12) / 2
        self._logit_x, self._prob_x, self._half = self.DIGIT_W + 4, self.DIGIT_W + 8 + half, half
        self._zero_x = self._logit_x + half / 2
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip(self.tr("Logits: the output layer's weighted sums z. Softmax turns them into "
                                "probabilities: p = e^z / Σ e^z. Click a digit to see why (or why not) that one."))

    def set_values(self, logits, probabilities, digit, explained, limit: float) -> None:
        self.logits, self.probabilities = logits, probabilities
        self.digit, self.explained, self.logit_limit = digit, explained, limit
        self.update()

    def row_rect(self, d: int) -> QRect:
        return QRect(0, self.HEAD + d * self.ROW, self.width(), self.ROW)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        y = event.position().y() - self.HEAD
        if y >= 0 and event.button() == Qt.MouseButton.LeftButton:
            d = int(y // self.ROW)
            if 0 <= d < 10:
                self.digitClicked.emit(d)

    def _render_background(self) -> QPixmap:
        dpr = self.devicePixelRatioF()
        pm = QPixmap(round(self.width() * dpr), round(self.height() * dpr))
        pm.setDevicePixelRatio(dpr)
        pm.fill(WHITE)
        p = QPainter(pm)
        p.setFont(self._small)
        p.setPen(QColor(MUTED))
        p.drawText(QRectF(self._logit_x, 0, self._half, self.HEAD - 2), CENTER, self.tr("logit z"))
        p.drawText(QRectF(self._prob_x, 0, self._half, self.HEAD - 2), CENTER, self.tr("softmax probability"))
        track = QColor("#f4f5f7")
        for d in range(10):
            y = self.HEAD + d * self.ROW + 3
            p.fillRect(QRectF(self._logit_x, y, self._half, self.ROW - 6), track)
            p.fillRect(QRectF(self._prob_x, y, self._half, self.ROW - 6), track)
        p.end()
        return pm

    def paintEvent(self, event: QPaintEvent) -> None:
        if self._background is None or self._background.devicePixelRatio() != self.devicePixelRatioF():
            self._background = self._render_background()
        p = QPainter(self)
        p.drawPixmap(0, 0, self._background)
        row_h, bar_h = self.ROW, self.ROW - 6
        lx, px, half, zero_x = self._logit_x, self._prob_x, self._half, self._zero_x
        title, white, grey = QColor(TITLE), WHITE, QColor("#b8c2d3")
        metrics = p.fontMetrics()
        live = self.logits is not None
        for d in range(10):
            y = self.HEAD + d * row_h
            if live and d == self.explained:
                p.fillRect(QRectF(0, y, self.DIGIT_W, row_h), QColor("#e3ebfb"))
            p.setFont(self._bold if d == self.digit else self.font())
            p.setPen(ACCENT if d == self.digit else title)
            p.drawText(QRectF(0, y, self.DIGIT_W, row_h), CENTER, str(d))
            if not live:
                continue
            p.setFont(self._small)
            # logit: a bar from zero, its value on the other side
            z = float(self.logits[d])
            frac = max(-1.0, min(1.0, z / self.logit_limit))
            length = frac * (half / 2 - 2)
            colour = DIVERGING[round((frac * 0.8 + 1.0) * 127.5)]
            p.fillRect(QRectF(min(zero_x, zero_x + length), y + 3, abs(length), bar_h),
                       QColor(int(colour[0]), int(colour[1]), int(colour[2])))
            p.setPen(title)
            p.drawText(QRectF(lx + 2, y, half - 4, row_h), LEFT_MIDDLE if z >= 0 else RIGHT_MIDDLE, i18n.signed(z, 2))
            # probability: a bar from the left, the value at the right (white where the bar is under it)
            prob = float(self.probabilities[d])
            p.fillRect(QRectF(px, y + 3, prob * half, bar_h), ACCENT if d == self.digit else grey)
            text = i18n.percent(prob) if prob >= 0.001 else "<" + i18n.percent(0.001)
            covered = prob * half > half - 4 - metrics.horizontalAdvance(text)
            p.setPen(white if covered and d == self.digit else title)
            p.drawText(QRectF(px + 4, y, half - 8, row_h), RIGHT_MIDDLE, text)
        p.fillRect(QRectF(zero_x, self.HEAD, 1, self.height() - self.HEAD), QColor(195, 195, 195))
        p.end()

