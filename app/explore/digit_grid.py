"""The Data tab's grid of digits with their labels.

The grid is a QListView over :class:`DigitListModel`, which makes each 28x28 pixmap only when
the view asks for it (the visible digits) and keeps a bounded cache: 60,000 digits cost no more
to open than 60, and scrolling draws only what comes into view. Uniform item sizes let the view
lay out the grid arithmetically instead of measuring every item.
"""
from __future__ import annotations

from collections import OrderedDict

import numpy as np
from PySide6.QtCore import QAbstractListModel, QCoreApplication, QModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QPen, QPixmap
from PySide6.QtWidgets import QAbstractItemView, QListView, QStyle, QStyledItemDelegate

from model.data import explore

from ..train.texts import num
from ..widgets.digits import digit_pixmap

SCALE = 2  # grid digits are drawn at 2x: 56x56 pixels
PIXMAP_CACHE = 3000  # pixmaps kept; a screenful is a few hundred
LabelRole = Qt.ItemDataRole.UserRole + 1  # the digit's label (int)
IndexRole = Qt.ItemDataRole.UserRole + 2  # the digit's index in its split (int)


class DigitListModel(QAbstractListModel):
    """Digits as list items: a pixmap (made on demand, cached), the label as text, a tooltip."""

    def __init__(self, parent=None, scale: int = SCALE):
        super().__init__(parent)
        self.scale = scale
        self._x = np.zeros((0, 28, 28), dtype=np.uint8)
        self._y = np.zeros(0, dtype=np.uint8)
        self._rows = np.zeros(0, dtype=np.intp)  # row -> index in the split
        self._n = 0
        self._cache: OrderedDict[int, QPixmap] = OrderedDict()  # split index -> tile
        self.pixmaps_made = 0  # how many tiles were ever made (the laziness is testable)
        side = 28 * scale
        self.tile_size = QSize(side + 10, side + 24)
        self.text_color = QColor(30, 30, 30)

    def set_digits(self, x: np.ndarray, y: np.ndarray, rows: np.ndarray | None = None) -> None:
        self.beginResetModel()
        self._x = explore.as_uint8(np.asarray(x).reshape(len(x), 28, 28))
        self._y = np.asarray(y)
        self._rows = np.arange(len(self._y)) if rows is None else np.asarray(rows, dtype=np.intp)
        self._n = len(self._rows)
        self._cache.clear()
        self.endResetModel()

    def set_rows(self, rows: np.ndarray) -> None:
        """Show only these digits (indices into the split), in this order."""
        self.beginResetModel()
        self._rows = np.asarray(rows, dtype=np.intp)
        self._n = len(self._rows)
        self.endResetModel()

    def split_index(self, row: int) -> int:
        return int(self._rows[row])

    def row_of(self, index: int) -> int | None:
        """The row showing the split's digit ``index``, or None when it is filtered out."""
        hit = np.flatnonzero(self._rows == index)
        return int(hit[0]) if hit.size else None

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 (Qt API)
        return 0 if parent.isValid() else self._n

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        i = int(self._rows[index.row()])
        if role == Qt.ItemDataRole.DecorationRole:
            return self.tile(index.row())
        if role == Qt.ItemDataRole.DisplayRole:
            return str(int(self._y[i]))
        if role == Qt.ItemDataRole.ToolTipRole:
            return QCoreApplication.translate("DigitListModel", "#{index}: a {digit}. Click to see its pixel values."
                                              ).format(index=num(i), digit=int(self._y[i]))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignHCenter
        if role == LabelRole:
            return int(self._y[i])
        if role == IndexRole:
            return i
        return None

    def pixmap(self, i: int) -> QPixmap:
        """The split's digit ``i`` enlarged (made when asked, not cached: the tiles are)."""
        return digit_pixmap(self._x[i], self.scale)

    def tile(self, row: int) -> QPixmap:
        """What the grid draws for ``row``: the digit with its label underneath (cached)."""
        i = int(self._rows[row])
        pm = self._cache.get(i)
        if pm is not None:
            self._cache.move_to_end(i)
            return pm
        pm = QPixmap(self.tile_size)
        pm.fill(Qt.GlobalColor.transparent)
        p = QPainter(pm)
        side = 28 * self.scale
        p.drawPixmap((self.tile_size.width() - side) // 2, 4, digit_pixmap(self._x[i], self.scale))
        p.setPen(self.text_color)
        p.drawText(QRect(0, side + 4, self.tile_size.width(), self.tile_size.height() - side - 4),
                   Qt.AlignmentFlag.AlignCenter, str(int(self._y[i])))
        p.end()
        self.pixmaps_made += 1
        self._cache[i] = pm
        if len(self._cache) > PIXMAP_CACHE:
            self._cache.popitem(last=False)
        return pm


class DigitDelegate(QStyledItemDelegate):
    """Paints a grid item as one cached tile (the digit over its label) and a frame when selected.

    Far cheaper than the styled default, which lays out icon and text through the style for
    every item on every paint; here a paint is a cache lookup and one drawPixmap.
    """

    def __init__(self, model: DigitListModel, parent=None):
        super().__init__(parent)
        self.model = model

    def sizeHint(self, option, index) -> QSize:  # noqa: N802
        return self.model.tile_size

    def paint(self, painter: QPainter, option, index) -> None:
        rect = option.rect
        painter.drawPixmap(rect.left() + (rect.width() - self.model.tile_size.width()) // 2, rect.top(),
                           self.model.tile(index.row()))
        if option.state & _SELECTED:
            painter.setPen(QPen(option.palette.color(QPalette.ColorRole.Highlight), 3))
            painter.drawRect(rect.adjusted(2, 2, -2, -2))


_SELECTED = QStyle.StateFlag.State_Selected


class DigitGrid(QListView):
    """The digits as a lazily drawn grid of uniform, static items.

    List mode flowing left to right with wrapping draws the same grid as icon mode, but icon mode
    keeps a rectangle per item in a BSP tree (for dragging items about) and lays out every one
    of them; with uniform sizes list mode lays the grid out arithmetically. Measured on 10,000
    digits: time to first paint and to clear a filter about halve.
    """

    def __init__(self, parent=None, scale: int = SCALE):
        super().__init__(parent)
        side = 28 * scale
        self.setViewMode(QListView.ViewMode.ListMode)
        self.setMovement(QListView.Movement.Static)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setFlow(QListView.Flow.LeftToRight)
        self.setWrapping(True)
        self.setUniformItemSizes(True)
        self.setIconSize(QSize(side, side))
        self.setGridSize(QSize(side + 10, side + 24))
        self.setSpacing(0)
        self.setWordWrap(False)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.verticalScrollBar().setSingleStep(side // 2)
        self.setMinimumSize(side * 4, side * 3)
        self.painted = None  # called after each paint (DataView times its first paint with it)

    def paintEvent(self, event) -> None:  # noqa: N802
        super().paintEvent(event)
        if self.painted is not None:
            self.painted()
