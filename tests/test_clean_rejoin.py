"""Rejoining what layout broke, and not joining what belongs apart."""

from __future__ import annotations

from pathlib import Path

from conftest import seed_doc
from reporttui.core.text.ingest import parse_document


def test_page_and_column_breaks_inside_words_are_rejoined_in_the_seeds() -> None:
    expected = {
        0: ["解决3家企业", "“办不成事”"],
        1: ["汾河三期"],
        2: ["优营商环境", "擘画2025年高质量发展新图景", "也为2025年筑牢了根基"],
        4: ["聚焦“1233”", "城市有能级", "“平急两用”", "贯彻落实的执行者"],
    }
    for n, words in expected.items():
        doc = seed_doc(n)
        for word in words:
            assert word in doc.text, (n, word)
            assert any(word in p.text for p in doc.paragraphs()), (n, word)


def test_one_character_per_line_title_is_one_line() -> None:
    src = "改\n革\n攻\n坚\n\n新\n图\n景\n\n今年全县要坚持稳中求进，推动高质量发展。\n"
    doc = parse_document(src)
    assert doc.text.split("\n")[0] == "改革攻坚新图景"


def test_hard_wrapped_paragraphs_are_joined_until_a_sentence_ends() -> None:
    wrapped = (
        "经济运行持续向好。全县地区生产总值完成\n\n107.48亿元，同比增长4.6%，连续\n\n"
        "4年进入百亿方阵；规上工业增加值完成\n\n60.68亿元。\n\n"
        "产业发展步伐有力。华亿铸造生产线等\n\n10个项目建成投产，金桃园焦炉煤\n\n"
        "气综合利用等9个项目有序推进。\n\n"
        "改革创新不断深化。新增规上工业企业\n\n11户、国家级高新技术企业5户。\n"
    )
    doc = parse_document(wrapped)
    assert doc.meta["hard_wrapped"] == "yes"
    assert [p.text for p in doc.paragraphs()] == [
        "经济运行持续向好。全县地区生产总值完成107.48亿元，同比增长4.6%，连续4年进入百亿方阵；"
        "规上工业增加值完成60.68亿元。",
        "产业发展步伐有力。华亿铸造生产线等10个项目建成投产，金桃园焦炉煤气综合利用等9个项目有序推进。",
        "改革创新不断深化。新增规上工业企业11户、国家级高新技术企业5户。",
    ]


def test_sentence_ends_and_titles_are_not_joined() -> None:
    src = (
        "全面从严管党治党 党风政风焕然一新\n\n"
        "古交市深入贯彻落实新时代党的建设总要求，切实担负起全面从严治党政治责任。\n\n"
        "转型发展态势强劲 新旧动能加速转换\n\n"
        "古交市坚持“项目为王”，统筹做好“煤”与“非煤”两篇文章。\n"
    )
    doc = parse_document(src)
    assert doc.text.split("\n") == src.replace("\n\n", "\n").strip().split("\n")


def test_seed_headings_are_never_glued_to_their_paragraphs() -> None:
    doc = seed_doc(0)
    lines = doc.text.split("\n")
    assert "坚持强产业、增动能，转型发展成型起势" in lines
    assert "坚持推改革、谋创新，动力活力更加强劲" in lines
    doc1 = seed_doc(1)
    assert "全面从严管党治党 党风政风焕然一新" in doc1.text.split("\n")


def test_english_words_split_across_lines_keep_a_space() -> None:
    doc = parse_document("推动与国际接轨，建设Smart\nCity相关的项目，加快\n发展数字经济。\n")
    assert doc.text == "推动与国际接轨，建设Smart City相关的项目，加快发展数字经济。"


def test_list_items_ending_in_a_bracketed_note_are_not_joined() -> None:
    items = "".join(
        f"{n}.完成城市道路整治提升{n}0条。（牵头单位：市城管委）\n\n" for n in range(1, 9)
    )
    doc = parse_document("附件\n\n" + items)
    assert doc.meta["hard_wrapped"] == "no"
    assert len(doc.text.split("\n")) == 9


def test_a_sentence_split_by_a_wiki_link_on_its_own_line_is_joined() -> None:
    from reporttui.core.text.ingest import parse_document

    src = (
        "政府工作报告\n\n各位代表：\n\n我们要深入学习贯彻\n[党的二十大](https://zh.wikisource.org/wiki/x)\n"
        "精神，全面推进高质量发展。\n\n一、工作回顾\n\n过去一年，经济稳定增长。\n"
    )
    doc = parse_document(src)
    assert "我们要深入学习贯彻党的二十大精神，全面推进高质量发展。" in doc.text.split("\n")
    assert "一、工作回顾" in [s.title for s in doc.walk()]


_FARM = Path(__file__).parent / "data" / "inputs" / "held26" / "yantian-doc-2012.txt"


def test_page_numbers_glued_into_a_run_on_copy_go_to_d() -> None:
    # (h26-04) A document farm's copy in one line: 1 glued to the title, 2 after a comma.
    doc = parse_document(_FARM.read_bytes(), str(_FARM))
    assert doc.text.startswith("政府工作报告——2012年1月3日")
    assert "406.5亿元，实际利用外资五年累计5.8亿美元，均较大幅度超出预期目标；" in doc.text
    pages = [d.text for d in doc.dropped if d.reason == "page number"]
    assert pages == ["1", "2"]


def test_a_glued_number_out_of_page_order_stays() -> None:
    # The same copy with the inner number not the next page's: no page run, nothing goes.
    src = _FARM.read_text("utf-8").replace("406.5亿元,2实际", "406.5亿元,5实际")
    doc = parse_document(src)
    assert "5实际利用外资" in doc.text
    assert doc.text.startswith("1政府工作报告")
    assert not any(d.reason == "page number" for d in doc.dropped)
