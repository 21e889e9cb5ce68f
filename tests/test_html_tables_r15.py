"""Round 15 (issue 9): a saved page whose article is a data table (pages28: a regulator's penalty
disclosure, label | value rows) keeps the table as its rows, under the title printed over it, and
is not confused with the page's menus, message lists, disclaimer box or a layout table."""

from __future__ import annotations

import gzip
from pathlib import Path

from reporttui.core.text import article, html
from reporttui.core.text.ingest import check_no_loss, parse_document

DATA = Path(__file__).parent / "data" / "inputs" / "pages28"


def _parse(name: str) -> tuple[str, object]:
    raw = gzip.decompress((DATA / name).read_bytes())
    doc = parse_document(raw, name.removesuffix(".gz"))
    assert check_no_loss(raw.decode("utf-8"), doc) == []
    return raw.decode("utf-8"), doc


def test_a_label_value_table_is_the_article_and_its_rows_stay_rows() -> None:
    _, doc = _parse("nfra-fuxing-chufa-2024.html.gz")
    assert doc.title == "国家金融监督管理总局行政处罚信息公开表"  # not the masthead's site name
    lines = doc.text.split("\n")
    rows = [x for x in lines if "行政处罚决定书文号" in x]
    assert len(rows) == 1  # the print copy AngularJS hides (ng-hide) is not printed again
    assert "金罚决字〔2024〕36号" in rows[0]
    # A value cell of several paragraphs, one of them sentences, stays one row of the table.
    decision = next(x for x in lines if "合计罚款158万元" in x)
    assert "行政处罚决定" in decision and "对吕志坚警告并罚款1万元" in decision
    # The site's copyright and disclaimer box is no article text; it stays in the dropped view.
    assert "版权与免责声明" not in doc.text and "凡本站及其子站" not in doc.text
    assert any("凡本站及其子站" in d.text for d in doc.dropped)
    # The page's other grid (a list of visitors' questions with dates) is not the article's.
    assert "请问如何查询金融许可证" not in doc.text


def test_a_table_whose_first_cell_is_a_word_bookmark_keeps_its_header_row() -> None:
    _, doc = _parse("nfra-zhejiang-chufa-2025.html.gz")
    # The title printed over two lines of one element (…公开表<br>（…52号）) is one title.
    assert doc.title == "国家金融监督管理总局浙江监管局行政处罚信息公开表（浙金罚决字〔2024〕52号）"
    header = next(x for x in doc.text.split("\n") if "当事人名称" in x)
    # <a name="OLE_LINK3">序号</a> is a bookmark, not a link: the header row is whole, and a
    # menu's 行政处罚 link is not taken for the start of its third cell.
    assert "序号" in header and "行政处罚决定书文号" in header and "作出决定机关" in header
    assert "给予投保人保险合同约定以外的其他利益" in doc.text


_ARTICLE = (
    "会议听取并审议了县政协常务委员会工作报告，委员们认为报告实事求是、重点突出。"
    "县委书记出席会议并讲话，要求全县上下凝心聚力，推动经济社会高质量发展。"
)


def test_a_layout_table_with_an_article_cell_is_no_data_table() -> None:
    # A government page laid out as label | value rows whose 正文 cell holds the article: the
    # article's paragraphs stay paragraphs, not one table line; pages28's rows are one.
    body = "".join(f"<p>{_ARTICLE}</p>" for _ in range(5))
    src = (
        "<html><head><title>县政协十届一次会议开幕</title></head><body><table>"
        "<tr><td>标题</td><td>县政协十届一次会议开幕</td></tr>"
        "<tr><td>发布日期</td><td>2024年1月23日</td></tr>"
        f"<tr><td>正文</td><td>{body}</td></tr></table></body></html>"
    )
    doc = parse_document(src.encode("utf-8"), "page.html")
    assert check_no_loss(src, doc) == []
    assert _ARTICLE in doc.text
    assert not any(x.startswith("|") and _ARTICLE in x for x in doc.text.split("\n"))
    segs = html._segments(src, [])
    for seg in segs:
        seg.keep = not seg.in_title  # every cell kept: the table itself taken as the article
    assert html._data_tables(segs) == set()
    raw = gzip.decompress((DATA / "nfra-fuxing-chufa-2024.html.gz").read_bytes()).decode("utf-8")
    segs = html._segments(raw, [])
    html._mark_content(segs, html._main_content(raw)[0])
    assert len(html._data_tables(segs)) == 1


def test_a_notice_box_inside_the_article_after_its_text_is_no_box() -> None:
    # A 免责声明 line the article's own container carries after its paragraphs does not open a
    # box: the article stays the article.
    paras = "".join(f"<p>{_ARTICLE}</p>" for _ in range(3))
    src = (
        "<html><head><title>县政协十届一次会议开幕</title></head><body><div class='content'>"
        f"{paras}<p>免责声明</p><p>本文仅供参考。</p></div></body></html>"
    )
    found = article.extract(src)
    assert found is not None and found.blocks.count(_ARTICLE) == 3
