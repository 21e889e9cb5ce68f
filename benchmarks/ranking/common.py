"""Shared parts of the ranking benchmark: the reports, their rows, both indexes, both searches.

The judged set (``judgments.json``) refers to rows by reference only, never by text:
``doc`` (the report's path relative to the corpus root), ``anchor`` (``p<N>`` for body
paragraph N, ``h<section id>`` for a heading row) and ``hash`` (the first 10 hex digits of the
SHA-1 of the row's cleaned text). The text is read from the corpus at run time; a reference is
resolved by its hash first (robust to renumbering when cleaning changes), then by its anchor.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import sys
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
REPORTS_FILE = HERE / "reports.txt"
JUDGMENTS_FILE = HERE / "judgments.json"
REPORTS_HELD3 = HERE / "reports_held3.txt"
"""held3's own reports (round 4): none of them in reports.txt, so held3 tests unseen reports too."""
JUDGMENTS_HELD3 = HERE / "judgments_held3.json"
REPORTS_HELD4 = HERE / "reports_held4.txt"
"""held4's own reports (round 4, second session): in neither reports.txt nor reports_held3.txt."""
JUDGMENTS_HELD4 = HERE / "judgments_held4.json"
REPORTS_HELD5 = HERE / "reports_held5.txt"
"""held5's own reports (round 4, third session): in none of the lists above."""
JUDGMENTS_HELD5 = HERE / "judgments_held5.json"
REPORTS_HELD6 = HERE / "reports_held6.txt"
"""held6's own reports (round 5, judge): in none of the lists above."""
JUDGMENTS_HELD6 = HERE / "judgments_held6.json"
REPORTS_HELD7 = HERE / "reports_held7.txt"
"""held7's own reports (round 5, judge): in none of the lists above, held6's included."""
JUDGMENTS_HELD7 = HERE / "judgments_held7.json"
REPORTS_HELD8 = HERE / "reports_held8.txt"
"""held8's own reports (round 5, judge): in none of the lists above."""
JUDGMENTS_HELD8 = HERE / "judgments_held8.json"
REPORTS_HELD9 = HERE / "reports_held9.txt"
"""held9's own reports (round 5, judge, last session): in none of the lists above."""
JUDGMENTS_HELD9 = HERE / "judgments_held9.json"
REPORTS_HELD10 = HERE / "reports_held10.txt"
"""held10's own reports (round 6, judge): in none of the lists above."""
JUDGMENTS_HELD10 = HERE / "judgments_held10.json"
REPORTS_HELD11 = HERE / "reports_held11.txt"
"""held11's own reports (round 6, judge): in none of the lists above."""
JUDGMENTS_HELD11 = HERE / "judgments_held11.json"
REPORTS_HELD12 = HERE / "reports_held12.txt"
"""held12's own reports (round 6, judge): in none of the lists above."""
JUDGMENTS_HELD12 = HERE / "judgments_held12.json"
REPORTS_HELD13 = HERE / "reports_held13.txt"
"""held13's own reports (round 7, judge): in none of the lists above."""
JUDGMENTS_HELD13 = HERE / "judgments_held13.json"
REPORTS_HELD14 = HERE / "reports_held14.txt"
"""held14's own reports (round 7, judge): in none of the lists above."""
JUDGMENTS_HELD14 = HERE / "judgments_held14.json"
REPORTS_HELD15 = HERE / "reports_held15.txt"
"""held15's own reports (round 7, judge): in none of the lists above."""
JUDGMENTS_HELD15 = HERE / "judgments_held15.json"
REPORTS_HELD16 = HERE / "reports_held16.txt"
"""held16's own reports (round 8, judge): in none of the lists above."""
JUDGMENTS_HELD16 = HERE / "judgments_held16.json"
REPORTS_HELD17 = HERE / "reports_held17.txt"
"""held17's own reports (round 8, judge): in none of the lists above."""
JUDGMENTS_HELD17 = HERE / "judgments_held17.json"
REPORTS_HELD18 = HERE / "reports_held18.txt"
"""held18's own reports (round 8, judge): in none of the lists above."""
JUDGMENTS_HELD18 = HERE / "judgments_held18.json"
REPORTS_HELD19 = HERE / "reports_held19.txt"
"""held19's own reports (round 9, judge): in none of the lists above."""
JUDGMENTS_HELD19 = HERE / "judgments_held19.json"
REPORTS_HELD20 = HERE / "reports_held20.txt"
"""held20's own reports (round 9, judge): in none of the lists above."""
JUDGMENTS_HELD20 = HERE / "judgments_held20.json"
REPORTS_HELD21 = HERE / "reports_held21.txt"
"""held21's own reports (round 9, judge): in none of the lists above."""
JUDGMENTS_HELD21 = HERE / "judgments_held21.json"
REPORTS_HELD23 = HERE / "reports_held23.txt"
"""held23's own reports (round 10, judge; graded in round 11): in none of the lists above."""
JUDGMENTS_HELD23 = HERE / "judgments_held23.json"
HELD_SETS = {
    "held3": (REPORTS_HELD3, JUDGMENTS_HELD3),
    "held4": (REPORTS_HELD4, JUDGMENTS_HELD4),
    "held5": (REPORTS_HELD5, JUDGMENTS_HELD5),
    "held6": (REPORTS_HELD6, JUDGMENTS_HELD6),
    "held7": (REPORTS_HELD7, JUDGMENTS_HELD7),
    "held8": (REPORTS_HELD8, JUDGMENTS_HELD8),
    "held9": (REPORTS_HELD9, JUDGMENTS_HELD9),
    "held10": (REPORTS_HELD10, JUDGMENTS_HELD10),
    "held11": (REPORTS_HELD11, JUDGMENTS_HELD11),
    "held12": (REPORTS_HELD12, JUDGMENTS_HELD12),
    "held13": (REPORTS_HELD13, JUDGMENTS_HELD13),
    "held14": (REPORTS_HELD14, JUDGMENTS_HELD14),
    "held15": (REPORTS_HELD15, JUDGMENTS_HELD15),
    "held16": (REPORTS_HELD16, JUDGMENTS_HELD16),
    "held17": (REPORTS_HELD17, JUDGMENTS_HELD17),
    "held18": (REPORTS_HELD18, JUDGMENTS_HELD18),
    "held19": (REPORTS_HELD19, JUDGMENTS_HELD19),
    "held20": (REPORTS_HELD20, JUDGMENTS_HELD20),
    "held21": (REPORTS_HELD21, JUDGMENTS_HELD21),
    "held23": (REPORTS_HELD23, JUDGMENTS_HELD23),
}
"""The held sets over reports of their own: name -> (reports list, judgments), each indexed apart."""
REPORTS_HELD24 = HERE / "reports_held24.txt"
"""held24's own reports (round 10 wrote it, round 11 judge graded it): in none of the lists above."""
JUDGMENTS_HELD24 = HERE / "judgments_held24.json"
HELD_SETS["held24"] = (REPORTS_HELD24, JUDGMENTS_HELD24)
"""Round 11's blind set graded by judge24 (added apart from the dict so the round's judge edits merge)."""
REPORTS_HELD22 = HERE / "reports_held22.txt"
"""held22's own reports (round 10 wrote it, round 11 judge22 grades it): in none of the lists above."""
JUDGMENTS_HELD22 = HERE / "judgments_held22.json"
HELD_SETS["held22"] = (REPORTS_HELD22, JUDGMENTS_HELD22)
REPORTS_HELD26 = HERE / "reports_held26.txt"
"""held26's own reports (round 12, judge26): in none of the lists above, nor in held25's."""
JUDGMENTS_HELD26 = HERE / "judgments_held26.json"
HELD_SETS["held26"] = (REPORTS_HELD26, JUDGMENTS_HELD26)
"""Round 12's blind set graded by judge26 (added apart from the dict so the round's judge edits merge)."""
REPORTS_HELD25 = HERE / "reports_held25.txt"
"""held25's own reports (round 12, judge25): in none of the lists above nor in held26's."""
JUDGMENTS_HELD25 = HERE / "judgments_held25.json"
HELD_SETS["held25"] = (REPORTS_HELD25, JUDGMENTS_HELD25)
"""Round 12's blind set graded by judge25 (added apart from the dict so the round's judge edits merge)."""
REPORTS_HELD27 = HERE / "reports_held27.txt"
"""held27's own reports (round 16, rankjudge): in none of the lists above."""
JUDGMENTS_HELD27 = HERE / "judgments_held27.json"
HELD_SETS["held27"] = (REPORTS_HELD27, JUDGMENTS_HELD27)
"""Round 16's blind set graded by rankjudge (added apart from the dict so the round's edits merge)."""
TARBALL_CANDIDATES = [
    ROOT.parent / "shared" / "corpus" / "gov-reports.tar.xz",
    ROOT.parent.parent / "shared" / "corpus" / "gov-reports.tar.xz",
]

sys.path.insert(0, str(ROOT / "src"))


def report_paths(reports_file: Path = REPORTS_FILE) -> list[str]:
    """The benchmark's reports, as paths relative to the corpus root."""
    return [line.strip() for line in reports_file.read_text("utf-8").splitlines() if line.strip()]


def corpus_root(given: str | None = None, reports_file: Path = REPORTS_FILE) -> Path:
    """A folder holding the reports: ``given``, /tmp/corpus, or the tarball unpacked to a temp dir."""
    rels = report_paths(reports_file)
    for cand in [given, os.environ.get("REPORTTUI_CORPUS"), "/tmp/corpus"]:
        if cand and all((Path(cand) / r).is_file() for r in rels):
            return Path(cand)
    for tarball in TARBALL_CANDIDATES:
        if tarball.is_file():
            target = Path(tempfile.mkdtemp(prefix="ranking-corpus-"))
            wanted = {"./" + r for r in rels} | set(rels)
            with tarfile.open(tarball) as tar:
                members = [m for m in tar if m.name in wanted]
                if sys.version_info >= (3, 12):
                    tar.extractall(target, members=members, filter="data")
                else:
                    tar.extractall(target, members=members)
            return target
    raise SystemExit("corpus not found: pass --corpus DIR (the unpacked gov-reports corpus)")


def text_hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:10]


@dataclass(frozen=True)
class Row:
    doc: str
    """Report path relative to the corpus root."""
    anchor: str
    hash: str
    text: str
    section_path: str
    region: str | None
    year: int | None


def anchor_of(row: dict[str, Any]) -> str:
    return f"p{row['paragraph']}" if row["paragraph"] else f"h{row['section_id']}"


def load_rows(
    root: Path, home: Path, reports_file: Path = REPORTS_FILE
) -> tuple[list[Any], dict[str, list[dict[str, Any]]]]:
    """Documents and their index rows (reporttui's own row model), keyed by relative path."""
    from reporttui.core.index.schema import document_rows
    from reporttui.core.text.ingest import load_document

    docs, rows = [], {}
    for rel in report_paths(reports_file):
        doc = load_document(root / rel)
        docs.append((rel, doc))
        rows[rel] = list(document_rows(doc, home))
    return docs, rows


def build_reporttui(rows: dict[str, list[dict[str, Any]]], folder: Path) -> Any:
    """reporttui's index of the rows (the library's schema), in ``folder``."""
    from whoosh.filedb.filestore import FileStorage

    from reporttui.core.index.indexer import open_writer
    from reporttui.core.index.schema import make_schema

    folder.mkdir(parents=True, exist_ok=True)
    ix = FileStorage(str(folder)).create_index(make_schema())
    w = open_writer(ix)  # the library's writer: Whoosh's stored fields plus the project's postings
    for rel, rs in rows.items():
        for r in rs:
            r = dict(r)
            r["path"] = rel
            w.add_document(**r)
    w.commit()
    return ix


def porter_stem(word: str) -> str:
    """Whoosh's Porter stemmer, the stock analyzer's last filter, by a name the index can pickle.

    reporttui defers ``whoosh.lang.porter`` (``core.index.lightimports``): the ``stem`` that
    jieba's analyzer takes by default is then a stand-in Whoosh cannot write into a schema. This
    calls the same stemmer, so the baseline's tokens are unchanged.
    """
    from whoosh.lang.porter import stem

    return str(stem(word))


def build_baseline(rows: dict[str, list[dict[str, Any]]], folder: Path) -> Any:
    """Stock Whoosh: one document per row, jieba's bundled ChineseAnalyzer, default BM25F."""
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    from jieba.analyse import ChineseAnalyzer
    from whoosh.fields import ID, NUMERIC, STORED, TEXT, Schema
    from whoosh.filedb.filestore import FileStorage

    schema = Schema(
        key=ID(stored=True),
        region=ID(stored=True),
        year=NUMERIC(int, stored=True),
        text=TEXT(analyzer=ChineseAnalyzer(stemfn=porter_stem)),
        raw=STORED(),
    )
    folder.mkdir(parents=True, exist_ok=True)
    ix = FileStorage(str(folder)).create_index(schema)
    w = ix.writer()
    for rel, rs in rows.items():
        for r in rs:
            fields: dict[str, Any] = {
                "key": f"{rel}#{anchor_of(r)}",
                "text": r["text"],
                "raw": r["text"],
            }
            if r.get("region"):
                fields["region"] = r["region"]
            if r.get("year"):
                fields["year"] = int(r["year"])
            w.add_document(**fields)
    w.commit()
    return ix


def baseline_search(ix: Any, query: str, limit: int = 20) -> list[str]:
    """Keys (``rel#anchor``) of the stock baseline's top rows: the words AND-ed by QueryParser.

    ``region:`` / ``year:`` filters are applied to the row metadata as a user of stock Whoosh
    would (a prefix/substring of the region, a year or range); everything else is parsed as text.
    """
    from whoosh import query as wq
    from whoosh.qparser import AndGroup, QueryParser

    words, regions, years = [], [], []
    for tok in query.split():
        key, _, value = tok.partition(":")
        if value and key in ("region", "地区"):
            regions.append(value)
        elif value and key in ("year", "年份"):
            lo, _, hi = value.partition("-")
            years.append((int(lo), int(hi or lo)))
        else:
            words.append(tok.strip('"“”'))
    with ix.searcher() as s:
        q = QueryParser("text", ix.schema, group=AndGroup).parse(" ".join(words))
        filt = []
        if regions:
            vals = [v for v in s.lexicon("region")]
            vals = [v.decode() if isinstance(v, bytes) else v for v in vals]
            filt.append(wq.Or([wq.Term("region", v) for v in vals if any(r in v for r in regions)]))
        if years:
            filt.append(wq.Or([wq.NumericRange("year", lo, hi) for lo, hi in years]))
        res = s.search(q, limit=limit, filter=wq.And(filt) if filt else None)
        return [h["key"] for h in res]


def reporttui_search(ix: Any, query: str, home: Path, limit: int = 20) -> list[str]:
    from reporttui.core.search.search import search

    res = search(ix, query, limit=limit, home=home)
    return [
        f"{h.path}#{anchor_of({'paragraph': h.paragraph, 'section_id': h.section_id})}"
        for h in res.hits
    ]


def load_judgments() -> dict[str, Any]:
    return json.loads(JUDGMENTS_FILE.read_text("utf-8"))


def resolver(rows: dict[str, list[dict[str, Any]]]) -> Any:
    """A function mapping a judged reference to the current row key (``rel#anchor``) or None."""
    by_hash: dict[tuple[str, str], str] = {}
    by_anchor: dict[str, str] = {}
    for rel, rs in rows.items():
        for r in rs:
            key = f"{rel}#{anchor_of(r)}"
            by_hash.setdefault((rel, text_hash(r["text"])), key)
            by_anchor[key] = key

    def resolve(ref: dict[str, Any]) -> str | None:
        return by_hash.get((ref["doc"], ref["hash"])) or by_anchor.get(
            f"{ref['doc']}#{ref['anchor']}"
        )

    return resolve


def grades_of(query: dict[str, Any], resolve: Any) -> dict[str, int]:
    """A judged query's grades by current row key (the highest where two references meet)."""
    grades: dict[str, int] = {}
    for ref in query["judgments"]:
        key = resolve(ref)
        if key is not None:
            grades[key] = max(grades.get(key, 0), ref["grade"])
    return grades


def pool_sets(work: Path, parts: Any) -> Any:
    """Each judged set's (queries in ``parts``, its folder under ``work``, rows, resolver, and
    each row's key with its whitespace-free text) for the analysis scripts that walk the
    tuning pool set by set (``misses.py``, ``reworded.py``); sets with no such query skipped."""
    import pickle

    sets = [("", JUDGMENTS_FILE)] + [(n, j) for n, (_, j) in HELD_SETS.items()]
    for sub, jfile in sets:
        queries = [q for q in json.loads(jfile.read_text("utf-8"))["queries"] if q["part"] in parts]
        if not queries:
            continue
        folder = work / sub if sub else work
        rows = pickle.loads((folder / "rows.pkl").read_bytes())
        texts = [
            (f"{rel}#{anchor_of(r)}", "".join(r["text"].split()))
            for rel, rs in rows.items()
            for r in rs
        ]
        yield queries, folder, rows, resolver(rows), texts


def random_matching(
    rows: dict[str, list[dict[str, Any]]], terms: list[str], n: int, seed: str
) -> list[str]:
    """``n`` random row keys whose text contains every term (the pool's random part)."""
    keys = [
        f"{rel}#{anchor_of(r)}"
        for rel, rs in rows.items()
        for r in rs
        if all(t in r["text"] for t in terms)
    ]
    rng = random.Random(seed)
    return rng.sample(keys, min(n, len(keys)))
