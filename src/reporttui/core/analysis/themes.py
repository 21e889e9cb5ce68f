"""The theme taxonomy and an explainable theme scorer for pieces of report text.

The taxonomy (``data/themes.toml``, extended or overridden by ``<library home>/themes.toml``) lists,
for each theme (产业, 能源, 科技创新, 文旅, 教育...), weighted cue words. A text's score for a theme is the weighted count of its cue words, found by leftmost-longest
matching (so 安全生产 counts once, not again as 安全); the words found are kept as the evidence,
so every assignment can be explained to the reader. No jieba here: cue words are matched as
substrings, which is exact and does not depend on segmentation (生态治理 may be cut 生态/治理).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

TITLE_FACTOR = 4.0
"""A heading names its topic: its cue words count this many times as much as body words."""

SECONDARY_SHARE = 0.55
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
    group: str = ""
    """Id of the broader theme this one belongs to (教育 -> 民生), or ""."""


@dataclass(frozen=True, slots=True)
class ThemeScore:
    """How strongly one text speaks of one theme, and why."""

    theme: str
    """Theme id."""
    name: str
    score: float
    evidence: tuple[tuple[str, int], ...]
    """(cue word, occurrences), strongest contribution first."""


def parse_taxonomy(text: str, where: str = "themes.toml") -> tuple[Theme, ...]:
    """Read a taxonomy in the TOML form described at the top of ``data/themes.toml``."""
    from reporttui.core.analysis.tables import _parse

    return _themes(_parse(text, where).get("theme", []), where)


def _themes(entries: list[dict[str, object]], where: str) -> tuple[Theme, ...]:
    themes: list[Theme] = []
    for n, entry in enumerate(entries, 1):
        if not isinstance(entry, dict) or not entry.get("id") or not entry.get("name"):
            raise ValueError(f"{where}: theme {n} needs an id and a name")
        weights: dict[str, float] = {}
        cues = entry.get("cues", {})
        if not isinstance(cues, dict):
            raise ValueError(f'{where}: theme {entry["id"]}: cues must be a table WEIGHT = "词 词"')
        for weight_text, words in cues.items():
            try:
                weight = float(weight_text)
            except ValueError:
                raise ValueError(
                    f"{where}: theme {entry['id']}: {weight_text!r} is not a weight"
                ) from None
            if isinstance(words, str):
                words = words.split()
            for word in words:
                weights[str(word)] = max(weight, weights.get(str(word), 0.0))
        themes.append(
            Theme(str(entry["id"]), str(entry["name"]), weights, str(entry.get("group", "")))
        )
    return tuple(themes)


@lru_cache(maxsize=1)
def taxonomy() -> tuple[Theme, ...]:
    """The taxonomy in force (shipped, merged with the user's file), in display order.

    A broken user file is reported by :func:`user_taxonomy_error` and the shipped one is used.
    """
    from reporttui.core.analysis.tables import load_table

    try:
        return _themes(load_table("themes", "theme", id_key="id"), "themes.toml")
    except ValueError:
        import tempfile

        return _themes(
            load_table("themes", "theme", id_key="id", home=_nowhere(tempfile.gettempdir())),
            "themes.toml",
        )


def _nowhere(base: str) -> Path:
    return Path(base) / "reporttui-no-home"


def user_taxonomy_error() -> str | None:
    """Why the user's themes.toml cannot be used (None when it is fine or absent)."""
    from reporttui.core.analysis.tables import load_table

    try:
        _themes(load_table("themes", "theme", id_key="id"), "themes.toml")
    except ValueError as error:
        return str(error)
    return None


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
    """The one or two themes a section is about.

    Themes its heading names with a naming cue word (weight 3: 抓改革、扩开放) come first; else
    the best. A further theme is kept when it reaches :data:`SECONDARY_SHARE` of the first (古交
    2025's (六) 聚焦底线红线 speaks of ecology and of safety in equal measure). Empty when nothing
    reaches :data:`MIN_SCORE`.
    """
    scores = _grouped(score_text(body, title))
    if not scores or scores[0].score < MIN_SCORE:
        return []
    named = _named_in_title(title)
    titled = [s for s in scores if s.theme in named and s.score >= MIN_SCORE]
    # The heading names its fields (抓改革、扩开放; 提升内需): those themes come first; a theme
    # the body speaks of as much fills a free place.
    kept = titled[:max_themes] or [scores[0]]
    top = kept[0].score
    for s in scores:
        if len(kept) >= max_themes:
            break
        if s not in kept and s.score >= MIN_SCORE and s.score >= SECONDARY_SHARE * top:
            kept.append(s)
    return kept


def _named_in_title(title: str) -> set[str]:
    """Themes whose naming cue words (weight 3) stand in the heading (抓改革、扩开放 -> 改革, 开放)."""
    found = set(cue_counts(title))
    return {t.id for t in taxonomy() if any(t.weights.get(w, 0) >= 3 for w in found)}


GROUP_SHARE = 0.35
"""Members of a group within this share of the best one make the unit the group's."""


def _grouped(scores: list[ThemeScore]) -> list[ThemeScore]:
    """Fold a group's members into the group when the unit speaks of several of them.

    A 民生福祉 section with schools, hospitals and jobs is about 民生, not about 教育 alone; a
    section on schools only stays 教育.
    """
    if not scores:
        return scores
    groups = {t.id: t.group for t in taxonomy()}
    top = scores[0]
    group = groups.get(top.theme) or (
        top.theme if any(g == top.theme for g in groups.values()) else ""
    )
    if not group:
        return scores
    members = [s for s in scores if (groups.get(s.theme) == group or s.theme == group)]
    strong = [s for s in members if s.score >= GROUP_SHARE * top.score]
    if len(strong) < 2 or top.theme == group:
        return scores
    evidence: dict[str, int] = {}
    for s in members:
        for word, n in s.evidence:
            evidence[word] = evidence.get(word, 0) + n
    name = next((t.name for t in taxonomy() if t.id == group), group)
    merged = ThemeScore(
        group,
        name,
        round(sum(s.score for s in members), 2),
        tuple(sorted(evidence.items(), key=lambda kv: -kv[1])),
    )
    rest = [s for s in scores if s not in members]
    return sorted([merged, *rest], key=lambda s: -s.score)
