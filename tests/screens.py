"""Screens to test the window on, without a display: Qt's offscreen platform at a chosen size.

``screen_env("1366x768")`` (or ``"1920x1080@2"``: QT_SCALE_FACTOR=2) gives the environment that
makes the offscreen platform pretend to be that screen (its ``configfile`` option: a JSON list of
screens); set it before Qt starts. No Qt here: conftest.py imports this before anything loads Qt.
"""
from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

SIZES = ("1280x720", "1366x768", "1400x950", "1920x1080", "1920x1080@2")


def parse(spec: str) -> tuple[int, int, float]:
    """"1366x768" -> (1366, 768, 1.0); "1920x1080@2" -> (1920, 1080, 2.0)."""
    size, _, scale = spec.partition("@")
    w, h = (int(v) for v in size.lower().split("x"))
    return w, h, float(scale or 1)


def screen_env(spec: str, folder: str | os.PathLike | None = None) -> dict[str, str]:
    """Environment variables that make the offscreen platform a ``spec`` screen (see :func:`parse`)."""
    w, h, scale = parse(spec)
    folder = Path(folder or tempfile.mkdtemp(prefix="digitpad-screen-"))
    config = folder / f"screen-{w}x{h}.json"
    config.write_text(json.dumps({"screens": [{"name": f"Screen {w}x{h}", "x": 0, "y": 0, "width": w,
                                               "height": h, "logicalDpi": 96, "logicalBaseDpi": 96,
                                               "dpr": 1}]}), encoding="utf-8")
    env = {"QT_QPA_PLATFORM": f"offscreen:configfile={config}"}
    if scale != 1:
        env["QT_SCALE_FACTOR"] = f"{scale:g}"
    return env


def logical_screen(spec: str) -> tuple[int, int]:
    """The screen's size in Qt's (device-independent) pixels."""
    w, h, scale = parse(spec)
    return round(w / scale), round(h / scale)
