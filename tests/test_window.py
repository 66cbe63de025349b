"""The DigitPad window driven like a user: real mouse events on the canvas, menus' actions, the
Models dialog, files opened and dropped. Each test has its own DIGITPAD_HOME and model store."""
import json
import subprocess
import sys
import textwrap

import numpy as np
import pytest
from conftest import ROOT
from helpers import card, mnist, random_weights
from PIL import Image
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from app import settings as prefs
from app.main_window import MainWindow
from app.models_dialog import ModelsDialog
from app.selftest import replay_ink
from app.train.worker import Outcome
from model.ink import load
from model.paths import assets_dir
from model.preprocess import ink_to_input
from model.recognizer import Recognizer
from model.store.models import DEFAULT_ID

SAMPLES = assets_dir() / "samples"
LEFT, NONE = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier


@pytest.fixture
def window(qtbot, store):
    w = MainWindow(store=store)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    qtbot.waitUntil(lambda: w.startup_finished, timeout=5000)  # chart and Train tab built
    assert w.prediction_view.chart is not None
    w.tabs.setCurrentWidget(w.draw_tab)
    return w


def save_model(store, name, seed):
    """A second model in the store with different (random) weights."""
    def write(folder):
        random_weights(folder / "weights.npz", seed=seed)

    return store.save(card(name=name, metrics={"test_accuracy": 0.5}), write)


def probabilities(window):
    return np.array(window.prediction_view.prediction().probabilities)


def draw(window, name):
    replay_ink(window.canvas, load(SAMPLES / f"{name}.json"))
    window.predictor.flush()


# ------------------------------------------------------------------------------------ drawing
def test_chart_follows_the_stroke_before_the_mouse_is_released(window, qtbot):
    view = window.prediction_view
    assert view.prediction().digit is None and view.mode() == "empty"
    assert view.confidence_label.text() == "Draw a digit"
    ink = load(SAMPLES / "three.json")
    canvas = window.canvas
    pts = [canvas.canvas_to_widget(x, y).toPoint() for x, y in ink.strokes[0]]
    QTest.mousePress(canvas, LEFT, NONE, pts[0])
    seen = []
    for i, p in enumerate(pts[1:], 1):
        QTest.mouseMove(canvas, p)
        if i % 10 == 0:
            qtbot.wait(20)  # the event loop runs between mouse moves, as it does for a user
            seen.append((view.prediction().digit, view.displayed_heights(), view.input_view.image()))
    # Still pressed: the prediction, the chart and the 28x28 have been following the stroke.
    assert all(digit is not None for digit, _, _ in seen)
    assert len({tuple(np.round(h, 3)) for _, h, _ in seen}) > 3  # the bars moved
    assert max(sum(h) for _, h, _ in seen) > 0.5
    assert all(img is not None and img.width() == 28 for _, _, img in seen)
    assert window.predictor.updates >= len(seen)
    QTest.mouseRelease(canvas, LEFT, NONE, pts[-1])
    window.predictor.flush()
    view.finish_animation()
    assert view.displayed_heights() == pytest.approx(list(view.prediction().probabilities))
    assert window.canvas.ink().strokes[0].shape[0] > 50


def test_updates_are_coalesced_to_the_newest_ink(window):
    calls = []
    window.predictor.predictionChanged.connect(lambda p, x: calls.append(x))
    ink = load(SAMPLES / "eight.json")
    replay_ink(window.canvas, ink)  # no event loop in between: one prediction for all the moves
    assert calls == []
    QApplication.processEvents()
    assert len(calls) == 1
    assert np.array_equal(calls[0], ink_to_input(window.canvas.ink()))


def test_sample_three_reads_three_with_the_shipped_model(window, shipped_default, store):
    assert window.model_info.id == DEFAULT_ID
    draw(window, "three")
    view = window.prediction_view
    assert view.prediction().digit == 3 and view.mode() == "sure"
    assert view.digit_label.text() == "3"
    assert view.confidence_label.text().endswith("% sure")


def test_unsure_state_shows_the_top_two(window):
    from model.recognizer import Prediction

    p = Prediction(3, 0.48, np.array([0, 0, 0, 0.48, 0, 0.4, 0, 0, 0.12, 0], dtype=np.float32))
    window.prediction_view.set_prediction(p, None)
    view = window.prediction_view
    assert view.mode() == "unsure"
    assert "3" in view.digit_label.text() and "5" in view.digit_label.text()
    assert view.confidence_label.text() == "Unsure: 3 48% · 5 40%"


def test_undo_redo_clear_through_the_edit_actions(window):
    draw(window, "four")
    assert window.undo_action.isEnabled() and not window.redo_action.isEnabled()
    before = probabilities(window)
    window.undo_action.trigger()
    window.predictor.flush()
    assert len(window.canvas.ink().strokes) == 1
    assert not np.allclose(probabilities(window), before)  # re-predicted on undo
    assert window.redo_action.isEnabled()
    window.redo_action.trigger()
    window.predictor.flush()
    assert np.allclose(probabilities(window), before)
    window.clear_action.trigger()
    window.predictor.flush()
    assert window.canvas.ink().is_empty and window.prediction_view.prediction().digit is None


def test_keyboard_shortcuts_reach_the_canvas(window, qtbot):
    window.activateWindow()
    draw(window, "one")
    QTest.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.canvas.ink().is_empty
    QTest.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert len(window.canvas.ink().strokes) == 1
    QTest.keyClick(window, Qt.Key.Key_Escape)
    assert window.canvas.ink().is_empty
    QTest.keyClick(window, Qt.Key.Key_E)
    assert window.canvas.is_eraser() and window.eraser_action.isChecked()
    QTest.keyClick(window, Qt.Key.Key_P)
    assert not window.canvas.is_eraser() and window.pen_action.isChecked()


def test_every_action_has_a_shortcut_and_a_tooltip(window):
    actions = [a for a in window.actions() if a.text()]
    assert len(actions) >= 15
    for a in actions:
        assert a.shortcuts(), a.text()
        assert len(a.toolTip()) > 8 and a.toolTip() != a.text().replace("&", ""), a.text()
    menus = [a.text().replace("&", "") for a in window.menuBar().actions()]
    for title in ("File", "Edit", "Models", "Help"):
        assert title in menus


def test_draw_actions_are_disabled_on_the_train_tab(window):
    window.tabs.setCurrentIndex(1)
    assert not window.clear_action.isEnabled() and not window.undo_action.isEnabled()
    window.tabs.setCurrentIndex(0)
    assert window.clear_action.isEnabled()


# ------------------------------------------------------------------------------------ models
def test_switching_models_changes_predictions(window, store, qtbot):
    draw(window, "five")
    before = probabilities(window)
    other = save_model(store, "Second model", seed=3)
    dialog = ModelsDialog(window.session, window)
    qtbot.addWidget(dialog)
    assert dialog.model_ids() == [DEFAULT_ID, other.id]
    updates = []
    window.predictor.predictionChanged.connect(lambda *args: updates.append(args))
    assert dialog.activate(other.id)
    assert len(updates) == 1  # one prediction, after every view has the new network
    assert window.inside_view.recognizer is window.predictor.recognizer
    after = probabilities(window)
    assert not np.allclose(before, after)
    assert np.allclose(after, Recognizer.load(other.path).predict(ink_to_input(window.canvas.ink())).probabilities)
    assert "Second model" in window.model_status.text() and "50.0%" in window.model_status.text()
    assert store.active().id == other.id
    assert dialog.reset_to_default()
    assert np.allclose(probabilities(window), before)
    assert store.active().id == DEFAULT_ID


def test_use_this_model_from_the_train_tab_reloads_the_recognizer(window, store):
    draw(window, "two")
    before = probabilities(window)
    other = save_model(store, "Freshly trained", seed=5)
    window.finish_startup()
    window.training_tab.results.outcome = Outcome(model_info=other)
    window.training_tab.results.use_model()  # the Train tab's "Use this model"
    assert not np.allclose(before, probabilities(window))
    assert "Freshly trained" in window.model_status.text()


def test_a_corrupt_active_model_shows_why_and_the_default_still_predicts(qtbot, store):
    broken = save_model(store, "Broken", seed=1)
    store.activate(broken.id)
    (broken.path / "weights.npz").write_bytes(b"this is not a zip file")
    w = MainWindow(store=store)
    qtbot.addWidget(w)
    w.show()
    boxes = [b for b in w.findChildren(QMessageBox) if b.isVisible()]
    assert boxes and broken.id in boxes[0].text()
    assert "default" in w.last_error
    assert w.model_info.id == DEFAULT_ID and w.predictor.recognizer is not None
    assert "Model:" in w.model_status.text()
    draw(w, "seven")
    assert w.prediction_view.prediction().digit is not None


def test_a_model_corrupted_while_running_falls_back_with_a_message(window, store, qtbot):
    other = save_model(store, "Soon broken", seed=2)
    (other.path / "weights.npz").write_bytes(b"garbage")
    dialog = ModelsDialog(window.session, window)
    qtbot.addWidget(dialog)
    assert other.id not in dialog.model_ids()  # a broken model is listed as a problem instead
    assert dialog.problems_label.isVisibleTo(dialog) and "damaged" in dialog.problems_label.text()
    assert not window.session.use(other.id)  # e.g. the Train tab names it
    assert window.model_info.id == DEFAULT_ID
    assert window.last_error and "damaged" in window.last_error


def test_models_dialog_rename_delete_export_import(window, store, qtbot, tmp_path):
    a = save_model(store, "Alpha", seed=1)
    dialog = ModelsDialog(window.session, window)
    qtbot.addWidget(dialog)
    dialog.select(a.id)
    assert "Alpha" in dialog.card_label.text() and "50.00%" in dialog.card_label.text()
    assert dialog.rename_button.isEnabled() and dialog.delete_button.isEnabled()
    dialog.select(DEFAULT_ID)
    assert not dialog.rename_button.isEnabled() and not dialog.delete_button.isEnabled()
    assert "read-only" in dialog.card_label.text()
    assert dialog.rename(a.id, "Alpha renamed")
    assert store.get(a.id).name == "Alpha renamed"
    assert not dialog.rename(a.id, "   ") and "empty" in dialog.last_error
    zip_path = tmp_path / "alpha"
    assert dialog.export(zip_path, a.id)
    assert (tmp_path / "alpha.zip").is_file()
    assert dialog.activate(a.id)
    window.session.load()
    assert dialog.delete(a.id, confirm=False)
    assert store.active().id == DEFAULT_ID and a.id not in dialog.model_ids()
    assert dialog.import_(tmp_path / "alpha.zip")
    assert any(store.get(i).name == "Alpha renamed" for i in dialog.model_ids() if i != DEFAULT_ID)
    bad = tmp_path / "bad.zip"
    bad.write_bytes(b"nope")
    assert not dialog.import_(bad) and "not a DigitPad model archive" in dialog.last_error


def test_manage_models_and_reset_actions(window, store, qtbot):
    other = save_model(store, "Other", seed=4)
    store.activate(other.id)
    window.session.load()
    assert "Other" in window.model_status.text()
    window.reset_model_action.trigger()
    assert window.model_info.id == DEFAULT_ID
    window.models_action.trigger()
    dialog = window.findChild(ModelsDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.activate(other.id)
    assert window.model_info.id == other.id
    dialog.close()


# ------------------------------------------------------------------------------------ files
def mnist_png(path, index):
    x, y = mnist()
    Image.fromarray(255 - x[index]).save(path)  # dark digit on white paper, like a scan
    return int(y[index])


def test_opening_an_image_classifies_it_read_only(window, tmp_path, shipped_default):
    label = mnist_png(tmp_path / "digit.png", 1234)
    assert window.open_file(tmp_path / "digit.png")
    pred = window.prediction_view.prediction()
    assert pred.digit == label
    assert window.canvas.showing_image()
    assert "cannot be edited" in window.statusBar().currentMessage()
    assert window.prediction_view.input_view.image() is not None


def drop_file(window, path):
    """Drag a file over the window and drop it, as a file manager does (enter, then drop)."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    pos = QPointF(window.width() / 2, window.height() / 2)
    enter = QDragEnterEvent(pos.toPoint(), Qt.DropAction.CopyAction, mime, LEFT, NONE)  # QPoint in 6.11
    QApplication.sendEvent(window, enter)
    if not enter.isAccepted():
        return False
    drop = QDropEvent(pos, Qt.DropAction.CopyAction, mime, LEFT, NONE)
    QApplication.sendEvent(window, drop)
    return drop.isAccepted()


def test_dropping_an_image_or_ink_classifies_it(window, tmp_path, qtbot, shipped_default):
    for i in (10, 2600, 4700):
        label = mnist_png(tmp_path / f"d{i}.png", i)
        assert drop_file(window, tmp_path / f"d{i}.png")
        qtbot.waitUntil(lambda: window.canvas.showing_image(), timeout=2000)
        assert window.prediction_view.prediction().digit == label
        assert f"d{i}.png" in window.statusBar().currentMessage()
        window.clear_action.trigger()
    assert drop_file(window, SAMPLES / "nine.json")
    qtbot.waitUntil(lambda: not window.canvas.ink().is_empty, timeout=2000)
    assert len(window.canvas.ink().strokes) == len(load(SAMPLES / "nine.json").strokes)
    qtbot.waitUntil(lambda: window.prediction_view.prediction().digit is not None, timeout=2000)
    assert window.prediction_view.prediction().digit == 9
    (tmp_path / "notes.txt").write_text("hello", encoding="utf-8")
    assert not drop_file(window, tmp_path / "notes.txt")  # refused while dragging over the window


def test_drawing_after_an_image_starts_a_new_drawing(window, tmp_path):
    mnist_png(tmp_path / "d.png", 42)
    window.open_file(tmp_path / "d.png")
    draw(window, "one")
    assert not window.canvas.showing_image() and len(window.canvas.ink().strokes) == 1


def test_bad_files_give_messages_not_crashes(window, tmp_path):
    (tmp_path / "broken.json").write_text("{not json", encoding="utf-8")
    assert not window.open_file(tmp_path / "broken.json")
    assert "not valid JSON" in window.last_error
    (tmp_path / "fake.png").write_text("hello", encoding="utf-8")
    assert not window.open_file(tmp_path / "fake.png")
    assert "not an image DigitPad can read" in window.last_error
    Image.new("L", (40, 40), 255).save(tmp_path / "blank.png")
    assert not window.open_file(tmp_path / "blank.png")
    assert "blank" in window.last_error
    assert not window.open_file(tmp_path / "missing.json")
    assert "no such file" in window.last_error
    assert window.isVisible()
    boxes = [b for b in window.findChildren(QMessageBox) if b.isVisible()]
    assert boxes and boxes[-1].icon() == QMessageBox.Icon.Warning


def test_save_open_and_export_a_drawing(window, tmp_path):
    draw(window, "six")
    ink = window.canvas.ink()
    before = probabilities(window)
    assert window.save_drawing(tmp_path / "mine")  # the .json suffix is added
    assert window.export_png(tmp_path / "mine.png")
    window.clear_action.trigger()
    assert window.open_file(tmp_path / "mine.json")
    again = window.canvas.ink()
    assert len(again.strokes) == len(ink.strokes)
    assert np.allclose(again.strokes[0], ink.strokes[0], atol=0.01)
    # Saved coordinates are rounded to 0.01 px, which can move the digit by a quarter pixel.
    assert np.argmax(probabilities(window)) == np.argmax(before)
    assert np.allclose(probabilities(window), before, atol=0.02)
    assert window.open_file(tmp_path / "mine.png")  # the exported PNG reads as a digit too
    assert window.prediction_view.prediction().digit is not None
    window.clear_action.trigger()
    assert not window.save_drawing(tmp_path / "empty.json")
    assert "Nothing to save" in window.statusBar().currentMessage()


# ------------------------------------------------------------------------------------ lifecycle
def test_settings_persist_in_digitpad_home(qtbot, store, home):
    w = MainWindow(store=store)
    qtbot.addWidget(w)
    w.show()
    w.resize(770, 540)  # the offscreen screen is 800x600; the Draw tab needs ~750 px
    w.draw_tab.pen_slider.setValue(26)
    w.tabs.setCurrentIndex(1)
    w.close()
    assert (home / "settings.ini").is_file()
    w2 = MainWindow(store=store)
    qtbot.addWidget(w2)
    assert w2.canvas.pen_width() == 26
    assert w2.tabs.currentIndex() == 1
    assert (w2.width(), w2.height()) == (770, 540)
    assert prefs.value("draw/penWidth", 0.0, float) == 26


class FakeTraining:
    """Stands in for the Train tab's busy/stop API: stops 300 ms after being asked."""

    def __init__(self):
        self.busy = True
        self.asked = 0

    def is_busy(self):
        return self.busy

    def request_stop(self):
        self.asked += 1
        from PySide6.QtCore import QTimer

        QTimer.singleShot(300, lambda: setattr(self, "busy", False))


def test_closing_while_training_asks_then_stops_cleanly(window, qtbot, monkeypatch):
    fake = FakeTraining()
    monkeypatch.setattr(window, "training_tab", fake)
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: answers.pop(0))
    window.close()
    assert window.isVisible() and fake.asked == 0  # "No": keep training
    window.close()
    assert fake.asked == 1 and window.isVisible()  # waits for the worker to stop
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=3000)
    assert not fake.busy


def test_starting_the_window_does_not_import_tensorflow(tmp_path):
    code = textwrap.dedent("""
        import json, sys, time
        from PySide6.QtWidgets import QApplication
        app = QApplication([])
        from app.main_window import MainWindow
        w = MainWindow()
        w.show()
        app.processEvents()
        w.finish_startup()  # the chart and the Train tab, built right after the window shows
        w.tabs.setCurrentIndex(1)
        app.processEvents()
        print(json.dumps({"tensorflow": "tensorflow" in sys.modules, "keras": "keras" in sys.modules,
                          "tabs": [w.tabs.tabText(i) for i in range(w.tabs.count())]}))
    """)
    env = {**__import__("os").environ, "PYTHONPATH": str(ROOT), "DIGITPAD_HOME": str(tmp_path)}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result == {"tensorflow": False, "keras": False, "tabs": ["Draw", "Train", "Samples", "Data", "Robustness"]}


def test_inside_view_follows_the_drawing_and_the_model(window, qtbot, shipped_default):
    """The Inside dock shows what the active model computes for the current drawing."""
    window.finish_startup()
    window.inside_action.setChecked(True)
    assert window.inside_dock is not None and not window.inside_dock.isHidden()
    window.canvas.set_ink(load(assets_dir() / "samples" / "three.json"))
    qtbot.waitUntil(lambda: window.inside_view.current_inside is not None, timeout=3000)
    assert window.inside_view.current_inside.digit == window.prediction_view.prediction().digit == 3
    window.inside_action.setChecked(False)
    assert window.inside_dock.isHidden()


def test_inside_view_shows_the_first_layer_of_a_network_in_training(window, qtbot, shipped_default):
    """Each epoch's Progress carries the first Dense kernel; the Inside grid shows it, and the
    model in use comes back when the training ends."""
    from model.training.trainer import Progress

    window.finish_startup()
    tab = window.training_tab
    kernel = np.random.default_rng(0).normal(size=(784, 32)).astype(np.float32)
    tab.epochFinished.emit(Progress("epoch", 2, 5, 10, 10, 0.5, 0.9, first_layer=kernel))
    assert window.inside_view._kernel_is_model is False
    assert window.inside_view.weight_grid.count == 32
    tab.trainingFinished.emit(Outcome(cancelled=True))
    assert window.inside_view._kernel_is_model is True
    default = Recognizer.load(assets_dir() / "models" / "default")
    assert window.inside_view.weight_grid.count == default.layers[0].kernel.shape[1]


def test_help_opens_the_log_folder_and_errors_name_the_log(window, home, monkeypatch):
    from PySide6.QtGui import QDesktopServices

    from app import logs

    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True)
    assert window.log_action in window.menuBar().actions()[-1].menu().actions()  # Help ▸ Open Log Folder
    window.log_action.trigger()
    assert opened == [str(logs.log_dir())] and logs.log_dir().is_dir()
    assert logs.log_dir().parent == home  # DIGITPAD_HOME moves it with the rest
    # An unexpected error shows a message that says where the log is.
    import app.main_window as mw

    monkeypatch.setattr(sys, "excepthook", lambda *a: None)
    mw._install_excepthook()
    sys.excepthook(RuntimeError, RuntimeError("boom"), None)
    assert "boom" in window.last_error and str(logs.log_path()) in window.last_error


# ------------------------------------------------------------------------------------ menus and help
def test_every_tab_has_a_shortcut_in_the_view_menu(window, qtbot):
    view_menu = next(a.menu() for a in window.menuBar().actions() if a.text().replace("&", "") == "View")
    for i, key in enumerate(["Ctrl+1", "Ctrl+2", "Ctrl+3", "Ctrl+4", "Ctrl+5"]):
        action = window.tab_actions[i]
        assert action in view_menu.actions() and action.shortcut().toString() == key
        QTest.keyClick(window, getattr(Qt.Key, f"Key_{i + 1}"), Qt.KeyboardModifier.ControlModifier)
        assert window.tabs.currentIndex() == i, key
        assert key in window.tabs.tabToolTip(i)


def test_about_shows_the_version_and_help_shows_the_user_guide(window, monkeypatch):
    from app import logs

    monkeypatch.setattr(logs, "version", lambda: "9.8.7")
    box = window.show_about()
    assert "DigitPad 9.8.7" in box.text() and window.model_info.name in box.text()
    box.close()
    help_menu = window.menuBar().actions()[-1].menu()
    assert window.guide_action in help_menu.actions() and window.guide_action.shortcut().toString() == "Shift+F1"
    window.guide_action.trigger()
    [guide] = [d for d in window.findChildren(QWidget, "userGuide") if d.isVisible()]
    text = guide.text()
    for section in ("Draw (Ctrl+1)", "Number mode (N)", "Personalise", "Train (Ctrl+2)", "Inside the network"):
        assert section in text
    assert guide.width() <= window.screen().availableGeometry().width()
    guide.close()


def test_the_user_guide_says_what_the_readme_says():
    """The in-window guide and the README's "Using DigitPad" stay one text: each paragraph of the
    README's section (screenshots aside) is in the guide."""
    import re

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Using DigitPad", 1)[1].split("\n## ", 1)[0]
    guide = " ".join((ROOT / "assets" / "help" / "user-guide.md").read_text(encoding="utf-8").split())
    for paragraph in re.split(r"\n\s*\n", section):
        if paragraph.strip() and not paragraph.lstrip().startswith(("|", "!", "<", "#")):
            assert " ".join(paragraph.split()) in guide, paragraph[:80]


def test_a_recovered_sample_store_is_announced_once(qtbot, store, home):
    from model.samples.store import SampleStore

    with SampleStore() as samples:
        path = samples.path
    path.write_bytes(b"this is not an SQLite database" * 100)
    w = MainWindow(store=store)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: w.startup_finished, timeout=5000)
    qtbot.wait(50)
    boxes = [b for b in w.findChildren(QMessageBox) if b.isVisible()]
    assert [b.windowTitle() for b in boxes] == ["Samples recovered"]


class FakePersonalise:
    """Stands in for the Samples tab's personalise API: stops 300 ms after being asked."""

    def __init__(self):
        self.busy, self.asked = True, 0

    def is_personalizing(self):
        return self.busy

    def cancel_personalize(self):
        self.asked += 1
        from PySide6.QtCore import QTimer

        QTimer.singleShot(300, lambda: setattr(self, "busy", False))


def test_closing_while_personalising_asks_then_waits_for_it(window, qtbot, monkeypatch):
    fake = FakePersonalise()
    monkeypatch.setattr(window, "samples_tab", fake)
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda _p, title, *a, **k: asked.append(title) or answers.pop(0))
    window.close()
    assert window.isVisible() and fake.asked == 0 and asked == ["Personalising is running"]
    window.close()
    assert fake.asked == 1 and window.isVisible()  # it waits for the child process to stop
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=5000)
    assert not fake.busy


def test_the_robustness_list_follows_models_added_and_deleted(window, store, qtbot):
    """The store says what changed (session.modelsChanged): no view has to be told to refresh."""
    rview = window.robustness_view
    ids = lambda: [rview.compare_combo.itemData(i) for i in range(rview.compare_combo.count())]  # noqa: E731
    model = save_model(store, "Later model", seed=4)
    qtbot.waitUntil(lambda: model.id in ids(), timeout=2000)
    store.delete(model.id)
    qtbot.waitUntil(lambda: model.id not in ids(), timeout=2000)
    other = save_model(store, "Renamed later", seed=5)
    store.rename(other.id, "Renamed again")
    qtbot.waitUntil(lambda: other.id in ids(), timeout=2000)
    assert rview.compare_combo.itemText(ids().index(other.id)).startswith("Renamed again")
