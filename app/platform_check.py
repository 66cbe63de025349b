"""Before the window opens: can Qt load the platform plugin it is going to use?

On a bare Linux desktop Qt's ``xcb`` plugin needs X client libraries that PySide6's wheel does not
carry (``libxcb-icccm.so.4``, ``libxcb-keysyms.so.1``, ``libxcb-cursor.so.0`` ...). When one is
missing Qt prints "Could not load the Qt platform plugin" and *aborts the process* (a core dump),
which no Python code can catch. :func:`check` finds that out first, without importing Qt: it reads
the plugin's ELF dependencies (and those of the Qt libraries it pulls in), asks the system's
dynamic loader for each of them, and returns a :class:`PlatformError` whose message names the
missing libraries and the command that installs them on Debian/Ubuntu, Fedora and Arch.

Only the window needs this (``digitpad`` with no command, and ``--self-test``); the other commands
never load a platform plugin. A platform that needs no system libraries (``offscreen``,
``minimal``) or one that works (``wayland`` on a Wayland desktop) is never blocked because
``xcb`` would have failed. Elsewhere than Linux the check does nothing.
"""
from __future__ import annotations

import ctypes
import mmap
import os
import re
import struct
import sys
from dataclasses import dataclass, field
from pathlib import Path

from model.errors import DigitPadError

__all__ = ["PlatformError", "PlatformProblem", "check", "missing_libraries", "qt_platforms_dir",
           "requested_platforms", "install_commands", "x_display_answers", "distro_family", "PACKAGES"]

# Platforms that load no windowing-system libraries: nothing to check, and always usable.
SELF_CONTAINED = {"offscreen", "minimal", "minimalegl", "linuxfb", "vnc", "eglfs", "vkkhrdisplay"}
PLUGIN_FILES = {"xcb": "libqxcb.so", "wayland": "libqwayland.so"}

# The system package that provides each library (by the name before ".so"), per distribution
# family: Debian/Ubuntu (apt), Fedora/RHEL (dnf), Arch (pacman). Qt's "Qt for X11 Requirements"
# list plus what Qt's GUI libraries and the Wayland plugin link.
PACKAGES: dict[str, tuple[str, str, str]] = {
    "libxcb": ("libxcb1", "libxcb", "libxcb"),
    "libxcb-cursor": ("libxcb-cursor0", "xcb-util-cursor", "xcb-util-cursor"),
    "libxcb-icccm": ("libxcb-icccm4", "xcb-util-wm", "xcb-util-wm"),
    "libxcb-image": ("libxcb-image0", "xcb-util-image", "xcb-util-image"),
    "libxcb-keysyms": ("libxcb-keysyms1", "xcb-util-keysyms", "xcb-util-keysyms"),
    "libxcb-render-util": ("libxcb-render-util0", "xcb-util-renderutil", "xcb-util-renderutil"),
    "libxcb-util": ("libxcb-util1", "xcb-util", "xcb-util"),
    "libxcb-randr": ("libxcb-randr0", "libxcb", "libxcb"),
    "libxcb-render": ("libxcb-render0", "libxcb", "libxcb"),
    "libxcb-shape": ("libxcb-shape0", "libxcb", "libxcb"),
    "libxcb-shm": ("libxcb-shm0", "libxcb", "libxcb"),
    "libxcb-sync": ("libxcb-sync1", "libxcb", "libxcb"),
    "libxcb-xfixes": ("libxcb-xfixes0", "libxcb", "libxcb"),
    "libxcb-xinerama": ("libxcb-xinerama0", "libxcb", "libxcb"),
    "libxcb-xinput": ("libxcb-xinput0", "libxcb", "libxcb"),
    "libxcb-xkb": ("libxcb-xkb1", "libxcb", "libxcb"),
    "libxcb-glx": ("libxcb-glx0", "libxcb", "libxcb"),
    "libX11": ("libx11-6", "libX11", "libx11"),
    "libX11-xcb": ("libx11-xcb1", "libX11-xcb", "libx11"),
    "libXau": ("libxau6", "libXau", "libxau"),
    "libXdmcp": ("libxdmcp6", "libXdmcp", "libxdmcp"),
    "libXrender": ("libxrender1", "libXrender", "libxrender"),
    "libxkbcommon": ("libxkbcommon0", "libxkbcommon", "libxkbcommon"),
    "libxkbcommon-x11": ("libxkbcommon-x11-0", "libxkbcommon-x11", "libxkbcommon-x11"),
    "libGL": ("libgl1", "libglvnd-glx", "libglvnd"),
    "libGLX": ("libglx0", "libglvnd-glx", "libglvnd"),
    "libOpenGL": ("libopengl0", "libglvnd-opengl", "libglvnd"),
    "libGLdispatch": ("libglvnd0", "libglvnd", "libglvnd"),
    "libEGL": ("libegl1", "libglvnd-egl", "libglvnd"),
    "libfontconfig": ("libfontconfig1", "fontconfig", "fontconfig"),
    "libfreetype": ("libfreetype6", "freetype", "freetype2"),
    "libglib-2.0": ("libglib2.0-0", "glib2", "glib2"),
    "libgthread-2.0": ("libglib2.0-0", "glib2", "glib2"),
    "libdbus-1": ("libdbus-1-3", "dbus-libs", "dbus"),
    "libwayland-client": ("libwayland-client0", "libwayland-client", "wayland"),
    "libwayland-cursor": ("libwayland-cursor0", "libwayland-cursor", "wayland"),
    "libwayland-egl": ("libwayland-egl1", "libwayland-egl", "wayland"),
    "libz": ("zlib1g", "zlib", "zlib"),
    "libzstd": ("libzstd1", "libzstd", "zstd"),
    "libstdc++": ("libstdc++6", "libstdc++", "gcc-libs"),
    "libgcc_s": ("libgcc-s1", "libgcc", "gcc-libs"),
}
FAMILIES = ("debian", "fedora", "arch")
_INSTALL = {"debian": "sudo apt install", "fedora": "sudo dnf install", "arch": "sudo pacman -S --needed"}
_LABEL = {"debian": "Debian/Ubuntu", "fedora": "Fedora", "arch": "Arch"}


class PlatformError(DigitPadError):
    """Qt could not open a window here; the message says which libraries to install."""

    title = "DigitPad cannot open its window"


@dataclass
class PlatformProblem:
    """Why one platform plugin would fail: missing libraries (sonames) or another reason."""

    platform: str
    missing: list[str] = field(default_factory=list)
    reason: str = ""


# ------------------------------------------------------------------------------------ the check
def check(env: dict | None = None, *, platforms_dir: Path | None = None,
          os_release: Path = Path("/etc/os-release")) -> PlatformError | None:
    """``None`` when the platform Qt will pick can load (or this is not Linux), else the error
    to show. ``env`` defaults to ``os.environ``; ``platforms_dir`` to Qt's platform plugins."""
    if not sys.platform.startswith("linux"):
        return None
    env = os.environ if env is None else env
    if platforms_dir is None:
        platforms_dir = qt_platforms_dir(env)
    if platforms_dir is None:  # PySide6 is not installed: importing it will say so
        return None
    problems = []
    for name in requested_platforms(env):
        problem = _platform_problem(name, env, platforms_dir)
        if problem is None:
            return None
        problems.append(problem)
    message, hint = _message(problems, distro_family(os_release))
    return PlatformError(message, hint=hint)


def requested_platforms(env) -> list[str]:
    """The platform plugins Qt will try, in order (``QT_QPA_PLATFORM`` is a ';'-separated list,
    each name optionally followed by ':options'). Without it Qt uses xcb, trying Wayland first
    in a Wayland session (as QGuiApplication does with ``XDG_SESSION_TYPE``)."""
    value = env.get("QT_QPA_PLATFORM", "").strip()
    if value:
        return [part.split(":", 1)[0].strip() for part in value.split(";") if part.strip()]
    if env.get("XDG_SESSION_TYPE", "").lower() == "wayland":
        return ["wayland", "xcb"]
    return ["xcb"]


def _platform_problem(name: str, env, platforms_dir: Path) -> PlatformProblem | None:
    if name in SELF_CONTAINED or name not in PLUGIN_FILES:
        return None  # nothing we know to check: let Qt try
    if name == "wayland" and not env.get("WAYLAND_SOCKET"):
        # No compositor, no Wayland: its libraries do not matter (Qt goes on to the next platform).
        # libwayland-client's rule: WAYLAND_DISPLAY (default wayland-0), relative to XDG_RUNTIME_DIR.
        runtime, display = env.get("XDG_RUNTIME_DIR"), env.get("WAYLAND_DISPLAY") or "wayland-0"
        if not runtime and not display.startswith("/"):
            return PlatformProblem(name, reason="there is no Wayland display (XDG_RUNTIME_DIR is not set)")
        socket_path = Path(runtime or "/") / display
        if not socket_path.exists():
            return PlatformProblem(name, reason=f"there is no Wayland display ({socket_path} does not exist)")
    plugin = platforms_dir / PLUGIN_FILES[name]
    if not plugin.is_file():
        return PlatformProblem(name, reason=f"Qt's {name} plugin is not installed ({plugin} is missing)")
    problem = PlatformProblem(name, missing=missing_libraries(plugin))
    if name == "xcb":  # both told at once: libraries missing *and* no X server is two things to fix
        if not env.get("DISPLAY"):
            problem.reason = "there is no X display (DISPLAY is not set)"
        elif not x_display_answers(env["DISPLAY"]):
            problem.reason = (f"the X display {env['DISPLAY']} does not answer "
                              "(is its X server running, and is DISPLAY right?)")
    return problem if problem.missing or problem.reason else None


def x_display_answers(display: str, timeout: float = 2.0) -> bool:
    """Whether something accepts connections where ``display`` (``:0``, ``unix:1``, ``host:10.0``)
    says the X server is: its Unix socket (abstract or in /tmp/.X11-unix) or TCP port 6000+N.
    Only the socket is opened and closed, no X protocol: True for a form it does not know."""
    import socket

    host, _, rest = display.rpartition(":")
    number = rest.split(".", 1)[0]
    if not number.isdigit() or host.startswith("/"):  # e.g. macOS launchd's /private/tmp/...:0
        return True
    if host in ("", "unix"):
        targets = [(socket.AF_UNIX, f"\0/tmp/.X11-unix/X{number}"), (socket.AF_UNIX, f"/tmp/.X11-unix/X{number}")]
    else:
        targets = [(socket.AF_INET6 if ":" in host else socket.AF_INET, (host.strip("[]"), 6000 + int(number)))]
    for family, address in targets:
        try:
            with socket.socket(family, socket.SOCK_STREAM) as sock:
                sock.settimeout(timeout)
                sock.connect(address)
            return True
        except OSError:
            continue
    return False


def qt_platforms_dir(env=None) -> Path | None:
    """Where Qt will look for platform plugins: ``QT_QPA_PLATFORM_PLUGIN_PATH``, else the
    bundle's or the installed PySide6's ``Qt/plugins/platforms`` (found without importing it)."""
    env = os.environ if env is None else env
    if env.get("QT_QPA_PLATFORM_PLUGIN_PATH"):
        return Path(env["QT_QPA_PLATFORM_PLUGIN_PATH"])
    if getattr(sys, "frozen", False):
        return Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent)) / "PySide6" / "Qt" / "plugins" / "platforms"
    import importlib.util

    try:
        spec = importlib.util.find_spec("PySide6")
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(list(spec.submodule_search_locations)[0]) / "Qt" / "plugins" / "platforms"


# ------------------------------------------------------------------------------- the libraries
def missing_libraries(plugin: Path) -> list[str]:
    """The shared libraries (sonames) ``plugin`` needs that the dynamic loader cannot load here.

    Qt's own libraries (found through the plugin's RUNPATH, e.g. ``Qt/lib``) are followed to what
    *they* need; every other library is opened with ``dlopen`` exactly as the loader would, so a
    library that is there but lacks one of its own dependencies counts as missing too (by the name
    of what it lacks)."""
    missing: list[str] = []
    seen: set[str] = set()
    todo = [Path(plugin)]
    followed: set[Path] = set()
    while todo:
        obj = todo.pop()
        try:
            needed, runpath = elf_dependencies(obj)
        except (OSError, ValueError):
            continue  # not an ELF file we can read: Qt will say what is wrong with it
        dirs = [Path(d.replace("$ORIGIN", str(obj.parent)).replace("${ORIGIN}", str(obj.parent)))
                for d in runpath]
        for soname in needed:
            if soname in seen:
                continue
            seen.add(soname)
            local = next((d / soname for d in dirs if (d / soname).is_file()), None)
            if local is not None and soname.startswith(("libQt6", "libicu")):
                local = local.resolve()
                if local not in followed:
                    followed.add(local)
                    todo.append(local)
                continue
            error = _dlopen_error(str(local) if local is not None else soname)
            if error is not None:
                lacking = _soname_in(error) or soname
                if lacking not in missing:
                    missing.append(lacking)
    return missing


def _dlopen_error(name: str) -> str | None:
    try:
        ctypes.CDLL(name)
    except OSError as exc:
        return str(exc)
    return None


def _soname_in(error: str) -> str | None:
    match = re.search(r"([\w.+-]+\.so[\w.]*): cannot open shared object file", error)
    return match.group(1) if match else None


def elf_dependencies(path: Path) -> tuple[list[str], list[str]]:
    """``(DT_NEEDED sonames, DT_RUNPATH or DT_RPATH entries)`` of an ELF shared object."""
    with open(path, "rb") as fh:  # mapped, not read: Qt's libraries are megabytes, the table is not
        try:
            data = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
        except ValueError:  # an empty file
            raise ValueError(f"{path} is empty") from None
    with data:
        return _dynamic_section(path, data)


def _dynamic_section(path, data) -> tuple[list[str], list[str]]:
    if data[:4] != b"\x7fELF":
        raise ValueError(f"{path} is not an ELF file")
    wide, end = data[4] == 2, "<" if data[5] == 1 else ">"
    if wide:
        e_phoff, = struct.unpack_from(end + "Q", data, 0x20)
        e_phentsize, e_phnum = struct.unpack_from(end + "HH", data, 0x36)
    else:
        e_phoff, = struct.unpack_from(end + "I", data, 0x1C)
        e_phentsize, e_phnum = struct.unpack_from(end + "HH", data, 0x2A)
    segments = []  # (vaddr, offset, filesz) of PT_LOAD, to turn addresses into file offsets
    dynamic = None
    for i in range(e_phnum):
        at = e_phoff + i * e_phentsize
        if wide:
            p_type, _flags, p_offset, p_vaddr, _paddr, p_filesz = struct.unpack_from(end + "IIQQQQ", data, at)
        else:
            p_type, p_offset, p_vaddr, _paddr, p_filesz = struct.unpack_from(end + "IIIII", data, at)
        if p_type == 1:
            segments.append((p_vaddr, p_offset, p_filesz))
        elif p_type == 2:
            dynamic = (p_offset, p_filesz)
    if dynamic is None:
        return [], []
    entry = struct.Struct(end + ("qQ" if wide else "iI"))
    needed_offsets, path_offsets, strtab = [], [], None
    for at in range(dynamic[0], dynamic[0] + dynamic[1], entry.size):
        tag, value = entry.unpack_from(data, at)
        if tag == 0:
            break
        if tag == 1:
            needed_offsets.append(value)
        elif tag in (15, 29):  # DT_RPATH, DT_RUNPATH
            path_offsets.append(value)
        elif tag == 5:
            strtab = value
    if strtab is None:
        return [], []
    base = next((off + strtab - vaddr for vaddr, off, size in segments if vaddr <= strtab < vaddr + size), strtab)

    def string(offset: int) -> str:
        start = base + offset
        return data[start:data.find(b"\0", start)].decode("utf-8", "replace")

    runpath = [p for off in path_offsets for p in string(off).split(":") if p]
    return [string(off) for off in needed_offsets], runpath


# -------------------------------------------------------------------------------- the message
def distro_family(os_release: Path = Path("/etc/os-release")) -> str | None:
    """'debian', 'fedora' or 'arch' from /etc/os-release (ID and ID_LIKE), else None."""
    try:
        text = os_release.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    ids: list[str] = []
    for line in text.splitlines():
        key, _, value = line.partition("=")
        if key.strip() in ("ID", "ID_LIKE"):
            ids += value.strip().strip("\"'").lower().split()
    for family, members in (("debian", {"debian", "ubuntu"}), ("fedora", {"fedora", "rhel", "centos"}),
                            ("arch", {"arch", "archlinux", "manjaro"})):
        if members & set(ids):
            return family
    return None


def _stem(soname: str) -> str:
    return soname.split(".so", 1)[0]


def install_commands(sonames: list[str]) -> dict[str, str]:
    """The command installing ``sonames`` on each distribution family (unknown names skipped)."""
    commands = {}
    for i, family in enumerate(FAMILIES):
        packages = []
        for soname in sonames:
            names = PACKAGES.get(_stem(soname))
            if names and names[i] not in packages:
                packages.append(names[i])
        if packages:
            commands[family] = f"{_INSTALL[family]} {' '.join(packages)}"
    return commands


def _message(problems: list[PlatformProblem], family: str | None) -> tuple[str, str]:
    missing = [s for p in problems for s in p.missing]
    missing = list(dict.fromkeys(missing))
    lines = []
    for p in problems:
        parts = []
        if p.missing:
            names = p.missing[0] if len(p.missing) == 1 else f"{', '.join(p.missing[:-1])} and {p.missing[-1]}"
            parts.append(f"needs {names}, which {'is' if len(p.missing) == 1 else 'are'} not installed")
        if p.reason:
            parts.append(f"cannot start: {p.reason}")
        lines.append(f"Qt's {p.platform} platform " + ", and ".join(parts))
    message = "; ".join(lines) + ", so DigitPad cannot open its window."
    commands = install_commands(missing)
    hints = []
    if commands:
        if family in commands:
            hints.append(f"Install the missing libraries with:\n    {commands[family]}")
        else:
            hints.append("Install the missing libraries with your package manager:\n" + "\n".join(
                f"    {_LABEL[f]}: {commands[f]}" for f in FAMILIES if f in commands))
        hints[-1] += "\nthen start DigitPad again (the README's set-up section lists every package)."
    elif missing:
        hints.append("Install them with your distribution's package manager, then start DigitPad again.")
    if any(p.reason for p in problems):
        hints.append("Start DigitPad in a desktop session (or fix DISPLAY / WAYLAND_DISPLAY), or choose another "
                     "Qt platform with QT_QPA_PLATFORM (e.g. QT_QPA_PLATFORM=offscreen for `digitpad --self-test`).")
    hint = "\n".join(hints)
    return message, hint
