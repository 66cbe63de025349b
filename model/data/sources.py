"""Datasets of handwritten digits for training and evaluating a network.

Three sources, all giving the same `Dataset`: MNIST through Keras's download cache (`load_mnist`),
a folder of MNIST-style IDX files (`load_idx_folder`) and an `.npz` with Keras's keys
(`load_npz`). `load_source` picks one from a `--data` argument.

Images are uint8 (n, 28, 28), white digit on black like MNIST; labels are uint8 0..9. Everything a
user can get wrong raises `DataError` with a message that names the file and says what to do.

TensorFlow is imported only when MNIST has to be downloaded: reading a cached mnist.npz, an IDX
folder or an .npz needs NumPy alone, so `evaluate` and the window start fast.
"""

from __future__ import annotations

import contextlib
import dataclasses
import gzip
import io
import math
import os
import re
import socket
import tempfile
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ..archives import NotNpz, npz_arrays
from ..errors import ConfigError
from .common import TEST_FRACTION, DataError

__all__ = [
    "DataError", "MnistDownloadError", "Dataset", "read_idx", "write_idx", "load_idx_folder", "load_npz", "load_mnist",
    "mnist_cached", "load_source", "to_inputs", "one_hot", "stratified_split", "check_split",
]

IMAGE_SHAPE = (28, 28)
_IDX_LABELS, _IDX_IMAGES = 0x00000801, 0x00000803  # uint8 with 1 and 3 dimensions
_GZIP_MAGIC = b"\x1f\x8b"
# The file keras.datasets.mnist.load_data() fetches, and its SHA-256, so that a cache_dir can be
# used: Keras 3 load_data(path=...) no longer accepts a directory, get_file(cache_dir=...) does.
_MNIST_URL = "https://storage.googleapis.com/tensorflow/tf-keras-datasets/mnist.npz"
_MNIST_SHA256 = "731c5ac602752760c8e48fbffcf8c3b850d9dc2a2aedcf2cc48468fc17b673d1"
_SOURCES_HINT = ("Use 'mnist', 'drawn' (the drawn digits shipped with DigitPad), an IDX folder (train-*/t10k-*"
                 " files) or an .npz with Keras's keys")
# What one dataset file may declare once unpacked: full MNIST as float64 is 0.44 GB. A few KB of
# .gz or .npz can declare gigabytes of zeros; they are refused before anything is unpacked.
MAX_DATA_BYTES = 2 * 2**30


class MnistDownloadError(DataError):
    """MNIST is not on this computer and could not be downloaded. Its hint names the other data in
    words every front end can use; the command line adds its options."""


@dataclass(frozen=True, eq=False)
class Dataset:
    """Digits split into train and (optionally) test.

    `test_from_train` is True when the test split was carved out of the training files, so a
    report can say the test digits come from the same writers as the training digits.
    A source with test files only (`test_only`) has empty (0, 28, 28) training arrays; a test split
    is either None or holds at least one digit, and a Dataset always holds at least one digit.
    """

    x_train: np.ndarray
    y_train: np.ndarray
    x_test: np.ndarray | None
    y_test: np.ndarray | None
    name: str
    test_from_train: bool = False

    def __len__(self) -> int:
        return len(self.y_train) + (0 if self.y_test is None else len(self.y_test))

    @property
    def test_only(self) -> bool:
        """True for a source that holds test digits only (a folder of t10k-* files): it can be
        evaluated and browsed, not trained on."""
        return len(self.y_train) == 0 and self.y_test is not None and len(self.y_test) > 0

    def class_counts(self, split: str = "train") -> np.ndarray:
        """How many digits of each class 0..9 the split holds (zeros for a missing test split)."""
        if split not in ("train", "test"):
            raise ValueError(f"split must be 'train' or 'test', not {split!r}")
        y = self.y_train if split == "train" else self.y_test
        if y is None:
            return np.zeros(10, dtype=np.int64)
        return np.bincount(y, minlength=10).astype(np.int64)


# --- IDX files ------------------------------------------------------------------------------------

def read_idx(path: str | os.PathLike) -> np.ndarray:
    """Read a uint8 IDX file (labels or images), gzip-compressed or raw.

    Compression is detected from the gzip magic bytes, not the name: browsers and archive tools
    often unpack a `.gz` but keep its name, or the other way round. A .gz is unpacked only as far
    as its header promises, so a small file cannot unpack into gigabytes.
    """
    path = Path(path)
    try:
        data = path.read_bytes()
        if data[:2] == _GZIP_MAGIC:
            data = _gunzip_idx(data, path)
    except PermissionError:
        raise DataError(f"{path}: permission denied: DigitPad may not read this file. Check its"
                        " permissions.") from None
    except (OSError, EOFError, zlib.error) as e:
        raise DataError(f"{path}: cannot read it ({e}). Check the file or download it again."
                        ) from e
    if len(data) < 4:
        raise DataError(f"{path}: not an IDX file (only {len(data)} bytes). Download it again.")
    magic = int.from_bytes(data[:4], "big")
    if magic not in (_IDX_LABELS, _IDX_IMAGES):
        raise DataError(
            f"{path}: not a uint8 IDX labels or images file (magic number 0x{magic:08x}, expected"
            f" 0x{_IDX_LABELS:08x} or 0x{_IDX_IMAGES:08x}). Pass MNIST-style files such as"
            " train-images-idx3-ubyte and train-labels-idx1-ubyte."
        )
    ndim = data[3]
    header = 4 + 4 * ndim
    if len(data) < header:
        raise DataError(f"{path}: truncated in its header. Download it again.")
    dims = tuple(int.from_bytes(data[4 + 4 * i: 8 + 4 * i], "big") for i in range(ndim))
    expected = math.prod(dims)
    if len(data) - header != expected:
        raise DataError(
            f"{path}: {'truncated' if len(data) - header < expected else 'has extra bytes'}: its"
            f" header promises {'x'.join(map(str, dims))} = {expected} bytes of data, the file"
            f" holds {len(data) - header}. Download it again."
        )
    return np.frombuffer(data, dtype=np.uint8, offset=header).reshape(dims).copy()


def _gunzip_idx(data: bytes, path: Path) -> bytes:
    """Unpack a gzipped IDX file, at most one byte more than its header says it holds (and never
    more than MAX_DATA_BYTES), so the size check in read_idx still sees extra bytes."""
    unpacker = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
    out = unpacker.decompress(data, 4 + 4 * 255)
    if len(out) >= 4:
        ndim = out[3]
        header = 4 + 4 * ndim
        out += unpacker.decompress(unpacker.unconsumed_tail, max(0, header - len(out)))
        if len(out) >= header:
            dims = [int.from_bytes(out[4 + 4 * i: 8 + 4 * i], "big") for i in range(ndim)]
            limit = header + math.prod(dims) + 1
            if limit > MAX_DATA_BYTES:
                raise DataError(f"{path}: its header declares {'x'.join(map(str, dims))} ="
                                f" {limit - header - 1:,} bytes, more than DigitPad loads"
                                f" ({MAX_DATA_BYTES // 2**30} GB). Use a smaller dataset.")
            while len(out) < limit and unpacker.unconsumed_tail:
                out += unpacker.decompress(unpacker.unconsumed_tail, limit - len(out))
            if len(out) < limit and unpacker.eof and unpacker.unused_data[:2] == _GZIP_MAGIC:
                out += _gunzip_idx(unpacker.unused_data, path)[: limit - len(out)]  # another member
    return out  # a truncated stream gives fewer bytes than the header promises: read_idx says so


def write_idx(path: str | os.PathLike, array: np.ndarray) -> None:
    """Write a uint8 array of 1 (labels) or 3 (images) dimensions as IDX; gzip if path ends .gz."""
    array = np.asarray(array)
    if array.dtype != np.uint8 or array.ndim not in (1, 3):
        raise ValueError(f"write_idx needs a uint8 array of 1 or 3 dimensions, got {array.dtype}"
                         f" {array.shape}")
    header = (0x0800 | array.ndim).to_bytes(4, "big")
    header += b"".join(int(d).to_bytes(4, "big") for d in array.shape)
    data = header + np.ascontiguousarray(array).tobytes()
    path = Path(path)
    path.write_bytes(gzip.compress(data) if path.name.endswith(".gz") else data)


def _find_idx(folder: Path, prefix: str) -> Path | None:
    """The file named prefix* in folder; the unpacked one wins when both it and a .gz exist."""
    found = sorted((p for p in folder.glob(prefix + "*") if p.is_file()),
                   key=lambda p: (p.name.endswith(".gz"), p.name))
    return found[0] if found else None


def _read_idx_pair(folder: Path, split: str) -> tuple[np.ndarray, np.ndarray] | None:
    """Read <split>-images*/<split>-labels* from folder; None when neither is there."""
    images, labels = (_find_idx(folder, f"{split}-{kind}") for kind in ("images", "labels"))
    if images is None and labels is None:
        return None
    if images is None or labels is None:
        present, missing = (labels, "images") if images is None else (images, "labels")
        raise DataError(f"{present}: found no matching {split}-{missing}* file next to it. Put"
                        f" both {split}-images* and {split}-labels* in {folder}.")
    x, y = read_idx(images), read_idx(labels)
    if x.ndim != 3:
        raise DataError(f"{images}: holds labels, not images. Check which file is which.")
    if y.ndim != 1:
        raise DataError(f"{labels}: holds images, not labels. Check which file is which.")
    return _checked(x, y, images, labels)


def load_idx_folder(folder: str | os.PathLike, *, split: bool = True, test_fraction: float = TEST_FRACTION,
                    seed: int = 42) -> Dataset:
    """Load train-images*/train-labels* and, if present, t10k-images*/t10k-labels* from a folder.

    Names may be `train-images-idx3-ubyte` or `train-images.idx3-ubyte`, raw or .gz. Without
    t10k-* files the test split is carved out of the training files when `split` is True, and
    left empty (None) when it is False. A folder with t10k-* files only (the MNIST test set on
    its own) gives a Dataset with no training digits (`test_only`): it is evaluated on them.
    """
    check_split(test_fraction, seed)
    folder = Path(folder)
    if not folder.is_dir():
        raise DataError(f"{folder}: no such folder. {_SOURCES_HINT}.")
    train = _read_idx_pair(folder, "train")
    test = _read_idx_pair(folder, "t10k")
    if train is None and test is None:
        raise DataError(
            f"{folder}: no IDX files found: looked for train-images* and train-labels*"
            " (and t10k-images* and t10k-labels*), such as train-images-idx3-ubyte or"
            " train-images.idx3-ubyte.gz. Put the MNIST IDX files there, or pass an .npz or"
            " 'mnist' instead."
        )
    if train is None:
        train = (np.zeros((0, *IMAGE_SHAPE), np.uint8), np.zeros(0, np.uint8))
        name = f"IDX folder {folder} (test files only)"
    else:
        name = f"IDX folder {folder}"
    return _dataset(*train, *(test or (None, None)), name, split, test_fraction, seed)


# --- .npz -----------------------------------------------------------------------------------------

def load_npz(path: str | os.PathLike, *, split: bool = True, test_fraction: float = TEST_FRACTION,
             seed: int = 42) -> Dataset:
    """Load an .npz with Keras's mnist.npz keys: x_train, y_train and optionally x_test, y_test.

    Images may be (n, 28, 28) or flattened (n, 784), uint8 or float in 0..1 or 0..255.
    """
    check_split(test_fraction, seed)
    path = Path(path)
    try:
        npz_arrays(path, MAX_DATA_BYTES)  # what it declares, before anything is unpacked
        with np.load(path, allow_pickle=False) as npz:
            arrays = {key: npz[key] for key in npz.files}
    except NotNpz as e:
        raise DataError(f"{path}: cannot read it as an .npz: {e}. {_SOURCES_HINT}.") from None
    except PermissionError:
        raise DataError(f"{path}: permission denied: DigitPad may not read this file. Check its"
                        " permissions.") from None
    # ValueError: a damaged .npy header; the rest: a damaged zip.
    except (OSError, ValueError, EOFError, zlib.error, zipfile.BadZipFile, zipfile.LargeZipFile,
            NotImplementedError, RuntimeError) as e:
        raise DataError(f"{path}: cannot read it as an .npz ({e}). {_SOURCES_HINT}.") from e
    missing = [k for k in ("x_train", "y_train") if k not in arrays]
    if ("x_test" in arrays) != ("y_test" in arrays):
        missing.append("y_test" if "x_test" in arrays else "x_test")
    if missing:
        raise DataError(f"{path}: missing the key(s) {', '.join(missing)} (it has"
                        f" {', '.join(arrays) or 'none'}). Save it with Keras's keys: x_train,"
                        " y_train and optionally x_test, y_test.")
    parts = [_checked(_as_images(arrays[f"x_{s}"], f"{path} [x_{s}]"), arrays[f"y_{s}"],
                      f"{path} [x_{s}]", f"{path} [y_{s}]")
             for s in ("train", "test") if f"x_{s}" in arrays]
    test = parts[1] if len(parts) > 1 else (None, None)
    return _dataset(*parts[0], *test, path.name, split, test_fraction, seed, where=path)


def _as_images(x: np.ndarray, name: str) -> np.ndarray:
    """(n, 28, 28) or (n, 784) pixels, uint8 or float in 0..1 / 0..255 -> uint8 (n, 28, 28)."""
    if x.ndim < 2 or int(np.prod(x.shape[1:])) != 784 or x.ndim > 3:
        raise DataError(f"{name}: images must be (n, 28, 28) or (n, 784), not {x.shape}."
                        " Resize the digits to 28x28 pixels.")
    x = x.reshape(len(x), *IMAGE_SHAPE)
    if x.dtype == np.uint8:
        return x
    if not (np.issubdtype(x.dtype, np.integer) or np.issubdtype(x.dtype, np.floating)):
        raise DataError(f"{name}: pixels must be numbers, not {x.dtype}.")
    lo, hi = (float(x.min()), float(x.max())) if x.size else (0.0, 0.0)
    if not (np.isfinite([lo, hi]).all() and lo >= 0 and hi <= 255):
        raise DataError(f"{name}: pixel values run from {lo} to {hi}; expected 0..1 or 0..255.")
    scale = 255.0 if np.issubdtype(x.dtype, np.floating) and hi <= 1.0 else 1.0
    return np.rint(x * scale).astype(np.uint8)


# --- MNIST through Keras's cache ------------------------------------------------------------------

def _mnist_cache_files(cache_dir: str | os.PathLike | None) -> list[Path]:
    """Where Keras keeps (or would keep) mnist.npz: KERAS_HOME or ~/.keras, or /tmp/.keras when
    the home folder is read-only, under datasets/; with cache_dir, directly in it."""
    if cache_dir is not None:
        return [Path(cache_dir) / "mnist.npz"]
    home = Path(os.environ.get("KERAS_HOME") or Path.home() / ".keras").expanduser()
    tmp = Path("/tmp" if os.path.isdir("/tmp") else tempfile.gettempdir()) / ".keras"
    return [base / "datasets" / "mnist.npz" for base in (home, tmp)]


def mnist_cached(cache_dir: str | os.PathLike | None = None) -> bool:
    """True when MNIST can be loaded without a download."""
    return any(p.is_file() for p in _mnist_cache_files(cache_dir))


def load_mnist(*, cache_dir: str | os.PathLike | None = None, timeout: float = 10.0) -> Dataset:
    """MNIST's 60,000 training and 10,000 test digits, from Keras's cache or downloaded into it.

    A cached file is read with NumPy alone; Keras (and so TensorFlow) is imported only to
    download. `timeout` bounds each network wait, so an offline machine fails in seconds.
    """
    cached = next((p for p in _mnist_cache_files(cache_dir) if p.is_file()), None)
    if cached is not None:
        try:
            return dataclasses.replace(load_npz(cached), name=f"MNIST (keras cache {cached})")
        except DataError as e:
            raise DataError(f"{e} Or delete it and MNIST will be downloaded again.") from e
    previous_timeout = socket.getdefaulttimeout()
    try:
        from ..training.tf_runtime import import_tensorflow

        import_tensorflow()  # without TensorFlow's C++ start-up chatter on stderr
        from keras.utils import get_file

        if cache_dir is not None:  # else get_file falls back to /tmp/.keras for a missing folder
            Path(cache_dir).mkdir(parents=True, exist_ok=True)
        socket.setdefaulttimeout(timeout)
        # Keras prints its progress bar on stdout, which would break `--json` output and fails
        # in a windowed executable that has no stdout.
        with contextlib.redirect_stdout(io.StringIO()):
            # Without cache_dir: where mnist_cached() looks (KERAS_HOME or ~/.keras, read now;
            # Keras reads KERAS_HOME once, when it is imported).
            downloaded = get_file(
                "mnist.npz", origin=_MNIST_URL, file_hash=_MNIST_SHA256,
                cache_dir=os.fspath(_mnist_cache_files(None)[0].parents[1] if cache_dir is None else cache_dir),
                cache_subdir="datasets" if cache_dir is None else "",
            )
    except Exception as e:  # offline, DNS, HTTP, disk full, hash mismatch, no TensorFlow...
        raise MnistDownloadError(
            f"MNIST could not be downloaded ({str(e) or type(e).__name__}).",
            hint="Without internet, train on the drawn digits shipped with DigitPad, or on digits of your"
                 " own: an IDX folder (train-images*/train-labels* and optionally t10k-* files) or an .npz"
                 " with Keras's keys x_train, y_train, x_test, y_test.",
        ) from e
    finally:
        socket.setdefaulttimeout(previous_timeout)
    return dataclasses.replace(load_npz(downloaded), name=f"MNIST (downloaded to {downloaded})")


# --- choosing a source ----------------------------------------------------------------------------

def load_source(source: str | os.PathLike, *, split: bool = True, test_fraction: float = TEST_FRACTION,
                seed: int = 42) -> Dataset:
    """Load what a `--data SOURCE` argument names: 'mnist', 'drawn', an IDX folder or an .npz file.

    The word 'mnist' always means Keras's MNIST, 'drawn' the drawn digits shipped with DigitPad
    (model.data.shipped); a folder called mnist or drawn is passed as ./mnist or ./drawn.
    """
    check_split(test_fraction, seed)
    if isinstance(source, str) and source.strip().lower() == "mnist":
        return load_mnist()
    if isinstance(source, str) and source.strip().lower() == "drawn":
        return _load_drawn()
    path = Path(source).expanduser()
    if path.is_dir():
        return load_idx_folder(path, split=split, test_fraction=test_fraction, seed=seed)
    if path.is_file() and path.name.lower().endswith(".npz"):
        return load_npz(path, split=split, test_fraction=test_fraction, seed=seed)
    if path.is_file():
        if re.search(r"^(train|t10k)-(images|labels)|idx[13]-ubyte", path.name):
            raise DataError(f"{path}: a single IDX file. Pass the folder that holds it and its"
                            f" partner files instead: --data {path.parent}")
        raise DataError(f"{path}: not a dataset this app reads. {_SOURCES_HINT}.")
    raise DataError(f"no such file or folder: {path}. {_SOURCES_HINT}.")


DRAWN_NAME = "drawn digits shipped with DigitPad"


def _load_drawn() -> Dataset:
    """'drawn': the drawn digits shipped with DigitPad, each once as drawn (to look at, to measure a
    model on): the corpus's training writers, and its check labs, writers training never sees, as
    the test split (model.data.shipped trains on them)."""
    from .drawn import Jitter, training_mix

    mix = training_mix(reps=1, jitter=Jitter())
    return Dataset(mix.x_train, mix.y_train, mix.x_heldout, mix.y_heldout, DRAWN_NAME)


# --- shared helpers -------------------------------------------------------------------------------

def _checked(x: np.ndarray, y: np.ndarray, x_name: object, y_name: object
             ) -> tuple[np.ndarray, np.ndarray]:
    """Validate images (n, h, w) against labels; returns them with the labels as uint8."""
    if x.shape[1:] != IMAGE_SHAPE:
        raise DataError(f"{x_name}: images are {x.shape[1]}x{x.shape[2]} pixels, expected 28x28."
                        " Resize the digits to 28x28 pixels.")
    if y.ndim != 1 or not np.issubdtype(y.dtype, np.integer):
        raise DataError(f"{y_name}: labels must be a 1-D array of integers, not {y.dtype}"
                        f" {y.shape}.")
    if len(y) != len(x):
        raise DataError(f"{y_name}: {len(y)} labels for {len(x)} images in {x_name}. Use the"
                        " labels file that belongs to the images file.")
    bad = np.flatnonzero((y < 0) | (y > 9))
    if bad.size:
        raise DataError(f"{y_name}: label {int(y[bad[0]])} at position {int(bad[0])} is not a"
                        f" digit 0-9 ({bad.size} such labels). These are not digit labels.")
    return x, y.astype(np.uint8, copy=False)


def check_split(test_fraction: float, seed: int) -> None:
    """ConfigError unless ``test_fraction`` and ``seed`` can split a dataset (checked before any
    file is read, so the command line and the window give the same message)."""
    try:
        fraction_ok = 0.0 < float(test_fraction) < 1.0
    except (TypeError, ValueError):
        fraction_ok = False
    if not fraction_ok:
        raise ConfigError(f"test_fraction: {test_fraction!r} must be more than 0 and less than 1"
                          " (the share of the digits set aside for testing, e.g. 0.1).", field="test_fraction")
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)) or not 0 <= seed < 2**32:
        raise ConfigError(f"seed: {seed!r} must be a whole number from 0 to {2**32 - 1}.", field="seed")


def _dataset(x_train, y_train, x_test, y_test, name: str, split: bool, test_fraction: float,
             seed: int, where: object = None) -> Dataset:
    """A Dataset, carving the test split out of the training digits when there is none.

    An empty test split counts as none; a source without a single digit is refused."""
    if x_test is not None and len(x_test) == 0:
        x_test = y_test = None
    if len(x_train) == 0 and x_test is None:
        raise DataError(f"{where or name}: holds no digits (0 images). Use a dataset with digits"
                        " in it.")
    carve = x_test is None and split
    if carve:
        x_train, y_train, x_test, y_test = stratified_split(x_train, y_train, test_fraction, seed)
        if len(x_test) == 0:  # too few digits of each class to set any aside
            x_test = y_test = None
            carve = False
    return Dataset(x_train, y_train, x_test, y_test, name, test_from_train=carve)


def stratified_split(x: np.ndarray, y: np.ndarray, test_fraction: float, seed: int
                     ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Split into (x_train, y_train, x_test, y_test), the same for the same seed.

    Each class gives round(test_fraction * its count) digits to the test split, so the test
    split has the classes in the proportions of the whole. Both keep the input order.
    """
    if not 0.0 < test_fraction < 1.0:
        raise ValueError(f"test_fraction must be between 0 and 1, not {test_fraction}")
    rng = np.random.default_rng(seed)
    y = np.asarray(y)
    test = np.zeros(len(y), dtype=bool)
    for label in np.unique(y):
        members = np.flatnonzero(y == label)
        test[rng.permutation(members)[: round(test_fraction * len(members))]] = True
    return x[~test], y[~test], x[test], y[test]


def to_inputs(x: np.ndarray) -> np.ndarray:
    """uint8 images (n, 28, 28) -> the network's input, float32 (n, 784) in 0..1."""
    x = np.asarray(x)
    return x.reshape(len(x), -1).astype(np.float32) / np.float32(255.0)


def one_hot(y: np.ndarray, n: int = 10) -> np.ndarray:
    """Labels (m,) -> float32 (m, n) with a single 1 per row."""
    return np.eye(n, dtype=np.float32)[np.asarray(y, dtype=np.intp)]
