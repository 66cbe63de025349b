"""Screenshots of the Samples tab while Personalise runs and after it (docs/screenshots/
samples-personalising.png, samples-personalised.png), on a 1366x768 screen.

    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python tools/screenshot_samples.py

The samples are one person of tests/benchmarks/bench_personalize.py (a real UNIPEN writer from
../shared who writes slashed zeros, 10 drawings per digit), personalising the shipped default.
"""
import sys
import time

from shot import ROOT, save, start, wait

sys.path.insert(0, str(ROOT / "tests" / "benchmarks"))
import bench_personalize as bp  # noqa: E402

from model.data import drawn  # noqa: E402

bp.REDRAW_JITTER = drawn.Jitter()
writer, styles = bp.PERSONS[0]
inks, labels, _, _ = bp.person(drawn.read_unipen(bp.UNIPEN), writer, styles, 0, 10)

w = start()
tab = w.samples_tab
for ink, label in zip(inks, labels):
    w.samples.add(None, int(label), ink=ink)
tab.refresh()
w.show_tab(tab)
wait(500)
tab.start_personalize()
deadline = time.time() + 600
while time.time() < deadline and tab.is_personalizing() and tab.progress.value() < 380:
    wait(200)
wait(300)
save(w, "samples-personalising")
while time.time() < deadline and tab.is_personalizing():
    wait(300)
wait(1500)
save(w, "samples-personalised")
print("done", tab.progress.value())
