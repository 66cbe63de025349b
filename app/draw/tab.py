"""DrawTab: the canvas with its tools on the left, the live prediction on the right, the label bar under.

It owns the live path (:class:`app.draw.live.LivePredictor`) and re-reads what is shown when the
active model changes (``ActiveModel.reread``). A drawing or an opened image is shown here; the
window's menus and shortcuts drive it through its public methods.
"""
from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSlider, QToolBar, QVBoxLayout, QWidget

from model.recognizer import Prediction
from model.samples import SampleStore

from ..session import ActiveModel
from ..widgets.canvas import MAX_PEN_WIDTH, MIN_PEN_WIDTH, InkCanvas
from .label_bar import LabelBar
from .live import LivePredictor
from .prediction_view import PredictionView


class DrawTab(QWidget):
    def __init__(self, session: ActiveModel, samples: SampleStore | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.canvas = InkCanvas()
        self.canvas.setObjectName("inkCanvas")
        self.prediction_view = PredictionView()
        self.prediction_view.setObjectName("predictionView")
        self.predictor = LivePredictor(session, parent=self)
        self.predictor.predictionChanged.connect(self.prediction_view.set_prediction)
        self.canvas.inkChanged.connect(self._on_ink_changed)
        session.reread.connect(self.repredict)
        self._image_input = None  # the 28x28 of a shown image, re-read on a model change

        self.tools = QToolBar("Drawing tools")
        self.tools.setObjectName("drawTools")
        self.tools.setIconSize(QSize(18, 18))
        self.tools.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.pen_slider = QSlider(Qt.Orientation.Horizontal)
        self.pen_slider.setObjectName("penWidthSlider")
        self.pen_slider.setRange(int(MIN_PEN_WIDTH), int(MAX_PEN_WIDTH))
        self.pen_slider.setFixedWidth(120)
        self.pen_slider.setToolTip("Pen width in canvas pixels ( [ thinner, ] thicker ). "
                                   "The network sees every drawing with the same MNIST-like pen.")
        self.pen_label = QLabel()
        self.pen_label.setMinimumWidth(44)
        self.pen_slider.valueChanged.connect(lambda value: self.canvas.set_pen_width(float(value)))
        self.canvas.penWidthChanged.connect(self._on_pen_width_changed)

        left = QVBoxLayout()
        left.setContentsMargins(0, 0, 0, 0)
        left.setSpacing(4)
        left.addWidget(self.tools)
        left.addWidget(self.canvas, 1)
        self.label_bar: LabelBar | None = None
        if samples is not None:
            self.label_bar = LabelBar(samples)
            left.addWidget(self.label_bar)
            self.predictor.predictionChanged.connect(self._offer_sample)
            self.label_bar.sampleAdded.connect(lambda *_: self.canvas.clear())
        right = QVBoxLayout()
        right.setContentsMargins(0, 8, 0, 0)
        right.addWidget(self.prediction_view)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 14, 10)
        layout.setSpacing(14)
        layout.addLayout(left, 3)
        layout.addLayout(right, 2)

    # -- tools -----------------------------------------------------------------------------------
    def add_tools(self, pen_actions, edit_actions) -> None:
        """The toolbar: pen and eraser, the pen width, undo/redo/clear (the window's actions)."""
        self.tools.addActions(pen_actions)
        self.tools.addSeparator()
        self.tools.addWidget(QLabel(" Width "))
        self.tools.addWidget(self.pen_slider)
        self.tools.addWidget(self.pen_label)
        self.tools.addSeparator()
        self.tools.addActions(edit_actions)

    def nudge_pen(self, delta: float) -> None:
        self.canvas.set_pen_width(self.canvas.pen_width() + delta)

    def _on_pen_width_changed(self, width: float) -> None:
        self.pen_slider.blockSignals(True)
        self.pen_slider.setValue(round(width))
        self.pen_slider.blockSignals(False)
        self.pen_label.setText(f"{width:.0f} px")

    # -- reading ---------------------------------------------------------------------------------
    def _on_ink_changed(self, ink) -> None:
        self._image_input = None
        self.predictor.submit(ink)

    def repredict(self) -> None:
        """Read what is shown again (after a model change): one prediction, seen by every view."""
        if self.canvas.showing_image():
            self.predictor.predict_input(self._image_input)
        else:
            self.predictor.submit(self.canvas.ink())
            self.predictor.flush()

    def show_image(self, shown: QImage, caption: str, x) -> Prediction:
        """Show an opened image read-only and read its network input ``x``."""
        self.canvas.show_image(shown, caption)
        self._image_input = x
        return self.predictor.predict_input(x)

    def _offer_sample(self, prediction, x) -> None:
        ink = None if self.canvas.showing_image() else self.canvas.ink()
        self.label_bar.set_current(prediction, x, ink, self.session.model_id)
