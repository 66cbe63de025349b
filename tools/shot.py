"""What the README's screenshots share: the real window filling a 1366x768 screen, grabbed as the
X server shows it.

Each tools/screenshot_*.py runs under Xvfb at the size of a small laptop screen::

    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python tools/screenshot_number.py

``start()`` opens DigitPad's window in a throwaway DIGITPAD_HOME, fills the screen's free area with
it (as a person would maximise it) and waits for it to be built; ``save(name)`` writes
docs/screenshots/NAME.png with ImageMagick's ``import -window root`` (the X server's own picture),
or the window's own rendering when there is no X server (``QT_QPA_PLATFORM=offscreen``).
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHOTS = ROOT / "docs" / "screenshots"
os.environ.setdefault("DIGITPAD_HOME", tempfile.mkdtemp(prefix="digitpad-shot-"))
for p in (str(ROOT), str(ROOT / "tests")):
    if p not in sys.path:
        sys.path.insert(0, p)

from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

app = QApplication.instance() or QApplication([])
app.setStyle("Fusion")


def wait(ms: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def start():
    """The window, filling the screen, built (chart and tabs) and painted."""
    from app.main_window import MainWindow

    window = MainWindow()
    window.setGeometry(window.screen().availableGeometry())
    window.show()
    wait(1500)
    window.finish_startup()
    wait(300)
    return window


def save(window, name: str) -> Path:
    out = SHOTS / f"{name}.png"
    wait(300)
    if os.environ.get("DISPLAY") and QApplication.platformName() == "xcb" and shutil.which("import"):
        subprocess.run(["import", "-window", "root", str(out)], check=True)
    else:
        window.grab().save(str(out))
    print(f"saved {out.relative_to(ROOT)}")
    return out
