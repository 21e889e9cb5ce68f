"""catalog.json is the user's data: damage to it is said in one line and recovered (from the
backup generation, else from the index), and never forgets a folder the user added."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from reporttui.core.library.catalog import (
    BACKUP_NAME,
    CATALOG_NAME,
    CatalogDamaged,
    load,
    plain_name,
    read_catalog,
)
from reporttui.core.library.library import Library

FILLER = "全市上下坚持稳中求进工作总基调，推动经济实现质的有效提升和量的合理增长。" * 8


def write_report(folder: Path, place: str, year: int, word: str) -> Path:
    path = folder / f"{year}.md"
    path.write_text(
        f"{place}{year}年政府工作报告\n\n一、工作回顾\n\n过去一年，{word}取得新进展。{FILLER}\n\n"
        f"二、工作安排\n\n继续推进{word}。{FILLER}\n",
        encoding="utf-8",
    )
    return path


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A library home with the seeds and one added folder of two reports (built once)."""
    root = tmp_path_factory.mktemp("catalog")
    folder = root / "added"
    folder.mkdir()
    write_report(folder, "朔州市", 2024, "煤矸石综合利用")
    write_report(folder, "朔州市", 2025, "煤矸石综合利用")
    home = root / "home"
    library = Library(home)
    library.add([folder])
    library.close()
    assert (home / BACKUP_NAME).exists()
    return home, folder


@pytest.fixture()
def home(built: tuple[Path, Path], tmp_path: Path) -> Path:
    copy = tmp_path / "home"
    shutil.copytree(built[0], copy)
    return copy


def check_recovered(home: Path, folder: Path, notices: list[str]) -> None:
    """The added folder is still in the library and searchable; the damage was said once."""
    library = Library(home, notify=notices.append)
    entries = library.entries()
    assert sum(1 for e in entries if e.path.startswith(str(folder))) == 2, notices
    assert sum(1 for e in entries if e.bundled) == 5
    report = library.sync()
    assert not report.rebuilt, report.messages
    # After the sync the document list is the one a clean build has (lengths included).
    assert all(e.chars > 0 for e in library.entries()), [e.chars for e in library.entries()]
    result = library.search("煤矸石")
    assert {h.path for h in result.hits} >= {str(folder / "2024.md"), str(folder / "2025.md")}
    library.close()
    damage = [n for n in notices if "catalog.json" in n]
    assert len(damage) >= 1 and all("\n" not in n for n in damage)
    catalog = read_catalog(home)  # written back: the next run is quiet
    assert str(folder) in catalog.roots
    again: list[str] = []
    Library(home, notify=again.append).entries()
    assert not [n for n in again if "catalog.json" in n]


DAMAGE: dict[str, Callable[[Path], None]] = {
    "random-bytes": lambda p: p.write_bytes(os.urandom(3000)),
    "empty": lambda p: p.write_bytes(b""),
    "truncated": lambda p: p.write_bytes(p.read_bytes()[: len(p.read_bytes()) // 2]),
    "roots-mistyped": lambda p: _edit(p, lambda d: d.update(roots="not a list")),
    "format-mistyped": lambda p: _edit(p, lambda d: d.update(format="1")),
    "index-name-absolute": lambda p: _edit(p, lambda d: d.update(index_name="/tmp")),
    "index-name-dotdot": lambda p: _edit(p, lambda d: d.update(index_name="../../x")),
    "not-an-object": lambda p: p.write_text("[1, 2, 3]"),
}


def _edit(path: Path, change: Callable[[dict[str, object]], object]) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data), encoding="utf-8")


@pytest.mark.parametrize("damage", list(DAMAGE))
def test_damage_is_recovered_from_the_backup(
    home: Path, built: tuple[Path, Path], damage: str
) -> None:
    DAMAGE[damage](home / CATALOG_NAME)
    notices: list[str] = []
    check_recovered(home, built[1], notices)
    assert any("catalog.json.bak" in n for n in notices), notices
    assert list(home.glob(f"{CATALOG_NAME}.damaged-*"))  # the damaged file is kept, not lost


@pytest.mark.parametrize("damage", ["random-bytes", "empty", "roots-mistyped"])
def test_damage_without_a_backup_is_recovered_from_the_index(
    home: Path, built: tuple[Path, Path], damage: str
) -> None:
    (home / BACKUP_NAME).unlink()
    DAMAGE[damage](home / CATALOG_NAME)
    notices: list[str] = []
    check_recovered(home, built[1], notices)
    assert any("from the search index" in n for n in notices), notices


def test_a_missing_catalogue_is_recovered_too(home: Path, built: tuple[Path, Path]) -> None:
    (home / CATALOG_NAME).unlink()
    notices: list[str] = []
    check_recovered(home, built[1], notices)


def test_one_mistyped_record_is_dropped_and_reindexed(home: Path, built: tuple[Path, Path]) -> None:
    path = home / CATALOG_NAME
    data = json.loads(path.read_text(encoding="utf-8"))
    target = next(s for s in data["sources"] if s["path"].endswith("2025.md"))
    target["year"] = "2025"
    path.write_text(json.dumps(data), encoding="utf-8")
    notices: list[str] = []
    library = Library(home, notify=notices.append)
    report = library.sync()
    assert report.added == [target["path"]]
    assert any("dropped a bad record" in n for n in notices)
    assert read_catalog(home).sources[target["path"]].entry.year == 2025


def test_index_name_is_never_used_as_a_path(home: Path, tmp_path: Path) -> None:
    victim = tmp_path / "victim"
    victim.mkdir()
    (victim / "keep.txt").write_text("important")
    (home / BACKUP_NAME).unlink()
    _edit(home / CATALOG_NAME, lambda d: d.update(index_name=str(victim)))
    library = Library(home, notify=lambda m: None)
    library.rebuild()
    assert (victim / "keep.txt").read_text() == "important"
    assert plain_name(read_catalog(home).index_name)
    with pytest.raises(CatalogDamaged):
        _edit(home / CATALOG_NAME, lambda d: d.update(index_name="../x"))
        load(home / CATALOG_NAME)


@pytest.mark.parametrize("name", ["", "/abs", "../x", "a/b", ".", "..", "ix\x00", "x" * 300])
def test_plain_name_refuses_paths(name: str) -> None:
    assert not plain_name(name)


def test_backup_is_a_good_generation(home: Path) -> None:
    """A damaged catalog.json never replaces the good backup."""
    good = (home / BACKUP_NAME).read_bytes()
    (home / CATALOG_NAME).write_bytes(b"\x00garbage")
    from reporttui.core.library.catalog import _keep_backup

    _keep_backup(home)
    assert (home / BACKUP_NAME).read_bytes() == good


def test_catalogue_and_backup_both_missing_are_recovered_from_the_index(
    home: Path, built: tuple[Path, Path]
) -> None:
    """Both files gone while the index stays: the index remembers the added folder."""
    (home / CATALOG_NAME).unlink()
    (home / BACKUP_NAME).unlink()
    notices: list[str] = []
    check_recovered(home, built[1], notices)
    assert any("from the search index" in n for n in notices), notices


@pytest.mark.parametrize("kind", ["dev-zero", "fifo"])
def test_a_catalogue_that_is_not_a_regular_file_is_damage_not_a_hang(
    home: Path, built: tuple[Path, Path], kind: str
) -> None:
    """A catalog.json linked to /dev/zero (or a FIFO) was read forever by every command."""
    (home / CATALOG_NAME).unlink()
    if kind == "fifo":
        os.mkfifo(home / CATALOG_NAME)
    else:
        os.symlink("/dev/zero", home / CATALOG_NAME)
    notices: list[str] = []
    library = Library(home, notify=notices.append)
    entries = library.entries()
    assert sum(1 for e in entries if e.path.startswith(str(built[1]))) == 2, notices
    assert any("regular file" in n for n in notices), notices
    library.close()
