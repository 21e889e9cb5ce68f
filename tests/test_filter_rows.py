"""Filter rows kept per reader (search._filter_rows): equal filters share rows, different
filters (other years, other tagged passages) never do."""

from __future__ import annotations

import numpy as np
from whoosh import query as wq

from conftest import seed_doc
from conftest_search import build_index
from reporttui.core.search import search
from reporttui.core.search.tagfilter import TaggedRows


def test_filter_rows_follow_the_filter() -> None:
    ix = build_index(seed_doc(n) for n in (1, 2, 3))
    with ix.searcher() as searcher:
        years = sorted({int(seed_doc(n).year or 0) for n in (1, 2, 3)})
        a = search._filter_rows(searcher, wq.NumericRange("year", years[0], years[0]))
        b = search._filter_rows(searcher, wq.NumericRange("year", years[0], years[0]))
        assert a is b  # kept
        want = sorted(searcher.docs_for_query(wq.NumericRange("year", years[0], years[0])))
        assert a.tolist() == want
        other = search._filter_rows(searcher, wq.NumericRange("year", 1900, 1901))
        assert other.tolist() == []
        doc = seed_doc(1).id
        t1 = search._filter_rows(searcher, TaggedRows({doc: (frozenset(), frozenset({1}))}))
        t2 = search._filter_rows(searcher, TaggedRows({doc: (frozenset(), frozenset({1, 2}))}))
        assert len(t2) == len(t1) + 1 and np.isin(t1, t2).all()
        assert search._filter_rows(searcher, None) is None


def test_region_mask_equals_stepping_every_row() -> None:
    """Rows of reports with a region, found a document run at a time, are the rows Whoosh's
    region postings hold (segments, a report re-indexed without its region, reports without
    one); the titles of region-less reports are those the full table has."""
    from conftest_search import make_doc
    from reporttui.core.index import matcher
    from reporttui.core.index.indexer import open_writer
    from reporttui.core.index.schema import document_rows

    docs = [
        make_doc(f"d{i:02d}", [f"第{i}段发展经济。", "推进改革开放。"], region=r)
        for i, r in enumerate(["古交市", None, "太原市", "古交市", None, "晋中市"])
    ]
    ix = build_index(docs[:3])
    for batch in (docs[3:5], docs[5:]):
        w = open_writer(ix)
        w.add_rows(r for d in batch for r in document_rows(d))
        w.commit()
    w = open_writer(ix)  # d00 again, now without a region
    w.delete_document("d00")
    w.commit()
    w = open_writer(ix)
    w.add_rows(document_rows(make_doc("d00", ["第0段发展经济。", "推进改革开放。"], region=None)))
    w.commit()
    with ix.searcher() as searcher:
        reader = searcher.reader()
        n = matcher.view(reader).doc_count_all
        want = np.zeros(n, dtype=bool)
        for v, _ in search._lexicon(reader, "region"):
            ids = np.fromiter(reader.postings("region", v).all_ids(), dtype=np.int64)
            want[ids[ids < n]] = True
        live = matcher.view(reader).live()
        got = search._region_mask(searcher)
        assert live is not None
        assert np.array_equal(got[live], want[live])
        titles = search._regionless_titles(searcher)
        assert titles == {d: t for d, (t, _) in search._regionless(searcher).items()}
        assert set(titles) == {"d00", "d01", "d04"}


def test_regionless_docs_kept_per_reader_and_values() -> None:
    """query (issue 11): the region-less reports naming a region are kept per reader and values:
    the same answer as computing it, another for other values, recomputed for a new reader."""
    from dataclasses import replace

    from conftest_search import make_doc
    from reporttui.core.index.indexer import open_writer
    from reporttui.core.index.schema import document_rows

    docs = [
        make_doc("a1", ["古交市古交市古交市发展。"], region=None),
        replace(make_doc("a2", ["太原市推进改革。"], region=None), title="太原市政府工作报告"),
        make_doc("a3", ["晋中市发展。"], region="晋中市"),
    ]
    ix = build_index(docs)
    with ix.searcher() as searcher:
        assert search.regionless_docs(searcher, ("古交",)) == ["a1"]
        assert search.regionless_docs(searcher, ("古交",)) == ["a1"]  # kept
        assert search._regionless_docs(searcher, ("古交",)) == ["a1"]
        assert search.regionless_docs(searcher, ("太原",)) == ["a2"]
        assert search.regionless_docs(searcher, ("晋中",)) == []
    w = open_writer(ix)
    w.add_rows(document_rows(make_doc("a4", ["古交市古交市古交市建设。"], region=None)))
    w.commit()
    with ix.searcher() as searcher:  # a new reader: computed again
        assert sorted(search.regionless_docs(searcher, ("古交",))) == ["a1", "a4"]
