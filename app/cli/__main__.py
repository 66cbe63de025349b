"""``python -m app.cli`` is the ``digitpad`` command."""
import sys

from app.cli.main import main

sys.exit(main())
