"""Undo what page layout did to the text: rebuild paragraphs from broken lines.

Three kinds of damage, all seen in the seeds:

* text set one character per line (a vertical newspaper title, seed 002): a run of lines of one
  or two characters is one line;
* hard-wrapped paragraphs (seed 002's body, wrapped every ~30 characters, blank lines between):
  detected per document, then lines are joined until one ends a sentence;
* a paragraph cut by a page or column break (聚 / 焦“1233”, 汾河三 / 期): a prose line that does
  not end a sentence continues on the next text line.

A line ending with 。！？；：or a closing quote after one ends its paragraph; a short line with no
sentence punctuation is a title, a heading or a caption, never the start of a join.
"""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import pairwise

from reporttui.core.model import Dropped
from reporttui.core.text.clean import Line

_TERMINAL = frozenset("。！？；：…!?;:")
_CLOSERS = frozenset("”’」』）)】》〕")
_SENTENCE_PUNCT = frozenset("。，、；：！？,;:!?")
_NUMBERED = re.compile(
    r"^(?:[一二三四五六七八九十]{1,3}[、．.]|[(（][一二三四五六七八九十]{1,3}[)）]"
    r"|\d{1,2}[、．.](?![0-9])|[(（]\d{1,2}[)）]|第[一二三四五六七八九十百]+(?:部分|章|节|篇)"
    r"|[\u4e00-\u9fff]{2,3}?[一二三四五六七八九十]{1,2}[:：](?=[^。，；！？,;]{2,16}$))"  # 关键词一：…
)
SPEAKER = re.compile(
    r"^\S{0,24}(?:总理|省长|市长|州长|县长|区长|旗长|盟长|主席|局长|主任|书记|代省长|代市长|代县长)"
    r"\s+\S{2,4}$"
)
HEADLINE = re.compile(
    r"^(?![^：:]*(?:标题|题目)[：:])[^。！？!?，,、；;：:]{2,24}[：:][^。！？!?，,、；;：:—]{4,36}(?<![：:])$"
)
"""A short line whose only punctuation is one colon inside: a news headline (交通运输部：…), not
a page's label of the title (原标题：…)."""
_BAR_HEADLINE = re.compile(r"^[\u3400-\u9fff]{2,6}\s*[|｜]\s*[^。！？!?|｜]{4,40}$")
BYLINE = re.compile(r"^(?:□|■|◎|文字\s|文/|图/|文图/|图文/|记者|本报记者|通讯员|摄影|摄\s)")
_ASCII_WORD = re.compile(r"[A-Za-z]")
_SPACED_TITLE = re.compile(r"^[\u4e00-\u9fff](?:[ \u3000]+[\u4e00-\u9fff]){3,}$")
_TITLE_ENDS = ("报告", "公报", "决议", "纲要", "规划")
_CHUNK_MARK = re.compile(r"^(\d{1,3})、")
_INLINE_PAGE = re.compile(r"(?<=[\u4e00-\u9fff]) (\d{1,3}) (?=[\u4e00-\u9fff])")
_PAGE_NUMBER_TAIL = re.compile(r"(?<=[\u4e00-\u9fff])[ \u3000]*(\d{1,3})$")
# What follows a number that counts something (22个, 3项, 5万, 10亿元, 2年, 3倍…).
COUNTED = _COUNTED = frozenset(
    "个项名人万亿千百十元角年月日时分秒次届家所座条户件台辆吨亩米里克斤升度倍级期批处位种类只头套张份篇部本"
    "笔栋幢间床辆架艘列趟场轮季周天岁号层集册卷版章节款多余来以强"
)


def ends_sentence(text: str) -> bool:
    """True when ``text`` ends a sentence (so a paragraph may end there)."""
    if not text:
        return True
    i = len(text) - 1
    while i > 0 and text[i] in _CLOSERS:
        i -= 1
    if text[i] in _TERMINAL:
        return True
    if text[-1] in ")）":
        # "……工作目标。（牵头单位：市住建局）": a note in brackets after a finished sentence.
        k = max(text.rfind("（"), text.rfind("("))
        if k > 0 and text[k - 1] in _TERMINAL:
            return True
    # A closing quote or bracket after a full title (《...》, “...”) at line end is not an end.
    return False


def is_prose(text: str) -> bool:
    """Has sentence punctuation, or is too long to be a title."""
    return len(text) > 60 or any(ch in _SENTENCE_PUNCT for ch in text)


def standalone(line: Line) -> bool:
    """A line that is a unit of its own: markdown heading, bold line, table row, subtitle..."""
    t = line.text
    if line.md_level or line.bold or line.cells or line.hard_break or line.html_block:
        return True
    if is_subtitle(t):
        return True
    if SPEAKER.match(t):
        return True
    return bool(_NUMBERED.match(t) and len(t) <= 40 and not _has_inner_stop(t))


def is_subtitle(t: str) -> bool:
    """ "——2025年2月25日在……会议上": the line under a report's title."""
    return t.startswith(("——", "--", "──", "—", "─")) and len(t) <= 80


def _has_inner_stop(t: str) -> bool:
    return any(ch in "。！？" for i, ch in enumerate(t[:-1]))


def join_vertical_runs(lines: list[Line], dropped: list[Dropped]) -> list[Line]:
    """Merge runs of one-or-two-character lines (vertical typesetting) into one line each."""
    out: list[Line] = []
    i = 0
    n = len(lines)
    while i < n:
        j = i
        while j < n and len(lines[j].text) <= 2 and not lines[j].md_level and not lines[j].cells:
            j += 1
        if j - i >= 4:
            out.extend(_merge_run(lines[i:j], dropped))
            i = j
        else:
            out.append(lines[i])
            i += 1
    return out


def _merge_run(run: list[Line], dropped: list[Dropped]) -> list[Line]:
    """One run: a title part (joined without spaces) and maybe a byline part (dropped)."""
    cut = len(run)
    for k, ln in enumerate(run):
        if BYLINE.match(ln.text):
            cut = k
            break
    merged: list[Line] = []
    title_part, byline_part = run[:cut], run[cut:]
    if title_part:
        text = "".join(ln.text for ln in title_part)
        first = title_part[0]
        merged.append(replace(first, text=text, bold=True, blank_after=title_part[-1].blank_after))
    if byline_part:
        groups: list[str] = []
        for ln in byline_part:
            if ln.blank_before and groups:
                groups.append(" ")
            groups.append(ln.text)
        dropped.append(Dropped("".join(groups).strip(), "byline", byline_part[0].line))
        if merged:
            merged[-1].blank_after = byline_part[-1].blank_after
    return merged


def is_hard_wrapped(lines: list[Line]) -> bool:
    """Most body lines stop mid-sentence: the document was wrapped at a fixed width."""
    body = [
        ln
        for ln in lines
        if len(ln.text) >= 8
        and is_prose(ln.text)
        and not standalone(ln)
        and not _NUMBERED.match(ln.text)
    ]
    if len(body) < 6:
        return False
    open_ends = sum(1 for ln in body if not ends_sentence(ln.text))
    return open_ends >= 0.45 * len(body)


def rejoin(
    lines: list[Line], dropped: list[Dropped], blocks: bool = False
) -> tuple[list[Line], bool]:
    """Join broken lines into paragraphs; returns the lines and whether the text was hard-wrapped.

    ``blocks``: the text comes from a web page's blocks (a blank line between two of them), so
    unless the page's text is hard-wrapped a blank line ends a paragraph: a table caption or a
    unit line (表9 …人数 / 单位：万人) is not the start of the heading and paragraph after it.
    """
    lines = join_vertical_runs(lines, dropped)
    lines = _drop_page_numbers(lines, dropped)
    lines = _drop_chunk_numbers(lines, dropped)
    lines = _drop_glued_pages(lines, dropped)
    wrapped = is_hard_wrapped(lines)
    out: list[Line] = []
    for ln in lines:
        if len(out) == 1 and ln.blank_before and _BAR_HEADLINE.match(out[0].text):
            out.append(ln)  # (held11) a column tag and a bar before the headline (两会|…), a gap
            continue
        if len(out) == 1 and ln.blank_before and HEADLINE.match(out[0].text):
            out.append(ln)  # a headline with a colon (报告显示：…) opening the text, a blank after
            continue
        if (
            len(out) == 1
            and not wrapped
            and is_prose(out[0].text)
            and len(ln.text) > 60
            and _HEADLINE_MARK.search(out[0].text)
            and _opening_headline(out[0].text)
        ):
            out.append(ln)  # a headline with a ！ inside (…陆续报到！金平进入“两会”) over the text
            continue
        if blocks and not wrapped and out and out[-1].blank_after:
            out.append(ln)
        elif out and _continues(out[-1], ln, wrapped):
            prev = out[-1]
            sep = " " if _ASCII_WORD.match(prev.text[-1]) and _ASCII_WORD.match(ln.text[0]) else ""
            out[-1] = replace(
                prev,
                text=prev.text + sep + ln.text,
                blank_after=ln.blank_after,
                hard_break=ln.hard_break,
                link_only=ln.link_only,
            )
        else:
            out.append(ln)
    return out, wrapped


def _drop_page_numbers(lines: list[Line], dropped: list[Dropped]) -> list[Line]:
    """A printed page's number left inside the sentence it cut (增 1 / 长371.1%): a prose line
    ending in a number, the next line going on with a character that no count takes (组织 22 /
    个工作组 is a quantity), the numbers of a document rising page by page (1, 2, 3…). Not in a
    text whose conversion cut numbers from their words at line ends all through (有 56 / 万人口,
    实行 110 / 社会联动): there a number at a line's end is the text's own. They go to d."""
    found: list[tuple[int, re.Match[str]]] = []
    counted = 0
    for i in range(len(lines) - 1):
        t, nxt = lines[i].text, lines[i + 1].text
        if not t or not t[-1].isdigit() or not nxt or not is_prose(t):
            continue
        m = _PAGE_NUMBER_TAIL.search(t)
        if m and "\u4e00" <= nxt[0] <= "\u9fff":
            if nxt[0] in _COUNTED:
                counted += 1
            else:
                found.append((i, m))
    if not found or counted >= 2:
        # Numbers cut from the words they count all through the text (有 56 / 万人口…): the
        # conversion set numbers at line ends; one followed by another word is its own too.
        return lines
    pages = [int(m.group(1)) for _, m in found]
    if any(not 1 <= b - a <= 3 for a, b in pairwise(pages)):
        return lines
    out = list(lines)
    for i, m in found:
        dropped.append(Dropped(m.group(1), "page number", lines[i].line))
        out[i] = replace(lines[i], text=lines[i].text[: m.start()])
    return out


def _drop_chunk_numbers(lines: list[Line], dropped: list[Dropped]) -> list[Line]:
    """A document-sharing site prints a file page by page, each page's text one line opened by its
    number (1、… / 2、算折合美元…): numbers 1, 2, 3… in order at line starts, every one after the
    first cutting a sentence the line before left open. They go to d, and so does a page's
    number left inside a line between two words (中国蔬菜 1 之乡, a number no count takes)."""
    marks = [
        (i, m)
        for i, ln in enumerate(lines)
        if ln.text[:1].isdigit() and (m := _CHUNK_MARK.match(ln.text))
    ]
    if len(marks) < 2 or [int(m.group(1)) for _, m in marks] != list(range(1, len(marks) + 1)):
        return lines
    if any(
        i == 0 or ends_sentence(lines[i - 1].text) or not is_prose(lines[i - 1].text)
        for i, _ in marks[1:]
    ):
        return lines
    out = list(lines)
    for i, m in marks:
        dropped.append(Dropped(m.group(0).strip(), "page number", lines[i].line))
        out[i] = replace(lines[i], text=lines[i].text[m.end() :])
    top = len(marks)
    for i, ln in enumerate(out):
        if " " not in ln.text:
            continue
        found = [
            m
            for m in _INLINE_PAGE.finditer(ln.text)
            if int(m.group(1)) <= top and ln.text[m.end()] not in _COUNTED
        ]
        if found:
            dropped.extend(Dropped(m.group(1), "page number", ln.line) for m in found)
            text = ln.text
            for m in reversed(found):
                text = text[: m.start()] + text[m.end() :]
            out[i] = replace(ln, text=text)
    return out


_GLUED_FIRST = re.compile(r"^1(?=[\u4e00-\u9fff])")
_GLUED_PAGE = re.compile(r"(?<=[，,；;。])(\d{1,3})(?=[\u4e00-\u9fff])")


def _drop_glued_pages(lines: list[Line], dropped: list[Dropped]) -> list[Line]:
    """(round 13) A document farm's copy run together with its page numbers glued to the words:
    the text opened by a 1 on the title (1政府工作报告…), then 2, 3… each glued after a comma or
    a stop to a word no count takes (…406.5亿元,2实际利用外资…). Only when every bare number
    of that shape in the text is the next page's, in order; they go to d."""
    if not lines or not (m0 := _GLUED_FIRST.match(lines[0].text)):
        return lines
    if lines[0].text[1] in _COUNTED:
        return lines
    found = [
        (i, m)
        for i, ln in enumerate(lines)
        for m in _GLUED_PAGE.finditer(ln.text)
        if ln.text[m.end()] not in _COUNTED
    ]
    if not found or [int(m.group(1)) for _, m in found] != list(range(2, len(found) + 2)):
        return lines
    out = list(lines)
    dropped.append(Dropped(m0.group(0), "page number", lines[0].line))
    out[0] = replace(lines[0], text=lines[0].text[m0.end() :])
    for i, m in reversed(found):
        shift = 1 if i == 0 else 0
        text = out[i].text
        start, end = m.start() - shift, m.end() - shift
        dropped.append(Dropped(m.group(1), "page number", lines[i].line))
        out[i] = replace(out[i], text=text[:start] + text[end:])
    return out


_HEADLINE_MARK = re.compile(r"[！!？?]")


def _opening_headline(t: str) -> bool:
    """A short first line with a ！ or ？ inside and no comma, not ending a sentence: a headline."""
    return len(t) <= 40 and t[-1] not in "。！？!?，,；;：:、" and "，" not in t and "," not in t


def _continues(prev: Line, nxt: Line, wrapped: bool) -> bool:
    """Does ``nxt`` continue the paragraph ending in ``prev``?"""
    if (
        (nxt.link_only or prev.link_only)
        and not ends_sentence(prev.text)
        and not standalone(replace(prev, link_only=False))
    ):
        # A wiki link set on its own line inside a sentence (…贯彻[党的二十大](…)\n精神…).
        return not nxt.md_level and not nxt.cells
    if standalone(prev) or standalone(nxt) or ends_sentence(prev.text):
        return False
    if BYLINE.match(nxt.text):
        return False
    if (" " in prev.text and _SPACED_TITLE.match(prev.text)) or (
        " " in nxt.text and _SPACED_TITLE.match(nxt.text)
    ):
        return False  # a title spaced out for print (政 府 工 作 报 告) is a line of its own
    if wrapped:
        return True
    if len(prev.text) <= 40 and prev.text.rstrip("》”").endswith(_TITLE_ENDS):
        return False  # a title line (乡镇人大会,政府工作报告) ends its paragraph, comma or not
    return is_prose(prev.text)
