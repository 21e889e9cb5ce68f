"""The report files under a root, without walking its folders when none of them changed.

``reporttui search`` checks that the index is current before answering: it lists every report
file under the library's roots (:func:`~reporttui.core.library.catalog.scan_root`, an
``os.walk`` of ~350 folders and ~3,000 files on the corpus: ~40 ms of a ~0.4 s one-shot search)
and then stats each file against the catalogue.

A file cannot be added, removed or renamed without changing its folder's modification and
change times, so while every folder of the walk has the same ``(inode, mtime_ns, ctime_ns)`` as
when it was walked, the list of files is the same list. The folders are stat'ed (one call each)
instead of listed. What the cache does not cover is left to the walk:

* a link to a report file is cached when its target is named directly: the link's text
  (``os.readlink``) is a path without ``.``/``..`` parts (but for a leading run of ``..``) and
  with no link on the way, so it resolves to the lexical path. A link cannot be added, removed
  or re-pointed without changing its folder's times (a link's text never changes: re-pointing
  replaces it), and the target's folder is recorded too: on each check its real path must be
  itself (no component became a link) and its ``(inode, mtime_ns, ctime_ns)`` unchanged (no
  file of it was replaced by a link, renamed or removed). So the link still names the same
  path, and the caller's per-file ``stat`` of that path sees its content changes;
* a link to a FOLDER below the root is not followed by :func:`scan_root` (``os.walk`` does not
  descend into it), so its target's listing is not part of the answer; a root that is itself a
  link (or has links in its path) is walked at its real path, whose folders are the ones
  stamped, and its real path is compared on each check (a re-pointed root is a walk);
* a link to a link, a link through a link or with ``.``/``..`` parts, a walk that noted a
  problem (unreadable folder, FIFO, broken link, link loop) is never cached;
* folders modified within :data:`RACY_NS` of the walk are not trusted (a change in the same
  clock tick as the walk would not change the recorded time: git's "racily clean" case), so
  such a walk is not cached either;
* a file whose contents change keeps its folder's times: that is the caller's per-file
  ``stat`` against the catalogue (size and mtime), which still runs on every check.

The cache is one JSON file per library home (``cache/scan.json``), replaced atomically; a
missing, unreadable or damaged cache is a walk.
"""

from __future__ import annotations

import contextlib
import json
import os
import stat
import threading
import time
from pathlib import Path
from typing import Any

from reporttui.core.atomic import replace_file
from reporttui.core.library.catalog import SOURCE_SUFFIXES, scan_root

CACHE_NAME = "scan.json"
FORMAT = 2
RACY_NS = 2_000_000_000
"""Folders modified this close to (or after) the walk's start are not trusted."""

_lock = threading.Lock()


def cache_path(home: Path) -> Path:
    return Path(home) / "cache" / CACHE_NAME


def _stamp(st: os.stat_result) -> list[int]:
    return [st.st_ino, st.st_mtime_ns, st.st_ctime_ns]


def _settled_stamp(folder: str, limit: int) -> list[int] | None:
    """``folder``'s stamp, or None when it cannot be read or changed too recently to trust
    (at or after ``limit``: the racily-clean case)."""
    try:
        st = os.lstat(folder)
    except OSError:
        return None
    if st.st_mtime_ns >= limit or st.st_ctime_ns >= limit:
        return None
    return _stamp(st)


def _read(home: Path) -> dict[str, Any]:
    with contextlib.suppress(OSError, ValueError):
        got = json.loads(cache_path(home).read_text(encoding="utf-8"))
        if isinstance(got, dict) and got.get("format") == FORMAT:
            roots = got.get("roots")
            if isinstance(roots, dict):
                return roots
    return {}


def _write(home: Path, roots: dict[str, Any]) -> None:
    """Atomically replace the cache file; a read-only home just keeps no cache."""
    path = cache_path(home)
    with _lock, contextlib.suppress(OSError):
        # ASCII JSON: a file name with undecodable bytes (a lone surrogate) round-trips.
        data = json.dumps({"format": FORMAT, "roots": roots}).encode("ascii")
        replace_file(path, data, prefix=".scan-")


def _still_valid(root: Path, entry: object) -> list[str] | None:
    """The cached files of ``root`` when no folder of its walk changed, else None."""
    if not isinstance(entry, dict):
        return None
    real, dirs, files = entry.get("real"), entry.get("dirs"), entry.get("files")
    targets = entry.get("targets")
    if not isinstance(real, str) or not isinstance(dirs, dict) or not isinstance(files, list):
        return None
    if not isinstance(targets, dict) or os.path.realpath(root) != real:
        return None
    for rel, want in dirs.items():
        try:
            st = os.lstat(os.path.join(real, rel) if rel else real)
        except OSError:
            return None
        if not stat.S_ISDIR(st.st_mode) or _stamp(st) != want:
            return None
    for folder, want in targets.items():  # the folders that linked files resolve into
        try:
            st = os.lstat(folder)
        except OSError:
            return None
        if not stat.S_ISDIR(st.st_mode) or _stamp(st) != want:
            return None
        if os.path.realpath(folder) != folder:
            return None
    if not all(isinstance(f, str) for f in files):
        return None
    prefix = real.rstrip(os.sep) + os.sep
    return [f if os.path.isabs(f) else prefix + f for f in files]


def _direct_target(folder: str, name: str) -> str | None:
    """The file the link ``folder/name`` resolves to when its text names it directly (no
    ``.``/``..`` parts past a leading run of ``..``, no link on the way), else None.

    ``folder`` is a real path (a folder of the walk), so a leading ``..`` is its lexical parent."""
    where = os.path.join(folder, name)
    try:
        text = os.readlink(where)
    except OSError:
        return None
    parts = text.split(os.sep)
    start = 0
    if not os.path.isabs(text):
        while start < len(parts) and parts[start] == "..":
            start += 1
    if any(part in (".", "..") for part in parts[start:]):
        return None
    lexical = os.path.normpath(os.path.join(folder, text))
    return lexical if os.path.realpath(where) == lexical else None


def _walk_entry(
    root: Path, started_ns: int, problems: list[str] | None
) -> tuple[list[Path], dict[str, Any] | None]:
    """Walk ``root`` (as :func:`scan_root`) and the cache entry for it, or None when the walk
    cannot be cached (indirect links, problems, racy folders, a root that is a file).

    The folders' times are read before :func:`scan_root` lists them: a change made during the
    walk leaves a recorded time older than the folder's, so the next check walks again."""
    real = os.path.realpath(root)
    dirs: dict[str, list[int]] = {}
    targets: dict[str, list[int]] = {}
    limit = started_ns - RACY_NS
    ok = os.path.isdir(real)
    for folder, subdirs, names in os.walk(real) if ok else ():
        subdirs[:] = [d for d in subdirs if not d.startswith(".")]
        stamp = _settled_stamp(folder, limit)
        if stamp is None:
            ok = False
            break
        dirs[os.path.relpath(folder, real) if folder != real else ""] = stamp
        for name in names:
            if name.startswith(".") or not name.lower().endswith(SOURCE_SUFFIXES):
                continue
            if not os.path.islink(os.path.join(folder, name)):
                continue
            target = _direct_target(folder, name)
            if target is None:
                ok = False
                break
            parent = os.path.dirname(target)
            if parent not in targets:
                tstamp = _settled_stamp(parent, limit)
                if tstamp is None:
                    ok = False
                    break
                targets[parent] = tstamp
        if not ok:
            break
    notes: list[str] = []
    found = scan_root(root, notes)
    if problems is not None:
        problems.extend(notes)
    if not ok or notes:
        return found, None
    prefix = real.rstrip(os.sep) + os.sep
    files: list[str] = []
    for p in found:  # relative below the root, absolute for a link's target elsewhere
        s = str(p)
        files.append(s[len(prefix) :] if s.startswith(prefix) else s)
    return found, {"real": real, "dirs": dirs, "targets": targets, "files": files}


def scan_root_cached(home: Path, root: Path, problems: list[str] | None = None) -> list[Path]:
    """``scan_root(root, problems)``, answered from ``home``'s cache while no folder changed.

    The result is the list :func:`scan_root` gives (tests compare both after files are added,
    removed, renamed and changed); a cached answer has no problems to note (a walk that noted
    any is never cached)."""
    return [Path(p) for p in scan_root_strings(home, root, problems)]


def scan_root_strings(home: Path, root: Path, problems: list[str] | None = None) -> list[str]:
    """:func:`scan_root_cached` as strings (making 3,000 ``Path`` objects costs ~10 ms of a
    one-shot search's freshness check)."""
    key = str(root)
    cached = _read(home)
    got = _still_valid(root, cached.get(key))
    if got is not None:
        return got
    found, entry = _walk_entry(root, time.time_ns(), problems)
    if entry is not None or key in cached:
        cached = _read(home)  # another process may have recorded other roots meanwhile
        if entry is not None:
            cached[key] = entry
        else:
            cached.pop(key, None)
        _write(home, cached)
    return [str(p) for p in found]
