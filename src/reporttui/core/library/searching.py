"""The searcher's lifetime: one shared searcher on the live index, reopened after every
commit, a read check of the index, and search itself (never takes the write lock)."""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from reporttui.core.errors import ReportError
from reporttui.core.library.base import LibraryBase
from reporttui.core.paths import index_dir

USE_MMAP = False
"""Read the index through mmap (Whoosh's default)? With mmap every page of the index a search
touches counts in the process's resident size (hundreds of MB on a big library after a few
common-word searches); without it they stay in the OS page cache, shared and reclaimable."""


def _open_storage(folder: Path) -> Any:
    """Read-only storage of an index folder."""
    from whoosh.filedb.filestore import FileStorage

    return FileStorage(str(folder), supports_mmap=USE_MMAP, readonly=True)


STAMP_SETTLED = 3.0
"""Seconds the index folder must have been unchanged for its stat to stand for its listing."""


class IndexDamaged(ReportError):
    """The index on disk cannot be read (truncated or missing files)."""


class Searching(LibraryBase):
    """The shared searcher and search (a part of ``Library``)."""

    def _check_index(self, name: str, share: bool = False) -> None:
        """Open the index and every segment's files; IndexDamaged if anything is missing or cut.

        ``share``: check through the shared searcher (opened if needed) when ``name`` is the
        live index, so that a search right after (``reporttui search``) does not open and read
        the whole index a second time.
        """
        folder = index_dir(self.home) / name
        from reporttui.core.library.verify import check_sizes

        cut, sized = check_sizes(folder)
        if cut is not None:
            raise IndexDamaged(f"the search index at {folder} is damaged ({cut} is cut or grown)")
        if share:
            with self._search_lock:
                if self._catalog().index_name == name:
                    try:
                        # Opening maps every segment's postings file and checks it fits.
                        searcher = self._open_searcher(sizes_checked=name)
                        self._check_reader(searcher.reader(), sized)
                        return
                    except Exception as exc:
                        with contextlib.suppress(Exception):
                            if self._searcher is not None:
                                self._searcher.close()
                        self._searcher = None
                        raise IndexDamaged(
                            f"the search index at {folder} is damaged ({type(exc).__name__})"
                        ) from exc
        from whoosh import index as whoosh_index

        try:
            ix = whoosh_index.open_dir(str(folder))
            with ix.reader() as reader:
                from reporttui.core.index.matcher import IndexView

                IndexView(reader)  # every segment's postings file opens and fits its segment
                self._check_reader(reader, sized)
        except Exception as exc:
            raise IndexDamaged(
                f"the search index at {folder} is damaged ({type(exc).__name__})"
            ) from exc

    @staticmethod
    def _check_reader(reader: Any, sized: bool = False) -> None:
        """Read what a search reads of every segment: its document ids and last stored row.

        scale (issue 11): ``sized``: every file's size was found as recorded at commit (the
        manifest), which is what the walk of every document id would catch (a cut terms file);
        that walk is one step per report of the library (~35 ms at 1x, ~0.35 s at 10x of every
        one-shot search), so it runs only for an index without a manifest."""
        for leaf, _ in reader.leaf_readers():
            leaf.doc_count_all()
            for fieldname in () if sized else ("doc_id",):
                if fieldname in leaf.schema:
                    for _term in leaf.lexicon(fieldname):
                        pass
            if leaf.doc_count_all():
                leaf.stored_fields(leaf.doc_count_all() - 1)

    _folder_seen: tuple[Any, tuple[int, int, int, int]] | None = None
    """The shared searcher and its index folder's stat stamp when it was last found up to date
    (see :meth:`_unchanged_since_checked`)."""

    def _unchanged_since_checked(self, searcher: Any, folder: Path) -> bool:
        """The index folder is as it was when ``searcher`` was last found up to date, so no
        commit can have happened since (a commit writes a new table of contents file there,
        which changes the folder's modification time).

        speed (issue 11, round 16): Whoosh's ``up_to_date`` lists the folder and matches every
        name against a pattern (~80 µs of every search, 73 files at the corpus); a stat is ~2
        µs. A stamp is only kept when the folder's times are over :data:`STAMP_SETTLED` seconds
        old at the check (a file system with coarse times could show a change made in the same
        tick as the same time), so a stamp never hides a change made after it was taken."""
        seen = self._folder_seen
        if seen is None or seen[0] is not searcher:
            return False
        try:
            st = os.stat(folder)
        except OSError:
            return False
        return (st.st_dev, st.st_ino, st.st_mtime_ns, st.st_ctime_ns) == seen[1]

    def _checked_at(self, searcher: Any, folder: Path) -> None:
        """Keep the folder's stamp with ``searcher``, just found up to date (none when the
        folder changed too recently to tell a later change by its times)."""
        self._folder_seen = None
        try:
            st = os.stat(folder)
        except OSError:
            return
        settled = time.time_ns() - int(STAMP_SETTLED * 1e9)
        if max(st.st_mtime_ns, st.st_ctime_ns) < settled:
            self._folder_seen = (
                searcher,
                (st.st_dev, st.st_ino, st.st_mtime_ns, st.st_ctime_ns),
            )

    def _open_searcher(self, sizes_checked: str | None = None) -> Any:
        """The shared searcher on the live index, refreshed when a writer committed since.

        ``sizes_checked``: the index whose files' sizes the caller has just compared with its
        manifest (:meth:`_check_index`), not compared again here (process, issue 11: a manifest
        read and a stat per file, ~2 ms of a one-shot search)."""

        for attempt in range(5):
            catalog = self._catalog()
            if not catalog.index_name:
                raise ReportError("index not built yet: run `reporttui index`")
            folder = index_dir(self.home) / catalog.index_name
            if self._searcher is not None and self._searcher_name == catalog.index_name:
                # Not Searcher.refresh(): its reader reuse re-adds the old segment objects and
                # so resurrects deleted documents (whoosh 2.7). A fresh reader per commit.
                try:
                    if self._unchanged_since_checked(self._searcher, folder):
                        return self._searcher
                    if self._searcher.up_to_date():
                        self._checked_at(self._searcher, folder)
                        return self._searcher
                except Exception:
                    pass
            from reporttui.core.library.verify import cut_file

            cut = cut_file(folder) if sizes_checked != catalog.index_name else None
            if cut is not None:
                raise IndexDamaged(
                    f"the search index at {folder} is damaged ({cut} is not the size it was"
                    " written at); run `reporttui index`"
                )
            try:
                searcher = _open_storage(folder).open_index().searcher()
                from reporttui.core.index.matcher import view

                view(searcher.reader())  # map the postings now: the folder may go after a rebuild
            except Exception as exc:
                if attempt < 4:
                    time.sleep(0.05 * (attempt + 1))
                    continue
                raise IndexDamaged(
                    f"cannot open the search index at {folder} ({type(exc).__name__})"
                ) from exc
            if self._searcher is not None:
                with contextlib.suppress(Exception):
                    self._searcher.close()
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
            with self._damage_guard():
                return search_core.search(
                    searcher, query, limit=limit, region=region, year=year, home=self.home
                )

    def search_staged(
        self,
        query: str,
        *,
        first: int,
        limit: int,
        stop: Callable[[], bool] | None = None,
    ) -> Iterator[tuple[Any, bool]]:
        """:meth:`search` in two steps (``first`` hits, then ``limit``): see
        :func:`reporttui.core.search.search.search_staged`. The search lock is held until the
        generator ends or is closed, so take it to the end (or close it) in one thread."""
        from reporttui.core.search import search as search_core

        with self._search_lock:
            searcher = self._open_searcher()
            with self._damage_guard():
                yield from search_core.search_staged(
                    searcher, query, first=first, limit=limit, home=self.home, stop=stop
                )

    @contextlib.contextmanager
    def _damage_guard(self) -> Iterator[None]:
        """A search's unexpected failure is a damaged index: the searcher is dropped (the next
        search reopens it) and the one-line :class:`IndexDamaged` is raised instead."""
        try:
            yield
        except ReportError:
            raise
        except Exception as exc:
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
