"""The ranking (core/search/ranking.py) and query understanding (synonyms, metadata words).

Each signal is tested on its own: two rows that differ only in what the signal looks at, and
the one the signal favours must rank first. Small hand-made documents; no corpus.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from conftest_search import build_index, make_doc, seed_documents, seed_index
from reporttui.core.index.schema import ROLE_FIELD, document_rows
from reporttui.core.model import Document, Paragraph, Section
from reporttui.core.search import ranking, synonyms
from reporttui.core.search.search import explain, format_explain, search

FILLER = "围绕目标任务，统筹推进各项工作，确保取得实效，不断提升群众满意度和获得感。" * 3


def two_section_doc(doc_id: str, sections: list[tuple[str, list[str]]], **kw: object) -> Document:
    """A document with titled sections (headings indexed as rows of their own)."""
    text_parts: list[str] = []
    pos = 0
    built = []
    number = 0
    for i, (title, paras) in enumerate(sections, 1):
        title_start = pos
        text_parts.append(title)
        pos += len(title) + 1
        ps = []
        for p in paras:
            number += 1
            ps.append(Paragraph(number, p, pos, f"s{i}"))
            text_parts.append(p)
            pos += len(p) + 1
        built.append(Section(f"s{i}", title, 1, "numbered", tuple(ps), (), title_start))
    return Document(
        id=doc_id,
        path=f"/tmp/{doc_id}.txt",
        title=str(kw.get("title", f"{doc_id} 政府工作报告")),
        region=kw.get("region", "古交市"),
        year=kw.get("year", 2025),
        kind="政府工作报告",  # type: ignore[arg-type]
        date=None,
        text="\n".join(text_parts),
        sections=tuple(built),
    )


def order(result: object) -> list[str]:
    return [h.text for h in result.hits]  # type: ignore[attr-defined]


# -- signals, one at a time ----------------------------------------------------------------


def test_lead_clause_ranks_the_paragraph_that_names_its_topic_first() -> None:
    about = "加快发展氢能产业。" + FILLER
    passing = FILLER + "引进中核氢能风电等项目。"
    ix = build_index([make_doc("d1", [passing, about])])
    r = search(ix, "氢能", use_jieba=False)
    assert order(r)[0] == about
    assert "lead clause" in r.hits[0].reasons
    assert "lead clause" not in r.hits[1].reasons


def test_lead_end_stops_at_the_first_clause_mark_within_limits() -> None:
    assert ranking.lead_end("加快发展氢能产业。后文" + "很长" * 40) == ranking.LEAD_MIN
    assert (
        ranking.lead_end("主要预期目标是：地区生产总值增长6.5%左右，一般公共预算收入增长")
        == ranking.LEAD_MIN
    )
    assert ranking.lead_end("字" * 100) == ranking.LEAD_MAX


def test_a_long_opening_sentence_leads_up_to_its_first_comma() -> None:
    """No 。；：within LEAD_MAX: the lead is the opening phrase, not the list that follows it."""
    text = "围绕让人民群众享受到更公平更优质的公共服务，建设高质量教育体系，实施学前教育和特殊教育普惠工程。"
    end = ranking.lead_end(text)
    assert text[:end].endswith("公共服务，")
    assert ranking.LEAD_MIN <= end <= ranking.LEAD_MAX
    s = ranking.score_row(1, 0.5, text, (), "body", [("学前教育",)])
    assert s.signals["lead"] == 0.0
    # a comma before LEAD_MIN does not end the lead
    assert ranking.lead_end("在水利方面，" + "字" * 50) == ranking.LEAD_MAX


def test_headings_rank_below_the_body_paragraphs_they_head() -> None:
    body = "深入实施乡村振兴战略，推进乡村振兴示范建设。" + FILLER
    doc = two_section_doc("d2", [("（三）全面推进乡村振兴", [body])])
    ix = build_index([doc])
    r = search(ix, "乡村振兴", use_jieba=False)
    assert [h.paragraph for h in r.hits] == [1, 0]
    assert "heading" in r.hits[1].reasons
    assert "section title" in r.hits[0].reasons


def test_section_title_signal() -> None:
    inside = FILLER + "推进营商环境改革。"
    outside = FILLER + "推进营商环境改革。"
    doc = two_section_doc(
        "d3", [("一、优化营商环境", [inside]), ("二、其他工作", [outside + "。"])]
    )
    r = search(build_index([doc]), "营商环境", use_jieba=False)
    top = next(h for h in r.hits if h.paragraph)
    assert top.text == inside
    assert top.signals and "section" in top.signals


def test_the_paragraphs_own_title_counts_more_than_a_heading_over_many_paragraphs() -> None:
    own = "持续优化营商环境。" + FILLER

    def section(text: str, path: tuple[str, ...]) -> float:
        s = ranking.score_row(0, 0.5, text, path, ranking.ROLE_BODY, [["营商环境"]])
        return s.signals["section"]

    titled = section(own, ("二、2025年工作安排", "（三）深化改革", "持续优化营商环境。"))
    broad = section(FILLER + "推进营商环境改革。", ("一、优化营商环境",))
    ancestor = section(FILLER + "推进营商环境改革。", ("（三）优化营商环境", "推进政务服务改革。"))
    assert titled == 1.0
    assert broad == ranking.SECTION_BROAD
    assert ancestor == ranking.SECTION_ANCESTOR
    assert titled > broad > 0 and section(own, ("二、其他工作",)) == 0.0


def test_glossary_and_note_entries_rank_below_the_body() -> None:
    body = FILLER + "持续深化放管服改革。"
    doc = two_section_doc(
        "d4",
        [
            ("一、深化改革", [body]),
            ("名词解释", ["10.“放管服”改革：即简政放权、放管结合、优化服务。"]),
        ],
    )
    r = search(build_index([doc]), "放管服", use_jieba=False)
    assert order(r)[0] == body
    assert "note/glossary entry" in r.hits[-1].reasons


def test_row_role_classifies_without_looking_at_any_query() -> None:
    assert (
        ranking.row_role("13.一带一路：即丝绸之路经济带和21世纪海上丝绸之路。", "二、工作", False)
        == "note"
    )
    assert ranking.row_role("〔12〕见附表。", "", False) == "note"
    assert ranking.row_role("单一窗口：指建立一个共享平台。", "", False) == "note"
    assert ranking.row_role("任何一段正文。", "名词解释", False) == "note"
    assert ranking.row_role("上一篇：某某新闻", "", False) == "appended"
    assert ranking.row_role("正文", "一、回顾", False, part="appended") == "appended"
    assert ranking.row_role("（一）总体要求", "一、回顾", True) == "heading"
    assert ranking.row_role("6.建设保障性租赁住房369套，实施棚户区改造。", "", False) == "body"
    # round 7: the other numbering (15、X：…) of a glossary run on under the last body heading
    entry = "15、“两缺”楼院：缺少物业服务、缺少停车位的老旧楼院。"  # written for the test
    assert ranking.row_role(entry, "八、加强政府自身建设", False) == "note"
    assert ranking.row_role("3、加快发展现代农业，推进产业融合。", "", False) == "body"


def test_role_is_stored_in_the_index_rows() -> None:
    doc = two_section_doc("d5", [("名词解释", ["1.数字经济：即以数据为关键要素的经济形态。"])])
    rows = list(document_rows(doc))
    assert {r.get(ROLE_FIELD) for r in rows} == {"note"}


def test_length_signal_is_monotonic_and_bounded() -> None:
    values = [ranking.length_signal(n) for n in (5, ranking.SHORT, 50, 100, ranking.FULL, 5000)]
    assert values == sorted(values) and values[0] == 0 and values[-1] == 1


def test_overlong_rows_rank_below_paragraphs() -> None:
    whole = ("营商环境" + FILLER) * 30
    para = "优化营商环境。" + FILLER
    r = search(build_index([make_doc("d6", [whole, para])]), "营商环境", use_jieba=False)
    assert order(r)[0] == para
    assert "very long row" in r.hits[1].reasons


def test_proximity_for_several_words() -> None:
    near = FILLER + "发展乡村旅游，打造精品民宿。"
    far = "乡村" + FILLER + "旅游。"
    r = search(build_index([make_doc("d7", [far, near])]), "乡村 旅游", use_jieba=False)
    assert order(r)[0] == near


def test_a_lead_naming_one_of_several_words_counts_less_than_its_share() -> None:
    """Round 6: lead and section grow with the share of the words to SHARE_POWER (2): one word
    of two in the lead is a quarter; all words, or a single word, count in full."""
    groups = (("乡村",), ("旅游",))
    one = ranking.score_row(0, 1.0, "建设美丽乡村。" + FILLER + "发展旅游。", (), "body", groups)
    both = ranking.score_row(0, 1.0, "发展乡村旅游。" + FILLER, (), "body", groups)
    single = ranking.score_row(0, 1.0, "建设美丽乡村。" + FILLER, (), "body", (("乡村",),))
    assert one.signals["lead"] == 0.5**ranking.SHARE_POWER == 0.25
    assert both.signals["lead"] == single.signals["lead"] == 1.0
    sec = ("（一）建设美丽乡村",)
    one_t = ranking.score_row(0, 1.0, FILLER + "乡村旅游。", sec, "body", groups)
    single_t = ranking.score_row(0, 1.0, FILLER + "乡村。", sec, "body", (("乡村",),))
    assert single_t.signals["section"] == ranking.SECTION_BROAD
    assert one_t.signals["section"] == ranking.SECTION_BROAD / 2 * 0.5
    assert both.score > one.score


def test_a_word_named_only_as_a_list_item_ranks_below_one_the_sentence_is_about() -> None:
    listed = FILLER + "大力发展海上风电、氢能、光伏等产业。"
    about = FILLER + "推进氢能产业集聚发展，建设加氢站。"
    r = search(build_index([make_doc("d8", [listed, about])]), "氢能", use_jieba=False)
    assert order(r)[0] == about
    assert "named only in a list" in r.hits[1].reasons


def test_listed_counts_whole_items_inside_an_enumeration_only() -> None:
    def listed(text: str, term: str) -> bool:
        return ranking._listed(text, term, ranking._positions(text, term))

    assert listed("发展风电、氢能、光伏等产业", "氢能")
    assert listed("发展风电、光伏、氢能等产业", "氢能")  # the last item, closed by 等
    assert listed("推进“一网通办”、“一带一路”、自贸区建设", "一带一路")  # quotes skipped
    assert not listed("发展氢能、光伏产业", "氢能")  # the first of two: what the clause is about
    assert listed("协调推进学前教育、义务教育、职业教育发展", "学前教育")  # first of three or more
    assert not listed("发展氢能、光伏，推进储能、风电", "氢能")  # the next 、 is another clause's
    assert not listed("建设康复机构、养老机构", "养老")  # part of a longer item
    assert not listed("发展风电、氢能、光伏，氢能产业链", "氢能")  # one occurrence is not listed
    # round 7: an example closed by 等 on its own (EXAMPLE_END), quotes skipped
    assert listed("培育“夜间经济”等消费热点", "夜间经济")
    assert listed("完成钢铁等五个行业128家企业的治理项目", "钢铁")
    assert not listed("推动钢铁产业等转型升级", "钢铁")  # part of a longer item
    assert not listed("推进钢铁行业兼并重组，钢铁产能压减", "钢铁")
    s = ranking.score_row(1, 0.5, "围绕风电、氢能、光伏等。", (), "body", [("氢能",), ("光伏",)])
    assert s.signals["listed"] == 1.0
    s = ranking.score_row(1, 0.5, "围绕风电、氢能、光伏产业。", (), "body", [("氢能",), ("光伏",)])
    assert s.signals["listed"] == 0.5


def test_several_words_listed_as_one_compound_count_as_listed() -> None:
    """Round 8: 长江 经济带 held only as the list item 长江经济带, none of the words in the lead."""
    words, joined = ("长江", "经济带"), ranking.joined_words(["长江", " 经济带"])
    assert joined == "长江经济带"
    listed = "积极对接融入国家战略。对接融入“一带一路”、长江经济带、长江中游城市群等国家战略。"
    lead = ranking._squeeze(listed[: ranking.lead_end(listed)])
    assert ranking.compound_listed(listed, lead, words, joined)
    about = "推动长江经济带高质量发展。坚持共抓大保护、不搞大开发，推进长江经济带生态修复。"
    assert not ranking.compound_listed(about, about[:13], words, joined)  # not a list item
    # a lead naming one of the words makes the row about it, even with the compound listed
    lead_named = "大力发展长江航运。推动长江经济带、长江中游城市群等建设。"
    assert not ranking.compound_listed(lead_named, lead_named[:9], words, joined)
    assert not ranking.compound_listed(listed, lead, ("长江经济带",), "长江经济带")  # one word
    groups = [("长江",), ("经济带",)]
    s = ranking.score_row(1, 0.5, listed + FILLER, (), "body", groups, words=words, joined=joined)
    assert s.signals["listed"] == 1.0
    assert "named only in a list" in s.reasons
    assert ranking.score_row(1, 0.5, listed + FILLER, (), "body", groups).signals["listed"] == 0
    r = search(
        build_index([make_doc("d8c", [listed + FILLER, about + FILLER])]),
        "长江 经济带",
        use_jieba=False,
    )
    assert order(r)[0].startswith("推动长江经济带")
    assert "named only in a list" in r.hits[1].reasons


def test_a_word_that_only_begins_names_is_a_passing_mention() -> None:
    def named(text: str, term: str) -> bool:
        return ranking._named(text, term, ranking._positions(text, term))

    assert named("加快推进海峡国际会展中心周边建设", "海峡")
    assert named("推进黄河国家文化公园项目建设", "黄河")
    assert named("扩大市中小企业担保公司规模", "中小企业")
    assert not named("坚持不懈地抓好以水利为中心的农田建设", "水利")  # 为 ends the name's run
    assert not named("深化海峡两岸交流合作，建设海峡文化广场", "海峡")  # one occurrence is not
    assert not named("推进海峡两岸经济合作", "海峡")
    venue = "推进海峡国际会展中心、奥林匹克体育中心周边组团建设。" + FILLER
    about = "全面推进对台交流合作。落实海峡两岸经济合作框架协议，扩大两岸贸易。" + FILLER
    s = ranking.score_row(1, 0.5, venue, (), "body", [("海峡",)])
    assert s.signals["named"] == 1.0
    assert "part of a name" in s.reasons
    assert s.score < ranking.score_row(2, 0.5, about, (), "body", [("海峡",)]).score


def test_the_shortcomings_paragraph_ranks_below_one_about_the_topic() -> None:
    problems = (
        "同时，我们也清醒地认识到，发展中还存在不少困难和问题：营商环境还需优化，民营经济活力不足，"
        "创新能力不够强。" + FILLER
    )
    about = "全力发展民营经济。完善促进民营经济健康发展政策措施，优化营商环境。" + FILLER
    assert ranking.problems_signal(problems) == 1.0
    assert ranking.problems_signal(about) == 0.0
    assert ranking.problems_signal("针对群众反映的问题，逐项整改。" + FILLER) == 0.0
    r = search(build_index([make_doc("d9", [problems, about])]), "民营经济", use_jieba=False)
    assert order(r)[0] == about
    assert "shortcomings paragraph" in r.hits[1].reasons
    assert "problems -" in r.hits[1].signals


def test_structure_role_names_the_genres_parts_from_the_text() -> None:
    sr = ranking.structure_role
    assert sr("各位代表！让我们团结一心，为加快转型跨越发展而努力奋斗！") == ranking.STRUCT_ADDRESS
    assert sr("向全市人民致以崇高的敬意和衷心的感谢！") == ranking.STRUCT_ADDRESS
    # 各位代表，… without the closing ！: not an appeal, a transition spoken to the delegates
    assert sr("各位代表，安全生产责任重于泰山。要压实责任。") == ranking.STRUCT_SPEECH
    assert sr("各位代表！加快经济发展和改革开放，任务都是十分艰巨的。") == ranking.STRUCT_SPEECH
    # round 5: framing whose 之年 comes late, or a plan period's 关键时期
    long_frame = (
        "2021年是我国现代化建设进程中具有特殊重要性的一年，也是我市全面实施规划、推动转型开局之年。"
    )
    assert sr(long_frame) == ranking.STRUCT_FRAMING
    assert sr("“十五五”时期是我省高质量发展的关键时期。要把握机遇。") == ranking.STRUCT_FRAMING
    assert sr("明年是实施“十三五”规划的第一年。编制好规划。") == ranking.STRUCT_FRAMING
    assert sr("这一时期是产业转型的关键时期。") == ""  # no year or plan period before 是
    assert (
        sr("今年经济社会发展的主要预期目标是：地区生产总值增长6%左右。") == ranking.STRUCT_TARGETS
    )
    assert sr("今年政府工作的总体要求是：坚持稳中求进。") == ranking.STRUCT_FRAMING
    assert sr("今年是“十四五”规划收官之年。做好今年工作意义重大。") == ranking.STRUCT_FRAMING
    assert sr("过去一年，全市上下攻坚克难，经济回升向好。") == ranking.STRUCT_REVIEW
    assert sr("大力发展民营经济，优化营商环境。") == ""
    # round 7: the frame's other names (总体思路; 指导思想和奋斗目标)
    assert (
        sr("今年政府工作的总体思路是：深入贯彻新发展理念，做好六稳工作。") == ranking.STRUCT_FRAMING
    )
    assert sr("2022年政府工作的指导思想和奋斗目标是：坚持稳中求进。") == ranking.STRUCT_FRAMING
    assert sr("理清发展思路，完善总体思路设计。") == ""  # the words, not the frame


def test_query_kind_tells_indicator_and_plan_period_queries_from_topics() -> None:
    qk = ranking.query_kind
    assert (
        qk(["城镇化率"]) == qk(["固定资产投资", "增长"]) == qk(["GDP"]) == ranking.QUERY_INDICATOR
    )
    assert qk(["十四五"]) == ranking.QUERY_PERIOD
    assert qk(["总体要求"]) == qk(["主要预期目标"]) == qk(["各位代表"]) == ranking.QUERY_PART
    assert qk(["养老服务"]) == qk(["就业"]) == qk(["科技", "创新", "企业"]) == ranking.QUERY_TOPIC


def test_the_closing_appeal_and_the_plans_framing_rank_below_a_topic_paragraph() -> None:
    closing = "各位代表！转型发展使命光荣。让我们团结一心，为推动转型发展而努力奋斗！" + "！"
    framing = "今年政府工作的总体要求是：以转型发展为主线，稳中求进。" + FILLER
    about = "推动产业转型升级。实施技术改造项目，培育新兴产业集群。" + FILLER
    r = search(build_index([make_doc("d8", [closing, framing, about])]), "转型", use_jieba=False)
    assert order(r)[0] == about
    by_text = {h.text: h for h in r.hits}
    assert "address to the delegates" in by_text[closing].reasons
    assert "report overview, not about a topic" in by_text[framing].reasons
    speech = "各位代表，转型发展任务艰巨。这次大会之后，各级政府都要狠抓落实。" + FILLER
    r = search(build_index([make_doc("d5", [speech, about])]), "转型", use_jieba=False)
    assert order(r)[0] == about
    assert "overview -" in r.hits[1].signals
    assert "spoken to the delegates, not about a topic" in r.hits[1].reasons
    # an indicator query keeps the framing paragraph (it often states the target)
    target = "今年政府工作的总体要求是：以转型发展为主线，地区生产总值增长6%左右。" + FILLER
    r = search(build_index([make_doc("d7", [target, about])]), "转型 增长", use_jieba=False)
    assert [h.text for h in r.hits] == [target]
    assert "report overview" not in " ".join(r.hits[0].reasons)
    # a query for the part itself keeps it
    r = search(build_index([make_doc("d6", [framing, about])]), "总体要求", use_jieba=False)
    assert r.hits[0].text == framing
    assert "report overview" not in " ".join(r.hits[0].reasons)


def test_prior_uses_the_matchers_first_position_as_the_lead() -> None:
    body = ranking.prior(0.5, ranking.ROLE_BODY, 200)
    assert ranking.prior(0.5, ranking.ROLE_BODY, 200, first=-1) == body  # unknown: no change
    early = ranking.prior(0.5, ranking.ROLE_BODY, 200, first=3)
    late = ranking.prior(0.5, ranking.ROLE_BODY, 200, first=ranking.LEAD_MIN + 5)
    assert late == body
    assert early - body == ranking.WEIGHTS["lead"] * ranking.PRIOR_LEAD > 0


def test_priors_of_many_rows_are_the_floats_of_prior_row_by_row() -> None:
    """query (issue 11): the vectorised prior must give the very same floats (the pool's order
    depends on them), over roles, lengths around every threshold and lead positions."""
    import itertools
    import random

    rng = random.Random(5)
    roles = (ranking.ROLE_BODY, ranking.ROLE_HEADING, ranking.ROLE_NOTE, ranking.ROLE_APPENDED)
    sizes = (0, 1, ranking.SHORT, ranking.SHORT + 1, 57, ranking.FULL - 1, ranking.FULL, 2999)
    sizes += (ranking.OVERLONG, ranking.OVERLONG + 1, 106374)
    firsts = (-1, 0, ranking.LEAD_MIN - 1, ranking.LEAD_MIN, 300)
    rows = [(rng.random(), role, n, f) for role, n, f in itertools.product(roles, sizes, firsts)]
    got = ranking.priors(*zip(*rows, strict=True)).tolist()
    assert [repr(x) for x in got] == [repr(ranking.prior(*r)) for r in rows]


def test_the_pools_order_is_the_row_by_row_priors_order(monkeypatch: Any) -> None:
    """query (issue 11): search orders its pool with the vectorised prior and one lexsort; the
    order must be that of sorting row by row by (generated, -prior - metadata - elsewhere, row),
    as before, for every pool of a few queries over the seeds (metadata words, synonyms, long
    lists that take a second pool)."""
    from whoosh.util.numeric import byte_to_length

    from reporttui.core.search import search as search_module

    vectorised = search_module._prior_order
    checked = [0]

    def row_by_row(
        rows: list[int],
        t: Any,
        base: dict[int, float],
        roles: Any,
        n_roles: int,
        lengths: Any,
        weights: tuple[float, float, int],
        n_groups: int,
    ) -> list[int]:
        meta_w, away_w, naming = weights

        def cheap(d: int) -> float:
            role = roles[d] if roles is not None and d < n_roles else ranking.ROLE_BODY
            inside = lengths is not None and d < len(lengths)
            n = byte_to_length(int(lengths[d])) if inside else ranking.FULL
            hits = len(t.meta_rows.get(d, ()))
            return (
                ranking.prior(base[d], role or ranking.ROLE_BODY, n, t.firsts.get(d, -1))
                + meta_w * hits / n_groups
                + away_w * ranking.elsewhere_signal(naming, hits, n_groups)
            )

        want = sorted(rows, key=lambda d: (d in t.generated_rows, -cheap(d), d))
        got = vectorised(rows, t, base, roles, n_roles, lengths, weights, n_groups)
        assert got == want
        checked[0] += 1
        return got

    monkeypatch.setattr(search_module, "_prior_order", row_by_row)
    ix = seed_index()
    for query in ("发展", "太原 高质量发展", "乡村振兴 GDP", "2024 就业", "生态 保护"):
        search(ix, query, limit=300, use_jieba=False)
    assert checked[0] >= 5


def test_score_is_the_sum_of_named_terms() -> None:
    s = ranking.score_row(1, 0.5, "加快发展氢能产业。" + FILLER, ("一、氢能",), "body", [("氢能",)])
    expected = 0.5 + sum(
        ranking.WEIGHTS[k] * v for k, v in s.signals.items() if k in ranking.WEIGHTS
    )
    assert abs(s.score - expected) < 1e-9
    assert "lead +" in ranking.format_signals(s.signals)


# -- synonyms -------------------------------------------------------------------------------


def test_synonym_groups_merge_and_expand() -> None:
    table = synonyms.merge([("GDP", "地区生产总值"), ("地区生产总值", "生产总值")])
    assert table["GDP"] == ("GDP", "地区生产总值", "生产总值")
    exp = synonyms.expansions("GDP")
    assert exp is not None and ("地区生产总值",) in exp.alternatives
    part = synonyms.expansions("GDP增长目标")
    assert (
        part is not None
        and part.name == "GDP"
        and ("地区生产总值", "增长目标") in part.alternatives
    )


def test_user_synonyms_from_the_library_home(tmp_path: Path) -> None:
    (tmp_path / "synonyms.txt").write_text("\ufeff# mine\r\n林麝 香獐\n", encoding="utf-8")
    assert synonyms.table(tmp_path)["香獐"] == ("林麝", "香獐")
    assert "香獐" not in synonyms.table(None)


def test_synonyms_find_more_and_rank_the_word_as_typed_first() -> None:
    literal = "文旅融合发展。" + FILLER
    other = "文化旅游融合发展。" + FILLER
    ix = build_index([make_doc("d8", [other, literal])])
    r = search(ix, "文旅", use_jieba=False)
    assert order(r) == [literal, other]
    assert any("synonym" in why for why in r.hits[1].reasons)
    assert any("文化旅游" in line for line in r.expansions)
    assert search(ix, "文旅", use_jieba=False, synonyms=False).total == 1


def test_the_word_as_typed_ranks_first_even_when_synonym_rows_fill_the_shortlist() -> None:
    """Synonym rows with every cheap signal (short lead, body length, the word early) outnumber the
    shortlist; the one row holding the word as typed, late in a long row, still ranks first."""
    strong = [f"文化旅游融合发展第{i}项。文化旅游项目建设" + FILLER for i in range(40)]
    weak = FILLER * 3 + "推进文旅融合。"
    ix = build_index([make_doc("d10", [*strong, weak])])
    r = search(ix, "文旅", limit=5, use_jieba=False)
    assert r.total == 41
    assert r.hits[0].text == weak
    assert all(any("synonym" in why for why in h.reasons) for h in r.hits[1:])


def test_a_compound_word_is_widened_only_when_not_found_as_typed() -> None:
    target = "主要预期目标是：地区生产总值增长6%左右。" + FILLER
    ix = build_index([make_doc("d9", [target])])
    r = search(ix, "GDP增长目标")
    assert r.total == 1 and r.hits[0].text == target
    assert search(ix, "生产总值增长", use_jieba=False).total == 1


def test_synonyms_only_add_rows_on_the_seeds() -> None:
    """Recall against exact substring search stays 1.000 with synonyms on: nothing is lost."""
    ix = seed_index()
    rows = [r["text"] for d in seed_documents() for r in document_rows(d)]
    with ix.searcher() as s:
        for word in (
            "生产总值",
            "文化旅游",
            "民营经济",
            "利用外资",
            "固定资产投资",
            "棚户区改造",
            "规模以上工业",
        ):
            literal = sum(1 for t in rows if word in "".join(t.split()))
            wide = search(s, word, limit=10_000)
            assert wide.total >= literal
            assert sum(1 for h in wide.hits if word in "".join(h.text.split())) == literal
            first = [word in "".join(h.text.split()) for h in wide.hits]
            assert first == sorted(first, reverse=True) or wide.total == literal


# -- metadata words and region filters ------------------------------------------------------


def test_a_region_word_also_matches_the_reports_metadata() -> None:
    ty = make_doc("ty", ["力挺民营经济发展。" + FILLER], region="太原市")
    other = make_doc(
        "zz", ["太原等城市的民营经济。" + FILLER, "民营经济。" + FILLER], region="郑州市"
    )
    ix = build_index([ty, other])
    r = search(ix, "太原 民营经济", use_jieba=False)
    assert r.hits[0].doc_id == "ty"
    assert r.total == 2  # the 太原 report's paragraph, and the one that names 太原
    assert any("太原市" in why for why in r.hits[0].reasons)
    assert any("metadata" in line for line in r.expansions)
    assert search(ix, "太原", use_jieba=False).total == 1  # alone, a word is only text


def test_the_reports_own_place_in_its_text_does_not_count_again(monkeypatch: object) -> None:
    """Round 6: in 太原's own report the word 太原 is matched by the metadata; a row that also
    names 太原 in its text scores like one that does not (BM25F over the other words only)."""
    names = "在太原各地推进民营经济发展。" + FILLER
    plain = "在本市各地推进民营经济发展。" + FILLER
    ix = build_index([make_doc("ty", [names, plain], region="太原市")])
    for use_jieba in (False, True):  # with jieba, 太原's ranking-word boost is left out too
        r = search(ix, "太原 民营经济", use_jieba=use_jieba)
        by_text = {h.text: h for h in r.hits}
        assert by_text[names].score == by_text[plain].score
        assert all("太原市 (report metadata)" in " ".join(h.reasons) for h in r.hits)
        assert any("not scored again" in line for line in r.expansions)  # explain, F2
    monkeypatch.setattr(ranking, "METADATA_WORD_ONCE", False)  # type: ignore[attr-defined]
    for use_jieba in (False, True):
        r = search(ix, "太原 民营经济", use_jieba=use_jieba)
        by_text = {h.text: h for h in r.hits}
        assert by_text[names].score > by_text[plain].score  # the term is what makes them equal


def test_another_report_naming_the_place_ranks_under_the_places_own_rows(
    monkeypatch: object,
) -> None:
    """Round 7 (``elsewhere``): for 唐山 钢铁, a province's paragraph that names 唐山 and 钢铁 in its
    lead (BM25F over both words) ranks under 唐山's own paragraph on steel (BM25F
    over 钢铁 only), and explain says why; without the term it ranked first."""
    own = FILLER + "推进钢铁产业转型，压减过剩产能。"
    province = "推进唐山钢铁产业整合。" + FILLER
    ts = make_doc("ts", [own], region="唐山市")
    hb = make_doc("hb", [province], region="河北省")
    ix = build_index([ts, hb])
    r = search(ix, "唐山 钢铁", use_jieba=False)
    assert [h.doc_id for h in r.hits] == ["ts", "hb"]
    away = r.hits[1]
    assert "elsewhere -0.50" in away.signals  # explain / F2 show the term
    assert any("not a report the region/year word names" in why for why in away.reasons)
    assert "elsewhere" not in r.hits[0].signals
    # alone, the word is only text: no report is named and nothing is pushed down
    assert all("elsewhere" not in h.signals for h in search(ix, "唐山", use_jieba=False).hits)
    monkeypatch.setitem(ranking.WEIGHTS, "elsewhere", 0.0)  # type: ignore[attr-defined]
    assert search(ix, "唐山 钢铁", use_jieba=False).hits[0].doc_id == "hb"  # the term decides


def test_elsewhere_signal_is_the_share_of_naming_words_the_row_is_outside() -> None:
    assert ranking.elsewhere_signal(0, 0, 2) == 0.0  # no word names a report
    assert ranking.elsewhere_signal(1, 1, 1) == 0.0  # in the named report
    assert ranking.elsewhere_signal(1, 0, 1) == 1.0
    assert ranking.elsewhere_signal(2, 1, 2) == 0.5


def test_an_autonomous_prefectures_short_name_matches_its_metadata() -> None:
    """博尔塔拉 names 博尔塔拉蒙古自治州 (the nationalities before 自治州 are not part of the name
    people use alone), 大理 names 大理白族自治州; a report whose text never says it is found."""
    bo = make_doc("bo", ["推进阿拉山口口岸建设。" + FILLER], region="博尔塔拉蒙古自治州")
    dl = make_doc("dl", ["保护洱海生态。" + FILLER], region="大理白族自治州")
    other = make_doc("zz", ["口岸经济和洱海。" + FILLER], region="郑州市")
    ix = build_index([bo, dl, other])
    assert search(ix, "博尔塔拉 口岸", use_jieba=False).hits[0].doc_id == "bo"
    assert [h.doc_id for h in search(ix, "大理 洱海", use_jieba=False).hits] == ["dl"]
    assert search(ix, "内蒙古 口岸", use_jieba=False).total == 0  # no such report: only text


def test_a_year_word_matches_the_reports_year() -> None:
    a = make_doc("a", ["实施十四五规划。" + FILLER], year=2021)
    b = make_doc("b", ["实施十四五规划。" + FILLER], year=2016)
    r = search(build_index([a, b]), "2021 十四五", use_jieba=False)
    assert [h.doc_id for h in r.hits] == ["a"]


def test_region_filter_keeps_a_report_without_region_metadata_that_names_it() -> None:
    named = make_doc("cc", ["长春汽车产业。" + FILLER], region=None)
    named = Document(**{**named.__dict__, "title": "长春政府工作报告"})
    unnamed = make_doc("xx", ["汽车产业。" + FILLER], region=None)
    ix = build_index([named, unnamed])
    r = search(ix, "region:长春 汽车", use_jieba=False)
    assert [h.doc_id for h in r.hits] == ["cc"]


# -- explain ---------------------------------------------------------------------------------


def test_explain_shows_expansions_ranking_and_why() -> None:
    ix = build_index([make_doc("e1", ["文化旅游融合。" + FILLER, "文旅融合。" + FILLER])])
    result = search(ix, "文旅", use_jieba=False)
    info = explain("文旅", use_jieba=False, result=result)
    text = format_explain(info)
    assert "expand 文旅" in text and "文化旅游" in text
    assert "ranking: score = BM25F/best" in text
    assert "hit 1:" in text and "why:" in text
    offline = format_explain(explain("GDP增长目标", use_jieba=False))
    assert "地区生产总值" in offline


def test_search_pane_groups_hits_by_document_and_section() -> None:
    from dataclasses import replace

    from reporttui.core.session import grouped_order

    ix = build_index(
        [make_doc("g1", ["甲乡村振兴。" + FILLER]), make_doc("g2", ["乙乡村振兴。" + FILLER])]
    )
    base = search(ix, "乡村振兴", use_jieba=False).hits[0]
    a1 = replace(base, doc_id="A", section_path=("一",))
    b1 = replace(base, doc_id="B", section_path=("一",))
    a2 = replace(base, doc_id="A", section_path=("二",))
    a3 = replace(base, doc_id="A", section_path=("一",))
    # ranks: A/一, B/一, A/二, A/一 -> shown: A/一 (0, 3), A/二 (2), B/一 (1)
    assert grouped_order([a1, b1, a2, a3]) == [0, 3, 2, 1]


def test_repeated_counts_the_words_a_row_names_again() -> None:
    """Round 9: ``repeated`` is the share of words the row names at least twice."""
    assert ranking.repeated_signal([2, 1]) == 0.5
    assert ranking.repeated_signal([1]) == 0.0
    assert ranking.repeated_signal([]) == 0.0
    about = "大力发展民营经济。支持民营经济健康发展，落实各项政策。" + FILLER
    once = "优化营商环境，支持民营经济，落实各项政策。" + FILLER
    groups = [("民营经济",)]
    s_about = ranking.score_row(1, 0.5, about, (), "body", groups)
    s_once = ranking.score_row(2, 0.5, once, (), "body", groups)
    assert s_about.signals["repeated"] == 1.0 and s_once.signals["repeated"] == 0.0
    assert "named again in the row" in s_about.reasons
    assert "repeated" in ranking.format_signals(s_about.signals)


def test_part_of_several_words_listed_as_one_compound_counts_as_listed() -> None:
    """Round 9: two of three words held only as one list item (高校毕业生、退役军人…), none of
    them in the lead, count as listed; a row leading with them does not."""
    words = ("高校", "毕业生", "就业")
    runs = ranking.compound_runs(words)
    assert runs == ((2, "高校毕业生"), (2, "毕业生就业"))
    assert ranking.compound_runs(("a", "b")) == ()
    listed = "多措并举稳定和扩大就业，健全就业公共服务体系。做好高校毕业生、退役军人、农民工等重点群体就业工作。"
    lead = ranking._squeeze(listed[: ranking.lead_end(listed)])
    assert ranking.compound_listed_words(listed, lead, words, runs) == 2
    about = "促进高校毕业生就业。实施高校毕业生就业促进计划，拓宽就业渠道。"
    assert ranking.compound_listed_words(about, about[:10], words, runs) == 0
    groups = [("高校",), ("毕业生",), ("就业",)]
    joined = ranking.joined_words(words)
    s = ranking.score_row(
        1, 0.5, listed + FILLER, (), "body", groups, words=words, joined=joined, runs=runs
    )
    assert abs(s.signals["listed"] - 2 / 3) < 1e-9
    assert "named only in a list" in s.reasons
    without = ranking.score_row(1, 0.5, listed + FILLER, (), "body", groups)
    assert abs(without.signals["listed"] - 1 / 3) < 1e-9  # 毕业生 alone: the first of three
    r = search(
        build_index([make_doc("d9c", [listed + FILLER, about + FILLER])]),
        "高校 毕业生 就业",
        use_jieba=False,
    )
    assert order(r)[0].startswith("促进高校毕业生就业")  # the row about it first
    assert "named only in a list" in r.hits[1].reasons


TOILETS_ABOUT = (
    "深入推进厕所革命。新改建农村户厕一万座，公厕管护机制全面建立，粪污无害化处理率提高。"
)
TOILETS_ABOUT2 = "扎实推进厕所革命。完成户厕改造三千户，建设乡村公厕二百座，推进粪污资源化利用。"
TOILETS_FRAME = "持续推进厕所革命。加强组织领导，压实各方责任，确保各项任务落地见效。"
TOILETS_TASK = (
    "实施乡村建设行动。推进农村道路、供水、电网建设，推进厕所革命，开展生活垃圾和污水治理。"
)
TOILETS_TASK2 = "改善农村人居环境。开展村庄清洁行动，推进生活垃圾分类和污水治理，厕所革命持续推进。"
TOILETS_TASK3 = "推进城市更新。改造老旧小区一百个，整治背街小巷，推进城市厕所革命和垃圾分类。"
TOILETS_TASK4 = "提升文明程度。深化文明城市创建，推进移风易俗，开展旅游厕所革命和环境卫生整治。"


def _lead_of(text: str) -> str:
    return ranking._squeeze(text[: ranking.lead_end(text)])


def test_topical_vocabulary_is_learnt_from_the_rows_whose_lead_names_the_query() -> None:
    """Round 11: the pairs typical of the block's rows whose lead names the word (户厕, 公厕,
    粪污 of 厕所革命), not those every row holds (推进) nor the word's own (厕所, 革命)."""
    groups = [("厕所革命",)]
    block = [TOILETS_ABOUT, TOILETS_ABOUT2, TOILETS_TASK, TOILETS_TASK2]
    vocab = ranking.topical_vocabulary([(t, _lead_of(t)) for t in block], groups)
    assert {"户厕", "公厕", "粪污"} <= set(vocab)
    assert not {"推进", "厕所", "革命", "所革"} & set(vocab)
    assert len(vocab) <= ranking.TOPICAL_WORDS
    # one lead row naming the word teaches nothing: no vocabulary, the term is 0 for every row
    one = [TOILETS_ABOUT, TOILETS_TASK, TOILETS_TASK2]
    assert ranking.topical_vocabulary([(t, _lead_of(t)) for t in one], groups) == ()
    assert ranking.han_pairs("GDP增长5%，户厕") == {"增长", "户厕"}


def test_topical_favours_the_lead_row_that_goes_on_in_the_topics_words() -> None:
    """Round 11: of two rows naming 厕所革命 in their lead, the one written in the topic's own
    words ranks first; a row without the word in its lead gets no ``topical``."""
    groups = [("厕所革命",)]
    block = [TOILETS_ABOUT, TOILETS_ABOUT2, TOILETS_FRAME, TOILETS_TASK, TOILETS_TASK2]
    block += [TOILETS_TASK3, TOILETS_TASK4]  # a block holds many rows on wider areas
    vocab = ranking.topical_vocabulary([(t, _lead_of(t)) for t in block], groups)
    about = ranking.score_row(1, 0.5, TOILETS_ABOUT + FILLER, (), "body", groups, topical=vocab)
    frame = ranking.score_row(2, 0.5, TOILETS_FRAME + FILLER, (), "body", groups, topical=vocab)
    task = ranking.score_row(3, 0.5, TOILETS_TASK + FILLER, (), "body", groups, topical=vocab)
    assert about.signals["topical"] > frame.signals["topical"] == 0.0
    assert about.score > frame.score
    assert task.signals["topical"] == 0.0  # its lead names 乡村建设行动, not the word
    assert "topical +" in ranking.format_signals(about.signals)
    assert "written in the topic's own words" in about.reasons
    plain = ranking.score_row(1, 0.5, TOILETS_ABOUT + FILLER, (), "body", groups)
    assert plain.signals["topical"] == 0.0  # no vocabulary given: the score as before


def test_search_learns_the_topical_vocabulary_from_its_first_block() -> None:
    """Round 11, end to end: explain/F2's terms of the hits name ``topical`` and the row that
    develops the topic in its words ranks above the one that names it as a frame."""
    ix = build_index(
        [
            make_doc("t1", [TOILETS_ABOUT + FILLER]),
            make_doc("t2", [TOILETS_ABOUT2 + FILLER]),
            make_doc("t3", [TOILETS_FRAME + FILLER]),
            make_doc("t4", [TOILETS_TASK + FILLER]),
            make_doc("t5", [TOILETS_TASK2 + FILLER]),
            make_doc("t6", [TOILETS_TASK3 + FILLER]),
            make_doc("t7", [TOILETS_TASK4 + FILLER]),
        ]
    )
    hits = search(ix, "厕所革命", use_jieba=False).hits
    by_doc = {h.doc_id: h for h in hits}
    assert "topical +" in by_doc["t1"].signals and "topical" not in by_doc["t3"].signals
    order = [h.doc_id for h in hits]
    assert order.index("t1") < order.index("t3") and order.index("t2") < order.index("t3")
