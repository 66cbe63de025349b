"""Every string the window shows, collected from the real widgets: for tests/test_german.py.

:func:`window_strings` walks a built :class:`app.main_window.MainWindow` (every tab built, the menus
and their actions, the Inside dock, the Models dialog, the F1 shortcut list, About) and returns
each distinct visible string with where it was found: texts, window and group titles, tab titles
and tooltips, tooltips and status tips, combo-box items, placeholders, list and table items.
HTML is reduced to its text and mnemonics (&) are dropped, as a person reads them.
"""
from __future__ import annotations

import html
import re

from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDockWidget,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMenu,
    QTableWidget,
    QTabWidget,
    QTextBrowser,
    QToolBar,
    QTreeWidget,
    QWidget,
)

from app import dialogs

# Words that are the same in German: names, technical terms the tutorial keeps, units, keys, and
# English words German spells the same (Training, Details, Name, Test, Pixel).
ALLOWED_WORDS = {
    "adagrad", "nesterov", "training", "details", "name", "test", "pixel",
    "mnist", "relu", "adam", "sgd", "rmsprop", "softmax", "tanh", "sigmoid", "elu", "selu", "gelu", "leaky", "keras",
    "tensorflow", "numpy", "digitpad", "unipen", "pendigits", "idx", "npz", "png", "jpeg", "bmp", "json", "zip",
    "english", "deutsch", "x", "z", "px", "s", "ms", "mb", "id", "ctrl", "shift", "alt", "del", "esc", "f1", "f2",
    "l1", "l2", "dropout", "bias", "logit", "neuron", "max", "min", "mean", "std", "pin", "ok", "e", "p", "n",
}
TAG = re.compile(r"<[^>]+>")


def normalise(text: str) -> str:
    """What a person reads: HTML tags and entities and mnemonics gone, whitespace collapsed."""
    text = TAG.sub(" ", text or "")
    text = html.unescape(text).replace("&&", "\0").replace("&", "").replace("\0", "&")
    return " ".join(text.split())


def neutral(text: str) -> bool:
    """A string that is the same in every language: no words, or only names and technical terms."""
    words = re.findall(r"[^\W\d_]+\d*", text.lower())
    return not words or all(w in ALLOWED_WORDS for w in words)


def _widget_strings(widget: QWidget):
    yield widget.toolTip(), "tooltip"
    yield widget.statusTip(), "status tip"
    yield widget.whatsThis(), "what's this"
    if widget.isWindow() or isinstance(widget, (QDockWidget, QToolBar)):
        yield widget.windowTitle(), "window title"
    if isinstance(widget, QLabel):
        yield widget.text(), "label"
    elif isinstance(widget, QAbstractButton):
        yield widget.text(), "button"
    elif isinstance(widget, QGroupBox):
        yield widget.title(), "group title"
    elif isinstance(widget, QLineEdit):
        yield widget.placeholderText(), "placeholder"
    elif isinstance(widget, QTextBrowser):
        yield widget.toPlainText(), "text"
    if isinstance(widget, QComboBox):
        for i in range(widget.count()):
            yield widget.itemText(i), "combo item"
    if isinstance(widget, QTabWidget):
        for i in range(widget.count()):
            yield widget.tabText(i), "tab title"
            yield widget.tabToolTip(i), "tab tooltip"
    if isinstance(widget, QListWidget):
        for i in range(widget.count()):
            yield widget.item(i).text(), "list item"
            yield widget.item(i).toolTip(), "list item tooltip"
    if isinstance(widget, QTableWidget):
        for c in range(widget.columnCount()):
            item = widget.horizontalHeaderItem(c)
            if item is not None:
                yield item.text(), "table header"
                yield item.toolTip(), "table header tooltip"
    if isinstance(widget, QTreeWidget):
        header = widget.headerItem()
        for c in range(widget.columnCount()):
            yield header.text(c), "tree header"
    if isinstance(widget, QMenu):
        yield widget.title(), "menu title"


def _action_strings(action):
    yield action.text(), "action"
    yield action.toolTip(), "action tooltip"
    yield action.statusTip(), "action status tip"


def collect(widgets, actions=(), pages=()) -> dict[str, tuple[str, str]]:
    """{normalised string: (where it was first seen, "pages" or "frame")} for these widgets (and
    their children) and actions; a string inside one of ``pages`` belongs to the pages."""
    found: dict[str, tuple[str, str]] = {}
    in_pages = {id(w) for page in pages if page is not None for w in [page, *page.findChildren(QWidget)]}

    def add(text, where, area):
        for line in str(text or "").split("\n"):  # a tooltip of several lines: each line on its own
            line = normalise(line)
            if line and line not in found:
                found[line] = (where, area)

    for top in widgets:
        for widget in [top, *top.findChildren(QWidget)]:
            name = f"{type(widget).__name__} {widget.objectName()}".strip()
            area = "pages" if id(widget) in in_pages else "frame"
            for text, kind in _widget_strings(widget):
                add(text, f"{kind} of {name}", area)
            for action in widget.actions():
                for text, kind in _action_strings(action):
                    add(text, f"{kind} in {name}", area)
    for action in actions:
        for text, kind in _action_strings(action):
            add(text, kind, "frame")
    return found


def window_strings(window) -> dict[str, tuple[str, str]]:
    """Every string the whole window shows (see the module's docstring); opens and closes the
    Models dialog, the shortcut list and About to read them."""
    window.finish_startup()
    window.manage_models()
    models = window._models_dialog
    shortcuts = window.show_shortcuts()
    about = window.show_about()
    try:
        pages = [window.training_tab, window.samples_tab, window.data_view, window.robustness_view]
        found = collect([window, models, shortcuts, about], window.actions(), pages)
        for _keys, what in dialogs.shortcut_rows(window.actions()):
            found.setdefault(normalise(what), ("F1 shortcut list", "frame"))
    finally:
        for box in (models, shortcuts, about):
            box.close()
    found.pop("", None)
    return found
