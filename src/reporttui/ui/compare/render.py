"""The one place where the compare screens turn terms into styled text."""

from __future__ import annotations

import re
from collections.abc import Iterable

from textual.content import Content

from reporttui.core.display import safe

SHARED_STYLE = "bold $text-success"
"""Terms both sides of a theme row use."""
ONLY_STYLE = "underline $text-warning"
"""Terms found on this side of the row only."""


def term_spans(text: str, terms: Iterable[str]) -> list[tuple[int, int, str]]:
    """Non-overlapping (start, end, term) of ``terms`` in ``text``, longest term first at a place."""
    words = sorted({t for t in terms if t}, key=lambda t: (-len(t), t))
    if not words:
        return []
    pattern = re.compile("|".join(re.escape(w) for w in words))
    return [(m.start(), m.end(), m.group(0)) for m in pattern.finditer(text)]


def highlight(text: str, shared: Iterable[str], only: Iterable[str], base: str = "") -> Content:
    """``text`` with shared terms and one-side-only terms styled."""
    shared_set, only_set = set(shared), set(only)
    content = Content(safe(text))  # safety: controls shown, same length (spans still apply)
    if base:
        content = content.stylize(base)
    for start, end, term in term_spans(text, shared_set | only_set):
        content = content.stylize(SHARED_STYLE if term in shared_set else ONLY_STYLE, start, end)
    return content


def bar(value: float, top: float, width: int) -> str:
    """A horizontal bar of eighth-blocks, ``value/top`` of ``width`` cells."""
    if top <= 0 or value <= 0 or width <= 0:
        return ""
    eighths = max(1, round(width * 8 * value / top))
    return "█" * (eighths // 8) + ("", "▏", "▎", "▍", "▌", "▋", "▊", "▉")[eighths % 8]


def fit(text: str, width: int, *, pad: bool = False) -> str:
    """``text`` cut to ``width`` terminal cells with an ellipsis (CJK characters are two cells);
    padded with spaces to exactly ``width`` when ``pad``."""
    from rich.cells import cell_len

    if width <= 0:
        return ""
    if cell_len(text) > width:
        out, used = [], 0
        for ch in text:
            w = cell_len(ch)
            if used + w > width - 1:
                break
            out.append(ch)
            used += w
        text = "".join(out) + "…"
    return text + " " * (width - cell_len(text)) if pad else text
