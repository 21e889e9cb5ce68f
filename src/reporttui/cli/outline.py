"""``reporttui outline PATH [--json]``: the section tree and metadata of one report file."""

from __future__ import annotations

from typing import Any

import click

from reporttui.core.display import json_dumps, safe_line
from reporttui.core.model import Document, Section


def register(group: click.Group) -> None:
    """Add this module's commands to the ``reporttui`` group."""
    group.add_command(outline_command)


@click.command("outline")
@click.argument("path", type=click.Path())
@click.option("--json", "as_json", is_flag=True, help="Print the outline as JSON.")
def outline_command(path: str, as_json: bool) -> None:
    """Show the outline of the report at PATH: metadata and sections with paragraph counts."""
    from pathlib import Path

    from reporttui.core.errors import ReportError
    from reporttui.core.library.library import size_problem
    from reporttui.core.paths import library_home
    from reporttui.core.text.boilerplate import load_keys
    from reporttui.core.text.ingest import load_document

    p = Path(path)
    if p.is_file() and size_problem(p, p.stat().st_size):  # safety: bounded time and memory
        raise ReportError(size_problem(p, p.stat().st_size))
    doc = load_document(path, load_keys(library_home()))  # as the library reads it (boilerplate)
    if as_json:
        click.echo(json_dumps(outline_dict(doc), indent=2))
    else:
        from reporttui.cli.console import stdout_console

        stdout_console().print(outline_tree(doc))


def section_dict(section: Section) -> dict[str, Any]:
    return {
        "id": section.id,
        "title": section.title,
        "level": section.level,
        "kind": section.kind,
        "part": section.part,
        "paragraphs": [p.text for p in section.paragraphs],
        "children": [section_dict(c) for c in section.children],
    }


def outline_dict(doc: Document) -> dict[str, Any]:
    """The ``--json`` shape: the agreed keys first, then extras (id, path, encoding, meta)."""
    return {
        "title": doc.title,
        "region": doc.region,
        "year": doc.year,
        "kind": doc.kind,
        "date": doc.date,
        "evidence": evidence(doc),
        "sections": [section_dict(s) for s in doc.sections],
        "dropped": [d.text for d in doc.dropped],
        "dropped_reasons": [d.reason for d in doc.dropped],
        "id": doc.id,
        "path": doc.path,
        "encoding": doc.encoding,
        "characters": len(doc.text),
        "paragraphs": len(doc.paragraphs()),
        "meta": dict(doc.meta),
    }


def evidence(doc: Document) -> dict[str, str]:
    """Which evidence each metadata field came from (recorded by ingestion in ``doc.meta``)."""
    return {
        k.removeprefix("evidence."): v for k, v in doc.meta.items() if k.startswith("evidence.")
    }


def outline_tree(doc: Document) -> Any:
    """A rich Tree: title, a metadata line, then sections with levels and paragraph counts."""
    from rich.text import Text
    from rich.tree import Tree

    facts = [
        doc.region or "region ?",
        str(doc.year) if doc.year else "year ?",
        doc.kind or "kind ?",
    ]
    if doc.date:
        facts.append(doc.date)
    facts.append(f"{len(doc.paragraphs())} paragraphs, {len(doc.text)} characters")
    if doc.dropped:
        facts.append(f"{len(doc.dropped)} pieces dropped")
    why = evidence(doc)
    sources = "; ".join(
        f"{k} ← {v}" for k, v in why.items() if k in ("title", "region", "year", "kind", "date")
    )
    root = Tree(
        Text.assemble(
            (safe_line(doc.title) or "(untitled)", "bold"),
            "\n",
            (safe_line(" · ".join(facts)), "dim"),
            *(("\n", ("evidence: " + safe_line(sources), "dim")) if sources else ()),
        )
    )

    def add(parent: Any, section: Section) -> None:
        label = Text()
        if section.part != "main":
            label.append(f"[{section.part}] ", style="magenta")
        title = section.title or ("(preamble)" if section.kind == "preamble" else "(untitled)")
        label.append(safe_line(title), style="bold" if section.level <= 1 else "")
        n = len(section.paragraphs)
        label.append(f"  L{section.level} {section.kind}, {n} ¶", style="dim")
        node = parent.add(label)
        for child in section.children:
            add(node, child)

    for section in doc.sections:
        add(root, section)
    return root
