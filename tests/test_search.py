"""Search on small hand-built documents: semantics, filters, ranking, counts, stored fields."""

from __future__ import annotations

import pytest

from conftest_search import build_index, make_doc
from reporttui.core.search.search import explain, format_explain, search


@pytest.fixture(scope="module")
def ix():  # type: ignore[no-untyped-def]
    gujiao = make_doc(
        "gujiao2025",
        [
            "发挥万只林麝养殖示范基地带动作用，打造太原市级专业镇。",
            "做优做强林麝、沙棘、鲜食玉米等特色产业，推进万只林麝养殖项目。",
            "以“一泓清水入黄河”工程为牵引，完成3个地质灾害搬迁村土地复垦。",
            "他在太原市委工作多年。",
            "城市委员会的工作会议召开了。",
            "地区生产总值增长5%左右，一般公共预算收入增长25%左右。",
            "完成13个老旧小区改造，建成90个5G基站。",
        ],
    )
    jiaocheng = make_doc(
        "jiaocheng2024",
        [
            "全县地区生产总值完成 107.48亿元，同比增长 4.6%。",
            "加速培育新质生产力，为经济发展注入新动能。",
            "种植优种沙棘5400亩，和谐源建成全省最大的林麝特色繁殖基地。",
        ],
        region="交城县",
        year=2024,
        kind="新闻综述",
        heading="改革攻坚",
    )
    many = make_doc(
        "taiyuan2025",
        [f"第{i}项：推进林麝产业发展。" for i in range(60)],
        region="太原市",
        year=2025,
        heading="二、2025年工作安排",
    )
    return build_index([gujiao, jiaocheng, many])


def paras(result) -> set[tuple[str, int]]:  # type: ignore[no-untyped-def]
    return {(h.doc_id, h.paragraph) for h in result.hits}


def test_substring_match_even_where_jieba_cuts_elsewhere(ix) -> None:  # type: ignore[no-untyped-def]
    r = search(ix, "林麝", limit=200)
    assert r.total == 2 + 1 + 60
    assert ("gujiao2025", 1) in paras(r)  # 万只林麝: jieba cuts 只林/麝 without the dictionary
    assert r.per_doc == {"taiyuan2025": 60, "gujiao2025": 2, "jiaocheng2024": 1}
    assert r.per_section[("gujiao2025", "s1")] == 2


def test_counts_cover_all_matches_not_only_the_limit(ix) -> None:  # type: ignore[no-untyped-def]
    r = search(ix, "林麝", limit=5)
    assert len(r.hits) == 5 and r.total == 63
    assert sum(r.per_doc.values()) == 63


def test_jieba_matches_rank_above_bare_bigram_matches(ix) -> None:  # type: ignore[no-untyped-def]
    r = search(ix, "市委")
    assert [h.paragraph for h in r.hits] == [4, 5]  # 太原/市委 beats 城市/委员会
    r = search(ix, "市委", use_jieba=False)
    assert {h.paragraph for h in r.hits} == {4, 5}


def test_numbers_match_whole(ix) -> None:  # type: ignore[no-untyped-def]
    assert paras(search(ix, "3个")) == {("gujiao2025", 3)}
    assert paras(search(ix, "5%左右")) == {("gujiao2025", 6)}
    assert paras(search(ix, "25%左右")) == {("gujiao2025", 6)}
    r = search(ix, "完成107.48亿元")
    assert paras(r) == {("jiaocheng2024", 1)}
    assert [r.hits[0].text[s:e] for s, e in r.hits[0].spans] == ["完成 107.48亿元"]
    assert paras(search(ix, "5g基站")) == {("gujiao2025", 7)}


def test_phrases_exclusions_or(ix) -> None:  # type: ignore[no-untyped-def]
    assert paras(search(ix, '"一泓清水入黄河"')) == {("gujiao2025", 3)}
    assert paras(search(ix, "“新质 生产力”")) == {("jiaocheng2024", 2)}
    assert paras(search(ix, "林麝 -养殖 -产业发展")) == {("jiaocheng2024", 3)}
    assert paras(search(ix, "沙棘 OR 一泓清水")) == {
        ("gujiao2025", 2),
        ("gujiao2025", 3),
        ("jiaocheng2024", 3),
    }
    assert paras(search(ix, "(林麝 沙棘) OR 新动能")) == {
        ("gujiao2025", 2),
        ("jiaocheng2024", 3),
        ("jiaocheng2024", 2),
    }
    assert paras(search(ix, "林麝 沙棘 亩")) == {("jiaocheng2024", 3)}


def test_filters(ix) -> None:  # type: ignore[no-untyped-def]
    assert search(ix, "林麝 region:古交").per_doc == {"gujiao2025": 2}
    assert search(ix, "林麝", region="交城").per_doc == {"jiaocheng2024": 1}
    assert search(ix, "林麝 year:2024").per_doc == {"jiaocheng2024": 1}
    assert search(ix, "林麝", year=2025).total == 62
    assert search(ix, "林麝 year:2020-2024 region:太原").total == 0
    assert search(ix, "林麝 kind:综述").per_doc == {"jiaocheng2024": 1}
    assert search(ix, "林麝 section:工作安排").per_doc == {"taiyuan2025": 60}
    assert search(ix, "林麝 region:北京").total == 0
    r = search(ix, "region:交城")  # filter alone: every row of the document
    assert r.total == 4 and r.per_doc == {"jiaocheng2024": 4}


def test_headings_are_rows_with_paragraph_zero(ix) -> None:  # type: ignore[no-untyped-def]
    r = search(ix, "工作安排")
    assert {(h.doc_id, h.paragraph) for h in r.hits} == {("taiyuan2025", 0)}
    assert r.hits[0].section_path == ("二、2025年工作安排",)


def test_hit_fields(ix) -> None:  # type: ignore[no-untyped-def]
    hit = search(ix, "新质生产力").hits[0]
    assert (hit.doc_id, hit.path, hit.region, hit.year, hit.kind) == (
        "jiaocheng2024",
        "/tmp/jiaocheng2024.txt",
        "交城县",
        2024,
        "新闻综述",
    )
    assert hit.section_id == "s1" and hit.section_path == ("改革攻坚",) and hit.paragraph == 2
    assert hit.text[hit.spans[0][0] : hit.spans[0][1]] == "新质生产力"
    assert hit.snippet == hit.text and hit.score > 0


def test_empty_and_punctuation_queries(ix) -> None:  # type: ignore[no-untyped-def]
    r = search(ix, "")
    assert r.total == 0 and r.notice
    r = search(ix, "，")
    assert r.total == 0 and r.notice and "punctuation" in r.notice
    r = search(ix, '"林麝')
    assert r.total == 63 and r.notice


def test_single_character_terms(ix) -> None:  # type: ignore[no-untyped-def]
    r = search(ix, "麝", limit=100)
    assert r.total == 63
    assert search(ix, "亩").per_doc == {"jiaocheng2024": 1}


def test_searcher_can_be_reused(ix) -> None:  # type: ignore[no-untyped-def]
    with ix.searcher() as s:
        assert search(s, "林麝").total == search(s, "麝").total == 63


def test_explain(ix) -> None:  # type: ignore[no-untyped-def]
    info = explain("林麝 -煤矸石 “新质生产力” region:古交")
    assert info["terms"][0]["text"] == "林麝"
    assert info["terms"][0]["bigram_tokens"] == ["林麝"]
    assert "新质生产力" in info["terms"][1]["jieba"]
    assert info["excluded"][0]["text"] == "煤矸石"
    assert info["filters"]["region"] == ["古交"]
    text = format_explain(info)
    assert "林麝" in text and "bg" in text and "region" in text


def test_empty_index() -> None:
    ix = build_index([])
    for q in ("林麝", "region:古交", "-林麝", "麝 year:2025 kind:x section:y"):
        r = search(ix, q)
        assert r.total == 0 and r.hits == () and r.per_doc == {}


def test_counts_follow_deletions(ix) -> None:  # type: ignore[no-untyped-def]
    extra = build_index([make_doc("a", ["林麝一", "林麝二"]), make_doc("b", ["林麝三"])])
    with extra.writer() as w:
        w.delete_by_term("doc_id", "a")
    r = search(extra, "林麝")
    assert r.total == 1 and r.per_doc == {"b": 1} and r.per_section == {("b", "s1"): 1}
