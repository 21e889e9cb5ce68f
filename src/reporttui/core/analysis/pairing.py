"""Which document to set against another when the user chose only one (compare's side B)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Protocol


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


def likely_partners(doc_id: str, entries: list[Any]) -> list[Any]:
    """Entries ordered for picking the other side: same region next year, previous year, then
    the rest of the region by year, then everything else."""
    me = next((e for e in entries if e.id == doc_id), None)
    others = [e for e in entries if e.id != doc_id]
    if me is None:
        return others

    def rank(e: Any) -> tuple[int, int, str]:
        same = bool(me.region) and e.region == me.region
        if same and me.year and e.year == me.year + 1:
            return (0, 0, "")
        if same and me.year and e.year == me.year - 1:
            return (1, 0, "")
        if same:
            return (2, -(e.year or 0), "")
        return (3, 0, f"{e.region or ''}{e.year or ''}")

    return sorted(others, key=rank)
