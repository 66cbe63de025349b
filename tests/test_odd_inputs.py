"""Inputs that are not regular files, and images of more than 8 bits (issue 21): neither hangs a
batch nor reads as "nothing drawn"."""
from __future__ import annotations

import json
import os

import numpy as np
import pytest
from helpers import ROOT, make_model_dir, mnist, run_cli
from PIL import Image

from model.preprocess import image_to_input, load_image

THREE = ROOT / "assets" / "samples" / "three.json"


@pytest.fixture(scope="module")
def model(tmp_path_factory):
    return make_model_dir(tmp_path_factory.mktemp("m") / "linear", linear=True)


def test_a_named_pipe_a_device_and_a_folder_neither_hang_nor_stop_the_batch(tmp_path, model):
    fifo = tmp_path / "drawing.json"
    os.mkfifo(fifo)
    picture = tmp_path / "picture.png"
    os.mkfifo(picture)
    names = [fifo, picture, "/dev/zero", tmp_path, THREE]
    r = run_cli(["predict", "--model", model, "--json", *names], tmp_path / "home", tmp_path, timeout=60)
    rows = [json.loads(line) for line in r.stdout.splitlines()]
    assert r.returncode == 1 and len(rows) == 5 and "Traceback" not in r.stderr, r.stderr
    assert "named pipe" in rows[0]["error"] and "named pipe" in rows[1]["error"]
    assert "a device, not a file" in rows[2]["error"] and "folder" in rows[3]["error"]
    assert rows[4]["digit"] == 3
    r = run_cli(["samples", "add", "--label", "3", fifo, THREE], tmp_path / "home", tmp_path, timeout=60)
    assert r.returncode == 1 and "named pipe" in r.stderr and r.stdout.count("\t") == 1, r.stderr


def _digit_image(dtype, top: float, nan: bool = False) -> Image.Image:
    x, y = mnist()
    paper = (255 - x[1234]).astype(np.float64) / 255.0 * top  # dark ink on light paper, up to `top`
    big = np.kron(paper, np.ones((4, 4))).astype(dtype)
    if nan:
        big[0, :5] = np.nan
    return Image.fromarray(big), int(y[1234])


@pytest.mark.parametrize("case", ["12-bit in 16", "16-bit", "float 0..1", "float with NaN", "float 0..255"])
def test_images_of_more_than_8_bits_are_read(tmp_path, model, case):
    dtype, top, nan, ext = {"12-bit in 16": (np.uint16, 4095, False, "png"), "16-bit": (np.uint16, 65535, False, "png"),
                            "float 0..1": (np.float32, 1.0, False, "tif"),
                            "float with NaN": (np.float32, 1.0, True, "tif"),
                            "float 0..255": (np.float32, 255.0, False, "tif")}[case]
    image, label = _digit_image(dtype, top, nan)
    path = tmp_path / f"digit.{ext}"
    image.save(path)
    loaded = load_image(path)
    assert loaded.mode == "L"
    x = image_to_input(loaded)
    assert x is not None and np.isfinite(x).all()
    r = run_cli(["predict", "--model", model, "--json", path], tmp_path / "home", tmp_path)
    row = json.loads(r.stdout)
    assert r.returncode == 0 and row["digit"] == label, (r.stderr, row)
