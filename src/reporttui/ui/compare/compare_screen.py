"""CompareScreen: two documents' plans side by side, aligned theme by theme.

The screen only displays a core :class:`~reporttui.core.analysis.compare.Comparison`, computed in a thread
worker. Locked scrolling is a single scroll of theme *bands* (each band holds side A and side B,
so rows line up by construction); unlocked, each side scrolls on its own. Below 100 columns the
two sides of a band are stacked and the theme list is hidden until asked for.
"""

from __future__ import annotations

from typing import Any, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from reporttui.core.analysis.pairing import default_partner  # pure: in the core (appnav)
from reporttui.core.labels import document_label
from reporttui.ui.compare.messages import ComparisonReady, OpenSection, WorkFailed
from reporttui.ui.compare.render import highlight
from reporttui.ui.keys import ListKeys  # j k g G space b (appnav)

NARROW = 100
"""Below this many columns the sides are stacked and the theme list hidden."""

PICK = Binding.Group("Pick")
"""A and B share one footer entry, "A B Pick"."""


def _short_label(document: Any) -> str:
    """ "古交市 2025": enough to tell the sides apart in every band."""
    from textual.markup import escape

    # safety: a document's title goes into markup strings (Static(f"A {label}")): escaped
    return escape(document_label(document, short=True))


class SectionBlock(Static, can_focus=True):
    """One plan unit in a pane: title, evidence words and (unless collapsed) its text."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "enter", "open", "Open", id="compare.open", tooltip="Open this section in the reader"
        ),
    ]

    def __init__(
        self,
        doc_id: str,
        ref: Any,
        text: str,
        shared: tuple[str, ...],
        only: tuple[str, ...],
        *,
        side: str,
        collapsed: bool,
    ) -> None:
        self.doc_id = doc_id
        self.ref = ref
        self.side = side
        title = highlight(ref.title, shared, only, base="bold")
        if ref.role == "part":
            title = title.append(" (部分)")
        if getattr(ref, "scope", "year") == "five-year":
            title = title.append(" (五年)")  # a unit of the report's five-year part
        lines = [title]
        if ref.evidence:
            lines.append(
                highlight("依据: " + "、".join(ref.evidence), (), (), base="italic $text-muted")
            )
        if ref.match_title and ref.similarity > 0:
            lines.append(
                highlight(
                    f"最相近: {ref.match_title} ({ref.similarity:.2f})", (), (), base="$text-muted"
                )
            )
        if text.startswith(ref.title):  # a lead sentence is both the title and the text's start
            text = text[len(ref.title) :].lstrip()
        if not collapsed and ref.role == "main" and text:
            lines.append(highlight(text, shared, only))
        from textual.content import Content

        from reporttui.ui.widgets.folded import Folded  # Chinese line breaking (reader lane)

        super().__init__(Folded(Content("\n").join(lines)), classes=f"section-block side-{side}")

    def action_open(self) -> None:
        self.post_message(OpenSection(self.doc_id, self.ref.section_id))


class PickerLabel(Static, can_focus=True):
    """ "A 古交市 2025 新闻综述 …": the document on one side; Enter or a click opens the picker."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "enter", "pick", "Pick", id="compare.picker", tooltip="Choose this side's document"
        ),
    ]

    def __init__(self, side: str, **kwargs: Any) -> None:
        super().__init__(f"{side.upper()} …", **kwargs)
        self.side = side

    def show(self, label: str) -> None:
        from reporttui.ui.compare.render import fit

        width = max(self.size.width - 2, 10) if self.size.width else 60
        self.update(f"{self.side.upper()} {fit(label, width)}")

    def action_pick(self) -> None:
        self.screen.action_pick(self.side)  # type: ignore[attr-defined]

    def on_click(self) -> None:
        self.action_pick()


class CompareScreen(ListKeys, Screen[None]):
    """Side-by-side comparison of two documents of ``library``."""

    DEFAULT_CSS = """
    CompareScreen #pickers { height: auto; padding: 0 1; background: $panel; }
    CompareScreen #pickers .picker { width: 1fr; height: 1; padding: 0 1 0 0; }
    CompareScreen #pickers .picker:focus { background: $boost; }
    CompareScreen #status { height: auto; padding: 0 1; color: $text-muted; background: $panel; }
    CompareScreen #themes { width: 24; height: 1fr; border-right: solid $primary; }
    CompareScreen #themes.hidden { display: none; }
    CompareScreen #locked, CompareScreen #unlocked { height: 1fr; }
    CompareScreen .hidden { display: none; }
    CompareScreen .band { height: auto; margin-bottom: 1; }
    CompareScreen .band-title { background: $primary-muted; color: $text; text-style: bold; padding: 0 1; }
    CompareScreen .band-cells { height: auto; }
    CompareScreen .band-cells.stacked { layout: vertical; }
    CompareScreen .cell { width: 1fr; height: auto; padding: 0 1; }
    CompareScreen .band-cells.stacked .cell { width: 100%; }
    CompareScreen .cell-label { color: $text-muted; }
    CompareScreen .gap { color: $text-error; text-style: italic; }
    CompareScreen .section-block { margin-bottom: 1; }
    CompareScreen .section-block:focus { background: $boost; border-left: thick $accent; }
    CompareScreen .pane { width: 1fr; height: 1fr; padding: 0 1; }
    CompareScreen .pane-title { background: $primary-muted; text-style: bold; padding: 0 1; }
    """

    # The footer (compact, reader lane) shows what matters here and fits 80 columns: Enter Open
    # (a focused section), t Themes, l Lock, A B Pick, i Targets, w Keywords, ? Help. The rest is
    # in the help (?). The pickers are A / B: b pages up here as on every list screen.
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "t",
            "themes",
            "Themes",
            id="compare.themes",
            tooltip="Show the theme list and jump to a theme",
        ),
        Binding(
            "l",
            "toggle_lock",
            "Lock",
            id="compare.lock",
            tooltip="Scroll the two sides together or apart",
        ),
        Binding(
            "A",
            "pick('a')",
            "Doc A",
            id="compare.pick_a",
            group=PICK,
            key_display="A",
            tooltip="Choose the document on side A",
        ),
        Binding(
            "B",
            "pick('b')",
            "Doc B",
            id="compare.pick_b",
            group=PICK,
            key_display="B",
            tooltip="Choose the document on side B",
        ),
        Binding(
            "i",
            "targets",
            "Targets",
            id="compare.targets",
            tooltip="Targets and results of both documents",
        ),
        Binding(
            "w",
            "keywords",
            "Keywords",
            id="compare.keywords",
            tooltip="Keywords of A: new, rising, falling against B",
        ),
        Binding(
            "s", "swap", "Swap", show=False, id="compare.swap", tooltip="Swap side A and side B"
        ),
        Binding(
            "z",
            "collapse",
            "Titles only",
            show=False,
            id="compare.collapse",
            tooltip="Show titles only, or full text",
        ),
        Binding(
            "right_square_bracket",
            "next_theme(1)",
            "Next theme",
            id="compare.next",
            tooltip="Jump to the next theme",
            show=False,
        ),
        Binding(
            "left_square_bracket",
            "next_theme(-1)",
            "Prev theme",
            id="compare.prev",
            tooltip="Jump to the previous theme",
            show=False,
        ),
        Binding(
            "e",
            "export",
            "Export",
            show=False,
            id="compare.export",
            tooltip="Write the comparison as Markdown",
        ),
        Binding(
            "escape",
            "back",
            "Back",
            show=False,
            key_display="Esc",
            id="compare.back",
            tooltip="Leave the comparison",
        ),
    ]

    AUTO_FOCUS = "#locked"

    locked: reactive[bool] = reactive(True)
    """Whether the two sides scroll together."""
    collapsed: reactive[bool] = reactive(False)
    """Whether only section titles (not their text) are shown."""

    def __init__(
        self, library: Any, doc_a_id: str | None = None, doc_b_id: str | None = None
    ) -> None:
        super().__init__()
        self.library = library
        self.doc_a_id = doc_a_id
        self.doc_b_id = doc_b_id
        self.comparison: Any = None
        self.entries: list[Any] = []
        self._theme_index = 0

    def compose(self) -> ComposeResult:
        with Horizontal(id="pickers"):
            yield PickerLabel("a", id="pick-a", classes="picker")
            yield PickerLabel("b", id="pick-b", classes="picker")
        yield Static("aligning…", id="status")
        with Horizontal():
            yield OptionList(id="themes")
            yield VerticalScroll(id="locked")
            with Horizontal(id="unlocked", classes="hidden"):
                yield VerticalScroll(id="pane-a", classes="pane")
                yield VerticalScroll(id="pane-b", classes="pane")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self._sync_width()
        self.compute()

    def on_resize(self) -> None:
        self._sync_width()

    @property
    def narrow(self) -> bool:
        return self.size.width < NARROW

    def _sync_width(self) -> None:
        themes = self.query_one("#themes")
        themes.set_class(self.narrow and not themes.has_focus, "hidden")
        self.query_one("#pickers").set_class(self.narrow, "hidden")
        self._show_status()
        for cells in self.query(".band-cells"):
            cells.set_class(self.narrow, "stacked")

    # --- work ------------------------------------------------------------------------------

    @work(thread=True, exclusive=True, exit_on_error=False, group="compare")
    def compute(self) -> None:
        """Load both documents and align them (one call into the core)."""
        from reporttui.core.analysis.compare import compare_documents
        from reporttui.core.analysis.tables import use_home
        from reporttui.core.errors import ReportError

        use_home(getattr(self.library, "home", None))
        try:
            entries = list(self.library.entries())
            ids = [e.id for e in entries]
            a_id = self.doc_a_id or (ids[0] if ids else None)
            b_id = self.doc_b_id or default_partner(entries, a_id)
            if a_id is None or b_id is None:
                self.post_message(WorkFailed("the library has no documents to compare"))
                return
            a, b = self.library.load(a_id), self.library.load(b_id)
            comparison = compare_documents(a, b)
            if not get_current_worker().is_cancelled:  # a newer choice superseded this one
                self.post_message(ComparisonReady(comparison, entries))
        except ReportError as exc:
            self.post_message(WorkFailed(str(exc)))

    @on(WorkFailed)
    def _failed(self, message: WorkFailed) -> None:
        self.query_one("#status", Static).update(f"cannot compare: {message.text}")

    @on(ComparisonReady)
    async def _ready(self, message: ComparisonReady) -> None:
        comparison = message.comparison
        self.comparison = comparison
        self.doc_a_id, self.doc_b_id = comparison.a.document.id, comparison.b.document.id
        self._fill_pickers(message.entries)
        self._show_status()
        self._fill_themes()
        await self._build_view()

    def _show_status(self) -> None:
        comparison = self.comparison
        if comparison is None:
            return
        a, b = comparison.a, comparison.b
        gaps = sum(1 for r in comparison.rows if r.gap)
        themes = len(comparison.rows)
        summary = (
            f"{themes} theme{'s' if themes != 1 else ''}, {gaps} gap{'s' if gaps != 1 else ''}"
        )
        if self.narrow:
            text = f"A {_short_label(a.document)} · B {_short_label(b.document)} · {summary} · A/B: pick"
        else:
            text = (
                f"A {a.document.label} — {a.plan.how}\nB {b.document.label} — {b.plan.how}\n"
                f"{summary} · shared terms bold green, one-side terms underlined"
            )
        self.query_one("#status", Static).update(text)

    def _fill_pickers(self, entries: list[Any]) -> None:
        from reporttui.core.labels import picker_labels

        self.entries = list(entries)
        labels = picker_labels(self.entries)
        for side, doc_id in (("a", self.doc_a_id), ("b", self.doc_b_id)):
            label = labels.get(doc_id or "", "?")
            self.query_one(f"#pick-{side}", PickerLabel).show(label)

    def choose(self, side: str, doc_id: str | None) -> None:
        """Put ``doc_id`` on ``side`` and align again (None or the same document: nothing)."""
        if doc_id is None:
            return
        if side == "a" and doc_id != self.doc_a_id:
            self.doc_a_id = doc_id
        elif side == "b" and doc_id != self.doc_b_id:
            self.doc_b_id = doc_id
        else:
            return
        self.query_one("#status", Static).update("aligning…")
        self.compute()

    # --- rendering -------------------------------------------------------------------------

    def _fill_themes(self) -> None:
        themes = self.query_one("#themes", OptionList)
        themes.clear_options()
        for row in self.comparison.rows:
            a, b = len(row.a_sections), len(row.b_sections)
            mark = "A缺" if row.gap == "a" else "B缺" if row.gap == "b" else f"{a}:{b}"
            themes.add_option(Option(f"{row.name} {mark}", id=row.theme))

    def _unit_text(self, side: str, key: str) -> str:
        sides = self.comparison.a if side == "a" else self.comparison.b
        unit = sides.plan.unit(key)
        return unit.text if unit else ""

    def _cell(self, row: Any, side: str) -> list[Static]:
        refs = row.a_sections if side == "a" else row.b_sections
        doc = (self.comparison.a if side == "a" else self.comparison.b).document
        if not refs:
            return [Static("— 无对应内容 —", classes="gap")]
        only = row.only_a if side == "a" else row.only_b
        return [
            SectionBlock(
                doc.id,
                ref,
                self._unit_text(side, ref.key),
                row.shared_terms,
                only,
                side=side,
                collapsed=self.collapsed,
            )
            for ref in refs
        ]

    async def _build_view(self) -> None:
        if self.comparison is None:
            return
        locked = self.query_one("#locked", VerticalScroll)
        pane_a = self.query_one("#pane-a", VerticalScroll)
        pane_b = self.query_one("#pane-b", VerticalScroll)
        for container in (locked, pane_a, pane_b):
            await container.remove_children()
        label_a = _short_label(self.comparison.a.document)
        label_b = _short_label(self.comparison.b.document)
        bands = []
        for row in self.comparison.rows:
            cells = Horizontal(
                Vertical(
                    Static(f"A {label_a}", classes="cell-label"),
                    *self._cell(row, "a"),
                    classes="cell",
                ),
                Vertical(
                    Static(f"B {label_b}", classes="cell-label"),
                    *self._cell(row, "b"),
                    classes="cell",
                ),
                classes="band-cells" + (" stacked" if self.narrow else ""),
            )
            terms = " ".join(row.shared_terms[:6])
            title = f"{row.name}" + (f" · 共同: {terms}" if terms else "")
            if row.gap:
                title += f" · {'A' if row.gap == 'a' else 'B'} 无此主题"
            bands.append(
                Vertical(
                    Static(title, classes="band-title"),
                    cells,
                    classes="band",
                    id=f"band-{row.theme}",
                )
            )
        locked.mount_all(bands)
        pane_a.mount(Static(f"A {label_a}", classes="pane-title"))
        pane_b.mount(Static(f"B {label_b}", classes="pane-title"))
        for row in self.comparison.rows:
            for side, pane in (("a", pane_a), ("b", pane_b)):
                pane.mount(Static(row.name, classes="band-title", id=f"{side}-{row.theme}"))
                pane.mount_all(self._cell(row, side))

    # --- actions ---------------------------------------------------------------------------

    def watch_locked(self, locked: bool) -> None:
        if not self.is_mounted:
            return
        self.query_one("#locked").set_class(not locked, "hidden")
        self.query_one("#unlocked").set_class(locked, "hidden")
        self.notify("scrolling locked" if locked else "scrolling unlocked", timeout=2)

    async def watch_collapsed(self) -> None:
        if self.is_mounted:
            await self._build_view()

    def action_toggle_lock(self) -> None:
        self.locked = not self.locked

    def action_collapse(self) -> None:
        self.collapsed = not self.collapsed

    def action_swap(self) -> None:
        self.doc_a_id, self.doc_b_id = self.doc_b_id, self.doc_a_id
        self.query_one("#status", Static).update("aligning…")
        self.compute()

    def action_themes(self) -> None:
        themes = self.query_one("#themes", OptionList)
        themes.remove_class("hidden")
        themes.focus()

    def action_pick(self, side: str) -> None:
        """Choose side ``side``'s document in a list filtered as you type."""
        from reporttui.ui.compare.picker import DocPicker

        entries = self.entries or list(self.library.entries())
        current = self.doc_a_id if side == "a" else self.doc_b_id
        title = f"document {side.upper()}"
        self.app.push_screen(
            DocPicker(entries, current, title), lambda doc_id: self.choose(side, doc_id)
        )

    def action_export(self) -> None:
        """Write the comparison as Markdown into the library home's exports folder."""
        if self.comparison is None:
            self.notify("nothing to export yet", timeout=3)
            return
        self.export_comparison()

    @work(thread=True, exclusive=False, exit_on_error=False, group="compare-export")
    def export_comparison(self) -> None:
        from pathlib import Path

        from reporttui.core.analysis.export import (
            comparison_rows,
            exports_dir,
            render,
            write_export,
        )

        comparison = self.comparison
        a, b = comparison.a.document, comparison.b.document
        title = f"对比 {a.label} / {b.label}"
        stem = f"compare-{_short_label(a)}-{_short_label(b)}"
        try:
            home = Path(getattr(self.library, "home", "."))
            path = write_export(
                render(comparison_rows(comparison), "md", title), exports_dir(home), stem, "md"
            )
            self.app.call_from_thread(self.notify, f"written {path}", timeout=8)
        except OSError as exc:
            self.app.call_from_thread(
                self.notify, f"export failed: {exc}", severity="error", timeout=6
            )

    def action_targets(self) -> None:
        from reporttui.ui.compare.targets_screen import TargetsScreen

        ids = [i for i in (self.doc_a_id, self.doc_b_id) if i]
        if ids:
            self.app.push_screen(TargetsScreen(self.library, list(dict.fromkeys(ids))))

    def action_keywords(self) -> None:
        from reporttui.ui.compare.keyword_bars import KeywordScreen

        if self.doc_a_id:
            vs = self.doc_b_id if self.doc_b_id != self.doc_a_id else None
            self.app.push_screen(KeywordScreen(self.library, self.doc_a_id, vs))

    def action_back(self) -> None:
        if self.narrow and self.query_one("#themes").has_focus:
            self.query_one("#themes").add_class("hidden")
            self.query_one("#locked").focus()
            return
        self.dismiss(None)

    def action_next_theme(self, step: int) -> None:
        if not self.comparison or not self.comparison.rows:
            return
        self._theme_index = (self._theme_index + step) % len(self.comparison.rows)
        self.jump_to(self.comparison.rows[self._theme_index].theme)

    @on(OptionList.OptionSelected, "#themes")
    def _theme_chosen(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self._theme_index = event.option_index
            self.jump_to(event.option.id)
            if self.narrow:
                self.query_one("#themes").add_class("hidden")

    def jump_to(self, theme: str) -> None:
        """Scroll (both sides) to the band of ``theme``."""
        if self.locked:
            band = self.query_one(f"#band-{theme}")
            self.query_one("#locked", VerticalScroll).scroll_to_widget(
                band, top=True, animate=False
            )
            blocks = band.query(SectionBlock)
            if blocks:
                blocks.first().focus(scroll_visible=False)
        else:
            for side in ("a", "b"):
                pane = self.query_one(f"#pane-{side}", VerticalScroll)
                pane.scroll_to_widget(self.query_one(f"#{side}-{theme}"), top=True, animate=False)
