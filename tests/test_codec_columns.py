"""The codec's column offsets reader (core/index/codec.py) against Whoosh's own, on columns
written by Whoosh with and without stored offsets, and on a real index's stored rows."""

from __future__ import annotations

import importlib
from typing import Any

import pytest
from whoosh.filedb.filestore import RamStorage

from reporttui.core.index import codec

columns: Any = importlib.import_module("whoosh.columns")


def _write(column: Any, values: list[Any]) -> tuple[Any, int]:
    storage = RamStorage()
    f = storage.create_file("col")
    w = column.writer(f)
    for i, v in enumerate(values):
        if v:
            w.add(i, v)
    w.finish(len(values))
    length = f.tell()
    f.close()
    return storage.open_file("col"), length


@pytest.mark.parametrize("n", [0, 1, 7, 300, 5_000])
@pytest.mark.parametrize("kind", ["varbytes", "offsets", "compressed", "pickle"])
def test_fast_offsets_read_the_same_values(n: int, kind: str) -> None:
    values: list[Any] = [f"段落{i}".encode() * (i % 5) for i in range(n)]  # some empty
    column = {
        "varbytes": columns.VarBytesColumn(),
        "offsets": columns.VarBytesColumn(write_offsets_cutoff=100),  # offsets stored
        "compressed": columns.CompressedBytesColumn(),
        "pickle": columns.PickleColumn(columns.CompressedBytesColumn()),
    }[kind]
    if kind == "pickle":
        values = [{"text": v.decode()} if v else None for v in values]
    dbfile, length = _write(column, values)
    slow = column.reader(dbfile, 0, length, n)
    fast = codec._fast_reading(column).reader(dbfile, 0, length, n)
    inner = (fast._child, slow._child) if kind == "pickle" else (fast, slow)
    assert type(inner[0]) is not type(inner[1])  # the codec's reader, not Whoosh's
    assert [fast[i] for i in range(n)] == [slow[i] for i in range(n)]
    assert list(inner[0]._offsets) == list(inner[1]._offsets)
    assert list(inner[0]._lengths) == list(inner[1]._lengths)


def test_other_columns_are_left_alone() -> None:
    numeric = columns.NumericColumn("i")
    assert codec._fast_reading(numeric) is numeric


@pytest.mark.parametrize("typecode", ["B", "H", "I", "L", "Q"])
@pytest.mark.parametrize("n", [0, 1, 100, 4095, 4096, 50_000])
def test_value_offsets_are_the_running_sum_of_the_lengths(typecode: str, n: int) -> None:
    """process (issue 11): the offsets summed with numpy (big columns) or in Python (small ones)
    are what ``itertools.accumulate`` gives, for every array type Whoosh writes lengths in."""
    import itertools
    import random
    from array import array

    from reporttui.core.index.codec import _starts

    top = {"B": 255, "H": 65_535}.get(typecode, 3_000_000)
    rng = random.Random(n)
    lengths = array(typecode, [rng.randint(0, top) for _ in range(n)])
    want = list(itertools.accumulate(lengths, initial=0))[:-1]
    got = _starts(lengths)
    assert list(got) == want
    assert all(type(v) is int for v in got[:3])
