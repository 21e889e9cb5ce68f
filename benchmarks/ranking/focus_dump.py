#!/usr/bin/env python3
"""Dump each judged query's top 60 rows with what the ranking saw of them (round 11 screen).

    python benchmarks/ranking/focus_dump.py --work DIR --out FILE.pkl

Reads the indexes ``run.py --work DIR`` built; for every query of the tuning pool and of the
held-aside parts (the aside only ever reported as an aggregate by ``focus_screen.py``) keeps
the top 60 rows (key, score, the score's terms, the squeezed text, section path, role), the
query's ranking groups and words, the order in which rows were scored (the first block is the
cheap prior's first :data:`ranking.RERANK_BLOCK` rows), and the query's grades. Never reads
the blind sets (only ``common.HELD_SETS``, which holds none of them). The dump's scores are
the ranking's without the round-11 ``topical`` term (its weight set to 0), the base the
screen's variants are added to.
"""

from __future__ import annotations

import argparse
import json
import pickle
from pathlib import Path
from typing import Any

import common
from run import GROUPS

PARTS = set(GROUPS["pool"]) | set(GROUPS["aside"])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--work", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--limit", type=int, default=60)
    args = ap.parse_args()
    from whoosh.index import open_dir

    from reporttui.core.search import ranking
    from reporttui.core.search.search import search

    work = Path(args.work)
    home = work / "home"
    ranking.WEIGHTS["topical"] = 0.0  # the screen's base: main before round 11
    original = ranking.score_row
    calls: list[dict[str, Any]] = []

    def spy(*a: Any, **kw: Any) -> Any:
        s = original(*a, **kw)
        calls.append(
            {
                "squeezed": kw.get("squeezed") or "".join(a[2].split()),
                "section_path": a[3],
                "role": a[4],
                "groups": a[5],
                "words": kw.get("words", ()),
                "score": s.score,
                "signals": dict(s.signals),
            }
        )
        return s

    ranking.score_row = spy  # type: ignore[assignment]
    out: list[dict[str, Any]] = []
    sets = [("", common.JUDGMENTS_FILE)] + [(n, j) for n, (_, j) in common.HELD_SETS.items()]
    for sub, jfile in sets:
        queries = [q for q in json.loads(jfile.read_text("utf-8"))["queries"] if q["part"] in PARTS]
        if not queries:
            continue
        folder = work / sub if sub else work
        rows = pickle.loads((folder / "rows.pkl").read_bytes())
        resolve = common.resolver(rows)
        ix = open_dir(str(folder / "rt"))
        with ix.searcher() as searcher:
            for q in queries:
                calls.clear()
                res = search(searcher, q["query"], limit=args.limit, home=home)
                by_text = {(c["squeezed"], tuple(c["section_path"])): c for c in calls}
                hits = []
                for h in res.hits:
                    key = f"{h.path}#{common.anchor_of({'paragraph': h.paragraph, 'section_id': h.section_id})}"
                    c = by_text.get(("".join(h.text.split()), tuple(h.section_path)))
                    hits.append({"key": key, "doc": h.path, **(c or {"score": h.score})})
                out.append(
                    {
                        "id": q["id"],
                        "part": q["part"],
                        "kind": q["kind"],
                        "query": q["query"],
                        "grades": common.grades_of(q, resolve),
                        "hits": hits,
                        "order": [c["squeezed"] for c in calls],
                    }
                )
    Path(args.out).write_bytes(pickle.dumps(out))
    print(f"{len(out)} queries")


if __name__ == "__main__":
    main()
