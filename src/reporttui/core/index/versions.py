"""Version constants of other modules without importing them, for the index fingerprint.

The fingerprint that decides whether the index is current names ``jieba.__version__`` and the
ingestion pipeline's ``INGEST_VERSION``. Importing jieba (it imports ``pkg_resources``) and the
whole ingestion pipeline (hundreds of regular expressions compiled at import) cost a one-shot
``reporttui search`` ~0.3 s before it could answer. So a constant read once is kept in the
library home (``cache/versions.json``) together with the size and modification time of the
source file that defines it; while that file is unchanged, the cached value is the value.
An imported module is asked, and the cache brought up to date: indexing, which imports both,
leaves the cache that a later search reads.
"""

from __future__ import annotations

import contextlib
import importlib
import importlib.util
import json
import os
import sys
import threading
from collections.abc import Callable
from pathlib import Path

from reporttui.core.atomic import replace_file

CACHE_NAME = "versions.json"

_lock = threading.Lock()


def _origin(module: str) -> str | None:
    """The source file of ``module`` (found without importing it; parents are imported)."""
    try:
        spec = importlib.util.find_spec(module)
    except (ImportError, ValueError):
        return None
    origin = getattr(spec, "origin", None) if spec is not None else None
    return origin if origin and os.path.isfile(origin) else None


def _stamp(path: str) -> list[int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return [st.st_size, st.st_mtime_ns]


def constant(module: str, name: str, home: Path | None = None) -> str:
    """``str(module.name)``, from ``home``'s cache while the module's source file is unchanged.

    Falls back to importing the module (and then records the value) when there is no home, no
    cache entry, the file changed, or the module has no source file.
    """
    loaded = sys.modules.get(module)
    if home is None:
        return str(getattr(loaded or importlib.import_module(module), name, ""))
    origin = _origin(module)
    stamp = _stamp(origin) if origin else None
    cache = Path(home) / "cache" / CACHE_NAME
    key = f"{module}:{name}"
    entries = _read(cache)
    entry = entries.get(key)
    if (
        stamp is not None
        and isinstance(entry, dict)
        and entry.get("file") == origin
        and entry.get("stamp") == stamp
        and isinstance(entry.get("value"), str)
    ):
        return str(entry["value"])
    value = str(getattr(loaded or importlib.import_module(module), name, ""))
    if stamp is not None:
        entries[key] = {"file": origin, "stamp": stamp, "value": value}
        _write(cache, entries)
    return value


def _read(cache: Path) -> dict[str, dict[str, object]]:
    """The cache's entries; a missing or damaged file is an empty cache (it is rewritten)."""
    with contextlib.suppress(OSError, ValueError):
        got = json.loads(cache.read_text(encoding="utf-8"))
        if isinstance(got, dict):
            return got
    return {}


def _write(cache: Path, entries: dict[str, dict[str, object]]) -> None:
    """Atomically replace the cache file; a read-only home just keeps no cache."""
    with _lock, contextlib.suppress(OSError):
        replace_file(
            cache, json.dumps(entries, sort_keys=True).encode("utf-8"), prefix=".versions-"
        )


def derived(home: Path | None, key: str, files: list[str], compute: Callable[[], str]) -> str:
    """``compute()``, from ``home``'s cache while every one of ``files`` is unchanged.

    For a value that is a function of those files alone (a store in the home and the source of
    the module that reads it): a one-shot search reads the value instead of importing the
    module (query, issue 11: the boilerplate digest of the fingerprint, ~15 ms of imports).
    A missing file is part of the stamp (None); without a home the value is computed.
    """
    if home is None:
        return compute()
    stamps = [[f, _full_stamp(f)] for f in files]
    cache = Path(home) / "cache" / CACHE_NAME
    entries = _read(cache)
    entry = entries.get(key)
    if (
        isinstance(entry, dict)
        and entry.get("stamps") == stamps
        and isinstance(entry.get("value"), str)
    ):
        return str(entry["value"])
    value = compute()
    if files:
        entries[key] = {"stamps": stamps, "value": value}
        _write(cache, entries)
    return value


def _full_stamp(path: str) -> list[int] | None:
    """Size, modification time and inode: a store replaced atomically (a new inode) within
    one clock tick and at the same size still differs."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return [st.st_size, st.st_mtime_ns, st.st_ino]


def module_file(module: str) -> str | None:
    """The source file of ``module``, found without importing it."""
    return _origin(module)
