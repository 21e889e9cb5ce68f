"""The gazetteer of divisions (data/gazetteer.tsv) and the metadata rules that use it.

Texts here are invented for the rule they test (no corpus text)."""

from __future__ import annotations

from reporttui.core.text.gazetteer import gazetteer, inside, is_division
from reporttui.core.text.ingest import parse_document


def test_gazetteer_facts() -> None:
    g = gazetteer()
    assert is_division("淳安县") and is_division("杭州市") and is_division("浙江省")
    assert inside("淳安县", "杭州市") and inside("淳安县", "浙江省")
    assert not inside("淳安县", "湖州市")
    assert g.short["汉寿"].name == "汉寿县"
    # 朝阳区 (twice), 朝阳县, 朝阳市: shared, never read as one place.
    assert "朝阳" in g.ambiguous and "朝阳" not in g.short
    # A common word (和平, 开放) is not a place's short name.
    assert "和平" in g.common and "和平" not in g.short
    # A province's short name: 河北区 is never "河北".
    assert "河北" not in g.short


def test_short_name_repeated_as_the_actor() -> None:
    text = (
        "县政协召开常委会议讨论政府工作报告征求意见稿\n\n"
        "12月20日，县政协主席主持召开常委会议，县委常委出席会议。\n\n"
        "委员们认为，报告抓住了汉寿当前经济社会发展的关键，符合汉寿发展实际，顺应全县人民期盼。\n"
    )
    assert parse_document(text).region == "汉寿县"


def test_short_name_once_is_not_enough() -> None:
    # (round 6, held13) Once is enough as the last resort, when the county is the only one the
    # text names as a place; with a second county named so, nothing.
    text = (
        "县政协召开常委会议讨论政府工作报告征求意见稿\n\n"
        "12月20日，县政协主席主持召开常委会议。委员们认为，报告符合汉寿发展实际。\n"
    )
    assert parse_document(text).region == "汉寿县"
    assert parse_document(text.replace("。\n", "，借鉴淳安发展经验。\n")).region is None


def test_unnamed_own_congress_takes_the_short_name_over_a_guest_city() -> None:
    text = (
        "您当前的位置: 德清新闻 > 时政要闻\n"
        "县十五届人大三次会议隆重开幕\n\n"
        "昨日上午，县第十五届人民代表大会第三次会议在县大会堂开幕。全县代表共商德清发展大计。\n\n"
        "湖州市人大常委会副主任应邀出席会议并在主席台就座。\n"
    )
    assert parse_document(text).region == "德清县"


def test_ambiguous_short_name_is_not_used() -> None:
    text = (
        "县政协召开常委会议\n\n"
        "委员们认为，报告抓住了朝阳当前经济社会发展的关键，符合朝阳发展实际，顺应全县人民期盼。\n"
    )
    assert parse_document(text).region is None


def test_short_name_at_the_start_of_the_title() -> None:
    text = "汉寿召开全县经济工作会议\n\n会议总结了今年的工作，部署了明年的任务。\n"
    assert parse_document(text).region == "汉寿县"


def test_short_name_in_a_dateline() -> None:
    text = "全县经济工作会议召开\n\n本报德清讯（记者 张三）12月20日，全县经济工作会议召开。\n"
    assert parse_document(text).region == "德清县"


def test_autonomous_prefecture_gets_its_full_name() -> None:
    text = (
        "政府工作报告\n\n"
        "——2021年1月10日在文山州第十四届人民代表大会第六次会议上\n\n"
        "各位代表：\n\n现在，我代表州人民政府向大会报告工作，请予审议。\n"
    )
    assert parse_document(text).region == "文山壮族苗族自治州"


def test_named_under_its_prefecture_is_the_inner_division() -> None:
    text = (
        "2021年杭州市淳安县人民政府工作报告\n\n"
        "各位代表：\n\n现在，我代表县人民政府向大会报告工作，请予审议。\n"
    )
    assert parse_document(text).region == "淳安县"


def test_a_county_since_renamed_keeps_its_name() -> None:
    # 东乡县 became 东乡区 (2017); it is not the autonomous county its name starts (东乡族自治县).
    text = (
        "政府工作报告\n\n"
        "——2015年1月10日在东乡县第十六届人民代表大会第五次会议上\n\n"
        "各位代表：\n\n现在，我代表县人民政府向大会报告工作，请予审议。\n"
    )
    assert parse_document(text).region == "东乡县"
