"""The compare, targets and keywords commands."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from compare_helpers import seed_path
from reporttui.cli.main import _register, cli, main

_register()


def run(tmp_path: Path, *args: str) -> str:
    result = CliRunner().invoke(
        cli, ["--home", str(tmp_path / "home"), *args], catch_exceptions=False
    )
    assert result.exit_code == 0, result.output
    return result.output


def test_compare_json_shape(tmp_path: Path) -> None:
    out = run(tmp_path, "compare", str(seed_path("古交2025")), str(seed_path("太原2025")), "--json")
    data = json.loads(out)
    assert "古交" in out and "\\u" not in out  # ensure_ascii=False
    assert data["a"]["region"] == "古交市" and data["b"]["region"] == "太原市"
    assert data["a"]["plan_found"] is True
    themes = [row["theme"] for row in data["rows"]]
    assert "生态环保" in themes and "开放" in themes
    for row in data["rows"]:
        assert set(row) >= {"theme", "a_sections", "b_sections", "shared_terms", "only_a", "only_b"}
        for ref in row["a_sections"] + row["b_sections"]:
            assert ref["title"] and "section_id" in ref and "evidence" in ref
    opening = next(r for r in data["rows"] if r["theme"] == "开放")
    assert opening["a_sections"] == [] and opening["gap"] == "a"


def test_compare_table(tmp_path: Path) -> None:
    out = run(tmp_path, "compare", str(seed_path("交城2025")), str(seed_path("古交2025")))
    assert "生态环保" in out and "安全稳定" in out
    assert "突出安全稳定互促" in out


def test_targets_json_rows(tmp_path: Path) -> None:
    out = run(tmp_path, "targets", str(seed_path("太原2025")), str(seed_path("古交2026")), "--json")
    rows = json.loads(out)
    keys = {
        "doc",
        "path",
        "region",
        "year",
        "indicator",
        "value",
        "unit",
        "qualifier",
        "kind",
        "text",
        "section",
        "scope",
    }
    assert all(set(r) == keys for r in rows)
    assert {
        "region": "太原市",
        "year": 2025,
        "indicator": "地区生产总值增长",
        "value": 5.0,
        "unit": "%",
        "qualifier": "左右",
        "kind": "target",
    }.items() <= next(
        r for r in rows if r["region"] == "太原市" and r["indicator"] == "地区生产总值增长"
    ).items()
    gdp = [r for r in rows if r["region"] == "古交市" and r["indicator"] == "地区生产总值"]
    assert gdp and gdp[0]["value"] == 95.0 and gdp[0]["kind"] == "result" and gdp[0]["year"] == 2025


def test_targets_csv_and_kind_filter(tmp_path: Path) -> None:
    out = run(tmp_path, "targets", str(seed_path("交城2025")), "--csv", "--kind", "result")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert rows and all(r["kind"] == "result" for r in rows)
    assert any(r["indicator"] == "地区生产总值" and r["value"] == "107.48" for r in rows)


def test_targets_table(tmp_path: Path) -> None:
    out = run(tmp_path, "targets", str(seed_path("太原2025")), str(seed_path("古交2026")))
    assert "5% 左右" in out and "6% 以上" in out and "20% 左右" in out


def test_keywords_json_with_vs(tmp_path: Path) -> None:
    out = run(
        tmp_path,
        "keywords",
        str(seed_path("古交2026")),
        "--vs",
        str(seed_path("古交2025")),
        "--json",
    )
    data = json.loads(out)
    assert set(data) >= {"doc", "top", "sections", "vs", "new", "rising", "falling"}
    assert all(t["count"] >= 1 for t in data["top"])  # ranked by keyness, not by count
    assert "林权" in [t["term"] for t in data["new"]]
    assert data["sections"] and all(s["title"] for s in data["sections"])


def test_keywords_bars(tmp_path: Path) -> None:
    out = run(tmp_path, "keywords", str(seed_path("太原2025")), "-n", "5")
    assert "太原" in out and "█" in out
    assert "推进" not in out


def test_keywords_bars_are_scaled_to_the_largest_count(tmp_path: Path) -> None:
    """ux r16: the bars were scaled to the first term's count, but the list is in keyness
    order, so a later, more frequent term drew a bar several times the chart's width."""
    from reporttui.cli.compare import BAR_WIDTH

    out = run(tmp_path, "keywords", str(seed_path("太原2025")), "-n", "20")
    rows = [line for line in out.splitlines() if "█" in line or "▏" in line]
    counts = [int(line.split("│")[1]) for line in rows]
    assert len(rows) >= 10 and counts != sorted(counts, reverse=True)  # keyness order
    widths = [sum(ch in "█▏▎▍▌▋▊▉" for ch in line) for line in rows]
    assert max(widths) == BAR_WIDTH
    assert widths[counts.index(max(counts))] == BAR_WIDTH


def test_bad_document_is_one_line_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(
            [
                "--home",
                str(tmp_path / "home"),
                "compare",
                str(tmp_path / "missing.txt"),
                str(seed_path("太原2025")),
            ]
        )
    assert exc.value.code == 1
    err = capsys.readouterr().err
    assert err.startswith("reporttui: ") and len(err.strip().splitlines()) == 1
