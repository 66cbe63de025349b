"""The errors DigitPad explains to people, and the one way a job says it was cancelled.

Every error a user can cause or fix (a bad file, a missing model, an out-of-range setting) derives
from :class:`DigitPadError`. Its message is the whole explanation: what went wrong, naming the
file or setting, and what to do. The command line prints it as ``digitpad: <message>`` and the
window shows it in a dialog, both in one place each, so a new error class needs no new handler.

Anything else that escapes (``KeyError``, ``AssertionError``...) is a bug in DigitPad, and is
reported as one.
"""
from __future__ import annotations

import os

__all__ = ["DigitPadError", "ConfigError", "Cancelled", "read_error"]


class DigitPadError(Exception):
    """An error a person can act on. ``str(exc)`` is the message to show, hint included.

    ``title`` is a short heading for a dialog ("Cannot read the drawing"); subclasses set one.
    ``hint``, when given, is what to do, appended to the message on its own sentence.
    """

    title = "DigitPad cannot do that"

    def __init__(self, message: str = "", *, hint: str | None = None, title: str | None = None):
        self.message = message
        self.hint = hint
        if title is not None:
            self.title = title
        super().__init__(f"{message} {hint}" if hint else message)


class ConfigError(DigitPadError, ValueError):
    """A configuration value out of range; the message names the field and the allowed values.

    ``field`` is the NetworkConfig / TrainingConfig field (or load_source argument) at fault, so the
    command line can name its option (``--learning-rate``) and the window its box."""

    title = "Setting out of range"

    def __init__(self, message: str = "", *, field: str | None = None, **kwargs):
        super().__init__(message, **kwargs)
        self.field = field


class Cancelled(Exception):
    """A long job (training, personalising, a robustness sweep) stopped because it was asked to.

    Not an error: the job's caller expected it and nothing was saved.
    """


def read_error(path: str | os.PathLike, exc: OSError, what: str, *, inside: str | None = None,
               missing: str = "no such file") -> str:
    """The message for people when ``path`` (``what`` it should be: "an image", "an ink file") could
    not be opened for reading: it is missing, not ours to read, a folder (``inside``: what to open in
    it instead), or another OSError in the system's words. ink, preprocess and recognizer share it."""
    if isinstance(exc, FileNotFoundError):
        return f"{path}: {missing}."
    if isinstance(exc, PermissionError):
        return (f"{path}: permission denied: DigitPad may not read this file. Check its permissions, or copy "
                "it somewhere you can read it.")
    if isinstance(exc, IsADirectoryError):
        return f"{path}: is a folder, not {what}." + (f" Open {inside} inside it." if inside else "")
    return f"{path}: cannot read the file ({exc.strerror or exc})."
