"""Screenshot of the Draw tab in Number mode (docs/screenshots/number.png): a date written with the
mouse, each digit boxed and read, the chart showing the digit under the mouse.

    xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python tools/screenshot_number.py [OUT.png]

The number is composed from the shipped sample inks (assets/samples) and drawn with real mouse events.
"""
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
os.environ["DIGITPAD_HOME"] = tempfile.mkdtemp(prefix="digitpad-shot-")
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

app = QApplication([])
app.setStyle("Fusion")
from helpers import number_ink

from app.draw.number_view import NUMBER_PAPER
from app.main_window import MainWindow
from app.selftest import replay_ink

NUMBER = "07312026"


def wait(ms: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


w = MainWindow()
w.resize(1400, 780)
w.show()
wait(1500)
w.number_action.setChecked(True)
replay_ink(w.canvas, number_ink(NUMBER, *NUMBER_PAPER))
wait(300)
d = w.draw_tab.reading.digits[3]
QTest.mouseMove(w.canvas, w.canvas.canvas_to_widget((d.box[0] + d.box[2]) / 2, (d.box[1] + d.box[3]) / 2).toPoint())
wait(800)
out = sys.argv[1] if len(sys.argv) > 1 else str(ROOT / "docs" / "screenshots" / "number.png")
w.grab().save(out)
print(f"read {w.draw_tab.reading.number!r} (wrote {NUMBER!r}); saved {out}")
