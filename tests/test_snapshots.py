"""SVG snapshots of every non-compare screen at 80x24 and 160x45 (pytest-textual-snapshot).

Update after an intended change with ``pytest tests/test_snapshots.py --snapshot-update`` and look
at the report before committing.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual import events

from test_app_support import make_app, settle

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((160, 45), id="160x45")]


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


async def _open(pilot, region: str) -> None:  # type: ignore[no-untyped-def]
    await _ready(pilot)
    app = pilot.app
    entry = next(e for e in app.entries if e.region == region)
    app.open_document(entry.id)
    await settle(app, pilot)
    await pilot.pause(0.2)


@pytest.mark.parametrize("size", SIZES)
def test_library_screen(snap_compare, app_home: Path, size) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(make_app(app_home), terminal_size=size, run_before=_ready)


@pytest.mark.parametrize("size", SIZES)
def test_library_filtered(snap_compare, app_home: Path, size) -> None:  # type: ignore[no-untyped-def]
    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await _ready(pilot)
        await pilot.press(*"古交")
        await pilot.pause()

    assert snap_compare(make_app(app_home), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_reader_screen(snap_compare, app_home: Path, size) -> None:  # type: ignore[no-untyped-def]
    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await _ready(pilot)
        await pilot.press("enter")
        await settle(pilot.app, pilot)
        await pilot.press("j", "j", "j")

    assert snap_compare(make_app(app_home), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_search_screen(snap_compare, app_home: Path, size) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(make_app(app_home), terminal_size=size, run_before=_search)


@pytest.mark.parametrize("size", SIZES)
def test_search_explain(snap_compare, app_home: Path, size) -> None:  # type: ignore[no-untyped-def]
    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await _search(pilot, "林麝 region:古交 -煤炭")
        await pilot.press("f2")
        await pilot.pause()

    assert snap_compare(make_app(app_home), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_reader_at_a_hit(snap_compare, app_home: Path, size) -> None:  # type: ignore[no-untyped-def]
    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await _search(pilot)
        await pilot.press("enter")
        await settle(pilot.app, pilot)
        await pilot.press("n")
        await settle(pilot.app, pilot)

    assert snap_compare(make_app(app_home), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_reader_search_ended(snap_compare, app_home: Path, size) -> None:  # type: ignore[no-untyped-def]
    """Another document opened from the palette: the title says the hit walk ended."""

    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await _search(pilot)
        await pilot.press("enter")
        await settle(pilot.app, pilot)
        app = pilot.app
        other = next(e for e in app.entries if e.region == "交城县")
        app.open_document(other.id, via="palette")
        await settle(app, pilot)
        await pilot.pause(0.2)

    assert snap_compare(make_app(app_home), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_help_screen(snap_compare, app_home: Path, size) -> None:  # type: ignore[no-untyped-def]
    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await _ready(pilot)
        await pilot.press("f1")
        await pilot.pause()

    assert snap_compare(make_app(app_home), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_dropped_screen(snap_compare, app_home: Path, size) -> None:  # type: ignore[no-untyped-def]
    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await _open(pilot, "太原市")
        await pilot.press("d")
        await pilot.pause()

    assert snap_compare(make_app(app_home), terminal_size=size, run_before=run_before)


def test_narrow_reader(snap_compare, app_home: Path) -> None:  # type: ignore[no-untyped-def]
    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await _ready(pilot)
        await pilot.press("enter")
        await settle(pilot.app, pilot)

    assert snap_compare(make_app(app_home), terminal_size=(40, 12), run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_tags_screen(snap_compare, app_home: Path, size) -> None:  # type: ignore[no-untyped-def]
    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await _ready(pilot)
        await pilot.press("number_sign")
        await settle(pilot.app, pilot)

    assert snap_compare(make_app(app_home), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_diff_screen(snap_compare, app_home: Path, size) -> None:  # type: ignore[no-untyped-def]
    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await _open(pilot, "太原市")
        await pilot.press("D")
        await pilot.pause(0.3)
        for widget in pilot.app.query("Input"):
            widget.cursor_blink = False
        await pilot.press(*"2026")  # the one 2026 report of the seeds (古交)
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause(0.3)
        await settle(pilot.app, pilot)

    assert snap_compare(make_app(app_home), terminal_size=size, run_before=run_before)
