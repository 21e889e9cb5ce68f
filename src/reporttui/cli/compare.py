"""CLI commands: ``compare``, ``targets`` and ``keywords`` (thin layers over the compare core).

DOC is a path, a library document id (or a unique prefix of one), or region+year (太原2025).
Terminal output is rich tables and bar charts; ``--json`` output is UTF-8 (ensure_ascii=False).
"""

from __future__ import annotations

import csv
import sys
from typing import TYPE_CHECKING, Any

import click

from reporttui.cli.main import Context, home_option, pass_context

if TYPE_CHECKING:
    from rich.console import Console

    from reporttui.core.model import Document

BAR_WIDTH = 24


def _console() -> Console:
    from reporttui.cli.console import stdout_console

    return stdout_console(soft_wrap=False)


def load_docs(obj: Context, home: str | None, refs: tuple[str, ...]) -> list[Document]:
    """Resolve DOC arguments to documents through the library (paths outside it work too)."""
    from reporttui.core.library.library import Library

    library = Library(obj.home(home))
    try:
        return [library.load(library.resolve(ref).id) for ref in refs]
    finally:
        close = getattr(library, "close", None)
        if close:
            close()


def _library_regions(obj: Context, home: str | None, documents: list[Document]) -> list[str | None]:
    """The regions of the library's documents and of ``documents`` (their names are not keywords)."""
    from reporttui.core.library.library import Library

    library = Library(obj.home(home))
    try:
        regions = [e.region for e in library.entries()]
    finally:
        close = getattr(library, "close", None)
        if close:
            close()
    return regions + [d.region for d in documents]


def _label(document: Document) -> str:
    """The document's label, or its file name when region and year are unknown."""
    from reporttui.core.display import safe_line, safe_path

    if document.region or document.year:
        return safe_line(document.label)
    from pathlib import Path

    return safe_path(Path(document.path).name)


def _dump(data: Any) -> None:
    from reporttui.core.display import json_dumps

    click.echo(json_dumps(data, indent=2))


def _bar(value: float, top: float, width: int = BAR_WIDTH) -> str:
    """A horizontal bar of eighth-blocks, ``value/top`` of ``width`` cells."""
    if top <= 0 or value <= 0:
        return ""
    eighths = max(1, round(width * 8 * value / top))
    return "█" * (eighths // 8) + ("", "▏", "▎", "▍", "▌", "▋", "▊", "▉")[eighths % 8]


# --- compare ---------------------------------------------------------------------------------


def _print_comparison(comparison: Any) -> None:
    from rich.table import Table
    from rich.text import Text

    console = _console()
    for key, side in (("A", comparison.a), ("B", comparison.b)):
        d = side.document
        console.print(Text.assemble((f"{key} ", "bold"), _label(d), ("  " + side.plan.how, "dim")))
    from reporttui.cli.console import is_piped

    table = Table(show_lines=True, expand=not is_piped(console))  # piped: rows unwrapped
    table.add_column("主题", no_wrap=True, style="bold")
    # fold: CJK text has no spaces to wrap at, and an ellipsis would hide the section title
    table.add_column("A", ratio=3, overflow="fold")
    table.add_column("B", ratio=3, overflow="fold")
    table.add_column("共同词 / 仅A / 仅B", ratio=2, overflow="fold")

    def cell(refs: tuple[Any, ...]) -> Text:
        if not refs:
            return Text("— 缺 —", style="italic red")
        text = Text()
        for n, ref in enumerate(refs):
            if n:
                text.append("\n")
            text.append(ref.title, style="" if ref.role == "main" else "dim")
            if ref.role == "part":
                text.append(" (部分)", style="dim")
            if ref.scope == "five-year":
                text.append(" (五年)", style="dim")
            if ref.evidence:
                text.append(f"  [{'、'.join(ref.evidence[:3])}]", style="dim cyan")
        return text

    for row in comparison.rows:
        terms = Text()
        if row.shared_terms:
            terms.append("共 " + " ".join(row.shared_terms[:6]), style="green")
        if row.only_a:
            terms.append("\nA " + " ".join(row.only_a[:5]), style="yellow")
        if row.only_b:
            terms.append("\nB " + " ".join(row.only_b[:5]), style="magenta")
        table.add_row(row.name, cell(row.a_sections), cell(row.b_sections), terms)
    console.print(table)


def _format(as_json: bool, as_csv: bool, as_md: bool) -> str | None:
    """The one export format asked for (None: the terminal view); a usage error for several."""
    chosen = [f for f, on in (("json", as_json), ("csv", as_csv), ("md", as_md)) if on]
    if len(chosen) > 1:
        raise click.UsageError("give one of --json, --csv, --md")
    return chosen[0] if chosen else None


def _emit(rows: list[dict[str, Any]], fmt: str, title: str) -> None:
    from reporttui.core.analysis.export import render
    from reporttui.core.display import safe

    # Rows carry document text: shown, never obeyed, by the terminal (JSON escapes them itself).
    sys.stdout.write(safe(render(rows, fmt, title)))


@click.command("compare")
@click.argument("doc_a")
@click.argument("doc_b")
@click.option("--json", "as_json", is_flag=True, help="Print the aligned rows as JSON.")
@click.option("--csv", "as_csv", is_flag=True, help="One CSV row per theme, side and section.")
@click.option("--md", "as_md", is_flag=True, help="The same rows as a Markdown table.")
@home_option
@pass_context
def compare_command(
    obj: Context,
    doc_a: str,
    doc_b: str,
    as_json: bool,
    as_csv: bool,
    as_md: bool,
    home: str | None,
) -> None:
    """Align the plans of DOC_A and DOC_B theme by theme, with gaps shown."""
    from reporttui.core.analysis.compare import compare_documents
    from reporttui.core.analysis.export import comparison_rows

    fmt = _format(as_json, as_csv, as_md)
    _warn_tables(obj, home)
    a, b = load_docs(obj, home, (doc_a, doc_b))
    comparison = compare_documents(a, b)
    if fmt == "json":
        _dump(comparison.to_json())
    elif fmt:
        _emit(comparison_rows(comparison), fmt, f"对比 {_label(a)} / {_label(b)}")
    else:
        _print_comparison(comparison)


# --- targets ---------------------------------------------------------------------------------

CSV_FIELDS = (
    "doc",
    "path",
    "region",
    "year",
    "indicator",
    "value",
    "unit",
    "qualifier",
    "kind",
    "text",
    "section",
    "scope",
)


@click.command("targets")
@click.argument("docs", nargs=-1)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON row per indicator.")
@click.option("--csv", "as_csv", is_flag=True, help="Print CSV with a header line.")
@click.option("--md", "as_md", is_flag=True, help="Print a Markdown table.")
@click.option(
    "--kind",
    type=click.Choice(["target", "result"]),
    default=None,
    help="Only targets for the coming year, or only results of the past one.",
)
@click.option(
    "--all",
    "all_kinds",
    is_flag=True,
    help="Every candidate figure (five-year, past-target, part, plan), not only the headline ones.",
)
@click.option(
    "--track",
    "region",
    default=None,
    metavar="REGION",
    help="Year-N target against the year-N result (from the year-N+1 report) for REGION's reports.",
)
@home_option
@pass_context
def targets_command(
    obj: Context,
    docs: tuple[str, ...],
    as_json: bool,
    as_csv: bool,
    as_md: bool,
    kind: str | None,
    all_kinds: bool,
    region: str | None,
    home: str | None,
) -> None:
    """Targets and results (value, unit, qualifier, year) of each DOC, as one table.

    With --track REGION: the region's reports of consecutive years, target against result.
    """
    from reporttui.core.analysis.export import indicator_rows
    from reporttui.core.analysis.targets import (
        extract_candidates,
        extract_targets,
        format_cell,
        target_table,
    )
    from reporttui.core.display import safe_line

    fmt = _format(as_json, as_csv, as_md)
    _warn_tables(obj, home)
    if region is not None:
        if docs:
            raise click.UsageError("give DOCS or --track REGION, not both")
        _track(obj, home, region, fmt)
        return
    if not docs:
        raise click.UsageError("give at least one DOC (or --track REGION)")
    documents = load_docs(obj, home, docs)
    extract = extract_candidates if all_kinds else extract_targets
    per_doc = {d.id: [r for r in extract(d) if not kind or r.kind == kind] for d in documents}
    if fmt == "json":
        _dump([r.to_json() for d in documents for r in per_doc[d.id]])
        return
    if fmt == "csv" and not all_kinds and not as_md:
        # the long-standing CSV layout: the Indicator fields, one row per figure
        writer = csv.DictWriter(sys.stdout, fieldnames=CSV_FIELDS, lineterminator="\n")
        writer.writeheader()
        for d in documents:
            for r in per_doc[d.id]:
                row = r.to_json()
                writer.writerow(
                    {k: safe_line(v) if isinstance(v, str) else v for k, v in row.items()}
                )
        return
    if fmt:
        rows = indicator_rows([(d, per_doc[d.id]) for d in documents])
        _emit(rows, fmt, "指标 (目标 / 实绩)")
        return
    from rich.table import Table

    table = Table(title="指标 (目标 / 实绩)", expand=False)
    table.add_column("指标", style="bold", no_wrap=True)
    table.add_column("类", no_wrap=True)
    labels = {d.id: d for d in documents}
    for doc_id in per_doc:
        d = labels[doc_id]
        table.add_column(f"{d.region or '?'} {d.year or '?'}", no_wrap=False)
    grid = target_table(per_doc)
    for name, row_kind, cells in grid.rows:
        values = []
        for c in cells:
            values.append("" if c is None else format_cell(c, labels[c.doc].year))
        table.add_row(name, KIND_LABELS.get(row_kind, row_kind), *values)
    console = _console()
    if not grid.rows:
        console.print("no targets or results found")
        return
    console.print(table)


def _warn_tables(obj: Context, home: str | None) -> None:
    """Read the user's tables from the library home in use; one stderr line when one is broken."""
    from reporttui.core.analysis.tables import use_home
    from reporttui.core.analysis.targets import indicator_table_error
    from reporttui.core.analysis.themes import user_taxonomy_error

    use_home(obj.home(home))
    for error in (indicator_table_error(), user_taxonomy_error()):
        if error:
            click.echo(f"reporttui: warning: {error} (using the shipped table)", err=True)


KIND_LABELS = {
    "target": "目标",
    "result": "实绩",
    "plan": "任务",
    "five-year-target": "五年目标",
    "five-year-result": "五年实绩",
    "past-target": "上年目标",
    "part": "局部",
}
STATUS_MARKS = {"met": "✓ 完成", "missed": "✗ 未完成", "no figure": "— 无数"}


def _track(obj: Context, home: str | None, region: str, fmt: str | None) -> None:
    """``targets --track REGION``: the tracking table of one region's reports."""
    from reporttui.core.analysis.export import track_rows
    from reporttui.core.analysis.track import region_documents, track
    from reporttui.core.errors import ReportError
    from reporttui.core.library.library import Library

    library = Library(obj.home(home))
    try:
        try:
            entries = region_documents(library.entries(), region)
        except ValueError as error:
            raise ReportError(str(error)) from None
        if not entries:
            raise ReportError(f"no report of {region!r} in the library")
        documents = [library.load(e.id) for e in entries]  # type: ignore[attr-defined]
    finally:
        close = getattr(library, "close", None)
        if close:
            close()
    table = track(documents[0].region or region, documents)
    if not table.years:
        raise ReportError(f"no targets found in the reports of {region!r}")
    if fmt == "json":
        _dump(table.to_json())
        return
    if fmt:
        _emit(track_rows(table), fmt, f"{table.region} 目标与实绩")
        return
    from rich.table import Table
    from rich.text import Text

    grid = Table(title=f"{table.region} 目标与实绩 (目标 → 次年报告所载实绩)", show_lines=True)
    grid.add_column("指标", style="bold", no_wrap=True)
    for year in table.years:
        grid.add_column(str(year))
    styles = {"met": "green", "missed": "red", "no figure": "dim"}
    from reporttui.core.analysis.targets import format_value

    for name, cells in table.rows:
        shown: list[Text | str] = [name]
        for cell in cells:
            if cell is None:
                shown.append("")
                continue
            text = Text(format_value(cell.target) if cell.target else "")
            text.append(" → " + (format_value(cell.result) if cell.result else "?"))
            text.append("\n" + STATUS_MARKS[cell.status], style=styles[cell.status])
            shown.append(text)
        grid.add_row(*shown)
    console = _console()
    console.print(grid)
    for year in table.years:
        d = table.documents[year]
        console.print(f"[dim]{year}: {d.title} ({d.path})[/]")


# --- keywords --------------------------------------------------------------------------------


def _term_json(items: Any) -> list[dict[str, object]]:
    return [{"term": t.term, "count": t.count, "rate": t.rate} for t in items]


def _change_json(items: Any) -> list[dict[str, object]]:
    return [
        {
            "term": c.term,
            "count": c.other_count,
            "vs_count": c.base_count,
            "rate": c.other_rate,
            "vs_rate": c.base_rate,
        }
        for c in items
    ]


@click.command("keywords")
@click.argument("doc")
@click.option(
    "--vs", "vs", default=None, metavar="DOC", help="Show what is new, rising, falling against DOC."
)
@click.option(
    "-n",
    "--top",
    "top",
    type=click.IntRange(1, 1000),
    default=20,
    show_default=True,
    help="How many terms to list.",
)
@click.option("--sections", is_flag=True, help="Also list top terms per plan section.")
@click.option("--json", "as_json", is_flag=True, help="Print the statistics as JSON.")
@click.option(
    "--csv", "as_csv", is_flag=True, help="One CSV row per term (top, new, rising, falling)."
)
@click.option("--md", "as_md", is_flag=True, help="The same rows as a Markdown table.")
@home_option
@pass_context
def keywords_command(
    obj: Context,
    doc: str,
    vs: str | None,
    top: int,
    sections: bool,
    as_json: bool,
    as_csv: bool,
    as_md: bool,
    home: str | None,
) -> None:
    """Top terms of DOC (policy verbs dropped), per section, and the difference to --vs DOC."""
    from reporttui.core.analysis.keywords import (
        keyword_context,
        keyword_diff,
        report_text,
        term_counts,
        top_terms,
    )
    from reporttui.core.analysis.plan import find_plan

    fmt = _format(as_json, as_csv, as_md)
    refs = (doc, vs) if vs else (doc,)
    documents = load_docs(obj, home, refs)
    main = documents[0]
    main_text = report_text(main)
    texts = [report_text(d) for d in documents]
    context = keyword_context(texts, _library_regions(obj, home, documents), obj.home(home))
    counts = term_counts(main_text, context)
    tops = top_terms(main_text, top, counts, context=context)
    plan = find_plan(main)
    per_section = [(u, top_terms(u.text, 8, context=context)) for u in plan.units]
    diff = None
    if vs:
        base = documents[1]
        diff = keyword_diff(texts[1], main_text, n=top, other_counts=counts, context=context)
    if fmt in ("csv", "md"):
        from reporttui.core.analysis.export import keyword_rows

        rows = keyword_rows(main, tops, diff, documents[1] if vs else None)
        _emit(rows, fmt, f"关键词 {_label(main)}")
        return
    if as_json:
        data: dict[str, object] = {
            "doc": {"doc": main.id, "path": main.path, "region": main.region, "year": main.year},
            "top": _term_json(tops),
            "sections": [
                {"title": u.title, "section_id": u.section_id, "top": _term_json(t)}
                for u, t in per_section
            ],
        }
        if diff is not None:
            base = documents[1]
            data["vs"] = {
                "doc": base.id,
                "path": base.path,
                "region": base.region,
                "year": base.year,
            }
            data["new"] = _change_json(diff.new)
            data["rising"] = _change_json(diff.rising)
            data["falling"] = _change_json(diff.falling)
        _dump(data)
        return
    from rich.table import Table

    console = _console()
    table = Table(title=f"关键词 {_label(main)}", show_edge=False)
    table.add_column("词", no_wrap=True)
    table.add_column("次", justify="right")
    table.add_column("", no_wrap=True, style="cyan")
    # the longest bar is the largest count: the list is in keyness order, so its first term's
    # count is not the peak (a bar 4x too long: 服务 28 drew ~100 blocks, ux r16)
    peak: float = max((t.count for t in tops), default=0)
    for t in tops:
        table.add_row(t.term, str(t.count), _bar(t.count, peak))
    console.print(table)
    if sections:
        for unit, unit_tops in per_section:
            from rich.text import Text

            console.print(
                Text.assemble(
                    (unit.title, "bold"), "  " + " ".join(f"{t.term}×{t.count}" for t in unit_tops)
                )
            )
    if diff is not None:
        base = documents[1]
        console.print(f"\n对比 {_label(base)} (每万字频次)")
        for title, items, style in (
            ("新出现", diff.new, "green"),
            ("上升", diff.rising, "yellow"),
            ("下降", diff.falling, "red"),
        ):
            changes = Table(title=title, show_edge=False, title_style=f"bold {style}")
            changes.add_column("词", no_wrap=True)
            changes.add_column("本文", justify="right")
            changes.add_column("对比", justify="right")
            changes.add_column("", no_wrap=True, style=style)
            peak = max((max(c.other_rate, c.base_rate) for c in items), default=0)
            for c in items:
                bar_value = c.base_rate if title == "下降" else c.other_rate
                changes.add_row(
                    c.term, f"{c.other_rate:g}", f"{c.base_rate:g}", _bar(bar_value, peak)
                )
            console.print(changes)


def register(group: click.Group) -> None:
    """Add this module's commands to the ``reporttui`` group."""
    for command in (compare_command, targets_command, keywords_command):
        group.add_command(command)
