"""CLI: docs, add, index, search, explain (in-process through main(), plus one real process)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reporttui.cli.main import main
from reporttui.core.paths import seed_files

SMALL_SEED = next(p for p in seed_files() if p.name.startswith("001_"))
MARKER = "麒麟鹿鸣"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Run ``reporttui ARGV`` in-process; returns (exit code, stdout, stderr)."""
    code = 0
    try:
        main(list(argv))
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture()
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "home"
    monkeypatch.setenv("REPORTTUI_HOME", str(path))
    return path


def test_docs_lists_the_seeds_without_indexing(
    capsys: pytest.CaptureFixture[str], home: Path
) -> None:
    code, out, err = run(capsys, "docs", "--json")
    assert code == 0, err
    docs = json.loads(out)
    assert len(docs) == 5
    assert {Path(d["path"]).name for d in docs} == {p.name for p in seed_files()}
    for d in docs:
        assert set(d) >= {"title", "region", "year", "kind", "chars", "path"}
        assert d["chars"] > 1000
    code, out, _ = run(capsys, "docs")
    assert code == 0 and "5 documents" in out


def test_search_json_auto_indexes_and_has_the_promised_shape(
    capsys: pytest.CaptureFixture[str], home: Path
) -> None:
    code, out, err = run(capsys, "search", "林麝", "--json", "--limit", "3")
    assert code == 0, err
    payload = json.loads(out)
    assert set(payload) >= {"query", "total", "hits", "per_doc"}
    assert payload["query"] == "林麝" and payload["total"] >= 1
    assert len(payload["hits"]) <= 3
    assert sum(payload["per_doc"].values()) == payload["total"]
    keys = {"doc", "path", "title", "region", "year", "section_path", "paragraph", "text"}
    keys |= {"snippet", "spans", "score"}
    for hit in payload["hits"]:
        assert set(hit) >= keys
        assert [hit["text"][s:e] for s, e in hit["spans"]] == ["林麝"] * hit["text"].count("林麝")
        assert "林麝" in hit["snippet"]
    assert (home / "catalog.json").exists()
    assert "Traceback" not in err


def test_search_human_output_groups_hits(capsys: pytest.CaptureFixture[str], home: Path) -> None:
    code, out, err = run(capsys, "search", "高质量发展", "--limit", "5")
    assert code == 0, err
    assert "高质量发展" in out
    assert "matching paragraphs in" in out and "showing 5" in out


def test_search_filters(capsys: pytest.CaptureFixture[str], home: Path) -> None:
    _, out, _ = run(capsys, "docs", "--json")
    docs = [d for d in json.loads(out) if d["region"] and d["year"]]
    assert docs
    region, year = docs[0]["region"], docs[0]["year"]
    code, out, err = run(
        capsys, "search", "发展", "--json", "--region", region, "--year", str(year)
    )
    assert code == 0, err
    payload = json.loads(out)
    assert payload["total"] > 0
    assert all(h["region"] == region and h["year"] == year for h in payload["hits"])


def test_add_index_and_rebuild(
    capsys: pytest.CaptureFixture[str], home: Path, tmp_path: Path
) -> None:
    src = tmp_path / "src"
    src.mkdir()
    (src / "x.txt").write_text(SMALL_SEED.read_text("utf-8") + f"\n\n{MARKER}。\n", "utf-8")
    code, _, err = run(capsys, "add", str(src))
    assert code == 0, err
    assert "6 added" in err
    code, out, _ = run(capsys, "search", MARKER, "--json")
    assert json.loads(out)["total"] == 1
    code, _, err = run(capsys, "index")
    assert code == 0 and "6 unchanged" in err
    code, _, err = run(capsys, "index", "--rebuild")
    assert code == 0 and "rebuilt" in err, err
    code, out, _ = run(capsys, "docs", "--json")
    assert len(json.loads(out)) == 6


@pytest.mark.parametrize(
    ("argv", "needle"),
    [
        (("add", "/no/such/report.txt"), "no such file"),
        (("search", "林麝", "--year", "twenty"), "--year"),
        (("search", "林麝", "--limit", "0"), "--limit"),
    ],
)
def test_errors_are_one_line(
    capsys: pytest.CaptureFixture[str], home: Path, argv: tuple[str, ...], needle: str
) -> None:
    code, _out, err = run(capsys, *argv)
    assert code != 0
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1 and needle in lines[0], err
    assert "Traceback" not in err


def test_unreadable_file_is_one_line_error(
    capsys: pytest.CaptureFixture[str], home: Path, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(bytes(range(256)) * 50)
    code, _, err = run(capsys, "add", str(bad))
    assert code == 1
    assert any("bad.txt" in line for line in err.splitlines())
    assert "Traceback" not in err


def test_explain(capsys: pytest.CaptureFixture[str], home: Path) -> None:
    code, out, err = run(capsys, "explain", '"高质量发展" region:太原 -煤矿')
    assert code == 0, err
    assert "高质量发展" in out
    code, out, _ = run(capsys, "explain", "林麝", "--json")
    assert code == 0 and isinstance(json.loads(out), dict)


def test_installed_command_in_a_real_process(tmp_path: Path) -> None:
    env = dict(os.environ, REPORTTUI_HOME=str(tmp_path / "home"))
    cmd = [sys.executable, "-c", "from reporttui.cli.main import main; main()"]
    done = subprocess.run(
        [*cmd, "search", "林麝", "--json"], env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["total"] >= 1
    done = subprocess.run(
        [*cmd, "search", "林麝", "--year", "x"], env=env, capture_output=True, text=True
    )
    assert done.returncode == 2 and done.stderr.count("\n") == 1  # a usage error


def test_one_shot_search_process_writes_all_its_output(
    capsys: pytest.CaptureFixture[str], home: Path
) -> None:
    """process (issue 11): a real `reporttui search` leaves without the interpreter's teardown
    (and runs without the cyclic collector); its piped output is still all there, byte for byte
    what the same search prints in-process, and the exit code is 0."""
    code, expected, err = run(capsys, "search", "林麝", "--limit", "50")
    assert code == 0, err
    cmd = [sys.executable, "-c", "from reporttui.cli.main import main; main()"]
    env = dict(os.environ, REPORTTUI_HOME=str(home))
    done = subprocess.run([*cmd, "search", "林麝", "--limit", "50"], env=env, capture_output=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.decode("utf-8") == expected
    assert "matching paragraph" in expected.splitlines()[-1]


def test_query_of_several_words_and_leading_exclusion(
    capsys: pytest.CaptureFixture[str], home: Path
) -> None:
    """`reporttui search 林麝 -养殖` and a query that starts with `-` are queries, not options."""
    code, out, err = run(capsys, "search", "林麝", "--json", "--limit", "50")
    assert code == 0, err
    all_hits = json.loads(out)
    code, out, err = run(capsys, "search", "林麝", "-养殖", "--json", "--limit", "50")
    assert code == 0, err
    without = json.loads(out)
    assert without["query"] == "林麝 -养殖"
    assert 0 < without["total"] < all_hits["total"]
    assert all("养殖" not in h["text"] and "林麝" in h["text"] for h in without["hits"])
    code, out, err = run(capsys, "search", "-养殖", "林麝", "--json")
    assert code == 0, err
    assert json.loads(out)["total"] == without["total"]
