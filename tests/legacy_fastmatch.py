"""Test-only: the previous format's matcher (Whoosh-inverted bg/jb fields, read block by block).

Kept as the reference the new postings and matcher are compared with (test_index_equivalence.py);
it is no part of the application any more. It reads private attributes of Whoosh's W3 codec.
"""

from __future__ import annotations

import heapq
import io
import pickle
import struct
import zlib
from array import array
from collections.abc import Sequence
from itertools import accumulate
from typing import Any

from whoosh.codec.whoosh3 import WHOOSH3_HEADER_MAGIC, W3LeafMatcher
from whoosh.matching import ListMatcher
from whoosh.matching.wrappers import FilterMatcher
from whoosh.util.numeric import byte_to_length

from legacy_scoring import length_bytes


class Unsupported(Exception):
    """The index or query is outside what this module handles: use Whoosh's matching."""


Scores = dict[int, float]
"""Local row number -> score contribution."""


class _Leaf:
    """One segment: its reader, postings cache and BM25F tables."""

    def __init__(self, top: Any, leaf: Any, B: float, K1: float) -> None:
        self.top, self.leaf, self.B, self.K1 = top, leaf, B, K1
        self._postings: dict[
            tuple[str, bytes], tuple[list[int], list[float], list[bytes] | None]
        ] = {}
        self._norms: dict[str, tuple[bytes, list[float]]] = {}

    def postings(
        self,
        field: str,
        token: str,
        values: bool,
        within: Sequence[int] | None = None,
    ) -> tuple[list[int], list[float], list[bytes] | None]:
        """ids, weights (and position values) of ``token``, deleted rows left out.

        ``within`` (sorted row numbers): only blocks that may hold one of them are read (the
        others are skipped by their header), so a common bigram costs little next to a rare one.
        """
        key = (field, token.encode("utf-8"))
        got = self._postings.get(key)
        if got is not None and (not values or got[2] is not None):
            return got
        if key not in self.leaf:
            got = ([], [], [] if values else None)
            self._postings[key] = got
            return got
        m = self.leaf.postings(field, key[1])
        deleted: frozenset[int] | set[int] = frozenset()
        if isinstance(m, FilterMatcher):
            if not m._exclude:
                raise Unsupported("inclusive filter matcher")
            deleted, m = m._ids, m.child
        ids: list[int] = []
        weights: list[float] = []
        vals: list[bytes] | None = [] if values else None
        if isinstance(m, ListMatcher):  # a term with a single posting, inlined in the term info
            ids.extend(m._ids)
            weights.extend(m._weights if m._weights is not None else [1.0] * len(m._ids))
            if vals is not None:
                vals.extend(m._values)
        elif isinstance(m, W3LeafMatcher):
            _read_blocks(m, ids, weights, vals, within)
        else:
            raise Unsupported(type(m).__name__)
        if deleted:
            keep = [i for i, d in enumerate(ids) if d not in deleted]
            ids = [ids[i] for i in keep]
            weights = [weights[i] for i in keep]
            if vals is not None:
                vals = [vals[i] for i in keep]
        got = (ids, weights, vals)
        if within is None:
            self._postings[key] = got
        return got

    def doc_frequency(self, field: str, token: str) -> int:
        """Rows of this segment holding ``token`` (0 when absent)."""
        return self.leaf.doc_frequency(field, token.encode("utf-8"))

    def bm25(
        self,
        field: str,
        token: str,
        ids: Sequence[int],
        weights: Sequence[float],
        boost: float = 1.0,
    ) -> Scores:
        """BM25F of ``token`` for each row, as Whoosh's scorer computes it (times ``boost``)."""
        table = self._norms.get(field)
        if table is None:
            lengths = length_bytes(self.leaf, field)
            if lengths is None:
                raise Unsupported("no length column")
            avgfl = self.top.avg_field_length(field) or 1
            B, K1 = self.B, self.K1
            norm = [
                K1 * ((1 - B) + B * (byte_to_length(b) if b else 1) / avgfl) for b in range(256)
            ]
            table = self._norms[field] = (lengths, norm)
        lengths, norm = table
        num = self.top.idf(field, token.encode("utf-8")) * (self.K1 + 1)
        if boost == 1.0:
            return {d: num * w / (w + norm[lengths[d]]) for d, w in zip(ids, weights, strict=False)}
        return {
            d: (num * w / (w + norm[lengths[d]])) * boost
            for d, w in zip(ids, weights, strict=False)
        }


_INT = struct.Struct("!i")


def _read_blocks(
    m: W3LeafMatcher,
    ids: list[int],
    weights: list[float],
    vals: list[bytes] | None,
    within: Sequence[int] | None,
) -> None:
    """Append a posting list's ids/weights/values, reading its bytes with one file read.

    Same layout Whoosh's W3LeafMatcher reads block by block (a 4-byte magic, then per block:
    a signed length, negative for the last; a pickled info tuple; the zlib'd pickled data),
    without its per-block seeks and small reads. Blocks without any row of ``within`` are
    skipped by their info (max id) without being decompressed.
    """
    total = m._length
    if isinstance(total, tuple):  # whoosh3 decodes some term infos' length as a 1-tuple
        total = total[0]
    buf = m._postfile.get(m._startoffset, total)
    if buf[:4] != WHOOSH3_HEADER_MAGIC:
        raise Unsupported("posting header")
    stream = io.BytesIO(buf)
    pos, end = 4, len(buf)
    j, n_within, prev_max = 0, len(within) if within is not None else 0, -1
    byteids, fixedsize = m._byteids, m._fixedsize
    while pos < end:
        (length,) = _INT.unpack_from(buf, pos)
        last = length < 0
        nextpos = pos + 4 + abs(length)
        stream.seek(pos + 4)
        blocklength, maxid, _maxweight, compression, _mn, _mx = pickle.load(stream)
        datapos = stream.tell()
        skip = False
        if within is not None:
            while j < n_within and within[j] <= prev_max:
                j += 1
            if j == n_within:
                return
            prev_max = maxid
            skip = within[j] > maxid
        if not skip:
            raw = buf[datapos:nextpos]
            if compression:
                raw = zlib.decompress(raw)
            data = pickle.loads(raw)
            block_ids = data[0]
            ids.extend(block_ids if byteids else accumulate(block_ids))
            w = data[1]
            if w is None or isinstance(w, float):
                weights.extend([1.0 if w is None else w] * blocklength)
            else:
                weights.extend(w)
            if vals is not None:
                vs = data[2]
                if fixedsize is None or fixedsize < 0:
                    vals.extend(vs)
                elif fixedsize == 0:
                    vals.extend([None] * blocklength)  # type: ignore[list-item]
                else:
                    vals.extend(vs[i : i + fixedsize] for i in range(0, len(vs), fixedsize))
        if last:
            return
        pos = nextpos


def _decode(value: bytes) -> array:
    return array(chr(value[0]), value[1:])


def term_scores(
    lf: _Leaf,
    field: str,
    tokens: Sequence[str],
    restrict: set[int] | None = None,
) -> Scores:
    """Rows whose field contains the tokens at consecutive positions, with their score.

    ``restrict``: only these rows can match (the filters), so fewer candidates are checked.
    """
    if not tokens:
        return {}
    within = sorted(restrict) if restrict is not None else None
    if len(tokens) == 1:
        ids, weights, _ = lf.postings(field, tokens[0], False, within)
        if restrict is not None:
            sel = [(d, w) for d, w in zip(ids, weights, strict=False) if d in restrict]
            ids, weights = [d for d, _ in sel], [w for _, w in sel]
        return lf.bm25(field, tokens[0], ids, weights)
    freq = [lf.doc_frequency(field, t) for t in tokens]
    order = sorted(range(len(tokens)), key=freq.__getitem__)
    lists: list[Any] = [None] * len(tokens)
    lists[order[0]] = lf.postings(field, tokens[order[0]], True, within)
    cand = set(lists[order[0]][0])
    if restrict is not None:
        cand &= restrict
    for i in order[1:]:
        if not cand:
            return {}
        lists[i] = lf.postings(field, tokens[i], True, sorted(cand))
        cand.intersection_update(lists[i][0])
    if not cand:
        return {}
    # Per token: row -> position value, for the candidates only.
    maps = []
    for i in order:
        ids, _, vals = lists[i]
        assert vals is not None
        maps.append((i, {d: v for d, v in zip(ids, vals, strict=False) if d in cand}))
    matched = []
    for d in cand:
        starts: set[int] | None = None
        for i, mp in maps:
            shifted = {p - i for p in _decode(mp[d])}
            starts = shifted if starts is None else starts & shifted
            if not starts:
                break
        if starts:
            matched.append(d)
    if not matched:
        return {}
    keep = set(matched)
    total: Scores = dict.fromkeys(sorted(keep), 0.0)
    for t, (ids, weights, _) in zip(tokens, lists, strict=False):
        sel = [(d, w) for d, w in zip(ids, weights, strict=False) if d in keep]
        part = lf.bm25(field, t, [d for d, _ in sel], [w for _, w in sel])
        for d, s in part.items():
            total[d] += s
    return total


def _add_into(acc: Scores, part: Scores) -> None:
    for d, s in part.items():
        acc[d] = acc.get(d, 0.0) + s


def run(
    searcher: Any,
    clauses: Sequence[Sequence[Sequence[Sequence[str]]]],
    excluded: Sequence[Sequence[str]],
    boosts: Sequence[tuple[str, float]],
    allowed: set[int] | frozenset[int] | None,
    limit: int,
    *,
    field: str,
    boost_field: str,
    B: float = 0.75,
    K1: float = 1.2,
) -> tuple[list[tuple[int, float]], list[int]] | None:
    """Top ``limit`` (global row, score) pairs and every matching global row, or None.

    ``clauses``: AND of clauses; a clause is an OR of alternatives; an alternative an AND of
    terms; a term is its list of bigram-field tokens. ``excluded``: token lists whose rows are
    left out. ``boosts``: (jieba word, boost) pairs adding to the score. ``allowed``: global
    rows the filters let through (None: all).
    """
    if not clauses:
        return None
    try:
        heap: list[tuple[float, int]] = []
        matched_all: list[int] = []
        for leaf, offset in _leaves(searcher):
            lf = _Leaf(searcher, leaf, B, K1)
            cache: dict[tuple[str, ...], Scores] = {}
            restrict: set[int] | None = None
            if allowed is not None:
                end = offset + leaf.doc_count_all()
                restrict = {g - offset for g in allowed if offset <= g < end}
                if not restrict:
                    continue

            def scores_of(
                tokens: Sequence[str], cache: Any = cache, lf: Any = lf, restrict: Any = restrict
            ) -> Scores:
                key = tuple(tokens)
                if key not in cache:
                    cache[key] = term_scores(lf, field, tokens, restrict)
                return cache[key]

            main: Scores | None = None
            for clause in clauses:
                clause_scores: Scores = {}
                single = len(clause) == 1
                for alt in clause:
                    alt_scores: Scores | None = None
                    for tokens in alt:
                        ts = scores_of(tokens)
                        if alt_scores is None:
                            alt_scores = dict(ts)
                        else:
                            alt_scores = {d: s + ts[d] for d, s in alt_scores.items() if d in ts}
                        if not alt_scores:
                            break
                    if alt_scores and single:
                        clause_scores = alt_scores  # a copy already (dict(ts) above)
                    elif alt_scores:
                        _add_into(clause_scores, alt_scores)
                if main is None:
                    main = clause_scores
                else:
                    main = {d: s + clause_scores[d] for d, s in main.items() if d in clause_scores}
                if not main:
                    break
            if not main:
                continue
            for tokens in excluded:
                if not main:
                    break
                for d in scores_of(tokens):
                    main.pop(d, None)
            if not main:
                continue
            rows = sorted(main)
            for word, boost in boosts:
                ids, weights, _ = lf.postings(boost_field, word, False, rows)
                sel = [(d, w) for d, w in zip(ids, weights, strict=False) if d in main]
                if sel:
                    part = lf.bm25(
                        boost_field, word, [d for d, _ in sel], [w for _, w in sel], boost
                    )
                    for d, s in part.items():
                        main[d] += s
            matched_all.extend(sorted(d + offset for d in main))
            top = heapq.nlargest(limit, ((s, -(d + offset)) for d, s in main.items()))
            heap = heapq.nlargest(limit, heap + top)
        return [(-nd, s) for s, nd in heap], matched_all
    except Unsupported:
        return None


def _leaves(searcher: Any) -> list[tuple[Any, int]]:
    reader = searcher.reader()
    if reader.is_atomic():
        return [(reader, 0)]
    return list(reader.leaf_readers())
