"""`reporttui outline PATH [--json]` through click, and as the installed command."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import seed_path
from reporttui.cli.main import _register, cli


@pytest.fixture(scope="module")
def runner() -> CliRunner:
    _register()
    return CliRunner()


def test_json_has_the_agreed_shape(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["outline", str(seed_path(4)), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    for key in ("title", "region", "year", "kind", "date", "sections", "dropped"):
        assert key in data
    assert (data["region"], data["year"], data["kind"]) == ("太原市", 2025, "政府工作报告")
    top = data["sections"]
    assert [s["title"] for s in top] == [
        "",
        "二、2025年工作安排",
        "三、全面加强政府自身建设",
        "建设国家区域中心城市 再现“锦绣太原城”盛景",
    ]
    plan = top[1]
    assert set(plan) >= {"title", "level", "paragraphs", "children"}
    assert plan["level"] == 1 and len(plan["children"]) == 8
    assert plan["children"][0]["paragraphs"][0].startswith("产业体系向新图强")
    assert top[3]["part"] == "appended"
    assert "(上接第1版)" in data["dropped"]
    assert "锦绣太原" in result.output  # ensure_ascii=False: Chinese is printed as is


def test_tree_output_shows_title_metadata_levels_counts_and_parts(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["outline", str(seed_path(3))])
    assert result.exit_code == 0, result.output
    out = result.output
    assert "关于古交市2025年国民经济和社会发展计划执行情况" in out
    assert "古交市 · 2026 · 计划执行情况与计划草案报告 · 2025-12-29" in out
    assert "一、2025年国民经济和社会发展计划执行情况" in out
    assert "传统工业固本升级。  L3 lead, 1 ¶" in out
    appended = runner.invoke(cli, ["outline", str(seed_path(4))]).output
    assert "[appended] 建设国家区域中心城市" in appended


def test_errors_are_one_line_without_traceback(tmp_path: Path) -> None:
    exe = Path(sys.executable).with_name("reporttui")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    for target, message in (
        (tmp_path / "missing.txt", "no such file"),
        (tmp_path, "is a directory"),
        (empty, "is empty"),
    ):
        proc = subprocess.run([str(exe), "outline", str(target)], capture_output=True, text=True)
        assert proc.returncode == 1
        assert proc.stdout == ""
        assert proc.stderr.count("\n") == 1 and message in proc.stderr
        assert "Traceback" not in proc.stderr


def test_outline_json_says_where_each_field_came_from(runner: CliRunner, tmp_path: Path) -> None:
    p = tmp_path / "r.txt"
    p.write_text(
        "政府工作报告\n\n——2025年1月6日在朝阳市第十二届人民代表大会第四次会议上\n\n市长 张三\n\n"
        "各位代表：\n\n现在，我代表市人民政府向大会报告工作，请予审议。\n",
        "utf-8",
    )
    out = runner.invoke(cli, ["outline", "--json", str(p)])
    assert out.exit_code == 0, out.output
    data = json.loads(out.output)
    assert data["region"] == "朝阳市"
    assert data["evidence"]["region"].startswith("meeting line")
    text = runner.invoke(cli, ["outline", str(p)]).output
    assert "evidence:" in text and "meeting line" in text
