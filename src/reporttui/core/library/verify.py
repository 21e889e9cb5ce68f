"""Checksums of an index's files, recorded at every commit, so damage is found and repaired.

Whoosh notices a cut file but reads overwritten bytes as whatever they decode to (or fails
deep inside a search). After each commit the library writes ``reporttui-sums.json`` into the
index folder: size and CRC-32 of the table of contents and of every segment file (segment files
never change once written, so only new ones are read). ``reporttui index`` re-reads them all:
a damaged segment is dropped from the index and its documents are indexed again; a damaged
table of contents means the whole index is rebuilt.
"""

from __future__ import annotations

import json
import os
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reporttui.core import lazyre

MANIFEST = "reporttui-sums.json"
_SEGMENT_FILE = lazyre.compile(r"^(?P<segment>[A-Za-z0-9]+_[a-z0-9]{16})\..+$")
"""A segment's file: ``MAIN_<id>.<part>`` (Whoosh's parts and the project's postings,
``MAIN_<id>.rtp``; ``MAIN_<id>.seg`` in an old compound index); the group is what
``Segment.segment_id()`` returns (``MAIN_<id>``, the id 16 lowercase letters and digits).
Only such files are checksummed or ever removed: other files in the folder are left alone."""
_TOC_FILE = lazyre.compile(r"^_[A-Za-z0-9]+_\d+\.toc$")
_BLOCK = 1 << 20


def _crc(path: Path) -> int:
    value = 0
    with path.open("rb") as f:
        for block in iter(lambda: f.read(_BLOCK), b""):
            value = zlib.crc32(block, value)
    return value


def _index_files(folder: Path) -> list[Path]:
    """The files a commit made: the TOC and the segment files (not locks, temp folders...)."""
    found = []
    for child in folder.iterdir():
        name = child.name
        wanted = _TOC_FILE.match(name) or _SEGMENT_FILE.match(name)
        if wanted and child.is_file() and not name.endswith("WRITELOCK"):
            found.append(child)
    return sorted(found)


def _read_manifest(folder: Path) -> dict[str, Any] | None:
    try:
        data = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    files = data.get("files") if isinstance(data, dict) else None
    return files if isinstance(files, dict) else None


def write_manifest(folder: Path) -> None:
    """Record size and CRC of every index file (after a commit, under the write lock)."""
    old = _read_manifest(folder) or {}
    files: dict[str, dict[str, int]] = {}
    for path in _index_files(folder):
        st = path.stat()
        previous = old.get(path.name)
        if (
            isinstance(previous, dict)
            and previous.get("size") == st.st_size
            and previous.get("mtime_ns") == st.st_mtime_ns
            and not _TOC_FILE.match(path.name)
        ):
            files[path.name] = previous
            continue
        files[path.name] = {"size": st.st_size, "mtime_ns": st.st_mtime_ns, "crc32": _crc(path)}
    tmp = folder / f".{MANIFEST}.{os.getpid()}.tmp"
    tmp.write_text(json.dumps({"format": 1, "files": files}), encoding="utf-8")
    os.replace(tmp, folder / MANIFEST)


def cut_file(folder: Path) -> str | None:
    """The name of an index file whose size is not the size recorded at commit, if any.

    Only a stat per file (no reading), so every searcher runs it when it opens: a file cut
    short is found before a search reads rows from it (a cut stored-rows file can otherwise
    decode as plausible rows). Files written once and never changed are all a commit records,
    so a size that differs is damage; a recorded file that is gone is left to the open itself
    (an old manifest can name files a newer commit removed)."""
    return check_sizes(folder)[0]


def check_sizes(folder: Path) -> tuple[str | None, bool]:
    """:func:`cut_file`, and whether every index file in the folder is in its manifest (so the
    size of every file was compared: a commit the manifest missed leaves files unrecorded)."""
    files = _read_manifest(folder)
    for name, sums in (files or {}).items():
        if not isinstance(sums, dict) or not (_SEGMENT_FILE.match(name) or _TOC_FILE.match(name)):
            continue
        try:
            size = (folder / name).stat().st_size
        except OSError:
            continue
        if size != sums.get("size"):
            return name, True
    if files is None:
        return None, False
    try:
        names = os.listdir(folder)
    except OSError:
        return None, False
    recorded = all(n in files for n in names if _SEGMENT_FILE.match(n) or _TOC_FILE.match(n))
    return None, recorded


@dataclass
class Verification:
    """What :func:`verify` found."""

    checked: int = 0
    """Files whose checksum was compared."""
    bad_segments: set[str] = field(default_factory=set)
    """Ids of segments with a missing, cut or changed file."""
    bad_toc: bool = False
    """The table of contents itself is damaged (the index must be rebuilt)."""
    has_manifest: bool = True

    @property
    def damaged(self) -> bool:
        return self.bad_toc or bool(self.bad_segments)


def verify(folder: Path) -> Verification:
    """Compare every recorded file with its checksum (reads the whole index once)."""
    files = _read_manifest(folder)
    result = Verification()
    if files is None:
        result.has_manifest = False
        return result
    for name, sums in files.items():
        path = folder / name
        result.checked += 1
        try:
            ok = (
                isinstance(sums, dict)
                and path.stat().st_size == sums.get("size")
                and _crc(path) == sums.get("crc32")
            )
        except OSError:
            ok = False
        if ok:
            continue
        match = _SEGMENT_FILE.match(name)
        if match and not _TOC_FILE.match(name):
            result.bad_segments.add(match.group("segment"))
        else:
            result.bad_toc = True
    return result


def drop_segments(folder: Path, segment_ids: set[str]) -> None:
    """Commit the index without ``segment_ids`` (their files are then removed by Whoosh)."""
    from whoosh import index as whoosh_index

    ix = whoosh_index.open_dir(str(folder))
    writer = ix.writer(timeout=5.0)
    try:
        writer.segments = [s for s in writer.segments if s.segment_id() not in segment_ids]
        writer._close_segment()
        writer._commit_toc(writer.segments)
        writer._finish()
    except BaseException:
        if not writer.is_closed:
            writer.cancel()
        raise
    write_manifest(folder)


def remove_uncommitted(folder: Path) -> int:
    """Remove segment files no table of contents lists (a failed or killed write left them);
    call only under the write lock. Returns the bytes freed."""
    from whoosh import index as whoosh_index

    try:
        ix = whoosh_index.open_dir(str(folder))
        live = {s.segment_id() for s in ix._segments()}
        toc = f"_{ix.indexname}_{ix.latest_generation()}.toc"
    except Exception:
        return 0
    freed = 0
    for child in folder.iterdir():
        match = _SEGMENT_FILE.match(child.name)
        stale_toc = _TOC_FILE.match(child.name) and child.name != toc
        if (match and match.group("segment") not in live and child.is_file()) or stale_toc:
            if child.name.endswith("WRITELOCK"):
                continue
            try:
                freed += child.stat().st_size
                child.unlink()
            except OSError:
                pass
    return freed
