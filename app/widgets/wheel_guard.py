"""The mouse wheel scrolls the page; it changes a spin box or a combo box only when that control has
the keyboard focus.

Qt gives the wheel to whatever control is under the mouse, so scrolling a long form (the Train tab's)
turns every spin box the pointer passes over: twelve wheel steps made 30 epochs 42. One
application-wide event filter (:func:`install`) fixes it for every such control in the app: a
wheel event over an unfocused one goes to the scroll area around it instead (the page scrolls), and
the controls no longer take the focus from the wheel (click or Tab into one, then the wheel sets it).
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QAbstractScrollArea, QAbstractSpinBox, QApplication, QComboBox, QWidget

GUARDED = (QAbstractSpinBox, QComboBox)


def _control(obj: QObject) -> QWidget | None:
    """The spin box or combo box ``obj`` is, or is part of (a spin box's line edit), else None."""
    w = obj if isinstance(obj, QWidget) else None
    for _ in range(2):
        if w is None or isinstance(w, GUARDED):
            return w
        w = w.parentWidget()
    return None


def _scroll_page(control: QWidget, event: QWheelEvent) -> None:
    """Give the wheel to the scroll area around ``control`` (if any): the page scrolls instead."""
    area = control.parentWidget()
    while area is not None and not isinstance(area, QAbstractScrollArea):
        area = area.parentWidget()
    event.accept()
    if area is None:
        return
    viewport = area.viewport()
    QApplication.sendEvent(viewport, QWheelEvent(
        viewport.mapFromGlobal(event.globalPosition()), event.globalPosition(), event.pixelDelta(),
        event.angleDelta(), event.buttons(), event.modifiers(), event.phase(), event.inverted(),
        event.source()))


class WheelGuard(QObject):
    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        kind = event.type()
        if kind == QEvent.Type.Wheel:
            control = _control(obj)
            if control is not None and not control.hasFocus():
                _scroll_page(control, event)
                return True
        elif kind == QEvent.Type.Polish:
            control = _control(obj)
            if control is obj and control.focusPolicy() == Qt.FocusPolicy.WheelFocus:
                control.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        return False


_guard: WheelGuard | None = None


def install(app: QApplication | None = None) -> WheelGuard:
    """Install the guard on the application (once; later calls return the same guard)."""
    global _guard
    app = app or QApplication.instance()
    if _guard is None:
        _guard = WheelGuard(app)
        app.installEventFilter(_guard)
    return _guard
