"""The document's heading hierarchy, with paragraph counts and, during a search, hit counts."""

from __future__ import annotations

from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from reporttui.core.display import safe_line
from reporttui.core.model import Document, Section


def _label(
    section: Section, hits: int, count_style: Style, hit_style: Style, tagged: int = 0
) -> Text:
    """ "●3 #2 title 12": hits in the subtree (during a search), tagged paragraphs in it
    (workbench, issue 14), the heading, its paragraph count."""
    title = section.title or ("全文" if section.kind == "document" else "前言")
    paragraphs = sum(1 for _ in section.all_paragraphs())
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

    def set_tagged(self, tagged: dict[str, int]) -> None:
        """Mark sections holding tagged paragraphs (relabels, keeping the hit counts)."""
        self.tagged = dict(tagged)
        self.set_hit_counts(self._hit_counts)

    def show(self, document: Document, hit_counts: dict[str, int] | None = None) -> None:
        """Rebuild the tree for ``document``; ``hit_counts`` maps section id -> hits in it."""
        self.document = document
        self.clear()
        self.nodes_by_section = {}
        counts = hit_counts or {}
        self._hit_counts, self.tagged = counts, {}

        def subtree_hits(section: Section) -> int:
            return sum(counts.get(s.id, 0) for s in section.walk())

        def add(parent: TreeNode[str], section: Section) -> None:
            label = self._label(section, subtree_hits(section))
            if section.children:
                node = parent.add(label, data=section.id, expand=True)
                for child in section.children:
                    add(node, child)
            else:
                node = parent.add_leaf(label, data=section.id)
            self.nodes_by_section[section.id] = node

        for section in document.sections:
            add(self.root, section)
        self.root.expand()

    def set_hit_counts(self, hit_counts: dict[str, int] | None) -> None:
        """Relabel nodes with new hit counts (without rebuilding, so the cursor stays put)."""
        if self.document is None:
            return
        counts = hit_counts or {}
        self._hit_counts = counts
        for section in self.document.walk():
            node = self.nodes_by_section.get(section.id)
            if node is not None:
                node.set_label(
                    self._label(section, sum(counts.get(s.id, 0) for s in section.walk()))
                )

    def _label(self, section: Section, hits: int) -> Text:
        return _label(
            section,
            hits,
            self.get_component_rich_style("section-tree--count", partial=True),
            self.get_component_rich_style("section-tree--hits", partial=True),
            sum(self.tagged.get(s.id, 0) for s in section.walk()),
        )

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
