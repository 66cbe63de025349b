"""PersonalizeWorker: fine-tunes the model on the user's samples off the GUI thread.

It runs one :class:`model.personalize.Personalizer` (TensorFlow is imported there, when it starts);
``progress`` carries ``(fraction 0..1, text)``, ``epochFinished`` after every fine-tuning epoch
``{"epoch", "epochs", "base", "samples", "refit"}`` (accuracy on the base digits held back and on
the user's held-out samples, 0..1 or None; ``refit`` once it fine-tunes again on all the samples,
step 4 of :mod:`model.personalize`, numbered on after the first pass), ``finished`` the
:class:`PersonalizeResult`.
"""
from __future__ import annotations

import time

from PySide6.QtCore import Signal

from model.samples import SampleStore
from model.store import ModelStore

from ..workers import Worker

PROGRESS_INTERVAL = 0.05  # seconds between progress signals


class PersonalizeWorker(Worker):
    what = "Personalising"
    out_of_memory = "Out of memory while personalising. Close other programs and try again."
    epochFinished = Signal(object)  # {"epoch", "epochs", "base", "samples", "refit"}

    def __init__(self, store: ModelStore, samples: SampleStore, model_id: str | None = None, **options):
        super().__init__()
        self.store, self.samples, self.model_id, self.options = store, samples, model_id, options
        self._personalizer = None
        self._last = 0.0

    def cancel(self) -> bool:
        super().cancel()
        if self._personalizer is not None:
            self._personalizer.cancel()
        return True

    def work(self):
        from model.personalize import Personalizer
        from model.tf_runtime import import_tensorflow, tensorflow_loaded

        self._personalizer = Personalizer(self.store, self.samples, model_id=self.model_id,
                                          on_progress=self._on_progress, **self.options)
        self.check_cancelled()
        if not tensorflow_loaded():
            self.progress.emit((0.0, "Starting TensorFlow (the first time takes a few seconds)…"))
        import_tensorflow()
        self.check_cancelled()
        self.progress.emit((0.0, "Measuring the model, then fine-tuning it on your samples…"))
        return self._personalizer.run()

    def _on_progress(self, p) -> None:
        if self.is_cancelled():
            return
        now = time.perf_counter()
        if p.kind == "batch" and now - self._last < PROGRESS_INTERVAL:
            return
        self._last = now
        first_pass = self._personalizer.recipe.epochs
        refit = p.epoch > first_pass
        text = (f"Refitting on all your samples: epoch {p.epoch - first_pass} of {p.epochs - first_pass}" if refit
                else f"Fine-tuning: epoch {p.epoch} of {p.epochs}")
        if p.kind == "epoch":
            samples = getattr(p, "samples_accuracy", None)
            if p.val_accuracy is not None:
                text += f" · base {100 * p.val_accuracy:.1f} %"
            if samples is not None:
                text += f" · your samples {100 * samples:.1f} %"
            self.epochFinished.emit({"epoch": int(p.epoch), "epochs": int(p.epochs), "base": p.val_accuracy,
                                     "samples": samples, "refit": refit})
        self.progress.emit((float(p.fraction), text))
