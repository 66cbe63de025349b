"""The Data tab's pictures of a dataset: one digit's pixel values, the mean digit of each class,
and the class counts per split."""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QSizePolicy, QWidget

from model.data import explore

from ..theme import SERIES, series
from ..train.texts import num
from ..widgets.digits import digit_pixmap

SPLIT_NAMES = {"train": QT_TRANSLATE_NOOP("DataView", "train"), "test": QT_TRANSLATE_NOOP("DataView", "test"),
               "samples": QT_TRANSLATE_NOOP("DataView", "samples"), "all": QT_TRANSLATE_NOOP("DataView", "all")}


def split_name(name: str) -> str:
    """A split's name as shown (train, test...: translated; others as they are)."""
    return QCoreApplication.translate("DataView", SPLIT_NAMES[name]) if name in SPLIT_NAMES else name


def split_color(name: str, position: int = 0) -> QColor:
    """The train split in the first series colour, the test split in the second, others after."""
    return series({"train": 0, "test": 1}.get(name, 2 + position))


# --- one digit enlarged ---------------------------------------------------------------------------

class PixelView(QWidget):
    """One digit enlarged with each pixel's value (0-255) printed on it, as in the tutorial."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.values: np.ndarray | None = None  # uint8 (28, 28)
        self.setMinimumSize(28 * 8, 28 * 8)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMouseTracking(True)
        self.setToolTip(self.tr("The digit the network reads: 28×28 pixels, 0 = black, 255 = white. "
                        "The 784 numbers are its input, scaled to 0..1."))

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
            self.setToolTip(self.tr("row {row}, column {column}: {value}").format(row=r, column=c,
                                                                                   value=int(self.values[r, c])))
        super().mouseMoveEvent(event)

    def paintEvent(self, event) -> None:  # noqa: N802
        p = QPainter(self)
        if self.values is None:
            p.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                       self.tr("Click a digit to see it enlarged\nwith its 28×28 pixel values"))
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
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setToolTip(self.tr("The average of every digit of a class: where its ink usually is. "
                        "Click one to show only that digit."))
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def set_means(self, means: np.ndarray | None, counts: list[int] | None = None) -> None:
        self.means = None if means is None else np.asarray(means, dtype=np.float32)
        self.counts = list(counts) if counts is not None else [0] * 10
        self._pixmaps = [] if self.means is None else [digit_pixmap(explore.as_uint8(m), 1) for m in self.means]
        self.updateGeometry()  # longer counts need wider columns
        self.update()

    def set_highlight(self, digit: int | None) -> None:
        self.highlight = digit
        self.update()

    def _label_height(self) -> int:
        return 2 * self.fontMetrics().lineSpacing() + 2

    def _column(self, digit: int) -> QRect:
        """The column of class ``digit``'s picture and caption (5 columns, 2 rows)."""
        cols, rows, gap = 5, 2, 6
        r, c = divmod(digit, cols)
        cw = (self.width() - gap) / cols
        rh = (self.height() - gap) / rows
        return QRect(int(gap + c * cw), int(gap + r * rh), int(cw - gap), int(rh - gap))

    def tile_rect(self, digit: int) -> QRect:
        """Where class ``digit``'s mean is drawn (the image, without its caption)."""
        col = self._column(digit)
        side = max(8, min(col.width(), col.height() - self._label_height()))
        return QRect(col.left() + (col.width() - side) // 2, col.top(), side, side)

    def caption_rect(self, digit: int) -> QRect:
        """Where its caption is written: under the picture, as wide as its column (never a neighbour's)."""
        col, tile = self._column(digit), self.tile_rect(digit)
        return QRect(col.left(), tile.bottom() + 1, col.width(), self._label_height())

    def caption(self, digit: int) -> str:
        """The digit, and on a second line how many there are: "3\n(1,031)"."""
        return f"{digit}\n({num(self.counts[digit])})" if self.counts else str(digit)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt API): room for every caption
        fm = self.fontMetrics()
        widest = max(fm.horizontalAdvance(line) for d in range(10) for line in self.caption(d).split("\n"))
        return QSize(5 * (max(widest, 28) + 6) + 6, 2 * (28 + self._label_height() + 6) + 6)

    def digit_at(self, pos: QPoint) -> int | None:
        for d in range(10):
            if self.tile_rect(d).united(self.caption_rect(d)).contains(pos):
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
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("No digits"))
            return
        p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
        p.setFont(self.font())
        for d in range(10):
            rect = self.tile_rect(d)
            p.drawPixmap(rect, self._pixmaps[d])
            if self.highlight == d:
                p.setPen(SERIES[0])
                p.drawRect(rect.adjusted(-2, -2, 1, 1))
            p.setPen(text)
            p.drawText(self.caption_rect(d), Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, self.caption(d))


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
        item.setTitle(self.tr("Digits per class"), color=self.fg.name(), size="9pt")
        item.setLabel("left", self.tr("digits per class"), color=self.fg.name())
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
        self.setToolTip(self.tr("How many digits of each class each split holds. Balanced classes keep the "
                        "network from favouring the frequent ones."))

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
            f'<span style="color:{split_color(name, k).name()}">■</span>&nbsp;{split_name(name)} ({num(sum(v))})'
            for k, (name, v) in enumerate(counts.items()))
        item.setTitle(keys, color=self.fg.name(), size="9pt")

    def heights(self, split: str) -> list[int]:
        return [int(v) for v in self.bars[split].opts["height"]]
