"""Judged analysis benchmark: target and result extraction, theme pairing.

    python benchmarks/analysis/bench.py [--corpus DIR] [--verbose]

Reads the judgments in ``targets_judged.json`` and ``themes_judged.json`` (written by reading the
reports, before tuning; the corpus text itself is never stored here), loads each referenced
report from the corpus (default: $REPORTTUI_CORPUS, /tmp/corpus) and prints, for the ``tuned``
and the ``held`` (held-out) sets separately:

- targets: precision and recall of this year's targets, a row right when indicator, value, unit
  and qualifier all match; how many five-year or past-year figures were reported as this year's
  targets (a target row whose source sentence speaks of 年均/累计/"十四五"/"十五五"/五年, or a
  value judged as last year's result);
- results: precision and recall of last year's headline results (indicator, value, unit);
- themes: for judged document pairs, the share of plan units filed under the judged theme, and
  the share of judged (theme, A-side units, B-side units) pairings reproduced.

Asserts nothing; ``--verbose`` lists every miss and every wrong row.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import sys
from collections.abc import Iterable
from pathlib import Path

HERE = Path(__file__).resolve().parent

_QUALITATIVE_CLASSES = (
    ("同步", "同步"),
    ("高于", "高于"),
    ("快于", "高于"),
    ("正增长", "正增长"),
    ("平衡", "平衡"),
    ("稳步增长", "稳步增长"),
    ("稳定增长", "稳步增长"),
    ("持平", "持平"),
)


def find_corpus(given: str | None) -> Path | None:
    """The corpus root: --corpus, $REPORTTUI_CORPUS, or /tmp/corpus."""
    for candidate in (given, os.environ.get("REPORTTUI_CORPUS"), "/tmp/corpus"):
        if candidate and Path(candidate).is_dir():
            return Path(candidate)
    return None


def norm_qualifier(qualifier: str, value: float | None) -> str:
    """Qualitative targets compare by class (与/和经济增长基本同步 -> 同步); others as written."""
    q = (qualifier or "").replace(" ", "")
    if value is None:
        for cue, cls in _QUALITATIVE_CLASSES:
            if cue in q:
                return cls
        return q
    q = q.replace("力争", "")
    return q


def target_key(indicator: str, value: float | None, unit: str, qualifier: str) -> tuple:
    v = None if value is None else round(float(value), 4)
    return (indicator, v, unit if v is not None else "", norm_qualifier(qualifier, value))


def result_key(indicator: str, value: float | None, unit: str) -> tuple:
    v = None if value is None else round(float(value), 4)
    return (indicator, v, unit if v is not None else "")


def prf(right: int, got: int, expected: int) -> tuple[float, float]:
    return (right / got if got else 1.0, right / expected if expected else 1.0)


_MULTI_YEAR = re.compile(r"年均|累计|十[三四五六]五|五年|\d{4}\s*年[到至—-]")


def run_targets(corpus: Path, verbose: bool) -> None:
    from reporttui.core.analysis.targets import extract_targets
    from reporttui.core.text.ingest import load_document

    judged = json.loads((HERE / "targets_judged.json").read_text("utf-8"))
    totals: dict[str, dict[str, int]] = {}
    for report in judged["reports"]:
        path = corpus / report["path"]
        if not path.exists():
            print(f"missing: {report['path']}", file=sys.stderr)
            continue
        document = load_document(path)
        year = document.year
        rows = extract_targets(document)
        got_t = {
            target_key(r.indicator, r.value, r.unit, r.qualifier): r
            for r in rows
            if r.kind == "target" and r.year == year
        }
        got_r = {
            result_key(r.indicator, r.value, r.unit): r
            for r in rows
            if r.kind == "result" and year is not None and r.year == year - 1
        }
        judged_targets = report["targets"] + report.get("targets_added_on_rereading", [])
        want_t = {target_key(*t) for t in judged_targets}
        judged_results = report["results"] + report.get("results_added_on_rereading", [])
        want_r = {result_key(*t) for t in judged_results}
        past_values = {(k[0], k[1]) for k in want_r}
        bad_year = [
            k
            for k, r in got_t.items()
            if k not in want_t and (_MULTI_YEAR.search(r.text) or (k[0], k[1]) in past_values)
        ]
        t = totals.setdefault(
            report["set"], dict.fromkeys(("tr", "tg", "te", "rr", "rg", "re", "bad", "n"), 0)
        )
        t["n"] += 1
        t["tr"] += len(want_t & set(got_t))
        t["tg"] += len(got_t)
        t["te"] += len(want_t)
        t["rr"] += len(want_r & set(got_r))
        t["rg"] += len(got_r)
        t["re"] += len(want_r)
        t["bad"] += len(bad_year)
        if verbose:
            print(f"--- {report['path']} ({report['set']})")
            for k in sorted(want_t - set(got_t), key=str):
                print("  target missed ", k)
            for k in sorted(set(got_t) - want_t, key=str):
                print("  target wrong  ", k, "|", got_t[k].text[:60])
            for k in sorted(want_r - set(got_r), key=str):
                print("  result missed ", k)
            for k in sorted(set(got_r) - want_r, key=str):
                print("  result wrong  ", k, "|", got_r[k].text[:60])
    for name in ("tuned", "held", "held2", "held3", "held4", "held5"):
        t = totals.get(name)
        if not t:
            continue
        tp, tr = prf(t["tr"], t["tg"], t["te"])
        rp, rr = prf(t["rr"], t["rg"], t["re"])
        print(
            f"targets {name:5} ({t['n']:2} reports): target P {tp:.3f} R {tr:.3f} "
            f"({t['tr']}/{t['tg']} got, {t['te']} judged) | result P {rp:.3f} R {rr:.3f} "
            f"({t['rr']}/{t['rg']} got, {t['re']} judged) | five-year/past as this year's: {t['bad']}"
        )


def title_hash(title: str) -> str:
    """The short reference a judged unit is stored by (never its text)."""
    return hashlib.sha1(re.sub(r"\s+", "", title).encode("utf-8")).hexdigest()[:10]


def run_themes(corpus: Path, verbose: bool) -> None:
    judged_path = HERE / "themes_judged.json"
    if not judged_path.exists():
        return
    from reporttui.core.analysis.compare import compare_documents
    from reporttui.core.text.ingest import load_document

    judged = json.loads(judged_path.read_text("utf-8"))
    totals: dict[str, list[int]] = {}
    for pair in judged["pairs"]:
        a_path, b_path = corpus / pair["a"], corpus / pair["b"]
        if not (a_path.exists() and b_path.exists()):
            print(f"missing: {pair['a']} / {pair['b']}", file=sys.stderr)
            continue
        comparison = compare_documents(load_document(a_path), load_document(b_path))
        filed: dict[str, dict[str, set[str]]] = {"a": {}, "b": {}}
        for row in comparison.rows:
            for side, refs in (("a", row.a_sections), ("b", row.b_sections)):
                for ref in refs:
                    filed[side].setdefault(title_hash(ref.title), set()).add(row.theme)
        t = totals.setdefault(pair["set"], [0, 0, 0, 0])
        for side in ("a", "b"):
            for unit_hash, themes in pair[side + "_units"].items():
                t[1] += 1
                got = filed[side].get(unit_hash, set())
                if got & set(themes):
                    t[0] += 1
                elif verbose:
                    print(f"  {pair[side]} {unit_hash}: judged {themes}, got {sorted(got)}")
        judged_rows = _judged_rows(pair)
        judged_units = [set(pair["a_units"]), set(pair["b_units"])]
        got_rows = {
            row.theme: (
                frozenset(title_hash(r.title) for r in row.a_sections if r.role == "main"),
                frozenset(title_hash(r.title) for r in row.b_sections if r.role == "main"),
            )
            for row in comparison.rows
        }
        for theme, wanted in judged_rows.items():
            t[3] += 1
            got = got_rows.get(theme, (frozenset(), frozenset()))
            right = True
            for i, side_units in enumerate((pair["a_units"], pair["b_units"])):
                judged_here = got[i] & judged_units[i]
                stray = [u for u in judged_here if theme not in side_units[u]]
                found = bool(got[i] & wanted[i]) if wanted[i] else True
                right = right and found and not stray
            if right:
                t[2] += 1
            elif verbose:
                print(
                    f"  pairing {pair['a']} | {pair['b']} {theme}: judged "
                    f"{sorted(wanted[0])}/{sorted(wanted[1])}, got {sorted(got[0])}/{sorted(got[1])}"
                )
    for name in ("tuned", "held"):
        t = totals.get(name)
        if t:
            print(
                f"themes  {name:5}: units filed right {t[0]}/{t[1]} = {t[0] / max(1, t[1]):.3f}; "
                f"theme rows paired right {t[2]}/{t[3]} = {t[2] / max(1, t[3]):.3f}"
            )


def _judged_rows(pair: dict) -> dict[str, tuple[frozenset[str], frozenset[str]]]:
    """Theme -> (A units, B units) as judged: every theme that either side speaks of."""
    rows: dict[str, tuple[set[str], set[str]]] = {}
    for side, index in (("a", 0), ("b", 1)):
        for unit_hash, themes in pair[side + "_units"].items():
            for theme in themes[:1]:
                rows.setdefault(theme, (set(), set()))[index].add(unit_hash)
    return {k: (frozenset(a), frozenset(b)) for k, (a, b) in rows.items()}


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", default=None)
    parser.add_argument("--verbose", "-v", action="store_true")
    parser.add_argument("--only", choices=("targets", "themes"), default=None)
    args = parser.parse_args(list(argv) if argv is not None else None)
    corpus = find_corpus(args.corpus)
    if corpus is None:
        print("no corpus: give --corpus DIR or set REPORTTUI_CORPUS", file=sys.stderr)
        return 2
    if args.only in (None, "targets"):
        run_targets(corpus, args.verbose)
    if args.only in (None, "themes"):
        run_themes(corpus, args.verbose)
    return 0


if __name__ == "__main__":
    sys.exit(main())
