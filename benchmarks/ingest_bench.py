"""Ingestion speed and robustness figures: chars/s on the seeds, a 20 MB file, the corpus.

    .venv/bin/python benchmarks/ingest_bench.py [CORPUS_DIR_OR_TARBALL]

Prints figures; asserts nothing about time. The corpus defaults to ../shared/corpus/
gov-reports.tar.xz (unpacked into a temporary directory) or an already unpacked folder.
Every corpus file is also checked for the no-loss promise; failures are listed by file.
"""

from __future__ import annotations

import sys
import tarfile
import tempfile
import time
from pathlib import Path

from reporttui.core.errors import ReportError
from reporttui.core.paths import seed_files
from reporttui.core.text.decode import decode_bytes
from reporttui.core.text.ingest import check_no_loss, parse_document

ROOT = Path(__file__).resolve().parents[1]


def bench_seeds() -> None:
    datas = [p.read_bytes() for p in seed_files()]
    chars = sum(len(d.decode("utf-8")) for d in datas)
    t0 = time.perf_counter()
    rounds = 20
    for _ in range(rounds):
        for d in datas:
            parse_document(d)
    dt = time.perf_counter() - t0
    print(f"seeds: {chars * rounds / dt:,.0f} chars/s ({dt / rounds * 1000:.1f} ms for the five)")


def bench_big() -> None:
    seeds = "\n\n".join(p.read_text("utf-8") for p in seed_files())
    big = (seeds * (20_000_000 // len(seeds.encode("utf-8")) + 1)).encode("utf-8")[:20_000_000]
    big = big.decode("utf-8", "ignore").encode("utf-8")
    t0 = time.perf_counter()
    doc = parse_document(big, "<20MB>")
    dt = time.perf_counter() - t0
    print(
        f"20 MB file: {dt:.2f} s ({len(big) / 1e6 / dt:.1f} MB/s), "
        f"{len(doc.paragraphs()):,} paragraphs, {sum(1 for _ in doc.walk()):,} sections"
    )


def corpus_dir(arg: str | None) -> tuple[Path | None, tempfile.TemporaryDirectory[str] | None]:
    src = Path(arg) if arg else ROOT.parent / "shared" / "corpus" / "gov-reports.tar.xz"
    if src.is_dir():
        return src, None
    if not src.exists():
        return None, None
    tmp = tempfile.TemporaryDirectory()
    with tarfile.open(src) as tar:
        tar.extractall(tmp.name, filter="data") if sys.version_info >= (3, 12) else tar.extractall(
            tmp.name
        )
    return Path(tmp.name), tmp


def bench_corpus(arg: str | None) -> None:
    root, tmp = corpus_dir(arg)
    if root is None:
        print("corpus: not found, skipped")
        return
    files = sorted(p for p in root.rglob("*") if p.is_file() and p.suffix in (".md", ".txt"))
    total = 0
    errors: list[str] = []
    losses: list[str] = []
    t0 = time.perf_counter()
    parse_time = 0.0
    for f in files:
        data = f.read_bytes()
        total += len(data)
        t1 = time.perf_counter()
        try:
            doc = parse_document(data, str(f))
        except ReportError as exc:
            errors.append(f"{f.relative_to(root)}: {exc}")
            continue
        parse_time += time.perf_counter() - t1
        problems = check_no_loss(decode_bytes(data).text, doc)
        if problems:
            losses.append(f"{f.relative_to(root)}: {'; '.join(problems)}")
    dt = time.perf_counter() - t0
    print(
        f"corpus: {len(files)} files, {total / 1e6:.0f} MB, parse {parse_time:.1f} s "
        f"({total / 1e6 / parse_time:.1f} MB/s), with no-loss checks {dt:.1f} s; "
        f"{len(errors)} errors, {len(losses)} no-loss failures"
    )
    for line in (errors + losses)[:30]:
        print("  ", line)
    if tmp is not None:
        tmp.cleanup()


if __name__ == "__main__":
    bench_seeds()
    bench_big()
    bench_corpus(sys.argv[1] if len(sys.argv) > 1 else None)
