"""Moved to :mod:`reporttui.core.session` (no UI in it); names kept for old imports."""

from reporttui.core.session import SEARCH_LIMIT, Outline, SearchState, Session, reading_order

__all__ = ["SEARCH_LIMIT", "Outline", "SearchState", "Session", "reading_order"]
