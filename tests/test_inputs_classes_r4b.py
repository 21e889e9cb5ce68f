"""Classes of input problems found by the held5 blind set (issue 9, round 4b), each on a short
text of the shape found in real pages (the judged sample's held5 part holds the real texts)."""

from __future__ import annotations

import pytest

from reporttui.core.text.ingest import check_no_loss, parse_document
from reporttui.core.text.metadata import _innermost


@pytest.mark.parametrize(
    ("named", "own"),
    [
        ("某宁市某居区", "某居区"),
        ("某徽省某湖县", "某湖县"),
        ("某北省某汉市某岸区", "某岸区"),
        ("某南市市中区", "市中区"),  # 市中区 is one name
        ("沙市区", "沙市区"),
        ("通州区", "通州区"),
        ("某州市某山区", "某山区"),
        ("某某朝鲜族自治州", "某某朝鲜族自治州"),
        ("某某市", "某某市"),
    ],
)
def test_a_place_named_under_its_parents_is_the_innermost(named: str, own: str) -> None:
    assert _innermost(named) == own


def test_a_district_report_naming_its_city_is_the_districts() -> None:
    src = (
        # (round 9) a real district: a 区 candidate must be a division the gazetteer knows
        "政府工作报告\n2022年1月19日\n在遂宁市安居区第五届人民代表大会第二次会议上\n"
        "遂宁市安居区人民政府区长 某某某\n各位代表:\n"
        "我代表区人民政府,向大会报告工作,请予审议,并请区政协委员和其他列席会议的同志提出意见。\n"
    )
    doc = parse_document(src)
    assert (doc.region, doc.year, doc.kind) == ("安居区", 2022, "政府工作报告")


@pytest.mark.parametrize(
    ("dateline", "year"),
    [("17日,", 2018), ("1月17日,", 2018), ("12月27日上午,", 2017)],
)
def test_session_news_dated_by_day_alone_takes_the_year_from_the_report_it_hears(
    dateline: str, year: int
) -> None:
    src = (
        "某县十三届人大二次会议开幕\n\n"
        f"  {dateline}某县十三届人大二次会议在会议中心开幕。来自各条战线的人大代表会聚一堂,共商发展大计。\n\n"
        "  本次大会应到代表131名,实到代表122名,符合法定人数。\n\n"
        "  会上,县长代表县人民政府向大会作了《政府工作报告》。报告共分两部分:2017年工作回顾;2018年主要工作。\n"
    )
    doc = parse_document(src)
    assert (doc.kind, doc.year) == ("两会新闻", year)


def test_a_sites_name_over_its_channel_and_a_toolbar_are_chrome() -> None:
    src = (
        "某某网>>2017全国两会\n\n给干事者鼓劲\n\n——十二届全国人大五次会议开幕侧记\n\n"
        "2017年03月06日04:03    来源:某某网-某某报    手机看新闻\n\n"
        "打印网摘纠错商城分享推荐     字号\n\n"
        "3月5日,早8时,北京的天空格外晴朗。此时人民大会堂东门外,媒体队伍已有大约300米长。\n\n"
        "上午9时许,大屏幕上显示,出席人数符合法定人数。政府工作报告不断被掌声打断。\n"
    )
    doc = parse_document(src)
    assert doc.title == "给干事者鼓劲"
    assert "2017全国两会" not in doc.text and "网摘" not in doc.text
    assert check_no_loss(src, doc) == []


@pytest.mark.parametrize("line", ["一、加快发展 > 稳步推进", "甲>乙", "某某网站建设 > 稳步推进"])
def test_a_heading_with_an_arrow_stays(line: str) -> None:
    src = f"{line}\n\n会议认为,过去一年工作成绩显著,今年的目标任务符合实际,决定批准这个报告。\n"
    doc = parse_document(src)
    assert line.replace(" ", "") in doc.text.replace(" ", "")


def test_a_channel_label_under_a_site_header_over_a_noted_title_goes() -> None:
    src = (
        "会员登录  新用户注册 退出\n\n某某网 - 某某之家\n\n您现在的位置是: 首页 > 专题材料 > 政府报告\n\n"
        "政府报告\n\n(某某省)2021年某某市某海区人民政府工作报告(全文)\n\n"
        "各位代表:现在,我代表区人民政府,向大会报告工作,请予审议。过去一年,全区经济稳中有进。\n"
    )
    doc = parse_document(src)
    # (round 16) Rule 1 as re-judged in round 14 (rejudged_r14.md, y04): the (全文) note is no
    # part of the title; 某某省 names no province, so its bracket stays.
    assert doc.title == "(某某省)2021年某某市某海区人民政府工作报告"
    assert doc.kind == "政府工作报告"


def test_the_issuer_printed_between_copies_of_the_title_goes_with_them() -> None:
    title = "某某人民代表大会常务委员会关于调整某某计划主要指标和开展增产节约运动的决议"
    src = (
        f"{title}\n{title}\n某某人民代表大会常务委员会\n{title}\n{title}\n(1959年8月26日通过)\n"
        "1959年8月26日某某人民代表大会常务委员会第五次会议同意某某关于调整某某计划主要指标和开展"
        "增产节约运动的报告。\n"
        "会议对于上半年国民经济在去年的基础上继续发展的成就,和对于工业、农业、运输业和国内外贸易"
        "所采取的各项措施,表示满意。\n"
        "会议根据对农业产量的核实数字,并且考虑到今年上半年计划的执行情况和最近以来出现的大面积的"
        "严重水旱虫灾,批准将计划原定的主要指标作如下调整。\n"
    )
    doc = parse_document(src)
    assert doc.title == title
    assert (doc.kind, doc.year) == ("决议", 1959)
    assert check_no_loss(src, doc) == []


def test_a_bulletin_without_its_title_is_known_by_its_first_part() -> None:
    src = (
        "2015年,面对严峻复杂的外部环境和经济下行压力,全县统筹做好稳增长、促改革、调结构、惠民生各项工作。\n"
        "一、综合\n"
        "初步测算,2015年全县地区生产总值244394万元,比上年增长13.1%。其中:第一产业增加值62857万元,同比增长6.3%。\n"
        "二、农业\n"
        "农业增加值32586万元,同比增长9.9%。主要农作物种植面积稳步扩大,粮食作物种植面积12981公顷。\n"
    )
    doc = parse_document(src)
    assert (doc.kind, doc.year) == ("统计公报", 2015)


def test_a_report_reviewing_the_economy_is_no_bulletin() -> None:
    src = (
        "各位代表:\n现在,我代表县人民政府向大会报告工作,请予审议。\n一、综合\n"
        "初步核算,2015年全县地区生产总值244394万元,比上年增长13.1%,完成了县人大确定的目标任务。\n"
    )
    assert parse_document(src).kind != "统计公报"
