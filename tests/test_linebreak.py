"""The Chinese line breaker: 禁则 for punctuation, whole numbers and words, soft spaces, widths."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from reporttui.core.text.linebreak import (
    CLOSING,
    OPENING,
    break_lines,
    break_offsets,
    cell_width,
    char_width,
)

REPORT = (
    "2025年，全市地区生产总值增长22.0%，达到107.48亿元，新增市场主体2,516户。"
    "我们坚持“以人民为中心”的发展思想（见附表），推动 Artificial Intelligence "
    "与实体经济深度融合……全面从严管党治党 党风政风焕然一新。"
)
"""Sentences in the style of the reports: figures, quotes, brackets, an English phrase, spaces."""

WIDTHS = (6, 9, 10, 17, 20, 23, 31, 40, 77)


def lines(text: str, width: int) -> list[str]:
    return [text[a:b] for a, b in break_lines(text, width)]


def check_rules(text: str, width: int) -> list[str]:
    """Every rule the breaker promises, for one text at one width (returns the problems)."""
    problems = []
    spans = break_lines(text, width)
    for k, (a, b) in enumerate(spans):
        line = text[a:b]
        if cell_width(line) > width and b - a > 1:
            problems.append(f"wider than {width}: {line!r}")
        if k and line[:1] in CLOSING:
            problems.append(f"starts with closing punctuation at {width}: {line!r}")
        if k < len(spans) - 1 and line[-1:] in OPENING:
            problems.append(f"ends with opening punctuation at {width}: {line!r}")
        if line != line.strip():
            problems.append(f"blank at an edge at {width}: {line!r}")
    return problems


def test_widths_of_chinese_latin_and_marks() -> None:
    assert cell_width("政府工作报告") == 12
    assert cell_width("GDP 5%") == 6
    assert cell_width("，。（）") == 8  # full-width punctuation: wide
    assert cell_width("“”…—") == 4  # ambiguous: one cell, as terminals and Rich draw them
    assert char_width("\u0301") == 0 and char_width("\u200b") == 0
    assert cell_width("") == 0


@pytest.mark.parametrize("width", WIDTHS)
def test_every_rule_holds_on_report_sentences(width: int) -> None:
    assert check_rules(REPORT, width) == []


@pytest.mark.parametrize("width", WIDTHS)
def test_nothing_is_lost_but_edge_spaces(width: int) -> None:
    spans = break_lines(REPORT, width)
    rebuilt = "".join(REPORT[a:b] for a, b in spans)
    assert rebuilt.replace(" ", "") == REPORT.replace(" ", "")
    assert all(a < b for a, b in spans)
    assert [a for a, _ in spans] == sorted(a for a, _ in spans)


@pytest.mark.parametrize("width", WIDTHS[3:])
def test_numbers_and_words_are_not_split(width: int) -> None:
    shown = lines(REPORT, width)
    for unit in ("22.0%", "107.48亿元", "2,516户", "2025年", "Artificial", "Intelligence"):
        assert any(unit in line for line in shown), (unit, shown)


def test_ranges_codes_and_units_stay_whole() -> None:
    text = "全年增长1-10月累计建成5G基站，COVID-19疫情以来新增107.48亿元。"
    for width in (12, 16, 20, 30):
        shown = lines(text, width)
        for unit in ("1-10月", "5G", "COVID-19", "107.48亿元"):
            assert any(unit in line for line in shown), (width, unit, shown)


def test_a_closing_mark_takes_the_character_before_it_along() -> None:
    text = "推动高质量发展。"  # 14 + 2 cells: at 14 the last character goes down with 。
    assert lines(text, 14) == ["推动高质量发", "展。"]
    assert lines("要办成事，“办不成事”。", 12) == ["要办成事，", "“办不成事”。"]
    assert lines("要办成事，“办不成事”。", 10) == ["要办成事，", "“办不成", "事”。"]


def test_an_opening_mark_goes_down_with_what_follows() -> None:
    assert lines("坚持稳中求进（工作总基调）", 14) == ["坚持稳中求进", "（工作总基调）"]
    assert lines("实施《条例》", 6) == ["实施", "《条", "例》"]


def test_a_soft_space_is_not_a_break_and_not_shown_at_an_edge() -> None:
    text = "全面从严管党治党 党风政风焕然一新"
    assert lines(text, 40) == [text]  # one line: the space is kept inside it
    assert lines(text, 16) == [
        "全面从严管党治党",
        "党风政风焕然一新",
    ]  # break at the space, no blank
    assert lines(text, 17) == ["全面从严管党治党", "党风政风焕然一新"]
    assert lines("  前后有空格  ", 20) == ["前后有空格"]


def test_latin_words_break_at_spaces_and_a_space_before_a_mark_does_not_lead() -> None:
    assert lines("精神 and 作风", 8) == ["精神 and", "作风"]
    for width in range(8, 14):  # from where "39.5% ，" fits on one line
        assert check_rules("增长了 39.5% ，工业对经济", width) == []


def test_spaced_out_brackets_and_ideographic_spaces() -> None:
    """Scraped text spaces its marks out (街道 （镇 ） 、社区) and indents with U+3000."""
    text = "健全市、区、街道 （镇 ） 、社区的多层次就业工作网络。成为中介机构。  \u3000\u30005.加大"
    for width in range(10, 60):
        assert check_rules(text, width) == [], width


def test_a_word_longer_than_the_line_is_folded() -> None:
    url = "www.example.gov.cn/zwgk/zfgzbg/index.shtml"
    shown = lines(url, 10)
    assert "".join(shown) == url
    assert all(cell_width(line) <= 10 for line in shown)
    assert not any(line[0] in CLOSING for line in shown[1:])


def test_edge_cases() -> None:
    assert break_lines("", 10) == []
    assert break_lines("   ", 10) == []
    assert lines("一\n二", 10) == ["一", "二"]
    assert lines("政府", 1) == ["政", "府"]  # narrower than a wide character: one per line
    assert break_offsets("政府工作报告", 4) == [0, 2, 4]


def _corpus_problems(root: Path, widths: tuple[int, ...]) -> tuple[int, list[str]]:
    """Lay out every non-blank line (a paragraph or heading) of every report under ``root``."""
    problems: list[str] = []
    count = 0
    for folder, _, names in os.walk(root):
        for name in names:
            if not name.endswith((".md", ".txt")):
                continue
            text = (Path(folder) / name).read_text(encoding="utf-8", errors="replace")
            for paragraph in text.split("\n"):
                paragraph = paragraph.strip()
                if not paragraph:
                    continue
                count += 1
                for width in widths:
                    problems.extend(check_rules(paragraph, width)[:1])
    return count, problems


@pytest.mark.corpus
@pytest.mark.parametrize("width", [51, 111])
def test_no_corpus_line_starts_with_closing_punctuation(corpus_dir: Path, width: int) -> None:
    """Every paragraph of the 3,004 reports at the reader's text widths with the tree shown at 80
    and at 160 columns (the widget test renders a sample at the other widths); one test per
    width, so the two test processes share the work."""
    count, problems = _corpus_problems(corpus_dir, (width,))
    assert count > 100_000
    assert problems == [], problems[:10]
