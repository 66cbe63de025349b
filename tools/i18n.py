"""Update the window's translations and compile them: pyside6-lupdate, then pyside6-lrelease.

    .venv/bin/python tools/i18n.py            # update both .ts files from the sources, compile the .qm
    .venv/bin/python tools/i18n.py --compile  # only compile assets/i18n/de/*.ts into digitpad_de.qm
    .venv/bin/python tools/i18n.py --check    # exit 1 when a .ts is out of date or a message unfinished

The window's strings live in two translation files, one per part of the window, so two people can
translate at once without merging XML: ``window.ts`` (the frame: menus, the Draw tab, the Inside dock,
dialogs) and ``pages.ts`` (the Train, Samples, Data and Robustness tabs). lupdate keeps what is
translated, adds new source texts as unfinished and, with ``-no-obsolete``, drops texts no longer in
the code. lrelease compiles every ``assets/i18n/<language>/*.ts`` into the one file the app loads,
``assets/i18n/digitpad_<language>.qm`` (committed, so a checkout, the wheel and the bundle need no
Qt tools at run time; tests/test_german.py checks it matches the .ts files).
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
I18N = ROOT / "assets" / "i18n"
LANGUAGES = {"de": "de_DE"}  # the languages DigitPad speaks besides English: code -> Qt's target language
# Each translation file and the sources whose tr() strings it holds.
PARTS = {
    "window.ts": ["app/main_window.py", "app/window_actions.py", "app/dialogs.py", "app/models_dialog.py",
                  "app/learnt_words.py", "app/session.py", "app/workers.py", "app/i18n.py", "app/draw", "app/widgets",
                  "app/inside"],
    "pages.ts": ["app/train", "app/samples", "app/explore", "app/robustness_chart.py"],
}


def tool(name: str) -> str:
    """A PySide6 tool next to this interpreter (the virtualenv's), else on PATH."""
    here = Path(sys.executable).parent / name
    found = str(here) if here.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found: install PySide6 into this Python (pip install -e '.[build]')")
    return found


def sources(part: str) -> list[str]:
    """The Python files of a part (lupdate does not look into folders for .py files by itself)."""
    files = []
    for name in PARTS[part]:
        path = ROOT / name
        files += sorted(path.rglob("*.py")) if path.is_dir() else [path] if path.is_file() else []
    return [str(f.relative_to(ROOT)) for f in files if "__pycache__" not in f.parts]


def update(code: str, target: str) -> None:
    folder = I18N / code
    folder.mkdir(parents=True, exist_ok=True)
    for part in PARTS:
        ts = folder / part
        new = not ts.is_file()
        subprocess.run([tool("pyside6-lupdate"), "-silent", "-no-obsolete", "-locations", "none",
                        "-target-language", target, *sources(part), "-ts", str(ts)], check=True, cwd=ROOT)
        text = ts.read_text(encoding="utf-8")
        if new and "<message" not in text:  # a part with no tr() strings yet needs no file
            ts.unlink()
            continue
        unfinished = text.count('type="unfinished"')
        print(f"{ts.relative_to(ROOT)}: {text.count('<message')} messages, {unfinished} not translated yet")


def compile_qm(code: str, out: Path | None = None) -> Path:
    out = out or I18N / f"digitpad_{code}.qm"
    files = sorted(str(p) for p in (I18N / code).glob("*.ts"))
    if not files:
        raise SystemExit(f"no translations in {I18N / code}")
    subprocess.run([tool("pyside6-lrelease"), "-silent", *files, "-qm", str(out)], check=True, cwd=ROOT)
    return out


def check(code: str, target: str) -> list[str]:
    """What is out of date: a .ts lupdate would change, or a .qm lrelease would make differently."""
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        for part in PARTS:
            ts, copy = I18N / code / part, Path(tmp) / part
            if ts.is_file():
                shutil.copy(ts, copy)
            subprocess.run([tool("pyside6-lupdate"), "-silent", "-no-obsolete", "-locations", "none",
                            "-target-language", target, *sources(part), "-ts", str(copy)], check=True, cwd=ROOT)
            if not ts.is_file():
                if "<message" in copy.read_text(encoding="utf-8"):  # a part with no strings needs no file
                    problems.append(f"{ts.relative_to(ROOT)} is missing: run tools/i18n.py")
            elif copy.read_bytes() != ts.read_bytes():
                problems.append(f"{ts.relative_to(ROOT)} is not up to date with the sources: run tools/i18n.py")
        made = compile_qm(code, Path(tmp) / "made.qm")
        qm = I18N / f"digitpad_{code}.qm"
        if not qm.is_file() or qm.read_bytes() != made.read_bytes():
            problems.append(f"{qm.relative_to(ROOT)} does not match the .ts files: run tools/i18n.py --compile")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--compile", action="store_true", help="only compile the .ts files into the .qm")
    parser.add_argument("--check", action="store_true", help="report (exit 1) what is out of date; change nothing")
    args = parser.parse_args(argv)
    failed = False
    for code, target in LANGUAGES.items():
        if args.check:
            for problem in check(code, target):
                print(problem)
                failed = True
            continue
        if not args.compile:
            update(code, target)
        print(f"compiled {compile_qm(code).relative_to(ROOT)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
