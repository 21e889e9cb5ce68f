"""How a document is named to people: labels, citation lines, plurals (no UI imports).

Documents, library entries and search hits all carry ``region``, ``year``, ``kind`` and ``title``;
every screen and CLI command names a document through :func:`document_label` so the same report
reads the same everywhere.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, Any, Protocol

from reporttui.core.display import safe_line, safe_path

if TYPE_CHECKING:
    from reporttui.core.model import Document, Paragraph


class Labelled(Protocol):
    """Anything that names a report: a Document, a LibraryEntry, a Hit."""

    @property
    def region(self) -> str | None: ...
    @property
    def year(self) -> int | None: ...
    @property
    def kind(self) -> str | None: ...
    @property
    def title(self) -> str: ...


def document_label(doc: Labelled, *, title: bool = False, short: bool = False) -> str:
    """ "太原市 2025 政府工作报告" (``title``: plus the title when it says more than the kind).

    ``short`` gives "太原市 2025" (the title's start when the region is unknown), enough to tell
    two sides of a comparison apart.
    """
    if short:
        return safe_line(f"{doc.region or (doc.title or '')[:12]} {doc.year or ''}".strip())
    region = doc.region or "?"
    year = str(doc.year) if doc.year else "?"
    kind = doc.kind or ""
    bits = [region, year, kind or doc.title or ""]
    if title and kind and doc.title and doc.title != kind:
        bits.append(doc.title)
    return safe_line(" ".join(b for b in bits if b))


def source_label(path: str | PurePath, parents: int = 1) -> str:
    """A file named with its folder ("太原市/2025.md"): corpora name files by year alone."""
    parts = PurePath(path).parts
    return safe_path("/".join(parts[-(parents + 1) :]) if parts else str(path))


def plural(count: int, word: str, many: str | None = None) -> str:
    """ "1 document", "2 documents" (``many`` for irregular plurals)."""
    return f"{count} {word if count == 1 else many or word + 's'}"


def citation(doc: Document, section_id: str, paragraph: Paragraph | None) -> str:
    """The line that says where a copied paragraph comes from (region, year, title, section, ¶)."""
    try:
        path = " › ".join(doc.section_path(section_id))
    except KeyError:
        path = ""
    bits = [doc.region or "地区不明", f"{doc.year}年" if doc.year else "年份不明"]
    name = doc.kind or ""
    if doc.title and doc.title != doc.kind:
        name = f"{name}《{doc.title}》" if name else f"《{doc.title}》"
    bits.append(name)
    where = [path] if path else []
    where.append(f"第{paragraph.number}段" if paragraph else "标题")
    return "——" + " ".join(b for b in bits if b) + "，" + "，".join(where)


def section_at(doc: Document, offset: int) -> str | None:
    """Id of the section whose paragraph holds character ``offset`` of the text (None: none)."""
    for paragraph in doc.paragraphs():
        if paragraph.start <= offset < paragraph.end:
            return paragraph.section_id
    return None


def figure_sections(doc: Document, offsets: Iterable[int]) -> dict[tuple[str, int], str]:
    """(doc id, offset) -> id of the section holding each figure offset (offsets outside any
    paragraph are left out)."""
    found: dict[tuple[str, int], str] = {}
    for offset in offsets:
        section_id = section_at(doc, offset)
        if section_id is not None:
            found[(doc.id, offset)] = section_id
    return found


def paragraph_at(doc: Document, offset: int) -> int:
    """Number of the paragraph holding character ``offset`` (0: none, e.g. a heading)."""
    for paragraph in doc.paragraphs():
        if paragraph.start <= offset < paragraph.end:
            return paragraph.number
    return 0


NATIONAL = ("国务院", "全国", "中国", "中华人民共和国", "中央")
PROVINCES = (
    "北京",
    "天津",
    "河北",
    "山西",
    "内蒙古",
    "辽宁",
    "吉林",
    "黑龙江",
    "上海",
    "江苏",
    "浙江",
    "安徽",
    "福建",
    "江西",
    "山东",
    "河南",
    "湖北",
    "湖南",
    "广东",
    "广西",
    "海南",
    "重庆",
    "四川",
    "贵州",
    "云南",
    "西藏",
    "陕西",
    "甘肃",
    "青海",
    "宁夏",
    "新疆",
    "香港",
    "澳门",
    "台湾",
)
"""Province-level divisions (GB/T 2260 order), by the short name their full names start with."""


def region_level(region: str | None) -> int:
    """0 national, 1 province-level, 2 prefecture (市 州 盟 地区), 3 county (县 区 旗), 4 other,
    5 unknown: the corpus's own hierarchy (国务院, 省自治区, 城市)."""
    if not region:
        return 5
    if region.startswith(NATIONAL):
        return 0
    for name in PROVINCES:
        if region.startswith(name) and region[len(name) :] in (
            "",
            "省",
            "市",
            "自治区",
            "壮族自治区",
            "回族自治区",
            "维吾尔自治区",
            "特别行政区",
        ):
            return 1
    if region.endswith(("市", "州", "盟", "地区")):
        return 2
    if region.endswith(("县", "区", "旗")):
        return 3
    return 4


def region_sort_key(region: str | None) -> tuple[int, bytes]:
    """Regions by level, then by pinyin: GB2312 orders its 3,755 common characters by pinyin, so
    the GB18030 bytes of a name sort it (rarer characters after, by radical) with no dictionary."""
    name = region or ""
    try:
        encoded = name.encode("gb18030")
    except UnicodeEncodeError:
        encoded = name.encode("utf-8")
    return (region_level(region), encoded)


def size_label(chars: int) -> str:
    """ "12.3k字" or "800字": a document's length at a glance."""
    return f"{chars / 1000:.1f}k字" if chars >= 1000 else f"{chars}字"


def entry_matches(entry: object, words: list[str]) -> bool:
    """Whether every (lower-case) word is in the entry's region, year, kind, title or path."""
    hay = " ".join(
        str(x)
        for x in (getattr(entry, a, None) for a in ("region", "year", "kind", "title", "path"))
        if x
    ).lower()
    return all(w in hay for w in words)


def printable(text: str) -> str:
    """Private-use and control characters as code points (icon-font glyphs have no width)."""
    out = []
    for ch in text:
        code = ord(ch)
        if 0xE000 <= code <= 0xF8FF or (code < 0x20 and ch not in "\t\n") or 0x7F <= code < 0xA0:
            out.append(f"U+{code:04X} ")
        else:
            out.append(ch)
    return "".join(out).rstrip()


def index_label(done: int, total: int, name: str, seconds_left: float | None) -> str:
    """The indexing status line: "indexing… 12/54 · about 40 s left · 太原市/2025.md", then
    "writing the index… about 15 s left" once every file is read."""
    from reporttui.core.progress import format_seconds

    left = f" · {format_seconds(seconds_left)} left" if seconds_left is not None else ""
    if total and done >= total:
        return f"writing the index…{left[2:]}"
    count = f" {done}/{total}" if total else ""
    where = f" · {source_label(name)}" if name else ""
    return f"indexing…{count}{left}{where}"


def entry_label(entry: Any) -> str:
    """ "古交市 2026 计划执行情况与计划草案报告  关于古交市…": what a reader tells documents by."""
    head = f"{entry.region or '?'} {entry.year or '?'} {entry.kind or ''}".strip()
    title = (entry.title or "").replace("\n", " ")
    return f"{head}  {title}" if title and title != entry.kind else head


def picker_labels(entries: list[Any]) -> dict[str, str]:
    """Doc id -> label, with the path's last two parts added where labels would repeat."""
    labels = {e.id: entry_label(e) for e in entries}
    counts = Counter(labels.values())
    for e in entries:
        if counts[labels[e.id]] > 1:
            parts = Path(e.path).parts[-2:]
            labels[e.id] = f"{labels[e.id]}  ({'/'.join(parts)})"
    return labels


def picker_matches(query: str, entry: Any, label: str) -> bool:
    """Every word of ``query`` occurs in the label, title or path."""
    haystack = f"{label} {entry.title or ''} {entry.path}".lower()
    return all(word in haystack for word in query.lower().split())


def bar(value: float, top: float, width: int) -> str:
    """A horizontal bar of eighth-blocks, ``value/top`` of ``width`` cells."""
    if top <= 0 or value <= 0 or width <= 0:
        return ""
    eighths = max(1, round(width * 8 * value / top))
    return "█" * (eighths // 8) + ("", "▏", "▎", "▍", "▌", "▋", "▊", "▉")[eighths % 8]


def fit(text: str, width: int, *, pad: bool = False) -> str:
    """``text`` cut to ``width`` terminal cells with an ellipsis (CJK characters are two cells);
    padded with spaces to exactly ``width`` when ``pad``."""
    from reporttui.core.text.linebreak import cell_width, char_width

    if width <= 0:
        return ""
    if cell_width(text) > width:
        out, used = [], 0
        for ch in text:
            w = char_width(ch)
            if used + w > width - 1:
                break
            out.append(ch)
            used += w
        text = "".join(out) + "…"
    return text + " " * (width - cell_width(text)) if pad else text
