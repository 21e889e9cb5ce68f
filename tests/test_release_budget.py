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
