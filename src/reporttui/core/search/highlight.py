"""Highlight spans and snippets, computed from the stored text (not Whoosh's highlighter).

Matching uses the same units as the index (core/tokenize.py), so a span is reported exactly
where the index says the term occurs: whitespace inside an occurrence is allowed, and numbers
match whole (``5%`` is not highlighted inside ``25%``).
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from itertools import pairwise

from reporttui.core.index.tokenize import UNIT_RE, fold, folds_to, units

Span = tuple[int, int]


_NOT_PLAIN = frozenset("0123456789abcdefghijklmnopqrstuvwxyz.%")


def _any_of(ch: str) -> str:
    """``ch``, or a class of every character folding to it (see :func:`_plain_pattern`)."""
    sources = folds_to(ch)
    if not sources:  # no character folds to it: it is never in the folded text
        return r"[^\s\S]"
    if sources == ch:
        return re.escape(ch)
    return "[" + "".join(map(re.escape, sources)) + "]"


@functools.lru_cache(maxsize=512)
def _plain_pattern(folded_term: str) -> re.Pattern[str] | None:
    """For a term of single-character units only (CJK, punctuation): a regex matching an
    occurrence, with whitespace allowed between characters (:func:`_plain_spans` finds every
    one, overlapping ones too); else None.

    query (issue 11): it runs on the text as stored, each character of the term standing for
    every character that folds to it (fold maps one character to one and keeps whitespace
    whitespace, so the matches are those in the folded text): folding each hit's whole text
    was most of highlighting."""
    chars = [c for c in folded_term if not c.isspace()]
    if not chars or any(c in _NOT_PLAIN for c in chars):
        return None
    return re.compile(r"\s*".join(map(_any_of, chars)))


@functools.lru_cache(maxsize=512)
def _term_pattern(term: str) -> re.Pattern[str] | None:
    """:func:`_plain_pattern` of the folded ``term`` (folded once per term, not once per hit)."""
    return _plain_pattern(fold(term))


def _plain_spans(pattern: re.Pattern[str], text: str) -> list[Span]:
    """Every match of ``pattern`` in ``text``, overlapping ones too: a search from each match's
    start + 1, the matches a lookahead ``(?=(...))`` finds at every position (query, issue 11:
    the search skips to the term's first character in C; the lookahead was tried at each
    position of the text, ~7x slower)."""
    out: list[Span] = []
    m = pattern.search(text)
    while m is not None:
        out.append(m.span())
        m = pattern.search(text, m.start() + 1)
    return out


def find_spans(text: str, terms: Sequence[str]) -> list[Span]:
    """Every occurrence of every term in ``text`` as ``(start, end)``, sorted, overlaps merged.

    Terms of single-character units (most Chinese terms) are found with one regex scan each;
    others (numbers, Latin words) unit by unit, so numbers match whole.
    """
    if not text or not terms:
        return []
    folded = ""
    raw: list[str] | None = None
    text_units: list[str] = []
    starts: list[int] | None = None
    found: list[Span] = []
    for term in dict.fromkeys(terms):
        plain = _term_pattern(term)
        if plain is not None:
            found.extend(_plain_spans(plain, text))
            continue
        wanted = units(term)
        if not wanted:
            continue
        if not folded:
            folded = fold(text)
        if raw is None:
            local = _local_matches(folded, wanted)
            if local is not None:
                found.extend(local)
                continue
            raw = UNIT_RE.findall(folded)
            text_units = [u if not u[0].isspace() else " " for u in raw]
        k = len(wanted)
        first = wanted[0]
        i = -1
        while True:
            try:
                i = text_units.index(first, i + 1)
            except ValueError:
                break
            if k == 1 or text_units[i : i + k] == wanted:
                if starts is None:
                    starts = [m.start() for m in UNIT_RE.finditer(folded)]
                last = i + k - 1
                found.append((starts[i], starts[last] + len(raw[last])))
    return merge_spans(found)


class Spans:
    """:func:`find_spans` for one set of terms, made once per query and called once per hit.

    hits (issue 11): the terms' patterns and units are found once per query, not once per hit;
    a plain term (single-character units: most Chinese terms) is one scan of its pattern, a
    number or Latin word (``5%左右``, ``6.5%``) is cut into units only in a window around each
    place its first unit occurs (:func:`_window_matches`: the whole text was folded for it,
    ~150 ns a character, most of such a hit's highlighting). Each term's spans are those
    :func:`find_spans` finds for it alone; their union, merged, is its result for all terms."""

    __slots__ = ("_others", "_patterns")

    def __init__(self, terms: Sequence[str]) -> None:
        patterns: dict[str, re.Pattern[str]] = {}
        others: list[tuple[str, tuple[str, ...], re.Pattern[str]]] = []
        for term in dict.fromkeys(terms):
            pattern = _term_pattern(term)
            if pattern is not None:
                patterns.setdefault(pattern.pattern, pattern)
                continue
            wanted = tuple(units(term))
            if wanted:  # where the units occur, the term's characters do (spaces aside)
                chars = [c for c in fold(term) if not c.isspace()]
                others.append((term, wanted, re.compile(r"\s*".join(map(_any_of, chars)))))
        self._patterns = tuple(patterns.values())
        self._others = tuple(others)

    def __call__(self, text: str) -> list[Span]:
        """Every occurrence of every term in ``text``, sorted, overlaps merged."""
        if not text:
            return []
        found: list[Span] = []
        for pattern in self._patterns:
            found.extend(_plain_spans(pattern, text))
        for term, wanted, first in self._others:
            local = _window_matches(text, wanted, first)
            found.extend(find_spans(text, (term,)) if local is None else local)
        if len(found) <= 1:
            return found
        return merge_spans(found)


def _window_matches(text: str, wanted: Sequence[str], first: re.Pattern[str]) -> list[Span] | None:
    """:func:`_local_matches` over ``text`` as stored: the candidate places are found by
    ``first``, the term's characters with any whitespace between them, each standing for every
    character folding to it (wherever the term's units start, it matches), the look
    back reads the stored characters (:data:`_RAW_SOFT`), and only a short window from there
    is folded and cut into units; None where :func:`_local_matches` gives None or the window
    is too short to tell (the caller then does it over the whole text).

    The window starts one character before the look back's end (the whitespace unit's
    lookbehind reads it) and reaches ``WINDOW_MORE`` characters past the term's length; every
    unit taken must end two characters before the window does (a unit's regex reads at most
    one character past its end), else the answer is left to the whole text."""
    n, k = len(text), len(wanted)
    reach = sum(map(len, wanted)) + WINDOW_MORE
    want = list(wanted)
    out: list[Span] = []
    m0 = first.search(text)
    while m0 is not None:
        p = m0.start()
        q = p
        while q > 0 and (text[q - 1] in _RAW_SOFT or text[q - 1].isspace()):
            q -= 1
            if p - q > LOCAL_BACK:
                return None
        a = max(0, q - 1)
        b = min(n, p + reach)
        w = fold(text[a:b])
        at = p - a
        limit = len(w) - 2 if b < n else len(w)
        got: list[re.Match[str]] = []
        for m in UNIT_RE.finditer(w, q - a):
            if m.end() > limit:
                return None
            if not got:
                if m.start() < at:
                    continue
                if m.start() > at:
                    break
            got.append(m)
            if len(got) == k:
                break
        else:
            if b < n and len(got) < k:
                return None  # the units ran out at the window's end
        seen = [" " if m.group()[0].isspace() else m.group() for m in got]
        if len(got) == k and seen == want:
            out.append((got[0].start() + a, got[-1].end() + a))
        m0 = first.search(text, p + 1)
    return out


WINDOW_MORE = 12
"""Characters past a term's own length that :func:`_window_matches` folds after its place."""


_SOFT = frozenset("0123456789abcdefghijklmnopqrstuvwxyz.%")
"""Characters a unit of several characters can hold (numbers, Latin words; whitespace too):
any other character is a unit of its own, so a unit always ends after it."""
_RAW_SOFT = frozenset("".join(folds_to(c) for c in "0123456789abcdefghijklmnopqrstuvwxyz.%"))
"""The stored characters that fold to a character of :data:`_SOFT` (whitespace folds to
whitespace)."""
LOCAL_BACK = 64
"""How far :func:`_local_matches` looks back for such a character before giving up."""


def _local_matches(folded: str, wanted: Sequence[str]) -> list[Span] | None:
    """Spans where the units ``wanted`` occur in ``folded``, cutting into units only around
    each place the first unit's text occurs (from the last character that is a unit of its
    own: the units from there on are those of the whole text), or None when a run of
    number/Latin/space characters longer than :data:`LOCAL_BACK` is in the way (the caller
    then cuts the whole text).

    query (issue 11): cutting every hit's whole text into units was most of highlighting a
    number (``6.5%``, ~25 µs a row)."""
    first, k = wanted[0], len(wanted)
    out: list[Span] = []
    p = folded.find(first)
    while p >= 0:
        q = p
        while q > 0 and (folded[q - 1] in _SOFT or folded[q - 1].isspace()):
            q -= 1
            if p - q > LOCAL_BACK:
                return None
        got: list[re.Match[str]] = []
        for m in UNIT_RE.finditer(folded, q):
            if not got:
                if m.start() < p:
                    continue
                if m.start() > p:
                    break
            got.append(m)
            if len(got) == k:
                break
        seen = [" " if m.group()[0].isspace() else m.group() for m in got]
        if len(got) == k and seen == list(wanted):
            out.append((got[0].start(), got[-1].end()))
        p = folded.find(first, p + 1)
    return out


def merge_spans(spans: Sequence[Span]) -> list[Span]:
    """Sort spans and merge those that overlap or touch."""
    merged: list[Span] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def make_snippet(
    text: str, spans: Sequence[Span], width: int = 80, merged: bool = False
) -> tuple[str, list[Span]]:
    """A window of about ``width`` characters around the densest group of spans.

    Returns the snippet (with "…" where text was cut) and the spans shifted into it (clipped to
    the window). Short texts are returned whole. ``merged``: the spans are sorted and merged
    (:func:`merge_spans`, what :func:`find_spans` returns): the window is found without
    sorting them again.
    """
    width = max(int(width), 8)
    if len(text) <= width:
        return text, [tuple(s) for s in spans if s[0] < s[1]]  # type: ignore[misc]
    lead = width // 4
    if len(spans) <= 1:  # the one span's window (what _densest picks for it), or the start
        start = max(0, min(spans[0][0] - lead, len(text) - width)) if spans else 0
    else:
        start = _densest(text, spans, width, lead, merged)
    end = min(len(text), start + width)
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(text) else ""
    shift = len(prefix) - start
    shifted = [
        (max(s, start) + shift, min(e, end) + shift) for s, e in spans if e > start and s < end
    ]
    return prefix + text[start:end] + suffix, shifted


def _densest(text: str, spans: Sequence[Span], width: int, lead: int, merged: bool = False) -> int:
    """The start of the window (``lead`` characters before a span) holding the most spans
    (``merged``: sorted and disjoint, so their starts and ends are in order and none nests)."""
    best_start, best_count = 0, -1
    # safety: counted by bisection over the sorted starts and ends (linear in the spans; a
    # paragraph with 50,000 matches took minutes when every anchor rescanned every span).
    if merged:
        starts = [s for s, _ in spans]
        ends = [e for _, e in spans]
        nested = False
    else:
        starts = sorted(s for s, _ in spans)
        ends = sorted(e for _, e in spans)
        ordered = sorted(spans)
        nested = any(b[1] < a[1] for a, b in pairwise(ordered))
    for anchor, _ in spans:
        start = max(0, min(anchor - lead, len(text) - width))
        end = start + width
        if nested:  # spans inside spans: ends are not in start order, count directly
            count = sum(1 for s, e in spans if s >= start and e <= end)
        else:
            count = max(0, bisect_right(ends, end) - bisect_left(starts, start))
        if count > best_count:
            best_start, best_count = start, count
    return best_start
