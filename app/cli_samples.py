"""`digitpad samples ...` and `digitpad personalize`: the user's labelled samples, headless.

Registered on app.cli's parser by :func:`add_commands`. Like the rest of the CLI, nothing here
imports Qt, and TensorFlow is imported only when `personalize` trains.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from app.cli import EXIT_FAILED, EXIT_OK, CliError, _err, _out, _ProgressBar


def add_commands(sub) -> None:
    sp = sub.add_parser("samples", help="your labelled samples: add, list, export, import, remove, relabel")
    ssub = sp.add_subparsers(dest="action", required=True, metavar="ACTION")
    s = ssub.add_parser("add", help="store drawings (ink .json) or images as samples of a digit")
    s.add_argument("--label", required=True, type=_digit, metavar="L", help="the digit they show, 0-9")
    s.add_argument("files", nargs="+", metavar="FILE", help="an ink .json or an image (PNG/JPEG/BMP)")
    s = ssub.add_parser("list", help="the samples, oldest first, and how many of each digit")
    s.add_argument("--label", type=_digit, metavar="L", help="only this digit")
    s.add_argument("--json", action="store_true", help="a JSON array")
    ssub.add_parser("export", help="write every sample to a .zip (ink JSON files + labels.csv)").add_argument("path")
    ssub.add_parser("import", help="add the samples of an exported .zip").add_argument("path")
    s = ssub.add_parser("remove", help="delete samples")
    s.add_argument("ids", nargs="+", type=int, metavar="ID")
    s = ssub.add_parser("relabel", help="change a sample's digit")
    s.add_argument("id", type=int)
    s.add_argument("label", type=_digit)
    sp.set_defaults(func=cmd_samples)

    sp = sub.add_parser("personalize", help="fine-tune a model on your samples; before/after accuracy")
    sp.add_argument("--model", metavar="DIR", help="model directory or id (default: the active model)")
    sp.add_argument("--data", metavar="SOURCE",
                    help="its base data ('mnist', an IDX folder or an .npz; default: what its card names)")
    sp.add_argument("--out", metavar="DIR", help="write the model directory here instead of the model store")
    sp.add_argument("--activate", action="store_true", help="make the new model the active one")
    sp.add_argument("--epochs", type=int, default=None, help="fine-tuning epochs (default 4)")
    sp.add_argument("--seed", type=int, default=42)
    sp.add_argument("--json", action="store_true", help="print the result as one JSON line")
    sp.set_defaults(func=cmd_personalize)


def _digit(text: str) -> int:
    import argparse

    if text.strip() not in tuple("0123456789"):
        raise argparse.ArgumentTypeError(f"{text!r} is not a digit 0-9")
    return int(text)


def _open_samples():
    from model.samples import SampleError, SampleStore

    try:
        samples = SampleStore()
    except SampleError as exc:
        raise CliError(str(exc)) from None
    if samples.recovery_message:
        _err(f"digitpad: {samples.recovery_message}")
    return samples


# ---------------------------------------------------------------------------------------- samples
def cmd_samples(args) -> int:
    from model.samples import SampleError

    samples = _open_samples()
    try:
        return _ACTIONS[args.action](samples, args)
    except SampleError as exc:
        raise CliError(str(exc)) from None
    finally:
        samples.close()


def _add(samples, args) -> int:
    from model import preprocess
    from model.ink import InkError
    from model.ink import load as load_ink

    predictor = _active_recognizer()
    failed = 0
    for name in args.files:
        try:
            ink = None
            if name.lower().endswith(".json"):
                ink = load_ink(name)
                x = preprocess.ink_to_input(ink)
            else:
                x = preprocess.image_to_input(preprocess.load_image(name))
            if x is None:
                raise CliError(f"{name}: nothing drawn; not stored.")
        except (InkError, preprocess.ImageInputError, CliError) as exc:
            failed += 1
            _err(f"digitpad: {exc}")
            continue
        predicted, model_id = None, None
        if predictor is not None:
            model_id, recognizer = predictor
            predicted = recognizer.predict(x).digit
        sample_id = samples.add(x, args.label, ink=ink, predicted=predicted, model_id=model_id)
        _out(f"{sample_id}\t{name}")
    return EXIT_FAILED if failed else EXIT_OK


def _active_recognizer():
    """(model id, Recognizer) of the active model, to record what it read; None if unusable."""
    from model.recognizer import ModelError, Recognizer
    from model.store import ModelStore, StoreError

    try:
        store = ModelStore()
        info = store.active()
        return info.id, Recognizer.load(info.path)
    except (StoreError, ModelError, OSError):
        return None


def _list(samples, args) -> int:
    items = samples.list(args.label)
    if args.json:
        _out(json.dumps([{"id": s.id, "label": s.label, "predicted": s.predicted, "model_id": s.model_id,
                          "created": s.created, "kind": s.kind} for s in items]))
        return EXIT_OK
    for s in items:
        pred = "-" if s.predicted is None else str(s.predicted)
        mark = " " if s.correct in (None, True) else "x"
        _out(f"{s.id:>6}  {s.label}  read as {pred}{mark}  {s.kind:<5}  {s.created}  {s.model_id or ''}".rstrip())
    counts = samples.count_by_label()
    _out(f"{int(counts.sum())} samples: " + "  ".join(f"{d}:{int(n)}" for d, n in enumerate(counts)))
    return EXIT_OK


def _export(samples, args) -> int:
    n = samples.export_zip(args.path)
    _out(f"Exported {n} samples to {args.path}")
    return EXIT_OK


def _import(samples, args) -> int:
    n = samples.import_zip(args.path)
    dup = samples.last_import_duplicates
    _out(f"Imported {n} samples from {args.path}" + (f" ({dup} already here were skipped)" if dup else ""))
    return EXIT_OK


def _remove(samples, args) -> int:
    present = set(samples.ids().tolist())
    missing = [i for i in args.ids if i not in present]
    n = samples.remove(args.ids)
    _out(f"Removed {n} sample{'s' if n != 1 else ''}")
    if missing:
        _err(f"digitpad: no sample {', '.join(map(str, missing))}")
        return EXIT_FAILED
    return EXIT_OK


def _relabel(samples, args) -> int:
    samples.relabel(args.id, args.label)
    _out(f"Sample {args.id} is now a {args.label}")
    return EXIT_OK


_ACTIONS = {"add": _add, "list": _list, "export": _export, "import": _import, "remove": _remove,
            "relabel": _relabel}


# ------------------------------------------------------------------------------------ personalize
def cmd_personalize(args) -> int:
    from model.personalize import Personalizer
    from model.samples import SampleError
    from model.store import ModelStore

    store = ModelStore()
    info = store.resolve(args.model)
    if args.model is None and store.fallback_reason:
        _err(f"digitpad: {store.fallback_reason}")
    samples = _open_samples()
    progress = _ProgressBar(enabled=not args.json and sys.stderr is not None and sys.stderr.isatty())
    try:
        # --data's test split is carved as the model's card says its training carved it.
        run = Personalizer(store, samples, model_id=str(info.path) if args.model else None, base=args.data,
                           seed=args.seed, epochs=args.epochs, on_progress=progress, out=args.out)
        try:
            result = run.run()
        finally:
            progress.close()
    except SampleError as exc:
        raise CliError(str(exc)) from None
    finally:
        samples.close()
    if args.activate and not args.out:
        store.activate(result.model_id)
    if args.json:
        _out(json.dumps({"before": result.before, "after": result.after, "model": str(result.model_dir),
                         "id": result.model_id, "n_finetune": result.n_finetune, "n_heldout": result.n_heldout,
                         "seconds": round(result.seconds, 2), "notes": result.notes}))
        return EXIT_OK
    for note in result.notes:
        _err(f"digitpad: {note}")

    def pct(v):
        return "   n/a" if v is None else f"{v:6.1%}"

    _out(f"Fine-tuned {result.base_model!r} on {result.n_finetune} of your samples in {result.seconds:.1f} s")
    _out(f"{'accuracy':<28} before   after")
    _out(f"{f'your samples ({result.n_heldout} held out)':<28} {pct(result.before['samples'])}  {pct(result.after['samples'])}")
    base_name = f"base test ({Path(str(result.data_name)).name})" if result.data_name else "base test"
    _out(f"{base_name[:28]:<28} {pct(result.before['base'])}  {pct(result.after['base'])}")
    _out(f"Saved: {result.model_dir}" + ("  (now active)" if args.activate and not args.out else ""))
    return EXIT_OK
