"""app.logs: the log file a user can send (uncaught errors, thread tracebacks, model fallbacks,
hard crashes), in the per-user data directory that DIGITPAD_HOME moves."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import threading

import pytest
from conftest import ROOT

from app import logs
from app.cli import main


def _env(home) -> dict:
    return {**os.environ, "DIGITPAD_HOME": str(home), "PYTHONPATH": str(ROOT)}


def test_the_log_lives_in_the_data_directory_and_appears_only_when_needed(home):
    path = logs.setup()
    assert path == home / "logs" / "digitpad.log" == logs.log_path()
    assert logs.log_dir() == home / "logs"
    assert main(["predict", "--json", str(ROOT / "assets" / "samples" / "three.json")]) == 0
    assert not path.exists()  # a command that went well writes nothing
    logs.logger("test").warning("a warning with ünïcode")
    assert "WARNING" in path.read_text(encoding="utf-8")
    assert "digitpad.test" in path.read_text(encoding="utf-8") and "ünïcode" in path.read_text(encoding="utf-8")


def test_an_uncaught_error_is_logged_with_its_traceback(tmp_path):
    code = "from app import logs; logs.setup()\ndef broken():\n    raise RuntimeError('boom in main')\nbroken()"
    proc = subprocess.run([sys.executable, "-c", code], env=_env(tmp_path), capture_output=True, text=True, timeout=60)
    assert proc.returncode == 1 and "boom in main" in proc.stderr  # Python's own report still shows
    text = (tmp_path / "logs" / "digitpad.log").read_text(encoding="utf-8")
    assert "CRITICAL" in text and "Traceback" in text and "in broken" in text and "boom in main" in text


@pytest.mark.filterwarnings("ignore::pytest.PytestUnhandledThreadExceptionWarning")
def test_a_thread_error_is_logged(home):
    path = logs.setup()

    def work():
        raise ValueError("boom in a worker thread")

    thread = threading.Thread(target=work, name="worker-under-test")
    thread.start()
    thread.join()
    text = path.read_text(encoding="utf-8")
    assert "worker-under-test" in text and "boom in a worker thread" in text and "Traceback" in text


def test_log_exception_keeps_the_traceback(home):
    path = logs.setup()
    try:
        {}["missing"]
    except KeyError as exc:
        logs.log_exception("Training failed", exc, "train")
    text = path.read_text(encoding="utf-8")
    assert "digitpad.train" in text and "Training failed: KeyError" in text and "Traceback" in text


def test_a_model_fallback_is_logged(home, default_model):
    (home / "active-model.json").write_text(json.dumps({"id": "a-model-that-was-deleted"}), encoding="utf-8")
    assert main(["models", "list"]) == 0
    text = logs.log_path().read_text(encoding="utf-8")
    assert "a-model-that-was-deleted" in text and "shipped default" in text


def test_the_log_rotates(home, monkeypatch):
    monkeypatch.setattr(logs, "MAX_BYTES", 2000)
    monkeypatch.setenv("DIGITPAD_HOME", str(home / "rotating"))  # a new path: a new handler
    path = logs.setup()
    for i in range(100):
        logs.logger().info("line %d %s", i, "x" * 50)
    files = sorted(p.name for p in path.parent.iterdir())
    assert "digitpad.log" in files and "digitpad.log.1" in files
    assert len(files) <= 1 + logs.BACKUPS
    assert all(p.stat().st_size <= 2200 for p in path.parent.iterdir())


def test_a_log_that_cannot_be_written_breaks_nothing(tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("DIGITPAD_HOME", str(blocker / "home"))  # mkdir fails: NotADirectoryError
    logs.setup()
    logs.logger().error("nowhere to go")  # must not raise


def test_the_window_start_is_logged_and_a_hard_crash_leaves_its_stack(tmp_path):
    """A segfault in native code (as in Qt) ends the process; faulthandler writes the Python stack
    to crash.log beside the log first."""
    code = ("from app import logs; logs.setup(window=True)\n"
            "def draw_something():\n    import ctypes; ctypes.string_at(0)\n"
            "draw_something()")
    proc = subprocess.run([sys.executable, "-c", code], env=_env(tmp_path), capture_output=True, text=True, timeout=60)
    assert proc.returncode != 0
    assert "starting" in (tmp_path / "logs" / "digitpad.log").read_text(encoding="utf-8")
    crash = (tmp_path / "logs" / "crash.log").read_text(encoding="utf-8")
    assert "Segmentation fault" in crash and "draw_something" in crash


@pytest.fixture(autouse=True)
def _back_to_the_session_log():
    yield
    logs.setup()  # the next test's DIGITPAD_HOME, not this one's


def test_a_workers_bug_reaches_the_file_with_its_traceback_but_no_chatter(home, qtbot):
    """A job that fails with a bug (not a DigitPadError) is reported as a message and its
    traceback is logged; libraries' INFO chatter is not."""
    import logging

    from app.workers import Worker

    class Buggy(Worker):
        what = "Counting"

        def work(self):
            return {}["missing"]

    path = logs.setup()
    job = Buggy()
    with qtbot.waitSignal(job.failed, timeout=5000) as failed:
        job.start()
    message, details = failed.args
    assert message == "Counting failed: 'missing'" and "KeyError" in details
    logging.getLogger("some.library").info("chatter nobody needs")
    text = path.read_text(encoding="utf-8")
    assert "digitpad.workers" in text and "Counting failed" in text and "KeyError" in text
    assert "chatter" not in text
