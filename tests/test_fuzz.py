"""Fuzzing the public loaders: every malformed file gets DigitPad's own error, never a traceback.

Generated ink JSON, images, IDX folders, .npz files, model/sample zips, model cards and command-line
paths are fed to ``model.ink.load``, ``model.preprocess.load_image`` (+ ``image_to_input``),
``model.data.sources.load_source``, ``model.recognizer.Recognizer.load``, ``ModelStore.import_`` and
``list`` (with the window's card view), ``SampleStore.import_zip`` and every path-taking command
(``app.cli.main``). Each must either work or raise a
:class:`model.errors.DigitPadError` with a message; anything else (``RecursionError``,
``OverflowError``, ``KeyError``, ``MemoryError``...) fails the test with the input that caused it.

Inputs are either built to be almost right (a real file with one field or a few bytes changed,
where parsers are most fragile) or arbitrary bytes. Hypothesis runs derandomized and without an
example database, so CI sees the same examples every run; the whole module takes well under a
minute.
"""
from __future__ import annotations

import gzip
import io
import json
import math
import tempfile
import zipfile
from itertools import count
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from model import ink as ink_module
from model import preprocess
from model.data import sources as data_module
from model.errors import DigitPadError
from model.recognizer import Recognizer, save_weights

pytestmark = pytest.mark.filterwarnings("ignore::UserWarning:PIL.TiffImagePlugin")

FUZZ = settings(derandomize=True, database=None, deadline=None, max_examples=300,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                       HealthCheck.function_scoped_fixture])
FEW = settings(FUZZ, max_examples=120)

_ids = count()
_WORK = Path(tempfile.mkdtemp(prefix="digitpad-fuzz-"))


def new_path(name: str) -> Path:
    """A fresh path per example (examples share one folder; tmp_path is per test, not per example)."""
    folder = _WORK / str(next(_ids))
    folder.mkdir()
    return folder / name


def works_or_says_why(call, *args, **kwargs):
    """call(*args) either returns or raises DigitPadError with a message; anything else escapes."""
    try:
        return call(*args, **kwargs)
    except DigitPadError as exc:
        assert str(exc).strip(), f"{type(exc).__name__} without a message"
        return None


@pytest.fixture(scope="module", autouse=True)
def _cleanup():
    yield
    import shutil

    shutil.rmtree(_WORK, ignore_errors=True)


# ------------------------------------------------------------------------------ generic mutations
@st.composite
def mutated(draw, base: bytes) -> bytes:
    """``base`` with a few bytes flipped, cut, inserted or deleted (or left as it is)."""
    out = bytearray(base)
    for _ in range(draw(st.integers(0, 4))):
        op = draw(st.sampled_from(["flip", "cut", "insert", "delete", "overwrite"]))
        at = draw(st.integers(0, max(0, len(out) - 1)))
        if op == "flip" and out:
            out[at] ^= 1 << draw(st.integers(0, 7))
        elif op == "cut":
            del out[at:]
        elif op == "insert":
            out[at:at] = draw(st.binary(min_size=1, max_size=16))
        elif op == "delete":
            del out[at:at + draw(st.integers(1, 16))]
        elif op == "overwrite":
            chunk = draw(st.binary(min_size=1, max_size=8))
            out[at:at + len(chunk)] = chunk
    return bytes(out)


def almost(base: bytes):
    """Mostly near-misses of a real file, sometimes arbitrary bytes."""
    return st.one_of(mutated(base), mutated(base), mutated(base), st.binary(max_size=512))


# ------------------------------------------------------------------------------------------- inks
JSON_SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(-2**70, 2**70),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([1e308, -1.7e308, 1.7e308, 1e-320, 0.0, -0.0, 280, 1, "1", "280", ""]),
    st.text(max_size=8),
)
JSON_VALUES = st.recursive(JSON_SCALARS, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=6), inner, max_size=4)), max_leaves=12)
COORD = st.one_of(st.floats(-1e6, 1e6), st.floats(allow_nan=True, allow_infinity=True),
                  st.sampled_from([1.7e308, -1.7e308, 1e7, -1e7 - 1, 0]), st.integers(-2**64, 2**64))
POINT = st.one_of(st.lists(COORD, min_size=2, max_size=2), st.lists(COORD, max_size=3), JSON_VALUES)
STROKE = st.one_of(st.lists(st.lists(COORD, min_size=2, max_size=2), max_size=12), st.lists(POINT, max_size=5),
                   JSON_VALUES)

GOOD_INK = {"format": "digitpad-ink", "version": 1, "width": 280, "height": 280, "pen_width": 18.0,
            "strokes": [[[60, 60], [200, 80], [120, 230]], [[90, 150], [180, 150]]]}


@st.composite
def ink_objects(draw):
    d = dict(GOOD_INK)
    for key in draw(st.lists(st.sampled_from(sorted(GOOD_INK)), max_size=3, unique=True)):
        if draw(st.booleans()):
            del d[key]
        else:
            d[key] = draw(st.lists(STROKE, max_size=4) if key == "strokes" else JSON_VALUES)
    if draw(st.booleans()):
        d = draw(JSON_VALUES) if draw(st.integers(0, 4)) == 0 else d
    return d


def ink_texts():
    base = json.dumps(GOOD_INK).encode()
    return st.one_of(
        ink_objects().map(lambda d: json.dumps(d, allow_nan=True).encode()),
        ink_objects().map(lambda d: json.dumps(d, allow_nan=True).encode()),
        almost(base),
        st.integers(1, 3000).map(lambda n: b"[" * n + b"]" * n),
        st.integers(1, 3000).map(lambda n: b'{"format": "digitpad-ink", "version": 1, "strokes": ' + b"[" * n),
    )


def check_ink(ink) -> None:
    if ink is None:
        return
    x = preprocess.ink_to_input(ink)
    assert x is None or (x.shape == (28, 28) and np.isfinite(x).all())
    assert json.loads(json.dumps(ink.to_dict()))  # what the canvas would save is JSON again


@FUZZ
@given(ink_texts())
def test_ink_files(raw):
    path = new_path("drawing.json")
    path.write_bytes(raw)
    check_ink(works_or_says_why(ink_module.load, path))


# ----------------------------------------------------------------------------------------- images
def _image_bytes(fmt: str, mode: str, size=(12, 9)) -> bytes:
    rng = np.random.default_rng(len(fmt) + len(mode))
    image = Image.fromarray(rng.integers(0, 256, (size[1], size[0]), dtype=np.uint8), "L").convert(mode)
    buf = io.BytesIO()
    image.save(buf, format=fmt)
    return buf.getvalue()


IMAGE_BASES = [_image_bytes(f, m) for f, m in [
    ("PNG", "L"), ("PNG", "RGBA"), ("PNG", "I;16"), ("PNG", "P"), ("PNG", "1"), ("BMP", "RGB"),
    ("GIF", "P"), ("TIFF", "F"), ("TIFF", "I"), ("TIFF", "CMYK"), ("JPEG", "L"), ("WEBP", "RGB"), ("PPM", "RGB"),
]]


@FUZZ
@given(st.one_of(*[almost(b) for b in IMAGE_BASES]))
def test_images(raw):
    path = new_path("digit.png")
    path.write_bytes(raw)
    image = works_or_says_why(preprocess.load_image, path)
    if image is not None:
        x = works_or_says_why(preprocess.image_to_input, image)
        assert x is None or (x.shape == (28, 28) and np.isfinite(x).all())


# ------------------------------------------------------------------------------------ IDX and npz
def _idx(kind: int, dims, body: bytes) -> bytes:
    return (0x0800 | kind).to_bytes(4, "big") + b"".join(int(d).to_bytes(4, "big") for d in dims) + body


DIMS = st.integers(0, 2**32 - 1) | st.integers(0, 40)


@st.composite
def idx_files(draw, images: bool):
    n = draw(st.integers(0, 6))
    if images:
        dims = draw(st.one_of(st.just([n, 28, 28]), st.lists(DIMS, min_size=0, max_size=4)))
        header_kind = draw(st.sampled_from([3, 3, 1, 2, 8, 0x0d]))
    else:
        dims = draw(st.one_of(st.just([n]), st.lists(DIMS, min_size=0, max_size=3)))
        header_kind = draw(st.sampled_from([1, 1, 3, 0x0b]))
    size = math.prod(dims) if all(d < 100 for d in dims) else draw(st.integers(0, 64))
    body = draw(st.binary(min_size=min(size, 6000), max_size=min(size, 6000))) if size <= 6000 else bytes(64)
    if not images:
        body = bytes(b % draw(st.sampled_from([10, 10, 256])) for b in body)
    raw = draw(mutated(_idx(header_kind, dims, body)) | st.just(_idx(header_kind, dims, body)))
    return gzip.compress(raw) if draw(st.booleans()) else raw


@FUZZ
@given(st.sampled_from(["train", "t10k", "both"]), idx_files(images=True), idx_files(images=False),
       st.booleans(), st.sampled_from([True, False]))
def test_idx_folders(which, images, labels, gz_name, split):
    folder = new_path("idx")
    folder.mkdir()
    ext = ".gz" if gz_name else ""
    for prefix in (["train", "t10k"] if which == "both" else [which]):
        (folder / f"{prefix}-images-idx3-ubyte{ext}").write_bytes(images)
        (folder / f"{prefix}-labels-idx1-ubyte{ext}").write_bytes(labels)
    ds = works_or_says_why(data_module.load_source, folder, split=split)
    if ds is not None:
        assert len(ds) > 0 and ds.x_train.shape[1:] == (28, 28)


ARRAYS = st.one_of(
    st.tuples(st.integers(0, 5), st.sampled_from([(28, 28), (784,), (20, 20), (), (28,)]),
              st.sampled_from(["u1", "i8", "f4", "f8", "?", "c8", "U3", "i2"])).map(
        lambda t: (np.arange(t[0] * int(np.prod(t[1]))) % 256).astype(t[2]).reshape((t[0], *t[1]))),
    st.sampled_from([np.array(3), np.array(["a", "b"]), np.full((2, 28, 28), np.nan), np.full(3, -1),
                     np.full((2, 784), 300.0), np.zeros((2, 28, 28), np.float16), np.arange(12)]),
)


@st.composite
def npz_files(draw):
    keys = draw(st.lists(st.sampled_from(["x_train", "y_train", "x_test", "y_test", "other"]),
                         min_size=0, max_size=5, unique=True))
    buf = io.BytesIO()
    arrays = {k: draw(ARRAYS) for k in keys}
    (np.savez_compressed if draw(st.booleans()) else np.savez)(buf, **arrays)
    return draw(mutated(buf.getvalue()) | st.just(buf.getvalue()))


@FUZZ
@given(npz_files(), st.booleans())
def test_npz_datasets(raw, split):
    path = new_path("digits.npz")
    path.write_bytes(raw)
    ds = works_or_says_why(data_module.load_source, path, split=split)
    if ds is not None:
        assert len(ds) > 0 and ds.x_train.dtype == np.uint8


def _weights_bytes(seed=0, hidden=16) -> bytes:
    rng = np.random.default_rng(seed)
    path = _WORK / f"weights-{seed}.npz"
    save_weights(path, [rng.normal(0, 0.1, (784, hidden)), rng.normal(0, 0.1, (hidden, 10))],
                 [np.zeros(hidden), np.zeros(10)], ["relu", "softmax"], [0.0, 0.0])
    return path.read_bytes()


WEIGHTS = _weights_bytes()


@st.composite
def weights_files(draw):
    arrays = {"format": np.array("digitpad-weights"), "version": np.array(1),
              "kernel_0": np.zeros((784, 10), np.float32), "bias_0": np.zeros(10, np.float32),
              "activations": np.array(["softmax"]), "activation_params": np.zeros(1, np.float32)}
    for key in draw(st.lists(st.sampled_from(sorted(arrays)), max_size=2, unique=True)):
        arrays[key] = draw(ARRAYS)
    buf = io.BytesIO()
    np.savez(buf, **arrays)
    return draw(st.one_of(st.just(buf.getvalue()), almost(WEIGHTS), mutated(buf.getvalue())))


@FUZZ
@given(weights_files())
def test_model_weights(raw):
    path = new_path("weights.npz")
    path.write_bytes(raw)
    recognizer = works_or_says_why(Recognizer.load, path)
    if recognizer is not None:
        p = recognizer.probabilities(np.zeros((28, 28), np.float32))
        assert p.shape == (10,)


# ------------------------------------------------------------------------------------------- zips
CARD = json.dumps({"format": "digitpad-model", "version": 1, "name": "Fuzz"}).encode()


@st.composite
def card_texts(draw):
    d = {"format": "digitpad-model", "version": 1, "name": "Fuzz", "created": "2026-11-22T10:00:00+01:00",
         "metrics": {"test_accuracy": 0.9}, "data": "d"}
    for key in draw(st.lists(st.sampled_from(sorted(d)), max_size=3, unique=True)):
        d[key] = draw(JSON_VALUES)
    return draw(st.one_of(st.just(json.dumps(d, allow_nan=True).encode()), almost(CARD),
                          st.integers(1, 5000).map(lambda n: b"[" * n + b"]" * n)))


@st.composite
def model_zips(draw):
    entries = {"card.json": draw(card_texts()), "weights.npz": draw(weights_files()),
               "model.keras": draw(st.binary(max_size=64))}
    for name in draw(st.lists(st.sampled_from(["card.json", "weights.npz", "model.keras"]), max_size=2, unique=True)):
        del entries[name]
    if draw(st.integers(0, 5)) == 0:
        entries[draw(st.sampled_from(["../evil", "sub/card.json", "other.txt", "/abs"]))] = b"x"
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", draw(st.sampled_from([zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED]))) as zf:
        for name, content in entries.items():
            zf.writestr(name, content)
    return draw(st.one_of(st.just(buf.getvalue()), st.just(buf.getvalue()), mutated(buf.getvalue())))


@pytest.fixture(scope="module")
def model_store(tmp_path_factory):
    from helpers import make_model_dir

    from model.store.models import ModelStore

    root = tmp_path_factory.mktemp("fuzz-store")
    return ModelStore(home=root / "home", default_dir=make_model_dir(root / "default", linear=False, seed=0))


@FEW
@given(model_zips())
def test_model_archives(model_store, raw):
    path = new_path("model.zip")
    path.write_bytes(raw)
    info = works_or_says_why(model_store.import_, path)
    if info is not None:
        assert model_store.load_recognizer(info.id).sizes[0] == 784
    assert not (path.parent.parent / "evil").exists()


SAMPLE_INK = json.dumps({**GOOD_INK}).encode()


@st.composite
def sample_zips(draw):
    entries = {}
    for i in range(draw(st.integers(0, 3))):
        label = draw(st.sampled_from(["5", "0", "12", "x"]))
        kind = draw(st.sampled_from(["json", "json", "png"]))
        content = draw(ink_texts()) if kind == "json" else draw(st.one_of(*[almost(b) for b in IMAGE_BASES[:4]]))
        entries[f"{i + 1:05d}_{label}.{kind}"] = content
    if draw(st.booleans()):
        rows = draw(st.lists(st.lists(st.sampled_from(["1", "5", "x", "", "00001_5.json", "2026-01-01",
                                                        "nonsense", "9"]), min_size=1, max_size=6), max_size=4))
        header = draw(st.sampled_from(["id,label,file,predicted,model_id,created", "label,file", "id;label"]))
        entries["labels.csv"] = (header + "\n" + "\n".join(",".join(r) for r in rows)).encode()
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, content in entries.items():
            zf.writestr(name, content)
    return draw(st.one_of(st.just(buf.getvalue()), st.just(buf.getvalue()), mutated(buf.getvalue())))


@pytest.fixture(scope="module")
def sample_store(tmp_path_factory):
    from model.samples.store import SampleStore

    store = SampleStore(tmp_path_factory.mktemp("fuzz-samples") / "samples.sqlite3")
    yield store
    store.close()


@FEW
@given(sample_zips())
def test_sample_archives(sample_store, raw):
    path = new_path("samples.zip")
    path.write_bytes(raw)
    before = len(sample_store)
    added = works_or_says_why(sample_store.import_zip, path)
    assert len(sample_store) == before + (added or 0)  # all or nothing


@pytest.fixture(scope="module")
def store_file(tmp_path_factory):
    """A real sample store of 40 samples, closed (so all of it is in the one file)."""
    from helpers import digit_ink, mnist

    from model.samples.store import SampleStore

    path = tmp_path_factory.mktemp("fuzz-db") / "samples.sqlite3"
    x, y = mnist()
    with SampleStore(path) as store:
        for i in range(40):
            store.add(x[i * 50], int(y[i * 50]), ink=digit_ink(i % 10, size=100 + i))
    return path.read_bytes()


@FEW
@given(st.data())
def test_damaged_sample_stores(store_file, data):
    """A store file damaged anywhere opens (salvaging what it can, keeping the damaged file) or
    says why it cannot; it never raises anything else and never loses the damaged file."""
    from model.samples.store import SampleStore

    page = 4096
    raw = bytearray(store_file)
    for _ in range(data.draw(st.integers(1, 3))):
        at = data.draw(st.integers(0, len(raw) // page - 1)) * page + data.draw(st.sampled_from([0, 8, 100, 2000]))
        raw[at:at + 16] = data.draw(st.binary(min_size=16, max_size=16))
    path = new_path("samples.sqlite3")
    path.write_bytes(bytes(raw))
    store = works_or_says_why(SampleStore, path)
    if store is not None:
        with store:
            if store.recovered_from is not None:
                assert store.salvaged + store.lost <= 40 and len(store) == store.salvaged
                assert store.recovered_from.read_bytes() == bytes(raw)  # kept exactly as it was
            store.add(np.full((28, 28), 200, np.uint8), 3)  # and the store works


# ------------------------------------------------------------------------------ crafted model cards
RAW_NUMBERS = st.one_of(st.integers(1, 600).map(lambda n: "9" * n), st.integers(1, 60).map(lambda n: "-" + "1" * n),
                        st.sampled_from(["1e400", "-1e400", "1e-400", "NaN", "Infinity", "-Infinity", "-0", "0.5"]))
CARD_VALUES = st.recursive(
    st.one_of(JSON_SCALARS, st.integers(-2**80, 2**80), st.text(max_size=300),
              st.sampled_from(["", "\x1b[2J\n", "é" * 500])),
    lambda inner: st.one_of(st.lists(inner, max_size=6), st.dictionaries(st.text(max_size=8), inner, max_size=6)),
    max_leaves=40)
CARD_KEYS = ["name", "created", "id", "network", "training", "data", "metrics", "history", "epochs_run", "best_epoch",
             "train_seconds", "notes", "personalization", "recipe", "version", "format", "future"]


@st.composite
def crafted_cards(draw) -> bytes:
    """A version 2 card with some fields replaced by anything JSON holds, numbers JSON allows but no
    float or 64-bit integer does, deep nesting, long strings, a BOM or a few MB of padding."""
    d = {"format": "digitpad-model", "version": 2, "name": "Fuzz", "created": "2026-11-22T10:00:00+01:00",
         "metrics": {"test_accuracy": 0.9, "confusion": [[1] * 10] * 10}, "data": {"name": "d", "extras": []},
         "network": {"hidden": [16]}, "history": {"loss": [1.0, 0.5]}}
    for key in draw(st.lists(st.sampled_from(CARD_KEYS), max_size=4, unique=True)):
        d[key] = draw(CARD_VALUES)
    text = json.dumps(d, allow_nan=True)
    for key in draw(st.lists(st.sampled_from(["epochs_run", "seed", "n", "test_accuracy", "x"]), max_size=2)):
        text = text.replace('"name":', f'"{key}": {draw(RAW_NUMBERS)}, "name":', 1)
    if draw(st.booleans()):
        depth = draw(st.sampled_from([10, 40, 500, 5000]))
        text = text.replace('"name":', '"deep": ' + "[" * depth + "]" * depth + ', "name":', 1)
    padding = draw(st.sampled_from([0, 0, 0, 100_000, 5 * 2**20]))
    if padding:
        text = text.replace('"name":', f'"notes": "{"x" * padding}", "name":', 1)
    raw = text.encode()
    return (b"\xef\xbb\xbf" + raw) if draw(st.integers(0, 5)) == 0 else raw


@FEW
@given(crafted_cards())
def test_crafted_cards_in_the_store_never_break_listing_showing_or_importing(model_store, raw):
    """A card a zip or a person put in a model directory: listed or named as a problem, shown in the
    window's card, imported or refused; never an exception (and read no further than its bound)."""
    import shutil

    from app.models_dialog import card_html

    folder = model_store.models_dir / f"fuzz-{next(_ids)}"
    folder.mkdir(parents=True)
    (folder / "weights.npz").write_bytes(WEIGHTS)
    (folder / "card.json").write_bytes(raw)
    try:
        listed = {m.id: m for m in model_store.list()}
        if folder.name in listed:
            info = listed[folder.name]
            assert info.summary() and card_html(info, active=True)
            json.dumps(info.card.to_dict())  # what a rename writes back
        else:
            assert any(folder.name in p for p in model_store.problems())
        path = new_path("card.zip")
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
            zf.writestr("card.json", raw)
            zf.writestr("weights.npz", WEIGHTS)
        info = works_or_says_why(model_store.import_, path)
        if info is not None:
            shutil.rmtree(info.path)
    finally:
        shutil.rmtree(folder)


# ------------------------------------------------------------------------------------- CLI paths
PATH_TEXTS = st.one_of(
    st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), min_size=1, max_size=24),
    # Special files and files outside the folder are stand-ins made in the test's own folder (a FIFO,
    # links out of it): CI runs as root, and a command that went wrong must not be able to replace
    # the machine's /dev/null or /etc/passwd while the test finds out.
    st.sampled_from([".", "..", "~", "-", "a" * 300, "pipe", "link-to-file", "link-to-folder", "\udcff.zip",
                     "no/such/dir/", "x.zip/", "digit.png", "drawing.json", "outside/"]),
).filter(lambda t: t.strip().lower() not in ("mnist", "drawn"))  # real sources, not paths
PATH_COMMANDS = [
    lambda p: ["predict", p], lambda p: ["predict", "--model", p, "x.json"], lambda p: ["evaluate", "--data", p],
    lambda p: ["train", "--data", p, "--epochs", "1"], lambda p: ["train", "--data", "nowhere", "--out", p],
    lambda p: ["personalize", "--samples", p], lambda p: ["personalize", "--out", p],
    lambda p: ["models", "import", p], lambda p: ["models", "export", "default", p],
    lambda p: ["models", "delete", p], lambda p: ["models", "activate", p],
    lambda p: ["models", "rename", p, "x"], lambda p: ["samples", "add", "--label", "3", p],
    lambda p: ["samples", "import", p], lambda p: ["samples", "export", p], lambda p: ["explore", "--data", p],
    lambda p: ["robustness", "--data", p], lambda p: ["samples", "check", "--model", p],
]


@FEW
@given(st.sampled_from(PATH_COMMANDS), PATH_TEXTS)
def test_any_path_on_the_command_line_is_a_result_or_a_message(command, text):
    """Existing files and folders, special files, odd and long names: 0 tracebacks."""
    import contextlib
    import io
    import os

    from app.cli.main import main

    where = new_path("cwd")
    where.mkdir()
    (where / "digit.png").write_bytes(IMAGE_BASES[0])
    (where / "drawing.json").write_text(json.dumps(GOOD_INK))
    outside = new_path("outside")  # someone else's folder and file, reached through links
    outside.mkdir()
    (outside / "thesis.txt").write_text("not DigitPad's")
    os.mkfifo(where / "pipe")
    (where / "link-to-file").symlink_to(outside / "thesis.txt")
    (where / "link-to-folder").symlink_to(outside, target_is_directory=True)
    (where / "outside").symlink_to(outside, target_is_directory=True)
    home = new_path("home")
    err = io.StringIO()
    old, os.environ["DIGITPAD_HOME"] = os.environ.get("DIGITPAD_HOME"), str(home)
    cwd = os.getcwd()
    os.chdir(where)
    try:
        with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
            try:
                code = main(command(text))
            except SystemExit as exc:  # argparse: a usage message
                code = exc.code
    finally:
        os.chdir(cwd)
        os.environ["DIGITPAD_HOME"] = old
    assert code in (0, 1, 2) and "Traceback" not in err.getvalue(), (command(text), err.getvalue())
    # What was there stays (a new file DigitPad writes beside it, e.g. an export, is allowed).
    assert (outside / "thesis.txt").read_text() == "not DigitPad's", command(text)
    assert (where / "pipe").is_fifo() and (where / "link-to-file").is_symlink(), command(text)
    assert code == 0 or err.getvalue().strip(), command(text)
