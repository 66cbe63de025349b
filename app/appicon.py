"""DigitPad's icon and desktop identity for the QApplication (window, task bar, Wayland app id).

The icon is ``assets/icons/digitpad-<N>.png`` (rendered from ``digitpad.svg`` by
``tools/make_icons.py``): PNGs rather than the SVG, so no SVG icon-engine plugin is needed.
"""
from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtGui import QGuiApplication, QIcon

from model.paths import assets_dir

DESKTOP_FILE = "digitpad"  # packaging/digitpad.desktop: the Wayland app id and the X11 window class


def icon_files() -> list[Path]:
    """The icon's PNGs, smallest first."""
    files = [(int(m.group(1)), p) for p in (assets_dir() / "icons").glob("digitpad-*.png")
             if (m := re.fullmatch(r"digitpad-(\d+)\.png", p.name))]
    return [p for _, p in sorted(files)]


def app_icon() -> QIcon:
    icon = QIcon()
    for path in icon_files():
        icon.addFile(str(path))
    return icon


def apply(app: QGuiApplication) -> None:
    """Give every DigitPad window the icon, and the desktop the name of DigitPad's .desktop file."""
    app.setWindowIcon(app_icon())
    app.setDesktopFileName(DESKTOP_FILE)
