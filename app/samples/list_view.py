"""The Samples tab's grid: one thumbnail per sample, grouped by digit; digit keys relabel, Delete removes."""
from __future__ import annotations

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QDateTime,
    QEvent,
    QLocale,
    QModelIndex,
    QObject,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QPixmap
from PySide6.QtWidgets import QAbstractItemView, QListView, QWidget

from model.samples.store import Sample

from ..widgets.digits import digit_pixmap

translate = QCoreApplication.translate
THUMB = 56  # pixels: 28x28 shown at 2x

_DIGIT_KEYS = {getattr(Qt.Key, f"Key_{d}"): d for d in range(10)}
_DELETE_KEYS = (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)


class SampleListModel(QAbstractListModel):
    """One row per sample (grouped by digit, oldest first within a digit): the label as text, the
    28x28 image enlarged as the decoration, the details as tooltip, the id as ``IdRole``."""

    IdRole = Qt.ItemDataRole.UserRole + 1
    LabelRole = Qt.ItemDataRole.UserRole + 2

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._rows: list[Sample] = []
        self._pixmaps: dict[tuple[int, int], QPixmap] = {}

    def set_samples(self, samples: list[Sample]) -> None:
        self.beginResetModel()
        self._rows = sorted(samples, key=lambda s: (s.label, s.id))
        keep = {(s.id, s.label) for s in self._rows}
        self._pixmaps = {k: v for k, v in self._pixmaps.items() if k in keep}
        self.endResetModel()

    def sample(self, row: int) -> Sample:
        return self._rows[row]

    def row_of(self, sample_id: int) -> int:
        for i, s in enumerate(self._rows):
            if s.id == sample_id:
                return i
        return -1

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        s = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:  # the label; what the model read when it was wrong
            if s.correct is not False:
                return str(s.label)
            return translate("SampleListModel", "{label} (read {read})").format(label=s.label, read=s.predicted)
        if role == Qt.ItemDataRole.DecorationRole:
            return self._pixmap(s)
        if role == Qt.ItemDataRole.ToolTipRole:  # short: a tall tooltip would cover the neighbours
            if s.predicted is None:
                what = translate("SampleListModel", "#{id}: a {label}").format(id=s.id, label=s.label)
            elif s.model_id:
                what = translate("SampleListModel", "#{id}: a {label}, read as {read} by {model}").format(
                    id=s.id, label=s.label, read=s.predicted, model=s.model_id)
            else:
                what = translate("SampleListModel", "#{id}: a {label}, read as {read}").format(
                    id=s.id, label=s.label, read=s.predicted)
            how = (translate("SampleListModel", "Drawn, {when}") if s.kind == "ink" else
                   translate("SampleListModel", "An image, {when}"))
            return what + "\n" + how.format(when=_when(s.created))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        if role == self.IdRole:
            return s.id
        if role == self.LabelRole:
            return s.label
        return None

    def _pixmap(self, s: Sample) -> QPixmap:
        key = (s.id, s.label)
        pm = self._pixmaps.get(key)
        if pm is None:
            pm = digit_pixmap(s.image, THUMB // 28)  # (28, 28) uint8 white on black
            self._pixmaps[key] = pm
        return pm


class SampleListView(QListView):
    """The grid; digit keys relabel and Delete/Backspace delete the selection. Those keys are
    claimed on ShortcutOverride, so window shortcuts on the same keys (the Draw tab's) do not
    take them while the grid has the focus."""

    relabelRequested = Signal(int)
    deleteRequested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setMovement(QListView.Movement.Static)
        self.setUniformItemSizes(True)
        self.setIconSize(QSize(THUMB, THUMB))
        self.setGridSize(QSize(THUMB + 16, THUMB + 24))
        self.setSpacing(2)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)

    def setModel(self, model) -> None:  # noqa: N802 (Qt API)
        super().setModel(model)
        model.modelReset.connect(self.fit_grid)

    def fit_grid(self) -> None:
        """Cells wide enough for every caption ("7 (read 1)"): a caption is never cut."""
        model, fm = self.model(), self.fontMetrics()
        texts = {str(model.data(model.index(r), Qt.ItemDataRole.DisplayRole)) for r in range(model.rowCount())}
        width = max([THUMB + 16] + [fm.horizontalAdvance(t) + 14 for t in texts])
        self.setGridSize(QSize(width, THUMB + 10 + fm.height()))

    def _ours(self, event: QKeyEvent) -> bool:
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        return mods == Qt.KeyboardModifier.NoModifier and (event.key() in _DIGIT_KEYS or event.key() in _DELETE_KEYS)

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and self._ours(event):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self._ours(event) and self.selectionModel() is not None and self.selectionModel().hasSelection():
            if event.key() in _DIGIT_KEYS:
                self.relabelRequested.emit(_DIGIT_KEYS[event.key()])
            else:
                self.deleteRequested.emit()
            event.accept()
            return
        super().keyPressEvent(event)


def _when(created: str) -> str:
    """An ISO time stamp in the locale's short date and time format."""
    when = QDateTime.fromString(created[:19], Qt.DateFormat.ISODate)
    return QLocale().toString(when, QLocale.FormatType.ShortFormat) if when.isValid() else created[:16]
