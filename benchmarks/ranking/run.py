#!/usr/bin/env python3
"""Ranking quality of reporttui next to a stock Whoosh + jieba BM25F baseline, on the judged set.

    python benchmarks/ranking/run.py [--corpus DIR] [--work DIR] [--json] [--per-query]

Builds, in a temporary library home, reporttui's index of the benchmark's reports (the library's
own rows and schema) and a stock baseline (Whoosh's default BM25F over jieba's bundled
``ChineseAnalyzer``, one document per row, query words AND-ed), runs every judged query through
both and prints MRR@10, nDCG@10 and P@5 for the tuning part and the three held-aside parts (``held``,
graded in rounds 1-2; ``held2``, written and graded blind in round 3; ``held3``, written and graded
blind in round 4 over 42 reports of its own, ``reports_held3.txt``, with a second pair of indexes;
``held4``, the same over 36 more reports, ``reports_held4.txt``; ``held5``, 10 queries over 24 more,
``reports_held5.txt``; ``held6``-``held8``, round 5's blind sets, ``reports_held6.txt`` to
``reports_held8.txt``) separately: every set of ``common.HELD_SETS``.

Metrics (grades from judgments.json; unjudged rows count 0):
* MRR@10: reciprocal rank of the first row graded 2 (for a query with no row graded 2, the first
  row graded 1) in the top 10.
* nDCG@10: gain 2^grade - 1; the ideal ordering is over every judged row of the query.
* P@5: share of the top 5 graded 1 or 2.

A ranking change can put rows nobody judged into the top 10; they count 0, which makes any change
look worse than it is. The script says how many there are per part: grade them (pool.py) before
comparing two rankings.
"""

from __future__ import annotations

import argparse
import json
import math
import pickle
import shutil
import statistics
import tempfile
from pathlib import Path
from typing import Any

import common

PARTS = ("tune", "held", "held2", "held3", "held4", "held5", "pool", "aside", "all")
"""The judged sets' parts: tuned on, held aside (round 1-2), the blind second held set (round 3),
the blind third to fifth held sets over reports of their own (round 4, judgments_held3.json,
judgments_held4.json, judgments_held5.json). From round 5 held4 and held5 are tuned on: ``pool``
is the tuning pool (tune + held4 + held5), ``aside`` the parts still held aside (held, held2,
held3), looked at only as this aggregate while changing the ranking."""
GROUPS = {"pool": ("tune", "held4", "held5"), "aside": ("held", "held2", "held3")}

PARTS = (*PARTS[:-1], "held6", "held7", "held8", "all")
"""Round 5's blind sets over reports of their own (judge: held6-held8), each run like held3-5."""
PARTS = (*PARTS[:-1], "held9", "all")
"""Round 5's last blind set (judge, measuring the final ranking), run like held6-8."""
PARTS = (*PARTS[:-1], "pool5", "all")
GROUPS["pool5"] = GROUPS["pool"]
GROUPS["pool"] = ("tune", "held4", "held5", "held6", "held7", "held8", "held9")
"""From round 6 held6-held9 (measured blind in round 5, figures recorded) are tuned on too: ``pool``
is tune + held4 ... held9 (125 queries); ``pool5`` keeps round 5's membership (tune + held4 +
held5) so that round's figure stays reproducible. ``aside`` is unchanged (held, held2, held3)."""


def metrics(ranked: list[str], grades: dict[str, int]) -> dict[str, float]:
    top = max(grades.values(), default=0)
    if top == 0:
        return {"mrr": 0.0, "ndcg": 0.0, "p5": 0.0}
    mrr = 0.0
    for i, key in enumerate(ranked[:10], 1):
        if grades.get(key, 0) >= top:
            mrr = 1 / i
            break
    dcg = sum((2 ** grades.get(k, 0) - 1) / math.log2(i + 1) for i, k in enumerate(ranked[:10], 1))
    ideal = sorted(grades.values(), reverse=True)[:10]
    idcg = sum((2**g - 1) / math.log2(i + 1) for i, g in enumerate(ideal, 1))
    p5 = sum(1 for k in ranked[:5] if grades.get(k, 0) >= 1) / 5
    return {"mrr": mrr, "ndcg": dcg / idcg if idcg else 0.0, "p5": p5}


def evaluate(
    args: argparse.Namespace, work: Path, home: Path, reports: Path, judgments_file: Path
) -> tuple[int, list[dict[str, Any]]]:
    """Both systems on one judged set over its own reports: (unresolved references, per query)."""
    cache = work / "rows.pkl"
    if args.work and cache.exists():
        rows = pickle.loads(cache.read_bytes())
    else:
        _, rows = common.load_rows(common.corpus_root(args.corpus, reports), home, reports)
        cache.write_bytes(pickle.dumps(rows))
    from whoosh.index import exists_in, open_dir

    if not (args.work and exists_in(str(work / "rt"))):
        shutil.rmtree(work / "rt", ignore_errors=True)
        common.build_reporttui(rows, work / "rt")
    if not (args.work and exists_in(str(work / "bl"))):
        shutil.rmtree(work / "bl", ignore_errors=True)
        common.build_baseline(rows, work / "bl")
    rt, bl = open_dir(str(work / "rt")), open_dir(str(work / "bl"))
    resolve = common.resolver(rows)
    judged = json.loads(judgments_file.read_text("utf-8"))
    unresolved = 0
    per_query: list[dict[str, Any]] = []
    with rt.searcher() as searcher:
        for q in judged["queries"]:
            grades: dict[str, int] = {}
            for ref in q["judgments"]:
                key = resolve(ref)
                if key is None:
                    unresolved += 1
                    continue
                grades[key] = max(grades.get(key, 0), ref["grade"])
            ours = common.reporttui_search(searcher, q["query"], home, 20)[:10]  # the CLI default
            base = common.baseline_search(bl, q["query"], 10)
            per_query.append(
                {
                    "id": q["id"],
                    "query": q["query"],
                    "part": q["part"],
                    "kind": q["kind"],
                    "reporttui": metrics(ours, grades),
                    "unjudged": sum(1 for k in ours if k not in grades),
                    "unjudged_keys": [k for k in ours if k not in grades],
                    "baseline": metrics(base, grades),
                }
            )
    return unresolved, per_query


PARTS = (*PARTS[:-1], "held10", "held11", "held12", "all")
"""Round 6's blind sets (judge: held10-held12, over reports of their own), run like held6-9."""
PARTS = (*PARTS[:-1], "held16", "held17", "held18", "all")
"""Round 8's blind sets (judge: held16-held18, over reports of their own), run like held13-15
(listed here, apart from round 7's lines below, so that the round-8 pool edit merges cleanly)."""
PARTS = (*PARTS[:-1], "held19", "held20", "held21", "all")
"""Round 9's blind sets (judge: held19-held21, over reports of their own), run like held16-18."""
PARTS = (*PARTS[:-1], "held23", "all")
"""Round 10's blind set held23 (queries written in round 10, graded by judge23 in round 11)."""
PARTS = (*PARTS[:-1], "held22", "all")
"""Round 11's blind set held22 (judge22; written in round 10, graded in round 11), run like held19-21."""
PARTS = (*PARTS[:-1], "pool6", "all")
GROUPS["pool6"] = GROUPS["pool"]
GROUPS["pool"] = (*GROUPS["pool6"], "held10", "held11", "held12")
"""From round 7 held10-held12 (measured blind in round 6, figures recorded) are tuned on too:
``pool`` is tune + held4 ... held12 (181 queries); ``pool6`` keeps round 6's 125 so that round's
figure stays reproducible. ``aside`` is unchanged (held, held2, held3)."""
PARTS = (*PARTS[:-1], "held13", "held14", "held15", "all")
"""Round 7's blind sets (judge: held13-held15, over reports of their own), run like held10-12."""
PARTS = (*PARTS[:-1], "pool7", "all")
GROUPS["pool7"] = GROUPS["pool"]
GROUPS["pool"] = (*GROUPS["pool7"], "held13", "held14", "held15")
"""From round 8 held13-held15 (measured blind in round 7, figures recorded) are tuned on too:
``pool`` is tune + held4 ... held15 (250 queries); ``pool7`` keeps round 7's 181 so that round's
figure stays reproducible. ``aside`` is unchanged (held, held2, held3)."""
PARTS = (*PARTS[:-1], "pool8", "all")
GROUPS["pool8"] = GROUPS["pool"]
GROUPS["pool"] = (*GROUPS["pool8"], "held16", "held17", "held18")
"""From round 9 held16-held18 (measured blind in round 8, figures recorded) are tuned on too:
``pool`` is tune + held4 ... held18 (317 queries); ``pool8`` keeps round 8's 250 so that round's
figure stays reproducible. ``aside`` is unchanged (held, held2, held3)."""
PARTS = (*PARTS[:-1], "pool9", "all")
GROUPS["pool9"] = GROUPS["pool"]
GROUPS["pool"] = (*GROUPS["pool9"], "held19", "held20", "held21")
"""From round 10 held19-held21 (measured blind in round 9, figures recorded) are tuned on too:
``pool`` is tune + held4 ... held21 (389 queries); ``pool9`` keeps round 9's 317 so that round's
figure stays reproducible. ``aside`` is unchanged (held, held2, held3)."""

PARTS = (*PARTS[:-1], "held24", "all")
"""Round 11's blind set held24 (judge24: over reports of its own), run like held19-21."""
PARTS = (*PARTS[:-1], "held26", "all")
"""Round 12's blind set held26 (judge26: over reports of its own), run like held19-24."""

PARTS = (*PARTS[:-1], "held25", "all")
"""Round 12's blind set held25 (judge25: over reports of its own), run like held24."""
PARTS = (*PARTS[:-1], "pool11", "all")
GROUPS["pool11"] = GROUPS["pool"]
GROUPS["pool"] = (*GROUPS["pool11"], "held22", "held23", "held24")
"""From round 12 held22-held24 (measured blind in round 11, figures recorded) are tuned on too:
``pool`` is tune + held4 ... held24 (461 queries); ``pool11`` keeps round 11's 389 so that round's
figure stays reproducible. ``aside`` is unchanged (held, held2, held3)."""
PARTS = (*PARTS[:-1], "held27", "all")
"""Round 16's blind set held27 (rankjudge: over reports of its own), run like held26."""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", help="the unpacked corpus (default: /tmp/corpus or the tarball)")
    ap.add_argument("--work", help="keep the indexes here and reuse them (default: a temp dir)")
    ap.add_argument("--json", action="store_true", help="print one JSON object")
    ap.add_argument("--per-query", action="store_true", help="also print each query's figures")
    ap.add_argument(
        "--part",
        choices=PARTS,
        default="all",
        help="which part's queries --per-query prints (tune while tuning)",
    )
    args = ap.parse_args()
    work = Path(args.work) if args.work else Path(tempfile.mkdtemp(prefix="ranking-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    home = work / "home"
    home.mkdir(exist_ok=True)
    unresolved = 0
    per_query: list[dict[str, Any]] = []
    try:
        sets = [("", common.REPORTS_FILE, common.JUDGMENTS_FILE)]
        sets += [(name, r, j) for name, (r, j) in common.HELD_SETS.items()]
        for sub, reports, judgments_file in sets:
            folder = work / sub if sub else work
            folder.mkdir(parents=True, exist_ok=True)
            n, pq = evaluate(args, folder, home, reports, judgments_file)
            unresolved += n
            per_query += pq
    finally:
        if not args.work:
            shutil.rmtree(work, ignore_errors=True)
    summary: dict[str, Any] = {"unresolved_references": unresolved}
    for part in PARTS:
        qs = [
            p
            for p in per_query
            if part == "all" or p["part"] == part or p["part"] in GROUPS.get(part, ())
        ]
        summary[part] = {
            system: {
                m: round(statistics.fmean(p[system][m] for p in qs), 3)
                for m in ("mrr", "ndcg", "p5")
            }
            for system in ("reporttui", "baseline")
        }
        summary[part]["queries"] = len(qs)
        summary[part]["unjudged_in_top10"] = sum(p["unjudged"] for p in qs)
    if args.json:
        out = dict(summary)
        if args.per_query:
            out["per_query"] = per_query
        print(json.dumps(out, ensure_ascii=False))
        return
    if args.per_query:
        for p in per_query:
            if args.part != "all" and p["part"] not in (args.part, *GROUPS.get(args.part, ())):
                continue
            r, b = p["reporttui"], p["baseline"]
            print(
                f"{p['id']} {p['part']:4} {p['query'][:18]:<18} reporttui {r['mrr']:.2f} {r['ndcg']:.2f} "
                f"{r['p5']:.2f}   baseline {b['mrr']:.2f} {b['ndcg']:.2f} {b['p5']:.2f}"
            )
    print(f"{'part':<6}{'queries':>8}  {'system':<10}{'MRR@10':>8}{'nDCG@10':>9}{'P@5':>7}")
    for part in PARTS:
        for system in ("reporttui", "baseline"):
            s = summary[part][system]
            print(
                f"{part:<6}{summary[part]['queries']:>8}  {system:<10}{s['mrr']:>8.3f}{s['ndcg']:>9.3f}{s['p5']:>7.3f}"
            )
    gaps = {
        part: summary[part]["unjudged_in_top10"]
        for part in PARTS
        if part != "all" and part not in GROUPS
    }
    if any(gaps.values()):
        print(
            "note: unjudged rows in reporttui's top 10 (counted 0; grade them before comparing): "
            + ", ".join(f"{part} {n}" for part, n in gaps.items())
        )
    if unresolved:
        print(f"warning: {unresolved} judged references no longer resolve (text changed)")


if __name__ == "__main__":
    main()
