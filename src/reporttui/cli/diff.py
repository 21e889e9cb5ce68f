"""CLI command ``diff``: the 对照 of two reports, clause by clause (core: analysis/diff.py).

On a terminal the changed characters are coloured (red in A, green in B); piped, they are
bracketed like ``git diff --word-diff=plain``: ``[-5%左右-]`` in A, ``{+5%+}`` in B, and ``‸``
where the other side has text this side lacks. ``--json`` prints the aligned rows.
"""

from __future__ import annotations

import json
import os
import sys
from typing import Any

import click

from reporttui.cli.main import Context, home_option, pass_context

GAP = "‸"


def _use_colour() -> bool:
    return sys.stdout.isatty() and not os.environ.get("NO_COLOR")


def _plain(text: str, spans: tuple[tuple[int, int], ...], side: str) -> str:
    """``text`` with its changed spans bracketed (``[-…-]`` for A, ``{+…+}`` for B)."""
    open_, close = ("[-", "-]") if side == "a" else ("{+", "+}")
    out, at = [], 0
    for s, e in spans:
        out.append(text[at:s])
        out.append(GAP if s == e else f"{open_}{text[s:e]}{close}")
        at = e
    out.append(text[at:])
    return "".join(out)


def _styled(text: str, spans: tuple[tuple[int, int], ...], side: str) -> Any:
    from rich.text import Text

    style = "bold white on red" if side == "a" else "bold black on green"
    out = Text()
    at = 0
    for s, e in spans:
        out.append(text[at:s])
        if s == e:
            out.append(GAP, style="bold " + ("red" if side == "a" else "green"))
        else:
            out.append(text[s:e], style=style)
        at = e
    out.append(text[at:])
    return out


def render_lines(diff: Any, changes_only: bool, colour: bool) -> list[Any]:
    """The lines to print: a header per passage, then one or two lines per clause row."""
    from reporttui.core.analysis.diff import ADDED, REMOVED, SAME

    def mark(text: str, spans: Any, side: str) -> Any:
        return _styled(text, spans, side) if colour else _plain(text, spans, side)

    def line(prefix: str, body: Any, style: str = "") -> Any:
        if not colour:
            return prefix + body
        from rich.text import Text

        return Text(prefix, style=style or "bold") + body

    lines: list[Any] = []
    for passage in diff.passages:
        lines.append(
            line(
                "",
                f"== {passage.label}  ({passage.changes} changed of {len(passage.rows)})",
                "bold",
            )
        )
        lines.append(
            line(
                "",
                f"A {diff.a.label}: {passage.a_title or '-'}"
                f" ¶{','.join(map(str, passage.a_paragraphs[:8]))}",
                "dim",
            )
        )
        lines.append(
            line(
                "",
                f"B {diff.b.label}: {passage.b_title or '-'}"
                f" ¶{','.join(map(str, passage.b_paragraphs[:8]))}",
                "dim",
            )
        )
        for row in passage.rows:
            if row.kind == SAME:
                if not changes_only:
                    lines.append(line("  ", row.a.text, "dim"))
                continue
            if row.kind != ADDED:
                spans = row.a_spans if row.kind != REMOVED or not colour else ()
                body = (
                    mark(row.a.text, spans, "a")
                    if row.kind != REMOVED
                    else (_styled(row.a.text, (), "a") if colour else f"[-{row.a.text}-]")
                )
                lines.append(line("- ", body, "bold red"))
            if row.kind != REMOVED:
                body = (
                    mark(row.b.text, row.b_spans, "b")
                    if row.kind != ADDED
                    else (_styled(row.b.text, (), "b") if colour else f"{{+{row.b.text}+}}")
                )
                lines.append(line("+ ", body, "bold green"))
        lines.append(line("", ""))
    return lines


@click.command("diff")
@click.argument("doc_a")
@click.argument("doc_b")
@click.option(
    "--section",
    "sections",
    multiple=True,
    help="Only this passage: 'target' (目标), a theme name, or part of a section title "
    "found in both (repeatable).",
)
@click.option("--changes-only", is_flag=True, help="Leave out clauses that are the same.")
@click.option("--json", "as_json", is_flag=True, help="Print the aligned clauses as JSON.")
@home_option
@pass_context
def diff_command(
    obj: Context,
    doc_a: str,
    doc_b: str,
    sections: tuple[str, ...],
    changes_only: bool,
    as_json: bool,
    home: str | None,
) -> None:
    """对照: DOC_A and DOC_B clause by clause (target passage and each theme's sections).

    DOC is a path, a library document id, or region+year (太原2025).
    """
    from reporttui.cli.compare import load_docs
    from reporttui.core.analysis.diff import diff_documents
    from reporttui.core.errors import ReportError

    a, b = load_docs(obj, home, (doc_a, doc_b))
    diff = diff_documents(a, b, sections)
    if not diff.passages:
        wanted = ", ".join(sections) if sections else "target passage or shared theme"
        raise ReportError(f"nothing to set side by side: no {wanted} found in both documents")
    if as_json:
        click.echo(json.dumps(diff.to_json(), ensure_ascii=False, indent=1))
        return
    colour = _use_colour()
    lines = render_lines(diff, changes_only, colour)
    if colour:
        from rich.console import Console

        console = Console(highlight=False)
        for item in lines:
            console.print(item)
    else:
        for item in lines:
            click.echo(item)


def register(group: click.Group) -> None:
    """Add this module's commands to the ``reporttui`` group."""
    group.add_command(diff_command)
