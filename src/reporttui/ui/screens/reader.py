"""The reader: the section tree beside the report text, kept in step both ways."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Static, Tree

from reporttui.core.model import Document
from reporttui.ui.styling import plain
from reporttui.ui.widgets.document_view import DocumentView
from reporttui.ui.widgets.index_status import IndexStatus
from reporttui.ui.widgets.section_tree import SectionTree

if TYPE_CHECKING:
    from reporttui.ui.app import ReportApp

NARROW = 60
"""Below this width the tree is hidden unless asked for."""


class ReaderScreen(Screen[None]):
    """One document: tree on the left, text on the right, a title line with the search counter."""

    BINDINGS = [
        Binding("n", "app.step_hit(1)", "Next", id="reader.next_hit",
                tooltip="Jump to the next search hit (on into the next document)"),
        Binding("N", "app.step_hit(-1)", "Prev", id="reader.previous_hit",
                tooltip="Jump to the previous search hit", key_display="N"),
        Binding("y", "copy", "Copy", id="reader.copy",
                tooltip="Copy the current paragraph with a citation line (OSC 52)"),
        Binding("m", "tag", "Tag", id="reader.tag",
                tooltip="Tag the current paragraph (pick or type tags, add a note)"),
        Binding("t", "toggle_tree", "Tree", id="reader.toggle_tree",
                tooltip="Show or hide the section tree"),
        Binding("d", "dropped", "Dropped", show=False, id="reader.dropped",
                tooltip="Show what cleaning dropped from the source file"),
        Binding("escape", "app.back", "Back", show=False, id="reader.back",
                tooltip="Go back to the search results or the library"),
    ]

    app: ReportApp

    def __init__(self) -> None:
        super().__init__()
        self.document: Document | None = None
        self._tree_wanted: bool | None = None

    def compose(self) -> ComposeResult:
        yield Static("", id="reader-title")
        with Horizontal(id="reader-body"):
            yield SectionTree(id="tree")
            yield DocumentView(id="text")
        yield IndexStatus(classes="index-status")
        yield Footer(compact=True)

    @property
    def tree(self) -> SectionTree:
        return self.query_one(SectionTree)

    @property
    def text(self) -> DocumentView:
        return self.query_one(DocumentView)

    def on_mount(self) -> None:
        self.query_one("#reader-title", Static).update("no document open: press Esc for the library")
        self._apply_width(self.app.size.width)

    def on_resize(self) -> None:
        self._apply_width(self.size.width)

    def _apply_width(self, width: int) -> None:
        narrow = width < NARROW
        self.set_class(narrow, "-narrow")
        show = self._tree_wanted if self._tree_wanted is not None else not narrow
        self.tree.display = show

    # -- showing ----------------------------------------------------------------------------

    async def show(self, doc: Document, section_id: str | None = None, paragraph: int = 0) -> None:
        """Show ``doc``, with the cursor on a paragraph (or section) and the search's highlights."""
        search = self.app.session.search
        terms = search.terms if search else ()
        if self.document is not doc:
            self.document = doc
            self.tree.show(doc, search.section_counts(doc.id) if search else None)
            await self.text.show(doc, terms)
        else:
            self.tree.set_hit_counts(search.section_counts(doc.id) if search else None)
            self.text.set_terms(terms)
        self.update_title()
        if section_id is not None:
            index = self.text.index_of(section_id, paragraph)
            self.call_after_refresh(self._jump, index, section_id, paragraph)
        self.text.focus()

    def _jump(self, index: int, section_id: str, paragraph: int, tries: int = 0) -> None:
        """Scroll to block ``index`` once the new blocks have been laid out."""
        view = self.text
        blocks = view.blocks
        laid_out = (
            not 0 <= index < len(blocks)
            or (
                blocks[index].virtual_region.height > 0
                and view.size.height > 0
                and view.virtual_size.height >= blocks[index].virtual_region.bottom
            )
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
        search = self.app.session.search
        hit_here = search is not None and search.current >= 0
        if hit_here:
            self.text.set_terms(search.terms, (section_id, paragraph))  # type: ignore[union-attr]
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
        bits = plain(doc.label, "bold")
        if doc.title and doc.title != doc.kind:
            bits += Content(" · ") + plain(doc.title)
        search = self.app.session.search
        if search is not None:
            query = search.result.query
            bits = (
                Content.styled(f" {query} {search.counter()} ", "bold reverse $warning")
                + Content(" ")
                + bits
            )
        self.query_one("#reader-title", Static).update(bits)

    def refresh_search(self) -> None:
        """The search changed (or was cleared): relabel the tree and re-highlight the text."""
        if self.document is None:
            return
        search = self.app.session.search
        self.tree.set_hit_counts(search.section_counts(self.document.id) if search else None)
        self.text.set_terms(search.terms if search else ())
        self.update_title()

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
        self._tree_wanted = not self.tree.display
        self.tree.display = self._tree_wanted
        if self._tree_wanted:
            self.tree.focus()
        else:
            self.text.focus()

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
