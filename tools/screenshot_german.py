"""Screenshot of the German window (docs/screenshots/draw-de.png, in README.de.md): a 3 drawn with
mouse events and read live, the Inside dock open, on a 1366x768 screen.

    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python tools/screenshot_german.py
"""
from shot import app, save, start, wait

from app import i18n
from app.selftest import replay_ink
from model.ink import load
from model.paths import assets_dir

assert i18n.install(app, "de") == "de", "the German translation (assets/i18n/digitpad_de.qm) is missing"
w = start()
w.inside_action.setChecked(True)
wait(300)
replay_ink(w.canvas, load(assets_dir() / "samples" / "three.json"))
wait(900)
save(w, "draw-de")
print(f"read {w.prediction_view.prediction().digit}; title of the first tab: {w.tabs.tabText(0)}")
