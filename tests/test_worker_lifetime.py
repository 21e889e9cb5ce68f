"""No process of a build outlives it: ``kill -9`` of a parallel add or rebuild at several points
leaves no worker (nor multiprocessing's resource tracker) running, and a finished parallel build
leaves no temp folder behind."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from reporttui.core.library.catalog import read_catalog
from reporttui.core.library.library import Library
from reporttui.core.library.lifetime import parent_alive
from reporttui.core.paths import seed_files

SEED = next(p for p in seed_files() if p.name.startswith("001_"))


def make_reports(folder: Path, count: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    base = SEED.read_text(encoding="utf-8")
    for i in range(count):
        (folder / f"r{i:03d}.txt").write_text(f"{base}\n\n第{i}份报告写到鹿鸣工程。\n", "utf-8")


def group_members(pgid: int) -> list[int]:
    """Live (not zombie) processes of a process group, from /proc."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2 :].split()
        if int(fields[2]) == pgid and fields[0] != "Z":
            found.append(int(entry.name))
    return found


def children_of(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat[stat.rindex(")") + 2 :].split()[1]) == pid:
                found.append(int(entry.name))
    return found


SCRIPT = """
import sys, time
from pathlib import Path
from reporttui.core.index import indexer
from reporttui.core.library.library import Library

indexer.PARALLEL_MIN_BYTES = 0
point = {point!r}

def progress(done, total, name):
    if point == "halfway" and done == total // 2:
        print("POINT", flush=True)
        time.sleep(120)
    if point == "last" and done == total and total:
        print("POINT", flush=True)
        time.sleep(120)

if __name__ == "__main__":
    library = Library(Path({home!r}))
    if {rebuild!r}:
        library.rebuild(progress=progress)
    else:
        library.add([Path({src!r})], progress=progress)
    print("DONE", flush=True)
"""


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")
@pytest.mark.parametrize(
    ("point", "rebuild"),
    [("start", False), ("halfway", False), ("last", False), ("halfway", True)],
    ids=["add-at-worker-start", "add-halfway", "add-after-last-document", "rebuild-halfway"],
)
def test_kill_9_leaves_no_process_of_the_build(tmp_path: Path, point: str, rebuild: bool) -> None:
    home, src = tmp_path / "home", tmp_path / "src"
    make_reports(src, 8)
    if rebuild:
        Library(home).add([src])
    script = tmp_path / "build.py"
    script.write_text(
        textwrap.dedent(SCRIPT).format(point=point, home=str(home), src=str(src), rebuild=rebuild)
    )
    child = subprocess.Popen(
        [sys.executable, str(script)], stdout=subprocess.PIPE, text=True, start_new_session=True
    )
    try:
        assert child.stdout is not None
        if point == "start":
            deadline = time.monotonic() + 30
            while time.monotonic() < deadline and len(children_of(child.pid)) < 2:
                time.sleep(0.02)  # kill while the workers are still starting up
            assert len(children_of(child.pid)) >= 2, "no workers started"
        else:
            assert child.stdout.readline().strip() == "POINT"
            assert len(group_members(child.pid)) >= 3  # parent, workers, resource tracker
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=10)
        deadline = time.monotonic() + 8
        while time.monotonic() < deadline and group_members(child.pid):
            time.sleep(0.1)
        assert group_members(child.pid) == [], "processes of the killed build still run"
    finally:
        for pid in group_members(child.pid):  # only the processes this test started
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGKILL)
    library = Library(home)
    library.add([src])  # the next run finishes the job
    assert library.search("鹿鸣工程", limit=100).total == 8


def test_parallel_build_leaves_no_temp_folders(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reporttui.core.index import indexer

    monkeypatch.setattr(indexer, "PARALLEL_MIN_BYTES", 0)
    home, src = tmp_path / "home", tmp_path / "src"
    make_reports(src, 6)
    library = Library(home)
    report = library.add([src])
    assert report.workers >= 2 or (os.cpu_count() or 1) < 2
    folder = home / "index" / read_catalog(home).index_name
    assert [p.name for p in folder.iterdir() if p.name.endswith(".tmp")] == []


def test_parent_alive_is_false_for_another_pid() -> None:
    assert parent_alive(os.getppid())
    assert not parent_alive(os.getppid() + 1_000_000)
