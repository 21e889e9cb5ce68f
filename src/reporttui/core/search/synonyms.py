"""The synonym table: indicator and policy names that mean the same thing (GDP ↔ 地区生产总值).

Shipped in ``core/data/synonyms.txt``, extended from ``<home>/synonyms.txt`` (same format, one
group per line, names separated by spaces; ``#`` comments; BOM and ``\\r`` tolerated). Groups
that share a name are merged. Search turns a query word into exact alternatives: the word as
typed, and every other name of its group (see :func:`expansions`).

``core/data/reworded.txt`` (generated from corpus reports by ``scripts/gen_reworded.py``) adds,
for search only: ``= NAME FORMS`` lines, the ways reports write an indicator (merged into the
groups), and ``> TERM LONGER...`` lines, one-way longer forms of a term (农村改革 > 农村综合改革:
the term's words with a few characters between them). The user file may hold both kinds too.

``core/data/longer.txt`` (same generator, ``--longer``) holds the mined one-way longer forms of
7,000 terms (中部崛起 > 中部地区崛起). They are *sparse* forms: search adds them only for a word
for a query that, as typed, finds fewer than :data:`SPARSE_ROWS` rows of the library (one result
page), so the common terms whose widening doubled the matching time (高质量发展) stay literal.

``core/data/indicator_forms.txt`` (``scripts/gen_indicator_forms.py``) holds indicator names as
reports also write them (旅游收入 > 旅游总收入: words inserted; 城镇化水平 > 城镇化率: the
measure word swapped), mined from the names reports put before a figure; one-way, used for every
query, their rows only added (generated forms, see :class:`Expansion`'s ``indicator``).

``core/data/acronyms.txt`` (``scripts/gen_acronyms.py``) holds Latin-letter acronyms and the
names reports write out for them where they define them (研究与试验发展（R&D）, VC（风险投资）),
read with ``reworded.txt``'s generated groups: their forms only add rows, after the others.
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from reporttui.core.paths import data_dir

USER_SYNONYMS = "synonyms.txt"
REWORDED = "reworded.txt"
"""The generated table of reworded forms (indicator forms, longer forms of terms)."""
LONGER = "longer.txt"
"""The generated one-way longer forms, used as sparse forms (see :data:`SPARSE_ROWS`)."""
INDICATOR_FORMS = "indicator_forms.txt"
"""recall (issue 8): indicator names as reports also write them (``scripts/gen_indicator_forms.py``:
旅游收入 > 旅游总收入, 城镇化水平 > 城镇化率), one-way; used for every query (not sparse: an
indicator name is the query they are for, and it often has many rows as typed)."""
ACRONYMS = "acronyms.txt"
"""Mined Latin-letter acronyms with the names reports write out for them (``scripts/gen_acronyms.py``):
generated groups, read with ``reworded.txt``."""
SPARSE_ROWS = 10
"""A query that finds fewer rows than this as typed (one page of the CLI's default 10 hits) is
searched again with the shipped longer forms (``longer.txt``); a user's ``>`` lines always apply."""
MIN_PART = 2
"""Shortest group name looked for inside a longer query word (GDP增长目标 → GDP + 增长目标)."""

_cache: dict[tuple[Path | None, float], dict[str, tuple[str, ...]]] = {}
_lock = threading.Lock()


def _lines(text: str) -> list[str]:
    out = []
    for line in text.lstrip("\ufeff").replace("\r", "\n").split("\n"):
        line = line.strip().lstrip("\ufeff")
        if line and not line.startswith("#"):
            out.append(line)
    return out


def parse_groups(text: str) -> list[tuple[str, ...]]:
    """Groups of a synonym file (lines of two or more names, a leading ``=`` allowed; one-way
    ``>`` lines and others ignored)."""
    groups = []
    for line in _lines(text):
        if line.startswith(">"):
            continue
        if line.startswith("= "):
            line = line[2:]
        names = tuple(dict.fromkeys(line.split()))
        if len(names) >= 2:
            groups.append(names)
    return groups


def parse_longer(text: str) -> dict[str, tuple[str, ...]]:
    """One-way lines ``> TERM LONGER...`` of a synonym or variants file: term -> longer forms."""
    out: dict[str, tuple[str, ...]] = {}
    for line in text.replace("\r", "\n").replace("\ufeff", "").split("\n"):
        if not line.lstrip().startswith(">"):
            continue
        names = line.lstrip()[1:].split()
        if len(names) < 2:
            continue
        if names[0] in out:
            out[names[0]] = tuple(dict.fromkeys(out[names[0]] + tuple(names[1:])))
        else:
            out[names[0]] = tuple(names[1:])
    return out


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


def _user_key(home: Path | None) -> tuple[Path | None, tuple[Path | None, float]]:
    """The user file of ``home`` and the cache key of its tables (home, its mtime; 0 if none)."""
    path = _user_path(home)
    try:
        mtime = path.stat().st_mtime if path is not None else 0.0
    except OSError:
        mtime = 0.0
    return path, (home, mtime)


def table(home: Path | None = None) -> dict[str, tuple[str, ...]]:
    """The merged table for ``home`` (reread when the user file changes)."""
    path, key = _user_key(home)
    mtime = key[1]
    with _lock:
        got = _cache.get(key)
    if got is not None:
        return got
    text = (data_dir() / "synonyms.txt").read_text(encoding="utf-8")
    groups = parse_groups(text)
    if path is not None and mtime:
        with contextlib.suppress(OSError):
            groups += parse_groups(path.read_text(encoding="utf-8", errors="replace"))
    merged = merge(groups)
    with _lock:
        _cache[key] = merged
    return merged


_vcache: dict[
    tuple[Path | None, float], tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]
] = {}


def variants(
    home: Path | None = None,
) -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]:
    """The generated table: (name -> its indicator group of ``reworded.txt``; term -> its
    one-way longer forms, with the user file's ``>`` lines), reread when the user file changes.
    :func:`expansions` joins it to :func:`table` (the hand groups, which keyword analysis uses
    alone)."""
    path, key = _user_key(home)
    mtime = key[1]
    with _lock:
        got = _vcache.get(key)
    if got is not None:
        return got
    data = data_dir()
    generated = data.joinpath(REWORDED).read_text(encoding="utf-8")
    user = ""
    if path is not None and mtime:
        with contextlib.suppress(OSError):
            user = path.read_text(encoding="utf-8", errors="replace")
    # the generated groups merge among themselves only: a hand group's broad name (外资 of
    # 利用外资) must not reach a generated indicator group (实际利用外资 ↔ 外商直接投资)
    # recall (issue 8): the mined acronyms (R&D 研究与试验发展 研发) are generated groups too
    acronyms = data.joinpath(ACRONYMS).read_text(encoding="utf-8")
    groups = merge(parse_groups(generated) + parse_groups(acronyms))
    longer = parse_longer(generated)
    for term, forms in parse_longer(user).items():
        longer[term] = tuple(dict.fromkeys(longer.get(term, ()) + forms))
    with _lock:
        _vcache[key] = (groups, longer)
    return groups, longer


TABLE_CACHE = "table-{}.marshal"
"""``<home>/cache`` file of a parsed shipped table (see :func:`_shipped`)."""
_Table = dict[str, tuple[str, ...]]


def _shipped(name: str, parse: Callable[[str], _Table], home: Path | None) -> _Table:
    """``parse`` of the shipped data file ``name`` ({} of "" when it cannot be read).

    process (issue 11): a one-shot search parsed ``quoted_terms.txt`` (~5 ms) and, for a query
    with few rows, ``longer.txt`` (~12 ms) in every process. With a home the parsed table is
    kept in its cache folder (marshal, replaced atomically) with the size, time and inode of
    the data file and of this module, and used only while both are the files it was made
    from; a damaged, stale or unreadable cache is a plain parse (a read-only home keeps none).
    """
    path = data_dir() / name
    try:
        stats = [os.stat(p) for p in (path, __file__)]
        stamp: tuple[tuple[int, int, int], ...] | None = tuple(
            (st.st_size, st.st_mtime_ns, st.st_ino) for st in stats
        )
    except OSError:
        stamp = None
    cache = Path(home) / "cache" / TABLE_CACHE.format(name) if home is not None else None
    if cache is not None and stamp is not None:
        import marshal

        with contextlib.suppress(OSError, ValueError, EOFError, TypeError):
            kept, table = marshal.loads(cache.read_bytes())
            if kept == [name, *stamp] and isinstance(table, dict):
                return table
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        text = ""
    table = parse(text)
    if cache is not None and stamp is not None:
        import marshal

        from reporttui.core.atomic import replace_file

        with contextlib.suppress(OSError, ValueError):
            replace_file(cache, marshal.dumps(([name, *stamp], table)), prefix=".table-")
    return table


_sparse: dict[str, tuple[str, ...]] | None = None


def sparse_longer(home: Path | None = None) -> dict[str, tuple[str, ...]]:
    """The shipped longer forms of ``longer.txt`` (term -> forms), read once (~10 ms, only by a
    query that finds less than a page as typed; kept in ``home``'s cache: :func:`_shipped`);
    {} when absent."""
    global _sparse
    if _sparse is None:
        _sparse = _shipped(LONGER, parse_longer, home)
    return _sparse


_indicators: dict[str, tuple[str, ...]] | None = None


def indicator_forms() -> dict[str, tuple[str, ...]]:
    """The shipped indicator forms of ``indicator_forms.txt`` (name -> forms), read once; {}
    when absent. recall (issue 8)."""
    global _indicators
    if _indicators is None:
        try:
            data = data_dir() / INDICATOR_FORMS
            text = data.read_text(encoding="utf-8")
        except OSError:
            text = ""
        _indicators = parse_longer(text)
    return _indicators


QUOTED_TERMS = "quoted_terms.txt"
"""recall (issue 8, round 9): words reports write with a quoted run inside, and those runs
(``scripts/gen_quoted_terms.py``: ``三公经费 三公`` for “三公”经费)."""
_quoted: dict[str, tuple[str, ...]] | None = None


def _parse_quoted(text: str) -> dict[str, tuple[str, ...]]:
    out: dict[str, tuple[str, ...]] = {}
    for line in _lines(text):
        word, *runs = line.split()
        if runs:
            out[word] = tuple(runs)
    return out


def quoted_terms(home: Path | None = None) -> dict[str, tuple[str, ...]]:
    """The shipped ``quoted_terms.txt`` (word -> its runs seen in quote marks), read once (kept
    in ``home``'s cache: :func:`_shipped`); {} when absent. Search tries those quoted forms of
    such a word for every query."""
    global _quoted
    if _quoted is None:
        _quoted = _shipped(QUOTED_TERMS, _parse_quoted, home)
    return _quoted


@dataclass(frozen=True)
class Expansion:
    """How one query word is widened: alternatives, each a tuple of exact terms (AND)."""

    word: str
    name: str
    """The group name found in the word (the word itself, or a part: GDP in GDP增长目标)."""
    alternatives: tuple[tuple[str, ...], ...]
    """Alternatives other than the word as typed, e.g. ``(("地区生产总值", "增长目标"), ...)``."""
    longer: tuple[str, ...] = ()
    """Which of the alternatives' first names are one-way longer forms (农村综合改革 of 农村改革)."""
    generated: tuple[str, ...] = ()
    """Which come from the generated table (not the hand groups): they widen the match, but are
    not ranking words of the clause (the rows as typed keep their order)."""
    sparse: tuple[str, ...] = ()
    """Which are shipped longer forms only (``longer.txt``, no user line names them; present
    only when :func:`expansions` is asked for them)."""
    indicator: tuple[str, ...] = ()
    """Which are indicator forms only (``indicator_forms.txt``: 旅游总收入 of 旅游收入, 城镇化率
    of 城镇化水平; generated too). recall (issue 8)."""


_WIDTH = str.maketrans({c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)} | {0x3000: 0x20})
"""Full-width ASCII to half-width (ＧＤＰ → GDP), nothing else."""
_names: dict[tuple[Path | None, float], dict[str, str]] = {}


def _name_of(word: str, home: Path | None) -> str:
    """The table's own spelling of ``word`` when it differs only in width, case or script
    (ＧＤＰ, gdp, Ｒ＆Ｄ → GDP, R&D: the index folds them alike, the tables are keyed as
    written); else ``word``. recall (issue 8)."""
    from reporttui.core.index.tokenize import fold

    key = _user_key(home)[1]
    with _lock:
        names = _names.get(key)
    if names is None:
        tab, longer = variants(home)
        names = {}
        for name in [*table(home), *tab, *longer, *indicator_forms()]:
            names.setdefault(fold(name), name)
        with _lock:
            _names[key] = names
    return names.get(fold(word), word)


def expansions(word: str, home: Path | None = None, sparse: bool = False) -> Expansion | None:
    """:func:`_expansions` of ``word`` as the tables spell it (:func:`_name_of`: ＧＤＰ, gdp as
    GDP), reported under the word as typed."""
    key = _name_of(word, home)
    if key == word:
        key = word.translate(_WIDTH)  # ＧＤＰ增长目标: a name inside the word, in its width
    got = _expansions(key, home, sparse)
    if got is None or key == word:
        return got
    return replace(got, word=word, name=word if got.name == key else got.name)


def _expansions(word: str, home: Path | None = None, sparse: bool = False) -> Expansion | None:
    """The synonym alternatives of ``word``, or None when no group name is in it.

    A word that is a group name gets the other names. A longer word containing a group name
    (the longest, leftmost) gets, for every name of the group, that name AND the rest of the
    word (the parts before and after, as separate terms): GDP增长目标 → (GDP, 增长目标),
    (地区生产总值, 增长目标)... so reports that write 地区生产总值增长7% are found. Search
    uses this second kind only for a word that is not found as typed. ``sparse``: also the
    shipped longer forms of ``longer.txt`` (search asks for them only when the query finds fewer
    than :data:`SPARSE_ROWS` rows as typed).
    """
    tab, longer = variants(home)
    mined: tuple[str, ...] = ()
    if sparse and word in sparse_longer(home):
        mined = tuple(n for n in sparse_longer(home)[word] if n not in longer.get(word, ()))
        longer = {**longer, word: longer.get(word, ()) + mined}
    hand = table(home).get(word, ())
    ind = indicator_forms().get(word, ())
    if hand or word in tab or word in longer or ind:
        names = [n for n in hand if n != word]  # the hand group's order first, as it was
        names += [n for n in tab.get(word, ()) if n != word and n not in hand]
        forms = [n for n in longer.get(word, ()) if n != word and n not in names]
        ind_forms = [n for n in ind if n != word and n not in names and n not in forms]
        # a generated form holding the word (or another alternative) finds no row of its own
        every = names + forms + ind_forms
        kept = [
            n
            for n in every
            if n in hand or (word not in n and not any(o != n and o in n for o in every))
        ]
        others = tuple((n,) for n in kept)
        long_kept = tuple(n for n in kept if n in forms)
        gen = tuple(n for n in kept if n not in hand)
        sparse_kept = tuple(n for n in long_kept if n in mined)
        ind_kept = tuple(n for n in kept if n in ind_forms)
        if not others:
            return None
        return Expansion(word, word, others, long_kept, gen, sparse_kept, ind_kept)
    tab = table(home)  # a name inside a longer word: the hand groups (as typed when found)
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
