"""MainWindow: the tabs, menus, actions and status bar; wiring only.

The Draw tab (app/draw/) reads drawings live; the Train (app/train/), Samples (app/samples/), Data and
Robustness (app/explore/) tabs and the Inside dock (app/inside/) each live in their folder. The
model they all use is :class:`app.session.ActiveModel`, which alone activates, loads and falls back.
The actions and menus are built by :class:`app.window_actions.WindowActions`; message boxes by
:mod:`app.dialogs`.

The window fits its screen: it opens at a size taken from the screen's free area, every tab is a
scrolling :class:`app.widgets.page.Page` and the Inside dock scrolls too, so nothing a tab shows can
make the window grow past the screen's edge.

Start-up shows the window first and builds the rest on the event loop's first turn: the chart
(pyqtgraph takes ~0.3 s to import) and the other tabs; ``startup_finished`` is then True.
Nothing imported here at module level imports TensorFlow; the Train tab imports it in its worker.
"""
from __future__ import annotations

import os
import sys
import time
import traceback
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QRect, Qt, QTimer, QUrl
from PySide6.QtGui import QCloseEvent, QDesktopServices, QDragEnterEvent, QDropEvent, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QMessageBox, QToolButton, QWidget

from model.errors import DigitPadError
from model.samples.store import SampleStore
from model.store.models import ModelInfo, ModelStore

from . import dialogs, i18n, logs, theme
from . import settings as prefs
from .draw.files import DrawingFiles
from .draw.tab import DrawTab
from .learnt_words import summary
from .session import ActiveModel
from .widgets import wheel_guard
from .widgets.page import PageTabs
from .window_actions import WindowActions

STOP_WAIT_SECONDS = 30.0  # how long closing waits for a cancelled training or personalisation to end
DEFAULT_SIZE = (1280, 820)  # the first window's size when the screen has room for it
SCREEN_SHARE = (0.94, 0.92)  # else this share of the screen's free area (room for the title bar)


class MainWindow(WindowActions, QMainWindow):
    """DigitPad's window. ``store`` defaults to the user's ModelStore (DIGITPAD_HOME moves it)."""

    def __init__(self, store: ModelStore | None = None, parent: QWidget | None = None, *,
                 session: ActiveModel | None = None, samples: SampleStore | None | bool = False):
        """``session`` and ``samples`` (None: unavailable) carry a window's over to its rebuilt self
        (View ▸ Language); by default the window opens its own."""
        super().__init__(parent)
        self.setWindowTitle("DigitPad")
        self.setAcceptDrops(True)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, theme.WINDOW)
        self.setPalette(palette)
        self.setStyleSheet(theme.STYLE)
        wheel_guard.install()
        self.shown_at: float | None = None  # perf_counter() when the window was first on screen
        self._watching_expose = False
        self.last_error: str | None = None
        self._closing = False
        self._stop_deadline = 0.0
        self._starting = True
        self._handed_over = False  # True once View ▸ Language rebuilt the window as another one
        if session is not None:
            session.setParent(self)
            self.session = session
        else:
            self.session = ActiveModel(store if store is not None else ModelStore(), self)
        self.store = self.session.store
        self.session.problem.connect(self.show_error)
        self.session.changed.connect(self._on_model_changed)
        self.session.renamed.connect(lambda _info: self._show_model_status())

        self.samples = self._open_samples() if samples is False else samples
        self._make_draw_tab()
        self._make_tabs()
        self._make_status_bar()
        self._make_actions()
        self._make_menus()
        self.draw_tab.add_tools([self.undo_action, self.redo_action, self.clear_action],
                                [self.pen_action, self.eraser_action, self.number_action])
        self.draw_tab.numberModeChanged.connect(self.number_action.setChecked)  # e.g. a wide drawing opened
        self.draw_tab.number_view.copied.connect(
            lambda number: self.statusBar().showMessage(
                self.tr("Copied {number} to the clipboard.").format(number=number), 5000))
        self._restore_settings()
        if session is None:
            self.session.load()
        else:  # the views built just now take the model in use
            self.session.changed.emit(self.session.info)
            self.session.reread.emit()
        self._starting = False
        self._on_tab_changed(self.tabs.currentIndex())
        self.statusBar().showMessage(self.tr("Draw a digit with the mouse; the network reads it as you draw."), 6000)

    @property
    def model_info(self) -> ModelInfo | None:
        """The model the window reads digits with (the session's)."""
        return self.session.info

    # -- construction ----------------------------------------------------------------------------
    def _open_samples(self) -> SampleStore | None:
        """The user's samples; a store that cannot be opened leaves drawing working and says why.
        A store that had to be salvaged says so here, once (the Samples tab shows what it kept)."""
        try:
            samples = SampleStore()
        except DigitPadError as exc:
            self.last_error = self.tr("Your samples cannot be opened: {error}").format(error=exc)
            logs.logger("samples").warning(self.last_error)
            QTimer.singleShot(0, lambda: self.show_error(self.tr("Samples unavailable"), self.last_error))
            return None
        if samples.recovery_message:
            message = samples.recovery_message
            QTimer.singleShot(0, lambda: self.show_error(self.tr("Samples recovered"), message))
        return samples

    def _make_draw_tab(self) -> None:
        self.draw_tab = DrawTab(self.session, self.samples)
        self.canvas = self.draw_tab.canvas
        self.prediction_view = self.draw_tab.prediction_view
        self.predictor = self.draw_tab.predictor
        self.label_bar = self.draw_tab.label_bar
        if self.label_bar is not None:
            self.addActions(self.label_bar.shortcuts())
        self.files = DrawingFiles(self.draw_tab, self)
        self.files.opening.connect(lambda: self.show_tab(self.draw_tab))
        self.files.message.connect(lambda text, ms: self.statusBar().showMessage(text, ms))
        self.files.failed.connect(self.show_error)

    def _make_tabs(self) -> None:
        self.tabs = PageTabs()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.draw_tab, self.tr("Draw"))
        self.training_tab = None  # the TrainingTab, built once the window shows
        self._train_page: QWidget = QLabel(self.tr("Loading…"))  # what the Train tab shows (the tab, or why not)
        self._train_page.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.tabs.addTab(self._train_page, self.tr("Train"))
        self.samples_tab = self.inside_view = self.data_view = self.robustness_view = None
        self.inside_dock = None
        self.startup_finished = False
        self.tabs.currentChanged.connect(self._on_tab_changed)
        self.setCentralWidget(self.tabs)

    def _make_status_bar(self) -> None:
        self.model_status = QToolButton()
        self.model_status.setObjectName("modelStatus")
        self.model_status.setAutoRaise(True)
        self.model_status.clicked.connect(self.manage_models)
        self.statusBar().addPermanentWidget(self.model_status)

    # -- tabs ------------------------------------------------------------------------------------
    def show_tab(self, content: QWidget) -> None:
        """Bring the tab showing ``content`` (the Draw tab, the Train tab...) to the front."""
        self.tabs.setCurrentWidget(content)

    def show_tab_at(self, position: int) -> None:
        """The tab of View ▸ (Ctrl+1 ... Ctrl+5): Draw, Train, Samples, Data, Robustness."""
        contents = [self.draw_tab, self._train_page, self.samples_tab, self.data_view, self.robustness_view]
        content = contents[position] if 0 <= position < len(contents) else None
        if content is None:
            self.statusBar().showMessage(
                self.tr("That tab is not available (see the message when it failed to start)."), 5000)
        else:
            self.show_tab(content)

    # -- settings --------------------------------------------------------------------------------
    def _restore_settings(self) -> None:
        geometry = prefs.WINDOW_GEOMETRY.get()
        if geometry is None or not self.restoreGeometry(geometry):
            self.setGeometry(self.default_geometry())
        self.fit_to_screen()
        self.canvas.set_pen_width(prefs.PEN_WIDTH.get())
        self.draw_tab._on_pen_width_changed(self.canvas.pen_width())
        self.number_action.setChecked(prefs.NUMBER_MODE.get())
        tab = prefs.WINDOW_TAB.get()
        if 0 <= tab < self.tabs.count():
            self.tabs.setCurrentIndex(tab)

    def save_settings(self) -> None:
        prefs.WINDOW_GEOMETRY.set(self.saveGeometry())
        prefs.WINDOW_TAB.set(self.tabs.currentIndex())
        prefs.PEN_WIDTH.set(self.canvas.pen_width())
        prefs.NUMBER_MODE.set(self.draw_tab.number_mode)
        prefs.settings().sync()

    def _screen_area(self) -> QRect:
        screen = self.screen() or QGuiApplication.primaryScreen()
        return screen.availableGeometry()

    def default_geometry(self) -> QRect:
        """The first window: DEFAULT_SIZE, or a share of the screen's free area when that is smaller,
        centred on the screen."""
        area = self._screen_area()
        w = min(DEFAULT_SIZE[0], round(area.width() * SCREEN_SHARE[0]))
        h = min(DEFAULT_SIZE[1], round(area.height() * SCREEN_SHARE[1]))
        rect = QRect(0, 0, w, h)
        rect.moveCenter(area.center())
        return rect

    def fit_to_screen(self) -> None:
        """A size remembered on a larger screen shrinks to this one's, and the window moves onto it."""
        area = self._screen_area()
        if self.width() > area.width() or self.height() > area.height() or not area.intersects(self.geometry()):
            self.setGeometry(self.default_geometry())

    # -- models ----------------------------------------------------------------------------------
    def _on_model_changed(self, info: ModelInfo | None) -> None:
        self._show_model_status()
        if info is not None and not self.session.fallback_reason and not self._starting:
            self.statusBar().showMessage(self.tr("Now reading digits with {name}.").format(name=info.name), 5000)

    def _show_model_status(self) -> None:
        info = self.session.info
        text = self.tr("No model") if info is None else self.tr("Model: {name}").format(name=info.name)
        if info is not None and info.accuracy is not None:
            text += self.tr(" · {accuracy} test accuracy").format(accuracy=i18n.percent(info.accuracy))
        self.model_status.setToolTip(text + "\n" + self.tr("The model the Draw tab uses; click to manage models "
                                                           "(Ctrl+M)"))
        self.model_status.setProperty("fullText", text)
        self._elide_model_status()

    def _elide_model_status(self) -> None:
        """The model's name in the status bar, cut with … when the window is narrow (the tooltip has it whole)."""
        text = self.model_status.property("fullText") or ""
        room = max(160, round(self.width() * 0.42))
        self.model_status.setText(self.model_status.fontMetrics().elidedText(text, Qt.TextElideMode.ElideMiddle, room))

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        self._elide_model_status()

    def manage_models(self) -> None:
        from .models_dialog import ModelsDialog

        dialog = ModelsDialog(self.session, self)
        dialog.message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        dialog.finished.connect(dialog.deleteLater)
        self._models_dialog = dialog
        dialog.open()

    def _refresh_model_lists(self, *_args) -> None:
        """Models were added, deleted or renamed: the lists that show them follow."""
        if self.robustness_view is not None:
            self.robustness_view.refresh_models()

    def _on_training_started(self) -> None:
        self.tabs.setTabText(self.tabs.indexOf(self._train_page), self.tr("Train ●"))
        self.statusBar().showMessage(self.tr("Training in the background; drawing stays live."), 5000)

    def _on_training_finished(self, outcome) -> None:
        """``outcome``: app.train.worker.Outcome."""
        self.tabs.setTabText(self.tabs.indexOf(self._train_page), self.tr("Train"))
        if outcome.error:
            self.statusBar().showMessage(self.tr("Training failed: {error}").format(error=outcome.error), 10000)
        elif outcome.cancelled:
            self.statusBar().showMessage(self.tr("Training cancelled; the models are unchanged."), 6000)
        elif outcome.ok:
            acc, drawn = outcome.report.test_accuracy, outcome.report.drawn_accuracy
            if acc is None:
                text = self.tr("Training finished.")
            elif drawn is None:
                text = self.tr("Training finished: {accuracy} test accuracy.").format(accuracy=i18n.percent(acc))
            else:
                text = self.tr("Training finished: {accuracy} test accuracy, {drawn} of digits drawn by people it "
                               "never saw.").format(accuracy=i18n.percent(acc), drawn=i18n.percent(drawn))
            self.statusBar().showMessage(text, 8000)
        self._refresh_model_lists()  # the new model can be compared
        if self._closing:
            self.close()

    def _on_personalize_finished(self, _outcome) -> None:
        self._refresh_model_lists()
        if self._closing:
            self.close()

    # -- drawing and files ------------------------------------------------------------------------
    def _copy_number(self) -> None:
        if not self.draw_tab.number_mode:
            self.statusBar().showMessage(self.tr("Copy Number works in Number mode (N)."), 5000)
        elif not self.draw_tab.number_view.copy():
            self.statusBar().showMessage(self.tr("No number to copy yet: write one first."), 5000)

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
    def _dropped_path(self, event) -> Path | None:
        mime = event.mimeData()
        for url in mime.urls() if mime.hasUrls() else []:
            if url.isLocalFile() and self.files.openable(Path(url.toLocalFile())):
                return Path(url.toLocalFile())
        return None

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 (Qt API)
        if self._dropped_path(event) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:  # noqa: N802
        self.dragEnterEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        path = self._dropped_path(event)
        if path is None:
            self.statusBar().showMessage(self.tr("Drop a PNG, JPEG or BMP image or a DigitPad ink (.json)."), 6000)
            return
        event.acceptProposedAction()
        QTimer.singleShot(0, lambda: self.open_file(path))  # let the drag source finish first

    # -- messages --------------------------------------------------------------------------------
    def show_error(self, error: BaseException | str, text: str | None = None) -> QMessageBox:
        """A non-blocking warning (window-modal) plus a status-bar line; never a crash.

        ``show_error(exc)`` for a DigitPadError (its title heads the box), or ``show_error(title, text)``."""
        title = error if text is not None else None
        message = text if text is not None else str(error)
        self.last_error = message
        self.statusBar().showMessage(message.splitlines()[0], 15000)
        return dialogs.show_error(self, error if text is None else message, title)

    def open_log_folder(self) -> bool:
        """Open the log folder in the desktop's file manager (it is created if need be)."""
        folder = logs.log_dir()
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            self.show_error(self.tr("Cannot open the log folder"), f"{folder}: {exc.strerror or exc}.")
            return False
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
            self.statusBar().showMessage(self.tr("The log is in {folder}.").format(folder=folder), 15000)
        return True

    def show_shortcuts(self) -> QMessageBox:
        return dialogs.show_shortcuts(self, self.actions())

    def show_about(self) -> QMessageBox:
        model = summary(self.session.info) if self.session.info is not None else self.tr("none")
        return dialogs.show_about(self, logs.version(), model)

    def show_user_guide(self) -> dialogs.UserGuide:
        return dialogs.show_user_guide(self)

    # -- window lifecycle ------------------------------------------------------------------------
    def showEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().showEvent(event)
        handle = self.windowHandle()
        if self.shown_at is None and handle is not None and not self._watching_expose:
            self._watching_expose = True
            handle.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.Expose and self.shown_at is None and obj.isExposed():
            QTimer.singleShot(0, self._on_first_shown)  # runs after the exposed window is painted
        return False

    def _on_first_shown(self) -> None:
        if self.shown_at is not None:
            return
        self.shown_at = time.perf_counter()
        if self.windowHandle() is not None:
            self.windowHandle().removeEventFilter(self)
        QTimer.singleShot(0, self.finish_startup)

    def finish_startup(self) -> None:
        """Build what start-up deferred: the chart and the other tabs (idempotent)."""
        if self.startup_finished:
            return
        self.startup_finished = True
        self.prediction_view.build_chart()
        index, current = self.tabs.indexOf(self._train_page), self.tabs.currentIndex()
        placeholder = self.tabs.page(index)
        tab = self._make_training_tab()
        self.tabs.blockSignals(True)
        self.tabs.removeTab(index)
        self.tabs.insertTab(index, tab, self.tr("Train"))
        self.tabs.setCurrentIndex(current)
        self.tabs.blockSignals(False)
        placeholder.deleteLater()
        self._train_page = tab
        self._make_explore_tabs()
        self._on_tab_changed(self.tabs.currentIndex())

    def _make_training_tab(self) -> QWidget:
        try:
            from .train.tab import TrainingTab

            tab = TrainingTab(self.session, self.samples, self)
        except Exception as exc:  # the app stays usable for drawing without the Train tab
            if sys.stderr is not None:  # a windowed executable has none
                traceback.print_exc()
            placeholder = QLabel(self.tr("The Train tab could not be started:\n{error}\n\n"
                                         "Drawing and models still work. Reinstall DigitPad to fix this."
                                         ).format(error=exc))
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
            from .inside.dock import InsideDock
            from .inside.view import InsideView
            from .samples.tab import SamplesTab

            self.data_view = DataView(self)
            self.robustness_view = RobustnessView(self.session, self)
            self.inside_view = InsideView(self.session, self)
            if self.samples is not None:
                self.samples_tab = SamplesTab(self.samples, self.session, self)
        except Exception as exc:  # noqa: BLE001 - shown to the user, the rest keeps working
            self.last_error = self.tr("The Data, Robustness and Inside views could not be started: {error}"
                                      ).format(error=exc)
            self.statusBar().showMessage(self.last_error, 10000)
            self.inside_action.setEnabled(False)
            return
        self._add_explore_tabs()
        self.inside_dock = InsideDock(self.inside_view, self)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.inside_dock)
        self.inside_dock.visibilityChanged.connect(self._on_inside_visibility)
        self.inside_dock.hide()
        if self.inside_action.isChecked():
            self._toggle_inside(True)
        self.predictor.predictionChanged.connect(self.inside_view.set_prediction)
        if self.training_tab is not None:  # watch the first layer's features form while training
            self.training_tab.epochFinished.connect(self._show_training_weights)
            self.training_tab.trainingFinished.connect(self._after_training)
        self.repredict()  # the new views show what is drawn now

    def _add_explore_tabs(self) -> None:
        self.tabs.blockSignals(True)
        current = self.tabs.currentIndex()
        if self.samples_tab is not None:
            self.tabs.addTab(self.samples_tab, self.tr("Samples"))
            self.label_bar.sampleAdded.connect(lambda *_: self.samples_tab.refresh())
            self.label_bar.sampleRemoved.connect(lambda *_: self.samples_tab.refresh())
            self.samples_tab.personalizeFinished.connect(self._on_personalize_finished)
        self.tabs.addTab(self.data_view, self.tr("Data"))
        self.tabs.addTab(self.robustness_view, self.tr("Robustness"))
        for i, action in enumerate(self.tab_actions):
            index = self.tabs.indexOf([self.draw_tab, self._train_page, self.samples_tab, self.data_view,
                                       self.robustness_view][i])
            if index >= 0:
                self.tabs.setTabToolTip(index, action.toolTip())
        self.tabs.setCurrentIndex(current)
        self.tabs.blockSignals(False)

    def _after_training(self, _summary) -> None:
        """The Inside view showed the training's weights: back to the model in use."""
        self.inside_view.set_recognizer(self.session.recognizer)
        self.repredict()

    def _show_training_weights(self, progress) -> None:
        kernel = getattr(progress, "first_layer", None)
        if self.inside_view is not None and kernel is not None:
            self.inside_view.set_first_layer_weights(
                kernel, self.tr("Training: epoch {epoch} of {total}").format(epoch=progress.epoch,
                                                                               total=progress.epochs))

    def _toggle_inside(self, on: bool) -> None:
        if self.inside_dock is None:
            return
        if on:  # leave the Draw tab its minimum: the canvas stays whole above the dock
            page = self.tabs.page(self.tabs.indexOf(self.draw_tab))
            chrome = self.height() - self.tabs.height() + self.tabs.tabBar().height() + 8
            self.inside_dock.show_sized(keep=chrome + page.content_minimum(page.width()).height())
        else:
            self.inside_dock.hide()

    def _on_inside_visibility(self, _visible: bool) -> None:
        """Keep the View menu's tick in step when the dock is closed with its own button."""
        self.inside_action.blockSignals(True)
        self.inside_action.setChecked(not self.inside_dock.isHidden())
        self.inside_action.blockSignals(False)

    # -- closing ---------------------------------------------------------------------------------
    def training_busy(self) -> bool:
        return self.training_tab is not None and self.training_tab.is_busy()

    def personalizing(self) -> bool:
        return self.samples_tab is not None and self.samples_tab.is_personalizing()

    def _ask_to_stop(self) -> bool:
        """Closing while a network trains or personalises: ask, and stop what runs if the answer is yes."""
        training = self.training_busy()
        question = (self.tr("A network is still training. Stop it and quit?") if training else
                    self.tr("A network is still personalising. Stop it and quit?"))
        if not dialogs.ask(self, self.tr("Training is running") if training else self.tr("Personalising is running"),
                           question + "\n\n" + self.tr("The model being made is discarded; your saved models are "
                                                       "not touched.")):
            return False
        self._closing = True
        self._stop_deadline = time.monotonic() + STOP_WAIT_SECONDS
        if self.training_busy():
            self.training_tab.request_stop()
        if self.personalizing():
            self.samples_tab.cancel_personalize()
        self.statusBar().showMessage(self.tr("Stopping the training…") if training else
                                     self.tr("Stopping the personalising…"))
        return True

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt API)
        if self._handed_over:  # rebuilt in another language: the new window carries on
            event.accept()
            return
        if self.training_busy() or self.personalizing():
            if not self._closing and not self._ask_to_stop():
                event.ignore()
                return
            if time.monotonic() < self._stop_deadline:
                event.ignore()
                QTimer.singleShot(100, self.close)  # close again once the job has stopped
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
        window = next((w for w in (app.topLevelWidgets() if app else [])
                       if isinstance(w, MainWindow) and not w._handed_over), None)
        if window is not None and not issubclass(kind, KeyboardInterrupt):
            window.show_error(QCoreApplication.translate("MainWindow", "Something went wrong"),
                              f"{kind.__name__}: {value}\n\n" + QCoreApplication.translate(
                                  "MainWindow",
                                  "DigitPad keeps running. If this happens again, please report it with the steps "
                                  "that led to it and the log file {log} (Help ▸ Open Log Folder).").format(
                                  log=logs.log_path()))

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
    i18n.install(app)  # before any text is made: the window's language (View ▸ Language)
    _install_excepthook()
    window = MainWindow()
    window.show()
    return app.exec()
