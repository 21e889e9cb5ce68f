"""Keyword-noise benchmark: the share of noise in the top 20 keywords (and the top 10 "new" terms
against another year) of judged corpus reports, for the tuned and the held set separately.

    python benchmarks/analysis/keywords_bench.py [--corpus DIR] [-v] [--dump]

A term is judged by the rule in ``keywords_judged.json`` ("rule"): noise is a function word, a
place name, a generic word any report of any year uses (国家, 时期, 工作, 这是), or a fragment
(a piece of a word cut apart, 高新 for 高新技术); everything else (a policy term, a sector, an
indicator, a programme) is a keyword. Judgments are per term (the words themselves, no corpus
text), made by reading the current output before any change; a term that shows up after a change
and was never judged is counted apart as "unjudged" and listed, never silently counted as good.

The library the context is built from is the corpus's own region list (the folder names), as a
user who loaded the corpus would have it; compounds come from the documents at hand, as in the
CLI. ``--dump`` prints every list for judging.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterable
from pathlib import Path

HERE = Path(__file__).resolve().parent


def find_corpus(given: str | None) -> Path | None:
    """The corpus root: --corpus, $REPORTTUI_CORPUS, or /tmp/corpus."""
    for candidate in (given, os.environ.get("REPORTTUI_CORPUS"), "/tmp/corpus"):
        if candidate and Path(candidate).is_dir():
            return Path(candidate)
    return None


def corpus_regions(corpus: Path) -> list[str]:
    """Region names as a library over the corpus holds them: the folder names."""
    return sorted(
        {p.name for top in corpus.iterdir() if top.is_dir() for p in top.iterdir() if p.is_dir()}
    )


VARIANTS = {
    "before": {"grammar": False, "distinct": False},
    "+grammar": {"grammar": True, "distinct": False},
    "+distinct": {"grammar": False, "distinct": True},
    "now": {"grammar": True, "distinct": True},
}
"""Keyword classes switched on and off (--classes): word-kind filter, ranking by distinctiveness."""


def lists_for(
    corpus: Path, report: dict, regions: list[str], variant: dict[str, bool] | None = None
) -> tuple[list[str], list[str]]:
    """The top-20 terms of the report and its top-10 new terms against ``vs`` (if any)."""
    from dataclasses import replace

    from reporttui.core.analysis.keywords import (
        keyword_context,
        keyword_diff,
        report_text,
        term_counts,
        top_terms,
    )
    from reporttui.core.text.ingest import load_document

    main = load_document(corpus / report["path"])
    docs = [main]
    if report.get("vs"):
        docs.append(load_document(corpus / report["vs"]))
    texts = [report_text(d) for d in docs]
    context = keyword_context(texts, regions + [d.region for d in docs], home=None)
    if variant is not None:
        context = replace(context, **variant)
    counts = term_counts(texts[0], context)
    top = [t.term for t in top_terms(texts[0], 20, counts, context=context)]
    new: list[str] = []
    if len(texts) > 1:
        diff = keyword_diff(texts[1], texts[0], n=10, other_counts=counts, context=context)
        new = [c.term for c in diff.new]
    return top, new


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", default=None)
    parser.add_argument("--verbose", "-v", action="store_true")
    parser.add_argument("--dump", action="store_true", help="print every list (for judging)")
    parser.add_argument(
        "--classes", action="store_true", help="also the figures with each class switched off"
    )
    args = parser.parse_args(list(argv) if argv is not None else None)
    corpus = find_corpus(args.corpus)
    if corpus is None:
        print("no corpus: give --corpus DIR or set REPORTTUI_CORPUS", file=sys.stderr)
        return 2
    judged = json.loads((HERE / "keywords_judged.json").read_text("utf-8"))
    noise = set(judged["noise"])
    good = set(judged["keyword"])
    regions = corpus_regions(corpus)
    for name, variant in VARIANTS.items() if args.classes else [("now", None)]:
        run(corpus, judged, regions, noise, good, variant, name, args.dump or args.verbose)
    return 0


def run(
    corpus: Path,
    judged: dict,
    regions: list[str],
    noise: set[str],
    good: set[str],
    variant: dict[str, bool] | None,
    label: str,
    show: bool,
) -> None:
    """Print the noise shares of one variant."""
    totals: dict[str, dict[str, int]] = {}
    for report in judged["reports"]:
        if not (corpus / report["path"]).exists():
            print(f"missing: {report['path']}", file=sys.stderr)
            continue
        top, new = lists_for(corpus, report, regions, variant)
        t = totals.setdefault(
            report["set"], dict.fromkeys(("n", "tn", "tu", "tt", "nn", "nu", "nt"), 0)
        )
        t["n"] += 1
        for terms, (k_noise, k_unjudged, k_total) in (
            (top, ("tn", "tu", "tt")),
            (new, ("nn", "nu", "nt")),
        ):
            t[k_total] += len(terms)
            t[k_noise] += sum(1 for w in terms if w in noise)
            t[k_unjudged] += sum(1 for w in terms if w not in noise and w not in good)
        if show:

            def mark(w: str) -> str:
                return w + ("*" if w in noise else "" if w in good else "?")

            print(f"--- {report['path']} ({report['set']}) vs {report.get('vs')}")
            print("  top:", " ".join(mark(w) for w in top))
            if new:
                print("  new:", " ".join(mark(w) for w in new))
    for name in ("tuned", "held"):
        t = totals.get(name)
        if not t:
            continue
        top_share = t["tn"] / max(1, t["tt"])
        new_share = t["nn"] / max(1, t["nt"])
        print(
            f"keywords {label:9} {name:5} ({t['n']} reports): noise in top 20 {t['tn']}/{t['tt']} = {top_share:.3f}"
            f" (unjudged {t['tu']}); noise in top-10 new {t['nn']}/{t['nt']} = {new_share:.3f}"
            f" (unjudged {t['nu']})"
        )


if __name__ == "__main__":
    sys.exit(main())
