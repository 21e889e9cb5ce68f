#!/usr/bin/env python3
"""The tuning pool's judged rows that search never returns, and what the reworded forms add.

    python benchmarks/ranking/reworded.py --work DIR [--near GAP] [--per-query]

Reads the indexes ``run.py --work DIR`` built. For every tuning-pool query (parts tune,
held4-held9; the aside parts are never read), runs the search with a limit of 5,000 twice: with
the generated table (``core/data/reworded.txt``: indicator wordings, one-way longer forms) and
without it (the hand synonym table alone; ``--only`` keeps one kind of the table). Prints how many graded rows were not returned without
it, how many the table adds by grade (2, 1, 0, unjudged), and whether every row found without it
keeps its order. ``--near GAP`` also counts a clause-level NEAR tier over what is still not
returned: rows holding every jieba word of a one-word query in order within one clause, at most
GAP characters between neighbours.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from typing import Any

import common

POOL = ("tune", "held4", "held5", "held6", "held7", "held8", "held9", "held10", "held11", "held12")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--work", required=True)
    ap.add_argument("--near", type=int, help="also count a NEAR tier with this gap")
    ap.add_argument("--per-query", action="store_true")
    ap.add_argument(
        "--only",
        choices=("indicators", "longer"),
        help="use one kind of the generated table (= groups or > longer forms)",
    )
    args = ap.parse_args()
    from whoosh.index import open_dir

    from reporttui.core.search import synonyms
    from reporttui.core.search.search import search

    work = Path(args.work)
    home = work / "home"
    whole = synonyms.variants

    def full(h: Any = None) -> Any:
        groups, longer = whole(h)
        if args.only == "indicators":
            return groups, {}
        if args.only == "longer":
            return {}, longer
        return groups, longer

    def hand(h: Any = None) -> Any:
        return (synonyms.table(h), {})

    tot = {
        "graded2": 0,
        "missed2": 0,
        "g2": 0,
        "g1": 0,
        "g0": 0,
        "unjudged": 0,
        "reordered": 0,
        "new_before_old": 0,
    }
    near = {"g2": 0, "g1": 0, "g0": 0, "unjudged": 0}
    cut: Any = None
    for queries, folder, _rows, resolve, texts in common.pool_sets(work, POOL):
        ix = open_dir(str(folder / "rt"))
        with ix.searcher() as s:
            for q in queries:
                grades = common.grades_of(q, resolve)

                def keys(res: Any) -> list[str]:
                    return [
                        f"{h.path}#{common.anchor_of({'paragraph': h.paragraph, 'section_id': h.section_id})}"
                        for h in res.hits
                    ]

                synonyms.variants = hand  # type: ignore[assignment]
                try:
                    before = keys(search(s, q["query"], limit=5000, home=home))
                finally:
                    synonyms.variants = full  # type: ignore[assignment]
                try:
                    after = keys(search(s, q["query"], limit=5000, home=home))
                finally:
                    synonyms.variants = whole  # type: ignore[assignment]
                old = set(before)
                added = [k for k in after if k not in old]
                tot["graded2"] += sum(1 for g in grades.values() if g == 2)
                tot["missed2"] += sum(1 for k, g in grades.items() if g == 2 and k not in old)
                n = {"g2": 0, "g1": 0, "g0": 0, "unjudged": 0}
                for k in added:
                    n["unjudged" if k not in grades else f"g{grades[k]}"] += 1
                for k, v in n.items():
                    tot[k] += v
                if [k for k in after if k in old] != before:
                    tot["reordered"] += 1
                if after[: len(before)] != before:
                    tot["new_before_old"] += 1
                    if args.per_query:
                        at = next(
                            i for i, (x, y) in enumerate(zip(before, after, strict=False)) if x != y
                        )
                        print(f"{q['id']} {q['query']}: an added row at {at + 1} of {len(before)}")
                if args.per_query and added:
                    print(f"{q['id']} {q['query']}: +{len(added)} {n}")
                words = [w for w in q["query"].split() if ":" not in w and not w.startswith("-")]
                if args.near is None or len(words) != 1:
                    continue
                if cut is None:
                    import logging

                    import jieba

                    from reporttui.core.index import dictionary

                    jieba.setLogLevel(logging.WARNING)
                    dictionary.prepare_jieba(None)
                    cut = jieba.lcut
                ws = [w for w in cut(words[0]) if w.strip()]
                if len(ws) < 2:
                    continue
                gap = f"[\u4e00-\u9fff]{{0,{args.near}}}?"
                pat = re.compile(gap.join(re.escape(w) for w in ws))
                got = set(after)
                for k, t in texts:
                    if k not in got and pat.search(t):
                        near["unjudged" if k not in grades else f"g{grades[k]}"] += 1
    print(
        f"pool: {tot['graded2']} rows graded 2, {tot['missed2']} never returned without the "
        f"generated table; it adds grade 2: {tot['g2']}, grade 1: {tot['g1']}, grade 0: "
        f"{tot['g0']}, unjudged: {tot['unjudged']}; queries whose earlier rows moved: "
        f"{tot['reordered']}; queries where an added row comes before one of them: "
        f"{tot['new_before_old']}"
    )
    if args.near is not None:
        print(f"NEAR (gap {args.near}) over what is still not returned: {near}")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
