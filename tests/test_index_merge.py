"""Segment merging: same search results as unmerged, same postings as a fresh build, atomic."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pytest
from whoosh.index import open_dir

from reporttui.core.index import merge
from reporttui.core.index.postings import SegmentPostings
from reporttui.core.library.catalog import read_catalog
from reporttui.core.library.library import Library
from reporttui.core.paths import seed_files

SMALL_SEED = next(p for p in seed_files() if p.name.startswith("001_"))
QUERIES = ["麒麟鹿鸣", "发展", "经济", "高质量发展", '"第3份"', "改革 开放"]


def write_report(folder: Path, i: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    text = SMALL_SEED.read_text(encoding="utf-8")
    lines = text.splitlines()
    body = "\n".join(lines[: 12 + 3 * i])  # reports of different lengths
    path = folder / f"r{i:03d}.txt"
    path.write_text(f"{body}\n\n第{i}份报告写到麒麟鹿鸣工程。\n", encoding="utf-8")
    return path


def segments(home: Path) -> list:
    folder = home / "index" / read_catalog(home).index_name
    return open_dir(str(folder))._segments()


def add_one_by_one(home: Path, src: Path, count: int) -> Library:
    library = Library(home)
    for i in range(count):
        sub = src / f"b{i:02d}"
        write_report(sub, i)
        library.add([sub])
    return library


def answers(library: Library) -> list[tuple[int, list[int], list[tuple[str, int, str, float]]]]:
    """Per query: total, per-report counts, and the hits in order (report, paragraph, text,
    score): what a user sees."""
    out = []
    for q in QUERIES:
        r = library.search(q, limit=50)
        hits = [(Path(h.path).name, h.paragraph, h.text, round(h.score, 9)) for h in r.hits]
        out.append((r.total, sorted(r.per_doc.values()), hits))
    return out


@pytest.fixture
def small_merges(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(merge, "MERGE_FACTOR", 3)


def test_merge_policy_bounds_the_segment_count(tmp_path: Path, small_merges: None) -> None:
    library = add_one_by_one(tmp_path / "home", tmp_path / "src", 7)
    assert len(segments(tmp_path / "home")) < 7
    assert library.search("麒麟鹿鸣", limit=50).total == 7


def test_merged_index_answers_as_the_unmerged_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(merge, "MERGE_FACTOR", 10_000)
    unmerged = add_one_by_one(tmp_path / "a", tmp_path / "src-a", 5)
    assert len(segments(tmp_path / "a")) == 5
    monkeypatch.setattr(merge, "MERGE_FACTOR", 3)
    merged = add_one_by_one(tmp_path / "b", tmp_path / "src-b", 5)
    assert len(segments(tmp_path / "b")) < 5
    assert answers(merged) == answers(unmerged)
    # Deleted rows are dropped by the merge: remove two reports, the next merge honours it.
    for lib, src in ((unmerged, tmp_path / "src-a"), (merged, tmp_path / "src-b")):
        for i in (1, 3):
            (src / f"b{i:02d}" / f"r{i:03d}.txt").unlink()
        lib.sync()
    monkeypatch.setattr(merge, "MERGE_FACTOR", 2)
    for lib, src in ((unmerged, tmp_path / "src-a"), (merged, tmp_path / "src-b")):
        sub = src / "b09"
        write_report(sub, 9)
        lib.add([sub])
    assert answers(merged) == answers(unmerged)
    assert merged.search("麒麟鹿鸣", limit=50).total == 4


def test_merged_postings_equal_a_fresh_build(tmp_path: Path, small_merges: None) -> None:
    add_one_by_one(tmp_path / "inc", tmp_path / "src", 3)  # the third add merges all three
    (seg,) = segments(tmp_path / "inc")
    fresh = Library(tmp_path / "fresh")
    fresh.add([tmp_path / "src"])
    (one,) = segments(tmp_path / "fresh")
    a = SegmentPostings(open_dir(str(_folder(tmp_path / "inc"))).storage, seg)
    b = SegmentPostings(open_dir(str(_folder(tmp_path / "fresh"))).storage, one)
    assert a.rows == b.rows
    for name in b.fields:
        fa, fb = a.field(name), b.field(name)
        assert bytes(fa._keys.blob) == bytes(fb._keys.blob)
        for part in ("df", "npos", "width", "data_off", "data", "lengths"):
            assert np.array_equal(getattr(fa, part), getattr(fb, part)), (name, part)
        assert fa.total == fb.total
    for key in b.key_names:
        ca, ta = a.key_column(key)
        cb, tb = b.key_column(key)
        assert [ta[c] for c in ca] == [tb[c] for c in cb]


def _folder(home: Path) -> Path:
    return home / "index" / read_catalog(home).index_name


def test_killed_merge_leaves_the_previous_index(tmp_path: Path) -> None:
    home, src = tmp_path / "home", tmp_path / "src"
    library = Library(home)
    for i in range(2):
        write_report(src / f"b{i:02d}", i)
        library.add([src / f"b{i:02d}"])
    before = answers(library)
    write_report(src / "b02", 2)
    script = textwrap.dedent(
        f"""
        import os, signal
        from pathlib import Path
        from reporttui.core.index import merge
        from reporttui.core.library.library import Library

        merge.MERGE_FACTOR = 2
        real = merge.merge_postings

        def killed(sources):
            real(sources)
            os.kill(os.getpid(), signal.SIGKILL)  # the merged rows are written, no TOC yet

        merge.merge_postings = killed
        Library(Path({str(home)!r})).add([Path({str(src / "b02")!r})])
        """
    )
    child = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert child.returncode == -signal.SIGKILL, child.stderr
    library = Library(home)
    assert answers(library) == before  # the previous index, searchable as it was
    assert len(segments(home)) == 2
    library.add([src / "b02"])  # the next writer finishes the job and removes the leftovers
    assert library.search("麒麟鹿鸣", limit=50).total == 3
    folder = _folder(home)
    assert not [p for p in folder.iterdir() if p.name.endswith(".tmp")]
    live = {s.segment_id() for s in open_dir(str(folder))._segments()}
    stray = [
        p.name
        for p in folder.iterdir()
        if p.name.startswith("MAIN_") and p.name.split(".")[0] not in live
    ]
    assert set(stray) <= {"MAIN_WRITELOCK"}, stray
    assert os.path.isdir(folder)
