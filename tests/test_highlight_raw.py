"""Highlights found on the stored text equal those found on the folded text (query, issue 11).

find_spans matches a Chinese term on the text as stored, each character of the term standing
for every character that folds to it. The reference here is the former way: fold the whole
text, then search the folded term in it.
"""

from __future__ import annotations

import random
import re

from reporttui.core.index.tokenize import _FOLD, fold, folds_to
from reporttui.core.search.highlight import find_spans, merge_spans


def _reference(text: str, term: str) -> list[tuple[int, int]]:
    chars = [c for c in fold(term) if not c.isspace()]
    pattern = re.compile("(?=(" + r"\s*".join(map(re.escape, chars)) + "))")
    return merge_spans([(m.start(1), m.end(1)) for m in pattern.finditer(fold(text))])


def test_folds_to_is_the_inverse_of_fold() -> None:
    chars = {chr(d) for d in _FOLD.values()} | {chr(s) for s in _FOLD} | set("发展林麝，。 ")
    inverse: dict[str, set[str]] = {}
    for c in chars:
        inverse.setdefault(fold(c), set()).add(c)
    for ch in chars:
        assert set(folds_to(ch)) == inverse.get(ch, set()), ch


def test_spans_on_stored_text_equal_spans_on_folded_text() -> None:
    rng = random.Random(7)
    variants = [chr(s) for s, d in _FOLD.items() if d > 0x2E80][:400]  # Traditional forms
    alphabet = list("发展建设林麝养殖经济高质量，。、；") + variants[:60] + [" ", "\u3000", "\n"]
    checked = 0
    for _ in range(400):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(1, 120)))
        start = rng.randrange(len(text))
        term = text[start : start + rng.randrange(1, 5)]
        if not term.strip() or any(c in "0123456789" for c in fold(term)):
            continue
        for t in (term, fold(term), "".join(c if rng.random() < 0.5 else fold(c) for c in term)):
            assert find_spans(text, [t]) == _reference(text, t), (text, t)
            checked += 1
    assert checked > 600


def _reference_units(text: str, term: str) -> list[tuple[int, int]]:
    """The former way for numbers and Latin words: cut the whole folded text into units."""
    from reporttui.core.index.tokenize import UNIT_RE, units

    folded = fold(text)
    ms = list(UNIT_RE.finditer(folded))
    got = [" " if m.group()[0].isspace() else m.group() for m in ms]
    wanted = units(term)
    k = len(wanted)
    spans = [
        (ms[i].start(), ms[i + k - 1].end())
        for i in range(len(got) - k + 1)
        if got[i : i + k] == wanted
    ]
    return merge_spans(spans)


def test_number_and_latin_spans_equal_whole_text_units() -> None:
    """Units are cut only around each candidate place: the same spans as cutting it all."""
    rng = random.Random(9)
    alphabet = [*"0123456789..%%abcxyzABC５％．  \u3000增长左右万亿元，。", "\n"]
    terms = ["5%", "6.5%", "5%左右", "1.5", "abc", "ab", "5", "x 1", "12.5%", "c5", "0.5%增长"]
    checked = 0
    for _ in range(1500):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(1, 90)))
        if rng.random() < 0.1:  # a long run of digits and letters (the whole-text way)
            text = "5" * 80 + text + "5%" + "a1" * 50
        for term in terms:
            assert find_spans(text, [term]) == _reference_units(text, term), (text, term)
            checked += 1
    assert checked > 10000
