"""MainWindow: the tabs, menus, actions and status bar; wiring only.

The Draw tab (app/draw/) reads drawings live; the Train (app/train/), Samples (app/samples/), Data and
Robustness (app/explore/) tabs and the Inside dock (app/inside/) each live in their folder. The
model they all use is :class:`app.session.ActiveModel`, which alone activates, loads and falls back.

Start-up shows the window first and builds the rest on the event loop's first turn: the chart
(pyqtgraph takes ~0.3 s to import) and the other tabs. ``startupFinished`` says when all is built.
Nothing imported here at module level imports TensorFlow; the Train tab imports it in its worker.
"""
from __future__ import annotations

import os
import sys
import time
import traceback

from PySide6.QtCore import QEvent, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDesktopServices, QDragEnterEvent, QDropEvent, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QLabel,
    QMainWindow,
    QMessageBox,
    QTabWidget,
    QToolButton,
    QWidget,
)

from model.errors import DigitPadError
from model.samples.store import SampleStore
from model.store.models import ModelInfo, ModelStore

from . import logs, theme
from . import settings as prefs
from .draw.files import DrawingFiles
from .draw.tab import DrawTab
from .session import ActiveModel

STOP_WAIT_SECONDS = 10.0  # how long closing waits for a cancelled training to wind down


class MainWindow(QMainWindow):
    """DigitPad's window. ``store`` defaults to the user's ModelStore (DIGITPAD_HOME moves it)."""

    windowShown = Signal()  # the first time the window is shown (the self-test's startup mark)
    startupFinished = Signal()  # the chart and the other tabs are built (soon after windowShown)

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
        self._closing = False
        self._stop_deadline = 0.0
        self._starting = True
        self.session = ActiveModel(store if store is not None else ModelStore(), self)
        self.store = self.session.store
        self.session.problem.connect(self.show_error)
        self.session.changed.connect(self._on_model_changed)
        self.session.renamed.connect(lambda _info: self._show_model_status())

        self.samples = self._open_samples()
        self.draw_tab = DrawTab(self.session, self.samples)
        self.canvas = self.draw_tab.canvas
        self.prediction_view = self.draw_tab.prediction_view
        self.predictor = self.draw_tab.predictor
        self.label_bar = self.draw_tab.label_bar
        if self.label_bar is not None:
            self.addActions(self.label_bar.shortcuts())
        self.files = DrawingFiles(self.draw_tab, self)
        self.files.opening.connect(lambda: self.tabs.setCurrentWidget(self.draw_tab))
        self.files.message.connect(lambda text, ms: self.statusBar().showMessage(text, ms))
        self.files.error.connect(self.show_error)

        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.draw_tab, "Draw")
        self.training_tab = None  # the TrainingTab, built once the window shows
        self._train_page: QWidget = QLabel("Loading…")  # what the Train tab shows (the tab, or why not)
        self._train_page.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.tabs.addTab(self._train_page, "Train")
        self.samples_tab = self.inside_view = self.data_view = self.robustness_view = None
        self.inside_dock: QDockWidget | None = None
        self.startup_finished = False
        self.tabs.currentChanged.connect(self._on_tab_changed)
        self.setCentralWidget(self.tabs)

        self.model_status = QToolButton()
        self.model_status.setObjectName("modelStatus")
        self.model_status.setAutoRaise(True)
        self.model_status.setToolTip("The model the Draw tab uses; click to manage models (Ctrl+M)")
        self.model_status.clicked.connect(self.manage_models)
        self.statusBar().addPermanentWidget(self.model_status)

        self._make_actions()
        self.inside_action = self._action(
            "&Inside the Network", "Ctrl+I",
            "Show what each layer computes for your drawing, live (built once the window is up)",
            checkable=True)
        self.inside_action.toggled.connect(self._toggle_inside)
        self._make_menus()
        self.draw_tab.add_tools([self.pen_action, self.eraser_action, self.number_action],
                                [self.undo_action, self.redo_action, self.clear_action])
        self.draw_tab.numberModeChanged.connect(self.number_action.setChecked)  # e.g. a wide drawing opened
        self.draw_tab.number_view.copied.connect(
            lambda number: self.statusBar().showMessage(f"Copied {number} to the clipboard.", 5000))
        self._restore_settings()
        self.session.load()
        self._starting = False
        self._on_tab_changed(self.tabs.currentIndex())
        self.statusBar().showMessage("Draw a digit with the mouse; the network reads it as you draw.", 6000)

    @property
    def model_info(self) -> ModelInfo | None:
        """The model the window reads digits with (the session's)."""
        return self.session.info

    # -- construction ----------------------------------------------------------------------------
    def _open_samples(self) -> SampleStore | None:
        """The user's samples; a store that cannot be opened leaves drawing working and says why."""
        try:
            samples = SampleStore()
        except DigitPadError as exc:
            self.last_error = f"Your samples cannot be opened: {exc}"
            logs.logger("samples").warning(self.last_error)
            QTimer.singleShot(0, lambda: self.show_error("Samples unavailable", self.last_error))
            return None
        if samples.recovery_message:
            message = samples.recovery_message
            QTimer.singleShot(0, lambda: self.show_error("Samples recovered", message))
        return samples

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
        self.open_action = a("&Open Drawing or Image…", Std.Open, "Open an ink drawing (.json) or classify an image",
                             self.open_file)
        self.save_action = a("&Save Drawing…", Std.Save, "Save the drawing as DigitPad ink (.json)", self.save_drawing)
        self.export_action = a("&Export PNG…", "Ctrl+E", "Export the drawing as a PNG image", self.export_png)
        self.quit_action = a("&Quit", "Ctrl+Q", "Quit DigitPad", self.close)
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.undo_action = a("&Undo", Std.Undo, "Undo the last stroke or change", self.canvas.undo)
        self.redo_action = a("&Redo", ["Ctrl+Shift+Z", "Ctrl+Y"], "Redo what was undone", self.canvas.redo)
        self.clear_action = a("&Clear", ["Esc", "Delete"], "Clear the canvas", self.canvas.clear)
        self.pen_action = a("&Pen", "P", "Draw with the pen", None, checkable=True)
        self.eraser_action = a("&Eraser", "E", "Erase whole strokes by dragging over them", self.canvas.set_eraser,
                               checkable=True)
        self.pen_action.setChecked(True)
        self.pen_action.toggled.connect(lambda on: self.canvas.set_eraser(not on))
        self.canvas.eraserToggled.connect(self._on_eraser_toggled)
        self.number_action = a("&Number Mode", "N", "Write a whole number (a phone number, a year, a PIN): "
                               "DigitPad reads each digit live", self.draw_tab.set_number_mode, checkable=True)
        self.copy_number_action = a("&Copy Number", "Ctrl+Shift+C", "Copy the number read in Number mode",
                                    self._copy_number)
        self.thinner_action = a("&Thinner Pen", "[", "Make the pen thinner", lambda: self.draw_tab.nudge_pen(-2))
        self.thicker_action = a("T&hicker Pen", "]", "Make the pen thicker", lambda: self.draw_tab.nudge_pen(+2))
        self.undo_action.setEnabled(False)
        self.redo_action.setEnabled(False)
        self.canvas.canUndoChanged.connect(self.undo_action.setEnabled)
        self.canvas.canRedoChanged.connect(self.redo_action.setEnabled)
        self.draw_tab_action = a("&Draw", "Ctrl+1", "Show the Draw tab", lambda: self.tabs.setCurrentIndex(0))
        self.train_tab_action = a("&Train", "Ctrl+2", "Show the Train tab", lambda: self.tabs.setCurrentIndex(1))
        self.models_action = a("&Manage Models…", "Ctrl+M", "List, switch, rename, delete, export and import models",
                               self.manage_models)
        self.reset_model_action = a("&Reset to Default Model", "Ctrl+Shift+D", "Use the model that ships with DigitPad",
                                    self.session.reset_to_default)
        self.shortcuts_action = a("&Keyboard Shortcuts", ["F1", "Ctrl+/"], "List every keyboard shortcut",
                                  self.show_shortcuts)
        self.log_action = a("Open &Log Folder", "Ctrl+Shift+L",
                            "Show the folder of DigitPad's log, to send with a bug report", self.open_log_folder)
        self.about_action = a("&About DigitPad", "Ctrl+F1", "What DigitPad is and which model it uses", self.show_about)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self._draw_actions = [self.save_action, self.export_action, self.undo_action, self.redo_action,
                              self.clear_action, self.pen_action, self.eraser_action, self.number_action,
                              self.copy_number_action,
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
        edit.addSeparator()
        edit.addActions([self.number_action, self.copy_number_action])
        view = bar.addMenu("&View")
        view.addActions([self.draw_tab_action, self.train_tab_action])
        view.addSeparator()
        view.addAction(self.inside_action)
        models = bar.addMenu("&Models")
        models.addActions([self.models_action, self.reset_model_action])
        help_menu = bar.addMenu("&Help")
        help_menu.addActions([self.shortcuts_action, self.log_action, self.about_action])
        for menu in (file_menu, edit, view, models, help_menu):
            menu.setToolTipsVisible(True)

    # -- settings --------------------------------------------------------------------------------
    def _restore_settings(self) -> None:
        s = prefs.settings()
        geometry = s.value("window/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1120, 720)
        self.canvas.set_pen_width(prefs.value("draw/penWidth", 18.0, float))
        self.draw_tab._on_pen_width_changed(self.canvas.pen_width())
        self.number_action.setChecked(prefs.value("draw/numberMode", False, bool))
        tab = prefs.value("window/tab", 0, int)
        if 0 <= tab < self.tabs.count():
            self.tabs.setCurrentIndex(tab)

    def save_settings(self) -> None:
        s = prefs.settings()
        s.setValue("window/geometry", self.saveGeometry())
        s.setValue("window/tab", self.tabs.currentIndex())
        s.setValue("draw/penWidth", self.canvas.pen_width())
        s.setValue("draw/numberMode", self.draw_tab.number_mode)
        s.sync()

    # -- models ----------------------------------------------------------------------------------
    def _on_model_changed(self, info: ModelInfo | None) -> None:
        self._show_model_status()
        if info is not None and not self.session.fallback_reason and not self._starting:
            self.statusBar().showMessage(f"Now reading digits with {info.name}.", 5000)

    def _show_model_status(self) -> None:
        info = self.session.info
        if info is None:
            self.model_status.setText("No model")
            return
        text = f"Model: {info.name}"
        if info.accuracy is not None:
            text += f" · {info.accuracy:.1%} test accuracy"
        self.model_status.setText(text)

    def manage_models(self) -> None:
        from .models_dialog import ModelsDialog

        dialog = ModelsDialog(self.session, self)
        dialog.message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        dialog.finished.connect(dialog.deleteLater)
        self._models_dialog = dialog
        dialog.open()

    def _on_training_started(self) -> None:
        self.tabs.setTabText(1, "Train ●")
        self.statusBar().showMessage("Training in the background; drawing stays live.", 5000)

    def _on_training_finished(self, outcome) -> None:
        """``outcome``: app.train.worker.Outcome."""
        self.tabs.setTabText(1, "Train")
        if outcome.error:
            self.statusBar().showMessage(f"Training failed: {outcome.error}", 10000)
        elif outcome.cancelled:
            self.statusBar().showMessage("Training cancelled; the models are unchanged.", 6000)
        elif outcome.ok:
            acc, drawn = outcome.report.test_accuracy, outcome.report.drawn_accuracy
            extra = f": {acc:.1%} test accuracy" if acc is not None else ""
            if drawn is not None:
                extra += f", {drawn:.1%} of digits drawn by people it never saw"
            self.statusBar().showMessage(f"Training finished{extra}.", 8000)
        if self.robustness_view is not None:
            self.robustness_view.refresh_models()  # the new model can be compared
        if self._closing:
            self.close()

    # -- drawing and files ------------------------------------------------------------------------
    def _copy_number(self) -> None:
        if not self.draw_tab.number_mode:
            self.statusBar().showMessage("Copy Number works in Number mode (N).", 5000)
        elif not self.draw_tab.number_view.copy():
            self.statusBar().showMessage("No number to copy yet: write one first.", 5000)

    def _on_eraser_toggled(self, on: bool) -> None:
        self.eraser_action.setChecked(on)
        self.pen_action.setChecked(not on)

    def _on_tab_changed(self, index: int) -> None:
        on_draw = self.tabs.widget(index) is self.draw_tab
        for action in self._draw_actions:
            action.setEnabled(on_draw)
        if on_draw:
            self.undo_action.setEnabled(self.canvas.can_undo())
            self.redo_action.setEnabled(self.canvas.can_redo())

    def open_file(self, path: str | os.PathLike | None = None) -> bool:
        return self.files.open_file(path)

    def save_drawing(self, path: str | os.PathLike | None = None) -> bool:
        return self.files.save_drawing(path)

    def export_png(self, path: str | os.PathLike | None = None) -> bool:
        return self.files.export_png(path)

    def repredict(self) -> None:
        self.draw_tab.repredict()

    # -- drag and drop ---------------------------------------------------------------------------
    def _dropped_path(self, event):
        mime = event.mimeData()
        if not mime.hasUrls():
            return None
        for url in mime.urls():
            if url.isLocalFile():
                from pathlib import Path

                path = Path(url.toLocalFile())
                if self.files.openable(path):
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

    def open_log_folder(self) -> bool:
        """Open the log folder in the desktop's file manager (it is created if need be)."""
        folder = logs.log_dir()
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            self.show_error("Cannot open the log folder", f"{folder}: {exc.strerror or exc}.")
            return False
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
            self.statusBar().showMessage(f"The log is in {folder}.", 15000)
        return True

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
        model = self.session.info.summary() if self.session.info is not None else "none"
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
        """Build what start-up deferred: the chart and the other tabs (idempotent)."""
        if self.startup_finished:
            return
        self.startup_finished = True
        self.prediction_view.build_chart()
        placeholder, current = self._train_page, self.tabs.currentIndex()
        tab = self._make_training_tab()
        index = self.tabs.indexOf(placeholder)
        self.tabs.blockSignals(True)
        self.tabs.removeTab(index)
        self.tabs.insertTab(index, tab, "Train")
        self.tabs.setCurrentIndex(current)
        self.tabs.blockSignals(False)
        placeholder.deleteLater()
        self._train_page = tab
        self._make_explore_tabs()
        self._on_tab_changed(self.tabs.currentIndex())
        self.startupFinished.emit()

    def _make_training_tab(self) -> QWidget:
        try:
            from .train.tab import TrainingTab

            tab = TrainingTab(self.session, self.samples, self)
        except Exception as exc:  # the app stays usable for drawing without the Train tab
            if sys.stderr is not None:  # a windowed executable has none
                traceback.print_exc()
            placeholder = QLabel(f"The Train tab could not be started:\n{exc}\n\n"
                                 "Drawing and models still work. Reinstall DigitPad to fix this.")
            placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
            placeholder.setWordWrap(True)
            return placeholder
        tab.trainingStarted.connect(self._on_training_started)
        tab.trainingFinished.connect(self._on_training_finished)
        self.training_tab = tab
        return tab

    def _make_explore_tabs(self) -> None:
        """The Samples, Data and Robustness tabs and the Inside dock (after the first paint: they
        need pyqtgraph). A failure leaves drawing and training working and says why."""
        try:
            from .explore.data_view import DataView
            from .explore.robustness_view import RobustnessView
            from .inside.view import InsideView
            from .samples.tab import SamplesTab

            self.data_view = DataView(self)
            self.robustness_view = RobustnessView(self.session, self)
            self.inside_view = InsideView(self.session, self)
            if self.samples is not None:
                self.samples_tab = SamplesTab(self.samples, self.session, self)
        except Exception as exc:  # noqa: BLE001 - shown to the user, the rest keeps working
            self.last_error = f"The Data, Robustness and Inside views could not be started: {exc}"
            self.statusBar().showMessage(self.last_error, 10000)
            self.inside_action.setEnabled(False)
            return
        self.data_view.setToolTip("Look at a dataset: digits, class counts, mean digits, pixel values")
        self.robustness_view.setToolTip("How accuracy falls as digits get noisy, rotated, thick/thin or shifted")
        self.tabs.blockSignals(True)
        current = self.tabs.currentIndex()
        if self.samples_tab is not None:
            self.tabs.addTab(self.samples_tab, "Samples")
            self.label_bar.sampleAdded.connect(lambda *_: self.samples_tab.refresh())
            self.label_bar.sampleRemoved.connect(lambda *_: self.samples_tab.refresh())
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
        if self.training_tab is not None:  # watch the first layer's features form while training
            self.training_tab.epochFinished.connect(self._show_training_weights)
            self.training_tab.trainingFinished.connect(self._after_training)
        self.repredict()  # the new views show what is drawn now

    def _after_training(self, _summary) -> None:
        """The Inside view showed the training's weights: back to the model in use."""
        self.inside_view.set_recognizer(self.session.recognizer)
        self.repredict()

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
        return self.training_tab is not None and self.training_tab.is_busy()

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
        from .workers import threads

        threads().stop_all(5.0)  # join the worker threads that ended; nothing is running any more
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
                              "again, please report it with the steps that led to it and the log "
                              f"file {logs.log_path()} (Help ▸ Open Log Folder).")

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
