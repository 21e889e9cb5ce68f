#!/usr/bin/env python3
"""Dump every figure of many searches on a library, or compare with an earlier dump.

    python benchmarks/search_identity.py --home HOME --out before.pickle
    python benchmarks/search_identity.py --home HOME --compare before.pickle

For a reading-side change that must not change results: hits (document, section, paragraph,
score as a float repr, spans, snippet, reasons, signals), totals, per-report and per-section
counts of the benchmark's queries, the equivalence test's queries and words drawn from the
library's own rows (``--words N`` with a fixed seed). ``--compare`` prints the queries whose
results differ and exits 1 when any does. Nothing of the corpus is written except to ``--out``.
"""

from __future__ import annotations

import argparse
import pickle
import random
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from search_bench import QUERIES

EXTRA = [
    "林麝 OR 沙棘 养殖",
    "发展发展",
    "(林麝 养殖) OR 沙棘",
    "year:2024 发展",
    "section:民生 发展",
    "section:产业 section:农业 林麝",
    "region:古交 发展",
    "3个",
    "GDP",
    "GDP增长目标",
    "太原 高质量发展",
    "2021 乡村振兴",
    "数字化转型 -人工智能",
    "kind:政府工作报告 就业",
    "year:2020-2022 疫情防控",
    "region:广东 制造业 数字化",
    '"高质量发展" 新质生产力 人工智能',
]


def figures(result: Any) -> dict[str, Any]:
    """Every figure of a SearchResult, as plain data (scores as float reprs)."""
    return {
        "total": result.total,
        "notice": result.notice,
        "expansions": tuple(result.expansions),
        "terms": tuple(result.terms),
        "per_doc": list(result.per_doc.items()),
        "per_section": list(dict(result.per_section).items()),
        "hits": [
            (
                h.doc_id,
                h.section_id,
                h.paragraph,
                repr(h.score),
                h.spans,
                h.snippet,
                h.snippet_spans,
                h.reasons,
                h.signals,
                h.title,
                h.section_path,
                h.text,
            )
            for h in result.hits
        ],
    }


def words_of_library(library: Any, n: int, seed: int = 11) -> list[str]:
    """``n`` substrings (2-6 characters) of random rows of the library (a fixed seed)."""
    from reporttui.core.index import matcher

    rng = random.Random(seed)
    searcher = library._open_searcher()
    rows = matcher.view(searcher.reader()).doc_count_all
    out: list[str] = []
    while len(out) < n:
        text = searcher.stored_fields(rng.randrange(rows)).get("text", "") or ""
        text = "".join(c for c in text if "\u4e00" <= c <= "\u9fff")
        if len(text) < 8:
            continue
        k = rng.choice((2, 2, 3, 4, 4, 6))
        at = rng.randrange(len(text) - k)
        word = text[at : at + k]
        if rng.random() < 0.25:  # two words, all must occur
            at2 = rng.randrange(len(text) - 2)
            word += " " + text[at2 : at2 + 2]
        out.append(word)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--home", type=Path, required=True)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--compare", type=Path)
    parser.add_argument("--words", type=int, default=200, help="words drawn from the library")
    parser.add_argument("--limit", type=int, default=50)
    args = parser.parse_args()
    from reporttui.core.library.library import Library

    library = Library(args.home.resolve())
    queries = list(dict.fromkeys(QUERIES + EXTRA + words_of_library(library, args.words)))
    got = {q: figures(library.search(q, limit=args.limit)) for q in queries}
    if args.out:
        with args.out.open("wb") as f:
            pickle.dump(got, f)
        print(f"{len(got)} queries written to {args.out}")
    if args.compare:
        with args.compare.open("rb") as f:
            before = pickle.load(f)
        bad = [q for q in queries if before.get(q) != got[q]]
        for q in bad:
            a, b = before.get(q) or {}, got[q]
            keys = [k for k in b if a.get(k) != b[k]]
            print(f"differs: {q!r}: {', '.join(keys)}")
        print(f"{len(queries) - len(bad)}/{len(queries)} queries identical")
        return 1 if bad else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
