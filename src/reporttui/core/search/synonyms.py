"""The synonym table: indicator and policy names that mean the same thing (GDP ↔ 地区生产总值).

Shipped in ``core/data/synonyms.txt``, extended from ``<home>/synonyms.txt`` (same format, one
group per line, names separated by spaces; ``#`` comments; BOM and ``\\r`` tolerated). Groups
that share a name are merged. Search turns a query word into exact alternatives: the word as
typed, and every other name of its group (see :func:`expansions`).
"""

from __future__ import annotations

import contextlib
import threading
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

USER_SYNONYMS = "synonyms.txt"
MIN_PART = 2
"""Shortest group name looked for inside a longer query word (GDP增长目标 → GDP + 增长目标)."""

_cache: dict[tuple[Path | None, float], dict[str, tuple[str, ...]]] = {}
_lock = threading.Lock()


def parse_groups(text: str) -> list[tuple[str, ...]]:
    """Groups of a synonym file (lines of two or more names; others ignored)."""
    groups = []
    for line in text.lstrip("\ufeff").replace("\r", "\n").split("\n"):
        line = line.strip().lstrip("\ufeff")
        if not line or line.startswith("#"):
            continue
        names = tuple(dict.fromkeys(line.split()))
        if len(names) >= 2:
            groups.append(names)
    return groups


def merge(groups: list[tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
    """name -> its whole group (first name first), groups sharing a name merged."""
    table: dict[str, tuple[str, ...]] = {}
    for group in groups:
        members: dict[str, None] = {}
        for name in group:
            for other in table.get(name, (name,)):
                members.setdefault(other, None)
        merged = tuple(members)
        for name in merged:
            table[name] = merged
    return table


def _user_path(home: Path | None) -> Path | None:
    return None if home is None else Path(home) / USER_SYNONYMS


def table(home: Path | None = None) -> dict[str, tuple[str, ...]]:
    """The merged table for ``home`` (reread when the user file changes)."""
    path = _user_path(home)
    try:
        mtime = path.stat().st_mtime if path is not None else 0.0
    except OSError:
        mtime = 0.0
    key = (home, mtime)
    with _lock:
        got = _cache.get(key)
    if got is not None:
        return got
    text = (resources.files("reporttui.core") / "data" / "synonyms.txt").read_text(encoding="utf-8")
    groups = parse_groups(text)
    if path is not None and mtime:
        with contextlib.suppress(OSError):
            groups += parse_groups(path.read_text(encoding="utf-8", errors="replace"))
    merged = merge(groups)
    with _lock:
        _cache[key] = merged
    return merged


@dataclass(frozen=True)
class Expansion:
    """How one query word is widened: alternatives, each a tuple of exact terms (AND)."""

    word: str
    name: str
    """The group name found in the word (the word itself, or a part: GDP in GDP增长目标)."""
    alternatives: tuple[tuple[str, ...], ...]
    """Alternatives other than the word as typed, e.g. ``(("地区生产总值", "增长目标"), ...)``."""


def expansions(word: str, home: Path | None = None) -> Expansion | None:
    """The synonym alternatives of ``word``, or None when no group name is in it.

    A word that is a group name gets the other names. A longer word containing a group name
    (the longest, leftmost) gets, for every name of the group, that name AND the rest of the
    word (the parts before and after, as separate terms): GDP增长目标 → (GDP, 增长目标),
    (地区生产总值, 增长目标)... so reports that write 地区生产总值增长7% are found. Search
    uses this second kind only for a word that is not found as typed.
    """
    tab = table(home)
    if word in tab:
        others = tuple((n,) for n in tab[word] if n != word)
        return Expansion(word, word, others) if others else None
    best: tuple[int, int, str] | None = None
    for name in tab:
        if len(name) < MIN_PART or len(name) >= len(word):
            continue
        pos = word.find(name)
        if pos >= 0 and (best is None or (-len(name), pos) < (-best[0], best[1])):
            best = (len(name), pos, name)
    if best is None:
        return None
    _, pos, name = best
    rest = tuple(p for p in (word[:pos], word[pos + len(name) :]) if p.strip())
    alts = tuple((n, *rest) for n in tab[name])
    return Expansion(word, name, alts)
