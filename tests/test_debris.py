"""Scraper debris removed by statistics (issue 9); every removed piece is on Document.dropped."""

from __future__ import annotations

from reporttui.core.text.ingest import check_no_loss, parse_document

BODY = [
    "一年来，全市经济运行稳中有进，地区生产总值增长5.2%。",
    "我们坚持稳中求进工作总基调，扎实推进高质量发展。",
    "城乡居民收入稳步增长，民生保障持续改善。",
    "生态环境质量明显好转，空气优良天数比例提高。",
    "营商环境持续优化，市场主体活力不断增强。",
    "科技创新能力显著提升，新增高新技术企业120家。",
]


def _parse(src: str):  # type: ignore[no-untyped-def]
    doc = parse_document(src)
    assert check_no_loss(src, doc) == []
    return doc


def _reasons(doc) -> set[str]:  # type: ignore[no-untyped-def]
    return {d.reason for d in doc.dropped}


def test_a_token_repeated_at_line_ends_goes() -> None:
    src = "政府工作报告\n\n" + "\n\n".join(line + "22M" for line in BODY)
    doc = _parse(src)
    assert "22M" not in doc.text
    assert all(line in doc.text for line in BODY)
    assert "repeated line-end token" in _reasons(doc)


def test_a_watermark_after_the_sentence_end_goes() -> None:
    src = "政府工作报告\n\n" + "\n\n".join(line + "来自马克数据网" for line in BODY)
    doc = _parse(src)
    assert "马克数据" not in doc.text and all(line in doc.text for line in BODY)


def test_marker_runs_become_quotes_and_dashes() -> None:
    src = "政府工作报告\n\n编制;;十四五;;规划，坚持;;;;以人民为中心的发展思想。\n\n" + "\n\n".join(
        BODY
    )
    doc = _parse(src)
    assert "编制“十四五”规划，坚持——以人民为中心的发展思想。" in doc.text
    assert "marker run" in _reasons(doc)


def test_image_stubs_qr_lines_and_footer_links_go() -> None:
    src = (
        "市人大代表分团审议政府工作报告\n\n作者:佚名  时间:2021-02-06  来源:本站\n\n"
        + "\n\n".join(BODY)
        + "\n\n<image>data:image/png;base64,iVBORw0KGgo=</image>\n\n扫码关注微信公众号\n\n"
        "支持\n反对\n收藏\n分享\n"
    )
    doc = _parse(src)
    for junk in ("佚名", "data:image", "扫码", "收藏"):
        assert junk not in doc.text, junk
    assert all(line in doc.text for line in BODY)
    assert doc.meta.get("published") == "2021-02-06"


def test_a_line_repeated_on_every_page_goes_but_real_text_stays() -> None:
    pages = []
    for line in BODY:
        pages += [line[:16], "某某数据网整理发布", line[16:]]
    doc = _parse("政府工作报告\n\n" + "\n\n".join(pages))
    assert "某某数据网" not in doc.text and all(line in doc.text for line in BODY)


def test_a_title_repeated_in_a_file_of_several_reports_stays() -> None:
    src = "\n\n".join(["政府工作报告", *BODY] * 3)
    doc = _parse(src)
    assert doc.text.count("政府工作报告") == 3


def test_salutation_is_not_page_chrome() -> None:
    doc = _parse("政府工作报告\n\n市长 张三\n\n各位代表：\n\n" + "\n\n".join(BODY))
    assert "各位代表：" in doc.text and "市长 张三" in doc.text
