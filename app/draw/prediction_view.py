"""PredictionView: what the network thinks, live.

The top digit large with its confidence (or "3 or 5?" when the network hesitates, or "Draw a
digit" when there is nothing), a pyqtgraph bar chart of the ten softmax probabilities that eases
toward each new prediction at ~60 fps, and the 28x28 image the network actually sees, enlarged
with nearest-neighbour scaling so its pixels stay visible. A view only: it is handed a
:class:`model.recognizer.Prediction` and the network's input and computes nothing itself.

pyqtgraph is imported when the chart is built: the owner calls ``build_chart`` (the window does it
right after it is first shown, since importing pyqtgraph costs ~0.3 s and the window should be up
before that). Until then the view shows everything but the bars.
"""
from __future__ import annotations

import math
import time

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPaintEvent, QPen, QPixmap
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from model.recognizer import NOTHING, Prediction

from .. import i18n
from ..theme import ACCENT, BAR, MUTED, UNSURE

FRAME_MS = 16  # ~60 fps
CELL = 5  # screen pixels per network-input pixel
EASE_SECONDS = 0.09  # time constant of the bars' easing: quick, but visibly smooth
CHART_MIN_HEIGHT = 120  # the bars stay readable; the chart takes what room there is above that


class InputImageView(QWidget):
    """The 28x28 network input, enlarged without smoothing, with a faint pixel grid (cached)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._image: QImage | None = None
        self._grid_pixmap: QPixmap | None = None
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.setToolTip(self.tr("The 28x28 pixels the network reads: your drawing cropped, scaled to fit "
                                "20x20 and centred by its centre of mass, like the MNIST digits it learnt from"))

    def sizeHint(self) -> QSize:
        return QSize(28 * CELL + 2, 28 * CELL + 2)

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def set_input(self, x) -> None:
        """x: (28, 28) floats 0..1 (white digit on black), or None for an empty field."""
        if x is None:
            self._image = None
        else:
            from pyqtgraph import functions as fn

            argb, _alpha = fn.makeARGB(x, levels=(0.0, 1.0))
            self._image = fn.makeQImage(argb, alpha=False, transpose=False)
        self.update()

    def image(self) -> QImage | None:
        return self._image

    def _grid(self) -> QPixmap:
        """The frame and the faint pixel grid, drawn once per device pixel ratio."""
        dpr = self.devicePixelRatioF()
        if self._grid_pixmap is None or self._grid_pixmap.devicePixelRatio() != dpr:
            side = 28 * CELL
            pm = QPixmap(round((side + 2) * dpr), round((side + 2) * dpr))
            pm.setDevicePixelRatio(dpr)
            pm.fill(Qt.GlobalColor.transparent)
            p = QPainter(pm)
            p.setPen(QPen(QColor(255, 255, 255, 20), 0))
            for i in range(1, 28):
                p.drawLine(QPointF(1 + i * CELL, 1), QPointF(1 + i * CELL, 1 + side))
                p.drawLine(QPointF(1, 1 + i * CELL), QPointF(1 + side, 1 + i * CELL))
            p.setPen(QPen(QColor(0, 0, 0, 120), 1))
            p.drawRect(QRectF(0.5, 0.5, side + 1, side + 1))
            p.end()
            self._grid_pixmap = pm
        return self._grid_pixmap

    def paintEvent(self, event: QPaintEvent) -> None:
        side = 28 * CELL
        p = QPainter(self)
        p.fillRect(self.rect(), QColor("white"))
        p.fillRect(QRectF(1, 1, side, side), QColor("black"))
        if self._image is not None:
            p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
            p.drawImage(QRectF(1, 1, side, side), self._image)
        p.drawPixmap(0, 0, self._grid())
        p.end()


class PredictionView(QWidget):
    """Shows a :class:`Prediction` and the network's input; eases the bars toward new values."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._prediction: Prediction = NOTHING
        self._shown = [0.0] * 10  # heights on screen
        self._target = [0.0] * 10  # heights of the latest prediction
        self._last_frame = 0.0
        self._mode = ""
        self._timer = QTimer(self)
        self._timer.setInterval(FRAME_MS)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._step)

        self.digit_label = QLabel("?")
        self.digit_label.setObjectName("digitLabel")
        self.digit_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        f = QFont(self.font())
        f.setPointSizeF(f.pointSizeF() * 5.2)
        f.setWeight(QFont.Weight.DemiBold)
        self.digit_label.setFont(f)
        self.digit_label.setMinimumWidth(150)
        self.confidence_label = QLabel()
        self.confidence_label.setObjectName("confidenceLabel")
        self.confidence_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.confidence_label.setWordWrap(True)
        f = QFont(self.font())
        f.setPointSizeF(f.pointSizeF() * 1.15)
        self.confidence_label.setFont(f)

        self.input_view = InputImageView()
        input_caption = QLabel(self.tr("What the network sees (28×28)"))
        input_caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        input_caption.setStyleSheet(f"color: {MUTED};")
        input_caption.setWordWrap(True)  # two lines under the picture when the column is narrow
        input_caption.setMaximumWidth(self.input_view.sizeHint().width() + 40)

        verdict = QVBoxLayout()
        verdict.setSpacing(0)
        verdict.addStretch(1)
        verdict.addWidget(self.digit_label)
        verdict.addWidget(self.confidence_label)
        verdict.addStretch(1)
        seen = QVBoxLayout()
        seen.setSpacing(6)
        seen.addWidget(self.input_view, 0, Qt.AlignmentFlag.AlignHCenter)
        seen.addWidget(input_caption)
        top = QHBoxLayout()
        top.setSpacing(16)
        top.addLayout(verdict, 1)
        top.addLayout(seen)

        self.chart = None  # pyqtgraph.PlotWidget, built by build_chart()
        self.bars = None
        self._value_labels = []
        self._chart_placeholder = QWidget()
        self._chart_placeholder.setMinimumHeight(CHART_MIN_HEIGHT)

        card = QFrame()
        card.setObjectName("verdictCard")
        card.setLayout(top)
        top.setContentsMargins(14, 10, 14, 12)
        chart_card = QFrame()
        chart_card.setObjectName("chartCard")
        chart_layout = QVBoxLayout(chart_card)
        chart_layout.setContentsMargins(12, 10, 12, 8)
        chart_layout.setSpacing(4)
        chart_title = QLabel(self.tr("How likely each digit is"))
        chart_title.setObjectName("sectionTitle")
        chart_layout.addWidget(chart_title)
        chart_layout.addWidget(self._chart_placeholder, 1)
        self._chart_layout = chart_layout
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        layout.addWidget(card)
        layout.addWidget(chart_card, 1)
        self._verdict_card, self._chart_card = card, chart_card
        # The chart takes the room left under the verdict, and never asks for more (see _fit_chart).
        chart_card.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Ignored)
        self._show_verdict()

    # -- public API ------------------------------------------------------------------------------
    def build_chart(self) -> None:
        """Create the pyqtgraph bar chart (once); until then the bars' values are only kept."""
        if self.chart is not None:
            return
        import pyqtgraph as pg

        self.chart = pg.PlotWidget(background="w")
        self.chart.setObjectName("probabilityChart")
        self.chart.setToolTip(self.tr("The network's softmax output: how likely it finds each digit"))
        self.chart.setMinimumHeight(CHART_MIN_HEIGHT)
        self.chart.setMenuEnabled(False)
        self.chart.setMouseEnabled(x=False, y=False)
        self.chart.hideButtons()
        plot = self.chart.getPlotItem()
        plot.setXRange(-0.6, 9.6, padding=0)
        plot.setYRange(0, 1.12, padding=0)
        plot.showGrid(x=False, y=True, alpha=0.12)
        text_pen = pg.mkPen(self.palette().text().color())
        axis_pen = pg.mkPen(QColor(0, 0, 0, 60))
        bottom, left = plot.getAxis("bottom"), plot.getAxis("left")
        bottom.setTicks([[(i, str(i)) for i in range(10)]])
        left.setTicks([[(0, "0")] + [(v, i18n.percent(v, 0)) for v in (0.25, 0.5, 0.75, 1.0)]])
        for axis in (bottom, left):
            axis.setPen(axis_pen)
            axis.setTextPen(text_pen)
        tick_font = QFont(self.font())
        tick_font.setPointSizeF(self.font().pointSizeF() * 1.1)
        bottom.setStyle(tickFont=tick_font, tickLength=0)
        left.setStyle(tickLength=0)
        left.setWidth(42)
        self.bars = pg.BarGraphItem(x=list(range(10)), height=list(self._shown), width=0.68,
                                    brushes=[BAR] * 10, pen=pg.mkPen(None))
        plot.addItem(self.bars)
        self._value_labels = []
        self._label_texts = [""] * 10
        for i in range(10):
            label = pg.TextItem("", color=MUTED, anchor=(0.5, 1.0))
            label.setPos(i, 0)
            plot.addItem(label)
            self._value_labels.append(label)

        self._chart_layout.replaceWidget(self._chart_placeholder, self.chart)
        self._chart_placeholder.deleteLater()
        self._recolour()
        self._apply()

    def prediction(self) -> Prediction:
        return self._prediction

    def set_prediction(self, prediction: Prediction, network_input=None) -> None:
        """Show a prediction; the bars ease toward it, the labels and input image update at once."""
        self._prediction = prediction
        self._target = [float(v) for v in prediction.probabilities]
        self.input_view.set_input(network_input)
        self._show_verdict()
        self._recolour()
        if not self._timer.isActive():
            self._last_frame = time.perf_counter()
            self._timer.start()

    def displayed_heights(self) -> list[float]:
        """The bar heights on screen right now (they lag the prediction while animating)."""
        return list(self._shown)

    def is_animating(self) -> bool:
        return self._timer.isActive()

    def finish_animation(self) -> None:
        """Jump the bars to the latest prediction (tests, screenshots)."""
        self._shown = list(self._target)
        self._apply()
        self._timer.stop()

    # -- internals -------------------------------------------------------------------------------
    def _step(self) -> None:
        now = time.perf_counter()
        dt, self._last_frame = now - self._last_frame, now
        k = 1.0 - math.exp(-dt / EASE_SECONDS)
        done = True
        for i, (s, t) in enumerate(zip(self._shown, self._target)):
            s += (t - s) * k
            if abs(t - s) < 0.002:
                s = t
            else:
                done = False
            self._shown[i] = s
        self._apply()
        if done:
            self._timer.stop()

    def _apply(self) -> None:
        if self.bars is None:
            return
        self.bars.setOpts(height=list(self._shown))
        for i, (label, v) in enumerate(zip(self._value_labels, self._shown)):
            text = i18n.percent(v, 0) if v >= 0.01 else ""
            if text != self._label_texts[i]:  # re-laying out text is the costly part
                self._label_texts[i] = text
                label.setText(text)
            label.setPos(i, v + 0.01)

    def _recolour(self) -> None:
        pred = self._prediction
        brushes = [BAR] * 10
        if pred.digit is not None:
            if pred.unsure:
                for d, _ in pred.top2:
                    brushes[d] = UNSURE
            else:
                brushes[pred.digit] = ACCENT
        if self.bars is not None:
            self.bars.setOpts(brushes=brushes)

    def _show_verdict(self) -> None:
        pred = self._prediction
        if pred.digit is None:
            mode = "empty"
            self.digit_label.setText("?")
            self.confidence_label.setText(self.tr("Draw a digit"))
        elif pred.unsure:
            mode = "unsure"
            (d1, p1), (d2, p2) = pred.top2
            small, either = self.font().pointSizeF() * 2.2, self.tr("or")
            self.digit_label.setText(f"{d1}<span style='font-size:{small:.0f}pt; font-weight:normal; "
                                     f"color:{MUTED}'>&nbsp;{either}&nbsp;</span>{d2}")
            self.confidence_label.setText(self.tr("Unsure: {first} {p1} · {second} {p2}").format(
                first=d1, p1=i18n.percent(p1, 0), second=d2, p2=i18n.percent(p2, 0)))
        else:
            mode = "sure"
            self.digit_label.setText(str(pred.digit))
            self.confidence_label.setText(self.tr("{confidence} sure").format(
                confidence=i18n.percent(min(pred.confidence, 0.999))))
        if mode != self._mode:  # restyling is costly: only when the state changes
            self._mode = mode
            digit_colour, text_colour = {
                "empty": ("#d5dae2", MUTED),
                "unsure": (UNSURE.darker(125).name(), UNSURE.darker(150).name()),
                "sure": (ACCENT.name(), MUTED),
            }[mode]
            self.digit_label.setStyleSheet(f"color: {digit_colour};")
            self.confidence_label.setStyleSheet(f"color: {text_colour};")

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        self._fit_chart()

    def _fit_chart(self) -> None:
        """Too short for the chart (a small screen with the Inside dock open, whose output table shows
        the same probabilities): the chart makes room, and comes back when there is room again."""
        room = self.height() - self._verdict_card.minimumSizeHint().height() - self.layout().spacing()
        fits = room >= self._chart_card.minimumSizeHint().height()
        if fits == self._chart_card.isHidden():
            self._chart_card.setHidden(not fits)

    def chart_shown(self) -> bool:
        return not self._chart_card.isHidden()

    def mode(self) -> str:
        """"empty", "unsure" or "sure": what the verdict shows."""
        return self._mode
