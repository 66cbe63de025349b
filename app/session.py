"""ActiveModel: the model DigitPad reads digits with, and the only code that changes it.

What happens on "Use this model" (in the Train tab, the Samples tab or the Models dialog) is
:meth:`ActiveModel.use`: the store records the choice, the model's weights are loaded, and if
they cannot be (a damaged or deleted model) the shipped default stands in and :attr:`problem`
says why. Then every view hears about it, in this order:

1. ``changed(info)``: take :attr:`ActiveModel.recognizer` (the chart, the Inside view, the
   Samples and Robustness tabs all subscribe);
2. ``reread()``: every view has the new network, so the Draw tab reads what is shown once more
   (one prediction, seen by every view).

``renamed(info)`` says the active model's card changed (a new name) but its network did not.

``modelsChanged()`` says the store's models changed (one saved, imported, renamed, deleted or
activated, from any thread): views that list models (the Models dialog, the Robustness tab's
comparison list) refresh themselves on it. The session hears it from the store
(:meth:`ModelStore.subscribe`), puts itself right first (:meth:`refresh`: a deleted or renamed
active model) and re-emits it in the GUI thread.
"""
from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal, Slot

from model.errors import DigitPadError
from model.recognizer import Recognizer
from model.store.models import DEFAULT_ID, ModelInfo, ModelStore

log = logging.getLogger("digitpad.session")


class ActiveModel(QObject):
    changed = Signal(object)  # ModelInfo | None: views take .recognizer now
    reread = Signal()  # after changed: read what is shown again
    renamed = Signal(object)  # ModelInfo: same network, new card
    problem = Signal(str, str)  # title, message: the model could not be used (and what stands in)
    modelsChanged = Signal()  # the store's models changed: lists of models refresh themselves
    _storeChanged = Signal(str, str)  # from the store, in whichever thread changed it

    def __init__(self, store: ModelStore | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.store = store if store is not None else ModelStore()
        self.info: ModelInfo | None = None
        self.recognizer: Recognizer | None = None
        self.fallback_reason: str | None = None  # why the last load used another model, if it did
        self.last_problem: str | None = None  # the last message ``problem`` carried
        self._storeChanged.connect(self._on_store_changed)  # queued when a worker thread saved
        listener, store = self._storeChanged.emit, self.store
        store.subscribe(listener)
        self.destroyed.connect(lambda *_: store.unsubscribe(listener))

    @property
    def model_id(self) -> str | None:
        return self.info.id if self.info is not None else None

    def load(self) -> ModelInfo | None:
        """(Re)load the store's active model, falling back to the shipped default, and announce it."""
        reason = None
        try:
            chosen = self.store.choose()
            info, reason = chosen.info, chosen.fallback_reason
            recognizer = Recognizer.load(info.path)
        except DigitPadError as exc:
            reason = str(exc)
            try:
                info = self.store.default()
                recognizer = Recognizer.load(info.path)
                reason += " " + self.tr("Using the shipped default model instead.")
            except DigitPadError as exc2:
                info, recognizer, reason = None, None, str(exc2)
        self.info, self.recognizer, self.fallback_reason = info, recognizer, reason
        if info is None:
            self._problem(self.tr("No model"),
                          self.tr("DigitPad has no usable model, so it cannot read digits.") + f"\n\n{reason}")
        elif reason:
            self._problem(self.tr("Model unavailable"), reason)
        self.changed.emit(info)
        self.reread.emit()
        return info

    def use(self, model_id: str) -> bool:
        """Make ``model_id`` the active model and load it; False (and ``problem``) if it cannot be."""
        try:
            self.store.activate(model_id)
        except (DigitPadError, OSError) as exc:
            self._problem(self.tr("Cannot use that model"), str(exc))
            return False
        info = self.load()
        return info is not None and info.id == model_id

    def _problem(self, title: str, text: str) -> None:
        log.warning("%s: %s", title, text)
        self.last_problem = text
        self.problem.emit(title, text)

    def reset_to_default(self) -> bool:
        return self.use(DEFAULT_ID)

    @Slot(str, str)
    def _on_store_changed(self, what: str, model_id: str) -> None:
        if what in ("renamed", "deleted") and model_id == self.model_id:
            self.refresh()
        self.modelsChanged.emit()

    def refresh(self) -> None:
        """After models were renamed or deleted: reload if the active one is gone or another one,
        else take its new card."""
        if self.info is None:
            return
        try:
            current = self.store.active()
        except DigitPadError:
            current = None
        if current is None or current.id != self.info.id or current.path != self.info.path:
            self.load()
        else:
            self.info = current
            self.renamed.emit(current)
