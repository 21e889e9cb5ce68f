"""Forum markup (BBCode) in a text file: ``[align=center][b]…[/b][/align]`` copied from a forum post.

A copy of a report taken from a forum's editor keeps the post's markup, often with the whole post
on one line. The tags are markup, not text: a block tag (align, p, quote, list, table rows…)
ends a line, an inline one (b, size, font, color…) goes, and each line's tags go to the dropped
view. Only a text with several closed tags of the language is read so: a lone ``[1]`` note mark
or a bracketed word is never a tag.
"""

from __future__ import annotations

import re
from functools import partial

from reporttui.core.model import Dropped

_BLOCK = r"align|p|quote|code|list|table|tr|td|th|center|left|right|indent|hr|br|\*"
_INLINE = r"b|i|u|s|strike|size|font|color|backcolor|url|email|sup|sub|float|hide|media"
_TAG = re.compile(rf"\[(/?)({_BLOCK}|{_INLINE}|img|attach)(?:=[^\]\n]{{0,80}})?\]", re.IGNORECASE)
_CLOSED = re.compile(rf"\[/(?:{_BLOCK}|{_INLINE}|img|attach)\]", re.IGNORECASE)
_BLOCK_NAME = re.compile(rf"^(?:{_BLOCK})$", re.IGNORECASE)
# An image or attachment tag's content is a file name or URL, not text.
_MEDIA = re.compile(r"\[(img|attach)(?:=[^\]\n]{0,80})?\]([^\[\n]{0,300})\[/\1\]", re.IGNORECASE)


def looks_like_bbcode(text: str) -> bool:
    """Several closing tags of the forum markup (one ``[/b]`` in a quoted title is not enough)."""
    return "[/" in text and len(_CLOSED.findall(text, 0, 20000)) >= 3


def strip_bbcode(text: str, dropped: list[Dropped]) -> str:
    """The text without its forum tags; block tags end lines. Removed tags go to ``dropped``."""
    out: list[str] = []
    for number, raw in enumerate(text.split("\n"), start=1):
        if "[" not in raw:
            out.append(raw)
            continue
        found: list[str] = []
        line = _TAG.sub(partial(_tag, found=found), _MEDIA.sub(partial(_media, found=found), raw))
        if found:
            dropped.append(Dropped(" ".join(found), "markup tag", number))
        out.append("\n".join(part.rstrip() for part in line.split("\n")))
    return "\n".join(out)


def _media(m: re.Match[str], found: list[str]) -> str:
    found.append(m.group(0))
    return ""


def _tag(m: re.Match[str], found: list[str]) -> str:
    found.append(m.group(0))
    if _BLOCK_NAME.match(m.group(2)) and (m.group(1) or m.group(2) in ("*", "hr", "br")):
        return "\n"
    return ""
