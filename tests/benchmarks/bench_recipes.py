"""How much pen data the default model should see: recipes side by side on the same held-out sets.

    .venv/bin/python tests/benchmarks/bench_recipes.py RUNS [ENSEMBLES] [TRAINING] [--last]

RUNS is JSON: a list of [name, hidden sizes, training seed, pen data], where pen data is 0 (MNIST
only), 1 or 2 (every pen trajectory but the held-out last 20%, rendered once or twice), or "h" /
"h2" (only the first 40% of the trajectories, once or twice). ENSEMBLES lists groups of run names
to merge into one wider MLP (hidden layers side by side, block-diagonal weights between them,
averaged logits: what the NumPy recognizer runs as an ordinary network). TRAINING is JSON of
TrainingConfig fields on top of the defaults; --last keeps every run's last epoch. The split is
the default model's (10% test, seed 42); each run prints its held-out MNIST and drawn accuracy.

The runs behind the default model's recipe (README "Figures"):

    bench_recipes.py '[["p0",[512,256],42,0],["p1",[512,256],42,1],["p2",[512,256],42,2]]' '[]' \
        '{"epochs": 60, "patience": 0}' --last
    bench_recipes.py '[["q0",[256,128],42,0],["q1",[256,128],43,1],["h",[512,256],42,"h"]]' \
        '[["q0","q1"]]' '{"epochs": 60, "patience": 0}' --last
    bench_recipes.py '[["h43",[512,256],43,"h"],["h2",[512,256],42,"h2"]]' '[]' \
        '{"epochs": 60, "patience": 0}' --last
"""
from __future__ import annotations

import json
import sys
import time

from common import PEN_HOLDOUT, PENDIGITS, mnist_split, pen_holdout_inks, require_shared


def main() -> None:
    require_shared()
    import numpy as np

    from model import preprocess
    from model.data import pendigits
    from model.training.network import NetworkConfig, build
    from model.training.trainer import Trainer, TrainingConfig, recognizer_from_keras

    args = [a for a in sys.argv[1:] if a != "--last"]
    runs = json.loads(args[0])
    groups = json.loads(args[1]) if len(args) > 1 else []
    overrides = json.loads(args[2]) if len(args) > 2 else {}
    if "--last" in sys.argv:
        overrides["restore_best"] = False

    ds = mnist_split()
    pen = {
        1: lambda: pendigits.render_dataset(PENDIGITS, reps=1, seed=42, holdout=PEN_HOLDOUT),
        2: lambda: pendigits.render_dataset(PENDIGITS, reps=2, seed=42, holdout=PEN_HOLDOUT),
        "h": lambda: pendigits.render_dataset(PENDIGITS, reps=1, seed=42, holdout=0.6),
        "h2": lambda: pendigits.render_dataset(PENDIGITS, reps=2, seed=42, holdout=0.6),
    }
    inks, y_drawn = pen_holdout_inks()
    x_drawn = np.stack([preprocess.ink_to_input(i) for i in inks])
    x_test = ds.x_test.reshape(len(ds.x_test), -1).astype(np.float32) / 255.0

    def score(rec):
        mnist = float((rec.probabilities(x_test).argmax(1) == ds.y_test).mean())
        drawn = float((rec.probabilities(x_drawn).argmax(1) == y_drawn).mean())
        return f"MNIST held-out {mnist:.2%}  drawn {drawn:.2%}"

    models = {}
    print(f"training: TrainingConfig defaults + {overrides}")
    for name, hidden, seed, extra in runs:
        t = time.perf_counter()
        cfg = TrainingConfig(**{**overrides, "seed": seed})
        result = Trainer(ds, NetworkConfig(hidden=hidden), cfg, extra=pen[extra]() if extra else None).run()
        models[name] = result.model
        print(f"{name:<6} hidden {hidden} seed {seed} pen {extra!s:<3} {time.perf_counter() - t:5.0f} s  "
              f"{score(recognizer_from_keras(result.model))}", flush=True)
    for group in groups:
        merged = recognizer_from_keras(_merge([models[g] for g in group], build, NetworkConfig))
        print(f"ensemble {'+'.join(group)}  {score(merged)}")


def _merge(models, build, NetworkConfig):
    import numpy as np

    weights = [[layer.get_weights() for layer in m.layers if layer.get_weights()] for m in models]
    hidden = [len(models) * w[1].shape[0] for w in weights[0][:-1]]
    big = build(NetworkConfig(hidden=hidden))
    dense = [layer for layer in big.layers if layer.get_weights()]
    for i, layer in enumerate(dense):
        ks, bs = [w[i][0] for w in weights], [w[i][1] for w in weights]
        if i == len(dense) - 1:
            k, b = np.concatenate(ks, 0) / len(ks), np.mean(bs, 0)
        elif i == 0:
            k, b = np.concatenate(ks, 1), np.concatenate(bs)
        else:
            k = np.zeros((sum(a.shape[0] for a in ks), sum(a.shape[1] for a in ks)), np.float32)
            r = c = 0
            for a in ks:
                k[r : r + a.shape[0], c : c + a.shape[1]] = a
                r, c = r + a.shape[0], c + a.shape[1]
            b = np.concatenate(bs)
        layer.set_weights([k.astype(np.float32), b.astype(np.float32)])
    return big


if __name__ == "__main__":
    main()
