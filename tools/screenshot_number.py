"""Screenshot of the Draw tab in Number mode (docs/screenshots/number.png): a 12-digit phone number
written with the mouse between the sheet's lines, each digit boxed and read, the chart showing the
digit under the mouse, on a 1366x768 screen.

    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python tools/screenshot_number.py

The number is composed from the shipped sample inks (assets/samples) as the number benchmark's
writers write (tests/helpers.py handwritten_number) and drawn with real mouse events.
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))  # tests/helpers.py

from helpers import handwritten_number
from PySide6.QtTest import QTest
from shot import save, start, wait

from app.draw.number_view import NUMBER_PAPER, WRITING_BAND
from app.selftest import replay_ink

NUMBER = "015201234567"

w = start()
w.number_action.setChecked(True)
wait(300)
replay_ink(w.canvas, handwritten_number(NUMBER, *NUMBER_PAPER, band=WRITING_BAND, seed=3))
wait(300)
d = w.draw_tab.reading.digits[5]
QTest.mouseMove(w.canvas, w.canvas.canvas_to_widget((d.box[0] + d.box[2]) / 2, (d.box[1] + d.box[3]) / 2).toPoint())
wait(800)
save(w, "number")
print(f"read {w.draw_tab.reading.number!r} (wrote {NUMBER!r})")
