"""The data view: look at a dataset before training on it (the tutorial's first pictures).

A scrollable grid of digits with their labels, filterable by digit; class counts per split as a
bar chart; the mean digit of each class; and, for the digit clicked, the digit enlarged with its
28x28 pixel values printed on it.

The grid is a QListView in icon mode over :class:`DigitListModel`, which makes each 28x28 pixmap
only when the view asks for it (the visible digits) and keeps a bounded cache: 60,000 digits cost
no more to open than 60, and scrolling draws only what comes into view. Uniform item sizes let
the view lay out the grid arithmetically instead of measuring every item.

Sources (MNIST, an IDX folder, an .npz) are loaded by :class:`DataLoader` in a worker thread;
arrays already in memory (the user's samples) are shown with :meth:`DataView.set_dataset`.
"""
from __future__ import annotations

import time
from collections import OrderedDict
from pathlib import Path

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QAbstractListModel, QModelIndex, QPoint, QRect, QSize, Qt, Signal, Slot
from PySide6.QtGui import QColor, QFont, QPainter, QPalette, QPen, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListView,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QStyle,
    QStyledItemDelegate,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from model import explore
from model.data import load_source

from ..theme import SERIES, series
from ..widgets.digits import digit_pixmap
from ..workers import Worker

SCALE = 2  # grid digits are drawn at 2x: 56x56 pixels
PIXMAP_CACHE = 3000  # pixmaps kept; a screenful is a few hundred
MNIST_SOURCE = "mnist"
LabelRole = Qt.ItemDataRole.UserRole + 1  # the digit's label (int)
IndexRole = Qt.ItemDataRole.UserRole + 2  # the digit's index in its split (int)


def split_color(name: str, position: int = 0) -> QColor:
    """The train split in the first series colour, the test split in the second, others after."""
    return series({"train": 0, "test": 1}.get(name, 2 + position))


def source_label(source: str) -> str:
    """What a source is called in a picker: MNIST, or a folder's/file's name."""
    if str(source).strip().lower() == MNIST_SOURCE:
        return "MNIST"
    path = Path(str(source)).expanduser()
    return path.name or str(source)


# --- the grid -------------------------------------------------------------------------------------

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
            return f"#{i:,}: a {int(self._y[i])}. Click to see its pixel values."
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


# --- one digit enlarged ---------------------------------------------------------------------------

class PixelView(QWidget):
    """One digit enlarged with each pixel's value (0-255) printed on it, as in the tutorial."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.values: np.ndarray | None = None  # uint8 (28, 28)
        self.setMinimumSize(28 * 8, 28 * 8)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMouseTracking(True)
        self.setToolTip("The digit the network reads: 28×28 pixels, 0 = black, 255 = white. "
                        "The 784 numbers are its input, scaled to 0..1.")

    def set_values(self, image: np.ndarray | None) -> None:
        self.values = None if image is None else explore.pixel_values(image)
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(28 * 20, 28 * 20)

    def cell_size(self) -> int:
        return max(1, min(self.width(), self.height()) // 28)

    def _origin(self) -> tuple[int, int]:
        """Top-left of the 28x28 cells: centred across, at the top (under the caption)."""
        return (self.width() - 28 * self.cell_size()) // 2, 0

    def cell_rect(self, row: int, col: int) -> QRect:
        cell = self.cell_size()
        left, top = self._origin()
        return QRect(left + col * cell, top + row * cell, cell, cell)

    def pixel_at(self, pos: QPoint) -> tuple[int, int] | None:
        """(row, col) of the pixel under ``pos``, or None."""
        cell = self.cell_size()
        left, top = self._origin()
        r, c = (pos.y() - top) // cell, (pos.x() - left) // cell
        return (r, c) if 0 <= r < 28 and 0 <= c < 28 else None

    def mouseMoveEvent(self, event) -> None:  # noqa: N802
        hit = self.pixel_at(event.position().toPoint()) if self.values is not None else None
        if hit is not None:
            r, c = hit
            self.setToolTip(f"row {r}, column {c}: {int(self.values[r, c])}")
        super().mouseMoveEvent(event)

    def paintEvent(self, event) -> None:  # noqa: N802
        p = QPainter(self)
        if self.values is None:
            p.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                       "Click a digit to see it enlarged\nwith its 28×28 pixel values")
            return
        cell = self.cell_size()
        show_text = cell >= 13
        if show_text:
            font = QFont(self.font())
            font.setPixelSize(max(6, min(14, round(cell * 0.38))))
            p.setFont(font)
        dim, light, dark = QColor(75, 75, 75), QColor(205, 205, 205), QColor(0, 0, 0)
        for r in range(28):
            for c in range(28):
                v = int(self.values[r, c])
                rect = self.cell_rect(r, c)
                p.fillRect(rect, QColor(v, v, v))
                if show_text:
                    p.setPen(dark if v > 127 else (light if v else dim))
                    p.drawText(rect, Qt.AlignmentFlag.AlignCenter, str(v))
        p.setPen(QColor(128, 128, 128))
        whole = self.cell_rect(0, 0).united(self.cell_rect(27, 27))
        p.drawRect(whole.adjusted(0, 0, -1, -1))


# --- mean digits ----------------------------------------------------------------------------------

class MeansView(QWidget):
    """The mean digit of each class, 5 to a row; clicking one emits :attr:`digitClicked`."""

    digitClicked = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.means: np.ndarray | None = None  # float (10, 28, 28) in 0..1
        self.counts: list[int] = [0] * 10
        self.highlight: int | None = None
        self._pixmaps: list[QPixmap] = []
        self.setMinimumSize(5 * 44, 2 * 60)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setToolTip("The average of every digit of a class: where its ink usually is. "
                        "Click one to show only that digit.")
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def set_means(self, means: np.ndarray | None, counts: list[int] | None = None) -> None:
        self.means = None if means is None else np.asarray(means, dtype=np.float32)
        self.counts = list(counts) if counts is not None else [0] * 10
        self._pixmaps = [] if self.means is None else [digit_pixmap(explore.as_uint8(m), 1) for m in self.means]
        self.update()

    def set_highlight(self, digit: int | None) -> None:
        self.highlight = digit
        self.update()

    def tile_rect(self, digit: int) -> QRect:
        """Where class ``digit``'s mean is drawn (the image, without its label)."""
        cols, rows, label_h, gap = 5, 2, 30, 6
        w = (self.width() - gap * (cols + 1)) / cols
        h = (self.height() - gap * (rows + 1)) / rows - label_h
        side = max(8, int(min(w, h)))
        r, c = divmod(digit, cols)
        cw = (self.width() - gap) / cols
        x = gap + c * cw + (cw - gap - side) / 2
        y = gap + r * (self.height() - gap) / rows
        return QRect(int(x), int(y), side, side)

    def digit_at(self, pos: QPoint) -> int | None:
        for d in range(10):
            if self.tile_rect(d).adjusted(-3, -3, 3, 30).contains(pos):
                return d
        return None

    def mousePressEvent(self, event) -> None:  # noqa: N802
        d = self.digit_at(event.position().toPoint())
        if d is not None and event.button() == Qt.MouseButton.LeftButton:
            self.digitClicked.emit(d)
        super().mousePressEvent(event)

    def paintEvent(self, event) -> None:  # noqa: N802
        p = QPainter(self)
        text = self.palette().color(QPalette.ColorRole.Text)
        if not self._pixmaps:
            p.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, "No digits")
            return
        p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
        small = QFont(self.font())
        small.setPointSizeF(max(6.5, self.font().pointSizeF() * 0.85))
        for d in range(10):
            rect = self.tile_rect(d)
            p.drawPixmap(rect, self._pixmaps[d])
            if self.highlight == d:
                p.setPen(SERIES[0])
                p.drawRect(rect.adjusted(-2, -2, 1, 1))
            p.setPen(text)
            p.setFont(self.font())
            label = QRect(rect.left() - 20, rect.bottom() + 1, rect.width() + 40, 16)
            p.drawText(label, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                       f"{d}  ({self.counts[d]:,})" if self.counts else str(d))


# --- class counts ---------------------------------------------------------------------------------

class CountsChart(pg.PlotWidget):
    """How many digits of each class each split holds: grouped bars, one colour per split."""

    def __init__(self, parent=None):
        palette = parent.palette() if parent is not None else None
        bg = palette.color(QPalette.ColorRole.Base) if palette else QColor("white")
        super().__init__(parent, background=bg)
        self.fg = self.palette().color(QPalette.ColorRole.Text) if palette is None else palette.color(
            QPalette.ColorRole.Text)
        self.bars: dict[str, pg.BarGraphItem] = {}
        item = self.getPlotItem()
        item.setTitle("Digits per class", color=self.fg.name(), size="9pt")
        item.setLabel("left", "digits per class", color=self.fg.name())
        item.showGrid(y=True, alpha=0.15)
        item.setMenuEnabled(False)
        item.hideButtons()
        item.setMouseEnabled(x=False, y=False)
        for name in ("left", "bottom"):
            axis = item.getAxis(name)
            axis.setPen(pg.mkPen(self.fg))
            axis.setTextPen(pg.mkPen(self.fg))
        item.getAxis("bottom").setTicks([[(d, str(d)) for d in range(10)]])
        self.setMinimumSize(220, 150)
        self.setToolTip("How many digits of each class each split holds. Balanced classes keep the "
                        "network from favouring the frequent ones.")

    def set_counts(self, counts: dict[str, list[int]]) -> None:
        item = self.getPlotItem()
        for bar in self.bars.values():
            item.removeItem(bar)
        self.bars = {}
        n = max(1, len(counts))
        width = 0.8 / n
        top = 1
        for k, (name, values) in enumerate(counts.items()):
            color = split_color(name, k)
            xs = np.arange(10) - 0.4 + width * (k + 0.5)
            bar = pg.BarGraphItem(x=xs, height=np.asarray(values, dtype=float), width=width * 0.92,
                                  brush=pg.mkBrush(color), pen=pg.mkPen(color.darker(120)))
            item.addItem(bar)
            self.bars[name] = bar
            top = max(top, max(values, default=0))
        item.setXRange(-0.6, 9.6, padding=0)
        item.setYRange(0, top * 1.08, padding=0)
        # The legend is the title: a legend box inside the plot would cover the tallest bars.
        keys = "&nbsp;&nbsp;".join(
            f'<span style="color:{split_color(name, k).name()}">■</span>&nbsp;{name} ({sum(v):,})'
            for k, (name, v) in enumerate(counts.items()))
        item.setTitle(keys, color=self.fg.name(), size="9pt")

    def heights(self, split: str) -> list[int]:
        return [int(v) for v in self.bars[split].opts["height"]]


# --- choosing a source ----------------------------------------------------------------------------

class SourcePicker(QWidget):
    """MNIST, an IDX folder, an .npz, or a dataset given in memory: a combo box and two buttons.

    Emits :attr:`sourceChosen` with a ``load_source`` argument ('mnist' or a path), or with
    ``"memory:<name>"`` for a dataset added with :meth:`add_memory`.
    """

    sourceChosen = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.combo = QComboBox()
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.combo.setMinimumContentsLength(18)
        self.combo.addItem("Choose data…", "")
        self.combo.addItem("MNIST", MNIST_SOURCE)
        self.combo.setToolTip("The digits to look at: MNIST (downloaded once, 11 MB), a folder of IDX "
                              "files (train-*/t10k-*) or an .npz with Keras's keys.")
        self.folder_button = QToolButton()
        self.folder_button.setText("Folder…")
        self.folder_button.setToolTip("Choose a folder of MNIST-style IDX files")
        self.file_button = QToolButton()
        self.file_button.setText(".npz…")
        self.file_button.setToolTip("Choose an .npz file with x_train, y_train (and x_test, y_test)")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.combo, 1)
        layout.addWidget(self.folder_button)
        layout.addWidget(self.file_button)
        self.combo.activated.connect(self._on_activated)
        self.folder_button.clicked.connect(self._choose_folder)
        self.file_button.clicked.connect(self._choose_file)

    def source(self) -> str:
        return str(self.combo.currentData() or "")

    def set_source(self, source: str, label: str | None = None, emit: bool = False) -> None:
        """Select ``source`` (adding it when new) without opening anything."""
        i = self.combo.findData(source)
        if i < 0:
            self.combo.addItem(label or source_label(source), source)
            i = self.combo.count() - 1
            if not source.startswith("memory:"):
                self.combo.setItemData(i, source, Qt.ItemDataRole.ToolTipRole)
        self.combo.setCurrentIndex(i)
        if emit:
            self.sourceChosen.emit(source)

    def add_memory(self, name: str) -> str:
        """List a dataset held in memory; returns its source key."""
        key = f"memory:{name}"
        self.set_source(key, name)
        return key

    def _on_activated(self, _i: int) -> None:
        if self.source():
            self.sourceChosen.emit(self.source())

    def _start_dir(self) -> str:
        src = self.source()
        if src and src != MNIST_SOURCE and not src.startswith("memory:"):
            return str(Path(src).expanduser().parent)
        return str(Path.home())

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Choose a folder of IDX digit files", self._start_dir())
        if folder:
            self.set_source(folder, emit=True)

    def _choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Choose an .npz file of digits", self._start_dir(),
                                              "NumPy archives (*.npz);;All files (*)")
        if path:
            self.set_source(path, emit=True)


class DataLoader(Worker):
    """Loads a source in a worker thread: its splits as they are in the files (no test split
    carved out), the class counts and the mean digits, ready to show.
    ``finished((dataset name, {split: (x, y, means)}))``."""

    def __init__(self, source: str):
        super().__init__()
        self.source = source
        self.what = f"Reading {source}"
        self.out_of_memory = f"{source}: not enough memory to load it."

    def work(self):
        ds = load_source(self.source, split=False)
        return ds.name, {name: (x, y, explore.mean_images(x, y)) for name, (x, y) in explore.splits(ds).items()}


# --- the view -------------------------------------------------------------------------------------

class DataView(QWidget):
    """Browse a dataset: grid, filter, class counts, mean digits, one digit's pixel values.

    Public API: :meth:`load_source` (MNIST / IDX folder / .npz, loaded in a thread),
    :meth:`set_dataset` (arrays in memory, e.g. the user's samples), :meth:`set_splits`,
    :meth:`set_split`, :meth:`set_filter`, :meth:`show_digit`. ``last_open_seconds`` is the time
    from the last set_dataset/set_splits to the grid's first paint.
    """

    datasetChanged = Signal(str)  # the dataset's name, once it is shown
    digitSelected = Signal(int)  # index in the current split of the digit shown enlarged
    loadFailed = Signal(str)  # a message for the user
    loadingChanged = Signal(bool)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.name = ""
        self._splits: dict[str, tuple[np.ndarray, np.ndarray, np.ndarray | None]] = {}
        self._memory: dict[str, dict] = {}  # datasets given in memory, by name
        self._split = ""
        self._filter: int | None = None
        self._selected: int | None = None
        self._loader: DataLoader | None = None
        self._opened_at: float | None = None
        self.last_open_seconds: float | None = None
        self.loading = False

        self.source_picker = SourcePicker()
        self.split_combo = QComboBox()
        self.split_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.split_combo.setToolTip("Which part of the data to show: the training or the test digits")
        self.filter_combo = QComboBox()
        self.filter_combo.addItem("All digits", None)
        for d in range(10):
            self.filter_combo.addItem(f"Only {d}s", d)
        self.filter_combo.setToolTip("Show every digit, or only one class")
        self.status = QLabel()
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        bar = QHBoxLayout()
        bar.addWidget(QLabel("Data:"))
        bar.addWidget(self.source_picker, 3)
        bar.addSpacing(12)
        bar.addWidget(QLabel("Split:"))
        bar.addWidget(self.split_combo)
        bar.addSpacing(12)
        bar.addWidget(QLabel("Show:"))
        bar.addWidget(self.filter_combo)
        bar.addSpacing(12)
        bar.addWidget(self.status, 4)

        self.grid_model = DigitListModel(self)
        self.grid = DigitGrid()
        self.grid.setModel(self.grid_model)
        self.grid.setItemDelegate(DigitDelegate(self.grid_model, self.grid))
        self.grid_model.text_color = self.grid.palette().color(QPalette.ColorRole.Text)
        self.grid.painted = self._on_grid_painted
        self.placeholder = QLabel("Choose data above: MNIST, a folder of IDX files or an .npz.")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.grid_stack = QStackedWidget()
        self.grid_stack.addWidget(self.placeholder)
        self.grid_stack.addWidget(self.grid)

        self.counts_chart = CountsChart(self)
        self.means_view = MeansView()
        means_box = QWidget()
        mb = QVBoxLayout(means_box)
        mb.setContentsMargins(0, 0, 0, 0)
        self.means_title = QLabel("Mean digit of each class")
        self.means_title.setWordWrap(True)
        mb.addWidget(self.means_title)
        mb.addWidget(self.means_view, 1)
        bottom = QWidget()
        bl = QHBoxLayout(bottom)
        bl.setContentsMargins(0, 0, 0, 0)
        bl.addWidget(self.counts_chart, 1)
        bl.addWidget(means_box, 1)

        left = QSplitter(Qt.Orientation.Vertical)
        left.addWidget(self.grid_stack)
        left.addWidget(bottom)
        left.setStretchFactor(0, 5)
        left.setStretchFactor(1, 2)
        left.setChildrenCollapsible(False)

        self.caption = QLabel("No digit chosen")
        font = self.caption.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        font.setBold(True)
        self.caption.setFont(font)
        self.pixel_view = PixelView()
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(6, 0, 0, 0)
        self.explain = QLabel("The network reads these 784 numbers, each divided by 255, as its input "
                              "(hover a pixel for its row and column).")
        self.explain.setWordWrap(True)
        rl.addWidget(self.caption)
        rl.addWidget(self.explain)
        rl.addWidget(self.pixel_view, 1)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 5)
        self.splitter.setStretchFactor(1, 4)
        self.splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.splitter, 1)

        self.source_picker.sourceChosen.connect(self._on_source_chosen)
        self.split_combo.activated.connect(lambda _i: self.set_split(self.split_combo.currentData()))
        self.filter_combo.activated.connect(lambda _i: self.set_filter(self.filter_combo.currentData()))
        self.means_view.digitClicked.connect(self._toggle_filter)
        self.grid.selectionModel().currentChanged.connect(self._on_current_changed)
        self._show_state()

    # -- public API ------------------------------------------------------------------------------
    def load_source(self, source: str) -> None:
        """Load 'mnist', an IDX folder or an .npz in a worker thread and show it when ready."""
        source = str(source)
        self.source_picker.set_source(source)
        loader = DataLoader(source)
        loader.finished.connect(self._on_loaded)
        loader.failed.connect(self._on_failed)
        self._set_loading(True, f"Loading {source_label(source)}…")
        self._loader = loader  # keep the Python wrapper alive while it runs
        loader.start()

    def set_dataset(self, name: str, x: np.ndarray, y: np.ndarray, split_name: str = "samples") -> None:
        """Show digits held in memory (uint8 (n, 28, 28) white on black, or float 0..1) as one split."""
        self.set_splits(name, {split_name: (x, y)})

    def set_splits(self, name: str, splits: dict) -> None:
        """Show a dataset given as ``{split name: (x, y)}`` (or ``(x, y, means)``)."""
        self._opened_at = time.perf_counter()
        self._loader = None  # a load still running must not replace this
        self._set_loading(False)
        parts = {}
        for split, value in splits.items():
            x, y = value[0], np.asarray(value[1])
            x = np.asarray(x).reshape(len(x), 28, 28)
            means = value[2] if len(value) > 2 and value[2] is not None else explore.mean_images(x, y)
            parts[split] = (x, y, means)
        self._memory[name] = parts
        self.source_picker.add_memory(name)
        self._show(name, parts)

    def set_split(self, split: str) -> None:
        if split not in self._splits:
            raise KeyError(f"no split {split!r}; there are {', '.join(self._splits) or 'none'}")
        self._split = split
        self.split_combo.setCurrentIndex(self.split_combo.findData(split))
        x, y, means = self._splits[split]
        self._selected = None
        self.grid_model.set_digits(x, y, self._rows())
        self.means_view.set_means(means, explore.counts(y))
        self.means_title.setText(f"Mean {split} digit of each class (click one to show only that digit)")
        self.pixel_view.set_values(None)
        self.caption.setText("Click a digit to see its pixel values")
        self._show_state()

    def set_filter(self, digit: int | None) -> None:
        """Show only this digit's class (None: all)."""
        self._filter = None if digit is None else int(digit)
        self.filter_combo.setCurrentIndex(0 if digit is None else int(digit) + 1)
        self.means_view.set_highlight(self._filter)
        if not self._splits:
            return
        self.grid_model.set_rows(self._rows())
        if self._selected is not None:
            row = self.grid_model.row_of(self._selected)
            if row is not None:
                index = self.grid_model.index(row)
                self.grid.setCurrentIndex(index)
                self.grid.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
        self._show_state()

    def show_digit(self, index: int) -> None:
        """Enlarge the current split's digit ``index`` (selecting it in the grid when shown)."""
        x, y, _ = self._splits[self._split]
        self._selected = int(index)
        self.pixel_view.set_values(x[index])
        self.caption.setText(f"{self._split} #{index:,}: a {int(y[index])}   (28×28 pixels, values 0–255)")
        row = self.grid_model.row_of(index)
        if row is not None and self.grid.currentIndex().row() != row:
            self.grid.setCurrentIndex(self.grid_model.index(row))
        self.digitSelected.emit(int(index))

    # -- state -----------------------------------------------------------------------------------
    def current_split(self) -> str:
        return self._split

    def splits(self) -> list[str]:
        return list(self._splits)

    def counts(self) -> dict[str, list[int]]:
        return {name: explore.counts(y) for name, (_, y, _) in self._splits.items()}

    def shown_indices(self) -> np.ndarray:
        """Indices (in the current split) of the digits the grid shows, in order."""
        return self.grid_model._rows.copy()

    def selected_index(self) -> int | None:
        return self._selected

    # -- internals -------------------------------------------------------------------------------
    def _rows(self) -> np.ndarray:
        if not self._splits:
            return np.zeros(0, dtype=np.intp)
        return explore.select(self._splits[self._split][1], self._filter)

    def _show(self, name: str, parts: dict) -> None:
        self.name = name
        self._splits = parts
        self.split_combo.clear()
        for split, (_, y, _) in parts.items():
            self.split_combo.addItem(f"{split} ({len(y):,})", split)
        self.counts_chart.set_counts(self.counts())
        self.set_split(next(iter(parts)))
        self.grid_stack.setCurrentWidget(self.grid)
        self.datasetChanged.emit(name)

    def _show_state(self) -> None:
        if not self._splits:
            self.status.setText("")
            return
        total = len(self._splits[self._split][1])
        shown = len(self.grid_model._rows)
        text = f"{self.name}: {total:,} {self._split} digits"
        if self._filter is not None:
            text += f", {shown:,} of them {self._filter}s"
        self.status.setText(text)
        self.status.setToolTip(text)

    def _set_loading(self, loading: bool, text: str = "") -> None:
        self.loading = loading
        if loading:
            self.status.setText(text)
        self.loadingChanged.emit(loading)

    def _toggle_filter(self, digit: int) -> None:
        self.set_filter(None if self._filter == digit else digit)

    @Slot(str)
    def _on_source_chosen(self, source: str) -> None:
        if source.startswith("memory:"):
            name = source[len("memory:"):]
            if name in self._memory:
                self._opened_at = time.perf_counter()
                self._show(name, self._memory[name])
            return
        self.load_source(source)

    @Slot(object)
    def _on_loaded(self, loaded) -> None:
        if self.sender() is not self._loader:  # an older request's answer
            return
        name, parts = loaded
        self._set_loading(False)
        self._opened_at = time.perf_counter()
        self._show(name, parts)

    @Slot(str, str)
    def _on_failed(self, message: str, _details: str) -> None:
        if self.sender() is not self._loader:
            return
        self._set_loading(False)
        self.status.setText(message)
        self.status.setToolTip(message)
        self.loadFailed.emit(message)

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            index = self.grid_model.split_index(current.row())
            if index != self._selected or self.pixel_view.values is None:
                self.show_digit(index)

    def _on_grid_painted(self) -> None:
        if self._opened_at is not None:
            self.last_open_seconds = time.perf_counter() - self._opened_at
            self._opened_at = None
