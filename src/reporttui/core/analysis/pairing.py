"""Which document to set against another when the user chose only one (compare's side B)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol


class _Entry(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def region(self) -> str | None: ...
    @property
    def year(self) -> int | None: ...


def default_partner(entries: Sequence[_Entry], doc_id: str | None) -> str | None:
    """The document to set against ``doc_id`` when none was chosen.

    Another region's report of the same year first (what do others plan?), then the same
    region's other year (what changed?), then any other document; ``doc_id`` itself when alone.
    """
    this = next((e for e in entries if e.id == doc_id), None)
    others = [e for e in entries if e.id != doc_id]
    if this is not None:
        rules: tuple[Callable[[_Entry], bool], ...] = (
            lambda e: e.year == this.year and e.region != this.region,
            lambda e: e.region == this.region and e.year != this.year,
        )
        for better in rules:
            found = [e for e in others if better(e)]
            if found:
                return found[0].id
    return others[0].id if others else doc_id
