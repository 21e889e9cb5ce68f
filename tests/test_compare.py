"""Aligning two plans theme by theme: the pairs a reader would make, with gaps shown."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest

from compare_helpers import seed
from reporttui.core.analysis.compare import (
    CompareRow,
    Comparison,
    compare_documents,
    similarity_matrix,
)


def _num(title: str) -> str:
    """The numbering a reader uses for a section: "二" for "(二) …", "三、" for "三、…"."""
    m = re.match(r"\s*[（(]([一二三四五六七八九十]+)[）)]", title)
    if m:
        return m.group(1)
    m = re.match(r"\s*([一二三四五六七八九十]+、)", title)
    return m.group(1) if m else title[:6]


def _side(row: CompareRow, side: str, role: str | None = None) -> set[str]:
    refs = row.a_sections if side == "a" else row.b_sections
    return {_num(r.title) for r in refs if role is None or r.role == role}


def _row(comparison: Comparison, name: str) -> CompareRow:
    row = comparison.row(name)
    assert row is not None, f"no row {name}: {[r.name for r in comparison.rows]}"
    return row


@pytest.fixture(scope="module")
def guijiao_taiyuan() -> Comparison:
    return compare_documents(seed("古交2025"), seed("太原2025"))


@pytest.mark.parametrize(
    ("theme", "a", "b"),
    [
        ("产业", {"二"}, {"一"}),
        ("投资/项目", {"一"}, {"二"}),
        ("消费", {"三"}, {"三"}),  # 古交: 坚持消费提振驱动, a paragraph of (三) 改革创新
        ("城市建设", {"四"}, {"四"}),
        ("农业农村", {"四"}, {"四"}),  # 和美乡村 / 县域提能和乡村振兴 paragraphs
        ("生态环保", {"六"}, {"六"}),
        ("民生", {"五"}, {"七"}),
        ("安全稳定", {"六"}, {"八"}),
    ],
)
def test_guijiao_and_taiyuan_pair_as_a_reader_would(
    guijiao_taiyuan: Comparison, theme: str, a: set[str], b: set[str]
) -> None:
    row = _row(guijiao_taiyuan, theme)
    assert a <= _side(row, "a"), (theme, [r.title for r in row.a_sections])
    assert b <= _side(row, "b"), (theme, [r.title for r in row.b_sections])
    assert row.gap is None


def test_guijiao_and_taiyuan_gaps(guijiao_taiyuan: Comparison) -> None:
    opening = _row(guijiao_taiyuan, "开放")
    assert opening.gap == "a" and _side(opening, "b") == {"五"}  # 扩开放, 交通物流枢纽
    government = _row(guijiao_taiyuan, "政府自身建设")
    assert government.gap == "a" and _side(government, "b") == {"三、"}
    assert government.only_b and not government.shared_terms


def test_bottom_line_section_sits_in_ecology_and_safety(guijiao_taiyuan: Comparison) -> None:
    for theme in ("生态环保", "安全稳定"):
        refs = [r for r in _row(guijiao_taiyuan, theme).a_sections if _num(r.title) == "六"]
        assert refs and refs[0].role == "main" and refs[0].evidence


def test_rows_explain_themselves(guijiao_taiyuan: Comparison) -> None:
    ecology = _row(guijiao_taiyuan, "生态环保")
    assert "污染防治" in ecology.a_sections[0].evidence
    assert {"污染防治", "生态"} & set(ecology.shared_terms)
    for row in guijiao_taiyuan.rows:
        assert not set(row.shared_terms) & set(row.only_a)
        assert not set(row.shared_terms) & set(row.only_b)
    order = [r.name for r in guijiao_taiyuan.rows]
    assert order.index("产业") < order.index("生态环保") < order.index("政府自身建设")


def test_direct_similarity_finds_the_matching_section(guijiao_taiyuan: Comparison) -> None:
    best = {
        _num(r.title): _num(r.match_title or "")
        for row in guijiao_taiyuan.rows
        for r in row.a_sections
    }
    assert best["一"] == "二"  # 项目建设 ~ 有回报的投资
    assert best["五"] == "七"  # 民生事业 ~ 惠民生


@pytest.mark.parametrize("other", ["古交2025", "太原2025"])
def test_jiaocheng_pairs_its_eight_measures(other: str) -> None:
    comparison = compare_documents(seed("交城2025"), seed(other))
    expected = {
        "产业": "突出速度质效并举",
        "投资/项目": "突出投资消费联动",
        "消费": "突出投资消费联动",
        "改革/营商环境": "突出改革创新协同",
        "生态环保": "突出治污扩绿同频共振",
        "城市建设": "突出建设管理并重",
        "民生": "突出政心民心联通",
        "安全稳定": "突出安全稳定互促",
    }
    for theme, lead in expected.items():
        row = _row(comparison, theme)
        assert any(lead in r.title for r in row.a_sections), (
            theme,
            [r.title for r in row.a_sections],
        )
        assert row.b_sections, theme
    if other == "太原2025":
        assert _row(comparison, "开放").gap == "a"


def test_a_document_against_itself_aligns_every_section_to_itself() -> None:
    doc = seed("太原2025")
    comparison = compare_documents(doc, doc)
    for row in comparison.rows:
        assert [r.key for r in row.a_sections] == [r.key for r in row.b_sections]
        assert row.gap is None and not row.only_a and not row.only_b
        for ref in row.a_sections + row.b_sections:
            assert ref.match_key == ref.key
            assert ref.similarity == pytest.approx(1.0)


def test_similarity_matrix_is_cosine() -> None:
    from collections import Counter

    a = [Counter({"林麝": 2, "养殖": 1}), Counter({"汾河": 1})]
    b = [Counter({"林麝": 2, "养殖": 1}), Counter({"煤矿": 3})]
    sims = similarity_matrix(a, b)
    assert sims[0][0] == pytest.approx(1.0)
    assert sims[0][1] == 0.0 and sims[1][0] == 0.0 and sims[1][1] == 0.0
    assert similarity_matrix([], b) == []


def _doc(tmp_path: Path, name: str, text: str):
    from reporttui.core.text.ingest import load_document

    path = tmp_path / name
    path.write_text(text, "utf-8")
    return load_document(path)


def test_any_two_documents_compare_without_error(tmp_path: Path) -> None:
    single = _doc(tmp_path, "one.txt", "今年要加快推进林麝养殖基地建设，力争新增存栏1000只。\n")
    flat = _doc(
        tmp_path,
        "flat.txt",
        "过去一年，全市地区生产总值完成95亿元，同比增长1%。\n\n"
        "今年要加快建设高标准农田，确保粮食安全。\n\n要持续改善生态环境，推进污染防治。\n",
    )
    documents = [single, flat] + [seed(n) for n in ("古交feature", "太原2025", "交城2025")]
    assert len(seed("太原2025").text) > 30 * len(single.text)
    for a in documents:
        for b in documents:
            comparison = compare_documents(a, b)
            data = comparison.to_json()
            assert set(data) == {"a", "b", "rows"}
            for row in data["rows"]:
                assert {
                    "theme",
                    "a_sections",
                    "b_sections",
                    "shared_terms",
                    "only_a",
                    "only_b",
                } <= set(row)
    rows = compare_documents(single, flat).rows
    assert _row(compare_documents(single, flat), "农业农村").gap is None
    assert rows


@pytest.mark.corpus
def test_corpus_pairs_compare_without_error(corpus_dir: Path) -> None:
    """A spread of real reports (every 60th file), each compared with its neighbour."""
    from reporttui.core.text.ingest import load_document

    files = sorted(p for p in corpus_dir.rglob("*") if p.suffix in (".md", ".txt"))[::60]
    assert len(files) >= 40, f"the corpus should give about 50 files, found {len(files)}"
    documents = [load_document(p) for p in files]
    found = 0
    for a, b in itertools.pairwise(documents):
        comparison = compare_documents(a, b)
        found += comparison.a.plan.found
        assert comparison.rows or not (comparison.a.plan.units or comparison.b.plan.units)
    assert found >= 0.8 * (len(documents) - 1)  # most 政府工作报告 have a plan part


def test_one_region_across_two_years() -> None:
    """古交 2026 plan against the 2025 one: the five 2026 tasks pair with the six 2025 sections."""
    comparison = compare_documents(seed("古交2026"), seed("古交2025"))
    assert _side(_row(comparison, "产业"), "a") == {"一"}
    assert _side(_row(comparison, "产业"), "b") == {"二"}
    assert _side(_row(comparison, "投资/项目"), "b") == {"一"}
    # 2026's 着力培育多元服务业 mixes 文旅 and 促消费: filed under 消费 as a part of (一)
    consumption = _row(comparison, "消费")
    assert "一" in _side(consumption, "a", "part") | _side(consumption, "a")
    assert "消费" in consumption.shared_terms
    safety = _row(comparison, "安全稳定")
    assert _side(safety, "a") == {"五"} and _side(safety, "b") == {"六"}
