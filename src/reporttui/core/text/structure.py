"""From cleaned paragraphs to a section tree with offsets into the document text.

Headings come from :mod:`reporttui.core.text.headings`; this module nests them, adds parallel lead
sentences that open consecutive paragraphs (the lowest level), and lays out the text. Levels come from the
order in which numbering styles nest (a style seen again closes everything opened after it), the
way a reader infers them. Lines before the first body paragraph (title, subtitle, speaker) form
an untitled preamble; a block appended after the report (HTML banner, pasted table) and an
appendix whose numbering restarts are kept as separate top-level parts.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from reporttui.core.model import Dropped, Paragraph, Section
from reporttui.core.text.clean import Line
from reporttui.core.text.headings import (
    Item,
    choose_title,
    classify,
    first_stop,
    numbered,
    split_title_block,
)
from reporttui.core.text.rejoin import BYLINE, ends_sentence, is_prose

_APPENDIX = re.compile(r"^(?:附件|附录|附表|附：|附:|名词解释)")
_LEAD_EXCLUDED = re.compile(
    r"^(?:各位代表|同志们|我们|今年|明年|这一年|其中|同时|此外|总之|因此|但是)"
)


@dataclass(slots=True)
class _Node:
    title: str
    level: int
    kind: str
    part: str
    style: str = ""
    paras: list[str] = field(default_factory=list)
    children: list[_Node] = field(default_factory=list)


@dataclass(slots=True)
class Built:
    text: str
    sections: tuple[Section, ...]
    title_lines: list[str]
    """Lines of the title block (title, subtitle, speaker) in order."""
    title: str
    layout: dict[str, str]


def _drop_duplicate_titles(block: list[Item], dropped: list[Dropped]) -> list[Item]:
    """A web page repeats the report's title above it (seed 003): keep the last copy. The issuer's
    name printed between the copies (全国人民代表大会常务委员会 between copies of its 关于…的决议)
    is the start of the title itself: it goes with them."""
    out: list[Item] = []
    copies: set[str] = set()
    for i, it in enumerate(block):
        if any(later.text == it.text for later in block[i + 1 :]):
            dropped.append(Dropped(it.text, "duplicate title", it.line.line if it.line else 0))
            copies.add(it.text)
            continue
        out.append(it)
    if copies:
        kept = [it for it in out if it.text in copies]
        last = out.index(kept[-1]) if kept else -1
        for it in out[:last]:
            if it.text not in copies and any(
                c.startswith(it.text) and len(c) > len(it.text) for c in copies
            ):
                dropped.append(Dropped(it.text, "duplicate title", it.line.line if it.line else 0))
                out.remove(it)
        # (round 9, pages15) Short lines that stood between the copies and share no word with
        # the title (an accessibility widget's labels, 页面大小配色… 辅助线 开 重置): the page's.
        # Only a widget of two labels or more, between copies of a headline (not of a subtitle).
        first = next((k for k, it in enumerate(block) if it.text in copies), -1)
        between: list[Item] = []
        for it in block[first + 1 :]:
            if it.text in copies:
                break
            between.append(it)
        if (
            len(between) >= 2
            and not any(c.startswith(("——", "—", "--")) for c in copies)
            and all(it in out and _widget_label(it.text, copies) for it in between)
        ):
            for it in between:
                dropped.append(Dropped(it.text, "web chrome", it.line.line if it.line else 0))
                out.remove(it)
    return out


def _one_lost(short: str, long: str) -> bool:
    """``short`` is ``long`` with one character lost inside it (not at either end)."""
    if len(long) != len(short) + 1 or long.startswith(short) or long.endswith(short):
        return False
    k = next(k for k, (a, b) in enumerate(zip(short, long, strict=False)) if a != b)
    return short[k:] == long[k + 1 :]


def _drop_damaged_copies(block: list[Item], dropped: list[Dropped]) -> list[Item]:
    """(round 16, held33) A headline printed again right below itself with one character lost
    inside (区政协十四届六次会议闭幕 / 区政协十四届次会议闭幕: the page's second, damaged copy):
    the damaged copy goes, the whole one is the title."""
    out: list[Item] = []
    for it in block:
        prev = out[-1] if out else None
        if prev is not None and len(it.text) >= 8 and _one_lost(it.text, prev.text):
            dropped.append(Dropped(it.text, "duplicate title", it.line.line if it.line else 0))
            continue
        if prev is not None and len(prev.text) >= 8 and _one_lost(prev.text, it.text):
            dropped.append(
                Dropped(prev.text, "duplicate title", prev.line.line if prev.line else 0)
            )
            out[-1] = it
            continue
        out.append(it)
    return out


_DOCUMENT_NAME_WORD = re.compile(r"报告|公报|决议|决定|通知|纲要|规划|计划|文件")


def _widget_label(text: str, copies: set[str]) -> bool:
    """A short unpunctuated line sharing no character pair with any copy of the title."""
    if (
        len(text) > 16
        or re.search(r"[。，、；：！？,;:!?]", text)
        or _DOCUMENT_NAME_WORD.search(text)
    ):
        return False
    pairs = {text[k : k + 2] for k in range(len(text) - 1)}
    return not any(pairs & {c[k : k + 2] for k in range(len(c) - 1)} for c in copies)


_CONTENTS_LABEL = re.compile(r"^目\s*录$")


def _contents_as_text(items: list[Item]) -> list[Item]:
    """A table of contents opening the text (目录, its entries, then the first entry again where
    the document starts): its entries are lines of the preamble, not the document's sections."""
    if len(items) < 3 or not _CONTENTS_LABEL.match(items[0].text.strip()):
        return items
    seen: set[str] = set()
    for i, it in enumerate(items[1:80], start=1):
        key = re.sub(r"\s+", "", it.text)
        if key in seen:
            return [
                Item(False, x.text, line=x.line) if x.is_heading else x for x in items[:i]
            ] + items[i:]
        seen.add(key)
    return items


def build(lines: list[Line], dropped: list[Dropped]) -> Built:
    """Classify, nest, find leads, and lay out the document text with offsets."""
    lines = _drop_captions(lines, dropped)
    main_lines, appended_lines = _split_appended(lines)
    items = _contents_as_text(classify(main_lines))
    block, rest = split_title_block(items)
    block = _drop_duplicate_titles(block, dropped)
    block = _drop_damaged_copies(block, dropped)
    title = choose_title(block)
    title_lines = [it.text for it in block]

    preamble = _Node("", 0, "preamble", "main")
    preamble.paras.extend(it.text for it in block)
    top: list[_Node] = []
    stack: list[_Node] = []
    has_md = any(it.kind == "markdown" and it.style != "md1" for it in rest)
    part = "main"
    top_style = ""
    top_max = 0
    for idx, it in enumerate(rest):
        if not it.is_heading:
            (stack[-1].paras if stack else preamble.paras).append(it.text)
            continue
        if it.kind == "title-line":
            nxt = rest[idx + 1] if idx + 1 < len(rest) else None
            if nxt is None:
                (stack[-1].paras if stack else preamble.paras).append(it.text)
                continue
        style = it.style
        if style == "title" and has_md:
            depth = max((int(n.style[2:]) for n in stack if n.kind == "markdown"), default=1)
            style = f"md{min(depth + 1, 6)}"
        if style + "'" in (n.style for n in stack):
            style = style + "'"  # the next item of a restarted list nested in a section
        if part == "main" and _APPENDIX.match(it.text):
            part, stack, top_style, top_max = "appendix", [], style, 0
        stack = _close_for(stack, style)
        if not stack and style == top_style and it.ordinal == 1 and top_max >= 2:
            # Numbering of the top style restarts: a list nested in a top section that has no
            # sub-headings yet (一、… under "二、2019年工作安排"), else an appendix after the report.
            if top and not top[-1].children and part == "main":
                style = style + "'"
                stack = [top[-1]]
            else:
                part, top_max = "appendix", 0
        node = _Node(it.text, len(stack) + 1, it.kind, part, style)
        (stack[-1].children if stack else top).append(node)
        stack.append(node)
        if node.level == 1:
            if style != top_style:
                top_style, top_max = style, it.ordinal
            else:
                top_max = max(top_max, it.ordinal)

    roots: list[_Node] = []
    if preamble.paras:
        if not top:
            preamble.kind = "document"
        roots.append(preamble)
    roots.extend(top)
    for node in roots:
        _find_leads(node)
    if appended_lines:
        roots.append(_appended_node(appended_lines))
    if not roots:
        roots.append(_Node("", 0, "document", "main"))
    text, sections = _layout(roots)
    layout = {"headings": str(sum(1 for it in rest if it.is_heading))}
    return Built(text, sections, title_lines, title, layout)


_RANK = {
    "chap-部分": 0.0,
    "chap-篇": 0.1,
    "chap-章": 0.2,
    "chap-节": 0.3,
    "cn": 1.0,
    "pcn": 2.0,
    "num": 3.0,
    "pnum": 4.0,
    "circ": 5.0,
    "lbl": 1.5,
}


def _rank(style: str) -> float | None:
    """Nesting rank of a numbering style (一、 above （一） above 1. above （1）), None if unranked."""
    if style.endswith("'"):
        base = _RANK.get(style[:-1])
        return None if base is None else base + 0.5
    return _RANK.get(style)


def _close_for(stack: list[_Node], style: str) -> list[_Node]:
    """Pop the sections a new heading of ``style`` closes: its siblings and anything deeper."""
    stack = list(stack)
    if style.startswith("md") and style[2:].isdigit():
        n = int(style[2:])
        while stack and not (stack[-1].style.startswith("md") and int(stack[-1].style[2:]) < n):
            stack.pop()
        return stack
    rank = _rank(style)
    if rank is not None:
        while stack:
            top_rank = _rank(stack[-1].style)
            if top_rank is None:
                # A title line opened under a numbered section (三、工业… / 主要工业产品产量): the
                # heading that closes that section (四、…) closes the title line's section too.
                ranks = [r for n in stack[:-1] if (r := _rank(n.style)) is not None]
                if ranks and ranks[-1] >= rank:
                    stack.pop()
                    continue
                break
            if top_rank < rank:
                break
            stack.pop()
        return stack
    if any(n.style == style for n in stack):
        while stack[-1].style != style:
            stack.pop()
        stack.pop()
    return stack


# A short line naming a document (…工作规则, a document number 鲁政发〔2014〕20号) is its title,
# not a photo caption.
_DOCUMENT_NAME = re.compile(
    r"(?:规则|办法|通知|意见|决定|决议|条例|规定|细则|方案|纲要|规划|公报|报告)$"
    r"|[〔\[［(（]\s*(?:19|20)\d\d\s*[〕\]］)）]\s*\d{1,4}\s*号$"
)


def _heading_shaped(lines: list[Line], i: int) -> bool:
    """A short unpunctuated line alone between gaps, over a paragraph of prose."""
    ln = lines[i]
    t = ln.text
    return (
        len(t) <= 12
        and not is_prose(t)
        and numbered(t) is None
        and ln.blank_before >= 1
        and ln.blank_after >= 1
        and i + 1 < len(lines)
        and len(lines[i + 1].text) >= 30
        and is_prose(lines[i + 1].text)
    )


def _drop_captions(lines: list[Line], dropped: list[Dropped]) -> list[Line]:
    """Photo captions (short isolated lines) and bylines are not report text: drop them."""
    out: list[Line] = []
    # (pages13) Lines of the same shape as the text's subheadings (short, alone, over prose): when
    # one such line is no caption by its gaps, the others are subheadings too, not captions whose
    # wide gap above comes from a caption line dropped before them.
    shaped = [i for i in range(1, len(lines)) if _heading_shaped(lines, i)]
    plain_heads = sum(lines[i].blank_before < 2 for i in shaped)
    # (round 9, pages16) A photo's credit closes its caption: the line after a credit line is
    # not that photo's caption, though the credit's removal left a wide gap above it.
    credit_lines = {
        d.line
        for d in dropped
        if d.reason == "photo caption" and d.text.rstrip(" )）").endswith(("摄", "攝"))
    }
    for i, ln in enumerate(lines):
        t = ln.text
        if len(t) <= 40 and BYLINE.match(t) and not is_prose(t.replace("/", "")):
            dropped.append(Dropped(t, "byline", ln.line))
            continue
        if (
            i > 0
            and len(t) <= 12
            and not ln.md_level
            and not ln.bold
            and not is_prose(t)
            and ln.blank_before >= 2
            and ln.blank_after >= 1
            and numbered(t) is None
            # a document's name spaced out for print (政 府 工 作 报 告) is its title, not a caption
            and not _DOCUMENT_NAME.search(re.sub(r"[ \u3000]+", "", t))
            and not (plain_heads and i in shaped)
            and not (i in shaped and {ln.line - 1, ln.line - 2} & credit_lines)
        ):
            dropped.append(Dropped(t, "photo caption", ln.line))
            continue
        out.append(ln)
    return out


def _split_appended(lines: list[Line]) -> tuple[list[Line], list[Line]]:
    """A block pasted after the report (HTML banner, tab-separated table) starts the appended part."""
    prose = 0
    for i, ln in enumerate(lines):
        if (ln.html_block or ln.tabbed) and prose >= 3:
            return lines[:i], lines[i:]
        if is_prose(ln.text):
            prose += 1
    return lines, []


def _appended_node(lines: list[Line]) -> _Node:
    node = _Node("", 1, "appended", "appended")
    cells: list[str] = []
    for ln in lines:
        cells.extend(c for c in (ln.cells or (ln.text,)) if c)
    if cells and lines[0].html_block and len(cells[0]) <= 40 and not ends_sentence(cells[0]):
        node.title = cells.pop(0)
    node.paras.extend(cells)
    return node


def _lead_sentence(p: str) -> str | None:
    end = first_stop(p, 0)
    if end < 0:
        return None
    sentence = p[:end]
    if not 5 <= len(sentence) <= 22 or len(p) - end < 4:
        return None
    if any(ch in sentence for ch in "：；:;") or "是" in sentence or _LEAD_EXCLUDED.match(sentence):
        return None
    if sentence.count("，") + sentence.count(",") > 1 or sentence.count("、") > 2:
        return None
    return sentence


def _find_leads(node: _Node) -> None:
    """Turn parallel lead sentences among ``node``'s own paragraphs into child sections."""
    for child in node.children:
        _find_leads(child)
    paras = node.paras
    if len(paras) < 2 or node.kind == "preamble":
        return
    sentences = [_lead_sentence(p) for p in paras]
    if node.kind == "inline":
        sentences[0] = None  # the body of an inline heading continues its title
    prefixes = Counter(s[:2] for s in sentences if s)
    groups = {k for k, v in prefixes.items() if v >= 3}
    leads: set[int] = set()
    for i, s in enumerate(sentences):
        if s and s[:2] in groups:
            leads.add(i)
    # Runs of consecutive candidates (a comma inside needs a shared opening, as in 突出…，加快…).
    i = 0
    while i < len(paras):
        j = i
        while (
            j < len(paras) and sentences[j] and j not in leads and "，" not in (sentences[j] or "")
        ):
            j += 1
        if j - i >= 3:
            leads.update(range(i, j))
        i = max(j, i + 1)
    if len(leads) < 2:
        return
    order = sorted(leads)
    kept = paras[: order[0]]
    new_children: list[_Node] = []
    for k, start in enumerate(order):
        stop = order[k + 1] if k + 1 < len(order) else len(paras)
        title = sentences[start] or ""
        new_children.append(
            _Node(title, node.level + 1, "lead", node.part, "lead", paras[start:stop])
        )
    node.paras = kept
    node.children = new_children + node.children


def _layout(roots: list[_Node]) -> tuple[str, tuple[Section, ...]]:
    """Write the text (one title or paragraph per line) and freeze the tree with offsets."""
    chunks: list[str] = []
    pos = 0
    counter = {"s": 0, "p": 0}

    def emit(s: str) -> int:
        nonlocal pos
        start = pos
        chunks.append(s)
        pos += len(s) + 1
        return start

    def freeze(node: _Node) -> Section:
        sid = f"s{counter['s']}"
        counter["s"] += 1
        title_start = -1
        if node.title and node.kind != "lead":
            title_start = emit(node.title)
        paragraphs: list[Paragraph] = []
        for p in node.paras:
            start = emit(p)
            counter["p"] += 1
            paragraphs.append(Paragraph(counter["p"], p, start, sid))
        if node.kind == "lead" and paragraphs:
            title_start = paragraphs[0].start
        children = tuple(freeze(c) for c in node.children)
        return Section(
            id=sid,
            title=node.title,
            level=node.level,
            kind=node.kind,
            paragraphs=tuple(paragraphs),
            children=children,
            title_start=title_start,
            part=node.part,
        )

    sections = tuple(freeze(r) for r in roots)
    return "\n".join(chunks), sections
