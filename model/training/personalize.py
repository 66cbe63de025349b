"""Personalisation: fine-tune a model on the user's own samples and measure what it gained.

The recipe (:class:`Recipe`; tuned on tests/benchmarks/bench_personalize.py: people whose
distinctive styles the model misreads, judged on their other drawings):

1. The samples are split per digit into a fine-tune part and a held-out part (``holdout_fraction``
   of each digit, but at least one sample of every digit stays for fine-tuning).
2. The model is measured BEFORE on the held-out samples and on its base data's test split.
3. It is fine-tuned FROM its ``model.keras`` on the fine-tune samples, repeated so they make up
   20 % of every epoch, mixed with its base training digits and the extra digits its card names
   (e.g. the drawn digits), in the proportion it was trained with, so it does not forget them;
   with the Trainer's usual augmentation, half the learning rate it was trained with, 4 epochs.
   After every epoch the held-out samples are read (``samples_accuracy``, live in the window);
   the epoch kept is the one with the best base validation accuracy + held-out samples accuracy.
   The held-out samples measure it AFTER: those are the figures reported, per digit too.
4. Refit: the same fine-tuning again, from the original, on ALL the samples, for the epochs step
   3 kept; this is the model saved (as "<name> + my handwriting", its card recording the figures
   under ``"personalization"``). Its base accuracy is measured again; the samples figures stay
   step 3's, since this model has seen every sample.

Without base data (``base=None`` and the card's data source cannot be loaded), it fine-tunes on
the samples alone and says so in :attr:`PersonalizeResult.notes`; the model may then forget.

No Qt here and TensorFlow is imported only by the Trainer. :class:`Personalizer` can be cancelled
from any thread (``digitpad personalize`` runs it; the window runs that command in a child process);
:func:`personalize` is the one-call form. Which base data is mixed in is
:mod:`model.training.base_data`'s job.
"""
from __future__ import annotations

import dataclasses
import math
import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from ..data.sources import Dataset
from ..errors import Cancelled, ConfigError
from ..recognizer import Recognizer
from ..samples.store import SampleError, SampleStore
from ..store.card import DataSpec, ExtraData
from ..store.learnt_from import main_data
from ..store.models import ModelInfo, ModelStore
from .base_data import (
    BaseData,
    base_mix,
    drawn_base,
    drawn_extra,
    load_base,
    load_card_base,
    load_extra,
    mnist_missing,
    pen_extra,
    resolve_base,
)

__all__ = [  # with the base data's helpers, which tests and benchmarks know from here
    "Recipe", "PersonalizeResult", "Personalizer", "personalize", "split_samples", "blend_weights", "SUFFIX",
    "MIN_SAMPLES", "drawn_base", "drawn_extra", "load_base", "load_card_base", "load_extra", "mnist_missing",
    "pen_extra",
]

SUFFIX = " + my handwriting"
MIN_SAMPLES = 5


@dataclass
class Recipe:
    """How the fine-tuning is done. The defaults were chosen with tests/benchmarks/bench_personalize.py
    (12 UNIPEN writers, each with a style the model misreads, a stand-in for the shipped default
    that never saw them; docs/benchmarks.md): against the previous recipe (10,000 base digits,
    15 % samples, blend 0.7, no refit), errors on the people's other drawings 171 -> 20 instead
    of 171 -> 50, MNIST -0.05 instead of -0.31 points. Refitting on all the samples and keeping
    all of the fine-tuning (blend 1) gave most of it; all the base digits (up to 40,000) kept
    MNIST; a lower learning rate, heavier augmentation of the samples or freezing the first layer
    did worse or no better."""

    epochs: int = 4
    lr_factor: float = 0.5  # times the learning rate the model was trained with
    base_digits: int = 40_000  # base training digits (and extra digits) mixed into every epoch
    sample_share: float = 0.2  # fraction of each epoch that is the user's (repeated) samples
    max_repeats: int = 40  # never repeat one sample more than this per epoch
    augment_strength: float = 1.0
    batch_size: int = 128
    validation_split: float = 0.1  # of the base digits: the epoch that kept them best is saved
    # Weight-space ensembling (WiSE-FT, Wortsman et al. 2022): the saved weights are
    # blend * fine-tuned + (1 - blend) * original. It protected MNIST when only 10,000 base
    # digits were mixed in; with all of them it only halves what is learnt (0.85: 30 errors
    # left instead of 20 with the same MNIST), so the fine-tuned weights are kept whole.
    blend: float = 1.0
    optimizer: str | None = None  # None: the one the model was trained with
    learning_rate: float | None = None  # overrides lr_factor
    # The epoch kept (restore_best) scores val_accuracy + samples_weight * accuracy on the user's
    # held-out samples (0: the base digits alone decide).
    samples_weight: float = 1.0
    # Decays to zero over each fine-tuning pass (what every run above used); "constant" kept the
    # learning rate up to the end: 18 errors left instead of 14, MNIST -0.20 instead of -0.09.
    lr_schedule: str = "cosine"
    freeze: int = 0  # the first ``freeze`` Dense layers keep their weights
    # Then fine-tune again, from the original, on ALL the samples (the held-out ones too) for the
    # epochs step 1 kept: with 10 of a digit the 3 held out are a third more of the style.
    refit: bool = True

    def to_dict(self) -> dict:
        return dataclasses.asdict(self)

    def validate(self) -> Recipe:
        """This recipe, or ConfigError (field "recipe") naming the setting that is out of range."""
        from .network import OPTIMIZERS
        from .trainer import LR_SCHEDULES

        for name, (kind, lo, hi) in RECIPE_RANGES.items():
            v = getattr(self, name)
            if not (isinstance(v, (int, kind)) and not isinstance(v, bool) and math.isfinite(v) and lo <= v <= hi
                    or v is None and name == "learning_rate"):
                what = "a whole number" if kind is int else "a number"
                raise ConfigError(f"recipe: {name} must be {what} from {lo:g} to {hi:g}, not {v!r}.", field="recipe")
        choices = (("optimizer", (None, *OPTIMIZERS)), ("lr_schedule", LR_SCHEDULES), ("refit", (True, False)))
        for name, allowed in choices:
            v = getattr(self, name)
            if v not in allowed or (name == "refit" and not isinstance(v, bool)):
                shown = ", ".join("null" if a is None else str(a).lower() for a in allowed)
                raise ConfigError(f"recipe: {name} must be one of {shown}, not {v!r}.", field="recipe")
        return self


# What a recipe's numbers may be: (int or float, lowest, highest).
RECIPE_RANGES = {"epochs": (int, 1, 200), "lr_factor": (float, 1e-6, 100), "base_digits": (int, 0, 10_000_000),
                 "sample_share": (float, 0.01, 0.99), "max_repeats": (int, 1, 10_000),
                 "augment_strength": (float, 0, 3), "batch_size": (int, 1, 8192),
                 "validation_split": (float, 0.01, 0.89), "blend": (float, 0, 1), "learning_rate": (float, 1e-6, 10),
                 "samples_weight": (float, 0, 100), "freeze": (int, 0, 16)}


@dataclass
class PersonalizeResult:
    before: dict  # {"samples": accuracy on the held-out samples | None, "base": base test accuracy | None}
    after: dict
    model_id: str
    model_dir: Path
    seconds: float  # fine-tuning wall time (loading TensorFlow included), what the target measures
    n_finetune: int
    n_heldout: int
    base_model: str  # the name of the model it started from
    data_name: str | None  # the base data it was mixed with, None when fine-tuned on samples only
    info: ModelInfo | None = None
    notes: list[str] = field(default_factory=list)
    history: dict = field(default_factory=dict)  # per epoch: "val_accuracy" (base), "samples_accuracy", ...
    # On the held-out samples, digit by digit: {"before": [[right, n] for 0..9], "after": [...]}.
    per_digit: dict = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.model_dir = Path(self.model_dir)  # also when read back from an event (a string there)


class Personalizer:
    """One personalisation run. ``run()`` in a worker thread, ``cancel()`` from any thread;
    a cancelled run raises :class:`model.errors.Cancelled` and saves nothing."""

    def __init__(self, store: ModelStore, samples: SampleStore, *, model_id: str | os.PathLike | None = None,
                 base: Dataset | str | os.PathLike | None = None, holdout_fraction: float = 0.3, seed: int = 42,
                 epochs: int | None = None, recipe: Recipe | None = None,
                 on_progress: Callable | None = None, trainer_hook: Callable | None = None,
                 out: str | os.PathLike | None = None, name: str | None = None, download: bool = False,
                 on_status: Callable[[str], None] | None = None):
        if not 0.0 <= holdout_fraction < 1.0:
            raise ValueError(f"holdout_fraction must be in [0, 1), not {holdout_fraction}")
        self.store, self.samples = store, samples
        self.model_id, self.base, self.holdout_fraction, self.seed = model_id, base, holdout_fraction, seed
        self.recipe = dataclasses.replace(recipe or Recipe(), **({"epochs": epochs} if epochs else {})).validate()
        self.on_progress, self.trainer_hook = on_progress, trainer_hook
        self.out, self.name = out, name
        # download: when its card's MNIST files are missing and Keras has no copy, download MNIST
        # (11 MB, once) to mix in; on_status(text) hears about that step.
        self.download, self.on_status = download, on_status
        self.trainer = None
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()
        if self.trainer is not None:
            self.trainer.cancel()

    def _check(self) -> None:
        if self._cancel.is_set():
            raise Cancelled()

    def run(self) -> PersonalizeResult:
        """Steps 1-4 of the module docstring; the new model is saved (or written to ``out``)."""
        r = self.recipe
        chosen = self.store.choose(self.model_id)
        info = chosen.info
        notes = [chosen.fallback_reason] if chosen.fallback_reason else []
        keras_path = info.keras_path("fine-tuned")
        original = Recognizer.load(info.path)
        ids, x, y = self.samples.table()
        tune, held = self._split(y, notes)  # step 1
        self._check()
        base = resolve_base(self.base, info.card, seed=self.seed, download=self.download, on_status=self.on_status)
        notes += base.notes
        self._check()
        watch = (x[held], y[held]) if len(held) else None
        before, digits_before = _measure(original, watch, base), _by_digit(original, watch)  # step 2
        self._check()
        job = _FineTune(self, info, keras_path, base, original)
        start = time.perf_counter()
        refit = r.refit and len(held) > 0
        total = r.epochs * (2 if refit else 1)
        # Step 3: fine-tune on the fine-tuning part, reading the held-out samples every epoch: the
        # epoch kept is chosen with them, and they say honestly what it learnt.
        result, repeats = job.fit(x[tune], y[tune], r.epochs, watch, _Renumbered(self.on_progress, 0, total))
        after, digits_after = _measure(result.recognizer, watch, base), _by_digit(result.recognizer, watch)
        history, trained = dict(result.history), tune
        kept = max(1, result.best_epoch or r.epochs)  # the epochs step 3 kept
        if refit:
            # Step 4: the same again on ALL the samples for as many epochs as step 3 kept: with 10
            # of a digit, the 3 held out are a third more of the person's style to learn from. The
            # samples figures stay step 3's (this model has seen every sample).
            self._check()
            result, repeats = job.fit(x, y, kept, None, _Renumbered(self.on_progress, r.epochs, r.epochs + kept),
                                      restore_best=False)
            trained = np.arange(len(y))
            for key, values in result.history.items():
                history[key] = history.get(key, []) + list(values)
        seconds = time.perf_counter() - start
        if base.has_test:
            from .trainer import evaluate_into

            evaluate_into(result, base.data.x_test, base.data.y_test)
            after["base"] = result.test_accuracy
        self._check()
        personalization = {
            "base_model": {"id": info.id, "name": info.name, "path": str(info.path)},
            "samples": int(len(y)), "n_finetune": int(len(tune)), "n_heldout": int(len(held)),
            "heldout_ids": [int(i) for i in ids[held]], "finetune_ids": [int(i) for i in ids[trained]],
            "refit": bool(refit), "epochs_kept": int(kept),
            "holdout_fraction": self.holdout_fraction, "seed": self.seed, "repeats": repeats,
            "recipe": r.to_dict(),
            "before": before, "after": after, "seconds": round(seconds, 1), "notes": notes,
            "per_digit": {"before": digits_before, "after": digits_after},
        }
        saved = self._save(result, info, base, personalization, n_trained=len(trained), repeats=repeats)
        return PersonalizeResult(
            before=before, after=after, model_id=saved.id, model_dir=saved.path, seconds=seconds,
            n_finetune=int(len(tune)), n_heldout=int(len(held)), base_model=info.name,
            data_name=main_data(base.spec) if base.data is not None else None, info=saved, notes=notes,
            history=history, per_digit={"before": digits_before, "after": digits_after},
        )

    def _split(self, y: np.ndarray, notes: list[str]) -> tuple[np.ndarray, np.ndarray]:
        """Step 1: (fine-tune, held-out) indices of the samples; notes on what they leave out."""
        if len(y) < MIN_SAMPLES:
            raise SampleError(f"Personalising needs at least {MIN_SAMPLES} samples (ideally 10 or more of "
                              f"each digit); there are {len(y)}. Draw digits and label them first.")
        tune, held = split_samples(y, self.holdout_fraction, self.seed)
        missing = [d for d in range(10) if not (y == d).any()]
        if missing:
            notes.append(f"No samples of {', '.join(map(str, missing))}: those digits are not personalised.")
        if not len(held):
            notes.append("Too few samples to hold any out, so the gain on your handwriting is not measured; "
                         "add at least two samples of a digit.")
        return tune, held

    def _save(self, result, info: ModelInfo, base: BaseData, personalization: dict, *, n_trained: int,
              repeats: int) -> ModelInfo:
        """The new model, as "<name> + my handwriting", its card recording the personalisation."""
        from .trainer import model_card, model_writer

        name = self.name or _name(info.name)
        mine = ExtraData(kind="samples", name=f"{n_trained} of your samples x{repeats}", n=int(n_trained) * repeats)
        if base.data is not None:
            kept = tuple(e for e in base.spec.extras if e.kind != "samples")  # what the base mix holds
            data_spec = dataclasses.replace(base.spec, extras=(*kept, mine))
        else:
            data_spec = DataSpec(name="your samples only", extras=(mine,))
        card = model_card(result, name=name, data=data_spec)
        card.personalization = personalization
        if self.out is not None:
            from ..store.saving import write_model_dir

            return write_model_dir(self.out, card, model_writer(result.model))
        return self.store.save(card, model_writer(result.model), name=name)


class _FineTune:
    """Fine-tunes a model from its ``model.keras`` on samples (repeated) mixed with its base data."""

    def __init__(self, job: Personalizer, info: ModelInfo, keras_path: Path, base: BaseData, original):
        from .network import NetworkConfig

        r = self.recipe = job.recipe
        self.job, self.keras_path, self.base, self.original = job, keras_path, base, original
        network = NetworkConfig.from_dict(info.card.network)
        network.learning_rate = r.learning_rate or max(1e-6, network.learning_rate * r.lr_factor)
        network.optimizer = r.optimizer or network.optimizer
        self.network = network.validate()
        self.xb, self.yb = base_mix(base, r.base_digits, job.seed)

    def repeats(self, n_samples: int) -> int:
        """Copies of each sample so that they are ``sample_share`` of an epoch."""
        r = self.recipe
        if self.base.data is None:
            return int(np.clip(round(2000 / n_samples), 1, r.max_repeats))
        return int(np.clip(round(r.sample_share / (1 - r.sample_share) * len(self.yb) * (1 - r.validation_split)
                                 / n_samples), 1, r.max_repeats))

    def fit(self, xs, ys, epochs: int, watch, progress, restore_best: bool = True):
        """(the TrainingResult, the repeats): the original model fine-tuned on these samples."""
        from .trainer import Trainer, TrainingConfig

        r, job, base = self.recipe, self.job, self.base
        reps = self.repeats(len(ys))
        xs, ys = np.tile(xs, (reps, 1, 1)), np.tile(ys, reps)  # training augments every copy differently
        if base.data is not None:
            data, extra = Dataset(self.xb, self.yb, base.data.x_test, base.data.y_test, base.data.name), (xs, ys)
        else:  # validation is carved from the training data: with samples only it watches the fit
            data, extra = Dataset(xs, ys, None, None, "your samples"), None
        training = TrainingConfig(epochs=epochs, batch_size=r.batch_size, validation_split=r.validation_split,
                                  patience=0, seed=job.seed, augment=r.augment_strength > 0,
                                  augment_strength=r.augment_strength, restore_best=restore_best,
                                  lr_schedule=r.lr_schedule, max_batches=0).validate()
        weight = r.samples_weight
        job.trainer = Trainer(data, self.network, training, progress, extra=extra, initial_model=self.keras_path,
                              watch=watch, freeze=r.freeze,
                              select=(lambda val, mine: val + weight * (mine or 0.0)) if weight else None)
        if job.trainer_hook is not None:
            job.trainer_hook(job.trainer)
        if job._cancel.is_set():
            job.trainer.cancel()
        job._check()
        done = job.trainer.run()
        if done.cancelled:
            raise Cancelled()
        if r.blend < 1.0:
            blend_weights(done.model, self.original, r.blend)
        return done, reps


def _measure(recognizer, watch, base: BaseData) -> dict:
    """Accuracy on the held-out samples and on the base data's test split (None: there are none)."""
    from ..evaluation import evaluate

    return {"samples": evaluate(recognizer, *watch).accuracy if watch is not None else None,
            "base": evaluate(recognizer, base.data.x_test, base.data.y_test).accuracy if base.has_test else None}


def _by_digit(recognizer, watch) -> list[list[int]]:
    """[right, n] of the held-out samples of each digit 0..9."""
    if watch is None:
        return [[0, 0] for _ in range(10)]
    from ..evaluation import evaluate

    x, y = watch
    right = evaluate(recognizer, x, y).predictions == y
    return [[int(right[y == d].sum()), int((y == d).sum())] for d in range(10)]


def personalize(store: ModelStore, samples: SampleStore, *, model_id: str | os.PathLike | None = None,
                base: Dataset | str | os.PathLike | None = None, holdout_fraction: float = 0.3, seed: int = 42,
                epochs: int | None = None, on_progress: Callable | None = None,
                trainer_hook: Callable | None = None, recipe: Recipe | None = None,
                out: str | os.PathLike | None = None, name: str | None = None) -> PersonalizeResult:
    """Fine-tune the active model (or ``model_id``: an id or a model directory) on the samples;
    see the module docstring. ``base`` is the base data: a Dataset, a ``--data`` source (its test
    split carved as the model's card says it was), or None for the data its card names.
    ``trainer_hook(trainer)`` is called with the Trainer before it runs,
    so a caller can keep it to cancel; ``out`` writes the model directory there instead of the
    store."""
    return Personalizer(store, samples, model_id=model_id, base=base, holdout_fraction=holdout_fraction,
                        seed=seed, epochs=epochs, recipe=recipe, on_progress=on_progress,
                        trainer_hook=trainer_hook, out=out, name=name).run()


# ---------------------------------------------------------------------------------------- helpers
class _Renumbered:
    """A progress callback for one fine-tuning pass of several: its epochs numbered on from
    ``offset`` out of ``total``, so a chart and a progress bar see one run."""

    def __init__(self, on_progress: Callable | None, offset: int, total: int):
        self.on_progress, self.offset, self.total = on_progress, offset, total

    def __call__(self, p) -> None:
        if self.on_progress is not None:
            self.on_progress(dataclasses.replace(p, epoch=p.epoch + self.offset, epochs=self.total))


def split_samples(y: np.ndarray, holdout_fraction: float, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """Indices (fine-tune, held-out), both sorted: per digit round(fraction * count) are held out,
    but never the last one, so every digit the user drew is fine-tuned on."""
    y = np.asarray(y)
    rng = np.random.default_rng(seed)
    held = np.zeros(len(y), dtype=bool)
    for d in np.unique(y):
        members = np.flatnonzero(y == d)
        k = min(int(round(holdout_fraction * len(members))), len(members) - 1)
        held[rng.permutation(members)[:k]] = True
    return np.flatnonzero(~held), np.flatnonzero(held)


def blend_weights(model, original, blend: float) -> None:
    """Set the Keras model's Dense weights to blend * its own + (1 - blend) * the original's
    (a Recognizer of the model it was fine-tuned from: the same layers)."""
    import keras

    dense = [layer for layer in model.layers if isinstance(layer, keras.layers.Dense)]
    if len(dense) != len(original.layers):
        raise ValueError("the fine-tuned model does not have the original's layers")
    for layer, old in zip(dense, original.layers):
        k, b = layer.get_weights()
        if k.shape != old.kernel.shape or b.shape != old.bias.shape:
            raise ValueError("the fine-tuned model does not have the original's layer sizes")
        layer.set_weights([blend * k + (1 - blend) * old.kernel, blend * b + (1 - blend) * old.bias])


def _name(base: str) -> str:
    return base if base.endswith(SUFFIX) else base + SUFFIX
