"""Round 11's independent blind input sets (held28, pages25) scored by judged.py.

Judged by an engineer who writes no parser code, before any run of the code on them
(benchmarks/inputs/held28-pages25-first-run.txt). Floors are their first (blind) run on main
0dc4c40, committed files only (held28's corpus references need the corpus): no sentence may be
lost, no error, and metadata, junk and headings may not fall below that run. Fixes raise the
figures; the floors are not targets to tune to.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from inputs_helpers import assert_floor, load_judged

ROOT = Path(__file__).resolve().parents[1]
judged = load_judged()

# set: (items, metadata fields right, junk strings left at most, judged headings found) on main
# 0dc4c40, committed files only
FLOORS = {
    "held28": (7, 16, 3, 9),
    "pages25": (6, 17, 3, 2),
}


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_blind_set_floor(name: str) -> None:
    assert_floor(name, FLOORS[name])


def test_pages25_are_saved_html_with_a_gbk_family_page() -> None:
    """pages25 is the set of full saved pages: every item is gzipped HTML, one of them GB18030."""
    data = judged.json.loads((judged.DATA / "judged-pages25.json").read_text("utf-8"))
    paths = [item["path"] for item in data["items"]]
    assert all(p.endswith(".html.gz") for p in paths)
    raw = [judged.gzip.decompress((judged.DATA / p).read_bytes()) for p in paths]
    assert any(b"charset=gb18030" in r.lower() for r in raw)
