"""Reading zip archives people hand us (exported models, sample collections) with clear errors."""
from __future__ import annotations

import zipfile
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator


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
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError, RuntimeError) as exc:
        raise bad(f"the file is not a readable zip ({exc}).") from None
    except OSError as exc:
        raise error(f"{cannot} {path} ({exc}).") from None
