"""The Train tab: choose data and settings, train in the background with live curves, use the result.

The form (:mod:`app.train.form`) holds the settings; training runs in a child process,
``digitpad train --events``, which :class:`app.train.worker.TrainingWorker` starts and reads in its
own thread (TensorFlow never enters the window's process); this widget shows what it reports:
progress with the time left, live loss and accuracy curves, an epoch log, then the result
(:mod:`app.train.results`). A finished model is saved into the ModelStore by the child at once, so
nothing is lost; it becomes the active model only when the user clicks "Use this model".
"""
from __future__ import annotations

import time

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from model.errors import ConfigError
from model.training.network import NetworkConfig
from model.training.trainer import TrainingConfig

from .. import dialogs
from ..session import ActiveModel
from .curves_view import CurvesView
from .form import TrainingForm
from .results import ResultPanel
from .texts import describe_data, duration, num, pct, plural
from .worker import PREPARING_STAGES, STAGE_SAVING, STAGE_TRAINING, DataSummary, Outcome, TrainingWorker

STOP_GRACE_MS = 700  # a cancel stops within one batch; after this the tab stops waiting for it
# What the training child says it is doing (app/cli/train.py), translated where it is shown.
STAGE_TEXTS = (QT_TRANSLATE_NOOP("TrainingTab", "Starting…"), QT_TRANSLATE_NOOP("TrainingTab", "Training…"),
               QT_TRANSLATE_NOOP("TrainingTab", "Saving the model…"),
               QT_TRANSLATE_NOOP("TrainingTab", "Starting TensorFlow (the first time takes a few seconds)…"),
               QT_TRANSLATE_NOOP("TrainingTab", "Drawing the digits shipped with DigitPad…"),
               QT_TRANSLATE_NOOP("TrainingTab", "Downloading MNIST (11 MB)…"),
               QT_TRANSLATE_NOOP("TrainingTab", "Loading the digits…"))
ERROR_BANNER = ("#errorBanner { background: #fdecea; border: 1px solid #e8a39b; border-radius: 4px; }"
                " #errorBanner QLabel { color: #611a15; }")


class TrainingTab(QWidget):
    trainingStarted = Signal()
    trainingFinished = Signal(object)  # app.train.worker.Outcome
    epochFinished = Signal(object)  # model.training.trainer.Progress

    def __init__(self, session: ActiveModel, samples=None, parent: QWidget | None = None):
        """``samples``: the user's SampleStore (for "Plus my samples"), or None."""
        super().__init__(parent)
        self.session = session
        self.store = session.store
        self._worker: TrainingWorker | None = None
        self._stage = ""
        self._started_at = 0.0
        self._epochs_seen = 0
        self._batches_seen = 0
        self._stopping = False
        self.outcome: Outcome | None = None  # the last finished run
        self._stop_timer = QTimer(self)
        self._stop_timer.setSingleShot(True)
        self._stop_timer.timeout.connect(self._abandon)

        self.setToolTip(self.tr("Train a new network on handwritten digits and watch it learn."))
        self.form = TrainingForm(samples_count=(lambda: len(samples)) if samples is not None else None)
        right = self._build_right()
        self.form.changed.connect(self._update_start)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setToolTip(self.tr("Drag the divider to give the settings or the curves more room."))
        splitter.addWidget(self.form)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([self.form.form_width, max(600, right.sizeHint().width())])
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(splitter)
        self._update_start()
        self.results.show_note(self.tr("Choose the data and the settings on the left, then press "
                               "<b>Start training</b>.<br>The curves, the test accuracy and the confusion "
                               "matrix appear here; drawing stays live meanwhile."))

    def _build_right(self) -> QWidget:
        """Start/Cancel and the progress, then the result's headline and actions (where the eye is
        when training ends), an error banner, the live curves, and the result or the epoch log."""
        host = QWidget()
        host.setToolTip(self.tr("Progress, live curves and the result of the training."))
        col = QVBoxLayout(host)
        col.setContentsMargins(4, 0, 0, 0)
        col.addLayout(self._build_bar())
        self.status_label = QLabel(self.tr("Ready."))
        self.status_label.setToolTip(self.tr("What the training is doing now."))
        self.status_label.setWordWrap(True)
        col.addWidget(self.status_label)
        self.results = ResultPanel(self.session)
        self.results.status.connect(self.status_label.setText)
        self.results.failed.connect(self._show_error)
        col.addWidget(self.results.headline)
        col.addWidget(self._build_banner())
        self.curves = CurvesView()
        self._build_log()
        # The log while training, the result once it ends (each gets the whole width).
        self.bottom_tabs = QTabWidget()
        self.bottom_tabs.setDocumentMode(True)
        self.bottom_tabs.setToolTip(self.tr("The result of the training and its epoch log."))
        self.bottom_tabs.addTab(self.results, self.tr("Result"))
        self.bottom_tabs.addTab(self.log, self.tr("Epoch log"))
        self.bottom_tabs.setTabToolTip(0, self.results.toolTip())
        self.bottom_tabs.setTabToolTip(1, self.log.toolTip())
        self.vsplit = QSplitter(Qt.Orientation.Vertical)
        self.vsplit.setToolTip(self.tr("Drag the divider to resize the curves and the result."))
        self.vsplit.addWidget(self.curves)
        self.vsplit.addWidget(self.bottom_tabs)
        self.vsplit.setStretchFactor(0, 3)
        self.vsplit.setStretchFactor(1, 2)
        self.vsplit.setChildrenCollapsible(False)
        self.vsplit.setSizes([max(420, self.curves.sizeHint().height()), self._result_height()])
        col.addWidget(self.vsplit, 1)
        return host

    def _build_bar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        self.start_button = QPushButton(self.tr("Start training"))
        self.start_button.setToolTip(self.tr("Train a new network with these settings in the background. Your current "
                                     "model stays in use until you choose the new one."))
        self.start_button.setDefault(True)
        self.start_button.clicked.connect(self._start_from_form)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setToolTip(self.tr("Stop the training; nothing is saved and your models are unchanged."))
        self.cancel_button.clicked.connect(self.request_stop)
        self.cancel_button.setEnabled(False)
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setValue(0)
        self.progress.setTextVisible(True)
        self.progress.setFormat(self.tr("Not started"))
        self.progress.setToolTip(self.tr("Epoch, batch and the estimated time left."))
        self.progress.setMinimumWidth(120)
        bar.addWidget(self.start_button)
        bar.addWidget(self.cancel_button)
        bar.addWidget(self.progress, 1)
        return bar

    def _build_banner(self) -> QFrame:
        self.banner = QFrame()
        self.banner.setObjectName("errorBanner")
        self.banner.setStyleSheet(ERROR_BANNER)
        self.banner.setToolTip(self.tr("A problem with the last training."))
        bl = QHBoxLayout(self.banner)
        bl.setContentsMargins(8, 6, 6, 6)
        self.banner_label = QLabel()
        self.banner_label.setWordWrap(True)
        self.banner_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.banner_label.setToolTip(self.tr("The error message; you can select and copy it."))
        self.banner_details = QToolButton()
        self.banner_details.setText(self.tr("Details…"))
        self.banner_details.setToolTip(self.tr("Show the technical details (for a bug report)."))
        self.banner_details.clicked.connect(self._show_details)
        self.banner_close = QToolButton()
        self.banner_close.setText(self.tr("✕"))
        self.banner_close.setAutoRaise(True)
        self.banner_close.setToolTip(self.tr("Hide this message."))
        self.banner_close.clicked.connect(self.banner.hide)
        bl.addWidget(self.banner_label, 1)
        bl.addWidget(self.banner_details, 0, Qt.AlignmentFlag.AlignTop)
        bl.addWidget(self.banner_close, 0, Qt.AlignmentFlag.AlignTop)
        self.banner.hide()
        self._details = ""
        return self.banner

    def _build_log(self) -> None:
        self.log = QPlainTextEdit()
        self.log.setReadOnly(True)
        self.log.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.log.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.log.setMaximumBlockCount(5000)
        self.log.setToolTip(self.tr("One line per epoch: loss and accuracy on the training and validation digits."))
        self.log.setPlaceholderText(self.tr("Each finished epoch adds a line here."))

    def _result_height(self) -> int:
        """The bottom's height that shows the whole result (the details and the matrix)."""
        return self.results.needed_height() + self.bottom_tabs.tabBar().sizeHint().height() + 8

    def _show_whole_result(self) -> None:
        """Training ended: give the result the room it needs, the curves the rest (down to their minimum)."""
        total = sum(self.vsplit.sizes())
        bottom = min(self._result_height(), max(0, total - self.curves.minimumHeight()))
        self.vsplit.setSizes([total - bottom, bottom])

    def _update_start(self) -> None:
        problem = self.form.problem()
        self.start_button.setEnabled(problem is None and not self.is_busy())
        self.start_button.setToolTip(
            self.tr("Fix the settings first: {problem}").format(problem=problem) if problem else
            self.tr("Train a new network with these settings in the background. Your current model stays in use "
                    "until you choose the new one."))

    # -- running ----------------------------------------------------------------------------------
    def is_busy(self) -> bool:
        return self._worker is not None

    def _start_from_form(self) -> None:
        self.start_training(self.form.source())

    def start_training(self, source: str, network: NetworkConfig | None = None,
                       training: TrainingConfig | None = None, *, drawn: bool | None = None,
                       with_samples: bool | None = None) -> None:
        """Start training in the background; what is not given (configs, whether to add the drawn
        digits and the user's samples) is the form's.

        Explicit settings are shown in the form but not remembered as the user's settings.
        """
        if self.is_busy():
            raise RuntimeError("A training is already running; cancel it first.")
        self.form.save_pending()
        self.banner.hide()
        try:
            if not str(source).strip():
                raise ConfigError(self.tr("Choose a folder or an .npz file with digits, or MNIST."))
            if network is None or training is None:
                form_network, form_training = self.form.form_configs()
                network, training = network or form_network, training or form_training
            network = NetworkConfig.from_dict(network.to_dict())  # a validated copy the form cannot change
            training = TrainingConfig.from_dict(training.to_dict())
            form_drawn, form_samples = self.form.extra_data.options()
            drawn = form_drawn if drawn is None else drawn
            with_samples = form_samples if with_samples is None else with_samples
        except ConfigError as exc:
            self._show_error(str(exc))
            self.trainingFinished.emit(Outcome(error=str(exc)))
            return
        # Show what runs; explicit settings (the self-test's) are not remembered as the user's.
        self.form.show_run(str(source), network, training, drawn, with_samples)

        worker = TrainingWorker(str(source), network, training, self.store, drawn=drawn, with_samples=with_samples)
        worker.stageChanged.connect(self._on_stage)
        worker.dataLoaded.connect(self._on_data_loaded)
        worker.trainingBegan.connect(self._on_began)
        worker.batchesDone.connect(self._on_batches)
        worker.epochFinished.connect(self._on_epoch)
        worker.finished.connect(self._on_finished)
        worker.failed.connect(self._on_failed)
        worker.cancelled.connect(self._on_cancelled)
        self._worker = worker
        self._started_at = time.perf_counter()
        self._epochs_seen = self._batches_seen = 0
        self._stopping = False
        self._stage = ""
        self.outcome = None
        self.curves.reset(training.epochs)
        self.log.clear()
        self._log(self.tr("Training {name}").format(name=worker.name))
        self._log("  " + self.tr("network: {settings}").format(settings=_settings_line(network.to_dict())))
        self._log("  " + self.tr("training: {settings}").format(settings=_settings_line(training.to_dict())))
        self.bottom_tabs.setCurrentWidget(self.log)
        self.results.show_note(self.tr("Training… the result appears here when it ends."))
        self.progress.setRange(0, 0)
        self.progress.setFormat(self.tr("Starting…"))
        self._set_running(True)
        worker.start()
        self.trainingStarted.emit()

    def request_stop(self) -> None:
        """Cancel the running training (nothing is saved). Returns at once; trainingFinished follows
        within a second."""
        worker = self._worker
        if worker is None or self._stopping:
            return
        if not worker.cancel():
            self.status_label.setText(self.tr("Saving the finished model; it will be kept."))
            return
        self._stopping = True
        self.cancel_button.setEnabled(False)
        self.status_label.setText(self.tr("Stopping…"))
        if self._stage in PREPARING_STAGES or self._batches_seen == 0:
            # Loading data, downloading or importing TensorFlow cannot be interrupted; the worker
            # notices the cancel when it gets past that, saves nothing and ends on its own.
            self._abandon()
        else:
            self._stop_timer.start(STOP_GRACE_MS)

    def _set_running(self, running: bool) -> None:
        self.cancel_button.setEnabled(running)
        self.form.set_running(running)  # -> changed -> _update_start

    def _is_current(self) -> bool:
        return self._worker is not None and self.sender() is self._worker

    @Slot(str, str)
    def _on_stage(self, stage: str, text: str) -> None:
        if not self._is_current():
            return
        self._stage = stage
        if self._stopping:
            return
        text = self.tr(text)
        self.status_label.setText(text)
        if stage in PREPARING_STAGES or stage == STAGE_SAVING:
            self.progress.setRange(0, 0)  # indeterminate: we cannot tell how long it takes
            self.progress.setFormat(text.rstrip("…"))
        elif stage == STAGE_TRAINING:
            self.progress.setRange(0, 0)
            self.progress.setFormat(self.tr("Preparing the network…"))

    @Slot(object)
    def _on_data_loaded(self, summary: DataSummary) -> None:
        if not self._is_current():
            return
        self.form.set_data_info(describe_data(summary))
        self._log("  " + self.tr("data: {name}: {summary}").format(name=summary.name, summary=describe_data(summary)))

    @Slot(object)
    def _on_began(self, p) -> None:
        if not self._is_current():
            return
        self.progress.setRange(0, 1000)
        self.progress.setValue(0)
        self.progress.setFormat(self.tr("Epoch {epoch} of {epochs} · batch {batch} of {batches}").format(
            epoch=1, epochs=p.epochs, batch=0, batches=num(p.batches)))
        self.status_label.setText(self.tr("Training: {batches} batches per epoch.").format(batches=num(p.batches)))

    @Slot(object, object)
    def _on_batches(self, p, points) -> None:
        if not self._is_current() or self._stopping:
            return
        self._batches_seen += len(points)
        self.curves.add_batches(points)
        if self.progress.maximum() == 0:
            self.progress.setRange(0, 1000)
        self.progress.setValue(round(1000 * p.fraction))
        text = self.tr("Epoch {epoch} of {epochs} · batch {batch} of {batches}").format(
            epoch=p.epoch, epochs=p.epochs, batch=num(p.batch), batches=num(p.batches))
        if p.eta is not None:
            text += " · " + self.tr("{time} left").format(time=duration(p.eta))
        self.progress.setFormat(text)
        self.status_label.setText(self.tr("Training: loss {loss}, accuracy {accuracy} this epoch · {time} so far."
                                          ).format(loss=num(p.loss, 4), accuracy=pct(p.accuracy),
                                                   time=duration(p.elapsed)))

    @Slot(object)
    def _on_epoch(self, p) -> None:
        if not self._is_current() or self._stopping:
            return
        self._epochs_seen = p.epoch
        self.curves.add_epoch(p)
        val = ""
        if p.val_loss is not None:
            val = f"  val_loss {p.val_loss:.4f}  val_acc {p.val_accuracy:7.2%}"
        self._log(self.tr("Epoch") + f" {p.epoch:>{len(str(p.epochs))}}/{p.epochs}  loss {p.loss:.4f}  acc "
                                      "{p.accuracy:7.2%}"
                  f"{val}  {duration(p.elapsed)}")
        self.epochFinished.emit(p)

    @Slot(object)
    def _on_finished(self, outcome: Outcome) -> None:
        if self._is_current():  # else a worker the tab stopped waiting for
            self._finish(outcome)

    @Slot(str, str)
    def _on_failed(self, message: str, details: str) -> None:
        if self._is_current():
            self._finish(self._worker.ended(error=message, details=details or None))

    @Slot()
    def _on_cancelled(self) -> None:
        if self._is_current():
            self._finish(self._worker.ended(cancelled=True))

    def _abandon(self) -> None:
        """Stop waiting for a cancelled worker: report the cancel now; the worker ends by itself."""
        if self._worker is None:
            return
        self._finish(Outcome(cancelled=True, stage=self._stage, epochs_done=self._epochs_seen,
                             seconds=time.perf_counter() - self._started_at, model_name=self._worker.name))

    def _finish(self, outcome: Outcome) -> None:
        self._stop_timer.stop()
        self._worker = None
        self._stopping = False
        self.outcome = outcome
        self._set_running(False)
        self.curves.redraw()
        self.progress.setRange(0, 1000)
        if outcome.cancelled:
            n = outcome.epochs_done
            self.progress.setValue(0)
            self.progress.setFormat(self.tr("Cancelled"))
            text = plural(self.tr("Cancelled after %n epoch(s).", "", n), n)
            self.status_label.setText(text + " " + self.tr("Nothing was saved."))
            self._log(text + " " + self.tr("Nothing was saved."))
            self.results.show_note(f"<b>{text}</b><br>" + self.tr("Nothing was saved; your models are unchanged."))
        elif outcome.error:
            self.progress.setValue(0)
            self.progress.setFormat(self.tr("Failed"))
            self.status_label.setText(self.tr("The training did not finish."))
            self._log(self.tr("Error: {error}").format(error=outcome.error))
            self._show_error(outcome.error, outcome.details)
            kept = outcome.model_info
            self.results.show_note(self.tr("The training did not finish; see the message above.") + "<br>" + (
                self.tr("It saved “{name}” before that: it is in your Models list.").format(name=kept.name)
                if kept is not None else self.tr("Your models are unchanged.")))
        else:
            r = outcome.report
            self.progress.setValue(1000)
            self.progress.setFormat(self.tr("Done in {time}").format(time=duration(outcome.seconds)))
            self.status_label.setText(self.tr("Finished; the model is saved in your Models list."))
            self.results.show_result(outcome)
            self._show_whole_result()
            epochs = len(r.history.get("loss", [])) or outcome.epochs_done
            self.curves.mark_best(r.best_epoch if r.restore_best else epochs,
                                  self.tr("best") if r.restore_best else self.tr("kept"))
            acc = pct(r.test_accuracy, 2) if r.test_accuracy is not None else self.tr("n/a")
            self._log(self.tr("Test accuracy {share} on {n} digits; best epoch {epoch}; saved as “{name}”.").format(
                share=acc, n=num(r.test_n), epoch=r.best_epoch, name=self.results.name_edit.text()))
        self.bottom_tabs.setCurrentWidget(self.results)
        self.trainingFinished.emit(outcome)

    # -- messages ---------------------------------------------------------------------------------
    def _show_error(self, message: str, details: str | None = None) -> None:
        self.banner_label.setText(message)
        self._details = details or ""
        self.banner_details.setVisible(bool(details))
        self.banner.show()

    def _show_details(self) -> None:
        dialogs.show_message(self, self.tr("Training error"), self.banner_label.text(), details=self._details,
                             buttons=dialogs.Button.Close)

    def error_text(self) -> str:
        """The message shown in the tab's error banner ('' when none is shown)."""
        return self.banner_label.text() if not self.banner.isHidden() else ""

    def _log(self, line: str) -> None:
        self.log.appendPlainText(line)


def _settings_line(d: dict) -> str:
    """{"hidden": [256, 128], "dropout": 0.2} -> "hidden 256-128, dropout 0.2"."""
    def fmt(v):
        return "-".join(map(str, v)) if isinstance(v, (list, tuple)) else f"{v:g}" if isinstance(v, float) else str(v)
    return ", ".join(f"{k.replace('_', ' ')} {fmt(v)}" for k, v in d.items())
