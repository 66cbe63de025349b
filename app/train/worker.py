"""The training worker: runs ``digitpad train --events`` in a child process for the Train tab.

TensorFlow then never enters the window's process: importing it and running Keras's loop held the
window's GIL (drawing stalled up to 0.6 s) and its gigabyte of memory stayed in the window for
good; a crash or the out-of-memory killer now takes the child, and the tab says what happened.

The child's events (:mod:`app.cli.events`) become the worker's signals, each carrying the dataclass
the child sent: ``stageChanged(stage, text)``, ``dataLoaded(DataSummary)``,
``trainingBegan(Progress)``, ``batchesDone(Progress, points)`` (the latest batch and every batch
since the last signal, float64 (n, 2): [epoch position, loss]; at most ~20 per second),
``epochFinished(Progress)`` (with the first layer's weights), then the Worker's
``finished(Outcome)`` / ``failed`` / ``cancelled``. Nothing here computes.
"""
from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal

from model.data.shipped import is_drawn
from model.data.sources import load_source
from model.store.models import ModelInfo, ModelStore, StoreError
from model.training.network import NetworkConfig
from model.training.report import DataSummary, TrainingReport
from model.training.trainer import Progress, TrainingConfig

from ..cli.events import decode
from ..workers import ChildError, ChildWorker, Worker

# Stages, in order, as the child announces them; the tab shows each one's text while it runs.
STAGE_DATA, STAGE_DOWNLOAD, STAGE_TENSORFLOW, STAGE_TRAINING, STAGE_SAVING = (
    "data", "download", "tensorflow", "training", "saving")
PREPARING_STAGES = (STAGE_DATA, STAGE_DOWNLOAD, STAGE_TENSORFLOW)


def is_mnist(source: str) -> bool:
    return str(source).strip().lower() == "mnist"


def data_label(source: str) -> str:
    """A short name for a data source, for model names: MNIST, drawn digits, an .npz's stem, a folder's name."""
    if is_mnist(source):
        return "MNIST"
    if is_drawn(source):
        return "drawn digits"
    path = Path(str(source)).expanduser()
    name = path.stem if path.suffix.lower() == ".npz" else path.name
    return name or str(source)


def model_name(network: NetworkConfig, source: str, when: float | None = None) -> str:
    """E.g. ``MLP 256-128 relu · MNIST · 2026-11-22 14:03``."""
    stamp = time.strftime("%Y-%m-%d %H:%M", time.localtime(when))
    layers = "-".join(str(n) for n in network.hidden)
    return f"MLP {layers} {network.activation} · {data_label(source)} · {stamp}"


@dataclass
class Outcome:
    """How a training run ended: what ``TrainingTab.trainingFinished`` carries and the results show."""

    report: TrainingReport | None = None  # the saved model's figures (None: it ended without one)
    model_info: ModelInfo | None = None  # the saved model (None once discarded)
    cancelled: bool = False
    error: str | None = None
    details: str | None = None  # technical details (a traceback, the child's last words)
    stage: str = STAGE_DATA  # where it ended
    epochs_done: int = 0  # complete epochs reported before the end (or the cancel)
    seconds: float = 0.0
    model_name: str | None = None

    @property
    def ok(self) -> bool:
        return self.report is not None and not self.cancelled and self.error is None

    @property
    def model_id(self) -> str | None:
        return self.report.model_id if self.report is not None else None


class TrainingWorker(ChildWorker):
    """Runs one training in a child process; :meth:`start` it. :meth:`cancel` may be called from any thread."""

    # Said in English here; app.workers translates them where it shows them (context "Worker").
    what = "Training"
    out_of_memory = "Out of memory while training. Use a smaller network, a smaller batch size or fewer digits."
    stageChanged = Signal(str, str)  # stage, text for the user
    dataLoaded = Signal(object)  # DataSummary
    trainingBegan = Signal(object)  # Progress(kind="start")
    batchesDone = Signal(object, object)  # latest Progress, float64 (n, 2): [epoch position, loss]
    epochFinished = Signal(object)  # Progress(kind="epoch")

    def __init__(self, source: str, network: NetworkConfig, training: TrainingConfig, store: ModelStore,
                 *, drawn: bool = True, with_samples: bool = False):
        super().__init__(home=store.home)
        self.source = str(source)
        self.drawn = drawn  # add the drawn digits shipped with DigitPad (and measure on their held-out writers)
        self.with_samples = with_samples  # add the user's samples
        self.network = network
        self.training = training
        self.store = store
        self._committed = False  # saving has begun: no longer cancellable
        self.saved_anyway: ModelInfo | None = None  # saved before its process failed
        self._started = time.perf_counter()
        self._started_at = time.time()
        self.epochs_done = 0  # complete epochs reported so far
        self.stage = STAGE_DATA  # where it is (or where it ended)
        self.name = model_name(network, source)

    def arguments(self) -> list[str]:
        """``digitpad train --events`` with every setting of the run."""
        n, t = self.network, self.training
        args = ["train", "--events", "--data", self.source, "--name", self.name,
                "--hidden", ",".join(map(str, n.hidden)), "--activation", n.activation, "--dropout", repr(n.dropout),
                "--l1", repr(n.l1), "--l2", repr(n.l2), "--initializer", n.initializer, "--optimizer", n.optimizer,
                "--learning-rate", repr(n.learning_rate), "--epochs", str(t.epochs), "--batch-size", str(t.batch_size),
                "--validation-split", repr(t.validation_split), "--patience", str(t.patience), "--seed", str(t.seed),
                "--augment-strength", repr(t.augment_strength), "--lr-schedule", t.lr_schedule,
                "--max-batches", str(t.max_batches), "--best-epoch" if t.restore_best else "--last-epoch"]
        if not t.augment:
            args.append("--no-augment")
        args.append("--drawn" if self.drawn else "--no-drawn")
        if self.with_samples:
            args.append("--with-samples")
        return args

    # -- any thread ------------------------------------------------------------------------------
    def cancel(self) -> bool:
        """Ask the run to stop; False when it is already saving a finished model (which is then
        kept: the user sees it in the results, nothing is lost or half-written)."""
        with self._plock:
            if self._committed:
                return False
        return super().cancel()

    def ended(self, **fields) -> Outcome:
        """An Outcome for a run that ended without a result (cancelled or failed; a model its
        process saved before it failed is ``model_info``)."""
        fields.setdefault("model_info", self.saved_anyway)
        return Outcome(stage=self.stage, epochs_done=self.epochs_done, model_name=self.name,
                       seconds=time.perf_counter() - self._started, **fields)

    # -- the worker thread -----------------------------------------------------------------------
    def work(self) -> Outcome:
        self._started, self._started_at = time.perf_counter(), time.time()
        self.stageChanged.emit(STAGE_DATA, "Starting…")
        return super().work()

    def on_event(self, event: dict) -> None:
        kind = event.get("event")
        if kind == "status" and event.get("stage"):
            stage = str(event["stage"])
            with self._plock:
                if stage == STAGE_SAVING:
                    if self._cancel.is_set():
                        return  # cancelled in that instant: the result is discarded
                    self._committed = True
                self.stage = stage
            self.stageChanged.emit(stage, str(event.get("text", "")))
        elif kind == "data":
            self.dataLoaded.emit(decode(DataSummary, event))
        elif kind == "progress":
            self._progress(decode(Progress, event), event.get("points"))

    def _progress(self, p: Progress, points) -> None:
        if p.kind == "start":
            self.trainingBegan.emit(p)
        elif p.kind == "batch" and points:
            self.batchesDone.emit(p, np.asarray(points, dtype=np.float64).reshape(-1, 2))
        elif p.kind == "epoch":
            self.epochs_done = p.epoch
            self.epochFinished.emit(p)

    def result(self, event: dict) -> Outcome:
        report = decode(TrainingReport, event)
        try:
            info = self.store.get(report.model_id)
        except StoreError:
            info = None  # deleted meanwhile: the results say so
        return Outcome(report=report, model_info=info, stage=self.stage, epochs_done=self.epochs_done,
                       seconds=time.perf_counter() - self._started, model_name=report.name)

    def discard(self, outcome: Outcome) -> None:
        if outcome.model_info is not None:
            self.store.delete(outcome.model_info.id)

    def failure(self, exc: BaseException) -> tuple[str, str]:
        if isinstance(exc, ChildError):
            return self._describe(exc), exc.details
        return super().failure(exc)

    def _describe(self, exc: ChildError) -> str:
        """The child's failure in the window's words."""
        if exc.kind == "ConfigError":
            text = self.tr("The settings are not valid: {error}").format(error=exc)
        elif exc.kind == "MemoryError":
            text = QCoreApplication.translate("Worker", self.out_of_memory)
        elif exc.kind and exc.details:  # a bug in the child: say where it happened
            text = f"{self.tr(_STAGE_FAILED.get(self.stage, _STAGE_FAILED[STAGE_TRAINING]))}: {exc}"
            if self.stage == STAGE_SAVING:
                text += " " + self.tr("Your other models are unchanged.")
        else:  # a DigitPadError in its own words, or what happened to the process
            text = str(exc)
        self.saved_anyway = saved = self._saved_anyway()
        if saved is not None:
            text += " " + self.tr("The model “{name}” was saved before that; it is in your Models list.").format(
                name=saved.name)
        return text

    def _saved_anyway(self) -> ModelInfo | None:
        """A model this run saved before its process failed (it is kept: nothing is lost)."""
        try:
            models = self.store.list()
        except StoreError:
            return None
        for m in models:
            if m.name == self.name and not m.read_only and _timestamp(m.created) >= self._started_at - 2:
                return m
        return None


def _timestamp(created: str) -> float:
    try:
        return datetime.fromisoformat(created).timestamp()
    except (TypeError, ValueError):
        return 0.0


_STAGE_FAILED = {
    STAGE_DATA: QT_TRANSLATE_NOOP("TrainingWorker", "Loading the digits failed"),
    STAGE_DOWNLOAD: QT_TRANSLATE_NOOP("TrainingWorker", "Downloading MNIST failed"),
    STAGE_TENSORFLOW: QT_TRANSLATE_NOOP("TrainingWorker", "TensorFlow could not be started"),
    STAGE_TRAINING: QT_TRANSLATE_NOOP("TrainingWorker", "Training failed"),
    STAGE_SAVING: QT_TRANSLATE_NOOP("TrainingWorker", "Training finished but the model could not be saved"),
}


class DataProbe(Worker):
    """Loads a dataset only to describe it (size and split); no TensorFlow. finished(DataSummary)."""

    def __init__(self, source: str):
        super().__init__()
        self.source = source
        self.what = self.tr("Reading {source}").format(source=source)

    def work(self) -> DataSummary:
        return DataSummary.of(load_source(self.source))
