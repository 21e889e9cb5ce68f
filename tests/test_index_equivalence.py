"""The project's postings + matcher give the same hits, counts, scores and order as the previous
format (Whoosh-inverted ``bg`` field read by the old block reader, kept as tests/legacy_fastmatch.py).

Both indexes are built from the same rows (seeds; a corpus sample in the corpus test), so
document numbers agree and results can be compared exactly: the same set of matching rows, and
the same top rows with bit-identical scores in the same order. The ranking words' part of the
score (schema 9: read from the exact field, no jieba field) is compared with a count over each
row's text (tests/test_word_stats.py).
"""

from __future__ import annotations

import dataclasses
import random
import re
from collections.abc import Iterable, Sequence
from typing import Any

import pytest

import legacy_fastmatch as fastmatch
from conftest_search import index_batches, seed_documents
from reporttui.core.index import matcher
from reporttui.core.index.indexer import ram_storage
from reporttui.core.index.schema import (
    BIGRAM_FIELD,
    JIEBA_FIELD,
    SECTION_POSTINGS,
    document_rows,
    make_schema,
)
from reporttui.core.search.query import parse_query
from reporttui.core.search.search import build_filter, match_spec

QUERIES = [
    "发展",
    "建设",
    "林麝",
    "高质量发展",
    '"一泓清水入黄河"',
    "生态 保护",
    "乡村振兴 -脱贫",
    "氢能 OR 储能",
    "5%左右",
    "6.5%",
    "region:古交 发展",
    "林麝 OR 沙棘 养殖",
    "发展发展",
    "(林麝 养殖) OR 沙棘",
    "year:2024 发展",
    "section:民生 发展",
    "section:产业 section:农业 林麝",
    "section:，， 发展",
    "数字经济 人工智能",
    "民营经济 营商环境",
    '"专精特新"',
    '"绿色低碳转型"',
    "营商环境",
    "新质生产力",
    "3个",
    "107.48亿元",
    "new york",
    "生态 保护 黄河",  # three clauses: matched rarest first, scores added in the typed order
    "发展 改革 -深化 开放",
]


def _legacy_index(batches: Sequence[Sequence[dict[str, Any]]], delete: Iterable[str] = ()) -> Any:
    ix = ram_storage().create_index(make_schema(legacy=True))
    for rows in batches:
        w = ix.writer()
        for row in rows:
            w.add_document(**row)
        w.commit(merge=False)
    if delete:
        w = ix.writer()
        for d in delete:
            w.delete_by_term("doc_id", d)
        w.commit(merge=False)
    return ix


def _compare(old_ix: Any, new_ix: Any, queries: Iterable[str], limit: int = 50) -> int:
    checked = 0
    with old_ix.searcher() as so, new_ix.searcher() as sn:
        assert so.doc_count_all() == sn.doc_count_all()
        for text in queries:
            pq = parse_query(text)
            spec = dataclasses.replace(match_spec(pq), boosts=())
            if not spec.clauses:
                continue
            filt_o = _legacy_filter(pq, so.reader())
            filt_n = build_filter(pq, sn.reader())
            allowed_o = set(so.docs_for_query(filt_o)) if filt_o is not None else None
            allowed_n = set(sn.docs_for_query(filt_n)) if filt_n is not None else None
            old = fastmatch.run(
                so,
                [[list(map(list, alt)) for alt in c] for c in spec.clauses],
                [list(t) for t in spec.excluded],
                list(spec.boosts),
                allowed_o,
                limit,
                field=BIGRAM_FIELD,
                boost_field=JIEBA_FIELD,
            )
            assert old is not None, text
            old_top, old_all = old
            new = matcher.match(
                sn.reader(),
                spec,
                exact_field=BIGRAM_FIELD,
                word_field=JIEBA_FIELD,
                allowed=allowed_n,
                section_field=SECTION_POSTINGS,
            )
            assert new.rows.tolist() == sorted(old_all), text
            assert new.top(limit) == old_top, text  # same rows, same order, identical floats
            checked += 1
    return checked


def _legacy_filter(pq: Any, reader: Any) -> Any:
    """The previous format's filter: region/kind/year plus section_path as a Whoosh phrase."""
    from whoosh import query as wq

    from reporttui.core.search.search import term_query

    parts = [q for q in [build_filter(pq, reader)] if q is not None]
    secs = [q for q in (term_query(s, "section_path") for s in pq.filters.section) if q is not None]
    if secs:
        parts.append(wq.Or(secs) if len(secs) > 1 else secs[0])
    if not parts:
        return None
    return wq.And(parts) if len(parts) > 1 else parts[0]


def _terms(rows: Sequence[dict[str, Any]], n: int, seed: int) -> list[str]:
    """Random 2-6 character CJK substrings of the texts (common and rare ones)."""
    rng = random.Random(seed)
    runs = [m.group() for r in rows for m in re.finditer(r"[\u4e00-\u9fff]{2,}", r["text"])]
    out = []
    while len(out) < n and runs:
        run = rng.choice(runs)
        k = min(len(run), rng.choice([2, 2, 3, 4, 6]))
        i = rng.randrange(len(run) - k + 1)
        out.append(run[i : i + k])
    return out


def _rows(docs: Iterable[Any]) -> list[list[dict[str, Any]]]:
    return [list(document_rows(d)) for d in docs]


def test_seeds_same_results_as_previous_format() -> None:
    per_doc = _rows(seed_documents())
    batches = [[r for rows in per_doc for r in rows]]
    flat = batches[0]
    queries = (
        QUERIES
        + _terms(flat, 150, 1)
        + [f"{a} {b}" for a, b in zip(_terms(flat, 20, 2), _terms(flat, 20, 3), strict=False)]
    )
    assert _compare(_legacy_index(batches), index_batches(batches), queries) > 150


def test_segments_and_deletions_same_results_as_previous_format() -> None:
    per_doc = _rows(seed_documents())
    batches = [per_doc[0] + per_doc[1], per_doc[2], per_doc[3] + per_doc[4]]
    gone = [per_doc[1][0]["doc_id"], per_doc[3][0]["doc_id"]]
    flat = [r for rows in per_doc for r in rows]
    queries = QUERIES + _terms(flat, 80, 4)
    assert _compare(_legacy_index(batches, gone), index_batches(batches, gone), queries) > 80


@pytest.mark.corpus
def test_corpus_sample_same_results_as_previous_format(corpus_dir: Any) -> None:
    from reporttui.core.text.ingest import load_document

    files = sorted(corpus_dir.rglob("*.md"))[::100]  # ~30 reports across the folders
    per_doc = _rows(load_document(p) for p in files)
    batches = [
        [r for rows in per_doc[::2] for r in rows],
        [r for rows in per_doc[1::2] for r in rows],
    ]
    flat = batches[0] + batches[1]
    queries = (
        QUERIES
        + _terms(flat, 200, 5)
        + [f"{a} -{b}" for a, b in zip(_terms(flat, 10, 6), _terms(flat, 10, 7), strict=False)]
    )
    assert _compare(_legacy_index(batches), index_batches(batches), queries) > 200


def test_section_runs_split_across_segments_same_results_as_previous_format() -> None:
    """The section path is indexed at the first row of each run of a section's rows; a very
    large file's rows are cut into segments mid-section (indexer's rollover): the row after
    the cut starts a run again, and ``section:`` filters stay exact."""
    per_doc = _rows(seed_documents())
    rows = per_doc[0] + per_doc[1]
    cuts = [
        i
        for i in range(1, len(rows))
        if rows[i]["section_id"] == rows[i - 1]["section_id"]
        and rows[i]["doc_id"] == rows[i - 1]["doc_id"]
    ]
    assert len(cuts) > 3
    at = sorted({cuts[len(cuts) // 3], cuts[2 * len(cuts) // 3]})
    batches = [rows[: at[0]], rows[at[0] : at[1]], rows[at[1] :] + per_doc[2]]
    sections = sorted({r["section_path"] for r in rows if r.get("section_path")})
    words = {w for p in sections for w in re.findall(r"[\u4e00-\u9fff]{2}", p)}
    queries = [f"section:{w} 发展" for w in sorted(words)[:40]] + ["section:民生 发展"]
    assert _compare(_legacy_index(batches), index_batches(batches), queries) > 10
