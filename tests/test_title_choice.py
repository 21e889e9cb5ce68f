"""The title line chosen by the body's vocabulary and the lines' form (core/text/title_choice.py),
and the round-8 metadata classes around it. Texts are written for the test."""

from __future__ import annotations

from reporttui.core.text.ingest import parse_document
from reporttui.core.text.title_choice import (
    body_share,
    has_kind_end,
    is_furniture,
    rechoose,
    strip_organs,
    trim_segments,
)
from reporttui.core.text.year_votes import voted_year

BODY = "现在，我代表镇人民政府向大会报告工作。过去一年，全镇经济持续增长，镇政府坚持改革。"


def test_body_share() -> None:
    assert body_share("镇人民政府工作", BODY) > 0.6
    assert body_share("美章网", BODY) == 0.0
    assert body_share("", BODY) == 0.0


def test_form() -> None:
    assert has_kind_end("新春贺词")
    assert has_kind_end("关于2023年预算执行情况的报告（草案）")
    assert not has_kind_end("新年快乐")
    assert is_furniture("（记者 王某某）")
    assert is_furniture("首页 > 新闻中心 > 正文")
    assert not is_furniture("某县召开人代会")


def test_leading_site_parts_go() -> None:
    assert trim_segments("美章网 资料文库 镇人民政府报告", BODY) == "镇人民政府报告"
    # A bracketed label parted by its space stays whole.
    t = "【不忘初心 牢记使命】镇政府举办大赛"
    assert trim_segments(t, BODY) == t
    # Nothing left that the body shares or that names a kind: the line stays.
    assert trim_segments("美章网 资料文库", BODY) == "美章网 资料文库"


def test_author_organs_after_a_kind_word_title() -> None:
    assert strip_organs("新春贺词 中共某某区委 某某区人民政府") == "新春贺词"
    assert strip_organs("某县召开大会 某县人民政府") == "某县召开大会 某县人民政府"


def test_rechoose() -> None:
    # A greeting set one character a line above the message's own title.
    body = "市民们、同志们：在这辞旧迎新的美好时刻，向全区人民致以新年的祝福！"
    assert rechoose("新年快乐", ["新年快乐", "元旦献词", "区长 某某"], body) == (
        "元旦献词",
        "the kind-word title line below a line the body does not share",
    )
    # The title line with a site's label after it, over the document's own line.
    got = rechoose("镇政府报告范文", ["镇政府报告范文", "镇政府报告"], BODY)
    assert got is not None and got[0] == "镇政府报告"
    # A reporter's note is no title; with no other title line the title is blank.
    assert rechoose("（记者 王某某）", ["（记者 王某某）"], BODY) == (
        "",
        "the title line sharing the body's vocabulary (the first line is furniture)",
    )
    # A headline the body shares stays, whatever lines follow it.
    news = "全镇经济持续增长 镇政府坚持改革"
    assert rechoose(news, [news, "政府工作报告"], BODY) is None


def test_review_words_and_new_year_message() -> None:
    assert voted_year("回首2024年，意义非凡。")[0] == 2025
    text = (
        "元 旦 献 词\n区委副书记、代理区长 王某某\n（2021年12月31日）\n"
        "市民们、同志们、朋友们：\n在这辞旧迎新的美好时刻，我谨代表金山区人民政府，向全区人民致以新年的祝福！\n"
    )
    doc = parse_document(text.encode(), "msg.txt")
    assert doc.title == "元旦献词"
    assert doc.year == 2022
    assert doc.meta["evidence.year"].startswith("a New Year message")


def test_authoring_pair_names_the_district() -> None:
    text = (
        "政府区长某某某向全区人民致新年贺词\n\n广大市民，同志们，朋友们：\n\n"
        "新元肇启，万象更新。我谨代表中共下花园区委、区政府，向全区人民致以新年的祝福！\n"
    )
    doc = parse_document(text.encode(), "msg.txt")
    assert doc.region == "下花园区"
