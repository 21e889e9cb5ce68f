"""Write documents into the index: serially, or in worker processes for big batches.

Whoosh stores the rows (stored fields, the small ID/numeric filter fields) and keeps segments,
generations, deletions and locking; the two text fields' postings are the project's own
(:mod:`reporttui.core.index.postings`), collected per row by :class:`RowWriter` and inverted in
bulk with numpy when a segment is finished. Indexing runs no jieba (ranking words are read from
the exact field at query time); loading and cutting the sources into rows is the other big
cost, so big batches are split (by size) across worker processes. Each worker loads its documents, builds
the rows and writes one finished segment into the index folder without taking the index lock;
the parent, which holds the library's write lock and Whoosh's, then commits one new TOC that
lists the old segments (minus deletions) plus the workers' segments. Until that commit no reader
sees any of it, and a killed run leaves only unreferenced files, which the next commit removes.

Callers hold :class:`reporttui.core.library.locking.WriteLock` around every function here that writes.
"""

from __future__ import annotations

import contextlib
import functools
import multiprocessing as mp
import os
import queue
import shutil
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reporttui.core.errors import ReportError
from reporttui.core.library.catalog import LibraryEntry

Progress = Callable[[int, int, str], None]

PARALLEL_MIN_BYTES = 3_000_000
"""Below this many source bytes a batch is indexed in-process (worker start-up costs ~1 s)."""
WRITER_LIMIT_MB = 64
"""Whoosh pool memory per writer (only the small filter fields go through Whoosh's pool)."""
SEGMENT_CHARS = 6_000_000
"""Characters of source per segment in a worker: memory per worker stays bounded however big
the library (indexing streams: a worker peaks at ~1.5 GB while it inverts a segment).

query (issue 11): every search walks every segment (~0.1 ms each per query), so a full build
makes fewer, larger segments. Full corpus, same session, 2 workers, load ~2: 2 M characters ->
27 segments, 83 s wall, 153 CPU-s, worker peak 598 MB, search CPU per query mean 13.6-15.5 ms;
6 M -> 9 segments, 96 s wall, 178 CPU-s, worker peak 1,547 MB, 11.9-13.8 ms, index 433 vs
435 MB (fewer per-segment term tables). benchmarks/segment_count_bench.py measures it."""
LARGE_FILE_BYTES = 4_000_000
"""A source at least this big is indexed in a worker process even alone (safety): its parse
and postings memory goes with the worker, the calling process (the app's search thread) keeps
its GIL, and its rows are cut into segments of :data:`SEGMENT_CHARS` (bounded postings)."""
LARGE_SEGMENT_CHARS = 500_000
"""Characters per segment inside a very large file. Measured on a 6 MB file (2.1 M characters)
in one worker: 776 MB peak RSS with segments of 2 M characters, 308 MB with 0.5 M, the same
CPU time (15.5 s); the price is more segments (14 for a 20 MB file)."""
COMPRESSION = 1
"""zlib level for posting blocks: level 1 writes as small an index as Whoosh's default 3,
and faster (measured on 25 corpus reports)."""


class RowWriter:
    """A Whoosh ``SegmentWriter`` plus the project's postings of the segment it writes.

    Rows come from :func:`reporttui.core.index.schema.document_rows`: their ``bg`` text and
    section path go to the collectors (row number = Whoosh's document number in the segment),
    everything else to Whoosh (a ``jb`` key of an older row is ignored).
    """

    def __init__(self, writer: Any) -> None:
        from reporttui.core.index.postings import FieldCollector, UnitCollector
        from reporttui.core.index.schema import BIGRAM_FIELD, SECTION_POSTINGS

        self.writer = writer
        self.units = UnitCollector()
        self.sections = UnitCollector()
        self.collectors: dict[str, FieldCollector] = {
            BIGRAM_FIELD: self.units,
            SECTION_POSTINGS: self.sections,
        }
        from reporttui.core.index.postings import KeyColumn

        self.keys = {"doc_id": KeyColumn(), "section_id": KeyColumn()}
        # storage (issue 11): the row's query-independent ranking figures (ranking.row_facts),
        # a coded string per row like the keys, read by search for its shortlist
        self.facts = KeyColumn()
        self._section: tuple[str, str] | None = None
        self.chars = 0
        """Characters of row text collected (segments of a very large file are cut by it)."""

    @property
    def rows(self) -> int:
        return self.units.rows

    @property
    def is_closed(self) -> bool:
        return bool(self.writer.is_closed)

    def add_document(self, **row: Any) -> None:
        from reporttui.core.index.schema import BIGRAM_FIELD, JIEBA_FIELD

        text = row.pop(BIGRAM_FIELD, None) or ""
        row.pop(JIEBA_FIELD, None)
        self.writer.add_document(**row)
        self.chars += len(text)
        self.units.add_text(text)
        # The section path goes to the postings once per run of rows of one section (the
        # first row of it in this segment): every row of a section has the same path, and the
        # matcher extends a match to the run (matcher.IndexView.section_runs). A third of the
        # postings bytes were these repeats.
        section = (str(row.get("doc_id") or ""), str(row.get("section_id") or ""))
        first = section != self._section
        self._section = section
        self.sections.add_text((row.get("section_path") or "") if first else "")
        for name, col in self.keys.items():
            col.add(str(row.get(name) or ""))
        self.facts.add(_facts(row))

    def add_rows(self, rows: Iterable[dict[str, Any]]) -> None:
        for row in rows:
            self.add_document(**row)

    def delete_by_term(self, fieldname: str, text: str) -> Any:
        return self.writer.delete_by_term(fieldname, text)

    def delete_document(self, doc_id: str) -> None:
        """Delete every row of the document ``doc_id`` (Whoosh marks them deleted)."""
        self.writer.delete_by_term("doc_id", doc_id)

    def commit(self, extra_segments: Sequence[Any] = ()) -> None:
        """Commit this writer's rows and deletions (plus workers' ``extra_segments``)."""
        commit_with_segments(self, list(extra_segments))

    def cancel(self) -> None:
        self.writer.cancel()

    def finish_segment(self) -> Any:
        """Finish Whoosh's segment and write its postings file next to it; the segment."""
        from reporttui.core.index.postings import write_segment_postings
        from reporttui.core.index.schema import FACTS_KEY

        segment = self.writer._finalize_segment()
        keys = {**self.keys, FACTS_KEY: self.facts}
        write_segment_postings(self.writer.storage, segment, self.collectors, keys)
        return segment


def _facts(row: dict[str, Any]) -> str:
    """The encoded :func:`~reporttui.core.search.ranking.row_facts` of a row as stored: its
    ``text`` and ``role`` (absent: a body paragraph), what search reads back for the row."""
    from reporttui.core.index.schema import ROLE_FIELD
    from reporttui.core.search import ranking

    text = str(row.get("text") or "")
    return ranking.encode_facts(ranking.row_facts(text, str(row.get(ROLE_FIELD) or "")))


def open_writer(ix: Any, **kwargs: Any) -> RowWriter:
    """A :class:`RowWriter` on the Whoosh index ``ix`` (takes Whoosh's lock unless ``_lk=False``)."""
    from whoosh.writing import SegmentWriter

    return RowWriter(
        SegmentWriter(ix, limitmb=WRITER_LIMIT_MB, codec=make_codec(), compound=False, **kwargs)
    )


def ram_storage() -> Any:
    """An in-memory Whoosh storage whose writers' temp folders are private to it.

    Whoosh's ``RamStorage`` puts every writer's temp files (the pool, the per-document columns)
    in ``<tmp>/MAIN.tmp``, one folder for every process on the machine, and the first writer to
    finish deletes it: two processes building in-memory indexes at once (tests under xdist,
    other users) break each other's commits with a FileNotFoundError.
    """
    return _private_ram_storage_class()()


@functools.cache
def _private_ram_storage_class() -> type:
    import tempfile
    import uuid

    from whoosh.filedb.filestore import FileStorage, RamStorage

    class PrivateRamStorage(RamStorage):
        def __init__(self) -> None:
            super().__init__()
            self._temp_prefix = f"reporttui-ram-{os.getpid()}-{uuid.uuid4().hex[:12]}"

        def temp_storage(self, name: str | None = None) -> Any:
            # The same name gives the same folder (Whoosh's writer destroys the folder its
            # per-document writer also used), but never another storage's.
            name = name or f"{uuid.uuid4().hex}.tmp"
            folder = os.path.join(tempfile.gettempdir(), f"{self._temp_prefix}-{name}")
            return FileStorage(folder).create()

    return PrivateRamStorage


def make_codec() -> Any:
    """The codec every writer uses: Whoosh's W3 with smaller stored rows
    (:class:`reporttui.core.index.codec.RowCodec`), without per-posting length statistics.

    Length statistics only tighten the block-max score bounds used to skip blocks; looking a
    document's length up for every posting cost ~30% of commit time. Without them the bounds are
    looser (never wrong), so results are identical.
    """
    from reporttui.core.index.codec import RowCodec

    codec = RowCodec(compression=COMPRESSION)
    codec.length_stats = False
    return codec


@dataclass
class Loaded:
    """What indexing one source produced: its catalogue entry, or the reason it failed."""

    path: str
    mtime: float
    size: int
    entry: LibraryEntry | None = None
    error: str | None = None
    line_keys: list[str] = field(default_factory=list)
    """Candidate boilerplate line keys of the document (core/text/boilerplate.py)."""


@dataclass
class BatchOutcome:
    loaded: list[Loaded] = field(default_factory=list)
    cancelled: bool = False
    writer: Any = None
    """The writer the last rows went to (a new one after a ``rollover``)."""


def entry_for(doc: Any, path: Path, bundled: bool) -> LibraryEntry:
    """The catalogue entry of a loaded :class:`~reporttui.core.model.Document`."""
    return LibraryEntry(
        id=doc.id,
        path=str(path),
        title=doc.title,
        region=doc.region,
        year=doc.year,
        kind=doc.kind,
        chars=len(doc.text),
        sha1=doc.source_sha1 or "",
        bundled=bundled,
    )


def _load_one(path: Path, bundled: bool, home: Path | None = None) -> tuple[Any, Loaded]:
    """Load one source; never raises for a bad file (the error goes into the result).

    With ``home``, the library's boilerplate lines (core/text/boilerplate.py) are dropped.
    """
    from reporttui.core.errors import ReportError
    from reporttui.core.text.boilerplate import document_keys, load_keys
    from reporttui.core.text.ingest import load_document

    try:
        st = path.stat()
    except OSError as exc:
        return None, Loaded(str(path), 0.0, -1, error=f"cannot read {path}: {exc.strerror or exc}")
    try:
        doc = load_document(path, load_keys(home))
    except ReportError as exc:
        return None, Loaded(str(path), st.st_mtime, st.st_size, error=str(exc))
    except Exception as exc:
        msg = f"cannot load {path}: {type(exc).__name__}: {exc}"
        return None, Loaded(str(path), st.st_mtime, st.st_size, error=msg)
    entry = entry_for(doc, path, bundled)
    return doc, Loaded(
        str(path), st.st_mtime, st.st_size, entry=entry, line_keys=document_keys(doc)
    )


def add_sources(
    writer: Any,
    sources: Iterable[tuple[Path, bool]],
    home: Path | None = None,
    *,
    tick: Callable[[str], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    rollover: Callable[[Any], Any] | None = None,
) -> BatchOutcome:
    """Load each ``(path, bundled)`` source and add its rows to ``writer``.

    With ``rollover`` (workers), while a very large file (:data:`LARGE_FILE_BYTES`) is added, a
    writer holding :data:`LARGE_SEGMENT_CHARS` of text is handed to it and the rows go on into
    the writer it returns: the postings of one very large file are not all held at once."""
    from reporttui.core.index.schema import document_rows

    outcome = BatchOutcome(writer=writer)
    for path, bundled in sources:
        if cancelled is not None and cancelled():
            outcome.cancelled = True
            break
        doc, loaded = _load_one(path, bundled, home)
        large = rollover is not None and loaded.size >= LARGE_FILE_BYTES
        if doc is not None:
            rolled = False
            try:
                for row in document_rows(doc, home):
                    writer.add_document(**row)
                    if large and rollover is not None and writer.chars >= LARGE_SEGMENT_CHARS:
                        writer = outcome.writer = rollover(writer)
                        rolled = True
            except Exception as exc:
                if rolled:  # part of it is in finished segments: fail the batch, never half
                    raise
                loaded.entry = None
                loaded.error = f"cannot index {path}: {type(exc).__name__}: {exc}"
        outcome.loaded.append(loaded)
        if tick is not None:
            tick(str(path))  # the whole path: corpora name files by year alone (appnav)
    return outcome


# --- worker processes -------------------------------------------------------------------------

_progress_queue: Any = None
_cancel_event: Any = None
_parent_pid = 0


def _worker_init(progress_queue: Any, cancel_event: Any) -> None:
    global _progress_queue, _cancel_event, _parent_pid
    _progress_queue = progress_queue
    _cancel_event = cancel_event
    from reporttui.core.library.lifetime import die_with_parent

    _parent_pid = die_with_parent()  # safety: no worker outlives a killed build


def _worker_storage(index_dir: str) -> Any:
    """The index's storage, with a private temp folder (Whoosh's default is shared per index)."""
    from whoosh.filedb.filestore import FileStorage

    class WorkerStorage(FileStorage):
        def temp_storage(self, name: str | None = None) -> Any:
            return super().temp_storage(f"worker-{os.getpid()}-{time.time_ns()}.tmp")

    return WorkerStorage(index_dir)


def _worker_build(
    index_dir: str, home: str | None, sources: list[tuple[str, bool]]
) -> tuple[list[Any], BatchOutcome]:
    """In a worker: index ``sources`` into new, uncommitted segments of ``index_dir``.

    One segment per :data:`SEGMENT_CHARS` of source, so a worker's memory does not grow with
    the batch.
    """
    ix = _worker_storage(index_dir).open_index()

    def tick(name: str) -> None:
        if _progress_queue is not None:
            _progress_queue.put(name)

    def cancelled() -> bool:
        # Stop when cancelled, or when the parent died (killed `reporttui add`): an orphan would
        # burn CPU for minutes writing a segment nobody will commit.
        if _parent_pid and os.getppid() != _parent_pid:
            return True
        return _cancel_event is not None and _cancel_event.is_set()

    outcome = BatchOutcome()
    segments: list[Any] = []

    def rollover(full: Any) -> Any:
        segments.append(full.finish_segment())
        full.writer._finish()
        return open_writer(ix, _lk=False)

    for chunk in _chunks(sources, SEGMENT_CHARS * 3):  # ~3 bytes per character of UTF-8
        part = add_sources(
            open_writer(ix, _lk=False),
            ((Path(p), b) for p, b in chunk),
            Path(home) if home else None,
            tick=tick,
            cancelled=cancelled,
            rollover=rollover,
        )
        writer = part.writer
        outcome.loaded.extend(part.loaded)
        if part.cancelled:
            outcome.cancelled = True
            writer.cancel()
            remove_own_temp(index_dir)
            return [], outcome
        if not writer.rows:
            writer.cancel()
            continue
        segments.append(writer.finish_segment())
        writer.writer._finish()
    remove_own_temp(index_dir)  # safety: the per-document writer's temp folder too
    return segments, outcome


def _chunks(sources: list[tuple[str, bool]], max_bytes: int) -> Iterable[list[tuple[str, bool]]]:
    """Consecutive runs of ``sources`` of at most ``max_bytes`` of files (at least one each)."""
    chunk: list[tuple[str, bool]] = []
    size = 0
    for path, bundled in sources:
        try:
            n = os.path.getsize(path)
        except OSError:
            n = 0
        if chunk and size + n > max_bytes:
            yield chunk
            chunk, size = [], 0
        chunk.append((path, bundled))
        size += n
    if chunk:
        yield chunk


def remove_own_temp(index_dir: str) -> None:
    """Remove this worker's temp folders (Whoosh leaves the per-document writer's behind)."""
    for child in Path(index_dir).glob(f"worker-{os.getpid()}-*.tmp"):
        shutil.rmtree(child, ignore_errors=True)


def has_large(sources: Sequence[tuple[Path, bool]]) -> bool:
    """True when a source is at least :data:`LARGE_FILE_BYTES` (it is indexed in a worker)."""
    for path, _ in sources:
        with contextlib.suppress(OSError):
            if path.stat().st_size >= LARGE_FILE_BYTES:
                return True
    return False


def worker_count(sources: Sequence[tuple[Path, bool]]) -> int:
    """How many processes a batch deserves: 1 for small batches, else the CPU count (max 8)."""
    total = 0
    for path, _ in sources:
        with contextlib.suppress(OSError):
            total += path.stat().st_size
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    if total < PARALLEL_MIN_BYTES or len(sources) < 4 or not cpus or cpus < 2:
        return 1
    return min(cpus, 8)


def build_segments(
    index_dir: Path,
    sources: Sequence[tuple[Path, bool]],
    workers: int,
    home: Path | None = None,
    *,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
) -> tuple[list[Any], BatchOutcome]:
    """Index ``sources`` in ``workers`` processes; returns their uncommitted segments.

    The sources are cut into runs of about one segment each (in their given order), and the runs
    are handed out one at a time to whichever worker is free, so every core stays busy to the end
    of the build whatever the other load on the machine.
    """
    ctx = mp.get_context("spawn")
    progress_queue = ctx.Queue()
    cancel_event = ctx.Event()
    runs = list(_chunks([(str(p), b) for p, b in sources], SEGMENT_CHARS * 3))
    total = len(sources)
    done = 0
    outcome = BatchOutcome()
    segments: list[Any] = []
    with ProcessPoolExecutor(
        max_workers=max(1, min(workers, len(runs))),
        mp_context=ctx,
        initializer=_worker_init,
        initargs=(progress_queue, cancel_event),
    ) as pool:
        futures = [
            pool.submit(_worker_build, str(index_dir), str(home) if home else None, run)
            for run in runs
        ]
        while True:
            if cancel is not None and cancel.is_set():
                cancel_event.set()
            try:
                name = progress_queue.get(timeout=0.1)
            except queue.Empty:
                if all(f.done() for f in futures):
                    break
                continue
            done += 1
            if progress is not None:
                progress(done, total, name)
        for future in futures:
            try:
                part_segments, part_outcome = future.result()
            except BrokenProcessPool as exc:
                raise ReportError(
                    "an indexing worker process died (out of memory?); the library is unchanged"
                ) from exc
            outcome.loaded.extend(part_outcome.loaded)
            outcome.cancelled |= part_outcome.cancelled
            segments.extend(part_segments)
        if outcome.cancelled:
            segments = []  # a cancelled build commits nothing (runs that finished included)
    return segments, outcome


def commit_with_segments(writer: RowWriter, extra_segments: list[Any]) -> None:
    """Commit ``writer`` (its deletions and own rows) together with workers' segments.

    Mirrors ``SegmentWriter.commit`` with the extra segments appended before the TOC is written.
    Whoosh never merges (it would copy stored fields but not the postings files); when small
    segments pile up, :mod:`reporttui.core.index.merge` merges them into one before the TOC is
    written, so the commit is still one atomic TOC write.
    """
    from reporttui.core.index import merge

    w = writer.writer
    final = w._merge_segments(None, False, False)
    if writer.rows:
        final.append(writer.finish_segment())
    else:
        w._close_segment()
    final.extend(extra_segments)
    final = [s for s in final if s.doc_count() > 0]  # fully deleted segments go (as in Whoosh)
    pick = merge.plan(final)
    if pick:
        merged = merge.merge_segments(w.storage, w.schema, w.indexname, pick)
        gone = {id(s) for s in pick}
        at = next(i for i, s in enumerate(final) if id(s) in gone)
        final = [s for s in final if id(s) not in gone]
        final.insert(at, merged)
    w._commit_toc(final)
    w._finish()


def remove_leftovers(index_dir: Path) -> None:
    """Remove temp folders a killed writer left in ``index_dir`` (call only under the write lock)."""
    if not index_dir.is_dir():
        return
    for child in index_dir.iterdir():
        if child.is_dir() and child.name.endswith(".tmp"):
            shutil.rmtree(child, ignore_errors=True)
