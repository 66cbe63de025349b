"""The Inside view alone, with a shipped sample ink: for screenshots and a quick look.

    python tools/screenshot_inside.py [--sample three] [--model DIR] [--grab PNG] [--size WxH] [--hover N]
    QT_QPA_PLATFORM=offscreen python tools/screenshot_inside.py --grab inside.png

Without ``--grab`` the window stays open until it is closed.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

from app.inside.view import InsideView
from app.theme import WINDOW
from model.ink import load
from model.paths import assets_dir, default_model_dir
from model.preprocess import ink_to_input
from model.recognizer import Recognizer


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python tools/screenshot_inside.py", description=__doc__.splitlines()[0])
    parser.add_argument("--sample", default="three",
                        help="a shipped sample ink (assets/samples/NAME.json), or 'none' for the empty state")
    parser.add_argument("--model", default=str(default_model_dir()))
    parser.add_argument("--grab", metavar="PNG", help="save a screenshot of the view and quit")
    parser.add_argument("--size", default="1120x660")
    parser.add_argument("--hover", type=int, help="show this first-layer neuron in the detail")
    args = parser.parse_args(argv)
    qapp = QApplication.instance() or QApplication([])
    qapp.setStyle("Fusion")
    window = QWidget()
    window.setWindowTitle("DigitPad · Inside")
    palette = window.palette()
    palette.setColor(window.backgroundRole(), WINDOW)
    window.setPalette(palette)
    window.setAutoFillBackground(True)
    view = InsideView()
    box = QVBoxLayout(window)
    box.setContentsMargins(12, 12, 12, 12)
    box.addWidget(view)
    w, h = (int(v) for v in args.size.lower().split("x"))
    window.resize(w, h)
    view.set_recognizer(Recognizer.load(args.model))
    if args.sample != "none":
        view.set_input(ink_to_input(load(assets_dir() / "samples" / f"{args.sample}.json")))
    if args.hover is not None:
        view.select_neuron(args.hover)
    window.show()
    if args.grab:
        from PySide6.QtTest import QTest

        QTest.qWaitForWindowExposed(window)
        QTest.qWait(200)
        ok = window.grab().save(args.grab)
        print(f"saved {args.grab}" if ok else f"could not save {args.grab}")
        return 0 if ok else 1
    return qapp.exec()


if __name__ == "__main__":
    sys.exit(main())
