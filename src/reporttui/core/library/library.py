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

import contextlib
import os
import stat
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reporttui.core.errors import ReportError
from reporttui.core.library.base import LibraryBase, Notify, Progress, SyncReport
from reporttui.core.library.catalog import (
    Catalog,
    FailedRecord,
    LibraryEntry,
    SourceRecord,
    write_catalog,
)
from reporttui.core.library.catalog_keeper import CatalogKeeper
from reporttui.core.library.faults import (
    FAILURE_MEMORY,
    FAILURE_NAME,
    MAX_FILE_MB,
    FaultHandling,
    _forget_failure,
    _reserve_failure_slot,
    _size,
    max_file_bytes,
    size_problem,
)
from reporttui.core.library.locking import LibraryBusy, WriteLock
from reporttui.core.library.planning import LIBRARY_FORMAT, Planning, _Plan, _sha1_file
from reporttui.core.library.references import DOC_CACHE, References
from reporttui.core.library.searching import USE_MMAP, IndexDamaged, Searching, _open_storage
from reporttui.core.library.verify import (
    drop_segments,
    remove_uncommitted,
    verify,
    write_manifest,
)
from reporttui.core.paths import index_dir


def _rmtree(path: Path, ignore_errors: bool = False) -> None:
    """``shutil.rmtree`` (imported when a folder goes: ~2 ms of every one-shot search; process,
    issue 11)."""
    import shutil

    shutil.rmtree(path, ignore_errors=ignore_errors)

if TYPE_CHECKING:
    from reporttui.core.index import indexer

__all__ = [
    "DOC_CACHE",
    "FAILURE_MEMORY",
    "FAILURE_NAME",
    "LIBRARY_FORMAT",
    "LOCK_WAIT",
    "MAX_FILE_MB",
    "USE_MMAP",
    "IndexDamaged",
    "Library",
    "LibraryBase",
    "LibraryEntry",
    "Notify",
    "Progress",
    "SyncReport",
    "_Plan",
    "_open_storage",
    "_sha1_file",
    "max_file_bytes",
    "size_problem",
]

LOCK_WAIT = 600.0
"""How long a writer waits for another writer before giving up (seconds)."""


class Library(References, CatalogKeeper, Planning, Searching, FaultHandling):
    """The documents of one library home, and search over them.

    Construction is cheap (nothing read, nothing written). Searches may run in several threads
    while one thread syncs; several processes may search while one process writes.

    One part per job, each in its own module: :class:`References` (listing, loading, naming
    documents), :class:`CatalogKeeper` (the catalogue, validated and recovered),
    :class:`Planning` (what a sync must do), :class:`Searching` (the searcher's lifetime),
    :class:`FaultHandling` (failed writes); writing the index is here.
    """

    _boilerplate_pass = False
    """True while re-indexing because the library's boilerplate lines changed (once per sync)."""

    # --- writing -------------------------------------------------------------------------------

    def sync(
        self,
        progress: Progress | None = None,
        cancel: threading.Event | None = None,
        *,
        wait: bool = True,
        verify: bool = False,
    ) -> SyncReport:
        """Bring the index up to date with the sources (seeds indexed on first use).

        With ``wait=False``, when another process is writing and an index already exists,
        return at once (``report.busy``): searching the last committed index is fine. With
        ``verify`` (``reporttui index``), every index file is checked against its recorded
        checksum first (reads the whole index) and damaged segments are re-indexed.
        """
        self._verify_next = verify
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
            if path.is_symlink() and not path.exists():
                raise ReportError(f"{raw}: broken symlink or symlink loop")
            if not path.exists():
                raise ReportError(f"{raw}: no such file or folder")
            mode = path.stat().st_mode
            if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
                raise ReportError(f"{raw}: not a report file or folder (a special file): skipped")
            if stat.S_ISREG(mode) and size_problem(path, path.stat().st_size):
                raise ReportError(size_problem(path, path.stat().st_size))
            if path.is_file() and not os.access(path, os.R_OK):
                raise ReportError(f"{raw}: permission denied")
            roots.append(path.resolve())
        return self._update(roots, False, progress, cancel)

    def rebuild(
        self, progress: Progress | None = None, cancel: threading.Event | None = None
    ) -> SyncReport:
        """Re-index every source from scratch into a new index, then switch to it."""
        return self._update((), True, progress, cancel)

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
            try:
                got = lock.acquire(lock_wait, on_wait=lambda m: self._say(report, m))
            except OSError as exc:  # a read-only home (or one we may not write)
                return self._read_only(report, exc)
            if not got:
                if lock_wait == 0.0:
                    report.busy = True
                    return report
                raise LibraryBusy("another reporttui is still updating this library; try later")
            try:
                _reserve_failure_slot(self.home)  # safety: room to remember a failure
                self._update_locked(roots, full, progress, cancel, report)
                self._verify_next = False
            except OSError as exc:
                message = self._failed_write(exc)
                raise ReportError(message) from None
            finally:
                lock.release()
        _forget_failure(self.home)
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
        missing: set[str] = set()
        # build (issue 11): a changed fingerprint is checked first. An index of an older format
        # is rebuilt anyway, and reading it (a newer postings format) would call it damaged and
        # keep a copy of it aside.
        if not full and catalog.index_name and catalog.fingerprint != fingerprint:
            self._say(
                report,
                "search settings changed (schema, tokenizer or dictionary): rebuilding the index",
            )
            full = True
        if catalog.index_name and not full:
            try:
                if not full and self._verify_next:
                    missing = self._verify_and_repair(catalog, report)
                self._check_index(catalog.index_name)
            except IndexDamaged as exc:
                self._move_aside(catalog.index_name)
                self._say(report, f"{exc}; moved it aside and rebuilding")
                full = True
        if not self._index_ok(catalog):
            full = True
        report.rebuilt = full
        self._cleanup(catalog.index_name)
        self._scan_problems = []
        plan = self._plan(catalog, full, missing)
        self._planned_bytes = sum(_size(p) for p, _ in plan.index)
        for problem in dict.fromkeys(self._scan_problems):
            self._say(report, problem)
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
            # Copies of documents already indexed need no index write, but they are the
            # user's files: recorded (and reported as added), never silently skipped.
            report.added = [p for p in plan.added if p in plan.copies]
            report.updated = [p for p in plan.updated if p in plan.copies]
            if plan.restat or roots or plan.copies or plan.failed.keys() != catalog.failed.keys():
                catalog.sources = _with_copies(dict(plan.keep), plan.copies)
                catalog.failed = dict(plan.failed)
                self._forget_failed_files(catalog, new_roots)
                write_catalog(self.home, catalog)
            return
        outcome = self._write_index(folder, plan, progress, cancel, report)
        if outcome.cancelled:
            report.cancelled = True
            if full and name != catalog.index_name:
                _rmtree(folder, ignore_errors=True)
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
        records = _with_copies(records, plan.copies)
        old_name = catalog.index_name
        catalog.sources = records
        catalog.failed = dict(plan.failed)
        catalog.fingerprint = fingerprint
        catalog.index_name = name
        self._forget_failed_files(catalog, new_roots)
        write_catalog(self.home, catalog)
        if old_name and old_name != name:
            _rmtree(index_dir(self.home) / old_name, ignore_errors=True)
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
        self._learn_boilerplate(records, outcome, progress, cancel, report)

    def _learn_boilerplate(
        self,
        records: dict[str, SourceRecord],
        outcome: Any,
        progress: Progress | None,
        cancel: threading.Event | None,
        report: SyncReport,
    ) -> None:
        """inputs (issue 9): count the indexed files' edge lines; when the lines repeated across
        the library change, re-index everything with them (the reader parses the same way)."""
        from reporttui.core.text import boilerplate

        if self._boilerplate_pass:
            return
        files = {
            item.entry.sha1: item.line_keys
            for item in outcome.loaded
            if item.entry is not None and item.entry.sha1
        }
        keep = {r.entry.sha1 for r in records.values() if r.entry.sha1}
        try:
            changed = boilerplate.learn(self.home, files, keep)
        except OSError:
            return  # a read-only home: no boilerplate is dropped
        if not changed:
            return
        with self._docs_lock:
            self._docs.clear()
        self._say(report, "lines repeated across the library's files changed: re-indexing")
        said = (report.added, report.updated, report.removed, report.unchanged, report.failed)
        self._boilerplate_pass = True
        try:
            self._update_locked((), True, progress, cancel, report)
        finally:
            self._boilerplate_pass = False
        # What the user asked for is what the report tells (the re-index is said above).
        report.added, report.updated, report.removed, report.unchanged, report.failed = said

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
        write_manifest(folder)
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

        from reporttui.core.index import indexer  # query: not imported by a search

        ix = whoosh_index.open_dir(str(folder))
        writer = indexer.open_writer(ix, timeout=5.0)
        try:
            drop = set(plan.drop_ids)
            if not report.rebuilt:
                with ix.reader() as reader:
                    present = set(reader.lexicon("doc_id"))
                keep_ids = {r.entry.id for r in plan.keep.values()}
                drop |= {(t.decode() if isinstance(t, bytes) else t) for t in present} - keep_ids
            for doc_id in sorted(drop):
                writer.delete_by_term("doc_id", doc_id)
            workers = indexer.worker_count(plan.index)
            if self.max_workers is not None:
                workers = max(1, min(workers, self.max_workers))
            report.workers = workers
            total = len(plan.index)
            if progress is not None:
                progress(0, total, "")
            if workers > 1 or indexer.has_large(plan.index):  # safety: big files in a worker
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
            write_manifest(folder)
            return outcome
        except BaseException:
            if not writer.is_closed:
                writer.cancel()
            raise

    def _verify_and_repair(self, catalog: Catalog, report: SyncReport) -> set[str]:
        """Check every index file against the checksums recorded at commit (under the write
        lock). Damaged segments are dropped from the index; returns the ids of the documents
        they held (to be indexed again). IndexDamaged when the whole index must be rebuilt."""
        folder = index_dir(self.home) / catalog.index_name
        if not folder.is_dir():
            return set()
        try:
            found = verify(folder)
        except OSError as exc:
            where = f"the search index at {folder}"
            raise IndexDamaged(f"cannot read {where} ({exc.strerror})") from None
        if not found.has_manifest:  # an index from before checksums: read-checked, then recorded
            self._check_index(catalog.index_name)
            with contextlib.suppress(OSError):
                write_manifest(folder)
            return set()
        if found.bad_toc:
            raise IndexDamaged(f"the search index at {folder} is damaged (its table of contents)")
        if not found.bad_segments:
            return set()
        from whoosh import index as whoosh_index

        try:
            drop_segments(folder, found.bad_segments)
            with whoosh_index.open_dir(str(folder)).reader() as reader:
                present = {
                    t.decode() if isinstance(t, bytes) else str(t) for t in reader.lexicon("doc_id")
                }
        except Exception as exc:
            why = type(exc).__name__
            raise IndexDamaged(f"the search index at {folder} is damaged ({why})") from exc
        lost = {r.entry.id for r in catalog.sources.values()} - present
        self._say(
            report,
            f"the search index had {len(found.bad_segments)} damaged segment file(s): "
            f"dropped them and re-indexing the {len(lost)} documents they held",
        )
        with self._search_lock:  # the shared searcher may hold the dropped files open
            if self._searcher is not None:
                with contextlib.suppress(Exception):
                    self._searcher.close()
                self._searcher = None
        return lost

    def _cleanup(self, live_name: str) -> None:
        """Under the write lock: remove index folders and temp files nobody can be using."""
        root = index_dir(self.home)
        if not root.is_dir():
            return
        for child in root.iterdir():
            if (
                child.is_dir()
                and child.name.startswith("ix-")
                and ".broken-" not in child.name
                and child.name != live_name
            ):
                _rmtree(child, ignore_errors=True)
        if live_name:
            from reporttui.core.index import indexer

            indexer.remove_leftovers(root / live_name)
            remove_uncommitted(root / live_name)

    def _move_aside(self, name: str) -> None:
        folder = index_dir(self.home) / name
        if folder.exists():
            folder.rename(folder.with_name(f"{name}.broken-{time.strftime('%Y%m%d-%H%M%S')}"))


def _with_copies(
    records: dict[str, SourceRecord], copies: dict[str, tuple[str, bool]]
) -> dict[str, SourceRecord]:
    """``records`` plus a record for each identical copy (path -> (doc id, bundled)) of a
    document in them: the copy's own path and bundled flag, the twin's metadata."""
    by_id = {r.entry.id: r.entry for r in records.values()}
    for path, (doc_id, bundled) in copies.items():
        twin = by_id.get(doc_id)
        if twin is None:
            continue
        try:
            st = Path(path).stat()
        except OSError:  # gone since it was planned: the next sync sees it
            continue
        entry = LibraryEntry(**{**twin.__dict__, "path": path, "bundled": bundled})
        records[path] = SourceRecord(entry, st.st_mtime, st.st_size)
    return records
