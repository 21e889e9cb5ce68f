"""Faults: killed writers, stale locks, damaged indexes and catalogues; sources never written."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from reporttui.core.errors import ReportError
from reporttui.core.library.catalog import read_catalog
from reporttui.core.library.library import Library
from reporttui.core.library.locking import WriteLock
from reporttui.core.paths import seed_files

SMALL_SEED = next(p for p in seed_files() if p.name.startswith("001_"))
MARKER = "麒麟鹿鸣"


def make_reports(folder: Path, count: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    base = SMALL_SEED.read_text(encoding="utf-8")
    paths = []
    for i in range(count):
        path = folder / f"r{i:03d}.txt"
        path.write_text(f"{base}\n\n第{i}份报告写到{MARKER}工程。\n", encoding="utf-8")
        paths.append(path)
    return paths


def index_folder(home: Path) -> Path:
    return home / "index" / read_catalog(home).index_name


@pytest.mark.parametrize("parallel", [False, True], ids=["in-process", "worker-processes"])
def test_writer_killed_mid_add_is_recovered(tmp_path: Path, parallel: bool) -> None:
    home, src = tmp_path / "home", tmp_path / "src"
    make_reports(src, 12)
    Library(home).sync()
    script = textwrap.dedent(
        f"""
        import sys, time
        from pathlib import Path
        from reporttui.core.index import indexer
        from reporttui.core.library.library import Library

        if {parallel!r}:
            indexer.PARALLEL_MIN_BYTES = 0

        def progress(done, total, name):
            if done == 6:
                print("HALFWAY", flush=True)
                time.sleep(60)

        Library(Path({str(home)!r})).add([Path({str(src)!r})], progress=progress)
        """
    )
    child = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "HALFWAY"
    assert not WriteLock(home).acquire(timeout=0), "the writer should hold the lock now"
    os.kill(child.pid, signal.SIGKILL)
    child.wait()

    lock = WriteLock(home)
    assert lock.acquire(timeout=2), "a killed writer's lock must not block the next one"
    assert lock.holder()["pid"] == os.getpid()
    lock.release()
    library = Library(home)
    assert library.search(MARKER).total == 0  # nothing of the killed add was committed
    assert library.needs_indexing()
    library.add([src])
    result = library.search(MARKER, limit=100)
    assert result.total == 12 and len(result.per_doc) == 12
    folder = index_folder(home)
    leftovers = [p.name for p in folder.iterdir() if p.name.endswith(".tmp")]
    assert leftovers == []
    toc = next(folder.glob("_MAIN_*.toc")).name
    from whoosh.index import open_dir

    live = {s.segment_id() for s in open_dir(str(folder))._segments()}
    stray = [p.name for p in folder.iterdir() if p.name.split(".")[0] not in live | {toc[:-4]}]
    assert set(stray) <= {"MAIN_WRITELOCK", toc, "reporttui-sums.json"}, stray


def test_stale_lock_file_of_a_dead_pid_is_taken_over(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    (home / "write.lock").write_text(json.dumps({"pid": 2**22 + 12345, "since": 0}))
    report = Library(home).sync()
    assert report.rebuilt and not report.busy


def test_live_writer_elsewhere_does_not_block_search(tmp_path: Path) -> None:
    home = tmp_path / "home"
    Library(home).sync()
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys,time; from pathlib import Path; from reporttui.core.library.locking import WriteLock;"
            f"l=WriteLock(Path({str(home)!r})); assert l.acquire(); print('LOCKED', flush=True);"
            "time.sleep(60)",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "LOCKED"
        library = Library(home)
        report = library.sync(wait=False)
        assert report.busy
        assert library.search("林麝").total >= 1
    finally:
        holder.kill()
        holder.wait()


@pytest.mark.parametrize(
    "damage", ["truncate-segment", "zero-segment", "truncate-stored", "delete-toc", "cut-toc"]
)
def test_damaged_index_is_moved_aside_and_rebuilt(tmp_path: Path, damage: str) -> None:
    home = tmp_path / "home"
    Library(home).sync()
    folder = index_folder(home)
    before = Library(home).search("高质量发展").total
    segment = next(folder.glob("*.rtp"))  # the segment's postings file
    toc = next(folder.glob("_MAIN_*.toc"))
    if damage == "truncate-stored":
        stored = next(folder.glob("*._stored.col"))
        os.truncate(stored, stored.stat().st_size // 2)
    elif damage == "truncate-segment":
        os.truncate(segment, segment.stat().st_size // 2)
    elif damage == "zero-segment":
        os.truncate(segment, 0)
    elif damage == "delete-toc":
        toc.unlink()
    else:
        os.truncate(toc, toc.stat().st_size // 3)

    messages: list[str] = []
    library = Library(home, notify=messages.append)
    if damage != "delete-toc":
        with pytest.raises(ReportError):  # a clear error, never a traceback from Whoosh
            library.search("高质量发展")
    assert library.needs_indexing()
    report = library.sync(verify=True)  # `reporttui index`
    assert len(messages) == 1 and "damaged" in messages[0] and "\n" not in messages[0]
    if damage in ("truncate-segment", "zero-segment", "truncate-stored"):
        # Inside one segment's files (its .rtp postings or Whoosh's _stored.col): found by the
        # checksums and repaired in place (tests/test_index_verify.py).
        assert not report.rebuilt and "damaged segment" in messages[0]
    else:
        assert report.rebuilt
        assert list((home / "index").glob("*.broken-*"))
    assert library.search("高质量发展").total == before > 0


def test_garbled_catalogue_rebuilds(tmp_path: Path) -> None:
    home = tmp_path / "home"
    library = Library(home)
    library.sync()
    (home / "catalog.json").write_text('{"format": 1, "sources": [', encoding="utf-8")
    assert library.needs_indexing()
    report = library.sync()
    # Recovered from the index's stored rows (tests/test_catalog_damage.py), not rebuilt.
    assert not report.rebuilt and report.unchanged == 5
    assert len(library.entries()) == 5
    assert library.search("林麝").total >= 1


def _fingerprints(paths: list[Path]) -> dict[str, tuple[str, int, float]]:
    return {
        str(p): (hashlib.sha1(p.read_bytes()).hexdigest(), p.stat().st_size, p.stat().st_mtime)
        for p in paths
    }


def test_source_files_are_never_written(tmp_path: Path) -> None:
    home, src = tmp_path / "home", tmp_path / "src"
    sources = make_reports(src, 3) + seed_files()
    before = _fingerprints(sources)
    time.sleep(0.01)
    library = Library(home)
    library.add([src])
    library.sync()
    library.rebuild()
    library.search(MARKER)
    for entry in library.entries():
        library.load(entry.id)
    assert _fingerprints(sources) == before
    assert not any(src.glob(".*")), "nothing may be created next to the sources"
