"""model.store.models: saving, listing, activating, deleting, renaming, exporting and importing models.

Everything lives in tmp_path: a store home and a stand-in for the shipped default model, with
real (small, random) weights written by model.recognizer.save_weights; no TensorFlow.
"""
import dataclasses
import json
import re
import zipfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

import numpy as np
import pytest
from helpers import card, keras_bytes

from model.recognizer import Recognizer, save_weights
from model.store import exchange
from model.store import models as store_module
from model.store.models import (
    CARD_FORMAT,
    CARD_VERSION,
    ModelInfo,
    ModelStore,
    StoreError,
)

ROOT = Path(__file__).resolve().parents[1]
X = np.random.default_rng(0).random((5, 784), dtype=np.float32)


def write_weights(path, seed):
    rng = np.random.default_rng(seed)
    kernels = [rng.normal(0, 0.1, (784, 16)), rng.normal(0, 0.1, (16, 10))]
    biases = [rng.normal(0, 0.1, 16), rng.normal(0, 0.1, 10)]
    save_weights(path, kernels, biases, ["relu", "softmax"], [0.0, 0.0])


def writer(seed, keras=True):
    """Weights of a 784-16-10 network; ``keras``: True writes stand-in bytes as model.keras (the
    store keeps what it is given), "real" a real model.keras (what an import checks)."""
    def write(staging):
        write_weights(staging / "weights.npz", seed)
        if keras:
            (staging / "model.keras").write_bytes(keras_bytes() if keras == "real" else b"keras stand-in")
    return write


def probs(path):
    return Recognizer.load(path).probabilities(X)


@pytest.fixture
def default_dir(tmp_path):
    d = tmp_path / "shipped" / "default"
    d.mkdir(parents=True)
    write_weights(d / "weights.npz", seed=0)
    card = {"format": CARD_FORMAT, "version": CARD_VERSION, "name": "Tutorial MLP",
            "created": "2026-11-22T10:00:00+01:00", "metrics": {"test_accuracy": 0.9791},
            "data": {"name": "MNIST"}}
    (d / "card.json").write_text(json.dumps(card))
    return d


@pytest.fixture
def store(tmp_path, default_dir):
    return ModelStore(home=tmp_path / "home", default_dir=default_dir)


def visible(store):
    """Entries under home/models, hidden ones included."""
    return sorted(p.name for p in store.models_dir.iterdir()) if store.models_dir.exists() else []


def test_default_is_first_and_read_only(store, default_dir):
    saved = store.save(card(name="Mine"), writer(1))
    models = store.list()
    assert [m.id for m in models] == ["default", saved.id]
    default = models[0]
    assert default.read_only and default.path == default_dir and not saved.read_only
    before = (default_dir / "card.json").read_bytes()
    with pytest.raises(StoreError, match="cannot be deleted"):
        store.delete("default")
    with pytest.raises(StoreError, match="read-only"):
        store.rename("default", "Hacked")
    assert (default_dir / "card.json").read_bytes() == before
    assert default.summary() == "Tutorial MLP — 97.9% on MNIST test (2026-11-22)"


def test_save_get_list_round_trip(store):
    given = card(network={"hidden": [16]}, metrics={"test_accuracy": np.float32(0.5)})
    info = store.save(given, writer(1), name="My Net!")
    assert re.fullmatch(r"my-net-\d{8}-\d{6}", info.id)
    assert info.path == store.models_dir / info.id
    assert sorted(p.name for p in info.path.iterdir()) == ["card.json", "model.keras", "weights.npz"]
    on_disk = json.loads((info.path / "card.json").read_text())
    assert on_disk["format"] == CARD_FORMAT and on_disk["version"] == CARD_VERSION
    assert on_disk["id"] == info.id and on_disk["name"] == "My Net!" and on_disk["network"] == {"hidden": [16]}
    created = datetime.fromisoformat(on_disk["created"])
    assert created.utcoffset() is not None and abs(datetime.now(UTC) - created) < timedelta(minutes=1)
    assert given.id == "" and given.name == ""  # the caller's card is not modified
    got = store.get(info.id)
    assert got.card == info.card and got.card.to_dict() == on_disk and got.name == "My Net!" and got.accuracy == 0.5
    np.testing.assert_allclose(store.load_recognizer(info.id).probabilities(X), probs(info.path))
    assert not np.allclose(probs(info.path), probs(store.default().path))
    assert store.get(info.id).keras_path() == info.path / "model.keras"
    assert visible(store) == [info.id]  # no staging left behind


def test_ids_are_unique_and_list_is_newest_first(store, monkeypatch):
    t0 = datetime(2026, 11, 22, 9, 30, 0).astimezone()
    monkeypatch.setattr(store_module, "local_now", lambda: t0)
    a = store.save(card(), writer(1), name="Net")
    b = store.save(card(), writer(2), name="Net")
    monkeypatch.setattr(store_module, "local_now", lambda: t0 + timedelta(hours=1))
    c = store.save(card(name="Later"), writer(3))
    assert a.id == "net-20261122-093000" and b.id == "net-20261122-093000-2"
    assert c.id == "later-20261122-103000" and c.name == "Later"
    assert [m.id for m in store.list()] == ["default", c.id, b.id, a.id]
    np.testing.assert_allclose(probs(a.path), probs(store.get(a.id).path))  # a was not overwritten by b
    assert not np.allclose(probs(a.path), probs(b.path))


def test_failing_write_leaves_nothing(store):
    keep = store.save(card(), writer(1), name="Keep")

    def write(staging):
        writer(2)(staging)
        raise ValueError("disk on fire")

    with pytest.raises(ValueError, match="disk on fire"):
        store.save(card(), write, name="Broken")
    assert visible(store) == [keep.id]
    assert [m.id for m in store.list()] == ["default", keep.id] and store.problems() == []
    np.testing.assert_allclose(probs(keep.path), probs(store.get(keep.id).path))


def test_save_refuses_weights_that_do_not_load(store):
    def write(staging):
        (staging / "weights.npz").write_bytes(b"not a zip")

    with pytest.raises(StoreError, match="weights.npz is damaged or not usable"):
        store.save(card(), write, name="Garbage")
    with pytest.raises(StoreError):
        store.save(card(), lambda staging: None, name="Nothing written")
    assert visible(store) == []


def test_leftovers_of_dead_saves_are_cleaned_on_start(store, tmp_path, default_dir):
    store.models_dir.mkdir(parents=True)
    leftovers = [store.models_dir / n for n in (".staging-0123abcd", ".staging-from-an-old-version", ".trash-x")]
    for d in leftovers:
        d.mkdir()
        write_weights(d / "weights.npz", 1)  # half a model, as a crash would leave it
    (store.models_dir / ".lock-0123abcd").touch()  # its owner is gone: nobody holds the lock
    assert visible(store) == sorted([".lock-0123abcd", *(d.name for d in leftovers)])
    ModelStore(home=store.home, default_dir=default_dir)  # the next start
    assert visible(store) == []


def test_activate_and_active(store, tmp_path, default_dir):
    assert store.choose() == store_module.Chosen(store.default())
    info = store.save(card(), writer(1), name="Mine")
    assert store.activate(info.id).id == info.id
    assert store.active().id == info.id and store.choose().fallback_reason is None
    assert json.loads(store.active_file.read_text()) == {"id": info.id}
    again = ModelStore(home=tmp_path / "home", default_dir=default_dir)  # persisted
    assert again.active().id == info.id
    np.testing.assert_allclose(again.load_recognizer().probabilities(X), probs(info.path))
    store.activate("default")
    assert store.active().id == "default"
    with pytest.raises(StoreError, match="no model 'nope'"):
        store.activate("nope")
    assert store.active().id == "default"
    assert [p.name for p in store.home.iterdir() if p.name.endswith(".tmp")] == []


def test_delete(store):
    keep = store.save(card(), writer(1), name="Keep")
    gone = store.save(card(), writer(2), name="Gone")
    store.activate(gone.id)
    store.delete(gone.id)
    assert not gone.path.exists() and visible(store) == [keep.id]  # no trash left either
    assert [m.id for m in store.list()] == ["default", keep.id]
    assert store.active().id == "default" and store.choose().fallback_reason is None
    with pytest.raises(StoreError, match="no model"):
        store.delete(gone.id)
    store.activate(keep.id)
    other = store.save(card(), writer(3), name="Other")
    store.delete(other.id)  # deleting another model keeps the active one
    assert store.active().id == keep.id


def test_delete_removes_a_broken_model(store):
    info = store.save(card(), writer(1), name="Broken")
    (info.path / "card.json").write_text("{")
    store.delete(info.id)
    assert visible(store) == []


def test_rename(store):
    info = store.save(card(metrics={"test_accuracy": 0.9}), writer(1), name="Old")
    renamed = store.rename(info.id, "  New name  ")
    assert renamed.id == info.id and renamed.path == info.path and renamed.name == "New name"
    got = store.get(info.id)
    assert got.name == "New name" and got.card == dataclasses.replace(info.card, name="New name")
    assert visible(store) == [info.id]
    assert [p.name for p in info.path.iterdir() if p.name.startswith(".")] == []
    with pytest.raises(StoreError, match="empty"):
        store.rename(info.id, "   ")
    assert store.get(info.id).name == "New name"


@pytest.mark.parametrize("damage", [
    lambda p: (p / "weights.npz").write_bytes(b"PK\x03\x04 truncated"),
    lambda p: (p / "weights.npz").unlink(),
    lambda p: (p / "card.json").write_text("{not json"),
    lambda p: (p / "card.json").unlink(),
    lambda p: (p / "card.json").write_text(json.dumps({"format": "something-else", "version": 1})),
], ids=["corrupt-weights", "missing-weights", "corrupt-card", "missing-card", "foreign-card"])
def test_broken_model(store, damage):
    good = store.save(card(), writer(1), name="Good")
    bad = store.save(card(), writer(2), name="Bad")
    store.activate(bad.id)
    damage(bad.path)
    with pytest.raises(StoreError, match=re.escape(bad.id)):
        store.get(bad.id)
    assert [m.id for m in store.list()] == ["default", good.id]
    problems = store.problems()
    assert len(problems) == 1 and bad.id in problems[0]
    chosen = store.choose()
    assert chosen.info.id == "default"
    assert chosen.fallback_reason and bad.id in chosen.fallback_reason and "default" in chosen.fallback_reason
    store.activate(good.id)
    assert store.active().id == good.id and store.choose().fallback_reason is None


def test_export_import_round_trip(store, tmp_path):
    info = store.save(card(created="2025-01-02T03:04:05+00:00", history={"loss": [1.0, 0.5]}),
                      writer(1, keras="real"), name="Traveller")
    zip_path = store.export(info.id, tmp_path / "traveller.zip")
    with zipfile.ZipFile(zip_path) as zf:
        assert sorted(zf.namelist()) == ["card.json", "model.keras", "weights.npz"]
    other = ModelStore(home=tmp_path / "elsewhere", default_dir=store.default_dir)
    imported = other.import_(zip_path)
    assert imported.name == "Traveller" and imported.created == "2025-01-02T03:04:05+00:00"
    assert imported.card.history == {"loss": [1.0, 0.5]} and imported.card.id == imported.id
    assert (imported.path / "model.keras").read_bytes() == keras_bytes()
    np.testing.assert_allclose(probs(imported.path), probs(info.path))
    assert [m.id for m in other.list()] == ["default", imported.id]
    again = store.import_(zip_path)  # into the same store: a second model, the first untouched
    assert again.id != info.id and len(store.list()) == 3


def test_export_without_keras_and_keras_path_message(store, tmp_path):
    info = store.save(card(), writer(1, keras=False), name="Weights only")
    with pytest.raises(StoreError, match="drawing but not trained further"):
        store.get(info.id).keras_path()
    with zipfile.ZipFile(store.export(info.id, tmp_path / "w.zip")) as zf:
        assert sorted(zf.namelist()) == ["card.json", "weights.npz"]
    assert store.import_(tmp_path / "w.zip").name == "Weights only"
    store.export("default", tmp_path / "d.zip")  # the read-only default can be exported
    assert store.import_(tmp_path / "d.zip").name == "Tutorial MLP"


def make_zip(path, entries):
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in entries.items():
            zf.writestr(name, data)
    return path


@pytest.mark.parametrize("case", ["evil-path", "extra-name", "missing-weights", "missing-card",
                                  "foreign-card", "bad-card-json", "bad-weights", "not-a-zip", "too-big",
                                  "missing-file"])
def test_import_refuses_bad_archives(store, tmp_path, monkeypatch, case):
    good = store.export("default", tmp_path / "good.zip")
    with zipfile.ZipFile(good) as zf:
        entries = {n: zf.read(n) for n in zf.namelist()}
    if case == "evil-path":
        entries = {"../evil": b"x", **entries}
    elif case == "extra-name":
        entries["sub/card.json"] = entries["card.json"]
    elif case == "missing-weights":
        del entries["weights.npz"]
    elif case == "missing-card":
        del entries["card.json"]
    elif case == "foreign-card":
        entries["card.json"] = json.dumps({"format": "other", "version": 1})
    elif case == "bad-card-json":
        entries["card.json"] = b"{"
    elif case == "bad-weights":
        entries["weights.npz"] = b"junk"
    elif case == "too-big":
        monkeypatch.setattr(exchange, "MAX_IMPORT_BYTES", 1000)
    path = tmp_path / f"{case}.zip"
    if case == "not-a-zip":
        path.write_bytes(b"hello")
    elif case == "missing-file":
        pass
    else:
        make_zip(path, entries)
    with pytest.raises(StoreError, match=re.escape(str(path))):
        store.import_(path)
    assert visible(store) == [] and not (tmp_path / "evil").exists()
    assert [m.id for m in store.list()] == ["default"]


def test_resolve(store, tmp_path, default_dir, monkeypatch):
    assert store.resolve(None).id == "default"
    info = store.save(card(), writer(1), name="Mine")
    store.activate(info.id)
    assert store.resolve(None).id == info.id
    assert store.resolve(info.id).path == info.path
    by_dir = store.resolve(info.path)
    assert by_dir.id == info.id and not by_dir.read_only
    monkeypatch.chdir(store.models_dir)
    assert store.resolve(info.id).read_only is False  # a relative directory inside the store
    outside = tmp_path / "downloads" / "someones-model"
    outside.mkdir(parents=True)
    for name in ("card.json", "weights.npz"):
        (outside / name).write_bytes((info.path / name).read_bytes())
    ext = store.resolve(str(outside))
    assert ext.id == "someones-model" and ext.read_only and ext.path == outside.resolve()
    assert store.resolve(default_dir).id == "default"
    with pytest.raises(StoreError, match="card.json is missing"):
        store.resolve(tmp_path / "downloads")
    with pytest.raises(StoreError):
        store.resolve("no-such-model")
    with pytest.raises(StoreError):
        store.resolve(tmp_path / "nowhere" / "model")


def test_broken_default_is_reported(tmp_path, default_dir):
    (default_dir / "weights.npz").write_bytes(b"junk")
    store = ModelStore(home=tmp_path / "home", default_dir=default_dir)
    with pytest.raises(StoreError, match="default model.*Reinstall"):
        store.default()
    assert store.list() == [] and "default" in store.problems()[0]


def test_summary_without_metrics():
    info = ModelInfo("x", Path("x"), card(name="Plain", created="2026-01-05T10:00:00+00:00"), False)
    assert info.summary() == "Plain (2026-01-05)" and info.accuracy is None


def test_import_of_weights_declaring_a_huge_array_is_refused_unloaded(store, tmp_path):
    """A 6.9 KB zip whose weights.npz held a 1 GB array used 1.3 GB before it was refused."""
    good = store.export("default", tmp_path / "good.zip")
    with zipfile.ZipFile(good) as zf:
        entries = {n: zf.read(n) for n in zf.namelist()}
    weights = tmp_path / "weights.npz"
    np.savez_compressed(weights, format=np.array("digitpad-weights"), version=np.array(1),
                        kernel_0=np.zeros((784, 400_000), np.float32),  # 1.25 GB of zeros
                        bias_0=np.zeros(400_000, np.float32), activations=np.array(["softmax"]),
                        activation_params=np.zeros(1, np.float32))
    entries["weights.npz"] = weights.read_bytes()
    path = make_zip(tmp_path / "bomb.zip", entries)
    assert path.stat().st_size < 3_000_000
    with pytest.raises(StoreError, match="declare more than 512 MB") as info:
        store.import_(path)
    assert str(path) in str(info.value)
    assert visible(store) == [] and [m.id for m in store.list()] == ["default"]


@pytest.mark.parametrize("where", ["import", "store", "active"])
def test_deeply_nested_json_is_a_message(store, tmp_path, where):
    deep = "[" * 100_000 + "]" * 100_000
    if where == "import":
        good = store.export("default", tmp_path / "good.zip")
        with zipfile.ZipFile(good) as zf:
            entries = {n: zf.read(n) for n in zf.namelist()}
        path = make_zip(tmp_path / "deep.zip", {**entries, "card.json": deep})
        with pytest.raises(StoreError, match="card.json .*nested far too deeply") as info:
            store.import_(path)
        assert "not a readable zip" not in str(info.value)
    elif where == "store":
        info = store.save(card(), writer(1), name="Mine")
        (info.path / "card.json").write_text(deep)
        assert [m.id for m in store.list()] == ["default"]
        assert "nested far too deeply" in store.problems()[0]
    else:
        store.active_file.parent.mkdir(parents=True, exist_ok=True)
        store.active_file.write_text(deep)
        assert store.active().id == "default" and "nested far too deeply" in store.choose().fallback_reason


@pytest.mark.parametrize("content, says", [
    (bytes(range(256)) * 4, "not an .npz file"),
    (b"\x93NUMPY\x01\x00v\x00{'descr': '<f4', 'fortran_order': False, 'shape': (3,), }" + b" " * 60 + b"\n",
     "single NumPy array"),
])
def test_weights_that_are_not_an_npz_do_not_talk_about_pickles(tmp_path, content, says):
    from model.recognizer import ModelError

    path = tmp_path / "weights.npz"
    path.write_bytes(content)
    with pytest.raises(ModelError, match=says) as info:
        Recognizer.load(path)
    assert "pickle" not in str(info.value) and str(path) in str(info.value)
