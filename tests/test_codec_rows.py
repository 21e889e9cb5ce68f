"""Stored rows come back exactly as they were added (core/index/codec.py factors out what a row
shares with its document's first row and the section path it shares with the rows before it,
and deflates the text with the segment's dictionary; small segments have none)."""

from __future__ import annotations

from typing import Any

from conftest_search import make_doc, seed_documents
from reporttui.core.index import codec, merge
from reporttui.core.index.indexer import open_writer, ram_storage
from reporttui.core.index.schema import BIGRAM_FIELD, ROLE_FIELD, document_rows, make_schema


def _expected(row: dict[str, Any]) -> dict[str, Any]:
    """What Whoosh stores of a row: all but the postings text and the role (a column only)."""
    return {k: v for k, v in row.items() if k not in (BIGRAM_FIELD, ROLE_FIELD)}


def _stored(ix: Any) -> list[dict[str, Any]]:
    with ix.searcher() as s:
        return [s.stored_fields(i) for i in range(s.doc_count_all())]


def test_rows_round_trip_and_section_paths_are_factored() -> None:
    rows = [r for d in seed_documents() for r in document_rows(d)]
    ix = ram_storage().create_index(make_schema())
    w = open_writer(ix)
    w.add_rows(dict(r) for r in rows)
    w.commit()
    assert _stored(ix) == [_expected(r) for r in rows]
    with ix.searcher() as s:
        leaf = s.reader().leaf_readers()[0][0] if not s.is_atomic() else s.reader()
        raw = leaf._perdoc._cached_reader("_stored", codec.STORED_READ_COLUMN)
        refs = sum(1 for i in range(s.doc_count_all()) if codec.SECTION in (raw[i] or {}))
        deflated = sum(1 for i in range(s.doc_count_all()) if codec.DEFLATED_TEXT in raw[i])
        assert len(raw[0][codec.ZDICT]) == codec.ZDICT_BYTES  # the segment's dictionary
    assert deflated == len(rows)  # every row's text deflated with it
    assert refs > len(rows) // 4  # a section's later rows refer to its first row's path


def test_rows_round_trip_across_segments_deletions_and_a_merge() -> None:
    docs = list(seed_documents())
    extra = [
        make_doc(f"x{i}", [f"第{i}段。", "林麝。", "发展。"]) for i in range(merge.MERGE_FACTOR)
    ]
    ix = ram_storage().create_index(make_schema())
    kept: list[dict[str, Any]] = []
    for d in [*docs[:2], *extra]:
        w = open_writer(ix)
        got = list(document_rows(d))
        w.add_rows(dict(r) for r in got)
        w.commit()
        kept += got
    w = open_writer(ix)
    w.delete_document(docs[0].id)
    w.commit()  # small segments pile up: this commit merges them
    kept = [r for r in kept if r["doc_id"] != docs[0].id]
    with ix.searcher() as s:
        live = [
            s.stored_fields(i) for i in range(s.doc_count_all()) if not s.reader().is_deleted(i)
        ]
    assert live == [_expected(r) for r in kept]
