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
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, fields

import numpy as np

from .card import DataSpec, Metrics, ModelCard
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


@dataclass
class TrainingConfig:
    # 40: `digitpad train` on the 10,000 shared digits took 28.6 s at load average 3-5 and 54.6 s at
    # 5 with another training running (early stopping ended it after 29 epochs) for 97.9% on the
    # held-out 1,000 (bench_accuracy.py); training seeds 42/1/2 gave 97.9/98.2/98.4%. All 40 epochs
    # (--patience 0) took 52.1 s at load 5-7. The previous 25 epochs took 54 s for 96.8% (load 2-3).
    epochs: int = 40
    batch_size: int = 128
    # 4% (360 of the shared 9,000 training digits) still picks the best epoch, and the digits it
    # frees help: 97.9/98.2% against 97.5/97.8% with 10% (training seeds 42/1, 40 epochs, strength
    # 0.7). It also makes their epoch 68 steps, a multiple of STEPS_PER_EXECUTION.
    validation_split: float = 0.04
    patience: int = 10  # epochs without a better validation accuracy before stopping
    seed: int = 42
    augment: bool = True
    # 0 = none, 1 = the full ranges in augment()'s docstring, 2 = strong. 0.7 learns faster than 1
    # in 40 epochs: 97.9/98.2/98.4% against 97.6/98.3/97.2% (training seeds 42/1/2, 4% validation);
    # on drawn digits 66.0/67.1/72.3% against 69.9/68.4/70.3%.
    augment_strength: float = 0.7
    lr_schedule: str = "cosine"  # "cosine": decay to zero over the epochs, or "constant"
    # Keep the weights of the epoch with the best validation accuracy (False: the last epoch's,
    # e.g. at the end of a cosine schedule, where the "best" on a few hundred digits is noise).
    restore_best: bool = True

    def validate(self) -> TrainingConfig:
        from .network import _number, _whole

        def whole(v, lo, hi):
            return _whole(v) and lo <= v <= hi

        checks = [
            ("epochs", whole(self.epochs, 1, 1000), "a whole number from 1 to 1000"),
            ("batch_size", whole(self.batch_size, 1, 8192), "a whole number from 1 to 8192"),
            ("validation_split", _number(self.validation_split) and 0.0 < self.validation_split < 0.9,
             "more than 0 and less than 0.9 (the share of the training digits kept for validation)"),
            ("patience", whole(self.patience, 0, 1000), "a whole number from 0 to 1000 (0 disables early stopping)"),
            ("seed", whole(self.seed, 0, 2**32 - 1), f"a whole number from 0 to {2**32 - 1}"),
            ("augment_strength", _number(self.augment_strength) and 0.0 <= self.augment_strength <= 3.0,
             "a number from 0 to 3"),
            ("lr_schedule", self.lr_schedule in LR_SCHEDULES, "one of " + ", ".join(LR_SCHEDULES)),
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
    """

    def __init__(
        self,
        data: Dataset,
        network: NetworkConfig | None = None,
        training: TrainingConfig | None = None,
        on_progress: Callable[[Progress], None] | None = None,
        *,
        extra: tuple[np.ndarray, np.ndarray] | None = None,
        initial_model=None,
    ):
        self.data = data
        self.network = (network or NetworkConfig()).validate()
        self.training = (training or TrainingConfig()).validate()
        check_trainable(data, self.training)  # here, not in run(): before TensorFlow starts
        self.on_progress = on_progress or (lambda p: None)
        self.extra = extra
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
        reporter = _Reporter(self, keras, cfg.epochs, steps, start)
        best = _BestWeights(keras, cfg.patience)
        if self.cancelled:
            raise Cancelled()
        model.fit(
            dataset,
            epochs=cfg.epochs,
            steps_per_epoch=steps,
            validation_data=(x_val, y_val),
            validation_batch_size=1024,
            callbacks=[reporter, best, *_schedule(keras, cfg, self.network.learning_rate)],
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


def check_trainable(data: Dataset, training: TrainingConfig) -> None:
    """DataError unless ``data`` leaves digits both to train on and to validate on after the
    validation split; cheap, so callers check it before starting TensorFlow (which takes seconds)."""
    from .data import DataError

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


def evaluate_into(result: TrainingResult, x_test: np.ndarray, y_test: np.ndarray) -> None:
    from .evaluation import evaluate

    ev = evaluate(result.recognizer, x_test, y_test)
    result.test_accuracy, result.test_loss, result.test_n = ev.accuracy, ev.loss, ev.n
    result.confusion, result.test_predictions = ev.confusion, ev.predictions


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
            num_parallel_calls=tf.data.AUTOTUNE,
            deterministic=True,
        )
    # One thread per augmentation op: its tensors are small, and splitting each op over both cores
    # cost 60% more CPU per batch (10 ms against 6 ms) for no gain in wall time.
    options = tf.data.Options()
    options.threading.max_intra_op_parallelism = 1
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


class _Reporter:
    """Keras callback that turns batches and epochs into Progress events and honours cancel."""

    def __new__(cls, trainer, keras, epochs, steps, start):
        base = keras.callbacks.Callback

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
                for b in range(self.reported + 1, batch + 2):
                    if trainer.cancelled:
                        break
                    done = (self.epoch - 1) * steps + b
                    rate = (now - self.fit_start) / done
                    trainer.on_progress(
                        Progress("batch", self.epoch, epochs, b, steps, loss, acc,
                                 elapsed=elapsed, eta=rate * (epochs * steps - done))
                    )
                    self.reported = b
                if trainer.cancelled:
                    self.model.stop_training = True

            def on_train_begin(self, logs=None):
                self.fit_start = time.perf_counter()
                self.epoch = 1
                self.reported = 0
                trainer.on_progress(Progress("start", 1, epochs, 0, steps, elapsed=self.fit_start - start))

            def on_epoch_end(self, epoch, logs=None):
                logs = logs or {}
                now = time.perf_counter()
                done = (epoch + 1) * steps
                rate = (now - self.fit_start) / done
                trainer.on_progress(
                    Progress(
                        "epoch", epoch + 1, epochs, steps, steps,
                        float(logs.get("loss", math.nan)), float(logs.get("accuracy", math.nan)),
                        _opt(logs.get("val_loss")), _opt(logs.get("val_accuracy")),
                        elapsed=now - start, eta=rate * (epochs * steps - done),
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


def _schedule(keras, cfg: TrainingConfig, lr0: float) -> list:
    if cfg.lr_schedule != "cosine":
        return []
    return [keras.callbacks.LearningRateScheduler(
        lambda epoch: lr0 * 0.5 * (1.0 + math.cos(math.pi * epoch / cfg.epochs)))]


def _first_kernel(keras, model):
    """A copy of the first Dense layer's kernel: the Inside view shows its features forming."""
    for layer in model.layers:
        if isinstance(layer, keras.layers.Dense):
            return np.array(layer.kernel.numpy(), dtype=np.float32, copy=True)
    return None


def _opt(v):
    return None if v is None else float(v)


def model_card(result: TrainingResult, *, name: str, data: DataSpec, command: str | None = None) -> ModelCard:
    """The card of a trained model: data, both configs, test metrics, history, how to reproduce."""
    import datetime

    return ModelCard(
        name=name,
        created=datetime.datetime.now().astimezone().isoformat(timespec="seconds"),
        network=result.network.to_dict(),
        training=result.training.to_dict(),
        data=data,
        metrics=Metrics(
            test_accuracy=result.test_accuracy,
            test_loss=result.test_loss,
            test_n=result.test_n,
            confusion=None if result.confusion is None else result.confusion.tolist(),
        ),
        history=result.history,
        epochs_run=result.epochs_run,
        best_epoch=result.best_epoch,
        train_seconds=round(result.seconds, 1),
        command=command or None,
    )


def _writer(result: TrainingResult):
    from .network import export_weights

    def write(folder):
        save_keras(result.model, folder / "model.keras")
        export_weights(result.model, folder / "weights.npz")

    return write


def save_result(result: TrainingResult, store, **card_args):
    """Save a finished training into ``store`` (a ModelStore) as a new model; its ModelInfo."""
    card = model_card(result, **card_args)
    return store.save(card, _writer(result), name=card.name)


def write_model_dir(target, result: TrainingResult, **card_args):
    """Save a finished training as the model directory ``target`` (``digitpad train --out``)."""
    from .saving import write_model_dir as write_dir

    return write_dir(target, model_card(result, **card_args), _writer(result))


def save_keras(model, path) -> None:
    """Save the network without optimizer state: a third of the size, and fine-tuning recompiles.

    (keras.models.clone_model keeps the optimizer's variables in Keras 3; a model rebuilt from
    its config has none.)"""

    bare = model.__class__.from_config(model.get_config())
    bare.set_weights(model.get_weights())
    bare.save(path)
