"""``digitpad robustness``: accuracy as noise, rotation, stroke thickness and shift grow (test split)."""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from .common import EXIT_OK, CliError, check_pngs, load_model, on_terminal, out, out_dir, positive, save_png

TUTORIAL = "tutorial"  # --compare tutorial: the store's model trained with the tutorial's recipe


def register(sub) -> None:
    sp = sub.add_parser("robustness",
                        help="accuracy as noise, rotation, stroke thickness and shift grow (test split)")
    sp.add_argument("--data", required=True, metavar="SOURCE", help="'mnist', an IDX folder or an .npz")
    sp.add_argument("--model", metavar="DIR", help="model directory or id (default: the active model)")
    sp.add_argument("--compare", metavar="DIR",
                    help="a second model (directory or id) measured on the same digits; 'tutorial' picks "
                         "the newest model trained with the tutorial's recipe")
    sp.add_argument("--n", type=positive, default=2000, metavar="N",
                    help="digits to use, picked at random from the split (default 2000)")
    sp.add_argument("--levels", type=int, default=8, metavar="L", help="levels per perturbation (default 8)")
    sp.add_argument("--seed", type=int, default=0, help="picks the digits and the random perturbations")
    sp.add_argument("--out", metavar="DIR", help="write the chart as robustness.png here")
    sp.add_argument("--json", action="store_true", help="print the result as one JSON object")
    sp.set_defaults(func=run)


def run(args) -> int:
    from app.robustness_chart import chart_image
    from model import robustness
    from model.data import sources as data
    from model.recognizer import Recognizer
    from model.store.models import ModelStore

    if args.levels < 2 or args.levels > 50:
        raise CliError(f"--levels {args.levels}: give 2 to 50 levels.")
    if args.out:
        check_pngs([Path(args.out).expanduser() / "robustness.png"])  # refused now, not after measuring
    info, recognizer = load_model(args.model)
    compare_info = compare = None
    if args.compare:
        store = ModelStore()
        if args.compare.strip().lower() == TUTORIAL and not Path(args.compare).is_dir():
            compare_info = robustness.tutorial_model(store)
            if compare_info is None:
                raise CliError("no model in the store was trained with the tutorial's recipe (the default "
                               "network without augmentation): train one with `digitpad train --data SOURCE "
                               "--no-augment`, or pass --compare DIR.")
        else:
            compare_info = store.resolve(args.compare)
        compare = Recognizer.load(compare_info.path)
    ds = data.load_source(args.data, split=False)
    if ds.x_test is not None:
        x, y, split, which = ds.x_test, ds.y_test, "test", "test split"
    else:
        x, y, split, which = ds.x_train, ds.y_train, "all", "whole set (it has no test split)"
    total = len(y)
    x, y = robustness.subset(x, y, args.n, seed=args.seed)

    progress = _Progress(enabled=not args.json and on_terminal())
    start = time.perf_counter()
    models = [(info, recognizer)] + ([(compare_info, compare)] if compare is not None else [])
    results = []
    for k, (_, rec) in enumerate(models):
        results.append(robustness.curves(rec, x, y, levels=args.levels, seed=args.seed,
                                         on_progress=lambda done, n, k=k: progress(k, len(models), done, n)))
    progress.close()
    seconds = time.perf_counter() - start
    names = (info.name, compare_info.name if compare_info else "")
    chart = None
    if args.out:
        folder = out_dir(args.out)
        chart = folder / "robustness.png"
        subtitle = (f"{len(y):,} digits of {ds.name} ({'test split' if split == 'test' else 'whole set'}), "
                    f"seed {args.seed}")
        save_png(chart_image(results[0], results[1] if compare is not None else None, names, subtitle=subtitle),
                 chart)
    if args.json:
        doc = {"model": str(info.path), "model_name": info.name, "data": ds.name, "split": split,
               "n": len(y), "of": total, "seed": args.seed, "levels": args.levels, "curves": results[0],
               "compare": None, "chart": None if chart is None else str(chart), "seconds": round(seconds, 3)}
        if compare is not None:
            doc["compare"] = {"model": str(compare_info.path), "model_name": compare_info.name,
                              "curves": results[1]}
        out(json.dumps(doc))
        return EXIT_OK
    out(f"Model:   {info.name} ({info.path})")
    if compare_info is not None:
        out(f"Compare: {compare_info.name} ({compare_info.path})")
    picked = f"{len(y):,} of {total:,} digits" + (f" (picked at random, seed {args.seed})" if len(y) < total else "")
    out(f"Data:    {ds.name}, {which}: {picked}")
    out("")
    out(robustness.format_table(results[0], results[1] if compare is not None else None,
                                 ("model", "compare")))
    out("")
    out(f"Measured in {seconds:.1f} s")
    if chart is not None:
        out(f"Wrote {chart}")
    return EXIT_OK


class _Progress:
    """A one-line progress counter on a terminal (stderr); silent otherwise."""

    def __init__(self, enabled: bool):
        self.enabled = enabled
        self.shown = False

    def __call__(self, model: int, models: int, done: int, total: int) -> None:
        if not self.enabled:
            return
        which = f"model {model + 1}/{models} " if models > 1 else ""
        sys.stderr.write(f"\rmeasuring {which}{done}/{total}".ljust(40))
        sys.stderr.flush()
        self.shown = True

    def close(self) -> None:
        if self.enabled and self.shown:
            sys.stderr.write("\r" + " " * 40 + "\r")
            sys.stderr.flush()
