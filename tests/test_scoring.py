"""The fast BM25F and the one-pass collector give exactly Whoosh's ranking and counts, and the
project's matcher (own postings) gives Whoosh's own rows, scores and order.

scoring.py works on Whoosh-inverted fields, so those tests use an index of the previous format
(``make_schema(legacy=True)``), which is also Whoosh's own reference for the matcher.
"""

from __future__ import annotations

import functools

import pytest
from whoosh.util.numeric import byte_to_length

import legacy_scoring as scoring
from conftest_search import seed_documents, seed_index
from reporttui.core.search.query import parse_query
from reporttui.core.search.search import build_filter, build_query


@functools.lru_cache(maxsize=1)
def legacy_seed_index():  # type: ignore[no-untyped-def]
    """The seeds in the previous format: ``bg``/``jb`` inverted by Whoosh (the rows' jieba
    words added here: since schema 9 rows carry none)."""
    from reporttui.core.index.indexer import ram_storage
    from reporttui.core.index.schema import JIEBA_FIELD, document_rows, make_schema
    from reporttui.core.index.tokenize import jieba_words

    ix = ram_storage().create_index(make_schema(legacy=True))
    w = ix.writer()
    for d in seed_documents():
        for row in document_rows(d):
            w.add_document(**row, **{JIEBA_FIELD: tuple(jieba_words(row["text"]))})
    w.commit()
    return ix


QUERIES = [
    "发展",
    "林麝",
    "高质量发展",
    '"一泓清水入黄河"',
    "生态 保护",
    "乡村振兴 -脱贫",
    "氢能 OR 储能",
    "5%左右",
    "region:古交 发展",
]


def test_length_bytes_match_whoosh_lengths() -> None:
    with legacy_seed_index().searcher() as s:
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
    with legacy_seed_index().searcher() as s:
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
    with legacy_seed_index().searcher() as s:
        leaf = s.reader().leaf_readers()[0][0] if not s.is_atomic() else s.reader()
        sub = s if s.is_atomic() else s.leaf_searchers()[0][0]
        assert leaf is sub.reader()
        sc = scoring.WEIGHTING.scorer(sub, "bg", "发展".encode())
        assert isinstance(sc, scoring.TableBM25FScorer)


MORE = [*QUERIES, "林麝 OR 沙棘 养殖", "发展发展", "(林麝 养殖) OR 沙棘", "year:2024 发展"]


def _whoosh_reference(s, text: str, limit: int):  # type: ignore[no-untyped-def]
    from whoosh import query as wq

    pq = parse_query(text)
    q = build_query(pq, use_jieba=False)
    filt = build_filter(pq, s.reader())
    if filt is not None:
        q = wq.And([q, wq.ConstantScoreQuery(filt, 0.0)])
    r = s.search(q, limit=limit, terms=False)
    return [(h.docnum, h.score) for h in r], sorted(r.docs())


@pytest.mark.parametrize("text", MORE)
def test_matcher_same_rows_scores_and_order_as_whoosh(text: str) -> None:
    """Whoosh's own matching and BM25F on the previous format vs the matcher on the new one
    (the exact field's part: ranking words are compared in tests/test_word_stats.py)."""
    from reporttui.core.search.search import match_rows

    with legacy_seed_index().searcher() as so, seed_index().searcher() as sn:
        ref_top, ref_all = _whoosh_reference(so, text, 30)
        pq = parse_query(text)
        found = match_rows(sn, pq, build_filter(pq, sn.reader()), use_jieba=False)
        top = found.top(30)
        assert found.rows.tolist() == ref_all
        assert [d for d, _ in top] == [d for d, _ in ref_top]
        # Whoosh's ConstantScoreQuery for filters adds a constant 1.0 to every row: same order.
        shift = 1.0 if pq.filters else 0.0
        for (_, a), (_, b) in zip(top, ref_top, strict=False):
            assert a + shift == pytest.approx(b, rel=1e-9)


def test_exclusion_is_exact() -> None:
    """高质量 -发展: rows with 高质量 and without 发展 (Whoosh's AndNot kept a row with both)."""
    from reporttui.core.search.search import search

    with seed_index().searcher() as s:
        truth = sorted(
            n
            for n in range(s.doc_count_all())
            if "高质量" in s.stored_fields(n)["text"] and "发展" not in s.stored_fields(n)["text"]
        )
        r = search(s, "高质量 -发展", limit=1000)
        got = sorted((h.doc_id, h.paragraph, h.text) for h in r.hits)
        assert r.total == len(truth) > 0
        assert all("发展" not in t and "高质量" in t for _, _, t in got)


def test_matcher_skips_deleted_rows_and_reads_every_segment() -> None:
    from conftest_search import make_doc
    from reporttui.core.index.indexer import open_writer, ram_storage
    from reporttui.core.index.schema import document_rows, make_schema
    from reporttui.core.search.search import search

    ix = ram_storage().create_index(make_schema())
    for i, paras in enumerate(
        [["推进林麝养殖。", "林麝产业发展。"], ["林麝基地建设。"], ["林麝保护。"]]
    ):
        w = open_writer(ix)
        w.add_rows(document_rows(make_doc(f"d{i}", paras)))
        w.commit()
    assert search(ix, "林麝").total == 4
    w = open_writer(ix)
    w.delete_document("d1")
    w.commit()
    with ix.searcher() as s:
        assert not s.is_atomic()
        r = search(s, "林麝")
        assert r.total == 3 and r.per_doc == {"d0": 2, "d2": 1}
        assert {h.doc_id for h in r.hits} == {"d0", "d2"}
