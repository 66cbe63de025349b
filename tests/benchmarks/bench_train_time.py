"""How long the Train tab's defaults take, and how right the progress bar's ETA is after epoch 1.

    python tests/benchmarks/bench_train_time.py [--repeat N] [--no-drawn] [--runs K]

Trains `TrainingConfig()`/`NetworkConfig()` (the Train button) on the 10,000 shared MNIST digits
(as `digitpad train` does: 9,000, the other 1,000 carved out for testing) or on all 10,000
repeated N times (--repeat 6 stands in for MNIST's 60,000, which is what "MNIST" in the Train tab
downloads) plus the shipped drawn corpus (model.data.drawn.training_mix, as `digitpad train` does),
and prints for each run: wall and CPU seconds from the first line of preparation (rendering the
drawn digits included) to the trained model, the load average before and after, each epoch's
duration, and the ETA the progress events gave after the first epoch (and after a quarter and
half of the epochs) against the time the run really took from then on.
"""
from __future__ import annotations

import argparse
import os
import sys
import time

from common import MNIST_DIR, require_shared


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=1, help="the shared digits N times over (6: 60,000)")
    ap.add_argument("--no-drawn", action="store_true", help="MNIST only")
    ap.add_argument("--runs", type=int, default=1)
    ap.add_argument("--epochs", type=int, default=None, help="override the default epochs")
    args = ap.parse_args()
    require_shared()
    import numpy as np

    from model.data import drawn
    from model.data import sources as data
    from model.training.trainer import Trainer, TrainingConfig

    if args.repeat == 1:  # what `digitpad train --data mnist-subset` trains on: 9,000, 1,000 carved out
        ds = data.load_idx_folder(MNIST_DIR, split=True, test_fraction=0.1, seed=42)
        y = ds.y_train
    else:
        full = data.load_idx_folder(MNIST_DIR, split=False)
        y = np.tile(full.y_train, args.repeat)
        ds = data.Dataset(np.tile(full.x_train, (args.repeat, 1, 1)), y, None, None, f"shared MNIST x{args.repeat}")
    cfg = TrainingConfig() if args.epochs is None else TrainingConfig(epochs=args.epochs)
    print(f"{len(y):,} MNIST digits{'' if args.no_drawn else ' + the drawn corpus'}; TrainingConfig: {cfg}")
    for run in range(args.runs):
        events = []
        load0 = os.getloadavg()
        c0, t0 = time.process_time(), time.perf_counter()
        mix = None if args.no_drawn else drawn.training_mix(seed=cfg.seed)
        prep = time.perf_counter() - t0
        trainer = Trainer(ds, training=cfg, on_progress=lambda p, ev=events: ev.append((time.perf_counter(), p)),
                          extra=None if mix is None else mix.extra,
                          drawn_test=None if mix is None else mix.heldout)
        result = trainer.run()
        end = time.perf_counter()
        wall, cpu = end - t0, time.process_time() - c0
        ends = [(t, p) for t, p in events if p.kind == "epoch"]
        starts = [t for t, p in events if p.kind == "start"][:1] + [t for t, _ in ends[:-1]]
        durations = [t - s for (t, _), s in zip(ends, starts)]
        n_extra = 0 if mix is None else len(mix.y_train)
        print(f"run {run + 1}: {len(y) + n_extra:,} training digits, {result.epochs_run} epochs,"
              f" wall {wall:.1f} s (of which rendering the drawn digits {prep:.1f} s), CPU {cpu:.1f} s,"
              f" load {load0[0]:.1f} -> {os.getloadavg()[0]:.1f}")
        print(f"  from the last epoch's end to the trained model: {end - ends[-1][0]:.2f} s")
        print(f"  epochs: first {durations[0]:.2f} s, then median {np.median(durations[1:]):.2f} s"
              f" (min {min(durations[1:]):.2f}, max {max(durations[1:]):.2f})")
        for k in sorted({1, max(1, len(ends) // 4), max(1, len(ends) // 2)}):
            t, p = ends[k - 1]
            real = end - t
            print(f"  after epoch {k}: ETA {p.eta:.1f} s, really {real:.1f} s left"
                  f" ({(p.eta - real) / real:+.0%})")
        if result.drawn_accuracy is not None:
            print(f"  held-out drawn digits {result.drawn_accuracy:.2%} of {result.drawn_n}")


if __name__ == "__main__":
    sys.exit(main())
