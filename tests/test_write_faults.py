"""Faults while writing: a full disk or a read-only home never breaks search.

A failed write leaves the last committed index searchable, removes what it half wrote, says one
line with the space needed, and is not retried by every search; a read-only home serves
read-only search with one notice.
"""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
import uuid
from pathlib import Path
from typing import Any

import pytest

from reporttui.core.errors import ReportError
from reporttui.core.index import indexer
from reporttui.core.library.catalog import read_catalog
from reporttui.core.library.library import Library
from reporttui.core.library.locking import WriteLock
from reporttui.core.paths import seed_files

SEED = next(p for p in seed_files() if p.name.startswith("001_"))


def make_reports(folder: Path, count: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    base = SEED.read_text(encoding="utf-8")
    for i in range(count):
        (folder / f"r{i}.txt").write_text(f"{base}\n\n第{i}份报告写到鹿鸣工程。\n", "utf-8")
    return folder


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    home = tmp_path_factory.mktemp("faults") / "home"
    library = Library(home)
    library.sync()
    library.close()
    return home


@pytest.fixture()
def home(seeded: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "home"
    shutil.copytree(seeded, copy)
    return copy


def index_files(home: Path) -> set[str]:
    folder = home / "index" / read_catalog(home).index_name
    return {p.name for p in folder.iterdir()}


def test_disk_full_at_commit(home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = index_files(home)
    src = make_reports(tmp_path / "src", 3)

    def full_disk(writer: Any, segments: list[Any], **kwargs: Any) -> None:
        # What a commit gets to write before the disk fills: the new segment's files (the
        # project's MAIN_<id>.rtp postings and Whoosh's MAIN_<id>.* parts), then a part cut
        # short; the table of contents is never written.
        writer.finish_segment()
        folder = Path(writer.writer.storage.folder)
        (folder / "MAIN_halfwrittenseg12.rtp").write_bytes(b"x" * 100_000)
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(indexer, "commit_with_segments", full_disk)
    notices: list[str] = []
    library = Library(home, notify=notices.append)
    with pytest.raises(ReportError) as caught:
        library.add([src])
    message = str(caught.value)
    assert "no space left" in message and "needed" in message and "\n" not in message
    assert index_files(home) == before  # half-written segment removed, nothing else touched
    assert sum(n.endswith(".rtp") for n in before) == 1
    assert library.search("林麝").total >= 1  # the last committed index still serves
    # Not retried by every search: needs_indexing says no (once, with the reason).
    searcher = Library(home, notify=notices.append)
    assert not searcher.needs_indexing()
    assert not searcher.needs_indexing()
    assert sum("no space left" in n for n in notices) == 1
    assert searcher.search("鹿鸣工程").total == 0
    # `reporttui index` retries, and once there is room it works and forgets the failure.
    monkeypatch.undo()
    report = Library(home).sync()
    assert len(report.added) == 3
    assert Library(home).search("鹿鸣工程").total == 3
    assert not (home / "last-update-failed.json").exists()


def test_disk_full_while_adding_documents(
    home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    src = make_reports(tmp_path / "src", 3)
    real = indexer.add_sources

    def failing(writer: Any, *args: Any, **kwargs: Any) -> Any:
        real(writer, *args, **kwargs)
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(indexer, "add_sources", failing)
    library = Library(home)
    with pytest.raises(ReportError, match="no space left"):
        library.add([src])
    assert library.search("林麝").total >= 1
    leftovers = [n for n in index_files(home) if n.endswith(".tmp")]
    assert leftovers == []


def test_read_only_home_serves_search(
    home: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    make_reports(tmp_path / "src", 1)
    (tmp_path / "src" / "r0.txt").touch()

    def read_only(self: WriteLock, *args: Any, **kwargs: Any) -> bool:
        raise OSError(errno.EROFS, "Read-only file system", str(self.path))

    monkeypatch.setattr(WriteLock, "acquire", read_only)
    notices: list[str] = []
    library = Library(home, notify=notices.append)
    report = library.sync(wait=False)
    assert report.read_only and report.busy
    report = library.sync(wait=False)
    assert sum("read-only" in n for n in notices) == 1
    assert library.search("林麝").total >= 1


def _mount_tmpfs(where: Path, size: str) -> bool:
    if os.geteuid() != 0 or not shutil.which("mount"):
        return False
    where.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", f"rt-{uuid.uuid4().hex[:6]}", str(where)],
        capture_output=True,
    )
    return done.returncode == 0


def reporttui() -> str:
    here = Path(sys.executable).parent / "reporttui"
    return str(here) if here.exists() else "reporttui"


def test_a_real_full_disk_and_a_real_read_only_home(tmp_path: Path) -> None:
    """On a small tmpfs (root only; skipped elsewhere): the CLI as a user meets it."""
    disk = tmp_path / "disk"
    if not _mount_tmpfs(disk, "12m"):
        pytest.skip("needs root to mount a small tmpfs")
    try:
        env = {**os.environ, "REPORTTUI_HOME": str(disk / "home")}

        def run(*args: str) -> subprocess.CompletedProcess[str]:
            return subprocess.run(
                [reporttui(), *args], capture_output=True, text=True, env=env, timeout=120
            )

        assert run("search", "林麝").returncode == 0  # the seeds fit
        src = tmp_path / "src"
        src.mkdir()
        for i in range(80):  # every seed 16 times over: more than the disk holds
            seed = seed_files()[i % 5]
            (src / f"r{i}.txt").write_text(
                seed.read_text(encoding="utf-8") + f"\n\n第{i}份。\n", "utf-8"
            )
        added = run("add", str(src))
        assert added.returncode == 1
        lines = added.stderr.strip().splitlines()
        assert len(lines) == 1 and "no space left" in lines[0] and "MB needed" in lines[0]
        # The failure is remembered on the full disk (written over a slot reserved before the
        # update), so searches do not retry the update.
        memory = (disk / "home" / "last-update-failed.json").read_text(encoding="utf-8")
        assert "no space left" in memory
        folder = disk / "home" / "index" / read_catalog(disk / "home").index_name
        # No half-written segment stays: only the committed one's files (MAIN_<id>.rtp, the
        # project's postings, and Whoosh's MAIN_<id>.<part> files).
        assert len({p.name.split(".")[0] for p in folder.glob("MAIN_*.*")}) == 1
        assert len(list(folder.glob("MAIN_*.rtp"))) == 1
        searched = run("search", "林麝")
        assert searched.returncode == 0 and "matching paragraph" in searched.stdout
        assert "searching the last committed index" in searched.stderr
        assert "indexing" not in searched.stderr
        subprocess.run(["mount", "-o", "remount,ro", str(disk)], check=True)
        searched = run("search", "林麝")
        assert searched.returncode == 0 and "matching paragraph" in searched.stdout
        indexed = run("index")
        assert indexed.returncode == 1 and len(indexed.stderr.strip().splitlines()) == 1
        added = run("add", str(SEED))  # nothing can be added: an error, not "0 added"
        assert added.returncode == 1 and "read-only" in added.stderr
        assert len(added.stderr.strip().splitlines()) == 1, added.stderr
    finally:
        subprocess.run(["umount", str(disk)], capture_output=True)


def test_a_file_above_the_size_limit_is_refused_in_one_line(
    home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("REPORTTUI_MAX_FILE_MB", "0.05")
    src = make_reports(tmp_path / "src", 2)
    big = src / "big.txt"
    big.write_text(SEED.read_text(encoding="utf-8") * 20, encoding="utf-8")  # ~0.2 MB
    with pytest.raises(ReportError, match="above the 50 kB limit"):
        Library(home).add([big])
    library = Library(home)
    report = library.add([src])
    refused = [error for path, error in report.failed if path == str(big)]
    assert len(refused) == 1 and "REPORTTUI_MAX_FILE_MB" in refused[0]
    assert len(report.added) == 2
    monkeypatch.setenv("REPORTTUI_MAX_FILE_MB", "8")  # a raised limit lets it in
    assert Library(home).sync().added == [str(big)]


def test_ties_keep_their_order_across_rebuilds(home: Path, tmp_path: Path) -> None:
    src = make_reports(tmp_path / "src", 6)  # six reports that score the same
    library = Library(home)
    library.add([src])
    first = [(h.doc_id, h.paragraph) for h in library.search("鹿鸣工程", limit=50).hits]
    library.rebuild()
    again = [(h.doc_id, h.paragraph) for h in Library(home).search("鹿鸣工程", limit=50).hits]
    assert first == again and len(first) == 6
    assert first == sorted(first)
