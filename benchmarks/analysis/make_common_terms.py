"""Build ``src/reporttui/core/data/keyword_common.txt``: the words nearly every report uses.

    python benchmarks/analysis/make_common_terms.py [--corpus DIR] [--share 0.5] [--write]

A keyword list should say what one report is about; a word used by nearly every report of every
level and year (产业, 企业, 中心, 平台, 力度) says nothing about any of them. This script measures
document frequency over a sample of the corpus (the latest report of each region from 2010 on,
and the State Council's reports from 2010 on; the reports of keywords_judged.json are left out,
so the keyword benchmark stays blind to it) and lists the words whose share of reports is at least
``--share``. Only words and their shares are written, never text. Without ``--write`` it prints.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
OUT = ROOT / "src" / "reporttui" / "core" / "data" / "keyword_common.txt"


def sample(corpus: Path, skip: set[str]) -> list[Path]:
    """The latest report (2010 on) of each region, and the State Council's from 2010 on."""
    out: list[Path] = []
    for top in sorted(p for p in corpus.iterdir() if p.is_dir()):
        if top.name.endswith("国务院"):
            out += [
                p
                for p in sorted(top.glob("*.md"))
                if p.stem.isdigit()
                and int(p.stem) >= 2010
                and str(p.relative_to(corpus)) not in skip
            ]
            continue
        for region in sorted(p for p in top.iterdir() if p.is_dir()):
            years = [
                p
                for p in sorted(region.glob("*.md"))
                if p.stem.isdigit()
                and int(p.stem) >= 2010
                and str(p.relative_to(corpus)) not in skip
            ]
            if years:
                out.append(years[-1])
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", default="/tmp/corpus")
    parser.add_argument("--share", type=float, default=0.1)
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args(argv)
    from reporttui.core.analysis.keywords import report_text
    from reporttui.core.index.dictionary import prepare_jieba
    from reporttui.core.index.segment import cut
    from reporttui.core.text.ingest import load_document

    corpus = Path(args.corpus)
    judged = json.loads((HERE / "keywords_judged.json").read_text("utf-8"))
    skip = {r["path"] for r in judged["reports"]} | {
        r["vs"] for r in judged["reports"] if r.get("vs")
    }
    paths = sample(corpus, skip)
    prepare_jieba()
    df: Counter[str] = Counter()
    tf: Counter[str] = Counter()
    tokens = 0
    for path in paths:
        cut_words = [w for w in cut(report_text(load_document(path))) if len(w) >= 2]
        tokens += len(cut_words)
        tf.update(cut_words)
        df.update(set(cut_words))
    n = len(paths)
    common = sorted((w for w, c in df.items() if c >= args.share * n), key=lambda w: (-df[w], w))
    per_million = {w: tf[w] * 1e6 / max(1, tokens) for w in common}
    lines = [
        "# Words at least "
        f"{args.share:.0%} of {n} sampled corpus reports use (benchmarks/analysis/make_common_terms.py):",
        "# not distinctive of any one report: keyword ranking weighs a word by log(1 / share).",
        "# word share per_million (its count per million words of the sample)",
        f"#tokens {tokens}",
    ] + [f"{w} {df[w] / n:.2f} {per_million[w]:.1f}" for w in common]
    if args.write:
        OUT.write_text("\n".join(lines) + "\n", "utf-8")
        print(f"{len(common)} words -> {OUT}")
    else:
        print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
