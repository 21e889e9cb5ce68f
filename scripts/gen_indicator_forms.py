"""Regenerate src/reporttui/core/data/indicator_forms.txt: indicators as reports write them otherwise.

    .venv/bin/python scripts/gen_indicator_forms.py CORPUS_DIR [--sample N] [--seed S]

recall (issue 8). A query for an indicator name finds only the rows that write it so: 旅游收入
misses 旅游总收入, 城镇化水平 misses 城镇化率. This script mines, from corpus reports, the
names that reports put before a figure (…旅游总收入达到195亿元, 城镇化率提高到55%: an
*indicator name* is the last one to three jieba words of the text right before a measured
figure (a unit of :data:`UNITS`), the verbs between them dropped) and pairs them two ways:

* ``insertion``: the same head and tail with one or two characters inserted between them
  (旅游收入 > 旅游总收入 旅游业收入): one-way, the short name also finds the longer ones;
* ``measure word``: the same head with another measure word of one class
  (:data:`MEASURES`: 水平/率/比重/占比/比例, 总额/总量/总值): 城镇化水平 > 城镇化率.

Both names of a pair must be indicator names in at least ``--min-reports`` reports each (so a
phrase that is never a figure's name, 生活水平, gets no pair). Each line ``> NAME FORM...``
(parse format of ``synonyms.parse_longer``), at most :data:`MAX_FORMS` forms, the most widespread
first. Search reads them as generated alternatives of the word (rows only added, after the rows
as typed), for every query (not only sparse ones: see ``synonyms.INDICATOR_FORMS``).

Built from a seeded random sample of the corpus reports (the ranking benchmark's judged reports
excluded), never from a judged set or its queries.
"""

from __future__ import annotations

import argparse
import logging
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Set
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
OUT = ROOT / "src" / "reporttui" / "core" / "data" / "indicator_forms.txt"
MAX_FORMS = 4
"""Forms kept per name."""
MAX_INSERT = 2
"""Characters an insertion form may add between head and tail."""
TOTAL = "总"
"""The one insertion allowed inside a jieba word of the short name: the total of the same figure
(工业产值 > 工业总产值, 出口额 > 出口总额)."""
MEASURES = (("水平", "率", "比重", "占比", "比例"), ("总额", "总量", "总值"))
"""Measure words that name the same kind of figure: one may stand for another."""
_VERB_TEXT = (
    "达到 达 为 是 增长 增加 增速 提高 提高到 提升 提升到 上升 上升到 "
    "下降 下降到 降低 降到 降至 突破 完成 实现 超过 占 占到 比 比上年 "
    "同比 年均 分别 预计 力争 保持 保持在 控制 控制在 稳定 稳定在 由 从 "
    "到 至 约 近 逾 累计 共 总计 合计 全年 新增 增幅 幅度 以上 左右 "
    "首次 首超 再创 创 比重 的 超 第 排 排名 居 位居 列 名列 跃居 按 "
    "仅 只 每 "
)
VERBS = frozenset(_VERB_TEXT.split())
"""Words between an indicator's name and its figure (dropped from the end of the text)."""
FUNCTION = "的了和与及或并等是为在对将把向以从由被、"
"""Characters an insertion cannot hold (旅游和收入 is a list, not a form)."""
UNITS = "%|％|個百分點|个百分点|倍|元|亿|万|千瓦|吨|斤|平方|立方|公顷|亩|人次|公里|千米|米"
"""Units of a measured figure (a count of things, 5家 or 3个, names what is counted, not an
indicator)."""
_FIGURE = re.compile(r"([\u4e00-\u9fff]{2,20})[0-9０-９][0-9０-９.．,，]*\s*(?:" + UNITS + ")")
_CJK = re.compile(r"^[\u4e00-\u9fff]+$")


def names_before_figures(text: str, cut: Callable[[str], list[str]], stop: Set[str]) -> set[str]:
    """The indicator names of one report: the last one to three jieba words before each figure
    (the first of them a content word of two characters or more)."""
    out: set[str] = set()
    for m in _FIGURE.finditer(text):
        toks = cut(m.group(1))
        while toks and (toks[-1] in VERBS or (len(toks[-1]) == 1 and toks[-1] in FUNCTION)):
            toks.pop()
        for k in (1, 2, 3):
            if len(toks) < k:
                break
            first = toks[-k]
            if len(first) < 2 or first in stop or first in VERBS:
                continue
            name = "".join(toks[-k:])
            if 3 <= len(name) <= 10 and _CJK.match(name):
                out.add(name)
    return out


INSIDE = 0.5
"""A form whose figures are mostly inside a word of a longer name is left out (出口总值: most
are 进出口总值, another figure); see :func:`_inside_another`."""


def _inside_another(form: str, reports: Counter[str], cut: Callable[[str], list[str]]) -> bool:
    """Whether one or two characters before ``form`` make a name, written in at least
    :data:`INSIDE` of the reports that write ``form``, in which ``form`` starts inside a word
    (出口总值 in 进出口总值; not 消费品零售总额 in 社会消费品零售总额, the same figure)."""
    for longer in reports:
        if len(longer) - len(form) not in (1, 2) or not longer.endswith(form):
            continue
        if reports[longer] < INSIDE * reports[form]:
            continue
        at, starts = 0, set()
        for t in cut(longer):
            starts.add(at)
            at += len(t)
        if len(longer) - len(form) not in starts:
            return True
    return False


def pairs(
    reports: Counter[str], min_reports: int, cut: Callable[[str], list[str]]
) -> dict[str, list[str]]:
    """name -> its insertion and measure-word forms (both indicator names in ``min_reports``).
    An insertion goes between two jieba words of the short name (存款 is one word: 存贷款 is
    another indicator, not a form of it), and the tail starts a word of the long one (进 of
    跨境电商进出口 is part of 进出口: imports and exports, not the exports of 跨境电商出口),
    except after :data:`TOTAL`."""
    names = {n for n, k in reports.items() if k >= min_reports}
    bounds = {}
    for n in names:
        pos, b = 0, set()
        for t in cut(n)[:-1]:
            pos += len(t)
            b.add(pos)
        bounds[n] = b
    forms: dict[str, set[str]] = defaultdict(set)
    for long in names:
        for i in range(2, len(long) - 1):  # head of two characters or more, tail of one or more
            for g in range(1, MAX_INSERT + 1):
                if i + g >= len(long):
                    break
                mid = long[i : i + g]
                if any(c in FUNCTION for c in mid):
                    continue
                short = long[:i] + long[i + g :]
                if len(short) < 3 or short not in names:
                    continue
                # the tail starts a word of the long name too: 进 of 跨境电商进出口 joins 出口
                # (进出口, another figure); a total's 总 may (旅游总收入, 加工业总产值)
                whole = i + g in bounds[long] or mid.endswith(TOTAL)
                if mid == TOTAL or (i in bounds[short] and whole):
                    forms[short].add(long)
    for cls in MEASURES:
        for name in names:
            for m in cls:
                if name.endswith(m) and len(name) - len(m) >= 2:
                    head = name[: -len(m)]
                    for other in cls:
                        if other != m and head + other in names:
                            forms[name].add(head + other)
    out = {}
    for name, fs in forms.items():
        kept = sorted(fs, key=lambda f: (-reports[f], f))
        kept = [f for f in kept if name not in f and not _inside_another(f, reports, cut)]
        kept = kept[:MAX_FORMS]
        if kept:
            out[name] = kept
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("corpus")
    ap.add_argument("--sample", type=int, default=1500, help="reports sampled (default 1500)")
    ap.add_argument("--seed", type=int, default=20269)
    ap.add_argument("--min-reports", type=int, default=5)
    ap.add_argument("--out", default=str(OUT))
    args = ap.parse_args()
    import jieba

    from reporttui.core.index import dictionary

    jieba.setLogLevel(logging.WARNING)
    dictionary.prepare_jieba(None)
    from corpus_sample import unjudged_sample  # beside this script (judged reports left out)

    files = unjudged_sample(args.corpus, args.sample, args.seed)
    stop = set(
        (ROOT / "src" / "reporttui" / "core" / "data" / "stopwords.txt").read_text("utf-8").split()
    )
    reports: Counter[str] = Counter()
    for n, f in enumerate(files):
        text = f.read_text("utf-8", errors="replace")
        reports.update(names_before_figures(text, jieba.lcut, stop))
        if n % 250 == 0:
            print(f"{n} reports, {len(reports)} names", file=sys.stderr)
    table = pairs(reports, args.min_reports, jieba.lcut)
    head = [
        "# Indicator names as reports write them otherwise, generated by",
        "# scripts/gen_indicator_forms.py (do not edit: rerun it; add your own '>' lines to",
        "# <library home>/synonyms.txt).",
        f"# Mined from a random sample of {len(files)} corpus reports (seed {args.seed}; the ranking",
        "# benchmark's judged reports left out), never from a judged set or its queries.",
        "# '> NAME FORM...': NAME and each FORM are written right before a figure in >=",
        f"# {args.min_reports} reports; FORM is NAME with 1-{MAX_INSERT} characters inserted"
        " (旅游收入 > 旅游总收入)",
        "# or its measure word swapped (城镇化水平 > 城镇化率); one-way, NAME also finds FORM.",
    ]
    lines = [*head, *(f"> {n} {' '.join(fs)}" for n, fs in sorted(table.items()))]
    Path(args.out).write_text("\n".join(lines) + "\n", "utf-8")
    print(f"{len(table)} names -> {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
