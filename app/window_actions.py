"""The window's actions (with their shortcuts and tooltips) and its menus: a part of MainWindow.

Every action has a shortcut and a tooltip that names it; the Help menu's Keyboard Shortcuts (F1)
lists them all from here. Every tab has one: Ctrl+1 to Ctrl+5.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QApplication

from . import i18n
from . import settings as prefs

TAB_KEYS = ("Ctrl+1", "Ctrl+2", "Ctrl+3", "Ctrl+4", "Ctrl+5")
_rebuilt: list = []  # the window a language switch made: a top-level widget lives while Python holds it


class WindowActions:
    """Mixed into :class:`app.main_window.MainWindow`: builds ``self.*_action`` and the menu bar."""

    def _action(self, text: str, shortcuts, tip: str, slot=None, checkable: bool = False) -> QAction:
        action = QAction(text, self)
        if isinstance(shortcuts, (list, tuple)):
            action.setShortcuts([QKeySequence(s) for s in shortcuts])
        else:
            action.setShortcut(QKeySequence(shortcuts))
        keys = ", ".join(s.toString(QKeySequence.SequenceFormat.NativeText) for s in action.shortcuts())
        action.setToolTip(f"{tip} ({keys})" if keys else tip)
        action.setStatusTip(tip)
        action.setCheckable(checkable)
        if slot is not None:
            (action.toggled if checkable else action.triggered).connect(slot)
        self.addAction(action)
        return action

    def _make_file_actions(self) -> None:
        Std = QKeySequence.StandardKey
        a = self._action
        self.open_action = a(self.tr("&Open Drawing or Image…"), Std.Open,
                             self.tr("Open an ink drawing (.json) or classify an image"), self.open_file)
        self.save_action = a(self.tr("&Save Drawing…"), Std.Save, self.tr("Save the drawing as DigitPad ink (.json)"),
                             self.save_drawing)
        self.export_action = a(self.tr("&Export PNG…"), "Ctrl+E", self.tr("Export the drawing as a PNG image"),
                               self.export_png)
        self.quit_action = a(self.tr("&Quit"), "Ctrl+Q", self.tr("Quit DigitPad"), self.close)
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)

    def _make_draw_actions(self) -> None:
        Std = QKeySequence.StandardKey
        a, canvas = self._action, self.canvas
        self.undo_action = a(self.tr("&Undo"), Std.Undo, self.tr("Undo the last stroke or change"), canvas.undo)
        self.redo_action = a(self.tr("&Redo"), ["Ctrl+Shift+Z", "Ctrl+Y"], self.tr("Redo what was undone"), canvas.redo)
        self.clear_action = a(self.tr("&Clear"), ["Esc", "Delete"], self.tr("Clear the canvas"), canvas.clear)
        self.pen_action = a(self.tr("&Pen"), "P", self.tr("Draw with the pen"), None, checkable=True)
        self.eraser_action = a(self.tr("&Eraser"), "E", self.tr("Erase whole strokes by dragging over them"),
                               canvas.set_eraser, checkable=True)
        self.pen_action.setChecked(True)
        self.pen_action.toggled.connect(lambda on: canvas.set_eraser(not on))
        canvas.eraserToggled.connect(self._on_eraser_toggled)
        self.number_action = a(self.tr("&Number Mode"), "N",
                               self.tr("Write a whole number (a phone number, a year, a PIN): "
                                       "DigitPad reads each digit live"),
                               self.draw_tab.set_number_mode, checkable=True)
        self.copy_number_action = a(self.tr("&Copy Number"), "Ctrl+Shift+C",
                                    self.tr("Copy the number read in Number mode"), self._copy_number)
        self.thinner_action = a(self.tr("&Thinner Pen"), "[", self.tr("Make the pen thinner"),
                                lambda: self.draw_tab.nudge_pen(-2))
        self.thicker_action = a(self.tr("T&hicker Pen"), "]", self.tr("Make the pen thicker"),
                                lambda: self.draw_tab.nudge_pen(+2))
        self.undo_action.setEnabled(False)
        self.redo_action.setEnabled(False)
        canvas.canUndoChanged.connect(self.undo_action.setEnabled)
        canvas.canRedoChanged.connect(self.redo_action.setEnabled)
        self._draw_actions = [self.save_action, self.export_action, self.undo_action, self.redo_action,
                              self.clear_action, self.pen_action, self.eraser_action, self.number_action,
                              self.copy_number_action, self.thinner_action, self.thicker_action]

    def _make_view_actions(self) -> None:
        a = self._action
        names = (self.tr("&Draw"), self.tr("&Train"), self.tr("&Samples"), self.tr("D&ata"), self.tr("&Robustness"))
        tips = (self.tr("Draw digits and numbers; the network reads them live"),
                self.tr("Train a new network and watch it learn"),
                self.tr("Your own handwriting: how the model reads it, and Personalise"),
                self.tr("Look at a dataset: digits, class counts, mean digits, pixel values"),
                self.tr("How accuracy falls as digits get noisy, rotated, thick or thin, or shifted"))
        self.tab_actions = [a(name, key, tip, lambda _=False, i=i: self.show_tab_at(i))
                            for i, (name, key, tip) in enumerate(zip(names, TAB_KEYS, tips))]
        self.draw_tab_action, self.train_tab_action = self.tab_actions[:2]
        self.inside_action = a(self.tr("&Inside the Network"), "Ctrl+I",
                               self.tr("Show what each layer computes for your drawing, live "
                                       "(built once the window is up)"), checkable=True)
        self.inside_action.toggled.connect(self._toggle_inside)

    def _make_other_actions(self) -> None:
        a = self._action
        self.models_action = a(self.tr("&Manage Models…"), "Ctrl+M",
                               self.tr("List, switch, rename, delete, export and import models"), self.manage_models)
        self.reset_model_action = a(self.tr("&Reset to Default Model"), "Ctrl+Shift+D",
                                    self.tr("Use the model that ships with DigitPad"), self.session.reset_to_default)
        self.guide_action = a(self.tr("&User Guide"), "Shift+F1",
                              self.tr("How to use every tab of DigitPad (no internet needed)"), self.show_user_guide)
        self.shortcuts_action = a(self.tr("&Keyboard Shortcuts"), ["F1", "Ctrl+/"],
                                  self.tr("List every keyboard shortcut"), self.show_shortcuts)
        self.log_action = a(self.tr("Open &Log Folder"), "Ctrl+Shift+L",
                            self.tr("Show the folder of DigitPad's log, to send with a bug report"),
                            self.open_log_folder)
        self.about_action = a(self.tr("&About DigitPad"), "Ctrl+F1",
                              self.tr("DigitPad's version and the model it uses"), self.show_about)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)

    def _make_language_actions(self) -> None:
        """View ▸ Language: the system's, English, Deutsch (each language named in itself)."""
        self.language_group = QActionGroup(self)
        self.language_actions = {}
        setting = prefs.LANGUAGE.get()
        choices = [("", self.tr("System Default")), *i18n.LANGUAGES.items()]
        for code, label in choices:
            action = QAction(label, self, checkable=True)
            action.setStatusTip(self.tr("Show the window in this language (remembered)") if code else
                                self.tr("Show the window in the system's language"))
            action.setChecked(code == setting or (code == "" and setting not in i18n.LANGUAGES))
            action.triggered.connect(lambda _=False, c=code: self.set_language(c))
            self.language_group.addAction(action)
            self.language_actions[code] = action

    def set_language(self, setting: str):
        """Remember the language (``""``: the system's) and show the window in it now: the window is
        rebuilt in the new language, keeping the drawing, Number mode, the model in use, the
        samples, the tab, the Inside dock and the window's place. Returns the window now showing
        (a new one when it was rebuilt). While a network trains or personalises the window is not
        rebuilt (that would stop it): the language then applies at the next start, and it says so."""
        prefs.LANGUAGE.set(setting)
        prefs.settings().sync()
        language = i18n.chosen_language(setting)
        name = i18n.LANGUAGES[language]
        if language == i18n.current_language():
            self.statusBar().showMessage(self.tr("The window already speaks {language}.").format(language=name), 5000)
            return self
        if self.training_busy() or self.personalizing():
            self.statusBar().showMessage(self.tr("{language} applies after a restart: a network is being trained "
                                                 "now, and switching now would stop it.").format(language=name), 10000)
            return self
        i18n.install(QApplication.instance(), language)
        return self._rebuild_in_new_language()

    def _rebuild_in_new_language(self):
        ink, number_mode, tab = self.canvas.ink(), self.draw_tab.number_mode, self.tabs.currentIndex()
        inside, maximized, eraser = self.inside_action.isChecked(), self.isMaximized(), self.eraser_action.isChecked()
        self.save_settings()
        if self.training_tab is not None:  # the Train form's latest edits, which it saves once they pause
            self.training_tab.form.save_settings()
        session = self.session
        for signal in (session.changed, session.reread, session.renamed, session.problem, session.modelsChanged):
            try:
                signal.disconnect()  # this window's views go with it
            except (RuntimeError, TypeError):
                pass
        window = type(self)(store=session.store, session=session, samples=self.samples)
        window.restoreGeometry(self.saveGeometry())
        window.number_action.setChecked(number_mode)
        if ink.strokes:
            window.canvas.set_ink(ink)
        window.eraser_action.setChecked(eraser)
        window.show()
        if maximized:
            window.showMaximized()
        window.finish_startup()
        window.tabs.setCurrentIndex(tab)
        window.inside_action.setChecked(inside)
        self._handed_over = True
        _rebuilt[:] = [window]
        self.close()
        self.deleteLater()
        speaks = QCoreApplication.translate("WindowActions", "The window now speaks {language}.")
        window.statusBar().showMessage(speaks.format(language=i18n.LANGUAGES[i18n.current_language()]), 8000)
        return window

    def _make_actions(self) -> None:
        self._make_file_actions()
        self._make_draw_actions()
        self._make_view_actions()
        self._make_other_actions()
        self._make_language_actions()

    def _make_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addActions([self.open_action, self.save_action, self.export_action])
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit = bar.addMenu(self.tr("&Edit"))
        edit.addActions([self.undo_action, self.redo_action, self.clear_action])
        edit.addSeparator()
        edit.addActions([self.pen_action, self.eraser_action, self.thinner_action, self.thicker_action])
        edit.addSeparator()
        edit.addActions([self.number_action, self.copy_number_action])
        view = bar.addMenu(self.tr("&View"))
        view.addActions(self.tab_actions)
        view.addSeparator()
        view.addAction(self.inside_action)
        view.addSeparator()
        self.language_menu = view.addMenu(self.tr("&Language"))
        self.language_menu.addActions(list(self.language_actions.values()))
        models = bar.addMenu(self.tr("&Models"))
        models.addActions([self.models_action, self.reset_model_action])
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addActions([self.guide_action, self.shortcuts_action, self.log_action])
        help_menu.addSeparator()
        help_menu.addAction(self.about_action)
        for menu in (file_menu, edit, view, models, help_menu):
            menu.setToolTipsVisible(True)
