"""What a model learnt from, in words a person uses: "MNIST digits (the folder “mnist-subset”) and
the drawn digits shipped with DigitPad (6,294 of them, each drawn 5 times with variations)".

A card's :class:`model.store.card.DataSpec` records its data precisely enough to load it again:
sources as paths (relative to where a developer ran the command, e.g. ``../shared/data/mnist-subset``)
and names that say how each part was made. That record stays as it is; whatever shows it to a
person (the Models dialog, ``digitpad models``, a personalisation's notes) says it with these.
"""
from __future__ import annotations

import re
from pathlib import Path

from .card import DataSpec, ExtraData

DRAWN_WORDS = "the drawn digits shipped with DigitPad"


def learnt_from(spec: DataSpec | None) -> str:
    """The whole training data: its main source and what was added to it."""
    if spec is None:
        return "not recorded"
    parts = [main_data(spec), *(extra_words(e) for e in spec.extras)]
    if not spec.source and len(parts) > 1:
        if spec.name == "your samples only":  # a personalisation without base data
            return "only " + _joined(parts[1:])
        if spec.extra("drawn") is not None and spec.name.startswith("drawn digits shipped"):
            parts = parts[1:]  # the drawn digits standing in as a personalisation's base: named once
    return _joined(parts)


def _joined(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def main_data(spec: DataSpec) -> str:
    """The main source: "MNIST", "MNIST digits (the folder “mnist-subset”)", "digits from the file
    “mine.npz”", "the drawn digits shipped with DigitPad" or the spec's own name ("your samples only")."""
    source = (spec.source or "").strip()
    if source.lower() == "mnist":
        return "MNIST"
    if source.lower() == "drawn":
        return DRAWN_WORDS
    if not source:
        return spec.name
    where = _place(source)
    if "mnist" in f"{spec.name} {source}".lower():
        return f"MNIST digits ({where})"
    return f"digits from {where}"


def short_name(spec: DataSpec | None) -> str | None:
    """The main source in a few words: "MNIST", "MNIST (“mnist-subset”)", "drawn digits", "“mine.npz”"."""
    if spec is None:
        return None
    source = (spec.source or "").strip()
    if source.lower() in ("mnist", "drawn"):
        return "MNIST" if source.lower() == "mnist" else "drawn digits"
    if not source:
        return spec.name
    name = f"“{Path(source).name or source}”"
    return f"MNIST ({name})" if "mnist" in f"{spec.name} {source}".lower() else name


def extra_words(extra: ExtraData) -> str:
    if extra.kind == "drawn":
        reps = max(1, extra.reps)
        pens = re.search(r"([\d,]+) UCI pen-digit trajectories, each drawn (once|\d+ times)", extra.name)
        tablet = re.search(r": ([\d,]+) digits", extra.name)
        if pens and tablet:  # tablet digits drawn `reps` times and the pen trajectories as often as said
            return (f"{DRAWN_WORDS} ({tablet.group(1)} tablet digits, each drawn {reps} times with variations,"
                    f" and {pens.group(1)} pen trajectories)")
        if extra.n and reps > 1:
            return f"{DRAWN_WORDS} ({extra.n // reps:,} of them, each drawn {reps} times with variations)"
        return DRAWN_WORDS + (f" ({extra.n:,} of them)" if extra.n else "")
    if extra.kind == "samples":
        return re.sub(r" x\d+$", "", extra.name)  # "12 of your samples x20": repeated for the training
    if extra.kind == "pendigits":
        return f"pen trajectories from {_place(extra.source or extra.name, folder=False)}"
    return f"digits from {_place(extra.source, folder=None) if extra.source else extra.name}"


def _place(source: str, folder: bool | None = None) -> str:
    """“the folder “x”” / “the file “x.npz””: the last part of a path, never where it was."""
    path = Path(source)
    name = path.name or source
    if folder is None:
        folder = not path.suffix
    return f"the {'folder' if folder else 'file'} “{name}”"
