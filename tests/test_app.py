"""Pilot tests of the app's flows on the bundled seeds (real library, real index)."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual import events
from textual.widgets import OptionList

from reporttui.ui.screens.help import HelpScreen
from reporttui.ui.screens.library import LibraryScreen
from reporttui.ui.screens.reader import ReaderScreen
from reporttui.ui.screens.search import SearchScreen
from test_app_support import make_app, run_async, settle

LINSHE_PARAGRAPHS = 8
"""Paragraphs of the seeds that contain 林麝 (3 in 000, 1 in 001, 3 in 003, 1 in 004)."""


def option_texts(option_list: OptionList) -> list[str]:
    return [str(option_list.get_option_at_index(i).prompt) for i in range(option_list.option_count)]


async def open_first_report(app, pilot) -> None:  # type: ignore[no-untyped-def]
    await settle(app, pilot)
    await pilot.press("enter")
    await settle(app, pilot)


async def search(app, pilot, query: str) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("slash")
    app.search_screen.input.post_message(events.Paste(query))
    await pilot.pause(0.3)
    await settle(app, pilot)


@run_async
async def test_library_lists_seeds_grouped_by_region(app_home: Path) -> None:
    app = make_app(app_home)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        assert isinstance(app.screen, LibraryScreen)
        texts = option_texts(app.library_screen.option_list)
        headers = [t for t in texts if not t.startswith("\u00a0")]
        docs = [t for t in texts if t.startswith("\u00a0")]
        assert len(docs) == 5
        for region in ("古交市", "交城县", "太原市"):
            assert region in headers
        assert len(headers) == len(set(headers)), "one header per region"


@run_async
async def test_typing_filters_the_library(app_home: Path) -> None:
    app = make_app(app_home)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press(*"古交")  # typed on the list: goes to the filter
        await pilot.pause()
        screen = app.library_screen
        assert screen.query_one("#library-filter").value == "古交"
        docs = [t for t in option_texts(screen.option_list) if t.startswith("\u00a0")]
        assert docs and len(docs) < 5
        await pilot.press("escape")
        await pilot.pause()
        docs = [t for t in option_texts(screen.option_list) if t.startswith("\u00a0")]
        assert len(docs) == 5


@run_async
async def test_enter_opens_a_report_with_tree_and_text(app_home: Path) -> None:
    app = make_app(app_home)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_first_report(app, pilot)
        assert isinstance(app.screen, ReaderScreen)
        reader = app.reader_screen
        doc = reader.document
        assert doc is not None
        assert len(reader.text.blocks) >= len(doc.paragraphs())
        assert set(reader.tree.nodes_by_section) == {s.id for s in doc.walk()}
        assert reader.text.cursor_block is not None
        assert reader.text.cursor_block.paragraph is not None


@run_async
async def test_tree_moves_text_and_text_moves_tree(app_home: Path) -> None:
    app = make_app(app_home)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_first_report(app, pilot)
        reader = app.reader_screen
        doc = reader.document
        titled = [s for s in doc.walk() if s.title and (s.paragraphs or s.children)]
        assert len(titled) >= 3
        # Tree -> text: highlight a section deep in the document; the text follows.
        reader.tree.focus()
        await pilot.pause()
        target = titled[-2]
        reader.tree.move_cursor(reader.tree.nodes_by_section[target.id])
        await pilot.pause()
        assert reader.text.scroll_y > 0
        top = reader.text.blocks[reader.text.cursor]
        assert top.section.id in {s.id for s in target.walk()}
        # Text -> tree: go back to the text, jump to its end; the tree's cursor follows.
        reader.text.focus()
        await pilot.press("G")
        await pilot.pause()
        last = reader.text.cursor_block
        assert last is reader.text.blocks[-1]
        assert reader.tree.cursor_node.data == last.section.id
        await pilot.press("g")
        await pilot.pause()
        assert reader.text.scroll_y == 0
        assert reader.tree.cursor_node.data == reader.text.cursor_block.section.id


@run_async
async def test_j_k_and_page_keys_move_the_paragraph_cursor(app_home: Path) -> None:
    app = make_app(app_home)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_first_report(app, pilot)
        view = app.reader_screen.text
        start = view.cursor
        await pilot.press("j", "j")
        assert view.cursor == start + 2
        await pilot.press("k")
        assert view.cursor == start + 1
        await pilot.press("pagedown")
        await pilot.pause()
        assert view.scroll_y > 0
        assert view._visible(view.cursor)


@run_async
async def test_search_open_hit_and_step_with_n(app_home: Path) -> None:
    app = make_app(app_home)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await search(app, pilot, "林麝")
        assert isinstance(app.screen, SearchScreen)
        state = app.session.search
        assert state is not None and state.result.total == LINSHE_PARAGRAPHS
        # The cursor starts on the best-ranked hit, wherever the list's reading order puts it.
        best = state.index_of(state.result.hits[0])
        assert best > 0, "the seeds' best 林麝 hit is not its document's first (see below)"
        assert app.search_screen._highlighted_hit() == best
        status = str(app.search_screen.query_one("#search-status").render())
        assert status.startswith(f"{best + 1}/{LINSHE_PARAGRAPHS}")
        # ... and names the highlighted hit's report, whose header may be above the top (ux r16)
        from reporttui.core.labels import document_label

        label = document_label(state.hits[best], short=True)
        assert label and status.endswith(f" · {label}")
        # Grouped: a header per document with its count, then sections, then hits.
        texts = option_texts(app.search_screen.results)
        assert sum("林麝" in t for t in texts) == LINSHE_PARAGRAPHS
        # Enter in the query opens the best hit.
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, ReaderScreen)
        view = app.reader_screen.text
        block = view.cursor_block
        assert block is not None and "林麝" in block.text
        assert view.is_current_hit(block)
        assert block.paragraph.number == state.result.hits[0].paragraph
        # The hit sits in the upper part of the view (about a third down), not at the edge.
        hit_line = block.virtual_region.y + view.line_of(block, view.first_hit_offset(block))
        offset = hit_line - view.scroll_y
        assert 0 <= offset <= view.scrollable_content_region.height // 2
        # Every occurrence in the document is highlighted.
        marked = [b for b in view.blocks if "林麝" in b.text]
        assert marked and all("林麝" in b.text for b in marked)
        seen = []
        for _ in range(LINSHE_PARAGRAPHS):
            seen.append((app.reader_screen.document.id, view.cursor_block.paragraph.number))
            await pilot.press("n")
            await settle(app, pilot)
            assert "林麝" in view.cursor_block.text
        assert len(set(seen)) == LINSHE_PARAGRAPHS, "n visits every hit once"
        assert len({doc for doc, _ in seen}) == 4, "and crosses into the next documents"
        assert app.session.search.current == best, "then wraps around"
        await pilot.press("N")
        await settle(app, pilot)
        assert (app.reader_screen.document.id, view.cursor_block.paragraph.number) == seen[-1]
        assert f"{(best - 1) % LINSHE_PARAGRAPHS + 1}/{LINSHE_PARAGRAPHS}" in str(
            app.reader_screen.query_one("#reader-title").render()
        )
        # Back in the results, the hit the reader showed last is the highlighted one.
        await pilot.press("N")
        await settle(app, pilot)
        await pilot.press("escape")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SearchScreen)
        back = (best - 2) % LINSHE_PARAGRAPHS
        assert screen._highlighted_hit() == app.session.search.current == back
        status = str(screen.query_one("#search-status").render())
        assert status.startswith(f"{back + 1}/{LINSHE_PARAGRAPHS}")


@run_async
async def test_tree_shows_hit_counts_during_a_search(app_home: Path) -> None:
    app = make_app(app_home)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await search(app, pilot, "林麝")
        await pilot.press("enter")
        await settle(app, pilot)
        tree = app.reader_screen.tree
        labels = [str(node.label) for node in tree.nodes_by_section.values()]
        assert any(label.startswith("●") for label in labels)
        await pilot.press("escape")  # back to the results
        assert isinstance(app.screen, SearchScreen)
        await pilot.press("escape")  # clears the query and the search
        await settle(app, pilot)
        assert app.session.search is None
        labels = [str(node.label) for node in tree.nodes_by_section.values()]
        assert not any(label.startswith("●") for label in labels)


@run_async
async def test_phrase_search_finds_every_paragraph(app_home: Path) -> None:
    app = make_app(app_home)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await search(app, pilot, '"一泓清水入黄河"')
        state = app.session.search
        assert state is not None
        assert all("一泓清水入黄河" in hit.text for hit in state.hits)
        assert {hit.doc_id for hit in state.hits} and state.result.total >= 3


@run_async
async def test_search_says_indexing_until_the_index_is_ready(tmp_path: Path) -> None:
    app = make_app(tmp_path)  # a fresh home: the seeds get indexed in the background
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("slash")
        status_line = app.search_screen.query_one("#search-status")
        before = str(status_line.render())
        app.search_screen.input.post_message(events.Paste("林麝"))
        # until the query has been taken (its status line changes) or the index is ready: a
        # fixed pause was too short on a loaded machine
        for _ in range(100):
            await pilot.pause(0.05)
            if app.session.index_ready or str(status_line.render()) != before:
                break
        if not app.session.index_ready:
            status = str(app.search_screen.query_one("#search-status").render())
            assert "indexing" in status
        await settle(app, pilot)
        # the query waiting for the index runs once the index is ready: give it the time a
        # loaded machine needs to start it
        for _ in range(200):
            if app.session.search is not None:
                break
            await pilot.pause(0.05)
        await settle(app, pilot)
        assert app.session.search is not None
        assert app.session.search.result.total == LINSHE_PARAGRAPHS


@run_async
async def test_explain_shows_segmentation(app_home: Path) -> None:
    app = make_app(app_home)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await search(app, pilot, "林麝 region:古交")
        await pilot.press("f2")
        await settle(app, pilot)
        panel = app.search_screen.query_one("#search-explain")
        assert panel.display
        assert "林麝" in str(panel.render())
        # Esc clears the query: the open panel follows it, not the old query's explanation
        app.search_screen.input.focus()
        await pilot.press("escape")
        await settle(app, pilot)
        assert app.search_screen.input.value == ""
        assert panel.display
        assert "林麝" not in str(panel.render())


@run_async
async def test_help_opens_from_f1_and_question_mark(app_home: Path) -> None:
    app = make_app(app_home)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        from textual.widgets import MarkdownViewer

        markdown = app.screen.query_one(MarkdownViewer).document.source
        assert "林麝" in markdown and "region:古交" in markdown
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("q")  # closes help, does not quit
        assert isinstance(app.screen, LibraryScreen)


@run_async
async def test_palette_jumps_to_a_document_and_a_section(app_home: Path) -> None:
    app = make_app(app_home)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        entry = next(e for e in app.entries if e.region == "太原市")
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"太原市")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, ReaderScreen)
        assert app.reader_screen.document.region == "太原市"
        assert app.reader_screen.document.id in {e.id for e in app.entries if e.region == "太原市"}
        del entry
        # A section of the open document, by a word of its title.
        doc = app.reader_screen.document
        section = [s for s in doc.walk() if s.title and s.paragraphs][-1]
        await pilot.press("ctrl+p")
        await pilot.pause()
        app.screen.query_one("Input").value = section.title[:12]
        await pilot.pause(0.5)
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.reader_screen.text.cursor_block.section.id in {s.id for s in section.walk()}


@run_async
async def test_y_copies_the_paragraph_with_a_citation(app_home: Path) -> None:
    app = make_app(app_home)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await search(app, pilot, "林麝")
        await pilot.press("enter")
        await settle(app, pilot)
        block = app.reader_screen.text.cursor_block
        doc = app.reader_screen.document
        await pilot.press("y")
        text, citation = app.clipboard.rsplit("\n", 1)
        assert text == block.paragraph.text
        assert citation.startswith("——")
        assert doc.region in citation and str(doc.year) in citation
        assert " › ".join(doc.section_path(block.section.id)) in citation
        assert citation.endswith(f"第{block.paragraph.number}段")


@run_async
async def test_dropped_text_on_demand(app_home: Path) -> None:
    app = make_app(app_home)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        web_page = next(e for e in app.entries if e.path.endswith("003_dd839b69f8cc83e5.txt"))
        app.open_document(web_page.id)
        await settle(app, pilot)
        await pilot.press("d")
        await pilot.pause()
        from reporttui.ui.screens.dropped import DroppedScreen

        assert isinstance(app.screen, DroppedScreen)
        pieces = app.screen.query(".dropped-piece")
        assert len(pieces) == len(app.reader_screen.document.dropped) > 0
        await pilot.press("escape")
        assert isinstance(app.screen, ReaderScreen)


@pytest.mark.parametrize("size", [(40, 12), (200, 60)])
@run_async
async def test_every_screen_survives_resizing(app_home: Path, size: tuple[int, int]) -> None:
    app = make_app(app_home)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.resize_terminal(*size)
        await pilot.pause()
        await pilot.press("enter")
        await settle(app, pilot)
        await pilot.resize_terminal(*size)
        await pilot.pause()
        reader = app.reader_screen
        assert reader.tree.display is (size[0] >= 60)
        await pilot.press("t")
        assert reader.tree.display is (size[0] < 60)
        await search(app, pilot, "林麝")
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        await pilot.resize_terminal(*size)
        await pilot.pause()
        await pilot.press("enter")
        await settle(app, pilot)
        await pilot.press("f1")
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert app.return_code is None  # still running, no error


@run_async
async def test_paste_works_in_every_input(app_home: Path) -> None:
    app = make_app(app_home)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        # On the library list, a paste goes to the filter.
        app.screen.post_message(events.Paste("交城"))
        await pilot.pause()
        assert app.library_screen.query_one("#library-filter").value == "交城"
        await pilot.press("slash")
        app.search_screen.input.post_message(events.Paste("一泓清水入黄河"))
        await pilot.pause()
        assert app.search_screen.input.value == "一泓清水入黄河"


@run_async
async def test_unknown_keys_and_empty_search_do_not_fail(app_home: Path) -> None:
    app = make_app(app_home)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("R")  # no document read yet
        await pilot.press("enter")
        await settle(app, pilot)
        await pilot.press("n", "N")  # no search to step through
        assert isinstance(app.screen, ReaderScreen)
        await search(app, pilot, '"unbalanced ( -')
        await search(app, pilot, "没有这个词语zzzz")
        assert app.session.search is not None and app.session.search.result.total == 0
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, SearchScreen)


@run_async
async def test_palette_jumps_to_a_section_of_another_document(app_home: Path) -> None:
    app = make_app(app_home)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        assert len(app.session.outlines) == len(app.entries)  # a small library: all preloaded
        await pilot.press("ctrl+p")
        await pilot.pause()
        app.screen.query_one("Input").value = "2025年工作安排"
        await pilot.pause(0.5)
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, ReaderScreen)
        block = app.reader_screen.text.cursor_block
        path = app.reader_screen.document.section_path(block.section.id)
        assert any("2025年工作安排" in title for title in path)


@run_async
async def test_palette_section_of_another_document_from_the_reader_scrolls_there(
    app_home: Path,
) -> None:
    """From the reader of one report, ctrl+p → a section of another report shows that section."""
    app = make_app(app_home)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        gujiao = next(e for e in app.entries if e.region == "古交市" and e.year == 2025)
        app.open_document(gujiao.id)
        await settle(app, pilot)
        assert isinstance(app.screen, ReaderScreen)
        await pilot.press("ctrl+p")
        await pilot.pause()
        app.screen.query_one("Input").value = "老有厚养"
        await pilot.pause(0.5)
        await pilot.press("enter")
        await settle(app, pilot)
        await pilot.pause(0.3)
        reader = app.reader_screen
        assert reader.document.region == "太原市"
        block = reader.text.cursor_block
        assert "老有厚养" in " ".join(reader.document.section_path(block.section.id))
        # The text really scrolled to it: the cursor block is inside the visible window.
        view = reader.text
        top, bottom = view.scroll_y, view.scroll_y + view.scrollable_content_region.height
        assert view.scroll_y > 0
        assert top <= block.virtual_region.y < bottom


@run_async
async def test_tree_marks_the_appended_part_and_dropped_glyphs_are_readable(app_home: Path) -> None:
    app = make_app(app_home)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        taiyuan = next(e for e in app.entries if e.region == "太原市")
        app.open_document(taiyuan.id)
        await settle(app, pilot)
        labels = [str(node.label) for node in app.reader_screen.tree.nodes_by_section.values()]
        assert any(label.startswith("附加 ") for label in labels)
        assert sum(label.startswith("附加 ") for label in labels) == sum(
            1 for s in app.reader_screen.document.sections if s.part == "appended"
        )
    from reporttui.ui.screens.dropped import _printable

    assert _printable("\ue004传统工业") == "U+E004 传统工业"


@run_async
async def test_reporttui_file_opens_that_report_in_the_reader(tmp_path: Path) -> None:
    """`reporttui FILE` adds the file and opens it: the user asked to read it."""
    report = tmp_path / "in" / "交城2025.txt"
    report.parent.mkdir()
    report.write_bytes(
        (Path(__file__).resolve().parents[1] / "seeds" / "002_5f540e0837a54950.txt").read_bytes()
    )
    app = make_app(tmp_path / "home", paths=[report])
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.pause(0.3)
        assert isinstance(app.screen, ReaderScreen)
        assert app.reader_screen.document.region == "交城县"


@run_async
async def test_reporttui_file_already_in_the_library_opens_once_before_the_add(
    tmp_path: Path,
) -> None:
    """`reporttui FILE` for a file the library holds unchanged opens it from the listing (not
    after the add), and the add does not open it a second time (one history step)."""
    import threading

    from reporttui.core.library.library import Library

    report = tmp_path / "in" / "交城2025.txt"
    report.parent.mkdir()
    report.write_bytes(
        (Path(__file__).resolve().parents[1] / "seeds" / "002_5f540e0837a54950.txt").read_bytes()
    )
    Library(tmp_path / "home").add([report], None, threading.Event())
    app = make_app(tmp_path / "home", paths=[report])
    opened: list[str] = []
    real_open = app.open_document

    def spy(doc_id: str, *args: object, **kwargs: object) -> None:
        opened.append(doc_id)
        real_open(doc_id, *args, **kwargs)  # type: ignore[arg-type]

    app.open_document = spy  # type: ignore[method-assign]
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.pause(0.3)
        assert isinstance(app.screen, ReaderScreen)
        assert app.reader_screen.document.region == "交城县"
        assert app._cli_opened == opened[0] and len(opened) == 1


@run_async
async def test_compare_targets_and_keywords_open_from_the_reader(app_home: Path) -> None:
    """c / T / K on an open report show the compare, targets and keywords screens; Esc returns."""
    from reporttui.ui.compare import CompareScreen, KeywordScreen, TargetsScreen

    app = make_app(app_home)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        gujiao = next(e for e in app.entries if e.region == "古交市" and e.year == 2025)
        app.open_document(gujiao.id)
        await settle(app, pilot)
        for key, screen_type in (("c", CompareScreen), ("T", TargetsScreen), ("K", KeywordScreen)):
            await pilot.press(key)
            await settle(app, pilot)
            await pilot.pause(0.2)
            assert isinstance(app.screen, screen_type), key
            if isinstance(app.screen, CompareScreen):
                assert app.screen.doc_a_id == gujiao.id
            await pilot.press("escape")
            await pilot.pause(0.2)
            assert isinstance(app.screen, ReaderScreen), key


@run_async
async def test_explain_names_the_highlighted_hit_not_the_hit_of_that_rank(app_home: Path) -> None:
    """The list is in reading order inside each document (¶18 before ¶38 of 古交 2026), the
    ranking is not (¶38 first): F2 explains the highlighted row under its own rank (ux r11)."""
    app = make_app(app_home)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await search(app, pilot, "林麝")
        state = app.session.search
        assert state is not None
        first_row, best = state.hits[0], state.result.hits[0]
        assert first_row.paragraph < best.paragraph and first_row.doc_id == best.doc_id
        rank = next(i for i, h in enumerate(state.result.hits) if h is first_row)
        results = app.search_screen.results
        assert results.highlighted == results.get_option_index(f"hit:{state.index_of(best)}")
        results.highlighted = results.get_option_index("hit:0")  # the list's first row
        await pilot.pause()
        await pilot.press("f2")
        await settle(app, pilot)
        text = str(app.search_screen.query_one("#search-explain").render())
        assert f"¶{first_row.paragraph} (hit {rank + 1} by rank) ranks here" in text
        assert f"¶{best.paragraph} (hit 1" not in text


@run_async
async def test_a_one_section_page_opens_without_its_tree(tmp_path: Path) -> None:
    """ux r16: a saved page or news digest has one section; its tree said only 全文 and took
    a third of 80 columns. Hidden until `t`; a report with sections still shows its tree."""
    import gzip

    page = tmp_path / "in" / "feixi.html"
    page.parent.mkdir()
    data = Path(__file__).resolve().parent / "data" / "inputs" / "ahjyt-feixi-2023.html.gz"
    page.write_bytes(gzip.decompress(data.read_bytes()))
    app = make_app(tmp_path / "home", paths=[page])
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.pause(0.3)
        reader = app.reader_screen
        assert isinstance(app.screen, ReaderScreen) and reader.document.region == "肥西县"
        assert len(reader.tree.nodes_by_section) == 1
        assert not reader.tree.display and reader.text.size.width > 70
        other = next(e for e in app.entries if e.region == "交城县")
        app.open_document(other.id)
        await settle(app, pilot)
        await pilot.pause(0.2)
        assert len(reader.tree.nodes_by_section) > 1 and reader.tree.display
        await pilot.press("escape")  # back to the page: its tree hidden again
        await settle(app, pilot)
        await pilot.pause(0.2)
        assert reader.document.region == "肥西县" and not reader.tree.display
        await pilot.press("t")  # asked for: shown
        await pilot.pause()
        assert reader.tree.display
