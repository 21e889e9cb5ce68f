"""Indexing from inside the app: in-process (no worker processes under a full-screen UI)."""

from __future__ import annotations

from pathlib import Path

import pytest

from reporttui.core.index import indexer
from reporttui.core.library.library import Library
from test_app_support import make_app, run_async, settle


def test_max_workers_caps_the_indexing_processes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A batch that would get two processes gets one when the library is capped at one."""
    monkeypatch.setattr(indexer, "worker_count", lambda sources: 2)
    calls: list[int] = []
    real_build = indexer.build_segments

    def spy(*args: object, **kwargs: object) -> object:
        calls.append(1)
        return real_build(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(indexer, "build_segments", spy)
    report = Library(tmp_path / "home", max_workers=1).sync()
    assert report.workers == 1 and not calls
    assert Library(tmp_path / "home").search("林麝").total == 8


@run_async
async def test_the_app_indexes_in_process(tmp_path: Path) -> None:
    app = make_app(tmp_path / "home")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        assert app.session.library.max_workers == 1
        assert app.session.index_ready
