"""What a one-shot search reads and imports, and the lazy pieces behind it give the same answers."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

from conftest_search import seed_index
from reporttui.core.index import matcher, versions
from reporttui.core.library.catalog import scan_root
from reporttui.core.search.query import parse_query
from reporttui.core.search.search import build_filter, match_rows


def test_one_shot_search_loads_no_jieba_dictionary_and_no_ingestion(app_home: Path) -> None:
    """A fresh process that checks the library and searches it (what `reporttui search` does)
    neither loads jieba's dictionary nor imports pkg_resources or the ingestion pipeline."""
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from reporttui.core.library.library import Library\n"
        "from reporttui.core.index import segment\n"
        f"lib = Library(Path({str(app_home)!r}))\n"
        "fresh = not lib.needs_indexing()\n"
        "r = lib.search('林麝')\n"
        "print(fresh, r.total > 0, segment.is_loaded(), 'pkg_resources' in sys.modules,\n"
        "      'reporttui.core.text.ingest' in sys.modules)\n"
    )
    for _ in range(2):  # the first run may fill the version cache of this home
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        )
    assert out.stdout.split() == ["True", "True", "False", "False", "False"], out.stderr


def test_version_constant_follows_its_source_file(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    pkg = tmp_path / "src"
    pkg.mkdir()
    mod = pkg / "fake_versioned_mod.py"
    mod.write_text('VERSION = "1"\n', encoding="utf-8")
    monkeypatch.syspath_prepend(str(pkg))
    home = tmp_path / "home"
    assert versions.constant("fake_versioned_mod", "VERSION", home) == "1"
    assert (home / "cache" / versions.CACHE_NAME).is_file()
    sys.modules.pop("fake_versioned_mod", None)
    # Cached: answered without importing the module.
    assert versions.constant("fake_versioned_mod", "VERSION", home) == "1"
    assert "fake_versioned_mod" not in sys.modules
    # The source changes: the new value (size and modification time differ).
    mod.write_text('VERSION = "22"\n', encoding="utf-8")
    later = time.time() + 5
    os.utime(mod, (later, later))
    assert versions.constant("fake_versioned_mod", "VERSION", home) == "22"
    sys.modules.pop("fake_versioned_mod", None)
    # A read-only or missing cache folder is not an error.
    assert versions.constant("fake_versioned_mod", "VERSION", tmp_path / "nofile" / "x") == "22"
    sys.modules.pop("fake_versioned_mod", None)


def test_section_counts_mapping_equals_the_dict() -> None:
    with seed_index().searcher() as s:
        for text in ("发展", "林麝", "生态 保护"):
            pq = parse_query(text)
            found = match_rows(s, pq, build_filter(pq, s.reader()))
            view = matcher.view(s.reader())
            _, lazy = view.counts(found.rows)
            _, fresh = view.counts(found.rows)
            # lookups before the dict is made, then iteration
            keys = list(fresh)
            for key in keys:
                assert lazy.get(key) == fresh[key]
                assert key in lazy
            assert ("nope", "s1") not in lazy
            assert lazy.get((keys[0][0], "no-such-section")) is None
            assert len(lazy) == len(keys)
            assert list(lazy.items()) == list(fresh.items())
            assert lazy == dict(fresh.items())
        empty_doc, empty = matcher.view(s.reader()).counts(np.zeros(0, dtype=np.int64))
        assert empty_doc == {} and len(empty) == 0 and dict(empty) == {}


def test_walk_gives_resolved_paths_for_files_links_and_linked_roots(tmp_path: Path) -> None:
    real = tmp_path / "real"
    (real / "a" / "b").mkdir(parents=True)
    (real / "a" / "b" / "2024.md").write_text("x", encoding="utf-8")
    (real / "a b.txt").write_text("x", encoding="utf-8")
    (real / "a-b.md").write_text("x", encoding="utf-8")
    other = tmp_path / "other"
    other.mkdir()
    (other / "target.md").write_text("x", encoding="utf-8")
    (real / "a" / "link.md").symlink_to(other / "target.md")
    (real / "dirlink").symlink_to(other)  # a linked folder is not walked
    (tmp_path / "via").symlink_to(real)
    for root in (real, tmp_path / "via", tmp_path / "via" / "a" / ".." / "a"):
        got = scan_root(root)
        expected = sorted(
            {p.resolve() for p in root.rglob("*") if p.is_file() and "dirlink" not in p.parts}
        )
        assert got == expected, root
        assert all(p.is_absolute() and p == p.resolve() for p in got)
