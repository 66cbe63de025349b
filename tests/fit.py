"""Does the window fit its screen? Checks for the screen-size tests (tests/screen_checks.py) and tools.

``layout_problems(window)`` lists what a person would see wrong in the window as it is laid out
now (tests/screens.py makes the offscreen platform a screen of a given size):

- the window is larger than the screen's available area, or reaches outside it;
- a label whose text does not fit (one line wider than the label, or wrapped text taller than it):
  Qt cuts it off without an ellipsis;
- a button, check box or radio button narrower than its text needs (Qt elides or cuts it);
- a group box narrower than its title, a tab narrower than its text;
- two visible widgets laid out side by side that overlap, or a widget reaching outside its parent
  (except inside scroll areas, which are meant to hold more than they show).

Custom-painted text (the Data tab's mean-digit captions, the number's boxes) is checked by the tests
of those widgets.
"""
from __future__ import annotations

from PySide6 import QtGui
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFontMetrics, QGuiApplication, QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QCheckBox,
    QDockWidget,
    QGroupBox,
    QLabel,
    QLayout,
    QMainWindow,
    QPushButton,
    QRadioButton,
    QSplitter,
    QStackedLayout,
    QTabBar,
    QToolBar,
    QToolButton,
    QWidget,
)


# ------------------------------------------------------------------------------------ checks
def _name(w: QWidget) -> str:
    parts = []
    while w is not None and len(parts) < 4:
        label = w.objectName() or type(w).__name__
        text = getattr(w, "text", None)
        if callable(text) and isinstance(w, (QLabel, QAbstractButton)):
            t = " ".join(str(text()).split())
            label += f"[{t[:40]}]"
        parts.append(label)
        w = w.parentWidget()
    return " < ".join(parts)


def _shown(w: QWidget) -> bool:
    return w.isVisible() and w.width() > 0 and w.height() > 0


def _in_scroll_area(w: QWidget) -> bool:
    """Whether ``w`` lies inside a scroll area's viewport (which may be smaller than its content)."""
    p = w.parentWidget()
    while p is not None:
        if isinstance(p, QAbstractScrollArea):
            return True
        p = p.parentWidget()
    return False


def _rich(label: QLabel) -> bool:
    fmt = label.textFormat()
    return fmt == Qt.TextFormat.RichText or (fmt == Qt.TextFormat.AutoText and QtGui.Qt.mightBeRichText(label.text()))


def label_problem(label: QLabel) -> str | None:
    text = label.text()
    if not text.strip() or label.pixmap() is not None and not label.pixmap().isNull():
        return None
    rect = label.contentsRect()
    indent = max(0, label.indent()) if label.indent() > 0 else 0
    avail_w = rect.width() - 2 * label.margin() - indent
    avail_h = rect.height() - 2 * label.margin()
    if _rich(label):
        doc = QTextDocument()
        doc.setDefaultFont(label.font())
        doc.setDocumentMargin(0)
        doc.setHtml(text)
        if label.wordWrap():
            doc.setTextWidth(max(1, avail_w))
            need_w, need_h = doc.idealWidth(), doc.size().height()
        else:
            need_w, need_h = doc.idealWidth(), doc.size().height()
    else:
        fm = QFontMetrics(label.font())
        flags = Qt.TextFlag.TextWordWrap if label.wordWrap() else 0
        bound = QRect(0, 0, max(1, avail_w) if label.wordWrap() else 100000, 100000)
        r = fm.boundingRect(bound, int(flags) | int(label.alignment()), text)
        need_w, need_h = r.width(), r.height()
    if need_w > avail_w + 2:
        return f"text cut off: needs {need_w:.0f} px wide, has {avail_w}"
    if need_h > avail_h + 3:
        return f"text cut off: needs {need_h:.0f} px high, has {avail_h}"
    return None


def button_problem(button: QAbstractButton) -> str | None:
    if not button.text().strip() or isinstance(button.parentWidget(), (QTabBar,)):
        return None
    text = button.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
    need = button.fontMetrics().horizontalAdvance(text) + 4
    if not button.icon().isNull():
        need += button.iconSize().width() + 4
    if isinstance(button, (QCheckBox, QRadioButton)):
        style = button.style()
        need += style.pixelMetric(style.PixelMetric.PM_IndicatorWidth, None, button) + 4
    elif isinstance(button, (QPushButton, QToolButton)):
        need += 4  # the frame
    if button.width() < need:
        return f"button text cut off: {button.width()} px wide, needs {need}"
    return None


def _layout_widgets(layout: QLayout) -> list[QWidget]:
    """The widgets a layout places side by side (a stacked layout shows one of them)."""
    if isinstance(layout, QStackedLayout):
        return [layout.currentWidget()] if layout.currentWidget() is not None else []
    out = []
    for i in range(layout.count()):
        item = layout.itemAt(i)
        if item.widget() is not None:
            out.append(item.widget())
        elif item.layout() is not None:
            out += _layout_widgets(item.layout())
    return out


def overlap_problems(parent: QWidget) -> list[str]:
    layout = parent.layout()
    if layout is None or isinstance(layout, QStackedLayout) or isinstance(parent, (QMainWindow, QDockWidget)):
        return []
    shown = [w for w in _layout_widgets(layout) if _shown(w) and not w.isWindow()]
    out = []
    for i, a in enumerate(shown):
        for b in shown[i + 1:]:
            inter = a.geometry().intersected(b.geometry())
            if inter.width() > 1 and inter.height() > 1:
                out.append(f"{_name(a)} overlaps {_name(b)} by {inter.width()}x{inter.height()}")
    return out


def outside_problem(w: QWidget) -> str | None:
    parent = w.parentWidget()
    if parent is None or w.isWindow() or _in_scroll_area(w) or isinstance(parent, (QSplitter, QToolBar, QTabBar)):
        return None
    if parent.layout() is None or parent.layout().indexOf(w) < 0 and w not in _layout_widgets(parent.layout()):
        return None  # placed by its parent's own code (a tab bar's buttons, a combo box's popup...)
    r = w.geometry()
    inside = parent.rect()
    if r.right() > inside.right() + 1 or r.bottom() > inside.bottom() + 1 or r.left() < -1 or r.top() < -1:
        return (f"reaches outside its parent ({r.x()},{r.y()} {r.width()}x{r.height()} in "
                f"{inside.width()}x{inside.height()})")
    return None


def tab_problems(bar: QTabBar) -> list[str]:
    out = []
    for i in range(bar.count()):
        need = bar.fontMetrics().horizontalAdvance(bar.tabText(i).replace("&", ""))
        if bar.tabRect(i).width() < need:
            out.append(f"tab {bar.tabText(i)!r} cut off: {bar.tabRect(i).width()} px for {need}")
    return out


def window_problem(window: QWidget) -> str | None:
    screen = window.screen() or QGuiApplication.primaryScreen()
    avail = screen.availableGeometry()
    frame = window.frameGeometry()
    if frame.width() > avail.width() or frame.height() > avail.height():
        return (f"window {frame.width()}x{frame.height()} is larger than the screen's "
                f"{avail.width()}x{avail.height()}")
    if not avail.contains(frame):
        return f"window at {frame.x()},{frame.y()} {frame.width()}x{frame.height()} reaches off the screen {avail}"
    return None


def scroll_problems(window: QWidget, vertical: bool = True) -> list[str]:
    """Tabs whose page (app.widgets.page.Page) scrolls: never sideways, and ``vertical`` not
    up and down either (a screen that has the room should not need it)."""
    from app.widgets.page import Page

    out = []
    for page in window.findChildren(Page):
        if not _shown(page):
            continue
        content, room = page.content.size(), page.viewport().size()
        if content.width() > room.width():
            out.append(f"{page.objectName()} scrolls sideways: needs {content.width()} px, has {room.width()}")
        if vertical and content.height() > room.height():
            out.append(f"{page.objectName()} scrolls: needs {content.height()} px high, has {room.height()}")
    return out


def layout_problems(window: QWidget) -> list[str]:
    """Everything wrong with the window as it is laid out now (see the module docstring)."""
    problems = scroll_problems(window, vertical=False)
    p = window_problem(window)
    if p:
        problems.append(p)
    widgets = [window, *window.findChildren(QWidget)]
    for w in widgets:
        if not _shown(w) or (w.isWindow() and w is not window):
            continue
        if isinstance(w, QLabel):
            p = label_problem(w)
        elif isinstance(w, QAbstractButton):
            p = button_problem(w)
        elif hasattr(w, "needed_size") and hasattr(w, "text"):  # a painted caption (the Inside view's)
            need = w.needed_size()
            p = (f"text cut off: needs {need.width()}x{need.height()}, has {w.width()}x{w.height()}"
                 if need.width() > w.width() + 1 or need.height() > w.height() + 1 else None)
        elif isinstance(w, QGroupBox):
            need = w.fontMetrics().horizontalAdvance(w.title()) + 16
            p = f"group title cut off: {w.width()} px for {need}" if w.title() and w.width() < need else None
        else:
            p = None
        if p:
            problems.append(f"{_name(w)}: {p}")
        if isinstance(w, QTabBar):
            problems += [f"{_name(w)}: {t}" for t in tab_problems(w)]
        problems += overlap_problems(w)
        p = outside_problem(w)
        if p:
            problems.append(f"{_name(w)}: {p}")
    return problems
