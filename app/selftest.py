"""``digitpad --self-test``: the real window, a real drawing, a real (short) training; one JSON line.

Opens the MainWindow, records how long the process took to show it and whether TensorFlow had been
imported by then, replays the bundled ``assets/samples/three.json`` through the canvas as real
mouse events (press, moves, release), checks that the prediction updated live while the "mouse
button" was still down and reads the digit, trains one short epoch on the bundled
``assets/data/selftest-digits.npz`` through the Train tab's worker, closes the window and prints::

    {"ok": true, "platform": "xcb", "startup_s": 0.61, "tensorflow_at_startup": false, "drawn": 3,
     "predicted": 3, "train_ok": true, "train_s": 9.2, "model_fallback": null}

(plus ``"errors": [...]`` when something failed): ``"platform"`` is the Qt platform that showed
the window (``xcb``, ``wayland``, ``offscreen``...), ``"model_fallback"`` null, or why
the user's active model could not be used (DigitPad would fall back to the shipped default, so the
self-test fails). Exit status 0 only if every check passed.

The user's models, samples and settings are never touched: their active model is only opened
(read-only) to check that it loads; the window, the drawing and the training run in a throwaway
``DIGITPAD_HOME`` that is deleted afterwards, whether or not ``DIGITPAD_HOME`` is set. So is the
self-test's log, whose records go to stderr when the self-test fails.

Before Qt starts, :mod:`app.platform_check` checks that the platform plugin can load; if not, the
report says which libraries are missing (instead of Qt aborting the process).

``screenshot=PATH`` (``--screenshot PATH``) saves the window, with the drawn digit and its chart,
as Qt renders it (``QWidget.grab``) to PATH, and on X11 also the X server's whole screen as an
independent client sees it (``xwd -root``, when installed) to ``<PATH stem>-screen.xwd`` beside
it; ``"screenshots"`` in the report lists what was written (``tools/check_screenshot.py`` checks
both). Works with ``QT_QPA_PLATFORM=offscreen`` (no screen grab there) and under Xvfb.
"""
from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

SAMPLE = "three.json"
SAMPLE_DIGIT = 3
DATASET = "selftest-digits.npz"
TRAIN_TIMEOUT_S = 600.0


def process_age() -> float:
    """Seconds since this process started: from /proc on Linux, else since ``app`` was imported."""
    import app

    since_import = time.perf_counter() - app.PROCESS_START
    try:
        with open("/proc/self/stat", encoding="ascii") as fh:
            fields = fh.read().rsplit(")", 1)[1].split()
        start_ticks = int(fields[19])  # field 22, "starttime", in clock ticks after boot
        with open("/proc/uptime", encoding="ascii") as fh:
            uptime = float(fh.read().split()[0])
        age = uptime - start_ticks / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError, AttributeError):
        return since_import
    # Both clocks tick in 10 ms steps; trust /proc unless it is clearly off (a container quirk).
    return age if since_import - 0.05 <= age <= since_import + 60.0 else since_import


def run(screenshot: str | os.PathLike | None = None) -> int:
    from . import logs, platform_check

    saved_home = os.environ.get("DIGITPAD_HOME")
    own_home = tempfile.mkdtemp(prefix="digitpad-selftest-")
    os.environ["DIGITPAD_HOME"] = own_home
    log = logs.setup()  # first: even the fallback's log record must not land in the user's folder
    result = model_fallback = None
    try:
        model_fallback = _user_model_fallback(saved_home)
        problem = platform_check.check()
        if problem is not None:
            result = _failure(str(problem))
        else:
            result = _self_test(screenshot)
    except Exception as exc:  # the contract is one JSON line, even when something unexpected broke
        logs.log_exception("The self-test broke", exc)
        result = _failure(f"{type(exc).__name__}: {exc}")
    finally:
        result = result or _failure("the self-test did not finish")
        result["model_fallback"] = model_fallback
        if model_fallback:
            result["ok"] = False
            result.setdefault("errors", []).append(f"the active model cannot be used: {model_fallback}")
        if not result["ok"] and sys.stderr is not None and log.is_file():
            text = log.read_text(encoding="utf-8", errors="replace")
            sys.stderr.write(f"--- the self-test's log ({log}) ---\n{text}")
        if saved_home is None:
            os.environ.pop("DIGITPAD_HOME", None)
        else:
            os.environ["DIGITPAD_HOME"] = saved_home
        logs.setup()  # back to the user's log file, and the throwaway one closed
        shutil.rmtree(own_home, ignore_errors=True)
    if sys.stdout is not None:  # a windowed executable has no stdout
        print(json.dumps(result), flush=True)
    return 0 if result["ok"] else 1


def _failure(error: str) -> dict:
    return {"ok": False, "platform": None, "startup_s": None, "tensorflow_at_startup": "tensorflow" in sys.modules,
            "drawn": SAMPLE_DIGIT, "predicted": None, "train_ok": False, "train_s": None, "errors": [error]}


def _user_model_fallback(home: str | None) -> str | None:
    """Why the user's active model cannot be used (so DigitPad falls back to the shipped default),
    or None. ``home`` is the user's DIGITPAD_HOME, if any. Reads the user's data directory without
    creating or changing anything in it."""
    from model.paths import APP_NAME
    from model.recognizer import ModelError, Recognizer
    from model.store.models import ModelStore, StoreError

    if not home:
        from platformdirs import user_data_dir

        home = user_data_dir(APP_NAME, appauthor=False)
    home = Path(home).expanduser()
    if not home.is_dir():
        return None  # a first start: the shipped default is the active model
    store = ModelStore(home=home)
    try:
        chosen = store.choose()
        if chosen.fallback_reason:
            return chosen.fallback_reason
        Recognizer.load(chosen.info.path)
    except (StoreError, ModelError) as exc:
        return str(exc)
    return None


def _hide_offscreen_noise() -> None:
    """Qt's offscreen platform warns "This plugin does not support propagateSizeHints()" each
    time a window is shown; it says nothing about DigitPad, so the self-test drops exactly that
    line and passes every other Qt message on to stderr."""
    if os.environ.get("QT_QPA_PLATFORM") != "offscreen":
        return
    from PySide6.QtCore import qInstallMessageHandler

    def handler(_mode, _context, message: str) -> None:
        if "does not support propagateSizeHints" not in message:
            sys.stderr.write(message + "\n")

    qInstallMessageHandler(handler)


def _self_test(screenshot=None) -> dict:
    from PySide6.QtWidgets import QApplication

    from . import appicon
    from . import settings as prefs

    _hide_offscreen_noise()
    qapp = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "digitpad"])
    qapp.setOrganizationName(prefs.ORGANIZATION)
    qapp.setApplicationName(prefs.APPLICATION)
    qapp.setStyle("Fusion")
    appicon.apply(qapp)

    from .main_window import MainWindow

    errors: list[str] = []
    window = MainWindow()
    window.show()
    deadline = time.perf_counter() + 10.0
    while window.shown_at is None and time.perf_counter() < deadline:
        _wait(1)
    if window.shown_at is None:
        errors.append("the window was not shown within 10 s")
        startup_s = None
    else:  # process start -> the moment the window was first exposed and painted
        startup_s = round(process_age() - (time.perf_counter() - window.shown_at), 3)
    tensorflow_at_startup = "tensorflow" in sys.modules
    window.finish_startup()  # normally the event loop's first turn: the chart and the Train tab
    if tensorflow_at_startup:
        errors.append("TensorFlow was imported before the window was shown")
    if window.predictor.recognizer is None:
        errors.append(f"no usable model: {window.last_error}")

    predicted = None
    try:
        predicted = _draw_sample(window, errors)
    except Exception as exc:
        errors.append(f"drawing failed: {type(exc).__name__}: {exc}")
    if predicted != SAMPLE_DIGIT:
        errors.append(f"the sample {SAMPLE} ({SAMPLE_DIGIT}) was read as {predicted}")
    shots = None
    if screenshot:
        try:
            shots = _screenshots(window, Path(screenshot), qapp.platformName(), errors)
        except Exception as exc:
            errors.append(f"the screenshot failed: {type(exc).__name__}: {exc}")

    train_ok, train_s = False, None
    try:
        train_ok, train_s = _train(window, errors)
    except Exception as exc:
        errors.append(f"training failed: {type(exc).__name__}: {exc}")

    _close(window)
    ok = not errors and predicted == SAMPLE_DIGIT and train_ok and not tensorflow_at_startup
    result = {"ok": ok, "platform": qapp.platformName(), "startup_s": startup_s,
              "tensorflow_at_startup": tensorflow_at_startup, "drawn": SAMPLE_DIGIT, "predicted": predicted,
              "train_ok": train_ok, "train_s": None if train_s is None else round(train_s, 2)}
    if shots is not None:
        result["screenshots"] = shots
    if errors:
        result["errors"] = errors
    return result


def _wait(ms: int) -> None:
    """Let the event loop run for ``ms`` without holding the GIL (unlike QTest.qWait)."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def replay_ink(canvas, ink, between_moves=None) -> None:
    """Draw ``ink`` on ``canvas`` with real mouse events (press, a move per sample, release),
    mapping ink coordinates to the widget. ``between_moves()`` runs after each move."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    left, none = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    sx, sy = canvas.ink().width / ink.width, canvas.ink().height / ink.height
    for stroke in ink.strokes:
        points = [canvas.canvas_to_widget(x * sx, y * sy).toPoint() for x, y in stroke]
        QTest.mousePress(canvas, left, none, points[0])
        for p in points[1:]:
            QTest.mouseMove(canvas, p)
            if between_moves is not None:
                between_moves()
        QTest.mouseRelease(canvas, left, none, points[-1])


def _draw_sample(window, errors: list[str]):
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from model.ink import load as load_ink
    from model.paths import assets_dir

    window.tabs.setCurrentWidget(window.draw_tab)
    window.canvas.clear()
    QApplication.processEvents()
    ink = load_ink(assets_dir() / "samples" / SAMPLE)
    live = []  # predictions published while a stroke was being drawn

    def between_moves():
        before = window.predictor.updates
        QApplication.processEvents()  # what the event loop does between real mouse moves
        if window.predictor.updates > before:
            live.append(window.prediction_view.prediction().digit)

    replay_ink(window.canvas, ink, between_moves)
    QTest.qWait(20)
    window.predictor.flush()
    if not live:
        errors.append("the prediction did not update while the stroke was being drawn")
    return window.prediction_view.prediction().digit


def _screenshots(window, path: Path, platform: str, errors: list[str]) -> dict:
    """The window as Qt renders it (PNG at ``path``) and, on X11, the whole X screen as ``xwd``
    (another X client) reads it back from the server, as ``<stem>-screen.xwd`` beside it."""
    import subprocess

    window.raise_()
    window.activateWindow()
    _wait(300)  # let the chart's last frame and the compositor-free X server catch up
    path.parent.mkdir(parents=True, exist_ok=True)
    shots: dict = {"window": None, "screen": None}
    if window.grab().save(str(path), "PNG"):
        shots["window"] = str(path)
    else:
        errors.append(f"the window could not be saved to {path}")
    xwd = shutil.which("xwd")
    if platform == "xcb" and xwd and os.environ.get("DISPLAY"):
        screen = path.with_name(path.stem + "-screen.xwd")
        done = subprocess.run([xwd, "-root", "-silent", "-out", str(screen)], capture_output=True, text=True,
                              timeout=30)
        if done.returncode == 0 and screen.is_file():
            shots["screen"] = str(screen)
        else:
            errors.append(f"xwd could not grab the X screen: {done.stderr.strip() or done.returncode}")
    return shots


def _train(window, errors: list[str]) -> tuple[bool, float | None]:
    from PySide6.QtCore import QEventLoop, QTimer

    from model.paths import assets_dir
    from model.training.network import NetworkConfig
    from model.training.trainer import TrainingConfig

    data = assets_dir() / "data" / DATASET
    if not data.is_file():
        errors.append(f"the bundled training set {data} is missing")
        return False, None
    tab = window.training_tab  # None when the Train tab could not be built
    if tab is None:
        errors.append("the Train tab is not available")
        return False, None
    done: dict = {}
    tab.trainingFinished.connect(lambda outcome: done.setdefault("outcome", outcome))
    window.tabs.setCurrentWidget(tab)
    start = time.perf_counter()
    # The Train button's path: the default network, plus the drawn digits shipped with DigitPad.
    tab.start_training(str(data), network=NetworkConfig(),
                       training=TrainingConfig(epochs=1, batch_size=64, patience=0), drawn=True,
                       with_samples=False)
    # Wait in a real event loop: QTest.qWait holds the GIL while it sleeps, which left the
    # training thread a quarter of its speed (train_s 192-331 s instead of 15 s here).
    loop = QEventLoop()
    tab.trainingFinished.connect(lambda _outcome: loop.quit())
    QTimer.singleShot(int(TRAIN_TIMEOUT_S * 1000), loop.quit)
    if "outcome" not in done:
        loop.exec()
    seconds = time.perf_counter() - start
    outcome = done.get("outcome")  # app.train.worker.Outcome
    if outcome is None:
        errors.append(f"training did not finish within {TRAIN_TIMEOUT_S:.0f} s")
        tab.request_stop()
        return False, seconds
    if not outcome.ok:
        errors.append(f"training did not succeed: {outcome.error or outcome}")
    return outcome.ok, outcome.seconds


def _close(window) -> None:
    if window.training_busy():
        window.training_tab.request_stop()
        deadline = time.perf_counter() + 10
        while window.training_busy() and time.perf_counter() < deadline:
            _wait(50)
    window.close()
    _wait(10)
