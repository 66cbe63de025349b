"""Never harm what is not DigitPad's (issue 21): every path a person names.

``train --out`` / ``personalize --out`` replace only a DigitPad model directory; exports replace
only an earlier export; ``personalize --samples FILE`` reads a file that is not DigitPad's sample
store and leaves it exactly as it was; pictures are never written over a person's own. The last
test is a property: whatever files, folders and special files the path-taking commands are
pointed at, nothing DigitPad did not create is deleted, renamed or modified, and every refusal is
a message.
"""
from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import stat
import zipfile
from pathlib import Path

import pytest
from helpers import ROOT, card, make_model_dir, mnist, random_weights, sample_ink
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.cli.main import main
from model.samples.store import SampleStore
from model.store.card import ModelCard
from model.store.models import ModelStore, StoreError
from model.store.saving import recover_model_dir, write_model_dir

THREE = ROOT / "assets" / "samples" / "three.json"


def check_out_dir(target):
    from model.store.saving import check_out_dir

    return check_out_dir(target)


def is_model_dir(path) -> bool:
    from model.store.saving import is_model_dir

    return is_model_dir(path)


def snapshot(root: Path) -> dict[str, tuple]:
    """Everything under root: kind, mode, size, mtime and content hash of each entry."""
    found = {}
    for dirpath, dirnames, filenames in os.walk(root):
        for name in dirnames + filenames:
            path = Path(dirpath) / name
            st_ = path.lstat()
            digest = None
            if stat.S_ISREG(st_.st_mode):
                digest = hashlib.sha1(path.read_bytes()).hexdigest()
            found[str(path.relative_to(root))] = (stat.S_IFMT(st_.st_mode), st_.st_mode, st_.st_size,
                                                  st_.st_mtime_ns, digest)
    return found


def cli(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def weights_writer(seed=0):
    return lambda folder: random_weights(folder / "weights.npz", seed=seed)


# -------------------------------------------------------------------------------- --out
@pytest.fixture
def places(tmp_path):
    """Things a person may name as --out: their file, their folder, the working folder, the data folder."""
    thesis = tmp_path / "thesis.txt"
    thesis.write_text("three years of work")
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "notes.md").write_text("notes")
    fake = tmp_path / "fake-model"  # a folder with a DigitPad card and something of the person's
    make_model_dir(fake, linear=False)
    (fake / "photo.jpg").write_bytes(b"\xff\xd8 a photo")
    return {"file": thesis, "folder": mine, "cwd": tmp_path, "fake-model": fake}


@pytest.mark.parametrize("which", ["file", "folder", "cwd", "fake-model", "home"])
def test_out_refuses_what_is_not_a_digitpad_model_directory(tmp_path, home, places, which, capsys, monkeypatch):
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "rescued"))  # where the refused API save keeps it
    (tmp_path / "rescued").mkdir()
    target = home if which == "home" else places[which]
    if which == "home":
        (home / "samples.sqlite3").write_bytes(b"")
    before = snapshot(tmp_path)
    with pytest.raises(StoreError, match="DigitPad only replaces its own model directories|symbolic|inside"):
        check_out_dir(target)
    with pytest.raises(StoreError):  # the API refuses too, and the model is saved elsewhere, not lost
        write_model_dir(target, ModelCard(name="New"), weights_writer())
    code, out, err = cli(capsys, "train", "--data", "mnist", "--out", target)  # refused before any training
    assert code == 1 and err.startswith("digitpad: --out: ") and "Traceback" not in err
    after = snapshot(tmp_path)
    assert {k: v for k, v in after.items() if not k.startswith("rescued")} == {
        k: v for k, v in before.items() if not k.startswith("rescued")}
    assert len(list((tmp_path / "rescued").iterdir())) == 1  # the model the API was asked to save is not lost


def test_out_replaces_its_own_model_directory_and_fills_an_empty_folder(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    info = write_model_dir(empty, ModelCard(name="First"), weights_writer(1))
    assert is_model_dir(empty) and info.name == "First"
    again = write_model_dir(empty, ModelCard(name="Second"), weights_writer(2))
    assert again.name == "Second" and sorted(p.name for p in tmp_path.iterdir()) == ["empty"]
    new = tmp_path / "a" / "b" / "model"
    assert write_model_dir(new, ModelCard(name="Deep"), weights_writer(3)).path == new


def test_out_is_never_inside_a_model_directory_nor_the_shipped_default(tmp_path):
    model = make_model_dir(tmp_path / "model", linear=False)
    with pytest.raises(StoreError, match="inside the model directory"):
        check_out_dir(model / "sub")
    from model.paths import default_model_dir

    with pytest.raises(StoreError, match="shipped default model"):
        check_out_dir(default_model_dir())
    link = tmp_path / "link"
    link.symlink_to(model)
    with pytest.raises(StoreError, match="symbolic link"):
        check_out_dir(link)


def test_leftovers_named_like_a_save_are_removed_only_when_they_hold_a_models_files(tmp_path):
    target = tmp_path / "out"
    theirs = tmp_path / ".out.old-1234"  # the person's own folder that happens to be named so
    theirs.mkdir()
    (theirs / "diary.txt").write_text("private")
    ours = tmp_path / ".out.staging-5678"
    ours.mkdir()
    (ours / "weights.npz").write_bytes(b"half")
    recover_model_dir(target)
    assert (theirs / "diary.txt").read_text() == "private" and not ours.exists()


# -------------------------------------------------------------------------------- exports
@pytest.fixture
def models(store):
    a = store.save(card(name="Alpha"), weights_writer(1))
    return store, a


def test_export_never_writes_into_a_model_nor_over_a_persons_file(models, tmp_path, capsys):
    store, a = models
    weights = a.path / "weights.npz"
    before = weights.read_bytes()
    code, out, err = cli(capsys, "models", "export", a.id, weights)
    assert code == 1 and "inside the model directory" in err and weights.read_bytes() == before
    assert store.load_recognizer(a.id)  # the model still loads
    theirs = tmp_path / "holiday.zip"
    with zipfile.ZipFile(theirs, "w") as zf:
        zf.writestr("photo.jpg", b"...")
    kept = theirs.read_bytes()
    code, out, err = cli(capsys, "models", "export", a.id, theirs)
    assert code == 1 and "is not a DigitPad model archive" in err and theirs.read_bytes() == kept
    code, out, err = cli(capsys, "models", "export", a.id, tmp_path)
    assert code == 1 and "is a folder" in err
    ok = tmp_path / "alpha.zip"
    assert cli(capsys, "models", "export", a.id, ok)[0] == 0
    assert cli(capsys, "models", "export", "default", ok)[0] == 0  # an earlier export is replaced
    with zipfile.ZipFile(ok) as zf:
        assert json.loads(zf.read("card.json"))["name"] != "Alpha"


def test_samples_export_never_replaces_another_file(home, tmp_path, capsys):
    with SampleStore() as samples:
        samples.add(mnist()[0][0], 5)
    db = home / "samples.sqlite3"
    before = db.read_bytes()
    code, out, err = cli(capsys, "samples", "export", db)  # the store itself
    assert code == 1 and "not a DigitPad samples archive" in err and db.read_bytes() == before
    notes = tmp_path / "notes.txt"
    notes.write_text("mine")
    code, out, err = cli(capsys, "samples", "export", notes)
    assert code == 1 and notes.read_text() == "mine"
    ok = tmp_path / "s.zip"
    assert cli(capsys, "samples", "export", ok)[0] == 0 and cli(capsys, "samples", "export", ok)[0] == 0


def test_pictures_are_never_written_over_a_persons_own(tmp_path, capsys):
    from model.data.sources import write_idx

    x, y = mnist()
    data = tmp_path / "data"
    data.mkdir()
    write_idx(data / "train-images-idx3-ubyte", x[:200])
    write_idx(data / "train-labels-idx1-ubyte", y[:200])
    out_dir = tmp_path / "pictures"
    out_dir.mkdir()
    (out_dir / "grid.png").write_bytes(b"my own picture")
    code, out, err = cli(capsys, "explore", "--data", data, "--out", out_dir)
    assert code == 1 and "grid.png already exists" in err and (out_dir / "grid.png").read_bytes() == b"my own picture"
    (out_dir / "grid.png").unlink()
    assert cli(capsys, "explore", "--data", data, "--out", out_dir)[0] == 0
    assert cli(capsys, "explore", "--data", data, "--out", out_dir)[0] == 0  # its own pictures are replaced


# -------------------------------------------------------------------------------- --samples
def _foreign_dbs(folder: Path) -> dict[str, Path]:
    text = folder / "notes.txt"
    text.write_text("not a database")
    archive = folder / "mine.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("00001_3.json", THREE.read_text())
    other = folder / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE accounts (id INTEGER PRIMARY KEY, balance REAL)")
    conn.execute("INSERT INTO accounts VALUES (1, 9.5)")
    conn.commit()
    conn.close()
    wal = folder / "wal.db"
    conn = sqlite3.connect(wal)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("CREATE TABLE samples (id INTEGER PRIMARY KEY, label TEXT)")  # same name, not ours
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()
    empty_db = folder / "empty.db"
    empty_db.write_bytes(b"")
    return {"text": text, "zip": archive, "sqlite": other, "wal": wal, "empty": empty_db}


@pytest.mark.parametrize("kind", ["text", "zip", "sqlite", "wal", "empty", "missing"])
def test_personalize_samples_leaves_a_foreign_file_exactly_as_it_was(tmp_path, home, kind, capsys):
    folder = tmp_path / "theirs"
    folder.mkdir()
    path = _foreign_dbs(folder).get(kind, folder / "missing.sqlite3")
    before = snapshot(folder)
    code, out, err = cli(capsys, "personalize", "--samples", path)
    assert code == 1 and err.startswith("digitpad: ") and "Traceback" not in err, err
    assert ("does not exist" if kind == "missing" else "cannot be used as a sample store") in err, err
    assert snapshot(folder) == before  # not renamed, not migrated, no -wal or -shm left beside it


def test_personalize_samples_accepts_a_digitpad_store(tmp_path, home, capsys):
    path = tmp_path / "elsewhere" / "samples.sqlite3"
    path.parent.mkdir()
    with SampleStore(path) as store:
        for i in range(3):
            store.add(None, i, ink=sample_ink(i, 0))
    with SampleStore(path, named=True) as store:
        assert len(store) == 3
    code, out, err = cli(capsys, "personalize", "--samples", path)  # ours: opened, then too few samples
    assert code == 1 and "needs at least 5 samples" in err


def test_the_sample_store_is_private(home):
    SampleStore().close()
    assert stat.S_IMODE((home / "samples.sqlite3").stat().st_mode) == 0o600


# -------------------------------------------------------------------------------- models by path
def test_models_delete_understands_the_full_path_of_a_model_and_refuses_any_other(models, tmp_path, capsys):
    store, a = models
    outside = make_model_dir(tmp_path / "outside", linear=False)
    code, out, err = cli(capsys, "models", "delete", outside)
    assert code == 1 and "not one of the models in" in err and (outside / "card.json").is_file()
    code, out, err = cli(capsys, "models", "delete", a.path)
    assert code == 0 and out.strip() == f"Deleted {a.id}" and not a.path.exists()


# -------------------------------------------------------------------------------- the property
FUZZ = settings(max_examples=40, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
KINDS = ["file", "zip", "folder", "empty-folder", "model-folder", "fifo", "link", "missing", "nested-missing"]


def _make(root: Path, kind: str, i: int) -> Path:
    path = root / f"thing-{i}-{kind}"
    if kind == "file":
        path.write_text("someone's text")
    elif kind == "zip":
        with zipfile.ZipFile(path, "w") as zf:
            zf.writestr("a.txt", "x")
    elif kind == "folder":
        path.mkdir()
        (path / "inside.txt").write_text("theirs")
    elif kind == "empty-folder":
        path.mkdir()
    elif kind == "model-folder":
        make_model_dir(path, linear=False)
        (path / "theirs.txt").write_text("not a model's file")
    elif kind == "fifo":
        os.mkfifo(path)
    elif kind == "link":
        path.symlink_to(root / "thing-0-file")
    elif kind == "nested-missing":
        return root / "no" / "such" / f"place-{i}"
    return path


COMMANDS = [
    lambda p, m: ["train", "--data", p, "--out", p],
    lambda p, m: ["personalize", "--out", p],
    lambda p, m: ["personalize", "--samples", p],
    lambda p, m: ["personalize", "--model", p],
    lambda p, m: ["models", "export", m, p],
    lambda p, m: ["models", "import", p],
    lambda p, m: ["models", "delete", p],
    lambda p, m: ["models", "activate", p],
    lambda p, m: ["samples", "export", p],
    lambda p, m: ["samples", "import", p],
    lambda p, m: ["samples", "add", "--label", "3", p],
    lambda p, m: ["predict", p],
    lambda p, m: ["predict", "--model", p, THREE],
    lambda p, m: ["evaluate", "--model", p, "--data", p],
    lambda p, m: ["explore", "--data", p, "--out", p],
    lambda p, m: ["samples", "check", "--model", p],
]


def _digitpads(path: Path) -> bool:
    from app.cli.common import _our_png
    from model.samples.archive import is_samples_archive
    from model.store.exchange import is_model_archive

    if path.is_dir() and not path.is_symlink():
        return is_model_dir(path) or all(_digitpads(p) for p in path.iterdir())
    return (is_model_dir(path.parent) or is_model_archive(path) or is_samples_archive(path)
            or (path.suffix == ".png" and _our_png(path)))


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    """A data folder with a model and samples, and a place full of other people's things."""
    root = tmp_path_factory.mktemp("theirs")
    (root / "thing-0-file").write_text("the link's target")
    home = tmp_path_factory.mktemp("home")
    store = ModelStore(home=home)
    model = store.save(card(name="Mine"), weights_writer(5))
    with SampleStore(home / "samples.sqlite3") as samples:
        samples.add(None, 3, ink=sample_ink(3, 0))
    return root, home, model.id


@FUZZ
@given(kinds=st.lists(st.sampled_from(KINDS), min_size=1, max_size=3),
       commands=st.lists(st.integers(0, len(COMMANDS) - 1), min_size=1, max_size=4))
def test_no_path_a_command_is_given_loses_or_changes_what_is_not_digitpads(world, kinds, commands, monkeypatch,
                                                                             capsys):
    root, home, model_id = world
    monkeypatch.setenv("DIGITPAD_HOME", str(home))
    things = [_make(root, kind, i) for i, kind in enumerate(kinds, start=1)]
    try:
        before = snapshot(root)
        for n, thing in zip(commands, things * len(commands)):
            args = COMMANDS[n](thing, model_id)
            code = main([str(a) for a in args])
            out, err = capsys.readouterr()
            assert code in (0, 1), (args, err)
            assert code == 0 or err.startswith("digitpad: "), (args, err)
            assert "Traceback" not in err, (args, err)
        after = snapshot(root)
        for name, entry in before.items():  # nothing of theirs is gone, renamed or changed
            assert after.get(name) == entry, (name, commands, kinds)
        for name in set(after) - set(before):  # what is new is DigitPad's: a model, an export, its folders
            assert _digitpads(root / name), (name, commands, kinds)
    finally:
        for thing in root.iterdir():
            if thing.name != "thing-0-file":
                if thing.is_dir() and not thing.is_symlink():
                    import shutil

                    shutil.rmtree(thing)
                else:
                    thing.unlink()
