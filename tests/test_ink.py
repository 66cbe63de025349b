"""model.ink: the Ink dataclass and its JSON file format (GUIDE.md, "Ink (drawing) JSON").

Every bad file must raise InkError whose message names the file, so `digitpad predict` and the
window can say which drawing is broken; empty strokes are dropped and a one-point stroke is a dot.
"""
import json
import math

import numpy as np
import pytest
from helpers import centre_of_mass, digit_ink

from model import ink as ink_module
from model.ink import FORMAT, VERSION, Ink, InkError, load
from model.preprocess import ink_to_input


def write(path, data) -> str:
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return str(path)


def ink_dict(**changes):
    d = {"format": FORMAT, "version": VERSION, "width": 280, "height": 280, "pen_width": 18.0,
         "strokes": [[[10, 20], [30, 40], [50, 45]]]}
    d.update(changes)
    return d


# ----------------------------------------------------------------------------------- round trip
def test_save_load_round_trip(tmp_path):
    original = Ink(
        [np.array([[10.125, 20.5], [30.0, 40.25], [31.5, 60.75]]), np.array([[100.0, 100.0]])],
        width=320, height=240, pen_width=12.5,
    )
    path = tmp_path / "seven.json"
    original.save(path)
    back = load(path)
    assert (back.width, back.height, back.pen_width) == (320, 240, 12.5)
    assert len(back.strokes) == 2
    for a, b in zip(original.strokes, back.strokes):
        assert a.shape == b.shape
        np.testing.assert_allclose(a, b, atol=0.005)  # stored to 2 decimals
    # ... and it is the file the guide documents, nothing left behind by the atomic save
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["format"] == "digitpad-ink" and data["version"] == 1
    assert set(data) == {"format", "version", "width", "height", "pen_width", "strokes"}
    assert data["strokes"][1] == [[100.0, 100.0]]
    assert [p.name for p in tmp_path.iterdir()] == ["seven.json"]


def test_round_trip_preserves_what_the_network_sees(tmp_path):
    original = digit_ink(4, size=150, centre=(120, 150), pen=9)
    original.save(tmp_path / "four.json")
    np.testing.assert_allclose(ink_to_input(load(tmp_path / "four.json")), ink_to_input(original), atol=0.02)


def test_save_replaces_an_existing_file(tmp_path):
    path = tmp_path / "d.json"
    Ink([np.array([[1.0, 2.0]])]).save(path)
    Ink([np.array([[5.0, 6.0], [7.0, 8.0]])]).save(path)
    assert load(path).strokes[0].tolist() == [[5.0, 6.0], [7.0, 8.0]]


def test_defaults_when_optional_fields_are_missing(tmp_path):
    d = ink_dict()
    for key in ("width", "height", "pen_width"):
        del d[key]
    ink = load(write(tmp_path / "d.json", d))
    assert (ink.width, ink.height, ink.pen_width) == (280, 280, 18.0)


# ----------------------------------------------------------------------------------- strokes
def test_empty_strokes_are_dropped(tmp_path):
    ink = load(write(tmp_path / "d.json", ink_dict(strokes=[[], [[1, 2], [3, 4]], []])))
    assert len(ink.strokes) == 1
    assert ink.strokes[0].tolist() == [[1, 2], [3, 4]]
    assert not ink.is_empty


def test_only_empty_strokes_is_an_empty_ink(tmp_path):
    for strokes in ([], [[]], [[], []]):
        ink = load(write(tmp_path / "d.json", ink_dict(strokes=strokes)))
        assert ink.is_empty
        assert ink.points().shape == (0, 2)
        assert ink_to_input(ink) is None


def test_one_point_stroke_is_kept_as_a_dot(tmp_path):
    ink = load(write(tmp_path / "dot.json", ink_dict(strokes=[[[100, 150]]])))
    assert len(ink.strokes) == 1 and ink.strokes[0].shape == (1, 2)
    assert not ink.is_empty
    x = ink_to_input(ink)
    assert x is not None and x.max() > 0.5  # something is drawn...
    assert 2 < x.sum() < 15  # ...and it is a small dot, not a digit-sized blob
    cy, cx = centre_of_mass(x)
    assert abs(cy - 14) < 0.5 and abs(cx - 14) < 0.5


def test_dot_beside_a_stroke_is_kept(tmp_path):
    ink = load(write(tmp_path / "d.json", ink_dict(strokes=[[[50, 50], [50, 200]], [[120, 120]]])))
    assert [len(s) for s in ink.strokes] == [2, 1]
    assert ink.points().shape == (3, 2)


def test_ink_constructor_validates_points():
    ink = Ink([[[1, 2], [3, 4]], []])  # lists are accepted and empty strokes dropped
    assert len(ink.strokes) == 1 and ink.strokes[0].dtype == np.float64
    with pytest.raises(InkError, match="NaN or infinite"):
        Ink([np.array([[1.0, math.nan]])])
    with pytest.raises(InkError, match="not a list of"):
        Ink([np.zeros((3, 3))])
    with pytest.raises(InkError, match="Canvas size"):
        Ink([], width=0)
    with pytest.raises(InkError, match="Pen width"):
        Ink([], pen_width=-1)


# ----------------------------------------------------------------------------------- bad files
BAD_FILES = {
    "other_format": (ink_dict(format="other-app-ink"), "not a DigitPad ink file"),
    "no_format": ({k: v for k, v in ink_dict().items() if k != "format"}, "not a DigitPad ink file"),
    "other_version": (ink_dict(version=2), "version 2 is not supported"),
    "version_as_text": (ink_dict(version="1"), "version"),
    "not_an_object": ([[1, 2], [3, 4]], "expected a JSON object"),
    "not_json": ("{this is not json", "not valid JSON"),
    "empty_file": ("", "not valid JSON"),
    "nan": ('{"format": "digitpad-ink", "version": 1, "strokes": [[[1, 2], [NaN, 4]]]}', "NaN or infinite"),
    "infinity": ('{"format": "digitpad-ink", "version": 1, "strokes": [[[1, Infinity]]]}', "NaN or infinite"),
    "overflow": ('{"format": "digitpad-ink", "version": 1, "strokes": [[[1e999, 2]]]}', "NaN or infinite"),
    "strokes_not_list": (ink_dict(strokes="M 0 0 L 10 10"), "'strokes' must be a list"),
    "strokes_object": (ink_dict(strokes={"0": [[1, 2]]}), "'strokes' must be a list"),
    "strokes_missing": ({k: v for k, v in ink_dict().items() if k != "strokes"}, "'strokes' must be a list"),
    "stroke_is_number": (ink_dict(strokes=[5]), "stroke 0 is not a list of"),
    "stroke_is_flat": (ink_dict(strokes=[[[1, 2]], [1, 2, 3, 4]]), "stroke 1 is not a list of"),
    "point_with_3_coords": (ink_dict(strokes=[[[1, 2, 3]]]), "stroke 0 is not a list of"),
    "ragged_points": (ink_dict(strokes=[[[1, 2], [3]]]), "stroke 0 is not a list of"),
    "text_coords": (ink_dict(strokes=[[["a", "b"]]]), "stroke 0 is not a list of"),
    "stroke_object": (ink_dict(strokes=[{"x": 1, "y": 2}]), "stroke 0 is not a list of"),
    "zero_canvas": (ink_dict(width=0), "canvas width must be"),
    "bad_width": (ink_dict(width="wide"), "canvas width must be a number"),
    "nan_pen": ('{"format": "digitpad-ink", "version": 1, "pen_width": NaN, "strokes": []}', "Pen width"),
    "negative_pen": (ink_dict(pen_width=-3), "Pen width"),
}


@pytest.mark.parametrize("case", sorted(BAD_FILES))
def test_bad_file_raises_ink_error_naming_the_file(tmp_path, case):
    content, message = BAD_FILES[case]
    path = write(tmp_path / f"{case}.json", content)
    with pytest.raises(InkError) as info:
        load(path)
    text = str(info.value)
    assert path in text, text
    assert message in text, text


def test_missing_file(tmp_path):
    path = tmp_path / "nowhere" / "seven.json"
    with pytest.raises(InkError, match="no such file") as info:
        load(path)
    assert str(path) in str(info.value)


def test_unreadable_files(tmp_path):
    folder = tmp_path / "a-folder.json"
    folder.mkdir()
    with pytest.raises(InkError, match="is a folder") as info:
        load(folder)
    assert str(folder) in str(info.value)
    binary = tmp_path / "image.json"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\xff\xfe\x00garbage")
    with pytest.raises(InkError) as info:
        load(binary)
    assert str(binary) in str(info.value)


def test_other_format_message_says_what_to_do(tmp_path):
    with pytest.raises(InkError) as info:
        load(write(tmp_path / "x.json", ink_dict(format="svg")))
    assert "'svg'" in str(info.value) and "digitpad-ink" in str(info.value)
    with pytest.raises(InkError) as info:
        load(write(tmp_path / "y.json", ink_dict(version=99)))
    assert "Update DigitPad" in str(info.value)


def test_too_many_points_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(ink_module, "MAX_POINTS", 50)
    load(write(tmp_path / "ok.json", ink_dict(strokes=[[[i, i] for i in range(50)]])))
    with pytest.raises(InkError, match="51 points") as info:
        load(write(tmp_path / "big.json", ink_dict(strokes=[[[i, i] for i in range(51)]])))
    assert "big.json" in str(info.value)


# ------------------------------------------------------------- issue 14: hostile or odd files
def test_deeply_nested_json_is_an_ink_error(tmp_path):
    path = tmp_path / "deep.json"
    path.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    with pytest.raises(InkError, match="nested far too deeply") as info:
        load(path)
    assert str(path) in str(info.value)
    # ... also inside an object, below the bracket count that refuses huge inks unparsed
    path.write_text('{"format": "digitpad-ink", "version": 1, "strokes": ' + "[" * 50_000 + "]" * 50_000 + "}")
    with pytest.raises(InkError, match="nested far too deeply"):
        load(path)


@pytest.mark.parametrize("field", ["width", "height"])
def test_infinite_canvas_size_is_an_ink_error(tmp_path, field):
    path = tmp_path / "wide.json"
    path.write_text(json.dumps(ink_dict(**{field: 1.0})).replace("1.0", "1e999"), encoding="utf-8")
    with pytest.raises(InkError, match=f"canvas {field} must be a number") as info:
        load(path)
    assert str(path) in str(info.value)


def test_canvas_and_pen_sizes_are_bounded():
    with pytest.raises(InkError, match="Canvas size"):
        Ink([], width=10**9)
    with pytest.raises(InkError, match="Pen width"):
        Ink([], pen_width=1e300)
    Ink([], width=ink_module.MAX_CANVAS, height=ink_module.MAX_CANVAS, pen_width=ink_module.MAX_PEN_WIDTH)


@pytest.mark.parametrize("line", [
    [[-1.7e308, -1.7e308], [1.7e308, 1.7e308]],  # a real line whose size overflows
    [[1.0e308, 1.0e308], [1.7e308, 1.7e308]],  # a real line whose centre overflows
    [[100.0, 100.0], [100.0, 2e7]],  # one point ten million pixels away
])
def test_coordinates_far_outside_any_canvas_are_an_error_not_nothing_drawn(tmp_path, line):
    path = write(tmp_path / "far.json", ink_dict(strokes=[line]))
    with pytest.raises(InkError, match="far outside any canvas") as info:
        load(path)
    assert path in str(info.value)


def test_large_but_plausible_coordinates_still_read_as_a_digit(tmp_path):
    # The same drawing far from the origin (a big tablet, a canvas scrolled away) reads the same.
    four = digit_ink(4, size=150, centre=(140, 140), pen=9)
    moved = Ink([s + 5e6 for s in four.strokes], width=280, height=280, pen_width=9)
    four.save(tmp_path / "four.json")
    moved.save(tmp_path / "moved.json")
    a, b = ink_to_input(load(tmp_path / "moved.json")), ink_to_input(load(tmp_path / "four.json"))
    # the same digit, at most a third of a pixel apart (the sub-pixel centring may round apart)
    assert abs(a.sum() - b.sum()) < 0.02 * b.sum()
    assert np.abs(np.subtract(centre_of_mass(a), centre_of_mass(b))).max() < 0.4
    assert np.corrcoef(a.ravel(), b.ravel())[0, 1] > 0.9


def test_total_points_and_strokes_are_bounded(tmp_path, monkeypatch):
    monkeypatch.setattr(ink_module, "MAX_TOTAL_POINTS", 100)
    monkeypatch.setattr(ink_module, "MAX_STROKES", 20)
    ok = [[[i, j] for j in range(5)] for i in range(20)]  # 20 strokes, 100 points
    assert len(load(write(tmp_path / "ok.json", ink_dict(strokes=ok))).strokes) == 20
    with pytest.raises(InkError, match="more than 100 points"):  # counted in the text already
        load(write(tmp_path / "text.json", ink_dict(strokes=ok[:19] + [[[0, j] for j in range(6)]])))
    monkeypatch.setattr(ink_module, "MAX_STROKES", 50)  # now the text passes, the ink does not
    with pytest.raises(InkError, match="101 points in all") as info:  # each stroke is small
        load(write(tmp_path / "points.json", ink_dict(strokes=ok[:19] + [[[0, j] for j in range(6)]])))
    assert "points.json" in str(info.value)
    with pytest.raises(InkError, match="51 strokes"):
        load(write(tmp_path / "strokes.json", ink_dict(strokes=[[[i, 1]] for i in range(51)])))
    with pytest.raises(InkError, match="points in all"):  # the constructor checks the same
        Ink([np.zeros((60, 2)), np.zeros((41, 2))])


def test_a_huge_ink_is_refused_before_it_is_parsed(tmp_path):
    """The reproduction was a 200 MB ink (204 s, 3.1 GB): far over the bounds, it is refused from
    its text, and a file too large to be any ink from its size."""
    many = tmp_path / "many.json"
    n = ink_module.MAX_TOTAL_POINTS + ink_module.MAX_STROKES + 10
    many.write_text('{"format": "digitpad-ink", "version": 1, "strokes": [['
                    + ",".join(["[1,2]"] * n) + "]]}", encoding="utf-8")
    with pytest.raises(InkError, match="more than 100,000 points") as info:
        load(many)
    assert str(many) in str(info.value)
    big = tmp_path / "big.json"
    with open(big, "wb") as fh:
        fh.truncate(ink_module.MAX_FILE_BYTES + 1)
    with pytest.raises(InkError, match="far too large to be a drawing"):
        load(big)


def test_version_as_text_says_it_must_be_a_number(tmp_path):
    with pytest.raises(InkError) as info:
        load(write(tmp_path / "v.json", ink_dict(version="1")))
    text = str(info.value)
    assert "must be the number 1" in text and "'1'" in text
    assert "not supported" not in text and "it reads version" not in text


def test_an_image_named_json_says_it_is_an_image(tmp_path):
    from PIL import Image

    path = tmp_path / "seven.json"
    Image.new("L", (28, 28), 255).save(path, format="PNG")
    with pytest.raises(InkError) as info:
        load(path)
    text = str(info.value)
    assert str(path) in text and "PNG image" in text and ".png" in text
    assert "codec" not in text
    path.write_bytes(b"\xff\xfe\x00 not text")
    with pytest.raises(InkError, match="not UTF-8 text") as info:
        load(path)
    assert "codec" not in str(info.value)


def test_parse_reads_what_save_writes_and_names_the_source():
    ink = digit_ink(7, size=120, centre=(140, 140), pen=12)
    back = ink_module.parse(json.dumps(ink.to_dict()), "pasted")
    assert len(back.strokes) == len(ink.strokes)
    with pytest.raises(InkError, match="^pasted: not valid JSON"):
        ink_module.parse(b"{", "pasted")
