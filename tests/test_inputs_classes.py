"""Round-3 classes of input problems (issue 9), each on a short text of the shape found in real
files (the judged sample holds the real files themselves)."""

from __future__ import annotations

from reporttui.core.text.ingest import check_no_loss, parse_document


def _reasons(doc: object, text: str) -> list[str]:
    return [d.reason for d in doc.dropped if text in d.text]  # type: ignore[attr-defined]


def test_a_title_line_with_the_meeting_line_glued_on_is_cut() -> None:
    doc = parse_document(
        "政府工作报告——2024年1月28日在邢台市第十六届人民代表大会第五次会议上\n\n"
        "邢台市人民政府市长 宋华英\n\n各位代表：\n\n现在，我代表市人民政府向大会作工作报告，请予审议。\n"
    )
    assert doc.title == "政府工作报告"
    assert (doc.region, doc.year, doc.kind) == ("邢台市", 2024, "政府工作报告")


def test_a_cover_notice_gives_way_to_the_reports_own_title() -> None:
    doc = parse_document(
        "> **西安市人民政府关于印发叶牛平市长在市十七届人大七次会议上所作《政府工作报告》的通知**\n>\n"
        "> 各区、县人民政府：\n>\n> 《政府工作报告》已经大会审议通过，现印发给你们，请认真抓好落实。\n>\n"
        "> 西安市人民政府\n\n政府工作报告\n\n——2026年2月27日在西安市第十七届人民代表大会第七次会议上\n\n"
        "西安市市长 叶牛平\n\n各位代表：\n\n现在，我代表西安市人民政府向大会报告工作，请予审议。\n\n"
        "一、2025年工作回顾\n\n2025年，我们坚持稳中求进。\n"
    )
    assert doc.title == "政府工作报告"
    assert ">" not in doc.text.split("\n")  # empty blockquote lines are markup


def test_a_resolution_printed_before_its_report() -> None:
    doc = parse_document(
        "深圳市第七届人民代表大会第六次会议关于深圳市人民政府工作报告的决议\n\n"
        "（2025年2月27日深圳市第七届人民代表大会第六次会议通过）\n\n"
        "深圳市第七届人民代表大会第六次会议听取和审议了市长代表市人民政府所作的工作报告。\n\n"
        "**政府工作报告**\n\n——2025年2月25日在深圳市第七届人民代表大会第六次会议上\n\n"
        "深圳市市长 覃伟中\n\n各位代表：\n\n现在，我代表市人民政府向大会报告工作，请予审议。\n\n"
        "**一、2024年工作回顾**\n\n过去一年，经济稳定增长。\n"
    )
    assert (doc.kind, doc.title, doc.year) == ("政府工作报告", "政府工作报告", 2025)


def test_news_quoting_各位代表_is_not_a_delivered_report() -> None:
    doc = parse_document(
        "4月11日下午，縣人大常委會主任來到第八代表團，與代表們一起審議政府工作報告。\n\n"
        "薛平強調，政府工作報告中縣域發展與每位代表息息相關，各位代表要反復學習，加強履職。\n"
    )
    assert doc.kind != "政府工作报告"


def test_an_explainer_naming_两会_is_no_congress_news() -> None:
    doc = parse_document(
        "政府报告什么时候开始实施\n\n政府工作报告是一种公文形式，各级政府都必须在每年召开的当地"
        "人民代表大会会议和政治协商会议(俗称“两会”)上发布这一报告。\n"
    )
    assert doc.kind is None


def test_a_statute_is_no_news_and_a_laws_name_is_no_kind() -> None:
    law = parse_document(
        "中华人民共和国监察法\n\n发布时间: 2018-05-17\n\n"
        "2018年3月20日，第十三届全国人大一次会议表决通过了《中华人民共和国监察法》。\n\n"
        "第一条　为了深化国家监察体制改革，制定本法。\n"
    )
    assert law.kind is None and law.title == "中华人民共和国监察法"
    check = parse_document(
        "重庆市人大常委会执法检查组关于检查《重庆市预算审查监督条例》实施情况的报告\n\n"
        "——2019年7月29日在市五届人大常委会第十一次会议上\n\n"
        "主任、各位副主任、秘书长、各位委员:\n\n现将执法检查情况报告如下。\n"
    )
    assert (check.kind, check.region, check.year) == (None, "重庆市", 2019)


def test_a_short_autonomous_region_name_is_completed_from_the_text() -> None:
    doc = parse_document(
        "---\ntitle: 新疆自治区2006年政府工作报告\n---\n\n（2006年1月17日 司马义·铁力瓦尔地）\n\n"
        "各位代表：\n\n现在，我代表新疆维吾尔自治区人民政府向大会作工作报告，请予审议。\n"
    )
    assert doc.region == "新疆维吾尔自治区"


def test_titles_lose_a_leading_date_note_and_an_seo_echo() -> None:
    dated = parse_document(
        "---\ntitle: （2021年10月26日）南昌市政府工作报告\n---\n\n"
        "——2021年10月26日在南昌市第十六届人民代表大会第一次会议上\n\n市人民政府市长 万广明\n\n"
        "各位代表：\n\n现在，我代表市人民政府向大会报告工作，请予审议。\n"
    )
    assert (dated.title, dated.year) == ("南昌市政府工作报告", 2021)
    seo = parse_document(
        "政府报告什么时候开始实施-政府报告什么时候开始\n\n每年三月召开。具体时间以通知为准。\n"
    )
    assert seo.title == "政府报告什么时候开始实施"


def test_site_notices_banners_and_seo_lines_go_to_the_dropped_view() -> None:
    src = (
        "小香蕉_一个人看的片免费_小草影院一区二区_久久免费精品\n"
        "新江南网欢迎你/www.xjnnet.com/新江南网荣誉出品 |\n"
        "歡迎訪問甘肅經(jīng)濟(jì)信息網(wǎng)!\n"
        "3月5日上午9时，第十四届全国人民代表大会第一次会议在北京召开。\n"
        "澎湃新闻报料：4009-20-4009   澎湃新闻，未经授权不得转载\n"
        "【免责声明】本文仅代表作者本人观点，与本网无关。\n"
        "原文链接：https://example.com/a.html\n"
    )
    doc = parse_document(src)
    assert doc.text.split("\n") == ["3月5日上午9时，第十四届全国人民代表大会第一次会议在北京召开。"]
    assert _reasons(doc, "新江南网欢迎你") == ["site notice"]
    assert _reasons(doc, "未经授权不得转载") == ["site notice"]
    assert check_no_loss(src, doc) == []


def test_an_image_tags_leftover_attributes_go_with_its_data_uri() -> None:
    src = (
        "政府报告什么时候开始实施\n"
        '<image>data:image/png;base64,iVBORw0KGgo" alt="政府报告什么时候开始实施"</image>\n'
        "根据官方网站的信息，每年的报告一般在3月5日作。\n"
    )
    doc = parse_document(src)
    assert "alt=" not in doc.text and doc.title == "政府报告什么时候开始实施"
    assert check_no_loss(src, doc) == []


def test_a_stray_counter_node_does_not_steal_the_articles_first_paragraph() -> None:
    page = (
        "<!DOCTYPE html><html><head><title>集成电路进口突破3000亿美元_观察者网</title></head><body>"
        '<div class="nav"><a href="/">首页</a> <a href="/a">财经</a> <a href="/b">科技</a></div>'
        "<h3>集成电路进口突破3000亿美元</h3>"
        '<div><a class="collect"><span id="count0">9</span></a><a><span>23</span></a></div>'
        '<div class="time"><span>2019-09-07 15:10:53</span><span>来源：EETOP</span></div>'
        '<div class="content">'
        "<p>9月3日，在第二届全球IC企业家大会开幕式上，魏少军教授分析了2018年中国集成电路市场进出口数据。</p>"
        "<p><strong>2018年进口继续扩大，突破3000亿美元</strong></p>"
        "<p>魏少军指出，全球每生产3块集成电路就有2块运到中国来，由此产生的贸易逆差创下历史新高。</p>"
        "<p>魏少军教授强调，中国半导体产业20年前腾飞，主要推动力是对外加工服务，这导致产业结构扭曲。</p>"
        "</div><div class='foot'>关于我们 | 联系我们</div></body></html>"
    )
    doc = parse_document(page.encode("utf-8"), "page.html")
    first = "9月3日，在第二届全球IC企业家大会开幕式上，魏少军教授分析了2018年中国集成电路市场进出口数据。"
    assert first in doc.text.split("\n")
    assert doc.year == 2019 and doc.kind == "新闻报道"
