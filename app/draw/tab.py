"""DrawTab: the canvas with its tools on the left, the live prediction on the right, the label bar under.

It owns the live path (:class:`app.draw.live.LivePredictor`) and re-reads what is shown when the
active model changes (``ActiveModel.reread``). A drawing or an opened image is shown here; the
window's menus and shortcuts drive it through its public methods.

Number mode (:meth:`DrawTab.set_number_mode`) widens the paper and reads a whole number while it is
written (:class:`app.draw.live.LiveNumberReader`): each digit's box and reading over the ink, the
number large with a Copy button, and the chart, the label bar and the Inside view follow the
digit in focus (under the mouse, clicked, else the last one). A digit key corrects the focused
digit and keeps it as a sample, as it does for a single digit.
"""
from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QSlider, QToolBar, QVBoxLayout, QWidget

from model.number import NOTHING as NO_NUMBER
from model.number import digit_ink, sample_problem
from model.preprocess import ink_to_input
from model.recognizer import NOTHING, Prediction
from model.samples.store import SampleStore

from ..session import ActiveModel
from ..widgets.canvas import CANVAS_SIZE, MAX_PEN_WIDTH, MIN_PEN_WIDTH, InkCanvas
from .label_bar import LabelBar
from .live import LiveNumberReader, LivePredictor
from .number_view import NUMBER_PAPER, WRITING_BAND, NumberView, paint_reading
from .prediction_view import PredictionView

READING_MIN_WIDTH = 330  # the reading column: the verdict card's digit and 28x28 picture side by side
DIGIT_SHARE = (3, 2)  # of the tab's width: the canvas column, the reading column (one digit)
NUMBER_SHARE = (5, 2)  # ... in Number mode: the wide sheet gets more


class DrawTab(QWidget):
    numberModeChanged = Signal(bool)

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
        self.number_mode = False
        self.number_reader = LiveNumberReader(session, parent=self)
        self.number_reader.readingChanged.connect(self._on_reading)
        self.number_view = NumberView()
        self.number_view.setObjectName("numberView")
        self.number_view.hide()
        self.number_view.digitClicked.connect(self.focus_digit)
        self.canvas.pointerMoved.connect(self._on_pointer)
        self.reading = NO_NUMBER
        self._reading_ink = None
        self._hovered: int | None = None
        self._selected: int | None = None

        self._build_tools()
        self.label_bar: LabelBar | None = None
        if samples is not None:
            self.label_bar = LabelBar(samples)
            self.predictor.predictionChanged.connect(self._offer_sample)
            self.label_bar.sampleAdded.connect(lambda _sample_id, label: self._on_labelled(label))
            self.label_bar.labelledOnly.connect(self._on_labelled)
        self._build_layout()

    # -- construction ----------------------------------------------------------------------------
    def _build_tools(self) -> None:
        self.tools = QToolBar(self.tr("Drawing tools"))
        self.tools.setObjectName("drawTools")
        self.tools.setIconSize(QSize(18, 18))
        self.tools.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.pen_slider = QSlider(Qt.Orientation.Horizontal)
        self.pen_slider.setObjectName("penWidthSlider")
        self.pen_slider.setRange(int(MIN_PEN_WIDTH), int(MAX_PEN_WIDTH))
        self.pen_slider.setFixedWidth(100)
        self.pen_slider.setToolTip(self.tr("Pen width in canvas pixels ( [ thinner, ] thicker ). "
                                           "The network sees every drawing with the same MNIST-like pen."))
        self.pen_label = QLabel()
        widest = " " + self.tr("{width} px").format(width=40) + " "
        self.pen_label.setMinimumWidth(self.pen_label.fontMetrics().horizontalAdvance(widest))
        self.pen_slider.valueChanged.connect(lambda value: self.canvas.set_pen_width(float(value)))
        self.canvas.penWidthChanged.connect(self._on_pen_width_changed)

    def _build_layout(self) -> None:
        """The canvas column (tools, sheet, label bar) and the reading column beside it. The reading
        column's width is a share of the tab's, whatever it shows: what is read never moves the sheet."""
        left = QVBoxLayout()
        left.setContentsMargins(0, 0, 0, 0)
        left.setSpacing(4)
        left.addWidget(self.tools)
        left.addWidget(self.canvas, 1)
        if self.label_bar is not None:
            left.addWidget(self.label_bar)
        self.reading_column = QWidget()
        self.reading_column.setObjectName("readingColumn")
        self.reading_column.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.reading_column.setMinimumWidth(READING_MIN_WIDTH)
        right = QVBoxLayout(self.reading_column)
        right.setContentsMargins(0, 8, 0, 0)
        right.setSpacing(12)
        right.addWidget(self.number_view)
        right.addWidget(self.prediction_view, 1)
        self._columns = QHBoxLayout(self)
        self._columns.setContentsMargins(10, 6, 14, 10)
        self._columns.setSpacing(14)
        self._columns.addLayout(left, DIGIT_SHARE[0])
        self._columns.addWidget(self.reading_column, DIGIT_SHARE[1])

    # -- tools -----------------------------------------------------------------------------------
    def add_tools(self, edit_actions, pen_actions) -> None:
        """The toolbar: undo/redo/clear first (they must always show), then pen, eraser and Number
        mode, then the pen width; what does not fit goes into the toolbar's » menu."""
        self.tools.addActions(edit_actions)
        self.tools.addSeparator()
        self.tools.addActions(pen_actions)
        self.tools.addSeparator()
        self.tools.addWidget(QLabel(" " + self.tr("Width") + " "))
        self.tools.addWidget(self.pen_slider)
        self.tools.addWidget(self.pen_label)

    def nudge_pen(self, delta: float) -> None:
        self.canvas.set_pen_width(self.canvas.pen_width() + delta)

    def _on_pen_width_changed(self, width: float) -> None:
        self.pen_slider.blockSignals(True)
        self.pen_slider.setValue(round(width))
        self.pen_slider.blockSignals(False)
        self.pen_label.setText(self.tr("{width} px").format(width=f"{width:.0f}"))

    # -- reading ---------------------------------------------------------------------------------
    def _on_ink_changed(self, ink) -> None:
        self._image_input = None
        if self.number_mode:
            self.number_reader.submit(ink)
        else:
            self.predictor.submit(ink)

    def repredict(self) -> None:
        """Read what is shown again (after a model change): one prediction, seen by every view."""
        if self.canvas.showing_image():
            self.predictor.predict_input(self._image_input)
        elif self.number_mode:
            self.number_reader.submit(self.canvas.ink())
            self.number_reader.flush()
        else:
            self.predictor.submit(self.canvas.ink())
            self.predictor.flush()

    # -- number mode -----------------------------------------------------------------------------
    def set_number_mode(self, on: bool) -> None:
        """Read a whole number (a wide sheet) or one digit (the square one); either way the drawing
        starts afresh (Undo brings the previous one back)."""
        if on == self.number_mode:
            return
        self.number_mode = on
        self.numberModeChanged.emit(on)
        self.number_view.setVisible(on)
        self.canvas.setMouseTracking(on)
        self.canvas.overlay = self._paint_overlay if on else None
        self.predictor.cancel()
        self.number_reader.cancel()
        self._set_reading(NO_NUMBER, None)
        share = NUMBER_SHARE if on else DIGIT_SHARE
        self._columns.setStretch(0, share[0])
        self._columns.setStretch(1, share[1])
        if on:
            self.canvas.set_paper(*NUMBER_PAPER,
                                  hint=self.tr("Write a number here, digits left to right, between the lines"),
                                  guides=WRITING_BAND)
        else:
            self.canvas.set_paper(CANVAS_SIZE, CANVAS_SIZE)

    def focus_digit(self, index: int | None) -> None:
        """Show digit ``index`` of the number in the chart and offer it for correcting."""
        self._selected = index
        self._show_focus()

    def _on_reading(self, reading, ink) -> None:
        if not self.number_mode:
            return
        if len(reading.digits) != len(self.reading.digits):
            self._selected = None  # a digit was added or removed: follow the newest one
        self._set_reading(reading, ink)

    def _set_reading(self, reading, ink) -> None:
        self.reading, self._reading_ink = reading, ink
        self._show_focus()
        self.canvas.update()

    def _focus(self) -> int | None:
        n = len(self.reading.digits)
        for index in (self._selected, self._hovered):
            if index is not None and 0 <= index < n:
                return index
        return n - 1 if n else None

    def _show_focus(self) -> None:
        focus = self._focus()
        self.number_view.set_reading(self.reading, focus)
        if focus is None:
            self.predictor.show(NOTHING, None)
            return
        d = self.reading.digits[focus]
        x = ink_to_input(digit_ink(self._reading_ink, d))
        self.predictor.show(Prediction(d.digit, float(d.confidence), d.probabilities), x)
        self.canvas.update()

    def _on_pointer(self, x: float, y: float) -> None:
        if self.canvas.showing_image():
            return  # an opened image has no digits to point at
        index = self.reading.index_at(x, y) if self.reading.digits else None
        inside = index is not None and self.reading.digits[index].box[0] <= x <= self.reading.digits[index].box[2]
        hovered = index if inside else None
        if hovered != self._hovered:
            self._hovered = hovered
            self._show_focus()

    def _paint_overlay(self, p, scale: float) -> None:
        paint_reading(p, scale, self.reading, self._focus())

    def _on_labelled(self, label: int) -> None:
        """The person said what the drawing is: a single digit clears the canvas for the next (it
        was kept as a sample); a digit of a number is corrected in place and the number stays."""
        if not self.number_mode:
            self.canvas.clear()
            return
        focus = self._focus()
        if focus is not None:
            self._set_reading(self.number_reader.correct(self.reading, focus, label), self._reading_ink)

    def show_image(self, shown: QImage, caption: str, x) -> Prediction:
        """Show an opened image read-only and read its network input ``x`` (one digit: in Number
        mode the number read before goes, and pointing at the image shows no digit of it)."""
        self.canvas.show_image(shown, caption)
        self._image_input = x
        if self.number_mode:
            self.number_reader.cancel()
            self._hovered = self._selected = None
            self._set_reading(NO_NUMBER, None)
        return self.predictor.predict_input(x)

    def _offer_sample(self, prediction, x) -> None:
        """Tell the label bar what a label would keep: the drawing, one digit of the number, or an
        image; a digit of a number that is not a whole digit (cut by the sheet's edge, a stray
        mark) can be corrected but is not kept as a sample."""
        why_not = None
        if self.canvas.showing_image():
            ink = None
        elif self.number_mode:
            focus = self._focus()
            ink = digit_ink(self._reading_ink, self.reading.digits[focus]) if focus is not None else None
            if focus is not None:
                why_not = sample_problem(self.reading, focus, self._reading_ink.width, self._reading_ink.height)
        else:
            ink = self.canvas.ink()
        self.label_bar.set_current(prediction, x, ink, self.session.model_id, not_a_sample=why_not)
