"""What every part of :class:`~reporttui.core.library.library.Library` shares: its state, the
report of a sync, and how it tells the user things (one line each).

``Library`` is assembled from one class per job (``references``, ``catalog_keeper``,
``planning``, ``searching``, ``faults``, and the writing in ``library`` itself); each derives
from :class:`LibraryBase`, which holds the state they share.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reporttui.core.library.catalog import Catalog, LibraryEntry

Progress = Callable[[int, int, str], None]
Notify = Callable[[str], None]


@dataclass
class SyncReport:
    """What a sync/add/rebuild did."""

    added: list[str] = field(default_factory=list)
    """Paths indexed for the first time."""
    updated: list[str] = field(default_factory=list)
    """Paths re-indexed because their content changed."""
    removed: list[str] = field(default_factory=list)
    """Paths dropped because they vanished."""
    unchanged: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    """``(path, one-line reason)`` for sources that could not be loaded (skipped)."""
    messages: list[str] = field(default_factory=list)
    """One-line notices (index rebuilt, damaged index moved aside...)."""
    rebuilt: bool = False
    cancelled: bool = False
    read_only: bool = False
    """True when the home could not be written: nothing was done (searches still work)."""
    busy: bool = False
    """True when ``wait=False`` and another process held the write lock: nothing was done."""
    workers: int = 1
    seconds: float = 0.0

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated or self.removed or self.rebuilt)

    def summary(self) -> str:
        bits = [f"{len(self.added)} added", f"{len(self.updated)} updated"]
        bits += [f"{len(self.removed)} removed", f"{self.unchanged} unchanged"]
        if self.failed:
            bits.append(f"{len(self.failed)} failed")
        text = ", ".join(bits)
        if self.cancelled:
            text += " (cancelled)"
        return text


class LibraryBase:
    """The state of a library object (see :class:`~reporttui.core.library.library.Library`)."""

    def __init__(
        self, home: Path, notify: Notify | None = None, *, max_workers: int | None = None
    ) -> None:
        self.home = Path(home)
        self.notify = notify
        self.max_workers = max_workers
        """At most this many indexing processes (None: as many as the batch deserves). The app
        passes 1: worker processes started under a full-screen UI would inherit its terminal."""
        self._docs: OrderedDict[str, Any] = OrderedDict()
        self._docs_lock = threading.Lock()
        self._write_lock = threading.Lock()
        self._search_lock = threading.RLock()
        self._searcher: Any = None
        self._searcher_name = ""
        self._seed_entries: list[LibraryEntry] | None = None
        self._transient: dict[str, LibraryEntry] = {}
        self._catalog_key: tuple[int, ...] | None = None
        self._catalog_cache: Catalog | None = None
        self._said: set[str] = set()
        self._scan_problems: list[str] = []
        self._planned_bytes = 0
        self._verify_next = False

    def _say(self, report: SyncReport, message: str) -> None:
        report.messages.append(message)
        if self.notify is not None:
            self.notify(message)

    def _say_once(self, message: str) -> None:
        if message not in self._said:
            self._said.add(message)
            if self.notify is not None:
                self.notify(message)

    if TYPE_CHECKING:  # provided by the other parts of Library

        def _catalog(self) -> Catalog: ...
        def _fresh_catalog(self) -> Catalog: ...
        def _index_ok(self, catalog: Catalog) -> bool: ...
        def _check_index(self, name: str, share: bool = False) -> None: ...
        def _remember(self, doc: Any) -> None: ...
        def fingerprint(self) -> str: ...
        def entries(self) -> list[LibraryEntry]: ...
        def _cleanup(self, live_name: str) -> None: ...
