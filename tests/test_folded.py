"""Folded: a Static's text cut by the Chinese line breaker at the width it is drawn (compare)."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.content import Content
from textual.widgets import Static

from reporttui.core.text.linebreak import CLOSING, cell_width
from reporttui.ui.widgets.folded import Folded, fold
from test_app_support import run_async

TEXT = (
    "在基本建设方面：两年来基本建设计划，每年都接近完成。没有全部完成计划的原因是：设计所需要的"
    "基础资料的收集工作延迟了，设计工作赶不上，图纸、材料、设备不能按时供应，地区生产总值增长"
    "22.0%，一般公共预算收入107.48亿元。"
)


def test_fold_never_starts_a_line_with_closing_punctuation() -> None:
    content = Content("标题\n" + TEXT)
    for width in range(12, 90):
        lines = fold(content, width).plain.split("\n")
        assert lines[0] == "标题"
        assert "".join(lines[1:]) == TEXT  # nothing lost, nothing added
        indented = fold(Content("  " + TEXT), width).plain.split("\n")
        assert all(line.startswith("  ") for line in indented)  # hanging indent kept
        for line in lines:
            assert cell_width(line) <= width
            assert not line or line[0] not in CLOSING, (width, line)
        assert not any("22.0%" not in line and "22." in line for line in lines)


class _One(App[None]):
    def compose(self) -> ComposeResult:
        yield Static(Folded(Content(TEXT)), id="s")


@run_async
async def test_a_static_with_folded_text_lays_out_at_its_width() -> None:
    for width in (40, 57, 80):
        app = _One()
        async with app.run_test(size=(width, 24)) as pilot:
            await pilot.pause()
            static = app.query_one("#s", Static)
            lines = [
                "".join(seg.text for seg in strip).rstrip()
                for strip in static.render_lines(static.region.reset_offset)
            ]
            shown = [line for line in lines if line]
            assert (
                len(shown)
                == static.size.height
                == len(fold(Content(TEXT), width).plain.split("\n"))
            )
            assert all(line[0] not in CLOSING for line in shown), shown
