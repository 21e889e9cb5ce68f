"""The ``tag:NAME`` search filter: rows of the index that are tagged passages (tags store).

The tags store (:mod:`reporttui.core.library.tags`) says which documents hold passages tagged
NAME and, for each, the passage's anchor (the hash of its letters and digits) and paragraph
number. :class:`TaggedRows` matches an index row of such a document when the row's stored text
has one of those anchors (so it works even before the store was reconciled after a rebuild),
or, for a passage flagged as changed, when its paragraph number is the one last found.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from whoosh import query as wq
from whoosh.matching import ListMatcher, NullMatcher

from reporttui.core.library.tags import CHANGED, TagStore, anchor_hash

Wanted = dict[str, tuple[frozenset[str], frozenset[int]]]
"""doc id -> (anchors, paragraph numbers of passages flagged as changed)."""


def tagged_rows(home: Path | None, names: tuple[str, ...]) -> Wanted:
    """What ``tag:NAME`` (any of ``names``) selects, read from the tags store in ``home``."""
    if home is None:
        return {}
    store = TagStore(home)
    try:
        anchors: dict[str, set[str]] = {}
        numbers: dict[str, set[int]] = {}
        for name in names:
            for p in store.passages(name.lstrip("#")):
                anchors.setdefault(p.doc_id, set()).add(p.anchor)
                numbers.setdefault(p.doc_id, set())
                if p.status == CHANGED:
                    numbers[p.doc_id].add(p.paragraph)
    finally:
        store.close()
    return {d: (frozenset(a), frozenset(numbers.get(d, ()))) for d, a in anchors.items()}


class TaggedRows(wq.Query):
    """Matches index rows that are tagged passages (constant score; used as a filter)."""

    def __init__(self, wanted: Wanted) -> None:
        self.wanted = wanted

    def __repr__(self) -> str:
        return f"TaggedRows({sum(len(a) for a, _ in self.wanted.values())} passages)"

    def __unicode__(self) -> str:
        return repr(self)

    __str__ = __unicode__

    def __eq__(self, other: object) -> bool:
        return isinstance(other, TaggedRows) and other.wanted == self.wanted

    def __hash__(self) -> int:
        return hash(tuple(sorted(self.wanted)))

    def is_leaf(self) -> bool:
        return True

    def estimate_size(self, ixreader: Any) -> int:
        return sum(len(a) + len(n) for a, n in self.wanted.values())

    def matcher(self, searcher: Any, context: Any = None) -> Any:
        ids: list[int] = []
        for doc_id, (anchors, numbers) in self.wanted.items():
            for docnum in wq.Term("doc_id", doc_id).docs(searcher):
                stored = searcher.stored_fields(docnum)
                number = int(stored.get("paragraph") or 0)
                if not number:
                    continue
                if number in numbers or anchor_hash(stored.get("text", "")) in anchors:
                    ids.append(docnum)
        if not ids:
            return NullMatcher
        return ListMatcher(sorted(ids))


def tag_filter(home: Path | None, names: tuple[str, ...], other: wq.Query | None) -> wq.Query:
    """``other`` (the query's other filters, may be None) AND the tagged rows."""
    rows: wq.Query = TaggedRows(tagged_rows(home, names))
    return rows if other is None else wq.And([other, rows])
