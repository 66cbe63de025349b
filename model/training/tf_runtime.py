"""Importing TensorFlow, once, the same way everywhere (training, personalising, downloading MNIST).

Only code that trains or downloads calls :func:`import_tensorflow`; starting the window and
``digitpad predict`` never do (a test checks it).

What the import does beyond ``import tensorflow``:

- Keeps TensorFlow's C++ start-up chatter (CUDA probing, CPU feature notes) off the terminal:
  it means nothing to a user, and absl writes it to file descriptor 2 directly, past Python's
  ``sys.stderr`` and ``TF_CPP_MIN_LOG_LEVEL``. Import errors still raise as usual.
- Keeps a GUI responsive while a worker thread imports. Python loads an extension module with
  the GIL held, and TensorFlow's first one pulls in libtensorflow_cc (1 GB) whose loading and
  static initialisers take 0.5-1.5 s; loading those libraries first through ctypes - a foreign
  call, made without the GIL - does the slow part while the GUI runs (Linux; best effort).
- Pauses the cyclic garbage collector for the import and then freezes everything imported
  (``gc.freeze``). TensorFlow and Keras add millions of objects, and every full collection
  walks them all - measured at 0.85 s during the import and 3.5 s during a later training on a
  busy machine, in whichever thread triggers it (the GUI's too). Module-level objects live for
  the whole process anyway; later collections only walk what was created afterwards.
"""
from __future__ import annotations

import gc
import os
import sys
import threading
import warnings
from contextlib import contextmanager
from pathlib import Path

__all__ = ["import_tensorflow", "quiet_stderr", "tensorflow_loaded"]

_lock = threading.Lock()
_frozen = False  # TensorFlow imported and frozen out of the garbage collector's reach


def tensorflow_loaded() -> bool:
    return "tensorflow" in sys.modules


def import_tensorflow():
    """``(keras, tf)``, importing them the first time (thread-safe; see the module docstring)."""
    global _frozen
    warnings.filterwarnings("ignore", message=r".*`shuffle=True` was passed.*")
    with _lock:
        if not _frozen:
            enabled = gc.isenabled()
            gc.disable()
            try:
                if not tensorflow_loaded():
                    with quiet_stderr():  # the libraries' static initialisers print (oneDNN's notice)
                        _preload_libraries()
                _quiet_import()
            finally:
                gc.freeze()
                _frozen = True
                if enabled:
                    gc.enable()
    import keras
    import tensorflow as tf

    return keras, tf


def _quiet_import() -> None:
    if tensorflow_loaded():
        return
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    with quiet_stderr():
        import keras  # noqa: F401
        import tensorflow as tf

        tf.config.list_physical_devices()  # the CUDA probe (and its error on CPU machines) runs here


@contextmanager
def quiet_stderr():
    """File descriptor 2 to the null device for the block (what C++ libraries write to directly)."""
    saved = None
    try:
        saved = os.dup(2)
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 2)
        os.close(devnull)
    except OSError:  # no fd 2 (a windowed executable): nothing to silence
        saved = None
    try:
        yield
    finally:
        if saved is not None:
            os.dup2(saved, 2)
            os.close(saved)


def _preload_libraries() -> None:
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes
        import importlib.util

        spec = importlib.util.find_spec("tensorflow")
        base = Path(spec.origin).parent if spec and spec.origin else None
        if base is None:
            return
        libc = ctypes.CDLL(None)
        dlopen = libc.dlopen
        dlopen.restype, dlopen.argtypes = ctypes.c_void_p, [ctypes.c_char_p, ctypes.c_int]
        for name in ("libtensorflow_framework.so.2", "libtensorflow_cc.so.2",
                     "python/lib_pywrap_tensorflow_common.so"):
            lib = base / name
            if lib.is_file():
                # RTLD_LOCAL: exactly how the extension's own dependency load would map it.
                dlopen(os.fsencode(lib), os.RTLD_NOW | os.RTLD_LOCAL)
    except Exception:  # noqa: BLE001 - an optimisation only
        pass
