"""Round 14 (issue 9): text a saved page never shows (inside a display:none element) is chrome,
unless it reads as prose; a page whose article itself starts hidden keeps it."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from reporttui.core.text import html
from reporttui.core.text.ingest import check_no_loss, parse_document

DATA = Path(__file__).parent / "data" / "inputs"
BODY = [
    "1月23日上午，县政协十届一次会议在县城隆重开幕，来自各界别的委员出席会议。",
    "会议听取并审议了县政协常务委员会工作报告，委员们认为报告实事求是、重点突出。",
    "县委书记出席会议并讲话，要求全县上下凝心聚力，推动经济社会高质量发展。",
]


def _page(article: str, extra: str) -> str:
    return (
        "<!DOCTYPE html><html><head><title>县政协十届一次会议开幕</title></head><body>"
        f"<div id='js_content'>{article}</div>{extra}</body></html>"
    )


def _paras(lines: list[str]) -> str:
    return "".join(f"<p>{x}</p>" for x in lines)


def test_a_wechat_pages_hidden_widgets_go_and_its_story_stays() -> None:
    # pages23 p23-02: the toast, the dialog and the screen reader's labels of a WeChat article.
    raw = gzip.decompress((DATA / "pages23" / "zhyc-weixin-yingji-2024.html.gz").read_bytes())
    doc = parse_document(raw, "zhyc-weixin-yingji-2024.html")
    assert check_no_loss(raw.decode("utf-8"), doc) == []
    for widget in ("预览时标签不可点", "轻点两下取消赞", "知道了", "使用小程序"):
        assert widget not in doc.text
        assert any(widget in d.text for d in doc.dropped)
    assert "今年6月是第23个全国“安全生产月”" in doc.text


def test_hidden_labels_go_and_a_hidden_sentence_stays(monkeypatch: pytest.MonkeyPatch) -> None:
    # The page-wide path, taken when no part of the page reads as an article (the density pass
    # skips hidden elements on its own).
    monkeypatch.setattr(html, "_main_content", lambda source: None)
    note = "本次会议共收到委员提案三百二十件，内容涉及经济发展、社会民生等各个方面。"
    extra = (
        '<div class="dialog" style="display: none;"><a href="#">知道了</a>'
        "<span>取消</span><span>允许</span></div>"
    )
    src = _page(_paras(BODY) + f'<div style="display:none"><p>{note}</p></div>', extra)
    doc = parse_document(src, "page.html")
    assert check_no_loss(src, doc) == []
    assert "知道了" not in doc.text and "允许" not in doc.text
    assert note in doc.text and all(x in doc.text for x in BODY)


def test_a_page_mostly_hidden_keeps_its_article() -> None:
    # A page whose script reveals the article (the whole body display:none until it runs).
    src = _page(f'<div style="display:none">{_paras(BODY)}<span>编辑部</span></div>', "")
    doc = parse_document(src, "page.html")
    assert all(x in doc.text for x in BODY) and "编辑部" in doc.text
