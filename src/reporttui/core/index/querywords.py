"""jieba words of a query without loading jieba's dictionary: the same words, from a cache.

jieba needs ~0.7 s and ~55 MB to load its dictionary, and a one-shot ``reporttui search`` would
spend most of its time there. Segmenting a short query only ever looks up the query's own
substrings in the dictionary (jieba's DAG asks ``frag in FREQ`` for substrings of each block,
and search mode asks for the 2- and 3-character sub-words), so a cache of the prepared
dictionary (jieba's words and their prefixes, the shipped policy terms, the user's ``dict.txt``)
lets a fresh ``jieba.Tokenizer`` be given just those entries: the DAG, the route and the HMM
fallback are then exactly what the fully loaded tokenizer computes.

The cache is one file per dictionary fingerprint in ``<home>/cache/``: sorted UTF-8 keys with
their frequencies, read by binary search through ``mmap`` (nothing is parsed up front).
"""

from __future__ import annotations

import bisect
import contextlib
import hashlib
import mmap
import struct
import threading
from pathlib import Path
from typing import Any

import numpy as np

from reporttui.core.atomic import replace_file
from reporttui.core.index import dictionary

MAGIC = b"RTJBWD1\n"
MAX_QUERY_CHARS = 48
_RANGES = 4096
"""First characters whose key ranges a cache keeps."""
"""Longer query terms are segmented by the full tokenizer (substring lookups grow as n²)."""

_lock = threading.Lock()
_open: dict[Path, _Cache | None] = {}


def cache_file(home: Path) -> Path:
    """The cache file of ``home``'s current dictionary."""
    from reporttui.core.index.versions import constant

    version = constant("jieba", "__version__", home)
    h = hashlib.sha1(f"jieba={version};{dictionary.fingerprint(home)}".encode())
    return Path(home) / "cache" / f"jieba-words-{h.hexdigest()[:16]}.bin"


def build(home: Path) -> Path:
    """Write the cache of ``home``'s prepared jieba dictionary (loads jieba); its path.

    Written atomically (temp file + rename); old caches of other fingerprints are removed.
    """
    from reporttui.core.index.segment import jieba_tokenizer

    dictionary.prepare_jieba(home)
    tok = jieba_tokenizer()
    with dictionary._lock:
        items = sorted((w.encode("utf-8"), int(f)) for w, f in tok.FREQ.items())
        total = float(tok.total)
    target = cache_file(home)
    keys = b"".join(k for k, _ in items)
    off = np.zeros(len(items) + 1, dtype=np.uint32)
    np.cumsum([len(k) for k, _ in items], out=off[1:])
    freq = np.array([f for _, f in items], dtype=np.int64)
    head = MAGIC + struct.pack("<Qd", len(items), total)
    replace_file(target, head + freq.tobytes() + off.tobytes() + keys, prefix=".jieba-words-")
    for old in target.parent.glob("jieba-words-*.bin"):
        if old != target:
            with contextlib.suppress(OSError):
                old.unlink()
    with _lock:
        _open.pop(Path(home), None)
    return target


class _Cache:
    """A cache file, mapped: ``get(word)`` is jieba's ``FREQ.get(word)``."""

    def __init__(self, path: Path) -> None:
        with open(path, "rb") as f:
            self._buf = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
        head = len(MAGIC) + 16
        if self._buf[: len(MAGIC)] != MAGIC:
            raise ValueError("not a jieba words cache")
        n, self.total = struct.unpack_from("<Qd", self._buf, len(MAGIC))
        self._freq = np.frombuffer(self._buf, dtype=np.int64, count=n, offset=head)
        self._off = np.frombuffer(self._buf, dtype=np.uint32, count=n + 1, offset=head + 8 * n)
        self._keys_at = head + 8 * n + 4 * (n + 1)
        if self._keys_at + int(self._off[-1]) > len(self._buf):
            raise ValueError("jieba words cache cut short")
        self._n = int(n)
        # query (issue 11): the offsets as a memoryview giving Python ints (a numpy scalar per
        # binary-search step was a third of a query's ~80 µs of lookups); no copy
        at = head + 8 * n
        self._offs: Any = memoryview(self._buf)[at : at + 4 * (n + 1)].cast("I")
        self._ranges: dict[bytes, tuple[int, int]] = {}

    def __len__(self) -> int:
        return self._n

    def __getitem__(self, i: int) -> bytes:
        at, offs = self._keys_at, self._offs
        return self._buf[at + offs[i] : at + offs[i + 1]]

    def starting(self, head: str) -> tuple[int, int]:
        """The index range of the keys that begin with ``head`` (kept per ``head``)."""
        key = head.encode("utf-8")
        got = self._ranges.get(key)
        if got is None:
            lo = bisect.bisect_left(self, key)
            # UTF-8 never holds byte 0xff: every key beginning with ``key`` sorts below this
            hi = bisect.bisect_left(self, key + b"\xff", lo)
            got = (lo, hi)
            if len(self._ranges) >= _RANGES:
                self._ranges.clear()
            self._ranges[key] = got
        return got

    def get(self, word: str, lo: int = 0, hi: int | None = None) -> int | None:
        """jieba's frequency of ``word``, or None; ``lo``/``hi``: an index range known to
        hold it if it is there (see :meth:`find`)."""
        i = self.find(word, lo, hi)
        return int(self._freq[i]) if i >= 0 else None

    def find(self, word: str, lo: int = 0, hi: int | None = None) -> int:
        """The index of ``word``'s key, or ``-1``, binary-searched within ``lo:hi``."""
        key = word.encode("utf-8")
        end = self._n if hi is None else hi
        i = bisect.bisect_left(self, key, lo, end)
        if i < end and self[i] == key:
            return i
        return -1


def _cache(home: Path | None) -> _Cache | None:
    if home is None:
        return None
    home = Path(home)
    with _lock:
        if home in _open:
            return _open[home]
    try:
        got: _Cache | None = _Cache(cache_file(home))
    except (OSError, ValueError):
        got = None
    with _lock:
        _open[home] = got
    return got


def has_cache(home: Path | None) -> bool:
    return _cache(home) is not None


def cut_for_search(text: str, home: Path | None) -> list[str] | None:
    """jieba search-mode words of ``text`` from the cache, or None (no cache, text too long)."""
    if len(text) > MAX_QUERY_CHARS:
        return None
    cache = _cache(home)
    if cache is None:
        return None
    from reporttui.core.index.segment import import_jieba

    jieba = import_jieba()
    freq: dict[str, int] = {}
    n = len(text)
    for i in range(n):
        # Keys beginning with text[i] only; text[i:j+1] sorts after text[i:j] (a key it extends)
        lo, hi = cache.starting(text[i])
        for j in range(i + 1, n + 1):
            at = cache.find(text[i:j], lo, hi)
            if at < 0:
                break  # jieba stores every prefix of every word: no longer word starts here
            freq[text[i:j]] = int(cache._freq[at])
            lo = at
    tok: Any = jieba.Tokenizer()
    tok.FREQ = freq
    tok.total = cache.total
    tok.initialized = True
    return list(tok.cut_for_search(text))
