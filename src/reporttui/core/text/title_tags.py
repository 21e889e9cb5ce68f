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

from reporttui.core.labels import PROVINCES
from reporttui.core.text.title_choice import body_share, has_kind_end, pairs
from reporttui.core.text.variants import to_simplified

# A bracketed column tag at the head (【天天热闻】, 【數觀兩會】, 【聚焦2012桃源“两会”】).
_BRACKET_TAG = re.compile(r"^\s*(?:\[[^\[\]\n]{1,4}\])?\s*【[^【】\n]{1,16}】\s*")
# A kicker set off by a vertical bar (新闻8点见丨…, 两会|…, 书记市长这一周 | …, 施政报告 │…: a
# box-drawing bar is a bar too).
_BAR_KICKER = re.compile(r"^\s*([^\s|｜丨│┃【】]{2,14})\s*[|｜丨│┃]\s*")
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
_BARS = "|｜丨│┃-－_＿"
_BARE_YEAR = re.compile(r"^(?:19|20)\d\d\s*年?(?:度)?$")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_OPEN_CLOSE = {"(": ")", "（": "）", "【": "】", "[": "]", "〔": "〕"}
# Fewer characters than this is not a headline left after a tag (the tag may be the title).
_MIN_HEADLINE = 6
# (round 15, ruling 5) A short label closed by a colon before the headline (快讯：…, 补壹刀：…).
_COLON_LABEL = re.compile(r"^\s*([\u4e00-\u9fff\dA-Za-z·]{2,8})\s*[:：]\s*")
# What a column's, a programme's or a genre's name ends with: a kind of piece, never its subject
# (两会关注, 直播回放, 独家, 快讯, 深度观察, 图解).
_GENRE_END = re.compile(
    r"(?:快讯|速递|速览|关注|回放|直播|观察|聚焦|独家|解读|视频|评论|时评|快评|短评|锐评|微评|社评"
    r"|述评|特稿|专访|访谈|热点|头条|图解|现场|连线|追踪|播报|要闻|特写|镜头|面对面|问答|一线)$"
)
# A line closing a news headline block that says who speaks (赵汝青在参加…审议时表示): a deck, no
# part of the headline; a line that is a source, a byline or a note is none either.
_SPEAKER_DECK = re.compile(
    r"(?:表示|指出|强调|说|认为|称|透露|介绍|呼吁|提出|要求|寄语|谈|直言|坦言|建议|表态|回应|讲话|致辞)$"
)
_NOT_HEADLINE_PART = re.compile(
    r"^[—\-－(（【\[<《“\"]|[。！？!?；;:：,，、/|｜丨]|记者|通讯员|来源|编辑|作者|责编|发布|\d{1,2}[:：]\d\d"
)
_MAX_SECOND_LINE = 24
# (round 16) A copy site's record label before a title: a province-level division's name alone in
# brackets ((安徽省)…, (内蒙古)…): where the site files the copy, not the document's wording.
_PROVINCE_LABEL = re.compile(
    r"^\s*[(（]\s*(?:" + "|".join(PROVINCES) + r")"
    r"(?:省|市|(?:壮族|回族|维吾尔)?自治区|特别行政区)?\s*[)）]\s*"
)
# (round 16) A note after the title saying the copy is complete ((全文), 【全文】, (附全文)): like the
# date note, no part of the title (rule 1 as re-judged in round 14). (摘要), (草案) say what the
# document is and stay.
_FULL_TEXT_NOTE = re.compile(r"\s*[(（【\[]\s*(?:附?全文|全文实录|全文发布)\s*[)）】\]]\s*$")
# (round 16) A speaker glued before a report's title (杨智同志在政协…常务委员会工作报告): the 在
# opens no place or meeting that a 上 closes before the kind word, as a speech's own title does
# (…同志在…会议上的讲话).
_GLUED_SPEAKER = re.compile(r"^\s*[\u4e00-\u9fff·]{2,5}同志在\s*")
_PLACE_CLOSED = re.compile(r"上的?|之际|期间|时的")


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
            if i == 1 and _second_headline(rest, own):
                # (round 16) The headline printed alone right below a line that glues a second
                # headline onto it (…施政报告下载及索取…小册子 / …施政报告): the body may go on
                # with the second one's words, it is still not the title's.
                return own
    return None


def _second_headline(rest: str, own: str) -> bool:
    """A second headline glued after the title without a separator: words (8+ characters, most of
    them CJK), no clause or sentence mark, restating the headline's subject (a character pair of
    it: 施政报告 in …施政报告 + 下载及索取…施政报告文本…); never the rest of a title printed
    whole over its two lines (国务院办公厅 + 关于…的复函, …关于提请审议 + 2023年…的议案): a part
    opened by 关于 or closed by …的 and a document's name, or ending in a kind word."""
    return (
        len(rest) >= 8
        and len(_CJK.findall(rest)) >= 0.6 * len(rest)
        and not re.search(r"[\s。！？!?；;：:，,、|｜丨—]", rest)
        and not has_kind_end(rest)
        and not rest.startswith("关于")
        and not re.search(r"的[\u4e00-\u9fff]{1,3}$", rest)
        and bool(pairs(rest) & pairs(own))
    )


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


def drop_colon_label(title: str, body: Body) -> str:
    """The title without a column's, programme's or genre's label closed by a colon (ruling 5:
    快讯：…, 两会关注：…, 补壹刀：…). The label is one by its form — it ends in a kind of piece
    (关注, 快讯, 回放, 独家) — or it says nothing of the subject: none of its character pairs is
    in the body. A speaker (李家超：…) or the headline's own wording (坚定信心：奋力…) is named
    by the body, and stays."""
    m = _COLON_LABEL.match(title)
    if not m:
        return title
    rest = title[m.end() :].strip()
    label = _simple(m.group(1))
    if len(rest) < 8 or len(rest) <= len(label) or len(_CJK.findall(label)) < 2:
        return title
    if _GENRE_END.search(label):
        return rest
    if len(label) <= 6 and body_share(label, _read(body)) == 0.0:
        return rest
    if f"《{label}》" in _simple(_read(body)):
        # (round 16) The body names the label as a programme or column in title marks
        # (两会知多少： over …《两会知多少》第12期…): the programme's name, not the subject.
        return rest
    return title


def drop_record_notes(title: str) -> str:
    """(round 16) The title without a copy site's province label before it ((安徽省)…) and a
    (全文) note after it, or a speaker glued before a report's title (XX同志在…工作报告)."""
    t = title.strip()
    m = _PROVINCE_LABEL.match(_simple(t))
    if m and len(_CJK.findall(t[m.end() :])) >= _MIN_HEADLINE:
        t = t[m.end() :].strip()
    m = _FULL_TEXT_NOTE.search(t)
    if m and len(t[: m.start()].strip()) >= 4:
        t = t[: m.start()].strip()
    m = _GLUED_SPEAKER.match(t)
    if m:
        rest = t[m.end() :]
        if len(rest) >= _MIN_HEADLINE and has_kind_end(rest) and not _PLACE_CLOSED.search(rest):
            t = rest
    return t


def second_headline_line(title: str, title_lines: Sequence[str], body: Body) -> str | None:
    """(round 15) The second line of a news headline printed over two lines (岑特首份施政报告 /
    今见真章; a kicker line and the main line), when the title is the first line; else None.

    Only a block of exactly two lines is read so, and the second line must read as a piece of a
    headline: short (4-24 characters), all words, no space, no sentence, clause or list mark, no
    dash or bracket opening it, no byline or source or time; and the body goes on with its words
    (half its character pairs at least: a page's widget — 图集, 版权与免责声明, 中 小 — shares
    little). A first line in two spaced phrases is a whole headline already (…拉开大幕 各地…将
    亮相), and what follows it is a deck; so is a line saying who speaks (…在参加…审议时表示,
    …讲话), which the headline quotes, or a line of spaced phrases (刘宁宣布… 蓝天立…).
    """
    if len(title_lines) != 2:
        return None
    first, second = (_simple(t) for t in title_lines)
    if not title or not first.endswith(_simple(title)) or first[-1:] in "：:—-，,、":
        return None
    if re.search(r"\s", _simple(title)) or re.search(r"\s", second):
        return None
    if not 4 <= len(second) <= _MAX_SECOND_LINE or second in first or first in second:
        return None
    if len(_CJK.findall(second)) < 0.8 * len(second):
        return None
    if _NOT_HEADLINE_PART.search(second) or _SPEAKER_DECK.search(second):
        return None
    if body_share(second, _read(body)) < 0.5:
        return None
    return second


def own_title(title: str, title_lines: Sequence[str], body: Body) -> tuple[str, str] | None:
    """The title without a column tag, a kicker or a site's tail, and the evidence; None when
    nothing is around it."""
    again = repeated_headline(title, title_lines, body)
    t = again if again is not None else title
    t = drop_column_tag(drop_site_tail(t, body))
    t = drop_record_notes(drop_colon_label(t, body))
    if t == title:
        return None
    if again is not None:
        return t, "the title line printed again below a labelled copy (rule 1)"
    return t, "title line without a column tag or a site's tail (rule 1)"


# (round 16) A copy's start glued after the title is at least this long.
_MIN_GLUED_COPY = 6


def drop_glued_copy_start(title: str) -> str:
    """(round 16) The title without the start of a second copy of it glued on (a page's title line
    run into the first half of the PDF's own title block: 平陆县2023年…统计公报 + 平陆县2023年
    国民经济和社会发展): a last part of six characters at least that is how the title begins."""
    t = title.strip()
    for n in range(len(t) // 2, _MIN_GLUED_COPY - 1, -1):
        if n < len(t) - n and t.endswith(t[:n]) and len(_CJK.findall(t[:n])) >= 4:
            # an SEO title's copy after a separator (A-A'): the separator goes with it
            return t[: len(t) - n].rstrip(" \u3000-－_＿|｜—").strip()
    return title
