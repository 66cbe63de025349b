"""The development protocol: every recipe judged leave-one-source-out, family by family.

    python tests/benchmarks/bench_families.py [RECIPE ...] [--seeds 42,1] [--folds apb,...]
        [--cache DIR] [--log FILE] [--models DIR,...]

A recipe is trained once per fold of model.data.families.FOLDS, each time without one whole
source (a group of UNIPEN labs, and in the check labs' fold also the pen-digit writers of
../shared's pendigits.tra), without the catalogue styles that fold holds out, and without the
1,000 held-out MNIST digits of tests/benchmarks/common.py (no fold trains on them). Each fold's
model is judged only on what it never trained on:

- tablet <group>: that group's UNIPEN digits as drawn (whole writers);
- pendigits.tra: the pen-digit writers' digits as their file has them (the whole source held out);
- pen format: every group's digits in the pen-digit files' format (joined, 8 points, square): a
  proxy for the UCI pen-digit test writers;
- German-like / phone-like: every group's digits with the styles and unsteadiness of those
  families (model.data.families: proxies, not those writers);
- MNIST: the held-out 1,000 (the mean of the folds' models);
- style <name>: every group's digits of that style's digit drawn in it, "trained" pooled over the
  folds whose training drew the style, "held out" from the one fold that never drew it.

RECIPE: a name of RECIPES below or a JSON object with the keys of RECIPES' entries. The first
recipes given are the baselines every other column is compared with ("shipped-11" and
"button-11" by default: the shipped and Train-button recipes of issue 11). Each figure is shown
with its binomial standard error; a recipe's figure that is below the first baseline's by more
than twice the standard error of their difference is marked "!". --seeds trains every fold once
per seed (each figure is then the mean, the spread between seeds printed beside). --cache keeps
each fold's trained network (keyed by the recipe, the seed and the very digits it trained on), so a
later run measures it again without training (the time table says how many folds came from it). --models measures model
directories (the shipped default: assets/models/default) on the families they never trained on:
the check labs' fold and MNIST (for a model whose card names the pen trajectories, not those).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import time
from pathlib import Path

from common import PENDIGITS, mnist_split, require_shared

OLD_JITTER = dict(stroke=0.2, slant=0.3, aspect=0.2, rotate=0.1, flag=0.5, slash=0.15)
RECIPES: dict[str, dict] = {
    # issue 11's shipped default: MNIST + UNIPEN x5 with 1.5x the jitter, flagged 1s, slashed 0s
    "shipped-11": {"hidden": [512, 256], "training": {"epochs": 60, "max_batches": 0, "augment_strength": 1.0},
                   "reps": 5, "jitter": {k: v * (1 if k in ("flag", "slash") else 1.5) for k, v in OLD_JITTER.items()},
                   "pendigits": False},
    # issue 11's Train button
    "button-11": {"hidden": [512, 256], "training": {"epochs": 30, "max_batches": 6000, "augment_strength": 0.7},
                  "reps": 2, "jitter": OLD_JITTER, "pendigits": False},
}


def recipe_of(text: str) -> dict:
    if text in RECIPES:
        return {"name": text, **RECIPES[text]}
    r = json.loads(text)
    return {"name": r.get("name", text[:40]), **{k: v for k, v in r.items() if k != "name"}}


def recipe_key(recipe: dict, seed: int, extra) -> str:
    """What a trained fold depends on: the recipe's settings, the seed and the very digits it trains
    on (so a cached network is reused only for the same training data)."""
    h = hashlib.sha1(json.dumps({k: v for k, v in recipe.items() if k != "name"}, sort_keys=True).encode())
    h.update(str(seed).encode())
    if extra is not None:
        h.update(extra[0].tobytes())
        h.update(extra[1].tobytes())
    return h.hexdigest()[:16]


# ------------------------------------------------------------------------------------ training
def training_digits(recipe: dict, pool, fold, seed: int):
    """The drawn training digits of a recipe for one fold (model.data.drawn.render_mix, what
    training_mix renders): the pool's tablet digits ``reps`` times, its pen-digit trajectories
    ``pen_reps`` times (none without "pendigits"), the fold's styles never drawn."""
    from model.data import drawn

    jitter = drawn.Jitter(**{**recipe.get("jitter", {}), "skip": tuple(fold.styles)})
    reps = recipe.get("reps", 1)
    pen_reps = recipe.get("pen_reps", reps) if recipe.get("pendigits", True) else 0
    x, y = drawn.render_mix(pool, reps, pen_reps, seed, jitter)
    return (x, y) if len(y) else None


def train_fold(recipe: dict, pool, fold, seed: int, ds, cache: Path | None):
    """(recognizer, timing, cached) of a recipe trained on the MNIST training digits + the fold's
    pool; with ``cache``, a network trained before on the same digits is loaded instead."""
    from model.data.sources import Dataset
    from model.recognizer import Recognizer, save_weights
    from model.training.network import NetworkConfig
    from model.training.trainer import Trainer, TrainingConfig

    t0 = time.perf_counter()
    extra = training_digits(recipe, pool, fold, seed)
    prep = time.perf_counter() - t0
    path = cache / f"{fold.name}-{recipe_key(recipe, seed, extra)}" if cache else None
    if path is not None and (path / "weights.npz").exists():
        return _wrapped(Recognizer.load(path), recipe), json.loads((path / "timing.json").read_text()), True
    x_mnist = ds.x_train
    if recipe.get("deskew"):
        x_mnist = _upright(x_mnist)
        extra = None if extra is None else (_upright(extra[0]), extra[1])
    net = NetworkConfig(**({"hidden": recipe["hidden"]} if "hidden" in recipe else {}), **recipe.get("network", {}))
    cfg = TrainingConfig(**{**recipe.get("training", {}), "seed": seed})
    load0 = os.getloadavg()[0]
    c0, w0 = time.process_time(), time.perf_counter()
    result = Trainer(Dataset(x_mnist, ds.y_train, None, None, ds.name), net, cfg, extra=extra).run()
    timing = {"prep_s": round(prep, 1), "wall_s": round(time.perf_counter() - w0, 1),
              "cpu_s": round(time.process_time() - c0, 1), "load": [round(load0, 1), round(os.getloadavg()[0], 1)],
              "n_extra": 0 if extra is None else len(extra[1]), "epochs": result.epochs_run}
    rec = result.recognizer
    if path is not None:
        path.mkdir(parents=True, exist_ok=True)
        layers = rec.layers
        save_weights(path / "weights.npz", [x.kernel for x in layers], [x.bias for x in layers],
                     [x.activation for x in layers], [x.param for x in layers])
        (path / "timing.json").write_text(json.dumps(timing))
    return _wrapped(rec, recipe), timing, False


def _upright(x):
    import numpy as np
    from deskew import deskew

    return np.clip(deskew(x) * 255.0 + 0.5, 0, 255).astype(np.uint8)


def _wrapped(rec, recipe: dict):
    """The recognizer as it reads: with "deskew", every input made upright first."""
    if not recipe.get("deskew"):
        return rec
    from deskew import deskew

    class Upright:
        def probabilities(self, x):
            return rec.probabilities(deskew(x).reshape(len(x), 784))

    return Upright()


# ---------------------------------------------------------------------------------- evaluation
class Judge:
    """Each fold's families, rendered once, and what a model reads on them."""

    def __init__(self, corpus, ds):
        from model.data import families

        self.corpus, self.ds, self.families = corpus, ds, families
        self._rendered: dict[str, dict] = {}

    def rendered(self, fold) -> dict:
        from model.data import drawn

        if fold.name not in self._rendered:
            _, held = self.families.split(self.corpus, fold)
            fams = self.families.families(held, fold)
            self._rendered[fold.name] = {name: drawn.render(d) for name, d in fams.items()}
        return self._rendered[fold.name]

    def predict(self, rec, fold) -> dict:
        """family -> (labels, predicted digits) for one fold's model (MNIST included)."""
        from model.evaluation import evaluate

        out = {name: (y, evaluate(rec, x, y).predictions) for name, (x, y) in self.rendered(fold).items()}
        out["MNIST"] = (self.ds.y_test, evaluate(rec, self.ds.x_test, self.ds.y_test).predictions)
        return out


def run_recipe(recipe: dict, folds, seeds, judge: Judge, cache: Path | None, log: Path | None) -> dict:
    """{(fold, seed): {"pred": {family: (y, pred)}, "timing": {...}, "cached": bool}}."""
    import numpy as np

    from model.data import families

    results = {}
    for seed in seeds:
        for fold in folds:
            pool, _ = families.split(judge.corpus, fold)
            rec, timing, cached = train_fold(recipe, pool, fold, seed, judge.ds, cache)
            pred = judge.predict(rec, fold)
            results[(fold.name, seed)] = {"pred": pred, "timing": timing, "cached": cached}
            acc = {k: round(float(np.mean(y == p)), 5) for k, (y, p) in pred.items()}
            print(f"  {recipe['name']} fold {fold.name} seed {seed}{' (cached)' if cached else ''}: tablet "
                  f"{acc['tablet']:.2%}, MNIST {acc['MNIST']:.2%}, {timing}", flush=True)
            if log is not None and not cached:
                with open(log, "a") as fh:
                    fh.write(json.dumps({"recipe": recipe, "fold": fold.name, "seed": seed, "timing": timing,
                                         "acc": acc}) + "\n")
    return results


def measure_model(model_dir: Path, judge: Judge) -> dict:
    """A trained model on what it never trained on: the check labs' fold (as a fold result)."""
    from model.data.families import FOLDS
    from model.recognizer import Recognizer

    rec = Recognizer.load(model_dir)
    fold = FOLDS[-1]
    pred = judge.predict(rec, fold)
    card = json.loads((model_dir / "card.json").read_text())
    said = json.dumps(card.get("data", {})) + (card.get("command") or "")
    if "pendigits" in said or "pen-digit" in said:
        pred.pop("pendigits", None)  # it trained on them
    return {(fold.name, 0): {"pred": pred, "timing": {}, "cached": False}}


if __name__ == "__main__":
    from families_report import report

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("recipes", nargs="*", default=["shipped-11", "button-11"])
    ap.add_argument("--seeds", default="42")
    ap.add_argument("--folds", default=None, help="comma-separated fold names (default: all)")
    ap.add_argument("--cache", default=None, help="keep each fold's trained network here")
    ap.add_argument("--log", default=None, help="append one JSON line per trained fold here")
    ap.add_argument("--models", default=None, help="comma-separated model directories to measure too")
    ap.add_argument("--baselines", type=int, default=1, help="how many of the first recipes are baselines")
    ap.add_argument("--no-train", action="store_true", help="only measure --models")
    args = ap.parse_args()
    require_shared()
    from model.data import drawn
    from model.data.families import FOLDS

    folds = [f for f in FOLDS if args.folds is None or f.name in args.folds.split(",")]
    corpus = drawn.shipped_corpus()
    if not (corpus.labs == "pendigits").any():  # until the corpus ships them: ../shared's file
        corpus = corpus + drawn.read_pendigits(PENDIGITS)
    judge = Judge(corpus, mnist_split())
    columns = {}
    for m in (args.models or "").split(","):
        if m:
            columns[f"model {Path(m).name}"] = measure_model(Path(m), judge)
    seeds = [int(s) for s in args.seeds.split(",")]
    for text in [] if args.no_train else args.recipes:
        recipe = recipe_of(text)
        columns[recipe["name"]] = run_recipe(recipe, folds, seeds, judge, Path(args.cache) if args.cache else None,
                                             Path(args.log) if args.log else None)
    report(columns, folds, baselines=[r for r in columns if not r.startswith("model ")][:args.baselines])
    sys.exit(0)
