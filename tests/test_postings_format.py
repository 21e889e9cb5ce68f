"""The postings file format round-trips: LEB128 values, and inverted fields read back exactly."""

from __future__ import annotations

import io
import random
from collections import defaultdict

import numpy as np
import pytest

from reporttui.core.index import postings
from reporttui.core.index.postings import (
    FieldCollector,
    SegmentPostings,
    UnitCollector,
    invert_units,
    invert_words,
    leb128_decode,
    leb128_encode,
    write_file,
)
from reporttui.core.index.tokenize import bigram_postings


def test_leb128_round_trip_at_every_length() -> None:
    rng = np.random.default_rng(3)
    edges = np.array([0, 1, 127, 128, 16383, 16384, 2**21 - 1, 2**21, 2**28 - 1, 2**28, 2**32 - 1])
    values = np.concatenate([edges, rng.integers(0, 2**32, 2000), rng.integers(0, 300, 2000)])
    data, start = leb128_encode(values)
    assert np.array_equal(leb128_decode(data), values)
    for i in (0, 5, 11, 3000):  # any value's own bytes decode on their own
        end = start[i + 1] if i + 1 < len(values) else len(data)
        assert leb128_decode(data[start[i] : end]).tolist() == [values[i]]
    assert len(leb128_encode(np.arange(128))[0]) == 128  # below 128: one byte each


class _Segment:
    """Just enough of a Whoosh segment for SegmentPostings (one in-memory file)."""

    def __init__(self, raw: bytes) -> None:
        self.raw = raw

    def make_filename(self, ext: str) -> str:
        return "seg" + ext


class _Storage:
    def __init__(self, raw: bytes) -> None:
        self.raw = raw

    def open_file(self, name: str) -> io.BytesIO:
        return io.BytesIO(self.raw)


@pytest.mark.parametrize("fixed_min_rows", [512, 3])
def test_inverted_fields_read_back_exactly(
    monkeypatch: pytest.MonkeyPatch, fixed_min_rows: int
) -> None:
    """Both layouts of a term (LEB128 values; fixed widths for long lists) read back exactly."""
    monkeypatch.setattr(postings, "FIXED_MIN_ROWS", fixed_min_rows)
    rng = random.Random(5)
    alphabet = "发展建设经济改革创新推进全面12345.%ab "
    texts = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 400))) for _ in range(300)]
    texts[7] = "发展" * 300  # long rows: positions and frequencies over 127
    units, words = UnitCollector(), FieldCollector(positions=False)
    word_rows = []
    for t in texts:
        units.add_text(t)
        ws = [t[i : i + 2] for i in range(0, len(t) - 1, 3) if t[i : i + 2].strip()]
        words.add_words(ws)
        word_rows.append(ws)
    buf = io.BytesIO()
    write_file(buf, len(texts), {"bg": invert_units(units), "jb": invert_words(words)})
    raw = buf.getvalue()
    seg = SegmentPostings(_Storage(raw), _Segment(raw))

    expect: defaultdict[str, dict[int, list[int]]] = defaultdict(dict)
    for row, t in enumerate(texts):
        for term, poslist in bigram_postings(t).items():
            expect[term][row] = sorted(poslist)  # a string can be a unigram and a bigram
    bg = seg.field("bg")
    for term, by_row in expect.items():
        got = bg.postings(term)
        assert got.rows.tolist() == sorted(by_row), term
        assert got.tf.tolist() == [len(by_row[r]) for r in sorted(by_row)], term
        if got.pos is not None:
            assert got.pos.tolist() == [p for r in sorted(by_row) for p in by_row[r]], term
    assert bg.postings("发展").pos is not None  # a bigram keeps its positions
    assert bg.postings("发").pos is None  # a unigram does not
    assert bg.postings("不在").rows.tolist() == []

    jb = seg.field("jb")
    counts: defaultdict[str, dict[int, int]] = defaultdict(dict)
    for row, ws in enumerate(word_rows):
        for w in ws:
            counts[w][row] = counts[w].get(row, 0) + 1
    for w, by_row in counts.items():
        got = jb.postings(w, positions=False)
        assert got.rows.tolist() == sorted(by_row)
        assert got.tf.tolist() == [by_row[r] for r in sorted(by_row)]
        assert jb.doc_frequency(w) == len(by_row)
