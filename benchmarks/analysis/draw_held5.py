"""How the held5 blind set was drawn (round 16): strata the earlier sets never covered.

    python benchmarks/analysis/draw_held5.py [CORPUS]

Prints, per stratum, the reports drawn with ``random.Random(3016)`` (the strata in this order,
two reports each, one generator for the whole draw). Reports of an earlier judged set, and other
years of a region already judged (sets before held5), are left out of the pools. Only paths are printed.
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    corpus = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/corpus")
    judged = json.loads((HERE / "targets_judged.json").read_text("utf-8"))
    judged["reports"] = [r for r in judged["reports"] if r["set"] != "held5"]
    regions = {str(Path(r["path"]).parent) for r in judged["reports"] if "国务院" not in r["path"]}
    seen = {r["path"] for r in judged["reports"]}
    files = sorted(
        str(p.relative_to(corpus))
        for p in corpus.rglob("*.md")
        if p.stem.isdigit() and str(p.relative_to(corpus)) not in seen
    )

    def year(path: str) -> int:
        return int(Path(path).stem)

    def fresh(path: str) -> bool:
        return str(Path(path).parent) not in regions

    strata = {
        "国务院 2000-2014": [f for f in files if "国务院" in f and 2000 <= year(f) <= 2014],
        "自治区 (province level), any year": [
            f for f in files if "省自治区" in f and "自治区" in Path(f).parent.name and fresh(f)
        ],
        "自治州 (其他地市), any year": [
            f for f in files if "其他地市" in f and "自治州" in Path(f).parent.name and fresh(f)
        ],
        "other cities of 其他地市, before 2015": [
            f
            for f in files
            if "其他地市" in f and "自治州" not in f and year(f) < 2015 and fresh(f)
        ],
        "provinces and 主要城市, before 2015": [
            f
            for f in files
            if (("省自治区" in f and "自治区" not in Path(f).parent.name) or "主要城市" in f)
            and year(f) < 2015
            and fresh(f)
        ],
    }
    rng = random.Random(3016)
    for name, pool in strata.items():
        drawn: list[str] = []
        size = len(pool)
        while len(drawn) < 2 and pool:
            pick = rng.choice(pool)
            pool = [f for f in pool if Path(f).parent != Path(pick).parent or "国务院" in f]
            pool = [f for f in pool if f != pick]
            drawn.append(pick)
        print(f"{name} ({size} in pool):")
        for path in drawn:
            print(f"  {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
