"""The parsed-catalogue cache (catalog.load): the same catalogue as parsing catalog.json, never
one of another catalog.json, and a damaged cache is only a slower read."""

from __future__ import annotations

import json
import os
from pathlib import Path

from reporttui.core.library import catalog as C


def _catalog(n: int, fingerprint: str = "f1") -> dict[str, object]:
    sources = [
        {
            "id": f"{i:012x}",
            "path": f"/r/{i}.md",
            "title": f"报告{i}",
            "region": "太原市" if i % 2 else None,
            "year": 2000 + i if i % 3 else None,
            "kind": "政府工作报告",
            "chars": 100 + i,
            "sha1": f"{i:040x}",
            "bundled": i == 0,
            "mtime": 1.5 + i,
            "size": 10 * i,
        }
        for i in range(n)
    ]
    failed = [{"path": "/r/bad.txt", "error": "cannot decode", "mtime": 2.0, "size": 3}]
    return {
        "format": C.FORMAT,
        "fingerprint": fingerprint,
        "index_name": "ix-1",
        "roots": ["/r"],
        "sources": sources,
        "failed": failed,
    }


def _write(home: Path, data: dict[str, object]) -> Path:
    path = home / C.CATALOG_NAME
    tmp = home / "tmp.json"
    tmp.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    os.replace(tmp, path)  # as the library writes it: a new file each time
    return path


def test_cached_catalogue_equals_the_parsed_one(tmp_path: Path) -> None:
    path = _write(tmp_path, _catalog(5))
    first, problems = C.load(path)
    assert problems == []
    assert (tmp_path / "cache" / C.PARSED_NAME).exists()
    again, _ = C.load(path)
    assert again == first
    assert list(again.sources) == list(first.sources)
    assert again == C.parse(json.loads(path.read_text(encoding="utf-8")))[0]


def test_a_replaced_catalogue_is_read_not_the_cache(tmp_path: Path) -> None:
    path = _write(tmp_path, _catalog(5))
    C.load(path)
    path = _write(tmp_path, _catalog(6, "f2"))  # same moment, new content
    got, _ = C.load(path)
    assert got.fingerprint == "f2" and len(got.sources) == 6
    assert C.load(path)[0] == got


def test_a_damaged_cache_is_a_plain_read(tmp_path: Path) -> None:
    path = _write(tmp_path, _catalog(4))
    want, _ = C.load(path)
    cache = tmp_path / "cache" / C.PARSED_NAME
    for junk in (b"", b"\x00\x01garbage", cache.read_bytes()[:-7]):
        cache.write_bytes(junk)
        assert C.load(path)[0] == want


def test_the_backup_is_never_cached(tmp_path: Path) -> None:
    backup = tmp_path / C.BACKUP_NAME
    backup.write_text(json.dumps(_catalog(3)), encoding="utf-8")
    C.load(backup)
    assert not (tmp_path / "cache").exists()


def test_cached_records_are_built_in_the_dataclass_field_order() -> None:
    """The cache rebuilds records positionally (process, issue 11): its field order must be the
    dataclasses' own."""
    from dataclasses import fields

    assert tuple(f.name for f in fields(C.LibraryEntry)) == C._ENTRY_FIELDS
    assert tuple(f.name for f in fields(C.SourceRecord)) == ("entry", "mtime", "size")


def test_cached_entries_behave_as_constructed_ones(tmp_path: Path) -> None:
    """process (issue 11): entries rebuilt from the cache without the frozen ``__init__`` are
    the same objects in every way a caller sees: fields, equality, hash, still frozen."""
    import dataclasses

    import pytest

    path = _write(tmp_path, _catalog(4))
    C.load(path)
    cached, _ = C.load(path)
    parsed = C.parse(json.loads(path.read_text(encoding="utf-8")))[0]
    for key, record in cached.sources.items():
        entry, built = record.entry, parsed.sources[key].entry
        assert type(entry) is C.LibraryEntry
        assert vars(entry) == vars(built) and entry == built and hash(entry) == hash(built)
        assert dataclasses.asdict(entry) == dataclasses.asdict(built)
        with pytest.raises(dataclasses.FrozenInstanceError):
            entry.title = "x"  # type: ignore[misc]
