"""Classes of web-page problems found by the pages5 blind set (issue 9, round 5), each on the real
saved page that showed it (tests/data/inputs/, sources in SOURCES.md) and on a short page of the
same shape."""

from __future__ import annotations

import gzip
from pathlib import Path

from reporttui.core.model import Document
from reporttui.core.text.ingest import check_no_loss, parse_document

DATA = Path(__file__).parent / "data" / "inputs"


def _page(name: str) -> tuple[str, Document]:
    raw = gzip.decompress((DATA / name).read_bytes())
    doc = parse_document(raw, name.removesuffix(".gz"))
    return raw.decode("utf-8"), doc


def _headings(doc: Document) -> list[str]:
    return [s.title for s in doc.walk() if s.title]


def _dropped(doc: Document) -> str:
    return "\n".join(d.text for d in doc.dropped)


def test_a_heading_made_bold_by_its_style_is_a_heading() -> None:
    # sina: <p><font cms-style="… strong-Bold align-Center">停工、停运或拆除</font></p>
    raw, doc = _page("sina-tram-2024.html.gz")
    assert {"停工、停运或拆除", "因地制宜是关键"} <= set(_headings(doc))
    assert check_no_loss(raw, doc) == []
    src = (
        "<html><head><title>某市试点启动_新闻</title></head><body><div class='a'>"
        "<h1>某市试点启动</h1>"
        "<p>某市今日启动试点工作，首批覆盖十个街道，涉及居民二十余万人，工作为期一年。</p>"
        "<p><span style='font-weight: bold'>试点范围逐步扩大</span></p>"
        "<p>明年起，试点将扩大到全市各区，每个区至少选择两个街道先行先试，积累经验。</p>"
        "<p><span style='color:red'>不是标题的一句话，只是红色的</span></p>"
        "<p>有关部门表示，将定期评估试点成效，及时总结推广好的做法，稳步推进这项工作。</p>"
        "</div></body></html>"
    )
    headings = _headings(parse_document(src, "a.html"))
    assert "试点范围逐步扩大" in headings
    assert "不是标题的一句话，只是红色的" not in headings


def test_lines_after_the_editors_sign_off_are_the_pages_prompts() -> None:
    # people.com.cn: (责编：…) / 关注公众号：人民网财经 / 分享让更多人看到 inside the article's div;
    # gmw.cn: [ 责编：张倩 ] / 阅读剩余全文（）.
    raw, doc = _page("people-henan-2024.html.gz")
    for prompt in ("关注公众号：人民网财经", "分享让更多人看到"):
        assert prompt not in doc.text
        assert prompt in _dropped(doc)
    assert "更多感受黄河之美。" in doc.text
    assert check_no_loss(raw, doc) == []
    raw, doc = _page("gmw-taikongyangyu-2024.html.gz")
    assert "阅读剩余全文" not in doc.text
    assert check_no_loss(raw, doc) == []


def test_a_widgets_form_inside_the_article_is_not_its_text() -> None:
    # gmw.cn: a vote form's placeholder (调查问题加载中，请稍候。) between the source line and the
    # first paragraph, inside the article's container.
    raw, doc = _page("gmw-taikongyangyu-2024.html.gz")
    assert "调查问题加载中" not in doc.text
    assert "调查问题加载中" in _dropped(doc)
    assert check_no_loss(raw, doc) == []
    assert "中国科学院专家19日在北京介绍国内首次在轨水生生态研究项目进展情况。" in doc.text
    # A page wrapped whole in one <form> (server frameworks write them so) keeps its article.
    src = (
        "<html><head><title>某县召开会议</title></head><body><form id='form1'><div class='c'>"
        "<h1>某县召开会议</h1>"
        "<p>某县今日召开全县经济工作会议，总结今年工作，安排明年任务，县直各部门参加。</p>"
        "<p>会议指出，今年全县经济运行总体平稳，主要指标完成良好，民生持续改善。</p>"
        "</div></form></body></html>"
    )
    doc = parse_document(src, "b.html")
    assert "会议指出，今年全县经济运行总体平稳" in doc.text


def test_a_title_line_over_the_first_paragraph_when_title_names_only_the_site() -> None:
    # piyao.kepuchina.cn: <title>科普中国-辟谣文章</title>, the title in a <div class="rumor-title">.
    raw, doc = _page("kepuchina-zidan-2019.html.gz")
    assert doc.title == "徒手抓子弹真的存在吗？"
    assert check_no_loss(raw, doc) == []
    src = (
        "<html><head><title>某某网-资讯</title></head><body><div class='nav'><a href='/'>首页</a>"
        "<a href='/n'>资讯</a></div><div class='art'><div class='t'>某地推出十项便民举措</div>"
        "<div class='info'>来源：某某网 2024-05-01</div>"
        "<p>某地日前推出十项便民举措，涉及户籍、社保、医疗等多个领域，方便群众就近办理各类事项。</p>"
        "<p>据介绍，这些举措将于下月起陆续实施，有关部门将加强宣传解读，确保落实到位。</p>"
        "</div></body></html>"
    )
    assert parse_document(src, "c.html").title == "某地推出十项便民举措"


def test_news_naming_its_place_by_a_short_name_gets_that_region() -> None:
    # people.com.cn: 河南 as the actor (河南实现了…, 河南将…); thepaper: 广州南沙 (the district
    # under its city); 163: 无锡 far more than any place outside it (江阴 is inside it); china.com.cn:
    # 北京：… opening the title.
    want = {
        "people-henan-2024.html.gz": "河南省",
        "thepaper-nansha-2019.html.gz": "南沙区",
        "netease-jinghu-2019.html.gz": "无锡市",
        "chinacom-gubei-2024.html.gz": "北京市",
    }
    for name, region in want.items():
        assert _page(name)[1].region == region, name


def _news(title: str, body: str) -> Document:
    src = (
        f"<html><head><title>{title}_某某网</title></head><body><div class='a'><h1>{title}</h1>"
        f"<div class='i'>2024-05-20 10:00 来源：某某网</div>{body}</div></body></html>"
    )
    return parse_document(src, "n.html")


def test_short_name_places_in_news_by_position() -> None:
    para = "<p>当地有关部门介绍，今年以来各项工作进展顺利，群众反映良好，下一步将继续推进。</p>"
    # The title's dateline after a channel label, a county under its province (遂宁 is no
    # common word; 遵化 is one, read only under 河北).
    assert _news("新华视界｜河北遵化：数字农机助力春耕", para * 3).region == "遵化市"
    # A place named three times as the actor, nothing else: the place.
    body = "".join(
        f"<p>{s}，{para[3:]}"
        for s in ("河南实现了稳步增长", "河南将继续推进改革", "河南持续优化营商环境")
    )
    assert _news("中部地区崛起有新进展", body).region == "河南省"
    # A national body's measures for a place: national news, no region.
    assert _news("国务院部署：河南要稳住粮食生产", body).region is None
    # A wire dateline names the agency's desk, not the news's place; a short name inside a word
    # (北京路) is no use of it.
    wire = (
        "<p>新华社北京5月19日电 中国科学院专家19日介绍有关研究进展情况，相关工作稳步推进。</p>"
        "<p>专家在北京路的会场介绍，实验进展顺利，后续将开展进一步研究，取得新的成果。</p>"
    )
    assert _news("某项研究进展顺利", wire * 2).region is None
    clock = (
        "<p>北京时间5月20日，有关机构发布了最新数据，显示相关指标稳中有升，市场预期总体稳定。</p>"
    )
    assert _news("某项数据发布", clock * 3).region is None


def test_pages6_classes_on_the_real_pages() -> None:
    # qq.com: 正文已结束，您可以按alt+4进行评论 in a zero-size box (for screen readers only).
    raw, doc = _page("qq-shujuye-2019.html.gz")
    assert "正文已结束" not in doc.text
    assert check_no_loss(raw, doc) == []
    # sina: after 责任编辑 (the sign-off) a follow box with a sentence and a teaser list whose
    # dates (2019年09月06日) are not the article's (2018-12-28, from its meta).
    raw, doc = _page("sina-12306-2018.html.gz")
    assert "24小时滚动播报" not in doc.text
    assert doc.year == 2018
    assert check_no_loss(raw, doc) == []
    # ifeng: <meta property="og:time " content=" 2019-09-09 …"> (stray spaces): a dated page, so
    # news; 台江 is two divisions' short name, 台江县 written in full is one.
    raw, doc = _page("ifeng-taijiang-2019.html.gz")
    assert (doc.kind, doc.region) == ("新闻报道", "台江县")


def test_hidden_text_and_the_sign_off_on_a_short_page() -> None:
    src = (
        "<html><head><title>某地开展活动_某某网</title>"
        "<meta property=' article:published_time ' content=' 2018-03-02 10:00'></head><body>"
        "<div class='a'><h1>某地开展活动</h1>"
        "<p>某地近日开展便民服务活动，组织多个部门进社区，为群众提供咨询和办理服务。</p>"
        "<p>活动现场气氛热烈，群众纷纷表示，这样的活动方便实用，希望今后多多举办。</p>"
        "<span style='width:0;height:0;overflow:hidden;display:block'>正文已结束，可以发表评论</span>"
        "<div>责任编辑：某某</div><div><p>关注我们的公众号，每天推送最新资讯，更多福利等你来拿。</p></div>"
        "<ul><li><a href='/1'>另一篇文章的标题</a></li><li>2019年09月06日</li></ul>"
        "</div></body></html>"
    )
    doc = parse_document(src, "d.html")
    assert "正文已结束" not in doc.text
    assert "关注我们的公众号" not in doc.text
    assert "希望今后多多举办。" in doc.text
    assert doc.year == 2018


def test_pages7_classes_on_the_real_page() -> None:
    # A Z-BlogPHP news site: a sponsor's tag before the title ([诗婷露雅化妆品]…) that the
    # 原标题 line does not carry; the date in an <h6> header line under the <h2> title; an empty
    # 责任编辑： label signing off a teaser after it.
    raw, doc = _page("njxfhn-jiangmen-2019.html.gz")
    assert doc.title == "江门七旬阿婆接来电称其涉黑被骗上百万！冒充公检法电诈团伙被端"
    assert "[诗婷露雅化妆品]" not in doc.text
    assert doc.year == 2019
    assert "香港警方：8.31示威行动未发生致命事件" not in doc.text
    assert check_no_loss(raw, doc) == []


def test_pages8_classes_on_the_real_pages() -> None:
    # Government portals: a column's label (各地动态) printed over the article's title line; empty
    # 附件：/相关文章： boxes after the text; a provincial portal's 市县 item about the city its
    # title names; an event's edition (辽宁省第十四届运动会) is no congress; 胶州市 read whole.
    raw, doc = _page("sctcm-wenhuayue-2023.html.gz")
    assert doc.title == "普及中医药健康知识 感悟中医药文化魅力 中医药文化服务月活动持续开展"
    assert "各地动态" not in doc.text
    assert check_no_loss(raw, doc) == []
    raw, doc = _page("liaoyang-wuxiang-2023.html.gz")
    assert "附件" not in doc.text and "相关文章" not in doc.text
    assert doc.region == "弓长岭区"
    assert check_no_loss(raw, doc) == []
    _, doc = _page("henan-xuchang-2022.html.gz")
    assert doc.region == "许昌市"
    _, doc = _page("qingdao-jianzhi-2022.html.gz")
    assert doc.region == "胶州市"


def test_the_division_a_news_title_names_in_full() -> None:
    from reporttui.core.text.news_place import title_division

    assert title_division("在省第十届青年戏剧演员大赛中 许昌市喜获佳绩") == "许昌市"
    assert title_division("辽宁省第十四届运动会青少年组现代五项比赛在弓长岭区开幕") == "弓长岭区"
    assert title_division("胶州市司法局胶莱司法所组织开展法治文化剪纸活动") == "胶州市"
    assert title_division("许昌市与洛阳市签署合作协议") is None  # two cities: no one place
    assert title_division("全省教育系统师德师风建设专题培训班举办") is None
    assert title_division("国务院批复同意许昌市城市总体规划") is None  # a national body's


def test_a_label_over_the_title_line_and_empty_labels_after_the_text() -> None:
    body = "".join(
        f"<p>第{i}段正文，内容较长，用于让正文密度足够高，以便抽取器选中这个容器。</p>"
        for i in range(8)
    )
    page = (
        "<html><head><title>某某县举办法治文化活动</title></head><body>"
        "<div class='nav'><a href='/'>首页</a> <a href='/a'>要闻</a></div>"
        "<div class='main'><div class='col'>各地动态</div><div class='t'>某某县举办法治文化活动</div>"
        f"{body}<p>附件：</p><p>相关文章：</p></div></body></html>"
    )
    doc = parse_document(page.encode("utf-8"), "p.html")
    assert doc.title == "某某县举办法治文化活动"
    assert "各地动态" not in doc.text
    assert "附件" not in doc.text and "相关文章" not in doc.text
    assert "第7段正文" in doc.text


def test_sub_headings_marked_only_by_a_class_of_short_lines() -> None:
    # baijiahao's <span class="bjh-h3">: five short lines, three without any punctuation; the two
    # with a comma are headings too. A caption class (图片来源：…) is not a heading class.
    _, doc = _page("baijiahao-hanfu.html.gz")
    heads = _headings(doc)
    assert "异国他乡，指尖上的舞蹈" in heads and "关于未来，她选择一如既往" in heads
    para = "<p><span class='p'>正文段落，内容较长，用于让正文密度足够高，以便抽取器选中这个容器。</span></p>"

    def page(lines: list[str]) -> bytes:
        body = "".join(f"<p><span class='h'>{t}</span></p>{para * 2}" for t in lines)
        return f"<html><head><title>标题在此处</title></head><body><div>{body}</div></body></html>".encode()

    heads = _headings(
        parse_document(page(["缘起古筝", "远走他乡", "指尖上的舞蹈，异国他乡"]), "a.html")
    )
    assert "指尖上的舞蹈，异国他乡" in heads
    caps = ["图片来源：某某网", "图片来源：某某官网", "天水有轨电车 图片来源：天水融媒"]
    heads = _headings(parse_document(page(caps), "b.html"))
    assert not any("图片来源" in h for h in heads)


def test_a_link_to_the_front_page_closing_a_byline_or_the_last_sentence() -> None:
    # sohu's template: 作者：某某 followed by a link to the front page (返回富达，查看更多); qq's
    # 返回腾讯网首页>> after the last sentence. A link ending a sentence's own words stays.
    raw, doc = _page("njxfhn-jiangmen-2019.html.gz")
    assert "返回富达" not in doc.text and "余毅菁" in doc.text
    assert check_no_loss(raw, doc) == []
    raw, doc = _page("qq-shujuye-2019.html.gz")
    assert "返回腾讯网首页" not in doc.text and "整顿仍将持续。" in doc.text
    para = "<p>正文段落，内容较长，用于让正文密度足够高，以便抽取器选中这个容器。</p>" * 6
    page = (
        f"<html><head><title>标题在此处</title></head><body><div>{para}"
        "<p>更多内容请访问<a href='http://www.people.com.cn/'>人民网</a></p></div></body></html>"
    )
    doc = parse_document(page.encode("utf-8"), "c.html")
    assert "更多内容请访问人民网" in doc.text


def test_the_sites_publisher_is_the_region_when_the_content_names_no_other_place() -> None:
    # 浙江省教育厅 (<meta name=SiteName>): 全省教育系统… names no place outside 浙江省; its record has
    # no document number or date of writing, so the page files a news item, not a document.
    raw, doc = _page("zjjyt-shide-2024.html.gz")
    assert (doc.region, doc.kind) == ("浙江省", "新闻报道")
    assert check_no_loss(raw, doc) == []
    para = (
        "<p>全省各地教育部门认真组织学习，参会人员表示收获很大，将把培训成果运用到工作中。</p>" * 6
    )
    page = (
        "<html><head><title>全省教育系统专题培训班举办</title>"
        "<meta name='SiteName' content='{site}'><meta name='PubDate' content='2024-10-21'>"
        f"</head><body><div>{para}{{extra}}</div></body></html>"
    )
    doc = parse_document(page.format(site="浙江省教育厅", extra="").encode(), "z.html")
    assert doc.region == "浙江省"
    other = "<p>湖南省长沙市的代表也参加了培训，并作了交流发言，介绍了本地的做法。</p>"
    doc = parse_document(page.format(site="浙江省教育厅", extra=other).encode(), "z.html")
    assert doc.region != "浙江省"  # the content names a place outside the publisher's
    doc = parse_document(page.format(site="微信公众平台", extra="").encode(), "z.html")
    assert doc.region is None


def test_a_provincial_round_up_is_the_provinces() -> None:
    # 四川's 中医药文化服务月: 全省各地… and one section per hospital (成都市双流区…, 自贡市富顺县…,
    # 绵阳市…); the one section naming 双流区 over and over does not make it 双流区's.
    _, doc = _page("sctcm-wenhuayue-2023.html.gz")
    assert doc.region == "四川省"
    from reporttui.core.text.news_place import roundup_province

    heads = ["成都市双流区中医医院", "自贡市富顺县中医医院", "绵阳市中医医院"]
    assert roundup_province(heads, "全省各地开展活动") == "四川省"
    assert roundup_province(heads[:2], "全省各地开展活动") is None  # two places: no round-up
    assert roundup_province(heads, "某医院开展活动") is None  # the lead names no province
    assert roundup_province([*heads[:2], "长沙市中医医院"], "全省各地") is None  # two provinces


def test_the_first_sub_heading_after_a_pages_title_is_no_subtitle() -> None:
    # 广州's page: # title, then **“制造美丽”推动“美丽制造”转型升级** set like the body's other
    # sub-headings, over a paragraph: the first section's heading. A dash-led line stays a subtitle.
    _, doc = _page("gz-meizhuang-2023.html.gz")
    heads = _headings(doc)
    assert heads[:2] == ["“制造美丽”推动“美丽制造”转型升级", "“巨无霸”正向“高质量”转型"]
    para = "<p>正文段落，内容较长，用于让正文密度足够高，以便抽取器选中这个容器。</p>" * 3
    body = "".join(f"<p><strong>{h}</strong></p>{para}" for h in ("——在某某会议上", "其一", "其二"))
    page = f"<html><head><title>标题在此处</title></head><body><div>{body}</div></body></html>"
    heads = _headings(parse_document(page.encode(), "s.html"))
    assert "——在某某会议上" not in heads


def test_a_pictures_caption_is_not_a_heading() -> None:
    # 广州's page: a centred 逸仙生物科技生产线 under the photo's own <p>; a bulletin's chart is
    # followed by its next section's heading (八、财政金融, 02农业), which stays a heading.
    raw, doc = _page("gz-meizhuang-2023.html.gz")
    assert "逸仙生物科技生产线" not in _headings(doc)
    assert any(d.text == "逸仙生物科技生产线" for d in doc.dropped if d.reason == "photo caption")
    assert check_no_loss(raw, doc) == []
    para = "<p>正文段落，内容较长，用于让正文密度足够高，以便抽取器选中这个容器。</p>" * 3
    page = (
        f"<html><head><title>标题在此处</title></head><body><div>{para}"
        "<p style='text-align:center'><img src='a.jpg'/></p><p style='text-align:center'>某某公司生产线</p>"
        f"{para}<figure><img src='b.jpg'/><figcaption>某某大桥</figcaption></figure>{para}"
        "<p><img src='c.jpg'/></p><p>02农业</p>"
        f"{para}</div></body></html>"
    )
    doc = parse_document(page.encode(), "c.html")
    heads = _headings(doc)
    assert "某某公司生产线" not in heads and "某某大桥" not in heads
    assert "某某公司生产线" not in doc.text
