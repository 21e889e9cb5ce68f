"""Round 14 (issue 9): production credits, counters and a law database's record fields go to
the dropped view by their shape; the sentences around them stay."""

from __future__ import annotations

from furniture_helpers import BODY, _dropped, _kept, _parse


def test_credit_lines_after_the_story_go() -> None:
    # held29 h29-18 (编辑 | 名 / 审核 | 名), pages24 p24-07 (roles glued, a spaced name) and
    # p24-08 (Traditional, roles parted by spaces, three names for one role).
    credits = [
        "编辑 | 李念辉",
        "审核 | 李学成",
        "文案：郭慧岩后期：张   琳海报：张   琳",
        "編輯 曾淑花 袁鳳云 二審 朱暉 三審 陳浩勤",
        "記者 徐鈞鉆 顏子怡 張房耿",
    ]
    doc = _parse("\n".join(BODY) + "\n" + "\n".join(credits))
    assert _kept(doc)
    for name in ("李念辉", "李学成", "郭慧岩", "陳浩勤", "張房耿"):
        assert name not in doc.text and name in _dropped(doc)
    assert any(d.reason == "byline" and "李念辉" in d.text for d in doc.dropped)


def test_a_credit_glued_after_the_last_sentence_goes_and_the_sentence_stays() -> None:
    # held27 h27-07: (撰稿：何青 审核：刘敏) closing the paragraph.
    last = "会议审议并表决通过了有关人事任免案，决定提请区四届人大五次会议审议。"
    doc = _parse("\n".join(BODY) + "\n" + last + "(撰稿：何青 审核：刘敏)")
    assert (
        last in doc.text and "何青" not in doc.text and "(撰稿：何青 审核：刘敏)" in _dropped(doc)
    )
    assert _kept(doc)


def test_lines_that_only_look_like_credits_stay() -> None:
    # A role word whose value is no person's name (an office), a label with no value, a role
    # word glued into a phrase, a sentence that opens with 记者: not credits.
    lines = ["策划：县委宣传部新闻科", "主编：", "审核把关", "记者从会上获悉，全县新增就业三千人。"]
    doc = _parse("\n".join(BODY[:2]) + "\n" + "\n".join(lines) + "\n" + "\n".join(BODY[2:]))
    for line in lines:
        assert line in doc.text
    assert _kept(doc)


def test_a_view_counter_in_the_opening_goes() -> None:
    # held29 h29-12: 浏览(4308 under the headline.
    src = "马俊副主席在区八届政协三次会议上的开幕词\n浏览(4308\n" + "\n".join(BODY)
    doc = _parse(src)
    assert "4308" not in doc.text and "浏览(4308" in _dropped(doc) and _kept(doc)
    assert doc.title == "马俊副主席在区八届政协三次会议上的开幕词"


def test_a_law_databases_two_record_lines_go_and_still_date_the_text() -> None:
    # held30 h30-11 (发布部门 / an empty 发布文号 over a 决议) and pages17 p17-09 (the number
    # 宁政发[2006]275号 in 发布文号, the text's only year).
    src = (
        "南京市政府关于分解落实十一五规划纲要主要目标和任务的通知\n"
        "发布部门: 江苏省南京市人民政府\n发布文号: 宁政发[2006]275号\n"
        "各区县人民政府，市府各委办局，市各直属单位：\n" + "\n".join(BODY)
    )
    doc = _parse(src)
    assert "发布部门" not in doc.text and "宁政发" not in doc.text
    assert "宁政发[2006]275号" in _dropped(doc)
    assert "各区县人民政府，市府各委办局，市各直属单位：" in doc.text and _kept(doc)
    assert doc.year == 2006


def test_a_title_field_in_the_opening_is_not_taken_by_the_two_line_rule() -> None:
    src = "标题：关于全县春耕生产的通知\n发布部门：县政府办公室\n" + "\n".join(BODY)
    doc = _parse(src)
    assert "关于全县春耕生产的通知" in doc.text + doc.title and _kept(doc)


def test_a_bulletins_captions_glued_before_a_paragraph_go_and_the_paragraph_stays() -> None:
    # held26 h26-07 (洪洞县 2019 统计公报): the charts' and tables' captions before the text.
    para = "据2019年人口抽样调查，年末全县常住人口766579，比上年末增加2028人。"
    para2 = "全年全县城镇新增就业5394人，转移农村劳动力6204人，年末城镇登记失业率0.57%。"
    src = (
        "\n".join(BODY)
        + "\n图1 2015-2019年全县生产总值及其增长速度 图2 2015-2019年全县生产总值三次产业构成 单位：%"
        + para
        + "\n表1 2019年人口数及其构成 单位：人 "
        + para2
    )
    doc = _parse(src)
    assert para in doc.text and para2 in doc.text and _kept(doc)
    assert "增长速度" not in doc.text and "人口数及其构成" not in doc.text
    gone = [d.text for d in doc.dropped if d.reason == "figure caption"]
    assert "图2 2015-2019年全县生产总值三次产业构成 单位：%" in gone
    assert "表1 2019年人口数及其构成 单位：人" in gone


def test_a_table_caption_alone_and_a_sentence_opening_with_a_figure_number_stay() -> None:
    lines = ["表1 2023年全区生产总值", "图1 2019年以来全县生产总值逐年增长，结构持续优化。"]
    doc = _parse("\n".join(BODY) + "\n" + "\n".join(lines))
    assert lines[0] in doc.text and _kept(doc)
    assert "结构持续优化。" in doc.text


def test_a_taiwanese_pages_picture_credits_and_desk_byline_go() -> None:
    # pages24 p24-06 (nownews): ▲ captions closed by (圖 / 翻攝自網路), the desk's byline alone.
    cap = "▲大陸全國政協十三屆二次會議13日上午在北京人民大會堂舉行閉幕會。 (圖 / 翻攝自網路)"
    src = "\n".join([cap, cap, "", "大陸中心 / 綜合報導", "", *BODY])
    doc = _parse(src)
    assert "翻攝" not in doc.text and "大陸中心" not in doc.text and "閉幕會" not in doc.text
    assert any(d.reason == "byline" and d.text == "大陸中心 / 綜合報導" for d in doc.dropped)
    assert _kept(doc)


def test_a_sites_photo_credit_after_a_caption_goes_and_the_dateline_stays() -> None:
    # pages24 p24-11 (人民网): the caption and its credit twice, glued before the story.
    cap = "香港特区行政长官李家超发表2023年施政报告。人民网吴宇扬扬 摄"
    lead = "人民网香港10月25日电 (吴宇扬扬)香港特区行政长官李家超25日发表任内第二份施政报告。"
    doc = _parse(f"{cap} {cap}{lead}\n" + "\n".join(BODY))
    assert lead in doc.text and "扬扬 摄" not in doc.text and _kept(doc)
    assert sum(1 for d in doc.dropped if d.text == cap) == 2


def test_an_epapers_name_page_label_and_jump_go() -> None:
    # held26 h26-15 (浙江日报 数字报纸 / 00002版:要闻 over a 决议), held29 h29-17 (>>>02-05版).
    title = "浙江省第十三届人民代表大会第二次会议关于政府工作报告的决议"
    src = "\n".join(["浙江日报 数字报纸", "", "", "00002版:要闻", title, *BODY, ">>>02-05版"])
    doc = _parse(src)
    assert "数字报纸" not in doc.text and "00002" not in doc.text and "02-05版" not in doc.text
    assert doc.title == title and _kept(doc)


def test_an_articles_record_in_the_opening_goes_when_the_text_repeats_its_abstract() -> None:
    # pages24 p24-05 (a portal's copy): 内容摘要 (the body's opening again), 关键词, 作者简介.
    src = "\n".join(
        [
            "内容摘要：" + BODY[0] + BODY[1],
            "关键词：；政协；开幕；履职",
            "作者简介：",
            *BODY,
        ]
    )
    doc = _parse(src)
    assert "内容摘要" not in doc.text and "关键词" not in doc.text and "作者简介" not in doc.text
    assert _kept(doc) and doc.text.count(BODY[0]) == 1
    # An abstract the text does not repeat stays (it is the only copy of its sentences).
    own = "内容摘要：本文回顾了县政协过去五年的履职情况，并提出了今后工作的建议。"
    doc = _parse(own + "\n关键词：政协；履职\n" + "\n".join(BODY))
    assert "本文回顾了县政协过去五年的履职情况" in doc.text and "关键词" not in doc.text
    assert "内容摘要" not in doc.text  # (its label goes, its words stay)
