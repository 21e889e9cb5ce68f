"""The Textual app: modes, global keys, navigation history and the shared services.

Start-up draws the library screen first; listing the library, adding files, indexing and loading
jieba's dictionary all run afterwards in thread workers that post messages back. Each screen runs
its own work (the search pane its searches, the reader its document loads); the App keeps what
every screen shares: the library session, the index state and the back / forward history.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import sys
import threading
import warnings
from collections.abc import Iterable
from functools import partial
from pathlib import Path
from typing import Any, ClassVar

from textual import events, on, work
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.reactive import reactive
from textual.screen import ModalScreen, Screen
from textual.signal import Signal
from textual.worker import Worker, WorkerState, get_current_worker

from reporttui.core.errors import ReportError
from reporttui.core.labels import citation, index_label
from reporttui.core.model import Document, Paragraph
from reporttui.core.progress import Eta
from reporttui.core.session import Outline, SearchState, Session
from reporttui.ui.commands import DocumentCommands, SectionCommands
from reporttui.ui.messages import EntriesLoaded, IndexProgress, IndexReady
from reporttui.ui.navigation import Navigator
from reporttui.ui.screens.library import LibraryScreen
from reporttui.ui.screens.reader import ReaderScreen
from reporttui.ui.screens.search import SearchScreen
from reporttui.ui.workbench import WorkbenchMixin

__all__ = ["ReportApp", "citation", "run"]

OUTLINE_PRELOAD = 60
"""Libraries up to this size get every document's sections into the palette (loaded in a worker)."""
INDEX_DELAY = 0.2
INDEX_WAIT_MAX = 5.0
"""Longest the index check waits for a document being opened (seconds)."""
CATALOG_POLL = 2.0
"""Seconds between two checks for a catalogue another process changed."""
"""Seconds between the library list showing and the index check / jieba load starting."""


class ReportApp(WorkbenchMixin, App[None]):
    """reporttui: read, search and compare reports."""

    CSS_PATH = "app.tcss"
    TITLE = "reporttui"
    COMMANDS = App.COMMANDS | {DocumentCommands, SectionCommands}
    ENABLE_COMMAND_PALETTE = True

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "slash",
            "search",
            "Search",
            id="app.search",
            key_display="/",
            priority=True,
            tooltip="Search the whole library (results update as you type)",
        ),
        Binding(
            "f1,question_mark",
            "help",
            "Help",
            id="app.help",
            key_display="?",
            tooltip="Keys and query syntax",
        ),
        Binding("q", "quit", "Quit", show=False, id="app.quit", tooltip="Quit reporttui"),
        Binding(
            "ctrl+o,alt+left",
            "go_back",
            "Back",
            show=False,
            id="app.back",
            key_display="^o",
            tooltip="Back to the previous place (screen, document, position)",
        ),
        Binding(
            "ctrl+i,alt+right",
            "go_forward",
            "Forward",
            show=False,
            id="app.forward",
            key_display="^i",
            tooltip="Forward again (after ^o); alt+→ where ^i is Tab",
        ),
        Binding(
            "L",
            "library",
            "Library",
            show=False,
            id="app.library",
            tooltip="Go to the library list",
        ),
        Binding(
            "R",
            "reader",
            "Reader",
            show=False,
            id="app.reader",
            tooltip="Go to the reader (the last document read)",
        ),
        Binding(
            "c",
            "compare",
            "Compare",
            show=False,
            id="app.compare",
            tooltip="Compare two documents side by side",
        ),
        Binding(
            "T",
            "targets",
            "Targets",
            show=False,
            id="app.targets",
            tooltip="Targets and results table of the current document",
        ),
        Binding(
            "K",
            "keywords",
            "Keywords",
            show=False,
            id="app.keywords",
            tooltip="Top terms of the current document",
        ),
        # workbench (issue 14): the tags screen and the 对照 view (ui/workbench.py)
        Binding(
            "number_sign",
            "tags",
            "Tags",
            show=False,
            id="app.tags",
            key_display="#",
            tooltip="Every tag with its passages; export them with citations",
        ),
        Binding(
            "D",
            "diff",
            "对照",
            show=False,
            id="app.diff",
            tooltip="对照: the current report against another, clause by clause",
        ),
    ]

    index_state: reactive[tuple[int, int, str, bool]] = reactive((0, 0, "", False), init=False)
    """(done, total, label, ready) of the library's indexing, shown by every IndexStatus."""

    def __init__(
        self, home: Path, paths: Iterable[Path] = (), library: Any = None, **kwargs: Any
    ) -> None:
        super().__init__(**kwargs)
        self.session = Session(home=Path(home), given_library=library)
        self.paths = [Path(p) for p in paths]
        self.entries: list[Any] | None = None
        self.cancel = threading.Event()
        self.search_changed: Signal[SearchState | None] = Signal(self, "search_changed")
        """Published when the active search changes (the reader re-marks its text)."""
        self.library_screen = LibraryScreen()
        self.reader_screen = ReaderScreen()
        self.search_screen = SearchScreen()
        self.add_mode("library", lambda: self.library_screen)
        self.add_mode("reader", lambda: self.reader_screen)
        self.add_mode("search", lambda: self.search_screen)
        self.navigator = Navigator(self)
        self._indexing_started = False
        self._loading_jieba = False
        self._writes = False
        """True while the index worker adds files or indexes (the only library writes)."""
        self._eta = Eta()
        self.fast_exit = False
        self._cli_opened: str | None = None
        self._cli_first = True
        """The document `reporttui FILE` opened before the add (FILE unchanged in the library)."""
        """Quit by ending the process at once (set by :func:`run`; tests keep Textual's exit)."""

    # -- start-up ----------------------------------------------------------------------------

    def on_mount(self) -> None:
        self.switch_mode("library")
        self._start_background()  # a thread: reading the catalogue overlaps the first paint

    def _start_background(self) -> None:
        self._noticed: set[str] = set()
        self.load_entries()
        self._catalog_seen = self._catalog_version()
        self.set_interval(CATALOG_POLL, self._watch_catalog)

    def _catalog_version(self) -> tuple[int, ...]:
        """Changes whenever catalog.json is replaced (one stat; the library is not imported)."""

        try:
            st = os.stat(Path(self.session.home) / "catalog.json")
        except OSError:
            return ()
        return (st.st_ino, st.st_size, st.st_mtime_ns)

    def _watch_catalog(self) -> None:
        """Another process (``reporttui add`` in a shell) changed the library: list it again.
        One stat() every few seconds; the list is re-read in the entries worker (safety)."""
        version = self._catalog_version()
        if version != self._catalog_seen:
            self._catalog_seen = version
            self.load_entries()

    def _start_indexing(self, waited: float = 0.0) -> None:
        """Indexing and jieba are CPU-bound: start them once the list is on screen (GIL), and
        not while a document the user opened is being loaded (the index check's imports would
        share the GIL with it: Enter right after the start took ~1.5 s to show text)."""
        if self._indexing_started:
            return
        loading = any(w.group == "load" and not w.is_finished for w in self.workers)
        if loading and waited < INDEX_WAIT_MAX:
            self.set_timer(0.05, lambda: self._start_indexing(waited + 0.05))
            return
        self._indexing_started = True
        self.prepare_library(self.paths)

    @work(thread=True, exclusive=True, exit_on_error=False, group="entries")
    def load_entries(self) -> None:
        """List the library's documents (fast: no parsing, no index)."""
        self.session.library.notify = self._library_notice  # damaged catalogue, skipped files
        try:
            entries = list(self.session.library.entries())
        except ReportError as exc:
            self.post_message(IndexReady(error=str(exc)))
            self.call_from_thread(self._start_indexing)
            return
        chosen = self._given_file(entries, by_content=False) if self._cli_first else None
        self._cli_first = False  # later listings (the catalogue changed) open nothing
        if chosen is not None:
            # `reporttui FILE` with FILE already in the library, unchanged: open it now, not
            # after the add (which imports the ingest stack and checks the index: ~1-2 s).
            # Recorded before the listing is posted: the listing starts the add, which must
            # see that the file is already open.
            self._cli_opened = chosen.id
        self.post_message(EntriesLoaded(entries))
        if chosen is not None:
            self.call_from_thread(partial(self.open_document, chosen.id, via="command line"))

    def _given_file(self, entries: list[Any], *, by_content: bool) -> Any:
        """The entry of the one file given on the command line: the same path with the same
        content (sha1), else (``by_content``) any copy of that content; None if there is none."""
        if len(self.paths) != 1 or not self.paths[0].is_file():
            return None
        wanted = self.paths[0].resolve()
        try:
            sha1 = hashlib.sha1(wanted.read_bytes()).hexdigest()
        except OSError:
            return None
        same = (e for e in entries if Path(e.path).resolve() == wanted and e.sha1 == sha1)
        found = next(same, None)
        if found is None and by_content:
            found = next((e for e in entries if Path(e.path).resolve() == wanted), None)
            found = found or next((e for e in entries if e.sha1 == sha1), None)
        return found

    @work(thread=True, exclusive=True, exit_on_error=False, group="index")
    def prepare_library(self, paths: list[Path]) -> None:
        """Add ``paths``, bring the index up to date, then load jieba; report progress."""
        library = self.session.library

        def progress(done: int, total: int, label: str = "") -> None:
            self.post_message(IndexProgress(done, total, label))

        try:
            if library.has_index():
                # A committed index serves searches while files are added or re-indexed
                # (a very large file must not lock search out of the rest: safety).
                self.call_from_thread(self._searchable)
            if paths:
                self._writes = True
                try:
                    report = library.add(paths, progress, self.cancel)
                finally:
                    self._writes = False
                self._tell(report, paths)
                entries = list(library.entries())
                self.post_message(EntriesLoaded(entries))
                # `reporttui FILE`: the user wants to read that report, so open it (unless it was
                # opened at once, unchanged). Match by path, else by content (an identical copy
                # is kept once).
                chosen = self._given_file(entries, by_content=True)
                if chosen is not None and chosen.id != self._cli_opened:
                    self.call_from_thread(
                        partial(self.open_document, chosen.id, via="command line")
                    )
            if library.needs_indexing():
                self._writes = True
                try:
                    synced = library.sync(progress, self.cancel)
                finally:
                    self._writes = False
                self._tell(synced, [])
                self.post_message(EntriesLoaded(list(library.entries())))
        except ReportError as exc:
            self.post_message(IndexReady(error=str(exc)))
            return
        if self.cancel.is_set():
            return
        self.post_message(IndexReady())
        from reporttui.core.index.segment import jieba_tokenizer

        self._loading_jieba = True  # only reads from here on: quitting need not wait
        jieba_tokenizer()

    def _searchable(self) -> None:
        if not self.session.index_ready:
            self.session.index_ready = True
            if self.search_screen.is_mounted:
                self.search_screen.index_ready()

    def _library_notice(self, message: str) -> None:
        """The library's one-line messages as notices, from any thread, each once (safety)."""
        if message in self._noticed:
            return
        self._noticed.add(message)
        if threading.get_ident() == self._thread_id:
            self.notify(message, severity="warning", timeout=10)
        else:
            self.call_from_thread(self.notify, message, severity="warning", timeout=10)

    def _tell(self, report: Any, paths: list[Path]) -> None:
        """From a worker (safety): a notice for every file refused and why, and the library's
        one-line messages (damaged catalogue recovered, special files skipped...)."""
        given = set()
        for path in paths:
            with contextlib.suppress(OSError, RuntimeError):
                given.add(str(path.resolve()))
        lines = list(report.messages)
        lines += [f"skipped {error}" for path, error in report.failed if path in given]
        for line in dict.fromkeys(lines):
            self._library_notice(line)

    @work(thread=True, exclusive=True, exit_on_error=False, group="outlines")
    def preload_outlines(self, doc_ids: list[str]) -> None:
        """Parse a small library's documents so the palette can jump to any section."""
        worker = get_current_worker()
        for doc_id in doc_ids:
            if worker.is_cancelled or self.cancel.is_set():
                return
            try:
                doc = self.session.library.load(doc_id)
            except (ReportError, OSError, KeyError):
                continue
            self.session.outlines.setdefault(doc_id, Outline.of(doc))

    @on(EntriesLoaded)
    def _entries_loaded(self, message: EntriesLoaded) -> None:
        self.entries = message.entries
        if self.library_screen.is_mounted:
            self.library_screen.set_entries(message.entries)
        if not self._indexing_started:
            # Let the list paint first: the index check and jieba hold the GIL for a while.
            self.call_after_refresh(self.set_timer, INDEX_DELAY, self._start_indexing)

    @on(IndexProgress)
    def _index_progress(self, message: IndexProgress) -> None:
        done, total = message.done, message.total
        if done == 0 or self._eta.total != total:
            self._eta = Eta()
        self._eta.update(done, total)
        label = index_label(done, total, message.label, self._eta.remaining())
        self.index_state = (done, total, label, False)
        if total and done >= total and self._eta.remaining() is not None:
            # No more progress comes while the index is written: keep the estimate counting.
            self.set_timer(1.0, self._refresh_eta)

    def _refresh_eta(self) -> None:
        done, total, _label, ready = self.index_state
        if ready or not total or done < total:
            return
        self.index_state = (done, total, index_label(done, total, "", self._eta.remaining()), False)
        self.set_timer(1.0, self._refresh_eta)

    @on(IndexReady)
    def _index_ready(self, message: IndexReady) -> None:
        if message.error:
            self.notify(message.error, title="library", severity="error", timeout=10)
            self.index_state = (0, 0, message.error, False)
        else:
            self.index_state = (1, 1, "ready", True)
            self.refresh_tag_marks(reconcile=True)  # workbench (issue 14): re-find tagged passages
            if self.entries and len(self.entries) <= OUTLINE_PRELOAD:
                self.preload_outlines([e.id for e in self.entries])
        # After an error, search what the last good index holds (or say why not) rather
        # than "indexing…" forever.
        self.session.index_ready = True
        if self.search_screen.is_mounted:
            self.search_screen.index_ready()

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: Any = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """Every notice made safe (safety): messages carry file names and document text, so no
        markup and no control characters reach the terminal."""
        from reporttui.core.display import safe_line

        super().notify(
            safe_line(message),
            title=safe_line(title),
            severity=severity,
            timeout=timeout,
            markup=markup,
        )

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """A worker that failed unexpectedly: one line to the user, never a traceback."""
        if event.state == WorkerState.ERROR and event.worker.error is not None:
            error = event.worker.error
            self.log.error(f"worker {event.worker.name} failed: {error!r}")
            self.notify(f"{event.worker.group} failed: {error}", severity="error", timeout=10)

    # -- documents and the search --------------------------------------------------------------

    def open_document(
        self,
        doc_id: str,
        section_id: str | None = None,
        paragraph: int = 0,
        *,
        via: str = "palette",
    ) -> None:
        """Show a document in the reader, remembering where the user was (Esc comes back).

        Opened from anywhere but the search results (``via="results"``), it ends the hit walk.
        """
        self.run_worker(
            self._open_document(doc_id, section_id, paragraph, via),
            group="navigate",
            exclusive=True,
            exit_on_error=False,
        )

    async def _open_document(
        self, doc_id: str, section_id: str | None, paragraph: int, via: str
    ) -> None:
        self.navigator.visit()  # first: the place left keeps its hit walk
        search = self.session.search
        if via != "results" and search is not None and search.walking:
            search.walking = False
            search.ended_by = via
        await self.navigator.clear_over()
        if self.current_mode != "reader":
            await self.switch_mode("reader")
        self.reader_screen.open(doc_id, section_id, paragraph)

    def set_search(self, state: SearchState | None) -> None:
        """Make ``state`` the active search (None clears it); the reader re-marks its text."""
        self.session.search = state
        self.search_changed.publish(state)

    def open_hit(self, index: int) -> None:
        """Open hit ``index`` of the active search in the reader (the walk goes on from it)."""
        state = self.session.search
        if state is None or not state.hits:
            return
        state.current = max(0, min(index, len(state.hits) - 1))
        state.walking = True
        hit = state.hits[state.current]
        self.open_document(hit.doc_id, hit.section_id, hit.paragraph, via="results")

    def copy_citation(
        self, doc: Document, section_id: str, paragraph: Paragraph | None, text: str
    ) -> None:
        """Copy ``text`` and its citation line to the clipboard (OSC 52: works over SSH)."""
        self.copy_to_clipboard(f"{text}\n{citation(doc, section_id, paragraph)}")
        what = f"¶{paragraph.number}" if paragraph else "heading"
        self.notify(f"copied {what} with its citation", timeout=3)

    # -- navigation --------------------------------------------------------------------------

    async def go(self, mode: str) -> None:
        """Go to a top-level view (remembered, so Esc / ^o come back here)."""
        if self.current_mode == mode and len(self.screen_stack) == 1:
            return
        self.navigator.visit()
        await self.navigator.clear_over()
        if self.current_mode != mode:
            await self.switch_mode(mode)
        await self.navigator.clear_over()

    async def back(self) -> None:
        """Esc / backspace at the bottom of a screen: to exactly where the user came from."""
        if not await self.navigator.back() and self.current_mode != "library":
            await self.switch_mode("library")

    async def action_go_back(self) -> None:
        """ctrl+o: back in the history (as vim's jump list)."""
        if isinstance(self.screen, ModalScreen):
            self.pop_screen()
        if not await self.navigator.back():
            self.notify("at the start of the history", timeout=2)

    async def action_go_forward(self) -> None:
        """ctrl+i: forward in the history."""
        if isinstance(self.screen, ModalScreen):
            self.pop_screen()
        if not await self.navigator.forward():
            self.notify("at the end of the history", timeout=2)

    async def action_search(self) -> None:
        """``/`` from anywhere (even inside a text input) goes to the search query."""
        if self.current_mode == "search" and self.search_screen.input.has_focus:
            self.search_screen.input.insert_text_at_cursor("/")
            return
        focused = self.focused
        if focused is not None and focused.has_class("path-input"):  # workbench: a file path
            # queued behind the keys typed before it (inserting now would jump ahead of them)
            focused.post_message(events.Key("slash", "/"))
            return
        if isinstance(self.screen, ModalScreen):
            self.pop_screen()
        await self.go("search")
        self.search_screen.input.focus()

    async def action_library(self) -> None:
        await self.go("library")

    async def action_reader(self) -> None:
        if self.reader_screen.document is None:
            self.notify("no document open yet", timeout=3)
            return
        await self.go("reader")

    def action_help(self) -> None:
        from reporttui.ui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    def _compare_module(self) -> Any:
        try:
            from reporttui.ui import compare
        except ImportError:
            self.notify("compare view not available in this build", timeout=3)
            return None
        return compare

    def _focus_doc_id(self) -> str | None:
        """The document the user is looking at: the library's highlighted one, else the reader's."""
        if self.current_mode == "library" and len(self.screen_stack) == 1:
            doc_id = self.library_screen.highlighted_doc_id()
            if doc_id is not None:
                return doc_id
        doc = self.reader_screen.document
        return doc.id if doc is not None else None

    def _push(self, screen: Screen[Any]) -> None:
        """Push an analysis screen, remembering where the user was."""
        self.navigator.visit()
        self.push_screen(screen)

    def action_compare(self) -> None:
        """Two documents side by side (the current one on the left; pick the other)."""
        compare = self._compare_module()
        if compare is not None:
            self._push(compare.CompareScreen(self.session.library, self._focus_doc_id()))

    def _compare_target(self) -> tuple[Any, str] | None:
        """The compare package and the current document's id, or None (with a hint)."""
        compare = self._compare_module()
        doc_id = self._focus_doc_id()
        if compare is None:
            return None
        if doc_id is None:
            self.notify("open or highlight a document first", timeout=3)
            return None
        return compare, doc_id

    def action_targets(self) -> None:
        """The targets table of the current document (or of the whole library from the list)."""
        if found := self._compare_target():
            compare, doc_id = found
            self._push(compare.TargetsScreen(self.session.library, [doc_id]))

    def action_keywords(self) -> None:
        """Top terms of the current document."""
        if found := self._compare_target():
            compare, doc_id = found
            self._push(compare.KeywordScreen(self.session.library, doc_id))

    def on_open_section(self, message: Any) -> None:
        """A compare screen asks to show a section in the reader (``compare.OpenSection``).

        The comparison stays alive in the history: Esc in the reader returns to it as it was.
        """
        doc_id = getattr(message, "doc_id", None)
        section_id = getattr(message, "section_id", None)
        if doc_id is None:
            return
        message.stop()
        paragraph = int(getattr(message, "paragraph", 0) or 0)
        self.open_document(doc_id, section_id, paragraph, via="compare")

    async def action_quit(self) -> None:
        self.cancel.set()
        if self.fast_exit and not self.writing():
            self._leave_now()
        self.exit()

    def _leave_now(self) -> None:
        """Restore the terminal and end the process without tearing down every widget.

        Measured: removing a comparison's widgets took 0.12 s, and over 0.9 s while its worker
        was still aligning (both threads want the GIL). Nothing is being written, so nothing is
        lost by not waiting.
        """
        driver = self._driver
        try:
            if driver is not None:
                driver.stop_application_mode()
                driver.close()
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(0)

    def on_unmount(self) -> None:
        self.cancel.set()

    def writing(self) -> bool:
        """Whether a worker may still be writing the library (adding files, indexing)."""
        # The index check before (has_index, needs_indexing: ~1 s of imports on a loaded machine)
        # and jieba after only read: quitting then need not wait for them.
        return self._writes and any(
            w.group == "index" and not w.is_finished and not self._loading_jieba
            for w in self.workers
        )

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        yield SystemCommand("Search", "Search the library (/)", self.action_search)
        yield SystemCommand("Library", "List the library's documents (L)", self.action_library)
        yield SystemCommand("Reader", "Back to the document being read (R)", self.action_reader)
        yield SystemCommand("Back", "Back to the previous place (Esc, ^o)", self.action_go_back)
        yield SystemCommand("Forward", "Forward in the history (^i, alt+→)", self.action_go_forward)
        yield SystemCommand(
            "Next hit",
            "Jump to the next search hit (n)",
            lambda: self.reader_screen.action_step_hit(1),
        )
        yield SystemCommand(
            "Previous hit",
            "Jump to the previous search hit (N)",
            lambda: self.reader_screen.action_step_hit(-1),
        )
        yield SystemCommand(
            "Copy paragraph",
            "Copy the current paragraph with its citation (y)",
            self.reader_screen.action_copy,
        )
        yield SystemCommand(
            "Toggle tree",
            "Show or hide the section tree (t)",
            self.reader_screen.action_toggle_tree,
        )
        yield SystemCommand(
            "Dropped text", "Show what cleaning dropped (d)", self.reader_screen.action_dropped
        )
        yield SystemCommand(
            "Explain query", "How the query was segmented (F2 in search)", self._explain_command
        )
        yield SystemCommand(
            "Compare", "Compare two documents side by side (c)", self.action_compare
        )
        yield SystemCommand(
            "Targets", "Targets and results of the current document (T)", self.action_targets
        )
        yield SystemCommand(
            "Keywords", "Top terms of the current document (K)", self.action_keywords
        )
        yield SystemCommand(
            "Tag paragraph", "Tag the current paragraph (m)", self.reader_screen.action_tag
        )
        yield SystemCommand("Tags", "Every tag with its passages; export (#)", self.action_tags)
        yield SystemCommand(
            "对照 diff",
            "The current report against another, clause by clause (D)",
            self.action_diff,
        )
        yield SystemCommand("Help", "Keys and query syntax (F1, ?)", self.action_help)
        yield from super().get_system_commands(screen)

    async def _explain_command(self) -> None:
        await self.action_search()
        self.search_screen.show_explain()


def run(home: Path, paths: list[Path]) -> None:
    """Run the app on the library at ``home``, adding ``paths`` first (in the background)."""
    # Keep jieba's and Python's chatter off the screen.
    warnings.simplefilter("ignore")
    jieba_logger = logging.getLogger("jieba")
    jieba_logger.setLevel(logging.CRITICAL)
    jieba_logger.addHandler(logging.NullHandler())
    # Workers (indexing, jieba) are CPU-bound threads; a shorter GIL switch interval keeps the
    # event loop (keys, painting) responsive while they run.
    sys.setswitchinterval(0.002)
    for path in paths:
        if not path.exists():
            raise ReportError(f"no such file or folder: {path}")
    driver: dict[str, Any] = {}
    if sys.platform != "win32":
        from reporttui.ui.driver import QuickQuitDriver

        driver["driver_class"] = QuickQuitDriver
    app = ReportApp(home=home, paths=paths, **driver)
    app.fast_exit = True
    app.run()
    if not app.writing():
        # Tearing down the interpreter (jieba's and Whoosh's tables, thread joins) takes longer
        # than the whole quit (measured ~0.4 s): nothing is left to write, so leave now.
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(app.return_code or 0)
