"""The freshness check's folder cache (core/library/scancache.py): the same files as a walk after
a file is added, removed, renamed or changed; links to files are cached (and their changes
seen), indirect links and problems are never cached."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from reporttui.core.library import scancache
from reporttui.core.library.catalog import scan_root
from reporttui.core.library.library import Library
from reporttui.core.paths import seed_files

SEED = next(p for p in seed_files() if p.name.startswith("001_"))


@pytest.fixture()
def old_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    """Folders made by the test count as old (outside the racy window), and every change the
    test makes lands in a later clock tick of the file system than the walk it follows."""
    real = time.time_ns
    monkeypatch.setattr(scancache.time, "time_ns", lambda: real() + 10 * scancache.RACY_NS)


def tick() -> None:
    time.sleep(0.03)  # file times move in coarse ticks (a few ms): the next change is later


def tree(tmp_path: Path) -> Path:
    root = tmp_path / "reports"
    for rel in ("a/2023.md", "a/2024.md", "b/c/2024.txt", "top.md", "a/notes.pdf"):
        p = root / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text("x", encoding="utf-8")
    return root


def cached(home: Path, root: Path) -> list[Path]:
    return scancache.scan_root_cached(home, root)


def test_same_files_as_a_walk_and_answered_from_the_cache(tmp_path: Path, old_clock: None) -> None:
    home, root = tmp_path / "home", tree(tmp_path)
    assert cached(home, root) == scan_root(root)
    assert scancache.cache_path(home).exists()
    got: list[list[Path]] = []
    assert walks_during(lambda: got.append(cached(home, root))) == []  # no folder changed
    assert got == [scan_root(root)]


@pytest.mark.parametrize("change", ["add", "remove", "rename", "add_deep", "new_folder"])
def test_a_changed_folder_is_walked_again(tmp_path: Path, old_clock: None, change: str) -> None:
    home, root = tmp_path / "home", tree(tmp_path)
    cached(home, root)
    tick()
    if change == "add":
        (root / "a" / "2025.md").write_text("y", encoding="utf-8")
    elif change == "remove":
        (root / "a" / "2023.md").unlink()
    elif change == "rename":
        (root / "top.md").rename(root / "top2.md")
    elif change == "add_deep":
        (root / "b" / "c" / "2025.htm").write_text("y", encoding="utf-8")
    else:
        (root / "b" / "d").mkdir()
        (root / "b" / "d" / "2025.md").write_text("y", encoding="utf-8")
    assert cached(home, root) == scan_root(root)
    assert cached(home, root) == scan_root(root)  # and the new cache is right too


def test_racy_folders_and_links_are_not_cached(tmp_path: Path) -> None:
    home, root = tmp_path / "home", tree(tmp_path)
    assert cached(home, root) == scan_root(root)  # folders made just now: racy
    assert not scancache.cache_path(home).exists()
    real = time.time_ns
    scancache.time.time_ns = lambda: real() + 10 * scancache.RACY_NS  # type: ignore[assignment]
    try:
        os.symlink(root / "top.md", root / "a" / "link.md")
        os.symlink(root / "a" / "link.md", root / "b" / "chain.md")  # a link to a link
        assert cached(home, root) == scan_root(root)
        assert not scancache.cache_path(home).exists()  # the middle link can change unseen
        (root / "b" / "chain.md").unlink()
        os.symlink("../a/./2023.md", root / "b" / "dotted.md")  # a "." part: not direct
        assert cached(home, root) == scan_root(root)
        assert not scancache.cache_path(home).exists()
    finally:
        scancache.time.time_ns = real  # type: ignore[assignment]


def walks_during(fn: object) -> list[Path]:
    """The roots :func:`scan_root` walked while ``fn()`` ran."""
    walks: list[Path] = []
    real_scan = scancache.scan_root

    def counting(r: Path, problems: list[str] | None = None) -> list[Path]:
        walks.append(r)
        return real_scan(r, problems)

    scancache.scan_root = counting  # type: ignore[assignment]
    try:
        fn()  # type: ignore[operator]
    finally:
        scancache.scan_root = real_scan  # type: ignore[assignment]
    return walks


LINK_CHANGES = ("none", "add", "remove", "repoint", "target_changed", "target_removed")
LINK_CHANGES += ("target_replaced_by_link", "target_folder_swapped")


@pytest.mark.parametrize("change", LINK_CHANGES)
def test_a_folder_of_file_links_is_cached_and_its_changes_seen(
    tmp_path: Path, old_clock: None, change: str
) -> None:
    """A library whose report files are links (search_bench's home; users link reports):
    cached, and every way the links or their targets change is a walk or the caller's stat."""
    home, corpus = tmp_path / "home", tree(tmp_path)
    links = tmp_path / "links"
    links.mkdir()
    os.symlink(corpus / "a" / "2023.md", links / "one.md")  # absolute
    os.symlink("../reports/top.md", links / "two.md")  # relative, a leading ".."
    first = cached(home, links)
    assert first == scan_root(links)
    assert scancache.cache_path(home).exists()
    assert walks_during(lambda: cached(home, links)) == []
    tick()
    if change == "add":
        os.symlink(corpus / "a" / "2024.md", links / "three.md")
    elif change == "remove":
        (links / "one.md").unlink()
    elif change == "repoint":
        (links / "one.md").unlink()
        os.symlink(corpus / "a" / "2024.md", links / "one.md")
    elif change == "target_changed":
        (corpus / "a" / "2023.md").write_text("changed", encoding="utf-8")
    elif change == "target_removed":
        (corpus / "a" / "2023.md").unlink()
    elif change == "target_replaced_by_link":
        (corpus / "a" / "2023.md").unlink()
        os.symlink(corpus / "a" / "2024.md", corpus / "a" / "2023.md")
    elif change == "target_folder_swapped":  # a folder on the target's path becomes a link
        (corpus / "a").rename(corpus / "a-old")
        (corpus / "a2").mkdir()
        (corpus / "a2" / "2023.md").write_text("other", encoding="utf-8")
        os.symlink(corpus / "a2", corpus / "a")
    walked = walks_during(lambda: cached(home, links))
    assert cached(home, links) == scan_root(links)
    if change in ("none", "target_changed"):
        assert walked == []  # same list; a content change is the caller's per-file stat
        assert os.stat(first[0]).st_size == (len("changed") if change == "target_changed" else 1)
    else:
        assert walked == [links]


def test_a_folder_link_is_seen_when_its_target_gains_a_file(
    tmp_path: Path, old_clock: None
) -> None:
    """A root that is a link to a folder is walked at its real path (whose folders are
    stamped); a folder link below a root is not followed by the walk, cached or not."""
    home, corpus = tmp_path / "home", tree(tmp_path)
    root = tmp_path / "root-link"
    os.symlink(corpus, root)
    inner = tmp_path / "outer"
    inner.mkdir()
    (inner / "own.md").write_text("x", encoding="utf-8")
    os.symlink(corpus / "a", inner / "linked")
    assert cached(home, root) == scan_root(root)
    assert cached(home, inner) == scan_root(inner) == [inner.resolve() / "own.md"]
    assert walks_during(lambda: (cached(home, root), cached(home, inner))) == []
    tick()
    (corpus / "a" / "2026.md").write_text("y", encoding="utf-8")
    assert cached(home, root) == scan_root(root)
    assert corpus.resolve() / "a" / "2026.md" in cached(home, root)
    assert cached(home, inner) == scan_root(inner)
    tick()
    other = tmp_path / "other"
    other.mkdir()
    (other / "x.md").write_text("x", encoding="utf-8")
    tick()
    root.unlink()
    os.symlink(other, root)  # the root re-pointed
    assert cached(home, root) == scan_root(root) == [other.resolve() / "x.md"]


def test_a_damaged_cache_is_a_walk(tmp_path: Path, old_clock: None) -> None:
    home, root = tmp_path / "home", tree(tmp_path)
    cached(home, root)
    for junk in ("", "{", '{"format": 1, "roots": {"' + str(root) + '": {"real": 3}}}', "[]"):
        scancache.cache_path(home).write_text(junk, encoding="utf-8")
        assert cached(home, root) == scan_root(root)


def test_needs_indexing_sees_added_removed_and_changed_files(
    tmp_path: Path, old_clock: None
) -> None:
    """The library's freshness check through the cache: each kind of change is seen."""
    home, root = tmp_path / "home", tmp_path / "reports"
    (root / "sub").mkdir(parents=True)
    text = SEED.read_text(encoding="utf-8")
    (root / "sub" / "one.md").write_text(text, encoding="utf-8")
    lib = Library(home)
    lib.add([root])
    assert not lib.needs_indexing()
    assert not lib.needs_indexing()  # now from the cache
    assert scancache.cache_path(home).exists()
    tick()
    (root / "sub" / "two.md").write_text(text + "\n\n新增一段。\n", encoding="utf-8")
    assert lib.needs_indexing()  # added
    lib.sync()
    assert not lib.needs_indexing()
    tick()
    (root / "sub" / "two.md").unlink()
    assert lib.needs_indexing()  # removed
    lib.sync()
    assert not lib.needs_indexing()
    tick()
    with open(root / "sub" / "one.md", "a", encoding="utf-8") as f:
        f.write("\n\n改过的一段。\n")
    assert lib.needs_indexing()  # changed: same folder times, the file's own stat tells


def test_boilerplate_digest_cache_follows_the_store(tmp_path: Path) -> None:
    """The fingerprint's boilerplate part (cached while boilerplate.json and boilerplate.py are
    unchanged) is the digest of the store as it is now."""
    import json

    from reporttui.core.text import boilerplate

    assert boilerplate.STORE_NAME == "boilerplate.json"  # the name planning.py stats
    home = tmp_path / "home"
    home.mkdir()
    lib = Library(home)
    bare = lib.fingerprint()
    assert lib.fingerprint() == bare
    store = home / boilerplate.STORE_NAME
    for keys in (["aa"], ["bb"], ["aa", "bb"]):
        tmp = store.with_suffix(".tmp")
        tmp.write_text(json.dumps({"keys": keys, "files": {}}), encoding="utf-8")
        os.replace(tmp, store)  # as the store is written: atomically, same size each time
        boilerplate._cache.clear()
        want = boilerplate.digest(frozenset(keys))
        got = Library(home).fingerprint()
        assert got != bare
        parts_check = Library(home).fingerprint()
        assert got == parts_check
        import hashlib

        from reporttui.core.index import schema
        from reporttui.core.index.versions import constant
        from reporttui.core.library.planning import LIBRARY_FORMAT

        expect = [
            LIBRARY_FORMAT,
            schema.fingerprint(home),
            constant("reporttui.core.text.ingest", "INGEST_VERSION", home),
            "boilerplate " + want,
        ]
        assert got == hashlib.sha1("\0".join(expect).encode()).hexdigest()[:16]
    store.unlink()
    assert Library(home).fingerprint() == bare
