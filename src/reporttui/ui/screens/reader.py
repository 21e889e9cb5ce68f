"""The reader: the section tree beside the report text, kept in step both ways.

The screen loads its own documents (a thread worker) and walks the active search's hits (n / N).
It uses the text widget through a narrow interface only: ``show(doc, terms)``,
``set_terms(terms, current_hit)``, ``index_of(section_id, paragraph)``,
``move_to(index, third=, offset=)``, ``scroll_to_block_top(index)``, ``first_hit_offset(block)``,
``cursor`` / ``cursor_block`` / ``blocks`` and ``scroll_y`` / ``scroll_to(y=)``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Static, Tree
from textual.worker import get_current_worker

from reporttui.core.errors import ReportError
from reporttui.core.labels import document_label
from reporttui.core.model import Document
from reporttui.core.session import SearchState
from reporttui.ui.messages import DocumentLoaded
from reporttui.ui.styling import plain
from reporttui.ui.widgets.document_view import DocumentView
from reporttui.ui.widgets.index_status import IndexStatus
from reporttui.ui.widgets.section_tree import SectionTree

if TYPE_CHECKING:
    from reporttui.ui.app import ReportApp

NARROW = 60
"""Below this width the tree is hidden unless asked for."""
HITS = Binding.Group("Hit")
"""n and N share one footer entry: "n N Hit"."""


@dataclass(frozen=True)
class ReaderPlace:
    """Where the reader was: the document, the paragraph cursor, the scroll, the hit walk."""

    doc_id: str | None
    cursor: int = -1
    scroll_y: float = 0.0
    search: SearchState | None = None
    walking: bool = False
    current: int = -1
    tree_focused: bool = False


class ReaderScreen(Screen[None]):
    """One document: tree on the left, text on the right, a title line with the search counter."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "n",
            "step_hit(1)",
            "Next hit",
            id="reader.next_hit",
            group=HITS,
            tooltip="Jump to the next search hit (on into the next document)",
        ),
        Binding(
            "N",
            "step_hit(-1)",
            "Previous hit",
            id="reader.previous_hit",
            group=HITS,
            tooltip="Jump to the previous search hit",
            key_display="N",
        ),
        Binding(
            "y",
            "copy",
            "Copy",
            id="reader.copy",
            tooltip="Copy the current paragraph with a citation line (OSC 52)",
        ),
        Binding(
            "m",
            "tag",
            "Tag",
            id="reader.tag",
            tooltip="Tag the current paragraph (pick or type tags, add a note)",
        ),
        Binding(
            "t",
            "toggle_tree",
            "Tree",
            id="reader.toggle_tree",
            tooltip="Show or hide the section tree",
        ),
        Binding(
            "d",
            "dropped",
            "Dropped",
            show=False,
            id="reader.dropped",
            tooltip="Show what cleaning dropped from the source file",
        ),
        Binding(
            "escape,backspace",
            "back",
            "Back",
            id="reader.back",
            key_display="Esc",
            tooltip="Back to where you came from (the results, a comparison, the library)",
        ),
    ]

    app: ReportApp

    def __init__(self) -> None:
        super().__init__()
        self.document: Document | None = None
        self._tree_wanted: bool | None = None
        self._flat = False
        """The document has one section (a news page, a saved web page): its tree says only
        全文, so it is hidden unless asked for with ``t`` (a third of 80 columns, ux r16)."""
        self._pending: ReaderPlace | None = None
        """A place to restore once the screen is shown and its document laid out."""
        self._notice = ""
        """A one-off note in the title (n wrapped around, the walk ended...)."""

    def compose(self) -> ComposeResult:
        yield Static("", id="reader-title")
        with Horizontal(id="reader-body"):
            yield SectionTree(id="tree")
            yield DocumentView(id="text")
        yield IndexStatus(classes="index-status")
        yield Footer(compact=True)

    @property
    def tree(self) -> SectionTree:  # type: ignore[override]
        return self.query_one(SectionTree)

    @property
    def text(self) -> DocumentView:
        return self.query_one(DocumentView)

    def on_mount(self) -> None:
        self.query_one("#reader-title", Static).update(
            "no document open: press Esc for the library"
        )
        self._apply_width(self.app.size.width)
        self.app.search_changed.subscribe(self, self._search_changed)

    def on_resize(self) -> None:
        self._apply_width(self.size.width)

    def on_screen_resume(self) -> None:
        if self._pending is not None and self.document is not None:
            self.call_after_refresh(self._apply_pending)

    def _apply_width(self, width: int) -> None:
        narrow = width < NARROW
        self.set_class(narrow, "-narrow")
        show = self._tree_wanted if self._tree_wanted is not None else not narrow
        self.tree.display = show and (self._tree_wanted is not None or not self._flat)

    # -- loading ----------------------------------------------------------------------------

    def open(self, doc_id: str, section_id: str | None = None, paragraph: int = 0) -> None:
        """Show document ``doc_id`` at a section / paragraph (loaded in a worker unless shown)."""
        if self.document is not None and self.document.id == doc_id:
            self.call_later(self.show, self.document, section_id, paragraph)
            return
        self.load_document(doc_id, section_id, paragraph)

    @work(thread=True, exclusive=True, exit_on_error=False, group="load")
    def load_document(self, doc_id: str, section_id: str | None, paragraph: int) -> None:
        """Load a document through the library (which caches the last few)."""
        try:
            doc = self.app.session.document(doc_id)
        except (ReportError, KeyError, OSError) as exc:
            self.post_message(DocumentLoaded(None, section_id, paragraph, f"cannot open: {exc}"))
            return
        if not get_current_worker().is_cancelled:
            self.post_message(DocumentLoaded(doc, section_id, paragraph, None))

    @on(DocumentLoaded)
    async def _document_loaded(self, message: DocumentLoaded) -> None:
        if message.doc is None:
            self.notify(message.error or "cannot open the document", severity="error")
            return
        await self.show(message.doc, message.section_id, message.paragraph)
        refresh = getattr(self.app, "refresh_tag_marks", None)
        if refresh is not None:  # workbench (issue 14): mark tagged paragraphs, tree and text
            refresh()

    # -- showing ----------------------------------------------------------------------------

    async def show(self, doc: Document, section_id: str | None = None, paragraph: int = 0) -> None:
        """Show ``doc``, with the cursor on a paragraph (or section) and the search's highlights."""
        search = self._walk()
        terms = search.terms if search else ()
        if self.document is not doc:
            self.document = doc
            self.tree.show(doc, search.section_counts(doc.id) if search else None)
            self._flat = len(self.tree.nodes_by_section) <= 1
            self._apply_width(self.size.width or self.app.size.width)
            await self.text.show(doc, terms)
        else:
            self.tree.set_hit_counts(search.section_counts(doc.id) if search else None)
            self.text.set_terms(terms)
        self.update_title()
        if self._pending is not None and self._pending.doc_id == doc.id:
            self.call_after_refresh(self._apply_pending)
        elif section_id is not None:
            index = self.text.index_of(section_id, paragraph)
            self.call_after_refresh(self._jump, index, section_id, paragraph)
        self.text.focus()

    def _walk(self) -> SearchState | None:
        """The active search while its hit walk goes on (its marks are shown), else None."""
        search = self.app.session.search
        return search if search is not None and search.walking else None

    def _jump(self, index: int, section_id: str, paragraph: int, tries: int = 0) -> None:
        """Scroll to block ``index`` once the new blocks have been laid out."""
        view = self.text
        blocks = view.blocks
        laid_out = not 0 <= index < len(blocks) or (
            blocks[index].virtual_region.height > 0
            and view.size.height > 0
            and view.virtual_size.height >= blocks[index].virtual_region.bottom
        )
        if not self.is_current and tries < 100:
            # A modal (the command palette) is still on top: this screen is not laid out or
            # scrolled until it is shown again, so try once it is.
            self.set_timer(0.02, lambda: self._jump(index, section_id, paragraph, tries + 1))
            return
        if not laid_out and tries < 100:
            # Blocks mounted a moment ago (or behind a modal) have no region until a layout
            # pass: ask for one and look again shortly (at most ~2 s).
            view.refresh(layout=True)
            self.set_timer(0.02, lambda: self._jump(index, section_id, paragraph, tries + 1))
            return
        search = self._walk()
        hit_here = search is not None and search.current >= 0
        if search is not None and hit_here:
            self.text.set_terms(search.terms, (section_id, paragraph))
        offset = 0
        if hit_here and 0 <= index < len(blocks):
            offset = view.first_hit_offset(blocks[index])
        view.move_to(index, third=hit_here, offset=offset)
        if not hit_here:
            self.text.scroll_to_block_top(index)

    def update_title(self) -> None:
        doc = self.document
        if doc is None:
            return
        bits = plain(document_label(doc), "bold")
        if doc.title and doc.title != doc.kind:
            bits += Content(" · ") + plain(doc.title)
        search = self.app.session.search
        if search is not None and search.walking:
            query = search.result.query
            bits = (
                Content.styled(f" {query} {search.counter()} ", "bold reverse $warning")
                + Content(" ")
                + bits
            )
        elif search is not None:
            bits = (
                Content.styled(f" {search.result.query}: search ended ", "dim reverse")
                + Content(" ")
                + bits
            )
        if self._notice:
            bits = Content.styled(f"{self._notice} ", "italic $text-warning") + bits
        self.query_one("#reader-title", Static).update(bits)

    def refresh_search(self) -> None:
        """The search changed (or was cleared): relabel the tree and re-highlight the text."""
        if self.document is None:
            return
        search = self._walk()
        self.tree.set_hit_counts(search.section_counts(self.document.id) if search else None)
        self.text.set_terms(search.terms if search else ())
        self.update_title()

    # -- the hit walk -----------------------------------------------------------------------

    def _search_changed(self, _state: object) -> None:
        self.refresh_search()
        self.refresh_bindings()  # n N shown only with a search to step through

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """``n`` ``N`` leave the footer while there is no search (they did nothing but say so:
        the footer offered a key with nothing behind it, ux r16); the help still lists them."""
        if action == "step_hit":
            state = self.app.session.search
            return state is not None and bool(state.hits)
        return True

    def action_step_hit(self, delta: int) -> None:
        """n / N: the next / previous hit of the active search, on into other documents."""
        state = self.app.session.search
        if state is None or not state.hits:
            self.notify("no search: press / to search", timeout=3)
            return
        if not state.walking:
            where = (
                f" when a document was opened from the {state.ended_by}" if state.ended_by else ""
            )
            self.notify(
                f"the search for {state.result.query} ended{where}: "
                "/ and Enter go back to its results",
                timeout=4,
            )
            return
        hit = state.step(delta)
        if hit is None:
            return
        self._notice = state.wrap_notice()
        if self._notice:
            self.notify(self._notice, timeout=2)
        if self.document is not None and self.document.id == hit.doc_id:
            self.call_later(self.show, self.document, hit.section_id, hit.paragraph)
        else:
            self.load_document(hit.doc_id, hit.section_id, hit.paragraph)
        self.set_timer(3, self._clear_notice)

    def _clear_notice(self) -> None:
        if self._notice:
            self._notice = ""
            self.update_title()

    # -- history ----------------------------------------------------------------------------

    def snapshot(self) -> ReaderPlace:
        """Where the reader is now (for Esc / ^o to come back to)."""
        search = self.app.session.search
        if self.document is None:
            return ReaderPlace(None)
        return ReaderPlace(
            self.document.id,
            self.text.cursor,
            self.text.scroll_y,
            search,
            bool(search and search.walking),
            search.current if search else -1,
            self.tree.has_focus,
        )

    def place_key(self, state: ReaderPlace) -> object:
        return state.doc_id

    async def restore(self, state: ReaderPlace) -> None:
        """Show the place again: its document, cursor, scroll and hit walk (if the search is the
        same one)."""
        search = self.app.session.search
        if state.search is not None and search is state.search:
            search.walking = state.walking
            search.current = state.current
        if state.doc_id is None:
            return
        self._pending = state
        if self.document is not None and self.document.id == state.doc_id:
            await self.show(self.document)
        else:
            self.load_document(state.doc_id, None, 0)

    def _apply_pending(self, tries: int = 0) -> None:
        """Put the cursor and scroll back as they were, once the text is laid out."""
        place = self._pending
        view = self.text
        if place is None or self.document is None or self.document.id != place.doc_id:
            return
        if not self.is_current:
            return  # on_screen_resume tries again
        if (not view.size.height or view.virtual_size.height < place.scroll_y) and tries < 100:
            view.refresh(layout=True)
            self.set_timer(0.02, lambda: self._apply_pending(tries + 1))
            return
        self._pending = None
        view.scroll_to(y=place.scroll_y, animate=False, immediate=True)
        if 0 <= place.cursor < len(view.blocks):
            view.cursor = place.cursor
        (self.tree if place.tree_focused and self.tree.display else view).focus()
        self.refresh_search()

    async def action_back(self) -> None:
        await self.app.back()

    # -- keeping tree and text in step -------------------------------------------------------

    @on(DocumentView.CursorMoved)
    def _text_moved(self, event: DocumentView.CursorMoved) -> None:
        if not self.tree.has_focus:
            self.tree.follow(event.section_id)

    @on(Tree.NodeHighlighted, "#tree")
    def _tree_moved(self, event: Tree.NodeHighlighted[str]) -> None:
        if self.tree.has_focus and event.node.data is not None:
            self.text.scroll_to_block_top(self.text.index_of(event.node.data))

    @on(Tree.NodeSelected, "#tree")
    def _tree_selected(self, event: Tree.NodeSelected[str]) -> None:
        if event.node.data is not None:
            self.text.scroll_to_block_top(self.text.index_of(event.node.data))
            self.text.focus()

    # -- actions -----------------------------------------------------------------------------

    def action_toggle_tree(self) -> None:
        """Show or hide the tree; the text re-wraps, so keep the cursor's paragraph in view."""
        keep = self.text.cursor
        self._tree_wanted = not self.tree.display
        self.tree.display = self._tree_wanted
        if self._tree_wanted:
            self.tree.focus()
        else:
            self.text.focus()
        if keep >= 0:
            self.call_after_refresh(self._keep_reading, keep)

    def _keep_reading(self, index: int, tries: int = 0) -> None:
        """Once the text is laid out at its new width, put block ``index`` back at the top."""
        view = self.text
        if view.size.height == 0 and tries < 50:
            self.set_timer(0.02, lambda: self._keep_reading(index, tries + 1))
            return
        view.scroll_to_block_top(index)

    def action_copy(self) -> None:
        block = self.text.cursor_block
        if self.document is None or block is None:
            return
        self.app.copy_citation(self.document, block.section.id, block.paragraph, block.text)

    def action_tag(self) -> None:
        """workbench (issue 14): tag the paragraph under the cursor."""
        block = self.text.cursor_block
        if self.document is not None and block is not None:
            self.app.tag_paragraph(self.document, block.paragraph)

    def action_dropped(self) -> None:
        if self.document is not None:
            from reporttui.ui.screens.dropped import DroppedScreen

            self.app.push_screen(DroppedScreen(self.document))
