#!/usr/bin/env python3
"""Per-query study of the tuning pool's misses: what ranks above the relevant rows, and why.

    python benchmarks/ranking/study.py --work DIR [--all] [QUERY_ID ...]

Reads the indexes ``run.py --work DIR`` built. Prints, for each tuning-pool query (parts
``tune``, ``held4`` ... ``held9``) whose first relevant row is below rank 1 or whose nDCG@10 < 0.8
(every one with ``--all``), the top 10 (grade, score, the score's terms, reasons, the row's
opening) and the best-graded rows that are not in the top 10 (their rank in the top 60). The
held-aside parts (held, held2, held3) are refused: their per-query output is never looked at.
"""

from __future__ import annotations

import argparse
import json
import pickle
from pathlib import Path

import common
from run import GROUPS, metrics

TUNING_POOL = GROUPS["pool"]
"""The tuning pool, as run.py's ``GROUPS`` defines it (round 6: held6-held9 joined it;
round 7: held10-held12; round 8: held13-held15; round 10: held19-held21)."""
SETS = (
    ("", common.JUDGMENTS_FILE),
    *((name, judgments) for name, (_reports, judgments) in common.HELD_SETS.items()),
)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--work", required=True)
    ap.add_argument("--all", action="store_true", help="every tuning-pool query, not only misses")
    ap.add_argument("--part", help="only this tuning-pool part's queries (ids repeat across sets)")
    ap.add_argument("ids", nargs="*")
    args = ap.parse_args()
    from whoosh.index import open_dir

    from reporttui.core.search.search import search

    work = Path(args.work)
    home = work / "home"
    for sub, jfile in SETS:
        folder = work / sub if sub else work
        rows = pickle.loads((folder / "rows.pkl").read_bytes())
        resolve = common.resolver(rows)
        text_of = {
            f"{rel}#{common.anchor_of(r)}": r["text"] for rel, rs in rows.items() for r in rs
        }
        queries = [q for q in json.loads(jfile.read_text("utf-8"))["queries"]]
        aside = [
            q["id"]
            for q in queries
            if q["part"] not in TUNING_POOL and q["id"] in args.ids and not args.part
        ]
        if aside:
            print(f"refused (held aside, never looked at per query): {' '.join(aside)}")
        queries = [q for q in queries if q["part"] in TUNING_POOL]
        if args.part:
            queries = [q for q in queries if q["part"] == args.part]
        if args.ids:
            queries = [q for q in queries if q["id"] in args.ids]
        if not queries:
            continue
        ix = open_dir(str(folder / "rt"))
        with ix.searcher() as searcher:
            for q in queries:
                grades = common.grades_of(q, resolve)
                res = search(searcher, q["query"], limit=20, home=home)
                keys = [
                    f"{h.path}#{common.anchor_of({'paragraph': h.paragraph, 'section_id': h.section_id})}"
                    for h in res.hits
                ]
                m = metrics(keys[:10], grades)
                if not args.all and not args.ids and m["mrr"] >= 1 and m["ndcg"] >= 0.8:
                    continue
                print(
                    f"=== {q['id']} {q['part']} {q['kind']} {q['query']!r}  "
                    f"MRR {m['mrr']:.2f} nDCG {m['ndcg']:.2f} P@5 {m['p5']:.2f}"
                )
                for i, (h, k) in enumerate(zip(res.hits[:10], keys, strict=False), 1):
                    g = grades.get(k, "-")
                    print(
                        f" {i:2} g{g} {h.score:5.2f} {h.path.split('/')[-2]}/{h.year} "
                        f"{h.text[:70]!r}"
                    )
                    print(
                        f"         {h.signals} | {', '.join(h.reasons)} | sec {'>'.join(h.section_path)[-40:]!r}"
                    )
                top = max(grades.values(), default=0)
                wide = search(searcher, q["query"], limit=60, home=home)
                wkeys = [
                    f"{h.path}#{common.anchor_of({'paragraph': h.paragraph, 'section_id': h.section_id})}"
                    for h in wide.hits
                ]
                for k, g in sorted(grades.items(), key=lambda x: -x[1]):
                    if g < max(top, 1) or k in keys[:10]:
                        continue
                    if k in wkeys:
                        h = wide.hits[wkeys.index(k)]
                        print(
                            f"  miss g{g} rank {wkeys.index(k) + 1} {h.score:5.2f} {h.text[:70]!r}"
                        )
                        print(
                            f"         {h.signals} | {', '.join(h.reasons)} | sec {'>'.join(h.section_path)[-40:]!r}"
                        )
                    else:
                        print(f"  miss g{g} not in top 60: {text_of.get(k, '?')[:70]!r}")


if __name__ == "__main__":
    main()
