"""model.recognizer: the NumPy forward pass must equal Keras, and bad weight files must be refused.

Networks are built with model.training.network.build (the training side's builder) and exported with
model.training.network.export_weights, so the test covers exactly the path a trained model takes.
"""
import os
import pickle
import zipfile

import numpy as np
import pytest
from helpers import mnist, mnist_sample, random_weights

from model.recognizer import NOTHING, Layer, ModelError, Prediction, Recognizer, activate, save_weights
from model.training.network import NetworkConfig, build, export_weights

ACTIVATIONS = ["relu", "sigmoid", "tanh", "leaky_relu", "elu"]


def keras_net(activation, hidden=(24, 16), dropout=0.3, seed=0):
    """A small network from the real builder, with non-zero biases so every term is tested."""
    import keras

    keras.utils.set_random_seed(seed)
    model = build(NetworkConfig(hidden=list(hidden), activation=activation, dropout=dropout))
    rng = np.random.default_rng(seed)
    for layer in model.layers:
        if isinstance(layer, keras.layers.Dense):
            k, b = layer.get_weights()
            # larger than the initialiser so that negative pre-activations (where leaky ReLU,
            # ELU and ReLU differ) and saturation (sigmoid, tanh) are common
            layer.set_weights([k * 2.0, rng.normal(0.0, 0.5, b.shape).astype(np.float32)])
    return model


def inputs(n_random=64, n_real=64):
    x, _ = mnist()
    real = x[mnist_sample(n_real, seed=5)].reshape(n_real, 784).astype(np.float32) / 255.0
    rnd = np.random.default_rng(1).random((n_random, 784), dtype=np.float32)
    return np.concatenate([rnd, real])


@pytest.fixture(scope="module")
def nets(tmp_path_factory):
    """{activation: (keras model, Recognizer loaded from its exported weights.npz)}"""
    out = {}
    for act in ACTIVATIONS:
        model = keras_net(act)
        path = tmp_path_factory.mktemp(act) / "weights.npz"
        export_weights(model, path)
        out[act] = (model, Recognizer.load(path))
    return out


# ----------------------------------------------------------------------------------- vs Keras
@pytest.mark.slow  # the first use of TensorFlow in a run imports it (~10 s)
@pytest.mark.parametrize("activation", ACTIVATIONS)
def test_matches_keras_predict(nets, activation):
    model, rec = nets[activation]
    x = inputs()
    expected = model.predict(x, verbose=0)
    got = rec.probabilities(x)
    assert got.shape == (len(x), 10)
    np.testing.assert_allclose(got, expected, atol=1e-5, rtol=0)
    np.testing.assert_allclose(got.sum(axis=1), 1.0, atol=1e-5)
    # the network is not trivially constant: the outputs differ between inputs
    assert got.argmax(axis=1).std() > 0 or np.ptp(got, axis=0).max() > 0.05


@pytest.mark.parametrize("activation", ACTIVATIONS)
def test_single_and_batch_shapes(nets, activation):
    model, rec = nets[activation]
    x = inputs(n_random=3, n_real=3)
    batch = rec.probabilities(x)
    batch_images = rec.probabilities(x.reshape(-1, 28, 28))
    np.testing.assert_array_equal(batch_images, batch)
    for i in range(len(x)):
        flat, image = rec.probabilities(x[i]), rec.probabilities(x[i].reshape(28, 28))
        assert flat.shape == image.shape == (10,)
        np.testing.assert_allclose(flat, batch[i], atol=1e-6)
        np.testing.assert_allclose(image, batch[i], atol=1e-6)
        p = rec.predict(x[i].reshape(28, 28))
        assert p.digit == int(np.argmax(batch[i]))
        assert p.confidence == pytest.approx(float(batch[i].max()), abs=1e-6)
        np.testing.assert_allclose(p.probabilities, batch[i], atol=1e-6)
    one = rec.probabilities(x[:1])
    assert one.shape == (1, 10)  # a batch of one stays a batch
    single_keras = model.predict(x[:1], verbose=0)[0]
    np.testing.assert_allclose(rec.probabilities(x[0]), single_keras, atol=1e-5)


def test_uint8_like_values_are_not_special(nets):
    """The recognizer takes 0..1 floats; float64 input gives the float32 result."""
    _, rec = nets["relu"]
    x = inputs(4, 4)
    np.testing.assert_allclose(rec.probabilities(x.astype(np.float64)), rec.probabilities(x), atol=1e-6)


def test_dropout_layers_are_skipped(tmp_path):
    import keras

    model = keras_net("relu", hidden=(32, 16, 12), dropout=0.5)
    assert any(isinstance(layer, keras.layers.Dropout) for layer in model.layers)
    export_weights(model, tmp_path / "weights.npz")
    rec = Recognizer.load(tmp_path / "weights.npz")
    assert rec.sizes == [784, 32, 16, 12, 10]
    assert [layer.activation for layer in rec.layers] == ["relu", "relu", "relu", "softmax"]
    x = inputs()
    np.testing.assert_allclose(rec.probabilities(x), model.predict(x, verbose=0), atol=1e-5, rtol=0)


def test_network_without_dropout_and_deeper(tmp_path):
    model = keras_net("elu", hidden=(20, 20, 20, 20), dropout=0.0)
    export_weights(model, tmp_path / "weights.npz")
    rec = Recognizer.load(tmp_path / "weights.npz")
    x = inputs()
    np.testing.assert_allclose(rec.probabilities(x), model.predict(x, verbose=0), atol=1e-5, rtol=0)


def test_trace_shows_each_layer(nets):
    model, rec = nets["tanh"]
    x = inputs(1, 0)[0]
    trace = rec.trace(x)
    assert [z.shape for z, _ in trace] == [(24,), (16,), (10,)]
    for (z, h), layer in zip(trace, rec.layers):
        np.testing.assert_allclose(h, activate(z, layer.activation, layer.param), atol=1e-6)
    np.testing.assert_allclose(trace[-1][1], rec.probabilities(x), atol=1e-6)


@pytest.mark.parametrize("name,param,z,expected", [
    ("relu", 0.0, [-2.0, 0.0, 3.0], [0.0, 0.0, 3.0]),
    ("linear", 0.0, [-2.0, 3.0], [-2.0, 3.0]),
    ("leaky_relu", 0.2, [-2.0, 3.0], [-0.4, 3.0]),
    ("elu", 1.0, [-1.0, 2.0], [np.expm1(-1.0), 2.0]),
    ("sigmoid", 0.0, [0.0, -1000.0, 1000.0], [0.5, 0.0, 1.0]),
    ("tanh", 0.0, [0.0, 1.0], [0.0, np.tanh(1.0)]),
])
def test_activation_functions(name, param, z, expected):
    with np.errstate(over="raise", invalid="raise", divide="raise"):  # no overflow warnings for large inputs
        got = activate(np.array(z, dtype=np.float32), name, param)
    np.testing.assert_allclose(got, expected, atol=1e-6)


def test_softmax_is_stable_for_large_logits():
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        p = activate(np.array([[1000.0, 0.0, -1000.0]], dtype=np.float32), "softmax")
    np.testing.assert_allclose(p, [[1.0, 0.0, 0.0]], atol=1e-6)


# ----------------------------------------------------------------------------------- Prediction
def recognizer_giving(probabilities):
    """A one-layer network whose output is ``probabilities`` for any input."""
    p = np.asarray(probabilities, dtype=np.float32)
    return Recognizer([Layer(np.zeros((784, 10), np.float32), np.log(p), "softmax", 0.0)])


def test_nothing_drawn_is_no_digit():
    rec = recognizer_giving([0.91] + [0.01] * 9)
    p = rec.predict(None)
    assert p is NOTHING
    assert p.digit is None and p.confidence == 0.0 and not p.unsure
    assert p.probabilities.shape == (10,) and not p.probabilities.any()


def test_confident_prediction():
    probs = [0.01] * 10
    probs[7] = 0.91
    p = recognizer_giving(probs).predict(np.zeros((28, 28), np.float32))
    assert p.digit == 7 and p.confidence == pytest.approx(0.91, abs=1e-5)
    assert [d for d, _ in p.top2] == [7, 0] or p.top2[0][0] == 7
    assert p.top2[0][1] == pytest.approx(0.91, abs=1e-5) and p.top2[1][1] == pytest.approx(0.01, abs=1e-5)
    assert not p.unsure


def test_unsure_between_two_digits():
    probs = np.full(10, 0.1 / 8)
    probs[3], probs[8] = 0.5, 0.4
    p = recognizer_giving(probs).predict(np.zeros(784, np.float32))
    assert p.digit == 3 and p.unsure
    (d1, p1), (d2, p2) = p.top2
    assert (d1, d2) == (3, 8)
    assert p1 == pytest.approx(0.5, abs=1e-5) and p2 == pytest.approx(0.4, abs=1e-5)


def test_unsure_margin_boundary():
    sure = Prediction(1, 0.6, np.array([0.0, 0.6, 0.3, 0.1, 0, 0, 0, 0, 0, 0]))
    assert not sure.unsure  # margin 0.3
    unsure = Prediction(1, 0.55, np.array([0.0, 0.55, 0.35, 0.1, 0, 0, 0, 0, 0, 0]))
    assert unsure.unsure  # margin 0.2


def test_recognizer_refuses_wrong_sizes():
    with pytest.raises(ModelError):
        Recognizer([])
    with pytest.raises(ModelError, match="784 inputs"):
        Recognizer([Layer(np.zeros((100, 10), np.float32), np.zeros(10, np.float32), "softmax", 0.0)])
    with pytest.raises(ModelError, match="10 outputs"):
        Recognizer([Layer(np.zeros((784, 9), np.float32), np.zeros(9, np.float32), "softmax", 0.0)])


# ----------------------------------------------------------------------------------- bad files
def good_arrays(seed=0):
    rng = np.random.default_rng(seed)
    return {
        "format": np.array("digitpad-weights"), "version": np.array(1),
        "kernel_0": rng.normal(0, 0.1, (784, 8)).astype(np.float32), "bias_0": np.zeros(8, np.float32),
        "kernel_1": rng.normal(0, 0.1, (8, 10)).astype(np.float32), "bias_1": np.zeros(10, np.float32),
        "activations": np.array(["relu", "softmax"]), "activation_params": np.zeros(2, np.float32),
    }


def write_npz(path, arrays):
    with open(path, "wb") as fh:
        np.savez(fh, **arrays)
    return path


def test_good_arrays_load(tmp_path):
    rec = Recognizer.load(write_npz(tmp_path / "weights.npz", good_arrays()))
    assert rec.sizes == [784, 8, 10]


def test_load_accepts_a_model_directory(tmp_path):
    random_weights(tmp_path / "weights.npz", seed=3)
    by_dir, by_file = Recognizer.load(tmp_path), Recognizer.load(tmp_path / "weights.npz")
    x = inputs(3, 3)
    np.testing.assert_array_equal(by_dir.probabilities(x), by_file.probabilities(x))


def test_save_weights_round_trip(tmp_path):
    rng = np.random.default_rng(0)
    kernels = [rng.normal(size=(784, 12)), rng.normal(size=(12, 10))]
    biases = [rng.normal(size=12), rng.normal(size=10)]
    save_weights(tmp_path / "w.npz", kernels, biases, ["leaky_relu", "softmax"], [0.2, 0.0])
    rec = Recognizer.load(tmp_path / "w.npz")
    x = inputs(2, 2)
    h = x @ kernels[0] + biases[0]
    h = np.where(h >= 0, h, 0.2 * h) @ kernels[1] + biases[1]
    e = np.exp(h - h.max(axis=1, keepdims=True))
    np.testing.assert_allclose(rec.probabilities(x), e / e.sum(axis=1, keepdims=True), atol=1e-5)


def _corrupt(kind, path):
    a = good_arrays()
    if kind == "truncated":
        write_npz(path, a)
        data = path.read_bytes()
        path.write_bytes(data[: len(data) // 2])
    elif kind == "empty":
        path.write_bytes(b"")
    elif kind == "text":
        path.write_text("these are not weights")
    elif kind == "wrong_keys":
        write_npz(path, {"W1": a["kernel_0"], "b1": a["bias_0"]})
    elif kind == "missing_layer":
        del a["kernel_1"]
        write_npz(path, a)
    elif kind == "wrong_format":
        a["format"] = np.array("someone-elses-weights")
        write_npz(path, a)
    elif kind == "newer_version":
        a["version"] = np.array(2)
        write_npz(path, a)
    elif kind == "nan_weights":
        a["kernel_1"][3, 4] = np.nan
        write_npz(path, a)
    elif kind == "inf_bias":
        a["bias_0"][0] = np.inf
        write_npz(path, a)
    elif kind == "shape_mismatch":
        a["kernel_1"] = np.zeros((9, 10), np.float32)
        write_npz(path, a)
    elif kind == "bias_mismatch":
        a["bias_0"] = np.zeros(7, np.float32)
        write_npz(path, a)
    elif kind == "kernel_not_2d":
        a["kernel_1"] = np.zeros(80, np.float32)
        write_npz(path, a)
    elif kind == "wrong_input_size":
        a["kernel_0"] = np.zeros((100, 8), np.float32)
        write_npz(path, a)
    elif kind == "unknown_activation":
        a["activations"] = np.array(["swish", "softmax"])
        write_npz(path, a)
    elif kind == "text_weights":
        a["kernel_0"] = np.full((784, 8), "x")
        write_npz(path, a)
    elif kind == "object_array":
        a["activations"] = np.array(["relu", "softmax"], dtype=object)  # only loads with pickle
        write_npz(path, a)
    elif kind == "raw_pickle":
        path.write_bytes(pickle.dumps(a))
    elif kind == "zip_of_other_things":
        with zipfile.ZipFile(path, "w") as zf:
            zf.writestr("readme.txt", "hello")
    else:
        raise ValueError(kind)
    return path


CORRUPT = ["truncated", "empty", "text", "wrong_keys", "missing_layer", "wrong_format", "newer_version",
           "nan_weights", "inf_bias", "shape_mismatch", "bias_mismatch", "kernel_not_2d",
           "wrong_input_size", "unknown_activation", "text_weights", "object_array", "raw_pickle",
           "zip_of_other_things"]


@pytest.mark.parametrize("kind", CORRUPT)
def test_corrupt_weights_raise_model_error(tmp_path, kind):
    path = _corrupt(kind, tmp_path / "weights.npz")
    with pytest.raises(ModelError) as info:
        Recognizer.load(path)
    assert str(path) in str(info.value) or "784 inputs" in str(info.value)


def test_missing_weights(tmp_path):
    with pytest.raises(ModelError, match="missing") as info:
        Recognizer.load(tmp_path / "nothing-here")
    assert "nothing-here" in str(info.value)


class _Payload:
    """Unpickling this creates a file: proof that a weights file ran code."""

    def __init__(self, marker):
        self.marker = marker

    def __reduce__(self):
        return (open, (self.marker, "w"))


def test_pickled_payload_is_never_executed(tmp_path):
    marker = tmp_path / "pwned"
    a = good_arrays()
    a["activations"] = np.array([_Payload(str(marker)), "softmax"], dtype=object)
    path = write_npz(tmp_path / "weights.npz", a)
    assert not marker.exists()
    with pytest.raises(ModelError):
        Recognizer.load(path)
    assert not marker.exists()


def test_np_load_is_called_without_pickle(tmp_path, monkeypatch):
    calls = []
    real_load = np.load

    def spy(*args, **kwargs):
        calls.append(kwargs)
        return real_load(*args, **kwargs)

    monkeypatch.setattr(np, "load", spy)
    Recognizer.load(write_npz(tmp_path / "weights.npz", good_arrays()))
    assert calls and all(kw.get("allow_pickle") is False for kw in calls)


def test_load_closes_the_file(tmp_path):
    """The store renames and deletes model directories it has loaded (Windows refuses open files)."""
    path = write_npz(tmp_path / "weights.npz", good_arrays())
    Recognizer.load(path)
    if not os.path.isdir("/proc/self/fd"):
        pytest.skip("needs /proc to list open files")
    open_files = set()
    for fd in os.listdir("/proc/self/fd"):
        try:
            open_files.add(os.readlink(f"/proc/self/fd/{fd}"))
        except OSError:
            pass
    assert not any(f.startswith(str(path)) for f in open_files)
