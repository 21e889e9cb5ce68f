"""Pilot tests of the workbench in the app: m tags, tree/results marks, # tags screen, export, D 对照."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

from textual import events

from reporttui.core.library.tags import TagStore
from reporttui.ui.compare.picker import DocPicker
from reporttui.ui.screens.diff import DiffScreen
from reporttui.ui.screens.reader import ReaderScreen
from reporttui.ui.screens.tag_picker import TagPicker
from reporttui.ui.screens.tags import TagsScreen
from test_app_support import make_app, run_async, settle


def _private_home(app_home: Path, tmp_path: Path) -> Path:
    """A copy of the shared indexed home (these tests write tags into it)."""
    home = tmp_path / "home"
    shutil.copytree(app_home, home)
    return home


async def _type(pilot, text: str) -> None:  # type: ignore[no-untyped-def]
    for ch in text:
        await pilot.press(ch if ch.isascii() and ch.isalnum() else "space" if ch == " " else ch)


@run_async
async def test_tag_in_reader_then_tags_screen_export_and_open(
    app_home: Path, tmp_path: Path
) -> None:
    home = _private_home(app_home, tmp_path)
    app = make_app(home)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("enter")  # the first report
        await settle(app, pilot)
        assert isinstance(app.screen, ReaderScreen)
        for _ in range(3):
            await pilot.press("j")
        block = app.reader_screen.text.cursor_block
        doc = app.reader_screen.document
        assert block is not None and block.paragraph is not None
        await pilot.press("m")
        await settle(app, pilot)
        assert isinstance(app.screen, TagPicker)
        picker = app.screen
        picker.query_one("#tag-input").post_message(events.Paste("营商环境"))
        await pilot.pause()
        await pilot.press("enter")
        picker.query_one("#tag-input").post_message(events.Paste("改革"))
        await pilot.pause()
        await pilot.press("enter")
        assert picker.selected == ["营商环境", "改革"]
        picker.query_one("#tag-note").focus()
        picker.query_one("#tag-note").post_message(events.Paste("开篇"))
        await pilot.pause()
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, ReaderScreen)
        stored = TagStore(home).find(doc.id, block.paragraph.number)
        assert (
            stored is not None
            and set(stored.tags) == {"营商环境", "改革"}
            and stored.note == "开篇"
        )
        assert app.reader_screen.text.marks_of(block.paragraph.number) == ["tags"]
        # the tree marks the section holding it
        labels = [str(n.label) for n in app.reader_screen.tree.nodes_by_section.values()]
        assert any(label.startswith("#1 ") or " #1 " in label or "#1" in label for label in labels)
        # keys typed straight after m reach the picker (no wait for the database); an extra
        # Enter typed fast after the saving one does no harm
        await pilot.press("j", "m", "x", "y", "enter", "enter", "enter")
        await settle(app, pilot)
        nxt = app.reader_screen.text.cursor_block.paragraph
        assert TagStore(home).find(doc.id, nxt.number).tags == ("xy",)
        await pilot.press("k")
        # m again shows the tags ticked; Esc leaves them alone
        await pilot.press("m")
        await settle(app, pilot)
        assert isinstance(app.screen, TagPicker) and set(app.screen.selected) == {
            "营商环境",
            "改革",
        }
        await pilot.press("escape")
        await pilot.pause()
        # the tags screen
        await pilot.press("number_sign")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, TagsScreen)
        assert [c.name for c in screen.counts] == ["xy", "改革", "营商环境"]
        await pilot.press("down", "enter")
        await settle(app, pilot)
        assert screen.tag == "改革" and len(screen.passages) == 1
        # export this tag's passages to CSV (a path with slashes typed in)
        await pilot.press("e")
        await pilot.pause()
        target = tmp_path / "out.csv"
        dialog = app.screen
        dialog.query_one("#export-path").value = ""
        await _type(pilot, str(target))
        assert dialog.query_one("#export-path").value == str(target)
        await pilot.press("enter")
        await settle(app, pilot)
        rows = list(csv.DictReader(target.open(encoding="utf-8")))
        assert [r["paragraph"] for r in rows] == [str(block.paragraph.number)] and rows[0][
            "note"
        ] == "开篇"
        # Enter on the passage opens it in the reader (a second Enter typed fast does no harm)
        await pilot.press("enter", "enter")
        await settle(app, pilot)
        assert isinstance(app.screen, ReaderScreen)
        assert app.reader_screen.text.cursor_block.paragraph.number == block.paragraph.number


@run_async
async def test_tag_a_search_hit_and_results_mark_it(app_home: Path, tmp_path: Path) -> None:
    home = _private_home(app_home, tmp_path)
    app = make_app(home)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("slash")
        app.search_screen.input.post_message(events.Paste("林麝"))
        await pilot.pause(0.3)
        await settle(app, pilot)
        await pilot.press("down")
        hit = app.session.search.hits[app.search_screen._highlighted_hit()]
        await pilot.press("m")
        await settle(app, pilot)
        assert isinstance(app.screen, TagPicker)
        app.screen.query_one("#tag-input").post_message(events.Paste("林麝"))
        await pilot.pause()
        await pilot.press("enter")
        await pilot.press("enter")  # empty line: save
        await settle(app, pilot)
        assert TagStore(home).find(hit.doc_id, hit.paragraph) is not None
        prompts = [
            str(app.search_screen.results.get_option_at_index(i).prompt)
            for i in range(app.search_screen.results.option_count)
        ]
        assert sum(f"#¶{hit.paragraph}" in p for p in prompts) == 1
        # tag:林麝 finds exactly the tagged paragraph
        app.search_screen.input.value = ""
        app.search_screen.input.focus()
        app.search_screen.input.post_message(events.Paste("tag:林麝"))
        await pilot.pause(0.3)
        await settle(app, pilot)
        assert [(h.doc_id, h.paragraph) for h in app.session.search.hits] == [
            (hit.doc_id, hit.paragraph)
        ]


@run_async
async def test_diff_view_marks_changes_and_steps_through_them(app_home: Path) -> None:
    app = make_app(app_home)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("enter")
        await settle(app, pilot)
        await pilot.press("D")
        await settle(app, pilot)
        assert isinstance(app.screen, DocPicker)
        await pilot.press("enter")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, DiffScreen) and screen.diff is not None
        assert screen.diff.passages and screen.changes
        first = screen.rows.highlighted
        assert first == screen.changes[0]
        await pilot.press("n")
        assert screen.rows.highlighted == screen.changes[1]
        await pilot.press("N")
        assert screen.rows.highlighted == screen.changes[0]
        await pilot.press("right_square_bracket")
        assert screen.rows.highlighted in screen.headers
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
