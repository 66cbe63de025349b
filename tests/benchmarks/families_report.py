"""The tables bench_families.py prints: families, styles, look-alikes, digits, time; each recipe
beside the baselines, with the binomial standard error of every figure."""
from __future__ import annotations

import math

import numpy as np

LOOKALIKES = ((1, 7), (7, 1), (4, 9), (9, 4), (7, 2), (2, 7))
PROXIES = ("pen format", "German-like", "phone-like")


def _pool(column: dict, family: str, folds=None) -> tuple[np.ndarray, np.ndarray, list[float]]:
    """(labels, predictions) of a family pooled over folds and seeds, and each seed's accuracy."""
    ys, ps, per_seed = [], [], {}
    for (fold, seed), res in column.items():
        if (folds is not None and fold not in folds) or family not in res["pred"]:
            continue
        y, p = res["pred"][family]
        ys.append(y)
        ps.append(p)
        per_seed.setdefault(seed, []).append((y, p))
    if not ys:
        return np.zeros(0), np.zeros(0), []
    seeds = [float(np.mean(np.concatenate([p for _, p in v]) == np.concatenate([y for y, _ in v])))
             for v in per_seed.values()]
    return np.concatenate(ys), np.concatenate(ps), seeds


class Cell:
    where = ""  # for a "worst" cell: which family it is

    def __init__(self, y, p, seeds, n_digits=None, mask=None):
        if mask is not None:
            y, p = y[mask], p[mask]
        self.n = len(y)
        self.acc = float(np.mean(y == p)) if self.n else math.nan
        self.n_digits = n_digits or (self.n // max(1, len(seeds)) if seeds else self.n)
        self.se = math.sqrt(max(self.acc * (1 - self.acc), 0.25 / max(self.n_digits, 1)) / max(self.n_digits, 1)) \
            if self.n else math.nan
        self.spread = (max(seeds) - min(seeds)) if len(seeds) > 1 else None

    def text(self, base: Cell | None = None) -> str:
        if not self.n:
            return "-"
        s = f"{self.acc:6.2%} ±{self.se:.2%}"
        if self.spread is not None:
            s += f" ({self.spread:.1%})"
        if base is not None and base.n and self.acc < base.acc - 2 * math.hypot(self.se, base.se):
            s += " !"
        return s


def rows_of(folds) -> list[tuple[str, str, object]]:
    """(row label, family, folds it is pooled over or None for all)."""
    rows = [(f"tablet {f.name}", "tablet", [f.name]) for f in folds]
    rows.append(("tablet, all groups", "tablet", None))
    rows.append(("pendigits.tra (source held out)", "pendigits", None))
    rows += [(f"{p} (proxy)", p, None) for p in PROXIES]
    rows.append(("MNIST held-out (mean of the folds)", "MNIST", None))
    return rows


def family_cells(column: dict, folds) -> dict[str, Cell]:
    cells = {}
    for label, family, fold_names in rows_of(folds):
        y, p, seeds = _pool(column, family, fold_names)
        cells[label] = Cell(y, p, seeds, n_digits=1000 if family == "MNIST" else None)
    for digit in (1, 7):
        y, p, seeds = _pool(column, "German-like")
        cells[f"German-like {digit}s"] = Cell(y, p, seeds, mask=y == digit)
    sevens = []  # the 7s of every family: a flagged 1 must not cost them
    for label, family, fold_names in rows_of(folds):
        if not label.startswith("tablet, all"):
            y, p, seeds = _pool(column, family, fold_names)
            if np.any(y == 7):
                sevens.append(Cell(y, p, seeds, mask=y == 7))
                sevens[-1].where = label
    cells["7s, worst family"] = min(sevens, key=lambda c: c.acc) if sevens else Cell(np.zeros(0), np.zeros(0), [])
    return cells


def style_cells(column: dict, folds) -> dict[str, tuple[Cell, Cell]]:
    from model.data import styles

    out = {}
    for style in styles.STYLES:
        held = [f.name for f in folds if style.name in f.styles]
        trained = [f.name for f in folds if style.name not in f.styles]
        fam = f"style {style.name}"
        out[style.name] = (Cell(*_pool(column, fam, trained)), Cell(*_pool(column, fam, held)))
    return out


def _table(title: str, labels: list[str], columns: dict[str, dict[str, Cell]], base: str | None) -> None:
    print(f"\n{title}")
    names = list(columns)
    width = max(len(x) for x in labels) + 2
    print(" " * width + "".join(f"{n[:24]:>26}" for n in names))
    for label in labels:
        cells = [columns[n].get(label) for n in names]
        ref = columns[base].get(label) if base in columns else None
        print(f"{label:<{width}}" + "".join(f"{(c.text(ref if n != base else None) if c else '-'):>26}"
                                           for n, c in zip(names, cells)))


def report(columns: dict[str, dict], folds, baselines: list[str]) -> None:
    from model.data import styles

    base = baselines[0] if baselines else None
    fam = {name: family_cells(col, folds) for name, col in columns.items()}
    sty = {name: style_cells(col, folds) for name, col in columns.items()}
    for name in columns:  # the worst family, and the worst style
        cells = [(label, c) for label, c in fam[name].items()
                 if c.n and not label.startswith(("tablet, all", "German-like ", "7s, "))]
        label, worst = min(cells, key=lambda lc: lc[1].acc) if cells else ("", Cell(np.zeros(0), np.zeros(0), []))
        worst.where = worst.where or label
        fam[name]["worst family"] = worst
        for k, which in enumerate(("trained", "held out")):
            cells = [pair[k] for pair in sty[name].values() if pair[k].n]
            fam[name][f"worst style ({which})"] = (min(cells, key=lambda c: c.acc) if cells
                                                   else Cell(np.zeros(0), np.zeros(0), []))
    labels = [r[0] for r in rows_of(folds)] + ["German-like 1s", "German-like 7s", "7s, worst family", "worst family",
                                               "worst style (trained)", "worst style (held out)"]
    print("\nEach figure: accuracy ±binomial standard error (spread between seeds); '!' = below "
          f"{base} by more than twice the standard error of the difference.")
    _table("FAMILIES (every digit read by a model that never trained on its writers or source)", labels, fam, base)
    for name in columns:
        print(f"  {name}: worst family {fam[name]['worst family'].where or '-'}; 7s read worst in"
              f" {fam[name]['7s, worst family'].where or '-'}")
    style_cols = {n: {f"{s} {w}": sty[n][s][k] for s in sty[n] for k, w in enumerate(("trained", "held out"))}
                  for n in columns}
    _table("STYLES (held-out writers' digits drawn in the style; 'held out': the fold that never drew it)",
           [f"{s.name} {w}" for s in styles.STYLES for w in ("trained", "held out")], style_cols, base)
    _lookalikes(columns, folds)
    _digits(columns)
    _timing(columns)


def _rate(y, p, a, b) -> str:
    n = int(np.sum(y == a))
    return f"{np.sum((y == a) & (p == b)) / n:6.1%}" if n else "     -"


def _lookalikes(columns: dict, folds) -> None:
    from model.data import styles

    print("\nLOOK-ALIKES: share of a digit read as its look-alike (a->b), on the tablet digits of every"
          " group, the proxies, and per style (pooled over all folds)")
    fams = ["tablet", *PROXIES] + [f"style {s.name}" for s in styles.STYLES]
    for name, col in columns.items():
        print(f"  {name}")
        print("    " + f"{'':<30}" + "".join(f"{f'{a}->{b}':>8}" for a, b in LOOKALIKES))
        for family in fams:
            y, p, _ = _pool(col, family)
            if not len(y):
                continue
            print("    " + f"{family:<30}" + "".join(f"{_rate(y, p, a, b):>8}" for a, b in LOOKALIKES))


def _digits(columns: dict) -> None:
    print("\nPER DIGIT: tablet digits of every group / pen format / MNIST")
    print(f"{'':<26}" + "".join(f"{d:>8}" for d in range(10)))
    for name, col in columns.items():
        for family in ("tablet", "pen format", "MNIST"):
            y, p, _ = _pool(col, family)
            if len(y):
                accs = [f"{np.mean(p[y == d] == d):8.1%}" if np.any(y == d) else "       -" for d in range(10)]
                print(f"{(name[:14] + ' ' + family)[:26]:<26}" + "".join(accs))


def _timing(columns: dict) -> None:
    print("\nTIME per fold (training alone; wall / CPU seconds, load average, drawn training digits, epochs)")
    for name, col in columns.items():
        t = [r["timing"] for r in col.values() if r["timing"]]
        if not t:
            continue
        cached = sum(r["cached"] for r in col.values())
        print(f"  {name}: wall {np.mean([x['wall_s'] for x in t]):.0f} s, CPU {np.mean([x['cpu_s'] for x in t]):.0f} s,"
              f" load {min(x['load'][0] for x in t):.1f}-{max(x['load'][1] for x in t):.1f},"
              f" {int(np.mean([x['n_extra'] for x in t])):,} drawn digits, {t[0]['epochs']} epochs"
              + (f" ({cached} of {len(col)} folds from the cache)" if cached else ""))
