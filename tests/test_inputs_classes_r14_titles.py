"""Round 14 classes (issue 9, titles): a column tag, a kicker or a site's tail around the
headline is not part of the title (judging rule 1, benchmarks/inputs/misses_r14_titles.md), and
three news kinds (a session's voting meeting, a piece on the report in the sessions' title
block, a committee's decision led by its issuer) — on the judged texts, on small texts written
for each class and on their look-alikes."""

from __future__ import annotations

import gzip

import pytest

from inputs_helpers import DATA, parse_data, parse_text
from reporttui.core.text.ingest import parse_document
from reporttui.core.text.title_tags import drop_column_tag, drop_site_tail, repeated_headline


@pytest.mark.parametrize(
    ("rel", "title"),
    [
        ("pages19/caixunnews-songjiang-2023.txt", "践行初心使命 奋力谱写新篇"),  # 【天天热闻】
        ("pages21/ypzyy-zhengxie-kaimu-2023.txt", "全国政协十四届一次会议在京开幕"),  # 新闻8点见丨
        ("pages16/taoyuandj-zhengxie-2012.txt", "县政协十一届六次会议今日开幕"),  # [图]【聚焦…】
        # the headline printed again below a labelled copy
        ("pages23/daydaynews-furong-kaimu-2024.txt", "芙蓉区第六届人民代表大会第五次会议开幕"),
        (
            "held26/cehavas-shandong-jueyi-2019.txt",
            "山东省第十三届人民代表大会第二次会议关于政府工作报告的决议",
        ),
        (
            "held30/ilynn-yicheng-tongji-2023.txt",
            "2023年驻马店市驿城区国民经济和社会发展统计公报",  # (河南省) before it; Simplified
        ),
    ],
)
def test_judged_titles_lose_their_tag_or_tail(rel: str, title: str) -> None:
    assert parse_data(rel).title == title


def test_judged_page_title_loses_its_bracketed_column_tag() -> None:
    raw = gzip.decompress((DATA / "pages15/bjfgw-yushu-2024.html.gz").read_bytes())
    doc = parse_document(raw, "bjfgw-yushu-2024.html")
    assert doc.title == "北京教育专家团赴青海玉树开展“组团式”教育援助行动"


def test_written_kicker_and_site_tail_go() -> None:
    body = "本报讯（记者 李明）3月5日，某县第十八届人民代表大会第三次会议开幕，县长作报告。\n"
    doc = parse_text("微观两会丨某县第十八届人民代表大会第三次会议开幕\n" + body)
    assert doc.title == "某县第十八届人民代表大会第三次会议开幕"
    doc = parse_text("某县第十八届人民代表大会第三次会议开幕 - 某某新闻网\n" + body)
    assert doc.title == "某县第十八届人民代表大会第三次会议开幕"


def test_look_alikes_keep_their_words() -> None:
    body = "报告回顾了过去一年的工作。"
    # A bar parting a site's name after a long headline: the tail goes, not the headline.
    assert drop_column_tag(drop_site_tail("2024年北京市政府工作报告 | 北京日报客户端", body)) == (
        "2024年北京市政府工作报告"
    )
    # A tag with too little after it is no tag before a headline.
    assert drop_column_tag("【政府工作报告】全文") == "【政府工作报告】全文"
    # A hyphen inside a span of years is no separator.
    assert drop_site_tail("某市2021-2025年发展规划纲要", body) == "某市2021-2025年发展规划纲要"
    # A title wrapped over the lines below is no labelled copy.
    full = "关于某某县2022年预算执行情况和2023年预算草案的报告"
    lines = [full, "关于某某县2022年预算执行", "情况和2023年预算草案的报告"]
    assert repeated_headline(full, lines, body) is None
    # A year before a bare 政府工作报告 is not a label.
    assert (
        repeated_headline("2019年 政府工作报告", ["2019年 政府工作报告", "政府工作报告"], body)
        is None
    )
    # A (全文) note after the title is kept (the judged sets keep it).
    assert (
        repeated_headline("政府工作报告(全文)", ["政府工作报告(全文)", "政府工作报告"], body)
        is None
    )


def test_judged_session_meeting_voting_is_session_news() -> None:
    assert parse_data("held29/healinghandsltd-bimuhui-2011.txt").kind == "两会新闻"


def test_written_voting_meeting_and_its_resolution() -> None:
    doc = parse_text(
        "某市第十届人民代表大会第三次会议关于政府工作报告的决议（草案）\n"
        "1月20日上午，某市第十届人民代表大会第三次会议在市会议中心举行闭幕会，表决关于政府工作"
        "报告的决议草案。\n"
        "大会执行主席：各位代表，现在进行第一项议程。\n"
    )
    assert doc.kind == "两会新闻"
    # The look-alike: the resolution itself, adopted at the session.
    doc = parse_text(
        "某市第十届人民代表大会第三次会议关于政府工作报告的决议\n"
        "（2024年1月20日某市第十届人民代表大会第三次会议通过）\n"
        "某市第十届人民代表大会第三次会议听取和审议了市长所作的政府工作报告。会议同意这个报告，"
        "决定批准这个报告。\n"
    )
    assert doc.kind == "决议"


def test_judged_and_written_pieces_on_the_report_in_the_sessions() -> None:
    assert parse_data("held29/chinaoilrecycling-shuguan-lianghui-2025.txt").kind == "两会新闻"
    assert parse_data("pages23/lcxw-liaocheng-zhengxie-2024.txt").kind == "两会新闻"
    body = "新出炉的政府工作报告晒出了过去一年的成绩单。我们一起来看一看。\n"
    assert parse_text("【图说两会】一图看懂成绩单\n" + body).kind == "两会新闻"
    # The look-alike: an explainer of what the report is, no sessions in its title.
    assert parse_text("政府工作报告是什么意思\n" + body).kind is None


def test_judged_and_written_decisions_led_by_their_issuer_have_no_kind() -> None:
    assert parse_data("held26/rddy-anhui-zhaokai-jueding.txt").kind is None
    doc = parse_text(
        "某市人民代表大会常务委员会 关于召开某市第十届人民代表大会第三次会议的决定\n"
        "（2023年12月20日某市第十届人民代表大会常务委员会第十五次会议通过）\n"
        "某市第十届人民代表大会常务委员会第十五次会议决定：某市第十届人民代表大会第三次会议于"
        "2024年1月在某市召开。\n"
    )
    assert doc.kind is None


def test_a_number_after_a_separator_is_no_site_tail() -> None:
    body = "报告回顾了过去一年的工作。"
    assert drop_site_tail("某县人民政府工作报告 - 2020", body) == "某县人民政府工作报告 - 2020"
