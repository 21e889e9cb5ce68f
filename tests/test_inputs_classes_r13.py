"""Round 13 classes (issue 9, meta): news of the meetings that prepare a session, judged as
news of that meeting, not as session news (benchmarks/inputs/misses_r13_meta.md), on the
judged texts and on small texts written for the class and its look-alike."""

from __future__ import annotations

import pytest

from inputs_helpers import parse_data, parse_text


@pytest.mark.parametrize(
    "rel",
    [
        "held29/cqtn-zhengxie-zhaojiren-2019.txt",  # 区政协十届三次会议召开各组召集人会议
        "held29/360elib-xiangyang-jihua-2024.txt",  # 财经委召开专题会议…开展初步审查
        "held27/aqyx-yixiu-changweihui-2025.txt",  # 区四届人大常委会召开第二十六次会议
    ],
)
def test_news_of_a_meeting_preparing_the_session(rel: str) -> None:
    assert parse_data(rel).kind == "新闻报道"


def test_written_convenors_meeting_is_no_session_news() -> None:
    doc = parse_text(
        "县政协九届四次会议召开各组召集人会议\n"
        "本报讯（记者 李明）2月20日，县政协九届四次会议各组召集人会议召开，介绍大会议程。\n"
        "会议要求，各组召集人要组织委员认真讨论，确保大会顺利进行。\n"
    )
    assert doc.kind == "新闻报道"


def test_written_session_opening_stays_session_news() -> None:
    # The look-alike: the session itself opens; its convenors are not the event.
    doc = parse_text(
        "县政协九届四次会议开幕\n"
        "本报讯（记者 李明）2月21日，县政协九届四次会议在县会议中心开幕。\n"
        "会议听取和审议了县政协常委会工作报告，各组召集人随后组织委员讨论。\n"
    )
    assert doc.kind == "两会新闻"
