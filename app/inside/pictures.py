"""The Inside view's small parts: captions, cards, enlarged 28x28 pictures, colour legends and
the heat strip that shows one layer's activations.

Each paints itself with a few plain calls and is opaque, so a live update (every mouse move while
drawing) repaints only the pixels that changed.
"""
from __future__ import annotations

import math
import re

import numpy as np
from PySide6.QtCore import QPointF, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QMouseEvent, QPainter, QPaintEvent, QPen, QPixmap
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from .. import i18n
from ..theme import CARD_BORDER, EMPTY, MUTED, TITLE, WHITE
from .colours import enlarged, range_rgba, to_qimage

BORDER = QColor(185, 185, 185)  # opaque: translucent pens are ~40x slower to draw
STRIP_WIDTH = 336  # the layer strips' and the output table's width
STRIP_HEIGHT = 48  # a strip's cells shrink (7 px down to 3) until the layer fits this height


def scaled_font(widget: QWidget, scale: float = 1.0, bold: bool = False) -> QFont:
    f = QFont(widget.font())
    f.setPointSizeF(f.pointSizeF() * scale)
    if bold:
        f.setWeight(QFont.Weight.DemiBold)
    return f


def opaque(widget: QWidget) -> QWidget:
    """A white, opaque widget: repainting it never repaints the card behind it (live updates
    repaint only what changed)."""
    palette = widget.palette()
    palette.setColor(widget.backgroundRole(), WHITE)
    widget.setPalette(palette)
    widget.setAutoFillBackground(True)
    return widget


def note_label(text: str = "", name: str = "insideNote", wrap: bool = False) -> QLabel:
    label = QLabel(text)
    label.setObjectName(name)
    label.setWordWrap(wrap)
    label.setTextFormat(Qt.TextFormat.RichText)
    palette = label.palette()
    palette.setColor(label.foregroundRole(), QColor(TITLE if name == "insideTitle" else MUTED))
    label.setPalette(palette)
    if name == "insideTitle":
        label.setFont(scaled_font(label, 1.0, bold=True))
    return opaque(label)



class Caption(QWidget):
    """A fixed-height line (or lines) of lightly marked-up text for values that change on every input.

    Understands ``<b>``, ``<br>`` and ``<span style='color:#rrggbb'>``. Unlike a QLabel, a new
    text never asks the layout to recompute (the size is fixed) and painting is a few plain
    drawText calls (rich-text layout costs ~0.5 ms a paint): a live update repaints just these pixels.
    """

    _TOKENS = re.compile(r"(<[^>]*>)")
    _COLOUR = re.compile(r"color:\s*(#[0-9a-fA-F]{6})")

    def __init__(self, lines: int = 1, title: bool = False, parent: QWidget | None = None):
        super().__init__(parent)
        self._text = ""
        self._runs: list[tuple[float, float, QFont, QColor, str]] = []  # x, baseline, font, colour, text
        self._plain = QFont(self.font())
        self._bold = scaled_font(self, 1.0, bold=True)
        self._base = QColor(TITLE if title else MUTED)
        self._title = title
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setFixedHeight(self.fontMetrics().lineSpacing() * lines + 2)
        self.setMinimumWidth(40)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def setText(self, text: str) -> None:
        if text == self._text:
            return
        self._text = text
        self._runs = []
        bold, colours = self._title, [self._base]
        plain_metrics, bold_metrics = QFontMetricsF(self._plain), QFontMetricsF(self._bold)
        line_h = plain_metrics.lineSpacing()
        x, baseline = 0.0, 1 + plain_metrics.ascent()
        for token in self._TOKENS.split(text):
            if not token:
                continue
            tag = token.lower()
            if tag in ("<b>", "<strong>"):
                bold = True
            elif tag in ("</b>", "</strong>"):
                bold = self._title
            elif tag.startswith("<br"):
                x, baseline = 0.0, baseline + line_h
            elif tag.startswith("<span"):
                m = self._COLOUR.search(token)
                colours.append(QColor(m.group(1)) if m else colours[-1])
            elif tag == "</span>":
                if len(colours) > 1:
                    colours.pop()
            elif not tag.startswith("<"):
                font = self._bold if bold else self._plain
                self._runs.append((x, baseline, font, colours[-1], token))
                x += (bold_metrics if bold else plain_metrics).horizontalAdvance(token)
        self.update()

    def needed_size(self) -> QSize:
        """The room its text takes (the layout checks compare it with the caption's size)."""
        if not self._runs:
            return QSize(0, 0)
        right = max(x + QFontMetricsF(font).horizontalAdvance(text) for x, _y, font, _c, text in self._runs)
        bottom = max(y for _x, y, *_ in self._runs) + QFontMetricsF(self._plain).descent()
        return QSize(math.ceil(right), math.ceil(bottom))

    def text(self) -> str:
        """The text without its markup."""
        return self._TOKENS.sub(lambda m: "\n" if m.group(0).lower().startswith("<br") else "", self._text)

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.fillRect(self.rect(), WHITE)
        for x, y, font, colour, text in self._runs:
            p.setFont(font)
            p.setPen(colour)
            p.drawText(QPointF(x, y), text)
        p.end()


class Card(QWidget):
    """A white rounded panel (painted, not a style sheet: style sheets slow every child's paint)."""

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(QPen(CARD_BORDER, 1))
        p.setBrush(WHITE)
        p.drawRoundedRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5), 10, 10)
        p.end()


# ------------------------------------------------------------------------------------ pictures
class Picture(QWidget):
    """A small RGBA image enlarged by an integer factor without smoothing, or a placeholder."""

    def __init__(self, pixel: int, side: int = 28, tooltip: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self._pixel, self._side = pixel, side
        self._image: QImage | None = None
        self._shown: QPixmap | None = None
        self._placeholder = ""
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setFixedSize(self.sizeHint())
        self.setToolTip(tooltip)

    def sizeHint(self) -> QSize:
        return QSize(self._side * self._pixel + 2, self._side * self._pixel + 2)

    def set_rgba(self, rgba: np.ndarray | None, placeholder: str = "") -> None:
        self._image = None if rgba is None else to_qimage(rgba)
        self._shown = None if rgba is None else enlarged(rgba, self._pixel)
        self._placeholder = placeholder
        self.update()

    def image(self) -> QImage | None:
        """The picture at one pixel per value (before enlarging)."""
        return self._image

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        r = QRectF(1, 1, self.width() - 2, self.height() - 2)
        if self._shown is None:
            p.fillRect(r, EMPTY)
            if self._placeholder:
                p.setPen(QColor(MUTED))
                p.drawText(r.adjusted(8, 8, -8, -8), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                           self._placeholder)
        else:
            p.drawPixmap(1, 1, self._shown)
        p.setPen(QPen(BORDER, 1))
        p.drawRect(QRectF(0.5, 0.5, self.width() - 1, self.height() - 1))
        p.end()


class ColourBar(QWidget):
    """A thin legend: the colour scale with its two ends labelled."""

    def __init__(self, rgba: np.ndarray, left: str, right: str, width: int, parent: QWidget | None = None):
        super().__init__(parent)
        self._bar = QPixmap.fromImage(to_qimage(rgba[None, :, :]).scaled(
            width, 8, Qt.AspectRatioMode.IgnoreAspectRatio, Qt.TransformationMode.SmoothTransformation))
        self._left, self._right = left, right
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setFixedSize(width, 26)

    def set_labels(self, left: str, right: str) -> None:
        if (left, right) != (self._left, self._right):
            self._left, self._right = left, right
            self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.fillRect(self.rect(), WHITE)
        bar = QRectF(0, 0, self.width(), 8)
        p.drawPixmap(0, 0, self._bar)
        p.setPen(QPen(BORDER, 1))
        p.drawRect(bar.adjusted(0.5, 0.5, -0.5, -0.5))
        p.setFont(scaled_font(self, 0.85))
        p.setPen(QColor(MUTED))
        text = QRectF(0, 9, self.width(), self.height() - 9)
        p.drawText(text, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, self._left)
        p.drawText(text, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, self._right)
        p.end()


# ------------------------------------------------------------------------------------ layers
class HeatStrip(QWidget):
    """One layer's values as a grid of coloured cells (neuron j at row j // columns, column j % columns).

    ``values`` is what is drawn. Hovering shows the value; the first hidden layer's strip also
    reports hovered/clicked neurons so they can be shown in the weight detail.
    """

    neuronHovered = Signal(object)  # int | None
    neuronClicked = Signal(int)

    def __init__(self, size: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.size_ = size
        for cell in (7, 6, 5, 4, 3):
            columns = min(size, STRIP_WIDTH // cell)
            if math.ceil(size / columns) * cell <= STRIP_HEIGHT:
                break
        self.columns, self.cell = columns, cell
        self.rows = math.ceil(size / self.columns)
        self.values: np.ndarray | None = None
        self.z: np.ndarray | None = None
        self.range: tuple[float, float] = (0.0, 1.0)
        self._image: QPixmap | None = None
        self._marks: dict[int, QColor] = {}
        self._hover: int | None = None
        self.setMouseTracking(True)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setFixedSize(self.columns * cell + 2, self.rows * cell + 2)

    def set_values(self, a: np.ndarray | None, z: np.ndarray | None, lo: float, hi: float) -> None:
        self.values, self.z, self.range = a, z, (lo, hi)
        if a is None:
            self._image = None
        else:
            padded = np.full(self.rows * self.columns, np.nan, dtype=np.float32)
            padded[: self.size_] = a
            rgba = range_rgba(np.nan_to_num(padded, nan=lo if lo >= 0 else 0.0), lo, hi)
            rgba[self.size_:] = (255, 255, 255, 255)
            self._image = enlarged(rgba.reshape(self.rows, self.columns, 4), self.cell)
        self.update()

    def set_marks(self, marks: dict[int, QColor]) -> None:
        if marks != self._marks:
            self._marks = marks
            self.update()

    def cell_rect(self, j: int) -> QRect:
        r, c = divmod(j, self.columns)
        return QRect(1 + c * self.cell, 1 + r * self.cell, self.cell, self.cell)

    def neuron_at(self, pos) -> int | None:
        c, r = int((pos.x() - 1) // self.cell), int((pos.y() - 1) // self.cell)
        if 0 <= c < self.columns and 0 <= r < self.rows:
            j = r * self.columns + c
            if j < self.size_:
                return j
        return None

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        j = self.neuron_at(event.position())
        if j != self._hover:
            self._hover = j
            self.neuronHovered.emit(j)
            if j is None or self.values is None:
                self.setToolTip("")
            else:
                self.setToolTip(self.tr("Neuron {neuron}: z = {z}, activation = {a}").format(
                    neuron=j, z=i18n.number(self.z[j], 3), a=i18n.number(self.values[j], 3)))

    def leaveEvent(self, event) -> None:
        if self._hover is not None:
            self._hover = None
            self.neuronHovered.emit(None)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        j = self.neuron_at(event.position())
        if j is not None and event.button() == Qt.MouseButton.LeftButton:
            self.neuronClicked.emit(j)

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        if self._image is None:
            p.fillRect(self.rect(), EMPTY)
        else:
            p.drawPixmap(1, 1, self._image)
        p.setPen(QPen(BORDER, 1))
        p.drawRect(QRectF(0.5, 0.5, self.width() - 1, self.height() - 1))
        for j, colour in self._marks.items():
            p.setPen(QPen(colour, 2))
            p.drawRect(QRectF(self.cell_rect(j)).adjusted(0, 0, 0, 0))
        p.end()
