"""ModelsDialog: the shipped default and the user's models with their cards; switch, rename,
delete, export, import and reset to the default.

Every change goes through :class:`model.store.models.ModelStore`, which does it atomically; the dialog only
shows the result. ``activeModelChanged`` tells the window to reload the Draw tab's recognizer.
Each action method takes its input as optional arguments and asks the user only when they are
missing, so tests (and scripts) can drive the dialog without modal prompts.
"""
from __future__ import annotations

import html
import json
import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, QSize, Qt, Signal, Slot
from PySide6.QtGui import QAction, QFont, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from model.store.models import DEFAULT_ID, ModelInfo, StoreError

from . import i18n
from . import settings as prefs
from .cli.common import shown
from .learnt_words import learnt_from, summary, when_made
from .session import ActiveModel
from .workers import Worker

ID_ROLE = Qt.ItemDataRole.UserRole
translate = QCoreApplication.translate


def _number(value) -> str:
    """A card's setting as people read it (``0.001``); a value that is not a number, as text."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        try:
            return f"{float(value):g}"
        except OverflowError:
            pass
    return str(value)[:40]


def card_html(info: ModelInfo, active: bool) -> str:
    """The model card as a small HTML table (names, data, network, training, metrics, date)."""
    card = info.card
    e = html.escape
    rows: list[tuple[str, str]] = []
    acc = info.accuracy

    def on_digits(n) -> str:
        return " " + translate("ModelsDialog", "on {count} digits").format(count=i18n.number(int(n)))

    if acc is not None:
        n = card.metrics.test_n
        rows.append((translate("ModelsDialog", "Test accuracy"), f"<b>{i18n.percent(acc, 2)}</b>"
                     + (on_digits(n) if n else "")))
    else:
        rows.append((translate("ModelsDialog", "Test accuracy"), translate("ModelsDialog", "not recorded")))
    m = card.metrics
    if m.drawn_accuracy is not None:
        rows.append((translate("ModelsDialog", "Drawn, new writers"), f"<b>{i18n.percent(m.drawn_accuracy, 2)}</b>"
                     + on_digits(m.drawn_n) + (f" ({e(m.drawn_heldout)})" if m.drawn_heldout else "")))
    rows.append((translate("ModelsDialog", "Trained on"), e(learnt_from(card.data))))
    net = card.network
    if net:
        hidden = net.get("hidden") if isinstance(net.get("hidden"), list) else []
        layers = "784 → " + " → ".join(_number(h) for h in hidden) + " → 10" if hidden else "?"
        parts = [layers, str(net.get("activation", "?"))[:40]]
        for key, label in (("dropout", "dropout"), ("l2", "L2"), ("l1", "L1")):
            if net.get(key):
                parts.append(f"{label} {_number(net[key])}")
        rows.append((translate("ModelsDialog", "Network"), e(", ".join(parts))))
        if net.get("optimizer"):
            rate = (", " + translate("ModelsDialog", "learning rate {rate}").format(rate=_number(net["learning_rate"]))
                    if "learning_rate" in net else "")
            rows.append((translate("ModelsDialog", "Optimizer"), e(f"{net['optimizer']}{rate}")))
    training = card.training
    if training:
        epochs = card.epochs_run or training.get("epochs")
        text = translate("ModelsDialog", "{epochs} epochs, batch size {batch}").format(
            epochs=epochs, batch=training.get("batch_size", "?"))
        if training.get("augment"):
            text += ", " + translate("ModelsDialog", "augmented")
        if card.train_seconds is not None:
            seconds = i18n.number(round(card.train_seconds))
            text += ", " + translate("ModelsDialog", "{seconds} s").format(seconds=seconds)
        rows.append((translate("ModelsDialog", "Training"), e(text)))
    rows.append((translate("ModelsDialog", "Created"), e(when_made(info.created))))
    rows.append((translate("ModelsDialog", "Folder"), f"<span style='color:#6b7280'>{e(str(info.path))}</span>"))
    status = []
    if active:
        status.append("<span style='color:#1f7a3a'>● " + translate("ModelsDialog", "in use") + "</span>")
    if info.read_only:
        status.append(translate("ModelsDialog", "shipped with DigitPad, read-only"))
    table = "".join(f"<tr><td style='color:#6b7280; padding:3px 14px 3px 0'>{k}</td>"
                    f"<td style='padding:3px 0'>{v}</td></tr>" for k, v in rows)
    return (f"<h2 style='margin:0'>{e(info.name)}</h2>"
            f"<p style='margin:4px 0 10px 0'>{' · '.join(status)}</p><table>{table}</table>")


class ModelsDialog(QDialog):
    """The store's models with their cards. Switching goes through the session
    (:meth:`ActiveModel.use`); renames and deletes tell it (:meth:`ActiveModel.refresh`)."""

    message = Signal(str)  # what an export or import did, for the status bar

    def __init__(self, session: ActiveModel, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.store = session.store
        self.last_error: str | None = None
        self.setWindowTitle(self.tr("Models"))
        self.setObjectName("modelsDialog")
        if parent is not None:
            self.setPalette(parent.palette())  # the main window's colours
        self.resize(820, 480)

        self.model_list = QListWidget()
        self.model_list.setObjectName("modelList")
        self.model_list.setIconSize(QSize(16, 16))
        self.model_list.setMinimumWidth(280)
        self.model_list.setSpacing(2)
        self.model_list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.model_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.model_list.setUniformItemSizes(False)
        self.model_list.currentItemChanged.connect(self._on_selection)
        self.model_list.itemDoubleClicked.connect(lambda _item: self.activate())
        self.card_label = QLabel()
        self.card_label.setObjectName("modelCard")
        self.card_label.setTextFormat(Qt.TextFormat.RichText)
        self.card_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.card_label.setWordWrap(True)
        self.card_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.card_label.setContentsMargins(14, 10, 14, 10)
        card_scroll = QScrollArea()
        card_scroll.setWidgetResizable(True)
        card_scroll.setWidget(self.card_label)
        card_scroll.setStyleSheet("QScrollArea { background: white; border: 1px solid #e1e4ea; border-radius: 8px; }"
                                  "QLabel#modelCard { background: white; }")
        self.problems_label = QLabel()
        self.problems_label.setObjectName("modelProblems")
        self.problems_label.setWordWrap(True)
        self.problems_label.setStyleSheet("color: #9a3412;")
        self.problems_label.hide()

        self.use_button = self._button(self.tr("&Use This Model"), "Return", self.tr("Draw with the selected model"),
                                       self.activate)
        self.use_button.setDefault(True)
        self.rename_button = self._button(self.tr("Re&name…"), "F2", self.tr("Give the selected model a new name"),
                                          self.rename)
        self.delete_button = self._button(self.tr("&Delete…"), "Delete", self.tr("Delete the selected model (asks "
                                                                                 "first)"), self.delete)
        self.export_button = self._button(self.tr("E&xport…"), "Ctrl+E",
                                          self.tr("Save the selected model as a .zip to share or back up"), self.export)
        self.import_button = self._button(self.tr("&Import…"), "Ctrl+I",
                                          self.tr("Add a model from a .zip exported by DigitPad"), self.import_)
        self.reset_button = self._button(self.tr("&Reset to Default"), "Ctrl+Shift+D",
                                         self.tr("Use the model that ships with DigitPad"), self.reset_to_default)

        actions = QVBoxLayout()
        for b in (self.use_button, self.rename_button, self.delete_button):
            actions.addWidget(b)
        actions.addSpacing(12)
        for b in (self.export_button, self.import_button):
            actions.addWidget(b)
        actions.addSpacing(12)
        actions.addWidget(self.reset_button)
        actions.addStretch(1)

        body = QHBoxLayout()
        body.addWidget(self.model_list, 2)
        body.addWidget(card_scroll, 3)
        body.addLayout(actions)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(self.problems_label)
        layout.addWidget(close)
        self.refresh()
        session.modelsChanged.connect(self._on_models_changed)

    def _button(self, text: str, shortcut: str, tip: str, slot) -> QPushButton:
        button = QPushButton(text)
        button.setAutoDefault(False)
        keys = QKeySequence(shortcut)
        button.setToolTip(f"{tip} ({keys.toString(QKeySequence.SequenceFormat.NativeText)})")
        action = QAction(self)
        action.setShortcut(keys)
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(lambda: button.isEnabled() and button.click())
        self.addAction(action)
        button.clicked.connect(lambda: slot())
        return button

    # -- contents --------------------------------------------------------------------------------
    def _active_id(self) -> str | None:
        try:
            return self.store.active().id
        except StoreError:
            return None

    def refresh(self, select: str | None = None) -> None:
        """Reload the list from the store, keeping (or moving) the selection."""
        current = select or self.selected_id()
        models = self.store.list()
        active = self._active_id()
        self.model_list.blockSignals(True)
        self.model_list.clear()
        bold = QFont(self.font())
        bold.setBold(True)
        for info in models:
            acc = i18n.percent(info.accuracy) if info.accuracy is not None else self.tr("accuracy unknown")
            mark = "✓ " if info.id == active else "    "
            item = QListWidgetItem(f"{mark}{shown(info.name)}\n      {acc} · {when_made(info.created, time=False)}"
                                   + ("  · " + self.tr("default") if info.read_only and info.id == DEFAULT_ID else ""))
            item.setData(ID_ROLE, info.id)
            item.setData(Qt.ItemDataRole.UserRole + 1, info)
            item.setToolTip(summary(info))
            if info.id == active:
                item.setFont(bold)
            self.model_list.addItem(item)
        self.model_list.blockSignals(False)
        problems = self.store.problems()
        self.problems_label.setVisible(bool(problems))
        self.problems_label.setText(self.tr("Some models cannot be used:") + "\n"
                                    + "\n".join(f"• {p}" for p in problems))
        target = current if current is not None else active
        row = next((i for i in range(self.model_list.count())
                    if self.model_list.item(i).data(ID_ROLE) == target), 0)
        if self.model_list.count():
            self.model_list.setCurrentRow(row)
        self._on_selection()

    def model_ids(self) -> list[str]:
        return [self.model_list.item(i).data(ID_ROLE) for i in range(self.model_list.count())]

    def selected_id(self) -> str | None:
        item = self.model_list.currentItem()
        return item.data(ID_ROLE) if item is not None else None

    def select(self, model_id: str) -> None:
        for i in range(self.model_list.count()):
            if self.model_list.item(i).data(ID_ROLE) == model_id:
                self.model_list.setCurrentRow(i)
                return

    def _selected_info(self) -> ModelInfo | None:
        item = self.model_list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole + 1) if item is not None else None

    def _on_selection(self, *_args) -> None:
        info = self._selected_info()
        active = self._active_id()
        if info is None:
            self.card_label.setText("<p>No models.</p>")
        else:
            self.card_label.setText(card_html(info, info.id == active))
        user = info is not None and not info.read_only
        self.use_button.setEnabled(info is not None and info.id != active)
        self.rename_button.setEnabled(user)
        self.delete_button.setEnabled(user)
        self.export_button.setEnabled(info is not None)
        self.reset_button.setEnabled(active != DEFAULT_ID)

    # -- actions ---------------------------------------------------------------------------------
    def activate(self, model_id: str | None = None) -> bool:
        model_id = model_id or self.selected_id()
        if model_id is None:
            return False
        used = self.session.use(model_id)  # on failure the session says why (the window shows it)
        self.refresh(select=model_id)
        if not used:
            self.last_error = self.session.last_problem
        return used

    def reset_to_default(self) -> bool:
        return self.activate(DEFAULT_ID)

    def rename(self, model_id: str | None = None, name: str | None = None) -> bool:
        model_id = model_id or self.selected_id()
        info = self._selected_info() if model_id == self.selected_id() else None
        if model_id is None:
            return False
        if name is None:
            name, ok = QInputDialog.getText(self, self.tr("Rename model"), self.tr("New name:"),
                                            text=info.name if info is not None else "")
            if not ok:
                return False
        try:
            self.store.rename(model_id, name)
        except (StoreError, OSError) as exc:
            return self._error(self.tr("Cannot rename the model"), exc)
        self.refresh(select=model_id)  # the session refreshes itself (ActiveModel.modelsChanged)
        return True

    def delete(self, model_id: str | None = None, confirm: bool = True) -> bool:
        model_id = model_id or self.selected_id()
        if model_id is None:
            return False
        if confirm:
            try:
                name = self.store.get(model_id).name
            except StoreError:
                name = model_id
            answer = QMessageBox.question(
                self, self.tr("Delete model"), self.tr("Delete the model “{name}”?\n\nThis cannot be undone; export "
                                                       "it first if you may want it back.").format(name=name),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
            if answer != QMessageBox.StandardButton.Yes:
                return False
        was_active = self._active_id() == model_id
        try:
            self.store.delete(model_id)
        except (StoreError, OSError) as exc:
            return self._error(self.tr("Cannot delete the model"), exc)
        self.refresh(select=DEFAULT_ID if was_active else None)  # the session loads the default if needed
        return True

    def export(self, path: str | os.PathLike | None = None, model_id: str | None = None) -> bool:
        model_id = model_id or self.selected_id()
        if model_id is None:
            return False
        if path is None:
            start = Path(prefs.value("files/lastDir", str(Path.home()), str)) / f"{model_id}.zip"
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Export model"), str(start),
                                                  self.tr("DigitPad model (*.zip)"))
            if not path:
                return False
        path = Path(path)
        if path.suffix.lower() != ".zip":
            path = path.with_name(path.name + ".zip")
        try:
            self.store.export(model_id, path)
        except (StoreError, OSError) as exc:
            return self._error(self.tr("Cannot export the model"), exc)
        prefs.settings().setValue("files/lastDir", str(path.parent))
        self._say(self.tr("Exported to {path}.").format(path=path))
        return True

    def import_(self, path: str | os.PathLike | None = None) -> bool:
        """Import a model from a .zip, checked whole (``model.keras`` too, which needs TensorFlow)
        by ``digitpad models import`` in a child process, so TensorFlow never enters the window's
        process; the window stays live meanwhile. True once it is in the store."""
        if path is None:
            start = prefs.value("files/lastDir", str(Path.home()), str)
            path, _ = QFileDialog.getOpenFileName(self, self.tr("Import model"), start,
                                                  self.tr("DigitPad model (*.zip)"))
            if not path:
                return False
        worker = ImportWorker(self.store, Path(path))
        self._import_loop, self._import_outcome = QEventLoop(self), None
        worker.finished.connect(self._import_finished)
        worker.failed.connect(self._import_failed)
        self.import_button.setEnabled(False)
        self._say(self.tr("Checking {file}…").format(file=Path(path).name))
        QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
        try:
            worker.start()
            if self._import_outcome is None:
                self._import_loop.exec()
        finally:
            QApplication.restoreOverrideCursor()
            self.import_button.setEnabled(True)
        info = self._import_outcome
        if not isinstance(info, ModelInfo):
            return self._error(self.tr("Cannot import the model"), StoreError(info or self.tr("The import stopped.")))
        prefs.settings().setValue("files/lastDir", str(Path(path).parent))
        self.refresh(select=info.id)
        self.session.modelsChanged.emit()  # made by another process: the store did not hear of it
        self._say(self.tr("Imported “{name}”. Select it and click Use This Model to draw with it.").format(
            name=shown(info.name)))
        return True

    @Slot(object)
    def _import_finished(self, info) -> None:
        self._import_outcome = info
        self._import_loop.quit()

    @Slot(str, str)
    def _import_failed(self, message: str, _details: str) -> None:
        self._import_outcome = message
        self._import_loop.quit()

    @Slot()
    def _on_models_changed(self) -> None:
        self.refresh()

    # -- messages --------------------------------------------------------------------------------
    def _say(self, text: str) -> None:
        self.message.emit(text)

    def _error(self, title: str, exc: Exception) -> bool:
        self.last_error = str(exc)
        box = QMessageBox(QMessageBox.Icon.Warning, title, str(exc), QMessageBox.StandardButton.Ok, self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        return False


class ImportWorker(Worker):
    """``digitpad models import PATH --json`` in a child process; ``finished`` the new ModelInfo,
    ``failed`` the command's own message."""

    what = "Importing the model"

    def __init__(self, store, path: Path):
        super().__init__()
        self.store, self.path = store, path

    def work(self):
        cli = [sys.executable] if getattr(sys, "frozen", False) else [sys.executable, "-m", "app.cli"]
        env = dict(os.environ, DIGITPAD_HOME=str(self.store.home))
        if not getattr(sys, "frozen", False):  # the child imports this checkout's app and model
            root = str(Path(__file__).resolve().parents[1])
            env["PYTHONPATH"] = os.pathsep.join([root, *filter(None, [env.get("PYTHONPATH")])])
        done = subprocess.run([*cli, "models", "import", "--json", str(self.path)], stdin=subprocess.DEVNULL,
                              capture_output=True, text=True, encoding="utf-8", errors="replace", env=env)
        if done.returncode != 0:
            said = [line[len("digitpad: "):] for line in done.stderr.splitlines() if line.startswith("digitpad: ")]
            raise StoreError(" ".join(said) or f"The import stopped unexpectedly (exit code {done.returncode}):"
                             f" {done.stderr.strip()[-500:]}")
        return self.store.get(json.loads(done.stdout.strip().splitlines()[-1])["id"])
