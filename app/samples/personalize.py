"""PersonalizeWorker: fine-tunes the model on the user's samples in another process.

The fine-tuning runs as ``digitpad personalize --events`` in a child process, which this worker's
thread starts and reads. TensorFlow is then never imported into the window's process for it:
importing it, building its input pipeline and collecting its garbage hold Python's GIL for up to
half a second at a time, and the window's live drawing needs the GIL on every mouse move
(tests/benchmarks/bench_personalize_stall.py: the longest event-loop gap fell from 478 ms, the first
time in a session, to under 50 ms).

``progress`` carries ``(fraction 0..1, text)``, ``epochFinished`` after every fine-tuning epoch
its :class:`model.training.trainer.Progress` (``val_accuracy`` on the base digits held back,
``samples_accuracy`` on the user's held-out samples; epochs past the first pass are the refit on all
the samples, step 4 of :mod:`model.training.personalize`: :meth:`PersonalizeWorker.is_refit`),
``finished`` the :class:`model.training.personalize.PersonalizeResult`. The child process is run and
read by :class:`app.workers.ChildWorker`, as the Train tab's training is; Cancel interrupts it
(nothing is saved; a model it saved in the same instant is deleted).
"""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal

from model.samples.store import SampleStore
from model.store.models import ModelStore
from model.training.personalize import PersonalizeResult, Recipe
from model.training.trainer import Progress

from ..cli.events import decode
from ..train.texts import pct
from ..workers import ChildWorker

# What the personalise child says it is doing (app/cli/personalize.py), translated where it is shown.
STATUS_TEXTS = (
    QT_TRANSLATE_NOOP("PersonalizeWorker", "Starting TensorFlow (the first time takes a few seconds)…"),
    QT_TRANSLATE_NOOP("PersonalizeWorker", "Downloading MNIST (11 MB, once) so your model keeps reading standard "
                      "digits…"))


@dataclass
class PersonalizeOutcome:
    """How a personalisation ended: what ``SamplesTab.personalizeFinished`` carries."""

    result: PersonalizeResult | None = None  # None: cancelled or failed
    cancelled: bool = False
    error: str | None = None
    details: str | None = None


class PersonalizeWorker(ChildWorker):
    # Said in English here; app.workers translates them where it shows them (context "Worker").
    what = "Personalising"
    out_of_memory = "Out of memory while personalising. Close other programs and try again."
    epochFinished = Signal(object)  # model.training.trainer.Progress (kind "epoch")

    def __init__(self, store: ModelStore, samples: SampleStore, model_id: str | None = None, *,
                 epochs: int | None = None, recipe: Recipe | None = None, seed: int | None = None,
                 base: str | None = None):
        super().__init__(home=store.home)
        self.store, self.samples, self.model_id = store, samples, model_id
        self.epochs, self.recipe, self.seed, self.base = epochs, recipe, seed, base
        self.first_pass = epochs or (recipe or Recipe()).epochs  # epochs after it are the refit

    def arguments(self) -> list[str]:
        """``digitpad personalize --events ...`` for this model and these samples."""
        info = self.store.resolve(self.model_id)
        args = ["personalize", "--events", "--model", str(info.path), "--samples", str(self.samples.path)]
        if self.epochs:
            args += ["--epochs", str(self.epochs)]
        if self.recipe is not None:
            import json

            args += ["--recipe", json.dumps(self.recipe.to_dict())]
        if self.seed is not None:
            args += ["--seed", str(self.seed)]
        if self.base is not None:
            args += ["--data", str(self.base)]
        return args

    def is_refit(self, p: Progress) -> bool:
        """Whether an epoch is of the refit on all the samples (step 4 of model.training.personalize)."""
        return p.epoch > self.first_pass

    def work(self) -> PersonalizeResult:
        self.progress.emit((0.0, self.tr("Preparing…")))
        return super().work()

    def on_event(self, event: dict) -> None:
        if event.get("event") == "status":
            self.progress.emit((0.0, self.tr(str(event.get("text", "")))))  # STATUS_TEXTS translated
            return
        if event.get("event") != "progress" or event.get("kind") == "start":
            return
        p = decode(Progress, event)
        first = self.first_pass
        text = (self.tr("Refitting on all your samples: epoch {epoch} of {epochs}").format(
                    epoch=p.epoch - first, epochs=p.epochs - first) if self.is_refit(p)
                else self.tr("Fine-tuning: epoch {epoch} of {epochs}").format(epoch=p.epoch, epochs=p.epochs))
        if p.kind == "epoch":
            if p.val_accuracy is not None:
                text += " · " + self.tr("base {share}").format(share=pct(p.val_accuracy, spaced=True))
            if p.samples_accuracy is not None:
                text += " · " + self.tr("your samples {share}").format(share=pct(p.samples_accuracy, spaced=True))
            self.epochFinished.emit(p)
        self.progress.emit((float(event.get("fraction", 0.0)), text))

    def result(self, event: dict) -> PersonalizeResult:
        return decode(PersonalizeResult, event, info=self.store.get(event["model_id"]))

    def discard(self, result: PersonalizeResult) -> None:
        self.store.delete(result.model_id)
