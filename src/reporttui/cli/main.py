"""The ``reporttui`` command group and its error handling.

Each family of sub-commands lives in its own module (``outline``, ``search``, ``compare``) and
registers itself on :data:`cli`. Every error a user can cause ends as one line on stderr and a
non-zero exit, never a traceback.
"""

from __future__ import annotations

import atexit
import gc
import os
import sys
import threading
from pathlib import Path

import click

from reporttui.core.display import safe_line, safe_path
from reporttui.core.errors import ReportError


class Context:
    """What every sub-command needs: the library home given to the group (if any)."""

    def __init__(self, home: str | None) -> None:
        self.group_home = home

    def home(self, override: str | None = None) -> Path:
        """The library home: a sub-command's ``--home``, the group's, ``$REPORTTUI_HOME``, default.

        Made if missing; a path that is not a usable folder is a one-line error here, before any
        command (or the app) tries to keep a catalogue, a lock or an index in it.
        """
        from reporttui.core.paths import library_home

        home = library_home(override or self.group_home)
        if home.exists() and not home.is_dir():
            raise ReportError(f"library home {home} is not a folder (set --home or REPORTTUI_HOME)")
        try:
            home.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            reason = exc.strerror or type(exc).__name__
            raise ReportError(f"cannot use library home {home}: {reason}") from None
        return home


pass_context = click.make_pass_decorator(Context)

home_option = click.option(
    "--home",
    type=click.Path(file_okay=False),
    default=None,
    help="Library data folder (default: $REPORTTUI_HOME or the user data dir).",
)


class _Group(click.Group):
    """A group where ``reporttui PATH...`` means ``reporttui open PATH...``."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        # Find the first argument that is not the value of --home.
        rest = list(args)
        i = 0
        while i < len(rest):
            a = rest[i]
            if a == "--home":
                i += 2
                continue
            if a.startswith("-"):
                i += 1
                continue
            if a not in self.commands:
                rest.insert(i, "open")
            break
        return super().parse_args(ctx, rest)


@click.group(
    cls=_Group,
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)
@home_option
@click.version_option(package_name="reporttui")
@click.pass_context
def cli(ctx: click.Context, home: str | None) -> None:
    """Read, search and compare Chinese local-government reports.

    With no command, opens the terminal app on the library (the bundled reports by default).
    `reporttui PATH...` adds those files or folders to the library first, then opens it.
    """
    ctx.obj = Context(home)
    if ctx.invoked_subcommand is None:
        from reporttui.cli.app_command import run_app

        run_app(ctx.obj.home(), ())


@cli.command("open")
@click.argument("paths", nargs=-1, type=click.Path())
@home_option
@pass_context
def open_command(obj: Context, paths: tuple[str, ...], home: str | None) -> None:
    """Add PATHS (files or folders) to the library, then open the app."""
    from reporttui.cli.app_command import run_app

    run_app(obj.home(home), paths)


def _register(args: list[str] | None = None) -> None:
    """Add the sub-commands to the group: all of them, or for ``args`` naming one of the search
    module's commands (``reporttui search ...``) only that module's, so a one-shot search does
    not import the other modules (scale, issue 11)."""
    from reporttui.cli import search

    search.register(cli)
    if args is not None and _first_command(args) in cli.commands:
        return
    from reporttui.cli import compare, diff, outline, tags  # workbench (issue 14)

    for module in (outline, search, compare, tags, diff):
        module.register(cli)


def _first_command(args: list[str]) -> str | None:
    """The sub-command ``args`` name (after ``--home VALUE`` only), or None: with any other group
    option first (``--help``, ``--version``) the group needs all its commands."""
    i = 0
    while i < len(args) and args[i] == "--home":
        i += 2
    return args[i] if i < len(args) and not args[i].startswith("-") else None


ONE_SHOT_COMMANDS = frozenset({"search"})
"""Commands that a process runs once and exits (no app, no index build): run without the
cyclic garbage collector and left without tearing the interpreter down (see :func:`main`)."""


def main(argv: list[str] | None = None) -> None:
    """Console-script entry point."""
    # query (issue 11): nothing here multiplies matrices; numpy's OpenBLAS would start a
    # thread per core at import (~25 ms of a one-shot `reporttui search` on 2 busy cores).
    # The user's own setting wins.
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    args = sys.argv[1:] if argv is None else argv
    one_shot = argv is None and _first_command(args) in ONE_SHOT_COMMANDS
    if one_shot:
        # process (issue 11): a one-shot search makes ~100 collections of the young generation
        # (15-19 ms) that free a few hundred objects; its memory goes back at exit anyway.
        gc.disable()
    _run(argv)
    if one_shot:
        _fast_exit()


def _fast_exit() -> None:
    """End a finished one-shot command now: run the exit handlers (logging's), flush the
    output, then leave without the interpreter's teardown of every module and object
    (~30 ms after a search). Anything unusual (a flush that fails, a thread still running)
    leaves it to the normal exit, which then does exactly what it did before."""
    if threading.active_count() > 1:
        return
    try:
        atexit._run_exitfuncs()  # (also what the normal exit would run first)
        sys.stdout.flush()
        sys.stderr.flush()
    except Exception:
        return
    os._exit(0)


def _run(argv: list[str] | None) -> None:
    """Parse and run the command; every error is one line and its exit code."""
    _register(sys.argv[1:] if argv is None else argv)
    try:
        cli.main(args=argv, prog_name="reporttui", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("reporttui: aborted", err=True)
        sys.exit(130)
    except click.UsageError as exc:
        # One line, exit 2: what was wrong and where the usage is (click prints four lines).
        where = exc.ctx.command_path if exc.ctx is not None else "reporttui"
        click.echo(f"reporttui: {exc.format_message()} (see `{where} --help`)", err=True)
        sys.exit(exc.exit_code)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except ReportError as exc:
        click.echo(f"reporttui: {safe_line(str(exc))}", err=True)
        sys.exit(1)
    except KeyboardInterrupt:
        click.echo("reporttui: interrupted", err=True)
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)
    except OSError as exc:
        # Last resort for the file system saying no (permissions, a full disk...): one line.
        where = f": {safe_path(exc.filename)}" if exc.filename else ""
        click.echo(f"reporttui: {safe_line(str(exc.strerror or exc))}{where}", err=True)
        sys.exit(1)
