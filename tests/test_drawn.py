"""model.data.drawn: reading drawn digits (good and corrupt lines), the split by writer, the shipped
corpus, rendering through the canvas's preprocessing.

Real inks: the corpus shipped in assets/data (UNIPEN digits drawn on tablets by real writers);
nothing here reads ../shared.
"""
import gzip
import json

import numpy as np
import pytest

from model.data import drawn
from model.errors import DigitPadError
from model.preprocess import ink_to_input

pytestmark = pytest.mark.filterwarnings("ignore::UserWarning", "ignore::DeprecationWarning")


@pytest.fixture(scope="module")
def corpus():
    return drawn.shipped_corpus()


def unipen_rows(corpus, n=6):
    """The first n UNIPEN digits of the corpus as the JSON objects of unipen-dev.jsonl.gz."""
    rows = []
    for i in np.flatnonzero(corpus.writers != "")[:n]:
        ink = corpus.inks[i]
        rows.append({"label": int(corpus.labels[i]), "writer": str(corpus.writers[i]), "quality": "OK",
                     "width": ink.width, "height": ink.height, "pen_width": ink.pen_width,
                     "strokes": [s.round(2).tolist() for s in ink.strokes]})
    return rows


def write_lines(path, lines, compress=True):
    data = "".join(line + "\n" for line in lines).encode()
    path.write_bytes(gzip.compress(data) if compress else data)
    return path


# --------------------------------------------------------------------------------- the corpus
def test_shipped_corpus_holds_real_drawn_digits_and_the_check_labs(corpus):
    assert len(corpus) > 7_000
    assert set(np.unique(corpus.labels).tolist()) == set(range(10))
    rest, check = drawn.check_split(corpus)
    assert len(check) == 800
    assert len(set(check.writers.tolist())) == 91
    assert set(check.labs.tolist()) == set(drawn.CHECK_LABS)
    assert not np.isin(rest.labs, drawn.CHECK_LABS).any()
    assert len(rest) + len(check) == len(corpus)
    # every digit is an ink the preprocessing turns into a digit
    x = ink_to_input(check.inks[0])
    assert x.shape == (28, 28) and 0.3 < x.max() <= 1.0


def test_shipped_corpus_is_small_and_safe_to_load():
    path = drawn.corpus_path()
    assert path.stat().st_size <= 3_000_000
    with np.load(path, allow_pickle=False) as npz:  # no object arrays
        assert all(npz[k].dtype != object for k in npz.files)


def test_corpus_round_trip(corpus, tmp_path):
    part = corpus.take(np.r_[0:50, len(corpus) - 20:len(corpus)])
    path = tmp_path / "c.npz"
    drawn.save_corpus(path, part)
    back = drawn.load_corpus(path)
    assert len(back) == 70
    np.testing.assert_array_equal(back.labels, part.labels)
    np.testing.assert_array_equal(back.writers, part.writers)
    for a, b in zip(part.inks, back.inks):
        assert len(a.strokes) == len(b.strokes)
        # the same digit to within sub-pixel centring
        xa, xb = ink_to_input(a), ink_to_input(b)
        assert abs(xa.sum() - xb.sum()) < 0.05 * xa.sum()
        assert np.abs(xa - xb).mean() < 0.03


@pytest.mark.parametrize("damage", ["garbage", "missing key", "inconsistent"])
def test_a_damaged_corpus_says_what_to_do(corpus, tmp_path, damage):
    path = tmp_path / "c.npz"
    if damage == "garbage":
        path.write_bytes(b"PK\x03\x04 not really a zip")
    else:
        drawn.save_corpus(path, corpus.take(np.arange(10)))
        with np.load(path, allow_pickle=False) as npz:
            arrays = {k: npz[k] for k in npz.files}
        if damage == "missing key":
            del arrays["labels"]
        else:
            arrays["stroke_sizes"] = arrays["stroke_sizes"][:-1]
        np.savez(path, **arrays)
    with pytest.raises(drawn.DrawnDataError) as e:
        drawn.load_corpus(path)
    assert isinstance(e.value, DigitPadError)
    assert str(path) in str(e.value) and "make_drawn_corpus" in str(e.value)


# ----------------------------------------------------------------------------- reading UNIPEN
def test_read_unipen_gzip_and_plain(corpus, tmp_path):
    rows = unipen_rows(corpus)
    lines = [json.dumps(r) for r in rows]
    for compress in (True, False):
        path = write_lines(tmp_path / f"u{compress}.jsonl.gz", [*lines[:3], "", *lines[3:]], compress)
        d = drawn.read_unipen(path)
        assert len(d) == len(rows)
        assert d.labels.tolist() == [r["label"] for r in rows]
        assert d.writers.tolist() == [r["writer"] for r in rows]
        assert [len(i.strokes) for i in d.inks] == [len(r["strokes"]) for r in rows]


@pytest.mark.parametrize("bad, words", [
    ('{"label": 3, "writer": "abc/x", "strokes": [[[1, 2], [3', "not valid JSON"),
    ('[1, 2, 3]', "JSON object"),
    ('{"label": 12, "writer": "abc/x", "strokes": [[[1, 2]]]}', "label 12"),
    ('{"label": true, "writer": "abc/x", "strokes": [[[1, 2]]]}', "label True"),
    ('{"label": 3, "strokes": [[[1, 2]]]}', "writer None"),
    ('{"label": 3, "writer": "abc/x", "strokes": [[[1, "a"]]]}', "stroke 0"),
    ('{"label": 3, "writer": "abc/x", "strokes": []}', "no strokes"),
    ('{"label": 3, "writer": "abc/x", "strokes": [[[1, 2]]], "pen_width": -1}', "Pen width"),
])
def test_a_corrupt_line_names_the_file_and_the_line(corpus, tmp_path, bad, words):
    good = [json.dumps(r) for r in unipen_rows(corpus, 4)]
    path = write_lines(tmp_path / "u.jsonl.gz", [*good[:2], bad, *good[2:]])
    with pytest.raises(drawn.DrawnDataError) as e:
        drawn.read_unipen(path)
    msg = str(e.value)
    assert isinstance(e.value, DigitPadError)
    assert f"{path}, line 3:" in msg, msg
    assert words in msg, msg
    assert "Fix or delete that line" in msg


def test_a_truncated_or_missing_file_says_so(corpus, tmp_path):
    path = write_lines(tmp_path / "u.jsonl.gz", [json.dumps(r) for r in unipen_rows(corpus, 40)])
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    with pytest.raises(drawn.DrawnDataError, match="damaged or truncated"):
        drawn.read_unipen(path)
    with pytest.raises(drawn.DrawnDataError, match="no such file"):
        drawn.read_unipen(tmp_path / "nothing.jsonl.gz")
    empty = write_lines(tmp_path / "e.jsonl.gz", [])
    with pytest.raises(drawn.DrawnDataError, match="holds no digits"):
        drawn.read_unipen(empty)


# ------------------------------------------------------------------------------ split by writer
@pytest.mark.parametrize("fraction, seed", [(0.25, 11), (0.5, 3)])
def test_split_by_writer_keeps_each_writer_on_one_side(corpus, fraction, seed):
    train, held = drawn.split_by_writer(corpus, fraction, seed)
    assert len(train) + len(held) == len(corpus)
    both = set(train.writers.tolist()) & set(held.writers.tolist())
    assert both == set(), sorted(both)[:5]
    # every lab with at least two writers gives about `fraction` of its writers
    for lab in set(corpus.labs.tolist()) - {"pendigits"}:
        names = set(corpus.writers[corpus.labs == lab].tolist())
        held_names = set(held.writers[held.labs == lab].tolist())
        assert len(held_names) == round(fraction * len(names))
    # the same seed gives the same split, another seed another one
    again, _ = drawn.split_by_writer(corpus, fraction, seed)
    np.testing.assert_array_equal(again.writers, train.writers)
    other, _ = drawn.split_by_writer(corpus, fraction, seed + 1)
    assert set(other.writers.tolist()) != set(train.writers.tolist())


def test_tuning_split_never_touches_the_check_labs(corpus):
    train, tune = drawn.tuning_split(corpus)
    for part in (train, tune):
        assert not np.isin(part.labs, drawn.CHECK_LABS).any()
    assert not set(train.writers.tolist()) & set(tune.writers.tolist()) - {""}
    assert len(tune) > 1000


# -------------------------------------------------------------------------------------- render
def test_render_is_the_canvas_preprocessing(corpus):
    part = corpus.take(np.arange(0, len(corpus), 997))
    x, y = drawn.render(part)
    assert x.dtype == np.uint8 and x.shape == (len(part), 28, 28)
    np.testing.assert_array_equal(y, part.labels)
    for img, ink in zip(x, part.inks):
        np.testing.assert_allclose(img / 255.0, ink_to_input(ink), atol=0.5 / 255 + 1e-6)


def test_render_jitter_is_seeded_and_changes_the_digits(corpus):
    part = corpus.take(np.arange(40))
    jitter = drawn.Jitter(stroke=0.2, slant=0.3, aspect=0.2, rotate=0.1)
    a, ya = drawn.render(part, 2, seed=5, jitter=jitter)
    b, _ = drawn.render(part, 2, seed=5, jitter=jitter)
    c, _ = drawn.render(part, 2, seed=6, jitter=jitter)
    plain, _ = drawn.render(part)
    np.testing.assert_array_equal(a, b)
    assert len(a) == 80 and ya.tolist() == part.labels.tolist() * 2
    assert (a != c).any(axis=(1, 2)).mean() > 0.9
    assert (a[:40] != plain).any(axis=(1, 2)).mean() > 0.9
    assert (a[:40] != a[40:]).any(axis=(1, 2)).mean() > 0.9  # each copy its own distortion


def test_a_flag_and_a_slash_are_strokes_a_person_would_draw(corpus):
    import math

    one = next(ink for ink, y in zip(corpus.inks, corpus.labels) if y == 1)
    zero = next(ink for ink, y in zip(corpus.inks, corpus.labels) if y == 0)
    pts = one.points()
    top, h = pts[np.argmin(pts[:, 1])], np.ptp(pts[:, 1])
    flagged = drawn.with_flag(one, 0.4, math.radians(30))
    assert len(flagged.strokes) == len(one.strokes) + 1
    start, end = flagged.strokes[0][0], flagged.strokes[0][-1]
    np.testing.assert_allclose(end, top)
    assert start[0] < top[0] - 0.3 * h and start[1] > top[1] + 0.15 * h  # left of the top, and lower
    joined = drawn.with_flag(one, 0.4, math.radians(30), joined=True)
    assert len(joined.strokes) in (len(one.strokes), len(one.strokes) + 1)  # one stroke where the 1 starts at its top
    slashed = drawn.with_slash(zero, 0.1, 0.0)
    slash = slashed.strokes[-1]
    zp = zero.points()
    assert len(slashed.strokes) == len(zero.strokes) + 1
    assert slash[0][0] < zp[:, 0].min() and slash[-1][0] > zp[:, 0].max()  # across the whole 0
    assert slash[0][1] > slash[-1][1]  # from lower left to upper right


def test_render_adds_the_styles_only_to_their_digits_and_only_when_asked(corpus):
    d = corpus.take(np.flatnonzero(np.isin(corpus.labels, (0, 1, 7)))[:60])
    plain = drawn.Jitter(stroke=0.2, slant=0.3)
    styled = drawn.Jitter(stroke=0.2, slant=0.3, flag=1.0, slash=1.0)
    x_plain, y = drawn.render(d, 1, seed=3, jitter=plain)
    x_styled, _ = drawn.render(d, 1, seed=3, jitter=styled)
    changed = (x_plain != x_styled).any(axis=(1, 2))
    assert changed[np.isin(y, (0, 1))].all()
    assert not changed[y == 7].any()  # same random draws: a 7 is left alone
    assert styled.scaled(0).none and styled.scaled(1.5).flag == 1.0  # 0: the digits as drawn


def test_render_can_be_cancelled(corpus):
    from model.errors import Cancelled

    with pytest.raises(Cancelled):
        drawn.render(corpus.take(np.arange(600)), should_stop=lambda: True)


def mix_size(corpus, reps=drawn.MIX_REPS, pen_reps=drawn.MIX_PEN_REPS):
    """How many training digits training_mix draws of the shipped corpus's training part."""
    rest, _ = drawn.check_split(corpus)
    pen = int((rest.labs == "pendigits").sum())
    return reps * (len(rest) - pen) + pen_reps * pen


def test_the_corpus_holds_the_pen_digit_writers_too(corpus):
    pen = corpus.labs == "pendigits"
    assert pen.sum() == 7494 and (corpus.writers[pen] == "").all()
    rest, check = drawn.check_split(corpus)
    assert (rest.labs == "pendigits").sum() == 7494  # training data, never the check set


def test_training_mix_keeps_the_check_labs_out_of_training(corpus):
    mix = drawn.training_mix()
    rest, check = drawn.check_split(corpus)
    assert len(mix.y_train) == mix_size(corpus)
    assert "pen-digit" in mix.description
    assert len(mix.y_heldout) == len(check) == 800
    np.testing.assert_array_equal(mix.y_heldout, check.labels)
    assert "DigitPad" in mix.description and "tos" in mix.heldout_description


# ------------------------------------------------------------------------------- the CLI flags
@pytest.fixture(scope="module")
def mnist_npz(tmp_path_factory):
    from helpers import mnist, mnist_sample

    x, y = mnist()
    train = mnist_sample(800, seed=30)
    test = mnist_sample(200, seed=31, exclude=train)
    path = tmp_path_factory.mktemp("npz") / "digits.npz"
    np.savez(path, x_train=x[train], y_train=y[train], x_test=x[test], y_test=y[test])
    return path


def train_cli(capsys, *flags):
    from app import cli

    rc = cli.main(["train", "--epochs", "1", "--hidden", "16", "--no-augment", "--json", *map(str, flags)])
    out, err = capsys.readouterr()
    return rc, out, err


@pytest.mark.slow
def test_train_uses_the_drawn_digits_by_default_and_reports_their_held_out_writers(mnist_npz, home, tmp_path, capsys):
    rc, out, err = train_cli(capsys, "--data", mnist_npz, "--out", tmp_path / "m")
    assert rc == 0, err
    summary = json.loads(out)
    assert summary["drawn_n"] == 800 and 0.3 < summary["drawn_accuracy"] <= 1.0
    extras = json.loads((tmp_path / "m" / "card.json").read_text())["data"]["extras"]
    assert [e["kind"] for e in extras] == ["drawn"]
    assert extras[0]["name"].startswith("drawn digits shipped with DigitPad")
    assert extras[0]["reps"] == drawn.MIX_REPS
    assert extras[0]["n"] == mix_size(drawn.shipped_corpus())
    # --no-drawn: MNIST alone, no drawn figure, nothing drawn on the card
    rc, out, err = train_cli(capsys, "--data", mnist_npz, "--out", tmp_path / "n", "--no-drawn")
    assert rc == 0, err
    summary = json.loads(out)
    assert summary["drawn_accuracy"] is None and summary["drawn_n"] == 0
    assert json.loads((tmp_path / "n" / "card.json").read_text())["data"]["extras"] == []


@pytest.mark.slow
def test_train_with_samples(mnist_npz, home, tmp_path, capsys):
    from helpers import mnist

    rc, out, err = train_cli(capsys, "--data", mnist_npz, "--out", tmp_path / "m", "--no-drawn", "--with-samples")
    assert rc == 1 and "--with-samples: you have no samples yet" in err
    assert not (tmp_path / "m").exists()
    from model.samples.store import SampleStore

    x, y = mnist()
    with SampleStore() as samples:
        for i in range(0, 5000, 500):
            samples.add(x[i], int(y[i]))
    rc, out, err = train_cli(capsys, "--data", mnist_npz, "--out", tmp_path / "m", "--with-samples",
                             "--drawn-reps", "1", "--drawn-jitter", "0")
    assert rc == 0, err
    extras = json.loads((tmp_path / "m" / "card.json").read_text())["data"]["extras"]
    assert [(e["kind"], e["n"]) for e in extras] == [("drawn", mix_size(drawn.shipped_corpus(), 1, 1)), ("samples", 10)]
    assert extras[0]["name"].endswith(" as drawn") and extras[1]["name"] == "your samples (10)"
    assert json.loads(out)["drawn_n"] == 800


@pytest.mark.parametrize("flags, words", [(["--drawn-reps", "0"], "--drawn-reps: 0"),
                                          (["--drawn-jitter", "9"], "--drawn-jitter: 9")])
def test_train_refuses_bad_drawn_settings(mnist_npz, home, tmp_path, capsys, flags, words):
    rc, _, err = train_cli(capsys, "--data", mnist_npz, "--out", tmp_path / "m", *flags)
    assert rc == 1 and words in err
    assert not (tmp_path / "m").exists()


def test_the_shipped_model_reads_flagged_ones_and_slashed_zeros_of_unseen_writers(corpus, shipped_default):
    """The owner saw the shipped model read a 1 with a long flag as 7 and a slashed 0 as 8. Drawn
    with those styles, the check labs' 1s and 0s (writers it never trained on) must be read."""
    import math

    from model.recognizer import Recognizer

    _, check = drawn.check_split(corpus)
    ones = [ink for ink, y in zip(check.inks, check.labels) if y == 1]
    zeros = [ink for ink, y in zip(check.inks, check.labels) if y == 0]
    rec = Recognizer.load(shipped_default)

    def share(inks, digit):
        return np.mean([rec.predict(ink_to_input(ink)).digit == digit for ink in inks])

    flagged = [drawn.with_flag(ink, length, math.radians(angle), joined=bool(k % 2))
               for k, ink in enumerate(ones) for length in (0.2, 0.3, 0.4) for angle in (25, 40)]
    assert share(ones, 1) >= 0.95 and share(zeros, 0) >= 0.95
    assert share(flagged, 1) >= 0.9, "flagged 1s read as something else (7?)"
    assert share([drawn.with_slash(ink, 0.08, 0.0) for ink in zeros], 0) >= 0.9, "slashed 0s misread"
