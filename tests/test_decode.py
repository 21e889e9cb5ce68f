"""Decoding: the encodings reports come in, and clear refusals for what is not text."""

from __future__ import annotations

import codecs

import pytest

from reporttui.core.errors import ReportFileError
from reporttui.core.text.decode import decode_bytes

TEXT = "政府工作报告\r\n各位代表：２０２５年地区生产总值增长5%。\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
        (TEXT.encode("gb18030"), "gb18030"),
        (TEXT.encode("gbk"), "gb18030"),
        (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16"),
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16"),
    ],
)
def test_known_encodings_decode_to_the_same_text(data: bytes, encoding: str) -> None:
    decoded = decode_bytes(data, "r.txt")
    assert decoded.text == TEXT
    assert decoded.encoding == encoding


def test_gb18030_only_characters_survive() -> None:
    text = "𠀀字与㐀字的报告。"  # outside GBK, inside GB18030
    assert decode_bytes(text.encode("gb18030")).text == text


@pytest.mark.parametrize("data", [b"", b"   \n\r\n\t  ", codecs.BOM_UTF8])
def test_empty_input_is_an_error_naming_the_file(data: bytes) -> None:
    with pytest.raises(ReportFileError, match=r"^empty\.txt is empty$"):
        decode_bytes(data, "empty.txt")


def test_binary_input_is_refused() -> None:
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4
    with pytest.raises(ReportFileError, match=r"^pic\.png looks like a binary file"):
        decode_bytes(png, "pic.png")


def test_control_characters_without_nul_are_refused() -> None:
    data = bytes([1, 2, 3, 4, 5, 6, 7, 8, 14, 15, 16]) * 50
    with pytest.raises(ReportFileError, match="binary"):
        decode_bytes(data, "x.bin")


def test_undecodable_bytes_are_refused_with_the_reason() -> None:
    with pytest.raises(ReportFileError, match=r"^cannot decode bad\.txt: not UTF-8, GB18030"):
        decode_bytes(b"\xff\xff\xfe\xfa report \xff", "bad.txt")


def test_utf8_cut_inside_its_last_character_stays_utf8() -> None:
    """A truncated UTF-8 file is UTF-8 minus the cut character, not GB18030 mojibake."""
    data = "政府工作报告：林麝".encode()
    decoded = decode_bytes(data[:-1], "cut.txt")
    assert decoded.encoding == "utf-8"
    assert decoded.text == "政府工作报告：林"
    with pytest.raises(ReportFileError, match=r"cut\.txt"):
        decode_bytes(b"\xe4\xb8", "cut.txt")


TRADITIONAL = "桃源縣第十五屆人民代表大會第二次會議在縣劇院隆重開幕，三百多名人大代表匯聚一堂，共商經濟社會發展大計。\n縣人民政府縣長向大會作政府工作報告。\n"


def test_big5_is_detected_not_read_as_gb18030() -> None:
    decoded = decode_bytes(TRADITIONAL.encode("big5"), "trad.txt")
    assert decoded.encoding == "big5"
    assert decoded.text == TRADITIONAL


def test_gb18030_traditional_stays_gb18030() -> None:
    decoded = decode_bytes(TRADITIONAL.encode("gb18030"), "trad-gb.txt")
    assert decoded.encoding == "gb18030"
    assert decoded.text == TRADITIONAL


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_detected(encoding: str) -> None:
    decoded = decode_bytes(TEXT.encode(encoding), "w.txt")
    assert decoded.encoding == encoding
    assert decoded.text == TEXT


def test_utf16_without_bom_pure_chinese() -> None:
    text = "现在，我代表市人民政府向大会报告工作，请予审议，并请市政协委员提出意见。"
    assert decode_bytes(text.encode("utf-16-le"), "w.txt").text == text


def test_a_few_nul_bytes_in_text_are_not_binary() -> None:
    decoded = decode_bytes(("各位代表：" * 200 + "\x00现在。").encode("utf-8"), "n.txt")
    assert decoded.encoding == "utf-8"


@pytest.mark.parametrize(
    ("data", "what"),
    [
        (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n", "PDF document"),
        (
            b"{\\rtf1\\ansi\\ansicpg936 \\f0 \xd5\xfe\xb8\xae\xb9\xa4\xd7\xf7\xb1\xa8\xb8\xe6}",
            "RTF",
        ),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "政府工作报告".encode("gb18030"), "Office"),
    ],
)
def test_document_formats_are_named_even_when_they_would_decode(data: bytes, what: str) -> None:
    # Small enough that GB18030 would read each of them as (garbled) text.
    with pytest.raises(
        ReportFileError, match=rf"^x looks like a binary file, not a text report: .*{what}"
    ):
        decode_bytes(data, "x")
