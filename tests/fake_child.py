"""A stand-in for ``digitpad train --events`` that needs no TensorFlow, for the Train tab's plumbing tests.

    python tests/fake_child.py SCENARIO train --events --name NAME --epochs N ... (the real arguments)

It speaks the real protocol with the real code (app.cli.events: send, ProgressEvents,
reporting_errors) and saves a real model (random weights) into the store under DIGITPAD_HOME, so
the window's side is tested exactly as with the real child; only the training is scripted:

    ok                a normal run: 40 batches per epoch (1 ms apart), then the model and its result
    bug               an unexpected exception in the 3rd batch (a bug: a traceback for the details)
    saved-then-killed saves the model, then is killed before it can send the result
    slow-start        says it is loading the data, then waits (for a cancel) for a minute
"""
from __future__ import annotations

import argparse
import os
import signal
import sys
import time
from pathlib import Path

sys.path[:0] = [str(Path(__file__).resolve().parents[1]), str(Path(__file__).resolve().parent)]

import numpy as np  # noqa: E402

from app.cli import events  # noqa: E402
from model.training.report import DataSummary, TrainingReport  # noqa: E402
from model.training.trainer import Progress  # noqa: E402

BATCHES = 40


def save_model(name: str):
    from helpers import random_weights

    from model.store.card import DataSpec, Metrics, ModelCard
    from model.store.models import ModelStore

    card = ModelCard(name=name, data=DataSpec(name="fake digits"), metrics=Metrics(test_accuracy=0.5))
    return ModelStore().save(card, lambda folder: random_weights(folder / "weights.npz"), name=name)


def main() -> int:
    scenario = sys.argv[1]
    parser = argparse.ArgumentParser()
    parser.add_argument("--name", default="fake")
    parser.add_argument("--epochs", type=int, default=2)
    args, _ = parser.parse_known_args(sys.argv[3:])
    with events.reporting_errors():
        events.status("Loading the digits…", "data")
        if scenario == "slow-start":
            time.sleep(60)
            return 1
        rng = np.random.default_rng(0)
        y = np.repeat(np.arange(10, dtype=np.uint8), 20)
        x = rng.integers(0, 255, (len(y), 28, 28), dtype=np.uint8)
        events.send("data", **events.fields(DataSummary("fake digits", 1000, len(y), False, 0.1)))
        events.status("Training…", "training")
        progress = events.ProgressEvents(weights=True)
        progress(Progress("start", 1, args.epochs, 0, BATCHES))
        for epoch in range(1, args.epochs + 1):
            for b in range(1, BATCHES + 1):
                if scenario == "bug" and b == 3:
                    raise RuntimeError("simulated failure inside the training")
                time.sleep(0.001)
                progress(Progress("batch", epoch, args.epochs, b, BATCHES, 2.0 / (epoch + b / BATCHES), 0.5, eta=1.0))
            kernel = rng.normal(size=(784, 16)).astype(np.float32)
            progress(Progress("epoch", epoch, args.epochs, BATCHES, BATCHES, 1.0 / epoch, 0.5, 1.1 / epoch, 0.5,
                              first_layer=kernel))
        events.status("Saving the model…", "saving")
        info = save_model(args.name)
        if scenario == "saved-then-killed":
            os.kill(os.getpid(), signal.SIGKILL)
        report = TrainingReport(model_id=info.id, model_dir=str(info.path), name=info.name, seconds=0.1,
                                epochs_run=args.epochs, best_epoch=args.epochs, restore_best=False, test_accuracy=0.5,
                                test_n=len(y), history={"loss": [1.0] * args.epochs},
                                confusion=np.diag(np.bincount(y, minlength=10)), x_test=x, y_test=y, predictions=y)
        events.send("result", **events.fields(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
