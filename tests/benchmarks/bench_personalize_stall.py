"""Does drawing stay live while Personalise fine-tunes? Event-loop stalls and live predictions.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/benchmarks/bench_personalize_stall.py [--person K]

The real window (MainWindow, the shipped default model, a scratch DIGITPAD_HOME) holds 10 samples
per digit of one person of bench_personalize.py (a real UNIPEN writer in their style). While the
Samples tab personalises, a "hand" replays the shipped sample inks on the Draw tab's canvas as mouse
events, one move every 8 ms (a 125 Hz mouse), and a 10 ms QTimer records the gap between its
ticks. Reported for three phases of one run:

  idle         the same, with nothing running (the machine's noise floor; the baseline)
  starting     Personalise pressed -> the first fine-tuning batch (the worker starts `digitpad
               personalize --events`, which imports TensorFlow and loads the data)
  fine-tuning  first batch -> the result shown (both passes, saving, the per-digit figures)

per phase: the longest gap, p99, ticks over 50 ms, and the live predictions the Draw tab made per
second (each mouse move asks for one; the chart shows the newest).
Target (issue 16): event-loop stalls <= 50 ms while it personalises.
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parents[1]), str(HERE)]
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
os.environ["DIGITPAD_HOME"] = tempfile.mkdtemp(prefix="digitpad-bench-")

import numpy as np  # noqa: E402
from PySide6.QtCore import QEventLoop, QObject, Qt, QTimer, Slot  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402


class Hand:
    """Replays inks on the canvas as mouse events from a timer, like a person drawing."""

    def __init__(self, canvas, inks, interval_ms: int = 8):
        self.canvas, self.moves = canvas, []
        for ink in inks:
            for stroke in ink.strokes:
                pts = [canvas.canvas_to_widget(x, y).toPoint() for x, y in stroke]
                self.moves += [("press", pts[0])] + [("move", p) for p in pts[1:]] + [("release", pts[-1])]
            self.moves.append(("clear", None))
        self.k = 0
        self.timer = QTimer()
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.step)

    def step(self):
        kind, p = self.moves[self.k % len(self.moves)]
        self.k += 1
        left, none = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
        if kind == "press":
            QTest.mousePress(self.canvas, left, none, p)
        elif kind == "move":
            QTest.mouseMove(self.canvas, p)
        elif kind == "release":
            QTest.mouseRelease(self.canvas, left, none, p)
        else:
            self.canvas.clear()


class Ticks(QObject):
    """A 10 ms timer's gaps and the live predictions, per phase (a QObject: the worker's progress
    reaches :meth:`on_progress` in the GUI thread)."""

    def __init__(self):
        super().__init__()
        self.phase, self.gaps, self.predictions, self.spans = None, {}, {}, {}
        self.last = time.perf_counter()
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(self.tick)
        self.timer.start()

    def switch(self, phase):
        now = time.perf_counter()
        if self.phase is not None:
            self.spans[self.phase] = self.spans.get(self.phase, 0.0) + now - self.started
        self.phase, self.started = phase, now

    def tick(self):
        now = time.perf_counter()
        if self.phase is not None:
            self.gaps.setdefault(self.phase, []).append(now - self.last)
        self.last = now

    @Slot(object)
    def on_progress(self, p):
        if self.phase == "starting" and p[0] > 0:  # the first fine-tuning batch
            self.switch("fine-tuning")

    def predicted(self, *_):
        if self.phase is not None:
            self.predictions[self.phase] = self.predictions.get(self.phase, 0) + 1


def wait(seconds: float) -> None:
    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    loop.exec()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--person", type=int, default=0, help="which person of bench_personalize.PERSONS")
    args = ap.parse_args()
    import bench_personalize as bp
    from common import require_shared

    require_shared()
    from app.main_window import MainWindow
    from model.data import drawn
    from model.ink import load
    from model.paths import assets_dir, default_model_dir
    from model.store.models import ModelStore

    bp.REDRAW_JITTER = drawn.Jitter()
    corpus = drawn.read_unipen(bp.UNIPEN)
    writer, styles = bp.PERSONS[args.person]
    inks, labels, _, _ = bp.person(corpus, writer, styles, args.person, 10)

    qapp = QApplication.instance() or QApplication([])
    qapp.setStyle("Fusion")
    window = MainWindow(store=ModelStore(default_dir=default_model_dir()))
    window.resize(1120, 720)
    window.show()
    QTest.qWaitForWindowExposed(window)
    window.finish_startup()
    wait(0.5)
    tab = window.samples_tab
    for ink, label in zip(inks, labels):
        window.samples.add(None, int(label), ink=ink)
    tab.refresh()
    ticks = Ticks()
    window.predictor.predictionChanged.connect(ticks.predicted)
    hand = Hand(window.canvas, [load(p) for p in sorted((assets_dir() / "samples").glob("*.json"))])
    hand.timer.start()
    ticks.switch("idle")
    wait(5.0)

    done = {}
    tab.personalizeFinished.connect(lambda outcome: done.setdefault("outcome", outcome))
    ticks.switch("starting")
    t0 = time.perf_counter()
    tab.start_personalize()
    tab.worker.progress.connect(ticks.on_progress)
    while "outcome" not in done:
        wait(0.05)
    ticks.switch(None)
    wall = time.perf_counter() - t0
    hand.timer.stop()
    outcome = done["outcome"]
    result = outcome.result
    print(f"person {writer} ({'+'.join(styles)}), {len(labels)} samples; personalised in {wall:.1f} s "
          f"(wall, from the button to the result); error: {outcome.error}")
    if result is not None:
        print(f"  held-out samples {result.before['samples']:.1%} -> {result.after['samples']:.1%}, "
              f"base {result.before['base']:.2%} -> {result.after['base']:.2%}")
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores; a mouse move every "
          f"{hand.timer.interval()} ms")
    for phase in ("idle", "starting", "fine-tuning"):
        g = np.asarray(ticks.gaps.get(phase, [0.0])) * 1000
        rate = ticks.predictions.get(phase, 0) / max(ticks.spans.get(phase, 1e-9), 1e-9)
        print(f"  {phase:<12} {ticks.spans.get(phase, 0):5.1f} s   longest gap {g.max():5.0f} ms   "
              f"p99 {np.percentile(g, 99):4.0f} ms   over 50 ms: {int((g > 50).sum()):3d} of {len(g)}   "
              f"live predictions {rate:5.1f}/s")
    print("target: stalls <= 50 ms while personalising; TensorFlow in this (the window's) process: "
          f"{'tensorflow' in sys.modules}")
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
