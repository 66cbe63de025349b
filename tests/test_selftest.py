"""`digitpad --self-test`: the real window, the sample three drawn with mouse events, one short
training epoch through the Train tab's worker, one JSON line, exit status 0 only if all passed."""
import json
import os
import subprocess
import sys
import time

import pytest

import app
from app import selftest
from model.paths import assets_dir, default_model_dir

from conftest import ROOT

KEYS = {"ok", "startup_s", "tensorflow_at_startup", "drawn", "predicted", "train_ok", "train_s"}


def test_process_age_counts_from_process_start():
    age = selftest.process_age()
    assert age >= time.perf_counter() - app.PROCESS_START - 0.05
    assert 0 < age < 3600


def missing_for_self_test() -> str | None:
    if not (default_model_dir() / "weights.npz").is_file():
        return f"the shipped default model is not in {default_model_dir()} yet"
    if not (assets_dir() / "data" / selftest.DATASET).is_file():
        return f"assets/data/{selftest.DATASET} is not there yet"
    return None


@pytest.mark.slow
def test_self_test_passes_and_prints_one_json_line(tmp_path):
    reason = missing_for_self_test()
    if reason:
        pytest.skip(reason)
    env = {k: v for k, v in os.environ.items() if k != "DIGITPAD_HOME"}  # it must make its own
    # Point the per-user directories at tmp_path to prove the self-test leaves them alone.
    env.update(HOME=str(tmp_path / "user"), XDG_DATA_HOME=str(tmp_path / "user" / "data"),
               XDG_CONFIG_HOME=str(tmp_path / "user" / "config"), QT_QPA_PLATFORM="offscreen",
               PYTHONPATH=str(ROOT), TF_CPP_MIN_LOG_LEVEL="2")
    (tmp_path / "user").mkdir()
    out = subprocess.run([sys.executable, "-m", "app", "--self-test"], cwd=tmp_path, env=env,
                         capture_output=True, text=True, timeout=900)
    lines = [line for line in out.stdout.splitlines() if line.strip()]
    assert len(lines) == 1, out.stdout + out.stderr
    result = json.loads(lines[0])
    assert set(result) == KEYS, result
    assert result["ok"] is True and out.returncode == 0, (result, out.stderr[-3000:])
    assert result["tensorflow_at_startup"] is False
    assert result["drawn"] == 3 and result["predicted"] == 3
    assert result["train_ok"] is True and result["train_s"] > 0
    assert 0 < result["startup_s"] < 30
    assert "propagateSizeHints" not in out.stderr  # offscreen Qt's noise is not shown to users
    # Nothing was written into the user's data or settings directories.
    assert not [p for p in (tmp_path / "user").rglob("*") if "igit" in p.name], list((tmp_path / "user").rglob("*"))
