"""The one place the CLI makes its Rich consoles: wrapped on a terminal, never when piped.

Piped output (``reporttui search 林麝 | grep``, ``> file``) keeps every paragraph, table row and
tree line on one line: Rich's default of 80 columns for a non-terminal would hard-wrap them.
``$COLUMNS`` still wins when set, and Rich's own switches (``FORCE_TERMINAL``, ``NO_COLOR``...)
are respected because the decision is Rich's ``is_terminal``.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import Console

UNWRAPPED_WIDTH = 100_000
"""Console width when output is not a terminal: wide enough that nothing wraps."""


def make_console(*, stderr: bool = False, **options: Any) -> Console:
    """A console for command output on stdout (or ``stderr``), highlighting off."""
    from rich.console import Console

    options.setdefault("highlight", False)
    console = Console(stderr=stderr, **options)
    if not console.is_terminal and not os.environ.get("COLUMNS"):
        options.update(width=UNWRAPPED_WIDTH, soft_wrap=True)
        console = Console(stderr=stderr, **options)
    return console


def is_piped(console: Console) -> bool:
    """Whether ``console`` writes unwrapped (a pipe or a file): tables should not ``expand``."""
    return console.width >= UNWRAPPED_WIDTH
