"""A finished training: its result, the NumPy recognizer of its network, its card, and saving it.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

from ..recognizer import Layer, Recognizer
from ..store.card import DataSpec, Metrics, ModelCard

if TYPE_CHECKING:
    from .network import NetworkConfig
    from .trainer import TrainingConfig

__all__ = ["TrainingResult", "evaluate_drawn_into", "evaluate_into", "model_card", "recognizer_from_keras",
           "save_keras", "save_result", "write_model_dir"]


@dataclass
class TrainingResult:
    model: object  # the Keras model, best weights restored
    network: NetworkConfig
    training: TrainingConfig
    history: dict[str, list[float]] = field(default_factory=dict)
    test_accuracy: float | None = None
    test_loss: float | None = None
    test_n: int = 0
    confusion: np.ndarray | None = None  # (10, 10) rows = true digit, columns = predicted
    test_predictions: np.ndarray | None = None  # (test_n,) predicted digits, in test order
    # On held-out drawn digits (the shipped corpus's check labs: writers never trained on), when
    # the Trainer was given them: what the app's one job, reading drawings, will look like.
    drawn_accuracy: float | None = None
    drawn_loss: float | None = None
    drawn_n: int = 0
    drawn_confusion: np.ndarray | None = None  # (10, 10) rows = true digit, columns = predicted
    epochs_run: int = 0
    best_epoch: int = 0
    cancelled: bool = False
    seconds: float = 0.0

    @property
    def recognizer(self) -> Recognizer:
        return recognizer_from_keras(self.model)


def evaluate_into(result: TrainingResult, x_test: np.ndarray, y_test: np.ndarray) -> None:
    from ..evaluation import evaluate

    ev = evaluate(result.recognizer, x_test, y_test)
    result.test_accuracy, result.test_loss, result.test_n = ev.accuracy, ev.loss, ev.n
    result.confusion, result.test_predictions = ev.confusion, ev.predictions


def evaluate_drawn_into(result: TrainingResult, x: np.ndarray, y: np.ndarray) -> None:
    """Fill the result's drawn_* fields from held-out drawn digits (uint8 (n, 28, 28), labels)."""
    from ..evaluation import evaluate

    ev = evaluate(result.recognizer, x, y)
    result.drawn_accuracy, result.drawn_loss, result.drawn_n = ev.accuracy, ev.loss, ev.n
    result.drawn_confusion = ev.confusion


def recognizer_from_keras(model) -> Recognizer:
    """The NumPy Recognizer for an in-memory Keras model (what weights.npz would give)."""
    import keras

    from .network import ELU_ALPHA, LEAKY_SLOPE

    layers = []
    for layer in model.layers:
        if isinstance(layer, keras.layers.Dense):
            k, b = layer.get_weights()
            name = layer.activation.__name__
            param = LEAKY_SLOPE if name == "leaky_relu" else ELU_ALPHA if name == "elu" else 0.0
            layers.append(Layer(k.astype(np.float32), b.astype(np.float32), name, param))
    return Recognizer(layers)


def model_card(result: TrainingResult, *, name: str, data: DataSpec, command: str | None = None,
               drawn_heldout: str | None = None) -> ModelCard:
    """The card of a trained model: data, both configs, test metrics, history, how to reproduce.
    ``drawn_heldout`` says which drawn digits ``result.drawn_*`` were measured on."""
    import datetime

    return ModelCard(
        name=name,
        created=datetime.datetime.now().astimezone().isoformat(timespec="seconds"),
        network=result.network.to_dict(),
        training=result.training.to_dict(),
        data=data,
        metrics=Metrics(
            test_accuracy=result.test_accuracy,
            test_loss=result.test_loss,
            test_n=result.test_n,
            confusion=None if result.confusion is None else result.confusion.tolist(),
            drawn_accuracy=result.drawn_accuracy,
            drawn_loss=result.drawn_loss,
            drawn_n=result.drawn_n,
            drawn_confusion=None if result.drawn_confusion is None else result.drawn_confusion.tolist(),
            drawn_heldout=drawn_heldout if result.drawn_accuracy is not None else None,
        ),
        history=result.history,
        epochs_run=result.epochs_run,
        best_epoch=result.best_epoch,
        train_seconds=round(result.seconds, 1),
        command=command or None,
    )


def model_writer(model):
    """``write(folder)`` for :meth:`ModelStore.save` and ``write_model_dir``: the Keras network's
    ``model.keras`` and the ``weights.npz`` the NumPy Recognizer reads."""
    from .network import export_weights

    def write(folder):
        save_keras(model, folder / "model.keras")
        export_weights(model, folder / "weights.npz")

    return write


def save_result(result: TrainingResult, store, **card_args):
    """Save a finished training into ``store`` (a ModelStore) as a new model; its ModelInfo."""
    card = model_card(result, **card_args)
    return store.save(card, model_writer(result.model), name=card.name)


def write_model_dir(target, result: TrainingResult, **card_args):
    """Save a finished training as the model directory ``target`` (``digitpad train --out``)."""
    from ..store.saving import write_model_dir as write_dir

    return write_dir(target, model_card(result, **card_args), model_writer(result.model))


def save_keras(model, path) -> None:
    """Save the network without optimizer state: a third of the size, and fine-tuning recompiles.

    (keras.models.clone_model keeps the optimizer's variables in Keras 3; a model rebuilt from
    its config has none.)"""

    bare = model.__class__.from_config(model.get_config())
    bare.set_weights(model.get_weights())
    bare.save(path)
