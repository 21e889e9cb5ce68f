"""A one-line status at the bottom of each screen: indexing progress, hidden when idle."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Label, ProgressBar

from reporttui.core.display import safe_line


class IndexStatus(Horizontal):
    """Shows a progress bar while the library is being indexed; hidden otherwise."""

    def compose(self) -> ComposeResult:
        yield Label("indexing…", id="index-label")
        yield ProgressBar(total=None, show_eta=False, id="index-bar")

    def on_mount(self) -> None:
        self.display = False
        self.watch(self.app, "index_state", self._update)

    def _update(self, state: tuple[int, int, str, bool]) -> None:
        done, total, label, ready = state
        active = bool(label) and not ready
        self.display = active
        if not active:
            return
        # A file name or an error message: shown as written, never as markup or controls.
        self.query_one("#index-label", Label).update(Content(safe_line(label)))
        if total:
            self.query_one("#index-bar", ProgressBar).update(total=total, progress=done)
