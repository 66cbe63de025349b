"""Screenshot of the Draw tab with the Inside dock open (docs/screenshots/draw-inside.png): a digit
drawn with mouse events, read live, and every layer's values for it.

    xvfb-run -a -s "-screen 0 1600x1100x24" .venv/bin/python tools/screenshot_draw.py [OUT.png]
"""
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
os.environ["DIGITPAD_HOME"] = tempfile.mkdtemp(prefix="digitpad-shot-")
sys.path.insert(0, str(ROOT))
from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

app = QApplication([])
app.setStyle("Fusion")
from app.main_window import MainWindow
from app.selftest import replay_ink
from model.ink import load
from model.paths import assets_dir


def wait(ms: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


w = MainWindow()
w.resize(1400, 1040)
w.show()
wait(1500)
w.inside_action.setChecked(True)
replay_ink(w.canvas, load(assets_dir() / "samples" / "three.json"))
wait(900)
out = sys.argv[1] if len(sys.argv) > 1 else str(ROOT / "docs" / "screenshots" / "draw-inside.png")
w.grab().save(out)
print(f"read {w.prediction_view.prediction().digit}; saved {out}")
