"""A view releases the pages it read once a budget of bytes is read (hits, issue 11, round 9)."""

from __future__ import annotations

import threading
from types import SimpleNamespace

from reporttui.core.index import matcher


class _Postings:
    def __init__(self) -> None:
        self.released = 0

    def release(self) -> None:
        self.released += 1


def _view(n: int) -> matcher.IndexView:
    view = object.__new__(matcher.IndexView)
    view.segments = [SimpleNamespace(postings=_Postings()) for _ in range(n)]  # type: ignore[misc]
    view._lock = threading.Lock()
    view._unreleased = 0
    view._touched = set()
    return view


def test_segments_are_released_once_the_budget_is_read(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(matcher, "RELEASE_AFTER", 100)
    view = _view(3)
    view.spend({0: 40, 1: 10})
    assert [s.postings.released for s in view.segments] == [0, 0, 0]
    view.spend({1: 30})
    assert [s.postings.released for s in view.segments] == [0, 0, 0]
    view.spend({2: 30})  # 110 bytes: every segment read since the last release goes
    assert [s.postings.released for s in view.segments] == [1, 1, 1]
    view.spend({0: 99})
    assert [s.postings.released for s in view.segments] == [1, 1, 1]
    view.spend({})
    view.spend({0: 1})
    assert [s.postings.released for s in view.segments] == [2, 1, 1]


def test_a_budget_of_zero_releases_after_every_query(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(matcher, "RELEASE_AFTER", 0)
    view = _view(2)
    view.spend({1: 1})
    assert [s.postings.released for s in view.segments] == [0, 1]


def test_with_no_budget_each_segment_is_released_before_the_next_is_read(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Round 6's behaviour on a real index of several segments: a query's mapped pages are one
    segment's at a time, not every segment's until the query ends (at ten times the corpus that
    was 1.4 GB of file pages in the search's resident set)."""
    from conftest_search import make_doc
    from reporttui.core.index import postings
    from reporttui.core.index.indexer import open_writer, ram_storage
    from reporttui.core.index.schema import document_rows, make_schema
    from reporttui.core.search import search

    monkeypatch.setattr(matcher, "RELEASE_AFTER", 0)
    ix = ram_storage().create_index(make_schema())
    for i in range(4):  # four commits, four segments (below the merge factor)
        w = open_writer(ix)
        w.add_rows(document_rows(make_doc(f"d{i}", [f"推进乡村振兴，发展现代农业{i}。"])))
        w.commit()
    events: list[tuple[str, int]] = []
    field, release = postings.SegmentPostings.field, postings.SegmentPostings.release

    def traced_field(self, name):  # type: ignore[no-untyped-def]
        events.append(("read", id(self)))
        return field(self, name)

    def traced_release(self) -> None:  # type: ignore[no-untyped-def]
        events.append(("release", id(self)))
        release(self)

    monkeypatch.setattr(postings.SegmentPostings, "field", traced_field)
    monkeypatch.setattr(postings.SegmentPostings, "release", traced_release)
    result = search.search(ix, "乡村振兴", use_jieba=False)
    assert result.total == 4
    releases = [i for i, (what, _) in enumerate(events) if what == "release"]
    assert releases, "no segment was released"
    # The match reads the segments one after another: each is released before the next is read.
    start = 0
    for n, i in enumerate(releases[:4]):
        read = {seg for what, seg in events[start:i] if what == "read"}
        assert len(read) == 1, f"release {n}: {len(read)} segments mapped at once"
        start = i + 1
