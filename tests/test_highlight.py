"""Highlight spans from the stored text, and snippets."""

from __future__ import annotations

from reporttui.core.search.highlight import find_spans, make_snippet, merge_spans

TEXT = "发挥万只林麝养殖示范基地带动作用，做优做强林麝、沙棘等特色产业。"


def test_every_occurrence_of_every_term() -> None:
    spans = find_spans(TEXT, ["林麝", "沙棘"])
    assert [TEXT[s:e] for s, e in spans] == ["林麝", "林麝", "沙棘"]


def test_overlapping_terms_are_merged() -> None:
    spans = find_spans(TEXT, ["林麝", "麝养殖", "哈"])
    assert [TEXT[s:e] for s, e in spans] == ["林麝养殖", "林麝"]
    assert merge_spans([(5, 7), (0, 2), (1, 3), (7, 8)]) == [(0, 3), (5, 8)]


def test_numbers_match_whole() -> None:
    text = "增长5%左右，增长25%左右，3个平台，13个项目，完成 107.48亿元"
    assert [text[s:e] for s, e in find_spans(text, ["5%左右"])] == ["5%左右"]
    assert find_spans(text, ["3个"]) == [(text.index("3个"), text.index("3个") + 2)]
    assert [text[s:e] for s, e in find_spans(text, ["完成107.48亿元"])] == ["完成 107.48亿元"]
    assert find_spans(text, ["7.48"]) == []


def test_full_width_and_case_fold() -> None:
    text = "建成９０个５Ｇ基站"
    assert [text[s:e] for s, e in find_spans(text, ["5g基站"])] == ["５Ｇ基站"]


def test_snippet_centres_the_densest_match() -> None:
    text = "甲" * 100 + "林麝" + "乙" * 10 + "林麝" + "丙" * 100
    spans = find_spans(text, ["林麝"])
    snippet, sspans = make_snippet(text, spans, width=40)
    assert snippet.startswith("…") and snippet.endswith("…")
    assert len(sspans) == 2 and all(snippet[s:e] == "林麝" for s, e in sspans)
    short, short_spans = make_snippet("林麝", [(0, 2)])
    assert short == "林麝" and short_spans == [(0, 2)]
    assert make_snippet("甲" * 100, [], width=20)[0] == "甲" * 20 + "…"
