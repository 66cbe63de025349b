"""Where DigitPad keeps user data (models, samples, settings) and where its shipped assets are."""
from __future__ import annotations

import errno
import os
import sys
from importlib import resources
from pathlib import Path

from .errors import DigitPadError

APP_NAME = "DigitPad"


class DataHomeError(DigitPadError):
    """DigitPad's data folder cannot be used; the message names it and says what to do."""

    title = "Cannot use DigitPad's data folder"


def data_home(create: bool = True) -> Path:
    """The per-user data directory; ``DIGITPAD_HOME`` moves all of it (tests and scripts use it).

    With ``create`` it is created on first use, so a fresh machine (or a fresh ``DIGITPAD_HOME``)
    just works, and a folder that cannot be used (a file there, no permission, a read-only disk)
    is one :class:`DataHomeError` that says so. Without, it is only the path (reading needs no
    folder: no models and no samples yet).
    """
    env = os.environ.get("DIGITPAD_HOME")
    if env:
        home = Path(env).expanduser()
    else:
        from platformdirs import user_data_dir

        home = Path(user_data_dir(APP_NAME, appauthor=False))
    if create:
        check_home(home)
    return home


def check_home(home: Path) -> None:
    """Make ``home`` if it is missing; DataHomeError if it cannot be DigitPad's data folder."""
    where = "DIGITPAD_HOME" if os.environ.get("DIGITPAD_HOME") else "your data folder"
    fix = (" Set DIGITPAD_HOME to a folder you can write (or unset it), or fix the folder's permissions."
           if os.environ.get("DIGITPAD_HOME") else " Fix the folder's permissions, or set DIGITPAD_HOME to"
           " a folder you can write.")
    try:
        home.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise DataHomeError(f"DigitPad cannot keep its data in {home} ({where}): it is a file, not a"
                            f" folder.{fix}") from None
    except OSError as exc:
        why = "the disk it is on is read-only" if exc.errno == errno.EROFS else exc.strerror or exc
        raise DataHomeError(f"DigitPad cannot keep its data in {home} ({where}): {why}.{fix}") from None
    if not os.access(home, os.W_OK | os.X_OK):
        why = "the disk it is on is read-only" if _read_only(home) else "the folder cannot be written"
        raise DataHomeError(f"DigitPad cannot keep its data in {home} ({where}): {why}.{fix}")


def _read_only(folder: Path) -> bool:
    try:
        return bool(os.statvfs(folder).f_flag & os.ST_RDONLY)
    except (OSError, AttributeError):  # no statvfs on Windows
        return False


def assets_dir() -> Path:
    """The read-only assets (the shipped default model, the drawn digits, the sample inks, the icons).

    The top-level ``assets/`` folder of a checkout is their source of truth, read in place by a
    checkout and an editable install. A wheel carries a copy as the package data ``model/assets``
    (setup.py puts it there), read through importlib.resources; the PyInstaller bundle has them at
    ``assets/`` (build.spec).
    """
    if getattr(sys, "frozen", False):
        return Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent)) / "assets"
    installed = resources.files("model") / "assets"
    if installed.is_dir():
        return Path(str(installed))
    return Path(__file__).resolve().parent.parent / "assets"


def default_model_dir() -> Path:
    return assets_dir() / "models" / "default"
