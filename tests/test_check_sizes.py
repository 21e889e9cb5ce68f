"""The open-time size check (core/library/verify.py: check_sizes): a searcher skips the walk of
every document id only when every index file's size was compared with the manifest."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from reporttui.core.library import verify
from reporttui.core.library.library import Library


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    home = tmp_path_factory.mktemp("home")
    Library(home).sync()
    return next((home / "index").glob("ix-*"))


def test_sizes_of_every_file_are_compared(folder: Path) -> None:
    assert verify.check_sizes(folder) == (None, True)


def test_an_unrecorded_file_or_no_manifest_means_the_full_walk(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    extra = folder / "MAIN_abcdefghij012345.trm"  # a segment file no commit recorded
    extra.write_bytes(b"x")
    try:
        assert verify.check_sizes(folder) == (None, False)
    finally:
        extra.unlink()
    monkeypatch.setattr(verify, "_read_manifest", lambda f: None)
    assert verify.check_sizes(folder) == (None, False)


def test_a_cut_file_is_named(folder: Path) -> None:
    victim = next(folder.glob("*.trm"))
    data = victim.read_bytes()
    try:
        os.truncate(victim, len(data) - 1)
        assert verify.check_sizes(folder) == (victim.name, True)
    finally:
        victim.write_bytes(data)
    assert verify.check_sizes(folder) == (None, True)
