"""model.data.styles (the catalogue of ways people write each digit) and model.data.families (the
leave-one-source-out folds): every style draws a real digit inside the canvas, the same from the
same seed, with the cues that tell it from its look-alike; no writer or source is ever on both
sides of a fold.

Real inks: the corpus shipped in assets/data (UNIPEN digits drawn on tablets); nothing here reads
../shared.
"""
import math

import numpy as np
import pytest

from model.data import drawn, families, pendigits, styles
from model.ink import Ink
from model.preprocess import ink_to_input

pytestmark = pytest.mark.filterwarnings("ignore::UserWarning", "ignore::DeprecationWarning")


@pytest.fixture(scope="module")
def corpus():
    return drawn.shipped_corpus()


def real(corpus, digit, n=12, step=29):
    """n real drawings of ``digit``, from writers across the corpus."""
    return [corpus.inks[i] for i in np.flatnonzero(corpus.labels == digit)[::step][:n]]


def same(a: Ink, b: Ink) -> bool:
    return len(a.strokes) == len(b.strokes) and all(np.array_equal(p, q) for p, q in zip(a.strokes, b.strokes))


# ------------------------------------------------------------------------------ the catalogue
def test_the_catalogue_has_the_styles_people_write():
    names = {s.name for s in styles.STYLES}
    for digit, count in {1: 5, 7: 5, 4: 3, 0: 3, 9: 2}.items():
        assert len(styles.by_digit(digit)) >= count, digit
    assert {"one_long_flag", "one_flag_foot", "one_serifs", "seven_crossed", "seven_hooked", "seven_curved",
            "four_open", "four_one_stroke", "zero_slashed", "zero_dotted", "five_one_stroke", "seven_one_stroke",
            "two_loop", "three_flat", "eight_circles", "nine_straight", "nine_curved"} <= names
    assert all(not s.plain for s in styles.by_digit(1, plain=False))
    with pytest.raises(KeyError, match="one_long_flag"):
        styles.get("one_long_flg")


@pytest.mark.parametrize("style", styles.STYLES, ids=lambda s: s.name)
def test_every_style_draws_real_digits_inside_the_canvas_reproducibly(corpus, style):
    for k, ink in enumerate(real(corpus, style.digit)):
        out = style.make(ink, np.random.default_rng([5, k]))
        again = style.make(ink, np.random.default_rng([5, k]))
        assert same(out, again), "the same seed must draw the same digit"
        pts = out.points()
        assert (pts >= 0).all() and (pts[:, 0] <= out.width).all() and (pts[:, 1] <= out.height).all()
        assert (out.width, out.height) == (ink.width, ink.height)
        x = ink_to_input(out)
        assert x is not None and x.max() > 0.5
    if not style.plain:  # another seed, another way of writing it; and never the drawing as it was
        inks = real(corpus, style.digit)
        a = [style.make(ink, np.random.default_rng(1)) for ink in inks]
        b = [style.make(ink, np.random.default_rng(2)) for ink in inks]
        assert sum(not same(p, q) for p, q in zip(a, b)) >= len(inks) - 1
        assert sum(not same(p, ink) for p, ink in zip(a, inks)) >= len(inks) - 1


def test_a_long_flag_starts_below_the_top_and_rises_to_it_from_the_left(corpus):
    """The cue that tells a flagged 1 from a 7: a 7's bar is level at the top; a 1's flag starts
    from the left, well below the top, and rises to it at 20 degrees or more."""
    rng = np.random.default_rng(0)
    for ink in real(corpus, 1, 20, 17):
        out = styles.apply("one_long_flag", ink, rng)
        pts = out.points()
        h = np.ptp(pts[:, 1])
        top = pts[np.argmin(pts[:, 1])]
        start = out.strokes[0][0]
        rise, reach = start[1] - top[1], top[0] - start[0]
        assert reach > 0 and rise >= 0.3 * h * 0.95, (rise / h, reach / h)
        assert math.degrees(math.atan2(rise, reach)) >= 19.0


def test_a_crossed_seven_is_crossed_below_its_bar_and_one_stroke_styles_are_one_stroke(corpus):
    rng = np.random.default_rng(3)
    for ink in real(corpus, 7, 10):
        crossed = styles.apply("seven_crossed", ink, rng)
        bar = crossed.strokes[-1]
        pts = crossed.points()
        h = np.ptp(pts[:, 1])
        assert np.ptp(bar[:, 0]) > 3 * np.ptp(bar[:, 1])  # near-horizontal
        assert pts[:, 1].min() + 0.3 * h < bar[:, 1].mean() < pts[:, 1].min() + 0.8 * h
        assert len(styles.apply("seven_one_stroke", ink, rng).strokes) == 1
    for ink in real(corpus, 4, 10):
        assert len(styles.apply("four_one_stroke", ink, rng).strokes) == 1
        assert len(styles.apply("four_open", ink, rng).strokes) == 2
    assert all(len(styles.apply("five_one_stroke", ink, rng).strokes) == 1 for ink in real(corpus, 5, 10))


def test_without_lifting_joins_the_strokes_in_order_and_inside_canvas_keeps_the_digit(corpus):
    ink = next(i for i in real(corpus, 4, 40, 3) if len(i.strokes) == 2)
    joined = styles.without_lifting(ink)
    assert len(joined.strokes) == 1
    np.testing.assert_array_equal(joined.strokes[0], np.concatenate(ink.strokes))
    wide = Ink([np.array([[-50.0, 10.0], [400.0, 300.0]])], 280, 280)
    inside = styles.inside_canvas(wide).points()
    assert inside.min() >= 280 * styles.MARGIN - 1e-9 and inside.max() <= 280 * (1 - styles.MARGIN) + 1e-9
    small = Ink([np.array([[300.0, 10.0], [330.0, 60.0]])], 280, 280)
    moved = styles.inside_canvas(small).points()
    np.testing.assert_allclose(np.ptp(moved, axis=0), [30.0, 50.0])  # moved, not shrunk


def test_render_draws_catalogue_styles_into_their_share_of_copies_and_skips_held_out_ones(corpus):
    part = corpus.take(np.flatnonzero(np.isin(corpus.labels, (1, 6)))[:80])
    plain, y = drawn.render(part, 1, seed=4, jitter=drawn.Jitter(stroke=0.1))
    every, _ = drawn.render(part, 1, seed=4, jitter=drawn.Jitter(stroke=0.1, styles=1.0))
    ones = styles.by_digit(1, plain=False)
    none, _ = drawn.render(part, 1, seed=4, jitter=drawn.Jitter(stroke=0.1, styles=1.0,
                                                                 skip=tuple(s.name for s in ones)))
    changed = (plain != every).any(axis=(1, 2))
    assert changed[y == 1].all() and not changed[y == 6].any()  # 6 has no styles: left alone
    np.testing.assert_array_equal(none, plain)  # every style of 1 held out: 1s as drawn


def test_the_pen_digit_format_joins_the_strokes_and_squares_the_digit(corpus):
    ink = next(i for i in real(corpus, 7, 40, 3) if len(i.strokes) == 2)
    pts = pendigits.from_ink(ink)
    assert pts.shape == (8, 2) and np.array_equal(pts, np.rint(pts))
    assert pts.min(axis=0).tolist() == [0, 0] and pts.max(axis=0).tolist() == [100, 100]
    # two strokes: | then | to its right; joined, the pen-up is a diagonal the 8 points run along
    bars = Ink([np.array([[50.0, 50.0], [50.0, 150.0]]), np.array([[150.0, 50.0], [150.0, 150.0]])])
    pts = pendigits.from_ink(bars)
    assert pts[0].tolist() == [0, 0] and pts[-1].tolist() == [100, 100]
    between = pts[(pts[:, 0] > 0) & (pts[:, 0] < 100)]
    assert len(between) >= 2
    np.testing.assert_allclose(between.sum(axis=1), 100, atol=1)  # on the line from (0, 100) to (100, 0)
    one = Ink([np.array([[140.0, 20.0], [150.0, 260.0]])])  # a thin 1 comes out as wide as tall
    x = ink_to_input(pendigits.to_ink(pendigits.from_ink(one)))
    cols, rows = np.flatnonzero(x.max(axis=0) > 0.3), np.flatnonzero(x.max(axis=1) > 0.3)
    assert np.ptp(cols) > 0.8 * np.ptp(rows)


# ------------------------------------------------------------------------------------ the folds
def test_no_writer_or_source_is_ever_on_both_sides_of_a_fold(corpus):
    both = corpus
    n_pen = int((both.labs == "pendigits").sum())
    assert n_pen == 7494  # the pen-digit source: writers unknown, so the whole file is one side
    held_once = np.zeros(len(both), int)
    for fold in families.FOLDS:
        train, held = families.split(both, fold)
        assert len(train) + len(held) == len(both)
        known = set(train.writers.tolist()) & set(held.writers.tolist()) - {""}
        assert not known, sorted(known)[:3]
        assert set(train.labs.tolist()).isdisjoint(held.labs.tolist())  # whole labs, whole sources
        pen_train, pen_held = (train.labs == "pendigits").sum(), (held.labs == "pendigits").sum()
        assert (pen_train, pen_held) in ((n_pen, 0), (0, n_pen))
        held_once += np.isin(both.labs, held.labs)
    assert (held_once == 1).all()  # every digit is judged by exactly one fold
    check = [f for f in families.FOLDS if set(f.labs) & set(drawn.CHECK_LABS)]
    assert len(check) == 1 and set(check[0].labs) == set(drawn.CHECK_LABS)


def test_every_style_is_held_out_of_exactly_one_fold():
    held = [name for fold in families.FOLDS for name in fold.styles]
    assert sorted(held) == sorted(s.name for s in styles.STYLES if not s.plain)


def test_a_fold_is_judged_on_its_held_out_writers_only(corpus):
    fold = families.FOLDS[-1]
    train, held = families.split(corpus, fold)
    fams = families.families(held, fold)
    assert {"tablet", "pen format", "German-like", "phone-like"} <= set(fams)
    writers = set(held.writers.tolist())
    for name, d in fams.items():
        assert set(d.writers.tolist()) <= writers, name
    tablet = held.labs != "pendigits"  # this fold holds out the pen-digit source too
    assert len(fams["tablet"]) == tablet.sum() == 800 and len(fams["pendigits"]) == 7494
    long_flags = fams["style one_long_flag"]
    assert (long_flags.labels == 1).all() and len(long_flags) == int((held.labels[tablet] == 1).sum())
    again = families.families(held, fold)["German-like"]
    assert all(same(a, b) for a, b in zip(again.inks, fams["German-like"].inks))  # seeded
