"""model.store.saving: kill-safe saves. A save killed at any step leaves the whole model or none of it,
and the next start (or save) puts right what it left; a save running in another process is left
alone; JSON files are replaced atomically.

The killed saves run in subprocesses that stop themselves with ``os._exit`` at a named step
(``model.store.saving.save_step``): no cleanup, no ``finally``, no ``atexit``. No TensorFlow.
"""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import random_weights, write_card

from model.recognizer import Recognizer
from model.store.models import ModelStore, StoreError
from model.store.saving import recover_model_dir, write_json_atomic

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def default_dir(tmp_path):
    """A stand-in for the shipped default model."""
    d = tmp_path / "shipped" / "default"
    d.mkdir(parents=True)
    random_weights(d / "weights.npz")
    write_card(d, name="Tutorial MLP")
    return d


def visible(store):
    """Entries under home/models, hidden ones included."""
    return sorted(p.name for p in store.models_dir.iterdir()) if store.models_dir.exists() else []


def test_write_json_atomic_keeps_old_file_on_failure(tmp_path):
    path = tmp_path / "settings.json"
    write_json_atomic(path, {"a": 1, "text": "ünïcode"})
    assert json.loads(path.read_text(encoding="utf-8")) == {"a": 1, "text": "ünïcode"}
    with pytest.raises(TypeError):
        write_json_atomic(path, {"a": object()})
    assert json.loads(path.read_text(encoding="utf-8"))["a"] == 1
    assert [p.name for p in tmp_path.iterdir()] == ["settings.json"]



_SAVER = """
import os, sys, time
import numpy as np
from model.store import saving
from model.store import models as store
from model.store.card import ModelCard
from model.recognizer import save_weights

kind, step, target, name = sys.argv[1:5]

def at(s):
    print(s, flush=True)
    if s == step:
        if kind.endswith("-wait"):
            time.sleep(60)  # 'another DigitPad mid-save': the test kills it
        os._exit(9)  # killed: no cleanup, no finally, no atexit

saving.save_step = at

def write(folder):
    rng = np.random.default_rng(len(name))
    save_weights(folder / "weights.npz", [rng.normal(0, 0.1, (784, 10))], [np.zeros(10)], ["softmax"], [0.0])
    (folder / "model.keras").write_bytes(b"keras stand-in " + name.encode())

if kind.startswith("dir"):
    saving.write_model_dir(target, ModelCard(name=name), write)
else:
    store.ModelStore(home=target, default_dir=sys.argv[5]).save(ModelCard(name=""), write, name=name)
print("done", flush=True)
"""


def run_saver(kind, step, target, name, *extra, wait=True):
    args = [sys.executable, "-c", _SAVER, kind, step, str(target), name, *map(str, extra)]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    if not wait:
        return subprocess.Popen(args, cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True)
    return subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)


DIR_STEPS = ["staged", "written", "complete", "old-moved", "new-moved", "old-removed"]


@pytest.mark.parametrize("step", DIR_STEPS)
@pytest.mark.parametrize("existing", [True, False], ids=["over-old", "new"])
@pytest.mark.parametrize("next_start", ["resolve", "save"])
def test_write_model_dir_killed_at_any_step_is_put_right_on_the_next_start(tmp_path, default_dir, step,
                                                                           existing, next_start):
    """`train --out DIR` killed between its two renames left DIR absent and staging folders."""
    target = tmp_path / "out" / "my-model"
    if existing:
        assert run_saver("dir", "-", target, "Old").returncode == 0
    killed = run_saver("dir", step, target, "New")
    if step == "old-moved" and not existing:  # there was nothing to move: the save just finished
        assert killed.returncode == 0
        assert "done" in killed.stdout
    else:
        assert killed.returncode == 9 and killed.stdout.split()[-1] == step
    if next_start == "resolve":  # what `predict/evaluate --model DIR` does first
        store = ModelStore(home=tmp_path / "home", default_dir=default_dir)
        try:
            info = store.resolve(target)
        except StoreError as exc:  # the first save to DIR was killed: there is no model there
            assert "There is no model directory" in str(exc)
            info = None
    else:  # the next `train --out DIR`
        assert run_saver("dir", "-", target, "Next").returncode == 0
        info = ModelStore(home=tmp_path / "home", default_dir=default_dir).resolve(target)
    names = sorted(p.name for p in target.parent.iterdir())
    assert names == (["my-model"] if target.exists() else []), names  # no staging, old or lock left
    if next_start == "save":
        expected = "Next"
    elif step in ("staged", "written"):  # killed while writing: the old model stays or comes back
        expected = "Old" if existing else None
    elif step == "complete":  # complete but not yet moved: the old one stays, else the new one goes in
        expected = "Old" if existing else "New"
    else:  # killed between or after the renames: the new, complete model is in place
        expected = "New"
    if expected is None:
        assert info is None and not target.exists()
    else:
        assert info.name == expected
    if info is not None:
        assert Recognizer.load(target).sizes == [784, 10]
        assert (target / "model.keras").read_bytes() == b"keras stand-in " + info.name.encode()


@pytest.mark.parametrize("step", ["staged", "written", "complete", "renamed"])
def test_store_save_killed_at_any_step_leaves_the_whole_model_or_none(tmp_path, default_dir, step):
    home = tmp_path / "home"
    killed = run_saver("store", step, home, "Killed", default_dir)
    assert killed.returncode == 9
    store = ModelStore(home=home, default_dir=default_dir)  # the next start
    models = store.list()
    assert store.problems() == []
    names = [m.name for m in models]
    assert names == (["Tutorial MLP", "Killed"] if step == "renamed" else ["Tutorial MLP"])
    assert all(not n.startswith(".") for n in visible(store))  # no staging or lock left


def test_a_save_running_in_another_process_is_left_alone(tmp_path, default_dir):
    target = tmp_path / "out" / "busy"
    home = tmp_path / "home"
    for kind, where in (("dir-wait", target), ("store-wait", home)):
        proc = run_saver(kind, "written", where, "Busy", default_dir, wait=False)
        try:
            assert proc.stdout.readline().strip() == "staged"
            assert proc.stdout.readline().strip() == "written"  # now asleep, mid-save
            folder = target.parent if kind == "dir-wait" else home / "models"
            before = sorted(p.name for p in folder.iterdir())
            assert any(".staging-" in n for n in before)
            store = ModelStore(home=home, default_dir=default_dir)  # another start meanwhile...
            store.resolve(target) if target.exists() else recover_model_dir(target)
            assert sorted(p.name for p in folder.iterdir()) == before  # ...keeps its files
        finally:
            proc.kill()
            proc.wait()
        ModelStore(home=home, default_dir=default_dir)
        recover_model_dir(target)  # once it is gone, what it left is removed
        assert [p.name for p in folder.iterdir() if p.name.startswith(".")] == []

