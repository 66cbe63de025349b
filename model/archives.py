"""Reading zip archives people hand us (exported models, sample collections) with clear errors."""
from __future__ import annotations

import math
import zipfile
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np


@contextmanager
def zip_errors(path: Path, error: type[Exception], bad: Callable[[str], Exception],
               cannot: str = "Could not read") -> Iterator[None]:
    """Turn what reading ``path`` as a zip can raise into ``error``s that say what to do.

    ``bad(why)`` builds the "not a ... archive: why" error; errors of type ``error`` pass through.
    """
    try:
        yield
    except error:
        raise
    except FileNotFoundError:
        raise error(f"{path} does not exist.") from None
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError, RuntimeError, zlib.error,
            NotImplementedError) as exc:  # NotImplementedError: a compression zipfile does not know
        raise bad(f"the file is not a readable zip ({exc}).") from None
    except OSError as exc:
        raise error(f"{cannot} {path} ({exc}).") from None


class NotNpz(ValueError):
    """Why a file is not an .npz this app can load; the caller wraps it in its own error."""


def npz_arrays(path: Path, max_bytes: int) -> dict[str, tuple[tuple[int, ...], np.dtype]]:
    """The arrays an .npz declares, ``{key: (shape, dtype)}``, read from the ``.npy`` headers inside
    it without loading any array.

    Raises :class:`NotNpz` for what ``np.load(..., allow_pickle=False)`` would load badly: a file
    that is not a zip (NumPy then tries to unpickle it and talks about ``allow_pickle``), an entry
    that is not a NumPy array, object arrays, an array larger than its entry holds, or arrays
    declaring more than ``max_bytes`` in all (a few KB of zip can declare gigabytes of zeros).
    OSError and zipfile's errors pass through.
    """
    from numpy.lib import format as npy

    with open(path, "rb") as fh:
        head = fh.read(6)
    if head == b"\x93NUMPY":
        raise NotNpz("it is a single NumPy array (.npy), not an .npz archive of named arrays")
    if head[:2] != b"PK":
        raise NotNpz("it is not an .npz file (an .npz is a zip archive of NumPy arrays)")
    arrays, total = {}, 0
    with zipfile.ZipFile(path) as zf:
        for info in zf.infolist():
            name = info.filename
            key = name[:-4] if name.endswith(".npy") else name
            with zf.open(info) as member:
                if member.read(6) != b"\x93NUMPY":
                    raise NotNpz(f"its entry {name!r} is not a NumPy array")
                member.seek(0)
                version = npy.read_magic(member)
                if version == (1, 0):
                    shape, _, dtype = npy.read_array_header_1_0(member)
                elif version == (2, 0):
                    shape, _, dtype = npy.read_array_header_2_0(member)
                else:
                    raise NotNpz(f"its array {key!r} is in .npy format {version}, which DigitPad does not read")
                header = member.tell()
            if any(n < 0 for n in shape):
                raise NotNpz(f"its array {key!r} declares a negative size {shape}")
            if dtype.hasobject:
                raise NotNpz(f"its array {key!r} holds Python objects, which DigitPad never loads")
            nbytes = math.prod(shape) * dtype.itemsize
            if nbytes > info.file_size - header:
                raise NotNpz(f"its array {key!r} declares {'x'.join(map(str, shape)) or 'a scalar'} {dtype}"
                             f" ({nbytes:,} bytes) but its entry holds {max(0, info.file_size - header):,}")
            total += nbytes
            if total > max_bytes:
                raise NotNpz(f"its arrays declare more than {max_bytes // 2**20:,} MB")
            arrays[key] = (tuple(shape), dtype)
    return arrays
