"""Quote marks inside a word (recall, issue 8): 三公经费 also finds rows writing “三公”经费.

The rule: a form puts one run of two or more of the word's characters in quotes, with at least
one character outside it; a quote closing one term and opening the next is never crossed.
"""

from __future__ import annotations

from conftest_search import build_index, make_doc
from reporttui.core.search import synonyms
from reporttui.core.search.search import (
    QUOTE_REASON,
    explain,
    format_explain,
    quote_forms,
    search,
    year_forms,
)

FILLER = "全面落实各项工作部署，推动经济社会高质量发展，切实保障和改善民生。"


def test_forms_quote_a_whole_run_inside_the_word() -> None:
    forms = quote_forms("三公经费")
    assert "“三公”经费" in forms
    assert "三公“经费”" in forms
    assert "‘三公’经费" in forms
    assert "「三公」经费" in forms
    assert "“三公经费”" not in forms  # that holds the word as typed already
    assert "“三”公经费" not in forms  # one quoted character: too short to be a term
    assert quote_forms("化工") == ()
    assert quote_forms("5G基站") == ()  # numbers and Latin words: other units
    assert quote_forms("三 公") == ()


def test_forms_whose_quote_tokens_never_occur_are_left_out() -> None:
    seen = {"“三", "公”", "”经"}
    assert quote_forms("三公经费", lambda tok: tok in seen) == ("“三公”经费",)


def test_a_word_with_a_quoted_part_is_found_after_the_rows_as_typed() -> None:
    literal = "严格控制三公经费支出。" + FILLER
    quoted = "严控“三公”经费，把更多财力用到民生上。" + FILLER
    other = "三公里步道建成，经费由市财政保障。" + FILLER
    ix = build_index([make_doc("q1", [quoted, other, literal])])
    r = search(ix, "三公经费", use_jieba=False)
    assert [h.text for h in r.hits] == [literal, quoted]
    assert r.total == 2
    why = r.hits[1].reasons
    assert any(w.startswith(QUOTE_REASON) and "“三公”经费" in w for w in why)
    start = quoted.index("“三公”经费")
    assert (start + 1, start + 6) in r.hits[1].spans or (start, start + 6) in r.hits[1].spans
    assert any("“三公”经费" in line for line in r.expansions)
    assert search(ix, "三公经费", use_jieba=False, synonyms=False).total == 1


def test_a_quote_closing_one_term_is_not_crossed() -> None:
    rows = [
        "提出“两个确保”目标，全力以赴抓落实。" + FILLER,
        "实施“六化”工程，城市面貌明显改善。" + FILLER,
    ]
    ix = build_index([make_doc("q2", rows)])
    assert search(ix, "确保目标", use_jieba=False).total == 0
    assert search(ix, "化工程", use_jieba=False).total == 0
    assert search(ix, "两个确保目标", use_jieba=False).total == 1  # the whole quoted run


def test_explain_names_the_quoted_forms() -> None:
    quoted = "严控“三公”经费。" + FILLER
    ix = build_index([make_doc("q3", [quoted])])
    r = search(ix, "三公经费", use_jieba=False)
    text = format_explain(explain("三公经费", use_jieba=False, result=r))
    assert "“三公”经费" in text
    assert QUOTE_REASON in text


def test_a_year_is_also_found_in_chinese_numerals() -> None:
    assert year_forms("2035年远景目标") == ("二〇三五年远景目标",)
    assert year_forms("二零三五年") == ("二〇三五年", "2035年")
    assert year_forms("二〇三五年") == ("2035年",)
    assert year_forms("2035") == ()  # a number, not a year written with 年
    digits = "到2035年基本实现社会主义现代化。" + FILLER
    numerals = "展望二〇三五年，基本实现社会主义现代化。" + FILLER
    ix = build_index([make_doc("y1", [numerals, digits])])
    r = search(ix, "2035年", use_jieba=False)
    assert [h.text for h in r.hits] == [digits, numerals]
    assert any("二〇三五年" in why for why in r.hits[1].reasons)


def test_a_mined_acronym_finds_the_name_reports_write_out() -> None:
    group = synonyms.variants()[0].get("R&D", ())
    assert "研究与试验发展" in group
    assert all(len(n) >= 2 for g in synonyms.variants()[0].values() for n in g)
    literal = "全社会R&D经费投入强度达到2.5%。" + FILLER
    written = "全社会研究与试验发展经费投入增长12%。" + FILLER
    ix = build_index([make_doc("a1", [written, literal])])
    r = search(ix, "R&D", use_jieba=False)
    assert [h.text for h in r.hits] == [literal, written]


def test_full_width_and_lower_case_words_reach_the_synonym_table() -> None:
    """ＧＤＰ and gdp are GDP for the index; they are for the synonym table and ranking too."""
    literal = "全市GDP增长6%。" + FILLER
    other = "地区生产总值增长6%。" + FILLER
    ix = build_index([make_doc("w1", [other, literal])])
    want = [h.text for h in search(ix, "GDP", use_jieba=False).hits]
    assert want == [literal, other]
    for typed in ("ＧＤＰ", "gdp"):
        assert [h.text for h in search(ix, typed, use_jieba=False).hits] == want


def test_a_listed_word_finds_its_quoted_form_even_with_a_page_of_rows_as_typed() -> None:
    """recall (issue 8, round 9): words reports write with a quoted run (quoted_terms.txt) try
    those quoted forms for every query, not only when the query finds less than a page."""
    from reporttui.core.search import synonyms

    assert synonyms.quoted_terms().get("三公经费") == ("三公",)
    assert "化工" not in synonyms.quoted_terms()  # 六化工程 is listed, not a word inside it
    many = [f"第{i}条：严格控制三公经费支出。" + FILLER for i in range(12)]
    quoted = "严控“三公”经费，把更多财力用到民生上。" + FILLER
    odd = "严控三“公经”费。" + FILLER  # a run no report quotes: only for a sparse query
    ix = build_index([make_doc("q5", [quoted, odd, *many])])
    r = search(ix, "三公经费", use_jieba=False, limit=30)
    texts = [h.text for h in r.hits]
    assert r.total == 13 and texts[-1] == quoted and odd not in texts
    assert search(ix, "三公经费", use_jieba=False, synonyms=False).total == 12
