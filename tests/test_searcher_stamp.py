"""The shared searcher's freshness check by the index folder's stat (speed, issue 11, round 16):
a commit by another library object on the same home is still seen, and an unchanged folder
skips Whoosh's listing of it."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from reporttui.core.library import searching
from reporttui.core.library.library import Library
from reporttui.core.paths import seed_files

SMALL_SEED = next(p for p in seed_files() if p.name.startswith("001_"))
MARKER = "麒麟鹿鸣"
"""A term that occurs in no seed: only in the report added below."""


def _report(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "extra.txt"
    text = SMALL_SEED.read_text(encoding="utf-8") + f"\n\n本市新建{MARKER}保护基地。\n"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_commit_by_another_library_is_seen_after_a_stamp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "home"
    Library(home).sync()
    monkeypatch.setattr(searching, "STAMP_SETTLED", 0.0)  # stamp at once (times are fine here)
    reader = Library(home)
    assert reader.search(MARKER).total == 0
    assert reader.search("林麝").total >= 1  # the second search finds the folder as checked
    assert reader._folder_seen is not None
    time.sleep(0.05)  # past the file system's time tick
    Library(home).add([_report(tmp_path / "src")])
    got = reader.search(MARKER)
    assert got.total == 1
    assert MARKER in got.hits[0].text


def test_an_unchanged_folder_is_not_listed_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "home"
    Library(home).sync()
    monkeypatch.setattr(searching, "STAMP_SETTLED", 0.0)
    library = Library(home)
    before = library.search("林麝")
    searcher = library._open_searcher()
    calls: list[int] = []

    def listed() -> bool:
        calls.append(1)
        return True

    monkeypatch.setattr(searcher, "up_to_date", listed)
    after = library.search("林麝")
    assert library._open_searcher() is searcher
    assert not calls
    assert [h.text for h in after.hits] == [h.text for h in before.hits]


def test_a_folder_changed_just_now_keeps_no_stamp(tmp_path: Path) -> None:
    home = tmp_path / "home"
    library = Library(home)
    library.sync()  # the folder was written just now: under STAMP_SETTLED seconds ago
    assert library.search("林麝").total >= 1
    assert library._folder_seen is None
