"""The core's naming helpers: labels, plurals, region order, status lines, the ETA."""

from __future__ import annotations

from dataclasses import dataclass

from reporttui.core.analysis.pairing import default_partner
from reporttui.core.labels import (
    document_label,
    index_label,
    plural,
    region_sort_key,
    source_label,
)
from reporttui.core.progress import Eta
from reporttui.core.search.results import SearchResult
from reporttui.core.session import SearchState


@dataclass(frozen=True)
class Entry:
    id: str
    region: str | None
    year: int | None
    kind: str | None = "政府工作报告"
    title: str = ""


def test_one_label_for_documents_entries_and_hits() -> None:
    entry = Entry("a", "太原市", 2025, "政府工作报告", "政府工作报告")
    assert document_label(entry) == "太原市 2025 政府工作报告"
    assert (
        document_label(Entry("b", None, None, None, "谱写新篇章"), title=True) == "? ? 谱写新篇章"
    )
    assert document_label(Entry("c", "古交市", 2025, "新闻综述", "谱写篇章"), title=True) == (
        "古交市 2025 新闻综述 谱写篇章"
    )
    assert document_label(entry, short=True) == "太原市 2025"


def test_plurals_and_source_labels() -> None:
    assert plural(1, "document") == "1 document" and plural(2, "piece") == "2 pieces"
    assert plural(0, "hit") == "0 hits"
    assert source_label("/tmp/corpus/政府工作报告-主要城市/太原市/2008.md") == "太原市/2008.md"
    assert source_label("2008.md") == "2008.md"


def test_regions_national_then_provinces_then_cities_by_pinyin() -> None:
    regions = [
        "太原市",
        "交城县",
        "国务院",
        "山西省",
        "长治市",
        "安徽省",
        "广西壮族自治区",
        "鄂尔多斯市",
    ]
    assert sorted(regions, key=region_sort_key) == [
        "国务院",
        "安徽省",
        "广西壮族自治区",
        "山西省",
        "长治市",
        "鄂尔多斯市",
        "太原市",
        "交城县",
    ]


def test_index_label_never_repeats_itself() -> None:
    assert index_label(0, 0, "", None) == "indexing…"
    assert (
        index_label(3, 54, "/c/太原市/2025.md", 41.0)
        == "indexing… 3/54 · about 40 s left · 太原市/2025.md"
    )
    assert index_label(54, 54, "", 12.0).startswith("writing the index… about 10 s")


def test_eta_counts_the_commit_after_the_last_file() -> None:
    eta = Eta()
    for done in range(0, 11):
        eta.update(done, 20, now=1.0 + done)  # one file a second
    files_left = 10.0
    remaining = eta.remaining(now=11.0)
    assert remaining is not None and remaining > files_left * 1.5, "the commit is counted"
    for done in range(11, 21):
        eta.update(done, 20, now=1.0 + done)
    at_end = eta.remaining(now=21.0)
    assert at_end is not None and at_end > 5
    assert eta.remaining(now=1000.0) == 0.0


def test_default_partner_prefers_same_year_other_region_then_same_region() -> None:
    entries = [Entry("a", "古交市", 2025), Entry("b", "古交市", 2026), Entry("c", "太原市", 2025)]
    assert default_partner(entries, "a") == "c"
    assert default_partner(entries, "b") == "a"
    assert default_partner(entries[:1], "a") == "a"


def test_step_says_when_it_wraps() -> None:
    from test_app_logic import hit

    state = SearchState.of(SearchResult("x", (hit("a", 1, 1.0), hit("a", 2, 1.0)), total=2))
    state.step(1)
    assert state.wrap_notice() == ""
    state.step(1)
    state.step(1)
    assert state.wrap_notice() == "search hit BOTTOM, continuing at TOP"
    state.step(-1)
    assert state.wrap_notice() == "search hit TOP, continuing at BOTTOM"
