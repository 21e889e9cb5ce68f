"""Round 16 classes (issue 9, titles): a copy site's province label and (全文) note, a speaker
glued before a report's title, a programme's colon label, a second headline glued onto the
headline printed again below, a headline the line joiner ran into the paragraph after it — on
the judged texts, on small texts written for each class and on their look-alikes
(benchmarks/inputs/results_r16_titles.md)."""

from __future__ import annotations

import gzip

import pytest

from inputs_helpers import DATA, parse_data, parse_text
from reporttui.core.model import Document
from reporttui.core.text.ingest import parse_document
from reporttui.core.text.title_tags import (
    drop_colon_label,
    drop_glued_copy_start,
    drop_record_notes,
    own_title,
)
from reporttui.core.text.title_votes import (
    glued_headline,
    kicker_over_copied_headline,
    record_title,
    title_run_into_line,
)


@pytest.mark.parametrize(
    ("rel", "title"),
    [
        # a province label in brackets before the title, a (全文) note after it
        ("held5/gongwensou-yaohai-2021.txt", "2021年合肥市瑶海区人民政府工作报告"),
        ("held6/bx2200-luxian-2022.txt", "泸县人民政府工作报告"),
        ("held9/benet-zhenglanqi-2022.txt", "2022年正蓝旗人民政府工作报告"),
        ("held10/bx2200-shuangpai-tjgb-2023.txt", "双牌县2023年国民经济和社会发展统计公报"),
        ("held16/sina-zuigaojian-2006.txt", "最高人民检察院工作报告"),
        ("held26/yangling-2010.txt", "2010年政府工作报告"),
        # the speaker glued before a CPPCC standing committee's report
        ("held26/wuhan-zhengxie-baogao-2022.txt", "政协武汉市第十三届委员会常务委员会工作报告"),
        # a programme's name the body prints in title marks (《两会知多少》第12期)
        ("pages16/johnnytowncar-baogao-2018.txt", "全国两会上有哪些例行“报告”？"),
        # a second headline glued onto the headline printed again below (Traditional)
        ("pages19/macaodaily-shizheng-2018.txt", "特首明发表2019施政报告"),
    ],
)
def test_judged_titles_without_what_a_copy_glued_on(rel: str, title: str) -> None:
    assert parse_data(rel).title == title


@pytest.mark.parametrize(
    ("rel", "title"),
    [
        (
            "pages20/hangzhou-shishi-2023.txt",
            "刚刚，市政府2023年度十件民生实事定了！事关每个杭州人",
        ),
        (
            "pages20/xinye-shicha-2025.txt",
            "县人大常委会视察2025年上半年国民经济和社会发展计划执行情况、政策性资金争取情况"
            "及民生实事办理情况",
        ),
        (
            "pages24/nownews-zhengxie-bimu-2019.txt",
            "大陆全国政协会议闭幕 汪洋：「发扬民主、凝聚共识」",
        ),
        # Traditional, its column tag dropped, run into its summary bullets (▷ …): before a
        # bold subhead the body repeats as much (a vote from anywhere on the page)
        (
            "held23/etnet-shendanyang-2026.txt",
            "报告起草组沈丹阳：「改革」「创新」高频词，共出现75次",
        ),
        # after a line of sub-site links; the picture mark after the headline goes
        ("pages23/chxf-miaogang-2017.txt", "庙岗乡第九届人民代表大会第四次会议胜利召开"),
        # a joint notice's issuers the body does not repeat: its copies on the page vouch for it
        (
            "pages14/lr5-chengdu-fgw-tongzhi.txt",
            "成都市发展和改革委员会 中共成都市委社会工作部 成都市规划和自然资源局"
            " 成都市住房和城乡建设局 关于印发成都市城市社区嵌入式服务设施建设工程实施方案的通知",
        ),
    ],
)
def test_judged_headlines_run_into_the_paragraph_after_them(rel: str, title: str) -> None:
    doc = parse_data(rel)
    assert doc.title == title
    first_line, _, rest = doc.text.partition("\n")
    if first_line.startswith(title) and len(first_line) - len(title) <= 4 and rest.strip():
        # the cleaning now parts the headline from its paragraph (a picture mark after it)
        assert doc.meta["evidence.title"] == "title line"
    else:
        assert doc.meta["evidence.title"].startswith("a headline run into the paragraph")


@pytest.mark.parametrize(
    ("rel", "title"),
    [
        # a title printed whole, then over two lines: the rest completes it (关于…的复函,
        # …的议案), it is no second headline
        ("govcn-zhengce-10.html.gz", "国务院办公厅关于科技节水建议的复函"),
        (
            "held28/arapartments-quangang-juesuan-2023.txt",
            "泉州市泉港区人民政府关于提请审议2023年泉港区财政收支决算草案的议案",
        ),
    ],
)
def test_judged_titles_printed_whole_then_wrapped_stay_whole(rel: str, title: str) -> None:
    if rel.endswith(".gz"):
        doc = parse_document(gzip.decompress((DATA / rel).read_bytes()), rel[:-3])
    else:
        doc = parse_data(rel)
    assert doc.title == title


def test_written_record_notes_and_their_look_alikes() -> None:
    assert drop_record_notes("(河南省)2023年某县政府工作报告") == "2023年某县政府工作报告"
    assert drop_record_notes("（广西壮族自治区）某县统计公报(全文)") == "某县统计公报"
    assert drop_record_notes("某县政府工作报告【全文】") == "某县政府工作报告"
    # (摘要) and (草案) say what the document is; a bracket that names no province is no label
    for kept in (
        "某县政府工作报告（摘要）",
        "关于某县2023年预算执行情况和2024年预算草案的报告(草案)",
        "(受权发布)政府工作报告",
        "(二)政府工作报告",
    ):
        assert drop_record_notes(kept) == kept
    # too little after the label: the label may be all there is
    assert drop_record_notes("(西藏)公报") == "(西藏)公报"


def test_written_glued_speakers_and_speeches() -> None:
    assert drop_record_notes("李明同志在某市政协常务委员会工作报告") == "某市政协常务委员会工作报告"
    # a speech's own title names its speaker and the meeting the 在 opens
    for kept in (
        "李明同志在全县经济工作会议上的讲话",
        "李明同志在某市第十届人民代表大会第一次会议上的报告",
        "李明同志在某市政协常务委员会",
    ):
        assert drop_record_notes(kept) == kept


def test_written_programme_labels() -> None:
    headline = "全国两会上有哪些例行的报告"
    assert drop_colon_label(f"两会知多少：{headline}", "《两会知多少》第3期聊聊报告。") == headline
    # the body names the label's words plainly (a speaker, the subject): kept
    said = f"两会代表说：{headline}"
    assert drop_colon_label(said, "两会代表说，报告很实在。") == said


def test_written_second_headlines_and_wrapped_titles() -> None:
    body = "行政长官明日发表施政报告。市民可下载施政报告文本。"
    first, own = "特首明发表施政报告下载及索取施政报告文本", "特首明发表施政报告"
    assert own_title(first, [first, own], body) == (
        own,
        "the title line printed again below a labelled copy (rule 1)",
    )
    # a rest completing the line below (the body goes on with its words) keeps the line whole
    body = "现将某县决算草案的议案提请审议。关于某项建议的复函已发出。市民可下载文本。"
    for whole, part in (
        ("某县人民政府关于提请审议某县决算草案的议案", "某县人民政府关于提请审议"),
        ("国务院办公厅关于某项建议的复函", "国务院办公厅"),
        # nothing of the headline restated: no second headline on its subject
        ("特首明发表施政报告市民可下载文本", "特首明发表施政报告"),
    ):
        assert own_title(whole, [whole, part], body) is None


def test_written_glued_headlines_and_wrapped_paragraphs() -> None:
    headline = "某县十件民生实事项目票决产生"
    para = "今天，某县人大代表票决产生了十件民生实事项目，涉及教育、医疗、养老。"
    text = headline + para
    assert glued_headline([(headline, True), (para, True)], [text], text) == headline
    # a line that did not stand apart in the source is a wrapped paragraph's first line
    assert glued_headline([(headline, False), (para, True)], [text], text) is None
    # a line cut at a clause mark is no headline; a whole line of the text is the title block's
    cut = "今天，某县人大代表票决产生了，"
    assert glued_headline([(cut, True)], [cut + "十件实事"], cut + "十件实事") is None
    assert glued_headline([(headline, True)], [headline, para], para) is None
    # the body does not repeat its words and the page has no copy: not clear
    other = "春风十里不如你的笑容灿烂"
    assert glued_headline([(other, True)], [other + para], other + para) is None
    doc = parse_text(f"{headline}\n\n发布时间：2023-02-22\n\n{para}\n")
    assert doc.title == headline


@pytest.mark.parametrize(
    ("rel", "title"),
    [
        # a text run into one line: the title before its meeting line (a chunk's number before it)
        ("held26/yantian-doc-2012.txt", "政府工作报告"),
        # …, or before its source's name and time stamp (the arrow after the headline goes)
        (
            "held22/shedunews-quanguo-zhengxie-2025.txt",
            "全国政协十四届三次会议即将开幕！会期、议程来了",
        ),
        # a document farm's copy run into one line: the title spaced out for print before its
        # meeting line, after the site's blurb; the shared file's name (…_22.docx) is no headline
        ("held8/taowenge-xinmin-2023.txt", "政府工作报告"),
        # no title line in the content: the gazette record's 名 称 field
        ("held26/shenzhen-gongbao-2010.txt", "政府工作报告"),
    ],
)
def test_judged_titles_of_one_line_texts_and_records(rel: str, title: str) -> None:
    assert parse_data(rel).title == title


def test_written_one_line_titles_and_their_look_alikes() -> None:
    meeting = "——2012年1月3日在某区第四届人民代表大会第一次会议上区长李明各位代表："
    assert title_run_into_line("1政府工作报告" + meeting) == "政府工作报告"
    assert title_run_into_line("2012年某区政府工作报告" + meeting) == "2012年某区政府工作报告"
    # a title that names no kind of document, or a sentence before the line: none
    assert title_run_into_line("今年的工作" + meeting) is None
    assert title_run_into_line("现在，我代表区人民政府作报告" + meeting) is None
    blurb = "某县政府工作报告_范文 本文由我整理，希望带来便利。 "
    assert title_run_into_line(blurb + "政 府 工 作 报 告" + meeting[2:]) == "政府工作报告"
    # a spaced line that names no kind of document: none
    assert title_run_into_line(blurb + "各 位 代 表 们" + meeting[2:]) is None
    stamp = "某县两会今日开幕→ 某县发布 2025-03-03 17:00:00 会议将于3月4日开幕。"
    assert title_run_into_line(stamp) == "某县两会今日开幕"
    assert title_run_into_line("会议将于3月4日开幕。某县发布 2025-03-03 17:00:00") is None


def test_written_record_names() -> None:
    assert record_title(["索 引 号：043000", "名 称：政府工作报告", "文 号："]) == "政府工作报告"
    assert record_title(["名 称：", "分 类：市人大会议文件"]) is None
    # the content's own title line wins over a record (rule 1)
    doc = parse_text(
        "索 引 号：043000-10-2010-004991\n分 类：市五届人大一次会议文件\n"
        "名 称：2010年某市政府工作报告\n文 号：\n\n某市政府工作报告\n\n"
        "——2010年5月31日在某市第五届人民代表大会第一次会议上\n\n各位代表：\n\n"
        "现在，我代表市人民政府向大会作政府工作报告，请予审议。\n"
    )
    assert doc.title == "某市政府工作报告"
    # without it, the record's name is the title
    doc = parse_text(
        "索 引 号：043000-10-2010-004991\n分 类：市五届人大一次会议文件\n"
        "名 称：2010年某市政府工作报告\n文 号：\n\n"
        "——2010年5月31日在某市第五届人民代表大会第一次会议上\n\n各位代表：\n\n"
        "现在，我代表市人民政府向大会作政府工作报告，请予审议。\n"
    )
    assert doc.title == "2010年某市政府工作报告"


_REPORT_BODY = (
    "**各位代表：**\n\n现在，我代表自治区人民政府向大会报告工作，请予审议，并请自治区政协委员提出意见。\n\n"
    "**一、2019年工作回顾**\n\n刚过去的2019年，全区经济稳中有进，人民生活持续改善。\n"
)


def test_written_bold_speaker_under_a_plain_title() -> None:
    # the title set as a list item (its bold lost), the speaker's line bold: the title line
    text = (
        "---\ntitle: 2020年自治区政府工作报告\n---\n\n- **政府工作报告**\n\n"
        "—2020年1月6日在某自治区第十三届人民代表大会第三次会议上\n\n"
        "**自治区主席 雪克来提·扎克尔**\n\n" + _REPORT_BODY
    )
    assert parse_text(text, "t.md").title == "政府工作报告"
    # no title line above the bold speaker (only the meeting line): the front matter's, as before
    text = (
        "---\ntitle: 2012年某市政府工作报告\n---\n\n"
        "**——2012年1月6日在某市第十四届人民代表大会第一次会议上**\n\n**代理市长 李明**\n\n"
        "**（备注：李明已于1月11日当选为市长）**\n\n" + _REPORT_BODY
    )
    assert parse_text(text, "t.md").title == "2012年某市政府工作报告"


def _page(rel: str) -> Document:
    return parse_document(gzip.decompress((DATA / rel).read_bytes()), rel[:-3])


def test_judged_kickers_over_headlines() -> None:
    # a WeChat page: the headline after its column's bar kicker, over the article's own banner
    # line (人人讲安全 个个会应急) whose words the body repeats as much
    assert _page("pages23/zhyc-weixin-yingji-2024.html.gz").title == (
        "《讲安全、会应急，你准备好了吗》新书捐赠会暨相关法规标准公益宣贯活动在北京举办"
    )
    # a bold kicker line (15家企业) over the headline the page prints again as its <title>
    assert (
        _page("pages26/yndaily-lvse-2022.html.gz").title == "17种产品、1个园区入选国家绿色制造名单"
    )


def test_written_kicker_lines_and_their_look_alikes() -> None:
    headline = "17种产品、1个园区入选国家绿色制造名单"
    copies = {headline}
    assert kicker_over_copied_headline(["15家企业", headline], copies) == headline
    # the page has no copy of the line below; a kind-word first line; a long first line: none
    assert kicker_over_copied_headline(["15家企业", headline], set()) is None
    assert kicker_over_copied_headline(["政府工作报告", headline], copies) is None
    assert kicker_over_copied_headline(["我省十五家企业入选名单", headline], copies) is None
    assert kicker_over_copied_headline([headline], copies) is None


def test_judged_title_with_its_copy_start_glued_on() -> None:
    # the page's title line run into the first half of the PDF's own title block
    assert (
        parse_data("held23/pinglu-tongji-2023.txt").title
        == "平陆县2023年国民经济和社会发展统计公报"
    )


def test_written_glued_copy_starts_and_their_look_alikes() -> None:
    title = "某县2023年国民经济和社会发展统计公报"
    assert drop_glued_copy_start(title + "某县2023年国民经济") == title
    assert (
        drop_glued_copy_start("某县政府工作报告什么时候开始-某县政府工作报告")
        == "某县政府工作报告什么时候开始"
    )
    # a start shorter than six characters, no copy at all, or the whole title twice: left
    for kept in ("某县统计公报某县", title, "统计公报统计公报"):
        assert drop_glued_copy_start(kept) == kept
