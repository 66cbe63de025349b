"""Preferences: QSettings under organisation/application "DigitPad".

When ``DIGITPAD_HOME`` is set (tests, scripts, the self-test), preferences live in an INI file
there instead of the user's real settings, like everything else DigitPad stores.
"""
from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QSettings

ORGANIZATION = "DigitPad"
APPLICATION = "DigitPad"


def settings() -> QSettings:
    home = os.environ.get("DIGITPAD_HOME")
    if home:
        path = Path(home).expanduser()
        path.mkdir(parents=True, exist_ok=True)
        return QSettings(str(path / "settings.ini"), QSettings.Format.IniFormat)
    return QSettings(ORGANIZATION, APPLICATION)


def value(key: str, default, type_=None):
    """A stored preference, or ``default`` when missing or not convertible to its type."""
    s = settings()
    kind = type_ or type(default)
    try:
        v = s.value(key, default)
        if v is None:
            return default
        if kind is bool and isinstance(v, str):
            return v.lower() in ("1", "true", "yes")
        return kind(v)
    except (TypeError, ValueError):
        return default
