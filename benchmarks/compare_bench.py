"""Compare-core figures on a corpus: plan parts found, targets found, time per document and pair.

    python benchmarks/compare_bench.py --corpus DIR [--sample N] [--seed S] [--json]

Loads a random sample of .txt/.md reports, then per document: find_plan, extract_targets,
keyword counts; per neighbouring pair: compare_documents. Prints shares and timings; asserts
nothing about time.
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import sys
import time
from collections import Counter
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", required=True, type=Path)
    parser.add_argument("--sample", type=int, default=300)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    from reporttui.core.analysis.compare import compare_documents
    from reporttui.core.analysis.keywords import term_counts
    from reporttui.core.analysis.plan import find_plan
    from reporttui.core.analysis.targets import extract_targets
    from reporttui.core.text.ingest import load_document

    files = sorted(p for p in args.corpus.rglob("*") if p.suffix in (".txt", ".md"))
    if not files:
        print(f"no .txt/.md files under {args.corpus}", file=sys.stderr)
        sys.exit(1)
    random.seed(args.seed)
    files = random.sample(files, min(args.sample, len(files)))
    term_counts("预热")  # load jieba and the policy dictionary outside the timings

    timings: Counter[str] = Counter()
    found = gdp_target = gdp_result = rows = failed = 0
    qualifiers: Counter[str] = Counter()
    documents = []
    for path in files:
        start = time.perf_counter()
        try:
            doc = load_document(path)
        except Exception as exc:
            failed += 1
            print(f"load failed: {path}: {exc}", file=sys.stderr)
            continue
        timings["load"] += time.perf_counter() - start
        start = time.perf_counter()
        plan = find_plan(doc)
        timings["plan"] += time.perf_counter() - start
        start = time.perf_counter()
        indicators = extract_targets(doc, plan.start if plan.found else len(doc.text) + 1)
        timings["targets"] += time.perf_counter() - start
        start = time.perf_counter()
        term_counts(doc.text)
        timings["keywords"] += time.perf_counter() - start
        found += plan.found
        rows += len(indicators)
        gdp_target += any(
            r.indicator == "地区生产总值增长" and r.kind == "target" for r in indicators
        )
        gdp_result += any(
            r.indicator.startswith("地区生产总值") and r.kind == "result" for r in indicators
        )
        qualifiers.update(r.qualifier for r in indicators if r.qualifier)
        documents.append(doc)
    pairs = list(itertools.pairwise(documents))
    start = time.perf_counter()
    for a, b in pairs:
        compare_documents(a, b)
    timings["compare"] = time.perf_counter() - start

    n = max(len(documents), 1)
    figures = {
        "documents": len(documents),
        "load_failed": failed,
        "plan_found_share": round(found / n, 3),
        "gdp_growth_target_share": round(gdp_target / n, 3),
        "gdp_result_share": round(gdp_result / n, 3),
        "indicator_rows_per_doc": round(rows / n, 1),
        "ms_per_doc": {
            k: round(1000 * timings[k] / n, 1) for k in ("load", "plan", "targets", "keywords")
        },
        "ms_per_compare_pair": round(1000 * timings["compare"] / max(len(pairs), 1), 1),
        "top_qualifiers": qualifiers.most_common(8),
    }
    if args.json:
        print(json.dumps(figures, ensure_ascii=False, indent=2))
        return
    for key, value in figures.items():
        print(f"{key:26} {value}")


if __name__ == "__main__":
    main()
