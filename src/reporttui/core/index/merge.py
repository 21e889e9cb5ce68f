"""Merging segments: Whoosh copies the rows, this module the project's postings.

Every ``reporttui add`` adds at least one segment, and a search opens every segment, so small
segments are merged when enough of them pile up (:func:`plan`, a policy like Whoosh's
``MERGE_SMALL``). A merge writes one new segment: Whoosh's ``add_reader`` copies the stored rows,
columns and the small filter fields of the live (not deleted) rows, in order; the postings files
of the old segments are decoded in bulk with numpy (:func:`decode_field`) and inverted again
into the new segment's postings file, rows renumbered the way Whoosh renumbers them. The result
is the same postings file a fresh build of those rows would write.

Atomic: the merged segment is only referenced by the TOC the caller then commits; a merge
killed before that leaves the previous TOC (and index) as it was, plus unreferenced files that
the next commit removes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from reporttui.core.index.postings import (
    EXT,
    KEY_ENCODING,
    FieldReader,
    Inverted,
    KeyColumn,
    SegmentPostings,
    _invert,
    leb128_decode,
    length_to_byte,
    write_file,
)

if TYPE_CHECKING:  # process (issue 11): numpy.typing imports numpy._typing (~10 ms)
    from numpy.typing import NDArray

MERGE_FACTOR = 6
"""Merge when at least this many small segments exist."""
SMALL_ROWS = 4_000
"""A segment with fewer live rows is small (a worker's full segment has ~30,000 rows)."""
MAX_MERGED_ROWS = 12_000
"""A merge stops adding segments at about this many rows: its memory stays that of one
worker's segment, however big the library."""

_CODE_WIDTH = np.array([0, 1, 2, 4], dtype=np.int64)


def plan(segments: Sequence[Any]) -> list[Any]:
    """The segments to merge into one (in index order), or [] when none should be.

    Small segments (fewer than :data:`SMALL_ROWS` live rows) are merged once there are
    :data:`MERGE_FACTOR` of them, smallest first up to :data:`MAX_MERGED_ROWS` rows; fully
    deleted segments are always dropped by the caller's commit (Whoosh does that).
    """
    small = [s for s in segments if 0 < s.doc_count() < SMALL_ROWS]
    if len(small) < MERGE_FACTOR:
        return []
    pick: list[Any] = []
    rows = 0
    for s in sorted(small, key=lambda s: s.doc_count()):
        if pick and rows + s.doc_count() > MAX_MERGED_ROWS:
            break
        pick.append(s)
        rows += s.doc_count()
    if len(pick) < 2:
        return []
    chosen = {id(s) for s in pick}
    return [s for s in segments if id(s) in chosen]


@dataclass
class Decoded:
    """One field of one segment, every posting spelled out: ``term[i]`` (an index into
    ``strings``) occurs in ``row[i]`` at ``pos[i]`` (0 for terms without positions), in (term,
    row, position) order; ``with_pos``: the terms whose positions are stored."""

    strings: list[str]
    term: NDArray[Any]
    row: NDArray[Any]
    pos: NDArray[Any]
    with_pos: NDArray[Any]


def decode_field(fr: FieldReader) -> Decoded:
    """All postings of one field of a segment, decoded in bulk (both layouts of postings.py)."""
    keys = fr._keys
    strings = [keys[i].decode(KEY_ENCODING) for i in range(len(keys))]
    n = len(strings)
    df = fr.df.astype(np.int64)
    npos = fr.npos.astype(np.int64)
    w = fr.width.astype(np.int64)
    off = fr.data_off.astype(np.int64)
    data = fr.data
    fixed = (w & 1).astype(bool)
    rw = np.where(fixed, _CODE_WIDTH[(w >> 1) & 3], 0)
    tw = np.where(fixed, _CODE_WIDTH[(w >> 3) & 3], 0)
    pw = np.where(fixed, _CODE_WIDTH[(w >> 5) & 3], 0)
    has_tf = np.where(fixed, tw > 0, (w & 2) > 0)
    has_pos = np.where(fixed, pw > 0, (w & 4) > 0)

    pair_term = np.repeat(np.arange(n), df)
    pair_start = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(df, out=pair_start[1:])
    pair_local = np.arange(len(pair_term), dtype=np.int64) - pair_start[:-1][pair_term]
    gaps = np.zeros(len(pair_term), dtype=np.int64)
    tf = np.ones(len(pair_term), dtype=np.int64)
    pos_count = np.where(has_pos, npos, 0)
    pos_term = np.repeat(np.arange(n), pos_count)
    pos_start = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(pos_count, out=pos_start[1:])
    pos_local = np.arange(len(pos_term), dtype=np.int64) - pos_start[:-1][pos_term]
    pos_vals = np.zeros(len(pos_term), dtype=np.int64)

    # LEB128 terms: their bytes are one stream of whole values, decoded at once.
    leb_terms = np.flatnonzero(~fixed)
    if len(leb_terms):
        sizes = np.where(fixed, 0, off[1:] - off[:-1])
        ends = np.cumsum(sizes)
        idx = np.arange(int(ends[-1]), dtype=np.int64) + np.repeat(off[:-1] - (ends - sizes), sizes)
        values = leb128_decode(data[idx])
        del idx
        n_tf = np.where(has_tf & ~fixed, df, 0)
        n_pos = np.where(has_pos & ~fixed, npos, 0)
        vcount = np.where(fixed, 0, df + n_tf + n_pos)
        vstart = np.zeros(n + 1, dtype=np.int64)
        np.cumsum(vcount, out=vstart[1:])
        m = ~fixed[pair_term]
        gaps[m] = values[vstart[:-1][pair_term[m]] + pair_local[m]]
        m &= has_tf[pair_term]
        tf[m] = values[(vstart[:-1] + df)[pair_term[m]] + pair_local[m]]
        mp = ~fixed[pos_term]
        t = pos_term[mp]
        pos_vals[mp] = values[(vstart[:-1] + df + n_tf)[t] + pos_local[mp]]

    # Fixed-width terms: gather each value's bytes.
    def gather(m: NDArray[Any], at: NDArray[Any], width: NDArray[Any]) -> NDArray[Any]:
        out = np.zeros(int(m.sum()), dtype=np.int64)
        a, wd = at[m], width[m]
        for b in range(4):
            k = wd > b
            if not k.any():
                break
            out[k] |= data[a[k] + b].astype(np.int64) << (8 * b)
        return out

    m = fixed[pair_term]
    pt = pair_term
    gaps[m] = gather(m, off[:-1][pt] + pair_local * rw[pt], rw[pt])
    mt = m & (tw[pt] > 0)
    tf[mt] = gather(mt, off[:-1][pt] + df[pt] * rw[pt] + pair_local * tw[pt], tw[pt])
    qt = pos_term
    mp = fixed[qt]
    base = off[:-1] + df * rw + df * tw
    pos_vals[mp] = gather(mp, base[qt] + pos_local * pw[qt], pw[qt])

    # Row numbers from gaps (each term's first row is absolute).
    rows = np.cumsum(gaps)
    firsts = pair_start[:-1][df > 0]
    before = rows[firsts] - gaps[firsts]
    rows -= np.repeat(before, df[df > 0])
    # One entry per occurrence: tf entries per (term, row), positions where stored.
    entry_pair = np.repeat(np.arange(len(pair_term)), tf)
    entry_term = pair_term[entry_pair]
    entry_pos = np.zeros(len(entry_pair), dtype=np.int64)
    entry_pos[has_pos[entry_term]] = pos_vals
    return Decoded(strings, entry_term, rows[entry_pair], entry_pos, np.flatnonzero(has_pos))


def merge_postings(
    sources: Sequence[tuple[SegmentPostings, NDArray[Any]]],
) -> tuple[int, dict[str, Inverted], list[tuple[str, NDArray[Any] | bytes]]]:
    """The inverted fields and row key columns of the live rows of ``sources``.

    ``sources``: each segment's postings with its ``alive`` mask (rows not deleted), in the
    order Whoosh copies them; live rows are numbered on from 0 in that order.
    Returns ``(rows, fields, extra)`` for :func:`reporttui.core.index.postings.write_file`.
    """
    new_rows = []
    base = 0
    for _, alive in sources:
        renum = np.full(len(alive), -1, dtype=np.int64)
        renum[alive] = base + np.arange(int(alive.sum()), dtype=np.int64)
        new_rows.append(renum)
        base += int(alive.sum())
    n_rows = base
    names = list(sources[0][0].fields) if sources else []
    fields: dict[str, Inverted] = {}
    for name in names:
        strings: list[str] = []
        terms, rows, poss, with_pos = [], [], [], []
        for (seg, _), renum in zip(sources, new_rows, strict=True):
            d = decode_field(seg.field(name))
            r = renum[d.row]
            keep = r >= 0
            terms.append(d.term[keep] + len(strings))
            rows.append(r[keep])
            poss.append(d.pos[keep])
            with_pos.append(d.with_pos + len(strings))
            strings += d.strings
        term = np.concatenate(terms) if terms else np.zeros(0, np.int64)
        row = np.concatenate(rows) if rows else np.zeros(0, np.int64)
        pos = np.concatenate(poss) if poss else np.zeros(0, np.int64)
        # _invert wants (row, pos) order within each term: each source lists a term's postings
        # in (row, pos) order and the sources come in row order, so its stable sort by term
        # (after merging the sources' ids of one string) gives exactly that.
        field_len = np.bincount(row, minlength=n_rows)
        lengths = length_to_byte(field_len) if n_rows else np.zeros(0, np.uint8)
        lengths[field_len == 0] = 0
        keep_pos = np.concatenate(with_pos) if with_pos else np.zeros(0, np.int64)
        # Terms left only in deleted rows are gone (as in a fresh build of the live rows).
        used = np.zeros(len(strings), dtype=bool)
        used[term] = True
        if not used.all():
            new_id = np.cumsum(used) - 1
            term = new_id[term]
            keep_pos = new_id[keep_pos[used[keep_pos]]]
            strings = [t for t, u in zip(strings, used.tolist(), strict=True) if u]
        fields[name] = _invert(term, row, pos, strings, lengths, int(field_len.sum()), keep_pos)
    extra: list[tuple[str, NDArray[Any] | bytes]] = []
    key_names = sources[0][0].key_names if sources else []
    for key in key_names:
        col = KeyColumn()
        for (seg, alive), _ in zip(sources, new_rows, strict=True):
            codes, table = seg.key_column(key)
            for c in codes[alive].tolist():
                col.add(table[c])
        extra += col.arrays(f"rowkey.{key}")
    return n_rows, fields, extra


def merge_segments(storage: Any, schema: Any, indexname: str, segments: Sequence[Any]) -> Any:
    """Write one new (uncommitted) segment holding the live rows of ``segments``; the segment.

    The caller holds the index's write lock, and commits a TOC listing the new segment in place
    of ``segments``. The merge's Whoosh writer shares the caller's temp folder (its files have
    their own names) and leaves removing it to the caller's writer.
    """
    from whoosh import index as whoosh_index
    from whoosh.reading import SegmentReader  # type: ignore[import-untyped]

    from reporttui.core.index.indexer import open_writer

    file_index: Any = whoosh_index.FileIndex  # (the stubs know only its one-argument form)
    ix = file_index(storage, schema, indexname)
    w = open_writer(ix, _lk=False).writer
    sources = []
    try:
        for seg in segments:
            reader = SegmentReader(storage, schema, seg)
            try:
                alive = np.ones(seg.doc_count_all(), dtype=bool)
                for d in seg.deleted_docs() if seg.has_deletions() else ():
                    alive[d] = False
                sources.append((SegmentPostings(storage, seg), alive))
                w.add_reader(reader)
            finally:
                reader.close()
        segment = w._finalize_segment()
        rows, fields, extra = merge_postings(sources)
        if rows != segment.doc_count_all():
            raise ValueError(f"merged {rows} rows of postings but {segment.doc_count_all()} rows")
        f = segment.create_file(storage, EXT)
        try:
            write_file(f, rows, fields, extra)
        finally:
            f.close()
    finally:
        w.is_closed = True
    return segment
