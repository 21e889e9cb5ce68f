"""Replacing a file of the library's own data in one step (a reader sees the old file or the new
one, never half of either)."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


def replace_file(path: Path, data: bytes, *, prefix: str | None = None) -> None:
    """Write ``data`` to a temporary file beside ``path`` and rename it over ``path``.

    Makes the folder if needed; the temporary file is removed when anything fails, and the
    error is raised (callers that keep a cache suppress ``OSError``: a read-only home keeps
    none)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=prefix or f".{path.name}-")
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
