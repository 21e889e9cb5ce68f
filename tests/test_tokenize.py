"""Tokenizers: units, ordinal positions, the fast field path equal to Whoosh's own."""

from __future__ import annotations

from reporttui.core.index.tokenize import (
    BigramField,
    CompactPositions,
    JiebaTokenizer,
    UnitBigramTokenizer,
    bigram_postings,
    fold,
    jieba_words,
    term_query_tokens,
    unit_spans,
    units,
)


def test_numbers_with_decimal_point_and_percent_are_one_unit() -> None:
    assert units("完成 107.48亿元，增长5%左右") == [
        "完",
        "成",
        "107.48",
        "亿",
        "元",
        ",",
        "增",
        "长",
        "5%",
        "左",
        "右",
    ]


def test_full_width_is_folded_one_to_one() -> None:
    text = "ＧＤＰ增长５％"
    assert fold(text) == "gdp增长5%"
    assert len(fold(text)) == len(text)
    assert units(text) == ["gdp", "增", "长", "5%"]


def test_whitespace_kept_only_between_latin_or_digit_words() -> None:
    assert units("new york") == ["new", " ", "york"]
    assert units("10 7") == ["10", " ", "7"]
    assert units("交城 县") == ["交", "城", "县"]
    assert units("5G基站") == ["5", "g", "基", "站"]


def test_unit_spans_point_into_the_original_text() -> None:
    text = "增长 4.6%，ＡＢ"
    for unit, start, end in unit_spans(text):
        assert fold(text[start:end]).strip() == unit.strip()


def test_positions_are_ordinal_unit_positions() -> None:
    postings = bigram_postings("林麝林麝，")
    assert postings["林"] == [0, 2]
    assert postings["林麝"] == [0, 2]
    assert postings["麝林"] == [1]
    assert postings["麝,"] == [3]  # full-width punctuation folds to ASCII
    assert "," not in postings  # punctuation alone is not indexed


def test_query_tokens() -> None:
    assert term_query_tokens("林麝") == ["林麝"]
    assert term_query_tokens("林") == ["林"]
    assert term_query_tokens("3个") == ["3个"]
    assert term_query_tokens("一泓清水") == ["一泓", "泓清", "清水"]
    assert term_query_tokens("，") == []


def test_fast_field_path_equals_whoosh_positions_format() -> None:
    """BigramField.index (fast path) gives the same postings as the analyzer + the format."""
    text = "2024年，古交市全力实施“553355”工作体系，new york 5G基站 增长5%左右。林麝林麝"
    fmt = CompactPositions()
    fast = sorted(BigramField().index(text))
    slow = sorted(
        (w.encode(), f, wt, v) for w, f, wt, v in fmt.word_values(text, UnitBigramTokenizer())
    )
    assert fast == slow
    for _, freq, _, value in fast:
        assert fmt.decode_frequency(value) == freq == len(fmt.decode_positions(value))


def test_compact_positions_round_trip() -> None:
    fmt = CompactPositions()
    for positions in ([0], [3, 70000], list(range(0, 300, 7))):
        value = fmt.encode(positions)
        assert fmt.decode_positions(value) == positions
        assert fmt.decode_frequency(value) == len(positions)
    assert len(fmt.encode([5])) == 3
    assert fmt.decode_positions(fmt.combine([fmt.encode([1, 9]), fmt.encode([4])])) == [1, 4, 9]


def test_tokenizer_chars_slice_the_text() -> None:
    text = "完成 107.48亿元"
    toks = [
        (t.text, t.pos, t.startchar, t.endchar)
        for t in UnitBigramTokenizer()(text, positions=True, chars=True)
    ]
    assert ("107.48亿", 2, 3, 10) in toks
    for word, _, s, e in toks:
        assert fold(text[s:e]).replace(" ", "") == word


def test_jieba_words_drop_punctuation_and_stopwords() -> None:
    words = jieba_words("以“一泓清水入黄河”工程为牵引，加快完成汾河流域的治理", frozenset({"的"}))
    assert "一泓清水入黄河" in words
    assert "的" not in words and "，" not in words and "“" not in words
    toks = list(JiebaTokenizer()("发展新质生产力", positions=True))
    assert [t.pos for t in toks] == list(range(len(toks)))
