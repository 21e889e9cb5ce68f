"""The report text: one block per heading or paragraph, with a paragraph cursor and highlights.

The cursor is the paragraph ``y`` copies and the one the section tree follows. It stays inside the
visible part of the view: moving it scrolls, and scrolling (PgDn, mouse) carries it along.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Static

from reporttui.core.model import Document, Paragraph, Section
from reporttui.ui.styling import Span, marked, term_spans


class Block(Static):
    """A heading or a paragraph of the document."""

    def __init__(self, section: Section, paragraph: Paragraph | None, **kwargs: object) -> None:
        self.section = section
        self.paragraph = paragraph
        super().__init__(**kwargs)  # type: ignore[arg-type]

    @property
    def text(self) -> str:
        return self.paragraph.text if self.paragraph else self.section.title

    def lead_span(self) -> Span | None:
        """The span of a lead-sentence heading inside this paragraph, if it opens one."""
        s, p = self.section, self.paragraph
        if p is None or s.kind != "lead" or s.title_start < p.start or s.title_end > p.end:
            return None
        if not s.paragraphs or s.paragraphs[0].number != p.number:
            return None
        return (s.title_start - p.start, s.title_end - p.start)


class DocumentView(VerticalScroll, can_focus=True):
    """Scrollable report text with a paragraph cursor, hit highlights and a current hit."""

    BINDINGS = [
        Binding("j,down", "cursor(1)", "Next ¶", show=False, id="text.down",
                tooltip="Move the cursor to the next paragraph"),
        Binding("k,up", "cursor(-1)", "Previous ¶", show=False, id="text.up",
                tooltip="Move the cursor to the previous paragraph"),
        Binding("g,home", "first", "Top", show=False, id="text.top",
                tooltip="Go to the beginning of the document"),
        Binding("G,end", "last", "End", show=False, id="text.end",
                tooltip="Go to the end of the document"),
        Binding("pagedown,space", "page(1)", "Page down", show=False, id="text.pagedown",
                tooltip="Scroll one page down"),
        Binding("pageup,b", "page(-1)", "Page up", show=False, id="text.pageup",
                tooltip="Scroll one page up"),
    ]

    cursor: reactive[int] = reactive(-1, init=False)
    """Index into :attr:`blocks` of the current block (-1: no document)."""

    class CursorMoved(Message):
        """The cursor is on a block of another section (or another block)."""

        def __init__(self, view: DocumentView, section_id: str, paragraph: int) -> None:
            super().__init__()
            self.view = view
            self.section_id = section_id
            self.paragraph = paragraph

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.document: Document | None = None
        self.blocks: list[Block] = []
        self.terms: tuple[str, ...] = ()
        self.current_hit: tuple[str, int] | None = None
        """(section_id, paragraph number) of the hit jumped to; paragraph 0 is a heading."""
        self._moving = False

    # -- content -----------------------------------------------------------------------------

    async def show(self, document: Document, terms: Sequence[str] = ()) -> None:
        """Replace the text with ``document``, highlighting ``terms``."""
        self.document = document
        self.terms = tuple(terms)
        self.current_hit = None
        blocks: list[Block] = []
        for section in document.walk():
            if section.title and section.kind != "lead" and section.level > 0:
                level = min(max(section.level, 1), 4)
                blocks.append(Block(section, None, classes=f"heading h{level} part-{section.part}"))
            for paragraph in section.paragraphs:
                blocks.append(Block(section, paragraph, classes=f"para part-{section.part}"))
        self.blocks = blocks
        for block in blocks:
            block.update(self._render_block(block))
        await self.remove_children()
        await self.mount_all(blocks)
        self.scroll_to(y=0, animate=False, immediate=True)
        self.set_reactive(DocumentView.cursor, -1)
        self.cursor = self._first_paragraph_index()

    def set_terms(self, terms: Sequence[str], current_hit: tuple[str, int] | None = None) -> None:
        """Highlight every occurrence of ``terms``; mark the block of ``current_hit``."""
        self.terms = tuple(terms)
        self.current_hit = current_hit
        for block in self.blocks:
            block.update(self._render_block(block))
            block.set_class(self._is_current_hit(block), "-current-hit")

    def _is_current_hit(self, block: Block) -> bool:
        if self.current_hit is None:
            return False
        section_id, number = self.current_hit
        if number:
            return block.paragraph is not None and block.paragraph.number == number
        return block.paragraph is None and block.section.id == section_id

    def first_hit_offset(self, block: Block) -> int:
        """Character offset of the first highlighted term in ``block`` (0 when none)."""
        spans = term_spans(block.text, self.terms)
        return spans[0][0] if spans else 0

    def _render_block(self, block: Block) -> Content:
        text = block.text
        spans = term_spans(text, self.terms)
        current = None
        if self._is_current_hit(block) and spans:
            current = spans[0]
        return marked(text, spans, current=current, lead=block.lead_span())

    def _first_paragraph_index(self) -> int:
        for i, block in enumerate(self.blocks):
            if block.paragraph is not None:
                return i
        return 0 if self.blocks else -1

    # -- locating blocks ---------------------------------------------------------------------

    def index_of(self, section_id: str, paragraph: int = 0) -> int:
        """Block index of a paragraph (by number) or, with ``paragraph == 0``, of a section start."""
        for i, block in enumerate(self.blocks):
            if paragraph and block.paragraph is not None and block.paragraph.number == paragraph:
                return i
        for i, block in enumerate(self.blocks):
            if block.section.id == section_id:
                return i
        # A section with no block of its own (no title, no paragraphs): its first descendant.
        if self.document is not None:
            try:
                ids = {s.id for s in self.document.section(section_id).walk()}
            except KeyError:
                ids = set()
            for i, block in enumerate(self.blocks):
                if block.section.id in ids:
                    return i
        return -1

    def _block_tops(self) -> list[int]:
        return [block.virtual_region.y for block in self.blocks]

    def top_visible_index(self) -> int:
        """Index of the first block whose top is at or below the top of the view."""
        tops = self._block_tops()
        if not tops:
            return -1
        y = round(self.scroll_y)
        i = bisect_right(tops, y) - 1
        i = max(i, 0)
        if tops[i] < y and i + 1 < len(tops) and tops[i + 1] < y + self.scrollable_content_region.height:
            i += 1
        return i

    def _visible(self, index: int) -> bool:
        if not 0 <= index < len(self.blocks):
            return False
        region = self.blocks[index].virtual_region
        top, height = round(self.scroll_y), self.scrollable_content_region.height
        return region.y >= top and region.y < top + height

    # -- moving ------------------------------------------------------------------------------

    def watch_cursor(self, old: int, new: int) -> None:
        if 0 <= old < len(self.blocks):
            self.blocks[old].remove_class("-cursor")
        if 0 <= new < len(self.blocks):
            block = self.blocks[new]
            block.add_class("-cursor")
            number = block.paragraph.number if block.paragraph else 0
            self.post_message(self.CursorMoved(self, block.section.id, number))

    def watch_scroll_y(self, old: float, new: float) -> None:
        super().watch_scroll_y(old, new)
        if self._moving or not self.blocks:
            return
        if not self._visible(self.cursor):
            self.cursor = self.top_visible_index() if new > old else self._bottom_visible_index()

    def _bottom_visible_index(self) -> int:
        top, height = round(self.scroll_y), self.scrollable_content_region.height
        last = 0
        for i, block in enumerate(self.blocks):
            if block.virtual_region.y < top + height:
                last = i
            else:
                break
        return last

    def line_of(self, block: Block, offset: int) -> int:
        """The wrapped line of ``block`` (0-based) that shows character ``offset`` of its text."""
        width = block.content_region.width or block.size.width
        if width <= 0 or offset <= 0:
            return 0
        seen = 0
        for number, line in enumerate(Content(block.text).wrap(width)):
            seen += len(line.plain)
            if offset < seen:
                return number
        return 0

    def move_to(self, index: int, *, third: bool = False, offset: int = 0) -> None:
        """Put the cursor on block ``index`` and scroll it into view.

        With ``third``, the line holding character ``offset`` of the block goes a third of the way
        down the view (long paragraphs: the hit itself is shown, not just the paragraph start).
        """
        if not self.blocks:
            return
        index = max(0, min(index, len(self.blocks) - 1))
        self._moving = True
        try:
            block = self.blocks[index]
            if third:
                line = self.line_of(block, offset)
                y = block.virtual_region.y + line - self.scrollable_content_region.height // 3
                self.scroll_to(y=max(0, y), animate=False, immediate=True)
            else:
                self.scroll_to_widget(block, animate=False, immediate=True)
            self.cursor = index
        finally:
            self._moving = False

    def scroll_to_block_top(self, index: int) -> None:
        """Scroll so block ``index`` is the first line of the view, cursor on it."""
        if not 0 <= index < len(self.blocks):
            return
        self._moving = True
        try:
            self.scroll_to(y=self.blocks[index].virtual_region.y, animate=False, immediate=True)
            self.cursor = index
        finally:
            self._moving = False

    def action_cursor(self, delta: int) -> None:
        self.move_to(self.cursor + delta)

    def action_first(self) -> None:
        self.move_to(0)
        self.scroll_home(animate=False, immediate=True)

    def action_last(self) -> None:
        self.move_to(len(self.blocks) - 1)
        self.scroll_end(animate=False, immediate=True)

    def action_page(self, direction: int) -> None:
        height = self.scrollable_content_region.height
        self.scroll_to(y=self.scroll_y + direction * max(1, height - 1), animate=False, immediate=True)

    @property
    def cursor_block(self) -> Block | None:
        return self.blocks[self.cursor] if 0 <= self.cursor < len(self.blocks) else None
