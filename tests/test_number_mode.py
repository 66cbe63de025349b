"""The Draw tab's Number mode through the window: a number written with real mouse events is read
live digit by digit, boxed, copied, and one digit corrected (and kept as a sample)."""
from __future__ import annotations

import numpy as np
import pytest
from helpers import number_ink
from PIL import Image
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest

from app.draw.number_view import NUMBER_PAPER
from app.main_window import MainWindow
from app.selftest import replay_ink
from app.widgets.canvas import CANVAS_SIZE
from model.ink import Ink, load
from model.paths import assets_dir
from model.preprocess import ink_to_input
from model.samples.store import SampleStore

SAMPLE_THREE = assets_dir() / "samples" / "three.json"
NUMBER_PAPER_MIDDLE = (NUMBER_PAPER[0] * 0.3, NUMBER_PAPER[1] / 2)


@pytest.fixture
def window(qtbot, store, shipped_default):
    w = MainWindow(store=store)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    qtbot.waitUntil(lambda: w.startup_finished, timeout=5000)
    w.tabs.setCurrentWidget(w.draw_tab)
    return w


def written(number: str) -> Ink:
    return number_ink(number, *NUMBER_PAPER)


def test_write_a_number_read_it_copy_it_and_correct_one_digit(window, qtbot):
    tab = window.draw_tab
    assert not tab.number_mode and (window.canvas.ink().width, window.canvas.ink().height) == (CANVAS_SIZE,) * 2
    window.number_action.trigger()
    assert tab.number_mode and tab.number_view.isVisible()
    assert (window.canvas.ink().width, window.canvas.ink().height) == NUMBER_PAPER

    replay_ink(window.canvas, written("2026"))
    qtbot.waitUntil(lambda: tab.reading.number == "2026", timeout=3000)
    assert [b.text() for b in tab.number_view.buttons if b.isVisible()] == list("2026")
    boxes = [d.box for d in tab.reading.digits]
    assert all(a[2] <= b[0] + 40 for a, b in zip(boxes, boxes[1:]))  # left to right, apart
    # The chart shows the last digit written...
    assert window.prediction_view.prediction().digit == 6
    # ...or the one under the mouse.
    x0, y0, x1, y1 = boxes[1]
    QTest.mouseMove(window.canvas, window.canvas.canvas_to_widget((x0 + x1) / 2, (y0 + y1) / 2).toPoint())
    qtbot.waitUntil(lambda: window.prediction_view.prediction().digit == 0, timeout=2000)

    window.copy_number_action.trigger()
    assert QGuiApplication.clipboard().text() == "2026"

    # Click the last digit and say it is a 5: the number is corrected, the drawing stays, and the
    # digit's own strokes are kept as a sample of 5.
    QTest.mouseMove(window.canvas, QPoint(2, 2))  # away from every box
    qtbot.mouseClick(tab.number_view.buttons[3], Qt.MouseButton.LeftButton)
    QTest.keyClick(window, Qt.Key.Key_5)
    assert tab.reading.number == "2025" and tab.reading.digits[3].corrected
    assert len(window.canvas.ink().strokes) == len(written("2026").strokes)
    with SampleStore() as samples:
        [sample] = samples.list()
    assert sample.label == 5 and sample.predicted == 6
    assert len(sample.ink.strokes) == len(tab.reading.digits[3].strokes) < len(window.canvas.ink().strokes)
    # Writing on keeps the correction; a model change re-reads the same digits.
    window.session.load()
    assert tab.reading.number == "2025"

    window.number_action.trigger()  # back to one digit on the square sheet
    assert not tab.number_mode and not tab.number_view.isVisible()
    assert (window.canvas.ink().width, window.canvas.ink().height) == (CANVAS_SIZE,) * 2


def test_number_mode_with_one_digit_and_with_nothing(window, qtbot):
    tab = window.draw_tab
    window.number_action.trigger()
    assert tab.reading.number == "" and not tab.number_view.copy_button.isEnabled()
    window.copy_number_action.trigger()
    assert "write one first" in window.statusBar().currentMessage()
    replay_ink(window.canvas, written("7"))
    qtbot.waitUntil(lambda: tab.reading.number == "7", timeout=3000)
    window.clear_action.trigger()
    qtbot.waitUntil(lambda: tab.reading.number == "", timeout=3000)
    assert (window.canvas.ink().width, window.canvas.ink().height) == NUMBER_PAPER  # Clear keeps the sheet


def test_number_mode_is_remembered(qtbot, store, shipped_default):
    w = MainWindow(store=store)
    qtbot.addWidget(w)
    w.number_action.trigger()
    w.save_settings()
    again = MainWindow(store=store)
    qtbot.addWidget(again)
    assert again.draw_tab.number_mode and again.number_action.isChecked()


def test_a_saved_number_opens_in_number_mode_and_a_digit_in_digit_mode(window, qtbot, tmp_path):
    tab = window.draw_tab
    window.number_action.trigger()
    replay_ink(window.canvas, written("1984"))
    qtbot.waitUntil(lambda: tab.reading.number == "1984", timeout=3000)
    assert window.save_drawing(tmp_path / "year.json")
    window.number_action.trigger()  # back to one digit
    assert not tab.number_mode
    assert window.open_file(tmp_path / "year.json")
    assert tab.number_mode and window.number_action.isChecked() and tab.reading.number == "1984"
    assert "it reads 1984" in window.statusBar().currentMessage()
    assert window.open_file(SAMPLE_THREE)  # a square drawing: one digit
    assert not tab.number_mode and not window.number_action.isChecked()
    assert window.prediction_view.prediction().digit == 3


def test_a_digit_cut_by_the_sheets_edge_is_corrected_but_not_kept(window, qtbot):
    """The issue's phone number: the tenth digit went past the sheet's edge, was read as a sliver
    "1", and correcting it stored the sliver as a sample of 5."""
    tab = window.draw_tab
    window.number_action.trigger()
    w, h = NUMBER_PAPER
    ink = written("1984")
    past_edge = [np.asarray(s) + (w * 0.8, 0) for s in load(assets_dir() / "samples" / "five.json").strokes]
    replay_ink(window.canvas, Ink(ink.strokes[:len(ink.strokes)], w, h, ink.pen_width))
    replay_ink(window.canvas, Ink([s * 0.45 + (w - 40, h * 0.3) for s in past_edge], w, h, ink.pen_width))
    tab.number_reader.flush()
    qtbot.waitUntil(lambda: len(tab.reading.digits) == 5, timeout=3000)
    last = tab.reading.digits[-1]
    assert last.box[2] >= w - 0.5  # the canvas kept the pen on the sheet: the digit is cut there
    qtbot.mouseClick(tab.number_view.buttons[4], Qt.MouseButton.LeftButton)
    QTest.keyClick(window, Qt.Key.Key_5)
    assert tab.reading.number == "19845" and tab.reading.digits[4].corrected
    assert "not kept as a sample" in window.label_bar.toast.text()
    with SampleStore() as samples:
        assert samples.list() == []
    # A whole digit of the number is kept, and its message offers Undo.
    qtbot.mouseClick(tab.number_view.buttons[1], Qt.MouseButton.LeftButton)
    QTest.keyClick(window, Qt.Key.Key_9)
    with SampleStore() as samples:
        [sample] = samples.list()
    assert sample.label == 9 and "Undo" in window.label_bar.toast.text()
    window.label_bar.toast.linkActivated.emit("undo")
    with SampleStore() as samples:
        assert samples.list() == []


def test_an_image_opened_in_number_mode_drops_the_numbers_reading(window, qtbot, tmp_path):
    tab = window.draw_tab
    window.number_action.trigger()
    replay_ink(window.canvas, written("2026"))
    qtbot.waitUntil(lambda: tab.reading.number == "2026", timeout=3000)
    three = Image.fromarray(255 - ink_to_input(load(SAMPLE_THREE)).__mul__(255).astype(np.uint8))
    three.resize((140, 140)).save(tmp_path / "three.png")
    assert window.open_file(tmp_path / "three.png")
    assert tab.reading.digits == () and not [b for b in tab.number_view.buttons if b.isVisible()]
    assert window.prediction_view.prediction().digit == 3
    # Pointing where the number's digits were shows no old digit.
    QTest.mouseMove(window.canvas, window.canvas.canvas_to_widget(*NUMBER_PAPER_MIDDLE).toPoint())
    qtbot.wait(50)
    assert window.prediction_view.prediction().digit == 3


def test_the_digits_shrink_to_fit_their_row_instead_of_widening_it(window, qtbot):
    tab = window.draw_tab
    window.number_action.trigger()
    column = tab.reading_column.width()
    replay_ink(window.canvas, written("0123456789012345"))
    tab.number_reader.flush()
    qtbot.waitUntil(lambda: len(tab.reading.digits) >= 14, timeout=5000)
    row = tab.number_view.row
    assert tab.reading_column.width() == column
    assert row.scale < 2.6  # smaller than for a short number
    shown = [b for b in tab.number_view.buttons if b.isVisible()]
    assert all(b.geometry().right() <= row.width() for b in shown[-3:])  # the newest digits are in view


def test_what_makes_a_digit_of_a_number_a_bad_sample():
    from model.number import DigitReading, NumberReading, sample_problem

    def digit(x0, y0, x1, y1):
        return DigitReading(1, 0.9, (x0, y0, x1, y1), (0,), np.zeros(10, dtype=np.float32))

    w, h = NUMBER_PAPER
    whole = [digit(20, 90, 70, 190), digit(90, 92, 140, 188), digit(160, 90, 200, 190)]
    assert sample_problem(NumberReading.of(whole), 1, w, h) is None
    cut = NumberReading.of([*whole, digit(w - 30, 100, w, 180)])  # the pen was kept on the sheet's edge
    assert "runs off the sheet" in sample_problem(cut, 3, w, h)
    dot = NumberReading.of([*whole, digit(220, 170, 230, 185)])
    assert "smaller" in sample_problem(dot, 3, w, h)
    assert sample_problem(NumberReading.of([digit(20, 170, 30, 185)]), 0, w, h) is None  # one mark alone: a digit
