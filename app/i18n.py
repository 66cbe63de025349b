"""The window's language: which one, its translations, and numbers in its format.

DigitPad's window speaks English (the source text of every ``tr()``) or German
(``assets/i18n/digitpad_de.qm``, compiled from ``assets/i18n/de/*.ts`` by ``tools/i18n.py``). The
preference ``view/language`` (:data:`app.settings.LANGUAGE`) chooses: ``""`` follows the system
(``LANG``/``LC_ALL`` through :meth:`QLocale.system`), ``"en"`` or ``"de"`` fixes it. :func:`install`
loads the translations (DigitPad's and Qt's own ``qtbase_de.qm``, so standard dialog buttons say
„Abbrechen“) and makes the language's locale Qt's default, so :func:`number` and :func:`percent`
write „98,6 %“ in German. It runs before the window is built, and again when View ▸ Language
switches (the window then rebuilds itself: see :meth:`app.main_window.MainWindow.set_language`).

The assets are found like every other asset (:func:`model.paths.assets_dir`): in a checkout, a
wheel (``model/assets``) and the PyInstaller bundle. The command line stays English.
"""
from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from model.paths import assets_dir

from . import settings as prefs

LANGUAGES = {"en": "English", "de": "Deutsch"}  # each in its own language, as the menu shows it
SOURCE_LANGUAGE = "en"
LOCALES = {"en": QLocale.Language.English, "de": QLocale.Language.German}
log = logging.getLogger("digitpad.i18n")

_installed: list[QTranslator] = []  # kept alive while installed (Qt does not own them)
_current = SOURCE_LANGUAGE


def translations_dir() -> Path:
    """Where DigitPad's compiled translations are (``digitpad_<code>.qm``)."""
    return assets_dir() / "i18n"


def qt_translations_dirs() -> list[str]:
    """Where Qt's own translations (``qtbase_de.qm``) may be: Qt's translations path, and PySide6's
    Qt/translations folder (where the PyInstaller bundle keeps it)."""
    import PySide6

    return [QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath),
            str(Path(PySide6.__file__).resolve().parent / "Qt" / "translations")]


def system_language() -> str:
    """The language code the system asks for (``LANG``, ``LC_ALL``...), if DigitPad has it, else English."""
    locale = QLocale.system()
    for code, language in LOCALES.items():
        if locale.language() == language:
            return code
    for name in locale.uiLanguages():  # e.g. ["de-DE", "de"]
        code = name.split("-")[0].split("_")[0].lower()
        if code in LANGUAGES:
            return code
    return SOURCE_LANGUAGE


def chosen_language(setting: str | None = None) -> str:
    """The language the window uses: the setting (``""`` = the system's), always one of LANGUAGES."""
    setting = prefs.LANGUAGE.get() if setting is None else setting
    return setting if setting in LANGUAGES else system_language()


def current_language() -> str:
    """The language :func:`install` last installed ("en" before it ran)."""
    return _current


def locale_for(code: str) -> QLocale:
    """The locale of a language: the system's when it speaks that language (Austria, Switzerland...),
    else the language's main country."""
    system = QLocale.system()
    if system.language() == LOCALES[code]:
        return system
    return QLocale(LOCALES[code], QLocale.Country.Germany if code == "de" else QLocale.Country.UnitedStates)


def install(app: QCoreApplication | None = None, language: str | None = None) -> str:
    """Load the window's translations for ``language`` (default: :func:`chosen_language`), replacing
    any installed before, and make its locale the default. Returns the language now in use; a
    translation file that cannot be loaded leaves English and is logged (never an error)."""
    global _current
    app = app or QCoreApplication.instance()
    code = language if language in LANGUAGES else chosen_language(language)
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if code != SOURCE_LANGUAGE:
        ours = QTranslator(app)
        if ours.load(f"digitpad_{code}", str(translations_dir())):
            app.installTranslator(ours)
            _installed.append(ours)
            qt = QTranslator(app)
            if any(qt.load(f"qtbase_{code}", folder) for folder in qt_translations_dirs()):
                app.installTranslator(qt)
                _installed.append(qt)
            else:
                log.info("Qt's own %s translation (qtbase_%s.qm) is not in %s", code, code, qt_translations_dirs())
        else:
            log.warning("The %s translation is missing from %s; the window stays English", code, translations_dir())
            code = SOURCE_LANGUAGE
    QLocale.setDefault(locale_for(code))
    _current = code
    return code


# -- numbers in the language's format (QLocale's default, which install() sets) -------------------
def number(value: float, decimals: int = 0) -> str:
    """``value`` as the locale writes it: 1,234.5 in English, 1.234,5 in German."""
    if decimals == 0 and float(value).is_integer():
        return QLocale().toString(int(value))
    return QLocale().toString(float(value), "f", decimals)


def percent(share: float, decimals: int = 1) -> str:
    """A share (0.986) as a percentage: „98.6%“ in English, „98,6 %“ in German."""
    text = QLocale().toString(float(share) * 100.0, "f", decimals)
    return QCoreApplication.translate("Numbers", "{number}%").format(number=text)


def signed(value: float, decimals: int = 2) -> str:
    """``value`` with its sign always written (+0,25 / -1,50 in German), as z and bias are shown."""
    return ("-" if value < 0 else "+") + QLocale().toString(abs(float(value)), "f", decimals)


def plural(text: str, n: int) -> str:
    """English's own plural in a numerus ``tr()`` text that no translation replaced: Qt fills in
    ``%n`` but leaves the source's "(s)", so "%n sample(s)" reads "1 sample" / "5 samples" here.
    A translation never contains "(s)" and passes through unchanged."""
    return text.replace("(s)", "" if abs(n) == 1 else "s")
