"""What a training reports while it runs: Progress events, the ETA, and the Keras callbacks that
make them (and keep the best epoch's weights, and decay the learning rate).

Keras is passed in (``keras``), never imported here: the callbacks are classes made when a training
starts, inside :meth:`model.training.trainer.Trainer.run`, after TensorFlow was imported.
"""
from __future__ import annotations

import math
import time
from dataclasses import dataclass, field

import numpy as np

from ..data.sources import to_inputs

__all__ = ["EtaClock", "Progress", "best_weights", "first_kernel", "reporter", "schedule"]


@dataclass(frozen=True)
class Progress:
    """One training event. kind: "start", "batch" (every batch) or "epoch" (with validation)."""

    kind: str
    epoch: int  # 1-based
    epochs: int
    batch: int  # 1-based within the epoch
    batches: int
    loss: float = math.nan
    accuracy: float = math.nan
    val_loss: float | None = None
    val_accuracy: float | None = None
    elapsed: float = 0.0  # seconds since fit started
    eta: float | None = None  # seconds left, assuming all epochs run
    first_layer: np.ndarray | None = field(default=None, repr=False, compare=False)  # (784, n), epochs
    # "epoch" events of a Trainer given ``watch`` digits (personalisation: the user's held-out
    # samples): the share of them read right after this epoch.
    samples_accuracy: float | None = None

    @property
    def fraction(self) -> float:
        return min(1.0, ((self.epoch - 1) * self.batches + self.batch) / max(1, self.epochs * self.batches))


class EtaClock:
    """Seconds left in a fit, estimated from what its steps have cost so far.

    The first call into TensorFlow traces the training function and fills the input pipeline,
    and the first validation traces its own function: seconds that are spent once, in epoch 1,
    and made an ETA from the plain average over a whole first epoch 20-40% too long. So the
    training rate is measured from the end of the first group of steps on, without the time
    spent validating, and each remaining validation is costed at the latest one's duration once
    a second one has run (before that, at its batches' cost at the training rate, never more
    than the first validation took).
    """

    def __init__(self, epochs: int, steps: int, val_steps: int):
        self.epochs, self.steps, self.val_steps = epochs, steps, max(0, val_steps)
        self.start_time: float | None = None
        self.warm: tuple[float, int] | None = None  # (time, steps done) after the first group
        self.validations: list[float] = []  # seconds each validation took

    def start(self, now: float) -> None:
        self.start_time = now

    def steps_done(self, now: float, done: int) -> None:
        if self.warm is None:
            self.warm = (now, done)

    def validated(self, seconds: float) -> None:
        self.validations.append(seconds)

    def eta(self, now: float, done: int) -> float:
        left = self.epochs * self.steps - done
        if self.warm is None or done <= self.warm[1]:
            return (now - self.start_time) / max(1, done) * left
        t_warm, d_warm = self.warm
        rate = max(0.0, now - t_warm - sum(self.validations)) / (done - d_warm)
        estimate = rate * self.val_steps
        if len(self.validations) >= 2:
            per_validation = self.validations[-1]
        elif self.validations:
            per_validation = min(self.validations[0], estimate)
        else:
            per_validation = estimate
        validations_left = max(0, self.epochs - len(self.validations)) if self.val_steps else 0
        return rate * left + validations_left * per_validation


class _Reporter:
    """Keras callback that turns batches and epochs into Progress events and honours cancel."""

    def __new__(cls, trainer, keras, epochs, steps, start, val_steps=1):
        base = keras.callbacks.Callback
        clock = EtaClock(epochs, steps, val_steps)
        watch = None if trainer.watch is None else (to_inputs(trainer.watch[0]), np.asarray(trainer.watch[1]))

        class Reporter(base):
            watched: list[float] = []  # accuracy on trainer.watch after each epoch (on_train_begin resets)

            def on_epoch_begin(self, epoch, logs=None):
                self.epoch = epoch + 1
                self.epoch_start = time.perf_counter()
                self.reported = 0  # batches of this epoch reported so far

            def on_train_batch_end(self, batch, logs=None):
                # With steps_per_execution > 1 Keras calls this once per group of steps, with the
                # group's last batch: report each of its batches (the logs are running means over
                # the epoch, so they hold for all of them), unless cancelled meanwhile.
                logs = logs or {}
                loss, acc = float(logs.get("loss", math.nan)), float(logs.get("accuracy", math.nan))
                now = time.perf_counter()
                elapsed = now - start
                clock.steps_done(now, (self.epoch - 1) * steps + batch + 1)
                for b in range(self.reported + 1, batch + 2):
                    if trainer.cancelled:
                        break
                    done = (self.epoch - 1) * steps + b
                    trainer.on_progress(
                        Progress("batch", self.epoch, epochs, b, steps, loss, acc,
                                 elapsed=elapsed, eta=clock.eta(now, done))
                    )
                    self.reported = b
                if trainer.cancelled:
                    self.model.stop_training = True

            def on_train_begin(self, logs=None):
                self.fit_start = time.perf_counter()
                self.watched = []
                clock.start(self.fit_start)
                self.epoch = 1
                self.reported = 0
                trainer.on_progress(Progress("start", 1, epochs, 0, steps, elapsed=self.fit_start - start))

            def on_test_begin(self, logs=None):  # fit's validation at the end of each epoch
                self.test_start = time.perf_counter()

            def on_test_end(self, logs=None):
                clock.validated(time.perf_counter() - self.test_start)

            def on_epoch_end(self, epoch, logs=None):
                logs = logs if logs is not None else {}
                samples = None
                if watch is not None:
                    predicted = np.asarray(self.model(watch[0], training=False)).argmax(axis=1)
                    samples = float(np.mean(predicted == watch[1]))
                    self.watched.append(samples)
                    logs["samples_accuracy"] = samples  # the same dict reaches _BestWeights next
                now = time.perf_counter()
                done = (epoch + 1) * steps
                trainer.on_progress(
                    Progress(
                        "epoch", epoch + 1, epochs, steps, steps,
                        float(logs.get("loss", math.nan)), float(logs.get("accuracy", math.nan)),
                        _opt(logs.get("val_loss")), _opt(logs.get("val_accuracy")),
                        elapsed=now - start, eta=clock.eta(now, done),
                        first_layer=first_kernel(keras, self.model), samples_accuracy=samples,
                    )
                )
                if trainer.cancelled:
                    self.model.stop_training = True

        return Reporter()


class _BestWeights:
    """Early stopping on validation accuracy that always restores the best epoch's weights
    (Keras's EarlyStopping restores them only when it stops early)."""

    def __new__(cls, keras, patience, select=None):
        class BestWeights(keras.callbacks.Callback):
            def on_train_begin(self, logs=None):
                self.best = -1.0
                self.best_epoch = 0
                self.weights = None
                self.wait = 0

            def on_epoch_end(self, epoch, logs=None):
                acc = (logs or {}).get("val_accuracy")
                if acc is None:
                    return
                if select is not None:
                    acc = select(float(acc), (logs or {}).get("samples_accuracy"))
                if acc > self.best:
                    self.best, self.best_epoch, self.wait = float(acc), epoch + 1, 0
                    self.weights = self.model.get_weights()
                else:
                    self.wait += 1
                    if patience and self.wait >= patience:
                        self.model.stop_training = True

            def restore(self, model):
                if self.weights is not None:
                    model.set_weights(self.weights)

        return BestWeights()


def schedule(keras, cfg, lr0: float, epochs: int) -> list:
    if cfg.lr_schedule != "cosine":
        return []
    return [keras.callbacks.LearningRateScheduler(
        lambda epoch: lr0 * 0.5 * (1.0 + math.cos(math.pi * epoch / epochs)))]


def first_kernel(keras, model):
    """A copy of the first Dense layer's kernel: the Inside view shows its features forming."""
    for layer in model.layers:
        if isinstance(layer, keras.layers.Dense):
            return np.array(layer.kernel.numpy(), dtype=np.float32, copy=True)
    return None


def _opt(v):
    return None if v is None else float(v)


def reporter(trainer, keras, epochs, steps, start, val_steps=1):
    """The Keras callback that turns a fit's batches and epochs into ``trainer``'s Progress events."""
    return _Reporter(trainer, keras, epochs, steps, start, val_steps)


def best_weights(keras, patience, select=None):
    """The Keras callback that keeps the best epoch's weights (and stops early after ``patience``)."""
    return _BestWeights(keras, patience, select)
