"""The drawn digits that ship with DigitPad as a data source of their own: ``"drawn"``.

What a person without internet trains on (``digitpad train --data drawn``, the Train tab's "The
drawn digits shipped with DigitPad"), and what ``evaluate``, ``explore``, ``robustness`` and the
Data tab read as ``--data drawn``. Their training part is the corpus's writers but the check labs;
their test part is the check labs, writers no training ever sees (:func:`model.data.drawn.check_split`),
so a model trained on them is measured on people it never saw.
"""
from __future__ import annotations

from .drawn import MIX_JITTER, MIX_REPS, DrawnMix, Jitter, training_mix
from .sources import DRAWN_NAME as NAME
from .sources import Dataset

DRAWN = "drawn"  # what load_source reads as them, each once as drawn


def is_drawn(source) -> bool:
    """Whether a ``--data`` source names the shipped drawn digits (a folder called drawn is ./drawn)."""
    return isinstance(source, str) and source.strip().lower() == DRAWN


def drawn_training(*, seed: int = 0, reps: int = MIX_REPS, jitter: Jitter = MIX_JITTER,
                   should_stop=None) -> tuple[Dataset, DrawnMix]:
    """The drawn digits to train on alone: the training writers drawn ``reps`` times with the
    distortions and added styles training draws them with (model.data.drawn.training_mix), the
    check labs as drawn as the test split; and the mix itself (its description, for the card)."""
    mix = training_mix(seed=seed, reps=reps, jitter=jitter, should_stop=should_stop)
    return Dataset(mix.x_train, mix.y_train, mix.x_heldout, mix.y_heldout, NAME), mix
