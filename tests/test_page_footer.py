"""Chrome by position on saved page texts (issue 9, pages17): the footer zone, a bare counter."""

from __future__ import annotations

from pathlib import Path

from reporttui.core.text.ingest import check_no_loss, parse_document

DATA = Path(__file__).parent / "data" / "inputs" / "pages17"


def _parse(name: str):
    p = DATA / name
    raw = p.read_bytes()
    doc = parse_document(raw, str(p))
    assert check_no_loss(raw.decode("utf-8"), doc) == []
    return doc


def test_footer_lines_after_the_body_go_with_the_footer() -> None:
    doc = _parse("gszx-tian-2007.txt")
    assert "77-77" not in doc.text and "最佳分辨率" not in doc.text
    gone = {d.text for d in doc.dropped if d.reason == "page chrome"}
    assert "77-77" in gone and "最佳分辨率1920×1080 IE8以上版本浏览" in gone
    assert "大会共收到提案4516件。" in doc.text


def test_bare_counter_in_the_opening_is_chrome() -> None:
    doc = _parse("xmrd-xinyong-2018.txt")
    assert "4874268" not in doc.text
    assert any(d.text == "4874268" for d in doc.dropped)


def test_closing_lines_stay_without_a_footer() -> None:
    # A signature and date after the last sentence are the document's, not a footer's.
    text = (
        "关于某县2024年工作的报告\n\n"
        "各位代表：\n\n"
        "今年全县经济运行总体平稳，主要指标符合预期，民生保障持续加强。\n\n"
        "某县人民政府\n\n"
        "2024年1月10日\n"
    )
    doc = parse_document(text.encode("utf-8"), "sign.txt")
    assert "某县人民政府" in doc.text and "2024年1月10日" in doc.text


def test_site_name_learned_from_title_part_the_footer_owns() -> None:
    from reporttui.core.text.html import _learned_site, extract_page

    page = (
        "<html><head><title>全县春耕生产有序推进 - 青山日报网</title></head><body>"
        '<img src="logo.png" alt="青山日报网"><h1>全县春耕生产有序推进</h1>'
        "<p>连日来，全县各地抢抓农时，春耕生产有序推进，农机作业面积持续扩大。</p>"
        "<div>版权所有：青山日报网 备案号</div></body></html>"
    )
    assert extract_page(page).site == "青山日报网"
    # The headline repeated as an image's alt text is not the owner.
    assert (
        _learned_site(
            '<head></head><img alt="全县春耕生产有序推进">', "全县春耕生产有序推进 - 某网"
        )
        == ""
    )


def test_traditional_follow_widget_goes_with_its_label() -> None:
    doc = _parse("morebahis-shaoyang-2017.txt")
    assert "二維碼" not in doc.text and "湖南人大微信" not in doc.text
    assert {d.reason for d in doc.dropped if "微信" in d.text or "二維碼" in d.text} == {
        "qr boilerplate"
    }
