"""The ``--events`` protocol between a training child process and the window (app/cli/events.py).

Both sides use the same dataclasses: what the child encodes, the window decodes into an equal
object (arrays, NaN losses, paths, tuples included). Batches are throttled without losing a
point. ``digitpad train --events`` really streams its run and ends with its result; a failure is
an error event the window can word, then the usual message on stderr.
"""
from __future__ import annotations

import json
import math
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest
from helpers import cli_env, mnist

from app.cli import events
from model.training.personalize import PersonalizeResult
from model.training.report import DataSummary, TrainingReport
from model.training.trainer import Progress

ROOT = Path(__file__).resolve().parents[1]


def round_trip(obj):
    """What the window reads back of what the child sent: through JSON text, as on the pipe."""
    return events.decode(type(obj), json.loads(json.dumps(events.encode(obj))))


def test_progress_round_trips_with_its_weights_and_nan_losses():
    kernel = np.random.default_rng(0).normal(size=(784, 24)).astype(np.float32)
    p = Progress("epoch", 3, 5, 17, 17, 0.25, 0.9, 0.3, 0.88, elapsed=4.5, eta=3.0, first_layer=kernel)
    back = round_trip(p)
    assert back == p  # first_layer is not compared by the dataclass...
    assert back.first_layer.dtype == np.float32 and np.array_equal(back.first_layer, kernel)  # ...so here
    start = round_trip(Progress("start", 1, 5, 0, 17))
    assert math.isnan(start.loss) and start.first_layer is None and start.fraction == 0.0


def test_results_round_trip_as_the_same_dataclasses(tmp_path):
    rng = np.random.default_rng(1)
    y = rng.integers(0, 10, 200).astype(np.uint8)
    report = TrainingReport(model_id="m", model_dir=str(tmp_path), name="MLP · x", seconds=1.5, epochs_run=2,
                            best_epoch=2, restore_best=False, test_accuracy=0.5, test_n=200,
                            history={"loss": [1.0, 0.5]}, confusion=np.eye(10, dtype=np.int64) * 20,
                            x_test=rng.integers(0, 255, (200, 28, 28), dtype=np.uint8), y_test=y, predictions=y)
    back = round_trip(report)
    for name in ("confusion", "x_test", "y_test", "predictions"):
        original, got = getattr(report, name), getattr(back, name)
        assert got.dtype == original.dtype and np.array_equal(got, original), name
    assert back.history == report.history and back.summary() == report.summary()
    summary = DataSummary("d", 10, 2, True, 0.1, ("12 drawn digits",))
    assert round_trip(summary) == summary
    result = PersonalizeResult(before={"samples": 0.5, "base": None}, after={"samples": 1.0, "base": None},
                               model_id="p", model_dir=tmp_path, seconds=2.0, n_finetune=7, n_heldout=3,
                               base_model="b", data_name=None, notes=["a note"])
    back = round_trip(result)
    assert back == result and isinstance(back.model_dir, Path)


def test_large_arrays_go_through_the_readers_folder_and_are_removed_once_read(tmp_path, monkeypatch, capsys):
    """The window names a folder: a test set is not base64 on the pipe (decoding 10 MB of it held
    the window's GIL for 50 ms), small arrays still are."""
    monkeypatch.setenv(events.EVENTS_DIR, str(tmp_path))
    x = np.random.default_rng(2).integers(0, 255, (1000, 28, 28), dtype=np.uint8)
    events.send("result", x_test=x, confusion=np.eye(10, dtype=np.int64))
    sent = json.loads(capsys.readouterr().out)
    assert set(sent["x_test"]) == {"npy"} and Path(sent["x_test"]["npy"]).parent == tmp_path
    assert set(sent["confusion"]) == {"ndarray"}  # 800 bytes: inline
    back = events.decode_value(sent["x_test"])
    assert np.array_equal(back, x) and not list(tmp_path.iterdir())


def test_batches_are_throttled_but_no_point_is_lost(capsys):
    send = events.ProgressEvents(interval=0.05)
    batches, epochs = 400, 3
    started = time.perf_counter()
    send(Progress("start", 1, epochs, 0, batches))
    for epoch in range(1, epochs + 1):
        for b in range(1, batches + 1):
            time.sleep(0.0005)
            send(Progress("batch", epoch, epochs, b, batches, 1.0 / b, 0.5))
        send(Progress("epoch", epoch, epochs, batches, batches, 0.1, 0.9, first_layer=np.zeros((784, 4), np.float32)))
    seconds = time.perf_counter() - started
    sent = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    batch_events = [e for e in sent if e["kind"] == "batch"]
    points = [pt for e in batch_events for pt in e["points"]]
    assert len(points) == batches * epochs  # every batch's loss reaches the curve
    assert points == sorted(points) and points[-1][0] == pytest.approx(epochs)
    assert len(batch_events) <= seconds / 0.05 + 2 * epochs  # ~20 per second, plus one flush per epoch
    assert [e["kind"] for e in sent if e["kind"] != "batch"] == ["start", "epoch", "epoch", "epoch"]
    assert all(e["first_layer"] is None for e in sent if e["kind"] == "epoch")  # weights only when asked


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux's scheduler")
def test_the_child_yields_the_cpu_to_the_window():
    """With --events the command is a batch job for the scheduler, and so is every thread it starts
    later (TensorFlow's): a waking window thread runs before it."""
    code = ("import os, threading\nfrom app.cli.events import yield_to_the_window\nassert yield_to_the_window()\n"
            "seen = []\nt = threading.Thread(target=lambda: seen.append(os.sched_getscheduler(0)))\n"
            "t.start(); t.join()\n"
            "print(os.sched_getscheduler(0) == os.SCHED_BATCH == seen[0])")
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert proc.stdout.strip() == "True", proc.stderr


def _train_events(args, home, tmp_path, timeout=600):
    proc = subprocess.run([sys.executable, "-m", "app.cli", "train", "--events", *map(str, args)], cwd=tmp_path,
                          env=cli_env(home), capture_output=True, text=True, timeout=timeout)
    return proc, [json.loads(line) for line in proc.stdout.splitlines()]


def test_a_failure_is_an_error_event_then_a_message(tmp_path):
    proc, sent = _train_events(["--data", tmp_path / "no-such-folder"], tmp_path / "home", tmp_path)
    assert proc.returncode == 1
    assert sent[-1]["event"] == "error" and sent[-1]["kind"] == "DataError" and sent[-1]["stage"] == "data"
    assert "no such file or folder" in sent[-1]["message"] and not sent[-1].get("details")
    assert proc.stderr.strip().splitlines()[-1].startswith("digitpad: no such file or folder")


@pytest.mark.slow
def test_train_events_streams_the_whole_run_and_ends_with_its_result(tmp_path):
    x, y = mnist()
    data = tmp_path / "digits.npz"
    np.savez(data, x_train=x[:600], y_train=y[:600], x_test=x[600:800], y_test=y[600:800])
    home = tmp_path / "home"
    proc, sent = _train_events(["--data", data, "--hidden", "24", "--epochs", "2", "--batch-size", "50",
                                "--validation-split", "0.1", "--no-augment", "--no-drawn", "--name", "Streamed"],
                               home, tmp_path)
    assert proc.returncode == 0, proc.stderr[-3000:]
    kinds = [e["event"] for e in sent]
    assert kinds[0] == "status" and kinds[-1] == "result" and "error" not in kinds
    stages = [e["stage"] for e in sent if e["event"] == "status"]
    assert stages == ["data", "tensorflow", "training", "saving"]
    data_event = events.decode(DataSummary, next(e for e in sent if e["event"] == "data"))
    assert (data_event.n_train, data_event.n_test) == (600, 200)
    progress = [events.decode(Progress, e) for e in sent if e["event"] == "progress"]
    assert progress[0].kind == "start" and progress[0].batches == 11  # 540 digits fit, 50 per batch
    assert sum(len(e["points"]) for e in sent if e.get("kind") == "batch") == 2 * 11
    epochs = [p for p in progress if p.kind == "epoch"]
    assert [p.epoch for p in epochs] == [1, 2] and all(p.first_layer.shape == (784, 24) for p in epochs)
    report = events.decode(TrainingReport, sent[-1])
    assert report.name == "Streamed" and report.test_n == 200 and report.x_test.shape == (200, 28, 28)
    assert report.confusion.sum() == 200 and len(report.predictions) == 200
    assert Path(report.model_dir).parent == home / "models" and (Path(report.model_dir) / "weights.npz").is_file()
