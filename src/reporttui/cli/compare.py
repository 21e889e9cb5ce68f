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
    from reporttui.cli.console import make_console

    return make_console(soft_wrap=False)


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


@click.command("compare")
@click.argument("doc_a")
@click.argument("doc_b")
@click.option("--json", "as_json", is_flag=True, help="Print the aligned rows as JSON.")
@home_option
@pass_context
def compare_command(obj: Context, doc_a: str, doc_b: str, as_json: bool, home: str | None) -> None:
    """Align the plans of DOC_A and DOC_B theme by theme, with gaps shown."""
    from reporttui.core.analysis.compare import compare_documents

    a, b = load_docs(obj, home, (doc_a, doc_b))
    comparison = compare_documents(a, b)
    if as_json:
        _dump(comparison.to_json())
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
)


@click.command("targets")
@click.argument("docs", nargs=-1, required=True)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON row per indicator.")
@click.option("--csv", "as_csv", is_flag=True, help="Print CSV with a header line.")
@click.option(
    "--kind",
    type=click.Choice(["target", "result"]),
    default=None,
    help="Only targets for the coming year, or only results of the past one.",
)
@home_option
@pass_context
def targets_command(
    obj: Context,
    docs: tuple[str, ...],
    as_json: bool,
    as_csv: bool,
    kind: str | None,
    home: str | None,
) -> None:
    """Targets and results (value, unit, qualifier, year) of each DOC, as one table."""
    from reporttui.core.analysis.targets import extract_targets, format_cell, target_table

    if as_json and as_csv:
        raise click.UsageError("give --json or --csv, not both")
    documents = load_docs(obj, home, docs)
    per_doc = {
        d.id: [r for r in extract_targets(d) if not kind or r.kind == kind] for d in documents
    }
    rows = [r.to_json() for d in documents for r in per_doc[d.id]]
    if as_json:
        _dump(rows)
        return
    if as_csv:
        writer = csv.DictWriter(sys.stdout, fieldnames=CSV_FIELDS, lineterminator="\n")
        writer.writeheader()
        for row in rows:
            from reporttui.core.display import safe_line

            writer.writerow({k: safe_line(v) if isinstance(v, str) else v for k, v in row.items()})
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
        table.add_row(name, "目标" if row_kind == "target" else "实绩", *values)
    console = _console()
    if not grid.rows:
        console.print("no targets or results found")
        return
    console.print(table)


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
@home_option
@pass_context
def keywords_command(
    obj: Context,
    doc: str,
    vs: str | None,
    top: int,
    sections: bool,
    as_json: bool,
    home: str | None,
) -> None:
    """Top terms of DOC (policy verbs dropped), per section, and the difference to --vs DOC."""
    from reporttui.core.analysis.keywords import keyword_diff, report_text, term_counts, top_terms
    from reporttui.core.analysis.plan import find_plan

    refs = (doc, vs) if vs else (doc,)
    documents = load_docs(obj, home, refs)
    main = documents[0]
    main_text = report_text(main)
    counts = term_counts(main_text)
    tops = top_terms(main_text, top, counts)
    plan = find_plan(main)
    per_section = [(u, top_terms(u.text, 8)) for u in plan.units]
    diff = None
    if vs:
        base = documents[1]
        diff = keyword_diff(report_text(base), main_text, n=top, other_counts=counts)
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
    table = Table(title=f"高频词 {_label(main)}", show_edge=False)
    table.add_column("词", no_wrap=True)
    table.add_column("次", justify="right")
    table.add_column("", no_wrap=True, style="cyan")
    peak = tops[0].count if tops else 0
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
            t = Table(title=title, show_edge=False, title_style=f"bold {style}")
            t.add_column("词", no_wrap=True)
            t.add_column("本文", justify="right")
            t.add_column("对比", justify="right")
            t.add_column("", no_wrap=True, style=style)
            peak = max((max(c.other_rate, c.base_rate) for c in items), default=0)
            for c in items:
                bar_value = c.base_rate if title == "下降" else c.other_rate
                t.add_row(c.term, f"{c.other_rate:g}", f"{c.base_rate:g}", _bar(bar_value, peak))
            console.print(t)


def register(group: click.Group) -> None:
    """Add this module's commands to the ``reporttui`` group."""
    for command in (compare_command, targets_command, keywords_command):
        group.add_command(command)
