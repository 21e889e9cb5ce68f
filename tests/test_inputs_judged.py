"""The judged sample of issue 9 (tests/data/inputs/judged.json) scored by benchmarks/inputs/judged.py.

The committed files (real pages and excerpts) run always; the corpus references run with the
corpus. Floors are the figures measured when the work landed (see CHANGELOG); raising the parser's
quality raises them, a regression fails here.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from inputs_helpers import load_judged

ROOT = Path(__file__).resolve().parents[1]
judged = load_judged()


def _both(corpus: Path | None) -> tuple[object, object]:
    tuned, held = judged.run(corpus)
    return tuned, held


def _floors(s: object, metadata: float, junk_left: int, headings: float) -> None:
    assert s.errors == 0, s.notes
    assert s.keep_lost == 0, [n for n in s.notes if "lost" in n]
    assert s.fields_right >= metadata * s.fields, [n for n in s.notes if "want" in n]
    assert s.junk_left <= junk_left, [n for n in s.notes if "junk" in n]
    assert s.headings_found >= headings * s.headings, [n for n in s.notes if "heading" in n]


def test_judged_files_without_corpus() -> None:
    tuned, held = _both(None)
    # Measured in round 3: tuned 30/34 fields, 1 junk left, 4/4 headings;
    # held out 22/24 fields, 1 junk left, 2/3 headings (round 2: 17/24, 3 junk left).
    _floors(tuned, 0.88, 1, 1.0)
    _floors(held, 0.91, 1, 0.66)
    # held2 (round 3): first measurement 86/103 fields with the corpus, 6 junk left, 1 sentence
    # lost; after the class fixes that followed it (no longer blind) the figures below.
    _floors(judged.run_parts(None)["held2"], 0.97, 0, 1.0)
    # pages3 (round 4, 20 saved web pages, all files): first runs 40/44 fields, 0/74 junk left
    # (12 pages) and 9/32 fields, 3/44 junk left (8 gov.cn pages, after the first fixes); 74/76
    # fields, no junk left, every sentence and heading after the class fixes (no longer blind);
    # 73/76 once w05's and w10's column tags were re-judged out of the title (round 14 rules).
    _floors(
        judged.run_parts(None)["pages3"], 0.98, 0, 1.0
    )  # round 14: the title code drops it too (titles)
    _floors(judged.run_parts(None)["pages3b"], 1.0, 0, 1.0)  # its first (blind) run: 20/20
    # pages3c: first run 10/14 fields, 3/20 junk left; 14/14, none left after the class fixes;
    # 13/14 once w27's bracketed tag was re-judged out of the title (round 14 rules); w26's and
    # w29's colon labels (补壹刀：, 午间公告：) re-judged out of the title by ruling 5 and taken off
    # by the title code (round 15 injudge and titles).
    _floors(judged.run_parts(None)["pages3c"], 0.85, 0, 1.0)
    # pages4 (full saved portal pages, 统计公报): first run 12/16 fields, 0/35 junk left, 46/48
    # headings, 3/4 table rows glued; 16/16, 48/48, none glued after the class fixes.
    pages4 = judged.run_parts(None)["pages4"]
    _floors(pages4, 1.0, 0, 1.0)
    assert pages4.cells_glued == 0, [n for n in pages4.notes if "table" in n]
    # pages5 (round 5): first (blind) run 28/34 fields, 5/65 junk left, 4/5 headings; pages6
    # (judged after the pages5 fixes): first run 16/19, 2/34; both 100 % after their fixes.
    _floors(judged.run_parts(None)["pages5"], 1.0, 0, 1.0)
    # pages6 18/19 once p6-04's column tag (棱镜|) was re-judged out of the title (round 14).
    _floors(
        judged.run_parts(None)["pages6"], 1.0, 0, 1.0
    )  # round 14: the title code drops it too (titles)
    # pages7 (judged after the pages6 fixes): first run 5/7 fields, 3/25 junk left, 6/8 headings;
    # 7/7, 1/25, 6/8 after its fixes; 8/8 headings once a class of short heading-like lines is
    # read as the page's heading style, 0/25 once a front-page link closing a byline is chrome.
    _floors(judged.run_parts(None)["pages7"], 1.0, 0, 1.0)
    # pages8 (government portals, judged after the pages7 fixes): first run 25/32 fields, 2/61
    # junk left, 13/14 headings; 29/32, 0/61, 13/14 after its fixes.
    _floors(judged.run_parts(None)["pages8"], 0.9, 0, 0.92)
    # pages9 (round 6, portal pages of 人大/统计局/审计局 channels and district news on city and
    # province portals): first (blind) run 44/47 fields, 17/93 junk left, the picture-only page
    # made a document; after its class fixes the figures below (the junk left: an advert's
    # paragraphs about a tea brand after a county's news).
    pages9 = judged.run_parts(None)["pages9"]
    _floors(pages9, 1.0, 2, 1.0)
    assert pages9.no_article_said == pages9.no_article == 1, pages9.notes
    # pages10 (judged after the pages9 fixes): first (blind) run 36/47 fields, 7/34 junk left,
    # 1/18 lost; after the round-6 follow-up's class fixes 47/47, 6/34, 0/18 (the junk left:
    # pasted lines with no résumé words).
    pages10 = judged.run_parts(None)["pages10"]
    assert pages10.errors == 0 and pages10.keep_lost == 0, pages10.notes
    assert pages10.fields_right >= 47 and pages10.junk_left <= 6, pages10.notes
    # pages11 (judged after the pages10 fixes): first (blind) run 37/41 fields, 1/3 junk left,
    # 0/11 lost; after the follow-up's class fixes 41/41.
    pages11 = judged.run_parts(None)["pages11"]
    assert pages11.errors == 0 and pages11.keep_lost == 0, pages11.notes
    assert pages11.fields_right >= 41 and pages11.junk_left <= 1, pages11.notes
    # pages12 (site families not in pages8-11, judged after the follow-up's fixes): its first
    # (blind) run on the final code, no fix after it: 28/34 fields, 5/21 junk left, 0/9 lost.
    pages12 = judged.run_parts(None)["pages12"]
    assert pages12.errors == 0 and pages12.keep_lost == 0, pages12.notes
    assert pages12.fields_right >= 28 and pages12.junk_left <= 5, pages12.notes
    # pages13 (round 7: other owners' pages — a ministry's TRS page, a gov.cn channel page — and
    # finance-bureau, 人大, 政协, statistics and news-site texts): first (blind) run on main 30/37
    # fields, 3/51 junk left, 0/35 lost, 11/12 headings; after its class fixes 37/37, 0/51, 12/12;
    # 36/37 once p13-05's column tag (微动态丨) was re-judged out of the title (round 14 rules).
    pages13 = judged.run_parts(None)["pages13"]
    assert pages13.errors == 0 and pages13.keep_lost == 0, pages13.notes
    assert pages13.fields_right == pages13.fields and pages13.junk_left == 0, pages13.notes
    assert pages13.headings_found >= 12, pages13.notes
    # pages14 (judged after the pages13 fixes): its first (blind) run on round 7's final code, no
    # fix after it: 23/32 fields, 2/9 junk left, 0/24 lost, 7/7 headings.
    pages14 = judged.run_parts(None)["pages14"]
    assert pages14.errors == 0 and pages14.keep_lost == 0, pages14.notes
    assert pages14.fields_right >= 23 and pages14.junk_left <= 2, pages14.notes
    # held3 (round 4): first (blind) measurement 112/135 fields with the corpus, 13 junk left;
    # after its class fixes 56/56 on the page texts. Headings 6/9: the three missing are judged
    # without the full stop the project keeps on a numbered heading (1.指导思想。).
    _floors(judged.run_parts(None)["held3"], 0.97, 0, 0.66)
    # held4 (round 4, judged after the held3 fixes): first (blind) run 30/46 fields, 11 junk left;
    # 42/46 and 1 junk left after the fixes that followed it; 43/46 with the gazetteer (汉寿).
    _floors(judged.run_parts(None)["held4"], 0.93, 1, 1.0)
    # held5 (round 4b, judged after the held4 fixes): first (blind) run 31/44 fields, 6/19 junk
    # left; 41/44 and 4 junk left after the fixes that followed it; 42/44 with the gazetteer (淳安).
    _floors(judged.run_parts(None)["held5"], 0.95, 4, 1.0)
    # held6 and held7 (round 5, each judged before any run on it): first (blind) runs 64/77
    # fields, 8/29 junk left, 1 sentence lost (held6, with its corpus items) and 27/35, 12/27
    # (held7); after the class fixes that followed them 76/77, 0/29 and 35/35, 0/27.
    _floors(judged.run_parts(None)["held6"], 0.97, 0, 1.0)
    _floors(judged.run_parts(None)["held7"], 0.97, 0, 1.0)
    # held8 (judged after the held7 fixes): first run 26/34 fields, 19/24 junk left, 3/22 lost;
    # 30/34, 1/24, 1/22 after its fixes (a sentence with a page number inside it still lost).
    held8 = judged.run_parts(None)["held8"]
    assert held8.fields_right >= 30 and held8.junk_left <= 1 and held8.keep_lost <= 1, held8.notes
    # held9 (judged after the held8 fixes): first (blind) run 31/32 fields, 0/16 junk, 0/9 lost;
    # 30/32 once m5-q02's copy-site province label and (全文) note were re-judged out of its title.
    _floors(judged.run_parts(None)["held9"], 0.93, 0, 1.0)
    # held10 (judged after the held9 run): first (blind) run 52/72 fields, 11/25 junk left, 0/82
    # lost with its corpus items; 62/72, 4/25 after its fixes (43/53 and 4/24 on its page texts).
    held10 = judged.run_parts(None)["held10"]
    assert held10.fields_right >= 43 and held10.junk_left <= 4, held10.notes
    assert held10.keep_lost == 0, held10.notes
    # held11 (judged after the held10 fixes): blind 18/25 fields, 1/15 junk left; 20/25, 0/15
    # after its classes were fixed.
    held11 = judged.run_parts(None)["held11"]
    assert held11.fields_right >= 20 and held11.junk_left == 0, held11.notes
    assert held11.keep_lost == 0, held11.notes
    # held12 (judged after the held11 fixes, measured blind only): 22/27 fields, 4/10 junk left.
    held12 = judged.run_parts(None)["held12"]
    assert held12.fields_right >= 22 and held12.junk_left <= 4, held12.notes
    assert held12.keep_lost == 0, held12.notes
    # Round 6 (tuned on held8-held12 and held13): held8 31/34, 1/24, 0/22 lost; held10's page
    # texts 51/53, 0/24; held11 25/25; held12 26/27, 1/10; held13 (first run on main 33/47, 7/29
    # junk left, 0/32 lost) 45/47, 0/29, 0/32. held11 24/25 once m5-s08's 两会| tag was re-judged
    # out of the title (round 14 rules); held10's page texts 50/53 once m5-r03's copy-site
    # province label was re-judged out of its title; m5-r12's colon label 分管负责人解读： re-judged
    # out by ruling 5 and taken off by the title code (round 15 injudge and titles).
    parts = judged.run_parts(None)
    assert parts["held8"].fields_right >= 31 and parts["held8"].keep_lost == 0, parts["held8"].notes
    assert parts["held10"].fields_right >= 49 and parts["held10"].junk_left == 0
    assert parts["held11"].fields_right >= 25, parts["held11"].notes
    assert parts["held12"].fields_right >= 26 and parts["held12"].junk_left <= 1
    held13 = parts["held13"]
    assert held13.fields_right >= 45 and held13.junk_left == 0, held13.notes
    assert held13.keep_lost == 0 and held13.errors == 0, held13.notes
    # held14 (judged after all round-6 fixes, first blind run 33/45, 6/28, 0/25); after its
    # classes were fixed (follow-up): 44/45, 0/28, 0/25.
    held14 = parts["held14"]
    assert held14.fields_right >= 44 and held14.junk_left == 0 and held14.keep_lost == 0
    # held15 (judged after the held14 fixes, measured once on round 6's final code: 24/36, 6/36
    # junk left); round 7 fixed its classes: 31/36, 3/36; 32/36 once a 县/市 must be a division.
    held15 = parts["held15"]
    assert held15.fields_right >= 32 and held15.junk_left <= 3 and held15.keep_lost == 0
    # held16 (round 7, first run on main 33/45, 3/14 junk left, 0/31 lost); after its classes
    # were fixed: 43/45, 1/14, 0/31.
    held16 = parts["held16"]
    assert held16.fields_right >= 43 and held16.junk_left <= 1 and held16.keep_lost == 0
    # held17 (round 7, judged after all its fixes, measured once on the final code, no fix after
    # it): 21/34, 1/9 junk left, 0/15 lost; its region class fixed after (a 县/市 candidate must
    # be a known division): 24/34.
    held17 = parts["held17"]
    assert held17.fields_right >= 24 and held17.junk_left <= 1 and held17.keep_lost == 0


@pytest.mark.corpus
def test_judged_sample_with_corpus(corpus_dir: Path) -> None:
    parts = judged.run_parts(corpus_dir)
    tuned, held = parts["tuned"], parts["held"]
    assert sum(p.items for p in parts.values()) == len(judged.load_judged()["items"])
    # Measured in round 3: tuned 93/97 fields; held out 54/56 fields (round 2: 47/56).
    _floors(tuned, 0.95, 1, 1.0)
    _floors(held, 0.95, 1, 0.66)
    _floors(parts["held2"], 0.97, 0, 1.0)  # 102/103 after its first run (86/103 first)
    _floors(parts["held3"], 0.97, 0, 0.9)  # 134/135 after its first run (112/135 first)
    _floors(parts["held4"], 0.93, 1, 1.0)  # 43/46 with the gazetteer (30/46 first)
    _floors(parts["held5"], 0.95, 4, 1.0)  # 44/44 after round 5 (31/44 first)
    _floors(parts["held6"], 0.97, 0, 1.0)  # 76/77 after its fixes (64/77 first)
    _floors(parts["held7"], 0.97, 0, 1.0)  # 35/35 after its fixes (27/35 first)
