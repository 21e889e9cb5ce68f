"""SVG snapshots of the compare, targets and keywords screens at 80x24 and 160x45.

Each screen runs in a small app of its own over the bundled seeds (so the pictures do not depend
on the library screen). Update after an intended change with
``pytest tests/test_snapshots_compare.py --snapshot-update`` and look at the report first.
"""

from __future__ import annotations

import os
from typing import Any

import pytest
from textual.app import App

from compare_helpers import seed
from reporttui.core.library.library import Library

SIZES = [(80, 24), (160, 45)]


class ScreenApp(App[None]):
    """Pushes one compare-package screen (the app's reader is not needed for a picture)."""

    def __init__(self, make_screen: Any) -> None:
        super().__init__()
        self.make_screen = make_screen

    def on_mount(self) -> None:
        self.push_screen(self.make_screen())


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Library:
    os.environ["TEXTUAL_ANIMATIONS"] = "none"
    return Library(tmp_path_factory.mktemp("home"))


async def _settle(pilot: Any) -> None:
    for _ in range(4):
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_compare_screen(snap_compare, library: Library, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    from reporttui.ui.compare import CompareScreen

    a, b = seed("古交2025").id, seed("太原2025").id
    app = ScreenApp(lambda: CompareScreen(library, a, b))
    assert snap_compare(app, terminal_size=size, run_before=_settle)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_compare_picker(snap_compare, library: Library, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    from reporttui.ui.compare import CompareScreen

    a, b = seed("古交2025").id, seed("太原2025").id
    app = ScreenApp(lambda: CompareScreen(library, a, b))

    async def run_before(pilot: Any) -> None:
        await _settle(pilot)
        await pilot.press("B")
        await pilot.pause()
        for widget in pilot.app.query("Input"):
            widget.cursor_blink = False
        await pilot.press(*"古交")
        await pilot.pause()

    assert snap_compare(app, terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_targets_screen(snap_compare, library: Library, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    from reporttui.ui.compare import TargetsScreen

    ids = [seed(n).id for n in ("古交2025", "古交2026", "交城2025", "太原2025")]
    app = ScreenApp(lambda: TargetsScreen(library, ids))

    async def run_before(pilot: Any) -> None:
        await _settle(pilot)
        await pilot.press("right", "right", "right", "right", "down")  # the indicator column stays

    assert snap_compare(app, terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_keywords_screen(snap_compare, library: Library, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    from reporttui.ui.compare import KeywordScreen

    doc, vs = seed("古交2026").id, seed("古交2025").id
    app = ScreenApp(lambda: KeywordScreen(library, doc, vs))
    assert snap_compare(app, terminal_size=size, run_before=_settle)
