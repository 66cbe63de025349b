"""Screenshots of the Samples tab while Personalise runs and after it (docs/screenshots/
samples-personalising.png, samples-personalised.png).

    xvfb-run -a -s "-screen 0 1600x1100x24" .venv/bin/python tools/screenshot_samples.py

The samples are one person of tests/benchmarks/bench_personalize.py (a real UNIPEN writer from
../shared who writes slashed zeros, 10 drawings per digit), personalising the shipped default.
"""
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
os.environ["DIGITPAD_HOME"] = tempfile.mkdtemp(prefix="digitpad-shot-")
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "benchmarks")]
import bench_personalize as bp  # noqa: E402
from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from model.data import drawn  # noqa: E402

bp.REDRAW_JITTER = drawn.Jitter()
writer, styles = bp.PERSONS[0]
inks, labels, _, _ = bp.person(drawn.read_unipen(bp.UNIPEN), writer, styles, 0, 10)

app = QApplication([])
app.setStyle("Fusion")
from app.main_window import MainWindow  # noqa: E402

w = MainWindow()
w.resize(1400, 960)
w.show()


def wait(ms):
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


wait(1500)
tab = w.samples_tab
for ink, label in zip(inks, labels):
    w.samples.add(None, int(label), ink=ink)
tab.refresh()
w.tabs.setCurrentWidget(tab)
wait(500)
tab.start_personalize()
deadline = time.time() + 240
while time.time() < deadline and tab.is_personalizing() and tab.progress.value() < 380:
    wait(200)
wait(300)
w.grab().save(str(ROOT / "docs" / "screenshots" / "samples-personalising.png"))
while time.time() < deadline and tab.is_personalizing():
    wait(300)
wait(1500)
w.grab().save(str(ROOT / "docs" / "screenshots" / "samples-personalised.png"))
print("saved", tab.progress.value())
