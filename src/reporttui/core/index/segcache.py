"""Per-segment boolean arrays derived from an index, kept on disk between processes.

A one-shot ``reporttui search`` opens the index afresh, so anything it derives from every row of
the library is paid again by every process: the mask of rows whose report has a region (the
region postings stepped report by report) cost ~65 ms of each multi-word one-shot search on the
corpus and grows with the library (~0.6 s at 10x). Such an array depends only on a segment's
contents, and a Whoosh segment never changes once written: a new commit writes new segments
under new names, a merge replaces segments by new ones, a rebuild writes a new index folder.
Deletions do not rewrite a segment (callers apply the live-row mask after the cached array).
So an array stored under ``(index folder, segment id, segment row count)`` stays right for as
long as that segment exists, and a segment added by an incremental add costs only its own rows.

One file per kind and library home (``cache/<kind>.segs``): a JSON header line, then the
arrays' packed bits. It holds only the segments of the last index it was written for (bounded),
is replaced atomically, and a missing, unreadable or damaged file (or one entry whose length
does not match its segment) is simply recomputed. A read-only home keeps no cache.
"""

from __future__ import annotations

import contextlib
import json
import os
import threading
import weakref
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from reporttui.core.atomic import replace_file

if TYPE_CHECKING:  # process (issue 11): numpy.typing imports numpy._typing (~10 ms)
    from numpy.typing import NDArray

FORMAT = 1
_lock = threading.Lock()
_homes: weakref.WeakKeyDictionary[Any, Path] = weakref.WeakKeyDictionary()
"""reader -> the library home it is searched for (where its caches are kept)."""


def remember_home(reader: Any, home: Path) -> None:
    """Keep ``reader``'s caches in ``home`` (a reader of no library keeps none)."""
    with contextlib.suppress(TypeError):
        _homes[reader] = Path(home)


def home_of(reader: Any) -> Path | None:
    """The library home given for ``reader`` by :func:`remember_home`, or None."""
    try:
        return _homes.get(reader)
    except TypeError:
        return None


def view_key(leaves: list[Any]) -> str | None:
    """A key for a whole index view: every segment's :func:`segment_key` with its number of
    deleted rows (a segment's deletions only grow, so the same number is the same set); None
    when a segment has no stable identity."""
    parts = []
    for leaf in leaves:
        key = segment_key(leaf)
        if key is None:
            return None
        try:
            parts.append(f"{key}-{int(leaf.doc_count_all()) - int(leaf.doc_count())}")
        except Exception:
            return None
    return "|".join(parts)


def cache_path(home: Path, kind: str) -> Path:
    """Where the ``kind`` arrays of ``home`` are kept."""
    return Path(home) / "cache" / f"{kind}.segs"


def segment_key(leaf: Any) -> str | None:
    """``folder/segment-id/rows`` of one leaf reader, or None when it has no stable identity
    (an in-memory or otherwise unnamed segment: never cached)."""
    try:
        folder = getattr(leaf.storage(), "folder", None)
        segid = leaf.segment().segment_id()
        rows = int(leaf.doc_count_all())
    except Exception:
        return None
    if not folder or not segid:
        return None
    return f"{os.path.basename(os.path.normpath(folder))}/{segid}/{rows}"


def load(home: Path, kind: str) -> dict[str, NDArray[np.bool_]]:
    """Every stored array of ``kind`` by segment key ({} when there is no usable cache)."""
    try:
        data = cache_path(home, kind).read_bytes()
        head, _, body = data.partition(b"\n")
        meta = json.loads(head)
        if not isinstance(meta, dict) or meta.get("format") != FORMAT:
            return {}
        out: dict[str, NDArray[np.bool_]] = {}
        for key, (start, nbits) in meta["segments"].items():
            start, nbits = int(start), int(nbits)
            nbytes = (nbits + 7) // 8
            if start < 0 or nbits < 0 or start + nbytes > len(body):
                return {}  # cut or damaged: recomputed
            bits = np.frombuffer(body, dtype=np.uint8, count=nbytes, offset=start)
            out[str(key)] = np.unpackbits(bits, count=nbits).astype(bool)
        return out
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return {}


def store(home: Path, kind: str, arrays: dict[str, NDArray[np.bool_]]) -> None:
    """Replace the ``kind`` cache by ``arrays`` (atomically; errors only skip the cache)."""
    path = cache_path(home, kind)
    segments: dict[str, list[int]] = {}
    chunks: list[bytes] = []
    at = 0
    for key, array in arrays.items():
        packed = np.packbits(np.asarray(array, dtype=bool)).tobytes()
        segments[key] = [at, len(array)]
        chunks.append(packed)
        at += len(packed)
    head = json.dumps({"format": FORMAT, "segments": segments}).encode()
    with _lock, contextlib.suppress(OSError):
        replace_file(path, head + b"\n" + b"".join(chunks), prefix=f".{kind}-")


def load_json(home: Path, kind: str) -> dict[str, Any]:
    """The ``kind`` entries kept as JSON ({} when none are usable). Their keys start with a
    :func:`segment_key`, so an entry is right for as long as its segment exists."""
    with contextlib.suppress(OSError, ValueError, TypeError, AttributeError):
        raw = cache_path(home, kind).with_suffix(".json").read_bytes()
        got = json.loads(raw.decode("utf-8", "surrogatepass"))
        if got.get("format") == FORMAT:
            entries = got.get("entries")
            if isinstance(entries, dict):
                return entries
    return {}


def store_json(home: Path, kind: str, entries: dict[str, Any]) -> None:
    """Replace the ``kind`` entries by ``entries`` (atomically; errors only skip the cache)."""
    path = cache_path(home, kind).with_suffix(".json")
    # UTF-8, not ASCII escapes: CJK text parses ~10x faster; a lone surrogate round-trips.
    data = json.dumps({"format": FORMAT, "entries": entries}, ensure_ascii=False)
    with _lock, contextlib.suppress(OSError):
        replace_file(path, data.encode("utf-8", "surrogatepass"), prefix=f".{kind}-")


def segments_key(leaves: list[Any]) -> str | None:
    """A key for the segments of a view, deletions left out (for what depends on a segment's
    rows, deleted ones included); None when a segment has no stable identity."""
    parts = [segment_key(leaf) for leaf in leaves]
    if not parts or any(p is None for p in parts):
        return None
    return "|".join(p for p in parts if p is not None)


def codes_path(home: Path, kind: str) -> Path:
    """Where the ``kind`` codes of :func:`store_codes` are kept."""
    return Path(home) / "cache" / f"{kind}.codes"


def load_codes(home: Path, kind: str, key: str, rows: int) -> tuple[NDArray[Any], list[str]] | None:
    """The (row -> code as int64, code -> string) column kept for the view ``key`` of ``rows``
    rows, or None: no file, another view's, or a damaged one (wrong length, a code out of range)."""
    try:
        data = codes_path(home, kind).read_bytes()
        head, _, body = data.partition(b"\n")
        meta = json.loads(head.decode("utf-8", "surrogatepass"))
        if not isinstance(meta, dict) or meta.get("format") != FORMAT:
            return None
        if meta.get("key") != key or meta.get("rows") != rows or len(body) != 4 * rows:
            return None
        strings = meta["strings"]
        if not isinstance(strings, list) or not all(isinstance(x, str) for x in strings):
            return None
        codes = np.frombuffer(body, dtype="<i4", count=rows)
        if rows and (int(codes.min()) < 0 or int(codes.max()) >= len(strings)):
            return None
        return codes.astype(np.int64), strings
    except (OSError, ValueError, TypeError, KeyError, AttributeError, UnicodeError):
        return None


def store_codes(home: Path, kind: str, key: str, codes: NDArray[Any], strings: list[str]) -> None:
    """Keep the column :func:`load_codes` reads for the view ``key`` (replacing the previous
    view's, atomically; errors only skip the cache)."""
    if len(strings) >= 2**31:
        return
    head = json.dumps(
        {"format": FORMAT, "key": key, "rows": len(codes), "strings": strings}, ensure_ascii=False
    ).encode("utf-8", "surrogatepass")
    body = np.asarray(codes).astype("<i4").tobytes()
    with _lock, contextlib.suppress(OSError):
        replace_file(codes_path(home, kind), head + b"\n" + body, prefix=f".{kind}-")
