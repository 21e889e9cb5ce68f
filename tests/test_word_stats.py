"""Ranking words' statistics read from the exact field (schema 9: indexing runs no jieba).

For each ranking word of a query (jieba's words of it), the matcher's word part of a row's score
must be BM25 with: tf = the word's occurrences in the row's units (overlapping ones counted),
df = rows holding it anywhere (deleted rows included, as Whoosh counts), the exact field's length
normalisation. The reference here counts units of each stored row text in plain Python.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pytest

from conftest_search import index_batches, make_doc, seed_documents
from reporttui.core.index import matcher
from reporttui.core.index.schema import BIGRAM_FIELD, JIEBA_FIELD, document_rows
from reporttui.core.index.tokenize import term_query_tokens, units
from reporttui.core.search.query import parse_query
from reporttui.core.search.search import match_spec, ranking_words

QUERIES = [
    "高质量发展",
    "林麝",
    "发展",
    "生态 保护",
    "新质生产力",
    "营商环境 数字经济",
    "乡村振兴 -脱贫",
    "5%左右",
    "一泓清水入黄河",
    "(林麝 养殖) OR 沙棘",
]


def _occurrences(row_units: list[str], word: list[str]) -> int:
    n = len(word)
    return sum(1 for i in range(len(row_units) - n + 1) if row_units[i : i + n] == word)


def _check(ix: Any, queries: list[str]) -> int:
    checked = 0
    with ix.searcher() as s:
        reader = s.reader()
        n_all = reader.doc_count_all()
        texts = [s.stored_fields(i)["text"] for i in range(n_all)]
        row_units = [units(t) for t in texts]
        view = matcher.view(reader)
        norm, lengths = view.norm(BIGRAM_FIELD), view.lengths(BIGRAM_FIELD)
        for text in queries:
            pq = parse_query(text)
            spec = match_spec(pq)
            if not spec.clauses or not spec.boosts:
                continue
            got = matcher.match(reader, spec, exact_field=BIGRAM_FIELD)
            expect = np.zeros(len(got.rows))
            words = {tuple(term_query_tokens(w)): units(w) for w in ranking_words(pq)}
            assert [t for t, _ in spec.boosts] == [t for t in words if t]
            for tokens, boost in spec.boosts:
                word = words[tokens]
                tf_all = [_occurrences(u, word) for u in row_units]
                df = sum(1 for tf in tf_all if tf)
                idf = math.log(n_all / (df + 1)) + 1
                for i, r in enumerate(got.rows.tolist()):
                    tf = tf_all[r]
                    if tf:
                        expect[i] += idf * 2.2 * tf / (tf + norm[lengths[r]]) * boost
            assert got.word_score == pytest.approx(expect, rel=1e-9, abs=1e-12), text
            assert np.all(got.score >= got.word_score)
            checked += 1
    return checked


def test_word_statistics_match_a_count_over_the_rows() -> None:
    rows = [r for d in seed_documents() for r in document_rows(d)]
    assert all(JIEBA_FIELD not in r for r in rows)  # indexing runs no jieba
    assert _check(index_batches([rows]), QUERIES) >= 8


def test_word_statistics_over_segments_deletions_and_skipped_segments() -> None:
    per_doc = [list(document_rows(d)) for d in seed_documents()]
    extra = list(document_rows(make_doc("x1", ["高质量发展高质量发展。", "林麝。"])))
    batches = [per_doc[0] + per_doc[1], per_doc[2], extra, per_doc[3] + per_doc[4]]
    gone = (per_doc[1][0]["doc_id"],)
    ix = index_batches(batches, gone)
    assert _check(ix, [*QUERIES, "高质量发展 林麝", "古交 高质量发展"]) >= 10
