"""Round 12 classes (issue 9, meta): the year, kind and region misses of held26-28 and
pages23-25 by class (benchmarks/inputs/misses_r12_meta.md), on the judged texts and on small
texts written for the class."""

from __future__ import annotations

from pathlib import Path

import pytest

from inputs_helpers import parse_data, parse_text

DATA = Path(__file__).parent / "data" / "inputs"


_parse = parse_data
_text = parse_text


# -- a bulletin body without its title: kind and year from its shape --------------------------


@pytest.mark.parametrize(
    ("rel", "year"),
    [
        ("held26/xian-tongji-2021.txt", 2021),  # 2021年，在县委… then 一、综合 / 二、农业
        ("held28/hongheiku-pingchang-tongji-2024.txt", 2024),  # 一、综 合 / 二、民营经济
        ("held28/hongheiku-jiangkou-tongji-2024.txt", 2024),  # under the bureau's line
    ],
)
def test_bulletin_body_without_title(rel: str, year: int) -> None:
    doc = _parse(rel)
    assert (doc.kind, doc.year) == ("统计公报", year)


def test_report_with_numbered_parts_is_no_bulletin() -> None:
    # 一、综合 alone, then parts that are no bulletin's: not a bulletin.
    doc = _text(
        "2023年，全县上下团结奋斗，地区生产总值增长6%。\n"
        "一、综合\n全县经济运行总体平稳，地区生产总值稳步增长。\n"
        "二、主要工作\n我们抓项目、促投资，各项工作取得新进展。\n"
    )
    assert doc.kind != "统计公报"


# -- budget resolutions without the word 决议 -------------------------------------------------


@pytest.mark.parametrize(
    "rel", ["held26/zhuzhou-yusuan-jueyi.txt", "held26/xuchang-yusuan-jueyi-2022.txt"]
)
def test_budget_resolution_without_its_title(rel: str) -> None:
    assert _parse(rel).kind == "决议"


def test_adoption_note_is_no_title() -> None:
    doc = _parse("held26/xuchang-yusuan-jueyi-2022.txt")
    assert (doc.title, doc.year) == ("", 2022)


# -- a county read from a conjunction ---------------------------------------------------------


@pytest.mark.parametrize(
    "rel",
    [
        "held27/zqx-changweihui-2019.txt",  # 《…的报告》和县人大常委会…
        "pages18/bjqiyansuo-mishuzhang-2025.txt",  # 代表法和縣人大常委會…
    ],
)
def test_conjunction_before_the_unnamed_county_is_no_county(rel: str) -> None:
    assert _parse(rel).region is None


def test_he_county_named_as_such_stays() -> None:
    doc = _text(
        "和县人民政府关于2023年工作的报告\n各位代表：\n"
        "现在，我代表和县人民政府向大会作政府工作报告，请予审议。\n"
    )
    assert doc.region == "和县"


# -- a province with a newspaper's page label glued before it ---------------------------------


def test_page_label_glued_to_province() -> None:
    doc = _parse("held26/zjrb-zhejiang-jueyi-2019.txt")
    assert (doc.region, doc.year, doc.kind) == ("浙江省", 2019, "决议")


# -- a Traditional resolution whose adoption line has no brackets -----------------------------


def test_unbracketed_adoption_line_gives_the_year() -> None:
    doc = _parse("held26/cehavas-shandong-jueyi-2019.txt")
    assert (doc.kind, doc.year) == ("决议", 2019)
