"""``digitpad``'s entry point: builds the parser from the command modules and turns errors into messages.

Every error a person can act on derives from :class:`model.errors.DigitPadError` and is printed
here, once, as ``digitpad: <message>`` with exit status 1. Anything else is a bug and keeps its
traceback.
"""
from __future__ import annotations

import argparse
import os
import sys

from model.errors import DigitPadError

from . import evaluate, explore, models, personalize, predict, robustness, samples, train
from .common import EXIT_FAILED, EXIT_OK, Interrupted, err, shown

COMMANDS = (predict, evaluate, train, models, samples, personalize, explore, robustness)
WHOLE = ("train", "personalize")  # commands that save one thing, whole or not at all, when they end


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    args = parser().parse_args(argv)
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
            err(f"digitpad: {problem}")
            return EXIT_FAILED
        from app import main_window

        return main_window.run([sys.argv[0], *argv])
    try:
        return args.func(args) or EXIT_OK
    except DigitPadError as exc:
        err(f"digitpad: {shown(as_options(exc))}")
        return EXIT_FAILED
    except KeyboardInterrupt as exc:  # a command that saved some of its work says what (Interrupted)
        if isinstance(exc, Interrupted):
            err(f"digitpad: {shown(exc)}")
        else:  # these save whole or not at all, at their end
            err("digitpad: interrupted" + ("; nothing was saved." if args.command in WHOLE else "."))
        return 130
    except BrokenPipeError:  # `digitpad predict ... | head`: the reader has gone, which is fine
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except OSError as exc:  # a file or folder the command was given, or the disk: say which and why
        from model.store.saving import os_problem

        logs.log_exception(f"digitpad {args.command}", exc, "cli")  # in the log, in case it is a bug
        err(f"digitpad: {shown(os_problem(exc))}.")
        return EXIT_FAILED


def as_options(exc: DigitPadError) -> str:
    """The message, naming a setting as its command-line option ("--learning-rate: ...")."""
    from model.data.sources import MnistDownloadError

    field = getattr(exc, "field", None)
    text = str(exc)
    if field and text.startswith(f"{field}:"):
        return f"--{field.replace('_', '-')}{text[len(field):]}"
    if isinstance(exc, MnistDownloadError):
        text += " Pass them as --data drawn, --data FOLDER or --data FILE.npz."
    return text


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="digitpad",
        description="Draw digits and watch a neural network read them. Without a command, opens the window.",
    )
    p.add_argument("--self-test", action="store_true",
                   help="open the window, draw a bundled digit, train one short epoch, print a JSON report")
    p.add_argument("--screenshot", metavar="PNG",
                   help="with --self-test: save the window, drawn on, to this PNG (and the X screen beside it)")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")
    for command in COMMANDS:
        command.register(sub)
    return p
