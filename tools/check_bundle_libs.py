"""Does the bundle carry every shared library it needs, except those the user's system must provide?

    python tools/check_bundle_libs.py [dist/digitpad]

Runs ``ldd`` over every ELF file in the bundle (the executable, Python extensions, Qt and its
plugins, TensorFlow...) with ``LD_LIBRARY_PATH`` set to the bundle's ``_internal`` folder, as the
bundle's bootloader does, and reads each file's own ``DT_NEEDED`` list. It fails on

- a library a bundled file links directly that resolves outside the bundle (so the bundle works
  here only because this machine happens to have it) or not at all, and
- any "not found" in ldd's output (direct or indirect),

unless the library is on ``SYSTEM_LIBRARIES`` in build.spec: glibc, zlib (for the bootloader's
first start), the OpenGL/EGL drivers, libxcb and libwayland-client, which must come from the
user's system (README, "Packaged executable"). The executable itself is checked without
``LD_LIBRARY_PATH``, as a shell starts it.
A build machine without Qt's xcb libraries (libxcb-icccm4, libxcb-keysyms1, ...) gives a bundle
without them, and this check names each one. Prints a summary; exit status 1 on any problem.
"""
from __future__ import annotations

import argparse
import ast
import os
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from app.platform_check import elf_dependencies  # noqa: E402 - no Qt: a small ELF reader


def system_libraries(spec: Path = ROOT / "build.spec") -> tuple[str, ...]:
    """build.spec's SYSTEM_LIBRARIES (regular expressions on file names), read without running it."""
    tree = ast.parse(spec.read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == "SYSTEM_LIBRARIES" for t in node.targets):
            return tuple(ast.literal_eval(node.value))
    raise SystemExit(f"{spec} defines no SYSTEM_LIBRARIES")


def is_elf(path: Path) -> bool:
    try:
        with open(path, "rb") as fh:
            return fh.read(4) == b"\x7fELF"
    except OSError:
        return False


def elf_files(bundle: Path) -> list[Path]:
    return sorted(p for p in bundle.rglob("*") if p.is_file() and not p.is_symlink() and is_elf(p))


_LINE = re.compile(r"^\s*(\S+)\s+=>\s+(not found|\S+)")
_BARE = re.compile(r"^\s*(/\S+|\S+\.so[\S]*)\s+\(0x")


def ldd(path: Path, env: dict) -> dict[str, str | None]:
    """What ldd resolves each needed library (direct and indirect) to: a path, or None (not found).
    Empty for a file ldd cannot read (static, or not a dynamic object)."""
    out = subprocess.run(["ldd", str(path)], env=env, capture_output=True, text=True, timeout=120)
    found: dict[str, str | None] = {}
    for line in out.stdout.splitlines():
        m = _LINE.match(line)
        if m:
            found[m.group(1)] = None if m.group(2) == "not found" else m.group(2)
            continue
        m = _BARE.match(line)
        if m:
            found[Path(m.group(1)).name] = m.group(1)
    return found


def check(bundle: Path, patterns: tuple[str, ...] | None = None, jobs: int = 2) -> tuple[list[str], dict]:
    """``(problems, summary)`` for the bundle folder (``dist/digitpad``)."""
    bundle = Path(bundle).resolve()
    patterns = system_libraries() if patterns is None else patterns
    allowed = [re.compile(p) for p in patterns]
    internal = bundle / "_internal"
    env = {**os.environ, "LD_LIBRARY_PATH": str(internal if internal.is_dir() else bundle)}
    files = elf_files(bundle)

    def system(name: str) -> bool:
        return any(p.fullmatch(name) for p in allowed)

    def inside(path: str | None) -> bool:
        return path is not None and Path(path).resolve().is_relative_to(bundle)

    executables = {bundle / "digitpad"}
    plain = {k: v for k, v in os.environ.items() if k != "LD_LIBRARY_PATH"}

    def one(path: Path) -> tuple[Path, list[str], dict]:
        try:
            direct = elf_dependencies(path)[0]
        except (OSError, ValueError):
            direct = []
        # The executable (PyInstaller's bootloader) starts as the user's shell starts it, before it
        # points LD_LIBRARY_PATH at _internal and executes itself again.
        return path, direct, ldd(path, plain if path in executables else env)

    problems: list[str] = []
    from_system: dict[str, str | None] = {}
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        results = list(pool.map(one, files))
    for path, direct, resolved in results:
        rel = path.relative_to(bundle)
        for name in direct:
            where = resolved.get(name)
            if inside(where):
                continue
            if system(name):
                from_system[name] = where
                continue
            if where is None:
                problems.append(f"{rel} needs {name}: not found, neither in the bundle nor on this machine")
            else:
                problems.append(f"{rel} needs {name}, which is not in the bundle (this machine has it at {where})")
        for name, where in resolved.items():
            if where is None and name not in direct and not system(name):
                problems.append(f"{rel} needs {name} (indirectly): not found")
    summary = {"files": len(files), "system_libraries_used": sorted(from_system),
               "missing_system_libraries_here": sorted(n for n, w in from_system.items() if w is None)}
    return sorted(set(problems)), summary


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("bundle", nargs="?", default=str(ROOT / "dist" / "digitpad"))
    args = p.parse_args(argv)
    bundle = Path(args.bundle)
    if not (bundle / "digitpad").is_file() and not (bundle / "digitpad.exe").is_file():
        print(f"check_bundle_libs: {bundle} holds no bundle (build it with pyinstaller build.spec)")
        return 1
    problems, summary = check(bundle)
    print(f"check_bundle_libs: {summary['files']} ELF files in {bundle}; from the user's system: "
          f"{', '.join(summary['system_libraries_used'])}")
    if summary["missing_system_libraries_here"]:
        print("check_bundle_libs: (not installed on this machine, allowed: "
              f"{', '.join(summary['missing_system_libraries_here'])})")
    for problem in problems:
        print(f"check_bundle_libs: FAIL: {problem}")
    print(f"check_bundle_libs: {'FAILED, ' + str(len(problems)) + ' problems' if problems else 'ok'}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
