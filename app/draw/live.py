"""LivePredictor: the heart of the live path, ink -> 28x28 -> probabilities on every mouse move.

Drawing: InkCanvas.inkChanged -> :meth:`LivePredictor.submit` -> (event loop free) preprocess +
NumPy Recognizer, in the GUI thread: well under a millisecond, so no thread -> ``predictionChanged``
-> the chart, the label bar, the Inside view. Ink changes that pile up while the event loop is busy
are coalesced: only the newest ink is predicted. The recognizer is the active model's
(:class:`app.session.ActiveModel`); TensorFlow is never involved.
"""
from __future__ import annotations

import time

from PySide6.QtCore import QObject, QTimer, Signal

from model import preprocess
from model.recognizer import NOTHING, Prediction, Recognizer


class _Latest(QObject):
    """Keeps only the newest ink and reads it once the event loop is free.

    ``submit`` only stores the ink and arms a 0 ms single-shot timer, so a burst of mouse moves
    processed in one go costs one read. ``last_update_s`` is the time of the last read including the
    slots connected to its signal (the chart), for the benchmark. Subclasses implement ``_read(ink)``.
    """

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._pending = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.flush)
        self.last_update_s = 0.0
        self.updates = 0

    def submit(self, ink) -> None:
        self._pending = ink
        if not self._timer.isActive():
            self._timer.start()

    def cancel(self) -> None:
        self._pending = None
        self._timer.stop()

    def flush(self) -> None:
        """Read the pending ink now (if any)."""
        self._timer.stop()
        ink, self._pending = self._pending, None
        if ink is None:
            return
        start = time.perf_counter()
        self._read(ink)
        self.last_update_s = time.perf_counter() - start
        self.updates += 1

    def _read(self, ink) -> None:
        raise NotImplementedError


class LivePredictor(_Latest):
    """One digit: ink -> 28x28 -> probabilities, published as ``predictionChanged``."""

    predictionChanged = Signal(object, object)  # Prediction, network input (28, 28) | None

    def __init__(self, session=None, parent: QObject | None = None):
        super().__init__(parent)
        self.recognizer: Recognizer | None = None
        if session is not None:
            self.recognizer = session.recognizer
            session.changed.connect(lambda _info: setattr(self, "recognizer", session.recognizer))

    def _read(self, ink) -> None:
        self._publish(preprocess.ink_to_input(ink))

    def predict_input(self, x) -> Prediction:
        """Predict a ready 28x28 input (an image) and publish it."""
        self.cancel()
        return self._publish(x)

    def show(self, prediction: Prediction, x) -> None:
        """Publish a prediction made elsewhere (one digit of a number) to the chart and the views."""
        self.cancel()
        self.predictionChanged.emit(prediction, x)

    def _publish(self, x) -> Prediction:
        pred = self.recognizer.predict(x) if self.recognizer is not None else NOTHING
        self.predictionChanged.emit(pred, x)
        return pred


class LiveNumberReader(_Latest):
    """Number mode: the newest ink -> :class:`model.number.NumberReader` -> a
    :class:`model.number.NumberReading`, published as ``readingChanged``. The reader keeps each
    stroke group's reading between moves, so a move re-reads only the digit being written."""

    readingChanged = Signal(object, object)  # NumberReading, the Ink it reads

    def __init__(self, session=None, parent: QObject | None = None):
        super().__init__(parent)
        self.reader = None
        if session is not None:
            self.set_recognizer(session.recognizer)
            session.changed.connect(lambda _info: self.set_recognizer(session.recognizer))

    def set_recognizer(self, recognizer: Recognizer | None) -> None:
        from model.number import NumberReader

        if recognizer is None:
            self.reader = None
        elif self.reader is None:
            self.reader = NumberReader(recognizer)
        else:
            self.reader.set_recognizer(recognizer)  # keeps the person's corrections

    def _read(self, ink) -> None:
        from model.number import NOTHING as NO_NUMBER

        self.readingChanged.emit(self.reader.read(ink) if self.reader is not None else NO_NUMBER, ink)

    def correct(self, reading, index: int, digit: int):
        """A person says digit ``index`` is ``digit``: later reads of those strokes keep it."""
        return self.reader.correct(reading, index, digit) if self.reader is not None else reading
