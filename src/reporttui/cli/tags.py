"""CLI commands: ``tags`` (list, export, add, remove): the tags store of the library home.

Every command first re-finds the tagged passages in the library as it is now (a passage whose
text changed in its source is flagged, never dropped), so listings and exports cite paragraphs
as they are numbered today.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from reporttui.cli.main import Context, home_option, pass_context
from reporttui.core.errors import ReportError


def _open(obj: Context, home: str | None) -> tuple[Any, Any]:
    from reporttui.core.library.library import Library
    from reporttui.core.library.tags import TagStore

    path = obj.home(home)
    return Library(path), TagStore(path)


def _reconciled(obj: Context, home: str | None) -> tuple[Any, Any, Any]:
    library, store = _open(obj, home)
    report = store.reconcile(library)
    return library, store, report


def _warn_flagged(report: Any) -> None:
    if report.flagged:
        click.echo(
            f"reporttui: {len(report.flagged)} tagged passage(s) changed or vanished in their source "
            "(status column; kept as tagged)",
            err=True,
        )


@click.group("tags", invoke_without_command=True)
@home_option
@click.pass_context
def tags_group(ctx: click.Context, home: str | None) -> None:
    """Tagged passages: list tags (default), export them with citations, add or remove tags."""
    if ctx.invoked_subcommand is None:
        ctx.invoke(list_command, home=home, as_json=False)


@tags_group.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print the tags as JSON.")
@home_option
@pass_context
def list_command(obj: Context, as_json: bool, home: str | None) -> None:
    """Every tag with its number of passages, by region and by year."""
    library, store, report = _reconciled(obj, home)
    try:
        counts = store.counts()
        if as_json:
            click.echo(
                json.dumps(
                    [
                        {
                            "tag": c.name,
                            "count": c.count,
                            "flagged": c.flagged,
                            "by_region": c.by_region,
                            "by_year": {str(y or "?"): n for y, n in c.by_year.items()},
                        }
                        for c in counts
                    ],
                    ensure_ascii=False,
                    indent=1,
                )
            )
            return
        if not counts:
            click.echo("no tags yet (press m on a paragraph in the app, or `reporttui tags add`)")
            return
        for c in counts:
            flag = f"  ({c.flagged} flagged)" if c.flagged else ""
            click.echo(f"{c.name}\t{c.count}{flag}")
            click.echo("    " + "  ".join(f"{r} {n}" for r, n in c.by_region.items()))
            click.echo("    " + "  ".join(f"{y or '?'} {n}" for y, n in c.by_year.items()))
        _warn_flagged(report)
    finally:
        store.close()
        library.close()


@tags_group.command("export")
@click.option("--tag", "tag", default=None, help="Only passages with this tag.")
@click.option("--md", "fmt", flag_value="md", help="Markdown: quoted passages grouped by tag.")
@click.option("--csv", "fmt", flag_value="csv", help="CSV: one line per passage.")
@click.option("--json", "fmt", flag_value="json", help="JSON: a list of passages.")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False),
    default=None,
    help="Write to this file instead of standard output.",
)
@home_option
@pass_context
def export_command(
    obj: Context, tag: str | None, fmt: str | None, output: str | None, home: str | None
) -> None:
    """Tagged passages with citations (region, year, report, section path, paragraph) and notes."""
    from reporttui.core.library import tag_export

    if fmt is None:
        raise click.UsageError("choose a format: --md, --csv or --json")
    library, store, report = _reconciled(obj, home)
    try:
        if tag is not None and tag.lstrip("#") not in store.names():
            raise ReportError(f"no tag {tag!r} (see `reporttui tags list`)")
        passages = store.passages(tag.lstrip("#") if tag else None)
        text = tag_export.export(passages, fmt, tag.lstrip("#") if tag else None)
        if output:
            tag_export.write_atomically(Path(output), text)
            click.echo(f"wrote {len(passages)} passage(s) to {output}", err=True)
        else:
            click.echo(text, nl=False)
        _warn_flagged(report)
    finally:
        store.close()
        library.close()


def _paragraph(library: Any, ref: str, number: int) -> tuple[Any, Any]:
    doc = library.load(library.resolve(ref).id)
    for p in doc.paragraphs():
        if p.number == number:
            return doc, p
    raise ReportError(f"{doc.label} has no paragraph {number} (it has {len(doc.paragraphs())})")


@tags_group.command("add")
@click.argument("doc")
@click.argument("paragraph", type=int)
@click.argument("names", nargs=-1, required=True)
@click.option("--note", default=None, help="A note for the passage (replaces its note).")
@home_option
@pass_context
def add_command(
    obj: Context,
    doc: str,
    paragraph: int,
    names: tuple[str, ...],
    note: str | None,
    home: str | None,
) -> None:
    """Tag paragraph PARAGRAPH (its ¶ number) of DOC (path, id or e.g. 太原2025) with NAMES."""
    library, store = _open(obj, home)
    try:
        document, p = _paragraph(library, doc, paragraph)
        passage = store.tag(document, p, names, note=note)
        if passage is not None:
            click.echo(f"{document.label} ¶{p.number}: {', '.join(passage.tags)}")
    finally:
        store.close()
        library.close()


@tags_group.command("remove")
@click.argument("doc")
@click.argument("paragraph", type=int)
@click.argument("names", nargs=-1)
@home_option
@pass_context
def remove_command(
    obj: Context, doc: str, paragraph: int, names: tuple[str, ...], home: str | None
) -> None:
    """Remove NAMES (all tags when none given) from paragraph PARAGRAPH of DOC."""
    library, store = _open(obj, home)
    try:
        document, p = _paragraph(library, doc, paragraph)
        passage = store.find(document.id, p.number)
        if passage is None:
            raise ReportError(f"{document.label} ¶{p.number} has no tags")
        if not names:
            store.untag(passage.id)
        for name in names:
            store.untag(passage.id, name.lstrip("#"))
        left = store.find(document.id, p.number)
        click.echo(f"{document.label} ¶{p.number}: {', '.join(left.tags) if left else 'no tags'}")
    finally:
        store.close()
        library.close()


def register(group: click.Group) -> None:
    """Add this module's commands to the ``reporttui`` group."""
    group.add_command(tags_group)
