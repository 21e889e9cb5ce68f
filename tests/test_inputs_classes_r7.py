"""Round 7 classes (issue 9): another organ's report, a title's glued neighbours (held16)."""

from __future__ import annotations

from pathlib import Path

from reporttui.core.model import Document
from reporttui.core.text.ingest import parse_document

HELD16 = Path(__file__).parent / "data" / "inputs" / "held16"


def _parse(name: str) -> Document:
    return parse_document((HELD16 / name).read_bytes(), name)


def _text(text: str, name: str = "t.txt") -> Document:
    return parse_document(text.encode("utf-8"), name)


def test_another_organs_report_is_none_of_the_kinds() -> None:
    doc = _parse("gsrdw-jianchayuan-2022.txt")  # a procuratorate's report to the congress
    assert (doc.kind, doc.region, doc.year) == (None, "甘肃省", 2022)
    assert doc.meta["evidence.kind"].startswith("another organ's report")
    doc = _parse("koomao-rendachangwei.txt")  # a standing committee's (受…常务委员会委托)
    assert doc.kind is None


def test_the_governments_report_stays_one() -> None:
    doc = _text(
        "政府工作报告\n——2024年1月10日在某某县第十八届人民代表大会第三次会议上\n"
        "各位代表：\n现在，我代表县人民政府，向大会报告工作，请予审议，并请县政协委员提出意见。\n"
    )
    assert doc.kind == "政府工作报告"


def test_title_without_its_byline_label_or_table_cells() -> None:
    assert _parse("wxredian-shouyang-heci-2025.txt").title == "新春贺词"
    assert _parse("koomao-rendachangwei.txt").title == "区人大会常务委员会工作报告"
    # (round 16) its table cells gone, and its (全文) note too (h16-02 as judged: rule 1)
    assert _parse("sina-zuigaojian-2006.txt").title == "最高人民检察院工作报告"


def test_a_url_clock_source_byline_is_chrome() -> None:
    doc = _parse("fjsen-jianchayuan-2007.txt")
    assert "wmf.fjsen.com" not in doc.text
    assert any("wmf.fjsen.com" in d.text for d in doc.dropped)
    assert doc.title == "福建省人民检察院工作报告"


def test_a_title_naming_its_year_ends_a_file_record() -> None:
    doc = _parse("laowenbi-heci-2026.txt")  # the title over 时间/字数/site name/复制下载
    assert (doc.title, doc.year) == ("县政府2026年新春贺词", 2026)
    assert "复制下载" not in doc.text and "字数" not in doc.text


HELD15 = HELD16.parent / "held15"


def test_notices_and_readings_about_the_report_are_no_kind() -> None:
    for name in ("dawa-fenjie-2021.txt", "ahjx-jingxian-fenjie-2023.txt", "elht-jiedu-2024.txt"):
        doc = parse_document((HELD15 / name).read_bytes(), name)
        assert doc.kind is None, name
    doc = parse_document((HELD15 / "elht-jiedu-2024.txt").read_bytes(), "elht-jiedu-2024.txt")
    assert doc.title == "《〈政府工作报告〉2024年重点工作任务分工方案》政策解读"  # not the toolbar
    assert "长者模式" not in doc.text


def test_a_notice_issuing_the_report_before_it_stays_the_report() -> None:
    doc = _text(
        "---\ntitle: 西安市2026年政府工作报告\n---\n\n"
        "> 西安市人民政府关于印发市长所作《政府工作报告》的通知\n\n"
        "> 各区、县人民政府，市人民政府各工作部门、各直属机构：\n\n"
        "> 《政府工作报告》已经大会审议通过，现印发给你们，请认真抓好落实。\n\n"
        "政府工作报告\n——2026年2月27日在西安市第十七届人民代表大会第七次会议上\n\n"
        "各位代表：\n\n现在，我代表西安市人民政府向大会报告工作，请予审议。\n",
        "2026.md",
    )
    assert doc.kind == "政府工作报告"
