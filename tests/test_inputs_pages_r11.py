"""Round 11's page-furniture classes (issue 9), each on the real page text of a tuned set.

Every class is read by the shape and place of the piece (a bulleted menu before the article,
a group's label as a caption, a note in brackets closing the text, widgets' prompts, a location
bar, a search bar, …); each test parses a committed page of pages19, pages20, held22-held25 and
asserts the piece left the text for the dropped view while the body's sentences stayed. The
floors at the end are the round's final figures on those sets (committed files only).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from reporttui.core.model import Document
from reporttui.core.text.ingest import check_no_loss, parse_document

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_inputs_injudge_r8 import _score

DATA = Path(__file__).resolve().parent / "data" / "inputs"


def _parse(rel: str) -> Document:
    raw = (DATA / rel).read_bytes()
    doc = parse_document(raw, rel)
    text = raw.decode("utf-8", "replace")
    assert check_no_loss(text, doc) == []
    return doc


def _dropped(doc: Document) -> str:
    return "\n".join(d.text for d in doc.dropped)


def _flat(s: str) -> str:
    return "".join(s.split()).replace("，", ",").replace("：", ":")


def _gone(doc: Document, piece: str) -> bool:
    return _flat(piece) not in _flat(doc.text) and _flat(piece) in _flat(_dropped(doc))


def _kept(doc: Document, sentence: str) -> bool:
    return _flat(sentence) in _flat(doc.text)


def test_a_bulleted_menu_before_the_article_and_its_channel_closing_it_go() -> None:
    doc = _parse("pages19/cyberctm-shizheng-2015.txt")
    for piece in ("澳廣視新聞", "現代澳門日報", "MediaOutReach", "EQSGroup"):
        assert _gone(doc, piece), piece
    assert not doc.text.rstrip().endswith("正報新聞")
    assert _kept(doc, "為準備明年的施政報告，行政長官近期會與多個社會團體、社會各界人士會面")
    assert "澳廣視" not in (doc.title or "")


def test_group_labels_as_captions_go_on_their_line_and_inside_a_run_on_line() -> None:
    doc = _parse("pages19/qyxgov-qingyang-shenyi-2023.txt")
    assert _gone(doc, "蓉城代表团") and _gone(doc, "新河·朱备·部队代表团")
    assert _kept(doc, "审议中，代表们紧扣主题、畅所欲言。")
    run_on = _parse("pages19/hepan-nanao-fenzu-2025.txt")
    for label in ("后宅镇代表团", "云澳镇代表团", "深澳镇代表团"):
        assert _gone(run_on, label), label
    assert _kept(run_on, "分组讨论中，代表们踊跃发言，结合自身实际谈感受、说变化、话发展")


def test_the_widgets_closing_a_run_on_body_go() -> None:
    doc = _parse("pages19/hepan-nanao-fenzu-2025.txt")
    assert _gone(doc, "扫码关注我们") and _gone(doc, "长按二维码关注")
    assert _kept(doc, "各代表团对2025年我县民生实事项目进行了票决。")


def test_a_footer_copyright_after_the_article_goes() -> None:
    doc = _parse("pages19/qyxgov-qingyang-shenyi-2023.txt")
    assert "Copyright" not in doc.text and "主办单位" not in doc.text
    doc = _parse("pages19/caixunnews-songjiang-2023.txt")
    assert "转载请注明出处" not in doc.text and "Copyright" not in doc.text


def test_a_site_address_with_its_timestamp_goes() -> None:
    doc = _parse("pages19/mqxww-minqing-zhengxie-2023.txt")
    assert _gone(doc, "//www.mqxww.com 2023-12-21 08:38:59")
    assert doc.title == "县政协组织开展十四届三次会议会前准备工作"


def test_captions_placing_a_person_or_saying_what_the_picture_is_go() -> None:
    doc = _parse("pages19/caixunnews-songjiang-2023.txt")
    assert _gone(doc, "赵汝青(中)参加佘山代表团审议。")
    doc = _parse("pages20/chengpou-shizheng-2025.txt")
    assert _gone(doc, "圖為其四個多月前在政總的記者會。")


def test_a_credit_glued_after_its_caption_goes_with_the_caption() -> None:
    doc = _parse("pages19/we54-xiuying-kaimu-2023.txt")
    assert _gone(doc, "海口市秀英区第八届人民代表大会第三次会议开幕。邵阳 摄")
    assert _kept(doc, "根据会议议程，区长柳战良代表区政府向大会作政府工作报告")
    assert doc.title == "海口市秀英区第八届人民代表大会第三次会议开幕"


def test_opening_widgets_go_and_the_headline_is_the_title() -> None:
    doc = _parse("pages20/govmo-jieyu-2019.txt")
    assert _gone(doc, "跳過導航")
    assert "跳" not in (doc.title or "")
    doc = _parse("pages22/vpeople-daibiaotongdao.txt")
    assert _gone(doc, "人民网首页") and doc.title != "人民网首页"
    doc = _parse("held23/yimiaomei-quzhang-huibao.txt")
    assert _gone(doc, "快捷搜索：论文 合同 演讲 心得")
    assert doc.title == "区长在代表会上工作汇报"


def test_a_location_bar_over_the_headline_goes() -> None:
    doc = _parse("pages19/sxyc-yuecheng-shenyi-2023.txt")
    assert "当前页面" not in doc.text
    assert doc.title == "区人大代表分组审议区政府工作报告和区“两院”工作报告"


def test_an_e_paper_headline_list_under_its_label_goes() -> None:
    doc = _parse("pages19/macaodaily-shizheng-2018.txt")
    assert _gone(doc, "本版標題導航") and _gone(doc, "羅司:經屋輪隊做唔到")
    assert _kept(doc, "市民如欲下載《2019年財政年度施政報告》的中、葡文本")


def test_prompts_links_and_source_notes_go() -> None:
    doc = _parse("pages20/igamepower-chengdu-2025.txt")
    assert _gone(doc, "分享讓更多人看到")
    assert "原標題" not in doc.text
    doc = _parse("pages20/baiqite-lianghui-2022.txt")
    assert "[详细]" not in doc.text
    doc = _parse("pages20/mayang-kaimu-2021.txt")
    assert _gone(doc, "一图划重点速览：")
    assert _kept(doc, "县委副书记、代理县长胡宏林作县人民政府工作报告。")


def test_a_single_emphasis_line_is_a_sub_heading() -> None:
    doc = _parse("held23/etnet-shendanyang-2026.txt")
    titles = {s.title for s in doc.walk() if s.title}
    assert "「改革」和「創新」在全文出現75次，是今年高頻詞" in titles
    assert "強調財政更加注重支持保障民生" in titles
    assert "*" not in doc.text


def test_a_copy_sites_piece_numbers_and_lead_in_go_its_fields_still_read() -> None:
    doc = _parse("held23/deichen-zhenzhang-fanwen.txt")
    assert _gone(doc, "篇1") and "導語" not in doc.text
    assert "時間" not in doc.text  # the debris pass still takes the timestamp over the lead-in
    assert _kept(doc, "現在，我代表鎮人民政府向大會作工作報告，請予審議")
    doc = _parse("held16/koomao-rendachangwei.txt")
    assert "第1篇" not in doc.text and doc.title == "区人大会常务委员会工作报告"


def test_a_portal_header_over_the_timestamp_goes_when_the_headline_follows_it() -> None:
    doc = _parse("held23/etnet-shendanyang-2026.txt")
    for piece in ("大國博弈", "AH股新聞", "會員"):
        assert piece not in doc.text, piece
    assert _kept(doc, "報告起草組沈丹陽：「改革」「創新」高頻詞，共出現75次")
    src = (
        "县人代会开幕\n\n2024-01-05 09:30\n\n"
        "1月5日，县第十八届人民代表大会第三次会议开幕，县长作政府工作报告。\n"
    )
    assert parse_document(src).title == "县人代会开幕"


def test_a_written_note_in_brackets_keeps_a_footnote_going_on() -> None:
    src = (
        "政府工作报告\n\n各位代表：\n\n"
        "今年全县地区生产总值增长百分之六，城乡居民收入稳步提高，民生实事全部办结。\n\n"
        "（本文有删减）\n\n（县政府办公室）\n"
    )
    doc = parse_document(src)
    assert "本文有删减" not in doc.text and "县政府办公室" not in doc.text
    assert "本文有删减" in _dropped(doc)
    src = (
        "政府工作报告\n\n（一九六四年十二月二十一日）\n\n（根据中共中央文件刊印）\n\n"
        "这是在第三届全国人民代表大会第一次会议上作的报告。\n\n"
        "今年全县地区生产总值增长百分之六，城乡居民收入稳步提高，民生实事全部办结。\n"
    )
    assert "根据中共中央文件刊印" in parse_document(src).text


# set: (metadata fields right at least, junk strings left at most, judged headings found at least)
FLOORS = {
    "pages19": (32, 0, 2),
    "pages20": (36, 2, 1),
    "held22": (24, 1, 0),
    "held23": (34, 3, 10),
    "held24": (35, 2, 0),
    "held25": (22, 1, 2),
}


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_page_set_floor(name: str) -> None:
    s = _score(name)
    fields, junk_left, headings = FLOORS[name]
    assert s.items >= 10, name
    assert s.errors == 0, s.notes
    assert s.fields_right >= fields, [n for n in s.notes if "want" in n]
    assert s.junk_left <= junk_left, [n for n in s.notes if "junk" in n]
    assert s.headings_found >= headings, [n for n in s.notes if "heading" in n]
