"""The confusion matrix as a heatmap table, and a dialog showing the digits of one cell.

Rows are the true digits, columns what the network read. Correct cells (the diagonal) are blue,
stronger for a higher share of that digit read correctly; mistakes are red, stronger for the more
frequent ones (relative to the worst mistake). Clicking a cell opens its digits.
"""
from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..theme import CORRECT, PAPER, WRONG, mix
from ..widgets.digits import digit_pixmap
from .texts import TEXTS, num, pct

translate = QCoreApplication.translate

MAX_DIGITS_SHOWN = 300


class ConfusionModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._m = np.zeros((10, 10), dtype=np.int64)
        self._rows = np.zeros(10, dtype=np.int64)
        self._worst = 1.0
        self._bg = [[PAPER] * 10 for _ in range(10)]
        self._fg = [[QColor(30, 30, 30)] * 10 for _ in range(10)]

    def set_matrix(self, matrix) -> None:
        self.beginResetModel()
        self._m = np.zeros((10, 10), dtype=np.int64) if matrix is None else np.asarray(matrix, dtype=np.int64)
        self._rows = self._m.sum(axis=1)
        off = self._share() * (1 - np.eye(10))
        self._worst = float(off.max()) or 1.0
        # Painting asks for every cell's roles on each repaint: work them out once.
        share = self._share()
        self._bg = [[self._color(t, p, float(share[t, p])) for p in range(10)] for t in range(10)]
        light, dark = QColor(Qt.GlobalColor.white), QColor(30, 30, 30)
        self._fg = [[light if c.lightnessF() < 0.55 else dark for c in row] for row in self._bg]
        self.endResetModel()

    def matrix(self) -> np.ndarray:
        return self._m.copy()

    def _share(self) -> np.ndarray:
        return self._m / np.maximum(self._rows, 1)[:, None]

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 (Qt API)
        return 0 if parent.isValid() else 10

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else 10

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        t, p = index.row(), index.column()
        n = int(self._m[t, p])
        share = n / max(1, int(self._rows[t]))
        if role == Qt.ItemDataRole.DisplayRole:
            return str(n) if n or t == p else ""
        if role == Qt.ItemDataRole.BackgroundRole:
            return self._bg[t][p]
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._fg[t][p]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            total = int(self._rows[t])
            if t == p:
                return translate("ConfusionView", "{n} of {total} test {digit}s read correctly ({share}).\nClick to "
                                                  "see them.").format(
                    n=num(n), total=num(total), digit=t, share=pct(share))
            if not n:
                return translate("ConfusionView", "No {digit} was read as {read}.").format(digit=t, read=p)
            return translate("ConfusionView", "{n} of {total} test {digit}s were read as {read} ({share}).\nClick "
                                              "to see these digits."
                      ).format(n=num(n), total=num(total), digit=t, read=p, share=pct(share))
        return None

    def _color(self, t: int, p: int, share: float) -> QColor:
        if t == p:
            return mix(PAPER, CORRECT, 0.15 + 0.85 * share)
        if not self._m[t, p]:
            return PAPER
        return mix(PAPER, WRONG, 0.12 + 0.88 * math.sqrt(share / self._worst))

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole:
            return str(section)
        if role == Qt.ItemDataRole.ToolTipRole:
            if orientation == Qt.Orientation.Vertical:
                return translate("ConfusionView", "True digit {digit}: {n} test digits").format(
                    digit=section, n=num(self._rows[section]))
            return translate("ConfusionView", "Read as {digit}: {n} test digits").format(
                digit=section, n=num(self._m[:, section].sum()))
        return None


class ConfusionView(QWidget):
    """The heatmap with axis captions; emits ``cellOpened(true_digit, predicted_digit)``."""

    cellOpened = Signal(int, int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setToolTip(self.tr("Confusion matrix: rows are the true digits, columns what the network read. "
                        "Click a cell to see its digits."))
        self.model = ConfusionModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setToolTip(self.toolTip())
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setShowGrid(True)
        self.table.setGridStyle(Qt.PenStyle.SolidLine)
        self.table.setCornerButtonEnabled(False)
        small = QFont(self.font())
        small.setPointSizeF(max(7.0, small.pointSizeF() * 0.9))
        self.table.setFont(small)
        for header, size in ((self.table.horizontalHeader(), 34), (self.table.verticalHeader(), 22)):
            header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
            header.setDefaultSectionSize(size)
            header.setMinimumSectionSize(16)
            header.setHighlightSections(False)
            header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        self.table.clicked.connect(self._open)
        self.table.activated.connect(self._open)
        self._fit_table()

        top = QLabel(self.tr("read as →"))
        top.setAlignment(Qt.AlignmentFlag.AlignCenter)
        top.setToolTip(self.tr("Columns: the digit the network read."))
        side = QLabel(self.tr("true\ndigit\n↓"))
        side.setAlignment(Qt.AlignmentFlag.AlignCenter)
        side.setToolTip(self.tr("Rows: the digit's true label."))
        for label in (top, side):
            pal = label.palette()
            pal.setColor(QPalette.ColorRole.WindowText, pal.color(QPalette.ColorRole.PlaceholderText))
            label.setPalette(pal)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(2)
        grid.addWidget(top, 0, 1)
        grid.addWidget(side, 1, 0)
        grid.addWidget(self.table, 1, 1, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        grid.setColumnStretch(2, 1)
        grid.setRowStretch(2, 1)

    def _fit_table(self) -> None:
        h, v = self.table.horizontalHeader(), self.table.verticalHeader()
        width = v.sizeHint().width() + 10 * h.defaultSectionSize() + 2 * self.table.frameWidth()
        height = h.sizeHint().height() + 10 * v.defaultSectionSize() + 2 * self.table.frameWidth()
        self.table.setFixedSize(QSize(width, height))

    def set_matrix(self, matrix) -> None:
        self.model.set_matrix(matrix)
        self._fit_table()

    def _open(self, index) -> None:
        if index.isValid() and self.model.matrix()[index.row(), index.column()]:
            self.cellOpened.emit(index.row(), index.column())


class DigitGridDialog(QDialog):
    """A grid of test digits: the ones of one confusion-matrix cell."""

    def __init__(self, title: str, caption: str, images: np.ndarray, indices: np.ndarray, tips: list[str],
                 parent=None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setToolTip(caption)
        layout = QVBoxLayout(self)
        head = QLabel(caption)
        head.setWordWrap(True)
        head.setToolTip(caption)
        layout.addWidget(head)

        grid_host = QWidget()
        grid_host.setToolTip(self.tr("The test digits as the network sees them: 28×28 pixels, white ink on black."))
        grid = QGridLayout(grid_host)
        grid.setSpacing(4)
        columns = 10
        self.tiles: list[QLabel] = []
        for k, (image, _index, tip) in enumerate(zip(images[:MAX_DIGITS_SHOWN], indices, tips)):
            tile = QLabel()
            tile.setPixmap(digit_pixmap(image, 2))
            tile.setToolTip(tip)
            tile.setFrameShape(QLabel.Shape.Box)
            grid.addWidget(tile, k // columns, k % columns)
            self.tiles.append(tile)
        scroll = QScrollArea()
        scroll.setWidget(grid_host)
        scroll.setWidgetResizable(False)
        scroll.setToolTip(grid_host.toolTip())
        rows = max(1, math.ceil(len(self.tiles) / columns))
        scroll.setMinimumSize(min(columns, max(1, len(self.tiles))) * 62 + 30, min(rows, 5) * 62 + 12)
        layout.addWidget(scroll, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setToolTip(self.tr("Close this window."))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


def cell_dialog(true_digit: int, predicted: int, x_test: np.ndarray, y_test: np.ndarray,
                predictions: np.ndarray, parent=None) -> DigitGridDialog:
    """The dialog for one cell: the test digits labelled ``true_digit`` and read as ``predicted``."""
    indices = np.flatnonzero((np.asarray(y_test) == true_digit) & (np.asarray(predictions) == predicted))
    n = len(indices)
    if true_digit == predicted:
        title = translate("ConfusionView", "{digit}s read correctly").format(digit=true_digit)
        caption = TEXTS.read_correctly(n).format(digit=true_digit)
    else:
        title = translate("ConfusionView", "{digit}s read as {read}").format(digit=true_digit, read=predicted)
        caption = TEXTS.read_as(n).format(
            digit=true_digit, read=predicted)
    if n > MAX_DIGITS_SHOWN:
        caption += " " + translate("ConfusionView", "Showing the first {n}.").format(n=MAX_DIGITS_SHOWN)
    shown = indices[:MAX_DIGITS_SHOWN]
    tips = [translate("ConfusionView", "Test digit #{index}: labelled {digit}, read as {read}").format(
        index=i, digit=true_digit, read=predicted) for i in shown]
    return DigitGridDialog(title, caption, np.asarray(x_test)[shown], shown, tips, parent)
