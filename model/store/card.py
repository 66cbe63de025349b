"""A model's card (``card.json``), typed: what the model is, what it was trained on, how well it did.

:class:`ModelCard` is what every part of DigitPad reads and writes; nothing parses display
strings or re-reads a training command to find out how a model was made. Its :class:`DataSpec`
records the training data precisely enough to load it again and carve *the same* test split
(source, test fraction, split seed), which is what personalising needs to measure a model on
digits it never trained on.

Version 2 cards are written. Version 1 cards (DigitPad 0.1) are read: their data spec is recovered
from the ``digitpad train`` command they recorded, else from the data's display name, with the
test fraction training used then (``model.data.sources.TEST_FRACTION``). Keys a card holds that this
version does not know are kept as they are and written back.
"""
from __future__ import annotations

import argparse
import dataclasses
import math
import numbers
import shlex
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..data.common import TEST_FRACTION
from ..errors import DigitPadError

__all__ = ["CARD_FORMAT", "CARD_VERSION", "MAX_NAME", "CardError", "DataSpec", "ExtraData", "Metrics", "ModelCard"]

CARD_FORMAT = "digitpad-model"
CARD_VERSION = 2
MNIST = "mnist"
MAX_NAME = 200  # characters of a model's name; longer names read from older cards are cut
MAX_INT = 2**63  # whole numbers beyond this in a card are not numbers DigitPad wrote
MAX_REPS = 1000  # times an extra dataset is repeated in training (a card asking for more is not one we wrote)


class CardError(DigitPadError):
    """A card.json that is not a DigitPad model card we read; the message completes "card.json ..."."""

    title = "Cannot read the model card"


@dataclass(frozen=True)
class ExtraData:
    """Digits added to the training data only (never to validation or test).

    ``kind``: "pendigits" (pen trajectories rendered as ink), "dataset" (an IDX folder or .npz),
    "drawn" (the drawn digits shipped with DigitPad) or "samples" (the user's own).
    """

    kind: str
    name: str  # for people: "pendigits.tra (pen trajectories rendered as ink x1)"
    source: str | None = None  # a path (absolute when known), to load them again
    reps: int = 1
    holdout: float = 0.0  # the last fraction kept out of training, for measuring
    n: int = 0  # how many digits they added

    def to_dict(self) -> dict:
        return dataclasses.asdict(self)

    @classmethod
    def from_dict(cls, d: dict) -> ExtraData:
        return cls(kind=_str(d.get("kind")) or "dataset", name=_str(d.get("name")) or "extra digits",
                   source=_str(d.get("source")), reps=_within(_int(d.get("reps"), 1), 1, MAX_REPS, 1),
                   holdout=_within(_float(d.get("holdout"), 0.0), 0.0, 0.99, 0.0), n=max(0, _int(d.get("n"), 0)))


@dataclass(frozen=True)
class DataSpec:
    """The training data of a model.

    ``source`` is what ``model.data.sources.load_source`` takes ("mnist", an IDX folder or an .npz; an
    absolute path when known), None when the data cannot be loaded again (e.g. only the user's
    samples). The test split was carved with ``test_fraction`` and ``seed`` when the source has
    no test files of its own (``test_from_train``).
    """

    name: str
    source: str | None = None
    test_fraction: float = TEST_FRACTION
    seed: int = 42
    test_from_train: bool = False
    extras: tuple[ExtraData, ...] = ()

    @classmethod
    def of(cls, dataset, source: str | None, *, test_fraction: float = TEST_FRACTION, seed: int = 42,
           extras=()) -> DataSpec:
        """The spec of a ``model.data.sources.Dataset`` loaded from ``source`` with this fraction and seed."""
        source = _normal_source(source)
        return cls(name="MNIST" if source == MNIST else dataset.name, source=source, test_fraction=float(test_fraction),
                   seed=int(seed), test_from_train=bool(dataset.test_from_train), extras=tuple(extras))

    def describe(self) -> str:
        """For people: "IDX folder /data/mnist + pendigits.tra (pen trajectories ...)"."""
        return " + ".join([self.name, *(e.name for e in self.extras)])

    def extra(self, kind: str) -> ExtraData | None:
        return next((e for e in self.extras if e.kind == kind), None)

    def to_dict(self) -> dict:
        d = dataclasses.asdict(self)
        d["extras"] = [e.to_dict() for e in self.extras]
        return d

    @classmethod
    def from_dict(cls, d: dict) -> DataSpec:
        extras = d.get("extras") if isinstance(d.get("extras"), list) else []
        return cls(name=_str(d.get("name")) or _str(d.get("source")) or "unknown data",
                   source=_str(d.get("source")),
                   test_fraction=_within(_float(d.get("test_fraction"), TEST_FRACTION), 0.01, 0.9, TEST_FRACTION),
                   seed=_int(d.get("seed"), 42), test_from_train=bool(d.get("test_from_train", False)),
                   extras=tuple(ExtraData.from_dict(e) for e in extras if isinstance(e, dict)))


@dataclass(frozen=True)
class Metrics:
    """Accuracy on the model's test split (never trained on), and on drawn digits of writers it never
    trained on (``drawn_*``, when it was measured on them: ``drawn_heldout`` says which digits);
    confusion rows = true digit."""

    test_accuracy: float | None = None
    test_loss: float | None = None
    test_n: int = 0
    confusion: list[list[int]] | None = None
    drawn_accuracy: float | None = None
    drawn_loss: float | None = None
    drawn_n: int = 0
    drawn_confusion: list[list[int]] | None = None
    drawn_heldout: str | None = None

    def to_dict(self) -> dict:
        return dataclasses.asdict(self)

    @classmethod
    def from_dict(cls, d: dict) -> Metrics:
        def matrix(v):  # a square of counts, one row per digit (at most 10), else not shown
            ok = (isinstance(v, list) and 0 < len(v) <= 10
                  and all(isinstance(r, list) and len(r) == len(v) and all(_count(n) for n in r) for r in v))
            return [[int(n) for n in r] for r in v] if ok else None

        return cls(test_accuracy=_opt_float(d.get("test_accuracy")), test_loss=_opt_float(d.get("test_loss")),
                   test_n=_int(d.get("test_n"), 0), confusion=matrix(d.get("confusion")),
                   drawn_accuracy=_opt_float(d.get("drawn_accuracy")), drawn_loss=_opt_float(d.get("drawn_loss")),
                   drawn_n=_int(d.get("drawn_n"), 0), drawn_confusion=matrix(d.get("drawn_confusion")),
                   drawn_heldout=_str(d.get("drawn_heldout")))


@dataclass
class ModelCard:
    """Everything ``card.json`` says. ``network`` and ``training`` are the configs' ``to_dict()``
    (``NetworkConfig.from_dict`` reads them back); ``personalization`` is what personalising
    recorded; ``other`` holds keys this version does not know, written back unchanged."""

    name: str
    created: str = ""
    id: str = ""
    network: dict = field(default_factory=dict)
    training: dict = field(default_factory=dict)
    data: DataSpec | None = None
    metrics: Metrics = field(default_factory=Metrics)
    history: dict[str, list[float]] = field(default_factory=dict)
    epochs_run: int = 0
    best_epoch: int = 0
    train_seconds: float | None = None
    command: str | None = None  # how to reproduce it, for people (never parsed)
    notes: str | None = None
    recipe: str | None = None  # "tutorial" marks the tutorial's recipe explicitly
    personalization: dict | None = None
    other: dict = field(default_factory=dict)

    @property
    def accuracy(self) -> float | None:
        acc = self.metrics.test_accuracy
        return float(acc) if acc else None

    def to_dict(self) -> dict:
        d: dict[str, Any] = {
            "format": CARD_FORMAT, "version": CARD_VERSION, "id": self.id, "name": self.name,
            "created": self.created, "network": self.network, "training": self.training,
            "data": None if self.data is None else self.data.to_dict(), "metrics": self.metrics.to_dict(),
            "history": self.history, "epochs_run": self.epochs_run, "best_epoch": self.best_epoch,
            "train_seconds": self.train_seconds,
        }
        for key in ("command", "notes", "recipe", "personalization"):
            if getattr(self, key) is not None:
                d[key] = getattr(self, key)
        return {**self.other, **d}

    @classmethod
    def from_dict(cls, d: object) -> ModelCard:
        """Read a card.json's content; :class:`CardError` if it is not a card this version reads."""
        if not isinstance(d, dict) or d.get("format") != CARD_FORMAT:
            raise CardError(f"is not a DigitPad model card (format must be {CARD_FORMAT!r}).")
        version = d.get("version")
        if isinstance(version, bool) or not isinstance(version, int):
            raise CardError(f"has version {version!r}, which is not a version number; export the model "
                            "again from the DigitPad that made it.")
        if version > CARD_VERSION:
            raise CardError(f"has version {version}, newer than this DigitPad reads (up to "
                            f"{CARD_VERSION}); update DigitPad.")
        if version < 1:
            raise CardError(f"has version {version}, which no DigitPad wrote.")
        known = {f.name for f in dataclasses.fields(cls)} | {"format", "version"}
        data = d.get("data")
        if version == 1:
            spec = _v1_data_spec(d)
        else:
            spec = DataSpec.from_dict(data) if isinstance(data, dict) else None
        metrics = d.get("metrics")
        history = d.get("history")
        return cls(
            name=_name(d.get("name")),
            created=_str(d.get("created")) or "",
            id=_str(d.get("id")) or "",
            network=dict(d["network"]) if isinstance(d.get("network"), dict) else {},
            training=dict(d["training"]) if isinstance(d.get("training"), dict) else {},
            data=spec,
            metrics=Metrics.from_dict(metrics) if isinstance(metrics, dict) else Metrics(),
            history=_history(history),
            epochs_run=_int(d.get("epochs_run"), 0),
            best_epoch=_int(d.get("best_epoch"), 0),
            train_seconds=_opt_float(d.get("train_seconds")),
            command=_str(d.get("command")),
            notes=_str(d.get("notes")),
            recipe=_str(d.get("recipe")),
            personalization=d.get("personalization") if isinstance(d.get("personalization"), dict) else None,
            other={k: v for k, v in d.items() if k not in known},
        )


# --- version 1 cards ------------------------------------------------------------------------------
def _v1_data_spec(d: dict) -> DataSpec | None:
    """Version 1 kept the data as display strings ({"source": "IDX folder /x", "extra": "..."}) and
    the training command; recover what loading the data again needs."""
    data = d.get("data")
    name = data.get("source") if isinstance(data, dict) else data
    extra_name = data.get("extra") if isinstance(data, dict) else None
    train_seed = _int((d.get("training") or {}).get("seed") if isinstance(d.get("training"), dict) else None, 42)
    personal = d.get("personalization")
    if isinstance(personal, dict) and isinstance(personal.get("base_data"), dict):
        base = personal["base_data"]
        return DataSpec.from_dict({"name": _str(name) or _str(base.get("source")) or "unknown data",
                                   "source": base.get("source"), "test_fraction": base.get("test_fraction"),
                                   "seed": _int(base.get("seed"), train_seed), "test_from_train": True,
                                   "extras": _v1_personal_extras(personal.get("base_extra"), extra_name)})
    args = _v1_command(d.get("command"), train_seed)
    if args is not None and args.data:
        return DataSpec.from_dict({"name": _str(name) or args.data, "source": _normal_source(args.data),
                                   "test_fraction": args.test_fraction, "seed": args.seed, "test_from_train": True,
                                   "extras": _v1_extras(args, extra_name)})
    if not isinstance(name, str) or not name:
        return None
    # Trained in the window: load_source(source, seed=training seed) with the default fraction.
    if name.startswith("MNIST"):
        source = MNIST
    else:
        source = name[len("IDX folder "):] if name.startswith("IDX folder ") else name
    return DataSpec.from_dict({"name": name, "source": source, "seed": train_seed,
                               "test_from_train": source != MNIST, "extras": _v1_extras(None, extra_name)})


def _v1_command(command, train_seed: int):
    if not (isinstance(command, str) and " train " in f" {command} "):
        return None
    ap = argparse.ArgumentParser(add_help=False)
    ap.add_argument("--data")
    ap.add_argument("--test-fraction", type=float, default=TEST_FRACTION)
    ap.add_argument("--seed", type=int, default=train_seed)
    ap.add_argument("--extra")
    ap.add_argument("--extra-reps", type=int, default=1)
    ap.add_argument("--extra-holdout", type=float, default=0.0)
    try:
        args, _ = ap.parse_known_args(shlex.split(command)[1:])
    except (ValueError, SystemExit):
        return None
    return args


def _v1_personal_extras(pen, extra_name) -> list[dict]:
    kept = []
    if isinstance(pen, dict) and _str(pen.get("source")):
        kept = [{"kind": "pendigits", "name": Path(pen["source"]).name, "source": pen["source"],
                 "reps": pen.get("reps"), "holdout": pen.get("holdout")}]
    return kept + _v1_extras(None, extra_name)


def _v1_extras(args, extra_name) -> list[dict]:
    """The extras as card.json v2 holds them (read back by ExtraData.from_dict, within its bounds)."""
    if args is not None and args.extra:
        kind = "pendigits" if args.extra.endswith((".tra", ".tes")) else "dataset"
        return [{"kind": kind, "name": _str(extra_name) or args.extra, "source": args.extra,
                 "reps": args.extra_reps, "holdout": args.extra_holdout}]
    if isinstance(extra_name, str) and extra_name:
        return [{"kind": "dataset", "name": extra_name}]
    return []


# --- lenient field readers (a card may come from another machine or an older DigitPad) ----------
def _normal_source(source) -> str | None:
    if source is None:
        return None
    text = str(source)
    return MNIST if text.strip().lower() == MNIST else text


def _str(v) -> str | None:
    return v if isinstance(v, str) and v else None


def _number(v) -> bool:
    """A real number (NumPy's too), not a bool, not NaN or infinite, and no whole number so large
    that turning it into a float overflows (a card with a 400-digit number broke every command)."""
    if isinstance(v, bool) or not isinstance(v, numbers.Real):
        return False
    if isinstance(v, numbers.Integral):
        return -MAX_INT <= v <= MAX_INT
    return math.isfinite(v)


def _count(v) -> bool:
    return _number(v) and v >= 0 and float(v).is_integer()


def _name(v) -> str:
    text = _str(v) or ""
    return text if len(text) <= MAX_NAME else text[:MAX_NAME - 1] + "…"


def _history(v) -> dict[str, list[float]]:
    """Per-epoch curves: lists of floats (NaN where a value is not a number, e.g. a diverged loss)."""
    if not isinstance(v, dict):
        return {}
    return {k: [float(x) if _number(x) or isinstance(x, float) else math.nan for x in values]
            for k, values in v.items() if isinstance(values, list)}


def _within(v, low, high, default):
    return v if low <= v <= high else default


def _int(v, default: int) -> int:
    return int(v) if _number(v) and -MAX_INT <= v <= MAX_INT else default


def _float(v, default: float) -> float:
    return float(v) if _number(v) else default


def _opt_float(v) -> float | None:
    return float(v) if _number(v) else None
