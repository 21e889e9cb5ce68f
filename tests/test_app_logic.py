"""The app's widget-free logic: hit order and stepping, citations, the SVG width fix."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

from reporttui.core.model import Document, Paragraph, Section
from reporttui.core.search.results import Hit, SearchResult
from reporttui.ui.session import SearchState, reading_order

ROOT = Path(__file__).resolve().parents[1]


def hit(doc: str, paragraph: int, score: float) -> Hit:
    return Hit(
        doc,
        f"/{doc}.txt",
        doc,
        "古交市",
        2025,
        "政府工作报告",
        "s1",
        ("一、",),
        paragraph,
        "林麝",
        ((0, 2),),
        "林麝",
        ((0, 2),),
        score,
    )


def test_hits_read_through_each_document_best_document_first() -> None:
    ranked = (hit("b", 9, 5.0), hit("a", 3, 4.0), hit("b", 2, 3.0), hit("a", 1, 2.0))
    result = SearchResult("林麝", ranked, total=4)
    order = [(h.doc_id, h.paragraph) for h in reading_order(result)]
    assert order == [("b", 2), ("b", 9), ("a", 1), ("a", 3)]


def test_step_wraps_and_counter_counts_from_one() -> None:
    state = SearchState.of(SearchResult("x", (hit("a", 1, 1.0), hit("a", 2, 1.0)), total=2))
    assert state.counter() == "0/2"
    assert state.step(1).paragraph == 1 and state.counter() == "1/2"
    assert state.step(1).paragraph == 2
    assert state.step(1).paragraph == 1, "wraps to the first"
    assert state.step(-1).paragraph == 2, "and back to the last"
    assert SearchState.of(SearchResult("x", (), total=0)).step(1) is None


def test_citation_names_region_year_title_section_and_paragraph() -> None:
    from reporttui.core.labels import citation

    text = "一、总体要求\n发展林麝养殖。"
    para = Paragraph(7, "发展林麝养殖。", 7, "s1")
    section = Section("s1", "一、总体要求", 1, "numbered", (para,), (), 0)
    doc = Document(
        "d", "/d.txt", "谱写新篇章", "古交市", 2025, "政府工作报告", None, text, (section,)
    )
    assert (
        citation(doc, "s1", para)
        == "——古交市 2025年 政府工作报告《谱写新篇章》，一、总体要求，第7段"
    )
    unknown = Document("d", "/d.txt", "", None, None, None, None, text, (section,))
    assert citation(unknown, "s1", None) == "——地区不明 年份不明，一、总体要求，标题"


def _screenshots_module():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(
        "screenshots", ROOT / "scripts" / "screenshots.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_svg_fix_gives_wide_glyphs_two_cells() -> None:
    fix = _screenshots_module().fix_cjk_widths
    svg = '<text class="r1" x="0" y="20" textLength="48.8" clip-path="url(#c)">ab林麝&#160;c</text>'
    fixed = fix(svg)
    pieces = re.findall(r'x="([0-9.]+)" y="20" textLength="([0-9.]+)"[^>]*>([^<]*)<', fixed)
    # 6 characters over 48.8 units: 8.133 per cell; "ab" 2 cells, "林麝" 4 cells, blank, "c".
    assert [p[2] for p in pieces] == ["ab", "林麝", "c"]
    xs = [float(p[0]) for p in pieces]
    lengths = [float(p[1]) for p in pieces]
    cell = 48.8 / 6
    assert abs(lengths[1] - 4 * cell) < 0.01
    assert abs(xs[1] - 2 * cell) < 0.01
    assert abs(xs[2] - 7 * cell) < 0.01, "the blank is skipped by position"
    ascii_only = '<text class="r1" x="0" y="20" textLength="24.4" clip-path="url(#c)">abc</text>'
    assert "abc" in fix(ascii_only)
