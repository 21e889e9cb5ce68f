"""Round 9's page-furniture figures on the web-page sets it tuned on, scored by judged.py.

pages15 and pages16 (round 8's independent blind sets) and pages21 (judged before its first run
on main, then tuned on): committed files only. Floors are the round's final figures, so the
furniture classes built for them (credits and captions, pagers, comment boxes, records, bars,
labelled headings) cannot silently come back; no sentence may be lost, no error.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_inputs_injudge_r8 import _score

# set: (metadata fields right at least, junk strings left at most, judged headings found at least);
# pages15 39 once p15-11's topic tag (施政報告 │) was re-judged out of its title (round 14 rules,
# benchmarks/inputs/rejudged_r14.md)
FLOORS = {
    "pages15": (39, 0, 14),
    "pages16": (32, 2, 3),
    "pages21": (28, 1, 0),
}


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_page_set_floor(name: str) -> None:
    s = _score(name)
    fields, junk_left, headings = FLOORS[name]
    assert s.items >= 10, name
    assert s.errors == 0, s.notes
    assert s.keep_lost == 0, [n for n in s.notes if "lost" in n]
    assert s.fields_right >= fields, [n for n in s.notes if "want" in n]
    assert s.junk_left <= junk_left, [n for n in s.notes if "junk" in n]
    assert s.headings_found >= headings, [n for n in s.notes if "heading" in n]
