"""The base data a personalisation mixes in, so the model keeps reading what it read before.

What a model learnt from is on its card (:class:`model.store.card.DataSpec`): MNIST, the drawn
digits shipped with DigitPad, an IDX folder or an .npz, plus extra digits (the drawn digits, pen
trajectories). :func:`resolve_base` finds what of it is on this computer, or what stands in for it
(Keras's MNIST for a missing MNIST folder; the drawn digits when only they are left), and says in
its notes, in words any front end can show, what it used instead; :func:`base_mix` picks the
digits of it every fine-tuning epoch mixes in.
"""
from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from .. import paths
from ..data.shipped import DRAWN, is_drawn
from ..data.sources import DataError, Dataset, load_source, mnist_cached
from ..store.card import DataSpec, ExtraData, ModelCard
from ..store.learnt_from import main_data

MNIST_NOTE = ("Without MNIST mixed in, it may read MNIST's digits about 0.8 points worse (0.1 with it, on our "
              "benchmark): to keep reading them, personalise again with MNIST mixed in (downloaded once, 11 MB; "
              "needs the internet).")


@dataclass
class BaseData:
    """What a personalisation mixes in: ``data`` (None: nothing, the samples alone), what the new
    card records of it (``spec``), the extra digits its card names to mix back in (``extra``), and
    notes for people about what stood in for what."""

    data: Dataset | None
    spec: DataSpec | None
    extra: ExtraData | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def has_test(self) -> bool:
        return self.data is not None and self.data.x_test is not None and len(self.data.x_test) > 0


def resolve_base(base, card: ModelCard, *, seed: int, download: bool = False,
                 on_status: Callable[[str], None] | None = None) -> BaseData:
    """The base data for a model with this ``card``: ``base`` as given (a Dataset, or a source such
    as ``--data`` names, its test split carved as the card says), else what the card names."""
    if isinstance(base, Dataset):
        spec = DataSpec(name=base.name, test_from_train=base.test_from_train)
        return BaseData(base, spec, pen_extra(card) or drawn_extra(card))
    if base is not None:
        data, spec = load_base(base, card)
        return BaseData(data, spec, None if is_drawn(base) else pen_extra(card) or drawn_extra(card))
    if download and mnist_missing(card) and on_status is not None:
        on_status("Downloading MNIST (11 MB, once) so your model keeps reading standard digits…")
    data, spec, why = load_card_base(card, download=download)
    notes = []
    if data is not None and spec.source == "mnist" and card.data and card.data.source != "mnist":
        notes.append(f"Its training digits ({main_data(card.data)}) are not on this computer: MNIST's training "
                     "digits stand in for them; the base accuracy is on MNIST's official test set.")
    if data is not None:
        extra = None if is_drawn(spec.source) else pen_extra(card) or drawn_extra(card)
        return BaseData(data, spec, extra, notes)
    if drawn_extra(card) is not None:  # its MNIST is not here, but the drawn digits it also learnt from are
        data, spec = drawn_base(seed, drawn_extra(card))
        notes.append(f"Its training data is not on this computer ({why}): fine-tuned with the drawn digits shipped "
                     "with DigitPad mixed in, so it keeps reading other people's digits; the base accuracy is on "
                     f"their held-out writers. {MNIST_NOTE}")
        return BaseData(data, spec, None, notes)
    notes.append(f"Fine-tuned on your samples only ({why}); the model may forget some of what it knew. "
                 "Personalising with its training data mixed in keeps it.")
    return BaseData(None, spec, None, notes)


def base_mix(base: BaseData, n_digits: int, seed: int) -> tuple[np.ndarray | None, np.ndarray | None]:
    """Up to ``n_digits`` of the base's training digits and of the extra digits its card names (e.g.
    the drawn digits), in the proportion the model was trained with, each part at most what there is
    of it, so it keeps reading both; (None, None) without base data."""
    if base.data is None:
        return None, None
    train = base.data
    n_extra_all = base.extra.n if base.extra else 0
    share = n_extra_all / (len(train.y_train) + n_extra_all)
    xe, ye = load_extra(base.extra, int(round(n_digits * share)), seed) if n_extra_all else (None, None)
    n_main = min(len(train.y_train), int(round(n_digits * (1 - share))))
    if xe is None:  # its extra digits are not here: the base data alone
        n_main = min(len(train.y_train), n_digits)
    pick = np.sort(np.random.default_rng(seed).choice(len(train.y_train), n_main, replace=False))
    xb, yb = train.x_train[pick], train.y_train[pick]
    if xe is not None:
        xb, yb = np.concatenate([xb, xe]), np.concatenate([yb, ye])
    return xb, yb


def pen_extra(card: ModelCard) -> ExtraData | None:
    """The pen trajectories a model was trained with (``digitpad train --extra pendigits.tra``),
    with ``n`` filled in, when the file can be found; None otherwise. Personalising mixes them
    back in, in the proportion the model saw them, so it keeps reading drawn digits."""
    extra = card.data.extra("pendigits") if card.data is not None else None
    path = _find(extra.source) if extra is not None and extra.source else None
    if path is None or path.suffix not in (".tra", ".tes"):
        return None
    from ..data.pendigits import PendigitsError, holdout_start, read

    try:
        n = holdout_start(len(read(path)[1]), extra.holdout) * extra.reps
    except PendigitsError:
        return None
    return dataclasses.replace(extra, source=str(path), n=n)


def drawn_extra(card: ModelCard) -> ExtraData | None:
    """The shipped drawn digits a model was trained with (``digitpad train --drawn``), if it was."""
    return card.data.extra("drawn") if card.data is not None else None


def drawn_base(seed: int, extra: ExtraData | None = None) -> tuple[Dataset, DataSpec]:
    """The drawn digits (those ``extra`` names, else the ones shipped) as base data: the corpus's
    training writers to mix in, its held-out writers (never trained on) as the base test."""
    from ..data.drawn import training_mix

    corpus = drawn_corpus(extra)
    mix = training_mix(corpus, seed=seed, reps=1)
    ds = Dataset(mix.x_train, mix.y_train, mix.x_heldout, mix.y_heldout, "drawn digits shipped with DigitPad")
    extra = ExtraData(kind="drawn", name=mix.description, source=extra.source if extra else mix.card_extra.source,
                      n=len(mix.y_train))
    return ds, DataSpec(name=ds.name, test_from_train=False, extras=(extra,))


def drawn_corpus(extra: ExtraData | None):
    """The drawn-digit corpus a card's ``extra`` names (a model trained on another corpus mixes
    that one back in), else the one shipped with DigitPad."""
    from ..data.drawn import DrawnDataError, load_corpus, shipped_corpus

    path = _find(extra.source) if extra is not None and extra.source else None
    try:
        return load_corpus(path) if path is not None and path.is_file() else shipped_corpus()
    except DrawnDataError:
        return shipped_corpus()


def load_extra(extra: ExtraData | None, n: int, seed: int) -> tuple[np.ndarray | None, np.ndarray | None]:
    """``n`` of the extra digits ``extra`` names, rendered as training rendered them: pen
    trajectories like ``digitpad train --extra``, the shipped drawn digits like ``--drawn`` (only
    the pen trajectories needed are rendered: all of them take seconds)."""
    if extra is None or n <= 0:
        return None, None
    if extra.kind == "drawn":
        from ..data.drawn import MIX_JITTER, check_split, render

        # Its training part (never the check labs), and of that only the inks needed, rendered
        # as training renders them (all of them take seconds).
        train, _ = check_split(drawn_corpus(extra))
        pick = np.sort(np.random.default_rng(seed + 1).choice(len(train), min(n, len(train)), replace=False))
        return render(train.take(pick), 1, seed + 1, MIX_JITTER)
    if not extra.source:
        return None, None
    from ..data.pendigits import PendigitsError, holdout_start, read, to_ink
    from ..preprocess import STROKE, ink_to_input

    try:
        pts, labels = read(extra.source)
    except (PendigitsError, OSError):
        return None, None
    cut = holdout_start(len(labels), extra.holdout)
    rng = np.random.default_rng(seed + 1)
    pick = np.sort(rng.choice(cut, min(n, cut), replace=False))
    x = np.empty((len(pick), 28, 28), dtype=np.uint8)
    for k, i in enumerate(pick):  # the jitter of pendigits.render_dataset
        stroke = STROKE * float(np.exp(rng.uniform(-0.2, 0.2)))
        img = ink_to_input(to_ink(pts[i], rng, aspect_jitter=0.3), stroke=stroke)
        x[k] = np.clip(img * 255.0 + 0.5, 0, 255)
    return x, labels[pick]


def _find(source: str) -> Path | None:
    """A path from a model's card: as recorded (relative to where training ran, usually the
    project folder), else relative to the project folder."""
    p = Path(source).expanduser()
    for candidate in ([p] if p.is_absolute() else [p, paths.assets_dir().parent / p]):
        if candidate.exists():
            return candidate.resolve()
    return None


def load_base(source: str | os.PathLike, card: ModelCard) -> tuple[Dataset, DataSpec]:
    """A ``--data SOURCE`` as base data, its test split carved as the model's own training carved
    its data (the fraction and seed on its card), so "base" accuracy is on digits it never saw."""
    known = card.data or DataSpec(name=str(source))
    if is_drawn(source):
        ds, spec = drawn_base(known.seed)
        return ds, DataSpec(name=spec.name, source=DRAWN, seed=known.seed)
    ds = load_source(source, split=True, test_fraction=known.test_fraction, seed=known.seed)
    resolved = "mnist" if str(source).strip().lower() == "mnist" else str(Path(source).expanduser().resolve())
    return ds, DataSpec.of(ds, resolved, test_fraction=known.test_fraction, seed=known.seed, extras=known.extras)


def mnist_missing(card: ModelCard) -> bool:
    """True when the card's training data was MNIST (or part of it), its files are not here and
    Keras has no copy: only a download can bring it back."""
    spec = card.data
    if spec is None or not spec.source or not _looks_like_mnist(spec) or mnist_cached():
        return False
    return spec.source == "mnist" or _find(spec.source) is None


def load_card_base(card: ModelCard, download: bool = False) -> tuple[Dataset | None, DataSpec | None, str]:
    """The base data named by a model card: (dataset, spec, "") or (None, spec, why not). With
    ``download``, MNIST it needs and Keras does not have is downloaded (11 MB, once)."""
    spec = card.data
    if spec is None or not spec.source:
        return None, spec, "its card does not say what data it was trained on"
    source = spec.source
    if is_drawn(source):  # they ship with DigitPad: always here
        ds, drawn_spec = drawn_base(spec.seed)
        return ds, dataclasses.replace(spec, name=drawn_spec.name), ""
    if source == "mnist":
        if not mnist_cached() and not download:
            return None, spec, "MNIST is not downloaded on this computer"
        candidates: list = [source]
    else:
        p = Path(source).expanduser()
        candidates = [p] if p.is_absolute() else [p, paths.assets_dir().parent / p]
    why = f"its training data, {main_data(spec)}, is not on this computer"
    for candidate in candidates:
        if candidate != "mnist" and not Path(candidate).exists():
            continue
        try:
            ds = load_source(candidate, split=True, test_fraction=spec.test_fraction, seed=spec.seed)
        except DataError as exc:
            why = f"its training data, {main_data(spec)}, could not be read: {exc}"
            continue
        found = "mnist" if candidate == "mnist" else str(Path(candidate).resolve())
        return ds, dataclasses.replace(spec, source=found), ""
    if source != "mnist" and _looks_like_mnist(spec) and (mnist_cached() or download):
        # Its MNIST files are not here but Keras's copy of MNIST is (the Train tab's "MNIST"
        # downloaded it), or may be downloaded: its 60,000 training digits stand in, its official
        # test set is the base test.
        try:
            ds = load_source("mnist")
        except DataError as exc:
            return None, spec, f"{why}; {exc}"
        return ds, DataSpec(name=f"{ds.name} (in place of {spec.name})", source="mnist", test_from_train=False,
                            extras=spec.extras), ""
    return None, spec, why


def _looks_like_mnist(spec: DataSpec) -> bool:
    """Whether a card's training data was (a part of) MNIST, judging by its name and source."""
    return "mnist" in f"{spec.name} {spec.source}".lower()
