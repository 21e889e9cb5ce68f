"""The Whoosh schema of the library index, its fingerprint, and the rows documents become.

One index document ("row") per body paragraph and per titled heading. Rows are plain dicts of
strings, ints and tuples, so worker processes can build them (jieba included) and pickle them
to the writer. Everything a :class:`~reporttui.core.search.results.Hit` needs is stored, so search
never needs the Document.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from whoosh.fields import ID, NUMERIC, STORED, Schema

from reporttui.core.index import dictionary
from reporttui.core.index.tokenize import TOKENIZER_VERSION, BigramField, JiebaField, jieba_words
from reporttui.core.model import Document

SCHEMA_VERSION = 8
"""Bump whenever fields or row contents change: the library rebuilds on a new fingerprint."""

SECTION_SEPARATOR = " > "

BIGRAM_FIELD = "bg"
"""Exact-match field: unit unigrams and bigrams with positions (see core/tokenize.py). Not a
Whoosh field: its postings are the project's own (core/index/postings.py); a row carries its
text under this key for the writer."""
JIEBA_FIELD = "jb"
"""Ranking-only field: jieba search-mode words, no positions (postings.py, like ``bg``)."""
OWN_FIELDS = (BIGRAM_FIELD, JIEBA_FIELD)
"""Row keys that go to the project's postings instead of Whoosh."""
SECTION_FIELD = "section_path"
"""The section path, stored (Whoosh) and unit-indexed in the project's postings as
:data:`SECTION_POSTINGS` for ``section:`` filters."""
SECTION_POSTINGS = "sp"
"""Postings field of the section path (same units and bigrams as ``bg``)."""
ROLE_FIELD = "role"
"""Ranking (core/search/ranking.py): what the row is, ``heading``/``note``/``appended``; absent for
a body paragraph. A Whoosh column, so search reads it for every candidate without the stored text."""


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
    """A short hash of schema version + tokenizer + jieba + dictionary/stop list of ``home``.

    The library stores it with the index and rebuilds when it differs.
    """
    from reporttui.core.index.versions import constant

    jieba_version = constant("jieba", "__version__", home)  # query: without importing jieba
    h = hashlib.sha1()
    h.update(f"schema={SCHEMA_VERSION};tok={TOKENIZER_VERSION};jieba={jieba_version};".encode())
    h.update(dictionary.fingerprint(home).encode())
    return h.hexdigest()[:16]


def document_rows(doc: Document, home: Path | None = None) -> Iterator[dict[str, Any]]:
    """One row per body paragraph and per heading whose title is in the text.

    ``kind == "lead"`` headings are skipped (their title is the opening of their first
    paragraph, already indexed there). Headings get ``paragraph == 0``. Runs jieba (with the
    dictionary of ``home``), so call it where the CPU time should go (a worker process).
    """
    dictionary.prepare_jieba(home)
    stop = dictionary.stopwords(home)
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
                yield _row(common, s.id, section_path, 0, s.title, stop, part)
            for p in s.paragraphs:
                yield _row(common, s.id, section_path, p.number, p.text, stop, part)
            yield from walk(s.children, here)

    yield from walk(doc.sections, ())


def _row(
    common: dict[str, Any],
    section_id: str,
    section_path: str,
    number: int,
    text: str,
    stop: frozenset[str],
    part: str = "main",
) -> dict[str, Any]:
    from reporttui.core.search.ranking import ROLE_BODY, row_role

    row = dict(common)
    row.update(
        section_id=section_id,
        paragraph=number,
        text=text,
        bg=text,
        jb=tuple(jieba_words(text, stop)),
    )
    if section_path:
        row["section_path"] = section_path
    role = row_role(text, section_path, number == 0, part)
    if role != ROLE_BODY:
        row[ROLE_FIELD] = role
    return row
