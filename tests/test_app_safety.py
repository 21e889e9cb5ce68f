"""The app and odd inputs: a refused file gets a notice saying why; documents another process
adds show up in the running app's library list."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from reporttui.core.paths import seed_files
from test_app_support import indexed_home, make_app, run_async, settle

SEED = next(p for p in seed_files() if p.name.startswith("001_"))


def _notices(app) -> list[str]:  # type: ignore[no-untyped-def]
    return [str(n.message) for n in app._notifications]


@run_async
async def test_a_refused_file_gets_a_notice(tmp_path: Path) -> None:
    home = tmp_path / "home"
    shutil.copytree(indexed_home(), home)
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    app = make_app(home, paths=[empty])
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.pause(0.2)
        notices = _notices(app)
        assert any("empty.txt" in n and "empty" in n for n in notices), notices


@run_async
async def test_documents_added_by_another_process_appear(tmp_path: Path) -> None:
    home = tmp_path / "home"
    shutil.copytree(indexed_home(), home)
    src = tmp_path / "src"
    src.mkdir()
    (src / "2025.txt").write_text(
        SEED.read_text(encoding="utf-8") + "\n\n今年推进鹿鸣工程。\n", encoding="utf-8"
    )
    app = make_app(home)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        before = len(app.entries)
        command = Path(sys.executable).parent / "reporttui"
        if command.exists():  # the CLI in a shell, as a user would
            done = subprocess.run(
                [str(command), "--home", str(home), "add", str(src)],
                capture_output=True,
                timeout=60,
            )
            assert done.returncode == 0, done.stderr
        else:  # the same call from this process, through another Library
            from reporttui.core.library.library import Library

            Library(home).add([src])
        for _ in range(100):
            await pilot.pause(0.1)
            if len(app.entries) > before:
                break
        assert len(app.entries) == before + 1


@run_async
async def test_a_damaged_catalogue_is_said_in_the_app(tmp_path: Path) -> None:
    home = tmp_path / "home"
    shutil.copytree(indexed_home(), home)
    (home / "catalog.json").write_bytes(b"\x00\x01 not json")
    app = make_app(home)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.pause(0.2)
        notices = _notices(app)
        assert sum("catalog.json" in n for n in notices) == 1, notices
        assert len(app.entries) == 5
