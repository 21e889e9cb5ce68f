#!/usr/bin/env python3
"""Fit the ranking weights on the tuning part only (coordinate search; prints the best found).

    python benchmarks/ranking/tune.py --work DIR   (the --work folder of run.py, built once)

The held-aside parts (held, held2) are never evaluated here. Objective: mean of MRR@10 and
nDCG@10. Regularised: a coarse grid (each weight moved by a half or a whole ``--step``, never
``synonym``, which only keeps literal rows first) and a change is kept only when it gains at
least ``--min-gain`` (default 0.01, about one query of 33 moving its first good row up one rank).
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
    ap.add_argument("--rounds", type=int, default=1)
    ap.add_argument("--step", type=float, default=0.3)
    ap.add_argument("--min-gain", type=float, default=0.01)
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
        print(f"start {best:.4f} {ranking.WEIGHTS}")
        for _ in range(args.rounds):
            for name in [k for k in ranking.WEIGHTS if k != "synonym"]:
                current = ranking.WEIGHTS[name]
                steps = [current + d * args.step for d in (-1.0, -0.5, 0.5, 1.0)]
                for value in steps:
                    ranking.WEIGHTS[name] = value
                    score = objective()
                    if score > best + args.min_gain:  # ignore noise-level gains (33 queries)
                        best, current = score, value
                        print(f"  {name}={value:.2f} -> {best:.4f}")
                ranking.WEIGHTS[name] = current
        print(f"best {best:.4f}")
        print({k: round(v, 2) for k, v in ranking.WEIGHTS.items()})


if __name__ == "__main__":
    main()
