"""The one matcher: a parsed query's rows and BM25F scores, from the postings files, with numpy.

Input is a :class:`MatchSpec` (the query as token lists, see below) and an open Whoosh searcher
(for its segments, deletions and document counts); output is a :class:`Matches`: every
matching row with its score, its number of matches and its first match position. Matching is
set algebra on sorted arrays:

* a one-token term is its posting list;
* a longer term (the bigrams of a phrase) matches where its tokens sit at consecutive
  positions: keys ``row << 32 | position - i`` of token ``i`` are intersected (exact substring);
* AND/OR/exclusions are intersections, unions and differences of row arrays.

Scores are BM25F exactly as Whoosh computes them (same statistics: document frequencies and
row counts including deleted rows, quantised length bytes, same float operations in the same
order): a term scores the sum of its tokens' BM25F, OR sums the matching alternatives, AND sums
its clauses, and the ranking words (jieba's words of the query) add ``boost`` times theirs.

A ranking word's statistics come from the exact field, so indexing needs no jieba: its
frequency in a row is the number of places it occurs (a one-token word: the token's count; a
longer one: phrase matches at the row), its document frequency the number of rows holding it
anywhere (a phrase match over every row, deleted ones included, counted once per index view),
and its length normalisation the exact field's (row length in units and bigrams, which is
proportional to the row's characters).
"""

from __future__ import annotations

import contextlib
import math
import threading
import weakref
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from reporttui.core.index.postings import (
    _CODE_WIDTH,
    _WIDTH_DTYPE,
    Damaged,
    FieldReader,
    SegmentPostings,
    TermPostings,
    leb128_values,
)

if TYPE_CHECKING:  # process (issue 11): numpy.typing imports numpy._typing (~10 ms)
    from numpy.typing import NDArray

B = 0.75
K1 = 1.2
EVERY_SCORE = 1.0
"""Score of every row when a query has only filters or exclusions (Whoosh's Every)."""

Term = Sequence[str]
"""A term as its exact-field tokens (consecutive positions)."""


@dataclass(frozen=True)
class MatchSpec:
    """What to match: ``clauses`` AND-ed; a clause is an OR of alternatives; an alternative an
    AND of terms. ``excluded`` terms remove rows. ``boosts``: (word as exact-field tokens, boost)
    pairs adding to the score of the rows holding the word. No clauses: every row (then
    filters/exclusions decide)."""

    clauses: tuple[tuple[tuple[Term, ...], ...], ...]
    excluded: tuple[Term, ...] = ()
    boosts: tuple[tuple[Term, float], ...] = ()
    sections: tuple[Term, ...] = ()
    """``section:`` filters: only rows whose section path contains one of these (OR)."""


@dataclass
class Matches:
    """Every matching row (global document numbers, ascending) with per-row figures.

    ``score``: the BM25F score (exact field + boosted ranking words); ``word_score``: the
    ranking words' part of it; ``count``: occurrences of the query's positive terms in the row;
    ``first``: position (unit ordinal) of the first occurrence, -1 when unknown (every-row
    queries).
    """

    rows: NDArray[Any]
    score: NDArray[Any]
    word_score: NDArray[Any]
    count: NDArray[Any]
    first: NDArray[Any]

    def __len__(self) -> int:
        return len(self.rows)

    def top(self, limit: int) -> list[tuple[int, float]]:
        """The ``limit`` best (row, score) pairs: score descending, then row ascending."""
        order = self._top_order(limit)
        if order is None:
            return []
        # query (issue 11): Python ints and floats in one C pass each (the same values)
        return list(zip(self.rows[order].tolist(), self.score[order].tolist(), strict=True))

    def top_firsts(self, limit: int) -> tuple[dict[int, float], dict[int, int]]:
        """``dict(self.top(limit))`` and those rows' first match positions (``first``), in
        the same order: speed (issue 11, round 16), the positions taken at the rows' indexes
        instead of searching for the rows again."""
        order = self._top_order(limit)
        if order is None:
            return {}, {}
        rows = self.rows[order].tolist()
        return (
            dict(zip(rows, self.score[order].tolist(), strict=True)),
            dict(zip(rows, self.first[order].tolist(), strict=True)),
        )

    def _top_order(self, limit: int) -> NDArray[Any] | None:
        """The indexes of the ``limit`` best rows, best first (None: no row or no limit)."""
        n, k = len(self.rows), max(limit, 0)
        if not n or not k:
            return None
        neg = -self.score
        if n > 4 * k + 64:  # only rows scoring at least the k-th best can be among the k best
            # query (issue 11): the k-th best of every 8th row scores at most the k-th best of
            # all, so the rows scoring at least it hold the k best (about 8k rows): a partition
            # of an eighth of the rows (a common word: 128k rows, 1.6 ms -> 0.1 ms).
            sample = neg[::_TOP_STRIDE] if n >= _TOP_STRIDE * k else neg
            kth = np.partition(sample, k - 1)[k - 1]
            cand = (neg <= kth).nonzero()[0]
            order = cand[np.lexsort((self.rows[cand], neg[cand]))][:k]
        else:
            order = np.lexsort((self.rows, neg))[:k]
        return order  # type: ignore[no-any-return]


_TOP_STRIDE = 8
""":meth:`Matches.top` finds its threshold among every this-many-th row."""


@dataclass
class _Part:
    """A partial result inside one segment: local rows ascending and their figures."""

    rows: NDArray[Any]
    score: NDArray[Any]
    count: NDArray[Any]
    first: NDArray[Any]


REUSE_WITHIN = True
"""Reuse a phrase matched within some rows when it is asked within a subset of them (see
:meth:`_SegmentMatcher.term`; a switch for the test comparing both ways)."""

PHRASE_SHORTCUTS = True
"""Compare a phrase's cover only and reuse tokens' phrase keys within fewer rows (see
:meth:`_SegmentMatcher._term`; a switch for the test comparing both ways)."""

_CHECK_ONCE_ROWS = 20_000
"""Above this many matching rows, counting relies on a once-per-index check that each
document's and section's rows are consecutive (else it checks the matching rows each time)."""

_EMPTY_I = np.zeros(0, dtype=np.int64)
_EMPTY_F = np.zeros(0, dtype=np.float64)


def _empty() -> _Part:
    return _Part(_EMPTY_I, _EMPTY_F, _EMPTY_I, _EMPTY_I)


@dataclass
class _Segment:
    reader: Any
    offset: int
    postings: SegmentPostings
    live: NDArray[Any] | None  # bool per row (None: no deletions)
    n: int


TERM_ID_CACHE = 1024
"""Tokens whose term numbers an index view remembers (see :meth:`IndexView.term`): ~150
bytes per token and segment, so ~4 MB on the corpus (27 segments), ~40 MB at ten times it."""
_UNSEEN = object()
_Meta = tuple[int, int, int, int, int]

RELEASE_AFTER = 0
"""Bytes of posting lists (and :data:`LOOKUP_BYTES` a term lookup) a view's queries may read
before the segments they read leave the resident set (:meth:`IndexView.spend`); 0: each
segment's pages as soon as the query has read it (round 6's behaviour, kept: releasing them only
at the query's end kept every segment's pages mapped at once, 1.4 GB of file pages at ten times
the corpus).

hits (issue 11, round 9): every query releases the pages of every segment it read, so the next
query faults the same lists and keys in again. A budget of 16 MB cut a typical query's matching
by ~0.1-0.25 ms at the corpus (p50 5.77 -> 5.47 ms CPU, interleaved), but the pages kept are
many more than the bytes counted: search VmHWM 122 -> 176 MB at the corpus and 711 -> 966 MB at
ten times it (no CPU gain there: 36.7 vs 39.5 ms a query), so it is off."""
LOOKUP_BYTES = 16 << 10
"""What :data:`RELEASE_AFTER` counts for one term lookup (the keys' pages a binary search and
a read of the term's four arrays touch)."""


class IndexView:
    """The postings of every segment of one Whoosh reader, plus the index-wide statistics."""

    def __init__(self, reader: Any) -> None:
        self.segments: list[_Segment] = []
        self._lock = threading.Lock()
        self._keys: dict[str, tuple[NDArray[Any], list[str]]] = {}
        self._key_codes: dict[str, dict[str, int]] = {}
        self._live: NDArray[Any] | bool | None = False  # False: not made yet
        self._lengths: dict[str, NDArray[Any]] = {}
        self._runs_ok: dict[str, bool] = {}
        self._section_runs: NDArray[Any] | None = None
        self._section_key: tuple[int, NDArray[Any]] | None = None
        leaves = [(reader, 0)] if reader.is_atomic() else list(reader.leaf_readers())
        for leaf, offset in leaves:
            n = leaf.doc_count_all()
            if leaf.segment() is None:  # an empty index: no segment at all
                continue
            sp = SegmentPostings(leaf.storage(), leaf.segment())
            if sp.rows != n:
                raise Damaged(f"postings of segment {leaf.segment().segment_id()} do not match it")
            live = None
            if leaf.has_deletions():
                live = np.ones(n, dtype=bool)
                dead = np.fromiter(leaf.segment().deleted_docs(), dtype=np.int64)
                live[dead[dead < n]] = False
            if n:
                # Open what search needs of the other files now (Whoosh opens columns lazily and
                # checks the file exists each time): a reader keeps working after a rebuild
                # removes the folder it was opened on. Reading them waits for row_keys().
                leaf.stored_fields(0)
            self.segments.append(_Segment(leaf, offset, sp, live, n))

        self.doc_count_all = sum(s.n for s in self.segments)
        self._reader = weakref.ref(reader)  # scale (issue 11): its home's caches (segcache)
        self._norms: dict[str, NDArray[Any]] = {}
        self._df: dict[tuple[str, str], int] = {}
        self._phrase_df: dict[tuple[str, str], int] = {}
        # (field, token) -> per segment: its term number and FieldReader.term_meta (None:
        # absent, _UNSEEN: not looked up yet).
        self._terms: dict[tuple[str, str], list[Any]] = {}
        self.looked_up = 0  # lookups that read a segment's keys (see _decode's release)
        self._unreleased = 0  # bytes read since the last release (see spend)
        self._touched: set[int] = set()  # segments read since then

    def spend(self, read: dict[int, int]) -> None:
        """Count the bytes each segment's lists and lookups took (``read``: segment -> bytes);
        once :data:`RELEASE_AFTER` are read, drop the pages of every segment read since the
        last release from this process's resident set."""
        if not read:
            return
        with self._lock:
            self._unreleased += sum(read.values())
            self._touched.update(read)
            if self._unreleased < RELEASE_AFTER:
                return
            segs, self._touched, self._unreleased = self._touched, set(), 0
        for si in sorted(segs):
            self.segments[si].postings.release()

    def term_entries(self, name: str, token: str) -> list[Any]:
        """The token's per-segment entries of :meth:`term` (``_UNSEEN`` where not looked up
        yet), for a caller that walks the segments itself."""
        key = (name, token)
        got = self._terms.get(key)
        if got is None:
            if len(self._terms) >= TERM_ID_CACHE:
                self._terms.clear()
            got = self._terms.setdefault(key, [_UNSEEN] * len(self.segments))
        return got

    def term(self, si: int, name: str, token: str) -> tuple[int, _Meta] | None:
        """The token's term number in segment ``si`` and its :meth:`FieldReader.term_meta`
        (None: not in that segment), remembered for later queries.

        The lexicon does not change while this view lives; a lookup is a binary search in the
        mapped keys and a read of four arrays, whose pages every query's release drops
        (faulting them in again was ~15 % of a query). At most :data:`TERM_ID_CACHE` tokens
        are kept (then the table restarts).
        """
        got = self.term_entries(name, token)
        hit = got[si]
        if hit is _UNSEEN:
            fr = self.segments[si].postings.field(name)
            i = fr.term_id(token)
            hit = got[si] = (i, fr.term_meta(i)) if i >= 0 else None
            self.looked_up += 1
        return hit  # type: ignore[no-any-return]

    def key_column(self, name: str) -> tuple[NDArray[Any], list[str]]:
        """Global row -> code (int64) and code -> string for a row key column (``doc_id``,
        ``section_id``), from the postings files; codes are index-wide (equal strings, one code)."""
        with self._lock:
            got = self._keys.get(name)
            if got is None:
                from reporttui.core.index import segcache

                where = self._codes_key(name)
                got = segcache.load_codes(*where, self.doc_count_all) if where else None
                if got is None:
                    table: dict[str, int] = {}
                    parts = []
                    for seg in self.segments:
                        codes, strings = seg.postings.key_column(name)
                        remap = np.array(
                            [table.setdefault(x, len(table)) for x in strings], dtype=np.int64
                        )
                        parts.append(remap[codes] if len(codes) else np.zeros(0, np.int64))
                    allc = np.concatenate(parts) if parts else np.zeros(0, np.int64)
                    got = (allc, list(table))
                    if where:
                        segcache.store_codes(*where, *got)
                self._keys[name] = got
            return got

    def _codes_key(self, name: str) -> tuple[Any, str, str] | None:
        """(home, cache kind, segments key) under which the :meth:`key_column` ``name`` is kept
        between processes (process, issue 11: joining the segments' codes is ~10-15 ms of every
        one-shot search on the corpus), or None (no library home, unnamed segments)."""
        from reporttui.core.index import segcache

        reader = self._reader()
        home = segcache.home_of(reader) if reader is not None else None
        if home is None:
            return None
        key = segcache.segments_key([seg.reader for seg in self.segments])
        return (home, f"keys-{name}", key) if key else None

    def row_keys(self) -> tuple[list[str], list[str]]:
        """Global row -> doc_id and row -> section_id as lists (prefer :meth:`counts`)."""
        d, dk = self.key_column("doc_id")
        s, sk = self.key_column("section_id")
        return [dk[c] for c in d.tolist()], [sk[c] for c in s.tolist()]

    def _contiguous(self, kind: str) -> bool:
        """Whether the rows of every document (``doc``) or of every (document, section)
        (``section``) are consecutive in the whole index (checked once): then the matching
        rows of each are one run too, and counting needs no sort."""
        with self._lock:
            got = self._runs_ok.get(kind)
        if got is None:
            got = self._stored_runs_ok(kind)
        if got is None:
            d = self.key_column("doc_id")[0]
            if kind == "section":
                s, sk = self.key_column("section_id")
                d = d * max(len(sk), 1) + s
            # Over the live rows: matches are live rows only (:meth:`counts` checks), and a
            # re-indexed report's deleted rows elsewhere in the index would otherwise send
            # every later count the sorting way (query, issue 11: ~10 % of a common word).
            live = self.live()
            if live is not None:
                d = d[live]
            got = len(d) < 2 or _runs(d) is not None
            with self._lock:
                self._runs_ok[kind] = got
            self._store_runs_ok()
        return got

    def _runs_key(self) -> tuple[Any, str] | None:
        """(home, view key) under which this view's facts are kept on disk, or None."""
        from reporttui.core.index import segcache

        reader = self._reader()
        home = segcache.home_of(reader) if reader is not None else None
        if home is None:
            return None
        key = segcache.view_key([seg.reader for seg in self.segments])
        return (home, key) if key else None

    def _stored_runs_ok(self, kind: str) -> bool | None:
        """scale (issue 11): :meth:`_contiguous` as found by an earlier process for this same
        view (same segments, same deletions): checking it reads every row's keys (~10-20 ms of
        a one-shot common-word search at 1x, more than the sort it spares one query)."""
        from reporttui.core.index import segcache

        where = self._runs_key()
        if where is None:
            return None
        entry = segcache.load_json(where[0], "runs").get(where[1])
        got = entry.get(kind) if isinstance(entry, dict) else None
        if isinstance(got, bool):
            with self._lock:
                self._runs_ok[kind] = got
            return got
        return None

    def _store_runs_ok(self) -> None:
        from reporttui.core.index import segcache

        where = self._runs_key()
        if where is not None:
            with self._lock:
                known = dict(self._runs_ok)
            segcache.store_json(where[0], "runs", {where[1]: known})

    def section_runs(self) -> NDArray[Any]:
        """Global row -> number of its run of consecutive rows of one (document, section) (made
        once): the section path postings hold the path at each run's first row only (written
        so by indexer.RowWriter), and a ``section:`` match holds for the whole run."""
        with self._lock:
            got = self._section_runs
        if got is None:
            d = self.key_column("doc_id")[0]
            s, sk = self.key_column("section_id")
            key = d * max(len(sk), 1) + s
            got = np.zeros(len(key), dtype=np.int32)
            if len(key) > 1:
                np.cumsum(key[1:] != key[:-1], out=got[1:])
            if self.segments:  # a segment's first row starts a run (as the writer wrote it)
                starts = np.array([seg.offset for seg in self.segments[1:]], dtype=np.int64)
                if len(starts):
                    bump = np.zeros(len(key), dtype=np.int32)
                    bump[starts] = (key[starts] == key[starts - 1]).astype(np.int32)
                    got += np.cumsum(bump, dtype=np.int32)
            with self._lock:
                self._section_runs = got
        return got

    def key_code(self, name: str, value: str) -> int:
        """The index-wide code of a row key string (see :meth:`key_column`), or -1."""
        with self._lock:
            table = self._key_codes.get(name)
        if table is None:
            table = {v: i for i, v in enumerate(self.key_column(name)[1])}
            with self._lock:
                self._key_codes[name] = table
        return table.get(value, -1)

    def counts(self, rows: NDArray[Any]) -> tuple[DocCounts, SectionCounts]:
        """Matching rows per document (most first; ties in order of first row) and per
        (document, section) (in order of first row; counted when first read)."""
        if not len(rows):
            return DocCounts(_EMPTY_I, _EMPTY_I, self), SectionCounts(_EMPTY_I, _EMPTY_I, self, 1)
        # Rows ascend and a document's rows are consecutive, so each document is one run:
        # counts are run lengths, already in order of first row (no sort). Else the general way.
        # match (issue 11): the once-per-index check is used for fewer rows too once it is
        # known (it is made for more only: reading every row's keys costs a one-shot search
        # more than checking a few matches).
        with self._lock:
            known = self._runs_ok.get("section") is True and self._runs_ok.get("doc") is True
        trust = len(rows) > _CHECK_ONCE_ROWS or known
        if trust:
            live = self.live()
            trust = live is None or bool(live[rows].all())
        width, all_keys = self._section_keys()  # (made once: the sections' count reads it)
        runs = _runs(self.key_column("doc_id")[0][rows], trust and self._contiguous("doc"))
        if runs is None:
            d = all_keys[rows] // width
            ud, dfirst, dcnt = np.unique(d, return_index=True, return_counts=True)
            order = np.argsort(dfirst, kind="stable")  # in order of first row
            ud, dcnt = ud[order], dcnt[order]
        else:
            ud, dcnt = runs
        # match (issue 11): the sections are counted when first read (the reader's section
        # tree, a hit's section count); a one-shot search reads none of them (发展: ~0.6 ms).
        per_section = SectionCounts(None, None, self, width)
        per_section.defer(rows, trust and self._contiguous("section"))
        return DocCounts(ud, dcnt, self), per_section

    def _section_counts(
        self, rows: NDArray[Any], trusted: bool
    ) -> tuple[NDArray[Any], NDArray[Any]]:
        """The (document, section) keys of ``rows`` in order of first row and their counts
        (``trusted``: each key's rows are known to be one run)."""
        key = self._section_keys()[1][rows]
        runs = _runs(key, trusted)
        if runs is None:
            u, first, cnt = np.unique(key, return_index=True, return_counts=True)
            order = np.argsort(first, kind="stable")
            return u[order], cnt[order]
        return runs

    def _section_keys(self) -> tuple[int, NDArray[Any]]:
        """``width`` and global row -> ``doc code * width + section code`` (made once): the
        key :meth:`counts` groups by."""
        with self._lock:
            got = self._section_key
        if got is None:
            d = self.key_column("doc_id")[0]
            s, sk = self.key_column("section_id")
            width = max(len(sk), 1)
            got = (width, d * width + s)
            with self._lock:
                self._section_key = got
        return got

    def live(self) -> NDArray[Any] | None:
        """Global row -> live (bool), or None when no segment has deletions (made once)."""
        with self._lock:
            if self._live is False:
                if any(s.live is not None for s in self.segments):
                    self._live = np.concatenate(
                        [
                            s.live if s.live is not None else np.ones(s.n, bool)
                            for s in self.segments
                        ]
                    )
                else:
                    self._live = None
            return self._live  # type: ignore[return-value]

    def lengths(self, fieldname: str) -> NDArray[Any]:
        """Global row -> length byte of a field (made once per field)."""
        with self._lock:
            got = self._lengths.get(fieldname)
            if got is None:
                got = self._lengths[fieldname] = np.concatenate(
                    [np.array(s.postings.field(fieldname).lengths) for s in self.segments]
                )
            return got

    def doc_frequency(self, fieldname: str, token: str) -> int:
        """Rows holding ``token`` over all segments, deleted ones included (as Whoosh counts)."""
        key = (fieldname, token)
        got = self._df.get(key)
        if got is None:
            total = 0
            for si, seg in enumerate(self.segments):
                before = self.looked_up
                hit = self.term(si, fieldname, token)
                total += hit[1][0] if hit is not None else 0
                if self.looked_up != before:  # the keys' pages it read leave the resident set
                    seg.postings.release()
            got = self._df[key] = total
        return got

    def word_frequency(self, fieldname: str, tokens: tuple[str, ...], whole: Any) -> int:
        """Rows holding the word ``tokens`` of ``fieldname`` anywhere (deleted rows included),
        counted once per view: a one-token word is its token's document frequency; a longer one
        is phrase-matched over every row, in the query's decoded postings (``whole``, the
        matcher over them) plus, one at a time, the segments the query did not decode."""
        if len(tokens) == 1:
            return self.doc_frequency(fieldname, tokens[0])
        key = (fieldname, "\x1f".join(tokens))
        got = self._phrase_df.get(key)
        if got is not None:
            return got
        n = int(whole.rows_holding(tokens))
        for i in getattr(whole.seg.postings, "skipped", range(len(self.segments))):
            seg = self.segments[i]
            try:
                fr = seg.postings.field(fieldname)
                if any(fr.term_id(t) < 0 for t in tokens):
                    continue
                alone = _Segment(seg.reader, seg.offset, seg.postings, None, seg.n)
                n += _SegmentMatcher(self, alone, fieldname, None).rows_holding(tokens)
            finally:
                seg.postings.release()
        self._phrase_df[key] = n
        return n

    def known_frequency(self, fieldname: str, token: str, df: int) -> None:
        """Record a document frequency counted while decoding (rows holding the token in every
        segment, deleted ones included): :meth:`doc_frequency` then looks nothing up."""
        self._df.setdefault((fieldname, token), df)

    def idf(self, fieldname: str, token: str) -> float:
        """Whoosh's idf: ``log(N / (df + 1)) + 1`` with N the rows including deleted ones."""
        return math.log(self.doc_count_all / (self.doc_frequency(fieldname, token) + 1)) + 1

    def norm(self, fieldname: str) -> NDArray[Any]:
        """BM25's length part by length byte (Whoosh: a zero byte counts as length 1)."""
        table = self._norms.get(fieldname)
        if table is None:
            from whoosh.util.numeric import byte_to_length

            total = sum(s.postings.field(fieldname).total for s in self.segments)
            avgfl = total / (self.doc_count_all or 1) or 1
            table = self._norms[fieldname] = np.array(
                [K1 * ((1 - B) + B * (byte_to_length(b) if b else 1) / avgfl) for b in range(256)]
            )
        return table

    def stats(self) -> dict[str, Any]:
        """Rows, live rows, segments and per-field totals (for ``reporttui`` status and tests)."""
        fields: dict[str, dict[str, int]] = {}
        for s in self.segments:
            for name, fr in s.postings.fields.items():
                f = fields.setdefault(name, {"tokens": 0, "terms_max_segment": 0})
                f["tokens"] += fr.total
                f["terms_max_segment"] = max(f["terms_max_segment"], len(fr.df))
        live = sum(int(s.live.sum()) if s.live is not None else s.n for s in self.segments)
        return {
            "rows": self.doc_count_all,
            "live_rows": live,
            "segments": len(self.segments),
            "fields": fields,
        }


class DocCounts(Mapping[str, int]):
    """doc_id -> matching rows in that document, most first (ties in order of first row).

    match (issue 11): a common word matches rows of every report (发展: 3,009); the dict of them
    cost more than counting them, and a screen shows a few. So the counts stay arrays (the
    documents' codes in order of first row and their counts): a lookup is one index into a
    table over the codes, and the dict (same keys, values and order as before) is made only
    when iterated."""

    def __init__(self, codes: NDArray[Any], counts: NDArray[Any], ix: IndexView) -> None:
        self._codes, self._counts, self._ix = codes, counts, ix
        self._table: NDArray[Any] | None = None
        self._dict: dict[str, int] | None = None

    def as_dict(self) -> dict[str, int]:
        got = self._dict
        if got is None:
            dk = self._ix.key_column("doc_id")[1] if len(self._codes) else []
            # a stable sort by count keeps ties in order of first row
            order = np.argsort(-self._counts, kind="stable")
            got = self._dict = dict(
                zip(
                    map(dk.__getitem__, self._codes[order].tolist()),
                    self._counts[order].tolist(),
                    strict=True,
                )
            )
        return got

    def __getitem__(self, key: str) -> int:
        if self._dict is not None:
            return self._dict[key]
        code = self._ix.key_code("doc_id", key) if len(self._codes) else -1
        if code < 0:
            raise KeyError(key)
        table = self._table
        if table is None:
            table = np.zeros(int(self._codes.max()) + 1, dtype=np.int64)
            table[self._codes] = self._counts
            self._table = table
        n = int(table[code]) if code < len(table) else 0
        if not n:  # (every document listed has at least one row)
            raise KeyError(key)
        return n

    def __iter__(self) -> Iterator[str]:
        return iter(self.as_dict())

    def __len__(self) -> int:
        return len(self._codes)

    def __repr__(self) -> str:
        return f"DocCounts({self.as_dict()!r})"


class SectionCounts(Mapping[tuple[str, str], int]):
    """(doc_id, section_id) -> matching rows directly in that section, in order of first row.

    A common word matches rows in ~80,000 sections of the corpus; a dict of them costs ~20 ms
    per search and a screen shows a few. So the counts stay arrays: a lookup is a binary
    search, and the full dict is made only when iterated (same keys, values and order).
    """

    def __init__(
        self, keys: NDArray[Any] | None, counts: NDArray[Any] | None, ix: IndexView, width: int
    ) -> None:
        self._got = (keys, counts) if keys is not None and counts is not None else None
        self._ix, self._width = ix, width
        self._sorted: tuple[NDArray[Any], NDArray[Any]] | None = None
        self._dict: dict[tuple[str, str], int] | None = None
        self._rows: tuple[NDArray[Any], bool] | None = None
        self._made = threading.Lock()

    def defer(self, rows: NDArray[Any], trusted: bool) -> None:
        """Count the sections of these matching rows when first read (see IndexView.counts)."""
        self._rows = (rows, trusted)

    @property
    def _keys(self) -> NDArray[Any]:
        return self._arrays()[0]

    @property
    def _counts(self) -> NDArray[Any]:
        return self._arrays()[1]

    def _arrays(self) -> tuple[NDArray[Any], NDArray[Any]]:
        got = self._got
        if got is None:
            with self._made:
                got = self._got
                if got is None:
                    assert self._rows is not None
                    got = self._got = self._ix._section_counts(*self._rows)
                    self._rows = None
        return got

    def as_dict(self) -> dict[tuple[str, str], int]:
        got = self._dict
        if got is None:
            dk = self._ix.key_column("doc_id")[1]
            sk = self._ix.key_column("section_id")[1]
            got = self._dict = dict(
                zip(
                    zip(
                        map(dk.__getitem__, (self._keys // self._width).tolist()),
                        map(sk.__getitem__, (self._keys % self._width).tolist()),
                        strict=True,
                    ),
                    self._counts.tolist(),
                    strict=True,
                )
            )
        return got

    def __getitem__(self, key: tuple[str, str]) -> int:
        if self._dict is not None:
            return self._dict[key]
        doc, section = key
        d = self._ix.key_code("doc_id", doc)
        s = self._ix.key_code("section_id", section)
        if d < 0 or s < 0:
            raise KeyError(key)
        if self._sorted is None:
            order = np.argsort(self._keys, kind="stable")
            self._sorted = (self._keys[order], self._counts[order])
        keys, counts = self._sorted
        code = d * self._width + s
        i = int(np.searchsorted(keys, code))
        if i < len(keys) and keys[i] == code:
            return int(counts[i])
        raise KeyError(key)

    def __iter__(self) -> Iterator[tuple[str, str]]:
        return iter(self.as_dict())

    def __len__(self) -> int:
        return len(self._keys)

    def __repr__(self) -> str:
        return f"SectionCounts({self.as_dict()!r})"


KEEP_FREED = 64 << 20
"""Bytes of freed memory the C allocator keeps for reuse (see :func:`keep_freed_memory`)."""
MMAP_ABOVE = 32 << 20
"""Allocations above this size get their own mapping (glibc's default ceiling for its own)."""
_malloc_set = False


def keep_freed_memory() -> None:
    """phrase (issue 11): make glibc's allocator reuse the memory of freed big arrays.

    A search allocates many arrays of 0.1-20 MB (a common word's rows, dense masks over every
    row) and frees them at once. By default glibc gives each array over ~128 KB its own mapping
    or returns the heap's free top to the kernel, so the next array's pages are all new: one
    page fault per 4 KB touched, most of a common word's matching (发展: matcher 7.3 -> 1.8 ms
    CPU at 1x). Here arrays up to :data:`MMAP_ABOVE` come from the heap and up to
    :data:`KEEP_FREED` bytes of its free top are kept (the process keeps at most that much
    more resident than it uses). Set once per process, on the first index view (the reading
    side); elsewhere (not glibc) nothing happens."""
    global _malloc_set
    if _malloc_set:
        return
    _malloc_set = True
    import sys

    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):  # not glibc
        return
    m_trim_threshold, m_mmap_threshold = -1, -3  # glibc's malloc.h
    mallopt(m_mmap_threshold, MMAP_ABOVE)
    mallopt(m_trim_threshold, KEEP_FREED)


_views: weakref.WeakKeyDictionary[Any, IndexView] = weakref.WeakKeyDictionary()
_views_lock = threading.Lock()


def view(reader: Any) -> IndexView:
    """The :class:`IndexView` of a Whoosh reader, made once per reader."""
    with _views_lock:
        got = _views.get(reader)
        if got is None:
            keep_freed_memory()
            got = IndexView(reader)
            with contextlib.suppress(TypeError):
                _views[reader] = got
        return got


class _SegmentMatcher:
    """Matching inside one segment (local row numbers)."""

    def __init__(
        self,
        ix: IndexView,
        seg: _Segment,
        exact: str,
        allowed: NDArray[Any] | None,
        sections: str | None = None,
        section_terms: Sequence[Term] = (),
    ) -> None:
        self.ix, self.seg = ix, seg
        self.exact: FieldReader = seg.postings.field(exact)
        self.exact_name = exact
        keep = seg.live
        if allowed is not None:
            mask = np.zeros(seg.n, dtype=bool)
            mask[allowed] = True
            keep = mask if keep is None else keep & mask
        self.keep = keep
        self._cache: dict[tuple[str, ...], _Part] = {}
        # phrase -> the rows it was last matched within, whether scored, and the result
        self._within: dict[tuple[str, ...], tuple[NDArray[Any], bool, _Part]] = {}
        self._decoded: dict[tuple[str, str], TermPostings] = {}
        self._ends: dict[tuple[str, str], NDArray[Any]] = {}
        # (field, token) -> the candidate rows of the phrase that read its positions, their
        # keys there (see _term) and the token's index in that phrase
        self._keys_at: dict[tuple[str, str], tuple[NDArray[Any], NDArray[Any], int]] = {}
        # (field, token) -> a phrase's candidate rows and the token's indices there
        self._idx_at: dict[tuple[str, str], tuple[NDArray[Any], NDArray[Any]]] = {}
        # (field, {(token, place)}) -> a phrase's candidate rows, the starts where those of its
        # tokens line up there (``row << 32 | start``, see _term) and the first place's shift
        self._lined_up: dict[
            tuple[str, frozenset[tuple[str, int]]], tuple[NDArray[Any], NDArray[Any], int]
        ] = {}
        self._last_norm: tuple[str, NDArray[Any], NDArray[Any]] | None = None
        self._shared: tuple[tuple[str, ...], ...] = ()
        """The run's multi-token ranking words: a phrase's cover takes their tokens when it
        can (their keys are then kept for those words, see :func:`_cover`)."""
        if section_terms and sections is not None:
            sec = np.zeros(seg.n, dtype=bool)
            self.keep = None  # every run's first row, whatever the filters (applied below)
            for t in section_terms:
                sec[self._term(t, sections, scored=False).rows] = True
            self.keep = keep
            # The path is indexed at the first row of each run of a section's rows only.
            runs = ix.section_runs()
            if seg.offset == 0 and len(runs) == seg.n:
                hit = np.zeros(int(runs[-1]) + 1 if len(runs) else 0, dtype=bool)
                hit[runs[sec]] = True
                sec = hit[runs]
            self.keep = sec if self.keep is None else self.keep & sec

    def _bm25(
        self,
        fieldname: str,
        fr: FieldReader,
        token: str,
        rows: NDArray[Any],
        tf: NDArray[Any],
        boost: float = 1.0,
        norm_at: NDArray[Any] | None = None,
    ) -> NDArray[Any]:
        """BM25 of ``token`` at ``rows`` (``norm_at``: the rows' length part, if known)."""
        num = self.ix.idf(fieldname, token) * (K1 + 1)
        w = tf.astype(np.float64)
        if norm_at is None:
            norm_at = self._norm_at(fieldname, fr, rows)
        s: NDArray[Any] = num * w / (w + norm_at)
        return s * boost if boost != 1.0 else s

    def _norm_at(self, fieldname: str, fr: FieldReader, rows: NDArray[Any]) -> NDArray[Any]:
        """BM25's length part at ``rows``; the last one is kept (a one-term query's rows are
        scored for the term and again for its ranking word: the same array)."""
        last = self._last_norm
        if last is not None and last[0] == fieldname and last[1] is rows:
            return last[2]
        got: NDArray[Any] = self.ix.norm(fieldname)[fr.lengths[rows]]
        self._last_norm = (fieldname, rows, got)
        return got

    def _filter(self, rows: NDArray[Any]) -> NDArray[Any]:
        """Mask of ``rows`` that are live and allowed."""
        if self.keep is None:
            return np.ones(len(rows), dtype=bool)
        mask: NDArray[Any] = self.keep[rows]
        return mask

    def term(self, tokens: Term, within: NDArray[Any] | None = None, scored: bool = True) -> _Part:
        """A term's rows and figures; ``within``: only these rows (sorted) are wanted.
        ``scored=False``: the score may be left zero and a one-token term's first positions
        -1 (a ranking word's rows and counts)."""
        key = tuple(tokens)
        got = self._cache.get(key)
        if got is not None:
            if within is None or within is got.rows:  # a one-term query's own rows (its boost)
                return got
            m = _flat(_members(got.rows, within))
            return _Part(got.rows[m], got.score[m], got.count[m], got.first[m])
        if within is None:
            got = self._cache[key] = self._term(tokens)
            return got
        if len(key) < 2 or not REUSE_WITHIN:  # one token: restricting its list is as cheap
            return self._term(tokens, scored=scored, within=within)
        # query (issue 11): a phrase matched within some rows (a later clause, an exclusion)
        # and asked again within fewer (a ranking word among the matches: 民营经济 of
        # 民营经济 营商环境) is filtered, not matched again; a row's figures do not depend on
        # the other rows, so the figures are the same.
        prev = self._within.get(key)
        if prev is not None and (prev[1] or not scored):
            rows_before, _, part = prev
            if within is rows_before or bool(_members(within, rows_before).all()):
                m = _flat(_members(part.rows, within))
                return _Part(part.rows[m], part.score[m], part.count[m], part.first[m])
        got = self._term(tokens, scored=scored, within=within)
        self._within[key] = (within, scored, got)
        return got

    def _within_rows(
        self, name: str, token: str, rows: NDArray[Any], within: NDArray[Any]
    ) -> NDArray[Any]:
        """Which of a token's ``rows`` are among ``within`` and kept: a mask or indices."""
        m: NDArray[Any]
        known = self._idx_at.get((name, token)) if PHRASE_SHORTCUTS else None
        if known is not None:
            # phrase (issue 11): the token's indices at a phrase's candidates, when they hold
            # the rows wanted (a ranking word inside the query's phrase: 发展 of 高质量发展
            # among its matches): no lookup in the whole list
            cand, idx = known
            sel = _members(cand, within)
            if int(np.count_nonzero(sel)) == len(within):
                m = idx[sel]
                # (cand may be a document frequency's, over every row)
                return m if self.keep is None else m[self.keep[rows[m]]]
        top = max(int(rows[-1]), int(within[-1])) + 1 if len(rows) and len(within) else 0
        if len(rows) > _FEW_WITHIN * len(within) and not _marking_cheaper(
            top, len(rows), len(within)
        ):
            # phrase (issue 11): a few rows of a long list (a ranking word among a phrase's
            # matches: 经济 among 764 of its 72k rows) are looked up there, not the whole
            # list among them (the same rows, in order)
            m = _index_of(rows, within, found_only=True)
            return m if self.keep is None else m[self.keep[rows[m]]]
        m = _members(rows, within)
        return m if self.keep is None else m & self.keep[rows]

    def _postings(self, name: str, token: str) -> TermPostings:
        """A token's postings (decoded once per segment and query: alternatives share tokens)."""
        key = (name, token)
        got = self._decoded.get(key)
        if got is None:
            got = self._decoded[key] = self.seg.postings.field(name).postings(token)
        return got

    def _pos_ends(self, name: str, token: str, tp: TermPostings) -> NDArray[Any]:
        """Where each row's positions end in ``tp.pos`` (``cumsum(tf)``), once per query:
        a token shared by several phrases (经济 in 民营经济 and 非公有制经济) is summed once."""
        key = (name, token)
        got = self._ends.get(key)
        if got is None:
            got = self._ends[key] = tp.tf.cumsum()
        return got

    def _term(
        self,
        tokens: Term,
        fieldname: str | None = None,
        scored: bool = True,
        within: NDArray[Any] | None = None,
    ) -> _Part:
        name = fieldname or self.exact_name
        fr = self.seg.postings.field(name)
        if not tokens:
            return _empty()
        if len(tokens) == 1:
            tp = self._postings(name, tokens[0])
            rows, tf = tp.rows, tp.tf
            m: NDArray[Any] | None = None  # the rows kept: a mask or their indices
            if within is not None:
                m = self._within_rows(name, tokens[0], rows, within)
            else:
                m = None if self.keep is None else self.keep[rows]
            if m is not None:
                m = _flat(m)  # (rows, tf and the position ends taken at it)
                rows, tf = rows[m], tf[m]
            if scored and tp.pos is not None and len(tp.pos):
                ends = self._pos_ends(name, tokens[0], tp)
                at = ends - tp.tf if m is None else ends[m] - tf  # each row's first position
                first = tp.pos[at].astype(np.int64)
            else:  # unigrams keep no positions; speed (issue 11, round 14): an unscored
                # token (a ranking word, an exclusion, a section word) is asked for its rows
                # and counts only, so its first positions are not gathered
                first = np.full(len(rows), -1, np.int64)
            score = self._bm25(name, fr, tokens[0], rows, tf) if scored else np.zeros(len(rows))
            return _Part(rows, score, tf, first)
        lists = [self._postings(name, t) for t in tokens]
        if within is not None and not scored and PHRASE_SHORTCUTS:
            fast = self._phrase_from_kept(name, tokens, lists, within)
            if fast is not None:
                return fast
        order = sorted(range(len(tokens)), key=lambda i: len(lists[i].rows))
        # Candidates: the rarest token's rows (kept, within), then those in each other list;
        # each token's indices at them come with the lookup (phrase, issue 11: one pass over
        # a list for both, not a membership mask and then an index search).
        first_rows = lists[order[0]].rows
        mask = None if self.keep is None else self.keep[first_rows]
        if within is not None:
            w = _members(first_rows, within)
            mask = w if mask is None else mask & w
        at0 = mask.nonzero()[0] if mask is not None else None
        cand = first_rows[at0] if at0 is not None else first_rows
        idx_of: dict[int, NDArray[Any]] = {}
        for i in order[1:]:
            if not len(cand):
                return _empty()
            found, idx = _lookup(lists[i].rows, cand)
            if len(idx) != len(cand):
                hold = found.nonzero()[0]
                cand = cand[hold]
                at0 = hold if at0 is None else at0[hold]
                for k in idx_of:
                    idx_of[k] = idx_of[k][hold]
            idx_of[i] = idx
        if not len(cand):
            return _empty()
        idx_of[order[0]] = at0 if at0 is not None else np.arange(len(cand), dtype=np.intp)
        if any(lists[i].pos is None for i in order):  # no positions: not a bigram here
            return _empty()
        # Phrase: keys ``row << 32 | position - i`` of each token at the candidate rows only
        # (sorted: rows ascend, positions ascend within a row), intersected smallest first.
        # phrase (issue 11): only the tokens of a cover are compared (see _cover), and each
        # token's keys are kept for a later phrase of this query within fewer rows (a ranking
        # word inside the query's phrase: 高质量 of 高质量发展).
        keysets: list[NDArray[Any]] = []
        tf_at: dict[int, NDArray[Any]] = {}  # token i -> its tf at each candidate row
        shortcuts = PHRASE_SHORTCUTS
        check = (
            _cover(tokens, [lists[i].rows for i in range(len(tokens))], self._shared_with(tokens))
            if shortcuts
            else frozenset(range(len(tokens)))
        )
        places: list[int] = []  # the token of each key set
        in_cand: NDArray[Any] | None = None
        for i in order:
            tp = lists[i]
            if not scored and i not in check:
                continue
            kept = self._keys_at.get((name, tokens[i])) if shortcuts and i in check else None
            if kept is not None and not scored:
                got = _keys_within(kept, cand, in_cand)
                if got is not None:
                    keys, in_cand = got
                    keysets.append(keys - (i - kept[2]) if i != kept[2] else keys)
                    places.append(i)
                    continue
            idx = idx_of[i]  # where each candidate is in the token's rows
            self._idx_at[(name, tokens[i])] = (cand, idx)
            n_at = tf_at[i] = tp.tf[idx]
            if i not in check:
                continue
            begin = self._pos_ends(name, tokens[i], tp)[idx] - n_at
            total = int(n_at.sum())
            gather = _ranges(begin, n_at, total)
            # ``(row << 32) - i + position``: a position before i gives a key below the row's
            # (the previous row's top), matching no start of token 0, which every cover has.
            pos = tp.pos
            assert pos is not None  # (checked above)
            keys = pos[gather].astype(np.int64)
            keys += _repeat((cand << 32) - i, n_at, total)
            self._keys_at[(name, tokens[i])] = (cand, keys, i)
            keysets.append(keys)
            places.append(i)
        steps: list[NDArray[Any]] | None = [] if shortcuts else None
        starts = _phrase_starts(keysets, places, steps)
        if steps:
            # speed (issue 11, round 14): the starts where the first two, three ... of the
            # compared tokens line up are those of a shorter phrase inside this one (高质量 of
            # 高质量发展, a ranking word asked among its matches next): kept for it
            for k, lined in enumerate(steps, start=2):
                at = places[:k]
                low = min(at)
                key = frozenset((tokens[i], i - low) for i in at)
                self._lined_up[(name, key)] = (cand, lined, low)
        if starts is None:
            return _empty()
        rows, count, first = starts
        score = np.zeros(len(rows), dtype=np.float64)
        if scored:
            # query (issue 11): each token's tf at the matching rows is its tf at the
            # candidates (rows are among them), and the length part is the rows' for every
            # token: one lookup each instead of a binary search per token and row.
            sel = _members(cand, rows).nonzero()[0] if len(rows) != len(cand) else None
            norm_at = self._norm_at(name, fr, rows)
            for i, t in enumerate(tokens):
                tf = tf_at[i] if sel is None else tf_at[i][sel]
                score = score + self._bm25(name, fr, t, rows, tf, norm_at=norm_at)
        return _Part(rows, score, count, first)

    def _shared_with(self, tokens: Term) -> frozenset[str]:
        """The tokens other multi-token ranking words of the run read (see :func:`_cover`)."""
        key = tuple(tokens)
        return frozenset(t for word in self._shared if word != key for t in word)

    def _phrase_from_kept(
        self, name: str, tokens: Term, lists: list[TermPostings], within: NDArray[Any]
    ) -> _Part | None:
        """An unscored phrase within ``within`` from the keys an earlier phrase of the query
        kept for each of its compared tokens at rows holding ``within`` (a ranking word inside
        the query's phrase: 高质量 of 高质量发展 among its matches), else None.

        matcher (issue 11): every token of the earlier phrase is in each of its candidate rows,
        so ``within`` (the query's matches, among them) are this phrase's candidates: no lookup
        of the rows in any token's list; the keys are those the full path would gather."""
        check = _cover(tokens, [tp.rows for tp in lists], self._shared_with(tokens))
        if not len(within):
            return None
        cand = within if self.keep is None else within[self.keep[within]]
        lined = self._lined_up.get((name, frozenset((tokens[i], i) for i in check)))
        if lined is not None:
            # speed (issue 11, round 14): the compared tokens were lined up already, inside a
            # longer phrase of the query at rows holding ``cand``: its starts at ``cand`` are
            # this phrase's (the keys the compared tokens give there, intersected), shifted by
            # this phrase's place in it
            got = _keys_within(lined, cand, None)  # (its rows: key + shift >> 32)
            if got is not None:
                keys = got[0] + lined[2] if lined[2] else got[0]
                found = _phrase_starts([keys]) if len(keys) else None
                if found is None:
                    return _empty()
                rows, count, first = found
                return _Part(rows, np.zeros(len(rows), dtype=np.float64), count, first)
        kept = [self._keys_at.get((name, tokens[i])) for i in sorted(check)]
        if any(k is None for k in kept):
            return None
        in_cand: NDArray[Any] | None = None
        keysets: list[NDArray[Any]] = []
        for i, k in zip(sorted(check), kept, strict=True):
            assert k is not None
            got = _keys_within(k, cand, in_cand)
            if got is None:
                return None
            keys, in_cand = got
            keysets.append(keys - (i - k[2]) if i != k[2] else keys)
        found = _phrase_starts(keysets)
        if found is None:
            return _empty()
        rows, count, first = found
        return _Part(rows, np.zeros(len(rows), dtype=np.float64), count, first)

    def _estimate(self, clause: tuple[tuple[Term, ...], ...]) -> int:
        """At most how many rows a clause matches here: per alternative its rarest token."""
        fr = self.exact
        return sum(
            min((fr.doc_frequency(t) for tokens in alt for t in tokens), default=0)
            for alt in clause
        )

    def _matched(self, clause: tuple[tuple[Term, ...], ...]) -> bool:
        """Whether every term of the clause was matched over all rows in this query."""
        cache = self._cache
        return bool(clause) and all(tuple(t) in cache for alt in clause for t in alt)

    def _clauses(self, clauses: tuple[tuple[tuple[Term, ...], ...], ...]) -> _Part | None:
        """The AND of the clauses (each an OR of alternatives, each an AND of terms).

        Clauses are matched rarest first, each only within the rows the earlier ones left (a
        row's figures do not depend on the other rows, so restricting changes nothing for the
        rows that match all); the figures are then added up in the clauses' own order, as the
        reference implementation adds them (the same floats, bit for bit).
        """
        # phrase (issue 11): a clause whose terms were all matched over every row already (an
        # earlier spec of the same query: the widened one before the literal one) costs nothing
        # and goes first, so the others are matched within its rows as the earlier spec matched
        # them (民营经济 营商环境: the literal 民营经济 was matched a second time, over all rows).
        est = [-1 if self._matched(c) else self._estimate(c) for c in clauses]
        parts: list[_Part | None] = [None] * len(clauses)
        within: NDArray[Any] | None = None
        for ci in sorted(range(len(clauses)), key=est.__getitem__):
            clause_part: _Part | None = None
            for alt in clauses[ci]:
                alt_part: _Part | None = None
                for tokens in alt:
                    tp = self.term(tokens, within if alt_part is None else alt_part.rows)
                    alt_part = tp if alt_part is None else _and(alt_part, tp)
                    if not len(alt_part.rows):
                        break
                if alt_part is None or not len(alt_part.rows):
                    continue
                clause_part = alt_part if clause_part is None else _or(clause_part, alt_part)
            if clause_part is None or not len(clause_part.rows):
                return None
            parts[ci] = clause_part
            within = clause_part.rows
        assert within is not None
        main: _Part | None = None
        for p in parts:
            assert p is not None
            if len(p.rows) != len(within):
                sel = p.rows.searchsorted(within)
                p = _Part(within, p.score[sel], p.count[sel], p.first[sel])
            main = (
                p
                if main is None
                else _Part(
                    within,
                    main.score + p.score,
                    main.count + p.count,
                    np.minimum(main.first, p.first),
                )
            )
        return main

    def run(self, spec: MatchSpec) -> tuple[_Part, NDArray[Any]] | None:
        """The segment's matching rows (a _Part) and their word-field score."""
        main: _Part | None = None
        self._shared = tuple(tuple(tokens) for tokens, _ in spec.boosts if len(tokens) > 1)
        if not spec.clauses:
            rows = np.arange(self.seg.n, dtype=np.int64)
            rows = rows[self._filter(rows)]
            main = _Part(
                rows,
                np.full(len(rows), EVERY_SCORE),
                np.zeros(len(rows), np.int64),
                np.full(len(rows), -1, np.int64),
            )
        if spec.clauses:
            main = self._clauses(spec.clauses)
            if main is None:
                return None
        assert main is not None
        for tokens in spec.excluded:
            if not len(main.rows):
                return None
            ex = self.term(tokens, main.rows).rows
            if len(ex):
                keep = (~_members(main.rows, ex)).nonzero()[0]
                main = _Part(main.rows[keep], main.score[keep], main.count[keep], main.first[keep])
        if not len(main.rows):
            return None
        word = np.zeros(len(main.rows), dtype=np.float64)
        score = main.score
        for tokens, boost in spec.boosts:
            if not tokens:
                continue
            # the word's rows among main's, with counts (its own BM25 is the word's, below)
            wp = self.term(tokens, main.rows, scored=False)
            if not len(wp.rows):
                continue
            df = self.ix.word_frequency(self.exact_name, tuple(tokens), self)
            part = self._word_bm25(df, wp.rows, wp.count, boost)
            if len(wp.rows) == len(main.rows):  # in every row (wp's rows are among main's)
                score = score + part
                word += part
                continue
            at = _members(main.rows, wp.rows)
            score = score.copy()
            score[at] += part
            word[at] += part
        return _Part(main.rows, score, main.count, main.first), word

    def _word_bm25(
        self, df: int, rows: NDArray[Any], tf: NDArray[Any], boost: float
    ) -> NDArray[Any]:
        """BM25 of a ranking word at ``rows`` (its counts ``tf``, its document frequency
        ``df``), length-normalised by the exact field."""
        idf = math.log(self.ix.doc_count_all / (df + 1)) + 1
        w = tf.astype(np.float64)
        norm = self._norm_at(self.exact_name, self.exact, rows)
        s: NDArray[Any] = idf * (K1 + 1) * w / (w + norm)
        return s * boost if boost != 1.0 else s

    def rows_holding(self, tokens: Term) -> int:
        """How many rows of this matcher's postings hold ``tokens`` (deleted and filtered-out
        rows included: a document frequency, as Whoosh counts it)."""
        keep, self.keep = self.keep, None
        try:
            return len(self._term(tokens, scored=False).rows)
        finally:
            self.keep = keep


def _runs(
    values: NDArray[Any], known_unique: bool = False
) -> tuple[NDArray[Any], NDArray[Any]] | None:
    """Values and lengths of the runs of equal values, in order, when no value has two runs
    (else None). ``known_unique``: the caller knows no value can have two runs."""
    n = len(values)
    if not n:
        return values[:0], np.zeros(0, dtype=np.int64)
    # match (issue 11): the breaks marked in one array and the lengths taken between them (no
    # shifted copy, concatenation or append: 1.19 -> 0.31 ms for 128k rows in 83k runs)
    brk = np.empty(n, dtype=bool)
    brk[0] = True
    np.not_equal(values[1:], values[:-1], out=brk[1:])
    starts = brk.nonzero()[0]
    head = values[starts]
    if not known_unique and len(head) > 1 and len(np.unique(head)) != len(head):
        return None
    lengths = np.empty(len(starts), dtype=np.int64)
    np.subtract(starts[1:], starts[:-1], out=lengths[:-1])
    lengths[-1] = n - starts[-1]
    return head, lengths


_DENSE_SPAN = 16
""":func:`_members` marks rows in a bool array when the largest value is at most this many
times the two arrays' length (plus a few pages): then the array is cheaper than searching."""


def _marking_cheaper(top: int, na: int, nb: int) -> bool:
    """Whether marking values below ``top`` in a bool array beats binary searches between
    sorted arrays of ``na`` and ``nb`` values (phrase, issue 11).

    Measured on 276k rows: the array costs ~0.01 ns a byte to clear and ~0.6 ns a touch per
    element; the searches ~3 ns a step, log2(longer) steps for each of the shorter's elements.
    Mid-sized lists among ~300k rows (乡村, 脱贫 among a query's 4-6k matches: 16 against 177
    µs) were searched; 764 rows in 72k still are (22 against 46 µs)."""
    short, long_ = (na, nb) if na <= nb else (nb, na)
    return top + 60 * (short + long_) <= 300 * short * long_.bit_length()


_REPEAT_MIN = 8192
""":func:`_repeat` and :func:`_ranges` leave outputs shorter than this to ``numpy.repeat``
(shorter ones measured no faster in a whole query; 高质量发展's 46k keys of 发展 at its 14k
candidates 329 -> 188 µs alone, its search 9.06 -> 8.51 ms CPU in one process alternated)."""


def _live_runs(x: NDArray[Any], n: NDArray[Any]) -> tuple[NDArray[Any], NDArray[Any], NDArray[Any]]:
    """``x``, ``n`` and each run's start in the output, runs of no element left out."""
    starts = n.cumsum()
    starts -= n
    if not bool(n.all()):
        live = n.nonzero()[0]
        return x[live], n[live], starts[live]
    return x, n, starts


def _repeat(x: NDArray[Any], n: NDArray[Any], total: int) -> NDArray[Any]:
    """``numpy.repeat(x, n)`` of integers (int64 result; ``n`` >= 0, ``total`` = its sum).

    match (issue 11): here the output is the running sum of an array holding each run's step
    from the last at the run's start (one scatter per run, one cumulative sum), cheaper than
    ``repeat``'s copy per element for long outputs (the same integers: int64 sums wrap
    exactly)."""
    if total < _REPEAT_MIN:
        return x.repeat(n).astype(np.int64, copy=False)
    x, n, starts = _live_runs(x, n)
    d = np.zeros(total, dtype=np.int64)
    d[0] = x[0]
    d[starts[1:]] = x[1:] - x[:-1]
    d.cumsum(out=d)
    return d


def _ranges(begin: NDArray[Any], n: NDArray[Any], total: int) -> NDArray[Any]:
    """The ranges ``begin[k] .. begin[k] + n[k] - 1`` one after the other (int64; ``n`` >= 0,
    ``total`` = its sum): ``arange(total) + repeat(begin - (cumsum(n) - n), n)``, as one
    running sum of ones with a jump at each range's start (match, issue 11; see
    :func:`_repeat`)."""
    if total < _REPEAT_MIN:
        starts = n.cumsum()
        starts -= n
        out: NDArray[Any] = np.arange(total, dtype=np.int64)
        out += (begin - starts).repeat(n)
        return out
    begin, n, starts = _live_runs(begin, n)
    d = np.ones(total, dtype=np.int64)
    d[0] = begin[0]
    d[starts[1:]] = begin[1:] - (begin[:-1] + n[:-1]) + 1
    d.cumsum(out=d)
    return d


def _flat(m: NDArray[Any]) -> NDArray[Any]:
    """Indices of a mask's set elements (indices are returned as they are).

    match (issue 11): several arrays taken at one mask are taken at its indices: a boolean
    index passes over the mask again for each array and branches on every element (a mask
    with half its elements set: 98 µs for 37k elements against 28 µs found once and taken)."""
    if m.dtype == np.bool_:
        flat: NDArray[Any] = m.nonzero()[0]
        return flat
    return m


def _members(a: NDArray[Any], b: NDArray[Any]) -> NDArray[Any]:
    """Mask of the elements of sorted unique ``a`` that are in sorted unique ``b``.

    Binary searches go from the shorter array into the longer one (a common word's 128k rows
    are not each looked up among a few hundred candidates)."""
    if not len(b) or not len(a):
        return np.zeros(len(a), dtype=bool)
    top = max(int(a[-1]), int(b[-1])) + 1
    if min(int(a[0]), int(b[0])) >= 0 and (
        _marking_cheaper(top, len(a), len(b)) or top <= _DENSE_SPAN * (len(a) + len(b)) + 4096
    ):
        # query (issue 11): row numbers of big lists (a common word's 128k rows against
        # another's) are marked in a bool array over the rows and looked up there: a pass
        # over each array instead of a binary search per element (same mask).
        seen = np.zeros(top, dtype=bool)
        seen[b] = True
        dense: NDArray[Any] = seen[a]
        return dense
    if len(a) > 4 * len(b):
        at = a.searchsorted(b)
        ok = at < len(a)
        ok[ok] = a[at[ok]] == b[ok]
        mask = np.zeros(len(a), dtype=bool)
        mask[at[ok]] = True
        return mask
    idx = b.searchsorted(a)
    idx[idx == len(b)] = len(b) - 1
    found: NDArray[Any] = b[idx] == a
    return found


_FEW_WITHIN = 8
"""A one-token term wanted within rows this many times fewer than its list looks them up in it
(binary searches) instead of marking them for a pass over the list."""

_DENSE_INDEX = 8192
""":func:`_index_of` uses an inverse array for at least this many candidates only: with fewer
(乡村振兴's 5k in 13k rows) it measured no faster in isolation and slower in the whole query."""


def _index_of(a: NDArray[Any], b: NDArray[Any], found_only: bool = False) -> NDArray[Any]:
    """Where each element of sorted ``b`` sits in sorted unique ``a`` (``b`` is a subset of ``a``).

    query (issue 11): a phrase's candidate rows are looked up in each token's rows; when the
    rows span little more than the lists (the :func:`_members` rule), the candidates are at
    least a tenth of the list (filling the array costs about what a tenth of the list's binary
    searches does) and many (``_DENSE_INDEX``), an inverse array over the rows replaces a binary
    search per candidate (高质量发展: 14k candidates in 128k rows; its four lookups 2.2 -> 0.9
    ms; the same indices). ``found_only``: ``b`` may hold elements not in ``a``; the indices
    in ``a`` of those that are (ascending)."""
    if found_only:  # b need not be a subset: the indices of its elements that are in a
        if not len(a) or not len(b):
            return np.zeros(0, dtype=np.intp)
        near = a.searchsorted(b)
        near = near[near < len(a)]
        hit: NDArray[Any] = near[a[near] == b[: len(near)]]
        return hit
    if not len(b):
        return np.zeros(0, dtype=np.intp)
    top = int(a[-1]) + 1
    dense = len(b) >= _DENSE_INDEX and 10 * len(b) >= len(a)
    if dense and int(a[0]) >= 0 and top <= _DENSE_SPAN * (len(a) + len(b)) + 4096:
        inv = np.empty(top, dtype=np.intp)
        inv[a] = np.arange(len(a), dtype=np.intp)
        found: NDArray[Any] = inv[b]
        return found
    at: NDArray[Any] = a.searchsorted(b)
    return at


def _cover(
    tokens: Term, rows: Sequence[NDArray[Any]], shared: frozenset[str] = frozenset()
) -> frozenset[int]:
    """The tokens of a phrase whose positions are compared: all of them, or for a phrase of
    bigrams of one-character units, a cheapest cover (phrase, issue 11).

    Every pair of adjacent units is indexed, so when the chosen bigrams hold every unit of the
    phrase at its place (token 0 and the last, no two chosen ones more than 2 apart), the
    others are there too: 高质|量发|展 at p, p+2, p+3 put 高质量发展 at p..p+4, so 质量 is at
    p+1. A two-character token of two non-ASCII characters is always two units (numbers and
    Latin words are longer units, and ``34%`` is both a unit and a pair). Cost of a token: its
    rows in the lists (the positions it would read); nothing for a token in ``shared``, which a
    later phrase of the query reads at these rows anyway (matcher, issue 11: the ranking word
    高质量 of 高质量发展 then finds 高质 and 质量's keys kept, 1.6 -> ~0.3 ms)."""
    n = len(tokens)
    if n < 3 or not all(len(t) == 2 and ord(t[0]) > 127 and ord(t[1]) > 127 for t in tokens):
        return frozenset(range(n))
    # matcher (issue 11): 3 bigrams too (乡村|振兴 at p, p+2 put 村振 at p+1): the middle one's
    # keys are neither gathered nor intersected (乡村振兴's match 6.0 -> 5.0 ms; it was 4+)
    cost = [0 if t in shared else len(r) for t, r in zip(tokens, rows, strict=True)]
    best = [0] * n  # cheapest cover of units 0..k+1 choosing token k
    prev = [-1] * n
    best[0] = cost[0]
    best[1] = cost[0] + cost[1]
    prev[1] = 0
    for k in range(2, n):
        j = k - 1 if best[k - 1] <= best[k - 2] else k - 2
        best[k], prev[k] = cost[k] + best[j], j
    chosen, k = set(), n - 1
    while k >= 0:
        chosen.add(k)
        k = prev[k]
    return frozenset(chosen)


def _phrase_starts(
    keysets: list[NDArray[Any]],
    places: list[int] | None = None,
    steps: list[NDArray[Any]] | None = None,
) -> tuple[NDArray[Any], NDArray[Any], NDArray[Any]] | None:
    """A phrase's rows, matches per row and first match from its tokens' ``row << 32 | pos``
    keys (offset by each token's place): the keys in every set, smallest set first; None when
    none is. ``places``: each set's token, put in the order the sets are compared;
    ``steps``: gets the keys in the first two sets, the first three ... (the last is the
    phrase's own)."""
    if places is not None:
        paired = sorted(zip(keysets, places, strict=True), key=lambda kp: len(kp[0]))
        keysets[:] = [k for k, _ in paired]
        places[:] = [p for _, p in paired]
    else:
        keysets.sort(key=len)
    starts = keysets[0]
    for keys in keysets[1:]:
        if not len(starts):
            return None
        starts = _common(starts, keys)
        if steps is not None:
            steps.append(starts)
    if not len(starts):
        return None
    srow = starts >> 32
    brk = (srow[1:] != srow[:-1]).nonzero()[0] + 1
    first_idx = np.concatenate(([0], brk))
    rows = srow[first_idx]
    count = np.empty(len(first_idx), dtype=first_idx.dtype)
    count[:-1] = brk
    count[-1] = len(srow)
    count -= first_idx
    first = starts[first_idx] & 0xFFFFFFFF
    return rows, count, first


_MERGE_RATIO = 2.5
""":func:`_common` merges two key arrays when the longer is at most this many times the shorter
(a merge step ~20 ns an element of both, a binary search ~80 ns an element of the shorter)."""


def _common(a: NDArray[Any], b: NDArray[Any]) -> NDArray[Any]:
    """The values of sorted unique ``a`` that are in sorted unique ``b`` (sorted).

    matcher (issue 11): a phrase's keys (``row << 32 | position``, spanning far more than a
    bool array can mark) were intersected by a binary search per key of the shorter set; for
    sets of like sizes (高质量发展's tokens at its 14k candidates: 16k against 18k keys) the
    two are concatenated and sorted (timsort finds the two runs and merges them: linear) and
    the values that appear twice kept."""
    if len(b) > _MERGE_RATIO * len(a) or len(a) > _MERGE_RATIO * len(b):
        kept: NDArray[Any] = a[_members(a, b)]
        return kept
    both = np.concatenate((a, b))
    both.sort(kind="stable")
    # match (issue 11): the pairs' first elements by their indices, not a boolean mask (about
    # half the keys pair up, the worst case of a mask: 16k+18k keys 158 -> 78 µs)
    common: NDArray[Any] = both[(both[1:] == both[:-1]).nonzero()[0]]
    return common


def _keys_within(
    kept: tuple[NDArray[Any], NDArray[Any], int], cand: NDArray[Any], in_cand: NDArray[Any] | None
) -> tuple[NDArray[Any], NDArray[Any] | None] | None:
    """A token's kept phrase keys (see ``_SegmentMatcher._term``) at the rows ``cand`` only,
    when they are among the rows it was read at (else None); ``in_cand``: a bool array over the
    rows marking ``cand``, made here once per phrase. The keys' offset is the kept one."""
    rows, keys, offset = kept
    if cand is rows or (len(cand) == len(rows) and np.array_equal(cand, rows)):
        return keys, in_cand
    if len(cand) > len(rows) or not bool(_members(cand, rows).all()):
        return None
    if in_cand is None:
        in_cand = np.zeros(int(rows[-1]) + 2, dtype=bool)
        in_cand[cand] = True
    # each key's row: ``(row << 32) - offset + position`` plus the offset, shifted (the rows
    # of another kept token may go beyond cand's: they read the last mark, never set)
    at = np.minimum((keys + offset) >> 32, len(in_cand) - 1)
    got: NDArray[Any] = keys[in_cand[at]]
    return got, in_cand


def _lookup(a: NDArray[Any], b: NDArray[Any]) -> tuple[NDArray[Any], NDArray[Any]]:
    """For sorted unique ``a`` and ``b``: a mask of ``b``'s elements that are in ``a``, and
    their indices in ``a`` (phrase, issue 11: a phrase's candidates in each token's rows).

    Few elements in a long list are binary-searched; else the list's indices are scattered
    over its values in an uninitialised array and read back at ``b``, each checked against
    ``a`` (a value not in ``a`` reads whatever the memory held: never its own index)."""
    n, m = len(a), len(b)
    if not n or not m:
        return np.zeros(m, dtype=bool), np.zeros(0, dtype=np.intp)
    top = max(int(a[-1]), int(b[-1])) + 1
    dense = min(int(a[0]), int(b[0])) >= 0 and top <= _DENSE_SPAN * (n + m) + 4096
    if dense and 2 * m * n.bit_length() >= n:
        inv = np.empty(top, dtype=np.intp)
        inv[a] = np.arange(n, dtype=np.intp)
        at = inv[b]
        ok = (at >= 0) & (at < n)
    else:
        at = a.searchsorted(b)
        ok = at < n
    at[~ok] = 0
    ok &= a[at] == b
    idx: NDArray[Any] = at[ok]
    return ok, idx


def _and(x: _Part, y: _Part) -> _Part:
    """Rows in both; scores ``x + y`` (in that order, as the reference implementation adds)."""
    ix = _members(x.rows, y.rows).nonzero()[0]
    rows = x.rows[ix]
    iy = y.rows.searchsorted(rows)
    return _Part(
        rows,
        x.score[ix] + y.score[iy],
        x.count[ix] + y.count[iy],
        np.minimum(x.first[ix], y.first[iy]),
    )


def _or(x: _Part, y: _Part) -> _Part:
    """Rows in either; scores summed where both match (``x + y``)."""
    rows = np.union1d(x.rows, y.rows)
    ix = rows.searchsorted(x.rows)
    iy = rows.searchsorted(y.rows)
    score = np.zeros(len(rows))
    score[ix] = x.score
    score[iy] += y.score
    count = np.zeros(len(rows), np.int64)
    count[ix] = x.count
    count[iy] += y.count
    big = np.iinfo(np.int64).max
    first = np.full(len(rows), big, np.int64)
    first[ix] = x.first
    first[iy] = np.minimum(first[iy], y.first)
    return _Part(rows, score, count, first)


def match(
    reader: Any,
    spec: MatchSpec,
    *,
    exact_field: str,
    word_field: str | None = None,
    allowed: Sequence[int] | set[int] | frozenset[int] | NDArray[Any] | None = None,
    section_field: str | None = None,
) -> Matches:
    """All rows of ``reader`` (a Whoosh reader) matching ``spec``; ``allowed``: global rows the
    filters let through (None: all). Raises :class:`~reporttui.core.index.postings.Damaged`
    when a segment's postings file is missing or broken. ``word_field`` is not used (ranking
    words are read from the exact field since schema 9; kept for callers)."""
    return match_all(
        reader, (spec,), exact_field=exact_field, allowed=allowed, section_field=section_field
    )[0]


def match_all(
    reader: Any,
    specs: Sequence[MatchSpec],
    *,
    exact_field: str,
    allowed: Sequence[int] | set[int] | frozenset[int] | NDArray[Any] | None = None,
    section_field: str | None = None,
) -> list[Matches]:
    """:func:`match` of each of ``specs`` under the same filters, with their postings decoded
    once: the same results as one :func:`match` per spec.

    query (issue 11): a query widened by synonyms is matched as widened and as typed (search's
    literal-first rule); the second match decoded the same lists again and redid the terms
    both share (~1/3 of such a query)."""
    ix = view(reader)
    allowed_arr = None
    if isinstance(allowed, np.ndarray):  # already sorted unique rows (search's filter rows)
        allowed_arr = allowed.astype(np.int64, copy=False)
    elif allowed is not None:
        allowed_arr = np.fromiter(allowed, dtype=np.int64)
        allowed_arr.sort()
    none = Matches(_EMPTY_I, _EMPTY_F, _EMPTY_F, _EMPTY_I, _EMPTY_I)
    if not ix.segments or not specs:
        return [none for _ in specs]
    wanted: dict[str, set[str]] = {exact_field: set()}
    sections = specs[0].sections
    for spec in specs:
        if spec.sections != sections:  # one section filter per decode (it is the row filter)
            raise ValueError("match_all: the specs must share their section filters")
        for clause in spec.clauses:
            for alt in clause:
                for tokens in alt:
                    wanted[exact_field].update(tokens)
        for tokens in spec.excluded:
            wanted[exact_field].update(tokens)
        for tokens, _ in spec.boosts:
            wanted[exact_field].update(tokens)
    if section_field is not None and sections:
        wanted.setdefault(section_field, set()).update(t for ts in sections for t in ts)
    merged = _decode(ix, wanted, {exact_field, section_field}, exact_field, specs, allowed_arr)
    whole = _Segment(None, 0, merged, ix.live(), ix.doc_count_all)  # type: ignore[arg-type]
    one = _SegmentMatcher(ix, whole, exact_field, allowed_arr, section_field, sections)
    out = []
    for spec in specs:  # the matcher's per-term results depend on the filters alone: shared
        got = one.run(spec)
        if got is None:
            out.append(none)
            continue
        part, word = got
        out.append(
            Matches(
                rows=part.rows,
                score=part.score,
                word_score=word,
                count=part.count,
                first=part.first,
            )
        )
    return out


class _MergedField:
    """One field over every segment, for one query: the tokens it needs, decoded, with global
    row numbers (segments in order, so rows ascend) and the global length bytes."""

    def __init__(self, lengths: NDArray[Any], decoded: dict[str, TermPostings]) -> None:
        self.lengths = lengths
        self._decoded = decoded

    def postings(self, token: str, positions: bool = True) -> TermPostings:
        tp = self._decoded.get(token)
        if tp is None:  # in no segment
            return TermPostings(_EMPTY_I, _EMPTY_I, _EMPTY_I if positions else None)
        return tp if positions or tp.pos is None else TermPostings(tp.rows, tp.tf, None)

    def doc_frequency(self, token: str) -> int:
        tp = self._decoded.get(token)
        return len(tp.rows) if tp is not None else 0


class _Merged:
    def __init__(self, fields: dict[str, _MergedField], skipped: list[int]) -> None:
        self.fields = fields
        self.skipped = skipped
        """Segments (indexes into the view's) not decoded: no row of them can match."""

    def field(self, name: str) -> _MergedField:
        return self.fields[name]


def _decode(
    ix: IndexView,
    wanted: dict[str, set[str]],
    positions: set[str | None],
    exact_field: str,
    specs: Sequence[MatchSpec] | MatchSpec,
    allowed: NDArray[Any] | None,
) -> _Merged:
    """Decode the wanted tokens of every segment, one segment at a time (its pages are released
    before the next: the peak RSS stays that of one segment), into global arrays. Matching then
    runs once over the whole index instead of once per segment (~26 segments on the corpus:
    the per-segment work of small numpy steps was most of a typical query).

    A segment where some clause cannot match (each of its alternatives lacks a token) holds no
    matching row: nothing of it is decoded (a rare word spares the common ranking words); nor
    is a segment without any row the filters allow. With several ``specs``, a segment is
    skipped when none of them can match in it."""
    if isinstance(specs, MatchSpec):
        specs = (specs,)
    every = any(not spec.clauses for spec in specs)  # some spec matches every row
    # Per (field, token), its parts in segment order: a decoded TermPostings (fixed widths) or
    # the number of a LEB128 piece, decoded with all the others in one pass at the end.
    pieces: dict[tuple[str, str], list[TermPostings | int]] = {}
    leb = _LebBatch()
    skipped: list[int] = []
    # Per wanted token: its key, whether positions are read, and the view's per-segment
    # entries (looked up on first use); the loop below runs ~300 times a query, so it appends
    # to the batch's lists itself instead of calling methods (~2 ms a query).
    wanted_keys = [
        ((name, t), name in positions, ix.term_entries(name, t))
        for name, tokens in wanted.items()
        for t in tokens
    ]
    b_seg, b_nbytes, b_df, b_tf = leb._seg, leb._nbytes, leb.df, leb._tf
    b_pos, b_npos, b_off = leb._pos, leb._npos, leb._offset
    filled = {
        key: f for key, with_pos, entries in wanted_keys if (f := _Filled.of(entries, with_pos))
    }
    spent: dict[int, int] = {}  # segment -> bytes read (lists, lookups: see IndexView.spend)
    units = _units(specs)
    forced = {t for ts in specs[0].sections for t in ts} if exact_field in positions else set()
    for si, seg in enumerate(ix.segments):
        read = ix.looked_up
        nbytes = 0
        try:
            readers = {name: seg.postings.field(name) for name in wanted}
            if allowed is not None:
                lo, hi = np.searchsorted(allowed, [seg.offset, seg.offset + seg.n])
                if lo == hi:
                    skipped.append(si)
                    continue
            if not every and not any(
                all(
                    any(
                        all(
                            ix.term(si, exact_field, t) is not None
                            for tokens in alt
                            for t in tokens
                        )
                        for alt in clause
                    )
                    for clause in spec.clauses
                )
                for spec in specs
            ):
                skipped.append(si)
                continue
            offset = seg.offset
            # match (issue 11, round 12): an alternative, exclusion or ranking word with a token
            # absent from this segment matches no row of it: its other tokens' lists here are
            # read only when something that can match needs them
            needed = _needed_here(ix, si, exact_field, units, forced)
            for key, with_pos, entries in wanted_keys:
                if needed is not None and key[0] == exact_field and key[1] not in needed:
                    continue
                hit = entries[si]
                if hit is _UNSEEN:
                    hit = ix.term(si, key[0], key[1])
                if hit is None:
                    continue
                i, meta = hit
                df, npos, w, start, end = meta
                nbytes += end - start
                fr = readers[key[0]]
                if not w & 1:  # LEB128: queued for the batch (FieldReader.leb_piece's bytes)
                    if df:
                        has_pos = bool(w & 4) and with_pos
                        b_seg.append(fr.read(start, end))
                        b_nbytes.append(end - start)
                        b_df.append(df)
                        b_tf.append(bool(w & 2))
                        b_pos.append(has_pos)
                        b_npos.append(npos if has_pos else 0)
                        b_off.append(offset)
                        into = filled.get(key)
                        if into is not None:  # its place in the token's arrays, filled later
                            into.reserve(len(b_df) - 1, df, npos if has_pos else 0)
                        else:
                            pieces.setdefault(key, []).append(len(b_df) - 1)
                    continue
                into = filled.get(key)
                if into is not None:  # straight into the token's arrays (no concatenation)
                    if df:
                        into.add(fr, meta, offset)
                    continue
                tp = fr.postings_at(i, with_pos, meta)
                if not len(tp.rows):
                    continue
                # Positions stay in their stored width (a copy: the pages are released);
                # the matcher widens only the positions it reads.
                pos = tp.pos.copy() if tp.pos is not None else None
                if offset:
                    tp.rows += offset  # a new array (postings_at's cumulative sum)
                pieces.setdefault(key, []).append(TermPostings(tp.rows, tp.tf, pos))
            leb.end_segment()
            if not seg.postings.reads_privately:
                read = -1  # lists were read from the mapping
        except BaseException:
            seg.postings.release()
            raise
        finally:
            if read != ix.looked_up:  # a segment whose pages this query did not touch stays
                if RELEASE_AFTER <= 0:  # each segment leaves the resident set once read: a
                    seg.postings.release()  # query's RSS does not grow with the segment count
                else:
                    looked = 0 if read == -1 else ix.looked_up - read
                    spent[si] = nbytes + LOOKUP_BYTES * max(looked, 1)
    ix.spend(spent)
    order = [k for parts in pieces.values() for k in parts if isinstance(k, int)]
    order += [k for into in filled.values() for k, _, _ in into.slots]
    short = leb.decode(order)
    for key, _, entries in wanted_keys if not skipped else ():  # frequencies, as looked up
        if all(e is not _UNSEEN for e in entries):  # (the rows of every segment's list)
            ix.known_frequency(key[0], key[1], sum(e[1][0] for e in entries if e is not None))
    decoded: dict[str, dict[str, TermPostings]] = {name: {} for name in wanted}
    for (name, t), into in filled.items():
        if into.at:
            decoded[name][t] = into.postings(leb)
    for (name, t), parts in pieces.items():
        if all(isinstance(p, int) for p in parts):  # consecutive in the layout: one slice
            decoded[name][t] = short(parts)  # type: ignore[arg-type]
            continue
        got = [p if isinstance(p, TermPostings) else short([p]) for p in parts]
        if len(got) == 1:
            decoded[name][t] = got[0]
            continue
        no_pos = any(p.pos is None for p in got)
        decoded[name][t] = TermPostings(
            np.concatenate([p.rows for p in got]),
            np.concatenate([p.tf for p in got]),
            None if no_pos else np.concatenate([p.pos for p in got if p.pos is not None]),
        )
    return _Merged(
        {name: _MergedField(ix.lengths(name), d) for name, d in decoded.items()}, skipped
    )


def _units(specs: Sequence[MatchSpec]) -> list[frozenset[str]]:
    """The groups of exact-field tokens of ``specs`` that match a row only together: each
    alternative's tokens (an AND of terms), each exclusion's, each ranking word's."""
    units: set[frozenset[str]] = set()
    for spec in specs:
        for clause in spec.clauses:
            for alt in clause:
                units.add(frozenset(t for tokens in alt for t in tokens))
        for tokens in spec.excluded:
            units.add(frozenset(tokens))
        for tokens, _ in spec.boosts:
            units.add(frozenset(tokens))
    return [u for u in units if u]


def _needed_here(
    ix: IndexView, si: int, name: str, units: list[frozenset[str]], forced: set[str]
) -> set[str] | None:
    """The tokens of ``units`` whose group has every token in segment ``si`` (plus
    ``forced``), or None when that is every token."""
    needed = set(forced)
    dropped = False
    for unit in units:
        if all(ix.term(si, name, t) is not None for t in unit):
            needed |= unit
        else:
            dropped = True
    return needed if dropped else None


class _Filled:
    """One token's postings over the segments, decoded straight into arrays of their total
    size (phrase, issue 11): when every segment's entry of the token is known and stored in
    fixed widths (a common token), the lists need no per-segment arrays and no concatenation
    (发展 at ten times the corpus: 1.3 M rows and 2.9 M positions over ~86 segments)."""

    def __init__(self, df: int, npos: int, pos_dtype: Any) -> None:
        self.rows = np.empty(df, dtype=np.int64)
        self.tf = np.empty(df, dtype=np.int64)
        self.pos = np.empty(npos, dtype=pos_dtype) if pos_dtype is not None else None
        self.at = 0  # rows filled (or reserved for a LEB128 list)
        self.pos_at = 0
        self.slots: list[tuple[int, int, int]] = []
        """LEB128 lists (their number in the batch) and where their rows and positions go."""

    @classmethod
    def of(cls, entries: list[Any], with_pos: bool) -> _Filled | None:
        """For a token's per-segment view entries (:meth:`IndexView.term_entries`), or None
        when some is unknown or only some store positions.

        match (issue 11): lists in LEB128 (under 512 rows in their segment) are taken too,
        copied in once the query's batch is decoded: a token of a few thousand rows (民营,
        营商) has both kinds over the segments, and each fixed-width list was decoded into
        arrays of its own and concatenated with the rest (positions then int64, as here)."""
        df = npos = 0
        width = 0
        stored: set[bool] = set()
        n = 0
        leb = fixed = False
        for e in entries:
            if e is None:
                continue
            if e is _UNSEEN:
                return None
            d, p, w, _, _ = e[1]
            n += 1
            df += d
            if w & 1:
                fixed = True
                pw = _CODE_WIDTH[w >> 5]
                stored.add(bool(pw))
                width = max(width, pw)
            else:
                leb = True
                stored.add(bool(w & 4))
            npos += p
        # one list: nothing to concatenate; all in LEB128: one slice of the batch already
        if n < 2 or len(stored) != 1 or not fixed:
            return None
        want = with_pos and stored.pop()
        if not want:
            return cls(df, 0, None)
        return cls(df, npos, np.int64 if leb else _WIDTH_DTYPE[width])

    def reserve(self, piece: int, df: int, npos: int) -> None:
        """Room for LEB128 list ``piece`` of the batch (``df`` rows, ``npos`` positions)."""
        self.slots.append((piece, self.at, self.pos_at))
        self.at += df
        if self.pos is not None:
            self.pos_at += npos

    def add(self, fr: FieldReader, meta: _Meta, offset: int) -> None:
        """The list of one segment (its ``meta``, its rows shifted by ``offset``)."""
        a = self.at
        self.at, self.pos_at = fr.fill(meta, self.rows, self.tf, self.pos, a, self.pos_at, offset)

    def postings(self, leb: _LebBatch) -> TermPostings:
        """The token's postings, its LEB128 lists taken from ``leb`` (decoded)."""
        for piece, at, pos_at in self.slots:
            leb.copy_into(piece, self, at, pos_at)
        pos = self.pos[: self.pos_at] if self.pos is not None else None
        return TermPostings(self.rows[: self.at], self.tf[: self.at], pos)


class _LebBatch:
    """The LEB128-encoded posting lists of one query, decoded together in one numpy pass.

    Lists under 512 rows are LEB128 (most of a query's ~250 lists over ~26 segments); decoding
    each alone cost ~10 numpy calls. Here the bytes are concatenated, decoded once, and every
    list's rows (a cumulative sum per list, plus its segment's offset), tf and positions are
    gathered with whole-array steps, laid out in the order the caller asks so that one
    token's lists over consecutive segments are one slice. The values are those
    :meth:`FieldReader.postings` gives list by list (a test compares them).
    """

    def __init__(self) -> None:
        # One entry per queued list (``_decode`` appends: FieldReader.leb_piece's bytes, df,
        # whether tf is stored, whether positions are taken and how many, the segment offset).
        self.df: list[int] = []
        self._tf: list[bool] = []
        self._pos: list[bool] = []  # positions stored and wanted
        self._npos: list[int] = []  # positions to take (0 when not stored or not wanted)
        self._offset: list[int] = []
        self._nbytes: list[int] = []
        self._seg: list[NDArray[Any]] = []
        self._chunks: list[NDArray[Any]] = []
        self._rows: NDArray[Any] = _EMPTY_I
        self._tfs: NDArray[Any] = _EMPTY_I
        self._poss: NDArray[Any] = _EMPTY_I
        self._row_at: dict[int, int] = {}
        self._pos_at: dict[int, int] = {}
        self._end_row: dict[int, int] = {}
        self._end_pos: dict[int, int] = {}

    def end_segment(self) -> None:
        if self._seg:  # (FieldReader.read's bytes are the process's own: kept as they are)
            self._chunks.extend(self._seg)
            self._seg.clear()  # in place: _decode appends to this very list

    def decode(self, order: list[int]) -> Callable[[list[int]], TermPostings]:
        """Decode every list, laid out in ``order``; returns :meth:`get`."""
        self.end_segment()
        if order:
            self._decode(order)
        return self.get

    def _decode(self, order: list[int]) -> None:
        b = np.concatenate(self._chunks) if len(self._chunks) > 1 else self._chunks[0]
        self._chunks = []
        ends = (b < 0x80).nonzero()[0]  # each value's last byte
        values = leb128_values(b, ends)
        # Each list's first value: the number of value-ending bytes before its first byte.
        byte_start = np.zeros(len(self.df), np.int64)
        if len(self.df) > 1:
            np.cumsum(self._nbytes[:-1], out=byte_start[1:])
        vstart = ends.searchsorted(byte_start)
        o = np.asarray(order, dtype=np.int64)
        df = np.asarray(self.df, np.int64)[o]
        has_tf = np.asarray(self._tf, bool)[o]
        npos = np.asarray(self._npos, np.int64)[o]
        vs = vstart[o]
        offset = np.asarray(self._offset, np.int64)[o]
        out = np.zeros(len(o) + 1, np.int64)
        df.cumsum(out=out[1:])
        # phrase (issue 11): each row's value index is its number plus its list's shift (one
        # repeat per list figure instead of gathers by list number: half the passes)
        # (match, issue 11: the repeats as running sums, see _repeat)
        n_rows = int(out[-1])
        ridx = _ranges(vs, df, n_rows)
        c = values[ridx].cumsum()  # row gaps -> rows, per list after subtracting
        before = np.where(out[:-1] > 0, c[np.maximum(out[:-1] - 1, 0)], 0)
        c += _repeat(offset - before, df, n_rows)
        self._rows = c
        if has_tf.any():  # the tf follow the row gaps
            tshift = _repeat(np.where(has_tf, df, 0), df, n_rows)
            tf_at = np.minimum(ridx + tshift, len(values) - 1)
            self._tfs = np.where(tshift > 0, values[tf_at], 1)
        else:
            self._tfs = np.ones(len(ridx), dtype=np.int64)
        # Positions follow the row gaps (and the tf when stored).
        pstart = vs + df + np.where(has_tf, df, 0)
        pout = np.zeros(len(o) + 1, np.int64)
        npos.cumsum(out=pout[1:])
        pidx = _ranges(pstart, npos, int(pout[-1]))
        self._poss = values[pidx]
        row_at, pos_at = out.tolist(), pout.tolist()
        for idx, piece in enumerate(order):
            self._row_at[piece], self._end_row[piece] = row_at[idx], row_at[idx + 1]
            self._pos_at[piece], self._end_pos[piece] = pos_at[idx], pos_at[idx + 1]

    def copy_into(self, piece: int, into: _Filled, at: int, pos_at: int) -> None:
        """List ``piece`` (decoded) written into ``into``'s arrays from ``at`` / ``pos_at``."""
        a, z = self._row_at[piece], self._end_row[piece]
        into.rows[at : at + z - a] = self._rows[a:z]
        into.tf[at : at + z - a] = self._tfs[a:z]
        if into.pos is not None:
            pa, pz = self._pos_at[piece], self._end_pos[piece]
            into.pos[pos_at : pos_at + pz - pa] = self._poss[pa:pz]

    def get(self, parts: list[int]) -> TermPostings:
        """The lists ``parts`` (consecutive in the layout: one token's lists over the segments)
        as one; positions only when every one of them has them (as concatenating would)."""
        a, z = self._row_at[parts[0]], self._end_row[parts[-1]]
        pos = None
        if all(self._pos[p] for p in parts):
            pos = self._poss[self._pos_at[parts[0]] : self._end_pos[parts[-1]]]
        return TermPostings(self._rows[a:z], self._tfs[a:z], pos)
