"""Where given terms occur in a text (compare's shared / one-side terms), longest first."""

from __future__ import annotations

import re
from collections.abc import Iterable


def term_spans(text: str, terms: Iterable[str]) -> list[tuple[int, int, str]]:
    """Non-overlapping (start, end, term) of ``terms`` in ``text``, longest term first at a place."""
    words = sorted({t for t in terms if t}, key=lambda t: (-len(t), t))
    if not words:
        return []
    pattern = re.compile("|".join(re.escape(w) for w in words))
    return [(m.start(), m.end(), m.group(0)) for m in pattern.finditer(text)]
