"""NetworkConfig -> Keras model, and exporting a trained model's weights for the NumPy Recognizer.

The defaults are the tutorial's network at twice its width: 784-512-Dropout(0.2)-256-10, ReLU,
softmax, Adam. With drawn digits in the training data the wider network reads both MNIST and
drawings better (docs/drawn-experiments.md) and still answers in well under the 0.5 ms a drawing
may take.
TensorFlow/Keras is imported inside the functions that need it, never at module import.
"""
from __future__ import annotations

import os
import re
from dataclasses import asdict, dataclass, field, fields

from ..errors import ConfigError
from ..recognizer import ACTIVATIONS, save_weights

HIDDEN_ACTIVATIONS = ("relu", "sigmoid", "tanh", "leaky_relu", "elu")
OPTIMIZERS = ("sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam")
INITIALIZERS = ("he_normal", "he_uniform", "glorot_uniform", "glorot_normal")
LEAKY_SLOPE = 0.2  # Keras's default negative slope for leaky ReLU
ELU_ALPHA = 1.0


def parse_hidden(text: str) -> list[int]:
    """Hidden layer sizes as people write them: "256, 128", "256,128", "256-128", "256 128" or
    "256x128" -> [256, 128]. The Train tab and ``digitpad train --hidden`` both read them so."""
    parts = [p for p in re.split(r"[\s,;x×-]+", str(text).strip()) if p]
    try:
        sizes = [int(p) for p in parts]
    except ValueError:
        sizes = []
    if not sizes:
        raise ConfigError(f"hidden layers {text!r}: write the layer sizes as whole numbers separated by "
                          "commas, e.g. 256, 128 or 256,128.")
    return sizes


@dataclass
class NetworkConfig:
    hidden: list[int] = field(default_factory=lambda: [512, 256])  # the tutorial's: 256, 128
    activation: str = "relu"
    dropout: float = 0.2  # after the first hidden layer, as in the tutorial
    l1: float = 0.0
    l2: float = 0.0
    initializer: str = "glorot_uniform"  # Keras's default, what the tutorial used
    optimizer: str = "adam"
    learning_rate: float = 1e-3

    def validate(self) -> NetworkConfig:
        if (not isinstance(self.hidden, (list, tuple)) or not self.hidden or len(self.hidden) > 6
                or not all(is_whole(n) and 4 <= n <= 4096 for n in self.hidden)):
            raise ConfigError(f"hidden: {self.hidden!r} is not 1 to 6 layers of 4 to 4096 neurons"
                              " each, e.g. 256,128.", field="hidden")
        _choice("activation", self.activation, HIDDEN_ACTIVATIONS)
        _choice("optimizer", self.optimizer, OPTIMIZERS)
        _choice("initializer", self.initializer, INITIALIZERS)
        _range("dropout", self.dropout, 0.0, 0.9)
        _range("l1", self.l1, 0.0, 1.0)
        _range("l2", self.l2, 0.0, 1.0)
        _range("learning_rate", self.learning_rate, 1e-6, 10.0)
        self.hidden = [int(n) for n in self.hidden]
        return self

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict) -> NetworkConfig:
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in d.items() if k in names}).validate()


def _choice(name, value, allowed):
    if value not in allowed:
        raise ConfigError(f"{name}: {value!r} is not one of {', '.join(allowed)}.", field=name)


def _range(name, value, lo, hi):
    if not (is_number(value) and lo <= value <= hi):
        raise ConfigError(f"{name}: {value!r} must be a number from {lo:g} to {hi:g}.", field=name)


def is_number(value) -> bool:
    """A real number (not text, not a bool, not NaN)."""
    import math
    import numbers

    return isinstance(value, numbers.Real) and not isinstance(value, bool) and not math.isnan(value)


def is_whole(value) -> bool:
    """A whole number (not a bool, not a float that happens to be whole)."""
    import numbers

    return isinstance(value, numbers.Integral) and not isinstance(value, bool)


def build(config: NetworkConfig, steps_per_execution: int = 1):
    """The Keras model for a config, compiled with its optimizer and categorical cross-entropy.

    ``steps_per_execution`` > 1 runs that many training steps per call into TensorFlow (less
    Python per step); batch callbacks then fire once per group of steps."""
    import keras

    config.validate()
    reg = None
    if config.l1 or config.l2:
        reg = keras.regularizers.L1L2(l1=config.l1, l2=config.l2)
    model = keras.Sequential([keras.Input((784,))], name="digitpad_mlp")
    for i, units in enumerate(config.hidden):
        model.add(
            keras.layers.Dense(
                units,
                activation=config.activation,  # "leaky_relu" uses Keras's slope 0.2
                kernel_initializer=config.initializer,
                kernel_regularizer=reg,
            )
        )
        if i == 0 and config.dropout > 0:
            model.add(keras.layers.Dropout(config.dropout))
    model.add(keras.layers.Dense(10, activation="softmax", kernel_initializer=config.initializer))
    model.compile(optimizer=make_optimizer(config), loss="categorical_crossentropy", metrics=["accuracy"],
                  steps_per_execution=steps_per_execution)
    return model


def make_optimizer(config: NetworkConfig, learning_rate=None):
    import keras

    lr = config.learning_rate if learning_rate is None else learning_rate
    return {
        "sgd": lambda: keras.optimizers.SGD(lr),
        "momentum": lambda: keras.optimizers.SGD(lr, momentum=0.9),
        "nesterov": lambda: keras.optimizers.SGD(lr, momentum=0.9, nesterov=True),
        "adagrad": lambda: keras.optimizers.Adagrad(lr),
        "rmsprop": lambda: keras.optimizers.RMSprop(lr),
        "adam": lambda: keras.optimizers.Adam(lr),
    }[config.optimizer]()


def export_weights(model, path: str | os.PathLike) -> None:
    """Write the Dense layers of a Keras model as ``weights.npz`` for the NumPy Recognizer."""
    import keras

    kernels, biases, names, params = [], [], [], []
    for layer in model.layers:
        if not isinstance(layer, keras.layers.Dense):
            continue  # Dropout is the identity at inference
        k, b = layer.get_weights()
        act = layer.activation
        name = getattr(act, "__name__", str(act))
        if name not in ACTIVATIONS:
            raise ValueError(f"Layer {layer.name}: activation {name!r} cannot be exported.")
        kernels.append(k)
        biases.append(b)
        names.append(name)
        params.append(LEAKY_SLOPE if name == "leaky_relu" else ELU_ALPHA if name == "elu" else 0.0)
    save_weights(path, kernels, biases, names, params)
