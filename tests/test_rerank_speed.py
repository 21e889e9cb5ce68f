"""The rerank's faster paths give the figures of the plain definitions (rerank, issue 11, round 11).

``ranking._window`` keeps the window's end in a monotonic queue: it must give the span of the
window's definition (rescanning each run of occurrences), on a real row and on thousands of
random cases of a few positions. The reasons of a scored row are put into words when first read: they must
be those of the row's signals, for rows with synonyms, metadata words and penalties.
"""

from __future__ import annotations

import random

from conftest_search import build_index, make_doc
from reporttui.core.search import ranking
from reporttui.core.search.search import search


def _window_by_definition(occ: list[list[int]], lengths: list[int]) -> int:
    """The proximity window as defined since round 1: the occurrences in position order; from
    each one, the shortest run of occurrences after it holding every term; the smallest span
    of such a run, from its first start to its furthest end (rescanned for each run)."""
    events = sorted((p, t) for t, ps in enumerate(occ) for p in ps)
    best = 1 << 30
    for i in range(len(events)):
        for j in range(i, len(events)):
            run = events[i : j + 1]
            if len({t for _, t in run}) == len(occ):
                best = min(best, max(p + lengths[t] for p, t in run) - events[i][0])
                break
    return best


def test_window_is_the_span_of_its_definition() -> None:
    text = "推动黄河流域生态保护和高质量发展，加强生态环境保护，守护黄河安澜，筑牢生态屏障。"
    words = ["生态", "保护", "黄河"]
    occ = [ranking._positions(text, w) for w in words]
    got = ranking._window(occ, [len(w) for w in words])
    assert got == _window_by_definition(occ, [2, 2, 2]) == len("黄河流域生态保护")
    rng = random.Random(11)
    for _ in range(3000):
        k = rng.randint(2, 4)
        occ = [sorted(rng.sample(range(60), rng.randint(1, 5))) for _ in range(k)]
        lengths = [rng.randint(1, 5) for _ in range(k)]
        assert ranking._window(occ, lengths) == _window_by_definition(occ, lengths)


def test_window_with_shared_positions_and_nested_terms() -> None:
    # 乡村振兴 holds 乡村 at the same start: a window of the longer term alone
    assert ranking._window([[0], [0]], [2, 4]) == 4
    assert ranking._window([[5, 9], [9, 30]], [3, 1]) == 3
    assert ranking._window([[0, 40], [20], [41]], [2, 2, 2]) == 23


def test_reasons_read_later_are_the_rows_reasons() -> None:
    """A note row named in a list, in a section titled by the word, with a metadata word and
    a synonym reason given as functions: the reasons in the order shown, read twice."""
    s = ranking.score_row(
        0,
        0.5,
        "名词解释：推进风电、氢能、光伏等产业发展。",
        ("（二）氢能产业",),
        ranking.ROLE_NOTE,
        (("氢能",),),
        literal=False,
        metadata_reasons=lambda: ("太原 (report metadata)",),
        synonym_reasons=lambda: ("synonym 氢能源 for 氢能",),
    )
    want = (
        "lead clause",
        "section title",
        "synonym 氢能源 for 氢能",
        "太原 (report metadata)",
        "note/glossary entry",
        "named only in a list",
    )
    assert s.reasons == want and s.reasons == want
    given = ranking.score_row(
        0,
        0.5,
        "名词解释：推进风电、氢能、光伏等产业发展。",
        ("（二）氢能产业",),
        ranking.ROLE_NOTE,
        (("氢能",),),
        literal=False,
        metadata_reasons=("太原 (report metadata)",),
        synonym_reasons=("synonym 氢能源 for 氢能",),
    )
    assert given.reasons == want and repr(given.score) == repr(s.score)
    eager = ranking.Scored(0, s.score, s.signals, want)
    assert eager == s and eager.reasons == want


def test_search_hits_carry_reasons_of_synonym_and_list_rows() -> None:
    listed = "推进风电、氢能、光伏等新能源产业发展，" + "统筹推进各项工作，确保取得实效。" * 4
    lead = "加快发展氢能产业。" + "统筹推进各项工作，确保取得实效。" * 4
    r = search(build_index([make_doc("r1", [listed, lead])]), "氢能", use_jieba=False)
    assert [h.text for h in r.hits] == [lead, listed]
    assert "lead clause" in r.hits[0].reasons
    assert "named only in a list" in r.hits[1].reasons


def _listed_by_definition(squeezed: str, term: str, positions: list[int]) -> bool:
    """``ranking._listed`` as written before round 11: every test made for every occurrence."""
    if not positions:
        return False
    for p in positions:
        i = p - 1
        while i >= 0 and squeezed[i] in ranking._QUOTES:
            i -= 1
        j = p + len(term)
        while j < len(squeezed) and squeezed[j] in ranking._QUOTES:
            j += 1
        before = i >= 0 and squeezed[i] in ranking.LIST_SEPARATORS
        after = j < len(squeezed) and squeezed[j] in ranking.LIST_ENDS
        example = j < len(squeezed) and squeezed[j] == ranking.EXAMPLE_END
        if not (before and after) and not example and not ranking._first_item(squeezed, p, term):
            return False
    return True


def test_listed_answers_as_its_definition() -> None:
    rows = [
        "推进风电、氢能、光伏等产业发展，打造氢能产业集群。",
        "实施学前教育、义务教育、职业教育提质工程。",
        "培育“夜间经济”等消费热点，发展“夜间经济”、“首店经济”。",
        "发展氢能、储能。氢能",
        "氢能",
        "、氢能”",
        "钢铁等五个行业，钢铁、",
    ]
    rng = random.Random(3)
    alphabet = "氢能、等，。“”《》风电光伏储"
    rows += ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 30))) for _ in range(3000)]
    for row in rows:
        for term in ("氢能", "夜间经济", "钢铁", "学前教育", "能", "风电"):
            ps = ranking._positions(row, term)
            assert ranking._listed(row, term, ps) == _listed_by_definition(row, term, ps), row


def test_window_stops_at_a_span_short_enough() -> None:
    occ = [[0, 50], [52], [10]]
    full = ranking._window(occ, [2, 2, 2])
    assert full == 44  # 10..54: the third, the first at 50 and the second
    assert full <= ranking._window(occ, [2, 2, 2], enough=100) <= 100  # 0..54 found first
    assert ranking._window(occ, [2, 2, 2], enough=6) == full
