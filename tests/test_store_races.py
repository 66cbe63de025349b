"""Two DigitPads at once (issue 21): concurrent saves to one --out folder take turns, and renames,
deletes and activations racing each other end in a model or a message, never an OSError, and the
active model never names a deleted one.

Processes, not threads: the locks are the operating system's, held per open file.
"""
from __future__ import annotations

import json
import subprocess
import sys
import textwrap

from helpers import ROOT, card, cli_env, random_weights

from model.recognizer import Recognizer
from model.store.models import ModelStore

SAVER = textwrap.dedent("""
    import sys, time
    import numpy as np
    from model.store import saving
    from model.store.card import ModelCard
    from model.store.saving import write_model_dir
    from model.recognizer import save_weights
    target, name, rounds = sys.argv[1], sys.argv[2], int(sys.argv[3])
    saving.save_step = lambda step: time.sleep(0.05) if step == "old-moved" else None  # between the two renames
    def write(folder):
        rng = np.random.default_rng(len(name))
        save_weights(folder / "weights.npz", [rng.normal(0, 0.1, (784, 10))], [np.zeros(10)], ["softmax"], [0.0])
        (folder / "model.keras").write_bytes(name.encode())
        time.sleep(0.02)
    for i in range(rounds):
        write_model_dir(target, ModelCard(name=f"{name} {i}"), write)
    print("ok")
""")


def test_concurrent_saves_to_one_out_folder_take_turns(tmp_path):
    target = tmp_path / "shared-model"
    procs = [subprocess.Popen([sys.executable, "-c", SAVER, str(target), name, "8"], cwd=ROOT, env=cli_env(tmp_path),
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for name in ("A", "BB")]
    results = [p.communicate(timeout=300) for p in procs]
    for p, (out, err) in zip(procs, results):
        assert p.returncode == 0 and out.strip() == "ok", err[-2000:]
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "home") == ["shared-model"]  # no leftovers
    card_name = json.loads((target / "card.json").read_text())["name"]
    assert card_name in ("A 7", "BB 7") and (target / "model.keras").read_text() == card_name.split()[0]
    assert Recognizer.load(target).sizes == [784, 10]


RACER = textwrap.dedent("""
    import json, sys, random
    from model.store.models import ModelStore, StoreError
    home, seed = sys.argv[1], int(sys.argv[2])
    rng = random.Random(seed)
    store = ModelStore(home=home)
    ids = sys.argv[3:]
    active = store.home / "active-model.json"
    for i in range(150):
        target = rng.choice(ids)
        action = rng.choice(["activate", "activate", "rename", "delete", "get"])
        try:
            if action == "activate":
                store.activate(target)
            elif action == "rename":
                store.rename(target, f"renamed {seed} {i}")
            elif action == "delete":
                store.delete(target)
            else:
                store.get(target)
        except StoreError:
            pass  # a message: the model was deleted meanwhile
        try:  # a deleted model can never be activated again: named after it is gone is for good
            named = json.loads(active.read_text())["id"]
            gone = named != "default" and not (store.models_dir / named).is_dir()
            if gone and json.loads(active.read_text())["id"] == named:
                print("ACTIVE NAMES A DELETED MODEL", named, flush=True)
        except FileNotFoundError:
            continue
    print("done")
""")


def test_renames_deletes_and_activations_racing_end_in_a_model_or_a_message(tmp_path, default_model):
    home = tmp_path / "home"
    store = ModelStore(home=home, default_dir=default_model)
    ids = [store.save(card(name=f"M{i}"), lambda f, i=i: random_weights(f / "weights.npz", seed=i)).id
           for i in range(12)]
    env = cli_env(home)
    procs = [subprocess.Popen([sys.executable, "-c", RACER, str(home), str(seed), *ids], cwd=ROOT, env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for seed in range(4)]
    for p in procs:
        out, err = p.communicate(timeout=300)
        assert p.returncode == 0 and "Traceback" not in err, err[-3000:]
        assert "ACTIVE NAMES A DELETED MODEL" not in out and out.strip().endswith("done"), out
    final = ModelStore(home=home, default_dir=default_model)
    assert final.active().id == json.loads((home / "active-model.json").read_text())["id"]
    for info in final.list()[1:]:
        assert Recognizer.load(info.path) and json.loads((info.path / "card.json").read_text())["id"] == info.id
    assert [p.name for p in (home / "models").iterdir() if p.name.startswith(".")] == []
