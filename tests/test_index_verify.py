"""``reporttui index`` verifies every index file against the checksums recorded at commit and
repairs what it finds (bytes overwritten inside a segment) without ``--rebuild``."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from reporttui.core.library.catalog import read_catalog
from reporttui.core.library.library import Library
from reporttui.core.library.verify import MANIFEST, verify
from reporttui.core.paths import seed_files

SEED = next(p for p in seed_files() if p.name.startswith("001_"))
QUERIES = ("高质量发展", "林麝", "营商环境")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, int]]:
    root = tmp_path_factory.mktemp("verify")
    src = root / "src"
    src.mkdir()
    base = SEED.read_text(encoding="utf-8")
    for i in range(3):
        (src / f"r{i}.txt").write_text(f"{base}\n\n第{i}份报告写到鹿鸣工程。\n", encoding="utf-8")
    home = root / "home"
    library = Library(home)
    library.sync()
    library.add([src])
    totals = {q: library.search(q, limit=500).total for q in (*QUERIES, "鹿鸣工程")}
    library.close()
    return home, totals


@pytest.fixture()
def home(built: tuple[Path, dict[str, int]], tmp_path: Path) -> Path:
    copy = tmp_path / "home"
    shutil.copytree(built[0], copy)
    return copy


def index_folder(home: Path) -> Path:
    return home / "index" / read_catalog(home).index_name


def test_every_commit_records_checksums(home: Path) -> None:
    folder = index_folder(home)
    assert (folder / MANIFEST).exists()
    found = verify(folder)
    assert found.checked >= 2 and not found.damaged


def segment_file(folder: Path, suffix: str) -> Path:
    """The largest file of a segment ending in ``suffix`` (the format writes one file per part:
    ``MAIN_<id>.rtp`` the project's postings, ``MAIN_<id>._stored.col``, ``.trm``... Whoosh's)."""
    found = [p for p in folder.glob(f"MAIN_*{suffix}") if not p.name.endswith("WRITELOCK")]
    assert found, f"no MAIN_*{suffix} in {sorted(p.name for p in folder.iterdir())}"
    return max(found, key=lambda p: p.stat().st_size)


@pytest.mark.parametrize("where", [0.1, 0.5, 0.9])
def test_overwritten_segment_bytes_are_repaired_by_index(
    home: Path, built: tuple[Path, dict[str, int]], where: float
) -> None:
    overwrite_and_repair(home, built, segment_file(index_folder(home), ".rtp"), where)


@pytest.mark.parametrize("suffix", ["._stored.col", ".trm"])
def test_overwritten_whoosh_segment_files_are_repaired_by_index(
    home: Path, built: tuple[Path, dict[str, int]], suffix: str
) -> None:
    overwrite_and_repair(home, built, segment_file(index_folder(home), suffix), 0.5)


def overwrite_and_repair(
    home: Path, built: tuple[Path, dict[str, int]], segment: Path, where: float
) -> None:
    folder = index_folder(home)
    data = bytearray(segment.read_bytes())
    at = int(len(data) * where)
    data[at : at + 64] = bytes(64)  # 64 bytes zeroed: same size, so only a checksum sees it
    segment.write_bytes(bytes(data))
    assert verify(folder).bad_segments
    messages: list[str] = []
    library = Library(home, notify=messages.append)
    report = library.sync(verify=True)  # what `reporttui index` runs
    assert not report.rebuilt
    said = [m for m in messages if "damaged segment" in m]
    assert len(said) == 1 and all("\n" not in m for m in messages)
    assert "re-indexing the 0 " not in said[0], said  # the damaged segment really was dropped
    assert not verify(index_folder(home)).damaged
    for query, total in built[1].items():
        assert library.search(query, limit=500).total == total, query
    assert not library.needs_indexing()
    assert library.sync().summary().startswith("0 added, 0 updated")


def test_a_damaged_table_of_contents_means_a_rebuild(
    home: Path, built: tuple[Path, dict[str, int]]
) -> None:
    folder = index_folder(home)
    toc = next(folder.glob("_MAIN_*.toc"))
    data = bytearray(toc.read_bytes())
    data[len(data) // 2] ^= 0xFF
    toc.write_bytes(bytes(data))
    messages: list[str] = []
    library = Library(home, notify=messages.append)
    report = library.sync(verify=True)
    assert report.rebuilt and any("damaged" in m for m in messages)
    for query, total in built[1].items():
        assert library.search(query, limit=500).total == total, query


def test_an_index_without_checksums_gets_them(home: Path) -> None:
    folder = index_folder(home)
    (folder / MANIFEST).unlink()
    Library(home).sync(verify=True)
    assert (folder / MANIFEST).exists() and not verify(folder).damaged


def test_reporttui_index_repairs_as_a_user_runs_it(
    home: Path, built: tuple[Path, dict[str, int]]
) -> None:
    import os
    import subprocess
    import sys

    folder = index_folder(home)
    segment = segment_file(folder, ".rtp")
    with segment.open("r+b") as f:
        f.seek(segment.stat().st_size // 2)
        f.write(b"\xff" * 32)
    command = Path(sys.executable).parent / "reporttui"
    env = {**os.environ, "REPORTTUI_HOME": str(home)}
    done = subprocess.run(
        [str(command), "index"], capture_output=True, text=True, env=env, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert "damaged segment" in done.stderr and "Traceback" not in done.stderr
    assert Library(home).search("鹿鸣工程", limit=100).total == built[1]["鹿鸣工程"]


@pytest.mark.parametrize("part", ["_stored.col", "rtp", "doc_id.col"])
def test_every_segment_file_cut_short_is_refused_before_a_search_reads_it(
    home: Path, part: str
) -> None:
    """A cut stored-rows file can decode as plausible rows (whatever its tail bytes say), so the
    searcher compares every file's size with the one recorded at commit when it opens: each
    segment, whichever rows the query happens to read."""
    from reporttui.core.errors import ReportError
    from reporttui.core.library.verify import cut_file

    folder = home / "index" / read_catalog(home).index_name
    assert cut_file(folder) is None
    for path in sorted(folder.glob(f"*.{part}")):
        with path.open("r+b") as f:
            f.truncate(path.stat().st_size - 1)
        assert cut_file(folder) == path.name
        with pytest.raises(ReportError, match="damaged"):
            Library(home).search("高质量发展")
        break
