"""Stored rows come back exactly as they were added (core/index/codec.py factors out what a row
shares with its document's first row and the section path it shares with the rows before it,
and compresses the UTF-8 text with the segment's Zstandard dictionary; small segments have none)."""

from __future__ import annotations

from typing import Any

import zstandard

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
        packed = sum(1 for i in range(s.doc_count_all()) if codec.ZSTD_TEXT in raw[i])
        assert len(raw[0][codec.ZDICT]) > 1024  # the segment's dictionary
    assert packed > len(rows) // 2  # most rows' text compressed with it (tiny ones stay raw)
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


ODD = [
    "",
    "\x00\x01\x07\x1b[31m控制\x7f\x85",
    "astral 𠀀𪚥𝄞😀 and 𰻞𰻞面",
    "GB18030-only/PUA \ue000\ue5e5 \U000f0000 ︐",
    "a" * 5000,
    "\u3000\u00a0 spaces \t\r\n inside",
]


def test_odd_texts_round_trip_in_every_storage_form() -> None:
    """Control, astral, GB18030-only and private-use characters and empty text
    come back exactly: compressed with a trained dictionary, raw-content, or none at all."""
    filler = [make_doc(f"f{i}", [f"第{i}段，推进{i}项工作。" * (1 + i % 7)]) for i in range(200)]
    odd = make_doc("odd", ODD)
    for docs in ([odd], [odd, *filler[:3]], [*filler, odd]):
        rows = [r for d in docs for r in document_rows(d)]
        ix = ram_storage().create_index(make_schema())
        w = open_writer(ix)
        w.add_rows(dict(r) for r in rows)
        w.commit()
        assert _stored(ix) == [_expected(r) for r in rows]


def test_lone_surrogates_round_trip_in_the_row_codec() -> None:
    """The postings never see them (text files decode strictly), but a stored row keeps them."""
    row = {"doc_id": "d", "text": "lone \ud800 and \udfff surrogates"}
    stored = codec.encode_row(row, None, -1)
    assert codec.decode_row(stored, None) == row


def test_segment_dictionary_forms() -> None:
    """Too little text: none; a little: raw content; enough rows: trained; each decodes."""
    assert codec.segment_dictionary([b"x" * 10], 10) is None
    small = [f"第{i}段推进工作。".encode() for i in range(20)]
    raw = codec.segment_dictionary(small * 20, sum(map(len, small)) * 20)
    assert raw is not None
    texts = [
        f"第{i}段，推进{i * 7}项重点工作，抓好落实。".encode() * (1 + i % 5) for i in range(3000)
    ]
    trained = codec.segment_dictionary(texts, sum(map(len, texts)))
    assert trained is not None and trained.dict_id() != 0
    for zd in (raw, trained):
        c = zstandard.ZstdCompressor(level=codec.ZLEVEL, dict_data=zd, write_dict_id=False)
        unz = codec.decompressor(zd.as_bytes())
        assert all(unz(c.compress(t)) == t for t in texts[:50])
