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
