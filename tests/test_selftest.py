"""`digitpad --self-test`: the real window, the sample three drawn with mouse events, one short
training epoch through the Train tab's worker, one JSON line, exit status 0 only if all passed."""
import json
import os
import shutil
import subprocess
import sys

import pytest
from conftest import ROOT

from app import platform_check, selftest
from model.paths import assets_dir, default_model_dir

KEYS = {"ok", "platform", "startup_s", "tensorflow_at_startup", "drawn", "predicted", "train_ok", "train_s",
        "model_fallback"}


@pytest.mark.skipif(not os.path.exists("/proc/self/stat"), reason="/proc is Linux's")
def test_process_age_counts_from_process_start():
    """The process sleeps 1.5 s before importing app: the age must include that second and a half
    (from /proc), where the fallback (time since `import app`) would not."""
    code = ("import time; time.sleep(1.5); import app; from app import selftest; "
            "print(selftest.process_age(), time.perf_counter() - app.PROCESS_START)")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)},
                         capture_output=True, text=True, timeout=60)
    age, since_import = map(float, out.stdout.split())
    assert age - since_import >= 1.4, (age, since_import)
    assert age < since_import + 30


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
    assert result["platform"] == "offscreen" and result["model_fallback"] is None
    assert result["tensorflow_at_startup"] is False
    assert result["drawn"] == 3 and result["predicted"] == 3
    assert result["train_ok"] is True and result["train_s"] > 0
    assert 0 < result["startup_s"] < 30
    assert "propagateSizeHints" not in out.stderr  # offscreen Qt's noise is not shown to users
    # Nothing was written into the user's data or settings directories.
    assert not [p for p in (tmp_path / "user").rglob("*") if "igit" in p.name], list((tmp_path / "user").rglob("*"))


def _x_server_usable() -> str | None:
    if not shutil.which("xvfb-run"):
        return "no xvfb-run (Debian: apt install xvfb xauth)"
    plugin = platform_check.qt_platforms_dir({})
    missing = platform_check.missing_libraries(plugin / "libqxcb.so") if plugin else ["PySide6"]
    return f"Qt's xcb plugin lacks {missing} here" if missing else None


@pytest.mark.slow
def test_self_test_on_x_leaves_the_users_models_alone_and_reports_their_fallback(tmp_path):
    """DIGITPAD_HOME set, its active model gone: the self-test must say so (ok false), and train
    nowhere near that home. Under Xvfb with the platform Qt picks itself (xcb) when Xvfb is here,
    with the screenshot of the drawn window and of the X screen checked pixel by pixel."""
    reason = missing_for_self_test()
    if reason:
        pytest.skip(reason)
    home = tmp_path / "home"
    home.mkdir()
    (home / "active-model.json").write_text(json.dumps({"id": "deleted-model"}), encoding="utf-8")
    before = sorted(p.relative_to(home) for p in home.rglob("*"))
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY")}
    env.update(DIGITPAD_HOME=str(home), PYTHONPATH=str(ROOT), TF_CPP_MIN_LOG_LEVEL="2")
    shot = tmp_path / "shots" / "window.png"
    cmd = [sys.executable, "-m", "app", "--self-test", "--screenshot", str(shot)]
    on_x = _x_server_usable() is None
    if on_x:
        cmd = ["xvfb-run", "-a", "-s", "-screen 0 1280x1024x24 -nolisten tcp", *cmd]
    else:
        env["QT_QPA_PLATFORM"] = "offscreen"
    out = subprocess.run(cmd, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=900)
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert set(result) == KEYS | {"errors", "screenshots"}, result
    assert out.returncode == 1 and result["ok"] is False
    assert "deleted-model" in result["model_fallback"]
    assert any("deleted-model" in e for e in result["errors"])
    assert result["predicted"] == 3 and result["train_ok"] is True, (result, out.stderr[-3000:])
    assert sorted(p.relative_to(home) for p in home.rglob("*")) == before  # no model, log or setting added
    assert "--- the self-test's log" in out.stderr  # a failed self-test shows its log
    sys.path.insert(0, str(ROOT / "tools"))
    from check_screenshot import load, measure, problems

    assert result["screenshots"]["window"] == str(shot)
    assert problems(measure(load(shot))) == []
    if on_x:
        assert result["platform"] == "xcb"
        assert 0 < result["startup_s"] < 30
        screen = result["screenshots"]["screen"]
        if shutil.which("xwd"):
            assert screen and problems(measure(load(screen))) == []
    else:
        assert result["platform"] == "offscreen" and result["screenshots"]["screen"] is None
