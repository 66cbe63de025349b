"""Preprocess + inference for one ink, beside Keras on the same input in the same run.

    .venv/bin/python tests/benchmarks/bench_inference.py [--model DIR]

Prints the median time per ink of DigitPad's path (ink -> 28x28 -> NumPy forward pass), of the
preprocessing alone, and of Keras `model.predict` and `model(x)` on the same 28x28 input with the
same weights (model.keras). Target: <= 0.3 ms and >= 100x faster than `model.predict`.
"""
from __future__ import annotations

import argparse
import os

from common import median_ms, pen_holdout_inks, require_shared

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", default=None)
    ap.add_argument("--n", type=int, default=2000, help="inks to time")
    args = ap.parse_args()
    require_shared()
    import numpy as np

    from model import preprocess
    from model.paths import default_model_dir
    from model.recognizer import Recognizer

    model_dir = args.model or str(default_model_dir())
    rec = Recognizer.load(model_dir)
    inks, _ = pen_holdout_inks()
    inks = (inks * (args.n // len(inks) + 1))[: args.n]
    mouse = [_as_mouse_ink(ink) for ink in inks]

    for ink in inks[:50]:  # warm up
        rec.predict(preprocess.ink_to_input(ink))
    it = iter(range(10**9))
    ours = median_ms(lambda: rec.predict(preprocess.ink_to_input(inks[next(it) % len(inks)])), args.n)
    it = iter(range(10**9))
    ours_mouse = median_ms(lambda: rec.predict(preprocess.ink_to_input(mouse[next(it) % len(mouse)])), args.n)
    it = iter(range(10**9))
    pre = median_ms(lambda: preprocess.ink_to_input(inks[next(it) % len(inks)]), args.n)
    x = preprocess.ink_to_input(inks[0]).reshape(1, 784)
    inf = median_ms(lambda: rec.probabilities(x), args.n)

    import keras

    km = keras.saving.load_model(os.path.join(model_dir, "model.keras"), compile=False, safe_mode=True)
    km.predict(x, verbose=0)
    km(x)
    keras_predict = median_ms(lambda: km.predict(x, verbose=0), 50)
    keras_call = median_ms(lambda: km(x, training=False), 200)
    diff = float(np.abs(km.predict(x, verbose=0)[0] - rec.probabilities(x[0])).max())

    print(f"model: {model_dir}")
    print(f"{'path':<48}{'median ms':>10}{'vs predict':>12}")
    rows = [
        ("DigitPad: preprocess + NumPy inference", ours),
        ("  same, ink as dense mouse events (~3 px apart)", ours_mouse),
        ("  preprocessing alone", pre),
        ("  NumPy inference alone", inf),
        ("baseline: Keras model(x) (no preprocessing)", keras_call),
        ("baseline: Keras model.predict (no preprocessing)", keras_predict),
    ]
    for name, ms in rows:
        print(f"{name:<48}{ms:>10.3f}{keras_predict / ms:>11.0f}x")
    print(f"max |Keras - NumPy| probability difference: {diff:.2e}")


def _as_mouse_ink(ink):
    """The same drawing sampled like mouse-move events: a point every ~3 canvas pixels."""
    import numpy as np

    from model.ink import Ink

    strokes = []
    for s in ink.strokes:
        seg = np.linalg.norm(np.diff(s, axis=0), axis=1)
        t = np.concatenate([[0], np.cumsum(seg)])
        u = np.arange(0, t[-1], 3.0)
        strokes.append(np.stack([np.interp(u, t, s[:, 0]), np.interp(u, t, s[:, 1])], axis=1))
    return Ink(strokes, ink.width, ink.height, ink.pen_width)


if __name__ == "__main__":
    main()
