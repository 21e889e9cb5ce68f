"""Nothing lost: every Chinese character and digit is in the text (in order) or on dropped."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import seed_doc, seed_path
from reporttui.core.errors import ReportFileError
from reporttui.core.model import Document, Dropped
from reporttui.core.text.decode import decode_bytes
from reporttui.core.text.ingest import check_no_loss, parse_document


@pytest.mark.parametrize("n", range(5))
def test_seeds_lose_nothing(n: int) -> None:
    raw = decode_bytes(seed_path(n).read_bytes()).text
    assert check_no_loss(raw, seed_doc(n)) == []


def test_the_checker_catches_a_lost_character() -> None:
    doc = parse_document("坚持稳中求进。\n推动高质量发展。\n")
    broken = Document(**{**doc.__dict__, "text": doc.text.replace("高", "")})
    assert check_no_loss("坚持稳中求进。\n推动高质量发展。\n", broken) == ["lost 1 characters: 高"]


def test_the_checker_catches_reordering_and_unrecorded_drops() -> None:
    doc = parse_document("甲乙丙。\n丁戊己。\n")
    swapped = Document(**{**doc.__dict__, "text": "丁戊己。\n甲乙丙。"})
    assert check_no_loss("甲乙丙。\n丁戊己。\n", swapped) == [
        "document text is out of source order"
    ]
    recorded = Document(
        **{**doc.__dict__, "text": "甲乙丙。", "dropped": (Dropped("丁戊己。", "web chrome"),)}
    )
    assert check_no_loss("甲乙丙。\n丁戊己。\n", recorded) == []


# Pieces of messy report text: words, digits in both widths, punctuation of both widths,
# chrome, markup, layout debris, and every kind of line break.
_PIECES = st.sampled_from(
    [
        "坚持",
        "稳中求进",
        "高质量发展",
        "政府工作报告",
        "“平急两",
        "用”",
        "聚",
        "焦",
        "汾河三",
        "期",
        "２０２５",
        "2024",
        "107.48",
        "5%",
        "一、",
        "（二）",
        "(三)",
        "1.",
        "第一章",
        "各位代表：",
        "。",
        "，",
        "、",
        "；",
        "：",
        ",",
        ":",
        "！",
        "？",
        "……",
        "——",
        "﹃",
        "﹄",
        "︵",
        "︶",
        " ",
        "  ",
        "\u3000",
        "\t",
        "\n",
        "\n\n",
        "\n\n\n",
        "\r\n",
        "\r",
        "\\r\\n",
        "\\n",
        "# ",
        "## ",
        "**",
        "> ",
        "- ",
        "---",
        "|",
        "<div>",
        "</div>",
        "<b>",
        "<!-- 注 -->",
        "您当前的位置：首页",
        "发布时间：2025-01-04",
        "上一篇：",
        "(上接第1版)",
        "责编：王",
        "2025年4月3日 星期四",
        "□文/",
        "\ue004",
        "\u200b",
        "報告",
        "發展",
        "&nbsp;",
        "Title",
        "ＡＢＣ",
        "GDP",
        "亿元",
    ]
)
_MESSY = st.lists(_PIECES, min_size=1, max_size=80).map("".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_MESSY)
def test_generated_messy_text_loses_nothing(text: str) -> None:
    try:
        doc = parse_document(text)
    except ReportFileError:
        assert not text.strip()  # only blank input is refused
        return
    assert check_no_loss(text, doc) == []
    for s in doc.walk():
        if s.title_start >= 0:
            assert doc.text[s.title_start : s.title_end] == s.title
        for p in s.paragraphs:
            assert doc.text[p.start : p.end] == p.text
            assert "\n" not in p.text


@settings(max_examples=100, deadline=None)
@given(_MESSY, st.sampled_from(["utf-8", "utf-8-sig", "gb18030", "utf-16"]))
def test_generated_text_in_any_encoding_loses_nothing(text: str, encoding: str) -> None:
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        return
    try:
        doc = parse_document(data)
    except ReportFileError:
        return
    assert check_no_loss(decode_bytes(data).text, doc) == []


@pytest.mark.corpus
@pytest.mark.parametrize("half", [0, 1])
def test_the_whole_corpus_loses_nothing(corpus_dir: Path, half: int) -> None:
    """Every corpus report, in two halves so the two test processes share the work."""
    files = sorted(p for p in corpus_dir.rglob("*.md") if p.is_file())
    assert len(files) >= 3000
    failures: list[str] = []
    for f in files[half::2]:
        data = f.read_bytes()
        try:
            doc = parse_document(data, str(f))
        except ReportFileError as exc:
            failures.append(f"{f.relative_to(corpus_dir)}: {exc}")
            continue
        problems = check_no_loss(decode_bytes(data).text, doc)
        if problems:
            failures.append(f"{f.relative_to(corpus_dir)}: {'; '.join(problems)}")
    assert failures == [], "\n".join(failures[:50])
