"""Training: fit a NetworkConfig on a Dataset with augmentation, progress events, cancel, early stop.

No Qt here: the window's worker thread and the CLI both call :class:`Trainer` and receive
:class:`Progress` events through a plain callback. TensorFlow is imported inside :meth:`run`.

Augmentation runs inside the tf.data pipeline as one fused, stateless-random TensorFlow function:
a random affine map (rotation, zoom, shear, translation) plus a smooth elastic displacement field,
applied with a single bilinear resampling, and a random stroke-thickness change (grey dilation or
erosion). Keras's preprocessing layers do the same one transform at a time; RandomElasticTransform
alone cost 24 ms per batch of 128 here (more than the whole training step), and their stateful
seeds are not reproducible across parallel tf.data calls. This one costs ~7 ms of CPU per batch
of 128 in the pipeline (the previous version 10-11 ms; tests/benchmarks/bench_augment.py prints
both), most of it TensorFlow's CPU gather (~1 ms per 100,000 indices, four of them); an epoch of
the defaults on the 10,000 shared digits costs ~1 CPU s in all.
"""
from __future__ import annotations

import math
import threading
import time
from dataclasses import asdict, dataclass, field, fields
from typing import Callable

import numpy as np

from .data import Dataset, one_hot, stratified_split, to_inputs
from .errors import Cancelled
from .network import ConfigError, NetworkConfig, build
from .recognizer import Layer, Recognizer
from .tf_runtime import import_tensorflow


LR_SCHEDULES = ("constant", "cosine")
# Training steps per call into TensorFlow: 4 saves ~15% of a plain epoch's CPU time here (Keras's
# Python per step). Progress still gets one event per batch (the group's batches are reported
# together) and a cancel takes effect at the end of the group, at most 3 batches (~30 ms) later.
# Used when it divides the steps of an epoch (the defaults give 68 on the shared digits), else
# gcd(steps, 4).
STEPS_PER_EXECUTION = 4
VALIDATION_BATCH = 1024


@dataclass
class TrainingConfig:
    """How to train; the defaults are the Train button's recipe (docs/drawn-experiments.md: every
    figure there is on MNIST's held-out 1,000 digits and on drawn digits of writers never trained
    on). With the drawn corpus (model.drawn.training_mix, on by default) and the 512-256 network
    these defaults give 98.4-98.6% on held-out MNIST and 96.3-96.5% / 98.9-99.0% on the tuning
    writers / check labs (training seeds 42 / 1)."""

    # 30 of 21,000 digits (the 10,000 shared ones + the drawn corpus twice): 40 epochs were no
    # better (tuning writers 96.30/96.75% against 96.30/96.49%, seeds 42/1) for a third more time.
    epochs: int = 30
    batch_size: int = 128
    # 4% (360 of the shared 9,000 training digits) is enough to draw the validation curves, and
    # the digits it frees help: 97.9/98.2% against 97.5/97.8% with 10% (MNIST only, seeds 42/1).
    validation_split: float = 0.04
    # 0: no early stopping. With the cosine schedule the last epochs are the best; stopping on a
    # few hundred validation digits cost 0.6-0.8 points on drawn digits and 0.8 on MNIST.
    patience: int = 0  # epochs without a better validation accuracy before stopping (0: never)
    seed: int = 42
    augment: bool = True
    # 0 = none, 1 = the full ranges in augment()'s docstring, 2 = strong. 0.7 learns faster than 1
    # in 40 epochs: 97.9/98.2/98.4% against 97.6/98.3/97.2% (MNIST only, seeds 42/1/2).
    augment_strength: float = 0.7
    lr_schedule: str = "cosine"  # "cosine": decay to zero over the epochs, or "constant"
    # Keep the weights of the epoch with the best validation accuracy (False: the last epoch's,
    # at the end of the cosine schedule, where the "best" on a few hundred digits is noise).
    restore_best: bool = False
    # At most this many batches in all (0: no limit): on a large dataset the run does fewer
    # epochs (never fewer than one), so the Train button takes about as long on MNIST's 60,000
    # digits + the drawn corpus (11 epochs of 549 batches) as on the 10,000 shared ones (all 30
    # epochs of 166-174 batches, with or without a test split carved out of them).
    max_batches: int = 6000

    def epochs_for(self, batches_per_epoch: int) -> int:
        """The epochs a run with this many batches per epoch does: ``epochs`` within ``max_batches``."""
        if not self.max_batches:
            return self.epochs
        return max(1, min(self.epochs, math.ceil(self.max_batches / max(1, batches_per_epoch))))

    def validate(self) -> "TrainingConfig":
        checks = [
            ("epochs", 1 <= self.epochs <= 1000, "1..1000"),
            ("batch_size", 1 <= self.batch_size <= 8192, "1..8192"),
            ("validation_split", 0.0 < self.validation_split < 0.9, "between 0 and 0.9"),
            ("patience", 0 <= self.patience <= 1000, "0..1000 (0 disables early stopping)"),
            ("augment_strength", 0.0 <= self.augment_strength <= 3.0, "0..3"),
            ("max_batches", 0 <= self.max_batches <= 10_000_000, "0 (no limit)..10,000,000"),
        ]
        checks.append(("lr_schedule", self.lr_schedule in LR_SCHEDULES, " / ".join(LR_SCHEDULES)))
        for name, ok, allowed in checks:
            if not ok:
                raise ConfigError(f"{name}: {getattr(self, name)!r} is outside {allowed}.")
        return self

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict) -> "TrainingConfig":
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in d.items() if k in names}).validate()


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

    @property
    def fraction(self) -> float:
        return min(1.0, ((self.epoch - 1) * self.batches + self.batch) / max(1, self.epochs * self.batches))


@dataclass
class TrainingResult:
    model: object  # the Keras model, best weights restored
    network: NetworkConfig
    training: TrainingConfig
    history: dict[str, list[float]] = field(default_factory=dict)
    test_accuracy: float | None = None
    test_loss: float | None = None
    test_n: int = 0
    confusion: np.ndarray | None = None  # (10, 10) rows = true digit, columns = predicted
    test_predictions: np.ndarray | None = None  # (test_n,) predicted digits, in test order
    # On held-out drawn digits (the shipped corpus's check labs: writers never trained on), when
    # the Trainer was given them: what the app's one job, reading drawings, will look like.
    drawn_accuracy: float | None = None
    drawn_loss: float | None = None
    drawn_n: int = 0
    drawn_confusion: np.ndarray | None = None  # (10, 10) rows = true digit, columns = predicted
    epochs_run: int = 0
    best_epoch: int = 0
    cancelled: bool = False
    seconds: float = 0.0

    @property
    def recognizer(self) -> Recognizer:
        return recognizer_from_keras(self.model)


class Trainer:
    """Fits a network and reports progress; :meth:`cancel` may be called from any thread.

    ``initial_model`` (a Keras model or a path to ``model.keras``) continues training from
    existing weights, which is how personalisation fine-tunes. ``extra`` digits are added to the
    training data only (never to validation or test), e.g. rendered pen trajectories.
    ``drawn_test`` (uint8 images, labels) are drawn digits of writers the training never saw
    (e.g. :func:`model.drawn.training_mix`'s held-out part): the result reports accuracy on them.
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
    ):
        self.data = data
        self.network = (network or NetworkConfig()).validate()
        self.training = (training or TrainingConfig()).validate()
        self.on_progress = on_progress or (lambda p: None)
        self.extra = extra
        self.drawn_test = drawn_test
        self.initial_model = initial_model
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
        x_tr, y_tr = to_inputs(x_tr), one_hot(y_tr)
        if self.extra is not None and len(self.extra[0]):
            x_tr = np.concatenate([x_tr, to_inputs(self.extra[0])])
            y_tr = np.concatenate([y_tr, one_hot(self.extra[1])])
        x_val, y_val = to_inputs(x_val), one_hot(y_val)

        steps = math.ceil(len(x_tr) / cfg.batch_size)
        # Keras runs whole groups, so a group size that does not divide the epoch would add steps.
        model = self._initial_model(keras, math.gcd(steps, STEPS_PER_EXECUTION))
        dataset = _pipeline(tf, x_tr, y_tr, cfg, steps)
        epochs = cfg.epochs_for(steps)
        reporter = _Reporter(self, keras, epochs, steps, start, math.ceil(len(x_val) / VALIDATION_BATCH))
        best = _BestWeights(keras, cfg.patience)
        if self.cancelled:
            raise Cancelled()
        model.fit(
            dataset,
            epochs=epochs,
            steps_per_epoch=steps,
            validation_data=(x_val, y_val),
            validation_batch_size=VALIDATION_BATCH,
            callbacks=[reporter, best, *_schedule(keras, cfg, self.network.learning_rate, epochs)],
            verbose=0,
        )
        if cfg.restore_best:
            best.restore(model)
        history = {k: [float(v) for v in vs] for k, vs in model.history.history.items()} if model.history else {}
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

        model.compile(optimizer=make_optimizer(self.network), loss="categorical_crossentropy", metrics=["accuracy"],
                      steps_per_execution=steps_per_execution)
        return model


def evaluate_into(result: TrainingResult, x_test: np.ndarray, y_test: np.ndarray) -> None:
    from .evaluation import evaluate

    ev = evaluate(result.recognizer, x_test, y_test)
    result.test_accuracy, result.test_loss, result.test_n = ev.accuracy, ev.loss, ev.n
    result.confusion, result.test_predictions = ev.confusion, ev.predictions


def join_extra(parts) -> tuple[tuple[np.ndarray, np.ndarray] | None, str | None]:
    """Several sources of extra training digits, ``[((x, y) or None, name or None), ...]``, as one
    ``extra`` for a Trainer and one description ("a + b"); (None, None) when there are none."""
    parts = [(xy, name) for xy, name in parts if xy is not None and len(xy[1])]
    if not parts:
        return None, None
    x = np.concatenate([np.asarray(xy[0], np.uint8).reshape(-1, 28, 28) for xy, _ in parts])
    y = np.concatenate([np.asarray(xy[1], np.uint8) for xy, _ in parts])
    return (x, y), " + ".join(name for _, name in parts if name)


def evaluate_drawn_into(result: TrainingResult, x: np.ndarray, y: np.ndarray) -> None:
    """Fill the result's drawn_* fields from held-out drawn digits (uint8 (n, 28, 28), labels)."""
    from .evaluation import evaluate

    ev = evaluate(result.recognizer, x, y)
    result.drawn_accuracy, result.drawn_loss, result.drawn_n = ev.accuracy, ev.loss, ev.n
    result.drawn_confusion = ev.confusion


def recognizer_from_keras(model) -> Recognizer:
    """The NumPy Recognizer for an in-memory Keras model (what weights.npz would give)."""
    import keras

    from .network import ELU_ALPHA, LEAKY_SLOPE

    layers = []
    for layer in model.layers:
        if isinstance(layer, keras.layers.Dense):
            k, b = layer.get_weights()
            name = layer.activation.__name__
            param = LEAKY_SLOPE if name == "leaky_relu" else ELU_ALPHA if name == "elu" else 0.0
            layers.append(Layer(k.astype(np.float32), b.astype(np.float32), name, param))
    return Recognizer(layers)


def _pipeline(tf, x, y, cfg: TrainingConfig, steps: int):
    """Shuffled, batched, augmented batches for all epochs (one stream, so every batch of every
    epoch gets fresh, seed-determined augmentation)."""
    ds = tf.data.Dataset.from_tensor_slices((x, y))
    ds = ds.shuffle(len(x), seed=cfg.seed, reshuffle_each_iteration=True).batch(cfg.batch_size).repeat()
    if cfg.augment and cfg.augment_strength > 0:
        strength = float(cfg.augment_strength)
        seed = int(cfg.seed)
        ds = tf.data.Dataset.zip((ds, tf.data.Dataset.counter()))
        ds = ds.map(
            lambda xy, i: (augment(tf, xy[0], tf.stack([tf.constant(seed, tf.int64), i]), strength), xy[1]),
            num_parallel_calls=2,
            deterministic=True,
        )
    # One thread per augmentation op: its tensors are small, and splitting each op over both cores
    # cost 60% more CPU per batch (10 ms against 6 ms) for no gain in wall time.
    options = tf.data.Options()
    options.threading.max_intra_op_parallelism = 1
    # No autotuning (two parallel augmentations and a fixed prefetch are what it chose on 2 cores
    # anyway): its optimisation thread sleeps for up to a minute between rounds, and destroying
    # the pipeline at the end of fit waited for it, which added 36 s of idle time to 4 of 6
    # 40-epoch runs here (bench_train_time.py prints that wait as "from the last epoch's end").
    options.autotune.enabled = False
    return ds.prefetch(4).with_options(options)


def augment(tf, x, seed, strength: float = 1.0):
    """Randomly distort a batch of flattened 28x28 digits (float 0..1); deterministic for a seed.

    Per digit: rotation +-12 deg, zoom +-12 % per axis, shear +-0.2, translation +-1.5 px, an
    elastic field of +-1.2 px smoothed over ~7 px, and stroke thickness from eroded to dilated,
    all scaled by ``strength``.
    """
    s = strength
    b = tf.shape(x)[0]
    seeds = tf.random.experimental.stateless_split(tf.cast(seed, tf.int64), num=8)

    def uni(k, lo, hi, shape=None):
        return tf.random.stateless_uniform(shape if shape is not None else (b,), seeds[k], lo, hi)

    img = tf.reshape(x, (b, 28, 28))
    # Stroke thickness: blend towards a 3x3 grey dilation (thicker) or erosion (thinner).
    t = uni(0, -0.7 * s, 0.9 * s)[:, None, None]
    dil, ero = _dilate_erode(tf, img)
    img = img + tf.nn.relu(t) * (dil - img) + tf.nn.relu(-t) * (ero - img)
    img = tf.clip_by_value(img, 0.0, 1.0)

    # Inverse affine map (output pixel -> source pixel) around the centre (13.5, 13.5).
    ang = uni(1, -0.21 * s, 0.21 * s)
    zx = tf.exp(uni(2, -0.12 * s, 0.12 * s))
    zy = tf.exp(uni(3, -0.12 * s, 0.12 * s))
    sh = uni(4, -0.2 * s, 0.2 * s)
    tr = uni(5, -1.5 * s, 1.5 * s, (b, 2))
    c, sn = tf.cos(ang), tf.sin(ang)
    # Forward M = R @ Shear @ Zoom; the sampling uses its inverse.
    m00, m01 = c * zx, (c * sh - sn) * zy
    m10, m11 = sn * zx, (sn * sh + c) * zy
    det = m00 * m11 - m01 * m10
    i00, i01, i10, i11 = m11 / det, -m01 / det, -m10 / det, m00 / det

    grid = tf.range(28, dtype=tf.float32) - 13.5
    gy, gx = tf.meshgrid(grid, grid, indexing="ij")  # (28, 28)
    px = gx[None] - tr[:, 0, None, None]
    py = gy[None] - tr[:, 1, None, None]
    sx = i00[:, None, None] * px + i01[:, None, None] * py + 13.5
    sy = i10[:, None, None] * px + i11[:, None, None] * py + 13.5
    # Elastic: a 4x4 field of random displacements, smoothly upsampled to 28x28 (bicubic, as
    # tf.image.resize does it, but as one small matrix product: 14x cheaper).
    coarse = tf.random.stateless_normal((b, 4, 4, 2), seeds[6]) * (0.8 * s)
    flow = tf.einsum("yi,bijc,xj->bcyx", _upsampling(tf), coarse, _upsampling(tf))
    out = _bilinear(tf, img, sx + flow[:, 0], sy + flow[:, 1])
    return tf.reshape(out, (b, 784))


_UPSAMPLING = None


def _upsampling(tf):
    """The (28, 4) matrix of tf.image.resize's bicubic 4 -> 28 upsampling along one axis (it is
    separable, so resizing a 4x4 field F is U @ F @ U.T)."""
    global _UPSAMPLING
    if _UPSAMPLING is None:
        with tf.init_scope():  # a constant, computed eagerly even while a tf.function traces
            basis = tf.eye(4)[:, :, None, None]  # 4 one-hot columns of height 4
            _UPSAMPLING = tf.image.resize(basis, (28, 1), method="bicubic")[:, :, 0, 0].numpy().T
    return tf.constant(_UPSAMPLING)


def _dilate_erode(tf, img):
    """3x3 grey dilation and erosion of (b, 28, 28) as maxima/minima of shifted copies, one axis
    at a time (TensorFlow's CPU max_pool2d with stride 1 and one channel is 10x slower)."""
    def filt(f, fill):
        p = tf.pad(img, [[0, 0], [1, 1], [1, 1]], constant_values=fill)
        rows = f(f(p[:, :, :-2], p[:, :, 1:-1]), p[:, :, 2:])
        return f(f(rows[:, :-2], rows[:, 1:-1]), rows[:, 2:])

    return filt(tf.maximum, 0.0), filt(tf.minimum, 1.0)


def _bilinear(tf, img, sx, sy):
    """Sample img (b, 28, 28) at float coords (b, 28, 28); outside the image is black."""
    b = tf.shape(img)[0]
    padded = tf.pad(img, [[0, 0], [1, 1], [1, 1]])  # a black border so clamped reads are 0
    sx = tf.clip_by_value(sx + 1.0, 0.0, 29.0)
    sy = tf.clip_by_value(sy + 1.0, 0.0, 29.0)
    x0, y0 = tf.floor(sx), tf.floor(sy)
    wx, wy = sx - x0, sy - y0
    x0 = tf.cast(x0, tf.int32)
    y0 = tf.cast(y0, tf.int32)
    x1, y1 = tf.minimum(x0 + 1, 29), tf.minimum(y0 + 1, 29)
    flat = tf.reshape(padded, (-1,))
    base = (tf.range(b) * (30 * 30))[:, None, None]

    def at(yy, xx):  # one flat gather: 20% faster than gather(batch_dims=1)
        return tf.gather(flat, base + yy * 30 + xx)

    a00, a01, a10, a11 = at(y0, x0), at(y0, x1), at(y1, x0), at(y1, x1)
    top = a00 + wx * (a01 - a00)
    bottom = a10 + wx * (a11 - a10)
    return top + wy * (bottom - top)


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

        class Reporter(base):
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
                clock.start(self.fit_start)
                self.epoch = 1
                self.reported = 0
                trainer.on_progress(Progress("start", 1, epochs, 0, steps, elapsed=self.fit_start - start))

            def on_test_begin(self, logs=None):  # fit's validation at the end of each epoch
                self.test_start = time.perf_counter()

            def on_test_end(self, logs=None):
                clock.validated(time.perf_counter() - self.test_start)

            def on_epoch_end(self, epoch, logs=None):
                logs = logs or {}
                now = time.perf_counter()
                done = (epoch + 1) * steps
                trainer.on_progress(
                    Progress(
                        "epoch", epoch + 1, epochs, steps, steps,
                        float(logs.get("loss", math.nan)), float(logs.get("accuracy", math.nan)),
                        _opt(logs.get("val_loss")), _opt(logs.get("val_accuracy")),
                        elapsed=now - start, eta=clock.eta(now, done),
                        first_layer=_first_kernel(keras, self.model),
                    )
                )
                if trainer.cancelled:
                    self.model.stop_training = True

        return Reporter()


class _BestWeights:
    """Early stopping on validation accuracy that always restores the best epoch's weights
    (Keras's EarlyStopping restores them only when it stops early)."""

    def __new__(cls, keras, patience):
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


def _schedule(keras, cfg: TrainingConfig, lr0: float, epochs: int) -> list:
    if cfg.lr_schedule != "cosine":
        return []
    return [keras.callbacks.LearningRateScheduler(
        lambda epoch: lr0 * 0.5 * (1.0 + math.cos(math.pi * epoch / epochs)))]


def _first_kernel(keras, model):
    """A copy of the first Dense layer's kernel: the Inside view shows its features forming."""
    for layer in model.layers:
        if isinstance(layer, keras.layers.Dense):
            return np.array(layer.kernel.numpy(), dtype=np.float32, copy=True)
    return None


def _opt(v):
    return None if v is None else float(v)


def model_card(result: TrainingResult, *, name: str, data_name: str, command: str | None = None,
               extra_name: str | None = None) -> dict:
    """The card of a trained model: data, both configs, test metrics, history, how to reproduce."""
    import datetime

    card = {
        "name": name,
        "created": datetime.datetime.now().astimezone().isoformat(timespec="seconds"),
        "network": result.network.to_dict(),
        "training": result.training.to_dict(),
        "data": {"source": data_name, "extra": extra_name},
        "metrics": {
            "test_accuracy": result.test_accuracy,
            "test_loss": result.test_loss,
            "test_n": result.test_n,
            "confusion": None if result.confusion is None else result.confusion.tolist(),
        },
        "history": result.history,
        "epochs_run": result.epochs_run,
        "best_epoch": result.best_epoch,
        "train_seconds": round(result.seconds, 1),
    }
    if command:
        card["command"] = command
    return card


def _writer(result: TrainingResult):
    from .network import export_weights

    def write(folder):
        save_keras(result.model, folder / "model.keras")
        export_weights(result.model, folder / "weights.npz")

    return write


def save_result(result: TrainingResult, store, **card_args):
    """Save a finished training into ``store`` (a ModelStore) as a new model; its ModelInfo."""
    card = model_card(result, **card_args)
    return store.save(card, _writer(result), name=card["name"])


def write_model_dir(target, result: TrainingResult, **card_args):
    """Save a finished training as the model directory ``target`` (``digitpad train --out``)."""
    from .store import write_model_dir as write_dir

    return write_dir(target, model_card(result, **card_args), _writer(result))


def save_keras(model, path) -> None:
    """Save the network without optimizer state: a third of the size, and fine-tuning recompiles.

    (keras.models.clone_model keeps the optimizer's variables in Keras 3; a model rebuilt from
    its config has none.)"""
    import keras

    bare = model.__class__.from_config(model.get_config())
    bare.set_weights(model.get_weights())
    bare.save(path)