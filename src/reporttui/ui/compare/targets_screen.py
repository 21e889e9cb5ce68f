"""TargetsScreen: the indicators of several documents, documents as columns, indicators as rows."""

from __future__ import annotations

from typing import Any, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static
from textual.worker import get_current_worker

from reporttui.core.labels import section_at  # a figure's section (appnav)
from reporttui.ui.keys import ListKeys  # j k g G space b (appnav)
from reporttui.ui.compare.messages import OpenSection, TargetsReady, WorkFailed


class TargetsScreen(ListKeys, Screen[None]):
    """A table of the targets and results of ``doc_ids`` (indicator names normalised)."""

    DEFAULT_CSS = """
    TargetsScreen #targets-status { height: auto; padding: 0 1; background: $panel; color: $text-muted; }
    TargetsScreen DataTable { height: 1fr; }
    TargetsScreen #targets-detail { height: auto; max-height: 5; padding: 0 1; border-top: solid $primary; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "r",
            "same_region",
            "Same region",
            id="targets.region",
            tooltip="Add the other years of the same regions as columns",
        ),
        Binding(
            "f",
            "filter_kind",
            "目标/实绩",
            id="targets.kind",
            tooltip="Show targets, results, or both",
        ),
        Binding("escape", "back", "Back", id="targets.back", tooltip="Leave the targets table"),
    ]

    KINDS = (None, "target", "result")

    def __init__(self, library: Any, doc_ids: list[str] | tuple[str, ...]) -> None:
        super().__init__()
        self.library = library
        self.doc_ids = list(doc_ids)
        self.documents: list[Any] = []
        self.per_doc: dict[str, list[Any]] = {}
        self._kind_index = 0
        self._cells: dict[tuple[int, int], Any] = {}
        self._sections: dict[tuple[str, int], str] = {}
        """(doc id, offset of a figure) -> id of the section holding it."""

    def compose(self) -> ComposeResult:
        yield Static("extracting indicators…", id="targets-status")
        yield DataTable(id="targets-table", zebra_stripes=True, cursor_type="cell")
        yield Static("", id="targets-detail")
        yield Footer()

    def on_mount(self) -> None:
        self.compute()

    @work(thread=True, exclusive=True, exit_on_error=False, group="targets")
    def compute(self) -> None:
        """Load the documents and extract their indicators (one call into the core each)."""
        from reporttui.core.errors import ReportError
        from reporttui.core.analysis.targets import extract_targets

        try:
            documents = [self.library.load(doc_id) for doc_id in self.doc_ids]
            per_doc = {d.id: extract_targets(d) for d in documents}
            sections: dict[tuple[str, int], str] = {}
            for d in documents:
                for row in per_doc[d.id]:
                    section_id = section_at(d, row.start)
                    if section_id is not None:
                        sections[(d.id, row.start)] = section_id
            if not get_current_worker().is_cancelled:
                self.post_message(TargetsReady(documents, per_doc, sections))
        except ReportError as exc:
            self.post_message(WorkFailed(str(exc)))

    @on(WorkFailed)
    def _failed(self, message: WorkFailed) -> None:
        self.query_one("#targets-status", Static).update(f"cannot read indicators: {message.text}")

    @on(TargetsReady)
    def _ready(self, message: TargetsReady) -> None:
        self.documents = message.documents
        self.per_doc = message.table
        self._sections = message.sections
        self._fill()

    def _fill(self) -> None:
        from reporttui.core.analysis.targets import format_cell, target_table

        kind = self.KINDS[self._kind_index]
        table = self.query_one("#targets-table", DataTable)
        table.clear(columns=True)
        table.add_column("指标", key="indicator")
        table.add_column("类", key="kind")
        for d in self.documents:
            table.add_column(f"{d.region or '?'} {d.year or '?'}", key=d.id)
        grid = target_table(self.per_doc, kind)
        years = {d.id: d.year for d in self.documents}
        self._cells.clear()
        for r, (name, row_kind, cells) in enumerate(grid.rows):
            values = []
            for c, cell in enumerate(cells):
                if cell is None:
                    values.append("")
                    continue
                self._cells[(r, c + 2)] = cell
                values.append(format_cell(cell, years.get(cell.doc)))
            table.add_row(name, "目标" if row_kind == "target" else "实绩", *values)
        shown = {None: "targets and results", "target": "targets", "result": "results"}[kind]
        self.query_one("#targets-status", Static).update(
            f"{len(grid.rows)} indicators ({shown}) · {len(self.documents)} documents · f: switch"
        )
        table.refresh(layout=True)  # columns grew with their rows: lay them out again
        table.focus()

    @on(DataTable.CellSelected)
    def _cell_chosen(self, event: DataTable.CellSelected) -> None:
        """Enter on a figure: open the section it was read from."""
        cell = self._cells.get((event.coordinate.row, event.coordinate.column))
        if cell is not None:
            section_id = self._sections.get((cell.doc, cell.start))
            if section_id:
                self.post_message(OpenSection(cell.doc, section_id))

    @on(DataTable.CellHighlighted)
    def _cell(self, event: DataTable.CellHighlighted) -> None:
        cell = self._cells.get((event.coordinate.row, event.coordinate.column))
        detail = self.query_one("#targets-detail", Static)
        detail.update(f"原文: {cell.text}" if cell else "")

    def action_filter_kind(self) -> None:
        self._kind_index = (self._kind_index + 1) % len(self.KINDS)
        self._fill()

    def action_same_region(self) -> None:
        regions = {d.region for d in self.documents if d.region}
        entries = self.library.entries()
        extra = [e for e in entries if e.region in regions and e.id not in self.doc_ids]
        if not extra:
            self.notify("no other documents of the same region", timeout=3)
            return
        ordered = sorted(
            [e for e in entries if e.id in self.doc_ids] + extra,
            key=lambda e: (e.region or "", e.year or 0),
        )
        self.doc_ids = [e.id for e in ordered]
        self.query_one("#targets-status", Static).update("extracting indicators…")
        self.compute()

    def action_back(self) -> None:
        self.dismiss(None)
