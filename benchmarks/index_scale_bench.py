#!/usr/bin/env python3
"""A 10x library: the corpus plus nine perturbed copies, indexed and searched.

    python benchmarks/index_scale_bench.py --corpus DIR [--copies 9] [--limit-docs N] [--json]

Copies are written into a temporary folder (removed afterwards): copy ``k`` of a report has
about one CJK character in 40 replaced by another character of the same report (a fixed random
choice per copy), so every copy is a different file with the corpus's vocabulary and sizes.
Then it runs benchmarks/search_bench.py on that folder, which prints index time, index size,
peak disk while indexing, indexing and search RSS, and search p50/p95 next to ripgrep.
Nothing here asserts anything: it prints figures.
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

CJK = re.compile(r"[\u4e00-\u9fff]")


def perturb(text: str, rng: random.Random, rate: float = 1 / 40) -> str:
    """Replace about ``rate`` of the CJK characters with other CJK characters of the text."""
    chars = list(text)
    cjk = [i for i, c in enumerate(chars) if CJK.match(c)]
    if not cjk:
        return text + f"\n{rng.random()}\n"
    pool = [chars[i] for i in cjk]
    for i in rng.sample(cjk, max(1, int(len(cjk) * rate))):
        chars[i] = rng.choice(pool)
    return "".join(chars)


def make_library(corpus: Path, target: Path, copies: int, limit: int) -> int:
    files = sorted(p for p in corpus.rglob("*") if p.suffix in (".md", ".txt") and p.is_file())
    if limit:
        files = files[:limit]
    n = 0
    for i, path in enumerate(files):
        text = path.read_text("utf-8", errors="replace")
        (target / "c0").mkdir(parents=True, exist_ok=True)
        (target / "c0" / f"{i:05d}{path.suffix}").write_text(text, "utf-8")
        n += 1
        for k in range(1, copies + 1):
            folder = target / f"c{k}"
            folder.mkdir(exist_ok=True)
            rng = random.Random(k * 1_000_003 + i)
            (folder / f"{i:05d}{path.suffix}").write_text(perturb(text, rng), "utf-8")
            n += 1
    return n


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", required=True, type=Path)
    parser.add_argument("--copies", type=int, default=9)
    parser.add_argument("--limit-docs", type=int, default=0, help="only the first N corpus files")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="reporttui-scale-"))
    try:
        n = make_library(args.corpus.resolve(), work / "library", args.copies, args.limit_docs)
        print(f"index_scale_bench: {n} files in {work / 'library'}", file=sys.stderr)
        bench = Path(__file__).with_name("search_bench.py")
        cmd = [sys.executable, str(bench), "--corpus", str(work / "library")]
        if args.json:
            cmd.append("--json")
        return subprocess.call(cmd)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
