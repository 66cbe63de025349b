"""The training worker (an :class:`app.workers.Worker`) that runs model.training.trainer.Trainer.

It loads the data, imports TensorFlow (only here, only once training starts), trains, evaluates
and saves the model through ModelStore, turning each step into a Qt signal: the Worker's
``finished(Outcome)`` / ``failed`` / ``cancelled``, and ``stageChanged``, ``dataLoaded``,
``trainingBegan``, ``batchesDone``, ``epochFinished`` on the way. Signals are emitted from the
worker thread and delivered queued to receivers in the GUI thread; their payloads are plain Python
objects the worker never touches again.

Batch progress is throttled: per-batch losses are buffered and sent in one ``batchesDone``
signal at most every ``min_interval`` seconds (20 per second by default), so a fast network
cannot flood the GUI's event queue. Nothing here computes: numerics are model.training.trainer's.
"""
from __future__ import annotations

import dataclasses
import os
import sys
import threading
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from PySide6.QtCore import Signal

from model.data.drawn import training_mix
from model.data.sources import DataError, Dataset, load_source, mnist_cached
from model.errors import Cancelled, ConfigError
from model.samples.store import SampleStore
from model.store.card import DataSpec
from model.training.network import NetworkConfig
from model.training.tf_runtime import import_tensorflow, tensorflow_loaded
from model.training.trainer import Progress, Trainer, TrainingConfig, join_extra, save_result

from ..workers import Worker

BATCH_SIGNAL_INTERVAL = 0.05  # seconds between batch-progress signals (~20 per second)

# Stages, in order; the tab shows each one's text while it runs.
STAGE_DATA, STAGE_DOWNLOAD, STAGE_TENSORFLOW, STAGE_TRAINING, STAGE_EVALUATING, STAGE_SAVING = (
    "data", "download", "tensorflow", "training", "evaluating", "saving")
PREPARING_STAGES = (STAGE_DATA, STAGE_DOWNLOAD, STAGE_TENSORFLOW)


def is_mnist(source: str) -> bool:
    return str(source).strip().lower() == "mnist"


def data_label(source: str) -> str:
    """A short name for a data source, for model names: MNIST, an .npz's stem, a folder's name."""
    if is_mnist(source):
        return "MNIST"
    path = Path(str(source)).expanduser()
    name = path.stem if path.suffix.lower() == ".npz" else path.name
    return name or str(source)


def data_source(source: str) -> str:
    """What a model's card records as its data's source: 'mnist', else the absolute path."""
    if is_mnist(source):
        return "mnist"
    return str(Path(str(source)).expanduser().resolve())


def model_name(network: NetworkConfig, source: str, when: float | None = None) -> str:
    """E.g. ``MLP 256-128 relu · MNIST · 2026-11-22 14:03``."""
    stamp = time.strftime("%Y-%m-%d %H:%M", time.localtime(when))
    layers = "-".join(str(n) for n in network.hidden)
    return f"MLP {layers} {network.activation} · {data_label(source)} · {stamp}"


@dataclass
class DataSummary:
    """The size and split of a loaded dataset, for the Data box."""

    name: str
    n_train: int
    n_test: int
    test_from_train: bool
    validation_split: float | None = None  # set when training: how the train split is divided
    extras: tuple[str, ...] = ()  # what else is trained on ("12,588 drawn digits ...")

    @classmethod
    def of(cls, data: Dataset, validation_split: float | None = None) -> DataSummary:
        n_test = 0 if data.y_test is None else len(data.y_test)
        return cls(data.name, len(data.y_train), n_test, data.test_from_train, validation_split)

    def describe(self) -> str:
        parts = [f"{self.n_train:,} training digits"]
        if self.validation_split:
            n_val = round(self.n_train * self.validation_split)
            parts = [f"{self.n_train - n_val:,} to fit", f"{n_val:,} to validate"]
        if self.n_test:
            test = f"{self.n_test:,} to test"
            parts.append(test + (" (set aside from the training files)" if self.test_from_train else ""))
        else:
            parts.append("no test split")
        return " · ".join(parts) + "".join(f" · plus {e}" for e in self.extras)


@dataclass
class Outcome:
    """How a training run ended, everything the results panel shows (plain data, no Keras)."""

    ok: bool = False
    cancelled: bool = False
    error: str | None = None
    details: str | None = None  # a traceback for unexpected errors
    stage: str = STAGE_DATA  # where it ended
    epochs_done: int = 0  # complete epochs reported before the end (or the cancel)
    seconds: float = 0.0
    test_accuracy: float | None = None
    test_loss: float | None = None
    test_n: int = 0
    confusion: np.ndarray | None = None
    predictions: np.ndarray | None = None
    x_test: np.ndarray | None = None
    y_test: np.ndarray | None = None
    best_epoch: int = 0
    model_info: object | None = None  # model.store.models.ModelInfo once saved
    model_name: str | None = None
    history: dict = field(default_factory=dict)
    drawn_accuracy: float | None = None  # on drawn digits of writers it never trained on
    drawn_n: int = 0
    drawn_heldout: str | None = None  # which digits those are
    restore_best: bool = False  # the best epoch's weights were kept (else the last epoch's)

    @property
    def model_id(self) -> str | None:
        return getattr(self.model_info, "id", None)

    def summary(self) -> dict:
        """The dict TrainingTab.trainingFinished carries."""
        return {
            "ok": self.ok,
            "cancelled": self.cancelled,
            "test_accuracy": self.test_accuracy,
            "drawn_accuracy": self.drawn_accuracy,
            "seconds": round(self.seconds, 3),
            "model_id": self.model_id,
            "error": self.error,
        }


class TrainingWorker(Worker):
    """Runs one training; :meth:`start` it. :meth:`cancel` may be called from any thread."""

    what = "Training"
    out_of_memory = "Out of memory while training. Use a smaller network, a smaller batch size or fewer digits."
    stageChanged = Signal(str, str)  # stage, text for the user
    dataLoaded = Signal(object)  # DataSummary
    trainingBegan = Signal(object)  # Progress(kind="start")
    batchesDone = Signal(object, object)  # latest Progress, float64 (n, 2): [epoch position, loss]
    epochFinished = Signal(object)  # Progress(kind="epoch")

    def __init__(self, source: str, network: NetworkConfig, training: TrainingConfig, store,
                 *, drawn: bool = True, with_samples: bool = False, min_interval: float = BATCH_SIGNAL_INTERVAL):
        super().__init__()
        self.source = str(source)
        self.drawn = drawn  # add the drawn digits shipped with DigitPad (and measure on their held-out writers)
        self.with_samples = with_samples  # add the user's samples
        self.network = network
        self.training = training
        self.store = store
        self.min_interval = min_interval
        self._lock = threading.Lock()
        self._trainer: Trainer | None = None
        self._committed = False  # saving has begun: no longer cancellable
        self._latest: Progress | None = None
        self._pending: list[tuple[float, float]] = []
        self._last_emit = 0.0
        self._started = time.perf_counter()
        self.epochs_done = 0  # complete epochs reported so far
        self.stage = STAGE_DATA  # where it is (or where it ended)
        self.name = model_name(network, source)

    # -- any thread ------------------------------------------------------------------------------
    def cancel(self) -> bool:
        """Ask the run to stop; False when it is already saving a finished model (which is then
        kept: the user sees it in the results, nothing is lost or half-written)."""
        with self._lock:
            if self._committed:
                return False
            self._cancel.set()
            trainer = self._trainer
        if trainer is not None:
            trainer.cancel()  # stops within one batch
        return True

    def ended(self, **fields) -> Outcome:
        """An Outcome for a run that ended without a model (cancelled or failed)."""
        return Outcome(stage=self.stage, epochs_done=self.epochs_done, model_name=self.name,
                       seconds=time.perf_counter() - self._started, **fields)

    # -- the worker thread -----------------------------------------------------------------------
    def failure(self, exc: BaseException) -> tuple[str, str]:
        if isinstance(exc, ConfigError):
            return f"The settings are not valid: {exc}", ""
        if isinstance(exc, DataError) or isinstance(exc, MemoryError):
            return super().failure(exc)
        return _describe(exc, self.stage), traceback.format_exc()

    def _enter(self, stage: str, text: str) -> None:
        if stage != STAGE_SAVING:
            self.check_cancelled()
        self.stage = stage
        self.stageChanged.emit(stage, text)

    def _start_tensorflow(self) -> None:
        if not tensorflow_loaded():
            self._enter(STAGE_TENSORFLOW, "Starting TensorFlow (the first time takes a few seconds)…")
        import_tensorflow()  # at once when it is already loaded

    def work(self) -> Outcome:
        self._started = time.perf_counter()
        outcome = Outcome(model_name=self.name)
        if is_mnist(self.source) and not mnist_cached():
            self._start_tensorflow()  # Keras downloads MNIST: import it our way first
            self._enter(STAGE_DOWNLOAD, "Downloading MNIST (11 MB)…")
        else:
            self._enter(STAGE_DATA, "Loading the digits…")
        try:
            data = load_source(self.source, seed=self.training.seed)
        except DataError as exc:
            # model.data.sources words its advice for the command line; say it the window's way.
            raise DataError(str(exc).replace(
                "pass the digits as --data PATH:",
                "choose “Digits from a folder or an .npz file” with")) from exc
        parts, mix = [], None
        if self.drawn:
            self._enter(STAGE_DATA, "Drawing the digits shipped with DigitPad…")
            mix = training_mix(seed=self.training.seed, should_stop=self.is_cancelled)
            parts.append((mix.extra, mix.card_extra))
        if self.with_samples:
            with SampleStore() as samples:  # this thread's own connection
                parts.append(samples.training_extra())
        extra, extras = join_extra(parts)
        self.dataLoaded.emit(dataclasses.replace(DataSummary.of(data, self.training.validation_split),
                                                 extras=tuple(e.name for e in extras)))
        trainer = Trainer(data, self.network, self.training, self._on_progress, extra=extra,
                          drawn_test=mix.heldout if mix else None)  # checks the data: before TensorFlow
        self._start_tensorflow()
        self._enter(STAGE_TRAINING, "Training…")
        with self._lock:
            self._trainer = trainer
        self.check_cancelled()
        result = trainer.run()
        self._flush(force=True)
        if result.cancelled or self._cancel.is_set():
            raise Cancelled()
        outcome.test_accuracy, outcome.test_loss, outcome.test_n = (
            result.test_accuracy, result.test_loss, result.test_n)
        outcome.confusion, outcome.predictions = result.confusion, result.test_predictions
        outcome.x_test, outcome.y_test = data.x_test, data.y_test
        outcome.best_epoch, outcome.history = result.best_epoch, dict(result.history)
        outcome.drawn_accuracy, outcome.drawn_n = result.drawn_accuracy, result.drawn_n
        outcome.restore_best = self.training.restore_best
        outcome.drawn_heldout = mix.heldout_description if mix else None
        # From here on the run is no longer cancellable: a finished model is kept, not lost.
        with self._lock:
            if self._cancel.is_set():
                raise Cancelled()
            self._committed = True
        self._enter(STAGE_SAVING, "Saving the model…")
        spec = DataSpec.of(data, data_source(self.source), seed=self.training.seed, extras=extras)
        outcome.model_info = save_result(result, self.store, name=self.name, data=spec,
                                         drawn_heldout=outcome.drawn_heldout)
        outcome.ok = True
        outcome.stage, outcome.epochs_done = self.stage, self.epochs_done
        outcome.seconds = time.perf_counter() - self._started
        return outcome

    def _on_progress(self, p: Progress) -> None:
        """Called by Trainer in this thread after every batch and epoch."""
        if self._cancel.is_set():
            return  # the tab has stopped listening; a partial last epoch is not reported
        if p.kind == "start":
            self._last_emit = time.perf_counter()
            self.trainingBegan.emit(p)
        elif p.kind == "batch":
            if p.batch == 1:
                lower_tensorflow_priority()  # TensorFlow starts its threads when fit begins
            self._pending.append((p.epoch - 1 + p.batch / max(1, p.batches), p.loss))
            self._latest = p
            self._flush()
        elif p.kind == "epoch":
            self._flush(force=True)
            self.epochs_done = p.epoch
            self.epochFinished.emit(p)

    def _flush(self, force: bool = False) -> None:
        if not self._pending:
            return
        now = time.perf_counter()
        if not force and now - self._last_emit < self.min_interval:
            return
        points = np.asarray(self._pending, dtype=np.float64)
        self._pending = []
        self._last_emit = now
        self.batchesDone.emit(self._latest, points)


TRAINING_NICENESS = 5  # how much lower than the GUI TensorFlow's compute threads run (nice levels)


def lower_tensorflow_priority() -> int:
    """Run TensorFlow's compute threads below the GUI thread, so drawing stays live while the CPU
    trains; returns how many threads were changed.

    Only TensorFlow's own threads (named ``tf_*``: its op and tf.data pools) are lowered. They do
    the arithmetic and never hold the GIL; the worker thread, which runs Keras's Python loop and
    does hold it, keeps its normal priority - lowering it would let a busy machine deschedule it
    while the GUI thread waits for the GIL. Linux only (a thread's nice value is per thread
    there); elsewhere a no-op.
    """
    if not sys.platform.startswith("linux"):
        return 0
    try:
        target = min(19, os.getpriority(os.PRIO_PROCESS, 0) + TRAINING_NICENESS)
        tids = os.listdir("/proc/self/task")
    except OSError:
        return 0
    changed = 0
    for tid in tids:
        try:
            with open(f"/proc/self/task/{tid}/comm", encoding="utf-8", errors="replace") as f:
                if not f.read().startswith("tf_"):
                    continue
            if os.getpriority(os.PRIO_PROCESS, int(tid)) < target:
                os.setpriority(os.PRIO_PROCESS, int(tid), target)
                changed += 1
        except (OSError, ValueError):
            continue  # the thread ended meanwhile
    return changed


def _describe(exc: BaseException, stage: str) -> str:
    what = {
        STAGE_DATA: "Loading the digits failed",
        STAGE_DOWNLOAD: "Downloading MNIST failed",
        STAGE_TENSORFLOW: "TensorFlow could not be started",
        STAGE_TRAINING: "Training failed",
        STAGE_EVALUATING: "Evaluating the model failed",
        STAGE_SAVING: "Training finished but the model could not be saved",
    }.get(stage, "Training failed")
    text = str(exc).strip() or type(exc).__name__
    if stage == STAGE_SAVING:
        return f"{what}: {text} Your other models are unchanged."
    return f"{what}: {text}"


class DataProbe(Worker):
    """Loads a dataset only to describe it (size and split); no TensorFlow. finished(DataSummary)."""

    def __init__(self, source: str):
        super().__init__()
        self.source = source
        self.what = f"Reading {source}"

    def work(self) -> DataSummary:
        return DataSummary.of(load_source(self.source))
