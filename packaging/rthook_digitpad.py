"""PyInstaller runtime hook: runs inside the bundle before ``app`` is imported.

- Keras must use the TensorFlow backend: JAX and PyTorch are not in the bundle, so a
  ``KERAS_BACKEND`` left in the user's environment must not send Keras looking for them.
- A windowed executable (Windows/macOS, ``console=False``) may start with ``sys.stdout`` and
  ``sys.stderr`` set to ``None``. When its parent gave it pipes anyway (the window runs
  ``digitpad train --events`` and ``personalize --events`` with the bundle's own executable and
  reads their stdout), those are used; else DigitPad's own code checks for ``None``, but a
  third-party ``sys.stderr.write`` (a warning, a log handler, a progress bar) would raise: give
  them a sink.
- PyInstaller's own PySide6 runtime hook (it runs after this one) imports QtCore on every start,
  only to register an embedded qt.conf if the Qt bindings have none. PySide6's wheels register
  their own when QtCore loads, so that import only costs `digitpad predict` (which never touches
  Qt) 0.1 s: make the step a no-op. Its other work (QT_PLUGIN_PATH etc.) still happens.
- HTTPS (the Train tab's MNIST download) needs CA certificates. The bundled OpenSSL looks where
  the build machine's distribution keeps them (Debian: /usr/lib/ssl), which on another distribution
  may not exist, and on macOS it does not read the keychain: point it at the system's CA file, or
  at the bundled certifi one when there is none.
"""
import os
import sys

os.environ["KERAS_BACKEND"] = "tensorflow"

_stream = None
for _fd, _name in ((1, "stdout"), (2, "stderr")):
    if getattr(sys, _name) is None:
        try:
            os.fstat(_fd)  # a handle the parent passed: a pipe it reads
            _stream = open(_fd, "w", encoding="utf-8", errors="replace", closefd=False)
        except OSError:
            _stream = open(os.devnull, "w", encoding="utf-8")
        setattr(sys, _name, _stream)


def _qt_conf_from_the_wheel() -> None:
    try:
        from _pyi_rth_utils import qt  # PyInstaller's helpers for its Qt runtime hooks
    except ImportError:  # another PyInstaller: its hook runs unchanged, only slower
        return
    if hasattr(qt, "create_embedded_qt_conf"):
        qt.create_embedded_qt_conf = lambda qt_bindings, prefix_path: None


_qt_conf_from_the_wheel()


# The system's CA bundle where the common Linux distributions and macOS keep it.
_SYSTEM_CA_FILES = (
    "/etc/ssl/certs/ca-certificates.crt",  # Debian, Ubuntu, Arch, Gentoo
    "/etc/pki/tls/certs/ca-bundle.crt",  # Fedora, RHEL
    "/etc/ssl/ca-bundle.pem",  # openSUSE
    "/etc/ssl/cert.pem",  # macOS, Alpine
)


def _ca_certificates() -> None:
    """Point OpenSSL at the system's CA bundle, else at certifi's. Checked with a few stat calls:
    importing ssl here would cost every start (and `predict`) some 20 ms."""
    if os.environ.get("SSL_CERT_FILE") or os.environ.get("SSL_CERT_DIR") or sys.platform == "win32":
        return  # the user's choice; Windows reads the system certificate store anyway
    for path in _SYSTEM_CA_FILES:
        if os.path.isfile(path):
            os.environ["SSL_CERT_FILE"] = path
            return
    bundled = os.path.join(getattr(sys, "_MEIPASS", ""), "certifi", "cacert.pem")
    if os.path.isfile(bundled):
        os.environ["SSL_CERT_FILE"] = bundled


_ca_certificates()
del _fd, _name, _stream, _ca_certificates, _SYSTEM_CA_FILES, _qt_conf_from_the_wheel
