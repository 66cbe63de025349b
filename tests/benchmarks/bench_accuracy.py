"""Accuracy and training time, each beside the tutorial's recipe trained in the same run.

    .venv/bin/python tests/benchmarks/bench_accuracy.py [--skip-train]

Trains (on the 10,000 shared MNIST digits, with the same 10% test split the default model kept
out) the tutorial's recipe and what the window's Train button runs (`digitpad train` defaults),
timing each `digitpad train` command from start to exit. Then measures those two models and the
shipped default on: the held-out MNIST digits (all, and those from MNIST's official test set,
the closest stand-in for the digits we are judged on) and the held-out pen trajectories drawn as
ink on a 280x280 canvas with pen 18 (through DigitPad's preprocessing, and shrunk naively).
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import MNIST_DIR, ROOT, SPLIT_SEED, TEST_FRACTION, mnist_split, pen_holdout_inks, require_shared

TUTORIAL = ["--hidden", "256,128", "--dropout", "0.2", "--optimizer", "adam", "--learning-rate", "0.001",
            "--batch-size", "128", "--validation-split", "0.2", "--patience", "10", "--epochs", "100",
            "--lr-schedule", "constant", "--no-augment",
            # what the defaults no longer are: the best epoch, no batch budget, MNIST alone
            "--best-epoch", "--max-batches", "0", "--no-drawn"]


def train(out: Path, flags: list[str]) -> tuple[float, dict]:
    cmd = [sys.executable, "-m", "app.cli", "train", "--data", str(MNIST_DIR), "--test-fraction",
           str(TEST_FRACTION), "--seed", str(SPLIT_SEED), "--out", str(out), "--json", *flags]
    t = time.perf_counter()
    run = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True,
                         env={**os.environ, "DIGITPAD_HOME": str(out.parent / "home")})
    wall = time.perf_counter() - t
    if run.returncode:
        sys.exit(f"training failed: {' '.join(cmd)}\n{run.stderr[-2000:]}")
    return wall, json.loads(run.stdout.strip().splitlines()[-1])


def naive(ink):
    """The drawing shrunk to 28x28 as it is on the canvas (no crop, no centring), inverted."""
    import numpy as np
    from PIL import Image, ImageDraw

    img = Image.new("L", (ink.width, ink.height), 0)
    d = ImageDraw.Draw(img)
    for s in ink.strokes:
        d.line(s.ravel().tolist(), fill=255, width=int(ink.pen_width), joint="curve")
    return np.asarray(img.resize((28, 28), Image.Resampling.LANCZOS), dtype=np.float32) / 255.0


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--skip-train", action="store_true", help="only measure the shipped default model")
    args = ap.parse_args()
    require_shared()
    import numpy as np
    from origin import from_mnist_test

    from model import preprocess
    from model.evaluation import evaluate
    from model.paths import default_model_dir
    from model.recognizer import Recognizer

    ds = mnist_split()
    test_origin = from_mnist_test(ds.x_test)
    inks, pen_y = pen_holdout_inks()
    pen_x = np.stack([preprocess.ink_to_input(ink) for ink in inks])
    pen_naive = np.stack([naive(ink) for ink in inks])

    models = {"shipped default model": (Path(os.environ.get("BENCH_MODEL", default_model_dir())), None, None)}
    tmp = Path(tempfile.mkdtemp(prefix="digitpad-bench-"))
    if not args.skip_train:
        for label, flags in [("tutorial recipe (baseline)", TUTORIAL), ("`digitpad train` defaults", [])]:
            wall, res = train(tmp / label.split()[0].strip("`"), flags)
            models[label] = (Path(res["model"]), wall, res)

    print(f"MNIST held-out: {len(ds.y_test)} digits ({int(test_origin.sum())} from MNIST's test set); "
          f"pen held-out: {len(pen_y)} drawings")
    head = f"{'model':<30}{'train s':>9}{'epochs':>8}{'MNIST':>8}{'MNIST-test':>12}{'drawn':>8}{'drawn naive':>13}"
    print(head)
    for label, (path, wall, res) in models.items():
        rec = Recognizer.load(path)
        m_all = evaluate(rec, ds.x_test, ds.y_test).accuracy
        m_test = evaluate(rec, ds.x_test[test_origin], ds.y_test[test_origin]).accuracy
        drawn = evaluate(rec, pen_x, pen_y).accuracy
        drawn_naive = evaluate(rec, pen_naive, pen_y).accuracy
        secs = f"{wall:.1f}" if wall else "-"
        epochs = str(res["epochs_run"]) if res else "-"
        print(f"{label:<30}{secs:>9}{epochs:>8}{m_all:>8.2%}{m_test:>12.2%}{drawn:>8.2%}{drawn_naive:>13.2%}")


if __name__ == "__main__":
    main()
