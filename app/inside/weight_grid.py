"""The Inside view's first-layer weights: every neuron's 784 weights as a 28x28 image, tiled
(:class:`WeightGrid`), and one neuron large with what it makes of the drawing (:class:`NeuronDetail`)."""
from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QImage, QMouseEvent, QPainter, QPaintEvent, QPen, QPixmap
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QSizePolicy, QVBoxLayout, QWidget

from model import inside as mi

from ..theme import MUTED, PICK, TOP, WHITE
from .colours import diverging_rgba, to_qimage
from .pictures import Caption, Picture, note_label, opaque

GAP = (203, 208, 216, 255)  # between weight images
DETAIL_PIXEL = 3


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
        self._message = self.tr("No model")
        self.setMouseTracking(True)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setMinimumSize(240, 120)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    # -- content ---------------------------------------------------------------------------------
    def set_images(self, images: np.ndarray | None, message: str | None = None) -> None:
        """images: (n, 28, 28) weights, or None for an empty grid showing ``message``."""
        self._message = self.tr("No model") if message is None else message
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
        n, step = self.count, self.STEP
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
        opaque(self)
        self.neuron: int | None = None
        self.weights = Picture(DETAIL_PIXEL, tooltip=self.tr("This neuron's 784 weights: red pixels of ink raise "
                                                             "its weighted sum, blue ones lower it"))
        self.products = Picture(DETAIL_PIXEL, tooltip=self.tr("Weights × your drawing: each pixel's share of the "
                                                              "weighted sum z (their total plus the bias is z)"))
        self.title = Caption(title=True)
        self.text = Caption(lines=6)
        self.text.setMinimumWidth(248)  # its lines are short (each text breaks them itself)
        cap_w, cap_p = note_label(self.tr("weights")), note_label(self.tr("weights × input"))
        for c in (cap_w, cap_p):
            c.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(6)
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
        layout.setSpacing(8)
        layout.addLayout(grid)
        layout.addLayout(words, 1)

