"""One writer at a time per library home, with recovery from writers that died.

Where ``fcntl`` exists the lock is an advisory ``flock`` on ``home/write.lock``: the kernel drops
it when the holder dies, however it dies (SIGKILL included), so a stale lock cannot outlive its
process. The file also carries the holder's pid and start time, for messages. Elsewhere the lock
is the exclusive creation of that file; a lock whose pid is gone, or that is older than
:data:`STALE_AFTER` seconds, is taken over.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from reporttui.core.errors import ReportError


def _hostname() -> str:
    """This machine's name, recorded in a lock (socket imported here: a search seldom needs
    it, ~2.6 ms of a one-shot process; process, issue 11)."""
    import socket

    return socket.gethostname()


LOCK_NAME = "write.lock"
STALE_AFTER = 6 * 3600.0

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]


class LibraryBusy(ReportError):
    """Another process is updating the library and did not finish in time."""


def _pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:  # pragma: no cover - platforms without signals
        return True
    return True


class WriteLock:
    """An exclusive, process-wide write lock on a library home.

    ``acquire(timeout)`` waits up to ``timeout`` seconds (0: try once) and returns whether it got
    the lock; ``on_wait`` is called once with a message when it has to wait.
    """

    def __init__(self, home: Path) -> None:
        self.home = home
        self.path = home / LOCK_NAME
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def holder(self) -> dict[str, object]:
        """Who holds (or last held) the lock, from the file: pid, host, since."""
        try:
            data = json.loads(self.path.read_text(encoding="utf-8") or "{}")
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def _try_once(self) -> bool:
        self.home.mkdir(parents=True, exist_ok=True)
        if fcntl is not None:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                os.close(fd)
                return False
            self._fd = fd
            self._write_holder(fd)
            return True
        try:  # pragma: no cover - Windows
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o644)
        except FileExistsError:  # pragma: no cover
            if self._stale():
                self.path.unlink(missing_ok=True)
            return False
        self._fd = fd  # pragma: no cover
        self._write_holder(fd)  # pragma: no cover
        return True  # pragma: no cover

    def _stale(self) -> bool:  # pragma: no cover - only without fcntl
        info = self.holder()
        since = float(info.get("since", 0) or 0)  # type: ignore[arg-type]
        pid = int(info.get("pid", 0) or 0)  # type: ignore[call-overload]
        same_host = info.get("host") == _hostname()
        if same_host and not _pid_alive(pid):
            return True
        return time.time() - since > STALE_AFTER

    def _write_holder(self, fd: int) -> None:
        info = {"pid": os.getpid(), "host": _hostname(), "since": time.time()}
        os.ftruncate(fd, 0)
        os.lseek(fd, 0, os.SEEK_SET)
        os.write(fd, json.dumps(info).encode())

    def acquire(
        self,
        timeout: float = 0.0,
        on_wait: Callable[[str], None] | None = None,
        poll: float = 0.2,
    ) -> bool:
        deadline = time.monotonic() + timeout
        told = False
        while True:
            if self._try_once():
                return True
            if time.monotonic() >= deadline:
                return False
            if on_wait is not None and not told:
                pid = self.holder().get("pid", "?")
                on_wait(f"waiting for another reporttui (pid {pid}) to finish updating the library")
                told = True
            time.sleep(poll)

    def release(self) -> None:
        fd, self._fd = self._fd, None
        if fd is None:
            return
        if fcntl is not None:
            fcntl.flock(fd, fcntl.LOCK_UN)
            os.close(fd)
        else:  # pragma: no cover - Windows
            os.close(fd)
            self.path.unlink(missing_ok=True)

    def __enter__(self) -> WriteLock:
        if not self.acquire(timeout=0):
            raise LibraryBusy("another reporttui is updating this library; try again shortly")
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.release()
