"""A full disk, a read-only data folder and a data folder that cannot be one: a message that says so,
never a traceback, never a model or a sample lost (issue 21).

The full and read-only disks are real: a small tmpfs mounted on the test's folder in a private
mount namespace (``unshare``), seen only by the command under test. Where that cannot be made
(no user namespaces) those tests are skipped; the rest run everywhere.
"""
from __future__ import annotations

import json
import sys
import textwrap

import pytest
from helpers import ROOT, can_mount_tmpfs, card, cli_env, fit_linear_weights, make_model_dir, on_small_disk, run_cli

from model.recognizer import Recognizer
from model.store.models import ModelStore

THREE = ROOT / "assets" / "samples" / "three.json"
needs_tmpfs = pytest.mark.skipif(not can_mount_tmpfs(), reason="cannot mount a tmpfs in a user namespace here")


def python(code: str) -> list[str]:
    return [sys.executable, "-c", textwrap.dedent(code)]


@pytest.fixture
def filled_home(tmp_path, default_model):
    """A data folder with two models, the first one active (to be copied onto a small disk)."""
    home = tmp_path / "prepared"
    store = ModelStore(home=home, default_dir=default_model)
    a = store.save(card(name="Alpha"), lambda f: fit_linear_weights(f / "weights.npz", n_train=500, seed=1))
    b = store.save(card(name="Beta"), lambda f: fit_linear_weights(f / "weights.npz", n_train=500, seed=2))
    store.activate(a.id)
    return home, a.id, b.id


@needs_tmpfs
def test_a_model_saved_on_a_full_disk_is_saved_elsewhere_and_says_where(tmp_path, default_model):
    home, elsewhere = tmp_path / "home", tmp_path / "elsewhere"
    home.mkdir()
    elsewhere.mkdir()
    code = f"""
        import numpy as np
        from model.store.models import ModelStore, StoreError
        from model.store.card import ModelCard
        from model.recognizer import save_weights
        rng = np.random.default_rng(0)
        def write(folder):  # 784x400 float32: 1.2 MB, more than the disk holds
            save_weights(folder / "weights.npz", [rng.normal(0, 0.1, (784, 400)), rng.normal(0, 0.1, (400, 10))],
                         [np.zeros(400), np.zeros(10)], ["relu", "softmax"], [0.0, 0.0])
        try:
            ModelStore(home={str(home)!r}, default_dir={str(default_model)!r}).save(ModelCard(name="Long"), write)
        except StoreError as exc:
            print(exc)
    """
    r = on_small_disk(python(code), home, size_kb=256, env=cli_env(home, TMPDIR=elsewhere), cwd=ROOT)
    assert r.returncode == 0 and "Traceback" not in r.stderr, r.stderr
    assert "the disk is full" in r.stdout and "it was saved in" in r.stdout, r.stdout
    rescued = [p for p in elsewhere.iterdir() if p.name.startswith("digitpad-unsaved-model-")]
    assert len(rescued) == 1 and str(rescued[0]) in r.stdout
    assert Recognizer.load(rescued[0]).sizes == [784, 400, 10]
    r = run_cli(["models", "import", rescued[0]], home, tmp_path)  # what the message says to do, once there is room
    assert r.returncode == 0 and "Imported as long-" in r.stdout, r.stderr


@needs_tmpfs
def test_deleting_or_activating_on_a_read_only_data_folder_is_a_message_and_changes_nothing(tmp_path, filled_home):
    prepared, a, b = filled_home
    home = tmp_path / "home"
    home.mkdir()
    for args in (["models", "delete", a], ["models", "activate", b], ["models", "rename", a, "New"],
                 ["models", "import", tmp_path / "x.zip"]):
        if args[1] == "import":
            ModelStore(home=prepared).export(b, tmp_path / "x.zip")
        script = [*python("import sys; from app.cli.main import main; sys.exit(main(sys.argv[1:]))"), *map(str, args)]
        r = on_small_disk(script + [], home, size_kb=4096, fill_from=prepared, read_only=True,
                          env=cli_env(home), cwd=ROOT)
        assert r.returncode == 1 and r.stderr.startswith("digitpad: ") and "Traceback" not in r.stderr, (args, r.stderr)
        assert "read-only" in r.stderr, (args, r.stderr)
    listed = on_small_disk([sys.executable, "-m", "app.cli", "models", "list", "--json"], home, size_kb=4096,
                           fill_from=prepared, read_only=True, env=cli_env(home), cwd=ROOT)
    models = {m["id"]: m for m in json.loads(listed.stdout)}
    assert models[a]["active"] and b in models and listed.returncode == 0, listed.stderr


@needs_tmpfs
@pytest.mark.parametrize("action", ["add", "add-again", "list"])
def test_samples_on_a_full_disk_say_the_disk_is_full(tmp_path, action):
    home = tmp_path / "home"
    home.mkdir()
    fill = "dd if=/dev/zero of=\"$DIGITPAD_HOME/filler\" bs=4k 2>/dev/null; "
    cli = f"{sys.executable} -m app.cli"
    first = f"{cli} samples add --label 3 {THREE} >/dev/null && " if action != "add" else ""
    command = {"add": f"{cli} samples add --label 3 {THREE}", "add-again": f"{cli} samples add --label 3 {THREE}",
               "list": f"rm -f \"$DIGITPAD_HOME\"/samples.sqlite3-* ; {cli} samples list"}[action]
    r = on_small_disk(["sh", "-c", first + fill + command], home, size_kb=512, env=cli_env(home), cwd=ROOT)
    if action == "list" and r.returncode == 0:
        pytest.skip("SQLite could list without writing anything on this system")
    assert r.returncode == 1 and "Traceback" not in r.stderr, r.stderr
    assert "disk is full" in r.stderr and "disk I/O error" not in r.stderr, r.stderr


def test_an_unusable_data_folder_is_one_message_and_predict_with_a_model_does_not_need_it(tmp_path):
    not_a_folder = tmp_path / "home-is-a-file"
    not_a_folder.write_text("mine")
    model = make_model_dir(tmp_path / "model", linear=True)
    for args in (["samples", "list"], ["samples", "add", "--label", "3", THREE], ["models", "activate", "default"],
                 ["personalize"]):
        r = run_cli(args, not_a_folder, tmp_path)
        assert r.returncode == 1 and "Traceback" not in r.stderr, (args, r.stderr)
        lines = r.stderr.strip().splitlines()
        assert len(lines) == 1 and "it is a file, not a folder" in lines[0] and "DIGITPAD_HOME" in lines[0], lines
    r = run_cli(["predict", "--model", model, THREE], not_a_folder, tmp_path)
    assert r.returncode == 0 and r.stdout.startswith(f"{THREE}: 3"), r.stderr
    r = run_cli(["models", "list"], not_a_folder, tmp_path)  # the shipped default, and why there is no more
    assert r.returncode == 0 and "* default" in r.stdout and "is a file, not a folder" in r.stderr, r.stderr
    assert not_a_folder.read_text() == "mine"


@needs_tmpfs
def test_a_read_only_data_folder_that_does_not_exist_yet_is_one_message(tmp_path):
    mount = tmp_path / "ro"
    mount.mkdir()
    home = mount / "DigitPad"
    r = on_small_disk([sys.executable, "-m", "app.cli", "samples", "list"], mount, read_only=True,
                      env=cli_env(home), cwd=ROOT)
    assert r.returncode == 1 and "Traceback" not in r.stderr, r.stderr
    assert r.stderr.count("digitpad: ") == 1 and "cannot keep its data in" in r.stderr, r.stderr


@needs_tmpfs
@pytest.mark.slow  # trains (TensorFlow)
def test_train_on_a_read_only_data_folder_keeps_the_trained_model(tmp_path, idx_folder_small):
    home, elsewhere = tmp_path / "home", tmp_path / "elsewhere"
    home.mkdir()
    elsewhere.mkdir()
    args = [sys.executable, "-m", "app.cli", "train", "--data", idx_folder_small, "--epochs", "1", "--hidden", "16",
            "--no-drawn", "--no-augment", "--max-batches", "3"]
    r = on_small_disk(args, home, read_only=True, env=cli_env(home, TMPDIR=elsewhere), cwd=ROOT, timeout=600)
    assert r.returncode == 1 and "Traceback" not in r.stderr, r.stderr[-3000:]
    rescued = [p for p in elsewhere.iterdir() if p.name.startswith("digitpad-unsaved-model-")]
    assert len(rescued) == 1 and str(rescued[0]) in r.stderr and "read-only" in r.stderr, r.stderr[-3000:]
    assert {p.name for p in rescued[0].iterdir()} == {"card.json", "weights.npz", "model.keras"}
    assert Recognizer.load(rescued[0]).sizes == [784, 16, 10]


@pytest.fixture
def idx_folder_small(tmp_path):
    from helpers import mnist, write_idx_folder

    x, y = mnist()
    folder = tmp_path / "idx"
    write_idx_folder(folder, x[::10][:400], y[::10][:400], x[5::10][:100], y[5::10][:100])
    return folder


@needs_tmpfs
def test_deleting_the_active_model_on_a_full_disk_deletes_nothing_and_keeps_it_active(tmp_path, filled_home):
    prepared, a, b = filled_home
    home = tmp_path / "home"
    home.mkdir()
    cli = f"{sys.executable} -m app.cli"
    script = (f"dd if=/dev/zero of=\"$DIGITPAD_HOME/filler\" bs=1k 2>/dev/null; {cli} models delete {a}; "
              f"echo \"rc=$?\"; {cli} models list --json")
    r = on_small_disk(["sh", "-c", script], home, size_kb=4096, fill_from=prepared, env=cli_env(home), cwd=ROOT)
    assert "rc=1" in r.stdout and "disk is full" in r.stderr and "Traceback" not in r.stderr, r.stderr
    models = {m["id"]: m for m in json.loads(r.stdout.splitlines()[-1])}
    assert models[a]["active"] and b in models
