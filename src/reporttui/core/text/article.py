"""The article of a saved web page, found by text and punctuation density (no outside extractor).

The page is cut into text blocks (the inline text of each block-level element). A block is
*dense* when it carries enough text of its own outside links and some sentence punctuation, the
way a paragraph of an article does; nav bars, link lists, footers (ICP numbers, 主办单位,
网站标识码) and tool bars carry link text, or short labels without sentence punctuation. Every
element then scores the dense text it holds minus all the other text it holds; the best-scoring
element holding several blocks is the article's container: the smallest element that gathers
the article's paragraphs (and the title lines and sub-headings beside them) without the page
around them. Siblings of the container with a similar density (an article split over two divs)
are added; inside, link lists are left out. The title comes from ``<title>`` (the site's name
cut at the separator), ``og:title``/``ArticleTitle`` metas, the page's headings and the lines of
the article's header, matched against each other. The date is read by html.py (a meta, a
发布时间 line, or a date-only node in the article's header).

Government pages print a record of the document above it (索引号 / 主题分类 / 发文机关 / 成文日期 /
标题 / 发文字号 / 发布日期): it is read into ``Article.info`` and left out of the text. Lists of
other articles with summaries (为你推荐), a breadcrumb before the text, and after its last
paragraph a disclaimer, editor and tag lines, counters and orphaned list titles are left out too;
links that run a script or go nowhere (打印, 纠错, 分享) are controls whose labels are never text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

_BLOCK = frozenset(
    re.findall(
        r"\w+",
        "address article aside blockquote body br center dd details dir div dl dt fieldset "
        "figcaption figure footer form frameset h1 h2 h3 h4 h5 h6 header hgroup hr html li main "
        "menu nav ol p pre section summary table tbody td tfoot th thead tr ul",
    )
)
_SKIP = frozenset(
    re.findall(r"\w+", "script style noscript template iframe select textarea button svg head")
)
_HEADING = frozenset(("h1", "h2", "h3", "h4", "h5", "h6"))
_SENTENCE_PUNCT = re.compile("[，。；！？、]")
_WS = re.compile(r"\s+")
# Hidden, or shown to screen readers only (a zero font; a zero-size box hiding its overflow:
# 正文已结束，您可以按alt+4进行评论).
_HIDDEN = re.compile(
    r"display\s*:\s*none|visibility\s*:\s*hidden|font\s*:\s*0\s*/\s*0|font-size\s*:\s*0(?:px)?\s*(?:;|$)",
    re.IGNORECASE,
)
_ZERO_WIDTH = re.compile(r"(?:^|[;\s])width\s*:\s*0(?:px)?\s*(?:;|$)", re.IGNORECASE)
_ZERO_HEIGHT = re.compile(r"(?:^|[;\s])height\s*:\s*0(?:px)?\s*(?:;|$)", re.IGNORECASE)


HIDING_CLASS = "ng-hide"
"""(pages28) The class AngularJS hides an element with (its own style sheet: display none): a page
saved after its scripts ran carries it on every block it does not show (a print copy of the
article, a masthead, a menu's other tabs)."""


def _hidden(style: str) -> bool:
    """Whether an element's ``style`` hides it from the reader (not from screen readers only)."""
    if not style:
        return False
    if _HIDDEN.search(style):
        return True
    return (
        "overflow" in style
        and _ZERO_WIDTH.search(style) is not None
        and _ZERO_HEIGHT.search(style) is not None
    )


_HTML_END = re.compile(r"</(?:html|body)\s*>", re.IGNORECASE)
# A link that runs a script or goes nowhere is a control (打印, 关闭, 纠错, 分享, 收藏), not text.
_CONTROL_HREF = re.compile(r"\s*(?:javascript:|#\s*$)", re.IGNORECASE)
# Lines after an article's last paragraph that are the page's record of it, not its text: the
# editor's name (【责任编辑：某某】, (编辑：某某), 本文来源：… 责任编辑：…, or the label with the name
# left empty), its keyword or tag line,
# a like counter (+1, 赞 12).
_EDITOR_LINE = re.compile(
    r"^[\[【(（]?\s*(?:(?:本文)?来源\s*[:：]\s*\S{1,20}\s*)?"
    r"(?:责任编辑|责编|编辑|值班编辑|网站编辑|审核|审校|校对)\s*[:：]\s*[^\s。，；]{0,16}\s*[\]】)）]?$"
)
_SENTENCE_END = re.compile("[。！？!?]")
_TAG_LINE = re.compile(r"^(?:关键字|关键词|标签|tags?)\s*[:：]", re.IGNORECASE)
_COUNTER = re.compile(r"^[+＋]?\s*[\d,，.]*\d\s*$|^(?:赞|点赞|顶|踩)\s*[(（]?\d*[)）]?$")
# A field of a government page's record of the document; the label's letters may be spaced out.
_INFO_FIELDS = re.findall(
    r"\w+",
    "索引号 主题分类 发文机关 发布机构 成文日期 发布日期 发文字号 文号 标题 名称 主题词 有效性 "
    "公开方式 生成日期 所属机构 组配分类 体裁分类 发布单位 信息来源 文件编号 公开时限",
)
_INFO_LABEL = re.compile(r"^(" + "|".join(_INFO_FIELDS) + r")[:：](.*)$")
_INFO_OWN = frozenset(("索引号", "主题分类", "发文机关", "发布机构", "成文日期", "发文字号"))
_MAX_INFO_VALUE = 200
_MIN_TEASERS = 3
_MAX_TEASER = 150
"""Characters of summary a teaser of another article carries at most."""
_MAX_TEASER_BLOCKS = 6
_BREADCRUMB = re.compile(r"(?:[>＞»›]\s*[^\s>＞»›]{1,12}\s*){2,}")
_NOTICE_LINE = re.compile(r"^[【\[]?(?:免责声明|版权声明|特别声明|声明)[】\]]?[:：]")
_MAX_LABEL = 12
"""Characters of a list's title (延伸阅读, 相关新闻) left behind when its list is dropped."""
_MAX_EMPTY_LABEL = 8
"""Characters of an empty label after the article (附件：, 相关文章：)."""
# Separators between an article's title and the site/channel names in <title>.
_TITLE_SEP = re.compile(r"\s*(?:_{1,}|-{2,}|—{1,2}|–|\|{1,2}|｜|\s-\s|>{1,2}|»)\s*")
_NAME_SEP = frozenset("-_|｜—–·")
_MIN_HEAD_TITLE = 8
_MAX_SITE_NAME = 20
"""Characters of a site's name after an article's title in ``<title>`` (-新华网, _某某市人民政府)."""
_LABELLED = re.compile(r"[:：]")
_DATED = re.compile(r"(?:19|20)\d\d\s*[-/.年]\s*\d{1,2}")
_MAX_LEAD_TITLE = 60
_META_TITLE = ("og:title", "articletitle", "twitter:title", "headline", "title")

_MIN_DENSE = 10
"""Characters outside links a paragraph needs to count as article text."""
_MAX_LINK_DENSITY = 0.3
_HEADER_BLOCKS = 12
"""Blocks before the article's container that may hold its title (a ``<div class="title">``)."""
_MIN_ARTICLE = 40
"""Dense characters an element must gather to be taken as the article."""


@dataclass(slots=True)
class Block:
    """The inline text of one block-level element (a paragraph, a cell, a list item...)."""

    owner: Any
    parts: list[str]
    chars: int = 0
    link_chars: int = 0
    punct: int = 0
    dense: bool = False

    @property
    def text(self) -> str:
        return _WS.sub(" ", "".join(self.parts)).strip()


@dataclass(slots=True)
class Article:
    """What the density pass found: the article's text blocks, a title and a meta date."""

    blocks: list[str]
    title: str
    container: str
    """Tag and class of the element taken as the article (for ``outline``/debugging)."""
    info: dict[str, str] = field(default_factory=dict)
    """A government page's record of the document (索引号, 发文机关, 成文日期, 标题…), by label."""


def _count(text: str) -> int:
    """Characters of ``text`` that are not whitespace (str.split drops exactly those)."""
    return sum(map(len, text.split()))


def _blocks(root: Any) -> list[Block]:
    """The page's text blocks in document order (hidden and script-like elements skipped)."""
    from lxml import etree

    out: list[Block] = []
    owners: list[Any] = [root]
    links = 0
    controls = 0
    control_links: set[Any] = set()
    bookmarks: set[Any] = set()
    cur = Block(root, [])
    skipped: set[Any] = set()

    def flush(owner: Any) -> None:
        nonlocal cur
        if cur.chars:
            out.append(cur)
        cur = Block(owner, [])

    def add(text: str | None, in_link: bool) -> None:
        if not text:
            return
        n = _count(text)
        if not n:
            return
        cur.chars += n
        if controls:
            cur.link_chars += n  # a button's label (打印, 纠错, 分享): counted, never kept
            return
        cur.parts.append(text)
        if in_link:
            cur.link_chars += n
        else:
            cur.punct += len(_SENTENCE_PUNCT.findall(text))

    walker = etree.iterwalk(root, events=("start", "end"))
    for event, el in walker:
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        if event == "start":
            if not tag:
                continue
            if (
                tag in _SKIP
                or el.get("hidden") is not None
                or _hidden(el.get("style") or "")
                or HIDING_CLASS in (el.get("class") or "").split()
            ):
                walker.skip_subtree()
                skipped.add(el)
                continue
            if tag in _BLOCK:
                flush(el)
                owners.append(el)
            if tag == "a" and _bookmark(el):
                bookmarks.add(el)
            elif tag == "a":
                links += 1
                if _CONTROL_HREF.match(el.get("href") or "x"):
                    controls += 1
                    control_links.add(el)
            add(el.text, links > 0)
        else:
            if el in skipped:
                add(el.tail, links > 0)  # the tail is the parent's text
                continue
            if tag == "a" and el not in bookmarks:
                links -= 1
                if el in control_links:
                    controls -= 1
            if tag in _BLOCK:
                owners.pop()
                flush(owners[-1] if owners else root)
            add(el.tail, links > 0)
    flush(root)
    for b in out:
        own = b.chars - b.link_chars
        b.dense = (
            own >= _MIN_DENSE
            and b.punct >= 1
            and b.link_chars <= _MAX_LINK_DENSITY * b.chars
            and not (isinstance(b.owner.tag, str) and b.owner.tag in _HEADING)
        )
    return out


def _bookmark(el: Any) -> bool:
    """(pages28) A named anchor that goes nowhere (Word's bookmarks, <a name="OLE_LINK3">序号</a>):
    text of the page, not a link."""
    return el.get("name") is not None and not any(
        "href" in k or "click" in k for k in map(str, el.attrib)
    )


def _label(el: Any) -> str:
    cls = (el.get("class") or el.get("id") or "").strip()
    return f"{el.tag}.{cls.split()[0]}" if cls else str(el.tag)


def parse(source: str) -> Any:
    """The page as an lxml tree (None when lxml cannot read it).

    A ``</html>`` or ``</body>`` in the middle of a page (server-side includes leave them) would
    end the parse there, so they are removed first: they carry no text.
    """
    import lxml.html

    try:
        parser = lxml.html.HTMLParser(remove_comments=True, remove_pis=True, encoding="utf-8")
        return lxml.html.document_fromstring(_HTML_END.sub("", source).encode("utf-8"), parser)
    except Exception:  # lxml raises several kinds on broken pages
        return None


def extract(source: str) -> Article | None:
    """The article of ``source`` (None when no element gathers enough article text)."""
    root = parse(source)
    if root is None:
        return None
    blocks = _blocks(root)
    info_blocks, info = _info_table(blocks)
    for b in info_blocks.values():
        b.dense = False  # a record's cells (主题分类：文化、广电…) are not article text
    teasers = _teasers(blocks)
    for b in teasers.values():
        b.dense = False  # a list of other articles (title link, summary, date), not this one
    notices = _notice_boxes(blocks)
    for b in notices.values():
        b.dense = False  # the site's copyright and disclaimer box, on every page of it
    not_text = {**info_blocks, **teasers, **notices}
    grid = _name_grid_cells(blocks)
    score, dense_chars, all_chars, best = _densest(blocks, grid)
    # (pages28) An article that is a data table (a penalty disclosure's label | value rows, few
    # full stops): the largest grid, when it holds more text than the element found, is the
    # article's body, its cells article text (a list of names or messages beside an article
    # holds less than the article; a smaller grid beside the body is no body).
    best_dense = dense_chars.get(best, 0) if best is not None else 0
    size = {t: sum(b.chars for b in cells) for t, cells in grid.items()}
    largest = max(size, key=lambda t: size[t], default=None)
    body = [largest] if largest is not None and size[largest] > best_dense else []
    in_body: set[int] = set()
    if body:
        for t in body:
            for b in grid.pop(t):
                b.dense = b.link_chars == 0
                in_body.add(id(b))
        score, dense_chars, all_chars, best = _densest(blocks, grid)
    if best is None or dense_chars.get(best, 0) < _MIN_ARTICLE:
        return None
    chosen = {best}
    parent = best.getparent()
    if parent is not None:
        density = dense_chars.get(best, 0) / max(1, all_chars.get(best, 1))
        for sib in parent:
            if sib is best or score.get(sib, 0.0) <= 0:
                continue
            if dense_chars.get(sib, 0) / max(1, all_chars.get(sib, 1)) >= 0.5 * density:
                chosen.add(sib)
    inside = [b for b in blocks if any(_contains(c, b.owner) for c in chosen)]
    keep = [
        # (a link list inside the article: 相关阅读, tags, pagination; a form inside it: a vote,
        # comment or search widget with its placeholder text)
        not (b.link_chars > 0.5 * b.chars and not b.dense)
        and id(b) not in not_text
        and not _in_form(b.owner, chosen, dense_chars)
        for b in inside
    ]
    _trim_head(inside, keep)
    _second_copy(inside, keep)
    _foreign_resumes(inside, keep)
    _trim_tail(inside, keep)
    kept = [b.text for b, k in zip(inside, keep, strict=True) if k and b.text]
    first = next((i for i, b in enumerate(blocks) if any(_contains(c, b.owner) for c in chosen)), 0)
    header = [
        b.text for b in blocks[max(0, first - _HEADER_BLOCKS) : first + 3] if not b.link_chars
    ]
    # The lines over the article's first paragraph (its first block with a full stop; a short
    # dense line, a question, may be its title; or the table that is its body), nearest first.
    first_para = next(
        (
            i
            for i, b in enumerate(blocks)
            if (id(b) in in_body or (b.dense and "。" in b.text))
            and any(_contains(c, b.owner) for c in chosen)
        ),
        first,
    )
    over = _lines_over(blocks[max(0, first_para - _HEADER_BLOCKS) : first_para])
    found_title = title(root, header, over)
    info_title = info.get("标题") or info.get("名称") or ""
    if len(_flat(info_title)) >= 4:
        found_title = info_title  # the page's record names the document
    return Article(kept, found_title, _label(best), info)


def _lines_over(blocks: list[Block]) -> list[str]:
    """The link-free lines of ``blocks`` that hold no full stop, nearest (last) first. A line an
    element prints over two (国家…公开表<br>（…52号）, its lines following one another) comes as
    one line before its parts."""
    out: list[str] = []
    i = len(blocks) - 1
    while i >= 0:
        b = blocks[i]
        j = i
        while j > 0 and blocks[j - 1].owner is b.owner:
            j -= 1
        group = [x for x in blocks[j : i + 1] if not x.link_chars and "。" not in x.text]
        if len(group) > 1 and len(group) == i + 1 - j:
            out.append(_join([x.text for x in group]))
        out.extend(x.text for x in reversed(group))
        i = j - 1
    return out


def _join(lines: list[str]) -> str:
    """Lines of one element as one line (no space between Chinese characters)."""
    out = ""
    for line in (x.strip() for x in lines):
        if out and line and (out[-1].isascii() and line[0].isascii()):
            out += " "
        out += line
    return out


def _densest(
    blocks: list[Block], grid: dict[Any, list[Block]]
) -> tuple[dict[Any, float], dict[Any, int], dict[Any, int], Any]:
    """Each element's score (its article text less its other text), article characters and
    characters, and the element taken as the article (None when none scores). A data table's
    cells (``grid``) count for nothing."""
    in_grid = {id(b) for cells in grid.values() for b in cells}
    score: dict[Any, float] = {}
    dense_chars: dict[Any, int] = {}
    all_chars: dict[Any, int] = {}
    n_blocks: dict[Any, int] = {}
    for b in blocks:
        dense = b.dense
        value = float(b.chars - b.link_chars) if dense else -float(b.chars)
        if id(b) in in_grid:
            value = 0.0  # (pages10) a table of names or figures: the article's, not chrome
        el = b.owner
        while el is not None:
            score[el] = score.get(el, 0.0) + value
            all_chars[el] = all_chars.get(el, 0) + b.chars
            n_blocks[el] = n_blocks.get(el, 0) + 1
            if dense:
                dense_chars[el] = dense_chars.get(el, 0) + b.chars - b.link_chars
            el = el.getparent()
    # The container is an element holding several blocks (a paragraph's parent, not the longest
    # paragraph alone: the article's title lines and sub-headings beside it belong to it). On
    # equal scores the outer element wins (it holds nothing more that counts against it).
    best: Any = None
    best_score = 0.0
    for el, s in score.items():
        if n_blocks.get(el, 0) < 2:
            continue
        if s > best_score or (best is not None and s == best_score and _contains(el, best)):
            best, best_score = el, s
    if best is None:
        best = max(score, key=lambda el: score[el], default=None)
    return score, dense_chars, all_chars, best


_GRID_ROWS = 3


def _name_grid_cells(blocks: list[Block]) -> dict[Any, list[Block]]:
    """Blocks that are cells of a data table: one holding no table and no link, of three rows or
    more of two cells or more (a 公示's list of names, units and titles). Such cells hold no
    full stop, so the density pass would count them against the article that prints them."""
    tables: dict[Any, list[Block]] = {}
    for b in blocks:
        el = b.owner
        while el is not None and not (isinstance(el.tag, str) and el.tag.lower() in ("td", "th")):
            el = el.getparent()
        if el is None:
            continue
        table = el.getparent()
        while table is not None and not (
            isinstance(table.tag, str) and table.tag.lower() == "table"
        ):
            table = table.getparent()
        if table is not None:
            tables.setdefault(table, []).append(b)
    out: dict[Any, list[Block]] = {}
    for table, cells in tables.items():
        if any(b.link_chars for b in cells) or table.find(".//table") is not None:
            continue
        rows = [tr for tr in table.iter("tr") if len(tr.findall("td") + tr.findall("th")) >= 2]
        if len(rows) >= _GRID_ROWS:
            out[table] = cells
    return out


def _info_table(blocks: list[Block]) -> tuple[dict[int, Block], dict[str, str]]:
    """The blocks of a government page's document record and its fields by label.

    The record is a run of labelled fields (索 引 号： / 主题分类： / 发文机关： / 成文日期： /
    标　　题： / 发文字号： / 发布日期：…), each label with its value in the same cell or the next
    one, in a table, a list or a row of divs. A run counts when it names at least three fields and
    one of them is a record's own (索引号, 主题分类, 发文机关/发布机构, 成文日期, 发文字号), so a
    report that merely mentions a 标题 is not taken for one.
    """
    found: dict[int, Block] = {}
    fields: dict[str, str] = {}
    i = 0
    while i < len(blocks):
        m = _INFO_LABEL.match(_WS.sub("", blocks[i].text))
        if not m:
            i += 1
            continue
        run: list[Block] = []
        pairs: dict[str, str] = {}
        j = i
        while j < len(blocks):
            m = _INFO_LABEL.match(_WS.sub("", blocks[j].text))
            if not m:
                break
            run.append(blocks[j])
            label, value = m.group(1), m.group(2)
            j += 1
            nxt = blocks[j] if j < len(blocks) else None
            if (
                not value
                and nxt is not None
                and not _INFO_LABEL.match(_WS.sub("", nxt.text))
                and nxt.owner.getparent() is run[-1].owner.getparent()  # the same row or list
                and len(nxt.text) <= _MAX_INFO_VALUE
            ):
                value = nxt.text
                run.append(nxt)
                j += 1
            pairs.setdefault(label, value.strip())
        if len(pairs) >= 3 and _INFO_OWN & pairs.keys():
            found.update((id(b), b) for b in run)
            for k, v in pairs.items():
                fields.setdefault(k, v)
        i = max(j, i + 1)
    return found, fields


def record_label(text: str) -> str | None:
    """The value after a document-record label that ``text`` starts with ("" for a bare label
    such as 发文机关：), or None when ``text`` is not a record field."""
    m = _INFO_LABEL.match(_WS.sub("", text))
    return m.group(2) if m else None


_NOTICE_HEAD = re.compile(
    r"^[【\[]?(?:版权(?:与|和|及|、)?免责|免责|版权|法律|隐私|网站)声明[】\]]?[:：]?$"
)
_MAX_NOTICE = 800
"""Characters of a site's notice box at most (a longer element holds more than the notice)."""


def _notice_boxes(blocks: list[Block]) -> dict[int, Block]:
    """(pages28) The blocks of a site's notice box: an element opened by a heading line of its
    own naming a site's statement (版权与免责声明, 免责声明, 法律声明) and holding little more than
    its numbered clauses. The clauses are sentences about the site (凡本站…), not an article; a
    notice inside the article's container after its text is no box the heading opens."""
    out: dict[int, Block] = {}
    for b in blocks:
        if not _NOTICE_HEAD.match(_flat(b.text)):
            continue
        box = b.owner.getparent()
        if box is None:
            continue
        inside = [x for x in blocks if _contains(box, x.owner)]
        if inside[0] is not b or sum(x.chars for x in inside) > _MAX_NOTICE:
            continue
        out.update((id(x), x) for x in inside)
    return out


def _teasers(blocks: list[Block]) -> dict[int, Block]:
    """The blocks of a list of other articles: three or more sibling elements of one tag (dl, li,
    div…), each small, holding a title link and at most a short summary (为你推荐, 相关新闻 with
    their summaries and dates). Such a list's summaries read like sentences but are not the
    article's."""
    holds: dict[Any, list[Block]] = {}
    for b in blocks:
        el = b.owner
        while el is not None:
            holds.setdefault(el, []).append(b)
            el = el.getparent()
    out: dict[int, Block] = {}
    parents = {el.getparent() for el in holds if el.getparent() is not None}
    for parent in parents:
        kids = [k for k in parent if k in holds]
        if len(kids) < _MIN_TEASERS:
            continue
        tag = max({k.tag for k in kids}, key=lambda t: sum(1 for k in kids if k.tag == t))
        items = [k for k in kids if k.tag == tag]
        teasing = [
            k
            for k in items
            if len(holds[k]) <= _MAX_TEASER_BLOCKS
            and any(b.link_chars > 0.5 * b.chars for b in holds[k])
            and sum(b.chars - b.link_chars for b in holds[k] if b.dense) <= _MAX_TEASER
        ]
        summarised = sum(1 for k in teasing if any(b.dense for b in holds[k]))
        if summarised >= _MIN_TEASERS and len(teasing) >= 0.6 * len(items):
            out.update((id(b), b) for k in teasing for b in holds[k])
    return out


def _trim_head(inside: list[Block], keep: list[bool]) -> None:
    """Leave out a breadcrumb (您所在的位置：首页 > 快讯 > 公司) before the article's text."""
    for i, b in enumerate(inside):
        if b.dense and keep[i]:
            return
        if keep[i] and _BREADCRUMB.search(b.text) and not _SENTENCE_PUNCT.search(b.text):
            keep[i] = False


_SIGNED_OFF = 0.5
"""An editor's line signs the article off when the text after it is at most this share of the
text before it."""


_COPY_SHARE = 0.8
"""Share of a tail's paragraph text that repeats earlier paragraphs for it to be a second copy."""


def _second_copy(inside: list[Block], keep: list[bool]) -> None:
    """(pages9) A container printing the article twice (a print or mobile copy after the first,
    its title and date lines too): from where the paragraphs start to repeat earlier ones, and
    nearly all of what follows does, the rest is the copy, not more of the article."""
    dense_seen: set[str] = set()
    for j, b in enumerate(inside):
        flat = _WS.sub("", b.text)
        if keep[j] and b.dense and len(flat) >= _MIN_COPY and flat in dense_seen:
            tail = [x for x in inside[j:] if x.dense]
            again = [x for x in tail if _WS.sub("", x.text) in dense_seen]
            repeated = sum(x.chars for x in again)
            # Two different paragraphs at least (one paragraph printed twice is no copy).
            distinct = len({_WS.sub("", x.text) for x in again})
            if distinct >= 2 and repeated >= _COPY_SHARE * sum(x.chars for x in tail):
                # The copy's own title and date lines before its first paragraph: lines that
                # were printed before the copy began.
                flats = [_WS.sub("", x.text) for x in inside[:j]]
                start = j
                while start > 0 and flats[start - 1] and flats[start - 1] in flats[: start - 1]:
                    start -= 1
                for k in range(start, len(inside)):
                    keep[k] = False
            return
        if flat and b.dense:
            dense_seen.add(flat)


_MIN_COPY = 20

# A person's résumé: sex, nationality, birth, schooling, native place, alias.
_RESUME = re.compile(
    r"[男女][，,、]|汉族|出生于|出生地|(?:19|20)\d\d年(?:\d{1,2}月)?(?:出)?生[，,。]|毕业于|毕业[，,]"
    r"|籍贯|别名"
)
_TIMELINE = re.compile(r"^(?:19|20)\d\d年")
_FOREIGN_SHARE = 0.2
"""Most share of a résumé's character pairs found in the rest of the article for it to be foreign."""
_MIN_REST = 3


def _pairs(text: str) -> set[str]:
    han = _NON_HAN.sub("", text)
    return {han[i : i + 2] for i in range(len(han) - 1)}


_NON_HAN = re.compile(r"[^\u4e00-\u9fff]")


def _foreign_resumes(inside: list[Block], keep: list[bool]) -> None:
    """(pages9) A person's résumé pasted into an article it has nothing to do with (copies of
    portal pages carrying 关于专家组：某某，男，1935年出生，毕业于… or an actress's biography
    inside a film news item): a paragraph with résumé words whose character pairs are nearly all
    absent from the rest of the article, with the year lines that continue it and the label
    over it. A profile the article is about shares its words (the person's name, the work); a
    page of résumés (a 公示) is not an article with one foreign paragraph."""
    text = [b.text if keep[i] and b.dense else "" for i, b in enumerate(inside)]
    found = [i for i, t in enumerate(text) if t and _RESUME.search(t)]
    paragraphs = sum(1 for t in text if t)
    if not found or paragraphs - len(found) < _MIN_REST or len(found) * 3 > paragraphs:
        return
    for i in found:
        rest = _pairs("\n".join(t for k, t in enumerate(text) if k != i))
        own = _pairs(text[i])
        if not own or len(own & rest) > _FOREIGN_SHARE * len(own):
            continue
        keep[i] = False
        k = i + 1
        while k < len(inside) and (not inside[k].text or _TIMELINE.match(inside[k].text)):
            if inside[k].text and len(_pairs(inside[k].text) & rest) > _FOREIGN_SHARE * len(
                _pairs(inside[k].text)
            ):
                break
            keep[k] = False
            k += 1
        k = i - 1
        while k >= 0 and not inside[k].text:
            k -= 1
        label = k >= 0 and len(_WS.sub("", inside[k].text)) <= _MAX_EMPTY_LABEL * 2
        if label and keep[k] and inside[k].text.rstrip().endswith((":", "：", "简介")):
            keep[k] = False  # the label over it (关于专家组：)


def _trim_tail(inside: list[Block], keep: list[bool]) -> None:
    """Leave out what follows the article's last paragraph without being its text: a site's
    disclaimer (声明：…), editor and tag lines, counters, and the title of a link list that was
    left out (延伸阅读 above its links). A line with sentence punctuation (an author's note, a photo
    credit) stays, but not after the editor's line that signs the article off (责任编辑：某某 after
    most of its text): what the container holds after it is the page's (a promotion box, a list
    of other articles with their dates)."""
    total = sum(b.chars for b in inside if b.dense)
    before = 0
    for i, b in enumerate(inside):
        if (
            keep[i]
            and _EDITOR_LINE.match(_WS.sub("", b.text))
            and total - before <= _SIGNED_OFF * before
        ):
            for k in range(i + 1, len(inside)):
                keep[k] = False
            break
        if b.dense:
            before += b.chars
    for i in range(len(inside) - 1, -1, -1):
        if not keep[i] or not inside[i].dense:
            continue
        flat = _WS.sub("", inside[i].text)
        if not (_NOTICE_LINE.match(flat) or _EDITOR_LINE.match(flat)):
            break
        keep[i] = False
    last = max((i for i, b in enumerate(inside) if b.dense and keep[i]), default=len(inside))
    signed = False
    for i in range(last + 1, len(inside)):
        text = inside[i].text
        flat = _WS.sub("", text)
        if not keep[i]:
            signed = signed or _EDITOR_LINE.match(flat) is not None
            continue
        label = len(flat) <= _MAX_LABEL and not _SENTENCE_PUNCT.search(flat)
        list_title = label and i + 1 < len(inside) and not keep[i + 1]
        # The editor's line signs the article off: a line after it that is no sentence (关注公众号：
        # …, 分享让更多人看到, 阅读剩余全文) is the page's prompt or control, not the article's.
        prompt = signed and not _SENTENCE_END.search(flat)
        if _EDITOR_LINE.match(flat):
            signed = True
        # A label with nothing after it (附件：, 相关文章：) after the last paragraph: a box whose
        # contents are empty or were left out, not the article's.
        empty_label = len(flat) <= _MAX_EMPTY_LABEL and (
            flat[-1:] in (":", "：") or flat.endswith((">>", "》》", "»", "＞＞"))
        )
        if (
            list_title
            or prompt
            or empty_label
            or _EDITOR_LINE.match(flat)
            or _TAG_LINE.match(flat)
            or _COUNTER.match(flat)
        ):
            keep[i] = False


def _in_form(el: Any, chosen: set[Any], dense_chars: dict[Any, int]) -> bool:
    """Whether ``el`` sits in a widget's ``<form>`` inside the article's container: a form holding
    less than half of the container's article text (a vote, comment or search box). A page
    wrapped whole in one form, as some server frameworks write them, holds the article: that
    form is no widget."""
    whole = sum(dense_chars.get(c, 0) for c in chosen)
    while el is not None and el not in chosen:
        if isinstance(el.tag, str) and el.tag.lower() == "form":
            return 2 * dense_chars.get(el, 0) < whole
        el = el.getparent()
    return False


def _contains(outer: Any, inner: Any) -> bool:
    el = inner
    while el is not None:
        if el is outer:
            return True
        el = el.getparent()
    return False


def _flat(text: str) -> str:
    return _WS.sub("", text)


def title(root: Any, header: list[str] | None = None, over: list[str] | None = None) -> str:
    """The article's title: the page's heading, title meta or article-header line (``header``:
    the link-free blocks just before and at the start of the article) that ``<title>`` starts
    with, else a title line just before the article's first paragraph (``over``: the link-free
    blocks before it, nearest first) that is longer than every part of ``<title>``, else the
    longest part of ``<title>`` between separators, else the first ``<h1>``."""
    page_title = ""
    t = root.find(".//title")
    if t is not None:
        page_title = _WS.sub(" ", t.text_content() or "").strip()
    candidates: list[str] = []
    for meta in root.iter("meta"):
        key = (meta.get("property") or meta.get("name") or "").strip().lower()
        if key in _META_TITLE:
            content = _WS.sub(" ", meta.get("content") or "").strip()
            if content:
                candidates.append(content)
    metas = list(candidates)
    for h in root.iter("h1", "h2", "h3"):
        text = _WS.sub(" ", h.text_content() or "").strip()
        if text:
            candidates.append(text)
    candidates.extend(header or ())
    parts = [p.strip() for p in _TITLE_SEP.split(page_title) if _flat(p)]
    # (pages12) Parts between bare hyphens too (太原市人民政府门户网站-晋祠博物馆-董寿平美术馆): a
    # bare hyphen also joins 1-10月, so such a part counts only where a heading agrees with it.
    loose = []
    if len(parts) == 1:
        loose = [_flat(p) for p in re.split(r"[-－]", page_title) if _flat(p)]
    flat_title = _flat(page_title)
    best = ""
    for c in candidates:
        fc = _flat(c)
        if len(fc) < 4 or len(fc) <= len(_flat(best)):
            continue
        if fc == flat_title and len(parts) > 1:
            continue  # a title meta that repeats <title> with the site's name
        # A heading the <title> starts with, or equal to one of its parts: the site's name and
        # channel labels (after the separator) are then cut off.
        # A first line of a title split over lines is not the title: the heading must cover most
        # of the part it starts.
        lead = _flat(parts[0]) if parts else flat_title
        if (
            any(fc == _flat(p) for p in parts)
            or (flat_title.startswith(fc) and len(fc) >= 0.6 * len(lead))
            or (len(loose) > 1 and fc in loose)
        ):
            best = c
    # (pages9, pages10) The page prints a title meta (ArticleTitle, og:title) as a heading or a
    # line of its own at the article's head, and <title> does not hold it as its part (it names
    # only the site, 常州国家高新区管委会（新北区人民政府）; or the site and its domain; or joins the
    # headline to the site with a bare hyphen): two pieces of evidence agree on the headline, not
    # a site-name heading or the longer subtitle <h2> beside it.
    near = {_flat(h) for h in header or ()}
    printed = near | {_flat(line) for line in over or ()}
    printed |= {_flat(c) for c in candidates[len(metas) :]}
    for c in metas:
        fc = _flat(c)
        if (
            len(fc) >= _MIN_HEAD_TITLE
            and fc in printed
            and fc != flat_title
            and fc != _flat(best)
            and not any(fc == _flat(p) for p in parts)
        ):
            return c
    if best and _flat(best) == flat_title:
        # A line repeating <title> whole (a share box) beside a heading <title> starts with: the
        # rest of <title> is the site's name after a separator the split does not take (a single
        # hyphen, which also joins 1-10月): the heading is the title.
        for c in candidates:
            fc = _flat(c)
            rest = flat_title[len(fc) :]
            if (
                len(fc) >= 4
                and flat_title.startswith(fc)
                and rest[:1] in _NAME_SEP
                and len(rest) <= _MAX_SITE_NAME
            ):
                return c
    if best:
        return best
    # <title> names only the channel and the site (新闻动态--中国地理学会官网): the heading at the
    # article's head, of any level (an <h5> on some sites), is the title.
    own = [
        h
        for h in (_WS.sub(" ", e.text_content() or "").strip() for e in root.iter(*_HEADING))
        if _flat(h) in near and len(_flat(h)) >= _MIN_HEAD_TITLE and not _TITLE_SEP.search(h)
    ]
    if own:
        return max(own, key=lambda h: len(_flat(h)))
    # <title> names only the site and its channel (科普中国-辟谣文章) and no heading element holds
    # the title: the line printed over the article's first paragraph is (a <div class="…title">),
    # when it reads as a title line: no label (来源：…), no date, longer than any part of <title>.
    longest_part = max((len(_flat(p)) for p in parts), default=len(flat_title))
    for line in over or ():
        fl = _flat(line)
        if _LABELLED.search(fl) or _DATED.search(fl) or _BREADCRUMB.search(line):
            continue
        if _MIN_HEAD_TITLE <= len(fl) <= _MAX_LEAD_TITLE and len(fl) > longest_part:
            return _WS.sub(" ", line).strip()
    if parts:
        return max(parts, key=lambda p: len(_flat(p)))
    h1 = next((c for c in candidates if c), "")
    return h1
