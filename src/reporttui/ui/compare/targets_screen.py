"""TargetsScreen: the indicators of several documents, or one region's targets across years.

Two views of core data, computed in thread workers:

- the table (documents as columns, indicators as rows) of :func:`~reporttui.core.analysis.targets.
  target_table`;
- ``y``: the region's years (:func:`~reporttui.core.analysis.track.track`): for each year a target
  column and a result column (the result read from the next year's report, marked ✓ met, ✗ missed
  or — no figure).

The indicator column stays in place when the table scrolls sideways (``fixed_columns``); values
wider than their column are cut with an ellipsis and shown whole, with their source sentence, in
the line under the table. Enter on a figure opens the section it was read from; ``e`` writes the
view as CSV into ``<library home>/exports``.
"""

from __future__ import annotations

from typing import Any, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static
from textual.worker import get_current_worker

from reporttui.core.labels import (  # a figure's section (appnav); plurals (reader)
    figure_sections,
    paragraph_at,
    plural,
)
from reporttui.ui.compare.messages import OpenSection, TargetsReady, WorkFailed
from reporttui.ui.compare.render import fit
from reporttui.ui.keys import ListKeys  # j k g G space b (appnav)

KIND_TAGS = {"target": "目标", "result": "实绩"}
STATUS_TAGS = {"met": "✓", "missed": "✗", "no figure": "—"}


def name_width(labels: list[str], screen_width: int) -> int:
    """Cells of the frozen indicator column: its longest label, at most a quarter of the screen."""
    from rich.cells import cell_len

    longest = max((cell_len(label) for label in labels), default=4)
    return max(4, min(longest, max(16, screen_width // 4)))


class TrackReady(Message):
    """A worker finished lining up a region's targets and results (``table`` is a TrackTable)."""

    def __init__(self, table: Any, sections: dict[tuple[str, int], str]) -> None:
        super().__init__()
        self.table = table
        self.sections = sections


class Exported(Message):
    """A worker wrote an export file (``path``), or failed (``error``)."""

    def __init__(self, path: Any = None, error: str | None = None) -> None:
        super().__init__()
        self.path = path
        self.error = error


class TargetsScreen(ListKeys, Screen[None]):
    """A table of the targets and results of ``doc_ids`` (indicator names normalised)."""

    DEFAULT_CSS = """
    TargetsScreen #targets-status { height: auto; padding: 0 1; background: $panel; color: $text-muted; }
    TargetsScreen DataTable { height: 1fr; }
    TargetsScreen #targets-detail { height: auto; max-height: 5; padding: 0 1; border-top: solid $primary; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "y",
            "track",
            "Years",
            id="targets.track",
            tooltip="This region's years: each year's target against the result the next report gives",
        ),
        Binding(
            "f",
            "filter_kind",
            "目标/实绩",
            id="targets.kind",
            tooltip="Show targets, results, or both",
        ),
        Binding(
            "r",
            "same_region",
            "Same region",
            id="targets.region",
            tooltip="Add the other years of the same regions as columns",
        ),
        Binding("e", "export", "Export", id="targets.export", tooltip="Write this table as CSV"),
        Binding(
            "escape",
            "back",
            "Back",
            key_display="Esc",
            id="targets.back",
            tooltip="Leave the targets table",
        ),
    ]

    KINDS = (None, "target", "result")

    def __init__(self, library: Any, doc_ids: list[str] | tuple[str, ...]) -> None:
        super().__init__()
        self.library = library
        self.doc_ids = list(doc_ids)
        self.documents: list[Any] = []
        self.per_doc: dict[str, list[Any]] = {}
        self.track_table: Any = None
        """The region's years view when shown (a core TrackTable), else None."""
        self._kind_index = 0
        self._cells: dict[tuple[int, int], Any] = {}
        self._sections: dict[tuple[str, int], str] = {}
        """(doc id, offset of a figure) -> id of the section holding it."""
        self._notes: dict[tuple[int, int], str] = {}

    def compose(self) -> ComposeResult:
        yield Static("extracting indicators…", id="targets-status")
        yield DataTable(id="targets-table", zebra_stripes=True, cursor_type="cell")
        yield Static("", id="targets-detail")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#targets-table", DataTable).fixed_columns = 1
        self.compute()

    # --- work ------------------------------------------------------------------------------

    @work(thread=True, exclusive=True, exit_on_error=False, group="targets")
    def compute(self) -> None:
        """Load the documents and extract their indicators (one call into the core each)."""
        from reporttui.core.analysis.tables import use_home
        from reporttui.core.analysis.targets import extract_targets
        from reporttui.core.errors import ReportError

        use_home(getattr(self.library, "home", None))
        try:
            documents = [self.library.load(doc_id) for doc_id in self.doc_ids]
            per_doc = {d.id: extract_targets(d) for d in documents}
            sections: dict[tuple[str, int], str] = {}
            for d in documents:
                sections.update(figure_sections(d, (row.start for row in per_doc[d.id])))
            if not get_current_worker().is_cancelled:
                self.post_message(TargetsReady(documents, per_doc, sections))
        except ReportError as exc:
            self.post_message(WorkFailed(str(exc)))

    @work(thread=True, exclusive=True, exit_on_error=False, group="targets")
    def compute_track(self, region: str) -> None:
        """Load the region's reports and line up target and result per year."""
        from reporttui.core.analysis.tables import use_home
        from reporttui.core.analysis.track import region_documents, track
        from reporttui.core.errors import ReportError

        use_home(getattr(self.library, "home", None))
        try:
            try:
                entries = region_documents(self.library.entries(), region)
            except ValueError as exc:
                raise ReportError(str(exc)) from None
            documents = [self.library.load(e.id) for e in entries]  # type: ignore[attr-defined]
            table = track(region, documents)
            sections: dict[tuple[str, int], str] = {}
            for d in table.documents.values():
                rows = [
                    side
                    for cell in table.cells()
                    for side in (cell.target, cell.result)
                    if side is not None and side.doc == d.id
                ]
                sections.update(figure_sections(d, (row.start for row in rows)))
            # results come from the next year's report, which may not be a target year itself
            for cell in table.cells():
                if cell.result is not None and (cell.result.doc, cell.result.start) not in sections:
                    doc = self.library.load(cell.result.doc)
                    sections.update(figure_sections(doc, [cell.result.start]))
            if not get_current_worker().is_cancelled:
                self.post_message(TrackReady(table, sections))
        except ReportError as exc:
            self.post_message(WorkFailed(str(exc)))

    @work(thread=True, exclusive=False, exit_on_error=False, group="targets-export")
    def export(self, rows: list[dict[str, Any]], stem: str) -> None:
        """Write ``rows`` as CSV under the library home's exports folder."""
        from pathlib import Path

        from reporttui.core.analysis.export import exports_dir, render, write_export

        try:
            home = Path(getattr(self.library, "home", "."))
            path = write_export(render(rows, "csv"), exports_dir(home), stem, "csv")
            self.post_message(Exported(path))
        except OSError as exc:
            self.post_message(Exported(error=str(exc)))

    # --- messages --------------------------------------------------------------------------

    @on(WorkFailed)
    def _failed(self, message: WorkFailed) -> None:
        self.query_one("#targets-status", Static).update(f"cannot read indicators: {message.text}")

    @on(TargetsReady)
    def _ready(self, message: TargetsReady) -> None:
        self.documents = message.documents
        self.per_doc = message.table
        self._sections = message.sections
        self.track_table = None
        self._fill()

    @on(TrackReady)
    def _track_ready(self, message: TrackReady) -> None:
        self.track_table = message.table
        self._sections = message.sections
        self._fill_track()

    @on(Exported)
    def _exported(self, message: Exported) -> None:
        if message.error:
            self.notify(f"export failed: {message.error}", severity="error", timeout=6)
        else:
            self.notify(f"written {message.path}", timeout=8)

    # --- rendering -------------------------------------------------------------------------

    def _column_width(self, columns: int, first: int) -> int:
        free = max(self.size.width - first - 4, 10)
        return max(9, min(24, free // max(columns, 1) - 2))

    def _fill(self) -> None:
        from reporttui.core.analysis.targets import format_cell, target_table

        kind = self.KINDS[self._kind_index]
        table = self.query_one("#targets-table", DataTable)
        table.clear(columns=True)
        grid = target_table(self.per_doc, kind)
        labels = [f"{KIND_TAGS.get(k, k)} {name}" for name, k, _ in grid.rows]
        first = name_width(labels, self.size.width)
        width = self._column_width(len(self.documents), first)
        table.add_column("指标", key="indicator", width=first)
        for d in self.documents:
            table.add_column(
                fit(f"{d.region or '?'} {d.year or '?'}", width), key=d.id, width=width
            )
        years = {d.id: d.year for d in self.documents}
        self._cells.clear()
        self._notes.clear()
        for r, (name, row_kind, cells) in enumerate(grid.rows):
            values = []
            for c, cell in enumerate(cells):
                if cell is None:
                    values.append("")
                    continue
                self._cells[(r, c + 1)] = cell
                values.append(fit(format_cell(cell, years.get(cell.doc)), width))
            label = f"{KIND_TAGS.get(row_kind, row_kind)} {name}"
            self._notes[(r, 0)] = label
            table.add_row(fit(label, first), *values)
        shown = {None: "targets and results", "target": "targets", "result": "results"}[kind]
        self.query_one("#targets-status", Static).update(
            f"{plural(len(grid.rows), 'indicator')} ({shown})"
            f" · {plural(len(self.documents), 'document')}"
            " · y: this region's years"
        )
        table.refresh(layout=True)  # columns grew with their rows: lay them out again
        table.focus()

    def _fill_track(self) -> None:
        from reporttui.core.analysis.targets import format_value

        track = self.track_table
        table = self.query_one("#targets-table", DataTable)
        table.clear(columns=True)
        first = name_width([name for name, _ in track.rows], self.size.width)
        width = self._column_width(2 * len(track.years), first)
        table.add_column("指标", key="indicator", width=first)
        for year in track.years:
            table.add_column(f"{year} 目标", key=f"t{year}", width=width)
            table.add_column(f"{year} 实绩", key=f"r{year}", width=width)
        self._cells.clear()
        self._notes.clear()
        met = missed = 0
        for r, (name, cells) in enumerate(track.rows):
            values: list[str] = []
            for c, cell in enumerate(cells):
                if cell is None:
                    values += ["", ""]
                    continue
                met += cell.status == "met"
                missed += cell.status == "missed"
                target = format_value(cell.target) if cell.target else ""
                result = format_value(cell.result) if cell.result else ""
                mark = STATUS_TAGS[cell.status]
                values += [fit(target, width), fit(f"{mark} {result}".strip(), width)]
                if cell.target is not None:
                    self._cells[(r, 1 + 2 * c)] = cell.target
                if cell.result is not None:
                    self._cells[(r, 2 + 2 * c)] = cell.result
                self._notes[(r, 2 + 2 * c)] = f"{cell.year} {name}: {cell.status} — {cell.reason}"
            self._notes[(r, 0)] = name
            table.add_row(fit(name, first), *values)
        years = f"{track.years[0]}-{track.years[-1]}" if track.years else "no years"
        self.query_one("#targets-status", Static).update(
            f"{track.region} {years}: target vs the next report's result · ✓ {met} met · "
            f"✗ {missed} missed · y: back to the table"
        )
        table.refresh(layout=True)
        table.focus()

    @on(DataTable.CellSelected)
    def _cell_chosen(self, event: DataTable.CellSelected) -> None:
        """Enter on a figure: open the section it was read from."""
        cell = self._cells.get((event.coordinate.row, event.coordinate.column))
        if cell is not None:
            section_id = self._sections.get((cell.doc, cell.start))
            if section_id:
                # The figure's own paragraph, not the section's first (the document is cached:
                # it was loaded for this table).
                doc = self.library.cached(cell.doc)
                paragraph = paragraph_at(doc, cell.start) if doc is not None else 0
                self.post_message(OpenSection(cell.doc, section_id, paragraph))

    @on(DataTable.CellHighlighted)
    def _cell(self, event: DataTable.CellHighlighted) -> None:
        key = (event.coordinate.row, event.coordinate.column)
        cell = self._cells.get(key)
        note = self._notes.get(key, "")
        detail = self.query_one("#targets-detail", Static)
        source = ""
        if cell is not None:
            from reporttui.core.analysis.targets import format_value

            where = f"{cell.region or ''} {cell.section}".strip()
            source = f"{format_value(cell)} · 原文: {cell.text}" + (f" ({where})" if where else "")
        detail.update("\n".join(x for x in (note, source) if x))

    # --- actions ---------------------------------------------------------------------------

    def action_filter_kind(self) -> None:
        if self.track_table is not None:
            return
        self._kind_index = (self._kind_index + 1) % len(self.KINDS)
        self._fill()

    def action_track(self) -> None:
        if self.track_table is not None:
            self.track_table = None
            self._fill()
            return
        region = next((d.region for d in self.documents if d.region), None)
        if region is None:
            self.notify("these documents name no region", timeout=3)
            return
        self.query_one("#targets-status", Static).update(f"lining up {region}'s years…")
        self.compute_track(region)

    def action_export(self) -> None:
        from reporttui.core.analysis.export import indicator_rows, track_rows

        if self.track_table is not None:
            rows = track_rows(self.track_table)
            stem = f"{self.track_table.region}-targets-by-year"
        elif self.documents:
            kind = self.KINDS[self._kind_index]
            rows = indicator_rows(
                [
                    (d, [r for r in self.per_doc.get(d.id, []) if not kind or r.kind == kind])
                    for d in self.documents
                ]
            )
            stem = "targets-" + "-".join(
                f"{d.region or d.id}{d.year or ''}" for d in self.documents
            )
        else:
            self.notify("nothing to export yet", timeout=3)
            return
        self.export(rows, stem)

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
