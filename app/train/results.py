"""The Train tab's result: test accuracy, the confusion matrix whose cells open their digits, and
what to do with the new model (use it, rename it, export it, discard it).

A finished model is already saved in the store by the worker, so nothing is lost; it becomes the
model the app draws with only through :meth:`app.session.ActiveModel.use` ("Use this model").
"""
from __future__ import annotations

import os
import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from .. import dialogs
from .. import settings as prefs
from ..session import ActiveModel
from .confusion_view import ConfusionView, cell_dialog
from .texts import TEXTS, data_words, digits_count, duration, num, pct
from .worker import Outcome

RESULT_TIP = QT_TRANSLATE_NOOP("ResultPanel", "How well the trained network reads the test digits it never saw.")
HEADLINE_STYLE = "#resultHeadline { background: #eef6ee; border: 1px solid #b7dcb9; border-radius: 6px; }"


class ResultPanel(QStackedWidget):
    """A note (what is happening, what happened) or the result page of the last training.

    The result's headline and what to do with the model (Use this model, Save as…, Discard) are a
    separate widget, :attr:`headline`, which the tab puts where the eye is when training ends:
    right under the progress bar. The page below holds the details, the name and the matrix."""

    status = Signal(str)  # a line for the tab's status label
    failed = Signal(str)  # a message for the tab's error banner

    def __init__(self, session: ActiveModel, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.store = session.store
        self.outcome: Outcome | None = None
        self._dialogs: list[QWidget] = []
        self.setToolTip(self.tr(RESULT_TIP))
        self.note_label = QLabel()
        self.note_label.setWordWrap(True)
        self.note_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.note_label.setToolTip(self.tr("What happened to the last training."))
        self.addWidget(self.note_label)
        self.headline = self._build_headline()
        self.page = self._build_page()
        self.result_page = self.page
        self.addWidget(self.page)

    def _build_headline(self) -> QFrame:
        """The test accuracy, the drawn digits' accuracy and the model's three actions."""
        big = QFont(self.font())
        big.setPointSizeF(big.pointSizeF() * 1.35)
        big.setBold(True)
        self.accuracy_label = QLabel()
        self.accuracy_label.setObjectName("testAccuracy")
        self.accuracy_label.setFont(big)
        self.accuracy_label.setToolTip(self.tr("Share of the test digits the new network reads correctly."))
        self.drawn_label = QLabel()
        self.drawn_label.setObjectName("drawnAccuracy")
        self.drawn_label.setFont(big)
        for label in (self.accuracy_label, self.drawn_label):
            label.setWordWrap(True)  # a narrow window: two lines rather than a wider tab
        self.drawn_label.setToolTip(self.tr("Share of the drawn digits of writers it never trained on that it reads "
                                    "correctly: how well it will read people drawing in DigitPad."))
        self.use_button = QPushButton(self.tr("Use this model"))
        self.use_button.setObjectName("useModel")
        self.use_button.setToolTip(self.tr("Make this the active model: the Draw tab reads your digits with it at "
                                           "once."))
        self.use_button.clicked.connect(self.use_model)
        self.save_as_button = QPushButton(self.tr("Save as…"))
        self.save_as_button.setToolTip(self.tr("Export this model to a .zip file you can keep, share or import "
                                               "elsewhere "
                                       "(it is already in your Models list)."))
        self.save_as_button.clicked.connect(self.save_as)
        self.discard_button = QPushButton(self.tr("Discard"))
        self.discard_button.setToolTip(self.tr("Delete this model from your Models list."))
        self.discard_button.clicked.connect(self.discard)
        figures = QVBoxLayout()
        figures.setSpacing(0)
        figures.addWidget(self.accuracy_label)
        figures.addWidget(self.drawn_label)
        buttons = QHBoxLayout()
        buttons.setSpacing(6)
        for b in (self.use_button, self.save_as_button, self.discard_button):
            buttons.addWidget(b)
        headline = QFrame()
        headline.setObjectName("resultHeadline")
        headline.setStyleSheet(HEADLINE_STYLE)
        headline.setToolTip(self.tr(RESULT_TIP))
        row = QHBoxLayout(headline)
        row.setContentsMargins(10, 6, 10, 6)
        row.addLayout(figures, 1)
        row.addLayout(buttons)
        headline.hide()
        return headline

    def _build_details(self) -> QWidget:
        """How it was measured, the model's name (edit to rename) and where it is kept."""
        self.result_details = QLabel()
        self.result_details.setWordWrap(True)
        self.result_details.setToolTip(self.tr("The test split, how long it trained and which epoch was kept."))
        self.name_edit = QLineEdit()
        self.name_edit.setToolTip(self.tr("The model's name in the Models list; edit it and press Enter to rename."))
        self.name_edit.editingFinished.connect(self.rename)
        self.saved_label = QLabel()
        self.saved_label.setWordWrap(True)
        self.saved_label.setToolTip(self.tr("Where the model is kept."))
        name_row = QHBoxLayout()
        name_caption = QLabel(self.tr("Name:"))
        name_caption.setToolTip(self.name_edit.toolTip())
        name_row.addWidget(name_caption)
        name_row.addWidget(self.name_edit, 1)
        left_host = QWidget()
        left_host.setToolTip(self.tr(RESULT_TIP))
        left_host.setMaximumWidth(520)
        left = QVBoxLayout(left_host)
        left.setContentsMargins(0, 0, 12, 0)
        left.addWidget(self.result_details)
        left.addLayout(name_row)
        left.addWidget(self.saved_label)
        left.addStretch(1)
        return left_host

    def _build_page(self) -> QScrollArea:
        """The details beside the confusion matrix; it scrolls only in a window too small for the matrix."""
        self.confusion = ConfusionView()
        self.confusion.cellOpened.connect(self.open_cell)
        page = QWidget()
        page.setToolTip(self.tr(RESULT_TIP))
        grid = QGridLayout(page)
        grid.setContentsMargins(0, 4, 0, 0)
        grid.addWidget(self._build_details(), 0, 0)
        grid.addWidget(self.confusion, 0, 1, Qt.AlignmentFlag.AlignTop)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(2, 1)
        page_scroll = QScrollArea()
        page_scroll.setWidget(page)
        page_scroll.setWidgetResizable(True)
        page_scroll.setFrameShape(QFrame.Shape.NoFrame)
        page_scroll.setToolTip(self.tr(RESULT_TIP))
        self._page_content = page
        return page_scroll

    def needed_height(self) -> int:
        """The page's height with the whole matrix showing (the tab gives it that much room)."""
        return self._page_content.minimumSizeHint().height() + 6

    def show_note(self, html: str) -> None:
        self.note_label.setText(html)
        self.headline.hide()
        self.setCurrentWidget(self.note_label)

    def show_result(self, o: Outcome) -> None:
        self.outcome = o
        r = o.report
        if r.test_accuracy is not None:
            self.accuracy_label.setText(self.tr("Test accuracy: {share}").format(share=pct(r.test_accuracy, 2)))
            details = self.tr("Measured on {n} test digits it never saw during training").format(n=num(r.test_n))
        else:
            self.accuracy_label.setText(self.tr("Trained (no test digits)"))
            details = self.tr("The data has no test split")
        if r.drawn_accuracy is not None:
            self.drawn_label.setText(self.tr("Drawn by people it never saw {share}").format(
                share=pct(r.drawn_accuracy, 2)))
            what = data_words(r.drawn_heldout) if r.drawn_heldout else digits_count(r.drawn_n)
            details += ";<br>" + self.tr("drawn: {what}").format(what=what)
        self.drawn_label.setVisible(r.drawn_accuracy is not None)
        epochs = len(r.history.get("loss", [])) or o.epochs_done
        kept = (self.tr("the weights of epoch {epoch} (best on validation) are kept").format(epoch=r.best_epoch)
                if r.restore_best else self.tr("the last epoch's weights are kept"))
        details += "<br>" + self.tr("{epochs} in {time}; {kept}.").format(epochs=TEXTS.epochs(epochs),
                                                                          time=duration(o.seconds), kept=kept)
        if r.confusion is not None:
            details += "<br>" + self.tr("Click a cell of the matrix to see its digits.")
        self.result_details.setText(details)
        info = o.model_info
        self.name_edit.setText(getattr(info, "name", o.model_name or ""))
        self.name_edit.setCursorPosition(0)
        self.saved_label.setText(self.tr("Saved in your Models list; drawing uses it once you press “Use this model”."))
        self.saved_label.setToolTip(self.tr("Saved in {path}").format(path=getattr(info, "path", "")))
        for b in (self.use_button, self.save_as_button, self.discard_button):
            b.setEnabled(info is not None)
        self.name_edit.setEnabled(info is not None)
        self.use_button.setText(self.tr("Use this model"))
        self.confusion.set_matrix(r.confusion)
        self.confusion.setVisible(r.confusion is not None)
        self.headline.show()
        self.setCurrentWidget(self.page)

    def use_model(self) -> None:
        """Draw with the trained model (the session makes it active, or says why it cannot)."""
        info = self.outcome.model_info if self.outcome else None
        if info is None or not self.session.use(info.id):
            return
        self.use_button.setText(self.tr("In use ✓"))
        self.use_button.setEnabled(False)
        self.discard_button.setEnabled(False)
        self.discard_button.setToolTip(self.tr("This model is in use; switch to another model before deleting it."))
        self.status.emit(self.tr("Now using “{name}”.").format(name=info.name))

    def save_as(self, path: str | None = None) -> str | None:
        """Export the trained model as a .zip (asks where unless ``path`` is given)."""
        info = self.outcome.model_info if self.outcome else None
        if info is None:
            return None
        if not path:
            folder = prefs.MODEL_EXPORT_DIR.get()
            suggested = os.path.join(folder, f"{_file_stem(self.name_edit.text() or info.id)}.zip")
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the model as"), suggested,
                                                  self.tr("DigitPad model (*.zip)"))
            if not path:
                return None
        if not path.lower().endswith(".zip"):
            path += ".zip"
        try:
            self.store.export(info.id, path)
        except Exception as exc:  # noqa: BLE001
            self.failed.emit(self.tr("The model could not be exported: {error}").format(error=exc))
            return None
        prefs.MODEL_EXPORT_DIR.remember(os.path.abspath(path))
        self.status.emit(self.tr("Exported to {path}.").format(path=path))
        return path

    def rename(self) -> None:
        info = self.outcome.model_info if self.outcome else None
        name = self.name_edit.text().strip()
        if info is None or not name or name == info.name:
            return
        try:
            self.outcome.model_info = self.store.rename(info.id, name)
        except Exception as exc:  # noqa: BLE001
            self.failed.emit(self.tr("Could not rename the model: {error}").format(error=exc))
            self.name_edit.setText(info.name)
            return
        self.status.emit(self.tr("Renamed to “{name}”.").format(name=name))

    def discard(self, confirm: bool = True) -> None:
        """Delete the trained model from the store (after asking)."""
        info = self.outcome.model_info if self.outcome else None
        if info is None:
            return
        if confirm and not dialogs.ask(self, self.tr("Discard this model?"),
                                       self.tr("Delete “{name}” from your Models list? This cannot be undone."
                                               ).format(name=info.name),
                                       yes=dialogs.Button.Discard, no=dialogs.Button.Cancel):
            return
        try:
            self.store.delete(info.id)
        except Exception as exc:  # noqa: BLE001
            self.failed.emit(self.tr("Could not delete the model: {error}").format(error=exc))
            return
        self.outcome.model_info = None
        for b in (self.use_button, self.save_as_button, self.discard_button):
            b.setEnabled(False)
        self.name_edit.setEnabled(False)
        self.saved_label.setText(self.tr("Discarded: the model was deleted."))
        self.status.emit(self.tr("The trained model was discarded."))

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
