"""CLI output piped or redirected is never hard-wrapped; usage errors are one line and exit 2."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from reporttui.cli.main import _register, cli, main
from reporttui.core.paths import seed_files

MAIN = [sys.executable, "-c", "from reporttui.cli.main import main; main()"]
LONG_SEED = next(p for p in seed_files() if p.name.startswith("003_"))
"""The seed with the longest title (a 国民经济和社会发展计划 report: ~90 cells)."""


@pytest.fixture()
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "home"
    monkeypatch.setenv("REPORTTUI_HOME", str(path))
    monkeypatch.delenv("COLUMNS", raising=False)
    return path


def run_main(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = 0
    try:
        main(list(argv))
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def test_docs_rows_stay_whole_through_click_runner(home: Path) -> None:
    _register()
    runner = CliRunner()
    listing = json.loads(runner.invoke(cli, ["docs", "--json"]).output)
    result = runner.invoke(cli, ["docs"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    for doc in listing:
        # One line holds the whole row: id, full title and path (80 columns would fold them).
        assert any(
            doc["id"] in line and doc["title"] in line and doc["path"] in line for line in lines
        ), doc["title"]
    assert max(len(line) for line in lines) > 80


def test_search_snippets_and_outline_are_not_wrapped(
    capsys: pytest.CaptureFixture[str], home: Path
) -> None:
    code, out, err = run_main(capsys, "search", "林麝", "--json")
    assert code == 0, err
    snippets = [hit["snippet"] for hit in json.loads(out)["hits"]]
    code, out, err = run_main(capsys, "search", "林麝")
    assert code == 0, err
    lines = out.splitlines()
    assert snippets and all(any(s in line for line in lines) for s in snippets)
    code, out, err = run_main(capsys, "outline", str(LONG_SEED))
    assert code == 0, err
    assert any(
        "关于古交市2025年国民经济和社会发展计划执行情况" in line and "报告" in line
        for line in out.splitlines()
    )


@pytest.mark.parametrize(
    ("argv", "needle"),
    [
        (("search", ""), "QUERY is empty"),
        (("search", "   "), "QUERY is empty"),
        (("explain", ""), "QUERY is empty"),
        (("search",), "Missing argument"),
        (("search", "林麝", "--limit", "0"), "--limit"),
        (("search", "林麝", "--year", "abc"), "--year"),
        (("docs", "--bogus"), "--bogus"),
    ],
)
def test_usage_errors_exit_2_with_one_line(
    capsys: pytest.CaptureFixture[str], home: Path, argv: tuple[str, ...], needle: str
) -> None:
    code, out, err = run_main(capsys, *argv)
    assert code == 2
    lines = err.strip().splitlines()
    assert len(lines) == 1 and needle in lines[0] and lines[0].startswith("reporttui: "), err
    assert "--help" in lines[0] and out == ""


def test_click_runner_sees_exit_2_for_an_empty_query(home: Path) -> None:
    _register()
    result = CliRunner().invoke(cli, ["search", ""])
    assert result.exit_code == 2
    assert "QUERY is empty" in result.output


def test_a_real_pipe(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "COLUMNS"}
    env["REPORTTUI_HOME"] = str(tmp_path / "home")
    done = subprocess.run([*MAIN, "docs"], env=env, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert any(LONG_SEED.name in line and "计划草案" in line for line in done.stdout.splitlines())
    done = subprocess.run(
        [*MAIN, "search", ""], env=env, capture_output=True, text=True, check=False
    )
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.count("\n") == 1 and "QUERY is empty" in done.stderr
