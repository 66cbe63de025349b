"""The Train tab's result: test accuracy, the confusion matrix whose cells open their digits, and
what to do with the new model (use it, rename it, export it, discard it).

A finished model is already saved in the store by the worker, so nothing is lost; it becomes the
model the app draws with only through :meth:`app.session.ActiveModel.use` ("Use this model").
"""
from __future__ import annotations

import math
import os
import re

from PySide6.QtCore import QStandardPaths, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ..session import ActiveModel
from ..settings import settings
from .confusion_view import ConfusionView, cell_dialog
from .worker import Outcome


def duration(seconds: float | None) -> str:
    """A short human duration: 42 s, 3 min 05 s, 1 h 02 min."""
    if seconds is None or not math.isfinite(seconds):
        return "?"
    s = max(0, round(seconds))
    if s < 60:
        return f"{s} s"
    if s < 3600:
        return f"{s // 60} min {s % 60:02d} s"
    return f"{s // 3600} h {s % 3600 // 60:02d} min"


class ResultPanel(QStackedWidget):
    """A note (what is happening, what happened) or the result page of the last training."""

    status = Signal(str)  # a line for the tab's status label
    error = Signal(str)  # a message for the tab's error banner

    def __init__(self, session: ActiveModel, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.store = session.store
        self.outcome: Outcome | None = None
        self._dialogs: list[QWidget] = []

        result_tip = "How well the trained network reads the test digits it never saw."
        self.setToolTip(result_tip)
        self.note_label = QLabel()
        self.note_label.setWordWrap(True)
        self.note_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.note_label.setToolTip("What happened to the last training.")
        self.addWidget(self.note_label)

        page = QWidget()
        page.setToolTip(result_tip)
        grid = QGridLayout(page)
        grid.setContentsMargins(0, 0, 0, 0)
        self.accuracy_label = QLabel()
        big = QFont(self.font())
        big.setPointSizeF(big.pointSizeF() * 1.6)
        big.setBold(True)
        self.accuracy_label.setFont(big)
        self.accuracy_label.setToolTip("Share of the test digits the new network reads correctly.")
        self.drawn_label = QLabel()
        self.drawn_label.setObjectName("drawnAccuracy")
        self.drawn_label.setFont(big)
        self.drawn_label.setToolTip("Share of the drawn digits of writers it never trained on that it reads "
                                    "correctly: how well it will read people drawing in DigitPad.")
        self.result_details = QLabel()
        self.result_details.setWordWrap(True)
        self.result_details.setToolTip("The test split, how long it trained and which epoch was kept.")
        self.name_edit = QLineEdit()
        self.name_edit.setToolTip("The model's name in the Models list; edit it and press Enter to rename.")
        self.name_edit.editingFinished.connect(self.rename)
        self.use_button = QPushButton("Use this model")
        self.use_button.setToolTip("Make this the active model: the Draw tab reads your digits with it at once.")
        self.use_button.clicked.connect(self.use_model)
        self.save_as_button = QPushButton("Save as…")
        self.save_as_button.setToolTip("Export this model to a .zip file you can keep, share or import elsewhere "
                                       "(it is already in your Models list).")
        self.save_as_button.clicked.connect(self.save_as)
        self.discard_button = QPushButton("Discard")
        self.discard_button.setToolTip("Delete this model from your Models list.")
        self.discard_button.clicked.connect(self.discard)
        self.saved_label = QLabel()
        self.saved_label.setWordWrap(True)
        self.saved_label.setToolTip("Where the model is kept.")
        left = QVBoxLayout()
        left.addWidget(self.accuracy_label)
        left.addWidget(self.drawn_label)
        left.addWidget(self.result_details)
        name_row = QHBoxLayout()
        name_caption = QLabel("Name:")
        name_caption.setToolTip(self.name_edit.toolTip())
        name_row.addWidget(name_caption)
        name_row.addWidget(self.name_edit, 1)
        left.addLayout(name_row)
        left.addWidget(self.saved_label)
        buttons = QHBoxLayout()
        for b in (self.use_button, self.save_as_button, self.discard_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        left.addLayout(buttons)
        left.addStretch(1)
        self.confusion = ConfusionView()
        self.confusion.cellOpened.connect(self.open_cell)
        left_host = QWidget()
        left_host.setLayout(left)
        left_host.setMaximumWidth(520)
        left_host.setToolTip(result_tip)
        left.setContentsMargins(0, 0, 12, 0)
        grid.addWidget(left_host, 0, 0)
        grid.addWidget(self.confusion, 0, 1, Qt.AlignmentFlag.AlignTop)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(2, 1)
        page_scroll = QScrollArea()  # the matrix needs ~380 px: scroll rather than widen the window
        page_scroll.setWidget(page)
        page_scroll.setWidgetResizable(True)
        page_scroll.setFrameShape(QFrame.Shape.NoFrame)
        page_scroll.setToolTip(result_tip)
        self.result_page = page_scroll
        self.page = page
        self.addWidget(page_scroll)


    def show_note(self, html: str) -> None:
        self.note_label.setText(html)
        self.setCurrentWidget(self.note_label)

    def show_result(self, o: Outcome) -> None:
        self.outcome = o
        r = o.report
        if r.test_accuracy is not None:
            self.accuracy_label.setText(f"Test accuracy {r.test_accuracy:.2%}")
            details = f"on {r.test_n:,} test digits it never saw during training"
        else:
            self.accuracy_label.setText("Trained (no test digits)")
            details = "the data has no test split"
        if r.drawn_accuracy is not None:
            self.drawn_label.setText(f"Drawn by people it never saw {r.drawn_accuracy:.2%}")
            details += f";<br>drawn: {r.drawn_heldout or f'{r.drawn_n:,} digits'}"
        self.drawn_label.setVisible(r.drawn_accuracy is not None)
        epochs = len(r.history.get("loss", [])) or o.epochs_done
        kept = (f"the weights of epoch {r.best_epoch} (best on validation) are kept" if r.restore_best
                else "the last epoch's weights are kept")
        details += f"<br>{epochs} epoch{'s' if epochs != 1 else ''} in {duration(o.seconds)}; {kept}."
        if r.confusion is not None:
            details += "<br>Click a cell of the matrix to see its digits."
        self.result_details.setText(details)
        info = o.model_info
        self.name_edit.setText(getattr(info, "name", o.model_name or ""))
        self.name_edit.setCursorPosition(0)
        self.saved_label.setText("Saved in your Models list; drawing uses it once you press “Use this model”.")
        self.saved_label.setToolTip(f"Saved in {getattr(info, 'path', '')}")
        for b in (self.use_button, self.save_as_button, self.discard_button):
            b.setEnabled(info is not None)
        self.name_edit.setEnabled(info is not None)
        self.use_button.setText("Use this model")
        self.confusion.set_matrix(r.confusion)
        self.confusion.setVisible(r.confusion is not None)
        self.setCurrentIndex(1)

    def use_model(self) -> None:
        """Draw with the trained model (the session makes it active, or says why it cannot)."""
        info = self.outcome.model_info if self.outcome else None
        if info is None or not self.session.use(info.id):
            return
        self.use_button.setText("In use ✓")
        self.use_button.setEnabled(False)
        self.discard_button.setEnabled(False)
        self.discard_button.setToolTip("This model is in use; switch to another model before deleting it.")
        self.status.emit(f"Now using “{info.name}”.")

    def save_as(self, path: str | None = None) -> str | None:
        """Export the trained model as a .zip (asks where unless ``path`` is given)."""
        info = self.outcome.model_info if self.outcome else None
        if info is None:
            return None
        if not path:
            folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
            folder = str(settings().value("training/export_dir", folder) or folder)
            suggested = os.path.join(folder, f"{_file_stem(self.name_edit.text() or info.id)}.zip")
            path, _ = QFileDialog.getSaveFileName(self, "Save the model as", suggested,
                                                  "DigitPad model (*.zip)")
            if not path:
                return None
        if not path.lower().endswith(".zip"):
            path += ".zip"
        try:
            self.store.export(info.id, path)
        except Exception as exc:  # noqa: BLE001
            self.error.emit(f"The model could not be exported: {exc}")
            return None
        settings().setValue("training/export_dir", os.path.dirname(os.path.abspath(path)))
        self.status.emit(f"Exported to {path}.")
        return path

    def rename(self) -> None:
        info = self.outcome.model_info if self.outcome else None
        name = self.name_edit.text().strip()
        if info is None or not name or name == info.name:
            return
        try:
            self.outcome.model_info = self.store.rename(info.id, name)
        except Exception as exc:  # noqa: BLE001
            self.error.emit(f"Could not rename the model: {exc}")
            self.name_edit.setText(info.name)
            return
        self.status.emit(f"Renamed to “{name}”.")

    def discard(self, confirm: bool = True) -> None:
        """Delete the trained model from the store (after asking)."""
        info = self.outcome.model_info if self.outcome else None
        if info is None:
            return
        if confirm:
            answer = QMessageBox.question(
                self, "Discard this model?",
                f"Delete “{info.name}” from your Models list? This cannot be undone.",
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel)
            if answer != QMessageBox.StandardButton.Discard:
                return
        try:
            self.store.delete(info.id)
        except Exception as exc:  # noqa: BLE001
            self.error.emit(f"Could not delete the model: {exc}")
            return
        self.outcome.model_info = None
        for b in (self.use_button, self.save_as_button, self.discard_button):
            b.setEnabled(False)
        self.name_edit.setEnabled(False)
        self.saved_label.setText("Discarded: the model was deleted.")
        self.status.emit("The trained model was discarded.")

    def open_cell(self, true_digit: int, predicted: int):
        r = self.outcome.report if self.outcome is not None else None
        if r is None or r.x_test is None or r.predictions is None:
            return None
        dialog = cell_dialog(true_digit, predicted, r.x_test, r.y_test, r.predictions, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _=0, d=dialog: self._dialogs.remove(d) if d in self._dialogs else None)
        self._dialogs.append(dialog)
        dialog.show()
        return dialog


def _file_stem(name: str) -> str:
    stem = re.sub(r"[^\w\-. ]+", "-", name).strip(" .-")
    return re.sub(r"\s+", " ", stem)[:80] or "model"
