#!/usr/bin/env python3
"""What the indicator forms add, and what the other tables already reach (recall, issue 8).

    python benchmarks/ranking/indicator_count.py --home LIBRARY_HOME [--sample N] [--seed S]

For every name of ``core/data/indicator_forms.txt`` (旅游收入 > 旅游总收入, 城镇化水平 >
城镇化率), counts in an indexed library the rows that hold the name as typed and those that
hold one of its forms but not the name (the rows the forms add), and how many of those forms
the other tables reach already (the hand synonyms, ``reworded.txt``'s indicator groups,
``longer.txt``'s sparse longer forms, as :func:`synonyms.expansions` gives them without the
indicator forms). The judged queries' words are counted apart. ``--sample N`` prints a seeded
sample of added rows (name, form, the text around the form) to read and grade by hand; the
script prints counts and that sample only, nothing is written.
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent


def rows_of(searcher: Any, text: str) -> set[int]:
    """Rows holding ``text`` as typed (the exact-substring matcher)."""
    from reporttui.core.index import matcher
    from reporttui.core.index.tokenize import term_query_tokens
    from reporttui.core.search.search import BIGRAM_FIELD

    tokens = term_query_tokens(text)
    found = matcher.match(
        searcher.reader(),
        matcher.MatchSpec(clauses=(((tuple(tokens),),),)),
        exact_field=BIGRAM_FIELD,
    )
    return set(found.rows.tolist())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--home", required=True)
    ap.add_argument("--sample", type=int, default=0)
    ap.add_argument("--seed", type=int, default=8)
    args = ap.parse_args()
    from reporttui.core.library.library import Library
    from reporttui.core.search import synonyms

    table = synonyms.indicator_forms()
    judged: set[str] = set()
    for f in HERE.glob("judgments*.json"):
        for q in json.loads(f.read_text(encoding="utf-8"))["queries"]:
            judged.update(w.strip('"') for w in q["query"].split())
    library = Library(Path(args.home))
    searcher = library._open_searcher()
    real = synonyms.indicator_forms
    synonyms.indicator_forms = lambda: {}  # type: ignore[assignment]
    try:
        before = {n: synonyms.expansions(n, None, sparse=True) for n in table}
    finally:
        synonyms.indicator_forms = real  # type: ignore[assignment]
    tot: dict[str, dict[str, int]] = {
        k: dict.fromkeys(("names", "forms", "reached", "typed", "added", "added_new"), 0)
        for k in ("all", "judged")
    }
    added_rows: list[tuple[str, str, int]] = []
    for name, forms in table.items():
        exp = before[name]
        reached = {a[0] for a in exp.alternatives} if exp else set()
        typed = rows_of(searcher, name)
        added: set[int] = set()
        added_new: set[int] = set()
        for form in forms:
            extra = rows_of(searcher, form) - typed
            added |= extra
            if form not in reached:
                added_new |= extra
                added_rows += [(name, form, d) for d in extra]
        for key in ("all", "judged") if name in judged else ("all",):
            t = tot[key]
            t["names"] += 1
            t["forms"] += len(forms)
            t["reached"] += sum(f in reached for f in forms)
            t["typed"] += len(typed)
            t["added"] += len(added)
            t["added_new"] += len(added_new)
        if name in judged:
            print(
                f"judged word {name}: {len(typed)} rows as typed, +{len(added)} by "
                f"{', '.join(forms)} ({len(added_new)} not reached before)"
            )
    print(json.dumps(tot, ensure_ascii=False))
    if args.sample:
        rows = searcher.reader()
        rng = random.Random(args.seed)
        for name, form, d in rng.sample(added_rows, min(args.sample, len(added_rows))):
            text = "".join(rows.stored_fields(d).get("text", "").split())
            at = text.find(form)
            print(f"{name} > {form} | row {d} | {text[max(0, at - 20) : at + len(form) + 20]}")


if __name__ == "__main__":
    main()
