"""Per-segment caches kept on disk (core/index/segcache.py): the region mask and the region-less
reports' texts a one-shot search would otherwise recompute from every row of the library. They
give what computing afresh gives after adds, deletions, re-indexed reports and damaged files,
and only new segments are computed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest
from whoosh.filedb.filestore import FileStorage

from conftest_search import make_doc
from reporttui.core.index import matcher, segcache
from reporttui.core.index.indexer import open_writer
from reporttui.core.index.schema import document_rows, make_schema
from reporttui.core.search import search

REGIONS = ["古交市", None, "太原市", "古交市", None, "晋中市"]


def _docs() -> list[Any]:
    return [
        make_doc(f"d{i:02d}", [f"第{i}段发展经济。", "推进改革开放。"], region=r)
        for i, r in enumerate(REGIONS)
    ]


def _add(ix: Any, docs: list[Any]) -> None:
    w = open_writer(ix)
    w.add_rows(r for d in docs for r in document_rows(d))
    w.commit()


def _fresh(ix: Any) -> tuple[Any, Any]:
    """The region mask and region-less texts computed with no cache (no home)."""
    with ix.searcher() as searcher:
        return search._region_mask(searcher), search._regionless(searcher)


def _cached(ix: Any, home: Path) -> tuple[Any, Any, Any]:
    """The same through the caches of ``home`` (a new searcher: as a new process would)."""
    with ix.searcher() as searcher:
        segcache.remember_home(searcher.reader(), home)
        live = matcher.view(searcher.reader()).live()
        return search._region_mask(searcher), search._regionless(searcher), live


def _empty_index(tmp_path: Path) -> Any:
    folder = tmp_path / "ix-1"
    folder.mkdir()
    return FileStorage(str(folder)).create_index(make_schema())


def _two_segments(tmp_path: Path) -> Any:
    """An index of the test documents in two segments (three, then the rest)."""
    ix = _empty_index(tmp_path)
    _add(ix, _docs()[:3])
    _add(ix, _docs()[3:])
    return ix


def _same(ix: Any, home: Path) -> None:
    want_mask, want_texts = _fresh(ix)
    got_mask, got_texts, live = _cached(ix, home)
    if live is None:
        assert np.array_equal(got_mask, want_mask)
    else:
        assert np.array_equal(got_mask[live], want_mask[live])
    assert got_texts == want_texts


@pytest.fixture()
def stepped(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Offsets of the segments whose region postings were stepped (not answered by the cache)."""
    seen: list[int] = []
    real = search._step_region

    def counting(leaf: Any, offset: int, *args: Any) -> None:
        seen.append(offset)
        real(leaf, offset, *args)

    monkeypatch.setattr(search, "_step_region", counting)
    return seen


@pytest.mark.parametrize("few", [True, False])
def test_caches_follow_adds_deletes_and_reindexing(
    tmp_path: Path, stepped: list[int], few: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    if not few:  # many region-less reports: their titles only (one stored row each)
        monkeypatch.setattr(search, "REGIONLESS_DOCS", 1)
    home = tmp_path / "home"
    ix = _empty_index(tmp_path)
    docs = _docs()
    _add(ix, docs[:3])
    _same(ix, home)
    assert segcache.cache_path(home, "region-mask").exists()
    assert segcache.cache_path(home, "regionless").with_suffix(".json").exists()
    stepped.clear()
    _cached(ix, home)
    assert stepped == []  # answered from the cache: no segment stepped
    _add(ix, docs[3:5])  # a new segment: only it is stepped
    stepped.clear()
    _cached(ix, home)
    assert len(stepped) == 1
    _same(ix, home)
    w = open_writer(ix)  # d00 re-indexed without its region; d02 removed
    w.delete_document("d00")
    w.delete_document("d02")
    w.commit()
    _add(ix, [make_doc("d00", ["第0段发展经济。", "推进改革开放。"], region=None), docs[5]])
    _same(ix, home)
    _, texts, _ = _cached(ix, home)
    assert set(texts) == {"d00", "d01", "d04"}


@pytest.mark.parametrize(
    "damage",
    [
        b"",
        b"not json\n\x00\x01",
        b'{"format": 1, "segments": {"x": [0, 999999]}}\n\x00',
        b'{"format": 1, "segments": []}\n',
        b'{"format": 1, "entries": {"k": [1, 2]}}',
    ],
)
def test_damaged_caches_are_recomputed(tmp_path: Path, damage: bytes) -> None:
    home = tmp_path / "home"
    ix = _two_segments(tmp_path)
    _same(ix, home)
    mask = segcache.cache_path(home, "region-mask")
    texts = mask.parent / "regionless.json"
    mask.write_bytes(damage)
    texts.write_bytes(damage)
    _same(ix, home)
    # a cache whose arrays have the wrong length for their segment is not used
    got = segcache.load(home, "region-mask")
    assert got
    segcache.store(home, "region-mask", {k: np.ones(len(v) + 1, bool) for k, v in got.items()})
    _same(ix, home)
    # a well-formed entry under its key is used as it is: the key names an unchanging segment
    entries = segcache.load_json(home, "regionless")
    segcache.store_json(home, "regionless", {k: ["x", "太原 太原 太原"] for k in entries})
    with ix.searcher() as searcher:
        segcache.remember_home(searcher.reader(), home)
        # a well-formed entry under the right key is trusted: the key names the segment
        assert all(t == ("x", "太原 太原 太原") for t in search._regionless(searcher).values())


def test_a_rebuilt_index_does_not_reuse_the_old_segments(tmp_path: Path) -> None:
    """A rebuild writes another folder with new segments: nothing of the old one applies."""
    home = tmp_path / "home"
    docs = _docs()
    for name, regions in (("ix-1", REGIONS), ("ix-2", [None] * len(REGIONS))):
        folder = tmp_path / name
        folder.mkdir()
        ix = FileStorage(str(folder)).create_index(make_schema())
        _add(
            ix,
            [
                make_doc(d.id, ["第段发展经济。"], region=r)
                for d, r in zip(docs, regions, strict=True)
            ],
        )
        _same(ix, home)
    _, texts, _ = _cached(ix, home)
    assert set(texts) == {d.id for d in docs}


def test_read_only_or_missing_home_keeps_no_cache(tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("x")
    segcache.store(blocked, "region-mask", {"a/b/1": np.ones(1, bool)})  # cannot mkdir: skipped
    segcache.store_json(blocked, "regionless", {"k": ["t", "x"]})
    assert segcache.load(blocked, "region-mask") == {}
    assert segcache.load_json(blocked, "regionless") == {}


def _regionless_report(folder: Path, name: str, extra: str) -> Path:
    """A report without region metadata whose text names 古交 three times."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(
        "工作报告\n\n一、总体要求\n\n今年推进发展经济，古交的建设、古交的改革、古交的开放都有进展。"
        f"\n\n继续发展经济，推进改革开放，{extra}。\n",
        encoding="utf-8",
    )
    return path


def _answers(home: Path) -> list[Any]:
    """What a new process answers (a new Library) for queries that use both caches."""
    from reporttui.core.library.library import Library

    out = []
    for query in ("region:古交 发展", "古交 经济", "发展 改革"):
        result = Library(home).search(query)
        out.append(
            (result.total, dict(result.per_doc), [(h.doc_id, h.paragraph) for h in result.hits])
        )
    return out


def _without_caches(home: Path) -> list[Any]:
    for kind in ("region-mask.segs", "regionless.json"):
        (home / "cache" / kind).unlink(missing_ok=True)
    return _answers(home)


def test_library_answers_the_same_with_caches_after_file_changes(tmp_path: Path) -> None:
    """As a user would change a library: add, change, rename and remove report files; every
    new process answers as it would without any cache."""
    from reporttui.core.library.library import Library

    home, src = tmp_path / "home", tmp_path / "src"
    a = _regionless_report(src, "a.txt", "甲")
    _regionless_report(src, "b.txt", "乙")
    library = Library(home)
    library.add([src])
    assert sum(1 for e in library.entries() if not e.region) == 2
    first = _answers(home)
    assert segcache.cache_path(home, "region-mask").exists()
    assert first == _answers(home) == _without_caches(home)
    _regionless_report(src, "c.txt", "丙")  # added
    Library(home).sync()
    assert _answers(home) == _without_caches(home)
    a.write_text(a.read_text("utf-8").replace("古交的建设", "晋中的建设"), "utf-8")  # changed
    Library(home).sync()
    assert _answers(home) == _without_caches(home)
    a.rename(src / "a2.txt")  # renamed
    Library(home).sync()
    assert _answers(home) == _without_caches(home)
    (src / "b.txt").unlink()  # removed
    Library(home).sync()
    got = _answers(home)
    assert got == _without_caches(home)
    assert got[0][0] > 0  # the region-less reports naming 古交 are found by region:古交


def test_view_facts_are_kept_per_view_and_follow_deletions(tmp_path: Path) -> None:
    """Whether every report's rows are one run (IndexView._contiguous) is read back by a new
    process for the same segments and deletions only; a damaged entry is recomputed."""
    home = tmp_path / "home"
    ix = _two_segments(tmp_path)

    def contiguous(with_home: bool) -> tuple[bool, bool]:
        with ix.searcher() as searcher:
            if with_home:
                segcache.remember_home(searcher.reader(), home)
            v = matcher.view(searcher.reader())
            return v._contiguous("doc"), v._contiguous("section")

    assert contiguous(True) == contiguous(False) == (True, True)
    kept = segcache.load_json(home, "runs")
    assert len(kept) == 1
    (key,) = kept
    segcache.store_json(home, "runs", {key: {"doc": False, "section": False}})
    assert contiguous(True) == (False, False)  # read back, not recomputed: the same view
    w = open_writer(ix)  # a deletion: another view, computed afresh
    w.delete_document("d01")
    w.commit()
    assert contiguous(True) == contiguous(False) == (True, True)
    for damage in ({"x": 1}, {next(iter(segcache.load_json(home, "runs"))): [1, 2]}):
        segcache.store_json(home, "runs", damage)
        assert contiguous(True) == (True, True)


KEY_COLUMNS = ("doc_id", "section_id", search.FACTS_KEY)


def _key_columns(ix: Any, home: Path | None) -> dict[str, tuple[list[int], list[str]]]:
    """Every row key column of a fresh view (a new process's), through ``home``'s cache."""
    with ix.searcher() as searcher:
        if home is not None:
            segcache.remember_home(searcher.reader(), home)
        view = matcher.IndexView(searcher.reader())
        got = {}
        for name in KEY_COLUMNS:
            codes, strings = view.key_column(name)
            assert codes.dtype == np.int64
            got[name] = (codes.tolist(), strings)
        return got


def test_key_columns_kept_per_view_follow_adds_and_deletions(tmp_path: Path) -> None:
    """process (issue 11): a view's joined row key columns (codes and strings) are kept in the
    home; a later view of the same segments reads them instead of joining the segments', and
    gives exactly what joining gives after adds and deletions."""
    home = tmp_path / "home"
    ix = _two_segments(tmp_path)
    fresh = _key_columns(ix, None)
    assert _key_columns(ix, home) == fresh
    assert all(segcache.codes_path(home, f"keys-{n}").exists() for n in KEY_COLUMNS)
    # the kept columns are what the next view uses (not rebuilt from the segments)
    path = segcache.codes_path(home, "keys-doc_id")
    head, _, body = path.read_bytes().partition(b"\n")
    swapped = head.replace(b'"d00"', b'"dXX"')
    assert swapped != head
    path.write_bytes(swapped + b"\n" + body)
    got = _key_columns(ix, home)["doc_id"]
    assert got[1] == ["dXX" if s == "d00" else s for s in fresh["doc_id"][1]]
    _add(ix, [make_doc("d09", ["第9段发展经济。"], region="太原市")])  # another view
    w = open_writer(ix)
    w.delete_document("d01")
    w.commit()
    assert _key_columns(ix, home) == _key_columns(ix, None)
    assert "d09" in _key_columns(ix, home)["doc_id"][1]


@pytest.mark.parametrize(
    "damage",
    [
        b"",
        b"not json\n\x00\x01",
        b'{"format": 1, "key": "x", "rows": 1, "strings": ["a"]}\n\x00\x00\x00\x00',
        b"cut",
        b"codes out of range",
        b"strings not text",
    ],
)
def test_damaged_key_column_caches_are_recomputed(tmp_path: Path, damage: bytes) -> None:
    home = tmp_path / "home"
    ix = _two_segments(tmp_path)
    fresh = _key_columns(ix, None)
    assert _key_columns(ix, home) == fresh
    for name in KEY_COLUMNS:
        path = segcache.codes_path(home, f"keys-{name}")
        head, _, body = path.read_bytes().partition(b"\n")
        if damage == b"cut":
            path.write_bytes(head + b"\n" + body[:-4])
        elif damage == b"codes out of range":
            path.write_bytes(head + b"\n" + body[:-4] + (2**30).to_bytes(4, "little"))
        elif damage == b"strings not text":
            path.write_bytes(head.replace(b'"strings": [', b'"strings": [1, ') + b"\n" + body)
        else:
            path.write_bytes(damage)
    assert _key_columns(ix, home) == fresh
    assert _key_columns(ix, home) == fresh  # (rewritten by the first)
