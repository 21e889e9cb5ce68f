#!/usr/bin/env python3
"""A second, independent reading of a graded blind set: show its rows without grades, record a
second reader's grades, then compare the two readers.

    python benchmarks/ranking/regrade.py show JUDGMENTS REPORTS [--query ID] [--full]
    python benchmarks/ranking/regrade.py write JUDGMENTS REPORTS GRADES.txt OUT.json
    python benchmarks/ranking/regrade.py compare JUDGMENTS REPORTS REGRADE.json [--work DIR]

``show`` prints, for each query, its string, kind, ``means`` and the set's grading rule (the
judgments file's ``grading`` and ``grading_notes``, written before pooling), then every judged
row (its report, region, year, section path and text) in an order shuffled per query. It never
prints a grade, and nothing else of the first reader (no per-query notes). Rows are built from the
corpus as ``common.load_rows`` builds them and resolved as ``common.resolver`` resolves them.

``write`` reads the second reader's grades, one line per query: ``ID: DIGITS`` (one digit 0/1/2
per row, in ``show``'s order), and writes them in the judgments file's reference format (doc,
anchor, hash, grade), the first reader's row references kept as they are.

``compare`` prints agreement (exact, Cohen's kappa, the confusion matrix, per query kind) and
MRR@10 / nDCG@10 / P@5 of reporttui and the stock baseline under reader A (the judgments file),
reader B (the regrade) and the stricter of the two per row, with ``run.py``'s metric on indexes
built like ``run.py``'s.
"""

from __future__ import annotations

import argparse
import json
import pickle
import random
import statistics
import sys
import tempfile
from pathlib import Path
from typing import Any

import common

CACHE = Path(tempfile.gettempdir()) / "regrade-rows"


def rows_of(reports: Path) -> dict[str, list[dict[str, Any]]]:
    CACHE.mkdir(exist_ok=True)
    cache = CACHE / (reports.stem + ".pkl")
    if cache.exists():
        rows: dict[str, list[dict[str, Any]]] = pickle.loads(cache.read_bytes())
        return rows
    home = Path(tempfile.mkdtemp(prefix="regrade-home-"))
    _, rows = common.load_rows(common.corpus_root(None, reports), home, reports)
    cache.write_bytes(pickle.dumps(rows))
    return rows


def by_key(rows: dict[str, list[dict[str, Any]]]) -> dict[str, dict[str, Any]]:
    return {f"{rel}#{common.anchor_of(r)}": r for rel, rs in rows.items() for r in rs}


def shown_order(query: dict[str, Any]) -> list[int]:
    """The indexes of a query's judged references in the order ``show`` prints them."""
    order = list(range(len(query["judgments"])))
    random.Random(f"regrade:{query['id']}:{query['query']}").shuffle(order)
    return order


def clip(text: str, terms: list[str], full: bool) -> str:
    if full or len(text) <= 900:
        return text
    spans = []
    for t in terms:
        start = text.find(t)
        while start >= 0:
            spans.append((max(0, start - 160), min(len(text), start + len(t) + 160)))
            start = text.find(t, start + 1)
    spans.sort()
    merged: list[list[int]] = [[0, 300]]
    for a, b in spans:
        if a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    out = "…".join(text[a:b] for a, b in merged)
    if len(out) > 1400:
        out = out[:1400]
    return f"{out}… [{len(text)} chars]"


def query_terms(q: str) -> list[str]:
    terms = []
    for tok in q.split():
        key, _, value = tok.partition(":")
        if value and key in ("region", "year", "地区", "年份"):
            continue
        terms.append(tok.strip('"“”'))
    return terms


def cmd_show(args: argparse.Namespace) -> None:
    data = json.loads(Path(args.judgments).read_text("utf-8"))
    rows = rows_of(Path(args.reports))
    resolve, rows_by_key = common.resolver(rows), by_key(rows)
    print("GRADING:", data.get("grading", ""))
    print("NOTES:", data.get("grading_notes", ""))
    for q in data["queries"]:
        if args.query and q["id"] not in args.query.split(","):
            continue
        print(f"\n=== {q['id']} [{q['kind']}] {q['query']}  — means: {q['means']}")
        terms = query_terms(q["query"]) + list(q.get("pool_extra") or [])
        for n, i in enumerate(shown_order(q), 1):
            ref = q["judgments"][i]
            key = resolve(ref)
            if key is None:
                print(f"  {n:02d} [unresolved {ref['doc']}#{ref['anchor']}]")
                continue
            r = rows_by_key[key]
            head = f"{r.get('region', '?')} {r.get('year', '?')} {ref['doc'].split('/')[0][6:]}"
            path = r.get("section_path", "") or "-"
            print(f"  {n:02d} ({head}) §{path}\n      {clip(r['text'], terms, args.full)}")


def cmd_write(args: argparse.Namespace) -> None:
    data = json.loads(Path(args.judgments).read_text("utf-8"))
    given: dict[str, str] = {}
    for line in Path(args.grades).read_text("utf-8").splitlines():
        line = line.split("#")[0].strip()
        if not line:
            continue
        qid, _, digits = line.partition(":")
        given[qid.strip()] = "".join(digits.split())
    out_queries = []
    for q in data["queries"]:
        digits = given.get(q["id"])
        if digits is None:
            sys.exit(f"no grades for {q['id']}")
        if len(digits) != len(q["judgments"]) or set(digits) - set("012"):
            sys.exit(f"{q['id']}: {len(digits)} grades for {len(q['judgments'])} rows")
        grades = [0] * len(q["judgments"])
        for d, i in zip(digits, shown_order(q), strict=True):
            grades[i] = int(d)
        out_queries.append(
            {
                "id": q["id"],
                "query": q["query"],
                "kind": q["kind"],
                "judgments": [
                    {"doc": ref["doc"], "anchor": ref["anchor"], "hash": ref["hash"], "grade": g}
                    for ref, g in zip(q["judgments"], grades, strict=True)
                ],
            }
        )
    out = {
        "about": (
            "A second reader's grades (xjudge, round 11) of the rows the first reader pooled and "
            "graded, read without the first reader's grades or notes (regrade.py show), by the "
            "set's own rule (its grading and grading_notes)."
        ),
        "queries": out_queries,
    }
    Path(args.out).write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n", "utf-8")
    print(f"wrote {sum(len(q['judgments']) for q in out_queries)} grades to {args.out}")


def kappa(pairs: list[tuple[int, int]]) -> float:
    n = len(pairs)
    po = sum(a == b for a, b in pairs) / n
    pe = sum(
        (sum(a == k for a, _ in pairs) / n) * (sum(b == k for _, b in pairs) / n) for k in (0, 1, 2)
    )
    return (po - pe) / (1 - pe) if pe < 1 else 1.0


def weighted_kappa(pairs: list[tuple[int, int]]) -> float:
    """Linear-weighted kappa (disagreement |a - b|)."""
    n = len(pairs)
    do = sum(abs(a - b) for a, b in pairs) / n
    pa = [sum(a == k for a, _ in pairs) / n for k in (0, 1, 2)]
    pb = [sum(b == k for _, b in pairs) / n for k in (0, 1, 2)]
    de = sum(pa[i] * pb[j] * abs(i - j) for i in range(3) for j in range(3))
    return 1 - do / de if de else 1.0


def agreement(pairs: list[tuple[int, int]]) -> dict[str, Any]:
    return {
        "rows": len(pairs),
        "exact": round(sum(a == b for a, b in pairs) / len(pairs), 3),
        "kappa": round(kappa(pairs), 3),
        "kappa_linear": round(weighted_kappa(pairs), 3),
        "share2_A": round(sum(a == 2 for a, _ in pairs) / len(pairs), 3),
        "share2_B": round(sum(b == 2 for _, b in pairs) / len(pairs), 3),
        "confusion_A_rows_B_cols": [
            [sum(1 for a, b in pairs if a == i and b == j) for j in (0, 1, 2)] for i in (0, 1, 2)
        ],
    }


def cmd_compare(args: argparse.Namespace) -> None:
    import run  # the benchmark's metric, unchanged

    a_data = json.loads(Path(args.judgments).read_text("utf-8"))
    b_data = json.loads(Path(args.regrade).read_text("utf-8"))
    b_by_id = {q["id"]: q for q in b_data["queries"]}
    pairs: list[tuple[int, int]] = []
    per_kind: dict[str, list[tuple[int, int]]] = {}
    for q in a_data["queries"]:
        bq = b_by_id[q["id"]]
        for ra, rb in zip(q["judgments"], bq["judgments"], strict=True):
            assert (ra["doc"], ra["anchor"], ra["hash"]) == (rb["doc"], rb["anchor"], rb["hash"])
            pairs.append((ra["grade"], rb["grade"]))
            per_kind.setdefault(q["kind"], []).append(pairs[-1])
    out: dict[str, Any] = {"agreement": agreement(pairs)}
    out["agreement_by_kind"] = {k: agreement(v) for k, v in per_kind.items()}

    rows = rows_of(Path(args.reports))
    work = Path(args.work or tempfile.mkdtemp(prefix="regrade-ix-"))
    from whoosh.index import exists_in, open_dir

    if not exists_in(str(work / "rt")):
        common.build_reporttui(rows, work / "rt")
    if not exists_in(str(work / "bl")):
        common.build_baseline(rows, work / "bl")
    home = work / "home"
    home.mkdir(exist_ok=True)
    rt, bl = open_dir(str(work / "rt")), open_dir(str(work / "bl"))
    resolve = common.resolver(rows)
    readers = ("A", "B", "stricter")
    scores: dict[str, dict[str, list[dict[str, float]]]] = {
        r: {"reporttui": [], "baseline": []} for r in readers
    }
    per_query = []
    with rt.searcher() as searcher:
        for q in a_data["queries"]:
            bq = b_by_id[q["id"]]
            g: dict[str, dict[str, int]] = {r: {} for r in readers}
            for ra, rb in zip(q["judgments"], bq["judgments"], strict=True):
                key = resolve(ra)
                if key is None:
                    continue
                for r, v in (("A", ra["grade"]), ("B", rb["grade"])):
                    g[r][key] = max(g[r].get(key, 0), v)
            g["stricter"] = {k: min(g["A"][k], g["B"][k]) for k in g["A"]}
            ours = common.reporttui_search(searcher, q["query"], home, 20)[:10]
            base = common.baseline_search(bl, q["query"], 10)
            line = {"id": q["id"], "kind": q["kind"]}
            for r in readers:
                m_ours, m_base = run.metrics(ours, g[r]), run.metrics(base, g[r])
                scores[r]["reporttui"].append(m_ours)
                scores[r]["baseline"].append(m_base)
                line[r] = {k: round(v, 3) for k, v in m_ours.items()}
            per_query.append(line)
    out["metrics"] = {
        r: {
            s: {m: round(statistics.fmean(x[m] for x in v), 3) for m in ("mrr", "ndcg", "p5")}
            for s, v in scores[r].items()
        }
        for r in readers
    }
    if args.per_query:
        out["per_query"] = per_query
    print(json.dumps(out, ensure_ascii=False, indent=1))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("show")
    p.add_argument("judgments")
    p.add_argument("reports")
    p.add_argument("--query", help="comma-separated query ids")
    p.add_argument("--full", action="store_true", help="every row's whole text")
    p = sub.add_parser("write")
    p.add_argument("judgments")
    p.add_argument("reports")
    p.add_argument("grades")
    p.add_argument("out")
    p = sub.add_parser("compare")
    p.add_argument("judgments")
    p.add_argument("reports")
    p.add_argument("regrade")
    p.add_argument("--work")
    p.add_argument("--per-query", action="store_true")
    args = ap.parse_args()
    {"show": cmd_show, "write": cmd_write, "compare": cmd_compare}[args.cmd](args)


if __name__ == "__main__":
    main()
