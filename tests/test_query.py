"""The query language: structure, filters, and repair of malformed input (never raises)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reporttui.core.search.query import MAX_QUERY_CHARS, Term, parse_query


def test_words_phrases_exclusions() -> None:
    pq = parse_query('林麝 "一泓清水入黄河" -煤矸石 -"三年行动"')
    assert pq.words == ("林麝",)
    assert pq.phrases == ("一泓清水入黄河",)
    assert pq.excluded == (Term("煤矸石"), Term("三年行动", phrase=True))
    assert pq.terms == ("林麝", "一泓清水入黄河")
    assert pq.notice is None


def test_chinese_ime_quotes_make_phrases() -> None:
    pq = parse_query("“新质 生产力” 「十四五」")
    assert pq.phrases == ("新质 生产力", "十四五")


def test_or_groups() -> None:
    pq = parse_query("(林麝 养殖) OR 沙棘 | 榛子 高质量")
    assert pq.or_groups == ((("林麝", "养殖"), ("沙棘",), ("榛子",)),)
    assert len(pq.clauses) == 2 and pq.clauses[1] == ((Term("高质量"),),)


def test_filters() -> None:
    pq = parse_query(
        "林麝 region:古交 地区：交城 year:2020-2025 年份:2024年 kind:计划 section:民生"
    )
    f = pq.filters
    assert f.region == ("古交", "交城")
    assert f.year == ((2020, 2025), (2024, 2024))
    assert f.kind == ("计划",) and f.section == ("民生",)
    assert pq.words == ("林麝",)


def test_hyphen_inside_words_and_negative_numbers_are_literal() -> None:
    pq = parse_query("煤-焦-化 -5%")
    assert pq.words == ("煤-焦-化", "-5%") and pq.excluded == ()


def test_parentheses_inside_a_word_are_literal() -> None:
    pq = parse_query("计划(草案)")
    assert pq.words == ("计划(草案)",) and pq.notice is None


def test_malformed_input_is_repaired_and_says_so() -> None:
    cases = {
        '"新质生产力': ("新质生产力",),
        "(林麝 养殖": ("林麝", "养殖"),
        "林麝)": ("林麝",),
        "林麝 OR": ("林麝",),
        "OR OR 林麝": ("林麝",),
        "region: 林麝": ("林麝",),
        "year:abc 林麝": ("林麝",),
        "林麝 -": ("林麝",),
        "\x1b[31m林麝\x1b[0m\x07": ("林麝",),
    }
    for raw, words in cases.items():
        pq = parse_query(raw)
        assert pq.terms == words, raw
        assert pq.notice, raw


def test_long_input_is_cut() -> None:
    pq = parse_query("林" * 5000)
    assert pq.terms == ("林" * MAX_QUERY_CHARS,)
    assert pq.notice and "cut" in pq.notice


@settings(max_examples=400, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(
            list('林麝 "“”「」()（）-|:：ORNOTANDregionyear2025\x1b[\x00\t\n\u200b\ue004%.5')
        )
        | st.characters(),
        max_size=80,
    )
)
def test_never_raises(s: str) -> None:
    pq = parse_query(s)
    assert isinstance(pq.terms, tuple)
    for t in pq.positive + pq.excluded:
        assert t.text.strip()
        assert not any(ord(c) < 32 for c in t.text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=6000))
def test_never_raises_on_any_text(s: str) -> None:
    parse_query(s)
