"""(issue 9) The meeting line and the title (or speaker) name different places, neither inside the
other: the body's own place names (the candidates' subordinate divisions, gazetteer) decide."""

from __future__ import annotations

from pathlib import Path

import pytest

from reporttui.core.text.ingest import load_document, parse_document


def _report(title: str, meeting: str, body: str) -> bytes:
    return (
        f"{title}\n\n——2020年1月10日在{meeting}第十五届人民代表大会第五次会议上\n\n市长 张三\n\n"
        f"各位代表：\n\n现在，我代表市人民政府，向大会报告政府工作。{body}\n"
    ).encode()


def test_the_body_naming_the_titles_divisions_overrules_a_meeting_line_typo() -> None:
    body = "浏阳市、宁乡市经济稳步增长，望城区新建产业园三个。"
    d = parse_document(_report("长沙市政府工作报告", "常州市", body), "a.txt")
    assert d.region == "长沙市"
    why = d.meta["evidence.region"]
    assert why.startswith("title over the meeting line (常州市)") and "浏阳市" in why


def test_the_meeting_line_stands_when_the_body_does_not_tell_them_apart() -> None:
    d = parse_document(_report("长沙市政府工作报告", "常州市", "全市经济稳步增长。"), "a.txt")
    assert d.region == "常州市"
    assert d.meta["evidence.region"].startswith("meeting line")


def test_a_meeting_line_inside_the_titles_place_is_no_conflict() -> None:
    body = "浏阳市、宁乡市经济稳步增长，望城区新建产业园三个。"
    d = parse_document(_report("湖南省宁乡市政府工作报告", "宁乡市", body), "a.txt")
    assert d.region == "宁乡市"
    assert d.meta["evidence.region"].startswith("meeting line")


@pytest.mark.corpus
def test_a_corpus_report_whose_meeting_line_names_another_city(corpus_dir: Path) -> None:
    [path] = corpus_dir.rglob("宿迁市/2015.md")
    d = load_document(path)
    assert d.title.startswith("宿州市") and d.region == "宿州市"
    assert "over the meeting line" in d.meta["evidence.region"]


def test_a_short_form_of_the_titles_name_is_one_place() -> None:
    body = "博乐市、精河县经济稳步增长，温泉县新建产业园三个。"
    src = _report("博尔塔拉蒙古自治州人民政府工作报告", "博尔塔拉州", body)
    d = parse_document(src, "a.txt")
    assert d.meta["evidence.region"].startswith("meeting line")
