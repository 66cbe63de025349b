"""Checking a model's files before DigitPad uses or keeps them: nothing unusable enters the store.

* :func:`weights_layout` reads what ``weights.npz`` declares (its ``.npy`` headers, a few KB) and
  checks that the layers chain from 784 inputs to 10 outputs. Cheap: listing models does it.
* :func:`check_weights` loads the weights whole (values finite, activations known, softmax last).
* :func:`check_keras` reads ``model.keras``'s own ``config.json`` first, bounded, and accepts only
  the network DigitPad builds (an input of 784, Dense and Dropout layers of sensible sizes, the
  same layers as ``weights.npz``); only then does Keras load it, with ``safe_mode=True``, and the
  loaded network must take 784 inputs and give 10 outputs. TensorFlow is imported for this alone:
  importing a model is the one command that loads it without training.
"""
from __future__ import annotations

import json
import zipfile
from pathlib import Path

from ..archives import NotNpz, npz_arrays, open_input
from ..errors import DigitPadError

MAX_WEIGHTS_BYTES = 512 * 2**20  # what a NetworkConfig allows at most is ~350 MB of float32
MAX_LAYERS = 7  # what a NetworkConfig allows: 1 to 6 hidden layers and the output
MAX_UNITS = 4096  # neurons in a layer, at most (NetworkConfig)
MAX_KERAS_CONFIG = 1 * 2**20
KERAS_LAYERS = {"InputLayer", "Dense", "Dropout"}


class ModelCheckError(DigitPadError, ValueError):
    """A model file DigitPad cannot use; the message says which file and why (no remedy)."""

    title = "Cannot use the model"


def weights_layout(path: Path) -> list[int]:
    """The layer sizes ``weights.npz`` declares, [784, ..., 10], read from its headers only."""
    try:
        arrays = npz_arrays(path, MAX_WEIGHTS_BYTES)
    except FileNotFoundError:
        raise ModelCheckError("its weights are missing (no weights.npz)") from None
    except NotNpz as exc:
        raise ModelCheckError(f"its weights.npz is damaged or not usable: {exc}") from None
    except (OSError, ValueError, EOFError, RuntimeError, NotImplementedError, zipfile.BadZipFile) as exc:
        why = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
        raise ModelCheckError(f"its weights.npz is damaged or unreadable ({why})") from None
    n = sum(1 for k in arrays if k.startswith("kernel_"))
    if not 1 <= n <= MAX_LAYERS:
        raise ModelCheckError(f"its weights.npz holds {n} layers (a DigitPad network has 1 to {MAX_LAYERS})")
    sizes = [784]
    for i in range(n):
        kernel, bias = arrays.get(f"kernel_{i}"), arrays.get(f"bias_{i}")
        if kernel is None or bias is None:
            raise ModelCheckError(f"its weights.npz lacks kernel_{i} or bias_{i}")
        (k_shape, k_type), (b_shape, b_type) = kernel, bias
        if len(k_shape) != 2 or k_shape[0] != sizes[-1] or b_shape != (k_shape[1],) or not 1 <= k_shape[1] <= MAX_UNITS:
            raise ModelCheckError(f"its weights.npz layer {i} has shape {k_shape} (bias {b_shape}), which does"
                                  f" not follow a layer of {sizes[-1]}")
        if k_type.kind != "f" or b_type.kind != "f":
            raise ModelCheckError(f"its weights.npz layer {i} holds {k_type}, not floating-point numbers")
        sizes.append(k_shape[1])
    if sizes[-1] != 10:
        raise ModelCheckError(f"its network gives {sizes[-1]} outputs; a digit network gives 10")
    return sizes


def check_weights(path: Path) -> list[int]:
    """:func:`weights_layout`, then the weights loaded whole: finite numbers, known activations,
    probabilities out (softmax last). The layer sizes."""
    from ..recognizer import ModelError, Recognizer

    sizes = weights_layout(path)
    try:
        recognizer = Recognizer.load(path)
    except ModelError as exc:
        raise ModelCheckError(f"its weights.npz does not load ({exc})") from None
    if recognizer.layers[-1].activation != "softmax":
        raise ModelCheckError("its last layer does not give probabilities (softmax)")
    return sizes


def check_keras(path: Path, sizes: list[int]) -> None:
    """``model.keras`` is the network ``weights.npz`` describes (layer ``sizes``), loadable with
    ``safe_mode=True``; ModelCheckError otherwise. Loads TensorFlow."""
    _check_keras_config(path, sizes)
    from ..training.tf_runtime import import_tensorflow, quiet_stderr

    keras, _tf = import_tensorflow()
    with quiet_stderr():  # TensorFlow's C++ start-up notes on its first operations
        try:
            model = keras.models.load_model(path, compile=False, safe_mode=True)
            inputs, outputs = tuple(model.input_shape), tuple(model.output_shape)
            dense = [w.shape[1] for w in model.get_weights() if len(w.shape) == 2]
        except Exception as exc:  # noqa: BLE001 - Keras and h5py raise many kinds for a damaged file
            raise ModelCheckError(f"its model.keras cannot be loaded ({type(exc).__name__}: {_short(exc)})") from None
    if inputs != (None, 784) or outputs != (None, 10):
        raise ModelCheckError(f"its model.keras takes {inputs} and gives {outputs}; a DigitPad network takes"
                              " (None, 784) and gives (None, 10)")
    if [784, *dense] != sizes:
        raise ModelCheckError(f"its model.keras has layers {[784, *dense]} but its weights.npz {sizes}")


def _check_keras_config(path: Path, sizes: list[int]) -> None:
    """What Keras would build, read from the archive's config.json before Keras sees it: a
    crafted config could ask for layers of billions of units, or code to run."""
    try:
        with open_input(path) as fh, zipfile.ZipFile(fh) as zf:
            info = zf.getinfo("config.json")
            if info.file_size > MAX_KERAS_CONFIG:
                raise ModelCheckError(f"its model.keras declares a config of {info.file_size:,} bytes")
            config = json.loads(zf.read(info).decode("utf-8"))
    except ModelCheckError:
        raise
    except KeyError:
        raise ModelCheckError("its model.keras has no config.json: it is not a Keras 3 model file") from None
    except (OSError, ValueError, RecursionError, EOFError, RuntimeError, NotImplementedError,
            zipfile.BadZipFile) as exc:
        raise ModelCheckError(f"its model.keras is not a readable Keras model file ({_short(exc)})") from None
    layers = config.get("config", {}).get("layers") if isinstance(config, dict) else None
    if not (isinstance(config, dict) and config.get("class_name") == "Sequential" and isinstance(layers, list)):
        raise ModelCheckError("its model.keras is not the Sequential network DigitPad builds")
    units = []
    for layer in layers[:MAX_LAYERS * 2 + 2]:
        kind = layer.get("class_name") if isinstance(layer, dict) else None
        if kind not in KERAS_LAYERS or layer.get("module") not in ("keras.layers", None):
            raise ModelCheckError(f"its model.keras holds a layer {str(kind)[:40]!r}; DigitPad networks hold only"
                                  " Dense and Dropout layers")
        if kind == "Dense":
            n = layer.get("config", {}).get("units") if isinstance(layer.get("config"), dict) else None
            if not (isinstance(n, int) and not isinstance(n, bool) and 1 <= n <= MAX_UNITS):
                raise ModelCheckError(f"its model.keras has a Dense layer of {str(n)[:20]} units")
            units.append(n)
    if len(layers) > MAX_LAYERS * 2 + 2 or [784, *units] != sizes:
        raise ModelCheckError(f"its model.keras has layers {[784, *units]} but its weights.npz {sizes}")


def _short(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return text if len(text) <= 200 else text[:199] + "…"
