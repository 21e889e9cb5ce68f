"""The fast BM25F and the one-pass collector give exactly Whoosh's ranking and counts."""

from __future__ import annotations

import pytest
from conftest_search import seed_index
from whoosh.util.numeric import byte_to_length

from reporttui.core import scoring
from reporttui.core.search import build_filter, build_query
from reporttui.core.query import parse_query

QUERIES = ["发展", "林麝", "高质量发展", '"一泓清水入黄河"', "生态 保护", "乡村振兴 -脱贫",
           "氢能 OR 储能", "5%左右", "region:古交 发展"]


def test_length_bytes_match_whoosh_lengths() -> None:
    with seed_index().searcher() as s:
        for leaf, _ in s.reader().leaf_readers():
            for field in ("bg", "jb"):
                data = scoring.length_bytes(leaf, field)
                assert data is not None and len(data) == leaf.doc_count_all()
                for n in range(0, leaf.doc_count_all(), 7):
                    expect = leaf.doc_field_length(n, field, 1)
                    got = byte_to_length(data[n]) if data[n] else 1
                    assert got == expect


@pytest.mark.parametrize("text", QUERIES)
def test_same_ranking_and_counts_as_whoosh(text: str) -> None:
    pq = parse_query(text)
    with seed_index().searcher() as s:
        q = build_query(pq)
        filt = build_filter(pq, s.reader())
        if filt is not None:
            from whoosh import query as wq
            q = wq.And([q, wq.ConstantScoreQuery(filt, 0.0)])
        reference = s.search(q, limit=20, terms=False)
        ref = [(hit.docnum, round(hit.score, 9)) for hit in reference]
        ref_all = sorted(reference.docs())
        c = scoring.CountingTopCollector(20)
        s.search_with_collector(q, c, context=s.context(weighting=scoring.WEIGHTING))
        got = [(hit.docnum, round(hit.score, 9)) for hit in c.results()]
        assert got == ref
        assert sorted(c.matched) == ref_all
        assert ref_all  # every query here matches something in the seeds


def test_fast_scorer_is_used() -> None:
    with seed_index().searcher() as s:
        leaf = s.reader().leaf_readers()[0][0] if not s.is_atomic() else s.reader()
        sub = s if s.is_atomic() else s.leaf_searchers()[0][0]
        assert leaf is sub.reader()
        sc = scoring.WEIGHTING.scorer(sub, "bg", "发展".encode())
        assert isinstance(sc, scoring.TableBM25FScorer)
