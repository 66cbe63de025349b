"""``digitpad samples add|list|check|export|import|remove|relabel``: the user's labelled samples, headless."""
from __future__ import annotations

import argparse
import json

from .common import EXIT_FAILED, EXIT_OK, CliError, Interrupted, digit, err, open_samples, out, sample_id, shown


def register(sub) -> None:
    sp = sub.add_parser("samples", help="your labelled samples: add, list, check, export, import, remove, relabel")
    ssub = sp.add_subparsers(dest="action", required=True, metavar="ACTION")
    s = ssub.add_parser("add", help="store drawings (ink .json) or images as samples of a digit")
    s.add_argument("--label", required=True, type=digit, metavar="L", help="the digit they show, 0-9")
    s.add_argument("files", nargs="+", metavar="FILE", help="an ink .json or an image (PNG/JPEG/BMP)")
    s = ssub.add_parser("list", help="the samples, oldest first, and how many of each digit")
    s.add_argument("--label", type=digit, metavar="L", help="only this digit")
    s.add_argument("--json", action="store_true", help="a JSON array")
    s = ssub.add_parser(
        "check", help="how a model reads the samples it never learnt from, per digit, and what to draw next",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description="How a model reads your samples, digit by digit, and which digits need more of them.",
        epilog=CHECK_EPILOG)
    s.add_argument("--model", metavar="DIR|ID", help="model directory or id (default: the active model)")
    s.add_argument("--json", action="store_true", help="print the report as one JSON object")
    ssub.add_parser("export", help="write every sample to a .zip (ink JSON files + labels.csv)").add_argument(
        "path", help="the .zip to write: a new file, or an earlier samples export (any other existing file is left"
                     " alone and the export refused)")
    ssub.add_parser("import", help="add the samples of an exported .zip").add_argument(
        "path", help="a .zip written by `digitpad samples export` (samples already here are skipped)")
    s = ssub.add_parser("remove", help="delete samples")
    s.add_argument("ids", nargs="+", type=sample_id, metavar="ID", help="sample ids, as `digitpad samples list` shows"
                                                                      " them")
    s = ssub.add_parser("relabel", help="change a sample's digit")
    s.add_argument("id", type=sample_id, help="the sample's id, as `digitpad samples list` shows it")
    s.add_argument("label", type=digit, help="the digit it shows, 0-9")
    sp.set_defaults(func=run)


def run(args) -> int:
    samples = open_samples()
    try:
        return _ACTIONS[args.action](samples, args)
    finally:
        samples.close()


def _add(samples, args) -> int:
    """Store each file as a sample (one commit each); Ctrl-C says how many were stored."""
    predictor = _active_recognizer()
    failed, before = 0, len(samples)
    try:
        for name in args.files:
            x, ink = _read_sample(name)
            if x is None:
                failed += 1
                continue
            predicted, model_id = None, None
            if predictor is not None:
                model_id, recognizer = predictor
                predicted = recognizer.predict(x).digit
            sample_id = samples.add(x, args.label, ink=ink, predicted=predicted, model_id=model_id)
            out(f"{sample_id}\t{shown(name)}")
    except KeyboardInterrupt:  # counted in the store: the one being added may have been committed
        kept = len(samples) - before
        raise Interrupted(f"interrupted: {kept} of the {len(args.files)} files were stored as samples"
                          + (f" (your newest {kept}, see `digitpad samples list`)" if kept else "")
                          + "; the rest were not.") from None
    return EXIT_FAILED if failed else EXIT_OK


def _read_sample(name: str):
    """(the 28x28 input, the Ink or None) of a file to add; (None, None) after saying why not."""
    from model import preprocess
    from model.errors import DigitPadError
    from model.ink import load as load_ink

    try:
        ink = None
        if name.lower().endswith(".json"):
            ink = load_ink(name)
            x = preprocess.ink_to_input(ink)
        else:
            x = preprocess.image_to_input(preprocess.load_image(name))
        if x is None:
            raise CliError(f"{name}: nothing drawn; not stored.")
        return x, ink
    except DigitPadError as exc:  # one bad file: say so and go on with the next
        err(f"digitpad: {shown(exc)}")
        return None, None


def _active_recognizer():
    """(model id, Recognizer) of the active model, to record what it read; None if unusable."""
    from model.errors import DigitPadError
    from model.recognizer import Recognizer
    from model.store.models import ModelStore

    try:
        info = ModelStore().active()
        return info.id, Recognizer.load(info.path)
    except (DigitPadError, OSError):
        return None


def _list(samples, args) -> int:
    items = samples.list(args.label)
    if args.json:
        out(json.dumps([{"id": s.id, "label": s.label, "predicted": s.predicted, "model_id": s.model_id,
                          "created": s.created, "kind": s.kind} for s in items]))
        return EXIT_OK
    for s in items:
        pred = "-" if s.predicted is None else str(s.predicted)
        mark = " " if s.correct in (None, True) else "x"
        out(f"{s.id:>6}  {s.label}  read as {pred}{mark}  {s.kind:<5}  {shown(s.created)}  {shown(s.model_id or '')}"
            .rstrip())
    counts = samples.count_by_label()
    out(f"{int(counts.sum())} samples: " + "  ".join(f"{d}:{int(n)}" for d, n in enumerate(counts)))
    return EXIT_OK


CHECK_EPILOG = """\
Only samples the model NEVER LEARNT FROM are measured, so the figures say how it reads
new drawings of yours:
  - a personalised model: the samples it was not fine-tuned on (those it held out to
    measure itself, and any added since);
  - a model trained with your samples (`digitpad train --with-samples`): samples added
    after it was trained;
  - any other model: all of them.

Columns: digit, your samples of it, how many of those the model never learnt from, how
many of those it reads right, and the digit it most often reads the wrong ones as.
Then advice, the digit most in need first: a digit needs nothing when at least 90 % of
its never-learnt-from samples are read right and you have 10 or more samples of it.

Example:
  digitpad samples check
  digitpad samples check --model my-model --json
"""


def _check(samples, args) -> int:
    from model.samples.report import samples_report

    from .common import load_model

    info, recognizer = load_model(args.model)
    report = samples_report(recognizer, samples, info.card)
    if args.json:
        out(json.dumps({"model_id": info.id, "model_dir": str(info.path), **report.to_dict()}))
        return EXIT_OK
    out(f"Model: {shown(info.name)}")
    out(report.basis)
    out("")
    out(f"{'digit':>5}  {'samples':>7}  {'never learnt from':>17}  {'read right':>14}  mostly read as")
    for d in report.digits:
        right = f"{d.right} of {d.unseen}" if d.unseen else "-"
        pct = f" ({d.accuracy:.0%})" if d.unseen else ""
        confused = "-" if d.confused_with is None else str(d.confused_with)
        out(f"{d.digit:>5}  {d.samples:>7}  {d.unseen:>17}  {right + pct:>14}  {confused}")
    out("")
    for line in report.advice:
        out(f"- {line}")
    return EXIT_OK


def _export(samples, args) -> int:
    try:
        n = samples.export_zip(args.path)
    except KeyboardInterrupt:
        raise Interrupted(f"interrupted; {shown(args.path)} was not written.") from None
    out(f"Exported {n} samples to {shown(args.path)}")
    return EXIT_OK


def _import(samples, args) -> int:
    before = len(samples)
    try:
        n = samples.import_zip(args.path)
    except KeyboardInterrupt:  # one transaction: all of it or nothing (counted, not assumed)
        added = len(samples) - before
        raise Interrupted("interrupted; " + ("nothing was imported (an import is all or nothing)." if added <= 0
                                             else f"the import had finished: {added} samples were added.")) from None
    dup = samples.last_import_duplicates
    out(f"Imported {n} samples from {shown(args.path)}" + (f" ({dup} already here were skipped)" if dup else ""))
    return EXIT_OK


def _remove(samples, args) -> int:
    present = set(samples.ids().tolist())
    missing = [i for i in args.ids if i not in present]
    n = samples.remove(args.ids)
    out(f"Removed {n} sample{'s' if n != 1 else ''}")
    if missing:
        err(f"digitpad: there is no sample {', '.join(map(str, missing))}")
        return EXIT_FAILED
    return EXIT_OK


def _relabel(samples, args) -> int:
    samples.relabel(args.id, args.label)
    out(f"Sample {args.id} is now a {args.label}")
    return EXIT_OK


_ACTIONS = {"add": _add, "list": _list, "check": _check, "export": _export, "import": _import, "remove": _remove,
            "relabel": _relabel}
