"""Scraper and page debris, found by how it sits in the document rather than by a list of strings.

Classes (each removed piece goes to ``Document.dropped`` with its reason, so nothing is lost):

* a tail repeated at the end of many lines (``22M``, ``jgo``, ``_M_M_``, a vendor watermark after
  the sentence end): the same short fragment after the last sentence end on five lines or more;
* marker runs standing for punctuation: ``;;十三五;;`` is a quotation (restored as “十三五”),
  ``;;;;`` between words a dash (restored as ——);
* field lines of page chrome near the start or end: ``label: value`` fields with an empty value
  or several fields on one short line without sentence punctuation (访问次数: / 作者:佚名 时间:…);
* a run of three or more short unpunctuated lines closing the document (支持 反对 收藏 分享,
  comment and login links), and toolbar lines of two-character words (下载 全屏);
* lines with no Chinese character that are a URL, a data URI or a few stray letters;
* image stubs (``data:image/…``) and QR-code boilerplate (a short line asking to scan a code);
* the same short line repeated three times or more and cutting sentences in at least a third of
  its places (a watermark printed on every page; a title repeated in a file of several reports
  does not).
"""

from __future__ import annotations

import re
from collections import Counter

from reporttui.core.model import Dropped
from reporttui.core.text.clean import Line
from reporttui.core.text.headings import numbered
from reporttui.core.text.rejoin import SPEAKER, ends_sentence, is_prose
from reporttui.core.text.variants import to_simplified

_CJK = re.compile(r"[\u3400-\u9fff]")
_SENTENCE_END = re.compile(r"[。！？!?]")
_SENTENCE_PUNCT = re.compile(r"[。！？，、；!?]")
_TAIL = re.compile(r"(?<=[。！？!?])([^。！？!?”’）)]{1,12})$")
_ASCII_TAIL = re.compile(
    r"(?<=[\u3400-\u9fff。，、；：！？”’）)])([A-Za-z0-9_]*[A-Za-z_][A-Za-z0-9_]*)$"
)
_QUOTE_MARKERS = re.compile(r"([;；]{2,})([^;；。，！？\s]{1,16}?)([;；]{2,})")
_DASH_MARKERS = re.compile(r"[;；]{2,}")
_FIELD = re.compile(r"([\u3400-\u9fff]{2,6})\s*[:：]\s*([^\s:：]{0,24})")
_LABEL = re.compile(r"([\u3400-\u9fff]{2,6})\s*[:：]")
# A government record's field label alone in brackets ([ 索引号 ], 【发布机构】), no colon.
_BRACKET_LABEL = re.compile(
    r"^((?:[•·●▪]\s*)?)[\[［【]\s*((?:索\s*引\s*号|发文字号|发布机构|发文机关|主题分类|成文日期|发布日期"
    r"|体裁分类|有\s*效\s*性|文\s*号|信息来源|公开方式|生成日期|所属机构|组配分类))\s*[\]］】]\s*$"
)
# The name of a site's channel (its last word): 政府信息公开, 工作动态, 今日要闻, 新闻中心.
_CHANNEL = re.compile(r"(?:公开|动态|要闻|新闻|资讯|快讯|专题|专栏|频道|中心|栏目)$")
# A document's genre at the end of its title, maybe before a short note (…工作报告(全文), …(草案)).
_DOC_GENRE = re.compile(
    r"(?:决议|决定|报告|公报|通知|意见|办法|规定|条例|方案|规则)[)）]?(?:[(（][^()（）]{1,4}[)）])?$"
)
_FILE_LABEL = re.compile(r"会议文件\s*[(（][一二三四五六七八九十\d]{1,3}[)）]$")
_LOCATION = re.compile(
    r"^(?:您当前的位置|当前位置|您现在的位置|您的位置|所在位置|本页位置|首页\s*[>＞»›])"
)
_LEAD = re.compile(
    r"^([?？\ufffd]{2,}|[^\w\s\u3400-\u9fff“‘《〈（(【\[—\-*#>·•●■□◆◇○◎★☆▲△①-⑳]{3,6})\s*"
)
_STAMP = re.compile(
    r"(?:19|20)\d\d\s*[年\-/.]\s*\d{1,2}\s*[月\-/.]\s*\d{1,2}\s*日?|(?:上午|下午)?\d{1,2}:\d{2}(?::\d{2})?"
)
_DATEISH = re.compile(r"(?:19|20)\d\d[-/.年]\d{1,2}|\d{1,2}[-:：]\d{2}")
_URLISH = re.compile(r"^(?:https?://|www\.|data:)\S+$|^\S*data:image/\S+$", re.IGNORECASE)
# An inline image's data URI and the rest of its tag's attributes (" alt="…" width="…").
_DATA_URI = re.compile(r"data:image/[A-Za-z0-9.+-]+[;,]\S*(?:\s+[A-Za-z-]+=\"[^\"]*\")*")
_QR = re.compile(r"扫码|扫一扫|二维码|扫描")
# The same in either script, tried before converting the line (二維碼, 掃一掃).
_QR_ANY = re.compile(r"[扫掃][码碼一描]|二[维維][码碼]")
_QR_ASK = re.compile(r"关注|手机|打开|识别|下载|阅读|公众号|客户端|分享|微信|进入")
_TOOLBAR = re.compile(r"^[\u3400-\u9fff]{2}(?:\s+[\u3400-\u9fff]{2}){1,5}$")
# (held13) A site's nav bar as a line: 首页 and three or more menu labels parted by spaces.
_NAVBAR = re.compile(r"^(?:网站首页|首页|主页)(?:\s+[\u3400-\u9fff]{2,6}){3,}$")
# (held13) A link to another page standing alone in the page's head or tail: share, back to the
# front page, the next or previous article, print or close.
_NAV_LINK = re.compile(
    r"^[—\-－]*\s*(?:分享(?:到)?|返回\S{0,8}首页|返回顶部|(?:阅读)?[上下]一篇|打印本页|关闭窗口)\s*[—\-－:：]*$"
)
# (held14) A line that is only a date written with figures, maybe after a list bullet and with
# the time (2009-04-24, • 2023-03-09 10:23); a date in words (2022年12月16日) may sign a document.
_BARE_DATE = re.compile(
    r"^[•·●▪\s]*(?:19|20)\d\d\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{1,2}"
    r"(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$"
    r"|^[•·●▪\s]*(?:19|20)\d\d\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s+\d{1,2}:\d{2}(?::\d{2})?$"
)
_GREETING = re.compile(
    r"^(?:(?:欢迎您|欢迎你|您好|你好|(?:早上|上午|中午|下午|晚上)好)\s*[,，!！]?\s*){1,3}$"
)
_BULLET = re.compile(r"^[•·●▪]\s*")
_SCRAPER_DATE = re.compile(
    r"^\s*(?:date|time|pubdate|pub_date|publish_?time|published|datetime)\s*[:：=]?\s*"
    r"(?:19|20)\d\d[-/.]\d{1,2}[-/.]\d{1,2}(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?\s*(?=[\u3400-\u9fff])",
    re.IGNORECASE,
)
# A page's keyword or tag line: the label, then words parted by spaces or commas.
_TAG_LINE = re.compile(
    r"^(?:关键词|关键字|标签|tags?)\s*[:：]\s*(?:[^\s,，;；]{1,16}(?:[\s,，;；]+|$)){1,12}$",
    re.IGNORECASE,
)
_WIRE_TAG = re.compile(r"^[<＜〈][\u3400-\u9fff]{2,10}[>＞〉]$")
_SCENE = re.compile(r"^[\u3400-\u9fff、]{3,20}在[\u3400-\u9fff、]{2,20}$")
_NOT_REPEATED = re.compile(r"[\W\d]")
_LETTERS_ONLY = re.compile(r"^[A-Za-z_\s]+$")


def drop_debris(lines: list[Line], dropped: list[Dropped], chrome: list[str]) -> list[Line]:
    """Remove the classes of debris listed in the module docstring; returns the kept lines."""
    if not lines:
        return lines
    _repeated_tails(lines, dropped)
    _line_start_tokens(lines, dropped)
    _misdecoded_chars(lines, dropped)
    _lost_character_marks(lines, dropped)
    _citation_marks(lines, dropped)
    _anti_copy_runs(lines, dropped)
    _hashtags(lines, dropped)
    _inline_credits(lines, dropped)
    if any(";;" in ln.text or "；；" in ln.text for ln in lines):
        _marker_runs(lines, dropped)
    _scraper_date_label(lines, dropped)
    n = len(lines)
    drop: dict[int, str] = {}
    chrome_fields = {d.line for d in dropped if d.reason == "web chrome" and _FIELD.search(d.text)}
    edge = max(6, n // 20)
    # A portal's field block may run longer than the edge: the head lasts until the first prose.
    head = next(
        (
            i
            for i, ln in enumerate(lines[:60])
            if len(ln.text) >= 20 and _SENTENCE_END.search(ln.text)
        ),
        min(n, 60),
    )
    head = max(edge, head)
    for i, ln in enumerate(lines):
        t = ln.text
        if "data:image/" in t:
            stub = _DATA_URI.findall(t)
            t = _DATA_URI.sub("", t).strip()
            dropped.append(Dropped(" ".join(stub), "image stub", ln.line))
            ln.text = t
            if not t:
                drop[i] = "image stub"
                continue
        if len(t) > 80 or ln.md_level:
            continue
        if _URLISH.match(t) or (len(t) <= 12 and _LETTERS_ONLY.match(t)):
            drop[i] = "debris"
        elif (
            ((i < head or i >= n - edge) and _field_line(t, lines, i, chrome_fields))
            or ((i < 5 or i >= n - 8) and _TOOLBAR.match(t) and not SPEAKER.match(t))
            # (held13) a nav bar line, a share / next-article / home link
            or ((i < head or i >= n - edge) and (_NAVBAR.match(t) or _NAV_LINK.match(t)))
        ):
            drop[i] = "page chrome"
        elif i < head and _COUNTER.match(t):
            # (pages17) A bare number of five digits or more in the opening: a hit counter.
            drop[i] = "page chrome"
        elif i < head and (_BARE_DATE.match(t) or (i < 3 and _GREETING.match(t))):
            # (held14) A bare date line under the title (2009-04-24, • 2023-03-09 10:23) is the
            # page's timestamp (metadata reads it from the chrome); a site's greeting line
            # (欢迎您,下午好!) is the site's.
            drop[i] = "page chrome"
        elif (
            len(t) <= 30
            and _QR_ANY.search(t)  # (pages17) Traditional widgets too (二維碼, 掃一掃)
            and _QR.search(ts := to_simplified(t))
            and _QR_ASK.search(ts)
            # (held24) a share widget's instruction closing the page may end in 。
            and (not t.endswith("。") or i >= n - edge)
        ):
            drop[i] = "qr boilerplate"
        elif i >= n - edge and t[:1] in "<＜〈" and _WIRE_TAG.match(t):
            # (held24) A wire service's name in angle brackets closing the item (<匯港通訊>).
            drop[i] = "byline"
        elif i >= n - edge and _TAG_LINE.match(t) and not _SENTENCE_END.search(t):
            # (pages13) A page's keyword line closing the text (关键词: 第十四届 常务委员会 …).
            drop[i] = "page chrome"
    widget = [k for k, r in drop.items() if r == "qr boilerplate"]
    while widget:
        # (pages17) The widget's other lines (湖南人大微信 over 公众号二维码): short labels next to
        # the QR line, naming the account it asks to follow; (held24) in the page's closing lines
        # a widget's short instruction with commas too (打開微信，點擊底部的“發現”，).
        i = widget.pop()
        for j in (i - 1, i + 1):
            if 0 <= j < n and j not in drop:
                t = lines[j].text
                tail = j >= n - edge
                if (
                    len(t) <= (20 if tail else 16)
                    and not (_SENTENCE_END if tail else _SENTENCE_PUNCT).search(t)
                    and _QR_ASK.search(to_simplified(t))
                ):
                    drop[j] = "qr boilerplate"
                    widget.append(j)
    _misdecoded_heading(lines, drop)
    _between_title_copies(lines, drop)
    _chart_credits(lines, drop)
    _wiki_header(lines, drop)
    _file_record(lines, drop)
    _field_values(lines, drop, chrome)
    _bullet_fields(lines, drop, head)
    _site_header(lines, dropped, drop)
    _channel_label(lines, dropped, drop)
    # A run of short unpunctuated lines closing the document: share, comment and login links.
    k = n
    while k > 0 and len(lines[k - 1].text) <= 12 and not _SENTENCE_PUNCT.search(lines[k - 1].text):
        k -= 1
    if n - k >= 3 and k > 0:
        for i in range(k, n):
            drop.setdefault(i, "page chrome")
    # (held10) Photo captions closing a news item without their credit: three or more short lines
    # of words alone, each saying who is where (县政协副主席张友庆在小组参加讨论).
    k = n
    while k > 0 and _SCENE.match(lines[k - 1].text):
        k -= 1
    if n - k >= 3 and k > 0 and is_prose(lines[k - 1].text):
        for i in range(k, n):
            drop.setdefault(i, "photo caption")
    _footer_zone(lines, dropped, drop)
    # The same short line three times or more: a watermark or running header.
    # It must cut sentences (a page's watermark does, often; a repeated title never does).
    counts = Counter(ln.text for ln in lines if len(ln.text) <= 40)
    repeated = {
        t for t, c in counts.items() if c >= 3 and len(t) >= 4 and not _NOT_REPEATED.search(t)
    }
    if repeated:
        cuts: Counter[str] = Counter(
            ln.text
            for i, ln in enumerate(lines)
            if ln.text in repeated
            and 0 < i < n - 1
            and is_prose(lines[i - 1].text)
            and not ends_sentence(lines[i - 1].text)
        )
        cutting = {t for t, c in cuts.items() if c >= max(2, counts[t] / 3)}
        for i, ln in enumerate(lines):
            if ln.text in cutting and not ln.cells:
                drop.setdefault(i, "repeated line")
    if not drop:
        return lines
    kept: list[Line] = []
    pending_blank = 0
    glue = False
    for i, ln in enumerate(lines):
        reason = drop.get(i)
        if reason is None:
            if glue and kept and not numbered(ln.text) and not ln.md_level and not ln.cells:
                # The watermark cut this sentence: its two halves are one line again.
                kept[-1].text += ln.text
                kept[-1].blank_after = ln.blank_after
                pending_blank, glue = 0, False
                continue
            glue = False
            if pending_blank:
                ln.blank_before += pending_blank
                if kept:
                    kept[-1].blank_after += pending_blank
                pending_blank = 0
            kept.append(ln)
            continue
        dropped.append(Dropped(ln.text, reason, ln.line))
        glue = reason == "repeated line" and bool(kept) and not ends_sentence(kept[-1].text)
        if reason == "page chrome":
            chrome.append(ln.text)
        pending_blank += 1 + ln.blank_before
    if kept and pending_blank:
        kept[-1].blank_after += pending_blank
    return kept


_COUNTER = re.compile(r"^\d{5,}$")
# What marks a page's footer once the body has ended: its chrome, notices and links.
_FOOTER_REASONS = frozenset({"page chrome", "site notice", "qr boilerplate"})


def _footer_zone(lines: list[Line], dropped: list[Dropped], drop: dict[int, str]) -> None:
    """(pages17) Lines after the body's last sentence, once the page's footer has begun there.

    The footer is known by position and by its company: after the last line of prose, two or
    more pieces already taken for chrome (上篇/下篇, the host's notice, an ICP number). The other
    short unpunctuated lines among them (a resolution note, a counter's 77-77) are the footer's
    too; prose, headings and table rows stay.
    """
    last = next(
        (
            i
            for i in range(len(lines) - 1, -1, -1)
            if i not in drop
            and len(lines[i].text) >= 15
            and ends_sentence(lines[i].text)
            and is_prose(lines[i].text)
        ),
        None,
    )
    if last is None or last >= len(lines) - 1:
        return
    after = lines[last].line
    evidence = sum(1 for i in range(last + 1, len(lines)) if drop.get(i) in _FOOTER_REASONS)
    evidence += sum(1 for d in dropped if d.line > after and d.reason in _FOOTER_REASONS)
    if evidence < 2:
        return
    for i in range(last + 1, len(lines)):
        t = lines[i].text
        if (
            i not in drop
            and len(t) <= 40
            and not _SENTENCE_PUNCT.search(t)
            and not lines[i].md_level
            and not lines[i].cells
        ):
            drop[i] = "page chrome"


# Characters a wrong decoding leaves (box-drawing pieces, replacement marks, ？。 for a lost byte pair).
_MOJIBAKE = re.compile(r"[\u2500-\u257f\ufffd]|[?？][。，]")


def _misdecoded_heading(lines: list[Line], drop: dict[int, str]) -> None:
    """(held10) A copy's heading decoded wrongly ((云南？。╆P于臨滄市鳳慶縣…的報告) over the
    title printed right on the next line: the damaged copy goes (to the dropped view)."""
    for i in range(min(3, len(lines) - 1)):
        t, nxt = to_simplified(lines[i].text), to_simplified(lines[i + 1].text)
        if len(t) > 120 or not _MOJIBAKE.search(t) or not _DOC_GENRE.search(nxt):
            continue
        shared = sum(1 for ch in set(_CJK.findall(nxt)) if ch in t)
        if shared >= 0.6 * len(set(_CJK.findall(nxt))):
            drop[i] = "mis-decoded line"
            return


_WIKI_NOTE = re.compile(r"^本作品收录于\s*《")
_WIKI_CHROME = re.compile(
    r"^(?:维基文库|维基百科)\s*[,，]\s*自由的(?:图书馆|百科全书)$"  # the wiki's tagline
    r"|^[•·\s]*相关导览"  # its related-pages box
    r"|^(?:发布机关|作者|来源)\s*[:：]\s*\S{2,40}$"  # a field of its header
)
_YEAR_LINK = re.compile(r"^((?:19|20)\d\d)\s*年\s*(.*)$")
_YEAR_AT = re.compile(r"(?<!\d)(?:19|20)\d\d\s*年")


def _wiki_header(lines: list[Line], drop: dict[int, str]) -> None:
    """A wiki copy's header (Wikisource's collection note 本作品收录于《…, its tagline, the links to
    the previous and next years' pages: 2012年X 2013年X 2014年X, or 2021年 X over X, or a bare 2023年)
    above the work: page chrome. Only when the collection note is there, near the top."""
    if not any(ln.text.lstrip().startswith("本作品") for ln in lines[:16]):
        return
    top = [to_simplified(ln.text.strip()) for ln in lines[:16]]
    if not any(_WIKI_NOTE.match(t) for t in top):
        return
    later = {to_simplified(ln.text.strip()) for ln in lines[1:40]}
    for i, t in enumerate(top):
        if _WIKI_NOTE.match(t) or _WIKI_CHROME.match(t):
            drop.setdefault(i, "wiki chrome")
            continue
        starts = [m.start() for m in _YEAR_AT.finditer(t)]
        parts = [t[a:b].strip() for a, b in zip(starts, [*starts[1:], len(t)], strict=False)]
        links = [m for p in parts if (m := _YEAR_LINK.match(p))]
        if (
            starts
            and starts[0] == 0
            and len(links) == len(parts)
            and (
                (len(parts) >= 2 and len({m.group(2) for m in links}) == 1)
                or all(not m.group(2) for m in links)
            )
        ):
            drop.setdefault(i, "wiki chrome")  # 2012年X 2013年X 2014年X, or a bare 2023年
            continue
        m = _YEAR_LINK.match(t)
        if m and " " in t and m.group(2) in later - {t}:
            drop.setdefault(i, "wiki chrome")  # 2021年 X: the previous year's page, X below


_RECORD_PUNCT = re.compile(r"[。，！？；,;!?]")
_GENRE_WORD = re.compile(r"报告|公报|决议|纲要|规划|计划|通知|意见|工作")
_YEAR_NAMED = re.compile(r"(?:19|20)\d\d\s*年[\u4e00-\u9fff]{2,}")


def _file_record(lines: list[Line], drop: dict[int, str]) -> None:
    """A document-sharing site's record of the file above its text: a run of four short lines or
    more with no sentence punctuation, at least half holding a number (VIP专免 / 2024-01-23 /
    999+ / 42.88KB / 39 页 / 海报 / 侵权投诉; ID:… / 大小:61.50 KB / 页数:7页 / 时间:…): page chrome.
    Only above the text's first sentence; a title line (…报告) or a table row ends the run."""
    # Only above the text's first sentence; never a table's rows.
    top = lines[:30]
    opening = (
        k for k, ln in enumerate(top) if len(ln.text) >= 20 and _SENTENCE_END.search(ln.text)
    )
    n = next(opening, len(top))
    i = 0
    while i < n:
        j = i
        while j < n:
            t = lines[j].text.strip()
            if (
                len(t) > 14
                or _RECORD_PUNCT.search(t)
                or _GENRE_WORD.search(to_simplified(t).replace(" ", ""))
                or _YEAR_NAMED.search(t)  # (held16) a title naming its year: 县政府2026年新春贺词
                or numbered(t) is not None
                or lines[j].md_level
                or lines[j].cells
                or lines[j].html_block
            ):
                break
            j += 1
        run = range(i, j)
        numbers = sum(any(c.isdigit() for c in lines[k].text) for k in run)
        if len(run) >= 4 and 2 * numbers >= len(run):
            for k in run:
                drop.setdefault(k, "page chrome")
        i = j + 1


def _fields(t: str) -> list[tuple[str, str]]:
    """The ``label: value`` fields of a line of page fields (none for a sentence).

    Each label runs to the colon; its value is what comes before the next label (the space
    between fields is often gone: 新闻热线：0577-67898890广告热线：67810777). A bracketed line
    (（作者：柴晶晶）) is read inside its brackets.
    """
    if _SENTENCE_END.search(t) or "，" in t or len(t) > 80:
        return []
    if t[:1] in "(（" and t[-1:] in ")）":
        t = t[1:-1]
    # (pages13) A record's label in brackets without a colon, its value on the next line
    # (• [ 索引号 ] / • 11500238709450498T/2023-00005): the same empty field as 索引号：.
    t = _BRACKET_LABEL.sub(r"\1\2：", t)
    labels = list(_LABEL.finditer(t))
    out: list[tuple[str, str]] = []
    for k, m in enumerate(labels):
        end = labels[k + 1].start() if k + 1 < len(labels) else len(t)
        out.append((m.group(1), t[m.end() : end].strip()))
    return out


def _empty(value: str) -> bool:
    """A field without a value: nothing, or only marks (选择区域:>>, 字号:【)."""
    return not any(ch.isalnum() for ch in value)


def _field_line(t: str, lines: list[Line], i: int, chrome_fields: set[int]) -> bool:
    """``label: value`` page fields: several on one line, one with a date and little else, a
    short one or an empty one in a cluster of field lines (访问次数: under 发布时间:…; 作者:办公室
    冯晶玲 under 发布日期:…; not 各位代表： over prose), or one whose value is only marks
    (选择区域:>>, a form control)."""
    fields = _fields(t)
    if not fields:
        return False
    if len(fields) >= 2:
        # (held11) A headline quoting speakers after its channel and a bar (两会|政府工作报告
        # 唐英年：为港打强心针 林建岳：指明方向): words and a bar before the first label.
        head = t[: t.find(fields[0][0])]
        return not (("|" in head or "｜" in head) and len(_CJK.findall(head)) >= 4)
    label, value = fields[0]
    prefix = t[: t.find(label)].strip("(（ ")
    dated = _DATEISH.search(t) is not None
    bare = _STAMP.sub("", prefix).strip()
    if len(bare) > 4 or _CJK.search(bare):
        return False  # a line that only ends in a colon after some words
    if value and _empty(value):
        return True
    if dated and not value:
        return True  # 2012年01月11日 11:32:02来源：(a timestamp with an empty label)
    at = lines[i].line
    if chrome_fields and any(at - k in chrome_fields or at + k in chrome_fields for k in (1, 2, 3)):
        return not value or len(value) <= 12  # a field line next to one already dropped as chrome
    if not value and _leads_in(lines, i):
        return False  # 各位代表： over the speech: a salutation, not a field
    if value:
        if dated and len(value) <= 30:
            return True  # 发布日期：2022-02-15 / 2016年03月16日 09:12:39 來源：新華網
        if len(value) > 12 or _SENTENCE_PUNCT.search(value):
            return False
        if t[:1] in "(（" and i >= len(lines) - 2 and len(value) <= 4:
            # （作者：柴晶晶） closing the document: a bare name is a byline; a note saying who the
            # author is (（作者：某某大学经济学院教授）) is the article's own text.
            return True
        if i >= len(lines) // 2:
            return False  # a short field near the end is content (实施部门：市卫生局)
    # A field belongs to a cluster of field lines anchored by a dated or multi-field one, or to
    # a run of three field lines or more (a portal's 索引号/发文机构/发文日期 block).
    near_fields = 0
    for j in (i - 3, i - 2, i - 1, i + 1, i + 2, i + 3):
        if 0 <= j < len(lines):
            near = lines[j].text
            f = _fields(near)
            if f and (len(f) >= 2 or _DATEISH.search(near)) and abs(j - i) <= 2:
                return True
            near_fields += bool(f) and near != t
    return near_fields >= 2


def _scraper_date_label(lines: list[Line], dropped: list[Dropped]) -> None:
    """(pages13) A scraper's English field label and date before the first line's text
    (date 2026-03-04 全国政协…): the label goes to the dropped view, the date with it."""
    for ln in lines[:2]:
        m = _SCRAPER_DATE.match(ln.text)
        if m and len(ln.text) > m.end():
            dropped.append(Dropped(m.group(0).strip(), "page chrome", ln.line))
            ln.text = ln.text[m.end() :]
            return


def _leads_in(lines: list[Line], i: int) -> bool:
    """The next line is prose and the one before is no field: this line ending in a colon
    introduces the prose (各位代表：), where the last of a field block (字体大小：) does not."""
    if i + 1 >= len(lines) or (i > 0 and _fields(lines[i - 1].text)):
        return False
    nxt = lines[i + 1].text
    return len(nxt) >= 20 and _SENTENCE_END.search(nxt) is not None


def _field_values(lines: list[Line], drop: dict[int, str], chrome: list[str]) -> None:
    """The value of an empty field set on its own line (• 索引号： / 6107280000/2024-001005 /
    • 主题分类：): a short line between two dropped field lines is part of the field block."""
    changed = True
    while changed:  # an empty field next to a dropped field line is one more of the block
        changed = False
        for i, ln in enumerate(lines[:60]):
            f = _fields(ln.text) if i not in drop else []
            near = (i - 2, i - 1, i + 1, i + 2)
            if (
                len(f) == 1
                and _empty(f[0][1])
                and len(ln.text) <= 12
                and not _leads_in(lines, i)
                and any(drop.get(j) == "page chrome" and _fields(lines[j].text) for j in near)
            ):
                drop[i] = "page chrome"
                changed = True
    for i in range(1, len(lines) - 1):
        if i in drop or drop.get(i - 1) != "page chrome" or drop.get(i + 1) != "page chrome":
            continue
        t = _BULLET.sub("", lines[i].text)  # (pages13) • 11500238709450498T/2023-00005
        f = _fields(lines[i - 1].text)
        # A short value may list words (体裁分类 / 财政预算、决算); a longer one with 、 is prose.
        bare = t.replace("、", "") if len(t) <= 16 else t
        if (
            len(t) <= 30
            and not _SENTENCE_PUNCT.search(bare)
            and len(f) == 1
            and _empty(f[0][1])
            # (pages13) The document's title under the record's last empty field (有效性：) is
            # no value of it, unless the field is the title's own (标题：).
            and (
                f[0][0] in ("标题", "名称")
                or not (_DOC_GENRE.search(t) or t.endswith(("说明", "公告", "纪要")))
            )
        ):
            drop[i] = "page chrome"
            chrome.append(
                f"{lines[i - 1].text} {t}"
            )  # 发布日期： 2024年04月06日: metadata reads it


def _bullet_fields(lines: list[Line], drop: dict[int, str], head: int) -> None:
    """(held14) A portal's field block as a bulleted list (• 洱源县人民政府 / • 发布时间:… /
    • 来源:…): a short bulleted line without sentence punctuation next to a bulleted line already
    dropped as page chrome is one more field of the block (the publisher's name, unlabelled)."""
    changed = True
    while changed:
        changed = False
        for i, ln in enumerate(lines[:head]):
            t = ln.text
            if i in drop or not _BULLET.match(t) or len(t) > 24 or _SENTENCE_PUNCT.search(t):
                continue
            if any(
                drop.get(j) == "page chrome" and _BULLET.match(lines[j].text)
                for j in (i - 2, i - 1, i + 1, i + 2)
                if 0 <= j < len(lines)
            ):
                drop[i] = "page chrome"
                changed = True


def _site_header(lines: list[Line], dropped: list[Dropped], drop: dict[int, str]) -> None:
    """Short lines above a page's location bar (全国人民代表大会--新闻中心 / 当前位置：…) are the
    site's header, not the article."""
    first = lines[min(len(lines), 4) - 1].line
    bar = next(
        (
            d.line
            for d in dropped
            if d.reason == "web chrome"
            and d.line <= first + 1
            and _LOCATION.match(to_simplified(d.text))
        ),
        None,
    )
    if bar is None:
        return
    for i, ln in enumerate(lines[:4]):
        if ln.line < bar and len(ln.text) <= 30 and not _SENTENCE_PUNCT.search(ln.text):
            drop.setdefault(i, "page chrome")
    # Channel and sidebar names between the bar and the title: the title is the last short
    # line before the article's dated line (洞头网视 / 洞头图文 / 阅读排行 / title / 2012年…).
    dated = next(
        (
            i
            for i in range(min(len(lines), 10))
            if drop.get(i) == "page chrome" and _DATEISH.search(lines[i].text)
        ),
        None,
    )
    if dated is None or dated < 2:
        return
    for i in range(dated - 1):
        ln = lines[i]
        if (
            ln.line > bar
            and i not in drop
            and len(ln.text) <= 8
            and not _SENTENCE_PUNCT.search(ln.text)
        ):
            drop[i] = "page chrome"


def _channel_label(lines: list[Line], dropped: list[Dropped], drop: dict[int, str]) -> None:
    """A portal's channel name over the article title (政府信息公开 / 工作动态), on a page whose
    first lines carry a dated field (发布时间：…), or over a document's title (决议决定 over
    关于…的决议): the site's, not the article's. A conference file label (…会议文件（12）) too."""
    for i, ln in enumerate(lines[:3]):
        if len(ln.text) <= 30 and _FILE_LABEL.search(to_simplified(ln.text)):
            drop.setdefault(i, "page chrome")
    # The first two lines left (a site header above them may have gone already).
    kept = [i for i in range(min(len(lines), 8)) if i not in drop][:2]
    if len(kept) == 2:
        t, nxt = lines[kept[0]].text, lines[kept[1]].text
        if (
            len(t) <= 6
            and not _SENTENCE_PUNCT.search(t)
            and (len(t) <= 4 or not _DOC_GENRE.search(t))
            and numbered(t) is None
            and 8 <= len(nxt) <= 60
            and _DOC_GENRE.search(to_simplified(nxt))
        ):
            drop[kept[0]] = "page chrome"
            return
    if len(lines) < 3 or 0 in drop or not _CHANNEL.search(lines[0].text):
        return
    t = lines[0].text
    if len(t) > 8 or _SENTENCE_PUNCT.search(t) or lines[0].blank_after:
        return
    nxt = lines[1].text
    if len(nxt) > 40 or _SENTENCE_END.search(nxt):
        return
    top = lines[min(len(lines), 6) - 1].line
    dated = any(
        d.line <= top and d.reason in ("web chrome", "page chrome") and _DATEISH.search(d.text)
        for d in dropped
    ) or any(drop.get(i) == "page chrome" and _DATEISH.search(lines[i].text) for i in range(1, 6))
    if dated:
        drop[0] = "page chrome"


# (held14) A double-byte character decoded wrongly between Chinese characters: its lead byte (and
# often the mark before it) became ? and its trail byte a lowercase letter (縣 -> ?h: 第三??h域).
_MISDECODED_CHAR = re.compile(r"(?<=[\u3400-\u9fff])[?？]{1,2}[a-z](?=[\u3400-\u9fff])")


def _misdecoded_chars(lines: list[Line], dropped: list[Dropped]) -> None:
    """Take such a damaged character out of the text, into the dropped view."""
    for ln in lines:
        if ("?" in ln.text or "？" in ln.text) and _MISDECODED_CHAR.search(ln.text):
            found = " ".join(_MISDECODED_CHAR.findall(ln.text))
            dropped.append(Dropped(found, "mis-decoded character", ln.line))
            ln.text = _MISDECODED_CHAR.sub("", ln.text)


def _line_start_tokens(lines: list[Line], dropped: list[Dropped]) -> None:
    """Strip a token of marks that starts many lines (??? where a scraper lost the indent)."""
    found = [_LEAD.match(ln.text) for ln in lines]
    counts = Counter(m.group(1) for m in found if m)
    bad = {t for t, c in counts.items() if c >= 3 and c >= 0.2 * len(lines)}
    if not bad:
        return
    for ln, m in zip(lines, found, strict=False):
        if m and m.group(1) in bad and ln.text[m.end() :].strip():
            dropped.append(Dropped(m.group(1), "repeated line-start token", ln.line))
            ln.text = ln.text[m.end() :].lstrip()


def _tail(text: str) -> str | None:
    """The fragment after the last sentence end (at most 12 characters), or trailing glued letters."""
    end = text[-14:]
    m = _TAIL.search(end)
    if m:
        return m.group(1)
    if end and (end[-1].isascii() and (end[-1].isalnum() or end[-1] == "_")):
        m = _ASCII_TAIL.search(end)
        if m:
            return m.group(1)
    return None


def _repeated_tails(lines: list[Line], dropped: list[Dropped]) -> None:
    """Strip a fragment that trails five lines or more after their sentence end (or glued letters)."""
    tails: Counter[str] = Counter()
    found: list[str | None] = []
    for ln in lines:
        t = _tail(ln.text)
        found.append(t)
        if t is not None:
            tails[t] += 1
    if not tails:
        return
    bad = {t for t, c in tails.items() if c >= 5 and c >= 0.05 * len(lines) and not t.isdigit()}
    if not bad:
        return
    for ln, t in zip(lines, found, strict=False):
        if t is not None and t in bad:
            dropped.append(Dropped(t, "repeated line-end token", ln.line))
            ln.text = ln.text[: len(ln.text) - len(t)].rstrip()
    # (held13) A token of letters that ends many lines is the scraper's line end wherever it
    # stands: a teaser that ran the lines together keeps it before each space (…报告PZl 2020年…).
    for t in bad:
        if len(t) < 3 or not _LETTERS_ONLY.match(t):
            continue
        inner = re.compile(rf"(?<=[\u3400-\u9fff。，、；：！？）)]){re.escape(t)}(?=\s)")
        for ln in lines:
            if t in ln.text and inner.search(ln.text):
                n = len(inner.findall(ln.text))
                dropped.append(Dropped(" ".join([t] * n), "repeated line-end token", ln.line))
                ln.text = inner.sub("", ln.text)


def _marker_runs(lines: list[Line], dropped: list[Dropped]) -> None:
    """``;;X;;`` -> “X”; any other run of two or more semicolons -> ——."""
    for ln in lines:
        t = ln.text
        if ";;" not in t and "；；" not in t:
            continue
        markers = re.findall(r"[;；]{2,}", t)
        t = _QUOTE_MARKERS.sub(lambda m: f"“{m.group(2)}”", t)
        t = _DASH_MARKERS.sub("——", t)
        dropped.append(Dropped(" ".join(markers), "marker run", ln.line))
        ln.text = t


# (held19) ?? where a copy lost characters or spaces between Chinese ones (綜??合): marks, not text.
_LOST_MARKS = re.compile(r"(?<=[\u3400-\u9fff])[?？]{2,}(?=[\u3400-\u9fff])")


def _lost_character_marks(lines: list[Line], dropped: list[Dropped]) -> None:
    """Take runs of question marks standing between Chinese characters out, into the dropped view."""
    for ln in lines:
        if ("??" in ln.text or "？？" in ln.text) and _LOST_MARKS.search(ln.text):
            dropped.append(
                Dropped(" ".join(_LOST_MARKS.findall(ln.text)), "lost-character marks", ln.line)
            )
            ln.text = _LOST_MARKS.sub("", ln.text)


# (held19) An AI answer's citation marks ([4], [5]) after a clause, before its punctuation or the
# line's end. Taken only where the text has two or more: one bracketed number may be the text's.
_CITATION = re.compile(r"(?<=[\u3400-\u9fff%）)”])\[\d{1,2}\](?=[。，；：！？、,.;:]|\s*$)")


def _citation_marks(lines: list[Line], dropped: list[Dropped]) -> None:
    """Strip citation marks when the document carries several of them."""
    if sum(len(_CITATION.findall(ln.text)) for ln in lines if "[" in ln.text) < 2:
        return
    for ln in lines:
        if "[" in ln.text and _CITATION.search(ln.text):
            dropped.append(Dropped(" ".join(_CITATION.findall(ln.text)), "citation mark", ln.line))
            ln.text = _CITATION.sub("", ln.text)


# (pages16) A forum's anti-copy strings: runs of one- to three-character ASCII tokens, dense in
# symbols (. G! E. ] z$ f'), set between sentences. A last token glued to a Chinese character
# (P4月20日) is left alone: its digits may be the date's.
_ASCII_RUN = re.compile(
    r"(?<![!-~])(?:[!-~]{1,3}[ \t]+){3,}[!-~]{1,3}(?![!-~\u3400-\u9fff])|(?<![!-~])(?:[!-~]{1,3}[ \t]+){4,}(?=[!-~]{1,3}[\u3400-\u9fff])"
)
_SYMBOL = re.compile(r"[^\sA-Za-z0-9]")
_ASCII_PAIR = re.compile(r"[!-~] [!-~]")


def _noise(run: str) -> bool:
    """A run of short tokens a third or more of whose characters are symbols (a quarter, when
    four tokens or more mix letters or digits with symbols)."""
    chars = run.replace(" ", "").replace("\t", "")
    tokens = run.split()
    mixed = sum(1 for t in tokens if _SYMBOL.search(t) and re.search(r"[A-Za-z0-9]", t))
    symbols = len(_SYMBOL.findall(chars))
    return (symbols * 3 >= len(chars) and mixed >= 2) or (symbols * 4 >= len(chars) and mixed >= 4)


def _anti_copy_runs(lines: list[Line], dropped: list[Dropped]) -> None:
    """Strip anti-copy noise runs when the document has two or more (a statistic of the text)."""
    found = [
        [m for m in _ASCII_RUN.finditer(ln.text) if _noise(m.group(0))]
        if _ASCII_PAIR.search(ln.text)
        else []
        for ln in lines
    ]
    if sum(len(f) for f in found) < 2:
        return
    for ln, runs in zip(lines, found, strict=False):
        if not runs:
            continue
        dropped.append(
            Dropped(" ".join(m.group(0).strip() for m in runs), "anti-copy string", ln.line)
        )
        t = ln.text
        for m in reversed(runs):
            t = t[: m.start()] + t[m.end() :]
        ln.text = t.strip()


# (held24) Hashtags closing a news item's last sentence (…發表講話。 (ST) #兩會 #大大會議).
_HASHTAGS = re.compile(
    r"(?<=[。！？!?）)])\s*(?:\([A-Z]{1,4}\)\s*)?(?:#[^\s#。，,]{1,12}\s*){1,6}$"
)


def _hashtags(lines: list[Line], dropped: list[Dropped]) -> None:
    """Strip a run of hashtags (and an agency's initials before them) after a sentence's end."""
    for ln in lines:
        if "#" in ln.text and (m := _HASHTAGS.search(ln.text)):
            dropped.append(Dropped(m.group(0).strip(), "hashtags", ln.line))
            ln.text = ln.text[: m.start()].rstrip()


_TITLE_COPY_SPAN = 6
_COPY_BODY = 200
_COPY_LINE = 100
_COPY_SHARE = 0.5
_CJK_PAIR = re.compile(r"(?=([\u4e00-\u9fff]{2}))")
_EVIDENCE_LINE = re.compile(
    r"^\s*——|会议上|(?:19|20)\d\d\s*年\s*\d{1,2}\s*月|人民代表大会|代表\s*[:：]|同志们"
)


def _between_title_copies(lines: list[Line], drop: dict[int, str]) -> None:
    """(held18, held19) The title printed twice around the site's furniture (a poster's user name,
    a document farm's download notices): the lines between the two copies that share little with
    the body, carry no meeting, date or speaker, go with the second copy."""
    for i, ln in enumerate(lines[:10]):
        t = ln.text
        if not (4 <= len(t) <= 60) or _SENTENCE_END.search(t) or i in drop:
            continue
        j = next(
            (
                k
                for k in range(i + 2, min(len(lines), i + 2 + _TITLE_COPY_SPAN))
                if lines[k].text == t
            ),
            None,
        )
        if j is None:
            continue
        body = "\n".join(x.text for x in lines[j + 1 : j + 40])
        between = range(i + 1, j)
        if len(body) < _COPY_BODY or any(len(lines[k].text) > _COPY_LINE for k in between):
            return  # a letter signed by its title's organ, long paragraphs: not furniture
        if any(
            _EVIDENCE_LINE.search(lines[k].text) or SPEAKER.match(lines[k].text) for k in between
        ):
            return
        for k in between:
            pairs = set(_CJK_PAIR.findall(lines[k].text))
            share = sum(1 for p in pairs if p in body) / len(pairs) if pairs else 0.0
            if share >= _COPY_SHARE:
                return
        for k in between:
            drop.setdefault(k, "page chrome")
        drop.setdefault(j, "repeated title")
        return


# (held18) A newspaper's jump note at a line's end (…社会(下转第四版)); (held24) a picture credit
# closing a sentence's line (…閉幕。(新華社資料圖片)).
_JUMP_NOTE = re.compile(
    r"\s*[(（]\s*(?:上接|下转|接上|转下|接第|转第|下轉|轉下|轉第)\s*第?\s*[0-9一二三四五六七八九十]+\s*版\s*[)）]\s*$"
)
_END_CREDIT = re.compile(
    r"(?<=[。！？])\s*[(（][^()（）。，]{0,12}(?:资料图片|資料圖片|资料图|資料圖|图片|圖片|照片)[)）]\s*$"
)


def _inline_credits(lines: list[Line], dropped: list[Dropped]) -> None:
    """Strip a jump note or a picture credit from the end of a line."""
    for ln in lines:
        t = ln.text
        if not t.endswith((")", "）")):
            continue
        m = _JUMP_NOTE.search(t)
        reason = "layout"
        if m is None:
            m, reason = _END_CREDIT.search(t), "photo caption"
        if m is not None and m.start() > 0:
            dropped.append(Dropped(m.group(0).strip(), reason, ln.line))
            ln.text = t[: m.start()].rstrip()


# (held19) A chart's credit alone on a line ((当代中国制图)), under the chart's label (2024政府工作报告01).
_CHART_CREDIT = re.compile(
    r"^[(（][^()（）。，]{2,14}(?:制图|製圖|供图|供圖|摄影|攝影|摄|攝)[)）]$"
)


def _chart_credits(lines: list[Line], drop: dict[int, str]) -> None:
    """Drop a credit line and the short unpunctuated label line above it (a chart's or photo's)."""
    for i, ln in enumerate(lines):
        if ln.text[:1] in "(（" and _CHART_CREDIT.match(ln.text):
            drop.setdefault(i, "photo caption")
            above = lines[i - 1] if i > 0 else None
            if (
                above is not None
                and len(above.text) <= 30
                and not _SENTENCE_PUNCT.search(above.text)
                and not numbered(above.text)
                and not above.md_level
            ):
                drop.setdefault(i - 1, "photo caption")
