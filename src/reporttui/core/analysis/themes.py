"""The theme taxonomy and an explainable theme scorer for pieces of report text.

The taxonomy (``data/themes.txt``) lists, for each theme (产业, 消费, 生态环保...), weighted cue
words. A text's score for a theme is the weighted count of its cue words, found by leftmost-longest
matching (so 安全生产 counts once, not again as 安全); the words found are kept as the evidence,
so every assignment can be explained to the reader. No jieba here: cue words are matched as
substrings, which is exact and does not depend on segmentation (生态治理 may be cut 生态/治理).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

TITLE_FACTOR = 4.0
"""A heading names its topic: its cue words count this many times as much as body words."""

SECONDARY_SHARE = 0.45
"""A second theme is kept when its score reaches this share of the first theme's."""

MIN_SCORE = 6.0
"""Below this weighted count a text is too thin to be filed under a theme with confidence."""


@dataclass(frozen=True, slots=True)
class Theme:
    """One theme of the taxonomy."""

    id: str
    """Stable ASCII id ("ecology")."""
    name: str
    """The Chinese label shown to readers ("生态环保")."""
    weights: dict[str, float]
    """Cue word -> weight."""


@dataclass(frozen=True, slots=True)
class ThemeScore:
    """How strongly one text speaks of one theme, and why."""

    theme: str
    """Theme id."""
    name: str
    score: float
    evidence: tuple[tuple[str, int], ...]
    """(cue word, occurrences), strongest contribution first."""


def parse_taxonomy(text: str) -> tuple[Theme, ...]:
    """Read the taxonomy format described at the top of ``data/themes.txt``."""
    themes: list[Theme] = []
    current: tuple[str, str, dict[str, float]] | None = None
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("=="):
            if current:
                themes.append(Theme(*current))
            bits = line[2:].split(None, 1)
            if len(bits) != 2:
                raise ValueError(f"themes line {number}: expected '== id 名称'")
            current = (bits[0], bits[1].strip(), {})
            continue
        weight_text, sep, words = line.partition(":")
        if not sep or current is None:
            raise ValueError(f"themes line {number}: expected 'WEIGHT: words' inside a theme")
        weight = float(weight_text)
        for word in words.split():
            current[2][word] = max(weight, current[2].get(word, 0.0))
    if current:
        themes.append(Theme(*current))
    return tuple(themes)


@lru_cache(maxsize=1)
def taxonomy() -> tuple[Theme, ...]:
    """The shipped taxonomy, in display order."""
    data = resources.files("reporttui.core").joinpath("data", "themes.txt").read_text("utf-8")
    return parse_taxonomy(data)


def theme_names() -> dict[str, str]:
    """Theme id -> Chinese label, in taxonomy order."""
    return {t.id: t.name for t in taxonomy()}


@lru_cache(maxsize=1)
def _matcher() -> re.Pattern[str]:
    words = {w for t in taxonomy() for w in t.weights}
    alternation = "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))
    return re.compile(alternation)


def cue_counts(text: str) -> Counter[str]:
    """Occurrences of every cue word in ``text`` (leftmost-longest, non-overlapping)."""
    return Counter(m.group(0) for m in _matcher().finditer(text))


def score_text(body: str, title: str = "") -> list[ThemeScore]:
    """Every theme's score for a section (title weighted up), best first; zero scores left out."""
    counts = cue_counts(body)
    for word, n in cue_counts(title).items():
        counts[word] += n * TITLE_FACTOR  # type: ignore[assignment]
    scores: list[ThemeScore] = []
    for theme in taxonomy():
        parts = [(w, counts[w] * weight) for w, weight in theme.weights.items() if counts.get(w)]
        if not parts:
            continue
        parts.sort(key=lambda p: (-p[1], p[0]))
        total = sum(p[1] for p in parts)
        evidence = tuple((w, round(counts[w])) for w, _ in parts)
        scores.append(ThemeScore(theme.id, theme.name, round(total, 2), evidence))
    scores.sort(key=lambda s: -s.score)
    return scores


def assign_themes(body: str, title: str = "", *, max_themes: int = 2) -> list[ThemeScore]:
    """The one or two themes a section is about: the best, plus any close second.

    A second theme is kept when it reaches :data:`SECONDARY_SHARE` of the first (古交 2025's
    (六) 聚焦底线红线 speaks of ecology and of safety in equal measure). Empty when nothing
    reaches :data:`MIN_SCORE`.
    """
    scores = score_text(body, title)
    if not scores or scores[0].score < MIN_SCORE:
        return []
    top = scores[0].score
    kept = [scores[0]]
    for s in scores[1:max_themes]:
        if s.score >= SECONDARY_SHARE * top and s.score >= MIN_SCORE:
            kept.append(s)
    return kept
