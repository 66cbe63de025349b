"""`digitpad explore` (look at a dataset) and `digitpad robustness` (where a model fails), headless.

Registered on app.cli's parser by :func:`add_commands`. Nothing here imports Qt or TensorFlow.
"""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from app.cli import EXIT_FAILED, EXIT_OK, CliError, _err, _load_model, _out

TUTORIAL = "tutorial"  # --compare tutorial: the store's model trained with the tutorial's recipe


def _reports_errors(command):
    """Print this module's CliErrors itself: under `python -m app.cli` the running parser's module
    is __main__, whose CliError is a different class from app.cli.CliError raised here."""
    def run(args) -> int:
        try:
            return command(args)
        except CliError as exc:
            _err(f"digitpad: {exc}")
            return EXIT_FAILED

    run.__name__ = run.__qualname__ = command.__name__
    run.__doc__ = command.__doc__
    return run


def add_commands(sub) -> None:
    sp = sub.add_parser("explore", help="class counts per split; a grid of digits and the mean digits as PNGs")
    sp.add_argument("--data", required=True, metavar="SOURCE", help="'mnist', an IDX folder or an .npz")
    sp.add_argument("--out", metavar="DIR", help="write grid.png and means.png here")
    sp.add_argument("--split", choices=("train", "test"), default="train",
                    help="the split the pictures show (default: train)")
    sp.add_argument("--digit", type=_digit, metavar="D", help="only this digit in the grid")
    sp.add_argument("--limit", type=_positive, default=200, metavar="N", help="digits in the grid (default 200)")
    sp.add_argument("--pixels", type=int, metavar="INDEX",
                    help="print this digit's 28x28 pixel values (index in --split); with --out also pixels.png")
    sp.add_argument("--json", action="store_true", help="print the result as one JSON object")
    sp.set_defaults(func=_reports_errors(cmd_explore))

    sp = sub.add_parser("robustness",
                        help="accuracy as noise, rotation, stroke thickness and shift grow (test split)")
    sp.add_argument("--data", required=True, metavar="SOURCE", help="'mnist', an IDX folder or an .npz")
    sp.add_argument("--model", metavar="DIR", help="model directory or id (default: the active model)")
    sp.add_argument("--compare", metavar="DIR",
                    help="a second model (directory or id) measured on the same digits; 'tutorial' picks "
                         "the newest model trained with the tutorial's recipe")
    sp.add_argument("--n", type=_positive, default=2000, metavar="N",
                    help="digits to use, picked at random from the split (default 2000)")
    sp.add_argument("--levels", type=int, default=8, metavar="L", help="levels per perturbation (default 8)")
    sp.add_argument("--seed", type=int, default=0, help="picks the digits and the random perturbations")
    sp.add_argument("--out", metavar="DIR", help="write the chart as robustness.png here")
    sp.add_argument("--json", action="store_true", help="print the result as one JSON object")
    sp.set_defaults(func=_reports_errors(cmd_robustness))


def _digit(text: str) -> int:
    import argparse

    if text.strip() not in tuple("0123456789"):
        raise argparse.ArgumentTypeError(f"{text!r} is not a digit 0-9")
    return int(text)


def _positive(text: str) -> int:
    import argparse

    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text!r}: give a whole number of at least 1")
    return value


def _out_dir(path: str) -> Path:
    out = Path(path).expanduser()
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise CliError(f"cannot create the folder {out} ({exc.strerror or exc}).") from None
    return out


# ---------------------------------------------------------------------------------------- explore
def cmd_explore(args) -> int:
    from model import data, explore

    ds = data.load_source(args.data, split=False)
    parts = explore.splits(ds)
    counts = explore.class_counts(ds)
    if args.split not in parts:
        raise CliError(f"{ds.name} has no {args.split} split (it has {', '.join(parts)}).")
    x, y = parts[args.split]
    pixels = None
    if args.pixels is not None:
        if not 0 <= args.pixels < len(y):
            raise CliError(f"--pixels {args.pixels}: the {args.split} split has digits 0 to {len(y) - 1}.")
        pixels = explore.pixel_values(x[args.pixels])
    files = []
    if args.out:
        out = _out_dir(args.out)
        try:
            explore.write_png(explore.grid_image(x, y, digit=args.digit, limit=args.limit), out / "grid.png")
            explore.write_png(explore.means_image(x, y), out / "means.png")
            files += [out / "grid.png", out / "means.png"]
            if pixels is not None:
                label = f"{args.split} #{args.pixels}: a {int(y[args.pixels])}"
                explore.write_png(explore.pixels_image(pixels, label=label), out / "pixels.png")
                files.append(out / "pixels.png")
        except OSError as exc:
            raise CliError(f"cannot write the pictures to {out} ({exc.strerror or exc}).") from None
    if args.json:
        doc = {"data": ds.name, "splits": {name: {"n": sum(c), "counts": c} for name, c in counts.items()},
               "files": [str(f) for f in files]}
        if pixels is not None:
            doc["pixels"] = {"split": args.split, "index": args.pixels, "label": int(y[args.pixels]),
                             "values": pixels.tolist()}
        _out(json.dumps(doc))
        return EXIT_OK
    _out(f"Data: {ds.name}")
    if "test" not in counts:
        _out("      (no test split: every digit is in 'train')")
    _out("digit  " + " ".join(f"{d:>6}" for d in range(10)) + "   total")
    for name, c in counts.items():
        _out(f"{name:<6} " + " ".join(f"{v:>6,}" for v in c) + f" {sum(c):>7,}")
    if pixels is not None:
        _out(f"\n{args.split} #{args.pixels} is a {int(y[args.pixels])}; its pixel values (0 = black, 255 = white):")
        _out(explore.pixel_text(pixels))
    for f in files:
        _out(f"Wrote {f}")
    return EXIT_OK


# ------------------------------------------------------------------------------------- robustness
def cmd_robustness(args) -> int:
    from model import data, robustness
    from model.recognizer import Recognizer
    from model.store import ModelStore

    if args.levels < 2 or args.levels > 50:
        raise CliError(f"--levels {args.levels}: give 2 to 50 levels.")
    info, recognizer = _load_model(args.model)
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

    progress = _Progress(enabled=not args.json and sys.stderr is not None and sys.stderr.isatty())
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
        out = _out_dir(args.out)
        chart = out / "robustness.png"
        subtitle = (f"{len(y):,} digits of {ds.name} ({'test split' if split == 'test' else 'whole set'}), "
                    f"seed {args.seed}")
        try:
            robustness.write_chart(chart, results[0], results[1] if compare is not None else None, names,
                                   subtitle=subtitle)
        except OSError as exc:
            raise CliError(f"cannot write {chart} ({exc.strerror or exc}).") from None
    if args.json:
        doc = {"model": str(info.path), "model_name": info.name, "data": ds.name, "split": split,
               "n": len(y), "of": total, "seed": args.seed, "levels": args.levels, "curves": results[0],
               "compare": None, "chart": None if chart is None else str(chart), "seconds": round(seconds, 3)}
        if compare is not None:
            doc["compare"] = {"model": str(compare_info.path), "model_name": compare_info.name,
                              "curves": results[1]}
        _out(json.dumps(doc))
        return EXIT_OK
    _out(f"Model:   {info.name} ({info.path})")
    if compare_info is not None:
        _out(f"Compare: {compare_info.name} ({compare_info.path})")
    picked = f"{len(y):,} of {total:,} digits" + (f" (picked at random, seed {args.seed})" if len(y) < total else "")
    _out(f"Data:    {ds.name}, {which}: {picked}")
    _out("")
    _out(robustness.format_table(results[0], results[1] if compare is not None else None,
                                 ("model", "compare")))
    _out("")
    _out(f"Measured in {seconds:.1f} s")
    if chart is not None:
        _out(f"Wrote {chart}")
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
