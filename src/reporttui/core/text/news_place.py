"""The place a news item is about when it names it only by its short name (河南, 北京, 无锡, 广州南沙).

News pages seldom write a division's full name: a province's press conference is about 河南 (河南
实现了…, 河南将…), a city's travel item opens 北京：…, a district's port is 广州南沙. The short name
of a division is the two characters before its suffix (无锡 for 无锡市, a province's first two:
河南 for 河南省). A short name counts only where it stands as a place: at the start of a clause
(after 。，；：“ or a line start), right after another division's name (广州南沙), or written out
in full (无锡市民); never inside a wire dateline (新华社北京5月19日电 is the agency's desk, not
the news's place). The place is then

- the division the title opens with when a colon follows it (北京：古北水镇…, 河北遵化：…): the
  title's own dateline; or
- the division the text names far more often than any other: three uses or more, at least twice
  the next one's.

A short name two divisions share is read only under a division that holds exactly one of them
(广州南沙 is 广州市南沙区); a short name that is a common word (the gazetteer's list) is never
read but under its parent (河北遵化). Of a division named under its parent, the inner one is the
place.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache
from itertools import pairwise

from reporttui.core.text.gazetteer import Division, gazetteer, stem

_CLAUSE_START = "。，；：:“（(、！？\n>＞|｜ 　"
# The title's dateline: a place and a colon at its start, after a channel label (新华视界｜).
_TITLE_COLON = re.compile(r"^(?:[^｜|：:]{1,8}[｜|]\s*)?([\u4e00-\u9fff]{2,8})[：:]")
_NATIONAL = re.compile(r"国务院|党中央|中共中央|全国人大|全国政协|中央")
_WIRE = re.compile(
    r"(?:新华社|中新社|中新网|央视网|人民网|新华网)([\u4e00-\u9fff]{2,4}?)\d{1,2}月\d{1,2}日电"
)
_MIN_USES = 3
# (pages10/11) A place's name opening an organisation's or a park's proper name (金沙互联网医疗
# 产业园, 河北省书法家协会, 海南火光科技投资有限公司): a name, not where the news happens. The words
# between hold no function word or verb (河南将建设一批产业园 is a place acting) and are no
# people's body (平山县人民医院 is the county's own).
_ORG_NAME = re.compile(
    r"(?:(?!人民|召开|举办|举行|建设|成立|组织|开展|推进|发布|[的在是了和与及等为对把被向从将要已就都也并而或到赴于])"
    r"[\u4e00-\u9fff]){0,8}?"
    r"(?:有限公司|公司|集团|产业园|研究会|研究院|协会|学会|商会|联合会|基金会|大学|学院|学校|银行)"
)


@cache
def _stems() -> dict[str, tuple[Division, ...]]:
    """Every division by its short name (a province by its first two characters: 河北 is 河北省,
    never 河北区)."""
    out: dict[str, list[Division]] = {}
    for ds in gazetteer().by_name.values():
        for d in ds:
            s = d.name[:2] if d.level == "p" else stem(d.name)
            if s:
                out.setdefault(s, []).append(d)
    return {k: tuple(d for d in v if d.level == "p") or tuple(v) for k, v in out.items()}


def _holds(outer: Division, inner: Division) -> bool:
    return outer.name in (inner.prefecture, inner.province)


def _resolve(short: str, before: Division | None) -> Division | None:
    """The division ``short`` names: the only one with that short name, or the only one of them
    inside ``before`` (the division named just before it)."""
    ds = _stems().get(short, ())
    if before is not None:
        held = [d for d in ds if _holds(before, d)]
        if len(held) == 1:
            return held[0]  # under its parent even a common word is the place (河北遵化)
    if short in gazetteer().common:
        return None
    return ds[0] if len(ds) == 1 else None


_ALL_LEVELS = frozenset(("p", "c", "a"))
_BODY_NAME = re.compile(
    r"(?:(?!人民|[的在是了和与及等为对把被向从将要已就都也并而或到赴于])[\u4e00-\u9fff]){0,8}?"
    r"(?:研究会|协会|学会|商会|联合会|基金会|书画院)"
)


def _uses(
    text: str,
    absorb: bool = True,
    org_levels: frozenset[str] = frozenset(),
    bodies_only: bool = False,
) -> list[tuple[int, Division]]:
    """Where ``text`` names a division by its short or full name, standing as a place (with
    ``absorb``, a division named under its parent is one use, of the inner one). A division of
    a level in ``org_levels`` that opens an organisation's or a park's name is not counted (with
    ``bodies_only``, only a full name opening a society's: 河北省书法家协会, not 重庆师范大学)."""
    stems = _stems()
    wire = {m.start(1) for m in _WIRE.finditer(text)}
    out: list[tuple[int, Division]] = []
    prev: tuple[int, Division] | None = None
    i = 0
    while i < len(text) - 1:
        s = text[i : i + 2]
        if s not in stems or i in wire or text.startswith("时间", i + 2):
            # (北京时间 is a time zone, not the place)
            i += 1
            continue
        after_place = prev is not None and prev[0] == i
        clause = i == 0 or text[i - 1] in _CLAUSE_START
        d = _resolve(s, prev[1] if after_place and prev else None)
        if d is None:
            # A shared short name written out in full (台江县, not 台江区) names that one.
            written = [
                x for x in stems[s] if len(x.name) > 2 and text.startswith(x.name[2:], i + 2)
            ]
            d = written[0] if len(written) == 1 else None
        if d is None:
            i += 1
            continue
        end = i + 2
        if text.startswith(d.name[2:], end) and len(d.name) > 2:
            end = i + len(d.name)  # the full name (无锡市, 河南省)
        full = end > i + 2
        if (
            d.level in org_levels
            and _resolve(text[end : end + 2], d) is None
            and _opens_name(text, end, full, bodies_only)
        ):
            i = end  # (pages10/11) the name opens an organisation's or a park's name
            continue
        if clause or after_place or full:
            if absorb and after_place and prev is not None and _holds(prev[1], d) and out:
                out.pop()  # 广州南沙: one use, of the inner division
            out.append((i, d))
            prev = (end, d)
            i = end
            continue
        i += 1
    return out


def _opens_name(text: str, end: int, full: bool, bodies_only: bool) -> bool:
    """The division named just before ``end`` opens a proper name (a society's only, written in
    full, with ``bodies_only``)."""
    if bodies_only:
        return full and _BODY_NAME.match(text, end) is not None
    return _ORG_NAME.match(text, end) is not None


def news_place(title: str, text: str) -> tuple[str, str] | None:
    """(division, evidence) for a news item naming its place by a short name, or None."""
    title = title.strip("*# ")
    m = _TITLE_COLON.match(title)
    if m:
        span = m.group(1)
        named = _uses(span, absorb=False)
        if named and _covers(span, named):
            return named[-1][1].name, "place before the title's colon (北京：…, 河北遵化：…)"
    if _NATIONAL.search(title):
        return None  # a national body's measures for a place are national news
    # (pages11) A provincial body's name (河北省书法家协会, 河北省中山国文化研究会 as an event's
    # organisers) is no use of the province as the place; a company's (武汉威莎科技有限公司)
    # still says which city the news is in.
    named = _uses(text[:20000], org_levels=frozenset(("p",)), bodies_only=True)
    uses = Counter(d for _, d in named)
    if not uses:
        return None
    best, c1 = max(uses.items(), key=lambda kv: (kv[1], kv[0].level == "a", kv[0].level == "c"))
    # Places inside the best one or holding it (无锡 and its 江阴) do not compete with it.
    c2 = max(
        (c for d, c in uses.items() if d != best and not _holds(d, best) and not _holds(best, d)),
        default=0,
    )
    # (round 15, rule 3) A national piece names places of many provinces in passing (赣州's and
    # 河北's platforms, then 湖南's reform near its end, 江苏, 浙江): four provinces or more named,
    # the best place no more used than the unrelated others together and first named only in the
    # text's second half: no one place is its.
    rest = sum(
        c for d, c in uses.items() if d != best and not _holds(d, best) and not _holds(best, d)
    )
    provinces = {d.province for d in uses if d.province}
    first = min(i for i, d in named if d == best)
    if len(provinces) >= _NATIONAL_SPREAD and c1 <= rest and first > min(len(text), 20000) / 2:
        return None
    if c1 >= _MIN_USES and c1 >= 2 * c2:
        return best.name, "short name the news keeps naming as its place (gazetteer)"
    return _title_opener(title, named)


def _title_opener(title: str, named: list[tuple[int, Division]]) -> tuple[str, str] | None:
    """(round 16) The headline opens with a division's short name as its subject (山东开展学雷锋
    志愿服务活动…) and every place the text names lies inside that division (泰安市泰山区,
    新泰市; a single stray use outside it aside): the division whose places the news goes round.
    Not a proper name's start (山东大学)."""
    opening = _uses(title[:12], absorb=False, org_levels=frozenset(("p", "c", "a")))
    if not opening or opening[0][0] != 0:
        return None
    d = opening[0][1]
    outside = sum(1 for _, x in named if x != d and not _holds(d, x))
    inside = len(named) - outside
    # One stray reading outside it (a brand in quotes, “平阳杏林”) does not count against it.
    if outside > 1 or inside < _MIN_USES:
        return None
    return d.name, "the division the headline opens on, holding the places the text names"


_NATIONAL_SPREAD = 4
"""Provinces a text names before it reads as national when no place dominates (news_place)."""


def _covers(span: str, named: list[tuple[int, Division]]) -> bool:
    """The names found make up the whole of ``span`` (河北遵化, 北京), nothing else before the colon."""
    at = 0
    for i, d in named:
        if i != at:
            return False
        at = i + (len(d.name) if span.startswith(d.name, i) else 2)
    return at == len(span)


_MAX_NAME = 8


def title_division(title: str) -> str | None:
    """(pages8) The division a news title names in full (许昌市喜获佳绩, 胶州市司法局…, …比赛在弓长岭区
    开幕), the innermost when it names several that nest (辽宁省 … 弓长岭区); None when it names
    none, names divisions that do not nest (two cities), a shared name it cannot place, or is a
    national body's. A government portal's news item is about the place its title names, not the
    site's own division (a provincial portal's 市县 column)."""
    title = title.strip("*# ")
    if _NATIONAL.search(title):
        return None
    names = gazetteer().by_name
    found: list[tuple[Division, ...]] = []
    i = 0
    while i < len(title) - 2:
        for n in range(min(_MAX_NAME, len(title) - i), 2, -1):
            if title[i : i + n] in names:
                found.append(names[title[i : i + n]])
                i += n
                break
        else:
            i += 1
    if not found:
        return None
    picked: list[Division] = []
    for ds in found:
        if len(ds) == 1:
            picked.append(ds[0])
            continue
        held = [
            d for d in ds if any(_holds(o, d) for other in found if other is not ds for o in other)
        ]
        if len(held) != 1:
            return None
        picked.append(held[0])
    order = {"p": 0, "c": 1, "a": 2}
    chain = sorted(set(picked), key=lambda d: order.get(d.level, 3))
    for outer, inner in pairwise(chain):
        if not _holds(outer, inner):
            return None
    inner = chain[-1]
    # (pages11) A city-wide (全市) or province-wide (全省) event visiting its districts
    # (全市…推进会到高新区历下区考察): the wider division's news, the places are where it went.
    if _CITY_WIDE.search(title) and inner.level == "a" and inner.prefecture:
        return inner.prefecture
    if _PROVINCE_WIDE.search(title) and inner.level in ("c", "a") and inner.province:
        return inner.province
    return inner.name


_CITY_WIDE = re.compile(r"^全市|[，、\s]全市")
_PROVINCE_WIDE = re.compile(r"^全省|[，、\s]全省")


def site_division(site: str) -> str | None:
    """(pages8) The division a site's publisher names in full at its start (浙江省教育厅 -> 浙江省,
    青岛市政府门户网站 -> 青岛市), the longest such name; None when it opens with none (微信公众平台,
    山西医科大学…: a short name is not enough for a publisher)."""
    names = gazetteer().by_name
    site = site.strip()
    parts = [p for p in _SITE_PARTS.split(site) if p.strip()]
    if len(parts) > 1:
        # (pages11) The site's brand before its publisher (首都之窗_北京市人民政府门户网站,
        # 济南政府网_济南市人民政府门户网站): the first part that names a division in full.
        for part in parts:
            found = site_division(part)
            if found:
                return found
        return None
    for n in range(min(_MAX_NAME, len(site)), 2, -1):
        ds = names.get(site[:n])
        if ds and len(ds) == 1:
            # (pages10) A division named under it next (广州市白云区人民政府, 北京市丰台区…) is
            # the publisher's own: the innermost.
            rest = site[n:]
            for k in range(min(_MAX_NAME, len(rest)), 2, -1):
                inner = [d for d in names.get(rest[:k], ()) if _holds_name(ds[0].name, d)]
                if len(inner) == 1:
                    return inner[0].name
            return ds[0].name
    # (pages9) A zone's committee that is also a district's government names that government
    # after its own name: 常州国家高新区管委会（新北区人民政府） -> 新北区.
    for m in _SITE_GOVERNMENT.finditer(site):
        ds = names.get(m.group(1))
        if ds and len(ds) == 1:
            return ds[0].name
    return None


_ISSUER = re.compile(
    r"[\u4e00-\u9fff]{0,12}?(?:厅|局|委员会|委|办公室|办公厅|中心)(?:关于|印发|转发)"
)


def title_issuer(title: str) -> str | None:
    """(pages10) The division whose body issues a document, named at its title's start
    (浙江省文化和旅游厅关于…的公示 -> 浙江省): the issuer's, not the places its lists name."""
    title = title.strip("*# ")
    names = gazetteer().by_name
    for n in range(min(_MAX_NAME, len(title)), 2, -1):
        ds = names.get(title[:n])
        if ds and len(ds) == 1 and ds[0].name == title[:n]:
            if not _ISSUER.match(title, n):
                return None
            # (round 14) The issuing body belongs to a division inside it (亳州市谯城区人民政府
            # 办公室关于…): that division, the lowest one named.
            for k in range(min(_MAX_NAME, len(title) - n), 1, -1):
                inner = names.get(title[n : n + k])
                if inner and any(ds[0].name in (d.prefecture, d.province) for d in inner):
                    return title[n : n + k]
            return ds[0].name
    return None


_BARE_PROVINCE = re.compile(r"(?:^|关于|年度|年|举办|开展|召开)(?:自治区|省)(?![长委])")


def bare_province(title: str, site: str) -> str | None:
    """(pages10) A title naming its province only as 自治区 or 省 (关于举办2024年度自治区艺术…
    培训班的通知 on 乌鲁木齐市's portal): the province holding the site's publisher."""
    if not _BARE_PROVINCE.search(title) or title_division(title):
        return None
    own = site_division(site) if site else None
    if own is None:
        return None
    # Only a publisher below the province reads its province so (a province's own site is the
    # publisher rule's: its content must name no other place).
    ds = [d for d in gazetteer().by_name.get(own, ()) if d.name == own and d.level != "p"]
    provinces = {d.province for d in ds} - {""}
    return provinces.pop() if len(provinces) == 1 else None


_SITE_PARTS = re.compile(r"\s*[_｜|]\s*|\s+-\s+")
_SITE_GOVERNMENT = re.compile(r"[（(]([一-龥]{2,8}?)人民政府[）)]")


def within(outer: str, text: str, site: str = "") -> bool:
    """Every division ``text`` names as a place lies in (or is) the division named ``outer``: the
    content names no other place than the publisher's own. (pages9) The publisher's own city or
    province named in passing (a district's news reading out 常州市关于…的文件) is no other place:
    the publisher is the innermost division (a city's own news names its city as the actor, which
    the stronger rules read first)."""
    home = [d for d in gazetteer().by_name.get(outer, ()) if d.name == outer]
    if len(home) > 1 and site:
        # (pages10) A name two divisions share (白云区 of 广州市 and of 贵阳市): the one the
        # site names under its city (广州市白云区人民政府门户网站).
        home = [d for d in home if d.prefecture and d.prefecture + d.name in site] or home
    above = {home[0].prefecture, home[0].province} - {""} if len(home) == 1 else set()
    return all(
        d.name == outer or d.name in above or _holds_name(outer, d)
        for _, d in _uses(text, org_levels=_ALL_LEVELS)
    )


_INNER_MIN = 2


def inner_place(outer: str, title: str, text: str) -> str | None:
    """(pages10) The one division inside the publisher's that its content keeps naming (a
    province's portal carrying a city's news: 广西来宾市下六甲灌区…, 来宾市举全市之力…): two uses or
    more, all of them in one prefecture-level division (it or its counties), no use of a place
    elsewhere, and a title that does not name the publisher's whole division (全省, 全区, 广西…:
    a provincial meeting held in its capital stays the province's); else None."""
    if re.search(r"全省|全区|全市|全州", title) or outer[:2] in title:
        return None
    cities: Counter[str] = Counter()
    for _, d in _uses(text, org_levels=_ALL_LEVELS):
        if d.name == outer:
            continue
        city = d.name if d.level == "c" else d.prefecture
        if not city or not (d.province == outer or d.prefecture == outer):
            return None
        cities[city] += 1
    if len(cities) != 1:
        return None
    ((city, n),) = cities.items()
    return city if n >= _INNER_MIN and city != outer else None


def _holds_name(outer: str, inner: Division) -> bool:
    return outer in (inner.prefecture, inner.province)


_ROUNDUP_MIN = 3


def roundup_province(headings: list[str], lead: str) -> str | None:
    """(pages8) A provincial round-up (全省各地…, one section per city or county, each headed by
    its own place: 成都市双流区中医医院, 自贡市富顺县中医医院, 绵阳市中医医院): its region is the
    province that holds them all, not the one place a section keeps naming. Needs three headings
    or more naming places in three different prefectures of one province, and a lead naming the
    province (全省, 省…局, or the province itself)."""
    placed: list[Division] = []
    for h in headings:
        named = _uses(h.strip("*# "))
        if named:
            placed.append(named[0][1])
    prefectures = {d.name if d.level == "c" else d.prefecture for d in placed if d.level != "p"}
    prefectures.discard("")
    provinces = {d.name if d.level == "p" else d.province for d in placed}
    if len(prefectures) < _ROUNDUP_MIN or len(provinces) != 1:
        return None
    province = provinces.pop()
    if not province:
        return None
    if "全省" in lead or province in lead or province[:2] in lead:
        return province
    return None
