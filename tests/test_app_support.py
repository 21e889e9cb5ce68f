"""Shared helpers for the app's Pilot, snapshot and end-to-end tests (no tests here).

One library home is indexed once per test session and reused read-only by every app test, so
each test starts the app the way a user's second launch does: index ready, nothing to rebuild.
"""

from __future__ import annotations

import asyncio
import functools
import os
import tempfile
import threading
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any

_HOME: Path | None = None


def indexed_home() -> Path:
    """A library home with the bundled seeds indexed (built on first call)."""
    global _HOME
    if _HOME is None:
        from reporttui.core.library.library import Library

        home = Path(tempfile.mkdtemp(prefix="reporttui-apptest-"))
        Library(home).sync(None, threading.Event())
        _HOME = home
    return _HOME


def make_app(home: Path, **kwargs: Any):  # type: ignore[no-untyped-def]
    """The real app on ``home`` with animations off (deterministic screens)."""
    os.environ["TEXTUAL_ANIMATIONS"] = "none"
    from reporttui.ui.app import ReportApp

    return ReportApp(home=home, **kwargs)


async def settle(app: Any, pilot: Any, seconds: float = 60.0) -> None:
    """Wait until the index is ready and no worker is running, then let the screen refresh."""
    waited = 0.0
    while not app.session.index_ready and waited < seconds:
        await pilot.pause(0.05)
        waited += 0.05
    await app.workers.wait_for_complete()
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


def run_async(test: Callable[..., Coroutine[Any, Any, None]]) -> Callable[..., None]:
    """Run an ``async def`` test with asyncio (no pytest plugin needed); fixtures pass through."""

    @functools.wraps(test)
    def wrapper(*args: Any, **kwargs: Any) -> None:
        asyncio.run(test(*args, **kwargs))

    return wrapper
