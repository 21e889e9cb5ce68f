#!/usr/bin/env python3
"""Search CPU time with the indicator forms on and off, alternated in one process (recall, issue 8).

    python benchmarks/ranking/indicator_speed.py HOME [ROUNDS] [LIMIT]

Warm, in-process searches on an indexed library home: ``search_bench.py``'s queries and a dozen
indicator-name queries, each round once with ``core/data/indicator_forms.txt`` and once without
it (the order alternating), CPU milliseconds per query. Prints one JSON object:
``"bench/off": [p50, p95], "bench/on": ..., "indicator/off": ..., "indicator/on": ...``.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "src"))

IND = [
    "旅游收入",
    "城镇化水平",
    "城镇化率",
    "粮食产量",
    "社会消费品零售额",
    "工业产值",
    "财政收入",
    "进出口总额",
    "地方财政收入",
    "居民消费价格涨幅",
    "投资额",
    "优良率",
]
"""Indicator names (with and without forms in the table), written before any measurement."""


def main() -> None:
    from search_bench import QUERIES

    from reporttui.core.library.library import Library
    from reporttui.core.search import synonyms

    home = Path(sys.argv[1])
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 8
    limit = int(sys.argv[3]) if len(sys.argv) > 3 else 20
    lib = Library(home)
    table = synonyms.indicator_forms()
    times: dict[str, list[float]] = {}
    for q in QUERIES + IND:
        lib.search(q, limit=limit)
    for r in range(rounds):
        for state in ("off", "on") if r % 2 == 0 else ("on", "off"):
            synonyms._indicators = table if state == "on" else {}
            for name, qs in (("bench", QUERIES), ("indicator", IND)):
                for q in qs:
                    t = time.process_time()
                    lib.search(q, limit=limit)
                    times.setdefault(f"{name}/{state}", []).append((time.process_time() - t) * 1000)
    out = {}
    for key, ts in sorted(times.items()):
        ts.sort()
        out[key] = [round(statistics.median(ts), 2), round(ts[int(0.95 * (len(ts) - 1))], 2)]
    print(json.dumps(out))


if __name__ == "__main__":
    main()
