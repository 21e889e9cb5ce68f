"""Classes of input problems found by the held6, held7 and held8 blind sets (issue 9, round 5),
each checked on the real page texts of tests/data/inputs/held6/, held7/, held8/ (sources in
SOURCES.md) or on a short text of the same shape, with the no-loss promise."""

from __future__ import annotations

from pathlib import Path

import pytest

from inputs_helpers import dropped, parse_checked
from reporttui.core.model import Document
from reporttui.core.text.ingest import check_no_loss, parse_document
from reporttui.core.text.metadata import close_spaced

HELD6 = Path(__file__).parent / "data" / "inputs" / "held6"


def _parse(name: str) -> tuple[Document, str]:
    return parse_checked(HELD6 / name)


_dropped = dropped


@pytest.mark.parametrize(
    ("line", "closed"),
    [
        ("政 府 工 作報 告", "政府工作報告"),  # one gap missing
        ("政 府 工 作 报 告", "政府工作报告"),
        ("攻坚克难 开拓奋进", "攻坚克难 开拓奋进"),  # two phrases, not a spaced title
        ("县长 王道明", "县长 王道明"),  # a speaker line
    ],
)
def test_a_title_spaced_out_with_a_gap_missing_is_closed_up(line: str, closed: str) -> None:
    assert close_spaced(line) == closed


def test_a_spaced_title_with_a_gap_missing_gives_the_kind() -> None:
    doc, _ = _parse("ilynn-pingli-2016.txt")
    assert (doc.region, doc.year, doc.kind, doc.title) == (
        "平利县",
        2016,
        "政府工作报告",
        "政府工作报告",
    )


def test_a_headline_naming_the_year_reviewed_yields_to_the_reports_own_title() -> None:
    # 2008年政府工作报告 (the site's headline) over 政 府 工 作 报 告 and a January 2009 meeting.
    doc, _ = _parse("daliank-shuangliu-2009.txt")
    assert (doc.region, doc.year, doc.title) == ("双流县", 2009, "政府工作报告")
    assert doc.meta["evidence.year"] == "meeting date"


def test_a_template_headline_yields_and_a_spaced_title_is_no_caption() -> None:
    doc, _ = _parse("fanwen118-xinjin.txt")
    assert (doc.region, doc.year, doc.kind, doc.title) == (
        "新津县",
        None,
        "政府工作报告",
        "政府工作报告",
    )
    assert "政 府 工 作 报 告" not in _dropped(doc, "photo caption")


def test_a_full_title_above_its_wrapped_copy_stays_the_title() -> None:
    doc, _ = _parse("zhuhai-shenji-2021.txt")
    assert doc.title == "关于珠海市2020年度市本级预算执行和其他财政收支的审计工作报告"
    assert doc.kind is None  # an audit report is not the budget report it audits


def test_a_page_number_inside_a_sentence_goes_to_dropped() -> None:
    doc, _ = _parse("fanwen118-xinjin.txt")
    assert "固定资产投资161亿元，增长371.1%。" in doc.text
    assert _dropped(doc, "page number") == ["1"]


def test_a_number_that_counts_something_stays_in_its_sentence() -> None:
    src = (
        "政府工作报告\n\n——1994年3月1日在某某省第一届人民代表大会第二次会议上\n\n各位代表：\n\n"
        "现在，我代表省人民政府向大会报告工作，请予审议。我省制订实施了加强金融工作的 12 项措施，组织 22\n\n"
        "个工作组到全省各金融机构检查资金拆借情况，及时制止了违章拆借。\n"
    )
    doc = parse_document(src)
    assert "组织22个工作组" in doc.text.replace(" ", "")
    assert not _dropped(doc, "page number")
    assert check_no_loss(src, doc) == []


def test_a_pager_line_goes_to_dropped() -> None:
    _, text = _parse("jnqlqm-xunxian-2013.txt")
    lines = text.split("\n")
    src = "\n\n".join([*lines[:6], "第1页第2页", *lines[6:]])
    doc = parse_document(src)
    assert _dropped(doc, "pager") == ["第1页第2页"]
    assert "第1页" not in doc.text
    assert check_no_loss(src, doc) == []


def test_a_title_with_its_december_date_note_is_the_next_years_report() -> None:
    doc, _ = _parse("bx2200-luxian-2022.txt")
    assert (doc.region, doc.year, doc.kind) == ("泸县", 2022, "政府工作报告")
    assert _dropped(doc, "web chrome") == ["导航菜单"]


def test_a_font_size_toolbar_and_an_app_advertisement_are_chrome() -> None:
    doc, _ = _parse("usy7-xinhua-2026.txt")
    assert doc.title == "新华社受权播发《政府工作报告》"
    assert "字号变大" not in doc.text and "客户端" not in doc.text
    assert "批准了这个报告。" in doc.text


def test_a_wiki_copys_header_is_chrome() -> None:
    doc, _ = _parse("wikisource-wencheng-2013.txt")
    gone = _dropped(doc, "wiki chrome")
    assert len(gone) == 3 and any(g.startswith("本作品收錄於") for g in gone)
    assert (doc.region, doc.year, doc.title) == ("文成县", 2013, "2013年文成县人民政府工作报告")
    assert "我代表縣人民政府向大會報告政府工作" in doc.text


def test_a_verb_before_an_unnamed_congress_is_no_place() -> None:
    # 建议市十二屆人大七次會議批準…: 建议 + 市十二届人大, not a city 建议市.
    doc, _ = _parse("1183118-huizhou-2020.txt")
    assert (doc.region, doc.year, doc.kind) == ("惠州市", 2020, "两会新闻")


def test_session_news_takes_the_year_after_the_one_the_report_reviews() -> None:
    doc, _ = _parse("glencoe-zhangjiachuan-2013.txt")
    assert (doc.region, doc.year, doc.kind) == ("张家川回族自治县", 2013, "两会新闻")


_TERM = (
    "政府工作报告\n\n——2016年11月25日在某宁市第十六届人民代表大会第一次会议上\n\n各位代表：\n\n"
    "现在，我代表市人民政府向大会报告工作，请予审议。\n\n一、过去五年工作回顾\n\n"
    "五年来，全市经济持续健康发展，人民生活明显改善。\n\n二、今后五年工作建议\n\n"
    "今后五年，是全面建成小康社会的决胜阶段。{plan}\n"
)


def test_a_term_report_given_in_november_without_a_plan_for_next_year_keeps_its_year() -> None:
    assert parse_document(_TERM.format(plan="")).year == 2016
    assert parse_document(_TERM.format(plan="2017年，要抓好以下工作。")).year == 2017


HELD4 = HELD6.parent / "held4"
HELD5 = HELD6.parent / "held5"


def test_news_opening_on_a_days_dateline_is_news() -> None:
    # A Traditional county item on consulting deputies about the report's draft (held4 x06).
    raw = (HELD4 / "glencoe-qinan-2017.txt").read_bytes()
    doc = parse_document(raw, "glencoe-qinan-2017.txt")
    assert (doc.region, doc.year, doc.kind) == ("秦安县", None, "新闻报道")


def test_a_resolution_titled_with_its_adoption_note_is_a_resolution() -> None:
    # 关于《金雞鎮政府工作報告》的決議(草案) (2017年2月10日金雞鎮十七屆人大二次會議) (held4 x08).
    raw = (HELD4 / "69525-jinji-jueyi-2017.txt").read_bytes()
    doc = parse_document(raw, "69525-jinji-jueyi-2017.txt")
    assert (doc.region, doc.year, doc.kind) == ("金鸡镇", 2017, "决议")


def test_a_site_name_clock_and_channel_line_is_chrome_not_a_byline() -> None:
    raw = (HELD5 / "gongwensou-yaohai-2021.txt").read_bytes()
    doc = parse_document(raw, "gongwensou-yaohai-2021.txt")
    assert "公文搜 2021-07-28 08:33:05 政府报告" in _dropped(doc, "web chrome")
    assert (doc.region, doc.year, doc.kind) == ("瑶海区", 2021, "政府工作报告")


def test_a_wiki_mirror_header_with_year_links_yields_the_title_below() -> None:
    raw = (HELD5 / "zhonghuashu-yusuan-2022.txt").read_bytes()
    doc = parse_document(raw, "zhonghuashu-yusuan-2022.txt")
    assert (doc.year, doc.kind, doc.title) == (
        2022,
        "预算报告",
        "国务院关于今年以来预算执行情况的报告",
    )
    assert "2021年 国务院关于今年以来预算执行情况的报告" in _dropped(doc, "wiki chrome")


HELD7 = HELD6.parent / "held7"


def _parse7(name: str) -> Document:
    raw = (HELD7 / name).read_bytes()
    doc = parse_document(raw, name)
    assert check_no_loss(raw.decode("utf-8"), doc) == []
    return doc


def test_readings_after_garbled_characters_go_with_the_others() -> None:
    doc = _parse7("markspest-shangzhou-2016.txt")
    assert "(qū)" not in doc.text and "(hào)" not in doc.text
    assert (doc.year, doc.kind) == (2016, "两会新闻")  # the report 总结了2015年…


def test_a_portals_header_in_traditional_is_chrome() -> None:
    # 中國新聞社 / 中新網分類新聞查詢>> / 本頁位置… / 放大字體 縮小字體 / a photo credit / 編輯:
    doc = _parse7("yogviha-shanghai-2003.txt")
    assert doc.title == "上海人代会今天开幕 陈良宇作《政府工作报告》"
    assert (doc.region, doc.year) == ("上海市", 2003)
    for junk in ("中國新聞社", "放大字體", "編輯", "丁志平攝"):
        assert junk not in doc.text
    assert "陳鐵迪宣布上海市第十二屆人民代表大會第一次會議開幕。" in doc.text


def test_photo_credits_and_a_timestamp_with_the_sites_name_are_chrome() -> None:
    doc = _parse7("hsnews-haishu-2016.txt")
    assert len(_dropped(doc, "photo caption")) == 2
    assert (doc.region, doc.year, doc.title) == ("海曙区", 2016, "海曙区十届人大五次会议隆重开幕")


def test_a_task_tables_lead_units_are_no_site_owner() -> None:
    src = (
        "主办单位: 某城市融媒体中心\n"
        "一、民生实事\n"
        "主办单位：市水务局，各县（区）人民政府\n"
        "完成城乡供水一体化工程，惠及群众10万人。\n"
    )
    doc = parse_document(src)
    assert _dropped(doc, "web chrome") == ["主办单位: 某城市融媒体中心"]
    assert "主办单位：市水务局，各县（区）人民政府" in doc.text


def test_the_year_named_by_its_place_in_a_five_year_plan() -> None:
    assert _parse7("zjol-jihua-2011.txt").year == 2011  # 今年是中国“十二五”规划开局之年
    assert _parse7("qdn-qiandongnan-2011.txt").year == 2011  # 审查“十二五”规划纲要草案


def test_a_september_session_reviewing_its_own_year() -> None:
    doc = _parse7("hadlsm-qinzhou-2011.txt")  # 9月26日 … 本屆政府及2011年政府工作的回顧
    assert (doc.region, doc.year, doc.kind) == ("秦州区", 2011, "两会新闻")


def test_the_one_division_of_an_unnamed_congresss_level() -> None:
    doc = _parse7("ipcontent-hanbin.txt")  # 出席区第十八届人民代表大会… 今后五年汉滨区的发展
    assert (doc.region, doc.kind) == ("汉滨区", "两会新闻")


def test_a_place_after_de_is_read() -> None:
    doc = _parse7("xgll-diqing-2012.txt")  # …期待的迪庆藏族自治州第十二届人民代表大会
    assert doc.region == "迪庆藏族自治州"


def test_a_mangled_self_closing_tag_is_markup() -> None:
    doc, _ = _parse("qwyd-meishan-2014.txt")  # 眉山市市长 <**r />宋朝华
    assert _dropped(doc, "html tag") == ["<**r />"]
    assert "眉山市市长 宋朝华" in doc.text and doc.title == ""


HELD8 = HELD6.parent / "held8"


def _parse8(name: str) -> Document:
    raw = (HELD8 / name).read_bytes()
    doc = parse_document(raw, name)
    assert check_no_loss(raw.decode("utf-8"), doc) == []
    return doc


def test_a_sharing_sites_file_record_and_page_thumbnails_are_chrome() -> None:
    doc = _parse8("wenku365-huanjie.txt")
    for junk in ("ID:10590117", "大小:61.50 KB", "_第1页", "由会员上传分享"):
        assert junk not in doc.text
    assert "现在，我受镇人民政府委托，向大会作政府工作报告" in doc.text
    doc = _parse8("51gongwen-luohe-2022.txt")  # VIP专免 / 2024-01-23 / 999+ / 42.88KB / 39 页…
    assert "42.88KB" not in doc.text and "侵权投诉" not in doc.text
    assert (doc.year, doc.kind) == (2022, "政府工作报告")


def test_page_chunk_numbers_cutting_sentences_go_to_dropped() -> None:
    doc = _parse8("wnwk-xiangzhen.txt")  # …按现行汇率计 / 2、算折合美元…
    assert "按现行汇率计算折合美元" in doc.text
    assert _dropped(doc, "page number") == ["1、", "2、"]


def test_a_numbered_list_is_no_page_chunks() -> None:
    src = "一、主要任务\n\n1、抓好项目建设。全年开工项目50个。\n\n2、抓好民生实事。新建学校3所。\n"
    doc = parse_document(src)
    assert not _dropped(doc, "page number")
    assert "1、抓好项目建设" in doc.text


def test_a_town_session_and_a_standing_committee_meeting_in_the_news() -> None:
    doc = _parse8("mmcxw-zhongdong-2018.txt")  # 中垌镇召开第十六届… 部署了2018年的重点工作
    assert (doc.region, doc.year, doc.kind) == ("中垌镇", 2018, "两会新闻")
    doc = _parse8("xiuzhiben-changzhou-2022.txt")  # 市十七届人大常委会举行第四次会议 … 2022年上半年
    assert (doc.region, doc.year, doc.kind) == ("常州市", 2022, "新闻报道")


def test_a_table_under_a_caption_is_no_file_record() -> None:
    src = (
        "某县2015年统计公报\n\n全年规模以上工业增加值比上年增长百分之九，工业运行质量继续提高。\n\n"
        "主要工业产品产量\n产品名称\t计量单位\t产量\n饮料酒\t千升\t15767\n塑料制品\t吨\t183946\n"
    )
    doc = parse_document(src)
    assert "饮料酒" in doc.text and not _dropped(doc, "page chrome")


def test_title_lines_with_a_comma_are_lines_of_their_own() -> None:
    doc = _parse8("guakaob-xxzhen-2014.txt")  # 乡镇人大会,政府工作报告 / | 报告 | / 篇一:…
    assert "各位代表：" in doc.text.split("\n")
    assert (doc.year, doc.kind) == (2014, "政府工作报告")


def test_a_spaced_title_under_a_file_record_stays_its_own_line() -> None:
    doc = _parse8("51gongwen-luohe-2022.txt")
    assert "政 府 工 作 报 告" in doc.text.split("\n")
    assert "政 府 工 作 报 告" not in _dropped(doc, "page chrome")


def test_an_unnamed_congress_naming_two_divisions_of_its_level_names_none() -> None:
    src = (
        "12月11日下午，出席区第十八届人民代表大会第一次会议的人大代表分团审议区政府工作报告。\n"
        "代表们表示，要学习汉滨区和汉阴县的经验，也要借鉴西城区的做法。\n"
    )
    assert parse_document(src).region is None
