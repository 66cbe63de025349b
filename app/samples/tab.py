"""The Samples tab: the user's own labelled digits, how the active model reads them (per digit, on
the samples it never learnt from, with what to draw next), and "Personalise" (fine-tune the model
on them in the background, with live curves, and compare before/after, per digit too).

Everything numeric comes from model/: the images and labels from :class:`SampleStore`, the
accuracy from :func:`model.evaluation.evaluate`, the per-digit report from
:func:`model.samples.report.samples_report`, the fine-tuning from
:class:`model.training.personalize.Personalizer`, run by :class:`app.samples.personalize.PersonalizeWorker`.
The model it measures and personalises is the session's (:class:`app.session.ActiveModel`).
"""
from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import (
    QPoint,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtWidgets import (
    QButtonGroup,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMenu,
    QProgressBar,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from model.samples.report import digit_changes, samples_report
from model.samples.store import Sample, SampleError, SampleStore
from model.store.models import StoreError

from .. import dialogs
from .. import settings as prefs
from ..session import ActiveModel
from ..theme import MUTED, WARNING_TEXT
from ..train.texts import TEXTS, num, pct, plural, samples_count
from .list_view import SampleListModel, SampleListView
from .personalize import PersonalizeOutcome, PersonalizeWorker
from .personalize_view import (
    PersonalizeCurves,
    PersonalizeResultBox,
    changes_text,
    note_text,
    note_tip,
    personalize_notice,
)
from .report_view import SamplesReportView

ALL = 10  # the filter button id for "all digits"
POLL_MS = 2000  # how often a shown tab checks whether another DigitPad changed the samples


def _pct(v) -> str:
    return pct(v, spaced=True)


# ------------------------------------------------------------------------------------ the tab
class SamplesTab(QWidget):
    """``SamplesTab(samples, session)``: it follows the session's model; call :meth:`refresh`
    after samples are added elsewhere."""

    samplesChanged = Signal()  # samples were relabelled, deleted or imported here
    personalizeFinished = Signal(object)  # app.samples.personalize.PersonalizeOutcome (window, tests)

    def __init__(self, samples: SampleStore, session: ActiveModel, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("samplesTab")
        self.samples, self.session, self.store = samples, session, session.store
        self.recognizer = session.recognizer
        self.model_id: str | None = session.model_id
        session.changed.connect(lambda _info: self.set_recognizer(session.recognizer, session.model_id))
        self.personalize_options: dict = {}  # extra keyword arguments for Personalizer (tests, tuning)
        self.worker: PersonalizeWorker | None = None
        self.result = None  # the last PersonalizeResult not yet used or discarded
        self._deleted: list[Sample] = []  # for "Undo delete"
        self._filter = ALL
        self._data_version = None

        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 10)
        layout.addLayout(self._build_filters())
        self.report_view = SamplesReportView()  # per digit: read right on never-learnt-from samples, advice
        self.report_view.digitClicked.connect(self.set_filter)
        layout.addWidget(self.report_view)
        self._build_grid(layout)
        layout.addLayout(self._build_undo_row())
        layout.addLayout(self._build_buttons())
        layout.addWidget(self.personalize_note)
        layout.addWidget(self._build_progress())
        run_row = QHBoxLayout()
        self.curves = PersonalizeCurves()  # live while personalising, then beside the result
        self.curves.hide()
        run_row.addWidget(self.curves, 1)
        run_row.addWidget(self._build_result_box(), 1)
        layout.addLayout(run_row)

        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self._check_external_changes)
        self.refresh()

    # -- construction ------------------------------------------------------------------------------
    def _build_filters(self) -> QHBoxLayout:
        """One button per digit with its count, and All."""
        self.filter_group = QButtonGroup(self)
        self.filter_group.setExclusive(True)
        self.filter_buttons: dict[int, QToolButton] = {}
        filters = QHBoxLayout()
        filters.setSpacing(3)
        for key in [ALL, *range(10)]:
            b = QToolButton()
            b.setObjectName("samplesFilterAll" if key == ALL else f"samplesFilter{key}")
            b.setCheckable(True)
            b.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            b.setMinimumWidth(44 if key != ALL else 56)
            b.setToolTip(self.tr("Show all your samples, grouped by digit") if key == ALL
                         else self.tr("Show only your samples of {digit}").format(digit=key))
            self.filter_group.addButton(b, key)
            self.filter_buttons[key] = b
            filters.addWidget(b)
        filters.addStretch(1)
        self.filter_buttons[ALL].setChecked(True)
        self.filter_group.idClicked.connect(self.set_filter)
        return filters

    def _build_grid(self, layout: QVBoxLayout) -> None:
        self.model = SampleListModel(self)
        self.view = SampleListView()
        self.view.setObjectName("samplesView")
        self.view.setModel(self.model)
        self.view.relabelRequested.connect(self.relabel_selected)
        self.view.deleteRequested.connect(self.delete_selected)
        self.view.customContextMenuRequested.connect(self._context_menu)
        keys = QLabel(f"<span style='color:{MUTED}'>" + self.tr("Select samples, then a digit key relabels them and "
                                                                 "Delete removes them; right-click for a menu.")
                      + "</span>")
        keys.setObjectName("samplesKeys")
        keys.setWordWrap(True)
        self.empty_label = QLabel(self.tr("No samples yet. On the Draw tab, draw a digit and press ✓ Correct "
                                  "or the digit it is: it is kept here."))
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(keys)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty_label)

    def _build_undo_row(self) -> QHBoxLayout:
        self.undo_label = QLabel()
        self.undo_label.setWordWrap(True)
        self.undo_button = QPushButton(self.tr("Undo delete"))
        self.undo_button.setObjectName("samplesUndoDelete")
        self.undo_button.setToolTip(self.tr("Put back the samples you just deleted"))
        self.undo_button.clicked.connect(self.undo_delete)
        undo_row = QHBoxLayout()
        undo_row.addWidget(self.undo_label, 1)
        undo_row.addWidget(self.undo_button)
        self.undo_label.hide()
        self.undo_button.hide()
        return undo_row

    def _build_buttons(self) -> QHBoxLayout:
        """The model's accuracy on the samples, Import…, Export… and Personalise… (with its notice)."""
        self.accuracy_label = QLabel()
        self.accuracy_label.setObjectName("samplesAccuracy")
        self.accuracy_label.setWordWrap(True)
        self.accuracy_label.setToolTip(self.tr("How the active model does on your samples: the share it reads "
                                       "as the digit you labelled them with"))
        self.import_button = QPushButton(self.tr("Import…"))
        self.import_button.setToolTip(self.tr("Add the samples of a zip exported by DigitPad (ink JSON files and "
                                      "labels.csv); samples you already have are skipped"))
        self.import_button.clicked.connect(lambda: self.import_from())
        self.export_button = QPushButton(self.tr("Export…"))
        self.export_button.setToolTip(self.tr("Write all your samples to a zip: one ink JSON (or PNG) per sample "
                                      "and labels.csv"))
        self.export_button.clicked.connect(lambda: self.export_to())
        self.personalize_button = QPushButton(self.tr("Personalise…"))
        self.personalize_button.setObjectName("personalizeButton")
        self.personalize_button.setToolTip(
            self.tr("Fine-tune the active model on your samples (mixed with the digits it was trained on, so it "
                    "does not forget them), in the background; then compare before and after and keep it or not"))
        self.personalize_button.clicked.connect(self.start_personalize)
        self.personalize_note = QLabel()
        self.personalize_note.setObjectName("personalizeNote")
        self.personalize_note.setWordWrap(True)
        self.personalize_note.setToolTip(note_tip())
        buttons = QHBoxLayout()
        buttons.addWidget(self.accuracy_label, 1)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.personalize_button)
        return buttons

    def _build_progress(self) -> QWidget:
        self.progress = QProgressBar()
        self.progress.setObjectName("personalizeProgress")
        self.progress.setRange(0, 1000)
        self.progress.setTextVisible(False)
        self.progress.setToolTip(self.tr("How far the fine-tuning is"))
        self.progress_label = QLabel()
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setObjectName("personalizeCancel")
        self.cancel_button.setToolTip(self.tr("Stop personalising; nothing is saved"))
        self.cancel_button.clicked.connect(self.cancel_personalize)
        self.progress_box = QWidget()
        row = QHBoxLayout(self.progress_box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.progress_label)
        row.addWidget(self.progress, 1)
        row.addWidget(self.cancel_button)
        self.progress_box.hide()
        return self.progress_box

    def _build_result_box(self) -> PersonalizeResultBox:
        box = self.result_box = PersonalizeResultBox()
        self.result_title, self.result_cells, self.result_notes = box.title, box.cells, box.notes
        self.digit_changes, self.use_button, self.discard_button = box.digit_changes, box.use_button, box.discard_button
        self.use_button.clicked.connect(self.use_result)
        self.discard_button.clicked.connect(self.discard_result)
        box.hide()
        return box

    # -- showing -----------------------------------------------------------------------------------
    @Slot()
    def refresh(self) -> None:
        """Re-read the samples (counts, grid, accuracy), keeping the selection where possible."""
        selected = set(self.selected_ids())
        try:
            counts = self.samples.count_by_label()
            rows = self.samples.list(None if self._filter == ALL else self._filter)
            self._data_version = self.samples.data_version()
        except SampleError as exc:
            self.accuracy_label.setText(str(exc))
            return
        total = int(counts.sum())
        self.filter_buttons[ALL].setText(self.tr("All · {n}").format(n=total))
        for d in range(10):
            self.filter_buttons[d].setText(f"{d} · {int(counts[d])}")
        self.model.set_samples(rows)
        if selected:
            sel = self.view.selectionModel()
            for r in range(self.model.rowCount()):
                if self.model.sample(r).id in selected:
                    sel.select(self.model.index(r), sel.SelectionFlag.Select)
        self.empty_label.setVisible(total == 0)
        self.personalize_button.setEnabled(total > 0 and self.worker is None)
        self.export_button.setEnabled(total > 0)
        text, warn = personalize_notice([int(n) for n in counts])
        self.personalize_note.setText(text)
        self.personalize_note.setStyleSheet(f"color: {WARNING_TEXT if warn else MUTED};")
        self.personalize_note.setProperty("warning", warn)
        self._update_accuracy()
        self._update_report()

    def counts(self) -> dict[int, int]:
        """What the filter buttons show: {digit: count, ALL: total}."""
        return {k: int(b.text().split("·")[-1]) for k, b in self.filter_buttons.items()}

    @Slot(int)
    def set_filter(self, digit: int) -> None:
        """Show one digit's samples (0-9), or all of them (``ALL``)."""
        self._filter = digit
        self.filter_buttons[digit].setChecked(True)
        self.refresh()

    @Slot(object, object)
    def set_recognizer(self, recognizer, model_id: str | None = None) -> None:
        """The active model (a model.recognizer.Recognizer) and its store id."""
        self.recognizer, self.model_id = recognizer, model_id
        self._update_accuracy()
        self._update_report()

    def _update_report(self) -> None:
        """The per-digit panel: how the model reads the samples it never learnt from (its card says
        which those are), and what to draw next."""
        if self.recognizer is None:
            self.report_view.set_message(self.tr("No model is loaded, so your samples cannot be read."))
            return
        info = self.session.info
        card = info.card if info is not None and info.id == self.model_id else None
        if card is None and self.model_id is not None:
            try:
                card = self.store.get(self.model_id).card
            except StoreError:
                card = None
        try:
            self.report_view.set_report(samples_report(self.recognizer, self.samples, card))
        except SampleError as exc:
            self.report_view.set_message(str(exc))

    def _update_accuracy(self) -> None:
        if self.recognizer is None:
            self.accuracy_label.setText(self.tr("No model is loaded, so your samples cannot be read."))
            return
        from model.evaluation import evaluate

        digit = None if self._filter == ALL else self._filter
        try:
            x, y = self.samples.arrays(digit)
        except SampleError as exc:
            self.accuracy_label.setText(str(exc))
            return
        if not len(y):
            self.accuracy_label.setText(
                self.tr("You have no samples yet to measure the active model on.") if digit is None else
                self.tr("You have no samples of {digit} yet to measure the active model on.").format(digit=digit))
            return
        ev = evaluate(self.recognizer, x, y)
        right = int(round(ev.accuracy * ev.n))
        text = (self.tr("The active model reads <b>{share}</b> of your samples right ({right} of {n}).")
                if digit is None else
                self.tr("The active model reads <b>{share}</b> of your samples of {digit} right ({right} of {n})."))
        self.accuracy_label.setText(text.format(share=pct(ev.accuracy, spaced=True), digit=digit, right=num(right),
                                                n=num(ev.n)))

    def selected_ids(self) -> list[int]:
        sel = self.view.selectionModel()
        if sel is None:
            return []
        rows = sorted(sel.selectedIndexes(), key=lambda i: i.row())
        return [int(self.model.data(i, SampleListModel.IdRole)) for i in rows]

    def _context_menu(self, pos: QPoint) -> None:
        index = self.view.indexAt(pos)
        if index.isValid() and not self.view.selectionModel().isSelected(index):
            self.view.selectionModel().select(index, self.view.selectionModel().SelectionFlag.ClearAndSelect)
        ids = self.selected_ids()
        if not ids:
            return
        menu = QMenu(self)
        relabel = menu.addMenu(self.tr("Relabel sample as") if len(ids) == 1 else
                               self.tr("Relabel {n} samples as").format(n=num(len(ids))))
        relabel.setToolTipsVisible(True)
        for d in range(10):
            a = relabel.addAction(str(d))
            a.setToolTip(self.tr("It's a {digit} (key {digit})").format(digit=d))
            a.triggered.connect(lambda _=False, d=d: self.relabel_selected(d))
        delete = menu.addAction(self.tr("Delete"))
        delete.setShortcut("Delete")
        delete.triggered.connect(self.delete_selected)
        menu.popup(self.view.viewport().mapToGlobal(pos))
        self._menu = menu  # kept for tests

    # -- editing -----------------------------------------------------------------------------------
    @Slot(int)
    def relabel_selected(self, label: int) -> int:
        ids = self.selected_ids()
        done = 0
        try:
            for i in ids:
                self.samples.relabel(i, label)
                done += 1
        except SampleError as exc:
            self._error(self.tr("Relabel"), str(exc))
        if done:
            self.refresh()
            self.samplesChanged.emit()
        return done

    @Slot()
    def delete_selected(self) -> int:
        ids = self.selected_ids()
        if not ids:
            return 0
        try:
            kept = [self.samples.get(i) for i in ids]
            n = self.samples.remove(ids)
        except SampleError as exc:
            self._error(self.tr("Delete"), str(exc))
            return 0
        self._deleted = kept
        self.undo_label.setText(plural(TEXTS.deleted(n), n))
        self.undo_label.show()
        self.undo_button.show()
        self.refresh()
        self.samplesChanged.emit()
        return n

    @Slot()
    def undo_delete(self) -> int:
        """Put the last deleted samples back (as new samples with the same drawing and label)."""
        back = 0
        try:
            for s in self._deleted:
                self.samples.add(s.image, s.label, ink=s.ink, predicted=s.predicted, model_id=s.model_id)
                back += 1
        except SampleError as exc:
            self._error(self.tr("Undo delete"), str(exc))
        self._deleted = []
        self.undo_label.hide()
        self.undo_button.hide()
        self.refresh()
        self.samplesChanged.emit()
        return back

    def export_to(self, path: str | None = None) -> int | None:
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Export your samples"),
                                                  str(Path(prefs.SAMPLES_DIR.get()) / "digitpad-samples.zip"),
                                                  self.tr("Zip archives (*.zip)"))
            if not path:
                return None
        try:
            n = self.samples.export_zip(path)
        except SampleError as exc:
            self._error(self.tr("Export"), str(exc))
            return None
        prefs.SAMPLES_DIR.remember(path)
        self.undo_label.setText(self.tr("Exported {samples} to {path}.").format(samples=samples_count(n), path=path))
        self.undo_label.show()
        return n

    def import_from(self, path: str | None = None) -> int | None:
        if path is None:
            start = prefs.SAMPLES_DIR.get()
            path, _ = QFileDialog.getOpenFileName(self, self.tr("Import samples"), start, self.tr("Zip archives "
                                                                                                  "(*.zip)"))
            if not path:
                return None
        try:
            n = self.samples.import_zip(path)
        except SampleError as exc:
            self._error(self.tr("Import"), str(exc))
            return None
        prefs.SAMPLES_DIR.remember(path)
        dup = self.samples.last_import_duplicates
        text = self.tr("Imported {samples}.").format(samples=samples_count(n))
        if dup:
            text = self.tr("Imported {samples} ({n} already here were skipped).").format(samples=samples_count(n),
                                                                                       n=num(dup))
        self.undo_label.setText(text)
        self.undo_label.show()
        self.undo_button.hide()
        self._deleted = []
        self.refresh()
        self.samplesChanged.emit()
        return n

    # -- personalise -------------------------------------------------------------------------------
    @Slot()
    def start_personalize(self) -> bool:
        if self.worker is not None:
            return False
        if self.result is not None:
            self.discard_result()  # one pending result at a time
        self.worker = PersonalizeWorker(self.store, self.samples, self.model_id, **self.personalize_options)
        self.worker.progress.connect(self._on_progress)
        self.worker.epochFinished.connect(self._on_epoch)
        self.worker.finished.connect(self._on_result)
        self.worker.failed.connect(self._on_failed)
        self.worker.cancelled.connect(self._on_cancelled)
        self.progress.setValue(0)
        self.progress_label.setText(self.tr("Preparing…"))
        self.cancel_button.setEnabled(True)
        self.progress_box.show()
        self.result_box.hide()
        self.curves.reset(self.personalize_options.get("epochs") or 1)
        self.curves.show()
        self.personalize_button.setEnabled(False)
        self.worker.start()
        return True

    @Slot()
    def cancel_personalize(self) -> None:
        if self.worker is not None:
            self.worker.cancel()
            self.cancel_button.setEnabled(False)
            self.progress_label.setText(self.tr("Cancelling…"))

    def is_personalizing(self) -> bool:
        return self.worker is not None

    @Slot(object)
    def _on_progress(self, report) -> None:
        fraction, text = report
        if self.worker is None or self.worker.is_cancelled():
            return
        self.progress.setValue(int(1000 * max(0.0, min(1.0, fraction))))
        self.progress_label.setText(text)

    @Slot(object)
    def _on_epoch(self, p) -> None:
        """``p``: the epoch's model.training.trainer.Progress."""
        if self.worker is not None and not self.worker.is_cancelled():
            self.curves.add_epoch(p.epoch, p.epochs, p.val_accuracy, p.samples_accuracy, self.worker.is_refit(p))

    @Slot(object)
    def _on_result(self, result) -> None:
        self._on_finished(PersonalizeOutcome(result=result))

    @Slot(str, str)
    def _on_failed(self, message: str, details: str) -> None:
        self._on_finished(PersonalizeOutcome(error=message, details=details))

    @Slot()
    def _on_cancelled(self) -> None:
        self._on_finished(PersonalizeOutcome(cancelled=True))

    def _on_finished(self, outcome: PersonalizeOutcome) -> None:
        self.worker = None
        self.progress_box.hide()
        self.personalize_button.setEnabled(len(self.samples) > 0)
        self.curves.setVisible(outcome.result is not None)
        if outcome.cancelled:
            self.undo_label.setText(self.tr("Personalising cancelled; nothing was saved."))
            self.undo_label.show()
        elif outcome.error:
            self._error(self.tr("Personalise"), outcome.error)
        else:
            self._show_result(outcome.result)
        self.personalizeFinished.emit(outcome)

    def _show_result(self, result) -> None:
        self.result = result
        card = result.info.card if result.info is not None else None
        personal = (card.personalization if card is not None else None) or {}
        title = self.tr("<b>{name}</b> — fine-tuned from {base} on {n} of your samples in {seconds} s; {held} held "
                        "out to measure it.")
        if personal.get("refit"):
            title = self.tr("<b>{name}</b> — fine-tuned from {base} on {n} of your samples in {seconds} s; {held} "
                            "held out to measure it, then again on all {all}.")
        self.result_title.setText(title.format(
            name=escape(result.info.name if result.info else result.model_id), base=escape(str(result.base_model)),
            n=num(result.n_finetune), seconds=num(round(result.seconds)), held=num(result.n_heldout),
            all=num(result.n_finetune + result.n_heldout)))
        for when, figures in (("before", result.before), ("after", result.after)):
            for key in ("samples", "base"):
                self.result_cells[(when, key)].setText(_pct(figures.get(key)))
        self.result_notes.setText("\n".join(note_text(n) for n in result.notes))
        self.result_notes.setVisible(bool(result.notes))
        changes = digit_changes(getattr(result, "per_digit", None))
        self.digit_changes.set_changes(changes, changes_text(changes))
        kept = personal.get("epochs_kept") or (card.best_epoch if card is not None else 0)
        self.curves.finish(kept if isinstance(kept, int) else 0)
        self.result_box.show()

    @Slot()
    def use_result(self) -> None:
        """Draw with the personalised model (the session says so, or why it cannot)."""
        if self.result is None:
            return
        if not self.session.use(self.result.model_id):
            return  # the session said why (the window shows its problem)
        self.result = None
        self.result_box.hide()
        self.curves.hide()

    @Slot()
    def discard_result(self) -> None:
        if self.result is None:
            return
        try:
            self.store.delete(self.result.model_id)
        except StoreError as exc:
            self._error(self.tr("Discard"), str(exc))
        self.result = None
        self.result_box.hide()
        self.curves.hide()

    # -- misc --------------------------------------------------------------------------------------
    def _error(self, what: str, text: str) -> None:
        dialogs.show_message(self, what, text, name="samplesError")  # never blocks the event loop (or a test)
        self._last_error = text

    def _check_external_changes(self) -> None:
        try:
            version = self.samples.data_version()
        except SampleError:
            return
        if version != self._data_version:
            self.refresh()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._check_external_changes()
        self._poll.start()

    def hideEvent(self, event) -> None:
        super().hideEvent(event)
        self._poll.stop()
