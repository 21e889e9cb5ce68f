"""The recall guarantee: search returns exactly the paragraphs that contain the term.

On the five seeds loaded with ``load_document``: every distinct 2-, 3-, 4- and 6-character
CJK substring of the indexed texts that occurs at least twice (a deterministic sample), plus
numbers with units found in the texts, plus hand-picked cases (words rejoined across layout
breaks, DESIGN.md's 林麝 / 项目建设 / 3个). For each term: the set of rows returned equals the
set of rows whose text contains it, ``total`` agrees, and every hit has one span per
occurrence, each span covering exactly the term (span precision 1.000).

"Contains" is the search's documented substring semantics, computed here by brute force:
whitespace inside an occurrence is ignored and numbers match whole (5% is not in 25%). For
pure CJK terms that is plain substring containment once whitespace is removed, which the test
also checks.
"""

from __future__ import annotations

import random
import re
from collections import Counter

import pytest

from conftest_search import seed_documents, seed_index
from reporttui.core.index.schema import document_rows
from reporttui.core.index.tokenize import fold, units
from reporttui.core.search.search import search

CJK_RUN = re.compile(r"[\u4e00-\u9fff]+")
NUMBER_UNIT = re.compile(r"[0-9]+(?:\.[0-9]+)?%?[\u4e00-\u9fff]{1,3}")
SAMPLE_PER_LENGTH = 700
HAND_PICKED = [
    "5%左右",
    "830万吨",
    "47.6万人次",
    "107.48亿元",
    "3个",
    "林麝",
    "一泓清水入黄河",
    "新质生产力",
    "项目建设",
    "优营商环境",
    "突破点",
    "城市有能级",
    "平急两用",
    "汾河三期",
    "解决3家企业",
    "不成事",
    "高质量发展",
    "十四五",
    "专精特新",
    "晋创谷",
    "麝",
    "5g",
    "12345",
    "1%",
]

Key = tuple[str, str, int]


@pytest.fixture(scope="module")
def rows() -> list[tuple[Key, str]]:
    return [
        ((r["doc_id"], r["section_id"], r["paragraph"]), r["text"])
        for d in seed_documents()
        for r in document_rows(d)
    ]


def occurrences(text_units: list[str], term_units: list[str]) -> list[tuple[int, int]]:
    """Brute force: unit index ranges where ``term_units`` occurs, overlaps merged."""
    k = len(term_units)
    found = [
        (i, i + k) for i in range(len(text_units) - k + 1) if text_units[i : i + k] == term_units
    ]
    merged: list[tuple[int, int]] = []
    for s, e in found:
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    return merged


def generated_terms(rows: list[tuple[Key, str]]) -> list[str]:
    counts: Counter[str] = Counter()
    for _, text in rows:
        for run in CJK_RUN.findall(text):
            for n in (2, 3, 4, 6):
                for i in range(len(run) - n + 1):
                    counts[run[i : i + n]] += 1
        for m in NUMBER_UNIT.findall(text):
            counts[m] += 2  # numbers with units are all kept
    rng = random.Random(20250101)
    terms: list[str] = []
    for n in (2, 3, 4, 6):
        pool = sorted(
            t for t, c in counts.items() if c >= 2 and len(t) == n and CJK_RUN.fullmatch(t)
        )
        terms += rng.sample(pool, min(SAMPLE_PER_LENGTH, len(pool)))
    numbers = sorted(t for t in counts if NUMBER_UNIT.fullmatch(t))
    return HAND_PICKED + terms + numbers


def test_generated_list_is_big_and_varied(rows: list[tuple[Key, str]]) -> None:
    terms = generated_terms(rows)
    assert len(terms) > 2500
    assert sum(1 for t in terms if t[0].isdigit()) > 100


def test_recall_and_span_precision(rows: list[tuple[Key, str]]) -> None:
    ix = seed_index()
    row_units = [(key, text, units(text)) for key, text in rows]
    problems: list[str] = []
    checked = 0
    with ix.searcher() as searcher:
        for term in generated_terms(rows):
            tu = units(term)
            expected = {key: occurrences(us, tu) for key, _, us in row_units}
            expected = {k: v for k, v in expected.items() if v}
            if CJK_RUN.fullmatch(term):
                plain = {key for key, text, _ in row_units if term in re.sub(r"\s", "", text)}
                assert plain == set(expected), term
            # Literal semantics: synonyms widen a query on purpose (tests/test_ranking.py checks
            # that they only add rows).
            result = search(searcher, term, limit=10_000, synonyms=False)
            got = {(h.doc_id, h.section_id, h.paragraph): h for h in result.hits}
            if set(got) != set(expected) or result.total != len(expected):
                missing = len(set(expected) - set(got))
                extra = len(set(got) - set(expected))
                problems.append(f"{term}: {missing} missing, {extra} extra")
                continue
            for key, hit in got.items():
                if len(hit.spans) != len(expected[key]):
                    problems.append(
                        f"{term}: {key} has {len(hit.spans)} spans, "
                        f"{len(expected[key])} occurrences"
                    )
                for s, e in hit.spans:
                    covered = re.sub(r"\s", "", fold(hit.text[s:e]))
                    if len(expected[key]) and covered.count(re.sub(r"\s", "", fold(term))) < 1:
                        problems.append(f"{term}: span {hit.text[s:e]!r} in {key}")
            checked += 1
    assert problems == [], f"{len(problems)} problems, first: {problems[:20]}"
    assert checked > 2500


def test_design_cases(rows: list[tuple[Key, str]]) -> None:
    ix = seed_index()
    # 林麝: 8 paragraphs in the seeds, jieba alone finds 5 (万只林麝 -> 只林/麝).
    r = search(ix, "林麝", limit=100)
    assert r.total == 8 and sum(len(h.spans) for h in r.hits) == 11
    assert search(ix, '"一泓清水入黄河"').total == 4  # 000: 1, 003: 2, 004: 1
    assert search(ix, "新质生产力").total == 8  # 000: 1, 002: 3, 003: 2, 004: 2
    # Words the source cut across layout breaks, rejoined by ingestion, are found.
    for word in ("优营商环境", "城市有能级", "平急两用", "汾河三期", "不成事"):
        assert search(ix, word).total >= 1, word
