"""Compare drawing helpers: the keyword bars (term styling lives in ui/styling.py)."""

from __future__ import annotations

# Spans become styled text in one module, ui/styling.py (appnav); names kept for importers.
from reporttui.core.labels import bar
from reporttui.core.terms import term_spans
from reporttui.ui.styling import ONLY_STYLE, SHARED_STYLE, highlight

__all__ = ["ONLY_STYLE", "SHARED_STYLE", "bar", "highlight", "term_spans"]


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
