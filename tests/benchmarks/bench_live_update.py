"""How long one live update takes in the real window: ink -> 28x28 -> probabilities -> chart.

Replays every shipped sample ink (assets/samples) through the canvas as real mouse events and,
after each move, times what the window does for it in the GUI thread:

  update   LivePredictor.flush(): preprocess + NumPy inference + PredictionView.set_prediction
           (labels, colours, the 28x28 image); the issue's budget is 16 ms for this plus the chart
  frame    one animation frame of the bars (PredictionView easing step: pyqtgraph setOpts + labels)
  paint    a synchronous repaint of the prediction view (chart, labels, 28x28) and of the canvas
           region around the live stroke

Then the same in Number mode: an eight-digit number (the sample inks side by side) written with
mouse events, timing after each move what the window does for it in the GUI thread:

  number   LiveNumberReader.flush(): segmentation + reading the changed groups + the number view,
           the focused digit's chart and the boxes (the issue's budget: 8 ms per mouse move)
  canvas   a repaint of the whole canvas with the boxes drawn over the ink

beside the single-digit update of the same run (the baseline).

Run:  QT_QPA_PLATFORM=offscreen .venv/bin/python tests/benchmarks/bench_live_update.py
Uses the shipped default model, or a random network of the same shape until it exists.
"""
from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("DIGITPAD_HOME", tempfile.mkdtemp(prefix="digitpad-bench-"))

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

import app  # noqa: E402,F401


def default_dir() -> Path:
    from model.paths import default_model_dir

    path = default_model_dir()
    if (path / "weights.npz").is_file():
        return path
    import json

    import numpy as np

    from model.recognizer import save_weights

    path = Path(tempfile.mkdtemp(prefix="digitpad-bench-model-"))
    rng = np.random.default_rng(0)
    sizes = (784, 256, 128, 10)
    save_weights(path / "weights.npz", [rng.normal(0, 0.05, (a, b)) for a, b in zip(sizes, sizes[1:])],
                 [np.zeros(b) for b in sizes[1:]], ["relu", "relu", "softmax"], [0.0] * 3)
    (path / "card.json").write_text(json.dumps({"format": "digitpad-model", "version": 1,
                                                "name": "random 784-256-128-10"}))
    print("(the shipped default model is missing: timing a random network of the same shape)")
    return path


def stats(name: str, seconds: list[float]) -> str:
    ms = sorted(s * 1000 for s in seconds)
    p95 = ms[min(len(ms) - 1, int(0.95 * len(ms)))]
    return (f"{name:<34} median {statistics.median(ms):6.2f} ms   p95 {p95:6.2f} ms   max {ms[-1]:6.2f} ms"
            f"   (n={len(ms)})")


def main() -> int:
    from app.main_window import MainWindow
    from model.ink import load
    from model.paths import assets_dir
    from model.preprocess import ink_to_input
    from model.store.models import ModelStore

    qapp = QApplication.instance() or QApplication([])
    qapp.setStyle("Fusion")
    window = MainWindow(store=ModelStore(default_dir=default_dir()))
    window.resize(1120, 720)
    window.show()
    QTest.qWaitForWindowExposed(window)
    window.finish_startup()
    QApplication.processEvents()
    canvas, view, predictor = window.canvas, window.prediction_view, window.predictor

    phases = ["preprocess (ink_to_input)", "inference (Recognizer.predict)", "update (flush: both + view)",
              "bars animation frame", "repaint prediction view + chart", "repaint canvas (whole widget)"]
    wall = {k: [] for k in phases}
    cpu = {k: [] for k in phases}
    left, none = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    samples = sorted((assets_dir() / "samples").glob("*.json"))

    def timed(name, fn):
        c0, t0 = time.thread_time(), time.perf_counter()
        result = fn()
        wall[name].append(time.perf_counter() - t0)
        cpu[name].append(time.thread_time() - c0)
        return result

    def repaint_view():
        view.repaint()
        view.chart.viewport().repaint()  # the plot is a QGraphicsView: its viewport paints the bars

    for _ in range(3):
        for path in samples:
            ink = load(path)
            canvas.clear()
            predictor.flush()
            for stroke in ink.strokes:
                pts = [canvas.canvas_to_widget(x, y).toPoint() for x, y in stroke]
                QTest.mousePress(canvas, left, none, pts[0])
                for p in pts[1:]:
                    QTest.mouseMove(canvas, p)
                    current = canvas.ink()
                    x = timed(phases[0], lambda: ink_to_input(current))
                    timed(phases[1], lambda: predictor.recognizer.predict(x))
                    timed(phases[2], predictor.flush)  # the real path: preprocess + inference + view
                    timed(phases[3], view._step)  # one ~16 ms animation frame of the bars
                    timed(phases[4], repaint_view)
                    timed(phases[5], lambda: canvas.repaint(canvas.rect()))
                QTest.mouseRelease(canvas, left, none, pts[-1])
    print(f"model: {window.model_info.name if window.model_info else 'none'}; "
          f"{len(samples)} sample inks x 3, one update per mouse move")
    print("GUI-thread CPU time (what the update costs):")
    for name in phases:
        print("  " + stats(name, cpu[name]))
    print("wall-clock time (includes time the OS gave other processes):")
    for name in phases:
        print("  " + stats(name, wall[name]))
    chain = phases[2:5]  # update + animation frame + repaint = ink -> chart on screen
    for label, d in (("CPU", cpu), ("wall", wall)):
        totals = [sum(v) for v in zip(*(d[k] for k in chain))]
        print(f"live update, ink -> chart on screen ({label}): median {statistics.median(totals) * 1000:.2f} ms, "
              f"p95 {sorted(totals)[int(0.95 * len(totals))] * 1000:.2f} ms (budget 16 ms)")
    number_mode(window, left, none)
    window.close()
    return 0


def number_mode(window, left, none) -> None:
    from helpers import number_ink

    from app.draw.number_view import NUMBER_PAPER

    tab, canvas = window.draw_tab, window.canvas
    window.number_action.setChecked(True)
    number = "20261231"
    times = {"number (reading + views)": ([], []), "canvas repaint with boxes": ([], [])}

    def timed(name, fn):
        c0, t0 = time.thread_time(), time.perf_counter()
        fn()
        times[name][0].append(time.thread_time() - c0)
        times[name][1].append(time.perf_counter() - t0)

    for _ in range(3):
        canvas.clear()
        tab.number_reader.flush()
        ink = number_ink(number, *NUMBER_PAPER)
        for stroke in ink.strokes:
            pts = [canvas.canvas_to_widget(x, y).toPoint() for x, y in stroke]
            QTest.mousePress(canvas, left, none, pts[0])
            for p in pts[1:]:
                QTest.mouseMove(canvas, p)
                timed("number (reading + views)", tab.number_reader.flush)
                timed("canvas repaint with boxes", lambda: canvas.repaint(canvas.rect()))
            QTest.mouseRelease(canvas, left, none, pts[-1])
        tab.number_reader.flush()
    print(f"Number mode: {number!r} written three times, read as {tab.reading.number!r}; per mouse move:")
    for label, k in (("CPU", 0), ("wall", 1)):
        for name, pair in times.items():
            print(f"  {label:<4} " + stats(name, pair[k]))
        totals = [a + b for a, b in zip(*(pair[k] for pair in times.values()))]
        print(f"  {label:<4} number mode, move -> boxes and chart: median {statistics.median(totals) * 1000:.2f} ms, "
              f"p95 {sorted(totals)[int(0.95 * len(totals))] * 1000:.2f} ms (budget 8 ms)")


if __name__ == "__main__":
    sys.exit(main())
