"""SVG snapshots of each main screen at 80x24 (pytest-textual-snapshot).

Update after an intended change with ``pytest tests/test_snapshots.py --snapshot-update`` and look
at the report before committing.
"""

from __future__ import annotations

from pathlib import Path

from test_app_support import app_home, make_app, settle  # noqa: F401 (a fixture)
from textual import events

SIZE = (80, 24)


async def _ready(pilot) -> None:  # type: ignore[no-untyped-def]
    await settle(pilot.app, pilot)
    for input_widget in pilot.app.query("Input"):
        input_widget.cursor_blink = False


async def _search(pilot, query: str = "林麝") -> None:  # type: ignore[no-untyped-def]
    await _ready(pilot)
    await pilot.press("slash")
    app = pilot.app
    app.search_screen.input.cursor_blink = False
    app.search_screen.input.post_message(events.Paste(query))
    await pilot.pause(0.3)
    await settle(app, pilot)


def test_library_screen(snap_compare, app_home: Path) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(make_app(app_home), terminal_size=SIZE, run_before=_ready)


def test_reader_screen(snap_compare, app_home: Path) -> None:  # type: ignore[no-untyped-def]
    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await _ready(pilot)
        await pilot.press("enter")
        await settle(pilot.app, pilot)
        await pilot.press("j", "j", "j")

    assert snap_compare(make_app(app_home), terminal_size=SIZE, run_before=run_before)


def test_search_screen(snap_compare, app_home: Path) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(make_app(app_home), terminal_size=SIZE, run_before=_search)


def test_reader_at_a_hit(snap_compare, app_home: Path) -> None:  # type: ignore[no-untyped-def]
    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await _search(pilot)
        await pilot.press("enter")
        await settle(pilot.app, pilot)
        await pilot.press("n")
        await settle(pilot.app, pilot)

    assert snap_compare(make_app(app_home), terminal_size=SIZE, run_before=run_before)


def test_help_screen(snap_compare, app_home: Path) -> None:  # type: ignore[no-untyped-def]
    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await _ready(pilot)
        await pilot.press("f1")
        await pilot.pause()

    assert snap_compare(make_app(app_home), terminal_size=SIZE, run_before=run_before)


def test_narrow_reader(snap_compare, app_home: Path) -> None:  # type: ignore[no-untyped-def]
    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await _ready(pilot)
        await pilot.press("enter")
        await settle(pilot.app, pilot)

    assert snap_compare(make_app(app_home), terminal_size=(40, 12), run_before=run_before)
