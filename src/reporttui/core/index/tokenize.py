"""Tokenizers for the search index: exact CJK bigrams and jieba words, with ordinal positions.

Text is first *folded* (full-width ASCII to half-width, A-Z to a-z: a one-to-one character map,
so offsets in folded text are offsets in the original) and cut into *units*:

* a run of digits with at most one decimal point and an optional percent sign (``107.48``,
  ``5%``) is one unit, so ``5%`` never matches inside ``25%`` and ``3个`` never inside ``13个``;
* a run of Latin letters is one unit (``5g`` is ``5`` + ``g``);
* whitespace is transparent (``完成 107.48亿元`` matches ``完成107.48亿元``), except between two
  Latin/digit units, where it is kept as a ``" "`` unit so ``new york`` is not ``newyork``;
* every other character (a CJK character, a punctuation mark) is one unit.

The *bigram field* indexes every unit that is a word character as a unigram and every pair of
adjacent units as a bigram, both at the ordinal position of the first unit. A term of two or more
units is then the phrase of its bigrams: consecutive positions mean consecutive units, so the
match is exactly a substring (modulo whitespace). A one-unit term is a single unigram lookup.

The *jieba field* holds jieba search-mode words (minus stop words), counted without positions:
it only adds to the score.
"""

from __future__ import annotations

import itertools
import re
from array import array
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from whoosh.analysis import Token, Tokenizer
from whoosh.fields import FieldType
from whoosh.formats import Frequency, Positions
from whoosh.system import pack_uint

from reporttui.core import lazyre
from reporttui.core.text._t2s_table import PAIRS as _T2S_PAIRS

TOKENIZER_VERSION = "units-2-t2s"  # inputs (issue 9): Traditional folded
"""Bump when tokenization changes: it is part of the index fingerprint."""

_UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_FULL_WIDTH = "".join(map(chr, range(0xFF01, 0xFF5F)))  # ！ to ～: ASCII ! to ~ in full width
# process (issue 11): the table is made by one str.maketrans of two strings (C), not dict
# comprehensions over its ~5,200 entries (~3 ms of every process); the same entries in the same
# order, later ones winning as the updates did: full width to ASCII, A-Z to a-z, full-width A-Z
# to a-z, the ideographic space to a space, then Traditional to Simplified.
_FOLD: dict[int, int] = str.maketrans(
    _FULL_WIDTH
    + _UPPER
    + _UPPER.translate({c: c + 0xFEE0 for c in range(65, 91)})
    + "\u3000"
    # --- inputs (issue 9): Traditional characters fold to Simplified (OpenCC's t2s character
    # table), one character to one, so fold() stays length-preserving and a query in either
    # script finds both.
    + _T2S_PAIRS[::2],
    "".join(chr(ord(c) - 0xFEE0) for c in _FULL_WIDTH)
    + _UPPER.lower()
    + _UPPER.lower()
    + " "
    + _T2S_PAIRS[1::2],
    # --- end inputs
)
_FOLD_TABLE = _FOLD

UNIT_RE = lazyre.compile(r"[0-9]+(?:\.[0-9]+)?%?|[a-z]+|(?<=[0-9a-z])\s+(?=[0-9a-z])|\S")
"""One match per unit of folded text (see the module docstring)."""

_ASCII_WORD = frozenset("0123456789abcdefghijklmnopqrstuvwxyz")


_FOLDS_TO: dict[str, str] = {}
""":func:`folds_to`'s answers so far (process, issue 11: found per character asked, not for
every character of the table at import, ~3 ms of every process)."""
_fold_pairs: tuple[str, str] | None = None


def folds_to(ch: str) -> str:
    """Every character that :func:`fold` turns into ``ch`` (``ch`` itself unless it folds to
    another; "" when none does): a pattern over the unfolded text then finds what ``ch`` finds
    in the folded text (query, issue 11)."""
    got = _FOLDS_TO.get(ch)
    if got is None:
        global _fold_pairs
        if _fold_pairs is None:  # what folds, and to what, in the table's order
            _fold_pairs = "".join(map(chr, _FOLD)), "".join(map(chr, _FOLD.values()))
        sources, targets = _fold_pairs
        got = "" if ord(ch) in _FOLD else ch
        at = targets.find(ch)
        while at >= 0:
            got += sources[at]
            at = targets.find(ch, at + 1)
        _FOLDS_TO[ch] = got
    return got


def fold(text: str) -> str:
    """Full-width ASCII to half-width, A-Z to a-z, Traditional to Simplified; same length as ``text``."""
    return text.translate(_FOLD_TABLE)


def units(text: str) -> list[str]:
    """The units of ``text`` (folded first), whitespace between Latin/digit units as ``" "``."""
    return [u if not u[0].isspace() else " " for u in UNIT_RE.findall(fold(text))]


def unit_spans(text: str) -> Iterator[tuple[str, int, int]]:
    """``(unit, start, end)`` for every unit of ``text``, offsets into ``text``."""
    for m in UNIT_RE.finditer(fold(text)):
        u = m.group()
        yield (" " if u[0].isspace() else u), m.start(), m.end()


def is_word_unit(unit: str) -> bool:
    """True for units indexed on their own (CJK characters, numbers, Latin words)."""
    return unit[0].isalnum()


def bigrams(unit_list: Sequence[str]) -> list[str]:
    """Adjacent unit pairs joined (a whitespace unit already separates Latin/digit words)."""
    return [a + b for a, b in itertools.pairwise(unit_list)]


def bigram_postings(text: str) -> dict[str, list[int]]:
    """term -> ordinal positions for the bigram field of ``text``."""
    us = units(text)
    postings: defaultdict[str, list[int]] = defaultdict(list)
    for pos, u in enumerate(us):
        if u[0].isalnum():
            postings[u].append(pos)
    for pos, b in enumerate(bigrams(us)):
        postings[b].append(pos)
    return postings


def term_query_tokens(term: str) -> list[str]:
    """The bigram-field tokens a term must match at consecutive positions.

    One unit gives ``[unit]`` (a unigram; empty when the unit is punctuation, which is not
    indexed alone); more give the bigrams.
    """
    us = units(term)
    if len(us) == 1:
        return us if is_word_unit(us[0]) else []
    return bigrams(us)


_WORD_RE = lazyre.compile(r"\w", re.UNICODE)


def jieba_words(text: str, stopwords: frozenset[str] = frozenset()) -> list[str]:
    """jieba search-mode words of ``text``, folded, without punctuation, spaces and stop words."""
    from reporttui.core.index.dictionary import prepare_jieba
    from reporttui.core.index.segment import cut_for_search

    prepare_jieba()  # the shipped terms at least (a no-op once done)
    return clean_words(cut_for_search(fold(text)), stopwords)


def clean_words(words: Iterable[str], stopwords: frozenset[str] = frozenset()) -> list[str]:
    """jieba's words stripped, without punctuation, spaces and stop words (as indexed)."""
    out = []
    for w in words:
        w = w.strip()
        if w and w not in stopwords and _WORD_RE.search(w):
            out.append(w)
    return out


class UnitBigramTokenizer(Tokenizer):
    """Whoosh tokenizer yielding the bigram-field tokens with ordinal positions and char offsets.

    Indexing goes through :class:`BigramField` (faster); this exists so the field also works
    with Whoosh's own machinery (query parsing, highlighting, ``field.tokenize``).
    """

    def __call__(
        self,
        value: str,
        positions: bool = False,
        chars: bool = False,
        keeporiginal: bool = False,
        removestops: bool = True,
        start_pos: int = 0,
        start_char: int = 0,
        mode: str = "",
        **kwargs: Any,
    ) -> Iterator[Token]:
        spans = list(unit_spans(value))
        for i, (u, s, e) in enumerate(spans):
            pos = start_pos + i
            if u[0].isalnum():
                yield _token(u, pos, start_char + s, start_char + e, positions, chars, **kwargs)
            if i + 1 < len(spans):
                nu, _, ne = spans[i + 1]
                yield _token(
                    u + nu, pos, start_char + s, start_char + ne, positions, chars, **kwargs
                )


class JiebaTokenizer(Tokenizer):
    """Whoosh tokenizer yielding jieba search-mode words with ordinal positions."""

    def __init__(self, stopwords: Iterable[str] = ()) -> None:
        self.stopwords = frozenset(stopwords)

    def __call__(
        self,
        value: str,
        positions: bool = False,
        chars: bool = False,
        start_pos: int = 0,
        start_char: int = 0,
        **kwargs: Any,
    ) -> Iterator[Token]:
        for i, w in enumerate(jieba_words(value, self.stopwords)):
            yield _token(w, start_pos + i, 0, 0, positions, False, **kwargs)


def _token(text: str, pos: int, sc: int, ec: int, positions: bool, chars: bool, **kw: Any) -> Token:
    t = Token(positions, chars, **kw)
    t.text = text
    t.boost = 1.0
    if positions:
        t.pos = pos
    if chars:
        t.startchar, t.endchar = sc, ec
    return t


class BigramField(FieldType):
    """Unigrams + bigrams of units with positions (phrase-queryable, exact substring match)."""

    def __init__(self, stored: bool = False, scorable: bool = True) -> None:
        self.format = CompactPositions()
        self.analyzer = UnitBigramTokenizer()
        self.scorable = scorable
        self.stored = stored
        self.unique = False
        self.vector = None

    def index(self, value: Any, **kwargs: Any) -> Iterator[tuple[bytes, int, float, bytes]]:
        """Fast path: compute postings directly instead of one Token object per unit."""
        single = _SINGLE
        encode = CompactPositions.encode_positions
        for term, poslist in bigram_postings(value).items():
            if len(poslist) == 1:
                pos = poslist[0]
                encoded = single.get(pos)
                if encoded is None:
                    encoded = single[pos] = encode(poslist)
                yield term.encode("utf-8"), 1, 1.0, encoded
            else:
                yield term.encode("utf-8"), len(poslist), float(len(poslist)), encode(poslist)


_SINGLE: dict[int, bytes] = {}
"""Encoded one-position lists by position (most postings have a single position)."""


class CompactPositions(Positions):
    """Whoosh's Positions format with a compact encoding: a type code and a native array.

    Whoosh pickles a list of deltas per posting (12 bytes for one position); this stores
    ``b"H"`` + 16-bit positions (``b"I"`` + 32-bit beyond 65,535): 3 bytes for one position.
    Encoding and decoding are single C calls (``array``), faster than pickle.
    """

    @staticmethod
    def encode_positions(poslist: Sequence[int]) -> bytes:
        if poslist and poslist[-1] > 0xFFFF:
            return b"I" + array("I", poslist).tobytes()
        return b"H" + array("H", poslist).tobytes()

    def encode(self, poslist: Sequence[int]) -> bytes:
        return self.encode_positions(sorted(poslist))

    def decode_positions(self, valuestring: bytes) -> list[int]:
        return array(chr(valuestring[0]), valuestring[1:]).tolist()

    def decode_frequency(self, valuestring: bytes) -> int:
        return (len(valuestring) - 1) // (2 if valuestring[:1] == b"H" else 4)

    def decode_weight(self, valuestring: bytes) -> float:
        return self.decode_frequency(valuestring) * self.field_boost

    def combine(self, vs: Iterable[bytes]) -> bytes:
        merged: set[int] = set()
        for v in vs:
            merged.update(self.decode_positions(v))
        return self.encode_positions(sorted(merged))


class JiebaField(FieldType):
    """jieba words counted per paragraph, no positions: only adds to the BM25F score.

    The value may be the text (segmented here) or a sequence of words segmented beforehand,
    e.g. in a worker process by :func:`reporttui.core.index.schema.document_rows`.
    """

    def __init__(self, stopwords: Iterable[str] = ()) -> None:
        self.format = Frequency()
        self.analyzer = JiebaTokenizer(stopwords)
        self.scorable = True
        self.stored = False
        self.unique = False
        self.vector = None

    def index(self, value: Any, **kwargs: Any) -> Iterator[tuple[bytes, int, float, bytes]]:
        words = (
            value
            if isinstance(value, (list, tuple))
            else jieba_words(value, self.analyzer.stopwords)
        )
        counts: dict[str, int] = {}
        for w in words:
            counts[w] = counts.get(w, 0) + 1
        for w, n in counts.items():
            yield w.encode("utf-8"), n, float(n), pack_uint(n)
