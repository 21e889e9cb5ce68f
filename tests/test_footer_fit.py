"""Every screen's footer fits at 80 columns: each action it shows is on screen, left of the
command-palette key, and it shows at least four (issue 12: "the footer shows the 4-6 actions
that matter on each screen and fits at 80 columns")."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from test_app_support import make_app, run_async, settle


def _footer_keys(app: Any) -> tuple[list[FooterKey], FooterKey | None, int]:
    footer = app.screen.query_one(Footer)
    keys = list(footer.query(FooterKey))
    palette = next((k for k in keys if k.has_class("-command-palette")), None)
    return [k for k in keys if k is not palette], palette, footer.region.right


def _check(app: Any, name: str, problems: list[str]) -> None:
    keys, palette, right = _footer_keys(app)
    limit = palette.region.x if palette is not None else right
    cut = [k.description or k.key for k in keys if k.region.width == 0 or k.region.right > limit]
    if cut:
        problems.append(f"{name}: cut {cut}")
    if len(keys) < 4:
        problems.append(f"{name}: only {len(keys)} actions shown")


async def _go(app: Any, pilot: Any, *keys: str, pause: float = 0.2) -> None:
    await pilot.press(*keys)
    await pilot.pause(pause)
    await settle(app, pilot)


@run_async
async def test_every_footer_fits_at_80_columns(app_home: Path) -> None:
    from reporttui.ui.compare import CompareScreen, KeywordScreen, TargetsScreen
    from reporttui.ui.screens.diff import DiffScreen
    from reporttui.ui.screens.help import HelpScreen
    from reporttui.ui.screens.reader import ReaderScreen
    from reporttui.ui.screens.tags import TagsScreen

    app = make_app(app_home)
    problems: list[str] = []
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        _check(app, "library", problems)
        await _go(app, pilot, "enter")
        assert isinstance(app.screen, ReaderScreen)
        _check(app, "reader", problems)
        for key, kind in (
            ("T", TargetsScreen),
            ("K", KeywordScreen),
            ("question_mark", HelpScreen),
            ("number_sign", TagsScreen),
        ):
            await _go(app, pilot, key, pause=0.5)
            assert isinstance(app.screen, kind), (key, app.screen)
            _check(app, kind.__name__, problems)
            await _go(app, pilot, "escape")
        await _go(app, pilot, "D", pause=0.5)
        if not isinstance(app.screen, DiffScreen):  # a picker asks for the other report first
            await _go(app, pilot, "enter", pause=0.5)
        assert isinstance(app.screen, DiffScreen), app.screen
        _check(app, "diff", problems)
        await _go(app, pilot, "escape")
        await _go(app, pilot, "c", pause=0.5)
        assert isinstance(app.screen, CompareScreen)
        _check(app, "compare", problems)
        await _go(app, pilot, "slash")
        _check(app, "search", problems)
    assert not problems, problems
