"""The library: catalogue, change detection, resolve/load, and search through it (real seeds)."""

from __future__ import annotations

import hashlib
import os
import threading
from pathlib import Path

import pytest

from reporttui.core.errors import ReportError
from reporttui.core.index import indexer, schema
from reporttui.core.library.catalog import read_catalog
from reporttui.core.library.library import Library
from reporttui.core.paths import seed_files

SMALL_SEED = next(p for p in seed_files() if p.name.startswith("001_"))
MARKER = "麒麟鹿鸣"
"""A term that occurs in no seed: it exists only in the test files made below."""


def make_report(folder: Path, name: str, extra: str) -> Path:
    """A report file: the small seed plus one extra paragraph (so it has its own id)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(SMALL_SEED.read_text(encoding="utf-8") + f"\n\n{extra}\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def synced_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A library home with the seeds indexed once (shared by read-only tests)."""
    home = tmp_path_factory.mktemp("home")
    Library(home).sync()
    return home


def test_construction_and_listing_write_nothing(tmp_path: Path) -> None:
    home = tmp_path / "home"
    library = Library(home)
    entries = library.entries()
    assert not home.exists()
    assert len(entries) == 5
    assert all(e.bundled for e in entries)
    assert {Path(e.path).name for e in entries} == {p.name for p in seed_files()}
    assert library.needs_indexing()


def test_search_before_indexing_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ReportError, match="not built"):
        Library(tmp_path / "home").search("林麝")


def test_first_sync_indexes_the_seeds_then_nothing_to_do(synced_home: Path) -> None:
    library = Library(synced_home)
    assert not library.needs_indexing()
    report = library.sync()
    assert report.unchanged == 5 and not report.changed
    catalog = read_catalog(synced_home)
    assert len(catalog.sources) == 5 and catalog.fingerprint == library.fingerprint()
    # 林麝 occurs in paragraphs of the seeds only (hand-checked: seed 000 and 001 mention it)
    result = library.search("林麝")
    assert result.total >= 1
    for hit in result.hits:
        assert "林麝" in hit.text
        assert [hit.text[s:e] for s, e in hit.spans] == ["林麝"] * hit.text.count("林麝")


def test_entries_carry_metadata_and_load_matches(synced_home: Path) -> None:
    library = Library(synced_home)
    for entry in library.entries():
        doc = library.load(entry.id)
        assert doc.id == entry.id
        assert entry.chars == len(doc.text) > 1000
        assert entry.sha1 == hashlib.sha1(Path(entry.path).read_bytes()).hexdigest()
    with pytest.raises(ReportError):
        library.load("000000000000")


def test_resolve_by_id_prefix_path_and_region_year(synced_home: Path) -> None:
    library = Library(synced_home)
    entry = library.entries()[0]
    assert library.resolve(entry.id) == entry
    assert library.resolve(entry.id[:6]) == entry
    assert library.resolve(entry.path) == entry
    with_meta = [e for e in library.entries() if e.region and e.year]
    assert with_meta, "ingestion should find region and year in at least one seed"
    e = with_meta[0]
    region_stem = e.region.rstrip("市县省区")
    found = library.resolve(f"{region_stem}{e.year}")
    assert found.region == e.region and found.year == e.year
    with pytest.raises(ReportError):
        library.resolve("火星2099")
    with pytest.raises(ReportError, match="no such file"):
        library.resolve("/nonexistent/report.txt")


def test_add_update_touch_and_vanish(tmp_path: Path) -> None:
    home, src = tmp_path / "home", tmp_path / "src"
    a = make_report(src, "a.txt", f"甲文件写到{MARKER}工程。")
    make_report(src / "sub", "b.md", f"乙文件也写到{MARKER}工程和{MARKER}项目。")
    (src / "notes.pdf").write_bytes(b"%PDF-1.4 not a report")
    library = Library(home)

    report = library.add([src])
    assert sorted(Path(p).name for p in report.added) == sorted(
        [p.name for p in seed_files()] + ["a.txt", "b.md"]
    )
    result = library.search(MARKER)
    assert result.total == 2
    assert sorted(len(h.spans) for h in result.hits) == [1, 2]
    assert not library.needs_indexing()

    # same bytes, new mtime: nothing re-indexed
    os.utime(a, (1_000_000_000, 1_000_000_000))
    assert library.needs_indexing()  # mtime/size pre-check says "look"
    report = library.sync()
    assert not report.updated and not report.added and report.unchanged == 7
    assert not library.needs_indexing()

    # changed content: re-indexed, old text gone
    a.write_text(SMALL_SEED.read_text(encoding="utf-8") + "\n\n甲文件改写为白鹤滩工程。\n", "utf-8")
    report = library.sync()
    assert [Path(p).name for p in report.updated] == ["a.txt"]
    assert library.search(MARKER).total == 1
    assert library.search("白鹤滩").total == 1

    # vanished: dropped from index and catalogue
    a.unlink()
    report = library.sync()
    assert [Path(p).name for p in report.removed] == ["a.txt"]
    assert library.search("白鹤滩").total == 0
    assert len(library.entries()) == 6


def test_identical_copies_are_one_document(tmp_path: Path) -> None:
    home, src = tmp_path / "home", tmp_path / "src"
    make_report(src, "one.txt", f"同一份{MARKER}。")
    make_report(src, "two.txt", f"同一份{MARKER}。")
    library = Library(home)
    library.add([src])
    assert library.search(MARKER).total == 1
    assert len(library.entries()) == 6
    assert len(read_catalog(home).sources) == 7


@pytest.mark.parametrize("folder", ["a-first", "zz-last"])
def test_a_users_copy_of_a_bundled_report_is_the_one_listed(tmp_path: Path, folder: str) -> None:
    """Of identical copies, the user's file is listed (with its path), never the bundled one,
    whether its folder sorts before or after the bundled seeds' folder."""
    seed = seed_files()[2]
    copy = tmp_path / folder / "mine.txt"
    copy.parent.mkdir()
    copy.write_bytes(seed.read_bytes())
    library = Library(tmp_path / "home")
    library.sync()  # the seeds first, then the user's copy in a later batch
    library.add([copy])
    listed = [
        e for e in library.entries() if e.id == hashlib.sha1(seed.read_bytes()).hexdigest()[:12]
    ]
    assert [(Path(e.path), e.bundled) for e in listed] == [(copy, False)]
    assert len(library.entries()) == 5


def test_bad_files_are_reported_skipped_and_not_retried(tmp_path: Path) -> None:
    home, src = tmp_path / "home", tmp_path / "src"
    make_report(src, "good.txt", f"好文件{MARKER}。")
    (src / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (src / "empty.md").write_bytes(b"")
    library = Library(home)
    report = library.add([src])
    failed = {Path(p).name for p, _ in report.failed}
    assert "binary.txt" in failed
    assert all(msg for _, msg in report.failed) and all("\n" not in m for _, m in report.failed)
    assert library.search(MARKER).total == 1
    assert not library.needs_indexing()
    assert not library.sync().changed


def test_add_missing_path_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ReportError, match="no such file"):
        Library(tmp_path / "home").add([tmp_path / "nope"])


def test_fingerprint_change_rebuilds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    home = tmp_path / "home"
    library = Library(home)
    library.sync()
    old = read_catalog(home).index_name
    monkeypatch.setattr(schema, "SCHEMA_VERSION", schema.SCHEMA_VERSION + 1000)
    assert library.needs_indexing()
    report = library.sync()
    assert report.rebuilt and any("rebuilding" in m for m in report.messages)
    new = read_catalog(home).index_name
    assert new != old and not (home / "index" / old).exists()
    assert library.search("林麝").total >= 1


def test_rebuild_switches_to_a_new_index(synced_home: Path) -> None:
    library = Library(synced_home)
    before = library.search("高质量发展").total
    report = library.rebuild()
    assert report.rebuilt
    assert library.search("高质量发展").total == before > 0


def test_cancel_leaves_the_library_as_it_was(tmp_path: Path) -> None:
    home, src = tmp_path / "home", tmp_path / "src"
    library = Library(home)
    library.sync()
    for i in range(5):
        make_report(src, f"r{i}.txt", f"第{i}份{MARKER}。")
    cancel = threading.Event()

    def progress(done: int, total: int, name: str) -> None:
        if done >= 2:
            cancel.set()

    report = library.add([src], progress=progress, cancel=cancel)
    assert report.cancelled
    assert library.search(MARKER).total == 0
    assert library.needs_indexing()
    library.sync()
    assert library.search(MARKER).total == 5


def test_parallel_workers_give_the_same_index(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Big batches go to worker processes; the result must equal the in-process one."""
    src = tmp_path / "src"
    for i in range(6):
        make_report(src, f"p{i}.txt", f"并行第{i}份{MARKER}。")
    serial = Library(tmp_path / "serial")
    serial.add([src])
    monkeypatch.setattr(indexer, "PARALLEL_MIN_BYTES", 0)
    parallel = Library(tmp_path / "parallel")
    report = parallel.add([src])
    assert report.workers == 2 or (os.cpu_count() or 1) < 2
    for query in (MARKER, "高质量发展", "林麝", '"黄河流域生态保护"'):
        a, b = serial.search(query, limit=500), parallel.search(query, limit=500)
        assert a.total == b.total
        assert sorted((h.doc_id, h.paragraph, h.spans) for h in a.hits) == sorted(
            (h.doc_id, h.paragraph, h.spans) for h in b.hits
        )


def test_search_from_threads_while_syncing(tmp_path: Path) -> None:
    home, src = tmp_path / "home", tmp_path / "src"
    library = Library(home)
    library.sync()
    for i in range(4):
        make_report(src, f"t{i}.txt", f"线程第{i}份{MARKER}。")
    errors: list[BaseException] = []
    stop = threading.Event()

    def searcher() -> None:
        while not stop.is_set():
            try:
                result = library.search("林麝")
                assert result.total >= 1
            except BaseException as exc:
                errors.append(exc)
                return

    threads = [threading.Thread(target=searcher) for _ in range(2)]
    for t in threads:
        t.start()
    try:
        library.add([src])
    finally:
        stop.set()
        for t in threads:
            t.join()
    assert errors == []
    assert library.search(MARKER).total == 4
