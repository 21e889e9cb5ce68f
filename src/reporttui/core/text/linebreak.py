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

_TOKEN = rf"[{_WORD}]+(?:[.,:'’\-/&+~～–．][{_WORD}]+)*"
"""A Latin word or a number, inner marks included: 2,516 / 22.0 / 1-10 / 5G / COVID-19 / a URL."""
_UNIT_TAIL = rf"(?:(?<=[0-9０-９])[{_MAGNITUDE}]*[{_UNIT}])?"
"""After a number, its magnitude and unit: 22.0% / 107.48亿元 / 2025年 / 3个."""
_CORE = rf"(?:{_TOKEN}{_UNIT_TAIL}|[^\s])"

_ATOM = re.compile(
    # A run of Chinese characters, each free to break after: none is followed by a closing mark
    # (the last one before a mark belongs to the next, glued atom).
    rf"(?P<run>(?:[{_CJK}](?![{_CLOSE}]))+)"
    # Spaces: a break opportunity, invisible at a line's edge.
    r"|(?P<space>\s+)"
    # Anything else: opening marks, one unit (a number, a word, a character), closing marks.
    rf"|(?P<glued>[{_OPEN}]*{_CORE}[{_CLOSE}]*|[{_OPEN}]+)"
)


def _measure(char: str) -> int:
    if char < "\u0300":
        return 1 if char >= " " or char == "\t" else 0
    if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


class _Widths(dict[str, int]):
    """Cells of every character seen so far (measured once: ``sum(map(...))`` runs in C)."""

    def __missing__(self, char: str) -> int:
        width = self[char] = _measure(char)
        return width


_WIDTHS = _Widths()


def char_width(char: str) -> int:
    """Terminal cells of one character (2 wide, 0 combining or format, else 1)."""
    return _WIDTHS[char]


def cell_width(text: str) -> int:
    """Terminal cells of ``text``."""
    if text.isascii() and text.isprintable():
        return len(text)
    return sum(map(_WIDTHS.__getitem__, text))


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


def _break_piece(text: str, start: int, end: int, width: int, lines: list[tuple[int, int]]) -> None:
    """Greedy fill of one newline-free piece; appends ``(start, end)`` spans to ``lines``.

    The line being filled is kept in locals (this loop is the reader's layout cost): ``ls``/``le``
    its span (``ls == -1``: empty), ``used`` its cells, ``space`` the cells of spaces after its
    last atom (shown only if more follows), ``last`` where its last atom starts and ``ebl`` where
    the line ends without it (for pushing that atom down with a closing mark).
    """
    ls, le, used, space, last, ebl = -1, start, 0, 0, -1, start
    closing, opening = CLOSING, OPENING
    for match in _ATOM.finditer(text, start, end):
        kind = match.lastgroup
        a, b = match.span()
        if kind == "space":
            if ls >= 0:
                space = b - a if text[a] == " " else cell_width(text[a:b])
            continue
        if kind == "run":
            # Break anywhere inside: fill the line, then whole lines of characters.
            i = a
            while i < b:
                gap = space if ls >= 0 else 0
                fits = (width - used - gap) // 2
                if fits <= 0:
                    lines.append((ls, le))
                    ls, used, space = -1, 0, 0
                    continue
                j = i + min(fits, b - i)
                if ls < 0:
                    ls, used, ebl = i, 2 * (j - i), (j - 1 if j - i > 1 else i)
                else:
                    used += gap + 2 * (j - i)
                    ebl = j - 1 if j - i > 1 else le
                last, le, space, i = j - 1, j, 0, j
            continue
        cells = cell_width(text[a:b])
        if ls >= 0:
            if used + space + cells <= width:
                used += space + cells
                ebl, last, le, space = le, a, b, 0
                continue
            if (text[a] in closing or text[le - 1] in opening) and last > ls:
                # Push the last atom down with this one: no line starts with a closing mark
                # (after a space) nor ends with an opening one.
                lines.append((ls, ebl))
                gap = space
                ls, used, ebl, space = last, cell_width(text[last:le]), last, 0
                if used + gap + cells <= width:
                    used += gap + cells
                    ebl, last, le = le, a, b
                    continue
            lines.append((ls, le))
            ls, used, space = -1, 0, 0
        if cells <= width:
            ls, le, used, ebl, last, space = a, b, cells, a, a, 0
            continue
        # Wider than a whole line (a long URL or word): fold it by cells.
        i = a
        while i < b:
            stop = _fit(text, i, b, width)
            if stop < b:
                lines.append((i, stop))
                i = stop
            else:
                ls, le, used, ebl, last, space = i, b, cell_width(text[i:b]), i, i, 0
                i = b
    if ls >= 0:
        lines.append((ls, le))


def break_offsets(text: str, width: int) -> list[int]:
    """Start offsets of the lines of ``text`` at ``width`` (see :func:`break_lines`)."""
    return [start for start, _ in break_lines(text, width)]
