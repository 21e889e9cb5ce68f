"""Regular expressions compiled on first use, not at import (process, issue 11).

A one-shot ``reporttui search`` imports the ranking, query and display modules, whose
module-level patterns took ~30 ms to compile on this machine, most of them never used by that
search. ``compile(pattern, flags)`` returns a stand-in for ``re.compile(pattern, flags)``: the
first attribute asked of it (``search``, ``sub``, ``pattern``...) compiles the pattern, and each
attribute asked for is then kept on the stand-in, so later calls cost what the compiled
pattern's own do. Use it only for patterns called through their methods (not passed to
``re.sub`` or tested with ``isinstance``).
"""

from __future__ import annotations

import re
from typing import Any, cast


class _LazyPattern:
    """Stands for ``re.compile(pattern, flags)`` until one of its attributes is used."""

    def __init__(self, pattern: str, flags: int) -> None:
        self._args = (pattern, flags)
        self._compiled: re.Pattern[str] | None = None

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)  # copy, pickle and the like: not a pattern's methods
        state = self.__dict__  # (not self._compiled: no recursion on an instance without it)
        compiled = state.get("_compiled")
        if compiled is None:
            if "_args" not in state:
                raise AttributeError(name)
            compiled = state["_compiled"] = re.compile(*state["_args"])
        value = getattr(compiled, name)
        setattr(self, name, value)  # found on the instance from now on (no __getattr__)
        return value

    def __repr__(self) -> str:
        return f"lazyre.compile({self._args[0]!r}, {self._args[1]!r})"


def compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, done the first time the pattern is used."""
    return cast("re.Pattern[str]", _LazyPattern(pattern, flags))
