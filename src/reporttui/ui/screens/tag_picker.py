"""The tag picker: choose existing tags or type new ones for one paragraph, plus a note.

Keyboard only: type to filter the tags, Enter adds (or removes) the highlighted tag, or creates
the typed one; Enter on an empty line saves; Tab goes to the list and the note; Ctrl+S saves
from anywhere; Esc cancels. Dismisses with ``(tags, note)`` or None.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

CREATE = "create:"
SNIPPET = 120


class TagPicker(ModalScreen[tuple[list[str], str] | None]):
    """A modal dialog over the reader or the search results."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape",
            "cancel",
            "Cancel",
            key_display="Esc",
            id="tags.cancel",
            tooltip="Close without saving",
        ),
        Binding("ctrl+s", "save", "Save", id="tags.save", tooltip="Save the tags and the note"),
    ]

    def __init__(
        self, where: str, text: str, existing: list[str], current: tuple[str, ...], note: str
    ) -> None:
        super().__init__()
        self.where = where
        self.text = text
        self.existing = list(dict.fromkeys([*current, *existing]))
        self.selected: list[str] = list(current)
        self.note = note
        self._dismissed = False

    def compose(self) -> ComposeResult:
        with Vertical(id="tag-dialog"):
            yield Static(f"标签 tags · {self.where}", id="tag-title")
            snippet = self.text if len(self.text) <= SNIPPET else self.text[:SNIPPET] + "…"
            yield Static(snippet, id="tag-snippet")
            yield Input(
                placeholder="type a tag: Enter adds it · Enter on empty saves", id="tag-input"
            )
            yield OptionList(id="tag-options")
            yield Input(value=self.note, placeholder="note (optional): Enter saves", id="tag-note")
            yield Static(
                "Enter add/remove · Tab list/note · Ctrl+S save · Esc cancel", id="tag-help"
            )

    def on_mount(self) -> None:
        self._fill()
        self.query_one("#tag-input", Input).focus()

    @property
    def options(self) -> OptionList:
        return self.query_one("#tag-options", OptionList)

    def _fill(self) -> None:
        typed = self.query_one("#tag-input", Input).value.strip().lstrip("#")
        shown = [t for t in self.existing if typed in t] if typed else list(self.existing)
        options: list[Option] = []
        if typed and typed not in self.existing:
            options.append(
                Option(
                    Content.styled(f"+ new tag “{typed}”", "bold $text-success"), id=CREATE + typed
                )
            )
        for name in shown:
            mark = "[x] " if name in self.selected else "[ ] "
            options.append(
                Option(
                    Content(mark) + Content.styled(name, "bold" if name in self.selected else ""),
                    id="tag:" + name,
                )
            )
        self.options.clear_options()
        self.options.add_options(options)
        if options:
            self.options.highlighted = 0
        self.query_one("#tag-title", Static).update(
            f"标签 tags · {self.where}"
            + (f" · {'、'.join(self.selected)}" if self.selected else "")
        )

    def _toggle(self, option_id: str) -> None:
        name = option_id.split(":", 1)[1]
        if option_id.startswith(CREATE):
            self.existing.insert(0, name)
        if name in self.selected:
            self.selected.remove(name)
        else:
            self.selected.append(name)
        self._fill()

    @on(Input.Changed, "#tag-input")
    def _typed(self) -> None:
        self._fill()

    @on(Input.Submitted, "#tag-input")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if not event.value.strip():
            self.action_save()
            return
        option = self.options.highlighted_option
        if option is not None and option.id:
            self._toggle(option.id)
        event.input.value = ""

    @on(OptionList.OptionSelected, "#tag-options")
    def _picked(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            keep = self.options.highlighted
            self._toggle(event.option.id)
            if keep is not None and keep < self.options.option_count:
                self.options.highlighted = keep

    @on(Input.Submitted, "#tag-note")
    def _note_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def key_down(self) -> None:
        if self.query_one("#tag-input", Input).has_focus:
            self.options.focus()

    def _close(self, result: tuple[list[str], str] | None) -> None:
        """Dismiss once: keys typed fast (Enter Enter) may still arrive after the first."""
        if not self._dismissed:
            self._dismissed = True
            self.dismiss(result)

    def action_save(self) -> None:
        self._close((list(self.selected), self.query_one("#tag-note", Input).value.strip()))

    def action_cancel(self) -> None:
        self._close(None)
