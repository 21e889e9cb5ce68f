"""Round 16 classes (issue 9, meta): years of session news from the national calendar (a
provincial session's number in the national term, a party congress ahead, a plan's opening
ahead, a plan year reviewed), a government's motion over the budget it submits, a 号 dateline, a
later copy of a delivered report's news, and counties named by a short name that is shared or a
word (benchmarks/inputs/results_r16_meta.md), on the judged texts and on small texts written for
each class and its look-alike."""

from __future__ import annotations

import gzip

import pytest

from inputs_helpers import DATA, parse_data, parse_text
from reporttui.core.text.ingest import parse_document
from reporttui.core.text.year_anchors import (
    congress_ahead_year,
    greeting_year,
    plan_opening_year,
    provincial_session_year,
)


@pytest.mark.parametrize(
    ("rel", "year"),
    [
        (
            "held29/shxwcb-shanghai-zhengxie-2025.txt",
            2025,
        ),  # 政协上海市第十四届…第三次 + 十四届全国政协委员
        ("pages16/cctv-anhui-zhengxie-2008.txt", 2008),  # 省政协十届一次 + 学习贯彻党的十七大
    ],
)
def test_provincial_session_in_the_national_term(rel: str, year: int) -> None:
    assert parse_data(rel).year == year


def test_provincial_session_reading_needs_a_province_and_an_anchor() -> None:
    # A city's session by term and number: its terms start in other years, never read.
    assert (
        provincial_session_year("1月9日，市政协十四届三次会议开幕。在沪十四届全国政协委员列席。")[0]
        is None
    )
    # A province's session with nothing that places its term: no year.
    assert provincial_session_year("1月9日，省政协十二届三次会议开幕。")[0] is None
    # Two national terms named: no year.
    assert (
        provincial_session_year("省人大十四届一次会议开幕，十三届全国人大代表和十四届全国人大代表")[
            0
        ]
        is None
    )
    assert (
        provincial_session_year(
            "1月14日，河北省第十四届人民代表大会第二次会议开幕。十四届全国人大代表出席。"
        )[0]
        == 2024
    )


def test_recalled_provincial_session_is_not_the_one_held() -> None:
    # 省政协十届一次会议以来 is recalled; the session held is the second (2008 + 1).
    text = "会议回顾了省政协十届一次会议以来的工作。省政协十届二次会议开幕。深入学习贯彻党的十七大精神。"
    assert provincial_session_year(text)[0] == 2009
    assert (
        provincial_session_year("完成了省十三届人大二次会议确定的目标。十三届全国人大代表")[0]
        is None
    )


def test_party_congress_ahead() -> None:
    assert parse_data("held17/longling-xieshang-2022.txt").year == 2022
    assert congress_ahead_year("会议号召，以优异成绩迎接党的十九大胜利召开。")[0] == 2017
    # The review form names the congress of the year before: not read.
    assert (
        congress_ahead_year("一年来，我们以迎接党的二十大胜利召开和学习贯彻二十大精神为主线。")[0]
        is None
    )


def test_plan_opening_ahead() -> None:
    assert parse_data("held27/redtower-diqing-kaimu-2021.txt").year == 2021
    assert plan_opening_year("会议要求，确保“十四五”开好局、起好步。")[0] == 2021
    # The year before prepares it (为…开好局), a review says it was done: not read.
    assert plan_opening_year("为确保“十四五”开好局、起好步奠定坚实基础。")[0] is None
    assert plan_opening_year("过去一年，实现“十四五”开好局、起好步。")[0] is None


def test_plan_year_reviewed_gives_the_next_session() -> None:
    # 2025年，是“十四五”收官之年…圆满完成了县十八届人大五次会议确定的各项工作任务.
    assert parse_data("held15/taoyuan-renda-2026.txt").year == 2026


def test_plan_year_ahead_stays_the_plan_year() -> None:
    # The look-alike: the plan's last year still ahead, its tasks to be done.
    doc = parse_text(
        "1月12日上午，县第十八届人民代表大会第五次会议开幕。\n"
        "会议指出，2025年是“十四五”收官之年，要确保完成县委确定的各项目标任务。\n"
        "县长代表县人民政府作政府工作报告。\n"
    )
    assert doc.year == 2025


def test_motion_over_closed_accounts_is_the_budget_report() -> None:
    doc = parse_data("held28/arapartments-quangang-juesuan-2023.txt")
    assert doc.kind == "预算报告"
    assert doc.year == 2023


def test_nov_dec_dateline_written_with_hao() -> None:
    # 12月21号…“十三五”规划纲要草案和2016年计划草案初审会议: December of the year before.
    assert parse_data("held27/jscz-changzhou-chushen-2015.txt").year == 2015


def test_later_copy_of_a_delivered_address() -> None:
    assert parse_data("pages24/renmin-copy-shizheng-2023.txt").year == 2023
    # The look-alike: news dated the address's own year keeps its date's year.
    doc = parse_text(
        "李家超发表2023年施政报告\n发布时间:2023-10-25 17:39:05\n"
        "本报讯 香港特区行政长官李家超25日发表任内第二份施政报告。记者 王明\n"
    )
    assert doc.year == 2023


@pytest.mark.parametrize(
    ("rel", "region"),
    [
        ("held10/iaiso-jinping-zhengxie.txt", "金平苗族瑶族傣族自治县"),  # 金平区 too; 县政协
        ("held10/hongheiku-ningyuan-2023.txt", "宁远县"),  # 宁远发展史上, 全县
        ("held17/cnmq-minquan-zhengxie-2020.txt", "民权县"),  # 民权高质量发展大计, 县政协
        ("pages17/morebahis-shaoyang-2017.txt", "邵阳市"),  # 來源:邵陽(yáng)市人大常委會研究室
    ],
)
def test_county_short_names_and_office_bylines(rel: str, region: str) -> None:
    assert parse_data(rel).region == region


def test_word_short_name_in_a_word_form_is_no_place() -> None:
    # 民权 as a word (civil rights), not in a place's form: no region from it.
    doc = parse_text(
        "县领导参加讨论\n"
        "5月28日下午，县政协委员分组讨论，大家认为要保障民权，尊重民意，建言献策。\n"
    )
    assert doc.region is None


def test_shared_short_name_needs_the_text_level() -> None:
    # 金平 in a text that speaks of no level of its own: neither division.
    doc = parse_text("金平进入“两会”\n委员们陆续报到，为金平经济社会发展建言献策。\n")
    assert doc.region is None


def test_new_year_greeting_names_its_year() -> None:
    # 新的一年如约而至…致以新春的问候…2019年是大庆之年、落实之年.
    assert parse_data("held15/thrd-heci-2019.txt").year == 2019
    # The look-alike: two years called the year of something give none.
    assert greeting_year("新的一年如约而至。2019年是大庆之年。2020年是决胜之年。")[0] is None
    # No greeting in the opening: not read.
    assert greeting_year("会议指出，2019年是大庆之年。")[0] is None


def test_standing_committee_adopting_its_work_points() -> None:
    # 3月25日…审议通过了县人大常委会2016年工作要点(草案).
    assert parse_data("pages18/yybnet-hexian-2016.txt").year == 2016
    # The look-alike: a December meeting adopting the next year's points is not moved to it.
    doc = parse_text(
        "12月25日，县人大常委会召开第36次会议。\n"
        "会议审议通过了县人大常委会2017年工作要点(草案)。本报记者 陈明\n"
    )
    assert doc.year != 2017


def test_dateline_inside_the_first_sentence_under_the_headline() -> None:
    # 南昌市…座谈会召开 / 为贯彻…，11月17日，中共南昌市委宣传部召开…: news of that day.
    raw = gzip.decompress((DATA / "ncwenming-haoshaonian-2023.html.gz").read_bytes())
    doc = parse_document(raw, "ncwenming-haoshaonian-2023.html")
    assert doc.kind == "新闻报道"
    # The look-alike: no date between commas in the first sentence: no news kind from it.
    doc = parse_text(
        "关于做好学习宣传工作的几点思考\n为贯彻落实全国座谈会精神，我们必须加强学习宣传工作。\n"
    )
    assert doc.kind is None


def test_later_page_of_the_report() -> None:
    # 各位代表! … 我代表国务院，向…表示诚挚感谢 … 二、2017年工作总体部署 (a copy's fifth page).
    doc = parse_data("held26/78911-guowuyuan-2017-p5.txt")
    assert doc.kind == "政府工作报告"
    assert doc.year == 2017


def test_headline_opening_on_the_division_holding_the_places_named() -> None:
    # 山东开展学雷锋志愿服务活动… / 泰安市泰山区, 新泰市, 临沂市沂南县…: the province's round-up.
    raw = gzip.decompress((DATA / "sdwenming-xueleifeng-2024.html.gz").read_bytes())
    assert parse_document(raw, "sdwenming-xueleifeng-2024.html").region == "山东省"


def test_headline_opening_on_a_division_the_places_lie_outside() -> None:
    # The look-alike: the headline's place goes to others (北京…赴青海玉树, 玉树州 named twice).
    doc = parse_text(
        "北京专家团赴青海玉树开展教育援助\n"
        "本报讯 近日，专家团抵达青海省玉树藏族自治州。在玉树州，专家团调研了三所学校，"
        "玉树州教育局介绍了情况。记者 王明\n"
    )
    assert doc.region != "北京市"
