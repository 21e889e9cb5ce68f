"""Starting the terminal app from the CLI (the only place that imports the ui package)."""

from __future__ import annotations

from pathlib import Path


def run_app(home: Path, paths: tuple[str, ...]) -> None:
    """Add ``paths`` to the library at ``home`` (if any), then run the app."""
    import click

    from reporttui.cli.paths import check_folders
    from reporttui.core.display import safe_line

    check_folders(paths, lambda message: click.echo(f"reporttui: {safe_line(message)}", err=True))
    from reporttui.ui.app import run

    run(home=home, paths=[Path(p) for p in paths])
