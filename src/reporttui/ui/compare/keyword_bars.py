"""Keyword bars: top terms of a document as a bar chart, and what is new/rising/falling vs another."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Static
from textual.worker import get_current_worker

from reporttui.ui.compare.messages import KeywordsReady, WorkFailed
from reporttui.ui.compare.render import bar
from reporttui.ui.keys import ListKeys  # j k g G space b (appnav)


@dataclass(frozen=True)
class KeywordStats:
    """What the keyword screen shows (computed by the worker from the core)."""

    label: str
    top: list[Any]
    """Top :class:`~reporttui.core.analysis.keywords.TermCount` of the document."""
    vs_label: str | None = None
    diff: Any = None
    """A :class:`~reporttui.core.analysis.keywords.KeywordDiff` against the ``vs`` document, or None."""
    sections: tuple[tuple[str, tuple[Any, ...]], ...] = ()
    """(plan section title, its top terms) for each unit of the document's plan."""
    document: Any = None
    vs_document: Any = None


class KeywordBars(Static):
    """A titled bar chart of (term, value) pairs, values printed next to the bars."""

    DEFAULT_CSS = """
    KeywordBars { width: 1fr; height: auto; padding: 0 1 1 1; }
    """

    def __init__(
        self, title: str, items: list[tuple[str, float, str]], style: str = "$accent"
    ) -> None:
        super().__init__()
        self.chart_title = title
        self.items = items
        self.bar_style = style

    NAME_MAX = 16
    """Terms wider than this many cells are cut with an ellipsis (the label column stays)."""

    def render(self) -> Content:
        """Name, bar and label columns sized to the widget, so the chart fits any width."""
        from reporttui.ui.compare.render import fit

        top = max((v for _, v, _ in self.items), default=0.0)
        lines = [Content.styled(fit(self.chart_title, self.size.width), "bold")]
        if not self.items:
            lines.append(Content.styled("(none)", "$text-muted"))
        name_w = min(
            max((Content(t).cell_length for t, _, _ in self.items), default=4), self.NAME_MAX
        )
        label_w = max((Content(label).cell_length for _, _, label in self.items), default=0)
        width = max(self.size.width - name_w - label_w - 2, 1)
        for term, value, label in self.items:
            name = fit(term, name_w, pad=True)
            lines.append(
                Content.assemble(name, " ", (bar(value, top, width), self.bar_style), " ", label)
            )
        return Content("\n").join(lines)


class KeywordScreen(ListKeys, Screen[None]):
    """Top terms of ``doc_id``; with ``vs_id``, also its new, rising and falling terms."""

    DEFAULT_CSS = """
    KeywordScreen #kw-status { height: auto; padding: 0 1; background: $panel; color: $text-muted; }
    KeywordScreen #kw-body { height: 1fr; }
    KeywordScreen .kw-col { width: 1fr; height: auto; }
    KeywordScreen .kw-sections { height: auto; padding: 0 1 1 1; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "e", "export", "Export", id="keywords.export", tooltip="Write the terms as Markdown"
        ),
        Binding(
            "escape",
            "back",
            "Back",
            key_display="Esc",
            id="keywords.back",
            tooltip="Leave the keyword charts",
        ),
    ]

    def __init__(self, library: Any, doc_id: str, vs_id: str | None = None, top: int = 20) -> None:
        super().__init__()
        self.library = library
        self.doc_id = doc_id
        self.vs_id = vs_id
        self.top = top
        self.stats: KeywordStats | None = None

    def compose(self) -> ComposeResult:
        yield Static("counting terms…", id="kw-status")
        yield VerticalScroll(id="kw-body")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.compute()

    @work(thread=True, exclusive=True, exit_on_error=False, group="keywords")
    def compute(self) -> None:
        from reporttui.core.analysis.keywords import (
            keyword_context,
            keyword_diff,
            report_text,
            term_counts,
            top_terms,
        )
        from reporttui.core.analysis.plan import find_plan
        from reporttui.core.errors import ReportError

        try:
            doc = self.library.load(self.doc_id)
            vs = self.library.load(self.vs_id) if self.vs_id else None
            text = report_text(doc)
            texts = [text] + ([report_text(vs)] if vs else [])
            regions = [e.region for e in self.library.entries()]
            context = keyword_context(texts, regions, getattr(self.library, "home", None))
            counts = term_counts(text, context)
            sections = tuple(
                (u.title, tuple(top_terms(u.text, 6, context=context)))
                for u in find_plan(doc).units
            )
            vs_label, diff = None, None
            if vs is not None:
                vs_label = vs.label
                diff = keyword_diff(texts[1], text, n=12, other_counts=counts, context=context)
            stats = KeywordStats(
                doc.label,
                top_terms(text, self.top, counts, context=context),
                vs_label,
                diff,
                sections,
                doc,
                vs,
            )
            if not get_current_worker().is_cancelled:
                self.post_message(KeywordsReady(stats))
        except ReportError as exc:
            self.post_message(WorkFailed(str(exc)))

    @on(WorkFailed)
    def _failed(self, message: WorkFailed) -> None:
        self.query_one("#kw-status", Static).update(f"cannot count terms: {message.text}")

    def action_export(self) -> None:
        """Write the top, new, rising and falling terms as Markdown into the home's exports."""
        if self.stats is None:
            self.notify("nothing to export yet", timeout=3)
            return
        self.export_terms()

    @work(thread=True, exclusive=False, exit_on_error=False, group="keywords-export")
    def export_terms(self) -> None:
        from pathlib import Path

        from reporttui.core.analysis.export import exports_dir, keyword_rows, render, write_export

        stats = self.stats
        if stats is None:
            return
        rows = keyword_rows(stats.document, stats.top, stats.diff, stats.vs_document)
        stem = f"keywords-{stats.document.region or ''}{stats.document.year or ''}"
        try:
            home = Path(getattr(self.library, "home", "."))
            path = write_export(
                render(rows, "md", f"关键词 {stats.label}"), exports_dir(home), stem, "md"
            )
            self.app.call_from_thread(self.notify, f"written {path}", timeout=8)
        except OSError as exc:
            self.app.call_from_thread(
                self.notify, f"export failed: {exc}", severity="error", timeout=6
            )

    @on(KeywordsReady)
    async def _ready(self, message: KeywordsReady) -> None:
        stats: KeywordStats = message.stats
        self.stats = stats
        body = self.query_one("#kw-body", VerticalScroll)
        await body.remove_children()
        text = f"关键词 {stats.label}"
        if stats.vs_label:
            text += f" · 对比 {stats.vs_label} (每万字频次)"
        self.query_one("#kw-status", Static).update(text)
        charts = [
            KeywordBars("关键词", [(t.term, float(t.count), str(t.count)) for t in stats.top])
        ]
        if stats.diff is not None:
            d = stats.diff
            charts.append(
                KeywordBars(
                    "新出现",
                    [(c.term, c.other_rate, f"{c.other_rate:g}") for c in d.new],
                    "$success",
                )
            )
            charts.append(
                KeywordBars(
                    "上升",
                    [(c.term, c.other_rate, f"{c.base_rate:g}→{c.other_rate:g}") for c in d.rising],
                    "$warning",
                )
            )
            charts.append(
                KeywordBars(
                    "下降",
                    [(c.term, c.base_rate, f"{c.base_rate:g}→{c.other_rate:g}") for c in d.falling],
                    "$error",
                )
            )
        if self.size.width >= 100 and len(charts) > 1:
            body.mount(Horizontal(charts[0], charts[1], classes="kw-col"))
            body.mount(Horizontal(*charts[2:], classes="kw-col"))
        else:
            body.mount_all(charts)
        if stats.sections:
            lines = [Content.styled("各部分关键词", "bold")]
            for title, terms in stats.sections:
                words = " ".join(f"{t.term}×{t.count}" for t in terms)
                lines.append(Content.assemble((title, "$text-accent"), "  ", words))
            body.mount(Static(Content("\n").join(lines), classes="kw-sections"))

    def action_back(self) -> None:
        self.dismiss(None)
