"""A reading session, free of any UI: the library, the active search and its hit walk.

The app's screens share one :class:`Session`; the hit order and the stepping logic (n / N,
wrapping, a walk ended by opening another document) are plain code that tests check directly.
Documents are cached once, by the library (:meth:`Library.load`); the session keeps only the
palette's list of sections (titles and ids, no documents).
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reporttui.core.labels import document_label
from reporttui.core.search.results import Hit, SearchResult

if TYPE_CHECKING:
    from reporttui.core.model import Document

SEARCH_LIMIT = 500
"""Hits fetched per query: enough to step through, small enough to list at once."""

SCREEN_HITS = 30
"""Hits fetched first (at least; more on a taller screen), shown at once; the rest of
:data:`SEARCH_LIMIT` follows from the same match (one rerank block: see search._rerank)."""


def reading_order(result: SearchResult) -> tuple[Hit, ...]:
    """Hits grouped by document (best-ranked document first), in document order inside each.

    The list pane and n / N both follow this order, so "next hit" reads on through a document
    and then into the next one.
    """
    best_rank: dict[str, int] = {}
    for rank, hit in enumerate(result.hits):
        best_rank.setdefault(hit.doc_id, rank)
    return tuple(
        sorted(
            result.hits,
            key=lambda h: (best_rank[h.doc_id], h.paragraph if h.paragraph else -1, h.section_id),
        )
    )


@dataclass
class SearchState:
    """The active search: its result, the hits in reading order, and the current one."""

    result: SearchResult
    hits: tuple[Hit, ...] = ()
    current: int = -1
    """Index into :attr:`hits` of the hit shown in the reader; -1 before the first jump."""
    walking: bool = True
    """Whether n / N step through the hits; False once another document was opened from
    somewhere other than the results (the walk is scoped to what the results opened)."""
    ended_by: str = ""
    """Where the document that ended the walk was opened from ("library", "palette"...)."""
    wrapped: str = ""
    """After :meth:`step`: "BOTTOM" or "TOP" when the step went round the end, else ""."""

    @classmethod
    def of(cls, result: SearchResult) -> SearchState:
        return cls(result=result, hits=reading_order(result))

    @property
    def terms(self) -> tuple[str, ...]:
        return self.result.terms

    def counter(self) -> str:
        """The "k/N" counter: current hit (1-based) over all matches in the library."""
        total = max(self.result.total, len(self.hits))
        k = self.current + 1 if self.current >= 0 else 0
        return f"{k}/{total}"

    def step(self, delta: int) -> Hit | None:
        """Move to the next (+1) or previous (-1) hit, wrapping around; None when there are none.

        :attr:`wrapped` says whether this step went past the last (or first) hit.
        """
        self.wrapped = ""
        if not self.hits:
            return None
        if self.current < 0:
            self.current = 0 if delta > 0 else len(self.hits) - 1
        else:
            moved = self.current + delta
            if moved >= len(self.hits):
                self.wrapped = "BOTTOM"
            elif moved < 0:
                self.wrapped = "TOP"
            self.current = moved % len(self.hits)
        self.walking = True
        return self.hits[self.current]

    def extended(self, result: SearchResult) -> SearchState:
        """This search's state with ``result`` (the same query with more hits): the current hit
        and the walk carried over, the current hit found again in the longer reading order."""
        state = SearchState.of(result)
        state.walking, state.ended_by = self.walking, self.ended_by
        if 0 <= self.current < len(self.hits):
            state.current = state.index_of(self.hits[self.current])
        return state

    def index_of(self, hit: Hit) -> int:
        """The index of ``hit`` (the same row: document, section, paragraph) in :attr:`hits`,
        or -1."""
        key = (hit.doc_id, hit.section_id, hit.paragraph)
        for i, h in enumerate(self.hits):
            if (h.doc_id, h.section_id, h.paragraph) == key:
                return i
        return -1

    def wrap_notice(self) -> str:
        """What less says after a wrapped step, or "" when the step did not wrap."""
        if self.wrapped == "BOTTOM":
            return "search hit BOTTOM, continuing at TOP"
        if self.wrapped == "TOP":
            return "search hit TOP, continuing at BOTTOM"
        return ""

    def section_counts(self, doc_id: str) -> dict[str, int]:
        """section_id -> matching paragraphs directly in it, for one document."""
        counts = {sid: n for (did, sid), n in self.result.per_section.items() if did == doc_id}
        if not counts:
            for hit in self.hits:
                if hit.doc_id == doc_id:
                    counts[hit.section_id] = counts.get(hit.section_id, 0) + 1
        return counts


@dataclass(frozen=True)
class Outline:
    """What the command palette needs of a document: its label and its titled sections."""

    doc_id: str
    label: str
    sections: tuple[tuple[str, str], ...]
    """(section id, "一、… › （三）…" path) of every titled section, in document order."""

    @classmethod
    def of(cls, doc: Document) -> Outline:
        sections = tuple((s.id, " › ".join(doc.section_path(s.id))) for s in doc.walk() if s.title)
        return cls(doc.id, document_label(doc), sections)


@dataclass
class Session:
    """What every screen shares: the library, index and search state, the palette's outlines."""

    home: Path
    given_library: Any = None
    """A library object passed in (tests pass stand-ins); else one is made on first use."""
    search: SearchState | None = None
    index_ready: bool = False
    outlines: dict[str, Outline] = field(default_factory=dict)
    """Sections of the documents read or preloaded (most recently read last)."""
    _lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def library(self) -> Any:
        """The :class:`reporttui.core.library.library.Library`, imported and made on first use.

        Importing it pulls in Whoosh; the first access happens in a worker, after the first paint.
        """
        if self.given_library is None:
            with self._lock:
                if self.given_library is None:
                    from reporttui.core.library.library import Library

                    self.given_library = Library(self.home, max_workers=1)
        return self.given_library

    def document(self, doc_id: str) -> Document:
        """Load a document (the library caches the last few); remember its sections."""
        doc: Document = self.library.load(doc_id)
        self.remember(doc)
        return doc

    def cached_document(self, doc_id: str) -> Document | None:
        """The document if the library has it parsed already (no file read: safe on the UI
        thread), else None."""
        if self.given_library is None:
            return None
        doc: Document | None = self.given_library.cached(doc_id)
        return doc

    def remember(self, doc: Document) -> None:
        """Offer ``doc``'s sections in the palette (thread-safe; most recent last)."""
        outline = self.outlines.get(doc.id) or Outline.of(doc)
        with self._lock:
            self.outlines.pop(doc.id, None)
            self.outlines[doc.id] = outline

    def recent_outlines(self, first: str | None = None) -> list[Outline]:
        """Outlines, most recently read first; ``first`` (the open document) at the top."""
        with self._lock:
            found = list(reversed(self.outlines.values()))
        if first is not None:
            found.sort(key=lambda o: o.doc_id != first)
        return found


def grouped_order(hits: Sequence[Hit]) -> list[int]:
    """Hit indices grouped by document, then section, each group placed at its best hit's rank.

    Documents come in the order of their best hit, sections within a document likewise, hits
    within a section by rank: a section header is shown once however the ranks interleave.
    """
    doc_rank: dict[str, int] = {}
    sec_rank: dict[tuple[str, tuple[str, ...]], int] = {}
    for i, hit in enumerate(hits):
        doc_rank.setdefault(hit.doc_id, i)
        sec_rank.setdefault((hit.doc_id, hit.section_path), i)
    return sorted(
        range(len(hits)),
        key=lambda i: (
            doc_rank[hits[i].doc_id],
            sec_rank[(hits[i].doc_id, hits[i].section_path)],
            i,
        ),
    )
