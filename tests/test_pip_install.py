"""The wheel (``pip install .``, ``pipx install``, a wheel on an index) works with no checkout around.

A clean copy of the checkout (the files git tracks, as a fresh clone has them) is built into an
sdist and a wheel with setuptools' own build backend, and the sdist is built into a wheel again,
all offline. The wheel's file list is checked (the assets inside, nothing of the checkout's tools,
small); the installed wheel is run from a fresh virtualenv, outside the checkout and without
PYTHONPATH: it reads a digit and a number with the shipped model, trains on the drawn digits it
ships, and passes its self-test. The virtualenv sees this environment's site-packages (a ``.pth``
line) for NumPy, Qt and TensorFlow, so nothing is downloaded.
"""
from __future__ import annotations

import base64
import csv
import hashlib
import io
import json
import os
import shutil
import subprocess
import sys
import sysconfig
import tarfile
import zipfile
from pathlib import Path

import pytest
from helpers import number_ink

ROOT = Path(__file__).resolve().parents[1]
# the model (1024-512: model.keras and weights.npz, 10 MB), the drawn digits (1.8 MB), the code, compressed
MAX_WHEEL_MB = 16


def _checkout_files() -> list[str]:
    """The checkout's files as a fresh clone has them (tracked, or new and not ignored): no build/,
    .venv, caches or egg-info."""
    try:
        listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                                cwd=ROOT, capture_output=True, check=True).stdout
        return sorted({f for f in listed.decode().split("\0") if f and (ROOT / f).is_file()})
    except (OSError, subprocess.CalledProcessError):  # not a git checkout (an unpacked sdist)
        skip = {".git", ".venv", "build", "dist", "__pycache__", ".pytest_cache", ".hypothesis"}
        return [p.relative_to(ROOT).as_posix() for p in ROOT.rglob("*")
                if p.is_file() and not skip & set(p.relative_to(ROOT).parts) and ".egg-info" not in str(p)]


def _clean_copy(dest: Path) -> Path:
    """The checkout's files (with their working-tree content) in ``dest``."""
    for f in _checkout_files():
        (dest / f).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / f, dest / f)
    return dest


def _build(source: Path, out: Path, what: str) -> Path:
    """Build an sdist or a wheel of ``source`` into ``out`` with setuptools' PEP 517 backend, in a
    fresh process (offline: no isolated build environment is downloaded)."""
    code = f"from setuptools import build_meta; print(build_meta.build_{what}({str(out)!r}))"
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    proc = subprocess.run([sys.executable, "-c", code], cwd=source, env=env, capture_output=True, text=True,
                          timeout=300)
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-4000:]
    return out / proc.stdout.strip().splitlines()[-1]


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict:
    base = tmp_path_factory.mktemp("wheel")
    source = _clean_copy(base / "checkout")
    sdist = _build(source, base / "dist", "sdist")
    wheel = _build(source, base / "dist", "wheel")
    with tarfile.open(sdist) as tar:
        tar.extractall(base / "unpacked", filter="data")
    from_sdist = _build(next((base / "unpacked").iterdir()), base / "from-sdist", "wheel")
    return {"sdist": sdist, "wheel": wheel, "from_sdist": from_sdist, "base": base}


def _record(wheel: Path) -> dict[str, str]:
    """{file: its sha256} from the wheel's RECORD (itself left out)."""
    with zipfile.ZipFile(wheel) as zf:
        name = next(n for n in zf.namelist() if n.endswith(".dist-info/RECORD"))
        rows = csv.reader(io.StringIO(zf.read(name).decode()))
        return {row[0]: row[1] for row in rows if row and row[0] != name}


def test_the_wheel_carries_the_assets_and_the_code_and_nothing_else(built):
    files = _record(built["wheel"])
    tracked = [f for f in _checkout_files() if f.startswith("assets/")]
    assert tracked, "no assets/ in the checkout"
    expected_assets = {f"model/{f}" for f in tracked}
    assert expected_assets <= set(files), sorted(expected_assets - set(files))
    for required in ("model/assets/models/default/weights.npz", "model/assets/models/default/model.keras",
                     "model/assets/models/default/card.json", "model/assets/data/drawn-digits.npz",
                     "model/assets/data/selftest-digits.npz", "model/assets/samples/three.json",
                     "model/assets/icons/digitpad-256.png"):
        assert required in files
    # The assets' bytes are the checkout's.
    digest = base64.urlsafe_b64encode(hashlib.sha256((ROOT / "assets/models/default/weights.npz").read_bytes())
                                      .digest()).rstrip(b"=").decode()
    assert files["model/assets/models/default/weights.npz"] == f"sha256={digest}"
    for package in ("app", "model"):
        for path in (ROOT / package).rglob("*.py"):
            assert path.relative_to(ROOT).as_posix() in files
    tops = {f.split("/")[0] for f in files}
    assert tops == {"app", "model", "digitpad-0.1.0.dist-info"}, tops  # no top-level assets/, tests/, tools/
    assert not [f for f in files if "__pycache__" in f or f.endswith(".pyc")]
    size_mb = built["wheel"].stat().st_size / 2**20
    print(f"\nwheel {built['wheel'].name}: {size_mb:.1f} MB, {len(files)} files")
    assert size_mb < MAX_WHEEL_MB


def test_the_sdist_builds_the_same_wheel(built):
    direct, via_sdist = _record(built["wheel"]), _record(built["from_sdist"])
    ignore = {"digitpad-0.1.0.dist-info/METADATA"}  # identical but for setuptools' own additions
    assert {k: v for k, v in direct.items() if k not in ignore} == \
           {k: v for k, v in via_sdist.items() if k not in ignore}


@pytest.fixture(scope="module")
def installed(built, tmp_path_factory) -> dict:
    """The wheel installed into a fresh virtualenv that sees this environment's dependencies."""
    venv = tmp_path_factory.mktemp("venv") / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=120)
    bindir = venv / ("Scripts" if os.name == "nt" else "bin")
    python = bindir / ("python.exe" if os.name == "nt" else "python")
    purelib = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                             capture_output=True, text=True, check=True).stdout.strip()
    Path(purelib, "digitpad-test-dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    proc = subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps",
                           "--no-index", "--disable-pip-version-check", "-q", str(built["wheel"])],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    work = tmp_path_factory.mktemp("elsewhere")  # no checkout here or above
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "DIGITPAD_HOME")}
    env.update(DIGITPAD_HOME=str(work / "home"), QT_QPA_PLATFORM="offscreen", PYTHONNOUSERSITE="1")
    return {"digitpad": str(bindir / "digitpad"), "python": str(python), "cwd": work, "env": env,
            "purelib": Path(purelib)}


def _run(installed, *args, timeout=300) -> subprocess.CompletedProcess:
    return subprocess.run([installed["digitpad"], *map(str, args)], cwd=installed["cwd"], env=installed["env"],
                          capture_output=True, text=True, timeout=timeout)


@pytest.mark.slow
def test_the_installed_wheel_reads_digits_and_numbers_with_its_own_model(installed):
    where = subprocess.run([installed["python"], "-c", "import app, model.paths as p; print(app.__file__);"
                            " print(p.assets_dir())"], cwd=installed["cwd"], env=installed["env"],
                           capture_output=True, text=True, check=True).stdout.split()
    assert all(Path(w).is_relative_to(installed["purelib"]) for w in where), where  # not this checkout
    three = installed["cwd"] / "three.json"
    shutil.copyfile(ROOT / "assets" / "samples" / "three.json", three)
    number = installed["cwd"] / "number.json"
    number_ink("4096", 900, 280).save(number)
    r = _run(installed, "predict", "--json", three)
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["digit"] == 3
    r = _run(installed, "predict", "--number", "--json", number)
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["number"] == "4096"
    r = _run(installed, "models", "list")
    assert r.returncode == 0 and "default" in r.stdout.lower(), r.stdout + r.stderr


@pytest.mark.slow
def test_the_installed_wheel_trains_on_its_drawn_digits_and_passes_its_self_test(installed):
    r = _run(installed, "train", "--data", "drawn", "--hidden", "32", "--epochs", "1", "--max-batches", "30",
             "--no-augment", "--json", timeout=600)
    assert r.returncode == 0, r.stdout + r.stderr
    trained = json.loads(r.stdout.strip().splitlines()[-1])
    assert trained["test_n"] == 800 and trained["test_accuracy"] > 0.3, trained
    r = _run(installed, "--self-test", timeout=600)
    report = json.loads(r.stdout.strip().splitlines()[-1])
    assert r.returncode == 0 and report["ok"] is True, r.stdout + r.stderr
