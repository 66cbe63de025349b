"""The window fits every screen it is checked on: tests/screen_checks.py in a process per screen.

Qt's screen cannot change once it has started, so each size runs in its own pytest process with
DIGITPAD_TEST_SCREEN set (conftest.py turns it into an offscreen screen of that size). One more
run is on a real X server: Xvfb at 1366x768 with Qt's xcb platform, skipped where Xvfb is missing.
The processes run side by side (they mostly wait for the window's event loop), started once for
this module; each test reads its own.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest
from conftest import ROOT
from screens import SIZES

CHECKS = str(ROOT / "tests" / "screen_checks.py")
XVFB = ["xvfb-run", "-a", "-s", "-screen 0 1366x768x24 -nolisten tcp"]
HAVE_XVFB = shutil.which("xvfb-run") is not None


def start(env: dict, prefix: list[str] | None = None) -> subprocess.Popen:
    env = {**os.environ, **env, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    cmd = [*(prefix or []), sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", CHECKS]
    return subprocess.Popen(cmd, env=env, cwd=str(ROOT), stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            text=True)


@pytest.fixture(scope="module")
def runs():
    procs = {screen: start({"DIGITPAD_TEST_SCREEN": screen}) for screen in SIZES}
    if HAVE_XVFB:
        procs["xvfb"] = start({"DIGITPAD_TEST_SCREEN": "x11", "DIGITPAD_TEST_EXPECT": "1366x768",
                               "QT_QPA_PLATFORM": "xcb"}, XVFB)
    yield procs
    for proc in procs.values():
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def result(proc: subprocess.Popen) -> tuple[int, str]:
    out, _ = proc.communicate(timeout=900)
    return proc.returncode, out


@pytest.mark.parametrize("screen", SIZES)
def test_the_window_fits_the_screen(runs, screen):
    code, out = result(runs[screen])
    assert code == 0, f"on a {screen} screen:\n{out[-8000:]}"
    assert " passed" in out.splitlines()[-1] and "skipped" not in out.splitlines()[-1]


@pytest.mark.skipif(not HAVE_XVFB, reason="needs Xvfb (Debian: apt install xvfb xauth)")
def test_the_window_fits_a_real_x_server_at_1366x768(runs):
    code, out = result(runs["xvfb"])
    assert code == 0, f"on Xvfb at 1366x768:\n{out[-8000:]}"
    assert " passed" in out.splitlines()[-1] and "skipped" not in out.splitlines()[-1]
