"""The `digitpad` command: no subcommand opens the window; the subcommands work headless.

Heavy imports (Qt, TensorFlow) happen inside the commands that need them, so `digitpad predict`
starts fast and never loads TensorFlow.
"""
from __future__ import annotations

import time

PROCESS_START = time.perf_counter()

import argparse  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import shlex  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


class CliError(Exception):
    """A problem the user can fix; printed as 'digitpad: <message>' with exit status 1."""


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    parser = _parser()
    args = parser.parse_args(argv)
    from app import logs

    logs.setup(window=args.command is None and not args.self_test)
    if args.command is None:
        if args.self_test:
            from app import selftest

            return selftest.run(screenshot=args.screenshot)  # checks the platform itself (JSON report)
        from app import platform_check

        problem = platform_check.check()  # before Qt: a missing X library would abort the process
        if problem is not None:
            logs.logger().error("%s", problem)
            _err(f"digitpad: {problem}")
            return EXIT_FAILED
        from app import main_window

        return main_window.run([sys.argv[0], *argv])
    try:
        return args.func(args) or EXIT_OK
    except CliError as exc:
        _err(f"digitpad: {exc}")
        return EXIT_FAILED
    except KeyboardInterrupt:
        _err("digitpad: interrupted; nothing was saved.")
        return 130
    except BrokenPipeError:  # `digitpad predict ... | head`: the reader has gone, which is fine
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except Exception as exc:  # errors from model/ are written for people
        from model import data, ink, network, preprocess, recognizer

        known = (data.DataError, ink.InkError, network.ConfigError, preprocess.ImageInputError,
                 recognizer.ModelError, _store_error())
        if isinstance(exc, known):
            _err(f"digitpad: {exc}")
            return EXIT_FAILED
        raise


def _store_error():
    from model.store import StoreError

    return StoreError


def _err(msg: str) -> None:
    if sys.stderr is not None:
        print(msg, file=sys.stderr, flush=True)


def _out(line: str) -> None:
    if sys.stdout is not None:
        print(line, flush=True)


# ---------------------------------------------------------------------------------------- predict
def cmd_predict(args) -> int:
    from model import preprocess
    from model.ink import InkError
    from model.ink import load as load_ink

    info, recognizer = _load_model(args.model)
    failed = 0
    for name in args.files:
        try:
            if name.lower().endswith(".json"):
                x = preprocess.ink_to_input(load_ink(name))
            else:
                x = preprocess.image_to_input(preprocess.load_image(name))
        except (InkError, preprocess.ImageInputError) as exc:
            failed += 1
            if args.json:
                _out(json.dumps({"file": name, "error": str(exc)}))
            else:
                _err(f"digitpad: {exc}")
            continue
        p = recognizer.predict(x)
        if args.json:
            _out(json.dumps({
                "file": name,
                "digit": p.digit,
                "confidence": round(p.confidence, 6),
                "probabilities": [round(float(v), 6) for v in p.probabilities],
            }))
        elif p.digit is None:
            _out(f"{name}: nothing drawn")
        else:
            (d1, p1), (d2, p2) = p.top2
            hint = f" (unsure: {d1} {p1:.0%} or {d2} {p2:.0%})" if p.unsure else ""
            _out(f"{name}: {p.digit}  {p.confidence:.1%}{hint}")
    return EXIT_FAILED if failed else EXIT_OK


# --------------------------------------------------------------------------------------- evaluate
def cmd_evaluate(args) -> int:
    from model import data
    from model.evaluation import evaluate

    info, recognizer = _load_model(args.model)
    ds = data.load_source(args.data, split=False)
    if ds.x_test is not None:
        x, y, which = ds.x_test, ds.y_test, "test split"
    else:
        x, y, which = ds.x_train, ds.y_train, "whole set (it has no test split)"
    ev = evaluate(recognizer, x, y)
    if args.json:
        _out(json.dumps({**ev.to_dict(), "split": "test" if ds.x_test is not None else "all",
                         "data": ds.name, "model": str(info.path)}))
    else:
        _out(f"Model: {info.name} ({info.path})")
        _out(f"Data:  {ds.name}, {which}: {ev.n} digits")
        _out(f"Accuracy {ev.accuracy:.2%}   loss {ev.loss:.4f}")
        _out(_confusion_text(ev.confusion))
    return EXIT_OK


def _confusion_text(cm) -> str:
    head = "true\\pred " + " ".join(f"{d:>5}" for d in range(10))
    rows = [f"{t:>9} " + " ".join(f"{int(v):>5}" for v in cm[t]) for t in range(10)]
    return "\n".join([head, *rows])


# ------------------------------------------------------------------------------------------ train
def cmd_train(args) -> int:
    from model import data
    from model.network import NetworkConfig
    from model.store import ModelStore
    from model.training import Trainer, TrainingConfig, save_result, write_model_dir

    network = NetworkConfig(
        hidden=args.hidden, activation=args.activation, dropout=args.dropout, l1=args.l1, l2=args.l2,
        initializer=args.initializer, optimizer=args.optimizer, learning_rate=args.learning_rate,
    ).validate()
    training = TrainingConfig(
        epochs=args.epochs, batch_size=args.batch_size, validation_split=args.validation_split,
        patience=args.patience, seed=args.seed, augment=not args.no_augment,
        augment_strength=args.augment_strength, lr_schedule=args.lr_schedule,
        restore_best=not args.last_epoch,
    ).validate()
    ds = data.load_source(args.data, split=True, test_fraction=args.test_fraction, seed=args.seed)
    extra, extra_name = _load_extra(args)
    progress = _ProgressBar(enabled=not args.json and sys.stderr is not None and sys.stderr.isatty())
    trainer = Trainer(ds, network, training, progress, extra=extra)
    try:
        result = trainer.run()
    except KeyboardInterrupt:
        progress.close()
        raise
    progress.close()
    command = "digitpad " + " ".join(shlex.quote(a) for a in sys.argv[1:]) if sys.argv[1:] else None
    name = args.name or f"MLP {'-'.join(map(str, network.hidden))} {network.activation} · {Path(str(args.data)).name}"
    if args.out:
        info = write_model_dir(args.out, result, name=name, data_name=ds.name, command=command,
                               extra_name=extra_name)
    else:
        store = ModelStore()
        info = save_result(result, store, name=name, data_name=ds.name, command=command, extra_name=extra_name)
        if args.activate:
            store.activate(info.id)
    summary = {
        "model": str(info.path),
        "id": info.id,
        "test_accuracy": result.test_accuracy,
        "test_loss": result.test_loss,
        "test_n": result.test_n,
        "test_from_train": ds.test_from_train,
        "epochs_run": result.epochs_run,
        "best_epoch": result.best_epoch,
        "seconds": round(result.seconds, 2),
    }
    if args.json:
        _out(json.dumps(summary))
    else:
        acc = "n/a" if result.test_accuracy is None else f"{result.test_accuracy:.2%}"
        split = "carved from the training files" if ds.test_from_train else "the source's test files"
        _out(f"Trained {result.epochs_run} epochs (best {result.best_epoch}) in {result.seconds:.1f} s")
        _out(f"Test accuracy {acc} on {result.test_n} digits ({split})")
        _out(f"Saved: {info.path}" + ("  (now active)" if args.activate and not args.out else ""))
    return EXIT_OK


def _load_extra(args):
    if not args.extra:
        return None, None
    from model import data, pendigits

    path = Path(args.extra)
    if path.suffix in (".tra", ".tes"):
        x, y = pendigits.render_dataset(path, reps=args.extra_reps, seed=args.seed, holdout=args.extra_holdout)
        kept = f", last {args.extra_holdout:.0%} held out" if args.extra_holdout else ""
        return (x, y), f"{path.name} (pen trajectories rendered as ink x{args.extra_reps}{kept})"
    ds = data.load_source(path, split=False)
    return (ds.x_train, ds.y_train), ds.name


class _ProgressBar:
    """A one-line progress bar on a terminal (stderr); silent otherwise."""

    def __init__(self, enabled: bool):
        self.enabled = enabled
        self.shown = False

    def __call__(self, p) -> None:
        if not self.enabled or p.kind == "start":
            return
        width = 30
        filled = int(width * p.fraction)
        eta = f"{p.eta:4.0f}s left" if p.eta is not None else ""
        val = f" val_acc {p.val_accuracy:.3f}" if p.val_accuracy is not None else ""
        line = (f"\repoch {p.epoch:>3}/{p.epochs} [{'#' * filled}{'.' * (width - filled)}] "
                f"loss {p.loss:.3f} acc {p.accuracy:.3f}{val} {eta}")
        sys.stderr.write(line.ljust(100))
        if p.kind == "epoch":
            sys.stderr.write("\n")
        sys.stderr.flush()
        self.shown = True

    def close(self) -> None:
        if self.enabled and self.shown:
            sys.stderr.write("\n")


# ----------------------------------------------------------------------------------------- models
def cmd_models(args) -> int:
    from model.store import ModelStore

    store = ModelStore()
    if args.action == "list":
        active = store.active()
        infos = store.list()
        if args.json:
            _out(json.dumps([{"id": i.id, "name": i.name, "accuracy": i.accuracy, "created": i.created,
                              "path": str(i.path), "active": i.id == active.id, "read_only": i.read_only}
                             for i in infos]))
        else:
            for i in infos:
                _out(f"{'*' if i.id == active.id else ' '} {i.id:<40} {i.summary()}")
        for problem in store.problems():
            _err(f"digitpad: {problem}")
        if store.fallback_reason:
            _err(f"digitpad: {store.fallback_reason}")
    elif args.action == "activate":
        _out(f"Active: {store.activate(args.id).summary()}")
    elif args.action == "delete":
        store.delete(args.id)
        _out(f"Deleted {args.id}")
    elif args.action == "rename":
        _out(f"Renamed: {store.rename(args.id, args.name).summary()}")
    elif args.action == "export":
        _out(f"Exported to {store.export(args.id, args.path)}")
    elif args.action == "import":
        info = store.import_(args.path)
        _out(f"Imported as {info.id}: {info.summary()}")
    elif args.action == "reset":
        _out(f"Active: {store.activate('default').summary()}")
    return EXIT_OK


def _load_model(model_arg):
    from model.store import ModelStore

    store = ModelStore()
    info = store.resolve(model_arg)
    if model_arg is None and store.fallback_reason:
        _err(f"digitpad: {store.fallback_reason}")
    return info, store.load_recognizer(info.id) if model_arg is None else _recognizer_at(info.path)


def _recognizer_at(path):
    from model.recognizer import Recognizer

    return Recognizer.load(path)


# ----------------------------------------------------------------------------------------- parser
def _hidden(text: str) -> list[int]:
    try:
        sizes = [int(t) for t in text.replace(" ", "").split(",") if t]
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r}: give layer sizes like 256,128") from None
    if not sizes:
        raise argparse.ArgumentTypeError("give at least one hidden layer, e.g. 256,128")
    return sizes


def _parser() -> argparse.ArgumentParser:
    from model.data import TEST_FRACTION
    from model.network import HIDDEN_ACTIVATIONS, INITIALIZERS, OPTIMIZERS, NetworkConfig

    net = NetworkConfig()
    p = argparse.ArgumentParser(
        prog="digitpad",
        description="Draw digits and watch a neural network read them. Without a command, opens the window.",
    )
    p.add_argument("--self-test", action="store_true",
                   help="open the window, draw a bundled digit, train one short epoch, print a JSON report")
    p.add_argument("--screenshot", metavar="PNG",
                   help="with --self-test: save the window, drawn on, to this PNG (and the X screen beside it)")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    sp = sub.add_parser("predict", help="classify images or ink JSON files")
    sp.add_argument("files", nargs="+", metavar="FILE", help="an image (PNG/JPEG/BMP) or an ink .json")
    sp.add_argument("--model", metavar="DIR", help="model directory or id (default: the active model)")
    sp.add_argument("--json", action="store_true", help="one JSON object per line")
    sp.set_defaults(func=cmd_predict)

    sp = sub.add_parser("evaluate", help="accuracy and confusion matrix on a dataset's test split")
    sp.add_argument("--data", required=True, metavar="SOURCE", help="'mnist', an IDX folder or an .npz")
    sp.add_argument("--model", metavar="DIR")
    sp.add_argument("--json", action="store_true")
    sp.set_defaults(func=cmd_evaluate)

    sp = sub.add_parser("train", help="train a network and save it as a model")
    sp.add_argument("--data", required=True, metavar="SOURCE", help="'mnist', an IDX folder or an .npz")
    sp.add_argument("--extra", metavar="SOURCE",
                    help="more training digits (never used for testing): an IDX folder, an .npz, "
                         "or pen trajectories (pendigits .tra/.tes) rendered as ink")
    sp.add_argument("--extra-reps", type=int, default=1, metavar="N",
                    help="render each pen trajectory N times (default 1)")
    sp.add_argument("--extra-holdout", type=float, default=0.0, metavar="F",
                    help="keep the last F of the pen trajectories out of training, for measuring")
    sp.add_argument("--out", metavar="DIR", help="write the model directory here instead of the model store")
    sp.add_argument("--name", help="the model's name")
    sp.add_argument("--activate", action="store_true", help="make the new model the active one")
    sp.add_argument("--json", action="store_true", help="print the result as one JSON line")
    sp.add_argument("--test-fraction", type=float, default=TEST_FRACTION, metavar="F",
                    help="test split carved from sources without test files (default %(default)s)")
    g = sp.add_argument_group("network")
    g.add_argument("--hidden", type=_hidden, default=net.hidden, metavar="N,N", help="hidden layer sizes")
    g.add_argument("--activation", choices=HIDDEN_ACTIVATIONS, default=net.activation)
    g.add_argument("--dropout", type=float, default=net.dropout)
    g.add_argument("--l1", type=float, default=net.l1)
    g.add_argument("--l2", type=float, default=net.l2)
    g.add_argument("--initializer", choices=INITIALIZERS, default=net.initializer)
    g.add_argument("--optimizer", choices=OPTIMIZERS, default=net.optimizer)
    g.add_argument("--learning-rate", type=float, default=net.learning_rate)
    g = sp.add_argument_group("training")
    from model.training import LR_SCHEDULES, TrainingConfig

    tc = TrainingConfig()
    g.add_argument("--epochs", type=int, default=tc.epochs)
    g.add_argument("--batch-size", type=int, default=tc.batch_size)
    g.add_argument("--validation-split", type=float, default=tc.validation_split)
    g.add_argument("--patience", type=int, default=tc.patience, help="early-stopping patience (0: off)")
    g.add_argument("--seed", type=int, default=tc.seed)
    g.add_argument("--no-augment", action="store_true", help="train on the digits as they are")
    g.add_argument("--augment-strength", type=float, default=tc.augment_strength,
                   help="0 none, 1 default, 2 strong distortions")
    g.add_argument("--lr-schedule", choices=LR_SCHEDULES, default=tc.lr_schedule,
                   help="constant, or cosine decay of the learning rate to zero over the epochs")
    g.add_argument("--last-epoch", action="store_true",
                   help="keep the last epoch's weights instead of the best epoch's on validation")
    sp.set_defaults(func=cmd_train)

    sp = sub.add_parser("models", help="list, activate, rename, delete, export or import models")
    msub = sp.add_subparsers(dest="action", required=True, metavar="ACTION")
    m = msub.add_parser("list", help="the models, the active one starred")
    m.add_argument("--json", action="store_true")
    msub.add_parser("activate", help="use this model").add_argument("id")
    msub.add_parser("delete", help="delete a user model").add_argument("id")
    m = msub.add_parser("rename", help="rename a user model")
    m.add_argument("id")
    m.add_argument("name")
    m = msub.add_parser("export", help="write a model to a .zip")
    m.add_argument("id")
    m.add_argument("path")
    msub.add_parser("import", help="add a model from a .zip").add_argument("path")
    msub.add_parser("reset", help="make the shipped default model active again")
    sp.set_defaults(func=cmd_models)
    from app.cli_samples import add_commands
    add_commands(sub)
    from app.cli_explore import add_commands as add_explore
    add_explore(sub)
    return p


if __name__ == "__main__":
    # Run the imported module's main, not this __main__ copy: exceptions such as CliError raised
    # by app.cli_samples / app.cli_explore are app.cli's classes.
    from app.cli import main as _main

    sys.exit(_main())
