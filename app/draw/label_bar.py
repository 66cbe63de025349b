"""LabelBar: under the Draw tab's canvas, store what was drawn as one of the user's samples.

"✓ Correct" stores the drawing labelled with the digit the model read; "It's a…" 0-9 stores it
with the digit the user picks. :meth:`LabelBar.shortcuts` gives the same as window actions: the
digit keys, Enter (correct) and Ctrl+Backspace (undo the last sample). A toast ("Saved as 7 · 23
samples of 7") confirms each add and fades out.

Adding is one SQLite transaction in :class:`model.samples.store.SampleStore` (about a millisecond), done
in the GUI thread: nothing waits on it. The image stored is the 28x28 input the prediction was made
from (what the model saw), with the ink it came from. No numerics here.
"""
from __future__ import annotations

from html import escape

from PySide6.QtCore import QEasingCurve, QPropertyAnimation, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QGraphicsOpacityEffect,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from model.samples.store import SampleError, SampleStore

from .. import i18n

TOAST_MS = 1500  # how long the confirmation stays fully visible
FADE_MS = 400


class LabelBar(QWidget):
    """``set_current(prediction, x, ink, model_id)`` on every prediction; the buttons and
    shortcuts store it. ``sampleAdded(id, label)`` after a store (the window clears the canvas),
    ``sampleRemoved(id)`` after :meth:`undo_last`."""

    sampleAdded = Signal(int, int)  # sample id, label
    sampleRemoved = Signal(int)  # sample id (undo)
    labelledOnly = Signal(int)  # a label given to a drawing that is not kept as a sample (see set_current)

    def __init__(self, samples: SampleStore, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("labelBar")
        self.samples = samples
        self._prediction = None
        self._x = None
        self._ink = None
        self._model_id: str | None = None
        self._not_a_sample: str | None = None

        self.correct_button = QPushButton(self.tr("✓ Correct"))
        self.correct_button.setObjectName("labelCorrect")
        self.correct_button.setToolTip(self.tr("The model read it right: keep this drawing as one of your samples, "
                                               "labelled with the digit it read (Enter)"))
        self.correct_button.clicked.connect(self.store_correct)
        its = QLabel(self.tr("It's a…"))
        its.setToolTip(self.tr("Tell DigitPad which digit you drew: the drawing is kept as one of your samples "
                               "with that label, to measure and personalise the model"))
        self.digit_buttons: list[QPushButton] = []
        # Two rows, so the canvas column stays narrow enough for small screens (one row needed 463 px).
        rows = QVBoxLayout(self)
        rows.setContentsMargins(0, 0, 0, 0)
        rows.setSpacing(3)
        top, layout = QHBoxLayout(), QHBoxLayout()
        top.setSpacing(8)
        layout.setSpacing(2)
        rows.addLayout(top)
        rows.addLayout(layout)
        top.addWidget(self.correct_button)
        layout.addWidget(its)
        for d in range(10):
            b = QPushButton(str(d))
            b.setObjectName(f"labelDigit{d}")
            b.setFixedWidth(26)
            b.setToolTip(self.tr("It's a {digit}: keep this drawing as a sample of {digit} (key {digit})").format(
                digit=d))
            b.clicked.connect(lambda _=False, d=d: self.store_as(d))
            self.digit_buttons.append(b)
            layout.addWidget(b)
        layout.addStretch(1)
        self.toast = QLabel()
        self.toast.setObjectName("labelToast")
        # Two lines whatever it says: the bar's size (and so the sheet's above it) never changes.
        self.toast.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.toast.setFixedHeight(2 * self.toast.fontMetrics().lineSpacing() + 2)
        self.toast.setToolTip(self.tr("What was just stored"))
        self.toast.setTextFormat(Qt.TextFormat.RichText)
        self.toast.setWordWrap(True)
        self.toast.linkActivated.connect(lambda _link: self.undo_last())
        self._opacity = QGraphicsOpacityEffect(self.toast)
        self._opacity.setOpacity(0.0)
        self.toast.setGraphicsEffect(self._opacity)
        self._fade = QPropertyAnimation(self._opacity, b"opacity", self)
        self._fade.setDuration(FADE_MS)
        self._fade.setStartValue(1.0)
        self._fade.setEndValue(0.0)
        self._fade.setEasingCurve(QEasingCurve.Type.InQuad)
        self._toast_timer = QTimer(self)
        self._toast_timer.setSingleShot(True)
        self._toast_timer.timeout.connect(self._fade.start)
        top.addWidget(self.toast, 1)

        self._actions: list[QAction] = []
        self.digit_actions: list[QAction] = []
        for d in range(10):
            a = QAction(self.tr("Label as {digit}").format(digit=d), self)
            a.setShortcut(QKeySequence(str(d)))
            a.setToolTip(self.tr("Keep the drawing as a sample of {digit}").format(digit=d))
            a.triggered.connect(lambda _=False, d=d: self.store_as(d))
            self.digit_actions.append(a)
        self.correct_action = QAction(self.tr("Label as &Correct"), self)
        self.correct_action.setShortcuts([QKeySequence(Qt.Key.Key_Return), QKeySequence(Qt.Key.Key_Enter)])
        self.correct_action.setToolTip(self.tr("Keep the drawing as a sample of the digit the model read"))
        self.correct_action.triggered.connect(self.store_correct)
        self.undo_action = QAction(self.tr("Undo Last &Sample"), self)
        self.undo_action.setShortcut(QKeySequence("Ctrl+Backspace"))
        self.undo_action.setToolTip(self.tr("Remove the sample you added last"))
        self.undo_action.triggered.connect(self.undo_last)
        self._actions = [*self.digit_actions, self.correct_action, self.undo_action]
        self._update_enabled()

    # -- API ---------------------------------------------------------------------------------------
    def shortcuts(self) -> list[QAction]:
        """Actions for the window (``window.addActions(bar.shortcuts())``): digit keys 0-9, Enter,
        Ctrl+Backspace. The labelling ones are enabled only while the bar is shown and something is
        drawn, so the keys stay free on other tabs."""
        return list(self._actions)

    def set_current(self, prediction, x, ink=None, model_id: str | None = None, *,
                    not_a_sample: str | None = None) -> None:
        """What is on the canvas now: the Prediction, the 28x28 input it was made from (None when
        nothing is drawn), the Ink (None for an opened image) and the id of the model that read it.
        ``not_a_sample``: why this drawing must not be kept as a sample (a digit of a number cut by
        the sheet's edge); labelling it then only says what it is (``labelledOnly``)."""
        self._prediction = prediction
        self._x = x
        self._ink = ink if ink is not None and not ink.is_empty else None
        self._model_id = model_id
        self._not_a_sample = not_a_sample
        self._update_enabled()

    def has_drawing(self) -> bool:
        return self._x is not None

    @Slot()
    def store_correct(self) -> int | None:
        digit = getattr(self._prediction, "digit", None)
        if digit is None:
            return None
        return self.store_as(int(digit))

    @Slot(int)
    def store_as(self, label: int) -> int | None:
        """Store the current drawing as a sample of ``label``; its id (None if nothing to store)."""
        if self._x is None:
            return None
        predicted = getattr(self._prediction, "digit", None)
        if self._not_a_sample:
            self._x = self._ink = None
            self._update_enabled()
            self.show_toast(self.tr("Read as {label}; not kept as a sample: {reason}.").format(
                label=label, reason=self._not_a_sample), error=True)
            self.labelledOnly.emit(label)
            return None
        try:
            sample_id = self.samples.add(self._x, label, ink=self._ink, predicted=predicted,
                                         model_id=self._model_id)
            n = int(self.samples.count_by_label()[label])
        except SampleError as exc:
            self.show_toast(str(exc), error=True)
            return None
        # The canvas is about to be cleared; never store the same drawing twice.
        self._x = self._ink = None
        self._update_enabled()
        self.undo_action.setEnabled(True)
        saved = i18n.plural(self.tr("Saved as {label} · %n sample(s) of {label}", "", n), n)
        self.show_toast(saved.format(label=label), undo=True)
        self.sampleAdded.emit(sample_id, label)
        return sample_id

    @Slot()
    def undo_last(self) -> int | None:
        """Remove the last sample added (through this store); its id, or None."""
        try:
            sample_id = self.samples.undo_last_add()
        except SampleError as exc:
            self.show_toast(str(exc), error=True)
            return None
        if sample_id is None:
            self.show_toast(self.tr("No sample to undo"))
            return None
        self.show_toast(self.tr("Removed the last sample (#{id})").format(id=sample_id))
        self.sampleRemoved.emit(sample_id)
        return sample_id

    def show_toast(self, text: str, error: bool = False, undo: bool = False) -> None:
        """A line that fades out; ``undo`` adds a link that removes the sample just kept."""
        keys = QKeySequence("Ctrl+Backspace").toString(QKeySequence.SequenceFormat.NativeText)
        link = " · <a href='undo'>" + self.tr("Undo") + f"</a> ({keys})"
        self.toast.setText(escape(text) + (link if undo else ""))
        self.toast.setStyleSheet("color: #c62828;" if error else "color: #2e7d32; font-weight: 600;")
        self._fade.stop()
        self._opacity.setOpacity(1.0)
        self._toast_timer.start(TOAST_MS if not error else 3 * TOAST_MS)

    # -- internals ---------------------------------------------------------------------------------
    def _update_enabled(self) -> None:
        drawn = self._x is not None
        for b in self.digit_buttons:
            b.setEnabled(drawn)
        read = drawn and getattr(self._prediction, "digit", None) is not None
        self.correct_button.setEnabled(read)
        if read:
            self.correct_button.setText(self.tr("✓ Correct ({digit})").format(
                digit=self._prediction.digit))
        else:
            self.correct_button.setText(self.tr("✓ Correct"))
        live = self.isVisible()
        for a in self.digit_actions:
            a.setEnabled(drawn and live)
        self.correct_action.setEnabled(read and live)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._update_enabled()

    def hideEvent(self, event) -> None:
        super().hideEvent(event)
        self._update_enabled()
