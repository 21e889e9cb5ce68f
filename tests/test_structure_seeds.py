"""The outline of each seed, as a reader sees it (expectations written by hand from the files)."""

from __future__ import annotations

from conftest import seed_doc
from reporttui.core.model import Document, Section


def titles(sections: tuple[Section, ...]) -> list[str]:
    return [s.title for s in sections]


def check_offsets(doc: Document) -> None:
    for s in doc.walk():
        if s.title_start >= 0:
            assert doc.text[s.title_start : s.title_end] == s.title
        for p in s.paragraphs:
            assert doc.text[p.start : p.end] == p.text
            assert p.section_id == s.id
    numbers = [p.number for p in doc.paragraphs()]
    assert numbers == list(range(1, len(numbers) + 1))
    starts = [p.start for p in doc.paragraphs()]
    assert starts == sorted(starts), "paragraph order must be text order"
    assert [s.id for s in doc.walk()] == [f"s{i}" for i in range(len(list(doc.walk())))]


def test_all_seeds_have_consistent_offsets_ids_and_numbers() -> None:
    for n in range(5):
        check_offsets(seed_doc(n))


def test_seed_000_markdown_digest() -> None:
    doc = seed_doc(0)
    top = doc.sections
    assert top[0].kind == "preamble" and top[0].title == "" and top[0].level == 0
    assert top[0].paragraphs[0].text == "加快重构省会城市唯一县级市的地位和形象"
    assert titles(top[1:]) == [
        "总体要求",
        "2024年 高质量发展迈出坚实步伐",
        "2025年 加快实现“二次腾飞”",
    ]
    review, plan = top[2], top[3]
    # Two of the eight 坚持… headings lack ### (they end with a markdown line break): same level.
    assert len(review.children) == 8
    assert {c.level for c in review.children} == {2}
    assert review.children[0].title == "坚持强产业、增动能，转型发展成型起势"
    assert review.children[1].title == "坚持推改革、谋创新，动力活力更加强劲"
    assert [c.title[:3] for c in plan.children] == ["(一)", "(二)", "(三)", "(四)", "(五)", "(六)"]
    assert [len(c.children) for c in plan.children] == [3, 5, 6, 6, 5, 3]
    first_lead = plan.children[0].children[0]
    assert first_lead.kind == "lead" and first_lead.title == "全力打好项目建设攻坚战。"
    assert first_lead.level == 3
    assert first_lead.paragraphs[0].text.startswith("全力打好项目建设攻坚战。开展续建项目")
    # Page breaks inside paragraphs are rejoined.
    assert "解决3家企业重大发展难题" in doc.text
    assert "“办不成事”窗口" in doc.text
    # "这一年，以…的拼劲，…" opens paragraphs in parallel but is not a heading.
    assert not any(s.title.startswith("这一年") for s in doc.walk())


def test_seed_001_feature_with_title_line_headings_and_captions() -> None:
    doc = seed_doc(1)
    top = doc.sections
    assert top[0].kind == "preamble"
    assert [p.text for p in top[0].paragraphs] == [
        "跻身太原发展“第二战场” 全面开启古交“二次创业”",
        "建设富强绿色宜居平安法治古交",
    ]
    heads = top[1:]
    assert len(heads) == 10
    assert {s.kind for s in heads} == {"title-line"} and {s.level for s in heads} == {1}
    assert heads[0].title == "牢记习近平总书记殷殷嘱托 在转型发展蹚新路征程上砥砺前行"
    assert heads[1].title == "全面从严管党治党 党风政风焕然一新"
    assert heads[-1].title == "自身建设全面加强 政府效能有效提升"
    assert all(len(s.paragraphs) == 1 for s in heads)
    assert "汾河三期河道治理工程" in doc.text
    captions = [d.text for d in doc.dropped if d.reason == "photo caption"]
    assert captions == [
        "美丽乡村上雁门村",
        "太古城际高速公交",
        "采煤沉陷区安置小区",
        "水泉森林公园",
        "中电投岔口风力发电",
        "兴能热电厂",
    ]
    assert [d.text for d in doc.dropped if d.reason == "byline"] == [
        "文字 徐方伟 图片 古交市新闻中心提供"
    ]
    assert "兴能热电厂" not in doc.text


def test_seed_002_vertical_title_wrapped_body_and_lead_sentences() -> None:
    doc = seed_doc(2)
    assert doc.meta["hard_wrapped"] == "yes"
    (only,) = doc.sections
    assert only.kind == "document" and only.level == 0
    assert only.paragraphs[0].text == (
        "“改革攻坚”与“民生提质”双轮驱动——交城县八大举措擘画2025年高质量发展新图景"
    )
    leads = only.children
    assert {s.kind for s in leads} == {"lead"}
    assert titles(leads[:7]) == [
        "经济运行持续向好。",
        "产业发展步伐有力。",
        "改革创新不断深化。",
        "城乡发展协同推进。",
        "民生福祉可感可及。",
        "社会大局和谐稳定。",
        "政府建设全面加强。",
    ]
    measures = leads[7:]
    assert len(measures) == 8, titles(measures)
    assert all(s.title.startswith("突出") and "，加快" in s.title for s in measures)
    assert measures[0].title == "突出速度质效并举，加快构建现代产业体系。"
    # Wrapped lines are one paragraph again; the word cut by the wrap is whole.
    assert "以“绣花功夫”优营商环境，着力构建" in doc.text
    assert (
        "春日的交城大地处处涌动着奋进的热潮。3月24日至3月28日，交城县十七届人大七次会议" in doc.text
    )
    assert "千方百计促消费" in measures[1].paragraphs[-1].text or any(
        "千方百计促消费" in p.text for p in measures[1].paragraphs
    )
    reasons = {d.reason: d.text for d in doc.dropped}
    assert reasons["masthead"] == "8 县域·交城 2025年4月3日 星期四"
    assert reasons["layout"].startswith("组版:惠爱宏")
    assert reasons["byline"] == "□文/ 冀美丽 图/ 褚泰杰 田谷仓 郭志远 王学富"
    assert "﹃" not in doc.text and "﹄" not in doc.text


def test_seed_003_web_page_plan_report() -> None:
    doc = seed_doc(3)
    top = doc.sections
    assert top[0].kind == "preamble"
    assert [p.text for p in top[0].paragraphs[:3]] == [
        "关于古交市2025年国民经济和社会发展计划执行情况与2026年国民经济和社会发展计划(草案)的报告",
        "——2025年12月29日在古交市第九届人民代表大会第七次会议上",
        "古交市发展改革和科技局局长 闫亮平",
    ]
    assert titles(top[1:]) == [
        "一、2025年国民经济和社会发展计划执行情况",
        "二、2026年国民经济和社会发展总体思路和主要目标",
        "三、2026年国民经济和社会发展主要任务",
    ]
    first = top[1]
    assert next(c.title for c in first.children) == "(一) 产业转型持续推进，发展质效稳步提升"
    assert [len(c.children) for c in first.children] == [3, 3, 4, 3, 3]
    lead = first.children[0].children[0]
    assert lead.title == "传统工业固本升级。" and lead.kind == "lead"
    assert doc.text[lead.title_start : lead.title_end] == "传统工业固本升级。"
    assert lead.title_start == lead.paragraphs[0].start
    assert [c.title for c in top[2].children] == ["(一) 总体思路", "(二)主要目标"]
    assert "\ue004" not in doc.text and "\ue003" not in doc.text
    chrome = [d.text for d in doc.dropped if d.reason == "web chrome"]
    assert chrome == [
        "Title",
        "您当前的位置: 首页 > > 文章详细",
        "发布时间:2026-01-04",
        "上一篇:",
        "高新区发布第五期4款特色产品",
        "下一篇:",
        "感谢、感悟、赶超、敢当四个关键词见证25年共同成长",
        "Title",
    ]
    # Half-width punctuation beside Chinese is made full-width.
    assert "我受市人民政府委托，现将" in doc.text


def test_seed_004_newspaper_second_half_with_inline_headings_and_appended_block() -> None:
    doc = seed_doc(4)
    top = doc.sections
    assert top[0].kind == "preamble"
    assert top[0].paragraphs[0].text == "政府工作报告"
    assert titles(top[1:3]) == ["二、2025年工作安排", "三、全面加强政府自身建设"]
    plan = top[1]
    assert len(plan.children) == 8
    first = plan.children[0]
    assert first.kind == "inline"
    assert first.title == "(一) 加快向新而行、向绿而行、向效而行。"
    assert first.paragraphs[0].text.startswith("产业体系向新图强，发展才能以质取胜。")
    assert titles(first.children) == [
        "下好创新“先手棋”。",
        "锚定产业“主赛道”。",
        "打造承载“集聚区”。",
        "提升要素“配置率”。",
    ]
    fifth = plan.children[4]
    assert fifth.title == "(五) 聚焦能级提升抓改革、扩开放、促发展。"
    assert fifth.paragraphs[0].text.startswith("城市有能级，才有核心竞争力。")
    sixth = plan.children[5]
    assert sixth.paragraphs[0].text.startswith("环境质量“只能更好、不能变坏”。")
    assert titles(sixth.children)[0] == "持续打好“三大保卫战”。"
    for word in ("聚焦“1233”重点产业链", "“平急两用”公共基础设施", "坚决当好贯彻落实的执行者"):
        assert word in doc.text
    appended = top[3]
    assert appended.part == "appended" and appended.level == 1
    assert appended.title == "建设国家区域中心城市 再现“锦绣太原城”盛景"
    assert appended.paragraphs[0].text == "杏花岭区"
    assert len(top) == 4
    last_main = list(top[2].all_paragraphs())[-1]
    assert last_main.text.endswith("奋力谱写中国式现代化太原新篇章！")
    assert "<div" not in doc.text
    assert [d.text for d in doc.dropped if d.reason == "layout"] == ["(上接第1版)"]
