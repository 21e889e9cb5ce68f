"""Reading-side shortcuts of the matcher give the same figures as the plain way (query, issue 11).

* :func:`matcher.match_all` (several specs, postings decoded once, per-term results shared)
  equals one :func:`matcher.match` per spec: rows, scores (bit for bit), counts, first positions;
  across segments, deletions and filters.
* :func:`matcher._members` (a bool array over the rows for big row lists) equals the binary
  search it replaces, on random sorted arrays of every shape.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from conftest_search import assert_same_matches, index_batches, seed_documents
from reporttui.core.index import matcher
from reporttui.core.index.schema import BIGRAM_FIELD, SECTION_POSTINGS, document_rows
from reporttui.core.search.query import parse_query
from reporttui.core.search.search import match_spec, understand

PAIRS = [
    ("发展", "发展 OR 建设"),
    ("林麝", "林麝 OR 沙棘 OR 养殖"),
    ("生态 保护", "(生态 OR 环境) 保护"),
    ("乡村振兴 -脱贫", "(乡村振兴 OR 乡村全面振兴) -脱贫"),
    ("GDP", "GDP OR 地区生产总值 OR 生产总值"),
    ("高质量发展", "高质量发展 OR 发展"),
]


_same = assert_same_matches


@pytest.mark.parametrize("deleted", [False, True])
def test_match_all_equals_one_match_per_spec(deleted: bool) -> None:
    per_doc = [list(document_rows(d)) for d in seed_documents()]
    batches = [per_doc[0] + per_doc[1], per_doc[2], per_doc[3] + per_doc[4]]
    gone = [per_doc[1][0]["doc_id"], per_doc[3][0]["doc_id"]] if deleted else []
    ix = index_batches(batches, gone)
    with ix.searcher() as s:
        reader = s.reader()
        n = reader.doc_count_all()
        filters = [None, np.arange(0, n, 3, dtype=np.int64), np.arange(n // 2, n, dtype=np.int64)]
        checked = 0
        for narrow, wide in PAIRS:
            specs = (match_spec(parse_query(wide)), match_spec(parse_query(narrow)))
            for allowed in filters:
                kw = {"exact_field": BIGRAM_FIELD, "allowed": allowed}
                together = matcher.match_all(reader, specs, section_field=SECTION_POSTINGS, **kw)
                for spec, got in zip(specs, together, strict=True):
                    alone = matcher.match(reader, spec, section_field=SECTION_POSTINGS, **kw)
                    _same(got, alone)
                    checked += len(alone)
        assert checked > 300


def test_match_all_with_a_synonym_plan_equals_separate_matches() -> None:
    """The search's own pair: the plan widened by synonyms, then the words as typed."""
    per_doc = [list(document_rows(d)) for d in seed_documents()]
    ix = index_batches([[r for rows in per_doc for r in rows]])
    with ix.searcher() as s:
        reader = s.reader()
        widened = 0
        for text in ("GDP", "民营经济 营商环境", "乡村振兴", "数字经济 人工智能", "人工智能"):
            pq = parse_query(text)
            plan = understand(pq, s, None, True)
            specs = (match_spec(pq, None, None, plan), match_spec(pq))
            widened += specs[0] != specs[1]
            together = matcher.match_all(reader, specs, exact_field=BIGRAM_FIELD)
            for spec, got in zip(specs, together, strict=True):
                _same(got, matcher.match(reader, spec, exact_field=BIGRAM_FIELD))
        assert widened >= 2  # the synonym table widens some of them


def _members_by_search(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    if not len(a) or not len(b):
        return np.zeros(len(a), dtype=bool)
    idx = np.minimum(np.searchsorted(b, a), len(b) - 1)
    return b[idx] == a


def test_members_dense_equals_binary_search() -> None:
    rng = np.random.default_rng(11)
    shapes = [
        (0, 5),
        (5, 0),
        (1, 1),
        (50, 50),
        (3000, 120_000),
        (120_000, 3000),
        (100_000, 100_000),
    ]
    for na, nb in shapes:
        for top in (max(na, nb, 1) * 2, 272_000, 1 << 40):
            a = np.unique(rng.integers(0, top, na, dtype=np.int64))
            b = np.unique(rng.integers(0, top, nb, dtype=np.int64))
            if len(a) and len(b):
                b = np.union1d(b, a[:: max(1, len(a) // 7)])  # some shared values
            assert matcher._members(a, b).tolist() == _members_by_search(a, b).tolist()


def test_index_of_equals_binary_search() -> None:
    """A subset's indices in a sorted list: the inverse array (dense rows) and the binary
    search (sparse rows) give what ``np.searchsorted`` gives, with its dtype."""
    rng = np.random.default_rng(12)
    for na in (1, 50, 3000, 20_000, 120_000):
        for top in (max(na, 1) * 2, 272_000, 1 << 40):
            a = np.unique(rng.integers(0, top, na, dtype=np.int64))
            for step in (1, 3, 97):
                b = a[::step]
                got = matcher._index_of(a, b)
                want = np.searchsorted(a, b)
                assert got.dtype == want.dtype and got.tolist() == want.tolist()
    assert matcher._index_of(np.arange(5), np.zeros(0, dtype=np.int64)).tolist() == []


def _reference_counts(
    docs: list[str], sections: list[str], rows: list[int]
) -> tuple[list[tuple[str, int]], list[tuple[tuple[str, str], int]]]:
    """Per document (most first, ties by first row) and per (document, section) (by first row)."""
    per_doc: dict[str, list[int]] = {}
    per_sec: dict[tuple[str, str], int] = {}
    for r in rows:
        got = per_doc.setdefault(docs[r], [0, r])
        got[0] += 1
        per_sec[(docs[r], sections[r])] = per_sec.get((docs[r], sections[r]), 0) + 1
    order = sorted(per_doc.items(), key=lambda kv: (-kv[1][0], kv[1][1]))
    return [(d, c) for d, (c, _) in order], list(per_sec.items())


@pytest.mark.parametrize("split", [False, True])
def test_counts_equal_a_plain_count(split: bool) -> None:
    """Per-report and per-section counts, by runs or the general way (a report's rows in two
    segments when ``split``), equal a count row by row."""
    per_doc = [list(document_rows(d)) for d in seed_documents()]
    first = per_doc[0]
    cut = len(first) // 2
    if split:  # one report's rows in the first and the last segment, apart
        batches = [first[:cut] + per_doc[1], per_doc[2] + per_doc[3], first[cut:] + per_doc[4]]
    else:
        batches = [first + per_doc[1], per_doc[2] + per_doc[3], per_doc[4]]
    ix = index_batches(batches)
    rng = np.random.default_rng(5)
    with ix.searcher() as s:
        view = matcher.view(s.reader())
        docs, sections = view.row_keys()
        n = len(docs)
        picks = [np.arange(n), np.arange(0, n, 2), np.arange(cut, n)]
        picks += [np.unique(rng.integers(0, n, k)) for k in (1, 5, 50, 500, n)]
        for rows in picks:
            rows = rows.astype(np.int64)
            got_doc, got_sec = view.counts(rows)
            want_doc, want_sec = _reference_counts(docs, sections, rows.tolist())
            assert list(got_doc.items()) == want_doc
            assert list(got_sec.as_dict().items()) == want_sec
            for key, c in want_sec[:20]:
                assert got_sec[key] == c


REPEATS = [
    "林麝 养殖 林麝养殖",
    "(林麝 养殖) OR (养殖 沙棘)",
    "(林麝养殖 OR 沙棘) 林麝养殖",
    "生态保护 生态 -保护区",
    "高质量发展 (高质量 OR 发展)",
    "民营经济 营商环境",
    "数字经济 人工智能",
    "(经济发展 生态) OR (生态保护 经济发展)",
    "乡村振兴 -脱贫攻坚 乡村",
    "section:民生 民生保障 就业",
    # a phrase asked again within rows that are not a subset (the second alternative's) must
    # be matched again: these differ when it is not (found on the seeds)
    "街巷 (公共 文明城市) OR (文明城市 小区)",
    "搭建 (经济 体系建设) OR (体系建设 军人)",
    "领导 (治理 团结在以) OR (团结在以 周围)",
]


def test_reusing_a_phrase_matched_within_more_rows_changes_nothing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A phrase asked again within a subset of the rows it was matched within is filtered, not
    matched again: the same figures as matching it each time (repeated phrases in AND, OR and
    exclusions, ranking words that are also terms), across segments and deletions."""
    per_doc = [list(document_rows(d)) for d in seed_documents()]
    batches = [per_doc[0] + per_doc[1], per_doc[2], per_doc[3] + per_doc[4]]
    ix = index_batches(batches, [per_doc[3][0]["doc_id"]])
    with ix.searcher() as s:
        reader = s.reader()
        kw = {"exact_field": BIGRAM_FIELD, "section_field": SECTION_POSTINGS}
        inner = matcher._SegmentMatcher._term
        calls = {True: 0, False: 0}
        counting = [False]

        def counted(self: Any, *args: Any, **kwargs: Any) -> Any:
            if counting[0]:
                calls[matcher.REUSE_WITHIN] += 1
            return inner(self, *args, **kwargs)

        monkeypatch.setattr(matcher._SegmentMatcher, "_term", counted)
        checked = 0
        for text in REPEATS:
            spec = match_spec(parse_query(text))
            matcher.match(reader, spec, **kw)  # the view's phrase frequencies, counted once
            counting[0] = True
            monkeypatch.setattr(matcher, "REUSE_WITHIN", True)
            reused = matcher.match(reader, spec, **kw)
            monkeypatch.setattr(matcher, "REUSE_WITHIN", False)
            fresh = matcher.match(reader, spec, **kw)
            counting[0] = False
            _same(reused, fresh)
            checked += len(fresh)
        assert checked > 20
        assert calls[True] < calls[False]  # phrases were reused


def test_top_equals_a_full_sort() -> None:
    """The best rows from a sampled threshold are those of sorting every row (ties by row)."""
    rng = np.random.default_rng(3)
    for n in (0, 1, 10, 700, 5000, 130_000):
        rows = np.sort(rng.choice(10 * n + 10, n, replace=False)).astype(np.int64)
        for kind in ("random", "ties", "constant"):
            if kind == "random":
                score = rng.random(n)
            elif kind == "ties":
                score = rng.integers(0, 20, n).astype(np.float64) / 7
            else:
                score = np.ones(n)
            m = matcher.Matches(rows, score, score, np.zeros(n, np.int64), np.zeros(n, np.int64))
            for k in (1, 5, 150, 2000):
                order = np.lexsort((rows, -score))[:k]
                want = [(int(r), float(s)) for r, s in zip(rows[order], score[order], strict=True)]
                assert m.top(k) == want


def test_top_firsts_are_the_top_rows_and_their_first_positions() -> None:
    """speed (issue 11, round 16): ``top_firsts`` gives ``dict(top(k))`` in its order and each
    of those rows' ``first`` (what a search of the rows among all matches finds)."""
    rng = np.random.default_rng(5)
    for n in (0, 1, 10, 700, 5000, 130_000):
        rows = np.sort(rng.choice(10 * n + 10, n, replace=False)).astype(np.int64)
        score = rng.integers(0, 20, n).astype(np.float64) / 7  # with ties
        first = rng.integers(-1, 400, n).astype(np.int64)
        m = matcher.Matches(rows, score, score, np.zeros(n, np.int64), first)
        for k in (0, 1, 5, 150, 2000):
            pool, firsts = m.top_firsts(k)
            assert list(pool.items()) == m.top(k)
            at = np.searchsorted(rows, np.asarray(list(pool), dtype=np.int64))
            assert list(firsts.items()) == list(zip(pool, first[at].tolist(), strict=True))
            assert all(type(d) is int and type(f) is int for d, f in firsts.items())
