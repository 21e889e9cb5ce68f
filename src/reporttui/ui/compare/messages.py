"""Messages of the compare screens: small typed classes the app (or the screen itself) handles."""

from __future__ import annotations

from typing import Any

from textual.message import Message


class OpenSection(Message):
    """Ask the app to show ``section_id`` of ``doc_id`` in the reader."""

    def __init__(self, doc_id: str, section_id: str, paragraph: int = 0) -> None:
        super().__init__()
        self.doc_id = doc_id
        self.section_id = section_id
        self.paragraph = paragraph
        """The paragraph to put the cursor on (0: the section's heading)."""


class ComparisonReady(Message):
    """A worker finished aligning two documents (``comparison`` is a core Comparison)."""

    def __init__(self, comparison: Any, entries: list[Any]) -> None:
        super().__init__()
        self.comparison = comparison
        self.entries = entries


class TargetsReady(Message):
    """A worker finished extracting the indicators of some documents."""

    def __init__(
        self, documents: list[Any], table: Any, sections: dict[tuple[str, int], str] | None = None
    ) -> None:
        super().__init__()
        self.documents = documents
        self.table = table
        self.sections = sections or {}
        """(doc id, offset of a figure) -> id of the section holding it."""


class KeywordsReady(Message):
    """A worker finished counting terms (``stats`` is a :class:`KeywordStats`)."""

    def __init__(self, stats: Any) -> None:
        super().__init__()
        self.stats = stats


class WorkFailed(Message):
    """A worker failed with a user-facing one-line message."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text
