#!/usr/bin/env python3
"""The tuning pool's grade-2 rows that search never returns or ranks below 10, by class.

    python benchmarks/ranking/misses.py --work DIR [--show] [--limit N]

Reads the indexes ``run.py --work DIR`` built. For every tuning-pool query (parts tune,
held4-held12; the aside parts held, held2, held3 are never read), runs the search with a limit
of N (default 5,000) and sorts each grade-2 row that is not in the top 10 into a class:

- ``ranked``: returned, below rank 10 (a ranking matter: every query word is in the row);
- ``missing word``: never returned, some text word of the query is not in the row (the row
  words the topic differently: the query-understanding class), split by what the row holds of
  the missing word (its last two characters, the head noun of an indicator; its characters in
  order with others between them, an abbreviation's full form; none of it);
- ``other``: never returned although every word is in the row (a filter or the tokenizer).

``--show`` prints each missed row's query, class and the first 80 characters of the row (for
reading on this machine; the text is never committed).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

import common

POOL = ("tune", "held4", "held5", "held6", "held7", "held8", "held9", "held10", "held11", "held12")
"""The tuning pool of round 7: tune + held4 ... held12."""


def in_order(word: str, text: str, gap: int = 4) -> bool:
    """Whether the characters of ``word`` are in ``text`` in order, at most ``gap`` apart
    (中部崛起 in 中部地区崛起), and not as the word itself."""
    if len(word) < 2 or word in text:
        return False
    pattern = f".{{0,{gap}}}".join(re.escape(c) for c in word)
    return re.search(pattern, text) is not None


def classify(word: str, text: str) -> str:
    """The sub-class of a row that lacks the query word ``word``."""
    if in_order(word, text):
        return "chars in order (inserted characters)"
    if len(word) >= 3 and word[-2:] in text:
        return "same head (last two characters)"
    if len(word) >= 3 and word[:2] in text:
        return "same modifier (first two characters)"
    return "none of it"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--work", required=True)
    ap.add_argument("--show", action="store_true")
    ap.add_argument("--limit", type=int, default=5000)
    args = ap.parse_args()
    from whoosh.index import open_dir

    from reporttui.core.search.search import search

    work = Path(args.work)
    home = work / "home"
    classes: Counter[str] = Counter()
    graded2 = 0
    for queries, folder, _rows, resolve, texts in common.pool_sets(work, POOL):
        text_of = dict(texts)
        ix = open_dir(str(folder / "rt"))
        with ix.searcher() as s:
            for q in queries:
                grades = common.grades_of(q, resolve)
                res = search(s, q["query"], limit=args.limit, home=home)
                ranked = [
                    f"{h.path}#{common.anchor_of({'paragraph': h.paragraph, 'section_id': h.section_id})}"
                    for h in res.hits
                ]
                rank = {k: i + 1 for i, k in enumerate(ranked)}
                words = [w for w in q["query"].split() if ":" not in w and not w.startswith("-")]
                for key, g in grades.items():
                    if g != 2:
                        continue
                    graded2 += 1
                    at = rank.get(key)
                    if at is not None and at <= 10:
                        continue
                    text = text_of.get(key, "")
                    lacking = [w for w in words if w not in text]
                    if at is not None:
                        cls = "ranked below 10"
                    elif lacking:
                        cls = "missing word: " + classify(lacking[0], text)
                    else:
                        cls = "other (every word there)"
                    classes[cls] += 1
                    if args.show:
                        print(
                            f"{q['id']}\t{q['query']}\t{at or '-'}\t{cls}\t{'/'.join(lacking)}\t{text[:80]}"
                        )
    print(f"grade-2 rows in the pool: {graded2}", file=sys.stderr)
    for cls, n in sorted(classes.items(), key=lambda kv: -kv[1]):
        print(f"{n:5}  {cls}", file=sys.stderr)


if __name__ == "__main__":
    main()
