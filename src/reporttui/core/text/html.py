"""Saved web pages: keep the article, drop the page around it (nav bars, share bars, footers).

The article is found by the project's own text- and punctuation-density pass (core/text/article.py).
GNE (GeneralNewsExtractor), which the first measurement picked, is GPL-3.0 and cannot be a
dependency of this MIT project; on the judged sample's six real saved pages the density pass
keeps the same must-keep sentences, removes the same chrome strings and gets more titles right,
faster, than GNE, trafilatura, readability-lxml or jusText (benchmarks/inputs/html_extractors.py).
The article's text is then located in the page's own text nodes, in order, so that what is kept
comes from the source as it is and everything else (tags, scripts, styles, chrome text) goes to
``Document.dropped``: nothing of the page is lost. The kept part is written as light markdown
(``## `` for ``<h2>``–``<h6>``, ``**…**`` for a paragraph that is all bold) so the ordinary
cleaning and structure steps read its headings the way they read a text file. When no part of
the page reads as an article the whole visible text is kept and the ordinary cleaning removes
what it recognises as chrome.

A government page's record of the document (索引号, 发文机关, 成文日期, 标题…) becomes
``Page.info`` and one dropped piece per field ("document record"); a title the article prints
over several lines is one title line; a data table in the article is written as table rows.
"""

from __future__ import annotations

import bisect
import html as html_lib
import re
from dataclasses import dataclass, field

from reporttui.core.model import Dropped
from reporttui.core.text import article
from reporttui.core.text.headings import numbered
from reporttui.core.text.normalize import normalize_chars

_HTML_START = re.compile(
    r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html\b|head\b)",
    re.IGNORECASE | re.DOTALL,
)
_HTML_TAGS = re.compile(r"<(?:html|head|body|div|p|table|meta|script|span)\b", re.IGNORECASE)
_TOKEN = re.compile(
    r"<!--.*?(?:-->|$)|<(script|style|noscript|template)\b[^>]*>.*?(?:</\1\s*>|$)|<[!/?]?[a-zA-Z][^>]*>",
    re.DOTALL | re.IGNORECASE,
)
_TAG_NAME = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)")
# (round 14) An element the page never shows (style="display:none": a dialog, a toast, a
# popover, a screen reader's label): its text is no part of the article. Only elements whose
# end tag pages do write (not <p>, <li>, <td>, which old pages leave open).
_HIDDEN_STYLE = re.compile(r"""\sstyle\s*=\s*["'][^"'>]*display\s*:\s*none""", re.IGNORECASE)
_HIDING_TAGS = frozenset(
    ("div", "span", "section", "ul", "ol", "table", "a", "label", "form", "aside", "nav", "em")
)


def _hiding_class(tok: str) -> bool:
    """(pages28) The tag carries the class AngularJS hides elements with (``ng-hide``)."""
    c = _CLASS_ATTR.search(tok)
    return c is not None and article.HIDING_CLASS in c.group(1).split()


_HIDDEN_SHARE = 0.5  # hidden text beyond this share of the page's: a page its script reveals
_HIDDEN_SENTENCE = re.compile(r"[。！？!?]")
_BLOCK = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "br",
        "dd",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "ul",
        "title",
        "option",
    ]
)
_BOLD = frozenset(("strong", "b"))
# Inline elements that may declare bold by style instead of <strong>: a section heading written as
# <font style="font-weight:bold"> or <span class="… bold">, the way some CMS editors mark them.
_STYLED_INLINE = frozenset(("span", "font", "em", "i", "u"))
_DECLARED_BOLD = re.compile(
    r"font-weight\s*:\s*(?:bold|bolder|[6-9]00)\b|=\s*[\"'][^\"']*\bbold\b", re.IGNORECASE
)
_HOME_HREF = re.compile(r"\bhref\s*=\s*[\"'](?:https?:)?//[^/\"'?#]+/?(?:\?[^\"']*)?[\"']", re.I)
_CLASS_ATTR = re.compile(r"\bclass\s*=\s*[\"']([^\"']*)[\"']", re.IGNORECASE)
_ATTRS = re.compile(r"^<[a-zA-Z][a-zA-Z0-9]*\s+(.*)>$", re.DOTALL)
_SPACE = re.compile(r"\s+")
_PUBLISHED_TEXT = re.compile(
    r"(?:发布时间|发布日期|发文日期|时间|日期|刊发时间|發布時間|發布日期)\s*[:：]?\s*((?:19|20)\d\d)\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})"
)
_META_DATE = re.compile(
    r"<meta\s+[^>]*(?:name|property)\s*=\s*[\"']?\s*(?:pubdate|publishdate|firstpublishedtime|article:published_time|"
    r"og:release_date|publish_time|ptime|date|dc\.date|og:time|pubtime|publishtime|article:publish_time)"
    # (pages10) Word's "save as web page" leaves the name unquoted (<meta name=PubDate …>).
    r"(?:\s*[\"']|(?=[\s/>]))[^>]*>",
    re.IGNORECASE,
)
_META_SITE = re.compile(
    r"<meta\s+[^>]*(?:name|property)\s*=\s*[\"']?\s*(?:sitename|og:site_name|application-name)"
    r"(?:\s*[\"']|(?=[\s/>]))[^>]*>",
    re.IGNORECASE,
)
_SITE_CONTENT = re.compile(r"content\s*=\s*[\"']([^\"']*)[\"']", re.IGNORECASE)
_HOST_LINE = re.compile(r"主办(?:单位)?\s*[：:]\s*([\u4e00-\u9fff]{4,30})")
_TITLE_TAG = re.compile(r"<title[^>]*>([^<]{1,300})</title>", re.IGNORECASE)
_PORTAL_NAME = re.compile(
    r"^[\u4e00-\u9fff]{2,20}人民政府(?:门户)?(?:网站|网)?$|^[\u4e00-\u9fff]{2,16}政府网$"
    # a department of a division (河北省文化和旅游厅, 某市统计局, 某县发展和改革委员会)
    r"|^[\u4e00-\u9fff]{1,8}(?:省|市|县|区|自治区|自治州|州|盟|旗)[\u4e00-\u9fff]{1,12}(?:厅|局|委员会|办公室)$"
)
_META_CONTENT = re.compile(
    r"content\s*=\s*[\"']?\s*((?:19|20)\d\d)\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})",
    re.IGNORECASE,
)


@dataclass(slots=True)
class Page:
    """What a saved web page gives the rest of the pipeline."""

    text: str
    """The article as light markdown: title line first, one block per line."""
    dropped: list[Dropped] = field(default_factory=list)
    title: str = ""
    published: str | None = None
    """ISO date from a meta tag or a 发布时间 line, if any."""
    chrome: list[str] = field(default_factory=list)
    """Chrome lines (breadcrumbs, dates, sources) that metadata may read."""
    info: dict[str, str] = field(default_factory=dict)
    """A government page's record of the document (索引号, 发文机关, 成文日期, 标题…), by label:
    metadata, not body (its cells are in ``dropped``)."""
    extractor: str = "none"
    site: str = ""
    """The site's publisher as the page states it (<meta name=SiteName>, og:site_name, a footer's
    主办单位 line): who publishes the page, not what it is about."""


def looks_like_html(text: str, name: str = "") -> bool:
    """A file that is a web page: by name (.html/.htm) or by content (an HTML document inside a .txt)."""
    lower = name.lower()
    if lower.endswith((".html", ".htm", ".xhtml", ".shtml")):
        return True
    head = text[:4000]
    if _HTML_START.match(head):
        return True
    return len(_HTML_TAGS.findall(head)) >= 8 and "</" in head


def _norm(s: str) -> str:
    return _SPACE.sub("", normalize_chars(s))


def _iso(y: str, m: str, d: str) -> str | None:
    if 1 <= int(m) <= 12 and 1 <= int(d) <= 31:
        return f"{int(y):04d}-{int(m):02d}-{int(d):02d}"
    return None


_SITE_SUFFIX = re.compile(r"\s+[-–—|]\s+|_|\s*\|\s*|-{2,}")


def _main_content(source: str) -> tuple[str, str, str, dict[str, str]] | None:
    """(content text, title, publish hint, the page's record of the document) from the project's
    density pass (core/text/article.py), or None when no part of the page reads as an article."""
    found = article.extract(source)
    if found is None or not found.blocks:
        return None
    hint = found.info.get("发布日期") or found.info.get("生成日期") or ""
    return "\n".join(found.blocks), found.title, hint, found.info


@dataclass(slots=True)
class _Seg:
    text: str
    line: int
    block_before: bool
    heading: int
    bold: bool
    in_title: bool
    keep: bool = False
    cell: tuple[int, int, int] | None = None
    """(table, row, column) of the innermost table cell holding the node, if any."""
    centered: bool = False
    """The block the node is in is centred (a title printed over several lines)."""
    cls: str = ""
    """The class of the innermost styled inline element holding the node (a CMS's bjh-h3)."""
    home: bool = False
    """The node is inside a link to a site's front page (href="http://www.sohu.com/?…")."""
    caption: bool = False
    """The node opens a centred block right after a picture's own block, or is in a <figcaption>."""
    hidden: bool = False
    """The node is inside an element styled display:none."""


def _segments(source: str, dropped: list[Dropped]) -> list[_Seg]:
    """Text nodes of the page in order, with the block/heading/bold context they sit in."""
    segs: list[_Seg] = []
    tags: list[str] = []
    pos = 0
    line = 1
    block = True
    heading = 0
    bold = 0
    in_title = False
    tables: list[list[int]] = []  # open tables, innermost last: [id, row, column]
    styled: list[bool] = []  # open styled inline elements: each declares bold or not
    classes: list[str] = []  # their class attributes, in step with ``styled``
    home = False  # inside a link to a site's front page
    next_table = 0
    centered = False
    picture = 0  # 1: an <img> with no text after it yet; 2: and its block has closed
    figcaption = False
    hide_name = ""  # the display:none element the nodes are in, and how deep its name nests
    hide_depth = 0
    for m in _TOKEN.finditer(source):
        if m.start() > pos:
            raw = source[pos : m.start()]
            text = html_lib.unescape(raw)
            if text.strip():
                seg = _Seg(text, line, block, heading, bold > 0, in_title, centered=centered)
                # (the picture's own line, centred like it: a body heading after a chart is not)
                seg.caption = figcaption or (picture == 2 and block and centered)
                picture = 0
                if classes:
                    seg.cls = classes[-1]
                seg.home = home
                seg.hidden = hide_depth > 0
                if tables and tables[-1][2]:
                    seg.cell = (tables[-1][0], tables[-1][1], tables[-1][2])
                segs.append(seg)
                block = False
            line += raw.count("\n")
        tok = m.group(0)
        # Dropped pieces are entity-decoded like the kept text, so the no-loss check can compare
        # both with the decoded page.
        if m.group(1):  # script, style, noscript, template
            if any(c.isalnum() for c in tok):
                dropped.append(Dropped(html_lib.unescape(tok), "script/style", line))
        elif tok.startswith("<!--"):
            dropped.append(Dropped(html_lib.unescape(tok), "html comment", line))
        else:
            tags.append(tok)
            t = _TAG_NAME.match(tok)
            if t:
                closing, name = t.group(1) == "/", t.group(2).lower()
                if hide_depth:
                    if name == hide_name and not tok.endswith("/>"):
                        hide_depth += -1 if closing else 1
                elif (
                    not closing
                    and name in _HIDING_TAGS
                    and ("none" in tok or "ng-hide" in tok)
                    and not tok.endswith("/>")
                    and (_HIDDEN_STYLE.search(tok) or _hiding_class(tok))
                ):
                    hide_name, hide_depth = name, 1
                if name == "img" and not closing:
                    picture = 1
                elif name == "figcaption":
                    figcaption = not closing
                if name in _BLOCK:
                    block = True
                    if picture == 1 and name != "br":
                        picture = 2
                    if name != "br":  # a line break stays in its (centred) block
                        centered = not closing and (
                            name == "center" or ("enter" in tok and _CENTER.search(tok) is not None)
                        )
                if name == "a" and not tok.endswith("/>"):
                    home = not closing and _HOME_HREF.search(tok) is not None
                if name in ("h1", "h2", "h3", "h4", "h5", "h6"):
                    heading = 0 if closing else int(name[1])
                elif name in _BOLD:
                    bold = max(0, bold - 1) if closing else bold + 1
                elif name in _STYLED_INLINE and not tok.endswith("/>"):
                    if closing:
                        if classes:
                            classes.pop()
                        if styled and styled.pop():
                            bold = max(0, bold - 1)
                    else:
                        c = _CLASS_ATTR.search(tok) if "class" in tok else None
                        classes.append(c.group(1).strip() if c else "")
                        low = tok.lower()
                        attrs = _ATTRS.match(tok) if ("bold" in low or "weight" in low) else None
                        declared = (
                            attrs is not None and _DECLARED_BOLD.search(attrs.group(1)) is not None
                        )
                        styled.append(declared)
                        bold += declared
                elif name == "title":
                    in_title = not closing
                elif name == "table":
                    if closing:
                        if tables:
                            tables.pop()
                    else:
                        tables.append([next_table, 0, 0])
                        next_table += 1
                elif name == "tr" and not closing and tables:
                    tables[-1][1] += 1
                    tables[-1][2] = 0
                elif name in ("td", "th") and not closing and tables:
                    tables[-1][2] += 1
                elif name in ("p", "div", "td", "li") and not closing:
                    bold = 0
                    styled.clear()
                    classes.clear()
        line += tok.count("\n")
        pos = m.end()
    if pos < len(source) and source[pos:].strip():
        segs.append(_Seg(html_lib.unescape(source[pos:]), line, block, heading, bold > 0, in_title))
    hidden = sum(len(x.text) for x in segs if x.hidden)
    if hidden and hidden > _HIDDEN_SHARE * sum(len(x.text) for x in segs):
        for x in segs:
            x.hidden = False  # most of the page hidden: its script shows it (or tags mis-nest)
    if tags:
        # One piece for all the markup, listed after the page's text pieces in the dropped view.
        dropped.append(Dropped(html_lib.unescape(" ".join(tags)), "html tag", line + 1))
    return segs


def _mark_content(segs: list[_Seg], content: str, exclude: frozenset[str] = frozenset()) -> int:
    """Mark the segments that make up the extracted content, in order; returns how many.

    ``content`` is the article's blocks one per line. A text node continues the block being
    matched, or starts one of the next blocks: a short node (a heading's word) that also occurs
    inside a paragraph is not taken for that paragraph's middle. A node whose text is one of
    ``exclude`` (the 标题 cell of the page's document record) is never content, though the
    article repeats it (printed over three lines under the record).
    """
    blocks = [_norm(b) for b in content.split("\n")]
    target = "".join(blocks)
    starts: list[int] = []
    at = 0
    for b in blocks:
        if b:
            starts.append(at)
        at += len(b)
    ptr = 0
    marked = 0
    last: _Seg | None = None
    last_at = 0
    for n, seg in enumerate(segs):
        if seg.in_title or seg.hidden:
            # (a hidden node is never the article's: the density pass skips what the page hides;
            # a hidden copy of its text, a masthead, would be taken for it)
            continue
        s = _norm(seg.text)
        if not s or s in exclude:
            continue
        if last is not None and len(s) > ptr - last_at and target.startswith(s, last_at):
            # The node before was a stray short one (a counter "9") taken for this block's
            # start: this node is the block, the stray one is not content.
            last.keep = False
            seg.keep = True
            ptr = last_at + len(s)
            last = seg
            continue
        # Only as far as a match may lie (close by, or the next block's start): a node that is
        # not in the content must not cost a scan of the whole rest of it.
        nxt = bisect.bisect_left(starts, ptr + 1)
        reach = max(ptr + 12, starts[nxt] if nxt < len(starts) else ptr)
        j = target.find(s, ptr, reach + len(s))
        if j < 0:
            continue
        ok = j == ptr
        if not ok and len(s) >= 2:
            k = bisect.bisect_left(starts, j)
            if k < len(starts) and starts[k] == j:
                # A block start: close by, or the first block after the current position. A node
                # skipping blocks to one it only begins must be continued by the next node (a
                # menu's 行政处罚 is not the start of a table's 行政处罚决定书文号 cell, two cells on).
                ok = j - ptr <= 12 or k == nxt
                end = starts[k + 1] if k + 1 < len(starts) else len(target)
                if ok and k > nxt and j + len(s) < end:
                    ok = _continued(segs, n, target, j + len(s))
        if ok:
            seg.keep = True
            last, last_at = seg, j
            ptr = j + len(s)
            marked += 1
    return marked


def _continued(segs: list[_Seg], n: int, target: str, at: int) -> bool:
    """Whether the next text node after ``segs[n]`` goes on with ``target`` at ``at``."""
    for seg in segs[n + 1 :]:
        s = _norm(seg.text)
        if s and not seg.in_title:
            return target.startswith(s, at) or s.startswith(target[at : at + len(s)])
    return False


def extract_page(source: str) -> Page:
    """Split a saved web page into the article (light markdown) and everything else (dropped)."""
    dropped: list[Dropped] = []
    segs = _segments(source, dropped)
    found = _main_content(source)
    extractor = "none"
    title = ""
    published_hint = ""
    info: dict[str, str] = {}
    if found is not None and _norm(found[0]):
        content, title, published_hint, info = found
        named = _norm(info.get("标题") or info.get("名称") or "")
        if _mark_content(segs, content, frozenset((named,)) if named else frozenset()):
            extractor = "density"
    if extractor == "none":
        for seg in segs:
            seg.keep = not seg.in_title
    for n, seg in enumerate(segs):
        if seg.hidden and seg.keep:
            # (round 14) What the page never shows is chrome (a dialog's 知道了, a toast's
            # 预览时标签不可点), unless it reads as prose: a sentence stays in any case.
            text = seg.text.strip()
            seg.keep = len(text) > 30 and _HIDDEN_SENTENCE.search(text) is not None
            if not seg.keep and seg.block_before and n + 1 < len(segs):
                segs[n + 1].block_before = True  # the next kept node opens a line of its own
    page = Page("", dropped, extractor=extractor, info=info)
    page.published = _published(source, published_hint, segs)
    page.site = _site(source)

    # The title: the extractor's (from <title>, a heading or a meta), taken from the first text
    # node holding it.
    lines: list[str] = []
    title_n = _norm(title)
    title_seg: _Seg | None = None
    title_run = _split_title(segs, title_n)
    if title_run:
        # The article prints its title over several lines (a long title centred in three <p>):
        # those lines are the title line; a copy elsewhere (the record's 标题 cell) is chrome.
        title_seg = title_run[0]
        title_seg.text = _join_lines([x.text for x in title_run])
        for x in title_run[1:]:
            x.text = ""
        for x in title_run:
            x.keep = False
    elif title_n:
        title_seg = next((s for s in segs if not s.keep and title_n in _norm(s.text)), None)
        if title_seg is None:
            # (pages11) The headline printed over two lines of one heading (标题前半 <br>后半):
            # the heading's nodes together are the title, not its first line.
            broken = _broken_title(segs, title_n)
            if broken:
                title_seg = broken[0]
                title_seg.text = _SPACE.sub(" ", " ".join(x.text.strip() for x in broken))
                for x in broken[1:]:
                    x.text = ""
        if title_seg is None:
            # The title line sits inside the article's container (a <div class="title"> over the
            # first paragraph): that line is the title, not body text.
            title_seg = next((s for s in segs if s.keep and _norm(s.text) == title_n), None)
    if title_seg is None:
        # No extractor title: the page's <title> without the site's name after a separator
        # (标题 - 某某市人民政府门户网站, 标题_新闻中心_某某网), else its <h1>.
        title_seg = next((s for s in segs if s.in_title and _norm(s.text)), None)
        if title_seg is None:
            title_seg = next(
                (s for s in segs if s.heading == 1 and not s.keep and _norm(s.text)), None
            )
        title = _SPACE.sub(" ", title_seg.text).strip() if title_seg else ""
        if title_seg is not None and title_seg.in_title:
            title = _SITE_SUFFIX.split(title)[0].strip() or title
    original = _original_title(segs)
    if original and title.endswith(original) and _TAG_PREFIX.fullmatch(title[: -len(original)]):
        # A bracketed tag before the title ([某某化妆品]标题) that the page's 原标题 line does not
        # carry: a sponsor's or site's label, not part of the title (it goes to the chrome).
        title = original
    tag = _TAG_PREFIX.match(title)
    if tag and tag.end() < len(title) and _tag_is_source(tag.group(0), segs):
        # (pages9) A repost's bracketed source tag before the title ([人民网]标题) that the
        # page's 来源：人民网 line names: where the article came from, not part of its title.
        title = title[tag.end() :].strip()
    page.title = title
    _label_over_title(segs, title)
    _class_headings(segs)
    _home_link_tails(segs)
    _pasted_blocks(segs, dropped, title_seg)
    current: list[str] = []
    cur_heading = 0
    cur_bold = True
    cur_centered = False
    cur_caption: _Seg | None = None  # the line's first node, when it opens a picture's caption
    centred: list[bool] = []  # per line of ``lines``: it is a centred block
    chrome_line: list[str] = []
    chrome_at = 0

    def flush() -> None:
        nonlocal current, cur_heading, cur_bold, cur_centered, cur_caption
        text = _SPACE.sub(" ", "".join(current)).strip()
        if text and cur_caption is not None and _is_caption(text, cur_heading, cur_bold):
            # (pages8) A picture's caption (逸仙生物科技生产线 under the photo) is no heading and
            # no part of the article's prose: it goes where a text file's captions go.
            dropped.append(Dropped(text, "photo caption", cur_caption.line))
            text = ""
        if text:
            if cur_heading >= 2:
                text = "#" * cur_heading + " " + text
            elif cur_bold and len(text) <= 60:
                text = f"**{text}**"
            lines.append(text)
            centred.append(cur_centered)
        current, cur_heading, cur_bold, cur_centered = [], 0, True, False
        cur_caption = None

    grid = _data_tables(segs)
    row: list[tuple[int, list[str]]] = []
    row_key: tuple[int, int] | None = None

    def flush_row() -> None:
        nonlocal row, row_key
        cells = [_SPACE.sub(" ", "".join(parts)).strip() for _, parts in row]
        if any(cells):
            lines.append("| " + " | ".join(cells) + " |")
            centred.append(False)
        row, row_key = [], None

    def flush_chrome() -> None:
        nonlocal chrome_line
        text = _SPACE.sub(" ", " ".join(chrome_line)).strip()
        if text:
            record = info and article.record_label(text) is not None
            dropped.append(Dropped(text, "document record" if record else "page chrome", chrome_at))
            # A date standing alone after the article's end is a list's (the dates of other
            # articles under it), not the article's: it does not inform metadata.
            teaser_date = chrome_past and _BARE_DATE.fullmatch(text) is not None
            if len(text) <= 120 and not record and not teaser_date:
                page.chrome.append(text)  # (the record's fields are in ``page.info``)
        chrome_line = []

    last_kept = max((i for i, s in enumerate(segs) if s.keep), default=-1)
    chrome_past = False  # the chrome line being gathered starts after the article's last node
    for idx, seg in enumerate(segs):
        if seg is title_seg:
            rest = seg.text
            if title:
                k = _locate(rest, title)
                if k is not None:
                    a, b = k
                    lines.insert(0, "# " + _SPACE.sub(" ", rest[a:b]).strip())
                    centred.insert(0, False)
                    rest = rest[:a] + " " + rest[b:]
            if rest.strip():
                chrome_line.append(rest.strip())
                chrome_at = chrome_at or seg.line
                flush_chrome()
            continue
        if not seg.keep:
            # A field of the page's document record is one piece: its label (发文机关：) and the
            # value in the next cell.
            label_only = len(chrome_line) == 1 and article.record_label(chrome_line[0]) == ""
            if seg.block_before and not (info and label_only):
                flush_chrome()
            if not chrome_line:
                chrome_at = seg.line
                chrome_past = idx > last_kept
            chrome_line.append(seg.text.strip())
            continue
        if seg.cell is not None and seg.cell[0] in grid:
            # A data table: its rows are table lines (| 指标 | 绝对数 |), not one line per cell.
            if row_key != seg.cell[:2]:
                flush()
                flush_row()
                row_key = seg.cell[:2]
            if not row or row[-1][0] != seg.cell[2]:
                row.append((seg.cell[2], []))
            elif seg.block_before:
                row[-1][1].append(" ")  # (a cell of several paragraphs: one line, parted)
            row[-1][1].append(seg.text)
            continue
        flush_row()
        if seg.block_before:
            flush()
        if not current:
            cur_heading = seg.heading
            cur_centered = seg.centered
            cur_caption = seg if seg.caption else None
        cur_bold = cur_bold and seg.bold
        current.append(seg.text)
    flush()
    flush_row()
    flush_chrome()
    page.text = "\n\n".join(_join_centred_titles(lines, centred))
    return page


_CAPTION_MAX = 40
_TABLE_TITLE = re.compile(r"表\s*[0-9０-９一二三四五六七八九十]+")
_CAPTION_STOP = re.compile("[。！？!?；;]")


def _is_caption(text: str, heading: int, bold: bool) -> bool:
    """A short line opening the block after a picture's (or in a <figcaption>) that holds no
    sentence and is not set as a heading (<h2>, bold, numbered: a bulletin's 八、财政金融 under its
    chart; a table's 表2 …): the picture's caption."""
    if len(text) > _CAPTION_MAX or _CAPTION_STOP.search(text) or numbered(text) is not None:
        return False
    if _TABLE_TITLE.match(text):  # a table's numbered title heads the table below, not a picture
        return False
        return False
    return heading == 0 and not bold


_MAX_TITLE_LINES = 5
_ORIGINAL_TITLE = re.compile(r"^\s*原标题\s*[:：]\s*(.{4,80}?)\s*$")
_TAG_PREFIX = re.compile(r"\s*(?:\[[^\[\]]{1,20}\]|【[^【】]{1,20}】)\s*")


_LABEL_PUNCT = re.compile("[，。；！？、]")
_SENTENCE_STOP = re.compile("[。！？；:：]")  # (a colon: a caption's 图片来源：… or a label)
_MIN_CLASS_LINES = 3
_MAX_CLASS_HEADING = 30


def _class_headings(segs: list[_Seg]) -> None:
    """Sub-headings a CMS marks only by a class of its own (<span class="bjh-h3">): when the
    article's lines in one class are at least three, each a short line with no sentence stop or
    colon (a caption class's 图片来源：…), and most read as headings by themselves (no punctuation
    at all), the class is the page's heading style, and its lines with a comma (异国他乡，指尖上的
    舞蹈) are headings too: they are marked bold, as a heading made bold by its style is. Measured
    on the page's own lines, not by class names."""
    lines: dict[str, list[_Seg]] = {}
    kept = [x for x in segs if x.keep and x.text.strip()]
    for i, seg in enumerate(kept):
        if not seg.cls or not seg.block_before:
            continue
        if i + 1 < len(kept) and not kept[i + 1].block_before:
            continue  # the class holds only part of its line
        lines.setdefault(seg.cls, []).append(seg)
    for group in lines.values():
        if len(group) < _MIN_CLASS_LINES or all(x.bold for x in group):
            continue
        texts = [_norm(x.text) for x in group]
        if any(len(t) > _MAX_CLASS_HEADING or _SENTENCE_STOP.search(t) for t in texts):
            continue
        plain = sum(1 for t in texts if not _LABEL_PUNCT.search(t))
        if 2 * plain > len(texts):
            for x in group:
                x.bold = True


_BYLINE = re.compile(r"^[^，。；！？:：]{1,8}[:：][^，。；！？]*$")


def _home_link_tails(segs: list[_Seg]) -> None:
    """A link to a site's front page closing a byline in the article (作者：某某 followed by 返回搜狐，
    查看更多, a CMS template's prompt): the site's navigation, not the article's text. Only after a
    label line (作者：…, 采写：…) or a finished sentence, so a link ending a sentence's own words
    (更多内容请访问人民网) stays."""
    kept = [x for x in segs if x.keep and x.text.strip()]
    for i, seg in enumerate(kept):
        if not seg.home or seg.block_before:
            continue
        j = i
        while j + 1 < len(kept) and not kept[j + 1].block_before and kept[j + 1].home:
            j += 1
        if j + 1 < len(kept) and not kept[j + 1].block_before:
            continue  # the block goes on after the link
        k = i
        while k > 0 and not kept[k].block_before:
            k -= 1
        before = _SPACE.sub(" ", "".join(x.text for x in kept[k:i])).strip()
        if _BYLINE.match(before) or before.endswith(("。", "！", "？")):
            for x in kept[i : j + 1]:
                x.keep = False


# (round 16) A block pasted into an article's paragraph: its lines parted by raw line breaks in
# the page's source, each next line starting at once (no indentation: a CMS's own formatting
# indents what follows its line breaks, 来源:\r\n      绵阳市政务网).
_PASTED_BREAK = re.compile(r"\r?\n(?=\S)")
_PASTED_LONG = 40  # characters of an article node that counts as one of its paragraphs
_PASTED_LABEL = re.compile(
    r"^(?:[(（][一二三四五六七八九十\d]{1,3}[)）])?[\u4e00-\u9fff]{2,12}[:：]?$"
)
_PASTED_AFTER = frozenset("。！？!?：:”）)")
_PASTED_SHARE = 4  # the pasted nodes are at most a quarter of the article's long nodes


def _pasted_blocks(segs: list[_Seg], dropped: list[Dropped], title_seg: _Seg | None) -> None:
    """(round 16) A block pasted into a paragraph of the article: a label and a person's profile
    (关于专家组\n某某公司执行董事某某, 简介：\n某某，1962年生…) or a shop's text after the
    article's own last sentence. Known by the markup alone: the node's text goes on after a raw
    line break with no indentation, on a page whose own paragraphs are one line each in the
    source (at most a quarter of the article's long nodes hold such a break, and none of its
    nodes breaks inside a sentence). What follows the first
    break goes to the dropped view, and the node's first line with it when that is a label (a
    colon's, or a few Chinese characters alone); a sentence before the break stays."""
    body = [x for x in segs if x.keep and not x.hidden and x.cell is None and x is not title_seg]
    long = sum(len(x.text.strip()) >= _PASTED_LONG for x in body)
    found: list[tuple[_Seg, str, int]] = []
    for seg in body:
        text = seg.text.strip()
        m = _PASTED_BREAK.search(text)
        if m is None:
            continue
        first = text[: m.start()].strip()
        label = _PASTED_LABEL.match(first) is not None
        if not (label or (first and first[-1] in _PASTED_AFTER)):
            return  # the page's source wraps its lines inside sentences: its breaks mean nothing
        if len(text) - m.end() >= 10:
            found.append((seg, first, m.end() if not label else 0))
    if not found or _PASTED_SHARE * len(found) > long:
        return
    for seg, first, cut in found:
        text = seg.text.strip()
        lead = seg.text[: len(seg.text) - len(seg.text.lstrip())]
        at = seg.line + lead.count("\n") + text[:cut].count("\n")
        dropped.append(Dropped(_SPACE.sub(" ", text[cut:]).strip(), "pasted block", at))
        seg.text = lead + first if cut else ""


_MAX_OVER_LABEL = 8
"""Characters of a column's label printed over an article's title line (各地动态, 工作动态)."""


def _label_over_title(segs: list[_Seg], title: str) -> None:
    """A short label the article's container prints over the article's own title line (各地动态,
    the column's name in a box above it): the page's, not the article's; it goes to the chrome.
    Only labels: a line of at most eight characters with no sentence punctuation (a kicker over
    a title is longer), among the container's first blocks."""
    title_n = _norm(title)
    if len(title_n) < 8:
        return
    blocks: list[list[_Seg]] = []
    for seg in segs:
        if not seg.keep or not _norm(seg.text):
            continue
        if seg.block_before or not blocks:
            if len(blocks) == _MAX_TITLE_LINES:
                break
            blocks.append([])
        blocks[-1].append(seg)
    for j, block in enumerate(blocks):
        if _norm("".join(x.text for x in block)) != title_n:
            continue
        over = blocks[:j]
        if over and all(
            len(t := _norm("".join(x.text for x in b))) <= _MAX_OVER_LABEL
            and not _LABEL_PUNCT.search(t)
            for b in over
        ):
            for b in over:
                for x in b:
                    x.keep = False
        return


_SOURCE_LINE = re.compile(r"(?:来源|来自|稿源|转自|转载自)\s*[:：]\s*([^\s:：|]{2,20})")


def _tag_is_source(tag: str, segs: list[_Seg]) -> bool:
    """A bracketed tag ([人民网]) names the source a 来源：… line of the page gives."""
    name = tag.strip().strip("[]【】").strip()
    if len(name) < 2:
        return False
    return any(m.group(1).startswith(name) for seg in segs for m in _SOURCE_LINE.finditer(seg.text))


def _original_title(segs: list[_Seg]) -> str:
    """The title a page's 原标题：… line gives (a repost's original headline), or ""."""
    for seg in segs:
        m = _ORIGINAL_TITLE.match(seg.text)
        if m:
            return m.group(1).strip()
    return ""


_BARE_DATE = re.compile(
    r"[(（\[【]?\s*(?:19|20)\d\d\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?"
    r"(?:\s*\d{1,2}[:：]\d\d(?:[:：]\d\d)?)?\s*[)）\]】]?"
)
_CENTER = re.compile(r"text-align\s*:\s*center|\balign\s*=\s*[\"']?center", re.IGNORECASE)
# How the title of a document ends (…的通知, …工作意见的报告, …的规定).
_DOC_TITLE_END = re.compile(
    r"(?:通知|报告|规定|意见|办法|决定|细则|方案|规划|纲要|公报|决议|条例|公告|批复|复函|说明)$"
)
_MAX_CENTRED_LINE = 30


def _join_centred_titles(lines: list[str], centred: list[bool]) -> list[str]:
    """A document's title centred over several lines after the page's title (an attached
    report: 关于我国地震重点监视防御区的确定 / 和加强防震减灾工作意见的报告) as one line: the
    lines are centred, short, hold no sentence, and only together end the way a title does."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        j = i
        while (
            j < len(lines)
            and centred[j]
            and len(_plain(lines[j])) <= _MAX_CENTRED_LINE
            and not _SENTENCE_END.search(lines[j])
        ):
            j += 1
        run = [_plain(x) for x in lines[i:j]]
        if (
            j - i >= 2
            and j - i <= _MAX_TITLE_LINES
            and _DOC_TITLE_END.search(run[-1])
            and not any(_DOC_TITLE_END.search(x) for x in run[:-1])
        ):
            out.append(_join_lines(run))
            i = j
            continue
        out.append(lines[i])
        i += 1
    return out


def _plain(line: str) -> str:
    """A line without the light markdown this module writes (``**…**``, ``## ``)."""
    return re.sub(r"^#+\s+", "", line).strip("*").strip()


_MAX_CELL = 60
_SENTENCE_END = re.compile("[。！？]")
"""Characters of a data table's cell: a longer one (a paragraph) makes a layout table."""


def _data_tables(segs: list[_Seg]) -> set[int]:
    """The tables of the article that hold data: kept cells (of the innermost table) in two rows
    or more and two columns or more, each cell short and no sentence in it. A page laid out in
    tables (a government page's article inside a <td>) is not one: its cells hold paragraphs."""
    cells: dict[int, dict[tuple[int, int], str]] = {}
    for seg in segs:
        if seg.cell is None or not seg.keep:
            continue
        t, r, c = seg.cell
        cells.setdefault(t, {})
        key = (r, c)
        cells[t][key] = cells[t].get(key, "") + _norm(seg.text)
    out: set[int] = set()
    for t, grid in cells.items():
        rows = {r for r, _ in grid}
        cols = {c for _, c in grid}
        if len(rows) < 2 or len(cols) < 2 or any("|" in v for v in grid.values()):
            continue
        short = [len(v) <= _MAX_CELL and not _SENTENCE_END.search(v) for v in grid.values()]
        if all(short) or _label_value(grid, short.count(False)):
            out.add(t)
    return out


_LABEL_ROWS = 3
_MAX_VALUE = 300
"""Characters of a label/value table's value cell at most (a longer one holds an article's text:
a layout table's 正文 cell)."""


def _label_value(grid: dict[tuple[int, int], str], long: int) -> bool:
    """(pages28) A table of labelled values (行政处罚决定书文号 | 金罚决字〔2024〕36号, 行政处罚依据 |
    the articles applied.): three rows or more, each a short label before its values, a minority
    of the values sentences or longer, none of them a page's worth."""
    rows: dict[int, list[str]] = {}
    for (r, _c), v in sorted(grid.items()):
        rows.setdefault(r, []).append(v)
    if len(rows) < _LABEL_ROWS or 3 * long > len(grid):
        return False
    return all(
        len(cells) >= 2
        and len(cells[0]) <= _MAX_LABEL_CELL
        and not _LABEL_PUNCT.search(cells[0])
        and all(len(v) <= _MAX_VALUE for v in cells)
        for cells in rows.values()
    )


_MAX_LABEL_CELL = 20


_CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")


def _join_lines(parts: list[str]) -> str:
    """Lines of one title as one line: no space where Chinese meets Chinese (关于批准… / 调整…)."""
    out = ""
    for part in (p.strip() for p in parts):
        if out and part and not (_CJK.match(out[-1]) or _CJK.match(part[0])):
            out += " "
        out += part
    return out


def _split_title(segs: list[_Seg], title_n: str) -> list[_Seg]:
    """The article's own lines that together are the title (each starting a block, in order),
    when it is printed over two or more lines; else an empty list."""
    if len(title_n) < 8:
        return []
    starts = 0
    for i, seg in enumerate(segs):
        if not seg.keep or not seg.block_before:
            continue
        starts += 1
        if starts > _MAX_TITLE_LINES:
            return []  # the title is printed at the article's start
        first = _norm(seg.text)
        if not first or not title_n.startswith(first) or first == title_n:
            continue
        run, got = [seg], first
        for nxt in segs[i + 1 : i + 1 + 3 * _MAX_TITLE_LINES]:
            n = _norm(nxt.text)
            if not n:
                continue
            if not nxt.keep or not title_n.startswith(got + n):
                break
            run.append(nxt)
            got += n
            if got == title_n:
                return run
        return []
    return []


def _broken_title(segs: list[_Seg], title_n: str) -> list[_Seg]:
    """Consecutive chrome nodes of one heading (split by ``<br>``) that together are the title,
    the first node starting a block; else an empty list."""
    if len(title_n) < 8:
        return []
    for i, seg in enumerate(segs):
        first = _norm(seg.text)
        if seg.keep or seg.in_title or not first or not title_n.startswith(first):
            continue
        if first == title_n or not seg.block_before:
            continue
        run, got = [seg], first
        for nxt in segs[i + 1 : i + _MAX_TITLE_LINES]:
            n = _norm(nxt.text)
            if nxt.keep or nxt.in_title or nxt.heading != seg.heading or not n:
                break
            if not title_n.startswith(got + n):
                break
            run.append(nxt)
            got += n
            if got == title_n:
                return run
    return []


def _locate(text: str, title: str) -> tuple[int, int] | None:
    """The span of ``title`` inside ``text`` ignoring whitespace differences, or None."""
    want = _norm(title)
    if not want:
        return None
    chars = [(i, c) for i, c in enumerate(text) if not c.isspace()]
    flat = "".join(normalize_chars(c) if len(normalize_chars(c)) == 1 else c for _, c in chars)
    k = flat.find(want)
    if k < 0 or len(flat) != len(chars):
        return None
    return chars[k][0], chars[k + len(want) - 1][0] + 1


_DATE_NODE = re.compile(
    r"\s*[(（\[【]?\s*((?:19|20)\d\d)\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?"
    r"(\s*\d{1,2}[:：]\d\d(?:[:：]\d\d)?|\s*\d{1,2}\s*时\s*\d{1,2}\s*分)?\s*[)）\]】]?\s*"
)
_HEADER_LINES = 6
_MAX_TITLE_HEADING = 4
"""Kept text nodes at the article's start that may be its date line."""
_HEADER_WINDOW = 16
"""Text nodes before the article's first kept one that count as its header (title, date, source)."""


def _header_date(segs: list[_Seg]) -> str | None:
    """A date standing alone in the article's header (``<span>2020-10-04 20:30</span>``): a text
    node that is only a date, or starts with a date and a time, among the nodes between the last
    heading and the first kept node of the article."""
    first = next((i for i, s in enumerate(segs) if s.keep), None)
    if first is None:
        return None
    start = max(0, first - _HEADER_WINDOW)
    for i in range(first - 1, start - 1, -1):
        # The article's title heading bounds its header; a small heading (<h6> holding the date,
        # author and counters) is a header line itself.
        if segs[i].heading and segs[i].heading <= _MAX_TITLE_HEADING and not segs[i].keep:
            start = i + 1
            break
    for seg in segs[start:first]:
        if seg.in_title or len(seg.text.strip()) > 60:
            continue
        m = _DATE_NODE.match(seg.text)
        if m and (m.end() == len(seg.text) or m.group(4)):
            return _iso(*m.groups()[:3])
    return None


_HEAD_END = re.compile(r"</head\s*>", re.IGNORECASE)
_HEAD_MIN = 20000


def _head(source: str) -> str:
    """Where a page's meta tags are: its first 20,000 characters, or up to ``</head>`` when the
    head is longer (pages10: Word's "save as web page" writes its style sheets before the metas)."""
    end = _HEAD_END.search(source, _HEAD_MIN)
    if end is None or source.rfind("<body", 0, _HEAD_MIN) >= 0:
        return source[:_HEAD_MIN]
    return source[: end.start()]


def _site(source: str) -> str:
    """(pages8) The site's publisher: a SiteName / og:site_name meta, else a 主办单位 line."""
    for m in _META_SITE.finditer(_head(source)):
        c = _SITE_CONTENT.search(m.group(0))
        if c and c.group(1).strip():
            return _SPACE.sub(" ", html_lib.unescape(c.group(1))).strip()
    host = _HOST_LINE.search(source)
    if host:
        return host.group(1)
    # (pages12) No site meta, no 主办单位 line: a part of <title> naming a government portal or
    # department (太原市人民政府门户网站-晋祠博物馆-…, … _ 河北省文化和旅游厅) is the site's name.
    t = _TITLE_TAG.search(_head(source))
    if t:
        for part in re.split(r"\s*(?:[-－_|｜—–]+|>>?)\s*", html_lib.unescape(t.group(1))):
            part = part.strip()
            if 4 <= len(part) <= 30 and _PORTAL_NAME.search(part):
                return part
        return _learned_site(source, html_lib.unescape(t.group(1)))
    return ""


_CJK4 = re.compile(r"[\u4e00-\u9fff]{4}")
# Where a page names its owner: a logo's alt text, a copyright or host line in the footer.
_OWNER_BEFORE = (
    r"(?:版权所有|Copyright|©|&copy;|主办单位|主办|承办|维护)\s*[:：]?\s*(?:(?:19|20)\d\d\s*)?"
)


def _learned_site(source: str, title: str) -> str:
    """(round 8) The site's name learned from agreement: the part of ``<title>`` that the page
    also gives as a logo's alt text or as the owner in its copyright or host line. A headline
    is printed again in the article, never as the owner; a name in one place only is no proof.
    """
    parts = [p.strip() for p in re.split(r"\s*(?:[-－_|｜—–]+|>>?)\s*", title) if p.strip()]
    parts = parts[:1] + [p for p in parts[1:] if 4 <= len(p) <= 30 and _CJK4.search(p)]
    if len(parts) < 2:
        return ""  # the site's name is one part of several
    head_end = source.lower().find("</head>")
    body = source[head_end + 7 :] if head_end >= 0 else source
    # The first part is the headline's place (an image's alt text often repeats the headline);
    # a site puts its name after it.
    for part in reversed(parts[1:]):
        name = re.escape(part)
        if re.search(rf"alt\s*=\s*[\"']?\s*{name}", body) or re.search(_OWNER_BEFORE + name, body):
            return str(part)
    return ""


def _published(source: str, hint: str, segs: list[_Seg]) -> str | None:
    """The publication date: a meta tag, else a 发布时间 line, else a date-only node in the
    article's header, else the extractor's hint. A meta that is the page's build time (the
    same stamp as its 页面生成时间 line: a CMS regenerating old articles) comes after the date the
    article prints."""
    for m in _META_DATE.finditer(_head(source)):
        c = _META_CONTENT.search(m.group(0))
        if c:
            meta = _iso(*c.groups())
            if meta is None or not _is_build_time(source, meta):
                return meta
            return _printed_date(hint, segs) or meta
    return _printed_date(hint, segs)


_BUILD_TIME = re.compile(r"页面生成时间\s*[:：]?\s*((?:19|20)\d\d)-(\d{1,2})-(\d{1,2})")


def _is_build_time(source: str, date: str) -> bool:
    """(pages10) The page says it was generated on ``date``: a date meta of that day is when the
    CMS wrote the page, which may be years after the article (a 2020 item with PubDate 2022)."""
    return any(_iso(*m.groups()) == date for m in _BUILD_TIME.finditer(source))


def _printed_date(hint: str, segs: list[_Seg]) -> str | None:
    """The date the page prints: a 发布时间 line, a date-only node in the article's header, else
    the extractor's hint."""
    for seg in segs:
        if seg.keep:
            continue
        found = _PUBLISHED_TEXT.search(seg.text)
        if found:
            return _iso(*found.groups())
    # The article's own header line (时间：2019年10月31日 23:00 浏览：33, 2019-09-26 12:11来源：…)
    # when the density pass kept it with the text: a line that starts with the date.
    for seg in [s for s in segs if s.keep][:_HEADER_LINES]:
        line = seg.text.strip()
        found = _PUBLISHED_TEXT.match(line)
        if found:
            return _iso(*found.groups())
        dated = _DATE_NODE.match(line)
        if dated and dated.group(4):
            return _iso(*dated.groups()[:3])
    # The page's record of the document (发布日期 in the 索引号 table) before a date standing
    # alone in the header: the record's 成文日期 cell is one such date, and not the posting date.
    recorded = re.match(r"\s*((?:19|20)\d\d)\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})", hint)
    if recorded:
        return _iso(*recorded.groups())
    header = _header_date(segs)
    if header:
        return header
    guess = re.match(r"\s*((?:19|20)\d\d)[-/.年](\d{1,2})[-/.月](\d{1,2})", hint)
    return _iso(*guess.groups()) if guess else None
