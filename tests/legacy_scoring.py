"""The previous format's BM25F scorer and collector (Whoosh internals).

Kept only as the reference that the equivalence tests compare the project's matcher with.

Whoosh's BM25F looks every matching row's field length up in a column on disk (a seek and a
one-byte read per posting; the library reads indexes without mmap). On common terms that was
half the query time (发展: 13k matches, ~0.5 s of 1.9 s in the profile). Here each leaf
reader's length column is read once, as one ``bytes`` object, and the length part of the BM25
formula is a 256-entry table indexed by the stored length byte: one list lookup per posting.
Scores are the same numbers Whoosh computes (same formula, same quantised lengths).
"""

from __future__ import annotations

import contextlib
import threading
import weakref
from typing import Any

from whoosh.codec.whoosh3 import LENGTHS_COLUMN, _lenfield
from whoosh.collectors import TopCollector
from whoosh.scoring import BM25F, BM25FScorer, WeightScorer
from whoosh.util.numeric import byte_to_length

_cache: weakref.WeakKeyDictionary[Any, dict[str, bytes | None]] = weakref.WeakKeyDictionary()
_lock = threading.Lock()


def length_bytes(reader: Any, fieldname: str) -> bytes | None:
    """The stored length byte of every row of a leaf ``reader`` for ``fieldname`` (0 = none).

    Read once per reader and cached; None when the reader has no such column or is not a
    Whoosh 3 segment reader (the caller then falls back to Whoosh's scorer).
    """
    with _lock:
        per_reader = _cache.get(reader)
        if per_reader is not None and fieldname in per_reader:
            return per_reader[fieldname]
    data = _read_lengths(reader, fieldname)
    with _lock, contextlib.suppress(TypeError):  # a reader not weak-referenceable: no cache
        _cache.setdefault(reader, {})[fieldname] = data
    return data


def _read_lengths(reader: Any, fieldname: str) -> bytes | None:
    try:
        doccount = reader.doc_count_all()
        perdoc = reader._perdoc  # Whoosh 3 segment reader: the per-document columns
        lenfield = _lenfield(fieldname)
        if not perdoc.has_column(lenfield):
            return None
        col = perdoc._cached_reader(lenfield, LENGTHS_COLUMN)
        dbfile, basepos, count = col._dbfile, col._basepos, col._count
        if getattr(col, "_fixedlen", 1) != 1:
            return None
        raw = bytes(dbfile.get(basepos, min(count, doccount)))
    except Exception:
        return None
    if len(raw) < doccount:
        raw += bytes(doccount - len(raw))
    return raw


class TableBM25FScorer(BM25FScorer):
    """BM25F for one term in one leaf: length normalisation looked up by length byte."""

    def __init__(
        self, searcher: Any, fieldname: str, text: bytes, B: float, K1: float, lengths: bytes
    ) -> None:
        super().__init__(searcher, fieldname, text, B, K1)
        avgfl = self.avgfl
        # Whoosh's doc_field_length returns the scorer's default (1) for a zero byte.
        self._norm = [
            K1 * ((1 - B) + B * (byte_to_length(b) if b else 1) / avgfl) for b in range(256)
        ]
        self._lengths = lengths
        self._num = self.idf * (K1 + 1)

    def score(self, matcher: Any) -> float:
        w = matcher.weight()
        return self._num * w / (w + self._norm[self._lengths[matcher.id()]])


class FastBM25F(BM25F):
    """Drop-in :class:`whoosh.scoring.BM25F` using :class:`TableBM25FScorer` where it can."""

    def scorer(self, searcher: Any, fieldname: str, text: bytes, qf: int = 1) -> Any:
        if not searcher.schema[fieldname].scorable:
            return WeightScorer.for_(searcher, fieldname, text)
        B = self._field_B.get(fieldname, self.B)
        lengths = length_bytes(searcher.reader(), fieldname)
        if lengths is None:
            return BM25FScorer(searcher, fieldname, text, B, self.K1, qf=qf)
        return TableBM25FScorer(searcher, fieldname, text, B, self.K1, lengths)


WEIGHTING = FastBM25F()
"""The weighting every search uses (default B and K1, as Whoosh's BM25F)."""


class CountingTopCollector(TopCollector):
    """Top ``limit`` rows by score, and every matching row, in one pass over the matches.

    Whoosh's TopCollector skips low-scoring blocks and then, to count, runs the whole query
    again (``Results.docs()``): twice the phrase checking for 高质量发展. Counts are needed for
    every search here (total, per document, per section), so this collector scores every match
    once and keeps the matched row numbers (:attr:`matched`, ascending within each segment).
    """

    def __init__(self, limit: int) -> None:
        super().__init__(limit=limit, usequality=False)
        self.matched: list[int] = []

    def prepare(self, top_searcher: Any, q: Any, context: Any) -> None:
        super().prepare(top_searcher, q, context)
        self.matched = []

    def _collect(self, global_docnum: int, score: float) -> Any:
        self.matched.append(global_docnum)
        return super()._collect(global_docnum, score)

    def all_ids(self) -> list[int]:
        return self.matched
