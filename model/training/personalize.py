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
from any thread (the window runs it in its training worker); :func:`personalize` is the one-call
form.
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

from .. import paths
from ..data.sources import DataError, Dataset, load_source, mnist_cached
from ..errors import Cancelled, ConfigError
from ..samples.store import SampleError, SampleStore
from ..store.card import DataSpec, ExtraData, ModelCard
from ..store.models import ModelInfo, ModelStore

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

    def __getitem__(self, key: str):
        return getattr(self, key)

    def to_dict(self) -> dict:
        return {
            "before": dict(self.before), "after": dict(self.after), "model_id": self.model_id,
            "model_dir": str(self.model_dir), "seconds": round(self.seconds, 2),
            "n_finetune": self.n_finetune, "n_heldout": self.n_heldout, "base_model": self.base_model,
            "data": self.data_name, "notes": list(self.notes), "per_digit": self.per_digit,
        }

    @classmethod
    def from_dict(cls, d: dict, info: ModelInfo | None = None) -> PersonalizeResult:
        """The result of ``to_dict()`` (plus its ``history``), e.g. read from ``digitpad personalize
        --events`` run in another process."""
        return cls(before=dict(d["before"]), after=dict(d["after"]), model_id=str(d["model_id"]),
                   model_dir=Path(d["model_dir"]), seconds=float(d["seconds"]), n_finetune=int(d["n_finetune"]),
                   n_heldout=int(d["n_heldout"]), base_model=str(d["base_model"]), data_name=d.get("data"),
                   info=info, notes=list(d.get("notes") or []), history=dict(d.get("history") or {}),
                   per_digit=dict(d.get("per_digit") or {}))


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
        from ..evaluation import evaluate
        from .network import NetworkConfig
        from .trainer import Trainer, TrainingConfig, evaluate_into, model_card, model_writer

        r = self.recipe
        notes: list[str] = []
        chosen = self.store.choose(self.model_id)
        info = chosen.info
        if chosen.fallback_reason:
            notes.append(chosen.fallback_reason)
        keras_path = info.keras_path("fine-tuned")
        recognizer = _load(info.path)

        ids, x, y = self.samples.table()
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

        self._check()
        base = self.base
        spec: DataSpec | None = None
        drawn_is_base = False
        if isinstance(base, (str, os.PathLike)):
            base, spec = load_base(base, info.card)
        elif base is None:
            if self.download and mnist_missing(info.card) and self.on_status is not None:
                self.on_status("Downloading MNIST (11 MB, once) so your model keeps reading standard digits…")
            base, spec, why = load_card_base(info.card, download=self.download)
            if spec is not None and spec.source == "mnist" and info.card.data and info.card.data.source != "mnist":
                notes.append(f"Its training digits ({info.card.data.name}) are not on this computer: MNIST's "
                             f"training digits stand in for them ({base.name}); the base accuracy is on MNIST's "
                             "official test set.")
            if base is None and drawn_extra(info.card) is not None:
                # Its MNIST is not here, but the drawn digits it also learnt from ship with DigitPad.
                base, spec = drawn_base(self.seed, drawn_extra(info.card))
                drawn_is_base = True
                notes.append(f"Its training data is not on this computer ({why}): fine-tuned with the drawn digits "
                             "shipped with DigitPad mixed in, so it keeps reading other people's digits; the base "
                             "accuracy is on their held-out writers. Without MNIST mixed in, it may read MNIST's "
                             "digits about 0.8 points worse (0.1 with it, on our benchmark): to keep them, download "
                             "MNIST once (11 MB, needs the internet) with `digitpad personalize --data mnist`.")
            elif base is None:
                notes.append(f"Fine-tuned on your samples only ({why}); the model may forget some of what it "
                             "knew. Pass its training data (--data) to keep it.")
        elif isinstance(base, Dataset):
            spec = DataSpec(name=base.name, test_from_train=base.test_from_train)
        # What else it trained on, mixed back in (not when the drawn digits already are the base).
        pen = None if drawn_is_base else pen_extra(info.card) or drawn_extra(info.card)
        self._check()

        def by_digit(rec) -> list[list[int]]:
            if not len(held):
                return [[0, 0] for _ in range(10)]
            right = evaluate(rec, x[held], y[held]).predictions == y[held]
            return [[int(right[y[held] == d].sum()), int((y[held] == d).sum())] for d in range(10)]

        def measure(rec) -> dict:
            return {
                "samples": evaluate(rec, x[held], y[held]).accuracy if len(held) else None,
                "base": evaluate(rec, base.x_test, base.y_test).accuracy
                if base is not None and base.x_test is not None and len(base.x_test) else None,
            }

        before, digits_before = measure(recognizer), by_digit(recognizer)
        self._check()

        network = NetworkConfig.from_dict(info.card.network)
        network.learning_rate = r.learning_rate or max(1e-6, network.learning_rate * r.lr_factor)
        network.optimizer = r.optimizer or network.optimizer
        network.validate()
        xt, yt = x[tune], y[tune]
        xb = yb = None
        if base is not None:
            # The base mix: up to ``base_digits`` of its training digits and of the extra digits
            # its card names (e.g. the drawn digits), in the proportion it was trained with, each
            # part at most what there is of it, so it keeps reading both.
            n_extra_all = pen.n if pen else 0
            share = n_extra_all / (len(base.y_train) + n_extra_all)
            xe, ye = load_extra(pen, int(round(r.base_digits * share)), self.seed) if n_extra_all else (None, None)
            n_main = min(len(base.y_train), int(round(r.base_digits * (1 - share))))
            if xe is None:  # its extra digits are not here: the base data alone
                n_main = min(len(base.y_train), r.base_digits)
            pick = np.sort(np.random.default_rng(self.seed).choice(len(base.y_train), n_main, replace=False))
            xb, yb = base.x_train[pick], base.y_train[pick]
            if xe is not None:
                xb, yb = np.concatenate([xb, xe]), np.concatenate([yb, ye])

        def repeats_for(n_samples: int) -> int:
            """Copies of each sample so that they are ``sample_share`` of an epoch."""
            if base is None:
                return int(np.clip(round(2000 / n_samples), 1, r.max_repeats))
            return int(np.clip(round(r.sample_share / (1 - r.sample_share) * len(yb) * (1 - r.validation_split)
                                     / n_samples), 1, r.max_repeats))

        def fit(xs, ys, epochs: int, watch, progress, restore_best: bool = True):
            """Fine-tune the original model on these samples (repeated) mixed with the base mix."""
            reps = repeats_for(len(ys))
            xs, ys = np.tile(xs, (reps, 1, 1)), np.tile(ys, reps)  # training augments every copy differently
            if base is not None:
                data, extra = Dataset(xb, yb, base.x_test, base.y_test, base.name), (xs, ys)
            else:  # validation is carved from the training data: with samples only it watches the fit
                data, extra = Dataset(xs, ys, None, None, "your samples"), None
            training = TrainingConfig(epochs=epochs, batch_size=r.batch_size, validation_split=r.validation_split,
                                      patience=0, seed=self.seed, augment=r.augment_strength > 0,
                                      augment_strength=r.augment_strength, restore_best=restore_best,
                                      lr_schedule=r.lr_schedule, max_batches=0).validate()
            weight = r.samples_weight
            self.trainer = Trainer(data, network, training, progress, extra=extra, initial_model=keras_path,
                                   watch=watch, freeze=r.freeze,
                                   select=(lambda val, mine: val + weight * (mine or 0.0)) if weight else None)
            if self.trainer_hook is not None:
                self.trainer_hook(self.trainer)
            if self._cancel.is_set():
                self.trainer.cancel()
            self._check()
            done = self.trainer.run()
            if done.cancelled:
                raise Cancelled()
            if r.blend < 1.0:
                blend_weights(done.model, recognizer, r.blend)
            return done, reps

        start = time.perf_counter()
        refit = r.refit and len(held) > 0
        total = r.epochs * (2 if refit else 1)
        # Step 3 (module docstring): fine-tune on the fine-tuning part, reading the held-out samples
        # every epoch: the epoch kept is chosen with them, and they say honestly what it learnt.
        result, repeats = fit(xt, yt, r.epochs, (x[held], y[held]) if len(held) else None,
                              _Renumbered(self.on_progress, 0, total))
        after, digits_after = measure(result.recognizer), by_digit(result.recognizer)
        history = dict(result.history)
        trained = tune
        kept = max(1, result.best_epoch or r.epochs)  # the epochs step 3 kept
        if refit:
            # Step 4: the same again on ALL the samples for as many epochs as step 3 kept: with 10
            # of a digit, the 3 held out are a third more of the person's style to learn from. The
            # samples figures stay step 3's (this model has seen every sample).
            self._check()
            result, repeats = fit(x, y, kept, None, _Renumbered(self.on_progress, r.epochs, r.epochs + kept),
                                  restore_best=False)
            trained = np.arange(len(y))
            for key, values in result.history.items():
                history[key] = history.get(key, []) + list(values)
        seconds = time.perf_counter() - start
        if base is not None and base.x_test is not None and len(base.x_test):
            evaluate_into(result, base.x_test, base.y_test)
            after["base"] = result.test_accuracy
        self._check()

        name = self.name or _name(info.name)
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
        mine = ExtraData(kind="samples", name=f"{len(trained)} of your samples x{repeats}",
                         n=int(len(trained)) * repeats)
        if base is not None:
            kept = tuple(e for e in spec.extras if e.kind != "samples")  # what the base mix holds
            data_spec = dataclasses.replace(spec, extras=(*kept, mine))
        else:
            data_spec = DataSpec(name="your samples only", extras=(mine,))
        card = model_card(result, name=name, data=data_spec)
        card.personalization = personalization
        if self.out is not None:
            from ..store.saving import write_model_dir

            saved = write_model_dir(self.out, card, model_writer(result.model))
        else:
            saved = self.store.save(card, model_writer(result.model), name=name)
        return PersonalizeResult(
            before=before, after=after, model_id=saved.id, model_dir=saved.path, seconds=seconds,
            n_finetune=int(len(tune)), n_heldout=int(len(held)), base_model=info.name,
            data_name=base.name if base is not None else None, info=saved, notes=notes, history=history,
            per_digit={"before": digits_before, "after": digits_after},
        )


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


def pen_extra(card: ModelCard) -> ExtraData | None:
    """The pen trajectories a model was trained with (``digitpad train --extra pendigits.tra``),
    with ``n`` filled in, when the file can be found; None otherwise. Personalising mixes them
    back in, in the proportion the model saw them, so it keeps reading drawn digits."""
    extra = card.data.extra("pendigits") if card.data is not None else None
    path = _find(extra.source) if extra is not None and extra.source else None
    if path is None or path.suffix not in (".tra", ".tes"):
        return None
    from ..data.pendigits import PendigitsError, holdout_start, read

    try:
        n = holdout_start(len(read(path)[1]), extra.holdout) * extra.reps
    except PendigitsError:
        return None
    return dataclasses.replace(extra, source=str(path), n=n)


def drawn_extra(card: ModelCard) -> ExtraData | None:
    """The shipped drawn digits a model was trained with (``digitpad train --drawn``), if it was."""
    return card.data.extra("drawn") if card.data is not None else None


def drawn_base(seed: int, extra: ExtraData | None = None) -> tuple[Dataset, DataSpec]:
    """The drawn digits (those ``extra`` names, else the ones shipped) as base data: the corpus's
    training writers to mix in, its held-out writers (never trained on) as the base test."""
    from ..data.drawn import training_mix

    corpus = drawn_corpus(extra)
    mix = training_mix(corpus, seed=seed, reps=1)
    ds = Dataset(mix.x_train, mix.y_train, mix.x_heldout, mix.y_heldout, "drawn digits shipped with DigitPad")
    extra = ExtraData(kind="drawn", name=mix.description, source=extra.source if extra else mix.card_extra.source,
                      n=len(mix.y_train))
    return ds, DataSpec(name=ds.name, test_from_train=False, extras=(extra,))


def drawn_corpus(extra: ExtraData | None):
    """The drawn-digit corpus a card's ``extra`` names (a model trained on another corpus mixes
    that one back in), else the one shipped with DigitPad."""
    from ..data.drawn import DrawnDataError, load_corpus, shipped_corpus

    path = _find(extra.source) if extra is not None and extra.source else None
    try:
        return load_corpus(path) if path is not None and path.is_file() else shipped_corpus()
    except DrawnDataError:
        return shipped_corpus()


def load_extra(extra: ExtraData | None, n: int, seed: int) -> tuple[np.ndarray | None, np.ndarray | None]:
    """``n`` of the extra digits ``extra`` names, rendered as training rendered them: pen
    trajectories like ``digitpad train --extra``, the shipped drawn digits like ``--drawn`` (only
    the pen trajectories needed are rendered: all of them take seconds)."""
    if extra is None or n <= 0:
        return None, None
    if extra.kind == "drawn":
        from ..data.drawn import MIX_JITTER, check_split, render

        # Its training part (never the check labs), and of that only the inks needed, rendered
        # as training renders them (all of them take seconds).
        train, _ = check_split(drawn_corpus(extra))
        pick = np.sort(np.random.default_rng(seed + 1).choice(len(train), min(n, len(train)), replace=False))
        return render(train.take(pick), 1, seed + 1, MIX_JITTER)
    if not extra.source:
        return None, None
    from ..data.pendigits import PendigitsError, holdout_start, read, to_ink
    from ..preprocess import STROKE, ink_to_input

    try:
        pts, labels = read(extra.source)
    except (PendigitsError, OSError):
        return None, None
    cut = holdout_start(len(labels), extra.holdout)
    rng = np.random.default_rng(seed + 1)
    pick = np.sort(rng.choice(cut, min(n, cut), replace=False))
    x = np.empty((len(pick), 28, 28), dtype=np.uint8)
    for k, i in enumerate(pick):  # the jitter of pendigits.render_dataset
        stroke = STROKE * float(np.exp(rng.uniform(-0.2, 0.2)))
        img = ink_to_input(to_ink(pts[i], rng, aspect_jitter=0.3), stroke=stroke)
        x[k] = np.clip(img * 255.0 + 0.5, 0, 255)
    return x, labels[pick]


def _find(source: str) -> Path | None:
    """A path from a model's card: as recorded (relative to where training ran, usually the
    project folder), else relative to the project folder."""
    p = Path(source).expanduser()
    for candidate in ([p] if p.is_absolute() else [p, paths.assets_dir().parent / p]):
        if candidate.exists():
            return candidate.resolve()
    return None


def load_base(source: str | os.PathLike, card: ModelCard) -> tuple[Dataset, DataSpec]:
    """A ``--data SOURCE`` as base data, its test split carved as the model's own training carved
    its data (the fraction and seed on its card), so "base" accuracy is on digits it never saw."""
    known = card.data or DataSpec(name=str(source))
    ds = load_source(source, split=True, test_fraction=known.test_fraction, seed=known.seed)
    resolved = "mnist" if str(source).strip().lower() == "mnist" else str(Path(source).expanduser().resolve())
    return ds, DataSpec.of(ds, resolved, test_fraction=known.test_fraction, seed=known.seed, extras=known.extras)


def mnist_missing(card: ModelCard) -> bool:
    """True when the card's training data was MNIST (or part of it), its files are not here and
    Keras has no copy: only a download can bring it back."""
    spec = card.data
    if spec is None or not spec.source or not _looks_like_mnist(spec) or mnist_cached():
        return False
    return spec.source == "mnist" or _find(spec.source) is None


def load_card_base(card: ModelCard, download: bool = False) -> tuple[Dataset | None, DataSpec | None, str]:
    """The base data named by a model card: (dataset, spec, "") or (None, spec, why not). With
    ``download``, MNIST it needs and Keras does not have is downloaded (11 MB, once)."""
    spec = card.data
    if spec is None or not spec.source:
        return None, spec, "its card does not say what data it was trained on"
    source = spec.source
    if source == "mnist":
        if not mnist_cached() and not download:
            return None, spec, "MNIST is not downloaded on this machine"
        candidates: list = [source]
    else:
        p = Path(source).expanduser()
        candidates = [p] if p.is_absolute() else [p, paths.assets_dir().parent / p]
    why = f"its training data {source} was not found"
    for candidate in candidates:
        if candidate != "mnist" and not Path(candidate).exists():
            continue
        try:
            ds = load_source(candidate, split=True, test_fraction=spec.test_fraction, seed=spec.seed)
        except DataError as exc:
            why = f"its training data could not be read: {exc}"
            continue
        found = "mnist" if candidate == "mnist" else str(Path(candidate).resolve())
        return ds, dataclasses.replace(spec, source=found), ""
    if source != "mnist" and _looks_like_mnist(spec) and (mnist_cached() or download):
        # Its MNIST files are not here but Keras's copy of MNIST is (the Train tab's "MNIST"
        # downloaded it), or may be downloaded: its 60,000 training digits stand in, its official
        # test set is the base test.
        try:
            ds = load_source("mnist")
        except DataError as exc:
            return None, spec, f"{why}; {exc}"
        return ds, DataSpec(name=f"{ds.name} (in place of {spec.name})", source="mnist", test_from_train=False,
                            extras=spec.extras), ""
    return None, spec, why


def _looks_like_mnist(spec: DataSpec) -> bool:
    """Whether a card's training data was (a part of) MNIST, judging by its name and source."""
    return "mnist" in f"{spec.name} {spec.source}".lower()


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


def _load(path: Path):
    from ..recognizer import Recognizer

    return Recognizer.load(path)
