"""The shipped policy-term dictionary and stop list, extendable from the library home.

``data/policy_terms.txt`` (高质量发展, 新质生产力, place names of the library...) is added to
jieba so these terms stay whole words; ``data/stopwords.txt`` lists words left out of the jieba
ranking field. Users add their own in ``<home>/dict.txt`` and ``<home>/stopwords.txt`` (same
format). Files are read as UTF-8 with a BOM and ``\\r`` tolerated: jieba silently skips entries
with either, so they are stripped here.
"""

from __future__ import annotations

import hashlib
import threading
from dataclasses import dataclass
from pathlib import Path

from reporttui.core.paths import data_dir

USER_DICT = "dict.txt"
USER_STOPWORDS = "stopwords.txt"

_lock = threading.Lock()
_loaded_terms: set[str] = set()


@dataclass(frozen=True)
class Entry:
    """One dictionary line: a term and an optional jieba frequency."""

    word: str
    freq: int | None = None


def _read_lines(text: str) -> list[str]:
    """Non-empty, non-comment lines, BOM and stray ``\\r`` removed."""
    out = []
    for line in text.lstrip("\ufeff").replace("\r", "\n").split("\n"):
        line = line.strip().lstrip("\ufeff")
        if line and not line.startswith("#"):
            out.append(line)
    return out


def parse_dictionary(text: str) -> list[Entry]:
    """Entries of a dictionary file: ``term`` or ``term frequency`` (extra columns ignored)."""
    entries = []
    for line in _read_lines(text):
        parts = line.split()
        freq = None
        if len(parts) > 1 and parts[1].isdigit():
            freq = int(parts[1])
        entries.append(Entry(parts[0], freq))
    return entries


def _packaged(name: str) -> str:
    return (data_dir() / name).read_text(encoding="utf-8")


def _user(home: Path | None, name: str) -> str:
    if home is None:
        return ""
    path = Path(home) / name
    try:
        return path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""


def policy_terms(home: Path | None = None) -> list[Entry]:
    """Shipped terms followed by the user's (a user frequency wins for the same word)."""
    return parse_dictionary(_packaged("policy_terms.txt")) + parse_dictionary(
        _user(home, USER_DICT)
    )


def stopwords(home: Path | None = None) -> frozenset[str]:
    """Shipped stop words plus the user's."""
    words = _read_lines(_packaged("stopwords.txt")) + _read_lines(_user(home, USER_STOPWORDS))
    return frozenset(w.split()[0] for w in words)


def fingerprint(home: Path | None = None) -> str:
    """SHA-1 of the effective dictionary and stop list (changes when either file changes)."""
    h = hashlib.sha1()
    for e in policy_terms(home):
        h.update(f"{e.word}\t{e.freq}\n".encode())
    h.update(b"--stop--\n")
    for w in sorted(stopwords(home)):
        h.update(w.encode() + b"\n")
    return h.hexdigest()


def _user_state(home: Path | None) -> tuple[object, ...]:
    """What identifies the user's dictionary file right now (path, size, mtime)."""
    if home is None:
        return (None,)
    try:
        st = (Path(home) / USER_DICT).stat()
        return (str(home), st.st_size, st.st_mtime_ns)
    except OSError:
        return (str(home), None)


_prepared: set[tuple[object, ...]] = set()


def prepare_jieba(home: Path | None = None) -> None:
    """Load jieba (once) and add the dictionary terms to it; cheap when already done.

    The shipped terms are always added; the user's ``dict.txt`` of ``home`` is added too (again
    if the file changed).
    """
    state = _user_state(home)
    if state in _prepared:
        return
    from reporttui.core.index.segment import jieba_tokenizer

    tok = jieba_tokenizer()
    with _lock:
        for e in policy_terms(home):
            key = f"{e.word}\t{e.freq}"
            if key in _loaded_terms:
                continue
            # Without a frequency, jieba suggests one just high enough to keep the word whole.
            tok.add_word(e.word, e.freq)
            _loaded_terms.add(key)
        _prepared.add(state)
