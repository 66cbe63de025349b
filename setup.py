"""Build hook: the wheel carries the top-level ``assets/`` folder as the package data ``model/assets``.

Everything else about the package is declared in pyproject.toml. ``assets/`` (the shipped default
model, the drawn digits, the self-test's digits, the sample inks, the icons) stays where it is in
the checkout, its one source of truth; a wheel (and so ``pip install .``, ``pipx install``, a wheel
on an index, and the wheel an sdist builds: MANIFEST.in puts ``assets/`` in the sdist) gets a copy
under the ``model`` package, where :func:`model.paths.assets_dir` finds it through
importlib.resources. An editable install copies nothing: it reads the checkout's ``assets/``.
"""
from __future__ import annotations

import os
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ASSETS = "assets"
PACKAGE = "model"  # the copy lands in model/assets/


def asset_files(root: str | os.PathLike = ".") -> list[str]:
    """The files under assets/, relative to it, without dotfiles and caches (as build.spec takes them)."""
    base = Path(root) / ASSETS
    return sorted(p.relative_to(base).as_posix() for p in base.rglob("*")
                  if p.is_file() and not any(part.startswith(".") or part == "__pycache__"
                                             for part in p.relative_to(base).parts))


class BuildPyWithAssets(build_py):
    """build_py that adds assets/ to the ``model`` package's data files (copied and recorded as
    any package data is, so the wheel lists them in its RECORD)."""

    def _get_data_files(self):
        files = list(super()._get_data_files())
        if not getattr(self, "editable_mode", False) and Path(ASSETS).is_dir():
            files.append((PACKAGE, ASSETS, os.path.join(self.build_lib, PACKAGE, ASSETS), asset_files()))
        return files


setup(cmdclass={"build_py": BuildPyWithAssets})
