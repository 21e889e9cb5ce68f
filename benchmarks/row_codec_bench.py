#!/usr/bin/env python3
"""A stored row's text decompression, hot and after the caches were flushed, by dictionary size.

    python benchmarks/row_codec_bench.py --corpus /tmp/corpus [--evict-mb 3] [--dict-kb 128 32 8]

storage (issue 11, round 12): inside a query a stored row's Zstandard decompression costs several
times its figure in a loop (the matcher's arrays have pushed the decoder's state out of the
caches). This asks whether a smaller dictionary would make that cheaper. It reads paragraphs
(lines of 8+ characters) of the corpus's files in a fixed shuffled order until a segment's worth
of UTF-8 (~17.8 MB, what one full-corpus segment holds), trains a dictionary of each size on the
first 1 MB (as ``codec.segment_dictionary`` does), compresses every row alone at level 9 (as
``codec.RowPerDocWriter``), and prints per size: the compressed bytes (a row whose frame is not
shorter counts its own bytes), the decompression of 400 random rows in a loop (hot, best of 5)
and the median of 200 single decompressions each after writing one byte in every cache line of
``--evict-mb`` MB (cold). Nothing is written; figures only.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from pathlib import Path
from typing import Any

import numpy as np
import zstandard

SEGMENT_BYTES = 17_800_000
TRAIN_BYTES = 1_000_000


def corpus_rows(corpus: Path) -> list[bytes]:
    files = sorted(p for p in corpus.rglob("*") if p.suffix in (".txt", ".md"))
    random.Random(1).shuffle(files)
    rows: list[bytes] = []
    size = 0
    for f in files:
        for line in f.read_text(encoding="utf-8", errors="replace").splitlines():
            line = line.strip()
            if len(line) >= 8:
                rows.append(line.encode("utf-8"))
                size += len(rows[-1])
        if size > SEGMENT_BYTES:
            break
    return rows


def measure(rows: list[bytes], dict_bytes: int, evict_mb: float) -> dict[str, float]:
    sample: list[Any] = []
    got = 0
    for r in rows:
        sample.append(r)
        got += len(r)
        if got >= TRAIN_BYTES:
            break
    zdict = zstandard.train_dictionary(dict_bytes, sample) if dict_bytes else None
    comp = zstandard.ZstdCompressor(
        level=9,
        dict_data=zdict,
        write_content_size=True,
        write_checksum=False,
        write_dict_id=False,
    )
    if zdict is not None:
        dctx = zstandard.ZstdDecompressor(dict_data=zstandard.ZstdCompressionDict(zdict.as_bytes()))
    else:
        dctx = zstandard.ZstdDecompressor()
    unzstd = dctx.decompress
    packed = [comp.compress(r) for r in rows]
    stored = sum(min(len(p), len(r)) for p, r in zip(packed, rows, strict=True))
    pick = [packed[i] for i in random.Random(2).sample(range(len(rows)), 400)]
    unzstd(pick[0])
    hot = float("inf")
    for _ in range(5):
        t = time.perf_counter()
        for p in pick:
            unzstd(p)
        hot = min(hot, (time.perf_counter() - t) / len(pick))
    junk = np.zeros(max(int(evict_mb * 1_000_000), 64), dtype=np.uint8)
    cold = []
    for p in pick[:200]:
        junk[::64] += 1
        t = time.perf_counter()
        unzstd(p)
        cold.append(time.perf_counter() - t)
    return {
        "stored_mb": stored / 1e6,
        "ratio": stored / sum(len(r) for r in rows),
        "hot_us": hot * 1e6,
        "cold_us": statistics.median(cold) * 1e6,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, required=True, help="folder of .txt/.md reports")
    parser.add_argument(
        "--evict-mb", type=float, default=3.0, help="MB written before each cold row"
    )
    parser.add_argument("--dict-kb", type=int, nargs="+", default=[128, 32, 8, 0])
    args = parser.parse_args()
    rows = corpus_rows(args.corpus)
    print(f"{len(rows)} rows, {sum(len(r) for r in rows) / 1e6:.2f} MB of UTF-8")
    for kb in args.dict_kb:
        f = measure(rows, kb * 1024, args.evict_mb)
        print(
            f"dictionary {kb:>4} KB: {f['stored_mb']:.2f} MB ({f['ratio'] * 100:.1f} %), "
            f"hot {f['hot_us']:.2f} µs, cold {f['cold_us']:.2f} µs a row"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
