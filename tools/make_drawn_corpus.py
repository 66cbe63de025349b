"""Rebuild the shipped drawn-digit corpus, assets/data/drawn-digits.npz, from ../shared/data.

    python tools/make_drawn_corpus.py [--shared DIR] [--out FILE]

It holds every UNIPEN digit of unipen-dev.jsonl.gz (7,094 digits by 219 "lab/name" writers of
11 labs; the labs in model.data.drawn.CHECK_LABS are its held-out part) and every pen trajectory of
the UCI pen-digit writers, pendigits.tra (7,494 digits of 30 writers, whose file does not say which:
their writer is "", their lab "pendigits"), each as the smooth stroke DigitPad draws through its 8
points (model.data.drawn.read_pendigits). Nothing from MNIST.

Prints what it wrote and how the stored inks render against the source inks through the
preprocessing. They differ by sub-pixel centring, and where the tablet repeated a
point: the corpus drops repeats, as DigitPad's canvas never records them (the canvas's MIN_STEP),
and the preprocessing then puts round joins at corners the repeats hid (4% of the digits gain or
lose more than 5% of their ink that way; storing 16 times finer points changes none of that).

Why pendigits could only ever be training data: the UCI file is shuffled. Counted in blocks of 250 lines (one
writer wrote ~250 digits), the class counts vary as much as in a random permutation of the
labels, and a digit's nearest same-class neighbour lies a median 2,200 lines away (2.6% within
100 lines, what a random order gives: 2.7%). So no writer can be recovered from its order.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--out", type=Path, default=ROOT / "assets" / "data" / "drawn-digits.npz")
    args = ap.parse_args()
    import numpy as np

    from model.data import drawn
    from model.preprocess import ink_to_input

    t = time.perf_counter()
    unipen = drawn.read_unipen(args.shared / "unipen" / "unipen-dev.jsonl.gz")
    pen = drawn.read_pendigits(args.shared / "pendigits" / "pendigits.tra")
    both = drawn.Drawn(unipen.inks + pen.inks, np.concatenate([unipen.labels, pen.labels]),
                       np.concatenate([unipen.writers, pen.writers]),
                       "UNIPEN train_r01_v07 isolated digits (1a) + UCI pen digits (pendigits.tra)")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    drawn.save_corpus(args.out, both)

    back = drawn.load_corpus(args.out)
    assert len(back) == len(both) and (back.labels == both.labels).all() and (back.writers == both.writers).all()
    diff, ink = [], []
    for a, b in zip(both.inks, back.inks):
        xa, xb = ink_to_input(a), ink_to_input(b)
        diff.append(float(np.abs(xa - xb).mean()) * 255)
        ink.append(abs(float(xa.sum() - xb.sum())) / float(xa.sum()))
    _, check = drawn.check_split(back)
    print(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.2f} MB) in {time.perf_counter() - t:.1f} s: "
          f"{back.describe()}; held-out check labs {'+'.join(drawn.CHECK_LABS)}: {check.describe()}")
    print(f"stored vs source ink after preprocessing: mean |pixel difference| median {np.median(diff):.2f}/255,"
          f" 99th percentile {np.percentile(diff, 99):.2f}/255; total ink differs by > 5% for"
          f" {np.mean(np.array(ink) > 0.05):.2%} of the digits")
    if np.median(diff) > 3.0:
        sys.exit("the stored inks differ from the source inks more than quantisation can explain")


if __name__ == "__main__":
    main()
