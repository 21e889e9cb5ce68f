"""Chinese line breaking: where a paragraph is cut into lines of at most ``width`` terminal cells.

Pure (no textual/rich import) so the reader widget, snippets and tests share one layout.

Rules (after the usual 禁则 of Chinese typesetting, simplified for a terminal):

- a line never starts with closing punctuation (。，、；：？！”’）》】」』…— and half-width
  ``. , ; : ? ! ) ] }``) nor ends with opening punctuation (“‘（《【「『 and ``( [ {``): the mark
  travels with its neighbour to the next line ("push out", never squeezed in);
- a number (22.0%, 2,516, 107.48 with a following 亿/万 and a unit such as 元 or 个) and a Latin
  word are never split, unless they alone are wider than the line;
- a space is a break opportunity, never a forced break; at the edge of a line it is not shown
  (the line's span leaves it out), inside a line it stays as one cell;
- any two Chinese characters may be separated.

Widths are terminal cells: East Asian Wide and Fullwidth characters take 2, combining marks and
format characters 0, everything else (Ambiguous included, as terminals and Rich do) 1.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

CLOSING = "。，、；：？！”’）》】」』〕〉］｝﹂﹄…—％‰·〃々ー.,;:?!)]}%"
"""Marks that may not start a line (they stay with the text before them)."""
OPENING = "“‘（《【「『〔〈［｛﹁﹃([{"
"""Marks that may not end a line (they go with the text after them)."""

_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003ffff"
_WORD = "0-9A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff\uff10-\uff19\uff21-\uff3a\uff41-\uff5a"
_MAGNITUDE = "十百千万亿"
_UNIT = "元个%％‰倍年月日号时岁吨亩人户家项件所座辆条台次名位只头部米度"
_CLOSE = re.escape(CLOSING)
_OPEN = re.escape(OPENING)

_NUMBER = rf"[0-9０-９]+(?:[.,:．，][0-9０-９]+)*(?:[{_MAGNITUDE}]*[{_UNIT}])?"
"""A number with its magnitude and unit: 2,516 / 22.0% / 107.48亿元 / 2025年."""
_LATIN = rf"[{_WORD}]+(?:['’\-./&+][{_WORD}]+)*"
_CORE = rf"(?:{_NUMBER}|{_LATIN}|[^\s])"

_ATOM = re.compile(
    # A run of Chinese characters, each free to break after: none is followed by a closing mark
    # (the last one before a mark belongs to the next, glued atom).
    rf"(?P<run>(?:[{_CJK}](?![{_CLOSE}]))+)"
    # Spaces: a break opportunity, invisible at a line's edge.
    r"|(?P<space>\s+)"
    # Anything else: opening marks, one unit (a number, a word, a character), closing marks.
    rf"|(?P<glued>[{_OPEN}]*{_CORE}[{_CLOSE}]*|[{_OPEN}]+)"
)
_WIDE_RUN = re.compile(rf"[{_CJK}]+")


@lru_cache(maxsize=4096)
def char_width(char: str) -> int:
    """Terminal cells of one character (2 wide, 0 combining or format, else 1)."""
    if char < "\u0300":
        return 1 if char >= " " or char == "\t" else 0
    if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def cell_width(text: str) -> int:
    """Terminal cells of ``text``."""
    if text.isascii():
        return sum(1 for c in text if c >= " ")
    return sum(char_width(c) for c in text)


def _fit(text: str, start: int, end: int, room: int) -> int:
    """The largest ``stop`` (at least ``start + 1``) with text[start:stop] within ``room`` cells."""
    used = 0
    for i in range(start, end):
        used += char_width(text[i])
        if used > room:
            # Not before a closing mark (a URL's ".html"), if the piece can give one up.
            while i - 1 > start and text[i] in CLOSING:
                i -= 1
            return max(i, start + 1)
    return end


def break_lines(text: str, width: int) -> list[tuple[int, int]]:
    """The lines of ``text`` folded to ``width`` cells, as ``(start, end)`` character spans.

    Spaces at a line's edges are left out of its span; an empty or all-blank text gives no
    lines. A newline in ``text`` forces a break. ``width`` below 2 is treated as 2 (one wide
    character per line).
    """
    width = max(width, 2)
    lines: list[tuple[int, int]] = []
    for piece_start, piece_end in _hard_pieces(text):
        _break_piece(text, piece_start, piece_end, width, lines)
    return lines


def _hard_pieces(text: str) -> list[tuple[int, int]]:
    if "\n" not in text:
        return [(0, len(text))]
    pieces, start = [], 0
    for match in re.finditer("\n", text):
        pieces.append((start, match.start()))
        start = match.end()
    pieces.append((start, len(text)))
    return pieces


class _Line:
    """The line being filled: its span, its cells and where its last atom began."""

    __slots__ = ("end", "end_before_last", "last_start", "space", "start", "used")

    def __init__(self) -> None:
        self.start = -1  # -1: nothing on the line yet
        self.end = 0
        self.used = 0
        self.space = 0  # cells of spaces after the last atom (shown only if more follows)
        self.last_start = -1
        self.end_before_last = 0

    def place(self, a: int, b: int, cells: int) -> None:
        """Put text[a:b] (``cells`` wide) on the line after its pending spaces."""
        if self.start < 0:
            self.start, self.used, self.end_before_last = a, 0, a
        else:
            self.used += self.space
            self.end_before_last = self.end
        self.used += cells
        self.space = 0
        self.last_start, self.end = a, b

    def gap(self) -> int:
        return self.space if self.start >= 0 else 0


def _break_piece(text: str, start: int, end: int, width: int, lines: list[tuple[int, int]]) -> None:
    line = _Line()

    def flush(to_end: int | None = None) -> None:
        lines.append((line.start, line.end if to_end is None else to_end))

    for match in _ATOM.finditer(text, start, end):
        kind = match.lastgroup
        a, b = match.span()
        if kind == "space":
            if line.start >= 0:
                line.space = b - a
            continue
        if kind == "run":
            # Break anywhere inside: fill the line, then whole lines of characters.
            i = a
            while i < b:
                fits = (width - line.used - line.gap()) // 2
                if fits <= 0:
                    flush()
                    line = _Line()
                    continue
                take = min(fits, b - i)
                if take > 1:
                    line.place(i, i + take - 1, 2 * (take - 1))
                line.place(i + take - 1, i + take, 2)
                i += take
            continue
        cells = cell_width(text[a:b])
        if line.start >= 0 and line.used + line.gap() + cells <= width:
            line.place(a, b, cells)
            continue
        if line.start >= 0:
            carry = (text[a] in CLOSING or text[line.end - 1] in OPENING) and (
                line.last_start > line.start
            )
            if carry:
                # Push the last atom down with this one: no line starts with a closing mark
                # (after a space) nor ends with an opening one.
                flush(line.end_before_last)
                carried, gap = (line.last_start, line.end), line.space
                line = _Line()
                line.place(*carried, cell_width(text[carried[0] : carried[1]]))
                line.space = gap
                if line.used + gap + cells <= width:
                    line.place(a, b, cells)
                    continue
            flush()
            line = _Line()
        if cells <= width:
            line.place(a, b, cells)
            continue
        # Wider than a whole line (a long URL or word): fold it by cells.
        i = a
        while i < b:
            stop = _fit(text, i, b, width)
            if stop < b:
                lines.append((i, stop))
                i = stop
            else:
                line.place(i, b, cell_width(text[i:b]))
                i = b
    if line.start >= 0:
        flush()


def break_offsets(text: str, width: int) -> list[int]:
    """Start offsets of the lines of ``text`` at ``width`` (see :func:`break_lines`)."""
    return [start for start, _ in break_lines(text, width)]
