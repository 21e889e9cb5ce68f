"""Search on the five real seeds (loaded with load_document): filters, metadata, sections."""

from __future__ import annotations

from conftest_search import seed_documents, seed_index
from reporttui.core.search.search import search


def ids() -> dict[str, str]:
    """Seed file prefix ("000") -> document id."""
    return {d.path.rsplit("/", 1)[-1][:3]: d.id for d in seed_documents()}


def test_targets_with_numbers_and_filters() -> None:
    ix, d = seed_index(), ids()
    r = search(ix, "5%左右")
    assert r.per_doc == {d["003"]: 1, d["004"]: 1}
    hit = next(h for h in r.hits if h.doc_id == d["003"])
    assert hit.section_path[-1] == "(二)主要目标"
    assert len(hit.spans) == 3  # 地区生产总值, 服务业, 社会消费品 增长5%左右 (not 6%左右, 20%左右)
    assert search(ix, "5%左右 region:古交").per_doc == {d["003"]: 1}
    assert search(ix, "5%左右 kind:计划").per_doc == {d["003"]: 1}
    assert search(ix, "5%左右 section:主要目标").per_doc == {d["003"]: 1}
    assert search(ix, "5%左右", year=2025).per_doc == {d["004"]: 1}


def test_region_filter_matches_part_of_the_name() -> None:
    ix, d = seed_index(), ids()
    r = search(ix, "林麝 region:古交", limit=100)
    assert set(r.per_doc) == {d["000"], d["001"], d["003"]} and r.total == 7
    assert search(ix, "林麝 region:交城").total == 0
    assert search(ix, "region:交城 year:2025 新质生产力").per_doc == {d["002"]: 3}


def test_exclusion_on_real_text() -> None:
    ix, d = seed_index(), ids()
    r = search(ix, "林麝 -养殖")
    assert r.per_doc == {d["001"]: 1, d["003"]: 1, d["004"]: 1}
    assert all("养殖" not in h.text for h in r.hits)


def test_rejoined_layout_breaks_are_found_and_highlighted() -> None:
    ix, d = seed_index(), ids()
    for word, seed in (
        ("优营商环境", "002"),
        ("平急两用", "004"),
        ("城市有能级", "004"),
        ("汾河三期", "001"),
    ):
        r = search(ix, word)
        assert r.per_doc == {d[seed]: 1}, word
        h = r.hits[0]
        assert [h.text[s:e] for s, e in h.spans] == [word]
        assert [h.snippet[s:e] for s, e in h.snippet_spans] == [word]
