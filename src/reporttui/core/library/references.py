"""The library's documents: listing them, loading one, and resolving what a user names
(a path, an id or its prefix, region+year such as 太原2025) to a document."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from reporttui.core.errors import ReportError
from reporttui.core.library.base import LibraryBase
from reporttui.core.library.catalog import (
    LibraryEntry,
)
from reporttui.core.library.faults import size_problem
from reporttui.core.paths import seed_files


def _candidates(entries: list[Any]) -> str:
    """The first five of several documents a reference matches, each with what tells it from
    the others: its id, region, year and title, and its file (two copies of one report read the
    same otherwise: "太原2025" in a library holding 太原市/2025.md and a seed of it)."""
    from reporttui.core.labels import document_label, source_label

    names = [
        f"{e.id} {document_label(e, title=True)} ({source_label(e.path)})" for e in entries[:5]
    ]
    more = f"; and {len(entries) - 5} more" if len(entries) > 5 else ""
    return "; ".join(names) + more


DOC_CACHE = 16


class References(LibraryBase):
    """Listing, loading and naming documents (a part of ``Library``)."""

    def _seed_entries_parsed(self) -> list[LibraryEntry]:
        """Entries of the bundled seeds, parsed in memory (used before the first index)."""
        if self._seed_entries is None:
            from reporttui.core.index import indexer  # query: lazily (multiprocessing)

            entries = []
            for path in seed_files():
                doc, loaded = indexer._load_one(path.resolve(), True)
                if loaded.entry is not None:
                    entries.append(loaded.entry)
                    self._remember(doc)
            self._seed_entries = entries
        return self._seed_entries

    def entries(self) -> list[LibraryEntry]:
        """Every document of the library, from the catalogue (bundled seeds always included)."""
        catalog = self._catalog()
        entries = catalog.entries()
        have = {e.id for e in entries}
        if not any(e.bundled for e in entries):
            entries = [e for e in self._seed_entries_parsed() if e.id not in have] + entries
        return entries

    def _entry(self, doc_id: str) -> LibraryEntry | None:
        for entry in self.entries():
            if entry.id == doc_id:
                return entry
        return self._transient.get(doc_id)

    def _remember(self, doc: Any) -> None:
        with self._docs_lock:
            self._docs[doc.id] = doc
            self._docs.move_to_end(doc.id)
            while len(self._docs) > DOC_CACHE:
                self._docs.popitem(last=False)

    def cached(self, doc_id: str) -> Any:
        """The parsed document if it is in the cache, else None (never reads a file)."""
        with self._docs_lock:
            return self._docs.get(doc_id)

    def load(self, doc_id: str) -> Any:
        """The parsed :class:`~reporttui.core.model.Document` (LRU-cached).

        If the source changed since it was indexed, the current content is returned (its id
        differs); ReportError when the document is unknown or its file is gone.
        """
        with self._docs_lock:
            doc = self._docs.get(doc_id)
            if doc is not None:
                self._docs.move_to_end(doc_id)
                return doc
        entry = self._entry(doc_id)
        if entry is None:
            raise ReportError(f"no document {doc_id!r} in the library at {self.home}")
        from reporttui.core.text.boilerplate import load_keys
        from reporttui.core.text.ingest import load_document

        path = Path(entry.path)
        if not path.exists():
            raise ReportError(f"{path} is gone (run `reporttui index` to update the library)")
        doc = load_document(path, load_keys(self.home))  # as indexed: the same boilerplate
        self._remember(doc)
        with self._docs_lock:
            self._docs[doc_id] = doc
        return doc

    def resolve(self, ref: str) -> LibraryEntry:
        """Find a document by path, id (or unique id prefix), or region+year ("太原2025").

        A path to a file outside the library is loaded and usable for this session.
        """
        ref = ref.strip()
        if not ref:
            raise ReportError("empty document reference")
        entries = self.entries() + list(self._transient.values())
        path = Path(ref).expanduser()
        if path.is_file():
            resolved = str(path.resolve())
            for entry in entries:
                if entry.path == resolved:
                    return entry
            too_big = size_problem(path, path.stat().st_size)
            if too_big:
                raise ReportError(too_big)
            from reporttui.core.index import indexer

            doc, loaded = indexer._load_one(path.resolve(), False)
            if loaded.entry is None:
                raise ReportError(loaded.error or f"cannot load {path}")
            for entry in entries:  # the same content under another path
                if entry.id == loaded.entry.id:
                    return entry
            self._transient[loaded.entry.id] = loaded.entry
            self._remember(doc)
            return loaded.entry
        lowered = ref.lower()
        by_id = [e for e in entries if e.id == lowered]
        if by_id:
            return by_id[0]
        if re.fullmatch(r"[0-9a-f]{4,40}", lowered):
            prefixed = {e.id: e for e in entries if e.id.startswith(lowered[:12])}
            if len(prefixed) == 1:
                return next(iter(prefixed.values()))
            if len(prefixed) > 1:
                raise ReportError(f"{ref!r} matches {len(prefixed)} documents; give more of the id")
        match = re.fullmatch(r"\s*(.*?)\s*((?:19|20)\d\d)\s*年?\s*(.*?)\s*", ref)
        if match and (match.group(1) or match.group(3)):
            place, year = match.group(1) or match.group(3), int(match.group(2))
            found = [
                e
                for e in entries
                if e.year == year and ((e.region and place in e.region) or place in e.title)
            ]
            if len(found) == 1:
                return found[0]
            if len(found) > 1:
                names = _candidates(found)
                raise ReportError(f"{ref!r} matches {len(found)} documents: {names}")
        # a region named short (太原 for 太原市) is that region's documents, so that `太原`
        # is ambiguous among them, not the one other report whose title says 太原 (ux r16)
        titled = [e for e in entries if ref in e.title or (e.region and ref in e.region)]
        if len(titled) == 1:
            return titled[0]
        if len(titled) > 1:
            names = _candidates(titled)
            raise ReportError(
                f"{ref!r} matches {len(titled)} documents (add a year, as in {ref}2025, or give"
                f" an id): {names}"
            )
        if path.is_dir():
            raise ReportError(f"{ref} is a folder: name one report file (or add the folder first)")
        if path.exists() or "/" in ref or ref.endswith((".txt", ".md")):
            raise ReportError(f"{ref}: no such file")
        raise ReportError(f"no document matches {ref!r} (try a path, an id, or e.g. 太原2025)")
