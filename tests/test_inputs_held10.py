"""Classes of input problems found by the held10 blind set (issue 9, round 5), each checked on the
real page texts of tests/data/inputs/held10/ (sources in SOURCES.md) or on a short text of the
same shape, with the no-loss promise."""

from __future__ import annotations

from pathlib import Path

import pytest

from reporttui.core.model import Document
from reporttui.core.text.clean import _chrome_reason
from reporttui.core.text.ingest import check_no_loss, parse_document

HELD10 = Path(__file__).parent / "data" / "inputs" / "held10"


def _parse(name: str) -> Document:
    raw = (HELD10 / name).read_bytes()
    doc = parse_document(raw, name)
    assert check_no_loss(raw.decode("utf-8"), doc) == []
    return doc


def _text_doc(text: str, name: str = "x.txt") -> Document:
    doc = parse_document(text.encode("utf-8"), name)
    assert check_no_loss(text, doc) == []
    return doc


@pytest.mark.parametrize(
    "line",
    [
        "首页/ 政务公开/ 法定主动公开内容/ 统计信息/ 统计公报/ 正文",  # a slash location bar
        "首页-->社会",  # a site channel with a long arrow
        "中新社吉林分社正文",  # the site's label over the article view
        "中原区人民政府网站logo",  # a logo's alt text
        "01.png",  # a picture left as its file name
        "语音播报",  # a control
        "導語:區政府工作會議的講話一文來源于網友上傳,不代表本站觀點,若需要原創文章可咨詢客服老師,歡迎參考。",
    ],
)
def test_site_chrome_lines_of_held10_are_chrome(line: str) -> None:
    assert _chrome_reason(line) is not None


@pytest.mark.parametrize(
    "line",
    [
        "一、综合",
        "政府工作报告正文",
        "第一部分 报告",
        "区政府工作会议的讲话",
        "附件1.png说明如下。",
    ],
)
def test_text_lines_like_them_stay(line: str) -> None:
    assert _chrome_reason(line) is None


def test_portal_page_chrome_leaves_the_title_and_text() -> None:
    doc = _parse("zhongyuan-gov-2024.txt")
    assert doc.title == "中原区十七届人大四次会议隆重开幕"
    assert "logo" not in doc.text and "01.png" not in doc.text
    doc = _parse("chinanews-lvyuan-2024.txt")
    assert doc.title == "长春市绿园区第十九届人民代表大会第四次会议开幕"
    assert doc.region != "该区"  # the text's own unit (该区) is never a region's name
    doc = _parse("zizhou-tjgb-2023.txt")
    assert doc.title == "子洲县二〇二三年国民经济和社会发展统计公报"
    assert (doc.region, doc.year, doc.kind) == ("子洲县", 2023, "统计公报")


def test_a_volume_opening_on_its_contents_takes_the_reports_title() -> None:
    doc = _parse("shayang-yusuan-2023.txt")
    assert doc.title == "关于沙洋县2022年预算执行情况和2023年预算草案的报告"
    assert doc.kind in ("预算报告", "预算执行情况与预算草案报告")
    assert doc.year == 2023  # given on 2022-12-18: the next year's budget
    assert "第二部分 预算表格" in doc.text  # the contents stay in the text
    titles = [sec.title for sec in doc.walk() if sec.title]
    assert "第二部分 预算表格" not in titles  # …as lines, not as the document's sections
    assert titles[0] == "第一部分 报告"


def test_an_opening_title_with_a_colon_or_an_exclamation_is_the_title() -> None:
    doc = _parse("huoqiu-jiedu-2024.txt")
    # (round 15, ruling 5) 分管负责人解读： names the genre (a …解读 column): a tag, not the title's.
    assert doc.title.startswith("霍邱县发改委副主任张锐解读文章《关于霍邱县2023年")
    doc = _parse("iaiso-jinping-zhengxie.txt")
    assert doc.title == "政协委员怀揣良策陆续报到！金平进入“两会”"
    assert doc.text.index("肩负重托") > doc.text.index("进入“两会”")


def test_a_headline_in_a_hard_wrapped_text_still_joins() -> None:
    # A first line ending in a sentence's middle is not a headline, whatever it holds.
    text = "我们坚持稳中求进，全年经济\n运行平稳，发展质量稳步提升，人民生活持续改善，社会大局和谐稳定，各项事业全面进步。\n"
    doc = _text_doc(text)
    assert "全年经济运行平稳" in doc.text


def test_a_damaged_date_note_is_stripped_from_the_title() -> None:
    text = (
        "---\ntitle: 保山市政府工作报告（20251月7日 左广）\n---\n\n"
        "——2025年1月7日在保山市第五届人民代表大会第五次会议上\n\n各位代表：\n\n"
        "现在，我代表市人民政府，向大会报告工作，请予审议。\n"
    )
    assert _text_doc(text, "2025.md").title == "保山市政府工作报告"


def test_a_traditional_review_heading_gives_the_reports_year() -> None:
    doc = _parse("uv63h8-qu-2009.txt")
    assert (doc.kind, doc.year) == ("政府工作报告", 2009)
    assert "網友上傳" not in doc.text


def test_a_numbered_file_title_gives_way_to_the_reports_own() -> None:
    raw = (HELD10.parent / "held8" / "51gongwen-luohe-2022.txt").read_bytes()
    doc = parse_document(raw, "51gongwen-luohe-2022.txt")
    assert check_no_loss(raw.decode("utf-8"), doc) == []
    assert doc.title == "政府工作报告"  # not the site's 某市2022年政府工作报告(19)
