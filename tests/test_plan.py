"""Finding the plan part of a report and cutting it into units."""

from __future__ import annotations

from pathlib import Path

import pytest

from compare_helpers import seed
from reporttui.core.analysis.plan import find_plan


def _titles(name: str) -> list[str]:
    return [u.title for u in find_plan(seed(name)).units]


def test_guijiao_2025_plan_is_the_2025_part_with_six_sections() -> None:
    plan = find_plan(seed("古交2025"))
    assert plan.found
    assert plan.heading is not None and "2025年" in plan.heading and "二次腾飞" in plan.heading
    titles = _titles("古交2025")
    assert [t[:3] for t in titles] == ["(一)", "(二)", "(三)", "(四)", "(五)", "(六)"]
    assert "聚焦底线红线" in titles[5]
    text = "\n".join(u.text for u in plan.units)
    assert "原煤产量完成720万吨" not in text  # the 2024 review stays out
    assert "确保粮食播种面积不少于10.67万亩" in text


def test_guijiao_2026_plan_skips_the_aims_and_keeps_the_five_tasks() -> None:
    plan = find_plan(seed("古交2026"))
    assert plan.found and plan.heading is not None and plan.heading.startswith("二、2026年")
    titles = _titles("古交2026")
    assert len(titles) == 5
    assert "优化产业结构" in titles[0] and "保障民生福祉" in titles[4]
    assert not any("产业转型持续推进" in t for t in titles)  # 2025 review
    doc = seed("古交2026")
    assert plan.start == doc.text.index("二、2026年")


def test_taiyuan_2025_plan_has_eight_tasks_and_government_building() -> None:
    plan = find_plan(seed("太原2025"))
    assert plan.found and plan.heading is not None and "2025年工作安排" in plan.heading
    titles = _titles("太原2025")
    assert len(titles) == 9
    assert titles[0].startswith("(一)") and "向新而行" in titles[0]
    assert titles[7].startswith("(八)") and "统筹发展和安全" in titles[7]
    assert "政府自身建设" in titles[8]
    text = "\n".join(u.text for u in plan.units)
    assert "杏花岭区" not in text  # the appended district news is not the plan


def test_jiaocheng_2025_plan_starts_after_the_review() -> None:
    plan = find_plan(seed("交城2025"))
    assert plan.found
    text = "\n".join(u.title + "\n" + u.text for u in plan.units)
    assert "107.48" not in text and "华亿铸造" not in text  # 2024 results
    measures = [
        m
        for m in (
            "突出速度质效并举",
            "突出投资消费联动",
            "突出改革创新协同",
            "突出平台主体共建",
            "突出治污扩绿同频共振",
            "突出建设管理并重",
            "突出政心民心联通",
            "突出安全稳定互促",
        )
    ]
    for measure in measures:
        assert measure in text, measure


def test_a_pure_review_has_no_plan_part_but_still_has_units() -> None:
    plan = find_plan(seed("古交feature"))
    assert not plan.found
    assert "no plan part" in plan.how
    assert plan.units and plan.start == 0


def _load(tmp_path: Path, text: str):
    from reporttui.core.text.ingest import load_document

    path = tmp_path / "doc.txt"
    path.write_text(text, "utf-8")
    return load_document(path)


def test_single_paragraph_and_empty_documents(tmp_path: Path) -> None:
    one = _load(tmp_path, "今年要加快推进林麝养殖基地建设，力争新增存栏1000只。\n")
    plan = find_plan(one)
    assert len(plan.units) == 1 and "林麝" in plan.units[0].text
    from reporttui.core.model import Document

    empty = Document("0" * 12, "", "", None, None, None, None, "", ())
    assert find_plan(empty).units == () and not find_plan(empty).found


@pytest.mark.parametrize("name", ["古交2025", "古交feature", "交城2025", "古交2026", "太原2025"])
def test_units_point_into_the_text(name: str) -> None:
    doc = seed(name)
    plan = find_plan(doc)
    numbers = {p.number for p in doc.paragraphs()}
    for unit in plan.units:
        assert unit.start >= plan.start
        assert set(unit.paragraphs) <= numbers
        doc.section(unit.section_id)  # raises KeyError if unknown


def test_unit_scope_is_decided_by_the_innermost_heading_that_says() -> None:
    from reporttui.core.analysis.plan import _scope
    from reporttui.core.model import Document, Paragraph, Section

    p1 = Paragraph(1, "坚持稳中求进。", 0, "s1")
    p2 = Paragraph(2, "加快项目建设。", 0, "s2")
    five = Section("s1", "（一）“十五五”时期必须遵循的原则", 2, "numbered", (p1,))
    year = Section("s2", "（一）聚焦项目建设", 2, "numbered", (p2,))
    top = Section("s0", "二、“十五五”时期目标任务和2026年工作安排", 1, "numbered", (), (five, year))
    doc = Document("d", "/x.md", "报告", "某市", 2026, "政府工作报告", None, "", (top,))
    assert _scope(doc, five) == "five-year"
    assert _scope(doc, year) == "year"
