"""The reader's line-API text view: what it renders, lazily laid out, marks, hits, places kept."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from textual.app import App, ComposeResult

from conftest import seed_doc
from reporttui.core.model import Document
from reporttui.core.text.ingest import load_document, parse_document
from reporttui.core.text.linebreak import CLOSING, cell_width
from reporttui.ui.widgets.document_view import GUTTER, DocumentView
from test_app_support import run_async

SEEDS = range(5)


class ViewApp(App[None]):
    """Just the text view, filling the screen."""

    CSS = "DocumentView { height: 1fr; }"

    def compose(self) -> ComposeResult:
        yield DocumentView()


def long_document(paragraphs: int = 400) -> Document:
    """A report of many paragraphs (sentences in the reports' style) with a few headings."""
    lines = []
    for i in range(paragraphs):
        if i % 50 == 0:
            lines.append(f"{'一二三四五六七八九十'[i // 50 % 10]}、第{i // 50 + 1}部分工作安排")
        lines.append(
            f"第{i + 1}段：全市地区生产总值增长22.0%，达到107.48亿元，新增市场主体2,516户。"
            "我们坚持“以人民为中心”的发展思想（见附表），推动高质量发展取得新成效。"
        )
    return parse_document("\n\n".join(lines), "long.md")


def shown_lines(view: DocumentView) -> list[tuple[int, str]]:
    """Every line of the laid-out document as rendered: (block index, text after the gutter)."""
    view._ensure_all()
    height = view.scrollable_content_region.height
    out: list[tuple[int, str]] = []
    y = 0
    total = view.virtual_size.height
    while y < total:
        view.scroll_to(y=y, animate=False, immediate=True, force=True)
        top = view.scroll_offset.y
        for row in range(height):
            line = top + row
            if line >= total or line < y:
                continue
            strip = view.render_line(row)
            out.append((view._line_blocks[line], strip.text[GUTTER:].rstrip()))
        y = top + height
    return out


def rule_problems(view: DocumentView, width: int) -> list[str]:
    problems = []
    previous = -2
    for block, text in shown_lines(view):
        if block >= 0 and block == previous and text[:1] in CLOSING:
            problems.append(f"starts with closing punctuation: {text!r}")
        if cell_width(text) > width:
            problems.append(f"wider than {width}: {text!r}")
        previous = block
    return problems


@pytest.mark.parametrize("size", [(44, 20), (120, 30)])
@run_async
async def test_rendered_seed_lines_keep_the_rules(size: tuple[int, int]) -> None:
    app = ViewApp()
    async with app.run_test(size=size) as pilot:
        view = app.query_one(DocumentView)
        for number in SEEDS:
            doc = seed_doc(number)
            await view.show(doc)
            await pilot.pause()
            assert rule_problems(view, view.text_width) == []
            # Every character of every paragraph is shown (spaces at line edges aside).
            shown = "".join(text for _, text in shown_lines(view)).replace(" ", "")
            for paragraph in doc.paragraphs()[:40]:
                assert paragraph.text.replace(" ", "") in shown


@run_async
async def test_only_the_first_screens_are_laid_out_then_the_rest_follows() -> None:
    app = ViewApp()
    async with app.run_test(size=(80, 24)) as pilot:
        view = app.query_one(DocumentView)
        doc = long_document()
        await view.show(doc)
        assert 0 < view._laid < len(view.blocks) // 4
        assert view.virtual_size.height > 400  # estimated for the scrollbar
        for _ in range(200):
            await pilot.pause(0.02)
            if view._laid == len(view.blocks):
                break
        assert view._laid == len(view.blocks)
        assert view.virtual_size.height == len(view._line_blocks)


@run_async
async def test_jumps_lay_out_what_they_need_and_g_goes_to_the_end() -> None:
    app = ViewApp()
    async with app.run_test(size=(80, 24)) as pilot:
        view = app.query_one(DocumentView)
        doc = long_document()
        await view.show(doc)
        view.scroll_to_paragraph(300)
        await pilot.pause()
        block = view.cursor_block
        assert block is not None and block.paragraph is not None and block.paragraph.number == 300
        assert view.scroll_offset.y == block.virtual_region.y
        assert view.render_line(0).text[GUTTER:].startswith("第300段")
        view.focus()
        await pilot.press("G")
        assert view.cursor_block is view.blocks[-1]
        assert view.scroll_offset.y == view.max_scroll_y > 0


@run_async
async def test_resizing_keeps_the_paragraph_at_the_top() -> None:
    app = ViewApp()
    async with app.run_test(size=(100, 30)) as pilot:
        view = app.query_one(DocumentView)
        await view.show(long_document())
        view.scroll_to_paragraph(120)
        await pilot.pause()
        await pilot.resize_terminal(50, 20)
        await pilot.pause()
        assert view.text_width == 50 - GUTTER - 2  # padding and scrollbar
        assert view.render_line(0).text[GUTTER:].startswith("第120段")


@run_async
async def test_hits_current_hit_and_marks_in_the_gutter() -> None:
    app = ViewApp()
    async with app.run_test(size=(80, 24)) as pilot:
        view = app.query_one(DocumentView)
        doc = seed_doc(0)
        await view.show(doc)
        paragraph = next(p for p in doc.paragraphs() if "林麝" in p.text)
        view.set_terms(["林麝"], (paragraph.section_id, paragraph.number))
        view.scroll_to_paragraph(paragraph.number, paragraph.text.index("林麝"))
        await pilot.pause()
        strip = view.render_line(0)
        styled = [seg for seg in strip if "林麝" in seg.text]
        assert styled and styled[0].style is not None and styled[0].style.bold
        assert view.is_current_hit(view.cursor_block)
        # Marks: a glyph in the second gutter cell of the paragraph's first line.
        view.set_marks("tags", [paragraph.number], glyph="◆")
        view.scroll_to_paragraph(paragraph.number)
        await pilot.pause()
        assert view.render_line(0).text[:GUTTER] == "▌◆"
        assert view.marks_of(paragraph.number) == ["tags"]
        view.set_marks("hits", [paragraph.number], glyph="•")
        assert view.render_line(0).text[1] == "•"  # the later group shows
        view.clear_marks("hits")
        view.clear_marks("tags")
        assert view.render_line(0).text[1] == " " and view.marks_of(paragraph.number) == []


@run_async
async def test_a_click_puts_the_cursor_on_that_paragraph() -> None:
    app = ViewApp()
    async with app.run_test(size=(80, 24)) as pilot:
        view = app.query_one(DocumentView)
        await view.show(long_document())
        await pilot.pause()
        await pilot.click(DocumentView, offset=(10, 10))
        line = view.scroll_offset.y + 10
        assert view.cursor == view.index_at_line(line)


def _corpus_sample(root: Path, every: int) -> list[Path]:
    paths = sorted(root.rglob("*.md"))
    biggest = sorted(paths, key=lambda p: -p.stat().st_size)[:3]
    return biggest + paths[::every]


@pytest.mark.corpus
@run_async
async def test_rendered_corpus_reports_keep_the_rules(corpus_dir: Path) -> None:
    """Renders of the three biggest corpus reports and every 150th one, at 80 and 160 columns."""
    sample = _corpus_sample(corpus_dir, int(os.environ.get("READER_CORPUS_EVERY", "150")))
    for size in ((80, 24), (160, 45)):
        app = ViewApp()
        async with app.run_test(size=size) as pilot:
            view = app.query_one(DocumentView)
            for path in sample:
                await view.show(load_document(path))
                await pilot.pause()
                problems = rule_problems(view, view.text_width)
                assert problems == [], (path.relative_to(corpus_dir), problems[:5])


def test_search_snippets_fold_by_the_line_breaker() -> None:
    """Result snippets (``styling.hanging``) keep the same rules, hung under their prefix."""
    from textual.content import Content

    from reporttui.ui.styling import snippet

    text = (
        "…坚持“以人民为中心”的发展思想，全市地区生产总值增长22.0%，达到107.48亿元。推动高质量发展…"
    )
    for width in range(20, 60, 3):
        lines = snippet(text, [(3, 6)], prefix="¶12", width=width).plain.split("\n")
        assert all(cell_width(line) <= width for line in lines)
        assert all(line.startswith("    ") and line[4] not in CLOSING for line in lines[1:])
        assert "".join(line.strip() for line in lines).replace("¶12 ", "") == text
    assert isinstance(snippet(text, []), Content)
