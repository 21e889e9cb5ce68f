"""(issue 9, round 16) Years of session news dated by day alone, from what the text says of the
national calendar it sits in: a provincial session's number inside the national term, a party
congress still to come, a five-year plan's opening still ahead.

Each reading is a fallback: it runs only where no date, meeting line or role-tagged year decided,
and only in its exact form (the corpus checks are in benchmarks/inputs/results_r16_meta.md).
"""

from __future__ import annotations

import re

from reporttui.core.text.gazetteer import gazetteer

_CN = "[一二三四五六七八九十]+"
_DIGITS = "一二三四五六七八九"


def _cn(s: str) -> int:
    """A term or session number in Chinese numerals, 1-99 (十五 -> 15)."""
    if "十" in s:
        tens, _, ones = s.partition("十")
        return (_DIGITS.find(tens) + 1 if tens else 1) * 10 + (
            _DIGITS.find(ones) + 1 if ones else 0
        )
    return _DIGITS.find(s) + 1


# National terms (NPC and, since its fifth, the national CPPCC): their first year.
_NATIONAL_TERM_START = {
    8: 1993,
    9: 1998,
    10: 2003,
    11: 2008,
    12: 2013,
    13: 2018,
    14: 2023,
    15: 2028,
}
# The party congresses: the 15th in 1997, one every five years since.
_CONGRESS = r"(十[五六七八九]|二十[一二]?)大"


def _congress_year(n: str) -> int:
    return 1997 + 5 * (_cn(n) - 15)


# A province's own session by term and number: 省政协十届一次会议, 安徽省政协十届一次会议,
# 政协上海市第十四届委员会第三次会议, 省十三届人大二次会议, 河北省第十四届人民代表大会第一次会议.
_PROVINCE_SESSION = re.compile(
    rf"(?:中国人民政治协商会议|政协)([\u4e00-\u9fff]{{0,8}}?(?:省|市|自治区))第?({_CN})届委员会第?({_CN})次会议"
    rf"|([\u4e00-\u9fff]{{0,8}}?(?:省|市|自治区))(?:政协|人大)?第?({_CN})届(?:政协|人大|人民代表大会)?第?({_CN})次(?:全体)?会议"
)
_RECALLED = re.compile(r"(?:上|期间)?\s*(?:确定的|以来|提出的|通过的)")
# The national term the text names (在沪十四届全国政协委员, 十三届全国人大代表, 全国人大十四届…).
_NATIONAL_TERM = re.compile(
    rf"第?({_CN})届全国(?:人大|政协|人民代表大会)|全国(?:人大|政协)第?({_CN})届"
)
# The latest party congress whose spirit the text studies (深入学习贯彻党的十七大…精神).
_CONGRESS_STUDIED = re.compile(rf"(?:学习|贯彻|落实)[^。\n]{{0,12}}?党的{_CONGRESS}")


def _province_level(place: str) -> bool:
    """A place ending in 省 or 自治区 (省政协, 安徽省), or in a province-level city's name (上海市)."""
    if place.endswith(("省", "自治区")):
        return True
    by_name = gazetteer().by_name
    return any(
        any(d.level == "p" for d in by_name.get(place[i:], ())) for i in range(len(place) - 1)
    )


def provincial_session_year(text: str) -> tuple[int | None, str]:
    """A province's own session named by term and number only: provincial congresses' and
    CPPCCs' terms begin in the national term's first year (their first sessions in its January),
    so session M is that year + M - 1. The national term is read from the text: a national term
    it names, else the latest party congress whose spirit it studies (the term begins the year
    after it). A city's or a county's session is never read (their terms start in other years)."""
    # A session recalled (省十三届人大二次会议确定的目标, 十四届二次会议以来) is not the one held.
    m = next(
        (x for x in _PROVINCE_SESSION.finditer(text) if not _RECALLED.match(text, x.end())),
        None,
    )
    if not m:
        return None, ""
    place = m.group(1) or m.group(4) or ""
    session = _cn(m.group(3) or m.group(6))
    if not _province_level(place) or not 1 <= session <= 5:
        return None, ""
    terms = {_cn(t.group(1) or t.group(2)) for t in _NATIONAL_TERM.finditer(text)}
    starts = {_NATIONAL_TERM_START[t] for t in terms if t in _NATIONAL_TERM_START}
    if len(starts) == 1:
        return starts.pop() + session - 1, (
            "a provincial session's number in the national term the text names"
        )
    if starts:
        return None, ""
    studied = {_congress_year(c.group(1)) for c in _CONGRESS_STUDIED.finditer(text)}
    if studied:
        return max(studied) + session, (
            "a provincial session's number in the term after the party congress it studies"
        )
    return None, ""


# A party congress still ahead, in the one form that names it so (以优异成绩迎接党的二十大胜利召开).
_CONGRESS_AHEAD = re.compile(rf"以优异成绩迎接(?:党的)?{_CONGRESS}胜利召开")


def congress_ahead_year(text: str) -> tuple[int | None, str]:
    """News that still looks forward to a party congress (以优异成绩迎接党的二十大胜利召开): the
    congress's year. Corpus: 249 of the 250 reports with this form are of that year."""
    years = {_congress_year(m.group(1)) for m in _CONGRESS_AHEAD.finditer(text)}
    if len(years) == 1:
        return years.pop(), "the party congress it looks forward to (迎接…胜利召开)"
    return None, ""


# A five-year plan's opening still ahead (确保“十四五”开好局, “十四五”如何开好局起好步); not
# 为…开好局 (the year before prepares it) nor 实现了…开好局 (a review).
_PLAN_OPENING_AHEAD = re.compile(
    rf"(?<!为)确保[“\"]({_CN})五[”\"](?:规划)?开好局|[“\"]({_CN})五[”\"](?:规划)?如何开好局"
)


def plan_opening_year(text: str, plan_start: int | None = None) -> tuple[int | None, str]:
    """The plan whose good start the text still asks for: its first year. Corpus: 159 of the 159
    reports with the form are of the plan's first year."""
    firsts = set()
    for m in _PLAN_OPENING_AHEAD.finditer(text):
        n = _cn(m.group(1) or m.group(2))
        firsts.add(1953 + 5 * (n - 1) if n <= 2 else 1966 + 5 * (n - 3))
    if len(firsts) == 1:
        return firsts.pop(), "the five-year plan whose opening it still asks for (确保…开好局)"
    return None, ""


# The tasks of the year named reported done (圆满完成了县十八届人大五次会议确定的各项工作任务).
_TASKS_DONE = re.compile(
    r"(?<!确保)(?:(?:圆满|胜利|全面|超额)完成了?|完成了)[^。\n]{0,30}确定的[^。\n]{0,12}任务"
)


def plan_place_reviewed(text: str, end: int) -> bool:
    """A five-year plan's place (2025年，是“十四五”收官之年) ending at ``end``, followed in its
    paragraph by that year's tasks reported done, with no other past year between (过去一年):
    the text reviews the year it names."""
    after = text[end : end + 150].split("\n", 1)[0]
    done = _TASKS_DONE.search(after)
    if done is None:
        return False
    return re.search(r"过去|去年", after[: done.start()]) is None


# A New Year's greeting in its opening (新的一年如约而至, 致以新春的问候, 新年的祝福).
_GREETING = re.compile(r"新的一年|新春的问候|新年的问候|新春的祝福|新年的祝福|新春佳节|辞旧迎新")
# A year called the year of something (2019年是大庆之年、落实之年), not a review (刚刚过去的…).
_YEAR_OF = re.compile(r"(?<![\d年])((?:19|20)\d\d)\s*年\s*[,，]?\s*是[^。！!？?\n]{0,30}?之年")
_PAST_BEFORE = re.compile(r"(?:过去|刚刚|回顾|回首|回望)[^。\n]{0,6}$")


def greeting_year(text: str) -> tuple[int | None, str]:
    """A New Year's greeting (its opening greets the new year) that calls one year the year of
    something (2019年是大庆之年): the year it greets. Two such years, or one reviewed, give none."""
    if not _GREETING.search(text[:200]):
        return None, ""
    years = {
        int(m.group(1))
        for m in _YEAR_OF.finditer(text[:3000])
        if not _PAST_BEFORE.search(text[max(0, m.start() - 12) : m.start()])
    }
    if len(years) == 1:
        return years.pop(), "the year a New Year's greeting names as the year of its aims"
    return None, ""
