#!/usr/bin/env python3
"""Index a folder of reports into a fresh library home, then time searches against ripgrep.

    python benchmarks/search_bench.py --corpus DIR [--limit-docs N] [--json]
    python benchmarks/search_bench.py --home HOME [--cli N] [--json]   # an indexed library

Prints one JSON line (with --json) or a short table:
``{"docs","chars","index_seconds","chars_per_second","queries","p50_ms","p95_ms",
"rg_p50_ms","rg_p95_ms","index_mb","peak_disk_during_index_mb","index_peak_rss_mb",
"peak_rss_mb"}`` plus a few extra keys (workers, notes). ``peak_disk_during_index_mb`` samples
the whole library folder while indexing; ``home_mb_after`` is that folder when done (the index,
the catalogue and the caches), so ``peak_temporary_mb`` is what indexing needed beyond its result.

* Indexing goes through :class:`reporttui.core.library.library.Library` exactly as ``reporttui add``
  does (worker processes for big batches); ``index_seconds`` is that one call.
* Search latency is in-process and warm: a fresh process opens the library, runs every query once
  to warm up, then times each query ``--repeat`` times (one shared searcher, as the app does).
  ``peak_rss_mb`` is that search process's peak resident size.
* ``rg_*`` times ``rg -c -F -e TERM ...`` as a whole process over the same files, one run per
  query and repeat, for the positive terms of the same queries.
Nothing here asserts anything about time: it prints figures.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

QUERIES: list[str] = [
    # single words, common to rare
    "发展",
    "建设",
    "高质量发展",
    "营商环境",
    "乡村振兴",
    "新质生产力",
    "碳达峰",
    "抽水蓄能",
    "煤矸石",
    "林麝",
    # two or three words (all must occur)
    "数字经济 人工智能",
    "民营经济 营商环境",
    "生态 保护 黄河",
    # phrases
    '"一泓清水入黄河"',
    '"专精特新"',
    '"绿色低碳转型"',
    # numbers and units
    "5%左右",
    "6.5%",
    # filters
    "region:太原 高质量发展",
    "year:2024 新质生产力",
    # operators
    "乡村振兴 -脱贫",
    "氢能 OR 储能",
]


def print_figures(figures: dict[str, Any], as_json: bool) -> None:
    """The figures on standard output: one JSON line, or one aligned ``key  value`` per line."""
    if as_json:
        print(json.dumps(figures, ensure_ascii=False))
    else:
        for key, value in figures.items():
            print(f"{key:>18}  {value}")


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    k = (len(ordered) - 1) * q
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def positive_terms(query: str) -> list[str]:
    """The literal terms a grep user would look for: no filters, operators or exclusions."""
    terms = re.findall(r'"([^"]+)"|(\S+)', query)
    out = []
    for quoted, word in terms:
        term = quoted or word
        if not term or term in ("OR", "AND", "NOT") or term.startswith("-") or ":" in term:
            continue
        out.append(term)
    return out


def _cpu_seconds() -> float:
    """CPU time of this process and its finished children (the worker processes)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def dir_mb(path: Path) -> float:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 1e6


def size_breakdown(index: Path) -> dict[str, float]:
    """MB of the index by part: Whoosh's files by suffix (``.col`` stored rows and columns,
    ``.pst``/``.trm`` its small filter fields...) and the project's postings (``.rtp``) by
    array kind over all segments (``bg.data`` positions and rows of the exact field,
    ``bg.keys`` its terms, ``sp.*`` the section paths, ``rowkey.*`` the row key columns)."""
    import struct

    out: dict[str, float] = {}
    for p in index.rglob("*"):
        if not p.is_file():
            continue
        if p.suffix != ".rtp":
            key = p.suffix or p.name
            out[key] = out.get(key, 0.0) + p.stat().st_size / 1e6
            continue
        with p.open("rb") as f:
            head = f.read(12)
            (hlen,) = struct.unpack_from("<I", head, 8)
            header = json.loads(f.read(hlen))
        for name, (_, dtype, count) in header["arrays"].items():
            size = count if dtype == "bytes" else count * int(dtype[2:] or 1)
            field, _, part = name.partition(".")
            key = f".rtp {field}.{part}" if field != "rowkey" else ".rtp rowkey"
            if part in ("df", "npos", "width", "data_off", "key_off"):
                key = f".rtp {field}.term_table"
            out[key] = out.get(key, 0.0) + size / 1e6
    return {k: round(v, 1) for k, v in sorted(out.items(), key=lambda kv: -kv[1])}


def search_phase(home: Path, repeat: int, limit: int = 50) -> dict[str, object]:
    """Run in a fresh process: warm searches, latencies and peak RSS of searching alone
    (``limit`` hits a query: 50 by default, as in every round's figures; ``reporttui search``
    prints 20 unless told ``--limit``)."""
    from reporttui.core.library.library import Library

    library = Library(home)
    totals = {}
    for query in QUERIES:  # warm-up: opens the index, loads jieba, fills OS caches
        totals[query] = library.search(query, limit=limit).total
    times = []
    for _ in range(repeat):
        for query in QUERIES:
            started = time.perf_counter()
            library.search(query, limit=limit)
            times.append((time.perf_counter() - started) * 1000)
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    try:  # ru_maxrss survives exec (it would be the parent's peak); VmHWM is this program's
        status = Path("/proc/self/status").read_text()
        peak_kb = int(re.search(r"VmHWM:\s+(\d+)", status).group(1))  # type: ignore[union-attr]
    except (OSError, AttributeError):
        pass
    return {"times_ms": times, "totals": totals, "peak_rss_mb": peak_kb / 1024}


def rg_phase(files: list[Path], repeat: int) -> tuple[list[float] | None, str | None]:
    rg = shutil.which("rg")
    if rg is None:
        return None, "ripgrep (rg) is not installed: `apt-get install ripgrep` for the rg_* figures"
    times = []
    for _ in range(repeat):
        for query in QUERIES:
            args = [rg, "-c", "-F", "--no-messages"]
            for term in positive_terms(query):
                args += ["-e", term]
            args += [str(f) for f in files]
            started = time.perf_counter()
            subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            times.append((time.perf_counter() - started) * 1000)
    return times, None


def _child_cpu() -> float:
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return kids.ru_utime + kids.ru_stime


def cli_phase(home: Path, runs: int) -> dict[str, float]:
    """`reporttui search QUERY > /dev/null` as a whole process (import, start-up, freshness
    check, search, output), warm page cache and compiled bytecode: wall and CPU seconds per
    run."""
    exe = Path(sys.executable).with_name("reporttui")
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "reporttui.cli"]
    env = dict(os.environ, REPORTTUI_HOME=str(home))
    # An installed package has its bytecode compiled; with PYTHONDONTWRITEBYTECODE set (as in
    # some sandboxes) every run would compile every module again (~0.1 s): the warm-up run
    # below writes the bytecode once.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    walls, cpus = [], []
    subprocess.run([*cmd, "search", QUERIES[0]], env=env, stdout=subprocess.DEVNULL)  # warm
    for _ in range(runs):
        for query in QUERIES:
            before = _child_cpu()
            started = time.perf_counter()
            subprocess.run(
                [*cmd, "search", query],
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            walls.append(time.perf_counter() - started)
            cpus.append(_child_cpu() - before)
    return {
        "cli_p50_s": round(percentile(walls, 0.5), 3),
        "cli_p95_s": round(percentile(walls, 0.95), 3),
        "cli_cpu_p50_s": round(percentile(cpus, 0.5), 3),
        "cli_cpu_p95_s": round(percentile(cpus, 0.95), 3),
    }


def search_child(corpus: str, home: Path, repeat: int, limit: int = 50) -> dict[str, Any] | None:
    """Run the search phase in a child process (its RSS is the search's alone); None on failure."""
    child = subprocess.run(
        [
            sys.executable,
            __file__,
            "--corpus",
            corpus,
            "--search-only",
            str(home),
            "--repeat",
            f"{repeat}",
            "--limit",
            f"{limit}",
        ],
        capture_output=True,
        text=True,
    )
    if child.returncode:
        print(child.stderr, file=sys.stderr)
        return None
    result: dict[str, Any] = json.loads(child.stdout.strip().splitlines()[-1])
    return result


def existing_home(args: argparse.Namespace) -> int:
    """Search figures on an already indexed library home (``--home``): in-process search
    latency and RSS in a child process, ripgrep on the library's files, optionally the CLI."""
    from reporttui.core.library.library import Library

    home = args.home.resolve()
    files = [Path(e.path) for e in Library(home).entries() if not e.bundled]
    searched = search_child(".", home, args.repeat, args.limit)
    if searched is None:
        return 1
    rg_times, rg_note = rg_phase(files, args.repeat)
    figures: dict[str, object] = {
        "docs": len(files),
        "queries": len(QUERIES),
        "limit": args.limit,
        "p50_ms": round(percentile(searched["times_ms"], 0.5), 2),
        "p95_ms": round(percentile(searched["times_ms"], 0.95), 2),
        "rg_p50_ms": round(percentile(rg_times, 0.5), 2) if rg_times else None,
        "rg_p95_ms": round(percentile(rg_times, 0.95), 2) if rg_times else None,
        "peak_rss_mb": round(searched["peak_rss_mb"], 1),
    }
    if rg_times:
        figures["p50_vs_rg"] = round(float(figures["p50_ms"]) / float(figures["rg_p50_ms"]), 3)  # type: ignore[arg-type]
        figures["p95_vs_rg"] = round(float(figures["p95_ms"]) / float(figures["rg_p95_ms"]), 3)  # type: ignore[arg-type]
    if args.cli:
        figures.update(cli_phase(home, args.cli))
    figures["load_average"] = round(os.getloadavg()[0], 2)
    if rg_note:
        figures["notes"] = rg_note
    if args.json:
        print(json.dumps(figures, ensure_ascii=False))
    else:
        for key, value in figures.items():
            print(f"{key:>18}  {value}")
        for query, total in searched["totals"].items():
            print(f"  {total:>7}  {query}", file=sys.stderr)
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, help="folder of .txt/.md reports (to index)")
    parser.add_argument("--limit-docs", type=int, default=0, help="only the first N files")
    parser.add_argument("--json", action="store_true", help="print one JSON line")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs per query")
    parser.add_argument(
        "--limit", type=int, default=50, help="hits per query (reporttui search prints 20)"
    )
    parser.add_argument("--keep-home", action="store_true", help="leave the temp home in place")
    parser.add_argument(
        "--home",
        type=Path,
        help="search an existing library home instead of indexing (--corpus is then ignored)",
    )
    parser.add_argument(
        "--cli",
        type=int,
        default=0,
        metavar="N",
        help="also time `reporttui search QUERY` as a whole process, N runs per query",
    )
    parser.add_argument("--search-only", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.search_only:
        print(json.dumps(search_phase(args.search_only, args.repeat, args.limit)))
        return 0
    if args.home:
        return existing_home(args)
    if args.corpus is None:
        parser.error("give --corpus DIR (to index it) or --home HOME (an indexed library)")

    from reporttui.core.library.catalog import scan_root
    from reporttui.core.library.library import Library

    files = scan_root(args.corpus.resolve())
    if args.limit_docs:
        files = files[: args.limit_docs]
    if not files:
        print(f"no .txt/.md files under {args.corpus}", file=sys.stderr)
        return 1
    work = Path(tempfile.mkdtemp(prefix="reporttui-bench-"))
    home = work / "home"
    picked = work / "picked"
    picked.mkdir()
    for i, path in enumerate(files):
        (picked / f"{i:05d}{path.suffix}").symlink_to(path)

    def progress(done: int, total: int, name: str) -> None:
        if not args.json and total and done % max(1, total // 20) == 0:
            print(f"  indexed {done}/{total}", file=sys.stderr)

    library = Library(home)
    cpu_before = _cpu_seconds()
    peak_disk = [0.0]
    sampling = threading.Event()

    def sample_disk() -> None:  # the library folder's size while indexing (temp files included)
        while not sampling.wait(0.5):
            with contextlib.suppress(OSError):
                peak_disk[0] = max(peak_disk[0], dir_mb(home))

    sampler = threading.Thread(target=sample_disk, daemon=True)
    sampler.start()
    started = time.perf_counter()
    report = library.add([picked], progress=progress)
    index_seconds = time.perf_counter() - started
    sampling.set()
    sampler.join()
    index_rss_mb = (
        max(
            resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
            resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,
        )
        / 1024
    )
    index_cpu = _cpu_seconds() - cpu_before
    wanted = {str(p) for p in files}
    entries = [e for e in library.entries() if e.path in wanted]
    chars = sum(e.chars for e in entries)
    index_mb = dir_mb(home / "index")
    home_mb = dir_mb(home)  # the index plus the catalogue and the library's caches
    breakdown = size_breakdown(home / "index")

    searched = search_child(str(args.corpus), home, args.repeat, args.limit)
    if searched is None:
        return 1
    rg_times, rg_note = rg_phase(files, args.repeat)

    figures: dict[str, object] = {
        "docs": len(entries),
        "chars": chars,
        "index_seconds": round(index_seconds, 2),
        "chars_per_second": round(chars / index_seconds) if index_seconds else None,
        "queries": len(QUERIES),
        "limit": args.limit,
        "p50_ms": round(percentile(searched["times_ms"], 0.5), 2),
        "p95_ms": round(percentile(searched["times_ms"], 0.95), 2),
        "rg_p50_ms": round(percentile(rg_times, 0.5), 2) if rg_times else None,
        "rg_p95_ms": round(percentile(rg_times, 0.95), 2) if rg_times else None,
        "index_mb": round(index_mb, 1),
        "peak_disk_during_index_mb": round(peak_disk[0], 1),
        "home_mb_after": round(home_mb, 1),
        "peak_temporary_mb": round(max(0.0, peak_disk[0] - home_mb), 1),
        "index_peak_rss_mb": round(index_rss_mb, 1),
        "peak_rss_mb": round(searched["peak_rss_mb"], 1),
        "workers": report.workers,
        "index_cpu_seconds": round(index_cpu, 1),
        "load_average": round(os.getloadavg()[0], 2),
        "failed": len(report.failed),
        "index_breakdown_mb": breakdown,
    }
    if rg_note:
        figures["notes"] = rg_note
        print(f"search_bench: {rg_note}", file=sys.stderr)
    if args.keep_home:
        figures["home"] = str(home)
    else:
        shutil.rmtree(work, ignore_errors=True)
    print_figures(figures, args.json)
    if not args.json:
        print("\nhits per query:", file=sys.stderr)
        for query, total in searched["totals"].items():
            print(f"  {total:>7}  {query}", file=sys.stderr)
        print(
            f"median of per-query medians: {statistics.median(searched['times_ms']):.2f} ms",
            file=sys.stderr,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
