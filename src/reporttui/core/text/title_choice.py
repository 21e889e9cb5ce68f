"""The title line chosen among the lines above the body by evidence that generalises.

A report's or an article's title names what the body is about: its character pairs recur in the
body's opening (泾县…通知, a town's 政府工作报告). Page furniture (a site's name, a channel label,
网站logo, a reporter's note in brackets) and an author's organs glued after the title share little
with the body or have the form of a byline. So each candidate line (the title block's lines, and the
parts of a line that spaces part) is scored by

- *shared vocabulary*: the share of its distinct CJK character pairs found in the body (the text
  without the title block);
- *form*: a line ending in a document kind word (报告, 公报, 决议, 贺词, 献词, …) is a document's
  title; a bracketed reporter note, a breadcrumb or a line of one-character rows is not;

and the choice of ``metadata._choose_title`` is replaced only where it is clearly worse: it shares
little with the body and another candidate is a kind-word title or shares much more. No rule names
a site or a string of one site.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_CJK_PAIR = re.compile(r"(?=([\u4e00-\u9fff]{2}))")
# The document's kind named by the title's last words.
_KIND_END = re.compile(
    r"(?:报告|公报|决议|决定|贺词|献词|致辞|讲话|纲要|规划|通知|意见|方案|办法|说明)"
    r"(?:[(（](?:全文|摘要|草案|摘登|节选)[)）])?$"
)
# Not a title whatever it shares: a reporter's or a source's note, a breadcrumb, a clock line.
_FURNITURE = re.compile(
    r"^[(（]\s*(?:记者|通讯员|本报记者|特约记者|文|图|来源)[^()（）]{0,20}[)）]$"
    r"|>\s*>|>\s*正文$|^(?:首页|当前位置|您当前的位置)"
    r"|^(?:来源|发布时间|作者|编辑|责任编辑|点击|浏览)\s*[:：]"
)
# An author line of organs after the title (中共鲤城区委 鲤城区人民政府): one to three organ names.
_ORGAN = (
    r"(?:中共)?[\u4e00-\u9fff]{1,12}?(?:委员会|党委|[省市县区旗州]委|人民政府|政府|人大常委会|政协)"
)
_ORGAN_TAIL = re.compile(rf"(?:\s+{_ORGAN}){{1,3}}\s*$")

_BRACKETS = frozenset("【】[]()（）《》“”〈〉「」")

# The meeting or date note under a title (——2003年1月21日在…会议上的报告), never the title itself.
_NOTE_LINE = re.compile(r"^\s*[—―\-－]+|^\s*[(（]|在[^，。]{0,40}会议上")

# A session's file label (…十七届人大四次会议文件, …会议材料之三): a volume's label.
_SESSION_LABEL = re.compile(
    r"(?:届|次)[^\s。，]{0,12}?会议(?:文件|材料|资料)(?:之[一二三四五六七八九十\d]+)?$"
)
# A label line (a site's section: 新闻, 要闻) is this short; a headline below it shares this much.
_LABEL_LEN = 4
_HEADLINE_SHARE = 0.6
# Below this share a chosen line looks like none of this body's.
_LOW_SHARE = 0.4


def pairs(s: str) -> set[str]:
    """The distinct CJK character pairs of ``s``."""
    return set(_CJK_PAIR.findall(s))


def body_share(line: str, body: str) -> float:
    """The share of the line's character pairs that occur in ``body`` (1.0 for a line with none)."""
    ps = pairs(line)
    if not ps:
        return 0.0
    return sum(1 for p in ps if p in body) / len(ps)


def has_kind_end(line: str) -> bool:
    """Whether the line ends in a document's kind word (报告, 公报, 贺词, …)."""
    return bool(_KIND_END.search(line.strip()))


def is_furniture(line: str) -> bool:
    """A line of the page's or paper's furniture, never a title (a reporter's note, a breadcrumb)."""
    return bool(_FURNITURE.search(line.strip()))


def strip_organs(title: str) -> str:
    """A kind-word title without the organs named after it as its author (新春贺词 中共X区委 X区人民政府)."""
    cut = _ORGAN_TAIL.sub("", title).strip()
    return cut if len(cut) >= 4 and has_kind_end(cut) else title


def trim_segments(title: str, body: str) -> str:
    """A spaced line without leading parts that share nothing with the body (美章网 资料文库 …).

    Only leading parts go, and only when what remains ends in a kind word: a site's name and its
    channel label come before a document's title on a saved line.
    """
    parts = title.split()
    if len(parts) < 2:
        return title
    k = 0
    while (
        k < len(parts) - 1
        and pairs(parts[k])
        and (body_share(parts[k], body) == 0.0 or _SESSION_LABEL.search(parts[k]))
    ):
        # A part the body does not share, or a session's file label (大宁县十七届人大四次会议
        # 文件): the label of the volume the document was printed in, not its title.
        k += 1
    if k == 0 or any(ch in _BRACKETS for ch in " ".join(parts[:k])):
        # A bracketed label (【不忘初心 牢记使命】) is the title's own, parted by its space.
        return title
    rest = " ".join(parts[k:])
    if len(rest) >= 4 and has_kind_end(rest):
        # Only before a document's title: a headline of parallel phrases (抓住机遇 奋发有为 全面推进…)
        # keeps its leading phrases even when the body does not repeat them.
        return rest
    return title


def body_without(text: str, title_lines: Sequence[str], limit: int = 3000) -> str:
    """The body's opening with the title block's lines taken out (they would share with themselves)."""
    body = text[: limit + sum(len(t) for t in title_lines[:8])]
    for t in title_lines[:8]:
        if t:
            body = body.replace(t, "\n")
    return body[:limit]


def _score(line: str, body: str) -> float:
    if is_furniture(line) or len(line) < 2:
        return -1.0
    return body_share(line, body) + (1.0 if has_kind_end(line) else 0.0)


def rechoose(chosen: str, candidates: Sequence[str], body: str) -> tuple[str, str] | None:
    """A better title than ``chosen`` among ``candidates``, with the reason; None to keep it.

    ``candidates`` are the title block's lines, already tidied, in order. ``chosen`` is replaced
    only when it is furniture or when it shares little with the body and ends in no kind word
    while another line is a kind-word title (元旦献词 under a greeting set one character a line).
    """
    if not chosen:
        return None
    if is_furniture(chosen):
        best = next(
            (c for c in candidates if c != chosen and _score(c, body) >= 1.0 and len(c) >= 4),
            "",
        )
        return best, "the title line sharing the body's vocabulary (the first line is furniture)"
    why = ""
    trimmed = strip_organs(trim_segments(chosen, body))
    if trimmed != chosen:
        chosen, why = (
            trimmed,
            "title line without the parts the body does not share (site name, author organs)",
        )
    for c in candidates[:5]:
        # The document's own title line below the same line with a site's label after it
        # (镇政府报告范文 over 镇政府报告): the label's pairs are not the body's.
        if (
            c != chosen
            and len(c) >= 4
            and chosen.startswith(c)
            and has_kind_end(c)
            and body_share(chosen[len(c) :], body) == 0.0
        ):
            return c, "the title line without the site's label after it"
    for c in candidates[1:4]:
        # (held19) A line below that completes the chosen one (新昌县第十六届人民代表大会第五次
        # 会议关于政府工作报告的决议 under 关于政府工作报告的决议): the document's full title.
        if (
            c != chosen
            and len(c) > len(chosen) + 1
            and c.endswith(chosen)
            and has_kind_end(c)
            and not _NOTE_LINE.search(c)
        ):
            return c, "the title line that completes the first (its full form below it)"
    if has_kind_end(chosen) or body_share(chosen, body) >= _LOW_SHARE:
        return (chosen, why) if why else None
    for c in candidates[:5]:
        if c == chosen or len(c) < 4 or is_furniture(c) or _NOTE_LINE.search(c):
            continue
        if has_kind_end(c):
            return c, "the kind-word title line below a line the body does not share"
    if len(chosen) <= _LABEL_LEN and body_share(chosen, body) == 0.0:
        # (held24) A section label alone on the first line (新聞 over its clock line and the
        # headline): the first longer line below whose words the body repeats.
        for c in candidates[1:5]:
            if (
                len(c) >= 6
                and not is_furniture(c)
                and not _NOTE_LINE.search(c)
                and body_share(c, body) >= _HEADLINE_SHARE
            ):
                return c, "the headline the body shares below a label line the body does not"
    return (chosen, why) if why else None
