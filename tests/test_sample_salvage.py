"""Salvaging a damaged sample store costs bounded memory and time, however the file is damaged.

The reproduction is the Hypothesis example that made tests/test_fuzz.py::test_damaged_sample_stores
eat all 24 GB of the machine: two table pages whose cell pointers were overwritten, so that a scan
in id order handed back a row with id 0 after id 20. The salvage went on from "the last id read",
0, and read the same 20 rows again and again (a million times) into a list. It runs here in a
child process with a 1.5 GB address-space limit and a timeout, so a regression fails this test
instead of the machine.
"""
from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import textwrap

from helpers import ROOT, cli_env, digit_ink, mnist

from model.samples.salvage import readable_rows
from model.samples.sample import COLUMNS
from model.samples.store import SampleStore

# Bytes 8..23 (the cell pointer array) of the two damaged pages, from the saved Hypothesis example.
DAMAGE = (bytes.fromhex("73e0b5d6c221483d1fab9f3f7b774012"), bytes.fromhex("5e65554334a6e47c93c0e92cabe7b34e"))


def forty_samples(path):
    """The store tests/test_fuzz.py damages: 40 samples, two per table page."""
    x, y = mnist()
    with SampleStore(path) as store:
        return [store.add(x[i * 50], int(y[i * 50]), ink=digit_ink(i % 10, size=100 + i)) for i in range(40)]


def open_in_child(path, limit_mb=1500, timeout=120):
    code = textwrap.dedent(f"""
        import json, resource
        resource.setrlimit(resource.RLIMIT_AS, ({limit_mb} * 2**20, {limit_mb} * 2**20))
        from model.samples.store import SampleStore
        with SampleStore({str(path)!r}) as s:
            print(json.dumps({{"salvaged": s.salvaged, "lost": s.lost, "ids": s.ids().tolist(),
                              "message": s.recovery_message}}))
    """)
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=cli_env(path.parent), capture_output=True,
                          text=True, timeout=timeout)
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout)


def test_rows_handed_back_out_of_order_are_read_once(tmp_path):
    path = tmp_path / "samples.sqlite3"
    ids = forty_samples(path)
    conn = sqlite3.connect(path)
    page = conn.execute("PRAGMA page_size").fetchone()[0]
    images = [conn.execute("SELECT image FROM samples WHERE id = ?", (i,)).fetchone()[0] for i in (21, 23)]
    conn.close()
    data = bytearray(path.read_bytes())
    for image, damage in zip(images, DAMAGE):
        at = data.find(image) // page * page + 8
        data[at:at + 16] = damage
    path.write_bytes(bytes(data))

    result = open_in_child(path)
    assert result["ids"] == [i for i in ids if not 21 <= i <= 24]
    assert result["salvaged"] == 36 and result["lost"] == 4
    assert "36 sample(s) could be read" in result["message"] and "4 could not be read" in result["message"]


class _LoopingDamage:
    """A connection whose scans, like a damaged b-tree, hand back an earlier row and then fail."""

    def __init__(self, rows):
        self.rows = rows

    def execute(self, sql, params=()):
        if "sqlite_sequence" in sql or "max(id)" in sql:
            return _Cursor([(len(self.rows),)])
        if "count(*)" in sql:
            return _Cursor([(len(self.rows),)])
        if "WHERE id = ?" in sql:
            return _Cursor([r for r in self.rows if r[0] == params[0]])
        after = params[0]
        return _Cursor([r for r in self.rows if r[0] > after][:3] + [self.rows[0]], fail=True)


class _Cursor:
    def __init__(self, rows, fail=False):
        self.rows, self.fail = rows, fail

    def __iter__(self):
        yield from self.rows
        if self.fail:
            raise sqlite3.DatabaseError("database disk image is malformed")

    def fetchone(self):
        return self.rows[0] if self.rows else None


def test_a_scan_that_goes_back_never_reads_the_same_rows_twice():
    assert COLUMNS.split(", ")[0] == "id"
    rows = [(i, i % 10, bytes(784), None, None, None, "2026-01-01T00:00:00+00:00") for i in range(1, 101)]
    kept, lost = readable_rows(_LoopingDamage(rows), budget=10_000)
    assert [r[0] for r in kept] == list(range(1, 101)) and lost == 0


def test_salvage_time_is_bounded_by_its_budget():
    rows = [(i, 1, bytes(784), None, None, None, "x") for i in range(1, 11)]
    damaged = _LoopingDamage(rows)
    damaged.execute = lambda sql, params=(), old=damaged.execute: (
        _Cursor([(10**15,)]) if "sqlite_sequence" in sql else old(sql, params))
    kept, _ = readable_rows(damaged, budget=5_000)  # ids up to 10**15: stops after 5,000 steps
    assert [r[0] for r in kept] == list(range(1, 11))
