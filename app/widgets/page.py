"""Page: a tab's content in a scroll area, so no tab can make the window grow.

Qt grows a window to its layout's minimum size. A tab whose content asks for more room than the
screen has (a long message, a smaller screen, a larger font) would push the window past the
screen's edge. In a Page the content gets the whole tab when there is room for its minimum size,
and scroll bars appear only when there is not.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt, QTimer
from PySide6.QtWidgets import QFrame, QScrollArea, QTabWidget, QWidget


class Page(QScrollArea):
    """The content fills the page, down to its minimum size; below that the page scrolls.

    (QScrollArea's own ``widgetResizable`` keeps a content whose layout has height-for-width, such
    as a word-wrapped label, at its *preferred* height, so a page would scroll long before it had
    to. Here the content is sized by hand to its minimum instead.)"""

    def __init__(self, content: QWidget, parent: QWidget | None = None):
        super().__init__(parent)
        self.content = content
        self.setObjectName(f"{content.objectName() or type(content).__name__}Page")
        self.setWidget(content)
        self.setWidgetResizable(False)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys go to the tab's own widgets, never to scrolling
        content.installEventFilter(self)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        return self.content.sizeHint()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        return QSize(200, 120)

    def content_minimum(self, width: int | None = None) -> QSize:
        """The content's minimum size; at ``width``, as tall as its wrapped text then needs."""
        need = self.content.minimumSizeHint().expandedTo(self.content.minimumSize())
        layout = self.content.layout()
        if width is not None and layout is not None and layout.hasHeightForWidth():
            need.setHeight(max(need.height(), layout.totalMinimumHeightForWidth(max(width, need.width()))))
        return need

    def fit(self) -> None:
        """Give the content the viewport's size, but never less than its minimum."""
        room = self.maximumViewportSize()  # the viewport without scroll bars
        need = self.content_minimum(room.width())
        if need.height() > room.height():  # a vertical scroll bar will take some width
            room.setWidth(room.width() - self.verticalScrollBar().sizeHint().width())
            need = self.content_minimum(room.width())
        if need.width() > room.width():
            room.setHeight(room.height() - self.horizontalScrollBar().sizeHint().height())
        size = room.expandedTo(need)
        if size != self.content.size():
            self.content.resize(size)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        self.fit()

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt API)
        if obj is self.content and event.type() == QEvent.Type.LayoutRequest:
            QTimer.singleShot(0, self.fit)  # after the layout has worked out its new minimum
        return False


class PageTabs(QTabWidget):
    """A tab widget whose tabs are :class:`Page` s. It speaks of the contents: ``addTab(content)``
    wraps it in a Page, and ``widget``, ``currentWidget``, ``indexOf`` and ``setCurrentWidget``
    take and give the contents; ``page(index)`` gives the Page itself."""

    def addTab(self, content: QWidget, title: str) -> int:  # noqa: N802 (Qt API)
        return super().addTab(Page(content), title)

    def insertTab(self, index: int, content: QWidget, title: str) -> int:  # noqa: N802
        return super().insertTab(index, Page(content), title)

    def page(self, index: int) -> Page | None:
        page = super().widget(index)
        return page if isinstance(page, Page) else None

    def widget(self, index: int) -> QWidget | None:
        page = self.page(index)
        return page.content if page is not None else None

    def currentWidget(self) -> QWidget | None:  # noqa: N802
        return self.widget(self.currentIndex())

    def indexOf(self, content: QWidget) -> int:  # noqa: N802
        for i in range(self.count()):
            if self.widget(i) is content:
                return i
        return -1

    def setCurrentWidget(self, content: QWidget) -> None:  # noqa: N802
        index = self.indexOf(content)
        if index >= 0:
            self.setCurrentIndex(index)
