"""The ranking: BM25F from the matcher plus named, bounded signals of this genre of report.

``score = base + Σ WEIGHTS[name] × signal`` where ``base`` is the row's BM25F divided by the best
BM25F among the candidates (0..1] and every signal lies in [0, 1]:

==============  ==================================================================================
``lead``        share of the query's terms in the lead clause (to the first 。；！？：, at most
                :data:`LEAD_MAX` characters, at least :data:`LEAD_MIN`; without such a mark, to
                the first comma after :data:`LEAD_MIN`): Chinese reports name a paragraph's topic
                there (加快发展新型能源产业。…). For several words, the share to the power
                :data:`SHARE_POWER`.
``section``     share of the terms in the row's section path: its own heading counts most, and
                most when that heading is the paragraph's own title (its text begins with it);
                for several words scaled by the share of them found (to :data:`SHARE_POWER`).
``length``      how far the row's length is from a body paragraph: 0 at :data:`SHORT` characters
                or fewer, 1 at :data:`FULL` or more (log scale); headings and slogans are short.
``overlong``    1 for a row longer than :data:`OVERLONG` characters (a whole report that cleaning
                could not split).
``proximity``   several words: how close together the terms are (smallest window holding all).
``density``     occurrences of the terms per hundred characters, capped at 1.
``repeated``    share of the query's words that the row names at least twice
                (:func:`repeated_signal`): a paragraph that treats a topic comes back to it, a
                relevant mention names it once.
``topical``     for a row whose lead clause names a query word: the share of the query's topic
                vocabulary that the row holds (:func:`topical_signal`), the character pairs
                typical of the candidates whose lead names the query (:func:`topical_vocabulary`,
                once per query from the first block). Among the rows that name the query in
                their lead, one that goes on in the topic's own words treats it; one that uses
                it as a frame or a modifier (支持西部大开发和重点项目。…财政…) does not.
``listed``      share of the query's words whose every occurrence is an item of an enumeration
                (…风电、氢能、光伏等…, or the first of three or more: 学前教育、义务教育、…) or
                an example closed by 等 (培育“夜间经济”等消费热点): a passing mention in a
                list, not the paragraph's topic. Several words written as one compound that is
                a list item, none of them in the lead, count as all listed
                (:func:`compound_listed`: …、长江经济带、… for ``长江 经济带``), and so do
                two or more of three or more words held so (:func:`compound_listed_words`:
                …高校毕业生、退役军人等重点群体就业… for ``高校 毕业生 就业``).
``named``       share of the query's words whose every occurrence is the start of a name: a few
                characters after it comes a place or body suffix (海峡国际会展中心, 黄河国家文化公园,
                …产业园, …公司): the row names a venue or a company, it is not about the topic.
``heading``     1 for a heading row: it ranks as a heading, under the body paragraphs it heads.
``note``        1 for a glossary/note entry (名词解释, 注释, 〔12〕, "X：即…" definitions).
``appended``    1 for text that is not the report's own (appended articles, web chrome).
``problems``    1 for the shortcomings paragraph (我们也清醒地认识到，…仍存在不少困难和问题：…,
                in its first :data:`PROBLEMS_HEAD` characters): it names many topics as problems,
                in passing, and is about none of them.
``synonym``     1 when the row matches only through a synonym of a query word, not as typed.
``metadata``    share of the query's region/year words matched by the report's metadata rather
                than the text (太原 in 太原 民营经济 for a paragraph of 太原's report).
``elsewhere``   share of the query's region/year words that name reports of the library while
                this row is in none of them: it holds the word as text (a province's report
                naming one of its cities), the reader asked for that place's own reports.
==============  ==================================================================================

No signal looks at a particular query, document or region. :func:`row_role` classifies rows at
index time (stored as the ``role`` column, see core/index/schema.py) so the cheap part of the
ranking (:func:`prior`, which also takes the matcher's first match position as its estimate of
the lead) can run over every candidate before any stored text is read.
"""

from __future__ import annotations

import heapq
import math
import re
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from reporttui.core import lazyre

WEIGHTS: dict[str, float] = {
    "lead": 0.25,
    "section": 0.4,
    "length": 0.5,
    "overlong": -0.6,
    "proximity": 0.25,
    "density": 0.15,
    "repeated": 0.1,
    "topical": 0.25,
    "listed": -0.5,
    "named": -0.3,
    "heading": -0.4,
    "note": -1.2,
    "appended": -1.2,
    "problems": -0.5,
    "address": -0.5,
    "overview": -0.3,
    "synonym": -10.0,
    "metadata": 0.7,
    "elsewhere": -0.5,
}
"""Weight of each signal in the score (fitted on the tuning part of benchmarks/ranking; ``synonym``
is set so that rows holding the words as typed always rank first). ``listed`` was added in round
3 at -0.5, the middle of the flat range (-0.4 … -0.8) on the tuning part; benchmarks/ranking/tune.py
(coarse steps, a change kept only for a gain of 0.01) then moved no weight. ``problems`` (round 4)
is set a priori at the size of ``listed`` (both mark a passing mention): the tuning part holds only
five such rows, all graded 0 and none in a top 10, so it cannot be fitted there. ``address`` and
``overview`` (round 4, :func:`structure_role`) are set a priori too: ``address`` at the size of
``problems`` (a row about none of the topics it names), ``overview`` at the size of ``named`` (a
passing mention). A ``targets`` bonus for indicator queries (+0.25) was measured and dropped: the
主要预期目标 summary is graded 1 as often as 2 for them (73 and 99 judged rows) and it lowered
tune nDCG 0.861 -> 0.852. ``repeated`` (round 9, :func:`repeated_signal`) at 0.1, the middle of
its flat range (0.08 … 0.12) on the 317-query pool. ``topical`` (round 11, :func:`topical_signal`)
at 0.25, the middle of its best range (0.2 … 0.3) on the 389-query pool."""

METADATA_WORD_ONCE = True
"""A row of a report whose metadata a query word names (太原 in 太原 民营经济, for 太原's own
report) is scored by BM25F over the other words only, their jieba ranking words included and
the metadata word's left out: the word is counted once, by the ``metadata`` term, not again for
each time the report's text names its own place (round 6: in the tuning pool's four metadata
queries the rows that named the place in passing outranked the rows on the topic, base 1.00
against 0.37–0.64; pool MRR@10 0.865 -> 0.877, the held-aside aggregate 0.912 -> 0.925)."""

POOL = 120
"""Candidates the matcher returns by BM25F; the cheap prior orders all of them."""
RERANK_BLOCK = 30
"""Rows, in the cheap prior's order, whose stored text is read for the full signals at a time:
each block is sorted within itself, after the blocks before it, so the order never depends on
how many hits are asked for (a list of 20 reads one block, as the 30-row shortlist did)."""


PRIOR_LEAD = 1.0
"""Share of the ``lead`` weight the prior gives a row whose first match is in its lead."""

SHARE_POWER = 2.0
"""For several words, ``lead`` and ``section`` grow with the share of the words they hold to
this power: one word of two in the lead counts a quarter, not a half (round 6, counted on the
tuning pool's several-word queries: mean grade 0.80 with no word of two in the lead, 0.62 with
one, 1.33 with both; 0.72 / 1.25 / 1.51 / 1.86 for none to three of three; a paragraph whose
lead names one of the words is about that word, not about what the words name together).
Measured flat from 1.5 to 3 on the pool; a single word is not changed."""

LEAD_MIN, LEAD_MAX = 20, 40
PROXIMITY_SCALE = 40.0
"""Characters between the words at which proximity halves."""
SHORT, FULL, OVERLONG = 24, 160, 3000
SECTION_BROAD = 0.6
"""``section`` for a word in the row's own heading when that heading is not the paragraph's own
title (:func:`_own_title`: 一、… or （三）… over many paragraphs). Round 5, counted on the tuning
pool's topic-query rows: mean grade 1.74 when the own heading is the paragraph's title (220
rows), 1.29 when it is not (70), 0.85 for an ancestor's title only, 0.73 with no title match;
0.6 puts the broad heading about where its grades are on that scale (first measured as a depth
rule, depth < 3; the own-title rule is what the depth stood for and measured the same or
better)."""
SECTION_ANCESTOR = 0.5
"""``section`` for a word in an ancestor's title only (kept: 0.1, where the grades put it,
lowered the tuning pool's nDCG)."""
CLAUSE_END = "。；！？：;!?:"

ROLE_BODY, ROLE_HEADING, ROLE_NOTE, ROLE_APPENDED = "body", "heading", "note", "appended"

NOTE_SECTION_WORDS = (
    "名词解释",
    "名词注释",
    "名词说明",
    "词语解释",
    "注释",
    "注解",
    "附注",
    "释义",
)
"""A section whose title holds one of these is a glossary or notes: its rows are notes."""
_FOOTNOTE_RE = lazyre.compile(r"^\s*[〔［\[【]\d{1,3}[〕］\]】]")
_DEFINITION_RE = lazyre.compile(
    r"^\s*(?:\d{1,3}\s*[.．、]\s*)?[“\"「]?[^，。；：:,]{1,30}[”\"」]?\s*[：:]\s*"
    r"(?:即|指|是指|系指|也称|又称|全称|简称|主要包括|包括|是一种|是)"
)
_NUMBERED_ENTRY_RE = lazyre.compile(
    r"^\s*\d{1,3}\s*[.．、]\s*[“\"「]?[^，。；：:,]{1,30}[”\"」]?\s*[：:]"
)
"""A numbered glossary entry (12．X：…; round 7 also 15、X：…, the other numbering: of the judged
sets' 36,214 rows, 123 start so, glossary entries in a sample of 40; 19 were not yet notes, all
a 名词解释 list run on under the last body heading, its 5 judged rows graded 0; pool nDCG@10
0.849 -> 0.850)."""
CHROME_WORDS = (
    "上一篇",
    "下一篇",
    "责任编辑",
    "打印本页",
    "关闭窗口",
    "您当前的位置",
    "当前位置：",
    "扫一扫",
    "分享到",
    "【字体",
    "网站地图",
    "版权所有",
    "主办单位",
    "ICP备",
    "联系我们",
    "返回顶部",
)


_PROBLEMS_RE = lazyre.compile(
    r"清醒(?:地)?(?:认识|看到)|我们也(?:要)?(?:看到|认识到)|"
    r"(?:仍然|仍|还|也|依然)(?:存在|面临)(?:着)?(?:不少|一些|许多|诸多)?(?:困难|问题|不足|挑战|短板)|"
    r"(?:问题|差距)(?:和|与)不足|不足(?:和|与)问题|困难和问题"
)
PROBLEMS_HEAD = 80
"""Characters at a row's start searched for the shortcomings phrase."""
_PROBLEMS_KEYS = ("清醒", "我们也", "存在", "面临", "不足", "困难")
"""Every match of the shortcomings phrase holds one of these (a cheap test before the regular
expression: query, issue 11; keep it in step with ``_PROBLEMS_RE``)."""


def problems_signal(text: str) -> float:
    """1 for the shortcomings paragraph (我们也清醒地认识到…存在…问题和不足：…): it names many
    topics as problems in passing, it is about none of them."""
    head = text[:PROBLEMS_HEAD]
    if not any(k in head for k in _PROBLEMS_KEYS):
        return 0.0
    return 1.0 if _PROBLEMS_RE.search(text, 0, PROBLEMS_HEAD) else 0.0


def row_role(text: str, section_path: str, heading: bool, part: str = "main") -> str:
    """What a row is: body, heading, note (glossary/footnote entry) or appended (not the report's)."""
    if part == "appended":
        return ROLE_APPENDED
    if any(w in section_path for w in NOTE_SECTION_WORDS):
        return ROLE_NOTE
    if _FOOTNOTE_RE.match(text) or _DEFINITION_RE.match(text) or _NUMBERED_ENTRY_RE.match(text):
        return ROLE_NOTE
    if len(text) < 300 and sum(w in text for w in CHROME_WORDS) >= 1:
        return ROLE_APPENDED
    return ROLE_HEADING if heading else ROLE_BODY


STRUCT_ADDRESS, STRUCT_FRAMING, STRUCT_TARGETS, STRUCT_REVIEW, STRUCT_SPEECH = (
    "address",
    "framing",
    "targets",
    "review",
    "speech",
)
_ADDRESS_START_RE = lazyre.compile(r"^(?:各位代表|同志们)[！!]|^让我们")
_SPEECH_RE = lazyre.compile(r"^(?:各位代表|同志们)[！!，,]")
_THANKS_RE = lazyre.compile(r"致以[^。！!]{0,20}(?:感谢|敬意)")
_EXCLAIM = "！!"
_FRAMING_RE = lazyre.compile(
    r"(?:总体要求|指导思想|总的要求|总体思路)(?:是|为|：|:)|"
    r"(?:总体要求|指导思想)和[^。；：:]{0,8}目标(?:是|为|：|:)|"
    r"(?:今年|明年|\d{4}年|[“\"]?十[一二三四五六]五[”\"]?时期|未来五年|今后五年)是[^。；]{0,60}"
    r"(?:之年|一年|关键时期|重要时期|攻坚期|关键期)"
)
_TARGETS_RE = lazyre.compile(r"预期(?:性)?目标(?:是|为|：|:)|主要(?:发展|奋斗)?目标(?:是|为|：|:)")
_REVIEW_RE = lazyre.compile(r"^(?:过去的?一年|刚刚过去的一年|过去五年|过去的五年)")
STRUCTURE_HEAD = 60
"""Characters at a row's start searched for the targets phrases."""
FRAMING_HEAD = 80
_FRAMING_KEYS = ("要求", "指导思想", "总体思路", "年是", "时期是")
"""Every framing match holds one of these (a cheap test before the regular expression)."""
"""Characters at a row's start searched for the framing phrases (2021年是…开局之年 runs long)."""


def structure_role(text: str) -> str:
    """Where a body row sits in the genre's structure (the parts every 政府工作报告 has), from
    its text: ``address`` (spoken to the delegates and ending in ！: the closing appeal
    各位代表！…伟大征程！ and the thanks 致以崇高的敬意), ``targets`` (the 主要预期目标 summary),
    ``framing`` (the plan part's opening: 总体要求/指导思想/总体思路, 指导思想和奋斗目标是
    (the last two round 7: 六稳-like words sit in these frames), 今年是…之年, 2021年是…开局之年,
    “十五五”时期是…关键时期), ``speech`` (another paragraph opening with 各位代表，/各位代表！: a
    transition spoken to the delegates, 各位代表，…让我们…！ among them), ``review`` (the
    review's overall summary: 过去一年，…), or ``""`` for the body's topic paragraphs."""
    return _structure_role("".join(text.split()))


def _structure_role(squeezed: str) -> str:
    """:func:`structure_role` of a text already without whitespace."""
    if not squeezed:
        return ""
    if squeezed[-1] in _EXCLAIM and (
        _ADDRESS_START_RE.match(squeezed) or _THANKS_RE.search(squeezed)
    ):
        return STRUCT_ADDRESS
    if "目标" in squeezed[:STRUCTURE_HEAD] and _TARGETS_RE.search(squeezed, 0, STRUCTURE_HEAD):
        return STRUCT_TARGETS
    head = squeezed[:FRAMING_HEAD]
    if any(k in head for k in _FRAMING_KEYS) and _FRAMING_RE.search(head):
        return STRUCT_FRAMING
    if _SPEECH_RE.match(squeezed):
        return STRUCT_SPEECH
    if _REVIEW_RE.match(squeezed):
        return STRUCT_REVIEW
    return ""


QUERY_TOPIC, QUERY_INDICATOR, QUERY_PERIOD, QUERY_PART = "topic", "indicator", "period", "part"
_PART_RE = lazyre.compile(
    r"总体要求|指导思想|总的要求|预期目标|主要目标|奋斗目标|工作回顾|过去一年|各位代表"
)
_INDICATOR_RE = lazyre.compile(
    r"(?:率|产量|总额|总值|收入|能耗|增加值|价格|指数|增长|增速|目标|投资|新增就业|产值|"
    r"GDP|CPI|外贸|进出口)$|^(?:GDP|CPI)",
    re.IGNORECASE,
)
_PERIOD_RE = lazyre.compile(
    r"^(?:十[一二三四五六]五|[“\"]?十[一二三四五六]五[”\"]?规划|\d{1,2}五)$"
)


def query_kind(words: Sequence[str]) -> str:
    """What the query asks for: ``part`` (a part of the report itself: 总体要求, 预期目标),
    ``indicator`` (a measured quantity or its target: 城镇化率, 固定资产投资 增长, GDP),
    ``period`` (a plan period: 十四五) or ``topic`` (anything else), from the words as typed."""
    ws = ["".join(w.split()) for w in words if w and w.strip()]
    if any(_PART_RE.search(w) for w in ws):
        return QUERY_PART
    if any(_PERIOD_RE.match(w) for w in ws):
        return QUERY_PERIOD
    if any(_INDICATOR_RE.search(w) for w in ws):
        return QUERY_INDICATOR
    return QUERY_TOPIC


def length_signal(n: int) -> float:
    """0 for a row of :data:`SHORT` characters or fewer, 1 from :data:`FULL` on (log scale)."""
    if n <= SHORT:
        return 0.0
    if n >= FULL:
        return 1.0
    return math.log(n / SHORT) / math.log(FULL / SHORT)


def prior(base: float, role: str, length: int, first: int = -1) -> float:
    """The part of the score known without the row's text: role column, length byte and the
    matcher's first match position ``first`` (a unit ordinal: a CJK character, a Latin word or a
    number; -1 when unknown). A first match within :data:`LEAD_MIN` units estimates ``lead``,
    so the shortlist that gets the full signals is chosen as the full score would choose it."""
    s = base + WEIGHTS["length"] * length_signal(length)
    if 0 <= first < LEAD_MIN:
        s += WEIGHTS["lead"] * PRIOR_LEAD
    if length > OVERLONG:
        s += WEIGHTS["overlong"]
    if role == ROLE_HEADING:
        s += WEIGHTS["heading"]
    elif role == ROLE_NOTE:
        s += WEIGHTS["note"]
    elif role == ROLE_APPENDED:
        s += WEIGHTS["appended"]
    return s


def priors(
    base: Any, roles: Sequence[str], lengths: Any, firsts: Any, length_signals: Any = None
) -> Any:
    """:func:`prior` of many rows at once (``base``, ``lengths``, ``firsts``: sequences or numpy
    arrays), a numpy float64 array: the same floats, the same terms added in the same order
    (numpy's + and * round as Python's floats do; the log of :func:`length_signal` is taken by
    ``math`` once per distinct length, or given: ``length_signals``, each row's
    :func:`length_signal`, when the caller has them).

    query (issue 11): the cheap prior orders the whole pool (120 rows, more for long lists),
    one Python call per row before (~3 µs each)."""
    import numpy as np

    s = np.asarray(base, dtype=np.float64)
    n = np.asarray(lengths, dtype=np.int64)
    f = np.asarray(firsts, dtype=np.int64)
    if length_signals is None:
        distinct, where = np.unique(n, return_inverse=True)
        signal = np.asarray([length_signal(int(x)) for x in distinct.tolist()], dtype=np.float64)
        length_signals = signal[where.reshape(-1)]
    s = s + WEIGHTS["length"] * np.asarray(length_signals, dtype=np.float64)
    s = np.where((f >= 0) & (f < LEAD_MIN), s + WEIGHTS["lead"] * PRIOR_LEAD, s)
    s = np.where(n > OVERLONG, s + WEIGHTS["overlong"], s)
    for role, weight in (
        (ROLE_HEADING, "heading"),
        (ROLE_NOTE, "note"),
        (ROLE_APPENDED, "appended"),
    ):
        if isinstance(roles, np.ndarray):  # (storage, issue 11: the roles as one array)
            mask = np.asarray(roles == role, dtype=bool)
        else:
            mask = np.fromiter((r == role for r in roles), dtype=bool, count=len(roles))
        if mask.any():
            s = np.where(mask, s + WEIGHTS[weight], s)
    return s


LIST_SEPARATORS = "、"
"""Characters that separate the items of an enumeration (风电、氢能、光伏)."""
LIST_ENDS = "、等"
"""Characters that may follow an enumeration's item (…、光伏等): 等 closes the list."""
_QUOTES = "“”‘’\"'「」『』《》〈〉"


LIST_SPAN = 12
"""Longest second item (characters) for a term followed by 、 to count as a list's first item."""


def _first_item(squeezed: str, p: int, term: str) -> bool:
    """``term`` at ``p`` is the first item of a list of three or more (学前教育、义务教育、职业教育):
    an 、 right after it and another within :data:`LIST_SPAN` characters, no ，。； between."""
    j = p + len(term)
    while j < len(squeezed) and squeezed[j] in _QUOTES:
        j += 1
    if j >= len(squeezed) or squeezed[j] not in LIST_SEPARATORS:
        return False
    k = squeezed.find("、", j + 1, j + 1 + LIST_SPAN)
    return k > 0 and not any(c in squeezed[j + 1 : k] for c in "，。；")


EXAMPLE_END = "等"
"""A term followed by this (quotes skipped) is named as an example (X等…), a passing mention even
without an 、 before it (round 7, counted on the tuning pool: pool MRR@10 / nDCG@10 0.870 / 0.850 ->
0.878 / 0.854, no query lower; the held-aside aggregate unchanged)."""


def _listed(squeezed: str, term: str, positions: Sequence[int]) -> bool:
    """True when every occurrence of ``term`` is a whole item of an enumeration: an 、 just before
    it and an 、/等 just after it (quotes and title marks around the item are skipped), or the
    first item of a list of three or more (:func:`_first_item`; round 4: 实施学前教育、义务教育、…
    names each level in passing), or an example closed by 等 on its own (培育“夜间经济”等消费热点,
    钢铁等五个行业; round 7, :data:`EXAMPLE_END`). The first of only two items (A、B), or a term
    that is part of a longer item (养老 in 、养老机构), is not counted: it may still be what the
    sentence is about."""
    if not positions:
        return False
    n = len(squeezed)
    m = len(term)
    for p in positions:
        # rerank (issue 11, round 11): the character after the item read once; the first-item
        # test only when it is a separator (it is False otherwise): the same answer
        j = p + m
        while j < n and squeezed[j] in _QUOTES:
            j += 1
        if j >= n:
            return False
        c = squeezed[j]
        if c == EXAMPLE_END:
            continue
        if c in LIST_ENDS:
            i = p - 1
            while i >= 0 and squeezed[i] in _QUOTES:
                i -= 1
            if i >= 0 and squeezed[i] in LIST_SEPARATORS:
                continue
        if c in LIST_SEPARATORS and _first_item(squeezed, p, term):
            continue
        return False
    return True


NAME_SUFFIXES = (
    "广场",
    "中心",
    "新城",
    "大厦",
    "公园",
    "大桥",
    "大道",
    "产业园",
    "科技园",
    "工业园",
    "园区",
    "公司",
    "集团",
    "博览会",
    "交易会",
    "论坛",
    "博物馆",
    "体育馆",
    "机场",
    "大学",
    "学院",
    "医院",
    "景区",
    "研究院",
    "研究所",
    "实验室",
)
"""Endings of the names of venues, parks, bridges, zones and bodies (…会展中心, …产业园, …公司)."""
NAME_GAP = 5
"""Most characters between a term and a name ending for the term to count as part of the name."""
_NAME_RE = lazyre.compile(rf"[\u4e00-\u9fff·]{{0,{NAME_GAP}}}?(?:{'|'.join(NAME_SUFFIXES)})")
_NOT_IN_NAME = "为以的和与及是在"
"""Characters that end a name's run (以水利为中心: 水利 is not part of a name)."""


def _named(squeezed: str, term: str, positions: Sequence[int]) -> bool:
    """True when every occurrence of ``term`` begins a name (海峡国际会展中心, 黄河国家文化公园):
    a name ending within :data:`NAME_GAP` characters after it, no 为/以/的… between."""
    if not positions:
        return False
    for p in positions:
        j = p + len(term)
        m = _NAME_RE.match(squeezed, j)
        if not m or any(c in _NOT_IN_NAME for c in squeezed[j : m.end()]):
            return False
    return True


_CLAUSE_RE = lazyre.compile("[" + re.escape(CLAUSE_END) + "]")


_COMMA_RE = lazyre.compile("[，,]")


def lead_end(text: str) -> int:
    """End of the lead clause: the first 。；！？： within :data:`LEAD_MAX`, at least :data:`LEAD_MIN`.

    Without one, the first comma from :data:`LEAD_MIN` on (if within :data:`LEAD_MAX`): a long
    opening sentence (围绕…公共服务，建设…，实施A、B…) names its frame first, the list later."""
    m = _CLAUSE_RE.search(text, 0, LEAD_MAX)
    if m:
        end = m.end()
    else:
        c = _COMMA_RE.search(text, LEAD_MIN - 1, LEAD_MAX)
        end = c.end() if c else min(len(text), LEAD_MAX)
    return max(end, min(len(text), LEAD_MIN))


def _squeeze(text: str) -> str:
    """``text`` without whitespace (terms match ignoring whitespace)."""
    return "".join(text.split())


def squeeze_groups(groups: Sequence[Sequence[str]]) -> tuple[tuple[str, ...], ...]:
    """The groups' texts without whitespace, empty ones dropped (once per query)."""
    return tuple(tuple(n for n in (_squeeze(a) for a in g) if n) for g in groups)


def _positions(squeezed: str, term: str) -> list[int]:
    out, start = [], squeezed.find(term)
    while start >= 0:
        out.append(start)
        start = squeezed.find(term, start + 1)
    return out


def _window(occ: Sequence[list[int]], lengths: Sequence[int], enough: int = -1) -> int:
    """Smallest span (in characters) holding one occurrence of every term; the first span of
    at most ``enough`` characters found when there is one (a caller that needs no smaller).

    rerank (issue 11, round 11): the occurrences in position order with a sliding window over
    them; the window's end (the furthest ``position + length`` inside it) is kept in a
    monotonic queue (indices whose ends decrease) instead of taking ``max`` over the whole
    window again at every step: the same integer, in time linear in the occurrences."""
    events = sorted([(p, t) for t, ps in enumerate(occ) for p in ps])
    ends = [p + lengths[t] for p, t in events]
    count = len(occ)
    have = [0] * count
    inside = 0
    best = 1 << 30
    queue: deque[int] = deque()
    left = 0
    for right, (_p, t) in enumerate(events):
        end = ends[right]
        while queue and ends[queue[-1]] <= end:
            queue.pop()
        queue.append(right)
        if not have[t]:
            inside += 1
        have[t] += 1
        while inside == count:
            if queue[0] < left:  # (left moves one event a step: one index at most is behind)
                queue.popleft()
            lp, lt = events[left]
            span = ends[queue[0]] - lp
            if span < best:
                best = span
                if best <= enough:
                    return best
            have[lt] -= 1
            if not have[lt]:
                inside -= 1
            left += 1
    return best


class Scored:
    """A candidate row with its score, every signal's value and the reasons shown to the user.

    rerank (issue 11, round 11): the reasons are put into words when first read (``why``: the
    arguments of :func:`_reasons_of`), so the rows a block scores but the list does not show
    (10 of 60 at 50 hits, 10 of 30 at 20) never build them; given ``reasons`` are kept as
    they are."""

    __slots__ = ("_reasons", "_why", "docnum", "score", "signals")

    def __init__(
        self,
        docnum: int,
        score: float,
        signals: dict[str, float] | None = None,
        reasons: tuple[str, ...] = (),
        *,
        why: tuple[Any, ...] | None = None,
    ) -> None:
        self.docnum = docnum
        self.score = score
        self.signals: dict[str, float] = {} if signals is None else signals
        self._reasons: tuple[str, ...] | None = reasons if why is None else None
        self._why = why

    @property
    def reasons(self) -> tuple[str, ...]:
        """The reasons shown for the row's place (see :func:`score_row`)."""
        got = self._reasons
        if got is None:
            got = self._reasons = _reasons_of(*(self._why or ()))
            self._why = None
        return got

    def why(self) -> tuple[str, ...]:
        """:attr:`reasons` (a method, to hand on: ``Hit.reason_source``)."""
        return self.reasons

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Scored):
            return NotImplemented
        return (self.docnum, self.score, self.signals, self.reasons) == (
            other.docnum,
            other.score,
            other.signals,
            other.reasons,
        )

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return (
            f"Scored(docnum={self.docnum!r}, score={self.score!r}, "
            f"signals={self.signals!r}, reasons={self.reasons!r})"
        )


OWN_TITLE_PREFIX = 12
"""Characters of the row's own heading that its text must begin with for the heading to be the
paragraph's own title."""


def _own_title(squeezed: str, sec_own: str) -> bool:
    """The row's own heading is the paragraph's own title: its text begins with it (the bold
    lead sentence 加快发展新型能源产业。… that cleaning also makes a heading), not a heading
    over many paragraphs (一、…, （三）…)."""
    return bool(sec_own) and squeezed.startswith(sec_own[:OWN_TITLE_PREFIX])


def _group_signals(
    squeezed: str, lead: str, sec_own: str, sec_all: str, names: Sequence[str]
) -> tuple[list[int], int, int, bool, bool, bool, float, int]:
    """One query word's figures in one row: its best alternative's positions and length, its
    occurrences, whether it is listed / named, in the lead, and its ``section`` share and word.

    query (issue 11): an alternative not in the row (most of them: synonyms) costs one
    ``str.find``; the lead is a prefix of ``squeezed``, so an alternative the row lacks is not in
    the lead either. The same figures as the loop it replaces, in the same order.

    rerank (issue 11, round 11): a word of one alternative (most of them) in a few steps."""
    if len(names) == 1:
        a = names[0]
        start = squeezed.find(a)
        if start < 0:
            hit: list[int] = []
            one_listed = one_named = one_lead = False
        else:
            hit = [start]
            start = squeezed.find(a, start + 1)
            while start >= 0:
                hit.append(start)
                start = squeezed.find(a, start + 1)
            one_listed = _listed(squeezed, a, hit)
            one_named = not one_listed and _named(squeezed, a, hit)
            one_lead = a in lead
        if sec_own and a in sec_own:
            section = 1.0 if _own_title(squeezed, sec_own) else SECTION_BROAD
        elif a in sec_all:
            section = SECTION_ANCESTOR
        else:
            return hit, len(a) if hit else 0, len(hit), one_listed, one_named, one_lead, 0.0, 0
        return hit, len(a) if hit else 0, len(hit), one_listed, one_named, one_lead, section, 1
    best: list[int] = []
    best_len = 0
    count = 0
    found: list[tuple[str, list[int]]] = []
    in_lead = False
    for a in names:
        start = squeezed.find(a)
        if start < 0:
            continue
        ps = [start]
        start = squeezed.find(a, start + 1)
        while start >= 0:
            ps.append(start)
            start = squeezed.find(a, start + 1)
        if len(ps) > len(best):
            best, best_len = ps, len(a)
        found.append((a, ps))
        count += len(ps)
        if not in_lead and a in lead:
            in_lead = True
    listed = named = False
    if len(found) == 1:  # (storage, issue 11: most words have one alternative in the row)
        a, ps = found[0]
        if _listed(squeezed, a, ps):
            listed = True
        elif _named(squeezed, a, ps):
            named = True
    elif found:
        if all(_listed(squeezed, a, ps) for a, ps in found):
            listed = True
        elif all(_named(squeezed, a, ps) for a, ps in found):
            named = True
    in_sec = 0.0
    sec_word = 0
    if sec_own and (names[0] in sec_own if len(names) == 1 else any(a in sec_own for a in names)):
        in_sec = 1.0 if _own_title(squeezed, sec_own) else SECTION_BROAD
        sec_word = 1
    elif names[0] in sec_all if len(names) == 1 else any(a in sec_all for a in names):
        in_sec = SECTION_ANCESTOR
        sec_word = 1
    return best, best_len, count, listed, named, in_lead, in_sec, sec_word


def joined_words(words: Sequence[str]) -> str:
    """The query's text words written together in the order typed, whitespace removed
    (长江经济带 of ``长江 经济带``): the compound several words name (once per query)."""
    return "".join(_squeeze(w) for w in words)


def compound_listed(squeezed: str, lead: str, words: Sequence[str], joined: str) -> bool:
    """Several words held as one compound that is only an item of an enumeration, and none of
    them in the lead clause (积极对接融入国家战略。对接融入“一带一路”、长江经济带、长江中游
    城市群等… for ``长江 经济带``): a passing mention that ``listed`` misses, as no word alone is
    a list item. A lead that names a word (大力发展寒地冰雪经济。…推动冰雪旅游、冰雪运动…等 for
    ``冰雪 旅游``) makes the row about it, listed or not.

    Round 8, on the tuning pool (250 queries): MRR@10 / nDCG@10 / P@5 0.872 / 0.857 / 0.811 ->
    0.874 / 0.859 / 0.813, four queries up, none down; the held-aside aggregate unchanged. Without
    the lead condition 冰雪 旅游 fell (MRR 1.00 -> 0.33); asking every occurrence of each word to
    be inside the compound instead moved one query only (长江 is also in 长江中游城市群)."""
    if len(words) < 2 or not joined:
        return False
    ps = _positions(squeezed, joined)
    if not ps or not _listed(squeezed, joined, ps):
        return False
    return not any(w in lead for w in words if w)


def compound_runs(words: Sequence[str]) -> tuple[tuple[int, str], ...]:
    """The runs of two or more consecutive query words but not all of them, longest first, as
    (number of words, the run written together): 高校毕业生 and 毕业生就业 of ``高校 毕业生 就业``
    (once per query; the whole join is :func:`joined_words`)."""
    ws = [w for w in words if w]
    out = [
        (j - i, "".join(ws[i:j]))
        for n in range(len(ws) - 1, 1, -1)
        for i in range(len(ws) - n + 1)
        for j in (i + n,)
    ]
    return tuple(out)


def compound_listed_words(
    squeezed: str, lead: str, words: Sequence[str], runs: Sequence[tuple[int, str]]
) -> int:
    """How many of three or more query words are held only as one compound that is an item of
    an enumeration, none of that compound's words in the lead: :func:`compound_listed` for a
    run of consecutive words (``runs``: :func:`compound_runs`), the longest such run counted.
    扩大就业。做好高校毕业生、退役军人、农民工等重点群体就业 for ``高校 毕业生 就业``: two of
    the three words name one group in a list of groups, in passing; the row is about 就业.

    Round 9, on the 317-query pool: counted on held17's 高校 毕业生 就业 (P@5 0.40 -> 0.60) and
    moving no other query's MRR; the whole join stays :func:`compound_listed`."""
    for n, run in runs:
        ps = _positions(squeezed, run)
        if not ps or not _listed(squeezed, run, ps):
            continue
        i = next((k for k in range(len(words)) if "".join(words[k : k + n]) == run), -1)
        if i >= 0 and not any(w in lead for w in words[i : i + n] if w):
            return n
    return 0


TOPICAL_REASON = 0.4
"""``topical`` from which explain names it as a reason (the screen's grades rise from there)."""

REPEATED_MIN = 2
"""Occurrences of a query word (its most frequent alternative) for ``repeated``."""


def repeated_signal(counts: Sequence[int]) -> float:
    """Share of the query's words whose most frequent alternative the row names at least
    :data:`REPEATED_MIN` times (``counts``: per word). A paragraph about a topic names it again
    as it develops it (大力发展民营经济。…支持民营经济…); a relevant mention names it once, in
    one clause (聚焦“两不愁三保障”突出问题).

    Round 9, on the 317-query pool's top-60 rows: the grade-1 rows above a grade-2 row (59 of
    the pool's queries miss rank 1, 43 of them under a grade-1 row) name the words a quarter
    of an occurrence fewer times. Pool MRR@10 / nDCG@10 / P@5 0.865 / 0.859 / 0.804 -> see
    benchmarks/ranking/misses_r9.md; flat from 0.08 to 0.12."""
    if not counts:
        return 0.0
    return len([c for c in counts if c >= REPEATED_MIN]) / len(counts)


TOPICAL_WORDS = 20
"""Character pairs kept in a query's topic vocabulary (:func:`topical_vocabulary`)."""
TOPICAL_LIFT = 2.0
"""How much more often a pair must be written in the rows whose lead names the query than in
the block's rows as a whole (its share of those rows over its share of the block)."""
TOPICAL_MIN_ROWS = 2
"""Rows whose lead names every query word (and rows a pair must be in) for a vocabulary: with
fewer there is no topic to learn from, and the term is 0 for every row of the query."""
_HAN_RUN_RE = lazyre.compile(r"[\u4e00-\u9fff]{2,}")


def han_pairs(text: str) -> set[str]:
    """Every two consecutive CJK ideographs of ``text`` (pairs never span punctuation, figures
    or Latin letters)."""
    out: set[str] = set()
    for m in _HAN_RUN_RE.finditer(text):
        t = m.group()
        out.update([t[i : i + 2] for i in range(len(t) - 1)])
    return out


def topical_vocabulary(
    rows: Sequence[tuple[str, str]], groups: Sequence[Sequence[str]]
) -> tuple[str, ...]:
    """The query's topic vocabulary: up to :data:`TOPICAL_WORDS` character pairs typical of the
    rows (``rows``: (squeezed text, squeezed lead) of the first rerank block, in the prior's
    order) whose lead names every query word (``groups``: per word, its squeezed alternatives).

    Pseudo-feedback inside the query's own shortlist: a pair counts when it is in at least
    :data:`TOPICAL_MIN_ROWS` of those rows and is :data:`TOPICAL_LIFT` times more common there
    than in the block (a pair the block's rows hold as much, whatever their topic, is not the
    topic's); pairs of the query's own words are left out. Ranked by lift times rows, then by
    the pair; empty when fewer than :data:`TOPICAL_MIN_ROWS` leads name the words (most
    queries whose topic is only ever one task of wider rows: the term cannot help those).

    Round 11, counted on the 389-query pool's top-20 judged rows of the 129 queries with a
    vocabulary (lead as the first 40 characters): rows with a word in the lead have mean grade
    1.20 holding none of it (220 rows), 1.56 holding 40 % (152) and 1.76 with 80 % (74); rows
    without, 0.82 to 1.25 (applied to those too, the held-aside aggregate lost). Screens and
    figures: benchmarks/ranking/misses_r11.md."""
    if not rows or not groups:
        return ()
    named = [all(any(a in lead for a in g) for g in groups) for _t, lead in rows]
    about = [t for (t, _), f in zip(rows, named, strict=True) if f]
    n_about, n_block = len(about), len(rows)
    # a pair is in every row of ``about`` it counts in, so its lift is at most n_block /
    # n_about: with more than 1 / TOPICAL_LIFT of the block naming the words none qualifies
    if n_about < TOPICAL_MIN_ROWS or n_about * TOPICAL_LIFT > n_block:
        return ()
    taken = set(about)
    # the other rows: those whose text is none of about's (a copy of one is neither)
    other = [t not in taken for t, _ in rows]
    pairs = _pair_counts([t for t, _ in rows], named, other)
    if pairs is None:
        return ()
    codes, counts, seens = pairs
    own: set[str] = set()
    for g in groups:
        for a in g:
            own |= han_pairs(a)
    scored = []
    best: list[float] = []  # the TOPICAL_WORDS best scores so far, a min-heap
    top = n_block / n_about  # the highest lift there is (a pair in no other row)
    for code, c, seen in zip(codes, counts, seens, strict=True):  # most rows first
        if len(best) == TOPICAL_WORDS and top * c < best[0] * (1 - 1e-9):
            break  # (speed: no pair in fewer rows can reach the vocabulary any more)
        if seen > c * n_block / (TOPICAL_LIFT * n_about) - c:
            continue  # (in too many other rows to reach the lift)
        b = chr(code >> _PAIR_SHIFT) + chr(code & _PAIR_CHAR)
        if b in own:
            continue
        lift = (c / n_about) / ((c + seen) / n_block)
        if lift >= TOPICAL_LIFT:
            scored.append((-lift * c, b))
            if len(best) < TOPICAL_WORDS:
                heapq.heappush(best, lift * c)
            else:
                heapq.heappushpop(best, lift * c)
    scored.sort()
    return tuple(b for _, b in scored[:TOPICAL_WORDS])


_PAIR_SHIFT = 21
"""Bits of one code point in a pair's integer code (``first << 21 | second``)."""
_PAIR_CHAR = (1 << _PAIR_SHIFT) - 1


def _pair_counts(
    texts: Sequence[str], named: Sequence[bool], other: Sequence[bool]
) -> tuple[list[int], list[int], list[int]] | None:
    """For :func:`topical_vocabulary`: every pair of two CJK ideographs in at least
    :data:`TOPICAL_MIN_ROWS` of the ``named`` texts, as its integer code, with the number of
    ``named`` texts and of ``other`` texts that hold it; most ``named`` texts first. None when
    no pair qualifies.

    speed (issue 11, round 13): the pairs of the whole block as numpy integers, one sort of
    (pair, row) for the rows of each pair: the same counts as a set of pair strings per row
    and a substring search of each pair in the other rows (0.3-2 ms a query with a
    vocabulary, most of it Python per character and per pair)."""
    import numpy as np

    joined = "".join(texts)
    if len(joined) < 2:
        return None
    cp = np.frombuffer(joined.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    cp = cp.astype(np.int64)
    sizes = np.fromiter(map(len, texts), dtype=np.int64, count=len(texts))
    row = np.arange(len(texts), dtype=np.int64).repeat(sizes)
    first, second = cp[:-1], cp[1:]
    keep = (row[:-1] == row[1:]) & (first >= _HAN_LO) & (first <= _HAN_HI)
    keep &= (second >= _HAN_LO) & (second <= _HAN_HI)
    bits = max(len(texts) - 1, 1).bit_length()
    keys = np.unique((((first[keep] << _PAIR_SHIFT) | second[keep]) << bits) | row[:-1][keep])
    if not len(keys):
        return None
    code = keys >> bits
    at = keys & ((1 << bits) - 1)
    starts = np.concatenate(([True], code[1:] != code[:-1])).nonzero()[0]
    in_named = np.add.reduceat(np.asarray(named, dtype=np.int64)[at], starts)
    in_other = np.add.reduceat(np.asarray(other, dtype=np.int64)[at], starts)
    pick = (in_named >= TOPICAL_MIN_ROWS).nonzero()[0]
    if not len(pick):
        return None
    pick = pick[np.argsort(-in_named[pick], kind="stable")]
    return (
        code[starts[pick]].tolist(),
        in_named[pick].tolist(),
        in_other[pick].tolist(),
    )


_HAN_LO, _HAN_HI = 0x4E00, 0x9FFF
"""The CJK ideographs :func:`han_pairs` takes (``_HAN_RUN_RE``)."""


def topical_signal(squeezed: str, vocabulary: Sequence[str]) -> float:
    """Share of the query's topic vocabulary (:func:`topical_vocabulary`) that the row's text
    (without whitespace) holds: 0 without a vocabulary."""
    if not vocabulary:
        return 0.0
    return sum(1 for b in vocabulary if b in squeezed) / len(vocabulary)


def elsewhere_signal(naming: int, matched: int, n_words: int) -> float:
    """Share of the query's words that name reports by metadata (``naming`` of them: a region
    or year of the library) whose reports this row is not in (it matched ``matched`` of them
    by metadata): such a row holds the word as text only, as another report naming the place
    (河北 naming 唐山 for 唐山 钢铁), which the grading rule counts as another region's row."""
    if naming <= 0:
        return 0.0
    return max(0, naming - matched) / max(n_words, 1)


# --- Index-time row facts (storage, issue 11) ---------------------------------------------------
# What score_row needs of a row that does not depend on the query, computed by the indexer with
# the same functions the query side calls (structure_role, problems_signal, lead_end) and stored
# per row (core/index/indexer.py, the ``facts`` row key column); search reads them for the
# shortlist instead of running the expressions on every row of every query. A ranking change to
# any of these functions changes the stored facts only after a rebuild: bump SCHEMA_VERSION
# (core/index/schema.py) with it. tests/test_row_facts.py recomputes them from row texts.


@dataclass(frozen=True)
class RowFacts:
    """A row's query-independent figures: its :func:`row_role`, :func:`structure_role`,
    :func:`problems_signal` and :func:`lead_length`."""

    role: str
    structure: str
    problems: float
    lead: int


def lead_length(text: str) -> int:
    """Characters of the lead clause (:func:`lead_end`) without whitespace: the lead of
    :func:`score_row` is the squeezed text's first ``lead_length(text)`` characters."""
    return len(_squeeze(text[: lead_end(text)]))


def row_facts(text: str, role: str) -> RowFacts:
    """The :class:`RowFacts` of a row's stored ``text`` and its ``role`` (:func:`row_role`)."""
    return RowFacts(
        role or ROLE_BODY, structure_role(text), problems_signal(text), lead_length(text)
    )


def encode_facts(facts: RowFacts) -> str:
    """``role|structure|problems|lead``: a short string, one of a few hundred in an index."""
    return f"{facts.role}|{facts.structure}|{int(facts.problems)}|{facts.lead}"


def decode_facts(value: str) -> RowFacts | None:
    """The facts :func:`encode_facts` wrote, or None for a value not of that form."""
    parts = value.split("|")
    if len(parts) != 4 or not parts[2].isdigit() or not parts[3].isdigit():
        return None
    return RowFacts(parts[0] or ROLE_BODY, parts[1], float(int(parts[2])), int(parts[3]))


def section_texts(section_path: Sequence[str]) -> tuple[str, str]:
    """The row's own heading and its whole section path, each without whitespace: what
    ``section`` looks for the words in (:func:`score_row`)."""
    if not section_path:
        return "", ""
    own = _squeeze(section_path[-1])
    return own, own if len(section_path) == 1 else _squeeze("".join(section_path))


def score_row(
    docnum: int,
    base: float,
    text: str,
    section_path: Sequence[str],
    role: str,
    groups: Sequence[Sequence[str]],
    *,
    literal: bool = True,
    metadata: float = 0.0,
    metadata_reasons: Sequence[str] | Callable[[], Sequence[str]] = (),
    synonym_reasons: Sequence[str] | Callable[[], Sequence[str]] = (),
    squeezed_groups: bool = False,
    kind: str | None = None,
    squeezed: str | None = None,
    elsewhere: float = 0.0,
    words: Sequence[str] = (),
    joined: str = "",
    runs: Sequence[tuple[int, str]] = (),
    facts: RowFacts | None = None,
    topical: Sequence[str] = (),
) -> Scored:
    """Score one row. ``groups``: per query word, the texts that count as it (word + synonyms).

    ``literal``: every word occurs as typed (else the ``synonym`` signal); ``metadata``: share of
    the words matched by the report's metadata instead of the text; ``squeezed_groups``: the
    group texts are already without whitespace (:func:`squeeze_groups`, done once per query);
    ``kind``: the query's :func:`query_kind` (None: no structure terms); ``elsewhere``: the
    row's :func:`elsewhere_signal`; ``squeezed``: ``text`` without whitespace, when the caller
    has it; ``words`` / ``joined``: the query's text words as typed (no whitespace) and
    :func:`joined_words` of them, for :func:`compound_listed` (several words only); ``runs``:
    :func:`compound_runs` of the words, for :func:`compound_listed_words` (three words or more);
    ``facts``: the row's index-time :class:`RowFacts` (its structure role, shortcomings flag and
    lead length, the same figures as computing them here from ``text``); ``topical``: the
    query's :func:`topical_vocabulary` (empty: the ``topical`` term is 0).
    """
    return score_row_at(
        docnum,
        base,
        text,
        section_path,
        role,
        groups,
        literal,
        metadata,
        metadata_reasons,
        synonym_reasons,
        squeezed_groups,
        kind,
        squeezed,
        elsewhere,
        words,
        joined,
        runs,
        facts,
        topical,
    )


def score_row_at(
    docnum: int,
    base: float,
    text: str,
    section_path: Sequence[str],
    role: str,
    groups: Sequence[Sequence[str]],
    literal: bool,
    metadata: float,
    metadata_reasons: Sequence[str] | Callable[[], Sequence[str]],
    synonym_reasons: Sequence[str] | Callable[[], Sequence[str]],
    squeezed_groups: bool,
    kind: str | None,
    squeezed: str | None,
    elsewhere: float,
    words: Sequence[str],
    joined: str,
    runs: Sequence[tuple[int, str]],
    facts: RowFacts | None,
    topical: Sequence[str],
    /,
) -> Scored:
    """:func:`score_row` with every argument given by position, in its order: the rerank's
    call, once per scored row (speed, issue 11, round 15: ~20 keyword arguments bound per row
    cost ~2-3 µs of a ~20 µs row)."""
    if squeezed is None:
        squeezed = _squeeze(text)
    lead = squeezed[: facts.lead] if facts is not None else _squeeze(text[: lead_end(text)])
    sec_own, sec_all = section_texts(section_path)
    n = max(len(groups), 1)
    occ: list[list[int]] = []
    lengths: list[int] = []
    in_lead = in_sec = 0.0
    sec_words = 0
    total = 0
    listed = 0
    named = 0
    counts: list[int] = []
    for alts in groups:
        names = alts if squeezed_groups else [x for x in (_squeeze(a) for a in alts) if x]
        best, best_len, count, is_listed, is_named, lead_has, sec_share, sec_word = _group_signals(
            squeezed, lead, sec_own, sec_all, names
        )
        total += count
        counts.append(len(best))
        occ.append(best)
        lengths.append(best_len or 1)
        if is_listed:
            listed += 1
        elif is_named:
            named += 1
        if lead_has:
            in_lead += 1
        if sec_word:
            in_sec += sec_share
            sec_words += 1
    if listed < n and joined and compound_listed(squeezed, lead, words, joined):
        listed = n
    if listed < n and runs:
        listed = max(listed, compound_listed_words(squeezed, lead, words, runs))
    n_text = len(text)
    heading = 1.0 if role == ROLE_HEADING else 0.0
    sig: dict[str, float] = {
        "base": base,
        "lead": (in_lead / n) ** SHARE_POWER,
        "section": (in_sec / n) * (sec_words / n) ** (SHARE_POWER - 1),
        "length": length_signal(n_text),
        "overlong": 1.0 if n_text > OVERLONG else 0.0,
        "density": min(1.0, total / (1 + len(squeezed) / 100) / 3),
        "repeated": repeated_signal(counts),
        "topical": topical_signal(squeezed, topical) if topical and in_lead else 0.0,
        "listed": listed / n,
        "named": named / n,
        "heading": heading,
        "note": 1.0 if role == ROLE_NOTE else 0.0,
        "appended": 1.0 if role == ROLE_APPENDED else 0.0,
        "problems": facts.problems if facts is not None else problems_signal(text),
        "address": 0.0,
        "overview": 0.0,
        "synonym": 0.0 if literal else 1.0,
        "metadata": metadata,
        "elsewhere": elsewhere,
        "proximity": 0.0,
    }
    struct = ""
    if kind is not None and role == ROLE_BODY:
        struct = facts.structure if facts is not None else _structure_role(squeezed)
        if struct == STRUCT_ADDRESS and kind in (QUERY_TOPIC, QUERY_INDICATOR):
            sig["address"] = 1.0
        elif struct in (STRUCT_FRAMING, STRUCT_TARGETS, STRUCT_SPEECH) and kind == QUERY_TOPIC:
            sig["overview"] = 1.0
    if len(occ) >= 2:
        present = [o for o in occ if o]
        if len(present) >= 2:
            kept = [lengths[i] for i, o in enumerate(occ) if o]
            need = sum(kept)  # (a window this short or shorter gives proximity 1: no need to
            # look for a shorter one)
            window = _window(present, kept, need)
            sig["proximity"] = 1.0 / (1.0 + max(0, window - need) / PROXIMITY_SCALE)
    # the same sum as before, in the signal dict's order (a list: faster than a generator);
    # storage (issue 11): signals at 0 are left out (adding a ±0.0 product changes no sum)
    weights = WEIGHTS
    score = base + sum([weights[k] * v for k, v in sig.items() if v and k in weights])
    # rerank (issue 11, round 11): the reasons only for rows shown (Scored.reasons)
    return Scored(
        docnum,
        score,
        sig,
        why=(sig, struct, role, len(groups) >= 2, synonym_reasons, metadata_reasons),
    )


def _reasons_of(
    sig: dict[str, float],
    struct: str,
    role: str,
    several: bool,
    synonym_reasons: Sequence[str] | Callable[[], Sequence[str]],
    metadata_reasons: Sequence[str] | Callable[[], Sequence[str]],
) -> tuple[str, ...]:
    """The reasons :func:`score_row` shows for a row of signals ``sig`` (``struct``: its
    structure role, ``several``: a query of several words; the synonym and metadata reasons
    as given, or a function giving them)."""
    reasons: list[str] = []
    if sig["lead"]:
        reasons.append("lead clause")
    if sig["section"]:
        reasons.append("section title")
    if several and sig["proximity"] >= 0.5:
        reasons.append("words close together")
    if sig["repeated"]:
        reasons.append("named again in the row")
    if sig["topical"] >= TOPICAL_REASON:
        reasons.append("written in the topic's own words")
    reasons.extend(synonym_reasons() if callable(synonym_reasons) else synonym_reasons)
    reasons.extend(metadata_reasons() if callable(metadata_reasons) else metadata_reasons)
    for k, label in _REASON_LABELS:
        if sig[k]:
            if k == "overview" and struct == STRUCT_SPEECH:
                label = "spoken to the delegates, not about a topic"
            reasons.append(label)
    if sig["length"] < 0.5 and role == ROLE_BODY:
        reasons.append("short row")
    return tuple(reasons)


_REASON_LABELS = (
    ("heading", "heading"),
    ("note", "note/glossary entry"),
    ("appended", "not the report's own text"),
    ("overlong", "very long row"),
    ("listed", "named only in a list"),
    ("named", "part of a name"),
    ("problems", "shortcomings paragraph"),
    ("elsewhere", "not a report the region/year word names"),
    ("address", "address to the delegates"),
    ("overview", "report overview, not about a topic"),
)
"""The reason shown for each penalising signal that is set, in the order shown."""


def format_signals(signals: dict[str, float]) -> str:
    """``base 0.82 + lead 0.55 + …``: the score's terms, for explain."""
    parts = [f"base {signals.get('base', 0.0):.2f}"]
    for k, w in WEIGHTS.items():
        v = signals.get(k, 0.0)
        if v:
            parts.append(f"{k} {w * v:+.2f}")
    return " ".join(parts)
