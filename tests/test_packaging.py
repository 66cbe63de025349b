"""Fast checks of the PyInstaller packaging that need no bundle (and no PyInstaller).

build.spec is executed with stand-ins for PyInstaller's Analysis/PYZ/EXE/COLLECT/BUNDLE, so what
it would hand to PyInstaller can be checked in milliseconds. The bundle itself is built and
smoke-tested by .ci/run and measured by tests/benchmarks/bench_bundle.py.
"""
from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "build.spec"


class _Recorder:
    calls: dict[str, list] = {}

    def __init__(self, *args, **kwargs):
        self.args, self.kwargs = args, kwargs
        self.binaries, self.datas, self.pure, self.scripts = [], [], [], []
        _Recorder.calls.setdefault(type(self).__name__, []).append(self)


def _spec(platform: str | None = None, check_libraries: bool = False) -> dict:
    """build.spec's namespace after running it with stand-ins (without its check of this machine's
    system libraries, which tests/test_build_check.py tests on its own)."""
    classes = {name: type(name, (_Recorder,), {}) for name in ("Analysis", "PYZ", "EXE", "COLLECT", "BUNDLE")}
    _Recorder.calls = {}
    namespace = {"__file__": str(SPEC), "SPECPATH": str(ROOT), "DISTPATH": str(ROOT / "no-such-dist"), **classes}
    saved, skip = sys.platform, os.environ.get("DIGITPAD_SKIP_LIBRARY_CHECK")
    try:  # imported for this platform first: PyInstaller reads it once, at import
        import PyInstaller.utils.hooks  # noqa: F401
    except ImportError:
        pass
    try:
        if platform is not None:
            sys.platform = platform
        if check_libraries:
            os.environ.pop("DIGITPAD_SKIP_LIBRARY_CHECK", None)
        else:
            os.environ["DIGITPAD_SKIP_LIBRARY_CHECK"] = "1"
        exec(compile(SPEC.read_text(encoding="utf-8"), str(SPEC), "exec"), namespace)
    finally:
        sys.platform = saved
        if skip is None:
            os.environ.pop("DIGITPAD_SKIP_LIBRARY_CHECK", None)
        else:
            os.environ["DIGITPAD_SKIP_LIBRARY_CHECK"] = skip
    namespace["_calls"] = dict(_Recorder.calls)
    return namespace


@pytest.fixture(scope="module")
def spec() -> dict:
    return _spec()


def _one(spec: dict, name: str) -> _Recorder:
    calls = spec["_calls"].get(name, [])
    assert len(calls) == 1, f"build.spec should call {name} once, called it {len(calls)} times"
    return calls[0]


def test_spec_parses_and_builds_one_folder_digitpad(spec):
    analysis = _one(spec, "Analysis")
    script = Path(analysis.args[0][0])
    assert script.is_file() and script.is_relative_to(ROOT)
    exe, coll = _one(spec, "EXE"), _one(spec, "COLLECT")
    assert exe.kwargs["name"] == "digitpad" and coll.kwargs["name"] == "digitpad"
    assert exe.kwargs["exclude_binaries"] is True, "one folder, not one file (which unpacks TensorFlow at every start)"
    if sys.platform.startswith("linux") and os.environ.get("DIGITPAD_CONSOLE") is None:
        assert exe.kwargs["console"] is True, "on Linux `digitpad predict --json` must print to the terminal"
    for hook in analysis.kwargs["runtime_hooks"]:
        assert Path(hook).is_file()


def test_spec_is_windowed_on_windows_and_macos(monkeypatch):
    monkeypatch.delenv("DIGITPAD_CONSOLE", raising=False)
    for platform in ("win32", "darwin"):
        ns = _spec(platform)
        assert _one(ns, "EXE").kwargs["console"] is False
    assert "BUNDLE" in _spec("darwin")["_calls"] and "BUNDLE" not in _spec("win32")["_calls"]


def test_assets_land_under_assets_in_the_bundle(spec):
    datas = _one(spec, "Analysis").kwargs["datas"]
    in_bundle = {(Path(dest) / Path(src).name).as_posix() for src, dest in datas}
    for required in spec["REQUIRED_ASSETS"]:
        assert required in in_bundle
    assert {f"assets/samples/{p.name}" for p in (ROOT / "assets" / "samples").glob("*.json")} <= in_bundle
    # (plus, when PyInstaller is installed, DigitPad's own dist-info: app.logs.version() reads it)
    assert all(p.startswith("assets/")
               or p.startswith("digitpad") and p.split("/")[0].endswith((".dist-info", ".egg-info"))
               for p in in_bundle)


def test_every_app_and_model_module_is_a_hidden_import(spec):
    hidden = set(_one(spec, "Analysis").kwargs["hiddenimports"])
    for package in ("app", "model"):
        for path in (ROOT / package).glob("*.py"):
            name = package if path.stem == "__init__" else f"{package}.{path.stem}"
            assert name in hidden


def test_qt_modules_the_window_loads_are_in_the_bundle(spec):
    """Every PySide6 module that importing the window loads must be a hidden import: pyqtgraph
    imports QtOpenGL and QtOpenGLWidgets through importlib.import_module, which PyInstaller's
    analysis cannot see, and without them the bundle's window fails to open."""
    code = ("import sys, app.main_window, app.selftest, pyqtgraph; "
            "print(' '.join(sorted(m for m in sys.modules if m.startswith('PySide6.Qt'))))")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == 0, proc.stderr
    loaded = set(proc.stdout.split()) | {"PySide6.QtTest"}  # the self-test imports QtTest when it runs
    hidden = set(_one(spec, "Analysis").kwargs["hiddenimports"])
    assert {"PySide6.QtOpenGL", "PySide6.QtOpenGLWidgets"} <= loaded | hidden
    static = {"PySide6.QtCore", "PySide6.QtGui", "PySide6.QtWidgets", "PySide6.QtSvg", "PySide6.QtTest"}
    assert loaded <= hidden | static, f"add to build.spec's HIDDEN_IMPORTS: {sorted(loaded - hidden - static)}"
    assert not [m for m in hidden | loaded if _excluded(spec, m)]


def _excluded(spec: dict, module: str) -> bool:
    return any(module == e or module.startswith(e + ".") for e in spec["EXCLUDES"])


@pytest.mark.parametrize("module", [
    "tensorflow", "keras", "h5py", "ml_dtypes", "optree", "numpy", "PIL", "platformdirs", "pyqtgraph",
    "PySide6.QtCore", "PySide6.QtGui", "PySide6.QtWidgets", "PySide6.QtTest", "PySide6.QtSvg",
    "PySide6.QtOpenGL", "PySide6.QtOpenGLWidgets",  # `import pyqtgraph` imports them
    "certifi", "packaging", "app", "model", "sqlite3",
    "requests",  # tensorflow.python.distribute.failure_handling imports it on `import tensorflow`
])
def test_what_the_app_needs_is_not_excluded(spec, module):
    assert not _excluded(spec, module)


@pytest.mark.parametrize("module", [
    "scipy", "pandas", "sklearn", "matplotlib", "mlxtend", "jax", "torch", "tensorboard", "pytest",
    "tkinter", "PyQt5", "PyQt6", "pyqtgraph.opengl", "pyqtgraph.examples",
    "PySide6.QtQml", "PySide6.QtQuick", "PySide6.QtWebEngineCore", "PySide6.QtMultimedia",
    "PySide6.Qt3DCore", "PySide6.QtNetwork", "PySide6.QtPrintSupport", "grpc", "setuptools",
    "pkg_resources",
])
def test_heavy_unused_modules_are_excluded(spec, module):
    assert _excluded(spec, module)


# Declared dependencies of TensorFlow that it never imports for DigitPad: the window's self-test
# (import, one epoch of training, saving model.keras) passes with them made unimportable.
DECLARED_BUT_UNUSED = {"setuptools", "pkg_resources", "_distutils_hack", "distutils", "grpc"}


def _runtime_distributions() -> set[str]:
    """DigitPad's installed runtime dependencies, transitively (extras not included)."""
    from importlib import metadata

    from packaging.requirements import Requirement
    from packaging.utils import canonicalize_name

    seen, todo = set(), ["digitpad"]
    while todo:
        name = canonicalize_name(todo.pop())
        if name in seen:
            continue
        seen.add(name)
        try:
            requires = metadata.requires(name) or []
        except metadata.PackageNotFoundError:
            continue
        for text in requires:
            req = Requirement(text)
            if req.marker is None or req.marker.evaluate({"extra": ""}):
                todo.append(req.name)
    return seen


def test_excluded_modules_are_not_runtime_dependencies(spec):
    """A package DigitPad's dependencies declare is usually imported: `requests` looked optional,
    but `import tensorflow` imports it, and a bundle without it could not train."""
    from importlib import metadata

    from packaging.utils import canonicalize_name

    runtime = _runtime_distributions()
    assert "numpy" in runtime and "pyqtgraph" in runtime
    providers = metadata.packages_distributions()
    wrong = []
    for module in spec["EXCLUDES"]:
        top = module.split(".")[0]
        if module != top or top in DECLARED_BUT_UNUSED:
            continue
        dists = {canonicalize_name(d) for d in providers.get(top, [])}
        if dists & runtime:
            wrong.append(f"{module} (from {', '.join(sorted(dists & runtime))})")
    assert not wrong, "build.spec excludes modules of runtime dependencies: " + ", ".join(wrong)


def test_app_and_model_import_nothing_the_bundle_excludes(spec):
    """An `import scipy` in app/ or model/ would work from the venv and fail in the bundle."""
    found = []
    for path in sorted([*ROOT.glob("app/*.py"), *ROOT.glob("model/*.py")]):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            names = ([a.name for a in node.names] if isinstance(node, ast.Import)
                     else [node.module] if isinstance(node, ast.ImportFrom) and node.module and not node.level
                     else [])
            found += [f"{path.relative_to(ROOT)}:{node.lineno}: {n}" for n in names if _excluded(spec, n)]
    assert not found, "imports of modules build.spec leaves out of the bundle:\n" + "\n".join(found)


@pytest.mark.parametrize("dest, kept", [
    ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
    ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
    ("PySide6/Qt/plugins/platforms/libqwayland.so", True),
    ("PySide6/Qt/plugins/platforms/qwindows.dll", True),
    ("PySide6/Qt/plugins/platforms/libqcocoa.dylib", True),
    ("PySide6/Qt/plugins/platforms/libqeglfs.so", False),
    ("PySide6/Qt/plugins/platforms/libqvnc.so", False),
    ("PySide6/Qt/plugins/imageformats/libqjpeg.so", True),
    ("PySide6/Qt/plugins/imageformats/libqpdf.so", False),
    ("PySide6/Qt/plugins/styles/qmodernwindowsstyle.dll", True),
    ("PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so", False),
    ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", False),
    ("PySide6/Qt/plugins/xcbglintegrations/libqxcb-glx-integration.so", True),
    ("PySide6/Qt/lib/libQt6Widgets.so.6", True),
    ("PySide6/Qt/lib/libQt6Quick.so.6", False),
    ("PySide6/Qt/lib/libQt6Pdf.so.6", False),
    ("PySide6/Qt/lib/libQt6OpenGLWidgets.so.6", True),
    ("tensorflow/libtensorflow_cc.so.2", True),
    ("tensorflow/compiler/mlir/stablehlo/stablehlo_extension.so", False),
    ("PySide6/Qt/translations/qtbase_de.qm", True),  # Qt's dialog buttons in German (app/i18n.py)
    ("PySide6/Qt/translations/qt_de.qm", False),
    ("PySide6/Qt/translations/qtbase_fr.qm", False),
])
def test_qt_plugin_and_library_filter(spec, dest, kept):
    assert spec["_keep"]((dest, "/src/" + dest, "BINARY")) is kept


@pytest.mark.parametrize("module, dropped", [
    ("keras.src.layers.core.dense_test", True),
    ("tensorflow.python.ops.gen_math_ops", False),
    ("keras.src.testing", False),  # imported by keras itself
    ("h5py.tests.test_file", True),
    ("app.selftest", False),
])
def test_unit_test_modules_are_left_out(spec, module, dropped):
    assert spec["_is_test_module"](module) is dropped


def test_packaging_folder_is_not_a_python_package():
    """packaging/ next to the code must never shadow PyPA's `packaging` (PyInstaller and Keras use it)."""
    assert not (ROOT / "packaging" / "__init__.py").exists()


def test_runtime_hook_gives_a_windowed_app_somewhere_to_write():
    hook = ROOT / "packaging" / "rthook_digitpad.py"
    code = ("import sys, os; sys.stdout = None; sys.stderr = None; "
            f"exec(compile(open({str(hook)!r}, encoding='utf-8').read(), 'rthook', 'exec')); "
            "sys.stdout.write('x'); sys.stderr.write('y'); "
            "assert os.environ['KERAS_BACKEND'] == 'tensorflow'; "
            "assert sys.platform == 'win32' or os.path.isfile(os.environ['SSL_CERT_FILE'])")
    env = {k: v for k, v in os.environ.items() if k not in ("SSL_CERT_FILE", "SSL_CERT_DIR")}
    env["KERAS_BACKEND"] = "jax"
    proc = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr


def test_a_windowed_child_writes_its_events_to_the_pipe_its_parent_reads():
    """The window runs `digitpad train --events` with the bundle's (windowed) executable: its stdout
    is None in Python but a pipe in fact; the hook must hand the pipe back, not a sink. Without any
    handle (fd 1 closed) it gets the sink."""
    hook = ROOT / "packaging" / "rthook_digitpad.py"
    run_hook = f"exec(compile(open({str(hook)!r}, encoding='utf-8').read(), 'rthook', 'exec')); "
    code = "import sys, os; sys.stdout = None; " + run_hook + "print('{\"event\": \"status\"}', flush=True)"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0 and proc.stdout == '{"event": "status"}\n', proc.stderr
    code = "import sys, os; os.close(1); sys.stdout = None; " + run_hook + "print('lost'); sys.stdout.flush()"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr


def test_predict_works_without_stdout_or_stderr(tmp_path):
    """A windowed executable has sys.stdout = sys.stderr = None; the CLI must not crash on it."""
    code = ("import sys; sys.stdout = None; sys.stderr = None; from app.cli import main; "
            "rc = main(['predict', '--json', 'assets/samples/three.json']); "
            "rc2 = main(['predict', 'no-such-file.png']); "
            "import os; os.write(1, f'{rc} {rc2} {\"tensorflow\" in sys.modules}'.encode())")
    env = {**os.environ, "DIGITPAD_HOME": str(tmp_path)}
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == "0 1 False"


def test_pyside6_registers_its_own_qt_conf():
    """packaging/rthook_digitpad.py skips PyInstaller's qt.conf step (an eager QtCore import that
    cost every start 0.1 s) because PySide6's wheels register an embedded qt.conf themselves."""
    from PySide6 import QtCore

    assert QtCore.QFile.exists(":/qt/etc/qt.conf")


# ------------------------------------------------------------------------- the desktop: icon, entry
ICONS = ROOT / "assets" / "icons"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def _tool(name: str):
    import importlib.util

    spec = importlib.util.spec_from_file_location(name, ROOT / "tools" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_executable_has_the_icon_on_windows_and_macos(monkeypatch):
    monkeypatch.delenv("DIGITPAD_CONSOLE", raising=False)
    win = _one(_spec("win32"), "EXE").kwargs["icon"]
    assert win.endswith(".ico") and Path(win).is_file()
    mac = _spec("darwin")
    assert _one(mac, "EXE").kwargs["icon"].endswith(".icns") and Path(_one(mac, "EXE").kwargs["icon"]).is_file()
    assert _one(mac, "BUNDLE").kwargs["icon"].endswith(".icns")
    assert _one(mac, "BUNDLE").kwargs["info_plist"]["CFBundleShortVersionString"] == mac["VERSION"]


def test_the_icon_files_are_rendered_from_the_svg():
    """Every size a desktop asks for, square, not blank, and what tools/make_icons.py makes of
    the SVG today (so an edited SVG cannot ship with stale PNGs)."""
    import numpy as np
    from PIL import Image

    for size in ICON_SIZES:
        image = Image.open(ICONS / f"digitpad-{size}.png")
        assert image.size == (size, size) and image.mode == "RGBA"
        alpha = np.asarray(image)[..., 3]
        assert 0.6 < (alpha > 0).mean() < 1.0  # a rounded tile: corners transparent
    assert {s for s in Image.open(ICONS / "digitpad.ico").info["sizes"]} >= {(16, 16), (32, 32), (48, 48), (256, 256)}
    assert {(16, 16, 2), (32, 32, 2), (128, 128, 1), (512, 512, 1), (512, 512, 2)} <= set(
        Image.open(ICONS / "digitpad.icns").info["sizes"])
    proc = subprocess.run([sys.executable, str(ROOT / "tools" / "make_icons.py"), "--check"], cwd=ROOT,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}, capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_the_window_gets_the_icon_and_the_desktop_file_name(qapp):
    from app import appicon

    appicon.apply(qapp)
    sizes = {s.width() for s in qapp.windowIcon().availableSizes()}
    assert set(ICON_SIZES) <= sizes
    assert qapp.desktopFileName() == "digitpad"


def _desktop_entry(path: Path) -> dict[str, str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "[Desktop Entry]"
    return dict(line.split("=", 1) for line in lines[1:] if line and not line.startswith("#"))


def test_the_desktop_entry(spec):
    entry = _desktop_entry(ROOT / "packaging" / "digitpad.desktop")
    assert entry["Type"] == "Application" and entry["Name"] == "DigitPad"
    assert entry["Icon"] == "digitpad" == entry["StartupWMClass"]
    assert entry["Exec"] == "digitpad" and entry["Terminal"] == "false"
    assert entry["Categories"].endswith(";")
    validate = shutil.which("desktop-file-validate")
    if validate:
        proc = subprocess.run([validate, str(ROOT / "packaging" / "digitpad.desktop")], capture_output=True, text=True)
        assert proc.returncode == 0 and not proc.stdout.strip(), proc.stdout
    # ... and it goes into the Linux bundle with its icon and the script that installs both.
    for name, source in spec["LINUX_DESKTOP_FILES"].items():
        assert (ROOT / source).is_file(), name


def _unquote_exec(value: str) -> list[str]:
    """The Desktop Entry spec's Exec= parsing: string escapes first, then quoted arguments."""
    value = value.replace("\\\\", "\\")
    args, current, quoted, i = [], "", False, 0
    while i < len(value):
        c = value[i]
        if quoted and c == "\\" and i + 1 < len(value) and value[i + 1] in '"`$\\':
            current += value[i + 1]
            i += 2
            continue
        if c == '"':
            quoted = not quoted
        elif c == " " and not quoted:
            args.append(current)
            current = ""
        else:
            current += c
        i += 1
    return [*args, current] if current else args


@pytest.mark.skipif(not sys.platform.startswith("linux") or not shutil.which("sh"), reason="a Linux script")
def test_install_desktop_entry_points_the_menu_at_this_folder(tmp_path):
    folder = tmp_path / 'Dïgit $Pad "v1" 100%'
    (folder / "_internal" / "assets" / "icons").mkdir(parents=True)
    for name in ("digitpad.desktop", "install-desktop-entry.sh"):
        shutil.copy(ROOT / "packaging" / name, folder / name)
    for size in ICON_SIZES:
        shutil.copy(ICONS / f"digitpad-{size}.png", folder / "_internal" / "assets" / "icons")
    (folder / "digitpad").write_text("#!/bin/sh\n", encoding="utf-8")
    (folder / "digitpad").chmod(0o755)
    data = tmp_path / "data"
    env = {**os.environ, "XDG_DATA_HOME": str(data), "HOME": str(tmp_path)}
    proc = subprocess.run(["sh", str(folder / "install-desktop-entry.sh")], env=env, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    entry = _desktop_entry(data / "applications" / "digitpad.desktop")
    assert _unquote_exec(entry["Exec"].replace("%%", "%")) == [str(folder / "digitpad")]
    assert entry["TryExec"] == str(folder / "digitpad") and entry["Icon"] == "digitpad"
    for size in ICON_SIZES:
        assert (data / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "digitpad.png").is_file()
    proc = subprocess.run(["sh", str(folder / "install-desktop-entry.sh"), "--uninstall"], env=env,
                          capture_output=True, text=True)
    assert proc.returncode == 0 and not (data / "applications" / "digitpad.desktop").exists()
    assert not list((data / "icons").rglob("*.png")) and (folder / "digitpad").is_file()


# ------------------------------------------------------------------- the release archive, ldd check
def _fake_bundle(tmp_path: Path) -> Path:
    bundle = tmp_path / "dist" / "digitpad"
    (bundle / "_internal" / "assets").mkdir(parents=True)
    shutil.copy(shutil.which("true") or "/bin/true", bundle / "digitpad")
    (bundle / "_internal" / "assets" / "data.txt").write_text("x", encoding="utf-8")
    (bundle / "_internal" / "link.txt").symlink_to("assets/data.txt")
    for name in ("digitpad.desktop", "install-desktop-entry.sh"):
        shutil.copy(ROOT / "packaging" / name, bundle / name)
    shutil.copy(ICONS / "digitpad-256.png", bundle / "digitpad.png")
    return bundle


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the Linux release")
def test_the_release_archive_is_one_versioned_folder(tmp_path):
    import tarfile
    import tomllib

    archive = _tool("make_release_archive")
    version = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    path = archive.make(_fake_bundle(tmp_path), tmp_path / "out")
    assert path.name == f"digitpad-{version}-linux-{os.uname().machine}.tar.gz"
    with tarfile.open(path) as tar:
        members = {m.name: m for m in tar.getmembers()}
    top = f"digitpad-{version}"
    assert all(name == top or name.startswith(top + "/") for name in members)
    assert members[f"{top}/digitpad"].mode & 0o111 and members[f"{top}/install-desktop-entry.sh"].mode & 0o111
    assert members[f"{top}/_internal/link.txt"].issym() and members[f"{top}/digitpad"].uid == 0
    assert {f"{top}/digitpad.desktop", f"{top}/digitpad.png"} <= set(members)


def _patched_copy(source: Path, target: Path, old: bytes, new: bytes) -> Path:
    data = source.read_bytes()
    assert len(old) == len(new) and data.count(old + b"\0") == 1
    target.write_bytes(data.replace(old + b"\0", new + b"\0"))
    return target


@pytest.mark.skipif(not sys.platform.startswith("linux") or not shutil.which("ldd"), reason="ldd is Linux's")
def test_the_ldd_check_names_what_a_bundle_lacks(tmp_path):
    """A bundle built where libxcb-icccm4 was missing: Qt's xcb library links a library the bundle
    does not hold. Simulated with a copy of a real Qt library whose needed libxcb-icccm.so.4 is
    renamed to one no machine has, and with a system library bundled without what it needs."""
    from app.platform_check import qt_platforms_dir

    check_bundle_libs = _tool("check_bundle_libs")
    bundle = _fake_bundle(tmp_path)
    assert check_bundle_libs.check(bundle)[0] == []  # `true` needs glibc only: from the system
    qt_lib = qt_platforms_dir({}).parent.parent / "lib"
    _patched_copy(qt_lib / "libQt6XcbQpa.so.6", bundle / "_internal" / "libQt6XcbQpa.so.6",
                  b"libxcb-icccm.so.4", b"libxcb-icccm.so.9")
    problems, summary = check_bundle_libs.check(bundle)
    text = "\n".join(problems)
    assert "libQt6XcbQpa.so.6 needs libxcb-icccm.so.9: not found" in text
    assert "libQt6Core.so.6" in text  # Qt's core is not in this fake bundle either
    assert "libxcb.so.1" in summary["system_libraries_used"]  # on the documented list: fine
    assert not any("needs libxcb.so.1" in p or "needs libc.so.6" in p for p in problems)


def test_the_system_library_list_is_short_and_excludes_qts_needs(spec):
    import re

    allowed = [re.compile(p) for p in spec["SYSTEM_LIBRARIES"]]

    def system(name):
        return any(p.fullmatch(name) for p in allowed)

    for name in ("libc.so.6", "ld-linux-x86-64.so.2", "libGL.so.1", "libEGL.so.1", "libxcb.so.1",
                 "libwayland-client.so.0", "libz.so.1"):
        assert system(name), name
    for name in ("libxcb-icccm.so.4", "libxcb-keysyms.so.1", "libxcb-cursor.so.0", "libxkbcommon-x11.so.0",
                 "libxkbcommon.so.0", "libfontconfig.so.1", "libX11.so.6", "libQt6Gui.so.6", "libstdc++.so.6"):
        assert not system(name), name


BUNDLE = ROOT / "dist" / "digitpad"
needs_bundle = pytest.mark.skipif(not (BUNDLE / "digitpad").is_file() or not sys.platform.startswith("linux"),
                                  reason="no bundle in dist/digitpad (pyinstaller build.spec; .ci/run builds one)")


@needs_bundle
def test_the_bundle_carries_every_library_but_the_documented_system_ones():
    problems, summary = _tool("check_bundle_libs").check(BUNDLE)
    assert problems == [], "\n".join(problems)
    assert summary["files"] > 100


@needs_bundle
def test_the_bundle_has_the_desktop_files_and_icon():
    for name in ("digitpad.desktop", "digitpad.png", "install-desktop-entry.sh"):
        assert (BUNDLE / name).is_file(), name
    assert os.access(BUNDLE / "install-desktop-entry.sh", os.X_OK)
    assert (BUNDLE / "_internal" / "assets" / "icons" / "digitpad-512.png").is_file()


# ------------------------------------------------------------------- the build's library check
def _lacking(*sonames):
    """A stand-in for the loader (app.platform_check._dlopen_error) of a machine without ``sonames``."""
    def load(name):
        return f"{name}: cannot open shared object file: No such file or directory" \
            if Path(name).name in sonames else None
    return load


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux's system libraries")
def test_the_build_stops_at_once_naming_the_libraries_it_would_lack(monkeypatch):
    """A machine without Qt's xcb helpers would build a bundle that aborts on a bare desktop: the
    spec stops before PyInstaller's analysis, naming them with each family's install command."""
    import app.platform_check

    monkeypatch.setattr(app.platform_check, "_dlopen_error", _lacking("libxcb-icccm.so.4", "libxcb-keysyms.so.1"))
    with pytest.raises(SystemExit) as stop:
        _spec(check_libraries=True)
    message = str(stop.value)
    assert "libxcb-icccm.so.4" in message and "libxcb-keysyms.so.1" in message
    assert "sudo apt install libxcb-icccm4 libxcb-keysyms1" in message
    assert "sudo dnf install xcb-util-wm xcb-util-keysyms" in message
    assert "sudo pacman -S --needed xcb-util-wm xcb-util-keysyms" in message
    assert "Analysis" not in _Recorder.calls  # stopped before the analysis (minutes) began


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux's system libraries")
def test_libraries_the_users_system_provides_do_not_stop_the_build(monkeypatch):
    """libxcb and the Wayland client libraries stay out of the bundle by design (SYSTEM_LIBRARIES);
    a build machine without them still makes a good bundle. Nothing missing: the spec goes on."""
    import app.platform_check

    monkeypatch.setattr(app.platform_check, "_dlopen_error", _lacking("libxcb.so.1", "libwayland-cursor.so.0"))
    assert "Analysis" in _spec(check_libraries=True)["_calls"]
    monkeypatch.setattr(app.platform_check, "_dlopen_error", _lacking())
    assert _spec(check_libraries=True)["missing_system_libraries"]() == []


def test_the_readme_build_section_lists_the_libraries_the_bundle_carries():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    build = readme[readme.index("Build it yourself"):]
    build = build[:build.index("\n## ")]
    for package in ("libxcb-cursor0", "libxcb-icccm4", "libxcb-keysyms1", "libxkbcommon-x11-0",  # apt
                    "xcb-util-wm", "xcb-util-keysyms", "libxkbcommon-x11"):  # dnf, pacman
        assert package in build, package
    assert "sudo apt install" in build and "sudo dnf install" in build and "sudo pacman -S" in build
