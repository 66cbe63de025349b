"""Personalisation on a simulated user: gain on their style, what it costs on MNIST, how long.

    .venv/bin/python tests/benchmarks/bench_personalize.py [--model DIR] [--users 4] [--per-digit 10]

The user: the held-out pen trajectories of ../shared/data/pendigits (writers the default model
never saw) rendered as ink, then drawn in ONE distinctive style, a fixed affine map on the strokes
(squashed to 60 % height and slanted 35 degrees forward). They label 10 drawings of each digit
through the SampleStore, as the Draw tab does; ``personalize`` fine-tunes from the model's
model.keras on them mixed with the MNIST training split. Measured before and after on the OTHER
drawings in that style, on the MNIST test split (carved as the default model's command carved it),
and on the held-out pen trajectories without the style (drawn digits in general). Each simulated
user labels different drawings; the figures vary from user to user by a few tenths on MNIST (a
fine-tuned model reads 2-6 of its 1000 digits differently), so the mean over users is the figure.
Targets: >= +10 points on the style, <= 0.5 points lost on MNIST, <= 60 s of fine-tuning.
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

from common import PEN_HOLDOUT, PENDIGITS, mnist_split, pen_holdout_inks, require_shared

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

SQUASH = 0.6  # height / width of the style
SLANT = 0.7  # x += SLANT * (centre y - y): tan(35 deg), leaning forward


def styled(ink):
    """The ink in the user's style: a fixed affine map of its strokes about their centre."""
    import numpy as np

    from model.ink import Ink

    pts = ink.points()
    c = (pts.min(axis=0) + pts.max(axis=0)) / 2
    strokes = []
    for s in ink.strokes:
        d = s - c
        d = np.c_[d[:, 0] + SLANT * -d[:, 1] * SQUASH, d[:, 1] * SQUASH]
        strokes.append(d + c)
    return Ink(strokes, ink.width, ink.height, ink.pen_width)


def user_inks(seed: int = 11):
    import numpy as np

    from model import pendigits

    pts, labels = pendigits.read(PENDIGITS)
    cut = pendigits.holdout_start(len(labels), PEN_HOLDOUT)
    rng = np.random.default_rng(seed)
    inks = [styled(pendigits.to_ink(p, rng)) for p in pts[cut:]]
    return inks, labels[cut:]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", default=None, help="model directory (default: the shipped default)")
    ap.add_argument("--per-digit", type=int, default=10, help="samples each user labels per digit")
    ap.add_argument("--users", type=int, default=4, help="simulated users (which drawings they label)")
    ap.add_argument("--epochs", type=int, default=None)
    args = ap.parse_args()
    require_shared()
    import numpy as np

    from model import preprocess
    from model.evaluation import evaluate
    from model.paths import default_model_dir
    from model.personalize import personalize
    from model.recognizer import Recognizer
    from model.samples import SampleStore
    from model.store import ModelStore

    model_dir = Path(args.model or default_model_dir())
    if not (model_dir / "model.keras").is_file():
        sys.exit(f"no model.keras in {model_dir}; pass --model DIR (e.g. one made with "
                 "`digitpad train --data ../shared/data/mnist-subset --out DIR`)")

    def images(inks):
        return np.stack([np.clip(preprocess.ink_to_input(i) * 255 + 0.5, 0, 255).astype(np.uint8) for i in inks])

    inks, labels = user_inks()
    x_all = images(inks)
    plain_inks, plain_labels = pen_holdout_inks()
    x_plain = images(plain_inks)
    mnist = mnist_split()
    rec = Recognizer.load(model_dir)

    def acc(r, x, y):
        return evaluate(r, x, y).accuracy * 100

    print(f"model: {model_dir}   {args.users} users x {args.per_digit * 10} samples   "
          f"load: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(f"{'user':<5} {'style before':>12} {'after':>6} {'change':>7} | {'MNIST before':>12} {'after':>6} "
          f"{'change':>7} | {'pen before':>10} {'after':>6} {'change':>7} | {'held-out':>11} | {'seconds':>7} "
          f"{'add ms':>6}")
    rows = []
    for user in range(args.users):
        rng = np.random.default_rng(user)
        chosen = np.concatenate([rng.choice(np.flatnonzero(labels == d), args.per_digit, replace=False)
                                 for d in range(10)])
        others = np.setdiff1d(np.arange(len(labels)), chosen)  # other drawings in the same style
        scratch = tempfile.TemporaryDirectory(prefix="bench-personalize-")
        home = Path(scratch.name)
        samples = SampleStore(home / "samples.sqlite3")
        add_ms = []
        for i in chosen:
            img = preprocess.ink_to_input(inks[i])
            t = time.perf_counter()
            samples.add(img, int(labels[i]), ink=inks[i], predicted=rec.predict(img).digit, model_id="default")
            add_ms.append((time.perf_counter() - t) * 1e3)
        result = personalize(ModelStore(home=home), samples, model_id=str(model_dir), base=mnist,
                             epochs=args.epochs)
        samples.close()
        after = Recognizer.load(result.model_dir)
        row = [acc(rec, x_all[others], labels[others]), acc(after, x_all[others], labels[others]),
               acc(rec, mnist.x_test, mnist.y_test), acc(after, mnist.x_test, mnist.y_test),
               acc(rec, x_plain, plain_labels), acc(after, x_plain, plain_labels),
               result.before["samples"] * 100, result.after["samples"] * 100, result.seconds, max(add_ms)]
        rows.append(row)
        _print_row(str(user), row)
        scratch.cleanup()
    _print_row("mean", list(np.mean(rows, axis=0)))
    print(f"style: other drawings in the user's style (n={len(others)}); MNIST: test split "
          f"(n={len(mnist.y_test)}); pen: held-out pen trajectories without the style (n={len(plain_labels)}); "
          f"held-out: the user's own held-out samples (n={result.n_heldout}), before -> after; "
          "seconds: fine-tuning wall time (TensorFlow start included); add ms: slowest SampleStore.add")
    print("targets: style >= +10 points, MNIST >= -0.5 points, <= 60 s, adding <= 50 ms")


def _print_row(name, r):
    print(f"{name:<5} {r[0]:12.2f} {r[1]:6.2f} {r[1] - r[0]:+7.2f} | {r[2]:12.2f} {r[3]:6.2f} {r[3] - r[2]:+7.2f} | "
          f"{r[4]:10.2f} {r[5]:6.2f} {r[5] - r[4]:+7.2f} | {r[6]:5.1f}->{r[7]:5.1f} | {r[8]:7.1f} {r[9]:6.2f}",
          flush=True)


if __name__ == "__main__":
    main()
