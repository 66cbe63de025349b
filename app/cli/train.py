"""``digitpad train --data SOURCE [...]``: train a network and save it as a model."""
from __future__ import annotations

import argparse
import json
import shlex
import sys
from pathlib import Path

from .common import (
    EXIT_OK,
    CliError,
    ProgressBar,
    err,
    events_command,
    hidden,
    model_name,
    on_terminal,
    out,
    out_model_dir,
    shown,
)

OUT_HELP = ("write the model directory here instead of the model store: a new folder, an empty one, or a model"
            " directory DigitPad wrote (replaced); any other folder or file is left alone and refused")


def register(sub) -> None:
    from model.data.drawn import MIX_REPS
    from model.data.sources import TEST_FRACTION
    from model.training.network import HIDDEN_ACTIVATIONS, INITIALIZERS, OPTIMIZERS, NetworkConfig
    from model.training.trainer import LR_SCHEDULES, TrainingConfig

    sp = sub.add_parser("train", help="train a network and save it as a model")
    sp.add_argument("--data", required=True, metavar="SOURCE",
                    help="'mnist' (downloaded once, 11 MB), 'drawn' (the drawn digits shipped with DigitPad: no"
                         " download; tested on writers it never trains on), an IDX folder or an .npz")
    sp.add_argument("--extra", metavar="SOURCE",
                    help="more training digits (never used for testing): an IDX folder, an .npz, "
                         "or pen trajectories (pendigits .tra/.tes) rendered as ink")
    sp.add_argument("--extra-reps", type=int, default=1, metavar="N",
                    help="render each pen trajectory N times (default 1)")
    sp.add_argument("--extra-holdout", type=float, default=0.0, metavar="F",
                    help="keep the last F of the pen trajectories out of training, for measuring")
    sp.add_argument("--drawn", action=argparse.BooleanOptionalAction, default=True,
                    help="also train on the drawn digits shipped with DigitPad, and report accuracy on"
                         " their held-out writers (default: on; --no-drawn trains on --data alone)")
    sp.add_argument("--drawn-reps", type=int, default=None, metavar="N",
                    help=f"draw each of those digits N times, each time distorted anew (default {MIX_REPS})")
    sp.add_argument("--drawn-jitter", type=float, default=1.0, metavar="F",
                    help="scale those distortions (slant, aspect, rotation, pen width) by F: 0 draws the"
                         " digits as they were drawn (default 1)")
    sp.add_argument("--with-samples", action="store_true",
                    help="also train on your own samples (digitpad samples list)")
    sp.add_argument("--out", metavar="DIR", help=OUT_HELP)
    sp.add_argument("--name", type=model_name, help="the model's name (at most 200 characters)")
    sp.add_argument("--activate", action="store_true", help="make the new model the active one")
    sp.add_argument("--json", action="store_true", help="print the result as one JSON line")
    sp.add_argument("--events", action="store_true",
                    help="for programs (the window trains this way): print JSON lines on stdout as it goes"
                         " (app/cli/events.py: status, data, progress with every epoch's first-layer weights,"
                         " the result last)")
    sp.add_argument("--test-fraction", type=float, default=TEST_FRACTION, metavar="F",
                    help="test split carved from sources without test files (default %(default)s)")
    net = NetworkConfig()
    g = sp.add_argument_group("network")
    g.add_argument("--hidden", type=hidden, default=net.hidden, metavar="N,N", help="hidden layer sizes")
    g.add_argument("--activation", choices=HIDDEN_ACTIVATIONS, default=net.activation,
                   help="the hidden neurons' non-linearity (default %(default)s)")
    g.add_argument("--dropout", type=float, default=net.dropout,
                   help="share of the first hidden layer switched off in each step, 0..0.9 (default %(default)s)")
    g.add_argument("--l1", type=float, default=net.l1, help="L1 weight penalty, 0 = off (default %(default)s)")
    g.add_argument("--l2", type=float, default=net.l2, help="L2 weight penalty, 0 = off (default %(default)s)")
    g.add_argument("--initializer", choices=INITIALIZERS, default=net.initializer,
                   help="how the weights start (default %(default)s)")
    g.add_argument("--optimizer", choices=OPTIMIZERS, default=net.optimizer,
                   help="how the weights are updated (default %(default)s)")
    g.add_argument("--learning-rate", type=float, default=net.learning_rate,
                   help="the size of each update (default %(default)s)")
    tc = TrainingConfig()
    g = sp.add_argument_group("training")
    g.add_argument("--epochs", type=int, default=tc.epochs,
                   help="passes over the training digits; early stopping may end sooner (default %(default)s)")
    g.add_argument("--max-batches", type=int, default=tc.max_batches, metavar="N",
                   help="at most N batches in all: fewer epochs on large datasets (0: no limit;"
                        " default %(default)s)")
    g.add_argument("--batch-size", type=int, default=tc.batch_size,
                   help="digits per weight update (default %(default)s)")
    g.add_argument("--validation-split", type=float, default=tc.validation_split,
                   help="share of the training digits held back to watch the fit (and pick the best"
                        " epoch with --best-epoch) (default %(default)s)")
    g.add_argument("--patience", type=int, default=tc.patience, help="early-stopping patience (0: off)")
    g.add_argument("--seed", type=int, default=tc.seed,
                   help="all randomness: test split, initial weights, shuffling, augmentation (default %(default)s)")
    g.add_argument("--no-augment", action="store_true", help="train on the digits as they are")
    g.add_argument("--augment-strength", type=float, default=tc.augment_strength,
                   help="0 none, 1 default, 2 strong distortions")
    g.add_argument("--lr-schedule", choices=LR_SCHEDULES, default=tc.lr_schedule,
                   help="constant, or cosine decay of the learning rate to zero over the epochs")
    g.add_argument("--best-epoch", dest="restore_best", action="store_true", default=tc.restore_best,
                   help="keep the weights of the epoch with the best validation accuracy")
    g.add_argument("--last-epoch", dest="restore_best", action="store_false",
                   help="keep the last epoch's weights (the default: the cosine schedule ends there)")
    sp.set_defaults(func=run)


@events_command
def run(args) -> int:
    from model.data.shipped import is_drawn
    from model.store.models import ModelStore
    from model.training.report import TrainingReport
    from model.training.trainer import Trainer, join_extra, save_result, write_model_dir

    from . import events

    if args.out:
        out_model_dir(args.out)  # refused before the training, not after it
    network, training = _configs(args)
    with events.Interruptible() as interrupt:
        ds, mix, parts = _load(args)
        extra, extra_specs = join_extra(parts)
        if args.events:
            from model.training.report import DataSummary

            events.send("data", **events.fields(DataSummary.of(
                ds, training.validation_split, extras=[e.name for e in extra_specs])))
        progress = (events.ProgressEvents(weights=True, on_first_batch=events.lower_tensorflow_priority)
                    if args.events else ProgressBar(enabled=not args.json and on_terminal()))
        trainer = Trainer(ds, network, training, progress, extra=extra,
                          drawn_test=None if mix is None else mix.heldout)  # checks the data: before TensorFlow
        interrupt.trainer = trainer
        _start_tensorflow(args)
        _say(args, "training", "Training…")
        try:
            result = trainer.run()
        finally:
            if not args.events:
                progress.close()
        if result.cancelled:
            raise KeyboardInterrupt  # the main handler: "interrupted; nothing was saved"
        interrupt.commit()  # from here on a finished model is kept whole
        _say(args, "saving", "Saving the model…")
        card_args = _card(args, ds, mix, network, extra_specs)
        if args.out:
            info = write_model_dir(args.out, result, **card_args)
        else:
            store = ModelStore()
            info = save_result(result, store, **card_args)
            if args.activate:
                store.activate(info.id)
    report = TrainingReport.of(result, ds, info, drawn_heldout=mix.heldout_description if mix else None)
    if args.events:
        events.send("result", **events.fields(report))
    elif args.json:
        out(json.dumps(report.summary()))
    else:
        acc = "n/a" if result.test_accuracy is None else f"{result.test_accuracy:.2%}"
        split = ("drawn by writers it never trained on" if is_drawn(args.data) else
                 "carved from the training files" if ds.test_from_train else "the source's test files")
        out(f"Trained {result.epochs_run} epochs (best {result.best_epoch}) in {result.seconds:.1f} s")
        out(f"Test accuracy {acc} on {result.test_n} digits ({split})")
        if result.drawn_accuracy is not None and not is_drawn(args.data):
            out(f"Drawn digits of held-out writers: {result.drawn_accuracy:.2%} of {result.drawn_n}"
                f" ({mix.heldout_description})")
        out(f"Saved: {shown(info.path)}" + ("  (now active)" if args.activate and not args.out else ""))
    return EXIT_OK


def _configs(args):
    from model.training.network import NetworkConfig
    from model.training.trainer import TrainingConfig

    network = NetworkConfig(
        hidden=args.hidden, activation=args.activation, dropout=args.dropout, l1=args.l1, l2=args.l2,
        initializer=args.initializer, optimizer=args.optimizer, learning_rate=args.learning_rate,
    ).validate()
    training = TrainingConfig(
        epochs=args.epochs, batch_size=args.batch_size, validation_split=args.validation_split,
        patience=args.patience, seed=args.seed, augment=not args.no_augment,
        augment_strength=args.augment_strength, lr_schedule=args.lr_schedule,
        restore_best=args.restore_best, max_batches=args.max_batches,
    ).validate()
    return network, training


def _say(args, stage: str, text: str) -> None:
    """What the training is doing: an event with --events (the window shows it), else nothing."""
    if args.events:
        from .events import status

        status(text, stage)


def _start_tensorflow(args) -> None:
    from model.training.tf_runtime import import_tensorflow, tensorflow_loaded

    if not tensorflow_loaded():
        _say(args, "tensorflow", "Starting TensorFlow (the first time takes a few seconds)…")
        import_tensorflow()


def _load(args):
    """(the dataset, the drawn mix or None, [(extra digits, their ExtraData)]) that ``args`` names."""
    from model.data import drawn
    from model.data import sources as data
    from model.data.shipped import drawn_training, is_drawn

    reps = drawn.MIX_REPS if args.drawn_reps is None else args.drawn_reps
    jitter = drawn.MIX_JITTER.scaled(args.drawn_jitter)
    mix = None
    if is_drawn(args.data):  # the drawn digits alone: their check labs are the test split
        _say(args, "data", "Drawing the digits shipped with DigitPad…")
        ds, mix = drawn_training(seed=args.seed, reps=reps, jitter=jitter)
    else:
        if str(args.data).strip().lower() == "mnist" and not data.mnist_cached():
            if args.events:
                _start_tensorflow(args)  # Keras downloads MNIST: import TensorFlow our way first
                _say(args, "download", "Downloading MNIST (11 MB)…")
            elif not args.json:
                err("digitpad: downloading MNIST (11 MB, once; needs the internet)…")
        else:
            _say(args, "data", "Loading the digits…")
        ds = data.load_source(args.data, split=True, test_fraction=args.test_fraction, seed=args.seed)
        if args.drawn:
            _say(args, "data", "Drawing the digits shipped with DigitPad…")
            mix = drawn.training_mix(seed=args.seed, reps=reps, jitter=jitter)
    parts = [] if mix is None or is_drawn(args.data) else [(mix.extra, mix.card_extra)]
    parts.append(_load_extra(args))
    if args.with_samples:
        parts.append(_load_samples())
    return ds, mix, parts


def _card(args, ds, mix, network, extra_specs) -> dict:
    """What the model's card records about this training."""
    import dataclasses

    from model.data.shipped import DRAWN, is_drawn
    from model.store.card import DataSpec

    argv = [a for a in sys.argv[1:] if a != "--events"]
    command = "digitpad " + " ".join(shlex.quote(a) for a in argv) if argv else None
    if is_drawn(args.data):
        source, what = DRAWN, "drawn digits"
    elif str(args.data).strip().lower() == "mnist":
        source, what = "mnist", "MNIST"
    else:
        source, what = str(Path(args.data).expanduser().resolve()), Path(str(args.data)).name
    name = args.name or f"MLP {'-'.join(map(str, network.hidden))} {network.activation} · {what}"
    spec = DataSpec.of(ds, source, test_fraction=args.test_fraction, seed=args.seed, extras=extra_specs)
    if is_drawn(args.data):
        spec = dataclasses.replace(spec, name=mix.description)
    return dict(name=name, data=spec, command=command, drawn_heldout=mix.heldout_description if mix else None)


def _load_samples():
    """(the user's samples, their ExtraData for the card) for ``--with-samples``."""
    from .common import open_samples

    samples = open_samples()
    try:
        if not len(samples):
            raise CliError("--with-samples: you have no samples yet. Add some with `digitpad samples add"
                           " --label L FILE...` (or in the window), or train without --with-samples.")
        return samples.training_extra()
    finally:
        samples.close()


def _load_extra(args):
    """(digits, their ExtraData for the card) for ``--extra``, or (None, None)."""
    if not args.extra:
        return None, None
    from model.data import pendigits
    from model.data import sources as data
    from model.store.card import ExtraData

    path = Path(args.extra)
    if path.suffix in (".tra", ".tes"):
        x, y = pendigits.render_dataset(path, reps=args.extra_reps, seed=args.seed, holdout=args.extra_holdout)
        kept = f", last {args.extra_holdout:.0%} held out" if args.extra_holdout else ""
        name = f"{path.name} (pen trajectories rendered as ink x{args.extra_reps}{kept})"
        return (x, y), ExtraData(kind="pendigits", name=name, source=str(path.resolve()), reps=args.extra_reps,
                                 holdout=args.extra_holdout, n=len(y))
    ds = data.load_source(path, split=False)
    return (ds.x_train, ds.y_train), ExtraData(kind="dataset", name=ds.name, source=str(path.resolve()),
                                               n=len(ds.y_train))
