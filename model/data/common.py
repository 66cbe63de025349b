"""What every dataset reader shares, below the readers so that they can use one another
(``load_source('drawn')`` renders the drawn corpus, whose reader and model cards need these too)."""
from __future__ import annotations

from ..errors import DigitPadError

# Test split carved from sources that have no test files: 1,000 of 10,000 digits measure a model
# to about +-0.5 points and leave the rest for training.
TEST_FRACTION = 0.1


class DataError(DigitPadError):
    """A dataset could not be read; the message says which file, what is wrong and what to do."""
    title = "Cannot read the data"
