"""The library catalogue: which source files are in the library and what was indexed from them.

A small JSON file in the library home, rewritten atomically (temp file + ``os.replace``) so a
reader never sees half of it and a killed writer leaves the previous version. It records, per
source path, the content hash and the mtime/size seen when it was indexed (the fast pre-check
for "unchanged"), the document's metadata (so listing the library needs no parsing), and the
roots the user added (folders are rescanned on every sync: new files join, vanished ones go).
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

CATALOG_NAME = "catalog.json"
FORMAT = 1
SOURCE_SUFFIXES = (".txt", ".md")
_SURROGATES = re.compile("[\ud800-\udfff]")


@dataclass(frozen=True)
class LibraryEntry:
    """One document of the library, as listed (no parsing needed)."""

    id: str
    """Document id: first 12 hex digits of the SHA-1 of the source bytes."""
    path: str
    """Absolute path of the source file."""
    title: str
    region: str | None
    year: int | None
    kind: str | None
    chars: int
    """Length of the cleaned text."""
    sha1: str
    """SHA-1 of the source bytes."""
    bundled: bool
    """True for the sample reports shipped with reporttui."""


@dataclass
class SourceRecord:
    """What the catalogue remembers about one source file."""

    entry: LibraryEntry
    mtime: float
    size: int

    def to_json(self) -> dict[str, Any]:
        return {**asdict(self.entry), "mtime": self.mtime, "size": self.size}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> SourceRecord:
        names = LibraryEntry.__dataclass_fields__
        entry = LibraryEntry(**{k: data.get(k) for k in names})  # type: ignore[arg-type]
        return cls(entry=entry, mtime=float(data.get("mtime", 0)), size=int(data.get("size", -1)))


@dataclass
class FailedRecord:
    """A source that could not be loaded: retried only when its mtime or size changes."""

    path: str
    error: str
    mtime: float
    size: int


@dataclass
class Catalog:
    """The whole catalogue, as held in memory."""

    fingerprint: str = ""
    """Fingerprint of schema + tokenizer + dictionary + ingestion the index was built with."""
    index_name: str = ""
    """Folder (under ``home/index``) holding the live Whoosh index; empty when none yet."""
    roots: list[str] = field(default_factory=list)
    """Files and folders the user added (absolute), rescanned on every sync."""
    sources: dict[str, SourceRecord] = field(default_factory=dict)
    """Indexed sources by absolute path."""
    failed: dict[str, FailedRecord] = field(default_factory=dict)
    """Sources that failed to load, by absolute path."""

    def entries(self) -> list[LibraryEntry]:
        """One entry per distinct document (identical copies listed once), sorted by path."""
        seen: dict[str, LibraryEntry] = {}
        for path in sorted(self.sources):
            entry = self.sources[path].entry
            seen.setdefault(entry.id, entry)
        return list(seen.values())

    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "fingerprint": self.fingerprint,
            "index_name": self.index_name,
            "roots": self.roots,
            "sources": [r.to_json() for _, r in sorted(self.sources.items())],
            "failed": [asdict(f) for _, f in sorted(self.failed.items())],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Catalog:
        if data.get("format") != FORMAT:
            return cls()
        records = [SourceRecord.from_json(d) for d in data.get("sources", [])]
        failed = [FailedRecord(**d) for d in data.get("failed", [])]
        return cls(
            fingerprint=str(data.get("fingerprint", "")),
            index_name=str(data.get("index_name", "")),
            roots=[str(r) for r in data.get("roots", [])],
            sources={r.entry.path: r for r in records},
            failed={f.path: f for f in failed},
        )


def catalog_path(home: Path) -> Path:
    return home / CATALOG_NAME


def read_catalog(home: Path) -> Catalog:
    """The catalogue in ``home``; an empty one when absent or unreadable (it is rebuilt then)."""
    try:
        data = json.loads(catalog_path(home).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Catalog()
    try:
        return Catalog.from_json(data)
    except (TypeError, ValueError, KeyError, AttributeError):
        return Catalog()


def write_catalog(home: Path, catalog: Catalog) -> None:
    """Replace the catalogue atomically (readers see the old or the new file, never a mix)."""
    home.mkdir(parents=True, exist_ok=True)
    text = json.dumps(catalog.to_json(), ensure_ascii=False, indent=1)
    # A non-UTF-8 file name is held as os.fsdecode's lone surrogates: stored as \udcXX escapes
    # (valid JSON, read back to the same str, so os.fsencode gives the original bytes).
    text = _SURROGATES.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
    fd, tmp = tempfile.mkstemp(prefix=".catalog-", suffix=".tmp", dir=home)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, catalog_path(home))
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def scan_root(root: Path) -> list[Path]:
    """The report files under ``root``: itself if a file, else ``*.txt``/``*.md`` found recursively.

    Hidden files and folders are skipped; the result is sorted and absolute.
    """
    if root.is_file():
        return [root.resolve()]
    if not root.is_dir():
        return []
    found: list[Path] = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in files:
            if not name.startswith(".") and name.lower().endswith(SOURCE_SUFFIXES):
                found.append(Path(folder, name).resolve())
    return sorted(found)
