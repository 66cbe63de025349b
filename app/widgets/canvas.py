"""InkCanvas: the drawing widget. White paper, a round black pen, and the ink as it changes.

The ink is kept in logical canvas coordinates (280x280 by default, the :class:`model.ink.Ink`'s
width/height), whatever the widget's size: the paper is the largest square (or the loaded ink's
aspect) that fits the widget, and the view scales. Finished strokes are rendered once into a
device-pixel :class:`QImage` cache; only the stroke being drawn is stroked again on each paint,
and only the region around its newest segment is repainted on a mouse move.

Curves between mouse events are quadratic: the path runs through the midpoints of consecutive
samples with the samples as control points, so a fast stroke is smooth rather than a polyline.
The recorded ink keeps the raw samples; the preprocessing draws its own MNIST-like pen anyway.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QCursor,
    QImage,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QPaintEvent,
    QPen,
    QPixmap,
    QResizeEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from model.ink import Ink

from ..theme import GUIDE, HINT, INK, PAPER

CANVAS_SIZE = 280  # logical canvas pixels, the size of an MNIST digit x10
DEFAULT_PEN_WIDTH = 18.0
MIN_PEN_WIDTH, MAX_PEN_WIDTH = 4.0, 40.0
MIN_STEP = 0.5  # widget pixels a mouse move must travel to add a sample (not a repeat)
UNDO_LIMIT = 200
MARGIN = 14  # widget pixels around the paper



@dataclass(frozen=True)
class _State:
    """What undo/redo restores: the finished strokes and the canvas size they live in."""

    strokes: tuple  # of (n, 2) float64 arrays, never mutated
    width: int = CANVAS_SIZE
    height: int = CANVAS_SIZE


class InkCanvas(QWidget):
    """A drawing surface that records :class:`Ink` and emits it on every change.

    ``inkChanged`` fires on every mouse move that adds a sample while drawing (the live stroke is
    part of the ink), and on undo, redo, clear, erase, load and pen-width changes.
    """

    inkChanged = Signal(object)  # Ink
    canUndoChanged = Signal(bool)
    canRedoChanged = Signal(bool)
    penWidthChanged = Signal(float)
    eraserToggled = Signal(bool)
    pointerMoved = Signal(float, float)  # canvas coordinates of the mouse over the paper, not drawing

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._state = _State(())
        self._undo: list[_State] = []
        self._redo: list[_State] = []
        self._pen_width = DEFAULT_PEN_WIDTH
        self._eraser = False
        self._live: list[tuple[float, float]] | None = None  # the stroke being drawn
        self._live_path = QPainterPath()  # through the midpoints, up to the last midpoint
        self._erasing_from: _State | None = None  # state before an eraser drag
        self._cache: QImage | None = None
        self._outlines: dict[int, tuple[np.ndarray, QPainterPath]] = {}  # eraser hit areas
        self._image: QImage | None = None  # a dropped image, shown read-only
        self._image_caption = ""
        self._paper = (CANVAS_SIZE, CANVAS_SIZE)  # the size a cleared canvas has
        self._hint = self.tr("Draw a digit here")
        self._guides: tuple[float, ...] = ()  # canvas y's of faint writing lines on the paper
        self.overlay = None  # callable(QPainter) drawing over the ink in canvas coordinates
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(180, 140)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setToolTip(self.tr("Draw a digit with the left mouse button"))

    # -- public API ------------------------------------------------------------------------------
    def ink(self) -> Ink:
        """The current drawing, including the stroke being drawn."""
        strokes = list(self._state.strokes)
        if self._live:
            strokes.append(np.array(self._live, dtype=np.float64))
        return Ink(strokes, self._state.width, self._state.height, self._pen_width)

    def is_empty(self) -> bool:
        return not self._state.strokes and not self._live

    def set_ink(self, ink: Ink) -> None:
        """Show a loaded drawing (undoable); its pen width becomes the canvas's."""
        self._cancel_live()
        self._dismiss_image()
        self._push(_State(tuple(np.array(s, dtype=np.float64) for s in ink.strokes),
                          int(ink.width), int(ink.height)))
        if ink.pen_width != self._pen_width:
            self._pen_width = float(ink.pen_width)
            self.penWidthChanged.emit(self._pen_width)
        self._changed(relayout=True)

    def clear(self) -> None:
        self._cancel_live()
        had_image = self._dismiss_image()
        if self._state.strokes or (self._state.width, self._state.height) != self._paper:
            self._push(_State((), *self._paper))
            self._changed(relayout=True)
        elif had_image:
            self._changed()

    def set_paper(self, width: int, height: int, hint: str | None = None, guides=()) -> None:
        """A new, empty sheet of this size in canvas pixels (undo brings back the drawing), also
        the size Clear gives from now on; ``hint`` is written on it while it is empty, ``guides``
        are the canvas y's of faint writing lines (on screen only, never in the ink or a PNG)."""
        hint = self.tr("Draw a digit here") if hint is None else hint
        self._paper, self._hint, self._guides = (int(width), int(height)), hint, tuple(guides)
        self._cancel_live()
        self._dismiss_image()
        if self._state.strokes or (self._state.width, self._state.height) != self._paper:
            self._push(_State((), *self._paper))
        self.updateGeometry()
        self._changed(relayout=True)

    def undo(self) -> None:
        self._cancel_live()
        self._dismiss_image()
        if not self._undo:
            return
        self._redo.append(self._state)
        self._state = self._undo.pop()
        self._changed(relayout=True)

    def redo(self) -> None:
        self._cancel_live()
        self._dismiss_image()
        if not self._redo:
            return
        self._undo.append(self._state)
        self._state = self._redo.pop()
        self._changed(relayout=True)

    def can_undo(self) -> bool:
        return bool(self._undo)

    def can_redo(self) -> bool:
        return bool(self._redo)

    def pen_width(self) -> float:
        return self._pen_width

    def set_pen_width(self, width: float) -> None:
        width = float(min(MAX_PEN_WIDTH, max(MIN_PEN_WIDTH, width)))
        if width == self._pen_width:
            return
        self._pen_width = width
        self._cache = None
        self._outlines.clear()
        self._update_cursor()
        self.update()
        self.penWidthChanged.emit(width)
        self.inkChanged.emit(self.ink())

    def is_eraser(self) -> bool:
        return self._eraser

    def set_eraser(self, on: bool) -> None:
        on = bool(on)
        if on == self._eraser:
            return
        self._eraser = on
        self._update_cursor()
        self.setToolTip(self.tr("Drag over strokes to erase them") if on else
                        self.tr("Draw a digit with the left mouse button"))
        self.eraserToggled.emit(on)

    def show_image(self, image: QImage, caption: str = "") -> None:
        """Show a dropped/opened image read-only. The drawing is put aside (undo brings it back);
        drawing, undo, redo or clear dismiss the image."""
        self._cancel_live()
        if self._state.strokes:
            self._push(_State(()))
        self._image = image
        self._image_caption = caption
        self._cache = None
        self._emit_history()
        self.update()

    def showing_image(self) -> bool:
        return self._image is not None

    def to_image(self, scale: float = 1.0) -> QImage:
        """The drawing on white paper at the canvas's logical size times ``scale`` (PNG export)."""
        w, h = self._state.width, self._state.height
        image = QImage(max(1, round(w * scale)), max(1, round(h * scale)), QImage.Format.Format_RGB32)
        image.fill(PAPER)
        p = QPainter(image)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.scale(scale, scale)
        self._paint_strokes(p, self.ink().strokes)
        p.end()
        return image

    def paper_rect(self) -> QRectF:
        """Where the paper is, in widget coordinates."""
        w, h = self._state.width, self._state.height
        s = self._scale()
        pw, ph = w * s, h * s
        return QRectF((self.width() - pw) / 2.0, (self.height() - ph) / 2.0, pw, ph)

    def canvas_to_widget(self, x: float, y: float) -> QPointF:
        r, s = self.paper_rect(), self._scale()
        return QPointF(r.left() + x * s, r.top() + y * s)

    def widget_to_canvas(self, pos: QPointF) -> tuple[float, float]:
        r, s = self.paper_rect(), self._scale()
        x = min(max((pos.x() - r.left()) / s, 0.0), float(self._state.width))
        y = min(max((pos.y() - r.top()) / s, 0.0), float(self._state.height))
        return x, y

    def sizeHint(self) -> QSize:
        return QSize(CANVAS_SIZE * 2 + 2 * MARGIN, CANVAS_SIZE * 2 + 2 * MARGIN)

    def heightForWidth(self, w: int) -> int:
        return round(w * self._state.height / max(1, self._state.width))

    # -- mouse -----------------------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return super().mousePressEvent(event)
        if self._eraser:
            self._dismiss_image()
            self._erasing_from = self._state
            self._erase_at(event.position())
            return
        was_image = self._dismiss_image()
        self._live = [self.widget_to_canvas(event.position())]
        self._live_path = QPainterPath(QPointF(*self._live[0]))
        if was_image:
            self._cache = None
            self.update()
        else:
            self._update_live_region()
        self.inkChanged.emit(self.ink())

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._erasing_from is not None:
            self._erase_at(event.position())
        elif self._live is not None:
            self._add_point(self.widget_to_canvas(event.position()))
        else:
            if self.hasMouseTracking() and self.paper_rect().contains(event.position()):
                self.pointerMoved.emit(*self.widget_to_canvas(event.position()))
            super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return super().mouseReleaseEvent(event)
        if self._erasing_from is not None:
            before, self._erasing_from = self._erasing_from, None
            if len(before.strokes) != len(self._state.strokes):  # the eraser only removes
                self._undo.append(before)
                del self._undo[:-UNDO_LIMIT]
                self._redo.clear()
                self._emit_history()
            return
        if self._live is None:
            return
        self._add_point(self.widget_to_canvas(event.position()))
        stroke = np.array(self._live, dtype=np.float64)
        self._live = None
        self._live_path = QPainterPath()
        self._undo.append(self._state)
        del self._undo[:-UNDO_LIMIT]
        self._redo.clear()
        self._state = _State(self._state.strokes + (stroke,), self._state.width, self._state.height)
        if self._cache is not None:  # add the new stroke to the cache instead of re-rendering all
            p = self._cache_painter(self._cache)
            self._paint_strokes(p, [stroke])
            p.end()
        self.update()
        self._emit_history()

    def _add_point(self, pt: tuple[float, float]) -> None:
        last = self._live[-1]
        if math.hypot(pt[0] - last[0], pt[1] - last[1]) * self._scale() < MIN_STEP:
            return
        self._live.append(pt)
        if len(self._live) >= 3:  # a quadratic from the previous midpoint to the new one
            (x0, y0), (x1, y1) = self._live[-2], pt
            self._live_path.quadTo(QPointF(x0, y0), QPointF((x0 + x1) / 2, (y0 + y1) / 2))
        else:
            (x0, y0), (x1, y1) = self._live[0], pt
            self._live_path.lineTo(QPointF((x0 + x1) / 2, (y0 + y1) / 2))
        self._update_live_region()
        self.inkChanged.emit(self.ink())

    def _update_live_region(self) -> None:
        pts = self._live[-3:]
        xs, ys = [p[0] for p in pts], [p[1] for p in pts]
        a = self.canvas_to_widget(min(xs), min(ys))
        b = self.canvas_to_widget(max(xs), max(ys))
        pad = self._pen_width * self._scale() / 2 + 3
        self.update(QRectF(a, b).adjusted(-pad, -pad, pad, pad).toAlignedRect())

    # -- eraser ----------------------------------------------------------------------------------
    def _eraser_radius(self) -> float:
        """In canvas pixels: a little wider than the pen so strokes are easy to hit."""
        return self._pen_width * 0.75 + 4.0

    def _erase_at(self, pos: QPointF) -> None:
        x, y = self.widget_to_canvas(pos)
        r = self._eraser_radius()
        spot = QPainterPath()
        spot.addEllipse(QPointF(x, y), r, r)
        keep = tuple(s for s in self._state.strokes if not self._outline(s).intersects(spot))
        if len(keep) != len(self._state.strokes):
            self._state = _State(keep, self._state.width, self._state.height)
            self._cache = None
            self.update()
            self.inkChanged.emit(self.ink())

    def _outline(self, stroke: np.ndarray) -> QPainterPath:
        """The area a stroke covers (cached per stroke), for the eraser's hit test."""
        cached = self._outlines.get(id(stroke))
        if cached is not None and cached[0] is stroke:
            return cached[1]
        path = self._stroke_path(stroke)
        if len(stroke) == 1:
            path.lineTo(QPointF(*stroke[0]) + QPointF(0.01, 0))
        stroker = QPainterPathStroker()
        stroker.setWidth(self._pen_width)
        stroker.setCapStyle(Qt.PenCapStyle.RoundCap)
        stroker.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        outline = stroker.createStroke(path)
        if len(self._outlines) > 4 * UNDO_LIMIT:
            self._outlines.clear()
        self._outlines[id(stroke)] = (stroke, outline)
        return outline

    # -- painting --------------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)  # the window's background shows around the paper
        paper = self.paper_rect()
        # A soft edge so the paper reads as a sheet on the window.
        p.setPen(Qt.PenStyle.NoPen)
        for i, alpha in ((3, 10), (2, 18), (1, 30)):
            p.setBrush(QColor(0, 0, 0, alpha))
            p.drawRoundedRect(paper.adjusted(-i, -i + 1, i, i + 1), 3 + i, 3 + i)
        dpr = self.devicePixelRatioF()
        if self._cache is None or self._cache.devicePixelRatio() != dpr:
            self._cache = self._render_cache(paper, dpr)
        p.drawImage(paper.topLeft(), self._cache)
        if self._live:
            p.save()
            p.setClipRect(paper)
            p.setRenderHint(QPainter.RenderHint.Antialiasing)
            p.translate(paper.topLeft())
            p.scale(self._scale(), self._scale())
            p.setPen(self._pen())
            p.setBrush(Qt.BrushStyle.NoBrush)
            if len(self._live) == 1:
                p.drawPoint(QPointF(*self._live[0]))
            else:
                p.drawPath(self._live_path)
                p.drawLine(self._live_path.currentPosition(), QPointF(*self._live[-1]))
            p.restore()
        if self._image is not None:
            self._paint_image(p, paper)
        elif self.is_empty():
            f = p.font()
            f.setPointSizeF(f.pointSizeF() * 1.15)
            p.setFont(f)
            p.setPen(HINT)
            p.drawText(paper, Qt.AlignmentFlag.AlignCenter, self._hint)
        elif self.overlay is not None:
            p.save()
            p.setRenderHint(QPainter.RenderHint.Antialiasing)
            p.translate(paper.topLeft())
            p.scale(self._scale(), self._scale())
            self.overlay(p, self._scale())
            p.restore()
        p.end()

    def _paint_image(self, p: QPainter, paper: QRectF) -> None:
        img = self._image
        s = min(paper.width() / max(1, img.width()), paper.height() / max(1, img.height())) * 0.9
        target = QRectF(0, 0, img.width() * s, img.height() * s)
        target.moveCenter(paper.center())
        p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        p.drawImage(target, img)
        text = self._image_caption or self.tr("An image (read-only)")
        fm = p.fontMetrics()
        box = QRectF(fm.boundingRect(text)).adjusted(-10, -5, 10, 5)
        box.moveCenter(QPointF(paper.center().x(), paper.bottom() - box.height() / 2 - 10))
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(20, 24, 32, 200))
        p.drawRoundedRect(box, box.height() / 2, box.height() / 2)
        p.setPen(QColor("white"))
        p.drawText(box, Qt.AlignmentFlag.AlignCenter, text)

    def _render_cache(self, paper: QRectF, dpr: float) -> QImage:
        image = QImage(max(1, math.ceil(paper.width() * dpr)), max(1, math.ceil(paper.height() * dpr)),
                       QImage.Format.Format_ARGB32_Premultiplied)
        image.setDevicePixelRatio(dpr)
        image.fill(PAPER)
        if self._image is None:
            p = self._cache_painter(image)
            self._paint_guides(p)
            self._paint_strokes(p, self._state.strokes)
            p.end()
        return image

    def _paint_guides(self, p: QPainter) -> None:
        if not self._guides or (self._state.width, self._state.height) != self._paper:
            return
        pen = QPen(GUIDE, 1.0 / self._scale(), Qt.PenStyle.DashLine)
        p.setPen(pen)
        for y in self._guides:
            p.drawLine(QPointF(0, y), QPointF(self._state.width, y))

    def _cache_painter(self, image: QImage) -> QPainter:
        p = QPainter(image)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.scale(self._scale(), self._scale())
        return p

    def _pen(self) -> QPen:
        pen = QPen(INK, self._pen_width)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        return pen

    def _paint_strokes(self, p: QPainter, strokes) -> None:
        p.setPen(self._pen())
        p.setBrush(Qt.BrushStyle.NoBrush)
        for s in strokes:
            if len(s) == 1:
                p.drawPoint(QPointF(*s[0]))
            else:
                p.drawPath(self._stroke_path(s))

    @staticmethod
    def _stroke_path(stroke) -> QPainterPath:
        """Quadratic curves through the midpoints of the samples, ending at the last sample."""
        pts = [QPointF(float(x), float(y)) for x, y in stroke]
        path = QPainterPath(pts[0])
        if len(pts) == 1:
            return path
        path.lineTo((pts[0] + pts[1]) / 2)
        for a, b in zip(pts[1:-1], pts[2:]):
            path.quadTo(a, (a + b) / 2)
        path.lineTo(pts[-1])
        return path

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._cache = None
        self._update_cursor()
        super().resizeEvent(event)

    # -- helpers ---------------------------------------------------------------------------------
    def _scale(self) -> float:
        """Widget pixels per canvas pixel."""
        w, h = self._state.width, self._state.height
        return max(0.05, min((self.width() - 2 * MARGIN) / w, (self.height() - 2 * MARGIN) / h))

    def _update_cursor(self) -> None:
        if not self._eraser:
            self.setCursor(Qt.CursorShape.CrossCursor)
            return
        dpr = self.devicePixelRatioF()
        d = max(8, round(2 * self._eraser_radius() * self._scale()))
        pm = QPixmap(round((d + 4) * dpr), round((d + 4) * dpr))
        pm.setDevicePixelRatio(dpr)
        pm.fill(Qt.GlobalColor.transparent)
        p = QPainter(pm)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(QPen(QColor(255, 255, 255, 220), 3))
        p.drawEllipse(QRectF(2, 2, d, d))
        p.setPen(QPen(QColor(40, 40, 40), 1.2))
        p.drawEllipse(QRectF(2, 2, d, d))
        p.end()
        self.setCursor(QCursor(pm, (d + 4) // 2, (d + 4) // 2))

    def _cancel_live(self) -> None:
        """Drop a half-drawn stroke (an action arrived mid-stroke, e.g. Esc)."""
        if self._live is not None:
            self._live = None
            self._live_path = QPainterPath()
            self.update()
        self._erasing_from = None

    def _dismiss_image(self) -> bool:
        if self._image is None:
            return False
        self._image = None
        self._cache = None
        self.update()
        return True

    def _push(self, state: _State) -> None:
        self._undo.append(self._state)
        del self._undo[:-UNDO_LIMIT]
        self._redo.clear()
        self._state = state

    def _changed(self, relayout: bool = False) -> None:
        self._cache = None
        if relayout:
            self._update_cursor()
        self.update()
        self._emit_history()
        self.inkChanged.emit(self.ink())

    def _emit_history(self) -> None:
        self.canUndoChanged.emit(bool(self._undo))
        self.canRedoChanged.emit(bool(self._redo))
