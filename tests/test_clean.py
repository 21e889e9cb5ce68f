"""Cleaning: chrome and markup go (onto Document.dropped), report text stays."""

from __future__ import annotations

from reporttui.core.text.ingest import parse_document
from reporttui.core.text.normalize import normalize_chars, significant, tidy_punctuation

BODY = "今年要坚持稳中求进工作总基调，推动经济持续回升向好。全市地区生产总值增长5%左右。"


def reasons(doc) -> dict[str, list[str]]:  # type: ignore[no-untyped-def]
    out: dict[str, list[str]] = {}
    for d in doc.dropped:
        out.setdefault(d.reason, []).append(d.text)
    return out


def test_web_chrome_lines_are_dropped_with_their_reason() -> None:
    src = (
        "Title\n您当前的位置：首页 > 政务公开\n发布时间：2024-02-01\n来源：市政府办公室\n\n"
        f"{BODY}\n\n上一篇：\n另一篇文章的标题\n下一篇：关于召开会议的通知\n打印本页 关闭窗口\n"
    )
    doc = parse_document(src)
    assert doc.text == BODY
    assert reasons(doc)["web chrome"] == [
        "Title",
        "您当前的位置：首页 > 政务公开",
        "发布时间：2024-02-01",
        "来源：市政府办公室",
        "上一篇：",
        "另一篇文章的标题",
        "下一篇：关于召开会议的通知",
        "打印本页 关闭窗口",
    ]


def test_newspaper_mastheads_and_layout_lines_are_dropped() -> None:
    src = (
        f"3 要闻 2025年1月9日 星期四\n\n责编：王明 校对：李华\n(上接第1版)\n{BODY}\n（下转第3版）\n"
    )
    doc = parse_document(src)
    assert doc.text == BODY
    assert reasons(doc) == {
        "masthead": ["3 要闻 2025年1月9日 星期四"],
        "layout": ["责编：王明 校对：李华", "(上接第1版)", "（下转第3版）"],
    }


def test_html_tags_go_but_their_text_stays() -> None:
    doc = parse_document(
        f"<p>{BODY}</p>\n<p><b>坚持</b>创新驱动发展战略。</p>\n<!-- 注释里的话 -->\n"
    )
    assert doc.text.split("\n") == [BODY, "坚持创新驱动发展战略。"]
    r = reasons(doc)
    assert r["html comment"] == ["<!-- 注释里的话 -->"]
    assert "<b>" in " ".join(r["html tag"])


def test_markdown_markup_is_removed() -> None:
    src = (
        "# 政府工作报告\n\n**各位代表：**\n\n"
        f"> {BODY}\n\n---\n\n## 一、工作回顾\n\n- 完成[重点项目](http://example.com/x)建设。\n"
    )
    doc = parse_document(src)
    assert "#" not in doc.text and "*" not in doc.text and "](" not in doc.text
    assert "完成重点项目建设。" in doc.text
    assert [s.title for s in doc.sections] == ["", "一、工作回顾"]
    assert "http://example.com/x" in reasons(doc)["markdown"]


def test_front_matter_is_read_and_dropped() -> None:
    src = f"---\nsource: https://example.gov.cn/a.html\ntitle: 2024年某某市政府工作报告\n---\n\n{BODY}\n"
    doc = parse_document(src)
    assert doc.meta["front_matter.title"] == "2024年某某市政府工作报告"
    assert doc.meta["front_matter.source"] == "https://example.gov.cn/a.html"
    assert doc.title == "2024年某某市政府工作报告"
    assert doc.text == BODY
    assert reasons(doc)["front matter"][0].startswith("---\nsource:")


def test_vertical_punctuation_full_width_digits_and_invisibles() -> None:
    assert normalize_chars("﹃改革攻坚﹄︵草案︶︽纲要︾") == "“改革攻坚”（草案）《纲要》"
    assert normalize_chars("增长２０．５％，ＧＤＰ") == "增长20.5%，GDP"
    assert normalize_chars("中\u200b文\ufeff") == "中文"


def test_half_width_punctuation_beside_chinese_becomes_full_width() -> None:
    assert tidy_punctuation("指导,全面落实;实现:目标") == "指导，全面落实；实现：目标"
    assert tidy_punctuation("1,000元 and 10:30") == "1,000元 and 10:30"
    assert tidy_punctuation("完成 107.48亿元，增长 4.6%") == "完成107.48亿元，增长4.6%"


def test_private_use_glyphs_are_dropped() -> None:
    doc = parse_document(f"  \ue004{BODY}\ue005\n")
    assert doc.text == BODY
    assert reasons(doc)["private-use glyph"] == ["\ue004\ue005"]


def test_significant_characters_are_chinese_and_digits() -> None:
    assert significant("一、２０２５年 GDP增长5%！") == "一2025年增长5"


def test_pinyin_readings_after_characters_are_dropped() -> None:
    doc = parse_document("八大举措擘(bò)画高质量发展新图景，推进国内生产总值(GDP)增长。\n")
    assert doc.text == "八大举措擘画高质量发展新图景，推进国内生产总值(GDP)增长。"
    assert reasons(doc)["pinyin"] == ["bò"]


def test_terminal_controls_and_nul_go_to_dropped_not_the_text() -> None:
    from reporttui.core.text.ingest import check_no_loss, parse_document

    src = (
        "政府工作报告\n\n各位代表：\x1b]52;c;SGVsbG8=\x07现在我代表\x1b[2J市政府\x1b[6n报告工作，"
        "\x9b31m请予审议\x00。\x1b]0;title\x1b\\\x7f\n"
    )
    doc = parse_document(src)
    assert doc.text.endswith("各位代表：现在我代表市政府报告工作，请予审议。")
    assert not any((ord(ch) < 0x20 and ch != "\n") or 0x7F <= ord(ch) <= 0x9F for ch in doc.text)
    controls = [d for d in doc.dropped if d.reason == "control character"]
    assert controls and "\x1b" not in controls[0].text and "\u241b]52;c;" in controls[0].text
    assert all(ord(ch) < 0x7F or ord(ch) > 0x9F for d in doc.dropped for ch in d.text)
    assert check_no_loss(src, doc) == []
