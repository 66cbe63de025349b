"""app.platform_check: before Qt starts, a missing X library is named with the command that
installs it, and `digitpad` exits with that message instead of Qt aborting the process.

A missing library is simulated for real: a copy of Qt's libQt6XcbQpa.so.6 whose DT_NEEDED entry
libxcb-icccm.so.4 is renamed libxcb-icccm.so.9 (same length, so the ELF stays valid), beside
links to the rest of PySide6's Qt, and QT_QPA_PLATFORM_PLUGIN_PATH pointing Qt (and the check)
at it. Without the check, Qt would try that plugin and abort.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

from app import platform_check as pc

REAL_PLATFORMS = pc.qt_platforms_dir({})
pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux") or REAL_PLATFORMS is None
                                or not (REAL_PLATFORMS / "libqxcb.so").is_file(),
                                reason="Qt's xcb plugin is Linux-only")
MISSING = "libxcb-icccm.so.9"


def _fake_qt(tmp_path: Path, rename: tuple[bytes, bytes] | None = (b"libxcb-icccm.so.4", MISSING.encode())) -> Path:
    """A Qt tree under tmp_path: links to PySide6's Qt/lib files and the xcb plugin, except
    libQt6XcbQpa.so.6, a copy with one needed library renamed. Returns its platforms folder."""
    real_qt = REAL_PLATFORMS.parent.parent
    lib = tmp_path / "Qt" / "lib"
    platforms = tmp_path / "Qt" / "plugins" / "platforms"
    lib.mkdir(parents=True)
    platforms.mkdir(parents=True)
    for path in (real_qt / "lib").iterdir():
        if path.name != "libQt6XcbQpa.so.6":
            (lib / path.name).symlink_to(path)
    data = (real_qt / "lib" / "libQt6XcbQpa.so.6").read_bytes()
    if rename is not None:
        old, new = rename
        assert len(old) == len(new) and data.count(old + b"\0") == 1
        data = data.replace(old + b"\0", new + b"\0")
    (lib / "libQt6XcbQpa.so.6").write_bytes(data)
    (platforms / "libqxcb.so").symlink_to(REAL_PLATFORMS / "libqxcb.so")
    (platforms / "libqoffscreen.so").symlink_to(REAL_PLATFORMS / "libqoffscreen.so")
    return platforms


def _os_release(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "os-release"
    path.write_text(text, encoding="utf-8")
    return path


def _xcb_works_here() -> bool:
    return not pc.missing_libraries(REAL_PLATFORMS / "libqxcb.so")


def test_the_xcb_plugin_is_read_as_elf():
    needed, runpath = pc.elf_dependencies(REAL_PLATFORMS / "libqxcb.so")
    assert "libQt6XcbQpa.so.6" in needed and "libc.so.6" in needed
    assert any("$ORIGIN" in p for p in runpath)
    needed, _ = pc.elf_dependencies(REAL_PLATFORMS.parent.parent / "lib" / "libQt6XcbQpa.so.6")
    assert {"libxcb-icccm.so.4", "libxcb-keysyms.so.1", "libxkbcommon-x11.so.0"} <= set(needed)


def test_a_missing_library_is_named_with_the_apt_command(tmp_path):
    platforms = _fake_qt(tmp_path)
    assert MISSING in pc.missing_libraries(platforms / "libqxcb.so")
    error = pc.check({"DISPLAY": ":0"}, platforms_dir=platforms,
                     os_release=_os_release(tmp_path, 'NAME="Ubuntu"\nID=ubuntu\nID_LIKE=debian\n'))
    assert isinstance(error, pc.PlatformError)
    text = str(error)
    assert MISSING in text and "xcb" in text
    assert "sudo apt install libxcb-icccm4" in text
    assert "dnf" not in text  # the user's own distribution only


@pytest.mark.parametrize("os_release, command", [
    ("ID=fedora\n", "sudo dnf install xcb-util-wm"),
    ("ID=arch\n", "sudo pacman -S --needed xcb-util-wm"),
    ('ID="manjaro"\nID_LIKE=arch\n', "sudo pacman -S --needed xcb-util-wm"),
    ("ID=debian\n", "sudo apt install libxcb-icccm4"),
])
def test_the_command_fits_the_distribution(tmp_path, os_release, command):
    error = pc.check({"DISPLAY": ":0"}, platforms_dir=_fake_qt(tmp_path), os_release=_os_release(tmp_path, os_release))
    assert command in str(error)


def test_an_unknown_distribution_gets_all_three_commands(tmp_path):
    error = pc.check({"DISPLAY": ":0"}, platforms_dir=_fake_qt(tmp_path),
                     os_release=_os_release(tmp_path, "ID=opensuse-tumbleweed\n"))
    text = str(error)
    for command in ("sudo apt install libxcb-icccm4", "sudo dnf install xcb-util-wm",
                    "sudo pacman -S --needed xcb-util-wm"):
        assert command in text


def test_every_library_qt_xcb_links_has_a_package():
    """Whatever the real plugin (and Qt's libraries it loads) link outside Qt must map to a
    package in each family, or the message could name a library but no command."""
    real_qt_lib = REAL_PLATFORMS.parent.parent / "lib"
    names = set()
    for path in (REAL_PLATFORMS / "libqxcb.so", REAL_PLATFORMS / "libqwayland.so", real_qt_lib / "libQt6XcbQpa.so.6",
                 real_qt_lib / "libQt6Gui.so.6", real_qt_lib / "libQt6Core.so.6", real_qt_lib / "libQt6Widgets.so.6",
                 real_qt_lib / "libQt6WaylandClient.so.6"):
        names |= set(pc.elf_dependencies(path)[0])
    glibc = ("libc.so", "libm.so", "libdl.so", "libpthread.so", "librt.so", "ld-linux")
    outside = {n for n in names if not n.startswith(("libQt6", "libicu")) and not n.startswith(glibc)}
    assert {"libxcb-icccm.so.4", "libxcb-cursor.so.0", "libxkbcommon-x11.so.0"} <= outside
    for name in outside:
        commands = pc.install_commands([name])
        assert set(commands) == {"debian", "fedora", "arch"}, name


@pytest.mark.parametrize("env, platforms", [
    ({}, ["xcb"]),
    ({"QT_QPA_PLATFORM": "offscreen"}, ["offscreen"]),
    ({"QT_QPA_PLATFORM": "wayland;xcb"}, ["wayland", "xcb"]),
    ({"QT_QPA_PLATFORM": "xcb:nomitshm"}, ["xcb"]),
    ({"XDG_SESSION_TYPE": "wayland"}, ["wayland", "xcb"]),
    ({"XDG_SESSION_TYPE": "x11"}, ["xcb"]),
])
def test_requested_platforms(env, platforms):
    assert pc.requested_platforms(env) == platforms


def test_offscreen_is_never_blocked(tmp_path):
    assert pc.check({"QT_QPA_PLATFORM": "offscreen"}, platforms_dir=_fake_qt(tmp_path)) is None
    assert pc.check({"QT_QPA_PLATFORM": "xcb;offscreen", "DISPLAY": ":0"},
                    platforms_dir=_fake_qt(tmp_path / "b")) is None


@pytest.fixture
def x_display():
    """A real X server (Xvfb) for the test, or skip."""
    import shutil
    import time

    if not shutil.which("Xvfb"):
        pytest.skip("no Xvfb (Debian: apt install xvfb)")
    number = next(n for n in range(140, 200) if not os.path.exists(f"/tmp/.X11-unix/X{n}"))
    server = subprocess.Popen(["Xvfb", f":{number}", "-nolisten", "tcp"], stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 20
        while not pc.x_display_answers(f":{number}") and time.monotonic() < deadline:
            time.sleep(0.05)
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(10)


def test_a_working_xcb_passes_and_a_missing_display_is_explained(tmp_path, x_display):
    if not _xcb_works_here():
        pytest.skip("this machine lacks Qt's xcb libraries (.ci/run installs them)")
    platforms = _fake_qt(tmp_path, rename=None)
    (platforms / "libqwayland.so").symlink_to(REAL_PLATFORMS / "libqwayland.so")
    assert pc.check({"DISPLAY": x_display}, platforms_dir=platforms) is None
    error = pc.check({}, platforms_dir=platforms)
    assert error is not None and "DISPLAY is not set" in str(error) and "QT_QPA_PLATFORM" in str(error)
    gone = f":{int(x_display[1:]) + 1}" if not os.path.exists(f"/tmp/.X11-unix/X{int(x_display[1:]) + 1}") else ":199"
    error = pc.check({"DISPLAY": gone}, platforms_dir=platforms)
    assert error is not None and f"the X display {gone} does not answer" in str(error)
    # A Wayland session without a Wayland display, but with XWayland: xcb is used, no error.
    wayland_env = {"XDG_SESSION_TYPE": "wayland", "DISPLAY": x_display, "XDG_RUNTIME_DIR": str(tmp_path)}
    assert pc.check(wayland_env, platforms_dir=platforms) is None
    error = pc.check({**wayland_env, "DISPLAY": gone}, platforms_dir=platforms)
    assert "wayland" in str(error) and "wayland-0" in str(error) and gone in str(error)


def test_a_stale_display_exits_with_a_message_not_a_core_dump(tmp_path):
    """DISPLAY names an X server that is gone (a closed session, ssh without forwarding): Qt would
    print "could not connect to display" and abort."""
    if not _xcb_works_here():
        pytest.skip("this machine lacks Qt's xcb libraries (.ci/run installs them)")
    number = next(n for n in range(170, 200) if not os.path.exists(f"/tmp/.X11-unix/X{n}"))
    proc = _run_app(tmp_path, REAL_PLATFORMS, display=f":{number}")
    assert proc.returncode == 1, (proc.returncode, proc.stderr[-2000:])
    assert f"the X display :{number} does not answer" in proc.stderr


def _run_app(tmp_path, platforms: Path, *args: str, display: str = ":99") -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY", "XDG_SESSION_TYPE")}
    env.update(QT_QPA_PLATFORM_PLUGIN_PATH=str(platforms), DISPLAY=display, PYTHONPATH=str(ROOT),
               DIGITPAD_HOME=str(tmp_path / "home"))
    return subprocess.run([sys.executable, "-m", "app", *args], cwd=tmp_path, env=env, capture_output=True,
                          text=True, timeout=120)


def test_digitpad_exits_with_the_message_instead_of_a_core_dump(tmp_path):
    proc = _run_app(tmp_path, _fake_qt(tmp_path))
    assert proc.returncode == 1, (proc.returncode, proc.stderr[-2000:])  # not -6 (SIGABRT)
    assert f"digitpad: Qt's xcb platform needs {MISSING}" in proc.stderr
    assert "libxcb-icccm4" in proc.stderr  # the package, in whichever family's command
    assert "Could not load the Qt platform plugin" not in proc.stderr
    log = (tmp_path / "home" / "logs" / "digitpad.log").read_text(encoding="utf-8")
    assert MISSING in log  # what a user would send


def test_the_self_test_reports_the_missing_library_in_its_json(tmp_path):
    proc = _run_app(tmp_path, _fake_qt(tmp_path), "--self-test")
    assert proc.returncode == 1, proc.stderr[-2000:]
    report = json.loads(proc.stdout.strip().splitlines()[-1])
    assert report["ok"] is False and report["platform"] is None
    assert any(MISSING in e and "libxcb-icccm4" in e for e in report["errors"]), report
