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

A job that needs TensorFlow runs as a command in a child process instead: a :class:`ChildWorker`
starts ``digitpad <command> --events``, reads the JSON lines it prints (:mod:`app.cli.events`) in
its thread and turns them into signals. TensorFlow's import, its input pipelines and its garbage
then never hold the window's GIL, its gigabyte of memory goes back when the child ends, and a
crash or the out-of-memory killer takes the child, not the window.
"""
from __future__ import annotations

import json
import logging
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
import traceback
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Qt, QThread, Signal, Slot

from model.errors import Cancelled, DigitPadError

from .cli.events import EVENTS_DIR

log = logging.getLogger("digitpad.workers")
translate = QCoreApplication.translate
# What the workers' ``what`` and ``out_of_memory`` say, translated where they are shown (context "Worker").
WORKER_TEXTS = (
    QT_TRANSLATE_NOOP("Worker", "The job"),
    QT_TRANSLATE_NOOP("Worker", "Training"),
    QT_TRANSLATE_NOOP("Worker", "Personalising"),
    QT_TRANSLATE_NOOP("Worker", "The measurement"),
    QT_TRANSLATE_NOOP("Worker", "Importing the model"),
    QT_TRANSLATE_NOOP("Worker", "Out of memory. Try again with less data or a smaller network."),
    QT_TRANSLATE_NOOP("Worker", "Out of memory while training. Use a smaller network, a smaller batch size or fewer "
                                "digits."),
    QT_TRANSLATE_NOOP("Worker", "Out of memory while personalising. Close other programs and try again."),
    QT_TRANSLATE_NOOP("Worker", "Out of memory: measure fewer digits."),
)


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
            return translate("Worker", self.out_of_memory), ""
        return (translate("Worker", "{what} failed: {error}").format(
            what=translate("Worker", self.what), error=str(exc).strip() or type(exc).__name__), traceback.format_exc())

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


class ChildError(DigitPadError):
    """A child process's job failed; its message, for people (the child's own words when it had any)."""

    def __init__(self, message: str, *, kind: str = "", field: str | None = None, details: str = "", **kwargs):
        super().__init__(message, **kwargs)
        self.kind, self.field, self.details = kind, field, details  # the child's error class, setting, traceback


def cli_command() -> list[str]:
    """How this program runs one of its own commands: the bundle's executable is the ``digitpad``
    command; from a virtualenv, a wheel or a checkout, the interpreter running ``app.cli``."""
    if getattr(sys, "frozen", False):
        return [sys.executable]
    return [sys.executable, "-m", "app.cli"]


def child_environment(home: Path | None = None) -> dict[str, str]:
    """The environment of a child ``digitpad``: this one, its events unbuffered, the same per-user
    data (``DIGITPAD_HOME``), and from a checkout the same ``app`` and ``model`` on its path."""
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    if home is not None:
        env["DIGITPAD_HOME"] = str(home)
    root = Path(__file__).resolve().parents[1]
    if not getattr(sys, "frozen", False) and (root / "pyproject.toml").is_file():  # a checkout
        env["PYTHONPATH"] = os.pathsep.join([str(root), *filter(None, [env.get("PYTHONPATH")])])
    return env


class ChildWorker(Worker):
    """Runs ``digitpad <arguments()> --events`` in a child process and reads its events.

    Subclasses give :meth:`arguments` and handle :meth:`on_event` (in the worker thread: emit
    signals); :meth:`result` turns the ``result`` event into what ``finished`` carries. Cancel
    interrupts the child (SIGINT; CTRL_BREAK on Windows): it stops and saves nothing, and a result
    that still arrives is handed to :meth:`discard`. A child that does not stop within
    ``kill_after_s`` is killed. When the child fails, ``failed`` carries its own message (its
    ``error`` event, else its ``digitpad: ...`` lines on stderr), else what happened to it: killed
    (on Linux: the out-of-memory killer), or its exit code and last words.
    """

    kill_after_s = 10.0

    def __init__(self, home: Path | None = None):
        super().__init__()
        self.home = home
        self._process: subprocess.Popen | None = None
        self._plock = threading.Lock()
        self.error_event: dict | None = None

    # -- subclasses ------------------------------------------------------------------------------
    def arguments(self) -> list[str]:
        raise NotImplementedError

    def on_event(self, event: dict) -> None:
        """A non-result event, in the worker thread (skipped once cancelled)."""

    def result(self, event: dict):
        return event

    def discard(self, result) -> None:
        """A result that arrived after the job was cancelled (saved in that instant): undo it."""

    def command(self) -> list[str]:
        return [*cli_command(), *self.arguments()]

    def spawn(self, cmd: list[str], env: dict[str, str]) -> subprocess.Popen:
        flags = 0
        if os.name == "nt":  # no console window; CTRL_BREAK reaches only this group
            flags = subprocess.CREATE_NO_WINDOW | subprocess.CREATE_NEW_PROCESS_GROUP
        return subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                text=True, encoding="utf-8", errors="replace", env=env, creationflags=flags)

    # -- any thread ------------------------------------------------------------------------------
    def cancel(self) -> bool:
        super().cancel()
        self._interrupt()
        return True

    def _interrupt(self) -> None:
        with self._plock:
            process = self._process
        if process is None or process.poll() is not None:
            return
        try:  # KeyboardInterrupt (or the training's cancel) in the child: it stops, saves nothing
            process.send_signal(signal.SIGINT if os.name == "posix" else signal.CTRL_BREAK_EVENT)
        except (OSError, ValueError):
            return
        timer = threading.Timer(self.kill_after_s, self._kill, args=(process,))
        timer.daemon = True
        timer.start()

    @staticmethod
    def _kill(process: subprocess.Popen) -> None:
        if process.poll() is None:
            try:
                process.kill()
            except OSError:
                pass

    # -- the worker thread -----------------------------------------------------------------------
    def work(self):
        self.check_cancelled()
        # Large arrays (test digits, weights) come through files here, not the pipe (app.cli.events).
        with tempfile.TemporaryDirectory(prefix="digitpad-events-") as folder:
            env = child_environment(self.home)
            env[EVENTS_DIR] = folder
            return self._run(self.spawn(self.command(), env))

    def _run(self, process):
        with self._plock:
            self._process = process
        if self.is_cancelled():
            self._interrupt()
        said: list[str] = []
        reader = threading.Thread(target=lambda: said.extend(process.stderr), daemon=True)
        reader.start()
        result = None
        try:
            for line in process.stdout:
                try:
                    event = json.loads(line)
                except ValueError:
                    continue  # not ours (a library's print)
                if not isinstance(event, dict):
                    continue
                if event.get("event") == "result":
                    result = event
                elif event.get("event") == "error":
                    self.error_event = event
                elif not self.is_cancelled():
                    self.on_event(event)
        finally:
            code = process.wait()
            reader.join(timeout=5)
        if self.is_cancelled():
            if result is not None:
                self.discard(self.result(result))
            raise Cancelled()
        if code != 0 or result is None:
            raise self.child_error(code, said)
        return self.result(result)

    def child_error(self, code: int, said: list[str]) -> ChildError:
        """What went wrong in the child, for people."""
        if self.error_event is not None:
            e = self.error_event
            return ChildError(str(e.get("message") or ""), hint=e.get("hint") or None, kind=str(e.get("kind") or ""),
                              field=e.get("field"), details=str(e.get("details") or ""))
        words = [line.strip()[len("digitpad: "):] for line in said if line.startswith("digitpad: ")]
        if words:
            return ChildError(" ".join(words))
        tail = "".join(said[-8:]).strip()
        if code in (-signal.SIGKILL if os.name == "posix" else -9, 137):  # on Linux: the out-of-memory killer
            return ChildError(translate("Worker", self.out_of_memory) + " " + translate(
                "Worker", "(The process doing it was killed: it ran out of memory, or something else stopped it.)"),
                details=tail)
        how = (translate("Worker", "was stopped by signal {signal}").format(signal=-code) if code < 0 else
               translate("Worker", "stopped with exit code {code}").format(code=code))
        return ChildError(translate("Worker", "{what} stopped unexpectedly: the process doing it {how}. Check the log "
                                    "(Help ▸ Open Log Folder) and try again.").format(
                                        what=translate("Worker", self.what), how=how), details=tail)

    def failure(self, exc: BaseException) -> tuple[str, str]:
        if isinstance(exc, ChildError):
            return str(exc), exc.details
        return super().failure(exc)


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
