"""The document's heading hierarchy, with paragraph counts and, during a search, hit counts."""

from __future__ import annotations

from typing import ClassVar

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from reporttui.core.display import safe_line
from reporttui.core.model import Document, Section


def _label(
    section: Section,
    paragraphs: int,
    hits: int,
    count_style: Style,
    hit_style: Style,
    tagged: int = 0,
) -> Text:
    """ "●3 #2 title 12": hits in the subtree (during a search), tagged paragraphs in it
    (workbench, issue 14), the heading, the subtree's paragraph count."""
    title = section.title or ("全文" if section.kind == "document" else "前言")
    label = Text()
    if hits:
        label.append(f"●{hits} ", hit_style)
    if tagged:
        label.append(f"#{tagged} ", hit_style)
    if section.level <= 1 and section.part != "main":
        # Not the report itself: an appended article/table (附加) or an appendix (附录).
        label.append("附加 " if section.part == "appended" else "附录 ", count_style)
    label.append(safe_line(title))
    label.append(f" {paragraphs}", count_style)
    return label


def _subtree_sums(sections: tuple[Section, ...], own: dict[str, int]) -> dict[str, int]:
    """section id -> ``own`` summed over the section and its descendants, in one pass
    (summing each subtree apart was quadratic in the depth: most of opening a long report)."""
    sums: dict[str, int] = {}

    def visit(section: Section) -> int:
        total = own.get(section.id, 0) + sum(visit(child) for child in section.children)
        sums[section.id] = total
        return total

    for section in sections:
        visit(section)
    return sums


class SectionTree(Tree[str]):
    """Sections of one document; node data is the section id."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False, id="tree.down", tooltip="Next section"),
        Binding("k", "cursor_up", "Up", show=False, id="tree.up", tooltip="Previous section"),
        Binding("g", "scroll_home", "Top", show=False, id="tree.top", tooltip="First section"),
        Binding("G", "scroll_end", "End", show=False, id="tree.end", tooltip="Last section"),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {"section-tree--count", "section-tree--hits"}

    def __init__(self, **kwargs: object) -> None:
        super().__init__("", **kwargs)  # type: ignore[arg-type]
        self.show_root = False
        self.guide_depth = 2
        self.document: Document | None = None
        self.nodes_by_section: dict[str, TreeNode[str]] = {}
        self.tagged: dict[str, int] = {}
        """section id -> tagged paragraphs directly in it (workbench, issue 14)."""
        self._hit_counts: dict[str, int] = {}
        self._paragraphs: dict[str, int] = {}
        """section id -> paragraphs in its subtree (fixed per document)."""
        self._shown: dict[str, tuple[int, int]] = {}
        """section id -> (hits, tagged) its label shows now (relabel only what changes)."""

    _building = False
    """True while show() adds nodes (Tree invalidates itself on each add otherwise)."""

    def _invalidate(self) -> None:
        # Tree.add invalidates the whole tree's line cache and asks for a layout once per node
        # added; while show() builds, once at the end is enough.
        if not self._building:
            super()._invalidate()

    def process_label(self, label: str | Text) -> Text:
        """Our labels are one-line Text already (safe_line): Tree's default splits and copies
        each label, twice per node added."""
        if isinstance(label, Text) and "\n" not in label.plain:
            return label
        return super().process_label(label)

    def get_label_width(self, node: TreeNode[str]) -> int:
        """The label's cells plus the expand icon's, without rendering the label (Tree's default
        renders every node's label on each rebuild just to measure it)."""
        label = node.label
        width = label.cell_len if isinstance(label, Text) else cell_len(str(label))
        if node.allow_expand:
            icon = self.ICON_NODE_EXPANDED if node.is_expanded else self.ICON_NODE
            width += cell_len(icon)
        return width

    def set_tagged(self, tagged: dict[str, int]) -> None:
        """Mark sections holding tagged paragraphs (relabels, keeping the hit counts)."""
        self.tagged = dict(tagged)
        self.set_hit_counts(self._hit_counts)

    def _styles(self) -> tuple[Style, Style]:
        """The count and hit styles (looked up once per rebuild: each lookup costs ~0.15 ms)."""
        return (
            self.get_component_rich_style("section-tree--count", partial=True),
            self.get_component_rich_style("section-tree--hits", partial=True),
        )

    def show(self, document: Document, hit_counts: dict[str, int] | None = None) -> None:
        """Rebuild the tree for ``document``; ``hit_counts`` maps section id -> hits in it."""
        self.document = document
        self.clear()
        self.nodes_by_section = {}
        counts = hit_counts or {}
        self._hit_counts, self.tagged = counts, {}
        self._paragraphs = _subtree_sums(
            document.sections, {s.id: len(s.paragraphs) for s in document.walk()}
        )
        hits = _subtree_sums(document.sections, counts) if counts else {}
        count_style, hit_style = self._styles()
        nodes = self.nodes_by_section
        self._shown = {}

        def add(parent: TreeNode[str], section: Section) -> None:
            sid = section.id
            n_hits = hits.get(sid, 0)
            label = _label(section, self._paragraphs[sid], n_hits, count_style, hit_style)
            self._shown[sid] = (n_hits, 0)
            if section.children:
                node = parent.add(label, data=sid, expand=True)
                for child in section.children:
                    add(node, child)
            else:
                node = parent.add_leaf(label, data=sid)
            nodes[sid] = node

        self._building = True
        try:
            for section in document.sections:
                add(self.root, section)
        finally:
            self._building = False
        self.root.expand()
        self._invalidate()

    def set_hit_counts(self, hit_counts: dict[str, int] | None) -> None:
        """Relabel the nodes whose hit or tag counts changed (without rebuilding, so the cursor
        stays put)."""
        if self.document is None:
            return
        counts = hit_counts or {}
        self._hit_counts = counts
        hits = _subtree_sums(self.document.sections, counts) if counts else {}
        tagged = _subtree_sums(self.document.sections, self.tagged) if self.tagged else {}
        styles: tuple[Style, Style] | None = None
        for section in self.document.walk():
            sid = section.id
            node = self.nodes_by_section.get(sid)
            now = (hits.get(sid, 0), tagged.get(sid, 0))
            if node is None or self._shown.get(sid) == now:
                continue
            if styles is None:
                styles = self._styles()
            node.set_label(_label(section, self._paragraphs.get(sid, 0), now[0], *styles, now[1]))
            self._shown[sid] = now

    def follow(self, section_id: str) -> None:
        """Move the cursor to ``section_id`` (the text scrolled there); no event loops back."""
        node = self.nodes_by_section.get(section_id)
        if node is None or self.cursor_node is node:
            return
        parent = node.parent
        while parent is not None:
            if not parent.is_expanded:
                parent.expand()
            parent = parent.parent
        self.move_cursor(node)
