"""Pack the Linux bundle as the release archive users download.

    python tools/make_release_archive.py [--bundle dist/digitpad] [--out dist]

Writes ``dist/digitpad-<version>-linux-<machine>.tar.gz`` (version from pyproject.toml, machine
from ``uname -m``, e.g. ``digitpad-0.1.0-linux-x86_64.tar.gz``) holding the bundle as one folder,
``digitpad-<version>/``: the ``digitpad`` executable, ``_internal/``, and the desktop files the
build put beside them (``digitpad.desktop``, ``digitpad.png``, ``install-desktop-entry.sh``).
Modes and symbolic links are kept; owners are dropped (files unpack as the user who unpacks).
Prints the archive's path and size.
"""
from __future__ import annotations

import argparse
import platform
import sys
import tarfile
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NEEDED = ("digitpad", "_internal", "digitpad.desktop", "digitpad.png", "install-desktop-entry.sh")


def version() -> str:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]


def archive_name(ver: str | None = None, machine: str | None = None) -> str:
    return f"digitpad-{ver or version()}-linux-{machine or platform.machine()}.tar.gz"


def _anonymous(info: tarfile.TarInfo) -> tarfile.TarInfo:
    info.uid = info.gid = 0
    info.uname = info.gname = ""
    return info


def make(bundle: Path, out: Path, *, level: int = 6) -> Path:
    bundle, out = Path(bundle), Path(out)
    missing = [n for n in NEEDED if not (bundle / n).exists()]
    if missing:
        raise SystemExit(f"make_release_archive: {bundle} lacks {', '.join(missing)}: build it first "
                         "(pyinstaller --noconfirm --clean build.spec, on Linux)")
    top = f"digitpad-{version()}"
    out.mkdir(parents=True, exist_ok=True)
    target = out / archive_name()
    partial = target.with_name(target.name + ".part")
    with tarfile.open(partial, "w:gz", compresslevel=level) as tar:
        tar.add(bundle, arcname=top, recursive=True, filter=_anonymous)
    partial.replace(target)
    return target


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--bundle", default=str(ROOT / "dist" / "digitpad"))
    p.add_argument("--out", default=str(ROOT / "dist"))
    args = p.parse_args(argv)
    if not sys.platform.startswith("linux"):
        print("make_release_archive: the .tar.gz is the Linux release; elsewhere ship dist/ as built")
        return 1
    start = time.perf_counter()
    path = make(Path(args.bundle), Path(args.out))
    print(f"make_release_archive: {path} ({path.stat().st_size / 1024**2:.0f} MB, "
          f"{time.perf_counter() - start:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
