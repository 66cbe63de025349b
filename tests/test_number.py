"""Reading whole numbers (model.number, `digitpad predict --number`) on real inks: numbers composed
from the shipped sample drawings (assets/samples, one per digit, known labels) with the shipped
model."""
from __future__ import annotations

import json
import subprocess
import sys

import numpy as np
import pytest
from helpers import ROOT, cli_env
from PIL import Image, ImageDraw

from model.ink import Ink
from model.ink import load as load_ink
from model.number import NumberReader, digit_ink, group_by_overlap, read_image_number, read_number
from model.recognizer import Recognizer

NAMES = "zero one two three four five six seven eight nine".split()
HEIGHT = 100.0


@pytest.fixture(scope="module")
def recognizer(shipped_default):
    return Recognizer.load(shipped_default)


def sample(digit: int) -> Ink:
    return load_ink(ROOT / "assets" / "samples" / f"{NAMES[digit]}.json")


def crossed_seven() -> Ink:
    """The shipped 7 with a crossbar through the middle of its stem: a second, short stroke."""
    seven = sample(7)
    stem = seven.strokes[0]
    lo, hi = stem.min(axis=0), stem.max(axis=0)
    mid_y = (lo[1] + hi[1]) / 2 + 10
    x = float(stem[np.argmin(np.abs(stem[:, 1] - mid_y)), 0])
    bar = np.c_[np.linspace(x - 30, x + 30, 12), np.full(12, mid_y)]
    return Ink([stem, bar], seven.width, seven.height, seven.pen_width)


def compose(inks: list[Ink], gap: float = 0.3) -> tuple[Ink, list[list[int]]]:
    """The digits side by side, each scaled to HEIGHT px, ``gap`` heights apart (< 0: overlapping
    boxes); also each digit's stroke indices."""
    strokes, groups, x = [], [], 20.0
    for ink in inks:
        pts = ink.points()
        lo, hi = pts.min(axis=0), pts.max(axis=0)
        scale = HEIGHT / (hi[1] - lo[1])
        groups.append(list(range(len(strokes), len(strokes) + len(ink.strokes))))
        strokes += [(s - lo) * scale + (x, 90.0) for s in ink.strokes]
        x += (hi[0] - lo[0]) * scale + gap * HEIGHT
    return Ink(strokes, int(x + 20), 280, 12.0), groups


def number_ink(text: str, gap: float = 0.3):
    return compose([sample(int(c)) for c in text], gap)


def render(ink: Ink) -> Image.Image:
    """The ink as a scan would show it: dark strokes on white."""
    image = Image.new("L", (ink.width, ink.height), 255)
    draw = ImageDraw.Draw(image)
    r = ink.pen_width / 2
    for s in ink.strokes:
        pts = [(float(x), float(y)) for x, y in s]
        draw.line(pts, fill=0, width=int(ink.pen_width), joint="curve")
        for x, y in (pts[0], pts[-1]):
            draw.ellipse((x - r, y - r, x + r, y + r), fill=0)
    return image


@pytest.mark.parametrize("text", ["2026", "314159", "0123456789", "8675309"])
def test_numbers_from_sample_inks(recognizer, text):
    ink, groups = number_ink(text)
    reading = read_number(ink, recognizer)
    assert reading.number == text
    assert [list(d.strokes) for d in reading.digits] == groups
    xs = [d.box[0] for d in reading.digits]
    assert xs == sorted(xs)
    for d, g in zip(reading.digits, groups):
        pts = np.concatenate([ink.strokes[i] for i in g])
        x0, y0, x1, y1 = d.box
        assert x0 <= pts[:, 0].min() and pts[:, 0].max() <= x1 and y0 <= pts[:, 1].min() and pts[:, 1].max() <= y1
        assert d.confidence == pytest.approx(float(d.probabilities.max()))
        assert d.digit == int(np.argmax(d.probabilities))


def test_every_sample_alone_is_one_digit(recognizer):
    reader = NumberReader(recognizer)
    for digit in range(10):
        reading = reader.read(sample(digit))
        assert reading.number == str(digit)
        assert reading.digits[0].strokes == tuple(range(len(sample(digit).strokes)))


def test_multi_stroke_digits_stay_one_digit(recognizer):
    inks = [sample(4), sample(5), crossed_seven(), sample(4), sample(1), crossed_seven()]
    assert [len(i.strokes) for i in inks] == [2, 2, 2, 2, 1, 2]  # the test is about several strokes
    ink, groups = compose(inks, gap=0.15)
    reading = read_number(ink, recognizer)
    assert reading.number == "457417"
    assert [list(d.strokes) for d in reading.digits] == groups


def test_touching_digits_are_split(recognizer):
    for text in ("2026", "4545", "8675309"):
        ink, groups = number_ink(text, gap=-0.08)  # each box overlaps the next by 8% of a height
        assert len(group_by_overlap(ink)) == 1  # stroke overlap alone sees one blob
        reading = read_number(ink, recognizer)
        assert reading.number == text
        assert [list(d.strokes) for d in reading.digits] == groups


def test_empty_canvas(recognizer):
    reading = read_number(Ink([]), recognizer)
    assert reading.number == "" and reading.digits == ()
    assert reading.to_dict() == {"number": "", "digits": []}
    assert reading.index_at(10, 10) is None
    assert read_image_number(Image.new("L", (200, 100), 255), recognizer).number == ""


def test_live_reads_only_groups_that_changed(recognizer):
    """Writing the last digit point by point: each mouse move reads only the groups that hold
    the stroke being drawn, and reads the same as a reader that starts from nothing."""
    ink, _ = number_ink("31415926")
    reader = NumberReader(recognizer)
    reader.read(Ink(ink.strokes[:-1], ink.width, ink.height, ink.pen_width))
    last = ink.strokes[-1]
    for m in range(5, len(last) + 1, 10):
        drawn = Ink(ink.strokes[:-1] + [last[:m]], ink.width, ink.height, ink.pen_width)
        before = reader.reads
        live = reader.read(drawn)
        assert reader.reads - before <= reader.params.max_units
        fresh = NumberReader(recognizer).read(drawn)
        assert live.number == fresh.number and [d.strokes for d in live.digits] == [d.strokes for d in fresh.digits]
    assert live.number == "31415926"


def test_correct_one_digit(recognizer):
    ink, groups = number_ink("2026")
    reader = NumberReader(recognizer)
    reading = reader.read(ink)
    i = reading.index_at(*ink.strokes[groups[2][0]][0])  # a point of the second 2
    assert i == 2
    fixed = reader.correct(reading, i, 7)
    assert fixed.number == "2076" and fixed.digits[2].corrected and fixed.digits[2].confidence == 1.0
    # the drawing of that digit, e.g. to store it as a sample
    alone = digit_ink(ink, fixed.digits[2])
    assert len(alone.strokes) == len(groups[2]) and np.array_equal(alone.strokes[0], ink.strokes[groups[2][0]])
    # writing on: the correction stays with its strokes
    more, _ = number_ink("20261")
    assert reader.read(more).number == "20761"
    reader.forget_corrections()
    assert reader.read(more).number == "20261"


def test_image_of_a_number(recognizer):
    ink, groups = number_ink("4096")
    image = render(ink)
    reading = read_image_number(image, recognizer)
    assert reading.number == "4096"
    for d, g in zip(reading.digits, groups):
        pts = np.concatenate([ink.strokes[i] for i in g])
        assert d.box[0] <= pts[:, 0].min() <= pts[:, 0].max() <= d.box[2]
        assert d.strokes == ()
    # a photo is larger and light on dark just as well
    big = Image.eval(image.resize((image.width * 5, image.height * 5), Image.Resampling.BILINEAR), lambda v: 255 - v)
    assert read_image_number(big, recognizer).number == "4096"


def test_cli_number_json(shipped_default, tmp_path):
    files = {}
    for name, text in (("year", "2026"), ("touching", "4545")):
        ink, _ = number_ink(text, gap=0.3 if name == "year" else -0.08)
        files[name] = tmp_path / f"{name}.json"
        ink.save(files[name])
    files["empty"] = tmp_path / "empty.json"
    Ink([]).save(files["empty"])
    files["scan"] = tmp_path / "scan.png"
    render(number_ink("907")[0]).save(files["scan"])
    args = [sys.executable, "-m", "app", "predict", "--number", "--json", *map(str, files.values())]
    r = subprocess.run(args, cwd=tmp_path, env=cli_env(tmp_path / "home"), capture_output=True, text=True, timeout=120,
                       check=False)
    assert r.returncode == 0, r.stderr
    rows = [json.loads(line) for line in r.stdout.splitlines()]
    assert [row["file"] for row in rows] == [str(p) for p in files.values()]
    assert [row["number"] for row in rows] == ["2026", "4545", "", "907"]
    for row in rows:
        assert set(row) == {"file", "number", "digits"}
        assert "".join(str(d["digit"]) for d in row["digits"]) == row["number"]
        for d in row["digits"]:
            assert set(d) == {"digit", "confidence", "box", "strokes"}
            assert 0.0 < d["confidence"] <= 1.0 and len(d["box"]) == 4
    year = rows[0]["digits"]
    assert [d["strokes"] for d in year] == [[0], [1], [2], [3]]
    assert all(d["box"][0] < d["box"][2] and d["box"][1] < d["box"][3] for d in year)
    assert rows[2]["digits"] == [] and all(d["strokes"] == [] for d in rows[3]["digits"])
    # a bad file: an error line for it, the others still read, exit status 1
    bad = tmp_path / "bad.json"
    bad.write_text("{}")
    r = subprocess.run([sys.executable, "-m", "app", "predict", "--number", "--json", str(bad), str(files["year"])],
                       cwd=tmp_path, env=cli_env(tmp_path / "home"), capture_output=True, text=True, timeout=120,
                       check=False)
    rows = [json.loads(line) for line in r.stdout.splitlines()]
    assert r.returncode == 1 and "error" in rows[0] and rows[1]["number"] == "2026"
    # without --json: one readable line per file
    r = subprocess.run([sys.executable, "-m", "app", "predict", "--number", str(files["year"]), str(files["empty"])],
                       cwd=tmp_path, env=cli_env(tmp_path / "home"), capture_output=True, text=True, timeout=120,
                       check=False)
    assert r.returncode == 0 and r.stdout.splitlines()[0].startswith(f"{files['year']}: 2026  (2 ")
    assert r.stdout.splitlines()[1] == f"{files['empty']}: nothing drawn"
