"""Indicator extraction: the targets a report sets and the results it reports.

A report states this year's targets in one passage (今年经济社会发展主要预期目标是：地区生产总值增长
5%左右…) inside its plan part, and last year's results in its review (全年地区生产总值完成95亿元,
同比增长1%). Around them stand figures of other kinds that must not be taken for either: five-year
goals and results (年均增长6%, "十四五"时期, 五年累计), last year's target quoted again (年初确定的
增长6%左右的目标), figures of a part (其中开发区规上工业增加值, 一般贸易进出口) and task figures of
the plan's sections (新增城镇就业23万人以上 in a jobs section).

So extraction works from the report's structure first:

1. find the plan part (:mod:`reporttui.core.analysis.plan`) and in it the target passage (a
   paragraph with 主要(预期)目标是/为, not under a five-year heading, preferring one that names the
   plan year or 今年);
2. cut every sentence into clauses (at ，；) and read each clause's figures: indicator (from the
   user-extendable table ``data/indicators.toml``, or any short noun phrase before 增长/达到/控制在/
   提高到 in the target passage), value (ranges, 分别 lists, thousands separators, 百分之五, signs:
   下降 is negative), unit and qualifier (左右/以上/力争/突破, or a qualitative target such as
   与经济增长基本同步, 正增长, 基本平衡);
3. give every candidate a kind by where it stands and what its clause says.

Kinds: ``target`` (this year's, from the passage; without a passage, plan figures with target
words), ``result`` (last year's headline figure, whole region), ``plan`` (a task figure elsewhere in
the plan), ``five-year-target``, ``five-year-result``, ``past-target`` (a target quoted in the
review) and ``part`` (a sub-region, zone or sector). :func:`extract_candidates` returns them all,
each with its year, source clause and section; :func:`extract_targets` the headline targets and
results (first per indicator), which tables and tracking use.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from functools import lru_cache
from itertools import pairwise

from reporttui.core.model import Document

HEADLINE_KINDS = ("target", "result")
ALL_KINDS = (
    "target",
    "result",
    "plan",
    "five-year-target",
    "five-year-result",
    "past-target",
    "part",
)


@dataclass(frozen=True, slots=True)
class IndicatorDef:
    """One entry of the indicator table."""

    name: str
    aliases: tuple[str, ...]
    rate: bool = False
    """The value is itself a percentage or index (失业率 5.5%): "X 5.5%" is a level, not a growth."""
    subjects: tuple[str, ...] = ()
    """Regexes of the indicator's subject (粮食): a clause that names it makes a following
    总产/产量 figure the indicator's (粮食再获丰收，总产达613.6亿斤)."""


@lru_cache(maxsize=4)
def indicator_table(home: str | None = None) -> tuple[IndicatorDef, ...]:
    """The shipped indicator table merged with ``<home>/indicators.toml`` (see tables.py)."""
    from pathlib import Path

    from reporttui.core.analysis.tables import load_table

    entries = load_table("indicators", "indicator", home=Path(home) if home else None)
    out: list[IndicatorDef] = []
    for entry in entries:
        aliases = entry.get("aliases") or [re.escape(entry["name"])]
        subjects = tuple(entry.get("subjects") or ())
        for what, patterns in (("alias", aliases), ("subject", subjects)):
            for pattern in patterns:
                try:
                    re.compile(pattern)
                except re.error as error:
                    raise ValueError(
                        f"indicator {entry['name']}: bad {what} {pattern!r}: {error}"
                    ) from None
        out.append(
            IndicatorDef(entry["name"], tuple(aliases), bool(entry.get("rate", False)), subjects)
        )
    return tuple(out)


@lru_cache(maxsize=4)
def _indicator_re(home: str | None = None) -> re.Pattern[str]:
    table = indicator_table(home)
    return re.compile("|".join(f"(?P<i{n}>{'|'.join(d.aliases)})" for n, d in enumerate(table)))


def _matcher() -> tuple[tuple[IndicatorDef, ...], re.Pattern[str]]:
    """The table in force and its regex; the shipped table alone when the user's file is broken."""
    try:
        return indicator_table(), _indicator_re()
    except ValueError:
        import tempfile

        nowhere = tempfile.gettempdir() + "/reporttui-no-home"
        return indicator_table(nowhere), _indicator_re(nowhere)


def indicator_table_error() -> str | None:
    """Why ``<home>/indicators.toml`` cannot be used (None when it is fine or absent)."""
    try:
        indicator_table()
    except ValueError as error:
        return str(error)
    return None


def _table() -> tuple[IndicatorDef, ...]:
    return _matcher()[0]


# --- numbers -------------------------------------------------------------------------------------

_CN_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_NUM = (
    r"(?:\d{1,3}(?:[ ,]\d{3})+(?:\.\d+)?|\d+(?:\s?\.\s?\d+)?|百分之[零〇一二两三四五六七八九十点]+)"
)
_UNIT = (
    r"万亿元|万亿美元|亿美元|万美元|亿元|万元|元|万人次|万人|人次|人|万亿斤|亿斤|万斤|亿公斤|万公斤|万吨|吨|万亩|亩|天"
    r"|个百分点|%|‰"
)
_QUAL = r"左右|以上|以内|以下|上下"


def parse_number(text: str) -> tuple[float, bool]:
    """(value, is_percent) of a number as reports write it: 2 311.43, 2,311.43, 百分之五, 184. 37."""
    text = text.strip()
    if text.startswith("百分之"):
        return _cn_number(text[3:]), True
    return float(re.sub(r"[ ,\s]", "", text)), False


def _cn_number(text: str) -> float:
    """一 -> 1, 十二 -> 12, 三点五 -> 3.5 (the small numbers reports spell out)."""
    whole, _, frac = text.partition("点")
    value = 0
    if "十" in whole:
        tens, _, ones = whole.partition("十")
        value = (_CN_DIGITS.get(tens, 1) if tens else 1) * 10 + (
            _CN_DIGITS.get(ones, 0) if ones else 0
        )
    else:
        for ch in whole:
            value = value * 10 + _CN_DIGITS.get(ch, 0)
    if frac:
        return float(f"{value}." + "".join(str(_CN_DIGITS.get(c, 0)) for c in frac))
    return float(value)


# --- clause grammar ------------------------------------------------------------------------------

_VALUE = rf"(?P<value>{_NUM})\s*(?P<unit>{_UNIT})?"
_FROM_TO_RE = re.compile(
    rf"^[^，。；]{{0,10}}?[由从]\s*(?:不到|不足|近|约)?\s*{_NUM}\s*(?:{_UNIT})?\s*(?:提高|提升|增加|增长|扩大|下降|降低|降|增)(?:到|至)\s*"
    rf"(?:超过|突破|近|约)?\s*(?P<value>{_NUM})\s*(?P<unit>{_UNIT})?"
)
_LEVEL_RE = re.compile(
    rf"^(?P<pre>[^，。；;,\d]{{0,14}}?)(?P<verb>预计完成|完成|实现|达到|达|为|突破|超过|超|增至|提高到|提升到|提高至|提升至|上升到|上升至|稳定在|保持在|控制在|)\s*"
    rf"{_VALUE}(?P<qual>{_QUAL})?"
)
_GROWTH_RE = re.compile(
    rf"(?P<avg>年均|累计|平均|比(?:19|20)\d\d年)?(?P<verb>增长|下降|增速|增幅|提高|提升|降低|涨幅|上涨|回落|增加)"
    rf"(?:率)?(?:达到|达|为|保持在|控制在|在|分别为)?\s*"
    rf"(?P<value>{_NUM})\s*(?:%?\s*[-－—~～到至]\s*(?P<high>{_NUM})\s*)?(?P<unit>%|个百分点)?"
    rf"(?P<qual>{_QUAL})?"
)
_SYNC_RE = re.compile(
    r"(?:增长|增速|收入)?(?:争取|力争)?(?P<qual>(?:与|和|同)(?:经济增长|经济发展|GDP增长|GDP增速)(?:基本)?同步"
    r"|(?:与|和|同)经济(?:增长|发展)趋势(?:基本)?一致"
    r"|(?:略)?(?:高于|快于|不低于|好于)(?:全国|全省|全市|全区|经济增长|经济增速|GDP|地区生产总值)"
    r"[^，,。；;、]{0,12}?(?=[，,。；;、]|$)"
    r"|(?:保持|实现)?正增长|(?:保持)?稳(?:步|定)增长|基本平衡|(?:与去年同期)?基本持平)"
)
_MULTI_YEAR = re.compile(
    r"年均|累计|先后|(?:[两二三四五六七八九十\d]个|连)[^，。；]{0,6}台阶|五年|十[一二三四五六]五|[“\"]?十[三四五六]五[”\"]?|比(?:19|20)\d\d年|(?:19|20)\d\d年以来|翻一?番"
    r"|连续\d+个?[年月]|(?:19|20)\d\d\s*年?[到至—\-]+(?:19|20)\d\d|到(?:19|20)\d\d年|远景"
)
_PAST_TARGET = re.compile(r"目标|计划|预期|任务")
_PART_BEFORE = re.compile(
    r"[县区园港]|(?<!城)[镇乡]|民营|国有|私营|外资企业|集群|行业|领域|企业|农户|脱贫|重点|产业|贸易|服务|开发|新区|板块|部分|[A-Za-z]"
    r"|海洋|旅游|文旅|文化|数字|农业|林业|渔业|体育"  # 海洋生产总值: a sector's own product
)
_WHOLE = re.compile(r"全[市县区省州盟国]|全年|地方|[州市]县(?:区)?(?:属|两级)")
_PERIOD = re.compile(
    r"(?:第?[一二三四1-4]|前[二三两])季度|[上下]半年|(?<!\d)\d{1,2}\s*[-—~～至]\s*\d{1,2}\s*月|(?<![\d年])\d{1,2}月(?:份|末|底)"
)
"""A part of the year (第一季度, 上半年, 1-11月): its figures are not the year's."""
_FLOW = re.compile(r"新增")
"""A yearly flow (城镇新增就业): a five-year review's figure of it is a five-year total."""
_SPAN_OPENING = re.compile(r"^\s*(?:与|和|同|比)[^，。；]{0,14}?(?:末|初)(?:相比|比较)?[，,]")
"""与“十一五”末相比，…分别增长72%、83%: the sentence compares across years."""


def _in_period(before: str) -> bool:
    """Whether a part of the year (上半年, 第一季度) governs what follows, until 全年 takes over."""
    periods = list(_PERIOD.finditer(before))
    if not periods:
        return False
    return not re.search(r"全年|全年度|年末|年底", before[periods[-1].end() :])


_FIRM_RESULT = re.compile(
    r"同比|比上年|较上年|上年同期|去年同期|完成了|实现了|预计完成|预计实现|预计全年"
)
_TARGET_WORDS = re.compile(r"预期目标|主要目标|目标[是为：:]|力争|争取|确保|控制在|左右|以上|以内")
_RESULT_WORDS = re.compile(r"完成|实现|达到|同比|比上年|较上年|预计")
_YEAR_RE = re.compile(r"^\s*(?:预计)?((?:19|20)\d\d)\s*年")
_PASSAGE_RE = re.compile(
    r"(?:主要|预期|发展)(?:预期)?(?:目标|指标)(?:任务)?(?:建议)?(?:是|为|如下|：|:)|主要预期目标"
)
_FIVE_YEAR_SCOPE = re.compile(r"五年|十[四五六]五|20[3-5]\d年|远景|中长期")
_OPEN_SUBJECT = re.compile(
    rf"^(?:力争|确保|争取|全[市县区省])?(?P<name>[\u4e00-\u9fffA-Za-z]{{2,12}}?)(?P<verb>增长|下降|降低|达到|达|控制在|提高到|提升到|稳定在|保持在)\s*"
    rf"(?P<value>{_NUM})\s*(?P<unit>{_UNIT})(?P<qual>{_QUAL})?"
)
_OPEN_NAME_BAD = re.compile(
    r"[的和与及是在为对把将使]|^(?:其中|同比|比上年|分别|总量|规模|投资|完成|实现)"
)
_ORDINAL_LIST = re.compile(
    r"第?([一二三])(?:产业)?[、和]第?([一二三])(?:产业)?(?:[、和]第?([一二三]))?产(?:业)?(?:增加值)?"
    r"(?=\s*(?:分别|$))"
)
_SEP = re.compile(r"[，；;：:]|,(?!\d{3})")
_SENTENCE = re.compile(r"[^。！!？?\n]+[。！!？?]?")


@dataclass(frozen=True, slots=True)
class Indicator:
    """One extracted figure: a target, a result, or another kind of candidate."""

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
    """左右 / 以上 / 以内 / 力争 / 突破 / 至6.5% / 与经济增长基本同步 ... or ""."""
    kind: str
    """One of :data:`ALL_KINDS`."""
    text: str
    """The clause the figure was read from (a substring of :attr:`Document.text`)."""
    start: int = -1
    """Offset of the clause in :attr:`Document.text` (-1 when unknown)."""
    section: str = ""
    """Title of the section the figure stands in ("" when untitled)."""
    scope: str = "year"
    """"year", or "five-year" when it stands in a five-year review or plan part."""

    def to_json(self) -> dict[str, object]:
        """The row as in the CLI's JSON (offsets left out)."""
        row = asdict(self)
        row.pop("start")
        return row


def canonical_indicator(name: str) -> str | None:
    """The normalised name for a wording (规上工业增加值 -> 规模以上工业增加值), or None."""
    base = name.removesuffix("增长")
    for definition in _table():
        for alias in definition.aliases:
            if re.fullmatch(alias, base):
                return definition.name + ("增长" if base != name else "")
    return None


def _norm(text: str) -> str:
    """A same-length copy for matching: full-width digits and signs made ASCII, and short notes in
    brackets without a figure blanked (同比增长（以下简称“增长”）7%, 收入（同口径）增长5%)."""
    return _NOTE.sub(lambda m: " " * len(m.group(0)), text.translate(_FULLWIDTH))


_NOTE = re.compile(r"（[^（）\d\n]{1,20}）")


_FULLWIDTH = str.maketrans("０１２３４５６７８９％．－～", "0123456789%.-~")


@dataclass(frozen=True, slots=True)
class _Where:
    """What a clause's rows need to know about where it stands."""

    doc: str
    path: str
    region: str | None
    year: int | None
    section: str
    zone: str
    """"passage" (the target passage), "plan", "review" or "unknown" (no plan part found)."""


def _clauses(sentence: str) -> Iterable[tuple[int, str]]:
    """(offset, clause) pieces of a sentence, cut at ，；：."""
    at = 0
    for match in _SEP.finditer(sentence):
        yield at, sentence[at : match.start()]
        at = match.end()
    yield at, sentence[at:]


def _figures(
    clause: str,
    table: tuple[IndicatorDef, ...],
    rx: re.Pattern[str],
    open_names: bool,
    carry: list[str],
) -> list[tuple[int, int, str, float | None, str, str]]:
    """(hit start, hit end, indicator, value, unit, qualifier) of every figure in one clause."""
    out: list[tuple[int, int, str, float | None, str, str]] = []
    hits = list(rx.finditer(clause))
    if "分别" in clause and _ORDINAL_LIST.search(clause[: clause.index("分别")]):
        listed = _listed(clause, hits, table)  # 一、二、三产分别增长7%、16%、11.6%
        if listed is not None:
            return listed
    if not hits:
        subject = _subject(clause, table)
        if subject:
            name, at = subject
            carry[:] = [name]
            output = _OUTPUT.search(clause, at)
            if output:  # 粮食播种面积1570.5万亩、总产130亿斤
                rows = _read_tail(clause[output.end() :], name, _rate(name, table))
                return [(0, 0, n, v, u, q) for n, v, u, q in rows if n == name]
            if re.match(
                rf"^\s*(?:达到|达)?\s*{_NUM}\s*(?:万吨|亿斤|万斤|亿公斤|万公斤|吨)", clause[at:]
            ):
                rows = _read_tail(clause[at:], name, _rate(name, table))  # 全年生产粮食257万吨
                return [(0, 0, n, v, u, q) for n, v, u, q in rows if n == name]
        opened = _OPEN_SUBJECT.match(clause)
        total = _TOTAL.match(clause)
        if carry and total:
            hits_from_carry = _read_tail(clause[total.end() :], carry[-1], _rate(carry[-1], table))
            return [(0, 0, n, v, u, q) for n, v, u, q in hits_from_carry]
        if carry and carry[-1] == "城乡居民人均可支配收入" and _CONTINUED_LEVEL.match(clause):
            split = _urban_rural("分别" + clause)  # …分别增长15.5%和22%，达到20250元和6438元
            return [(0, 0, *row) for row in split or []]
        carried = (
            _carried_list(clause, carry)
            if carry and carry[-1] != "城乡居民人均可支配收入"
            else None
        )
        if carried:
            return carried
        if carry and _CONTINUED_LEVEL.match(clause) and carry[-1] != "城乡居民人均可支配收入":
            # 去年达到54641万吨 / 1997年达到760亿元 (the clause's year is read by the caller)
            own = re.sub(r"^\s*(?:去年|当年|全年|(?:19|20)\d\d\s*年)", "", clause)
            rows = _read_tail(own, carry[-1], _rate(carry[-1], table))
            return [(0, 0, n, v, u, q) for n, v, u, q in rows if n == carry[-1]]
        if carry and _CONTINUED.match(clause):
            # 固定资产投资完成19.7亿元，同比下降41.5%: the growth of the indicator just named
            if carry[-1] == "城乡居民人均可支配收入":
                split = _urban_rural("分别" + clause)
                return [(0, 0, *row) for row in split or []]
            rows = _read_tail(clause, carry[-1], _rate(carry[-1], table))
            return [(0, 0, n, v, u, q) for n, v, u, q in rows if n.endswith("增长")]
        if (
            _NEW_SUBJECT.match(clause) or (not subject and _NEW_BARE_SUBJECT.match(clause))
        ) and not re.match(r"^\s*(?:净|比|较|同比|增速|增幅|其中|年均|累计)", clause):
            carry.clear()  # 农产品加工销售收入完成154亿元，同比增长24%: another subject took over
        if open_names and opened and not _OPEN_NAME_BAD.search(opened.group("name")):
            name = opened.group("name")
            value, pct = parse_number(opened.group("value"))
            unit = "%" if pct else opened.group("unit")
            if opened.group("verb") in ("增长", "下降", "降低") and unit in ("%", "个百分点"):
                sign = -1 if opened.group("verb") != "增长" else 1
                out.append(
                    (
                        opened.start("name"),
                        opened.end("name"),
                        name + "增长",
                        sign * value,
                        unit,
                        opened.group("qual") or "",
                    )
                )
            else:
                out.append(
                    (
                        opened.start("name"),
                        opened.end("name"),
                        name,
                        value,
                        unit,
                        opened.group("qual") or "",
                    )
                )
        return out
    # 分别 lists: 财政总收入、一般公共预算收入分别达到1102.6亿元和632亿元; 第一、第二、第三产业…
    if "分别" in clause:
        listed = _listed(clause, hits, table)
        if listed is not None:
            if {row[2] for row in listed} == {"城镇居民人均可支配收入", "农村居民人均可支配收入"}:
                carry.append("城乡居民人均可支配收入")  # …分别达到41048元、19342元，增长4.5%、6%
            elif listed:
                carry[:] = list(dict.fromkeys(row[2].removesuffix("增长") for row in listed))
            return listed
    joined = _joined(clause, hits, table)
    if joined:
        carry[:] = list(dict.fromkeys(row[2].removesuffix("增长") for row in joined))
        return joined
    shared = _shared_qualitative(clause, hits, table)
    if shared is not None:
        return shared
    for n, hit in enumerate(hits):
        definition = table[int(hit.lastgroup[1:])]  # type: ignore[index]
        name = definition.name
        end = hits[n + 1].start() if n + 1 < len(hits) else len(clause)
        tail = clause[hit.end() : end]
        if re.match(r"^\s*(?:的|占|比重|中|结构|核算)", tail):
            continue  # 占地区生产总值的43.8%: a share, not the indicator's figure
        if re.search(r"(?:拉动|贡献)$", clause[: hit.start()]):
            continue  # 拉动GDP增长4.1个百分点: a contribution, not the indicator's growth
        if name == "城乡居民人均可支配收入":
            split = _urban_rural(tail)
            if split:
                out.extend((hit.start(), hit.end(), *row) for row in split)
                carry.append(name)
                continue
        total = re.search(r"、(?:确保|力争|争取)?(?:总量|规模|总额)", tail)
        rows = _read_tail(tail[: total.start()] if total else tail, name, definition.rate)
        if total:  # 增长9%、总量突破300亿元: the level of the same indicator
            rows += [
                r for r in _read_tail(tail[total.end() :], name, definition.rate) if r[0] == name
            ]
        out.extend((hit.start(), hit.end(), *row) for row in rows)
        carry.append(name)
    return out


_OUTPUT = re.compile(r"(?<![\u4e00-\u9fff])(?:总产量|总产|产量)|[、，]\s*(?:总产量|总产|产量)")


def _subject(clause: str, table: tuple[IndicatorDef, ...]) -> tuple[str, int] | None:
    """(indicator, end of the mention) of the first subject word of the table in ``clause``."""
    for definition in table:
        for pattern in definition.subjects:
            found = re.search(pattern, clause)
            if found:
                return definition.name, found.end()
    return None


def _rate(name: str, table: tuple[IndicatorDef, ...]) -> bool:
    return any(d.name == name and d.rate for d in table)


def _value(match: re.Match[str], group: str = "value") -> tuple[float, str]:
    value, pct = parse_number(match.group(group))
    unit = "%" if pct else (match.group("unit") or "")
    return value, unit


def _read_tail(tail: str, name: str, rate: bool) -> list[tuple[str, float | None, str, str]]:
    """The figures an indicator's clause gives: its level, its growth, or a qualitative target."""
    rows: list[tuple[str, float | None, str, str]] = []
    lead = "力争" if re.match(r"^[^\d]{0,6}?力争", tail) else ""
    rest = tail
    moved = _FROM_TO_RE.match(tail)
    if moved:
        value, unit = _value(moved)
        rows.append((name, value, unit, ""))
        rest = tail[moved.end() :]
    else:
        level = _LEVEL_RE.match(tail)
        if (
            level
            and not _GROWTH_VERB.search(level.group("pre"))
            and "年均" not in level.group("pre")
        ):
            value, unit = _value(level)
            follows = tail[level.end() :]
            # 全市生产总值接近1万亿元: near a figure is not the figure
            near = bool(re.search(r"近$", level.group("pre")) and not level.group("verb"))
            is_level = bool(unit) and (unit not in ("%", "个百分点", "‰") or rate)
            if not unit and rate and re.match(rf"^\s*(?:{_QUAL}|[，,。；;、]|$)", follows):
                is_level = value > 50  # an index (居民消费价格指数 103), not a bare count
            if re.match(
                r"^\s*的[^，。；\d]{1,8}?(?:达到|达|有|为|超过)?\s*\d+\s*[个家户座所]", follows
            ):
                return []  # 收入10亿元以上的县市达46个: a threshold counting parts, not a level
            if is_level and not near and not re.match(r"^\s*(?:%|个百分点)", follows):
                qual = level.group("qual") or ""
                if level.group("verb") in ("突破", "超过", "超") and not qual:
                    qual = "突破"
                rows.append((name, value, unit, qual or lead))
                rest = follows
    growth = _GROWTH_RE.search(rest)
    if (
        growth
        and growth.start() <= 24
        and not growth.group("avg")
        and (growth.group("unit") or growth.group("value").startswith("百分之"))
    ):
        value, unit = _value(growth)
        if growth.group("verb") in ("下降", "降低", "回落"):
            value = -value
        qual = growth.group("qual") or ""
        if growth.group("high"):
            high, _ = parse_number(growth.group("high"))
            qual = f"至{high:g}{unit}" + (f" {qual}" if qual else "")
        if (
            rate
            and name in ("居民消费价格涨幅",)
            and growth.group("verb") in ("上涨", "涨幅", "增长")
        ):
            rows.append((name, value, unit, qual or lead))
        elif (
            name == "居民消费价格指数" and unit == "%" and growth.group("verb") in ("上涨", "增长")
        ):
            # 居民消费价格指数上涨0.9%: the index's rise is the price rise
            rows.append(("居民消费价格涨幅", value, unit, qual or lead))
        else:
            rows.append((name + "增长", value, unit, qual or lead))
        reached = re.match(rf"^\s*[、]?\s*(?:达到|达)\s*{_VALUE}", rest[growth.end() :])
        if reached and not any(r[0] == name for r in rows):
            reached_value, reached_unit = _value(reached)  # 城镇化率提高1.5个百分点、达42.88%
            if reached_unit and (reached_unit not in ("%", "个百分点", "‰") or rate):
                rows.append((name, reached_value, reached_unit, ""))
        return rows
    if rows:
        return _cpi(rows)
    sync = _SYNC_RE.search(rest)
    if sync and sync.start() <= 12:
        qual = sync.group("qual")
        if "持平" in qual:
            return [(name + "增长", 0.0, "%", qual)]
        if "平衡" in qual:
            # 国际收支基本平衡; 经济总量基本平衡 is supply matching demand, not a figure's target
            return [(name, None, "", qual)] if "收支" in name else []
        return [(name + "增长", None, "", qual)]
    return rows


_TOTAL = re.compile(r"^\s*(?:确保|力争|争取)?(?:经济)?(?:总量|规模(?!以上)|总额|总产量?|产量)")
_NEW_SUBJECT = re.compile(
    rf"^\s*[\u4e00-\u9fff]{{3,}}?(?:完成|实现|达到|达|为|突破|增长|下降)\s*{_NUM}"
)
_NEW_BARE_SUBJECT = re.compile(
    r"^\s*(?!完成|实现|占|为|达|比|较|同比|增长|下降|其中|年均|累计|预计|全年|居)"
    rf"[\u4e00-\u9fff]{{3,12}}\s*{_NUM}\s*(?:{_UNIT})"
)
"""地方财政支出335.3亿元: another subject, named without a verb, takes over the clause."""
_CONTINUED = re.compile(
    r"^\s*(?:同比|比上年|较上年|分别|年|按?(?:同|可比)口径|按?可比价格?(?:计算)?)?"
    r"(?:增长|下降|增速|增幅|提高|降低|回落)\s*\d"
)
_GROWTH_NAME = re.compile(r"增长$")
_GOAL_YEAR = re.compile(r"到(20\d\d)年")
_FIVE_YEAR_REVIEW = re.compile(r"过去五年|这五年|五年来|五年工作|十[一二三四五]五|本届政府")
_CONTINUED_LEVEL = re.compile(
    rf"^\s*(?:去年|当年|全年|(?:19|20)\d\d\s*年)?(?:预计)?(?:达到|达|突破|超过|增至|完成)\s*{_NUM}\s*(?:{_UNIT})"
)
_PAST_OPENING = re.compile(r"^\s*(?:过去一年|过去的一年|去年|上年|一年来)[，,]")
_CLAUSE_YEAR = re.compile(r"^\s*((?:19|20)\d\d)\s*年(?!\s*[到至—\-])")
_GROWTH_VERB = re.compile(r"增长|下降|增速|增幅|提高|提升|降低|涨幅|上涨|回落|增加|减少")


def _cpi(
    rows: list[tuple[str, float | None, str, str]],
) -> list[tuple[str, float | None, str, str]]:
    """居民消费价格指数控制在3.5%: an index given in % is its rise (涨幅)."""
    return [
        ("居民消费价格涨幅", v, u, q) if n == "居民消费价格指数" and u == "%" else (n, v, u, q)
        for n, v, u, q in rows
    ]


def _urban_rural(tail: str) -> list[tuple[str, float | None, str, str]] | None:
    """城乡居民人均可支配收入分别（完成/增长）a、b: one row per side."""
    names = ("城镇居民人均可支配收入", "农村居民人均可支配收入")
    levels = re.match(
        rf"^\s*(?:年均)?分别(?:完成|为|达到|达|实现)?\s*(?P<v1>{_NUM})\s*(?P<u1>{_UNIT})\s*[、和及]\s*(?P<v2>{_NUM})\s*(?P<u2>{_UNIT})",
        tail,
    )
    growth = re.search(
        rf"(?:分别)?(?:同比)?(?P<verb>增长|下降)\s*(?P<g1>{_NUM})\s*%?\s*[、和及]\s*(?P<g2>{_NUM})\s*%",
        tail,
    )
    if not levels and not (growth and "分别" in tail[: growth.end()]):
        return None
    if "年均" in tail[: (growth.start() if growth else 0) + 2] or (
        levels and "年均" in tail[: levels.end()]
    ):
        return []
    rows: list[tuple[str, float | None, str, str]] = []
    for i, name in enumerate(names, 1):
        if levels:
            rows.append((name, parse_number(levels.group(f"v{i}"))[0], levels.group(f"u{i}"), ""))
        if growth:
            sign = -1 if growth.group("verb") == "下降" else 1
            qual = re.match(rf"^\s*({_QUAL})", tail[growth.end() :])
            rows.append(
                (
                    name + "增长",
                    sign * parse_number(growth.group(f"g{i}"))[0],
                    "%",
                    qual.group(1) if qual and i == 2 else "",
                )
            )
    return rows


def _shared_qualitative(
    clause: str, hits: list[re.Match[str]], table: tuple[IndicatorDef, ...]
) -> list[tuple[int, int, str, float | None, str, str]] | None:
    """一般公共预算收入、城乡居民人均可支配收入与经济增长基本同步: one qualitative target each."""
    names = [(h.start(), h.end(), table[int(h.lastgroup[1:])].name) for h in hits]  # type: ignore[index]
    if len(hits) == 1:
        shared = _shared_head(clause, hits[0])  # 城镇、农村居民人均可支配收入均增长8%
        if shared is None:
            return None
        names.insert(0, shared)
    for a, b in pairwise(hits):
        if not re.fullmatch(r"[、和及与\s]*", clause[a.end() : b.start()]):
            return None
    tail = clause[hits[-1].end() :]
    sync = _SYNC_RE.match(tail)
    if not sync:
        # 城镇居民人均可支配收入和农民人均纯收入实际增长10%: one growth for each
        growth = re.match(
            rf"^\s*(?:实际|名义|均)?\s*(?:增长|增速为?)\s*({_NUM})\s*%({_QUAL})?", tail
        )
        if not growth:
            return None
        value = parse_number(growth.group(1))[0]
        return [(s, e, name + "增长", value, "%", growth.group(2) or "") for s, e, name in names]
    qual = sync.group("qual")
    return [
        (s, e, name if "平衡" in qual else name + "增长", None, "", qual) for s, e, name in names
    ]


def _listed(
    clause: str,
    hits: list[re.Match[str]],
    table: tuple[IndicatorDef, ...],
    at: int | None = None,
    skip: int = 2,
) -> list[tuple[int, int, str, float | None, str, str]] | None:
    """Indicators joined by 、和 then 分别 and as many values: one row each; None when not that form.

    ``at`` and ``skip``: where the list of names ends and how long the word after it is (分别, or
    nothing for 城镇居民、农村居民人均可支配收入达5536元和1950元)."""
    if at is None:
        at = clause.index("分别")
    names: list[tuple[int, int, str]] = []
    ordinal = _ORDINAL_LIST.search(clause[:at])
    ordinals = {"一": "第一产业增加值", "二": "第二产业增加值", "三": "第三产业增加值"}
    if ordinal:
        for g in ordinal.groups():
            if g:
                names.append((ordinal.start(), ordinal.end(), ordinals[g]))
    else:
        before = [h for h in hits if h.end() <= at]
        shared = _shared_head(clause, before[0]) if len(before) == 1 else None
        if shared is not None:  # 城镇居民、农村居民人均可支配收入分别增长8%和8.5%
            first = before[0]
            names = [shared, (first.start(), first.end(), table[int(first.lastgroup[1:])].name)]  # type: ignore[index]
            before = []
        elif len(before) < 2:
            return None
        for a, b in pairwise(before):
            if not re.fullmatch(r"[、和及与\s]*", clause[a.end() : b.start()]):
                return None
        if before:
            names = [(h.start(), h.end(), table[int(h.lastgroup[1:])].name) for h in before]  # type: ignore[index]
    tail = clause[at + skip :]
    if re.match(r"^\s*(?:比|较|高于|低于|快于|慢于|占|增加|减少|提高(?!到|至)|多)", tail):
        return []  # 分别比全国高0.2、0.9个百分点 / 分别增加400元和150元: not the indicators' own
    verb = re.match(r"^\s*(?:同比)?(?P<verb>增长|下降|达到|达|为|完成|实现|提高到)?", tail)
    growth = bool(verb and verb.group("verb") in ("增长", "下降"))
    sign = -1 if verb and verb.group("verb") == "下降" else 1
    values = list(
        re.finditer(
            rf"(?P<value>{_NUM})\s*(?P<unit>{_UNIT})?\s*(?P<qual>{_QUAL})?",
            tail[verb.end() if verb else 0 :],
        )
    )
    if len(values) < len(names):
        return None
    out: list[tuple[int, int, str, float | None, str, str]] = []
    last_unit = next(
        (v.group("unit") for v in reversed(values[: len(names)]) if v.group("unit")), ""
    )
    for (s, e, name), v in zip(names, values, strict=False):
        number, pct = parse_number(v.group("value"))
        unit = "%" if pct else (v.group("unit") or last_unit)
        qual = v.group("qual") or ""  # 分别增长7.5%、8%左右: 左右 is the second value's
        if growth and unit in ("%", "个百分点"):
            out.append((s, e, name + "增长", sign * number, unit, qual))
        elif not growth:
            out.append((s, e, name, number, unit, qual))
    return out


def _shared_head(clause: str, hit: re.Match[str]) -> tuple[int, int, str] | None:
    """城镇居民、农村居民人均可支配收入: the first name of a list that shares the second's head."""
    word = re.search(r"([\u4e00-\u9fff]{2,6})[、和及与]$", clause[: hit.start()])
    if not word:
        return None
    text = hit.group(0)
    scope = re.match(r"全[市省区县州盟国]|全体|市区", word.group(1))
    for cut in (0, scope.end()) if scope else (0,):
        head = word.group(1)[cut:]
        for k in range(1, len(text) - 1):
            name = canonical_indicator(head + text[k:])
            if name and name != canonical_indicator(text):
                return word.start(1) + cut, word.end(1), name
    return None


_JOINED_VALUES = re.compile(
    rf"^\s*(?:同比|分别)?(?:增长|下降|达到|达|为|完成|实现)\s*{_NUM}\s*(?:{_UNIT})?\s*[、和及]\s*{_NUM}"
)


def _joined(
    clause: str, hits: list[re.Match[str]], table: tuple[IndicatorDef, ...]
) -> list[tuple[int, int, str, float | None, str, str]] | None:
    """大口径财政收入和公共财政预算收入完成40.1亿元、16.7亿元: a list of names, then as many
    values joined by 、和 without 分别; one row each, or None when not that form."""
    last = hits[-1]
    if not _JOINED_VALUES.match(clause[last.end() :]):
        return None
    before = clause[: last.start()]
    if len(hits) < 2 and not re.search(r"[、和及与]$", before):
        return None
    return _listed(clause, hits, table, at=last.end(), skip=0)


def _carried_list(
    clause: str, carry: list[str]
) -> list[tuple[int, int, str, float | None, str, str]] | None:
    """分别增长32.93%和32.06%: the values of the indicators the sentence named last, in order."""
    head = re.match(
        r"^\s*(?:同比|比上年)?(?P<each>分别)?(?:同比)?(?P<verb>增长|下降|达到|达|为|完成|实现)?",
        clause,
    )
    if not head or not (head.group("each") or head.group("verb")):
        return None  # 分别增长a、b, or 增长a、b after a list of names
    values = list(
        re.finditer(
            rf"(?P<value>{_NUM})\s*(?P<unit>{_UNIT})?(?=\s*(?:[、和及。；;！!]|$))",
            clause[head.end() :],
        )
    )
    names = list(dict.fromkeys(reversed(carry)))[::-1]
    if len(values) < 2 or len(names) < len(values):
        return None
    growth = head.group("verb") in ("增长", "下降")
    sign = -1 if head.group("verb") == "下降" else 1
    last_unit = next((v.group("unit") for v in reversed(values) if v.group("unit")), "")
    out: list[tuple[int, int, str, float | None, str, str]] = []
    for name, v in zip(names[-len(values) :], values, strict=True):
        number, pct = parse_number(v.group("value"))
        unit = "%" if pct else (v.group("unit") or last_unit)
        if growth and unit in ("%", "个百分点"):
            out.append((0, 0, name + "增长", sign * number, unit, ""))
        elif not growth and unit not in ("%", "个百分点"):
            out.append((0, 0, name, number, unit, ""))
    return out


def _classify(
    zone: str,
    clause: str,
    prefix: str,
    sentence: str,
    explicit_year: int | None,
    year: int | None,
    value: float | None,
    qualifier: str,
    name: str = "",
) -> tuple[str, int | None]:
    """(kind, year) of one figure from where it stands and what its clause says."""
    # the figure's own stretch of the clause: from the last 、 before it to the next 、 after it
    before = prefix.rsplit("、", 1)[-1]
    after = clause[len(prefix) :].split("、", 1)[0]
    multi = bool(_MULTI_YEAR.search(before + after))
    goal = _GOAL_YEAR.search(sentence[: max(0, sentence.find(clause)) + len(prefix)])
    if goal and year is not None and int(goal.group(1)) > year:
        multi = True  # 到2025年，…超过8500亿元: a goal of a later year
    if goal and year is not None and zone in ("review", "review5") and int(goal.group(1)) >= year:
        multi = True  # 到2012年全市实现…(in the 2012 review): a goal, not last year's figure
    if _SPAN_OPENING.match(sentence) and (value is None or _GROWTH_NAME.search(name)):
        multi = True  # growths over the span; a level reached (从X增加到Y) is still the year's
    near = prefix[-10:]
    whole = list(_WHOLE.finditer(near))
    part = bool(_PART_BEFORE.search(near[whole[-1].end() :] if whole else near))
    firm = bool(_FIRM_RESULT.search(sentence))
    if zone == "passage":
        # 主要预期目标是：全省生产总值同比增长7%-7.5%: 同比 alone does not make a target a result
        firm = bool(_FIRM_RESULT.search(sentence.replace("同比", "")))
        kind = (
            "five-year-target"
            if multi
            else ("result" if firm and not _TARGET_WORDS.search(clause) else "target")
        )
        if part and kind == "target":
            kind = "plan"
    elif zone == "plan5":
        kind = "part" if part else "five-year-target"  # the next five years' goals, before the plan
    elif zone == "plan":
        kind = "five-year-target" if multi else ("result" if firm else "plan")
        if part:
            kind = "part"
    elif zone in ("review", "review5"):
        if multi or (
            zone == "review5" and (value is None or _GROWTH_NAME.search(name) or _FLOW.search(name))
        ):
            kind = "five-year-result"  # a level read in a five-year review may still be the year's
        elif (
            (
                _PAST_TARGET.search(clause)
                and (qualifier in ("左右", "以上", "以内") or value is None)
            )
            or ("控制在" in clause and qualifier in ("以内", "左右", "以下"))
            or (re.search(r"在\s*[\d.]", clause) and qualifier in ("以内", "以下"))
            or (value is None and not re.search(r"平衡|持平", qualifier))
        ):
            kind = "past-target"  # 年初目标…左右 / 控制在3.5%以内: a target quoted in the review
        else:
            kind = "result"
        if part or _in_period(sentence[: max(0, sentence.find(clause))] + prefix):
            kind = "part"  # 上半年地区生产总值仅增长1.2%: a part of the year
    else:  # no plan part found: fall back on the clause's own words
        has_target = (
            bool(_TARGET_WORDS.search(sentence))
            or qualifier in ("左右", "以上", "以内", "力争")
            or (value is None and bool(qualifier))
        )
        kind = "five-year-result" if multi else ("result" if firm or not has_target else "target")
        if part:
            kind = "part"
    fig_year = explicit_year
    if fig_year is None and year is not None:
        past = kind in ("result", "five-year-result", "past-target") or (
            kind == "part" and zone in ("review", "review5")
        )
        fig_year = year - 1 if past else year
    if explicit_year is not None and year is not None and kind == "target" and explicit_year < year:
        kind = "result"
    if (
        kind == "result"
        and explicit_year is not None
        and year is not None
        and explicit_year < year - 1
    ):
        kind = "five-year-result"  # 2009年…从X增加到Y: a figure of an earlier year or a span
    return kind, fig_year


def extract_from_text(
    text: str,
    *,
    default_kind: str,
    year: int | None,
    doc: str = "",
    path: str = "",
    region: str | None = None,
    offset: int = 0,
    zone: str | None = None,
    section: str = "",
) -> list[Indicator]:
    """Every figure in one paragraph.

    ``zone`` says where the paragraph stands ("passage", "plan", "review"); without it,
    ``default_kind`` "target" reads as the plan and "result" as the review, but a clause's own
    target or result words decide (as for a paragraph whose report has no plan part).
    """
    table, rx = _matcher()
    norm = _norm(text)
    if zone is None:
        zone = "unknown"
    open_names = zone == "passage"
    rows: list[Indicator] = []
    para_year = _YEAR_RE.match(norm)
    sentence_from = 0
    past_run = False
    for sentence_match in _SENTENCE.finditer(norm):
        sentence = sentence_match.group(0)
        s_at = sentence_match.start()
        sent_year = _YEAR_RE.match(sentence)
        explicit_year = next((int(m.group(1)) for m in (sent_year, para_year) if m), None)
        carry: list[str] = []
        if _PAST_OPENING.match(sentence):
            past_run = (
                True  # 过去一年，我们…。国内生产总值增长10.3%…: last year told in the plan part
            )
        elif re.search(
            r"今年|本年|明年|要|将|力争|争取|确保|计划|目标|预期|"
            + (f"{year}年" if year else "\0"),
            sentence,
        ):
            past_run = False  # the plan's own words take over again
        rows = _exact_over_milestone(rows, sentence_from)
        sentence_from = len(rows)
        for c_at, clause in _clauses(sentence):
            if not re.search(
                r"\d|百分之|同步|正增长|平衡|持平|高于|快于|稳步增长|稳定增长|一致", clause
            ):
                # 全年地区生产总值迈上新台阶，总量突破5万亿元，增长4.6%: the next clauses' subject
                named = [
                    h
                    for h in rx.finditer(clause)
                    if not re.match(r"\s*(?:的|占|比重)", clause[h.end() :])
                ]
                subject = _subject(clause, table)
                if named:
                    carry[:] = [table[int(named[-1].lastgroup[1:])].name]  # type: ignore[index]
                elif subject:
                    carry[:] = [subject[0]]
                continue
            own_year = _CLAUSE_YEAR.match(clause)
            clause_year = int(own_year.group(1)) if own_year else explicit_year
            for h_start, _h_end, name, value, unit, qual in _figures(
                clause, table, rx, open_names, carry
            ):
                stripped = clause.strip(" 　")
                lead_at = clause.index(stripped) if stripped else 0
                kind, fig_year = _classify(
                    zone, clause, clause[:h_start], sentence, clause_year, year, value, qual, name
                )
                if zone == "plan" and past_run and kind == "plan" and year is not None:
                    kind, fig_year = "result", year - 1
                if (
                    zone == "unknown"
                    and default_kind == "target"
                    and kind == "result"
                    and not _FIRM_RESULT.search(sentence)
                    and not _RESULT_WORDS.search(sentence)
                ):
                    kind, fig_year = "target", year
                rows.append(
                    Indicator(
                        doc=doc,
                        path=path,
                        region=region,
                        year=fig_year,
                        indicator=name,
                        value=value,
                        unit=unit,
                        qualifier=qual,
                        kind=kind,
                        text=text[s_at + c_at + lead_at : s_at + c_at + lead_at + len(stripped)],
                        start=offset + s_at + c_at + lead_at,
                        section=section,
                        scope="five-year"
                        if zone == "review5" or kind.startswith("five-year")
                        else "year",
                    )
                )
    return _exact_over_milestone(rows, sentence_from)


def _exact_over_milestone(rows: list[Indicator], start: int) -> list[Indicator]:
    """突破150亿元，达153.6亿元: within one sentence the exact level replaces the milestone."""
    exact = {
        (r.indicator, r.kind, r.unit): r.value
        for r in rows[start:]
        if r.value is not None and r.qualifier == ""
    }
    return rows[:start] + [
        r
        for r in rows[start:]
        if not (
            r.qualifier == "突破"
            and r.value is not None
            and (exact.get((r.indicator, r.kind, r.unit)) or 0) > r.value
        )
    ]


def _coming_period(year: int | None) -> re.Pattern[str]:
    """What opens a paragraph on the five-year period the report's year belongs to (for 2021:
    “十四五”时期, 今后五年): goals, even when they stand before the plan part."""
    words = [r"今后五年", r"未来五年"]
    if year is not None and 2006 <= year <= 2035:
        number = "一二三四五六七"[(year - 2006) // 5]
        words.append(rf"^\W?十{number}五\W?(?:时期|期间|规划)")
    return re.compile("|".join(words))


def _passage(document: Document, plan_start: int) -> tuple[int, int] | None:
    """(start, end) offsets of the target passage in the plan part, or None."""
    best: tuple[int, int, int] | None = None
    paragraphs = [p for p in document.paragraphs() if p.end > plan_start] or document.paragraphs()
    titles = {s.id: " ".join(document.section_path(s.id)) for s in document.walk()}
    year = document.year
    for n, p in enumerate(paragraphs):
        match = _PASSAGE_RE.search(p.text)
        if not match:
            continue
        body = p.text[match.start() :]
        score = 0
        head = p.text[max(0, match.start() - 30) : match.end()]
        if "今年" in head or "本年" in head or (year and f"{year}年" in head):
            score += 3
        title = titles.get(p.section_id, "")[-40:]
        if _FIVE_YEAR_SCOPE.search(head):
            score -= 10
        elif _FIVE_YEAR_SCOPE.search(title) and not (year and f"{year}年" in title):
            score -= 4  # under a five-year heading (“十五五”时期主要目标) without the year's own
        end = p.end
        if len(body) < 40 and body.rstrip().endswith(("：", ":")):
            for q in paragraphs[n + 1 : n + 13]:
                if not re.search(r"\d|同步|正增长", q.text) or len(q.text) > 300:
                    break
                end = q.end
        if not _matcher()[1].search(document.text[p.start + match.start() : end]):
            continue
        if best is None or score > best[0]:
            best = (score, p.start + match.start(), end)
    if best is None or best[0] < -5:
        return None
    return best[1], best[2]


def extract_candidates(document: Document, plan_start: int | None = None) -> list[Indicator]:
    """Every figure of the document with its kind, year, clause and section (module docstring)."""
    from reporttui.core.analysis.plan import find_plan

    if plan_start is None:
        plan = find_plan(document)
        plan_start = plan.start if plan.found else None
    passage = _passage(document, plan_start) if plan_start is not None else None
    section_titles = {s.id: s.title for s in document.walk()}
    rows: list[Indicator] = []
    annual_run = False
    future_run = False
    coming = _coming_period(document.year)
    for paragraph in document.paragraphs():
        section = section_titles.get(paragraph.section_id, "")
        read = functools.partial(
            extract_from_text,
            year=document.year,
            doc=document.id,
            path=document.path,
            region=document.region,
            section=section,
        )
        if plan_start is None:
            zone = "unknown"
        elif paragraph.start >= plan_start or paragraph.end > plan_start:
            zone = "plan"
        else:
            zone = "review"
            path = " ".join(document.section_path(paragraph.section_id))
            last_year = f"{document.year - 1}年" if document.year else "\0"
            opening = paragraph.text[:16]
            if re.search(r"这一年|过去一年|刚刚过去的|一年来|去年|" + last_year, opening):
                annual_run = True  # 这一年，我们…: the year's own review
                future_run = False
            elif coming.search(paragraph.text[:24]):
                future_run = True  # “十四五”时期是…: the coming five years' goals (before the plan)
            elif _FIVE_YEAR_REVIEW.search(opening):
                annual_run = False
                future_run = False
            if not annual_run and (
                _FIVE_YEAR_REVIEW.search(path) or _FIVE_YEAR_REVIEW.match(opening)
            ):
                # 一、“十四五”时期及2025年工作回顾: five-year until 刚刚过去的2025年… opens the year
                zone = "review5"
            if future_run:
                zone = "plan5"
        if passage and paragraph.start <= passage[1] and paragraph.end > passage[0]:
            cut = max(0, passage[0] - paragraph.start)
            if cut:
                rows.extend(
                    read(
                        paragraph.text[:cut],
                        default_kind="target",
                        zone=zone,
                        offset=paragraph.start,
                    )
                )
            rows.extend(
                read(
                    paragraph.text[cut:],
                    default_kind="target",
                    zone="passage",
                    offset=paragraph.start + cut,
                )
            )
            continue
        rows.extend(
            read(
                paragraph.text,
                default_kind="target" if zone == "plan" else "result",
                zone=zone,
                offset=paragraph.start,
            )
        )
    if passage is None and plan_start is not None:
        # No target passage: the plan's figures with target words stand in for it (a digest).
        rows = [
            _replace_kind(r, "target")
            if r.kind == "plan" and _TARGET_WORDS.search(r.text + r.qualifier)
            else r
            for r in rows
        ]
    return rows


def _replace_kind(row: Indicator, kind: str) -> Indicator:
    data = asdict(row)
    data["kind"] = kind
    return Indicator(**data)


def extract_targets(document: Document, plan_start: int | None = None) -> list[Indicator]:
    """This year's targets and last year's headline results: the first row per indicator."""
    rows = [r for r in extract_candidates(document, plan_start) if r.kind in HEADLINE_KINDS]
    # A level read from a five-year review stands in only when the year's review has none.
    rows.sort(key=lambda r: r.scope == "five-year")
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
    """Line up several documents' indicators by normalised name (and kind), in table order."""
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
    for rank, definition in enumerate(_table()):
        if definition.name == base:
            return (rank, 1 if name.endswith("增长") else 0)
    return (len(_table()), 0)


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
            f"{row.qualifier} {text}"
            if row.qualifier in ("力争", "突破")
            else f"{text} {row.qualifier}"
        )
    return text
