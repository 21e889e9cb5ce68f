"""The one place the CLI makes its Rich consoles: wrapped on a terminal, never when piped.

Piped output (``reporttui search 林麝 | grep``, ``> file``) keeps every paragraph, table row and
tree line on one line: Rich's default of 80 columns for a non-terminal would hard-wrap them.
``$COLUMNS`` still wins when set, and Rich's own switches (``FORCE_TERMINAL``, ``NO_COLOR``...)
are respected because the decision is Rich's ``is_terminal``.
"""

from __future__ import annotations

import os
from typing import Any

from rich.console import Console

UNWRAPPED_WIDTH = 100_000
"""Console width when output is not a terminal: wide enough that nothing wraps."""


def unwrapped_options(stderr: bool = False) -> dict[str, Any]:
    """Extra console options when the stream is not a terminal (and ``$COLUMNS`` is unset)."""
    if Console(stderr=stderr).is_terminal or os.environ.get("COLUMNS"):
        return {}
    return {"width": UNWRAPPED_WIDTH, "soft_wrap": True}


def _make(stderr: bool, **kwargs: Any) -> Console:
    kwargs.setdefault("highlight", False)
    return Console(stderr=stderr, **{**kwargs, **unwrapped_options(stderr)})


def stdout_console(**kwargs: Any) -> Console:
    """The console for a command's output."""
    return _make(False, **kwargs)


def stderr_console(**kwargs: Any) -> Console:
    """The console for progress and notices (stderr)."""
    return _make(True, **kwargs)


def is_piped(console: Console) -> bool:
    """Whether ``console`` writes unwrapped (a pipe or a file): tables should not ``expand``."""
    return console.width >= UNWRAPPED_WIDTH
