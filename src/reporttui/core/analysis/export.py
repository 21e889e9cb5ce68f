"""Export of comparisons, targets, tracking tables and keywords as CSV, JSON or Markdown.

Every exporter first turns its object into flat rows (dicts with the same keys in the same order),
each carrying its citation: region, year, report (title) and section, plus the path and document id
so the source can be found again. :func:`render` writes rows in one of the three formats; the CLI
prints it and the app's ``e`` key writes it to a file (:func:`write_export`, atomically).
"""

from __future__ import annotations

import csv
import io
import json
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from reporttui.core.analysis.compare import Comparison
from reporttui.core.analysis.keywords import KeywordDiff, TermCount
from reporttui.core.analysis.targets import Indicator, format_value
from reporttui.core.analysis.track import TrackTable
from reporttui.core.model import Document

FORMATS = ("csv", "json", "md")

Row = dict[str, Any]


def _cite(doc: Document, section: str = "") -> Row:
    return {
        "region": doc.region or "",
        "year": doc.year if doc.year is not None else "",
        "report": doc.title or doc.kind or Path(doc.path).name,
        "section": section,
        "path": doc.path,
        "doc": doc.id,
    }


def comparison_rows(comparison: Comparison) -> list[Row]:
    """One row per (theme, side, unit); a theme one side lacks gets a row saying so."""
    rows: list[Row] = []
    for row in comparison.rows:
        for side_name, side, refs in (
            ("A", comparison.a, row.a_sections),
            ("B", comparison.b, row.b_sections),
        ):
            shared = " ".join(row.shared_terms[:8])
            only = " ".join((row.only_a if side_name == "A" else row.only_b)[:8])
            if not refs:
                rows.append(
                    {
                        "theme": row.name,
                        "side": side_name,
                        "unit": "",
                        "role": "gap",
                        "score": "",
                        "evidence": "",
                        "best_match": "",
                        "similarity": "",
                        "shared_terms": shared,
                        "only_this_side": only,
                        **_cite(side.document),
                    }
                )
                continue
            for ref in refs:
                rows.append(
                    {
                        "theme": row.name,
                        "side": side_name,
                        "unit": ref.title,
                        "role": ref.role,
                        "score": ref.score,
                        "evidence": "、".join(ref.evidence[:5]),
                        "best_match": ref.match_title or "",
                        "similarity": ref.similarity,
                        "shared_terms": shared,
                        "only_this_side": only,
                        **_cite(side.document, ref.title),
                    }
                )
    return rows


def indicator_rows(per_doc: Sequence[tuple[Document, Sequence[Indicator]]]) -> list[Row]:
    """One row per extracted figure, with its kind, year and source clause."""
    rows: list[Row] = []
    for doc, indicators in per_doc:
        for r in indicators:
            cite = _cite(doc, r.section)
            cite["year"] = doc.year if doc.year is not None else ""
            rows.append(
                {
                    "indicator": r.indicator,
                    "kind": r.kind,
                    "for_year": r.year if r.year is not None else "",
                    "value": "" if r.value is None else r.value,
                    "unit": r.unit,
                    "qualifier": r.qualifier,
                    "shown": format_value(r),
                    "scope": r.scope,
                    "text": r.text,
                    **cite,
                }
            )
    return rows


def track_rows(table: TrackTable) -> list[Row]:
    """One row per (indicator, year): target, result, verdict, and both citations."""
    rows: list[Row] = []
    for cell in table.cells():
        target_doc = table.documents.get(cell.year)
        result_doc = table.documents.get(cell.year + 1) if cell.result else None
        rows.append(
            {
                "region": table.region,
                "indicator": cell.indicator,
                "year": cell.year,
                "target": format_value(cell.target) if cell.target else "",
                "result": format_value(cell.result) if cell.result else "",
                "status": cell.status,
                "reason": cell.reason,
                "target_report": target_doc.title if target_doc else "",
                "target_section": cell.target.section if cell.target else "",
                "target_text": cell.target.text if cell.target else "",
                "target_path": cell.target.path if cell.target else "",
                "result_report": result_doc.title if result_doc else "",
                "result_section": cell.result.section if cell.result else "",
                "result_text": cell.result.text if cell.result else "",
                "result_path": cell.result.path if cell.result else "",
            }
        )
    return rows


def keyword_rows(
    doc: Document,
    top: Sequence[TermCount],
    diff: KeywordDiff | None = None,
    base: Document | None = None,
) -> list[Row]:
    """Top terms of ``doc`` (list "top"), then new/rising/falling against ``base``."""
    rows: list[Row] = []
    for rank, t in enumerate(top, 1):
        rows.append(
            {
                "list": "top",
                "rank": rank,
                "term": t.term,
                "count": t.count,
                "rate": t.rate,
                "vs_count": "",
                "vs_rate": "",
                **_cite(doc),
                "vs_report": "",
            }
        )
    if diff is not None and base is not None:
        for name, items in (("new", diff.new), ("rising", diff.rising), ("falling", diff.falling)):
            for rank, c in enumerate(items, 1):
                rows.append(
                    {
                        "list": name,
                        "rank": rank,
                        "term": c.term,
                        "count": c.other_count,
                        "rate": c.other_rate,
                        "vs_count": c.base_count,
                        "vs_rate": c.base_rate,
                        **_cite(doc),
                        "vs_report": f"{base.region or ''} {base.year or ''} {base.title}".strip(),
                    }
                )
    return rows


def _md_cell(value: Any) -> str:
    return str(value).replace("|", "\\|").replace("\n", " ")


def render(rows: Sequence[Row], fmt: str, title: str = "") -> str:
    """``rows`` as CSV (header line first), JSON (a list of objects) or a Markdown table."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r} (use one of {', '.join(FORMATS)})")
    if fmt == "json":
        return json.dumps(list(rows), ensure_ascii=False, indent=2) + "\n"
    keys = list(rows[0]) if rows else []
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=keys, lineterminator="\n")
        if keys:
            writer.writeheader()
            writer.writerows(rows)
        return buffer.getvalue()
    lines = [f"# {title}", ""] if title else []
    if not keys:
        return "\n".join([*lines, "(nothing to export)", ""])
    lines.append("| " + " | ".join(keys) + " |")
    lines.append("|" + "---|" * len(keys))
    lines.extend("| " + " | ".join(_md_cell(r.get(k, "")) for k in keys) + " |" for r in rows)
    return "\n".join(lines) + "\n"


def write_export(text: str, folder: Path, stem: str, fmt: str) -> Path:
    """Write ``text`` to ``folder/stem.fmt`` atomically (a new name if that file exists)."""
    folder.mkdir(parents=True, exist_ok=True)
    safe = "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in stem).strip("_") or "export"
    target = folder / f"{safe}.{fmt}"
    n = 2
    while target.exists():
        target = folder / f"{safe}-{n}.{fmt}"
        n += 1
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=".export-", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target


def exports_dir(home: Path) -> Path:
    """Where the app writes exports: ``<library home>/exports``."""
    return home / "exports"
