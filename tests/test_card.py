"""model.store.card: the typed model card, reading version 1 cards, and what personalising reads from it."""
from __future__ import annotations

import json

import numpy as np
import pytest
from helpers import mnist

from model.data.sources import TEST_FRACTION, load_source, write_idx
from model.store.card import CARD_FORMAT, CARD_VERSION, CardError, DataSpec, ExtraData, Metrics, ModelCard
from model.store.models import ModelStore
from model.training.personalize import load_card_base, pen_extra


@pytest.fixture
def folder(tmp_path):
    x, y = mnist()
    d = tmp_path / "digits"
    d.mkdir()
    write_idx(d / "train-images-idx3-ubyte", x[:1000])
    write_idx(d / "train-labels-idx1-ubyte", y[:1000])
    return d


def test_a_card_survives_card_json_unchanged():
    card = ModelCard(
        name="Mine", created="2026-12-01T10:00:00+00:00", id="mine", network={"hidden": [64]},
        training={"epochs": 3, "seed": 7},
        data=DataSpec(name="IDX folder /d", source="/d", test_fraction=0.2, seed=7, test_from_train=True,
                      extras=(ExtraData(kind="pendigits", name="pen", source="/p.tra", reps=2, holdout=0.4, n=10),)),
        metrics=Metrics(test_accuracy=0.9, test_loss=0.3, test_n=100, confusion=[[1, 0], [0, 1]]),
        history={"loss": [1.0, 0.5]}, epochs_run=2, best_epoch=2, train_seconds=3.5, command="digitpad train",
        notes="n", other={"future_key": {"kept": True}})
    on_disk = json.loads(json.dumps(card.to_dict()))
    assert on_disk["format"] == CARD_FORMAT and on_disk["version"] == CARD_VERSION == 2
    assert on_disk["future_key"] == {"kept": True}
    assert ModelCard.from_dict(on_disk) == card


@pytest.mark.parametrize("content, message", [
    ([1, 2], "not a DigitPad model card"),
    ({"format": "other", "version": 1}, "not a DigitPad model card"),
    ({"format": CARD_FORMAT, "version": "1"}, "not a version number"),
    ({"format": CARD_FORMAT, "version": True}, "not a version number"),
    ({"format": CARD_FORMAT, "version": 99}, "newer than this DigitPad reads"),
    ({"format": CARD_FORMAT, "version": 0}, "no DigitPad wrote"),
])
def test_cards_we_cannot_read_say_why(content, message):
    with pytest.raises(CardError, match=message):
        ModelCard.from_dict(content)


def test_odd_field_values_do_not_break_reading():
    card = ModelCard.from_dict({"format": CARD_FORMAT, "version": 2, "name": 5, "metrics": {"test_accuracy": "x",
                                "test_n": float("nan")}, "history": [1], "data": "text", "network": None})
    assert card.name == "" and card.metrics == Metrics() and card.history == {} and card.data is None
    assert card.network == {}


def test_version_1_card_written_by_the_command_line(folder):
    v1 = {"format": CARD_FORMAT, "version": 1, "name": "Old", "training": {"seed": 3},
          "data": {"source": f"IDX folder {folder}", "extra": "pendigits.tra (pen trajectories rendered as ink x2)"},
          "command": f"digitpad train --data {folder} --test-fraction 0.25 --extra pen/pendigits.tra "
                     "--extra-reps 2 --extra-holdout 0.6 --out m"}
    spec = ModelCard.from_dict(v1).data
    assert spec == DataSpec(name=f"IDX folder {folder}", source=str(folder), test_fraction=0.25, seed=3,
                            test_from_train=True,
                            extras=(ExtraData(kind="pendigits", name=v1["data"]["extra"],
                                              source="pen/pendigits.tra", reps=2, holdout=0.6),))


def test_version_1_mnist_card_without_command():
    v1 = {"format": CARD_FORMAT, "version": 1, "name": "Old", "data": {"source": "MNIST (keras cache x)"}}
    assert ModelCard.from_dict(v1).data.source == "mnist"


def test_personalising_a_window_trained_model_measures_it_on_its_own_test_split(folder):
    """A model trained in the window (version 1 card: the data's path, no command) was trained
    with the default test fraction. Personalising used to re-carve its "base test" with 0.2, so a
    tenth of the base test digits were ones the model had trained on."""
    v1 = {"format": CARD_FORMAT, "version": 1, "name": "Window model", "training": {"seed": 3},
          "data": {"source": str(folder)}}
    trained_on = load_source(folder, seed=3)  # exactly what the Train tab's worker loads
    base, spec, why = load_card_base(ModelCard.from_dict(v1))
    assert not why and spec.test_fraction == TEST_FRACTION and spec.seed == 3
    np.testing.assert_array_equal(base.x_test, trained_on.x_test)
    seen = {row.tobytes() for row in trained_on.x_train}
    assert not any(row.tobytes() in seen for row in base.x_test)


def test_a_model_saved_by_the_trainer_records_the_split(folder, home):
    """What the CLI and the Train tab record (DataSpec.of) loads the same test split back."""
    ds = load_source(folder, test_fraction=0.2, seed=11)
    spec = DataSpec.of(ds, str(folder), test_fraction=0.2, seed=11)
    from helpers import random_weights

    store = ModelStore()
    info = store.save(ModelCard(name="m", data=spec), lambda d: random_weights(d / "weights.npz"))
    base, loaded, why = load_card_base(store.get(info.id).card)
    assert loaded == spec and not why
    np.testing.assert_array_equal(base.x_test, ds.x_test)


def test_pen_extra_is_found_only_when_the_file_exists(tmp_path):
    pen = tmp_path / "pendigits.tra"
    pen.write_text("".join(f"{','.join(['50'] * 16)},{d % 10}\n" for d in range(20)))
    card = ModelCard(name="m", data=DataSpec(name="d", extras=(
        ExtraData(kind="pendigits", name="pen", source=str(pen), reps=2, holdout=0.5),)))
    assert pen_extra(card).n == 20  # half of 20 trajectories, twice
    missing = ModelCard(name="m", data=DataSpec(name="d", extras=(
        ExtraData(kind="pendigits", name="pen", source=str(tmp_path / "gone.tra")),)))
    assert pen_extra(missing) is None and pen_extra(ModelCard(name="m")) is None
