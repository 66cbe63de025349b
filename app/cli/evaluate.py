"""``digitpad evaluate [--model DIR] --data SOURCE [--json]``: accuracy and confusion on a test split."""
from __future__ import annotations

import json

from .common import EXIT_OK, load_model, out


def register(sub) -> None:
    sp = sub.add_parser("evaluate", help="accuracy and confusion matrix on a dataset's test split")
    sp.add_argument("--data", required=True, metavar="SOURCE", help="'mnist', an IDX folder or an .npz")
    sp.add_argument("--model", metavar="DIR", help="model directory or id (default: the active model)")
    sp.add_argument("--json", action="store_true",
                    help='one JSON object: {"accuracy", "loss", "n", "confusion", "split", "data", "model"}')
    sp.set_defaults(func=run)


def run(args) -> int:
    from model.data import sources as data
    from model.evaluation import evaluate

    info, recognizer = load_model(args.model)
    ds = data.load_source(args.data, split=False)
    if ds.x_test is not None:
        x, y, which = ds.x_test, ds.y_test, "test split"
    else:
        x, y, which = ds.x_train, ds.y_train, "whole set (it has no test split)"
    ev = evaluate(recognizer, x, y)
    if args.json:
        out(json.dumps({**ev.to_dict(), "split": "test" if ds.x_test is not None else "all",
                        "data": ds.name, "model": str(info.path)}))
    else:
        out(f"Model: {info.name} ({info.path})")
        out(f"Data:  {ds.name}, {which}: {ev.n} digits")
        out(f"Accuracy {ev.accuracy:.2%}   loss {ev.loss:.4f}")
        out(confusion_text(ev.confusion))
    return EXIT_OK


def confusion_text(cm) -> str:
    head = "true\\pred " + " ".join(f"{d:>5}" for d in range(10))
    rows = [f"{t:>9} " + " ".join(f"{int(v):>5}" for v in cm[t]) for t in range(10)]
    return "\n".join([head, *rows])
