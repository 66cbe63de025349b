"""What a training reports to whoever started it: plain data, no Keras, no Qt.

:class:`DataSummary` says what it trains on (sizes and split), :class:`TrainingReport` what came
out (the saved model, its figures on the test split and on drawn digits of writers it never saw,
the test digits and what it read them as, for the confusion matrix). ``digitpad train --json``
prints a report, ``digitpad train --events`` streams both to the window
(:mod:`app.cli.events`), which reads them back into these same classes.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from ..data.sources import Dataset


@dataclass(frozen=True)
class DataSummary:
    """The size and split of a dataset a training loads, for people."""

    name: str
    n_train: int
    n_test: int
    test_from_train: bool
    validation_split: float | None = None  # set when training: how the train split is divided
    extras: tuple[str, ...] = ()  # what else is trained on ("12,588 drawn digits ...")

    def __post_init__(self) -> None:
        object.__setattr__(self, "extras", tuple(self.extras))  # also when read back from JSON

    @classmethod
    def of(cls, data: Dataset, validation_split: float | None = None, extras=()) -> DataSummary:
        n_test = 0 if data.y_test is None else len(data.y_test)
        return cls(data.name, len(data.y_train), n_test, data.test_from_train, validation_split, tuple(extras))

    def describe(self) -> str:
        parts = [f"{self.n_train:,} training digits"]
        if self.validation_split:
            n_val = round(self.n_train * self.validation_split)
            parts = [f"{self.n_train - n_val:,} to fit", f"{n_val:,} to validate"]
        if self.n_test:
            test = f"{self.n_test:,} to test"
            parts.append(test + (" (set aside from the training files)" if self.test_from_train else ""))
        else:
            parts.append("no test split")
        return " · ".join(parts) + "".join(f" · plus {e}" for e in self.extras)


@dataclass
class TrainingReport:
    """A finished, saved training: the model and how well it reads digits it never trained on."""

    model_id: str
    model_dir: str
    name: str
    seconds: float
    epochs_run: int
    best_epoch: int
    restore_best: bool  # the best epoch's weights were kept (else the last epoch's)
    test_accuracy: float | None = None
    test_loss: float | None = None
    test_n: int = 0
    test_from_train: bool = False
    drawn_accuracy: float | None = None  # on drawn digits of writers it never trained on
    drawn_n: int = 0
    drawn_heldout: str | None = None  # which digits those are
    history: dict[str, list[float]] = field(default_factory=dict)
    confusion: np.ndarray | None = None  # (10, 10) rows = true digit, columns = predicted
    # The test digits and what the model read them as: a cell of the confusion matrix opens its own.
    x_test: np.ndarray | None = field(default=None, repr=False)
    y_test: np.ndarray | None = field(default=None, repr=False)
    predictions: np.ndarray | None = field(default=None, repr=False)

    @classmethod
    def of(cls, result, data: Dataset, info, *, drawn_heldout: str | None = None) -> TrainingReport:
        """The report of a ``model.training.trainer.TrainingResult`` trained on ``data`` and saved
        as ``info`` (a ModelInfo)."""
        return cls(
            model_id=info.id, model_dir=str(info.path), name=info.name, seconds=float(result.seconds),
            epochs_run=int(result.epochs_run), best_epoch=int(result.best_epoch),
            restore_best=bool(result.training.restore_best), test_accuracy=result.test_accuracy,
            test_loss=result.test_loss, test_n=int(result.test_n), test_from_train=bool(data.test_from_train),
            drawn_accuracy=result.drawn_accuracy, drawn_n=int(result.drawn_n),
            drawn_heldout=drawn_heldout if result.drawn_accuracy is not None else None,
            history={k: [float(v) for v in vs] for k, vs in result.history.items()},
            confusion=result.confusion, x_test=data.x_test if result.test_n else None,
            y_test=data.y_test if result.test_n else None, predictions=result.test_predictions,
        )

    def summary(self) -> dict:
        """What ``digitpad train --json`` prints (stable: scripts read it)."""
        return {
            "model": self.model_dir, "id": self.model_id, "test_accuracy": self.test_accuracy,
            "test_loss": self.test_loss, "test_n": self.test_n, "test_from_train": self.test_from_train,
            "epochs_run": self.epochs_run, "best_epoch": self.best_epoch, "drawn_accuracy": self.drawn_accuracy,
            "drawn_n": self.drawn_n, "seconds": round(self.seconds, 2),
        }
