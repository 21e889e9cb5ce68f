"""Export tagged passages with their citations: Markdown, CSV or JSON (plain text out)."""

from __future__ import annotations

import csv
import io
import json
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path

from reporttui.core.library.tags import CHANGED, TaggedPassage

FORMATS = ("md", "csv", "json")
CSV_COLUMNS = (
    "tags",
    "region",
    "year",
    "kind",
    "title",
    "section_path",
    "paragraph",
    "text",
    "note",
    "status",
    "current_text",
    "doc_id",
    "path",
    "citation",
)


def citation(p: TaggedPassage) -> str:
    """ "——太原市 2025年 政府工作报告《…》，一、… › (一)…，第12段" (like the reader's ``y``)."""
    bits = [p.region or "地区不明", f"{p.year}年" if p.year else "年份不明"]
    name = p.kind or ""
    if p.title and p.title != p.kind:
        name = f"{name}《{p.title}》" if name else f"《{p.title}》"
    bits.append(name)
    where = [" › ".join(p.section_path)] if p.section_path else []
    where.append(f"第{p.paragraph}段")
    return "——" + " ".join(b for b in bits if b) + "，" + "，".join(where)


def _row(p: TaggedPassage) -> dict[str, object]:
    return {
        "tags": list(p.tags),
        "region": p.region,
        "year": p.year,
        "kind": p.kind,
        "title": p.title,
        "section_path": list(p.section_path),
        "paragraph": p.paragraph,
        "text": p.text,
        "note": p.note,
        "status": p.status,
        "current_text": p.current_text,
        "doc_id": p.doc_id,
        "path": p.path,
        "citation": citation(p),
    }


def to_json(passages: Sequence[TaggedPassage]) -> str:
    return json.dumps([_row(p) for p in passages], ensure_ascii=False, indent=2)


def to_csv(passages: Sequence[TaggedPassage]) -> str:
    """One line per passage; list fields joined with "; " and " › "."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for p in passages:
        row = _row(p)
        row["tags"] = "; ".join(p.tags)
        row["section_path"] = " › ".join(p.section_path)
        writer.writerow(["" if row[c] is None else row[c] for c in CSV_COLUMNS])
    return out.getvalue()


def _quote(text: str) -> str:
    return "\n".join("> " + line for line in text.splitlines() or [""])


def to_markdown(passages: Sequence[TaggedPassage], tag: str | None = None) -> str:
    """Passages grouped by tag (each passage under every tag it has), quoted, with citations."""
    names = [tag] if tag else sorted({t for p in passages for t in p.tags})
    lines = [f"# 标签 {tag}" if tag else "# 标签摘录", ""]
    for name in names:
        items = [p for p in passages if name in p.tags]
        if not items:
            continue
        lines += [f"## {name}（{len(items)}）", ""]
        for p in items:
            lines.append(_quote(p.text))
            lines.append(">")
            lines.append(f"> {citation(p)}")
            if p.status == CHANGED and p.current_text:
                lines += ["", "*原文已改动，现为：*", "", _quote(p.current_text)]
            elif p.flagged:
                lines += ["", f"*状态：{p.status}（原文中未找到）*"]
            if p.note:
                lines += ["", f"笔记：{p.note}"]
            others = [t for t in p.tags if t != name]
            if others:
                lines += ["", "其他标签：" + "、".join(others)]
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def export(passages: Sequence[TaggedPassage], fmt: str, tag: str | None = None) -> str:
    """The passages in format ``fmt`` (one of :data:`FORMATS`)."""
    if fmt == "md":
        return to_markdown(passages, tag)
    if fmt == "csv":
        return to_csv(passages)
    if fmt == "json":
        return to_json(passages)
    raise ValueError(fmt)


def write_atomically(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` via a temporary file and a rename (never half a file)."""
    folder = path.parent if str(path.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}-", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
