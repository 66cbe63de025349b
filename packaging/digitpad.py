"""The bundle's entry point: the frozen ``digitpad`` executable is ``app.cli:main``.

PyInstaller runs this file as ``__main__``; everything else is the ordinary ``app`` package.
"""
import sys

from app.cli import main

if __name__ == "__main__":
    sys.exit(main())
