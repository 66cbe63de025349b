"""Reading whole numbers: numbers of 3-8 digits composed from real drawings of one writer.

    .venv/bin/python tests/benchmarks/bench_number.py [--model DIR] [--n 1200] [--seed 0]
    .venv/bin/python tests/benchmarks/bench_number.py --labs tune --tune   # choose SegmentParams

Each number takes several digits drawn by ONE UNIPEN writer (../shared/data/unipen) and writes them
side by side as a person would: each digit scaled to about the same height (±10%), its baseline
moved a little (±4% of the height), and a gap before it drawn from slightly overlapping or touching
(TOUCHING: 15% of the gaps, by at most a third of the narrower digit) to wide. By default only
writers of the check labs `tos` and `imp` are used: labs no shipped model trains on (model/data/drawn.py's
CHECK_LABS), so the figures are those of unseen writers. `--labs tune` uses the other
labs' writers instead: the search's prior (model.number.SegmentParams) is chosen there, never on the
check labs.

Printed, beside the baseline of the simple stroke-grouping prototype (strokes whose horizontal
extents overlap form one digit, no search) from the same run: number accuracy (the whole number
right), digit-count accuracy, per-digit accuracy (1 - edit distance / digits), and time per read
of 8-digit numbers: a whole read from scratch (what `digitpad predict --number` does), and a read
per mouse move while the number is written point by point (what the window does), median and p95.
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import time
from collections import defaultdict
from dataclasses import asdict, replace

import numpy as np
from common import SHARED

from model.data.drawn import CHECK_LABS

UNIPEN = SHARED / "unipen" / "unipen-dev.jsonl.gz"
TOUCHING = 0.15  # of the gaps between digits: from 10% of a digit height overlapping to just touching


# ------------------------------------------------------------------------------------ composing
def writers(labs: str) -> dict[str, list[tuple[int, list[np.ndarray]]]]:
    """{writer: [(label, strokes), ...]} of the check labs ("check") or all the others ("tune")."""
    out = defaultdict(list)
    with gzip.open(UNIPEN, "rt", encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            lab = row["writer"].split("/")[0]
            if (lab in CHECK_LABS) != (labs == "check"):
                continue
            strokes = [np.asarray(s, dtype=np.float64) for s in row["strokes"] if s]
            if strokes:
                out[row["writer"]].append((int(row["label"]), strokes))
    return dict(out)


def compose(rng: np.random.Generator, digits: list[tuple[int, list[np.ndarray]]], n: int,
            touching: float = TOUCHING):
    """(Ink, "label string", [[stroke indices of each digit]]) of n of one writer's digits written
    side by side."""
    from model.ink import Ink

    pick = rng.choice(len(digits), size=n, replace=len(digits) < n)
    height = rng.uniform(60.0, 120.0)
    x, strokes, labels, groups, last_width = 20.0, [], "", [], 0.0
    for k in pick:
        label, ss = digits[k]
        pts = np.concatenate(ss)
        (x0, y0), (x1, y1) = pts.min(axis=0), pts.max(axis=0)
        h = height * rng.uniform(0.9, 1.1)
        scale = h / max(y1 - y0, 1.0)
        scale = min(scale, 1.2 * height / max(x1 - x0, 1.0))
        width = (x1 - x0) * scale
        if strokes:
            gap = rng.uniform(-0.1, 0.02) if rng.random() < touching else rng.uniform(0.05, 0.6)
            # Touching digits overlap by at most a third of the narrower one: a 1 inside the box
            # of the 8 beside it is writing over it, not beside it.
            x += max(gap * height, -min(width, last_width) / 3)
        last_width = width
        dy = 140.0 + rng.normal(0.0, 0.04) * height - (y0 + y1) / 2 * scale
        dx = x - x0 * scale
        groups.append(list(range(len(strokes), len(strokes) + len(ss))))
        strokes += [s * scale + (dx, dy) for s in ss]
        x += width
        labels += str(label)
    return Ink(strokes, int(x + 20), 280, 18.0), labels, groups


def numbers(labs: str, n: int, seed: int, lengths=range(3, 9), touching: float = TOUCHING):
    ws = writers(labs)
    names = sorted(ws)
    rng = np.random.default_rng(seed)
    out = []
    for i in range(n):
        length = lengths[i % len(lengths)]
        w = names[rng.integers(len(names))]
        out.append(compose(rng, ws[w], length, touching))
    return out


# ------------------------------------------------------------------------------------ reading
def read_groups(recognizer, ink, groups) -> str:
    from model.number import _one_blas_thread  # the search's batches run the same way
    from model.preprocess import ink_to_input

    if not groups:
        return ""
    xs = np.stack([ink_to_input(type(ink)([ink.strokes[i] for i in g])) for g in groups])
    with _one_blas_thread():
        return "".join(str(int(d)) for d in recognizer.probabilities(xs).argmax(axis=1))


def prototype(recognizer):
    """The baseline: overlap-grouped strokes, each group read on its own."""
    from model.number import group_by_overlap

    return lambda ink, groups=None: read_groups(recognizer, ink, group_by_overlap(ink))


def oracle(recognizer):
    """The bound: the true grouping of strokes into digits, each read on its own."""
    return lambda ink, groups: read_groups(recognizer, ink, groups)


def edit_distance(a: str, b: str) -> int:
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (ca != cb))
    return row[-1]


def score(read, data) -> dict:
    right = count = 0
    errors = total = 0
    for ink, truth, groups in data:
        got = read(ink, groups)
        right += got == truth
        count += len(got) == len(truth)
        errors += min(edit_distance(got, truth), len(truth))
        total += len(truth)
    return {"number": right / len(data), "count": count / len(data), "digit": 1 - errors / total}


# ------------------------------------------------------------------------------------ timing
def time_cold(recognizer, data) -> np.ndarray:
    from model.number import NumberReader

    times = []
    for ink, *_ in data:
        reader = NumberReader(recognizer)
        t = time.perf_counter()
        reader.read(ink)
        times.append(time.perf_counter() - t)
    return np.array(times) * 1e3


def time_live(recognizer, data, step: int = 1) -> tuple[np.ndarray, np.ndarray]:
    """ms per mouse move while each number is written point by point: all moves, and the moves
    of its last stroke (when the most is on the canvas)."""
    from model.ink import Ink
    from model.number import NumberReader

    every, last = [], []
    for ink, *_ in data:
        reader = NumberReader(recognizer)
        for i, s in enumerate(ink.strokes):
            for m in range(1, len(s) + 1, step):
                drawn = Ink(ink.strokes[:i] + [s[:m]], ink.width, ink.height, ink.pen_width)
                t = time.perf_counter()
                reader.read(drawn)
                dt = (time.perf_counter() - t) * 1e3
                every.append(dt)
                if i >= len(ink.strokes) - 1:
                    last.append(dt)
    return np.array(every), np.array(last)


# ------------------------------------------------------------------------------------ tuning
def tune(recognizer, data, rounds: int = 2):
    """Coordinate search over SegmentParams for number accuracy (ties: digit accuracy)."""
    from model.number import PARAMS, NumberReader

    grid = {
        "digit_bonus": [0.0, 0.5, 1.0, 1.5, 2.0, 3.0, 4.0],
        "wide_from": [0.6, 0.7, 0.8, 0.9, 1.0],
        "wide_cost": [2.0, 4.0, 6.0, 10.0, 16.0],
        "low_from": [0.3, 0.4, 0.45, 0.5, 0.6],
        "low_cost": [2.0, 4.0, 8.0, 16.0],
        "gap_cost": [0.0, 2.0, 4.0, 8.0, 16.0],
        "overlap_cost": [0.0, 1.0, 2.0, 4.0, 8.0],
        "max_gap": [0.2, 0.35, 0.5],
        "split_depth_cost": [0.0, 2.0, 4.0, 8.0, 16.0],
    }
    cache_reader = NumberReader(recognizer, cache_size=10**7)

    def value(params):
        cache_reader.params = params
        s = score(lambda ink, _: cache_reader.read(ink).number, data)
        return s["number"], s["digit"]

    best = PARAMS
    best_v = value(best)
    print(f"start {best_v}  {asdict(best)}", flush=True)
    for r in range(rounds):
        for name, values in grid.items():
            for v in values:
                cand = replace(best, **{name: v})
                if cand == best:
                    continue
                cv = value(cand)
                if cv > best_v:
                    best, best_v = cand, cv
                    print(f"round {r} {name}={v}: {cv}", flush=True)
    print(f"best {best_v}  {asdict(best)}")
    return best


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", default=None, help="model directory (default: the shipped one)")
    ap.add_argument("--labs", choices=("check", "tune"), default="check")
    ap.add_argument("--n", type=int, default=1200, help="numbers to compose (lengths 3-8 in turn)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--timing", type=int, default=30, help="8-digit numbers to time")
    ap.add_argument("--tune", action="store_true", help="search SegmentParams on these numbers")
    ap.add_argument("--touching", type=float, default=TOUCHING,
                    help="fraction of the gaps where digits touch or overlap (default %(default)s)")
    args = ap.parse_args()
    if not UNIPEN.is_file():
        raise SystemExit(f"needs {UNIPEN}; set DIGITPAD_SHARED to the folder holding data/")
    from model.number import NumberReader
    from model.paths import default_model_dir
    from model.recognizer import Recognizer

    model_dir = args.model or str(default_model_dir())
    rec = Recognizer.load(model_dir)
    data = numbers(args.labs, args.n, args.seed, touching=args.touching)
    print(f"model: {model_dir}")
    print(f"{len(data)} numbers of 3-8 digits from {args.labs} writers "
          f"({'labs ' + ', '.join(CHECK_LABS) if args.labs == 'check' else 'all labs but ' + ', '.join(CHECK_LABS)}),"
          f" seed {args.seed}, {args.touching:.0%} of gaps touching; load average {os.getloadavg()[0]:.1f}")
    if args.tune:
        tune(rec, data)
        return
    reader = NumberReader(rec)
    ways = [("search (model.number)", lambda ink, _: reader.read(ink).number),
            ("prototype (overlap)", prototype(rec)),
            ("true grouping (bound)", oracle(rec))]
    scores = [score(read, data) for _, read in ways]
    print(f"\n{'':<22}" + "".join(f"{name:>24}" for name, _ in ways))
    for key, name in (("number", "number accuracy"), ("count", "digit count right"), ("digit", "per-digit accuracy")):
        print(f"{name:<22}" + "".join(f"{s[key]:>24.2%}" for s in scores))
    by_len = defaultdict(list)
    for item in data:
        by_len[len(item[1])].append(item)
    print("\nnumber accuracy by length (search / prototype / true grouping):")
    for length in sorted(by_len):
        row = " / ".join(f"{score(read, by_len[length])['number']:.1%}" for _, read in ways)
        print(f"  {length} digits ({len(by_len[length])} numbers): {row}")

    eight = numbers(args.labs, args.timing * 6, args.seed + 1)
    eight = [d for d in eight if len(d[1]) == 8][: args.timing]
    proto = prototype(rec)
    cold = time_cold(rec, eight)
    pt = []
    for ink, *_ in eight:
        t = time.perf_counter()
        proto(ink)
        pt.append((time.perf_counter() - t) * 1e3)
    every, last = time_live(rec, eight)
    print(f"\ntime per read, {len(eight)} numbers of 8 digits (load average {os.getloadavg()[0]:.1f}):")
    print(f"  whole read from scratch:       median {np.median(cold):.2f} ms, p95 {np.percentile(cold, 95):.2f} ms"
          f"   (prototype: median {np.median(pt):.2f} ms, p95 {np.percentile(pt, 95):.2f} ms)")
    print(f"  per mouse move while writing:  median {np.median(every):.2f} ms, p95 {np.percentile(every, 95):.2f} ms"
          f" over {len(every)} moves")
    print(f"  ... while writing the last stroke: median {np.median(last):.2f} ms, p95 {np.percentile(last, 95):.2f} ms")


if __name__ == "__main__":
    main()
