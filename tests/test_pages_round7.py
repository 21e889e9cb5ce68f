"""Round 7 (issue 9, pages13): classes of page chrome and metadata found on other owners' pages.

Each input is written here for the test (not a real page); everything removed must be in the
dropped view (``d``).
"""

from __future__ import annotations

from reporttui.core.text.ingest import parse_document


def _doc(text: str, name: str = "page.txt"):
    return parse_document(text.encode("utf-8"), name)


def _dropped(doc) -> str:
    return "\n".join(d.text for d in doc.dropped)


RECORD = """您当前的位置:首页>政务公开>预算公开
  • [ 索引号 ]
  • 1150023870945049XX/2023-00001
  • [ 发文字号 ]
  • [ 发布机构 ]
  • 某某县财政局
  • [ 主题分类 ]
  • 财政
  • [ 体裁分类 ]
  • 财政预算、决算
  • [ 有效性 ]
云阳县2022年预算执行及2023年预算公开的说明
日期:2023-01-12

云阳县2022年预算执行及2023年财政预算情况经县第十八届人民代表大会第二次会议通过，现将有关情况予以说明。

一、2022年预算执行情况

全县一般公共预算收入完成调整预算的99.2%，较上年增长19.7%。
"""


def test_bracketed_record_labels_are_the_record_and_the_title_stays() -> None:
    doc = _doc(RECORD)
    assert doc.title == "云阳县2022年预算执行及2023年预算公开的说明"
    assert "索引号" not in doc.text and "2023-00001" not in doc.text
    assert "财政预算、决算" not in doc.text
    dropped = _dropped(doc)
    assert "• [ 索引号 ]" in dropped and "• 财政预算、决算" in dropped
    # A budget disclosure note is a budget report of the budget's year, not the execution's.
    assert doc.kind in ("预算报告", "预算执行情况与预算草案报告")
    assert doc.year == 2023 and doc.region == "云阳县"


def test_a_meeting_that_is_no_session_is_news() -> None:
    text = (
        "区政协召开五届五十六次主席会议\n阅读次数: 发布时间:2021-03-04\n"
        "3月2日,区政协召开五届五十六次主席会议。会议听取区政协五届五次会议以来提案接收分析报告。\n"
    )
    assert _doc(text).kind == "新闻报道"
    standing = (
        "全国政协十二届常委会第二十四次会议在京开幕\n发布时间:2018-01-22 20:51:22\n"
        "新华社北京1月22日电 政协第十二届全国委员会常务委员会第二十四次会议22日上午在京开幕。"
        "本次常委会议主要是为召开全国政协十三届一次会议作准备。\n"
    )
    assert _doc(standing).kind == "新闻报道"
    # A session itself stays 两会 news.
    session = (
        "市政协十五届一次会议开幕\n发布时间:2023-01-03\n"
        "1月3日上午，中国人民政治协商会议某市第十五届委员会第一次会议开幕。委员们将围绕政府工作报告建言献策。\n"
    )
    assert _doc(session).kind in ("两会新闻", "新闻综述")


def test_adoption_line_over_a_review_report_is_no_resolution() -> None:
    text = (
        "(2024年1月20日某市第十五届人民代表大会第三次会议主席团第三次会议通过)\n"
        "某市第十五届人民代表大会第三次会议审查了市人民政府提出的计划报告和计划草案。"
        "现将审查结果报告如下。\n一、2023年计划执行情况总体较好\n计划执行情况总体较好。\n"
    )
    assert _doc(text).kind != "决议"
    resolution = (
        "关于政府工作报告的决议\n(2024年1月20日某市第十五届人民代表大会第三次会议通过)\n"
        "会议批准这个报告。\n"
    )
    assert _doc(resolution).kind == "决议"


def test_premier_attending_cppcc_news_is_not_the_state_council() -> None:
    text = (
        "全国政协会议开幕\n全国政协十四届四次会议今日下午3时开幕，全国政协主席作常委会工作报告。\n\n"
        "下午3时，国家主席、国务院总理等领导人陆续进场。\n\n记者 某某\n"
    )
    assert _doc(text).region != "国务院"


def test_keyword_line_and_scraper_date_label_go_to_the_dropped_view() -> None:
    text = (
        " date 2026-03-04 某市政协十五届一次会议今日开幕，市政协主席作常委会工作报告。\n\n"
        "委员们围绕全市发展大局建言献策，会议应出席委员556人，实到512人。\n\n"
        "关键词: 第十四届 常务委员会 某市政协 中国人民政治协商会议\n"
    )
    doc = _doc(text)
    assert "date" not in doc.text and "关键词" not in doc.text
    assert "某市政协十五届一次会议今日开幕" in doc.text
    dropped = _dropped(doc)
    assert "date 2026-03-04" in dropped and "第十四届 常务委员会" in dropped


def test_subheading_after_a_dropped_caption_stays_a_heading() -> None:
    text = (
        "某市政协会议今日开幕，市政协主席作常委会工作报告，总结一年来的工作。\n\n"
        "会议现场。记者某某摄\n\n"
        "过去一年成果丰硕\n\n\n\n"
        "市政协主席表示，市政协过去一年紧密围绕全市发展大局，积极履行职能，各项工作取得新成效。\n\n"
        "深入基层服务为民\n\n"
        "市政协着力将履职工作与服务社会结合，全年开展委员履职活动六百多项。\n"
    )
    doc = _doc(text)
    titles = [s.title for s in doc.walk() if s.title]
    assert "过去一年成果丰硕" in titles and "深入基层服务为民" in titles
    assert "会议现场。记者某某摄" in _dropped(doc)


def test_title_part_between_bare_hyphens_agreeing_with_a_heading() -> None:
    page = (
        "<html><head><title>某市人民政府门户网站-某某博物馆-某某美术馆</title></head><body>"
        "<div class='nav'><a href='/'>首页</a> <a href='/a'>走进某市</a></div>"
        "<div class='content'><h3>某某美术馆</h3>"
        "<p>某某美术馆位于某市西南25公里的风景名胜区内，是一座由两进院落组成的仿古建筑，收藏和陈列书画精品。</p>"
        "<p>美术馆占地2200平方米，建筑面积870平方米，展线200米，是研究书画艺术的重要场所。</p>"
        "</div></body></html>"
    )
    doc = _doc(page, "page.html")
    assert doc.title == "某某美术馆"
    # A bare hyphen inside a title (1-10月) is no separator when no heading agrees with a part.
    dated = (
        "<html><head><title>1-10月全市经济运行情况</title></head><body><div class='content'>"
        "<p>1-10月，全市规模以上工业增加值同比增长6.1%，固定资产投资同比增长8.3%，社会消费品零售总额增长7.2%。</p>"
        "<p>全市经济运行总体平稳，稳中有进，主要指标好于预期，为完成全年目标任务打下了坚实基础。</p>"
        "</div></body></html>"
    )
    assert _doc(dated, "page.html").title == "1-10月全市经济运行情况"


def test_a_department_named_in_title_is_the_publisher() -> None:
    page = (
        "<html><head><title>青年美术作品展启幕 _ 河北省文化和旅游厅</title></head><body>"
        "<div class='content'><h1>青年美术作品展启幕</h1><p>发布时间：2022-05-04</p>"
        "<p>5月4日，青年美术作品展在省美术馆开幕，展出青年美术工作者创作的作品一百二十余件。</p>"
        "<p>展览分为三个单元，集中展示了青年艺术家的创作成果，展期持续至五月底。</p>"
        "</div></body></html>"
    )
    doc = _doc(page, "page.html")
    assert doc.title == "青年美术作品展启幕"
    assert doc.region == "河北省"
