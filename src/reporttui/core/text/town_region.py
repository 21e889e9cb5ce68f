"""(issue 9, round 14) A town's, township's or street office's own text: its division.

Towns (镇), townships (乡, ethnic ones included: 新发朝鲜族乡) and street offices (街道) are not
in the gazetteer, so their names are read by form: a name of two to eight characters before the
division's own organ (新发朝鲜族乡人民政府, 龙子湖街道办事处, 吉昌镇党委). Taken only when the text
speaks of that level as its own (乡长, 代表镇人民政府, 全镇, 我街道…) more than of a county's or a
city's, and names exactly one such division (a short form, 新发乡, is the same one).
"""

from __future__ import annotations

import re

_ORGAN = r"(?:人民政府|政府|党委|人大|人民代表大会|办事处|党工委)"
_TOWN = re.compile(
    r"(?:^|(?<=[^\u4e00-\u9fff])|(?<=[为在对到赴入由是和与及将把向从]))"
    rf"([\u4e00-\u9fff]{{2,8}}?(?:镇|乡|街道))(?={_ORGAN})"
)
_NOT_IN_NAME = re.compile(
    r"[长代表我全本各该某每省市县区乡镇街村的了和与之其在为对按照负责向从把将由是]|政府|人大|党委"
)
_TOWN_SELF = {
    "镇": ("我镇", "全镇", "镇长", "镇政府", "镇人民政府", "镇人大", "镇党委"),
    "乡": ("我乡", "全乡", "乡长", "乡政府", "乡人民政府", "乡人大", "乡党委"),
    "街道": ("我街道", "全街道", "街道办", "街道党工委"),
}
_OTHER_SELF = ("我县", "全县", "县长", "县政府", "我市", "全市", "市长", "市政府", "我区", "全区")


def _same_town(short: str, full: str) -> bool:
    """新发乡 is 新发朝鲜族乡: the same suffix, the shorter's stem starting the longer."""
    for suffix in ("街道", "镇", "乡"):
        if short.endswith(suffix) and full.endswith(suffix):
            stem = short[: -len(suffix)]
            return len(stem) >= 2 and full.startswith(stem)
    return False


def own_town(text: str) -> tuple[str, str] | None:
    """The one town, township or street office the text speaks for, and the evidence."""
    names: set[str] = set()
    for m in _TOWN.finditer(text):
        name = m.group(1)
        stem = re.sub(r"(?:街道|镇|乡)$", "", name)
        if len(stem) >= 2 and not _NOT_IN_NAME.search(stem):
            names.add(name)
    # A short form and its full name are one division (新发乡, 新发朝鲜族乡): keep the full one.
    names = {n for n in names if not any(o != n and _same_town(n, o) for o in names)}
    if len(names) != 1:
        return None
    name = next(iter(names))
    level = next(s for s in ("街道", "镇", "乡") if name.endswith(s))
    own = sum(text.count(w) for w in _TOWN_SELF[level])
    other = sum(text.count(w) for w in _OTHER_SELF)
    if own < 2 or own <= other:
        return None
    # Named more than once, in full or by its short form (新发乡): a place named once beside
    # others (…消防大队、青云街道办事处等) is one it mentions, not its own.
    stem = name[: -len(level)]
    if text.count(name) + (text.count(stem[:2] + level) if stem[:2] + level != name else 0) < 2:
        return None
    return name, f"the one {level} the text speaks for, named with its organ ({name})"


_CAME_TO = re.compile(
    r"(?:调入|调到|调任|调至|来到|分配到)([\u4e00-\u9fff]{2,6}?(?:镇|乡|街道))(?=[，,。、；工任]|$)"
)
_PLACE_USES = (
    r"关系{0}全局",
    r"{0}有史以来",
    r"{0}(?:历史上|境内|人民(?!政府|代表)|广大干部群众)",
    r"(?:建设|振兴|发展)(?:美丽|新)?{0}(?![\u4e00-\u9fff])",
    r"[\u4e00-\u9fff]{{2,4}}(?:公路|干线|铁路|高速){0}段",
)
_STEM = re.compile(r"[\u4e00-\u9fff]{2}")


def _speaks_for(text: str, level: str) -> bool:
    own = sum(text.count(w) for w in _TOWN_SELF[level])
    other = sum(text.count(w) for w in _OTHER_SELF)
    return own >= 2 and own > other


def came_to_town(text: str) -> tuple[str, str] | None:
    """(round 15) A town head's own report naming the town once, as where the speaker came to
    serve (我是今年二月份调入吉昌镇，…当选为政府镇长): that town, when it is the only one named so
    and the text speaks of that level as its own (镇政府, 全镇) more than of a county's or a
    city's."""
    names = {m.group(1) for m in _CAME_TO.finditer(text)}
    names = {n for n in names if not _NOT_IN_NAME.search(re.sub(r"(?:街道|镇|乡)$", "", n))}
    if len(names) != 1:
        return None
    name = next(iter(names))
    level = next(s for s in ("街道", "镇", "乡") if name.endswith(s))
    if not _speaks_for(text, level):
        return None
    return name, f"the {level} the speaker came to serve (调入{name}), speaking for it"


def short_named_town(text: str) -> tuple[str, str] | None:
    """(round 15) A town's own report (代表镇人民政府, 我镇) naming its town by the short name alone,
    as a place (关系枨冲全局的重大项目, 枨冲有史以来, 西南干线枨冲段): the short name and the text's
    level (枨冲镇). Towns are in no gazetteer, so only a place's uses count, in two different forms
    at least, of one stem alone, with no town named in full."""
    level = next((lv for lv in ("镇", "乡") if _speaks_for(text, lv)), None)
    if level is None:
        return None
    for m in _TOWN.finditer(text):
        stem = re.sub(r"(?:街道|镇|乡)$", "", m.group(1))
        if len(stem) >= 2 and not _NOT_IN_NAME.search(stem):
            return None  # a town named in full with its organ: own_town's, not a short name
    forms: dict[str, set[int]] = {}
    for k, form in enumerate(_PLACE_USES):
        for m in re.finditer(form.format(r"([\u4e00-\u9fff]{2})"), text):
            stem = m.group(1)
            if not _NOT_IN_NAME.search(stem):
                forms.setdefault(stem, set()).add(k)
    strong = [s for s, ks in forms.items() if len(ks) >= 2]
    if len(strong) != 1:
        return None
    name = strong[0] + level
    return name, f"the short name its own {level}'s report uses as the place ({strong[0]})"


_UNDER = r"([\u4e00-\u9fff]{2,6}?(?:镇|乡|街道))"


def town_under_division(title: str, division: str, text: str) -> tuple[str, str] | None:
    """(round 16, held33) A news title naming a town right after the division that holds it
    (巢湖市散兵镇召开镇第十一届人民代表大会…): the town, the lowest division named (rule 3), when
    the text names it again and speaks for that level (镇人大, 全镇; or the title names the
    level's own congress, 召开镇第十一届…)."""
    at = title.find(division)
    if at < 0:
        return None
    m = re.match(_UNDER, title[at + len(division) :])
    if not m:
        return None
    name = m.group(1)
    level = next(s for s in ("街道", "镇", "乡") if name.endswith(s))
    stem = name[: -len(level)]
    if len(stem) < 2 or _NOT_IN_NAME.search(stem) or text.count(name) < 2:
        return None
    own_congress = re.search(rf"{level}第[一二三四五六七八九十]+届", title) is not None
    if not (own_congress or _speaks_for(text, level)):
        return None
    return name, f"the {level} named under {division} in the news title ({name})"
