"""Boilerplate repeated across the files of a library, found by counting, never by a list.

A portal's header and footer lines, its copyright/ICP line, a "扫码关注" block: the same short
line at the start or end of many files. One file cannot tell it from its own text, a library
can. :class:`BoilerplateCounter` counts, for each file, the keys of its candidate lines (short
lines near either end that are not sentences of the body) and calls a line boilerplate when it
is in at least ``min_files`` files and ``min_share`` of them. :func:`drop_boilerplate` then moves
those lines of a document into ``Document.dropped`` (reason ``"boilerplate"``), so the reader's
``d`` view still shows them and nothing is lost.

What is never a candidate, however often it repeats: a line ending a sentence (。！？) unless it
speaks about the site itself (本站, 版权, 转载, ICP…), a lead-in ending with a colon (各位代表：),
a numbered heading, the title block's first line. A report's standard sentences ("现在，我代表
市人民政府向大会报告工作……") repeat across hundreds of reports and are body text.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from reporttui.core.model import Document
from reporttui.core.text.normalize import normalize_chars

_SPACE = re.compile(r"\s+")
_SENTENCE_END = re.compile(r"[。！？!?][”’」』）)]*$")
_LEAD_IN = re.compile(r"[:：]$")
_ABOUT_THE_SITE = re.compile(
    r"本站|本网|版权|转载|ICP|备案|©|copyright|all rights reserved|扫码|二维码|公众号|客户端|关注我们",
    re.I,
)
_NUMBERED = re.compile(
    r"^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d+[、.．]|第[一二三四五六七八九十百]+[章节条部分])"
)
# A line naming a document (政府工作报告, 关于…的决议, a meeting line): titles repeat across a
# library of reports and are the documents' own.
_DOCUMENT_NAME = re.compile(r"报告|决议|公报|纲要|会议上|人民代表大会|^[—–-]{1,2}")
_CJK_OR_WORD = re.compile(r"[\u3400-\u9fffA-Za-z0-9]")

EDGE_LINES = 8
"""How many lines at each end of a document are looked at (headers and footers live there)."""
MAX_CHARS = 120


def line_key(text: str) -> str:
    """The key a line is counted under: normalised characters, no whitespace, hashed short."""
    flat = _SPACE.sub("", normalize_chars(text))
    return hashlib.sha1(flat.encode("utf-8")).hexdigest()[:16]


def is_candidate(text: str) -> bool:
    """Could this line be boilerplate if it repeats? (Body sentences and headings never are.)"""
    t = text.strip()
    if not (2 <= len(t) <= MAX_CHARS) or not _CJK_OR_WORD.search(t):
        return False
    if _NUMBERED.match(t) or _LEAD_IN.search(t) or _DOCUMENT_NAME.search(t):
        return False
    return not (_SENTENCE_END.search(t) and not _ABOUT_THE_SITE.search(t))


def candidate_keys(lines: list[str], edge: int = EDGE_LINES) -> set[str]:
    """Keys of the candidate lines among the first and last ``edge`` lines (the first line,
    usually the title, is left out)."""
    n = len(lines)
    picked = set(range(1, min(edge, n))) | set(range(max(1, n - edge), n))
    return {line_key(lines[i]) for i in sorted(picked) if is_candidate(lines[i])}


def body_key(lines: list[str]) -> str:
    """What a file says, by its longest line: copies of one report (saved twice, or with a
    line added at an end) share it, and lines shared by copies are not boilerplate."""
    longest = max(lines, key=lambda t: (len(t), t), default="")
    return line_key(longest)


@dataclass
class BoilerplateCounter:
    """Per-line counts of distinct files (by :func:`body_key`) over a library or a batch."""

    files: int = 0
    counts: Counter[str] = field(default_factory=Counter)
    _seen: set[tuple[str, str]] = field(default_factory=set)

    def add(self, lines: list[str]) -> None:
        """Count one file's lines (its text lines, after cleaning)."""
        self.add_keys(candidate_keys(lines), body_key(lines))

    def add_keys(self, keys: Iterable[str], body: str) -> None:
        """Count one file given as its candidate keys and its body key."""
        self.files += 1
        for k in set(keys):
            if (k, body) not in self._seen:
                self._seen.add((k, body))
                self.counts[k] += 1

    def add_text(self, text: str) -> None:
        """Count one file given as its ``Document.text``."""
        self.add([ln for ln in text.split("\n") if ln.strip()])

    def add_document(self, doc: Document) -> None:
        """Count one parsed document: its paragraphs only (section titles are its own)."""
        self.add(["", *_paragraphs(doc)])  # the placeholder stands for the title line

    def boilerplate(self, min_files: int = 3, min_share: float = 0.02) -> frozenset[str]:
        """Keys seen in at least ``min_files`` files and ``min_share`` of all files counted."""
        need = max(min_files, int(min_share * self.files + 0.999))
        return frozenset(k for k, c in self.counts.items() if c >= need)


def find_boilerplate(
    texts: Iterable[str], min_files: int = 3, min_share: float = 0.02
) -> frozenset[str]:
    """The boilerplate keys of a set of document texts (``Document.text`` of each file)."""
    counter = BoilerplateCounter()
    for text in texts:
        counter.add_text(text)
    return counter.boilerplate(min_files, min_share)


def boilerplate_lines(lines: list[str], keys: frozenset[str], edge: int = EDGE_LINES) -> set[int]:
    """Indexes of ``lines`` that are boilerplate: a candidate among the edge lines (the first
    line left alone, as when counting) whose key is in ``keys``."""
    if not keys:
        return set()
    n = len(lines)
    hits: set[int] = set()
    for i in list(range(1, min(edge, n))) + list(range(max(1, n - edge), n)):
        if is_candidate(lines[i]) and line_key(lines[i]) in keys:
            hits.add(i)
    return hits


# --- the library's counts, kept in its home -----------------------------------------------------

STORE_NAME = "boilerplate.json"
"""In the library home: each indexed file's candidate line keys (by source sha1) and the keys
that are boilerplate now. Written atomically under the library's write lock."""

_cache: dict[str, tuple[float, frozenset[str]]] = {}


def load_keys(home: Path | None) -> frozenset[str]:
    """The boilerplate keys recorded in ``home`` (empty without a home or a store)."""
    if home is None:
        return frozenset()
    path = Path(home) / STORE_NAME
    try:
        mtime = path.stat().st_mtime
    except OSError:
        return frozenset()
    cached = _cache.get(str(path))
    if cached is not None and cached[0] == mtime:
        return cached[1]
    try:
        data = json.loads(path.read_text("utf-8"))
        keys = frozenset(str(k) for k in data.get("keys", ()))
    except (OSError, ValueError, AttributeError):
        keys = frozenset()  # a damaged store only means no boilerplate is dropped
    _cache[str(path)] = (mtime, keys)
    return keys


def digest(keys: frozenset[str]) -> str:
    """A short digest of a key set (part of the index fingerprint when not empty)."""
    return hashlib.sha1("\n".join(sorted(keys)).encode()).hexdigest()[:12]


def learn(home: Path, files: dict[str, list[str]], keep: Iterable[str] | None = None) -> bool:
    """Record ``files`` (source sha1 -> candidate keys) in the home's store, forget files not in
    ``keep`` (sha1s still in the library; None keeps all), recompute the boilerplate keys.
    Returns True when the keys changed (the index must then be rebuilt with them)."""
    path = Path(home) / STORE_NAME
    before = load_keys(home)
    try:
        stored = json.loads(path.read_text("utf-8")).get("files", {})
        if not isinstance(stored, dict):
            stored = {}
    except (OSError, ValueError, AttributeError):
        stored = {}
    stored.update(files)
    if keep is not None:
        wanted = set(keep)
        stored = {k: v for k, v in stored.items() if k in wanted}
    counter = BoilerplateCounter()
    for keys in stored.values():
        if keys and isinstance(keys, list):
            counter.add_keys(keys[1:], str(keys[0]))  # [body key, line keys...]
    after = counter.boilerplate()
    tmp = path.with_name(f".{STORE_NAME}.{os.getpid()}.tmp")
    tmp.write_text(json.dumps({"keys": sorted(after), "files": stored}), "utf-8")
    os.replace(tmp, path)
    _cache.pop(str(path), None)
    return after != before


def document_keys(doc: Document) -> list[str]:
    """A parsed document's body key then its candidate keys, as
    :meth:`BoilerplateCounter.add_document` counts them (stored per file in the home)."""
    lines = ["", *_paragraphs(doc)]
    keys = candidate_keys(lines)
    # Lines already dropped as boilerplate count too: the statistics must not forget them.
    keys.update(line_key(d.text) for d in doc.dropped if d.reason == "boilerplate")
    return [body_key(lines), *sorted(keys)]


def _paragraphs(doc: Document) -> list[str]:
    return [p.text for sec in doc.walk() for p in sec.paragraphs]
