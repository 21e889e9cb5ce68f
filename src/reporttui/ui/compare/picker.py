"""DocPicker: choose a library document in a modal list filtered as you type.

Labels are "region year kind  title", cut to the list's width by terminal cells (a CJK character
is two cells, so nothing is dropped mid-label); when two documents would show the same label, the
end of their path is added so that they can be told apart. Typing filters the list: every word
typed must occur in the label, the title or the path (case-insensitive).
"""

from __future__ import annotations

from typing import Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from reporttui.core.labels import picker_labels, picker_matches
from reporttui.ui.compare.render import fit


class DocPicker(ModalScreen[str | None]):
    """A filterable list of the library's documents; dismisses with the chosen id (or None)."""

    DEFAULT_CSS = """
    DocPicker { align: center middle; }
    DocPicker > Vertical { width: 90%; max-width: 120; height: 80%; border: round $primary; background: $surface; padding: 0 1; }
    DocPicker #picker-title { color: $text-muted; }
    DocPicker OptionList { height: 1fr; border: none; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape",
            "cancel",
            "Cancel",
            key_display="Esc",
            id="picker.cancel",
            tooltip="Keep the document",
        ),
        Binding("down", "move(1)", "Down", show=False, id="picker.down"),
        Binding("up", "move(-1)", "Up", show=False, id="picker.up"),
    ]

    _dismissed = False

    def _dismiss_once(self, result: str | None) -> None:
        """Dismiss once: keys typed fast may still arrive after the Enter that chose."""
        if not self._dismissed:
            self._dismissed = True
            self.dismiss(result)

    def __init__(self, entries: list[Any], current: str | None, title: str) -> None:
        super().__init__()
        self.entries = list(entries)
        self.current = current
        self.title_text = title
        self.labels = picker_labels(self.entries)

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self.title_text, id="picker-title")
            yield Input(placeholder="type to filter: 地区 年份 标题…", id="picker-filter")
            yield OptionList(id="picker-list")

    def on_mount(self) -> None:
        self._fill("")
        self.query_one(Input).focus()

    def _fill(self, query: str) -> None:
        options = self.query_one(OptionList)
        options.clear_options()
        width = max(self.query_one(OptionList).size.width - 2, 20) if options.size.width else 70
        shown = [e for e in self.entries if picker_matches(query, e, self.labels[e.id])]
        for e in shown:
            mark = "● " if e.id == self.current else "  "
            options.add_option(Option(mark + fit(self.labels[e.id], width - 2), id=e.id))
        if shown:
            current = next((i for i, e in enumerate(shown) if e.id == self.current), 0)
            options.highlighted = current
        count = f"{len(shown)} of {len(self.entries)}"
        self.query_one("#picker-title", Static).update(f"{self.title_text} · {count}")

    @on(Input.Changed, "#picker-filter")
    def _filter(self, event: Input.Changed) -> None:
        self._fill(event.value)

    @on(Input.Submitted, "#picker-filter")
    def _submit(self, event: Input.Submitted) -> None:
        options = self.query_one(OptionList)
        if options.highlighted is not None and options.option_count:
            self._dismiss_once(options.get_option_at_index(options.highlighted).id)

    @on(OptionList.OptionSelected, "#picker-list")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self._dismiss_once(event.option.id)

    def action_move(self, step: int) -> None:
        options = self.query_one(OptionList)
        if not options.option_count:
            return
        at = options.highlighted if options.highlighted is not None else -step
        options.highlighted = max(0, min(options.option_count - 1, at + step))

    def action_cancel(self) -> None:
        self._dismiss_once(None)
