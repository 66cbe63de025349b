"""Where DigitPad keeps user data (models, samples, settings) and where its shipped assets are."""
from __future__ import annotations

import os
import sys
from importlib import resources
from pathlib import Path

APP_NAME = "DigitPad"


def data_home() -> Path:
    """The per-user data directory; ``DIGITPAD_HOME`` moves all of it (tests and scripts use it).

    It is created on first use, so a fresh machine (or a fresh ``DIGITPAD_HOME``) just works.
    """
    env = os.environ.get("DIGITPAD_HOME")
    if env:
        home = Path(env).expanduser()
    else:
        from platformdirs import user_data_dir

        home = Path(user_data_dir(APP_NAME, appauthor=False))
    home.mkdir(parents=True, exist_ok=True)
    return home


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
