"""A one-line status at the bottom of each screen: indexing progress, then readiness."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Label, ProgressBar


class IndexStatus(Horizontal):
    """Shows a progress bar while the library is being indexed; hidden once it is ready."""

    def compose(self) -> ComposeResult:
        yield Label("indexing…", id="index-label")
        yield ProgressBar(total=None, show_eta=False, id="index-bar")

    def on_mount(self) -> None:
        self.watch(self.app, "index_state", self._update)

    def _update(self, state: tuple[int, int, str, bool]) -> None:
        done, total, label, ready = state
        self.display = not ready
        if ready:
            return
        self.query_one("#index-label", Label).update(label or "indexing…")
        bar = self.query_one("#index-bar", ProgressBar)
        if total:
            bar.update(total=total, progress=done)
