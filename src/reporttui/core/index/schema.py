"""The Whoosh schema of the library index, its fingerprint, and the rows documents become.

One index document ("row") per body paragraph and per titled heading. Rows are plain dicts of
strings, ints and tuples, so worker processes can build them and pickle them to the writer.
Indexing runs no jieba: the words that rank (jieba's words of the query) get their statistics
from the exact field at query time (core/index/matcher.py). Everything a :class:`~reporttui.core.search.results.Hit` needs is stored, so search
never needs the Document.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from whoosh.fields import ID, NUMERIC, STORED, Schema

from reporttui.core.index.tokenize import TOKENIZER_VERSION, BigramField, JiebaField

if TYPE_CHECKING:  # process (issue 11): the model's dataclasses are no search's (~4 ms)
    from reporttui.core.model import Document

SCHEMA_VERSION = 13
"""Bump whenever fields or row contents change: the library rebuilds on a new fingerprint."""

SECTION_SEPARATOR = " > "

BIGRAM_FIELD = "bg"
"""Exact-match field: unit unigrams and bigrams with positions (see core/tokenize.py). Not a
Whoosh field: its postings are the project's own (core/index/postings.py); a row carries its
text under this key for the writer."""
JIEBA_FIELD = "jb"
"""The ranking-only field of jieba words of schema 8 and before (kept for the legacy schema of
the comparison tests); no longer written: ranking words are read from ``bg``."""
OWN_FIELDS = (BIGRAM_FIELD,)
"""Row keys that go to the project's postings instead of Whoosh."""
SECTION_FIELD = "section_path"
"""The section path, stored (Whoosh) and unit-indexed in the project's postings as
:data:`SECTION_POSTINGS` for ``section:`` filters."""
SECTION_POSTINGS = "sp"
"""Postings field of the section path (same units and bigrams as ``bg``)."""
ROLE_FIELD = "role"
"""Ranking (core/search/ranking.py): what the row is, ``heading``/``note``/``appended``; absent for
a body paragraph. A Whoosh column, so search reads it for every candidate without the stored text."""
FACTS_KEY = "facts"
"""storage (issue 11): the row key column (core/index/postings.py) of each row's query-independent
ranking figures, :func:`reporttui.core.search.ranking.row_facts` of its stored text and role,
encoded; written by the indexer (schema 13), read by search for the rows it reranks."""


def make_schema(legacy: bool = False) -> Schema:
    """The Whoosh schema (no term vectors; only what search and Hit need is stored).

    ``legacy``: the previous format, with ``bg``/``jb`` inverted by Whoosh (kept only for the
    old-versus-new comparison test until that path is removed).
    """
    if legacy:
        return Schema(
            doc_id=ID(stored=True, sortable=True),
            path=STORED(),
            title=STORED(),
            region=ID(stored=True),
            year=NUMERIC(int, bits=32, stored=True, signed=False),
            kind=ID(stored=True),
            section_id=ID(stored=True, sortable=True),
            section_path=BigramField(stored=True, scorable=False),
            paragraph=STORED(),
            text=STORED(),
            bg=BigramField(),
            jb=JiebaField(),
            role=ID(sortable=True),
        )
    return Schema(
        doc_id=ID(stored=True, sortable=True),
        path=STORED(),
        title=STORED(),
        region=ID(stored=True),
        year=NUMERIC(int, bits=32, stored=True, signed=False),
        kind=ID(stored=True),
        section_id=ID(stored=True, sortable=True),
        section_path=STORED(),
        paragraph=STORED(),
        text=STORED(),
        role=ID(sortable=True),
    )


def fingerprint(home: Path | None = None) -> str:
    """A short hash of schema version + tokenizer: what decides the index's contents.

    The library stores it with the index and rebuilds when it differs. jieba, the user's
    ``dict.txt`` and the stop list are not in it: they only decide how a query is segmented
    (the query-word cache, core/index/querywords.py, has its own fingerprint of them), so
    editing the dictionary takes effect at the next search without a rebuild. ``home`` is
    accepted for callers; nothing of it counts.
    """
    h = hashlib.sha1()
    h.update(f"schema={SCHEMA_VERSION};tok={TOKENIZER_VERSION};".encode())
    return h.hexdigest()[:16]


def document_rows(doc: Document, home: Path | None = None) -> Iterator[dict[str, Any]]:
    """One row per body paragraph and per heading whose title is in the text.

    ``kind == "lead"`` headings are skipped (their title is the opening of their first
    paragraph, already indexed there). Headings get ``paragraph == 0``. ``home`` is
    accepted for callers (rows no longer depend on its dictionary).
    """
    common: dict[str, Any] = {"doc_id": doc.id, "path": doc.path, "title": doc.title}
    if doc.region:
        common["region"] = doc.region
    if doc.year is not None:
        common["year"] = int(doc.year)
    if doc.kind:
        common["kind"] = doc.kind

    def walk(sections: tuple[Any, ...], trail: tuple[str, ...]) -> Iterator[dict[str, Any]]:
        for s in sections:
            here = trail + ((s.title,) if s.title else ())
            section_path = SECTION_SEPARATOR.join(here)
            part = getattr(s, "part", "main")
            if s.title and s.title_start >= 0 and s.kind != "lead":
                yield _row(common, s.id, section_path, 0, s.title, part)
            for p in s.paragraphs:
                yield _row(common, s.id, section_path, p.number, p.text, part)
            yield from walk(s.children, here)

    yield from walk(doc.sections, ())


def _row(
    common: dict[str, Any],
    section_id: str,
    section_path: str,
    number: int,
    text: str,
    part: str = "main",
) -> dict[str, Any]:
    from reporttui.core.search.ranking import ROLE_BODY, row_role

    row = dict(common)
    row.update(
        section_id=section_id,
        paragraph=number,
        text=text,
        bg=text,
    )
    if section_path:
        row["section_path"] = section_path
    role = row_role(text, section_path, number == 0, part)
    if role != ROLE_BODY:
        row[ROLE_FIELD] = role
    return row
