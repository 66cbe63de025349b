"""Reading real people's drawings: MNIST held-out and drawn digits of held-out writers, in one run.

    python tests/benchmarks/bench_drawn.py [--skip-train] [--tuning] [--model DIR]

Measures, side by side:
- the shipped default model (or --model DIR);
- what the Train button produces: `digitpad train` with its defaults (the drawn corpus included)
  on the 10,000 shared MNIST digits, minus the 1,000 held-out ones (tests/benchmarks/common.py);
- the tutorial's recipe (256-128, no augmentation, MNIST only), the baseline.
Both are trained in this run by the `digitpad train` command, timed from start to exit: wall
seconds, the child's CPU seconds, and the load average before and after.

Columns: MNIST = the 1,000 held-out shared digits (MNIST-test = the 493 of them from MNIST's
official test set); check = the labs model.data.drawn.CHECK_LABS (800 digits, 91 writers no model
trains or tunes on); tune = the tuning writers of model.data.drawn.tuning_split (1,567 digits, 33
writers): a figure only for a model that did not train on them ("trained on" otherwise: the
shipped model and the Train button train on every writer outside the check labs). "worst writers"
= the mean accuracy of the 10% of check writers read worst, each writer's digits counted together.

--tuning also trains the Train button's recipe without the tuning writers (through model.training.trainer,
the same defaults), so its tune figure exists. The check labs' confusions are printed for the shipped
model: the owner saw a "1" with a long flag read as 7, slashed zeros read as 4/8/9, open 4s as 6/9.
"flagged 1s" / "slashed 0s": the check labs' 1s drawn with a flag and their 0s struck through
(bench_drawn_recipes.styled: model.data.drawn.with_flag / with_slash at fixed sizes).
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_accuracy import TUTORIAL
from bench_drawn_recipes import styled
from common import (
    MNIST_DIR,
    ROOT,
    SPLIT_SEED,
    TEST_FRACTION,
    mnist_split,
    require_shared,
)


def train(out: Path, flags: list[str]) -> tuple[dict, dict]:
    cmd = [sys.executable, "-m", "app.cli", "train", "--data", str(MNIST_DIR), "--test-fraction",
           str(TEST_FRACTION), "--seed", str(SPLIT_SEED), "--out", str(out), "--json", *flags]
    load0 = os.getloadavg()[0]
    cpu0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    run = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True,
                         env={**os.environ, "DIGITPAD_HOME": str(out.parent / "home")})
    wall = time.perf_counter() - t
    cpu1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    if run.returncode:
        sys.exit(f"training failed: {' '.join(cmd)}\n{run.stderr[-2000:]}")
    cpu = (cpu1.ru_utime - cpu0.ru_utime) + (cpu1.ru_stime - cpu0.ru_stime)
    timing = {"wall": wall, "cpu": cpu, "load": (load0, os.getloadavg()[0]), "cmd": cmd}
    return timing, json.loads(run.stdout.strip().splitlines()[-1])


def _trained_on_drawn(model_dir: Path) -> bool:
    """Whether a model's card says it trained on UNIPEN's drawings (so the tuning writers)."""
    from model.store.card import ModelCard

    card = ModelCard.from_dict(json.loads((model_dir / "card.json").read_text()))
    return card.data is not None and any(e.kind == "drawn" or "UNIPEN" in e.name for e in card.data.extras)


def worst_writers(pred, y, writers, share=0.1) -> float:
    import numpy as np

    names = sorted(set(writers.tolist()))
    acc = np.array([float((pred[writers == w] == y[writers == w]).mean()) for w in names])
    k = max(1, round(share * len(names)))
    return float(np.sort(acc)[:k].mean())


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--skip-train", action="store_true", help="only measure the shipped model")
    ap.add_argument("--tuning", action="store_true",
                    help="also train the Train button's recipe without the tuning writers")
    ap.add_argument("--model", default=None, help="the model to measure as 'shipped' (default: assets)")
    args = ap.parse_args()
    require_shared()
    import numpy as np
    from origin import from_mnist_test

    from model.data import drawn
    from model.evaluation import evaluate
    from model.paths import default_model_dir
    from model.recognizer import Recognizer

    ds = mnist_split()
    test_origin = from_mnist_test(ds.x_test)
    corpus = drawn.shipped_corpus()
    _, check = drawn.check_split(corpus)
    tune_train, tune = drawn.tuning_split(corpus)
    x_check, y_check = drawn.render(check)
    x_tune, y_tune = drawn.render(tune)
    x_flag, y_flag, x_slash, y_slash = styled(check)  # the check labs' 1s flagged, 0s slashed

    shipped = Path(args.model or default_model_dir())
    rows = {"shipped default model": (Recognizer.load(shipped), None, None, not _trained_on_drawn(shipped))}
    tmp = Path(tempfile.mkdtemp(prefix="digitpad-bench-drawn-"))
    if not args.skip_train:
        timing, res = train(tmp / "button", [])
        rows["Train button (defaults)"] = (Recognizer.load(res["model"]), timing, res, False)
        timing, res = train(tmp / "tutorial", TUTORIAL)
        rows["tutorial's recipe (baseline)"] = (Recognizer.load(res["model"]), timing, res, True)
    if args.tuning:
        from model.data.sources import Dataset
        from model.training.trainer import Trainer

        mix = drawn.training_mix(tune_train + check, seed=SPLIT_SEED)  # trains on tune_train only
        t = time.perf_counter()
        result = Trainer(Dataset(ds.x_train, ds.y_train, None, None, ds.name), extra=mix.extra).run()
        rows["Train button, tuning writers out"] = (result.recognizer, {"wall": time.perf_counter() - t}, None, True)

    print(f"MNIST held-out: {len(ds.y_test)} digits ({int(test_origin.sum())} from MNIST's test set); "
          f"check labs {'+'.join(drawn.CHECK_LABS)}: {check.describe()}; tuning writers: {tune.describe()}")
    print(f"{'model':<34}{'wall s':>8}{'CPU s':>7}{'load':>11}{'epochs':>7}{'MNIST':>8}{'MNIST-test':>11}"
          f"{'check':>8}{'worst writers':>14}{'tune':>12}{'flagged 1s':>12}{'slashed 0s':>12}")
    for label, (rec, timing, res, tune_valid) in rows.items():
        m_all = evaluate(rec, ds.x_test, ds.y_test).accuracy
        m_test = evaluate(rec, ds.x_test[test_origin], ds.y_test[test_origin]).accuracy
        ev_check = evaluate(rec, x_check, y_check)
        worst = worst_writers(ev_check.predictions, y_check, check.writers)
        tune_acc = f"{evaluate(rec, x_tune, y_tune).accuracy:.2%}" if tune_valid else "trained on"
        wall = f"{timing['wall']:.1f}" if timing else "-"
        cpu = f"{timing['cpu']:.1f}" if timing and "cpu" in timing else "-"
        load = f"{timing['load'][0]:.1f}->{timing['load'][1]:.1f}" if timing and "load" in timing else "-"
        epochs = str(res["epochs_run"]) if res else "-"
        flags, slashes = evaluate(rec, x_flag, y_flag).accuracy, evaluate(rec, x_slash, y_slash).accuracy
        print(f"{label:<34}{wall:>8}{cpu:>7}{load:>11}{epochs:>7}{m_all:>8.2%}{m_test:>11.2%}"
              f"{ev_check.accuracy:>8.2%}{worst:>14.2%}{tune_acc:>12}{flags:>12.2%}{slashes:>12.2%}")
        if label == "shipped default model":
            cm = ev_check.confusion.copy()
            np.fill_diagonal(cm, 0)
            pairs = [(int(t), int(p), int(cm[t, p])) for t, p in zip(*np.nonzero(cm))]
            pairs.sort(key=lambda r: -r[2])
            shipped_confusions = ", ".join(f"{t}->{p} x{n}" for t, p, n in pairs) or "none"
    print(f"shipped model's mistakes on the check labs (true->read): {shipped_confusions}")
    for label, (_, timing, _, _) in rows.items():
        if timing and "cmd" in timing:
            print(f"{label}: {' '.join(timing['cmd'][2:])}")


if __name__ == "__main__":
    main()
