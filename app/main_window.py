"""MainWindow: the Draw and Train tabs, menus, actions and status bar; wires widgets to model objects.

Drawing: InkCanvas.inkChanged -> LivePredictor (preprocess + NumPy Recognizer, in the GUI thread:
well under a millisecond, so no thread) -> PredictionView. Ink changes that pile up while the
event loop is busy are coalesced: only the newest ink is predicted.

Start-up shows the window first and builds the rest on the event loop's first turn: the chart
(pyqtgraph takes ~0.3 s to import) and the Train tab. ``startupFinished`` says when all is built.
Nothing imported here at module level imports TensorFlow; the Train tab imports it in its worker.
"""
from __future__ import annotations

import os
import sys
import time
import traceback
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QImage, QKeySequence, QPalette, QColor
from PySide6.QtWidgets import (
    QDockWidget,
    QApplication, QFileDialog, QHBoxLayout, QLabel, QMainWindow, QMessageBox, QSlider, QTabWidget,
    QToolBar, QToolButton, QVBoxLayout, QWidget,
)

from model import preprocess
from model.ink import InkError, load as load_ink
from model.recognizer import NOTHING, ModelError, Prediction, Recognizer
from model.samples import SampleError, SampleStore
from model.store import DEFAULT_ID, ModelInfo, ModelStore, StoreError

from . import settings as prefs
from . import theme
from .widgets.canvas import MAX_PEN_WIDTH, MIN_PEN_WIDTH, InkCanvas
from .draw.label_bar import LabelBar
from .draw.prediction_view import PredictionView

IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".bmp")
INK_SUFFIXES = (".json",)
STOP_WAIT_SECONDS = 10.0  # how long closing waits for a cancelled training to wind down


class LivePredictor(QObject):
    """Predicts the newest ink once the event loop is free: ink -> 28x28 -> probabilities.

    ``submit`` only stores the ink and arms a 0 ms single-shot timer, so a burst of mouse moves
    processed in one go costs one prediction. ``last_update_s`` is the time of the last update
    including the slots connected to ``predictionChanged`` (the chart), for the benchmark.
    """

    predictionChanged = Signal(object, object)  # Prediction, network input (28, 28) | None

    def __init__(self, recognizer: Recognizer | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.recognizer = recognizer
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
        """Predict the pending ink now (if any)."""
        self._timer.stop()
        ink, self._pending = self._pending, None
        if ink is None:
            return
        start = time.perf_counter()
        x = preprocess.ink_to_input(ink)
        self._publish(x, start)

    def predict_input(self, x) -> Prediction:
        """Predict a ready 28x28 input (an image) and publish it."""
        self.cancel()
        return self._publish(x, time.perf_counter())

    def _publish(self, x, start: float) -> Prediction:
        pred = self.recognizer.predict(x) if self.recognizer is not None else NOTHING
        self.predictionChanged.emit(pred, x)
        self.last_update_s = time.perf_counter() - start
        self.updates += 1
        return pred


class DrawTab(QWidget):
    """The canvas with its tools on the left, the live prediction on the right."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.canvas = InkCanvas()
        self.canvas.setObjectName("inkCanvas")
        self.prediction_view = PredictionView()
        self.prediction_view.setObjectName("predictionView")
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

        left = QVBoxLayout()
        left.setContentsMargins(0, 0, 0, 0)
        left.setSpacing(4)
        left.addWidget(self.tools)
        left.addWidget(self.canvas, 1)
        self.left = left  # the label bar goes under the canvas
        right = QVBoxLayout()
        right.setContentsMargins(0, 8, 0, 0)
        right.addWidget(self.prediction_view)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 14, 10)
        layout.setSpacing(14)
        layout.addLayout(left, 3)
        layout.addLayout(right, 2)


class MainWindow(QMainWindow):
    """DigitPad's window. ``store`` defaults to the user's ModelStore (DIGITPAD_HOME moves it)."""

    windowShown = Signal()  # the first time the window is shown (the self-test's startup mark)
    startupFinished = Signal()  # the chart and the Train tab are built (soon after windowShown)
    modelChanged = Signal(object)  # ModelInfo | None: the Draw tab now predicts with this model

    def __init__(self, store: ModelStore | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("DigitPad")
        self.setAcceptDrops(True)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, theme.WINDOW)
        self.setPalette(palette)
        self.setStyleSheet(theme.STYLE)
        self.shown_at: float | None = None  # perf_counter() when the window was first on screen
        self._watching_expose = False
        self.last_error: str | None = None
        self.model_info: ModelInfo | None = None
        self._image_input = None  # the 28x28 of a shown image, re-predicted on model change
        self._closing = False
        self._stop_deadline = 0.0
        self.store = store if store is not None else ModelStore()

        self.draw_tab = DrawTab()
        self.canvas = self.draw_tab.canvas
        self.prediction_view = self.draw_tab.prediction_view
        self.predictor = LivePredictor(parent=self)
        self.predictor.predictionChanged.connect(self.prediction_view.set_prediction)
        self.canvas.inkChanged.connect(self._on_ink_changed)

        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.draw_tab, "Draw")
        self.training_tab: QWidget = QLabel("Loading…")  # the real tab is built once the window shows
        self.training_tab.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.tabs.addTab(self.training_tab, "Train")
        self.startup_finished = False
        self.tabs.currentChanged.connect(self._on_tab_changed)
        self.setCentralWidget(self.tabs)

        self.model_status = QToolButton()
        self.model_status.setObjectName("modelStatus")
        self.model_status.setAutoRaise(True)
        self.model_status.setToolTip("The model the Draw tab uses; click to manage models (Ctrl+M)")
        self.model_status.clicked.connect(self.manage_models)
        self.statusBar().addPermanentWidget(self.model_status)

        self._make_samples()
        self._make_actions()
        self.inside_action = self._action(
            "&Inside the Network", "Ctrl+I",
            "Show what each layer computes for your drawing, live (built once the window is up)",
            checkable=True)
        self.inside_action.toggled.connect(self._toggle_inside)
        self.inside_dock: QDockWidget | None = None
        self.inside_view = None
        self.data_view = None
        self.robustness_view = None
        self._make_menus()
        self._make_tools()
        self._restore_settings()
        self.load_active_model(announce=False)
        self._on_tab_changed(self.tabs.currentIndex())
        self.statusBar().showMessage("Draw a digit with the mouse; the network reads it as you draw.", 6000)

    # -- construction ----------------------------------------------------------------------------
    def _make_samples(self) -> None:
        """Your own samples: the label bar under the canvas (the Samples tab comes after the first
        paint). A store that cannot be opened leaves drawing working and says why."""
        self.samples_tab = None
        try:
            self.samples = SampleStore()
        except SampleError as exc:
            self.samples, self.label_bar = None, None
            self.last_error = f"Your samples cannot be opened: {exc}"
            QTimer.singleShot(0, lambda: self.show_error("Samples unavailable", self.last_error))
            return
        self.label_bar = LabelBar(self.samples)
        self.draw_tab.left.addWidget(self.label_bar)
        self.addActions(self.label_bar.shortcuts())
        self.predictor.predictionChanged.connect(self._offer_sample)
        self.label_bar.sampleAdded.connect(lambda *_: self.canvas.clear())
        if self.samples.recovery_message:
            message = self.samples.recovery_message
            QTimer.singleShot(0, lambda: self.show_error("Samples recovered", message))

    def _offer_sample(self, prediction, x) -> None:
        ink = None if self.canvas.showing_image() else self.canvas.ink()
        self.label_bar.set_current(prediction, x, ink, self.model_info.id if self.model_info else None)

    def _make_samples_tab(self) -> None:
        from .samples.tab import SamplesTab

        self.samples_tab = SamplesTab(self.samples, self.store, self)
        self.tabs.addTab(self.samples_tab, "Samples")
        self.label_bar.sampleAdded.connect(lambda *_: self.samples_tab.refresh())
        self.label_bar.sampleRemoved.connect(lambda *_: self.samples_tab.refresh())
        self.samples_tab.modelActivated.connect(lambda _id: self.load_active_model())
        self.samples_tab.set_recognizer(self.predictor.recognizer, self.model_info.id if self.model_info else None)

    def _make_training_tab(self) -> QWidget:
        try:
            from .train.tab import TrainingTab

            tab = TrainingTab(self.store, self)
        except Exception as exc:  # the app stays usable for drawing without the Train tab
            if sys.stderr is not None:  # a windowed executable has none
                traceback.print_exc()
            placeholder = QLabel(f"The Train tab could not be started:\n{exc}\n\n"
                                 "Drawing and models still work. Reinstall DigitPad to fix this.")
            placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
            placeholder.setWordWrap(True)
            return placeholder
        for name, slot in (("modelActivated", self._on_model_activated),
                           ("trainingStarted", self._on_training_started),
                           ("trainingFinished", self._on_training_finished)):
            signal = getattr(tab, name, None)
            if signal is not None:
                signal.connect(slot)
        return tab

    def _action(self, text: str, shortcuts, tip: str, slot=None, checkable: bool = False) -> QAction:
        action = QAction(text, self)
        if isinstance(shortcuts, (list, tuple)):
            action.setShortcuts([QKeySequence(s) for s in shortcuts])
        else:
            action.setShortcut(QKeySequence(shortcuts))
        keys = ", ".join(s.toString(QKeySequence.SequenceFormat.NativeText) for s in action.shortcuts())
        action.setToolTip(f"{tip} ({keys})" if keys else tip)
        action.setStatusTip(tip)
        action.setCheckable(checkable)
        if slot is not None:
            (action.toggled if checkable else action.triggered).connect(slot)
        self.addAction(action)
        return action

    def _make_actions(self) -> None:
        Std = QKeySequence.StandardKey
        a = self._action
        self.open_action = a("&Open Drawing or Image…", Std.Open, "Open an ink drawing (.json) or classify an image", self.open_file)
        self.save_action = a("&Save Drawing…", Std.Save, "Save the drawing as DigitPad ink (.json)", self.save_drawing)
        self.export_action = a("&Export PNG…", "Ctrl+E", "Export the drawing as a PNG image", self.export_png)
        self.quit_action = a("&Quit", "Ctrl+Q", "Quit DigitPad", self.close)
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.undo_action = a("&Undo", Std.Undo, "Undo the last stroke or change", self.canvas.undo)
        self.redo_action = a("&Redo", ["Ctrl+Shift+Z", "Ctrl+Y"], "Redo what was undone", self.canvas.redo)
        self.clear_action = a("&Clear", ["Esc", "Delete"], "Clear the canvas", self.canvas.clear)
        self.pen_action = a("&Pen", "P", "Draw with the pen", None, checkable=True)
        self.eraser_action = a("&Eraser", "E", "Erase whole strokes by dragging over them", self.canvas.set_eraser, checkable=True)
        self.pen_action.setChecked(True)
        self.pen_action.toggled.connect(lambda on: self.canvas.set_eraser(not on))
        self.canvas.eraserToggled.connect(self._on_eraser_toggled)
        self.thinner_action = a("&Thinner Pen", "[", "Make the pen thinner", lambda: self._nudge_pen(-2))
        self.thicker_action = a("T&hicker Pen", "]", "Make the pen thicker", lambda: self._nudge_pen(+2))
        self.undo_action.setEnabled(False)
        self.redo_action.setEnabled(False)
        self.canvas.canUndoChanged.connect(self.undo_action.setEnabled)
        self.canvas.canRedoChanged.connect(self.redo_action.setEnabled)
        self.draw_tab_action = a("&Draw", "Ctrl+1", "Show the Draw tab", lambda: self.tabs.setCurrentIndex(0))
        self.train_tab_action = a("&Train", "Ctrl+2", "Show the Train tab", lambda: self.tabs.setCurrentIndex(1))
        self.models_action = a("&Manage Models…", "Ctrl+M", "List, switch, rename, delete, export and import models", self.manage_models)
        self.reset_model_action = a("&Reset to Default Model", "Ctrl+Shift+D", "Use the model that ships with DigitPad", self.reset_to_default_model)
        self.shortcuts_action = a("&Keyboard Shortcuts", ["F1", "Ctrl+/"], "List every keyboard shortcut", self.show_shortcuts)
        self.about_action = a("&About DigitPad", "Ctrl+F1", "What DigitPad is and which model it uses", self.show_about)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self._draw_actions = [self.save_action, self.export_action, self.undo_action, self.redo_action,
                              self.clear_action, self.pen_action, self.eraser_action,
                              self.thinner_action, self.thicker_action]

    def _make_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        file_menu.addActions([self.open_action, self.save_action, self.export_action])
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit = bar.addMenu("&Edit")
        edit.addActions([self.undo_action, self.redo_action, self.clear_action])
        edit.addSeparator()
        edit.addActions([self.pen_action, self.eraser_action, self.thinner_action, self.thicker_action])
        view = bar.addMenu("&View")
        view.addActions([self.draw_tab_action, self.train_tab_action])
        view.addSeparator()
        view.addAction(self.inside_action)
        models = bar.addMenu("&Models")
        models.addActions([self.models_action, self.reset_model_action])
        help_menu = bar.addMenu("&Help")
        help_menu.addActions([self.shortcuts_action, self.about_action])
        for menu in (file_menu, edit, view, models, help_menu):
            menu.setToolTipsVisible(True)

    def _make_tools(self) -> None:
        tools = self.draw_tab.tools
        tools.addActions([self.pen_action, self.eraser_action])
        tools.addSeparator()
        tools.addWidget(QLabel(" Width "))
        tools.addWidget(self.draw_tab.pen_slider)
        tools.addWidget(self.draw_tab.pen_label)
        tools.addSeparator()
        tools.addActions([self.undo_action, self.redo_action, self.clear_action])
        slider = self.draw_tab.pen_slider
        slider.valueChanged.connect(self._on_pen_slider)
        self.canvas.penWidthChanged.connect(self._on_pen_width_changed)

    # -- settings --------------------------------------------------------------------------------
    def _restore_settings(self) -> None:
        s = prefs.settings()
        geometry = s.value("window/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1120, 720)
        pen = prefs.value("draw/penWidth", 18.0, float)
        self.canvas.set_pen_width(pen)
        self._on_pen_width_changed(self.canvas.pen_width())
        tab = prefs.value("window/tab", 0, int)
        if 0 <= tab < self.tabs.count():
            self.tabs.setCurrentIndex(tab)

    def save_settings(self) -> None:
        s = prefs.settings()
        s.setValue("window/geometry", self.saveGeometry())
        s.setValue("window/tab", self.tabs.currentIndex())
        s.setValue("draw/penWidth", self.canvas.pen_width())
        s.sync()

    # -- models ----------------------------------------------------------------------------------
    def load_active_model(self, announce: bool = True) -> None:
        """(Re)load the active model into the Draw tab and re-predict what is shown.

        A model that cannot be used falls back to the shipped default with a message saying why.
        """
        reason = None
        info = recognizer = None
        try:
            info = self.store.active()
            reason = self.store.fallback_reason
            recognizer = Recognizer.load(info.path)
        except (StoreError, ModelError) as exc:
            reason = str(exc)
            try:
                info = self.store.default()
                recognizer = Recognizer.load(info.path)
                reason += " Using the shipped default model instead."
            except (StoreError, ModelError) as exc2:
                info, recognizer = None, None
                reason = f"{exc2}"
        self.model_info = info
        self.predictor.recognizer = recognizer
        self._show_model_status()
        if info is None:
            self.show_error("No model", f"DigitPad has no usable model, so it cannot read digits.\n\n{reason}")
        elif reason:
            self.show_error("Model unavailable", reason)
        elif announce:
            self.statusBar().showMessage(f"Now reading digits with {info.name}.", 5000)
        self.modelChanged.emit(info)  # the other views take the new network first,
        self.repredict()  # then one prediction updates them all

    def repredict(self) -> None:
        if self.canvas.showing_image():
            self.predictor.predict_input(self._image_input)
        else:
            self.predictor.submit(self.canvas.ink())
            self.predictor.flush()

    def _show_model_status(self) -> None:
        info = self.model_info
        if info is None:
            self.model_status.setText("No model")
            return
        text = f"Model: {info.name}"
        if info.accuracy is not None:
            text += f" · {info.accuracy:.1%} test accuracy"
        self.model_status.setText(text)

    def manage_models(self) -> None:
        from .models_dialog import ModelsDialog

        dialog = ModelsDialog(self.store, self)
        dialog.activeModelChanged.connect(lambda _id: self.load_active_model())
        dialog.modelsChanged.connect(self._on_models_changed)
        dialog.finished.connect(dialog.deleteLater)
        self._models_dialog = dialog
        dialog.open()

    def reset_to_default_model(self) -> None:
        try:
            self.store.activate(DEFAULT_ID)
        except (StoreError, OSError) as exc:
            self.show_error("Cannot reset the model", f"{exc}")
            return
        self.load_active_model()

    def _on_models_changed(self) -> None:
        """A rename or delete may concern the model in use."""
        if self.model_info is None:
            return
        try:
            current = self.store.active()
        except StoreError:
            current = None
        if current is None or current.id != self.model_info.id or current.path != self.model_info.path:
            self.load_active_model()
        else:
            self.model_info = current
            self._show_model_status()

    def _on_model_activated(self, model_id: str) -> None:
        try:
            if model_id:
                self.store.activate(model_id)
        except (StoreError, OSError) as exc:
            self.show_error("Cannot use that model", f"{exc}")
            return
        self.load_active_model()

    def _on_training_started(self) -> None:
        self.tabs.setTabText(1, "Train ●")
        self.statusBar().showMessage("Training in the background; drawing stays live.", 5000)

    def _on_training_finished(self, summary) -> None:
        self.tabs.setTabText(1, "Train")
        summary = summary if isinstance(summary, dict) else {}
        if summary.get("error"):
            self.statusBar().showMessage(f"Training failed: {summary['error']}", 10000)
        elif summary.get("cancelled"):
            self.statusBar().showMessage("Training cancelled; the models are unchanged.", 6000)
        elif summary.get("ok"):
            acc = summary.get("test_accuracy")
            extra = f": {acc:.1%} test accuracy" if isinstance(acc, (int, float)) else ""
            self.statusBar().showMessage(f"Training finished{extra}.", 8000)
        if self._closing:
            self.close()

    # -- drawing and files ------------------------------------------------------------------------
    def _on_ink_changed(self, ink) -> None:
        self._image_input = None
        self.predictor.submit(ink)

    def _on_eraser_toggled(self, on: bool) -> None:
        self.eraser_action.setChecked(on)
        self.pen_action.setChecked(not on)

    def _on_pen_slider(self, value: int) -> None:
        self.canvas.set_pen_width(float(value))

    def _on_pen_width_changed(self, width: float) -> None:
        slider = self.draw_tab.pen_slider
        slider.blockSignals(True)
        slider.setValue(round(width))
        slider.blockSignals(False)
        self.draw_tab.pen_label.setText(f"{width:.0f} px")

    def _nudge_pen(self, delta: float) -> None:
        self.canvas.set_pen_width(self.canvas.pen_width() + delta)

    def _on_tab_changed(self, index: int) -> None:
        on_draw = self.tabs.widget(index) is self.draw_tab
        for action in self._draw_actions:
            action.setEnabled(on_draw)
        if on_draw:
            self.undo_action.setEnabled(self.canvas.can_undo())
            self.redo_action.setEnabled(self.canvas.can_redo())

    def _last_dir(self) -> str:
        d = prefs.value("files/lastDir", "", str)
        return d if d and Path(d).is_dir() else str(Path.home())

    def _remember_dir(self, path: str | os.PathLike) -> None:
        prefs.settings().setValue("files/lastDir", str(Path(path).parent))

    def open_file(self, path: str | os.PathLike | None = None) -> bool:
        """Open an ink JSON (editable) or an image (classified, shown read-only)."""
        if path is None or path is False:
            path, _ = QFileDialog.getOpenFileName(
                self, "Open a drawing or an image", self._last_dir(),
                "Drawings and images (*.json *.png *.jpg *.jpeg *.bmp);;DigitPad ink (*.json);;"
                "Images (*.png *.jpg *.jpeg *.bmp);;All files (*)")
            if not path:
                return False
        path = Path(path)
        self._remember_dir(path)
        self.tabs.setCurrentWidget(self.draw_tab)
        if path.suffix.lower() in INK_SUFFIXES:
            return self._open_ink(path)
        return self._open_image(path)

    def _open_ink(self, path: Path) -> bool:
        try:
            ink = load_ink(path)
        except InkError as exc:
            self.show_error("Cannot open the drawing", str(exc))
            return False
        self.canvas.set_ink(ink)
        self.predictor.flush()
        pred = self.prediction_view.prediction()
        verdict = f": it reads {pred.digit} ({pred.confidence:.0%})" if pred.digit is not None else ""
        self.statusBar().showMessage(f"Opened {path.name}{verdict}.", 8000)
        return True

    def _open_image(self, path: Path) -> bool:
        try:
            image = preprocess.load_image(path)
            x = preprocess.image_to_input(image)
        except preprocess.ImageInputError as exc:
            self.show_error("Cannot read the image", str(exc))
            return False
        if x is None:
            self.show_error("Nothing to read", f"{path}: the image looks blank (no digit stands out "
                            "from the background). Use a picture of one dark digit on a light "
                            "background, or a light digit on a dark one.")
            return False
        shown = QImage(str(path))
        if shown.isNull():  # a file Pillow reads but Qt does not: show what the network sees
            shown = self.prediction_view.input_view.image() or QImage()
        self.canvas.show_image(shown, f"{path.name} · read-only, draw to start over")
        self._image_input = x
        pred = self.predictor.predict_input(x)
        verdict = f"it reads {pred.digit} ({pred.confidence:.0%})" if pred.digit is not None else "no model to read it"
        self.statusBar().showMessage(
            f"Classified {path.name}: {verdict}. Images cannot be edited; draw on the canvas to "
            "start a new drawing (Undo brings back the previous one).", 12000)
        return True

    def save_drawing(self, path: str | os.PathLike | None = None) -> bool:
        ink = self.canvas.ink()
        if ink.is_empty:
            self.statusBar().showMessage("Nothing to save: draw a digit first.", 5000)
            return False
        if path is None or path is False:
            path, _ = QFileDialog.getSaveFileName(self, "Save the drawing",
                                                  str(Path(self._last_dir()) / "digit.json"),
                                                  "DigitPad ink (*.json)")
            if not path:
                return False
        path = Path(path)
        if path.suffix.lower() != ".json":
            path = path.with_name(path.name + ".json")
        try:
            ink.save(path)
        except OSError as exc:
            self.show_error("Cannot save the drawing", f"{path}: {exc.strerror or exc}. "
                            "Choose a folder you can write to.")
            return False
        self._remember_dir(path)
        self.statusBar().showMessage(f"Saved the drawing to {path}.", 6000)
        return True

    def export_png(self, path: str | os.PathLike | None = None) -> bool:
        if self.canvas.is_empty():
            self.statusBar().showMessage("Nothing to export: draw a digit first.", 5000)
            return False
        if path is None or path is False:
            path, _ = QFileDialog.getSaveFileName(self, "Export the drawing as PNG",
                                                  str(Path(self._last_dir()) / "digit.png"),
                                                  "PNG image (*.png)")
            if not path:
                return False
        path = Path(path)
        if path.suffix.lower() != ".png":
            path = path.with_name(path.name + ".png")
        if not self.canvas.to_image().save(str(path), "PNG"):
            self.show_error("Cannot export the image", f"{path}: the PNG could not be written. "
                            "Choose a folder you can write to.")
            return False
        self._remember_dir(path)
        self.statusBar().showMessage(f"Exported the drawing to {path}.", 6000)
        return True

    # -- drag and drop ---------------------------------------------------------------------------
    @staticmethod
    def _dropped_path(event) -> Path | None:
        mime = event.mimeData()
        if not mime.hasUrls():
            return None
        for url in mime.urls():
            if url.isLocalFile():
                path = Path(url.toLocalFile())
                if path.suffix.lower() in IMAGE_SUFFIXES + INK_SUFFIXES:
                    return path
        return None

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._dropped_path(event) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:
        self.dragEnterEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        path = self._dropped_path(event)
        if path is None:
            self.statusBar().showMessage("Drop a PNG, JPEG or BMP image or a DigitPad ink (.json).", 6000)
            return
        event.acceptProposedAction()
        QTimer.singleShot(0, lambda: self.open_file(path))  # let the drag source finish first

    # -- messages --------------------------------------------------------------------------------
    def show_error(self, title: str, text: str) -> QMessageBox:
        """A non-blocking warning (window-modal sheet) plus a status-bar line; never a crash."""
        self.last_error = text
        self.statusBar().showMessage(text.splitlines()[0], 15000)
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, self)
        box.setObjectName("errorMessage")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        return box

    def show_shortcuts(self) -> None:
        rows = []
        for action in self.findChildren(QAction):
            keys = ", ".join(s.toString(QKeySequence.SequenceFormat.NativeText) for s in action.shortcuts())
            if keys and action.text():
                rows.append(f"<tr><td style='padding-right:18px'><b>{keys}</b></td>"
                            f"<td>{action.text().replace('&', '').rstrip('…')}</td></tr>")
        box = QMessageBox(QMessageBox.Icon.NoIcon, "Keyboard shortcuts",
                          "<table>" + "".join(rows) + "</table>", QMessageBox.StandardButton.Close, self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def show_about(self) -> None:
        model = self.model_info.summary() if self.model_info is not None else "none"
        box = QMessageBox(QMessageBox.Icon.Information, "About DigitPad",
                          "<h3>DigitPad</h3><p>Draw a digit and watch a neural network read it as "
                          "you draw. Retrain it in the Train tab and teach it your handwriting.</p>"
                          f"<p>Model in use: {model}</p>"
                          "<p>A multilayer perceptron trained on MNIST with Keras, run with NumPy.</p>",
                          QMessageBox.StandardButton.Close, self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    # -- window lifecycle ------------------------------------------------------------------------
    def showEvent(self, event) -> None:
        super().showEvent(event)
        handle = self.windowHandle()
        if self.shown_at is None and handle is not None and not self._watching_expose:
            self._watching_expose = True
            handle.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.Type.Expose and self.shown_at is None and obj.isExposed():
            QTimer.singleShot(0, self._on_first_shown)  # runs after the exposed window is painted
        return False

    def _on_first_shown(self) -> None:
        if self.shown_at is not None:
            return
        self.shown_at = time.perf_counter()
        if self.windowHandle() is not None:
            self.windowHandle().removeEventFilter(self)
        self.windowShown.emit()
        QTimer.singleShot(0, self.finish_startup)

    def finish_startup(self) -> None:
        """Build what start-up deferred: the chart and the Train tab (idempotent)."""
        if self.startup_finished:
            return
        self.startup_finished = True
        self.prediction_view.build_chart()
        placeholder, current = self.training_tab, self.tabs.currentIndex()
        tab = self._make_training_tab()
        index = self.tabs.indexOf(placeholder)
        self.tabs.blockSignals(True)
        self.tabs.removeTab(index)
        self.tabs.insertTab(index, tab, "Train")
        self.tabs.setCurrentIndex(current)
        self.tabs.blockSignals(False)
        placeholder.deleteLater()
        self.training_tab = tab
        self._make_explore_tabs()
        self._on_tab_changed(self.tabs.currentIndex())
        self.startupFinished.emit()

    def _make_explore_tabs(self) -> None:
        """The Data and Robustness tabs and the Inside dock (after the first paint: they need
        pyqtgraph). A failure leaves drawing and training working and says why."""
        try:
            from .explore.data_view import DataView
            from .inside.view import InsideView
            from .explore.robustness_view import RobustnessView

            self.data_view = DataView(self)
            self.robustness_view = RobustnessView(self.store, self)
            self.inside_view = InsideView(self)
        except Exception as exc:  # noqa: BLE001 - shown to the user, the rest keeps working
            self.last_error = f"The Data, Robustness and Inside views could not be started: {exc}"
            self.statusBar().showMessage(self.last_error, 10000)
            self.inside_action.setEnabled(False)
            return
        self.data_view.setToolTip("Look at a dataset: digits, class counts, mean digits, pixel values")
        self.robustness_view.setToolTip("How accuracy falls as digits get noisy, rotated, thick/thin or shifted")
        self.tabs.blockSignals(True)
        current = self.tabs.currentIndex()
        if self.samples is not None:
            self._make_samples_tab()
        self.tabs.addTab(self.data_view, "Data")
        self.tabs.addTab(self.robustness_view, "Robustness")
        self.tabs.setCurrentIndex(current)
        self.tabs.blockSignals(False)
        self.inside_dock = QDockWidget("Inside the network", self)
        self.inside_dock.setObjectName("insideDock")
        self.inside_dock.setWidget(self.inside_view)
        self.inside_dock.setAllowedAreas(Qt.DockWidgetArea.BottomDockWidgetArea | Qt.DockWidgetArea.RightDockWidgetArea)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.inside_dock)
        self.inside_dock.visibilityChanged.connect(self._on_inside_visibility)
        self.inside_dock.setVisible(self.inside_action.isChecked())
        self.predictor.predictionChanged.connect(self.inside_view.set_prediction)
        epoch_finished = getattr(self.training_tab, "epochFinished", None)
        if epoch_finished is not None:  # watch the first layer's features form while training
            epoch_finished.connect(self._show_training_weights)
            self.training_tab.trainingFinished.connect(lambda _summary: self._sync_explore_views())
        self._sync_explore_views()
        self.modelChanged.connect(lambda _info: self._sync_explore_views(repredict=False))

    def _sync_explore_views(self, repredict: bool = True) -> None:
        recognizer = self.predictor.recognizer
        info = self.model_info
        if self.inside_view is not None:
            self.inside_view.set_recognizer(recognizer)
            if repredict:  # load_active_model predicts once itself after modelChanged
                self.repredict()
        if self.samples_tab is not None:
            self.samples_tab.set_recognizer(recognizer, info.id if info else None)
        if self.robustness_view is not None and recognizer is not None and info is not None:
            self.robustness_view.set_recognizer(recognizer, info.name, info.id)
            self.robustness_view.refresh_models()

    def _show_training_weights(self, progress) -> None:
        kernel = getattr(progress, "first_layer", None)
        if self.inside_view is not None and kernel is not None:
            self.inside_view.set_first_layer_weights(
                kernel, f"Training: epoch {progress.epoch} of {progress.epochs}")

    def _toggle_inside(self, on: bool) -> None:
        if self.inside_dock is not None:
            self.inside_dock.setVisible(on)

    def _on_inside_visibility(self, _visible: bool) -> None:
        """Keep the View menu's tick in step when the dock is closed with its own button."""
        self.inside_action.blockSignals(True)
        self.inside_action.setChecked(not self.inside_dock.isHidden())
        self.inside_action.blockSignals(False)

    def training_busy(self) -> bool:
        is_busy = getattr(self.training_tab, "is_busy", None)
        return bool(is_busy and is_busy())

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.training_busy():
            if not self._closing:
                answer = QMessageBox.question(
                    self, "Training is running",
                    "A network is still training. Stop the training and quit?\n\n"
                    "The model being trained is discarded; your saved models are not touched.",
                    QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                    QMessageBox.StandardButton.No)
                if answer != QMessageBox.StandardButton.Yes:
                    event.ignore()
                    return
                self._closing = True
                self._stop_deadline = time.monotonic() + STOP_WAIT_SECONDS
                self.training_tab.request_stop()
                self.statusBar().showMessage("Stopping the training…")
            if time.monotonic() < self._stop_deadline:
                event.ignore()
                QTimer.singleShot(100, self.close)  # close again once the worker has stopped
                return
        shutdown = getattr(self.training_tab, "shutdown", None)
        if shutdown is not None:
            shutdown(5.0)  # join the worker thread(s) that ended; nothing is running any more
        self.save_settings()
        if self.samples is not None:
            self.samples.close()
        event.accept()


def _install_excepthook() -> None:
    """An unexpected error in a slot becomes a message box instead of a silent failure or a crash."""
    previous = sys.excepthook

    def hook(kind, value, tb):
        if previous is not None:
            previous(kind, value, tb)
        app = QApplication.instance()
        window = next((w for w in (app.topLevelWidgets() if app else []) if isinstance(w, MainWindow)), None)
        if window is not None and not issubclass(kind, KeyboardInterrupt):
            window.show_error("Something went wrong",
                              f"{kind.__name__}: {value}\n\nDigitPad keeps running. If this happens "
                              "again, please report it with the steps that led to it.")

    sys.excepthook = hook


def run(argv: list[str]) -> int:
    """Create the QApplication (if none), show the window and run the event loop."""
    app = QApplication.instance() or QApplication(argv)
    app.setOrganizationName(prefs.ORGANIZATION)
    app.setApplicationName(prefs.APPLICATION)
    app.setApplicationDisplayName("DigitPad")
    app.setStyle("Fusion")
    from app import appicon  # the window and task-bar icon (assets/icons)

    appicon.apply(app)
    _install_excepthook()
    window = MainWindow()
    window.show()
    return app.exec()
