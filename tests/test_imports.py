"""Live means live: TensorFlow (and, where nothing is drawn, Qt) stays out of every process that
does not train. One test, each case in a fresh interpreter (a module imported once stays imported):
what the case runs, then which of the heavy packages it left in ``sys.modules``.

The cases use the app's own assets: the shipped model and inks, the self-test's 500 MNIST digits.
The window's start-up has its own test (tests/test_window.py), and after a training from the
Train tab, tests/test_training_tab.py checks the window's process too.
"""
from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
TF = ("tensorflow", "keras")
TF_AND_QT = ("tensorflow", "keras", "PySide6")

SETUP = """
    import shutil, sys
    import numpy as np
    from PIL import Image
    from model.paths import assets_dir
    ASSETS = assets_dir()
    DIGITS = ASSETS / "data" / "selftest-digits.npz"
    MODEL = str(ASSETS / "models" / "default")
"""

CASES = {
    "importing model.data": (TF, "import model.data.sources, model.data.shipped, model.data.drawn"),
    "importing the recogniser": (TF, "import model.preprocess, model.recognizer, model.ink, model.evaluation"),
    "importing model.inside": (TF_AND_QT, "import model.inside"),
    "importing the model store": (TF_AND_QT, "import model.store.models, model.store.learnt_from"),
    "importing the Train tab and its workers": (TF, (
        "import app.train.tab, app.train.worker, app.train.confusion_view, app.train.curves_view, "
        "app.samples.personalize, app.workers, app.cli.events")),
    "loading MNIST from Keras's cache": (TF, """
        from model.data.sources import load_mnist
        shutil.copyfile(DIGITS, "mnist.npz")
        assert len(load_mnist(cache_dir=".").y_train) == 400
    """),
    "predict, an ink and an image": (TF_AND_QT, """
        import app.cli
        Image.fromarray(255 - np.load(DIGITS)["x_test"][0]).save("digit.png")
        assert app.cli.main(["predict", "--json", "--model", MODEL, str(ASSETS / "samples" / "three.json"),
                             "digit.png"]) == 0
    """),
    "predict --number": (TF_AND_QT, """
        import app.cli
        assert app.cli.main(["predict", "--number", "--model", MODEL, str(ASSETS / "samples" / "seven.json")]) == 0
    """),
    "evaluate and models": (TF, """
        import app.cli
        assert app.cli.main(["evaluate", "--json", "--model", MODEL, "--data", str(DIGITS)]) == 0
        assert app.cli.main(["evaluate", "--json", "--model", MODEL, "--data", "drawn"]) == 0
        assert app.cli.main(["models", "list"]) == 0
    """),
}


@pytest.mark.parametrize("case", list(CASES))
def test_what_does_not_train_never_imports_tensorflow(case, tmp_path):
    heavy, code = CASES[case]
    script = textwrap.dedent(SETUP) + textwrap.dedent(code) + textwrap.dedent(f"""
        loaded = sorted({{m.split(".")[0] for m in sys.modules}} & set({heavy!r}))
        print("LOADED", loaded)
    """)
    env = dict(os.environ, PYTHONPATH=str(ROOT), DIGITPAD_HOME=str(tmp_path / "home"), QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, env=env, capture_output=True, text=True,
                          timeout=180)
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-4000:]
    assert proc.stdout.strip().splitlines()[-1] == "LOADED []", proc.stdout[-2000:]
