"""Samples as a zip archive: ``NNNNN_label.json`` ink files (``.png`` 28x28 images for samples
added from images) and ``labels.csv``, written by :func:`write_archive` and read back, checked
entry by entry, by :func:`archive_rows`.

Both stream: an export of any size the store can hold and its import back take memory for one
sample at a time. What an import accepts (:data:`MAX_IMPORT_FILES` samples) is what an export
writes: an export that could not be imported back is refused.
"""
from __future__ import annotations

import csv
import datetime as _dt
import io
import json
import os
import re
import uuid
import warnings
import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path

import numpy as np

from ..archives import open_input, zip_errors, zip_names
from ..ink import InkError
from ..ink import parse as parse_ink
from .sample import Sample, SampleError, as_digit, as_uint8, now_iso

MAX_IMPORT_FILES = 1_000_000  # samples in one archive: far more than anyone draws
MAX_IMPORT_BYTES = 8 * 2**30  # uncompressed; a sample's ink is ~1-5 kB
MAX_ENTRY_BYTES = 8 * 2**20  # one ink JSON or PNG
MAX_CSV_BYTES = 256 * 2**20  # labels.csv: ~100 bytes a sample
MAX_CSV_FIELD = 4096  # characters in one labels.csv field (a model id, a date)
_ENTRY = re.compile(r"^(\d{1,12})_([0-9])\.(json|png)$")
CSV_FIELDS = ("id", "label", "file", "predicted", "model_id", "created")


def is_samples_archive(path: Path) -> bool:
    """A zip DigitPad exported samples to (what an export may replace)."""
    names = zip_names(path)
    return names is not None and "labels.csv" in names and all(n == "labels.csv" or _ENTRY.match(n) for n in names)


def write_archive(samples: Iterable[Sample], path: Path, count: int) -> None:
    """Write these ``count`` samples to the zip ``path`` (replaced in one step: a failure leaves
    the old one). Only a new file or an earlier samples export is replaced."""
    from PIL import Image

    from ..store.saving import check_file_target

    if count > MAX_IMPORT_FILES:
        raise SampleError(f"You have {count:,} samples; an archive holds at most {MAX_IMPORT_FILES:,} (what an"
                          " import reads back). Remove some, or export them in parts.")
    path = check_file_target(path, is_samples_archive, "a DigitPad samples archive", error=SampleError)
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.tmp")
    try:
        with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as zf:
            table = io.StringIO()
            writer = csv.writer(table, lineterminator="\n")
            writer.writerow(CSV_FIELDS)
            for s in samples:
                name = f"{s.id:05d}_{s.label}." + ("png" if s.ink_json is None else "json")
                if s.ink_json is None:
                    buf = io.BytesIO()
                    Image.fromarray(s.image, mode="L").save(buf, format="PNG")
                    zf.writestr(name, buf.getvalue())
                else:
                    zf.writestr(name, s.ink_json)
                writer.writerow([s.id, s.label, name, "" if s.predicted is None else s.predicted,
                                 s.model_id or "", s.created])
            zf.writestr("labels.csv", table.getvalue())
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise SampleError(f"Could not export the samples to {path} ({exc.strerror or exc}).") from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def read_archive(path: Path) -> list[tuple]:
    """Every validated row of an archive (see :func:`archive_rows`), in a list."""
    return list(archive_rows(path))


def archive_rows(path: Path) -> Iterator[tuple]:
    """Validated rows (label, image bytes, ink json, predicted, model_id, created) of an archive,
    one at a time; the archive's listing and labels.csv are checked before the first one, and a
    bad entry raises SampleError when it is reached (so a caller storing them in one transaction
    stores all or nothing)."""
    def bad(why: str) -> SampleError:
        return SampleError(f"{path} is not a DigitPad samples archive: {why}")

    with zip_errors(path, SampleError, bad), open_input(path) as fh, zipfile.ZipFile(fh) as zf:
        files, meta = _listing(zf, bad)
        for name in sorted(files, key=lambda n: (int(_ENTRY.match(n).group(1)), n)):
            yield _row(path, zf, files[name], meta.get(name, {}), bad)


def _listing(zf: zipfile.ZipFile, bad) -> tuple[dict[str, zipfile.ZipInfo], dict[str, dict]]:
    entries = [e for e in zf.infolist() if not e.is_dir() and not _junk(e.filename)]
    if len(entries) > MAX_IMPORT_FILES + 1:
        raise bad(f"it holds {len(entries):,} files (at most {MAX_IMPORT_FILES:,} samples).")
    if sum(e.file_size for e in entries) > MAX_IMPORT_BYTES:
        raise bad(f"its contents exceed {MAX_IMPORT_BYTES // 2**30} GB.")
    names = [e.filename for e in entries]
    if len(set(names)) != len(names):
        raise bad("it holds the same file name twice.")
    files = {}
    for e in entries:
        if e.filename == "labels.csv":
            if e.file_size > MAX_CSV_BYTES:
                raise bad(f"its labels.csv is {e.file_size:,} bytes, far more than its samples need.")
            continue
        if not _ENTRY.match(e.filename):
            raise bad(f"unexpected entry {e.filename[:80]!r} (expected NNNNN_label.json or "
                      "NNNNN_label.png files and labels.csv).")
        if e.file_size > MAX_ENTRY_BYTES:
            raise bad(f"{e.filename} is {e.file_size:,} bytes, too large for one sample.")
        files[e.filename] = e
    if not files:
        raise bad("it holds no samples (NNNNN_label.json or NNNNN_label.png files).")
    meta = _read_labels_csv(zf, set(files), bad) if "labels.csv" in names else {}
    return files, meta


def _row(path: Path, zf: zipfile.ZipFile, entry: zipfile.ZipInfo, info: dict, bad) -> tuple:
    from ..preprocess import ImageInputError, ink_to_input

    name = entry.filename
    m = _ENTRY.match(name)
    label = info.get("label", int(m.group(2)))
    data = zf.read(entry)
    where = f"{path.name}:{name}"
    if m.group(3) == "json":
        try:
            ink = parse_ink(data, where)  # bounded, and deep nesting is a message
        except InkError as exc:
            raise bad(str(exc)) from None
        image = ink_to_input(ink)
        ink_json = json.dumps(ink.to_dict(), separators=(",", ":"))
    else:
        try:
            image = _png_to_input(data, where)
        except ImageInputError as exc:
            raise bad(str(exc)) from None
        ink_json = None
    if image is None:
        raise bad(f"{name} holds no digit (nothing drawn).")
    return (label, as_uint8(image).tobytes(), ink_json, info.get("predicted"), info.get("model_id"),
            info.get("created") or now_iso())


def _junk(name: str) -> bool:
    """Files archive tools add on their own (macOS resource forks, Finder metadata)."""
    return name.startswith("__MACOSX/") or Path(name).name.startswith(".")


def _read_labels_csv(zf: zipfile.ZipFile, files: set[str], bad) -> dict[str, dict]:
    try:
        text = zf.read("labels.csv").decode("utf-8-sig")
    except UnicodeDecodeError:
        raise bad("labels.csv is not UTF-8 text.") from None
    reader = csv.DictReader(io.StringIO(text))
    meta, lines = {}, {}
    try:
        if not reader.fieldnames or not {"label", "file"} <= set(reader.fieldnames):
            raise bad(f"labels.csv must have the columns {', '.join(CSV_FIELDS)}.")
        for line, row in enumerate(reader, start=2):
            name = (row.get("file") or "").strip()
            if name not in files:
                raise bad(f"labels.csv line {line} names {name[:80]!r}, which is not in the archive.")
            if name in meta:
                raise bad(f"labels.csv lists {name} twice (lines {lines[name]} and {line}): which label is right?")
            meta[name], lines[name] = _csv_row(row, line, bad), line
    except csv.Error as exc:
        raise bad(f"labels.csv cannot be read after line {reader.line_num} ({exc}).") from None
    return meta


def _csv_row(row: dict, line: int, bad) -> dict:
    if any(isinstance(v, str) and len(v) > MAX_CSV_FIELD for v in row.values()):
        raise bad(f"labels.csv line {line} has a field of more than {MAX_CSV_FIELD:,} characters.")
    try:
        label = as_digit((row.get("label") or "").strip(), "label")
        pred = (row.get("predicted") or "").strip()
        predicted = as_digit(pred, "predicted digit") if pred else None
    except SampleError as exc:
        raise bad(f"labels.csv line {line}: {exc}") from None
    created = (row.get("created") or "").strip()
    if created:
        try:
            _dt.datetime.fromisoformat(created)
        except ValueError:
            raise bad(f"labels.csv line {line}: created {created[:40]!r} is not an ISO date.") from None
    return {"label": label, "predicted": predicted,
            "model_id": (row.get("model_id") or "").strip() or None, "created": created or None}


def _png_to_input(data: bytes, where: str) -> np.ndarray | None:
    """An image from an archive as the network's input: a 28x28 greyscale image is already one
    (that is what export writes) and is kept as it is; any other image is preprocessed."""
    from PIL import Image, UnidentifiedImageError

    from ..preprocess import MAX_IMAGE_PIXELS, ImageInputError, image_to_input

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
            if image.width * image.height > MAX_IMAGE_PIXELS:
                raise ImageInputError(f"{where}: the image is too large to be a digit.")
            image.load()
    except ImageInputError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ImageInputError(f"{where}: the image is too large to be a digit.") from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        raise ImageInputError(f"{where}: not an image DigitPad can read ({exc}).") from None
    if image.size == (28, 28) and image.mode == "L":
        x = np.asarray(image, dtype=np.uint8)
        border = np.concatenate([x[0], x[-1], x[:, 0], x[:, -1]])
        return 255 - x if np.median(border) > 127 else x.copy()
    return image_to_input(image)
