"""Indicator extraction: the targets a report sets and the results it reports.

From sentences such as 地区生产总值增长5%左右 (a target) or 地区生产总值预计完成95亿元,同比增长1%
(a result) we extract rows of (indicator, value, unit, qualifier, kind, year). Indicator names are
normalised across wording variants (规上工业增加值 / 规模以上工业增加值) so documents line up in a
table. A growth rate is its own indicator, the level's name plus 增长 (地区生产总值增长, %); a fall
(下降41.5%) is a negative growth.

Target or result: a sentence inside the plan part (see :mod:`reporttui.core.analysis.plan`) or with target
words (预期目标, 力争, 左右, 以上...) is a target for the plan year; one in the review with result
words (完成, 实现, 同比...) is a result of the year before. An explicit "20XX年" at the start of the
paragraph or sentence wins over both.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass

from reporttui.core.model import Document

# Canonical indicator -> regex of its wordings (longest variants first where they share a prefix).
INDICATORS: tuple[tuple[str, str], ...] = (
    (
        "地区生产总值",
        (
            r"(?:(?:全[市县区省])?地区生产总值|(?:全[市县区省])?生产总值|国内生产总值|GDP|经济总量)"
            r"(?!\s*(?:能耗|比重|的|总量))"
        ),
    ),
    ("规模以上工业增加值", r"规模以上工业增加值|规上工业增加值|规模工业增加值"),
    ("服务业增加值", r"(?:现代)?服务业增加值"),
    ("第一产业增加值", r"第一产业(?:预计完成)?增加值"),
    ("第二产业增加值", r"第二产业(?:预计完成)?增加值"),
    ("第三产业增加值", r"第三产业(?:预计完成)?增加值"),
    ("固定资产投资", r"(?:全社会)?固定资产投资(?:总额)?|固投"),
    ("社会消费品零售总额", r"社会消费品零售总额|社消零总额"),
    (
        "一般公共预算收入",
        r"(?:地方)?一般公共(?:财政)?预算收入|(?:地方)?公共财政预算收入|(?:地方)?财政一般预算收入",
    ),
    ("财政总收入", r"财政总收入"),
    ("城镇居民人均可支配收入", r"城镇(?:常住)?居民人均可支配收入"),
    (
        "农村居民人均可支配收入",
        r"农村(?:常住)?居民人均可支配收入|农民人均纯收入|农民人均可支配收入",
    ),
    ("城乡居民人均可支配收入", r"城乡居民人均可支配收入"),
    ("居民人均可支配收入", r"(?:全体)?居民人均可支配收入"),
    ("进出口总额", r"(?:外贸)?进出口总额|外贸进出口"),
    ("实际利用外资", r"实际利用外资|实际使用外资"),
    ("城镇新增就业", r"城镇新增就业(?:人员)?|新增城镇就业(?:人员)?"),
    ("城镇调查失业率", r"城镇调查失业率"),
    ("城镇登记失业率", r"城镇登记失业率"),
    ("居民消费价格涨幅", r"居民消费价格(?:总水平)?(?:涨幅|指数)?|CPI"),
    ("单位地区生产总值能耗", r"单位(?:地区)?生产总值能耗|单位GDP能耗|万元GDP能耗"),
)

_NUM = r"-?\d+(?:\.\d+)?"
_UNIT = r"万亿元|亿元|万元|元|万人次|万人|人次|人|万吨|吨|万亩|亩|个百分点|%|‰"
_INDICATOR_RE = re.compile("|".join(f"(?P<i{n}>{rx})" for n, (_, rx) in enumerate(INDICATORS)))
_LEVEL_RE = re.compile(
    rf"^[^，。；;,]{{0,14}}?(?:完成|实现|达到|达|为|突破|增至|)\s*(?P<value>{_NUM})\s*(?P<unit>{_UNIT})"
)
_GROWTH_RE = re.compile(
    rf"(?P<avg>年均|累计|平均|比(?:19|20)\d\d年)?(?P<verb>增长|下降|增速|增幅|提高|降低|涨幅)(?:达到|达|为|保持在|控制在|在)?\s*"
    rf"(?P<value>{_NUM})\s*(?:%?\s*[-－—~～到至]\s*(?P<high>{_NUM})\s*)?(?P<unit>%|个百分点)"
    rf"(?P<qual>左右|以上|以内|以下|上下)?"
)
_NARROWING = "区业镇园"
"""A figure right after these (开发区/产业 规上工业增加值) is about a part, not the whole."""
_PAIR_RE = re.compile(
    rf"^\s*分别(?:完成|为|达到|达|实现)?\s*(?P<v1>{_NUM})\s*(?P<u1>{_UNIT})\s*[、和及]\s*"
    rf"(?P<v2>{_NUM})\s*(?P<u2>{_UNIT})"
)
_PAIR_GROWTH_RE = re.compile(
    rf"^[，,\s]*(?:分别)?(?:同比)?(?P<verb>增长|下降)\s*(?P<g1>{_NUM})\s*%\s*[、和及]\s*(?P<g2>{_NUM})\s*%"
)
_SYNC_RE = re.compile(
    r"(?P<qual>与经济增长(?:基本)?同步|(?:略)?(?:高于|快于|不低于|好于)(?:全国|全省|全市|经济增长|GDP)"
    r"[^，,。；;]{0,6}?(?:水平|增速|速度|增长)?(?=[，,。；;]|$)|保持正增长|与去年同期基本持平|基本持平)"
)
_TARGET_WORDS = re.compile(r"预期目标|主要目标|目标[是为：:]|力争|争取|确保|控制在|左右|以上|以内")
_RESULT_WORDS = re.compile(r"完成|实现|达到|同比|比上年|较上年|预计")
_TARGET_CONTEXT = re.compile(r"预期目标|主要目标|目标[是为]|计划目标|目标建议")
"""Words before a figure in its paragraph that make it a target (主要预期目标是：…)."""
_FIRM_RESULT = re.compile(r"同比|比上年|较上年|上年同期|去年同期|完成了|实现了")
_TARGET_QUALIFIERS = ("左右", "以上", "以内", "以下", "上下", "力争")
_YEAR_RE = re.compile(r"^\s*(?:预计)?(20\d\d)\s*年")
_SENTENCE_END = re.compile(r"[。；;！!？?\n]")


@dataclass(frozen=True, slots=True)
class Indicator:
    """One extracted target or result."""

    doc: str
    """Document id."""
    path: str
    region: str | None
    year: int | None
    """The year the figure is for (the plan year for targets, the reviewed year for results)."""
    indicator: str
    """Normalised name; growth rates end in 增长 (地区生产总值增长)."""
    value: float | None
    """The number (negative for a fall), None for qualitative targets (与经济增长基本同步)."""
    unit: str
    qualifier: str
    """左右 / 以上 / 以内 / 力争 / 与经济增长基本同步 / 高于经济增长水平 ... or ""."""
    kind: str
    """"target" or "result"."""
    text: str
    """The clause the figure was read from."""
    start: int = -1
    """Offset of the clause in :attr:`Document.text` (-1 when unknown)."""

    def to_json(self) -> dict[str, object]:
        """The row as in the CLI's JSON (offsets left out)."""
        row = asdict(self)
        row.pop("start")
        return row


def canonical_indicator(name: str) -> str | None:
    """The normalised name for a wording (规上工业增加值 -> 规模以上工业增加值), or None."""
    base = name.removesuffix("增长")
    for canonical, rx in INDICATORS:
        if re.fullmatch(rx, base):
            return canonical + ("增长" if base != name else "")
    return None


def _clean(text: str) -> str:
    """Join numbers broken by stray spaces (184. 37 -> 184.37) and unify percent signs."""
    text = text.replace("％", "%")
    return re.sub(r"(\d)\s*\.\s*(\d)", r"\1.\2", text)


def _fmt(value: str) -> float:
    return float(value)


@dataclass(frozen=True, slots=True)
class _Clause:
    """What one figure's row needs to know about the clause, sentence and paragraph it is in."""

    doc: str
    path: str
    region: str | None
    year: int | None
    """The document's (plan) year."""
    explicit_year: int | None
    """A year the sentence or paragraph opens with (2024年，…), if any."""
    sentence_kind: str
    """target/result from the sentence's cue words, or the default of where it stands."""
    firm_result: bool
    """The sentence says 同比/比上年…: a result whatever else it says."""
    target_context: bool
    """预期目标/主要目标 comes before the figure in its paragraph."""
    lead_qualifier: str
    text: str
    start: int

    def row(self, name: str, value: float | None, unit: str, qualifier: str) -> Indicator:
        """The row of one figure: target or result, and the year it is for."""
        qualifier = qualifier or self.lead_qualifier
        kind = self.sentence_kind
        if self.firm_result:
            kind = "result"
        elif (
            self.target_context or qualifier in _TARGET_QUALIFIERS or (value is None and qualifier)
        ):
            kind = "target"
        year = self.explicit_year
        if year is None and self.year is not None:
            year = self.year - 1 if kind == "result" else self.year
        return Indicator(
            doc=self.doc,
            path=self.path,
            region=self.region,
            year=year,
            indicator=name,
            value=value,
            unit=unit,
            qualifier=qualifier,
            kind=kind,
            text=self.text,
            start=self.start,
        )


def extract_from_text(
    text: str,
    *,
    default_kind: str,
    year: int | None,
    doc: str = "",
    path: str = "",
    region: str | None = None,
    offset: int = 0,
) -> list[Indicator]:
    """Indicators in one paragraph. ``default_kind`` is used when the sentence has no cue."""
    rows: list[Indicator] = []
    text_clean = _clean(text)
    para_year = _YEAR_RE.match(text_clean)
    sentence_start = 0
    for sentence_match in re.finditer(r"[^。；;！!？?\n]+[。；;！!？?]?", text_clean):
        sentence = sentence_match.group(0)
        sentence_start = sentence_match.start()
        hits = list(_INDICATOR_RE.finditer(sentence))
        if not hits:
            continue
        sent_year = _YEAR_RE.match(sentence)
        sentence_kind = default_kind
        has_target = bool(_TARGET_WORDS.search(sentence))
        has_result = bool(_RESULT_WORDS.search(sentence))
        if has_target and not has_result:
            sentence_kind = "target"
        elif has_result and not has_target:
            sentence_kind = "result"
        firm_result = bool(_FIRM_RESULT.search(sentence))
        explicit_year = next((int(m.group(1)) for m in (sent_year, para_year) if m), None)
        for n, hit in enumerate(hits):
            canonical = INDICATORS[int(hit.lastgroup[1:])][0]  # type: ignore[index]
            if hit.start() > 0 and sentence[hit.start() - 1] in _NARROWING:
                continue  # 开发区规上工业增加值: a part of the economy, not the headline figure
            end = hits[n + 1].start() if n + 1 < len(hits) else len(sentence)
            tail = sentence[hit.end() : end]
            clause = sentence[hit.start() : end].strip("，,；;。 ")
            context = _Clause(
                doc=doc,
                path=path,
                region=region,
                year=year,
                explicit_year=explicit_year,
                sentence_kind=sentence_kind,
                firm_result=firm_result,
                target_context=bool(
                    _TARGET_CONTEXT.search(text_clean[: sentence_start + hit.start()])
                ),
                lead_qualifier="力争"
                if "力争" in sentence[max(0, hit.start() - 6) : hit.start()]
                else "",
                text=clause,
                start=offset + sentence_start + hit.start(),
            )

            def add(
                name: str, value: float | None, unit: str, qual: str, c: _Clause = context
            ) -> None:
                rows.append(c.row(name, value, unit, qual))

            pair = _PAIR_RE.match(tail) if canonical == "城乡居民人均可支配收入" else None
            if pair:
                growths = _PAIR_GROWTH_RE.search(tail[pair.end() :])
                for i, name in ((1, "城镇居民人均可支配收入"), (2, "农村居民人均可支配收入")):
                    add(name, _fmt(pair.group(f"v{i}")), pair.group(f"u{i}"), "")
                    if growths:
                        sign = -1 if growths.group("verb") == "下降" else 1
                        add(name + "增长", sign * _fmt(growths.group(f"g{i}")), "%", "")
                continue
            level = _LEVEL_RE.match(tail)
            growth_region = tail
            if level and not re.match(r"\s*(?:%|个百分点)", tail[level.end("unit") :]):
                if level.group("unit") not in ("%", "个百分点", "‰") or canonical in (
                    "居民消费价格涨幅",
                    "城镇调查失业率",
                    "城镇登记失业率",
                ):
                    qual_after = re.match(r"(左右|以上|以内|以下)", tail[level.end() :])
                    add(
                        canonical,
                        _fmt(level.group("value")),
                        level.group("unit"),
                        qual_after.group(1) if qual_after else "",
                    )
                    growth_region = tail[level.end() :]
            growth = _GROWTH_RE.search(growth_region)
            if growth and growth.start() <= 24:
                if growth.group("avg"):
                    continue  # 年均/累计: a multi-year figure, not the year's
                value = _fmt(growth.group("value"))
                if growth.group("verb") in ("下降", "降低"):
                    value = -value
                qual = growth.group("qual") or ""
                if growth.group("high"):
                    qual = f"至{growth.group('high')}{growth.group('unit')}" + (
                        f" {qual}" if qual else ""
                    )
                add(canonical + "增长", value, growth.group("unit"), qual)
                continue
            sync = _SYNC_RE.search(growth_region)
            if sync and sync.start() <= 12:
                value = 0.0 if "持平" in sync.group("qual") else None
                add(canonical + "增长", value, "%" if value is not None else "", sync.group("qual"))
    return rows


def extract_targets(document: Document, plan_start: int | None = None) -> list[Indicator]:
    """Targets and results of a document.

    ``plan_start`` is the offset where the plan part begins (None: found with
    :func:`reporttui.core.analysis.plan.find_plan`); paragraphs from there on default to targets.
    """
    if plan_start is None:
        from reporttui.core.analysis.plan import find_plan

        plan = find_plan(document)
        plan_start = plan.start if plan.found else len(document.text) + 1
    rows: list[Indicator] = []
    for paragraph in document.paragraphs():
        in_plan = paragraph.start >= plan_start
        rows.extend(
            extract_from_text(
                paragraph.text,
                default_kind="target" if in_plan else "result",
                year=document.year,
                doc=document.id,
                path=document.path,
                region=document.region,
                offset=paragraph.start,
            )
        )
    return _dedupe(rows)


def _dedupe(rows: Iterable[Indicator]) -> list[Indicator]:
    """Keep the first row for each (indicator, kind, year): a report repeats its headline figures."""
    seen: set[tuple[str, str, int | None]] = set()
    kept: list[Indicator] = []
    for row in rows:
        key = (row.indicator, row.kind, row.year)
        if key in seen:
            continue
        seen.add(key)
        kept.append(row)
    return kept


@dataclass(frozen=True, slots=True)
class TargetTable:
    """Indicators as rows, documents as columns."""

    doc_ids: tuple[str, ...]
    rows: tuple[tuple[str, str, tuple[Indicator | None, ...]], ...]
    """(indicator, kind, one cell per document)."""


def target_table(per_doc: dict[str, list[Indicator]], kind: str | None = None) -> TargetTable:
    """Line up several documents' indicators by normalised name (and kind), in first-seen order."""
    doc_ids = tuple(per_doc)
    order: list[tuple[str, str]] = []
    cells: dict[tuple[str, str], dict[str, Indicator]] = {}
    for doc_id, rows in per_doc.items():
        for row in rows:
            if kind and row.kind != kind:
                continue
            key = (row.indicator, row.kind)
            if key not in cells:
                cells[key] = {}
                order.append(key)
            cells[key].setdefault(doc_id, row)
    order.sort(key=lambda k: (k[1] != "target", _indicator_rank(k[0])))
    table_rows = tuple(
        (name, k, tuple(cells[(name, k)].get(d) for d in doc_ids)) for name, k in order
    )
    return TargetTable(doc_ids, table_rows)


def _indicator_rank(name: str) -> tuple[int, int]:
    base = name.removesuffix("增长")
    for rank, (canonical, _) in enumerate(INDICATORS):
        if canonical == base:
            return (rank, 1 if name.endswith("增长") else 0)
    return (len(INDICATORS), 0)


def format_cell(row: Indicator, plan_year: int | None) -> str:
    """A table cell: the figure, with its year when it is not the document's plan year."""
    text = format_value(row)
    return text if row.year is None or row.year == plan_year else f"{text} ({row.year})"


def format_value(row: Indicator) -> str:
    """ "5% 左右", "95 亿元", "与经济增长基本同步": the figure as a reader writes it."""
    if row.value is None:
        return row.qualifier
    number = f"{row.value:g}"
    text = f"{number}{row.unit}"
    if row.qualifier:
        text = (
            f"{row.qualifier} {text}" if row.qualifier in ("力争",) else f"{text} {row.qualifier}"
        )
    return text
