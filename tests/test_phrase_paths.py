"""The matcher's phrase shortcuts give the figures of the plain way (phrase, issue 11).

* A phrase of bigrams matches exactly where its units occur in a row (rows, number of places,
  first place), checked against a count over the row's units, on rows made of a few characters
  so that phrases overlap, repeat, start rows and nearly match.
* With the shortcuts (a phrase's cover compared only, tokens' phrase keys reused within fewer
  rows) and without them, every figure of ranked queries is the same bit for bit, across
  segments, deletions and filters.
* :func:`matcher._index_of` with ``found_only`` finds the common elements;
* :func:`matcher._cover` keeps token 0 and the last, leaves no unit uncovered, prefers the
  cheap tokens and keeps every token of a phrase with ASCII units.
"""

from __future__ import annotations

import random
from typing import Any

import numpy as np
import pytest

from conftest_search import assert_same_matches, index_batches
from reporttui.core.index import matcher
from reporttui.core.index.schema import BIGRAM_FIELD, SECTION_POSTINGS, _row
from reporttui.core.index.tokenize import term_query_tokens, units
from reporttui.core.search.query import parse_query
from reporttui.core.search.search import match_spec

PIECES = ["高质量发展", "发展", "质量", "高质", "展发", "，", "量发展", "发", "高"]
PHRASES = [
    "高质量发展",
    "发展发展",
    "展发展",
    "量发展发展",
    "质量发展高质量",
    "发展展发展发",
    "5%发展",
]


def _rows(seed: int, docs: int, per_doc: int) -> list[list[dict[str, Any]]]:
    rng = random.Random(seed)
    out = []
    for d in range(docs):
        common = {"doc_id": f"doc{seed}-{d}", "path": f"/x/{seed}/{d}.md", "title": f"t{d}"}
        rows = []
        for k in range(per_doc):
            n = rng.randint(1, 25)
            text = "".join(rng.choice(PIECES) for _ in range(n))
            if rng.random() < 0.2:
                text = "5%" + text
            rows.append(_row(common, f"s{k // 4}", "", k + 1, text))
        out.append(rows)
    return out


def _brute(text: str, phrase: str) -> tuple[int, int]:
    """Places the phrase's units occur among the row's units, and the first (-1: none)."""
    us, q = units(text), units(phrase)
    at = [i for i in range(len(us) - len(q) + 1) if us[i : i + len(q)] == q]
    return len(at), (at[0] if at else -1)


def test_phrases_match_where_their_units_are() -> None:
    docs = _rows(1, 6, 40)
    ix = index_batches([docs[0] + docs[1], docs[2] + docs[3], docs[4] + docs[5]])
    texts = [r["text"] for rows in docs for r in rows]
    with ix.searcher() as s:
        reader = s.reader()
        checked = 0
        for phrase in PHRASES:
            spec = matcher.MatchSpec(clauses=(((tuple(term_query_tokens(phrase)),),),))
            got = matcher.match(reader, spec, exact_field=BIGRAM_FIELD)
            want = {i: _brute(t, phrase) for i, t in enumerate(texts)}
            want = {i: v for i, v in want.items() if v[0]}
            assert got.rows.tolist() == sorted(want)
            assert got.count.tolist() == [want[i][0] for i in sorted(want)]
            assert got.first.tolist() == [want[i][1] for i in sorted(want)]
            checked += len(want)
        assert checked > 100


_same = assert_same_matches


@pytest.mark.parametrize("deleted", [False, True])
def test_shortcuts_change_no_figure(deleted: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    docs = _rows(2, 6, 40)
    gone = [docs[1][0]["doc_id"], docs[4][0]["doc_id"]] if deleted else []
    ix = index_batches([docs[0] + docs[1], docs[2] + docs[3], docs[4] + docs[5]], gone)
    queries = [*PHRASES, "高质量发展 发展发展", "高质量 -展发展", '"质量发展" 高质量发展']
    with ix.searcher() as s:
        reader = s.reader()
        n = reader.doc_count_all()
        checked = 0
        for q in queries:
            spec = match_spec(parse_query(q))
            for allowed in (None, np.arange(0, n, 3, dtype=np.int64)):
                kw: dict[str, Any] = {
                    "exact_field": BIGRAM_FIELD,
                    "allowed": allowed,
                    "section_field": SECTION_POSTINGS,
                }
                matcher._views.clear()  # the words' frequencies are counted afresh each way
                monkeypatch.setattr(matcher, "PHRASE_SHORTCUTS", True)
                fast = matcher.match(reader, spec, **kw)
                matcher._views.clear()
                monkeypatch.setattr(matcher, "PHRASE_SHORTCUTS", False)
                plain = matcher.match(reader, spec, **kw)
                _same(fast, plain)
                checked += len(plain)
        assert checked > 100


def _covers(chosen: frozenset[int], n: int) -> bool:
    units_held = {u for k in chosen for u in (k, k + 1)}
    return 0 in chosen and n - 1 in chosen and units_held == set(range(n + 1))


def test_cover_holds_every_unit_and_prefers_cheap_tokens() -> None:
    rng = random.Random(3)
    for n in range(1, 9):
        tokens = ["高质"] * n
        for _ in range(30):
            rows = [np.zeros(rng.randint(1, 100)) for _ in range(n)]
            chosen = matcher._cover(tokens, rows)
            assert _covers(chosen, n)
            if n >= 3:  # no cheaper cover exists (all covers, by brute force)
                cost = sum(len(rows[k]) for k in chosen)
                best = min(
                    sum(len(rows[k]) for k in range(n) if m >> k & 1)
                    for m in range(1 << n)
                    if _covers(frozenset(k for k in range(n) if m >> k & 1), n)
                )
                assert cost == best
    many = [np.zeros(5)] * 5
    assert matcher._cover(["乡村", "村振", "振兴"], many[:3]) == frozenset({0, 2})
    assert matcher._cover(["高质", "质量", "量发", "发展"], [np.zeros(1), np.zeros(9), *many[:2]])
    assert matcher._cover(["5%", "%发", "发展", "展高", "高质"], many) == frozenset(range(5))
    assert matcher._cover(["ab", "b高", "高质", "质量"], many[:4]) == frozenset(range(4))


def test_index_of_found_only_is_the_indices_of_the_common_elements() -> None:
    rng = np.random.default_rng(4)
    for _ in range(200):
        a = np.unique(rng.integers(0, rng.integers(1, 400), rng.integers(0, 60)))
        b = np.unique(rng.integers(0, rng.integers(1, 400), rng.integers(0, 60)))
        got = matcher._index_of(a, b, found_only=True)
        assert got.tolist() == np.flatnonzero(np.isin(a, b)).tolist()


def test_lists_filled_in_place_equal_the_concatenated_ones(monkeypatch: pytest.MonkeyPatch) -> None:
    """A token in fixed widths in every segment is decoded into one array of its total size;
    the same rows, frequencies and positions as per-segment lists concatenated."""
    docs = _rows(5, 9, 80)
    ix = index_batches([docs[k] + docs[k + 1] + docs[k + 2] for k in (0, 3, 6)])
    tokens = {"发展", "质量", "高质", "展发", "发", "高", "量发"}
    with ix.searcher() as s:
        view = matcher.view(s.reader())
        spec = matcher.MatchSpec(clauses=(((("发展",),),),))

        def decode() -> dict[str, Any]:
            merged = matcher._decode(
                view, {BIGRAM_FIELD: tokens}, {BIGRAM_FIELD}, BIGRAM_FIELD, spec, None
            )
            return {t: merged.field(BIGRAM_FIELD).postings(t) for t in tokens}

        decode()  # the view's entries of every token, looked up
        filled = 0
        real = matcher._Filled.of

        def counting(entries: list[Any], with_pos: bool) -> Any:
            nonlocal filled
            got = real(entries, with_pos)
            filled += got is not None
            return got

        monkeypatch.setattr(matcher._Filled, "of", staticmethod(counting))
        fast = decode()
        monkeypatch.setattr(matcher._Filled, "of", staticmethod(lambda e, w: None))
        plain = decode()
        assert filled >= 3  # fixed widths need long lists: some of these are
        for t in tokens:
            a, b = fast[t], plain[t]
            assert a.rows.tolist() == b.rows.tolist() and a.tf.tolist() == b.tf.tolist()
            assert (a.pos is None) == (b.pos is None)
            if a.pos is not None:
                assert a.pos.tolist() == b.pos.tolist() and a.pos.dtype == b.pos.dtype


def test_lookup_finds_the_common_elements_and_their_indices() -> None:
    """Both ways (binary search, and the uninitialised inverse array) on every shape."""
    rng = np.random.default_rng(6)
    shapes = [(1, 60), (60, 1), (400, 400), (5000, 60), (60, 5000), (3000, 3000)]
    for na, nb in shapes * 20:
        span = int(rng.integers(1, 4 * max(na, nb)))
        a = np.unique(rng.integers(0, span, na))
        b = np.unique(rng.integers(0, span, nb))
        found, idx = matcher._lookup(a, b)
        assert found.tolist() == np.isin(b, a).tolist()
        assert a[idx].tolist() == b[found].tolist()
        assert idx.tolist() == np.flatnonzero(np.isin(a, b)).tolist()


def test_common_is_the_intersection_both_ways() -> None:
    """matcher (issue 11): merged (like sizes) or binary-searched (unlike), the same values."""
    rng = np.random.default_rng(7)
    for na, nb in [(1, 1), (50, 60), (400, 1000), (3000, 2000), (100, 5000), (5000, 90)] * 10:
        span = int(rng.integers(1, 4 * max(na, nb)))
        a = np.unique((rng.integers(0, span, na) << 32) + rng.integers(0, 9, na))
        b = np.unique((rng.integers(0, span, nb) << 32) + rng.integers(0, 9, nb))
        assert matcher._common(a, b).tolist() == np.intersect1d(a, b).tolist()
    empty = np.zeros(0, dtype=np.int64)
    assert matcher._common(empty, np.arange(3)).tolist() == []


def test_cover_takes_the_tokens_another_phrase_reads() -> None:
    """A token a later phrase of the query reads (a ranking word) costs nothing in the cover:
    质量 of 高质量 is compared in 高质量发展 instead of the cheaper 量发, still a cover."""
    rows = [np.zeros(n) for n in (5, 40, 10, 50)]
    tokens = ["高质", "质量", "量发", "发展"]
    assert matcher._cover(tokens, rows) == frozenset({0, 2, 3})
    shared = matcher._cover(tokens, rows, frozenset({"高质", "质量"}))
    assert shared == frozenset({0, 1, 3}) and _covers(shared, 4)


def test_ranking_word_inside_the_phrase_uses_its_kept_keys(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """高质量 among 高质量发展's matches is read from the keys the phrase kept (no lookups),
    with the figures of the plain way."""
    docs = _rows(3, 4, 40)
    ix = index_batches([docs[0] + docs[1], docs[2] + docs[3]])
    used: list[bool] = []
    real = matcher._SegmentMatcher._phrase_from_kept

    def spy(self: Any, *args: Any) -> Any:
        got = real(self, *args)
        used.append(got is not None)
        return got

    monkeypatch.setattr(matcher._SegmentMatcher, "_phrase_from_kept", spy)
    spec = match_spec(parse_query("高质量发展"))
    kw: dict[str, Any] = {"exact_field": BIGRAM_FIELD, "section_field": SECTION_POSTINGS}
    with ix.searcher() as s:
        matcher._views.clear()
        fast = matcher.match(s.reader(), spec, **kw)
        assert any(used) and len(fast)
        matcher._views.clear()
        monkeypatch.setattr(matcher, "PHRASE_SHORTCUTS", False)
        _same(fast, matcher.match(s.reader(), spec, **kw))


@pytest.mark.parametrize(
    "words",
    [
        ("高质量",),  # the first tokens compared in the phrase: its lined-up starts
        ("质量发展", "量发展"),  # later places of the phrase (shifted starts), or recomputed
        ("高质量", "质量发展", "发展发"),  # one not inside the phrase at all
    ],
)
def test_ranking_words_lined_up_inside_the_phrase(
    words: tuple[str, ...], monkeypatch: pytest.MonkeyPatch
) -> None:
    """speed (issue 11, round 14): a ranking word whose compared tokens were lined up inside
    the query's phrase takes those starts: the figures of the plain way, over segments,
    deletions and filters; the shortcut is taken for 高质量 of 高质量发展."""
    docs = _rows(4, 6, 40)
    gone = [docs[2][0]["doc_id"]]
    ix = index_batches([docs[0] + docs[1], docs[2] + docs[3], docs[4] + docs[5]], gone)
    phrase = tuple(term_query_tokens("高质量发展"))
    boosts = tuple((tuple(term_query_tokens(w)), 1.5) for w in words)
    spec = matcher.MatchSpec(clauses=((((phrase),),),), boosts=boosts)
    taken: list[bool] = []
    real = matcher._keys_within

    def spy(kept: Any, cand: Any, in_cand: Any) -> Any:
        taken.append(any(kept is v for v in lined.values()))
        return real(kept, cand, in_cand)

    lined: dict[Any, Any] = {}
    real_init = matcher._SegmentMatcher.__init__

    def init(self: Any, *args: Any, **kwargs: Any) -> None:
        real_init(self, *args, **kwargs)
        self._lined_up = lined

    monkeypatch.setattr(matcher, "_keys_within", spy)
    monkeypatch.setattr(matcher._SegmentMatcher, "__init__", init)
    with ix.searcher() as s:
        reader = s.reader()
        n = reader.doc_count_all()
        for allowed in (None, np.arange(0, n, 2, dtype=np.int64)):
            kw: dict[str, Any] = {"exact_field": BIGRAM_FIELD, "allowed": allowed}
            lined.clear()
            matcher._views.clear()
            monkeypatch.setattr(matcher, "PHRASE_SHORTCUTS", True)
            fast = matcher.match(reader, spec, **kw)
            matcher._views.clear()
            monkeypatch.setattr(matcher, "PHRASE_SHORTCUTS", False)
            plain = matcher.match(reader, spec, **kw)
            assert len(plain.rows) > 10
            _same(fast, plain)
    if words == ("高质量",):
        assert any(taken)


def test_ranking_word_lined_up_at_a_later_place(monkeypatch: pytest.MonkeyPatch) -> None:
    """speed (issue 11, round 14): 三四五 inside 一二三四五, whose rarest compared tokens (三四,
    四五: 一二 repeats in every row) are lined up first: the starts are shifted by its place,
    with the figures of the plain way (rows starting with 三四五 too: a start before the
    phrase's place 0 is still the row's)."""
    rng = random.Random(5)
    docs = []
    for d in range(8):
        common = {"doc_id": f"doc-l{d}", "path": f"/l/{d}.md", "title": f"t{d}"}
        rows = []
        for k in range(30):
            parts = ["三四五" if rng.random() < 0.3 else "", "一二" * rng.randint(2, 6)]
            parts += [rng.choice(["一二三四五", "三四五", "二三四五", "一二三四", "四五三四五"])]
            parts += [rng.choice(["一二", "五", "三四五一二三四五", "，"]) for _ in range(3)]
            rows.append(_row(common, f"s{k // 5}", "", k + 1, "".join(parts)))
        docs.append(rows)
    ix = index_batches(
        [docs[0] + docs[1] + docs[2], docs[3] + docs[4], docs[5] + docs[6] + docs[7]]
    )
    phrase = tuple(term_query_tokens("一二三四五"))
    spec = matcher.MatchSpec(
        clauses=(((phrase,),),), boosts=((tuple(term_query_tokens("三四五")), 1.5),)
    )
    shifts: list[int] = []
    real = matcher._keys_within
    lined: dict[Any, Any] = {}
    real_init = matcher._SegmentMatcher.__init__

    def init(self: Any, *args: Any, **kwargs: Any) -> None:
        real_init(self, *args, **kwargs)
        self._lined_up = lined

    def spy(kept: Any, cand: Any, in_cand: Any) -> Any:
        if any(kept is v for v in lined.values()):
            shifts.append(kept[2])
        return real(kept, cand, in_cand)

    monkeypatch.setattr(matcher, "_keys_within", spy)
    monkeypatch.setattr(matcher._SegmentMatcher, "__init__", init)
    kw: dict[str, Any] = {"exact_field": BIGRAM_FIELD}
    with ix.searcher() as s:
        reader = s.reader()
        matcher._views.clear()
        fast = matcher.match(reader, spec, **kw)
        matcher._views.clear()
        monkeypatch.setattr(matcher, "PHRASE_SHORTCUTS", False)
        plain = matcher.match(reader, spec, **kw)
    assert len(plain.rows) > 20 and plain.word_score.any()
    _same(fast, plain)
    assert 2 in shifts  # the lined-up starts of 三四 and 四五 at places 2 and 3
