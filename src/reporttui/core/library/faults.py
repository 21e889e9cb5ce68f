"""Faults while writing: the size limit of one source file, a full disk (one line with the
space needed), a read-only home (searches go on), and the memory of a failed update so that
searches use the last committed index instead of retrying it every time."""

from __future__ import annotations

import contextlib
import errno
import json
import os
import time
from pathlib import Path

from reporttui.core.display import safe_path as safe_filename
from reporttui.core.errors import ReportError
from reporttui.core.library.base import LibraryBase, SyncReport
from reporttui.core.library.catalog import (
    catalog_path,
)
from reporttui.core.paths import index_dir

MAX_FILE_MB = 8.0
"""Default size limit of one source file (the largest real report is 0.2 MB). Measured: a
1.8 MB file takes 12 s to index in-process and raises peak RSS from 119 to 385 MB (the Whoosh
pool, capped by ``indexer.WRITER_LIMIT_MB``). ``REPORTTUI_MAX_FILE_MB`` changes it."""


def max_file_bytes() -> int:
    """The size limit of one source file, from ``$REPORTTUI_MAX_FILE_MB`` or the default."""
    raw = os.environ.get("REPORTTUI_MAX_FILE_MB", "").strip()
    try:
        limit = float(raw) if raw else MAX_FILE_MB
    except ValueError:
        limit = MAX_FILE_MB
    return int(max(limit, 0.001) * 1e6)


def size_problem(path: Path, size: int) -> str:
    """The one-line refusal of a file above the size limit, or "" when it is within it."""
    limit = max_file_bytes()
    if size <= limit:
        return ""
    return (
        f"{path} is {_mb(size)}, above the {_mb(limit)} limit for one report "
        "(set REPORTTUI_MAX_FILE_MB to raise it)"
    )


FAILURE_NAME = "last-update-failed.json"


FAILURE_MEMORY = 600.0
"""Seconds during which searches do not retry an update that failed (unless something changed)."""


def _mb(n: int) -> str:
    return f"{max(n, 0) / 1e6:,.0f} MB" if n >= 1e6 else f"{max(n, 0) / 1e3:,.0f} kB"


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _catalog_state(home: Path) -> list[int]:
    try:
        st = os.stat(catalog_path(home))
    except OSError:
        return []
    return [st.st_ino, st.st_size, st.st_mtime_ns]


FAILURE_SLOT = 4096
"""Bytes reserved for the failure memory before an update writes anything: on a full disk
the failure is then written over those bytes in place, which needs no new space."""


def _reserve_failure_slot(home: Path) -> None:
    """Before an update: an empty failure memory of :data:`FAILURE_SLOT` bytes (best effort)."""
    with contextlib.suppress(OSError):
        (home / FAILURE_NAME).write_bytes(b"{}".ljust(FAILURE_SLOT))


def _remember_failure(home: Path, message: str) -> None:
    """Best effort (the disk may be full): a small file saying what failed, for what state;
    written over the reserved slot in place when there is one (no new space needed)."""
    data = {"message": message, "time": time.time(), "catalog": _catalog_state(home)}
    raw = json.dumps(data, ensure_ascii=True).encode()
    slot = home / FAILURE_NAME
    try:
        if len(raw) <= slot.stat().st_size:
            with open(slot, "r+b") as out:
                out.write(raw.ljust(slot.stat().st_size))
            return
    except OSError:
        pass
    tmp = home / f".{FAILURE_NAME}.{os.getpid()}.tmp"
    try:
        tmp.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, home / FAILURE_NAME)
    except OSError:
        tmp.unlink(missing_ok=True)


def _forget_failure(home: Path) -> None:
    with contextlib.suppress(OSError):
        (home / FAILURE_NAME).unlink()


def _recent_failure(home: Path) -> str:
    try:
        data = json.loads((home / FAILURE_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return ""
    if not isinstance(data, dict) or data.get("catalog") != _catalog_state(home):
        return ""
    when = data.get("time")
    if not isinstance(when, (int, float)) or time.time() - when > FAILURE_MEMORY:
        return ""
    return str(data.get("message") or "the last update failed")


class FaultHandling(LibraryBase):
    """What the library does when writing fails (a part of ``Library``)."""

    def _read_only(self, report: SyncReport, exc: OSError) -> SyncReport:
        """The home cannot be written: search the last committed index (said once), or fail."""
        reason = exc.strerror or type(exc).__name__
        catalog = self._catalog()
        if not self._index_ok(catalog):
            raise ReportError(f"cannot write to the library home {self.home} ({reason})") from None
        report.busy = report.read_only = True
        self._say_once(
            f"the library home {self.home} is read-only ({reason}): "
            "searching the last committed index, nothing updated"
        )
        return report

    def _failed_write(self, exc: OSError) -> str:
        """Under the write lock, after a write failed: remove what the failed write left (new
        index folders, uncommitted segments), remember the failure so searches do not retry it
        on every run, and return the one-line message."""
        try:
            live = self._fresh_catalog().index_name
            self._cleanup(live)
        except Exception:
            pass
        if exc.errno == errno.ENOSPC:
            message = (
                f"no space left on the disk of {self.home}: about {_mb(self._space_needed())} "
                "needed; free some and run `reporttui index` (the library is unchanged)"
            )
        else:
            where = f" ({safe_filename(exc.filename)})" if exc.filename else ""
            message = (
                f"cannot update the library: {exc.strerror or type(exc).__name__}{where}; "
                "the library is unchanged"
            )
        _remember_failure(self.home, message)
        return message

    def _space_needed(self) -> int:
        """Free space the last planned write needs: its source bytes times the live index's
        own ratio of index bytes to source bytes (measured on this library; 10 when there is
        no index to measure), plus a quarter for Whoosh's temporary files."""
        ratio = 10.0
        catalog = self._catalog()
        if catalog.index_name:
            folder = index_dir(self.home) / catalog.index_name
            try:
                index_bytes = sum(p.stat().st_size for p in folder.iterdir() if p.is_file())
                source_bytes = sum(max(r.size, 0) for r in catalog.sources.values())
                if index_bytes and source_bytes:
                    ratio = index_bytes / source_bytes
            except OSError:
                pass
        return int(self._planned_bytes * ratio * 1.25)

    def failed_recently(self) -> str:
        """The message of the last automatic update that failed, while nothing changed since
        (searches then use the last committed index instead of retrying every time)."""
        return _recent_failure(self.home)
