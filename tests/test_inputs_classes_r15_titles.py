"""Round 15 classes (issue 9, titles): a colon label before a headline (ruling 5), a news
headline printed over two lines against a deck line, a box-drawing bar after a kicker — on the
judged texts, on small texts written for each class and on their look-alikes
(benchmarks/inputs/misses_r15_titles.md)."""

from __future__ import annotations

import gzip

import pytest

from inputs_helpers import DATA, parse_data, parse_text
from reporttui.core.text.ingest import parse_document
from reporttui.core.text.title_tags import drop_colon_label, second_headline_line

_BODY = (
    "本报讯（记者 李明）3月5日，某县第十八届人民代表大会第三次会议开幕，县长李强作政府工作报告。"
)


@pytest.mark.parametrize(
    ("rel", "title"),
    [
        # kicker line + main line; the main line's words go on in the body
        (
            "pages23/lcxw-liaocheng-zhengxie-2024.txt",
            "市政协委员分组讨论李长萍讲话审议十四届市政协常委会工作报告"
            " 汇聚建设“六个新聊城”的磅礴力量",
        ),
        ("pages20/chengpou-shizheng-2025.txt", "岑特首份施政报告 今见真章"),  # Traditional
        # a deck saying who speaks is left out
        ("pages19/caixunnews-songjiang-2023.txt", "践行初心使命 奋力谱写新篇"),
        # a first line of two spaced phrases is whole; the line below is a deck
        (
            "pages16/jiangsulong-shengji-lianghui-2019.txt",
            "2019省级两会今起拉开大幕 各地年度成绩单将亮相",
        ),
    ],
)
def test_judged_headlines_over_two_lines(rel: str, title: str) -> None:
    assert parse_data(rel).title == title


def test_judged_colon_and_bar_labels_go() -> None:
    # 直播回放： a programme's label (ruling 5); the glued 直播介绍 is still there (not fixed)
    assert parse_data("pages14/66wz-lucheng-zhibo.txt").title.startswith("鹿城区人大九届一次会议")
    # 施政報告 │ a kicker set off by a box-drawing bar; 李家超： a speaker, kept
    assert parse_data("pages15/wenweipo-shizheng-2025.txt").title == (
        "李家超：封面沿用绿色 主轴围绕经济及民生"
    )


def test_written_colon_labels() -> None:
    headline = "某县第十八届人民代表大会第三次会议开幕"
    # a genre's name (…快讯, …关注) and a column's name the body never uses go
    assert drop_colon_label("两会快讯：" + headline, _BODY) == headline
    assert drop_colon_label("补壹刀：" + headline, _BODY) == headline
    # a speaker the body names stays, and so does the headline's own wording
    assert drop_colon_label("李强：" + headline, _BODY) == "李强：" + headline
    said = "坚定信心：奋力开创高质量发展新局面"
    assert drop_colon_label(said, "会议号召全县坚定信心，奋力开创新局面。") == said
    # too little after the colon: the label may be the title
    assert drop_colon_label("两会快讯：开幕", _BODY) == "两会快讯：开幕"


def test_written_second_lines_and_their_look_alikes() -> None:
    first = "某县人代会代表热议政府工作报告"
    body = "代表们认为，报告凝聚奋进力量，振奋人心。"
    assert second_headline_line(first, [first, "凝聚奋进力量"], body) == "凝聚奋进力量"
    # a widget, a byline, a time, a speaker's deck, a spaced deck, a third line: none
    for second in ("图集", "记者 李明", "10:30", "李强在参加审议时表示", "代表 热议 报告"):
        assert second_headline_line(first, [first, second], body) is None
    assert second_headline_line(first, [first, "凝聚奋进力量", "第三行"], body) is None
    # the body does not go on with its words: no part of the headline
    assert second_headline_line(first, [first, "版权与免责声明"], body) is None
    doc = parse_text(f"{first}\n凝聚奋进力量\n{_BODY}代表们认为，报告凝聚奋进力量。\n")
    assert doc.title == f"{first} 凝聚奋进力量"


def test_judged_news_naming_the_report_in_passing_is_news() -> None:
    # a week's round-up quoting 2022年江苏省政府工作报告强调… once, in its fifth paragraph
    rel = "pages26/yangtse-shujishizhang-2022.html"
    doc = parse_document(gzip.decompress((DATA / f"{rel}.gz").read_bytes()), rel)
    assert doc.kind == "新闻报道"


def test_written_news_on_the_report_stays_a_review_of_it() -> None:
    lead = "本报讯（记者 李明）2月7日，某县召开优化营商环境推进会，县长李强讲话。"
    rest = "\n".join(["各地开工重大项目，优化营商环境。"] * 3)
    said = "今年的政府工作报告强调，要深化改革。"
    # named once, after the opening: the news's own kind
    assert parse_text(f"新春第一周各地干劲足\n{lead}\n{rest}\n{said}\n").kind == "新闻报道"
    # the report in the opening, or named again and again: a piece on the report
    assert parse_text(f"新春第一周各地干劲足\n{lead}\n{said}\n{rest}\n").kind == "新闻综述"
    again = "\n".join([said] * 3)
    assert parse_text(f"新春第一周各地干劲足\n{lead}\n{rest}\n{again}\n").kind == "新闻综述"
