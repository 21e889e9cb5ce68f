#!/usr/bin/env python3
"""Where each benchmark query's time goes: a per-phase timer (and optionally cProfile).

    python benchmarks/search_profile.py --home HOME [--repeat 5] [--limit 50] [--cprofile QUERY] [--json]

Opens the library as ``search_bench.py``'s search phase does (one shared searcher, every query
run once to warm up), then runs each query of ``search_bench.QUERIES`` ``--repeat`` times (``--limit``
hits, 50 by default; ``reporttui search`` prints 20) with
timing wrappers around the steps of :func:`reporttui.core.search.search._run`, and prints per
query the median wall and CPU milliseconds of the whole search and the median CPU ms of each
phase (wall ms with ``--wall``):

* ``open``: the library's shared-searcher check (catalogue, ``up_to_date``);
* ``filter``: filter rows (``build_filter`` + ``_filter_rows``), ``understand``: query
  understanding (synonyms, region/year words), ``words``: jieba ranking words (``match_spec``);
* ``match``: the matcher (:func:`reporttui.core.index.matcher.match`, every call of the query),
  ``top``: the pool and first positions taken from its result;
* ``rerank``: the shortlist's stored rows and ranking signals; ``counts``: per-document and
  per-section counts; ``hl``: highlights and snippets of the hits; ``rest``: everything else.

``--cprofile QUERY`` prints the top functions by cumulative time of that query (``--repeat``
runs). Nothing is asserted; it prints figures.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import pstats
import statistics
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from search_bench import QUERIES

CLOCK: list[Callable[[], float]] = [time.process_time]
"""The phases' clock: CPU time (wall times are noisy on a shared machine), or wall (--wall)."""
SORT = ["cumulative"]
PHASES = ("open", "filter", "understand", "words", "match", "top", "rerank", "counts", "hl")


def _wrap(module: Any, name: str, phase: str, acc: dict[str, float], depth: list[int]) -> None:
    """Replace ``module.name`` by a wrapper adding its (outermost) wall time to ``acc[phase]``."""
    inner: Callable[..., Any] | None = getattr(module, name, None)
    if inner is None:  # an older version of the code (comparing before/after)
        return

    def timed(*args: Any, **kwargs: Any) -> Any:
        if depth[0]:
            return inner(*args, **kwargs)
        depth[0] += 1
        started = CLOCK[0]()
        try:
            return inner(*args, **kwargs)
        finally:
            acc[phase] += CLOCK[0]() - started
            depth[0] -= 1

    setattr(module, name, timed)


def _wrap_blocks(
    module: Any, name: str, phase: str, acc: dict[str, float], depth: list[int]
) -> None:
    """Like :func:`_wrap` for a generator function: each step of the generator is timed."""
    inner: Callable[..., Any] | None = getattr(module, name, None)
    if inner is None:  # an older version of the code (comparing before/after)
        return

    def timed(*args: Any, **kwargs: Any) -> Any:
        steps = inner(*args, **kwargs)
        while True:
            outer = not depth[0]
            depth[0] += 1
            started = CLOCK[0]()
            try:
                item = next(steps)
            except StopIteration:
                return
            finally:
                if outer:
                    acc[phase] += CLOCK[0]() - started
                depth[0] -= 1
            yield item

    setattr(module, name, timed)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--home", type=Path, required=True, help="an indexed library home")
    parser.add_argument("--repeat", type=int, default=5, help="timed runs per query")
    parser.add_argument("--limit", type=int, default=50, help="hits per query (CLI: 20)")
    parser.add_argument("--cprofile", metavar="QUERY", help="cProfile this query")
    parser.add_argument("--sort", default="cumulative", help="cProfile order (tottime...)")
    parser.add_argument("--json", action="store_true", help="one JSON line per query")
    parser.add_argument("--wall", action="store_true", help="phases in wall time (default CPU)")
    args = parser.parse_args()

    from reporttui.core.index import matcher
    from reporttui.core.library.library import Library
    from reporttui.core.search import search as s

    library = Library(args.home.resolve())
    for query in QUERIES:  # warm-up, as search_bench does
        library.search(query, limit=args.limit)
    SORT[0] = args.sort
    if args.cprofile:
        prof = cProfile.Profile()
        prof.enable()
        for _ in range(args.repeat):
            library.search(args.cprofile, limit=args.limit)
        prof.disable()
        out = io.StringIO()
        pstats.Stats(prof, stream=out).sort_stats(SORT[0]).print_stats(45)
        print(out.getvalue())
        return 0

    if args.wall:
        CLOCK[0] = time.perf_counter
    acc: dict[str, float] = defaultdict(float)
    depth = [0]
    # Phases nest (match inside understand's _has_rows, ...): the outermost wrapper counts.
    _wrap(library, "_open_searcher", "open", acc, depth)
    _wrap(s, "build_filter", "filter", acc, depth)
    _wrap(s, "_filter_rows", "filter", acc, depth)
    _wrap(s, "understand", "understand", acc, depth)
    _wrap(s, "match_spec", "words", acc, depth)
    _wrap(s, "_match", "match", acc, depth)
    _wrap(s, "_match_all", "match", acc, depth)
    _wrap(s, "_firsts", "top", acc, depth)
    _wrap(s, "_rerank", "rerank", acc, depth)  # the code before the rerank's blocks
    _wrap_blocks(s, "_rerank_blocks", "rerank", acc, depth)
    _wrap(s, "_counts", "counts", acc, depth)
    _wrap(s, "find_spans", "hl", acc, depth)
    _wrap(s, "make_snippet", "hl", acc, depth)
    _wrap(s.Spans, "__call__", "hl", acc, depth)  # hits (round 9): the spans of one term set
    _wrap(matcher.Matches, "top", "top", acc, depth)
    _wrap(matcher.Matches, "top_firsts", "top", acc, depth)  # speed (round 16): top + firsts

    rows = []
    for query in QUERIES:
        walls: list[float] = []
        cpus: list[float] = []
        per: dict[str, list[float]] = defaultdict(list)
        for _ in range(args.repeat):
            acc.clear()
            c0, t0 = time.process_time(), time.perf_counter()
            result = library.search(query, limit=args.limit)
            wall, cpu = time.perf_counter() - t0, time.process_time() - c0
            walls.append(wall * 1000)
            cpus.append(cpu * 1000)
            for p in PHASES:
                per[p].append(acc.get(p, 0.0) * 1000)
            spent = wall if args.wall else cpu
            per["rest"].append((spent - sum(acc.values())) * 1000)
        row = {
            "query": query,
            "total": result.total,
            "ms": round(statistics.median(walls), 2),
            "cpu_ms": round(statistics.median(cpus), 2),
            **{p: round(statistics.median(v), 2) for p, v in per.items()},
        }
        rows.append(row)
    if args.json:
        for row in rows:
            print(json.dumps(row, ensure_ascii=False))
        return 0
    cols = ["ms", "cpu_ms", *PHASES, "rest"]
    print(f"{'query':<24}{'total':>8}" + "".join(f"{c:>8}" for c in cols))
    for row in sorted(rows, key=lambda r: -float(r["ms"])):
        name = str(row["query"])
        pad = 24 - sum(2 if ord(ch) > 0x2E7F else 1 for ch in name)
        print(
            name + " " * max(pad, 1) + f"{row['total']:>8}" + "".join(f"{row[c]:>8}" for c in cols)
        )
    walls = sorted(float(r["ms"]) for r in rows)
    print(f"median of per-query medians: {statistics.median(walls):.2f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
