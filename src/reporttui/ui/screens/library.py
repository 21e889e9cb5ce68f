"""The library: documents grouped by region and year, filtered by typing, Enter opens one."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Input, OptionList, Static
from textual.widgets.option_list import Option

from reporttui.ui.styling import plain
from reporttui.ui.widgets.index_status import IndexStatus

if TYPE_CHECKING:
    from reporttui.ui.app import ReportApp


def _size(chars: int) -> str:
    return f"{chars / 1000:.1f}k字" if chars >= 1000 else f"{chars}字"


def _matches(entry: Any, words: list[str]) -> bool:
    hay = " ".join(
        str(x) for x in (entry.region, entry.year, entry.kind, entry.title, entry.path) if x
    ).lower()
    return all(w in hay for w in words)


def grouped_options(entries: Iterable[Any], filter_text: str = "") -> list[Option]:
    """Options for the list: a header per region, one line per document (year, kind, title, size)."""
    words = filter_text.lower().split()
    chosen = [e for e in entries if _matches(e, words)]
    chosen.sort(key=lambda e: (e.region or "~", -(e.year or 0), e.kind or "", e.title or ""))
    options: list[Option] = []
    region: object = object()
    for entry in chosen:
        if entry.region != region:
            region = entry.region
            options.append(Option(plain(entry.region or "地区不明", "bold $text-primary"),
                                  id=f"region:{entry.region}", disabled=True))
        year = str(entry.year) if entry.year else "----"
        nbsp = "\u00a0"  # keeps the indentation and the columns when a long title wraps
        prompt = (
            Content.styled(f"{nbsp * 2}{year}{nbsp}", "bold")
            + plain(f"{entry.kind or '类型不明'}", "$text-accent")
            + Content(nbsp * 2)
            + plain(entry.title or "")
            + Content.styled(f"{nbsp * 2}{_size(entry.chars or 0)}", "dim")
        )
        options.append(Option(prompt, id=f"doc:{entry.id}"))
    return options


class LibraryScreen(Screen[None]):
    """The first screen: every document in the library."""

    BINDINGS = [
        Binding("enter", "open", "Open", id="library.open", tooltip="Open the highlighted report"),
        Binding("f", "filter", "Filter", id="library.filter",
                tooltip="Filter the list by region, year, kind or title (or just start typing)"),
        Binding("escape", "clear_filter", "Clear", show=False, id="library.clear_filter",
                tooltip="Clear the filter"),
        Binding("j", "cursor(1)", "Down", show=False, id="library.down", tooltip="Next report"),
        Binding("k", "cursor(-1)", "Up", show=False, id="library.up", tooltip="Previous report"),
        Binding("g", "home", "Top", show=False, id="library.top", tooltip="First report"),
        Binding("G", "end", "End", show=False, id="library.end", tooltip="Last report"),
    ]

    app: ReportApp

    def __init__(self) -> None:
        super().__init__()
        self.entries: list[Any] = []

    def compose(self) -> ComposeResult:
        yield Static("reporttui · 报告库", id="library-title")
        yield Input(placeholder="筛选 filter: 地区 年份 标题…", id="library-filter", select_on_focus=False)
        yield OptionList(id="library-list")
        yield IndexStatus(classes="index-status")
        yield Footer(compact=True)

    @property
    def option_list(self) -> OptionList:
        return self.query_one("#library-list", OptionList)

    def on_mount(self) -> None:
        self.option_list.add_option(Option("loading the library…", disabled=True))
        self.option_list.focus()
        if self.app.entries is not None:
            self.set_entries(self.app.entries)

    def set_entries(self, entries: list[Any]) -> None:
        """Show a new document list, keeping the highlighted document if it is still there."""
        self.entries = list(entries)
        self._refill()
        docs = len(self.entries)
        self.query_one("#library-title", Static).update(
            Content.styled("reporttui", "bold") + Content(f" · 报告库 · {docs} documents")
        )

    def _refill(self) -> None:
        ol = self.option_list
        keep = ol.highlighted_option.id if ol.highlighted_option is not None else None
        ol.clear_options()
        options = grouped_options(self.entries, self.query_one("#library-filter", Input).value)
        if not options:
            text = "no document matches the filter" if self.entries else "the library is empty"
            options = [Option(text, disabled=True)]
        ol.add_options(options)
        target = next((i for i, o in enumerate(options) if o.id == keep), None)
        if target is None:
            target = next((i for i, o in enumerate(options) if not o.disabled), None)
        if target is not None:
            ol.highlighted = target

    @on(Input.Changed, "#library-filter")
    def _filter_changed(self) -> None:
        self._refill()

    @on(Input.Submitted, "#library-filter")
    def _filter_submitted(self) -> None:
        self.option_list.focus()
        self.action_open()

    @on(OptionList.OptionSelected, "#library-list")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self._open(event.option.id)

    def on_key(self, event: events.Key) -> None:
        """Typing on the list filters it: printable keys without a binding go to the filter."""
        filter_input = self.query_one("#library-filter", Input)
        if filter_input.has_focus:
            if event.key == "down":
                self.option_list.focus()
                event.stop()
            return
        if event.is_printable and event.character and event.key not in self.active_bindings:
            filter_input.focus()
            filter_input.insert_text_at_cursor(event.character)
            event.stop()

    def on_paste(self, event: events.Paste) -> None:
        filter_input = self.query_one("#library-filter", Input)
        if not filter_input.has_focus:
            filter_input.focus()
            filter_input.insert_text_at_cursor(event.text.replace("\n", " "))
            event.stop()

    def _open(self, option_id: str | None) -> None:
        if option_id and option_id.startswith("doc:"):
            self.app.open_document(option_id[4:])

    def action_open(self) -> None:
        option = self.option_list.highlighted_option
        if option is not None and not option.disabled:
            self._open(option.id)

    def action_filter(self) -> None:
        self.query_one("#library-filter", Input).focus()

    def action_clear_filter(self) -> None:
        filter_input = self.query_one("#library-filter", Input)
        filter_input.value = ""
        self.option_list.focus()

    def action_cursor(self, delta: int) -> None:
        if delta > 0:
            self.option_list.action_cursor_down()
        else:
            self.option_list.action_cursor_up()

    def action_home(self) -> None:
        self.option_list.action_first()

    def action_end(self) -> None:
        self.option_list.action_last()
