"""The packaged bundle (dist/digitpad): its size on disk, the self-test's start-up and predict's wall
time, beside the targets and beside the same commands run from the virtualenv (`python -m app.cli`).

    .venv/bin/pyinstaller --noconfirm build.spec          # first, or pass --bundle DIR
    .venv/bin/python tests/benchmarks/bench_bundle.py [--bundle dist/digitpad] [--runs 5]
                     [--no-self-test] [--no-baseline] [--bad-input]

Targets: bundle <= 1.5 GB on disk; start-up to the shown window (the self-test's `startup_s`)
<= 3 s; `predict` of one ink <= 1 s, without loading TensorFlow (checked with glibc's LD_DEBUG:
no libtensorflow* may be mapped). The self-test also trains one short epoch, so TensorFlow must
load inside the bundle.

--bad-input also copies the bundle to a read-only folder whose path has spaces and non-ASCII
letters ("Dïgit Pad ro"), and runs predict (on a sample inside that folder) and --self-test from
there with DIGITPAD_HOME and the XDG_* variables unset and HOME a fresh empty folder, so that no
per-user data directory exists yet. Run as root, those commands run as user `nobody`, for whom the
read-only folder is really read-only (root ignores chmod a-w).

Prints figures; exits 1 only if a command fails or answers wrongly (a missed timing target is
reported, not fatal: timings depend on the machine and its load).
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = "assets/samples/three.json"
SAMPLE_DIGIT = 3
SIZE_TARGET = 1.5 * 1024**3
STARTUP_TARGET_S = 3.0
PREDICT_TARGET_S = 1.0
SELF_TEST_TIMEOUT_S = 1800
READ_ONLY_NAME = "Dïgit Pad ro"

failures: list[str] = []


def fail(msg: str) -> None:
    failures.append(msg)
    print(f"  FAIL: {msg}")


def disk_usage(path: Path) -> tuple[int, int, int]:
    """(bytes on disk as `du` counts them, apparent bytes, files); hard links counted once."""
    seen, on_disk, apparent, files = set(), 0, 0, 0
    for dirpath, dirnames, filenames in os.walk(path):
        for name in dirnames + filenames:
            st = os.lstat(os.path.join(dirpath, name))
            if (st.st_dev, st.st_ino) in seen:
                continue
            seen.add((st.st_dev, st.st_ino))
            on_disk += st.st_blocks * 512
            if name in filenames:
                apparent += st.st_size
                files += 1
    return on_disk + os.lstat(path).st_blocks * 512, apparent, files


def largest_parts(internal: Path, n: int = 8) -> list[tuple[int, str]]:
    parts = []
    for child in internal.iterdir():
        size = disk_usage(child)[0] if child.is_dir() and not child.is_symlink() else os.lstat(child).st_blocks * 512
        parts.append((size, child.name))
    return sorted(parts, reverse=True)[:n]


def gb(n: float) -> str:
    return f"{n / 1024**3:.2f} GB"


def run(cmd: list[str], *, env: dict, cwd: Path, timeout: float, user: str | None = None):
    if user is not None:
        cmd = ["setpriv", f"--reuid={user}", f"--regid={user}", "--clear-groups", "--", *cmd]
    start = time.perf_counter()
    proc = subprocess.run(cmd, env=env, cwd=cwd, capture_output=True, text=True, encoding="utf-8",
                          errors="replace", timeout=timeout)
    return proc, time.perf_counter() - start


def predict_check(cmd: list[str], sample: str, *, env: dict, cwd: Path, runs: int, label: str,
                  user: str | None = None) -> dict | None:
    times = []
    for _ in range(runs):
        proc, seconds = run([*cmd, "predict", "--json", sample], env=env, cwd=cwd, timeout=300, user=user)
        times.append(seconds)
        if proc.returncode != 0:
            fail(f"{label}: predict exited {proc.returncode}: {proc.stderr.strip()[-800:]}")
            return None
        try:
            answer = json.loads(proc.stdout.strip().splitlines()[-1])
        except (IndexError, ValueError):
            fail(f"{label}: predict printed no JSON: {proc.stdout!r} {proc.stderr[-400:]!r}")
            return None
        if answer.get("digit") != SAMPLE_DIGIT:
            fail(f"{label}: predict read the sample ({SAMPLE_DIGIT}) as {answer.get('digit')}")
            return None
    # glibc prints every library it maps; TensorFlow's would show up here.
    proc, _ = run([*cmd, "predict", "--json", sample], env={**env, "LD_DEBUG": "files"}, cwd=cwd, timeout=300,
                  user=user)
    tensorflow = "libtensorflow" in proc.stderr
    if tensorflow:
        fail(f"{label}: predict loaded TensorFlow")
    return {"first": times[0], "median": statistics.median(times), "best": min(times), "tensorflow": tensorflow}


def self_test(cmd: list[str], *, env: dict, cwd: Path, label: str, user: str | None = None) -> dict | None:
    try:
        proc, seconds = run([*cmd, "--self-test"], env={**env, "QT_QPA_PLATFORM": "offscreen"}, cwd=cwd,
                            timeout=SELF_TEST_TIMEOUT_S, user=user)
    except subprocess.TimeoutExpired:
        fail(f"{label}: --self-test did not finish within {SELF_TEST_TIMEOUT_S} s")
        return None
    lines = [line for line in proc.stdout.splitlines() if line.startswith("{")]
    try:
        report = json.loads(lines[-1])
    except (IndexError, ValueError):
        fail(f"{label}: --self-test printed no JSON (exit {proc.returncode}): {proc.stderr.strip()[-1500:]}")
        return None
    if proc.returncode != 0 or not report.get("ok"):
        fail(f"{label}: --self-test failed (exit {proc.returncode}): {json.dumps(report)}\n"
             f"  stderr: {proc.stderr.strip()[-1500:]}")
    report["wall_s"] = seconds
    return report


def fresh_env(home: Path) -> dict:
    """The user's environment minus everything that points at existing DigitPad/Qt/Keras data."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("DIGITPAD_HOME", "KERAS_HOME", "QT_QPA_PLATFORM", "PYTHONPATH", "PYTHONHOME")
           and not k.startswith("XDG_")}
    env["HOME"] = str(home)
    return env


def bad_input(bundle: Path, exe_name: str, args) -> None:
    print("\nbad input: a read-only copy at a path with spaces and non-ASCII letters, no per-user data yet")
    user = "65534" if os.geteuid() == 0 and shutil.which("setpriv") else None  # nobody:nogroup
    base = Path(tempfile.mkdtemp(prefix="digitpad-bundle-"))
    try:
        os.chmod(base, 0o755)
        target = base / READ_ONLY_NAME / bundle.name
        shutil.copytree(bundle, target, symlinks=True)
        for p in [target.parent, *target.rglob("*"), target]:
            if not p.is_symlink():
                os.chmod(p, os.stat(p).st_mode & ~0o222)
        home = base / "fresh home"
        home.mkdir()
        if user is not None:
            os.chown(home, 65534, 65534)
        env = fresh_env(home)
        exe = [str(target / exe_name)]
        sample = next(target.rglob("assets/samples/three.json"))
        who = " as user nobody (uid 65534)" if user else ""
        print(f"  bundle: {target}{who}; HOME={home} (empty); DIGITPAD_HOME unset")
        p = predict_check(exe, str(sample), env=env, cwd=home, runs=args.runs, label="read-only bundle",
                          user=user)
        if p is not None:
            print(f"  predict: ok, {p['median']:.2f} s median; TensorFlow loaded: {p['tensorflow']}")
            data = home / ".local" / "share" / "DigitPad"
            print(f"  per-user data directory created on first use: {data.is_dir()}")
        if not args.no_self_test:
            r = self_test(exe, env=env, cwd=home, label="read-only bundle", user=user)
            if r is not None:
                print(f"  --self-test: ok={r.get('ok')} startup_s={r.get('startup_s')} "
                      f"train_s={r.get('train_s')} ({r['wall_s']:.0f} s in all)")
        writable = [p for p in target.rglob("*") if not p.is_symlink() and os.stat(p).st_mode & 0o222]
        if writable:
            fail(f"the read-only copy became writable: {writable[:3]}")
    finally:
        for p in [base, *base.rglob("*")]:
            if not p.is_symlink():
                os.chmod(p, os.stat(p).st_mode | 0o700)
        shutil.rmtree(base, ignore_errors=True)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--bundle", type=Path, default=ROOT / "dist" / "digitpad")
    ap.add_argument("--runs", type=int, default=5, help="predict runs to time (default 5)")
    ap.add_argument("--no-self-test", action="store_true", help="skip --self-test (it trains one epoch)")
    ap.add_argument("--no-baseline", action="store_true", help="do not run the venv for comparison")
    ap.add_argument("--bad-input", action="store_true", help="also run from a read-only, non-ASCII path")
    args = ap.parse_args()

    bundle = args.bundle.resolve()
    exe_name = "digitpad.exe" if sys.platform == "win32" else "digitpad"
    if not (bundle / exe_name).is_file():
        print(f"no bundle at {bundle}: build it with `.venv/bin/pyinstaller --noconfirm build.spec`")
        return 1
    bundle_cmd = [str(bundle / exe_name)]
    venv_cmd = [sys.executable, "-m", "app.cli"]
    work = Path(tempfile.mkdtemp(prefix="digitpad-bench-"))
    env = {**os.environ, "DIGITPAD_HOME": str(work / "home")}
    env.pop("QT_QPA_PLATFORM", None)

    try:
        on_disk, apparent, files = disk_usage(bundle)
        print(f"bundle: {bundle}")
        ok = "ok" if on_disk <= SIZE_TARGET else "MISSED"
        print(f"size on disk: {gb(on_disk)} (du -sh: {_du(bundle)}; apparent {gb(apparent)}, {files} files)"
              f"   target <= {gb(SIZE_TARGET)}: {ok}")
        internal = bundle / "_internal"
        if internal.is_dir():
            print("largest parts: " + ", ".join(f"{name} {size / 1024**2:.0f} MB"
                                                for size, name in largest_parts(internal)))

        print(f"\npredict --json {SAMPLE} (wall time of the whole process; {args.runs} runs)")
        print(f"  {'':<22}{'first':>8}{'median':>8}{'best':>8}  TensorFlow loaded")
        rows = [("bundle", bundle_cmd)] + ([] if args.no_baseline else [("venv (python -m)", venv_cmd)])
        for label, cmd in rows:
            p = predict_check(cmd, SAMPLE, env=env, cwd=ROOT, runs=args.runs, label=label)
            if p is not None:
                print(f"  {label:<22}{p['first']:>7.2f}s{p['median']:>7.2f}s{p['best']:>7.2f}s  {p['tensorflow']}")
                if label == "bundle":
                    status = "ok" if p["median"] <= PREDICT_TARGET_S else "MISSED"
                    print(f"  target <= {PREDICT_TARGET_S:.0f} s (median), no TensorFlow: {status}")

        if not args.no_self_test:
            print("\n--self-test (QT_QPA_PLATFORM=offscreen): window shown, a drawn 3 read, one epoch trained")
            print(f"  {'':<22}{'startup_s':>10}{'train_s':>9}{'wall':>8}  ok")
            for label, cmd in rows:
                r = self_test(cmd, env=env, cwd=ROOT, label=label)
                if r is not None:
                    print(f"  {label:<22}{r.get('startup_s')!s:>10}{r.get('train_s')!s:>9}{r['wall_s']:>7.0f}s"
                          f"  {r.get('ok')}")
                    if label == "bundle" and isinstance(r.get("startup_s"), (int, float)):
                        status = "ok" if r["startup_s"] <= STARTUP_TARGET_S else "MISSED"
                        print(f"  target startup_s <= {STARTUP_TARGET_S:.0f} s: {status}")
        if args.bad_input:
            bad_input(bundle, exe_name, args)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
    if load is not None:
        print(f"\n(load average {load:.1f} on {os.cpu_count()} CPUs while measuring)")
    if failures:
        print(f"{len(failures)} check(s) failed")
        return 1
    return 0


def _du(path: Path) -> str:
    try:
        return subprocess.run(["du", "-sh", str(path)], capture_output=True, text=True, timeout=60).stdout.split()[0]
    except (OSError, IndexError, subprocess.SubprocessError):
        return "n/a"


if __name__ == "__main__":
    sys.exit(main())
