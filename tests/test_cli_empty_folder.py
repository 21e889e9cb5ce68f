"""A folder with no report file in it or below is said, not silently "added" (ux, round 11)."""

from __future__ import annotations

import shutil
from pathlib import Path

from test_cli_main import one_line_error, run

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def _folder_without_reports(tmp_path: Path) -> Path:
    folder = tmp_path / "scans"
    (folder / "2025").mkdir(parents=True)
    (folder / "2025" / "报告.pdf").write_bytes(b"%PDF-1.4 not a text report")
    (folder / ".hidden").mkdir()
    (folder / ".hidden" / "old.txt").write_text("一、隐藏的文件夹不扫描", encoding="utf-8")
    return folder


def test_add_of_a_folder_without_reports_is_an_error(tmp_path: Path) -> None:
    folder = _folder_without_reports(tmp_path)
    home = tmp_path / "home"
    line = one_line_error(run("add", str(folder), home=str(home)))
    assert line.startswith(f"reporttui: {folder}: no report files (.txt, .md, .html, .htm)")
    assert line.endswith("nothing added")
    assert not (home / "catalog.json").exists()  # nothing was written


def test_add_with_one_empty_folder_adds_the_rest_and_names_it(tmp_path: Path) -> None:
    folder = _folder_without_reports(tmp_path)
    proc = run("add", str(folder), str(SEEDS), home=str(tmp_path / "home"))
    assert proc.returncode == 0, proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert (
        f"reporttui: {folder}: no report files (.txt, .md, .html, .htm) in this folder or below: skipped"
        in lines
    )
    assert any("5 added" in line for line in lines), proc.stderr


def test_a_folder_with_a_report_deep_inside_is_not_empty(tmp_path: Path) -> None:
    folder = _folder_without_reports(tmp_path)
    deep = folder / "2025" / "县" / "乡"
    deep.mkdir(parents=True)
    shutil.copy(next(SEEDS.glob("*.txt")), deep / "report.TXT")
    proc = run("add", str(folder), home=str(tmp_path / "home"))
    assert proc.returncode == 0, proc.stderr
    assert "no report files" not in proc.stderr
    docs = run("docs", "--json", home=str(tmp_path / "home"))
    assert "report.TXT" in docs.stdout


def test_opening_the_app_on_a_folder_without_reports_says_so(tmp_path: Path) -> None:
    folder = _folder_without_reports(tmp_path)
    line = one_line_error(run(str(folder), home=str(tmp_path / "home"), timeout=30))
    assert f"{folder}: no report files" in line and line.endswith("nothing added")
