"""InsideView: what the network computes for the current drawing, layer by layer, live.

Left: the 784 inputs as the 28x28 image and "Why this digit" (gradient x input of the explained
digit's logit, red pixels raise it, blue ones lower it); each hidden layer's activations as a heat
strip labelled with its size and activation function; the output logits beside the softmax
probabilities (click a digit to ask why that one). Right: the first layer's weights, one 28x28
image per neuron on a blue-white-red scale, the most active neurons for this drawing outlined;
hover or click a neuron (in the grid or the first strip) to see its weights large, what they make
of the drawing and its activation.

A view only: every number comes from :mod:`model.inside`. The weight grid is rendered once per
set of weights into one image (and scaled once per size); highlights are painted over it.

Wiring (the owner's side): ``set_recognizer`` when the model changes, ``set_input`` (or
``set_prediction``, same signature as the LivePredictor's ``predictionChanged``) on every ink
change, ``set_first_layer_weights`` every epoch while a training runs.
"""
from __future__ import annotations

import math
import re

import numpy as np
from PySide6.QtCore import QPointF, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from model import inside as mi
from model.recognizer import Recognizer

from ..theme import ACCENT, CARD_BORDER, DIVERGING, EMPTY, MUTED, PICK, SEQUENTIAL, TITLE, TOP, WHITE, WINDOW

BORDER = QColor(185, 185, 185)  # opaque: translucent pens are ~40x slower to draw
GAP = (203, 208, 216, 255)  # between weight images
PIXEL = 5  # screen pixels per input pixel in the 28x28 pictures
DETAIL_PIXEL = 4
STRIP_WIDTH = 336  # the layer strips' and the output table's width
STRIP_HEIGHT = 48  # a strip's cells shrink (7 px down to 3) until the layer fits this height

CENTER = Qt.AlignmentFlag.AlignCenter
LEFT_MIDDLE = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
RIGHT_MIDDLE = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter





def diverging_rgba(scaled: np.ndarray) -> np.ndarray:
    """Values in [-1, 1] -> RGBA uint8 on the blue-white-red scale."""
    idx = np.clip(np.rint((np.asarray(scaled) + 1.0) * 127.5), 0, 255).astype(np.uint8)
    return DIVERGING[idx]


def sequential_rgba(fraction: np.ndarray) -> np.ndarray:
    """Values in [0, 1] -> RGBA uint8 on the white-orange-red scale."""
    idx = np.clip(np.rint(np.asarray(fraction) * 255.0), 0, 255).astype(np.uint8)
    return SEQUENTIAL[idx]


def range_rgba(values: np.ndarray, lo: float, hi: float) -> np.ndarray:
    """Colours for values over (lo, hi): diverging when the range straddles zero, else sequential."""
    if lo < 0:
        return diverging_rgba(np.asarray(values) / max(abs(lo), abs(hi)))
    return sequential_rgba((np.asarray(values) - lo) / max(hi - lo, 1e-12))


def to_qimage(rgba: np.ndarray) -> QImage:
    """(h, w, 4) uint8 -> a QImage owning its pixels."""
    rgba = np.ascontiguousarray(rgba, dtype=np.uint8)
    h, w = rgba.shape[:2]
    return QImage(rgba.data, w, h, 4 * w, QImage.Format.Format_RGBA8888).copy()


def _font(widget: QWidget, scale: float = 1.0, bold: bool = False) -> QFont:
    f = QFont(widget.font())
    f.setPointSizeF(f.pointSizeF() * scale)
    if bold:
        f.setWeight(QFont.Weight.DemiBold)
    return f


def _opaque(widget: QWidget) -> QWidget:
    """A white, opaque widget: repainting it never repaints the card behind it (live updates
    repaint only what changed)."""
    palette = widget.palette()
    palette.setColor(widget.backgroundRole(), WHITE)
    widget.setPalette(palette)
    widget.setAutoFillBackground(True)
    return widget


def _label(text: str = "", name: str = "insideNote", wrap: bool = False) -> QLabel:
    label = QLabel(text)
    label.setObjectName(name)
    label.setWordWrap(wrap)
    label.setTextFormat(Qt.TextFormat.RichText)
    palette = label.palette()
    palette.setColor(label.foregroundRole(), QColor(TITLE if name == "insideTitle" else MUTED))
    label.setPalette(palette)
    if name == "insideTitle":
        label.setFont(_font(label, 1.0, bold=True))
    return _opaque(label)


def _enlarged(rgba: np.ndarray, factor: int) -> QPixmap:
    """An image enlarged by an integer factor without smoothing, done once in NumPy and stored in
    the screen's pixel format, so painting it is a plain copy (a scaled or format-converting
    drawImage costs ~1 ms each: too much for a live view)."""
    return QPixmap.fromImage(to_qimage(np.repeat(np.repeat(rgba, factor, axis=0), factor, axis=1)))


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
        self._bold = _font(self, 1.0, bold=True)
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
        self._shown = None if rgba is None else _enlarged(rgba, self._pixel)
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
        p.setFont(_font(self, 0.85))
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
            self._image = _enlarged(rgba.reshape(self.rows, self.columns, 4), self.cell)
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
                self.setToolTip(f"Neuron {j}: z = {self.z[j]:.3f}, activation = {self.values[j]:.3f}")

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
        self._small = _font(self, 0.85)
        self._bold = _font(self, 1.0, bold=True)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setFixedSize(STRIP_WIDTH + 2, self.HEAD + 10 * self.ROW + 2)
        half = (self.width() - self.DIGIT_W - 12) / 2
        self._logit_x, self._prob_x, self._half = self.DIGIT_W + 4, self.DIGIT_W + 8 + half, half
        self._zero_x = self._logit_x + half / 2
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip("Logits: the output layer's weighted sums z. Softmax turns them into "
                        "probabilities: p = e^z / Σ e^z. Click a digit to see why (or why not) that one.")

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
        p.drawText(QRectF(self._logit_x, 0, self._half, self.HEAD - 2), CENTER, "logit z")
        p.drawText(QRectF(self._prob_x, 0, self._half, self.HEAD - 2), CENTER, "softmax probability")
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
            p.drawText(QRectF(lx + 2, y, half - 4, row_h), LEFT_MIDDLE if z >= 0 else RIGHT_MIDDLE, f"{z:+.2f}")
            # probability: a bar from the left, the value at the right (white where the bar is under it)
            prob = float(self.probabilities[d])
            p.fillRect(QRectF(px, y + 3, prob * half, bar_h), ACCENT if d == self.digit else grey)
            text = f"{prob:.1%}" if prob >= 0.001 else "<0.1%"
            covered = prob * half > half - 4 - metrics.horizontalAdvance(text)
            p.setPen(white if covered and d == self.digit else title)
            p.drawText(QRectF(px + 4, y, half - 8, row_h), RIGHT_MIDDLE, text)
        p.fillRect(QRectF(zero_x, self.HEAD, 1, self.height() - self.HEAD), QColor(195, 195, 195))
        p.end()


# ------------------------------------------------------------------------------------ weight grid
class WeightGrid(QWidget):
    """The first layer's weights: one 28x28 image per neuron, tiled into a single picture.

    ``set_images`` colours every neuron (each scaled to its own largest |weight|) once; the tiling
    follows the widget's shape and is redone only when the column count changes; the scaled
    picture is cached per size. Highlights (most active, hovered, selected) are painted over it.
    """

    neuronHovered = Signal(object)  # int | None
    neuronClicked = Signal(int)
    TILE = 28
    STEP = 29  # a tile and a 1-pixel gap
    MARGIN = 4  # room for the outlines of the tiles along the edges

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.count = 0
        self.columns = 1
        self.renders = 0  # how many times the tiles were coloured (once per set of weights)
        self._tiles: np.ndarray | None = None  # (n, 28, 28, 4) uint8
        self._mosaic: QImage | None = None
        self._pixmap: QPixmap | None = None
        self._scale = 1.0
        self._origin = QPointF(0, 0)
        self._top: list[int] = []
        self._hover: int | None = None
        self._selected: int | None = None
        self._message = "No model"
        self.setMouseTracking(True)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setMinimumSize(240, 200)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    # -- content ---------------------------------------------------------------------------------
    def set_images(self, images: np.ndarray | None, message: str = "No model") -> None:
        """images: (n, 28, 28) weights, or None for an empty grid showing ``message``."""
        self._message = message
        if images is None:
            self._tiles, self.count = None, 0
        else:
            self._tiles = diverging_rgba(mi.symmetric_scale(images, axis=(1, 2)))
            self.count = len(images)
            self.renders += 1
        self._mosaic = self._pixmap = None
        self._layout()
        self.update()

    def set_highlights(self, top, hover: int | None, selected: int | None) -> None:
        top = [int(j) for j in top]
        if (top, hover, selected) == (self._top, self._hover, self._selected):
            return
        # repaint only the tiles whose outline appears or disappears, not the whole grid
        before = set(self._top) | {self._hover, self._selected}
        self._top, self._hover, self._selected = top, hover, selected
        after = set(top) | {hover, selected}
        for j in before ^ after | ({hover, selected} if hover != selected else set()):
            if j is not None and j < self.count:
                self.update(self.tile_rect(j).adjusted(-5, -5, 5, 5).toAlignedRect())

    def image(self) -> QImage | None:
        """The tiled weight images at one screen pixel per weight (before scaling)."""
        if self._mosaic is None:
            self._layout()
        return self._mosaic

    def tile_rect(self, j: int) -> QRectF:
        """Neuron j's image in widget coordinates."""
        r, c = divmod(j, self.columns)
        s = self._scale
        return QRectF(self._origin.x() + (1 + c * self.STEP) * s, self._origin.y() + (1 + r * self.STEP) * s,
                      self.TILE * s, self.TILE * s)

    def neuron_at(self, pos) -> int | None:
        if not self.count:
            return None
        x = (pos.x() - self._origin.x()) / self._scale - 1
        y = (pos.y() - self._origin.y()) / self._scale - 1
        c, r = int(x // self.STEP), int(y // self.STEP)
        if x < 0 or y < 0 or c >= self.columns:
            return None
        j = r * self.columns + c
        return j if j < self.count else None

    # -- layout and rendering --------------------------------------------------------------------
    def _best_columns(self) -> int:
        n = self.count
        w, h = max(1, self.width() - 2 * self.MARGIN), max(1, self.height() - 2 * self.MARGIN)
        best, best_scale = 1, 0.0
        for cols in range(1, n + 1):
            rows = math.ceil(n / cols)
            scale = min(w / (cols * self.STEP + 1), h / (rows * self.STEP + 1))
            if scale > best_scale + 1e-9:
                best, best_scale = cols, scale
        return best

    def _layout(self) -> None:
        if self._tiles is None:
            self._mosaic = None
            return
        cols = self._best_columns()
        if self._mosaic is None or cols != self.columns:
            self.columns = cols
            self._mosaic = self._tile(cols)
            self._pixmap = None
        native_w, native_h = self._mosaic.width(), self._mosaic.height()
        m = self.MARGIN
        scale = min((self.width() - 2 * m) / native_w, (self.height() - 2 * m) / native_h)
        if scale >= 1.0:
            scale = float(math.floor(scale))  # crisp pixels
        self._scale = max(scale, 0.05)
        self._origin = QPointF(math.floor((self.width() - native_w * self._scale) / 2),
                               math.floor((self.height() - native_h * self._scale) / 2))

    def _tile(self, cols: int) -> QImage:
        n, t, step = self.count, self.TILE, self.STEP
        rows = math.ceil(n / cols)
        tiles = np.empty((rows * cols, step, step, 4), dtype=np.uint8)
        tiles[:] = GAP
        tiles[:n, 1:, 1:] = self._tiles
        tiles[n:] = (255, 255, 255, 0)  # no neuron: the card shows through
        mosaic = tiles.reshape(rows, cols, step, step, 4).transpose(0, 2, 1, 3, 4).reshape(rows * step, cols * step, 4)
        full = np.empty((rows * step + 1, cols * step + 1, 4), dtype=np.uint8)
        full[:] = GAP
        full[:-1, :-1] = mosaic
        if n % cols:  # the last row's empty slots and the border pixels below/right of them
            last = (rows - 1) * step
            full[last + 1:, (n % cols) * step + 1:] = (255, 255, 255, 0)
        return to_qimage(full)

    def _scaled(self) -> QPixmap:
        dpr = self.devicePixelRatioF()
        w = max(1, round(self._mosaic.width() * self._scale * dpr))
        h = max(1, round(self._mosaic.height() * self._scale * dpr))
        mode = (Qt.TransformationMode.FastTransformation if self._scale >= 1.0
                else Qt.TransformationMode.SmoothTransformation)
        pm = QPixmap.fromImage(self._mosaic.scaled(w, h, Qt.AspectRatioMode.IgnoreAspectRatio, mode))
        pm.setDevicePixelRatio(dpr)
        return pm

    def resizeEvent(self, event) -> None:
        self._pixmap = None
        self._layout()
        super().resizeEvent(event)

    # -- mouse -----------------------------------------------------------------------------------
    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        j = self.neuron_at(event.position())
        if j != self._hover:
            self.neuronHovered.emit(j)

    def leaveEvent(self, event) -> None:
        self.neuronHovered.emit(None)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        j = self.neuron_at(event.position())
        if j is not None and event.button() == Qt.MouseButton.LeftButton:
            self.neuronClicked.emit(j)

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.fillRect(self.rect(), WHITE)
        if self._tiles is None:
            p.setPen(QColor(MUTED))
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self._message)
            p.end()
            return
        if self._mosaic is None:
            self._layout()
        if self._pixmap is None or self._pixmap.devicePixelRatio() != self.devicePixelRatioF():
            self._pixmap = self._scaled()
        p.drawPixmap(self._origin, self._pixmap)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setBrush(Qt.BrushStyle.NoBrush)
        width = max(2.0, min(3.0, self._scale * 2.5))
        for j in self._top:
            if j < self.count:
                p.setPen(QPen(TOP, width))
                p.drawRect(self.tile_rect(j).adjusted(-0.5, -0.5, 0.5, 0.5))
        for j, style in ((self._selected, Qt.PenStyle.SolidLine), (self._hover, Qt.PenStyle.SolidLine)):
            if j is not None and j < self.count:
                p.setPen(QPen(PICK, width + 0.5, style))
                p.drawRect(self.tile_rect(j).adjusted(-1.5, -1.5, 1.5, 1.5))
        p.end()


class NeuronDetail(QWidget):
    """One first-layer neuron: its weights large, weights x input, and its z and activation."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        _opaque(self)
        self.neuron: int | None = None
        self.weights = Picture(DETAIL_PIXEL, tooltip="This neuron's 784 weights: red pixels of ink raise its "
                                                     "weighted sum, blue ones lower it")
        self.products = Picture(DETAIL_PIXEL, tooltip="Weights × your drawing: each pixel's share of the "
                                                      "weighted sum z (their total plus the bias is z)")
        self.title = Caption(title=True)
        self.text = Caption(lines=6)
        self.text.setMinimumWidth(150)
        cap_w, cap_p = _label("weights"), _label("weights × input")
        for c in (cap_w, cap_p):
            c.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(2)
        grid.addWidget(self.weights, 0, 0)
        grid.addWidget(self.products, 0, 1)
        grid.addWidget(cap_w, 1, 0)
        grid.addWidget(cap_p, 1, 1)
        words = QVBoxLayout()
        words.setSpacing(2)
        words.addWidget(self.title)
        words.addWidget(self.text)
        words.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(14)
        layout.addLayout(grid)
        layout.addLayout(words, 1)


# ------------------------------------------------------------------------------------ the view
class InsideView(QWidget):
    """The network's inside for the current drawing. See the module docstring for the wiring.

    Public state (read-only): ``current_inside`` (a :class:`model.inside.Inside`, None when nothing
    is drawn or there is no model), ``selected_neuron`` (clicked, pinned), ``hovered_neuron``,
    ``shown_neuron()`` (what the detail shows), ``explained_digit`` (None: the predicted one).
    """

    neuronSelected = Signal(object)  # int | None: the pinned first-layer neuron changed

    def __init__(self, session=None, parent: QWidget | None = None):
        """``session``: the app's :class:`app.session.ActiveModel`, whose model it shows (or None:
        call :meth:`set_recognizer`)."""
        super().__init__(parent)
        self.recognizer: Recognizer | None = None
        self.current_inside: mi.Inside | None = None
        self.selected_neuron: int | None = None
        self.hovered_neuron: int | None = None
        self.explained_digit: int | None = None
        self.first_layer_kernel: np.ndarray | None = None  # what the weight grid shows (784, n)
        self._kernel_is_model = False  # the grid shows the recognizer's own first layer
        self._weights_caption = ""
        self._detail_key = None
        self._stale = False
        self._x: np.ndarray | None = None
        self.layer_strips: list[HeatStrip] = []
        self.layer_labels: list[Caption] = []

        # left: input, why, layers, output
        self.input_picture = Picture(PIXEL, tooltip="The 784 inputs: the 28×28 image the network reads, "
                                                    "white ink on black, each pixel 0 to 1")
        self.why_picture = Picture(PIXEL, tooltip="Gradient × input of the digit's logit: how much each "
                                                  "pixel of ink adds to (red) or takes from (blue) the "
                                                  "evidence for the digit")
        self.input_caption = Caption()
        self.input_caption.setText("<b>Input</b> · 784 pixels")
        self.why_caption = Caption()
        self.why_caption.setText("<b>Why this digit</b>")
        self.why_legend = ColourBar(DIVERGING, "against", "for", 28 * PIXEL + 2)
        pictures = QGridLayout()
        pictures.setContentsMargins(0, 0, 0, 0)
        pictures.setHorizontalSpacing(STRIP_WIDTH - 2 * (28 * PIXEL + 2) + 2)  # flush with the strips
        pictures.setVerticalSpacing(3)
        pictures.addWidget(self.input_caption, 0, 0)
        pictures.addWidget(self.why_caption, 0, 1)
        pictures.addWidget(self.input_picture, 1, 0)
        pictures.addWidget(self.why_picture, 1, 1)
        self.input_note = Caption()
        pictures.addWidget(self.input_note, 2, 0, Qt.AlignmentFlag.AlignTop)
        pictures.addWidget(self.why_legend, 2, 1, Qt.AlignmentFlag.AlignTop)
        pictures.setColumnStretch(2, 1)

        self._layers_box = QVBoxLayout()
        self._layers_box.setContentsMargins(0, 0, 0, 0)
        self._layers_box.setSpacing(3)
        self.output_label = _label("<b>Output</b>")
        self.output_table = OutputTable()
        self.output_table.digitClicked.connect(self._on_digit_clicked)

        left_card = Card()
        left = QVBoxLayout(left_card)
        left.setContentsMargins(14, 10, 14, 12)
        left.setSpacing(6)
        left.addWidget(self._title("What the network computes for your drawing"))
        left.addLayout(pictures)
        left.addSpacing(4)
        left.addLayout(self._layers_box)
        left.addSpacing(4)
        left.addWidget(self.output_label)
        left.addWidget(self.output_table)
        left.addStretch(1)

        # right: first-layer weights and the neuron detail
        self.weights_title = self._title("First layer weights")
        self.weights_note = _label("", wrap=True)
        self.weight_grid = WeightGrid()
        self.weight_grid.neuronHovered.connect(self._on_hover)
        self.weight_grid.neuronClicked.connect(self._on_click)
        self.detail = NeuronDetail()
        right_card = Card()
        right = QVBoxLayout(right_card)
        right.setContentsMargins(14, 10, 14, 12)
        right.setSpacing(6)
        right.addWidget(self.weights_title)
        right.addWidget(self.weights_note)
        right.addSpacing(4)
        right.addWidget(self.weight_grid, 1)
        sep = _opaque(QWidget())
        sep.setFixedHeight(1)
        palette = sep.palette()
        palette.setColor(sep.backgroundRole(), QColor("#e5e7eb"))
        sep.setPalette(palette)
        right.addWidget(sep)
        right.addWidget(self.detail)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        layout.addWidget(left_card)
        layout.addWidget(right_card, 1)
        self._refresh()
        if session is not None:
            self.set_recognizer(session.recognizer)
            session.changed.connect(lambda _info: self.set_recognizer(session.recognizer))

    @staticmethod
    def _title(text: str) -> QLabel:
        return _label(text, "insideTitle")

    # -- public API ------------------------------------------------------------------------------
    def set_recognizer(self, recognizer: Recognizer | None) -> None:
        """Use this model: rebuilds the layer strips and renders its first-layer weight grid."""
        self.recognizer = recognizer
        self._build_strips()
        if recognizer is None:
            self.first_layer_kernel = None
            self._kernel_is_model = False
            self.weight_grid.set_images(None)
        else:
            self._show_weights(recognizer.layers[0].kernel, "")
        self._explain()
        self._redraw()

    def set_input(self, x: np.ndarray | None) -> None:
        """The preprocessed 28x28 input (floats 0..1), or None when nothing is drawn."""
        self._x = None if x is None else np.asarray(x, dtype=np.float32).reshape(28, 28)
        if x is None:
            self.explained_digit = None  # a new drawing starts by explaining what it predicts
        self._explain()
        self._redraw()

    def set_prediction(self, prediction, network_input=None) -> None:
        """Slot for ``LivePredictor.predictionChanged(prediction, x)``: only x is used."""
        self.set_input(network_input)

    def set_first_layer_weights(self, kernel0: np.ndarray, caption: str | None = None) -> None:
        """Show these first-layer weights (784, n) in the grid, e.g. after every training epoch.

        While they are not the recognizer's own (a network in training), the grid shows no
        "most active" highlights and the detail no activation: those belong to the model in use.
        ``caption`` says whose weights they are (e.g. "Training: epoch 3 of 20").
        """
        self._show_weights(np.asarray(kernel0), caption or "")
        self._redraw()

    def set_explained_digit(self, digit: int | None) -> None:
        """Explain this digit in "Why this digit" (None: whichever the network predicts)."""
        self.explained_digit = digit
        self._explain()
        self._redraw()

    def select_neuron(self, j: int | None) -> None:
        """Pin a first-layer neuron in the detail (None: follow the most active one)."""
        if j is not None and not 0 <= j < self.weight_grid.count:
            j = None
        if j != self.selected_neuron:
            self.selected_neuron = j
            self.neuronSelected.emit(j)
        self._refresh_neuron()

    def shown_neuron(self) -> int | None:
        """The neuron the detail shows: hovered, else selected, else the most active one."""
        if self.hovered_neuron is not None:
            return self.hovered_neuron
        if self.selected_neuron is not None:
            return self.selected_neuron
        ins = self.current_inside
        if ins is not None and len(ins.top_neurons) and self._kernel_is_model:
            return int(ins.top_neurons[0])
        return None

    def is_empty(self) -> bool:
        return self.current_inside is None

    def sizeHint(self) -> QSize:
        return QSize(1040, 640)

    # -- internals -------------------------------------------------------------------------------
    def _redraw(self) -> None:
        """Bring the pictures up to date now if the view is on screen, else when it is shown: while
        another tab is in front, following the drawing costs only ``explain`` (~0.3 ms)."""
        if self.isVisible():
            self._stale = False
            self._refresh()
        else:
            self._stale = True

    def showEvent(self, event) -> None:
        if self._stale:
            self._stale = False
            self._refresh()
        super().showEvent(event)

    def _show_weights(self, kernel: np.ndarray, caption: str) -> None:
        rec = self.recognizer
        self._kernel_is_model = rec is not None and (
            kernel is rec.layers[0].kernel
            or (kernel.shape == rec.layers[0].kernel.shape and np.array_equal(kernel, rec.layers[0].kernel)))
        self.first_layer_kernel = kernel
        self._weights_caption = caption
        self._detail_key = None
        self.weight_grid.set_images(mi.weight_images(kernel))
        n = kernel.shape[1]
        for attr in ("selected_neuron", "hovered_neuron"):
            if getattr(self, attr) is not None and getattr(self, attr) >= n:
                setattr(self, attr, None)

    def _explain(self) -> None:
        if self.recognizer is None or self._x is None:
            self.current_inside = None
            return
        self.current_inside = mi.explain(self.recognizer, self._x, digit=self.explained_digit)

    def _build_strips(self) -> None:
        for w in self.layer_strips + self.layer_labels:
            self._layers_box.removeWidget(w)
            w.deleteLater()
        self.layer_strips, self.layer_labels = [], []
        rec = self.recognizer
        if rec is None:
            return
        names = mi.layer_names(rec)
        for i, layer in enumerate(rec.layers[:-1]):
            n = layer.kernel.shape[1]
            label = Caption()
            strip = HeatStrip(n)
            strip.setToolTip(f"{names[i]}: the activations of its {n} neurons, one cell each")
            if i == 0:
                strip.neuronHovered.connect(self._on_hover)
                strip.neuronClicked.connect(self._on_click)
                strip.setCursor(Qt.CursorShape.PointingHandCursor)
            self._layers_box.addWidget(label)
            self._layers_box.addWidget(strip)
            self.layer_labels.append(label)
            self.layer_strips.append(strip)

    def _on_hover(self, j) -> None:
        if j != self.hovered_neuron:
            self.hovered_neuron = j
            self._refresh_neuron()

    def _on_click(self, j: int) -> None:
        self.select_neuron(None if j == self.selected_neuron else j)

    def _on_digit_clicked(self, d: int) -> None:
        ins = self.current_inside
        if ins is None:
            return
        self.set_explained_digit(None if d == ins.digit else d)

    def _refresh(self) -> None:
        ins = self.current_inside
        rec = self.recognizer
        # input
        if self._x is None:
            self.input_picture.set_rgba(None, "Draw a digit")
            self.input_note.setText("")
        else:
            grey = np.clip(np.rint(self._x * 255), 0, 255).astype(np.uint8)
            rgba = np.empty((28, 28, 4), dtype=np.uint8)
            rgba[..., :3] = grey[..., None]
            rgba[..., 3] = 255
            self.input_picture.set_rgba(rgba)
            self.input_note.setText(f"{ins.inked} of 784 pixels inked" if ins is not None else "")
        # why
        if ins is None:
            self.why_picture.set_rgba(None, "Which pixels make the digit" if rec else "No model")
            self.why_caption.setText("<b>Why this digit</b>")
            self.why_legend.set_labels("against", "for")
        else:
            lim = mi.symmetric_limit(ins.contribution, percentile=99.0)
            scaled = mi.symmetric_scale(ins.contribution, limit=lim)
            rgba = diverging_rgba(scaled)
            # ink that barely counts stays visible as light grey
            shade = 1.0 - 0.35 * ins.image * (1.0 - np.abs(scaled))
            rgba[..., :3] = np.rint(rgba[..., :3] * shade[..., None]).astype(np.uint8)
            self.why_picture.set_rgba(rgba)
            d = ins.explained
            if d == ins.digit:
                self.why_caption.setText(f"<b>Why {d}</b>")
            else:
                self.why_caption.setText(f"<b>Why {d}?</b> · it says {ins.digit}")
            self.why_legend.set_labels(f"against {d}", f"for {d}")
        # hidden layers
        for i, (label, strip) in enumerate(zip(self.layer_labels, self.layer_strips)):
            layer = rec.layers[i]
            values = ins.layers[i] if ins is not None else None
            name = mi.layer_names(rec)[i]
            act = layer.activation if not layer.param else f"{layer.activation}({layer.param:g})"
            if values is None:
                label.setText(f"<b>{name}</b> · {layer.kernel.shape[1]} neurons · {act}")
                strip.set_values(None, None, 0.0, 1.0)
                strip.set_marks({})
            else:
                lo, hi = mi.display_range(values.a, values.activation)
                label.setText(f"<b>{name}</b> · {values.size} neurons · {act}"
                              f"<span style='color:{MUTED}'> · {values.active} active · max {hi:.2f}</span>")
                strip.set_values(values.a, values.z, lo, hi)
        # output
        if rec is not None:
            out = rec.layers[-1]
            act = out.activation if not out.param else f"{out.activation}({out.param:g})"
            self.output_label.setText(f"<b>Output</b> · 10 neurons · {act}")
        if ins is None:
            self.output_table.set_values(None, None, None, None, 1.0)
        else:
            self.output_table.set_values(ins.logits, ins.probabilities, ins.digit, ins.explained,
                                         mi.symmetric_limit(ins.logits))
        # weights
        n = self.weight_grid.count
        first = mi.layer_names(rec)[0] if rec is not None else "First layer"
        if self.first_layer_kernel is None:
            self.weights_title.setText("First layer weights")
            self.weights_note.setText("")
        else:
            who = f"{first} · " if self._kernel_is_model else ""
            self.weights_title.setText(f"{who}What each of the {n} neurons looks for")
            caption = f"<b>{self._weights_caption}</b> · " if self._weights_caption else ""
            self.weights_note.setText(
                f"{caption}Each neuron's 784 weights as a 28×28 image: ink on <span style='color:#b2182b'>"
                f"red</span> raises its sum, ink on <span style='color:#2166ac'>blue</span> lowers it. "
                + ("<span style='color:#d97706'><b>Outlined</b></span>: most active for your drawing. "
                   if self._kernel_is_model else "")
                + "Hover or click a neuron.")
        self._refresh_neuron()

    def _refresh_neuron(self) -> None:
        ins = self.current_inside if self._kernel_is_model else None
        top = list(ins.top_neurons) if ins is not None else []
        j = self.shown_neuron()
        self.weight_grid.set_highlights(top, self.hovered_neuron, self.selected_neuron)
        marks = {int(t): TOP for t in top}
        for k in (self.selected_neuron, self.hovered_neuron):
            if k is not None:
                marks[k] = PICK
        if self.layer_strips and self._kernel_is_model:
            self.layer_strips[0].set_marks(marks)
        elif self.layer_strips:
            self.layer_strips[0].set_marks({})
        detail = self.detail
        detail.neuron = j
        kernel = self.first_layer_kernel
        if j is None or kernel is None:
            self._detail_key = None
            detail.weights.set_rgba(None, "Hover over a neuron")
            detail.products.set_rgba(None, "")
            detail.title.setText("A neuron")
            detail.text.setText("Hover over or click a neuron in the grid<br>(or in the first layer's "
                                "strip) to see its weights<br>large and what it makes of your drawing."
                                if kernel is not None else "")
            return
        w = kernel[:, j]
        if self._detail_key != (id(kernel), j):  # the weights image changes with the neuron only
            self._detail_key = (id(kernel), j)
            detail.weights.set_rgba(diverging_rgba(mi.symmetric_scale(w.reshape(28, 28))))
        if j == self.hovered_neuron:
            how = ""
        elif j == self.selected_neuron:
            how = " · pinned"
        else:
            how = " · the most active"
        detail.title.setText(f"Neuron {j} of {kernel.shape[1]}{how}")
        detail.setToolTip("Click the neuron again to unpin it" if how == " · pinned" else "")
        if ins is None:
            detail.products.set_rgba(None, "Draw a digit" if self._kernel_is_model else "")
            detail.text.setText(f"Largest |weight| {mi.symmetric_limit(w):.3f}"
                                + ("<br>Draw a digit to see its activation." if self._kernel_is_model else
                                   "<br>These are the weights of the network in<br>training; its activations "
                                   "appear once it<br>is the model in use."))
            return
        nv = mi.neuron(self.recognizer, ins, j)
        detail.products.set_rgba(diverging_rgba(mi.symmetric_scale(nv.products)))
        star = " ★ outlined" if j in top else ""
        detail.text.setText(
            f"Σ weight × input = {nv.weighted_sum:+.3f}<br>"
            f"+ bias {nv.bias:+.3f}<br>"
            f"= z {nv.z:+.3f}<br>"
            f"<b>activation {ins.first.activation}(z) = {nv.a:.3f}</b><br>"
            f"<span style='color:{MUTED}'>rank {nv.rank} of {ins.first.size}{star}</span>")


def _demo(argv: list[str] | None = None) -> int:
    """``python -m app.inside_view [--sample three] [--model DIR] [--grab PNG] [--size WxH]``:
    the view alone with a shipped sample ink (for screenshots and a quick look)."""
    import argparse

    from PySide6.QtWidgets import QApplication

    from model.ink import load
    from model.paths import assets_dir, default_model_dir
    from model.preprocess import ink_to_input

    parser = argparse.ArgumentParser(prog="python -m app.inside_view")
    parser.add_argument("--sample", default="three",
                        help="a shipped sample ink (assets/samples/NAME.json), or 'none' for the empty state")
    parser.add_argument("--model", default=str(default_model_dir()))
    parser.add_argument("--grab", metavar="PNG", help="save a screenshot of the view and quit")
    parser.add_argument("--size", default="1120x660")
    parser.add_argument("--hover", type=int, help="show this first-layer neuron in the detail")
    args = parser.parse_args(argv)
    qapp = QApplication.instance() or QApplication([])
    qapp.setStyle("Fusion")
    window = QWidget()
    window.setWindowTitle("DigitPad · Inside")
    palette = window.palette()
    palette.setColor(window.backgroundRole(), WINDOW)
    window.setPalette(palette)
    window.setAutoFillBackground(True)
    view = InsideView()
    box = QVBoxLayout(window)
    box.setContentsMargins(12, 12, 12, 12)
    box.addWidget(view)
    w, h = (int(v) for v in args.size.lower().split("x"))
    window.resize(w, h)
    view.set_recognizer(Recognizer.load(args.model))
    if args.sample != "none":
        view.set_input(ink_to_input(load(assets_dir() / "samples" / f"{args.sample}.json")))
    if args.hover is not None:
        view.select_neuron(args.hover)
    window.show()
    if args.grab:
        from PySide6.QtTest import QTest

        QTest.qWaitForWindowExposed(window)
        QTest.qWait(200)
        ok = window.grab().save(args.grab)
        print(f"saved {args.grab}" if ok else f"could not save {args.grab}")
        return 0 if ok else 1
    return qapp.exec()


if __name__ == "__main__":
    import sys

    sys.exit(_demo(sys.argv[1:]))
