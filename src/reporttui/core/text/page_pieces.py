"""(round 16, held33) Page pieces read line by line before the furniture pass.

- A Discuz forum's guest prompts over a post (马上注册，结交更多好友，享用更多功能，让你轻松玩转…;
  您需要 登录 才可以下载或查看，没有账号？注册) and its edit note opening the post's first line
  (本帖最后由 某某 于 2015-4-13 00:37 编辑): the forum software's fixed wording, in either script.
- A row of action links parted by spaces (打印该页   关闭窗口   返回页面顶部): every item a
  print, close or back-to-top link.
- A media platform's footer line naming where the item was published (发布平台：…客户端) and a
  comment box's captcha prompt (请输入验证码).
- Table debris: a line of pipes only (the cell left of an image stub), and a run of three or more
  empty cells closing a line that has no other cell (2013年…统计公报 | ||||||).

Everything taken goes to ``dropped`` (the no-loss check reads it there).
"""

from __future__ import annotations

import re

from reporttui.core.model import Dropped
from reporttui.core.text.clean import Line
from reporttui.core.text.variants import to_simplified

_FORUM_PITCH = re.compile(
    r"^马上注册\s*[，,]\s*结交更多好友\s*[，,]\s*享用更多功能\s*[，,]\s*让你轻松玩转[^\s。，]{1,20}[。.！!]?$"
)
_FORUM_LOGIN = re.compile(
    r"^您需要\s*登录\s*才可以下载或查看\s*[，,]\s*没有[账帐]号\s*[？?]\s*[^\s。，]{0,6}注册$"
)
_EDIT_NOTE = re.compile(
    r"^本帖最后由\s*\S{1,30}?\s*于\s*(?:19|20)\d\d-\d{1,2}-\d{1,2}\s*\d{1,2}:\d{2}(?::\d{2})?\s*编辑\s*"
)
_ACTION_LINKS = frozenset(
    (
        "打印",
        "打印本页",
        "打印该页",
        "打印此页",
        "打印文章",
        "关闭",
        "关闭窗口",
        "关闭本页",
        "返回顶部",
        "返回页面顶部",
        "回到顶部",
        "返回页首",
        "返回首页",
        "收藏本页",
    )
)
_ACTION_HINT = re.compile(r"打印|關閉|关闭|返回|回到")
_PLATFORM = re.compile(r"^发布平台\s*[:：]\s*[^。！？!?]{2,36}$")
_CAPTCHA = re.compile(
    r"^(?:请\s*)?输入验证码\s*[:：]?$|^验证码\s*[:：]?$|^看不清\s*[，,？?]?\s*换一张$"
)
_PIPES_ONLY = re.compile(r"^[|｜\s]+$")
_EMPTY_CELLS = re.compile(r"(?:\s*[|｜]){3,}\s*$")


def _action_row(t: str) -> bool:
    """Two or more items parted by spaces, each a print, close or back-to-top link."""
    items = to_simplified(t).split()
    return len(items) >= 2 and all(w in _ACTION_LINKS for w in items)


def _line_piece(t: str) -> str | None:
    """Why the whole line goes, or None."""
    if len(t) > 60:
        return None
    if "|" in t or "｜" in t:
        return "debris" if _PIPES_ONLY.match(t) else None
    s = to_simplified(t)
    if s.startswith("马上注册") and _FORUM_PITCH.match(s):
        return "web chrome"
    if s.startswith("您需要") and _FORUM_LOGIN.match(s):
        return "web chrome"
    if _ACTION_HINT.search(s) and _action_row(s):
        return "web chrome"
    if s.startswith("发布平台") and _PLATFORM.match(s):
        return "byline"
    if "验证码" in s or "换一张" in s:
        return "web chrome" if _CAPTCHA.match(s) else None
    return None


def drop_page_pieces(lines: list[Line], dropped: list[Dropped], chrome: list[str]) -> list[Line]:
    """The lines kept; the pieces above cut from them or dropped whole."""
    out: list[Line] = []
    for i, ln in enumerate(lines):
        if ln.md_level or ln.cells:
            out.append(ln)
            continue
        t = ln.text
        if t.startswith(("本帖最后由", "本帖最後由")):
            m = _EDIT_NOTE.match(to_simplified(t))
            if m:
                # the same length in both scripts: the match's span cuts the line as printed
                dropped.append(Dropped(t[: m.end()].strip(), "web chrome", ln.line))
                ln.text = t = t[m.end() :].strip()
        elif ("|" in t or "｜" in t) and len(t) > 3:
            m = _EMPTY_CELLS.search(t)
            head = t[: m.start()] if m else ""
            if m and head.strip() and "|" not in head and "｜" not in head:
                dropped.append(Dropped(t[m.start() :].strip(), "debris", ln.line))
                ln.text = t = head.rstrip()
        reason = _line_piece(t) if t else "page chrome"
        if reason is None:
            out.append(ln)
            continue
        if t:
            dropped.append(Dropped(t, reason, ln.line))
            if reason == "web chrome":
                chrome.append(t)
        # the gap the line leaves is kept, as the furniture pass keeps it
        if out:
            out[-1].blank_after += 1 + ln.blank_before
        elif i + 1 < len(lines):
            lines[i + 1].blank_before += 1 + ln.blank_before
    return out
