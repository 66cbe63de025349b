"""Opening, saving and exporting drawings, and what a drop on the window opens.

An ink JSON opens editable on the canvas; an image (PNG, JPEG, BMP) is read and shown read-only.
Every problem is reported through ``failed(error)``, a :class:`model.errors.DigitPadError` whose
``title`` heads the dialog, and every result through ``message(text, ms)`` (the window puts them in
a dialog and the status bar).
"""
from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QFileDialog, QWidget

from model import preprocess
from model.errors import DigitPadError
from model.ink import load as load_ink
from model.preprocess import ImageInputError

from .. import i18n
from .. import settings as prefs
from .tab import DrawTab

IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".bmp")
INK_SUFFIXES = (".json",)


class DrawingFiles(QObject):
    opening = Signal()  # a file is about to be shown on the Draw tab
    message = Signal(str, int)  # status-bar text, milliseconds
    failed = Signal(object)  # a DigitPadError: its title and message

    def __init__(self, draw_tab: DrawTab, dialog_parent: QWidget):
        super().__init__(dialog_parent)
        self.draw_tab = draw_tab
        self.canvas = draw_tab.canvas
        self._parent = dialog_parent

    # -- folders ---------------------------------------------------------------------------------
    @staticmethod
    def last_dir() -> str:
        return prefs.FILES_DIR.get()

    @staticmethod
    def remember_dir(path: str | os.PathLike) -> None:
        prefs.FILES_DIR.remember(path)

    @staticmethod
    def openable(path: Path) -> bool:
        return path.suffix.lower() in IMAGE_SUFFIXES + INK_SUFFIXES

    # -- opening ---------------------------------------------------------------------------------
    def open_file(self, path: str | os.PathLike | None = None) -> bool:
        """Open an ink JSON (editable) or an image (classified, shown read-only)."""
        if path is None or path is False:
            path, _ = QFileDialog.getOpenFileName(
                self._parent, self.tr("Open a drawing or an image"), self.last_dir(),
                self.tr("Drawings and images (*.json *.png *.jpg *.jpeg *.bmp);;DigitPad ink (*.json);;"
                        "Images (*.png *.jpg *.jpeg *.bmp);;All files (*)"))
            if not path:
                return False
        path = Path(path)
        self.remember_dir(path)
        self.opening.emit()
        if path.suffix.lower() in INK_SUFFIXES:
            return self._open_ink(path)
        return self._open_image(path)

    def _open_ink(self, path: Path) -> bool:
        try:
            ink = load_ink(path)
        except DigitPadError as exc:
            self.failed.emit(exc)
            return False
        self.draw_tab.set_number_mode(ink.width >= 2 * ink.height)  # a wide sheet holds a number
        self.canvas.set_ink(ink)
        if self.draw_tab.number_mode:
            self.draw_tab.number_reader.flush()
            number = self.draw_tab.reading.number
            verdict = self.tr(": it reads {number}").format(number=number) if number else ""
        else:
            self.draw_tab.predictor.flush()
            pred = self.draw_tab.prediction_view.prediction()
            verdict = (self.tr(": it reads {digit} ({confidence})").format(
                digit=pred.digit, confidence=i18n.percent(pred.confidence, 0)) if pred.digit is not None else "")
        self.message.emit(self.tr("Opened {file}{verdict}.").format(file=path.name, verdict=verdict), 8000)
        return True

    def _open_image(self, path: Path) -> bool:
        try:
            x = preprocess.image_to_input(preprocess.load_image(path))
        except DigitPadError as exc:
            self.failed.emit(exc)
            return False
        if x is None:
            self.failed.emit(ImageInputError(
                self.tr("{file}: the image looks blank (no digit stands out from the background). Use a picture "
                        "of one dark digit on a light background, or a light digit on a dark one.").format(file=path),
                title=self.tr("Nothing to read")))
            return False
        shown = QImage(str(path))
        if shown.isNull():  # a file Pillow reads but Qt does not: show what the network sees
            shown = self.draw_tab.prediction_view.input_view.image() or QImage()
        pred = self.draw_tab.show_image(shown, self.tr("{file} · read-only, draw to start over").format(file=path.name),
                                        x)
        verdict = (self.tr("it reads {digit} ({confidence})").format(
            digit=pred.digit, confidence=i18n.percent(pred.confidence, 0)) if pred.digit is not None
            else self.tr("no model to read it"))
        self.message.emit(self.tr(
            "Classified {file}: {verdict}. Images cannot be edited; draw on the canvas to "
            "start a new drawing (Undo brings back the previous one).").format(file=path.name, verdict=verdict), 12000)
        return True

    # -- saving ----------------------------------------------------------------------------------
    def _target(self, path, title: str, default_name: str, file_filter: str, suffix: str) -> Path | None:
        if path is None or path is False:
            path, _ = QFileDialog.getSaveFileName(self._parent, title, str(Path(self.last_dir()) / default_name),
                                                  file_filter)
            if not path:
                return None
        path = Path(path)
        return path if path.suffix.lower() == suffix else path.with_name(path.name + suffix)

    def save_drawing(self, path: str | os.PathLike | None = None) -> bool:
        ink = self.canvas.ink()
        if ink.is_empty:
            self.message.emit(self.tr("Nothing to save: draw a digit first."), 5000)
            return False
        path = self._target(path, self.tr("Save the drawing"), "digit.json", self.tr("DigitPad ink (*.json)"), ".json")
        if path is None:
            return False
        try:
            ink.save(path)
        except OSError as exc:
            self.failed.emit(DigitPadError(f"{path}: {exc.strerror or exc}.",
                                           hint=self.tr("Choose a folder you can write to."),
                                           title=self.tr("Cannot save the drawing")))
            return False
        self.remember_dir(path)
        self.message.emit(self.tr("Saved the drawing to {path}.").format(path=path), 6000)
        return True

    def export_png(self, path: str | os.PathLike | None = None) -> bool:
        if self.canvas.is_empty():
            self.message.emit(self.tr("Nothing to export: draw a digit first."), 5000)
            return False
        path = self._target(path, self.tr("Export the drawing as PNG"), "digit.png", self.tr("PNG image (*.png)"),
                            ".png")
        if path is None:
            return False
        if not self.canvas.to_image().save(str(path), "PNG"):
            self.failed.emit(DigitPadError(self.tr("{path}: the PNG could not be written.").format(path=path),
                                           hint=self.tr("Choose a folder you can write to."),
                                           title=self.tr("Cannot export the image")))
            return False
        self.remember_dir(path)
        self.message.emit(self.tr("Exported the drawing to {path}.").format(path=path),
                          6000)
        return True
