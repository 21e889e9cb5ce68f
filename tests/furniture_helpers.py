"""Shared pieces of the furniture tests: a county session item's body and the parse helpers."""

from __future__ import annotations

from reporttui.core.model import Document
from reporttui.core.text.ingest import check_no_loss, parse_document

BODY = [
    "1月23日上午，县政协十届一次会议在县城隆重开幕，来自各界别的委员出席会议。",
    "会议听取并审议了县政协常务委员会工作报告，委员们认为报告实事求是、重点突出。",
    "县委书记出席会议并讲话，要求全县上下凝心聚力，推动经济社会高质量发展。",
    "会议期间，委员们将围绕全县发展大局，积极建言献策，认真履行职能。",
]


def _parse(src: str) -> Document:
    doc = parse_document(src)
    assert check_no_loss(src, doc) == []
    return doc


def _dropped(doc: Document) -> str:
    return "\n".join(d.text for d in doc.dropped)


def _kept(doc: Document) -> bool:
    return all(line in doc.text for line in BODY)
