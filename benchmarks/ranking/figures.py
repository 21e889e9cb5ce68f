#!/usr/bin/env python3
"""Figure-dense rows vs the topic's paragraphs: the tuning pool's grades by figure density.

    python benchmarks/ranking/figures.py --work DIR

Round 7 follow-up (misses_r7.md: 专精特新's rows that only state a count rank above the paragraph
about the topic). For every graded row of the pool's topic / policy / words queries (the kinds
where a figure is not what is asked; target queries want the figure), counts grades by the row's
figure density (numbers per 100 characters, a number being a run of digits with its . and %)
and by whether the query word sits in a clause that states a figure. A term is only worth trying
when the buckets separate (grade-0/1 share rising with density).
"""

from __future__ import annotations

import argparse
import json
import pickle
import re
from collections import Counter
from pathlib import Path

import common
from study import SETS, TUNING_POOL

NUMBER = re.compile(r"\d+(?:\.\d+)?%?")
CLAUSE = re.compile(r"[^，。；：,;！？]+")
KINDS = ("topic", "policy", "words")


def density(text: str) -> float:
    """Numbers per 100 characters."""
    return 100.0 * len(NUMBER.findall(text)) / max(1, len(text))


def bucket(d: float) -> str:
    """A coarse density bucket."""
    for hi, name in ((0.5, "<0.5"), (1.5, "0.5-1.5"), (3.0, "1.5-3"), (5.0, "3-5")):
        if d < hi:
            return name
    return ">=5"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--work", required=True)
    ap.add_argument("--rerank", action="store_true", help="measure a figure-only penalty")
    args = ap.parse_args()
    work = Path(args.work)
    if args.rerank:
        rerank(work)
        return
    by_density: dict[str, Counter[int]] = {}
    by_clause: dict[str, Counter[int]] = {}
    for sub, jfile in SETS:
        folder = work / sub if sub else work
        rows = pickle.loads((folder / "rows.pkl").read_bytes())
        text_of = {
            f"{rel}#{common.anchor_of(r)}": r["text"] for rel, rs in rows.items() for r in rs
        }
        resolve = common.resolver(rows)
        for q in json.loads(jfile.read_text("utf-8"))["queries"]:
            if q["part"] not in TUNING_POOL or q["kind"] not in KINDS:
                continue
            words = [w for w in q["query"].split() if ":" not in w]
            for key, grade in common.grades_of(q, resolve).items():
                text = text_of.get(key, "")
                if not text or not words:
                    continue
                by_density.setdefault(bucket(density(text)), Counter())[grade] += 1
                clauses = [c for c in CLAUSE.findall(text) if any(w in c for w in words)]
                with_fig = bool(clauses) and all(NUMBER.search(c) for c in clauses)
                name = (
                    "word only in figure clauses"
                    if with_fig
                    else "word in a clause without a figure"
                )
                by_clause.setdefault(name, Counter())[grade] += 1
    for title, table in (("numbers per 100 chars", by_density), ("clause", by_clause)):
        print(f"{title}: grade 0 / 1 / 2 (share of 2)")
        for name, c in sorted(table.items()):
            n = sum(c.values())
            print(f"  {name:36} {c[0]:4} / {c[1]:4} / {c[2]:4}  ({c[2] / n:.2f})")


def figure_only(text: str, words: list[str]) -> bool:
    """Every clause of ``text`` holding a query word states a figure."""
    clauses = [c for c in CLAUSE.findall(text) if any(w in c for w in words)]
    return bool(clauses) and all(NUMBER.search(c) for c in clauses)


def rerank(work: Path) -> None:
    """Pool and aside (aggregate) with a figure-only penalty added to the first 100 hits' scores."""
    from run import GROUPS, metrics
    from whoosh.index import open_dir

    from reporttui.core.search.ranking import QUERY_TOPIC, query_kind
    from reporttui.core.search.search import search

    home = work / "home"
    res_by: dict[tuple[str, float], list[dict[str, float]]] = {}
    for sub, jfile in SETS:
        folder = work / sub if sub else work
        rows = pickle.loads((folder / "rows.pkl").read_bytes())
        resolve = common.resolver(rows)
        ix = open_dir(str(folder / "rt"))
        with ix.searcher() as s:
            for q in json.loads(jfile.read_text("utf-8"))["queries"]:
                group = next((g for g in ("pool", "aside") if q["part"] in GROUPS[g]), None)
                if group is None:
                    continue
                words = [w for w in q["query"].split() if ":" not in w]
                grades = common.grades_of(q, resolve)
                hits = search(s, q["query"], limit=100, home=home).hits
                topic = query_kind(words) == QUERY_TOPIC
                for w in (0.0, -0.1, -0.2, -0.3, -0.5):
                    sc = []
                    for i, h in enumerate(hits):
                        x = h.score + (w if topic and figure_only(h.text, words) else 0.0)
                        key = f"{h.path}#{common.anchor_of({'paragraph': h.paragraph, 'section_id': h.section_id})}"
                        sc.append((-x, i, key))
                    keys = [k for _, _, k in sorted(sc)][:10]
                    m = dict(metrics(keys, grades), unj=sum(k not in grades for k in keys))
                    res_by.setdefault((group, w), []).append(m)
    for (g, w), ms in sorted(res_by.items()):
        avg = [sum(m[x] for m in ms) / len(ms) for x in ("mrr", "ndcg", "p5")]
        unj = sum(int(m["unj"]) for m in ms)
        print(
            f"{g:5} figure-only {w:+.1f}: {avg[0]:.3f} / {avg[1]:.3f} / {avg[2]:.3f} ({unj} unjudged)"
        )


if __name__ == "__main__":
    main()
