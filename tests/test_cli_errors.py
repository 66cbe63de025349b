"""Issue 14 from the command line: every bad input gets a `digitpad: ...` message and an exit status,
never a traceback; a batch goes on after a bad file; settings are named as their options; bad
training data is refused before TensorFlow starts; every option explains itself in --help."""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import zipfile

import numpy as np
import pytest
from helpers import ROOT, cli_env, mnist

from app.cli.main import main, parser
from model.data.sources import write_idx
from model.paths import assets_dir

THREE = assets_dir() / "samples" / "three.json"


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def bad_inks(tmp_path):
    good = json.loads(THREE.read_text())
    files = {}
    files["deep"] = tmp_path / "deep.json"
    files["deep"].write_text("[" * 100_000 + "]" * 100_000)
    files["huge_width"] = tmp_path / "width.json"
    files["huge_width"].write_text(json.dumps(good).replace('"width": 280', '"width": 1e999'))
    far = dict(good, strokes=[[[1.7e308, 0.0], [-1.7e308, 10.0]]])
    files["far"] = tmp_path / "far.json"
    files["far"].write_text(json.dumps(far))
    files["png_named_json"] = tmp_path / "picture.json"
    files["png_named_json"].write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    return files


def test_predict_goes_on_after_each_bad_ink(capsys, home, bad_inks):
    names = [bad_inks["deep"], THREE, bad_inks["huge_width"], bad_inks["far"], bad_inks["png_named_json"], THREE]
    code, out, err = run(capsys, "predict", "--json", *names)
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == 1 and len(rows) == len(names) and "Traceback" not in err
    assert [r.get("digit") for r in rows] == [None, 3, None, None, None, 3]
    errors = [r["error"] for r in rows if "error" in r]
    assert len(errors) == 4 and all(e.strip() for e in errors)
    assert "PNG" in errors[3]  # says what the file is, not "'utf-8' codec can't decode"


def t10k_only(folder):
    x, y = mnist()
    folder.mkdir()
    write_idx(folder / "t10k-images-idx3-ubyte", x[::16][:300])  # every digit, not only zeros
    write_idx(folder / "t10k-labels-idx1-ubyte", y[::16][:300])
    return folder


def test_a_folder_of_test_files_only_is_evaluated_explored_and_measured(capsys, home, tmp_path):
    folder = t10k_only(tmp_path / "t10k")
    code, out, err = run(capsys, "evaluate", "--data", folder, "--json")
    result = json.loads(out)
    assert code == 0 and result["n"] == 300 and result["split"] == "test" and result["accuracy"] > 0.8
    code, out, err = run(capsys, "explore", "--data", folder, "--json")
    assert code == 0 and json.loads(out)["splits"]["test"]["n"] == 300
    code, out, err = run(capsys, "robustness", "--data", folder, "--n", 50, "--levels", 2, "--json")
    assert code == 0 and json.loads(out)["split"] == "test"


def test_evaluating_on_no_digits_is_a_message(capsys, home, tmp_path):
    empty = tmp_path / "empty.npz"
    np.savez(empty, x_train=np.zeros((0, 28, 28), np.uint8), y_train=np.zeros(0, np.uint8))
    code, out, err = run(capsys, "evaluate", "--data", empty)
    assert code == 1 and err.startswith("digitpad: ") and "Traceback" not in err and "digits" in err


@pytest.mark.parametrize("flags, says", [
    (["--test-fraction", "0"], "--test-fraction: 0.0 must be more than 0"),
    (["--test-fraction", "2"], "--test-fraction: 2.0 must be more than 0"),
    (["--seed", "-1"], "--seed: -1 must be a whole number"),
    (["--validation-split", "0"], "--validation-split: 0.0 must be"),
    (["--learning-rate", "50"], "--learning-rate: 50.0 must be a number from"),
])
def test_settings_out_of_range_are_named_as_options(capsys, home, tmp_path, flags, says):
    folder = t10k_only(tmp_path / "t10k")
    code, out, err = run(capsys, "train", "--data", folder, *flags)
    assert code == 1 and says in err, err


def test_too_little_training_data_is_refused_before_tensorflow_starts(home, tmp_path):
    x, y = mnist()
    one = tmp_path / "one.npz"
    np.savez(one, x_train=x[:1], y_train=y[:1])
    t10k = t10k_only(tmp_path / "t10k")
    code = ("import sys\nfrom app.cli import main\n"
            f"codes = [main(['train', '--data', {str(one)!r}]), main(['train', '--data', {str(t10k)!r}])]\n"
            "print(codes, 'tensorflow' in sys.modules)")
    r = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=cli_env(home), capture_output=True,
                       text=True, timeout=120)
    assert r.stdout.strip() == "[1, 1] False", r.stdout + r.stderr
    messages = [line for line in r.stderr.splitlines() if line.startswith("digitpad: ")]
    assert len(messages) == 2 and "Traceback" not in r.stderr
    assert "digit" in messages[0] and "test" in messages[1]


def test_a_model_zip_declaring_a_huge_array_is_refused(capsys, home, tmp_path):
    weights = tmp_path / "weights.npz"
    np.savez_compressed(weights, format=np.array("digitpad-weights"), version=np.array(1),
                        kernel_0=np.zeros((784, 400_000), np.float32), bias_0=np.zeros(400_000, np.float32),
                        activations=np.array(["softmax"]), params=np.zeros(1))
    card = {"format": "digitpad-model", "version": 2, "name": "Bomb"}
    bomb = tmp_path / "bomb.zip"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("card.json", json.dumps(card))
        zf.write(weights, "weights.npz")
    code, out, err = run(capsys, "models", "import", bomb)
    assert code == 1 and "not a DigitPad model archive" in err and "MB" in err
    code, out, err = run(capsys, "models", "list", "--json")
    assert [m["id"] for m in json.loads(out)] == ["default"]


def test_every_option_and_argument_has_help():
    missing = []

    def walk(p: argparse.ArgumentParser, where: str) -> None:
        for action in p._actions:
            if isinstance(action, argparse._SubParsersAction):
                for name, sub in action.choices.items():
                    walk(sub, f"{where} {name}")
            elif not action.help and action.dest != "help":
                missing.append(f"{where} {'/'.join(action.option_strings) or action.dest}")

    walk(parser(), "digitpad")
    assert not missing, "options without help: " + ", ".join(missing)
