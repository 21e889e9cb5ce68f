"""Column files of an index on disk are read with ``os.pread`` (core/index/codec.py's
``_PositionalFile``): the same bytes and arrays as Whoosh's seek-and-read file, and stored rows
(with their cached base rows and section paths) come back exactly as added, read in any order."""

from __future__ import annotations

import random
from array import array
from pathlib import Path
from typing import Any

from whoosh.filedb.filestore import FileStorage

from conftest_search import seed_documents
from reporttui.core.index import codec
from reporttui.core.index.indexer import open_writer
from reporttui.core.index.schema import BIGRAM_FIELD, ROLE_FIELD, document_rows, make_schema


def test_positional_file_reads_what_the_plain_file_reads(tmp_path: Path) -> None:
    st = FileStorage(str(tmp_path))
    out = st.create_file("c.bin")
    out.write_array(array("I", range(1000)))
    out.write(bytes(range(256)))
    out.close()
    plain, other = st.open_file("c.bin"), st.open_file("c.bin")
    positional = codec._positional(other)
    assert isinstance(positional, codec._PositionalFile)
    for pos, n in ((0, 10), (3999, 3), (4000, 256), (4200, 500), (5000, 5)):
        assert positional.get(pos, n) == plain.get(pos, n)
    assert positional.get_array(40, "I", 100) == plain.get_array(40, "I", 100)
    assert positional.get_byte(4001) == plain.get_byte(4001) == 1
    positional.close()
    plain.close()
    assert positional.is_closed


def test_files_in_memory_are_left_alone() -> None:
    from reporttui.core.index.indexer import ram_storage

    st = ram_storage()
    out = st.create_file("m.bin")
    out.write(b"abc")
    out.close()
    f = st.open_file("m.bin")
    assert codec._positional(f) is f
    f.close()


def test_rows_on_disk_round_trip_in_any_order(tmp_path: Path) -> None:
    rows = [r for d in seed_documents() for r in document_rows(d)]
    ix = FileStorage(str(tmp_path)).create().create_index(make_schema())
    w = open_writer(ix)
    w.add_rows(dict(r) for r in rows)
    w.commit()
    want = [{k: v for k, v in r.items() if k not in (BIGRAM_FIELD, ROLE_FIELD)} for r in rows]
    order = list(range(len(rows))) * 2  # twice: the second read comes from the caches
    random.Random(7).shuffle(order)
    with ix.searcher() as s:
        leaf: Any = s.reader() if s.is_atomic() else s.reader().leaf_readers()[0][0]
        col = leaf._perdoc._cached_reader("_stored", codec.STORED_READ_COLUMN)
        assert isinstance(col._child._dbfile, codec._PositionalFile)
        assert [s.stored_fields(i) for i in order] == [want[i] for i in order]
    ix.close()


def test_stored_rows_equal_whooshs_over_segments_and_deletions(tmp_path: Path) -> None:
    docs = list(seed_documents())
    ix = FileStorage(str(tmp_path)).create().create_index(make_schema())
    for d in docs:  # one segment per document
        w = open_writer(ix)
        w.add_rows(dict(r) for r in document_rows(d))
        w.commit()
    w = open_writer(ix)
    w.delete_document(docs[1].id)
    w.commit()
    with ix.searcher() as s:
        reader = s.reader()
        assert not reader.is_atomic()
        rows = codec.StoredRows(reader)
        n = reader.doc_count_all()
        assert [rows(i) for i in range(n)] == [reader.stored_fields(i) for i in range(n)]
        assert [list(rows(i)) for i in range(n)] == [
            list(reader.stored_fields(i)) for i in range(n)
        ]
    ix.close()
