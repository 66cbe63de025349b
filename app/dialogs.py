"""Every message box the window shows is built here: errors, questions, About, the shortcut list and
the user guide.

An error is shown the same way wherever it comes from: :func:`show_error` takes a
:class:`model.errors.DigitPadError` (its ``title`` heads the box, its message is the text) or a
message, opens a window-modal box without blocking the event loop, and returns it. Questions
(:func:`ask`) block, as a question must.
"""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox, QTextBrowser, QVBoxLayout, QWidget

from model.errors import DigitPadError
from model.paths import assets_dir

from . import i18n

Button = QMessageBox.StandardButton
USER_GUIDE = "help/user-guide.md"  # under assets/: the guide Help ▸ User Guide shows (offline)
translate = QCoreApplication.translate
# The titles model/'s errors carry (model/ has no Qt): shown in the window's language. Their messages
# are written from what went wrong and stay English.
ERROR_TITLES = (
    QT_TRANSLATE_NOOP("Errors", "Cannot read the data"),
    QT_TRANSLATE_NOOP("Errors", "Cannot read the drawing"),
    QT_TRANSLATE_NOOP("Errors", "Cannot read the drawn digits"),
    QT_TRANSLATE_NOOP("Errors", "Cannot read the image"),
    QT_TRANSLATE_NOOP("Errors", "Cannot read the model card"),
    QT_TRANSLATE_NOOP("Errors", "Cannot read the pen trajectories"),
    QT_TRANSLATE_NOOP("Errors", "Cannot run the command"),
    QT_TRANSLATE_NOOP("Errors", "Cannot use DigitPad's data folder"),
    QT_TRANSLATE_NOOP("Errors", "Cannot use the model"),
    QT_TRANSLATE_NOOP("Errors", "Cannot use your samples"),
    QT_TRANSLATE_NOOP("Errors", "DigitPad cannot do that"),
    QT_TRANSLATE_NOOP("Errors", "Setting out of range"),
)


def user_guide_path(language: str | None = None):
    """The user guide in the window's language (help/user-guide.de.md), else the English one."""
    language = language or i18n.current_language()
    english = assets_dir() / USER_GUIDE
    translated = english.with_name(f"{english.stem}.{language}{english.suffix}")
    return translated if language != i18n.SOURCE_LANGUAGE and translated.is_file() else english


def show_message(parent: QWidget | None, title: str, text: str, *, icon=QMessageBox.Icon.Warning,
                 details: str = "", name: str = "errorMessage", buttons=Button.Ok) -> QMessageBox:
    """Open a message box (window-modal, non-blocking; it deletes itself when closed)."""
    box = QMessageBox(icon, title, text, buttons, parent)
    box.setObjectName(name)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if details:
        box.setDetailedText(details)
    box.open()
    return box


def show_error(parent: QWidget | None, error: BaseException | str, title: str | None = None,
               details: str = "") -> QMessageBox:
    """A warning for ``error``: a DigitPadError's own title and message, or ``title`` and a text."""
    if title is None:
        title = translate("Errors", error.title if isinstance(error, DigitPadError) else DigitPadError.title)
    return show_message(parent, title, str(error), details=details)


def ask(parent: QWidget | None, title: str, text: str, yes=Button.Yes, no=Button.No) -> bool:
    """A blocking question; True when the answer is ``yes`` (``no`` is the default button)."""
    return QMessageBox.question(parent, title, text, yes | no, no) == yes


def shortcut_rows(actions: list[QAction]) -> list[tuple[str, str]]:
    """(keys, what) for every action with a shortcut, in the order given."""
    rows = []
    for action in actions:
        keys = ", ".join(s.toString(QKeySequence.SequenceFormat.NativeText) for s in action.shortcuts())
        if keys and action.text():
            rows.append((keys, action.text().replace("&", "").rstrip("…")))
    return rows


def show_shortcuts(parent: QWidget, actions: list[QAction]) -> QMessageBox:
    table = "".join(f"<tr><td style='padding-right:18px'><b>{keys}</b></td><td>{what}</td></tr>"
                    for keys, what in shortcut_rows(actions))
    return show_message(parent, translate("Dialogs", "Keyboard shortcuts"), f"<table>{table}</table>",
                        icon=QMessageBox.Icon.NoIcon, name="shortcutsMessage", buttons=Button.Close)


def show_about(parent: QWidget, version: str, model: str) -> QMessageBox:
    return show_message(
        parent, translate("Dialogs", "About DigitPad"),
        f"<h3>DigitPad {version}</h3><p>"
        + translate("Dialogs", "Draw a digit and watch a neural network read it as you draw. "
                               "Retrain it in the Train tab and teach it your handwriting.")
        + "</p><p>" + translate("Dialogs", "Model in use: {model}").format(model=model) + "</p><p>"
        + translate("Dialogs", "A multilayer perceptron trained with Keras, run with NumPy.") + "</p><p>"
        + translate("Dialogs", "Help ▸ User Guide (Shift+F1) explains every tab; Help ▸ Keyboard Shortcuts (F1) "
                               "lists the keys.") + "</p>",
        icon=QMessageBox.Icon.Information, name="aboutMessage", buttons=Button.Close)


class UserGuide(QDialog):
    """The user guide (assets/help/user-guide.md), shown in the window: no browser or internet needed."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("userGuide")
        self.setWindowTitle(self.tr("DigitPad user guide"))
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(True)
        path = user_guide_path()
        try:
            self.browser.setMarkdown(path.read_text(encoding="utf-8"))
        except OSError as exc:
            self.browser.setPlainText(self.tr("The user guide cannot be read ({path}: {error}). Reinstall DigitPad "
                                              "to get it back.").format(path=path, error=exc.strerror or exc))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        screen = (parent.screen() if parent is not None else self.screen()).availableGeometry()
        self.resize(min(760, screen.width() - 40), min(720, screen.height() - 60))

    def text(self) -> str:
        return self.browser.toPlainText()


def show_user_guide(parent: QWidget) -> UserGuide:
    guide = UserGuide(parent)
    guide.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    guide.show()
    return guide
