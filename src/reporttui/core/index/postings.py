"""The project's own posting lists: numpy arrays per segment, inverted in bulk, read with numpy.

Whoosh keeps the index (storage, TOC and generations, segments, stored fields, deletions,
locking). The two text fields it used to invert in pure Python (about two positional postings
per character, one Python tuple each, sorted runs spilled to disk) are written here instead, as
one file per segment, ``<segment id>.rtp``, next to Whoosh's own files of that segment (Whoosh
lists and removes a segment's files by that prefix, so a dropped segment takes its file along).

Writing (:class:`FieldCollector`): each row's terms become small integer ids as the row is
added (one ``array`` append per row, no per-token objects kept); when the segment is finished the
whole batch is inverted at once with numpy (one stable argsort) and packed.

File layout (little-endian): ``MAGIC``, a 4-byte header length, a JSON header naming each array
(offset, dtype, count), then the arrays, each 8-byte aligned. Per field ``F``:

* ``F.keys`` / ``F.key_off``: the term strings (UTF-8), sorted by their bytes, concatenated;
* ``F.df``, ``F.npos``, ``F.width``, ``F.data_off``: per term the number of rows holding it, its
  number of positions (its total frequency), its layout byte and where its data starts
  (``n + 1`` offsets: a term's data ends where the next one's starts);
* ``F.data``: per term, up to three parts one after the other: row numbers (first absolute,
  then gaps), frequencies per row (absent when all are 1), positions within each row
  (ascending per row; absent for unigrams, which phrases never need). Two layouts, by the
  layout byte:

  - bit 0 clear: every value LEB128-encoded (7 bits a byte, the high bit on all bytes but a
    value's last), bit 1: frequencies present, bit 2: positions present. Decoded together by
    :func:`leb128_decode`; used for lists shorter than :data:`FIXED_MIN_ROWS` rows, where it
    saves most (row gaps and positions over 255 are common, and cheap to decode there);
  - bit 0 set: each part at a fixed width of 1, 2 or 4 bytes (the smallest its largest value
    fits; codes 0-3 = absent/1/2/4 in bits 1-2 rows, 3-4 frequencies, 5-6 positions), one
    ``numpy.frombuffer`` away: long lists, read by many queries, and any list LEB128 would
    not make smaller.

Format 4 (``RTPOST4``): as format 3, with term strings in GB18030 (2 bytes a CJK character
instead of UTF-8's 3: a bigram key is 4 bytes, not 6; 9 MB of the corpus's index), sorted by
those bytes. Format 3 had UTF-8 keys; format 1 only fixed widths (about 15 % larger), format
2 (never released) only LEB128.
* ``F.lengths``: Whoosh's length byte of every row (``length_to_byte`` of its token count), and
  ``F.total`` in the header: the sum of the unquantised lengths (BM25F's average length).

Positions are only stored for the terms that need them (bigrams of the unit fields: the exact
field ``bg`` and the section path ``sp``); the jieba field keeps frequencies only.
"""

from __future__ import annotations

import bisect
import contextlib
import itertools
import json
import mmap
import os
import struct
import weakref
from array import array
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from reporttui.core.index.tokenize import UNIT_RE, fold

if TYPE_CHECKING:  # process (issue 11): numpy.typing imports numpy._typing (~10 ms)
    from numpy.typing import NDArray

MAGIC = b"RTPOST4\n"
KEY_ENCODING = "gb18030"
"""Encoding of term strings (lossless for all of Unicode, 2 bytes a CJK character)."""
_WIDTH_DTYPE = {1: "<u1", 2: "<u2", 4: "<u4"}
_CODE_WIDTH = (0, 1, 2, 4)
EXT = ".rtp"
"""File extension of a segment's postings file (Whoosh's naming: ``<segment id><ext>``)."""


def _length_byte_table() -> NDArray[Any]:
    from whoosh.util.numeric import byte_to_length

    return np.array([byte_to_length(b) for b in range(256)], dtype=np.int64)


_LENGTH_CACHE: NDArray[Any] | None = None


def length_to_byte(lengths: NDArray[Any]) -> NDArray[Any]:
    """Whoosh's ``length_to_byte`` for a whole array (same quantisation, same bytes)."""
    global _LENGTH_CACHE
    if _LENGTH_CACHE is None:
        _LENGTH_CACHE = _length_byte_table()
    out = np.searchsorted(_LENGTH_CACHE, lengths, side="left")
    out[lengths >= 106374] = 255
    return out.astype(np.uint8)


# --- writing --------------------------------------------------------------------------------


class _Vocab(dict[str, int]):
    """Term -> id, a new term getting the next id on first lookup (``map(vocab.__getitem__,
    terms)`` numbers a row's terms in one C loop)."""

    def __missing__(self, key: str) -> int:
        n = self[key] = len(self)
        return n


class FieldCollector:
    """Collects one field's terms row by row, then inverts them in bulk.

    ``positions``: keep term positions (exact phrase matching); without, only frequencies.
    Rows are numbered in the order they are added, which must be Whoosh's document numbers.
    """

    def __init__(self, positions: bool) -> None:
        self.positions = positions
        self.vocab: dict[str, int] = _Vocab()
        self.ids = array("i")  # term ids of every row, concatenated
        self.row_len = array("q")  # ids per row (a row's slice of ``ids``)
        self.field_len = array("q")  # Whoosh's field length of each row (token count)

    @property
    def rows(self) -> int:
        return len(self.row_len)

    def add_ids(self, ids: Sequence[int], field_length: int) -> None:
        self.ids.extend(ids)
        self.row_len.append(len(ids))
        self.field_len.append(field_length)

    def add_words(self, words: Iterable[str]) -> None:
        """A row of a frequency field: its words (repeats count)."""
        ids = list(map(self.vocab.__getitem__, words))
        self.add_ids(ids, len(ids))

    def add_empty(self) -> None:
        self.add_ids((), 0)


class UnitCollector(FieldCollector):
    """The exact bigram field: rows are unit sequences; terms are word units and unit pairs.

    Same tokens as :class:`~reporttui.core.index.tokenize.BigramField` (see tokenize.py): every
    word unit (CJK character, number, Latin word) at its ordinal position, every pair of adjacent
    units at the position of the first. Here only the unit ids are kept per row; the unigram and
    bigram terms are derived in bulk when the segment is finished.
    """

    def __init__(self) -> None:
        super().__init__(positions=True)
        self._last_text: str | None = None
        self._last_ids = array("i")

    def add_text(self, text: str) -> None:
        if text == self._last_text:  # the section path of consecutive rows
            ids = self._last_ids
        else:
            # Whitespace units keep their own text here; invert_units reads them as " ".
            ids = array("i", map(self.vocab.__getitem__, UNIT_RE.findall(fold(text))))
            self._last_text, self._last_ids = text, ids
        self.ids.extend(ids)
        self.row_len.append(len(ids))
        self.field_len.append(-1)  # computed in bulk (word units + pairs)


@dataclass
class Inverted:
    """One field of one segment, inverted: sorted terms and their packed postings."""

    keys: bytes
    key_off: NDArray[Any]
    df: NDArray[Any]
    npos: NDArray[Any]
    width: NDArray[Any]
    data_off: NDArray[Any]
    data: NDArray[Any]
    lengths: NDArray[Any]
    total: int


def _invert(
    term_of: NDArray[Any],
    row_of: NDArray[Any],
    pos_of: NDArray[Any] | None,
    term_strings: list[str],
    lengths: NDArray[Any],
    total: int,
    with_pos: NDArray[Any] | None = None,
) -> Inverted:
    """Postings ``(term, row, pos)`` given in (row, pos) order -> an :class:`Inverted` field.

    ``term_strings[i]`` is the string of term id ``i`` (several ids may share one string: they
    are merged, as Whoosh would see one term). ``with_pos[i]``: store term id ``i``'s positions
    (None: all); a term keeps them when any of its ids does.
    """
    # Merge ids with the same string, then number terms in sorted byte order.
    encoded = [s.encode(KEY_ENCODING) for s in term_strings]
    distinct = sorted(set(encoded))
    rank = {k: i for i, k in enumerate(distinct)}
    # int32 ids, rows and positions (a segment holds far fewer than 2**31 of each): the arrays
    # of every posting are most of a worker's memory while it inverts.
    remap = np.fromiter((rank[k] for k in encoded), dtype=np.int32, count=len(encoded))
    n_terms = len(distinct)
    keep_pos = np.ones(n_terms, dtype=bool)
    if with_pos is not None:
        keep_pos[:] = False
        keep_pos[remap[with_pos]] = True
    key_off = np.zeros(n_terms + 1, dtype=np.int64)
    if n_terms:
        key_off[1:] = np.cumsum([len(k) for k in distinct])
    keys = b"".join(distinct)

    tid = remap[term_of] if len(term_of) else np.zeros(0, dtype=np.int32)
    order = np.argsort(tid, kind="stable")  # (term, row, pos): input is in (row, pos) order
    tid = tid[order]
    rows = row_of[order].astype(np.int32, copy=False)
    pos = pos_of[order].astype(np.int32, copy=False) if pos_of is not None else None
    del order
    n = len(tid)
    # (term, row) pairs: one per run of equal (tid, row).
    if n:
        new_pair = np.empty(n, dtype=bool)
        new_pair[0] = True
        np.not_equal(tid[1:], tid[:-1], out=new_pair[1:])
        new_pair[1:] |= rows[1:] != rows[:-1]
        pair_start = np.flatnonzero(new_pair)
        del new_pair
    else:
        pair_start = np.zeros(0, dtype=np.int64)
    pair_tid = tid[pair_start]
    pair_row = rows[pair_start]
    tf = np.diff(np.append(pair_start, n))
    df = np.bincount(pair_tid, minlength=n_terms).astype(np.int64)
    npos = np.bincount(tid, minlength=n_terms).astype(np.int64)
    term_pair_start = np.zeros(n_terms + 1, dtype=np.int64)
    np.cumsum(df, out=term_pair_start[1:])
    term_pos_start = np.zeros(n_terms + 1, dtype=np.int64)
    np.cumsum(npos, out=term_pos_start[1:])

    # Row gaps within each term (the first row of a term absolute).
    gaps = pair_row.astype(np.int64).copy()
    if len(gaps) > 1:
        gaps[1:] -= pair_row[:-1]
        firsts = term_pair_start[:-1][df > 0]
        gaps[firsts] = pair_row[firsts]

    # Which parts each term stores: frequencies unless all are 1; positions when asked for.
    has_tf = np.zeros(n_terms, dtype=bool)
    if len(tf):
        has_tf[pair_tid[tf > 1]] = True
    has_pos = keep_pos & (npos > 0) if pos is not None else np.zeros(n_terms, dtype=bool)
    n_tf = np.where(has_tf, df, 0)
    n_pos = np.where(has_pos, npos, 0)
    # LEB128 candidates (short lists, see below): their values in file order, per term its row
    # gaps, frequencies, positions (long lists are not encoded at all).
    cand = df < FIXED_MIN_ROWS
    vcount = np.where(cand, df + n_tf + n_pos, 0)
    vstart = np.zeros(n_terms + 1, dtype=np.int64)
    np.cumsum(vcount, out=vstart[1:])
    values = np.empty(int(vstart[-1]), dtype=np.int64)
    pair_local = np.arange(len(pair_tid), dtype=np.int64) - term_pair_start[:-1][pair_tid]
    c_pairs = cand[pair_tid]
    values[vstart[:-1][pair_tid[c_pairs]] + pair_local[c_pairs]] = gaps[c_pairs]
    tf_pairs = has_tf[pair_tid] & c_pairs
    values[(vstart[:-1] + df)[pair_tid[tf_pairs]] + pair_local[tf_pairs]] = tf[tf_pairs]
    del c_pairs, tf_pairs
    if pos is not None and (has_pos & cand).any():
        keep = (has_pos & cand)[tid]
        t = tid[keep]
        local = np.flatnonzero(keep) - term_pos_start[:-1][t]
        values[(vstart[:-1] + df + n_tf)[t] + local] = pos[keep]
    lens = _leb_lengths(values)
    val_term = np.repeat(np.arange(n_terms, dtype=np.int32), vcount)
    leb_size = np.bincount(val_term, weights=lens, minlength=n_terms).astype(np.int64)

    # Long lists keep fixed widths (one numpy view to read, as format 1): a term whose list is
    # long is read by many queries, and decoding LEB128 costs ~100x an astype. Fixed width per
    # part = the smallest of 1, 2, 4 bytes its largest value fits.
    def width_of(
        part: NDArray[Any], starts: NDArray[Any], counts: NDArray[Any], present: NDArray[Any]
    ) -> NDArray[Any]:
        w = np.zeros(n_terms, dtype=np.int64)
        nz = np.flatnonzero(counts > 0)  # reduceat runs to the next start: give every one
        if len(nz) and len(part):
            mx = np.maximum.reduceat(part, starts[:-1][nz])
            w[nz] = np.where(mx < 256, 1, np.where(mx < 65536, 2, 4))
        return np.where(present, w, 0)

    rw = width_of(gaps, term_pair_start, df, df > 0)
    tw = width_of(tf, term_pair_start, df, has_tf)
    pw = (
        width_of(pos, term_pos_start, npos, has_pos)
        if pos is not None
        else np.zeros(n_terms, np.int64)
    )
    fixed_size = df * rw + df * tw + npos * pw
    fixed = ~cand | (fixed_size <= leb_size)
    size = np.where(fixed, fixed_size, leb_size)
    data_off = np.zeros(n_terms + 1, dtype=np.int64)
    np.cumsum(size, out=data_off[1:])
    data = np.zeros(int(data_off[-1]) + 4, dtype=np.uint8)  # +4: room for unaligned reads
    # LEB128 terms: each value written at its place (per-value arrays only, no per-byte ones).
    keepv = np.flatnonzero(~fixed[val_term])
    t = val_term[keepv]
    del val_term
    v, lv = values[keepv], lens[keepv]
    del values, lens, keepv
    start = np.zeros(len(v), dtype=np.int64)
    if len(v) > 1:
        np.cumsum(lv[:-1], out=start[1:])
    leb_before = np.zeros(n_terms, dtype=np.int64)  # LEB128 bytes of the terms before each
    if n_terms > 1:
        np.cumsum(np.where(fixed, 0, leb_size)[:-1], out=leb_before[1:])
    start += data_off[:-1][t] - leb_before[t]
    _leb_write(data, start, v, lv)
    del t, v, lv, start

    def scatter(
        part: NDArray[Any],
        starts: NDArray[Any],
        counts: NDArray[Any],
        base: NDArray[Any],
        w: NDArray[Any],
    ) -> None:
        if not len(part):
            return
        term = np.repeat(np.arange(n_terms), counts)
        ew = np.where(fixed, w, 0)[term]
        at = base[term] + (np.arange(len(part)) - starts[:-1][term]) * ew
        v = part.astype(np.uint32)
        for b in range(4):
            m = ew > b
            if not m.any():
                break
            data[at[m] + b] = (v[m] >> (8 * b)) & 0xFF

    scatter(gaps, term_pair_start, df, data_off[:-1], rw)
    scatter(tf, term_pair_start, df, data_off[:-1] + df * rw, tw)
    if pos is not None:
        scatter(pos, term_pos_start, npos, data_off[:-1] + df * rw + df * tw, pw)
    code = np.array([0, 1, 2, 0, 3], dtype=np.int64)  # width 0/1/2/4 -> 2-bit code
    width = np.where(
        fixed,
        1 | (code[rw] << 1) | (code[tw] << 3) | (code[pw] << 5),
        (has_tf.astype(np.int64) << 1) | (has_pos.astype(np.int64) << 2),
    ).astype(np.uint8)
    off_type = np.uint32 if data_off[-1] < 2**32 and key_off[-1] < 2**32 else np.uint64
    return Inverted(
        keys=keys,
        key_off=key_off.astype(off_type),
        df=df.astype(_count_dtype(df)),
        npos=npos.astype(_count_dtype(npos)),
        width=width,
        data_off=data_off.astype(off_type),
        data=data,
        lengths=lengths,
        total=total,
    )


FIXED_MIN_ROWS = 512
"""Terms in at least this many rows of a segment keep fixed-width parts (see :func:`_invert`)."""


def _count_dtype(a: NDArray[Any]) -> Any:
    """The smallest unsigned dtype of 2 or 4 bytes holding every value of ``a``."""
    return np.uint16 if not len(a) or int(a.max()) < 65536 else np.uint32


def _leb_lengths(v: NDArray[Any]) -> NDArray[Any]:
    """Bytes of each value's LEB128 encoding (1-5 for values below 2**35)."""
    lens = 1 + (v >= 1 << 7).astype(np.int8)
    for k in (14, 21, 28):
        lens += v >= 1 << k
    return lens


def _leb_write(out: NDArray[Any], start: NDArray[Any], v: NDArray[Any], lens: NDArray[Any]) -> None:
    """Write each value ``v[i]`` LEB128-encoded at ``out[start[i]:start[i] + lens[i]]``."""
    for k in range(5):
        m = lens > k
        if not m.any():
            break
        byte = (v[m] >> (7 * k)) & 0x7F
        byte |= np.where(lens[m] > k + 1, 0x80, 0)
        out[start[m] + k] = byte


def leb128_encode(values: NDArray[Any]) -> tuple[NDArray[Any], NDArray[Any]]:
    """``values`` (non-negative, < 2**35) as LEB128 bytes, and each value's byte offset.

    7 bits per byte, low bits first, the high bit set on every byte but a value's last: most
    row gaps, frequencies and positions take one byte, the rest two.
    """
    v = values.astype(np.int64, copy=False)
    lens = _leb_lengths(v)
    start = np.zeros(len(v), dtype=np.int64)
    if len(v) > 1:
        np.cumsum(lens[:-1], out=start[1:])
    total = int(start[-1] + lens[-1]) if len(v) else 0
    data = np.zeros(total, dtype=np.uint8)
    _leb_write(data, start, v, lens)
    return data, start


def leb128_decode(b: NDArray[Any]) -> NDArray[Any]:
    """The int64 values of LEB128 bytes ``b`` (a uint8 array of whole values).

    phrase (issue 11): each value starts as its last (highest) byte, then the values of two
    bytes or more take their lower bytes in, one byte a pass over those values only (most
    values are one byte): a few passes over the bytes instead of ten."""
    last = b < 0x80
    if last.all():
        return b.astype(np.int64)
    return leb128_values(b, np.flatnonzero(last))


def leb128_values(b: NDArray[Any], ends: NDArray[Any]) -> NDArray[Any]:
    """:func:`leb128_decode` given ``ends``, the indices of the bytes under 0x80 (each value's
    last byte: a caller that needs them too finds them once)."""
    if len(ends) == len(b):
        return b.astype(np.int64)
    v: NDArray[Any] = b[ends].astype(np.int64)
    # bytes of each value (``numpy.diff(ends, prepend=-1)``, without its Python wrapper)
    lens = np.empty(len(ends), dtype=ends.dtype)
    lens[:1] = ends[:1] + 1
    np.subtract(ends[1:], ends[:-1], out=lens[1:])
    idx = (lens > 1).nonzero()[0]
    k = 1
    while len(idx):
        v[idx] = (v[idx] << 7) | (b[ends[idx] - k] & 0x7F)
        k += 1
        idx = idx[lens[idx] > k]
    return v


def invert_units(c: UnitCollector) -> Inverted:
    """Invert the exact bigram field: unigrams of word units and bigrams of adjacent units."""
    ids = (
        np.frombuffer(c.ids, dtype=np.int32).astype(np.int64)
        if len(c.ids)
        else np.zeros(0, np.int64)
    )
    row_len = np.frombuffer(c.row_len, dtype=np.int64) if len(c.row_len) else np.zeros(0, np.int64)
    n_rows = len(row_len)
    vocab = [" " if u[0].isspace() else u for u in c.vocab]  # insertion order = id order
    v = len(vocab)
    is_word = np.fromiter((u[0].isalnum() for u in vocab), dtype=bool, count=v)
    row_of = np.repeat(np.arange(n_rows, dtype=np.int32), row_len)
    row_start = np.zeros(n_rows + 1, dtype=np.int64)
    np.cumsum(row_len, out=row_start[1:])
    pos_of = (
        (np.arange(len(ids), dtype=np.int64) - row_start[:-1][row_of]).astype(np.int32)
        if len(ids)
        else np.zeros(0, np.int32)
    )
    # Unigrams: word units.
    uni = is_word[ids] if len(ids) else np.zeros(0, bool)
    # Bigrams: unit i and i+1 in the same row.
    bi = np.zeros(len(ids), dtype=bool)
    if len(ids) > 1:
        bi[:-1] = row_of[1:] == row_of[:-1]
    # Term codes: unigram u -> u; bigram (a, b) -> v + a * v + b; then dense ids.
    uni_idx = np.flatnonzero(uni)
    bi_idx = np.flatnonzero(bi)
    # Postings in (row, pos) order, unigram before bigram at a position: slot 2i holds unit i's
    # unigram, slot 2i + 1 its bigram; the used slots, in order (no sort needed).
    n_units = len(ids)
    slot_code = np.empty(2 * n_units, dtype=np.int64)
    slot_code[0::2] = ids
    if n_units:
        slot_code[1:-1:2] = v + ids[:-1] * v + ids[1:]
    used = np.empty(2 * n_units, dtype=bool)
    used[0::2] = uni
    used[1::2] = bi
    keep_slots = np.flatnonzero(used)
    del used
    codes = slot_code[keep_slots]
    del slot_code
    where = keep_slots >> 1
    del keep_slots
    distinct, term_of = np.unique(codes, return_inverse=True)
    del codes
    term_of = term_of.astype(np.int32)
    strings = [
        vocab[int(k)] if k < v else vocab[int((k - v) // v)] + vocab[int((k - v) % v)]
        for k in distinct.tolist()
    ]
    field_len = np.bincount(row_of[uni_idx], minlength=n_rows) + np.bincount(
        row_of[bi_idx], minlength=n_rows
    )
    lengths = length_to_byte(field_len) if n_rows else np.zeros(0, np.uint8)
    lengths[field_len == 0] = 0
    del uni, bi, uni_idx, bi_idx, ids
    # Bigrams: phrases need their positions. So do units that can also be spelled as a bigram
    # (``34%`` is one unit, and the pair ``34`` ``%`` of "34 %"): a term keeps its positions when
    # any of its ids needs them, and a merge of segments needs them in every segment.
    pct = np.fromiter((len(u) > 1 and u[-1] == "%" for u in vocab), dtype=bool, count=v)
    with_pos = np.flatnonzero((distinct >= v) | pct[np.minimum(distinct, v - 1)])
    return _invert(
        term_of.ravel(),
        row_of[where],
        pos_of[where],
        strings,
        lengths,
        int(field_len.sum()),
        with_pos,
    )


def invert_words(c: FieldCollector) -> Inverted:
    """Invert a frequency-only field (jieba words)."""
    ids = (
        np.frombuffer(c.ids, dtype=np.int32).astype(np.int64)
        if len(c.ids)
        else np.zeros(0, np.int64)
    )
    row_len = np.frombuffer(c.row_len, dtype=np.int64) if len(c.row_len) else np.zeros(0, np.int64)
    field_len = (
        np.frombuffer(c.field_len, dtype=np.int64) if len(c.field_len) else np.zeros(0, np.int64)
    )
    row_of = np.repeat(np.arange(len(row_len), dtype=np.int64), row_len)
    lengths = length_to_byte(field_len) if len(field_len) else np.zeros(0, np.uint8)
    lengths[field_len == 0] = 0
    return _invert(ids, row_of, None, list(c.vocab), lengths, int(field_len.sum()))


class KeyColumn:
    """A string per row (the document id, the section id), kept as codes into a small table."""

    def __init__(self) -> None:
        self.table: dict[str, int] = {}
        self.codes = array("i")

    def add(self, value: str) -> None:
        self.codes.append(self.table.setdefault(value, len(self.table)))

    def arrays(self, name: str) -> list[tuple[str, NDArray[Any] | bytes]]:
        keys = [k.encode("utf-8") for k in self.table]
        off = np.zeros(len(keys) + 1, dtype=np.uint32)
        if keys:
            np.cumsum([len(k) for k in keys], out=off[1:])
        codes = (
            np.frombuffer(self.codes, dtype=np.int32) if len(self.codes) else np.zeros(0, np.int32)
        )
        return [
            (f"{name}.codes", codes),
            (f"{name}.keys", b"".join(keys)),
            (f"{name}.key_off", off),
        ]


def write_file(
    f: Any,
    rows: int,
    fields: dict[str, Inverted],
    extra: Sequence[tuple[str, NDArray[Any] | bytes]] = (),
) -> None:
    """Write the inverted ``fields`` of a segment of ``rows`` rows to the open binary file ``f``
    (``extra``: more named arrays, e.g. the row key columns)."""
    arrays: list[tuple[str, NDArray[Any] | bytes]] = list(extra)
    totals = {}
    for name, inv in fields.items():
        totals[name] = inv.total
        arrays += [
            (f"{name}.keys", inv.keys),
            (f"{name}.key_off", inv.key_off),
            (f"{name}.df", inv.df),
            (f"{name}.npos", inv.npos),
            (f"{name}.width", inv.width),
            (f"{name}.data_off", inv.data_off),
            (f"{name}.data", inv.data),
            (f"{name}.lengths", inv.lengths),
        ]
    layout: dict[str, list[Any]] = {}
    offset = 0
    for name, a in arrays:
        nbytes = len(a) if isinstance(a, bytes) else a.nbytes
        dtype = "bytes" if isinstance(a, bytes) else a.dtype.str
        count = len(a)
        layout[name] = [offset, dtype, count]
        offset += nbytes + (-nbytes % 8)
    header = json.dumps(
        {
            "rows": rows,
            "totals": totals,
            "arrays": layout,
            "keys": sorted({n.split(".")[1] for n, _ in arrays if n.startswith("rowkey.")}),
        }
    ).encode()
    head = MAGIC + struct.pack("<I", len(header)) + header
    head += bytes(-len(head) % 8)
    f.write(head)
    for _name, a in arrays:
        raw = a if isinstance(a, bytes) else a.tobytes()
        f.write(raw)
        f.write(bytes(-len(raw) % 8))


# --- reading --------------------------------------------------------------------------------


class Damaged(Exception):
    """A postings file is missing, cut or not of this format."""


@dataclass
class TermPostings:
    """One term's postings in one segment (deleted rows included; the matcher drops them)."""

    rows: NDArray[Any]  # int64, ascending
    tf: NDArray[Any]  # int64 per row
    pos: NDArray[Any] | None  # unsigned ints (a view of the file), per row ascending, rows in
    # order (len = tf.sum()); None when not asked for or not stored (unigrams: one-unit terms
    # need no positions)


_EMPTY = np.zeros(0, dtype=np.int64)


class _Keys:
    """Sorted term keys, searched in place (no list of all the keys is ever made).

    Every :data:`SAMPLE`-th key is kept as ``bytes`` (made on the first lookup), so a lookup is
    one C ``bisect`` over those and a short binary search inside one block of the mapped file.
    Each page of a mapped file that is touched counts in the process's resident size with its
    neighbours (the kernel maps ~64 KB around a fault): a plain binary search over the whole
    file touched ~20 places per lookup, one block touches two or three.
    """

    SAMPLE = 256
    LIST_AFTER = 64
    """Lookups in place before the sampled keys are made into a list (a long session)."""

    def __init__(self, blob: memoryview, off: NDArray[Any]) -> None:
        self.blob = blob
        self.n = len(off) - 1
        self._off_array = off
        self.off: Any = _int_view(off)
        self._sample: list[bytes] | None = None
        self._lookups = 0

    def __len__(self) -> int:
        return self.n

    def __getitem__(self, i: int) -> bytes:
        return bytes(self.blob[self.off[i] : self.off[i + 1]])

    def _samples(self) -> list[bytes]:
        got = self._sample
        if got is None:
            step = self.SAMPLE
            starts = self._off_array[: self.n : step].tolist()
            ends = self._off_array[1 : self.n + 1 : step].tolist()
            blob = self.blob
            got = self._sample = [blob[a:b].tobytes() for a, b in zip(starts, ends, strict=True)]
        return got

    def _sample_at(self, k: int) -> bytes:
        """Sampled key ``k`` (key ``k * SAMPLE``), read in place."""
        i = k * self.SAMPLE
        return self.blob[self.off[i] : self.off[i + 1]].tobytes()

    def find(self, key: bytes) -> int:
        """The index of ``key``, or -1."""
        if not self.n:
            return -1
        got = self._sample
        if got is not None:
            block = bisect.bisect_right(got, key) - 1
        else:  # query (issue 11): no list of samples for a one-shot search (~0.25 ms a field
            # and segment to make, ~13 ms of the first search; lookups are kept by the view)
            self._lookups += 1
            if self._lookups > self.LIST_AFTER:
                block = bisect.bisect_right(self._samples(), key) - 1
            else:
                n_samples = (self.n + self.SAMPLE - 1) // self.SAMPLE
                block = bisect.bisect_right(_Sampled(self), key, 0, n_samples) - 1
        if block < 0:
            return -1
        blob, off = self.blob, self.off
        lo = block * self.SAMPLE
        hi = min(lo + self.SAMPLE, self.n)
        while lo < hi:
            mid = (lo + hi) >> 1
            if blob[off[mid] : off[mid + 1]].tobytes() < key:
                lo = mid + 1
            else:
                hi = mid
        if lo < self.n and blob[off[lo] : off[lo + 1]].tobytes() == key:
            return lo
        return -1


class _Sampled:
    """The sampled keys of a :class:`_Keys` as a sequence for ``bisect``, read in place."""

    def __init__(self, keys: _Keys) -> None:
        self._keys = keys

    def __getitem__(self, k: int) -> bytes:
        return self._keys._sample_at(k)


def _int_view(a: NDArray[Any]) -> Any:
    """A memoryview of a 1-D unsigned numpy array whose items are Python ints."""
    mv: Any = memoryview(np.ascontiguousarray(a))  # type: ignore[arg-type]
    return mv.cast("B").cast(a.dtype.char)


class FieldReader:
    """One field of one segment's postings file."""

    def __init__(
        self, buf: Any, base: int, layout: dict[str, list[Any]], name: str, total: int
    ) -> None:
        def arr(key: str) -> Any:
            try:
                off, dtype, count = layout[f"{name}.{key}"]
            except KeyError:
                raise Damaged(f"no {name}.{key}") from None
            if dtype == "bytes":
                return memoryview(buf)[base + off : base + off + count]
            return np.frombuffer(buf, dtype=np.dtype(dtype), count=count, offset=base + off)

        self._keys = _Keys(arr("keys"), arr("key_off"))
        self.df = arr("df")
        self.npos = arr("npos")
        self.width = arr("width")
        self.data_off = arr("data_off")
        self.data = arr("data")
        self.lengths = arr("lengths")
        self.total = total
        # The same arrays as memoryviews: a term's four numbers are Python ints at once (numpy
        # scalar indexing costs more than the rest of a small term's decoding).
        self._meta = tuple(_int_view(a) for a in (self.df, self.npos, self.width, self.data_off))
        self._buf, self._data_at = buf, base + layout[f"{name}.data"][0]
        self._file: _Descriptor | None = None  # set by SegmentPostings: for pread (see read)

    def read(self, start: int, end: int) -> NDArray[Any]:
        """Bytes ``start:end`` of the field's data (uint8), the process's own copy.

        match (issue 11): read with ``pread`` when the file has a descriptor, so the mapping's
        pages are not touched: a query that only reads lists leaves nothing of the segment
        in the resident set to release (dropping the pages of every segment after each
        query, and faulting them in again on the next, was ~8 % of a query)."""
        if self._file is not None:
            got = os.pread(self._file.fd, end - start, self._data_at + start)
            if len(got) != end - start:
                raise Damaged("a postings file was cut short while open")
            return np.frombuffer(got, dtype=np.uint8)
        return np.array(self.data[start:end])

    def term_id(self, term: str) -> int:
        """The term's number in this segment, or -1."""
        try:
            key = term.encode(KEY_ENCODING)
        except UnicodeEncodeError:  # (a lone surrogate: no indexed text holds one)
            return -1
        return self._keys.find(key)

    def doc_frequency(self, term: str) -> int:
        i = self.term_id(term)
        return int(self.df[i]) if i >= 0 else 0

    def postings(self, term: str, positions: bool = True) -> TermPostings:
        i = self.term_id(term)
        if i < 0:
            return TermPostings(_EMPTY, _EMPTY, _EMPTY if positions else None)  # absent
        return self.postings_at(i, positions)

    def term_meta(self, i: int) -> tuple[int, int, int, int, int]:
        """Term ``i``'s df, positions count, layout code and data offsets (start, end): what
        :meth:`leb_piece` and :meth:`postings_at` read before the data (a reader may keep it)."""
        m_df, m_npos, m_width, m_off = self._meta
        return m_df[i], m_npos[i], m_width[i], m_off[i], m_off[i + 1]

    def leb_piece(
        self, i: int, meta: tuple[int, int, int, int, int] | None = None
    ) -> tuple[NDArray[Any], int, bool, int] | None:
        """Term ``i``'s LEB128 bytes (whole values: row gaps, then tf when stored, then
        positions when stored) with its df and whether tf is stored; None when
        the term is stored in fixed widths. Lets a reader decode many short lists in one numpy
        pass (query, issue 11: ~250 small decodes per query were most of a rare word's time).
        The last item is the number of positions stored (-1: none stored). ``meta``: the
        term's :meth:`term_meta`, when the caller kept it."""
        df, npos, w, start, end = meta or self.term_meta(i)
        if w & 1:
            return None
        return self.data[start:end], df, bool(w & 2), npos if w & 4 else -1

    def postings_at(
        self, i: int, positions: bool = True, meta: tuple[int, int, int, int, int] | None = None
    ) -> TermPostings:
        """The postings of term number ``i`` (from :meth:`term_id`, >= 0); ``meta``: its
        :meth:`term_meta`, when the caller kept it."""
        df, npos, w, start, end = meta or self.term_meta(i)
        if w & 1:  # fixed widths
            rw, tw, pw = _CODE_WIDTH[(w >> 1) & 3], _CODE_WIDTH[(w >> 3) & 3], _CODE_WIDTH[w >> 5]
            at = 0
            data = self.read(start, end)
            gaps = np.frombuffer(data, dtype=_WIDTH_DTYPE[rw], count=df, offset=at)
            # a new array (the caller may add to it); match (issue 11): summed into an int64
            # array (``out=``), not ``dtype=``: the latter measured 2.3x slower on 16-bit gaps
            rows = np.empty(df, dtype=np.int64)
            gaps.cumsum(out=rows)
            at += df * rw
            if tw:
                tf = np.frombuffer(data, dtype=_WIDTH_DTYPE[tw], count=df, offset=at)
                tf = tf.astype(np.int64)
            else:
                tf = np.ones(df, dtype=np.int64)
            at += df * tw
            pos = None
            if positions and pw:  # a view: the matcher converts only the positions it reads
                pos = np.frombuffer(data, dtype=_WIDTH_DTYPE[pw], count=npos, offset=at)
            return TermPostings(rows, tf, pos)
        values = leb128_decode(self.read(start, end))
        rows = np.empty(df, dtype=np.int64)
        values[:df].cumsum(out=rows)
        if w & 2:
            tf = values[df : 2 * df]
            at = 2 * df
        else:
            tf = np.ones(df, dtype=np.int64)
            at = df
        pos = values[at : at + npos] if positions and w & 4 else None
        return TermPostings(rows, tf, pos)

    def fill(
        self,
        meta: tuple[int, int, int, int, int],
        rows: NDArray[Any],
        tf: NDArray[Any],
        pos: NDArray[Any] | None,
        at: int,
        pos_at: int,
        offset: int,
    ) -> tuple[int, int]:
        """A fixed-width term's postings (its :meth:`term_meta`) written into ``rows``/``tf``
        from ``at`` (rows plus ``offset``) and its positions into ``pos`` from ``pos_at``
        (None: not wanted); returns where each ends (phrase, issue 11: no per-list arrays)."""
        df, npos, w, start, end = meta
        rw, tw, pw = _CODE_WIDTH[(w >> 1) & 3], _CODE_WIDTH[(w >> 3) & 3], _CODE_WIDTH[w >> 5]
        data, here = self.read(start, end), 0
        out = rows[at : at + df]
        np.frombuffer(data, dtype=_WIDTH_DTYPE[rw], count=df, offset=here).cumsum(out=out)
        if offset:
            out += offset
        here += df * rw
        if tw:
            tf[at : at + df] = np.frombuffer(data, dtype=_WIDTH_DTYPE[tw], count=df, offset=here)
        else:
            tf[at : at + df] = 1
        here += df * tw
        if pos is not None and pw:
            pos[pos_at : pos_at + npos] = np.frombuffer(
                data, dtype=_WIDTH_DTYPE[pw], count=npos, offset=here
            )
            pos_at += npos
        return at + df, pos_at


class SegmentPostings:
    """A segment's postings file, mapped read-only."""

    def __init__(self, storage: Any, segment: Any) -> None:
        name = segment.make_filename(EXT)
        try:
            f = storage.open_file(name)
        except Exception as exc:
            raise Damaged(f"cannot open {name}: {type(exc).__name__}") from exc
        try:
            buf = _map(f)
            fd = _own_descriptor(f)
        finally:
            f.close()
        file = _Descriptor(fd) if fd >= 0 else None
        if bytes(buf[: len(MAGIC)]) != MAGIC or len(buf) < len(MAGIC) + 4:
            raise Damaged(f"{name}: not a postings file")
        (hlen,) = struct.unpack_from("<I", buf, len(MAGIC))
        start = len(MAGIC) + 4
        try:
            header = json.loads(bytes(buf[start : start + hlen]))
        except ValueError as exc:
            raise Damaged(f"{name}: bad header") from exc
        base = start + hlen + (-(start + hlen) % 8)
        end = base
        for off, dtype, count in header["arrays"].values():
            size = count if dtype == "bytes" else count * np.dtype(dtype).itemsize
            end = max(end, base + off + size)
        if end > len(buf):
            raise Damaged(f"{name}: cut short")
        self.rows: int = header["rows"]
        self._layout, self._base = header["arrays"], base
        self.key_names: list[str] = header.get("keys", [])
        self.fields = {
            field: FieldReader(buf, base, header["arrays"], field, total)
            for field, total in header["totals"].items()
        }
        for fr in self.fields.values():
            fr._file = file
        self.reads_privately = file is not None
        """Lists are read with pread (FieldReader.read): reading them maps no page."""
        self._buf = buf

    def key_column(self, name: str) -> tuple[NDArray[Any], list[str]]:
        """Per-row codes (int32) and their strings for the row key column ``name``."""

        def arr(key: str) -> Any:
            try:
                off, dtype, count = self._layout[f"rowkey.{name}.{key}"]
            except KeyError:
                raise Damaged(f"no row key column {name}") from None
            if dtype == "bytes":
                return bytes(memoryview(self._buf)[self._base + off : self._base + off + count])
            return np.frombuffer(
                self._buf, dtype=np.dtype(dtype), count=count, offset=self._base + off
            )

        codes, blob, off = arr("codes"), arr("keys"), arr("key_off").tolist()
        strings = [blob[a:b].decode("utf-8") for a, b in itertools.pairwise(off)]
        if len(codes) != self.rows:
            raise Damaged(f"row key column {name} has {len(codes)} rows, not {self.rows}")
        return codes, strings

    def release(self) -> None:
        """Drop the file's pages from this process's resident set (they stay in the OS page
        cache and come back on the next read): a search's RSS does not grow with the postings
        it has read."""
        advise = getattr(self._buf, "madvise", None)
        if advise is not None and hasattr(mmap, "MADV_DONTNEED"):
            with contextlib.suppress(OSError, ValueError):
                advise(mmap.MADV_DONTNEED)

    def field(self, name: str) -> FieldReader:
        try:
            return self.fields[name]
        except KeyError:
            raise Damaged(f"no field {name}") from None


class _Descriptor:
    """An open file descriptor, closed when no reader holds it any more (a field reader may
    outlive its segment's reader)."""

    def __init__(self, fd: int) -> None:
        self.fd = fd
        weakref.finalize(self, os.close, fd)


def _own_descriptor(f: Any) -> int:
    """A duplicate of the open file's descriptor for ``os.pread`` (-1: none, or no pread)."""
    if not hasattr(os, "pread"):
        return -1
    raw = getattr(f, "file", f)
    try:
        return os.dup(raw.fileno())
    except (AttributeError, OSError, ValueError):
        return -1


def _map(f: Any) -> Any:
    """The whole file as a read-only buffer: mmap when it is a real file, else its bytes."""
    raw = getattr(f, "file", f)
    try:
        fileno = raw.fileno()
    except (AttributeError, OSError, ValueError):
        fileno = -1
    if fileno >= 0:
        try:
            return mmap.mmap(fileno, 0, access=mmap.ACCESS_READ)
        except (OSError, ValueError):
            pass
    f.seek(0)
    return f.read()


def write_segment_postings(
    storage: Any,
    segment: Any,
    collectors: dict[str, FieldCollector],
    keys: dict[str, KeyColumn] | None = None,
) -> None:
    """Invert the collectors (field name -> collector) and write the segment's postings file
    (``keys``: per-row key columns by name, see :meth:`SegmentPostings.key_column`)."""
    fields = {
        name: invert_units(c) if isinstance(c, UnitCollector) else invert_words(c)
        for name, c in collectors.items()
    }
    extra: list[tuple[str, NDArray[Any] | bytes]] = []
    for name, col in (keys or {}).items():
        extra += col.arrays(f"rowkey.{name}")
    rows = {c.rows for c in collectors.values()} | {len(c.codes) for c in (keys or {}).values()}
    if len(rows) != 1:
        raise ValueError(f"collectors disagree on the row count: {sorted(rows)}")
    f = segment.create_file(storage, EXT)
    try:
        write_file(f, rows.pop(), fields, extra)
    finally:
        f.close()
