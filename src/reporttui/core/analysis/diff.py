"""对照: two reports (one region, two years) read clause by clause, with what changed marked.

Which passages are set side by side:

- the *target passage* of each report: the run of paragraphs holding its main expected targets
  (地区生产总值增长5%左右，…), found with :func:`reporttui.core.analysis.targets.extract_targets`;
- for each theme both plans cover, the best pair of plan units filed under it
  (:func:`reporttui.core.analysis.compare.compare_documents`: the unit's most similar unit on the
  other side when that one is filed under the theme too, else the strongest one);
- or sections named by the caller (a part of their titles).

Inside a pair of passages the text is cut into clauses (at 。；！？，：) and the clauses are
aligned in order by similarity of their character bigrams (a monotone alignment, like a diff of
lines but scored by how alike two clauses are); an A clause with no partner was removed, a B
clause with no partner was added. Within two aligned clauses the differing characters are
marked on both sides (difflib on characters), widened to whole numbers so a changed figure is
marked whole (5%左右 → 6%以上 marks 5%左右 and 6%以上), with one-character islands of
"unchanged" between two changes absorbed (they are noise in unspaced text).
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field

from reporttui.core.model import Document, Paragraph

Span = tuple[int, int]

SAME, CHANGED, ADDED, REMOVED = "same", "changed", "added", "removed"
PAIR_MIN = 0.3
"""Two clauses at least this alike (Dice of character bigrams) may be aligned."""
ISLAND = 1
"""Unchanged runs this short between two changes are marked changed too."""
TARGET_NEIGHBOURS = 3
"""A target passage extends over at most this many neighbouring paragraphs holding targets."""

_CLAUSE_END = re.compile(r"[。；;！!？?，,：:]")
_NUMBER_CHAR = re.compile(r"[0-9０-９.．%％‰]")


@dataclass(frozen=True, slots=True)
class Clause:
    """One clause of a passage, where it sits in its document."""

    text: str
    start: int
    """Offset in :attr:`Document.text`."""
    paragraph: int
    """:attr:`Paragraph.number` of the paragraph holding it."""


@dataclass(frozen=True, slots=True)
class ClauseDiff:
    """One row of the 对照: an aligned pair of clauses, or a clause on one side only."""

    kind: str
    """``same``, ``changed``, ``added`` (B only) or ``removed`` (A only)."""
    a: Clause | None
    b: Clause | None
    a_spans: tuple[Span, ...] = ()
    """Changed character ranges of ``a.text`` (all of it for a removed clause); a zero-width
    span marks where B has text that A lacks (a pure insertion)."""
    b_spans: tuple[Span, ...] = ()
    similarity: float = 0.0

    def to_json(self) -> dict[str, object]:
        def side(c: Clause | None, spans: tuple[Span, ...]) -> dict[str, object] | None:
            if c is None:
                return None
            return {
                "text": c.text,
                "paragraph": c.paragraph,
                "start": c.start,
                "changed": [list(s) for s in spans],
                "changed_text": [c.text[s:e] for s, e in spans],
            }

        return {
            "kind": self.kind,
            "similarity": round(self.similarity, 3),
            "a": side(self.a, self.a_spans),
            "b": side(self.b, self.b_spans),
        }


@dataclass(frozen=True)
class PassageDiff:
    """Two passages set side by side, clause by clause."""

    label: str
    """What the pair is: "主要目标", a theme name, or the section asked for."""
    a_title: str
    b_title: str
    a_section_id: str
    b_section_id: str
    a_paragraphs: tuple[int, ...]
    b_paragraphs: tuple[int, ...]
    rows: tuple[ClauseDiff, ...]

    @property
    def changes(self) -> int:
        return sum(r.kind != SAME for r in self.rows)

    def to_json(self) -> dict[str, object]:
        return {
            "label": self.label,
            "a_title": self.a_title,
            "b_title": self.b_title,
            "a_section_id": self.a_section_id,
            "b_section_id": self.b_section_id,
            "a_paragraphs": list(self.a_paragraphs),
            "b_paragraphs": list(self.b_paragraphs),
            "changes": self.changes,
            "rows": [r.to_json() for r in self.rows],
        }


@dataclass(frozen=True)
class DocumentDiff:
    """The 对照 of two documents: a list of passage pairs."""

    a: Document
    b: Document
    passages: tuple[PassageDiff, ...] = field(default_factory=tuple)

    def to_json(self) -> dict[str, object]:
        def doc(d: Document) -> dict[str, object]:
            return {
                "doc": d.id,
                "path": d.path,
                "title": d.title,
                "region": d.region,
                "year": d.year,
                "kind": d.kind,
            }

        return {
            "a": doc(self.a),
            "b": doc(self.b),
            "passages": [p.to_json() for p in self.passages],
        }


# --- clauses and their alignment -------------------------------------------------------------


def split_clauses(paragraphs: Sequence[Paragraph]) -> list[Clause]:
    """The clauses of ``paragraphs`` (each keeps its closing punctuation)."""
    out: list[Clause] = []
    for p in paragraphs:
        begin = 0
        for m in _CLAUSE_END.finditer(p.text):
            if m.end() - begin > 0:
                out.append(Clause(p.text[begin : m.end()], p.start + begin, p.number))
            begin = m.end()
        if begin < len(p.text):
            out.append(Clause(p.text[begin:], p.start + begin, p.number))
    return [c for c in out if c.text.strip()]


def _key(text: str) -> str:
    folded = unicodedata.normalize("NFKC", text)
    return "".join(ch for ch in folded if unicodedata.category(ch)[0] in "LN" or ch in "%.")


def _grams(text: str) -> frozenset[str]:
    key = _key(text)
    return frozenset(key[i : i + 2] for i in range(len(key) - 1)) or frozenset((key,))


def similarity(a: str, b: str) -> float:
    """Dice coefficient of the two clauses' character bigrams (letters, digits, % and .)."""
    ga, gb = _grams(a), _grams(b)
    if not ga or not gb:
        return 0.0
    return 2 * len(ga & gb) / (len(ga) + len(gb))


def align(
    a: Sequence[str], b: Sequence[str], minimum: float = PAIR_MIN
) -> list[tuple[int | None, int | None, float]]:
    """Monotone alignment of two clause lists maximising the summed similarity of pairs.

    Returns ``(i, j, similarity)`` in order; ``j is None`` for an A clause with no partner,
    ``i is None`` for a B clause with no partner.
    """
    n, m = len(a), len(b)
    ga, gb = [_grams(x) for x in a], [_grams(y) for y in b]
    sim = [[0.0] * m for _ in range(n)]
    for i in range(n):
        for j in range(m):
            if ga[i] and gb[j]:
                s = 2 * len(ga[i] & gb[j]) / (len(ga[i]) + len(gb[j]))
                sim[i][j] = s if s >= minimum else 0.0
    score = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        row, below = score[i], score[i + 1]
        for j in range(m - 1, -1, -1):
            best = max(below[j], row[j + 1])
            if sim[i][j]:
                best = max(best, sim[i][j] + below[j + 1])
            row[j] = best
    out: list[tuple[int | None, int | None, float]] = []
    i = j = 0
    while i < n and j < m:
        if sim[i][j] and score[i][j] == sim[i][j] + score[i + 1][j + 1]:
            out.append((i, j, sim[i][j]))
            i, j = i + 1, j + 1
        elif score[i][j] == score[i + 1][j]:
            out.append((i, None, 0.0))
            i += 1
        else:
            out.append((None, j, 0.0))
            j += 1
    out += [(k, None, 0.0) for k in range(i, n)]
    out += [(None, k, 0.0) for k in range(j, m)]
    return out


def _merge(spans: list[Span]) -> list[Span]:
    out: list[Span] = []
    for s, e in sorted(spans):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        elif e > s:
            out.append((s, e))
    return out


def _is_number(ch: str) -> bool:
    return bool(_NUMBER_CHAR.match(ch))


_UNIT_CHARS = frozenset("万亿千百十元人吨个家项所户座条件次平方米公里千瓦时倍台辆套处")
"""Characters that follow a number as its unit (110万人, 300亿元): skipped when a change right
after them (以上, 左右) is a change of that figure."""
UNIT_SKIP = 2


def _number_before(text: str, pos: int) -> int | None:
    """Start of the figure ending at ``pos`` (a number, then at most two unit characters)."""
    k = pos
    while pos - k < UNIT_SKIP and k > 0 and text[k - 1] in _UNIT_CHARS:
        k -= 1
    if k > 0 and _is_number(text[k - 1]):
        while k > 0 and _is_number(text[k - 1]):
            k -= 1
        return k
    return None


def _widen_numbers(text: str, spans: list[Span]) -> list[Span]:
    """Spans that cut into a number, or follow a figure, cover the whole figure (5.5% not .5;
    5%左右 → 5% marks 5%左右; 110万人以上 → 110万人 marks 110万人以上)."""
    out = []
    for s, e in spans:
        start = _number_before(text, s)
        if start is not None:
            s = start
        while 0 < s < len(text) and _is_number(text[s]) and _is_number(text[s - 1]):
            s -= 1
        while 0 < e < len(text) and _is_number(text[e - 1]) and _is_number(text[e]):
            e += 1
        out.append((s, e))
    return _merge(out)


def _at_figure(text: str, pos: int, inserted: str) -> Span | None:
    """The figure a zero-width change at ``pos`` changes, if any: one just before the gap
    (text added after a figure: 5% → 5%左右), or one just after it when what the other side
    has there ends in a digit (5%左右 → 4.5%左右), not when it is words (就业8万人 → 就业人数8万人)."""
    start = _number_before(text, pos)
    if start is not None:
        return (start, pos)
    if pos < len(text) and _is_number(text[pos]) and inserted and _is_number(inserted[-1]):
        return (pos, pos + 1)
    return None


def char_diff(a: str, b: str) -> tuple[tuple[Span, ...], tuple[Span, ...]]:
    """Changed character ranges of ``a`` and of ``b`` (see the module docstring)."""
    ops = [list(op) for op in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()]
    for k in range(1, len(ops) - 1):
        tag, i1, i2 = ops[k][0], ops[k][1], ops[k][2]
        if (
            tag == "equal"
            and int(i2) - int(i1) <= ISLAND
            and ops[k - 1][0] != "equal"
            and ops[k + 1][0] != "equal"
        ):
            ops[k][0] = "replace"
    a_spans: list[Span] = []
    b_spans: list[Span] = []
    a_gaps: list[Span] = []
    b_gaps: list[Span] = []
    for tag, i1, i2, j1, j2 in ops:
        i1, i2, j1, j2 = int(i1), int(i2), int(j1), int(j2)
        if tag == "equal":
            continue
        sides = ((a, i1, i2, a_spans, a_gaps, b[j1:j2]), (b, j1, j2, b_spans, b_gaps, a[i1:i2]))
        for text, lo, hi, spans, gaps, inserted in sides:
            if hi > lo:
                spans.append((lo, hi))
                continue
            # nothing here, text on the other side: a figure next to the gap may have changed
            # (see _at_figure), else the gap itself is marked
            figure = _at_figure(text, lo, inserted)
            if figure is not None:
                spans.append(figure)
            else:
                gaps.append((lo, lo))
    return (
        _with_gaps(_widen_numbers(a, _merge(a_spans)), a_gaps),
        _with_gaps(_widen_numbers(b, _merge(b_spans)), b_gaps),
    )


def _with_gaps(spans: list[Span], gaps: list[Span]) -> tuple[Span, ...]:
    """Marked spans plus zero-width ones where the other side has text this side lacks."""
    inside = [g for g in gaps if not any(s <= g[0] <= e for s, e in spans)]
    return tuple(sorted(spans + inside))


def diff_clauses(a: Sequence[Clause], b: Sequence[Clause]) -> tuple[ClauseDiff, ...]:
    """Align two clause lists and mark the differences of every aligned pair."""
    rows: list[ClauseDiff] = []
    for i, j, sim in align([c.text for c in a], [c.text for c in b]):
        if i is not None and j is not None:
            ca, cb = a[i], b[j]
            if _key(ca.text) == _key(cb.text):
                rows.append(ClauseDiff(SAME, ca, cb, (), (), 1.0))
            else:
                sa, sb = char_diff(ca.text, cb.text)
                rows.append(ClauseDiff(CHANGED, ca, cb, sa, sb, sim))
        elif i is not None:
            rows.append(ClauseDiff(REMOVED, a[i], None, ((0, len(a[i].text)),), ()))
        elif j is not None:
            rows.append(ClauseDiff(ADDED, None, b[j], (), ((0, len(b[j].text)),)))
    return tuple(rows)


def diff_paragraphs(
    label: str,
    a: Document,
    b: Document,
    pa: Sequence[Paragraph],
    pb: Sequence[Paragraph],
    a_title: str = "",
    b_title: str = "",
) -> PassageDiff:
    """One :class:`PassageDiff` of two runs of paragraphs."""
    return PassageDiff(
        label,
        a_title,
        b_title,
        pa[0].section_id if pa else "",
        pb[0].section_id if pb else "",
        tuple(p.number for p in pa),
        tuple(p.number for p in pb),
        diff_clauses(split_clauses(pa), split_clauses(pb)),
    )


# --- which passages ------------------------------------------------------------------------


def target_passage(document: Document) -> list[Paragraph]:
    """The run of paragraphs holding the report's main expected targets ([] when none)."""
    from reporttui.core.analysis.targets import extract_targets

    paragraphs = document.paragraphs()
    if not paragraphs:
        return []
    counts = [0] * len(paragraphs)
    starts = [p.start for p in paragraphs]
    import bisect

    for row in extract_targets(document):
        if row.kind != "target" or row.start < 0:
            continue
        k = bisect.bisect_right(starts, row.start) - 1
        if 0 <= k < len(paragraphs) and row.start < paragraphs[k].end:
            counts[k] += 1
    best = max(range(len(counts)), key=lambda k: (counts[k], -k))
    if counts[best] == 0:
        return []
    lo = hi = best
    while lo > 0 and best - lo < TARGET_NEIGHBOURS and counts[lo - 1] > 0:
        lo -= 1
    while hi + 1 < len(paragraphs) and hi - best < TARGET_NEIGHBOURS and counts[hi + 1] > 0:
        hi += 1
    return paragraphs[lo : hi + 1]


def _title(document: Document, paragraphs: Sequence[Paragraph]) -> str:
    if not paragraphs:
        return ""
    try:
        return " › ".join(document.section_path(paragraphs[0].section_id))
    except KeyError:
        return ""


def _by_number(document: Document) -> dict[int, Paragraph]:
    return {p.number: p for p in document.paragraphs()}


def theme_passages(a: Document, b: Document) -> list[PassageDiff]:
    """One pair of plan units per theme both plans cover (see the module docstring)."""
    from reporttui.core.analysis.compare import compare_documents

    comparison = compare_documents(a, b)
    pa, pb = _by_number(a), _by_number(b)
    out: list[PassageDiff] = []
    seen: set[tuple[str, str]] = set()
    for row in comparison.rows:
        a_main = [r for r in row.a_sections if r.role == "main"]
        b_main = {r.key: r for r in row.b_sections if r.role == "main"}
        if not a_main or not b_main:
            continue
        pair = None
        for ref in sorted(a_main, key=lambda r: -r.score):
            if ref.match_key in b_main:
                pair = (ref.key, ref.match_key)
                break
        if pair is None:
            top_a = max(a_main, key=lambda r: r.score)
            top_b = max(b_main.values(), key=lambda r: r.score)
            pair = (top_a.key, top_b.key)
        if pair in seen:
            continue
        seen.add(pair)
        ua, ub = comparison.a.plan.unit(pair[0]), comparison.b.plan.unit(pair[1])
        if ua is None or ub is None:
            continue
        paras_a = [pa[n] for n in ua.paragraphs if n in pa]
        paras_b = [pb[n] for n in ub.paragraphs if n in pb]
        out.append(diff_paragraphs(row.name, a, b, paras_a, paras_b, ua.title, ub.title))
    return out


def _named_section(document: Document, name: str) -> tuple[str, list[Paragraph]] | None:
    for section in document.walk():
        if section.title and name in section.title:
            return section.title, list(section.all_paragraphs())
    return None


TARGET_LABEL = "主要目标"
TARGET_NAMES = ("target", "targets", "目标", TARGET_LABEL)


def diff_documents(
    a: Document, b: Document, sections: Sequence[str] = (), *, themes: bool = True
) -> DocumentDiff:
    """The 对照 of ``a`` and ``b``: the target passages, then one pair per shared theme.

    ``sections`` narrows it: each name is ``target`` (目标), a theme name, or a part of a
    section title found in both documents.
    """
    passages: list[PassageDiff] = []
    wanted = [s.strip() for s in sections if s.strip()]
    want_target = not wanted or any(s in TARGET_NAMES for s in wanted)
    if want_target:
        ta, tb = target_passage(a), target_passage(b)
        if ta or tb:
            passages.append(
                diff_paragraphs(TARGET_LABEL, a, b, ta, tb, _title(a, ta), _title(b, tb))
            )
    rest = [s for s in wanted if s not in TARGET_NAMES]
    if themes and (not wanted or rest):
        by_theme = theme_passages(a, b)
        if not wanted:
            passages += by_theme
        else:
            for name in rest:
                hit = [p for p in by_theme if name in p.label]
                if hit:
                    passages += hit
                    continue
                sa, sb = _named_section(a, name), _named_section(b, name)
                if sa is not None and sb is not None:
                    passages.append(diff_paragraphs(name, a, b, sa[1], sb[1], sa[0], sb[0]))
    return DocumentDiff(a, b, tuple(passages))
