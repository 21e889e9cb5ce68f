"""Saved web pages (issue 9): main content kept, page chrome dropped (not lost), headings read."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from reporttui.core.errors import ReportFileError
from reporttui.core.library.catalog import scan_root
from reporttui.core.text import article
from reporttui.core.text import html as html_mod
from reporttui.core.text.html import looks_like_html
from reporttui.core.text.ingest import check_no_loss, parse_document

DATA = Path(__file__).parent / "data" / "inputs"


def _page(name: str) -> str:
    return gzip.decompress((DATA / name).read_bytes()).decode("utf-8")


def test_gov_page_keeps_article_and_drops_chrome() -> None:
    src = _page("gov-cn-jueyi-2007.html.gz")
    doc = parse_document(src.encode("utf-8"), "page.html")
    assert doc.title.startswith("全国人民代表大会常务委员会关于批准")
    assert "会议决定" in doc.text
    assert "ICP" not in doc.text and "主办单位" not in doc.text
    assert any(d.reason == "page chrome" and "ICP" in d.text for d in doc.dropped)
    assert check_no_loss(src, doc) == []


def test_bold_labels_are_headings_and_date_is_read() -> None:
    src = _page("cjn-wuhan-2020.html.gz")
    doc = parse_document(src.encode("utf-8"), "page.htm")
    titles = [s.title for s in doc.walk() if s.title]
    assert "英国《泰晤士报》：" in titles
    assert doc.meta.get("published") == "2020-10-04"
    assert check_no_loss(src, doc) == []


def test_html_inside_a_txt_is_detected() -> None:
    src = _page("shanxi-gov-news-2019.html.gz")
    assert looks_like_html(src, "saved.txt")
    doc = parse_document(src.encode("utf-8"), "saved.txt")
    assert doc.title == "山西品牌丝路行（南美站）正式启动"
    assert "<" not in doc.text and "ICP" not in doc.text


def test_plain_text_is_not_html() -> None:
    assert not looks_like_html("政府工作报告\n\n各位代表：<注>见附件。", "a.txt")


def test_without_the_extractor_the_page_is_kept_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(html_mod, "_main_content", lambda source: None)
    src = _page("deqing-fgw-2016.html.gz")
    doc = parse_document(src.encode("utf-8"), "page.html")
    assert "246.79亿元" in doc.text
    assert check_no_loss(src, doc) == []


def test_a_page_without_text_is_one_line_error() -> None:
    with pytest.raises(ReportFileError, match="no text"):
        parse_document(
            b"<!DOCTYPE html><html><head><script>var a=1;</script></head><body></body></html>",
            "x.html",
        )


def test_add_walks_html_files(tmp_path: Path) -> None:
    for name in ("a.html", "b.htm", "c.md", "d.pdf"):
        (tmp_path / name).write_text("x", "utf-8")
    assert [p.name for p in scan_root(tmp_path)] == ["a.html", "b.htm", "c.md"]


def test_entities_and_controls_in_a_page_lose_nothing() -> None:
    src = (
        '<!DOCTYPE html><html><body><p title="&#20013;国">各位代表：\x1b]52;c;AAAA\x07地区生产总值&nbsp;'
        "增长&#53;%&lt;左右&gt;。</p><p>经济运行稳中有进，财政收入增长。</p></body></html>"
    )
    doc = parse_document(src.encode("utf-8"), "x.html")
    assert "增长5%<左右>。" in doc.text and "\x1b" not in doc.text
    assert not any("\x1b" in d.text for d in doc.dropped)
    assert check_no_loss(src, doc) == []


def test_a_page_the_extractor_cannot_read_is_kept_whole() -> None:
    src = '<?xml version="1.0" encoding="utf-8"?><html><body><p>各位代表：现在我代表市政府报告工作。</p></body></html>'
    doc = parse_document(src.encode("utf-8"), "x.html")
    assert "现在我代表市政府报告工作" in doc.text


def test_the_densest_container_is_the_article() -> None:
    src = _page("shanxi-gov-news-2019.html.gz")
    found = article.extract(src)
    assert found is not None
    assert any("省贸促会分别与巴西华人协会" in b for b in found.blocks)
    assert not any("ICP" in b for b in found.blocks)
    doc = parse_document(src.encode("utf-8"), "page.html")
    assert "省贸促会分别与巴西华人协会" in doc.text
    assert "ICP" not in doc.text
    assert doc.title == "山西品牌丝路行（南美站）正式启动"
    assert check_no_loss(src, doc) == []


def test_title_is_the_heading_that_title_starts_with() -> None:
    head = "<title>{}</title>"
    body = (
        "<body><div class=nav><a href=/>首页</a> <a href=/x>新闻</a></div>{}"
        "<div class=text><p>会议听取了市长所作的政府工作报告，代表们认为报告实事求是。</p>"
        "<p>会议要求，各级政府要认真落实报告提出的各项任务，确保完成全年目标。</p></div>"
        "<div class=foot>主办单位 某某市人民政府 备案号 0001</div></body>"
    )
    cases = [
        ("市人大会议开幕--某某日报", "<h1>市人大会议开幕</h1>", "市人大会议开幕"),
        ("市人大会议开幕 要闻_某某网", "<div class=t>市人大会议开幕</div>", "市人大会议开幕"),
        ("某某网 | 市人大会议开幕", "<h2>某某网</h2>", "市人大会议开幕"),
    ]
    for page_title, header, want in cases:
        page = f"<html><head>{head.format(page_title)}</head>{body.format(header)}"
        found = article.extract(page)
        assert found is not None and found.title == want, page_title
        assert not any("主办单位" in b or "首页" in b for b in found.blocks)


def test_date_standing_alone_in_the_article_header() -> None:
    src = (
        "<html><head><title>标题</title></head><body><h1>标题</h1>"
        '<div class=meta><span class="pub-time">2020-10-04 20:30</span>'
        "<span>来源：某网</span></div>"
        "<div><p>会议听取了市长所作的政府工作报告，代表们认为报告实事求是。</p>"
        "<p>会议要求，各级政府要认真落实报告提出的各项任务，确保完成全年目标。</p></div>"
        "<ul><li><a href=1>别的新闻</a><span>2020-10-01</span></li></ul></body></html>"
    )
    doc = parse_document(src.encode("utf-8"), "x.html")
    assert doc.meta.get("published") == "2020-10-04"


def test_a_stray_html_end_tag_does_not_end_the_page() -> None:
    src = (
        "<html><body><div class=top><a href=/>首页</a></div></html>"
        "<div><p>会议听取了市长所作的政府工作报告，代表们认为报告实事求是。</p>"
        "<p>会议要求，各级政府要认真落实报告提出的各项任务，确保完成全年目标。</p></div>"
        "<div class=foot><a href=/a>网站地图</a> <a href=/b>联系我们</a> 备案号0001</div>"
        "</body></html>"
    )
    found = article.extract(src)
    assert found is not None and any("确保完成全年目标" in b for b in found.blocks)
    assert not any("网站地图" in b for b in found.blocks)


def test_an_article_split_around_an_advert_is_kept_whole() -> None:
    p1 = (
        "<p>会议听取了市长所作的政府工作报告，代表们认为报告实事求是，部署务实。</p>"
        "<p>会议要求，各级政府要认真落实报告提出的各项任务，确保完成全年目标。</p>"
    )
    p2 = (
        "<p>会议还审议了计划报告和预算报告，代表们提出了许多意见和建议。</p>"
        "<p>会议指出，要加强预算管理，提高资金使用效益，保障和改善民生。</p>"
    )
    nav = "".join(f"<a href=x>栏目{i}</a>" for i in range(30))
    ad = "<div class=ad>" + "广告位招商 联系电话 " * 20 + "</div>"
    src = (
        f"<html><head><title>会议_某网</title></head><body><div class=nav>{nav}</div>"
        f"<div class=wrap><div class=a>{p1}</div>{ad}<div class=b>{p2}</div></div>"
        "<div class=foot>版权所有 某某网 备案号 123</div></body></html>"
    )
    found = article.extract(src)
    assert found is not None
    assert any("保障和改善民生" in b for b in found.blocks)
    assert not any("广告位" in b or "栏目" in b or "版权所有" in b for b in found.blocks)


# Round 4 (pages): government pages' document records, controls and the lines after an article.


def test_a_gov_document_record_is_metadata_not_body() -> None:
    src = _page("govcn-zhengce-01.html.gz")
    doc = parse_document(src.encode("utf-8"), "page.html")
    title = "国务院关于在海南博鳌乐城国际医疗旅游先行区暂时调整实施《中华人民共和国药品管理法实施条例》有关规定的决定"
    assert doc.title == title
    # The record (索引号, 主题分类, 发文机关, 成文日期…) is not text; its cells are in d.
    for cell in (
        "索 引 号",
        "000014349/2018-00222",
        "主题分类",
        "卫生、体育",
        "扫一扫在手机打开当前页",
    ):
        assert cell not in doc.text
    assert any("000014349/2018-00222" in d.text for d in doc.dropped)
    assert "国发〔2018〕43号" in doc.text  # the document prints its number: it stays
    assert doc.meta.get("published") == "2018-12-29"  # the record's 发布日期
    assert doc.date == "2018-12-21"  # its 成文日期: the document's own date
    record = [d.text for d in doc.dropped if d.reason == "document record"]
    assert "索 引 号： 000014349/2018-00222" in record and "发文机关： 国务院" in record
    assert (doc.region, doc.year, doc.kind) == ("国务院", 2018, None)
    assert check_no_loss(src, doc) == []


def test_a_title_printed_over_three_lines_is_one_title_line() -> None:
    doc = parse_document(_page("govcn-zhengce-01.html.gz").encode("utf-8"), "page.html")
    lines = [ln for ln in doc.text.split("\n") if ln.strip()]
    assert lines[0] == doc.title
    assert not any(ln.startswith("暂时调整实施") or ln.startswith("实施条例》") for ln in lines)


def test_bold_spans_on_a_gov_page_are_headings() -> None:
    doc = parse_document(_page("govcn-zhengce-02.html.gz").encode("utf-8"), "page.html")
    titles = [s.title for s in doc.walk() if s.title]
    for h in ("一、总体要求", "二、明确工作职责", "三、加强功能建设", "四、规范运维管理"):
        assert h in titles
    assert doc.title == "国务院办公厅关于推进政务新媒体健康有序发展的意见"


_TAIL = """<html><head><title>某市召开座谈会研究部署下半年经济工作-某某网</title></head><body>
<div class="nav"><a href="/">首页</a> <a href="/a">要闻</a> <a href="/b">政务</a></div>
<div class="share">某市召开座谈会研究部署下半年经济工作-某某网</div>
<h1>某市召开座谈会研究部署下半年经济工作</h1>
<div class="article">
<p>7月10日，某市召开经济形势座谈会，听取各方面对下半年经济工作的意见建议。</p>
<p>会议指出，上半年全市经济运行总体平稳，主要指标好于预期，发展质量稳步提升。</p>
<p>会议强调，要坚持稳中求进工作总基调，扎实做好下半年各项工作，确保完成全年目标任务。</p>
<p>（作者：某某大学经济学院教授）</p>
<p><a href="javascript:void(0);">【纠错】</a> 责任编辑：张三</p>
<div>+1</div>
<p>关键字： 经济 座谈会</p>
<div class="title">延伸阅读</div>
<ul><li><a href="/n1">另一条新闻的标题在这里</a></li><li><a href="/n2">第二条新闻的标题在这里</a></li></ul>
</div>
<div class="footer">主办单位：某某网 ICP备12345678号</div>
</body></html>"""


def test_lines_after_the_last_paragraph_that_are_not_text_go_to_d() -> None:
    doc = parse_document(_TAIL.encode("utf-8"), "page.html")
    assert doc.title == "某市召开座谈会研究部署下半年经济工作"  # not the line repeating <title>
    assert "确保完成全年目标任务。" in doc.text
    assert "（作者：某某大学经济学院教授）" in doc.text  # an author's note stays
    for junk in ("纠错", "责任编辑", "+1", "关键字", "延伸阅读", "另一条新闻", "ICP"):
        assert junk not in doc.text, junk
    dropped = " ".join(d.text for d in doc.dropped)
    for junk in ("【纠错】", "责任编辑：张三", "+1", "关键字", "延伸阅读"):
        assert junk in dropped, junk
    assert check_no_loss(_TAIL, doc) == []


@pytest.mark.parametrize("declared", ["gb2312", None])
def test_a_gbk_page_reads_the_same_with_or_without_its_charset(declared: str | None) -> None:
    import re

    src = _page("cmse-jiaohui-2012.html.gz")
    want = parse_document(src.encode("utf-8"), "page.html")
    if declared:
        page = re.sub(r"charset=[\"']?utf-?8", f"charset={declared}", src, flags=re.I)
    else:
        page = re.sub(r"<meta[^>]*charset[^>]*>", "", src, flags=re.I)
    doc = parse_document(page.encode("gbk"), "page.html")
    assert (doc.text, doc.title) == (want.text, want.title)


def test_a_documents_signature_block_is_not_a_heading() -> None:
    doc = parse_document(_page("govcn-zhengce-01.html.gz").encode("utf-8"), "page.html")
    titles = [s.title for s in doc.walk() if s.title]
    dropped = [d.text for d in doc.dropped]
    for line in ("国务院", "2018年12月21日", "（此件公开发布）"):
        assert line in doc.text or line in dropped  # the cleaning may take it for page chrome
        assert line not in titles
    doc = parse_document(_page("govcn-zhengce-05.html.gz").encode("utf-8"), "page.html")
    titles = [s.title for s in doc.walk() if s.title]
    assert not {"国务院办公厅", "一九九六年二月五日", "（本文有删减）", "国家地震局"} & set(titles)
    assert "一、关于我国地震重点监视防御区的确定" in titles


_BULLETIN = """<html><head><title>2023年某市国民经济和社会发展统计公报_某市统计局</title></head><body>
<div class="nav"><a href="/">首页</a><a href="/x">统计数据</a></div>
<div class="article"><h1>2023年某市国民经济和社会发展统计公报</h1>
<p>2023年，全市经济持续恢复向好，主要指标稳中有进，高质量发展取得新成效。</p>
<p><strong>一、综合</strong></p>
<p>全年地区生产总值达到1234.5亿元，比上年增长5.6%。其中，第一产业增加值123.4亿元，增长3.1%。</p>
<table><tr><td>指标</td><td>绝对数</td><td>比上年增长(%)</td></tr>
<tr><td>地区生产总值</td><td>1234.5</td><td>5.6</td></tr>
<tr><td>第一产业</td><td>123.4</td><td>3.1</td></tr></table>
<p><strong>二、农业</strong></p><p>全年粮食总产量达到56.7万吨，比上年增长2.0%。</p></div>
<div class="footer">主办单位：某市统计局 ICP备123号</div></body></html>"""


def test_a_data_table_is_rows_not_headings() -> None:
    page = html_mod.extract_page(_BULLETIN)
    assert "| 地区生产总值 | 1234.5 | 5.6 |" in page.text.split("\n")
    doc = parse_document(_BULLETIN.encode("utf-8"), "page.html")
    assert [s.title for s in doc.walk() if s.title] == ["一、综合", "二、农业"]
    assert check_no_loss(_BULLETIN, doc) == []
    # A page laid out in tables (the article in a <td>) keeps its paragraphs as paragraphs.
    gov = html_mod.extract_page(_page("govcn-zhengce-02.html.gz"))
    assert not any(ln.startswith("| ") for ln in gov.text.split("\n"))


_TEASERS = """<html><head><title>新闻动态--某某学会官网</title></head><body>
<div class="menu"><a href="/a">学会简介</a> <a href="/b">新闻动态</a> <a href="/c">联系我们</a></div>
<div class="main">
<div class="crumb">您所在的位置： <a href="/">首页</a> &gt; <a href="/k">快讯</a> &gt; <a href="/g">公司</a></div>
<h5>2019年某某学术年会在某某大学成功举行</h5>
<div class="info">时间：2019年10月31日 23:00 浏览： 33</div>
<p>5月10日至12日，2019年某某学术年会在某某大学举行，来自全国的三百余位学者参加了会议。</p>
<p>会议围绕学科发展的前沿问题展开讨论，设立了九个分会场和两个开放论坛，交流论文三百余篇。</p>
<div class="shenming"><p>声明：本文提及内容仅供参考，不构成实质性投资建议，据此操作风险自担。</p></div>
<div class="tuijian"><h2>为你推荐</h2>
<dl><dd><a href="/n1">另一篇文章的标题之一</a></dd><dd>这是另一篇文章的摘要，说明了它的主要内容和观点。</dd><dd>2019-09-30 07:42</dd></dl>
<dl><dd><a href="/n2">另一篇文章的标题之二</a></dd><dd>这是第二篇文章的摘要，同样是一句完整的句子。</dd><dd>2019-09-30 08:14</dd></dl>
<dl><dd><a href="/n3">另一篇文章的标题之三</a></dd><dd>这是第三篇文章的摘要，读起来也像正文一样。</dd><dd>2019-09-30 10:31</dd></dl>
</div></div>
<div class="footer">版权所有 某某学会 京ICP备00000000号</div></body></html>"""


def test_teasers_breadcrumb_disclaimer_and_a_minor_heading_title() -> None:
    doc = parse_document(_TEASERS.encode("utf-8"), "page.html")
    assert doc.title == "2019年某某学术年会在某某大学成功举行"  # <h5>; <title> names the channel
    assert "交流论文三百余篇。" in doc.text
    for junk in ("您所在的位置", "声明：", "为你推荐", "另一篇文章", "摘要", "2019-09-30"):
        assert junk not in doc.text, junk
    assert doc.meta.get("published") == "2019-10-31"  # the article's own 时间 line
    assert doc.kind == "新闻报道"
    assert check_no_loss(_TEASERS, doc) == []


def test_a_document_title_centred_over_two_lines_is_one_heading() -> None:
    doc = parse_document(_page("govcn-zhengce-05.html.gz").encode("utf-8"), "page.html")
    titles = [s.title for s in doc.walk() if s.title]
    assert "关于我国地震重点监视防御区的确定和加强防震减灾工作意见的报告" in titles
    assert "和加强防震减灾工作意见的报告" not in titles
    # Centred headline lines of a news page are not one title: they do not end like a document.
    kepu = parse_document(_page("kepu-changsanjiao-2023.html.gz").encode("utf-8"), "page.html")
    assert "推动长三角一体化发展取得新的重大突破" in kepu.text.split("\n")


# A typical city portal's report page (written for this test, in the layout such pages use).
_PORTAL = """<!DOCTYPE html><html><head><meta charset="gb2312"><title>2024年晋中市政府工作报告_晋中市人民政府门户网站</title>
<meta name="ArticleTitle" content="2024年晋中市政府工作报告"><meta name="PubDate" content="2024-01-22 09:30"><meta name="ColumnName" content="政府工作报告">
<style>.a{color:red}</style><script>var x=1;</script></head><body>
<div class="top"><a href="/">首页</a><a href="/zwgk">政务公开</a><a href="/zwfw">政务服务</a><a href="/hd">互动交流</a><a href="/map">网站地图</a><span onclick="setFont()">无障碍</span></div>
<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk">政务公开</a> &gt; <a href="/zfgzbg">政府工作报告</a></div>
<div class="detail">
<h1>2024年晋中市政府工作报告</h1>
<div class="info"><span>发布时间：2024-01-22 09:30</span> <span>来源：市政府办公室</span> <span>字号：[ <a href="javascript:doZoom(16)">大</a> <a href="javascript:doZoom(14)">中</a> <a href="javascript:doZoom(12)">小</a> ]</span> <a href="javascript:window.print()">打印本页</a> <a href="javascript:window.close()">关闭窗口</a></div>
<div class="content">
<p style="text-align:center">——2024年1月15日在晋中市第十七届人民代表大会第四次会议上</p>
<p style="text-align:center">晋中市市长 张三</p>
<p>各位代表：</p>
<p>现在，我代表市人民政府，向大会报告工作，请予审议，并请市政协委员和其他列席人员提出意见。</p>
<p><strong>一、2023年工作回顾</strong></p>
<p>过去一年，全市地区生产总值增长5.5%，一般公共预算收入增长8.1%，城乡居民收入分别增长4.9%和7.2%。</p>
<p><strong>二、2024年主要目标任务</strong></p>
<p>今年经济社会发展的主要预期目标是：地区生产总值增长5.5%左右，城镇调查失业率控制在5.5%以内。</p>
<p>各位代表，新征程上，我们要坚定信心、实干争先，为建设现代化晋中市而努力奋斗！</p>
</div>
<div class="share">分享到：<a href="#" class="wx">微信</a><a href="#" class="wb">微博</a></div>
<div class="qr">扫一扫在手机打开当前页</div>
<div class="xg"><h3>相关链接</h3><ul><li><a href="/a">2023年晋中市政府工作报告</a></li><li><a href="/b">2022年晋中市政府工作报告</a></li><li><a href="/c">图解2024年政府工作报告</a></li></ul></div>
</div>
<div class="footer"><p>主办单位：晋中市人民政府办公室 承办单位：晋中市大数据中心</p><p>网站标识码：1234000001 某ICP备12345678号 某公网安备 12345678901234号</p><p><a href="/contact">联系我们</a> | <a href="/map">网站地图</a></p></div>
</body></html>
"""


def test_a_city_portal_report_page_in_gbk() -> None:
    doc = parse_document(_PORTAL.encode("gb18030"), "page.html")
    assert (doc.title, doc.region, doc.year, doc.kind) == (
        "2024年晋中市政府工作报告",
        "晋中市",
        2024,
        "政府工作报告",
    )
    assert [s.title for s in doc.walk() if s.title] == [
        "一、2023年工作回顾",
        "二、2024年主要目标任务",
    ]
    for junk in (
        "当前位置",
        "字号",
        "打印本页",
        "关闭窗口",
        "分享到",
        "扫一扫",
        "相关链接",
        "ICP",
        "网站标识码",
        "主办单位",
    ):
        assert junk not in doc.text, junk
    assert doc.text.rstrip().endswith("为建设现代化晋中市而努力奋斗！")
    assert check_no_loss(_PORTAL, doc) == []


def _bulletin_page() -> str:
    """A small statistical-bulletin page: 01-style section lines, a caption and unit over an image,
    a data table of a Chinese cell then numbers."""
    para = "全年地区生产总值比上年增长百分之五，三次产业协调发展，经济运行总体平稳。" * 2
    return (
        "<html><head><title>某省2022年国民经济和社会发展统计公报</title></head><body>"
        "<div class='nav'><a href='/'>首页</a> <a href='/a'>政务公开</a></div>"
        "<div class='article'><h1>某省2022年国民经济和社会发展统计公报</h1>"
        f"<p>01综合</p><p>{para}</p>"
        "<p>表1 2022年各类学校招生人数</p><p>单位：万人</p><p><img src='t1.png'></p>"
        f"<p>02文化旅游、卫生健康与体育</p><p>{para}</p>"
        "<table><tr><td>产品名称</td><td>计量单位</td><td>产量</td></tr>"
        "<tr><td>饮料酒</td><td>千升</td><td>15767</td></tr>"
        "<tr><td>塑料制品</td><td>吨</td><td>183946</td></tr></table>"
        f"<p>{para}</p></div><div class='footer'>网站标识码：0000000000</div></body></html>"
    )


def test_bulletin_page_sections_captions_and_table_cells() -> None:
    doc = parse_document(_bulletin_page().encode("utf-8"), "page.html")
    titles = [s.title for s in doc.walk() if s.title]
    # A section numbered 01… glued to its title is a heading, with or without a 、 in it.
    assert "01综合" in titles and "02文化旅游、卫生健康与体育" in titles
    # A table caption is text, not a heading; the caption, its unit line and the next heading
    # stay separate lines (a web page's blocks are not rejoined).
    assert not any(t.startswith("表1") for t in titles)
    lines = doc.text.split("\n")
    assert "表1 2022年各类学校招生人数" in lines and "单位：万人" in lines
    # A data table's cells stay parted: a Chinese cell is not glued to the number after it.
    assert "饮料酒 千升 15767" in lines
    assert "千升15767" not in doc.text
    assert doc.kind == "统计公报" and doc.year == 2022
    assert check_no_loss(_bulletin_page(), doc) == []
