#!/usr/bin/env python3
"""How many corpus paragraphs the quoted forms add for the judged queries' words (recall, issue 8).

    python benchmarks/ranking/quote_count.py [--corpus /tmp/corpus]

For every word of three or more characters of every judged query, counts the corpus lines
(paragraphs, whitespace removed) that hold the word as typed, and those that hold it only with a
quoted part (:func:`reporttui.core.search.search.quote_forms`, no index pruning), and prints a
seeded sample of the added ones. Reads the corpus at run time; prints counts only.
"""

from __future__ import annotations

import argparse
import collections
import json
import random
from pathlib import Path

from reporttui.core.search.search import quote_forms

HERE = Path(__file__).resolve().parent


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", default="/tmp/corpus")
    ap.add_argument("--sample", type=int, default=20)
    args = ap.parse_args()
    terms: set[str] = set()
    for f in HERE.glob("judgments*.json"):
        for q in json.loads(f.read_text(encoding="utf-8"))["queries"]:
            for w in q["query"].split():
                w = w.strip('"')
                if ":" not in w and not w.startswith("-") and len(w) >= 3:
                    terms.add(w)
    forms = {t: f for t in terms if (f := quote_forms(t))}
    gained: collections.Counter[str] = collections.Counter()
    literal: collections.Counter[str] = collections.Counter()
    sample: list[tuple[str, str]] = []
    for p in sorted(Path(args.corpus).rglob("*.md")):
        for line in p.read_text(encoding="utf-8", errors="replace").splitlines():
            s = "".join(line.split())
            for t, fs in forms.items():
                if t in s:
                    literal[t] += 1
                elif hit := next((f for f in fs if f in s), None):
                    gained[t] += 1
                    sample.append((t, hit))
    print(f"{len(forms)} words with quoted forms; {sum(gained.values())} paragraphs gained")
    for t, n in gained.most_common():
        print(f"  {t}: +{n} (as typed {literal[t]})")
    random.seed(8)
    for t, hit in random.sample(sample, min(args.sample, len(sample))):
        print(f"  sample: {t} as {hit}")


if __name__ == "__main__":
    main()
