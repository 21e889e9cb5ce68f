#!/usr/bin/env python3
"""Search time against the number of segments: a copy of an indexed home merged into K segments.

    flock /tmp/reporttui-heavy.lock nice -n 10 \
        .venv/bin/python benchmarks/segment_count_bench.py --home HOME --segments 4 [--json]

Copies the library home to a temporary folder, merges the copy's segments into ``--segments``
groups of consecutive segments with core/index/merge.py's own ``merge_segments`` (what ``reporttui
add`` runs when small segments pile up), and prints the merge's wall and CPU seconds and peak
RSS. Then it opens both homes in one process and runs search_bench.py's queries warm, the two
homes alternated query by query (the order flipped every repeat), timing each search's CPU
(``time.thread_time``: the machine is shared, wall times are noisy) and wall. It says whether
both give the same totals and hits (a merge drops deleted rows, which changes BM25's row count:
scores can differ where the original has deleted rows). The copy is removed at the end unless
``--keep``. Nothing here asserts anything: it prints figures.

On the full corpus a merge into 4 segments takes ~2 CPU-minutes and ~4.5 GB of RSS (the merged
segments are ~7x a worker's), and the copy needs the index's size in temporary disk.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from search_bench import QUERIES, percentile, print_figures


def merge_into(home: Path, k: int) -> dict[str, Any]:
    """Merge ``home``'s index segments into ``k`` groups of consecutive ones (in place)."""
    from whoosh.index import open_dir

    from reporttui.core.index import indexer, merge
    from reporttui.core.library.catalog import read_catalog

    folder = home / "index" / read_catalog(home).index_name
    wall, cpu = time.perf_counter(), time.process_time()
    ix = open_dir(str(folder))
    w = indexer.open_writer(ix).writer
    try:
        final = [s for s in w._merge_segments(None, False, False) if s.doc_count() > 0]
        w._close_segment()
        n = len(final)
        groups = [final[i * n // k : (i + 1) * n // k] for i in range(k)]
        out = [
            merge.merge_segments(w.storage, w.schema, w.indexname, g) if len(g) > 1 else g[0]
            for g in groups
            if g
        ]
        w._commit_toc(out)
    finally:
        w._finish()
    return {
        "segments_before": n,
        "segments_after": len(out),
        "rows_per_segment": [s.doc_count() for s in out],
        "merge_wall_s": round(time.perf_counter() - wall, 1),
        "merge_cpu_s": round(time.process_time() - cpu, 1),
        "merge_peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }


def answers(library: Any) -> list[tuple[int, list[tuple[str, int]]]]:
    out = []
    for q in QUERIES:
        r = library.search(q, limit=50)
        out.append((r.total, [(h.path, h.paragraph) for h in r.hits]))
    return out


def alternate(homes: list[Path], repeat: int) -> dict[str, Any]:
    """Warm searches on both homes, alternated; CPU and wall per search, in ms."""
    from reporttui.core.library.library import Library

    libs = [Library(h) for h in homes]
    got = [answers(lib) for lib in libs]  # also the warm-up
    times: list[list[tuple[float, float]]] = [[], []]
    for r in range(repeat):
        for q in QUERIES:
            for i in (0, 1) if r % 2 == 0 else (1, 0):
                c, w = time.thread_time(), time.perf_counter()
                libs[i].search(q, limit=50)
                times[i].append(((time.thread_time() - c) * 1000, (time.perf_counter() - w) * 1000))
    out: dict[str, Any] = {"same_totals": [a[0] for a in got[0]] == [b[0] for b in got[1]]}
    out["same_hits"] = got[0] == got[1]
    for name, t in zip(("before", "after"), times, strict=True):
        cpu, wall = [a for a, _ in t], [b for _, b in t]
        out[name] = {
            "cpu_p50_ms": round(percentile(cpu, 0.5), 1),
            "cpu_p95_ms": round(percentile(cpu, 0.95), 1),
            "cpu_mean_ms": round(statistics.mean(cpu), 1),
            "wall_p50_ms": round(percentile(wall, 0.5), 1),
            "wall_p95_ms": round(percentile(wall, 0.95), 1),
        }
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--home", type=Path, required=True, help="an indexed library home")
    parser.add_argument("--segments", type=int, default=4, help="segments after the merge")
    parser.add_argument("--repeat", type=int, default=4, help="timed runs per query and home")
    parser.add_argument("--keep", action="store_true", help="leave the merged copy in place")
    parser.add_argument("--json", action="store_true", help="print one JSON line")
    args = parser.parse_args()
    if not (args.home / "catalog.json").is_file():
        parser.error(f"not an indexed library home: {args.home}")
    if args.segments < 1:
        parser.error("--segments must be at least 1")
    work = Path(tempfile.mkdtemp(prefix="segment-count-"))
    copy = work / "home"
    try:
        shutil.copytree(args.home, copy, symlinks=True)
        figures = merge_into(copy, args.segments)
        figures.update(alternate([args.home, copy], args.repeat))
        with open("/proc/loadavg", encoding="ascii") as f:
            figures["load_average"] = f.read().split()[:3]
    finally:
        if args.keep:
            print(f"merged copy kept at {copy}", file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)
    print_figures(figures, args.json)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
