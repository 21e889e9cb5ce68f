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
