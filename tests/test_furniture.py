"""Page furniture read by its shape and place (issue 9, round 9): every piece is on dropped."""

from __future__ import annotations

from furniture_helpers import BODY, _dropped, _kept, _parse


def test_a_credit_inside_a_line_goes_and_the_sentences_stay() -> None:
    src = (
        "县政协会议开幕\n\n"
        + BODY[0]
        + "(实习生 王明摄)"
        + BODY[1]
        + "\n\n"
        + "\n\n".join(BODY[2:])
    )
    doc = _parse(src)
    assert "王明摄" not in doc.text and "(实习生 王明摄)" in _dropped(doc)
    assert _kept(doc)


def test_a_spaced_agency_credit_glued_to_the_next_paragraph_goes() -> None:
    src = (
        "县政协会议开幕\n\n"
        + "\n\n".join(BODY[:2])
        + "\n\n新华社记者 王明 摄"
        + BODY[2]
        + "\n\n"
        + BODY[3]
    )
    doc = _parse(src)
    assert "新华社记者 王明 摄" not in doc.text and _kept(doc)


def test_a_caption_closed_by_its_credit_goes_with_it() -> None:
    src = (
        "县政协会议开幕\n\n"
        + "\n\n".join(BODY[:2])
        + "\n\n县长作报告(李华 摄)\n\n"
        + "\n\n".join(BODY[2:])
    )
    doc = _parse(src)
    assert "县长作报告" not in doc.text and "县长作报告" in _dropped(doc) and _kept(doc)


def test_a_marked_caption_and_a_figure_label_go() -> None:
    src = (
        "县政协会议开幕\n\n"
        + BODY[0]
        + "\n\n△县长张明作政府工作报告\n\n"
        + BODY[1]
        + "\n\n图1 2023年三次产业构成(%)\n\n"
        + "\n\n".join(BODY[2:])
    )
    doc = _parse(src)
    assert "△" not in doc.text and "三次产业构成" not in doc.text and _kept(doc)


def test_a_run_of_scene_captions_between_paragraphs_goes() -> None:
    src = (
        "县政协会议开幕\n"
        + BODY[0]
        + "\n会议现场\n县政协副主席李明主持开幕式\n县政协副主席王强向大会作提案工作报告\n"
        + "\n".join(BODY[1:])
    )
    doc = _parse(src)
    assert "会议现场" not in doc.text and "主持开幕式" not in doc.text and _kept(doc)


def test_an_epaper_pager_its_column_tag_and_a_jump_line_go() -> None:
    src = (
        "下一版»本期共4版， 当前第1版 PDF\n【图片新闻】\n"
        + BODY[0]
        + "\n"
        + BODY[1][:-1]
        + "(下转第四版)\n"
        + "\n".join(BODY[2:])
    )
    doc = _parse(src)
    for junk in ("本期共4版", "当前第1版", "【图片新闻】", "下转第四版"):
        assert junk not in doc.text
    assert BODY[0] in doc.text and BODY[2] in doc.text


def test_a_comment_box_and_a_related_list_after_the_article_go() -> None:
    src = (
        "县政协会议开幕\n\n"
        + "\n\n".join(BODY)
        + "\n\n评论(0\n\n0 / 255\n\n评论成功，请等待管理员审核...\n\n更多阅读：\n\n"
        "县人大常委会召开主任会议\n\n县政府召开常务会议研究部署重点工作\n"
    )
    doc = _parse(src)
    for junk in ("0 / 255", "评论成功", "更多阅读", "主任会议", "常务会议"):
        assert junk not in doc.text
    assert _kept(doc)


def test_a_records_labels_row_and_values_row_go() -> None:
    src = (
        "关于开展宣传活动的通知\n索取号 发布时间 发布机构 文件编号\n"
        "076478684Q/2024-00112 2024-05-10 某某委员会 某发〔2024〕5号\n各区：\n" + "\n".join(BODY)
    )
    doc = _parse(src)
    assert "076478684Q" not in doc.text and "索取号" not in doc.text and _kept(doc)


def test_bracketed_record_labels_in_a_run_give_way_to_the_headline() -> None:
    src = (
        "[ 索引号 ] 11500227009344635U/2024-00018 [ 发文字号 ]\n"
        "[ 主题分类 ] 财政 [ 发布机构 ] 某区财政局 [ 发布日期 ] 2024-02-18某区2023年预算执行情况和2024年预算草案的报告\n"
        "各位代表：\n" + "\n".join(BODY)
    )
    doc = _parse(src)
    assert doc.title == "某区2023年预算执行情况和2024年预算草案的报告"
    assert "11500227009344635U" not in doc.text and _kept(doc)


def test_a_records_pipe_rows_give_the_title() -> None:
    src = (
        "文件名称 | 某区2025年政府工作报告 | |\n索引号 | /2025-0000 | 公开目录： | 工作报告 |\n"
        "公开责任部门 | 公开形式： | 主动公开 | |\n2025年3月21日在某区第十九届人民代表大会第四次会议上\n"
        "各位代表：\n" + "\n".join(BODY)
    )
    doc = _parse(src)
    assert doc.title == "某区2025年政府工作报告"
    assert "公开责任部门" not in doc.text and "公开形式" not in doc.text and _kept(doc)


def test_a_font_size_bar_a_pipe_link_bar_and_a_latin_footer_go() -> None:
    src = (
        "首页| 国际| 军事| 社会| 财经| 房产| 汽车| 文化| 县政协十届一次会议隆重开幕\n"
        "【字体：大 中 小】打印\n" + "\n".join(BODY) + "\nGVANGJSIH HOZCIZ SI YINZMINZ\n"
    )
    doc = _parse(src)
    assert "字体" not in doc.text and "军事" not in doc.text and "GVANGJSIH" not in doc.text
    assert "县政协十届一次会议隆重开幕" in doc.text and _kept(doc)


def test_a_page_number_after_the_headline_and_a_media_marker_before_it_go() -> None:
    doc = _parse("2019省级两会今起拉开大幕 各地成绩单将亮相( 四 )\n" + "\n".join(BODY))
    assert doc.title == "2019省级两会今起拉开大幕 各地成绩单将亮相"
    assert "( 四 )" not in doc.text


def test_a_label_numbered_with_a_colon_is_a_heading() -> None:
    src = (
        "政府工作报告的关键词\n"
        + BODY[0]
        + "\n关键词一：经济发展\n"
        + BODY[1]
        + "\n关键词二：民生改善\n"
        + BODY[2]
    )
    doc = _parse(src)
    titles = [s.title for s in doc.walk() if s.title]
    assert "关键词一：经济发展" in titles and "关键词二：民生改善" in titles


def test_a_report_keeps_its_lines() -> None:
    # Guard: numbered heads, a 【】 box title, a short list inside the body are not furniture.
    src = (
        "某市政府工作报告\n各位代表：\n一、过去一年工作回顾\n"
        + "\n".join(BODY)
        + "\n【专栏1】重点项目\n二、今年工作安排\n"
        + BODY[0]
    )
    doc = _parse(src)
    assert "一、过去一年工作回顾" in doc.text and "二、今年工作安排" in doc.text and _kept(doc)


def test_a_forums_anti_copy_noise_goes() -> None:
    src = (
        "县政协会议开幕\n"
        + BODY[0]
        + "\n. G! E. ] z$ f' }8 f' * Q4 D' q*"
        + BODY[1]
        + "\n"
        + "\n".join(BODY[2:])
    )
    doc = _parse(src)
    assert "z$" not in doc.text and "Q4" not in doc.text and _kept(doc)


def test_a_line_after_a_credit_is_not_taken_for_its_caption() -> None:
    src = (
        "县政协会议开幕\n\n"
        + BODY[0]
        + "\n\n记者 李华 摄\n\n政府工作报告引期待\n\n"
        + "\n\n".join(BODY[1:])
    )
    doc = _parse(src)
    assert "政府工作报告引期待" in doc.text and _kept(doc)


def test_a_wire_storys_headline_after_its_dateline_is_the_title() -> None:
    src = (
        "新华社北京3月5日电 题：春风送暖，奋楫扬帆——大会开幕侧记\n新华社记者 王明 李华\n"
        + "\n".join(BODY)
    )
    doc = _parse(src)
    assert doc.title == "春风送暖，奋楫扬帆——大会开幕侧记" and _kept(doc)


def test_a_gallerys_caption_sentence_stays_and_its_credit_goes() -> None:
    cap = "3月2日，会议在人民大会堂举行新闻发布会，大会发言人介绍会议有关情况并回答记者提问。"
    src = "\n\n".join(f"{cap}新华社记者 王明 摄" for _ in range(2)) + "\n\n" + "\n\n".join(BODY)
    doc = _parse(src)
    assert cap in doc.text and "王明 摄" not in doc.text and _kept(doc)


def test_a_records_spaced_field_lines_go_and_the_salutation_stays() -> None:
    # held26 h26-03 (深圳 政府公报 2010): the record's fields one a line, labels spaced.
    src = (
        "索 引 号:043000-10-2010-004991\n分 类:市五届人大一次会议文件\n"
        "发布机构:深圳市第五届人民代表大会第一次会议\n发布日期:2010-06-28 00:00\n"
        "名 称:政府工作报告\n文 号:\n主 题 词:\n各位代表:\n" + "\n".join(BODY)
    )
    doc = _parse(src)
    gone = _dropped(doc)
    assert "043000-10-2010-004991" in gone and "市五届人大一次会议文件" in gone
    assert "043000" not in doc.text and "发布机构" not in doc.text
    assert "各位代表" in doc.text and _kept(doc)


def test_an_index_number_alone_goes_but_a_source_line_is_not_taken_for_it() -> None:
    # held28 h28-14 (泉港区): • 索 引 號：QZ04101-0105-2024-00210 over the notice.
    src = "• 索 引 號：QZ04101-0105-2024-00210\n" + "\n".join(BODY)
    doc = _parse(src)
    assert "QZ04101" not in doc.text and "QZ04101" in _dropped(doc) and _kept(doc)
    doc = _parse("来源：县政府办公室\n" + "\n".join(BODY))
    assert _kept(doc)
