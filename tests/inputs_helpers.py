"""Helpers of the input-class tests: parse a real judged file with the no-loss check, and list
what a rule dropped."""

from __future__ import annotations

from pathlib import Path

from reporttui.core.model import Document
from reporttui.core.text.ingest import check_no_loss, parse_document


def parse_checked(path: Path) -> tuple[Document, str]:
    """The parsed file and its text; everything removed must be in the dropped view."""
    raw = path.read_bytes()
    doc = parse_document(raw, path.name)
    text = raw.decode("utf-8")
    assert check_no_loss(text, doc) == []
    return doc, text


def dropped(doc: Document, reason: str) -> list[str]:
    """The dropped pieces of one reason."""
    return [d.text for d in doc.dropped if d.reason == reason]
