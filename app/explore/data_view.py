"""The data view: look at a dataset before training on it (the tutorial's first pictures).

A scrollable grid of digits with their labels (:mod:`.digit_grid`), filterable by digit; class
counts per split as a bar chart; the mean digit of each class; and, for the digit clicked, the
digit enlarged with its 28x28 pixel values printed on it (:mod:`.pictures`).

Sources (MNIST, an IDX folder, an .npz) are loaded by :class:`DataLoader` in a worker thread;
arrays already in memory (the user's samples) are shown with :meth:`DataView.set_dataset`.
"""
from __future__ import annotations

import time

import numpy as np
from PySide6.QtCore import QModelIndex, Qt, Signal, Slot
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from model.data import explore
from model.data.sources import load_source

from ..theme import ERROR_TEXT
from ..train.texts import num
from ..widgets.source_picker import SourcePicker, source_label
from ..workers import Worker
from .digit_grid import DigitDelegate, DigitGrid, DigitListModel
from .pictures import CountsChart, MeansView, PixelView, split_name


class DataLoader(Worker):
    """Loads a source in a worker thread: its splits as they are in the files (no test split
    carved out), the class counts and the mean digits, ready to show.
    ``finished((dataset name, {split: (x, y, means)}))``."""

    def __init__(self, source: str):
        super().__init__()
        self.source = source
        self.what = self.tr("Reading {source}").format(source=source)
        self.out_of_memory = self.tr("{source}: not enough memory to load it.").format(source=source)

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
    failed = Signal(str)  # a source could not be loaded: the message for the user

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

        layout = QVBoxLayout(self)
        layout.addLayout(self._build_bar())
        self.message = QLabel()
        self.message.setObjectName("dataMessage")
        self.message.setWordWrap(True)  # an error can be long: it wraps, it never widens the window
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.setStyleSheet(f"color: {ERROR_TEXT};")
        self.message.hide()
        layout.addWidget(self.message)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self._build_left())
        self.splitter.addWidget(self._build_right())
        self.splitter.setStretchFactor(0, 5)
        self.splitter.setStretchFactor(1, 4)
        self.splitter.setChildrenCollapsible(False)
        layout.addWidget(self.splitter, 1)

        self.source_picker.sourceChosen.connect(self._on_source_chosen)
        self.split_combo.activated.connect(lambda _i: self.set_split(self.split_combo.currentData()))
        self.filter_combo.activated.connect(lambda _i: self.set_filter(self.filter_combo.currentData()))
        self.means_view.digitClicked.connect(self._toggle_filter)
        self.grid.selectionModel().currentChanged.connect(self._on_current_changed)
        self._show_state()

    # -- construction ----------------------------------------------------------------------------
    def _build_bar(self) -> QHBoxLayout:
        """Which data, which split, which digits; and what is shown (or being loaded)."""
        self.source_picker = SourcePicker()
        self.split_combo = QComboBox()
        self.split_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.split_combo.setToolTip(self.tr("Which part of the data to show: the training or the test digits"))
        self.filter_combo = QComboBox()
        self.filter_combo.addItem(self.tr("All digits"), None)
        for d in range(10):
            self.filter_combo.addItem(self.tr("Only {digit}s").format(digit=d), d)
        self.filter_combo.setToolTip(self.tr("Show every digit, or only one class"))
        self.status = QLabel()
        self.status.setObjectName("dataStatus")
        self.status.setWordWrap(True)
        self.status.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Data:")))
        bar.addWidget(self.source_picker, 3)
        bar.addSpacing(12)
        bar.addWidget(QLabel(self.tr("Split:")))
        bar.addWidget(self.split_combo)
        bar.addSpacing(12)
        bar.addWidget(QLabel(self.tr("Show:")))
        bar.addWidget(self.filter_combo)
        bar.addSpacing(12)
        bar.addWidget(self.status, 4)
        return bar

    def _build_left(self) -> QSplitter:
        """The grid of digits above the class counts and the mean digit of each class."""
        self.grid_model = DigitListModel(self)
        self.grid = DigitGrid()
        self.grid.setModel(self.grid_model)
        self.grid.setItemDelegate(DigitDelegate(self.grid_model, self.grid))
        self.grid_model.text_color = self.grid.palette().color(QPalette.ColorRole.Text)
        self.grid.painted = self._on_grid_painted
        self.placeholder = QLabel(self.tr("Choose data above: MNIST, a folder of IDX files or an .npz."))
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
        self.means_title = QLabel(self.tr("Mean digit of each class"))
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
        return left

    def _build_right(self) -> QWidget:
        """The digit clicked, enlarged with its 28x28 pixel values."""
        self.caption = QLabel(self.tr("No digit chosen"))
        self.caption.setWordWrap(True)
        font = self.caption.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        font.setBold(True)
        self.caption.setFont(font)
        self.pixel_view = PixelView()
        self.explain = QLabel(self.tr("The network reads these 784 numbers, each divided by 255, as its input "
                                      "(hover a pixel for its row and column)."))
        self.explain.setWordWrap(True)
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(6, 0, 0, 0)
        rl.addWidget(self.caption)
        rl.addWidget(self.explain)
        rl.addWidget(self.pixel_view, 1)
        return right

    # -- public API ------------------------------------------------------------------------------
    def load_source(self, source: str) -> None:
        """Load 'mnist', an IDX folder or an .npz in a worker thread and show it when ready."""
        source = str(source)
        self.source_picker.set_source(source)
        loader = DataLoader(source)
        loader.finished.connect(self._on_loaded)
        loader.failed.connect(self._on_failed)
        self._set_loading(True, self.tr("Loading {source}…").format(source=source_label(source)))
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
        self.means_title.setText(self.tr("Mean {split} digit of each class (click one to show only that digit)").format(
            split=split_name(split)))
        self.pixel_view.set_values(None)
        self.caption.setText(self.tr("Click a digit to see its pixel values"))
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
        self.caption.setText(self.tr("{split} #{index}: a {digit}   (28×28 pixels, values 0–255)").format(
            split=split_name(self._split), index=num(index), digit=int(y[index])))
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
            self.split_combo.addItem(f"{split_name(split)} ({num(len(y))})", split)
        self.counts_chart.set_counts(self.counts())
        self.set_split(next(iter(parts)))
        self.grid_stack.setCurrentWidget(self.grid)
        self.message.hide()
        self.datasetChanged.emit(name)

    def _show_state(self) -> None:
        if not self._splits:
            self.status.setText("")
            return
        total = len(self._splits[self._split][1])
        shown = len(self.grid_model._rows)
        text = self.tr("{name}: {n} {split} digits").format(name=self.name, n=num(total), split=split_name(self._split))
        if self._filter is not None:
            text += self.tr(", {n} of them {digit}s").format(n=num(shown), digit=self._filter)
        self.status.setText(text)
        self.status.setToolTip(text)

    def _set_loading(self, loading: bool, text: str = "") -> None:
        self.loading = loading
        if loading:
            self.status.setText(text)
            self.message.hide()

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
        self._show_state()  # what was shown stays
        if not self._splits:
            self.status.setText(self.tr("Could not load the data (see below)."))
        self.message.setText(message)
        self.message.show()
        self.failed.emit(message)

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            index = self.grid_model.split_index(current.row())
            if index != self._selected or self.pixel_view.values is None:
                self.show_digit(index)

    def _on_grid_painted(self) -> None:
        if self._opened_at is not None:
            self.last_open_seconds = time.perf_counter() - self._opened_at
            self._opened_at = None
