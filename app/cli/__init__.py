"""The ``digitpad`` command: no subcommand opens the window; the subcommands work headless.

One module per command group, each with ``register(subparsers)``; :mod:`app.cli.main` builds the
parser and maps errors to messages in one place; :mod:`app.cli.common` holds what they share.
Heavy imports (Qt, TensorFlow) happen inside the commands that need them, so ``digitpad predict``
starts fast and never loads TensorFlow.
"""
from .main import main

__all__ = ["main"]
