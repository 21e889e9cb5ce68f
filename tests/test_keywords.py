"""Keyword statistics: top terms with the policy stop list, and the difference of two texts."""

from __future__ import annotations

from compare_helpers import raw_seed
from reporttui.core.analysis.keywords import POLICY_STOPWORDS, keyword_diff, terms, top_terms


def test_policy_verbs_and_numbers_are_not_terms() -> None:
    words = terms("加强生态保护，推进林麝养殖，坚持项目建设，新增就业3578人。")
    assert "林麝" in words
    for verb in ("加强", "推进", "坚持", "3578"):
        assert verb not in words
    assert {"加强", "推进", "坚持", "加快", "持续"} <= POLICY_STOPWORDS


def test_top_terms_of_taiyuan_2025() -> None:
    tops = top_terms(raw_seed("太原2025"), 20)
    names = [t.term for t in tops]
    assert names[0] == "太原"  # the city names itself most
    assert "产业" in names and "消费" in names
    assert not POLICY_STOPWORDS & set(names)
    assert [t.count for t in tops] == sorted((t.count for t in tops), reverse=True)
    assert tops[0].rate == round(tops[0].count * 10000 / len(raw_seed("太原2025")), 2)


def test_diff_new_rising_falling() -> None:
    base = "林麝养殖。" * 2 + "煤矿产能。" * 6 + "光伏电站。" * 2 + "文字" * 100
    other = "林麝养殖。" * 6 + "煤矿产能。" * 2 + "氢能储能。" * 3 + "文字" * 100
    diff = keyword_diff(base, other)
    assert [c.term for c in diff.new] == ["储能", "氢能"]
    assert "林麝" in [c.term for c in diff.rising]
    assert "煤矿" in [c.term for c in diff.falling]
    assert "光伏" in [c.term for c in diff.falling]  # gone entirely
    assert all(c.ratio > 1 for c in diff.rising)


def test_a_text_against_itself_changes_nothing() -> None:
    text = raw_seed("古交2025")
    diff = keyword_diff(text, text)
    assert diff.new == diff.rising == diff.falling == ()


def test_guijiao_2026_against_2025_names_the_new_plan_words() -> None:
    diff = keyword_diff(raw_seed("古交2025"), raw_seed("古交2026"), n=40)
    new = {c.term for c in diff.new}
    assert "林权" in new  # 2026: 集体林权制度改革, absent from the 2025 digest
    falling = {c.term for c in diff.falling}
    assert "二次腾飞" in falling  # the 2025 slogan (5 times), once in the 2026 plan


def test_keywords_leave_out_the_appended_block() -> None:
    """Seed 004's appended district news (两会, 阳曲…) is not part of 太原's report."""
    from conftest import seed_doc
    from reporttui.core.analysis.keywords import report_text

    doc = seed_doc(4)
    appended = [s for s in doc.sections if s.part == "appended"]
    assert appended, "seed 004 has an appended part"
    appended_text = "\n".join(p.text for s in appended for p in s.all_paragraphs())
    assert "杏花岭区委常委会" in appended_text
    text = report_text(doc)
    assert "杏花岭区委常委会" not in text
    assert "高质量完成“十四五”规划目标任务" in text


def test_context_joins_compounds_drops_places_and_merges_synonyms() -> None:
    from reporttui.core.analysis.keywords import keyword_context, terms

    texts = [
        "推进城市更新，实施城市更新行动，城市更新项目开工。太原市发展文化旅游，太原文化旅游升温。"
    ]
    context = keyword_context(texts, ["太原市"])
    found = terms(texts[0], context)
    assert "城市更新" in found and "城市" not in found
    assert "太原" not in found and "太原市" not in found
    assert "文旅" in found and "文化旅游" not in found  # merged into the group's shown name
    assert "是否" not in terms("是否这是国家时期的问题", context)


def test_keywords_merge_with_the_search_synonym_table(tmp_path) -> None:
    """One table: the shipped groups and the user's <home>/synonyms.txt, as search reads them."""
    from reporttui.core.analysis.keywords import load_synonyms

    (tmp_path / "synonyms.txt").write_text(
        "低空经济 低空产业 通航产业\n数字经济 数字产业\n", "utf-8"
    )
    table = load_synonyms(tmp_path)
    assert table["通航产业"] == "低空经济" and table["数字产业"] == "数字经济"
    assert table["地区生产总值"] == "GDP"  # shipped


def test_word_kinds_and_keyness_rank_distinctive_terms_first() -> None:
    """Place tokens, plain verbs and numerals are no keywords; a word every report uses at its
    usual rate (产业) ranks below a term this text uses far more than reports do (低空经济)."""
    from reporttui.core.analysis.keywords import (
        _grammatical_noise,
        keyness,
        keyword_context,
        top_terms,
    )

    assert _grammatical_noise("兴文县") and _grammatical_noise("一系列")
    assert _grammatical_noise("举办")  # a plain verb
    assert not _grammatical_noise("投资")  # a verbal noun stays
    assert keyness("产业", 5, 1000) < keyness("低空经济", 5, 1000)
    text = "低空经济，产业。" * 4  # as often as each other: the rarer word in reports leads
    context = keyword_context([text])
    terms = [t.term for t in top_terms(text, 5, context=context)]
    assert terms[0] == "低空经济"


def test_lowercase_latin_words_are_no_keywords() -> None:
    from reporttui.core.analysis.keywords import _grammatical_noise

    assert _grammatical_noise("and") and not _grammatical_noise("GDP")
