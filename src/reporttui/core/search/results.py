"""Search results: plain frozen dataclasses shared by the search core, the CLI and the app.

Highlights travel as ``(start, end)`` character spans into :attr:`Hit.text`; exactly one UI
module turns spans into styled text.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import InitVar, dataclass, field
from typing import TYPE_CHECKING

Span = tuple[int, int]


@dataclass(frozen=True, slots=True, eq=False)
class Hit:
    """One matching paragraph (or heading) of one document (equal and hashed by its fields;
    :attr:`signals` is a property formatted on first read, see ``signal_terms``)."""

    doc_id: str
    path: str
    title: str
    region: str | None
    year: int | None
    kind: str | None
    section_id: str
    section_path: tuple[str, ...]
    paragraph: int
    """:attr:`Paragraph.number` of the hit; 0 when the hit is a section heading."""
    text: str
    """The paragraph (or heading) text as stored: the cleaned text."""
    spans: tuple[Span, ...]
    """Every occurrence of every positive query term in ``text``, sorted, merged where they overlap."""
    snippet: str
    """A window of ``text`` around the best match (may start/end with "…")."""
    snippet_spans: tuple[Span, ...]
    """``spans`` shifted into ``snippet`` coordinates (only those that fall inside it)."""
    score: float
    if TYPE_CHECKING:  # what callers see: a field of the reasons
        reasons: tuple[str, ...] = ()
    else:
        reasons: InitVar[tuple[str, ...]] = ()
    """Why the hit ranks where it does: "lead clause", "section title", "synonym X for Y",
    "region 太原市 (report metadata)", "heading", "note/glossary entry"... (core/search/ranking.py):
    given, or asked of ``reason_source`` when first read (a property, see :func:`_reasons_of`)."""
    if TYPE_CHECKING:  # what callers see: a field of the explain line
        signals: str = ""
    else:
        signals: InitVar[str] = ""
    """The score's terms, ``base 0.82 lead +0.55 …`` (for explain): given, or formatted from
    ``signal_terms`` when first read (a property of the class, see :func:`_signals_of`)."""
    _signals: str | None = field(default=None, repr=False)
    """:attr:`signals` once known (None: to be formatted from ``signal_terms``)."""
    _reasons: tuple[str, ...] | None = field(default=None, repr=False)
    """:attr:`reasons` once known (None: to be asked of ``reason_source``)."""
    signal_terms: Mapping[str, float] | None = field(default=None, repr=False, kw_only=True)
    """The score's terms (``Scored.signals``, never changed after) that :attr:`signals` is
    formatted from when first read: hits (issue 11) formatting it for every hit was ~3 µs of a
    hit's ~19, and only explain and F2 show it."""
    reason_source: Callable[[], tuple[str, ...]] | None = field(
        default=None, repr=False, kw_only=True, compare=False
    )
    """Gives :attr:`reasons` when first read (``Scored.why``): rerank (issue 11, round 11), the
    reasons put into words only for a hit whose reasons are shown (the CLI, explain, F2), not
    for every hit of a list."""

    def __post_init__(self, reasons: tuple[str, ...], signals: str) -> None:  # type: ignore[override]
        if self._signals is None and self.signal_terms is None:
            object.__setattr__(self, "_signals", signals)
        if self._reasons is None and self.reason_source is None:
            object.__setattr__(self, "_reasons", tuple(reasons))

    def _key(self) -> tuple[object, ...]:
        """Every field, the explain line formatted (equality and hash, as a frozen dataclass's)."""
        return (
            self.doc_id,
            self.path,
            self.title,
            self.region,
            self.year,
            self.kind,
            self.section_id,
            self.section_path,
            self.paragraph,
            self.text,
            self.spans,
            self.snippet,
            self.snippet_spans,
            self.score,
            self.reasons,
            self.signals,
        )

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())


def _signals_of(self: Hit) -> str:
    """:attr:`Hit.signals`: as given, or formatted from ``signal_terms`` on first read."""
    text = self._signals
    if text is None:
        from reporttui.core.search.ranking import format_signals

        text = format_signals(dict(self.signal_terms or {}))
        object.__setattr__(self, "_signals", text)
    return text


# The InitVar keeps ``Hit(..., signals=...)`` and the 16th positional argument as they were;
# reading it is this property (the InitVar's default left on the class is replaced).
Hit.signals = property(_signals_of)  # type: ignore[assignment,misc]


def _reasons_of(self: Hit) -> tuple[str, ...]:
    """:attr:`Hit.reasons`: as given, or asked of ``reason_source`` on first read."""
    got = self._reasons
    if got is None:
        source = self.reason_source
        got = tuple(source()) if source is not None else ()
        object.__setattr__(self, "_reasons", got)
    return got


# The same for the reasons: ``Hit(..., reasons=...)`` and the 15th positional argument as they were.
Hit.reasons = property(_reasons_of)  # type: ignore[assignment,misc]


@dataclass(frozen=True, slots=True)
class SearchResult:
    """The answer to one query."""

    query: str
    hits: tuple[Hit, ...]
    """Ranked hits, best first, at most the requested limit."""
    total: int
    """Number of matching paragraphs/headings in the whole library (not capped by the limit)."""
    per_doc: Mapping[str, int] = field(default_factory=dict)
    """doc_id -> number of matching paragraphs (over all matches, not only the returned hits),
    most first (a read-only mapping, made into a dict only when iterated: see
    ``matcher.DocCounts``)."""
    per_section: Mapping[tuple[str, str], int] = field(default_factory=dict)
    """(doc_id, section_id) -> number of matching paragraphs directly in that section (a
    read-only mapping, made into a dict only when iterated: see ``matcher.SectionCounts``)."""
    terms: tuple[str, ...] = ()
    """The positive terms (words and phrases) to highlight anywhere, e.g. in the reader."""
    notice: str | None = None
    """A one-line message when the query was malformed and degraded to a literal search."""
    expansions: tuple[str, ...] = ()
    """One line per query word widened by query understanding (synonyms, region/year metadata)."""


def _slot_setters() -> tuple[Callable[[Hit, object], None], ...]:
    """Each of :class:`Hit`'s slots' setters, in the slots' (the fields') order."""
    names = Hit.__slots__
    expected = (
        "doc_id",
        "path",
        "title",
        "region",
        "year",
        "kind",
        "section_id",
        "section_path",
        "paragraph",
        "text",
        "spans",
        "snippet",
        "snippet_spans",
        "score",
        "_signals",
        "_reasons",
        "signal_terms",
        "reason_source",
    )
    if tuple(names) != expected:  # a field added or moved: new_hit must follow it
        raise RuntimeError(f"Hit's fields changed: {names}")
    return tuple(getattr(Hit, name).__set__ for name in names)


_SETTERS = _slot_setters()
_new_object = object.__new__


def new_hit(
    doc_id: str,
    path: str,
    title: str,
    region: str | None,
    year: int | None,
    kind: str | None,
    section_id: str,
    section_path: tuple[str, ...],
    paragraph: int,
    text: str,
    spans: tuple[Span, ...],
    snippet: str,
    snippet_spans: tuple[Span, ...],
    score: float,
    signal_terms: Mapping[str, float],
    reason_source: Callable[[], tuple[str, ...]],
) -> Hit:
    """``Hit(doc_id, ..., score, signal_terms=..., reason_source=...)``: the same hit, its
    explain line and reasons left to be made when first read (both sources given, so the
    dataclass's ``__post_init__`` would set nothing).

    speed (issue 11, round 16): the frozen dataclass's ``__init__`` sets each of its 18 slots
    through ``object.__setattr__`` (~4.5 µs a hit, 50 a search); the slots' own setters are
    ~2x faster."""
    h = _new_object(Hit)
    (
        s_doc,
        s_path,
        s_title,
        s_region,
        s_year,
        s_kind,
        s_section,
        s_section_path,
        s_paragraph,
        s_text,
        s_spans,
        s_snippet,
        s_snippet_spans,
        s_score,
        s_signals,
        s_reasons,
        s_terms,
        s_source,
    ) = _SETTERS
    s_doc(h, doc_id)
    s_path(h, path)
    s_title(h, title)
    s_region(h, region)
    s_year(h, year)
    s_kind(h, kind)
    s_section(h, section_id)
    s_section_path(h, section_path)
    s_paragraph(h, paragraph)
    s_text(h, text)
    s_spans(h, spans)
    s_snippet(h, snippet)
    s_snippet_spans(h, snippet_spans)
    s_score(h, score)
    s_signals(h, None)
    s_reasons(h, None)
    s_terms(h, signal_terms)
    s_source(h, reason_source)
    return h
