"""Worker processes die with the process that started them, at any moment.

An indexing worker blocked on its task queue never notices its parent is gone (the queue's pipe
stays open: the worker holds both ends), so a ``kill -9`` of ``reporttui add`` used to leave
2-8 workers of 100-200 MB each running for ever, and the multiprocessing resource tracker with
them. :func:`die_with_parent`, called first thing in a worker, arranges two guards:

- on Linux, ``prctl(PR_SET_PDEATHSIG, SIGKILL)``: the kernel kills the worker the moment its
  parent dies, whatever the worker is doing (even inside C code);
- everywhere, a daemon thread that checks every ``interval`` seconds that the parent is still
  the same process, and ends the worker with ``os._exit`` when it is not.

The resource tracker then exits by itself: its pipe closes when the last worker is gone.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import multiprocessing
import os
import signal
import sys
import threading

PR_SET_PDEATHSIG = 1
WATCH_INTERVAL = 0.5
"""Seconds between two checks of the watching thread."""


def _set_pdeathsig(sig: int) -> bool:
    """Ask the Linux kernel to send ``sig`` to this process when its parent dies."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        return int(libc.prctl(PR_SET_PDEATHSIG, sig, 0, 0, 0)) == 0
    except (OSError, AttributeError):
        return False


def _parent_pid() -> int:
    """The pid of the process that started this one (multiprocessing knows it when spawned)."""
    parent = multiprocessing.parent_process()
    if parent is not None and parent.pid:
        return int(parent.pid)
    return os.getppid()


def parent_alive(pid: int) -> bool:
    """True while ``pid`` is still our parent (an orphan is re-parented to init or a reaper)."""
    return os.getppid() == pid


def _watch(pid: int, interval: float) -> None:
    stop = threading.Event()
    while not stop.wait(interval):
        if not parent_alive(pid):
            os._exit(1)


def die_with_parent(interval: float = WATCH_INTERVAL) -> int:
    """Make this process end when its parent does (see the module docstring); returns the
    parent's pid. Exits at once if the parent is already gone."""
    pid = _parent_pid()
    _set_pdeathsig(signal.SIGKILL)
    if not parent_alive(pid):  # died before the guard was set: nobody would kill us now
        os._exit(1)
    thread = threading.Thread(
        target=_watch, args=(pid, interval), name="reporttui-parent-watch", daemon=True
    )
    thread.start()
    return pid
