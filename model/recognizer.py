"""The forward pass in NumPy over a model's exported ``weights.npz``: no TensorFlow at inference.

``weights.npz`` (written by :func:`model.training.network.export_weights`) holds, for layers i = 0..n-1,
``kernel_i`` (in, out) and ``bias_i`` (out,) float32, plus ``activations`` (n strings) and
``activation_params`` (n floats: the negative slope of leaky ReLU, alpha of ELU). Dropout is the
identity at inference, so it is not stored.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .errors import DigitPadError, read_error

WEIGHTS_FORMAT = "digitpad-weights"
WEIGHTS_VERSION = 1
ACTIVATIONS = ("relu", "sigmoid", "tanh", "leaky_relu", "elu", "softmax", "linear")
UNSURE_MARGIN = 0.25  # top-1 minus top-2 below this reads as "unsure"
# The largest network a NetworkConfig allows (6 hidden layers of 4096) is ~350 MB of float32.
MAX_WEIGHTS_BYTES = 512 * 2**20


class ModelError(DigitPadError, RuntimeError):
    """A model that cannot be loaded or used; the message says why and what to do."""
    title = "Cannot use the model"


@dataclass(frozen=True)
class Prediction:
    digit: int | None  # None: nothing drawn
    confidence: float
    probabilities: np.ndarray  # (10,)

    @property
    def top2(self) -> list[tuple[int, float]]:
        order = np.argsort(self.probabilities)[::-1][:2]
        return [(int(i), float(self.probabilities[i])) for i in order]

    @property
    def unsure(self) -> bool:
        (_, p1), (_, p2) = self.top2
        return self.digit is not None and p1 - p2 < UNSURE_MARGIN


NOTHING = Prediction(None, 0.0, np.zeros(10, dtype=np.float32))


@dataclass(frozen=True)
class Layer:
    kernel: np.ndarray
    bias: np.ndarray
    activation: str
    param: float

    def pre(self, x: np.ndarray) -> np.ndarray:
        return x @ self.kernel + self.bias

    def act(self, z: np.ndarray) -> np.ndarray:
        return activate(z, self.activation, self.param)

    def forward(self, h: np.ndarray) -> np.ndarray:
        """act(pre(h)), with the bias and ReLU applied in the product's own buffer."""
        z = h @ self.kernel
        z += self.bias
        if self.activation == "relu":  # the wide layers: no second (n, 512) array
            return np.maximum(z, 0.0, out=z)
        return activate(z, self.activation, self.param)


def activate(z: np.ndarray, name: str, param: float = 0.0) -> np.ndarray:
    if name == "relu":
        return np.maximum(z, 0.0)
    if name == "linear":
        return z
    if name == "sigmoid":
        return 0.5 * (1.0 + np.tanh(0.5 * z))  # overflow-free logistic
    if name == "tanh":
        return np.tanh(z)
    if name == "leaky_relu":
        return np.where(z >= 0, z, param * z)
    if name == "elu":
        return np.where(z > 0, z, param * np.expm1(np.minimum(z, 0.0)))
    if name == "softmax":
        e = np.exp(z - z.max(axis=-1, keepdims=True))
        return e / e.sum(axis=-1, keepdims=True)
    raise ModelError(f"Unknown activation {name!r}; this DigitPad knows {', '.join(ACTIVATIONS)}.")


class Recognizer:
    """A trained MLP evaluated with NumPy: single inputs for live drawing, batches for evaluation."""

    def __init__(self, layers: list[Layer]):
        if not layers or layers[0].kernel.shape[0] != 784 or layers[-1].kernel.shape[1] != 10:
            raise ModelError("A DigitPad network takes 784 inputs and gives 10 outputs.")
        self.layers = layers

    @classmethod
    def load(cls, path: str | os.PathLike) -> Recognizer:
        """Load ``weights.npz`` (or a model directory holding one)."""
        from .archives import NotNpz, npz_arrays

        path = Path(path)
        if path.is_dir():
            path = path / "weights.npz"
        try:
            npz_arrays(path, MAX_WEIGHTS_BYTES)  # before loading: what it is, what it declares
            with np.load(path, allow_pickle=False) as f:
                fmt = str(f["format"]) if "format" in f else None
                if fmt != WEIGHTS_FORMAT or int(f["version"]) != WEIGHTS_VERSION:
                    raise ModelError(f"{path}: not DigitPad weights (format {fmt!r}).")
                names = [str(a) for a in f["activations"]]
                params = f["activation_params"].astype(np.float32)
                layers = [
                    Layer(
                        np.ascontiguousarray(f[f"kernel_{i}"], dtype=np.float32),
                        np.ascontiguousarray(f[f"bias_{i}"], dtype=np.float32),
                        names[i],
                        float(params[i]),
                    )
                    for i in range(len(names))
                ]
        except ModelError:
            raise
        except (FileNotFoundError, PermissionError, IsADirectoryError) as exc:
            raise ModelError(read_error(path, exc, "a model's weights file",
                                        missing="the model's weights are missing")) from None
        except NotNpz as exc:
            raise ModelError(f"{path}: the model's weights are damaged or unreadable: {exc}.") from None
        except Exception as exc:  # zip/npz corruption shows up as many exception types
            raise ModelError(f"{path}: the model's weights are damaged or unreadable ({exc}).") from exc
        for i, layer in enumerate(layers):
            if layer.activation not in ACTIVATIONS:
                raise ModelError(f"{path}: layer {i} has unknown activation {layer.activation!r}.")
            if layer.kernel.ndim != 2 or layer.bias.shape != (layer.kernel.shape[1],):
                raise ModelError(f"{path}: layer {i} has inconsistent shapes.")
            if i and layers[i - 1].kernel.shape[1] != layer.kernel.shape[0]:
                raise ModelError(f"{path}: layer {i} does not fit the layer before it.")
            if not (np.isfinite(layer.kernel).all() and np.isfinite(layer.bias).all()):
                raise ModelError(f"{path}: layer {i} holds NaN or infinite weights.")
        return cls(layers)

    @property
    def sizes(self) -> list[int]:
        return [784] + [layer.kernel.shape[1] for layer in self.layers]

    def probabilities(self, x: np.ndarray) -> np.ndarray:
        """Softmax outputs: x (28, 28) or (784,) -> (10,); (n, 28, 28) or (n, 784) -> (n, 10)."""
        single = x.ndim == 1 or (x.ndim == 2 and x.shape == (28, 28))
        # One digit goes through as a vector (matrix-vector products); a batch as a matrix.
        h = np.asarray(x, dtype=np.float32).reshape(784 if single else (len(x), 784))
        for layer in self.layers:
            h = layer.forward(h)
        return h

    def trace(self, x: np.ndarray) -> list[tuple[np.ndarray, np.ndarray]]:
        """Per layer (pre-activation, activation) for one input: what the network computes."""
        h = np.asarray(x, dtype=np.float32).reshape(784)
        out = []
        for layer in self.layers:
            z = layer.pre(h)
            h = layer.act(z)
            out.append((z, h))
        return out

    def predict(self, x: np.ndarray | None) -> Prediction:
        """The prediction for one preprocessed digit; None (nothing drawn) gives NOTHING."""
        if x is None:
            return NOTHING
        p = self.probabilities(x)
        d = int(np.argmax(p))
        return Prediction(d, float(p[d]), p)


def save_weights(path: str | os.PathLike, kernels, biases, activations, params) -> None:
    """Write ``weights.npz`` in the format :meth:`Recognizer.load` reads."""
    arrays = {"format": np.array(WEIGHTS_FORMAT), "version": np.array(WEIGHTS_VERSION)}
    for i, (k, b) in enumerate(zip(kernels, biases)):
        arrays[f"kernel_{i}"] = np.asarray(k, dtype=np.float32)
        arrays[f"bias_{i}"] = np.asarray(b, dtype=np.float32)
    arrays["activations"] = np.array(list(activations))
    arrays["activation_params"] = np.asarray(params, dtype=np.float32)
    with open(path, "wb") as fh:
        np.savez_compressed(fh, **arrays)
