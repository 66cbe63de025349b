"""Shared set-up for the benchmark scripts (not tests: they print figures, they assert nothing).

The benchmarks read ../shared/data (the 10,000 MNIST digits and the pen trajectories), which the
test suite never does. Held-out parts are carved exactly as the shipped default model's command
carved them, so its figures are measured on digits it never saw.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
SHARED = Path(os.environ.get("DIGITPAD_SHARED", ROOT.parent / "shared")) / "data"
MNIST_DIR = SHARED / "mnist-subset"
PENDIGITS = SHARED / "pendigits" / "pendigits.tra"
# Must match the default model's training command in README.md / assets/models/default/card.json.
TEST_FRACTION = 0.1
SPLIT_SEED = 42
PEN_HOLDOUT = 0.2


def require_shared() -> None:
    if not MNIST_DIR.is_dir() or not PENDIGITS.is_file():
        sys.exit(f"benchmarks need ../shared/data beside the project (looked in {SHARED}); "
                 "set DIGITPAD_SHARED to its parent folder")


def mnist_split():
    from model.data import sources as data

    return data.load_idx_folder(MNIST_DIR, split=True, test_fraction=TEST_FRACTION, seed=SPLIT_SEED)


def pen_holdout_inks(seed: int = 7):
    """The held-out pen trajectories as ink (280x280, pen 18, random size and position)."""
    import numpy as np

    from model.data import pendigits

    pts, labels = pendigits.read(PENDIGITS)
    cut = pendigits.holdout_start(len(labels), PEN_HOLDOUT)
    rng = np.random.default_rng(seed)
    return [pendigits.to_ink(p, rng) for p in pts[cut:]], labels[cut:]


def median_ms(fn, n: int) -> float:
    import time

    import numpy as np

    times = []
    for _ in range(n):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return float(np.median(times) * 1e3)
