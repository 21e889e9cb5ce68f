"""Keyword statistics: top terms of a text, and how two documents' vocabularies differ.

Terms are jieba accurate-mode words of two or more characters, minus a policy stop list: the
verbs and fillers every report repeats (加强, 推进, 坚持, 全面, 工作...), function words (这是,
是否, 国家, 时期...) and the place names of the library's own regions, which say nothing about
what a region plans. Policy terms stay units: the shipped and user dictionaries keep 新质生产力
whole in jieba, and :func:`compound_terms` finds the pairs of words that a set of documents
writes together so often that they are one term (城市 + 更新 -> 城市更新, 低空 + 经济). Synonyms
are merged (旅游 and 文旅 count as one) from the search synonym table. A :class:`KeywordContext`
carries the three. Counts are compared per 10,000 characters, so a short newspaper digest and a
long report can be set side by side.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise

from reporttui.core.index.dictionary import prepare_jieba
from reporttui.core.index.segment import cut
from reporttui.core.model import Document


def _read_stop_lists() -> dict[str, frozenset[str]]:
    """The keyword stop lists of ``data/keyword_stopwords.txt``, by ``[section]``."""
    from importlib import resources

    text = (resources.files("reporttui.core") / "data" / "keyword_stopwords.txt").read_text("utf-8")
    lists: dict[str, set[str]] = {}
    current: set[str] | None = None
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = lists.setdefault(line[1:-1], set())
        elif current is not None:
            current.update(line.split())
    return {name: frozenset(words) for name, words in lists.items()}


_STOP_LISTS = _read_stop_lists()

POLICY_STOPWORDS: frozenset[str] = _STOP_LISTS["policy"]
"""Words dropped from keyword lists: policy verbs, fillers, numbering, units."""

FUNCTION_WORDS: frozenset[str] = _STOP_LISTS["function"]
"""Function words and fillers of any text, dropped as the policy stop list is."""

COMPOUND_HEADS: frozenset[str] = frozenset(
    [
        "经济",
        "产业",
        "更新",
        "工程",
        "体系",
        "中心",
        "基地",
        "园区",
        "集群",
        "平台",
        "改革",
        "行动",
        "服务",
        "消费",
        "枢纽",
        "走廊",
        "城市",
        "新城",
        "示范区",
        "试验区",
        "开发区",
        "新区",
        "片区",
        "乡村",
        "农业",
        "工业",
        "制造",
        "能源",
        "电力",
        "交通",
        "设施",
        "网络",
        "市场",
        "主体",
        "企业",
        "产业链",
        "供应链",
        "生产力",
        "生态",
        "环境",
        "文化",
        "旅游",
        "文旅",
        "品牌",
        "标准",
        "模式",
        "业态",
        "场景",
        "赛道",
        "空间",
        "布局",
        "保障",
        "保险",
        "救助",
        "养老",
        "医疗",
        "教育",
        "就业",
        "住房",
        "社区",
        "治理",
        "安全",
        "风险",
        "债务",
        "金融",
        "资本",
        "基金",
        "人才",
        "创新",
    ]
)
"""Head words of policy compounds (Chinese compounds are head-final): 城市更新, 低空经济, 数字产业."""

_REGION_SUFFIX = re.compile(
    r"(?:维吾尔|壮族|回族|蒙古族?|藏族|彝族|白族|哈萨克|柯尔克孜|苗族|侗族|土家族|布依族)*"
    r"(?:自治区|自治州|地区|特别行政区|省|市|县|区|州|盟|旗)$"
)

_KEEP = re.compile(r"[\u4e00-\u9fffA-Za-z]")

_NOT_KEYWORD_TAGS = frozenset(
    ["v", "a", "d", "b", "j", "s", "ns", "nr", "p", "c", "u", "r", "f", "q", "t", "y"]
)
"""jieba part-of-speech tags of words that are never keywords: plain verbs (建成, 举办, 扩大; the
verbal nouns 投资, 消费 are ``vn`` and stay), adjectives and adverbs (先进, 大幅), attributives
(新型, 省级), abbreviations of phrases (年均, 改扩建), place words and place and person names (the
gazetteer of jieba's dictionary: 长江, 赣南, 国内), function and time words. A word jieba's
dictionary does not hold (tag "", guessed from context) is dropped when most reports use it
(发力, 获批), see :func:`_grammatical_noise`."""

_NUMERAL_START = re.compile(r"^[一万亿]")


@lru_cache(maxsize=65536)
def _word_tag(word: str) -> str:
    """jieba's part-of-speech tag of a word: "" for a word the segmenter's dictionary does not
    hold (guessed from context), "n" for a dictionary word jieba has no tag for (policy terms)."""
    import jieba.posseg  # type: ignore[import-untyped]

    from reporttui.core.index.segment import jieba_tokenizer

    prepare_jieba()
    tokenizer = jieba_tokenizer()
    tokenizer.check_initialized()
    if not tokenizer.FREQ.get(word):
        return ""
    pieces = list(jieba.posseg.cut(word, HMM=False))
    return pieces[0].flag if len(pieces) == 1 else "n"


def _grammatical_noise(word: str) -> bool:
    """A word whose kind makes it no keyword: see :data:`_NOT_KEYWORD_TAGS`; numerals and
    measure words (一件, 一系列, 万亿元); 'X省/X市/X县' names of places outside the library."""
    if re.fullmatch(r"[a-z]+", word):
        return True  # and, the, of: Latin terms of a Chinese report are acronyms (GDP, AI, 5G)
    if not re.search(r"[\u4e00-\u9fff]", word):
        return False  # GDP, PM2.5, 5G: acronyms and codes are terms
    tag = _word_tag(word)
    if tag == "":
        # guessed by jieba from context: journalese most reports use (发力, 获批: share >= 0.3)
        # is no keyword; a rare one may be a local term (林权) and stays
        return _common_shares().get(word, 0.0) >= 0.3 or bool(_PLACE_TOKEN.match(word))
    if tag in _NOT_KEYWORD_TAGS:
        return True
    if tag == "m" and _NUMERAL_START.match(word):
        return True
    return tag == "ns" or bool(_PLACE_TOKEN.match(word))


_PLACE_TOKEN = re.compile(r"^[\u4e00-\u9fff]{2,4}(?:省|市|县|自治州|自治县|州|盟|旗|新区|高新区)$")
"""A 2-4 character name with a place suffix (宜宾市, 叙州县): a place, whether the library holds
it or not (城市, 省市 are one character plus the suffix and do not match)."""


@lru_cache(maxsize=1)
def _reference() -> tuple[dict[str, float], dict[str, float], int]:
    """(word -> share of sampled corpus reports using it, word -> count per million words, words
    in the sample) from ``data/keyword_common.txt`` (benchmarks/analysis/make_common_terms.py)."""
    from importlib import resources

    shares: dict[str, float] = {}
    rates: dict[str, float] = {}
    tokens = 0
    try:
        text = (resources.files("reporttui.core") / "data" / "keyword_common.txt").read_text(
            "utf-8"
        )
    except OSError:
        return shares, rates, tokens
    for line in text.splitlines():
        if line.startswith("#tokens "):
            tokens = int(line.split()[1])
        if not line or line.startswith("#"):
            continue
        parts = line.split()
        try:
            shares[parts[0]] = float(parts[1])
            rates[parts[0]] = float(parts[2]) if len(parts) > 2 else 0.0
        except (ValueError, IndexError):
            continue
    return shares, rates, tokens


def _common_shares() -> dict[str, float]:
    return _reference()[0]


_RARE_PER_MILLION = 5.0
"""The reference rate assumed for a word fewer than 10 % of the sampled reports use."""


def keyness(term: str, count: int, total: int) -> float:
    """Log-likelihood (G2) that a report uses ``term`` more than reports in general do (0 when
    it uses it less): a word every report uses at its usual rate (产业, 工作) scores near 0."""
    _, rates, ref_total = _reference()
    if not ref_total or not total:
        return float(count)
    per_million = rates.get(term, _RARE_PER_MILLION)
    ref = per_million * ref_total / 1e6
    if count / total <= ref / ref_total:
        return 0.0
    expected_doc = total * (count + ref) / (total + ref_total)
    expected_ref = ref_total * (count + ref) / (total + ref_total)
    return 2.0 * (
        count * math.log(count / expected_doc) + (ref * math.log(ref / expected_ref) if ref else 0)
    )


COMMON_SHARE = 0.8
"""Above this share of reports a word is common to nearly all of them and weighs less."""


def distinctiveness(word: str) -> float:
    """How much a word says about one report: 1 for a word fewer than :data:`COMMON_SHARE` of
    reports use, falling to 0 for one every report uses (产业, 企业, 服务: share 1.0). A cut-off,
    not log(1/share): ranking rare words first brings up fragments and local names."""
    share = _common_shares().get(word, 0.0)
    return 1.0 if share <= COMMON_SHARE else max(0.0, (1.0 - share) / (1.0 - COMMON_SHARE))


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


@dataclass(frozen=True)
class KeywordContext:
    """What keyword statistics over a library need besides the text itself."""

    places: frozenset[str] = frozenset()
    """The library's own region names (古交市, 古交): dropped from keyword lists."""
    compounds: frozenset[tuple[str, str]] = frozenset()
    """Word pairs written together so often they are one term (see :func:`compound_terms`)."""
    synonyms: dict[str, str] = field(default_factory=dict)
    """Name -> the name shown for its group (旅游 -> 文旅)."""
    grammar: bool = True
    """Drop words by their kind too (see :func:`_grammatical_noise`)."""
    distinct: bool = True
    """Rank top terms by count times :func:`distinctiveness`, not by count alone."""


def place_names(regions: Iterable[str | None]) -> frozenset[str]:
    """Region names and their short forms (太原市 -> 太原; 新疆维吾尔自治区 -> 新疆)."""
    names: set[str] = set()
    for region in regions:
        if not region:
            continue
        names.add(region)
        short = _REGION_SUFFIX.sub("", region)
        if len(short) >= 2:
            names.add(short)
    return frozenset(names)


def _raw_terms(text: str, places: frozenset[str]) -> list[str]:
    prepare_jieba()
    return [
        w
        for w in cut(text)
        if len(w) >= 2
        and w not in POLICY_STOPWORDS
        and w not in FUNCTION_WORDS
        and w not in places
        and _KEEP.search(w)
        and not w.isdigit()
    ]


def compound_terms(
    texts: Iterable[str],
    *,
    min_count: int = 3,
    min_share: float = 0.5,
    places: frozenset[str] = frozenset(),
) -> frozenset[tuple[str, str]]:
    """Adjacent word pairs that ``texts`` write together in at least ``min_share`` of the uses
    of the rarer word, ``min_count`` times or more: policy terms jieba cuts (城市|更新, 低空|经济).
    """
    pairs: Counter[tuple[str, str]] = Counter()
    singles: Counter[str] = Counter()
    for text in texts:
        for line in text.split("\n"):
            prepare_jieba()
            words = [w for w in cut(line) if w.strip()]
            singles.update(words)
            for a, b in pairwise(words):
                if (
                    len(a) >= 2
                    and len(b) >= 2
                    and len(a) + len(b) <= 8
                    and _KEEP.search(a)
                    and _KEEP.search(b)
                    and a not in FUNCTION_WORDS
                    and b not in FUNCTION_WORDS
                    and a not in places
                    and b not in places
                    and a not in POLICY_STOPWORDS
                    and b in COMPOUND_HEADS
                ):
                    pairs[(a, b)] += 1
    return frozenset(
        pair
        for pair, n in pairs.items()
        if n >= min_count and n >= min_share * min(singles[pair[0]], singles[pair[1]])
    )


def load_synonyms(home: object = None) -> dict[str, str]:
    """Name -> shown name (its group's first), from search's synonym table (the shipped
    ``data/synonyms.txt`` plus ``<home>/synonyms.txt``): keywords merge what search expands."""
    from pathlib import Path

    from reporttui.core.paths import library_home
    from reporttui.core.search.synonyms import table

    try:
        groups = table(Path(str(home)) if home else library_home())
    except OSError:  # an unreadable home: the shipped table alone
        groups = table(None)
    return {name: group[0] for name, group in groups.items()}


def terms(text: str, context: KeywordContext | None = None) -> list[str]:
    """The meaningful words of ``text`` in order (jieba words, stop lists and digits removed).

    jieba gets the shipped policy-term dictionary first (林麝, 新质生产力 stay whole words); with a
    ``context``, synonym-table names and compound pairs are joined, place names dropped and
    synonyms merged.
    """
    if context is None:
        return _raw_terms(text, frozenset())
    out: list[str] = []
    for line in text.split("\n"):
        prepare_jieba()
        words = [w for w in cut(line) if w.strip()]
        n = 0
        while n < len(words):
            w = words[n]
            joined_here = False
            # A synonym-table name that jieba cut in two or three (文化/旅游) is one term.
            for span in (3, 2):
                joined = "".join(words[n : n + span])
                if n + span <= len(words) and joined in context.synonyms:
                    w = joined
                    n += span - 1
                    joined_here = True
                    break
            else:
                if n + 1 < len(words) and (w, words[n + 1]) in context.compounds:
                    w = w + words[n + 1]
                    n += 1
                    joined_here = True
            n += 1
            if (
                len(w) < 2
                or w in POLICY_STOPWORDS
                or w in FUNCTION_WORDS
                or w in context.places
                or not _KEEP.search(w)
                or w.isdigit()
            ):
                continue
            if context.grammar and (
                (not joined_here and w not in context.synonyms and _grammatical_noise(w))
                or (joined_here and _PLACE_TOKEN.match(w))
            ):
                continue
            out.append(context.synonyms.get(w, w))
    return out


def term_counts(text: str, context: KeywordContext | None = None) -> Counter[str]:
    return Counter(terms(text, context))


def keyword_context(
    texts: Iterable[str], regions: Iterable[str | None] = (), home: object = None
) -> KeywordContext:
    """The context for keyword statistics over ``texts`` (the documents at hand, or a library)
    whose regions are ``regions``."""
    places = place_names(regions)
    return KeywordContext(places, compound_terms(list(texts), places=places), load_synonyms(home))


@dataclass(frozen=True, slots=True)
class TermCount:
    """A term with its count and rate per 10,000 characters."""

    term: str
    count: int
    rate: float


def top_terms(
    text: str,
    n: int = 20,
    counts: Counter[str] | None = None,
    context: KeywordContext | None = None,
) -> list[TermCount]:
    """The ``n`` most frequent terms (ties broken by the term, for stable output)."""
    counts = counts if counts is not None else term_counts(text, context)
    size = max(len(text), 1)
    if context is not None and context.distinct:
        # 产业, 企业 (every report's words) sink; a term used once is not a keyword of a report
        total = sum(counts.values())
        ranked = sorted(
            ((t, c) for t, c in counts.items() if c >= 3 or len(counts) < 4 * n),
            key=lambda kv: (-keyness(kv[0], kv[1], total), kv[0]),
        )[:n]
    else:
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
    context: KeywordContext | None = None,
) -> KeywordDiff:
    """Compare two texts' vocabularies by rate per 10,000 characters.

    new: used at least ``min_count`` times in ``other`` and never in ``base``; rising / falling:
    used ``min_count`` times on the side where it is frequent, and ``factor`` times as often
    there as on the other side. Each list is ranked by how much the rate moved.
    """
    a = base_counts if base_counts is not None else term_counts(base_text, context)
    b = other_counts if other_counts is not None else term_counts(other_text, context)
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
