"""A log a user can send: ``digitpad.log`` in the per-user data directory.

A windowed executable has no terminal, so whatever goes wrong would otherwise vanish. :func:`setup`
(called once at start by the command line, for the window and every command) sends the
``digitpad`` loggers' records (INFO and up) and other libraries' warnings to a rotating file,
``<data dir>/logs/digitpad.log`` (``~/.local/share/DigitPad/logs`` on Linux; ``DIGITPAD_HOME``
moves it with the rest), and logs every exception nobody caught: in the main thread
(``sys.excepthook``, which Qt also calls for an exception escaping a slot) and in other threads
(``threading.excepthook``). Worker tracebacks and model-load fallbacks are logged where they are
caught (``logs.logger("store").warning(...)``, ``logs.log_exception(...)``).

Nothing is written until there is something to write: a ``predict`` that goes well leaves no file
and creates no directory. For the window, :func:`setup` with ``window=True`` also logs the start
(version, platform) and points :mod:`faulthandler` at ``crash.log`` beside it, so even a crash in
Qt's C++ code (a segfault, an abort) leaves the Python stack behind.

The window's part (not wired here): an error dialog names :func:`log_path`; Help ▸ "Open log
folder" opens :func:`log_dir` (``QDesktopServices.openUrl(QUrl.fromLocalFile(str(log_dir())))``).
"""
from __future__ import annotations

import logging
import logging.handlers
import os
import sys
import threading
from pathlib import Path

__all__ = ["setup", "log_dir", "log_path", "crash_path", "logger", "log_exception", "version", "LOG_NAME"]

LOG_NAME = "digitpad.log"
CRASH_NAME = "crash.log"
MAX_BYTES = 1_000_000
BACKUPS = 3  # digitpad.log.1 .. .3: at most 4 MB in all
FORMAT = "%(asctime)s %(levelname)-7s %(name)s [%(threadName)s] %(message)s"

_handler: logging.Handler | None = None
_crash_file = None


def log_dir() -> Path:
    """The folder holding the log files (not created here: :func:`setup` writes it on demand)."""
    home = os.environ.get("DIGITPAD_HOME")
    if home:
        return Path(home).expanduser() / "logs"
    from platformdirs import user_data_dir

    from model.paths import APP_NAME

    return Path(user_data_dir(APP_NAME, appauthor=False)) / "logs"


def log_path() -> Path:
    """The current log file: what a user sends with a bug report."""
    return log_dir() / LOG_NAME


def crash_path() -> Path:
    """Where :mod:`faulthandler` writes the Python stack of a hard crash (window only)."""
    return log_dir() / CRASH_NAME


def version() -> str:
    """DigitPad's version, from the installed package's metadata (the bundle carries it too)."""
    from importlib import metadata

    try:
        return metadata.version("digitpad")
    except metadata.PackageNotFoundError:
        return "(version unknown)"


def logger(name: str | None = None) -> logging.Logger:
    """``digitpad`` or ``digitpad.<name>``: records at INFO and up reach the log file."""
    return logging.getLogger("digitpad" if not name else f"digitpad.{name}")


def log_exception(what: str, exc: BaseException, name: str | None = None) -> None:
    """Log ``exc`` with its traceback, e.g. ``log_exception("Training failed", exc, "train")``."""
    logger(name).error("%s: %s: %s", what, type(exc).__name__, exc, exc_info=(type(exc), exc, exc.__traceback__))


class _FileHandler(logging.handlers.RotatingFileHandler):
    """Rotating, UTF-8, opened at the first record (creating its folder then), and never raising:
    a log that cannot be written (read-only home, full disk) must not break DigitPad."""

    def __init__(self, path: Path):
        super().__init__(path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8", delay=True)

    def _open(self):
        Path(self.baseFilename).parent.mkdir(parents=True, exist_ok=True)
        return super()._open()

    def handleError(self, record) -> None:  # noqa: N802 - logging's name
        pass  # logging's default prints a traceback to stderr for every record


def setup(window: bool = False) -> Path:
    """Send log records to :func:`log_path` (again, if ``DIGITPAD_HOME`` moved since the last call)
    and log uncaught exceptions. Returns the log file's path. Safe to call any number of times."""
    global _handler
    path = log_path()
    root = logging.getLogger()
    if _handler is None or _handler.baseFilename != os.path.abspath(path):
        old, _handler = _handler, _FileHandler(path)
        _handler.setLevel(logging.INFO)
        _handler.setFormatter(logging.Formatter(FORMAT))
        root.addHandler(_handler)
        if old is not None:
            root.removeHandler(old)
            old.close()
    if root.level == logging.NOTSET or root.level > logging.WARNING:
        root.setLevel(logging.WARNING)  # other libraries: warnings and errors only
    logger().setLevel(logging.INFO)
    _install_hooks()
    if window:
        _start_window_log()
    return path


def _install_hooks() -> None:
    """Wrap sys.excepthook and threading.excepthook (again, if something replaced ours since)."""
    if not getattr(sys.excepthook, "_digitpad_log", False):
        previous_hook = sys.excepthook

        def excepthook(kind, value, tb):
            if not issubclass(kind, KeyboardInterrupt):
                logger().critical("Unexpected error", exc_info=(kind, value, tb))
            if previous_hook is not None:
                previous_hook(kind, value, tb)

        excepthook._digitpad_log = True
        sys.excepthook = excepthook
    if not getattr(threading.excepthook, "_digitpad_log", False):
        previous_thread_hook = threading.excepthook

        def thread_excepthook(args):
            if args.exc_type is not SystemExit:
                name = args.thread.name if args.thread is not None else "?"
                logger().critical("Unexpected error in thread %s", name,
                                  exc_info=(args.exc_type, args.exc_value, args.exc_traceback))
            previous_thread_hook(args)

        thread_excepthook._digitpad_log = True
        threading.excepthook = thread_excepthook


def _start_window_log() -> None:
    global _crash_file
    import faulthandler
    import platform

    logger().info("DigitPad %s starting: Python %s, %s, %s%s", version(), platform.python_version(),
                  platform.platform(), "bundle" if getattr(sys, "frozen", False) else "from source",
                  f", QT_QPA_PLATFORM={os.environ['QT_QPA_PLATFORM']}" if os.environ.get("QT_QPA_PLATFORM") else "")
    try:
        crash = crash_path()
        crash.parent.mkdir(parents=True, exist_ok=True)
        if _crash_file is not None:
            _crash_file.close()
        _crash_file = open(crash, "a", encoding="utf-8")  # noqa: SIM115 - open for the whole run
        faulthandler.enable(file=_crash_file)
    except OSError:
        pass
