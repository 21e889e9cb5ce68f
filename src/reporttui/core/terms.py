"""Where given terms occur in a text (compare's shared / one-side terms), longest first."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence


def term_spans(text: str, terms: Iterable[str]) -> list[tuple[int, int, str]]:
    """Non-overlapping (start, end, term) of ``terms`` in ``text``, longest term first at a place."""
    words = sorted({t for t in terms if t}, key=lambda t: (-len(t), t))
    if not words:
        return []
    pattern = re.compile("|".join(re.escape(w) for w in words))
    return [(m.start(), m.end(), m.group(0)) for m in pattern.finditer(text)]


Span = tuple[int, int]


def clip_span(span: Span | None, start: int, end: int) -> Span | None:
    """``span`` cut to the line ``start:end`` and shifted to it (None if outside)."""
    if span is None or span[1] <= start or span[0] >= end:
        return None
    return (max(span[0], start) - start, min(span[1], end) - start)


def clip_spans(spans: Sequence[Span], start: int, end: int) -> list[Span]:
    """The parts of ``spans`` on the line ``start:end``, shifted to it."""
    clipped = (clip_span(span, start, end) for span in spans)
    return [span for span in clipped if span is not None]


def estimate_lines(chars: int, width: int) -> int:
    """Lines a paragraph of ``chars`` characters will likely take (two cells a character)."""
    return max(1, -(-2 * chars // width))
