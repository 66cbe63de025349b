"""Screenshot of the Draw tab with the Inside dock open (docs/screenshots/draw-inside.png): a 3 drawn
with mouse events, read live, and every layer's values for it, on a 1366x768 screen.

    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python tools/screenshot_draw.py
"""
from shot import save, start, wait

from app.selftest import replay_ink
from model.ink import load
from model.paths import assets_dir

w = start()
w.inside_action.setChecked(True)
wait(300)
replay_ink(w.canvas, load(assets_dir() / "samples" / "three.json"))
wait(900)
save(w, "draw-inside")
print(f"read {w.prediction_view.prediction().digit}")
