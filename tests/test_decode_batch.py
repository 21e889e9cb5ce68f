"""The matcher's one-pass decoding of a query's postings over every segment (``_decode`` with
``_LebBatch``) gives exactly the lists that reading each segment's terms one by one gives."""

from __future__ import annotations

import itertools
from typing import Any

import numpy as np
import pytest

from conftest import seed_doc
from reporttui.core.index import matcher, postings
from reporttui.core.index.indexer import open_writer, ram_storage
from reporttui.core.index.schema import BIGRAM_FIELD, SECTION_POSTINGS, document_rows, make_schema


def _index(batches: int) -> Any:
    """The seeds' rows in ``batches`` segments (committed one by one, never merged away)."""
    rows = [r for n in (1, 2, 3) for r in document_rows(seed_doc(n))]
    ix = ram_storage().create_index(make_schema())
    step = -(-len(rows) // batches)
    for i in range(0, len(rows), step):
        w = open_writer(ix)
        w.add_rows(dict(r) for r in rows[i : i + step])
        w.commit()
    return ix


def _one_by_one(view: Any, field: str, token: str, with_pos: bool) -> Any:
    """The reference: each segment's postings read alone, rows made global, concatenated."""
    parts = []
    for seg in view.segments:
        tp = seg.postings.field(field).postings(token, positions=with_pos)
        if len(tp.rows):
            parts.append((tp.rows + seg.offset, tp.tf, tp.pos))
    if not parts:
        return None
    pos = None
    if all(p[2] is not None for p in parts):
        pos = np.concatenate([p[2].astype(np.int64) for p in parts])
    return np.concatenate([p[0] for p in parts]), np.concatenate([p[1] for p in parts]), pos


@pytest.mark.parametrize("fixed_min_rows", [512, 4])
def test_batched_decoding_equals_reading_each_list(
    monkeypatch: pytest.MonkeyPatch, fixed_min_rows: int
) -> None:
    """Short (LEB128) and long (fixed-width) lists mixed over segments, with and without
    positions: the same rows, tf and positions, in the same order."""
    monkeypatch.setattr(postings, "FIXED_MIN_ROWS", fixed_min_rows)
    ix = _index(5)
    with ix.searcher() as searcher:
        view = matcher.view(searcher.reader())
        assert len(view.segments) >= 4
        text = seed_doc(2).text
        chars = [c for c in text if "\u4e00" <= c <= "\u9fff"]
        tokens = {a + b for a, b in itertools.pairwise(chars[:401])}
        tokens |= set(chars[:60]) | {"不存在的词"}
        # The section path's postings are read without positions (the index has no jieba field
        # since schema 9): both kinds of read in one batch.
        wanted = {BIGRAM_FIELD: tokens, SECTION_POSTINGS: {"发展", "经济", "建设", "改革", "工"}}
        merged = matcher._decode(
            view, wanted, {BIGRAM_FIELD}, BIGRAM_FIELD, matcher.MatchSpec(()), None
        )
        checked = kinds = 0
        for field, toks in wanted.items():
            for t in sorted(toks):
                want = _one_by_one(view, field, t, field == BIGRAM_FIELD)
                got = merged.field(field)._decoded.get(t)
                if want is None:
                    assert got is None
                    continue
                assert np.array_equal(got.rows, want[0]), t
                assert np.array_equal(got.tf, want[1]), t
                if want[2] is None:
                    assert got.pos is None, t
                else:
                    assert got.pos is not None and np.array_equal(got.pos, want[2]), t
                checked += 1
        for seg in view.segments:  # both layouts occur when lists are short
            fr = seg.postings.field(BIGRAM_FIELD)
            kinds |= (
                1 if any(fr.leb_piece(i) is not None for i in range(min(50, len(fr.df)))) else 0
            )
        assert checked > 100 and kinds


def test_counts_with_deleted_rows_take_the_run_path_and_agree(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A report indexed again leaves deleted rows behind: contiguity is judged over the live
    rows (so counting stays the run-length way) and the counts are those of a plain count."""
    monkeypatch.setattr(matcher, "_CHECK_ONCE_ROWS", 0)
    ix = _index(3)
    again = list(document_rows(seed_doc(1)))
    w = open_writer(ix)
    w.delete_document(again[0]["doc_id"])
    w.commit()
    w = open_writer(ix)
    w.add_rows(dict(r) for r in again)
    w.commit()
    with ix.searcher() as searcher:
        view = matcher.view(searcher.reader())
        live = view.live()
        assert live is not None and not live.all()
        assert view._contiguous("doc") and view._contiguous("section")
        rows_all = np.flatnonzero(live)
        fast = [view.counts(rows) for rows in (rows_all, rows_all[::3], rows_all[5:40])]
        view._runs_ok = {"doc": False, "section": False}  # the sorting way, as reference
        slow = [view.counts(rows) for rows in (rows_all, rows_all[::3], rows_all[5:40])]
        for (fd, fs), (sd, ss) in zip(fast, slow, strict=True):
            assert list(fd.items()) == list(sd.items())
            assert list(fs.as_dict().items()) == list(ss.as_dict().items())
