"""Find the forward-looking part of a report: the plan, as distinct from the review.

Reports open with a review of the past year (2024年工作回顾, 一、2025年…计划执行情况) and then set
out the plan (二、2025年工作安排, 三、2026年…主要任务, 2025年 加快实现“二次腾飞”). We look for it
in two ways:

1. Headings: a heading naming the plan (工作安排, 主要任务, 重点工作…) or the plan year, after the
   last heading naming the review (回顾, 执行情况, or an earlier year). The plan runs from there to
   the end of the report's main part (a 三、全面加强政府自身建设 after the plan belongs to it).
2. No such heading (a newspaper digest with no headings at all): each paragraph is scored for
   review cues (同比, 完成, 建成, the past year) and plan cues (加快, 力争, 实施, the plan year),
   and the plan starts where the running balance turns from review to plan.

The plan is cut into *units*, the pieces compared theme by theme: the plan's numbered sections
((一)…(八)), or its paragraphs when it has no sections. Sections whose children are only parallel
lead sentences stay whole. A document without a plan part says so, and its units cover it whole.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reporttui.core.model import Document, Paragraph, Section

_PLAN_HEADING = re.compile(
    r"工作安排|主要任务|重点工作|工作任务|工作部署|工作打算|工作建议|主要目标|预期目标|总体思路"
    r"|计划草案|今后.{0,6}(?:工作|任务)|今年.{0,6}(?:工作|任务)|奋斗目标"
)
_REVIEW_HEADING = re.compile(r"回顾|执行情况|过去.{0,4}年|工作总结|主要成绩|成就|完成情况")
_YEAR = re.compile(r"((?:19|20)\d\d)\s*年")
_FIVE_YEAR = re.compile(r"五年|十[三四五六]五|20[3-5]\d年|远景")
_NOT_CONTENT = re.compile(
    r"名词解释|词语解释|注释|附注|附[件表录]|相关(?:链接|阅读|新闻)|延伸阅读|责任编辑|编辑[:：]|来源[:：]|链接[:：]"
)
"""Headings of glossaries, notes and link lists: not a field of work, kept out of the units."""
_LINKS = re.compile(r"https?://|www\.")
_NOT_A_UNIT = re.compile(
    r"^[^，。]{0,8}(?:总体思路|总体要求|主要目标|预期目标|指导思想)[^，。]{0,4}$"
)
"""Plan sections that state aims rather than a field of work: kept out of the theme units."""
_REVIEW_CUES = re.compile(
    r"同比|完成|建成|实现|取得|一年来|过去|成绩|获评|达到|累计|荣获|已|新增|落户|兑现|投产|明显|显著"
    r"|稳中|跻身|首位|全部|惠及|向好|不断|逐步|稳步|成效|基本"
)
_PLAN_CUES = re.compile(
    r"加快|力争|确保|今年|将|(?<![重主需必])要(?![求素点])|着力|谋划|预期目标|争取|突出|抓好|做好|全力以赴"
    r"|继续|锚定|聚焦|坚决"
)
PLAN_SHARE = 0.2
"""Found by paragraphs only when the plan side holds at least this share of the text..."""


@dataclass(frozen=True, slots=True)
class PlanUnit:
    """One piece of a plan that is compared as a whole."""

    key: str
    """Unique within the plan: the section id, or ``"<section id>#p<number>"`` for a paragraph."""
    section_id: str
    """The section it is (or the section holding it, for a paragraph unit)."""
    title: str
    """Its heading; for a paragraph unit, the paragraph's first sentence (shortened)."""
    text: str
    """Its full text: body paragraphs of the section and its descendants."""
    start: int
    """Offset in :attr:`Document.text` where the unit begins."""
    paragraphs: tuple[int, ...]
    """:attr:`Paragraph.number` of each of its paragraphs."""
    scope: str = "year"
    """"year" (the annual plan) or "five-year" (under a heading of the five-year part:
    今后五年, "十五五"时期…, without the plan year)."""


@dataclass(frozen=True, slots=True)
class PlanPart:
    """Where a document's plan is, and its units."""

    found: bool
    """False when no plan part was recognised: the units then cover the whole document."""
    how: str
    """One line saying how it was found ("heading 二、2025年工作安排") or why not."""
    start: int
    """Offset in :attr:`Document.text` where the plan begins (0 when not found)."""
    heading: str | None
    units: tuple[PlanUnit, ...]

    def unit(self, key: str) -> PlanUnit | None:
        """The unit with this key (a section id for section units)."""
        for unit in self.units:
            if unit.key == key:
                return unit
        return None


def _section_start(section: Section) -> int:
    if section.title_start >= 0:
        return section.title_start
    for paragraph in section.all_paragraphs():
        return paragraph.start
    return -1


def _main_sections(document: Document) -> list[Section]:
    return [s for s in document.sections if s.part == "main"] or list(document.sections)


def _heading_years(title: str) -> list[int]:
    return [int(y) for y in _YEAR.findall(title)]


def _classify(title: str, plan_year: int | None) -> str:
    """'plan', 'review' or '' for a heading."""
    years = _heading_years(title)
    if _REVIEW_HEADING.search(title):
        return "review"
    if plan_year is not None and years:
        if max(years) < plan_year:
            return "review"
        if max(years) >= plan_year:
            return "plan" if _PLAN_HEADING.search(title) or len(title) < 40 else ""
    if _PLAN_HEADING.search(title):
        return "plan"
    return ""


def _flat_headed(sections: list[Section]) -> list[Section]:
    """Titled, non-lead sections of the main part in document order (all levels)."""
    out: list[Section] = []
    for top in sections:
        for s in top.walk():
            if s.title and s.kind not in ("lead", "preamble", "document"):
                out.append(s)
    return out


def _plan_by_headings(document: Document) -> tuple[int, str] | None:
    headed = _flat_headed(_main_sections(document))
    if not headed:
        return None
    plan_year = document.year
    if plan_year is None:
        years = [y for s in headed for y in _heading_years(s.title)]
        plan_year = max(years) if years else None
    labels = [_classify(s.title, plan_year) for s in headed]
    last_review = max((i for i, label in enumerate(labels) if label == "review"), default=-1)
    for i in range(last_review + 1, len(headed)):
        if labels[i] == "plan":
            # Prefer the highest-level heading when the plan heading is nested in a plain one.
            return _section_start(headed[i]), headed[i].title
    return None


def _paragraph_balance(paragraphs: list[Paragraph], plan_year: int | None) -> int | None:
    """Index of the first plan paragraph by the best review|plan split, or None."""
    if len(paragraphs) < 2:
        return None
    past = str(plan_year - 1) if plan_year else None
    now = str(plan_year) if plan_year else None
    nets: list[int] = []
    for p in paragraphs:
        text = p.text.replace(" ", "")
        review = len(_REVIEW_CUES.findall(text)) + (2 * text.count(past + "年") if past else 0)
        plan = len(_PLAN_CUES.findall(text)) + (2 * text.count(now + "年") if now else 0)
        nets.append(plan - review)
    best, best_at = None, None
    for k in range(1, len(paragraphs)):
        score = -sum(nets[:k]) + sum(nets[k:])
        if best is None or score >= best:  # on a tie, keep undecided paragraphs in the review
            best, best_at = score, k
    if best_at is None or sum(nets[:best_at]) >= 0 or sum(nets[best_at:]) <= 0:
        return None
    plan_side = paragraphs[best_at:]
    plan_chars = sum(len(p.text) for p in plan_side)
    if plan_chars < PLAN_SHARE * sum(len(p.text) for p in paragraphs):
        return None
    if (
        sum(
            1
            for p, net in zip(plan_side, nets[best_at:], strict=False)
            if net > 0 and len(p.text) >= 50
        )
        < 2
    ):
        return None
    return best_at


def _is_unit_level(section: Section) -> bool:
    return not section.children or all(c.kind == "lead" for c in section.children)


def _short_title(text: str) -> str:
    first = re.split(r"(?<=[。！？；])", text, maxsplit=1)[0]
    return first if len(first) <= 30 else first[:29] + "…"


def _scope(document: Document, section: Section) -> str:
    """ "five-year" for a unit under a five-year heading that does not name the plan year."""
    try:
        path = document.section_path(section.id)
    except KeyError:
        return "year"
    plan_year = f"{document.year}年" if document.year else None
    for title in reversed(path):  # the innermost heading that says decides
        five = bool(_FIVE_YEAR.search(title))
        this_year = bool(plan_year and plan_year in title)
        if five and not this_year:
            return "five-year"
        if this_year:
            return "year"
    return "year"


def _paragraph_unit(section: Section, p: Paragraph) -> PlanUnit:
    return PlanUnit(
        f"{section.id}#p{p.number}", section.id, _short_title(p.text), p.text, p.start, (p.number,)
    )


def _units(document: Document, start: int) -> tuple[PlanUnit, ...]:
    """The plan's units from offset ``start`` on (see the module docstring)."""
    units: list[PlanUnit] = []

    def visit(section: Section) -> None:
        if not section.title or section.kind in ("document", "preamble"):
            # Untitled text: each paragraph is a unit; titled children are visited on their own.
            units.extend(
                _paragraph_unit(section, p) for p in section.paragraphs if p.start >= start
            )
            for child in section.children:
                visit(child)
            return
        if not _is_unit_level(section):
            for child in section.children:
                visit(child)
            return
        if _section_start(section) < start or _NOT_A_UNIT.match(section.title):
            return  # its heading belongs to the review, or it states aims, not a field of work
        if _NOT_CONTENT.search(section.title):
            return  # a glossary, notes, a link list
        paragraphs = list(section.all_paragraphs())
        text = "\n".join(p.text for p in paragraphs)
        if len(_LINKS.findall(text)) >= 3 and len(_LINKS.findall(text)) * 60 > len(text):
            return  # mostly links
        units.append(
            PlanUnit(
                section.id,
                section.id,
                section.title,
                text,
                _section_start(section),
                tuple(p.number for p in paragraphs),
                _scope(document, section),
            )
        )

    for top in _main_sections(document):
        visit(top)
    return tuple(units)


def find_plan(document: Document) -> PlanPart:
    """The plan part of ``document`` and its units (see the module docstring)."""
    by_heading = _plan_by_headings(document)
    if by_heading is not None:
        start, title = by_heading
        units = _units(document, start)
        if units:
            return PlanPart(True, f"heading {title}", start, title, units)
    paragraphs = [p for s in _main_sections(document) for p in s.all_paragraphs()]
    at = _paragraph_balance(paragraphs, document.year)
    if at is not None:
        start = paragraphs[at].start
        units = _units(document, start)
        if units:
            return PlanPart(
                True, "review and plan told apart paragraph by paragraph", start, None, units
            )
    return PlanPart(
        False, "no plan part found: the whole document is compared", 0, None, _units(document, 0)
    )
