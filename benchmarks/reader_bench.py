#!/usr/bin/env python3
"""Time to open a report in the reader's text view once its text is loaded.

    .venv/bin/python benchmarks/reader_bench.py [--corpus DIR] [--runs 5]

For the largest report of the corpus (by file size, found under ``--corpus``,
``$REPORTTUI_CORPUS``, /tmp/corpus or ../shared/corpus unpacked) and for a 2,000-paragraph
report made of the paragraphs of several corpus reports, in a Textual app at 80x24 and 160x45:
``show`` (blocks, Chinese line breaking of the first screens at the view's width) plus rendering
the first screen of lines; then, apart, laying out the rest of the report (which the view does in
small steps between screen updates); and, as the reader shows it, the section tree and the text
until the screen has been updated. The document is parsed before the clock starts. Prints one
JSON line per case with the medians and every run (seconds; for tree + text also the
process's CPU seconds, steadier than wall time on a loaded machine, and the load average). The issue's target is <= 0.1 s to
open. Nothing is asserted.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from textual.app import App, ComposeResult
from textual.containers import Horizontal
from textual.geometry import Region

from reporttui.core.model import Document
from reporttui.core.text.ingest import load_document
from reporttui.ui.widgets.document_view import DocumentView
from reporttui.ui.widgets.section_tree import SectionTree


def corpus_root(given: str | None) -> Path:
    for candidate in (given, os.environ.get("REPORTTUI_CORPUS"), "/tmp/corpus", "../shared/corpus"):
        if candidate and Path(candidate).is_dir() and any(Path(candidate).rglob("*.md")):
            return Path(candidate)
    sys.exit("reader_bench: no unpacked corpus found (give --corpus DIR)")


def largest_report(root: Path) -> Path:
    return max(root.rglob("*.md"), key=lambda p: p.stat().st_size)


def many_paragraphs(root: Path, count: int, folder: Path) -> Path:
    """A report of at least ``count`` paragraphs: the biggest corpus reports one after another.

    Their lines (headings included) keep the corpus's own paragraph lengths (~200 characters).
    """
    lines: list[str] = []
    for path in sorted(root.rglob("*.md"), key=lambda p: -p.stat().st_size):
        text = path.read_text(encoding="utf-8", errors="replace")
        lines.extend(line.strip() for line in text.splitlines() if line.strip())
        if len(lines) >= count * 1.1:
            break
    target = folder / "2000.md"
    target.write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    return target


class BenchApp(App[None]):
    CSS = "DocumentView { height: 1fr; }"

    def compose(self) -> ComposeResult:
        yield DocumentView()


class ReaderLikeApp(App[None]):
    """The reader's body: the section tree beside the text, as the reader screen lays them out."""

    CSS = "#tree { width: 32%; max-width: 44; } DocumentView { width: 1fr; }"

    def compose(self) -> ComposeResult:
        with Horizontal():
            yield SectionTree(id="tree")
            yield DocumentView()


async def time_to_screen(
    doc: Document, size: tuple[int, int], runs: int
) -> tuple[list[float], list[float]]:
    """Seconds (wall, and the process's CPU) from showing ``doc`` in tree + text until the next
    screen update is done."""
    app = ReaderLikeApp()
    times, cpu = [], []
    async with app.run_test(size=size) as pilot:
        view = app.query_one(DocumentView)
        tree = app.query_one(SectionTree)
        await pilot.pause()
        for _ in range(runs):
            painted = asyncio.Event()
            view._layout_width = 0
            start, start_cpu = time.perf_counter(), time.process_time()
            tree.show(doc, None)
            await view.show(doc)
            app.call_after_refresh(painted.set)
            await painted.wait()
            times.append(time.perf_counter() - start)
            cpu.append(time.process_time() - start_cpu)
            await pilot.pause(0.3)
    return times, cpu


async def time_open(
    doc: Document, size: tuple[int, int], runs: int
) -> tuple[list[float], list[float]]:
    """Seconds to show ``doc`` and render its first screen; then to lay out the rest."""
    app = BenchApp()
    times, rest = [], []
    async with app.run_test(size=size) as pilot:
        view = app.query_one(DocumentView)
        await pilot.pause()
        region = Region(0, 0, view.size.width, view.size.height)
        for _ in range(runs):
            view._layout_width = 0  # a fresh layout each run, as for a new document
            start = time.perf_counter()
            await view.show(doc)
            strips = view.render_lines(region)
            times.append(time.perf_counter() - start)
            assert len(strips) == region.height
            start = time.perf_counter()
            view._ensure_all()  # what the background steps do, all at once
            rest.append(time.perf_counter() - start)
            await pilot.pause()
        lines = view.virtual_size.height
    print(f"  {size[0]}x{size[1]}: {lines} lines", file=sys.stderr)
    return times, rest


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    root = corpus_root(args.corpus)
    with tempfile.TemporaryDirectory() as folder:
        cases = {
            "largest": largest_report(root),
            "2000-paragraphs": many_paragraphs(root, 2000, Path(folder)),
        }
        for name, path in cases.items():
            doc = load_document(path)
            paragraphs = len(doc.paragraphs())
            chars = sum(len(p.text) for p in doc.paragraphs())
            for size in ((80, 24), (160, 45)):
                times, rest = asyncio.run(time_open(doc, size, args.runs))
                screen, screen_cpu = asyncio.run(time_to_screen(doc, size, args.runs))
                print(json.dumps({
                    "case": name,
                    "file": str(path.relative_to(root)) if name == "largest" else None,
                    "paragraphs": paragraphs, "chars": chars, "size": f"{size[0]}x{size[1]}",
                    "open_s_median": round(statistics.median(times), 4),
                    "runs": [round(t, 4) for t in times],
                    "rest_of_layout_s_median": round(statistics.median(rest), 4),
                    "with_tree_to_screen_s_median": round(statistics.median(screen), 4),
                    "with_tree_to_screen_cpu_s_median": round(statistics.median(screen_cpu), 4),
                    "with_tree_runs": [round(t, 4) for t in screen],
                    "load_avg_1m": round(os.getloadavg()[0], 2),
                }, ensure_ascii=False))  # fmt: skip


if __name__ == "__main__":
    main()
