"""What cleaning dropped from a document's source (web chrome, mastheads, markup...)."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Footer, Static

from reporttui.core.labels import document_label, plural
from reporttui.core.labels import printable as _printable
from reporttui.core.model import Document
from reporttui.ui.keys import ListKeys


class DroppedScreen(ListKeys, ModalScreen[None]):
    """A scrollable list of the dropped pieces with their reason and source line."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape,q,d",
            "dismiss",
            "Close",
            id="dropped.close",
            key_display="Esc",
            tooltip="Back to the text",
        ),
    ]

    def __init__(self, document: Document) -> None:
        super().__init__()
        self.document = document

    def compose(self) -> ComposeResult:
        doc = self.document
        with Vertical(id="dropped-box"):
            yield Static(
                Content.styled(f"Dropped by cleaning · {document_label(doc)}", "bold")
                + Content.styled(f" · {plural(len(doc.dropped), 'piece')}", "dim"),
                id="dropped-title",
            )
            with VerticalScroll(id="dropped-list"):
                if not doc.dropped:
                    yield Static("nothing was dropped from this document")
                for piece in doc.dropped:
                    where = f"line {piece.line} · " if piece.line else ""
                    yield Static(
                        Content.styled(f"{where}{piece.reason}", "dim italic")
                        + Content("\n")
                        + Content(_printable(piece.text)),
                        classes="dropped-piece",
                    )
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#dropped-list").focus()


__all__ = ["DroppedScreen", "_printable"]
