"""Line-level cleaning: drop chrome and markup, keep every word of the report.

Input is decoded text; output is a list of :class:`Line` (non-blank, normalised, with the layout
facts the rejoin and structure steps need) plus what was dropped, each piece with a reason.
Nothing here guesses structure: it only removes what is certainly not report text (web-page
chrome, newspaper mastheads and layout lines, HTML tags and comments, markdown markup).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from reporttui.core.model import Dropped
from reporttui.core.text.bbcode import looks_like_bbcode, strip_bbcode
from reporttui.core.text.normalize import (
    has_private_use,
    normalize_chars,
    private_use,
    strip_private_use,
    tidy_punctuation,
)
from reporttui.core.text.runon import split_run_on
from reporttui.core.text.variants import has_traditional, to_simplified, traditional_variety


@dataclass(slots=True)
class Line:
    """One non-blank source line after cleaning."""

    text: str
    line: int
    """1-based line number in the decoded source."""
    blank_before: int = 0
    """Blank lines between this line and the previous kept line."""
    md_level: int = 0
    """Markdown heading level (``#`` = 1), 0 when not a markdown heading."""
    hard_break: bool = False
    """The source line ended with two spaces (a markdown line break): never joined onward."""
    bold: bool = False
    """The whole line was bold (``**...**``): a title or heading, never joined."""
    cells: tuple[str, ...] = ()
    """Table cells (tab- or pipe-separated) when the line is a table row."""
    html_block: bool = False
    """The line held a block-level HTML tag (a banner pasted after the report)."""
    tabbed: bool = False
    """The cells were tab-separated (a spreadsheet or web table pasted as text)."""
    blank_after: int = 0
    link_only: bool = False
    """The whole line was one link (a wiki link set on its own line inside a sentence)."""


@dataclass(slots=True)
class Cleaned:
    lines: list[Line]
    dropped: list[Dropped]
    front_matter: dict[str, str] = field(default_factory=dict)
    chrome_text: list[str] = field(default_factory=list)
    """Dropped chrome lines (dates, page titles): metadata may read them."""


_FRONT_MATTER_END = re.compile(r"\n(?:---|\.\.\.)[ \t]*(?:\n|$)")
_LITERAL_NEWLINE = re.compile(r"\\r\\n|\\n|\\r")
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.S)
_HTML_TAG = re.compile(r"</?([a-zA-Z][a-zA-Z0-9]*)\b[^<>]*?/?>")
_BLOCK_TAGS = frozenset(
    [
        "div",
        "p",
        "br",
        "table",
        "tr",
        "td",
        "th",
        "li",
        "ul",
        "ol",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "section",
        "article",
        "header",
        "footer",
        "hr",
    ]
)
_ENTITY = re.compile(r"&(?:#\d+|#x[0-9a-fA-F]+|[a-zA-Z]{2,8});")

_MD_HEADING = re.compile(r"^(#{1,6})[ \t]+(.*?)[ \t]*#*[ \t]*$")
_MD_RULE = re.compile(r"^(?:[-*_][ \t]*){3,}$")
_MD_EMPTY_QUOTE = re.compile(r"^>+$")  # an empty blockquote line between quoted paragraphs
_MD_TABLE_SEP = re.compile(r"^\|?[ \t]*:?-{2,}:?[ \t]*(?:\|[ \t]*:?-{2,}:?[ \t]*)*\|?$")
_MD_IMAGE = re.compile(r"!\[([^\]]*)\]\(([^)]*)\)")
_MD_LINK = re.compile(r"\[([^\]]+)\]\(([^)]*)\)")
_WHOLE_LINK = re.compile(r"^\[[^\]]+\]\([^)]*\)$")
_DASHED_PAGE = re.compile(r"^[-－—–]\s*\d{1,3}\s*[-－—–]$")
_MD_LIST = re.compile(r"^(?:[-*+]|>+)[ \t]+")
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>])")

_WEB_CHROME = re.compile(
    r"^(?:title|您当前的位置|当前位置|您现在的位置|您的位置|所在位置|首页\s*[>＞]"
    r"|发布时间|发布日期|发文日期|信息来源|来源|浏览次数|点击数|阅读次数|访问次数|字号|字体"
    r"|打印本页|关闭窗口|【打印】|【关闭】|分享到|扫一扫|责任编辑|网站编辑|编辑|投稿邮箱)"
    r"(?:\s*[:：>＞]|\s*$|\s*[【\[(（])",
    re.I,
)
# A site's notice about itself: a disclaimer or source-link label, then words about the site.
_SITE_NOTICE = re.compile(
    r"^[【\[]?(?:免责声明|版权声明|声明|原文链接|原文地址|本文链接|本文地址|转载请注明|文章来源)[】\]]?\s*[:：]?"
    r"(?=.*(?:本站|本网|本文|网站|转载|版权|链接|https?://|www\.))"
    r"|^.{0,40}(?:未经(?:书面)?(?:授权|许可).{0,6}(?:不得|禁止)|版权所有|版权归[^。，]{1,20}所有)"  # a copyright line
    r"|^(?:欢迎访问|欢迎光临|点击下载|点击查看|点击进入)"  # a site's greeting, a link label
    # A sharing site's upload note (《X》由会员上传分享，免费在线阅读…).
    r"|^《[^《》]{1,80}》\s*由(?:会员|用户|网友)(?:上传)?分享"
    # An essay site's lead note on an upload (导语：X一文来源于网友上传，不代表本站观点…).
    r"|^(?:导语\s*[:：])?.{0,60}(?:来源于|由)(?:网友|会员|用户)上传.{0,6}不代表本站"
    # An app's advertisement (下载XX新闻APP客户端，随时随地看新闻！).
    r"|^(?:扫码)?(?:下载|打开|安装)[^。，\n]{0,16}(?:APP|App|app|客户端)"
    # (held20) A platform's disclaimer on an author's upload (…仅代表该作者或机构观点…), its label alone.
    r"|^.{0,60}仅代表[^。]{0,12}观点|^(?:特别声明|免责声明|版权声明)$"
    # A site's legal record numbers, its builder, its page timer (皖ICP备…, 公网安备, 技术支持：).
    r"|^.{0,30}(?:ICP[备证]|公网安备|技术支持\s*[:：]|页面执行)"
    # A bracketed note naming the site's address (……（新文秘网http://…省略912字…）……).
    r"|^[…\.\s]*[(（][^()（）]{0,40}(?:https?://|www\.)[^()（）]{0,60}[)）][…\.\s]*$"
)
# A site banner naming its domain (某某网欢迎你/www.xjnnet.com/…), an SEO keyword line (a_b_c_d).
_SENTENCE_END = re.compile(r"[。！？!?]")
# What a site notice starts with or holds (Simplified or Traditional), for a quick test first.
_NOTICE_FIRST = frozenset("【[免版声聲原本转轉文欢歡点點下扫打安《特")
_NOTICE_WORDS = (
    "版权",
    "版權",
    "未经",
    "未經",
    "ICP",
    "公网安备",
    "技术支持",
    "页面执行",
    "上传",
    "仅代表",
)
_SITE_BANNER = re.compile(r"(?:www\.)?[a-z0-9-]+\.(?:com|cn|net|org)\b", re.I)
_SEO_KEYWORDS = re.compile(r"^[^。，！？]{2,40}(?:_[^_。，！？]{2,40}){3,}$")
_CHROME_ONLY = re.compile(
    r"^(?:打印本页|关闭窗口|打印|关闭|收藏|分享|返回顶部|导航菜单|网站导航|栏目导航|导航|菜单|语音播报"
    r"|【(?:打印|关闭|收藏|返回|大|中|小|打印本页|关闭窗口)】|[\s|｜/])+$"
)
_REPORTER_NOTE = re.compile(
    r"^[(（]\s*(?:本报|本台|特约)?(?:记者|通讯员|实习生)[\s：:]*[\u4e00-\u9fff·]{2,4}"
    r"(?:[\s、，,]+(?:(?:记者|通讯员|实习生)[\s：:]*)?[\u4e00-\u9fff·]{2,4})*\s*[)）]$"
)
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
_PINYIN = re.compile(
    rf"(?<=[\u4e00-\u9fff])[(（]\s*([a-zA-Zü{_TONED}]*[{_TONED}][a-zA-Zü{_TONED}]*)\s*[)）]"
)
_TONED_ANY = re.compile(f"[{_TONED}]")
_PINYIN_ANY = re.compile(rf"[(（]([a-z]{{0,5}}[{_TONED}][a-z]{{0,4}})[)）]")
_TONELESS = re.compile(r"(?<=[\u4e00-\u9fff])[(（]([a-z]{1,6})[)）]")
# A pinyin syllable without its tone mark: an initial (or none) and a final.
_SYLLABLE = re.compile(
    r"^(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
    r"(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|uan|ai|ei|ui|ao|ou|iu|ie|ue|er|an|en|in|un"
    r"|ia|ua|uo|a|o|e|i|u|v)$"
)
_PREV_NEXT = re.compile(r"^(?:上一篇|下一篇|上一条|下一条)\s*[:：]?\s*(.*)$")
_LAYOUT = re.compile(
    r"^[(（]?\s*(?:上接|下转|接上|转下|接第|转第)\s*第?\s*[0-9一二三四五六七八九十]+\s*版\s*[)）]?$"
)
_LAYOUT_STAFF = re.compile(r"(?:^|\s)(?:版面|组版|责编|校对|美编|版式|责任校对|值班编委)\s*[:：]")
# Terminal control: escape sequences whole (CSI, OSC/DCS/APC up to their terminator, 8-bit forms)
# and any other C0/C1 control or DEL. Tab, LF and CR are layout; VT and FF are line breaks.
_CONTROL_ANY = re.compile("[\x00-\x08\x0b-\x0c\x0e-\x1f\x7f-\x9f]")
_CONTROL_SEQ = re.compile(
    "\x1b\\[[0-?]*[ -/]*[@-~]"
    "|\x1b[\\]PX^_][^\n]*?(?:\x07|\x1b\\\\|\x9c|$)"
    "|\x1b[ -/]*[0-~]"
    "|\x9b[0-?]*[ -/]*[@-~]"
    "|[\x90\x98\x9d\x9e\x9f][^\n]*?(?:\x07|\x9c|\x1b\\\\|$)"
    "|[\x00-\x08\x0e-\x1f\x7f-\x9f]",
    re.M,
)
_MASTHEAD = re.compile(r"(?:19|20)\d\d\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*星期[一二三四五六日天]")
# A location bar of any site: short parts joined by arrows (首页 > 信息公开 > 信息浏览).
# Pictographs and their joiners (emoji, keycaps 1️⃣, dingbats such as ✨), not CJK or punctuation.
_EMOJI = re.compile("[\U0001f000-\U0001faff\u2600-\u27bf\u2b00-\u2bff\ufe0f\u200d\u20e3]+")
# A Markdown footnote mark inside a line ([^1], [^note]), not a footnote's own line ([^1]: …).
_FOOTNOTE_MARK = re.compile(r"(?<=\S)\[\^[^\]\s]{1,12}\](?!:)")
_FOOTNOTE_LABEL = re.compile(r"^\s*\[\^[^\]\s]{1,12}\]:\s*")
# (held19) A breadcrumb continued on its own line, each item after an arrow (>人大工作 >决议决定).
_ARROW_LED_CRUMB = re.compile(r"^(?:\s*(?:>>?|＞|»|›)\s*[^\s。，！？>＞»›→]{1,12}){2,}$")
# (held18) A disclosure record's line of bracketed labels and their values ([ 索引号 ] 1150…/2023-
# 00515 [ 发文字号 ]): two labels or more, no sentence.
_BRACKET_RECORD = re.compile(
    r"^(?:\s*[\[【]\s*[\u4e00-\u9fff]{2,6}\s*[\]】]\s*[^\[\]【】。，！？]{0,60}?){2,}$"
)
_CJK_CHAR = re.compile(r"[\u4e00-\u9fff]")
# A headline after the record's last value has this many Chinese characters or more.
_HEADLINE_AFTER = 10
_BREADCRUMB = re.compile(
    r"^[^。，！？>＞»›→]{1,30}(?:\s*(?:>>?|-{1,2}>|＞|»|›|→)\s*[^。，！？>＞»›→]{1,30}){2,}$"
)
# A site's channel under its name, two parts (人民网>>2017全国两会, 新华网 > 时政): the site's name
# (…网) or 首页 first, so a heading with an arrow in it stays.
_SITE_CHANNEL = re.compile(
    r"^(?:[^。，！？>＞»›→\s-]{1,10}(?:网|首页|频道)|首页)\s*(?:>>?|-{1,2}>|＞|»|›|→)\s*[^。，！？>＞»›→]{1,20}$"
)
# A multi-page article's pager, a line of page links and nothing else (第1页第2页, 上一页 1 2 3
# 下一页, 共3页): the pages' text is what was saved, the links are the site's.
_PAGER = re.compile(
    r"^(?:\s*(?:第\s*\d{1,3}\s*页|共\s*\d{1,3}\s*页|上一页|下一页|首页|尾页|末页|前一页|后一页"
    r"|\d{1,3}|[<>«»‹›|｜/]|\.{2,}|…+|[\[【]\s*\d{1,3}\s*[\]】])\s*)+$"
)
# A toolbar: three or more action words and nothing else (打印网摘纠错商城分享推荐 字号).
_TOOLBAR = re.compile(
    r"^(?:(?:打印|网摘|纠错|商城|分享|推荐|字号|收藏|关闭|评论|转发|复制链接|手机看新闻|大|中|小"
    r"|变大|变小|放大|缩小|默认|字体)[\s|｜/]*){3,}$"
)
# (held15) A portal's accessibility switches alone on a line (• 无障碍 • 长辈版, 无障碍浏览 长者模式).
_ACCESSIBILITY = re.compile(
    r"^[•·●\s|｜/]*(?:(?:无障碍(?:浏览|阅读|通道)?|长辈版|长者模式|关怀版|适老版|老年模式|读屏|简体版?|繁[體体]版?)"
    r"[•·●\s|｜/]*)+$"
)
# A site's name, a timestamp and its channel on one line (公文搜 2021-07-28 08:33:05 政府报告), or
# a timestamp and the site (2016年01月31日 10:40  海曙新闻网).
_STAMP_CHANNEL = re.compile(
    r"^[\u4e00-\u9fff]{2,6}\s+(?:19|20)\d\d[-/.]\d{1,2}[-/.]\d{1,2}\s+\d{1,2}:\d{2}(?::\d{2})?"
    r"\s+[\u4e00-\u9fff]{2,8}$"
    r"|^(?:19|20)\d\d[-/.年]\d{1,2}[-/.月]\d{1,2}日?\s*\d{1,2}:\d{2}(?::\d{2})?\s+[\u4e00-\u9fff]{2,10}$"
    # (held16) The site's address first, then its clock and the source, maybe in empty table
    # cells: http://wmf.fjsen.com 2008-01-21 17:47:05 来源:福建日报.
    r"|^(?:https?://|www\.)[\w./-]+\s+(?:19|20)\d\d[-/.年]\d{1,2}[-/.月]\d{1,2}日?\s*\d{1,2}:\d{2}(?::\d{2})?"
    r"\s+(?:(?:来源|稿源)\s*[:：]\s*)?[\u4e00-\u9fff]{2,10}[\s|｜]*$"
)
# A photo's credit closing its caption: (李玉飞/摄), 新华社记者樊如钧摄, …《政府工作报告》丁志平摄.
_PHOTO_CREDIT = re.compile(
    r"[(（][^()（）]{0,14}[/\s]?摄[)）]$|(?:记者|通讯员|摄影|[\s》”。])\s*[\u4e00-\u9fff·]{2,4}\s*摄$|。\s*摄$"
)
# The site's owner (主办单位: 麻城市融媒体中心), not a task's lead units (主办单位：市水务局，各县…).
_SITE_OWNER = re.compile(
    r"^(?:主办单位|承办单位|主管单位|协办单位)\s*[:：]\s*[^，、,。；]{2,24}"
    r"(?:中心|网|报社|电视台|办公室|网站)$"
)
# A caption saying what the photo shows (图为代表、委员听报告), short and without a sentence end.
# (round 9) A caption of sentences closed by its credit: a gallery's text, kept (the credit goes).
_CAPTION_SENTENCE = re.compile(r"[\u4e00-\u9fff“”《》、，,]{12,}[。！？]\s*[^。！？]{0,24}$")
_PHOTO_SAYS = re.compile(r"^图为[^。！？!?]{2,40}$")
# A page's reading-time note (本篇文章1607字,读完约4分钟; 全文共2000字，阅读大约需要5分钟).
_READING_TIME = re.compile(
    r"^(?:本篇文章|本文|全文)\s*(?:共|约)?\s*\d+\s*字\s*[,，]?\s*(?:预计)?(?:读完|阅读)(?:大约|约)?(?:需要|需|时间)?\s*约?\s*\d+\s*分钟$"
)
_BROKEN_TAG = re.compile(r"<[*\s]{0,3}[A-Za-z]{0,4}[*\s]{0,3}/>")
# A page's thumbnail caption on a sharing site (乡镇政府换届工作报告 _第1页).
_PAGE_THUMB = re.compile(r"^[^。，！？]{2,40}?\s*_\s*第\s*\d{1,3}\s*页$")
_FILE_SUFFIXES = (".docx", ".doc", ".pdf", ".txt", ".wps", ".xls", ".xlsx", ".ppt", ".pptx")
_FILE_NAME = re.compile(r"^[^。，！？\s]{2,60}\.(?:docx?|pdf|txt|wps|xlsx?|pptx?)$", re.I)
_MORE_LINK = re.compile(r"^[^。，！？\s]{2,20}(?:>>|»)$")
# A picture left as its file name (01.png) or a logo's alt text (中原区人民政府网站logo).
_IMAGE_NAME = re.compile(
    r"^[^。，！？\s]{1,60}\.(?:png|jpe?g|gif|bmp|webp)$|^[^。，！？\s]{2,30}(?:logo|LOGO|Logo)$"
)
# A site's label over the article view (中新社吉林分社正文): the site (…网, …社, …频道) and 正文.
_VIEW_LABEL = re.compile(r"^[\u4e00-\u9fff]{2,14}(?:网|社|频道|网站)\s*正文$")
# A location bar parted by slashes that starts at the home page (首页/ 政务公开/ 统计公报/ 正文).
_SLASH_CRUMB = re.compile(r"^首页\s*/(?:\s*[^。，！？/\s]{1,16}\s*/){1,8}\s*[^。，！？/\s]{1,16}$")
# A timestamp standing alone, maybe after a name: a page clock (2018/12/28 上午9:27:28 星期五) or
# a byline (李万祥 2025-09-11 12:48:20).
_TIMESTAMP_LINE = re.compile(
    r"^(?:[\u4e00-\u9fff·]{2,5}\s+)?(?:19|20)\d\d[-/.年]\d{1,2}[-/.月]\d{1,2}日?\s*(?:上午|下午)?\s*"
    r"\d{1,2}:\d{2}(?::\d{2})?\s*(?:星期[一二三四五六日天]|周[一二三四五六日天])?$"
)


def clean(text: str) -> Cleaned:
    """Clean decoded ``text`` into lines; see the module docstring."""
    dropped: list[Dropped] = []
    chrome_text: list[str] = []
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.count("\\n") + text.count("\\r") >= 2 and text.count("\n") < text.count("\\n"):
        text = _LITERAL_NEWLINE.sub("\n", text)
    if _CONTROL_ANY.search(text):
        text = drop_controls(text, dropped)
    front: dict[str, str] = {}
    text = _front_matter(text, front, dropped)
    if "<!--" in text:
        text = _drop_comments(text, dropped)
    if looks_like_bbcode(text):
        text = strip_bbcode(text, dropped)
    text = split_run_on(text)

    # Lines are read in Simplified (and without readings) only in a text written in Traditional.
    sample = text[:4000]
    traditional = (has_traditional(sample) and traditional_variety(sample) >= 5) or (
        _TONED_ANY.search(sample) is not None
    )
    lines: list[Line] = []
    blank = 0
    skip_next_title = False
    pua: list[str] = []
    emoji: list[str] = []
    raws = text.split("\n")
    pages = _chunk_pages(raws)
    for number, raw in enumerate(raws, start=1):
        hard_break = raw.endswith("  ") and raw.strip() != ""
        s = normalize_chars(raw)
        if has_private_use(s):
            pua.extend(private_use(s))
            s = strip_private_use(s)
        if _EMOJI.search(s):
            # (held18) Pictographs a blog or an AI digest sets around titles and sentences
            # (🌟…📜, 1️⃣): decoration, not text; kept out of the lines (they hid line ends from
            # the rejoin and stuck to titles), all listed in the dropped view.
            emoji.extend(_EMOJI.findall(s))
            s = _EMOJI.sub("", s)
        if "[^" in s and (fn := _FOOTNOTE_LABEL.match(s)):
            # The footnote's own line ([^1]: （根据…刊印）): its label goes, its note stays.
            dropped.append(Dropped(fn.group(0).strip(), "footnote mark", number))
            s = s[fn.end() :]
        if "[^" in s and _FOOTNOTE_MARK.search(s):
            # (held19) A Markdown footnote mark ([^1]) after a title or a sentence.
            dropped.append(Dropped(" ".join(_FOOTNOTE_MARK.findall(s)), "footnote mark", number))
            s = _FOOTNOTE_MARK.sub("", s)
        html_block = False
        cells: tuple[str, ...] = ()
        if "/>" in s and _BROKEN_TAG.search(s):
            # A self-closing tag a copy mangled (<**r /> for <br />): markup, not text.
            dropped.append(Dropped(" ".join(_BROKEN_TAG.findall(s)), "html tag", number))
            s = _BROKEN_TAG.sub("", s)
        if "<" in s and ">" in s:
            s, html_block = _strip_tags(s, number, dropped)
        if "&" in s and _ENTITY.search(s):
            s = html.unescape(s)
            s = normalize_chars(s)
        stripped = s.strip()
        if not stripped:
            blank += 1
            continue
        # Web chrome, mastheads, layout lines.
        reason = _chrome_reason(stripped, traditional)
        record = _record_row(stripped) if "|" in stripped else None
        if record is not None:
            # (held14) A portal's record printed as a pipe table above the article (標題: | … |,
            # 索引號: | … | 文號: | |, 發文日期: | 2022-01-07 | …): the title row gives the title
            # (its label goes), the other rows are chrome that metadata reads without the pipes.
            value, plain = record
            if value:
                dropped.append(
                    Dropped(stripped.replace(value, "", 1).strip(), "web chrome", number)
                )
                stripped = value
            else:
                dropped.append(Dropped(stripped, "web chrome", number))
                chrome_text.append(plain)
                continue
        elif "|" in stripped and not stripped.startswith("|") and _MD_TABLE_SEP.match(stripped):
            dropped.append(Dropped(stripped, "markdown", number))  # ---|---|---| without its bars
            continue
        if reason is None and stripped.startswith("首页") and _spaced_crumb(stripped, raws, number):
            reason = "web chrome"
        if (
            reason is None
            and number <= _MENU_LINES
            and stripped[:1] in "-*+"
            and _menu_run(raws, number)
        ):
            reason = "web chrome"  # (held18) a tab bar: list items of a few words at the top
        if skip_next_title:
            skip_next_title = False
            if reason is None and len(stripped) <= 60:
                reason = "web chrome"
        if reason is not None:
            if reason == "web chrome" and _PREV_NEXT.match(stripped):
                skip_next_title = _PREV_NEXT.match(stripped).group(1).strip() == ""  # type: ignore[union-attr]
            dropped.append(Dropped(stripped, reason, number))
            if reason != "photo caption":  # a caption is no evidence of the page's own facts
                chrome_text.append(stripped)
            continue
        md_level = 0
        bold = False
        m = _MD_HEADING.match(stripped)
        if m:
            md_level = len(m.group(1))
            stripped = m.group(2).strip()
        elif _MD_RULE.match(stripped) or _MD_EMPTY_QUOTE.match(stripped):
            dropped.append(Dropped(stripped, "markdown", number))
            continue
        if "|" in stripped and stripped.startswith("|"):
            if _MD_TABLE_SEP.match(stripped):
                dropped.append(Dropped(stripped, "markdown", number))
                continue
            cells = tuple(c.strip() for c in stripped.strip("|").split("|"))
        elif "\t" in s:
            cells = tuple(c.strip() for c in s.split("\t"))
        link_only = False
        if "](" in stripped:
            link_only = _WHOLE_LINK.match(stripped) is not None
            stripped = _drop_links(stripped, number, dropped)
        if stripped.startswith("**") and stripped.endswith("**") and len(stripped) > 4:
            bold = "**" not in stripped[2:-2]
        elif (
            stripped[:1] == "*"
            and stripped[-1:] == "*"
            and len(stripped) > 4
            and stripped[1] not in " *"
            and stripped[-2] not in " *"
            and "*" not in stripped[1:-1]
        ):
            # (held23) A line in single emphasis (*…*) between paragraphs: a page's sub-heading.
            bold = True
            stripped = stripped[1:-1]
        if "*" in stripped or "_" in stripped or "\\" in stripped or stripped[:1] in "->+":
            stripped = _strip_markdown(stripped)
        if cells:
            cells = tuple(tidy_punctuation(_strip_markdown(c)) for c in cells if c.strip(" *_"))
            stripped = " ".join(cells)
        if "(" in stripped or "（" in stripped:
            stripped = _drop_pinyin(stripped, number, dropped)
        if pages and " " in stripped:
            stripped = _drop_inline_pages(stripped, pages, number, dropped)
        if len(cells) > 1:
            # A table row: its cells were tidied one by one and stay parted by a space (tidying
            # the joined row would glue a Chinese cell to the number after it: 千升15767).
            stripped = " ".join(stripped.split())
        else:
            stripped = tidy_punctuation(" ".join(stripped.split()))
        if not stripped:
            blank += 1
            continue
        if lines:
            lines[-1].blank_after = blank
        lines.append(
            Line(
                text=stripped,
                line=number,
                blank_before=blank,
                md_level=md_level,
                hard_break=hard_break,
                bold=bold,
                cells=cells if len(cells) > 1 else (),
                html_block=html_block,
                tabbed=len(cells) > 1 and "\t" in s,
                link_only=link_only,
            )
        )
        blank = 0
    if lines:
        lines[-1].blank_after = blank + 2  # the end of the file is a wide gap
    from reporttui.core.text.debris import drop_debris  # debris imports Line from here
    from reporttui.core.text.furniture import drop_furniture, drop_page_tail, mark_page_tail
    from reporttui.core.text.page_pieces import drop_page_pieces

    lines = drop_page_pieces(lines, dropped, chrome_text)  # (round 16) forum, toolbar, pipes
    lines = drop_furniture(lines, dropped, chrome_text)  # (round 9) page furniture
    tail = mark_page_tail(lines)
    lines = drop_debris(lines, dropped, chrome_text)
    lines = drop_page_tail(lines, tail, dropped, chrome_text)
    if pua:
        dropped.append(Dropped("".join(pua), "private-use glyph", 0))
    if emoji:
        dropped.append(Dropped("".join(emoji), "emoji", 0))
    return Cleaned(lines, dropped, front, chrome_text)


_CHUNK_START = re.compile(r"^\s*(\d{1,3})、")
_INLINE_PAGE = re.compile(r"(?<=[\u4e00-\u9fff]) (\d{1,3}) (?=[\u4e00-\u9fff])")


def _chunk_pages(raws: list[str]) -> int:
    """(held8) A document-sharing site's copy prints the file page by page, each page one line
    opened by its number (1、… / 2、…), every page after the first cutting a sentence: the number
    of pages, else 0. Read before spaces are tidied away, since a page's number is also left
    inside a line between two words (中国蔬菜 1 之乡)."""
    from reporttui.core.text.rejoin import ends_sentence, is_prose  # rejoin imports Line

    lines = [r.strip() for r in raws if r.strip()]
    marks = [(i, int(m.group(1))) for i, t in enumerate(lines) if (m := _CHUNK_START.match(t))]
    if len(marks) < 2 or [n for _, n in marks] != list(range(1, len(marks) + 1)):
        return 0
    for i, _ in marks[1:]:
        prev = lines[i - 1]
        if i == 0 or ends_sentence(prev) or not is_prose(prev):
            return 0
    return len(marks)


def _drop_inline_pages(s: str, pages: int, number: int, dropped: list[Dropped]) -> str:
    """A page's number between two words (蔬菜 1 之乡) in a copy of ``pages`` pages: to d."""
    from reporttui.core.text.rejoin import COUNTED

    found = [
        m
        for m in _INLINE_PAGE.finditer(s)
        if int(m.group(1)) <= pages and s[m.end()] not in COUNTED
    ]
    for m in reversed(found):
        s = s[: m.start()] + s[m.end() :]
    if found:
        dropped.append(Dropped(" ".join(m.group(1) for m in found), "page number", number))
    return s


def _spaced_crumb(line: str, raws: list[str], number: int) -> bool:
    """(held11) A location bar parted by spaces that ends in the page's title, the title repeated
    on the next line (首页 政策解读 关于…解读 / 关于…解读): the bar's parts short, no sentence."""
    parts = line.split()
    following = next((r.strip() for r in raws[number : number + 4] if r.strip()), "")
    if len(parts) < 3 or not following:
        return False
    following = normalize_chars(following).strip()
    for k in range(2, min(7, len(parts))):
        if all(len(p) <= 10 and not re.search(r"[。，！？]", p) for p in parts[:k]) and (
            " ".join(parts[k:]) == following
        ):
            return True
    return False


# A tab bar or menu set as a Markdown list at the top of a page text (- 征集公告 / - 草案内容 /
# - 起草说明): three consecutive items or more, each a few characters without punctuation.
_MENU_ITEM = re.compile(r"^\s*[-*+]\s+[\u4e00-\u9fff]{2,6}\s*$")
_MENU_LINES = 20


def _menu_run(raws: list[str], number: int) -> bool:
    """Whether source line ``number`` (1-based) is in a run of three menu items or more."""
    if not _MENU_ITEM.match(raws[number - 1]):
        return False
    lo = hi = number - 1
    while lo > 0 and _MENU_ITEM.match(raws[lo - 1]):
        lo -= 1
    while hi + 1 < len(raws) and _MENU_ITEM.match(raws[hi + 1]):
        hi += 1
    return hi - lo + 1 >= 3


def _visible(control: str) -> str:
    """A control sequence shown without controls: ESC as ␛, C0 as control pictures, C1 as ␛ + its 7-bit form."""
    out = []
    for ch in control:
        c = ord(ch)
        if c == 0x1B:
            out.append("\u241b")
        elif c < 0x20:
            out.append(chr(0x2400 + c))
        elif c == 0x7F:
            out.append("\u2421")
        elif 0x80 <= c <= 0x9F:
            out.append("\u241b" + chr(c - 0x40))
        else:
            out.append(ch)
    return "".join(out)


def has_controls(text: str) -> bool:
    """True when ``text`` holds a C0/C1 control other than tab, LF and CR (or DEL)."""
    return _CONTROL_ANY.search(text) is not None


def drop_controls(text: str, dropped: list[Dropped]) -> str:
    """Remove terminal controls and NUL (into ``dropped``, shown visibly): never stored or displayed."""
    text = text.replace("\x0b", "\n").replace("\x0c", "\n")
    found: dict[int, list[str]] = {}

    def repl(m: re.Match[str]) -> str:
        line = text.count("\n", 0, m.start()) + 1
        found.setdefault(line, []).append(_visible(m.group(0)))
        return ""

    out = _CONTROL_SEQ.sub(repl, text)
    for line, pieces in found.items():
        dropped.append(Dropped(" ".join(pieces), "control character", line))
    return out


_RECORD_LABEL = re.compile(r"^[\u4e00-\u9fff]{2,6}\s*[:：]$")
_TITLE_LABEL = ("标题", "题名", "名称", "文件名称")


def _record_row(line: str) -> tuple[str, str] | None:
    """A row of a portal's record as a pipe table (``标题: | value | label: | value |``): the raw
    title when it is the title row (else ""), and the row's fields without pipes or readings
    (``发文日期: 2022-01-07 发布机构: …``); None for any other line (a data table's row)."""
    raw_cells = [c.strip() for c in line.strip("|").split("|")]
    plain = [to_simplified(_PINYIN_ANY.sub("", c)) for c in raw_cells]
    if len(raw_cells) < 2 or not _RECORD_LABEL.match(plain[0]):
        return None
    labels = [i for i, c in enumerate(plain) if _RECORD_LABEL.match(c)]
    if any(i % 2 for i in labels):
        return None  # a label where a value should stand: not label/value pairs
    fields = " ".join(c for c in plain if c)
    if plain[0][:-1].strip() in _TITLE_LABEL and raw_cells[1]:
        return raw_cells[1], fields
    return "", fields


def _chrome_reason(line: str, traditional: bool = True) -> str | None:
    """Why ``line`` is page chrome, or None. ``traditional``: the document has Traditional
    characters or pinyin readings (else the line is read as it is)."""
    if len(line) > 120:
        return None
    if traditional:
        # Read a line's role in Simplified, without readings in brackets (編輯:張明, 中新網(wǎng)…).
        if ("(" in line or "（" in line) and _TONED_ANY.search(line):
            line = _PINYIN_ANY.sub("", line)
        line = to_simplified(line)
    last = line[-1]
    if (
        last in "摄)）"
        and line.endswith(("摄", "摄)", "摄）"))
        and (m := _PHOTO_CREDIT.search(line))
    ):
        if not line.startswith(("图为", "圖為", "图:", "图：")) and _CAPTION_SENTENCE.search(
            line[: m.start() + 1]
        ):
            # (round 9, pages22) A gallery's caption is sentences closed by the credit (…提问。
            # 新华社记者 丁林 摄): the furniture pass takes the credit off, the sentences stay.
            return None
        return "photo caption"
    if line[0] == "△" and len(line) <= 80 and not line.endswith("。"):
        return "photo caption"  # (held18) △ marks a newspaper's caption under its picture
    if line.startswith("图为") and _PHOTO_SAYS.match(line):
        return "photo caption"  # (held12) 图为张兵市长作政府工作报告: a caption without its credit
    if "分钟" in line and _READING_TIME.match(line):
        return "web chrome"  # (held12) 本篇文章1607字,读完约4分钟
    if _WEB_CHROME.match(line) or _PREV_NEXT.match(line) or _CHROME_ONLY.match(line):
        return "web chrome"
    if "单位" in line[:4] and _SITE_OWNER.match(line):
        return "web chrome"
    if "页" in line and (_PAGER.match(line) or _PAGE_THUMB.match(line)):
        return "pager"
    if last in "-－—–" and _DASHED_PAGE.match(line):
        return "pager"  # (held23) a PDF copy's page number between dashes (- 1 -), not a list item
    if last in "xcftsXCFTS" and line.endswith(_FILE_SUFFIXES) and _FILE_NAME.match(line):
        return "web chrome"  # a shared file's name standing as the page's title (…_22.docx)
    if last in ">»" and _MORE_LINK.match(line):
        return "web chrome"  # a link to more of the site (中新网分类新闻查询>>)
    if last in "gfpoGFPO" and _IMAGE_NAME.match(line):
        return "web chrome"
    if last == "文" and _VIEW_LABEL.match(line):
        return "web chrome"
    if line[0] == "首" and "/" in line and _SLASH_CRUMB.match(line):
        return "web chrome"
    arrows = ">" in line or "＞" in line or "»" in line or "›" in line or "→" in line
    if (
        arrows
        and (_BREADCRUMB.match(line) or _SITE_CHANNEL.match(line))
        and re.search(r"[\u4e00-\u9fff]", line)
    ):
        return "web chrome"
    if line[0] in ">＞»›" and _ARROW_LED_CRUMB.match(line):
        return "web chrome"
    if (
        line[0] in "[【"
        and _BRACKET_RECORD.match(line)
        and len(_CJK_CHAR.findall(re.split(r"[\]】]", line)[-1])) < _HEADLINE_AFTER
    ):
        return "web chrome"  # (a headline glued after the values is left to the furniture pass)
    if _TOOLBAR.match(line) or _ACCESSIBILITY.match(line):
        return "web chrome"
    if ":" in line and _STAMP_CHANNEL.match(line):
        return "web chrome"  # 公文搜 2021-07-28 08:33:05 政府报告: the site, its clock, its channel
    if line[0] in "(（" and _REPORTER_NOTE.match(line):
        return "byline"  # (held20) (记者 陶钦忆) on its own line above the story
    if ":" in line and _TIMESTAMP_LINE.match(line):
        return "byline" if "\u4e00" <= line[0] <= "\u9fff" else "web chrome"
    if (
        line[0] in _NOTICE_FIRST
        or any(w in line[:60] for w in _NOTICE_WORDS)
        or (line[0] in "…(（" and ("http" in line or "www." in line))
    ):  # cheap test first
        plain = _PINYIN.sub("", line) if "(" in line or "（" in line else line  # 點(diǎn)擊
        if _SITE_NOTICE.match(to_simplified(plain)):
            return "site notice"
    if line.count("_") >= 3 and _SEO_KEYWORDS.match(line):
        return "site notice"
    if (
        len(line) <= 60
        and "." in line
        and _SITE_BANNER.search(line)
        and not _SENTENCE_END.search(line)
    ):
        cjk = sum("\u4e00" <= ch <= "\u9fff" for ch in line)
        if cjk and not line.startswith(("source:", "http")) and "](" not in line:
            return "site notice"
    if _LAYOUT.match(line) or _LAYOUT_STAFF.search(line):
        return "layout"
    if len(line) <= 40 and _MASTHEAD.search(line):
        return "masthead"
    return None


def _front_matter(text: str, front: dict[str, str], dropped: list[Dropped]) -> str:
    """Remove a leading YAML front matter block, keeping its ``key: value`` pairs."""
    if not text.startswith("---"):
        return text
    first_nl = text.find("\n")
    if first_nl < 0 or text[:first_nl].strip() != "---":
        return text
    m = _FRONT_MATTER_END.search(text, first_nl)
    if m is None or m.start() > 4000:
        return text
    block = text[first_nl + 1 : m.start()]
    for row in block.split("\n"):
        key, sep, value = row.partition(":")
        if sep and key.strip() and " " not in key.strip():
            front[key.strip()] = value.strip().strip("'\"")
    dropped.append(Dropped(text[: m.end()].rstrip("\n"), "front matter", 1))
    # Keep the line count: blank lines where the block was.
    return "\n" * text[: m.end()].count("\n") + text[m.end() :]


def _drop_comments(text: str, dropped: list[Dropped]) -> str:
    def repl(m: re.Match[str]) -> str:
        line = text.count("\n", 0, m.start()) + 1
        dropped.append(Dropped(m.group(0), "html comment", line))
        return "\n" * m.group(0).count("\n")

    return _HTML_COMMENT.sub(repl, text)


def _strip_tags(s: str, number: int, dropped: list[Dropped]) -> tuple[str, bool]:
    block = False
    found: list[str] = []

    def repl(m: re.Match[str]) -> str:
        nonlocal block
        found.append(m.group(0))
        if m.group(1).lower() in _BLOCK_TAGS:
            block = True
            return "\t"
        return ""

    out = _HTML_TAG.sub(repl, s)
    if found:
        dropped.append(Dropped(" ".join(found), "html tag", number))
    return out, block


def _drop_links(s: str, number: int, dropped: list[Dropped]) -> str:
    urls: list[str] = []

    def keep_text(m: re.Match[str]) -> str:
        urls.append(m.group(2))
        return m.group(1)

    s = _MD_IMAGE.sub(keep_text, s)
    s = _MD_LINK.sub(keep_text, s)
    if urls:
        dropped.append(Dropped(" ".join(urls), "markdown", number))
    return s


def _drop_pinyin(s: str, number: int, dropped: list[Dropped]) -> str:
    """Pinyin readings inserted after characters (擘(bò)画) are not report text."""
    found = _PINYIN.findall(s)
    if not found:
        return s
    s = _PINYIN.sub("", s)
    # On a line that has them, a reading after a garbled character too (輩^(qū), W(wǎng)).
    more = _PINYIN_ANY.findall(s)
    if more:
        s = _PINYIN_ANY.sub("", s)
    # (pages21) and a neutral-tone reading, which has no tone mark (们(men), 的(de)).
    toneless = [m.group(1) for m in _TONELESS.finditer(s) if _SYLLABLE.match(m.group(1))]
    if toneless:
        s = _TONELESS.sub(lambda m: "" if _SYLLABLE.match(m.group(1)) else m.group(0), s)
    dropped.append(Dropped(" ".join(found + more + toneless), "pinyin", number))
    return s


def _strip_markdown(s: str) -> str:
    s = _MD_LIST.sub("", s)
    s = s.replace("**", "").replace("__", "")
    if "\\" in s:
        s = _MD_ESCAPE.sub(r"\1", s)
    return s.strip()
