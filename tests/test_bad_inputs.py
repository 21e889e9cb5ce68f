"""Bad and unusual inputs: clear one-line errors, or a sensible document."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from reporttui.core.errors import ReportFileError
from reporttui.core.text.ingest import check_no_loss, load_document

REPORT = (
    "政府工作报告\n——2025年2月25日在太原市第十五届人民代表大会第五次会议上\n各位代表：\n"
    "现在，我代表市人民政府，向大会报告工作，请予审议。\n一、2024年工作回顾\n"
    "过去一年，全市地区生产总值增长5.1%。\n二、2025年工作安排\n主要预期目标是：地区生产总值增长5%左右。\n"
)


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    p = tmp_path / name
    p.write_bytes(data)
    return p


def outline(doc) -> list[str]:  # type: ignore[no-untyped-def]
    return [s.title for s in doc.sections]


def test_missing_path(tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    with pytest.raises(ReportFileError, match=rf"^{missing}: no such file$"):
        load_document(missing)


def test_directory(tmp_path: Path) -> None:
    with pytest.raises(ReportFileError, match="is a directory"):
        load_document(tmp_path)


def test_empty_file(tmp_path: Path) -> None:
    p = write(tmp_path, "empty.txt", b"")
    with pytest.raises(ReportFileError, match=r"empty\.txt is empty$"):
        load_document(p)


def test_binary_file(tmp_path: Path) -> None:
    p = write(tmp_path, "x.docx", b"PK\x03\x04\x14\x00\x06\x00" + bytes(range(256)) * 8)
    with pytest.raises(ReportFileError, match=r"x\.docx looks like a binary file"):
        load_document(p)


@pytest.mark.parametrize(
    ("name", "data", "encoding"),
    [
        ("gb.txt", REPORT.encode("gb18030"), "gb18030"),
        (
            "bom_crlf.txt",
            codecs.BOM_UTF8 + REPORT.replace("\n", "\r\n").encode("utf-8"),
            "utf-8-sig",
        ),
        ("cr.txt", REPORT.replace("\n", "\r").encode("utf-8"), "utf-8"),
        ("u16.txt", codecs.BOM_UTF16_LE + REPORT.encode("utf-16-le"), "utf-16"),
        ("literal.txt", REPORT.replace("\n", "\\r\\n").encode("utf-8"), "utf-8"),
    ],
)
def test_encodings_and_line_ends_give_the_same_outline(
    tmp_path: Path, name: str, data: bytes, encoding: str
) -> None:
    doc = load_document(write(tmp_path, name, data))
    assert doc.encoding == encoding
    assert outline(doc) == ["", "一、2024年工作回顾", "二、2025年工作安排"]
    assert (doc.region, doc.year, doc.kind, doc.date) == (
        "太原市",
        2025,
        "政府工作报告",
        "2025-02-25",
    )
    assert "\r" not in doc.text and "\\r" not in doc.text and "\\n" not in doc.text
    assert check_no_loss(REPORT, doc) == []


def test_full_width_digits_become_ascii(tmp_path: Path) -> None:
    doc = load_document(
        write(tmp_path, "fw.txt", "地区生产总值增长５．１％，达到２３６０亿元。\n".encode())
    )
    assert doc.text == "地区生产总值增长5.1%，达到2360亿元。"


def test_traditional_characters_are_kept(tmp_path: Path) -> None:
    src = "政府工作報告\n一、過去一年的工作\n全市經濟穩定發展，人民生活持續改善。\n"
    doc = load_document(write(tmp_path, "t.txt", src.encode("utf-8")))
    assert outline(doc) == ["", "一、過去一年的工作"]
    assert "全市經濟穩定發展" in doc.text
    assert doc.kind == "政府工作报告"


def test_a_file_that_is_only_headings(tmp_path: Path) -> None:
    src = "一、工作回顾\n二、工作安排\n（一）稳增长\n（二）促改革\n三、政府建设\n"
    doc = load_document(write(tmp_path, "h.txt", src.encode()))
    assert outline(doc) == ["一、工作回顾", "二、工作安排", "三、政府建设"]
    assert [c.title for c in doc.sections[1].children] == ["（一）稳增长", "（二）促改革"]
    assert doc.paragraphs() == []


def test_a_report_without_headings_is_one_section(tmp_path: Path) -> None:
    src = "今年要坚持稳中求进，推动高质量发展。\n\n全面深化改革，扩大对外开放。\n"
    doc = load_document(write(tmp_path, "plain.txt", src.encode()))
    (only,) = doc.sections
    assert (only.kind, only.level, only.title) == ("document", 0, "")
    assert len(only.paragraphs) == 2


def test_repeated_headings_are_siblings(tmp_path: Path) -> None:
    """Many identical headings stay flat (speed on big files: benchmarks/ingest_bench.py)."""
    body = "各位代表：\n" + "一、工作回顾\n全市经济持续回升向好，地区生产总值增长5%。\n" * 2000
    doc = load_document(write(tmp_path, "big.txt", body.encode()))
    assert len(doc.paragraphs()) == 2001
    assert len(doc.sections) == 2001 and {s.level for s in doc.sections[1:]} == {1}


def test_utf8_with_a_few_corrupt_bytes_is_read_with_replacements(tmp_path: Path) -> None:
    """A damaged copy (one bad byte per ~1,000) that no other encoding reads stays UTF-8."""
    data = bytearray((REPORT * 20).encode("utf-8"))
    for i in range(40, len(data), 997):
        data[i] = 0xFF
    doc = load_document(write(tmp_path, "damaged.txt", bytes(data)))
    assert "地区生产总值增长5%左右" in doc.text and "\ufffd" in doc.text


def test_mostly_undecodable_bytes_are_still_refused(tmp_path: Path) -> None:
    data = bytes([0xFF, 0xFE, 0x80]) * 2000 + REPORT.encode("utf-8")
    with pytest.raises(ReportFileError):
        load_document(write(tmp_path, "junk.txt", data))
