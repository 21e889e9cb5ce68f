"""Search results: plain frozen dataclasses shared by the search core, the CLI and the app.

Highlights travel as ``(start, end)`` character spans into :attr:`Hit.text`; exactly one UI
module turns spans into styled text.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Hit:
    """One matching paragraph (or heading) of one document."""

    doc_id: str
    path: str
    title: str
    region: str | None
    year: int | None
    kind: str | None
    section_id: str
    section_path: tuple[str, ...]
    paragraph: int
    """:attr:`Paragraph.number` of the hit; 0 when the hit is a section heading."""
    text: str
    """The paragraph (or heading) text as stored: the cleaned text."""
    spans: tuple[Span, ...]
    """Every occurrence of every positive query term in ``text``, sorted, merged where they overlap."""
    snippet: str
    """A window of ``text`` around the best match (may start/end with "…")."""
    snippet_spans: tuple[Span, ...]
    """``spans`` shifted into ``snippet`` coordinates (only those that fall inside it)."""
    score: float
    reasons: tuple[str, ...] = ()
    """Why the hit ranks where it does: "lead clause", "section title", "synonym X for Y",
    "region 太原市 (report metadata)", "heading", "note/glossary entry"... (core/search/ranking.py)."""
    signals: str = ""
    """The score's terms, ``base 0.82 lead +0.55 …`` (for explain)."""


@dataclass(frozen=True, slots=True)
class SearchResult:
    """The answer to one query."""

    query: str
    hits: tuple[Hit, ...]
    """Ranked hits, best first, at most the requested limit."""
    total: int
    """Number of matching paragraphs/headings in the whole library (not capped by the limit)."""
    per_doc: dict[str, int] = field(default_factory=dict)
    """doc_id -> number of matching paragraphs (over all matches, not only the returned hits)."""
    per_section: Mapping[tuple[str, str], int] = field(default_factory=dict)
    """(doc_id, section_id) -> number of matching paragraphs directly in that section (a
    read-only mapping, made into a dict only when iterated: see ``matcher.SectionCounts``)."""
    terms: tuple[str, ...] = ()
    """The positive terms (words and phrases) to highlight anywhere, e.g. in the reader."""
    notice: str | None = None
    """A one-line message when the query was malformed and degraded to a literal search."""
    expansions: tuple[str, ...] = ()
    """One line per query word widened by query understanding (synonyms, region/year metadata)."""
