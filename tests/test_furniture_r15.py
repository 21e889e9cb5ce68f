"""Round 15 (issue 9): captions of a scene or a person, widget and ad lines, a periodical's
registration, a site's voice and a forum's random-character watermark go to the dropped view by
their shape and place; the sentences around them, and lines only looking like them, stay."""

from __future__ import annotations

from furniture_helpers import BODY, _dropped, _kept, _parse


def _between(*pieces: str) -> str:
    return "\n".join([*BODY[:2], *pieces, *BODY[2:]])


def test_a_scene_caption_between_paragraphs_goes() -> None:
    # held15 h15-01: 会议现场 between two paragraphs of the session's story, its word 会议 echoed.
    doc = _parse(_between("会议现场"))
    assert _kept(doc)
    assert "会议现场" not in doc.text and "会议现场" in _dropped(doc)
    assert any(d.reason == "caption row" and d.text == "会议现场" for d in doc.dropped)


def test_a_person_caption_the_story_echoes_goes() -> None:
    # held12 m5-t05 (薛少仙主持大会, the next paragraph names him) and held31 h31-07 (a title
    # before the name, 新当选镇长熊丹进行宪法宣誓, closing the text after 会议现场).
    src = _between(
        "薛少仙主持大会", "开幕式由本次大会执行主席、主席团常务主席薛少仙主持，全体起立，奏唱国歌。"
    )
    doc = _parse(src)
    assert _kept(doc) and "薛少仙主持大会" in _dropped(doc)
    assert "开幕式由本次大会执行主席、主席团常务主席薛少仙主持" in doc.text
    tail = "\n".join(
        [
            *BODY,
            "会议依法选举熊丹同志为大栗港镇人民政府镇长。",
            "会议现场",
            "新当选镇长熊丹进行宪法宣誓",
        ]
    )
    doc = _parse(tail)
    assert _kept(doc) and "会议依法选举熊丹同志为大栗港镇人民政府镇长。" in doc.text
    assert "宪法宣誓" not in doc.text and "新当选镇长熊丹进行宪法宣誓" in _dropped(doc)


def test_headings_and_titles_shaped_like_captions_stay() -> None:
    # A subheading the prose does not echo, a speech's title (在…上的讲话), a numbered heading.
    for line in ("王晓明主持大会", "县长在全县经济工作会议上的讲话", "一、会议现场"):
        doc = _parse(_between(line))
        assert line in doc.text, line
    doc = _parse(_between("做好安全生产工作", "切实加强政府自身建设"))
    assert "做好安全生产工作" in doc.text and "切实加强政府自身建设" in doc.text


def test_widget_ad_and_app_lines_go() -> None:
    # pages25 p25-06 (loading twice, the app's pitch), pages24 p24-06 (an ad slot's label),
    # pages23 p23-09 (a dialog's close button).
    pieces = [
        "我是廣告 請繼續往下閱讀",
        "努力加载中，请稍后...",
        "点赞收藏评论客户端看安装央视影音客户端，随时随地给你精彩！",
        "关闭×",
    ]
    doc = _parse(_between(*pieces))
    assert _kept(doc)
    for p in pieces:
        assert p not in doc.text and p in _dropped(doc), p


def test_sentences_naming_an_app_or_an_ad_stay() -> None:
    lines = [
        "市民可下载“i深圳”APP在线办理社保、公积金等一百余项业务。",
        "整治违法户外广告三千余处，城市面貌明显改善。",
    ]
    doc = _parse(_between(*lines))
    assert all(line in doc.text for line in lines)


def test_a_periodicals_registration_lines_go() -> None:
    # pages23 p23-02: a magazine's WeChat footer in the article's own text.
    doc = _parse("\n".join([*BODY, "国内统一刊号：CN11-2611/C", "邮发代号：82—423"]))
    assert _kept(doc) and "CN11-2611" not in doc.text and "82—423" in _dropped(doc)


def test_a_sites_voice_goes_also_where_a_copy_glues_it_before_a_paragraph() -> None:
    # held24 h24-09, pages21 p21-08: the news app's slogan alone and glued before the lead.
    voice = "新闻8点见，多一点洞见。每天早晚8点与你准时相约，眺望更大的世界。"
    doc = _parse("\n".join([voice + BODY[0], voice, *BODY]))
    assert _kept(doc)
    assert "准时相约" not in doc.text and voice in _dropped(doc)
    # a report's sentence with 每天 and 你 is no site voice
    line = "政府每天都和你在一起，十二345热线全年无休。"
    doc = _parse(_between(line))
    assert line in doc.text


def test_a_forums_random_character_watermark_is_cut_out() -> None:
    # held31 h31-10: the watermark before and after sentences; the date glued after it stays.
    src = "\n".join(
        [
            "县政协第三次会议胜利闭幕* r4 L9 O: p8 Y4月21日，县政协第七届委员会第三次会议圆满完成了各项议程。",
            "1 S) E9 H4 x( G2 n3 l- l县委书记、县长在主席台前排就座。8 x5 }; s1 S. z; Q& R5 G5 S",
            *BODY,
        ]
    )
    doc = _parse(src)
    assert _kept(doc)
    assert "4月21日，县政协第七届委员会第三次会议圆满完成了各项议程。" in doc.text
    assert "县委书记、县长在主席台前排就座。" in doc.text
    for noise in ("E9 H4", "p8", "Q& R5"):
        assert noise not in doc.text and noise in _dropped(doc), noise
    # Latin text with short words, a list of codes: no watermark
    line = "国道G1 G2 G3 G4 G5 G6贯通全省，高速公路里程达到五千公里。"
    doc = _parse(_between(line))
    assert line in doc.text


def test_a_stamp_a_channel_crumb_and_a_crumb_repeating_its_channel_go() -> None:
    # pages24 p24-04 (a day-first stamp under the headline), p24-07 (长城原创 > over the
    # headline), pages17 p17-06 (the location bar's last item repeats the channel before it).
    for head in ("17.02.2016  12:05", "长城原创 >", "聯盟導讀您現在的位置：首 頁 -- 聯盟導讀"):
        doc = _parse("市十四届人大五次会议开幕\n" + head + "\n" + "\n".join(BODY))
        assert _kept(doc) and "".join(head.split()) not in "".join(doc.text.split()), head
        assert head in _dropped(doc) or "".join(head.split()) in "".join(_dropped(doc).split())


def test_an_empty_attachment_label_closing_the_text_goes_one_inside_it_stays() -> None:
    # h26-18 (corpus 苏州市 2016): 文档附件： then only the file's name.
    doc = _parse("\n".join([*BODY, "文档附件：", "2016年政府工作报告.doc"]))
    assert _kept(doc) and "文档附件" not in doc.text and "文档附件：" in _dropped(doc)
    doc = _parse("\n".join([*BODY[:2], "附件：", *BODY[2:]]))
    assert "附件：" in doc.text


def test_a_lone_question_mark_and_a_decode_scrap_go() -> None:
    # pages24 p24-08, held19 (a lone ? where a picture stood), held25 h25-03 (主持，??h政協…).
    line = "會議由縣政協副主席陳文昌主持，??h政協副主席郭斯文出席會議。"
    doc = _parse("\n".join([BODY[0], "?", line, *BODY[1:]]))
    assert _kept(doc) and "?" not in doc.text and "??h" in _dropped(doc)
    assert "會議由縣政協副主席陳文昌主持，政協副主席郭斯文出席會議。" in doc.text
    question = "怎么办？我们一起来看。"
    doc = _parse(_between(question))
    assert question in doc.text


def test_a_version_and_share_bar_at_the_top_goes_the_headline_stays() -> None:
    # held32 h32-11 (a Hong Kong government press release): the site's version, forward and
    # portal links over the headline; glued to it as the title before.
    bar = "簡體版 英文版 寄給朋友 政府新聞網"
    head = "二零一五年四月號《香港統計月刊》現已出版"
    doc = _parse("\n".join([bar, head, *BODY]))
    assert _kept(doc) and bar not in doc.text and bar in _dropped(doc)
    assert head in doc.text and "寄" not in doc.title
    assert any(d.reason == "web chrome" and d.text == bar for d in doc.dropped)
    # The same words in a sentence stay.
    for line in ("市民可选简体版 英文版 寄给朋友。", "请将简体版 英文版寄给朋友"):
        doc = _parse("\n".join([BODY[0], line, *BODY[1:]]))
        assert line in doc.text
