"""对照 diff: clause alignment, character marks, and every changed target figure marked (corpus)."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from conftest import seed_doc
from reporttui.core.analysis.diff import (
    ADDED,
    CHANGED,
    REMOVED,
    SAME,
    PassageDiff,
    align,
    char_diff,
    diff_documents,
    target_passage,
)
from reporttui.core.analysis.targets import Indicator, extract_from_text
from reporttui.core.model import Document
from reporttui.core.text.ingest import load_document


def _marked(text: str, spans: tuple[tuple[int, int], ...]) -> list[str]:
    return [text[s:e] for s, e in spans]


@pytest.mark.parametrize(
    ("a", "b", "in_a", "in_b"),
    [
        ("地区生产总值增长5%左右，", "地区生产总值增长5%，", ["5%左右"], ["5%"]),
        ("固定资产投资增长10%左右", "固定资产投资增长6%以上", ["10%左右"], ["6%以上"]),
        ("增长5%", "增长5.5%", ["5%"], ["5.5%"]),
        ("建设10个园区", "建设12个园区", ["10"], ["12"]),
        ("城镇新增就业8万人", "城镇新增就业人数8万人", [""], ["人数"]),
        ("社会消费品零售总额增长5%左右，", "社会消费品零售总额增长4.5%左右，", ["5%"], ["4.5%"]),
        ("城镇新增就业110万人，", "城镇新增就业110万人以上，", ["110万人"], ["110万人以上"]),
        ("建设10个园区", "建设10个园区和基地", [""], ["和基地"]),
    ],
)
def test_char_diff_marks_whole_figures(a: str, b: str, in_a: list[str], in_b: list[str]) -> None:
    sa, sb = char_diff(a, b)
    assert _marked(a, sa) == in_a and _marked(b, sb) == in_b


def test_align_pairs_similar_clauses_in_order_and_leaves_the_rest() -> None:
    a = ["地区生产总值增长5%左右，", "一般公共预算收入增长3%，", "城镇新增就业8万人。"]
    b = ["今年主要预期目标是：", "地区生产总值增长5%，", "城镇新增就业人数8万人。"]
    pairs = [(i, j) for i, j, _ in align(a, b)]
    assert pairs == [(None, 0), (0, 1), (1, None), (2, 2)]


def test_identical_documents_have_no_changes() -> None:
    doc = seed_doc(4)
    diff = diff_documents(doc, doc, themes=False)
    assert diff.passages and all(r.kind == SAME for p in diff.passages for r in p.rows)


def test_seed_target_passage_is_found() -> None:
    paragraphs = target_passage(seed_doc(4))
    assert paragraphs and any("%" in p.text for p in paragraphs)


# --- corpus: every changed target figure is marked -------------------------------------------


def _corpus_root(request: pytest.FixtureRequest) -> Path:
    for candidate in (os.environ.get("REPORTTUI_CORPUS"), "/tmp/corpus"):
        if candidate and (Path(candidate) / "政府工作报告-主要城市").is_dir():
            return Path(candidate)
    return request.getfixturevalue("corpus_dir")


def _in_passage(doc: Document, numbers: tuple[int, ...]) -> dict[str, Indicator]:
    paragraphs = [p for p in doc.paragraphs() if p.number in numbers]
    rows: dict[str, Indicator] = {}
    for p in paragraphs:
        for row in extract_from_text(p.text, default_kind="target", year=doc.year, offset=p.start):
            if row.kind == "target":
                rows.setdefault(row.indicator, row)
    return rows


def _figure(doc: Document, row: Indicator) -> tuple[int, int]:
    """Offsets in the document text of the figure (the number, or the qualitative phrase)."""
    clause = doc.text[row.start : row.start + len(row.text)]
    if row.value is not None:
        number = f"{abs(row.value):g}"
        m = re.search(rf"(?<![\d.]){re.escape(number)}(?:\.0+)?(?![\d.])", clause)
        assert m, (number, clause)
        return row.start + m.start(), row.start + m.end()
    at = clause.find(row.qualifier)
    assert at >= 0, (row.qualifier, clause)
    return row.start + at, row.start + at + len(row.qualifier)


def _marks(passage: PassageDiff, side: str) -> list[tuple[int, int]]:
    out = []
    for r in passage.rows:
        clause = r.a if side == "a" else r.b
        if clause is not None:
            out += [
                (clause.start + s, clause.start + e)
                for s, e in (r.a_spans if side == "a" else r.b_spans)
            ]
    return out


def _covered(figure: tuple[int, int], marks: list[tuple[int, int]], whole: bool) -> bool:
    lo, hi = figure
    if whole:
        return any(s <= lo and hi <= e for s, e in marks)
    # A qualitative target (正增长) is changed by the words next to it (争取保持 → 力争): a mark
    # touching it counts.
    return any(s <= hi and lo <= e for s, e in marks)


def _check_targets(a: Document, b: Document) -> int:
    diff = diff_documents(a, b, ["target"])
    assert diff.passages and diff.passages[0].label == "主要目标"
    passage = diff.passages[0]
    ta, tb = _in_passage(a, passage.a_paragraphs), _in_passage(b, passage.b_paragraphs)
    assert ta and tb
    checked = 0
    for name in set(ta) | set(tb):
        ra, rb = ta.get(name), tb.get(name)
        if (
            ra is not None
            and rb is not None
            and (ra.value, ra.unit, ra.qualifier) == (rb.value, rb.unit, rb.qualifier)
        ):
            continue
        for doc, row, side in ((a, ra, "a"), (b, rb, "b")):
            if row is None:
                continue
            other = rb if side == "a" else ra
            value_changed = other is None or other.value != row.value or other.unit != row.unit
            figure = _figure(doc, row)
            assert _covered(
                figure, _marks(passage, side), whole=row.value is not None and value_changed
            ), (side, name, doc.text[figure[0] : figure[1]], row.text)
            checked += 1
    return checked


@pytest.mark.corpus
@pytest.mark.parametrize(
    ("folder", "years"),
    [
        ("政府工作报告-主要城市/太原市", (2024, 2025)),
        ("政府工作报告-主要城市/太原市", (2025, 2026)),
        ("政府工作报告-省自治区/山西省", (2024, 2025)),
    ],
)
def test_corpus_every_changed_target_figure_is_marked(
    folder: str, years: tuple[int, int], request: pytest.FixtureRequest
) -> None:
    root = _corpus_root(request) / folder
    a, b = (load_document(root / f"{y}.md") for y in years)
    assert _check_targets(a, b) >= 3


@pytest.mark.corpus
def test_corpus_taiyuan_theme_passages(request: pytest.FixtureRequest) -> None:
    root = _corpus_root(request) / "政府工作报告-主要城市/太原市"
    a, b = (load_document(root / f"{y}.md") for y in (2024, 2025))
    diff = diff_documents(a, b)
    labels = [p.label for p in diff.passages]
    assert labels[0] == "主要目标" and len(labels) >= 5
    kinds = {r.kind for p in diff.passages for r in p.rows}
    assert {CHANGED, ADDED, REMOVED} <= kinds
    for p in diff.passages:  # every clause of both passages is shown exactly once
        a_text = "".join(r.a.text for r in p.rows if r.a is not None)
        assert a_text == "".join(x.text for x in a.paragraphs() if x.number in p.a_paragraphs)
