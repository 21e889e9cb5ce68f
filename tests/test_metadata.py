"""Metadata from the content: region, year of the plan, kind, title, date. Never the file name."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import seed_doc, seed_path
from reporttui.core.text.ingest import load_document, parse_document

SEEDS = {
    0: ("谱写中国式现代化古交篇章", "古交市", 2025, "新闻综述", None),
    1: ("跻身太原发展“第二战场” 全面开启古交“二次创业”", "古交市", None, "新闻报道", None),
    2: (
        "“改革攻坚”与“民生提质”双轮驱动——交城县八大举措擘画2025年高质量发展新图景",
        "交城县",
        2025,
        "新闻综述",
        "2025-04-03",
    ),
    3: (
        "关于古交市2025年国民经济和社会发展计划执行情况与2026年国民经济和社会发展计划(草案)的报告",
        "古交市",
        2026,
        "计划执行情况与计划草案报告",
        "2025-12-29",
    ),
    4: ("政府工作报告", "太原市", 2025, "政府工作报告", None),
}


@pytest.mark.parametrize("n", sorted(SEEDS))
def test_seed_metadata(n: int) -> None:
    doc = seed_doc(n)
    assert (doc.title, doc.region, doc.year, doc.kind, doc.date) == SEEDS[n]


def test_seed_003_keeps_its_publication_date_apart_from_the_meeting_date() -> None:
    assert seed_doc(3).meta["published"] == "2026-01-04"


def test_the_file_name_is_never_used(tmp_path: Path) -> None:
    misleading = tmp_path / "北京市_2019_政府工作报告.txt"
    shutil.copy(seed_path(1), misleading)
    doc = load_document(misleading)
    assert (doc.region, doc.year, doc.kind) == ("古交市", None, "新闻报道")


def test_unknown_is_an_honest_answer() -> None:
    doc = parse_document("坚持稳中求进工作总基调，推动经济持续回升向好。\n加快发展新质生产力。\n")
    assert (doc.region, doc.year, doc.kind, doc.date) == (None, None, None, None)


def test_delivered_report_with_meeting_line() -> None:
    src = (
        "政府工作报告\n——2024年1月23日在福建省第十四届人民代表大会第二次会议上\n福建省人民政府省长 赵龙\n"
        "各位代表：\n现在，我代表省人民政府，向大会报告工作，请予审议。\n一、2023年工作回顾\n过去一年，成绩显著。\n"
    )
    doc = parse_document(src)
    assert (doc.region, doc.year, doc.kind, doc.date) == (
        "福建省",
        2024,
        "政府工作报告",
        "2024-01-23",
    )


def test_december_meeting_reports_on_the_next_year() -> None:
    src = (
        "政府工作报告\n——2022年12月12日在拉萨市第十二届人民代表大会第三次会议上\n"
        "各位代表：\n现在，我代表市人民政府，向大会报告工作，请予审议。\n"
    )
    doc = parse_document(src)
    assert (doc.region, doc.year, doc.date) == ("拉萨市", 2023, "2022-12-12")


def test_chinese_numeral_dates_and_national_reports() -> None:
    src = (
        "关于一九五八年度国民经济计划草案的报告\n——一九五八年二月三日在第一届全国人民代表大会第五次会议上\n"
        "各位代表：\n我代表国务院提出报告，请予审议。\n"
    )
    doc = parse_document(src)
    assert (doc.region, doc.year, doc.kind, doc.date) == (
        "国务院",
        1958,
        "计划草案报告",
        "1958-02-03",
    )


def test_traditional_characters_are_kept_and_still_understood() -> None:
    src = "政府工作報告\n——2024年1月20日在臺北縣第三屆人民代表大會第一次會議上\n各位代表：\n現在，我代表縣政府報告工作。\n"
    doc = parse_document(src)
    assert "報告" in doc.text and "現在" in doc.text
    assert doc.kind == "政府工作报告"
    assert doc.year == 2024


@pytest.mark.parametrize(
    ("line", "region"),
    [
        ("——2024年1月9日在呼和浩特市第十六届人民代表大会第三次会议上", "呼和浩特市"),
        ("——2021年1月6日在日照市第二十届人民代表大会第五次会议上", "日照市"),
        ("2011年东莞市人民政府工作报告", "东莞市"),
        ("1月20日长沙市第十五届人民代表大会第三次会议", "长沙市"),
    ],
)
def test_region_names_are_cut_at_the_right_place(line: str, region: str) -> None:
    doc = parse_document(f"{line}\n各位代表：\n现在，我代表人民政府，向大会报告工作。\n")
    assert doc.region == region


def test_a_province_mentioned_without_its_name_is_no_region() -> None:
    doc = parse_document(
        "各位代表：\n我代表省人民政府，向大会作报告，贯彻落实省委各项决策部署和省人大决议。\n"
    )
    assert doc.region is None


@pytest.mark.parametrize(
    "first_line",
    [
        "**省长 王予波**",
        "**上海市市长 龚 正**",
        "南昌市人民政府市长：李豆罗",
        "**市十七届人大五次会议文件（三）**",
        "自治区主席 雪克来提·扎克尔",
        "（2011年1月21日 秦光荣）",
    ],
)
def test_a_byline_or_date_line_is_not_the_title_when_front_matter_has_one(first_line: str) -> None:
    text = (
        "---\nsource: https://example.gov.cn/x.html\ntitle: 2025年政府工作报告\n---\n\n"
        f"{first_line}\n\n各位代表：\n\n现在，我代表市人民政府，向大会报告工作，请予审议。\n"
    )
    doc = parse_document(text, "x.md")
    assert doc.title == "2025年政府工作报告"


def test_a_title_spaced_out_for_print_is_closed_up() -> None:
    text = "**政**  **府**  **工**  **作**  **报**  **告**\n\n各位代表：\n\n现在，我代表市人民政府，向大会报告工作。\n"
    assert parse_document(text, "x.md").title == "政府工作报告"


def test_titles_are_tidied_and_evidence_recorded() -> None:
    from reporttui.core.text.ingest import parse_document

    src = (
        "---\ntitle: 晋中市政府工作报告（2015年12月29日 张三）\n---\n\n"
        "——2015年12月29日在晋中市第五届人民代表大会第四次会议上\n\n市长 张三\n\n各位代表：\n\n"
        "现在，我代表市人民政府，向大会报告政府工作，请予审议。\n"
    )
    # A real city: a placeholder (某某市) is no division, so no region (the held8 rule).
    doc = parse_document(src)
    assert (doc.title, doc.region, doc.year, doc.kind) == (
        "晋中市政府工作报告",
        "晋中市",
        2016,
        "政府工作报告",
    )
    assert doc.meta["evidence.region"].startswith("meeting line")
    assert doc.meta["evidence.year"] == "meeting date"
    assert doc.meta["evidence.title"] == "front matter"


def test_spaced_title_sharing_a_line_is_closed_up() -> None:
    from reporttui.core.text.metadata import _tidy_title

    assert _tidy_title("2023年 政 府 工 作 报 告") == "2023年政府工作报告"
    assert _tidy_title("全面从严管党治党 党风政风焕然一新") == "全面从严管党治党 党风政风焕然一新"
    assert _tidy_title(
        "新华网北京3月16日电 第十届全国人民代表大会第五次会议关于政府工作报告的决议"
    ) == ("第十届全国人民代表大会第五次会议关于政府工作报告的决议")


def test_national_session_gives_the_year_and_resolutions_their_kind() -> None:
    from reporttui.core.text.ingest import parse_document

    doc = parse_document(
        "第十届全国人民代表大会第五次会议关于政府工作报告的决议\n\n"
        "（2007年3月16日第十届全国人民代表大会第五次会议通过）\n\n"
        "第十届全国人民代表大会第五次会议听取和审议了国务院总理所作的政府工作报告。会议决定批准这个报告。\n"
    )
    assert (doc.kind, doc.year, doc.date) == ("决议", 2007, "2007-03-16")


def test_a_verb_before_a_bare_level_word_is_not_a_region() -> None:
    from reporttui.core.text.ingest import parse_document

    doc = parse_document(
        "代表热议政府工作报告\n\n发布时间:2008-01-25 09:45\n\n"
        "24日上午,出席市十三届人大二次会议的代表审议了政府工作报告,参加县人大会议的代表也踊跃发言。\n"
    )
    assert doc.region is None
    assert (doc.kind, doc.year) == ("两会新闻", 2008)


def test_a_region_ending_in_a_level_word_must_be_a_known_division() -> None:
    """(held17) A clause before 县/市 is no place (为使县政府, 为切实推进市政府); a body named
    before the division is cut off (政协龙陵县第十届委员会 -> 龙陵县); a county the gazetteer
    knows only under its new suffix stays a place (held9: 黔西县, 黔西市 since 2021). Real texts."""
    data = Path(__file__).parent / "data" / "inputs"
    region = {
        "held17/xyxww-shijianshishi-2011.txt": None,
        "held17/xianning-duban-2021.txt": None,
        "held17/longling-xieshang-2022.txt": "龙陵县",
        "held9/freewechat-qianxi-2018.txt": "黔西县",
    }
    for name, want in region.items():
        doc = parse_document((data / name).read_bytes(), name)
        assert doc.region == want, (name, doc.region)
