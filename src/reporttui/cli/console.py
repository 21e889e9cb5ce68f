"""Rich consoles for the CLI that cannot pass a document's control characters to the terminal.

Commands sanitise document strings with :func:`reporttui.core.display.safe` where they build
their output (so widths are measured on what is shown); these consoles are the backstop: every
text segment Rich writes goes through ``safe`` too, while Rich's own control segments (cursor
moves of a progress bar) and the style codes it adds stay as they are. Markup and emoji codes
are off by default, so a ``[link=…]`` or ``:smile:`` in a title is printed as written.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from rich.console import Console
from rich.segment import Segment

from reporttui.core.display import safe


class SafeConsole(Console):
    """A :class:`rich.console.Console` whose text segments are sanitised before writing."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("highlight", False)
        kwargs.setdefault("markup", False)
        kwargs.setdefault("emoji", False)
        super().__init__(*args, **kwargs)

    def _render_buffer(self, buffer: Iterable[Segment]) -> str:
        cleaned = (
            segment if segment.control else Segment(safe(segment.text), segment.style)
            for segment in buffer
        )
        return super()._render_buffer(cleaned)


def stdout_console(**kwargs: Any) -> SafeConsole:
    """The console for a command's output."""
    return SafeConsole(**kwargs)


def stderr_console(**kwargs: Any) -> SafeConsole:
    """The console for progress and notices (stderr)."""
    return SafeConsole(stderr=True, **kwargs)
