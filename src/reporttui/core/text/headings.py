"""Which lines are headings: numbering styles, markdown, title lines, inline headings.

A line numbered 一、 / （一） / 1. / （1） / 第一章 is a heading when it is short, or an inline
heading (title = its first sentence, the rest a paragraph) when a sentence follows; a short line
without sentence punctuation is a title line. The lines before the first body paragraph
(title, subtitle "——…会议上", speaker) are the title block, never headings.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from reporttui.core.text.clean import Line
from reporttui.core.text.rejoin import HEADLINE, SPEAKER, ends_sentence, is_prose, is_subtitle
from reporttui.core.text.variants import to_simplified

_CN_DIGITS = {
    "零": 0,
    "一": 1,
    "二": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}

_STYLES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("chap", re.compile(r"^第([一二三四五六七八九十百零]+)(部分|章|节|篇)[ ]*")),
    ("cn", re.compile(r"^([一二三四五六七八九十]{1,3})[、．.][ ]*")),
    ("pcn", re.compile(r"^[(（]([一二三四五六七八九十]{1,3})[)）][ ]*")),
    ("num", re.compile(r"^(\d{1,2})[、．.](?![0-9])[ ]*")),
    ("pnum", re.compile(r"^[(（](\d{1,2})[)）][ ]*")),
    ("circ", re.compile(r"^([①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳])[ ]*")),
    # (round 9, pages16) a label numbered by an ordinal and a colon: 关键词一：… 看点二：…
    # A short heading only (关键词一：经济发展), never a glossary's 五险合一：指… definition.
    (
        "lbl",
        re.compile(
            r"^(?:[\u4e00-\u9fff]{2,3}?)([一二三四五六七八九十]{1,2})[:：][ ]*(?=[^。，；！？,;]{2,16}$)"
        ),
    ),
)
_STOPS = "。！？!?"
_CLOSERS = "”’」』）)"
# A title naming a document is whole: the line under it (某某市统计局) is not more of it.
# (round 9) Traditional forms too: a copy's title keeps its script (…統計公報 over 蚌埠市統計局).
_DOCUMENT_TITLE = re.compile(
    r"(?:公报|公報|报告|報告|决议|決議|决定|決定|通知|意见|意見|办法|辦法|规则|規則|条例|條例|纲要|綱要)$"
)
_CONTENTS = re.compile(r"^目\s*录$")  # a contents label, never part of the title above it
_BRACKET_NOTE = re.compile(r"^\s*[(（][^()（）]*[)）]\s*$")
_NOT_TITLE = re.compile(r"^(?:各位代表|同志们|代表们|谢谢)|^[(（]?\d{4}年\d{1,2}月\d{1,2}日[)）]?$")
# After a document's text: its signature (issuer, then the date, 一九九六年二月五日 as often as
# 1996年2月5日) and a note in brackets (（此件公开发布）, （本文有删减）). Not headings there.
_SIGNATURE_NOTE = re.compile(r"^[(（](?:此件|本件|本文)[^()（）]{1,10}[)）]$")
# A section line numbered 01…12 glued to its title (01综合, 11文化旅游、卫生健康与体育: the
# provinces' statistical bulletins); not a count or a date (10月…, 20亿元…, 12个…).
_GLUED_NUMBER = re.compile(
    r"^\d{2}(?![年月日时号亿万千百个家元度倍届次期项人所条])[\u4e00-\u9fff][^。！？!?；;，,：:]{0,28}$"
)
# A table's or figure's caption (表9 2022年各类学校招生…, 图3 …): it names what follows, it does not
# open a section.
_CAPTION = re.compile(r"^(?:附表|表|图)\s*\d{1,2}(?:[-－.．]\d{1,2})?(?:[ \u3000]|(?=\d{4}年))")
_DATE_ONLY = re.compile(
    r"^[(（]?(?:\d{4}|[〇○零一二三四五六七八九]{4})年[\d一二三四五六七八九十]{1,2}月[\d一二三四五六七八九十]{1,3}日[)）]?$"
)


@dataclass(slots=True)
class Item:
    """A heading or a paragraph, in document order."""

    is_heading: bool
    text: str
    style: str = ""
    kind: str = "paragraph"
    ordinal: int = 0
    line: Line | None = None


def cn_number(s: str) -> int:
    """一 -> 1, 十二 -> 12, 二十 -> 20, 一百零五 -> 105 (enough for headings)."""
    if s.isdigit():
        return int(s)
    total, current = 0, 0
    for ch in s:
        if ch in _CN_DIGITS:
            current = _CN_DIGITS[ch]
        elif ch == "十":
            total += (current or 1) * 10
            current = 0
        elif ch == "百":
            total += (current or 1) * 100
            current = 0
    return total + current


def numbered(text: str) -> tuple[str, int, re.Match[str]] | None:
    """The numbering style, ordinal and match of a numbered line, or None."""
    for style, rx in _STYLES:
        m = rx.match(text)
        if m:
            if style == "chap":
                style = "chap-" + m.group(2)
            value = m.group(1)
            ordinal = (
                "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳".find(value) + 1 if style == "circ" else cn_number(value)
            )
            return style, ordinal, m
    return None


def first_stop(text: str, start: int) -> int:
    """Index just past the first sentence end at or after ``start`` (closers included), or -1."""
    for i in range(start, len(text)):
        if text[i] in _STOPS:
            j = i + 1
            while j < len(text) and text[j] in _CLOSERS:
                j += 1
            return j
    return -1


def classify(lines: list[Line]) -> list[Item]:
    """Turn joined lines into heading and paragraph items."""
    items: list[Item] = []
    body_started, seen = False, 0
    for k, ln in enumerate(lines):
        t = ln.text
        if k == 0 and ln.blank_after and HEADLINE.match(t):
            # A news headline with a colon (交通运输部：着力打造…) opening the text is its title.
            items.append(Item(True, t, "title", "title-line", 0, ln))
            continue
        if ln.md_level:
            items.append(Item(True, t, f"md{ln.md_level}", "markdown", 0, ln))
            continue
        if ln.cells:
            items.append(Item(False, t, line=ln))
            continue
        num = numbered(t)
        if num is not None:
            style, ordinal, m = num
            body = t[m.end() :]
            stop = first_stop(t, m.end())
            if stop != -1 and _BRACKET_NOTE.match(t[stop:]):
                stop = len(t)  # "…工作目标。（牵头单位：市住建局）" is one unit
            if stop != -1 and stop >= len(t) and style in ("num", "pnum", "circ"):
                # A list item that is a sentence (maybe a heading: see _sentence_headings).
                items.append(Item(False, t, style, "sentence-item", ordinal, ln))
                continue
            if body and (stop == -1 or stop >= len(t)):
                if len(t) <= 60 and t[-1] not in "；，、;,：:":
                    items.append(Item(True, t, style, "numbered", ordinal, ln))
                    continue
            elif body and stop - 0 <= 60 and t[stop:].strip():
                items.append(Item(True, t[:stop], style, "inline", ordinal, ln))
                items.append(Item(False, t[stop:].strip(), line=ln))
                continue
            items.append(Item(False, t, line=ln))
            continue
        if not body_started:  # once a paragraph has come, it has (checked once per item)
            body_started = any(not it.is_heading for it in items[seen:])
            seen = len(items)
        signature = body_started and (
            _signs(lines, k) or _DATE_ONLY.match(t) is not None or _SIGNATURE_NOTE.match(t)
        )
        if _title_like(ln) and not signature and not _CAPTION.match(t):
            items.append(Item(True, t, "title", "title-line", 0, ln))
            continue
        items.append(Item(False, t, line=ln))
    return _merge_title_pairs(_sentence_headings(items))


def _sentence_headings(items: list[Item]) -> list[Item]:
    """ "1.加快重点领域改革。" on its own line, each item of its run followed by its own
    paragraphs, is a heading; items following one another (1.… 2.… 3.…) stay a list."""
    runs: list[list[int]] = []
    for i, it in enumerate(items):
        if it.kind != "sentence-item" or len(it.text) > 30:
            continue
        last = runs[-1][-1] if runs else -1
        if (
            runs
            and items[last].style == it.style
            and it.ordinal == items[last].ordinal + 1
            and all(not x.is_heading and x.kind == "paragraph" for x in items[last + 1 : i])
        ):
            runs[-1].append(i)
        elif it.ordinal == 1:
            runs.append([i])
    for run in runs:
        if len(run) < 2:
            continue
        if all(
            k + 1 < len(items)
            and items[k + 1].kind == "paragraph"
            and not items[k + 1].is_heading
            and len(items[k + 1].text) >= 30
            for k in run
        ):
            for k in run:
                it = items[k]
                items[k] = Item(True, it.text, it.style, "numbered", it.ordinal, it.line)
    return items


def _signs(lines: list[Line], k: int) -> bool:
    """Line ``k`` is the issuer of a signature block: a date line follows it (国务院办公厅 /
    一九九六年二月五日 after a document's last paragraph; the caller checks that the text has
    begun)."""
    return k + 1 < len(lines) and _DATE_ONLY.match(lines[k + 1].text) is not None


def _title_like(ln: Line) -> bool:
    t = ln.text
    if _NOT_TITLE.match(t) or SPEAKER.match(t) or is_subtitle(t):
        return False
    if ln.hard_break or ln.bold:
        # A bold label ending in a colon (英国《泰晤士报》：) heads what follows on a web page.
        return len(t) <= 40 and (not ends_sentence(t) or (ln.bold and t[-1] in "：:"))
    return (
        len(t) <= 30 and (not is_prose(t) or _GLUED_NUMBER.match(t) is not None) and not t.isascii()
    )


def _merge_title_pairs(items: list[Item]) -> list[Item]:
    """Two title lines with no blank line between them are one heading (seed 001's kicker)."""
    out: list[Item] = []
    for it in items:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.kind == "title-line"
            and it.kind == "title-line"
            and it.line is not None
            and it.line.blank_before == 0
            and not (it.line.bold or prev.line is None or prev.line.bold)
            and not _CONTENTS.match(it.text)
            and not _DOCUMENT_TITLE.search(prev.text)
        ):
            out[-1] = Item(True, prev.text + " " + it.text, "title", "title-line", 0, prev.line)
        else:
            out.append(it)
    return out


# An opening line that is a document's title though it reads as prose: a long title ending in its
# document's name (关于…预算草案的报告, …解读文章《关于…的报告》) or a short headline with a ！ or
# a ： inside (政协委员怀揣良策陆续报到！金平进入“两会”); never a line ending a sentence.
_TITLE_END = re.compile(r"(?:报告|公报|决议|讲话|纲要|草案)[》”」]?$")


def opening_title(t: str) -> bool:
    """``t`` opening a text reads as a title line though it has a ！ or ： inside or is long."""
    if len(t) > 120 or t[-1] in "。！？!?，,；;：:" or "，" in t or "," in t:
        return False
    return bool(_TITLE_END.search(to_simplified(t))) or len(t) <= 40


def _opening_title(items: list[Item]) -> bool:
    """The first item is a title line in spite of its length or punctuation (see _TITLE_END)."""
    if len(items) < 2:
        return False
    t = items[0].text
    if _EXCLAIMED_HEADLINE.match(t) and not _ADDRESS.search(t):
        # (held11) A news headline ending in ！ (…第二次会议开幕！) over a lead broken into short
        # lines: the title, not a sentence.
        return True
    if len(t) > 120 or t[-1] in "。！？!?，,；;：:" or "，" in t or "," in t:
        return False
    if not (_TITLE_END.search(to_simplified(t)) or len(t) <= 40):
        return False
    return items[1].is_heading or (is_prose(items[1].text) and len(items[1].text) > len(t))


_EXCLAIMED_HEADLINE = re.compile(r"^[^。！？!?，,；;：:、“”\s]{8,40}[！!]$")
_ADDRESS = re.compile(r"同志们|代表们|朋友们|各位|大家")
# A line of the document's own title block: its title (…统计公报) or its number (国办发〔2018〕124号).
_OWN_TITLE_LINE = re.compile(
    r"(?:报告|公报|决议|讲话|纲要|草案|通知|意见|决定|办法|规定|条例)[》”」]?$|〔\s*(?:19|20)\d\d\s*〕\s*\d{1,4}\s*号$"
)


def split_title_block(items: list[Item]) -> tuple[list[Item], list[Item]]:
    """The leading lines before the first body paragraph or numbered heading: title, subtitle..."""
    end = len(items)
    opening_title = _opening_title(items)
    for i, it in enumerate(items):
        if i == 0 and opening_title and not it.is_heading:
            continue
        if it.is_heading and it.kind in ("numbered", "inline"):
            end = i
            break
        if it.is_heading and it.kind == "markdown" and it.style != "md1":
            end = i
            break
        if (
            not it.is_heading
            and is_prose(it.text)
            and not is_subtitle(it.text)
            and not (it.line is not None and SPEAKER.match(it.text))
        ):
            end = i
            break
    block, rest = items[:end], items[end:]
    if block and block[0].kind == "markdown" and block[0].style == "md1":
        # (pages8) A page's title line, then a sub-heading set like the body's own (the same
        # kind and style as two or more headings after it) heading a paragraph: the body's first
        # section, not a subtitle (a subtitle is dash-led or set apart from the body's headings).
        styles = Counter((it.kind, it.style) for it in rest if it.is_heading)
        for j in range(1, len(block)):
            it = block[j]
            if (
                it.is_heading
                and styles[(it.kind, it.style)] >= 2
                and not _OWN_TITLE_LINE.search(to_simplified(it.text))
                and it.text.strip("*# ") != block[0].text.strip("*# ")
                and not is_subtitle(it.text)
                and not SPEAKER.match(it.text)
                and j + 1 < len(items)
                and not items[j + 1].is_heading
                and is_prose(items[j + 1].text)
            ):
                block, rest = items[:j], items[j:]
                break
    later_titles = any(it.kind == "title-line" for it in rest)
    # A document structured by title lines: the last title line of a long block heads the intro.
    if (
        later_titles
        and len(block) >= 3
        and block[-1].kind == "title-line"
        and rest
        and not rest[0].is_heading
        and not _NOT_TITLE.match(rest[0].text)
    ):
        return block[:-1], block[-1:] + rest
    return block, rest


# (round 16) A speaker's line: an office, then a name of two to twelve characters (a name in
# transliteration: 雪克来提·扎克尔).
_BOLD_SPEAKER = re.compile(
    r"^\S{0,24}(?:省长|市长|州长|县长|区长|旗长|盟长|主席|书记|主任)\s+[\u4e00-\u9fff·]{2,12}$"
)


def _plain_title(it: Item) -> bool:
    t = it.text
    return not (is_subtitle(t) or SPEAKER.match(t) or _BOLD_SPEAKER.match(t) or _NOT_TITLE.match(t))


def choose_title(block: list[Item]) -> str:
    for it in block:
        if it.kind == "markdown":
            return it.text
    for k, it in enumerate(block):
        if it.line is not None and it.line.bold and not is_subtitle(it.text):
            if SPEAKER.match(it.text) or _BOLD_SPEAKER.match(it.text):
                # (round 16) A speaker's line set bold (**自治区主席 XXX**) under a title line the
                # markup left plain (- **政府工作报告**, a list item): the title line above it.
                above = next((b.text for b in block[:k] if _plain_title(b)), None)
                if above:
                    return above
            return it.text
    for it in block:
        t = it.text
        if is_subtitle(t) or SPEAKER.match(t) or _NOT_TITLE.match(t):
            continue
        return t
    return ""
