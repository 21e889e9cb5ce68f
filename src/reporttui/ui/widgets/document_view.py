"""The report text on Textual's line API: laid out once per width, only visible lines rendered.

Every heading and paragraph is a :class:`Block`; the core's Chinese line breaker
(:mod:`reporttui.core.text.linebreak`) cuts each into lines for the current width, and
:meth:`DocumentView.render_line` styles just the lines on screen (as Toolong's log view does), so
a 2,000-paragraph report opens in the time it takes to lay it out.

The cursor is the paragraph ``y`` copies and the one the section tree follows. It stays inside the
visible part of the view: moving it scrolls, and scrolling (PgDn, mouse) carries it along. A
two-cell gutter shows the cursor bar and per-paragraph marks (tags, hits) set by the screens.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import ClassVar

from rich.segment import Segment
from textual import events
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from reporttui.core.model import Document, Paragraph, Section
from reporttui.core.search.highlight import find_spans
from reporttui.core.terms import clip_span, clip_spans, estimate_lines
from reporttui.core.text.linebreak import break_lines
from reporttui.ui.styling import Span, marked

GUTTER = 2
"""Cells left of the text: the cursor bar, then a paragraph's mark."""
CURSOR_GLYPH = "▌"
SPACER = -1
"""Block index of a blank line between blocks."""
LAYOUT_STEP = 128
"""Blocks laid out per step in the background (a few milliseconds)."""
LAYOUT_PAUSE = 0.01
"""Seconds between background layout steps (keys and screen updates go first)."""


@dataclass(eq=False)
class Block:
    """A heading or a paragraph of the document, with where the layout put it."""

    section: Section
    paragraph: Paragraph | None
    kind: str = "para"
    """``"para"`` or ``"h1"``..``"h4"``."""
    index: int = -1
    """Position in :attr:`DocumentView.blocks`."""
    virtual_region: Region = field(default_factory=Region)
    """Lines of the block in the view (``y`` first line, ``height`` lines; 0 before layout)."""
    lines: list[tuple[int, int]] = field(default_factory=list)
    """``(start, end)`` of each laid-out line in :attr:`text`."""

    @property
    def text(self) -> str:
        return self.paragraph.text if self.paragraph else self.section.title

    @property
    def gap_after(self) -> int:
        """Blank lines after the block (paragraphs and the two top heading levels)."""
        return 1 if self.kind in ("para", "h1", "h2") else 0

    def lead_span(self) -> Span | None:
        """The span of a lead-sentence heading inside this paragraph, if it opens one."""
        s, p = self.section, self.paragraph
        if p is None or s.kind != "lead" or s.title_start < p.start or s.title_end > p.end:
            return None
        if not s.paragraphs or s.paragraphs[0].number != p.number:
            return None
        return (s.title_start - p.start, s.title_end - p.start)


@dataclass(frozen=True)
class MarkGroup:
    """Paragraphs marked in the gutter by one party ("tags", "hits")."""

    paragraphs: frozenset[int]
    glyph: str
    style: str


class DocumentView(ScrollView, can_focus=True):
    """Scrollable report text with a paragraph cursor, hit highlights, a current hit and marks."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "documentview--h1",
        "documentview--h2",
        "documentview--h3",
        "documentview--h4",
        "documentview--appended",
        "documentview--current-block",
        "documentview--cursor",
        "documentview--mark",
    }

    BINDINGS: ClassVar[list[BindingType]] = [
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
    ]  # fmt: skip

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
        self._layout_width = 0
        self._line_blocks: list[int] = []
        """Block index of every line of the layout (:data:`SPACER` for a blank line)."""
        self._line_numbers: list[int] = []
        """Line number inside its block of every line (-1 for a spacer)."""
        self._tops: list[int] = []
        """First line of every laid-out block."""
        self._laid = 0
        """Blocks laid out exactly (a prefix of :attr:`blocks`)."""
        self._estimates: list[int] = []
        self._rest = 0
        """Estimated lines of the blocks not laid out yet."""
        self._layout_generation = 0
        self._wanted = -1
        """The furthest block asked for by :meth:`index_of` (laid out first, even before a width
        is known: the reader scrolls to it once the view has been laid out)."""
        self._by_number: dict[int, int] = {}
        self._spans: dict[int, list[Span]] = {}
        self._strips: LRUCache[tuple[int, int], Strip] = LRUCache(1024)
        self._style_generation = 0
        self._marks: dict[str, MarkGroup] = {}

    # -- content -----------------------------------------------------------------------------

    async def show(self, document: Document, terms: Sequence[str] = ()) -> None:
        """Replace the text with ``document``, highlighting ``terms`` (gutter marks are cleared:
        they belong to a document)."""
        self.document = document
        self._marks.clear()
        self.terms = tuple(terms)
        self.current_hit = None
        blocks: list[Block] = []
        for section in document.walk():
            if section.title and section.kind != "lead" and section.level > 0:
                level = min(max(section.level, 1), 4)
                blocks.append(Block(section, None, f"h{level}", len(blocks)))
            for paragraph in section.paragraphs:
                blocks.append(Block(section, paragraph, "para", len(blocks)))
        self.blocks = blocks
        self._by_number = {
            b.paragraph.number: i for i, b in enumerate(blocks) if b.paragraph is not None
        }
        self._restyle()
        self._wanted = -1
        self.set_reactive(DocumentView.cursor, -1)
        self._layout_width = 0
        self._relayout(keep_place=False)
        self._moving = True
        try:
            self.scroll_to(y=0, animate=False, immediate=True, force=True)
        finally:
            self._moving = False
        self.cursor = self._first_paragraph_index()

    def set_terms(self, terms: Sequence[str], current_hit: tuple[str, int] | None = None) -> None:
        """Highlight every occurrence of ``terms``; mark the block of ``current_hit``."""
        self.terms = tuple(terms)
        self.current_hit = current_hit
        self._restyle()

    def set_marks(
        self, group: str, paragraphs: Iterable[int], glyph: str = "•", style: str = ""
    ) -> None:
        """Mark paragraphs (by number) in the gutter; a later group wins where two overlap.

        Set them after :meth:`show` (a new document clears them). ``glyph`` should be one cell
        wide; ``style`` (e.g. ``"$success"``) defaults to the ``documentview--mark`` component
        style. An empty ``paragraphs`` clears the group.
        """
        numbers = frozenset(paragraphs)
        self._marks.pop(group, None)
        if numbers:
            self._marks[group] = MarkGroup(numbers, glyph[:1] or " ", style)
        self.refresh()

    def clear_marks(self, group: str) -> None:
        """Remove the marks of ``group``."""
        if self._marks.pop(group, None) is not None:
            self.refresh()

    def marks_of(self, paragraph: int) -> list[str]:
        """The groups marking paragraph number ``paragraph``."""
        return [name for name, group in self._marks.items() if paragraph in group.paragraphs]

    def is_current_hit(self, block: Block) -> bool:
        """Whether ``block`` holds the hit the reader jumped to."""
        if self.current_hit is None:
            return False
        section_id, number = self.current_hit
        if number:
            return block.paragraph is not None and block.paragraph.number == number
        return block.paragraph is None and block.section.id == section_id

    def first_hit_offset(self, block: Block) -> int:
        """Character offset of the first highlighted term in ``block`` (0 when none)."""
        spans = self._block_spans(block)
        return spans[0][0] if spans else 0

    def _block_spans(self, block: Block) -> list[Span]:
        spans = self._spans.get(block.index)
        if spans is None:
            spans = self._spans[block.index] = (
                [(int(a), int(b)) for a, b in find_spans(block.text, list(self.terms))]
                if self.terms and block.text
                else []
            )
        return spans

    def _restyle(self) -> None:
        """Highlights changed: drop the rendered lines (the layout stays)."""
        self._spans.clear()
        self._strips.clear()
        self._style_generation += 1
        self.refresh()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._strips.clear()

    def _first_paragraph_index(self) -> int:
        for i, block in enumerate(self.blocks):
            if block.paragraph is not None:
                return i
        return 0 if self.blocks else -1

    # -- layout ------------------------------------------------------------------------------

    @property
    def text_width(self) -> int:
        """Cells available to the text (the view minus the gutter)."""
        return max(self.scrollable_content_region.width - GUTTER, 2)

    def on_resize(self, event: events.Resize) -> None:
        self._relayout(keep_place=True)

    def _relayout(self, keep_place: bool) -> None:
        """Start laying the blocks out for the current width (nothing to do if it did not change).

        Only the lines up to the screen (or up to the place kept across a resize) are laid out at
        once; the rest follows in small steps between screen updates, with the not-yet-laid-out
        blocks' heights estimated for the scrollbar. Anything that needs a later block (a jump,
        ``G``, a scrollbar drag) lays out up to it first (:meth:`_ensure_block`).
        """
        if not self.blocks or self.scrollable_content_region.width <= 0:
            self.virtual_size = Size(0, 0)
            return
        width = self.text_width
        if width == self._layout_width:
            return
        anchor = self._place() if keep_place and self._layout_width else None
        self._layout_width = width
        self._layout_generation += 1
        self._laid = 0
        self._line_blocks, self._line_numbers, self._tops = [], [], []
        self._estimates = [estimate_lines(len(b.text), width) + b.gap_after for b in self.blocks]
        self._rest = sum(self._estimates)
        for block in self.blocks:
            block.virtual_region, block.lines = Region(), []
        self._strips.clear()
        height = self.scrollable_content_region.height
        if anchor is not None:
            index, offset = anchor
            self._ensure_block(index)
            y = self._line_of_offset(index, offset)
            self._ensure_line(y + 2 * height)
            self._moving = True
            try:
                self.scroll_to(y=y, animate=False, force=True, immediate=True)
            finally:
                self._moving = False
        else:
            self._ensure_line(2 * height)
        self._ensure_block(max(self._wanted, self.cursor))
        self._schedule_layout()
        self.refresh()

    def _lay_out(self, stop: int, background: bool = False) -> None:
        """Lay out blocks ``_laid`` .. ``stop - 1`` exactly (they follow the exact prefix).

        A new virtual size makes Textual lay the whole screen out again: background steps change
        it only when done or when the estimate was off by more than a screen.
        """
        width = self._layout_width
        blocks = self.blocks
        line_blocks, line_numbers, tops = self._line_blocks, self._line_numbers, self._tops
        y = len(line_blocks)
        for index in range(self._laid, min(stop, len(blocks))):
            block = blocks[index]
            lines = break_lines(block.text, width) or [(0, 0)]
            count = len(lines)
            block.lines = lines
            block.virtual_region = Region(0, y, width + GUTTER, count)
            tops.append(y)
            line_blocks.extend([index] * count)
            line_numbers.extend(range(count))
            y += count
            if block.gap_after:
                line_blocks.append(SPACER)
                line_numbers.append(-1)
                y += 1
            self._rest -= self._estimates[index]
            self._laid = index + 1
        size = Size(width + GUTTER, y + max(self._rest, 0))
        off = abs(size.height - self.virtual_size.height)
        if not background or self._laid == len(blocks) or off > self.size.height:
            self.virtual_size = size

    def _ensure_block(self, index: int) -> None:
        """Make sure block ``index`` (and everything before it) is laid out."""
        if self._layout_width and index >= self._laid:
            self._lay_out(index + 1)

    def _ensure_line(self, line: int) -> None:
        """Make sure virtual line ``line`` is laid out (or every block is)."""
        while (
            self._layout_width and line >= len(self._line_blocks) and self._laid < len(self.blocks)
        ):
            self._lay_out(self._laid + 32)

    def _ensure_all(self) -> None:
        if self._layout_width:
            self._lay_out(len(self.blocks))

    def _schedule_layout(self) -> None:
        generation = self._layout_generation

        def step() -> None:
            if generation != self._layout_generation or self._laid >= len(self.blocks):
                return
            self._lay_out(self._laid + LAYOUT_STEP, background=True)
            self._schedule_layout()

        if self._laid < len(self.blocks):
            # After the next screen update, so the first screen is never held up by the rest.
            self.call_after_refresh(self.set_timer, LAYOUT_PAUSE, step)

    def _place(self) -> tuple[int, int]:
        """(block, character offset) at the top of the view: kept across a re-layout."""
        y = round(self.scroll_y)
        if not 0 <= y < len(self._line_blocks):
            return (0, 0)
        while y > 0 and self._line_blocks[y] == SPACER:
            y -= 1
        index = self._line_blocks[y]
        return index, self.blocks[index].lines[self._line_numbers[y]][0]

    def _line_of_offset(self, index: int, offset: int) -> int:
        block = self.blocks[index]
        return block.virtual_region.y + self.line_of(block, offset)

    # -- rendering ---------------------------------------------------------------------------

    def render_lines(self, crop: Region) -> list[Strip]:
        # The width can change without a Resize (a scrollbar appearing): lay out again first.
        if self.blocks and self.text_width != self._layout_width:
            self._relayout(keep_place=True)
        self._ensure_line(self.scroll_offset.y + 2 * self.scrollable_content_region.height)
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        line = self.scroll_offset.y + y
        base = self.rich_style
        if not 0 <= line < len(self._line_blocks) or self._line_blocks[line] == SPACER:
            return Strip.blank(width, base)
        index = self._line_blocks[line]
        block = self.blocks[index]
        number = self._line_numbers[line]
        key = (line, self._style_generation)
        text = self._strips.get(key)
        if text is None:
            text = self._strips[key] = self._render_text(index, block, number)
        return Strip.join([self._gutter(index, block, number), text]).crop_extend(0, width, base)

    def _render_text(self, index: int, block: Block, number: int) -> Strip:
        """One laid-out line of a block, styled (cached until highlights or the theme change)."""
        classes = []
        if block.kind != "para":
            classes.append(f"documentview--{block.kind}")
        if block.section.part == "appended":
            classes.append("documentview--appended")
        if self.is_current_hit(block):
            classes.append("documentview--current-block")
        base = self.get_visual_style(*classes)
        start, end = block.lines[number]
        spans = self._block_spans(block)
        current = spans[0] if spans and self.is_current_hit(block) else None
        content = marked(
            block.text[start:end],
            clip_spans(spans, start, end),
            current=clip_span(current, start, end),
            lead=clip_span(block.lead_span(), start, end),
        )
        segments = [
            Segment(text, style.rich_style)
            for text, style in content.render(base, end="", parse_style=self._get_style)
        ]
        strip = Strip(segments, content.cell_length)
        return strip.extend_cell_length(self._layout_width, base.rich_style)

    def _gutter(self, index: int, block: Block, number: int) -> Strip:
        base = self.rich_style
        if index == self.cursor:
            bar = Segment(CURSOR_GLYPH, self.get_component_rich_style("documentview--cursor"))
        else:
            bar = Segment(" ", base)
        mark = Segment(" ", base)
        if number == 0 and block.paragraph is not None and self._marks:
            for group in reversed(self._marks.values()):
                if block.paragraph.number in group.paragraphs:
                    if group.style:
                        style = base + self._get_style(group.style).rich_style  # $variables
                    else:
                        style = self.get_component_rich_style("documentview--mark")
                    mark = Segment(group.glyph, style)
                    break
        return Strip([bar, mark], GUTTER)

    # -- locating blocks ---------------------------------------------------------------------

    def index_of(self, section_id: str, paragraph: int = 0) -> int:
        """Block index of a paragraph (by number) or, with ``paragraph == 0``, of a section start.

        The block is laid out on the way, so its ``virtual_region`` can be used at once."""
        index = self._find(section_id, paragraph)
        self._wanted = max(self._wanted, index)
        self._ensure_block(index)
        return index

    def _find(self, section_id: str, paragraph: int) -> int:
        if paragraph and paragraph in self._by_number:
            return self._by_number[paragraph]
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

    def index_at_line(self, line: int) -> int:
        """Block index shown on virtual line ``line`` (a blank line belongs to the block above)."""
        if not self._tops:
            return -1
        return max(bisect_right(self._tops, line) - 1, 0)

    def top_visible_index(self) -> int:
        """Index of the first block whose top is at or below the top of the view."""
        if not self._tops:
            return -1
        y = round(self.scroll_y)
        i = self.index_at_line(y)
        height = self.scrollable_content_region.height
        if self._tops[i] < y and i + 1 < len(self._tops) and self._tops[i + 1] < y + height:
            i += 1
        return i

    def _visible(self, index: int) -> bool:
        if not 0 <= index < len(self._tops):
            return False  # not laid out yet: below the laid-out prefix
        top, height = round(self.scroll_y), self.scrollable_content_region.height
        return top <= self._tops[index] < top + height

    def _bottom_visible_index(self) -> int:
        top, height = round(self.scroll_y), self.scrollable_content_region.height
        return max(self.index_at_line(top + height - 1), 0)

    def line_of(self, block: Block, offset: int) -> int:
        """The laid-out line of ``block`` (0-based) that shows character ``offset`` of its text."""
        if offset <= 0 or not block.lines:
            return 0
        starts = [start for start, _ in block.lines]
        return max(bisect_right(starts, offset) - 1, 0)

    # -- moving ------------------------------------------------------------------------------

    def watch_cursor(self, old: int, new: int) -> None:
        self.refresh()
        if 0 <= new < len(self.blocks):
            block = self.blocks[new]
            number = block.paragraph.number if block.paragraph else 0
            self.post_message(self.CursorMoved(self, block.section.id, number))

    def watch_scroll_y(self, old: float, new: float) -> None:
        super().watch_scroll_y(old, new)
        self._ensure_line(round(new) + self.scrollable_content_region.height)
        if self._moving or not self.blocks or not self._tops:
            return
        if not self._visible(self.cursor):
            self.cursor = self.top_visible_index() if new > old else self._bottom_visible_index()

    def move_to(self, index: int, *, third: bool = False, offset: int = 0) -> None:
        """Put the cursor on block ``index`` and scroll it into view.

        With ``third``, the line holding character ``offset`` of the block goes a third of the way
        down the view (long paragraphs: the hit itself is shown, not just the paragraph start).
        """
        if not self.blocks:
            return
        index = max(0, min(index, len(self.blocks) - 1))
        self._ensure_block(index)
        self._moving = True
        try:
            block = self.blocks[index]
            height = self.scrollable_content_region.height
            if third:
                line = block.virtual_region.y + self.line_of(block, offset)
                self.scroll_to(
                    y=max(0, line - height // 3), animate=False, immediate=True, force=True
                )
            else:
                top, bottom = block.virtual_region.y, block.virtual_region.bottom
                if top < self.scroll_y:
                    self.scroll_to(y=top, animate=False, immediate=True, force=True)
                elif bottom > self.scroll_y + height:
                    y = min(top, bottom - height)
                    self.scroll_to(y=y, animate=False, immediate=True, force=True)
            self.cursor = index
        finally:
            self._moving = False

    def scroll_to_block_top(self, index: int) -> None:
        """Scroll so block ``index`` is the first line of the view, cursor on it."""
        if not 0 <= index < len(self.blocks):
            return
        self._ensure_block(index)
        self._moving = True
        try:
            self.scroll_to(
                y=self.blocks[index].virtual_region.y, animate=False, immediate=True, force=True
            )
            self.cursor = index
        finally:
            self._moving = False

    def scroll_to_paragraph(self, number: int, offset: int = 0) -> None:
        """Put paragraph ``number`` (its line holding ``offset``) at the top, cursor on it."""
        index = self._by_number.get(number, -1)
        if index < 0:
            return
        self._ensure_block(index)
        self._moving = True
        try:
            y = self._line_of_offset(index, offset)
            self.scroll_to(y=y, animate=False, immediate=True, force=True)
            self.cursor = index
        finally:
            self._moving = False

    def on_click(self, event: events.Click) -> None:
        """A click puts the cursor on the paragraph under the pointer."""
        line = round(self.scroll_y) + event.y
        if 0 <= line < len(self._line_blocks):
            self._moving = True
            try:
                self.cursor = self.index_at_line(line)
            finally:
                self._moving = False

    def action_cursor(self, delta: int) -> None:
        self.move_to(self.cursor + delta)

    def action_first(self) -> None:
        self.move_to(0)
        self.scroll_home(animate=False, immediate=True, force=True)

    def action_last(self) -> None:
        self._ensure_all()
        self.move_to(len(self.blocks) - 1)
        self.scroll_end(animate=False, immediate=True, force=True)

    def action_page(self, direction: int) -> None:
        height = self.scrollable_content_region.height
        self.scroll_to(
            y=self.scroll_y + direction * max(1, height - 1),
            animate=False,
            immediate=True,
            force=True,
        )

    @property
    def cursor_block(self) -> Block | None:
        return self.blocks[self.cursor] if 0 <= self.cursor < len(self.blocks) else None
