"""PersonalizeWorker: fine-tunes the model on the user's samples in another process.

The fine-tuning runs as ``digitpad personalize --events`` in a child process, which this worker's
thread starts and reads. TensorFlow is then never imported into the window's process for it:
importing it, building its input pipeline and collecting its garbage hold Python's GIL for up to
half a second at a time, and the window's live drawing needs the GIL on every mouse move
(tests/benchmarks/bench_personalize_stall.py: the longest event-loop gap fell from 478 ms, the first
time in a session, to under 50 ms).

``progress`` carries ``(fraction 0..1, text)``, ``epochFinished`` after every fine-tuning epoch
``{"epoch", "epochs", "base", "samples", "refit"}`` (accuracy on the base digits held back and on
the user's held-out samples, 0..1 or None; ``refit`` once it fine-tunes again on all the samples,
step 4 of :mod:`model.training.personalize`, numbered on after the first pass), ``finished`` the
:class:`model.training.personalize.PersonalizeResult`. Cancel interrupts the child (nothing is saved; a
model it saved in the same instant is deleted).
"""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

from PySide6.QtCore import Signal

from model.errors import Cancelled, DigitPadError
from model.samples.store import SampleStore
from model.store.models import ModelStore

from ..workers import Worker


class PersonalizeError(DigitPadError):
    """The fine-tuning process failed; its own message, for people."""


class PersonalizeWorker(Worker):
    what = "Personalising"
    out_of_memory = "Out of memory while personalising. Close other programs and try again."
    epochFinished = Signal(object)  # {"epoch", "epochs", "base", "samples", "refit"}

    def __init__(self, store: ModelStore, samples: SampleStore, model_id: str | None = None, *,
                 epochs: int | None = None, recipe=None, seed: int | None = None, base: str | None = None):
        super().__init__()
        self.store, self.samples, self.model_id = store, samples, model_id
        self.epochs, self.recipe, self.seed, self.base = epochs, recipe, seed, base
        from model.training.personalize import Recipe

        self.first_pass = epochs or (recipe or Recipe()).epochs  # epochs after it are the refit
        self._process: subprocess.Popen | None = None
        self._lock = threading.Lock()

    def command(self) -> list[str]:
        """``digitpad personalize --events ...`` as this program runs it (the bundle's executable
        is the ``digitpad`` command; from source, ``python -m app.cli``)."""
        info = self.store.resolve(self.model_id)
        cli = [sys.executable] if getattr(sys, "frozen", False) else [sys.executable, "-m", "app.cli"]
        cmd = [*cli, "personalize", "--events", "--model", str(info.path), "--samples", str(self.samples.path)]
        if self.epochs:
            cmd += ["--epochs", str(self.epochs)]
        if self.recipe is not None:
            cmd += ["--recipe", json.dumps(self.recipe.to_dict())]
        if self.seed is not None:
            cmd += ["--seed", str(self.seed)]
        if self.base is not None:
            cmd += ["--data", str(self.base)]
        return cmd

    def cancel(self) -> bool:
        super().cancel()
        with self._lock:
            process = self._process
        if process is not None and process.poll() is None:
            try:  # KeyboardInterrupt in the child: it stops and saves nothing
                process.send_signal(signal.SIGINT if os.name == "posix" else signal.SIGTERM)
            except OSError:
                pass
        return True

    def work(self):
        from model.training.personalize import PersonalizeResult

        cmd = self.command()
        env = dict(os.environ, DIGITPAD_HOME=str(self.store.home), PYTHONUNBUFFERED="1")
        if not getattr(sys, "frozen", False):  # the child imports this checkout's app and model
            root = str(Path(__file__).resolve().parents[2])
            env["PYTHONPATH"] = os.pathsep.join([root, *filter(None, [env.get("PYTHONPATH")])])
        self.check_cancelled()
        self.progress.emit((0.0, "Preparing…"))
        with self._lock:
            self._process = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                             stderr=subprocess.PIPE, text=True, encoding="utf-8", env=env)
        if self.is_cancelled():
            self.cancel()
        errors: list[str] = []
        reader = threading.Thread(target=lambda: errors.extend(self._process.stderr), daemon=True)
        reader.start()
        result = None
        for line in self._process.stdout:
            try:
                event = json.loads(line)
            except ValueError:
                continue  # not ours (a library's print)
            if event.get("event") == "result":
                result = event
            elif not self.is_cancelled():
                self._report(event)
        code = self._process.wait()
        reader.join(timeout=5)
        if self.is_cancelled():
            if result is not None:  # saved in the instant cancel was pressed: keep the promise
                self.store.delete(result["model_id"])
            raise Cancelled()
        if code != 0 or result is None:
            raise PersonalizeError(self._message(code, errors))
        return PersonalizeResult.from_dict(result, info=self.store.get(result["model_id"]))

    def _report(self, event: dict) -> None:
        if event.get("event") == "status":
            self.progress.emit((0.0, str(event.get("text", ""))))
            return
        if event.get("event") != "progress" or event.get("kind") == "start":
            return
        epoch, epochs = int(event["epoch"]), int(event["epochs"])
        first = self.first_pass
        refit = epoch > first
        text = (f"Refitting on all your samples: epoch {epoch - first} of {epochs - first}" if refit
                else f"Fine-tuning: epoch {epoch} of {epochs}")
        if event.get("kind") == "epoch":
            base, samples = event.get("val_accuracy"), event.get("samples_accuracy")
            if base is not None:
                text += f" · base {100 * base:.1f} %"
            if samples is not None:
                text += f" · your samples {100 * samples:.1f} %"
            self.epochFinished.emit({"epoch": epoch, "epochs": epochs, "base": base, "samples": samples,
                                     "refit": refit})
        self.progress.emit((float(event.get("fraction", 0.0)), text))

    def _message(self, code: int, errors: list[str]) -> str:
        said = [line.strip()[len("digitpad: "):] for line in errors if line.startswith("digitpad: ")]
        if said:
            return " ".join(said)
        if code in (-9, 137):  # killed: on Linux, the out-of-memory killer
            return self.out_of_memory
        tail = "".join(errors[-5:]).strip()
        return (f"Personalising stopped unexpectedly (exit code {code})"
                + (f": {tail}" if tail else ".") + " Check the log (Help ▸ Open Log Folder) and try again.")
