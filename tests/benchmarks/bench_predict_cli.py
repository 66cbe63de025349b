"""`digitpad predict --json` over 3,500 ink files in one process, and whether it loads TensorFlow.

    .venv/bin/python tests/benchmarks/bench_predict_cli.py

Writes 3,500 held-out pen trajectories as ink JSON (280x280, pen 18), then times the whole
command from start to exit. Baseline in the same run: the interpreter start-up alone
(`python -c pass`) and the same command on one file. Target: <= 15 s for all 3,500.
"""
from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import ROOT, pen_holdout_inks, require_shared

N = 3500


def timed(cmd: list[str]) -> tuple[float, subprocess.CompletedProcess]:
    t = time.perf_counter()
    run = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    return time.perf_counter() - t, run


def main() -> None:
    require_shared()
    inks, labels = pen_holdout_inks()
    folder = Path(tempfile.mkdtemp(prefix="digitpad-inks-"))
    files = []
    for i in range(N):
        path = folder / f"{i:05d}_{labels[i % len(labels)]}.json"
        inks[i % len(inks)].save(path)
        files.append(str(path))
    # A wrapper that reports whether TensorFlow got imported by the command.
    probe = ("import sys, app.cli; rc = app.cli.main(sys.argv[1:]); "
             "print('TF' if 'tensorflow' in sys.modules else 'NO-TF', file=sys.stderr); sys.exit(rc)")
    start_s, _ = timed([sys.executable, "-c", "pass"])
    one_s, _ = timed([sys.executable, "-c", probe, "predict", "--json", files[0]])
    all_s, run = timed([sys.executable, "-c", probe, "predict", "--json", *files])
    lines = [json.loads(line) for line in run.stdout.splitlines()]
    right = sum(1 for line, f in zip(lines, files) if str(line["digit"]) == Path(f).stem.split("_")[1])
    print(f"{'what':<44}{'seconds':>10}")
    print(f"{'python -c pass (interpreter start-up)':<44}{start_s:>10.2f}")
    print(f"{'digitpad predict --json, 1 file':<44}{one_s:>10.2f}")
    print(f"{f'digitpad predict --json, {N} files':<44}{all_s:>10.2f}   target <= 15 s")
    print(f"answers: {len(lines)}, correct: {right / max(1, len(lines)):.2%}, "
          f"TensorFlow imported: {run.stderr.strip().splitlines()[-1] == 'TF'}")


if __name__ == "__main__":
    main()
