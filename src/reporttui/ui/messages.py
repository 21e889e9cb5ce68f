"""Small typed messages that workers post to the app (workers never touch widgets)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.message import Message

if TYPE_CHECKING:
    from reporttui.core.model import Document
    from reporttui.core.search.results import SearchResult


class EntriesLoaded(Message):
    """The library's document list is known (or known again, after indexing)."""

    def __init__(self, entries: list[Any]) -> None:
        super().__init__()
        self.entries = entries


class IndexProgress(Message):
    """Indexing has advanced; consecutive progress messages replace each other."""

    def __init__(self, done: int, total: int, label: str) -> None:
        super().__init__()
        self.done = done
        self.total = total
        self.label = label

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, IndexProgress)


class IndexReady(Message):
    """The index is usable; ``error`` is a one-line reason when preparing it failed."""

    def __init__(self, error: str | None = None) -> None:
        super().__init__()
        self.error = error


class SearchDone(Message):
    """A search finished; ``serial`` tells the newest query from a stale one. ``more``: this
    is the first screenful, the result with every hit follows (same serial)."""

    def __init__(
        self,
        serial: int,
        query: str,
        result: SearchResult | None,
        error: str | None,
        more: bool = False,
    ) -> None:
        super().__init__()
        self.serial = serial
        self.query = query
        self.result = result
        self.error = error
        self.more = more


class DocumentLoaded(Message):
    """A document is loaded and can be shown, scrolled to ``paragraph`` of ``section_id``."""

    def __init__(
        self, doc: Document | None, section_id: str | None, paragraph: int, error: str | None
    ) -> None:
        super().__init__()
        self.doc = doc
        self.section_id = section_id
        self.paragraph = paragraph
        self.error = error
