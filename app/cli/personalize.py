"""``digitpad personalize``: fine-tune a model on your samples; before/after accuracy."""
from __future__ import annotations

import json

from .common import (
    EXIT_OK,
    ProgressBar,
    err,
    events_command,
    on_terminal,
    open_samples,
    out,
    out_model_dir,
    positive,
    shown,
)


def register(sub) -> None:
    sp = sub.add_parser("personalize", help="fine-tune a model on your samples; before/after accuracy")
    sp.add_argument("--model", metavar="DIR", help="model directory or id (default: the active model)")
    sp.add_argument("--data", metavar="SOURCE",
                    help="its base data ('mnist', an IDX folder or an .npz; default: what its card names)")
    sp.add_argument("--out", metavar="DIR",
                    help="write the model directory here instead of the model store: a new folder, an empty one, or"
                         " a model directory DigitPad wrote (replaced); any other folder or file is left alone and"
                         " refused")
    sp.add_argument("--activate", action="store_true", help="make the new model the active one")
    sp.add_argument("--epochs", type=positive, default=None, help="fine-tuning epochs (default 4)")
    sp.add_argument("--seed", type=int, default=42,
                    help="picks the held-out samples and the base digits mixed in (default %(default)s)")
    sp.add_argument("--json", action="store_true", help="print the result as one JSON line")
    sp.add_argument("--samples", metavar="FILE",
                    help="the sample store to learn from (default: yours): a DigitPad sample store (samples.sqlite3);"
                         " it is only read, and anything else is refused")
    sp.add_argument("--no-download", dest="download", action="store_false",
                    help="when the model learnt from MNIST and MNIST is not on this computer, do not download it"
                         " (11 MB, once) to mix in; then it may read MNIST's digits worse afterwards")
    sp.add_argument("--recipe", metavar="JSON",
                    help="fine-tuning settings as JSON, fields of model.training.personalize.Recipe, e.g. "
                         "'{\"epochs\": 6, \"refit\": false}' (default: the tuned recipe)")
    sp.add_argument("--events", action="store_true",
                    help="for programs (the window runs Personalise this way): print JSON lines on stdout as it"
                         " goes ({\"event\": \"progress\"|\"result\", ...}), the result last")
    sp.set_defaults(func=run)


@events_command
def run(args) -> int:
    from model.errors import ConfigError
    from model.store.models import ModelStore
    from model.training.personalize import Personalizer, Recipe

    from . import events

    if args.out:
        out_model_dir(args.out)  # refused before the fine-tuning, not after it
    store = ModelStore()
    chosen = store.choose(args.model)
    info = chosen.info
    if chosen.fallback_reason and not args.events:
        err(f"digitpad: {shown(chosen.fallback_reason)}")
    recipe = _recipe(args.recipe, Recipe)
    samples = open_samples(args.samples)
    progress = events.ProgressEvents() if args.events else ProgressBar(enabled=not args.json and on_terminal())
    if args.events:
        from model.training.tf_runtime import tensorflow_loaded

        if not tensorflow_loaded():
            events.status("Starting TensorFlow (the first time takes a few seconds)…")
    try:
        # --data's test split is carved as the model's card says its training carved it.
        job = Personalizer(store, samples, model_id=str(info.path) if args.model else None, base=args.data,
                           seed=args.seed, epochs=args.epochs, recipe=recipe, on_progress=progress, out=args.out,
                           download=args.download, on_status=_status(args.events))
        result = job.run()
    except ConfigError as exc:
        raise _as_own_option(exc, info.name, recipe_class=Recipe) from None
    finally:
        if not args.events:
            progress.close()
        samples.close()
    if args.events:
        values = events.fields(result)
        values.pop("info", None)  # the window reads its own store
        events.send("result", **values)
        return EXIT_OK
    if args.activate and not args.out:
        store.activate(result.model_id)
    if args.json:
        out(json.dumps({"before": result.before, "after": result.after, "model": str(result.model_dir),
                         "id": result.model_id, "n_finetune": result.n_finetune, "n_heldout": result.n_heldout,
                         "seconds": round(result.seconds, 2), "notes": result.notes}))
        return EXIT_OK
    for note in result.notes:
        err(f"digitpad: {note}")
    from model.training.base_data import MNIST_NOTE

    if result.data_name is None or any(MNIST_NOTE in note for note in result.notes):
        err("digitpad: to mix its training data in, pass it with --data SOURCE (--data mnist downloads MNIST once).")
    _print_table(result, args)
    return EXIT_OK


def _print_table(result, args) -> None:
    def pct(v):
        return "   n/a" if v is None else f"{v:6.1%}"

    out(f"Fine-tuned {result.base_model!r} on {result.n_finetune} of your samples in {result.seconds:.1f} s")
    out(f"{'accuracy':<28} before   after")
    samples = f"your samples ({result.n_heldout} held out)"
    out(f"{samples:<28} {pct(result.before['samples'])}  {pct(result.after['samples'])}")
    out(f"{'base test':<28} {pct(result.before['base'])}  {pct(result.after['base'])}")
    if result.data_name:
        out(f"Base data: {result.data_name}")
    out(f"Saved: {shown(result.model_dir)}" + ("  (now active)" if args.activate and not args.out else ""))


def _recipe(text: str | None, recipe_class):
    """``--recipe JSON`` as a checked Recipe (None: the default); ConfigError naming --recipe."""
    if not text:
        return None
    import dataclasses

    from model.errors import ConfigError

    known = [f.name for f in dataclasses.fields(recipe_class)]
    example = " Give a JSON object of these settings, e.g. '{\"epochs\": 6}': " + ", ".join(known) + "."
    try:
        fields = json.loads(text)
    except (ValueError, RecursionError) as exc:
        raise ConfigError(f"recipe: not JSON ({exc}).{example}", field="recipe") from None
    if not isinstance(fields, dict):
        raise ConfigError(f"recipe: not a JSON object.{example}", field="recipe")
    unknown = [k for k in fields if k not in known]
    if unknown:
        raise ConfigError(f"recipe: {', '.join(map(repr, unknown))} is not a setting of the recipe.{example}",
                          field="recipe")
    return recipe_class(**fields).validate()


OPTIONS = ("model", "data", "out", "epochs", "seed", "samples", "recipe")  # settings that are options here


def _as_own_option(exc, model_name: str, recipe_class):
    """A ConfigError naming only what ``personalize`` has: a recipe setting as --recipe, a setting
    of the model's own card as the card's (not as a `train` option this command does not have)."""
    import dataclasses

    from model.errors import ConfigError

    field = getattr(exc, "field", None)
    if field in OPTIONS or field is None:
        return exc
    text = str(exc)[len(field) + 1:].strip() if str(exc).startswith(f"{field}:") else str(exc)
    if field in {f.name for f in dataclasses.fields(recipe_class)}:
        return ConfigError(f"recipe: with this recipe, {field} {text}", field="recipe")
    return ConfigError(f"The card of {model_name!r} holds a setting DigitPad cannot fine-tune with ({field}: {text})"
                       " Train a new model, or personalise another one.")


def _status(events: bool):
    """What a step that takes a while says: an event with --events, else a line on stderr."""
    def say(text: str) -> None:
        if events:
            from .events import status

            status(text)
        else:
            err(f"digitpad: {text}")

    return say
