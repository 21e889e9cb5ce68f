"""The library: the documents a user works with, their catalogue and their search index.

Layout of a library home (``$REPORTTUI_HOME``, ``--home`` or the user data dir)::

    catalog.json        sources, hashes, metadata, roots, live index name (catalog.py)
    write.lock          one writer at a time (locking.py)
    index/<name>/       the live Whoosh index; a rebuild writes a new folder and switches over
    index/<name>.broken-<time>/   a damaged index moved aside

Many readers, one writer: searches open the last committed index generation and never take the
lock; ``sync``/``add``/``rebuild`` take it. Source files are only ever read.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reporttui.core.index import indexer
from reporttui.core.library.catalog import (
    Catalog,
    FailedRecord,
    LibraryEntry,
    SourceRecord,
    catalog_path,
    read_catalog,
    scan_root,
    write_catalog,
)
from reporttui.core.errors import ReportError
from reporttui.core.library.locking import LibraryBusy, WriteLock
from reporttui.core.paths import index_dir, seed_files, seeds_dir

__all__ = ["Library", "LibraryEntry", "SyncReport", "IndexDamaged"]

Progress = Callable[[int, int, str], None]
Notify = Callable[[str], None]

LIBRARY_FORMAT = "library-1"
"""Bumped when what the library writes into the index changes in a way the fingerprint misses."""
LOCK_WAIT = 600.0
"""How long a writer waits for another writer before giving up (seconds)."""
DOC_CACHE = 16
USE_MMAP = False
"""Read the index through mmap (Whoosh's default)? With mmap every page of the index a search
touches counts in the process's resident size (hundreds of MB on a big library after a few
common-word searches); without it they stay in the OS page cache, shared and reclaimable."""


def _open_storage(folder: Path) -> Any:
    """Read-only storage of an index folder."""
    from whoosh.filedb.filestore import FileStorage

    return FileStorage(str(folder), supports_mmap=USE_MMAP, readonly=True)


class IndexDamaged(ReportError):
    """The index on disk cannot be read (truncated or missing files)."""


@dataclass
class SyncReport:
    """What a sync/add/rebuild did."""

    added: list[str] = field(default_factory=list)
    """Paths indexed for the first time."""
    updated: list[str] = field(default_factory=list)
    """Paths re-indexed because their content changed."""
    removed: list[str] = field(default_factory=list)
    """Paths dropped because they vanished."""
    unchanged: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    """``(path, one-line reason)`` for sources that could not be loaded (skipped)."""
    messages: list[str] = field(default_factory=list)
    """One-line notices (index rebuilt, damaged index moved aside...)."""
    rebuilt: bool = False
    cancelled: bool = False
    busy: bool = False
    """True when ``wait=False`` and another process held the write lock: nothing was done."""
    workers: int = 1
    seconds: float = 0.0

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated or self.removed or self.rebuilt)

    def summary(self) -> str:
        bits = [f"{len(self.added)} added", f"{len(self.updated)} updated"]
        bits += [f"{len(self.removed)} removed", f"{self.unchanged} unchanged"]
        if self.failed:
            bits.append(f"{len(self.failed)} failed")
        text = ", ".join(bits)
        if self.cancelled:
            text += " (cancelled)"
        return text


def _sha1_file(path: Path) -> str:
    digest = hashlib.sha1()
    with path.open("rb") as f:
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


class Library:
    """The documents of one library home, and search over them.

    Construction is cheap (nothing read, nothing written). Searches may run in several threads
    while one thread syncs; several processes may search while one process writes.
    """

    def __init__(
        self, home: Path, notify: Notify | None = None, *, max_workers: int | None = None
    ) -> None:
        self.home = Path(home)
        self.notify = notify
        self.max_workers = max_workers
        """At most this many indexing processes (None: as many as the batch deserves). The app
        passes 1: worker processes started under a full-screen UI would inherit its terminal."""
        self._docs: OrderedDict[str, Any] = OrderedDict()
        self._docs_lock = threading.Lock()
        self._write_lock = threading.Lock()
        self._search_lock = threading.RLock()
        self._searcher: Any = None
        self._searcher_name = ""
        self._seed_entries: list[LibraryEntry] | None = None
        self._transient: dict[str, LibraryEntry] = {}
        self._catalog_key: tuple[int, ...] | None = None
        self._catalog_cache: Catalog | None = None

    # --- listing and loading ----------------------------------------------------------------

    def _catalog(self) -> Catalog:
        """The catalogue, re-read only when the file changed (it is replaced atomically, so a
        new inode or size or mtime means a new version). Callers must not mutate the result
        except inside a write (which re-reads it under the lock)."""
        try:
            st = os.stat(catalog_path(self.home))
            key: tuple[int, ...] | None = (st.st_ino, st.st_size, st.st_mtime_ns)
        except OSError:
            key = None
        with self._docs_lock:
            if key is not None and key == self._catalog_key and self._catalog_cache is not None:
                return self._catalog_cache
        catalog = read_catalog(self.home)
        with self._docs_lock:
            self._catalog_key, self._catalog_cache = key, catalog
        return catalog

    def _fresh_catalog(self) -> Catalog:
        """A private copy of the catalogue for a writer to modify."""
        return read_catalog(self.home)

    def _seed_entries_parsed(self) -> list[LibraryEntry]:
        """Entries of the bundled seeds, parsed in memory (used before the first index)."""
        if self._seed_entries is None:
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
        from reporttui.core.text.ingest import load_document

        path = Path(entry.path)
        if not path.exists():
            raise ReportError(f"{path} is gone (run `reporttui index` to update the library)")
        doc = load_document(path)
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
                names = "; ".join(f"{e.id} {e.title}" for e in found[:5])
                raise ReportError(f"{ref!r} matches {len(found)} documents: {names}")
        titled = [e for e in entries if ref in e.title or (e.region and ref == e.region)]
        if len(titled) == 1:
            return titled[0]
        if len(titled) > 1:
            names = "; ".join(f"{e.id} {e.title}" for e in titled[:5])
            raise ReportError(f"{ref!r} matches {len(titled)} documents: {names}")
        if path.is_dir():
            raise ReportError(f"{ref} is a folder: name one report file (or add the folder first)")
        if path.exists() or "/" in ref or ref.endswith((".txt", ".md")):
            raise ReportError(f"{ref}: no such file")
        raise ReportError(f"no document matches {ref!r} (try a path, an id, or e.g. 太原2025)")

    # --- change detection ---------------------------------------------------------------------

    def fingerprint(self) -> str:
        """Fingerprint of everything that shapes the index; a change means rebuild."""
        from reporttui.core.index import schema

        parts = [LIBRARY_FORMAT, schema.fingerprint(self.home)]
        try:
            from reporttui.core.text import ingest

            parts.append(str(getattr(ingest, "INGEST_VERSION", "")))
        except ImportError:  # pragma: no cover - ingestion always ships
            pass
        return hashlib.sha1("\0".join(parts).encode()).hexdigest()[:16]

    def _sources(self, catalog: Catalog) -> list[tuple[Path, bool]]:
        """Every source file now under the library's roots (seeds first), with its bundled flag."""
        seen: dict[Path, bool] = {p.resolve(): True for p in seed_files()}
        for root in catalog.roots:
            for path in scan_root(Path(root)):
                seen.setdefault(path, False)
        return list(seen.items())

    def _index_ok(self, catalog: Catalog) -> bool:
        if not catalog.index_name:
            return False
        folder = index_dir(self.home) / catalog.index_name
        return folder.is_dir() and any(folder.glob("_MAIN_*.toc"))

    def needs_indexing(self) -> bool:
        """True when a sync would change something: no index, new/changed/vanished files,
        a fingerprint change (schema, tokenizer, dictionary), or a damaged index."""
        catalog = self._catalog()
        if not self._index_ok(catalog) or catalog.fingerprint != self.fingerprint():
            return True
        sources = self._sources(catalog)
        if len(sources) != len(catalog.sources) + len(catalog.failed):
            return True
        for path, _ in sources:
            key = str(path)
            record = catalog.sources.get(key) or catalog.failed.get(key)
            if record is None:
                return True
            try:
                st = path.stat()
            except OSError:
                return True
            if st.st_mtime != record.mtime or st.st_size != record.size:
                return True
        try:
            self._check_index(catalog.index_name)
        except IndexDamaged:
            return True
        return False

    def _plan(self, catalog: Catalog, full: bool) -> _Plan:
        keep: dict[str, SourceRecord] = {}
        to_index: dict[str, tuple[Path, bool]] = {}
        copies: dict[str, tuple[str, bool]] = {}
        failed: dict[str, FailedRecord] = {}
        added: list[str] = []
        updated: list[str] = []
        restat: dict[str, tuple[float, int]] = {}
        known_ids: dict[str, SourceRecord] = {}
        if not full:
            known_ids = {r.entry.id: r for r in catalog.sources.values()}
        sources = self._sources(catalog)
        for path, bundled in sources:
            key = str(path)
            try:
                st = path.stat()
            except OSError:
                continue
            old = catalog.sources.get(key)
            if not full and old is not None and (st.st_mtime, st.st_size) == (old.mtime, old.size):
                keep[key] = old
                continue
            bad = catalog.failed.get(key)
            if not full and bad is not None and (st.st_mtime, st.st_size) == (bad.mtime, bad.size):
                failed[key] = bad
                continue
            try:
                sha1 = _sha1_file(path)
            except OSError as exc:
                failed[key] = FailedRecord(key, f"cannot read {path}: {exc.strerror}", 0, -1)
                continue
            if not full and old is not None and old.entry.sha1 == sha1:
                keep[key] = SourceRecord(old.entry, st.st_mtime, st.st_size)
                restat[key] = (st.st_mtime, st.st_size)
                continue
            (updated if old is not None else added).append(key)
            doc_id = sha1[:12]
            if doc_id in known_ids and known_ids[doc_id].entry.sha1 == sha1 and not full:
                copies[key] = (doc_id, bundled)
            elif doc_id in to_index:
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

    # --- writing -------------------------------------------------------------------------------

    def sync(
        self,
        progress: Progress | None = None,
        cancel: threading.Event | None = None,
        *,
        wait: bool = True,
    ) -> SyncReport:
        """Bring the index up to date with the sources (seeds indexed on first use).

        With ``wait=False``, when another process is writing and an index already exists,
        return at once (``report.busy``): searching the last committed index is fine.
        """
        if not wait and self._catalog().index_name:
            return self._update((), False, progress, cancel, lock_wait=0.0)
        return self._update((), False, progress, cancel)

    def add(
        self,
        paths: Sequence[Path | str],
        progress: Progress | None = None,
        cancel: threading.Event | None = None,
    ) -> SyncReport:
        """Add files or folders (recursive, .txt/.md) to the library, then sync."""
        roots: list[Path] = []
        for raw in paths:
            path = Path(raw).expanduser()
            if not path.exists():
                raise ReportError(f"{raw}: no such file or folder")
            if path.is_file() and not os.access(path, os.R_OK):
                raise ReportError(f"{raw}: permission denied")
            roots.append(path.resolve())
        return self._update(roots, False, progress, cancel)

    def rebuild(self, progress: Progress | None = None, cancel: threading.Event | None = None) -> SyncReport:
        """Re-index every source from scratch into a new index, then switch to it."""
        return self._update((), True, progress, cancel)

    def _say(self, report: SyncReport, message: str) -> None:
        report.messages.append(message)
        if self.notify is not None:
            self.notify(message)

    def _update(
        self,
        roots: Sequence[Path],
        full: bool,
        progress: Progress | None,
        cancel: threading.Event | None,
        lock_wait: float = LOCK_WAIT,
    ) -> SyncReport:
        started = time.perf_counter()
        report = SyncReport()
        lock = WriteLock(self.home)
        with self._write_lock:
            if not lock.acquire(lock_wait, on_wait=lambda m: self._say(report, m)):
                if lock_wait == 0.0:
                    report.busy = True
                    return report
                raise LibraryBusy("another reporttui is still updating this library; try later")
            try:
                self._update_locked(roots, full, progress, cancel, report)
            finally:
                lock.release()
        report.seconds = time.perf_counter() - started
        return report

    def _update_locked(
        self,
        roots: Sequence[Path],
        full: bool,
        progress: Progress | None,
        cancel: threading.Event | None,
        report: SyncReport,
    ) -> None:
        catalog = self._fresh_catalog()
        new_roots = [str(r) for r in roots if str(r) not in catalog.roots]
        if new_roots:
            # Recorded first, so an add that is cancelled or killed is finished by the next sync.
            catalog.roots.extend(new_roots)
            write_catalog(self.home, catalog)
        fingerprint = self.fingerprint()
        if catalog.index_name:
            try:
                self._check_index(catalog.index_name)
            except IndexDamaged as exc:
                self._move_aside(catalog.index_name)
                self._say(report, f"{exc}; moved it aside and rebuilding")
                full = True
        if not full and catalog.index_name and catalog.fingerprint != fingerprint:
            self._say(report, "search settings changed (schema, tokenizer or dictionary): rebuilding the index")
            full = True
        if not self._index_ok(catalog):
            full = True
        report.rebuilt = full
        self._cleanup(catalog.index_name)
        plan = self._plan(catalog, full)
        for root in list(catalog.roots):
            if not Path(root).exists():
                catalog.roots.remove(root)
                self._say(report, f"{root} is gone: dropped it from the library")
        name = catalog.index_name if not full else self._new_index()
        folder = index_dir(self.home) / name
        nothing_to_write = not (plan.index or plan.drop_ids or plan.removed or full)
        if nothing_to_write:
            self._ensure_query_words()
            report.unchanged = len(plan.keep)
            report.failed = [(f.path, f.error) for f in plan.failed.values()]
            if plan.restat or roots or plan.failed.keys() != catalog.failed.keys():
                catalog.sources = dict(plan.keep)
                catalog.failed = dict(plan.failed)
                self._forget_failed_files(catalog, new_roots)
                write_catalog(self.home, catalog)
            return
        outcome = self._write_index(folder, plan, progress, cancel, report)
        if outcome.cancelled:
            report.cancelled = True
            if full and name != catalog.index_name:
                shutil.rmtree(folder, ignore_errors=True)
            return
        records = dict(plan.keep)
        loaded_ids: dict[str, LibraryEntry] = {}
        for item in outcome.loaded:
            if item.entry is not None:
                records[item.path] = SourceRecord(item.entry, item.mtime, item.size)
                loaded_ids[item.entry.id] = item.entry
            else:
                plan.failed[item.path] = FailedRecord(
                    item.path, item.error or "cannot load", item.mtime, item.size
                )
        by_id = {r.entry.id: r.entry for r in records.values()}
        for path, (doc_id, bundled) in plan.copies.items():
            twin = by_id.get(doc_id)
            if twin is not None:
                st = Path(path).stat()
                entry = LibraryEntry(**{**twin.__dict__, "path": path, "bundled": bundled})
                records[path] = SourceRecord(entry, st.st_mtime, st.st_size)
        old_name = catalog.index_name
        catalog.sources = records
        catalog.failed = dict(plan.failed)
        catalog.fingerprint = fingerprint
        catalog.index_name = name
        self._forget_failed_files(catalog, new_roots)
        write_catalog(self.home, catalog)
        if old_name and old_name != name:
            shutil.rmtree(index_dir(self.home) / old_name, ignore_errors=True)
        self._ensure_query_words()
        failed_paths = set(plan.failed)
        report.added = [p for p in plan.added if p not in failed_paths]
        report.updated = [p for p in plan.updated if p not in failed_paths]
        report.removed = plan.removed
        report.unchanged = len(plan.keep)
        report.failed = [(f.path, f.error) for f in plan.failed.values()]
        for path, error in report.failed:
            if path in {item.path for item in outcome.loaded}:
                self._say(report, f"skipped {error}")

    def _ensure_query_words(self) -> None:
        """Under the write lock: the dictionary cache that lets a search segment its query
        without loading jieba (core/index/querywords.py); rebuilt when the dictionary changes."""
        from reporttui.core.index import querywords

        try:
            if not querywords.has_cache(self.home):
                querywords.build(self.home)
        except OSError:  # a read-only home: searches load jieba instead
            pass

    @staticmethod
    def _forget_failed_files(catalog: Catalog, new_roots: list[str]) -> None:
        """A file the user just added that cannot be loaded is not kept as a root (the error
        was reported); failures inside added folders stay recorded so they are not retried."""
        for root in new_roots:
            if root in catalog.failed:
                catalog.roots.remove(root)
                del catalog.failed[root]

    def _new_index(self) -> str:
        from whoosh import index as whoosh_index

        from reporttui.core.index.schema import make_schema

        name = f"ix-{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}"
        if (index_dir(self.home) / name).exists():  # a second rebuild within the same second
            name += f"-{time.time_ns() % 1_000_000_000:09d}"
        folder = index_dir(self.home) / name
        folder.mkdir(parents=True, exist_ok=False)
        whoosh_index.create_in(str(folder), make_schema())
        return name

    def _write_index(
        self,
        folder: Path,
        plan: _Plan,
        progress: Progress | None,
        cancel: threading.Event | None,
        report: SyncReport,
    ) -> indexer.BatchOutcome:
        from whoosh import index as whoosh_index

        ix = whoosh_index.open_dir(str(folder))
        writer = indexer.open_writer(ix, timeout=5.0)
        try:
            drop = set(plan.drop_ids)
            if not report.rebuilt:
                with ix.reader() as reader:
                    present = set(reader.lexicon("doc_id"))
                keep_ids = {r.entry.id for r in plan.keep.values()}
                drop |= {
                    (t.decode() if isinstance(t, bytes) else t) for t in present
                } - keep_ids
            for doc_id in sorted(drop):
                writer.delete_by_term("doc_id", doc_id)
            workers = indexer.worker_count(plan.index)
            if self.max_workers is not None:
                workers = max(1, min(workers, self.max_workers))
            report.workers = workers
            total = len(plan.index)
            if progress is not None:
                progress(0, total, "")
            if workers > 1:
                segments, outcome = indexer.build_segments(
                    folder, plan.index, workers, self.home, progress=progress, cancel=cancel
                )
            else:
                done = 0

                def tick(name: str) -> None:
                    nonlocal done
                    done += 1
                    if progress is not None:
                        progress(done, total, name)

                segments = []
                outcome = indexer.add_sources(
                    writer,
                    plan.index,
                    self.home,
                    tick=tick,
                    cancelled=(cancel.is_set if cancel is not None else None),
                )
            if outcome.cancelled:
                writer.cancel()
                return outcome
            indexer.commit_with_segments(writer, segments)
            return outcome
        except BaseException:
            if not writer.is_closed:
                writer.cancel()
            raise

    def _cleanup(self, live_name: str) -> None:
        """Under the write lock: remove index folders and temp files nobody can be using."""
        root = index_dir(self.home)
        if not root.is_dir():
            return
        for child in root.iterdir():
            if child.is_dir() and child.name.startswith("ix-") and ".broken-" not in child.name:
                if child.name != live_name:
                    shutil.rmtree(child, ignore_errors=True)
        if live_name:
            indexer.remove_leftovers(root / live_name)

    def _move_aside(self, name: str) -> None:
        folder = index_dir(self.home) / name
        if folder.exists():
            folder.rename(folder.with_name(f"{name}.broken-{time.strftime('%Y%m%d-%H%M%S')}"))

    # --- reading the index -------------------------------------------------------------------

    def _check_index(self, name: str) -> None:
        """Open the index and every segment's files; IndexDamaged if anything is missing or cut."""
        from whoosh import index as whoosh_index

        folder = index_dir(self.home) / name
        try:
            ix = whoosh_index.open_dir(str(folder))
            with ix.reader() as reader:
                from reporttui.core.index.matcher import IndexView

                IndexView(reader)  # every segment's postings file opens and fits its segment
                for leaf, _ in reader.leaf_readers():
                    leaf.doc_count_all()
                    for fieldname in ("doc_id",):
                        if fieldname in leaf.schema:
                            for _term in leaf.lexicon(fieldname):
                                pass
                    if leaf.doc_count_all():
                        leaf.stored_fields(leaf.doc_count_all() - 1)
        except Exception as exc:  # noqa: BLE001 - any failure to read means damaged
            raise IndexDamaged(f"the search index at {folder} is damaged ({type(exc).__name__})") from exc

    def _open_searcher(self) -> Any:
        """The shared searcher on the live index, refreshed when a writer committed since."""
        from whoosh import index as whoosh_index

        for attempt in range(5):
            catalog = self._catalog()
            if not catalog.index_name:
                raise ReportError("index not built yet: run `reporttui index`")
            if self._searcher is not None and self._searcher_name == catalog.index_name:
                # Not Searcher.refresh(): its reader reuse re-adds the old segment objects and
                # so resurrects deleted documents (whoosh 2.7). A fresh reader per commit.
                try:
                    if self._searcher.up_to_date():
                        return self._searcher
                except Exception:  # noqa: BLE001 - reopen below
                    pass
            folder = index_dir(self.home) / catalog.index_name
            try:
                searcher = _open_storage(folder).open_index().searcher()
                from reporttui.core.index.matcher import view

                view(searcher.reader())  # map the postings now: the folder may go after a rebuild
            except Exception as exc:  # noqa: BLE001 - switched over or damaged: retry, then say so
                if attempt < 4:
                    time.sleep(0.05 * (attempt + 1))
                    continue
                raise IndexDamaged(f"cannot open the search index at {folder} ({type(exc).__name__})") from exc
            if self._searcher is not None:
                try:
                    self._searcher.close()
                except Exception:  # noqa: BLE001
                    pass
            self._searcher, self._searcher_name = searcher, catalog.index_name
            return searcher
        raise ReportError("index not available")  # pragma: no cover

    def search(
        self,
        query: str,
        *,
        limit: int = 50,
        region: str | None = None,
        year: int | None = None,
    ) -> Any:
        """Search the library; returns a :class:`~reporttui.core.search.results.SearchResult`.

        ReportError when the index is not built yet or is damaged (``sync`` repairs it).
        """
        from reporttui.core.search import search as search_core

        with self._search_lock:
            searcher = self._open_searcher()
            try:
                return search_core.search(
                    searcher, query, limit=limit, region=region, year=year, home=self.home
                )
            except ReportError:
                raise
            except Exception as exc:  # noqa: BLE001 - a read failure means a damaged index
                self._searcher = None
                raise IndexDamaged(
                    f"the search index is damaged ({type(exc).__name__}); run `reporttui index`"
                ) from exc

    def close(self) -> None:
        with self._search_lock:
            if self._searcher is not None:
                try:
                    self._searcher.close()
                finally:
                    self._searcher = None
