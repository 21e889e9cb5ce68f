"""A text run into one line: paragraphs parted by a space, the title run into the first one.

Copy sites and forum posts often lose a text's line breaks and leave one space where each
paragraph ended (…回升向好。 一、綜合 初步核算，…), the title run into the first paragraph
(2023年宜章縣…統計公報 2023年，宜章縣…). Only such a line is split, and only at the spaces: a
space after a sentence end before the next sentence, after a title ending in its genre before
prose, and after a short numbered heading; a first line's title run into its salutation with no
space (…政府工作报告各位代表：) is split before the salutation. Nothing but line breaks change,
so nothing is lost.
"""

from __future__ import annotations

import re

# A sentence end, a space, then the next paragraph's first character.
_PARAGRAPH_GAP = re.compile(
    r"(?<=[。！？!?；;”」』])[ \t\u3000]+(?=[\u3400-\u9fff\d“「（(一二三四五六七八九十])"
)
# A title ending in its genre, unpunctuated, before a space and prose.
_TITLE_GAP = re.compile(
    r"^([^\s。，！？,!?；;：:]{4,60}?(?:公报|公報|报告|報告|决议|決議|纲要|綱要|讲话|講話))[ \t\u3000]+(?=\S)"
)
# A short numbered heading (一、綜合) before a space and its first sentence.
_HEADING_GAP = re.compile(
    r"(?m)^([一二三四五六七八九十]{1,3}[、.．][^\s。，,！？]{1,12})[ \t\u3000]+(?=\S)"
)
# (held19) A title (and its bracketed note) run into the salutation with no space at all:
# …的政府工作报告(2022年政府工作报告)各位代表：现在，…
_SALUTED_TITLE = re.compile(
    r"^([^\s。，！？,!?；;：:]{4,80}?(?:报告|報告|讲话|講話|致辞|致辭|贺词|賀詞)"
    r"(?:[(（][^()（）\n]{1,30}[)）])?)(?=(?:各位代表|各位领导|各位領導|各位委员|各位委員|尊敬的|同志们|同志們)[^\n]{0,24}?[:：!！,，])"
)
_LONG = 400
_PROSE = 100


def is_run_on(line: str) -> bool:
    """A long line holding several paragraphs parted by spaces."""
    return len(line) >= _LONG and len(_PARAGRAPH_GAP.findall(line)) >= 3


def _few_lines(text: str) -> bool:
    """A text of a handful of lines for its length: its line breaks were lost (a paragraph of a
    well-kept file that parts its sentences by spaces stays one paragraph)."""
    lines = sum(1 for ln in text.split("\n") if ln.strip())
    return (lines <= 12 and len(text) >= _LONG * 2) or lines <= 3


def split_run_on(text: str) -> str:
    """``text`` with each run-on line split into its paragraphs (see the module docstring)."""
    first, nl, rest = text.partition("\n")
    saluted = _SALUTED_TITLE.match(first)
    if saluted and len(first) - saluted.end() >= _PROSE and not rest.strip():
        # One line in all: the title's end before the salutation is a line end.
        text = first[: saluted.end()] + "\n" + first[saluted.end() :] + nl + rest
    if len(text) < _LONG or not _few_lines(text):
        return text
    out: list[str] = []
    changed = False
    for line in text.split("\n"):
        if not out and len(line) >= _LONG and _SALUTED_TITLE.match(line):
            line = _SALUTED_TITLE.sub(r"\1\n", line, count=1)
            changed = True
        if is_run_on(line):
            line = _TITLE_GAP.sub(r"\1\n", line)
            line = _PARAGRAPH_GAP.sub("\n", line)
            line = _HEADING_GAP.sub(r"\1\n", line)
            changed = True
        out.append(line)
    return "\n".join(out) if changed else text
