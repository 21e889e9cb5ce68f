"""Parsed shipped tables kept in the library's cache (process, issue 11): the same tables as a
parse of the shipped files, never a table of another file, and a damaged cache is a parse."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from reporttui.core.paths import data_dir
from reporttui.core.search import synonyms as S


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the shipped data folder, used in its place."""
    folder = tmp_path / "data"
    shutil.copytree(data_dir(), folder)
    monkeypatch.setattr(S, "data_dir", lambda: folder)
    return folder


def _parse(name: str, folder: Path) -> dict[str, tuple[str, ...]]:
    parse = S._parse_quoted if name == S.QUOTED_TERMS else S.parse_longer
    return parse((folder / name).read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", [S.QUOTED_TERMS, S.LONGER])
def test_cached_table_is_the_parsed_one(tmp_path: Path, data: Path, name: str) -> None:
    home = tmp_path / "home"
    parse = S._parse_quoted if name == S.QUOTED_TERMS else S.parse_longer
    first = S._shipped(name, parse, home)
    cache = home / "cache" / S.TABLE_CACHE.format(name)
    assert cache.is_file()
    again = S._shipped(name, parse, home)
    want = _parse(name, data)
    assert len(want) > 3000
    assert first == again == want
    assert list(again.items()) == list(want.items())  # order too
    assert S._shipped(name, parse, None) == want  # no home: parsed, nothing kept


def test_a_changed_data_file_is_parsed_again(tmp_path: Path, data: Path) -> None:
    home = tmp_path / "home"
    S._shipped(S.QUOTED_TERMS, S._parse_quoted, home)
    path = data / S.QUOTED_TERMS
    path.write_text(path.read_text(encoding="utf-8") + "新词汇 新词\n", encoding="utf-8")
    got = S._shipped(S.QUOTED_TERMS, S._parse_quoted, home)
    assert got["新词汇"] == ("新词",) and got == _parse(S.QUOTED_TERMS, data)
    replaced = data / "new.txt"  # same size and time, another file (inode): parsed again
    replaced.write_text("# x\n甲乙 甲\n", encoding="utf-8")
    st = os.stat(path)
    body = path.read_text(encoding="utf-8").replace("新词汇 新词", "新词汇 汇词")
    replaced.write_text(body, encoding="utf-8")
    os.utime(replaced, ns=(st.st_atime_ns, st.st_mtime_ns))
    os.replace(replaced, path)
    assert S._shipped(S.QUOTED_TERMS, S._parse_quoted, home)["新词汇"] == ("汇词",)


@pytest.mark.parametrize("damage", ["empty", "garbage", "half", "shape", "stamp"])
def test_a_damaged_cache_is_a_parse(tmp_path: Path, data: Path, damage: str) -> None:
    import marshal

    home = tmp_path / "home"
    S._shipped(S.QUOTED_TERMS, S._parse_quoted, home)
    cache = home / "cache" / S.TABLE_CACHE.format(S.QUOTED_TERMS)
    whole = cache.read_bytes()
    cache.write_bytes(
        {
            "empty": b"",
            "garbage": b"\x00\xffgarbage",
            "half": whole[: len(whole) // 2],
            "shape": marshal.dumps(5),
            "stamp": marshal.dumps((["other"], {"假": ("的",)})),
        }[damage]
    )
    assert S._shipped(S.QUOTED_TERMS, S._parse_quoted, home) == _parse(S.QUOTED_TERMS, data)
    assert cache.read_bytes() == whole  # written again


def test_a_read_only_home_keeps_no_cache(tmp_path: Path, data: Path) -> None:
    home = tmp_path / "home"
    (home / "cache").mkdir(parents=True)
    (home / "cache").chmod(0o500)
    try:
        got = S._shipped(S.LONGER, S.parse_longer, home)
        if os.geteuid() != 0:  # (root writes anyway)
            assert not any((home / "cache").iterdir())
    finally:
        (home / "cache").chmod(0o700)
    assert got == _parse(S.LONGER, data)


def test_a_missing_data_file_is_an_empty_table(tmp_path: Path, data: Path) -> None:
    (data / S.QUOTED_TERMS).unlink()
    assert S._shipped(S.QUOTED_TERMS, S._parse_quoted, tmp_path / "home") == {}
