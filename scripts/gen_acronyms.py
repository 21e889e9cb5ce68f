#!/usr/bin/env python3
"""Mine Latin-letter acronyms and the Chinese names reports write out for them.

    python scripts/gen_acronyms.py [--corpus DIR] [--out src/reporttui/core/data/acronyms.txt]

Reports define an acronym in place: 研究与试验发展（R&D）经费, 细颗粒物（PM2.5）, or the other way
round, VC（风险投资）. Each such pair in a report is evidence; the written-out name is the Chinese
run next to the parenthesis, which before it starts somewhere in the sentence (推广政府和社会资本合作
（PPP）). A name is kept when it ends the runs of the reports of at least :data:`MIN_REPORTS` regions
(a region's reports repeat their own wording year after year), has at least as many characters
as the acronym has letters (APEC is not 组织), and
reaching one more character to the left would lose more than a fifth of them (the longest
name the reports agree on: 政府和社会资本合作, not 广政府和社会资本合作 nor 社会资本合作).
An acronym needs two Latin letters (road codes such as G60 stay out).

The benchmark's judged reports (``benchmarks/ranking/reports*.txt``) are left out, so the ranking
figures measure text the table was not mined from. Output: synonym groups (acronym first), read
by ``core/search/synonyms.py`` as shipped groups.
"""

from __future__ import annotations

import argparse
import re
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MIN_REPORTS = 2
"""A name must be given for the acronym in the reports of at least this many regions."""
KEEP_SHARE = 0.8
"""A name is extended one character to the left while the longer name keeps this share of its
reports."""
MAX_RUN = 12
ACRONYM = r"[A-Za-z][A-Za-z0-9&.]{1,7}"
_BEFORE = re.compile(rf"([\u4e00-\u9fff]{{2,{MAX_RUN}}})[（(]({ACRONYM})[)）]")
_AFTER = re.compile(rf"(?<![A-Za-z0-9])({ACRONYM})[（(]([\u4e00-\u9fff]{{2,{MAX_RUN}}})[)）]")


def _letters(acr: str) -> int:
    return sum(c.isalpha() for c in acr)


def _starts_a_word(name: str, runs: list[str]) -> bool:
    """Whether jieba starts a word where ``name`` starts in most of the runs ending with it
    (路运输 of 道路运输 and 公路运输 does not)."""
    import jieba

    ending = [r for r in runs if r.endswith(name) and len(r) > len(name)]
    if not ending:
        return True  # the whole run, or the whole parenthesis
    at = 0
    for r in ending:
        cut, starts = len(r) - len(name), set()
        pos = 0
        for w in jieba.lcut(r):
            starts.add(pos)
            pos += len(w)
        at += cut in starts
    return at * 2 >= len(ending)


def mine(files: list[Path]) -> dict[str, list[str]]:
    """acronym -> its written-out names (most reports first)."""
    runs: dict[str, list[tuple[str, str]]] = defaultdict(list)  # acr -> (report, run before)
    whole: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    spelled: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for f in files:
        text = f.read_text(encoding="utf-8", errors="replace")
        rep = str(f.parent)  # a region's reports repeat their own wording year after year
        for run, acr in _BEFORE.findall(text):
            if _letters(acr) >= 2:
                runs[acr.upper()].append((rep, run))
                spelled[acr.upper()][acr] += 1
        for acr, name in _AFTER.findall(text):
            if _letters(acr) >= 2:
                whole[acr.upper()][name].add(rep)
                spelled[acr.upper()][acr] += 1
    out: dict[str, list[str]] = {}
    for acr in sorted(set(runs) | set(whole)):
        support: dict[str, set[str]] = defaultdict(set)
        for rep, run in runs.get(acr, ()):
            for k in range(2, len(run) + 1):
                support[run[-k:]].add(rep)
        for name, reps in whole.get(acr, {}).items():
            support[name] |= reps
        kept: dict[str, int] = {}
        for name, reps in support.items():
            if len(reps) < MIN_REPORTS or len(name) < _letters(acr):
                continue  # too rare, or shorter than the letters it would stand for (组织)
            longer = [r for n, r in support.items() if len(n) == len(name) + 1 and n.endswith(name)]
            if any(len(r) >= KEEP_SHARE * len(reps) for r in longer):
                continue  # the reports agree on a longer name
            kept[name] = len(reps)
        runs_of = [run for _, run in runs.get(acr, ())]
        kept = {n: k for n, k in kept.items() if _starts_a_word(n, runs_of)}
        names = [n for n, _ in sorted(kept.items(), key=lambda x: (-x[1], x[0]))]
        # a name holding another kept name adds no row of its own
        names = [n for n in names if not any(o != n and o in n for o in names)]
        if names:
            shown = max(spelled[acr].items(), key=lambda x: (x[1], x[0]))[0]
            out[shown] = names
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", default="/tmp/corpus")
    ap.add_argument("--out", default=str(ROOT / "src/reporttui/core/data/acronyms.txt"))
    args = ap.parse_args()
    corpus = Path(args.corpus)
    judged = {
        line.strip()
        for lst in (ROOT / "benchmarks" / "ranking").glob("reports*.txt")
        for line in lst.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    }
    files = sorted(
        p for p in corpus.rglob("*.md") if p.relative_to(corpus).as_posix() not in judged
    )
    table = mine(files)
    lines = [
        "# Latin-letter acronyms and the names reports write out for them (one group per line,",
        "# acronym first), mined by scripts/gen_acronyms.py from "
        f"{len(files)} corpus reports (the ranking",
        "# benchmark's judged reports left out): pairs such as 细颗粒物（PM2.5） and VC（风险投资）.",
        "# Read as shipped synonym groups; regenerate rather than edit (add your own to",
        "# <library home>/synonyms.txt).",
    ]
    lines += [" ".join([acr, *names]) for acr, names in sorted(table.items())]
    Path(args.out).write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(table)} acronyms from {len(files)} reports -> {args.out}")


if __name__ == "__main__":
    main()
