"""What a model learnt from, in the window's language: :func:`model.store.learnt_from.learnt_from`
said with ``tr()``.

model/ has no Qt, so its sentence is English; the Models dialog builds the same sentence here from
the card's DataSpec fields, phrase by phrase, so a German window says „MNIST-Ziffern (der Ordner
„mnist-subset“) und die mit DigitPad ausgelieferten gezeichneten Ziffern (6.294 davon, jede 5-mal
mit Abwandlungen gezeichnet)“. Names the card records for people (a data set's own name, "12 of your
samples") are shown as recorded.
"""
from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale

from model.store.card import DataSpec, ExtraData
from model.store.model_dir import ModelInfo

from . import i18n


def learnt_from(spec: DataSpec | None) -> str:
    """The whole training data: its main source and what was added to it."""
    if spec is None:
        return QCoreApplication.translate("LearntFrom", "not recorded")
    parts = [main_data(spec), *(extra_words(e) for e in spec.extras)]
    if not spec.source and len(parts) > 1:
        if spec.name == "your samples only":  # a personalisation without base data
            return QCoreApplication.translate("LearntFrom", "only {data}").format(data=_joined(parts[1:]))
        if spec.extra("drawn") is not None and spec.name.startswith("drawn digits shipped"):
            parts = parts[1:]
    return _joined(parts)


def _joined(parts: list[str]) -> str:
    if len(parts) == 1:
        return parts[0]
    return QCoreApplication.translate("LearntFrom", "{list} and {last}").format(list=", ".join(parts[:-1]),
                                                                                 last=parts[-1])


def _drawn() -> str:
    return QCoreApplication.translate("LearntFrom", "the drawn digits shipped with DigitPad")


def _place(source: str, folder: bool | None = None) -> tuple[bool, str]:
    """(a folder?, the last part of the path): never where it was."""
    path = Path(source)
    return (not path.suffix) if folder is None else folder, path.name or source


def _digits_from(source: str, folder: bool | None = None) -> str:
    is_folder, name = _place(source, folder)
    if is_folder:
        return QCoreApplication.translate("LearntFrom", "digits from the folder “{name}”").format(name=name)
    return QCoreApplication.translate("LearntFrom", "digits from the file “{name}”").format(name=name)


def main_data(spec: DataSpec) -> str:
    source = (spec.source or "").strip()
    if source.lower() == "mnist":
        return "MNIST"
    if source.lower() == "drawn":
        return _drawn()
    if not source:
        return spec.name
    if "mnist" not in f"{spec.name} {source}".lower():
        return _digits_from(source)
    is_folder, name = _place(source)
    if is_folder:
        return QCoreApplication.translate("LearntFrom", "MNIST digits (the folder “{name}”)").format(name=name)
    return QCoreApplication.translate("LearntFrom", "MNIST digits (the file “{name}”)").format(name=name)


def extra_words(extra: ExtraData) -> str:
    if extra.kind == "drawn":
        reps = max(1, extra.reps)
        if extra.n and reps > 1:
            return QCoreApplication.translate(
                "LearntFrom", "{drawn} ({n} of them, each drawn {reps} times with variations)").format(
                drawn=_drawn(), n=i18n.number(extra.n // reps), reps=reps)
        if extra.n:
            return QCoreApplication.translate("LearntFrom", "{drawn} ({n} of them)").format(
                drawn=_drawn(), n=i18n.number(extra.n))
        return _drawn()
    if extra.kind == "samples":
        return re.sub(r" x\d+$", "", extra.name)
    if extra.kind == "pendigits":
        return QCoreApplication.translate("LearntFrom", "pen trajectories from the file “{name}”").format(
            name=_place(extra.source or extra.name, folder=False)[1])
    if extra.source:
        return _digits_from(extra.source)
    return QCoreApplication.translate("LearntFrom", "digits from {name}").format(name=extra.name)


def when_made(created: str, time: bool = True) -> str:
    """When a model was made: ISO in English (2026-12-05 03:50), else the locale's short format."""
    try:
        when = datetime.fromisoformat(created)
    except (TypeError, ValueError):
        return created or QCoreApplication.translate("LearntFrom", "unknown")
    if i18n.current_language() == i18n.SOURCE_LANGUAGE:
        return when.strftime("%Y-%m-%d %H:%M" if time else "%Y-%m-%d")
    moment = QDateTime.fromSecsSinceEpoch(int(when.timestamp()))
    short = QLocale.FormatType.ShortFormat
    return QLocale().toString(moment, short) if time else QLocale().toString(moment.date(), short)


def short_name(spec: DataSpec | None) -> str | None:
    """The main source in a few words, as :func:`model.store.learnt_from.short_name` says it."""
    if spec is None:
        return None
    source = (spec.source or "").strip()
    if source.lower() == "mnist":
        return "MNIST"
    if source.lower() == "drawn":
        return QCoreApplication.translate("LearntFrom", "drawn digits")
    if not source:
        return spec.name
    name = f"“{Path(source).name or source}”"
    return f"MNIST ({name})" if "mnist" in f"{spec.name} {source}".lower() else name


def summary(info: ModelInfo) -> str:
    """One line, as :meth:`ModelInfo.summary` says it: ``My net — 97.9% on MNIST test (2026-11-22)``."""
    text = info.name
    if info.accuracy is not None:
        data, share = short_name(info.card.data), i18n.percent(info.accuracy)
        if data:
            text += " — " + QCoreApplication.translate("LearntFrom", "{share} on {data} test").format(share=share,
                                                                                                   data=data)
        else:
            text += " — " + QCoreApplication.translate("LearntFrom", "{share} test accuracy").format(share=share)
    if info.created:
        text += f" ({when_made(info.created, time=False)})"
    return text
