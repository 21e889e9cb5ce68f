"""Target versus result across years: did a region reach what it set out to do?

For a region with reports of consecutive years, the year-N report sets the year-N targets and the
year-N+1 report states the year-N results. :func:`track` lines them up per indicator and marks each
pair:

- ``met``: the result reaches the target (see :func:`judge` for what "reaches" means for 左右,
  以上, 以内, ranges and the qualitative targets 同步 / 高于 / 正增长 / 基本平衡);
- ``missed``: it does not;
- ``no figure``: the next report gives no result for the indicator, or the next report is not in
  the library (then the year is still open), or the target is qualitative and the result cannot
  be compared with it.

Everything is data: the UI and the CLI only display the :class:`TrackTable`; each cell keeps both
source rows so that a reader can open the sentence where the target and the result were stated.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from reporttui.core.analysis.targets import Indicator, extract_targets
from reporttui.core.model import Document

MET = "met"
MISSED = "missed"
NO_FIGURE = "no figure"

TOLERANCE = 0.5
"""A 左右 target of growth is reached within this many points of it (5%左右 met by 4.6%)."""

_LOWER_IS_BETTER = re.compile(r"失业率|居民消费价格|能耗|排放|负债")
"""Indicators whose target is a ceiling (城镇调查失业率5.5%左右, 居民消费价格涨幅3%左右)."""


_SPLIT = {
    "城乡居民人均可支配收入增长": ("城镇居民人均可支配收入增长", "农村居民人均可支配收入增长"),
    "城乡居民人均可支配收入": ("城镇居民人均可支配收入", "农村居民人均可支配收入"),
}
"""A joint indicator and the two a report gives its result as."""


@dataclass(frozen=True, slots=True)
class TrackCell:
    """One indicator in one year: the target, the result, and the verdict."""

    year: int
    indicator: str
    target: Indicator | None
    result: Indicator | None
    status: str
    """:data:`MET`, :data:`MISSED` or :data:`NO_FIGURE`."""
    reason: str
    """One line saying why ("4.6% against 5% 左右", "next report not in the library")."""

    def to_json(self) -> dict[str, object]:
        def side(row: Indicator | None) -> dict[str, object] | None:
            if row is None:
                return None
            return {
                "value": row.value,
                "unit": row.unit,
                "qualifier": row.qualifier,
                "text": row.text,
                "doc": row.doc,
                "path": row.path,
                "region": row.region,
                "report_year": _report_year(row),
                "section": row.section,
            }

        return {
            "year": self.year,
            "indicator": self.indicator,
            "status": self.status,
            "reason": self.reason,
            "target": side(self.target),
            "result": side(self.result),
        }


@dataclass(frozen=True, slots=True)
class TrackTable:
    """A region's targets and results, indicators as rows and years as columns."""

    region: str
    years: tuple[int, ...]
    """The target years shown (the years of the region's reports, oldest first)."""
    documents: dict[int, Document]
    """The report used for each year."""
    rows: tuple[tuple[str, tuple[TrackCell | None, ...]], ...]
    """(indicator, one cell per year; None where that year's report sets no such target)."""

    def cells(self) -> Iterable[TrackCell]:
        for _, cells in self.rows:
            yield from (c for c in cells if c is not None)

    def to_json(self) -> dict[str, object]:
        return {
            "region": self.region,
            "years": list(self.years),
            "documents": {
                str(y): {"doc": d.id, "path": d.path, "title": d.title}
                for y, d in self.documents.items()
            },
            "rows": [c.to_json() for c in self.cells()],
        }


def _report_year(row: Indicator) -> int | None:
    """The year of the report a row was read from (a result row is for the year before)."""
    if row.year is None:
        return None
    return row.year + 1 if row.kind == "result" else row.year


def judge(
    target: Indicator, result: Indicator | None, gdp_result: Indicator | None
) -> tuple[str, str]:
    """(status, reason) for one target against its result (module docstring)."""
    if result is None:
        return NO_FIGURE, "no result for this indicator in the next report"
    got = result.value
    if target.value is None:
        qual = target.qualifier
        if "平衡" in qual:
            ok = "平衡" in result.qualifier or "平衡" in result.text
            return (MET, "基本平衡 reported") if ok else (NO_FIGURE, "balance not stated")
        if got is None:
            return NO_FIGURE, f"result not a number ({result.qualifier or result.text[:20]})"
        if "正增长" in qual or re.search(r"稳[步定]增长", qual):
            return (MET if got > 0 else MISSED), f"{got:g}{result.unit} against {qual}"
        if (
            ("同步" in qual or "一致" in qual or "高于" in qual or "快于" in qual)
            and gdp_result
            and gdp_result.value is not None
        ):
            gdp = gdp_result.value
            if "同步" in qual or "一致" in qual:  # 与经济发展趋势基本一致 reads as 同步
                ok = got >= gdp - TOLERANCE
            else:
                ok = got > gdp
            return (MET if ok else MISSED), f"{got:g}% against GDP {gdp:g}% ({qual})"
        return NO_FIGURE, f"{qual}: nothing to compare with"
    if got is None:
        return NO_FIGURE, "result not a number"
    if target.unit != result.unit:
        return NO_FIGURE, f"units differ ({target.unit} / {result.unit})"
    want = target.value
    lower_better = bool(_LOWER_IS_BETTER.search(target.indicator))
    qual = target.qualifier
    if qual.startswith("至"):  # a range 6%-6.5%: its low end must be reached
        ok = got >= want
    elif qual == "以上" and want < 0:  # 能耗下降3.1%以上: the fall must be at least as deep
        ok = got <= want
    elif qual in ("以内", "以下") or (lower_better and qual != "以上"):
        ok = got <= want + (TOLERANCE if qual == "左右" and target.unit == "%" else 0)
    elif qual == "左右":
        slack = TOLERANCE if target.unit in ("%", "个百分点") else abs(want) * 0.01
        ok = got >= want - slack
    else:  # 以上, 力争, 突破 or plain: the figure itself
        ok = got >= want
    shown = f"{got:g}{result.unit} against {want:g}{target.unit}" + (f" {qual}" if qual else "")
    return (MET if ok else MISSED), shown


def pick_reports(documents: Sequence[Document]) -> dict[int, Document]:
    """One report per year: the fullest 政府工作报告 when a year has several (a digest, a feature)."""
    chosen: dict[int, Document] = {}
    for doc in documents:
        if doc.year is None:
            continue
        best = chosen.get(doc.year)
        if best is None or _weight(doc) > _weight(best):
            chosen[doc.year] = doc
    return dict(sorted(chosen.items()))


def _weight(doc: Document) -> tuple[int, int]:
    return (1 if (doc.kind or "").startswith("政府工作报告") else 0, len(doc.text))


def track(region: str, documents: Sequence[Document]) -> TrackTable:
    """Line up year-N targets with the year-N results of the year-N+1 report (module docstring)."""
    reports = pick_reports(documents)
    rows_by_year = {year: extract_targets(doc) for year, doc in reports.items()}
    targets: dict[int, dict[str, Indicator]] = {}
    results: dict[int, dict[str, Indicator]] = {}
    for year, rows in rows_by_year.items():
        for row in rows:
            if row.kind == "target" and row.year == year:
                targets.setdefault(year, {}).setdefault(row.indicator, row)
            elif row.kind == "result" and row.year == year - 1:
                results.setdefault(year - 1, {}).setdefault(row.indicator, row)
    years = tuple(y for y in reports if y in targets)
    order: list[str] = []
    for year in years:
        for name in targets[year]:
            if name not in order:
                order.append(name)
    table_rows: list[tuple[str, tuple[TrackCell | None, ...]]] = []
    for name in order:
        cells: list[TrackCell | None] = []
        for year in years:
            target = targets[year].get(name)
            if target is None:
                cells.append(None)
                continue
            if year + 1 not in reports:
                cells.append(
                    TrackCell(year, name, target, None, NO_FIGURE, "next report not in the library")
                )
                continue
            year_results = results.get(year, {})
            result = year_results.get(name)
            gdp = year_results.get("地区生产总值增长")
            status, reason = judge(target, result, gdp)
            if result is None and name in _SPLIT:
                # 城乡居民收入 set as one target, reported for 城镇 and 农村: both must reach it
                parts = [(p, year_results.get(p)) for p in _SPLIT[name]]
                if all(r is not None for _, r in parts):
                    verdicts = [judge(target, r, gdp) for _, r in parts]
                    status = (
                        MISSED
                        if any(v[0] == MISSED for v in verdicts)
                        else (MET if all(v[0] == MET for v in verdicts) else NO_FIGURE)
                    )
                    reason = "; ".join(
                        f"{p[:2]} {v[1]}" for (p, _), v in zip(parts, verdicts, strict=False)
                    )
                    result = parts[0][1]
            cells.append(TrackCell(year, name, target, result, status, reason))
        table_rows.append((name, tuple(cells)))
    return TrackTable(region, years, {y: reports[y] for y in years}, tuple(table_rows))


def region_documents(entries: Iterable[object], region: str) -> list[object]:
    """Library entries of one region: exact name first (太原市), else a unique name containing it."""
    listed = [e for e in entries if getattr(e, "region", None)]
    exact = [e for e in listed if e.region == region]  # type: ignore[attr-defined]
    if exact:
        return exact
    names = sorted({e.region for e in listed if region in e.region})  # type: ignore[attr-defined]
    if len(names) == 1:
        return [e for e in listed if e.region == names[0]]  # type: ignore[attr-defined]
    if len(names) > 1:
        raise ValueError(f"{region!r} matches several regions: {'、'.join(names[:8])}")
    return []
