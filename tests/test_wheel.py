"""The mouse wheel scrolls the page; a spin box or combo box takes it only when it has the focus
(app/widgets/wheel_guard.py, installed by the window for the whole application)."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QComboBox, QScrollArea, QSpinBox, QVBoxLayout, QWidget

from app.widgets import wheel_guard


def wheel_over(widget: QWidget, delta: int = -120) -> None:
    """One wheel step (-120: towards the user, scrolling down) with the mouse over ``widget``'s middle."""
    pos = QPointF(widget.width() / 2, widget.height() / 2)
    event = QWheelEvent(pos, QPointF(widget.mapToGlobal(pos.toPoint())), QPoint(0, 0), QPoint(0, delta),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase,
                        False)
    QApplication.sendEvent(widget, event)
    QApplication.processEvents()


@pytest.fixture
def page(qtbot):
    """A long scrolling form of spin boxes and combo boxes, like the Train tab's."""
    wheel_guard.install()
    area = QScrollArea()
    host = QWidget()
    layout = QVBoxLayout(host)
    spins, combos = [], []
    for _ in range(20):
        spin = QSpinBox()
        spin.setRange(0, 1000)
        spin.setValue(30)
        combo = QComboBox()
        combo.addItems(["relu", "tanh", "sigmoid"])
        layout.addWidget(spin)
        layout.addWidget(combo)
        spins.append(spin)
        combos.append(combo)
    area.setWidget(host)
    area.setWidgetResizable(True)
    area.resize(300, 250)
    qtbot.addWidget(area)
    area.show()
    qtbot.waitExposed(area)
    return area, spins, combos


def test_the_wheel_over_an_unfocused_spin_box_or_combo_box_scrolls_the_page(page):
    area, spins, combos = page
    for _ in range(12):  # the twelve steps over "Epochs" (30 became 42)
        wheel_over(spins[1])
    assert spins[1].value() == 30
    moved = area.verticalScrollBar().value()
    assert moved > 0  # the page scrolled instead
    wheel_over(combos[1])
    assert combos[1].currentIndex() == 0 and area.verticalScrollBar().value() > moved


def test_a_focused_spin_box_or_combo_box_takes_the_wheel(page, qtbot):
    area, spins, combos = page
    spins[0].setFocus()
    qtbot.waitUntil(spins[0].hasFocus, timeout=1000)
    wheel_over(spins[0], +120)
    assert spins[0].value() == 31 and area.verticalScrollBar().value() == 0
    combos[0].setFocus()
    qtbot.waitUntil(combos[0].hasFocus, timeout=1000)
    wheel_over(combos[0], -120)
    assert combos[0].currentIndex() == 1


def test_the_wheel_does_not_give_the_focus(page):
    _area, spins, _combos = page
    assert spins[3].focusPolicy() == Qt.FocusPolicy.StrongFocus  # not WheelFocus
    wheel_over(spins[3])
    assert not spins[3].hasFocus()


def test_the_window_installs_it_for_the_train_form(qtbot, store):
    from app.main_window import MainWindow

    w = MainWindow(store=store)
    qtbot.addWidget(w)
    w.resize(1000, 560)
    w.show()
    qtbot.waitExposed(w)
    w.finish_startup()
    w.show_tab(w.training_tab)
    form = w.training_tab.form
    qtbot.waitUntil(lambda: form.verticalScrollBar().maximum() > 0, timeout=2000)
    for spin in (form.epochs_spin, form.l2_spin, form.lr_spin):
        before = spin.value()
        for _ in range(12):
            wheel_over(spin)
        assert spin.value() == before, spin.toolTip()[:40]
    assert form.verticalScrollBar().value() > 0
    before = form.activation_combo.currentIndex()
    wheel_over(form.activation_combo)
    assert form.activation_combo.currentIndex() == before
