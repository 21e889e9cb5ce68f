"""Compare drawing helpers, re-exported for the compare screens: bars and cell-width cuts come
from the core (core/labels.py), term styling from ui/styling.py."""

from __future__ import annotations

# Spans become styled text in one module, ui/styling.py (appnav); names kept for importers.
from reporttui.core.labels import bar, fit
from reporttui.core.terms import term_spans
from reporttui.ui.styling import ONLY_STYLE, SHARED_STYLE, highlight

__all__ = ["ONLY_STYLE", "SHARED_STYLE", "bar", "fit", "highlight", "term_spans"]
