"""The Inside view as a dock under the tabs (Ctrl+I), sized so the window never grows for it.

The view is in a scroll area: the dock can be as short as the screen leaves room for, and what
does not fit scrolls instead of pushing the window past the screen's edge. When it is shown, the
dock takes the height the view needs, at most :data:`MAX_SHARE` of the window, so the canvas above
stays usable; the divider between them can be dragged.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QFrame, QMainWindow, QScrollArea

from .view import InsideView

MAX_SHARE = 0.5  # of the window's height, when the dock is shown
MIN_HEIGHT = 140  # the dock's height, whatever the window's


class InsideDock(QDockWidget):
    def __init__(self, view: InsideView, window: QMainWindow):
        super().__init__(window)
        self.setWindowTitle(self.tr("Inside the network"))
        self.setObjectName("insideDock")
        self.view = view
        self.scroll = QScrollArea()
        self.scroll.setObjectName("insideScroll")
        self.scroll.setWidget(view)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidget(self.scroll)
        self.setAllowedAreas(Qt.DockWidgetArea.BottomDockWidgetArea | Qt.DockWidgetArea.RightDockWidgetArea)
        self._window = window

    def natural_height(self) -> int:
        """The height that shows the whole view without scrolling."""
        title = self.style().pixelMetric(self.style().PixelMetric.PM_TitleBarHeight, None, self)
        return self.view.minimumSizeHint().height() + title + 8

    def show_sized(self, keep: int = 0) -> None:
        """Show the dock at the bottom, as tall as the view needs but at most MAX_SHARE of the window,
        and leaving ``keep`` pixels of the window's height to the rest (the canvas, the menus);
        never shorter than MIN_HEIGHT, where the view scrolls."""
        self.show()
        height = min(self.natural_height(), round(self._window.height() * MAX_SHARE), self._window.height() - keep)
        if self._window.dockWidgetArea(self) == Qt.DockWidgetArea.BottomDockWidgetArea:
            self._window.resizeDocks([self], [max(MIN_HEIGHT, height)], Qt.Orientation.Vertical)
