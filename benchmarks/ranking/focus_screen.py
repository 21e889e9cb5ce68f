#!/usr/bin/env python3
"""Screen "how much of the row is about the query" terms on a dump of each query's top 60 (round 11).

    python benchmarks/ranking/focus_dump.py --work DIR --out DUMP.pkl
    python benchmarks/ranking/focus_screen.py DUMP.pkl

Each variant adds ``weight × term`` to every dumped row's score and sorts the query's top 60
again (one sort, not block by block as search does: the re-sorted base is printed first), then
prints MRR@10 / nDCG@10 / P@5 for the pool, pool9 and the held-aside aggregate (never a held-aside
query alone) and MRR / nDCG per kind over the pool. The variants are the ones written down in
misses_r11.md; a screen only says which variant is worth a ``run.py`` run.
"""

from __future__ import annotations

import argparse
import pickle
import re
import statistics
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from run import GROUPS, metrics

POOL, POOL9, ASIDE = set(GROUPS["pool"]), set(GROUPS["pool9"]), set(GROUPS["aside"])
SENTENCE = re.compile(r"[^。；！？;!?]+[。；！？;!?]?")
CLAUSE = re.compile(r"[^。；！？;!?，,：:]+")
LEAD = re.compile(r"^[^。；！？：;!?:]{0,40}")
HAN = re.compile(r"[\u4e00-\u9fff]{2,}")
Term = Callable[[dict[str, Any]], list[float]]


def pairs(s: str) -> set[str]:
    out: set[str] = set()
    for m in HAN.finditer(s):
        t = m.group()
        out.update(t[i : i + 2] for i in range(len(t) - 1))
    return out


def groups_of(q: dict[str, Any]) -> Any:
    return next((h["groups"] for h in q["hits"] if "groups" in h), None)


def heads(text: str, skip_first: bool = False, cut: int | None = None) -> list[str]:
    """The first clause of every sentence (to ``cut`` characters)."""
    out = []
    for i, m in enumerate(SENTENCE.finditer(text)):
        c = CLAUSE.match(m.group())
        if c and not (skip_first and i == 0):
            out.append(c.group()[:cut] if cut else c.group())
    return out


def clause_vocabulary(q: dict[str, Any], k: int = 30, block: int = 30) -> set[str]:
    """Pairs most often written in the first block's clauses that hold a query word."""
    groups = groups_of(q) or ()
    alts = [a for g in groups for a in g]
    own = set().union(*(pairs(a) for a in alts)) if alts else set()
    near: Counter[str] = Counter()
    allr: Counter[str] = Counter()
    for t in q["order"][:block]:
        allr.update(pairs(t))
        near.update(
            set().union(*(pairs(c) for c in CLAUSE.findall(t) if any(a in c for a in alts)))
        )
    sc = {b: c * c / allr[b] for b, c in near.items() if b not in own and c >= 2}
    return set(sorted(sc, key=lambda b: (-sc[b], b))[:k])


def lead_vocabulary(
    q: dict[str, Any], k: int = 20, lift: float = 2.0, min_rows: int = 2, block: int = 30
) -> set[str]:
    """Pairs typical of the first block's rows whose lead names every query word."""
    groups = groups_of(q) or ()
    own = set().union(*(pairs(a) for g in groups for a in g)) if groups else set()
    texts = q["order"][:block]
    about = [t for t in texts if all(any(a in LEAD.match(t).group() for a in g) for g in groups)]
    if not groups or len(about) < min_rows:
        return set()
    in_about: Counter[str] = Counter()
    in_block: Counter[str] = Counter()
    for t in texts:
        ps = pairs(t)
        in_block.update(ps)
        if t in about:
            in_about.update(ps)
    sc = {}
    for b, c in in_about.items():
        ratio = (c / len(about)) / (in_block[b] / len(texts))
        if b not in own and c >= min_rows and ratio >= lift:
            sc[b] = ratio * c
    return set(sorted(sc, key=lambda b: (-sc[b], b))[:k])


def on_topic_share(h: dict[str, Any], alts: list[str], vocab: set[str]) -> float:
    """Share of the row's characters in sentences that hold a query word or two vocabulary pairs."""
    on = total = 0
    for m in SENTENCE.finditer(h.get("squeezed", "")):
        s = m.group()
        total += len(s)
        if any(a in s for a in alts) or len(pairs(s) & vocab) >= 2:
            on += len(s)
    return on / total if total else 0.0


def per_row(q: dict[str, Any], f: Callable[[dict[str, Any], Any], float]) -> list[float]:
    groups = groups_of(q)
    return [f(h, groups) if groups and "squeezed" in h else 0.0 for h in q["hits"]]


def in_lead(h: dict[str, Any]) -> bool:
    return bool(h["signals"].get("lead", 0))


def counts(h: dict[str, Any]) -> list[int]:
    return [max((h["squeezed"].count(a) for a in g), default=0) for g in h["groups"]]


def sentence_lead(power: float = 2.0, nonlead: bool = False, **kw: Any) -> Term:
    def f(h: dict[str, Any], groups: Any) -> float:
        if nonlead and in_lead(h):
            return 0.0
        hs = heads(h["squeezed"], **kw)
        return (sum(1 for g in groups if any(a in c for c in hs for a in g)) / len(groups)) ** power

    return lambda q: per_row(q, f)


def embedded(min_sentences: int) -> Term:
    def f(h: dict[str, Any], groups: Any) -> float:
        hs = heads(h["squeezed"])
        heads_hold = any(a in c for c in hs for g in groups for a in g)
        return float(not in_lead(h) and len(hs) >= min_sentences and not heads_hold)

    return lambda q: per_row(q, f)


def imbalance(high: int) -> Term:
    def f(h: dict[str, Any], groups: Any) -> float:
        c = counts(h)
        return float(len(c) >= 2 and max(c) >= high and min(c) <= 1)

    return lambda q: per_row(q, f)


def repeated_all(q: dict[str, Any]) -> list[float]:
    """Δ of ``repeated`` (share of words named twice) made all-or-nothing."""

    def f(h: dict[str, Any], groups: Any) -> float:
        c = counts(h)
        share = sum(1 for x in c if x >= 2) / len(c)
        return (float(share == 1.0) - share) if len(c) >= 2 else 0.0

    return per_row(q, f)


def share(vocab_of: Callable[[dict[str, Any]], set[str]] | None) -> Term:
    def term(q: dict[str, Any]) -> list[float]:
        vocab = vocab_of(q) if vocab_of else set()
        alts = [a for g in groups_of(q) or () for a in g]
        return [on_topic_share(h, alts, vocab) if "squeezed" in h else 0.0 for h in q["hits"]]

    return term


def overlap(nonlead: bool = False, **kw: Any) -> Term:
    def term(q: dict[str, Any]) -> list[float]:
        vocab = lead_vocabulary(q, **kw)
        if not vocab:
            return [0.0] * len(q["hits"])
        return [
            0.0
            if "squeezed" not in h or (nonlead and in_lead(h))
            else len(pairs(h["squeezed"]) & vocab) / len(vocab)
            for h in q["hits"]
        ]

    return term


def evaluate(dump: list[dict[str, Any]], term: Term | None, weight: float, label: str) -> None:
    parts: dict[str, list[dict[str, float]]] = {"pool": [], "pool9": [], "aside": []}
    kinds: dict[str, list[dict[str, float]]] = {}
    for q in dump:
        extra = term(q) if term else [0.0] * len(q["hits"])
        scores = [h["score"] + weight * x for h, x in zip(q["hits"], extra, strict=True)]
        order = sorted(range(len(scores)), key=lambda i: -scores[i])
        m = metrics([q["hits"][i]["key"] for i in order][:10], q["grades"])
        if q["part"] in POOL:
            parts["pool"].append(m)
            kinds.setdefault(q["kind"], []).append(m)
        if q["part"] in POOL9:
            parts["pool9"].append(m)
        if q["part"] in ASIDE:
            parts["aside"].append(m)

    def fig(ms: list[dict[str, float]], keys: tuple[str, ...] = ("mrr", "ndcg", "p5")) -> str:
        return " / ".join(f"{statistics.fmean(x[k] for x in ms):.3f}" for k in keys)

    by_kind = "; ".join(f"{k} {fig(v, ('mrr', 'ndcg'))}" for k, v in sorted(kinds.items()))
    print(
        f"| {label} | {fig(parts['pool'])} | {fig(parts['pool9'])} | {fig(parts['aside'])} "
        f"| {by_kind} |"
    )


VARIANTS: list[tuple[str, Term | None, tuple[float, ...]]] = [
    ("re-sorted base", None, (0.0,)),
    ("share of the row in sentences naming the words", share(None), (0.1, 0.2, 0.3)),
    ("the same, or with 2 pairs of the clause vocabulary", share(clause_vocabulary), (0.1, 0.3)),
    ("a word in a sentence's first clause (share², every row)", sentence_lead(), (0.05, 0.1, 0.2)),
    ("the same, rows without the words in the lead", sentence_lead(nonlead=True), (0.1, 0.2)),
    ("the same, first 12 characters of the clause", sentence_lead(nonlead=True, cut=12), (0.1,)),
    ("embedded: not in lead nor any sentence's head, ≥ 4 sentences", embedded(4), (-0.1, -0.2)),
    ("several words: one ≥ 3 times, another once", imbalance(3), (-0.05, -0.1, -0.2)),
    ("several words: `repeated` all-or-nothing", repeated_all, (0.1,)),
    ("lead-row vocabulary overlap (lift 2, 20 pairs)", overlap(), (0.1, 0.15, 0.2, 0.25, 0.3)),
    ("the same, lift 3", overlap(lift=3.0), (0.15, 0.25)),
    ("the same, rows without the words in the lead", overlap(nonlead=True), (0.1, 0.2)),
]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("dump")
    args = ap.parse_args()
    dump = pickle.loads(Path(args.dump).read_bytes())
    print("| variant | pool | pool9 | aside | pool by kind (MRR / nDCG) |")
    print("|---|---|---|---|---|")
    for label, term, weights in VARIANTS:
        for w in weights:
            evaluate(dump, term, w, f"{label}, {w:+.2f}" if term else label)


if __name__ == "__main__":
    main()
