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
