"""Compare two reports' plans theme by theme.

Each document's plan (:mod:`reporttui.core.analysis.plan`) is cut into units (its numbered sections, or
its paragraphs). Every unit is filed under one or two themes of the taxonomy
(:mod:`reporttui.core.analysis.themes`: weighted cue words, the words found kept as evidence); a unit whose
own paragraph is clearly about another theme (a 和美乡村 paragraph inside 城乡统筹) is also listed
under that theme, marked as a part. Rows of the comparison are the themes either side covers, in
taxonomy order; a theme on one side only is a gap, never forced into a pair.

Next to the themes, every unit gets its most similar unit on the other side by cosine similarity
of TF-IDF weighted jieba terms (IDF over the units of both documents): the direct section-to-
section match, which also shows a reader where two differently-filed sections speak alike. The
terms each row shares, and those found on one side only, come from the same term counts.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from reporttui.core.analysis.keywords import terms
from reporttui.core.analysis.plan import PlanPart, PlanUnit, find_plan
from reporttui.core.analysis.themes import ThemeScore, assign_themes, score_text, theme_names
from reporttui.core.model import Document

OTHER = "other"
"""Theme id of the row holding units that no theme fits."""
PART_MIN = 12.0
"""A paragraph files its unit under a further theme when its own top score reaches this..."""
PART_LEAD = 2.0
PART_STRONG = 18.0
"""...or, in a sub-topic of two fields, when a theme's own score reaches this."""
"""...and is this many times its second-best theme's score."""
TERMS_PER_ROW = 8


@dataclass(frozen=True, slots=True)
class SectionRef:
    """One unit as listed in a row of the comparison."""

    key: str
    """The unit's key in its plan (:attr:`PlanUnit.key`)."""
    section_id: str
    """The section to open in the reader."""
    title: str
    score: float
    """The unit's score for the row's theme."""
    evidence: tuple[str, ...]
    """The cue words that put it there, strongest first."""
    role: str
    """"main" (the unit is about the theme) or "part" (one of its paragraphs is)."""
    start: int
    """Offset of the unit in its document's text."""
    match_key: str | None
    """Key of the most similar unit on the other side (None when nothing is similar)."""
    match_title: str | None
    similarity: float
    """Cosine similarity to that unit, 0..1."""
    scope: str = "year"
    """"year" (the annual plan) or "five-year" (a unit of the report's five-year part)."""

    def to_json(self) -> dict[str, object]:
        return {
            "title": self.title,
            "scope": self.scope,
            "key": self.key,
            "section_id": self.section_id,
            "score": self.score,
            "evidence": list(self.evidence),
            "role": self.role,
            "best_match": self.match_title,
            "best_match_key": self.match_key,
            "similarity": self.similarity,
        }


@dataclass(frozen=True, slots=True)
class CompareRow:
    """One theme: the units of each side filed under it and the terms they share."""

    theme: str
    """Theme id ("ecology"; "other" for units no theme fits)."""
    name: str
    """Theme label ("生态环保")."""
    a_sections: tuple[SectionRef, ...]
    b_sections: tuple[SectionRef, ...]
    shared_terms: tuple[str, ...]
    only_a: tuple[str, ...]
    only_b: tuple[str, ...]

    @property
    def gap(self) -> str | None:
        """ "a" when side A has nothing on this theme, "b" likewise, else None."""
        if not self.a_sections:
            return "a"
        if not self.b_sections:
            return "b"
        return None

    def to_json(self) -> dict[str, object]:
        return {
            "theme": self.name,
            "theme_id": self.theme,
            "gap": self.gap,
            "a_sections": [s.to_json() for s in self.a_sections],
            "b_sections": [s.to_json() for s in self.b_sections],
            "shared_terms": list(self.shared_terms),
            "only_a": list(self.only_a),
            "only_b": list(self.only_b),
        }


@dataclass(frozen=True)
class Side:
    """One document of a comparison and its plan."""

    document: Document
    plan: PlanPart
    unit_themes: dict[str, tuple[ThemeScore, ...]] = field(default_factory=dict)
    """unit key -> the unit's main themes."""

    def to_json(self) -> dict[str, object]:
        d = self.document
        return {
            "doc": d.id,
            "path": d.path,
            "title": d.title,
            "region": d.region,
            "year": d.year,
            "kind": d.kind,
            "plan_found": self.plan.found,
            "plan": self.plan.how,
            "units": len(self.plan.units),
        }


@dataclass(frozen=True)
class Comparison:
    """The whole comparison of two documents."""

    a: Side
    b: Side
    rows: tuple[CompareRow, ...]

    def to_json(self) -> dict[str, object]:
        return {
            "a": self.a.to_json(),
            "b": self.b.to_json(),
            "rows": [r.to_json() for r in self.rows],
        }

    def row(self, theme: str) -> CompareRow | None:
        for row in self.rows:
            if row.theme == theme or row.name == theme:
                return row
        return None


# --- similarity -------------------------------------------------------------------------------


def _tfidf(counters: list[Counter[str]]) -> list[dict[str, float]]:
    """TF-IDF vectors (log-scaled tf, smoothed idf), unit length."""
    n = len(counters)
    df: Counter[str] = Counter()
    for c in counters:
        df.update(c.keys())
    vectors = []
    for c in counters:
        vec = {t: (1 + math.log(k)) * math.log((1 + n) / (1 + df[t]) + 1) for t, k in c.items()}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        vectors.append({t: v / norm for t, v in vec.items()})
    return vectors


def _cosine(u: dict[str, float], v: dict[str, float]) -> float:
    if len(u) > len(v):
        u, v = v, u
    return sum(w * v.get(t, 0.0) for t, w in u.items())


def similarity_matrix(
    a_units: list[Counter[str]], b_units: list[Counter[str]]
) -> list[list[float]]:
    """Cosine similarity of every A unit to every B unit (TF-IDF over both sides' units)."""
    vectors = _tfidf(a_units + b_units)
    va, vb = vectors[: len(a_units)], vectors[len(a_units) :]
    return [[round(min(1.0, _cosine(x, y)), 3) for y in vb] for x in va]


# --- themes ----------------------------------------------------------------------------------


_SUBLEAD = re.compile(r"(?:(?<=^)|(?<=[。！？；]))([^，。！？；、]{4,16}。)")
"""A short sentence opening a sub-topic inside a paragraph (补齐城乡突出短板。加快乡村全面振兴。)."""


def sub_topics(paragraph: str) -> list[tuple[str, str]]:
    """(lead sentence, body) chunks of a paragraph, split where a short lead sentence opens one.

    A paragraph that opens with no such lead is one chunk with an empty lead.
    """
    starts = [m.start(1) for m in _SUBLEAD.finditer(paragraph)]
    if not starts or starts[0] != 0:
        starts = [0, *starts]
    chunks = []
    for i, begin in enumerate(starts):
        end = starts[i + 1] if i + 1 < len(starts) else len(paragraph)
        chunk = paragraph[begin:end]
        lead = _SUBLEAD.match(chunk)
        if lead and lead.start(1) == 0:
            chunks.append((lead.group(1), chunk[lead.end(1) :]))
        else:
            chunks.append(("", chunk))
    return chunks


def _chunk_themes(scores: list[ThemeScore]) -> list[ThemeScore]:
    """The themes one sub-topic clearly speaks of.

    Its top theme when it reaches :data:`PART_MIN` and leads the second by :data:`PART_LEAD`;
    or, for a sub-topic that mixes two fields (多元服务业: 文旅 and 促消费), every theme that
    reaches :data:`PART_STRONG` on its own.
    """
    if not scores or scores[0].score < PART_MIN:
        return []
    second = scores[1].score if len(scores) > 1 else 0.0
    if scores[0].score >= PART_LEAD * second:
        return [scores[0]]
    return [s for s in scores if s.score >= PART_STRONG]


def _unit_themes(
    unit: PlanUnit,
) -> tuple[list[ThemeScore], dict[str, tuple[ThemeScore, list[str]]]]:
    """(main themes, further themes read from single paragraphs with those paragraphs) of a unit.

    Each sub-topic of a paragraph (see :func:`sub_topics`) is read on its own, its lead
    sentence counting as its title, as a heading does for a section.
    """
    main = assign_themes(unit.text, unit.title)
    have = {s.theme for s in main}
    parts: dict[str, tuple[ThemeScore, list[str]]] = {}
    chunks = [c for p in unit.text.split("\n") if p.strip() for c in sub_topics(p)]
    if len(chunks) > 1:
        for lead, rest in chunks:
            text = lead + rest
            for score in _chunk_themes(score_text(rest, lead)):
                if score.theme in have:
                    continue
                best, texts = parts.get(score.theme, (score, []))
                parts[score.theme] = (max(best, score, key=lambda s: s.score), [*texts, text])
    return main, parts


def _side(
    document: Document,
) -> tuple[Side, list[tuple[PlanUnit, list[ThemeScore], dict[str, tuple[ThemeScore, list[str]]]]]]:
    plan = find_plan(document)
    themed = [(u, *_unit_themes(u)) for u in plan.units]
    side = Side(document, plan, {u.key: tuple(main) for u, main, _ in themed})
    return side, themed


def _place_names(*documents: Document) -> set[str]:
    """The documents' own region names (古交市, 古交): one-sided by nature, so not row terms."""
    names: set[str] = set()
    for d in documents:
        if d.region:
            names.add(d.region)
            if len(d.region) > 2 and d.region[-1] in "市县区省州旗盟":
                names.add(d.region[:-1])
    return names


def _row_terms(
    a_counts: Counter[str], b_counts: Counter[str], idf: dict[str, float], skip: set[str]
) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    a_counts = Counter({t: n for t, n in a_counts.items() if t not in skip})
    b_counts = Counter({t: n for t, n in b_counts.items() if t not in skip})

    def weight(t: str, c: Counter[str]) -> float:
        return (1 + math.log(c[t])) * idf.get(t, 1.0)

    shared = sorted(
        (t for t in a_counts if t in b_counts),
        key=lambda t: (-(weight(t, a_counts) + weight(t, b_counts)), t),
    )
    only_a = sorted(
        (t for t in a_counts if t not in b_counts), key=lambda t: (-weight(t, a_counts), t)
    )
    only_b = sorted(
        (t for t in b_counts if t not in a_counts), key=lambda t: (-weight(t, b_counts), t)
    )
    return (
        tuple(shared[:TERMS_PER_ROW]),
        tuple(only_a[:TERMS_PER_ROW]),
        tuple(only_b[:TERMS_PER_ROW]),
    )


def compare_documents(a: Document, b: Document) -> Comparison:
    """Align the plans of ``a`` and ``b`` theme by theme (pure: documents in, data out)."""
    side_a, themed_a = _side(a)
    side_b, themed_b = _side(b)
    counts_a = [Counter(terms(f"{u.title}\n{u.text}")) for u, _, _ in themed_a]
    counts_b = [Counter(terms(f"{u.title}\n{u.text}")) for u, _, _ in themed_b]
    sims = similarity_matrix(counts_a, counts_b)
    n_units = len(counts_a) + len(counts_b)
    df: Counter[str] = Counter()
    for c in counts_a + counts_b:
        df.update(c.keys())
    idf = {t: math.log((1 + n_units) / (1 + k)) + 1 for t, k in df.items()}

    def best(i: int, side: str) -> tuple[str | None, str | None, float]:
        if side == "a":
            row = sims[i] if sims else []
            others = themed_b
        else:
            row = [sims[j][i] for j in range(len(sims))]
            others = themed_a
        if not row:
            return None, None, 0.0
        j = max(range(len(row)), key=lambda k: (row[k], -k))
        if row[j] <= 0:
            return None, None, 0.0
        return others[j][0].key, others[j][0].title, row[j]

    names = theme_names()
    places = _place_names(a, b)
    buckets: dict[str, tuple[list[SectionRef], list[SectionRef], Counter[str], Counter[str]]] = {}

    def file(side: str, themed: list[Any], counts: list[Counter[str]]) -> None:
        for i, (unit, main, parts) in enumerate(themed):
            match_key, match_title, similarity = best(i, side)
            entries = [(s, "main", None) for s in main]
            entries += [(score, "part", texts) for score, texts in parts.values()]
            if not entries:
                entries = [(ThemeScore(OTHER, "其他", 0.0, ()), "main", None)]
            for score, role, texts in entries:
                bucket = buckets.setdefault(score.theme, ([], [], Counter(), Counter()))
                ref = SectionRef(
                    unit.key,
                    unit.section_id,
                    unit.title,
                    score.score,
                    tuple(w for w, _ in score.evidence[:6]),
                    role,
                    unit.start,
                    match_key,
                    match_title,
                    similarity,
                    unit.scope,
                )
                (bucket[0] if side == "a" else bucket[1]).append(ref)
                row_counts = counts[i] if texts is None else Counter(terms("\n".join(texts)))
                (bucket[2] if side == "a" else bucket[3]).update(row_counts)

    file("a", themed_a, counts_a)
    file("b", themed_b, counts_b)
    order = [*list(names), OTHER]
    rows = []
    for theme in order:
        if theme not in buckets:
            continue
        a_refs, b_refs, ca, cb = buckets[theme]
        # Best match first: the units about the theme, strongest first, then those with a part.
        a_refs.sort(key=lambda r: (r.role != "main", -r.score))
        b_refs.sort(key=lambda r: (r.role != "main", -r.score))
        shared, only_a, only_b = _row_terms(ca, cb, idf, places)
        rows.append(
            CompareRow(
                theme,
                names.get(theme, "其他"),
                tuple(a_refs),
                tuple(b_refs),
                shared,
                only_a,
                only_b,
            )
        )
    return Comparison(side_a, side_b, tuple(rows))
