"""Search the library index: exact substring matches, ranked with BM25F, with highlights.

Which paragraphs match is decided by the bigram field alone (a phrase of the term's bigrams:
an exact substring). jieba's words of the query only add to the score (their statistics are
read from the bigram field, see core/index/matcher.py), so paragraphs holding the query's words
whole rank above bare bigram matches.
"""

from __future__ import annotations

import bisect
import contextlib
import threading
import weakref
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import Any

from whoosh import query as wq
from whoosh.index import Index
from whoosh.searching import Searcher
from whoosh.util.numeric import byte_to_length

from reporttui.core import lazyre
from reporttui.core.index import codec, dictionary, matcher, querywords, segcache, segment
from reporttui.core.index.schema import (
    BIGRAM_FIELD,
    FACTS_KEY,
    JIEBA_FIELD,
    ROLE_FIELD,
    SECTION_POSTINGS,
    SECTION_SEPARATOR,
)
from reporttui.core.index.tokenize import clean_words, fold, jieba_words, term_query_tokens
from reporttui.core.search import ranking
from reporttui.core.search import synonyms as synonym_table
from reporttui.core.search.highlight import Spans, make_snippet
from reporttui.core.search.query import ParsedQuery, Term, parse_query
from reporttui.core.search.results import Hit, SearchResult, new_hit

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


_lexicon_cache: weakref.WeakKeyDictionary[Any, dict[str, tuple[tuple[str, str], ...]]] = (
    weakref.WeakKeyDictionary()
)


def _lexicon(reader: Any, fieldname: str) -> tuple[tuple[str, str], ...]:
    """(value, folded value) of every term of a small ID field (region, kind), read once per
    reader: Whoosh merges the term lists of every segment on each call (~30 ms on the corpus)."""
    try:
        per_reader = _lexicon_cache[reader]
    except KeyError:
        per_reader = {}
        with contextlib.suppress(TypeError):
            _lexicon_cache[reader] = per_reader
    except TypeError:
        per_reader = {}
    got = per_reader.get(fieldname)
    if got is None:
        values = [
            v.decode("utf-8") if isinstance(v, bytes) else v for v in reader.lexicon(fieldname)
        ]
        got = per_reader[fieldname] = tuple((v, fold(v)) for v in values)
    return got


def _values_containing(reader: Any, fieldname: str, wanted: tuple[str, ...]) -> wq.Query:
    """Terms of an ID field that contain any wanted value (region:古交 -> 古交市)."""
    folded = [fold(w) for w in wanted]
    matched = []
    for value, folded_value in _lexicon(reader, fieldname):
        if any(w in folded_value for w in folded):
            matched.append(wq.Term(fieldname, value))
    if not matched:
        return wq.NullQuery
    return wq.Or(matched) if len(matched) > 1 else matched[0]


def build_filter(pq: ParsedQuery, searcher: Any) -> wq.Query | None:
    """The filter part of a query (None when there are no filters).

    ``region:`` also lets through reports with no region metadata whose title or text names the
    region (see :func:`regionless_docs`; only when given a searcher): missing metadata must not
    hide a report. ``section:`` is matched on the project's postings (:func:`match_spec`'s
    ``sections``).
    """
    f = pq.filters
    reader = searcher.reader() if hasattr(searcher, "reader") else searcher
    parts: list[wq.Query] = []
    if f.region:
        q = _values_containing(reader, "region", f.region)
        extra = [wq.Term("doc_id", d) for d in regionless_docs(searcher, f.region)]
        if extra:
            q = wq.Or(([q] if q is not wq.NullQuery else []) + extra)
        parts.append(q)
    if f.kind:
        parts.append(_values_containing(reader, "kind", f.kind))
    if f.year:
        years = [wq.NumericRange("year", lo, hi) for lo, hi in f.year]
        parts.append(wq.Or(years) if len(years) > 1 else years[0])
    if not parts:
        return None
    return wq.And(parts) if len(parts) > 1 else parts[0]


REGIONLESS_MIN_MENTIONS = 3
"""A report without region metadata counts as region R when its title names R or its text (the
first :data:`REGIONLESS_ROWS` rows) does this many times."""
REGIONLESS_ROWS = 60
REGIONLESS_DOCS = 200
"""Above this many reports without region metadata, only their titles are looked at."""
_regionless_cache: weakref.WeakKeyDictionary[Any, dict[str, tuple[str, str]]] = (
    weakref.WeakKeyDictionary()
)


_regionless_rows_cache: weakref.WeakKeyDictionary[Any, dict[str, list[int]]] = (
    weakref.WeakKeyDictionary()
)
_regionless_titles_cache: weakref.WeakKeyDictionary[Any, dict[str, str]] = (
    weakref.WeakKeyDictionary()
)


def _doc_runs(ix: Any) -> tuple[Any, Any] | None:
    """Starts and ends of the runs of rows of one document inside one segment (all rows,
    deleted ones included), or None when a document's rows are not one run in a segment."""
    import numpy as np

    codes = ix.key_column("doc_id")[0]
    n = len(codes)
    if not n:
        return None
    offsets = np.asarray([s.offset for s in ix.segments], dtype=np.int64)
    starts = np.unique(
        np.concatenate(([0], np.flatnonzero(codes[1:] != codes[:-1]) + 1, offsets[offsets < n]))
    )
    seg_of = np.searchsorted(offsets, starts, side="right") - 1
    key = seg_of * (int(codes.max()) + 1) + codes[starts]
    if len(np.unique(key)) != len(key):
        return None
    return starts, np.append(starts[1:], n)


def _region_mask(searcher: Any) -> Any:
    """Rows of reports with a region (a bool mask over all rows).

    query (issue 11): a region is a document's, on every row of it, so one row of a document
    (in a segment) found in a region's postings marks the document's whole run of rows, and the
    postings skip to the run's end: ~3,000 steps instead of one Python step per row (272,000
    on the corpus, ~0.25 s of every one-shot multi-word search). Without runs (a document's
    rows apart), every row is stepped as before."""
    import numpy as np

    reader = searcher.reader()
    ix = matcher.view(reader)
    n = ix.doc_count_all
    has_region = np.zeros(n, dtype=bool)
    runs = _doc_runs(ix)
    if runs is None:
        for v, _ in _lexicon(reader, "region"):
            ids = np.fromiter(reader.postings("region", v).all_ids(), dtype=np.int64)
            has_region[ids[ids < n]] = True
        return has_region
    starts, ends = runs
    # Segment by segment, the segment's own region values (asking every segment for every
    # value of the library opened ~10,000 matchers: ~70 ms).
    leaves = [(reader, 0)] if reader.is_atomic() else list(reader.leaf_readers())
    # scale (issue 11): a segment's mask is kept on disk (core/index/segcache.py): a one-shot
    # search steps only the segments it has not seen (~65 ms at 1x, ~0.6 s at 10x otherwise).
    home = segcache.home_of(reader)
    cached = segcache.load(home, "region-mask") if home is not None else {}
    fresh: dict[str, Any] = {}
    for leaf, offset in leaves:
        key = segcache.segment_key(leaf) if home is not None else None
        size = leaf.doc_count_all()
        got = cached.get(key) if key is not None else None
        if got is not None and len(got) == size and offset + size <= n:
            has_region[offset : offset + size] = got
            fresh[str(key)] = got
            continue
        _step_region(leaf, offset, n, starts, ends, has_region)
        if key is not None and offset + size <= n:
            fresh[key] = has_region[offset : offset + size].copy()
    if home is not None and fresh.keys() != cached.keys():
        segcache.store(home, "region-mask", fresh)
    return has_region


def _step_region(leaf: Any, offset: int, n: int, starts: Any, ends: Any, has_region: Any) -> None:
    """Mark in ``has_region`` the runs of rows of one segment's reports that have a region."""
    import numpy as np

    for v in leaf.lexicon("region"):
        postings = leaf.postings("region", v)
        while postings.is_active():
            row = postings.id() + offset
            if row >= n:
                break
            k = int(np.searchsorted(starts, row, side="right")) - 1
            end = int(ends[k])
            has_region[int(starts[k]) : end] = True
            if end - offset >= leaf.doc_count_all():
                break
            postings.skip_to(end - offset)


def _segment_keys(reader: Any) -> list[tuple[int, int, str]]:
    """(first row, row count, :func:`segcache.segment_key`) of every segment; [] when one has
    no stable identity."""
    leaves = [(reader, 0)] if reader.is_atomic() else list(reader.leaf_readers())
    out = []
    for leaf, offset in leaves:
        key = segcache.segment_key(leaf)
        if key is None:
            return []
        out.append((offset, leaf.doc_count_all(), key))
    return out


def _row_segment_key(where: list[tuple[int, int, str]], row: int) -> str | None:
    """The segment key of the segment holding ``row``."""
    for offset, size, key in where:
        if offset <= row < offset + size:
            return key
    return None


def _regionless_rows(searcher: Any) -> dict[str, list[int]]:
    """doc_id -> live rows of every report without region metadata, in row order (cached)."""
    reader = searcher.reader()
    try:
        return _regionless_rows_cache[reader]
    except (KeyError, TypeError):
        pass
    rows_of: dict[str, list[int]] = {}
    if reader.doc_count_all():
        import numpy as np

        ix = matcher.view(reader)
        has_region = _region_mask(searcher)
        live = ix.live()
        without = ~has_region if live is None else live & ~has_region
        codes, names = ix.key_column("doc_id")
        for d, c in zip(np.flatnonzero(without).tolist(), codes[without].tolist(), strict=True):
            rows_of.setdefault(names[c], []).append(d)
    with contextlib.suppress(TypeError):
        _regionless_rows_cache[reader] = rows_of
    return rows_of


def _regionless_titles(searcher: Any) -> dict[str, str]:
    """doc_id -> title of every report without region metadata (one stored row each; cached):
    what deciding whether a word names such a report needs, without reading their texts."""
    reader = searcher.reader()
    try:
        return _regionless_titles_cache[reader]
    except (KeyError, TypeError):
        pass
    out = {
        doc_id: searcher.stored_fields(sorted(nums)[0]).get("title", "") or ""
        for doc_id, nums in _regionless_rows(searcher).items()
    }
    with contextlib.suppress(TypeError):
        _regionless_titles_cache[reader] = out
    return out


def _regionless(searcher: Any) -> dict[str, tuple[str, str]]:
    """doc_id -> (title, text) of every report in the index without region metadata (cached)."""
    reader = searcher.reader()
    try:
        return _regionless_cache[reader]
    except (KeyError, TypeError):
        pass
    if not reader.doc_count_all():
        return {}
    # Rows of reports with a region: see _region_mask (a Whoosh Or of every region, stepped
    # row by row, took ~1-3 s on the corpus: every multi-word search of a fresh process paid
    # it). Then the live rows outside it, by document.
    rows_of = _regionless_rows(searcher)
    # Bounded work: the title of every such report, and the text of its first rows only while
    # there are few of them (a library of files without metadata is then matched by title).
    per_doc = REGIONLESS_ROWS if len(rows_of) <= REGIONLESS_DOCS else 1
    # scale (issue 11): kept on disk by (segment, report, rows read): a segment never changes,
    # so a one-shot search reads the stored rows of reports it has not seen only (~3,000
    # stored rows at 1x: ~50 ms of every region-word search).
    home = segcache.home_of(reader)
    where = _segment_keys(reader) if home is not None else []
    cached = segcache.load_json(home, "regionless") if home is not None and where else {}
    kept: dict[str, Any] = {}
    out: dict[str, tuple[str, str]] = {}
    for doc_id, nums in rows_of.items():
        rows = sorted(nums)[:per_doc]
        key = _row_segment_key(where, rows[0])
        entry = cached.get(f"{key}:{doc_id}:{per_doc}") if key else None
        if not (
            isinstance(entry, list) and len(entry) == 2 and all(isinstance(x, str) for x in entry)
        ):
            stored_rows = [searcher.stored_fields(d) for d in rows]
            texts = [stored.get("text", "") or "" for stored in stored_rows]
            entry = [stored_rows[0].get("title", "") or "", "\n".join(texts)]
        out[doc_id] = (entry[0], entry[1])
        if key:
            kept[f"{key}:{doc_id}:{per_doc}"] = entry
    if home is not None and where and kept.keys() != cached.keys():
        segcache.store_json(home, "regionless", kept)
    with contextlib.suppress(TypeError):
        _regionless_cache[reader] = out
    return out


_regionless_docs_cache: weakref.WeakKeyDictionary[Any, dict[tuple[str, ...], list[str]]] = (
    weakref.WeakKeyDictionary()
)
REGIONLESS_VALUES = 64
"""Region values whose reports without region metadata a reader keeps (see :func:`regionless_docs`)."""


def regionless_docs(searcher: Any, values: Sequence[str]) -> list[str]:
    """Reports with no region metadata whose title names one of ``values`` or whose text often does.

    query (issue 11): the answer depends on the reader and the values only (a reader's rows
    never change), and finding it counts the region's name in every such report's opening
    text (~0.8 ms of each ``region:`` query on the corpus): the last
    :data:`REGIONLESS_VALUES` answers are kept per reader."""
    if not hasattr(searcher, "docs_for_query"):
        return []
    reader = searcher.reader()
    key = tuple(values)
    try:
        per_reader = _regionless_docs_cache.setdefault(reader, {})
    except TypeError:
        per_reader = {}
    got = per_reader.get(key)
    if got is None:
        got = _regionless_docs(searcher, values)
        if len(per_reader) >= REGIONLESS_VALUES:
            per_reader.clear()
        per_reader[key] = got
    return list(got)


def _regionless_docs(searcher: Any, values: Sequence[str]) -> list[str]:
    out = []
    for doc_id, (title, text) in _regionless(searcher).items():
        for v in values:
            stem = _region_stem(v)
            if stem and (stem in title or text.count(stem) >= REGIONLESS_MIN_MENTIONS):
                out.append(doc_id)
                break
    return out


# fmt: off
_ETHNIC_GROUPS = (
    "蒙古", "回", "藏", "维吾尔", "苗", "彝", "壮", "布依", "朝鲜", "满", "侗", "瑶", "白", "土家", "哈尼", "哈萨克", "傣",
    "黎", "傈僳", "佤", "畲", "高山", "拉祜", "水", "东乡", "纳西", "景颇", "柯尔克孜", "土", "达斡尔", "仫佬", "羌", "布朗",
    "撒拉", "毛南", "仡佬", "锡伯", "阿昌", "普米", "塔吉克", "怒", "乌孜别克", "俄罗斯", "鄂温克", "德昂", "保安", "裕固", "京",
    "塔塔尔", "独龙", "鄂伦春", "赫哲", "门巴", "珞巴", "基诺",
)
# fmt: on
"""China's 55 minority nationalities, as they are written inside autonomous divisions' names."""

_AUTONOMOUS_SUFFIX = lazyre.compile(
    "(?:(?:"
    + "|".join(sorted(_ETHNIC_GROUPS, key=len, reverse=True))
    + ")族?)+自治(?:区|州|县|旗)$"
)
"""An autonomous division's suffix with the nationalities it names (…蒙古自治州, …苗族侗族自治州)."""

_REGION_SUFFIX = lazyre.compile(
    r"(?:特别行政区|自治区|自治州|自治县|自治旗|地区|省|市|县|区|州|盟)$"
)


def _region_stem(value: str) -> str:
    """古交市 -> 古交, 广西壮族自治区 -> 广西, 博尔塔拉蒙古自治州 -> 博尔塔拉, 大理州 -> 大理:
    the name people use alone. A stem of one character is no name (内蒙古自治区 keeps 内蒙古,
    温州 stays 温州)."""
    value = value.strip()
    for suffix in (_AUTONOMOUS_SUFFIX, _REGION_SUFFIX):
        stem = suffix.sub("", value)
        if stem != value and len(stem) >= 2:
            return stem
    return value


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


def build_query(
    pq: ParsedQuery, home: Path | None = None, use_jieba: bool = True
) -> wq.Query | None:
    """Matching query plus the jieba ranking boost (``AndMaybe``)."""
    main, _ = build_match(pq)
    if main is None or not use_jieba or not pq.positive:
        return main
    boost = [wq.Term(JIEBA_FIELD, w, boost=JIEBA_BOOST) for w in ranking_words(pq, home)]
    if not boost:
        return main
    return wq.AndMaybe(main, wq.Or(boost) if len(boost) > 1 else boost[0])


@dataclass(frozen=True)
class Clause:
    """One AND-ed part of the query after query understanding."""

    alternatives: tuple[tuple[str, ...], ...]
    """Any of these (each an AND of exact terms): the words as typed first, then synonyms."""
    words: tuple[str, ...]
    """Texts that count as this clause when ranking (the word and its synonyms)."""
    parts: tuple[tuple[str, ...], ...] = ()
    """Extra ranking groups: the rest of a word split around a synonym (增长, 目标 of GDP增长目标)."""
    metadata_rows: frozenset[int] | None = None
    """Rows of the reports whose metadata the word names (region or year), or None."""
    generated: tuple[tuple[str, ...], ...] = ()
    """Those alternatives that come from the generated table (reworded.txt): they add rows
    only (see :func:`_only_in`)."""
    metadata_label: str = ""


@dataclass(frozen=True)
class Plan:
    """The query as searched: clauses with their expansions, and what to tell the user."""

    clauses: tuple[Clause, ...] = ()
    literal_terms: tuple[str, ...] = ()
    """Positive words that a row must hold as typed to count as a literal match."""
    synonym_names: dict[str, tuple[str, ...]] = field(default_factory=dict)
    highlight: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    longer_names: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """word -> those of its synonym names that are one-way longer forms (shown as 全称)."""
    quote_forms: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """recall (issue 8): word (without whitespace) -> its forms with a quoted part (三公经费 ->
    “三公”经费, see :func:`quote_forms`); a row holding one is named "across quote marks"."""
    indicator_names: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """recall (issue 8): word -> those of its synonym names that are indicator forms
    (``synonyms.indicator_forms``: 旅游总收入 of 旅游收入), named "indicator written as"."""

    @property
    def groups(self) -> tuple[tuple[str, ...], ...]:
        out = [c.words for c in self.clauses if c.metadata_rows is None]
        for c in self.clauses:
            out.extend(c.parts)
        return tuple(out) or tuple(c.words for c in self.clauses)

    def describe(self) -> tuple[str, ...]:
        return self.notes


_YEAR_WORD = lazyre.compile(r"^((?:19|20)\d{2})年?$")


def _split_rest(rest: str, home: Path | None, use_jieba: bool) -> tuple[str, ...]:
    """The rest of a word around a synonym, cut into words (jieba accurate mode when loaded)."""
    if not use_jieba or len(rest) <= 2:
        return (rest,)
    import jieba

    dictionary.prepare_jieba(home)
    stop = _stopwords(home)
    words = [w for w in jieba.lcut(rest) if w.strip() and w not in stop and term_query_tokens(w)]
    return tuple(words) or (rest,)


def _metadata_rows(searcher: Any, word: str) -> tuple[frozenset[int], str] | None:
    """Rows of the reports whose region (or year) the query word names, with a label; or None."""
    reader = searcher.reader()
    m = _YEAR_WORD.match(word)
    if m:
        year = int(m.group(1))
        rows = frozenset(searcher.docs_for_query(wq.NumericRange("year", year, year)))
        return (rows, f"year {year}") if rows else None
    if len(word) < 2 or not any("\u4e00" <= c <= "\u9fff" for c in word):
        return None
    w = fold(word)
    names = []
    for value, folded_value in _lexicon(reader, "region"):
        if folded_value.startswith(w) and len(_region_stem(value)) <= len(word) + 1:
            names.append(value)
    queries: list[wq.Query] = [wq.Term("region", v) for v in names]
    titled = [d for d, title in _regionless_titles(searcher).items() if title.startswith(word)]
    if not names and not titled:
        return None  # not a place name of the library: the word is only text
    extra = regionless_docs(searcher, (word,))
    queries += [wq.Term("doc_id", d) for d in extra]
    if not queries:
        return None
    rows = frozenset(searcher.docs_for_query(wq.Or(queries)))
    label = "region " + "/".join(
        names + (["(title/text) " + str(len(extra)) + " report(s)"] if extra else [])
    )
    return (rows, label) if rows else None


def _has_rows(searcher: Any, text: str) -> bool:
    """Whether any row holds ``text`` as typed (the matcher on that one exact term)."""
    tokens = term_query_tokens(text)
    if not tokens or not hasattr(searcher, "reader"):
        return False
    try:
        found = matcher.match(
            searcher.reader(),
            matcher.MatchSpec(clauses=(((tuple(tokens),),),)),
            exact_field=BIGRAM_FIELD,
        )
    except Exception:
        return True
    return len(found) > 0


# --- recall (issue 8): quote marks inside a word
QUOTE_PAIRS = (("“", "”"), ("‘", "’"), ('"', '"'), ("「", "」"), ("『", "』"))
"""Opening and closing quote marks a report may set around part of a compound (“三公”经费);
full-width ＂ folds to ", so it is covered too."""
QUOTE_REASON = "across quote marks:"
"""The start of the reason a row gets when it holds a word only with a quoted part."""
QUOTED_MIN = 2
"""The shortest quoted part (in characters) a form puts in quotes: “三公”经费, not “化”工."""


def quote_forms(word: str, known: Callable[[str], bool] | None = None) -> tuple[str, ...]:
    """The forms of ``word`` with one run of two or more of its characters in quote marks and
    at least one character outside it: 三公经费 -> “三公”经费, 三“公经”费, 三公“经费”, …
    (``“三公经费”`` holds the word as typed already). The quoted run is whole inside the
    word, so a quote mark closing one term and opening the next is not crossed: 化工 is not
    found in “六化”工程, nor 确保目标 in “两个确保”目标. ``known(token)``: whether an index
    token occurs at all; a form with an unknown quote-bearing token is left out.

    Words of CJK characters only (no number or Latin word: ``“5G”基站`` differs from
    ``5G基站`` in units, and a digit run next to a quote is another number)."""
    if len(word) < QUOTED_MIN + 1 or not all("\u4e00" <= c <= "\u9fff" for c in word):
        return ()
    n = len(word)
    out: list[str] = []
    for i in range(n):
        for j in range(i + QUOTED_MIN, n + 1):
            if i == 0 and j == n:
                continue
            for op, cl in QUOTE_PAIRS:
                form = word[:i] + op + word[i:j] + cl + word[j:]
                if known is not None:
                    edges = [op + word[i], word[j - 1] + cl]
                    if i > 0:
                        edges.append(word[i - 1] + op)
                    if j < n:
                        edges.append(cl + word[j])
                    if not all(known(fold(e)) for e in edges):
                        continue
                out.append(form)
    return tuple(out)


def _known_tokens(searcher: Any) -> Callable[[str], bool] | None:
    """``token -> occurs in the exact field`` for :func:`quote_forms` (None: no index view)."""
    if not hasattr(searcher, "reader"):
        return None
    try:
        ix = matcher.view(searcher.reader())
    except Exception:
        return None

    def known(token: str) -> bool:
        try:
            return ix.doc_frequency(BIGRAM_FIELD, token) > 0
        except Exception:
            return True

    return known


_CN_DIGITS = "〇一二三四五六七八九"
_ZERO = str.maketrans("零○", "〇〇")
_DIGIT_YEAR = lazyre.compile(r"(?<![0-9])((?:19|20)[0-9]{2})(?=年)")
_CN_YEAR = lazyre.compile(r"[一二][〇零○][〇零○一二三四五六七八九]{2}(?=年)")


def year_forms(word: str) -> tuple[str, ...]:
    """The other ways reports write the years of ``word`` (a year followed by 年): 2035年远景目标
    -> 二〇三五年远景目标 and back; 二零三五年 (零 or ○ for 〇) -> 二〇三五年 and 2035年."""
    out: list[str] = []
    if _DIGIT_YEAR.search(word):
        out.append(_DIGIT_YEAR.sub(lambda m: "".join(_CN_DIGITS[int(c)] for c in m.group(1)), word))
    if _CN_YEAR.search(word):
        zero = _CN_YEAR.sub(lambda m: m.group().translate(_ZERO), word)
        digits = _CN_YEAR.sub(
            lambda m: "".join(str(_CN_DIGITS.index(c)) for c in m.group().translate(_ZERO)), word
        )
        out += [zero, digits]
    return tuple(f for f in dict.fromkeys(out) if f != word)


# --- end recall


def understand(
    pq: ParsedQuery,
    searcher: Any,
    home: Path | None,
    use_jieba: bool,
    synonyms: bool = True,
    metadata: bool = True,
    sparse: bool = False,
) -> Plan:
    """Query understanding: synonyms of words, and words that name a region or year of the library.

    * A word in the synonym table (or containing a name of it) also matches the group's other
      names, as exact alternatives; rows holding the word as typed rank first (``synonym``).
    * When the query has other words too, a word that names a region of the library (太原 for
      太原市, also a report without region metadata whose title/text names it) or one of its
      years (2021) also matches those reports' rows that hold the other words (``metadata``).
    * ``sparse``: also the shipped longer forms (``core/data/longer.txt``, see :func:`_run`) and
      the word with a quoted part (三公经费 as “三公”经费, :func:`quote_forms`).
    Quoted phrases are always literal. Only ever adds rows: the literal matches stay.
    """
    n_clauses = len(pq.clauses)
    clauses: list[Clause] = []
    literal: list[str] = []
    syn_names: dict[str, tuple[str, ...]] = {}
    long_names: dict[str, tuple[str, ...]] = {}
    ind_names: dict[str, tuple[str, ...]] = {}
    highlight: list[str] = []
    notes: list[str] = []
    quoted: dict[str, tuple[str, ...]] = {}
    # recall (issue 8): quoted forms are sparse forms, as the longer forms: only for a query
    # that finds less than a page as typed (each form is a phrase to match; on the whole
    # library they made every query of three or more characters ~1.5x slower)
    # recall (issue 8, round 9): except for the words reports do write with a quoted run
    # (core/data/quoted_terms.txt: 三公经费 as “三公”经费), whose seen quoted forms apply always
    quoted_table = synonym_table.quoted_terms(home) if synonyms else {}
    listed = any(
        "".join(t.text.split()) in quoted_table
        for clause in pq.clauses
        for alt in clause
        for t in alt
    )
    known = _known_tokens(searcher) if synonyms and (sparse or listed) else None
    for clause in pq.clauses:
        alts: list[tuple[str, ...]] = [tuple(t.text for t in alt) for alt in clause]
        words = [t.text for alt in clause for t in alt]
        parts: list[tuple[str, ...]] = []
        generated: list[tuple[str, ...]] = []
        meta: tuple[frozenset[int], str] | None = None
        single = len(clause) == 1 and len(clause[0]) == 1 and not clause[0][0].phrase
        if metadata and single and n_clauses >= 2 and hasattr(searcher, "docs_for_query"):
            meta = _metadata_rows(searcher, clause[0][0].text)
        if meta is None:
            literal.extend(words)
        if synonyms:
            for alt in clause:
                if len(alt) != 1 or alt[0].phrase:
                    continue
                exp = synonym_table.expansions(alt[0].text, home, sparse)
                if exp is None:
                    continue
                if exp.name != alt[0].text and _has_rows(searcher, alt[0].text):
                    continue  # a longer word holding a synonym: widened only when not found as typed
                shown: list[str] = []
                shown_long: list[str] = []
                shown_ind: list[str] = []
                for names in exp.alternatives:
                    head, rest = names[0], names[1:]
                    split: tuple[str, ...] = ()
                    for r in rest:
                        split += _split_rest(r, home, use_jieba)
                    new = (head, *split)
                    if new not in alts and term_query_tokens(head):
                        alts.append(new)
                        if head in exp.generated:
                            generated.append(new)
                        (
                            shown_ind
                            if head in exp.indicator
                            else shown_long
                            if head in exp.longer
                            else shown
                        ).append(" + ".join(new))
                    if head != alt[0].text:
                        if head not in exp.generated:
                            words.append(head)
                        highlight.append(head)
                    for part in split:
                        if (part,) not in parts:
                            parts.append((part,))
                            highlight.append(part)
                syn_names[alt[0].text] = tuple(
                    n for n in dict.fromkeys(a[0] for a in exp.alternatives)
                )
                if shown:
                    notes.append(
                        f"{alt[0].text}: also {', '.join(shown)} "
                        f"(synonyms of {exp.name}; rows with {alt[0].text} as typed rank first)"
                    )
                if shown_long:
                    notes.append(
                        f"{alt[0].text}: also {', '.join(shown_long)} (longer forms reports "
                        f"write, 全称; rows with {alt[0].text} as typed rank first)"
                    )
                if shown_ind:  # recall (issue 8)
                    notes.append(
                        f"{alt[0].text}: also {', '.join(shown_ind)} (the indicator as reports "
                        f"also write it; rows with {alt[0].text} as typed rank first)"
                    )
                if exp.longer:
                    long_names[alt[0].text] = exp.longer
                if exp.indicator:
                    ind_names[alt[0].text] = exp.indicator
        if synonyms:  # recall (issue 8): a year in Chinese numerals (二〇三五年) or in digits
            for alt in clause:
                if len(alt) != 1 or alt[0].phrase:
                    continue
                forms = tuple(f for f in year_forms(alt[0].text) if (f,) not in alts)
                if not forms:
                    continue
                alts.extend((f,) for f in forms)
                words.extend(forms)
                highlight.extend(forms)
                syn_names[alt[0].text] = syn_names.get(alt[0].text, ()) + forms
                notes.append(
                    f"{alt[0].text}: also {', '.join(forms)} (the year written another way; "
                    f"rows with {alt[0].text} as typed rank first)"
                )
        if known is not None:  # recall (issue 8): quote marks inside the word (“三公”经费)
            for alt in clause:
                if len(alt) != 1 or alt[0].phrase:
                    continue
                bare = "".join(alt[0].text.split())
                runs = quoted_table.get(bare, ())
                if not sparse and not runs:
                    continue
                forms = tuple(f for f in quote_forms(bare, known) if (f,) not in alts)
                if not sparse:  # only the runs reports were seen to quote
                    forms = tuple(
                        f
                        for f in forms
                        if any(o + r + c in f for r in runs for o, c in QUOTE_PAIRS)
                    )
                if not forms:
                    continue
                quoted[bare] = forms
                alts.extend((f,) for f in forms)
                words.extend(forms)
                highlight.extend(forms)
                notes.append(
                    f"{alt[0].text}: also with quote marks inside it ({', '.join(forms[:3])}"
                    + (f" and {len(forms) - 3} more" if len(forms) > 3 else "")
                    + f"; rows with {alt[0].text} as typed rank first)"
                )
        if meta is not None:
            notes.append(
                f"{clause[0][0].text}: as text, or the report's metadata: {meta[1]} "
                f"({len(meta[0])} rows"
                + (
                    f"; there {clause[0][0].text} in the text is not scored again)"
                    if ranking.METADATA_WORD_ONCE
                    else ")"
                )
            )
        clauses.append(
            Clause(
                alternatives=tuple(alts),
                words=tuple(dict.fromkeys(words)),
                parts=tuple(parts),
                metadata_rows=meta[0] if meta else None,
                metadata_label=meta[1] if meta else "",
                generated=tuple(generated),
            )
        )
    if clauses and all(c.metadata_rows is not None for c in clauses):
        clauses = [
            Clause(c.alternatives, c.words, c.parts, generated=c.generated) for c in clauses
        ]  # nothing else to find
        literal = [w for c in clauses for w in c.words]
        notes = [n for n in notes if "metadata" not in n]
    return Plan(
        tuple(clauses),
        tuple(dict.fromkeys(literal)),
        syn_names,
        tuple(dict.fromkeys(highlight)),
        tuple(notes),
        long_names,
        quoted,
        ind_names,
    )


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
    synonyms: bool = True,
) -> SearchResult:
    """Run ``query`` against the index (or an open searcher) and return ranked hits.

    ``region``/``year`` add filters as if typed (``region:R year:Y``). ``use_jieba``: None
    means rank with jieba words (loading jieba once, ~0.6 s) — pass False to search before
    jieba is loaded; results are the same, only the order may differ. ``synonyms=False``
    searches the words literally (no synonym alternatives). Thread-safe: opens its own
    searcher when given an index. Ranking: :mod:`reporttui.core.search.ranking`.
    """
    pq = parse_query(query)
    if region:
        pq = _with_filter(pq, region=region)
    if year is not None:
        pq = _with_filter(pq, year=int(year))
    if isinstance(ix, Searcher):
        return _run(ix, pq, query, limit, home, use_jieba, snippet_width, synonyms)
    with ix.searcher() as searcher:
        return _run(searcher, pq, query, limit, home, use_jieba, snippet_width, synonyms)


def search_staged(
    searcher: Searcher,
    query: str,
    *,
    first: int,
    limit: int,
    home: Path | None = None,
    snippet_width: int = 80,
    stop: Callable[[], bool] | None = None,
) -> Iterator[tuple[SearchResult, bool]]:
    """:func:`search` in two steps: the first ``first`` hits, then all ``limit`` of them.

    Yields ``(result, more)``: first the result with ``first`` hits (what a screen shows), then,
    when ``more`` said so, the one :func:`search` gives with ``limit`` hits (whose first hits are
    the same, in the same order). The query is parsed, matched and counted once, so totals and
    per-report/per-section counts are exact in both and the second step costs only the rows it
    adds. ``stop`` (asked between rerank blocks of the second step) ends it early.
    """
    pq = parse_query(query)
    limits = (first, limit) if first < limit else (limit,)
    yield from _stages(searcher, pq, query, limits, home, None, snippet_width, True, stop)


def _with_filter(
    pq: ParsedQuery, region: str | None = None, year: int | None = None
) -> ParsedQuery:
    from dataclasses import replace

    f = pq.filters
    if region:
        f = replace(f, region=(*f.region, region))
    if year is not None:
        f = replace(f, year=(*f.year, (year, year)))
    return replace(pq, filters=f)


def _run(
    searcher: Searcher,
    pq: ParsedQuery,
    source: str,
    limit: int,
    home: Path | None,
    use_jieba: bool | None,
    snippet_width: int,
    synonyms: bool = True,
) -> SearchResult:
    steps = _stages(searcher, pq, source, (limit,), home, use_jieba, snippet_width, synonyms)
    return next(steps)[0]  # one limit: one result


def _stages(
    searcher: Searcher,
    pq: ParsedQuery,
    source: str,
    limits: Sequence[int],
    home: Path | None,
    use_jieba: bool | None,
    snippet_width: int,
    synonyms: bool = True,
    stop: Callable[[], bool] | None = None,
) -> Iterator[tuple[SearchResult, bool]]:
    """The query's result at each of the increasing ``limits``, matched and counted once.

    Yields ``(result, more)``: the result at the next limit (the first ``limit`` hits of the
    ranking, which never depends on the limit: see :func:`_rerank`), and whether a longer
    result follows. Totals and per-report/per-section counts are exact in every result.
    ``stop`` is asked between rerank blocks after the first result; True ends the walk there.
    """
    main, dropped = build_match(pq)
    notices = [pq.notice] if pq.notice else []
    if dropped:
        notices.append(
            "ignored "
            + ", ".join(f"“{d}”" for d in dropped)
            + " (punctuation alone cannot be searched)"
        )
    terms = tuple(t for t in pq.terms if term_query_tokens(t))
    notice = "; ".join(notices) or None
    if main is None:
        yield (
            SearchResult(
                query=source,
                hits=(),
                total=0,
                terms=terms,
                notice=notice or ("empty query" if not source.strip() else None),
            ),
            False,
        )
        return
    limits = [max(int(n), 1) for n in limits]
    if home is not None:
        segcache.remember_home(searcher.reader(), Path(home))
    filt = build_filter(pq, searcher)
    if pq.filters.tag:  # workbench (issue 14): tag:NAME, resolved against the tags store
        from reporttui.core.search.tagfilter import tag_filter

        filt = tag_filter(home, pq.filters.tag, filt)
    plan = understand(pq, searcher, home, use_jieba is None or bool(use_jieba), synonyms)
    tier, docnums = _candidates(searcher, pq, plan, filt, home, use_jieba)
    if synonyms and len(docnums) < synonym_table.SPARSE_ROWS:
        # less than a page as typed: again with the shipped longer forms (中部崛起 also as
        # 中部地区崛起) and the quoted forms (“三公”经费), their rows after these; a query
        # that fills a page pays nothing
        wide = understand(
            pq, searcher, home, use_jieba is None or bool(use_jieba), synonyms, sparse=True
        )
        if wide.clauses != plan.clauses:
            plan = wide
            tier, docnums = _candidates(searcher, pq, plan, filt, home, use_jieba)
    blocks = _rerank_blocks(searcher, tier, plan)
    top: list[tuple[ranking.Scored, dict[str, Any]]] = []
    per_doc, per_section = _counts(searcher, docnums)
    hl_terms = tuple(dict.fromkeys(terms + plan.highlight))
    hits: list[Hit] = []
    finders: dict[tuple[str, ...], Spans] = {}
    for stage, limit in enumerate(limits):
        while len(top) < limit:
            if stage and stop is not None and stop():
                return
            block = next(blocks, None)
            if block is None:
                break
            top += block
        _add_hits(hits, top[len(hits) : limit], terms, hl_terms, snippet_width, finders)
        last = stage == len(limits) - 1
        # in _rerank's order: blocks, each sorted with equal scores in a stable order
        yield (
            SearchResult(
                query=source,
                hits=tuple(hits),
                total=len(docnums),
                per_doc=per_doc,
                per_section=per_section,
                terms=hl_terms,
                notice=notice,
                expansions=plan.describe(),
            ),
            not last and len(hits) == limit and len(docnums) > limit,
        )
        if not last and (len(hits) < limit or len(docnums) <= limit):
            return  # every match is out: a longer limit would list the same hits


def _add_hits(
    hits: list[Hit],
    top: Sequence[tuple[ranking.Scored, dict[str, Any]]],
    terms: tuple[str, ...],
    hl_terms: tuple[str, ...],
    snippet_width: int,
    finders: dict[tuple[str, ...], Spans] | None = None,
) -> None:
    """Append the :class:`Hit` of each reranked row (spans, snippet, reasons) to ``hits``.

    hits (issue 11): the spans of each term set are found by one :class:`Spans` made per query
    (``finders``, kept by the caller across the staged steps), the snippet's window from the
    merged spans without sorting them again, and the explain line (``Hit.signals``) formatted
    only when read."""
    if finders is None:
        finders = {}
    plain = finders.get(terms)
    if plain is None:
        plain = finders[terms] = Spans(terms)
    wide = finders.get(hl_terms)
    if wide is None:
        wide = finders[hl_terms] = Spans(hl_terms)
    for scored, stored in top:
        text = stored.get("text", "")
        # Synonyms are looked for only in rows that match through them (fewer scans per hit).
        # rerank (issue 11, round 11): a quoted-form reason (QUOTE_REASON) is only given to a
        # row without every word as typed, which the synonym term marks, so the reasons need not
        # be put into words here: the same choice as asking them
        signals = scored.signals
        spans = (wide if signals.get("synonym") else plain)(text)
        snippet, snippet_spans = make_snippet(text, spans, snippet_width, merged=True)
        sp = stored.get("section_path") or ""
        hits.append(
            new_hit(
                stored.get("doc_id", ""),
                stored.get("path", ""),
                stored.get("title", ""),
                stored.get("region"),
                stored.get("year"),
                stored.get("kind"),
                stored.get("section_id", ""),
                tuple(sp.split(SECTION_SEPARATOR)) if sp else (),
                int(stored.get("paragraph", 0) or 0),
                text,
                tuple(spans),
                snippet,
                tuple(snippet_spans),
                scored.score,
                signals,  # (signal_terms and reason_source: see new_hit)
                scored.why,
            )
        )


def _rerank(
    searcher: Searcher,
    tier: Callable[[int], _Tier],
    plan: Plan,
    limit: int,
) -> list[tuple[ranking.Scored, dict[str, Any]]]:
    """The first ``limit`` rows of :func:`_rerank_blocks`' order."""
    out: list[tuple[ranking.Scored, dict[str, Any]]] = []
    for block in _rerank_blocks(searcher, tier, plan):
        out += block
        if len(out) >= limit:
            break
    return out[:limit]


def _rerank_blocks(
    searcher: Searcher,
    tier: Callable[[int], _Tier],
    plan: Plan,
) -> Iterator[list[tuple[ranking.Scored, dict[str, Any]]]]:
    """Order the matcher's candidates: the cheap prior over a pool, full signals block by block.

    The order never depends on ``limit`` (the first k of limit=n are limit=k, for every k <= n):
    the pool of :data:`ranking.POOL` rows is ordered by the cheap prior and cut into blocks of
    :data:`ranking.RERANK_BLOCK` rows; each block gets the full signals (stored text read) and is
    sorted within itself, after the blocks before it. Blocks are read until ``limit`` rows are
    out; a longer list takes the next pool (twice, three times ... the size) the same way.
    The first block also takes the best rows holding the words as typed (a query widened by
    synonyms), so literal-first holds even when synonym rows win the prior (the prior cannot
    tell them apart without the text). Yields each block's rows, sorted, as it is scored: the
    caller stops taking blocks when it has the rows it needs."""
    reader = searcher.reader()
    facts = _facts_column(reader)
    roles: _RoleColumn | _FactsColumn | None = facts if facts is not None else _roles(reader)
    lengths = _lengths(reader)
    groups = ranking.squeeze_groups(plan.groups)
    n_groups = max(len(groups), 1)
    meta_w = ranking.WEIGHTS["metadata"]
    naming = sum(1 for c in plan.clauses if c.metadata_rows)  # ranking: the elsewhere term
    away_w = ranking.WEIGHTS["elsewhere"]
    kind = ranking.query_kind(
        plan.literal_terms or tuple(c.words[0] for c in plan.clauses if c.words)
    )
    # ranking: several words listed as one compound (长江经济带 of 长江 经济带)
    words = tuple(
        "".join(c.words[0].split()) for c in plan.clauses if c.metadata_rows is None and c.words
    )
    joined = ranking.joined_words(words) if len(words) >= 2 else ""
    runs = ranking.compound_runs(words) if len(words) >= 3 else ()  # ranking: part listed
    block = ranking.RERANK_BLOCK
    # query (issue 11): per query, not per row: the column sizes, the stored-row reader and
    # the literal terms without whitespace
    n_roles = len(roles) if roles is not None else 0
    n_lengths = len(lengths) if lengths is not None else 0
    rows = _stored_rows(reader)
    literal_squeezed = tuple("".join(w.split()) for w in plan.literal_terms)
    done: set[int] = set()
    best = 0.0
    size = ranking.POOL
    last = -1
    topical: tuple[str, ...] | None = None  # ranking: the query's topic vocabulary
    while True:
        t = tier(size)
        if len(t.pool) <= last:  # no row left: every match is out
            break
        last = len(t.pool)
        size += ranking.POOL
        if t.hand_best:  # the best row without the generated forms (see _only_in)
            best = best or t.hand_best
        best = best or max(t.pool.values(), default=0.0) or 1.0
        base = {d: s / best for d, s in t.pool.items()}

        # rows only generated forms find come after all others: they never take a block's
        # place from a row the query finds without them (whose order stays as it was)
        order = _prior_order(
            [d for d in t.pool if d not in done],
            t,
            base,
            roles,
            n_roles,
            lengths if n_lengths else None,
            (meta_w, away_w, naming),
            n_groups,
        )
        first_block = True
        one: Callable[..., tuple[ranking.Scored, dict[str, Any]]] | None = None
        while order:
            chunk, rest = order[:block], order[block:]
            if first_block and t.literal_rows:
                taken = set([d for d in order if d in t.literal_rows][:block]) - set(chunk)
                chunk += [d for d in rest if d in taken]
                rest = [d for d in rest if d not in taken]
            order = rest
            first_block = False
            done.update(chunk)
            read = rows
            known: dict[int, str] = {}
            if topical is None:  # ranking: learnt once, from the first block (any limit)
                topical, read, known = _topical_vocabulary(chunk, rows, facts, groups)
            # speed (issue 11, round 15): one scorer per pool, its per-query figures bound
            # once (the same calls as _full's for each row, by position)
            if one is None:
                one = _row_scorer(
                    t, roles, plan, groups, n_groups, kind, literal_squeezed, naming, words,
                    joined, runs, facts,
                )  # fmt: skip
            scored = [one(d, base[d], read, topical, known) for d in chunk]
            # equal scores in a stable order (document, paragraph), not the index's internal
            # document numbers, which change with every rebuild (parallel workers, merges).
            scored.sort(
                key=lambda x: (
                    -round(x[0].score, 6),
                    x[1].get("doc_id", ""),
                    int(x[1].get("paragraph", 0) or 0),
                    x[1].get("section_id", ""),
                )
            )
            yield scored


def _topical_vocabulary(
    chunk: list[int],
    rows: Callable[[int], dict[str, Any]],
    facts: _FactsColumn | None,
    groups: Sequence[Sequence[str]],
) -> tuple[tuple[str, ...], Callable[[int], dict[str, Any]], dict[int, str]]:
    """ranking: the query's :func:`ranking.topical_vocabulary` from the first block's rows
    (``chunk``, in the prior's order), a reader of stored rows that hands those rows out
    again without reading them twice, and those rows' texts without whitespace (speed, issue
    11, round 15: squeezed once for both)."""
    got = {d: rows(d) for d in chunk}
    texts = []
    known: dict[int, str] = {}
    for d, stored in got.items():
        text = stored.get("text", "")
        squeezed = known[d] = "".join(text.split())
        f = facts.facts(d) if facts is not None else None
        lead = (
            squeezed[: f.lead] if f is not None else "".join(text[: ranking.lead_end(text)].split())
        )
        texts.append((squeezed, lead))
    vocabulary = ranking.topical_vocabulary(texts, groups)

    def read(d: int) -> dict[str, Any]:
        row = got.get(d)
        return row if row is not None else rows(d)

    return vocabulary, read, known


_BYTE_LENGTHS: Any = None
"""Whoosh's length of each length byte and that length's :func:`ranking.length_signal` (two
numpy arrays of 256, made once)."""


def _prior_order(
    rows: list[int],
    t: _Tier,
    base: dict[int, float],
    roles: Any,
    n_roles: int,
    lengths: Any,
    weights: tuple[float, float, int],
    n_groups: int,
) -> list[int]:
    """``rows`` in the cheap prior's order: rows only the generated forms find last, then by
    :func:`ranking.prior` plus the ``metadata`` and ``elsewhere`` terms (``weights``: their
    weights and the number of words naming reports), highest first, then by row.

    query (issue 11): the prior over a numpy column of the pool (:func:`ranking.priors`, the
    same floats as one :func:`ranking.prior` call per row) and one ``lexsort``: the same order as
    sorting by ``(generated, -prior, row)`` row by row (~3 µs a row before)."""
    import numpy as np

    global _BYTE_LENGTHS
    if not rows:
        return []
    at = np.asarray(rows, dtype=np.int64)
    size = np.full(len(rows), ranking.FULL, dtype=np.int64)
    signals = None
    if lengths is not None:
        table = _BYTE_LENGTHS
        if table is None:
            got = np.asarray([byte_to_length(b) for b in range(256)], dtype=np.int64)
            table = _BYTE_LENGTHS = (
                got,
                np.asarray([ranking.length_signal(n) for n in got.tolist()], dtype=np.float64),
            )
        inside = at < len(lengths)
        codes = lengths[at[inside]]
        size[inside] = table[0][codes]
        # rerank (issue 11, round 11): each length byte's length_signal from the same table
        signals = np.full(len(rows), ranking.length_signal(ranking.FULL), dtype=np.float64)
        signals[inside] = table[1][codes]
    role_of: Any
    if isinstance(roles, _FactsColumn) and n_roles == len(roles):
        role_of = roles.roles_at(at)  # storage (issue 11): one gather of the column
    else:
        role_of = [
            (roles[d] if roles is not None and d < n_roles else ranking.ROLE_BODY)
            or ranking.ROLE_BODY
            for d in rows
        ]
    firsts = t.firsts
    meta_w, away_w, naming = weights
    cheap = ranking.priors(
        [base[d] for d in rows], role_of, size, [firsts.get(d, -1) for d in rows], signals
    )
    if t.meta_rows or naming > 0:
        # (without metadata rows and region/year words both terms are 0.0 for every row:
        # adding them changes no prior, so no order; storage, issue 11)
        hits = [len(t.meta_rows.get(d, ())) for d in rows]
        cheap = (
            cheap
            + np.asarray([meta_w * h / n_groups for h in hits], dtype=np.float64)
            + np.asarray(
                [away_w * ranking.elsewhere_signal(naming, h, n_groups) for h in hits],
                dtype=np.float64,
            )
        )
    gen = t.generated_rows
    generated = (
        np.fromiter((d in gen for d in rows), dtype=bool, count=len(rows))
        if gen
        else np.zeros(len(rows), dtype=bool)
    )
    return at[np.lexsort((at, -cheap, generated))].tolist()  # type: ignore[no-any-return]


def _row_scorer(
    t: _Tier,
    roles: Any,
    plan: Plan,
    groups: Any,
    n_groups: int,
    kind: Any,
    literal_squeezed: tuple[str, ...],
    naming: int,
    words: tuple[str, ...],
    joined: str,
    runs: tuple[tuple[int, str], ...],
    facts: _FactsColumn | None,
) -> Callable[..., tuple[ranking.Scored, dict[str, Any]]]:
    """One row's full signals (its stored text read) and its stored fields, as a function of
    the row, its base score, the stored-row reader and the query's topic vocabulary
    (``literal_squeezed``: the plan's literal terms without whitespace; ``facts``: the index's
    row facts column, when it has one).

    speed (issue 11, round 15): the query's figures are bound here once per pool, and the
    row's signals come from :func:`ranking.score_row_at` by position (the same arguments as
    the keyword call of :func:`ranking.score_row`): ~2 keyword-heavy calls a row before."""
    meta_rows = t.meta_rows
    n_roles = len(roles) if roles is not None else 0
    one_literal = literal_squeezed[0] if len(literal_squeezed) == 1 else None
    score_row_at = ranking.score_row_at
    elsewhere_signal = ranking.elsewhere_signal
    body = ranking.ROLE_BODY

    def one(
        d: int,
        base: float,
        rows: Callable[[int], dict[str, Any]],
        topical: tuple[str, ...],
        known: dict[int, str],
    ) -> tuple[ranking.Scored, dict[str, Any]]:
        stored = rows(d)
        text = stored.get("text", "")
        sp = stored.get("section_path") or ""
        row_facts = facts.facts(d) if facts is not None else None
        if row_facts is not None:
            role = row_facts.role
        else:
            role = (roles[d] if roles is not None and d < n_roles else "") or body
        squeezed = known.get(d)  # (the first block's, squeezed for the topic vocabulary)
        if squeezed is None:
            squeezed = "".join(text.split())
        literal = (
            one_literal in squeezed
            if one_literal is not None
            else all(w in squeezed for w in literal_squeezed)
        )
        if not literal and literal_squeezed:  # recall (issue 8): as the index reads it (ＧＤＰ,
            # gdp for GDP; Traditional for Simplified): the row holds the words as typed
            folded = fold(squeezed)
            literal = all(fold(w) in folded for w in literal_squeezed)
        meta = meta_rows.get(d, ())
        s = score_row_at(
            d,
            base,
            text,
            tuple(sp.split(SECTION_SEPARATOR)) if sp else (),
            role,
            groups,
            literal,
            len(meta) / n_groups,
            # rerank (issue 11, round 11): the reasons' words only for the rows shown
            partial(_metadata_reasons, meta) if meta else (),
            partial(_synonym_reasons, plan, squeezed, literal_squeezed) if not literal else (),
            True,
            kind,
            squeezed,
            elsewhere_signal(naming, len(meta), n_groups),
            words,
            joined,
            runs,
            row_facts,
            topical,
        )
        return s, stored

    return one


def _metadata_reasons(meta: Sequence[str]) -> tuple[str, ...]:
    """The reasons of a row matched by its report's metadata words ``meta``."""
    return tuple([f"{m} (report metadata)" for m in meta])


def _synonym_reasons(
    plan: Plan, squeezed: str, literal_squeezed: tuple[str, ...]
) -> tuple[str, ...]:
    """The reasons of a row without every word as typed (``squeezed``: its text without
    whitespace): the quoted forms it holds (recall, issue 8: a word written with a quoted part,
    named in explain/F2) and the first two synonyms, longer forms or indicator names found."""
    quote_reasons: tuple[str, ...] = ()
    if plan.quote_forms:
        for w in literal_squeezed:
            if w not in squeezed:
                f = next((f for f in plan.quote_forms.get(w, ()) if f in squeezed), "")
                if f:
                    quote_reasons += (f"{QUOTE_REASON} {w} as {f}",)
    return (
        quote_reasons
        + tuple(
            (
                f"longer form (全称) {name} of {word}"
                if name in plan.longer_names.get(word, ())
                else f"indicator written as {name} for {word}"
                if name in plan.indicator_names.get(word, ())
                else f"synonym {name} for {word}"
            )
            for word, names in plan.synonym_names.items()
            if "".join(word.split()) not in squeezed
            for name in names
            if name in squeezed and name not in word
        )[:2]
    )


class _RoleColumn:
    """docnum -> row role (``""`` for a body paragraph), read row by row from Whoosh's column.

    Search needs the roles of its candidates only (~150 rows); reading the whole column into a
    list took ~0.3 s on the corpus (276k rows, one Python step each): most of a one-shot
    ``reporttui search``. Roles read are kept (per reader).
    """

    def __init__(self, reader: Any) -> None:
        # query (issue 11): each segment's column is opened when a row of it is first asked
        # for (opening all ~27 at once was ~10 ms of a one-shot search).
        leaves = [(reader, 0)] if reader.is_atomic() else list(reader.leaf_readers())
        self._leaves = leaves
        self._starts = [int(off) for _, off in leaves]
        self._columns: list[Any] = [None] * len(leaves)
        self._n = int(reader.doc_count_all())
        self._seen: dict[int, str] = {}
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return self._n

    def _column(self, k: int) -> Any:
        col = self._columns[k]
        if col is None:
            leaf = self._leaves[k][0]
            col = leaf.column_reader(ROLE_FIELD) if leaf.has_column(ROLE_FIELD) else False
            self._columns[k] = col
        return col

    def __getitem__(self, docnum: int) -> str:
        got = self._seen.get(docnum)
        if got is None:
            try:
                with self._lock:  # Whoosh's column readers share one file position
                    k = bisect.bisect_right(self._starts, docnum) - 1
                    col: Any = self._column(k) if k >= 0 else False
                    v = col[docnum - self._starts[k]] if col is not False else ""
                got = v.decode("utf-8") if isinstance(v, bytes) else (v or "")
            except Exception:
                got = ""
            self._seen[docnum] = got
        return got


class _FactsColumn:
    """docnum -> :class:`ranking.RowFacts` from the index's facts column (storage, issue 11).

    The indexer stores :func:`ranking.row_facts` of every row (role, structure role,
    shortcomings flag, lead length) as a coded string column in the project's postings files;
    the view joins the segments' codes into one array (``matcher.IndexView.key_column``) and the
    few hundred distinct strings are decoded once here. Also a role column (``[d]``, ``len``),
    as :class:`_RoleColumn` is, so the prior reads roles without Whoosh's column readers."""

    def __init__(self, codes: Any, table: Sequence[ranking.RowFacts]) -> None:
        import numpy as np

        self._codes = codes
        self._table = list(table)
        self._roles = [f.role for f in self._table]
        self._role_array = np.asarray(self._roles, dtype=object)
        self._n = len(codes)

    def __len__(self) -> int:
        return self._n

    def __getitem__(self, docnum: int) -> str:
        return self._roles[int(self._codes[docnum])]

    def facts(self, docnum: int) -> ranking.RowFacts | None:
        """The row's facts (None past the column's end)."""
        if docnum >= self._n:
            return None
        return self._table[int(self._codes[docnum])]

    def roles_at(self, at: Any) -> Any:
        """The roles of the rows ``at`` (an int array): a numpy array of strings."""
        return self._role_array[self._codes[at]]


def _facts_column(reader: Any) -> _FactsColumn | None:
    """The reader's :class:`_FactsColumn` (per reader), or None for an index without the
    column or with a value of another form (then the signals are computed from the text)."""
    try:
        return _facts_cache[reader]
    except (KeyError, TypeError):
        pass
    out: _FactsColumn | None
    try:
        codes, strings = matcher.view(reader).key_column(FACTS_KEY)
        table = [ranking.decode_facts(x) for x in strings]
        out = None if any(f is None for f in table) else _FactsColumn(codes, table)  # type: ignore[arg-type]
    except Exception:
        out = None
    with contextlib.suppress(TypeError):
        _facts_cache[reader] = out
    return out


_facts_cache: weakref.WeakKeyDictionary[Any, _FactsColumn | None] = weakref.WeakKeyDictionary()
_roles_cache: weakref.WeakKeyDictionary[Any, _RoleColumn | None] = weakref.WeakKeyDictionary()
_stored_cache: weakref.WeakKeyDictionary[Any, codec.StoredRows] = weakref.WeakKeyDictionary()


def _stored_rows(reader: Any) -> Callable[[int], dict[str, Any]]:
    """docnum -> stored row (as ``reader.stored_fields``), per reader: see codec.StoredRows."""
    try:
        return _stored_cache[reader]
    except KeyError:
        pass
    except TypeError:
        return reader.stored_fields  # type: ignore[no-any-return]
    got = _stored_cache[reader] = codec.StoredRows(reader)
    return got


def _roles(reader: Any) -> _RoleColumn | None:
    """docnum -> row role (``""`` for a body paragraph), per reader; None without the column."""
    try:
        return _roles_cache[reader]
    except (KeyError, TypeError):
        pass
    try:
        if ROLE_FIELD not in reader.schema or not reader.has_column(ROLE_FIELD):
            out = None
        else:
            out = _RoleColumn(reader)
    except Exception:
        out = None
    with contextlib.suppress(TypeError):
        _roles_cache[reader] = out
    return out


def _lengths(reader: Any) -> Any:
    """docnum -> length byte of the bigram field over all segments (a numpy array), or None.

    From the project's postings (the same quantised lengths BM25F uses), via the matcher's view.
    """
    ix = matcher.view(reader)
    if not ix.segments:
        return None
    return ix.lengths(BIGRAM_FIELD)


def _row_keys(reader: Any) -> tuple[list[str], list[str]]:
    """docnum -> doc_id and docnum -> section_id for a reader, read once per reader (by the
    index view, which reads them when it is opened)."""
    return matcher.view(reader).row_keys()


def match_spec(
    pq: ParsedQuery,
    home: Path | None = None,
    use_jieba: bool | None = None,
    plan: Plan | None = None,
    boosts: tuple[tuple[matcher.Term, float], ...] | None = None,
) -> matcher.MatchSpec:
    """The parsed query as the matcher's token lists (and jieba ranking words, unless off).

    With a ``plan`` (:func:`understand`), its clauses (the words as typed plus their synonym
    alternatives) replace the query's literal ones. ``boosts``: the ranking words of an earlier
    spec of the same query (they depend on the query alone: segmented once per search).
    """

    def tokens(terms: Any) -> tuple[tuple[str, ...], ...]:
        return tuple(tuple(tok) for tok in (term_query_tokens(t) for t in terms) if tok)

    texts: list[Any]
    if plan is not None:
        texts = [c.alternatives for c in plan.clauses]
    else:
        texts = [[tuple(t.text for t in alt) for alt in clause] for clause in pq.clauses]
    clauses = []
    for clause in texts:
        alts = tuple(alt for alt in (tokens(a) for a in clause) if alt)
        if alts:
            clauses.append(alts)
    if boosts is None:
        boosts = _boosts(pq, home, use_jieba)
    sections = tokens(pq.filters.section)
    return matcher.MatchSpec(
        clauses=tuple(clauses),
        excluded=tokens(t.text for t in pq.excluded),
        boosts=boosts,
        sections=sections,
    )


def _boosts(
    pq: ParsedQuery, home: Path | None, use_jieba: bool | None
) -> tuple[tuple[matcher.Term, float], ...]:
    """The ranking words of a query as exact-field tokens, each with its boost."""
    boosts: tuple[tuple[matcher.Term, float], ...] = ()
    if (use_jieba is None or use_jieba) and pq.positive:
        # build (issue 11): a word's statistics come from the exact field (no jieba field)
        words = (tuple(term_query_tokens(w)) for w in ranking_words(pq, home))
        boosts = tuple((w, JIEBA_BOOST) for w in dict.fromkeys(words) if w)
    return boosts


def _match(searcher: Searcher, spec: matcher.MatchSpec, allowed: Any) -> matcher.Matches:
    return matcher.match(
        searcher.reader(),
        spec,
        exact_field=BIGRAM_FIELD,
        allowed=allowed,
        section_field=SECTION_POSTINGS,
    )


def _match_all(
    searcher: Searcher, specs: Sequence[matcher.MatchSpec], allowed: Any
) -> list[matcher.Matches]:
    return matcher.match_all(
        searcher.reader(),
        specs,
        exact_field=BIGRAM_FIELD,
        allowed=allowed,
        section_field=SECTION_POSTINGS,
    )


def match_rows(
    searcher: Searcher,
    pq: ParsedQuery,
    filt: wq.Query | None = None,
    home: Path | None = None,
    use_jieba: bool | None = None,
) -> matcher.Matches:
    """Every row matching ``pq`` as typed (``filt``: its filter query, see :func:`build_filter`),
    with BM25F scores, match counts and first positions (:class:`reporttui.core.index.matcher.Matches`).
    No synonyms, metadata words or ranking signals."""
    allowed = set(searcher.docs_for_query(filt)) if filt is not None else None
    return _match(searcher, match_spec(pq, home, use_jieba), allowed)


@dataclass(frozen=True)
class _Tier:
    """The candidates of one pool size: row -> BM25F, each row's first match position (-1:
    unknown), the rows matching the words as typed when synonyms widened the query (else
    empty), and the rows matched through metadata words."""

    pool: dict[int, float]
    firsts: dict[int, int]
    literal_rows: frozenset[int]
    meta_rows: dict[int, tuple[str, ...]]
    hand_best: float = 0.0
    """The best score without the generated forms (0.0: none were added)."""
    generated_rows: frozenset[int] = frozenset()
    """Rows only the generated forms find: read after every other row (see :func:`_only_in`)."""


def _candidates(
    searcher: Searcher,
    pq: ParsedQuery,
    plan: Plan,
    filt: wq.Query | None,
    home: Path | None,
    use_jieba: bool | None,
) -> tuple[Callable[[int], _Tier], Any]:
    """A function giving the candidates of a pool size (:class:`_Tier`), and every matching row
    (a sorted int64 array), from the matcher (:mod:`reporttui.core.index.matcher`).

    The literal query, widened by synonyms, runs once; when words name a region or year of the
    library, the query without them runs again on those reports' rows, and the matches are joined.
    """
    import numpy as np

    spec = match_spec(pq, home, use_jieba, plan)
    allowed_rows = _filter_rows(searcher, filt)
    widened = any(
        len(c.alternatives) > len(q) for c, q in zip(plan.clauses, pq.clauses, strict=False)
    )
    found_hand: matcher.Matches | None = None
    if widened and any(c.generated for c in plan.clauses):
        # the rows found without the generated forms keep that query's scores (_only_in)
        hand = replace(
            plan,
            clauses=tuple(
                replace(c, alternatives=tuple(a for a in c.alternatives if a not in c.generated))
                for c in plan.clauses
            ),
        )
        lit_spec = match_spec(pq, home, use_jieba, boosts=spec.boosts)
        hand_spec = match_spec(pq, home, use_jieba, hand, boosts=spec.boosts)
        if hand_spec == lit_spec:  # no hand synonyms: the query as typed is the one without them
            found, found_lit = _match_all(searcher, (spec, lit_spec), allowed_rows)
            found_hand = found_lit
        else:
            found, found_lit, found_hand = _match_all(
                searcher, (spec, lit_spec, hand_spec), allowed_rows
            )
    elif widened:  # both matches at once (query, issue 11: their postings are decoded once)
        found, found_lit = _match_all(
            searcher, (spec, match_spec(pq, home, use_jieba, boosts=spec.boosts)), allowed_rows
        )
    else:
        found, found_lit = _match(searcher, spec, allowed_rows), None
    matched = found.rows
    meta = [c for c in plan.clauses if c.metadata_rows is not None]
    found2: matcher.Matches | None = None
    in_meta: set[int] | None = None
    if meta:
        rest = Plan(tuple(c for c in plan.clauses if c.metadata_rows is None))
        rest_boosts = spec.boosts
        if ranking.METADATA_WORD_ONCE:  # the metadata words' ranking words do not score either
            meta_words = [fold("".join(w.split())) for c in meta for w in c.words]
            rest_boosts = tuple(
                (toks, w)
                for toks, w in spec.boosts
                if not any(_token_text(toks) in m for m in meta_words)
            )
        rest_spec = match_spec(pq, home, use_jieba, rest, boosts=rest_boosts)
        for c in meta:
            rows = c.metadata_rows or frozenset()
            in_meta = set(rows) if in_meta is None else in_meta & rows
        allowed = None if allowed_rows is None else set(allowed_rows.tolist())
        meta_allowed = (in_meta or set()) if allowed is None else (in_meta or set()) & allowed
        if rest_spec.clauses and meta_allowed:
            found2 = _match(searcher, rest_spec, meta_allowed)
            matched = np.union1d(matched, found2.rows)
    labels = [c.metadata_label for c in meta]

    def tier(size: int) -> _Tier:
        """The best ``size`` rows of each match joined: depends on ``size`` only, not on the
        requested limit (a ranking must not depend on how many hits are asked for)."""
        extra: dict[int, float] = {}
        # speed (issue 11, round 16): each match's best rows with their first positions in one
        # step (Matches.top_firsts: what dict(top) and _firsts of those rows give)
        if found_hand is None:
            pool, firsts = found.top_firsts(size)
        else:  # the query without the generated forms, as it was; then the rows only they add
            pool, firsts = found_hand.top_firsts(size)
            wide, wide_firsts = found.top_firsts(size)
            extra = _only_in(wide, found_hand)
            firsts.update({d: wide_firsts[d] for d in extra})
            pool.update(extra)
        literal_rows: frozenset[int] = frozenset()
        if found_lit is not None:
            # Synonyms widened the query (ranking, issue 8): rows holding the words as typed
            # rank first, so the best of them must be candidates even when synonym rows
            # (地区生产总值 for GDP) fill the pool by BM25F. A subset of ``found``'s rows.
            top_lit, lit_firsts = found_lit.top_firsts(size)
            for d, sc in top_lit.items():
                pool[d] = max(pool.get(d, 0.0), sc)
            for d, f in lit_firsts.items():
                firsts.setdefault(d, f)
            literal_rows = frozenset(top_lit)
        if found2 is not None:
            top2, firsts2 = found2.top_firsts(size)
            for d, sc in top2.items():
                pool[d] = max(pool.get(d, 0.0), sc)
            for d, f in firsts2.items():
                if d not in firsts or (f >= 0 and (firsts[d] < 0 or f < firsts[d])):
                    firsts[d] = f
            if ranking.METADATA_WORD_ONCE and in_meta:
                _score_without_metadata_words(pool, firsts, found2, in_meta)
        meta_rows: dict[int, tuple[str, ...]] = {}
        for d in pool if meta else ():  # (no metadata words: no row to label)
            hit = tuple(
                lab
                for c, lab in zip(meta, labels, strict=False)
                if c.metadata_rows and d in c.metadata_rows
            )
            if hit:
                meta_rows[d] = hit
        hand_best = 0.0
        if found_hand is not None:
            hand_best = max((sc for d, sc in pool.items() if d not in extra), default=0.0)
        return _Tier(pool, firsts, literal_rows, meta_rows, hand_best, frozenset(extra))

    return tier, matched  # matched: a sorted int64 array


def _only_in(rows: dict[int, float], other: matcher.Matches) -> dict[int, float]:
    """Those of ``rows`` that ``other`` does not match: the rows only the generated forms
    (reworded.txt) find. The rows found without them keep that query's scores and order."""
    import numpy as np

    if not rows or not len(other.rows):
        return rows
    keys = np.fromiter(rows, dtype=np.int64, count=len(rows))
    keep = keys[~np.isin(keys, other.rows)]
    return {d: rows[d] for d in keep.tolist()}


_filter_cache: weakref.WeakKeyDictionary[Any, dict[Any, Any]] = weakref.WeakKeyDictionary()
FILTER_CACHE = 32
"""Filter queries whose rows a reader keeps (see :func:`_filter_rows`)."""


def _token_text(tokens: matcher.Term) -> str:
    """The text a ranking word's exact-field tokens spell (overlapping bigrams joined)."""
    if not tokens:
        return ""
    if all(len(t) == 2 for t in tokens):
        return tokens[0] + "".join(t[-1:] for t in tokens[1:])
    return "".join(tokens)


def _score_without_metadata_words(
    pool: dict[int, float], firsts: dict[int, int], found2: matcher.Matches, in_meta: set[int]
) -> None:
    """Rows of the reports the metadata words name are scored without those words (ranking,
    issue 8, round 6): their BM25F and first match come from the match of the other words,
    so 景德镇 in the text of 景德镇's own report (景德镇直升机…) does not lift a row over one
    about 陶瓷: the metadata already counted the word once (``metadata``)."""
    import numpy as np

    rows = found2.rows
    if not len(rows):
        return
    for d in pool:
        if d not in in_meta:
            continue
        i = int(np.searchsorted(rows, d))
        if i < len(rows) and int(rows[i]) == d:
            pool[d] = float(found2.score[i])
            f = int(found2.first[i])
            if f >= 0:
                firsts[d] = f


def _filter_rows(searcher: Searcher, filt: wq.Query | None) -> Any:
    """The rows (a sorted int64 array) ``filt`` lets through, None without a filter.

    query (issue 11): Whoosh lists a filter's rows one Python step each (``year:2024``: ~30,000
    rows, ~5 ms, then a set of them). The rows of a filter do not change while the reader
    lives, so the last :data:`FILTER_CACHE` filters' rows are kept per reader (keyed by the
    query, equal when their fields and terms are: a tag filter built from changed tags is
    another query)."""
    import numpy as np

    if filt is None:
        return None
    reader = searcher.reader()
    try:
        cache = _filter_cache.setdefault(reader, {})
        got = cache.get(filt)
    except (TypeError, NotImplementedError):  # cannot be a key (Whoosh's Query.__hash__)
        cache, got = None, None
    if got is None:
        got = np.unique(np.fromiter(searcher.docs_for_query(filt), dtype=np.int64))
        got.flags.writeable = False
        if cache is not None:
            if len(cache) >= FILTER_CACHE:
                cache.clear()
            with contextlib.suppress(TypeError, NotImplementedError):
                cache[filt] = got
    return got


def _counts(searcher: Searcher, docnums: Any) -> tuple[matcher.DocCounts | dict[str, int], Any]:
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
        "fields": [how]
        + (
            [
                f"ranking words: {', '.join(words)} (counted in {BIGRAM_FIELD}; add to the score only)"
            ]
            if words
            else []
        ),
    }


class _NoIndex:
    """Stands in for a searcher when explaining without an index (no metadata words)."""


def explain(
    query: str,
    home: Path | None = None,
    use_jieba: bool = True,
    result: SearchResult | None = None,
    hits: int = 5,
) -> dict[str, Any]:
    """How ``query`` is parsed, segmented (units, bigrams, jieba words), widened and ranked.

    Plain data (JSON-ready); :func:`format_explain` renders it as text. With the ``result`` of
    running the query, also the expansions that applied (synonyms, region/year metadata) and
    why the first ``hits`` rank where they do.
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
    if f.tag:  # workbench (issue 14)
        filters["tag"] = list(f.tag)
    if result is not None:
        expansions = list(result.expansions)
    else:
        expansions = list(understand(pq, _NoIndex(), home, use_jieba).describe())
    info: dict[str, Any] = {
        "query": query,
        "notice": pq.notice,
        "terms": [_term_info(t, stop, use_jieba) for t in pq.positive],
        "clauses": [[[t.text for t in alt] for alt in clause] for clause in pq.clauses],
        "excluded": [_term_info(t, stop, False) for t in pq.excluded],
        "filters": filters,
        "expansions": expansions,
        "whoosh": repr(whoosh_query),
        "semantics": (
            "every clause must match (AND); alternatives of a clause: any (OR); each term is an "
            "exact substring of the paragraph (whitespace ignored, numbers whole); excluded terms "
            "remove paragraphs; region/kind/section match part of the value, year a range; "
            "synonyms and region/year words only add rows (as typed ranks first)"
        ),
        "ranking": "score = BM25F/best + "
        + " + ".join(f"{w:+.2f}×{k}" for k, w in ranking.WEIGHTS.items()),
    }
    if result is not None:
        info["hits"] = [
            {
                "rank": i,
                "title": h.title,
                "region": h.region,
                "year": h.year,
                "section": " › ".join(h.section_path),
                "paragraph": h.paragraph,
                "score": round(h.score, 3),
                "why": list(h.reasons),
                "signals": h.signals,
            }
            for i, h in enumerate(result.hits[:hits], 1)
        ]
    return info


def format_explain(info: dict[str, Any]) -> str:
    """Plain-text rendering of :func:`explain`'s result."""
    lines = [f"query: {info['query']}"]
    if info.get("notice"):
        lines.append(f"notice: {info['notice']}")
    clauses = info.get("clauses") or []
    if clauses:
        lines.append(
            "must match: "
            + "  AND  ".join(
                "(" + " OR ".join(" + ".join(alt) for alt in clause) + ")"
                if len(clause) > 1
                else " + ".join(clause[0])
                for clause in clauses
            )
        )
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
    for line in info.get("expansions") or []:
        lines.append(f"expand {line}")
    lines.append(f"whoosh: {info['whoosh']}")
    lines.append(f"semantics: {info['semantics']}")
    if info.get("ranking"):
        lines.append(f"ranking: {info['ranking']}")
    for h in info.get("hits") or []:
        where = " ".join(str(x) for x in (h.get("region") or "?", h.get("year") or "?") if x)
        para = f"¶{h['paragraph']}" if h.get("paragraph") else "heading"
        lines.append(
            f"hit {h['rank']}: {where} {h.get('section') or '(top)'} {para}  score {h['score']}"
        )
        lines.append(f"    why: {', '.join(h.get('why') or []) or 'BM25F only'}")
        if h.get("signals"):
            lines.append(f"    {h['signals']}")
    return "\n".join(lines)
