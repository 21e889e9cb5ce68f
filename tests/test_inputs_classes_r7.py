"""Round 7 classes (issue 9): another organ's report, a title's glued neighbours (held16)."""

from __future__ import annotations

from pathlib import Path

from reporttui.core.model import Document
from reporttui.core.text.ingest import parse_document

HELD16 = Path(__file__).parent / "data" / "inputs" / "held16"


def _parse(name: str) -> Document:
    return parse_document((HELD16 / name).read_bytes(), name)


def _text(text: str) -> Document:
    return parse_document(text.encode("utf-8"), "t.txt")


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
    assert _parse("sina-zuigaojian-2006.txt").title == "最高人民检察院工作报告(全文)"


def test_a_url_clock_source_byline_is_chrome() -> None:
    doc = _parse("fjsen-jianchayuan-2007.txt")
    assert "wmf.fjsen.com" not in doc.text
    assert any("wmf.fjsen.com" in d.text for d in doc.dropped)
    assert doc.title == "福建省人民检察院工作报告"


def test_a_title_naming_its_year_ends_a_file_record() -> None:
    doc = _parse("laowenbi-heci-2026.txt")  # the title over 时间/字数/site name/复制下载
    assert (doc.title, doc.year) == ("县政府2026年新春贺词", 2026)
    assert "复制下载" not in doc.text and "字数" not in doc.text
