"""tests/screen_checks.py again with the window in German (issue 25): German is about a third longer
than English, and the pages must still fit every screen with no text cut off.

Not collected on its own (the screen must be chosen before Qt starts): tests/test_german_pages.py
runs it in a process with DIGITPAD_TEST_SCREEN=1366x768 (and 1280x720). By hand:

    DIGITPAD_TEST_SCREEN=1366x768 .venv/bin/python -m pytest tests/german_screen_checks.py
"""
from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from screen_checks import *  # noqa: F403 (every check of the window, run here in German)

from model.paths import assets_dir


@pytest.fixture(autouse=True)
def german(qapp):
    """The app's German translation and Qt's own, and a German locale, before the window is built."""
    ours, qt = QTranslator(), QTranslator()
    assert ours.load(str(assets_dir() / "i18n" / "digitpad_de.qm"))
    qt.load("qtbase_de", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    before = QLocale()
    for t in (qt, ours):
        QCoreApplication.installTranslator(t)
    QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    yield
    for t in (qt, ours):
        QCoreApplication.removeTranslator(t)
    QLocale.setDefault(before)
