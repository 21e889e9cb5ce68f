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
        "能源",
        "科技创新",
        "数字经济",
        "投资/项目",
        "消费",
        "改革/营商环境",
        "开放",
        "区域协调",
        "海洋",
        "农业农村",
        "城市建设",
        "生态环保",
        "文旅",
        "民生",
        "教育",
        "医疗卫生",
        "就业",
        "养老/社保",
        "安全稳定",
        "政府自身建设",
    ]
    for theme in taxonomy():
        assert len(theme.weights) >= 10, theme.name
        assert all(w > 0 for w in theme.weights.values())
    groups = {t.name: t.group for t in taxonomy()}
    assert {n for n, g in groups.items() if g == "livelihood"} == {
        "教育",
        "医疗卫生",
        "就业",
        "养老/社保",
    }


def test_taxonomy_format_errors_name_the_file() -> None:
    with pytest.raises(ValueError, match=r"themes\.toml"):
        parse_taxonomy("3: 词 词\n")
    with pytest.raises(ValueError, match="needs an id"):
        parse_taxonomy('[[theme]]\nname = "甲"\n')
    with pytest.raises(ValueError, match="not a weight"):
        parse_taxonomy('[[theme]]\nid = "a"\nname = "甲"\n[theme.cues]\nx = "乙"\n')
    parsed = parse_taxonomy(
        '[[theme]]\nid = "a"\nname = "甲"\n[theme.cues]\n2 = "乙 丙"\n1 = ["乙"]\n'
        '[[theme]]\nid = "b"\nname = "丁"\ngroup = "a"\n[theme.cues]\n3 = "戊"\n'
    )
    assert [(t.id, t.name, t.group) for t in parsed] == [("a", "甲", ""), ("b", "丁", "a")]
    assert parsed[0].weights == {"乙": 2.0, "丙": 2.0}  # the higher weight wins


def test_user_taxonomy_replaces_and_extends(tmp_path, monkeypatch) -> None:
    (tmp_path / "themes.toml").write_text(
        '[[theme]]\nid = "marine"\nname = "海洋经济"\n[theme.cues]\n3 = "海洋 蓝色粮仓"\n'
        '[[theme]]\nid = "sports"\nname = "体育"\n[theme.cues]\n3 = "体育强市 赛事"\n',
        "utf-8",
    )
    monkeypatch.setenv("REPORTTUI_HOME", str(tmp_path))
    taxonomy.cache_clear()
    try:
        names = theme_names()
        assert names["marine"] == "海洋经济" and list(names)[-1] == "sports"
        assert (
            assign_themes("建设体育强市，办好赛事。体育强市，赛事经济。", "体育强市")[0].name
            == "体育"
        )
    finally:
        taxonomy.cache_clear()


def test_a_livelihood_section_is_filed_under_the_group() -> None:
    body = (
        "办好人民满意的教育，新建学校和幼儿园。建设医院，提升医疗卫生水平。落实就业优先，稳就业。"
    )
    assert assign_themes(body, "持续增进民生福祉")[0].name == "民生"
    assert (
        assign_themes("新建学校10所，增加学位5000个，义务教育优质均衡。", "办好教育")[0].name
        == "教育"
    )


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
    assert "污染防治" in evidence["生态环保"]


@pytest.mark.parametrize(
    ("marker", "end", "expected"),
    [
        ("### (一) 聚焦项目建设", "### (二)", "投资/项目"),
        ("### (二) 聚焦产业转型", "### (三)", "产业"),
        ("### (三) 聚焦改革创新", "### (四)", "改革/营商环境"),
        ("### (四) 聚焦城乡统筹", "### (五)", "城市建设"),
        ("### (五) 聚焦民生事业", "### (六)", "民生"),
    ],
)
def test_guijiao_plan_sections_get_the_theme_a_reader_gives_them(
    marker: str, end: str, expected: str
) -> None:
    title, body = _plan_section(marker, end)
    themes = assign_themes(body, title)
    assert themes[0].name == expected
    # single-theme sections stay single; 古交's 产业转型 (coal, 新能源) is also about 能源
    assert [t.name for t in themes[1:]] in ([], ["能源"])


def test_title_counts_more_than_body() -> None:
    body = "推进城市更新，改造老旧小区。加强污水处理。"
    assert score_text(body)[0].name == "城市建设"
    assert score_text(body, "筑牢生态环保屏障")[0].name == "生态环保"


def test_thin_text_gets_no_theme() -> None:
    assert assign_themes("") == []
    assert assign_themes("各位代表，大道至简，实干为要。") == []
