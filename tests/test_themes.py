"""The theme taxonomy and the explainable theme scorer."""

from __future__ import annotations

import pytest
from compare_helpers import raw_seed

from reporttui.core.analysis.themes import (
    assign_themes,
    cue_counts,
    parse_taxonomy,
    score_text,
    taxonomy,
    theme_names,
)


def test_taxonomy_lists_the_themes_in_display_order() -> None:
    names = list(theme_names().values())
    assert names == [
        "产业",
        "投资/项目",
        "消费",
        "改革创新/营商环境",
        "开放",
        "城乡建设",
        "乡村振兴/农业",
        "生态环保",
        "民生/社会事业",
        "安全稳定",
        "政府自身建设",
    ]
    for theme in taxonomy():
        assert len(theme.weights) >= 15, theme.name
        assert all(w > 0 for w in theme.weights.values())


def test_taxonomy_format_errors_name_the_line() -> None:
    with pytest.raises(ValueError, match="line 1"):
        parse_taxonomy("3: 词 词\n")
    with pytest.raises(ValueError, match="line 2"):
        parse_taxonomy("== x 甲\nnot a weight line\n")
    parsed = parse_taxonomy("# c\n== a 甲\n2: 乙 丙\n1: 乙\n== b 丁\n3: 戊\n")
    assert [(t.id, t.name) for t in parsed] == [("a", "甲"), ("b", "丁")]
    assert parsed[0].weights == {"乙": 2.0, "丙": 2.0}  # the higher weight wins


def test_cue_words_match_leftmost_longest() -> None:
    counts = cue_counts("深入开展安全生产治本攻坚，守住安全底线")
    assert counts["安全生产"] == 1
    assert counts["安全"] == 1  # only the second one
    assert counts["底线"] == 1


def _plan_section(marker: str, end: str) -> tuple[str, str]:
    text = raw_seed("古交2025")
    start = text.index(marker)
    stop = text.index(end, start)
    title, _, body = text[start:stop].partition("\n")
    return title.lstrip("# ").strip(), body


def test_guijiao_bottom_line_section_is_ecology_and_safety() -> None:
    title, body = _plan_section("### (六) 聚焦底线红线", "大道至简")
    themes = assign_themes(body, title)
    assert {t.name for t in themes} == {"安全稳定", "生态环保"}
    evidence = {t.name: [w for w, _ in t.evidence] for t in themes}
    assert "安全生产" in evidence["安全稳定"]
    assert "一泓清水入黄河" in evidence["生态环保"]


@pytest.mark.parametrize(
    ("marker", "end", "expected"),
    [
        ("### (一) 聚焦项目建设", "### (二)", "投资/项目"),
        ("### (二) 聚焦产业转型", "### (三)", "产业"),
        ("### (三) 聚焦改革创新", "### (四)", "改革创新/营商环境"),
        ("### (四) 聚焦城乡统筹", "### (五)", "城乡建设"),
        ("### (五) 聚焦民生事业", "### (六)", "民生/社会事业"),
    ],
)
def test_guijiao_plan_sections_get_the_theme_a_reader_gives_them(
    marker: str, end: str, expected: str
) -> None:
    title, body = _plan_section(marker, end)
    themes = assign_themes(body, title)
    assert themes[0].name == expected
    assert len(themes) == 1  # single-theme sections stay single


def test_title_counts_more_than_body() -> None:
    body = "推进城市更新，改造老旧小区。加强污水处理。"
    assert score_text(body)[0].name == "城乡建设"
    assert score_text(body, "筑牢生态环保屏障")[0].name == "生态环保"


def test_thin_text_gets_no_theme() -> None:
    assert assign_themes("") == []
    assert assign_themes("各位代表，大道至简，实干为要。") == []
