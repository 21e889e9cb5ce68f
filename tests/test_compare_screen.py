"""CompareScreen, TargetsScreen and KeywordScreen driven with Pilot in a small app of their own."""

from __future__ import annotations

from typing import Any

import pytest
from textual.app import App
from textual.widgets import DataTable, OptionList, Static

from compare_helpers import run_async, seed
from reporttui.core.library.library import Library
from reporttui.ui.compare import (
    CompareScreen,
    KeywordBars,
    KeywordScreen,
    OpenSection,
    SectionBlock,
    TargetsScreen,
)


class Harness(App[None]):
    """Pushes one screen and records the OpenSection messages it posts."""

    def __init__(self, make_screen: Any) -> None:
        super().__init__()
        self.make_screen = make_screen
        self.opened: list[tuple[str, str]] = []
        self.paragraphs: list[int] = []

    def on_mount(self) -> None:
        self.push_screen(self.make_screen())

    def on_open_section(self, message: OpenSection) -> None:
        self.opened.append((message.doc_id, message.section_id))
        self.paragraphs.append(message.paragraph)


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Library:
    return Library(tmp_path_factory.mktemp("home"))


async def _settle(app: App[Any], pilot: Any) -> None:
    for _ in range(3):
        await pilot.pause()
        await app.workers.wait_for_complete()
    await pilot.pause()


def _ids() -> tuple[str, str]:
    return seed("古交2025").id, seed("太原2025").id


@run_async
async def test_wide_screen_aligns_bands_and_marks_gaps(library: Library) -> None:
    a, b = _ids()
    app = Harness(lambda: CompareScreen(library, a, b))
    async with app.run_test(size=(200, 50)) as pilot:
        await _settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        options = screen.query_one("#themes", OptionList)
        labels = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert "开放 A缺" in labels and "政府自身建设 A缺" in labels
        assert any(label.startswith("生态环保 ") for label in labels)
        assert screen.query_one("#themes").display and screen.query_one("#pickers").display
        band = screen.query_one("#band-ecology")
        sides = {block.side for block in band.query(SectionBlock)}
        assert sides == {"a", "b"}
        gap = screen.query_one("#band-opening")
        assert [b.side for b in gap.query(SectionBlock)] == ["b"]
        assert gap.query(".gap")
        status = str(screen.query_one("#status", Static).render())
        assert "古交市" in status and "太原市" in status


@run_async
async def test_lock_toggle_swap_and_open(library: Library) -> None:
    a, b = _ids()
    app = Harness(lambda: CompareScreen(library, a, b))
    async with app.run_test(size=(160, 40)) as pilot:
        await _settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        assert screen.query_one("#locked").display and not screen.query_one("#unlocked").display
        await pilot.press("l")
        assert not screen.query_one("#locked").display and screen.query_one("#unlocked").display
        assert screen.query_one("#pane-a").query(SectionBlock)
        await pilot.press("l")
        block = screen.query_one("#band-ecology").query(SectionBlock).first()
        block.focus()
        await pilot.press("enter")
        await pilot.pause()
        assert app.opened == [(a, block.ref.section_id)]
        await pilot.press("s")
        await _settle(app, pilot)
        assert (screen.doc_a_id, screen.doc_b_id) == (b, a)
        assert screen.comparison.a.document.region == "太原市"


@run_async
async def test_picker_changes_a_side(library: Library) -> None:
    a, b = _ids()
    app = Harness(lambda: CompareScreen(library, a, b))
    async with app.run_test(size=(160, 40)) as pilot:
        await _settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        await pilot.press("B")
        await pilot.pause()
        from reporttui.ui.compare.picker import DocPicker

        picker = app.screen
        assert isinstance(picker, DocPicker)
        await pilot.press(*"交城")
        await pilot.pause()
        options = picker.query_one(OptionList)
        assert options.option_count == 1 and "交城县 2025" in str(
            options.get_option_at_index(0).prompt
        )
        await pilot.press("enter")
        await _settle(app, pilot)
        assert app.screen is screen
        assert screen.comparison.b.document.region == "交城县"
        assert "交城县" in str(screen.query_one("#pick-b", Static).render())


@run_async
async def test_narrow_screen_stacks_and_hides_the_theme_list(library: Library) -> None:
    a, b = _ids()
    app = Harness(lambda: CompareScreen(library, a, b))
    async with app.run_test(size=(80, 24)) as pilot:
        await _settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        assert not screen.query_one("#themes").display
        assert not screen.query_one("#pickers").display
        assert all(c.has_class("stacked") for c in screen.query(".band-cells"))
        await pilot.press("t")
        themes = screen.query_one("#themes", OptionList)
        assert themes.display and themes.has_focus
        await pilot.press("end", "enter")  # the last theme
        await pilot.pause()
        assert not themes.display
        last = screen.comparison.rows[-1].theme
        band = screen.query_one(f"#band-{last}")
        assert band.region.y <= screen.query_one("#locked").region.y + 1


@run_async
async def test_targets_screen_documents_as_columns(library: Library) -> None:
    ids = [seed("太原2025").id, seed("古交2026").id]
    app = Harness(lambda: TargetsScreen(library, ids))
    async with app.run_test(size=(120, 30)) as pilot:
        await _settle(app, pilot)
        table = app.screen.query_one(DataTable)
        cells = [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]
        rows = {tuple(reversed(r[0].split(" ", 1))): r[1:] for r in cells}
        assert rows[("地区生产总值增长", "目标")] == ["5% 左右", "5% 左右"]
        assert rows[("地区生产总值增长", "实绩")] == ["", "1% (2025)"]  # the year before the plan's
        assert rows[("一般公共预算收入增长", "目标")] == ["", "20% 左右"]
        assert table.fixed_columns == 1  # the indicator column stays when scrolling sideways
        await pilot.press("f")  # targets only
        assert all(str(table.get_row_at(i)[0]).startswith("目标") for i in range(table.row_count))


@run_async
async def test_keyword_screen_draws_bars(library: Library) -> None:
    doc, vs = seed("古交2026").id, seed("古交2025").id
    app = Harness(lambda: KeywordScreen(library, doc, vs))
    async with app.run_test(size=(120, 40)) as pilot:
        await _settle(app, pilot)
        charts = list(app.screen.query(KeywordBars))
        assert [c.chart_title for c in charts] == ["关键词", "新出现", "上升", "下降"]
        assert "林权" in [term for term, _, _ in charts[1].items]
        assert "█" in str(charts[0].render())
        sections = str(app.screen.query_one(".kw-sections", Static).render())
        assert "优化产业结构" in sections  # one line per plan section of 古交 2026


@run_async
async def test_targets_screen_adds_a_regions_years_and_opens_a_figure(library: Library) -> None:
    app = Harness(lambda: TargetsScreen(library, [seed("古交2026").id]))
    async with app.run_test(size=(120, 30)) as pilot:
        await _settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, TargetsScreen)
        await pilot.press("r")  # the other 古交 documents join as columns, ordered by year
        await _settle(app, pilot)
        names = ("古交feature", "古交2025", "古交2026")  # the feature has no year
        assert screen.doc_ids == [seed(n).id for n in names]
        table = screen.query_one(DataTable)
        labels = [str(c.label) for c in table.columns.values()][1:]
        assert labels == ["古交市 ?", "古交市 2025", "古交市 2026"]
        row = next(
            i
            for i in range(table.row_count)
            if str(table.get_row_at(i)[0]) == "目标 一般公共预算收入增长"
        )
        table.move_cursor(row=row, column=3)
        await pilot.press("enter")
        await pilot.pause()
        doc = seed("古交2026")
        assert app.opened and app.opened[0][0] == doc.id
        assert "主要目标" in doc.section(app.opened[0][1]).title
        # the cursor goes to the paragraph holding the figure, not to the section's first
        opened = next(p for p in doc.paragraphs() if p.number == app.paragraphs[0])
        assert "一般公共预算收入" in opened.text and "增长" in opened.text


def test_default_partner_prefers_another_region_of_the_same_year() -> None:
    from types import SimpleNamespace as E

    from reporttui.ui.compare.compare_screen import default_partner

    entries = [
        E(id="gj25", region="古交市", year=2025),
        E(id="gj26", region="古交市", year=2026),
        E(id="ty25", region="太原市", year=2025),
    ]
    assert default_partner(entries, "gj25") == "ty25"
    assert default_partner(entries, "gj26") == "gj25"
    assert default_partner(entries[:1], "gj25") == "gj25"


def test_picker_labels_tell_duplicates_apart_and_filter_by_words() -> None:
    from types import SimpleNamespace as E

    from reporttui.core.labels import picker_labels
    from reporttui.core.labels import picker_matches as matches
    from reporttui.ui.compare.render import fit

    entries = [
        E(
            id="x",
            region="太原市",
            year=2025,
            kind="政府工作报告",
            title="政府工作报告",
            path="/c/主要城市/太原市/2025.md",
        ),
        E(
            id="y",
            region="太原市",
            year=2025,
            kind="政府工作报告",
            title="政府工作报告",
            path="/seeds/004_ca.txt",
        ),
        E(
            id="z",
            region="古交市",
            year=2026,
            kind="计划执行情况与计划草案报告",
            title="关于古交市2025年计划执行情况与2026年计划草案的报告",
            path="/s/003.txt",
        ),
    ]
    labels = picker_labels(entries)
    assert labels["x"] != labels["y"] and "太原市/2025.md" in labels["x"]
    assert matches("太原 2025 主要城市", entries[0], labels["x"])
    assert not matches("太原 2026", entries[0], labels["x"])
    cut = fit(labels["z"], 24)
    from rich.cells import cell_len

    assert cell_len(cut) <= 24 and cut.endswith("…") and cut.startswith("古交市 2026 计划")
    assert fit("古交市 2026", 24, pad=True) == "古交市 2026" + " " * (24 - cell_len("古交市 2026"))


@pytest.mark.parametrize("size", [(80, 24), (130, 40), (220, 50)])
def test_keyword_bars_fit_any_width(library: Library, size: tuple[int, int]) -> None:
    from rich.cells import cell_len

    doc, vs = seed("古交2026").id, seed("古交2025").id

    @run_async
    async def run() -> None:
        app = Harness(lambda: KeywordScreen(library, doc, vs))
        async with app.run_test(size=size) as pilot:
            await _settle(app, pilot)
            charts = list(app.screen.query(KeywordBars))
            assert len(charts) == 4
            for chart in charts:
                assert chart.size.width <= size[0]
                for line in chart.render().plain.split("\n"):
                    assert cell_len(line) <= chart.size.width, (size, line)

    run()
