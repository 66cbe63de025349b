"""The store says when its models change, and the window's views hear it (issue 24, item 5).

A model saved from another thread (a training's worker), renamed or deleted reaches the session as
``modelsChanged`` in the GUI thread; the session puts itself right first (a deleted active model
gives way to the default, a renamed one is announced), and the Models dialog lists what is there
without being told. Importing in the dialog checks the whole model in a child process.
"""
from __future__ import annotations

import json
import threading
import zipfile

import pytest
from helpers import card, keras_bytes, random_weights

from app.models_dialog import ModelsDialog
from app.session import ActiveModel
from model.store.models import DEFAULT_ID


def save(store, name, seed=1, keras=False):
    def write(folder):
        random_weights(folder / "weights.npz", seed=seed)
        if keras:
            (folder / "model.keras").write_bytes(keras_bytes())

    return store.save(card(name=name), write)


@pytest.fixture
def session(qtbot, store):
    s = ActiveModel(store)
    s.load()
    return s


def test_a_model_saved_in_another_thread_reaches_the_session_in_the_gui_thread(qtbot, session, store):
    seen = []
    session.modelsChanged.connect(lambda: seen.append(threading.current_thread() is threading.main_thread()))
    with qtbot.waitSignal(session.modelsChanged, timeout=10_000):
        worker = threading.Thread(target=save, args=(store, "From a worker"))
        worker.start()
        worker.join()
    assert seen == [True]


def test_the_models_dialog_refreshes_itself(qtbot, session, store):
    dialog = ModelsDialog(session)
    qtbot.addWidget(dialog)
    assert dialog.model_ids() == [DEFAULT_ID]
    info = save(store, "New one")
    qtbot.waitUntil(lambda: info.id in dialog.model_ids(), timeout=5000)
    store.delete(info.id)
    qtbot.waitUntil(lambda: dialog.model_ids() == [DEFAULT_ID], timeout=5000)


def test_deleting_or_renaming_the_active_model_puts_the_session_right(qtbot, session, store):
    info = save(store, "In use")
    assert session.use(info.id) and session.model_id == info.id
    with qtbot.waitSignal(session.renamed, timeout=5000) as renamed:
        store.rename(info.id, "Renamed")
    assert renamed.args[0].name == "Renamed" and session.info.name == "Renamed"
    with qtbot.waitSignal(session.changed, timeout=5000):
        store.delete(info.id)
    assert session.model_id == DEFAULT_ID and session.recognizer is not None


def test_importing_in_the_dialog_checks_the_whole_model_in_another_process(qtbot, session, store, tmp_path,
                                                                          monkeypatch):
    from model.store import exchange

    def in_this_process(*args):
        raise AssertionError("model.keras was checked in the window's process")

    monkeypatch.setattr(exchange, "check_keras", in_this_process)
    good = save(store, "Exported", keras=True)
    path = store.export(good.id, tmp_path / "good.zip")
    store.delete(good.id)
    with zipfile.ZipFile(path) as zf:
        entries = {n: zf.read(n) for n in zf.namelist()}
    bad = tmp_path / "bad.zip"
    with zipfile.ZipFile(bad, "w") as zf:
        for n, data in entries.items():
            zf.writestr(n, b"PK not keras" if n == "model.keras" else data)
    dialog = ModelsDialog(session)
    qtbot.addWidget(dialog)
    assert not dialog.import_(bad) and "model.keras" in dialog.last_error
    assert dialog.model_ids() == [DEFAULT_ID]
    assert dialog.import_(path)
    imported = [i for i in dialog.model_ids() if i != DEFAULT_ID]
    assert len(imported) == 1 and json.loads((store.models_dir / imported[0] / "card.json").read_text())["name"] \
        == "Exported"
