"""The query language: words, "phrases", -exclusions, OR groups and filters. Never raises.

    林麝 养殖                 both words, anywhere in the paragraph (AND)
    "一泓清水入黄河"            a phrase; “…” and 「…」 (what a Chinese IME types) work too
    -煤矸石  -"三年行动"        leave out paragraphs containing it
    林麝 OR 沙棘   林麝 | 沙棘   either; (林麝 养殖) OR 沙棘 groups with parentheses
    region:古交 year:2025 year:2020-2025 kind:计划 section:民生 tag:营商环境
                              filters (地区: 年份: 类型: 章节: work too; a full-width ：
                              as well); region/kind/section match a part of the value, so
                              region:古交 finds 古交市; the same filter twice means either

Every word or phrase matches as an exact substring of the cleaned paragraph, ignoring
whitespace (so a quoted phrase with spaces, "古交 市", is the same as 古交市). Numbers match
whole: 5% does not find 25%. Malformed input (an unbalanced quote or parenthesis, a lone
operator, a filter with no value, control characters) is repaired by dropping the offending
characters or operators and searching the rest as plain words; :attr:`ParsedQuery.notice` says
what was done.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from reporttui.core import lazyre

MAX_QUERY_CHARS = 500
"""Longer input is cut (a paragraph is rarely longer; the notice says so)."""
MAX_TERMS = 32

FILTER_KEYS = {
    "region": "region",
    "地区": "region",
    "地方": "region",
    "year": "year",
    "年份": "year",
    "年": "year",
    "kind": "kind",
    "类型": "kind",
    "类别": "kind",
    "section": "section",
    "章节": "section",
    "节": "section",
    "tag": "tag",
    "标签": "tag",  # workbench (issue 14): tagged passages only
}
QUOTES = {'"': '"', "“": "”", "「": "」", "『": "』", "”": "”"}
_ESCAPE_RE = lazyre.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[@-Z\\-_])")
_FILTER_RE = lazyre.compile(
    r"^(" + "|".join(map(re.escape, FILTER_KEYS)) + r")[:：](.*)$", re.I | re.S
)
_YEAR_RE = lazyre.compile(r"^(\d{4})年?(?:(?:-|–|~|～|\.\.|至|到)(\d{4})年?)?$")


@dataclass(frozen=True, slots=True)
class Term:
    """A word or phrase to find as a substring."""

    text: str
    phrase: bool = False


@dataclass(frozen=True)
class Filters:
    """Filter values; several values for one key mean any of them."""

    region: tuple[str, ...] = ()
    kind: tuple[str, ...] = ()
    section: tuple[str, ...] = ()
    year: tuple[tuple[int, int], ...] = ()
    """Inclusive year ranges; ``year:2025`` is ``(2025, 2025)``."""
    tag: tuple[str, ...] = ()
    """workbench (issue 14): ``tag:NAME`` keeps passages tagged NAME (resolved by the search)."""

    def __bool__(self) -> bool:
        return bool(self.region or self.kind or self.section or self.year or self.tag)


@dataclass(frozen=True)
class ParsedQuery:
    """A parsed query: an AND of clauses, each an OR of alternatives, each an AND of terms."""

    source: str
    clauses: tuple[tuple[tuple[Term, ...], ...], ...] = ()
    excluded: tuple[Term, ...] = ()
    filters: Filters = field(default_factory=Filters)
    notice: str | None = None
    """One line when the input was malformed and repaired (what was dropped or cut)."""

    @property
    def positive(self) -> tuple[Term, ...]:
        """Every positive word/phrase, in order, without repeats."""
        seen: dict[Term, None] = {}
        for clause in self.clauses:
            for alt in clause:
                for t in alt:
                    seen.setdefault(t, None)
        return tuple(seen)

    @property
    def terms(self) -> tuple[str, ...]:
        """Texts of the positive terms: what to highlight."""
        return tuple(dict.fromkeys(t.text for t in self.positive))

    @property
    def phrases(self) -> tuple[str, ...]:
        return tuple(t.text for t in self.positive if t.phrase)

    @property
    def words(self) -> tuple[str, ...]:
        return tuple(t.text for t in self.positive if not t.phrase)

    @property
    def or_groups(self) -> tuple[tuple[tuple[str, ...], ...], ...]:
        """Clauses with more than one alternative, as texts."""
        return tuple(
            tuple(tuple(t.text for t in alt) for alt in clause)
            for clause in self.clauses
            if len(clause) > 1
        )

    @property
    def is_empty(self) -> bool:
        """Nothing to search for and nothing to filter by."""
        return not self.clauses and not self.excluded and not self.filters


def sanitize(s: str) -> tuple[str, list[str]]:
    """Remove escape sequences and control/format characters; returns text and what was done."""
    done = []
    if not isinstance(s, str):
        s = str(s)
        done.append("converted to text")
    cleaned = _ESCAPE_RE.sub(" ", s)
    if cleaned != s:
        done.append("removed escape sequences")
    out = []
    removed = False
    for ch in cleaned:
        cat = unicodedata.category(ch)
        if ch.isspace():
            out.append(" ")
        elif cat in ("Cc", "Cs", "Co", "Cn") or (cat == "Cf" and ch != "\u200d"):
            removed = True
            if cat in ("Cc",):
                out.append(" ")
        else:
            out.append(ch)
    if removed:
        done.append("removed control characters")
    text = "".join(out).strip()
    if len(text) > MAX_QUERY_CHARS:
        text = text[:MAX_QUERY_CHARS]
        done.append(f"cut to {MAX_QUERY_CHARS} characters")
    return text, done


# Lexer tokens: ("word", text, negated) ("phrase", text, negated) ("or",) ("not",)
# ("open", negated) ("close",) ("filter", key, value)
_Tok = tuple[Any, ...]


def _lex(s: str, problems: list[str], strict: bool) -> list[_Tok]:
    """Cut ``s`` into tokens. With ``strict=False`` quotes and parentheses are plain spaces."""
    toks: list[_Tok] = []
    i, n, depth = 0, len(s), 0
    while i < n:
        c = s[i]
        if c == " ":
            i += 1
            continue
        neg = False
        if c == "-" and i + 1 < n and s[i + 1] != " " and not s[i + 1].isdigit():
            neg, i = True, i + 1
            c = s[i]
        if strict and c in QUOTES:
            close = QUOTES[c]
            j = s.find(close, i + 1)
            if j < 0:
                raise _Unbalanced(f"unbalanced quote {c}")
            toks.append(("phrase", s[i + 1 : j], neg))
            i = j + 1
            continue
        if strict and c == "(":
            depth += 1
            toks.append(("open", neg))
            i += 1
            continue
        j = i
        while j < n and s[j] != " " and not (strict and s[j] in QUOTES and j > i):
            j += 1
        word = s[i:j]
        i = j
        trailing_close = 0
        if strict:
            while word.endswith(")") and depth > 0 and word.count("(") < word.count(")"):
                word = word[:-1]
                depth -= 1
                trailing_close += 1
            if word.endswith(")") and depth == 0 and word.count(")") > word.count("("):
                raise _Unbalanced("unbalanced parenthesis )")
        if word:
            if not neg and word in ("OR", "|"):
                toks.append(("or",))
            elif not neg and word in ("NOT",):
                toks.append(("not",))
            elif not neg and word == "AND":
                pass
            elif word.strip("-") == "":
                problems.append("ignored a lone -")
            else:
                m = _FILTER_RE.match(word)
                if m and not neg:
                    toks.append(
                        (
                            "filter",
                            FILTER_KEYS[m.group(1).lower()]
                            if m.group(1).isascii()
                            else FILTER_KEYS[m.group(1)],
                            m.group(2),
                        )
                    )
                else:
                    toks.append(("word", word, neg))
        elif neg:
            problems.append("ignored a lone -")
        toks.extend([("close",)] * trailing_close)
    if strict and depth > 0:
        raise _Unbalanced("unbalanced parenthesis (")
    return toks


class _Unbalanced(Exception):
    pass


def _literal(text: str) -> str:
    """``text`` with quote marks and grouping parentheses turned into spaces."""
    for q in set(QUOTES) | set(QUOTES.values()):
        text = text.replace(q, " ")
    text = re.sub(r"(^| )\(+", r"\1 ", text)
    return re.sub(r"\)+( |$)", r" \1", text)


def parse_query(s: str) -> ParsedQuery:
    """Parse ``s``; never raises (see the module docstring for the language)."""
    try:
        return _parse(s)
    except Exception as exc:
        text, _ = sanitize(s if isinstance(s, str) else repr(s))
        words = tuple(Term(w) for w in text.split()[:MAX_TERMS])
        return ParsedQuery(
            source=str(s),
            clauses=tuple(((w,),) for w in words),
            notice=f"could not parse the query ({type(exc).__name__}); searched the words literally",
        )


_NARROW = str.maketrans(
    {
        c: c - 0xFEE0
        for c in [*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B), *range(0xFF41, 0xFF5B)]
    }
    | {0xFF06: ord("&"), 0xFF05: ord("%"), 0xFF0E: ord(".")}
)
"""recall (issue 8): full-width letters, digits and ＆％． as typed in ASCII (ＧＤＰ is GDP, as the
index reads it: the synonym table and the ranking then see the same word); the full-width
brackets and quotes keep their meaning as text, not query syntax."""


def _parse(s: str) -> ParsedQuery:
    text, problems = sanitize(s)
    text = text.translate(_NARROW)
    try:
        toks = _lex(text, problems, strict=True)
    except _Unbalanced as exc:
        problems = [
            *problems,
            f"{exc}: quotes and parentheses ignored, searched the words literally",
        ]
        toks = _lex(_literal(text), problems, strict=False)

    region: list[str] = []
    kind: list[str] = []
    section: list[str] = []
    tag: list[str] = []  # workbench (issue 14)
    years: list[tuple[int, int]] = []
    excluded: list[Term] = []
    # items: conjunctions of terms, with the operators between them
    seq: list[tuple[Term, ...] | str] = []
    group: list[Term] | None = None
    group_neg = False
    pending_not = False

    def add_term(term: Term, neg: bool) -> None:
        nonlocal pending_not
        if not term.text.strip():
            problems.append("ignored an empty phrase")
            return
        neg = neg or pending_not
        pending_not = False
        if neg:
            excluded.append(term)
        elif group is not None:
            group.append(term)
        else:
            seq.append((term,))

    for tok in toks:
        kind_ = tok[0]
        if kind_ == "word":
            add_term(Term(tok[1]), tok[2])
        elif kind_ == "phrase":
            add_term(Term(tok[1].strip(), phrase=True), tok[2])
        elif kind_ == "or":
            if group is not None:
                problems.append("OR inside parentheses ignored")
            else:
                seq.append("OR")
        elif kind_ == "not":
            pending_not = True
        elif kind_ == "open":
            if group is not None:
                problems.append("nested parentheses flattened")
            else:
                group, group_neg = [], tok[1] or pending_not
                pending_not = False
        elif kind_ == "close":
            if group is not None:
                if group_neg:
                    excluded.extend(group)
                elif group:
                    seq.append(tuple(group))
                group = None
        elif kind_ == "filter":
            key, value = tok[1], tok[2].strip().strip('"“”「」')
            if not value:
                problems.append(f"{key}: has no value (ignored)")
            elif key == "year":
                m = _YEAR_RE.match(value)
                if not m:
                    problems.append(f"year:{value} is not a year or range like 2020-2025 (ignored)")
                else:
                    lo = int(m.group(1))
                    hi = int(m.group(2) or lo)
                    years.append((min(lo, hi), max(lo, hi)))
            else:
                {"region": region, "kind": kind, "section": section, "tag": tag}[key].append(value)
    if pending_not:
        problems.append("ignored a NOT with nothing after it")

    clauses: list[tuple[tuple[Term, ...], ...]] = []
    current: list[tuple[Term, ...]] = []
    expect_alt = False
    for item in seq:
        if item == "OR":
            if not current or expect_alt:
                problems.append("ignored a lone OR")
            else:
                expect_alt = True
            continue
        assert isinstance(item, tuple)
        if expect_alt:
            current.append(item)
            expect_alt = False
        else:
            if current:
                clauses.extend(_split_clause(current))
            current = [item]
    if expect_alt:
        problems.append("ignored a lone OR")
    if current:
        clauses.extend(_split_clause(current))

    if sum(len(alt) for c in clauses for alt in c) + len(excluded) > MAX_TERMS:
        problems.append(f"kept the first {MAX_TERMS} terms")
        clauses = clauses[:MAX_TERMS]
        excluded = excluded[:MAX_TERMS]

    filters = Filters(
        region=tuple(dict.fromkeys(region)),
        kind=tuple(dict.fromkeys(kind)),
        section=tuple(dict.fromkeys(section)),
        year=tuple(dict.fromkeys(years)),
        tag=tuple(dict.fromkeys(tag)),
    )
    notice = "; ".join(dict.fromkeys(problems)) or None
    return ParsedQuery(
        source=s,
        clauses=tuple(clauses),
        excluded=tuple(dict.fromkeys(excluded)),
        filters=filters,
        notice=notice,
    )


def _split_clause(alts: list[tuple[Term, ...]]) -> list[tuple[tuple[Term, ...], ...]]:
    """A one-alternative group ``(a b)`` is plain AND: one clause per term."""
    if len(alts) == 1:
        return [((t,),) for t in alts[0]]
    return [tuple(alts)]
