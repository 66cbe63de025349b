"""What a model learnt from is shown in people's words wherever the window and the command line
show it: no developer paths ("IDX folder ../shared/data/mnist-subset"), whatever the card."""
from __future__ import annotations

import json

import pytest
from helpers import run_cli

from model.store.card import DataSpec, ExtraData, ModelCard
from model.store.learnt_from import learnt_from, short_name


def test_the_shipped_models_card_says_what_it_learnt_from_in_words(shipped_default):
    card = ModelCard.from_dict(json.loads((shipped_default / "card.json").read_text()))
    words = learnt_from(card.data)
    assert "../" not in words and "shared" not in words and "IDX" not in words, words
    assert "MNIST" in words and "drawn digits shipped with DigitPad" in words
    assert "../" not in short_name(card.data)


@pytest.mark.parametrize("spec, says", [
    (DataSpec(name="MNIST", source="mnist"), "MNIST"),
    (DataSpec(name="drawn digits shipped with DigitPad: 6,294 digits", source="drawn"),
     "the drawn digits shipped with DigitPad"),
    (DataSpec(name="IDX folder /home/ann/data/strokes", source="/home/ann/data/strokes"),
     "digits from the folder “strokes”"),
    (DataSpec(name="mine", source="/home/ann/mine.npz"), "digits from the file “mine.npz”"),
    (DataSpec(name="MNIST", source="mnist", extras=(
        ExtraData(kind="drawn", name="drawn digits shipped with DigitPad: ...", n=12588, reps=2),
        ExtraData(kind="samples", name="30 of your samples x40", n=1200))),
     "MNIST, the drawn digits shipped with DigitPad (6,294 of them, each drawn 2 times with variations) and "
     "30 of your samples"),
    (DataSpec(name="MNIST", source="mnist", extras=(
        ExtraData(kind="drawn", n=32670, reps=4, name="drawn digits shipped with DigitPad: 6,294 digits, 128 writers,"
                  " each drawn 4 times; 7,494 UCI pen-digit trajectories, each drawn once"),)),
     "MNIST and the drawn digits shipped with DigitPad (6,294 tablet digits, each drawn 4 times with variations,"
     " and 7,494 pen trajectories)"),
    (DataSpec(name="your samples only", extras=(ExtraData(kind="samples", name="12 of your samples x20"),)),
     "only 12 of your samples"),
])
def test_data_in_words(spec, says):
    assert learnt_from(spec) == says


def test_the_models_dialog_and_models_list_say_it_too(shipped_default, tmp_path, qapp):
    from app.models_dialog import card_html
    from model.store.models import ModelStore

    store = ModelStore(home=tmp_path / "home", default_dir=shipped_default)
    html = card_html(store.get("default"), active=True)
    assert "../shared" not in html and "MNIST digits (the folder “mnist-subset”)" in html
    r = run_cli(["models", "list"], tmp_path / "home", tmp_path)
    assert r.returncode == 0 and "../shared" not in r.stdout and "MNIST (“mnist-subset”) test" in r.stdout, r.stdout
