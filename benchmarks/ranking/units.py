#!/usr/bin/env python3
"""Grades of the tuning pool's rows by co-occurrence unit and list-item lead (round 6, measurement).

    python benchmarks/ranking/units.py --work DIR

Reads the indexes ``run.py --work DIR`` built. For each tuning-pool query (parts ``tune``,
``held4`` ... ``held9``; the held-aside parts are never read) it takes reporttui's top 30 and,
over the judged body rows among them, counts the mean grade by:

* several text words (a region word a metadata query names is left out): how many sentences
  (to 。；！？) hold every word, how many clauses (also to ，：) do, how often the words occur
  together as one compound in the query's order; each split by how many of the words the row's
  lead clause holds (``L0`` none, ``Lpart`` some, ``Lall`` all), the signal already scored;
* every query: list paragraphs (two or more item marks: 一是, 1., （一）, 第一，, ①) by whether a
  word is in the paragraph's lead, in an item's lead clause, only inside an item, or only before
  the first item, next to the rows that are not list paragraphs.

This is how round 6 decided whether a co-occurrence or list-item term could separate the grades
before one was scored (misses_r6.md, "Follow-up").
"""

from __future__ import annotations

import argparse
import collections
import json
import pickle
import re
from pathlib import Path

import common
from study import SETS, TUNING_POOL

TOP = 30
_SENTENCE = re.compile("[。；！？!?;]")
_CLAUSE = re.compile("[。；！？!?;，,：:]")
_ITEM = re.compile(
    r"(?:^|(?<=[。；：:！？，,]))(?:\d{1,2}[.．、]|[（(][一二三四五六七八九十\d]{1,3}[）)]|"
    r"[一二三四五六七八九十]是|第[一二三四五六七八九十][，,是]|[①②③④⑤⑥⑦⑧⑨⑩])"
)


def _words(query: str, metadata_query: bool) -> list[str]:
    """The query's text words (filters dropped; a metadata query's leading region word too)."""
    ws = [w for w in query.split() if ":" not in w]
    return ws[1:] if metadata_query and len(ws) > 1 else ws


def _lead_class(lead: str, ws: list[str]) -> str:
    n = sum(w in lead for w in ws)
    return "L0" if n == 0 else ("Lall" if n == len(ws) else "Lpart")


def _list_class(t: str, lead: str, ws: list[str]) -> str:
    starts = [m.start() for m in _ITEM.finditer(t)]
    if len(starts) < 2:
        return "not a list, word in lead" if any(w in lead for w in ws) else "not a list"
    heads, bodies = [], []
    for a, b in zip(starts, [*starts[1:], len(t)], strict=True):
        m = _CLAUSE.search(t, a + 3, b)
        heads.append(t[a : m.end() if m else b])
        bodies.append(t[a:b])
    para = "list, word in lead" if any(w in lead for w in ws) else "list"
    if any(w in h for h in heads for w in ws):
        return f"{para}, in an item's lead"
    if any(w in s for s in bodies for w in ws):
        return f"{para}, inside an item only"
    return f"{para}, before the items only"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--work", required=True)
    args = ap.parse_args()
    from whoosh.index import open_dir

    from reporttui.core.search.ranking import lead_end
    from reporttui.core.search.search import search

    work = Path(args.work)
    home = work / "home"
    stat: dict[tuple[str, str, str], list[int]] = collections.defaultdict(list)
    for sub, jfile in SETS:
        folder = work / sub if sub else work
        queries = [
            q for q in json.loads(jfile.read_text("utf-8"))["queries"] if q["part"] in TUNING_POOL
        ]
        if not queries:
            continue
        resolve = common.resolver(pickle.loads((folder / "rows.pkl").read_bytes()))
        with open_dir(str(folder / "rt")).searcher() as searcher:
            for q in queries:
                grades = common.grades_of(q, resolve)
                ws = _words(q["query"], q["kind"] == "meta")
                for h in search(searcher, q["query"], limit=TOP, home=home).hits:
                    anchor = common.anchor_of(
                        {"paragraph": h.paragraph, "section_id": h.section_id}
                    )
                    g = grades.get(f"{h.path}#{anchor}")
                    if g is None or "heading" in h.reasons:
                        continue
                    t = "".join(h.text.split())
                    lead = "".join(h.text[: lead_end(h.text)].split())
                    stat[("list paragraphs", "every query", _list_class(t, lead, ws))].append(g)
                    if len(ws) < 2:
                        continue
                    lc = _lead_class(lead, ws)
                    sent = sum(all(w in s for w in ws) for s in _SENTENCE.split(t))
                    clause = sum(all(w in c for w in ws) for c in _CLAUSE.split(t))
                    compound = t.count("".join(ws))
                    stat[("sentences holding every word", lc, str(min(sent, 2)))].append(g)
                    stat[("clauses holding every word", lc, str(min(clause, 2)))].append(g)
                    stat[("the words as one compound", lc, str(min(compound, 2)))].append(g)
    print(f"{'unit':30} {'lead':12} {'value':38} {'rows':>5} {'mean':>5}  grades 0/1/2")
    for k in sorted(stat):
        v = stat[k]
        c = collections.Counter(v)
        print(
            f"{k[0]:30} {k[1]:12} {k[2] + (' (2 = 2 or more)' if k[2] == '2' else ''):38} "
            f"{len(v):5} {sum(v) / len(v):5.2f}  {c[0]}/{c[1]}/{c[2]}"
        )


if __name__ == "__main__":
    main()
