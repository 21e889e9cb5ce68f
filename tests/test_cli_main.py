"""The command group: bad library homes and bad paths are one line and a non-zero exit."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPORTTUI = Path(sys.executable).with_name("reporttui")


def run(
    *argv: str, home: str | None = None, timeout: float = 60
) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    if home is not None:
        env["REPORTTUI_HOME"] = home
    return subprocess.run(
        [str(REPORTTUI), *argv],
        capture_output=True,
        text=True,
        env=env,
        timeout=timeout,
        stdin=subprocess.DEVNULL,
    )


def one_line_error(proc: subprocess.CompletedProcess[str]) -> str:
    assert proc.returncode != 0
    assert "Traceback" not in proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    return lines[0]


@pytest.mark.parametrize("command", [["search", "林麝"], ["index"], ["docs"], ["add", "seeds"], []])
def test_a_home_that_is_a_file(tmp_path: Path, command: list[str]) -> None:
    not_a_folder = tmp_path / "home"
    not_a_folder.write_text("x")
    line = one_line_error(run(*command, home=str(not_a_folder)))
    assert "not a folder" in line and str(not_a_folder) in line
    assert not_a_folder.read_text() == "x"


def test_a_home_that_cannot_be_made(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    line = one_line_error(run("search", "林麝", home=str(blocker / "sub")))
    assert "cannot use library home" in line


def test_opening_a_missing_path(tmp_path: Path) -> None:
    line = one_line_error(run(str(tmp_path / "missing.txt"), home=str(tmp_path / "h")))
    assert "no such file or folder" in line


def test_unknown_command_like_word_is_a_path(tmp_path: Path) -> None:
    """`reporttui WORD` treats WORD as a path to open (so a typo is a clear error, not the app)."""
    line = one_line_error(run("serach", home=str(tmp_path / "h")))
    assert "serach" in line


def test_a_folder_where_a_document_is_expected(tmp_path: Path) -> None:
    line = one_line_error(run("compare", str(tmp_path), "太原2025", home=str(tmp_path / "h")))
    assert "is a folder" in line


def test_keywords_top_must_be_positive(tmp_path: Path) -> None:
    proc = run("keywords", "太原2025", "-n", "0", home=str(tmp_path / "h"))
    assert proc.returncode == 2 and "Traceback" not in proc.stderr and "-n" in proc.stderr


def test_an_ambiguous_document_names_the_files_that_tell_them_apart(tmp_path: Path) -> None:
    """ux r16: two copies of one report (a corpus file and the seed of it) were listed as
    "aae4… 政府工作报告; 0676… 政府工作报告": the same words twice. Each now says its file."""
    seed = Path(__file__).resolve().parents[1] / "seeds" / "004_ca211e75efab253b.txt"
    copy = tmp_path / "in" / "太原市" / "2025.txt"
    copy.parent.mkdir(parents=True)
    copy.write_text(seed.read_text(encoding="utf-8") + "\n各位代表！\n", encoding="utf-8")
    home = str(tmp_path / "h")
    assert run("add", str(copy), home=home).returncode == 0
    line = one_line_error(run("compare", "太原2025", "古交2025", home=home))
    assert "matches 2 documents" in line
    assert "(太原市/2025.txt)" in line and f"(seeds/{seed.name})" in line
    assert line.count("太原市 2025 政府工作报告") == 2


def test_a_region_named_short_is_ambiguous_among_its_reports(tmp_path: Path) -> None:
    """ux r16: `compare 太原 古交2025` took the one report whose *title* says 太原 (古交's news
    item 跻身太原发展…) and compared it silently; 太原 names 太原市's reports."""
    home = str(tmp_path / "h")
    # the seeds: 太原市 2025's report, and 古交's news item whose title names 太原
    line = one_line_error(run("keywords", "太原", home=home))
    assert "'太原' matches 2 documents" in line and "add a year" in line
    assert "太原市 2025 政府工作报告" in line and "跻身太原发展" in line
