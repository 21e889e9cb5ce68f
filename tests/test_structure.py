"""Heading levels, parts and lead sentences on small hand-made reports."""

from __future__ import annotations

from reporttui.core.text.ingest import parse_document

P = "全市经济持续回升向好，地区生产总值增长5%。"


def tree(src: str) -> list[tuple[int, str, str]]:
    doc = parse_document(src)
    return [(s.level, s.part, s.title) for s in doc.walk() if s.kind not in ("preamble", "lead")]


def test_levels_follow_the_numbering_styles() -> None:
    src = f"各位代表：\n{P}\n一、工作回顾\n{P}\n（一）稳增长\n{P}\n1.抓项目\n{P}\n（1）重点项目\n{P}\n（二）促改革\n{P}\n二、工作安排\n{P}\n"
    assert tree(src) == [
        (1, "main", "一、工作回顾"),
        (2, "main", "（一）稳增长"),
        (3, "main", "1.抓项目"),
        (4, "main", "（1）重点项目"),
        (2, "main", "（二）促改革"),
        (1, "main", "二、工作安排"),
    ]


def test_a_higher_style_closes_a_lower_one_even_when_the_first_higher_heading_is_missing() -> None:
    src = f"{P}\n（一）抗击非典。{P}\n（二）结构调整。{P}\n二、2004年主要任务\n{P}\n（一）科教兴市\n{P}\n"
    assert tree(src) == [
        (1, "main", "（一）抗击非典。"),
        (1, "main", "（二）结构调整。"),
        (1, "main", "二、2004年主要任务"),
        (2, "main", "（一）科教兴市"),
    ]


def test_restarted_numbering_inside_a_section_nests_and_after_the_report_is_an_appendix() -> None:
    src = (
        f"{P}\n一、2018年工作回顾\n{P}\n二、2019年工作安排\n{P}\n一、稳增长。{P}\n二、促改革。{P}\n"
        f"（一）依法行政\n{P}\n附件\n一、名词解释\n{P}\n"
    )
    assert tree(src) == [
        (1, "main", "一、2018年工作回顾"),
        (1, "main", "二、2019年工作安排"),
        (2, "main", "一、稳增长。"),
        (2, "main", "二、促改革。"),
        (3, "main", "（一）依法行政"),
        (1, "appendix", "附件"),
        (2, "appendix", "一、名词解释"),
    ]


def test_numbering_restarting_after_a_finished_report_is_an_appendix() -> None:
    src = f"一、回顾\n（一）经济\n{P}\n二、安排\n（一）项目\n{P}\n一、新建停车场\n{P}\n二、改造老旧小区\n{P}\n"
    parts = [(lvl, part) for lvl, part, _ in tree(src)]
    assert parts[-2:] == [(1, "appendix"), (1, "appendix")]


def test_lead_sentences_need_parallel_paragraphs() -> None:
    single = parse_document(f"一、安排\n稳步推进项目建设。{P}\n")
    assert [s.kind for s in single.walk()] == ["numbered"]
    parallel = parse_document(
        f"一、安排\n稳步推进项目建设。{P}\n大力发展现代农业。{P}\n持续改善生态环境。{P}\n"
    )
    leads = [s for s in parallel.walk() if s.kind == "lead"]
    assert [s.title for s in leads] == [
        "稳步推进项目建设。",
        "大力发展现代农业。",
        "持续改善生态环境。",
    ]
    assert all(s.level == 2 and s.title_start == s.paragraphs[0].start for s in leads)


def test_vocative_and_long_first_sentences_are_not_leads() -> None:
    doc = parse_document(
        "一、安排\n各位代表，任务艰巨。我们要迎难而上。\n这一年，以决战决胜的拼劲，推动新城建设强势起步。"
        f"{P}\n这一年，以攻坚克难的狠劲，力促项目建设全面提速。{P}\n"
    )
    assert not any(s.kind == "lead" for s in doc.walk())


def test_a_numbered_heading_closes_a_title_line_opened_under_its_sibling() -> None:
    """三、… / a short title line (a table's caption) / 四、…: 四 is 三's sibling, not the caption's child."""
    from reporttui.core.text.ingest import parse_document

    para = "<p>全年规模以上工业增加值比上年增长百分之九，工业运行质量继续提高。</p>"
    page = (
        "<html><head><title>某县2015年国民经济和社会发展统计公报</title></head><body><div>"
        f"<p>二、农业</p>{para}<p>三、工业与建筑业</p>{para}<p>主要工业产品产量</p>"
        "<table><tr><td>产品名称</td><td>计量单位</td><td>产量</td></tr>"
        "<tr><td>饮料酒</td><td>千升</td><td>15767</td></tr>"
        "<tr><td>塑料制品</td><td>吨</td><td>183946</td></tr></table>"
        f"<p>四、固定资产投资</p>{para}</div></body></html>"
    )
    doc = parse_document(page.encode("utf-8"), "bulletin.html")
    levels = {s.title: s.level for s in doc.walk() if s.title}
    assert levels["四、固定资产投资"] == levels["三、工业与建筑业"]
    assert levels["主要工业产品产量"] > levels["三、工业与建筑业"]
