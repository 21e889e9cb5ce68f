#!/usr/bin/env python3
"""A 10x library: the corpus plus nine perturbed copies, indexed and searched.

    flock /tmp/reporttui-heavy.lock nice -n 10 \
        .venv/bin/python benchmarks/index_scale_bench.py --corpus /tmp/corpus [--out FILE.json]
    python benchmarks/index_scale_bench.py --corpus DIR [--copies 9] [--limit-docs N] [--json]

The full run (30,040 reports, ~517 M characters) takes the machine for 15-30 minutes and needs
~6 GB of temporary disk (the library copies and the index), all removed at the end.

Copies are written into a temporary folder (removed afterwards): copy ``k`` of a report has
about one CJK character in 40 replaced by another character of the same report (a fixed random
choice per copy), so every copy is a different file with the corpus's vocabulary and sizes.
With ``--keep DIR`` the copies and the indexed home stay in DIR (the home's path is printed as
``home``), so later search measurements reuse them without a rebuild.
Then it runs benchmarks/search_bench.py on that folder, which prints index time, index size,
peak disk while indexing, indexing and search RSS, and search p50/p95 next to ripgrep.
It also prints the wall time of the whole run, the load average, and the peak disk of the
temporary folder (library copies plus index). Nothing here asserts anything: it prints figures.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
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
    parser.add_argument("--out", type=Path, help="also write the figures (JSON) to this file")
    parser.add_argument(
        "--keep",
        type=Path,
        help="build in this new folder and keep it (library copies + indexed home under tmp/),"
        " for later `search_bench.py --home` runs",
    )
    args = parser.parse_args()
    if args.keep:
        args.keep.mkdir(parents=True)  # a new folder only: never reuse or remove an existing one
        work = args.keep.resolve()
    else:
        work = Path(tempfile.mkdtemp(prefix="reporttui-scale-"))
    started = time.perf_counter()
    peak = [0]
    done = threading.Event()

    def size(folder: Path) -> int:
        used = 0
        for root, _, names in os.walk(folder):
            for name in names:
                with contextlib.suppress(OSError):
                    used += os.lstat(os.path.join(root, name)).st_size
        return used

    copies = [0]

    def sample() -> None:  # the library copies (once written, walked once), the temp home
        while not done.wait(2.0):  # and index (walking 30,000 copies every 2 s took ~0.4 core)
            if copies[0]:
                peak[0] = max(peak[0], copies[0] + size(work / "tmp"))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    try:
        n = make_library(args.corpus.resolve(), work / "library", args.copies, args.limit_docs)
        made = time.perf_counter() - started
        copies[0] = size(work / "library")
        peak[0] = max(peak[0], copies[0])
        print(f"index_scale_bench: {n} files in {work / 'library'} ({made:.0f} s)", file=sys.stderr)
        bench = Path(__file__).with_name("search_bench.py")
        cmd = [sys.executable, str(bench), "--corpus", str(work / "library"), "--json"]
        if args.keep:
            cmd.append("--keep-home")
        (work / "tmp").mkdir()
        env = dict(os.environ, TMPDIR=str(work / "tmp"))  # its temp home too: measured, removed
        child = subprocess.run(cmd, stdout=subprocess.PIPE, text=True, env=env)
        if child.returncode:
            return child.returncode
        figures = json.loads(child.stdout.strip().splitlines()[-1])
    finally:
        done.set()
        sampler.join()
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    figures.update(
        copies=args.copies,
        files=n,
        make_library_seconds=round(made, 1),
        total_seconds=round(time.perf_counter() - started, 1),
        peak_temp_disk_mb=round(peak[0] / 1e6, 1),
        load_average_end=[round(x, 2) for x in os.getloadavg()],
    )
    if args.out:
        args.out.write_text(json.dumps(figures, ensure_ascii=False, indent=1) + "\n", "utf-8")
    if args.json:
        print(json.dumps(figures, ensure_ascii=False))
    else:
        for key, value in figures.items():
            print(f"{key:>26}  {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
