#!/usr/bin/env python3
"""Literal-first, measured (round 7 follow-up): rows found only through a synonym vs literal rows.

    python benchmarks/ranking/literal.py --work DIR [--limit 100]

Over the ``--work`` indexes of run.py: for every query that widens (some hit matches only through
a synonym), counts the grade-2 synonym-only rows that rank below a grade-0 literal row (same
report / another report), then re-orders each query's first ``--limit`` hits under alternative
rules and prints MRR@10 / nDCG@10 / P@5 for the pool and, as one aggregate, the aside:

* ``global``: today's rule (``synonym`` -10: every literal row of every report first);
* ``flat W``: a synonym-only row's score is its literal-equivalent score + W (no tiers);
* ``report W``: literal first within the same report (a synonym-only row never above a literal
  row of its own report) and + W against other reports' rows.
"""

from __future__ import annotations

import argparse
import json
import pickle
from pathlib import Path
from typing import Any

import common
from run import GROUPS, metrics
from study import SETS

SYN = "synonym -10.00"


def reorder(hits: list[tuple[str, str, float, bool]], rule: str, w: float) -> list[str]:
    """Keys of ``hits`` (key, report, score, synonym-only) re-ranked under ``rule``."""
    if rule == "global":
        return [k for k, _, _, _ in hits]
    floor: dict[str, float] = {}
    for _, rep, s, syn in hits:
        if not syn:
            floor[rep] = min(floor.get(rep, s), s)
    scored = []
    for i, (k, rep, s, syn) in enumerate(hits):
        if syn:
            s = s + 10.0 + w
            if rule == "report" and rep in floor:
                s = min(s, floor[rep] - 1e-6)
        scored.append((-s, i, k))
    return [k for _, _, k in sorted(scored)]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--work", required=True)
    ap.add_argument("--limit", type=int, default=100)
    args = ap.parse_args()
    from whoosh.index import open_dir

    from reporttui.core.search.search import search

    work = Path(args.work)
    home = work / "home"
    rules = [("global", 0.0)] + [("flat", w) for w in (-0.5, -1.0, -2.0, -3.0)]
    rules += [("report", w) for w in (0.0, -0.5, -1.0, -2.0, -3.0)]
    out: dict[str, dict[str, list[dict[str, float]]]] = {"pool": {}, "aside": {}}
    counts = {"pool": [0, 0, 0, 0, 0], "aside": [0, 0, 0, 0, 0]}
    widened: list[str] = []
    per_query: list[str] = []
    for sub, jfile in SETS:
        folder = work / sub if sub else work
        rows = pickle.loads((folder / "rows.pkl").read_bytes())
        resolve = common.resolver(rows)
        queries = json.loads(jfile.read_text("utf-8"))["queries"]
        ix = open_dir(str(folder / "rt"))
        with ix.searcher() as searcher:
            for q in queries:
                group = next((g for g in ("pool", "aside") if q["part"] in GROUPS[g]), None)
                if group is None:
                    continue
                grades = common.grades_of(q, resolve)
                res = search(searcher, q["query"], limit=args.limit, home=home)
                hits = [
                    (
                        f"{h.path}#{common.anchor_of({'paragraph': h.paragraph, 'section_id': h.section_id})}",
                        h.path,
                        h.score,
                        SYN in h.signals,
                    )
                    for h in res.hits
                ]
                if any(s for *_, s in hits) and group == "pool":
                    widened.append(f"{q['part']}/{q['id']} {q['query']}")
                c = counts[group]
                for i, (k, rep, _, syn) in enumerate(hits):
                    if not syn or grades.get(k) != 2:
                        continue
                    c[0] += 1  # grade-2 synonym-only rows returned
                    above = [r for k2, r, _, s2 in hits[:i] if not s2 and grades.get(k2) == 0]
                    if above:
                        c[1] += 1  # ... below some grade-0 literal row
                        c[2] += any(r == rep for r in above)  # one of its own report
                        c[3] += any(r != rep for r in above)  # one of another report
                    c[4] += i < 10  # ... in the top 10 today
                shown = []
                for rule, w in rules:
                    keys = reorder(hits, rule, w)[:10]
                    if group == "pool" and any(x for *_, x in hits) and rule != "flat":
                        mm = metrics(keys, grades)
                        new = [k for k in keys if k not in grades]
                        shown.append(
                            f"{rule}{w:+.1f} {mm['mrr']:.2f}/{mm['ndcg']:.2f}{'*' * len(new)}"
                        )
                    m = dict(metrics(keys, grades), unjudged=sum(k not in grades for k in keys))
                    out[group].setdefault(f"{rule} {w:+.1f}", []).append(m)
                if shown:
                    per_query.append(f"{q['part']}/{q['id']} {q['query']}: " + "  ".join(shown))
    for line in per_query:
        print(line)
    print(f"pool queries that widen (a synonym-only hit in the first {args.limit}): {len(widened)}")
    for g in ("pool", "aside"):
        c = counts[g]
        print(
            f"{g}: grade-2 synonym-only rows returned {c[0]}; below a grade-0 literal row {c[1]} "
            f"(of the same report {c[2]}, of another report {c[3]}); in today's top 10 {c[4]}"
        )
    print(f"{'rule':14} {'pool MRR/nDCG/P@5 (unjudged)':34} aside MRR/nDCG/P@5 (unjudged)")
    for name in out["pool"]:
        line = f"{name:14}"
        for g in ("pool", "aside"):
            ms = out[g][name]
            avg = [sum(m[x] for m in ms) / len(ms) for x in ("mrr", "ndcg", "p5")]
            unj = sum(int(m["unjudged"]) for m in ms)
            line += f" {avg[0]:.3f} / {avg[1]:.3f} / {avg[2]:.3f} ({unj:2})        "
        print(line)


if __name__ == "__main__":
    main()
