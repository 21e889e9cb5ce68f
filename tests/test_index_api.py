"""The index package's per-row figures: counts per document/section and match counts."""

from __future__ import annotations

from collections import Counter

import pytest

from conftest_search import seed_index
from reporttui.core.index import matcher
from reporttui.core.search.query import parse_query
from reporttui.core.search.search import build_filter, match_rows


@pytest.mark.parametrize(
    "text", ["发展", "林麝", "高质量发展", "生态 保护", "氢能 OR 储能", "section:民生 发展"]
)
def test_counts_and_match_counts(text: str) -> None:
    with seed_index().searcher() as s:
        pq = parse_query(text)
        found = match_rows(s, pq, build_filter(pq, s.reader()))
        assert len(found) > 0
        rows = found.rows.tolist()
        per_doc, per_section = matcher.view(s.reader()).counts(found.rows)
        docs = [s.stored_fields(r)["doc_id"] for r in rows]
        pairs = Counter(
            (s.stored_fields(r)["doc_id"], s.stored_fields(r)["section_id"]) for r in rows
        )
        ref_doc: Counter[str] = Counter()
        for (d, _), n in pairs.items():
            ref_doc[d] += n
        assert list(per_doc.items()) == ref_doc.most_common()
        assert list(per_section.items()) == list(pairs.items())
        assert sum(per_doc.values()) == len(docs)
        if pq.filters.section or len(pq.positive) != 1:
            return
        term = pq.positive[0].text
        for r, c, first in zip(rows, found.count.tolist(), found.first.tolist(), strict=False):
            body = s.stored_fields(r)["text"]
            assert c == body.count(term)
            if len(term) > 1:
                assert first >= 0
