"""DigitPad auf Deutsch (issue 25): the real window in German, its translations, and switching live.

- Every string the whole window shows (every tab built, menus and actions, the Inside dock, the
  Models dialog, the F1 shortcut list, About) is collected from an English and a German window; a
  German string that is still the English one fails, unless it is a name or a term German keeps
  (MNIST, ReLU, Adam...: german_strings.ALLOWED_WORDS) or a model's name. The frame (G1's files) and
  the pages (Train, Samples, Data, Robustness) are checked apart; the share translated is printed:

      .venv/bin/python -m pytest -q -s tests/test_german.py -k share

- Every message of every assets/i18n/de/*.ts is translated and keeps its placeholders, the .ts files
  hold every tr() string of the code, and the committed .qm is what lrelease makes of them.
- The German window fits a 1366x768 screen with no clipped text: tests/screen_checks.py, run with
  DIGITPAD_TEST_LANGUAGE=de (conftest.py installs German for the whole run).
- View ▸ Language switches live and keeps the drawing, Number mode, the model in use, the samples
  and the tab.
"""
from __future__ import annotations

import gc
import importlib.util
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest
from conftest import ROOT
from german_strings import neutral, window_strings
from helpers import card, digit_ink, fill_samples, fit_linear_weights
from PySide6.QtCore import QTranslator
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from app import i18n
from app import settings as prefs
from app.main_window import MainWindow
from model.store.card import DataSpec, ExtraData

TS_DIR = ROOT / "assets" / "i18n" / "de"
QM = ROOT / "assets" / "i18n" / "digitpad_de.qm"
PLACEHOLDER = re.compile(r"\{(\w*)\}|%n")
TARGET_SHARE = 0.95


def _tools_i18n():
    spec = importlib.util.spec_from_file_location("tools_i18n", ROOT / "tools" / "i18n.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def messages():
    """(file, context, message element) of every message in the German .ts files."""
    for ts in sorted(TS_DIR.glob("*.ts")):
        for context in ET.parse(ts).getroot().iter("context"):
            for message in context.iter("message"):
                yield ts.name, context.findtext("name"), message


@pytest.fixture
def english_after(qapp):
    """Whatever a test installs, English again afterwards (the rest of the run is English)."""
    yield
    i18n.install(qapp, "en")


def _open(store) -> MainWindow:
    window = MainWindow(store=store)
    window.show()
    QTest.qWaitForWindowExposed(window)
    window.finish_startup()
    QApplication.processEvents()
    return window


def _close(window: MainWindow) -> None:
    window.close()
    window.deleteLater()
    QApplication.processEvents()


# --------------------------------------------------------------------------- (a) no English left
@pytest.fixture(scope="module")
def both_runs(qapp, default_model, tmp_path_factory):
    """The window's strings in English and in German, split into the frame and the pages, and the
    names that stay as they are (the models' names and the summaries model/ writes)."""
    from model.store.models import ModelStore

    home = tmp_path_factory.mktemp("german-home")
    previous = os.environ["DIGITPAD_HOME"]
    os.environ["DIGITPAD_HOME"] = str(home)
    try:
        store = ModelStore(home=home, default_dir=default_model)
        runs = {}
        for language in ("en", "de"):
            assert i18n.install(qapp, language) == language
            window = _open(store)
            try:
                runs[language] = window_strings(window)
            finally:
                _close(window)
        names = set()
        for info in store.list():
            names |= {info.name, f"✓ {info.name}", info.summary()}
    finally:
        i18n.install(qapp, "en")
        os.environ["DIGITPAD_HOME"] = previous
    return runs["en"], runs["de"], names


def still_english(both_runs, area: str) -> dict[str, str]:
    english, german, names = both_runs
    return {text: where for text, (where, part) in german.items()
            if part == area and text in english and not neutral(text) and text not in names}


def translatable(both_runs, area: str | None = None) -> list[str]:
    _english, german, names = both_runs
    return [text for text, (_where, part) in german.items()
            if (area is None or part == area) and not neutral(text) and text not in names]


@pytest.mark.parametrize("area", ["frame", "pages"])
def test_the_german_window_shows_no_english_text(both_runs, area):
    """Menus, actions, tabs, the Draw tab, the Inside dock, dialogs ("frame"), and the Train,
    Samples, Data and Robustness pages ("pages"): every string differs from the English run."""
    left = still_english(both_runs, area)
    assert translatable(both_runs, area), f"no {area} strings found: the walk is broken"
    listing = "\n".join(f"  {where}: {text[:110]}" for text, where in sorted(left.items(), key=lambda i: i[1]))
    assert not left, f"{len(left)} {area} strings are still English:\n{listing}"


def test_share_of_german_strings(both_runs):
    """The issue's target: >= 95% of the distinct strings the window shows differ from English."""
    shown = translatable(both_runs)
    left = {**still_english(both_runs, "frame"), **still_english(both_runs, "pages")}
    share = 1 - len(left) / len(shown)
    for area in ("frame", "pages"):
        n = len(translatable(both_runs, area))
        print(f"\n{area}: {n - len(still_english(both_runs, area))} of {n} strings in German")
    print(f"German strings: {len(shown) - len(left)} of {len(shown)} = {share:.1%} (target {TARGET_SHARE:.0%})")
    assert share >= TARGET_SHARE


def test_the_walk_sees_the_menus_the_dock_the_dialogs_and_the_shortcut_list(both_runs):
    """The collection covers what the test claims it covers (so a broken walk cannot pass)."""
    _english, german, _names = both_runs
    for text in ("Datei", "Ansicht", "Sprache", "Systemsprache", "Modelle", "Im Inneren des Netzes",
                 "Dieses Modell verwenden", "Tastenkürzel", "Zeichnen Sie eine Ziffer mit der linken Maustaste",
                 "Über DigitPad",
                 "Zeichenwerkzeuge", "Gewichte der ersten Schicht", "Als richtig beschriften"):
        assert text in german, f"{text!r} not collected"


# --------------------------------------------------------------------------- (b) the .ts files
def test_every_message_has_a_finished_translation_with_its_placeholders():
    problems = []
    found = 0
    for name, context, message in messages():
        found += 1
        source = message.findtext("source")
        translation = message.find("translation")
        where = f"{name} [{context}] {source[:70]!r}"
        if translation is None or translation.get("type") in ("unfinished", "vanished", "obsolete"):
            problems.append(f"{where}: not translated")
            continue
        forms = ([f.text or "" for f in translation.iter("numerusform")] if message.get("numerus") == "yes"
                 else [translation.text or ""])
        if message.get("numerus") == "yes" and len(forms) != 2:
            problems.append(f"{where}: German needs 2 numerus forms, has {len(forms)}")
        wanted = sorted(set(PLACEHOLDER.findall(source)) | ({"%n"} if "%n" in source else set()))
        for form in forms:
            if not form.strip():
                problems.append(f"{where}: an empty translation")
            have = sorted(set(PLACEHOLDER.findall(form)) | ({"%n"} if "%n" in form else set()))
            if have != wanted:
                problems.append(f"{where}: placeholders {have} in {form[:60]!r}, the source has {wanted}")
    assert found > 250, f"only {found} messages in {TS_DIR}"
    assert not problems, "\n".join(problems)


def test_the_translation_files_hold_every_string_of_the_code_and_the_qm_matches_them():
    """lupdate finds nothing new (no tr() string without a German translation) and lrelease makes
    the committed .qm (tools/i18n.py --check)."""
    problems = _tools_i18n().check("de", "de_DE")
    assert not problems, "\n".join(problems)


def test_every_source_text_translates_through_the_shipped_qm():
    translator = QTranslator()
    assert translator.load(str(QM)), f"{QM} cannot be loaded"
    wrong = []
    for _name, context, message in messages():
        source = message.findtext("source")
        translation = message.find("translation")
        if message.get("numerus") == "yes":
            forms = [f.text for f in translation.iter("numerusform")]
            for n, form in ((1, forms[0]), (5, forms[-1])):
                if translator.translate(context, source, None, n) != form:
                    wrong.append(f"[{context}] {source[:60]!r} (n={n})")
        elif translator.translate(context, source) != translation.text:
            wrong.append(f"[{context}] {source[:60]!r}")
    assert not wrong, f"{len(wrong)} messages differ in {QM.name}:\n" + "\n".join(wrong[:30])


def test_the_system_language_chooses_german_and_the_setting_overrides_it(home, monkeypatch, qapp, english_after):
    """LANG=de_DE.UTF-8 with the setting "" gives German (with Qt's own buttons and German numbers);
    "en" overrides it. QLocale.system() is read once per process, so the choice runs in a child."""
    code = ("from PySide6.QtWidgets import QApplication, QDialogButtonBox\n"
            "from app import i18n\nfrom app import settings as prefs\n"
            "app = QApplication([])\n"
            "language = i18n.install(app)\n"
            "box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)\n"
            "print(language, i18n.percent(0.986), box.buttons()[0].text())\n"
            "prefs.LANGUAGE.set('en')\nprint(i18n.install(app), i18n.percent(0.986))\n")
    env = {**os.environ, "LANG": "de_DE.UTF-8", "QT_QPA_PLATFORM": "offscreen", "DIGITPAD_HOME": str(home),
           "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["de 98,6 % Abbrechen", "en 98.6%"], done.stdout
    assert prefs.LANGUAGE.get() == "en"


# --------------------------------------------------------------------------- (d) it fits 1366x768
@pytest.mark.parametrize("server", ["offscreen", "xvfb"])
def test_the_german_window_fits_1366x768_with_no_clipped_text(server):
    """tests/screen_checks.py in German: on Qt's offscreen screen, and on a real X server (Xvfb)."""
    env = {**os.environ, "DIGITPAD_TEST_SCREEN": "1366x768", "DIGITPAD_TEST_LANGUAGE": "de",
           "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    prefix = []
    if server == "xvfb":
        if shutil.which("xvfb-run") is None:
            pytest.skip("needs Xvfb (Debian: apt install xvfb xauth)")
        env.update(DIGITPAD_TEST_SCREEN="x11", DIGITPAD_TEST_EXPECT="1366x768", QT_QPA_PLATFORM="xcb")
        prefix = ["xvfb-run", "-a", "-s", "-screen 0 1366x768x24 -nolisten tcp"]
    cmd = [*prefix, sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
           str(ROOT / "tests" / "screen_checks.py")]
    done = subprocess.run(cmd, env=env, cwd=str(ROOT), capture_output=True, text=True, timeout=900)
    out = done.stdout + done.stderr
    assert done.returncode == 0, f"the German window at 1366x768:\n{out[-8000:]}"
    last = done.stdout.strip().splitlines()[-1]
    assert " passed" in last and "skipped" not in last, last


# --------------------------------------------------------------------------- (e) switching live
def test_switching_language_live_keeps_the_drawing_the_model_and_the_samples(qtbot, store, qapp, english_after):
    other = store.save(card(name="Meine Handschrift"), lambda d: fit_linear_weights(d / "weights.npz", n_train=2000))
    window = MainWindow(store=store)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.startup_finished, timeout=20000)
    assert window.session.use(other.id)
    model_id = window.session.model_id
    samples = window.samples
    ids = fill_samples(samples, n_ink=3, n_image=2)
    window.number_action.setChecked(True)
    ink = digit_ink(7, centre=(300.0, 140.0))
    window.canvas.set_ink(ink)
    window.show_tab_at(1)
    window.training_tab.form.epochs_spin.setValue(7)  # an edit the form has not saved yet
    before = [s.tolist() for s in window.canvas.ink().strokes]
    paper = (window.canvas.ink().width, window.canvas.ink().height)

    window.language_actions["de"].trigger()  # View ▸ Language ▸ Deutsch
    assert not window.isVisible()
    gc.collect()  # the rebuilt window must live on without the caller holding it
    [german] = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
    qtbot.addWidget(german)
    assert prefs.LANGUAGE.get() == "de" and i18n.current_language() == "de"
    assert german.tabs.tabText(0) == "Zeichnen" and german.menuBar().actions()[0].text() == "&Datei"
    assert "Deutsch" in german.statusBar().currentMessage()
    assert [s.tolist() for s in german.canvas.ink().strokes] == before
    assert (german.canvas.ink().width, german.canvas.ink().height) == paper
    assert german.draw_tab.number_mode and german.number_action.isChecked()
    assert german.session.model_id == model_id and german.session.recognizer is not None
    assert german.samples is samples and sorted(german.samples.ids().tolist()) == sorted(ids)
    assert german.samples_tab is not None and german.samples_tab.samples is samples
    assert german.tabs.currentIndex() == 1 and german.training_tab.form.epochs_spin.value() == 7
    assert german.startup_finished and german.inside_view is not None
    german.canvas.set_ink(digit_ink(3))  # the rebuilt window reads what is drawn
    german.repredict()
    assert german.prediction_view.prediction().digit is not None

    english = german.set_language("en")
    qtbot.addWidget(english)
    assert english.tabs.tabText(0) == "Draw" and english.session.model_id == model_id
    assert len(english.canvas.ink().strokes) == len(digit_ink(3).strokes)
    assert english.language_actions["en"].isChecked() and prefs.LANGUAGE.get() == "en"


def test_the_user_guide_is_german_in_the_german_window(qtbot, store, qapp, english_after):
    i18n.install(qapp, "de")
    window = MainWindow(store=store)
    qtbot.addWidget(window)
    guide = window.show_user_guide()
    assert guide.windowTitle() == "DigitPad-Benutzerhandbuch"
    for section in ("Zeichnen (Strg+1)", "Zahlenmodus (N)", "Personalisieren", "Trainieren (Strg+2)",
                    "Im Inneren des Netzes", "Ansicht ▸ Sprache"):
        assert section in guide.text()
    guide.close()


SPECS = [
    DataSpec(name="MNIST", source="mnist"),
    DataSpec(name="drawn digits shipped with DigitPad: 6,294 digits", source="drawn"),
    DataSpec(name="IDX folder /home/ann/data/strokes", source="/home/ann/data/strokes"),
    DataSpec(name="mine", source="/home/ann/mine.npz"),
    DataSpec(name="IDX folder ../shared/data/mnist-subset", source="../shared/data/mnist-subset"),
    DataSpec(name="MNIST", source="mnist", extras=(
        ExtraData(kind="drawn", name="drawn digits shipped with DigitPad: ...", n=12588, reps=2),
        ExtraData(kind="pendigits", name="pendigits.tra", source="/data/pendigits.tra", n=7494),
        ExtraData(kind="dataset", name="more", source="/data/more.npz"),
        ExtraData(kind="samples", name="30 of your samples x40", n=1200))),
    DataSpec(name="your samples only", extras=(ExtraData(kind="samples", name="12 of your samples x20"),)),
    DataSpec(name="drawn digits shipped with DigitPad", extras=(ExtraData(kind="drawn", name="d", n=500),
                                                               ExtraData(kind="samples", name="5 of your samples"))),
    None,
]


@pytest.mark.parametrize("spec", SPECS)
def test_the_models_dialog_says_what_a_model_learnt_from_in_the_windows_language(spec, qapp, english_after):
    """app.learnt_words says in the window's language what model.store.learnt_from says in English."""
    from app.learnt_words import learnt_from as said
    from model.store.learnt_from import learnt_from

    assert said(spec) == learnt_from(spec)
    i18n.install(qapp, "de")
    german = said(spec)
    english_words = ("digits from", "the folder", "the file", "of them", "drawn with", " and ", "pen trajectories",
                     "not recorded", "only ")
    assert not any(words in german for words in english_words), german


def test_a_models_one_line_summary_is_said_in_the_windows_language(store, qapp, english_after):
    from app.learnt_words import summary

    plain = store.save(card(name="Plain"), lambda d: fit_linear_weights(d / "weights.npz", n_train=500))
    for info in (store.default(), plain):
        assert summary(info) == info.summary()
    i18n.install(qapp, "de")
    german = summary(store.default())
    assert " on " not in german and "Testdaten" in german and "%" in german and "," in german.split("—")[1], german


def test_the_german_menus_have_one_access_key_per_entry(qtbot, store, qapp, english_after):
    """Alt+letter reaches each German menu and each entry of a menu: no letter is used twice."""
    i18n.install(qapp, "de")
    window = MainWindow(store=store)
    qtbot.addWidget(window)

    def keys(actions):
        found = [re.search(r"&(\w)", a.text()) for a in actions if not a.isSeparator() and a.text()]
        return [m.group(1).lower() for m in found if m]

    bar = window.menuBar().actions()
    assert len(set(keys(bar))) == len(bar) and window.menuBar().actions()[0].text() == "&Datei"
    for menu in [a.menu() for a in bar] + [window.language_menu]:
        letters = keys(menu.actions())
        assert len(letters) == len(set(letters)), f"{menu.title()}: {letters}"


def test_rates_are_written_with_the_languages_decimal_sign(qapp, english_after):
    from app.widgets.sci_spinbox import SciSpinBox

    english = SciSpinBox(1e-6, 10.0)
    english.setValue(0.001)
    i18n.install(qapp, "de")
    german = SciSpinBox(1e-6, 10.0)
    german.setValue(0.001)
    assert (english.text(), german.text()) == ("0.001", "0,001")
    german.lineEdit().setText("0.05")  # a dot typed in German still reads
    german.interpretText()
    assert german.value() == 0.05 and german.text() == "0,05"
