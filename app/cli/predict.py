"""``digitpad predict [--model DIR] [--number] [--json] FILE...``: read images or ink JSON files."""
from __future__ import annotations

import json

from .common import EXIT_FAILED, EXIT_OK, err, load_model, out


def register(sub) -> None:
    sp = sub.add_parser("predict", help="classify images or ink JSON files")
    sp.add_argument("files", nargs="+", metavar="FILE", help="an image (PNG/JPEG/BMP) or an ink .json")
    sp.add_argument("--model", metavar="DIR", help="model directory or id (default: the active model)")
    sp.add_argument("--json", action="store_true", help="one JSON object per line")
    sp.add_argument("--number", action="store_true",
                    help="read a whole number of several digits written left to right")
    sp.set_defaults(func=run)


def run(args) -> int:
    from model import preprocess
    from model.errors import DigitPadError
    from model.ink import load as load_ink

    _info, recognizer = load_model(args.model)
    if args.number:
        return _run_number(args, recognizer)
    failed = 0
    for name in args.files:
        try:
            if name.lower().endswith(".json"):
                x = preprocess.ink_to_input(load_ink(name))
            else:
                x = preprocess.image_to_input(preprocess.load_image(name))
        except DigitPadError as exc:  # one bad file: say so and go on with the next
            failed += 1
            if args.json:
                out(json.dumps({"file": name, "error": str(exc)}))
            else:
                err(f"digitpad: {exc}")
            continue
        p = recognizer.predict(x)
        if args.json:
            out(json.dumps({
                "file": name,
                "digit": p.digit,
                "confidence": round(p.confidence, 6),
                "probabilities": [round(float(v), 6) for v in p.probabilities],
            }))
        elif p.digit is None:
            out(f"{name}: nothing drawn")
        else:
            (d1, p1), (d2, p2) = p.top2
            hint = f" (unsure: {d1} {p1:.0%} or {d2} {p2:.0%})" if p.unsure else ""
            out(f"{name}: {p.digit}  {p.confidence:.1%}{hint}")
    return EXIT_FAILED if failed else EXIT_OK


def _run_number(args, recognizer) -> int:
    """One line per file: {"file", "number", "digits": [{"digit", "confidence", "box", "strokes"}]}."""
    from model import preprocess
    from model.errors import DigitPadError
    from model.ink import load as load_ink
    from model.number import NumberReader

    reader = NumberReader(recognizer)
    failed = 0
    for name in args.files:
        try:
            if name.lower().endswith(".json"):
                reading = reader.read(load_ink(name))
            else:
                reading = reader.read_image(preprocess.load_image(name))
        except DigitPadError as exc:  # one bad file: say so and go on with the next
            failed += 1
            if args.json:
                out(json.dumps({"file": name, "error": str(exc)}))
            else:
                err(f"digitpad: {exc}")
            continue
        if args.json:
            out(json.dumps({"file": name, **reading.to_dict()}))
        elif not reading.digits:
            out(f"{name}: nothing drawn")
        else:
            each = ", ".join(f"{d.digit} {d.confidence:.0%}" for d in reading.digits)
            out(f"{name}: {reading.number}  ({each})")
    return EXIT_FAILED if failed else EXIT_OK
