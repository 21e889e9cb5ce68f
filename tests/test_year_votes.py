"""The year from the roles of the years a text names (core/text/year_votes.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from reporttui.core.text.ingest import parse_document
from reporttui.core.text.year_votes import ganzhi_year, voted_year

DATA = Path(__file__).parent / "data" / "inputs"


@pytest.mark.parametrize(
    ("name", "year"),
    [("甲子", 1984), ("戊戌", 2018), ("甲辰", 2024), ("乙巳", 2025), ("癸亥", 2043)],
)
def test_ganzhi_year(name: str, year: int) -> None:
    assert ganzhi_year(name) == year


def test_not_ganzhi() -> None:
    assert ganzhi_year("甲丑") is None  # stem and branch of different parity never pair
    assert ganzhi_year("新春") is None


def test_reviewed_year_implies_the_next() -> None:
    assert voted_year("刚刚过去的2025年，是极不平凡的一年。")[0] == 2026
    assert voted_year("2022年是极为重要、极不平凡的一年。")[0] == 2023


def test_planned_year_and_sexagenary_festival() -> None:
    assert voted_year("全面完成好《政府工作报告》中确定的2021年各项工作任务")[0] == 2021
    assert voted_year("值此乙巳蛇年春节到来之际")[0] == 2025
    assert voted_year("刚刚过去的甲辰龙年，全县干部群众")[0] == 2025


def test_bulletin_reviews_its_own_year() -> None:
    assert voted_year("2022年，是极不平凡的一年", kind="统计公报")[0] == 2022


def test_split_or_roleless_years_give_no_year() -> None:
    assert voted_year("2019年全县生产总值增长6%，2020年增长3%。") == (None, "")
    assert voted_year("回顾了2018年工作，部署了2018年的重点工作，2016年是…的一年")[0] is None
    assert voted_year("2017年以来，面对艰巨繁重的任务")[0] is None
    assert voted_year("听取2017年环境保护目标完成情况的报告")[0] is None


def test_new_year_message_gets_its_year_with_evidence() -> None:
    # held16 h16-11: a county's New Year letter dated only as 戊戌新春 (judged 2018).
    raw = (DATA / "held16" / "jianshi-laoxiang-2018.txt").read_bytes()
    doc = parse_document(raw, "jianshi-laoxiang-2018.txt")
    assert doc.year == 2018
    assert doc.meta["evidence.year"].startswith("the roles of the years it names")


def test_a_plan_reported_done_is_the_year_reviewed() -> None:
    text = "胜利完成了省八届人大一次会议确定的1993年的工作任务，全省出现了可喜局面。"
    assert voted_year(text)[0] == 1994
