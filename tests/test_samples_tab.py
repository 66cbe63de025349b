"""LabelBar (label what you drew) and the Samples tab, driven with real mouse and key events."""
from __future__ import annotations

import numpy as np
import pytest
from helpers import card, digit_ink
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMainWindow

from app.draw.label_bar import LabelBar
from app.samples.tab import ALL, SamplesTab
from app.session import ActiveModel
from model.ink import Ink
from model.preprocess import ink_to_input
from model.recognizer import NOTHING, Prediction, Recognizer
from model.samples.store import SampleStore
from model.store.models import ModelStore


def seven() -> Ink:
    """A hand-made 7: a bar and a slanted stem, as mouse points on a 280x280 canvas."""
    bar = np.c_[np.linspace(70, 210, 30), np.full(30, 60.0)]
    stem = np.c_[np.linspace(210, 120, 40), np.linspace(60, 230, 40)]
    return Ink([np.concatenate([bar, stem])], 280, 280, 18.0)


def prediction(digit: int) -> Prediction:
    p = np.full(10, 0.01, dtype=np.float32)
    p[digit] = 0.91
    return Prediction(digit, 0.91, p)


def show_active(qtbot, window) -> None:
    """Show a window and wait until it is the active one (window shortcuts need that)."""
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)


@pytest.fixture
def samples(home):
    with SampleStore() as s:
        yield s


@pytest.fixture
def bar(qtbot, samples):
    w = LabelBar(samples)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


# ------------------------------------------------------------------------------------ LabelBar
def test_digit_button_stores_the_drawing_with_that_label(qtbot, bar, samples):
    ink = seven()
    x = ink_to_input(ink)
    bar.set_current(prediction(1), x, ink, "model-a")
    assert all(b.isEnabled() for b in bar.digit_buttons)
    with qtbot.waitSignal(bar.sampleAdded, timeout=1000) as sig:
        qtbot.mouseClick(bar.digit_buttons[7], Qt.MouseButton.LeftButton)
    sample_id, label = sig.args
    assert label == 7
    s = samples.get(sample_id)
    assert (s.label, s.predicted, s.model_id, s.kind) == (7, 1, "model-a", "ink")
    assert np.abs(s.image / 255.0 - x).max() < 0.01  # the image the model saw
    assert len(s.ink.strokes) == 1
    assert bar.toast.text().startswith("Saved as 7 · 1 sample of 7") and "Undo" in bar.toast.text()
    # Stored once: the buttons wait for the next drawing.
    assert not any(b.isEnabled() for b in bar.digit_buttons) and not bar.correct_button.isEnabled()
    qtbot.mouseClick(bar.digit_buttons[7], Qt.MouseButton.LeftButton)
    assert len(samples) == 1


def test_nothing_drawn_disables_the_buttons(qtbot, bar, samples):
    bar.set_current(NOTHING, None, Ink([]), "model-a")
    assert not bar.correct_button.isEnabled() and not any(b.isEnabled() for b in bar.digit_buttons)
    qtbot.mouseClick(bar.digit_buttons[3], Qt.MouseButton.LeftButton)
    assert len(samples) == 0


def test_correct_stores_the_predicted_digit_and_undo_removes_it(qtbot, bar, samples):
    ink = digit_ink(4)
    bar.set_current(prediction(4), ink_to_input(ink), ink, None)
    assert bar.correct_button.text() == "✓ Correct (4)"
    with qtbot.waitSignal(bar.sampleAdded, timeout=1000) as sig:
        qtbot.mouseClick(bar.correct_button, Qt.MouseButton.LeftButton)
    assert sig.args[1] == 4 and samples.get(sig.args[0]).label == 4
    assert list(samples.count_by_label()) == [0, 0, 0, 0, 1, 0, 0, 0, 0, 0]
    with qtbot.waitSignal(bar.sampleRemoved, timeout=1000) as gone:
        assert bar.undo_last() == sig.args[0]
    assert gone.args == [sig.args[0]] and len(samples) == 0
    assert bar.undo_last() is None


def test_shortcuts_store_with_the_digit_keys_enter_and_undo(qtbot, samples):
    window = QMainWindow()
    qtbot.addWidget(window)
    bar = LabelBar(samples)
    window.setCentralWidget(bar)
    window.addActions(bar.shortcuts())
    keys = sorted(a.shortcut().toString() for a in bar.shortcuts())
    assert keys == sorted([*map(str, range(10)), "Return", "Ctrl+Backspace"])
    show_active(qtbot, window)

    ink = digit_ink(2)
    bar.set_current(prediction(3), ink_to_input(ink), ink, "m")
    with qtbot.waitSignal(bar.sampleAdded, timeout=1000) as sig:
        qtbot.keyClick(window, Qt.Key.Key_2)
    assert sig.args[1] == 2
    bar.set_current(prediction(3), ink_to_input(ink), ink, "m")
    with qtbot.waitSignal(bar.sampleAdded, timeout=1000) as sig:
        qtbot.keyClick(window, Qt.Key.Key_Return)
    assert sig.args[1] == 3
    assert sorted(s.label for s in samples.list()) == [2, 3]
    with qtbot.waitSignal(bar.sampleRemoved, timeout=1000):
        qtbot.keyClick(window, Qt.Key.Key_Backspace, Qt.KeyboardModifier.ControlModifier)
    assert [s.label for s in samples.list()] == [2]
    # A hidden bar (another tab shown) leaves the digit keys alone.
    bar.set_current(prediction(3), ink_to_input(ink), ink, "m")
    bar.hide()
    qtbot.keyClick(window, Qt.Key.Key_5)
    assert len(samples) == 1


# ------------------------------------------------------------------------------------ SamplesTab
def add(samples: SampleStore, label: int, drawn: int | None = None) -> int:
    ink = digit_ink(label if drawn is None else drawn, size=120 + 10 * len(samples))  # all different
    return samples.add(None, label, ink=ink, predicted=drawn)


@pytest.fixture
def tab(qtbot, samples, store):
    for label in (1, 1, 1, 7, 7, 3):
        add(samples, label)
    t = SamplesTab(samples, ActiveModel(store))
    qtbot.addWidget(t)
    t.resize(800, 600)
    t.show()
    qtbot.waitExposed(t)
    return t


def rect_of(tab: SamplesTab, sample_id: int):
    return tab.view.visualRect(tab.model.index(tab.model.row_of(sample_id)))


def test_counts_grid_and_filter(qtbot, tab, samples):
    assert tab.counts() == {ALL: 6, 0: 0, 1: 3, 2: 0, 3: 1, 4: 0, 5: 0, 6: 0, 7: 2, 8: 0, 9: 0}
    labels = [tab.model.data(tab.model.index(r)) for r in range(tab.model.rowCount())]
    assert labels == ["1", "1", "1", "3", "7", "7"]  # grouped by digit
    pm = tab.model.data(tab.model.index(0), Qt.ItemDataRole.DecorationRole)
    assert pm.width() == 56 and not pm.toImage().isNull()
    qtbot.mouseClick(tab.filter_buttons[7], Qt.MouseButton.LeftButton)
    assert [tab.model.data(tab.model.index(r)) for r in range(tab.model.rowCount())] == ["7", "7"]
    qtbot.mouseClick(tab.filter_buttons[ALL], Qt.MouseButton.LeftButton)
    assert tab.model.rowCount() == 6
    # A sample added elsewhere (the Draw tab) shows after refresh().
    add(samples, 9, drawn=4)  # the model read it as a 4
    tab.refresh()
    assert tab.counts()[9] == 1 and tab.counts()[ALL] == 7
    assert tab.model.data(tab.model.index(6)) == "9 (read 4)"


def test_relabel_with_a_key_and_the_context_menu(qtbot, tab, samples):
    ids = [s.id for s in samples.list(3)]
    r = rect_of(tab, ids[0])
    qtbot.mouseClick(tab.view.viewport(), Qt.MouseButton.LeftButton, pos=r.center())
    assert tab.selected_ids() == ids
    with qtbot.waitSignal(tab.samplesChanged, timeout=1000):
        qtbot.keyClick(tab.view, Qt.Key.Key_8)
    assert samples.get(ids[0]).label == 8
    assert tab.counts()[3] == 0 and tab.counts()[8] == 1

    one = samples.list(7)[0].id
    tab.view.customContextMenuRequested.emit(rect_of(tab, one).center())
    assert tab.selected_ids() == [one]
    relabel = tab._menu.actions()[0].menu()
    relabel.actions()[2].trigger()  # "2"
    assert samples.get(one).label == 2 and tab.counts()[7] == 1


def test_delete_with_the_delete_key_and_undo(qtbot, tab, samples):
    ones = [s.id for s in samples.list(1)]
    qtbot.mouseClick(tab.view.viewport(), Qt.MouseButton.LeftButton, pos=rect_of(tab, ones[0]).center())
    qtbot.mouseClick(tab.view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ControlModifier,
                     rect_of(tab, ones[1]).center())
    assert sorted(tab.selected_ids()) == ones[:2]
    with qtbot.waitSignal(tab.samplesChanged, timeout=1000):
        qtbot.keyClick(tab.view, Qt.Key.Key_Delete)
    assert len(samples) == 4 and tab.counts()[1] == 1
    assert tab.undo_button.isVisible()
    qtbot.mouseClick(tab.undo_button, Qt.MouseButton.LeftButton)
    assert len(samples) == 6 and tab.counts()[1] == 3 and not tab.undo_button.isVisible()


def test_delete_key_wins_over_a_window_shortcut(qtbot, samples, store):
    """The window's Delete (clear the canvas) must not swallow Delete in the grid."""
    from PySide6.QtGui import QAction

    add(samples, 5)
    window = QMainWindow()
    qtbot.addWidget(window)
    tab = SamplesTab(samples, ActiveModel(store))
    window.setCentralWidget(tab)
    fired = []
    clear = QAction("Clear", window)
    clear.setShortcut("Delete")
    clear.triggered.connect(lambda: fired.append(1))
    window.addAction(clear)
    show_active(qtbot, window)
    qtbot.mouseClick(tab.view.viewport(), Qt.MouseButton.LeftButton,
                     pos=rect_of(tab, samples.list()[0].id).center())
    qtbot.keyClick(tab.view, Qt.Key.Key_Delete)
    assert len(samples) == 0 and not fired


def test_accuracy_of_the_active_model_on_the_samples(qtbot, tab, samples, default_model):
    rec = Recognizer.load(default_model)
    tab.set_recognizer(rec, "default")
    x, y = samples.arrays()
    expected = (rec.probabilities(x.reshape(-1, 784) / 255.0).argmax(1) == y).mean()
    assert f"{100 * expected:.1f} %" in tab.accuracy_label.text()
    assert "of 6)" in tab.accuracy_label.text()


def test_export_and_import_round_trip(qtbot, tab, samples, tmp_path):
    path = tmp_path / "mine.zip"
    assert tab.export_to(str(path)) == 6 and path.is_file()
    samples.remove(samples.ids())
    tab.refresh()
    assert tab.counts()[ALL] == 0
    assert tab.import_from(str(path)) == 6
    assert tab.counts() == {ALL: 6, 0: 0, 1: 3, 2: 0, 3: 1, 4: 0, 5: 0, 6: 0, 7: 2, 8: 0, 9: 0}


# ------------------------------------------------------------------------------------ per-digit report
def read_as(rec, samples, sample_id) -> int:
    x = samples.get(sample_id).image.reshape(1, 784) / 255.0
    return int(rec.probabilities(x).argmax())


def test_report_panel_follows_relabels_and_the_active_model(qtbot, tab, samples, store, default_model):
    rec = Recognizer.load(default_model)
    assert tab.report_view.report is None and "No model" in tab.report_view.advice.text()
    tab.set_recognizer(rec, "default")
    panel = tab.report_view
    _, x, y = samples.table()
    for d in range(10):
        n = int((y == d).sum())
        right = int((rec.probabilities(x[y == d].reshape(-1, 784) / 255.0).argmax(1) == d).sum()) if n else 0
        assert panel.count_cells[d].text() == str(n)
        assert panel.right_cells[d].text() == (f"{right} of {n}" if n else "—")
        assert panel.status(d) == ("none" if not n else "good" if right >= 0.9 * n else "poor")
    assert "never learnt from" in panel.right_cells[1].toolTip()

    # Relabel a 1 as a digit the model does not read it as: that digit now has one poor sample.
    one = samples.list(1)[0].id
    wrong = 6 if read_as(rec, samples, one) != 6 else 5
    qtbot.mouseClick(tab.view.viewport(), Qt.MouseButton.LeftButton, pos=rect_of(tab, one).center())
    qtbot.keyClick(tab.view, getattr(Qt.Key, f"Key_{wrong}"))
    assert panel.count_cells[1].text() == "2" and panel.right_cells[wrong].text() == "0 of 1"
    assert panel.status(wrong) == "poor"
    read = read_as(rec, samples, one)
    assert panel.advice_lines()[0].startswith(f"Your {wrong}s: 0 of 1 right (mostly read as {read})")

    # Clicking a digit's column shows only its samples.
    qtbot.mouseClick(panel.digit_cells[wrong], Qt.MouseButton.LeftButton)
    assert [tab.model.sample(r).id for r in range(tab.model.rowCount())] == [one]

    # A personalised model fine-tuned on every sample: nothing left to measure it on.
    def write(folder):
        import shutil

        shutil.copy(default_model / "weights.npz", folder / "weights.npz")

    tuned = store.save(card(name="Mine", personalization={"finetune_ids": samples.ids().tolist(), "heldout_ids": [],
                                                           "base_model": {"id": "default"}}), write)
    with qtbot.waitSignal(tab.session.changed, timeout=2000):
        assert tab.session.use(tuned.id)
    assert all(panel.status(d) in ("unmeasured", "none") for d in range(10))
    assert "personalised on 6 samples of yours" in panel.basis.text()
    add(samples, 7)  # drawn since: the only one it never learnt from
    tab.refresh()
    assert panel.right_cells[7].text().endswith("of 1") and panel.count_cells[7].text() == "3"


def test_its_a_correction_on_the_draw_tab_reaches_the_report(qtbot, store):
    from app.main_window import MainWindow
    from app.selftest import replay_ink
    from model.ink import load
    from model.paths import assets_dir

    w = MainWindow(store=store)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    qtbot.waitUntil(lambda: w.samples_tab is not None, timeout=10_000)
    replay_ink(w.canvas, load(assets_dir() / "samples" / "one.json"))
    w.predictor.flush()
    read = w.prediction_view.prediction().digit
    label = 5 if read != 5 else 6
    qtbot.mouseClick(w.label_bar.digit_buttons[label], Qt.MouseButton.LeftButton)  # "It's a 5"
    panel = w.samples_tab.report_view
    qtbot.waitUntil(lambda: panel.count_cells[label].text() == "1", timeout=2000)
    assert panel.right_cells[label].text() == "0 of 1" and panel.status(label) == "poor"
    assert panel.advice_lines()[0].startswith(f"Your {label}s: 0 of 1 right (mostly read as {read})")


# ------------------------------------------------------------------------------------ personalise
@pytest.fixture
def tiny_store(home):
    """A ModelStore whose active model is a tiny untrained MLP with model.keras (no base data on its
    card, so personalise fine-tunes on the samples alone, which is quick)."""
    from model.training.network import NetworkConfig, build, export_weights
    from model.training.trainer import save_keras

    config = NetworkConfig(hidden=[16], dropout=0.0)
    net = build(config)

    def write(folder):
        save_keras(net, folder / "model.keras")
        export_weights(net, folder / "weights.npz")

    store = ModelStore(home=home)
    info = store.save(card(network=config.to_dict()), write, name="Tiny")
    store.activate(info.id)
    return store, info


@pytest.mark.slow
def test_personalise_runs_in_the_worker_then_use_or_discard(qtbot, samples, tiny_store, monkeypatch):
    store, base = tiny_store
    # It fine-tunes in a child process: TensorFlow never enters the window's (its import and
    # pipeline hold the GIL that live drawing needs), so it works with TensorFlow unimportable here.
    import model.training.tf_runtime
    import model.training.trainer

    def no_tensorflow_here():
        raise AssertionError("TensorFlow imported in the window's process")

    monkeypatch.setattr(model.training.tf_runtime, "import_tensorflow", no_tensorflow_here)
    monkeypatch.setattr(model.training.trainer, "import_tensorflow", no_tensorflow_here)
    for d in range(10):
        for k in range(3):
            samples.add(None, d, ink=digit_ink(d, size=150 + 20 * k, slant=0.1 * k))
    tab = SamplesTab(samples, ActiveModel(store))
    qtbot.addWidget(tab)
    tab.show()
    tab.set_recognizer(Recognizer.load(base.path), base.id)
    tab.personalize_options = {"epochs": 2}
    progress = []
    with qtbot.waitSignal(tab.personalizeFinished, timeout=180_000) as sig:
        qtbot.mouseClick(tab.personalize_button, Qt.MouseButton.LeftButton)
        assert tab.progress_box.isVisible() and not tab.personalize_button.isEnabled()
        assert QApplication.instance().thread() is not tab.worker.thread()  # in the worker thread
        tab.worker.progress.connect(lambda report: progress.append(report[0]), Qt.ConnectionType.DirectConnection)
        assert tab.curves.isVisible() and tab.curves.points == []
        qtbot.waitUntil(lambda: len(tab.curves.points) >= 1, timeout=120_000)
        assert tab.is_personalizing()  # the first epoch is drawn while it still runs
    outcome = sig.args[0]
    assert outcome.error is None, outcome.details or outcome.error
    result = outcome.result
    assert progress and not tab.progress_box.isVisible() and tab.result_box.isVisible()
    assert "then again on all 30" in tab.result_title.text()
    assert tab.result_cells[("before", "samples")].text() == f"{100 * result.before['samples']:.1f} %"
    assert tab.result_cells[("after", "samples")].text() == f"{100 * result.after['samples']:.1f} %"
    assert tab.result_cells[("before", "base")].text() == "—"  # no base data on the tiny model's card
    assert "samples only" in tab.result_notes.text()
    # The curves have a point per epoch: accuracy on the held-back digits and, until the refit on all
    # the samples, on the held-out samples...
    points, kept = tab.curves.points, result.info.card.personalization["epochs_kept"]
    assert tab.curves.isVisible() and [p[0] for p in points] == list(range(1, 3 + kept))
    assert [p[1] for p in points] == pytest.approx([100 * v for v in result.history["val_accuracy"]])
    assert [p[2] for p in points[:2]] == pytest.approx([100 * v for v in result.history["samples_accuracy"]])
    assert all(np.isnan(p[2]) for p in points[2:]) and tab.curves.refit_from == 3 and tab.curves.kept == kept
    # ...and per digit, the held-out samples read right before and after.
    assert tab.digit_changes.isVisible()
    for d, ((b, n), (a, _)) in enumerate(zip(result.per_digit["before"], result.per_digit["after"])):
        assert n == 1  # 3 samples of each digit: one held out
        view = tab.digit_changes
        assert (view.before_cells[d].text(), view.after_cells[d].text()) == (f"{b}/1", f"{a}/1")
        assert view.after_cells[d].property("change") == ("better" if a > b else "worse" if a < b else "same")
    with qtbot.waitSignal(tab.session.changed, timeout=1000) as used:
        qtbot.mouseClick(tab.use_button, Qt.MouseButton.LeftButton)
    assert used.args[0].id == result.model_id and store.active().id == result.model_id
    assert tab.model_id == result.model_id  # the tab follows the session
    assert not tab.result_box.isVisible() and not tab.curves.isVisible()
    # The refit learnt from every sample: the report has none left to measure it on.
    assert all(tab.report_view.status(d) == "unmeasured" for d in range(10))
    assert "draw 7 more to check" in tab.report_view.advice_lines()[0]

    # Again from the personalised model; this time discard it.
    with qtbot.waitSignal(tab.personalizeFinished, timeout=180_000) as sig:
        qtbot.mouseClick(tab.personalize_button, Qt.MouseButton.LeftButton)
    second = sig.args[0].result
    assert second.base_model.startswith("Tiny")
    qtbot.mouseClick(tab.discard_button, Qt.MouseButton.LeftButton)
    assert second.model_id not in [m.id for m in store.list()]
    assert result.model_id in [m.id for m in store.list()]

    # Cancel: nothing saved.
    before = {m.id for m in store.list()}
    with qtbot.waitSignal(tab.personalizeFinished, timeout=180_000) as sig:
        qtbot.mouseClick(tab.personalize_button, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(tab.cancel_button, Qt.MouseButton.LeftButton)
    assert sig.args[0].cancelled and {m.id for m in store.list()} == before
    assert not tab.curves.isVisible() and not tab.progress_box.isVisible()
    assert tab.personalize_button.isEnabled()
    # ...and while it fine-tunes, after its first epoch: the child process is interrupted.
    with qtbot.waitSignal(tab.personalizeFinished, timeout=180_000) as sig:
        qtbot.mouseClick(tab.personalize_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: len(tab.curves.points) >= 1, timeout=120_000)
        process = tab.worker._process
        qtbot.mouseClick(tab.cancel_button, Qt.MouseButton.LeftButton)
    assert sig.args[0].cancelled and {m.id for m in store.list()} == before
    assert process.poll() is not None  # the fine-tuning process has ended


def test_personalise_says_what_it_needs_before_it_starts(qtbot, samples, store):
    from app.samples.personalize_view import personalize_notice

    text, warn = personalize_notice([0] * 10)
    assert not warn and "samples" in text
    text, warn = personalize_notice([3, 12, 0, 0, 0, 0, 0, 9, 0, 0])
    assert warn and "0 (3)" in text and "7 (9)" in text and "1 (" not in text
    assert "24%" in text and "44%" in text and "half a point" in text  # bench_personalize.py's figures
    text, warn = personalize_notice([10] * 10)
    assert not warn and "85%" in text
    text, warn = personalize_notice([10, 9, 8, 10, 10, 10, 10, 10, 10, 7])
    assert not warn and "1 (9), 2 (8), 9 (7)" in text and "35%" in text  # nearly enough: a note, not a warning
    # The Samples tab shows it, in warning colours while some digit has too few.
    for d in range(10):
        samples.add(None, d, ink=digit_ink(d))
    tab = SamplesTab(samples, ActiveModel(store))
    qtbot.addWidget(tab)
    tab.show()
    note = tab.personalize_note
    assert note.isVisible() and note.property("warning") and "you have fewer of 0 (1)" in note.text()
    assert tab.personalize_button.isEnabled()  # a warning, not a refusal
