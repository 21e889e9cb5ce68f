"""Per-report counts kept as arrays (matcher.DocCounts) and the runs they are counted from."""

from __future__ import annotations

from collections import Counter

import numpy as np
import pytest

from conftest_search import seed_index
from reporttui.core.index import matcher
from reporttui.core.search.query import parse_query
from reporttui.core.search.search import build_filter, match_rows


def _reference(s, rows: list[int]) -> list[tuple[str, int]]:  # type: ignore[no-untyped-def]
    return Counter(s.stored_fields(r)["doc_id"] for r in rows).most_common()


@pytest.mark.parametrize("text", ["发展", "林麝", "高质量发展", "生态 保护", "section:民生 发展"])
def test_lookups_before_iteration_match_the_full_counts(text: str) -> None:
    with seed_index().searcher() as s:
        pq = parse_query(text)
        found = match_rows(s, pq, build_filter(pq, s.reader()))
        ref = _reference(s, found.rows.tolist())
        ix = matcher.view(s.reader())
        for trusted in (False, True):
            if trusted:  # the once-per-index runs check made: counting trusts it from then on
                assert ix._contiguous("section") and ix._contiguous("doc")
            per_doc, _ = ix.counts(found.rows)
            assert len(per_doc) == len(ref)
            for doc, n in ref:  # looked up in the arrays, no dict made yet
                assert per_doc[doc] == n and per_doc.get(doc) == n and doc in per_doc
            assert per_doc.get("no such report") is None and "no such report" not in per_doc
            assert list(per_doc.items()) == ref  # most first, ties in order of first row
            assert per_doc == dict(ref) and dict(per_doc) == dict(ref)


def test_a_report_without_matches_is_not_listed() -> None:
    with seed_index().searcher() as s:
        pq = parse_query("林麝")
        found = match_rows(s, pq, build_filter(pq, s.reader()))
        every = {s.stored_fields(r)["doc_id"] for r in range(s.doc_count_all())}
        per_doc, _ = matcher.view(s.reader()).counts(found.rows)
        for doc in every - {d for d, _ in _reference(s, found.rows.tolist())}:
            with pytest.raises(KeyError):
                per_doc[doc]
        empty, sections = matcher.view(s.reader()).counts(found.rows[:0])
        assert len(empty) == 0 and dict(empty) == {} and empty.get("x") is None
        assert len(sections) == 0


def test_runs_of_equal_values() -> None:
    values = np.array([3, 3, 5, 7, 7, 7, 2], dtype=np.int64)
    head, lengths = matcher._runs(values)
    assert head.tolist() == [3, 5, 7, 2] and lengths.tolist() == [2, 1, 3, 1]
    assert matcher._runs(np.array([1, 2, 1], dtype=np.int64)) is None  # 1 has two runs
    head, lengths = matcher._runs(np.array([1, 2, 1], dtype=np.int64), known_unique=True)
    assert head.tolist() == [1, 2, 1] and lengths.tolist() == [1, 1, 1]
    head, lengths = matcher._runs(np.array([9], dtype=np.int64))
    assert head.tolist() == [9] and lengths.tolist() == [1]


@pytest.mark.parametrize("seed", range(6))
def test_repeats_as_running_sums_equal_numpy_repeat(
    seed: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(matcher, "_REPEAT_MIN", 0 if seed < 4 else 8192)  # both ways
    rng = np.random.default_rng(seed)
    runs = int(rng.integers(1, 6000))
    n = rng.integers(0 if seed % 2 else 1, 9, runs).astype(np.int64)  # odd seeds: empty runs
    x = (rng.integers(0, 1 << 20, runs).astype(np.int64) << 32) - int(rng.integers(0, 5))
    total = int(n.sum())
    assert np.array_equal(matcher._repeat(x, n, total), np.repeat(x, n))
    begin = rng.integers(0, 1 << 40, runs).astype(np.int64)
    starts = np.cumsum(n) - n
    ref = np.arange(total, dtype=np.int64) + np.repeat(begin - starts, n)
    got = matcher._ranges(begin, n, total)
    assert got.dtype == np.int64 and np.array_equal(got, ref)


def test_short_repeats_take_numpy_repeat_and_agree() -> None:
    n = np.array([2, 0, 3], dtype=np.int64)
    x = np.array([5, 6, -7], dtype=np.int64)
    assert matcher._repeat(x, n, 5).tolist() == [5, 5, -7, -7, -7]
    assert matcher._ranges(np.array([10, 99, 3], dtype=np.int64), n, 5).tolist() == [
        10,
        11,
        3,
        4,
        5,
    ]


@pytest.mark.parametrize("text", ["发展", "高质量发展", "section:民生 发展"])
def test_sections_counted_when_first_read(text: str) -> None:
    with seed_index().searcher() as s:
        pq = parse_query(text)
        found = match_rows(s, pq, build_filter(pq, s.reader()))
        rows = found.rows.tolist()
        ref = Counter(
            (s.stored_fields(r)["doc_id"], s.stored_fields(r)["section_id"]) for r in rows
        )
        ix = matcher.view(s.reader())
        for first in ("lookup", "len", "iterate"):
            _, per_section = ix.counts(found.rows)
            if first == "lookup":
                assert all(per_section[k] == n for k, n in ref.items())
            elif first == "len":
                assert len(per_section) == len(ref)
            assert list(per_section.items()) == list(ref.items())
            assert per_section.get(("no such report", "s1")) is None
