"""What happens inside the network for one input: every layer's values and why it chose its digit.

NumPy only (no Qt, no TensorFlow): the Inside view draws what :func:`explain` returns and computes
nothing itself.

- The forward values are :meth:`Recognizer.trace`'s, unchanged: per layer the pre-activation
  ``z = a_prev @ W + b`` and the activation ``a = f(z)``.
- ``contribution`` is *gradient x input* of the explained digit's **logit** (the output layer's
  pre-activation ``z_L[d]``, before softmax): ``x * d z_L[d] / d x``, by backpropagating through
  the Dense layers with each activation's derivative. The logit is used rather than the
  probability because softmax couples the ten outputs (a pixel that lowers a rival digit would
  raise p[d]) and saturates near 100 %, where every gradient vanishes; the logit's gradient says
  how each pixel moves the evidence *for* that digit alone. ``explain(..., target="log_probability")``
  gives the gradient x input of ``log p[d]`` instead.
  For a ReLU network the logit is piecewise linear in x, so the map is exact locally: the
  contributions plus the biases' share add up to the logit. Pixels that are off (x = 0) contribute
  nothing by construction.
- ``top_neurons``: the first layer's most active neurons for this input (highest activation).

Everything is a handful of matrix-vector products: about 0.1-0.5 ms for 784-512-256-10.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .recognizer import ModelError, Recognizer

SIDE = 28
TOP_NEURONS = 8  # how many of the first layer's neurons count as "most active"
TARGETS = ("logit", "log_probability")


@dataclass(frozen=True)
class LayerValues:
    """One Dense layer's values for one input."""

    index: int  # 0-based position among the Dense layers
    name: str  # "Hidden 1", "Hidden 2", ..., "Output"
    size: int  # neurons
    activation: str  # "relu", "softmax", ...
    param: float  # leaky ReLU's negative slope, ELU's alpha (0 otherwise)
    z: np.ndarray  # (size,) pre-activations: a_prev @ W + b
    a: np.ndarray  # (size,) activations: f(z)

    @property
    def is_output(self) -> bool:
        return self.name == "Output"

    @property
    def active(self) -> int:
        """How many neurons have a positive activation."""
        return int(np.count_nonzero(self.a > 0))

    @property
    def label(self) -> str:
        """"Hidden 1 · 256 neurons · relu"."""
        act = self.activation if not self.param else f"{self.activation}({self.param:g})"
        return f"{self.name} · {self.size} neuron{'s' if self.size != 1 else ''} · {act}"


@dataclass(frozen=True)
class Inside:
    """Everything the network computes for one input, plus the explanation of its choice."""

    inputs: np.ndarray  # (784,) float32, the 28x28 input flattened row by row
    layers: tuple[LayerValues, ...]  # every Dense layer, hidden ones first, the output last
    logits: np.ndarray  # (10,) the output layer's z
    probabilities: np.ndarray  # (10,) the output layer's a (what Recognizer.probabilities gives)
    digit: int  # the predicted digit: argmax of the probabilities
    explained: int  # the digit the contribution map explains (the predicted one unless asked)
    target: str  # "logit" or "log_probability": what the contribution map differentiates
    gradient: np.ndarray  # (28, 28) d target / d x
    contribution: np.ndarray  # (28, 28) gradient * input
    top_neurons: np.ndarray  # first layer's indices, most active first (activation > 0 only)

    @property
    def hidden(self) -> tuple[LayerValues, ...]:
        return self.layers[:-1]

    @property
    def output(self) -> LayerValues:
        return self.layers[-1]

    @property
    def first(self) -> LayerValues:
        """The layer whose weights look at the pixels (the first hidden layer, if there is one)."""
        return self.layers[0]

    @property
    def image(self) -> np.ndarray:
        """The input as (28, 28)."""
        return self.inputs.reshape(SIDE, SIDE)

    @property
    def inked(self) -> int:
        """How many of the 784 input pixels are not zero."""
        return int(np.count_nonzero(self.inputs))


@dataclass(frozen=True)
class Neuron:
    """One first-layer neuron for one input: z = sum(weights * input) + bias, a = f(z)."""

    index: int
    weights: np.ndarray  # (28, 28)
    products: np.ndarray  # (28, 28) weights * input: each pixel's share of the weighted sum
    weighted_sum: float  # products.sum()
    bias: float
    z: float
    a: float
    rank: int  # 1 = the most active neuron of the layer


def layer_names(recognizer: Recognizer) -> list[str]:
    n = len(recognizer.layers)
    return [f"Hidden {i + 1}" for i in range(n - 1)] + ["Output"]


def explain(recognizer: Recognizer, x: np.ndarray, digit: int | None = None, target: str = "logit",
            top: int = TOP_NEURONS) -> Inside:
    """The network's values for one input x (28, 28) or (784,), and the contribution map.

    ``digit``: which output the map explains (default: the predicted digit). ``target``: "logit"
    (default) or "log_probability" - the quantity whose gradient x input is the map.
    """
    if target not in TARGETS:
        raise ValueError(f"target must be one of {TARGETS}, not {target!r}")
    x = np.asarray(x)
    if x.size != SIDE * SIDE:
        raise ValueError(f"the input must be 28x28, not shape {x.shape}")
    trace = recognizer.trace(x)
    inputs = np.asarray(x, dtype=np.float32).reshape(SIDE * SIDE)
    names = layer_names(recognizer)
    layers = tuple(
        LayerValues(i, names[i], int(layer.kernel.shape[1]), layer.activation, float(layer.param), z, a)
        for i, (layer, (z, a)) in enumerate(zip(recognizer.layers, trace))
    )
    out = layers[-1]
    predicted = int(np.argmax(out.a))
    d = predicted if digit is None else int(digit)
    if not 0 <= d < out.size:
        raise ValueError(f"digit must be 0..{out.size - 1}, not {digit}")

    # Gradient of the target with respect to the output layer's z ...
    g = np.zeros(out.size, dtype=out.z.dtype)
    g[d] = 1.0
    if target == "log_probability":
        prob = float(out.a[d])
        g = vjp(out.z, out.a, out.activation, out.param, g / max(prob, np.finfo(np.float64).tiny))
    # ... then back through every layer: dz_prev = (W @ g) * f'(z_prev).
    for layer, values in zip(recognizer.layers[:0:-1], layers[-2::-1]):
        g = vjp(values.z, values.a, values.activation, values.param, layer.kernel @ g)
    grad = (recognizer.layers[0].kernel @ g).reshape(SIDE, SIDE)
    contribution = grad * inputs.reshape(SIDE, SIDE)

    return Inside(inputs, layers, out.z, out.a, predicted, d, target, grad, contribution,
                  most_active(layers[0].a, top))


def most_active(a: np.ndarray, top: int = TOP_NEURONS) -> np.ndarray:
    """Indices of the ``top`` highest activations, highest first; only those above zero."""
    a = np.asarray(a)
    k = min(top, a.size)
    if k <= 0:
        return np.zeros(0, dtype=np.intp)
    idx = np.argpartition(-a, k - 1)[:k]
    idx = idx[np.argsort(-a[idx], kind="stable")]
    return idx[a[idx] > 0]


def derivative(z: np.ndarray, a: np.ndarray, name: str, param: float = 0.0) -> np.ndarray:
    """f'(z) element-wise for the element-wise activations (a = f(z), reused where it helps)."""
    if name == "relu":
        return (z > 0).astype(z.dtype)
    if name == "linear":
        return np.ones_like(z)
    if name == "sigmoid":
        return a * (1 - a)
    if name == "tanh":
        return 1 - a * a
    if name == "leaky_relu":
        return np.where(z >= 0, 1.0, param).astype(z.dtype)
    if name == "elu":
        return np.where(z > 0, 1.0, a + param).astype(z.dtype)  # alpha*e^z = a + alpha for z <= 0
    raise ModelError(f"No element-wise derivative for activation {name!r}.")


def vjp(z: np.ndarray, a: np.ndarray, name: str, param: float, g: np.ndarray) -> np.ndarray:
    """(d a / d z)^T g: the gradient with respect to z given the gradient g with respect to a."""
    if name == "softmax":  # J = diag(a) - a a^T, symmetric
        return a * (g - np.dot(g, a))
    return g * derivative(z, a, name, param)


# ------------------------------------------------------------------------------ first-layer weights
def weight_images(kernel0: np.ndarray) -> np.ndarray:
    """The first layer's weights as images: kernel (784, n) -> (n, 28, 28), neuron j = column j."""
    k = np.asarray(kernel0)
    if k.ndim != 2 or k.shape[0] != SIDE * SIDE:
        raise ValueError(f"a first-layer kernel is (784, n), not {k.shape}")
    return np.ascontiguousarray(k.T).reshape(k.shape[1], SIDE, SIDE)


def first_layer_images(recognizer: Recognizer) -> np.ndarray:
    """(n, 28, 28): what each neuron of the first layer looks for in the pixels."""
    return weight_images(recognizer.layers[0].kernel)


def neuron(recognizer: Recognizer, inside: Inside, j: int) -> Neuron:
    """First-layer neuron j of the network ``inside`` was computed with, for that input."""
    layer, values = recognizer.layers[0], inside.first
    products = neuron_products(layer.kernel, inside.inputs, j)
    return Neuron(j, layer.kernel[:, j].reshape(SIDE, SIDE), products, float(products.sum(dtype=np.float64)),
                  float(layer.bias[j]), float(values.z[j]), float(values.a[j]),
                  int(np.count_nonzero(values.a > values.a[j])) + 1)


def neuron_products(kernel0: np.ndarray, x: np.ndarray, j: int) -> np.ndarray:
    """w_j * x (28, 28): neuron j's weighted pixels, whose sum plus its bias is its z."""
    return (np.asarray(kernel0)[:, j] * np.asarray(x, dtype=np.float32).reshape(-1)).reshape(SIDE, SIDE)


# ------------------------------------------------------------------------------ colour scaling
def symmetric_limit(values: np.ndarray, axis=None, percentile: float | None = None) -> np.ndarray | float:
    """The half-range of a colour scale centred on zero: max |v| (or that percentile of |v|).

    Zero becomes the scale's middle colour and +-limit its two ends. ``axis`` gives one limit per
    image, e.g. ``axis=(1, 2)`` for (n, 28, 28). Never 0 (an all-zero input gets a tiny limit).
    """
    v = np.abs(np.asarray(values, dtype=np.float32))
    if percentile is None:
        lim = v.max(axis=axis)
    elif axis is None:  # the nearest-rank percentile: a partial sort, ~10x faster than np.percentile
        flat = v.ravel()
        k = min(flat.size - 1, max(0, int(np.ceil(percentile / 100.0 * flat.size)) - 1))
        lim = np.partition(flat, k)[k]
    else:
        lim = np.percentile(v, percentile, axis=axis)
    lim = np.maximum(lim, np.float32(1e-12))
    return float(lim) if np.ndim(lim) == 0 else lim


def symmetric_scale(values: np.ndarray, axis=None, limit=None) -> np.ndarray:
    """values / limit clipped to [-1, 1] with a symmetric limit (per ``axis`` if given)."""
    v = np.asarray(values, dtype=np.float32)
    lim = symmetric_limit(v, axis=axis) if limit is None else limit
    if axis is not None and np.ndim(lim):
        lim = np.expand_dims(lim, tuple(a % v.ndim for a in np.atleast_1d(axis)))
    return np.clip(v / lim, -1.0, 1.0)



def display_range(values: np.ndarray, activation: str) -> tuple[float, float]:
    """The (low, high) a layer's values are coloured over: the activation's own range where it is
    bounded (sigmoid 0..1, tanh -1..1), 0..max for ReLU and softmax (never negative), and a range
    symmetric about zero otherwise (linear, leaky ReLU, ELU, pre-activations)."""
    if activation == "sigmoid":
        return 0.0, 1.0
    if activation == "tanh":
        return -1.0, 1.0
    lim = symmetric_limit(values)
    if activation in ("relu", "softmax"):
        return 0.0, lim
    return -lim, lim
