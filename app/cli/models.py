"""``digitpad models list|activate|rename|delete|export|import|reset``."""
from __future__ import annotations

import json

from .common import EXIT_OK, err, out, shown


def register(sub) -> None:
    sp = sub.add_parser("models", help="list, activate, rename, delete, export or import models")
    msub = sp.add_subparsers(dest="action", required=True, metavar="ACTION")
    model_id = ("the model's id, as `digitpad models list` shows it ('default' is the shipped model), or the path"
                " of its folder in DigitPad's data folder")
    m = msub.add_parser("list", help="the models, the active one starred")
    m.add_argument("--json", action="store_true", help="a JSON array of {id, name, accuracy, created, path, "
                                                       "active, read_only}")
    msub.add_parser("activate", help="use this model").add_argument("id", help=model_id)
    msub.add_parser("delete", help="delete a user model").add_argument("id", help=model_id)
    m = msub.add_parser("rename", help="rename a user model")
    m.add_argument("id", help=model_id)
    m.add_argument("name", help="its new name (at most 200 characters)")
    m = msub.add_parser("export", help="write a model to a .zip")
    m.add_argument("id", help=model_id)
    m.add_argument("path", help="the .zip to write: a new file, or an earlier model export (any other existing "
                                "file is left alone and the export refused)")
    m = msub.add_parser("import", help="add a model from a .zip (or a model folder), after checking all of it")
    m.add_argument("path", help="a .zip written by `digitpad models export` (or Export… in the window), or a model"
                                " folder (`train --out`); its card, weights and model.keras are checked first")
    m.add_argument("--json", action="store_true", help="print the imported model as one JSON object")
    msub.add_parser("reset", help="make the shipped default model active again")
    sp.set_defaults(func=run)


def run(args) -> int:
    from model import paths
    from model.store.models import ModelStore

    store = ModelStore()
    if args.action in ("activate", "delete", "rename", "import", "reset"):
        paths.data_home()  # one clear message when the data folder cannot be used
    return _ACTIONS[args.action](store, args) or EXIT_OK


def _list(store, args) -> int:
    chosen = store.choose()
    infos = store.list()
    active = chosen.info
    if args.json:
        out(json.dumps([{"id": i.id, "name": i.name, "accuracy": i.accuracy, "created": i.created,
                         "path": str(i.path), "active": i.id == active.id, "read_only": i.read_only}
                        for i in infos]))
    else:
        for i in infos:
            out(f"{'*' if i.id == active.id else ' '} {shown(i.id):<40} {shown(i.summary())}")
    for problem in store.problems():
        err(f"digitpad: {shown(problem)}")
    if chosen.fallback_reason:
        err(f"digitpad: {shown(chosen.fallback_reason)}")
    return EXIT_OK


def _import(store, args) -> int:
    info = store.import_(args.path)
    if args.json:
        out(json.dumps({"id": info.id, "name": info.name, "path": str(info.path), "accuracy": info.accuracy}))
    else:
        out(f"Imported as {shown(info.id)}: {shown(info.summary())}")
    return EXIT_OK


def _delete(store, args) -> int:
    model_id = store.model_id(args.id)
    store.delete(model_id)
    out(f"Deleted {shown(model_id)}")
    return EXIT_OK


_ACTIONS = {
    "list": _list,
    "activate": lambda store, args: out(f"Active: {shown(store.activate(args.id).summary())}"),
    "delete": _delete,
    "rename": lambda store, args: out(f"Renamed: {shown(store.rename(args.id, args.name).summary())}"),
    "export": lambda store, args: out(f"Exported to {shown(store.export(args.id, args.path))}"),
    "import": _import,
    "reset": lambda store, args: out(f"Active: {shown(store.activate('default').summary())}"),
}
