"""Posting lists read with pread (FieldReader.read) against the mapped file, on a real index."""

from __future__ import annotations

import gc

import numpy as np

from conftest_search import seed_documents
from reporttui.core.index.indexer import open_writer
from reporttui.core.index.postings import SegmentPostings
from reporttui.core.index.schema import document_rows, make_schema


def _segments(folder):  # type: ignore[no-untyped-def]
    from whoosh.filedb.filestore import FileStorage

    ix = FileStorage(str(folder)).create_index(make_schema())
    for doc in seed_documents():  # one segment each
        writer = open_writer(ix)
        writer.add_rows(document_rows(doc))
        writer.commit()
    with ix.searcher() as s:
        r = s.reader()
        leaves = [r] if r.is_atomic() else [leaf for leaf, _ in r.leaf_readers()]
        return [(leaf.storage(), leaf.segment()) for leaf in leaves]


def test_reads_match_the_mapping_and_outlive_the_segment_reader(tmp_path) -> None:  # type: ignore[no-untyped-def]
    checked = 0
    for storage, segment in _segments(tmp_path):
        sp = SegmentPostings(storage, segment)
        assert sp.reads_privately  # a real file: lists are read with pread
        fr = sp.field("bg")
        n = len(fr.df)
        for i in range(0, n, max(1, n // 50)):
            meta = fr.term_meta(i)
            start, end = meta[3], meta[4]
            got = fr.read(start, end)
            assert got.dtype == np.uint8 and bytes(got) == bytes(fr.data[start:end])
            tp = fr.postings_at(i, True, meta)
            assert len(tp.rows) == meta[0] and int(tp.tf.sum()) == meta[1]
            checked += 1
        last = fr.term_meta(n - 1)
        del sp
        gc.collect()  # the field reader keeps the file open
        assert bytes(fr.read(last[3], last[4])) == bytes(fr.data[last[3] : last[4]])
    assert checked > 50
