"""DigitPad's window: Qt widgets, the training worker thread and the command line.

``PROCESS_START`` (a ``time.perf_counter()`` value) is when start-up began, for the self-test's
``startup_s``. Importing this package must stay cheap: nothing here imports Qt, NumPy or TensorFlow.
"""
import time

PROCESS_START = time.perf_counter()

import sys  # noqa: E402


def _pin_singletons() -> None:
    """Keep ``None``/``True``/``False`` alive whatever a C extension does to their reference counts.

    PySide6 6.12.0 returns these singletons without taking a reference (every void Qt call such as
    ``update()`` or ``processEvents()`` drops a reference to ``None``, every ``Signal.emit()`` one
    to ``True``), as if they were immortal. On CPython < 3.12 they are not, so after a few thousand
    calls - a minute of drawing - the interpreter aborts with "Fatal Python error: none_dealloc"
    (or bool_dealloc). Python 3.12+ makes them immortal; this does the same by giving them a
    reference count no program can exhaust. Harmless where the bug is absent; the real fix is to
    avoid PySide6 6.12.0 on Python 3.11.
    """
    if sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return
    import ctypes

    for obj in (None, True, False, Ellipsis, NotImplemented):
        ctypes.c_ssize_t.from_address(id(obj)).value += 1 << 40


_pin_singletons()
