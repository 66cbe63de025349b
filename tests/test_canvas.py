"""InkCanvas driven by real mouse events: recording ink, live signals, undo/redo/clear, eraser,
resizing, images and PNG export. The drawings are the shipped sample inks (assets/samples)."""
import subprocess
import sys
import textwrap

import numpy as np
import pytest
from conftest import ROOT
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtTest import QTest

from app.selftest import replay_ink
from app.widgets.canvas import CANVAS_SIZE, MAX_PEN_WIDTH, MIN_PEN_WIDTH, InkCanvas
from model.ink import Ink, load
from model.paths import assets_dir

SAMPLES = assets_dir() / "samples"
LEFT, NONE = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier


@pytest.fixture
def canvas(qtbot):
    c = InkCanvas()
    qtbot.addWidget(c)
    c.resize(600, 600)
    c.show()
    qtbot.waitExposed(c)
    return c


def sample(name: str) -> Ink:
    return load(SAMPLES / f"{name}.json")


def test_every_digit_sample_exists_and_is_a_280_canvas_drawing():
    names = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
    for name in names:
        ink = sample(name)
        assert (ink.width, ink.height, ink.pen_width) == (280, 280, 18.0)
        assert 1 <= len(ink.strokes) <= 2
        assert all(len(s) >= 15 for s in ink.strokes)  # mouse-like sampling, not a handful of points
        pts = ink.points()
        assert pts.min() >= 0 and pts.max() <= 280


def test_drawing_records_ink_in_canvas_coordinates(canvas):
    ink = sample("four")
    replay_ink(canvas, ink)
    got = canvas.ink()
    assert (got.width, got.height) == (CANVAS_SIZE, CANVAS_SIZE)
    assert len(got.strokes) == 2
    for drawn, original in zip(got.strokes, ink.strokes):
        # Widget pixels are integers: at this size one widget pixel is < 0.6 canvas pixels.
        assert abs(drawn[0] - original[0]).max() < 1.0
        assert abs(drawn[-1] - original[-1]).max() < 1.0


def test_ink_stays_in_canvas_coordinates_when_the_window_resizes(canvas, qtbot):
    replay_ink(canvas, sample("seven"))
    before = canvas.ink()
    canvas.resize(300, 900)
    qtbot.wait(10)
    after = canvas.ink()
    assert np.array_equal(before.strokes[0], after.strokes[0])
    # The paper is still square and fits the narrow widget.
    r = canvas.paper_rect()
    assert r.width() == pytest.approx(r.height()) and r.width() <= 300
    # Drawing on the smaller view still lands in 280x280 canvas coordinates.
    replay_ink(canvas, sample("one"))
    one = canvas.ink().strokes[-1]
    assert abs(one[0] - sample("one").strokes[0][0]).max() < 2.0


def test_ink_changed_fires_on_every_move_while_drawing(canvas, qtbot):
    seen = []
    canvas.inkChanged.connect(seen.append)
    ink = sample("seven")
    pts = [canvas.canvas_to_widget(x, y).toPoint() for x, y in ink.strokes[0]]
    QTest.mousePress(canvas, LEFT, NONE, pts[0])
    assert len(seen) == 1 and len(seen[-1].strokes[0]) == 1  # the press already is a dot
    moves = 0
    for p, q in zip(pts, pts[1:]):
        QTest.mouseMove(canvas, q)
        if p != q:
            moves += 1
            assert len(seen) == 1 + moves
            assert len(seen[-1].strokes[-1]) == 1 + moves  # the live stroke is part of the ink
    QTest.mouseRelease(canvas, LEFT, NONE, pts[-1])
    assert len(canvas.ink().strokes) == 1


def test_click_without_moving_is_a_dot(canvas):
    QTest.mouseClick(canvas, LEFT, NONE, canvas.canvas_to_widget(140, 140).toPoint())
    ink = canvas.ink()
    assert len(ink.strokes) == 1 and ink.strokes[0].shape == (1, 2)


def test_undo_redo_clear(canvas):
    history = []
    canvas.inkChanged.connect(lambda ink: history.append(len(ink.strokes)))
    replay_ink(canvas, sample("four"))
    assert len(canvas.ink().strokes) == 2 and canvas.can_undo() and not canvas.can_redo()
    canvas.undo()
    assert len(canvas.ink().strokes) == 1 and canvas.can_redo()
    assert history[-1] == 1
    canvas.undo()
    assert canvas.ink().is_empty and not canvas.can_undo()
    canvas.redo()
    canvas.redo()
    assert len(canvas.ink().strokes) == 2 and not canvas.can_redo()
    canvas.clear()
    assert canvas.ink().is_empty and history[-1] == 0
    canvas.undo()  # clear is undoable
    assert len(canvas.ink().strokes) == 2
    replay_ink(canvas, sample("one"))  # a new stroke drops the redo branch
    canvas.undo()
    canvas.redo()
    assert not canvas.can_redo() and len(canvas.ink().strokes) == 3


def test_undo_signals_track_availability(canvas):
    can_undo = []
    canvas.canUndoChanged.connect(can_undo.append)
    replay_ink(canvas, sample("one"))
    canvas.undo()
    assert can_undo[0] is True and can_undo[-1] is False


def test_eraser_removes_whole_strokes_and_is_undoable(canvas):
    replay_ink(canvas, sample("four"))
    drawn = canvas.ink().strokes
    changes = []
    canvas.inkChanged.connect(changes.append)
    canvas.set_eraser(True)
    # Drag across the vertical stroke of the 4, below the crossbar.
    a, b = canvas.canvas_to_widget(140, 215).toPoint(), canvas.canvas_to_widget(200, 215).toPoint()
    QTest.mousePress(canvas, LEFT, NONE, a)
    for i in range(1, 11):
        QTest.mouseMove(canvas, a + (b - a) * (i / 10))
    QTest.mouseRelease(canvas, LEFT, NONE, b)
    ink = canvas.ink()
    assert len(ink.strokes) == 1
    assert np.array_equal(ink.strokes[0], drawn[0])  # the other stroke is untouched
    assert changes and len(changes[-1].strokes) == 1
    canvas.undo()  # one undo step for the whole eraser drag
    assert len(canvas.ink().strokes) == 2
    # Erasing empty paper changes nothing and adds no undo step.
    canvas.redo()
    canvas.undo()
    far = canvas.canvas_to_widget(20, 20).toPoint()
    QTest.mouseClick(canvas, LEFT, NONE, far)
    assert len(canvas.ink().strokes) == 2 and canvas.can_redo()


def test_pen_width_is_clamped_and_belongs_to_the_ink(canvas):
    widths = []
    canvas.penWidthChanged.connect(widths.append)
    canvas.set_pen_width(1000)
    assert canvas.pen_width() == MAX_PEN_WIDTH
    canvas.set_pen_width(0)
    assert canvas.pen_width() == MIN_PEN_WIDTH
    canvas.set_pen_width(12)
    replay_ink(canvas, sample("one"))
    assert canvas.ink().pen_width == 12 and widths == [MAX_PEN_WIDTH, MIN_PEN_WIDTH, 12]


def test_loading_ink_is_undoable_and_adopts_its_canvas(canvas):
    replay_ink(canvas, sample("one"))
    wide = Ink([np.array([[10.0, 10.0], [390.0, 190.0]])], width=400, height=200, pen_width=10.0)
    canvas.set_ink(wide)
    got = canvas.ink()
    assert (got.width, got.height, got.pen_width) == (400, 200, 10.0)
    r = canvas.paper_rect()
    assert r.width() == pytest.approx(2 * r.height())  # the view keeps the ink's aspect
    canvas.undo()
    assert (canvas.ink().width, len(canvas.ink().strokes)) == (CANVAS_SIZE, 1)


def test_png_export_shows_the_strokes_on_white(canvas):
    replay_ink(canvas, sample("seven"))
    image = canvas.to_image()
    assert (image.width(), image.height()) == (CANVAS_SIZE, CANVAS_SIZE)
    assert image.pixelColor(5, 270) == QColor("white")
    x, y = sample("seven").strokes[0][len(sample("seven").strokes[0]) // 2]
    assert image.pixelColor(int(x), int(y)).lightness() < 60


def test_a_shown_image_is_read_only_and_drawing_starts_over(canvas):
    replay_ink(canvas, sample("one"))
    picture = QImage(50, 50, QImage.Format.Format_RGB32)
    picture.fill(QColor("white"))
    changes = []
    canvas.inkChanged.connect(changes.append)
    canvas.show_image(picture, "photo.png")
    assert canvas.showing_image() and canvas.ink().is_empty and not changes
    QTest.mouseClick(canvas, LEFT, NONE, canvas.canvas_to_widget(100, 100).toPoint())
    assert not canvas.showing_image() and len(canvas.ink().strokes) == 1
    canvas.undo()
    canvas.undo()  # back past the image to the drawing it replaced
    assert len(canvas.ink().strokes) == 1 and canvas.ink().strokes[0].shape[0] > 10


def test_painting_reuses_the_cache_of_finished_strokes(canvas, qtbot):
    replay_ink(canvas, sample("eight"))
    canvas.repaint()
    cache = canvas._cache
    assert cache is not None
    QTest.mousePress(canvas, LEFT, NONE, canvas.canvas_to_widget(40, 40).toPoint())
    QTest.mouseMove(canvas, canvas.canvas_to_widget(60, 60).toPoint())
    canvas.repaint()
    assert canvas._cache is cache  # only the live stroke was stroked again
    QTest.mouseRelease(canvas, LEFT, NONE, canvas.canvas_to_widget(60, 60).toPoint())
    canvas.repaint()
    assert canvas._cache is cache  # the finished stroke was added to the cache, not re-rendered


def test_hidpi_renders_at_device_resolution():
    """At a 2x device pixel ratio the cache has twice the pixels and the ink stays logical."""
    code = textwrap.dedent("""
        import json
        from PySide6.QtWidgets import QApplication
        app = QApplication([])
        from app.widgets.canvas import InkCanvas
        from app.selftest import replay_ink
        from model.ink import load
        from model.paths import assets_dir
        c = InkCanvas(); c.resize(400, 400); c.show(); app.processEvents()
        replay_ink(c, load(assets_dir() / "samples" / "two.json"))
        c.repaint()
        ink = c.ink()
        print(json.dumps({"dpr": c.devicePixelRatioF(), "cache_w": c._cache.width(),
                          "paper_w": c.paper_rect().width(), "max": float(ink.points().max()),
                          "w": ink.width}))
    """)
    env = {**__import__("os").environ, "QT_SCALE_FACTOR": "2", "PYTHONPATH": str(ROOT)}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    import json

    r = json.loads(out.stdout.strip().splitlines()[-1])
    assert r["dpr"] == 2.0
    assert r["cache_w"] >= 2 * r["paper_w"] - 1
    assert r["w"] == 280 and r["max"] <= 280


def test_the_live_stroke_is_a_line_not_a_filled_shape(canvas):
    """Half an ellipse, mouse still down: the inside of the arc stays white paper."""
    arc = sample("zero").strokes[0]
    pts = [canvas.canvas_to_widget(x, y).toPoint() for x, y in arc[: len(arc) // 2]]
    QTest.mousePress(canvas, LEFT, NONE, pts[0])
    for p in pts[1:]:
        QTest.mouseMove(canvas, p)
    image = canvas.grab().toImage()
    centre = canvas.canvas_to_widget(140, 140).toPoint()
    assert image.pixelColor(centre) == QColor("white")
    on_stroke = pts[len(pts) // 2]
    assert image.pixelColor(on_stroke).lightness() < 60
    QTest.mouseRelease(canvas, LEFT, NONE, pts[-1])
    image = canvas.grab().toImage()
    assert image.pixelColor(centre) == QColor("white")
