"""Pilot tests of navigation: history (Esc, backspace, ^o / ^i), the scoped hit walk, list keys."""

from __future__ import annotations

import asyncio
from pathlib import Path

from textual import events
from textual.widgets import DataTable, MarkdownViewer

from reporttui.core.history import History
from reporttui.ui.screens.help import HelpScreen
from reporttui.ui.screens.library import LibraryScreen
from reporttui.ui.screens.reader import ReaderScreen
from reporttui.ui.screens.search import SearchScreen
from test_app_support import make_app, run_async, settle


async def search(app, pilot, query: str) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("slash")
    app.search_screen.input.post_message(events.Paste(query))
    await pilot.pause(0.3)
    await settle(app, pilot)


def title(app) -> str:  # type: ignore[no-untyped-def]
    return str(app.reader_screen.query_one("#reader-title").render())


def test_history_goes_back_and_forward() -> None:
    dropped: list[str] = []
    history: History[str] = History(on_drop=dropped.append, limit=3)
    assert history.back("a") is None
    history.visit("a")
    history.visit("b")
    assert history.back("c") == "b"
    assert history.back("b") == "a"
    assert history.forward("a") == "b"
    history.visit("b")  # somewhere new: what was ahead ("c") is gone
    assert dropped == ["c"] and history.forward("x") is None
    for place in "defg":
        history.visit(place)
    assert len(history.behind) == 3 and "a" in dropped


@run_async
async def test_ctrl_o_and_ctrl_i_return_to_the_document_and_its_position(app_home: Path) -> None:
    app = make_app(app_home)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        first, second = app.entries[0], app.entries[1]
        app.open_document(first.id)
        await settle(app, pilot)
        view = app.reader_screen.text
        await pilot.press("space", "space", "j")
        await pilot.pause()
        cursor, scroll = view.cursor, view.scroll_y
        assert scroll > 0
        app.open_document(second.id)
        await settle(app, pilot)
        assert app.reader_screen.document.id == second.id
        await pilot.press("ctrl+o")
        await settle(app, pilot)
        await pilot.pause(0.1)
        assert app.reader_screen.document.id == first.id
        assert (view.cursor, view.scroll_y) == (cursor, scroll)
        await pilot.press("alt+right")  # ^i is Tab in most terminals
        await settle(app, pilot)
        assert app.reader_screen.document.id == second.id
        await pilot.press("escape")  # Esc is back, too
        await settle(app, pilot)
        await pilot.pause(0.1)
        assert app.reader_screen.document.id == first.id and view.cursor == cursor
        await pilot.press("backspace")
        await settle(app, pilot)
        assert isinstance(app.screen, LibraryScreen)


@run_async
async def test_a_reader_opened_from_compare_returns_to_that_comparison(app_home: Path) -> None:
    from reporttui.ui.compare import CompareScreen, OpenSection

    app = make_app(app_home)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(app, pilot)
        gujiao = next(e for e in app.entries if e.region == "古交市" and e.year == 2025)
        app.open_document(gujiao.id)
        await settle(app, pilot)
        await pilot.press("c")
        await settle(app, pilot)
        compare = app.screen
        assert isinstance(compare, CompareScreen) and compare.comparison is not None
        comparison = compare.comparison
        row = comparison.rows[0]
        ref = (row.a_sections or row.b_sections)[0]
        side_doc = comparison.a.document if row.a_sections else comparison.b.document
        compare.post_message(OpenSection(side_doc.id, ref.section_id))
        await settle(app, pilot)
        assert isinstance(app.screen, ReaderScreen)
        await pilot.press("escape")
        await settle(app, pilot)
        assert app.screen is compare, "the same comparison screen, not a new one"
        assert compare.comparison is comparison, "not aligned again"
        await pilot.press("escape")  # the compare screen's own Esc: to the reader it came from
        await settle(app, pilot)
        assert isinstance(app.screen, ReaderScreen)
        assert app.reader_screen.document.id == gujiao.id


@run_async
async def test_opening_another_document_ends_the_hit_walk(app_home: Path) -> None:
    app = make_app(app_home)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await search(app, pilot, "林麝")
        await pilot.press("enter")
        await settle(app, pilot)
        state = app.session.search
        best = state.index_of(state.result.hits[0])  # Enter opened the best-ranked hit
        assert state.current == best
        assert state.walking and f"林麝 {best + 1}/" in title(app)
        hit_doc = app.reader_screen.document.id
        other = next(e for e in app.entries if e.id != hit_doc)
        app.open_document(other.id, via="library")
        await settle(app, pilot)
        assert not state.walking
        assert "search ended" in title(app)
        assert not any(
            app.reader_screen.text.is_current_hit(b) for b in app.reader_screen.text.blocks
        )
        await pilot.press("n")  # says why, does not jump back into the results' documents
        await settle(app, pilot)
        assert app.reader_screen.document.id == other.id
        await pilot.press("escape")  # back to the hit, its walk taken up again
        await settle(app, pilot)
        assert app.reader_screen.document.id == hit_doc
        assert state.walking and f"林麝 {best + 1}/" in title(app)
        await pilot.press("n")
        await settle(app, pilot)
        assert state.current == best + 1


@run_async
async def test_n_says_when_it_wraps(app_home: Path) -> None:
    app = make_app(app_home)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await search(app, pilot, "林麝")
        await pilot.press("enter")
        await settle(app, pilot)
        state = app.session.search
        for _ in range(state.current):  # Enter opened the best-ranked hit: back to the first
            await pilot.press("N")
            await settle(app, pilot)
        assert state.current == 0 and "continuing" not in title(app)
        await pilot.press("N")  # from the first hit back: wraps to the last
        await settle(app, pilot)
        assert state.current == len(state.hits) - 1
        assert "search hit TOP, continuing at BOTTOM" in title(app)
        await pilot.press("n")
        await settle(app, pilot)
        assert state.current == 0
        assert "search hit BOTTOM, continuing at TOP" in title(app)
        await pilot.press("n")
        await settle(app, pilot)
        assert "continuing" not in title(app)


@run_async
async def test_list_keys_move_in_results_library_and_help(app_home: Path) -> None:
    app = make_app(app_home)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        library = app.library_screen.option_list
        await pilot.press("G")
        last = library.highlighted
        assert last == library.option_count - 1
        await pilot.press("g", "j")
        assert 0 < library.highlighted < last
        await search(app, pilot, "林麝")
        results = app.search_screen.results
        await pilot.press("down")  # from the query into the results
        start = results.highlighted
        await pilot.press("j")
        assert results.highlighted > start
        await pilot.press("k")
        assert results.highlighted == start
        await pilot.press("G")
        assert results.highlighted == results.option_count - 1
        await pilot.press("backspace")  # on the list: back to where the search came from
        await settle(app, pilot)
        assert isinstance(app.screen, LibraryScreen)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        viewer = app.screen.query_one(MarkdownViewer)
        await pilot.press("space")
        await pilot.pause()
        assert viewer.scroll_y > 0
        await pilot.press("b")
        await pilot.pause()
        assert viewer.scroll_y == 0


@run_async
async def test_help_lists_every_screen_key_from_the_bindings(app_home: Path) -> None:
    from reporttui.ui.screens.help import key_sections

    app = make_app(app_home)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("f1")
        await pilot.pause()
        source = app.screen.query_one(MarkdownViewer).document.source
        for _title, bindings in key_sections(type(app)):
            for binding in bindings:
                if binding.description:
                    assert binding.description in source
        assert "Copy the current paragraph with a citation line" in source  # a tooltip
        assert "林麝" in source and "region:古交" in source  # the query syntax


@run_async
async def test_targets_table_takes_the_list_keys(app_home: Path) -> None:
    app = make_app(app_home)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        taiyuan = next(e for e in app.entries if e.region == "太原市")
        app.open_document(taiyuan.id)
        await settle(app, pilot)
        await pilot.press("T")
        await settle(app, pilot)
        await pilot.pause(0.2)
        table = app.screen.query_one(DataTable)
        assert table.row_count > 3
        await pilot.press("j", "j")
        assert table.cursor_row == 2
        await pilot.press("G")
        assert table.cursor_row == table.row_count - 1
        await pilot.press("g")
        assert table.cursor_row == 0


@run_async
async def test_search_results_from_escape_return_to_the_highlighted_hit(app_home: Path) -> None:
    app = make_app(app_home)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await search(app, pilot, "林麝")
        await pilot.press("down", "j", "j", "j")
        chosen = app.search_screen._highlighted_hit()
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, ReaderScreen)
        await pilot.press("escape")
        await settle(app, pilot)
        assert isinstance(app.screen, SearchScreen)
        assert app.search_screen._highlighted_hit() == chosen


@run_async
async def test_t_keeps_the_reading_position(app_home: Path) -> None:
    app = make_app(app_home)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        taiyuan = next(e for e in app.entries if e.region == "太原市")
        app.open_document(taiyuan.id)
        await settle(app, pilot)
        view = app.reader_screen.text
        for _ in range(40):
            await pilot.press("j")
        await pilot.pause()
        block = view.cursor_block
        assert view.scroll_y > 0
        for _ in range(2):
            await pilot.press("t")
            await pilot.pause(0.1)
            app.reader_screen.text.focus()
            await pilot.pause(0.1)
            assert view.cursor_block is block
            top, bottom = view.scroll_y, view.scroll_y + view.scrollable_content_region.height
            assert top <= block.virtual_region.y < bottom, "the paragraph read is still in view"


def test_identical_rows_show_their_file_and_long_titles_hang() -> None:
    from dataclasses import dataclass

    from reporttui.ui.screens.library import grouped_options

    @dataclass(frozen=True)
    class Entry:
        id: str
        path: str
        region: str | None = "太原市"
        year: int | None = 2008
        kind: str | None = "政府工作报告"
        title: str = "政府工作报告"
        chars: int = 9000

    entries = [
        Entry("a", "/c/政府工作报告-主要城市/太原市/2008.md"),
        Entry("b", "/copy/太原/2008.md"),
        Entry("c", "/c/x/2009.md", year=2009, title="关于" + "国民经济和社会发展计划执行情况" * 4),
        Entry("d", "/c/省/2008.md", region="山西省"),
    ]
    options = grouped_options(entries, width=60)
    texts = [str(o.prompt) for o in options]
    assert texts[0] == "山西省", "province before its cities"
    assert any("太原市/2008.md" in t for t in texts) and any("太原/2008.md" in t for t in texts)
    assert not any("x/2009.md" in t for t in texts), "a unique row needs no path"
    long_row = next(t for t in texts if "关于" in t)
    lines = long_row.split("\n")
    assert len(lines) > 1
    indent = len(lines[0]) - len(lines[0].lstrip("\u00a0 "))
    assert all(line.startswith(" " * 8) for line in lines[1:]), "continuation lines hang"
    assert indent == 2
    # a title that is the kind is said once (ux r16): "2008 政府工作报告  9.0k字"
    province = texts[1].replace("\u00a0", " ")
    assert province.split() == ["2008", "政府工作报告", "9.0k字"]


async def until(pilot, done, timeout: float = 5.0) -> None:  # type: ignore[no-untyped-def]
    """Let the app run until ``done()`` holds or ``timeout`` seconds pass (the assertions after
    say what must hold): a fixed pause is too short on a loaded machine."""
    loop = asyncio.get_running_loop()
    end = loop.time() + timeout
    while not done() and loop.time() < end:
        await pilot.pause(0.05)


def type_burst(app, text: str) -> None:  # type: ignore[no-untyped-def]
    """Keys arriving together (typing over SSH, a fast typist): all queued before any is
    handled, as a terminal delivers them; pilot.press would wait for each one."""
    for character in text:
        app.post_message(events.Key({" ": "space"}.get(character, character), character))


@run_async
async def test_a_burst_of_keys_on_the_library_is_typed_into_the_filter(app_home: Path) -> None:
    """ux r16: the first key moved the focus only after the queued ones, so the space of
    `古交 2026` paged the list down and the filter read 古交2026 (no document)."""
    app = make_app(app_home)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        screen = app.library_screen
        assert screen.option_list.has_focus
        type_burst(app, "古交 2026")
        await until(
            pilot,
            lambda: (
                sum(1 for o in screen.option_list._options if o.id and o.id.startswith("doc:")) == 1
            ),
        )
        assert screen.filter_input.value == "古交 2026"
        docs = [o for o in screen.option_list._options if o.id and o.id.startswith("doc:")]
        assert len(docs) == 1 and "1 of 5" in str(screen.query_one("#library-title").render())
        await pilot.press("escape", "j")  # the filter cleared: j is a list key again
        await pilot.pause()
        assert screen.filter_input.value == "" and screen.option_list.has_focus


@run_async
async def test_typing_on_the_search_results_starts_a_new_query(app_home: Path) -> None:
    """ux r16: on the result list (after Esc back from a hit) the letters of a new query ran
    as list keys (g G j k b space) and went nowhere."""
    app = make_app(app_home)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await search(app, pilot, "林麝")
        screen = app.search_screen
        await pilot.press("down", "G")  # a key the results bind is still that key
        await pilot.pause()
        last = max(i for i, o in enumerate(screen.results._options) if not o.disabled)
        assert screen.results.has_focus and screen.results.highlighted == last
        type_burst(app, "古交 gjb")  # the query's text selected on focus: typing replaces it
        await until(pilot, lambda: screen.input.value == "古交 gjb")
        assert screen.input.has_focus and screen.input.value == "古交 gjb"
        await pilot.press(*"营商")  # then typed one by one: appended
        await pilot.pause()
        assert screen.input.value == "古交 gjb营商"


@run_async
async def test_keys_typed_after_down_in_one_burst_go_to_the_results(app_home: Path) -> None:
    """ux r16: `↓ j j` in one burst moved the focus to the results, but the two j were already
    queued to the query and typed into it (林麝jj, 0 hits)."""
    app = make_app(app_home)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await search(app, pilot, "林麝")
        screen = app.search_screen
        start = screen.results.highlighted
        assert screen.input.has_focus and start is not None
        app.post_message(events.Key("down", None))
        type_burst(app, "jj")
        await until(pilot, lambda: screen.results.highlighted != start)
        assert screen.input.value == "林麝" and screen.results.has_focus
        assert screen.results.highlighted != start
        # the library's filter does the same: `f 古交 ↓ j` moves in the filtered list
        await pilot.press("escape", "escape", "escape")
        await settle(app, pilot)
        library = app.library_screen
        assert app.screen is library
        await pilot.press("f", *"古交")
        await pilot.pause()
        first = library.option_list.highlighted
        app.post_message(events.Key("down", None))
        type_burst(app, "j")
        await until(pilot, lambda: library.option_list.highlighted != first)
        assert library.filter_input.value == "古交" and library.option_list.has_focus
        assert library.option_list.highlighted != first


@run_async
async def test_going_up_to_the_first_hit_shows_its_document_and_section(app_home: Path) -> None:
    """ux r16: the header rows above a group's first hit are not selectable; once scrolled
    above the top no key brought them back (`G` then `g` left the list at row 4)."""
    app = make_app(app_home)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await search(app, pilot, "发展")
        results = app.search_screen.results
        await pilot.press("down", "G")
        await pilot.pause()
        assert results.scroll_y > 0
        await pilot.press("g")
        await pilot.pause()
        options = results._options
        assert (
            options[0].disabled
            and options[1].disabled
            and not options[results.highlighted].disabled
        )
        assert results.highlighted == 2 and results.scroll_y == 0
        # the first hit of a later document, reached from below: its two headers show too
        starts = [i for i, o in enumerate(options) if o.id and o.id.startswith("doc:") and i > 0]
        target = starts[-1] + 2
        assert not options[target].disabled
        results.highlighted = target + 1 if not options[target + 1].disabled else target
        await pilot.pause()
        await pilot.press("G")
        await pilot.pause()
        while results.highlighted is not None and results.highlighted > target:
            await pilot.press("k")
            await pilot.pause()
        assert results.highlighted == target
        top = round(results.scroll_y)
        assert top <= results._index_to_line[starts[-1]]


def footer_keys(screen) -> list[str]:  # type: ignore[no-untyped-def]
    from textual.widgets._footer import FooterKey

    return [key.key for key in screen.query(FooterKey)]


@run_async
async def test_the_reader_footer_offers_n_only_with_a_search(app_home: Path) -> None:
    """ux r16: `n N Hit` stood in the reader's footer with no search (n only said so)."""
    app = make_app(app_home)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("enter")
        await settle(app, pilot)
        await pilot.pause(0.2)
        reader = app.reader_screen
        assert isinstance(app.screen, ReaderScreen)
        keys = footer_keys(reader)
        assert "n" not in keys and "t" in keys and "escape" in keys
        await search(app, pilot, "林麝")
        await pilot.press("enter")
        await settle(app, pilot)
        await pilot.pause(0.2)
        assert isinstance(app.screen, ReaderScreen)
        assert "n" in footer_keys(reader)
