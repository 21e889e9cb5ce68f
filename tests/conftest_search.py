"""Shared helpers for the search tests: build a small index in memory, load the seeds.

Deliberately independent of the library code (core/library.py): the search core is tested on
its own, with rows from :func:`reporttui.core.index.schema.document_rows`.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from typing import Any

from whoosh.index import Index

from reporttui.core.index.schema import document_rows, make_schema
from reporttui.core.model import Document, Paragraph, Section
from reporttui.core.paths import seed_files


def build_index(docs: Iterable[Document]) -> Index:
    """An in-memory index of ``docs``."""
    from reporttui.core.index.indexer import open_writer, ram_storage

    ix = ram_storage().create_index(make_schema())
    writer = open_writer(ix)
    for doc in docs:
        writer.add_rows(document_rows(doc))
    writer.commit()
    return ix


def make_doc(
    doc_id: str,
    paragraphs: list[str],
    *,
    region: str | None = "古交市",
    year: int | None = 2025,
    kind: str | None = "政府工作报告",
    heading: str = "一、总体要求",
) -> Document:
    """A one-section document built by hand: ``heading`` then the paragraphs."""
    text_parts = [heading]
    pos = len(heading) + 1
    paras = []
    for n, p in enumerate(paragraphs, 1):
        paras.append(Paragraph(n, p, pos, "s1"))
        text_parts.append(p)
        pos += len(p) + 1
    section = Section("s1", heading, 1, "numbered", tuple(paras), (), 0)
    return Document(
        id=doc_id,
        path=f"/tmp/{doc_id}.txt",
        title=f"{region} {year} {kind}",
        region=region,
        year=year,
        kind=kind,
        date=None,
        text="\n".join(text_parts),
        sections=(section,),
    )


@functools.lru_cache(maxsize=1)
def seed_documents() -> tuple[Document, ...]:
    """The five bundled reports, loaded as the library loads them."""
    from reporttui.core.text.ingest import load_document

    return tuple(load_document(p) for p in seed_files())


@functools.lru_cache(maxsize=1)
def seed_index() -> Index:
    return build_index(seed_documents())


def index_batches(batches: Sequence[Sequence[dict[str, Any]]], delete: Iterable[str] = ()) -> Index:
    """A RAM index of the current format: one segment per batch of rows (each committed by the
    project's writer), then the ``delete`` documents deleted in one more commit."""
    from reporttui.core.index.indexer import open_writer, ram_storage

    ix = ram_storage().create_index(make_schema())
    for rows in batches:
        w = open_writer(ix)
        w.add_rows(dict(r) for r in rows)
        w.commit()
    if delete:
        w = open_writer(ix)
        for d in delete:
            w.delete_document(d)
        w.commit()
    return ix


def assert_same_matches(a: Any, b: Any) -> None:
    """Two matcher results are the same: rows, scores bit for bit, counts and first positions."""
    assert a.rows.tolist() == b.rows.tolist()
    assert a.score.tobytes() == b.score.tobytes()
    assert a.word_score.tobytes() == b.word_score.tobytes()
    assert a.count.tolist() == b.count.tolist()
    assert a.first.tolist() == b.first.tolist()
