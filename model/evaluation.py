"""Accuracy, loss and the confusion matrix of a Recognizer on labelled digits (NumPy only)."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .recognizer import Recognizer


@dataclass
class Evaluation:
    accuracy: float
    loss: float  # mean categorical cross-entropy
    n: int
    confusion: np.ndarray  # (10, 10) int, rows = true digit, columns = predicted
    predictions: np.ndarray  # (n,) predicted digits

    def to_dict(self) -> dict:
        return {
            "accuracy": self.accuracy,
            "loss": self.loss,
            "n": self.n,
            "confusion": self.confusion.tolist(),
        }


def evaluate(recognizer: Recognizer, x: np.ndarray, y: np.ndarray, batch: int = 4096) -> Evaluation:
    """x: uint8 (n, 28, 28) like MNIST, or float 0..1 (n, 28, 28)/(n, 784); y: (n,) digits."""
    y = np.asarray(y).astype(np.int64)
    n = len(y)
    if n == 0:
        from .data.sources import DataError

        raise DataError("Nothing to evaluate: the data holds no digits. Use a dataset with digits in it.")
    scale = 1.0 / 255.0 if x.dtype == np.uint8 else 1.0
    preds = np.empty(n, dtype=np.int64)
    nll = 0.0
    for i in range(0, n, batch):
        xb = x[i : i + batch].reshape(-1, 784).astype(np.float32) * scale
        p = recognizer.probabilities(xb)
        preds[i : i + batch] = p.argmax(axis=1)
        nll += float(-np.log(np.clip(p[np.arange(len(p)), y[i : i + batch]], 1e-12, 1.0)).sum())
    confusion = np.zeros((10, 10), dtype=np.int64)
    np.add.at(confusion, (y, preds), 1)
    return Evaluation(float((preds == y).mean()), nll / n, n, confusion, preds)
