"""The library: documents grouped by region and year, filtered by typing, Enter opens one."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Input, OptionList, Static
from textual.widgets.option_list import Option

from reporttui.core.labels import (
    document_label,
    entry_matches,
    plural,
    region_sort_key,
    size_label,
    source_label,
)
from reporttui.ui.keys import FieldInput, ListKeys, type_into
from reporttui.ui.styling import hanging, plain
from reporttui.ui.widgets.headed_list import HeadedOptionList
from reporttui.ui.widgets.index_status import IndexStatus

if TYPE_CHECKING:
    from reporttui.ui.app import ReportApp

NBSP = "\u00a0"
"""Keeps the indentation and the columns of a row (Textual wraps at ordinary spaces)."""


def grouped_options(entries: Iterable[Any], filter_text: str = "", width: int = 0) -> list[Option]:
    """Options for the list: a header per region, one line per document (year, kind, title, size).

    Regions come national first, then provinces, cities and counties, each by pinyin; rows that
    would read the same (a copy under another folder) show their file's folder and name; a title
    too long for ``width`` wraps under itself, not at column 0.
    """
    words = filter_text.lower().split()
    chosen = [e for e in entries if entry_matches(e, words)]
    chosen.sort(
        key=lambda e: (region_sort_key(e.region), -(e.year or 0), e.kind or "", e.title or "")
    )
    same = Counter(document_label(e, title=True) for e in chosen)
    options: list[Option] = []
    region: object = object()
    for entry in chosen:
        if entry.region != region:
            region = entry.region
            options.append(
                Option(
                    plain(entry.region or "地区不明", "bold $text-primary"),
                    id=f"region:{entry.region}",
                    disabled=True,
                )
            )
        year = str(entry.year) if entry.year else "----"
        head = (
            Content.styled(f"{NBSP * 2}{year}{NBSP}", "bold")
            + plain(f"{entry.kind or '类型不明'}", "$text-accent")
            + Content(NBSP * 2)
        )
        # most reports are titled by their kind: 政府工作报告 once, not twice (ux r16)
        title = entry.title if entry.title != entry.kind else ""
        body = (plain(title + NBSP * 2) if title else Content("")) + Content.styled(
            size_label(entry.chars or 0), "dim"
        )
        if same[document_label(entry, title=True)] > 1:
            body += Content.styled(f"{NBSP * 2}{source_label(entry.path)}", "dim italic")
        options.append(Option(hanging(head, body, width), id=f"doc:{entry.id}"))
    return options


@dataclass(frozen=True)
class LibraryPlace:
    """Where the library was: its filter and the highlighted document."""

    filter_text: str
    highlighted: str | None


class LibraryScreen(ListKeys, Screen[None]):
    """The first screen: every document in the library."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "enter",
            "open",
            "Open",
            id="library.open",
            priority=True,
            tooltip="Open the highlighted report",
        ),
        Binding(
            "f",
            "filter",
            "Filter",
            id="library.filter",
            tooltip="Filter the list by region, year, kind or title (or just start typing)",
        ),
        Binding(
            "c",
            "app.compare",
            "Compare",
            id="library.compare",
            tooltip="Compare the highlighted report with another",
        ),
        Binding(
            "T",
            "app.targets",
            "Targets",
            id="library.targets",
            tooltip="Targets and results table of the highlighted report",
        ),
        Binding(
            "escape",
            "clear_filter",
            "Clear",
            show=False,
            id="library.clear_filter",
            key_display="Esc",
            tooltip="Clear the filter, else go back",
        ),
        Binding(
            "backspace",
            "back",
            "Back",
            show=False,
            id="library.back",
            tooltip="Back to where you came from",
        ),
    ]

    app: ReportApp

    def __init__(self) -> None:
        super().__init__()
        self.entries: list[Any] = []
        self._filled_width = 0

    def compose(self) -> ComposeResult:
        yield Static("reporttui · 报告库", id="library-title")
        yield FieldInput(
            placeholder="筛选 filter: 地区 年份 标题…",
            id="library-filter",
            select_on_focus=False,
            down_to="#library-list",
        )
        yield HeadedOptionList(id="library-list")
        yield IndexStatus(classes="index-status")
        yield Footer(compact=True)

    @property
    def option_list(self) -> OptionList:
        return self.query_one("#library-list", OptionList)

    @property
    def filter_input(self) -> Input:
        return self.query_one("#library-filter", Input)

    def on_mount(self) -> None:
        self.option_list.add_option(Option("loading the library…", disabled=True))
        self.option_list.focus()
        if self.app.entries is not None:
            self.set_entries(self.app.entries)

    def on_resize(self) -> None:
        width = self.option_list.scrollable_content_region.width
        if self.entries and width and width != self._filled_width:
            self._refill()

    def set_entries(self, entries: list[Any]) -> None:
        """Show a new document list, keeping the highlighted document if it is still there."""
        self.entries = list(entries)
        if not self.query("#library-list"):
            # Mounted but not composed yet (the listing can arrive that early on a loaded
            # machine): on_mount fills the list from app.entries.
            return
        self._refill()

    def _update_title(self, shown: int) -> None:
        total = len(self.entries)
        count = (
            plural(total, "document")
            if shown == total
            else f"{shown} of {plural(total, 'document')}"
        )
        self.query_one("#library-title", Static).update(
            Content.styled("reporttui", "bold") + Content(f" · 报告库 · {count}")
        )

    def _refill(self) -> None:
        ol = self.option_list
        keep = ol.highlighted_option.id if ol.highlighted_option is not None else None
        width = ol.scrollable_content_region.width or self.app.size.width
        self._filled_width = width
        ol.clear_options()
        options = grouped_options(self.entries, self.filter_input.value, width - 1)
        self._update_title(sum(1 for o in options if o.id and o.id.startswith("doc:")))
        if not options:
            text = "no document matches the filter" if self.entries else "the library is empty"
            options = [Option(text, disabled=True)]
        ol.add_options(options)
        self._highlight(keep)

    def _highlight(self, option_id: str | None) -> None:
        ol = self.option_list
        options = [ol.get_option_at_index(i) for i in range(ol.option_count)]
        target = next((i for i, o in enumerate(options) if o.id == option_id), None)
        if target is None:
            target = next((i for i, o in enumerate(options) if not o.disabled), None)
        if target is not None:
            ol.highlighted = target

    def highlighted_doc_id(self) -> str | None:
        """The id of the highlighted document, if a document row is highlighted."""
        option = self.option_list.highlighted_option
        if option is not None and option.id and option.id.startswith("doc:"):
            return option.id[4:]
        return None

    # -- history ----------------------------------------------------------------------------

    def snapshot(self) -> LibraryPlace:
        option = self.option_list.highlighted_option
        return LibraryPlace(self.filter_input.value, option.id if option is not None else None)

    def place_key(self, state: LibraryPlace) -> object:
        return "library"

    async def restore(self, state: LibraryPlace) -> None:
        if self.filter_input.value != state.filter_text:
            self.filter_input.value = state.filter_text
            self._refill()
        self._highlight(state.highlighted)
        self.option_list.focus()

    # -- typing ------------------------------------------------------------------------------

    @on(Input.Changed, "#library-filter")
    def _filter_changed(self) -> None:
        self._refill()

    @on(Input.Submitted, "#library-filter")
    def _filter_submitted(self) -> None:
        self.set_focus(self.option_list)
        self.action_open()

    @on(OptionList.OptionSelected, "#library-list")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self._open(event.option.id)

    def on_key(self, event: events.Key) -> None:
        """Typing on the list filters it: printable keys without a binding go to the filter."""
        if self.focused is self.filter_input and event.key == "down":
            self.set_focus(self.option_list)
            event.stop()
            return
        type_into(self, self.filter_input, event)

    def on_paste(self, event: events.Paste) -> None:
        filter_input = self.filter_input
        if not filter_input.has_focus:
            self.set_focus(filter_input)
            filter_input.insert_text_at_cursor(event.text.replace("\n", " "))
            event.stop()

    # -- actions -----------------------------------------------------------------------------

    def _open(self, option_id: str | None) -> None:
        if option_id and option_id.startswith("doc:"):
            self.app.open_document(option_id[4:], via="library")

    def action_open(self) -> None:
        option = self.option_list.highlighted_option
        if option is not None and not option.disabled:
            self._open(option.id)

    def action_filter(self) -> None:
        self.set_focus(self.filter_input)

    async def action_clear_filter(self) -> None:
        if self.filter_input.value:
            self.filter_input.value = ""
            self.set_focus(self.option_list)
        elif self.filter_input.has_focus:
            self.set_focus(self.option_list)
        else:
            await self.app.back()

    async def action_back(self) -> None:
        await self.app.back()
