"""The window's actions (with their shortcuts and tooltips) and its menus: a part of MainWindow.

Every action has a shortcut and a tooltip that names it; the Help menu's Keyboard Shortcuts (F1)
lists them all from here. Every tab has one: Ctrl+1 to Ctrl+5.
"""
from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence

TAB_KEYS = ("Ctrl+1", "Ctrl+2", "Ctrl+3", "Ctrl+4", "Ctrl+5")


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
        self.open_action = a("&Open Drawing or Image…", Std.Open, "Open an ink drawing (.json) or classify an image",
                             self.open_file)
        self.save_action = a("&Save Drawing…", Std.Save, "Save the drawing as DigitPad ink (.json)", self.save_drawing)
        self.export_action = a("&Export PNG…", "Ctrl+E", "Export the drawing as a PNG image", self.export_png)
        self.quit_action = a("&Quit", "Ctrl+Q", "Quit DigitPad", self.close)
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)

    def _make_draw_actions(self) -> None:
        Std = QKeySequence.StandardKey
        a, canvas = self._action, self.canvas
        self.undo_action = a("&Undo", Std.Undo, "Undo the last stroke or change", canvas.undo)
        self.redo_action = a("&Redo", ["Ctrl+Shift+Z", "Ctrl+Y"], "Redo what was undone", canvas.redo)
        self.clear_action = a("&Clear", ["Esc", "Delete"], "Clear the canvas", canvas.clear)
        self.pen_action = a("&Pen", "P", "Draw with the pen", None, checkable=True)
        self.eraser_action = a("&Eraser", "E", "Erase whole strokes by dragging over them", canvas.set_eraser,
                               checkable=True)
        self.pen_action.setChecked(True)
        self.pen_action.toggled.connect(lambda on: canvas.set_eraser(not on))
        canvas.eraserToggled.connect(self._on_eraser_toggled)
        self.number_action = a("&Number Mode", "N", "Write a whole number (a phone number, a year, a PIN): "
                               "DigitPad reads each digit live", self.draw_tab.set_number_mode, checkable=True)
        self.copy_number_action = a("&Copy Number", "Ctrl+Shift+C", "Copy the number read in Number mode",
                                    self._copy_number)
        self.thinner_action = a("&Thinner Pen", "[", "Make the pen thinner", lambda: self.draw_tab.nudge_pen(-2))
        self.thicker_action = a("T&hicker Pen", "]", "Make the pen thicker", lambda: self.draw_tab.nudge_pen(+2))
        self.undo_action.setEnabled(False)
        self.redo_action.setEnabled(False)
        canvas.canUndoChanged.connect(self.undo_action.setEnabled)
        canvas.canRedoChanged.connect(self.redo_action.setEnabled)
        self._draw_actions = [self.save_action, self.export_action, self.undo_action, self.redo_action,
                              self.clear_action, self.pen_action, self.eraser_action, self.number_action,
                              self.copy_number_action, self.thinner_action, self.thicker_action]

    def _make_view_actions(self) -> None:
        a = self._action
        names = ("&Draw", "&Train", "&Samples", "D&ata", "&Robustness")
        tips = ("Draw digits and numbers; the network reads them live",
                "Train a new network and watch it learn",
                "Your own handwriting: how the model reads it, and Personalise",
                "Look at a dataset: digits, class counts, mean digits, pixel values",
                "How accuracy falls as digits get noisy, rotated, thick or thin, or shifted")
        self.tab_actions = [a(name, key, tip, lambda _=False, i=i: self.show_tab_at(i))
                            for i, (name, key, tip) in enumerate(zip(names, TAB_KEYS, tips))]
        self.draw_tab_action, self.train_tab_action = self.tab_actions[:2]
        self.inside_action = a("&Inside the Network", "Ctrl+I",
                               "Show what each layer computes for your drawing, live (built once the window is up)",
                               checkable=True)
        self.inside_action.toggled.connect(self._toggle_inside)

    def _make_other_actions(self) -> None:
        a = self._action
        self.models_action = a("&Manage Models…", "Ctrl+M", "List, switch, rename, delete, export and import models",
                               self.manage_models)
        self.reset_model_action = a("&Reset to Default Model", "Ctrl+Shift+D", "Use the model that ships with DigitPad",
                                    self.session.reset_to_default)
        self.guide_action = a("&User Guide", "Shift+F1", "How to use every tab of DigitPad (no internet needed)",
                              self.show_user_guide)
        self.shortcuts_action = a("&Keyboard Shortcuts", ["F1", "Ctrl+/"], "List every keyboard shortcut",
                                  self.show_shortcuts)
        self.log_action = a("Open &Log Folder", "Ctrl+Shift+L",
                            "Show the folder of DigitPad's log, to send with a bug report", self.open_log_folder)
        self.about_action = a("&About DigitPad", "Ctrl+F1", "DigitPad's version and the model it uses", self.show_about)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)

    def _make_actions(self) -> None:
        self._make_file_actions()
        self._make_draw_actions()
        self._make_view_actions()
        self._make_other_actions()

    def _make_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        file_menu.addActions([self.open_action, self.save_action, self.export_action])
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit = bar.addMenu("&Edit")
        edit.addActions([self.undo_action, self.redo_action, self.clear_action])
        edit.addSeparator()
        edit.addActions([self.pen_action, self.eraser_action, self.thinner_action, self.thicker_action])
        edit.addSeparator()
        edit.addActions([self.number_action, self.copy_number_action])
        view = bar.addMenu("&View")
        view.addActions(self.tab_actions)
        view.addSeparator()
        view.addAction(self.inside_action)
        models = bar.addMenu("&Models")
        models.addActions([self.models_action, self.reset_model_action])
        help_menu = bar.addMenu("&Help")
        help_menu.addActions([self.guide_action, self.shortcuts_action, self.log_action])
        help_menu.addSeparator()
        help_menu.addAction(self.about_action)
        for menu in (file_menu, edit, view, models, help_menu):
            menu.setToolTipsVisible(True)
