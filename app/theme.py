"""DigitPad's look in one place: colours, the window's style sheet, the colour scales of heat maps.

Charts use :data:`SERIES` in order: the first series (training loss, the model, the train split)
is blue, the second (validation, the compared model, the test split) orange, so the same thing
has the same colour in every tab.
"""
from __future__ import annotations

import numpy as np
from PySide6.QtGui import QColor

# --- text and surfaces ------------------------------------------------------------------------------
ACCENT = QColor("#2f6fde")  # the digit read, selections, links
UNSURE = QColor("#e0962b")  # the network hesitates
BAR = QColor("#c4cbd6")  # the other nine bars
MUTED = "#6b7280"  # secondary text
TITLE = "#374151"  # section titles
WINDOW = QColor("#f3f4f6")
CARD_BORDER = QColor("#e1e4ea")
EMPTY = QColor("#eef0f3")  # a picture with nothing to show yet
WHITE = QColor("white")
ERROR_TEXT = "#b00020"
OK_TEXT = "#2e7d32"
IN_USE_TEXT = "#1f7a3a"
WARNING_TEXT = "#9a3412"

# --- the canvas --------------------------------------------------------------------------------------
PAPER = QColor("#ffffff")
INK = QColor("#111111")
HINT = QColor("#b8bcc4")  # "Draw a digit here"
GUIDE = QColor("#dbe3ef")  # Number mode's writing lines

# --- charts ------------------------------------------------------------------------------------------
SERIES = (QColor(31, 119, 180), QColor(230, 110, 20), QColor(44, 160, 44), QColor(148, 103, 189),
          QColor(140, 86, 75))
SERIES_LIGHT = QColor(178, 207, 232)  # a light SERIES[0]: opaque lines draw faster than translucent
CHART_GUIDE = QColor(150, 150, 150)  # reference lines (chance level, the best epoch)
CORRECT = QColor(33, 102, 172)  # confusion matrix: the diagonal
WRONG = QColor(203, 24, 29)  # confusion matrix: mistakes
TOP = QColor("#f59e0b")  # Inside: the most active neurons
PICK = QColor("#111827")  # Inside: the hovered / selected neuron

STYLE = """
QTabWidget::pane { border: none; }
QFrame#verdictCard, QFrame#chartCard, QFrame#numberView {
    background: white; border: 1px solid #e1e4ea; border-radius: 10px; }
QLabel#sectionTitle { color: #4b5563; font-weight: 600; }
QToolBar#drawTools { background: transparent; border: none; spacing: 4px; }
QToolBar#drawTools QToolButton { padding: 4px 8px; border-radius: 6px; }
QToolBar#drawTools QToolButton:checked { background: #dbe6fb; }
QToolBar#drawTools QToolButton:hover { background: #e8ecf3; }
QStatusBar QLabel#modelStatus { color: #374151; padding: 0 6px; }
"""


def series(position: int) -> QColor:
    return SERIES[position % len(SERIES)]


def mix(a: QColor, b: QColor, t: float) -> QColor:
    """The colour ``t`` of the way from ``a`` to ``b`` (clamped to 0..1)."""
    t = min(1.0, max(0.0, t))
    return QColor(round(a.red() + (b.red() - a.red()) * t), round(a.green() + (b.green() - a.green()) * t),
                  round(a.blue() + (b.blue() - a.blue()) * t))


def colour_table(stops: list[str]) -> np.ndarray:
    """A 256-entry RGBA uint8 colour table interpolated through evenly spaced hex colours."""
    rgb = np.array([[int(s[i:i + 2], 16) for i in (1, 3, 5)] for s in stops], dtype=np.float64)
    t = np.linspace(0.0, len(stops) - 1, 256)
    out = np.empty((256, 4), dtype=np.uint8)
    for c in range(3):
        out[:, c] = np.round(np.interp(t, np.arange(len(stops)), rgb[:, c]))
    out[:, 3] = 255
    return out


# ColorBrewer RdBu reversed (blue = negative, white = 0, red = positive) and OrRd (0 -> most).
DIVERGING = colour_table(["#053061", "#2166ac", "#4393c3", "#92c5de", "#d1e5f0", "#f7f7f7",
                          "#fddbc7", "#f4a582", "#d6604d", "#b2182b", "#67001f"])
SEQUENTIAL = colour_table(["#fbfbfc", "#fee8c8", "#fdd49e", "#fdbb84", "#fc8d59", "#ef6548",
                           "#d7301f", "#b30000", "#7f0000"])
