"""Preferences: QSettings under organisation/application "DigitPad", and every key in one place.

When ``DIGITPAD_HOME`` is set (tests, scripts, the self-test), preferences live in an INI file
there instead of the user's real settings, like everything else DigitPad stores.

Each preference is a :class:`Key` below, with its one default: ``PEN_WIDTH.get()``,
``PEN_WIDTH.set(24)``. Keys are ``group/camelCase``. A key that was renamed keeps reading its old
name (``legacy``), so an update never loses a setting.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
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


def _convert(v, kind, default):
    if v is None:
        return default
    try:
        if kind is bool and isinstance(v, str):
            return v.lower() in ("1", "true", "yes")
        if kind is bytes:
            return bytes(v)
        return kind(v)
    except (TypeError, ValueError):
        return default


def value(key: str, default, type_=None):
    """A stored preference, or ``default`` when missing or not convertible to its type."""
    return _convert(settings().value(key, default), type_ or type(default), default)


@dataclass(frozen=True)
class Key:
    """One preference: its name, its default (whose type it is read as), and names it had before."""

    name: str
    default: object
    legacy: tuple[str, ...] = ()
    kind: type | None = None

    def get(self):
        s = settings()
        for name in (self.name, *self.legacy):
            if s.contains(name):
                return _convert(s.value(name), self.kind or type(self.default), self.default)
        return self.default

    def set(self, v) -> None:
        s = settings()
        s.setValue(self.name, v)
        for name in self.legacy:
            s.remove(name)


@dataclass(frozen=True)
class FolderKey(Key):
    """A folder a file dialog starts in: the one last used there, if it still exists, else home."""

    def get(self) -> str:
        d = str(Key.get(self) or "")
        return d if d and Path(d).is_dir() else str(Path.home())

    def remember(self, path: str | os.PathLike) -> None:
        """Remember the folder of ``path`` (a file), or ``path`` itself when it is a folder."""
        p = Path(path).expanduser()
        self.set(str(p if p.is_dir() else p.parent))


# -- the window
WINDOW_GEOMETRY = Key("window/geometry", None, kind=bytes)
WINDOW_TAB = Key("window/tab", 0)
LANGUAGE = Key("view/language", "")  # "" follows the system (LANG, QLocale), "en", "de": app.i18n
# -- the Draw tab
PEN_WIDTH = Key("draw/penWidth", 18.0)
NUMBER_MODE = Key("draw/numberMode", False)
# -- folders the file dialogs start in
FILES_DIR = FolderKey("files/lastDir", "")  # drawings and images, model zips
SAMPLES_DIR = FolderKey("samples/lastDir", "")  # sample zips
DATA_DIR = FolderKey("data/lastDir", "")  # digit data (IDX folders, .npz) in the Train, Data and Robustness tabs
MODEL_EXPORT_DIR = FolderKey("training/exportDir", "", legacy=("training/export_dir",))
# -- the Train tab
TRAINING_FORM = Key("training/form", "")  # the form as JSON (app.train.form)
