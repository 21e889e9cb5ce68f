"""The help screen: key tables built from the bindings themselves, then packaged notes and the
query syntax (Markdown with Chinese examples)."""

from __future__ import annotations

from importlib import resources
from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import Footer, MarkdownViewer

from reporttui.ui.keys import LIST_BINDINGS, ListKeys, help_markdown


def _own(cls: type) -> list[BindingType]:
    """The bindings a class declares itself (not those it inherits)."""
    return list(cls.__dict__.get("BINDINGS", []))


def key_sections(app_class: type) -> list[tuple[str, list[BindingType]]]:
    """(title, bindings) for the app and every screen, in the order a user meets them."""
    from reporttui.ui.screens.diff import DiffScreen
    from reporttui.ui.screens.dropped import DroppedScreen
    from reporttui.ui.screens.library import LibraryScreen
    from reporttui.ui.screens.reader import ReaderScreen
    from reporttui.ui.screens.search import SearchScreen
    from reporttui.ui.screens.tags import TagsScreen
    from reporttui.ui.widgets.document_view import DocumentView
    from reporttui.ui.widgets.section_tree import SectionTree

    sections: list[tuple[str, list[BindingType]]] = [
        ("Everywhere", _own(app_class)),
        (
            "Every list and table (results, library, help, compare, targets, keywords, tags, 对照)",
            list(LIST_BINDINGS),
        ),
        ("Library", _own(LibraryScreen)),
        ("Reader", _own(ReaderScreen) + _own(DocumentView) + _own(SectionTree)),
        ("Search", _own(SearchScreen)),
        ("Dropped text (d in the reader)", _own(DroppedScreen)),
        ("Tags (#)", _own(TagsScreen)),
        ("对照 (D in the reader)", _own(DiffScreen)),
    ]
    try:
        from reporttui.ui import compare
    except ImportError:
        return sections
    for title, name in (
        ("Compare (c)", "CompareScreen"),
        ("Targets (T)", "TargetsScreen"),
        ("Keywords (K)", "KeywordScreen"),
    ):
        screen: Any = getattr(compare, name, None)
        if screen is not None:
            sections.append((title, _own(screen)))
    return sections


class HelpScreen(ListKeys, ModalScreen[None]):
    """Keys and query syntax; Esc, q, F1 or ? closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape,q,f1,question_mark",
            "dismiss",
            "Close",
            id="help.close",
            key_display="Esc",
            tooltip="Close the help",
        ),
        # Shown in the footer (they are the list keys, kept hidden on the other screens).
        Binding("space", "list_page(1)", "Page", id="help.page", tooltip="One page down"),
        Binding("b", "list_page(-1)", "Back a page", id="help.pageup", tooltip="One page up"),
        Binding("g", "list_edge(0)", "Top", id="help.top", tooltip="The top of the help"),
    ]

    def __init__(self, here: Screen[Any] | None = None) -> None:
        super().__init__()
        self.here = here
        """The screen the help was opened from: its live keys come first (as Posting's help
        lists the focused widget's bindings)."""

    def _here_section(self) -> list[tuple[str, list[BindingType]]]:
        if self.here is None:
            return []
        keys: dict[str, list[str]] = {}
        first: dict[str, Binding] = {}
        for _key, active in self.here.active_bindings.items():
            binding = active.binding
            if not binding.id or not binding.description or binding.system:
                continue  # Textual's own scrolling keys have no id: the tables below cover ours
            first.setdefault(binding.id, binding)
            display = binding.key_display or self.app.get_key_display(binding)
            shown = keys.setdefault(binding.id, [])
            if display not in shown:
                shown.append(display)
        here: list[BindingType] = [
            Binding(
                b.key,
                b.action,
                b.description,
                key_display=" ".join(keys[i]),
                tooltip=b.tooltip,
                id=i,
            )
            for i, b in first.items()
        ]
        name = type(self.here).__name__.removesuffix("Screen")
        return [(f"Here ({name}): the keys that work now", here)]

    def compose(self) -> ComposeResult:
        prose = resources.files("reporttui.ui").joinpath("help.md").read_text(encoding="utf-8")
        sections = self._here_section() + key_sections(type(self.app))
        with Vertical(id="help-box"):
            yield MarkdownViewer(
                help_markdown(sections, prose), show_table_of_contents=False, id="help-viewer"
            )
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one(MarkdownViewer).focus()
