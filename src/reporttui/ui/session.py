"""The app's reading state, free of widgets: the library, a document cache, the active search.

Kept apart from Textual so the hit order and stepping logic (n / N) are plain code that the
screens share and tests can check directly.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reporttui.core.search.results import Hit, SearchResult

if TYPE_CHECKING:
    from reporttui.core.model import Document

SEARCH_LIMIT = 500
"""Hits fetched per query: enough to step through, small enough to list at once."""


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
        """Move to the next (+1) or previous (-1) hit, wrapping around; None when there are none."""
        if not self.hits:
            return None
        if self.current < 0:
            self.current = 0 if delta > 0 else len(self.hits) - 1
        else:
            self.current = (self.current + delta) % len(self.hits)
        return self.hits[self.current]

    def section_counts(self, doc_id: str) -> dict[str, int]:
        """section_id -> matching paragraphs directly in it, for one document."""
        counts = {sid: n for (did, sid), n in self.result.per_section.items() if did == doc_id}
        if not counts:
            for hit in self.hits:
                if hit.doc_id == doc_id:
                    counts[hit.section_id] = counts.get(hit.section_id, 0) + 1
        return counts


@dataclass
class Session:
    """What every screen shares: the library, a small document cache, index and search state."""

    home: Path
    given_library: Any = None
    """A library object passed in (tests pass stand-ins); else one is made on first use."""
    search: SearchState | None = None
    index_ready: bool = False
    outlines: dict[str, Document] = field(default_factory=dict)
    """Documents loaded in the background so the palette can offer all their sections."""
    _cache: OrderedDict[str, Document] = field(default_factory=OrderedDict)
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
        """Load a document through the library, keeping the last few in memory (thread-safe)."""
        with self._lock:
            doc = self._cache.get(doc_id)
            if doc is not None:
                self._cache.move_to_end(doc_id)
                return doc
        doc = self.library.load(doc_id)
        with self._lock:
            self._cache[doc_id] = doc
            while len(self._cache) > 12:
                self._cache.popitem(last=False)
        return doc

    def cached_documents(self) -> list[Document]:
        """Recently read documents, then the preloaded outlines (each document once)."""
        with self._lock:
            docs = list(self._cache.values())
        seen = {d.id for d in docs}
        docs += [d for d in list(self.outlines.values()) if d.id not in seen]
        return docs
