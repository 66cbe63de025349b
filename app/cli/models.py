"""``digitpad models list|activate|rename|delete|export|import|reset``."""
from __future__ import annotations

import json

from .common import EXIT_OK, err, out


def register(sub) -> None:
    sp = sub.add_parser("models", help="list, activate, rename, delete, export or import models")
    msub = sp.add_subparsers(dest="action", required=True, metavar="ACTION")
    model_id = "the model's id, as `digitpad models list` shows it ('default' is the shipped model)"
    m = msub.add_parser("list", help="the models, the active one starred")
    m.add_argument("--json", action="store_true", help="a JSON array of {id, name, accuracy, created, path, "
                                                       "active, read_only}")
    msub.add_parser("activate", help="use this model").add_argument("id", help=model_id)
    msub.add_parser("delete", help="delete a user model").add_argument("id", help=model_id)
    m = msub.add_parser("rename", help="rename a user model")
    m.add_argument("id", help=model_id)
    m.add_argument("name", help="its new name")
    m = msub.add_parser("export", help="write a model to a .zip")
    m.add_argument("id", help=model_id)
    m.add_argument("path", help="the .zip to write")
    msub.add_parser("import", help="add a model from a .zip").add_argument(
        "path", help="a .zip written by `digitpad models export` (or Save as… in the window)")
    msub.add_parser("reset", help="make the shipped default model active again")
    sp.set_defaults(func=run)


def run(args) -> int:
    from model.store.models import ModelStore

    store = ModelStore()
    if args.action == "list":
        active = store.active()
        infos = store.list()
        if args.json:
            out(json.dumps([{"id": i.id, "name": i.name, "accuracy": i.accuracy, "created": i.created,
                             "path": str(i.path), "active": i.id == active.id, "read_only": i.read_only}
                            for i in infos]))
        else:
            for i in infos:
                out(f"{'*' if i.id == active.id else ' '} {i.id:<40} {i.summary()}")
        for problem in store.problems():
            err(f"digitpad: {problem}")
        if store.fallback_reason:
            err(f"digitpad: {store.fallback_reason}")
    elif args.action == "activate":
        out(f"Active: {store.activate(args.id).summary()}")
    elif args.action == "delete":
        store.delete(args.id)
        out(f"Deleted {args.id}")
    elif args.action == "rename":
        out(f"Renamed: {store.rename(args.id, args.name).summary()}")
    elif args.action == "export":
        out(f"Exported to {store.export(args.id, args.path)}")
    elif args.action == "import":
        info = store.import_(args.path)
        out(f"Imported as {info.id}: {info.summary()}")
    elif args.action == "reset":
        out(f"Active: {store.activate('default').summary()}")
    return EXIT_OK
