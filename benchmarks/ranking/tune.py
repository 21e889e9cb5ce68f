#!/usr/bin/env python3
"""Fit the ranking weights on the tuning part only (coordinate search; prints the best found).

    python benchmarks/ranking/tune.py --work DIR   (the --work folder of run.py, built once)

The held-aside part is never evaluated here. Objective: mean of MRR@10 and nDCG@10.
"""

from __future__ import annotations

import argparse
import pickle
import statistics
from pathlib import Path

import common
from run import metrics


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--work", required=True)
    ap.add_argument("--rounds", type=int, default=2)
    args = ap.parse_args()
    from whoosh.index import open_dir

    from reporttui.core.search import ranking

    work = Path(args.work)
    home = work / "home"
    rows = pickle.loads((work / "rows.pkl").read_bytes())
    resolve = common.resolver(rows)
    queries = [q for q in common.load_judgments()["queries"] if q["part"] == "tune"]
    grades = []
    for q in queries:
        g: dict[str, int] = {}
        for ref in q["judgments"]:
            key = resolve(ref)
            if key is not None:
                g[key] = max(g.get(key, 0), ref["grade"])
        grades.append(g)
    ix = open_dir(str(work / "rt"))
    with ix.searcher() as searcher:

        def objective() -> float:
            ms = [
                metrics(common.reporttui_search(searcher, q["query"], home, 20)[:10], g)
                for q, g in zip(queries, grades, strict=False)
            ]
            return (
                statistics.fmean(m["mrr"] for m in ms) + statistics.fmean(m["ndcg"] for m in ms)
            ) / 2

        best = objective()
        print(f"start {best:.4f} {ranking.WEIGHTS} B={ranking.B}")
        for _ in range(args.rounds):
            for name in [*list(ranking.WEIGHTS), "B"]:
                current = ranking.B if name == "B" else ranking.WEIGHTS[name]
                steps = (
                    [0.25, 0.5, 0.75, 0.9]
                    if name == "B"
                    else [current + d for d in (-0.3, -0.15, 0.15, 0.3)]
                )
                for value in steps:
                    if name == "B":
                        ranking.B = value
                    else:
                        ranking.WEIGHTS[name] = value
                    score = objective()
                    if score > best + 0.003:  # ignore noise-level gains (33 queries)
                        best, current = score, value
                        print(f"  {name}={value:.2f} -> {best:.4f}")
                if name == "B":
                    ranking.B = current
                else:
                    ranking.WEIGHTS[name] = current
        print(f"best {best:.4f}")
        print({k: round(v, 2) for k, v in ranking.WEIGHTS.items()}, "B =", ranking.B)


if __name__ == "__main__":
    main()
