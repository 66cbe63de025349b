"""Training: fit a NetworkConfig on a Dataset with augmentation, progress events, cancel, early stop.

No Qt here: the window's worker thread and the CLI both call :class:`Trainer` and receive
:class:`Progress` events through a plain callback. TensorFlow is imported inside :meth:`run`.
The augmentation and the input pipeline are in :mod:`model.data.augment`, the events and the
Keras callbacks in :mod:`.callbacks`, the result, its card and saving it in :mod:`.results`
(both re-exported here).
"""
from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, fields

import numpy as np

from ..data.augment import augment as augment  # re-exported: tests and benchmarks call it from here
from ..data.augment import pipeline
from ..data.sources import Dataset, one_hot, stratified_split, to_inputs
from ..errors import Cancelled, ConfigError
from .callbacks import EtaClock as EtaClock
from .callbacks import Progress as Progress
from .callbacks import best_weights, reporter, schedule
from .network import NetworkConfig, build, is_number, is_whole
from .results import TrainingResult as TrainingResult
from .results import evaluate_drawn_into, evaluate_into
from .results import model_card as model_card
from .results import model_writer as model_writer
from .results import recognizer_from_keras as recognizer_from_keras
from .results import save_keras as save_keras
from .results import save_result as save_result
from .results import write_model_dir as write_model_dir
from .tf_runtime import import_tensorflow

LR_SCHEDULES = ("constant", "cosine")
# Training steps per call into TensorFlow: fewer calls cost less of Keras's Python per step.
# Progress still gets one event per batch (the group's batches are reported together) and a
# cancel takes effect at the end of the group, at most 3 batches later. Used when it divides the
# steps of an epoch, else gcd(steps, 4). (What it saves: docs/benchmarks.md.)
STEPS_PER_EXECUTION = 4
VALIDATION_BATCH = 1024


@dataclass
class TrainingConfig:
    """How to train; the defaults are the Train button's recipe, chosen by the leave-one-source-out
    protocol (tests/benchmarks/bench_families.py; the figures and how each default was chosen:
    docs/drawn-experiments.md)."""

    epochs: int = 30  # more were no better on unseen writers, for more time
    batch_size: int = 128
    # A few percent of the training digits are enough to draw the validation curves, and the
    # digits it frees help.
    validation_split: float = 0.04
    # 0: no early stopping. With the cosine schedule the last epochs are the best; stopping on a
    # few hundred validation digits stops on noise.
    patience: int = 0  # epochs without a better validation accuracy before stopping (0: never)
    seed: int = 42
    augment: bool = True
    # 0 = none, 1 = the full ranges in augment()'s docstring, 2 = strong. Below 1 the network
    # learns faster, which a 30-epoch run needs.
    augment_strength: float = 0.7
    lr_schedule: str = "cosine"  # "cosine": decay to zero over the epochs, or "constant"
    # Keep the weights of the epoch with the best validation accuracy (False: the last epoch's,
    # at the end of the cosine schedule, where the "best" on a few hundred digits is noise).
    restore_best: bool = False
    # At most this many batches in all (0: no limit): on a large dataset the run does fewer
    # epochs (never fewer than one), so the Train button takes about as long on MNIST's 60,000
    # digits + the drawn corpus as on the 10,000 shared ones. 5,000 since the drawn digits grew
    # (issue 20): as many as the 10,000 shared digits + the drawn digits of issue 11 took, so the
    # button takes as long; 6,000 read every family within its noise of 5,000 (docs/drawn-experiments.md).
    max_batches: int = 5000

    def epochs_for(self, batches_per_epoch: int) -> int:
        """The epochs a run with this many batches per epoch does: ``epochs`` within ``max_batches``."""
        if not self.max_batches:
            return self.epochs
        return max(1, min(self.epochs, math.ceil(self.max_batches / max(1, batches_per_epoch))))

    def validate(self) -> TrainingConfig:
        def whole(v, lo, hi):
            return is_whole(v) and lo <= v <= hi

        checks = [
            ("epochs", whole(self.epochs, 1, 1000), "a whole number from 1 to 1000"),
            ("batch_size", whole(self.batch_size, 1, 8192), "a whole number from 1 to 8192"),
            ("validation_split", is_number(self.validation_split) and 0.0 < self.validation_split < 0.9,
             "more than 0 and less than 0.9 (the share of the training digits kept for validation)"),
            ("patience", whole(self.patience, 0, 1000), "a whole number from 0 to 1000 (0 disables early stopping)"),
            ("seed", whole(self.seed, 0, 2**32 - 1), f"a whole number from 0 to {2**32 - 1}"),
            ("augment_strength", is_number(self.augment_strength) and 0.0 <= self.augment_strength <= 3.0,
             "a number from 0 to 3"),
            ("lr_schedule", self.lr_schedule in LR_SCHEDULES, "one of " + ", ".join(LR_SCHEDULES)),
            ("max_batches", whole(self.max_batches, 0, 10_000_000),
             "a whole number from 0 (no limit) to 10,000,000"),
        ]
        for name, ok, allowed in checks:
            if not ok:
                raise ConfigError(f"{name}: {getattr(self, name)!r} must be {allowed}.", field=name)
        return self

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict) -> TrainingConfig:
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in d.items() if k in names}).validate()


class Trainer:
    """Fits a network and reports progress; :meth:`cancel` may be called from any thread.

    ``initial_model`` (a Keras model or a path to ``model.keras``) continues training from
    existing weights, which is how personalisation fine-tunes. ``extra`` digits are added to the
    training data only (never to validation or test), e.g. rendered pen trajectories.
    ``drawn_test`` (uint8 images, labels) are drawn digits of writers the training never saw
    (e.g. :func:`model.data.drawn.training_mix`'s held-out part): the result reports accuracy on them.
    ``watch`` (uint8 images, labels) are measured after every epoch (never trained on): their
    accuracy is each "epoch" event's ``samples_accuracy`` and the history's "samples_accuracy";
    ``select(val_accuracy, samples_accuracy)`` then scores the epochs for ``restore_best``
    (default: the validation accuracy alone).
    """

    def __init__(
        self,
        data: Dataset,
        network: NetworkConfig | None = None,
        training: TrainingConfig | None = None,
        on_progress: Callable[[Progress], None] | None = None,
        *,
        extra: tuple[np.ndarray, np.ndarray] | None = None,
        drawn_test: tuple[np.ndarray, np.ndarray] | None = None,
        initial_model=None,
        watch: tuple[np.ndarray, np.ndarray] | None = None,
        select: Callable[[float, float | None], float] | None = None,
        freeze: int = 0,
    ):
        self.data = data
        self.network = (network or NetworkConfig()).validate()
        self.training = (training or TrainingConfig()).validate()
        check_trainable(data, self.training)  # here, not in run(): before TensorFlow starts
        self.on_progress = on_progress or (lambda p: None)
        self.extra = extra
        self.drawn_test = drawn_test
        self.initial_model = initial_model
        self.watch = watch if watch is not None and len(watch[1]) else None
        self.select = select
        self.freeze = freeze  # with initial_model: its first ``freeze`` Dense layers are not trained
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def run(self) -> TrainingResult:
        keras, tf = import_tensorflow()

        cfg = self.training
        start = time.perf_counter()
        keras.utils.set_random_seed(cfg.seed)
        x_tr, y_tr, x_val, y_val = stratified_split(
            self.data.x_train, self.data.y_train, cfg.validation_split, cfg.seed
        )
        # The training digits go to TensorFlow as uint8 pixels, scaled to 0..1 batch by batch in the
        # pipeline (the same float32 values): handing TensorFlow an array copies it with Python's
        # GIL held, and the float copy of ~20,000 digits stalled the window's drawing for 50-90 ms.
        parts = [x_tr] + ([self.extra[0]] if self.extra is not None and len(self.extra[0]) else [])
        pixels = all(np.asarray(p).dtype == np.uint8 for p in parts)
        x_tr = np.concatenate([np.asarray(p).reshape(len(p), -1) if pixels else to_inputs(p) for p in parts])
        y_tr = np.concatenate([one_hot(y_tr)] + ([one_hot(self.extra[1])] if len(parts) > 1 else []))
        x_val, y_val = to_inputs(x_val), one_hot(y_val)

        steps = math.ceil(len(x_tr) / cfg.batch_size)
        # Keras runs whole groups, so a group size that does not divide the epoch would add steps.
        model = self._initial_model(keras, math.gcd(steps, STEPS_PER_EXECUTION))
        dataset = pipeline(tf, x_tr, y_tr, cfg.batch_size, cfg.seed,
                           cfg.augment_strength if cfg.augment else 0.0)
        epochs = cfg.epochs_for(steps)
        reporter_ = reporter(self, keras, epochs, steps, start, math.ceil(len(x_val) / VALIDATION_BATCH))
        best = best_weights(keras, cfg.patience, self.select)
        if self.cancelled:
            raise Cancelled()
        model.fit(
            dataset,
            epochs=epochs,
            steps_per_epoch=steps,
            validation_data=(x_val, y_val),
            validation_batch_size=VALIDATION_BATCH,
            callbacks=[reporter_, best, *schedule(keras, cfg, self.network.learning_rate, epochs)],
            verbose=0,
        )
        if cfg.restore_best:
            best.restore(model)
        history = {k: [float(v) for v in vs] for k, vs in model.history.history.items()} if model.history else {}
        if reporter_.watched:
            history["samples_accuracy"] = list(reporter_.watched)
        result = TrainingResult(
            model=model,
            network=self.network,
            training=cfg,
            history=history,
            epochs_run=len(history.get("loss", [])),
            best_epoch=best.best_epoch,
            cancelled=self.cancelled,
        )
        if self.data.x_test is not None and len(self.data.x_test):
            evaluate_into(result, self.data.x_test, self.data.y_test)
        if self.drawn_test is not None and len(self.drawn_test[1]):
            evaluate_drawn_into(result, *self.drawn_test)
        result.seconds = time.perf_counter() - start
        return result

    def _initial_model(self, keras, steps_per_execution: int = 1):
        if self.initial_model is None:
            return build(self.network, steps_per_execution=steps_per_execution)
        model = self.initial_model
        if not hasattr(model, "fit"):
            model = keras.saving.load_model(model, compile=False, safe_mode=True)
        from .network import make_optimizer

        dense = [layer for layer in model.layers if isinstance(layer, keras.layers.Dense)]
        for layer in dense[:self.freeze]:
            layer.trainable = False
        model.compile(optimizer=make_optimizer(self.network), loss="categorical_crossentropy", metrics=["accuracy"],
                      steps_per_execution=steps_per_execution)
        return model


def check_trainable(data: Dataset, training: TrainingConfig) -> None:
    """DataError unless ``data`` leaves digits both to train on and to validate on after the
    validation split; cheap, so callers check it before starting TensorFlow (which takes seconds)."""
    from ..data.sources import DataError

    n = len(data.y_train)
    if n == 0:
        what = "holds test digits only" if data.test_only else "holds no training digits"
        raise DataError(f"{data.name} {what}: there is nothing to train on. Add training digits"
                        " (train-images*/train-labels* files next to the t10k-* ones) or choose"
                        " another dataset.")
    f = training.validation_split
    n_val = sum(round(f * int(c)) for c in np.bincount(np.asarray(data.y_train, np.intp), minlength=10))
    if n_val == 0 or n_val == n:  # (what stratified_split sets aside)
        need = math.ceil(0.5 / f)
        need += round(f * need) == 0  # round() halves to even
        raise DataError(
            f"{data.name} has {n} training digit{'s' if n != 1 else ''}: too few to set"
            f" {f:.0%} aside for validation and train on the rest. Use a dataset with at least"
            f" {max(need, 2)} digits of one class, or a larger validation split.")


def join_extra(parts) -> tuple[tuple[np.ndarray, np.ndarray] | None, tuple]:
    """Several sources of extra training digits, ``[((x, y) or None, what they are), ...]``, as
    one ``extra`` for a Trainer and the "what" of those that hold digits, in order; (None, ())
    when none does."""
    parts = [(xy, what) for xy, what in parts if xy is not None and len(xy[1])]
    if not parts:
        return None, ()
    x = np.concatenate([np.asarray(xy[0], np.uint8).reshape(-1, 28, 28) for xy, _ in parts])
    y = np.concatenate([np.asarray(xy[1], np.uint8) for xy, _ in parts])
    return (x, y), tuple(what for _, what in parts)
