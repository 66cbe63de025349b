"""``digitpad predict [--model DIR] [--number] [--json] FILE...``: read images or ink JSON files."""
from __future__ import annotations

import json

from .common import EXIT_FAILED, EXIT_OK, err, load_model, out, shown


def register(sub) -> None:
    sp = sub.add_parser("predict", help="classify images or ink JSON files")
    sp.add_argument("files", nargs="+", metavar="FILE", help="an image (PNG/JPEG/BMP) or an ink .json")
    sp.add_argument("--model", metavar="DIR", help="model directory or id (default: the active model)")
    sp.add_argument("--json", action="store_true", help="one JSON object per line")
    sp.add_argument("--number", action="store_true",
                    help="read a whole number of several digits written left to right")
    sp.set_defaults(func=run)


def run(args) -> int:
    """One line per file; a file that cannot be read is reported and the batch goes on."""
    from model.errors import DigitPadError

    _info, recognizer = load_model(args.model)
    read, show = (_number(recognizer) if args.number else _digit(recognizer))
    failed = 0
    for name in args.files:
        try:
            result = read(name)
        except DigitPadError as exc:
            failed += 1
            if args.json:
                out(json.dumps({"file": name, "error": str(exc)}))
            else:
                err(f"digitpad: {exc}")
            continue
        out(json.dumps({"file": name, **show(result, True)}) if args.json else f"{shown(name)}: {show(result, False)}")
    return EXIT_FAILED if failed else EXIT_OK


def _is_ink(name: str) -> bool:
    return name.lower().endswith(".json")


def _digit(recognizer):
    """(read a file, show its Prediction as a JSON dict or a line) for one digit per file."""
    from model import preprocess
    from model.ink import load as load_ink

    def read(name):
        if _is_ink(name):
            return recognizer.predict(preprocess.ink_to_input(load_ink(name)))
        return recognizer.predict(preprocess.image_to_input(preprocess.load_image(name)))

    def show(p, as_json):
        if as_json:
            return {"digit": p.digit, "confidence": round(p.confidence, 6),
                    "probabilities": [round(float(v), 6) for v in p.probabilities]}
        if p.digit is None:
            return "nothing drawn"
        (d1, p1), (d2, p2) = p.top2
        return f"{p.digit}  {p.confidence:.1%}" + (f" (unsure: {d1} {p1:.0%} or {d2} {p2:.0%})" if p.unsure else "")

    return read, show


def _number(recognizer):
    """(read a file, show its NumberReading) for a whole number per file:
    {"number", "digits": [{"digit", "confidence", "box", "strokes"}]}."""
    from model import preprocess
    from model.ink import load as load_ink
    from model.number import NumberReader

    reader = NumberReader(recognizer)

    def read(name):
        return reader.read(load_ink(name)) if _is_ink(name) else reader.read_image(preprocess.load_image(name))

    def show(reading, as_json):
        if as_json:
            return reading.to_dict()
        if not reading.digits:
            return "nothing drawn"
        return f"{reading.number}  (" + ", ".join(f"{d.digit} {d.confidence:.0%}" for d in reading.digits) + ")"

    return read, show
