"""A title line without what a site or a column puts around the headline (judging rule 1).

Round 14's settled rule: the title is the document's own title line as the content prints it; a
column tag or kicker before it (【天天热闻】…, 新闻8点见丨…, 两会|…) and a site's tail after it
(…_XX网, … - 新华网, … | 人民网) are not part of it. Three kinds of evidence, none naming a site:

- *the headline printed again*: a copy site or a database prints its record's line (a province in
  brackets, an issuing body, a site's name glued on) and then the content's own title line alone;
  the line below, found inside the first one, is the title;
- *a column tag's form*: a bracketed label (【…】) or a short kicker set off by a vertical bar before
  a longer headline;
- *a site's tail*: a short last part after a separator (` - `, `_`, ` | `) that names a site or
  channel, or shares almost none of its words with the body.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from reporttui.core.text.title_choice import body_share
from reporttui.core.text.variants import to_simplified

# A bracketed column tag at the head (【天天热闻】, 【數觀兩會】, 【聚焦2012桃源“两会”】).
_BRACKET_TAG = re.compile(r"^\s*(?:\[[^\[\]\n]{1,4}\])?\s*【[^【】\n]{1,16}】\s*")
# A kicker set off by a vertical bar (新闻8点见丨…, 两会|…, 书记市长这一周 | …).
_BAR_KICKER = re.compile(r"^\s*([^\s|｜丨【】]{2,14})\s*[|｜丨]\s*")
# A site's tail: its last part after a separator (… - 天天要闻 国际, …_XX网, … | 人民网).
_TAIL = re.compile(
    r"(?:\[(?:图|圖|视频|視頻|组图|組圖)\])?(?:\s+[-－|｜丨]\s*|\s*[_＿]\s*|\s*[|｜丨]\s+)([^|｜丨_＿\n]{2,16})$"
)
# What a site's or a channel's name ends with.
_SITE_WORD = re.compile(
    r"(?:网|網|网站|網站|频道|頻道|客户端|客戶端|资讯|資訊|要闻|要聞|新闻|新聞|在线|在線|门户|門戶"
    r"|官网|官網|首页|首頁|日报|日報|晚报|晚報|时报|時報|报社|報社|电视台|電視台|APP|app)$"
)
# A note in brackets after the title ((全文), (摘要)): the judged sets keep it; not a tail.
_BRACKET_NOTE = re.compile(r"^\s*[(（【\[]")
# What may part a tag from the headline it leads (a space, a bar, a dot, a colon).
_PARTING = " \u3000|｜丨-－_·•:："
_BARS = "|｜丨-－_＿"
_BARE_YEAR = re.compile(r"^(?:19|20)\d\d\s*年?(?:度)?$")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_OPEN_CLOSE = {"(": ")", "（": "）", "【": "】", "[": "]", "〔": "〕"}
# Fewer characters than this is not a headline left after a tag (the tag may be the title).
_MIN_HEADLINE = 6


Body = str | Callable[[], str]
"""The body without the title block, or a function making it (it is read only when needed)."""


def _read(body: Body) -> str:
    return body if isinstance(body, str) else body()


def _simple(s: str) -> str:
    return to_simplified(s.strip())


def _tag_form(part: str) -> bool:
    """A part that reads as a label on its own: bracketed whole ((河南省), (两会受权发布))."""
    p = part.strip()
    return len(p) >= 2 and _OPEN_CLOSE.get(p[0]) == p[-1] and p.count(p[0]) == 1


def repeated_headline(title: str, title_lines: Sequence[str], body: Body) -> str | None:
    """The content's own title line when the title block prints it again, alone, below a line
    that holds it with a label or a site's name around it; else None.

    (山东省人大常委会 山东省…的决议 / 山东省…的决议; (河南省)2023年…统计公报 / 2023年…统计公报;
    芙蓉区…开幕 - 天天要闻 国际 / 芙蓉区…开幕.) A prefix is dropped only when it is set off (a
    space, a bar) or bracketed whole, and is no bare year (2019年 政府工作报告 keeps its year); a
    suffix when a separator sets it off (… - 天天要闻), or when it is a second line glued on that
    the body does not go on with. A title wrapped over the lines below (关于…预算执行 / 情况和…的
    报告) is no copy: the rest of the title is the next line's start, or another line of the block.
    """
    full = _simple(title)
    lines = [_simple(t) for t in title_lines[:6]]
    for i, own in enumerate(lines[1:5], start=1):
        if len(own) < _MIN_HEADLINE or own == full or own not in full:
            continue
        at = full.find(own)
        before, after = full[:at], full[at + len(own) :]
        rest = (before or after).strip()
        if (before and after) or not rest or len(rest) > 24:
            continue
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        if (nxt and rest.startswith(nxt[:4])) or any(rest in t for t in lines[1:] if t != own):
            continue  # a wrapped or split title block
        if before:
            if _BARE_YEAR.match(rest) or len(_CJK.findall(rest)) < 2:
                continue
            if before[-1] in _PARTING or _tag_form(before):
                return own
        else:
            if _BRACKET_NOTE.match(rest):
                continue
            if after.lstrip()[0] in _BARS:
                return own
            if len(rest) >= _MIN_HEADLINE and body_share(rest, _read(body)) <= 0.3:
                return own
    return None


def drop_site_tail(title: str, body: Body) -> str:
    """The title without a site's or channel's name after a separator (… - 新华网, …_XX网)."""
    m = _TAIL.search(title)
    if not m or len(title[: m.start()].strip()) < 8:
        return title
    tail = m.group(1).strip()
    if _BRACKET_NOTE.match(tail) or len(_CJK.findall(tail)) < 2:
        return title  # a note, or no words: a number (… - 2020) is no site's name
    if _SITE_WORD.search(tail) or body_share(tail, _read(body)) <= 0.2:
        return title[: m.start()].strip()
    return title


def drop_column_tag(title: str) -> str:
    """The title without a column tag or a kicker before a longer headline (【天天热闻】…,
    新闻8点见丨…)."""
    m = _BRACKET_TAG.match(title)
    if m and len(title) - m.end() >= _MIN_HEADLINE:
        return title[m.end() :].strip()
    m = _BAR_KICKER.match(title)
    if m:
        rest = title[m.end() :].strip()
        if len(rest) >= 8 and len(rest) > len(m.group(1)):
            return rest
    return title


def own_title(title: str, title_lines: Sequence[str], body: Body) -> tuple[str, str] | None:
    """The title without a column tag, a kicker or a site's tail, and the evidence; None when
    nothing is around it."""
    again = repeated_headline(title, title_lines, body)
    t = again if again is not None else title
    t = drop_column_tag(drop_site_tail(t, body))
    if t == title:
        return None
    if again is not None:
        return t, "the title line printed again below a labelled copy (rule 1)"
    return t, "title line without a column tag or a site's tail (rule 1)"
