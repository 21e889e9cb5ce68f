"""Highlight spans and snippets, computed from the stored text (not Whoosh's highlighter).

Matching uses the same units as the index (core/tokenize.py), so a span is reported exactly
where the index says the term occurs: whitespace inside an occurrence is allowed, and numbers
match whole (``5%`` is not highlighted inside ``25%``).
"""

from __future__ import annotations

from collections.abc import Sequence

from reporttui.core.index.tokenize import UNIT_RE, fold, units

Span = tuple[int, int]


def find_spans(text: str, terms: Sequence[str]) -> list[Span]:
    """Every occurrence of every term in ``text`` as ``(start, end)``, sorted, overlaps merged."""
    if not text or not terms:
        return []
    folded = fold(text)
    raw = UNIT_RE.findall(folded)
    text_units = [u if not u[0].isspace() else " " for u in raw]
    starts: list[int] | None = None
    found: list[Span] = []
    for term in dict.fromkeys(terms):
        wanted = units(term)
        if not wanted:
            continue
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


def make_snippet(text: str, spans: Sequence[Span], width: int = 80) -> tuple[str, list[Span]]:
    """A window of about ``width`` characters around the densest group of spans.

    Returns the snippet (with "…" where text was cut) and the spans shifted into it (clipped to
    the window). Short texts are returned whole.
    """
    width = max(int(width), 8)
    if len(text) <= width:
        return text, [tuple(s) for s in spans if s[0] < s[1]]  # type: ignore[misc]
    best_start, best_count = 0, -1
    lead = width // 4
    for anchor, _ in spans:
        start = max(0, min(anchor - lead, len(text) - width))
        end = start + width
        count = sum(1 for s, e in spans if s >= start and e <= end)
        if count > best_count:
            best_start, best_count = start, count
    start = best_start
    end = min(len(text), start + width)
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(text) else ""
    shift = len(prefix) - start
    shifted = [
        (max(s, start) + shift, min(e, end) + shift) for s, e in spans if e > start and s < end
    ]
    return prefix + text[start:end] + suffix, shifted
