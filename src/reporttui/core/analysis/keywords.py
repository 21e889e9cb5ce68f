"""Keyword statistics: top terms of a text, and how two documents' vocabularies differ.

Terms are jieba accurate-mode words of two or more characters, minus a policy stop list: the
verbs and fillers every report repeats (加强, 推进, 坚持, 全面, 工作...) and which say nothing
about what a region plans. Counts are compared per 10,000 characters, so a short newspaper digest
and a long report can be set side by side.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from reporttui.core.index.dictionary import prepare_jieba
from reporttui.core.index.segment import cut
from reporttui.core.model import Document

POLICY_STOPWORDS: frozenset[str] = frozenset(
    [
        "加强",
        "推进",
        "坚持",
        "加快",
        "实施",
        "推动",
        "深化",
        "全面",
        "持续",
        "提升",
        "开展",
        "完善",
        "强化",
        "落实",
        "打造",
        "建设",
        "发展",
        "促进",
        "提高",
        "健全",
        "深入",
        "扎实",
        "积极",
        "大力",
        "不断",
        "进一步",
        "全力",
        "着力",
        "努力",
        "切实",
        "高效",
        "有效",
        "稳步",
        "有序",
        "统筹",
        "聚焦",
        "支持",
        "保障",
        "做好",
        "抓好",
        "办好",
        "用好",
        "实现",
        "完成",
        "确保",
        "力争",
        "争取",
        "加大",
        "优化",
        "构建",
        "形成",
        "增强",
        "发挥",
        "巩固",
        "拓展",
        "培育",
        "引导",
        "鼓励",
        "组织",
        "开发",
        "启动",
        "规范",
        "重点",
        "主要",
        "相关",
        "各类",
        "一批",
        "一步",
        "工作",
        "任务",
        "方面",
        "领域",
        "水平",
        "能力",
        "体系",
        "机制",
        "作用",
        "政策",
        "措施",
        "行动",
        "工程",
        "项目",
        "活动",
        "全市",
        "全县",
        "全区",
        "全省",
        "我们",
        "我市",
        "我县",
        "今年",
        "去年",
        "明年",
        "一年",
        "同比",
        "增长",
        "以上",
        "左右",
        "其中",
        "以及",
        "通过",
        "围绕",
        "按照",
        "根据",
        "进行",
        "成为",
        "作为",
        "更加",
        "更好",
        "更多",
        "一是",
        "二是",
        "三是",
        "四是",
        "五是",
        "六是",
        "七是",
        "八是",
        "九是",
        "十是",
        "各位",
        "代表",
        "同志",
        "这一",
        "一个",
        "没有",
        "已经",
        "我们要",
        "坚决",
        "主动",
        "精准",
        "全力以赴",
        "深入开展",
        "加快推进",
        "大力推进",
        "持续推进",
        "扎实推进",
        "全面推进",
        "亿元",
        "万元",
        "万人",
        "个百分点",
        "年度",
        "以来",
        "目前",
        "同时",
        "之一",
        "进入",
        "达到",
        "实施方案",
        "方案",
        "继续",
        "认真",
        "紧紧",
        "高质量",
        "质量",
        "新",
        "重要",
        "重大",
        "有力",
        "良好",
        "积极开展",
        "抓住",
        "全年",
        "年内",
        "当前",
        "迈进",
        "迈出",
        "取得",
        "成效",
        "精神",
        "会议",
        "学习",
        "贯彻",
        "传达",
        "召开",
        "目标",
        "新增",
        "狠下功夫",
        "常委会",
        "有关",
        "部署",
        "要求",
        "决策部署",
        "扩大会议",
        "正以",
        "一如既往",
        "一项",
        "变成",
        "越来越",
        "真正",
        "不能",
        "只能",
        "之外",
        "这个",
        "这些",
        "那些",
        "如何",
        "以此",
        "为此",
        "从而",
        "不仅",
    ]
)
"""Words dropped from keyword lists: policy verbs, fillers, numbering, units."""

_KEEP = re.compile(r"[\u4e00-\u9fffA-Za-z]")


def report_text(doc: Document) -> str:
    """The report's own words: headings and paragraphs, without appended parts.

    A block appended after the report (another article, a banner, a table of district news) is
    kept on the document but is not what the region plans, so it does not count here.
    """
    lines: list[str] = []
    for top in doc.sections:
        if top.part == "appended":
            continue
        for section in top.walk():
            if section.title and section.kind != "lead":
                lines.append(section.title)
            lines.extend(p.text for p in section.paragraphs)
    return "\n".join(lines)


def terms(text: str) -> list[str]:
    """The meaningful words of ``text`` in order (jieba words, stop list and digits removed).

    jieba gets the shipped policy-term dictionary first (林麝, 新质生产力 stay whole words).
    """
    prepare_jieba()
    return [
        w
        for w in cut(text)
        if len(w) >= 2 and w not in POLICY_STOPWORDS and _KEEP.search(w) and not w.isdigit()
    ]


def term_counts(text: str) -> Counter[str]:
    return Counter(terms(text))


@dataclass(frozen=True, slots=True)
class TermCount:
    """A term with its count and rate per 10,000 characters."""

    term: str
    count: int
    rate: float


def top_terms(text: str, n: int = 20, counts: Counter[str] | None = None) -> list[TermCount]:
    """The ``n`` most frequent terms (ties broken by the term, for stable output)."""
    counts = counts if counts is not None else term_counts(text)
    size = max(len(text), 1)
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:n]
    return [TermCount(t, c, round(c * 10000 / size, 2)) for t, c in ranked]


@dataclass(frozen=True, slots=True)
class TermChange:
    """How one term's use differs between the base document and the other."""

    term: str
    base_count: int
    other_count: int
    base_rate: float
    other_rate: float

    @property
    def ratio(self) -> float:
        """other_rate / base_rate (inf for a new term)."""
        return self.other_rate / self.base_rate if self.base_rate else float("inf")


@dataclass(frozen=True, slots=True)
class KeywordDiff:
    """Terms new in, rising in and falling in the ``other`` document relative to ``base``."""

    new: tuple[TermChange, ...]
    rising: tuple[TermChange, ...]
    falling: tuple[TermChange, ...]


def keyword_diff(
    base_text: str,
    other_text: str,
    *,
    n: int = 15,
    min_count: int = 2,
    factor: float = 1.5,
    base_counts: Counter[str] | None = None,
    other_counts: Counter[str] | None = None,
) -> KeywordDiff:
    """Compare two texts' vocabularies by rate per 10,000 characters.

    new: used at least ``min_count`` times in ``other`` and never in ``base``; rising / falling:
    used ``min_count`` times on the side where it is frequent, and ``factor`` times as often
    there as on the other side. Each list is ranked by how much the rate moved.
    """
    a = base_counts if base_counts is not None else term_counts(base_text)
    b = other_counts if other_counts is not None else term_counts(other_text)
    size_a, size_b = max(len(base_text), 1), max(len(other_text), 1)
    changes = [
        TermChange(
            t,
            a.get(t, 0),
            b.get(t, 0),
            round(a.get(t, 0) * 10000 / size_a, 2),
            round(b.get(t, 0) * 10000 / size_b, 2),
        )
        for t in set(a) | set(b)
    ]
    new = [c for c in changes if c.base_count == 0 and c.other_count >= min_count]
    rising = [
        c
        for c in changes
        if c.base_count > 0 and c.other_count >= min_count and c.other_rate >= factor * c.base_rate
    ]
    falling = [
        c for c in changes if c.base_count >= min_count and c.base_rate >= factor * c.other_rate
    ]

    def by_move(items: Iterable[TermChange]) -> tuple[TermChange, ...]:
        ranked = sorted(items, key=lambda c: (-abs(c.other_rate - c.base_rate), c.term))
        return tuple(ranked[:n])

    return KeywordDiff(by_move(new), by_move(rising), by_move(falling))
