"""The help screen: key tables built from the bindings themselves, then packaged notes and the
query syntax (Markdown with Chinese examples)."""

from __future__ import annotations

from importlib import resources
from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Footer, MarkdownViewer

from reporttui.ui.keys import LIST_BINDINGS, ListKeys, help_markdown


def _own(cls: type) -> list[BindingType]:
    """The bindings a class declares itself (not those it inherits)."""
    return list(cls.__dict__.get("BINDINGS", []))


def key_sections(app_class: type) -> list[tuple[str, list[BindingType]]]:
    """(title, bindings) for the app and every screen, in the order a user meets them."""
    from reporttui.ui.screens.dropped import DroppedScreen
    from reporttui.ui.screens.library import LibraryScreen
    from reporttui.ui.screens.reader import ReaderScreen
    from reporttui.ui.screens.search import SearchScreen
    from reporttui.ui.widgets.document_view import DocumentView
    from reporttui.ui.widgets.section_tree import SectionTree

    sections: list[tuple[str, list[BindingType]]] = [
        ("Everywhere", _own(app_class)),
        ("Every list and table (results, library, help, compare, targets, keywords)",
         list(LIST_BINDINGS)),
        ("Library", _own(LibraryScreen)),
        ("Reader", _own(ReaderScreen) + _own(DocumentView) + _own(SectionTree)),
        ("Search", _own(SearchScreen)),
        ("Dropped text (d in the reader)", _own(DroppedScreen)),
    ]
    try:
        from reporttui.ui import compare
    except ImportError:
        return sections
    for title, name in (("Compare (c)", "CompareScreen"), ("Targets (T)", "TargetsScreen"),
                        ("Keywords (K)", "KeywordScreen")):
        screen: Any = getattr(compare, name, None)
        if screen is not None:
            sections.append((title, _own(screen)))
    return sections


class HelpScreen(ListKeys, ModalScreen[None]):
    """Keys and query syntax; Esc, q, F1 or ? closes it."""

    BINDINGS = [
        Binding("escape,q,f1,question_mark", "dismiss", "Close", id="help.close",
                key_display="Esc", tooltip="Close the help"),
    ]

    def compose(self) -> ComposeResult:
        prose = resources.files("reporttui.ui").joinpath("help.md").read_text(encoding="utf-8")
        with Vertical(id="help-box"):
            yield MarkdownViewer(
                help_markdown(key_sections(type(self.app)), prose), show_table_of_contents=False,
                id="help-viewer",
            )
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one(MarkdownViewer).focus()
