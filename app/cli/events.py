"""``--events``: how a command run as a child process tells the window what happens (no Qt here).

The window runs ``digitpad train --events`` and ``digitpad personalize --events`` as child
processes (:class:`app.workers.ChildWorker`), so TensorFlow never enters its own process. The
child prints one JSON object per line on stdout, each with an ``"event"``:

    {"event": "status", "text": ..., "stage": ...}   what it is doing now (stage: optional, a name)
    {"event": "data", <DataSummary>}                  what it trains on
    {"event": "progress", <Progress>, "fraction": F, "points": [[x, loss], ...]}
                                                      kind "start", "batch" (at most every 50 ms, with
                                                      every batch's loss since the last one) or
                                                      "epoch" (every epoch; the first layer's weights
                                                      when asked for)
    {"event": "result", <TrainingReport or PersonalizeResult>}   last, once the model is saved

The objects are the dataclasses both sides share (:class:`model.training.trainer.Progress`,
:mod:`model.training.report`, :class:`model.training.personalize.PersonalizeResult`): :func:`encode`
writes their fields, NumPy arrays as ``{"ndarray": [dtype, shape, base64]}``, and :func:`decode`
reads them back, ignoring fields it does not know. When the reader names a folder in
``DIGITPAD_EVENTS_DIR`` (the window does), arrays over 256 KB go through it as ``.npy`` files
instead, ``{"npy": path}``: a 10 MB test set decoded from base64 held the window's GIL for 50 ms,
read from a file it does not (the reader deletes each file once read).

A failure is an event too, just before the child exits non-zero (and says it on stderr, as on a
terminal): ``{"event": "error", "kind": <the exception's class>, "message", "hint", "field",
"details": <a traceback, for a bug>, "stage"}``; the window words it its own way.

Interrupting the child (SIGINT; CTRL_BREAK on Windows) cancels it: a training stops within a
batch and saves nothing, the exit status is 130. Once it is saving, a finished model is kept.
"""
from __future__ import annotations

import base64
import contextlib
import dataclasses
import itertools
import json
import os
import signal
import sys
import threading
import time
import traceback
from typing import Any

import numpy as np

BATCH_INTERVAL = 0.05  # seconds between batch events (~20 per second)
EVENTS_DIR = "DIGITPAD_EVENTS_DIR"  # where the reader wants large arrays, as .npy files
SPILL_BYTES = 256 * 1024
TRAINING_NICENESS = 5  # how much lower than the window TensorFlow's compute threads run (nice levels)


def fields(obj) -> dict:
    """A dataclass's fields as a dict (not yet encoded: :func:`send` encodes)."""
    return {f.name: getattr(obj, f.name) for f in dataclasses.fields(obj)}


def encode(value: Any, spill: str | None = None) -> Any:
    """``value`` as JSON-able data: dataclasses as dicts of their fields, arrays in base64, or
    large ones as .npy files in the folder ``spill``."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: encode(getattr(value, f.name), spill) for f in dataclasses.fields(value)}
    if isinstance(value, np.ndarray):
        data = np.ascontiguousarray(value)
        if spill and data.nbytes > SPILL_BYTES:
            path = os.path.join(spill, f"{os.getpid()}-{next(_serial)}.npy")
            np.save(path, data, allow_pickle=False)
            return {"npy": path}
        return {"ndarray": [data.dtype.str, list(data.shape), base64.b64encode(data.tobytes()).decode("ascii")]}
    if isinstance(value, np.generic):
        return value.item()
    if isinstance(value, dict):
        return {str(k): encode(v, spill) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [encode(v, spill) for v in value]
    if isinstance(value, os.PathLike):
        return os.fspath(value)
    return value


_serial = itertools.count()


def decode_value(value: Any) -> Any:
    """The inverse of :func:`encode` for one value (arrays back; dicts and lists as they are)."""
    if isinstance(value, dict):
        if set(value) == {"ndarray"}:
            dtype, shape, data = value["ndarray"]
            return np.frombuffer(base64.b64decode(data), dtype=np.dtype(dtype)).reshape(shape)
        if set(value) == {"npy"}:
            array = np.load(value["npy"], allow_pickle=False)
            with contextlib.suppress(OSError):
                os.unlink(value["npy"])
            return array
        return {k: decode_value(v) for k, v in value.items()}
    if isinstance(value, list):
        return [decode_value(v) for v in value]
    return value


def decode(cls, fields: dict, **extra):
    """An instance of the dataclass ``cls`` from an event's fields (unknown fields are ignored,
    missing ones take their defaults); ``extra`` fields are set as given."""
    known = {f.name for f in dataclasses.fields(cls)} - set(extra)
    return cls(**{k: decode_value(v) for k, v in fields.items() if k in known}, **extra)


def send(event: str, **values) -> None:
    """One event on stdout, flushed at once (the parent reads it line by line)."""
    if sys.stdout is not None:
        sys.stdout.write(json.dumps({"event": event, **encode(values, os.environ.get(EVENTS_DIR))}) + "\n")
        sys.stdout.flush()


_stage: list[str | None] = [None]  # the last stage announced, for an error event


def status(text: str, stage: str | None = None) -> None:
    if stage:
        _stage[0] = stage
    send("status", text=text, **({"stage": stage} if stage else {}))


@contextlib.contextmanager
def reporting_errors():
    """Send an ``error`` event for an exception that ends the command, then let it go on to the
    command line's handler (the message on stderr, the exit status)."""
    from model.errors import DigitPadError

    try:
        yield
    except DigitPadError as exc:
        send("error", kind=type(exc).__name__, message=exc.message, hint=exc.hint,
             field=getattr(exc, "field", None), stage=_stage[0])
        raise
    except MemoryError:
        send("error", kind="MemoryError", message="", stage=_stage[0])
        raise
    except Exception as exc:  # a bug: its traceback goes to the window's details
        send("error", kind=type(exc).__name__, message=str(exc).strip() or type(exc).__name__,
             details=traceback.format_exc(), stage=_stage[0])
        raise


class Interruptible:
    """While a Trainer runs, an interrupt (Ctrl+C, or the window's Cancel) cancels it: it stops
    within a batch, cleanly, instead of a KeyboardInterrupt inside TensorFlow; a second interrupt
    is a KeyboardInterrupt. After :meth:`commit` (saving a finished model) interrupts are ignored:
    the model is kept whole. Without a trainer (loading data, starting TensorFlow) an interrupt is
    the usual KeyboardInterrupt."""

    SIGNALS = tuple(getattr(signal, name) for name in ("SIGINT", "SIGBREAK") if hasattr(signal, name))

    def __init__(self, trainer=None):
        self.trainer = trainer
        self.committed = False
        self._previous: dict = {}

    def __enter__(self) -> Interruptible:
        if threading.current_thread() is threading.main_thread():  # (handlers: the main thread only)
            for sig in self.SIGNALS:
                self._previous[sig] = signal.signal(sig, self._on_signal)
        return self

    def __exit__(self, *exc) -> None:
        for sig, handler in self._previous.items():
            signal.signal(sig, handler)

    def commit(self) -> None:
        self.committed = True

    def _on_signal(self, _sig, _frame) -> None:
        if self.committed:
            return
        if self.trainer is None or self.trainer.cancelled:
            raise KeyboardInterrupt
        self.trainer.cancel()


class ProgressEvents:
    """A Trainer's ``on_progress`` that sends progress events: every epoch; batches at most every
    ``interval`` seconds, each carrying the loss of every batch since the last one (a curve loses
    no point). ``weights``: epochs carry the first layer's kernel (the window's Inside view)."""

    def __init__(self, weights: bool = False, interval: float = BATCH_INTERVAL, on_first_batch=None):
        self.weights, self.interval, self.on_first_batch = weights, interval, on_first_batch
        self.last = 0.0
        self.points: list[tuple[float, float]] = []
        self.latest = None

    def __call__(self, p) -> None:
        if p.kind == "batch":
            if p.batch == 1 and p.epoch == 1 and self.on_first_batch is not None:
                self.on_first_batch()
            self.points.append((p.epoch - 1 + p.batch / max(1, p.batches), float(p.loss)))
            self.latest = p
            if time.perf_counter() - self.last >= self.interval:
                self.flush()
            return
        self.flush()
        if p.kind == "epoch" and not self.weights:
            p = dataclasses.replace(p, first_layer=None)
        self._send(p)

    def flush(self) -> None:
        """Send the batches not sent yet (at the end of an epoch, or of the run)."""
        if self.points:
            self._send(self.latest, points=self.points)
            self.points = []

    def _send(self, p, **more) -> None:
        self.last = time.perf_counter()
        values = fields(p)
        if p.kind == "batch":
            values.pop("first_layer", None)
        send("progress", **values, fraction=round(float(p.fraction), 4), **more)


def yield_to_the_window() -> bool:
    """Make this process (and every thread it starts from now on: TensorFlow's too) a batch job
    for Linux's scheduler: it keeps its share of the CPU, but a waking window thread runs first
    instead of waiting for it (SCHED_BATCH: no wake-up preemption by it). Elsewhere a no-op;
    True when it took effect."""
    if not hasattr(os, "SCHED_BATCH"):
        return False
    try:
        os.sched_setscheduler(0, os.SCHED_BATCH, os.sched_param(0))
    except OSError:
        return False
    return True


def lower_tensorflow_priority() -> int:
    """Run TensorFlow's compute threads (named ``tf_*``: its op and tf.data pools) below the window,
    so drawing stays live while the CPU trains; returns how many threads were changed. Linux only
    (a thread's nice value is per thread there); elsewhere a no-op."""
    if not sys.platform.startswith("linux"):
        return 0
    try:
        target = min(19, os.getpriority(os.PRIO_PROCESS, 0) + TRAINING_NICENESS)
        tids = os.listdir("/proc/self/task")
    except OSError:
        return 0
    changed = 0
    for tid in tids:
        try:
            with open(f"/proc/self/task/{tid}/comm", encoding="utf-8", errors="replace") as f:
                if not f.read().startswith("tf_"):
                    continue
            if os.getpriority(os.PRIO_PROCESS, int(tid)) < target:
                os.setpriority(os.PRIO_PROCESS, int(tid), target)
                changed += 1
        except (OSError, ValueError):
            continue  # the thread ended meanwhile
    return changed
