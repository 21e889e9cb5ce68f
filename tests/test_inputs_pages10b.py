"""Classes of web-page problems left by the pages10/pages11 blind runs (issue 9, round 6
follow-up), each on the real saved page that showed it (tests/data/inputs/, sources in
SOURCES.md) and on a short page of the same shape."""

from __future__ import annotations

import gzip
from pathlib import Path

from reporttui.core.model import Document
from reporttui.core.text.ingest import check_no_loss, parse_document

DATA = Path(__file__).parent / "data" / "inputs"
PARA = "<p>会议指出，要坚持问题导向，抓好各项任务落实，推动工作取得新的更大成效。</p>" * 4


def _page(name: str) -> tuple[str, Document]:
    raw = gzip.decompress((DATA / name).read_bytes())
    doc = parse_document(raw, name.removesuffix(".gz"))
    return raw.decode("utf-8"), doc


def _html(head: str, body: str) -> str:
    return f"<html><head>{head}</head><body>{body}</body></html>"


def test_a_headline_broken_by_br_keeps_both_lines() -> None:
    raw, doc = _page("scgov-yiyao-2024.html.gz")
    assert doc.title == "四川省医药健康产业供需对接活动在成都举行 现场发布医药健康产业供需清单"
    assert check_no_loss(raw, doc) == []
    head = "<title>某某活动在某市举行 <br>现场发布清单- 某某省人民政府网站</title>"
    head += "<meta name='ArticleTitle' content='某某活动在某市举行 现场发布清单'>"
    src = _html(head, "<h2>某某活动在某市举行 <br>现场发布清单</h2><div>" + PARA + "</div>")
    assert parse_document(src, "a.html").title == "某某活动在某市举行 现场发布清单"
    # Two headings of their own are no broken headline: the meta alone does not join them.
    src2 = _html(head, "<h2>某某活动在某市举行</h2><h3>现场发布清单</h3><div>" + PARA + "</div>")
    assert parse_document(src2, "b.html").title != "某某活动在某市举行 现场发布清单"


def test_a_date_meta_that_is_the_page_build_time_gives_way_to_the_printed_date() -> None:
    # PubDate 2022-10-14 is the page's 页面生成时间; the article prints 2020年09月15日 09时32分.
    _, doc = _page("scgov-mianyang-2020.html.gz")
    assert doc.year == 2020
    body = "<h1>某市开展服务企业活动</h1><div>2020年09月15日 09时32分</div><div>" + PARA + "</div>"
    built = "<meta name='others' content='页面生成时间 2022-10-14 10:16:14'>"
    meta = "<meta name='PubDate' content='2022-10-14 10:16:14'>"
    assert parse_document(_html(meta + built, body), "a.html").year == 2020
    # A PubDate that is not the build time still wins over a printed date (measured: 2 pages to
    # 0 of the judged ones where they differ).
    other = "<meta name='others' content='页面生成时间 2023-01-01 10:16:14'>"
    assert parse_document(_html(meta + other, body), "b.html").year == 2022
