"""The help screen: packaged Markdown (keys, query syntax with Chinese examples)."""

from __future__ import annotations

from importlib import resources

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Footer, MarkdownViewer


def help_text() -> str:
    """The help Markdown shipped inside the package."""
    return resources.files("reporttui.ui").joinpath("help.md").read_text(encoding="utf-8")


class HelpScreen(ModalScreen[None]):
    """Keys and query syntax; Esc, q, F1 or ? closes it."""

    BINDINGS = [
        Binding("escape,q,f1,question_mark", "dismiss", "Close", id="help.close",
                tooltip="Close the help"),
        Binding("j", "scroll(1)", "Down", show=False, id="help.down", tooltip="Scroll down"),
        Binding("k", "scroll(-1)", "Up", show=False, id="help.up", tooltip="Scroll up"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(id="help-box"):
            yield MarkdownViewer(help_text(), show_table_of_contents=False, id="help-viewer")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one(MarkdownViewer).focus()

    def action_scroll(self, delta: int) -> None:
        viewer = self.query_one(MarkdownViewer)
        viewer.scroll_relative(y=delta * 2, animate=False)
