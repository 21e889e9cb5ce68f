"""Round 16 (issue 9): a block pasted into an article's paragraph (a label and a person's profile
or a shop's text, its lines parted by raw line breaks the page's own paragraphs do not have) and
a copy of the headline with the site's name over the headline go to the dropped view; the
article's sentences, and lines only looking like them, stay. Real judged files
(tests/data/inputs, sources in SOURCES.md)."""

from __future__ import annotations

import gzip
import re

from inputs_helpers import DATA, dropped
from reporttui.core.model import Document
from reporttui.core.text.ingest import check_no_loss, parse_document


def _page(name: str, edit: object = None) -> Document:
    raw = gzip.decompress((DATA / name).read_bytes()).decode("utf-8")
    if callable(edit):
        raw = edit(raw)
    doc = parse_document(raw, name.removesuffix(".gz"))
    assert check_no_loss(raw, doc) == []
    return doc


def _text(name: str) -> Document:
    raw = (DATA / name).read_bytes()
    doc = parse_document(raw, name)
    assert check_no_loss(raw.decode("utf-8"), doc) == []
    return doc


def test_a_label_and_profile_pasted_into_a_paragraph_go() -> None:
    # pages12 p12-07: 关于出席嘉宾\n艺鸣，歌手…\n代表作品：… inside the story's <p>.
    doc = _page("xinhua-yinyuejie-2024.html.gz")
    gone = " ".join(dropped(doc, "pasted block"))
    assert "关于出席嘉宾" not in doc.text and "关于出席嘉宾" in gone
    assert "中国音乐家协会高级注册教师" not in doc.text and "代表作品" in gone
    assert "据悉，第二十七届北京国际音乐节于10月5日至13日在北京举办。" in doc.text
    # pages10 p10-03: 关于专家组\n<a company director's name>, between the meeting's paragraphs.
    doc = _page("baiyun-hulianwang-2024.html.gz")
    assert "关于专家组" not in doc.text and "执行董事文云祥" not in doc.text
    assert "会上，区卫生健康局汇报了我区互联网医疗产业发展特点" in doc.text
    # pages10 p10-11: the numbered label (（五）关于专家组：) goes with the profile, twice.
    doc = _page("wlmq-peixun-2024.html.gz")
    assert len(dropped(doc, "pasted block")) == 2
    assert "高金波" not in doc.text and "岭南画派" not in doc.text
    assert "（四）申报艺术、图书资料、文物博物、群众文化系列（专业）初、中级职称" in doc.text


def test_the_sentence_before_the_paste_stays() -> None:
    # pages12 p12-03: the museum page's own last sentence, then 简介：\n董逸泉，1962年生…
    doc = _page("taiyuan-meishuguan.html.gz")
    assert "洪洞董氏以及董氏文风由董逸泉继续传承。" in doc.text
    assert "1962年生" not in doc.text
    assert any(p.startswith("简介：") for p in dropped(doc, "pasted block"))
    # pages9 p9-06: a sentence over a tea shop's text pasted after the article's end.
    doc = _page("anxi-zijia-2023.html.gz")
    assert "石韵坑是乌龙茶的重要产区之一" in doc.text
    assert "乌龙王是一种乌龙茶" not in doc.text and "石韵坑山场位于" not in doc.text
    assert "据悉，此次我省共有永泰、霞浦、安溪、连城、屏南、东山等6个县获评" in doc.text


def test_line_breaks_of_the_page_itself_are_no_paste() -> None:
    # The same page with the paste's breaks closed up: one paragraph of the article, kept.
    closed = lambda s: re.sub(r"(?<=[宾。])\n(?=[艺代])", "", s)  # noqa: E731
    doc = _page("xinhua-yinyuejie-2024.html.gz", closed)
    assert "关于出席嘉宾艺鸣" in doc.text
    assert dropped(doc, "pasted block") == []
    # A page whose every paragraph is broken in its source (a CMS that wraps its text): the
    # breaks are the page's style, not a paste, and nothing goes.
    wrapped = lambda s: re.sub(r"(。)(?=[^<\n]{10,}</p>)", "。\n", s)  # noqa: E731
    doc = _page("baiyun-hulianwang-2024.html.gz", wrapped)
    assert dropped(doc, "pasted block") == []
    assert "关于专家组" in doc.text and "会议指出，我区是广州中心城区" in doc.text
    # Breaks the CMS indents (来源:\r\n      绵阳市政务网) and a break inside a sentence (a
    # source wrapped mid-sentence, readhub p7-04's judged sentence) are not pastes.
    doc = _page("readhub-5g.html.gz")
    assert dropped(doc, "pasted block") == []
    assert "手机的促销手段原本有三大类" in doc.text
    doc = _page("scgov-mianyang-2020.html.gz")
    assert dropped(doc, "pasted block") == []


def test_a_headline_copy_with_the_site_tail_or_crumbs_goes() -> None:
    # pages23 p23-08: 标题 - 天天要闻 国际 over 标题; held20 h20-10: 美章网 资料文库 标题 over 标题.
    doc = _text("pages23/daydaynews-furong-kaimu-2024.txt")
    assert "天天要闻" not in doc.text
    assert dropped(doc, "headline copy") == [
        "芙蓉区第六届人民代表大会第五次会议开幕 - 天天要闻 国际"
    ]
    assert doc.text.startswith("芙蓉区第六届人民代表大会第五次会议开幕")
    assert doc.title == "芙蓉区第六届人民代表大会第五次会议开幕"
    doc = _text("held20/xchen-chengchong-2005.txt")
    assert dropped(doc, "headline copy") == ["美章网 资料文库 镇政府报告范文"]
    assert "镇政府报告范文" in doc.text and doc.title == "镇政府报告"
    # pages14 p14-03: under the notice's headline, a listing's copy of it with its teaser cut off.
    doc = _text("pages14/lr5-chengdu-fgw-tongzhi.txt")
    (copy,) = dropped(doc, "headline copy")
    assert copy.endswith("的通知 各区(市)县政府(管委会…")
    assert "各区(市)县政府(管委会)，市级有关部门，有关单位：" in doc.text
    assert "(管委会…" not in doc.text


def test_lines_only_like_a_headline_copy_stay() -> None:
    body = "\n".join(
        [
            "12月25日上午，芙蓉区第六届人民代表大会第五次会议在雄壮嘹亮的国歌声中开幕。",
            "会议听取并审议了区人民政府工作报告，代表们认为报告实事求是、重点突出。",
        ]
    )
    for head in (
        # a title printed twice, a subtitle under a longer title, a title over its own words
        # with more than a tail's words after them, a sentence ending the line
        "芙蓉区第六届人民代表大会第五次会议开幕\n芙蓉区第六届人民代表大会第五次会议开幕",
        "芙蓉区第六届人民代表大会第五次会议开幕 代表们肩负全区人民嘱托共议发展\n芙蓉区第六届人民代表大会第五次会议开幕",
        "区长作报告：芙蓉区第六届人民代表大会第五次会议开幕\n芙蓉区第六届人民代表大会第五次会议开幕",
        # a headline over its subtitle that opens with the headline's words, no teaser's ellipsis
        "芙蓉区第六届人民代表大会第五次会议开幕\n芙蓉区第六届人民代表大会第五次会议开幕 区长作政府工作报告",
    ):
        src = head + "\n" + body
        doc = parse_document(src)
        assert check_no_loss(src, doc) == []
        assert dropped(doc, "headline copy") == [], head
        assert head.split("\n")[0] in doc.text or doc.title == head.split("\n")[0], head


def test_a_portal_operator_record_in_the_text_goes() -> None:
    # pages10 p10-11: the page prints its footer between its two copies of the notice (开办：/
    # 主办：/承办：/地址：, a line each); with it in the text, its government was read as the
    # notice's region once the paste before it had gone.
    doc = _page("wlmq-peixun-2024.html.gz")
    gone = dropped(doc, "site record")
    assert gone[:4] == [
        "开办：乌鲁木齐市人民政府",
        "主办：乌鲁木齐市人民政府办公室",
        "承办：乌鲁木齐市人民政府电子政务中心",
        "地址：乌鲁木齐市南湖东路30号",
    ]
    assert doc.region == "新疆维吾尔自治区"
    assert "新疆文化艺术学校微信公众号点击连接小鹅通学习平台" in doc.text


def test_an_events_organisers_stay() -> None:
    # The organisers of an event (no address or registration under them) are no site record.
    body = [
        "为丰富群众文化生活，县文化馆将举办2024年迎新春书画展，现将有关事项通知如下。",
        "主办：县委宣传部",
        "承办：县文化馆",
        "协办：县书法家协会",
        "时间：2024年2月1日至2月15日",
        "请各单位积极组织干部职工参观。",
    ]
    src = "\n".join(body)
    doc = parse_document(src)
    assert check_no_loss(src, doc) == []
    assert dropped(doc, "site record") == []  # (older rules take 主办：/承办： rows as records)
    assert "请各单位积极组织干部职工参观。" in doc.text


def test_a_dateline_alone_over_a_title_copy_goes_over_its_lead_it_stays() -> None:
    # held26 h26-13: 新華社北京3月13日電 alone between the report's two title lines.
    doc = _text("held26/ywprotime-guojia-jihua-2021.txt")
    assert "新華社北京3月13日電" not in doc.text
    assert "新華社北京3月13日電" in dropped(doc, "byline")
    assert "受國務院委托" in doc.text
    # The same dateline on its own line over the story's lead opens the lead: it stays.
    src = "\n".join(
        [
            "国务院召开常务会议",
            "新华社北京3月13日电",
            "国务院总理主持召开国务院常务会议，部署落实政府工作报告重点任务分工。",
            "会议指出，要以钉钉子精神抓好各项任务落实，推动经济持续回升向好。",
        ]
    )
    doc = parse_document(src)
    assert check_no_loss(src, doc) == []
    assert "新华社北京3月13日电" in doc.text


def test_a_search_widgets_labels_and_an_ads_contact_in_the_opening_go() -> None:
    # held28 h28-12: 搜索位置 / 匹配度 / 排序 under the bureau's name, over the report's title.
    doc = _text("held28/yczf-yangcheng-juesuan-2023.txt")
    assert "匹配度" not in doc.text and "匹配度" in dropped(doc, "web chrome")
    assert "阳城县2023年政府决算" in doc.text and "第一部分" in doc.text
    # held31 h31-08: 洽談電話 / 400-6060-805 opening an ad company's copy of a town's news.
    doc = _text("held31/zzkailai-chengxiang-2023.txt")
    assert dropped(doc, "contact row") == ["洽談電話", "400-6060-805"]
    assert doc.title != "洽谈电话" and doc.region == "城厢镇"
    # pages23 p23-09: a portal's bar of its towns' sub-sites (乡镇(街道)分站： 苏湾镇 栏杆集镇 …).
    doc = _text("pages23/chxf-miaogang-2017.txt")
    assert "栏杆集镇" not in doc.text
    assert any(p.startswith("乡镇(街道)分站") for p in dropped(doc, "web chrome"))
    assert doc.text.startswith("庙岗乡第九届人民代表大会第四次会议胜利召开")
    assert doc.region == "庙岗乡"


def test_short_lines_and_contacts_of_the_text_itself_stay() -> None:
    # After the text's first sentence, short lines (a list of names, the signature) and a
    # notice's contact (联系电话 / its number) are the text's.
    body = [
        "关于做好2024年春节期间安全生产工作的通知",
        "各乡镇人民政府，县直各有关单位：为切实做好春节期间安全生产工作，现将有关事项通知如下。",
        "一、值班安排",
        "县安委会办公室实行24小时值班制度，值班人员名单如下。",
        "张建国",
        "李明华",
        "王晓东",
        "联系电话",
        "0931-8812345",
        "二、工作要求",
        "参加检查的乡镇：城关镇 新集镇 李店镇 白土镇 曹河乡",
        "各单位要严格落实领导带班和关键岗位24小时值班制度，确保信息畅通。",
    ]
    src = "\n".join(body)
    doc = parse_document(src)
    assert check_no_loss(src, doc) == []
    assert dropped(doc, "contact row") == []
    assert all(line in doc.text for line in ("张建国", "李明华", "王晓东", "0931-8812345"))
    assert "参加检查的乡镇：城关镇 新集镇 李店镇 白土镇 曹河乡" in doc.text
    # Before the first sentence, a label over people (no divisions) is no bar of sub-sites.
    src = "主席团常务主席：王建军 李红梅 张国庆 刘志强 陈立新\n" + "\n".join(body[1:])
    doc = parse_document(src)
    assert check_no_loss(src, doc) == []
    # (an older rule takes the names after the first one off the line as a tab bar: not this one)
    assert "主席团常务主席：王建军" in doc.text


def test_a_reporters_name_after_a_papers_item_goes_a_closing_stays() -> None:
    # pages18 p18-03: 本报讯 … 贡献政协智慧和力量。邵桢 (the reporter glued to the last sentence).
    doc = _text("pages18/xpaper-zhengxie-changwei.txt")
    assert "邵桢" in dropped(doc, "byline") and "邵桢" not in doc.text
    assert doc.text.endswith("为高质量开启快速崛起新征程贡献政协智慧和力量。")
    lead = "本报讯 昨天下午，区政协召开常委会议，协商通过了区政协2021年工作要点。"
    last = "会议要求，要认真履职尽责，为全区高质量发展贡献政协智慧和力量。"
    for tail, kept in (("此复", True), ("邵桢", False)):
        src = "\n".join([lead, last + tail])
        doc = parse_document(src)
        assert check_no_loss(src, doc) == []
        assert (tail in doc.text) is kept, tail
    # Not the paper's own item (no 本报讯): a name-like tail is left to the older rules.
    src = "\n".join(
        ["昨天下午，区政协召开常委会议，协商通过了区政协2021年工作要点。", last + "邵桢"]
    )
    assert "邵桢" not in " ".join(dropped(parse_document(src), "byline"))


def test_an_attachment_label_glued_after_the_last_sentence_goes() -> None:
    # pages17 p17-07: …关于代表议案审查意见的报告。 附件 (the attachment itself not saved).
    doc = _text("pages17/caigoupt-songjiang-renda.txt")
    assert dropped(doc, "attachment") == ["附件"]
    assert doc.text.endswith("听取、审议和通过了区人大法制委员会关于代表议案审查意见的报告。")
    # An attachment named in a sentence, or a label with the attachment's title after it, stays.
    for last in (
        "现将有关材料作为附件印发，请认真贯彻执行。",
        "请结合实际认真贯彻落实。附件：任务分工表",
    ):
        src = (
            "各乡镇人民政府，县直各有关单位：为切实做好春节期间安全生产工作，现将有关事项通知如下。\n"
            + last
        )
        doc = parse_document(src)
        assert check_no_loss(src, doc) == []
        assert dropped(doc, "attachment") == [], last
