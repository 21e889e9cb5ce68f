"""The one place the CLI makes its Rich consoles: wrapped on a terminal, never when piped, and
never passing a document's control characters to the terminal.

Piped output (``reporttui search 林麝 | grep``, ``> file``) keeps every paragraph, table row and
tree line on one line: Rich's default of 80 columns for a non-terminal would hard-wrap them.
``$COLUMNS`` still wins when set, and Rich's own switches (``FORCE_TERMINAL``, ``NO_COLOR``...)
are respected because the decision is Rich's ``is_terminal``.

Commands sanitise document strings with :func:`reporttui.core.display.safe` where they build
their output (so widths are measured on what is shown); these consoles are the backstop: every
text segment Rich writes goes through ``safe`` too, while Rich's own control segments (cursor
moves of a progress bar) and the style codes it adds stay as they are. Markup and emoji codes
are off by default, so a ``[link=…]`` or ``:smile:`` in a title is printed as written.
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import Console

UNWRAPPED_WIDTH = 100_000
"""Console width when output is not a terminal: wide enough that nothing wraps."""


@functools.cache
def _safe_console_class() -> type[Console]:
    """:class:`rich.console.Console` with sanitised text segments (made on first use: the CLI
    imports Rich only when it prints)."""
    from rich.console import Console
    from rich.segment import Segment

    from reporttui.core.display import safe

    class SafeConsole(Console):
        def _render_buffer(self, buffer: Iterable[Segment]) -> str:
            cleaned = (
                segment if segment.control else Segment(safe(segment.text), segment.style)
                for segment in buffer
            )
            return super()._render_buffer(cleaned)

    return SafeConsole


def make_console(*, stderr: bool = False, **options: Any) -> Console:
    """A console for command output on stdout (or ``stderr``): highlighting, markup and emoji
    codes off, control characters of documents shown, unwrapped when piped."""
    options.setdefault("highlight", False)
    options.setdefault("markup", False)
    options.setdefault("emoji", False)
    cls = _safe_console_class()
    console = cls(stderr=stderr, **options)
    if not console.is_terminal and not os.environ.get("COLUMNS"):
        options.update(width=UNWRAPPED_WIDTH, soft_wrap=True)
        console = cls(stderr=stderr, **options)
    return console


def is_piped(console: Console) -> bool:
    """Whether ``console`` writes unwrapped (a pipe or a file): tables should not ``expand``."""
    return console.width >= UNWRAPPED_WIDTH


def stdout_console(**options: Any) -> Console:
    """The console for a command's output."""
    return make_console(**options)


def stderr_console(**options: Any) -> Console:
    """The console for progress and notices (stderr)."""
    return make_console(stderr=True, **options)


def plain_stdout() -> bool:
    """Whether Rich would write stdout as plain unwrapped text: not a terminal by Rich's own
    rules (no ``FORCE_COLOR``/``TTY_COMPATIBLE`` override, ``isatty`` false) and no
    ``$COLUMNS``. A command may then write its lines itself without importing Rich (~30 ms)."""
    env = os.environ
    if any(name in env for name in ("FORCE_COLOR", "TTY_COMPATIBLE", "COLUMNS", "JUPYTER_COLUMNS")):
        return False
    if os.name == "nt" or "ipykernel" in sys.modules:
        return False  # legacy consoles and notebooks: leave them to Rich
    isatty = getattr(sys.stdout, "isatty", None)
    try:
        return isatty is not None and not isatty()
    except ValueError:
        return False
