"""Tokenizer and indexing throughput of the search core (prints figures, asserts nothing).

    python benchmarks/tokenize_bench.py [--corpus DIR] [--limit-docs N] [--json]

Reads .txt/.md reports (default: the bundled seeds), splits them into non-empty lines as
paragraphs (no ingestion, so only the search core is measured) and times, on one core:
units, the bigram postings, the jieba words, and writing rows into a Whoosh index in a
temporary directory (single process, no merge).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path


def _paragraphs(root: Path | None, limit: int | None) -> list[str]:
    from reporttui.core.paths import seed_files

    files = (
        seed_files()
        if root is None
        else sorted(p for p in root.rglob("*") if p.suffix in (".txt", ".md") and p.is_file())
    )
    if limit:
        files = files[:limit]
    out: list[str] = []
    for f in files:
        text = f.read_text(encoding="utf-8", errors="replace")
        out.extend(line.strip() for line in text.splitlines() if line.strip())
    return out


def _time(fn, items):  # type: ignore[no-untyped-def]
    t = time.perf_counter()
    for x in items:
        fn(x)
    return time.perf_counter() - t


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path)
    ap.add_argument("--limit-docs", type=int, default=200)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)

    from whoosh import index as windex

    from reporttui.core.index.dictionary import prepare_jieba, stopwords
    from reporttui.core.index.schema import make_schema
    from reporttui.core.index.tokenize import BigramField, bigram_postings, jieba_words, units

    paras = _paragraphs(args.corpus, args.limit_docs)
    chars = sum(map(len, paras))
    t0 = time.perf_counter()
    prepare_jieba()
    jieba_load = time.perf_counter() - t0
    stop = stopwords()
    field = BigramField()
    figures: dict[str, float] = {
        "paragraphs": len(paras),
        "chars": chars,
        "jieba_load_s": round(jieba_load, 3),
    }
    figures["units_chars_per_s"] = chars / _time(units, paras)
    figures["bigram_postings_chars_per_s"] = chars / _time(bigram_postings, paras)
    figures["bigram_field_index_chars_per_s"] = chars / _time(lambda p: list(field.index(p)), paras)
    t = time.perf_counter()
    words = [tuple(jieba_words(p, stop)) for p in paras]
    figures["jieba_words_chars_per_s"] = chars / (time.perf_counter() - t)
    with tempfile.TemporaryDirectory() as tmp:
        ix = windex.create_in(tmp, make_schema())
        t = time.perf_counter()
        w = ix.writer(limitmb=256)
        for i, (p, ws) in enumerate(zip(paras, words, strict=False)):
            w.add_document(
                doc_id=f"d{i // 200}",
                path="x",
                title="t",
                region="古交市",
                year=2025,
                kind="政府工作报告",
                section_id="s1",
                section_path="一、总体",
                paragraph=i,
                text=p,
                bg=p,
                jb=ws,
            )
        add_s = time.perf_counter() - t
        t = time.perf_counter()
        w.commit()
        commit_s = time.perf_counter() - t
        size = sum(f.stat().st_size for f in Path(tmp).iterdir())
    figures["whoosh_add_chars_per_s"] = chars / add_s
    figures["whoosh_commit_s"] = round(commit_s, 2)
    figures["write_total_chars_per_s"] = chars / (add_s + commit_s)
    figures["index_mb_per_m_chars"] = round(size / 1e6 / (chars / 1e6), 2)
    for k, v in figures.items():
        if isinstance(v, float) and k.endswith("_per_s"):
            figures[k] = round(v)
    if args.json:
        print(json.dumps(figures))
    else:
        for k, v in figures.items():
            print(f"{k:34} {v:>14,}" if isinstance(v, int) else f"{k:34} {v:>14}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
