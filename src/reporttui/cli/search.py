"""CLI commands over the library: ``docs``, ``add``, ``index``, ``search``, ``explain``.

A thin layer: every command makes one or two calls into :mod:`reporttui.core.library.library` and
prints the answer with rich (tables, highlighted snippets, a progress bar on stderr) or as JSON.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click

from reporttui.cli.main import Context, home_option, pass_context
from reporttui.core.display import json_dumps, safe, safe_line, safe_path
from reporttui.core.errors import ReportError

PROGRESS_MIN_ITEMS = 20
"""Show a progress bar only for batches at least this big (and only on a terminal)."""


def _stderr_console() -> Any:
    from reporttui.cli.console import stderr_console

    return stderr_console()


def _stdout_console() -> Any:
    from reporttui.cli.console import stdout_console

    return stdout_console()


def _library(obj: Context, home: str | None) -> Any:
    from reporttui.core.library.library import Library

    return Library(obj.home(home), notify=_say)


def _say(message: str) -> None:
    """One line on stderr, never wrapped (scripts and tests read it line by line)."""
    click.echo(f"reporttui: {safe_line(message)}", err=True)


@contextmanager
def _progress(label: str) -> Iterator[Callable[[int, int, str], None]]:
    """A progress callback drawing a rich bar on stderr (only on a terminal, for big batches)."""
    console = _stderr_console()
    if not console.is_terminal:
        yield lambda done, total, name: None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from reporttui.core.labels import source_label
    from reporttui.core.progress import Eta, format_seconds

    bar = Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[left]}"),
        TextColumn("{task.fields[name]}"),
        console=console,
        transient=True,
    )
    task: Any = None
    eta = Eta()  # counts the index commit after the last file (rich's ETA did not: 2-6x short)

    def update(done: int, total: int, name: str) -> None:
        nonlocal task
        if total < PROGRESS_MIN_ITEMS:
            return
        if task is None:
            bar.start()
            task = bar.add_task(label, total=total, name="", left="")
        eta.update(done, total)
        seconds = eta.remaining()
        left = f"{format_seconds(seconds)} left" if seconds is not None else ""
        shown = "writing the index…" if done >= total else source_label(name)[-30:]
        bar.update(task, completed=done, total=total, name=shown, left=left)

    try:
        yield update
    finally:
        if task is not None:
            bar.stop()


def _print_report(report: Any, *, quiet: bool = False, skip: set[str] | None = None) -> None:
    for path, error in report.failed:
        if skip and path in skip:
            continue
        if not any(m.endswith(error) for m in report.messages):
            _say(f"skipped {error}")
    if not quiet:
        word = "rebuilt" if report.rebuilt else "updated"
        _say(f"library {word}: {report.summary()} ({report.seconds:.1f} s)")


def _parse_year(value: str | None) -> int | None:
    if value is None:
        return None
    text = value.strip()
    if not text.isdigit() or not (1900 <= int(text) <= 2100):
        raise click.UsageError(f"--year must be a year such as 2025, not {value!r}")
    return int(text)


def _parse_limit(value: str) -> int:
    text = value.strip()
    if not text.isdigit() or int(text) < 1:
        raise click.UsageError(f"--limit must be a positive number, not {value!r}")
    return int(text)


def _query(words: tuple[str, ...]) -> str:
    """The query from the QUERY words; a blank one is a usage error (exit 2)."""
    query = " ".join(words)
    if not query.strip():
        raise click.UsageError('QUERY is empty: give a word or a "phrase" to search for')
    return query


AUTO_INDEX_MAX_BYTES = 4_000_000
"""Above this many bytes of new or changed files a search does not index them first (an
8 MB file takes about a minute; measured in README's "Safe with any file" section)."""


def ensure_indexed(library: Any) -> None:
    """Index the library first if needed (seeds on first use), quietly to stderr.

    When another process is writing, search goes on with the last committed index.
    """
    if not library.needs_indexing():
        return
    pending = library.pending_bytes()
    if pending > AUTO_INDEX_MAX_BYTES:  # safety: a search never waits minutes on a big file
        _say(
            f"{pending / 1e6:,.1f} MB of new or changed files are not indexed yet "
            "(searching the last committed index; `reporttui index` indexes them)"
        )
        return
    # process (issue 11): a one-shot search runs without the cyclic GC (cli.main); indexing
    # (up to a whole rebuild, and its worker processes) runs with it, as `reporttui index` does.
    gc.enable()
    err = _stderr_console()
    if err.is_terminal:
        err.print("reporttui: indexing the library…", markup=False)
    has_index = bool(library._catalog().index_name)
    try:
        with _progress("indexing") as progress:
            report = library.sync(progress=progress, wait=False)
    except ReportError as exc:
        if not has_index:
            raise
        _say(f"{exc} (searching the last committed index)")
        return
    if report.busy:
        return
    _print_report(report, quiet=True)


def _count(n: int, singular: str, plural: str | None = None) -> str:
    """ "1 document", "3 documents"."""
    return f"{n} {singular if n == 1 else (plural or singular + 's')}"


# --- commands ------------------------------------------------------------------------------


@click.command("docs")
@click.option("--json", "as_json", is_flag=True, help="Print the list as JSON.")
@home_option
@pass_context
def docs_command(obj: Context, as_json: bool, home: str | None) -> None:
    """List the documents of the library."""
    entries = _library(obj, home).entries()
    if as_json:
        rows = [
            {
                "id": e.id,
                "title": e.title,
                "region": e.region,
                "year": e.year,
                "kind": e.kind,
                "chars": e.chars,
                "path": e.path,
                "bundled": e.bundled,
            }
            for e in entries
        ]
        click.echo(json_dumps(rows, indent=1))
        return
    from rich.table import Table

    console = _stdout_console()
    wide = console.width >= 120
    caption = None if wide else "paths: widen the terminal or use --json"
    table = Table(title=_count(len(entries), "document"), title_justify="left", caption=caption)
    table.add_column("id", style="dim", no_wrap=True, min_width=12)
    table.add_column("title", style="bold", ratio=3, overflow="fold")
    table.add_column("region", no_wrap=True)
    table.add_column("year", no_wrap=True)
    table.add_column("kind", ratio=1, overflow="fold")
    table.add_column("chars", justify="right", no_wrap=True)
    if wide:
        table.add_column("path", style="dim", overflow="fold", ratio=2)
    for e in entries:
        cells = [
            e.id,
            safe_line(e.title),
            safe_line(e.region) or "?",
            str(e.year) if e.year else "?",
            safe_line(e.kind) or "?",
            f"{e.chars:,}",
        ]
        table.add_row(*cells, *([safe_path(e.path)] if wide else []))
    console.print(table)


@click.command("add")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@home_option
@pass_context
def add_command(obj: Context, paths: tuple[str, ...], home: str | None) -> None:
    """Add report files or folders (recursive; .txt .md .html .htm) to the library, index them."""
    from reporttui.cli.paths import check_folders

    check_folders(paths, _say)
    library = _library(obj, home)
    explicit = {str(Path(p).expanduser().resolve()) for p in paths if Path(p).is_file()}
    library.notify = lambda msg: (
        None if any(e in msg for e in explicit) or "is read-only (" in msg else _say(msg)
    )
    with _progress("indexing") as progress:
        report = library.add([Path(p) for p in paths], progress=progress)
    if report.read_only:  # safety: nothing was added, so not a success
        raise ReportError(f"the library home {library.home} is read-only: nothing added")
    failed_explicit = [error for path, error in report.failed if path in explicit]
    if failed_explicit:
        if report.changed:
            _print_report(report, skip=explicit)
        raise ReportError(failed_explicit[0])
    _print_report(report)


@click.command("index")
@click.option("--rebuild", is_flag=True, help="Re-index everything from scratch.")
@home_option
@pass_context
def index_command(obj: Context, rebuild: bool, home: str | None) -> None:
    """Bring the index up to date (new, changed and vanished files), or rebuild it."""
    library = _library(obj, home)
    # A read-only home is this command's error below, not the search notice.
    library.notify = lambda msg: None if "is read-only (" in msg else _say(msg)
    with _progress("indexing") as progress:
        if rebuild:
            report = library.rebuild(progress=progress)
        else:  # verifies every index file against its checksum and repairs what it finds
            report = library.sync(progress=progress, verify=True)
    if report.read_only:
        raise ReportError(f"the library home {library.home} is read-only: nothing updated")
    _print_report(report)


def _hit_json(hit: Any) -> dict[str, Any]:
    return {
        "doc": hit.doc_id,
        "path": hit.path,
        "title": hit.title,
        "region": hit.region,
        "year": hit.year,
        "kind": hit.kind,
        "section_path": list(hit.section_path),
        "paragraph": hit.paragraph,
        "text": hit.text,
        "snippet": hit.snippet,
        "spans": [list(s) for s in hit.spans],
        "score": round(float(hit.score), 4),
        "why": list(getattr(hit, "reasons", ()) or ()),
    }


_Line = tuple[str, tuple[tuple[str, str], ...], tuple[tuple[int, int], ...]]
"""One output line: the style of all of it, its (text, style) pieces, and the spans of its text
to show in reverse ("" for no style)."""


def _hit_lines(result: Any) -> Iterator[_Line]:
    """The lines of a search's output, with their styles (shared by the Rich and plain paths)."""
    for line in getattr(result, "expansions", ()) or ():
        yield "dim", ((f"also searched: {line}", ""),), ()
    docs: dict[str, list[Any]] = {}
    for hit in result.hits:
        docs.setdefault(hit.doc_id, []).append(hit)
    for doc_id, hits in docs.items():
        first = hits[0]
        meta = " ".join(x for x in (first.region, str(first.year or ""), first.kind) if x)
        n = result.per_doc.get(doc_id, len(hits))
        yield (
            "",
            (
                (safe_line(first.title) or doc_id, "bold"),
                (f"  {safe_line(meta)}  ", "cyan"),
                (f"{_count(n, 'match', 'matches')} · {safe_path(first.path)}", "dim"),
            ),
            (),
        )
        for hit in hits:
            where = safe_line(" › ".join(hit.section_path)) or "(top)"
            label = f"¶{hit.paragraph}" if hit.paragraph else "heading"
            why = getattr(hit, "reasons", ()) or ()
            pieces: tuple[tuple[str, str], ...] = ((f"  {where} · {label}", ""),)
            if why:
                pieces += ((f"  ({safe_line(', '.join(why))})", "dim"),)
            yield "green", pieces, ()
            # same length as the snippet: its spans still apply, 4 further on
            yield (
                "",
                (("    " + safe(hit.snippet), ""),),
                tuple((start + 4, end + 4) for start, end in hit.snippet_spans),
            )
        yield "", (), ()
    shown = len(result.hits)
    more = f" (showing {shown}; --limit to see more)" if result.total > shown else ""
    yield (
        "bold",
        (
            (
                f"{_count(result.total, 'matching paragraph')} in "
                f"{_count(len(result.per_doc), 'document')}{more}",
                "",
            ),
        ),
        (),
    )


def _print_hits(result: Any, limit: int) -> None:
    from reporttui.cli.console import plain_stdout

    lines = list(_hit_lines(result))
    if plain_stdout() and not any("\t" in text for _, pieces, _ in lines for text, _ in pieces):
        # Piped with no styles to write: the same bytes Rich would write, without importing
        # Rich (~30 ms of a one-shot search; scale, issue 11). Tabs need Rich's expansion.
        sys.stdout.write("".join("".join(t for t, _ in pieces) + "\n" for _, pieces, _ in lines))
        return
    from rich.text import Text

    out = _stdout_console()
    for style, pieces, spans in lines:
        if not pieces:
            out.print()
            continue
        text = Text(style=style)
        for piece, style in pieces:
            text.append(piece, style=style or None)
        for start, end in spans:
            text.stylize("bold reverse", start, end)
        out.print(text)


@click.command("search", context_settings={"ignore_unknown_options": True})
@click.argument("query_words", metavar="QUERY", nargs=-1, required=True)
@click.option("--json", "as_json", is_flag=True, help="Print the results as JSON.")
@click.option("--limit", default="20", show_default=True, help="Most hits to show.")
@click.option("--region", default=None, help="Only documents of this region (e.g. 太原).")
@click.option("--year", default=None, help="Only documents for this year (e.g. 2025).")
@home_option
@pass_context
def search_command(
    obj: Context,
    query_words: tuple[str, ...],
    as_json: bool,
    limit: str,
    region: str | None,
    year: str | None,
    home: str | None,
) -> None:
    """Search every paragraph of the library: words, "phrases", -exclude, OR, region:/year: filters.

    QUERY may be several words (`reporttui search 营商环境 -煤炭`); they are joined with spaces.
    """
    query = _query(query_words)
    year_value = _parse_year(year)
    limit_value = _parse_limit(limit)
    library = _library(obj, home)
    ensure_indexed(library)
    result = library.search(query, limit=limit_value, region=region or None, year=year_value)
    if result.notice:
        _stderr_console().print(f"reporttui: {safe_line(result.notice)}", markup=False)
    if as_json:
        payload = {
            "query": result.query,
            "total": result.total,
            "hits": [_hit_json(h) for h in result.hits],
            "per_doc": dict(result.per_doc),
        }
        if result.notice:
            payload["notice"] = result.notice
        click.echo(json_dumps(payload))
        return
    _print_hits(result, limit_value)


@click.command("explain", context_settings={"ignore_unknown_options": True})
@click.argument("query_words", metavar="QUERY", nargs=-1, required=True)
@click.option("--json", "as_json", is_flag=True, help="Print the analysis as JSON.")
@home_option
@pass_context
def explain_command(
    obj: Context, query_words: tuple[str, ...], as_json: bool, home: str | None
) -> None:
    """Show how QUERY is parsed, segmented and widened, and why the first hits rank where they do."""
    query = _query(query_words)
    from reporttui.core.search import search as search_core

    result = None
    try:  # with an index: the expansions that applied and the first hits' reasons
        library = _library(obj, home)
        if not library.needs_indexing():
            result = library.search(query, limit=5)
    except Exception:
        result = None
    info = search_core.explain(query, home=obj.home(home), result=result)
    if as_json:
        click.echo(json_dumps(info, indent=1, default=str))
    else:
        click.echo(safe(search_core.format_explain(info)))


def register(group: click.Group) -> None:
    """Add this module's commands to the ``reporttui`` group."""
    for command in (docs_command, add_command, index_command, search_command, explain_command):
        group.add_command(command)


if __name__ == "__main__":  # pragma: no cover
    sys.exit("run `reporttui search` instead")
