"""Round 9 classes (issue 9): the held18/held19 misses by class, on held texts and small texts."""

from __future__ import annotations

from pathlib import Path

import pytest

from inputs_helpers import load_judged, parse_data, parse_text
from reporttui.core.model import Document
from reporttui.core.text.gazetteer import gazetteer, stem

DATA = Path(__file__).parent / "data" / "inputs"

_BODY = (
    "过去一年，全县经济运行总体平稳，地区生产总值增长百分之六，一般公共预算收入稳步增长，"
    "城乡居民收入持续提高，各项社会事业全面进步。"
)


_parse = parse_data
_text = parse_text


def _dropped(doc: Document, reason: str) -> list[str]:
    return [d.text for d in doc.dropped if d.reason == reason]


def test_informal_delivery_by_a_named_government() -> None:
    doc = _text(
        "沧源2024年工作报告🌟\n尊敬的各位领导：\n"
        "我谨代表沧源县政府，向大家汇报2023年的工作成果，并对2024年的工作进行展望。\n" + _BODY
    )
    assert (doc.kind, doc.region, doc.title) == (
        "政府工作报告",
        "沧源佤族自治县",
        "沧源2024年工作报告",
    )
    assert _dropped(doc, "emoji") == ["🌟"]


def test_autonomous_counties_have_short_names() -> None:
    assert stem("沧源佤族自治县") == "沧源"
    assert stem("双江拉祜族佤族布朗族傣族自治县") == "双江"
    assert gazetteer().short["张家川"].name == "张家川回族自治县"


def test_a_verb_before_a_district_is_no_place() -> None:
    doc = _parse("held18/lixia-zhengji-2025.txt")
    assert doc.region == "历下区"
    assert doc.title == "关于公开征集历下区2026年度《政府工作报告》起草建议的公告"
    assert doc.year == 2025  # the notice's closing date line
    assert "- 草案内容" in _dropped(doc, "web chrome")


def test_meeting_line_broken_over_two_lines() -> None:
    doc = _text(
        "政 府 工 作 报 告\n——2023年1月15日在某某市第十六届\n人民代表大会第一次会议上\n"
        "某某市市长 张 三\n一、过去五年工作回顾\n" + _BODY
    )
    assert (doc.year, doc.date, doc.kind) == (2023, "2023-01-15", "政府工作报告")


def test_record_breadcrumb_and_footnote_marks_are_no_title() -> None:
    assert _parse("held18/cqkz-kaizhou-yusuan-2023-gb18030.txt").title == (
        "关于开州区2022年预算执行情况和2023年预算草案的报告"
    )
    assert _parse("held19/zjxc-xinchang-jueyi-2021-gb18030.txt").title == (
        "新昌县第十六届人民代表大会第五次会议关于政府工作报告的决议"
    )
    doc = _text("**某某县政府工作报告[^1]**\n\n" + _BODY + "\n\n[^1]: （根据某某文件刊印）\n")
    assert doc.title == "某某县政府工作报告"
    assert _dropped(doc, "footnote mark") == ["[^1]", "[^1]:"]


def test_session_label_and_salutation_leave_the_title() -> None:
    assert _parse("held18/nlac-daning-2024.txt").title == "政府工作报告"
    doc = _text(
        "2023某某市政府工作报告各位代表：现在，我代表市人民政府，向大会报告工作，请予审议。"
        "2022年工作回顾" + _BODY * 2
    )
    assert (doc.title, doc.kind) == ("2023某某市政府工作报告", "政府工作报告")


def test_speech_bulletin_and_plan_year() -> None:
    doc = _parse("held19/360docs-zhengxie-changwei-2023.txt")
    assert (doc.kind, doc.year) == (None, 2023)
    assert not any("下载文档前" in p.text for s in doc.sections for p in s.all_paragraphs())
    doc = _parse("held19/xiaomonv-tongliao-tongji-2017.txt")  # Traditional, no title
    assert (doc.kind, doc.year, doc.region) == ("统计公报", 2017, "通辽市")
    assert _parse("held19/0yw-shanghai-kaimu-2022.txt").year == 2022  # 十四五 良好开局


def test_digest_of_the_national_report() -> None:
    doc = _parse("held19/glarity-zhaiyao-2024.txt")
    assert (doc.kind, doc.region, doc.year) == ("政府工作报告", "国务院", 2024)
    assert _dropped(doc, "citation mark")


def test_a_label_line_over_a_traditional_headline() -> None:
    doc = _parse("held24/quamnet-bimu-2025.txt")
    assert doc.title == "十四届全国人大三次会议下午闭幕"
    assert "#兩會 #大大會議" in " ".join(_dropped(doc, "hashtags"))


def test_copy_debris_by_shape() -> None:
    doc = _text(
        "某某县政府工作报告\n" + _BODY.replace("全县", "全??县") + "\n"
        "县长作报告。. G! E. ] z$ f' }8 f' * Q4 D'\n"
        + _BODY
        + "$ H9 I7 n. K2 l- m# u5 z1 R! B' y\n"
        "社会事业全面进步(下转第四版)\n2024政府工作报告01\n(某某中国制图)\n" + _BODY
    )
    text = doc.text
    assert "??" not in text and "z$" not in text and "H9" not in text
    assert "下转" not in text and "制图" not in text and "工作报告01" not in text
    assert _dropped(doc, "lost-character marks")
    assert any("z$" in d.text for d in doc.dropped)  # anti-copy noise, in the dropped view


def test_a_letter_signed_by_its_title_organ_keeps_its_body() -> None:
    doc = _text(
        "某某办公厅\n某某函〔2005〕21号\n某某副主席：\n"
        + ("您关于节水的建议十分重视，有关部门认真研究并提出了措施。" * 8)
        + "\n某某办公厅\n2005年03月03日\n"
    )
    assert "您关于节水的建议十分重视" in doc.text


def test_news_kinds_and_years_by_class() -> None:
    doc = _text(
        "某某区人大代表评议区政府上半年工作报告\n"
        "7月26日召开的区人大常委会第25次会议(扩大)听取并评议了区长关于上半年工作情况的报告，"
        "代表们认为各项工作完成较好，按照区十三届人大三次会议确定的目标任务扎实推进。\n" + _BODY
    )
    assert doc.kind == "新闻报道"  # a standing committee's meeting, not the session it recalls
    doc = _text(
        "中國人民政治協商會議第七屆某某縣委員會第三次會議隆重開幕\n"
        "4月20日，中國人民政治協商會議第七屆某某縣委員會第三次會議在縣會堂隆重開幕。\n" + _BODY
    )
    assert doc.kind == "两会新闻"
    doc = _text(
        "2019省级两会今起拉开大幕 各地成绩单将亮相\n记者从各地获悉，省级两会陆续召开。\n" + _BODY
    )
    assert doc.year == 2019
    doc = _text("全县2024年第一季度重大项目工作总结\n" + _BODY)
    assert doc.year == 2024


def test_leagues_and_readings() -> None:
    doc = _text(
        "京港大学联盟举行年会\n本报讯 京港大学联盟坚持合作办学，两地高校深入交流。\n" + _BODY
    )
    assert doc.region != "京港大学联盟"
    doc = _text(
        "開幕會在北(běi)京(jīng)舉(jǔ)行。記者們(men)就不停發出一個個提問的(de)聲音。\n" + _BODY
    )
    assert "(men)" not in doc.text and "(de)" not in doc.text


judged = load_judged()

# set: (metadata fields right, junk strings left at most) after round 9, without corpus items;
# held25 as measured once with the final code (no fix after it). held19 34 once h19-03's column
# tag (2024全国两会|) was re-judged out of its title (round 14 rules, rejudged_r14.md).
R9_FLOORS = {"held18": (44, 0), "held19": (35, 1), "held24": (35, 4), "held25": (21, 2)}


@pytest.mark.parametrize("name", sorted(R9_FLOORS))
def test_round9_set_floor(name: str) -> None:
    s = judged.score_set(name)
    fields, junk_left = R9_FLOORS[name]
    assert s.errors == 0 and s.keep_lost == 0, s.notes
    assert s.fields_right >= fields, [n for n in s.notes if "want" in n]
    assert s.junk_left <= junk_left, [n for n in s.notes if "junk" in n]
