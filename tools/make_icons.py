"""Render DigitPad's icon, assets/icons/digitpad.svg, to the files desktops and installers use.

    python tools/make_icons.py [--check]

Writes, next to the SVG: digitpad-<N>.png for N in 16 24 32 48 64 128 256 512 (Linux desktops,
the window icon, the hicolor theme of install-desktop-entry.sh), digitpad.ico (the Windows
executable: 16-256 px) and digitpad.icns (the macOS app: 16-512 px). Rendering is Qt's own
QSvgRenderer (QtSvg is in PySide6-Essentials), anti-aliased, on a transparent background; the ICO
and ICNS containers are written by Pillow. --check renders into a temporary folder and fails if
the committed PNGs differ (more than rounding) from what the SVG gives.
"""
from __future__ import annotations

import argparse
import io
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ICONS = ROOT / "assets" / "icons"
SVG = ICONS / "digitpad.svg"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_SIZES = (16, 32, 64, 128, 256, 512)  # Pillow stores 128-512 px and the @2x of 16-256


def render(svg: Path, size: int):
    """The SVG at ``size`` x ``size`` as a Pillow RGBA image."""
    from PIL import Image
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _ = QGuiApplication.instance() or QGuiApplication([sys.argv[0], "-platform", "offscreen"])
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg} is not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return Image.open(io.BytesIO(bytes(data))).convert("RGBA")


def write_all(out: Path, svg: Path = SVG) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    images = {size: render(svg, size) for size in SIZES}
    written = []
    for size, image in images.items():
        path = out / f"digitpad-{size}.png"
        image.save(path, optimize=True)
        written.append(path)
    ico = out / "digitpad.ico"
    biggest = images[max(ICO_SIZES)]
    biggest.save(ico, format="ICO", sizes=[(s, s) for s in ICO_SIZES],
                 append_images=[images[s] for s in ICO_SIZES if s != max(ICO_SIZES)])
    written.append(ico)
    icns = out / "digitpad.icns"
    images[512].save(icns, format="ICNS", append_images=[images[s] for s in ICNS_SIZES if s != 512])
    written.append(icns)
    return written


def differs(a: Path, b: Path) -> bool:
    import numpy as np
    from PIL import Image

    x = np.asarray(Image.open(a).convert("RGBA"), dtype=np.int16)
    y = np.asarray(Image.open(b).convert("RGBA"), dtype=np.int16)
    return x.shape != y.shape or int(np.abs(x - y).max()) > 2


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--check", action="store_true", help="fail if the committed PNGs are out of date")
    args = p.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if not args.check:
        for path in write_all(ICONS):
            print(f"wrote {path.relative_to(ROOT)} ({path.stat().st_size} bytes)")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        write_all(Path(tmp))
        stale = [f"digitpad-{s}.png" for s in SIZES
                 if not (ICONS / f"digitpad-{s}.png").is_file() or differs(Path(tmp) / f"digitpad-{s}.png",
                                                                         ICONS / f"digitpad-{s}.png")]
    if stale:
        print(f"out of date (run python tools/make_icons.py): {', '.join(stale)}")
        return 1
    print("icons up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main())
