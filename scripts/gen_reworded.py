"""Regenerate src/reporttui/core/data/reworded.txt: reworded forms of query words, mined from reports.

    .venv/bin/python scripts/gen_reworded.py CORPUS_DIR [--sample N] [--seed S]

Two kinds of lines, both read by :mod:`reporttui.core.search.synonyms`:

* ``= NAME FORM FORM ...``: the ways reports write one indicator of ``core/data/indicators.toml``
  (every text its aliases match in at least ``--min-indicator`` reports): a synonym group
  (人均生产总值 = 人均国内生产总值 = 人均地区生产总值 = 人均GDP).
* ``> SHORT LONG LONG ...``: longer forms of a term: the term's two jieba words with one or two
  words (at most :data:`MAX_GAP` characters, no punctuation) between them, as reports write it
  (农村改革 > 农村综合改革 农村税费改革). One-way: a query for the short form also finds the long
  ones, not the reverse. Kept when the term itself is written in at least ``--min-short`` reports
  and the long form in at least ``--min-long``; at most :data:`MAX_LONG` long forms per term,
  the most widespread first. Written with ``--longer`` to their own file, ``core/data/longer.txt``
  (``--longer-out``). Search reads them as *sparse* forms: only for a word found as typed in
  fewer than ``synonyms.SPARSE_ROWS`` rows (one page). Measured in round 6 as forms of every
  word, they moved the ranking benchmark by +0.002 nDCG@10 on the tuning pool while doubling the
  matching time of the common queries they widen (高质量发展 also as 高质量跨越式发展): the 10x
  library's search p95 went from 57 to 117 ms. A user's ``>`` lines in ``synonyms.txt`` always
  apply.

Built from a seeded random sample of the corpus reports (all folders; the ranking benchmark's
judged reports excluded), with the library's own
jieba dictionary (``core/data/policy_terms.txt``); never from a judged set or its queries.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

import tomllib

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
OUT = ROOT / "src" / "reporttui" / "core" / "data" / "reworded.txt"
LONGER_OUT = ROOT / "src" / "reporttui" / "core" / "data" / "longer.txt"
INDICATORS = ROOT / "src" / "reporttui" / "core" / "data" / "indicators.toml"
MAX_GAP = 4
"""Characters allowed between the two words of a term in a long form."""
MAX_LONG = 3
"""Long forms kept per term."""
STOP = (
    "一是",
    "二是",
    "三是",
    "四是",
    "五是",
    "我们",
    "全市",
    "全省",
    "全县",
    "全区",
    "今年",
    "去年",
)
"""Words no term starts or ends with, besides core/data/stopwords.txt."""
FUNCTION = "的了和与及或并等是为在对将把向以从由被"
"""Function characters a term's first or last word cannot start or end with."""
ENUMERATION = ("等", "等等")
"""Words that end a list: a long form holding one (农村等领域改革) is not the term's (甲等 is)."""
_CJK = re.compile(r"^[\u4e00-\u9fff]+$")
_CLAUSE = re.compile(r"[\u4e00-\u9fff]+")


def indicator_forms(texts: list[str], min_reports: int) -> list[tuple[str, list[str]]]:
    """Each indicator's name and the texts its aliases match in ``min_reports`` reports or more."""
    data = tomllib.loads(INDICATORS.read_text("utf-8"))
    out = []
    for ind in data.get("indicator", []):
        name = ind["name"]
        seen: Counter[str] = Counter()
        pats = [re.compile(a) for a in ind.get("aliases", [])]
        for text in texts:
            forms = {m.group(0) for p in pats for m in p.finditer(text) if len(m.group(0)) >= 3}
            seen.update(forms)
        forms = [f for f, n in seen.most_common() if n >= min_reports and f != name]
        forms = [f for f in forms if _CJK.match(f) or f.isascii() or re.match(r"^[\w&.]+$", f)]
        if forms:
            out.append((name, forms))
    return out


def long_forms(texts: list[str], min_short: int, min_long: int) -> list[tuple[str, list[str]]]:
    """Terms (two adjacent jieba words) and their longer forms with words between (see above)."""
    import logging

    import jieba

    from reporttui.core.index import dictionary

    jieba.setLogLevel(logging.WARNING)
    dictionary.prepare_jieba(None)
    stop = set(STOP) | {
        w
        for w in (ROOT / "src" / "reporttui" / "core" / "data" / "stopwords.txt")
        .read_text("utf-8")
        .split()
        if not w.startswith("#")
    }

    def word(w: str) -> bool:
        """A content word a term can start or end with (two characters or more, not a stopword)."""
        return len(w) >= 2 and w not in stop and not any(c in FUNCTION for c in (w[0], w[-1]))

    short_reports: Counter[str] = Counter()
    long_reports: dict[str, Counter[str]] = defaultdict(Counter)
    for n, text in enumerate(texts):
        shorts: set[str] = set()
        longs: set[tuple[str, str]] = set()
        for clause in _CLAUSE.findall(text):
            if len(clause) < 3:
                continue
            toks = jieba.lcut(clause)
            for i, a in enumerate(toks):
                if not word(a):
                    continue
                if i + 1 < len(toks) and word(toks[i + 1]):
                    s = a + toks[i + 1]
                    if 3 <= len(s) <= 8:
                        shorts.add(s)
                for j in (i + 2, i + 3):
                    if j >= len(toks):
                        break
                    mid = "".join(toks[i + 1 : j])
                    if len(mid) > MAX_GAP:
                        break
                    if any(t in ENUMERATION for t in toks[i + 1 : j]):
                        continue  # 农村等领域改革: an enumeration's tail, not a form of the term
                    if not word(toks[j]):
                        continue
                    s = a + toks[j]
                    if 3 <= len(s) <= 8:
                        longs.add((s, a + mid + toks[j]))
        short_reports.update(shorts)
        for s, long in longs:
            long_reports[s][long] += 1
        if n % 100 == 0:
            print(f"{n} reports, {len(long_reports)} terms", file=sys.stderr)
    out = []
    for s, forms in long_reports.items():
        if short_reports[s] < min_short:
            continue
        kept = [f for f, k in forms.most_common() if k >= min_long and s not in f][:MAX_LONG]
        if kept:
            out.append((s, kept))
    out.sort()
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("corpus")
    ap.add_argument("--sample", type=int, default=1000, help="reports sampled (default 1000)")
    ap.add_argument("--seed", type=int, default=20268)
    ap.add_argument("--min-indicator", type=int, default=3)
    ap.add_argument("--min-short", type=int, default=20)
    ap.add_argument("--min-long", type=int, default=5)
    ap.add_argument("--out", default=str(OUT))
    ap.add_argument(
        "--longer",
        action="store_true",
        help="also write the '>' longer forms to --longer-out (search's sparse forms)",
    )
    ap.add_argument("--longer-out", default=str(LONGER_OUT))
    args = ap.parse_args()
    from corpus_sample import unjudged_sample  # beside this script (judged reports left out)

    files = unjudged_sample(args.corpus, args.sample, args.seed)
    texts = [f.read_text("utf-8", errors="replace") for f in files]
    inds = indicator_forms(texts, args.min_indicator)
    terms = long_forms(texts, args.min_short, args.min_long) if args.longer else []
    head = [
        "# Reworded forms of query words for search, generated by scripts/gen_reworded.py (do not",
        "# edit: rerun it; add your own lines to <library home>/synonyms.txt, same format).",
        f"# Mined from a random sample of {len(files)} corpus reports (seed {args.seed}; the ranking",
        "# benchmark's judged reports left out), never from a judged set or its queries.",
        "# '= NAME FORM...': an indicator of indicators.toml as reports write it, every text its",
        f"# aliases match in >= {args.min_indicator} reports (a synonym group).",
    ]
    lines = [*head, *(f"= {name} {' '.join(forms)}" for name, forms in inds)]
    Path(args.out).write_text("\n".join(lines) + "\n", "utf-8")
    if args.longer:
        lines = [
            "# Longer forms of query words for search, generated by scripts/gen_reworded.py",
            "# --longer (do not edit: rerun it; add your own '>' lines to <library home>/synonyms.txt).",
            f"# Mined from the same sample of {len(files)} corpus reports (seed {args.seed}; judged",
            "# reports left out). '> TERM LONGER...': the term's two jieba words with one or two",
            f"# words (at most {MAX_GAP} characters) between them; one-way, TERM also finds LONGER.",
            f"# The term is written in >= {args.min_short} reports, each longer form in >=",
            f"# {args.min_long}; at most {MAX_LONG}. Search uses them only for a word found as typed",
            "# in fewer rows than one page (synonyms.SPARSE_ROWS).",
            *(f"> {s} {' '.join(forms)}" for s, forms in terms),
        ]
        Path(args.longer_out).write_text("\n".join(lines) + "\n", "utf-8")
    print(f"{len(inds)} indicators, {len(terms)} terms -> {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
