"""The headline from the agreement of its candidates (issue 9, pages17): body words and copies."""

from __future__ import annotations

from pathlib import Path

from reporttui.core.text.ingest import parse_document
from reporttui.core.text.title_votes import vote_title

DATA = Path(__file__).parent / "data" / "inputs" / "pages17"


def _parse(name: str):
    p = DATA / name
    return parse_document(p.read_bytes(), str(p))


def test_headline_taken_for_a_field_line_is_the_title() -> None:
    # 统计局：2018年… reads as a "label: value" field, but the body repeats its words.
    doc = _parse("chinesenewsboard-tongji-2018.txt")
    assert doc.title == "统计局：2018年1-7月份全国规模以上工业企业利润增长17.1%"
    assert doc.meta["evidence.title"].startswith("the headline the page agrees on")


def test_headline_printed_again_as_captions_is_the_title() -> None:
    doc = _parse("chinadaily-tuijie-2015.txt")
    # (round 15, ruling 5) 图解： names the piece's genre, a column tag: not part of the title.
    assert doc.title == "政协委员的提案从哪来？到哪去？"


def test_no_title_when_no_candidate_agrees_with_the_body() -> None:
    body = "今年全县粮食产量稳定增长，农民收入持续提高。\n全年新建农田水利设施一百余处。"
    assert vote_title(["欢迎访问本站网络服务平台首页"], body, [body]) is None
    # A field, a link or a dated line never wins, whatever it shares.
    assert vote_title(["来源：全县粮食产量稳定增长农民收入"], body, [body]) is None


def test_the_body_cannot_vouch_for_its_own_line() -> None:
    # The candidate's own copies are not the body it must share words with.
    line = "全县粮食产量稳定增长农民收入提高"
    body = f"{line}\n另有一段无关的文字说明天气情况。"
    assert vote_title([line], body, [line]) is None


def test_short_bracketed_tag_before_the_headline_goes() -> None:
    from reporttui.core.text.title_votes import tidy_headline

    body = "邵阳各级人大行使重大事项决定权的实践经验和对策。"
    assert tidy_headline("【邵阳】行使重大事项决定权的邵阳经验及对策", body) == (
        "行使重大事项决定权的邵阳经验及对策"
    )
    # A series name (more than four characters) is part of the title.
    assert tidy_headline("【中国稳健前行】坚定实施扩大内需战略", body).startswith(
        "【中国稳健前行】"
    )


def test_tail_the_body_never_uses_is_a_glued_neighbour() -> None:
    doc = _parse("caigoupt-songjiang-renda.txt")
    assert doc.title == "上海松江区六届人大五次会议举行主席团第三次会议"


def test_subtitle_sharing_the_body_stays() -> None:
    from reporttui.core.text.title_votes import tidy_headline

    body = "活动在成都举行。现场发布医药健康产业供需清单，供需对接成效明显。"
    title = "四川省医药健康产业供需对接活动在成都举行 现场发布医药健康产业供需清单"
    assert tidy_headline(title, body) == title


def test_closed_accounts_report_dated_by_its_meeting() -> None:
    # 2023年三明市本级决算 reported on 2024-06-27: the report's year is the meeting's, its
    # region the budget's owner before 本级.
    doc = _parse("sm-czj-juesuan-2023.txt")
    assert (doc.region, doc.year, doc.kind) == ("三明市", 2024, "预算报告")


def test_labelled_document_number_dates_a_copied_notice() -> None:
    # A law-copy site's timestamp (2020年07月23日) over 发布文号: 宁政发[2006]275号.
    doc = _parse("qyfgj-nanjing-guihua-2006.txt")
    assert (doc.region, doc.year) == ("南京市", 2006)
