"""One way to run a job off the GUI thread: a :class:`Worker` in its own QThread.

A worker's :meth:`Worker.work` runs in a new thread; the GUI learns what happens through signals,
delivered queued in the GUI thread::

    started()            the job began
    progress(object)     whatever the job reports (its kind decides what)
    finished(object)     work() returned this
    failed(str, str)     a message for people, and technical details ('' unless it was a bug)
    cancelled()          the job stopped because cancel() was called

Exactly one of finished, failed and cancelled ends every job. Errors are turned into messages
here, once: a :class:`model.errors.DigitPadError` is its own message; anything else is a bug,
logged with its traceback and reported as "<what> failed: ...". :meth:`Worker.cancel` may be
called from any thread; the job checks :meth:`Worker.check_cancelled` (or passes
``is_cancelled`` on to the model code) and raises :class:`model.errors.Cancelled`.

Connect a worker's signals to methods of QObjects that live in the GUI thread (a widget's own
methods): Qt then delivers them queued in that thread. A lambda or ``functools.partial`` has no
thread of its own, and PySide runs it in the worker's thread - never touch a widget from one.

Threads are owned by :func:`threads`, not by the widget that started them, because a QThread
destroyed while running aborts the process and a widget may stop listening to a job that cannot
be interrupted (an import of TensorFlow). The application waits for them before it quits.
"""
from __future__ import annotations

import logging
import threading
import time
import traceback

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot

from model.errors import Cancelled, DigitPadError

log = logging.getLogger("digitpad.workers")


class Worker(QObject):
    """Subclass and implement :meth:`work`; then :meth:`start` it."""

    started = Signal()
    progress = Signal(object)
    finished = Signal(object)
    failed = Signal(str, str)
    cancelled = Signal()

    what = "The job"  # for messages: "<what> failed: ..."
    out_of_memory = "Out of memory. Try again with less data or a smaller network."

    def __init__(self):
        super().__init__()
        self._cancel = threading.Event()

    # -- any thread ------------------------------------------------------------------------------
    def cancel(self) -> bool:
        """Ask the job to stop; True when it will (subclasses may refuse once past a point of no return)."""
        self._cancel.set()
        return True

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def check_cancelled(self) -> None:
        if self._cancel.is_set():
            raise Cancelled()

    # -- the GUI thread --------------------------------------------------------------------------
    def start(self) -> QThread:
        """Run :meth:`work` in a new thread that ends when it returns."""
        return threads().start(self)

    # -- the worker thread -----------------------------------------------------------------------
    def work(self):
        raise NotImplementedError

    def failure(self, exc: BaseException) -> tuple[str, str]:
        """(message, details) for an exception work() raised; subclasses may word it their way."""
        if isinstance(exc, DigitPadError):
            return str(exc), ""
        if isinstance(exc, MemoryError):
            return self.out_of_memory, ""
        return f"{self.what} failed: {str(exc).strip() or type(exc).__name__}", traceback.format_exc()

    @Slot()
    def run(self) -> None:
        self.started.emit()
        try:
            result = self.work()
        except Cancelled:
            self.cancelled.emit()
        except Exception as exc:  # noqa: BLE001 - every failure becomes a message, never a crash
            message, details = self.failure(exc)
            if details:
                log.error("%s\n%s", message, details)
            self.failed.emit(message, details)
        else:
            self.finished.emit(result)


class _Threads(QObject):
    """Keeps every worker and its QThread alive until the thread has really ended."""

    def __init__(self):
        super().__init__()
        self._jobs: list[tuple[QThread, Worker]] = []

    def start(self, worker: Worker) -> QThread:
        thread = QThread()
        thread.setObjectName(f"digitpad-{type(worker).__name__}")
        worker.moveToThread(thread)
        thread.started.connect(worker.run)  # direct: run() executes in the new thread
        # ...and once it returns, end the thread instead of entering its (unused) event loop.
        thread.started.connect(thread.quit, Qt.ConnectionType.DirectConnection)
        thread.finished.connect(self._reap)  # queued to this object's (the GUI) thread
        self._jobs.append((thread, worker))
        thread.start()
        return thread

    def running(self) -> int:
        return sum(1 for thread, _ in self._jobs if not thread.isFinished())

    @Slot()
    def _reap(self) -> None:
        done = [(t, w) for t, w in self._jobs if t.isFinished()]
        for thread, _ in done:
            thread.wait()
        self._jobs = [(t, w) for t, w in self._jobs if (t, w) not in done]

    def stop_all(self, timeout_s: float = 20.0) -> bool:
        """Cancel every worker and wait for its thread; True when all have ended."""
        for _, worker in self._jobs:
            worker.cancel()
        deadline = time.monotonic() + timeout_s
        for thread, _ in list(self._jobs):
            thread.wait(max(0, int((deadline - time.monotonic()) * 1000)))
        self._reap()
        return not self._jobs


_threads: _Threads | None = None


def threads() -> _Threads:
    """The application's worker threads (created on first use, in the GUI thread)."""
    global _threads
    if _threads is None:
        from PySide6.QtCore import QCoreApplication

        _threads = _Threads()
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(lambda: _threads.stop_all())
    return _threads
