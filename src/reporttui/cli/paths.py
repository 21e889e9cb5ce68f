"""Folders named on the command line that hold no report file (ux, round 11).

`reporttui add FOLDER` and `reporttui FOLDER` on a folder with no .txt/.md/.html/.htm file in
it or below used to finish silently (exit 0, "0 added"): the analyst could not tell a wrong
folder from an already indexed one. This module finds such folders without reading any file.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path

from reporttui.core.display import safe_path
from reporttui.core.errors import ReportError
from reporttui.core.library.catalog import SOURCE_SUFFIXES

_SUFFIXES = ", ".join(SOURCE_SUFFIXES)


def _holds_report(folder: str) -> bool:
    """True at the first report file under ``folder`` (hidden names skipped, as the scan does;
    links to files count, unreadable subfolders are the scan's to report)."""
    for _here, dirs, files in os.walk(folder, onerror=lambda exc: None):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        if any(not f.startswith(".") and f.lower().endswith(SOURCE_SUFFIXES) for f in files):
            return True
    return False


def empty_folders(paths: Sequence[str]) -> list[str]:
    """The ``paths`` that are readable folders holding no report file, as given."""
    found = []
    for raw in paths:
        path = Path(raw).expanduser()
        if path.is_dir() and os.access(path, os.R_OK | os.X_OK) and not _holds_report(str(path)):
            found.append(raw)
    return found


def check_folders(paths: Sequence[str], say: Callable[[str], None]) -> None:
    """Say one line for each folder of ``paths`` without a report file; when every path is
    such a folder, nothing would be added: raise that as the command's error."""
    empty = empty_folders(paths)
    if not empty:
        return
    line = "{}: no report files ({}) in this folder or below"
    if len(empty) == len(paths):
        raise ReportError(line.format(safe_path(empty[0]), _SUFFIXES) + ": nothing added")
    for raw in empty:
        say(line.format(safe_path(raw), _SUFFIXES) + ": skipped")
