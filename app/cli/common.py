"""What the command modules share: output, exit codes, argument types, the model and samples to use."""
from __future__ import annotations

import argparse
import sys
import unicodedata
from pathlib import Path

from model.errors import DigitPadError

EXIT_OK, EXIT_FAILED = 0, 1


class CliError(DigitPadError):
    """A problem with the command as given (a folder that cannot be made, an option out of range)."""

    title = "Cannot run the command"


class Interrupted(KeyboardInterrupt):
    """Ctrl-C, with what the command had done by then ("12 of 40 samples were stored: ...")."""


def err(msg: str) -> None:
    """A line on stderr (a windowed executable has none); never a terminal escape (see :func:`out`)."""
    if sys.stderr is not None:
        print(_terminal_safe(msg), file=sys.stderr, flush=True)


def out(line: str) -> None:
    """A line on stdout (a windowed executable has none). Whatever text it carries (a file name, a
    model's name), control characters other than tabs and line breaks, and bytes of a file name
    that are not UTF-8, are shown escaped: nothing printed can move the cursor, clear the screen
    or fail to encode. Names are also passed through :func:`shown`, which escapes line breaks too."""
    if sys.stdout is not None:
        print(_terminal_safe(line), flush=True)


def _terminal_safe(text: str) -> str:
    text = str(text)
    if text.isprintable():
        return text
    return "".join(c if c in "\t\n" else _escaped(c) for c in text)


def shown(text) -> str:
    """``text`` safe to print on a terminal: control characters (escape sequences, newlines, bidi
    overrides) and bytes that were not UTF-8 in a file name are shown escaped, e.g. ``\\x1b``."""
    text = str(text)
    if text.isprintable():
        return text
    return "".join(_escaped(c) for c in text)


def _escaped(c: str) -> str:
    if c.isprintable() or unicodedata.category(c) == "Zs":  # spaces are fine; line breaks are not
        return c
    code = ord(c)
    if 0xDC80 <= code <= 0xDCFF:  # a byte of a name that is not UTF-8 (surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


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


def sample_id(text: str) -> int:
    """A sample id as `digitpad samples list` shows it: a whole number 1 to 2**63-1 (SQLite's range)."""
    try:
        value = int(text)
    except ValueError:
        value = 0
    if not 1 <= value < 2**63:
        raise argparse.ArgumentTypeError(f"{shown(text)!r} is not a sample id (a whole number as `digitpad samples"
                                         " list` shows it)")
    return value


def model_name(text: str) -> str:
    """``--name``/a new name: checked before any work is done (a training is not lost to a bad name)."""
    from model.store.model_dir import StoreError, check_name

    try:
        return check_name(text)
    except StoreError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def out_model_dir(path: str) -> Path:
    """``--out DIR`` for a model, checked before any work is done: where nothing is yet, an empty
    folder, or a model directory DigitPad wrote (model.store.saving.check_out_dir); else a message
    naming --out."""
    from model.store.model_dir import StoreError
    from model.store.saving import check_out_dir

    try:
        return check_out_dir(path)
    except StoreError as exc:
        raise CliError(f"--out: {exc}") from None


def out_dir(path: str) -> Path:
    folder = Path(path).expanduser()
    if folder.exists() and not folder.is_dir():
        raise CliError(f"{shown(folder)} is not a folder; give a folder to write the pictures in.")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise CliError(f"cannot create the folder {shown(folder)} ({exc.strerror or exc}).") from None
    return folder


def save_png(image, path: Path) -> None:
    """Write a PIL image as a PNG DigitPad marks as its own; an existing file is replaced only when
    DigitPad wrote it (never a picture of yours that happens to have the same name)."""
    import os
    import uuid

    from PIL import PngImagePlugin

    from model.store.saving import check_file_target

    path = check_file_target(path, _our_png, "a picture DigitPad wrote", error=CliError)
    info = PngImagePlugin.PngInfo()
    info.add_text("Software", PNG_SOFTWARE)
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.tmp")
    try:
        image.save(tmp, format="PNG", pnginfo=info)
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise CliError(f"cannot write {shown(path)} ({exc.strerror or exc}).") from None


PNG_SOFTWARE = "DigitPad"


def check_pngs(paths) -> None:
    """Refuse (CliError) before anything is written if any of these pictures may not be."""
    from model.store.saving import check_file_target

    for path in paths:
        check_file_target(path, _our_png, "a picture DigitPad wrote", error=CliError)


def _our_png(path: Path) -> bool:
    from PIL import Image

    try:
        with Image.open(path) as image:
            return image.format == "PNG" and image.info.get("Software") == PNG_SOFTWARE
    except Exception:  # noqa: BLE001 - anything unreadable is not ours
        return False


# --- the model and samples a command uses --------------------------------------------------------
def load_model(model_arg):
    """(ModelInfo, Recognizer) for ``--model`` (a directory or id), else the active model; says
    on stderr when the active model could not be used and the default stands in. A model
    directory given by path does not need DigitPad's data folder."""
    from model.recognizer import Recognizer
    from model.store.models import ModelStore

    chosen = ModelStore().choose(model_arg)
    if chosen.fallback_reason:
        err(f"digitpad: {shown(chosen.fallback_reason)}")
    return chosen.info, Recognizer.load(chosen.info.path)


def open_samples(path=None):
    """The user's SampleStore (a recovery it made is reported on stderr); ``path``: a store the
    user named (``--samples FILE``), used only if it already is one of DigitPad's."""
    from model.samples.store import SampleStore

    samples = SampleStore(path, named=path is not None)
    if samples.recovery_message:
        err(f"digitpad: {shown(samples.recovery_message)}")
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
