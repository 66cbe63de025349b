"""Live training curves (pyqtgraph): loss per batch and per epoch, accuracy per epoch.

The x axis is in epochs: batch b of n in epoch e sits at e - 1 + b/n, an epoch's value at e.
Points arrive through :meth:`add_batches` / :meth:`add_epoch`; the plots are redrawn at most
every ``REDRAW_MS`` (a timer coalesces bursts), so a fast network cannot keep the GUI busy.
"""
from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QHBoxLayout, QSizePolicy, QWidget

from ..theme import SERIES, SERIES_LIGHT

REDRAW_MS = 50

TRAIN_COLOR, VAL_COLOR, BATCH_COLOR = SERIES[0], SERIES[1], SERIES_LIGHT



def style_chart(item: pg.PlotItem, fg: QColor, title: str, xlabel: str, ylabel: str) -> None:
    """A static chart in the app's look: title, axis labels and pens in ``fg``, a faint grid, no
    pyqtgraph menu, buttons or mouse panning (the curves and robustness charts share it)."""
    item.setTitle(title, color=fg.name(), size="10pt")
    item.setLabel("bottom", xlabel, color=fg.name())
    item.setLabel("left", ylabel, color=fg.name())
    item.showGrid(x=True, y=True, alpha=0.15)
    item.setMenuEnabled(False)
    item.hideButtons()
    item.setMouseEnabled(x=False, y=False)
    for name in ("left", "bottom"):
        axis = item.getAxis(name)
        axis.setPen(pg.mkPen(fg))
        axis.setTextPen(pg.mkPen(fg))

class CurvesView(QWidget):
    """The plots are built when the view is first shown (pyqtgraph plots take ~0.1 s to create,
    which the window's start-up should not pay for a tab the user may never open); points that
    arrive before that are kept and drawn then."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setToolTip(self.tr("Live training curves; the x axis counts epochs (passes over the training digits)."))
        self.setMinimumSize(300, 160)
        self.loss_plot: pg.PlotWidget | None = None
        self.acc_plot: pg.PlotWidget | None = None
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._best_lines: list[tuple[pg.PlotWidget, pg.InfiniteLine]] = []
        self._best_epoch = 0
        self._best_label = "best"
        self._best_entry: pg.PlotDataItem | None = None  # the dotted line's legend entry
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REDRAW_MS)
        self._timer.timeout.connect(self.redraw)
        self.reset(1)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt API) - before the plots exist, ask for their room
        return QSize(820, 420)

    def showEvent(self, event) -> None:  # noqa: N802 (Qt API)
        self.ensure_built()
        super().showEvent(event)

    def ensure_built(self) -> None:
        if self.loss_plot is not None:
            return
        palette = self.palette()
        bg = palette.color(QPalette.ColorRole.Base)
        fg = palette.color(QPalette.ColorRole.Text)
        # Legends where the curves are not: loss falls (top right is free), accuracy rises.
        self.loss_plot = self._plot(bg, fg, self.tr("Loss (cross-entropy)"), self.tr("loss"), legend_offset=(-8, 8))
        self.loss_plot.setToolTip(
            self.tr("Cross-entropy loss: how wrong the network's probabilities are (lower is better). The light "
            "line is every batch; dots are whole epochs on the training and the validation digits."))
        self.acc_plot = self._plot(bg, fg, self.tr("Accuracy"), self.tr("accuracy (%)"), legend_offset=(-8, -8))
        self.acc_plot.setToolTip(
            self.tr("Share of digits read correctly after each epoch, on the training digits and on the held-out "
            "validation digits; a widening gap means the network is memorising (overfitting)."))
        self.batch_curve = self.loss_plot.plot([], [], pen=pg.mkPen(BATCH_COLOR, width=1),
                                               name=self.tr("batch"))
        self.batch_curve.setDownsampling(auto=True, method="peak")
        self.batch_curve.setClipToView(True)
        self.train_loss_curve = self._series(self.loss_plot, TRAIN_COLOR, self.tr("train"))
        self.val_loss_curve = self._series(self.loss_plot, VAL_COLOR, self.tr("validation"), dashed=True)
        self.train_acc_curve = self._series(self.acc_plot, TRAIN_COLOR, self.tr("train"))
        self.val_acc_curve = self._series(self.acc_plot, VAL_COLOR, self.tr("validation"), dashed=True)
        self._layout.addWidget(self.loss_plot, 3)
        self._layout.addWidget(self.acc_plot, 2)
        self._set_ranges()
        self.redraw()

    # -- construction ----------------------------------------------------------------------------
    def _plot(self, bg: QColor, fg: QColor, title: str, ylabel: str, legend_offset) -> pg.PlotWidget:
        plot = pg.PlotWidget(background=bg)
        plot.setMinimumSize(220, 170)
        plot.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        item = plot.getPlotItem()
        style_chart(item, fg, title, self.tr("epoch"), ylabel)
        legend = item.addLegend(offset=legend_offset, labelTextColor=fg,
                                brush=pg.mkBrush(bg.red(), bg.green(), bg.blue(), 200))
        legend.setLabelTextSize("8pt")
        return plot

    @staticmethod
    def _series(plot: pg.PlotWidget, color: QColor, name: str, dashed: bool = False):
        pen = pg.mkPen(color, width=2, style=Qt.PenStyle.DashLine if dashed else Qt.PenStyle.SolidLine)
        return plot.plot([], [], pen=pen, symbol="o", symbolSize=6, symbolBrush=color,
                         symbolPen=pg.mkPen(color), name=name, antialias=True)

    # -- data ------------------------------------------------------------------------------------
    def reset(self, epochs: int) -> None:
        """Clear everything for a run of ``epochs`` epochs."""
        self._batch_chunks: list[np.ndarray] = []
        self._epochs: list[tuple[float, float, float, float, float]] = []  # epoch, loss, acc, vloss, vacc
        self._best_epoch = 0
        for plot, line in self._best_lines:
            plot.removeItem(line)
        self._best_lines = []
        if self._best_entry is not None and self.loss_plot is not None:
            self.loss_plot.getPlotItem().legend.removeItem(self._best_entry)
        self._best_entry = None
        self._epochs_planned = max(1, int(epochs))
        self._set_ranges()
        self.redraw()

    def _set_ranges(self) -> None:
        if self.loss_plot is None:
            return
        for plot in (self.loss_plot, self.acc_plot):
            plot.setXRange(0, self._epochs_planned, padding=0.04)
            plot.enableAutoRange(axis="y")
        self.acc_plot.setYRange(0, 100, padding=0.02)

    def add_batches(self, points: np.ndarray) -> None:
        """points: (n, 2) of [epoch position, batch loss]."""
        if len(points):
            self._batch_chunks.append(np.asarray(points, dtype=np.float64))
            self._schedule()

    def add_epoch(self, progress) -> None:
        """A model.training.trainer.Progress of kind "epoch"."""
        self._epochs.append((
            float(progress.epoch), progress.loss, 100.0 * progress.accuracy,
            _nan(progress.val_loss), 100.0 * _nan(progress.val_accuracy),
        ))
        self._schedule()

    def mark_best(self, epoch: int, label: str = "best") -> None:
        """A dotted line at the epoch whose weights were kept ("best" on validation, or "last")."""
        self._best_epoch = int(epoch)
        self._best_label = label
        self._draw_best()

    def _draw_best(self) -> None:
        """The dotted line in both plots, named in the loss plot's legend rather than on the line,
        where a label would sit on the curves."""
        if self.loss_plot is None or self._best_lines or self._best_epoch <= 0:
            return
        pen = pg.mkPen(QColor(90, 90, 90), width=1, style=Qt.PenStyle.DotLine)
        for plot in (self.loss_plot, self.acc_plot):
            line = pg.InfiniteLine(pos=self._best_epoch, angle=90, movable=False, pen=pen)
            plot.addItem(line)
            self._best_lines.append((plot, line))
        self._best_entry = pg.PlotDataItem([], [], pen=pen)
        self.loss_plot.getPlotItem().legend.addItem(self._best_entry, self.best_legend())

    def best_legend(self) -> str:
        """What the legend calls the dotted line: "best (epoch 7)" or "kept (epoch 10)"."""
        return self.tr("{label} (epoch {epoch})").format(label=self._best_label, epoch=self._best_epoch)

    @property
    def batch_points(self) -> int:
        return int(sum(len(c) for c in self._batch_chunks))

    @property
    def epoch_points(self) -> int:
        return len(self._epochs)

    def _schedule(self) -> None:
        if not self._timer.isActive():
            self._timer.start()

    def redraw(self) -> None:
        if self.loss_plot is None:
            return  # drawn when first shown
        self._draw_best()
        if len(self._batch_chunks) > 1:
            self._batch_chunks = [np.concatenate(self._batch_chunks)]
        if self._batch_chunks:
            b = self._batch_chunks[0]
            self.batch_curve.setData(b[:, 0], b[:, 1])
        else:
            self.batch_curve.setData([], [])
        e = np.asarray(self._epochs, dtype=np.float64).reshape(-1, 5)
        self.train_loss_curve.setData(e[:, 0], e[:, 1])
        self.train_acc_curve.setData(e[:, 0], e[:, 2])
        has_val = ~np.isnan(e[:, 3])
        self.val_loss_curve.setData(e[has_val, 0], e[has_val, 3])
        self.val_acc_curve.setData(e[has_val, 0], e[has_val, 4])
        if len(e):
            last = int(e[-1, 0])
            if last > self._epochs_planned:
                self._epochs_planned = last
                for plot in (self.loss_plot, self.acc_plot):
                    plot.setXRange(0, last, padding=0.04)
            lo = np.nanmin(e[:, [2, 4]]) if np.isfinite(e[:, [2, 4]]).any() else 0.0
            self.acc_plot.setYRange(max(0.0, math.floor(lo / 5.0) * 5.0 - 5.0), 100, padding=0.02)


def _nan(v) -> float:
    return math.nan if v is None else float(v)
