"""SourcePicker: where digits come from (MNIST, the drawn digits shipped with DigitPad, an IDX folder,
an .npz, or a dataset in memory).

Used by the Data and the Robustness tabs.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QComboBox, QFileDialog, QHBoxLayout, QToolButton, QWidget

from .. import settings as prefs

MNIST_SOURCE = "mnist"
DRAWN_SOURCE = "drawn"  # model.data.shipped.DRAWN
DRAWN_LABEL = QT_TRANSLATE_NOOP("SourcePicker", "Drawn digits (shipped with DigitPad)")  # translated where shown


def source_label(source: str) -> str:
    """What a source is called in a picker: MNIST, the drawn digits, or a folder's/file's name."""
    if str(source).strip().lower() == MNIST_SOURCE:
        return "MNIST"
    if str(source).strip().lower() == DRAWN_SOURCE:
        return QCoreApplication.translate("SourcePicker", DRAWN_LABEL)
    path = Path(str(source)).expanduser()
    return path.name or str(source)


class SourcePicker(QWidget):
    """MNIST, the shipped drawn digits, an IDX folder, an .npz, or a dataset given in memory: a
    combo box and two buttons.

    Emits :attr:`sourceChosen` with a ``load_source`` argument ('mnist', 'drawn' or a path), or with
    ``"memory:<name>"`` for a dataset added with :meth:`add_memory`.
    """

    sourceChosen = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.combo = QComboBox()
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.combo.setMinimumContentsLength(18)
        self.combo.addItem(self.tr("Choose data…"), "")
        self.combo.addItem("MNIST", MNIST_SOURCE)
        self.combo.addItem(source_label(DRAWN_SOURCE), DRAWN_SOURCE)
        self.combo.setToolTip(self.tr("The digits to look at: MNIST (downloaded once, 11 MB), the digits people drew "
                                      "that ship with DigitPad (no download; their test split is writers training "
                                      "never sees), a folder of IDX files (train-*/t10k-*) or an .npz with Keras's "
                                      "keys."))
        self.folder_button = QToolButton()
        self.folder_button.setText(self.tr("Folder…"))
        self.folder_button.setToolTip(self.tr("Choose a folder of MNIST-style IDX files"))
        self.file_button = QToolButton()
        self.file_button.setText(".npz…")
        self.file_button.setToolTip(self.tr("Choose an .npz file with x_train, y_train (and x_test, y_test)"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.combo, 1)
        layout.addWidget(self.folder_button)
        layout.addWidget(self.file_button)
        self.combo.activated.connect(self._on_activated)
        self.folder_button.clicked.connect(self._choose_folder)
        self.file_button.clicked.connect(self._choose_file)

    def source(self) -> str:
        return str(self.combo.currentData() or "")

    def set_source(self, source: str, label: str | None = None, emit: bool = False) -> None:
        """Select ``source`` (adding it when new) without opening anything."""
        i = self.combo.findData(source)
        if i < 0:
            self.combo.addItem(label or source_label(source), source)
            i = self.combo.count() - 1
            if not source.startswith("memory:"):
                self.combo.setItemData(i, source, Qt.ItemDataRole.ToolTipRole)
        self.combo.setCurrentIndex(i)
        if emit:
            self.sourceChosen.emit(source)

    def add_memory(self, name: str) -> str:
        """List a dataset held in memory; returns its source key."""
        key = f"memory:{name}"
        self.set_source(key, name)
        return key

    def _on_activated(self, _i: int) -> None:
        if self.source():
            self.sourceChosen.emit(self.source())

    def _start_dir(self) -> str:
        src = self.source()
        if src and src not in (MNIST_SOURCE, DRAWN_SOURCE) and not src.startswith("memory:"):
            return str(Path(src).expanduser().parent)
        return prefs.DATA_DIR.get()  # the folder of digit data chosen last in any tab

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Choose a folder of IDX digit files"),
                                                  self._start_dir())
        if folder:
            prefs.DATA_DIR.set(folder)
            self.set_source(folder, emit=True)

    def _choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose an .npz file of digits"), self._start_dir(),
                                              self.tr("NumPy archives (*.npz);;All files (*)"))
        if path:
            prefs.DATA_DIR.remember(path)
            self.set_source(path, emit=True)
