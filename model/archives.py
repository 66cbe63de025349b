"""Reading files people hand us (exported models, sample collections, drawings, images) with clear
errors: a named pipe or a device is never opened as if it were a file (reading one can block for
ever), and zip archives are checked before anything in them is read."""
from __future__ import annotations

import errno
import math
import os
import stat
import zipfile
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np


class NotAFile(OSError):
    """A path that is not a regular file (a FIFO, a device, a socket); ``strerror`` says which."""


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO), not a file"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device, not a file"
    if stat.S_ISSOCK(mode):
        return "a socket, not a file"
    return "not a regular file"


def open_input(path: str | os.PathLike):
    """Open a file a person named, for reading in binary: a regular file, else an OSError whose
    ``strerror`` says what it is (``IsADirectoryError`` for a folder, :class:`NotAFile` for a
    named pipe or a device). Opened without blocking, so a FIFO nobody writes to cannot hang it."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        if exc.errno == errno.ENXIO:  # a socket, or a device with nothing behind it
            raise NotAFile(errno.ENXIO, "a socket or a device, not a file", os.fspath(path)) from None
        raise
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(errno.EISDIR, "a folder, not a file", os.fspath(path))
        if not stat.S_ISREG(mode):
            raise NotAFile(errno.EINVAL, _kind(mode), os.fspath(path))
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_input(path: str | os.PathLike, max_bytes: int) -> bytes:
    """The first ``max_bytes + 1`` bytes of a file a person named (see :func:`open_input`): the
    caller tells a file that is too large by the length."""
    with open_input(path) as fh:
        return fh.read(max_bytes + 1)


def zip_names(path: str | os.PathLike) -> list[str] | None:
    """The entries of a zip file, None when it is not a zip that can be read (or not a file)."""
    try:
        with open_input(path) as fh, zipfile.ZipFile(fh) as zf:
            return zf.namelist()
    except (OSError, zipfile.BadZipFile, ValueError, EOFError):
        return None


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
    with open_input(path) as fh:
        head = fh.read(6)
        if head == b"\x93NUMPY":
            raise NotNpz("it is a single NumPy array (.npy), not an .npz archive of named arrays")
        if head[:2] != b"PK":
            raise NotNpz("it is not an .npz file (an .npz is a zip archive of NumPy arrays)")
        fh.seek(0)
        return _npz_headers(fh, max_bytes)


def _npz_headers(fh, max_bytes: int) -> dict[str, tuple[tuple[int, ...], np.dtype]]:
    from numpy.lib import format as npy

    arrays, total = {}, 0
    with zipfile.ZipFile(fh) as zf:
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
