#!/usr/bin/env python3
"""Screenshots of each main screen of the real app on the bundled reports, as SVG (and PNG).

    .venv/bin/python scripts/screenshots.py [--out screenshots] [--png DIR]

The app runs headless (Textual's Pilot) on a temporary library home. Rich's SVG export gives
every character one cell of ``textLength`` (Textualize/rich#2742), so CJK glyphs, which take two
cells in the terminal, are squeezed and overlap. :func:`fix_cjk_widths` rewrites each text run
into pieces of uniform cell width with their own ``x`` and a ``textLength`` of their real cell
width, so the image matches the terminal grid. ``--png`` renders the SVGs with rsvg-convert (or
cairosvg) to look at them.
"""

from __future__ import annotations

import argparse
import asyncio
import html
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Awaitable, Callable
from pathlib import Path

from rich.cells import cell_len

ROOT = Path(__file__).resolve().parents[1]

_TEXT_TAG = re.compile(
    r'<text ([^>]*?)x="([0-9.]+)"([^>]*?)textLength="([0-9.]+)"([^>]*)>(.*?)</text>', re.S
)


def _runs(text: str) -> list[str]:
    """Split ``text`` into maximal runs of blanks, narrow characters and wide characters."""
    runs: list[str] = []
    width = None
    for char in text:
        w = 0 if not char.strip() else cell_len(char)
        if runs and w == width:
            runs[-1] += char
        else:
            runs.append(char)
            width = w
    return runs


def fix_cjk_widths(svg: str) -> str:
    """Give every run of wide characters its real width (two cells per glyph) in ``svg``."""

    def fix(match: re.Match[str]) -> str:
        before, x, middle, length, after, body = match.groups()
        text = html.unescape(body)
        chars = len(text)
        if chars == 0:
            return match.group(0)
        cell = float(length) / chars
        pos = float(x)
        pieces = []
        for run in _runs(text):
            width = cell * cell_len(run)
            if not run.strip():  # leading/inner blanks: SVG renderers drop them, so skip by x
                pos += width
                continue
            escaped = html.escape(run, quote=False).replace(" ", "&#160;")
            pieces.append(
                f'<text {before}x="{pos:.4g}"{middle}textLength="{width:.4g}" '
                f'lengthAdjust="spacingAndGlyphs"{after}>{escaped}</text>'
            )
            pos += width
        return "".join(pieces)

    return _TEXT_TAG.sub(fix, svg)


Step = Callable[..., Awaitable[None]]


async def _shoot(out: Path, size: tuple[int, int], shots: list[tuple[str, Step]]) -> list[Path]:
    from reporttui.ui.app import ReportApp

    written: list[Path] = []
    home = Path(tempfile.mkdtemp(prefix="reporttui-shots-"))
    try:
        app = ReportApp(home=home)
        async with app.run_test(size=size) as pilot:
            await _settle(app, pilot)
            for name, step in shots:
                await step(app, pilot)
                await _settle(app, pilot)
                svg = app.export_screenshot(title=f"reporttui · {name}")
                path = out / f"{name}.svg"
                path.write_text(fix_cjk_widths(svg), encoding="utf-8")
                written.append(path)
    finally:
        shutil.rmtree(home, ignore_errors=True)
    return written


async def _settle(app, pilot) -> None:  # type: ignore[no-untyped-def]
    for _ in range(600):
        if app.session.index_ready:
            break
        await pilot.pause(0.1)
    await app.workers.wait_for_complete()
    await pilot.pause(0.2)


async def _open_first(app, pilot) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("enter")


async def _to_library(app, pilot) -> None:  # type: ignore[no-untyped-def]
    await app.action_library()


async def _search(app, pilot) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("slash")
    await pilot.press(*"林麝")
    # the answer arrives as messages from the search worker (a screenful, then the rest):
    # wait until the session holds this query's hits, not only until the worker has ended
    for _ in range(100):
        state = app.session.search
        if state is not None and state.result.query.strip() == "林麝":
            break
        await pilot.pause(0.1)


async def _open_hit(app, pilot) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("enter")


async def _next_hits(app, pilot) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("n", "n", "n")


async def _help(app, pilot) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("f1")


async def _tree(app, pilot) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("tab")
    await pilot.press("down", "down", "down", "down")


async def _compare(app, pilot) -> None:  # type: ignore[no-untyped-def]
    from reporttui.ui.screens.reader import ReaderScreen

    while not isinstance(app.screen, ReaderScreen):  # close help first
        await pilot.press("escape")
        await pilot.pause(0.1)
    await pilot.press("c")
    await pilot.pause(0.5)


async def _targets(app, pilot) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("escape")
    await pilot.pause(0.2)
    await pilot.press("T")
    await pilot.pause(0.5)
    await app.workers.wait_for_complete()
    app.screen.query_one("DataTable").refresh(layout=True)
    await pilot.pause(0.5)


async def _close(app, pilot) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("escape")


def _render_png(svg: Path, png_dir: Path) -> Path | None:
    png = png_dir / (svg.stem + ".png")
    if shutil.which("rsvg-convert"):
        subprocess.run(["rsvg-convert", "-z", "1.5", "-o", str(png), str(svg)], check=True)
        return png
    try:
        import cairosvg  # type: ignore[import-not-found]
    except ImportError:
        print("no rsvg-convert or cairosvg: PNGs skipped", file=sys.stderr)
        return None
    cairosvg.svg2png(url=str(svg), write_to=str(png), scale=1.5)
    return png


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "screenshots")
    parser.add_argument("--png", type=Path, default=None, help="also render PNGs into this folder")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("TEXTUAL_ANIMATIONS", "none")

    small = [
        ("library-80x24", _to_library),
        ("reader-80x24", _open_first),
        ("search-80x24", _search),
        ("hit-80x24", _open_hit),
        ("help-80x24", _help),
        ("compare-80x24", _compare),
        ("targets-80x24", _targets),
    ]
    wide = [
        ("search-160x45", _search),
        ("hit-160x45", _open_hit),
        ("next-hit-160x45", _next_hits),
        ("tree-160x45", _tree),
        ("compare-160x45", _compare),
    ]
    written = asyncio.run(_shoot(args.out, (80, 24), small))
    written += asyncio.run(_shoot(args.out, (160, 45), wide))
    for path in written:
        print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
    if args.png:
        args.png.mkdir(parents=True, exist_ok=True)
        for path in written:
            png = _render_png(path, args.png)
            if png:
                print(png)


if __name__ == "__main__":
    main()
