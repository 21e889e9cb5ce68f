#!/usr/bin/env python3
"""Pool the candidates to judge for each query of ``queries.json`` (how judgments.json was made).

    python benchmarks/ranking/pool.py [--corpus DIR] [--work DIR] [--top 10] [--deep 20] [--random 3]

For each query: reporttui's top N, the stock baseline's top N, the top N of each of the query's
``pool_extra`` queries (what the user means, written literally: ``region:太原 民营经济`` for
``太原 民营经济``, ``地区生产总值 增长`` for ``GDP增长目标``) and a few random rows containing the
query's topic words, deduplicated. It writes ``<work>/pool.json`` (references only) and prints
each candidate's lead and a window around the first topic word, for a person to read and grade.
Grades are written into judgments.json by hand; this script never grades.
"""

from __future__ import annotations

import argparse
import json
import pickle
from pathlib import Path

import common


def topic_words(query: str) -> list[str]:
    return [w.strip('"“”') for w in query.split() if ":" not in w and w != "OR"]


def _positions(text: str, word: str) -> list[int]:
    out, i = [], text.find(word)
    while i >= 0:
        out.append(i)
        i = text.find(word, i + 1)
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus")
    ap.add_argument("--work", default="/tmp/ranking-work")
    ap.add_argument("--top", type=int, default=10)
    ap.add_argument("--deep", type=int, default=0, help="reporttui's top N instead of --top")
    ap.add_argument("--windows", action="store_true", help="print a window around every hit")
    ap.add_argument("--random", type=int, default=3)
    ap.add_argument("--only", nargs="*", help="query ids")
    ap.add_argument(
        "--set",
        choices=("main", *common.HELD_SETS),
        default="main",
        help="which judged set's queries",
    )
    ap.add_argument(
        "--without",
        nargs="*",
        default=[],
        help="signals: also pool reporttui's top N with these weights set to 0 (a variant)",
    )
    args = ap.parse_args()
    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    home = work / "home"
    home.mkdir(exist_ok=True)
    cache = work / "rows.pkl"
    if cache.exists():
        rows = pickle.loads(cache.read_bytes())
    else:
        reports = common.HELD_SETS.get(args.set, (common.REPORTS_FILE, None))[0]
        _, rows = common.load_rows(common.corpus_root(args.corpus, reports), home, reports)
        cache.write_bytes(pickle.dumps(rows))
    from whoosh.index import open_dir

    if not (work / "rt").exists():
        common.build_reporttui(rows, work / "rt")
        common.build_baseline(rows, work / "bl")
    rt, bl = open_dir(str(work / "rt")), open_dir(str(work / "bl"))
    judgments = common.HELD_SETS.get(args.set, (None, common.JUDGMENTS_FILE))[1]
    queries = json.loads(judgments.read_text("utf-8"))["queries"]
    by_key = {f"{rel}#{common.anchor_of(r)}": (rel, r) for rel, rs in rows.items() for r in rs}
    pool: dict[str, list[dict[str, str]]] = {}
    for q in queries:
        if args.only and q["id"] not in args.only:
            continue
        keys: list[str] = []
        keys += common.reporttui_search(rt, q["query"], home, max(args.top, args.deep))
        if args.without:
            from reporttui.core.search import ranking

            saved = dict(ranking.WEIGHTS)
            ranking.WEIGHTS.update({k: 0.0 for k in args.without})
            keys += common.reporttui_search(rt, q["query"], home, max(args.top, args.deep))
            ranking.WEIGHTS.update(saved)
        keys += common.baseline_search(bl, q["query"], args.top)
        for extra in q.get("pool_extra", []) if args.set != "main" else []:
            keys += common.baseline_search(bl, extra, 10)
        for extra in q.get("pool_extra", []):
            keys += common.reporttui_search(rt, extra, home, args.top)
        words = topic_words((q.get("pool_extra") or [q["query"]])[0])
        keys += common.random_matching(rows, words, args.random, q["id"])
        keys = list(dict.fromkeys(keys))
        pool[q["id"]] = []
        print(f"\n## {q['id']} {q['query']}  ({q.get('means', '')})")
        for i, key in enumerate(keys, 1):
            rel, r = by_key[key]
            text = r["text"]
            pool[q["id"]].append(
                {"doc": rel, "anchor": common.anchor_of(r), "hash": common.text_hash(text)}
            )
            pos = min((text.find(w) for w in words if w in text), default=-1)
            lead = text[:90] if args.windows else text[:70]
            window = ""
            if args.windows:
                window = "".join(
                    f" …{text[max(p - 25, 0) : p + 35]}"
                    for p in sorted({p for w in words for p in _positions(text, w)})[:5]
                    if p > 45
                )
            elif pos > 60:
                window = " …" + text[max(pos - 25, 0) : pos + 35]
            where = f"{r.get('region') or '?'}{r.get('year') or ''}"
            sec = (r.get("section_path") or "").split(" > ")[-1][:18]
            kind = "H" if not r["paragraph"] else ""
            print(f"{i}.{kind}[{where} {len(text)} §{sec}] {lead}{window}")
    (work / "pool.json").write_text(json.dumps(pool, ensure_ascii=False, indent=0), "utf-8")


if __name__ == "__main__":
    main()
