"""Keys written once: the list keys every list and table screen takes, and help built from
the bindings themselves (so the help cannot drift from what the keys do).

A screen adopts the list keys by inheriting :class:`ListKeys` (before ``Screen``); the keys act on
the focused list, table, tree or scrolling pane, else on the screen's first one.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.containers import ScrollableContainer
from textual.dom import DOMNode
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import DataTable, Input, OptionList, Tree

LIST_BINDINGS: list[BindingType] = [
    Binding("j", "list_move(1)", "Down", show=False, id="list.down", tooltip="Next row"),
    Binding("k", "list_move(-1)", "Up", show=False, id="list.up", tooltip="Previous row"),
    Binding("g", "list_edge(0)", "Top", show=False, id="list.top", tooltip="First row"),
    Binding("G", "list_edge(1)", "End", show=False, id="list.end", tooltip="Last row"),
    Binding(
        "space",
        "list_page(1)",
        "Page down",
        show=False,
        id="list.pagedown",
        tooltip="One page down",
    ),
    Binding("b", "list_page(-1)", "Page up", show=False, id="list.pageup", tooltip="One page up"),
]
"""j k g G space b: the same on every list and table (``/`` searches everywhere)."""

_MOVABLE = (OptionList, DataTable, Tree, ScrollableContainer)


class ListKeys(DOMNode):
    """Mixin for a Screen (listed before it): j k g G space b move in its list, table, tree or
    scrolling pane. A DOMNode so that Textual merges its BINDINGS with the screen's."""

    BINDINGS: ClassVar[list[BindingType]] = LIST_BINDINGS

    def list_target(self) -> Widget | None:
        """The widget the list keys move: the focused movable one, else the first one."""
        screen: Any = self
        focused = screen.focused
        while focused is not None and focused is not screen:
            if isinstance(focused, _MOVABLE):
                return focused
            focused = focused.parent
        for widget in screen.query(
            "OptionList, DataTable, Tree, VerticalScroll, ScrollableContainer"
        ):
            if widget.display and widget.size.height:
                found: Widget = widget
                return found
        return None

    def action_list_move(self, delta: int) -> None:
        target: Any = self.list_target()
        if isinstance(target, (OptionList, DataTable, Tree)):
            (target.action_cursor_down if delta > 0 else target.action_cursor_up)()
        elif target is not None:
            target.scroll_relative(y=delta, animate=False)

    def action_list_page(self, direction: int) -> None:
        target: Any = self.list_target()
        if isinstance(target, (OptionList, DataTable, Tree)):
            (target.action_page_down if direction > 0 else target.action_page_up)()
        elif target is not None:
            (target.scroll_page_down if direction > 0 else target.scroll_page_up)(animate=False)

    def action_list_edge(self, end: int) -> None:
        target: Any = self.list_target()
        if isinstance(target, OptionList):
            (target.action_last if end else target.action_first)()
        elif isinstance(target, DataTable):
            (target.action_scroll_bottom if end else target.action_scroll_top)()
        elif isinstance(target, Tree):
            (target.action_scroll_end if end else target.action_scroll_home)()
        elif target is not None:
            (target.scroll_end if end else target.scroll_home)(animate=False)


def type_into(screen: Screen[Any], field: Input, event: events.Key) -> bool:
    """Typing on a screen's list goes to its text ``field`` (the library filter, the query).

    A printable key the screen does not bind moves the focus to ``field`` at once
    (``Screen.set_focus``: ``Widget.focus`` lands only after the keys already queued, so in a
    burst — typing over SSH, a fast typist — the next keys were still list keys, and a space
    paged the list down instead of being typed). A printable key that reaches the screen while
    ``field`` has focus was queued to the list before the focus moved; it is typed too, even a
    bound one (space, ``j``). Each key is handed to ``field`` as a key event, queued behind its
    focus event, so the field types it as its own: the library filter appends, the query (which
    selects its text on focus) starts again. Returns whether the key was taken.
    """
    if not (event.is_printable and event.character):
        return False
    if screen.focused is not field:
        if event.key in screen.active_bindings:
            return False
        screen.set_focus(field)
    field.post_message(events.Key(event.key, event.character))
    event.stop()
    event.prevent_default()
    return True


class FieldInput(Input):
    """A screen's text field (library filter, query) whose keys follow the focus.

    A key leaving the field (``↓`` to the list) moves the focus at once, but the keys typed
    right after it were already queued to the field; here they go on to the widget that now has
    the focus (``↓ j j Enter`` in one burst moves down the results and opens a hit, instead of
    typing ``jj`` into the query). The reverse of :func:`type_into`.
    """

    def __init__(self, *args: Any, down_to: str = "", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.down_to = down_to
        """The selector of the list ``↓`` moves to, handled here, at once (not by a binding,
        which runs only once the key has bubbled up, after the keys behind it were typed)."""

    async def _on_key(self, event: events.Key) -> None:
        focused = self.screen.focused if self.is_attached else None
        if focused is not None and focused is not self:
            event.stop()
            event.prevent_default()
            focused.post_message(events.Key(event.key, event.character))
            return
        if event.key == "down" and self.down_to and focused is self:
            target = self.screen.query_one(self.down_to)
            if target.display:
                event.stop()
                event.prevent_default()
                self.screen.set_focus(target)
                return
        await super()._on_key(event)


def _key_text(binding: Binding) -> str:
    keys = binding.key_display or ", ".join(
        {
            "question_mark": "?",
            "slash": "/",
            "space": "space",
            "escape": "Esc",
            "backspace": "backspace",
            "enter": "Enter",
            "left_square_bracket": "[",
            "right_square_bracket": "]",
        }.get(k.strip(), k.strip())
        for k in binding.key.split(",")
    )
    return keys


def bindings_table(bindings: Iterable[BindingType]) -> str:
    """Markdown: one line per action, its keys, its name and what it does (tooltip).

    A list, not a table: a boxed table row took 2-4 lines at 80 columns (a rule between rows,
    three wrapped columns), 4-6 keys a screen; a list item takes one or two (ux r16).
    """
    rows = []
    seen: set[str] = set()
    for item in bindings:
        binding = item if isinstance(item, Binding) else Binding(*item)
        if not binding.description or (binding.id and binding.id in seen):
            continue
        if binding.id:
            seen.add(binding.id)
        keys = " ".join(f"`{key.strip()}`" for key in _key_text(binding).split(","))
        tip = binding.tooltip or ""
        rows.append(f"- {keys} **{binding.description}**" + (f": {tip}" if tip else ""))
    return "\n".join(rows)


def help_markdown(sections: Iterable[tuple[str, Iterable[BindingType]]], prose: str) -> str:
    """Help: one key table per screen, from its bindings, then ``prose`` (query syntax...)."""
    parts = [
        "# reporttui help",
        "",
        "Everything works with keys alone. Press **Esc**, **q** or **?** to close this help.",
        "",
    ]
    for title, bindings in sections:
        parts += [f"## {title}", "", bindings_table(bindings), ""]
    parts.append(prose)
    return "\n".join(parts)
