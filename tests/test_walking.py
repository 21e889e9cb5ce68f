"""Walking folders: special files, symlink loops and odd names never hang or break a folder;
each is skipped with one line and the rest is indexed. Every input type under a timeout."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from reporttui.core.library.catalog import read_catalog, scan_root
from reporttui.core.library.library import Library
from reporttui.core.paths import seed_files

SEED = next(p for p in seed_files() if p.name.startswith("001_"))
TIMEOUT = 10


def reporttui() -> str:
    here = Path(sys.executable).parent / "reporttui"
    return str(here) if here.exists() else "reporttui"


def report(word: str) -> bytes:
    return (SEED.read_text(encoding="utf-8") + f"\n\n今年推进{word}工程。\n").encode("utf-8")


@pytest.fixture(scope="module")
def seeded_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    home = tmp_path_factory.mktemp("seeded") / "home"
    Library(home).sync()
    return home


@pytest.fixture()
def odd_folder(tmp_path: Path) -> Path:
    """A folder of two good reports (one with a non-UTF-8 name) and every kind of odd entry."""
    folder = tmp_path / "odd"
    folder.mkdir()
    (folder / "good.txt").write_bytes(report("鹿鸣"))
    with open(os.fsencode(str(folder)) + b"/\xb1\xa8\xb8\xe6.txt", "wb") as out:  # GBK 报告
        out.write(report("麒麟"))
    os.mkfifo(folder / "fifo.txt")
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(folder / "sock.md"))
    sock.close()
    os.symlink(folder / "loop2.md", folder / "loop1.md")
    os.symlink(folder / "loop1.md", folder / "loop2.md")
    os.symlink(folder / "nowhere.md", folder / "dangling.md")
    os.symlink(folder, folder / "again")  # a folder link to itself: not followed
    os.symlink("/dev/zero", folder / "zero.txt")
    return folder


def test_scan_skips_every_odd_entry_with_a_line(odd_folder: Path) -> None:
    problems: list[str] = []
    found = scan_root(odd_folder, problems)
    assert {os.fsencode(p.name) for p in found} == {b"good.txt", b"\xb1\xa8\xb8\xe6.txt"}
    text = "\n".join(problems)
    for name, why in [
        ("fifo.txt", "FIFO"),
        ("sock.md", "socket"),
        ("loop1.md", "symlink loop"),
        ("loop2.md", "symlink loop"),
        ("dangling.md", "broken symlink"),
        ("zero.txt", "character device"),
    ]:
        assert any(name in p and why in p for p in problems), (name, text)


def test_a_folder_with_odd_entries_still_indexes_the_rest(odd_folder: Path, tmp_path: Path) -> None:
    home = tmp_path / "home"
    env = {**os.environ, "REPORTTUI_HOME": str(home)}
    done = subprocess.run(
        [reporttui(), "add", str(odd_folder)], capture_output=True, env=env, timeout=60
    )
    assert done.returncode == 0, done.stderr
    err = done.stderr.decode("utf-8")  # valid UTF-8: the odd name is shown escaped
    assert "Traceback" not in err
    assert "fifo.txt: a FIFO" in err and "symlink loop" in err
    # The non-UTF-8 name is stored losslessly and shown escaped.
    catalog = read_catalog(home)
    names = {os.fsencode(p) for p in catalog.sources}
    assert os.fsencode(str(odd_folder)) + b"/\xb1\xa8\xb8\xe6.txt" in names
    for args in (["search", "麒麟工程", "--json"], ["docs", "--json"], ["index"], ["docs"]):
        run = subprocess.run([reporttui(), *args], capture_output=True, env=env, timeout=TIMEOUT)
        assert run.returncode == 0, (args, run.stderr)
        run.stdout.decode("utf-8")
        if "--json" in args:
            payload = json.loads(run.stdout)
            rows = payload["hits"] if isinstance(payload, dict) else payload
            assert any(r["path"].endswith("/\\xb1\\xa8\\xb8\\xe6.txt") for r in rows), rows
    library = Library(home)
    assert library.search("鹿鸣工程").total >= 1 and library.search("麒麟工程").total >= 1


@pytest.mark.parametrize(
    "kind", ["fifo", "socket", "device", "loop", "dangling", "dir", "empty", "binary", "huge"]
)
def test_every_odd_input_is_one_line_within_the_timeout(
    odd_folder: Path, tmp_path: Path, kind: str, seeded_home: Path
) -> None:
    path = {
        "fifo": odd_folder / "fifo.txt",
        "socket": odd_folder / "sock.md",
        "device": odd_folder / "zero.txt",
        "loop": odd_folder / "loop1.md",
        "dangling": odd_folder / "dangling.md",
        "dir": odd_folder,
        "empty": tmp_path / "empty.txt",
        "binary": tmp_path / "binary.md",
        "huge": tmp_path / "huge.txt",
    }[kind]
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.md").write_bytes(bytes(range(256)) * 64)
    (tmp_path / "huge.txt").write_bytes(report("巨量") * 10)  # above the limit set below
    home = tmp_path / "home"
    shutil.copytree(seeded_home, home)  # the seeds are indexed: only the odd input is timed
    env = {**os.environ, "REPORTTUI_HOME": str(home), "REPORTTUI_MAX_FILE_MB": "0.05"}
    for command in (["outline", str(path)], ["add", str(path)]):
        if kind == "dir" and command[0] == "add":
            continue
        done = subprocess.run(
            [reporttui(), *command], capture_output=True, env=env, timeout=TIMEOUT
        )
        assert done.returncode != 0, (command, done.stdout)
        lines = done.stderr.decode("utf-8").strip().splitlines()
        # One line for the refusal (a first `add` also reports the seeds it indexed).
        assert all(line.startswith("reporttui: ") for line in lines), (command, lines)
        assert len(lines) == 1 or (command[0] == "add" and "library rebuilt" in lines[0])
        assert path.name in lines[-1] and "Traceback" not in done.stderr.decode()


def test_a_fifo_swapped_in_after_the_scan_does_not_hang(tmp_path: Path) -> None:
    from reporttui.core.library.library import _sha1_file

    fifo = tmp_path / "r.txt"
    os.mkfifo(fifo)
    with pytest.raises(OSError):
        _sha1_file(fifo)
