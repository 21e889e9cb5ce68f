"""How many changed target figures the 对照 diff marks, over consecutive-year report pairs.

For every region (main cities and provinces) with reports for years Y and Y+1 (2023-2026), the
two target passages are diffed (:func:`reporttui.core.analysis.diff.diff_documents` with
``["target"]``). Every target indicator of either passage whose figure differs from the other
passage's (value, unit or qualifier), or that only one passage has, must be marked: the whole
number when the value or unit changed, else at least a mark touching the figure. Pairs are
shuffled with a fixed seed; the first ``--tune`` pairs are the set the marking rules were
tuned on, the rest are held aside. Prints both figures; asserts nothing.

    python benchmarks/workbench/diff_figures.py [--corpus /tmp/corpus] [--tune 120]
"""

from __future__ import annotations

import argparse
import random
import re
import time
from pathlib import Path

from reporttui.core.analysis.diff import PassageDiff, diff_documents
from reporttui.core.analysis.targets import Indicator, extract_from_text
from reporttui.core.model import Document
from reporttui.core.text.ingest import load_document

GROUPS = ("政府工作报告-主要城市", "政府工作报告-省自治区")


def targets_in(doc: Document, numbers: tuple[int, ...]) -> dict[str, Indicator]:
    rows: dict[str, Indicator] = {}
    for p in doc.paragraphs():
        if p.number in numbers:
            for row in extract_from_text(
                p.text, default_kind="target", year=doc.year, offset=p.start
            ):
                if row.kind == "target":
                    rows.setdefault(row.indicator, row)
    return rows


def figure(doc: Document, row: Indicator) -> tuple[int, int] | None:
    clause = doc.text[row.start : row.start + len(row.text)]
    if row.value is not None:
        m = re.search(rf"(?<![\d.]){re.escape(f'{abs(row.value):g}')}(?:\.0+)?(?![\d.])", clause)
        return (row.start + m.start(), row.start + m.end()) if m else None
    at = clause.find(row.qualifier)
    return (
        (row.start + at, row.start + at + len(row.qualifier)) if at >= 0 and row.qualifier else None
    )


def marks(passage: PassageDiff, side: str) -> list[tuple[int, int]]:
    out = []
    for r in passage.rows:
        clause = r.a if side == "a" else r.b
        if clause is not None:
            spans = r.a_spans if side == "a" else r.b_spans
            out += [(clause.start + s, clause.start + e) for s, e in spans]
    return out


def covered(fig: tuple[int, int], found: list[tuple[int, int]], whole: bool) -> bool:
    lo, hi = fig
    if whole:
        return any(s <= lo and hi <= e for s, e in found)
    return any((s < hi and lo < e) or (s == e and lo <= s <= hi) for s, e in found)


def measure(pairs: list[tuple[Path, Path]]) -> tuple[int, int, list[str]]:
    total = marked = 0
    missed: list[str] = []
    for path_a, path_b in pairs:
        a, b = load_document(path_a), load_document(path_b)
        diff = diff_documents(a, b, ["target"])
        if not diff.passages:
            continue
        passage = diff.passages[0]
        ta, tb = targets_in(a, passage.a_paragraphs), targets_in(b, passage.b_paragraphs)
        for name in set(ta) | set(tb):
            ra, rb = ta.get(name), tb.get(name)
            if ra and rb and (ra.value, ra.unit, ra.qualifier) == (rb.value, rb.unit, rb.qualifier):
                continue
            for doc, row, other, side in ((a, ra, rb, "a"), (b, rb, ra, "b")):
                if row is None:
                    continue
                fig = figure(doc, row)
                if fig is None:
                    continue
                changed_value = other is None or other.value != row.value or other.unit != row.unit
                total += 1
                if covered(fig, marks(passage, side), row.value is not None and changed_value):
                    marked += 1
                else:
                    missed.append(f"{path_a.parent.name} {path_a.stem}/{path_b.stem} {side} {name}")
    return total, marked, missed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default="/tmp/corpus")
    parser.add_argument("--tune", type=int, default=120)
    args = parser.parse_args()
    root = Path(args.corpus)
    pairs = []
    for group in GROUPS:
        for region in sorted((root / group).iterdir()):
            for year in (2023, 2024, 2025):
                a, b = region / f"{year}.md", region / f"{year + 1}.md"
                if a.exists() and b.exists():
                    pairs.append((a, b))
    random.seed(14)
    random.shuffle(pairs)
    for label, chunk in (("tuned", pairs[: args.tune]), ("held-aside", pairs[args.tune :])):
        started = time.perf_counter()
        total, marked, missed = measure(chunk)
        print(
            f"{label}: {len(chunk)} pairs, {total} changed target figures, {marked} marked "
            f"({marked / max(total, 1):.3f}), {time.perf_counter() - started:.1f} s"
        )
        for line in missed[:5]:
            print("  missed:", line)


if __name__ == "__main__":
    main()
