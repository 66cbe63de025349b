"""What the command modules share: output, exit codes, argument types, the model and samples to use."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from model.errors import DigitPadError

EXIT_OK, EXIT_FAILED = 0, 1


class CliError(DigitPadError):
    """A problem with the command as given (a folder that cannot be made, an option out of range)."""

    title = "Cannot run the command"


def err(msg: str) -> None:
    """A line on stderr (a windowed executable has none)."""
    if sys.stderr is not None:
        print(msg, file=sys.stderr, flush=True)


def out(line: str) -> None:
    """A line on stdout (a windowed executable has none)."""
    if sys.stdout is not None:
        print(line, flush=True)


def events_command(command):
    """A command's ``run(args)`` that, with ``--events`` (run by the window as its child process),
    yields the CPU to the window and reports a failure as an error event too (app.cli.events)."""
    def run(args) -> int:
        if not getattr(args, "events", False):
            return command(args)
        from .events import reporting_errors, yield_to_the_window

        yield_to_the_window()
        with reporting_errors():
            return command(args)

    run.__doc__ = command.__doc__
    return run


def on_terminal() -> bool:
    return sys.stderr is not None and sys.stderr.isatty()


# --- argument types -------------------------------------------------------------------------------
def digit(text: str) -> int:
    if text.strip() not in tuple("0123456789"):
        raise argparse.ArgumentTypeError(f"{text!r} is not a digit 0-9")
    return int(text)


def positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text!r}: give a whole number of at least 1")
    return value


def hidden(text: str) -> list[int]:
    """``--hidden 256,128``: the same syntax the Train tab accepts (model.training.network.parse_hidden)."""
    from model.errors import ConfigError
    from model.training.network import parse_hidden

    try:
        return parse_hidden(text)
    except ConfigError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def out_dir(path: str) -> Path:
    folder = Path(path).expanduser()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise CliError(f"cannot create the folder {folder} ({exc.strerror or exc}).") from None
    return folder


# --- the model and samples a command uses --------------------------------------------------------
def load_model(model_arg):
    """(ModelInfo, Recognizer) for ``--model`` (a directory or id), else the active model; says
    on stderr when the active model could not be used and the default stands in."""
    from model.recognizer import Recognizer
    from model.store.models import ModelStore

    store = ModelStore()
    info = store.resolve(model_arg)
    if model_arg is None:
        if store.fallback_reason:
            err(f"digitpad: {store.fallback_reason}")
        return info, store.load_recognizer(info.id)
    return info, Recognizer.load(info.path)


def open_samples():
    """The user's SampleStore (a recovery it made is reported on stderr)."""
    from model.samples.store import SampleStore

    samples = SampleStore()
    if samples.recovery_message:
        err(f"digitpad: {samples.recovery_message}")
    return samples


class ProgressBar:
    """A one-line training progress bar on a terminal (stderr); silent otherwise."""

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
