"""Recipes for reading drawn digits, side by side: MNIST held-out, drawn tuning writers, drawn check labs.

    python tests/benchmarks/bench_drawn_recipes.py RECIPES [--log FILE]

RECIPES is a JSON list of objects; every key is optional:
  name      label for the row
  hidden    hidden layer sizes (default: NetworkConfig's)
  training  TrainingConfig fields on top of its defaults (epochs, batch_size, seed, ...)
  network   other NetworkConfig fields
  unipen    renders of each UNIPEN training ink (0: none; default 1)
  pen       renders of each pen trajectory of ../shared's pendigits.tra (0: none, the default;
            the shipped corpus holds UNIPEN only)
  jitter    model.data.drawn.Jitter fields for those renders (default: none)
  redraw    fraction of MNIST training digits re-drawn as ink (redraw.py; not adopted; default 0)
  final     true: train on every UNIPEN writer outside the check labs (the shipped recipe; its
            "tune" figure is then on writers it trained on and means nothing)

MNIST: the 10,000 shared digits, the 1,000-digit held-out split of tests/benchmarks/common.py.
Drawn training digits: the shipped corpus (assets/data/drawn-digits.npz, UNIPEN) minus the tuning
writers (model.data.drawn.tuning_split) minus the check labs (model.data.drawn.CHECK_LABS), rendered with
the preprocessing. (Rows of docs/drawn-experiments.md run before the corpus dropped pendigits
had "pen" 1 by default: recipes without "pen" there mean pendigits x1.) Each row: wall and CPU
seconds of the training, load average, accuracies.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time

from common import PENDIGITS, mnist_split, require_shared


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("recipes")
    ap.add_argument("--log", default=None, help="append one JSON line per recipe here")
    args = ap.parse_args()
    require_shared()
    import numpy as np

    from model.data import drawn
    from model.evaluation import evaluate
    from model.training.network import NetworkConfig
    from model.training.trainer import Trainer, TrainingConfig

    ds = mnist_split()
    corpus = drawn.shipped_corpus()
    rest, check = drawn.check_split(corpus)
    train_tune, tune = drawn.tuning_split(corpus)
    x_check, y_check = drawn.render(check)
    x_tune, y_tune = drawn.render(tune)
    x_flag, y_flag, x_slash, y_slash = styled(check, tune)
    for r in json.loads(args.recipes):
        t0 = time.perf_counter()
        pool = rest if r.get("final") else train_tune
        uni = pool
        seed = r.get("training", {}).get("seed", 42)
        jitter = drawn.Jitter(**r.get("jitter", {}))
        parts = []
        if r.get("unipen", 1):
            parts.append(drawn.render(uni, r.get("unipen", 1), seed, jitter))
        if r.get("pen", 0):
            parts.append(drawn.render(drawn.read_pendigits(PENDIGITS), r["pen"], seed + 1, jitter))
        x_mnist = ds.x_train
        if r.get("redraw"):
            from redraw import redraw_images

            x_mnist = redraw_images(ds.x_train, r["redraw"], seed)
        extra = (np.concatenate([p[0] for p in parts]), np.concatenate([p[1] for p in parts])) if parts else None
        prep = time.perf_counter() - t0
        from model.data.sources import Dataset

        data = Dataset(x_mnist, ds.y_train, ds.x_test, ds.y_test, ds.name)
        net = NetworkConfig(**({"hidden": r["hidden"]} if "hidden" in r else {}), **r.get("network", {}))
        cfg = TrainingConfig(**r.get("training", {}))
        load0 = os.getloadavg()[0]
        c0, w0 = time.process_time(), time.perf_counter()
        res = Trainer(data, net, cfg, extra=extra).run()
        wall, cpu = time.perf_counter() - w0, time.process_time() - c0
        rec = res.recognizer
        ev_tune, ev_check = evaluate(rec, x_tune, y_tune), evaluate(rec, x_check, y_check)
        flags, slashes = evaluate(rec, x_flag, y_flag).accuracy, evaluate(rec, x_slash, y_slash).accuracy
        row = {
            "name": r.get("name", ""), "recipe": r, "n_extra": 0 if extra is None else len(extra[1]),
            "prep_s": round(prep, 1), "wall_s": round(wall, 1), "cpu_s": round(cpu, 1),
            "load": [round(load0, 1), round(os.getloadavg()[0], 1)], "epochs_run": res.epochs_run,
            "best_epoch": res.best_epoch, "mnist": res.test_accuracy,
            "tune": ev_tune.accuracy, "check": ev_check.accuracy, "flagged_1": flags, "slashed_0": slashes,
            "tune_confusion": ev_tune.confusion.tolist(), "check_confusion": ev_check.confusion.tolist(),
            "tune_wrong": np.flatnonzero(ev_tune.predictions != y_tune).tolist(),
            "tune_pred": ev_tune.predictions[ev_tune.predictions != y_tune].tolist(),
        }
        if r.get("save"):
            from model.store.card import DataSpec
            from model.training.trainer import write_model_dir

            write_model_dir(r["save"], res, name=row["name"], data=DataSpec(name=ds.name))
        print(f"{row['name']:<28} mnist {row['mnist']:.2%}  tune {row['tune']:.2%}  check {row['check']:.2%}"
              f"  flagged 1s {flags:.2%}  slashed 0s {slashes:.2%}"
              f"  wall {wall:.0f} s cpu {cpu:.0f} s load {row['load']}  extra {row['n_extra']}"
              f"  epochs {res.epochs_run} (best {res.best_epoch})", flush=True)
        if args.log:
            with open(args.log, "a") as f:
                f.write(json.dumps(row) + "\n")


def styled(*held_out):
    """The 1s of held-out writers (for the recipes here: the check labs and the tuning writers,
    neither trained on but by "final" recipes) with a flag and their 0s slashed (model.data.drawn.with_flag /
    with_slash at fixed sizes, not the random ones training draws): how well a recipe reads the
    two styles the owner saw misread (a flagged 1 as 7, a slashed 0 as 8)."""
    import math

    import numpy as np

    from model.data import drawn

    ones = [ink for d in held_out for ink, y in zip(d.inks, d.labels) if y == 1]
    zeros = [ink for d in held_out for ink, y in zip(d.inks, d.labels) if y == 0]
    flagged = [drawn.with_flag(ink, length, math.radians(angle), joined=bool(k % 2))
               for k, ink in enumerate(ones) for length in (0.2, 0.3, 0.4) for angle in (25, 40)]
    slashed = [drawn.with_slash(ink, 0.08, 0.0) for ink in zeros]

    def as_drawn(inks, label):
        d = drawn.Drawn(tuple(inks), np.full(len(inks), label, np.uint8), np.array([""] * len(inks)), "styled")
        return drawn.render(d)

    return (*as_drawn(flagged, 1), *as_drawn(slashed, 0))


if __name__ == "__main__":
    sys.exit(main())
