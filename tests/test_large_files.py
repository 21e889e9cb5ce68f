"""Very large files (issue 15): indexed in a worker process, their rows cut into bounded
segments inside the document, and searches not held up by them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reporttui.core.index import indexer
from reporttui.core.library.library import Library
from reporttui.core.paths import seed_files

SEED = next(p for p in seed_files() if p.name.startswith("001_"))


def big_report(path: Path, copies: int) -> Path:
    """One file made of ``copies`` copies of a seed report (one document, many paragraphs)."""
    base = SEED.read_text(encoding="utf-8")
    path.write_text("\n\n".join(f"{base}\n\n第{i}段写到鹿鸣工程。" for i in range(copies)), "utf-8")
    return path


def test_a_large_document_is_cut_into_segments_inside_the_document(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The worker's rollover: rows of one document go on into a new segment every
    LARGE_SEGMENT_CHARS, and the index then holds every paragraph once."""
    home = tmp_path / "home"
    library = Library(home)
    library.sync()
    source = big_report(tmp_path / "big.txt", 6)
    folder = home / "index" / library._catalog().index_name
    monkeypatch.setattr(indexer, "LARGE_SEGMENT_CHARS", 3000)
    monkeypatch.setattr(indexer, "LARGE_FILE_BYTES", 1000)
    segments, outcome = indexer._worker_build(str(folder), str(home), [(str(source), False)])
    assert [x.error for x in outcome.loaded] == [None]
    assert len(segments) >= 3
    chars = outcome.loaded[0].entry.chars  # type: ignore[union-attr]
    assert chars > 6 * 3000 / 2
    rows = sum(seg.doc_count_all() for seg in segments)
    from reporttui.core.index.schema import document_rows
    from reporttui.core.text.ingest import load_document

    assert rows == len(list(document_rows(load_document(source), home)))
    library.close()


def test_a_large_file_goes_to_a_worker_and_is_searchable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "home"
    folder = tmp_path / "reports"
    folder.mkdir()
    source = big_report(folder / "big.txt", 3)
    monkeypatch.setattr(indexer, "LARGE_FILE_BYTES", source.stat().st_size - 1)
    used: list[int] = []
    real = indexer.build_segments

    def spy(*args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        used.append(1)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(indexer, "build_segments", spy)
    library = Library(home, max_workers=1)
    library.add([folder])
    assert used, "the large file was indexed in-process"
    hits = library.search("鹿鸣工程", limit=100)
    assert {h.text for h in hits.hits} >= {"第2段写到鹿鸣工程。"}
    library.close()


def reporttui() -> str:
    here = Path(sys.executable).parent / "reporttui"
    return str(here) if here.exists() else "reporttui"


def test_a_search_does_not_wait_for_a_big_pending_file(tmp_path: Path) -> None:
    """A file too big to index on the way to a search is left to `reporttui index`: the
    search answers from the committed index, with one line saying so."""
    home = tmp_path / "home"
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "small.txt").write_text(SEED.read_text(encoding="utf-8"), "utf-8")
    env = {**os.environ, "REPORTTUI_HOME": str(home)}
    done = subprocess.run(
        [reporttui(), "add", str(folder)], env=env, capture_output=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    (folder / "huge.txt").write_text("鹿鸣工程加快建设。\n\n" * 250_000, "utf-8")  # 7.5 MB
    done = subprocess.run(
        [reporttui(), "search", "鹿鸣工程", "--json"], env=env, capture_output=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["total"] == 0
    lines = done.stderr.decode("utf-8").strip().splitlines()
    assert len(lines) == 1 and "not indexed yet" in lines[0] and "reporttui index" in lines[0]


def test_a_paragraph_with_tens_of_thousands_of_matches_is_snippeted_fast() -> None:
    """The snippet window is found by bisection (every anchor rescanning every span took
    minutes for one huge paragraph); the densest window is the same as before."""
    import time

    from reporttui.core.search.highlight import find_spans, make_snippet

    text = "营商环境持续优化，" * 55_000
    spans = find_spans(text, ["营商环境"])
    assert len(spans) == 55_000
    started = time.process_time()
    snippet, shifted = make_snippet(text, spans, 80)
    assert time.process_time() - started < 2.0
    assert snippet.startswith("营商环境") and len(shifted) >= 8
    few = "前言。" * 30 + "营商环境" + "。" * 100 + "营商环境、营商环境" + "后记。" * 30
    snippet, _ = make_snippet(few, find_spans(few, ["营商环境"]), 40)
    assert "营商环境、营商环境" in snippet  # the denser window, as before
