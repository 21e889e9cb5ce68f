"""Target versus result across years, and the exports (CLI and core)."""

from __future__ import annotations

import csv
import io
import json
import os
import tarfile
from pathlib import Path

import pytest

from reporttui.cli.main import main as cli_entry
from reporttui.core.analysis.export import render, track_rows, write_export
from reporttui.core.analysis.targets import extract_from_text
from reporttui.core.analysis.track import MET, MISSED, NO_FIGURE, judge, track

ROOT = Path(__file__).resolve().parents[1]
TAIYUAN = [f"政府工作报告-主要城市/太原市/{year}.md" for year in (2024, 2025, 2026)]


def corpus_files(tmp_path: Path, names: list[str]) -> list[Path]:
    """The named corpus reports: from an unpacked corpus if there is one, else from the tarball."""
    for candidate in (os.environ.get("REPORTTUI_CORPUS"), "/tmp/corpus"):
        if candidate and all((Path(candidate) / n).is_file() for n in names):
            return [Path(candidate) / n for n in names]
    tarball = ROOT.parent / "shared" / "corpus" / "gov-reports.tar.xz"
    if not tarball.exists():
        pytest.skip("no corpus")
    wanted = {f"./{n}" for n in names} | set(names)
    with tarfile.open(tarball) as tar:
        members = [m for m in tar if m.name in wanted]
        for m in members:
            m.name = m.name.removeprefix("./")
            if hasattr(tarfile, "data_filter"):
                tar.extract(m, tmp_path, filter="data")
            else:  # pragma: no cover - Python without extraction filters
                tar.extract(m, tmp_path)
    return [tmp_path / n for n in names]


def _row(text: str, zone: str, year: int = 2025):
    rows = extract_from_text(text, default_kind="result", year=year, zone=zone)
    assert rows, text
    return rows[0]


def test_judge_reads_qualifiers_as_a_reader_would() -> None:
    target = _row("主要目标是：地区生产总值增长5%左右。", "passage")
    assert judge(target, _row("地区生产总值增长4.6%。", "review", 2026), None)[0] == MET
    assert judge(target, _row("地区生产总值增长4.2%。", "review", 2026), None)[0] == MISSED
    ceiling = _row("主要目标是：城镇调查失业率控制在5.5%以内。", "passage")
    assert judge(ceiling, _row("城镇调查失业率5.1%。", "review", 2026), None)[0] == MET
    assert judge(ceiling, _row("城镇调查失业率5.8%。", "review", 2026), None)[0] == MISSED
    # 国务院 2015 and 2016: a fall 以上 is reached by a deeper fall, not by a shallower one
    fall = _row("主要预期目标是：单位国内生产总值能耗下降3.1%以上。", "passage")
    assert fall.value == -3.1 and fall.qualifier == "以上"
    assert judge(fall, _row("单位国内生产总值能耗下降5.6%。", "review", 2026), None)[0] == MET
    assert judge(fall, _row("单位国内生产总值能耗下降2%。", "review", 2026), None)[0] == MISSED
    # 雅安 2021 and 2022: 与经济发展趋势基本一致 reads as 同步; 稳步增长 is met by a rise
    trend = _row("主要预期目标是：一般公共预算收入与经济发展趋势基本一致。", "passage")
    revenue = _row("地方一般公共预算收入增长22.4%。", "review", 2026)
    gdp_up = _row("地区生产总值增长8.5%。", "review", 2026)
    assert judge(trend, revenue, gdp_up)[0] == MET
    steady = _row("主要预期目标是：城乡居民人均可支配收入稳步增长。", "passage")
    assert steady.value is None and "稳步增长" in steady.qualifier
    assert judge(steady, _row("城乡居民人均可支配收入增长7.5%。", "review", 2026), None)[0] == MET
    sync = _row("主要目标是：城镇居民人均可支配收入与经济增长基本同步。", "passage")
    gdp = _row("地区生产总值增长5%。", "review", 2026)
    income = _row("城镇居民人均可支配收入增长5.2%。", "review", 2026)
    assert judge(sync, income, gdp)[0] == MET
    assert judge(sync, None, gdp)[0] == NO_FIGURE


@pytest.mark.corpus
def test_taiyuan_2024_to_2026_tracks_targets_against_results(tmp_path: Path) -> None:
    from reporttui.core.text.ingest import load_document

    docs = [load_document(p) for p in corpus_files(tmp_path, TAIYUAN)]
    table = track("太原市", docs)
    assert table.years == (2024, 2025, 2026)
    rows = dict(table.rows)
    jobs = rows["城镇新增就业"]
    assert [c.status if c else None for c in jobs] == [MET, MET, NO_FIGURE]
    assert jobs[0].result is not None and jobs[0].result.value == 8.9  # said in the 2025 report
    assert jobs[1].result is not None and jobs[1].result.value == 9.7  # not the five-year 44万人
    gdp = rows["地区生产总值增长"]
    assert [c.target.value if c and c.target else None for c in gdp] == [5.0, 5.0, 5.0]
    assert gdp[2] is not None and gdp[2].reason == "next report not in the library"
    for cell in table.cells():  # every cell can open its source sentence
        for side in (cell.target, cell.result):
            if side is not None:
                text = Path(side.path).read_text("utf-8")
                assert side.text.replace("％", "%")[:6] in text.replace("％", "%")
    out = render(track_rows(table), "csv")
    header = next(csv.reader(io.StringIO(out)))
    assert {"region", "year", "target_report", "target_section", "result_report"} <= set(header)


def _cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    """Run ``reporttui ARGV`` as the console script does: (exit code, stdout + stderr)."""
    code = 0
    try:
        cli_entry(list(argv))
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    out = capsys.readouterr()
    return code, out.out + out.err


@pytest.mark.corpus
def test_cli_track_and_exports(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    files = corpus_files(tmp_path / "c", TAIYUAN)
    home = ["--home", str(tmp_path / "home")]
    code, out = _cli(capsys, *home, "add", *map(str, files))
    assert code == 0, out
    code, out = _cli(capsys, *home, "targets", "--track", "太原", "--json")
    assert code == 0, out
    data = json.loads(out)
    assert data["region"] == "太原市" and data["years"] == [2024, 2025, 2026]
    jobs = [r for r in data["rows"] if r["indicator"] == "城镇新增就业"]
    assert [r["status"] for r in jobs] == ["met", "met", "no figure"]
    code, out = _cli(capsys, *home, "targets", "--track", "太原", "--md")
    assert code == 0 and out.startswith("# 太原市")
    code, out = _cli(capsys, *home, "targets", "--track", "太原")
    assert code == 0 and "城镇新增就业" in out and "完成" in out
    assert _cli(capsys, *home, "targets", "--track", "太原", "太原2024")[0] == 2
    code, out = _cli(capsys, *home, "targets", "--track", "无此地")
    assert code == 1 and "no report" in out
    code, out = _cli(capsys, *home, "compare", "太原2024", str(files[2]), "--csv")
    assert code == 0
    header = next(csv.reader(io.StringIO(out)))
    assert {"theme", "side", "unit", "region", "year", "report", "section"} <= set(header)
    code, out = _cli(capsys, *home, "keywords", str(files[2]), "--vs", "太原2024", "--md")
    assert code == 0 and "| list |" in out and "| new |" in out


def test_write_export_is_atomic_and_never_overwrites(tmp_path: Path) -> None:
    first = write_export("a\n", tmp_path / "exports", "太原 2025/targets", "csv")
    second = write_export("b\n", tmp_path / "exports", "太原 2025/targets", "csv")
    assert first != second and first.read_text() == "a\n" and second.read_text() == "b\n"
    assert not [p for p in (tmp_path / "exports").iterdir() if p.name.startswith(".export-")]
    with pytest.raises(ValueError):
        render([], "xls")


@pytest.mark.corpus
def test_app_targets_screen_shows_a_regions_years(tmp_path: Path) -> None:
    """T (targets of a document), then y: 太原 2024-2026 target against result, cells open."""
    import asyncio

    from textual.app import App
    from textual.widgets import DataTable

    from reporttui.core.library.library import Library
    from reporttui.ui.compare import OpenSection, TargetsScreen

    files = corpus_files(tmp_path / "c", TAIYUAN)
    library = Library(tmp_path / "home")
    library.add([str(p) for p in files])
    doc_id = library.resolve(str(files[0])).id

    class Harness(App[None]):
        def __init__(self) -> None:
            super().__init__()
            self.opened: list[tuple[str, str]] = []

        def on_mount(self) -> None:
            self.push_screen(TargetsScreen(library, [doc_id]))

        def on_open_section(self, message: OpenSection) -> None:
            self.opened.append((message.doc_id, message.section_id))

    async def run() -> None:
        app = Harness()
        async with app.run_test(size=(160, 45)) as pilot:
            for _ in range(3):
                await pilot.pause()
                await app.workers.wait_for_complete()
            await pilot.press("y")
            for _ in range(3):
                await pilot.pause()
                await app.workers.wait_for_complete()
            screen = app.screen
            assert isinstance(screen, TargetsScreen) and screen.track_table is not None
            table = screen.query_one(DataTable)
            labels = [str(c.label) for c in table.columns.values()]
            assert labels[1:] == [f"{y} {k}" for y in (2024, 2025, 2026) for k in ("目标", "实绩")]
            row = next(
                i for i in range(table.row_count) if str(table.get_row_at(i)[0]) == "城镇新增就业"
            )
            cells = [str(c) for c in table.get_row_at(row)]
            assert cells[1:5] == ["8万人", "✓ 8.9万人", "8万人", "✓ 9.7万人"]
            table.move_cursor(row=row, column=2)  # the 2024 result, read in the 2025 report
            await pilot.press("enter")
            await pilot.pause()
            assert app.opened and app.opened[0][0] == library.resolve(str(files[1])).id

    asyncio.run(run())


def test_cli_reads_tables_from_its_home_and_warns_on_a_broken_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from reporttui.core.analysis.tables import use_home

    home = tmp_path / "home"
    home.mkdir()
    (home / "indicators.toml").write_text("[[indicator]\nname = ", "utf-8")
    try:
        code, out = _cli(capsys, "--home", str(home), "targets", "太原2025", "--json")
        assert code == 0
        assert "warning" in out and "indicators.toml" in out and "地区生产总值增长" in out
    finally:
        use_home(None)


def test_a_joint_urban_rural_target_is_judged_on_both_results() -> None:
    from reporttui.core.model import Document, Paragraph, Section

    def doc(year: int, text: str) -> Document:
        para = Paragraph(1, text, 0, "s0")
        section = Section("s0", "", 0, "document", (para,))
        return Document(
            f"d{year}",
            f"/x/{year}.md",
            "报告",
            "某市",
            year,
            "政府工作报告",
            None,
            text,
            (section,),
        )

    target = doc(2024, "主要目标是：城乡居民人均可支配收入增长高于GDP增速。")
    result = doc(2025, "去年地区生产总值增长5%，城乡居民人均可支配收入分别增长4.6%、6.6%。")
    table = track("某市", [target, result])
    cell = dict(table.rows)["城乡居民人均可支配收入增长"][0]
    assert cell is not None and cell.status == MISSED and "城镇 4.6%" in cell.reason
