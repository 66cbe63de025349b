"""``digitpad explore --data SOURCE``: class counts per split; a grid of digits and the mean digits as PNGs."""
from __future__ import annotations

import json

from .common import EXIT_OK, CliError, check_pngs, digit, out, out_dir, positive, save_png


def register(sub) -> None:
    sp = sub.add_parser("explore", help="class counts per split; a grid of digits and the mean digits as PNGs")
    sp.add_argument("--data", required=True, metavar="SOURCE", help="'mnist', an IDX folder or an .npz")
    sp.add_argument("--out", metavar="DIR", help="write grid.png and means.png here")
    sp.add_argument("--split", choices=("train", "test"),
                    help="the split the pictures show (default: train, or test for test files only)")
    sp.add_argument("--digit", type=digit, metavar="D", help="only this digit in the grid")
    sp.add_argument("--limit", type=positive, default=200, metavar="N", help="digits in the grid (default 200)")
    sp.add_argument("--pixels", type=int, metavar="INDEX",
                    help="print this digit's 28x28 pixel values (index in --split); with --out also pixels.png")
    sp.add_argument("--json", action="store_true", help="print the result as one JSON object")
    sp.set_defaults(func=run)


def run(args) -> int:
    from model.data import explore
    from model.data import sources as data

    ds = data.load_source(args.data, split=False)
    parts = explore.splits(ds)
    counts = explore.class_counts(ds)
    if args.split is None:
        args.split = "train" if "train" in parts else next(iter(parts))
    if args.split not in parts:
        raise CliError(f"{ds.name} has no {args.split} split (it has {', '.join(parts)}).")
    x, y = parts[args.split]
    pixels = None
    if args.pixels is not None:
        if not 0 <= args.pixels < len(y):
            raise CliError(f"--pixels {args.pixels}: the {args.split} split has digits 0 to {len(y) - 1}.")
        pixels = explore.pixel_values(x[args.pixels])
    files = []
    if args.out:
        folder = out_dir(args.out)
        pictures = [(folder / "grid.png", lambda: explore.grid_image(x, y, digit=args.digit, limit=args.limit)),
                    (folder / "means.png", lambda: explore.means_image(x, y))]
        if pixels is not None:
            label = f"{args.split} #{args.pixels}: a {int(y[args.pixels])}"
            pictures.append((folder / "pixels.png", lambda: explore.pixels_image(pixels, label=label)))
        check_pngs([path for path, _ in pictures])  # all refused or none: never half of them written
        for path, draw in pictures:
            save_png(draw(), path)
            files.append(path)
    if args.json:
        doc = {"data": ds.name, "splits": {name: {"n": sum(c), "counts": c} for name, c in counts.items()},
               "files": [str(f) for f in files]}
        if pixels is not None:
            doc["pixels"] = {"split": args.split, "index": args.pixels, "label": int(y[args.pixels]),
                             "values": pixels.tolist()}
        out(json.dumps(doc))
        return EXIT_OK
    out(f"Data: {ds.name}")
    if "test" not in counts:
        out("      (no test split: every digit is in 'train')")
    out("digit  " + " ".join(f"{d:>6}" for d in range(10)) + "   total")
    for name, c in counts.items():
        out(f"{name:<6} " + " ".join(f"{v:>6,}" for v in c) + f" {sum(c):>7,}")
    if pixels is not None:
        out(f"\n{args.split} #{args.pixels} is a {int(y[args.pixels])}; its pixel values (0 = black, 255 = white):")
        out(explore.pixel_text(pixels))
    for f in files:
        out(f"Wrote {f}")
    return EXIT_OK
