"""Sync planning: what the library's roots hold now against what the catalogue and the index
record, and so what a sync must index, keep, drop or re-hash."""

from __future__ import annotations

import errno
import hashlib
import os
import stat
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from reporttui.core.library.base import LibraryBase
from reporttui.core.library.catalog import (
    Catalog,
    FailedRecord,
    LibraryEntry,
    SourceRecord,
)
from reporttui.core.library.faults import _recent_failure, size_problem
from reporttui.core.library.scancache import scan_root_cached, scan_root_strings
from reporttui.core.library.searching import IndexDamaged
from reporttui.core.paths import index_dir, seed_files

LIBRARY_FORMAT = "library-1"
"""Bumped when what the library writes into the index changes in a way the fingerprint misses."""


def _chars_of(path: Path) -> int:
    """The cleaned text's length of one source (0 when it no longer loads)."""
    from reporttui.core.text.ingest import load_document

    try:
        return len(load_document(path).text)
    except Exception:
        return 0


def _sha1_file(path: Path) -> str:
    """SHA-1 of a regular file. Opened non-blocking and checked first: a FIFO that replaced a
    report since the folder was scanned must not hang the writer (which holds the lock)."""
    digest = hashlib.sha1()
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    with os.fdopen(fd, "rb") as f:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError(errno.EINVAL, "not a regular file", str(path))
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


@dataclass
class _Plan:
    """The work a sync found: what to (re)index, what to drop, what to keep."""

    keep: dict[str, SourceRecord]
    index: list[tuple[Path, bool]]
    copies: dict[str, tuple[str, bool]]
    """path -> (id, bundled): sources identical to another source, indexed once."""
    drop_ids: set[str]
    failed: dict[str, FailedRecord]
    added: list[str]
    updated: list[str]
    removed: list[str]
    restat: dict[str, tuple[float, int]]


def _boilerplate_digest(home: Path) -> Callable[[], str]:
    """The digest of ``home``'s boilerplate keys ("" with none), computed when called."""

    def compute() -> str:
        from reporttui.core.text import boilerplate

        keys = boilerplate.load_keys(home)
        return boilerplate.digest(keys) if keys else ""

    return compute


class Planning(LibraryBase):
    """Change detection and the plan of a sync (a part of ``Library``)."""

    def fingerprint(self) -> str:
        """Fingerprint of everything that shapes the index; a change means rebuild."""
        from reporttui.core.index import schema
        from reporttui.core.index.versions import constant, derived, module_file

        parts = [LIBRARY_FORMAT, schema.fingerprint(self.home)]
        # query (issue 11): read without importing the ingestion pipeline when cached
        parts.append(constant("reporttui.core.text.ingest", "INGEST_VERSION", self.home))
        # inputs (issue 9): documents are parsed with the library's boilerplate. query (issue
        # 11): its digest is cached while the store and boilerplate.py are unchanged (importing
        # boilerplate compiles its patterns: ~15 ms of a one-shot search).
        module = "reporttui.core.text.boilerplate"
        store = str(self.home / "boilerplate.json")  # boilerplate.STORE_NAME (a test checks)
        source = module_file(module)
        digest = derived(
            self.home,
            f"{module}:digest",
            [store, source] if source else [],
            _boilerplate_digest(self.home),
        )
        if digest:
            parts.append("boilerplate " + digest)
        return hashlib.sha1("\0".join(parts).encode()).hexdigest()[:16]

    def _sources(
        self, catalog: Catalog, problems: list[str] | None = None
    ) -> list[tuple[Path, bool]]:
        """Every source file now under the library's roots (seeds first), with its bundled flag;
        entries that cannot be sources (FIFOs, loops...) are skipped with a line in ``problems``."""
        seen: dict[Path, bool] = {p.resolve(): True for p in seed_files()}
        for root in catalog.roots:
            # query (issue 11): folders are listed only when one changed (cache/scan.json)
            for path in scan_root_cached(self.home, Path(root), problems):
                seen.setdefault(path, False)
        return list(seen.items())

    def _source_keys(self, catalog: Catalog) -> list[str]:
        """The paths of :meth:`_sources` as strings (the catalogue's keys), in the same order."""
        seen: dict[str, None] = {str(p.resolve()): None for p in seed_files()}
        for root in catalog.roots:
            for key in scan_root_strings(self.home, Path(root)):
                seen.setdefault(key, None)
        return list(seen)

    def _index_ok(self, catalog: Catalog) -> bool:
        if not catalog.index_name:
            return False
        folder = index_dir(self.home) / catalog.index_name
        return folder.is_dir() and any(folder.glob("_MAIN_*.toc"))

    def has_index(self) -> bool:
        """True when a committed index exists (searches work, even while a writer runs)."""
        return self._index_ok(self._catalog())

    def needs_indexing(self) -> bool:
        """True when a sync would change something: no index, new/changed/vanished files,
        a fingerprint change (schema, tokenizer, dictionary), or a damaged index."""
        catalog = self._catalog()
        failure = _recent_failure(self.home) if self._index_ok(catalog) else ""
        if failure:  # not retried on every search: `reporttui index` retries
            self._say_once(f"{failure} (searching the last committed index)")
            return False
        if not self._index_ok(catalog) or catalog.fingerprint != self.fingerprint():
            return True
        sources = self._source_keys(catalog)  # query (issue 11): strings, not Paths
        if len(sources) != len(catalog.sources) + len(catalog.failed):
            return True
        for key in sources:
            record = catalog.sources.get(key) or catalog.failed.get(key)
            if record is None:
                return True
            try:
                st = os.stat(key)
            except OSError:
                return True
            if st.st_mtime != record.mtime or st.st_size != record.size:
                return True
        try:  # through the shared searcher: the search that follows reuses what it read
            self._check_index(catalog.index_name, share=True)
        except IndexDamaged:
            return True
        return False

    def pending_bytes(self) -> int:
        """Bytes of the new and changed source files the committed index lacks (0 without an
        index or when the index must be rebuilt anyway). Lets a search go on with the
        committed index instead of waiting minutes for a very large file to be indexed."""
        catalog = self._catalog()
        if not self._index_ok(catalog) or catalog.fingerprint != self.fingerprint():
            return 0
        total = 0
        for path, _ in self._sources(catalog):
            key = str(path)
            record = catalog.sources.get(key) or catalog.failed.get(key)
            try:
                st = path.stat()
            except OSError:
                continue
            if record is None or st.st_mtime != record.mtime or st.st_size != record.size:
                total += st.st_size
        return total

    def _plan(self, catalog: Catalog, full: bool, missing: set[str] | None = None) -> _Plan:
        """What to index, keep and drop; ``missing``: ids whose rows were lost (re-indexed)."""
        missing = missing or set()
        keep: dict[str, SourceRecord] = {}
        to_index: dict[str, tuple[Path, bool]] = {}
        copies: dict[str, tuple[str, bool]] = {}
        failed: dict[str, FailedRecord] = {}
        added: list[str] = []
        updated: list[str] = []
        restat: dict[str, tuple[float, int]] = {}
        known_ids: dict[str, SourceRecord] = {}
        if not full:
            known_ids = {
                r.entry.id: r for r in catalog.sources.values() if r.entry.id not in missing
            }
        sources = self._sources(catalog, self._scan_problems)
        for path, bundled in sources:
            key = str(path)
            try:
                st = path.stat()
            except OSError:
                continue
            old = catalog.sources.get(key)
            if old is not None and old.entry.id in missing:
                updated.append(key)
                doc_id = old.entry.id
                if doc_id in to_index:
                    copies[key] = (doc_id, bundled)
                else:
                    to_index[doc_id] = (path, bundled)
                continue
            if not full and old is not None and (st.st_mtime, st.st_size) == (old.mtime, old.size):
                keep[key] = old
                continue
            too_big = size_problem(path, st.st_size)
            if too_big:  # checked first: a raised limit lets an unchanged big file in
                failed[key] = FailedRecord(key, too_big, st.st_mtime, st.st_size)
                continue
            bad = catalog.failed.get(key)
            if (
                not full
                and bad is not None
                and (st.st_mtime, st.st_size) == (bad.mtime, bad.size)
                and "REPORTTUI_MAX_FILE_MB" not in bad.error
            ):
                failed[key] = bad
                continue
            try:
                sha1 = _sha1_file(path)
            except OSError as exc:
                failed[key] = FailedRecord(key, f"cannot read {path}: {exc.strerror}", 0, -1)
                continue
            if not full and old is not None and not old.entry.sha1 and old.entry.id == sha1[:12]:
                # Recovered from the index (no hash recorded): the same content, kept; its
                # length, which the index does not store, read again (safety: docs as before).
                fields = {**old.entry.__dict__, "sha1": sha1}
                if not old.entry.chars:
                    fields["chars"] = _chars_of(path)
                old = SourceRecord(LibraryEntry(**fields), 0, 0)
            if not full and old is not None and old.entry.sha1 == sha1:
                keep[key] = SourceRecord(old.entry, st.st_mtime, st.st_size)
                restat[key] = (st.st_mtime, st.st_size)
                continue
            (updated if old is not None else added).append(key)
            doc_id = sha1[:12]
            known = doc_id in known_ids and known_ids[doc_id].entry.sha1 == sha1 and not full
            if known or doc_id in to_index:
                copies[key] = (doc_id, bundled)
            else:
                to_index[doc_id] = (path, bundled)
        present = {str(p) for p, _ in sources}
        removed = [p for p in catalog.sources if p not in present]
        wanted_ids = {r.entry.id for r in keep.values()} | set(to_index)
        drop_ids = {r.entry.id for r in catalog.sources.values()} - wanted_ids
        drop_ids |= set(to_index)  # delete before re-adding: no duplicates after a crash
        return _Plan(
            keep=keep,
            index=list(to_index.values()),
            copies=copies,
            drop_ids=drop_ids,
            failed=failed,
            added=added,
            updated=updated,
            removed=removed,
            restat=restat,
        )
