"""The tags and diff commands (CLI, seeds only)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import seed_path
from reporttui.cli.main import _register, cli, main

_register()


def run(tmp_path: Path, *args: str, code: int = 0) -> str:
    result = CliRunner().invoke(cli, ["--home", str(tmp_path / "home"), *args])
    assert result.exit_code == code, result.output
    return result.output


def test_tags_add_list_export_remove(tmp_path: Path) -> None:
    doc = str(seed_path(4))
    assert "no tags yet" in run(tmp_path, "tags")
    assert "改革, 营商" in run(tmp_path, "tags", "add", doc, "5", "营商", "改革", "--note", "笔记")
    run(tmp_path, "tags", "add", doc, "7", "营商")
    listing = run(tmp_path, "tags", "list")
    assert "营商\t2" in listing and "太原市 2" in listing and "2025 2" in listing
    data = json.loads(run(tmp_path, "tags", "list", "--json"))
    assert {d["tag"]: d["count"] for d in data} == {"营商": 2, "改革": 1}
    rows = list(csv.DictReader(io.StringIO(run(tmp_path, "tags", "export", "--csv"))))
    assert [r["paragraph"] for r in rows] == ["5", "7"] and rows[0]["note"] == "笔记"
    assert all(r["region"] == "太原市" and r["year"] == "2025" and r["citation"] for r in rows)
    md = run(tmp_path, "tags", "export", "--tag", "改革", "--md")
    assert md.startswith("# 标签 改革") and "第5段" in md and "第7段" not in md
    out = tmp_path / "out.json"
    run(tmp_path, "tags", "export", "--json", "-o", str(out))
    assert len(json.loads(out.read_text(encoding="utf-8"))) == 2
    run(tmp_path, "tags", "remove", doc, "5", "改革")
    assert "改革" not in run(tmp_path, "tags", "list")


def test_tags_errors_are_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = str(seed_path(4))
    for args, code in (
        (["tags", "add", doc, "99999", "x"], 1),
        (["tags", "export"], 2),
        (["tags", "export", "--md", "--tag", "没有"], 1),
        (["tags", "add", doc, "3", " "], 1),
    ):
        with pytest.raises(SystemExit) as exit_info:
            main(["--home", str(tmp_path / "home"), *args])
        assert exit_info.value.code == code
        err = capsys.readouterr().err
        assert "Traceback" not in err and err.strip()


def test_diff_plain_and_json(tmp_path: Path) -> None:
    a, b = str(seed_path(4)), str(seed_path(0))
    out = run(tmp_path, "diff", a, a, "--section", "target")
    assert out.startswith("== 主要目标  (0 changed") and "[-" not in out
    data = json.loads(run(tmp_path, "diff", a, b, "--json"))
    assert data["passages"] and {"label", "rows"} <= set(data["passages"][0])
    plain = run(tmp_path, "diff", a, b, "--changes-only")
    assert "\x1b[" not in plain and ("{+" in plain or "[-" in plain)
