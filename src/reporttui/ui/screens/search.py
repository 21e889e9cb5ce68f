"""The search pane: results update as you type, grouped by document and section, with k/N."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, Input, OptionList, Static
from textual.widgets.option_list import Option, OptionDoesNotExist
from textual.worker import get_current_worker

from reporttui.core.errors import ReportError
from reporttui.core.labels import document_label, plural
from reporttui.core.session import SCREEN_HITS, SEARCH_LIMIT, SearchState, grouped_order
from reporttui.ui.keys import FieldInput, ListKeys, type_into
from reporttui.ui.messages import SearchDone
from reporttui.ui.styling import hanging, plain, snippet
from reporttui.ui.widgets.headed_list import HeadedOptionList
from reporttui.ui.widgets.index_status import IndexStatus

if TYPE_CHECKING:
    from reporttui.ui.app import ReportApp

NBSP = "\u00a0"
DEBOUNCE = 0.15
"""Seconds of typing quiet before a search runs."""


def result_options(
    state: SearchState, width: int = 0, tagged: Collection[tuple[str, int]] = ()
) -> list[Option]:
    """Disabled headers for documents and sections (with counts), one option per hit;
    ``tagged`` (doc id, paragraph) pairs get a ``#`` before their ¶ (workbench, issue 14).

    Hits are grouped (:func:`grouped_order`); the option id keeps the hit's rank (``hit:k``),
    so k/N and the reader's n/N follow the ranking. A hit's reasons (lead clause, section
    title, synonym, metadata) follow its paragraph number, dimmed.
    """
    options: list[Option] = []
    per_doc = state.result.per_doc
    doc_id: str | None = None
    section: tuple[str, ...] | None = None
    hits = state.hits
    for index in grouped_order(hits):
        hit = hits[index]
        if hit.doc_id != doc_id:
            doc_id, section = hit.doc_id, None
            label = document_label(hit, title=True)
            count = per_doc.get(hit.doc_id) or sum(1 for h in hits if h.doc_id == doc_id)
            options.append(
                Option(
                    plain(label, "bold $text-primary")
                    + Content.styled(f"  {count}", "bold $text-warning"),
                    id=f"doc:{index}",
                    disabled=True,
                )
            )
        if hit.section_path != section:
            section = hit.section_path
            in_section = state.result.per_section.get((hit.doc_id, hit.section_id))
            title = " › ".join(hit.section_path) or "（正文）"
            tail = Content.styled(f"  {in_section}", "$text-warning") if in_section else Content("")
            options.append(
                Option(
                    hanging(Content("  "), plain(title, "$text-accent") + tail, width),
                    id=f"sec:{index}",
                    disabled=True,
                )
            )
        number = f"¶{hit.paragraph}" if hit.paragraph else "标题"
        mark = "#" if hit.paragraph and (hit.doc_id, hit.paragraph) in tagged else " "
        options.append(
            Option(
                snippet(hit.snippet, hit.snippet_spans, prefix=f"   {mark}{number}", width=width),
                id=f"hit:{index}",
            )
        )
    return options


@dataclass(frozen=True)
class SearchPlace:
    """Where the search pane was: its query and the highlighted row."""

    query: str
    highlighted: int | None
    in_results: bool


class SearchScreen(ListKeys, Screen[None]):
    """A query line, a status line (k/N, notices, explain), and the grouped hits."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "enter",
            "open_hit",
            "Open",
            id="search.open",
            tooltip="Open the highlighted hit in the reader",
        ),
        Binding(
            "down",
            "focus_results",
            "Results",
            show=False,
            id="search.results",
            tooltip="Move from the query to the results",
        ),
        Binding(
            "m",
            "tag_hit",
            "Tag",
            id="search.tag",
            tooltip="Tag the highlighted hit's paragraph (in the results list)",
        ),
        Binding(
            "f2",
            "explain",
            "Explain",
            key_display="F2",
            id="search.explain",
            tooltip="Show how the query was parsed and segmented (scrolls: j k space b)",
        ),
        Binding(
            "escape",
            "clear_or_back",
            "Back",
            id="search.back",
            key_display="Esc",
            tooltip="Leave the results for the query; clear the query; then go back",
        ),
        Binding(
            "backspace",
            "back",
            "Back",
            show=False,
            id="search.backspace",
            tooltip="Back to where you came from (in the results list)",
        ),
    ]

    app: ReportApp

    def __init__(self) -> None:
        super().__init__()
        self._timer: Timer | None = None
        self._serial = 0
        self._explaining = False
        self._filled_width = 0
        self._listing = 0
        """The serial of the search whose first screenful is shown and whose rest follows."""

    def compose(self) -> ComposeResult:
        yield FieldInput(
            placeholder='搜索 search: 林麝  "一泓清水入黄河"  region:古交 year:2025 -煤炭',
            id="search-input",
            down_to="#search-results",
        )
        yield Static("", id="search-status")
        with VerticalScroll(id="search-explain-box"):
            yield Static("", id="search-explain")
        yield HeadedOptionList(id="search-results")
        yield IndexStatus(classes="index-status")
        yield Footer(compact=True)

    @property
    def input(self) -> Input:
        return self.query_one("#search-input", Input)

    @property
    def results(self) -> OptionList:
        return self.query_one("#search-results", OptionList)

    def on_mount(self) -> None:
        self._show_explain_panel(False)
        self.input.focus()
        self._status('type a query: words, "phrases", -exclude, region:, year:')

    def on_screen_resume(self) -> None:
        self._follow_reader()
        if not self.results.has_focus:
            self.input.focus()

    def _follow_reader(self) -> None:
        """Highlight the hit the reader last showed (n/N may have moved on), and its k/N."""
        state = self.app.session.search
        if state is None or state.current < 0:
            return
        try:
            index = self.results.get_option_index(f"hit:{state.current}")
        except Exception:
            return
        self.results.highlighted = index
        self._update_counter()

    # -- history ----------------------------------------------------------------------------

    def snapshot(self) -> SearchPlace:
        return SearchPlace(self.input.value, self.results.highlighted, self.results.has_focus)

    def place_key(self, state: SearchPlace) -> object:
        return state.query

    async def restore(self, state: SearchPlace) -> None:
        """The query and the highlighted row as they were (the query runs again if it changed)."""
        if self.input.value != state.query:
            self.input.value = state.query
            self.run_search()
            return
        if state.highlighted is not None and state.highlighted < self.results.option_count:
            self.results.highlighted = state.highlighted
            self._update_counter()
        (self.results if state.in_results else self.input).focus()

    def _status(self, text: str | Content) -> None:
        self.query_one("#search-status", Static).update(text)

    # -- typing and searching -----------------------------------------------------------------

    @on(Input.Changed, "#search-input")
    def _changed(self, event: Input.Changed) -> None:
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(DEBOUNCE, self.run_search)

    @on(Input.Submitted, "#search-input")
    def _submitted(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        state = self.app.session.search
        if state is not None and state.result.query == self.input.value.strip() and state.hits:
            self.action_open_hit()
        else:
            self.run_search()

    def run_search(self) -> None:
        """Start a search for the current query (stale ones are cancelled by the worker group)."""
        self._timer = None
        query = self.input.value.strip()
        self._serial += 1
        if not query:
            self.app.set_search(None)
            self.results.clear_options()
            self._status('type a query: words, "phrases", -exclude, region:, year:')
            if self._explaining:  # an open panel must not keep the cleared query's explanation
                self._show_explain()
            return
        if not self.app.session.index_ready:
            self._status(
                Content.styled("indexing… search starts when the index is ready", "italic")
            )
            return
        self._status(Content.styled(f"searching {query}…", "dim"))
        first = max(SCREEN_HITS, self.results.size.height or self.app.size.height)
        self.search_worker(self._serial, query, first)
        if self._explaining:
            self._show_explain()

    @work(thread=True, exclusive=True, exit_on_error=False, group="search")
    def search_worker(self, serial: int, query: str, first: int = SEARCH_LIMIT) -> None:
        """Run one query: its first ``first`` hits (a screenful), then all :data:`SEARCH_LIMIT`
        from the same match; a newer query cancels this worker and its answers are dropped."""
        worker = get_current_worker()
        library = self.app.session.library
        staged = getattr(library, "search_staged", None)
        try:
            if staged is None:  # a library without steps (tests' stand-ins): one answer
                steps = iter([(library.search(query, limit=SEARCH_LIMIT), False)])
            else:
                steps = staged(
                    query, first=first, limit=SEARCH_LIMIT, stop=lambda: worker.is_cancelled
                )
            try:
                for result, more in steps:
                    if worker.is_cancelled:
                        break
                    self.post_message(SearchDone(serial, query, result, None, more))
            finally:
                close = getattr(steps, "close", None)
                if close is not None:
                    close()  # the library's search lock goes with the generator
        except ReportError as exc:
            self.post_message(SearchDone(serial, query, None, str(exc)))

    @on(SearchDone)
    def _search_done(self, message: SearchDone) -> None:
        if message.serial != self._serial:
            return  # a newer query was typed meanwhile
        old = self.app.session.search
        if (
            message.result is not None
            and old is not None
            and self._listing == message.serial
            and old.result.query == message.result.query
        ):
            self._listing = message.serial if message.more else 0
            self._extend(old, old.extended(message.result))
            return
        state = SearchState.of(message.result) if message.result is not None else None
        self._listing = message.serial if message.more and state is not None else 0
        if state is not None:
            self.app.set_search(state)
        self.show_result(message.serial, state, message.error)

    def _extend(self, old: SearchState, state: SearchState) -> None:
        """Show the rest of the hits: the list refilled, the highlighted hit kept."""
        index = self._highlighted_hit()
        moved = self.results.highlighted != self._best_hit_option(old)
        keep = old.hits[index] if moved and index is not None and index < len(old.hits) else None
        self.app.set_search(state)
        # the width the first screenful was laid out for (its scroll bar is not subtracted
        # again): the list reads as one search for every hit lays it out
        self._fill(state, self._filled_width)
        where = state.index_of(keep) if keep is not None else -1
        if where >= 0:
            self.results.highlighted = self.results.get_option_index(f"hit:{where}")
        else:  # not moved since the first screenful: the best hit, as after any search
            best = self._best_hit_option(state)
            if best is not None:
                self.results.highlighted = best
        self._update_counter()
        if self._explaining:
            self._show_explain()

    def _first_hit_option(self) -> int | None:
        """The index of the list's first hit (the first option that is not a header)."""
        return next((i for i, o in enumerate(self.results._options) if not o.disabled), None)

    def _best_hit_option(self, state: SearchState) -> int | None:
        """The option of the best-ranked hit. The list reads each document in its own order,
        so the top document's first row may be a lesser hit than the one ranked first; the
        cursor starts on the best, so Enter opens it (the first hit if it is not listed)."""
        if state.result.hits:
            where = state.index_of(state.result.hits[0])
            if where >= 0:
                try:
                    return self.results.get_option_index(f"hit:{where}")
                except OptionDoesNotExist:  # the list was filled from another state
                    pass
        return self._first_hit_option()

    def index_ready(self) -> None:
        """Called by the app when the index becomes usable: run what was typed meanwhile."""
        if self.input.value.strip():
            self.run_search()

    def show_result(self, serial: int, state: SearchState | None, error: str | None) -> None:
        if serial != self._serial:
            return
        if error is not None or state is None:
            self._status(Content.styled(error or "search failed", "bold $text-error"))
            return
        self._fill(state)
        best = self._best_hit_option(state)
        if best is not None:
            self.results.highlighted = best
        self._update_counter()

    def _fill(self, state: SearchState, width: int = 0) -> None:
        width = width or self.results.scrollable_content_region.width or self.app.size.width
        self._filled_width = width
        self.results.clear_options()
        self.results.add_options(result_options(state, width - 1, getattr(self.app, "tagged", {})))

    def refresh_marks(self) -> None:
        """workbench (issue 14): redraw the results with the current tag marks."""
        state = self.app.session.search
        if state is None or not self.results.option_count:
            return
        keep = self.results.highlighted
        self._fill(state)
        if keep is not None and keep < self.results.option_count:
            self.results.highlighted = keep

    def action_tag_hit(self) -> None:
        """workbench (issue 14): tag the highlighted hit's paragraph."""
        index = self._highlighted_hit()
        state = self.app.session.search
        if state is not None and index is not None:
            self.app.tag_hit(state.hits[index])

    def on_resize(self) -> None:
        state = self.app.session.search
        width = self.results.scrollable_content_region.width
        if state is None or not width or width == self._filled_width:
            return
        keep = self.results.highlighted
        self._fill(state)
        if keep is not None and keep < self.results.option_count:
            self.results.highlighted = keep

    def _update_counter(self) -> None:
        state = self.app.session.search
        if state is None:
            return
        result = state.result
        k = self._highlighted_hit()
        docs = len(result.per_doc) or len({h.doc_id for h in state.hits})
        total = max(result.total, len(state.hits))
        if not total:
            text = Content.styled("0 hits", "bold $text-warning") + Content("  (F2: explain)")
        else:
            text = Content.styled(f"{(k + 1) if k is not None else 0}/{total}", "bold") + Content(
                f"{NBSP}{'hit' if total == 1 else 'hits'} in {plural(docs, 'document')}"
            )
            if result.total > len(state.hits):
                text += Content.styled(f" (first {len(state.hits)} listed)", "dim")
            if k is not None and k < len(state.hits):
                # the highlighted hit's report: its header row is often above the top (ux r16)
                text += Content(" · ") + plain(document_label(state.hits[k], short=True), "bold")
        if result.notice:
            text += Content.styled(f"  {result.notice}", "italic $text-warning")
        self._status(text)

    def _highlighted_hit(self) -> int | None:
        option = self.results.highlighted_option
        if option is not None and option.id and option.id.startswith("hit:"):
            return int(option.id[4:])
        return None

    def on_key(self, event: events.Key) -> None:
        """Typing on the results starts a new query, as typing on the library filters it."""
        type_into(self, self.input, event)

    def on_paste(self, event: events.Paste) -> None:
        if self.focused is not self.input:
            self.set_focus(self.input)
            self.input.post_message(events.Paste(event.text))
            event.stop()

    @on(OptionList.OptionHighlighted, "#search-results")
    def _highlighted(self) -> None:
        self._update_counter()
        if self._explaining:
            self._show_explain()

    @on(OptionList.OptionSelected, "#search-results")
    def _selected(self) -> None:
        self.action_open_hit()

    # -- actions -----------------------------------------------------------------------------

    def action_open_hit(self) -> None:
        index = self._highlighted_hit()
        state = self.app.session.search
        if state is None or not state.hits:
            return
        self.app.open_hit(index if index is not None else 0)

    def action_focus_results(self) -> None:
        self.set_focus(self.results)

    async def action_clear_or_back(self) -> None:
        if self.results.has_focus:
            self.set_focus(self.input)
        elif self.input.value:
            self.input.value = ""
            self.run_search()
        else:
            await self.app.back()

    async def action_back(self) -> None:
        await self.app.back()

    def action_explain(self) -> None:
        self._explaining = not self._explaining
        self._show_explain_panel(self._explaining)
        if self._explaining:
            self._show_explain()

    def show_explain(self) -> None:
        """Open the explain panel (from the palette)."""
        if not self._explaining:
            self.action_explain()

    def _show_explain_panel(self, shown: bool) -> None:
        self.query_one("#search-explain-box").display = shown
        self.query_one("#search-explain").display = shown

    def _show_explain(self) -> None:
        query = self.input.value.strip()
        panel = self.query_one("#search-explain", Static)
        if not query:
            panel.update("type a query to see how it is parsed")
            return
        try:
            from reporttui.core.search.search import explain, format_explain

            state = self.app.session.search
            result = state.result if state is not None and state.result.query == query else None
            head: list[str] = []
            k = self._highlighted_hit()
            # k indexes the list's reading order (state.hits), not the ranking (result.hits):
            # the highlighted row is explained, under its own rank (ux, round 11)
            if result is not None and state is not None and k is not None and k < len(state.hits):
                hit = state.hits[k]
                rank = next((i for i, h in enumerate(result.hits) if h is hit), k)
                why = ", ".join(hit.reasons) or "BM25F only"
                head.append(f"¶{hit.paragraph} (hit {rank + 1} by rank) ranks here: {why}")
                if hit.signals:
                    head.append(f"    {hit.signals}")
            if result is not None:
                head += [f"also searched: {line}" for line in result.expansions]
            text = format_explain(explain(query, result=result, hits=0))
            panel.update(Content("\n".join([*head, text])))
        except Exception as exc:  # explain is a help, never a reason to fail
            panel.update(f"cannot explain: {exc}")
