"""Round 15 classes (issue 9, meta): national congress pieces with no region (rule 3), Macau's
financial-year addresses, a key year ahead (YYYY年是…之年，意义重大), a county's site naming it,
a national piece naming provinces in passing, and towns named once or by their short name
(benchmarks/inputs/misses_r15_meta.md), on the judged texts and on small texts written for each
class and its look-alike."""

from __future__ import annotations

import gzip

import pytest

from inputs_helpers import DATA, parse_data, parse_text
from reporttui.core.text.ingest import parse_document
from reporttui.core.text.town_region import came_to_town, short_named_town
from reporttui.core.text.year_votes import voted_year


@pytest.mark.parametrize(
    "rel",
    [
        "held20/hqjj-npc-jueyi-2017.txt",  # news of the NPC's closing vote
        "held29/healinghandsltd-bimuhui-2011.txt",  # transcript of the NPC's closing meeting
    ],
)
def test_national_congress_piece_has_no_region(rel: str) -> None:
    doc = parse_data(rel)
    assert doc.region is None
    assert doc.year is not None


def test_state_council_report_naming_the_session_stays_state_councils() -> None:
    # The look-alike: the report itself, given at the session, is 国务院's.
    doc = parse_text(
        "政府工作报告\n"
        "——2017年3月5日在第十二届全国人民代表大会第五次会议上\n"
        "国务院总理 李克强\n"
        "各位代表：\n现在，我代表国务院，向大会报告政府工作，请予审议。\n"
    )
    assert doc.region == "国务院"


@pytest.mark.parametrize(
    ("rel", "year"),
    [
        ("pages19/macaodaily-shizheng-2018.txt", 2018),  # 《2019年財政年度施政報告》 news, Nov
        ("pages20/govmo-shizheng-2017.txt", 2017),  # the coming 2018 address, 11月14日
        ("pages20/govmo-jieyu-2019.txt", 2019),  # 二○一九年財政年度政府工作總結及…
    ],
)
def test_macau_financial_year_addresses(rel: str, year: int) -> None:
    assert parse_data(rel).year == year


def test_financial_year_address_news_without_november_is_not_moved() -> None:
    # The look-alike: news in spring discussing the year's address gives no year by this rule.
    doc = parse_text(
        "居民热议施政报告\n"
        "本报讯 议员们昨日继续讨论《2019年财政年度施政报告》，认为报告回应了社会关切。\n"
    )
    assert doc.year != 2018


def test_key_year_ahead_votes_for_that_year() -> None:
    assert parse_data("held27/hhmz-mengzi-zhengxie-2025.txt").year == 2025
    ahead = "委员们表示，2025年是“十四五”规划收官的关键之年，意义重大。"
    assert voted_year(ahead, "两会新闻")[0] == 2025
    # Without a weight ahead it is no vote (a third of such clauses review the year before).
    assert voted_year("2020年是“十三五”规划收官之年，我们全面做好各项工作。", "两会新闻")[0] is None


def test_county_named_by_its_site() -> None:
    doc = parse_data("pages20/xinye-shicha-2025.txt")  # 首页 > 今日新野 > 今日新野
    assert doc.region == "新野县"


def test_site_name_of_a_city_is_no_county() -> None:
    # The look-alike: a column naming a prefecture city's short name is no county of this rule.
    doc = parse_text(
        "您当前所在位置: 首页 > 今日朝阳 >\n\n"
        "县人大常委会开展视察\n\n"
        "8月15日，县人大常委会对我县上半年计划执行情况进行视察。县人大常委会领导参加。\n"
    )
    assert doc.region is None


def test_national_piece_naming_provinces_in_passing() -> None:
    raw = gzip.decompress((DATA / "pages27/163-rongzipingtai-2015-gb2312.html.gz").read_bytes())
    doc = parse_document(raw, "163-rongzipingtai-2015-gb2312.html")
    assert (doc.region, doc.year) == (None, 2015)


def test_town_the_speaker_came_to() -> None:
    assert parse_data("held20/wenke99-jichang-shuzhi.txt").region == "吉昌镇"
    text = "我是今年二月份调入吉昌镇，当选为镇长。镇政府团结带领全镇干部群众，镇党委……"
    assert came_to_town(text) is not None
    # A county head transferred to a town speaks of the county: no town.
    county = "我调入吉昌镇工作过一年。全县、县政府、县委、县长、我县的工作……镇政府"
    assert came_to_town(county) is None


def test_town_by_its_short_name() -> None:
    assert parse_data("held20/xchen-chengchong-2005.txt").region == "枨冲镇"
    text = (
        "我代表镇人民政府向大会报告工作。我镇建成了关系枨冲全局的重大项目，"
        "进行了枨冲有史以来规模最大的交通建设。全镇、镇政府……"
    )
    assert short_named_town(text) == (
        "枨冲镇",
        "the short name its own 镇's report uses as the place (枨冲)",
    )
    # One form of use only (关系X全局 once) is not enough.
    assert short_named_town("我代表镇人民政府。我镇建成了关系枨冲全局的项目。全镇、镇政府") is None


def test_a_session_held_late_hearing_a_report_on_the_year_before_is_the_planned_years() -> None:
    # held32 h32-07 (a township's session on 4月18日) and held27 h27-14 (a county's on 9月7日):
    # the report heard reviews one year and sets the next one's tasks.
    assert parse_data("held32/jianpian-xinkaidi-2024.txt").year == 2024
    assert parse_data("held27/4huh31-shangcai-kaimu-2021.txt").year == 2021
    opening = "4月18日，某乡第十五届人民代表大会第六次会议召开。"
    heard = "会上，乡长作政府工作报告。报告总结了2023年经济社会发展成就"
    doc = parse_text(f"{opening}\n{heard}，明确了2024年政府工作目标任务。\n")
    assert (doc.kind, doc.year) == ("两会新闻", 2024)
    # Naming no later year, a session later in the year hears a review of that same year; in
    # November or December it stays the reviewed year's too.
    assert parse_text(f"{opening}\n{heard}。\n").year == 2023
    late = opening.replace("4月18日", "12月18日")
    assert parse_text(f"{late}\n{heard}，明确了2024年政府工作目标任务。\n").year == 2023


def test_a_press_release_on_todays_bracketed_date_is_news_of_its_headlines_month() -> None:
    # held32 h32-11 (a Hong Kong government press release, dates in Chinese numerals).
    doc = parse_data("held32/infogovhk-tongji-yuekan-2015.txt")
    assert (doc.kind, doc.year) == ("新闻报道", 2015)
    assert doc.title == "二零一五年四月号《香港统计月刊》现已出版"  # titles read in Simplified
    body = "统计处今日(四月十五日)出版二零一五年四月号《统计月刊》。\n本期刊登两篇专题文章，介绍主要行业。\n"
    doc = parse_text("二零一五年四月号《统计月刊》现已出版\n" + body)
    assert (doc.kind, doc.year) == ("新闻报道", 2015)
    assert doc.meta["evidence.year"] == "the headline's year and month (news, no date)"
    # A headline naming two years, or a year without its month, is no evidence of the year.
    for head in ("二零一五年四月号《统计月刊》回顾2014年", "二零一五年《统计月刊》现已出版"):
        doc = parse_text(f"{head}\n{body}")
        assert doc.meta.get("evidence.year") != "the headline's year and month (news, no date)"
    # 今日 with no bracketed date is no press release's opening.
    assert parse_text("统计月刊现已出版\n统计处今日出版统计月刊，刊登两篇专题文章。\n").kind is None
