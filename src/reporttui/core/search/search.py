"""Search the library index: exact substring matches, ranked with BM25F, with highlights.

Which paragraphs match is decided by the bigram field alone (a phrase of the term's bigrams:
an exact substring). The jieba field is joined with ``AndMaybe``: it only adds to the score, so
paragraphs where jieba also sees the query's words rank above bare bigram matches.
"""

from __future__ import annotations

import threading
from collections import Counter
from pathlib import Path
from typing import Any

from whoosh import query as wq
from whoosh.index import Index
from whoosh.searching import Searcher

from reporttui.core.index import dictionary
from reporttui.core.index import matcher
from reporttui.core.index import querywords, segment
from reporttui.core.search.highlight import find_spans, make_snippet
from reporttui.core.search.query import ParsedQuery, Term, parse_query
from reporttui.core.search.results import Hit, SearchResult
from reporttui.core.index.schema import (
    BIGRAM_FIELD, JIEBA_FIELD, SECTION_FIELD, SECTION_POSTINGS, SECTION_SEPARATOR,
)
from reporttui.core.index.tokenize import clean_words, fold, jieba_words, term_query_tokens

JIEBA_BOOST = 1.5
"""Weight of the jieba field relative to the bigram field in the score."""

_stop_cache: dict[Path | None, frozenset[str]] = {}
_stop_lock = threading.Lock()


def term_query(term: str, field: str = BIGRAM_FIELD) -> wq.Query | None:
    """The exact-substring query for one term, or None when it cannot be searched (punctuation)."""
    tokens = term_query_tokens(term)
    if not tokens:
        return None
    if len(tokens) == 1:
        return wq.Term(field, tokens[0])
    return wq.Phrase(field, tokens)


def _values_containing(reader: Any, fieldname: str, wanted: tuple[str, ...]) -> wq.Query:
    """Terms of an ID field that contain any wanted value (region:古交 -> 古交市)."""
    folded = [fold(w) for w in wanted]
    matched = []
    for raw in reader.lexicon(fieldname):
        value = raw.decode("utf-8") if isinstance(raw, bytes) else raw
        if any(w in fold(value) for w in folded):
            matched.append(wq.Term(fieldname, value))
    if not matched:
        return wq.NullQuery
    return wq.Or(matched) if len(matched) > 1 else matched[0]


def build_filter(pq: ParsedQuery, reader: Any) -> wq.Query | None:
    """The Whoosh part of a query's filters (None when there is none): region, kind, year.

    ``section:`` is matched on the project's postings (:func:`match_spec`'s ``sections``).
    """
    f = pq.filters
    parts: list[wq.Query] = []
    if f.region:
        parts.append(_values_containing(reader, "region", f.region))
    if f.kind:
        parts.append(_values_containing(reader, "kind", f.kind))
    if f.year:
        years = [wq.NumericRange("year", lo, hi) for lo, hi in f.year]
        parts.append(wq.Or(years) if len(years) > 1 else years[0])
    if not parts:
        return None
    return wq.And(parts) if len(parts) > 1 else parts[0]


def build_match(pq: ParsedQuery) -> tuple[wq.Query | None, list[str]]:
    """The query deciding which rows match (bigram field only), and terms that were dropped."""
    dropped: list[str] = []

    def tq(t: Term) -> wq.Query | None:
        q = term_query(t.text)
        if q is None:
            dropped.append(t.text)
        return q

    clause_qs: list[wq.Query] = []
    for clause in pq.clauses:
        alts = []
        for alt in clause:
            qs = [q for q in map(tq, alt) if q is not None]
            if qs:
                alts.append(wq.And(qs) if len(qs) > 1 else qs[0])
        if alts:
            clause_qs.append(wq.Or(alts) if len(alts) > 1 else alts[0])
    excl = [q for q in map(tq, pq.excluded) if q is not None]
    if clause_qs:
        main: wq.Query | None = wq.And(clause_qs) if len(clause_qs) > 1 else clause_qs[0]
    elif excl or pq.filters:
        main = wq.Every()
    else:
        main = None
    if main is not None and excl:
        main = wq.AndNot(main, wq.Or(excl) if len(excl) > 1 else excl[0])
    return main, dropped


def _stopwords(home: Path | None) -> frozenset[str]:
    with _stop_lock:
        if home not in _stop_cache:
            _stop_cache[home] = dictionary.stopwords(home)
        return _stop_cache[home]


def ranking_words(pq: ParsedQuery, home: Path | None = None) -> list[str]:
    """jieba words of the positive terms (the words that add to the score).

    Before jieba is loaded, the words come from the library's dictionary cache
    (:mod:`reporttui.core.index.querywords`: the same words, without the 0.7 s load).
    """
    stop = _stopwords(home)
    if not segment.is_loaded() and home is not None:
        cached: dict[str, None] = {}
        for t in pq.positive:
            got = querywords.cut_for_search(fold(t.text), home)
            if got is None:
                break
            for w in clean_words(got, stop):
                cached.setdefault(w, None)
        else:
            return list(cached)
    dictionary.prepare_jieba(home)
    words: dict[str, None] = {}
    for t in pq.positive:
        for w in jieba_words(t.text, stop):
            words.setdefault(w, None)
    return list(words)


def build_query(pq: ParsedQuery, home: Path | None = None, use_jieba: bool = True) -> wq.Query | None:
    """Matching query plus the jieba ranking boost (``AndMaybe``)."""
    main, _ = build_match(pq)
    if main is None or not use_jieba or not pq.positive:
        return main
    boost = [wq.Term(JIEBA_FIELD, w, boost=JIEBA_BOOST) for w in ranking_words(pq, home)]
    if not boost:
        return main
    return wq.AndMaybe(main, wq.Or(boost) if len(boost) > 1 else boost[0])


def search(
    ix: Index | Searcher,
    query: str,
    *,
    limit: int = 50,
    region: str | None = None,
    year: int | None = None,
    home: Path | None = None,
    use_jieba: bool | None = None,
    snippet_width: int = 80,
) -> SearchResult:
    """Run ``query`` against the index (or an open searcher) and return ranked hits.

    ``region``/``year`` add filters as if typed (``region:R year:Y``). ``use_jieba``: None
    means rank with jieba words (loading jieba once, ~0.6 s) — pass False to search before
    jieba is loaded; results are the same, only the order may differ. Thread-safe: opens
    its own searcher when given an index.
    """
    pq = parse_query(query)
    if region:
        pq = _with_filter(pq, region=region)
    if year is not None:
        pq = _with_filter(pq, year=int(year))
    if isinstance(ix, Searcher):
        return _run(ix, pq, query, limit, home, use_jieba, snippet_width)
    with ix.searcher() as searcher:
        return _run(searcher, pq, query, limit, home, use_jieba, snippet_width)


def _with_filter(pq: ParsedQuery, region: str | None = None, year: int | None = None) -> ParsedQuery:
    from dataclasses import replace

    f = pq.filters
    if region:
        f = replace(f, region=f.region + (region,))
    if year is not None:
        f = replace(f, year=f.year + ((year, year),))
    return replace(pq, filters=f)


def _run(
    searcher: Searcher, pq: ParsedQuery, source: str, limit: int, home: Path | None,
    use_jieba: bool | None, snippet_width: int,
) -> SearchResult:
    main, dropped = build_match(pq)
    notices = [pq.notice] if pq.notice else []
    if dropped:
        notices.append("ignored " + ", ".join(f"“{d}”" for d in dropped) + " (punctuation alone cannot be searched)")
    terms = tuple(t for t in pq.terms if term_query_tokens(t))
    notice = "; ".join(notices) or None
    if main is None:
        return SearchResult(query=source, hits=(), total=0, terms=terms,
                            notice=notice or ("empty query" if not source.strip() else None))
    limit = max(int(limit), 1)
    filt = build_filter(pq, searcher.reader())
    found = match_rows(searcher, pq, filt, home, use_jieba)
    top, docnums = found.top(limit), found.rows
    per_doc, per_section = _counts(searcher, docnums)
    hits = []
    for docnum, score in top:
        stored = searcher.stored_fields(docnum)
        text = stored.get("text", "")
        spans = find_spans(text, terms)
        snippet, snippet_spans = make_snippet(text, spans, snippet_width)
        sp = stored.get("section_path") or ""
        hits.append(Hit(
            doc_id=stored.get("doc_id", ""),
            path=stored.get("path", ""),
            title=stored.get("title", ""),
            region=stored.get("region"),
            year=stored.get("year"),
            kind=stored.get("kind"),
            section_id=stored.get("section_id", ""),
            section_path=tuple(sp.split(SECTION_SEPARATOR)) if sp else (),
            paragraph=int(stored.get("paragraph", 0) or 0),
            text=text,
            spans=tuple(spans),
            snippet=snippet,
            snippet_spans=tuple(snippet_spans),
            score=score,
        ))
    return SearchResult(
        query=source, hits=tuple(hits), total=len(docnums), per_doc=per_doc,
        per_section=per_section, terms=terms, notice=notice,
    )


def _row_keys(reader: Any) -> tuple[list[str], list[str]]:
    """docnum -> doc_id and docnum -> section_id for a reader, read once per reader (by the
    index view, which reads them when it is opened)."""
    return matcher.view(reader).row_keys()


def match_spec(pq: ParsedQuery, home: Path | None = None, use_jieba: bool | None = None) -> matcher.MatchSpec:
    """The parsed query as the matcher's token lists (and jieba ranking words, unless off)."""
    def tokens(terms: Any) -> tuple[tuple[str, ...], ...]:
        return tuple(tuple(tok) for tok in (term_query_tokens(t.text) for t in terms) if tok)

    clauses = []
    for clause in pq.clauses:
        alts = tuple(alt for alt in (tokens(a) for a in clause) if alt)
        if alts:
            clauses.append(alts)
    boosts: tuple[tuple[str, float], ...] = ()
    if (use_jieba is None or use_jieba) and pq.positive:
        boosts = tuple((w, JIEBA_BOOST) for w in ranking_words(pq, home))
    sections = tuple(tuple(tok) for tok in (term_query_tokens(s) for s in pq.filters.section) if tok)
    return matcher.MatchSpec(clauses=tuple(clauses), excluded=tokens(pq.excluded), boosts=boosts,
                             sections=sections)


def match_rows(
    searcher: Searcher, pq: ParsedQuery, filt: wq.Query | None = None, home: Path | None = None,
    use_jieba: bool | None = None,
) -> matcher.Matches:
    """Every row matching ``pq`` (``filt``: its filter query, see :func:`build_filter`), with
    BM25F scores, match counts and first positions (:class:`reporttui.core.index.matcher.Matches`)."""
    allowed = set(searcher.docs_for_query(filt)) if filt is not None else None
    return matcher.match(
        searcher.reader(), match_spec(pq, home, use_jieba), exact_field=BIGRAM_FIELD,
        word_field=JIEBA_FIELD, allowed=allowed, section_field=SECTION_POSTINGS,
    )


def _counts(searcher: Searcher, docnums: Any) -> tuple[dict[str, int], dict[tuple[str, str], int]]:
    """Matches per document and per (document, section), over all matching rows."""
    import numpy as np

    if not len(docnums):
        return {}, {}
    return matcher.view(searcher.reader()).counts(np.asarray(docnums, dtype=np.int64))


def load_jieba_quietly(home: Path | None = None) -> None:
    """Load jieba and the dictionary now (e.g. from a background worker)."""
    segment.jieba_tokenizer()
    dictionary.prepare_jieba(home)


def _term_info(t: Term, stop: frozenset[str], use_jieba: bool) -> dict[str, Any]:
    from reporttui.core.index.tokenize import units

    tokens = term_query_tokens(t.text)
    q = term_query(t.text)
    if q is None:
        how = "not searchable (punctuation alone)"
    elif isinstance(q, wq.Phrase):
        how = f"{BIGRAM_FIELD}: phrase of {len(tokens)} consecutive bigrams (exact substring)"
    else:
        how = f"{BIGRAM_FIELD}: one token (exact)"
    words = jieba_words(t.text, stop) if use_jieba else []
    return {
        "text": t.text,
        "phrase": t.phrase,
        "units": units(t.text),
        "bigram_tokens": tokens,
        "jieba": words,
        "fields": [how] + ([f"{JIEBA_FIELD}: {', '.join(words)} (adds to the score only)"] if words else []),
    }


def explain(query: str, home: Path | None = None, use_jieba: bool = True) -> dict[str, Any]:
    """How ``query`` is parsed, segmented (units, bigrams, jieba words) and turned into Whoosh.

    Plain data (JSON-ready); :func:`format_explain` renders it as text.
    """
    pq = parse_query(query)
    if use_jieba:
        dictionary.prepare_jieba(home)
    stop = _stopwords(home)
    whoosh_query = build_query(pq, home, use_jieba=use_jieba)
    f = pq.filters
    filters: dict[str, Any] = {}
    if f.region:
        filters["region"] = list(f.region)
    if f.year:
        filters["year"] = [list(y) for y in f.year]
    if f.kind:
        filters["kind"] = list(f.kind)
    if f.section:
        filters["section"] = list(f.section)
    return {
        "query": query,
        "notice": pq.notice,
        "terms": [_term_info(t, stop, use_jieba) for t in pq.positive],
        "clauses": [[[t.text for t in alt] for alt in clause] for clause in pq.clauses],
        "excluded": [_term_info(t, stop, False) for t in pq.excluded],
        "filters": filters,
        "whoosh": repr(whoosh_query),
        "semantics": (
            "every clause must match (AND); alternatives of a clause: any (OR); each term is an "
            "exact substring of the paragraph (whitespace ignored, numbers whole); excluded terms "
            "remove paragraphs; region/kind/section match part of the value, year a range"
        ),
    }


def format_explain(info: dict[str, Any]) -> str:
    """Plain-text rendering of :func:`explain`'s result."""
    lines = [f"query: {info['query']}"]
    if info.get("notice"):
        lines.append(f"notice: {info['notice']}")
    clauses = info.get("clauses") or []
    if clauses:
        lines.append("must match: " + "  AND  ".join(
            "(" + " OR ".join(" + ".join(alt) for alt in clause) + ")" if len(clause) > 1
            else " + ".join(clause[0]) for clause in clauses))
    for label, key in (("term", "terms"), ("excluded", "excluded")):
        for t in info.get(key) or []:
            kind = "phrase" if t["phrase"] else "word"
            lines.append(f"{label} {t['text']!r} ({kind})")
            lines.append(f"    units:   {' | '.join(t['units'])}")
            lines.append(f"    bigrams: {' '.join(t['bigram_tokens']) or '-'}")
            if t["jieba"]:
                lines.append(f"    jieba:   {' / '.join(t['jieba'])}")
            for how in t["fields"]:
                lines.append(f"    field {how}")
    for key, values in (info.get("filters") or {}).items():
        shown = ", ".join(f"{v[0]}-{v[1]}" if isinstance(v, list) else str(v) for v in values)
        lines.append(f"filter {key}: {shown}" + ("" if key == "year" else " (part of the value)"))
    lines.append(f"whoosh: {info['whoosh']}")
    lines.append(f"semantics: {info['semantics']}")
    return "\n".join(lines)
