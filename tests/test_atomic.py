"""``core.atomic.replace_file``: the library's caches are replaced in one step, and a failed
write leaves neither half a file nor a temporary file behind."""

from __future__ import annotations

from pathlib import Path

import pytest

from reporttui.core.atomic import replace_file


def test_replaces_the_file_and_makes_its_folder(tmp_path: Path) -> None:
    path = tmp_path / "cache" / "scan.json"
    replace_file(path, b"old")
    replace_file(path, b"new", prefix=".scan-")
    assert path.read_bytes() == b"new"
    assert [p.name for p in path.parent.iterdir()] == ["scan.json"]


def test_a_failed_rename_keeps_the_old_target_and_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "cache"
    target.mkdir()
    (target / "inside").write_bytes(b"kept")  # a folder in the way: the rename must fail
    with pytest.raises(OSError):
        replace_file(target, b"data", prefix=".x-")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cache"]
    assert (target / "inside").read_bytes() == b"kept"
